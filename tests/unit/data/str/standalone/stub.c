/* stub.c: a minimal stand-in for the object kernel (errors, exception types, int/bool/float, tuple, list, dict), only for running test_str.c before the real kernel is in the tree. Not part of the build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "objects/object.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/typeobject.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/bytes.h"
#include "memory/alloc.h"

AdTypeObject AdType_Type = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = "type" };
AdTypeObject AdBaseObject_Type = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = "object" };
AdObject _Ad_NoneStruct = { AD_IMMORTAL_REFCNT, NULL };

/* exceptions */
#define DEF_EXC(name) AdTypeObject AdExcType_##name = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = #name, .tp_flags = AD_TPFLAGS_BASE_EXC_SUBCLASS };
AD_EXC_TYPES(DEF_EXC)
typedef struct { AdObject_HEAD; AdObject *args; } excobj;
static AdObject *cur_exc;

int AdType_IsSubtype(AdTypeObject *a, AdTypeObject *b)
{
    for (; a; a = a->tp_base)
        if (a == b)
            return 1;
    return b == &AdBaseObject_Type;
}

static AdObject *exc_new(AdObject *type, AdObject *args)
{
    excobj *e = malloc(sizeof *e);
    e->ob_base.ob_refcnt = 1;
    e->ob_base.ob_type = (AdTypeObject *)type;
    e->args = args;
    return (AdObject *)e;
}
static void exc_dealloc(AdObject *o) { Ad_DECREF(((excobj *)o)->args); free(o); }
AdObject *AdErr_Occurred(void) { return cur_exc ? (AdObject *)AD_TYPE(cur_exc) : NULL; }
void AdErr_SetObject(AdObject *type, AdObject *value)
{
    AD_CLEAR(cur_exc);
    if (value && Ad_IS_TYPE(value, (AdTypeObject *)type)) {
        cur_exc = Ad_NewRef(value);
        return;
    }
    cur_exc = exc_new(type, value ? AdTuple_Pack(1, value) : AdTuple_New(0));
}
void AdErr_SetString(AdObject *type, const char *msg)
{
    AdObject *s = AdStr_FromString(msg);
    AdErr_SetObject(type, s);
    Ad_DECREF(s);
}
AdObject *AdErr_FormatV(AdObject *type, const char *fmt, va_list va)
{
    AdObject *s = AdStr_FromFormatV(fmt, va);
    AdErr_SetObject(type, s);
    Ad_XDECREF(s);
    return NULL;
}
AdObject *AdErr_Format(AdObject *type, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    AdErr_FormatV(type, fmt, va);
    va_end(va);
    return NULL;
}
AdObject *AdErr_GetRaisedException(void) { AdObject *e = cur_exc; cur_exc = NULL; return e; }
void AdErr_Clear(void) { AD_CLEAR(cur_exc); }
int AdErr_GivenExceptionMatches(AdObject *exc, AdObject *type)
{
    AdTypeObject *t = AD_TYPE(exc) == &AdType_Type ? (AdTypeObject *)exc : AD_TYPE(exc);
    return AdType_IsSubtype(t, (AdTypeObject *)type);
}
int AdErr_ExceptionMatches(AdObject *type) { return cur_exc && AdErr_GivenExceptionMatches(cur_exc, type); }
AdObject *AdErr_NoMemory(void) { AdErr_SetString(AdExc_MemoryError, "oom"); return NULL; }
void AdErr_BadInternalCall(void) { AdErr_SetString(AdExc_SystemError, "bad argument to internal function"); }
int AdErr_BadArgument(void) { AdErr_SetString(AdExc_TypeError, "bad argument type for built-in operation"); return 0; }

