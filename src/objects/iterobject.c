/* iterobject.c: iter(seq) over __getitem__ with 0, 1, 2, ... until
 * IndexError or StopIteration, and iter(callable, sentinel). */
#include "objects/iterobject.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/dict.h"
#include "objects/object_reduce.h"
#include "vm/ceval.h"
#include "memory/gc.h"

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t index;
    AdObject *seq;              /* NULL when exhausted */
} SeqIterObject;

AdObject *AdSeqIter_New(AdObject *seq)
{
    SeqIterObject *it = (SeqIterObject *)AdObject_GC_New(&AdSeqIter_Type);
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = Ad_NewRef(seq);
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static void seqiter_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(((SeqIterObject *)o)->seq);
    AdObject_GC_Del(o);
}

static int seqiter_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdObject *s = ((SeqIterObject *)o)->seq;
    return s ? visit(s, arg) : 0;
}

static AdObject *seqiter_next(AdObject *o)
{
    SeqIterObject *it = (SeqIterObject *)o;
    if (!it->seq)
        return NULL;
    AdObject *key = AdInt_FromSsize_t(it->index);
    if (!key)
        return NULL;
    AdObject *r = AdObject_GetItem(it->seq, key);
    Ad_DECREF(key);
    if (r) {
        it->index++;
        return r;
    }
    if (AdErr_ExceptionMatches(AdExc_IndexError) || AdErr_ExceptionMatches(AdExc_StopIteration)) {
        AdErr_Clear();
        AD_CLEAR(it->seq);
    }
    return NULL;
}

static AdObject *seqiter_length_hint(AdObject *o, AdObject *unused)
{
    (void)unused;
    SeqIterObject *it = (SeqIterObject *)o;
    if (!it->seq)
        return AdInt_FromInt64(0);
    Ad_ssize_t n = AdObject_Size(it->seq);
    if (n < 0) {
        if (!AdErr_ExceptionMatches(AdExc_TypeError))
            return NULL;
        AdErr_Clear();
        return Ad_NotImplemented;
    }
    return AdInt_FromSsize_t(n > it->index ? n - it->index : 0);
}

static AdObject *seqiter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    SeqIterObject *it = (SeqIterObject *)o;
    return AdIter_Reduce("iter", it->seq, AdTuple_New(0), it->index);
}

static AdObject *seqiter_setstate(AdObject *o, AdObject *state)
{
    SeqIterObject *it = (SeqIterObject *)o;
    Ad_ssize_t index = AdNumber_AsSsize_t(state, NULL);
    if (index == -1 && AdErr_Occurred())
        return NULL;
    if (it->seq)
        it->index = index < 0 ? 0 : index;
    Ad_RETURN_NONE;
}

static AdMethodDef seqiter_methods[] = {
    {"__setstate__", (void (*)(void))seqiter_setstate, AD_METH_O, "Set state information for unpickling."},
    {"__reduce__", (void (*)(void))seqiter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__length_hint__", (void (*)(void))seqiter_length_hint, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdSeqIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIterObject),
    .tp_dealloc = seqiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = seqiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
    .tp_free = AdObject_GC_Del,
};

typedef struct {
    AdObject_HEAD;
    AdObject *callable;         /* NULL when exhausted */
    AdObject *sentinel;
} CallIterObject;

AdObject *AdCallIter_New(AdObject *callable, AdObject *sentinel)
{
    CallIterObject *it = (CallIterObject *)AdObject_GC_New(&AdCallIter_Type);
    if (!it)
        return NULL;
    it->callable = Ad_NewRef(callable);
    it->sentinel = Ad_NewRef(sentinel);
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static void calliter_dealloc(AdObject *o)
{
    CallIterObject *it = (CallIterObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(it->callable);
    Ad_XDECREF(it->sentinel);
    AdObject_GC_Del(o);
}

static int calliter_traverse(AdObject *o, visitproc visit, void *arg)
{
    CallIterObject *it = (CallIterObject *)o;
    if (it->callable) {
        int rc = visit(it->callable, arg);
        if (rc)
            return rc;
    }
    return it->sentinel ? visit(it->sentinel, arg) : 0;
}

static AdObject *calliter_next(AdObject *o)
{
    CallIterObject *it = (CallIterObject *)o;
    if (!it->callable)
        return NULL;
    AdObject *r = AdObject_CallNoArgs(it->callable);
    if (!r) {
        if (AdErr_ExceptionMatches(AdExc_StopIteration)) {
            AdErr_Clear();
            AD_CLEAR(it->callable);
            AD_CLEAR(it->sentinel);
        }
        return NULL;
    }
    int eq = AdObject_RichCompareBool(it->sentinel, r, AD_EQ);
    if (eq == 0)
        return r;
    Ad_DECREF(r);
    if (eq > 0) {
        AD_CLEAR(it->callable);
        AD_CLEAR(it->sentinel);
    }
    return NULL;
}

/* __reduce__: (iter, (callable, sentinel)), or (iter, ((),)) once exhausted. */
static AdObject *calliter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    CallIterObject *it = (CallIterObject *)o;
    AdObject *b = AdEval_GetBuiltins();
    AdObject *iter = b && AdDict_Check(b) ? AdDict_GetItemString(b, "iter") : NULL;
    if (!iter) {
        AdErr_SetString(AdExc_RuntimeError, "lost builtins.iter");
        return NULL;
    }
    AdObject *args;
    if (it->callable) {
        args = AdTuple_Pack(2, it->callable, it->sentinel);
    }
    else {
        AdObject *empty = AdTuple_New(0);
        args = empty ? AdTuple_Pack(1, empty) : NULL;
        Ad_XDECREF(empty);
    }
    AdObject *r = args ? AdTuple_Pack(2, iter, args) : NULL;
    Ad_XDECREF(args);
    return r;
}

static AdMethodDef calliter_methods[] = {
    {"__reduce__", (void (*)(void))calliter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdCallIter_Type = {
    .tp_methods = calliter_methods,
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIterObject),
    .tp_dealloc = calliter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = calliter_next,
    .tp_free = AdObject_GC_Del,
};
