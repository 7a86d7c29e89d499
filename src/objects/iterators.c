/* iterators.c: zip (with 3.10's strict=True and its length-mismatch
 * messages), map (with 3.14's strict=) and filter; each keeps its source
 * iterators and pulls one item per iterator per step. */
#include "objects/iterators.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stdlib.h>

AdObject *objects_reduce_value(AdObject *callable, AdObject *args, AdObject *state)
{
    if (!args)
        return NULL;
    AdObject *r = state ? AdTuple_Pack(3, callable, args, state) : AdTuple_Pack(2, callable, args);
    Ad_DECREF(args);
    return r;
}

/* A tuple of iter(x) for each x. New ref. */
static AdObject *iter_all(AdObject *const *items, Ad_ssize_t n)
{
    AdObject *t = AdTuple_New(n);
    if (!t)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *it = AdObject_GetIter(items[i]);
        if (!it) {
            for (Ad_ssize_t j = i; j < n; j++)
                AdTuple_SET_ITEM(t, j, Ad_NewRef(Ad_None));
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i, it);
    }
    return t;
}

static AdObject *next_of(AdObject *it)
{
    iternextfunc next = AD_TYPE(it)->tp_iternext;
    return next ? next(it) : AdIter_Next(it);
}

/* The strict check after iterator i (0-based) of its ran out: raises the
 * ValueError naming the mismatch, or returns NULL quietly if all are done. */
static AdObject *strict_mismatch(const char *fname, AdObject *its, Ad_ssize_t i)
{
    if (AdErr_Occurred())
        return NULL;
    const char *plural = " ";
    if (i > 0) {
        plural = i == 1 ? " " : "s 1-";
        return AdErr_Format(AdExc_ValueError, "%s() argument %zd is shorter than argument%s%zd",
                            fname, i + 1, plural, i);
    }
    Ad_ssize_t n = AdTuple_GET_SIZE(its);
    for (i = 1; i < n; i++) {
        AdObject *item = next_of(AdTuple_GET_ITEM(its, i));
        if (item) {
            Ad_DECREF(item);
            plural = i == 1 ? " " : "s 1-";
            return AdErr_Format(AdExc_ValueError, "%s() argument %zd is longer than argument%s%zd",
                                fname, i + 1, plural, i);
        }
        if (AdErr_Occurred())
            return NULL;
    }
    return NULL;
}

/* The single keyword argument `strict` of zip() and map(): -1 on error,
 * else its truth (0 when absent). */
static int parse_strict(const char *fname, AdObject *const *kwvals, AdObject *kwnames, AdObject *kwdict)
{
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : kwdict ? AdDict_GET_SIZE(kwdict) : 0;
    if (nkw == 0)
        return 0;
    if (nkw > 1) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most 1 keyword argument (%zd given)", fname, nkw);
        return -1;
    }
    AdObject *key, *value;
    if (kwnames) {
        key = AdTuple_GET_ITEM(kwnames, 0);
        value = kwvals[0];
    } else {
        Ad_ssize_t pos = 0;
        AdDict_Next(kwdict, &pos, &key, &value);
    }
    if (!(AdStr_Check(key) && AdStr_EqualToASCII(key, "strict"))) {
        AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, key);
        return -1;
    }
    return AdObject_IsTrue(value);
}

/* ---- zip ------------------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    AdObject *its;              /* tuple of iterators */
    AdObject *result;           /* the last result, reused while only zip holds it */
    int strict;
} ZipObject;

static AdObject *zip_make(AdTypeObject *type, AdObject *const *iterables, Ad_ssize_t n, int strict)
{
    AdObject *its = iter_all(iterables, n);
    if (!its)
        return NULL;
    AdObject *result = AdTuple_NewNones(n);
    if (!result) {
        Ad_DECREF(its);
        return NULL;
    }
    ZipObject *z = (ZipObject *)type->tp_alloc(type, 0);
    if (!z) {
        Ad_DECREF(its);
        Ad_DECREF(result);
        return NULL;
    }
    z->its = its;
    z->result = result;
    z->strict = strict;
    return (AdObject *)z;
}

