/* csv_dialect.c: _csv.Dialect, the validated set of formatting parameters
 * shared by readers and writers, and the dialect registry lookups. Messages
 * follow CPython 3.14. */
#include <string.h>

#include "modules/csv_internal.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

enum { KW_DIALECT, KW_DELIMITER, KW_DOUBLEQUOTE, KW_ESCAPECHAR, KW_LINETERMINATOR, KW_QUOTECHAR,
       KW_QUOTING, KW_SKIPINITIALSPACE, KW_STRICT, KW_COUNT };

static const char *const dialect_kwnames[KW_COUNT] = {
    "dialect", "delimiter", "doublequote", "escapechar", "lineterminator",
    "quotechar", "quoting", "skipinitialspace", "strict",
};

AdObject *csv_lookup_dialect(AdObject *name)
{
    AdObject *d = csv_dialects ? AdDict_GetItemWithError(csv_dialects, name) : NULL;
    if (d)
        return Ad_NewRef(d);
    if (!AdErr_Occurred())
        AdErr_SetString(csv_error, "unknown dialect");
    return NULL;
}

/* The setters: src NULL means "not given" (keep the default). */
static int set_char(const char *name, uint32_t *target, AdObject *src, uint32_t dflt)
{
    if (!src) {
        *target = dflt;
        return 0;
    }
    if (!AdStr_Check(src)) {
        AdErr_Format(AdExc_TypeError, "\"%s\" must be a unicode character, not %s", name,
                     AdType_Name(AD_TYPE(src)));
        return -1;
    }
    if (AdStr_LENGTH(src) != 1) {
        AdErr_Format(AdExc_TypeError, "\"%s\" must be a unicode character, not a string of length %zd",
                     name, AdStr_LENGTH(src));
        return -1;
    }
    *target = AdStr_READ_CHAR(src, 0);
    return 0;
}

static int set_char_or_none(const char *name, uint32_t *target, AdObject *src, uint32_t dflt)
{
    if (!src) {
        *target = dflt;
        return 0;
    }
    *target = CSV_NOT_SET;
    if (src == Ad_None)
        return 0;
    if (!AdStr_Check(src)) {
        AdErr_Format(AdExc_TypeError, "\"%s\" must be a unicode character or None, not %s", name,
                     AdType_Name(AD_TYPE(src)));
        return -1;
    }
    if (AdStr_LENGTH(src) != 1) {
        AdErr_Format(AdExc_TypeError,
                     "\"%s\" must be a unicode character or None, not a string of length %zd", name,
                     AdStr_LENGTH(src));
        return -1;
    }
    *target = AdStr_READ_CHAR(src, 0);
    return 0;
}

static int set_bool(char *target, AdObject *src, int dflt)
{
    if (!src) {
        *target = (char)dflt;
        return 0;
    }
    int b = AdObject_IsTrue(src);
    if (b < 0)
        return -1;
    *target = (char)b;
    return 0;
}

static int set_int(const char *name, int *target, AdObject *src, int dflt)
{
    if (!src) {
        *target = dflt;
        return 0;
    }
    if (!AdInt_CheckExact(src)) {
        AdErr_Format(AdExc_TypeError, "\"%s\" must be an integer, not %s", name, AdType_Name(AD_TYPE(src)));
        return -1;
    }
    int64_t v = AdInt_AsInt64(src);
    if (v == -1 && AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_OverflowError))
            return -1;
        AdErr_Clear();
        v = INT64_MAX;
    }
    if (v < -0x7fffffffLL || v > 0x7fffffffLL) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *target = (int)v;
    return 0;
}

static int set_str(const char *name, AdObject **target, AdObject *src, const char *dflt)
{
    if (!src) {
        *target = AdStr_FromString(dflt);
        return *target ? 0 : -1;
    }
    if (!AdStr_Check(src)) {
        AdErr_Format(AdExc_TypeError, "\"%s\" must be a string, not %s", name, AdType_Name(AD_TYPE(src)));
        return -1;
    }
    *target = Ad_NewRef(src);
    return 0;
}

static int check_char(const char *name, uint32_t c, AdCsvDialect *d, int allowspace)
{
    if (c == '\r' || c == '\n' || (c == ' ' && !allowspace)) {
        AdErr_Format(AdExc_ValueError, "bad %s value", name);
        return -1;
    }
    if (c != CSV_NOT_SET &&
        AdStr_FindChar(d->lineterminator, c, 0, AdStr_LENGTH(d->lineterminator)) >= 0) {
        AdErr_Format(AdExc_ValueError, "bad %s or lineterminator value", name);
        return -1;
    }
    return 0;
}

