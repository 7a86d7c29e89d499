/* range.c: the range type (range.h): construction from any integers
 * (__index__), the length as an exact int, indexing and slicing with
 * arbitrary-size values, the membership fast path for ints, index() and
 * count(), == by the sequence the range denotes, the matching hash,
 * reversed(), repr, and pickling support. Iterators are in rangeiter.c. */
#include "objects/range.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>

#define R(o) ((AdRangeObject *)(o))

/* ---- arithmetic helpers on exact ints ----------------------------------- */

static int is_exact_intlike(AdObject *o) { return AdInt_CheckExact(o) || AdBool_Check(o); }

/* a < b, a == b ... as a C truth value on ints (never fails for ints, but
 * follows the NULL/-1 convention anyway). */
static int int_cmp(AdObject *a, AdObject *b, int op) { return AdObject_RichCompareBool(a, b, op); }

/* The number of values of range(lo, hi, step): new ref. */
static AdObject *compute_length(AdObject *lo, AdObject *hi, AdObject *step)
{
    int64_t a, b, s;
    if (AdInt_SmallValue(lo, &a) && AdInt_SmallValue(hi, &b) && AdInt_SmallValue(step, &s)) {
        __int128 n = 0;
        if (s > 0 && a < b)
            n = ((__int128)b - a - 1) / s + 1;
        else if (s < 0 && a > b)
            n = ((__int128)a - b - 1) / -(__int128)s + 1;
        return AdInt_FromInt128(n);
    }
    int sign = AdInt_Sign(step);
    AdObject *first = lo, *last = hi, *absstep = step;
    if (sign < 0) {
        first = hi;
        last = lo;
    }
    int c = int_cmp(first, last, AD_LT);
    if (c < 0)
        return NULL;
    if (!c)
        return AdInt_FromInt64(0);
    AdObject *one = AdInt_FromInt64(1), *diff = NULL, *q = NULL, *r = NULL;
    AdObject *neg = NULL;
    if (sign < 0) {
        neg = AdNumber_Negative(step);
        if (!neg)
            goto done;
        absstep = neg;
    }
    diff = AdNumber_Subtract(last, first);
    if (!diff)
        goto done;
    AD_SETREF(diff, AdNumber_Subtract(diff, one));
    if (!diff)
        goto done;
    q = AdNumber_FloorDivide(diff, absstep);
    if (!q)
        goto done;
    r = AdNumber_Add(q, one);
done:
    Ad_XDECREF(neg);
    Ad_XDECREF(diff);
    Ad_XDECREF(q);
    Ad_DECREF(one);
    return r;
}

/* start + i * step: new ref. */
static AdObject *compute_item(AdRangeObject *r, AdObject *i)
{
    int64_t a, b, c;
    if (AdInt_SmallValue(r->start, &a) && AdInt_SmallValue(i, &b) && AdInt_SmallValue(r->step, &c))
        return AdInt_FromInt128((__int128)a + (__int128)b * c);
    AdObject *m = AdNumber_Multiply(i, r->step);
    if (!m)
        return NULL;
    AdObject *res = AdNumber_Add(r->start, m);
    Ad_DECREF(m);
    return res;
}

/* ---- construction -------------------------------------------------------- */

static AdObject *range_alloc(AdTypeObject *type, AdObject *start, AdObject *stop, AdObject *step,
                             AdObject *length)
{
    AdRangeObject *r = (AdRangeObject *)AdObject_New(type);
    if (!r) {
        Ad_DECREF(start);
        Ad_DECREF(stop);
        Ad_DECREF(step);
        Ad_DECREF(length);
        return NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return (AdObject *)r;
}

/* Steals start, stop and step (exact ints). */
static AdObject *range_from_parts(AdObject *start, AdObject *stop, AdObject *step)
{
    if (AdInt_Sign(step) == 0) {
        AdErr_SetString(AdExc_ValueError, "range() arg 3 must not be zero");
        goto fail;
    }
    AdObject *len = compute_length(start, stop, step);
    if (!len)
        goto fail;
    return range_alloc(&AdRange_Type, start, stop, step, len);
fail:
    Ad_DECREF(start);
    Ad_DECREF(stop);
    Ad_DECREF(step);
    return NULL;
}

AdObject *AdRange_New(AdObject *start, AdObject *stop, AdObject *step)
{
    return range_from_parts(Ad_NewRef(start), Ad_NewRef(stop), Ad_NewRef(step));
}

AdObject *AdRange_FromInt64(int64_t start, int64_t stop, int64_t step)
{
    AdObject *a = AdInt_FromInt64(start), *b = AdInt_FromInt64(stop), *c = AdInt_FromInt64(step);
    if (!a || !b || !c) {
        Ad_XDECREF(a);
        Ad_XDECREF(b);
        Ad_XDECREF(c);
        return NULL;
    }
    return range_from_parts(a, b, c);
}

static AdObject *range_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0)
        return AdErr_Format(AdExc_TypeError, "range() takes no keyword arguments");
    if (nargs == 0)
        return AdErr_Format(AdExc_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3)
        return AdErr_Format(AdExc_TypeError, "range expected at most 3 arguments, got %zd", nargs);
    (void)type;
    AdObject *v[3] = {NULL, NULL, NULL};
    for (Ad_ssize_t i = 0; i < nargs; i++) {
        v[i] = AdNumber_Index(args[i]);
        if (!v[i]) {
            for (Ad_ssize_t j = 0; j < i; j++)
                Ad_DECREF(v[j]);
            return NULL;
        }
    }
    if (nargs == 1)
        return range_from_parts(AdInt_FromInt64(0), v[0], AdInt_FromInt64(1));
    if (nargs == 2)
        return range_from_parts(v[0], v[1], AdInt_FromInt64(1));
    return range_from_parts(v[0], v[1], v[2]);
}