AdObject *AdZip_New(AdObject *const *iterables, Ad_ssize_t n, int strict)
{
    return zip_make(&AdZip_Type, iterables, n, strict);
}

static AdObject *zip_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    int strict = parse_strict("zip", args + nargs, kwnames, NULL);
    if (strict < 0)
        return NULL;
    return zip_make((AdTypeObject *)type, args, nargs, strict);
}

static AdObject *zip_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    int strict = parse_strict("zip", NULL, NULL, kwds);
    if (strict < 0)
        return NULL;
    return zip_make(type, AdTuple_ITEMS(args), AdTuple_GET_SIZE(args), strict);
}

static void zip_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(((ZipObject *)o)->its);
    Ad_XDECREF(((ZipObject *)o)->result);
    AD_TYPE(o)->tp_free(o);
}

static int zip_traverse(AdObject *o, visitproc visit, void *arg)
{
    ZipObject *z = (ZipObject *)o;
    if (z->its) {
        int rc = visit(z->its, arg);
        if (rc)
            return rc;
    }
    return z->result ? visit(z->result, arg) : 0;
}

static int zip_clear(AdObject *o)
{
    AD_CLEAR(((ZipObject *)o)->its);
    AD_CLEAR(((ZipObject *)o)->result);
    return 0;
}

static AdObject *zip_next(AdObject *o)
{
    ZipObject *z = (ZipObject *)o;
    Ad_ssize_t n = AdTuple_GET_SIZE(z->its);
    if (n == 0)
        return NULL;
    AdObject *res = z->result;
    if (res != NULL && AdTuple_IsReusable(res)) {
        Ad_INCREF(res);
        for (Ad_ssize_t i = 0; i < n; i++) {
            AdObject *item = next_of(AdTuple_GET_ITEM(z->its, i));
            if (!item) {
                Ad_DECREF(res);
                return z->strict ? strict_mismatch("zip", z->its, i) : NULL;
            }
            AdObject *old = AdTuple_GET_ITEM(res, i);
            AdTuple_SET_ITEM(res, i, item);
            Ad_DECREF(old);
        }
        AdTuple_Recycle(res);
        return res;
    }
    AdObject *t = AdTuple_New(n);
    if (!t)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *item = next_of(AdTuple_GET_ITEM(z->its, i));
        if (!item) {
            for (Ad_ssize_t j = i; j < n; j++)
                AdTuple_SET_ITEM(t, j, Ad_NewRef(Ad_None));
            Ad_DECREF(t);
            return z->strict ? strict_mismatch("zip", z->its, i) : NULL;
        }
        AdTuple_SET_ITEM(t, i, item);
    }
    return t;
}

static AdObject *zip_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    ZipObject *z = (ZipObject *)o;
    if (z->strict)
        return AdTuple_Pack(3, (AdObject *)AD_TYPE(o), z->its, Ad_True);
    return AdTuple_Pack(2, (AdObject *)AD_TYPE(o), z->its);
}

static AdObject *zip_setstate(AdObject *o, AdObject *state)
{
    int s = AdObject_IsTrue(state);
    if (s < 0)
        return NULL;
    ((ZipObject *)o)->strict = s;
    Ad_RETURN_NONE;
}

static AdMethodDef zip_methods[] = {
    {"__reduce__", (void (*)(void))zip_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (void (*)(void))zip_setstate, AD_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdZip_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "zip",
    .tp_basicsize = sizeof(ZipObject),
    .tp_dealloc = zip_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False)\n--\n\n"
              "The zip object yields n-length tuples, where n is the number of iterables\n"
              "passed as positional arguments to zip().  The i-th element in every tuple\n"
              "comes from the i-th iterable argument to zip().  This continues until the\n"
              "shortest argument is exhausted.\n\n"
              "If strict is true and one of the arguments is exhausted before the others,\n"
              "raise a ValueError.\n\n"
              "   >>> list(zip('abcdefg', range(3), range(4)))\n"
              "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]",
    .tp_traverse = zip_traverse,
    .tp_clear = zip_clear,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = zip_next,
    .tp_methods = zip_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = zip_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = zip_vectorcall,
};

