/* csv_internal.h: what the files of the native _csv module share: the
 * Dialect object layout, the module-wide state (Error class, dialect
 * registry, field size limit) and the helpers that turn a dialect argument
 * plus keyword parameters into a validated Dialect. */
#ifndef ADDER_MODULES_CSV_INTERNAL_H
#define ADDER_MODULES_CSV_INTERNAL_H
#include <stdint.h>
#include "objects/object.h"

#define CSV_NOT_SET ((uint32_t)0xFFFFFFFFu)   /* an unset character */
#define CSV_EOL ((uint32_t)0xFFFFFFFEu)       /* end of one input line */

enum { CSV_QUOTE_MINIMAL, CSV_QUOTE_ALL, CSV_QUOTE_NONNUMERIC, CSV_QUOTE_NONE,
       CSV_QUOTE_STRINGS, CSV_QUOTE_NOTNULL };

typedef struct {
    AdObject_HEAD;
    uint32_t delimiter;
    uint32_t quotechar;         /* CSV_NOT_SET when None */
    uint32_t escapechar;        /* CSV_NOT_SET when None */
    int quoting;
    char doublequote;
    char skipinitialspace;
    char strict;
    AdObject *lineterminator;   /* str */
} AdCsvDialect;

extern AdTypeObject AdCsvDialect_Type;
extern AdTypeObject AdCsvReader_Type;
extern AdTypeObject AdCsvWriter_Type;

/* Module state, made at the first import and kept for the process. */
extern AdObject *csv_error;        /* _csv.Error */
extern AdObject *csv_dialects;     /* _csv._dialects: name -> Dialect */
extern int64_t csv_field_limit;

/* The registered dialect called name (new ref), or NULL with
 * _csv.Error("unknown dialect") set. */
AdObject *csv_lookup_dialect(AdObject *name);
/* Dialect(dialect_arg, **kwargs) where dialect_arg may be NULL and kwnames
 * names the values kwvals[0..]. New ref or NULL. */
AdObject *csv_make_dialect(AdObject *dialect_arg, AdObject *const *kwvals, AdObject *kwnames);
/* The reader(iterable, dialect, **kw) and writer(file, dialect, **kw)
 * constructors (vectorcall arguments). New ref or NULL. */
AdObject *csv_reader_new(AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames);
AdObject *csv_writer_new(AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames);

#endif
