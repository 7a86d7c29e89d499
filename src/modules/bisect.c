/* bisect.c: the _bisect module: bisect_left, bisect_right, insort_left and
 * insort_right with lo, hi and the keyword-only key, over any sequence
 * (lists are read directly). Comparisons use only <. Messages follow
 * CPython 3.14. */
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))

/* a < b: 1, 0 or -1. Exact ints that fit in 64 bits and exact floats are
 * compared here (same result as their __lt__); the rest goes through the
 * rich comparison protocol. */
static inline int less_than(AdObject *a, AdObject *b)
{
    int64_t x, y;
    if (AdInt_CheckExact(a) && AdInt_CheckExact(b) && AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        return x < y;
    if (AdFloat_CheckExact(a) && AdFloat_CheckExact(b))
        return AdFloat_AS_DOUBLE(a) < AdFloat_AS_DOUBLE(b);
    return AdObject_RichCompareBool(a, b, AD_LT);
}

typedef struct {
    AdObject *a, *x, *key;
    Ad_ssize_t lo, hi;
} bisect_args;

/* a[i] as a new ref. */
static AdObject *seq_item(AdObject *a, Ad_ssize_t i)
{
    if (AdList_CheckExact(a) && i >= 0 && i < AD_SIZE(a))
        return Ad_NewRef(AdList_GET_ITEM(a, i));
    AdTypeObject *t = AD_TYPE(a);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item)
        return t->tp_as_sequence->sq_item(a, i);
    AdObject *idx = AdInt_FromSsize_t(i);
    if (!idx)
        return NULL;
    AdObject *r = AdObject_GetItem(a, idx);
    Ad_DECREF(idx);
    return r;
}

static int parse(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames, bisect_args *out)
{
    static const char *const names[] = {"a", "x", "lo", "hi", "key", NULL};
    AdObject *v[5];
    if (nargs > 4) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most 4 positional arguments (%zd given)", fname, nargs);
        return -1;
    }
    if (!kwnames && nargs >= 2) {      /* the common positional call */
        for (Ad_ssize_t i = 0; i < 5; i++)
            v[i] = i < nargs ? args[i] : NULL;
    }
    else if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 2, v) < 0)
        return -1;
    out->a = v[0];
    out->x = v[1];
    out->key = v[4] == Ad_None ? NULL : v[4];
    out->lo = 0;
    out->hi = -1;
    if (v[2]) {
        out->lo = AdNumber_AsSsize_t(v[2], AdExc_OverflowError);
        if (out->lo == -1 && AdErr_Occurred())
            return -1;
    }
    if (v[3] && v[3] != Ad_None) {
        out->hi = AdNumber_AsSsize_t(v[3], AdExc_OverflowError);
        if (out->hi == -1 && AdErr_Occurred())
            return -1;
    }
    if (out->lo < 0) {
        AdErr_SetString(AdExc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (out->hi == -1) {
        out->hi = AdObject_Size(out->a);
        if (out->hi < 0)
            return -1;
    }
    return 0;
}

/* The insertion point of x (already keyed) in a[lo:hi]; right: after equal items. -1 on error. */
static Ad_ssize_t search(AdObject *a, AdObject *x, Ad_ssize_t lo, Ad_ssize_t hi, AdObject *key, int right)
{
    while (lo < hi) {
        Ad_ssize_t mid = ((size_t)lo + (size_t)hi) / 2;
        AdObject *item = seq_item(a, mid);
        if (!item)
            return -1;
        if (key) {
            AdObject *k = AdObject_CallOneArg(key, item);
            Ad_DECREF(item);
            if (!k)
                return -1;
            item = k;
        }
        int c = right ? less_than(x, item) : less_than(item, x);
        Ad_DECREF(item);
        if (c < 0)
            return -1;
        if (right)
            c ? (hi = mid) : (lo = mid + 1);
        else
            c ? (lo = mid + 1) : (hi = mid);
    }
    return lo;
}

static AdObject *do_bisect(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames, int right)
{
    bisect_args b;
    if (parse(fname, args, nargs, kwnames, &b) < 0)
        return NULL;
    Ad_ssize_t r = search(b.a, b.x, b.lo, b.hi, b.key, right);
    return r < 0 ? NULL : AdInt_FromSsize_t(r);
}

static AdObject *do_insort(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames, int right)
{
    bisect_args b;
    if (parse(fname, args, nargs, kwnames, &b) < 0)
        return NULL;
    Ad_ssize_t r;
    if (b.key) {
        AdObject *kx = AdObject_CallOneArg(b.key, b.x);
        if (!kx)
            return NULL;
        r = search(b.a, kx, b.lo, b.hi, b.key, right);
        Ad_DECREF(kx);
    }
    else
        r = search(b.a, b.x, b.lo, b.hi, NULL, right);
    if (r < 0)
        return NULL;
    if (AdList_CheckExact(b.a)) {
        if (AdList_Insert(b.a, r, b.x) < 0)
            return NULL;
        Ad_RETURN_NONE;
    }
    AdObject *idx = AdInt_FromSsize_t(r);
    if (!idx)
        return NULL;
    AdObject *margs[2] = {idx, b.x};
    AdObject *res = AdObject_CallMethod(b.a, AdStr_InternFromString("insert"), margs, 2);
    Ad_DECREF(idx);
    if (!res)
        return NULL;
    Ad_DECREF(res);
    Ad_RETURN_NONE;
}

static AdObject *bisect_bisect_right(AdObject *m, AdObject *const *a, Ad_ssize_t n, AdObject *k)
{ (void)m; return do_bisect("bisect_right", a, n, k, 1); }
static AdObject *bisect_bisect_left(AdObject *m, AdObject *const *a, Ad_ssize_t n, AdObject *k)
{ (void)m; return do_bisect("bisect_left", a, n, k, 0); }
static AdObject *bisect_insort_right(AdObject *m, AdObject *const *a, Ad_ssize_t n, AdObject *k)
{ (void)m; return do_insort("insort_right", a, n, k, 1); }
static AdObject *bisect_insort_left(AdObject *m, AdObject *const *a, Ad_ssize_t n, AdObject *k)
{ (void)m; return do_insort("insort_left", a, n, k, 0); }

static AdMethodDef bisect_functions[] = {
    {"bisect_right", FN(bisect_bisect_right), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Return the index where to insert item x in list a, assuming a is sorted."},
    {"insort_right", FN(bisect_insort_right), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert item x in list a, and keep it sorted assuming a is sorted."},
    {"bisect_left", FN(bisect_bisect_left), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Return the index where to insert item x in list a, assuming a is sorted."},
    {"insort_left", FN(bisect_insort_left), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert item x in list a, and keep it sorted assuming a is sorted."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitBisect(void)
{
    AdObject *m = AdModule_New("_bisect");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "Bisection algorithms.\n\n"
                                 "This module provides support for maintaining a list in sorted order without\n"
                                 "having to sort the list after each insertion. For long lists of items with\n"
                                 "expensive comparison operations, this can be an improvement over the more\n"
                                 "common approach.\n") < 0 ||
        AdModule_AddFunctions(m, bisect_functions) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