/* ---- map ---------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *func;
    AdObject *its;              /* tuple of iterators (at least one) */
    int strict;
} MapObject;

static AdObject *map_make(AdTypeObject *type, AdObject *func, AdObject *const *iterables, Ad_ssize_t n,
                          int strict)
{
    AdObject *its = iter_all(iterables, n);
    if (!its)
        return NULL;
    MapObject *m = (MapObject *)type->tp_alloc(type, 0);
    if (!m) {
        Ad_DECREF(its);
        return NULL;
    }
    m->func = Ad_NewRef(func);
    m->its = its;
    m->strict = strict;
    return (AdObject *)m;
}

AdObject *AdMap_New(AdObject *func, AdObject *const *iterables, Ad_ssize_t n, int strict)
{
    return map_make(&AdMap_Type, func, iterables, n, strict);
}

static AdObject *map_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    int strict = parse_strict("map", args + nargs, kwnames, NULL);
    if (strict < 0)
        return NULL;
    if (nargs < 2)
        return AdErr_Format(AdExc_TypeError, "map() must have at least two arguments.");
    return map_make((AdTypeObject *)type, args[0], args + 1, nargs - 1, strict);
}

static AdObject *map_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    int strict = parse_strict("map", NULL, NULL, kwds);
    if (strict < 0)
        return NULL;
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (nargs < 2)
        return AdErr_Format(AdExc_TypeError, "map() must have at least two arguments.");
    return map_make(type, AdTuple_GET_ITEM(args, 0), AdTuple_ITEMS(args) + 1, nargs - 1, strict);
}

static void map_dealloc(AdObject *o)
{
    MapObject *m = (MapObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(m->func);
    Ad_XDECREF(m->its);
    AD_TYPE(o)->tp_free(o);
}

static int map_traverse(AdObject *o, visitproc visit, void *arg)
{
    MapObject *m = (MapObject *)o;
    if (m->func && visit(m->func, arg))
        return 1;
    return m->its ? visit(m->its, arg) : 0;
}

static int map_clear(AdObject *o)
{
    MapObject *m = (MapObject *)o;
    AD_CLEAR(m->func);
    AD_CLEAR(m->its);
    return 0;
}

static AdObject *map_next(AdObject *o)
{
    MapObject *m = (MapObject *)o;
    Ad_ssize_t n = AdTuple_GET_SIZE(m->its);
    AdObject *small[6], **stack = small;
    if (n > 5) {
        stack = malloc((size_t)(n + 1) * sizeof *stack);
        if (!stack)
            return AdErr_NoMemory();
    }
    AdObject *res = NULL;
    Ad_ssize_t got = 0;
    for (; got < n; got++) {
        AdObject *item = next_of(AdTuple_GET_ITEM(m->its, got));
        if (!item) {
            if (m->strict)
                strict_mismatch("map", m->its, got);
            goto done;
        }
        stack[got + 1] = item;
    }
    res = AdObject_Vectorcall(m->func, stack + 1, (size_t)n | AD_VECTORCALL_ARGUMENTS_OFFSET, NULL);
done:
    for (Ad_ssize_t i = 0; i < got; i++)
        Ad_DECREF(stack[i + 1]);
    if (stack != small)
        free(stack);
    return res;
}

static AdObject *map_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    MapObject *m = (MapObject *)o;
    Ad_ssize_t n = AdTuple_GET_SIZE(m->its);
    AdObject *args = AdTuple_New(n + 1);
    if (!args)
        return NULL;
    AdTuple_SET_ITEM(args, 0, Ad_NewRef(m->func));
    for (Ad_ssize_t i = 0; i < n; i++)
        AdTuple_SET_ITEM(args, i + 1, Ad_NewRef(AdTuple_GET_ITEM(m->its, i)));
    AdObject *r = m->strict ? AdTuple_Pack(3, (AdObject *)AD_TYPE(o), args, Ad_True)
                            : AdTuple_Pack(2, (AdObject *)AD_TYPE(o), args);
    Ad_DECREF(args);
    return r;
}

static AdObject *map_setstate(AdObject *o, AdObject *state)
{
    int s = AdObject_IsTrue(state);
    if (s < 0)
        return NULL;
    ((MapObject *)o)->strict = s;
    Ad_RETURN_NONE;
}

