/* csv_reader.c: _csv.reader, the record parser. A state machine fed one
 * code point at a time (plus CSV_EOL at the end of each input line), with
 * CPython 3.14's treatment of quotes, escapes, embedded newlines, strict
 * mode and the QUOTE_NONNUMERIC / QUOTE_STRINGS / QUOTE_NOTNULL conversions. */
#include <string.h>

#include "modules/csv_internal.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "memory/alloc.h"
#include "memory/gc.h"

typedef enum {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
} parse_state;

typedef struct {
    AdObject_HEAD;
    AdObject *input_iter;
    AdCsvDialect *dialect;
    AdObject *fields;           /* list being built, or NULL */
    parse_state state;
    uint32_t *field;            /* code points of the current field */
    Ad_ssize_t field_len, field_size;
    int unquoted_field;
    Ad_ssize_t line_num;
} csv_reader;

static int reader_reset(csv_reader *r)
{
    AD_CLEAR(r->fields);
    r->fields = AdList_New(0);
    if (!r->fields)
        return -1;
    r->field_len = 0;
    r->state = START_RECORD;
    r->unquoted_field = 1;
    return 0;
}

static int save_field(csv_reader *r)
{
    int quoting = r->dialect->quoting;
    AdObject *field;
    if (r->unquoted_field && r->field_len == 0 &&
        (quoting == CSV_QUOTE_NOTNULL || quoting == CSV_QUOTE_STRINGS))
        field = Ad_NewRef(Ad_None);
    else {
        field = AdStr_FromUCS4(r->field, r->field_len);
        if (!field)
            return -1;
        if (r->unquoted_field && r->field_len != 0 &&
            (quoting == CSV_QUOTE_NONNUMERIC || quoting == CSV_QUOTE_STRINGS)) {
            AdObject *num = AdObject_CallOneArg((AdObject *)&AdFloat_Type, field);
            Ad_DECREF(field);
            if (!num)
                return -1;
            field = num;
        }
    }
    r->field_len = 0;
    r->unquoted_field = 1;
    int rc = AdList_Append(r->fields, field);
    Ad_DECREF(field);
    return rc;
}

static int add_char(csv_reader *r, uint32_t c)
{
    if (r->field_len >= csv_field_limit) {
        AdErr_Format(csv_error, "field larger than field limit (%lld)", (long long)csv_field_limit);
        return -1;
    }
    if (r->field_len == r->field_size) {
        Ad_ssize_t n = r->field_size ? r->field_size * 2 : 64;
        uint32_t *p = AdMem_Realloc(r->field, (size_t)n * sizeof(uint32_t));
        if (!p) {
            AdErr_NoMemory();
            return -1;
        }
        r->field = p;
        r->field_size = n;
    }
    r->field[r->field_len++] = c;
    return 0;
}

/* End a record on a line break or the end of the line. */
static int end_record(csv_reader *r, uint32_t c)
{
    if (save_field(r) < 0)
        return -1;
    r->state = c == CSV_EOL ? START_RECORD : EAT_CRNL;
    return 0;
}

static int process_char(csv_reader *r, uint32_t c)
{
    AdCsvDialect *d = r->dialect;
    int newline = c == '\n' || c == '\r';
    switch (r->state) {
    case START_RECORD:
        if (c == CSV_EOL)
            return 0;
        if (newline) {
            r->state = EAT_CRNL;
            return 0;
        }
        r->state = START_FIELD;
        /* fall through */
    case START_FIELD:
        if (newline || c == CSV_EOL)
            return end_record(r, c);
        if (c == d->quotechar && d->quoting != CSV_QUOTE_NONE) {
            r->unquoted_field = 0;
            r->state = IN_QUOTED_FIELD;
        }
        else if (c == d->escapechar)
            r->state = ESCAPED_CHAR;
        else if (c == ' ' && d->skipinitialspace)
            ;
        else if (c == d->delimiter)
            return save_field(r);
        else {
            if (add_char(r, c) < 0)
                return -1;
            r->state = IN_FIELD;
        }
        return 0;
    case ESCAPED_CHAR:
        if (newline) {
            if (add_char(r, c) < 0)
                return -1;
            r->state = AFTER_ESCAPED_CRNL;
            return 0;
        }
        if (c == CSV_EOL)
            c = '\n';
        if (add_char(r, c) < 0)
            return -1;
        r->state = IN_FIELD;
        return 0;
    case AFTER_ESCAPED_CRNL:
        if (c == CSV_EOL)
            return 0;
        /* fall through */
    case IN_FIELD:
        if (newline || c == CSV_EOL)
            return end_record(r, c);
        if (c == d->escapechar)
            r->state = ESCAPED_CHAR;
        else if (c == d->delimiter) {
            if (save_field(r) < 0)
                return -1;
            r->state = START_FIELD;
        }
        else if (add_char(r, c) < 0)
            return -1;
        return 0;
    case IN_QUOTED_FIELD:
        if (c == CSV_EOL)
            ;
        else if (c == d->escapechar)
            r->state = ESCAPE_IN_QUOTED_FIELD;
        else if (c == d->quotechar && d->quoting != CSV_QUOTE_NONE)
            r->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        else if (add_char(r, c) < 0)
            return -1;
        return 0;
    case ESCAPE_IN_QUOTED_FIELD:
        if (c == CSV_EOL)
            c = '\n';
        if (add_char(r, c) < 0)
            return -1;
        r->state = IN_QUOTED_FIELD;
        return 0;
    case QUOTE_IN_QUOTED_FIELD:
        if (d->quoting != CSV_QUOTE_NONE && c == d->quotechar) {
            if (add_char(r, c) < 0)
                return -1;
            r->state = IN_QUOTED_FIELD;
        }
        else if (c == d->delimiter) {
            if (save_field(r) < 0)
                return -1;
            r->state = START_FIELD;
        }
        else if (newline || c == CSV_EOL)
            return end_record(r, c);
        else if (!d->strict) {
            if (add_char(r, c) < 0)
                return -1;
            r->state = IN_FIELD;
        }
        else {
            AdObject *dl = AdStr_FromOrdinal(d->delimiter), *q = AdStr_FromOrdinal(d->quotechar);
            if (dl && q)
                AdErr_Format(csv_error, "'%s' expected after '%s'", AdStr_AsUTF8(dl), AdStr_AsUTF8(q));
            Ad_XDECREF(dl);
            Ad_XDECREF(q);
            return -1;
        }
        return 0;
    case EAT_CRNL:
        if (newline)
            ;
        else if (c == CSV_EOL)
            r->state = START_RECORD;
        else {
            AdErr_SetString(csv_error, "new-line character seen in unquoted field - "
                                       "do you need to open the file with newline=''?");
            return -1;
        }
        return 0;
    }
    return 0;
}

