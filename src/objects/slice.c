/* slice.c: the slice type (slice.h): construction, unpacking and index
 * adjustment, slice.indices() with arbitrary-size values, comparison as
 * (start, stop, step) tuples, hashing (3.12+ slices are hashable), repr. */
#include "objects/slice.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>

#define SSIZE_MAX_ ((Ad_ssize_t)(((size_t)-1) >> 1))
#define SSIZE_MIN_ (-SSIZE_MAX_ - 1)

AdObject *AdSlice_New(AdObject *start, AdObject *stop, AdObject *step)
{
    AdSliceObject *s = (AdSliceObject *)AdObject_GC_New(&AdSlice_Type);
    if (!s)
        return NULL;
    s->start = Ad_NewRef(start ? start : Ad_None);
    s->stop = Ad_NewRef(stop ? stop : Ad_None);
    s->step = Ad_NewRef(step ? step : Ad_None);
    AdObject_GC_Track((AdObject *)s);
    return (AdObject *)s;
}

/* An index value clamped to the Ad_ssize_t range (like _PyEval_SliceIndex). */
static int slice_index(AdObject *v, Ad_ssize_t *out)
{
    if (!AdIndex_Check(v)) {
        AdErr_SetString(AdExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    AdObject *i = AdNumber_Index(v);
    if (!i)
        return -1;
    Ad_ssize_t x = AdInt_AsSsize_t(i);
    if (x == -1 && AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_OverflowError)) {
            Ad_DECREF(i);
            return -1;
        }
        AdErr_Clear();
        x = AdInt_Sign(i) < 0 ? SSIZE_MIN_ : SSIZE_MAX_;
    }
    Ad_DECREF(i);
    *out = x;
    return 0;
}

int AdSlice_Unpack(AdObject *o, Ad_ssize_t *start, Ad_ssize_t *stop, Ad_ssize_t *step)
{
    AdSliceObject *s = (AdSliceObject *)o;
    if (s->step == Ad_None)
        *step = 1;
    else {
        if (slice_index(s->step, step) < 0)
            return -1;
        if (*step == 0) {
            AdErr_SetString(AdExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -SSIZE_MAX_)
            *step = -SSIZE_MAX_;    /* so that -step cannot overflow */
    }
    if (s->start == Ad_None)
        *start = *step < 0 ? SSIZE_MAX_ : 0;
    else if (slice_index(s->start, start) < 0)
        return -1;
    if (s->stop == Ad_None)
        *stop = *step < 0 ? SSIZE_MIN_ : SSIZE_MAX_;
    else if (slice_index(s->stop, stop) < 0)
        return -1;
    return 0;
}

Ad_ssize_t AdSlice_AdjustIndices(Ad_ssize_t length, Ad_ssize_t *start, Ad_ssize_t *stop, Ad_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    }
    else if (*start >= length)
        *start = step < 0 ? length - 1 : length;
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    }
    else if (*stop >= length)
        *stop = step < 0 ? length - 1 : length;
    if (step < 0)
        return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

static AdObject *slice_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    if (kwds && AdDict_GET_SIZE(kwds))
        return AdErr_Format(AdExc_TypeError, "slice() takes no keyword arguments");
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n == 0)
        return AdErr_Format(AdExc_TypeError, "slice expected at least 1 argument, got 0");
    if (n > 3)
        return AdErr_Format(AdExc_TypeError, "slice expected at most 3 arguments, got %zd", n);
    if (n == 1)
        return AdSlice_New(NULL, AdTuple_GET_ITEM(args, 0), NULL);
    return AdSlice_New(AdTuple_GET_ITEM(args, 0), AdTuple_GET_ITEM(args, 1),
                       n == 3 ? AdTuple_GET_ITEM(args, 2) : NULL);
}

static void slice_dealloc(AdObject *o)
{
    AdSliceObject *s = (AdSliceObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_DECREF(s->start);
    Ad_DECREF(s->stop);
    Ad_DECREF(s->step);
    AdObject_GC_Del(o);
}

static int slice_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdSliceObject *s = (AdSliceObject *)o;
    int rc = visit(s->start, arg);
    if (!rc)
        rc = visit(s->stop, arg);
    return rc ? rc : visit(s->step, arg);
}

static AdObject *slice_repr(AdObject *o)
{
    AdSliceObject *s = (AdSliceObject *)o;
    return AdStr_FromFormat("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static AdObject *as_tuple(AdObject *o)
{
    AdSliceObject *s = (AdSliceObject *)o;
    return AdTuple_Pack(3, s->start, s->stop, s->step);
}

static AdObject *slice_richcompare(AdObject *v, AdObject *w, int op)
{
    if (!AdSlice_Check(v) || !AdSlice_Check(w))
        return Ad_NotImplemented;
    if (v == w && (op == AD_EQ || op == AD_NE))
        return AdBool_FromLong(op == AD_EQ);
    AdObject *a = as_tuple(v), *b = a ? as_tuple(w) : NULL;
    AdObject *r = b ? AdObject_RichCompare(a, b, op) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    return r;
}

static Ad_hash_t slice_hash(AdObject *o)
{
    AdObject *t = as_tuple(o);
    if (!t)
        return -1;
    Ad_hash_t h = AdObject_Hash(t);
    Ad_DECREF(t);
    return h;
}

/* slice.indices(length): exact for lengths and values of any size. */
static AdObject *slice_indices(AdObject *o, AdObject *len)
{
    AdObject *length = AdNumber_Index(len);
    if (!length)
        return NULL;
    if (AdInt_Sign(length) < 0) {
        Ad_DECREF(length);
        return AdErr_Format(AdExc_ValueError, "length should not be negative");
    }
    Ad_ssize_t n = AdInt_AsSsize_t(length);
    Ad_DECREF(length);
    if (n == -1 && AdErr_Occurred())
        return NULL;
    Ad_ssize_t start, stop, step;
    if (AdSlice_Unpack(o, &start, &stop, &step) < 0)
        return NULL;
    AdSlice_AdjustIndices(n, &start, &stop, step);
    AdObject *a = AdInt_FromSsize_t(start), *b = AdInt_FromSsize_t(stop), *c = AdInt_FromSsize_t(step);
    AdObject *r = (a && b && c) ? AdTuple_Pack(3, a, b, c) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    Ad_XDECREF(c);
    return r;
}

static AdObject *slice_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    AdSliceObject *s = (AdSliceObject *)o;
    AdObject *args = AdTuple_Pack(3, s->start, s->stop, s->step);
    if (!args)
        return NULL;
    AdObject *r = AdTuple_Pack(2, (AdObject *)AD_TYPE(o), args);
    Ad_DECREF(args);
    return r;
}

static AdMethodDef slice_methods[] = {
    {"indices", (void (*)(void))slice_indices, AD_METH_O,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\nS. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", (void (*)(void))slice_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef slice_members[] = {
    {"start", AD_T_OBJECT, offsetof(AdSliceObject, start), AD_READONLY, NULL},
    {"stop", AD_T_OBJECT, offsetof(AdSliceObject, stop), AD_READONLY, NULL},
    {"step", AD_T_OBJECT, offsetof(AdSliceObject, step), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdSlice_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "slice",
    .tp_basicsize = sizeof(AdSliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = slice_hash,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
    .tp_free = AdObject_GC_Del,
};