static AdMethodDef map_methods[] = {
    {"__reduce__", (void (*)(void))map_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (void (*)(void))map_setstate, AD_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdMap_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "map",
    .tp_basicsize = sizeof(MapObject),
    .tp_dealloc = map_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "map(function, iterable, /, *iterables, strict=False)\n--\n\n"
              "Make an iterator that computes the function using arguments from\n"
              "each of the iterables.  Stops when the shortest iterable is exhausted.\n\n"
              "If strict is true and one of the arguments is exhausted before the others,\n"
              "raise a ValueError.",
    .tp_traverse = map_traverse,
    .tp_clear = map_clear,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = map_next,
    .tp_methods = map_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = map_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = map_vectorcall,
};

/* ---- filter ---------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *func;
    AdObject *it;
} FilterObject;

static AdObject *filter_make(AdTypeObject *type, AdObject *func, AdObject *iterable)
{
    AdObject *it = AdObject_GetIter(iterable);
    if (!it)
        return NULL;
    FilterObject *f = (FilterObject *)type->tp_alloc(type, 0);
    if (!f) {
        Ad_DECREF(it);
        return NULL;
    }
    f->func = Ad_NewRef(func);
    f->it = it;
    return (AdObject *)f;
}

AdObject *AdFilter_New(AdObject *func, AdObject *iterable)
{
    return filter_make(&AdFilter_Type, func, iterable);
}

static AdObject *filter_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0)
        return AdErr_Format(AdExc_TypeError, "filter() takes no keyword arguments");
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "filter expected 2 arguments, got %zd", nargs);
    return filter_make((AdTypeObject *)type, args[0], args[1]);
}

static AdObject *filter_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) > 0 && type == &AdFilter_Type)
        return AdErr_Format(AdExc_TypeError, "filter() takes no keyword arguments");
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "filter expected 2 arguments, got %zd", nargs);
    return filter_make(type, AdTuple_GET_ITEM(args, 0), AdTuple_GET_ITEM(args, 1));
}

static void filter_dealloc(AdObject *o)
{
    FilterObject *f = (FilterObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(f->func);
    Ad_XDECREF(f->it);
    AD_TYPE(o)->tp_free(o);
}

static int filter_traverse(AdObject *o, visitproc visit, void *arg)
{
    FilterObject *f = (FilterObject *)o;
    if (f->func && visit(f->func, arg))
        return 1;
    return f->it ? visit(f->it, arg) : 0;
}

static int filter_clear(AdObject *o)
{
    FilterObject *f = (FilterObject *)o;
    AD_CLEAR(f->func);
    AD_CLEAR(f->it);
    return 0;
}

static AdObject *filter_next(AdObject *o)
{
    FilterObject *f = (FilterObject *)o;
    int truth_only = f->func == Ad_None || f->func == (AdObject *)&AdBool_Type;
    for (;;) {
        AdObject *item = next_of(f->it);
        if (!item)
            return NULL;
        int ok;
        if (truth_only)
            ok = AdObject_IsTrue(item);
        else {
            AdObject *r = AdObject_CallOneArg(f->func, item);
            if (!r) {
                Ad_DECREF(item);
                return NULL;
            }
            ok = AdObject_IsTrue(r);
            Ad_DECREF(r);
        }
        if (ok > 0)
            return item;
        Ad_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static AdObject *filter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    FilterObject *f = (FilterObject *)o;
    return objects_reduce_value((AdObject *)AD_TYPE(o), AdTuple_Pack(2, f->func, f->it), NULL);
}

static AdMethodDef filter_methods[] = {
    {"__reduce__", (void (*)(void))filter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdFilter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "filter",
    .tp_basicsize = sizeof(FilterObject),
    .tp_dealloc = filter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function, iterable, /)\n--\n\n"
              "Return an iterator yielding those items of iterable for which function(item)\n"
              "is true. If function is None, return the items that are true.",
    .tp_traverse = filter_traverse,
    .tp_clear = filter_clear,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = filter_next,
    .tp_methods = filter_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = filter_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = filter_vectorcall,
};
