/* string_module.c: the _string module string.Formatter builds on:
 * formatter_parser(s) iterates over (literal, field_name, format_spec,
 * conversion) chunks and formatter_field_name_split(name) gives the first
 * part of a field name and an iterator over its (is_attribute, key)
 * accessors. Both walk the str room's format-string parser
 * (AdStrFormat_*), the one str.format uses. */
#include "import/builtin_modules.h"

#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))

typedef struct {
    AdObject_HEAD;
    AdObject *str;
    Ad_ssize_t pos, end;
} iter_object;

static void iter_dealloc(AdObject *o)
{
    Ad_XDECREF(((iter_object *)o)->str);
    AD_TYPE(o)->tp_free(o);
}

static AdObject *substr_or_none(AdObject *s, Ad_ssize_t a, Ad_ssize_t b, int present)
{
    return present ? AdStr_Substring(s, a, b) : Ad_NewRef(Ad_None);
}

static AdObject *formatter_next(AdObject *self)
{
    iter_object *it = (iter_object *)self;
    AdStrFormatChunk ch;
    int r = AdStrFormat_NextChunk(it->str, &it->pos, it->end, &ch);
    if (r <= 0)
        return NULL;            /* end (no exception) or error */
    AdObject *items[4] = {
        AdStr_Substring(it->str, ch.lit_start, ch.lit_end),
        substr_or_none(it->str, ch.name_start, ch.name_end, ch.has_field),
        substr_or_none(it->str, ch.spec_start, ch.spec_end, ch.has_field),
        ch.conversion ? AdStr_FromOrdinal(ch.conversion) : Ad_NewRef(Ad_None),
    };
    AdObject *t = AdTuple_New(4);
    int ok = t != NULL;
    for (int i = 0; i < 4; i++) {
        ok = ok && items[i];
        if (t)
            AdTuple_SET_ITEM(t, i, items[i]);
        else
            Ad_XDECREF(items[i]);
    }
    if (!ok) {
        Ad_XDECREF(t);
        return NULL;
    }
    return t;
}

static AdTypeObject formatter_iter_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "formatteriterator",
    .tp_basicsize = sizeof(iter_object),
    .tp_dealloc = iter_dealloc,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = formatter_next,
    .tp_free = AdObject_Free,
};

/* A key of a field name: an int when all decimal digits, else the str. */
static AdObject *field_key(AdObject *s, Ad_ssize_t a, Ad_ssize_t b, Ad_ssize_t index)
{
    return index >= 0 ? AdInt_FromSsize_t(index) : AdStr_Substring(s, a, b);
}

static AdObject *fieldname_next(AdObject *self)
{
    iter_object *it = (iter_object *)self;
    int is_attr;
    Ad_ssize_t a, b, index;
    int r = AdStrFormat_FieldNext(it->str, &it->pos, it->end, &is_attr, &a, &b, &index);
    if (r <= 0)
        return NULL;
    AdObject *key = field_key(it->str, a, b, index);
    if (!key)
        return NULL;
    AdObject *t = AdTuple_New(2);
    if (!t) {
        Ad_DECREF(key);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, Ad_NewRef(is_attr ? Ad_True : Ad_False));
    AdTuple_SET_ITEM(t, 1, key);
    return t;
}

static AdTypeObject fieldname_iter_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "fieldnameiterator",
    .tp_basicsize = sizeof(iter_object),
    .tp_dealloc = iter_dealloc,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = fieldname_next,
    .tp_free = AdObject_Free,
};

static AdObject *new_iter(AdTypeObject *type, AdObject *s, Ad_ssize_t pos)
{
    iter_object *it = (iter_object *)AdType_GenericAlloc(type, 0);
    if (!it)
        return NULL;
    it->str = Ad_NewRef(s);
    it->pos = pos;
    it->end = AdStr_LENGTH(s);
    return (AdObject *)it;
}

static AdObject *formatter_parser(AdObject *m, AdObject *s)
{
    (void)m;
    if (!AdStr_CheckExact(s) && !AdStr_Check(s))
        return AdErr_Format(AdExc_TypeError, "expected str, got %.200s", AdType_Name(AD_TYPE(s)));
    return new_iter(&formatter_iter_type, s, 0);
}

static AdObject *formatter_field_name_split(AdObject *m, AdObject *s)
{
    (void)m;
    if (!AdStr_Check(s))
        return AdErr_Format(AdExc_TypeError, "expected str, got %.200s", AdType_Name(AD_TYPE(s)));
    Ad_ssize_t first_end, index;
    if (AdStrFormat_FieldFirst(s, 0, AdStr_LENGTH(s), &first_end, &index) < 0)
        return NULL;
    AdObject *first = field_key(s, 0, first_end, index);
    if (!first)
        return NULL;
    AdObject *rest = new_iter(&fieldname_iter_type, s, first_end);
    AdObject *t = rest ? AdTuple_New(2) : NULL;
    if (!t) {
        Ad_DECREF(first);
        Ad_XDECREF(rest);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, first);
    AdTuple_SET_ITEM(t, 1, rest);
    return t;
}

static AdMethodDef string_methods[] = {
    {"formatter_parser", FN(formatter_parser), AD_METH_O,
     "parse the argument as a format string"},
    {"formatter_field_name_split", FN(formatter_field_name_split), AD_METH_O,
     "split the argument as a field name"},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitString(void)
{
    if (AdType_Ready(&formatter_iter_type) < 0 || AdType_Ready(&fieldname_iter_type) < 0)
        return NULL;
    AdObject *m = AdModule_New("_string");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "string helper module") < 0 || AdModule_AddFunctions(m, string_methods) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