static int check_pair(const char *n1, const char *n2, uint32_t c1, uint32_t c2)
{
    if (c1 == c2 && c1 != CSV_NOT_SET) {
        AdErr_Format(AdExc_ValueError, "bad %s or %s value", n1, n2);
        return -1;
    }
    return 0;
}

/* Fills d from vals (borrowed, NULL = absent) and validates it. */
static int dialect_fill(AdCsvDialect *d, AdObject *const *vals)
{
    if (set_char("delimiter", &d->delimiter, vals[KW_DELIMITER], ',') < 0 ||
        set_bool(&d->doublequote, vals[KW_DOUBLEQUOTE], 1) < 0 ||
        set_char_or_none("escapechar", &d->escapechar, vals[KW_ESCAPECHAR], CSV_NOT_SET) < 0 ||
        set_str("lineterminator", &d->lineterminator, vals[KW_LINETERMINATOR], "\r\n") < 0 ||
        set_char_or_none("quotechar", &d->quotechar, vals[KW_QUOTECHAR], '"') < 0 ||
        set_int("quoting", &d->quoting, vals[KW_QUOTING], CSV_QUOTE_MINIMAL) < 0 ||
        set_bool(&d->skipinitialspace, vals[KW_SKIPINITIALSPACE], 0) < 0 ||
        set_bool(&d->strict, vals[KW_STRICT], 0) < 0)
        return -1;
    if (d->quoting < CSV_QUOTE_MINIMAL || d->quoting > CSV_QUOTE_NOTNULL) {
        AdErr_SetString(AdExc_TypeError, "bad \"quoting\" value");
        return -1;
    }
    if (d->delimiter == CSV_NOT_SET) {
        AdErr_SetString(AdExc_TypeError, "\"delimiter\" must be a 1-character string");
        return -1;
    }
    if (vals[KW_QUOTECHAR] == Ad_None && !vals[KW_QUOTING])
        d->quoting = CSV_QUOTE_NONE;
    if (d->quoting != CSV_QUOTE_NONE && d->quotechar == CSV_NOT_SET) {
        AdErr_SetString(AdExc_TypeError, "quotechar must be set if quoting enabled");
        return -1;
    }
    if (check_char("delimiter", d->delimiter, d, 1) < 0 ||
        check_char("escapechar", d->escapechar, d, !d->skipinitialspace) < 0 ||
        check_char("quotechar", d->quotechar, d, !d->skipinitialspace) < 0 ||
        check_pair("delimiter", "escapechar", d->delimiter, d->escapechar) < 0 ||
        check_pair("delimiter", "quotechar", d->delimiter, d->quotechar) < 0 ||
        check_pair("escapechar", "quotechar", d->escapechar, d->quotechar) < 0)
        return -1;
    return 0;
}

/* vals: borrowed, indexed by KW_*; NULL = absent. */
static AdObject *dialect_build(AdTypeObject *type, AdObject **vals)
{
    AdObject *dialect = vals[KW_DIALECT];
    AdObject *owned[KW_COUNT] = {NULL};
    AdObject *result = NULL;
    if (dialect) {
        if (AdStr_Check(dialect)) {
            dialect = csv_lookup_dialect(dialect);
            if (!dialect)
                return NULL;
        }
        else
            Ad_INCREF(dialect);
        int reuse = AdObject_TypeCheck(dialect, &AdCsvDialect_Type);
        for (int i = 1; i < KW_COUNT && reuse; i++)
            if (vals[i])
                reuse = 0;
        if (reuse)
            return dialect;
        for (int i = 1; i < KW_COUNT; i++) {
            if (vals[i])
                continue;
            /* CPython ignores any error raised by the attribute lookup. */
            if (AdObject_GetOptionalAttr(dialect, AdStr_InternFromString(dialect_kwnames[i]), &owned[i]) < 0)
                AdErr_Clear();
            vals[i] = owned[i];
        }
    }
    AdCsvDialect *d = (AdCsvDialect *)type->tp_alloc(type, 0);
    if (!d)
        goto done;
    if (dialect_fill(d, vals) < 0) {
        Ad_DECREF((AdObject *)d);
        goto done;
    }
    result = (AdObject *)d;
done:
    for (int i = 0; i < KW_COUNT; i++)
        Ad_XDECREF(owned[i]);
    Ad_XDECREF(dialect);
    return result;
}

static int find_kw(AdObject *key)
{
    for (int i = 0; i < KW_COUNT; i++)
        if (AdStr_EqualToASCII(key, dialect_kwnames[i]))
            return i;
    return -1;
}