/* the message of an exception, as str() gives it */
AdObject *stub_exc_message(AdObject *e)
{
    AdObject *args = ((excobj *)e)->args;
    if (AD_TYPE(e) == &AdExcType_UnicodeDecodeError || AD_TYPE(e) == &AdExcType_UnicodeEncodeError) {
        AdObject *obj = AdTuple_GET_ITEM(args, 1);
        Ad_ssize_t s = AdInt_AsSsize_t(AdTuple_GET_ITEM(args, 2)), en = AdInt_AsSsize_t(AdTuple_GET_ITEM(args, 3));
        if (AD_TYPE(e) == &AdExcType_UnicodeDecodeError) {
            if (en == s + 1)
                return AdStr_FromFormat("'%U' codec can't decode byte 0x%02x in position %zd: %U", AdTuple_GET_ITEM(args, 0),
                                        (unsigned)(unsigned char)AdBytes_AS_STRING(obj)[s], s, AdTuple_GET_ITEM(args, 4));
            return AdStr_FromFormat("'%U' codec can't decode bytes in position %zd-%zd: %U", AdTuple_GET_ITEM(args, 0), s, en - 1, AdTuple_GET_ITEM(args, 4));
        }
        if (en == s + 1) {
            uint32_t c = AdStr_READ_CHAR(obj, s);
            char b[16];
            if (c < 0x100) snprintf(b, sizeof b, "\\x%02x", c);
            else if (c < 0x10000) snprintf(b, sizeof b, "\\u%04x", c);
            else snprintf(b, sizeof b, "\\U%08x", c);
            return AdStr_FromFormat("'%U' codec can't encode character '%s' in position %zd: %U", AdTuple_GET_ITEM(args, 0), b, s, AdTuple_GET_ITEM(args, 4));
        }
        return AdStr_FromFormat("'%U' codec can't encode characters in position %zd-%zd: %U", AdTuple_GET_ITEM(args, 0), s, en - 1, AdTuple_GET_ITEM(args, 4));
    }
    if (AdTuple_GET_SIZE(args) == 0)
        return AdStr_FromString("");
    if (AD_TYPE(e) == &AdExcType_KeyError)
        return AdObject_Repr(AdTuple_GET_ITEM(args, 0));
    return AdObject_Str(AdTuple_GET_ITEM(args, 0));
}

/* int and bool (one limb) */
static AdObject *int_repr(AdObject *o)
{
    char b[32];
    snprintf(b, sizeof b, "%lld", (long long)AdInt_AsInt64(o));
    return AdStr_FromString(b);
}
static AdObject *int_index(AdObject *o) { return Ad_NewRef(o); }
static Ad_hash_t int_hash(AdObject *o) { Ad_hash_t h = AdInt_AsInt64(o); return h == -1 ? -2 : h; }
static AdObject *int_rc(AdObject *a, AdObject *b, int op)
{
    if (!AdInt_Check(a) || !AdInt_Check(b)) return Ad_NotImplemented;
    int64_t x = AdInt_AsInt64(a), y = AdInt_AsInt64(b);
    int r = op == AD_EQ ? x == y : op == AD_NE ? x != y : op == AD_LT ? x < y : op == AD_LE ? x <= y : op == AD_GT ? x > y : x >= y;
    return AdBool_FromLong(r);
}
static AdNumberMethods int_nb = { .nb_index = int_index, .nb_int = int_index };
AdTypeObject AdInt_Type = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = "int", .tp_repr = int_repr, .tp_as_number = &int_nb,
                            .tp_flags = AD_TPFLAGS_LONG_SUBCLASS, .tp_hash = int_hash, .tp_richcompare = int_rc };
static AdObject *bool_repr(AdObject *o) { return AdStr_FromString(AdInt_AsInt64(o) ? "True" : "False"); }
AdTypeObject AdBool_Type = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = "bool", .tp_repr = bool_repr, .tp_as_number = &int_nb,
                             .tp_flags = AD_TPFLAGS_LONG_SUBCLASS, .tp_base = &AdInt_Type, .tp_hash = int_hash, .tp_richcompare = int_rc };
AdIntObject _Ad_TrueStruct = { { { AD_IMMORTAL_REFCNT, &AdBool_Type }, 1 }, { 1 } };
AdIntObject _Ad_FalseStruct = { { { AD_IMMORTAL_REFCNT, &AdBool_Type }, 0 }, { 0 } };
AdObject *AdInt_FromInt64(int64_t v)
{
    AdIntObject *o = malloc(sizeof *o);
    o->ob_base.ob_base.ob_refcnt = 1;
    o->ob_base.ob_base.ob_type = &AdInt_Type;
    o->ob_base.ob_size = v == 0 ? 0 : v < 0 ? -1 : 1;
    o->limbs[0] = v < 0 ? (uint64_t)(-v) : (uint64_t)v;
    return (AdObject *)o;
}
AdObject *AdInt_FromSsize_t(Ad_ssize_t v) { return AdInt_FromInt64(v); }
int64_t AdInt_AsInt64(AdObject *o)
{
    AdIntObject *i = (AdIntObject *)o;
    return AD_SIZE(i) < 0 ? -(int64_t)i->limbs[0] : AD_SIZE(i) == 0 ? 0 : (int64_t)i->limbs[0];
}
Ad_ssize_t AdInt_AsSsize_t(AdObject *o) { return AdInt_AsInt64(o); }
int AdInt_AsInt64Exact(AdObject *o, int64_t *out) { *out = AdInt_AsInt64(o); return 1; }
double AdInt_AsDouble(AdObject *o) { return (double)AdInt_AsInt64(o); }
int AdInt_Sign(AdObject *o) { return AD_SIZE(o) < 0 ? -1 : AD_SIZE(o) > 0; }
Ad_ssize_t AdNumber_AsSsize_t(AdObject *o, AdObject *exc)
{
    (void)exc;
    if (!AdInt_Check(o)) {
        AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer", AD_TYPE(o)->tp_name);
        return -1;
    }
    return AdInt_AsInt64(o);
}

