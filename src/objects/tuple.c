/* tuple.c: the tuple type (tuple.h): construction, the sequence protocol,
 * comparison, hashing (the xxHash-based combination of item hashes that
 * CPython 3.8+ uses, from its public description), repr, iteration. */
#include "objects/tuple.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stdarg.h>

static struct {
    AdTupleObject t;
} empty_tuple = {{AD_STATIC_VAR_INIT(&AdTuple_Type, 0), -1}};

AdObject *AdTuple_New(Ad_ssize_t n)
{
    if (n == 0)
        return (AdObject *)&empty_tuple.t;
    if (n < 0) {
        AdErr_BadInternalCall();
        return NULL;
    }
    AdTupleObject *t = (AdTupleObject *)AdObject_GC_NewVar(&AdTuple_Type, n);
    if (!t)
        return NULL;
    t->hash = -1;
    for (Ad_ssize_t i = 0; i < n; i++)
        t->items[i] = NULL;
    AdObject_GC_Track((AdObject *)t);
    return (AdObject *)t;
}

AdObject *AdTuple_FromArray(AdObject *const *items, Ad_ssize_t n)
{
    AdObject *t = AdTuple_New(n);
    if (!t)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++)
        AdTuple_SET_ITEM(t, i, Ad_NewRef(items[i]));
    return t;
}

AdObject *AdTuple_FromArraySteal(AdObject *const *items, Ad_ssize_t n)
{
    AdObject *t = AdTuple_New(n);
    if (!t) {
        for (Ad_ssize_t i = 0; i < n; i++)
            Ad_DECREF(items[i]);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < n; i++)
        AdTuple_SET_ITEM(t, i, items[i]);
    return t;
}

AdObject *AdTuple_Pack(Ad_ssize_t n, ...)
{
    AdObject *t = AdTuple_New(n);
    if (!t)
        return NULL;
    va_list va;
    va_start(va, n);
    for (Ad_ssize_t i = 0; i < n; i++)
        AdTuple_SET_ITEM(t, i, Ad_NewRef(va_arg(va, AdObject *)));
    va_end(va);
    return t;
}

AdObject *AdTuple_GetSlice(AdObject *t, Ad_ssize_t lo, Ad_ssize_t hi)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(t);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == n && AdTuple_CheckExact(t))
        return Ad_NewRef(t);
    return AdTuple_FromArray(AdTuple_ITEMS(t) + lo, hi - lo);
}

AdObject *AdSequence_Tuple(AdObject *iterable)
{
    if (AdTuple_CheckExact(iterable))
        return Ad_NewRef(iterable);
    if (AdList_CheckExact(iterable))
        return AdList_AsTuple(iterable);
    AdObject *list = AdSequence_List(iterable);
    if (!list)
        return NULL;
    AdObject *t = AdList_AsTuple(list);
    Ad_DECREF(list);
    return t;
}

static void tuple_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    for (Ad_ssize_t i = 0; i < AD_SIZE(o); i++)
        Ad_XDECREF(AdTuple_GET_ITEM(o, i));
    AD_TYPE(o)->tp_free(o);
}