static AdObject *dialect_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    AdObject *vals[KW_COUNT] = {NULL};
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    if (nargs > KW_COUNT)
        return AdErr_Format(AdExc_TypeError, "function takes at most %d arguments (%zd given)", KW_COUNT, nargs);
    for (Ad_ssize_t i = 0; i < nargs; i++)
        vals[i] = AdTuple_GET_ITEM(args, i);
    if (kwds) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (AdDict_Next(kwds, &pos, &k, &v)) {
            if (!AdStr_Check(k))
                return AdErr_Format(AdExc_TypeError, "keywords must be strings");
            int i = find_kw(k);
            if (i < 0)
                return AdErr_Format(AdExc_TypeError, "this function got an unexpected keyword argument '%s'",
                                    AdStr_AsUTF8(k));
            if (i < nargs)
                return AdErr_Format(AdExc_TypeError,
                                    "argument for function given by name ('%s') and position (%d)",
                                    dialect_kwnames[i], i + 1);
            vals[i] = v;
        }
    }
    return dialect_build(type, vals);
}

AdObject *csv_make_dialect(AdObject *dialect_arg, AdObject *const *kwvals, AdObject *kwnames)
{
    AdObject *vals[KW_COUNT] = {NULL};
    vals[KW_DIALECT] = dialect_arg;
    Ad_ssize_t nk = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t k = 0; k < nk; k++) {
        AdObject *key = AdTuple_GET_ITEM(kwnames, k);
        int i = find_kw(key);
        if (i < 0)
            return AdErr_Format(AdExc_TypeError, "this function got an unexpected keyword argument '%s'",
                                AdStr_AsUTF8(key));
        if (i == KW_DIALECT && dialect_arg)
            return AdErr_Format(AdExc_TypeError,
                                "argument for function given by name ('dialect') and position (1)");
        vals[i] = kwvals[k];
    }
    return dialect_build(&AdCsvDialect_Type, vals);
}

static void dialect_dealloc(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self);
    AD_CLEAR(((AdCsvDialect *)self)->lineterminator);
    type->tp_free(self);
}

static AdObject *char_or_none(uint32_t c)
{
    if (c == CSV_NOT_SET)
        Ad_RETURN_NONE;
    return AdStr_FromOrdinal(c);
}

static AdObject *get_delimiter(AdObject *self, void *c)
{
    (void)c;
    return char_or_none(((AdCsvDialect *)self)->delimiter);
}
static AdObject *get_escapechar(AdObject *self, void *c)
{
    (void)c;
    return char_or_none(((AdCsvDialect *)self)->escapechar);
}
static AdObject *get_quotechar(AdObject *self, void *c)
{
    (void)c;
    return char_or_none(((AdCsvDialect *)self)->quotechar);
}
static AdObject *get_lineterminator(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(((AdCsvDialect *)self)->lineterminator);
}
static AdObject *get_quoting(AdObject *self, void *c)
{
    (void)c;
    return AdInt_FromInt64(((AdCsvDialect *)self)->quoting);
}

static AdGetSetDef dialect_getset[] = {
    {"delimiter", get_delimiter, NULL, NULL, NULL},
    {"escapechar", get_escapechar, NULL, NULL, NULL},
    {"lineterminator", get_lineterminator, NULL, NULL, NULL},
    {"quotechar", get_quotechar, NULL, NULL, NULL},
    {"quoting", get_quoting, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdObject *dialect_reduce_ex(AdObject *self, AdObject *proto)
{
    (void)proto;
    return AdErr_Format(AdExc_TypeError, "cannot pickle '%s' instances", AdType_ShortName(AD_TYPE(self)));
}

static AdMethodDef dialect_methods[] = {
    {"__reduce_ex__", (void (*)(void))dialect_reduce_ex, AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef dialect_members[] = {
    {"skipinitialspace", AD_T_BOOL, offsetof(AdCsvDialect, skipinitialspace), AD_READONLY, NULL},
    {"doublequote", AD_T_BOOL, offsetof(AdCsvDialect, doublequote), AD_READONLY, NULL},
    {"strict", AD_T_BOOL, offsetof(AdCsvDialect, strict), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdCsvDialect_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_csv.Dialect",
    .tp_basicsize = sizeof(AdCsvDialect),
    .tp_dealloc = dialect_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
    .tp_methods = dialect_methods,
    .tp_members = dialect_members,
    .tp_getset = dialect_getset,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = dialect_new,
    .tp_free = AdObject_Free,
};