/* object protocol */
void Ad_Dealloc(AdObject *o) { AD_TYPE(o)->tp_dealloc(o); }
AdObject *AdObject_Repr(AdObject *o) { if (o == Ad_None) return AdStr_FromString("None"); return AD_TYPE(o)->tp_repr ? AD_TYPE(o)->tp_repr(o) : AdStr_FromFormat("<%s object>", AD_TYPE(o)->tp_name); }
AdObject *AdObject_Str(AdObject *o) { return AD_TYPE(o)->tp_str ? AD_TYPE(o)->tp_str(o) : AdObject_Repr(o); }
AdObject *AdObject_ASCII(AdObject *o)
{
    AdObject *r = AdObject_Repr(o);
    if (!r) return NULL;
    AdObject *b = AdStr_AsEncodedString(r, "ascii", "backslashreplace");
    Ad_DECREF(r);
    if (!b) return NULL;
    r = AdStr_FromStringAndSize(AdBytes_AS_STRING(b), AD_SIZE(b));
    Ad_DECREF(b);
    return r;
}
Ad_hash_t AdObject_Hash(AdObject *o) { return AD_TYPE(o)->tp_hash(o); }
int AdObject_RichCompareBool(AdObject *a, AdObject *b, int op)
{
    if (a == b) return op == AD_EQ;
    AdObject *r = AD_TYPE(a)->tp_richcompare ? AD_TYPE(a)->tp_richcompare(a, b, op) : Ad_NotImplemented;
    if (r == Ad_NotImplemented) return op == AD_NE;
    return r == Ad_True;
}
int AdObject_IsTrue(AdObject *o)
{
    if (o == Ad_None || o == Ad_False) return 0;
    if (AdInt_Check(o)) return AD_SIZE(o) != 0;
    if (AdStr_Check(o)) return AdStr_LENGTH(o) != 0;
    return 1;
}
AdObject *_Ad_NotImplementedStruct_p;
AdObject _Ad_NotImplementedStruct = { AD_IMMORTAL_REFCNT, NULL };
AdObject *AdObject_Call(AdObject *callable, AdObject *args, AdObject *kwargs)
{
    (void)kwargs;
    if (AD_TYPE(callable) == &AdType_Type && (((AdTypeObject *)callable)->tp_flags & AD_TPFLAGS_BASE_EXC_SUBCLASS))
        return exc_new(callable, Ad_NewRef(args));
    AdErr_SetString(AdExc_TypeError, "stub: not callable");
    return NULL;
}
AdObject *AdObject_CallOneArg(AdObject *c, AdObject *a) { (void)c; (void)a; AdErr_SetString(AdExc_TypeError, "stub call"); return NULL; }
AdObject *AdObject_LookupSpecial(AdObject *o, AdObject *n) { (void)o; (void)n; return NULL; }
AdObject *AdObject_GetAttr(AdObject *o, AdObject *n)
{
    return AdErr_Format(AdExc_AttributeError, "'%.50s' object has no attribute '%U'", AD_TYPE(o)->tp_name, n);
}
AdObject *AdObject_GetIter(AdObject *o) { return AdErr_Format(AdExc_TypeError, "'%.50s' object is not iterable", AD_TYPE(o)->tp_name); }
AdObject *AdIter_Next(AdObject *it) { (void)it; return NULL; }

/* tuple */
static void tuple_dealloc(AdObject *o)
{
    for (Ad_ssize_t i = 0; i < AD_SIZE(o); i++) Ad_XDECREF(AdTuple_GET_ITEM(o, i));
    free(o);
}
AdTypeObject AdTuple_Type = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = "tuple", .tp_dealloc = tuple_dealloc, .tp_flags = AD_TPFLAGS_TUPLE_SUBCLASS };
AdObject *AdTuple_New(Ad_ssize_t n)
{
    AdTupleObject *t = calloc(1, sizeof *t + (size_t)(n ? n : 1) * sizeof(AdObject *));
    t->ob_base.ob_base.ob_refcnt = 1;
    t->ob_base.ob_base.ob_type = &AdTuple_Type;
    t->ob_base.ob_size = n;
    t->hash = -1;
    return (AdObject *)t;
}
AdObject *AdTuple_Pack(Ad_ssize_t n, ...)
{
    va_list va;
    va_start(va, n);
    AdObject *t = AdTuple_New(n);
    for (Ad_ssize_t i = 0; i < n; i++) AdTuple_SET_ITEM(t, i, Ad_NewRef(va_arg(va, AdObject *)));
    va_end(va);
    return t;
}
AdObject *AdTuple_FromArray(AdObject *const *items, Ad_ssize_t n)
{
    AdObject *t = AdTuple_New(n);
    for (Ad_ssize_t i = 0; i < n; i++) AdTuple_SET_ITEM(t, i, Ad_NewRef(items[i]));
    return t;
}