static AdObject *range_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) > 0)
        return AdErr_Format(AdExc_TypeError, "range() takes no keyword arguments");
    return range_vectorcall((AdObject *)type, AdTuple_ITEMS(args), (size_t)AdTuple_GET_SIZE(args), NULL);
}

static void range_dealloc(AdObject *o)
{
    AdRangeObject *r = R(o);
    Ad_DECREF(r->start);
    Ad_DECREF(r->stop);
    Ad_DECREF(r->step);
    Ad_DECREF(r->length);
    AdObject_Free(o);
}

/* ---- the sequence protocol -------------------------------------------------- */

static Ad_ssize_t range_length(AdObject *o)
{
    return AdInt_AsSsize_t(R(o)->length);
}

static int range_bool(AdObject *o)
{
    return AdInt_Sign(R(o)->length) != 0;
}

static AdObject *range_item_ssize(AdObject *o, Ad_ssize_t i)
{
    AdRangeObject *r = R(o);
    int64_t n;
    int fits = AdInt_SmallValue(r->length, &n);
    if (i < 0 || (fits && i >= n))
        return AdErr_Format(AdExc_IndexError, "range object index out of range");
    AdObject *io = AdInt_FromSsize_t(i);
    if (!io)
        return NULL;
    AdObject *res = compute_item(r, io);
    Ad_DECREF(io);
    return res;
}

/* r[i] for an exact int i (negative counts from the end). */
static AdObject *range_item_obj(AdRangeObject *r, AdObject *i)
{
    AdObject *idx = Ad_NewRef(i), *res = NULL;
    if (AdInt_Sign(idx) < 0) {
        AD_SETREF(idx, AdNumber_Add(r->length, idx));
        if (!idx)
            return NULL;
    }
    int bad = AdInt_Sign(idx) < 0;
    if (!bad) {
        bad = int_cmp(idx, r->length, AD_GE);
        if (bad < 0)
            goto done;
    }
    if (bad) {
        AdErr_SetString(AdExc_IndexError, "range object index out of range");
        goto done;
    }
    res = compute_item(r, idx);
done:
    Ad_DECREF(idx);
    return res;
}

/* One slice bound, clamped the way slice.indices() clamps (on big ints). */
static AdObject *slice_bound(AdObject *v, AdObject *length, AdObject *lower, AdObject *upper, AdObject *deflt)
{
    if (v == Ad_None)
        return Ad_NewRef(deflt);
    AdObject *x = AdNumber_Index(v);
    if (!x)
        return NULL;
    if (AdInt_Sign(x) < 0) {
        AD_SETREF(x, AdNumber_Add(x, length));
        if (!x)
            return NULL;
        int c = int_cmp(x, lower, AD_LT);
        if (c < 0) {
            Ad_DECREF(x);
            return NULL;
        }
        if (c)
            AD_SETREF(x, Ad_NewRef(lower));
    } else {
        int c = int_cmp(x, upper, AD_GT);
        if (c < 0) {
            Ad_DECREF(x);
            return NULL;
        }
        if (c)
            AD_SETREF(x, Ad_NewRef(upper));
    }
    return x;
}

