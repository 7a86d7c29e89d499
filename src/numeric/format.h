/* numeric/format.h: the format-spec mini-language of format()/str.format
 * for numbers (Python 3.14, including grouping of the fractional part):
 *   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." [precision][grouping]][type]
 * The spec is parsed once into AdFormatSpec; the int and float formatters
 * append their text (UTF-8) to an AdNumBuf. Error texts are CPython's. */
#ifndef ADDER_NUMERIC_FORMAT_H
#define ADDER_NUMERIC_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "numeric/bigint.h"
#include "numeric/numeric.h"

typedef struct AdFormatSpec {
    uint32_t fill;          /* fill code point (default ' ') */
    int fill_given;         /* an explicit fill character was written */
    char align;             /* '<', '>', '=', '^', or 0 (the type's default) */
    char sign;              /* '+', '-', ' ', or 0 */
    int no_neg_zero;        /* 'z' */
    int alternate;          /* '#' */
    int64_t width;          /* -1: none */
    char thousands;         /* ',', '_' or 0 */
    int64_t precision;      /* -1: none */
    char frac_thousands;    /* ',', '_' or 0: grouping of fractional digits */
    uint32_t type;          /* presentation type code point, 0 for none */
} AdFormatSpec;

/* Parses spec (UTF-8, len bytes). type_name is the object's type name for
 * the messages ("Invalid format specifier '...' for object of type 'int'").
 * Returns 0, or -1 with a VALUE error. */
int AdFormat_ParseSpec(const char *spec, size_t len, const char *type_name,
                       AdFormatSpec *out, AdNumError *err);

/* format(x, spec) for a float (type_name for messages, normally "float").
 * Types e E f F g G n % and none. */
int AdFormat_Double(double x, const AdFormatSpec *spec, const char *type_name,
                    AdNumBuf *out, AdNumError *err);

/* format(a, spec) for an int: b c d o x X n and none, and the float types
 * (through float(a): "int too large to convert to float"). max_str_digits
 * limits decimal output (0: unlimited). */
int AdFormat_Int(const AdBigInt *a, const AdFormatSpec *spec, const char *type_name,
                 int64_t max_str_digits, AdNumBuf *out, AdNumError *err);

/* One-call conveniences: parse spec and format. */
int AdFormat_DoubleSpec(double x, const char *spec, size_t len, AdNumBuf *out,
                        AdNumError *err);
int AdFormat_IntSpec(const AdBigInt *a, const char *spec, size_t len,
                     int64_t max_str_digits, AdNumBuf *out, AdNumError *err);

/* Fast paths for format() of the common cases, writing ASCII into out (cap
 * bytes, no NUL): an int64 with the types d x X o b and none, a finite
 * float with f/F (precision <= 17, below 1e17), ASCII fill, width below
 * cap / 2, no zero padding through grouping separators. Return the length,
 * or -1 when the case is not covered (nothing reported: use the general
 * functions above, which also raise the errors). The spec must come from
 * AdFormat_ParseSpec. */
int AdFormat_FastInt64(int64_t v, const AdFormatSpec *f, char *out, size_t cap);
int AdFormat_FastDouble(double x, const AdFormatSpec *f, char *out, size_t cap);
/* "%.*f" of a finite ax >= 0 below 1e17 with prec <= 17, correctly
 * rounded like glibc's printf, into out (48 bytes): the length, or 0 for
 * other arguments. */
int AdFormat_FixedText(double ax, int prec, char *out);
/* The decimal text of v (with '-' when negative) into out (21 bytes):
 * the length. */
int AdFormat_Int64Text(int64_t v, char *out);

#endif
