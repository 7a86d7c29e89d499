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
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/fastcmp.h"
#include "objects/slice.h"
#include "objects/object_reduce.h"
#include "memory/alloc.h"
#include "memory/gc.h"

#include <stdarg.h>
#include <stddef.h>

/* The empty tuple: static and immortal, with a GC header of its own that
 * says untracked (the collector's queries read the header of any tuple). */
static struct {
    AdGCHead gc;
    AdTupleObject t;
} empty_tuple = {{NULL, NULL, 0}, {AD_STATIC_VAR_INIT(&AdTuple_Type, 0), -1}};
_Static_assert(offsetof(__typeof__(empty_tuple), t) == sizeof(AdGCHead), "the header precedes the tuple");

/* Free lists of exact tuples of 1..TUPLE_FREE_SIZES items: a dead tuple's
 * block (with its GC header) is kept, linked through items[0], and handed
 * out again by AdTuple_New without going through the allocator or the
 * collector's allocation count. */
#define TUPLE_FREE_SIZES 20
#define TUPLE_FREE_MAX 2000
static AdTupleObject *tuple_free[TUPLE_FREE_SIZES];
static int tuple_nfree[TUPLE_FREE_SIZES];

void AdTuple_Recycle(AdObject *t)
{
    ((AdTupleObject *)t)->hash = -1;
    if (!AdObject_GC_IsTracked(t))
        AdObject_GC_Track(t);
}

void ad_tuple_clear_freelist(void)
{
    for (int i = 0; i < TUPLE_FREE_SIZES; i++) {
        while (tuple_free[i]) {
            AdTupleObject *t = tuple_free[i];
            tuple_free[i] = (AdTupleObject *)t->items[0];
            AdMem_Free(AD_GC_HEAD(t));
        }
        tuple_nfree[i] = 0;
    }
}

AdObject *AdTuple_New(Ad_ssize_t n)
{
    if (n == 0)
        return (AdObject *)&empty_tuple.t;
    if (n < 0) {
        AdErr_BadInternalCall();
        return NULL;
    }
    AdTupleObject *t;
    if (n <= TUPLE_FREE_SIZES && tuple_free[n - 1] != NULL) {
        t = tuple_free[n - 1];
        tuple_free[n - 1] = (AdTupleObject *)t->items[0];
        tuple_nfree[n - 1]--;
        AdGCHead *g = AD_GC_HEAD(t);
        g->next = NULL;
        g->prev = NULL;
        g->gc_refs = 0;
        AD_REFCNT(t) = 1;
    } else {
        t = (AdTupleObject *)AdObject_GC_NewVar(&AdTuple_Type, n);
        if (!t)
            return NULL;
    }
    t->hash = -1;
    for (Ad_ssize_t i = 0; i < n; i++)
        t->items[i] = NULL;
    AdObject_GC_Track((AdObject *)t);
    return (AdObject *)t;
}

AdObject *AdTuple_NewNones(Ad_ssize_t n)
{
    AdObject *t = AdTuple_New(n);
    if (t)
        for (Ad_ssize_t i = 0; i < n; i++)
            AdTuple_SET_ITEM(t, i, Ad_NewRef(Ad_None));
    return t;
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
    Ad_ssize_t n = AD_SIZE(o);
    if (n > 0 && n <= TUPLE_FREE_SIZES && AD_TYPE(o) == &AdTuple_Type &&
        tuple_nfree[n - 1] < TUPLE_FREE_MAX) {
        AdTupleObject *t = (AdTupleObject *)o;
        t->items[0] = (AdObject *)tuple_free[n - 1];
        tuple_free[n - 1] = t;
        tuple_nfree[n - 1]++;
        return;
    }
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
        AdObject *x = AdTuple_GET_ITEM(v, i), *y = AdTuple_GET_ITEM(w, i);
        int k = fastcmp_eq(x, y);
        if (k == FASTCMP_UNKNOWN)
            k = AdObject_RichCompareBool(x, y, AD_EQ);
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
    /* The first pair that differs decides. */
    int c = fastcmp_cmp(AdTuple_GET_ITEM(v, i), AdTuple_GET_ITEM(w, i));
    if (c != FASTCMP_UNKNOWN)
        return AdBool_FromLong(c != 2 && ad_cmp_result(c, op));
    return AdObject_RichCompare(AdTuple_GET_ITEM(v, i), AdTuple_GET_ITEM(w, i), op);
}

