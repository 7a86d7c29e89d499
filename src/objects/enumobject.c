/* enumobject.c: enumerate (pairs of a counter and the items of an
 * iterable; the counter is a machine word until it overflows, then an
 * int object) and reversed (the __reversed__ protocol, or a backwards walk
 * over __len__ and __getitem__). */
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

#include <stdint.h>

/* ---- enumerate ------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t index;           /* the next count while it fits */
    AdObject *longindex;        /* the next count once it does not, or NULL */
    AdObject *iter;
    AdObject *result;           /* the last pair, reused while only enumerate holds it */
} EnumObject;

static AdObject *enum_make(AdTypeObject *type, AdObject *iterable, AdObject *start)
{
    AdObject *it = AdObject_GetIter(iterable);
    if (!it)
        return NULL;
    AdObject *result = AdTuple_Pack(2, Ad_None, Ad_None);
    if (!result) {
        Ad_DECREF(it);
        return NULL;
    }
    EnumObject *en = (EnumObject *)type->tp_alloc(type, 0);
    if (!en) {
        Ad_DECREF(it);
        Ad_DECREF(result);
        return NULL;
    }
    en->iter = it;
    en->result = result;
    en->index = 0;
    en->longindex = NULL;
    if (start) {
        int64_t v;
        if (AdInt_SmallValue(start, &v) && v < INT64_MAX)
            en->index = (Ad_ssize_t)v;
        else
            en->longindex = Ad_NewRef(start);
    }
    return (AdObject *)en;
}

AdObject *AdEnum_New(AdObject *iterable, AdObject *start)
{
    return enum_make(&AdEnum_Type, iterable, start);
}

/* enumerate(iterable, start=0): old-style keyword rules and texts. */
static AdObject *enum_build(AdTypeObject *type, AdObject *const *args, Ad_ssize_t nargs,
                            AdObject *const *kwvals, AdObject *kwnames, AdObject *kwdict)
{
    AdObject *iterable = NULL, *start = NULL;
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : kwdict ? AdDict_GET_SIZE(kwdict) : 0;
    if (nargs + nkw > 2)
        return AdErr_Format(AdExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", nargs + nkw);
    if (nargs >= 1)
        iterable = args[0];
    if (nargs >= 2)
        start = args[1];
    Ad_ssize_t pos = 0;
    for (Ad_ssize_t k = 0; k < nkw; k++) {
        AdObject *key, *value;
        if (kwnames) {
            key = AdTuple_GET_ITEM(kwnames, k);
            value = kwvals[k];
        } else
            AdDict_Next(kwdict, &pos, &key, &value);
        if (AdStr_Check(key) && AdStr_EqualToASCII(key, "iterable")) {
            if (iterable)
                return AdErr_Format(AdExc_TypeError,
                                    "argument for enumerate() given by name ('iterable') and position (1)");
            iterable = value;
        } else if (AdStr_Check(key) && AdStr_EqualToASCII(key, "start")) {
            if (start)
                return AdErr_Format(AdExc_TypeError,
                                    "argument for enumerate() given by name ('start') and position (2)");
            start = value;
        } else
            return AdErr_Format(AdExc_TypeError, "'%U' is an invalid keyword argument for enumerate()", key);
    }
    if (!iterable)
        return AdErr_Format(AdExc_TypeError, "enumerate() missing required argument 'iterable'");
    AdObject *st = NULL;
    if (start) {
        st = AdNumber_Index(start);
        if (!st)
            return NULL;
    }
    AdObject *r = enum_make(type, iterable, st);
    Ad_XDECREF(st);
    return r;
}

static AdObject *enum_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    return enum_build((AdTypeObject *)type, args, nargs, args + nargs, kwnames, NULL);
}

static AdObject *enum_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    return enum_build(type, AdTuple_ITEMS(args), AdTuple_GET_SIZE(args), NULL, NULL,
                      kwds && AdDict_GET_SIZE(kwds) ? kwds : NULL);
}

