/* csv_writer.c: _csv.writer, which formats rows as delimited text (with
 * quoting and escaping chosen by the dialect) and hands each record to the
 * file's write method. Messages follow CPython 3.14. */
#include <string.h>

#include "modules/csv_internal.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "memory/alloc.h"
#include "memory/gc.h"

typedef struct {
    AdObject_HEAD;
    AdObject *write;            /* the bound write method */
    AdCsvDialect *dialect;
    uint32_t *rec;              /* the record being built */
    Ad_ssize_t rec_len, rec_size;
    Ad_ssize_t num_fields;
} csv_writer;

static int rec_add(csv_writer *w, uint32_t c)
{
    if (w->rec_len == w->rec_size) {
        Ad_ssize_t n = w->rec_size ? w->rec_size * 2 : 256;
        uint32_t *p = AdMem_Realloc(w->rec, (size_t)n * sizeof(uint32_t));
        if (!p) {
            AdErr_NoMemory();
            return -1;
        }
        w->rec = p;
        w->rec_size = n;
    }
    w->rec[w->rec_len++] = c;
    return 0;
}

static int is_special(AdCsvDialect *d, uint32_t c)
{
    return c == d->delimiter || c == d->escapechar || c == d->quotechar || c == '\n' || c == '\r' ||
           AdStr_FindChar(d->lineterminator, c, 0, AdStr_LENGTH(d->lineterminator)) >= 0;
}

/* Whether c must be preceded by the escape character (given the dialect
 * and that c is special). */
static int wants_escape(AdCsvDialect *d, uint32_t c)
{
    if (d->quoting == CSV_QUOTE_NONE)
        return 1;
    if (c == d->quotechar)
        return !d->doublequote;
    return c == d->escapechar;
}

/* Appends one field; field NULL stands for None (an empty field). */
static int append_field(csv_writer *w, AdObject *field, int quoted)
{
    AdCsvDialect *d = w->dialect;
    Ad_ssize_t n = field ? AdStr_LENGTH(field) : 0;
    int kind = field ? AdStr_KIND(field) : 1;
    const void *data = field ? AdStr_DATA(field) : NULL;
    if (n == 0 && d->delimiter == ' ' && d->skipinitialspace) {
        if (d->quoting == CSV_QUOTE_NONE ||
            (!field && (d->quoting == CSV_QUOTE_STRINGS || d->quoting == CSV_QUOTE_NOTNULL))) {
            AdErr_SetString(csv_error, "empty field must be quoted if delimiter is a space "
                                       "and skipinitialspace is true");
            return -1;
        }
        quoted = 1;
    }
    /* First pass: decide quoting and check escapability. */
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, data, i);
        if (!is_special(d, c))
            continue;
        if (wants_escape(d, c)) {
            if (d->escapechar == CSV_NOT_SET) {
                AdErr_SetString(csv_error, "need to escape, but no escapechar set");
                return -1;
            }
        }
        else
            quoted = 1;
    }
    if (w->num_fields > 0 && rec_add(w, d->delimiter) < 0)
        return -1;
    if (quoted && rec_add(w, d->quotechar) < 0)
        return -1;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, data, i);
        if (is_special(d, c)) {
            if (wants_escape(d, c)) {
                if (rec_add(w, d->escapechar) < 0)
                    return -1;
            }
            else if (c == d->quotechar && rec_add(w, d->quotechar) < 0)
                return -1;
        }
        if (rec_add(w, c) < 0)
            return -1;
    }
    if (quoted && rec_add(w, d->quotechar) < 0)
        return -1;
    w->num_fields++;
    return 0;
}

static int is_number(AdObject *o)
{
    AdNumberMethods *nb = AD_TYPE(o)->tp_as_number;
    return (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) || AdComplex_Check(o);
}