/* list */
static void list_dealloc(AdObject *o)
{
    for (Ad_ssize_t i = 0; i < AD_SIZE(o); i++) Ad_DECREF(AdList_GET_ITEM(o, i));
    free(((AdListObject *)o)->items);
    free(o);
}
static AdObject *list_sub(AdObject *o, AdObject *k)
{
    Ad_ssize_t i = AdInt_AsInt64(k);
    if (i < 0) i += AD_SIZE(o);
    if (i < 0 || i >= AD_SIZE(o)) { AdErr_SetString(AdExc_IndexError, "list index out of range"); return NULL; }
    return Ad_NewRef(AdList_GET_ITEM(o, i));
}
static AdObject *list_repr(AdObject *o)
{
    AdStrWriter w; AdStrWriter_Init(&w); AdStrWriter_WriteChar(&w, '[');
    for (Ad_ssize_t i = 0; i < AD_SIZE(o); i++) {
        if (i) AdStrWriter_WriteASCII(&w, ", ", 2);
        AdObject *r = AdObject_Repr(AdList_GET_ITEM(o, i)); AdStrWriter_WriteStr(&w, r); Ad_DECREF(r);
    }
    AdStrWriter_WriteChar(&w, ']');
    return AdStrWriter_Finish(&w);
}
static AdMappingMethods list_mp = { .mp_subscript = list_sub };
AdTypeObject AdList_Type = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = "list", .tp_dealloc = list_dealloc, .tp_flags = AD_TPFLAGS_LIST_SUBCLASS, .tp_as_mapping = &list_mp, .tp_repr = list_repr };
AdObject *AdList_New(Ad_ssize_t n)
{
    AdListObject *l = calloc(1, sizeof *l);
    l->ob_base.ob_base.ob_refcnt = 1;
    l->ob_base.ob_base.ob_type = &AdList_Type;
    l->ob_base.ob_size = n;
    l->allocated = n + 4;
    l->items = calloc((size_t)l->allocated, sizeof(AdObject *));
    return (AdObject *)l;
}
int AdList_Append(AdObject *o, AdObject *item)
{
    AdListObject *l = (AdListObject *)o;
    if (AD_SIZE(l) == l->allocated) {
        l->allocated *= 2;
        l->items = realloc(l->items, (size_t)l->allocated * sizeof(AdObject *));
    }
    l->items[AD_SIZE(l)++] = Ad_NewRef(item);
    return 0;
}
int AdList_Reverse(AdObject *o)
{
    AdListObject *l = (AdListObject *)o;
    for (Ad_ssize_t i = 0, j = AD_SIZE(l) - 1; i < j; i++, j--) { AdObject *t = l->items[i]; l->items[i] = l->items[j]; l->items[j] = t; }
    return 0;
}
AdObject *AdSequence_List(AdObject *o)
{
    if (AdStr_Check(o)) {
        AdObject *l = AdList_New(0);
        for (Ad_ssize_t i = 0; i < AdStr_LENGTH(o); i++) { AdObject *c = AdStr_GetItem(o, i); AdList_Append(l, c); Ad_DECREF(c); }
        return l;
    }
    return AdErr_Format(AdExc_TypeError, "'%.50s' object is not iterable", AD_TYPE(o)->tp_name);
}