static void enum_dealloc(AdObject *o)
{
    EnumObject *en = (EnumObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(en->iter);
    Ad_XDECREF(en->longindex);
    Ad_XDECREF(en->result);
    AD_TYPE(o)->tp_free(o);
}

static int enum_traverse(AdObject *o, visitproc visit, void *arg)
{
    EnumObject *en = (EnumObject *)o;
    int rc;
    if (en->iter && (rc = visit(en->iter, arg)) != 0)
        return rc;
    if (en->result && (rc = visit(en->result, arg)) != 0)
        return rc;
    return en->longindex ? visit(en->longindex, arg) : 0;
}

static int enum_clear(AdObject *o)
{
    EnumObject *en = (EnumObject *)o;
    AD_CLEAR(en->iter);
    AD_CLEAR(en->longindex);
    AD_CLEAR(en->result);
    return 0;
}

static AdObject *enum_next(AdObject *o)
{
    EnumObject *en = (EnumObject *)o;
    if (!en->iter)
        return NULL;
    iternextfunc next = AD_TYPE(en->iter)->tp_iternext;
    AdObject *item = next ? next(en->iter) : AdIter_Next(en->iter);
    if (!item)
        return NULL;
    AdObject *count;
    if (!en->longindex && en->index == INT64_MAX) {
        en->longindex = AdInt_FromInt64(INT64_MAX);
        if (!en->longindex) {
            Ad_DECREF(item);
            return NULL;
        }
    }
    if (en->longindex) {
        count = en->longindex;
        AdObject *one = AdInt_FromInt64(1);
        en->longindex = AdNumber_Add(count, one);
        Ad_DECREF(one);
        if (!en->longindex) {
            en->longindex = count;
            Ad_DECREF(item);
            return NULL;
        }
    } else {
        count = AdInt_FromSsize_t(en->index);
        if (!count) {
            Ad_DECREF(item);
            return NULL;
        }
        en->index++;
    }
    AdObject *res = en->result;
    if (res != NULL && AdTuple_IsReusable(res)) {
        Ad_INCREF(res);
        AdObject *old_count = AdTuple_GET_ITEM(res, 0), *old_item = AdTuple_GET_ITEM(res, 1);
        AdTuple_SET_ITEM(res, 0, count);
        AdTuple_SET_ITEM(res, 1, item);
        Ad_DECREF(old_count);
        Ad_DECREF(old_item);
        AdTuple_Recycle(res);
        return res;
    }
    AdObject *t = AdTuple_New(2);
    if (!t) {
        Ad_DECREF(count);
        Ad_DECREF(item);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, count);
    AdTuple_SET_ITEM(t, 1, item);
    return t;
}

static AdObject *enum_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    EnumObject *en = (EnumObject *)o;
    AdObject *count = en->longindex ? Ad_NewRef(en->longindex) : AdInt_FromSsize_t(en->index);
    if (!count)
        return NULL;
    AdObject *r = objects_reduce_value((AdObject *)AD_TYPE(o),
                                       AdTuple_Pack(2, en->iter ? en->iter : Ad_None, count), NULL);
    Ad_DECREF(count);
    return r;
}

static AdObject *class_getitem(AdObject *cls, AdObject *arg)
{
    return Ad_GenericAlias(cls, arg);
}

static AdMethodDef enum_methods[] = {
    {"__reduce__", (void (*)(void))enum_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", (void (*)(void))class_getitem, AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdEnum_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(EnumObject),
    .tp_dealloc = enum_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
              "The enumerate object yields pairs containing a count (from start, which\n"
              "defaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n"
              "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .tp_traverse = enum_traverse,
    .tp_clear = enum_clear,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = enum_next,
    .tp_methods = enum_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = enum_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = enum_vectorcall,
};

/* ---- reversed ---------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t index;           /* of the next item; -1 when done */
    AdObject *seq;              /* NULL when done */
} ReversedObject;

static int is_sequence(AdObject *o)
{
    if (AdDict_Check(o))
        return 0;
    AdSequenceMethods *sq = AD_TYPE(o)->tp_as_sequence;
    return sq && sq->sq_item;
}

static AdObject *reversed_make(AdTypeObject *type, AdObject *seq)
{
    AdObject *rev = AdObject_LookupSpecial(seq, AdStr_InternFromString("__reversed__"));
    if (!rev && AdErr_Occurred())
        return NULL;
    if (rev == Ad_None) {
        Ad_DECREF(rev);
        return AdErr_Format(AdExc_TypeError, "'%.200s' object is not reversible", AdType_Name(AD_TYPE(seq)));
    }
    if (rev) {
        AdObject *r = AdObject_CallNoArgs(rev);
        Ad_DECREF(rev);
        return r;
    }
    if (!is_sequence(seq))
        return AdErr_Format(AdExc_TypeError, "'%.200s' object is not reversible", AdType_Name(AD_TYPE(seq)));
    Ad_ssize_t n = AdObject_Size(seq);
    if (n < 0)
        return NULL;
    ReversedObject *ro = (ReversedObject *)type->tp_alloc(type, 0);
    if (!ro)
        return NULL;
    ro->index = n - 1;
    ro->seq = Ad_NewRef(seq);
    return (AdObject *)ro;
}