static int tuple_traverse(AdObject *o, visitproc visit, void *arg)
{
    for (Ad_ssize_t i = 0; i < AD_SIZE(o); i++) {
        AdObject *item = AdTuple_GET_ITEM(o, i);
        if (item) {
            int rc = visit(item, arg);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static Ad_ssize_t tuple_length(AdObject *o) { return AD_SIZE(o); }

static AdObject *tuple_item(AdObject *o, Ad_ssize_t i)
{
    if (i < 0 || i >= AD_SIZE(o)) {
        AdErr_SetString(AdExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Ad_NewRef(AdTuple_GET_ITEM(o, i));
}

static int tuple_contains(AdObject *o, AdObject *v)
{
    for (Ad_ssize_t i = 0; i < AD_SIZE(o); i++) {
        int rc = AdObject_RichCompareBool(AdTuple_GET_ITEM(o, i), v, AD_EQ);
        if (rc)
            return rc;
    }
    return 0;
}

static AdObject *tuple_concat(AdObject *a, AdObject *b)
{
    if (!AdTuple_Check(b))
        return AdErr_Format(AdExc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                            AdType_Name(AD_TYPE(b)));
    Ad_ssize_t na = AD_SIZE(a), nb = AD_SIZE(b);
    if (nb == 0 && AdTuple_CheckExact(a))
        return Ad_NewRef(a);
    if (na == 0 && AdTuple_CheckExact(b))
        return Ad_NewRef(b);
    if (na > AD_IMMORTAL_REFCNT - nb)
        return AdErr_NoMemory();
    AdObject *t = AdTuple_New(na + nb);
    if (!t)
        return NULL;
    for (Ad_ssize_t i = 0; i < na; i++)
        AdTuple_SET_ITEM(t, i, Ad_NewRef(AdTuple_GET_ITEM(a, i)));
    for (Ad_ssize_t i = 0; i < nb; i++)
        AdTuple_SET_ITEM(t, na + i, Ad_NewRef(AdTuple_GET_ITEM(b, i)));
    return t;
}

static AdObject *tuple_repeat(AdObject *a, Ad_ssize_t n)
{
    Ad_ssize_t len = AD_SIZE(a);
    if (n < 0)
        n = 0;
    if (len == 0 || n == 1) {
        if (AdTuple_CheckExact(a))
            return Ad_NewRef(a);
    }
    if (n && len > ((Ad_ssize_t)1 << 58) / n)
        return AdErr_NoMemory();
    AdObject *t = AdTuple_New(len * n);
    if (!t)
        return NULL;
    for (Ad_ssize_t k = 0; k < n; k++)
        for (Ad_ssize_t i = 0; i < len; i++)
            AdTuple_SET_ITEM(t, k * len + i, Ad_NewRef(AdTuple_GET_ITEM(a, i)));
    return t;
}

/* xxHash-style combination: per item acc = rotl(acc + h * P2, 31) * P1,
 * then acc += len ^ (P5 ^ 3527539). The constants are xxHash64's primes. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

static Ad_hash_t tuple_hash(AdObject *o)
{
    AdTupleObject *t = (AdTupleObject *)o;
    if (t->hash != -1)
        return t->hash;
    uint64_t acc = XXPRIME_5;
    Ad_ssize_t n = AD_SIZE(o);
    for (Ad_ssize_t i = 0; i < n; i++) {
        Ad_hash_t h = AdObject_Hash(t->items[i]);
        if (h == -1)
            return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        acc = 1546275796;
    t->hash = (Ad_hash_t)acc;
    return (Ad_hash_t)acc;
}

static AdObject *tuple_richcompare(AdObject *v, AdObject *w, int op)
{
    if (!AdTuple_Check(v) || !AdTuple_Check(w))
        return Ad_NotImplemented;
    Ad_ssize_t vn = AD_SIZE(v), wn = AD_SIZE(w), i;
    for (i = 0; i < vn && i < wn; i++) {
        int k = AdObject_RichCompareBool(AdTuple_GET_ITEM(v, i), AdTuple_GET_ITEM(w, i), AD_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vn || i >= wn) {
        int r;
        switch (op) {
        case AD_LT: r = vn < wn; break;
        case AD_LE: r = vn <= wn; break;
        case AD_EQ: r = vn == wn; break;
        case AD_NE: r = vn != wn; break;
        case AD_GT: r = vn > wn; break;
        default: r = vn >= wn; break;
        }
        return AdBool_FromLong(r);
    }
    if (op == AD_EQ)
        return Ad_False;
    if (op == AD_NE)
        return Ad_True;
    return AdObject_RichCompare(AdTuple_GET_ITEM(v, i), AdTuple_GET_ITEM(w, i), op);
}

static AdObject *tuple_repr(AdObject *o)
{
    Ad_ssize_t n = AD_SIZE(o);
    if (n == 0)
        return AdStr_FromString("()");
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (AdStrWriter_WriteChar(&w, '(') < 0)
        goto fail;
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (i && AdStrWriter_WriteASCII(&w, ", ", 2) < 0)
            goto fail;
        AdObject *r = AdObject_Repr(AdTuple_GET_ITEM(o, i));
        if (!r)
            goto fail;
        int rc = AdStrWriter_WriteStr(&w, r);
        Ad_DECREF(r);
        if (rc < 0)
            goto fail;
    }
    if ((n == 1 && AdStrWriter_WriteChar(&w, ',') < 0) || AdStrWriter_WriteChar(&w, ')') < 0)
        goto fail;
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

static AdSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

AdTypeObject AdTuple_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "tuple",
    .tp_basicsize = sizeof(AdTupleObject),
    .tp_itemsize = sizeof(AdObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_hash = tuple_hash,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_TUPLE_SUBCLASS |
                AD_TPFLAGS_MATCH_SEQUENCE | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Built-in immutable sequence.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_free = AdObject_GC_Del,
};