/* dict: an association list kept in ->values as pairs */
static void dict_dealloc(AdObject *o)
{
    AdDictObject *d = (AdDictObject *)o;
    for (Ad_ssize_t i = 0; i < 2 * d->used; i++) Ad_DECREF(d->values[i]);
    free(d->values);
    free(o);
}
static AdObject *dict_sub(AdObject *o, AdObject *k)
{
    AdObject *v = AdDict_GetItemWithError(o, k);
    if (!v) { if (!AdErr_Occurred()) AdErr_SetObject(AdExc_KeyError, k); return NULL; }
    return Ad_NewRef(v);
}
static AdMappingMethods dict_mp = { .mp_subscript = dict_sub };
AdTypeObject AdDict_Type = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = "dict", .tp_dealloc = dict_dealloc, .tp_flags = AD_TPFLAGS_DICT_SUBCLASS, .tp_as_mapping = &dict_mp };
AdObject *AdDict_New(void)
{
    AdDictObject *d = calloc(1, sizeof *d);
    d->ob_base.ob_refcnt = 1;
    d->ob_base.ob_type = &AdDict_Type;
    return (AdObject *)d;
}
AdObject *AdDict_GetItemWithError(AdObject *o, AdObject *k)
{
    AdDictObject *d = (AdDictObject *)o;
    for (Ad_ssize_t i = 0; i < d->used; i++)
        if (AD_TYPE(d->values[2 * i]) == AD_TYPE(k) && AdObject_RichCompareBool(d->values[2 * i], k, AD_EQ)) return d->values[2 * i + 1];
    return NULL;
}
int AdDict_SetItem(AdObject *o, AdObject *k, AdObject *v)
{
    AdDictObject *d = (AdDictObject *)o;
    for (Ad_ssize_t i = 0; i < d->used; i++)
        if (AD_TYPE(d->values[2 * i]) == AD_TYPE(k) && AdObject_RichCompareBool(d->values[2 * i], k, AD_EQ)) {
            AD_SETREF(d->values[2 * i + 1], Ad_NewRef(v));
            return 0;
        }
    d->values = realloc(d->values, (size_t)(d->used + 1) * 2 * sizeof(AdObject *));
    d->values[2 * d->used] = Ad_NewRef(k);
    d->values[2 * d->used + 1] = Ad_NewRef(v);
    d->used++;
    return 0;
}
int AdDict_Next(AdObject *o, Ad_ssize_t *pos, AdObject **k, AdObject **v)
{
    AdDictObject *d = (AdDictObject *)o;
    if (*pos >= d->used) return 0;
    *k = d->values[2 * *pos];
    *v = d->values[2 * *pos + 1];
    ++*pos;
    return 1;
}

void stub_init(void)
{
    _Ad_NoneStruct.ob_type = &AdBaseObject_Type;
    _Ad_NotImplementedStruct.ob_type = &AdBaseObject_Type;
    AdExcType_LookupError.tp_base = &AdExcType_Exception;
    AdExcType_IndexError.tp_base = &AdExcType_LookupError;
    AdExcType_KeyError.tp_base = &AdExcType_LookupError;
    AdExcType_UnicodeError.tp_base = &AdExcType_ValueError;
    AdExcType_UnicodeDecodeError.tp_base = &AdExcType_UnicodeError;
    AdExcType_UnicodeEncodeError.tp_base = &AdExcType_UnicodeError;
    AdExcType_TypeError.tp_base = &AdExcType_Exception;
    AdExcType_ValueError.tp_base = &AdExcType_Exception;
    for (AdTypeObject *t = &AdExcType_BaseException; t; t = NULL) (void)t;
#define SET_DEALLOC(name) AdExcType_##name.tp_dealloc = exc_dealloc; AdExcType_##name.tp_str = stub_exc_message;
    AD_EXC_TYPES(SET_DEALLOC)
    AdInt_Type.tp_dealloc = (destructor)free;
}

/* float */
#include "objects/float.h"
static AdObject *float_repr(AdObject *o)
{
    char b[64];
    snprintf(b, sizeof b, "%.17g", ((AdFloatObject *)o)->ob_fval);
    return AdStr_FromString(b);
}
static AdObject *float_int(AdObject *o) { return AdInt_FromInt64((int64_t)((AdFloatObject *)o)->ob_fval); }
static AdObject *float_float(AdObject *o) { return Ad_NewRef(o); }
static AdNumberMethods float_nb = { .nb_int = float_int, .nb_float = float_float };
AdTypeObject AdFloat_Type = { .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = "float", .tp_repr = float_repr,
                              .tp_as_number = &float_nb, .tp_dealloc = (destructor)free };
AdObject *AdFloat_FromDouble(double v)
{
    AdFloatObject *f = malloc(sizeof *f);
    f->ob_base.ob_refcnt = 1;
    f->ob_base.ob_type = &AdFloat_Type;
    f->ob_fval = v;
    return (AdObject *)f;
}
double AdFloat_AsDouble(AdObject *o)
{
    if (AD_TYPE(o) == &AdFloat_Type) return ((AdFloatObject *)o)->ob_fval;
    if (AdInt_Check(o)) return (double)AdInt_AsInt64(o);
    AdErr_Format(AdExc_TypeError, "must be real number, not %.50s", AD_TYPE(o)->tp_name);
    return -1.0;
}