static AdObject *range_slice(AdRangeObject *r, AdSliceObject *s)
{
    AdObject *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL, *res = NULL;
    if (s->step == Ad_None)
        step = AdInt_FromInt64(1);
    else {
        if (!AdIndex_Check(s->step)) {
            AdErr_SetString(AdExc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
            return NULL;
        }
        step = AdNumber_Index(s->step);
        if (step && AdInt_Sign(step) == 0) {
            AdErr_SetString(AdExc_ValueError, "slice step cannot be zero");
            AD_CLEAR(step);
        }
    }
    if (!step)
        return NULL;
    int neg = AdInt_Sign(step) < 0;
    if (neg) {
        lower = AdInt_FromInt64(-1);
        upper = lower ? AdNumber_Add(r->length, lower) : NULL;
    } else {
        lower = AdInt_FromInt64(0);
        upper = Ad_NewRef(r->length);
    }
    if (!lower || !upper)
        goto done;
    for (int k = 0; k < 2; k++) {
        AdObject *v = k == 0 ? s->start : s->stop;
        if (v != Ad_None && !AdIndex_Check(v)) {
            AdErr_SetString(AdExc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
            goto done;
        }
    }
    start = slice_bound(s->start, r->length, lower, upper, neg ? upper : lower);
    if (!start)
        goto done;
    stop = slice_bound(s->stop, r->length, lower, upper, neg ? lower : upper);
    if (!stop)
        goto done;
    AdObject *substart = compute_item(r, start);
    AdObject *substop = substart ? compute_item(r, stop) : NULL;
    AdObject *substep = substop ? AdNumber_Multiply(step, r->step) : NULL;
    if (!substep) {
        Ad_XDECREF(substart);
        Ad_XDECREF(substop);
        goto done;
    }
    res = range_from_parts(substart, substop, substep);
done:
    Ad_XDECREF(step);
    Ad_XDECREF(lower);
    Ad_XDECREF(upper);
    Ad_XDECREF(start);
    Ad_XDECREF(stop);
    return res;
}

static AdObject *range_subscript(AdObject *o, AdObject *key)
{
    AdRangeObject *r = R(o);
    if (AdSlice_Check(key))
        return range_slice(r, (AdSliceObject *)key);
    if (AdIndex_Check(key)) {
        AdObject *i = AdNumber_Index(key);
        if (!i)
            return NULL;
        AdObject *res = range_item_obj(r, i);
        Ad_DECREF(i);
        return res;
    }
    return AdErr_Format(AdExc_TypeError, "range indices must be integers or slices, not %.200s",
                        AdType_Name(AD_TYPE(key)));
}

/* 1 when the int x is one of the range's values. */
static int contains_int(AdRangeObject *r, AdObject *x)
{
    int64_t a, b, s, v;
    if (AdInt_SmallValue(r->start, &a) && AdInt_SmallValue(r->stop, &b) &&
        AdInt_SmallValue(r->step, &s) && AdInt_SmallValue(x, &v)) {
        if (s > 0 ? !(a <= v && v < b) : !(b < v && v <= a))
            return 0;
        return ((__int128)v - a) % s == 0;
    }
    int c1, c2;
    if (AdInt_Sign(r->step) > 0) {
        c1 = int_cmp(r->start, x, AD_LE);
        c2 = c1 > 0 ? int_cmp(x, r->stop, AD_LT) : 0;
    } else {
        c1 = int_cmp(r->stop, x, AD_LT);
        c2 = c1 > 0 ? int_cmp(x, r->start, AD_LE) : 0;
    }
    if (c1 < 0 || c2 < 0)
        return -1;
    if (!c1 || !c2)
        return 0;
    AdObject *d = AdNumber_Subtract(x, r->start);
    if (!d)
        return -1;
    AdObject *m = AdNumber_Remainder(d, r->step);
    Ad_DECREF(d);
    if (!m)
        return -1;
    int res = AdInt_Sign(m) == 0;
    Ad_DECREF(m);
    return res;
}

static int range_contains(AdObject *o, AdObject *x)
{
    if (is_exact_intlike(x))
        return contains_int(R(o), x);
    return AdSequence_IterSearchContains(o, x);
}

/* ---- methods ----------------------------------------------------------------- */

static AdObject *range_count(AdObject *o, AdObject *x)
{
    if (is_exact_intlike(x)) {
        int c = contains_int(R(o), x);
        return c < 0 ? NULL : AdInt_FromInt64(c);
    }
    AdObject *it = AdObject_GetIter(o), *item;
    if (!it)
        return NULL;
    Ad_ssize_t n = 0;
    while ((item = AdIter_Next(it))) {
        int c = AdObject_RichCompareBool(item, x, AD_EQ);
        Ad_DECREF(item);
        if (c < 0) {
            Ad_DECREF(it);
            return NULL;
        }
        n += c;
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    return AdInt_FromSsize_t(n);
}

static AdObject *range_index(AdObject *o, AdObject *x)
{
    AdRangeObject *r = R(o);
    if (is_exact_intlike(x)) {
        int c = contains_int(r, x);
        if (c < 0)
            return NULL;
        if (!c)
            return AdErr_Format(AdExc_ValueError, "range.index(x): x not in range");
        AdObject *d = AdNumber_Subtract(x, r->start);
        if (!d)
            return NULL;
        AdObject *q = AdNumber_FloorDivide(d, r->step);
        Ad_DECREF(d);
        return q;
    }
    AdObject *it = AdObject_GetIter(o), *item;
    if (!it)
        return NULL;
    Ad_ssize_t n = 0;
    while ((item = AdIter_Next(it))) {
        int c = AdObject_RichCompareBool(item, x, AD_EQ);
        Ad_DECREF(item);
        if (c) {
            Ad_DECREF(it);
            return c < 0 ? NULL : AdInt_FromSsize_t(n);
        }
        n++;
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    return AdErr_Format(AdExc_ValueError, "sequence.index(x): x not in sequence");
}

static AdObject *range_iter(AdObject *o)
{
    AdRangeObject *r = R(o);
    return objects_range_iter_new(r->start, r->step, r->length);
}

static AdObject *range_reversed(AdObject *o, AdObject *unused)
{
    (void)unused;
    AdRangeObject *r = R(o);
    /* last = start + (len - 1) * step; then step back by step. */
    AdObject *one = AdInt_FromInt64(1);
    AdObject *lm1 = AdNumber_Subtract(r->length, one);
    Ad_DECREF(one);
    if (!lm1)
        return NULL;
    AdObject *last = compute_item(r, lm1);
    Ad_DECREF(lm1);
    if (!last)
        return NULL;
    AdObject *neg = AdNumber_Negative(r->step);
    if (!neg) {
        Ad_DECREF(last);
        return NULL;
    }
    AdObject *it = objects_range_iter_new(last, neg, r->length);
    Ad_DECREF(last);
    Ad_DECREF(neg);
    return it;
}

static AdObject *range_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    AdRangeObject *r = R(o);
    return objects_reduce_value((AdObject *)AD_TYPE(o), AdTuple_Pack(3, r->start, r->stop, r->step), NULL);
}

static AdObject *range_repr(AdObject *o)
{
    AdRangeObject *r = R(o);
    int64_t s;
    if (AdInt_SmallValue(r->step, &s) && s == 1)
        return AdStr_FromFormat("range(%R, %R)", r->start, r->stop);
    return AdStr_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

/* Two ranges are equal when they denote the same sequence. */
static int range_equal(AdRangeObject *a, AdRangeObject *b)
{
    if (a == b)
        return 1;
    int c = int_cmp(a->length, b->length, AD_EQ);
    if (c <= 0)
        return c;
    if (AdInt_Sign(a->length) == 0)
        return 1;
    c = int_cmp(a->start, b->start, AD_EQ);
    if (c <= 0)
        return c;
    int64_t n;
    if (AdInt_SmallValue(a->length, &n) && n == 1)
        return 1;
    return int_cmp(a->step, b->step, AD_EQ);
}

static AdObject *range_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!AdRange_Check(b) || (op != AD_EQ && op != AD_NE))
        Ad_RETURN_NOTIMPLEMENTED;
    int c = range_equal(R(a), R(b));
    if (c < 0)
        return NULL;
    return AdBool_FromLong(op == AD_EQ ? c : !c);
}

/* hash((len, start, step)) with start/step replaced by None where they do
 * not matter (as == ignores them). */
static Ad_hash_t range_hash(AdObject *o)
{
    AdRangeObject *r = R(o);
    AdObject *start = Ad_None, *step = Ad_None;
    int64_t n;
    if (AdInt_Sign(r->length) != 0) {
        start = r->start;
        if (!(AdInt_SmallValue(r->length, &n) && n == 1))
            step = r->step;
    }
    AdObject *t = AdTuple_Pack(3, r->length, start, step);
    if (!t)
        return -1;
    Ad_hash_t h = AdObject_Hash(t);
    Ad_DECREF(t);
    return h;
}

static AdSequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item_ssize,
    .sq_contains = range_contains,
};

static AdMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

static AdNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static AdMethodDef range_methods[] = {
    {"__reversed__", (void (*)(void))range_reversed, AD_METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", (void (*)(void))range_reduce, AD_METH_NOARGS, NULL},
    {"count", (void (*)(void))range_count, AD_METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", (void (*)(void))range_index, AD_METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef range_members[] = {
    {"start", AD_T_OBJECT, offsetof(AdRangeObject, start), AD_READONLY, NULL},
    {"stop", AD_T_OBJECT, offsetof(AdRangeObject, stop), AD_READONLY, NULL},
    {"step", AD_T_OBJECT, offsetof(AdRangeObject, step), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdRange_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "range",
    .tp_basicsize = sizeof(AdRangeObject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_MATCH_SEQUENCE,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_new,
    .tp_free = AdObject_Free,
    .tp_vectorcall = range_vectorcall,
};