static AdObject *writer_writerow(AdObject *self, AdObject *seq)
{
    csv_writer *w = (csv_writer *)self;
    AdCsvDialect *d = w->dialect;
    AdObject *it = AdObject_GetIter(seq);
    if (!it) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_Format(csv_error, "iterable expected, not %s", AdType_Name(AD_TYPE(seq)));
        }
        return NULL;
    }
    w->rec_len = 0;
    w->num_fields = 0;
    AdObject *field;
    int last_null = 0;
    while ((field = AdIter_Next(it))) {
        int quoted;
        switch (d->quoting) {
        case CSV_QUOTE_NONNUMERIC: quoted = !is_number(field); break;
        case CSV_QUOTE_ALL: quoted = 1; break;
        case CSV_QUOTE_STRINGS: quoted = AdStr_Check(field); break;
        case CSV_QUOTE_NOTNULL: quoted = field != Ad_None; break;
        default: quoted = 0; break;
        }
        int rc;
        last_null = field == Ad_None;
        if (AdStr_Check(field))
            rc = append_field(w, field, quoted);
        else if (field == Ad_None)
            rc = append_field(w, NULL, quoted);
        else {
            AdObject *s = AdObject_Str(field);
            rc = s ? append_field(w, s, quoted) : -1;
            Ad_XDECREF(s);
        }
        Ad_DECREF(field);
        if (rc < 0) {
            Ad_DECREF(it);
            return NULL;
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    if (w->num_fields > 0 && w->rec_len == 0) {
        if (d->quoting == CSV_QUOTE_NONE ||
            (last_null && (d->quoting == CSV_QUOTE_STRINGS || d->quoting == CSV_QUOTE_NOTNULL))) {
            AdErr_SetString(csv_error, "single empty field record must be quoted");
            return NULL;
        }
        w->num_fields--;
        if (append_field(w, NULL, 1) < 0)
            return NULL;
    }
    Ad_ssize_t tn = AdStr_LENGTH(d->lineterminator);
    for (Ad_ssize_t i = 0; i < tn; i++)
        if (rec_add(w, AdStr_READ_CHAR(d->lineterminator, i)) < 0)
            return NULL;
    AdObject *line = AdStr_FromUCS4(w->rec, w->rec_len);
    if (!line)
        return NULL;
    AdObject *res = AdObject_CallOneArg(w->write, line);
    Ad_DECREF(line);
    return res;
}

static AdObject *writer_writerows(AdObject *self, AdObject *rows)
{
    AdObject *it = AdObject_GetIter(rows);
    if (!it)
        return NULL;
    AdObject *row;
    while ((row = AdIter_Next(it))) {
        AdObject *r = writer_writerow(self, row);
        Ad_DECREF(row);
        if (!r) {
            Ad_DECREF(it);
            return NULL;
        }
        Ad_DECREF(r);
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    Ad_RETURN_NONE;
}

static void writer_dealloc(AdObject *self)
{
    csv_writer *w = (csv_writer *)self;
    AdObject_GC_UnTrack(self);
    AD_CLEAR(w->write);
    AD_CLEAR(w->dialect);
    AdMem_Free(w->rec);
    w->rec = NULL;
    AD_TYPE(self)->tp_free(self);
}

static int writer_traverse(AdObject *self, visitproc visit, void *arg)
{
    csv_writer *w = (csv_writer *)self;
    if (w->write && visit(w->write, arg))
        return 1;
    if (w->dialect && visit((AdObject *)w->dialect, arg))
        return 1;
    return 0;
}

static int writer_clear(AdObject *self)
{
    csv_writer *w = (csv_writer *)self;
    AD_CLEAR(w->write);
    AD_CLEAR(w->dialect);
    return 0;
}

static AdMethodDef writer_methods[] = {
    {"writerow", (void (*)(void))writer_writerow, AD_METH_O,
     "writerow($self, row, /)\n--\n\nConstruct and write a CSV record from an iterable of fields.\n\n"
     "Non-string elements will be converted to string."},
    {"writerows", (void (*)(void))writer_writerows, AD_METH_O,
     "writerows($self, rows, /)\n--\n\nConstruct and write a series of iterables to a csv file.\n\n"
     "Non-string elements will be converted to string."},
    {NULL, NULL, 0, NULL},
};

static AdObject *writer_no_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
}

static AdMemberDef writer_members[] = {
    {"dialect", AD_T_OBJECT, offsetof(csv_writer, dialect), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdCsvWriter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_csv.writer",
    .tp_basicsize = sizeof(csv_writer),
    .tp_dealloc = writer_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "CSV writer\n\nWriter objects are responsible for generating tabular data\n"
              "in CSV format from sequence input.\n",
    .tp_traverse = writer_traverse,
    .tp_clear = writer_clear,
    .tp_methods = writer_methods,
    .tp_members = writer_members,
    .tp_free = AdObject_GC_Del,
    .tp_new = writer_no_new,
};

/* _csv.writer(fileobj, dialect='excel', **fmtparams) */
AdObject *csv_writer_new(AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (AdArg_CheckPositional("writer", nargs, 1, 2) < 0)
        return NULL;
    csv_writer *w = (csv_writer *)AdObject_GC_New(&AdCsvWriter_Type);
    if (!w)
        return NULL;
    w->write = NULL;
    w->dialect = NULL;
    w->rec = NULL;
    w->rec_len = w->rec_size = w->num_fields = 0;
    AdObject_GC_Track((AdObject *)w);
    if (AdObject_GetOptionalAttr(args[0], AdStr_InternFromString("write"), &w->write) < 0)
        goto fail;
    if (!w->write || !AD_TYPE(w->write)->tp_call) {
        AdErr_SetString(AdExc_TypeError, "argument 1 must have a \"write\" method");
        goto fail;
    }
    w->dialect = (AdCsvDialect *)csv_make_dialect(nargs > 1 ? args[1] : NULL, args + nargs, kwnames);
    if (!w->dialect)
        goto fail;
    return (AdObject *)w;
fail:
    Ad_DECREF((AdObject *)w);
    return NULL;
}