static AdObject *reader_iternext(AdObject *self)
{
    csv_reader *r = (csv_reader *)self;
    if (reader_reset(r) < 0)
        return NULL;
    do {
        AdObject *line = AdIter_Next(r->input_iter);
        if (!line) {
            if (!AdErr_Occurred() && (r->field_len != 0 || r->state == IN_QUOTED_FIELD)) {
                if (r->dialect->strict)
                    AdErr_SetString(csv_error, "unexpected end of data");
                else if (save_field(r) >= 0)
                    break;
            }
            return NULL;
        }
        if (!AdStr_Check(line)) {
            AdErr_Format(csv_error,
                         "iterator should return strings, not %s (the file should be opened in text mode)",
                         AdType_Name(AD_TYPE(line)));
            Ad_DECREF(line);
            return NULL;
        }
        r->line_num++;
        int kind = AdStr_KIND(line);
        const void *data = AdStr_DATA(line);
        Ad_ssize_t n = AdStr_LENGTH(line);
        for (Ad_ssize_t i = 0; i < n; i++)
            if (process_char(r, AdStr_READ(kind, data, i)) < 0) {
                Ad_DECREF(line);
                return NULL;
            }
        Ad_DECREF(line);
        if (process_char(r, CSV_EOL) < 0)
            return NULL;
    } while (r->state != START_RECORD);
    AdObject *fields = r->fields;
    r->fields = NULL;
    return fields;
}

static void reader_dealloc(AdObject *self)
{
    csv_reader *r = (csv_reader *)self;
    AdObject_GC_UnTrack(self);
    AD_CLEAR(r->input_iter);
    AD_CLEAR(r->dialect);
    AD_CLEAR(r->fields);
    AdMem_Free(r->field);
    r->field = NULL;
    AD_TYPE(self)->tp_free(self);
}

static int reader_traverse(AdObject *self, visitproc visit, void *arg)
{
    csv_reader *r = (csv_reader *)self;
    if (r->input_iter && visit(r->input_iter, arg))
        return 1;
    if (r->dialect && visit((AdObject *)r->dialect, arg))
        return 1;
    if (r->fields && visit(r->fields, arg))
        return 1;
    return 0;
}

static int reader_clear(AdObject *self)
{
    csv_reader *r = (csv_reader *)self;
    AD_CLEAR(r->input_iter);
    AD_CLEAR(r->dialect);
    AD_CLEAR(r->fields);
    return 0;
}

static AdObject *reader_no_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
}

static AdMemberDef reader_members[] = {
    {"dialect", AD_T_OBJECT, offsetof(csv_reader, dialect), AD_READONLY, NULL},
    {"line_num", AD_T_SSIZE, offsetof(csv_reader, line_num), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdCsvReader_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_csv.reader",
    .tp_basicsize = sizeof(csv_reader),
    .tp_dealloc = reader_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\n"
              "in CSV format.\n",
    .tp_traverse = reader_traverse,
    .tp_clear = reader_clear,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = reader_iternext,
    .tp_members = reader_members,
    .tp_free = AdObject_GC_Del,
    .tp_new = reader_no_new,
};

/* _csv.reader(iterable, dialect='excel', **fmtparams) */
AdObject *csv_reader_new(AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (AdArg_CheckPositional("reader", nargs, 1, 2) < 0)
        return NULL;
    csv_reader *r = (csv_reader *)AdObject_GC_New(&AdCsvReader_Type);
    if (!r)
        return NULL;
    r->input_iter = NULL;
    r->dialect = NULL;
    r->fields = NULL;
    r->field = NULL;
    r->field_len = r->field_size = 0;
    r->line_num = 0;
    r->state = START_RECORD;
    r->unquoted_field = 1;
    AdObject_GC_Track((AdObject *)r);
    r->input_iter = AdObject_GetIter(args[0]);
    if (!r->input_iter)
        goto fail;
    r->dialect = (AdCsvDialect *)csv_make_dialect(nargs > 1 ? args[1] : NULL, args + nargs, kwnames);
    if (!r->dialect || reader_reset(r) < 0)
        goto fail;
    return (AdObject *)r;
fail:
    Ad_DECREF((AdObject *)r);
    return NULL;
}
