/* rangeiter.c: the iterators of range (range.h): range_iterator keeps
 * start, step and the remaining count as machine words (the common case);
 * longrange_iterator keeps them as int objects when a value does not fit.
 * Both have __length_hint__, __reduce__ and __setstate__. */
#include "objects/range.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stdint.h>

typedef struct {
    AdObject_HEAD;
    int64_t start, step, len;
} RangeIterObject;

AdObject *AdRange_BuiltinIter;

typedef struct {
    AdObject_HEAD;
    AdObject *start, *step, *len;   /* exact ints */
} LongRangeIterObject;

AdObject *objects_range_iter_new(AdObject *start, AdObject *step, AdObject *len)
{
    int64_t a, s, n;
    if (AdInt_SmallValue(start, &a) && AdInt_SmallValue(step, &s) && AdInt_SmallValue(len, &n)) {
        /* every value start + k*step (k < n) must fit too */
        __int128 last = n > 0 ? (__int128)a + (__int128)(n - 1) * s : a;
        if (last >= INT64_MIN && last <= INT64_MAX) {
            RangeIterObject *it = (RangeIterObject *)AdObject_New(&AdRangeIter_Type);
            if (!it)
                return NULL;
            it->start = a;
            it->step = s;
            it->len = n;
            return (AdObject *)it;
        }
    }
    LongRangeIterObject *it = (LongRangeIterObject *)AdObject_New(&AdLongRangeIter_Type);
    if (!it)
        return NULL;
    it->start = Ad_NewRef(start);
    it->step = Ad_NewRef(step);
    it->len = Ad_NewRef(len);
    return (AdObject *)it;
}

/* ---- range_iterator ---------------------------------------------------------- */

static AdObject *rangeiter_next(AdObject *o)
{
    RangeIterObject *it = (RangeIterObject *)o;
    if (it->len <= 0)
        return NULL;
    int64_t v = it->start;
    /* the value after the last may not fit: wrap harmlessly */
    it->start = (int64_t)((uint64_t)it->start + (uint64_t)it->step);
    it->len--;
    return ad_int_from_int64_inline(v);
}

static AdObject *rangeiter_length_hint(AdObject *o, AdObject *unused)
{
    (void)unused;
    return AdInt_FromInt64(((RangeIterObject *)o)->len);
}

/* iter(range(start, stop, step)) positioned where it is: (iter, (range(...),), 0) */
static AdObject *reduce_with(AdObject *start, AdObject *step, AdObject *len)
{
    AdObject *stop = NULL, *rng = NULL, *iterfn = NULL, *res = NULL;
    AdObject *m = AdNumber_Multiply(len, step);
    if (!m)
        return NULL;
    stop = AdNumber_Add(start, m);
    Ad_DECREF(m);
    if (!stop)
        return NULL;
    rng = AdRange_New(start, stop, step);
    Ad_DECREF(stop);
    if (!rng)
        return NULL;
    iterfn = AdRange_BuiltinIter;
    if (!iterfn) {
        AdErr_SetString(AdExc_RuntimeError, "builtins.iter is not available");
        Ad_DECREF(rng);
        return NULL;
    }
    res = objects_reduce_value(iterfn, AdTuple_Pack(1, rng), Ad_None);
    Ad_DECREF(rng);
    return res;
}

static AdObject *rangeiter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    RangeIterObject *it = (RangeIterObject *)o;
    AdObject *a = AdInt_FromInt64(it->start), *s = AdInt_FromInt64(it->step), *n = AdInt_FromInt64(it->len);
    AdObject *r = (a && s && n) ? reduce_with(a, s, n) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(s);
    Ad_XDECREF(n);
    return r;
}

static AdObject *rangeiter_setstate(AdObject *o, AdObject *state)
{
    RangeIterObject *it = (RangeIterObject *)o;
    int64_t k = AdInt_AsInt64(state);
    if (k == -1 && AdErr_Occurred())
        return NULL;
    if (k < 0)
        k = 0;
    if (k > it->len)
        k = it->len;
    it->start = (int64_t)((uint64_t)it->start + (uint64_t)k * (uint64_t)it->step);
    it->len -= k;
    Ad_RETURN_NONE;
}

static AdMethodDef rangeiter_methods[] = {
    {"__length_hint__", (void (*)(void))rangeiter_length_hint, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (void (*)(void))rangeiter_reduce, AD_METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (void (*)(void))rangeiter_setstate, AD_METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdRangeIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIterObject),
    .tp_dealloc = (destructor)AdObject_Free,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
    .tp_free = AdObject_Free,
};

/* ---- longrange_iterator -------------------------------------------------------- */

static void longrangeiter_dealloc(AdObject *o)
{
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    Ad_DECREF(it->start);
    Ad_DECREF(it->step);
    Ad_DECREF(it->len);
    AdObject_Free(o);
}

static AdObject *longrangeiter_next(AdObject *o)
{
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    if (AdInt_Sign(it->len) <= 0)
        return NULL;
    AdObject *one = AdInt_FromInt64(1);
    AdObject *n = AdNumber_Subtract(it->len, one);
    Ad_DECREF(one);
    if (!n)
        return NULL;
    AdObject *next = AdNumber_Add(it->start, it->step);
    if (!next) {
        Ad_DECREF(n);
        return NULL;
    }
    AdObject *v = it->start;
    it->start = next;
    AD_SETREF(it->len, n);
    return v;
}

static AdObject *longrangeiter_length_hint(AdObject *o, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(((LongRangeIterObject *)o)->len);
}

static AdObject *longrangeiter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    return reduce_with(it->start, it->step, it->len);
}

static AdObject *longrangeiter_setstate(AdObject *o, AdObject *state)
{
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    AdObject *k = AdNumber_Index(state);
    if (!k)
        return NULL;
    if (AdInt_Sign(k) < 0)
        AD_SETREF(k, AdInt_FromInt64(0));
    int c = AdObject_RichCompareBool(k, it->len, AD_GT);
    if (c < 0) {
        Ad_DECREF(k);
        return NULL;
    }
    if (c)
        AD_SETREF(k, Ad_NewRef(it->len));
    AdObject *m = AdNumber_Multiply(k, it->step);
    AdObject *start = m ? AdNumber_Add(it->start, m) : NULL;
    AdObject *len = start ? AdNumber_Subtract(it->len, k) : NULL;
    Ad_XDECREF(m);
    Ad_DECREF(k);
    if (!len) {
        Ad_XDECREF(start);
        return NULL;
    }
    AD_SETREF(it->start, start);
    AD_SETREF(it->len, len);
    Ad_RETURN_NONE;
}

static AdMethodDef longrangeiter_methods[] = {
    {"__length_hint__", (void (*)(void))longrangeiter_length_hint, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (void (*)(void))longrangeiter_reduce, AD_METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (void (*)(void))longrangeiter_setstate, AD_METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdLongRangeIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIterObject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
    .tp_free = AdObject_Free,
};