AdObject *AdReversed_New(AdObject *seq)
{
    return reversed_make(&AdReversed_Type, seq);
}

static AdObject *reversed_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0)
        return AdErr_Format(AdExc_TypeError, "reversed() takes no keyword arguments");
    if (nargs != 1)
        return AdErr_Format(AdExc_TypeError, "reversed expected 1 argument, got %zd", nargs);
    return reversed_make((AdTypeObject *)type, args[0]);
}

static AdObject *reversed_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) > 0 && type == &AdReversed_Type)
        return AdErr_Format(AdExc_TypeError, "reversed() takes no keyword arguments");
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (nargs != 1)
        return AdErr_Format(AdExc_TypeError, "reversed expected 1 argument, got %zd", nargs);
    return reversed_make(type, AdTuple_GET_ITEM(args, 0));
}

static void reversed_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(((ReversedObject *)o)->seq);
    AD_TYPE(o)->tp_free(o);
}

static int reversed_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdObject *s = ((ReversedObject *)o)->seq;
    return s ? visit(s, arg) : 0;
}

static int reversed_clear(AdObject *o)
{
    AD_CLEAR(((ReversedObject *)o)->seq);
    return 0;
}

static AdObject *reversed_next(AdObject *o)
{
    ReversedObject *ro = (ReversedObject *)o;
    if (!ro->seq)
        return NULL;
    if (ro->index >= 0) {
        AdObject *item = AD_TYPE(ro->seq)->tp_as_sequence->sq_item(ro->seq, ro->index);
        if (item) {
            ro->index--;
            return item;
        }
        if (!AdErr_ExceptionMatches(AdExc_IndexError) && !AdErr_ExceptionMatches(AdExc_StopIteration))
            return NULL;
        AdErr_Clear();
    }
    ro->index = -1;
    AD_CLEAR(ro->seq);
    return NULL;
}

static AdObject *reversed_length_hint(AdObject *o, AdObject *unused)
{
    (void)unused;
    ReversedObject *ro = (ReversedObject *)o;
    if (!ro->seq)
        return AdInt_FromInt64(0);
    Ad_ssize_t n = AdObject_Size(ro->seq);
    if (n < 0)
        return NULL;
    return AdInt_FromSsize_t(n < ro->index + 1 ? 0 : ro->index + 1);
}

static AdObject *reversed_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    ReversedObject *ro = (ReversedObject *)o;
    if (!ro->seq)
        return objects_reduce_value((AdObject *)AD_TYPE(o), AdTuple_Pack(1, AdTuple_New(0)), NULL);
    AdObject *i = AdInt_FromSsize_t(ro->index);
    if (!i)
        return NULL;
    AdObject *r = objects_reduce_value((AdObject *)AD_TYPE(o), AdTuple_Pack(1, ro->seq), i);
    Ad_DECREF(i);
    return r;
}

static AdObject *reversed_setstate(AdObject *o, AdObject *state)
{
    ReversedObject *ro = (ReversedObject *)o;
    Ad_ssize_t i = AdNumber_AsSsize_t(state, NULL);
    if (i == -1 && AdErr_Occurred())
        return NULL;
    if (ro->seq) {
        Ad_ssize_t n = AdObject_Size(ro->seq);
        if (n < 0)
            return NULL;
        if (i < -1)
            i = -1;
        else if (i > n - 1)
            i = n - 1;
        ro->index = i;
    }
    Ad_RETURN_NONE;
}

static AdMethodDef reversed_methods[] = {
    {"__length_hint__", (void (*)(void))reversed_length_hint, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (void (*)(void))reversed_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (void (*)(void))reversed_setstate, AD_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdReversed_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "reversed",
    .tp_basicsize = sizeof(ReversedObject),
    .tp_dealloc = reversed_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_clear = reversed_clear,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = reversed_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = reversed_vectorcall,
};