static AdObject *tuple_repr(AdObject *o)
{
    Ad_ssize_t n = AD_SIZE(o);
    if (n == 0)
        return AdStr_FromString("()");
    int seen = Ad_ReprEnter(o);     /* a tuple inside itself (through a list) shows as (...) */
    if (seen != 0)
        return seen > 0 ? AdStr_FromString("(...)") : NULL;
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
    Ad_ReprLeave(o);
    return AdStrWriter_Finish(&w);
fail:
    Ad_ReprLeave(o);
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* ---- tuple[i], tuple[a:b:c] ------------------------------------------------------------- */

static AdObject *tuple_subscript(AdObject *o, AdObject *item)
{
    if (AD_TYPE(item)->tp_as_number && AD_TYPE(item)->tp_as_number->nb_index) {
        Ad_ssize_t i = AdNumber_AsSsize_t(item, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return NULL;
        if (i < 0)
            i += AD_SIZE(o);
        return tuple_item(o, i);
    }
    if (AdSlice_Check(item)) {
        Ad_ssize_t start, stop, step;
        if (AdSlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Ad_ssize_t len = AdSlice_AdjustIndices(AD_SIZE(o), &start, &stop, step);
        if (step == 1)
            return AdTuple_GetSlice(o, start, stop);
        AdObject *res = AdTuple_New(len);
        if (!res)
            return NULL;
        for (Ad_ssize_t cur = start, i = 0; i < len; cur += step, i++)
            AdTuple_SET_ITEM(res, i, Ad_NewRef(AdTuple_GET_ITEM(o, cur)));
        return res;
    }
    return AdErr_Format(AdExc_TypeError, "tuple indices must be integers or slices, not %s",
                        AdType_Name(AD_TYPE(item)));
}

/* ---- methods ------------------------------------------------------------------------------ */

static AdObject *tuple_count(AdObject *self, AdObject *value)
{
    Ad_ssize_t count = 0;
    for (Ad_ssize_t i = 0; i < AD_SIZE(self); i++) {
        int cmp = AdObject_RichCompareBool(AdTuple_GET_ITEM(self, i), value, AD_EQ);
        if (cmp < 0)
            return NULL;
        count += cmp;
    }
    return AdInt_FromSsize_t(count);
}

/* A start/stop argument of index(): __index__, negative counts from the end, clamped. */
static int tuple_index_bound(AdObject *v, Ad_ssize_t n, Ad_ssize_t *out)
{
    if (!(AD_TYPE(v)->tp_as_number && AD_TYPE(v)->tp_as_number->nb_index)) {
        AdErr_SetString(AdExc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Ad_ssize_t x = AdNumber_AsSsize_t(v, NULL);
    if (x == -1 && AdErr_Occurred())
        return -1;
    if (x < 0) {
        x += n;
        if (x < 0)
            x = 0;
    }
    *out = x;
    return 0;
}

static AdObject *tuple_index(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t n = AD_SIZE(self), start = 0, stop = n;
    if (nargs < 1 || nargs > 3)
        return AdErr_Format(AdExc_TypeError, nargs < 1 ? "index expected at least 1 argument, got %zd"
                                                       : "index expected at most 3 arguments, got %zd", nargs);
    if (nargs >= 2 && tuple_index_bound(args[1], n, &start) < 0)
        return NULL;
    if (nargs >= 3 && tuple_index_bound(args[2], n, &stop) < 0)
        return NULL;
    for (Ad_ssize_t i = start; i < stop && i < AD_SIZE(self); i++) {
        int cmp = AdObject_RichCompareBool(AdTuple_GET_ITEM(self, i), args[0], AD_EQ);
        if (cmp < 0)
            return NULL;
        if (cmp)
            return AdInt_FromSsize_t(i);
    }
    AdErr_SetString(AdExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static AdObject *tuple_getnewargs(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *copy = AdTuple_FromArray(AdTuple_ITEMS(self), AD_SIZE(self));
    if (!copy)
        return NULL;
    AdObject *r = AdTuple_Pack(1, copy);
    Ad_DECREF(copy);
    return r;
}

static AdObject *tuple_class_getitem(AdObject *cls, AdObject *args)
{
    return Ad_GenericAlias(cls, args);
}

static AdMethodDef tuple_methods[] = {
    {"__getnewargs__", (void (*)(void))tuple_getnewargs, AD_METH_NOARGS, NULL},
    {"index", (void (*)(void))tuple_index, AD_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (void (*)(void))tuple_count, AD_METH_O, "Return number of occurrences of value."},
    {"__class_getitem__", (void (*)(void))tuple_class_getitem, AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* ---- tuple(iterable=(), /) ------------------------------------------------------------- */

static AdObject *tuple_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) && type == &AdTuple_Type)
        return AdErr_Format(AdExc_TypeError, "tuple() takes no keyword arguments");
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "tuple expected at most 1 argument, got %zd", nargs);
    AdObject *items = nargs ? AdSequence_Tuple(AdTuple_GET_ITEM(args, 0)) : AdTuple_New(0);
    if (!items || type == &AdTuple_Type)
        return items;
    Ad_ssize_t n = AD_SIZE(items);
    AdObject *self = type->tp_alloc(type, n);
    if (self) {
        ((AdTupleObject *)self)->hash = -1;
        for (Ad_ssize_t i = 0; i < n; i++)
            AdTuple_SET_ITEM(self, i, Ad_NewRef(AdTuple_GET_ITEM(items, i)));
    }
    Ad_DECREF(items);
    return self;
}

/* ---- iter(tuple) ------------------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t index;
    AdObject *seq;              /* NULL once exhausted */
} TupleIterObject;

static AdObject *tuple_iter(AdObject *o)
{
    TupleIterObject *it = (TupleIterObject *)AdObject_GC_New(&AdTupleIter_Type);
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = Ad_NewRef(o);
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static void tupleiter_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(((TupleIterObject *)o)->seq);
    AdObject_GC_Del(o);
}

static int tupleiter_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdObject *seq = ((TupleIterObject *)o)->seq;
    return seq ? visit(seq, arg) : 0;
}

static AdObject *tupleiter_next(AdObject *o)
{
    TupleIterObject *it = (TupleIterObject *)o;
    if (!it->seq)
        return NULL;
    if (it->index < AD_SIZE(it->seq))
        return Ad_NewRef(AdTuple_GET_ITEM(it->seq, it->index++));
    AD_CLEAR(it->seq);
    return NULL;
}

static AdObject *tupleiter_len(AdObject *o, AdObject *unused)
{
    (void)unused;
    TupleIterObject *it = (TupleIterObject *)o;
    return AdInt_FromSsize_t(it->seq ? AD_SIZE(it->seq) - it->index : 0);
}

static AdObject *tupleiter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    TupleIterObject *it = (TupleIterObject *)o;
    return AdIter_Reduce("iter", it->seq, AdTuple_New(0), it->index);
}

static AdObject *tupleiter_setstate(AdObject *o, AdObject *state)
{
    TupleIterObject *it = (TupleIterObject *)o;
    Ad_ssize_t index = AdNumber_AsSsize_t(state, NULL);
    if (index == -1 && AdErr_Occurred())
        return NULL;
    if (it->seq) {
        if (index < 0)
            index = 0;
        else if (index > AD_SIZE(it->seq))
            index = AD_SIZE(it->seq);
        it->index = index;
    }
    Ad_RETURN_NONE;
}

static AdMethodDef tupleiter_methods[] = {
    {"__reduce__", (void (*)(void))tupleiter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (void (*)(void))tupleiter_setstate, AD_METH_O, "Set state information for unpickling."},
    {"__length_hint__", (void (*)(void))tupleiter_len, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdTupleIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIterObject),
    .tp_dealloc = tupleiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

static AdMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

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
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_TUPLE_SUBCLASS |
                AD_TPFLAGS_MATCH_SEQUENCE | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Built-in immutable sequence.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = tuple_new,
    .tp_free = AdObject_GC_Del,
};
