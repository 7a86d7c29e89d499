/* anextawaitable.c: what anext(ait, default) returns: an awaitable that
 * awaits ait.__anext__() and turns its StopAsyncIteration into the default
 * value (a StopIteration carrying it). It is its own iterator, with
 * send/throw/close passed on to the wrapped awaitable's iterator. */
#include "objects/iterobject.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/gen.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

typedef struct {
    AdObject_HEAD;
    AdObject *wrapped;          /* what __anext__() returned */
    AdObject *iter;             /* its await iterator, once asked for */
    AdObject *dflt;
} AnextAwaitable;

AdObject *AdAnextAwaitable_New(AdObject *awaitable, AdObject *dflt)
{
    AnextAwaitable *a = (AnextAwaitable *)AdObject_GC_New(&AdAnextAwaitable_Type);
    if (!a)
        return NULL;
    a->wrapped = Ad_NewRef(awaitable);
    a->iter = NULL;
    a->dflt = Ad_NewRef(dflt);
    AdObject_GC_Track((AdObject *)a);
    return (AdObject *)a;
}

static void anext_dealloc(AdObject *o)
{
    AnextAwaitable *a = (AnextAwaitable *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(a->wrapped);
    Ad_XDECREF(a->iter);
    Ad_XDECREF(a->dflt);
    AdObject_GC_Del(o);
}

static int anext_traverse(AdObject *o, visitproc visit, void *arg)
{
    AnextAwaitable *a = (AnextAwaitable *)o;
    if (a->wrapped && visit(a->wrapped, arg))
        return 1;
    if (a->iter && visit(a->iter, arg))
        return 1;
    return a->dflt ? visit(a->dflt, arg) : 0;
}

static AdObject *anext_get_iter(AnextAwaitable *a)
{
    if (!a->iter)
        a->iter = AdCoro_GetAwaitableIter(a->wrapped);
    return a->iter;
}

/* The wrapped iterator ended with StopAsyncIteration: raise StopIteration(default). */
static AdObject *anext_result(AnextAwaitable *a, AdObject *r)
{
    if (!r && AdErr_ExceptionMatches(AdExc_StopAsyncIteration)) {
        AdErr_Clear();
        AdObject *e = AdObject_CallOneArg(AdExc_StopIteration, a->dflt);
        if (e) {
            AdErr_SetObject(AdExc_StopIteration, e);
            Ad_DECREF(e);
        }
    }
    return r;
}

/* Calls it.name(*args). */
static AdObject *anext_call(AdObject *it, const char *name, AdObject *const *args, Ad_ssize_t nargs)
{
    AdObject *n = AdStr_InternFromString(name);
    if (!n)
        return NULL;
    AdObject *r = AdObject_CallMethod(it, n, args, nargs);
    Ad_DECREF(n);
    return r;
}

static AdObject *anext_send(AdObject *self, AdObject *arg)
{
    AnextAwaitable *a = (AnextAwaitable *)self;
    AdObject *it = anext_get_iter(a);
    if (!it)
        return NULL;
    AdObject *r;
    if ((!arg || arg == Ad_None) && AD_TYPE(it)->tp_iternext) {
        r = AD_TYPE(it)->tp_iternext(it);
        if (!r && !AdErr_Occurred())
            AdErr_SetNone(AdExc_StopIteration);
    }
    else {
        AdObject *v = arg ? arg : Ad_None;
        r = anext_call(it, "send", &v, 1);
    }
    return anext_result(a, r);
}

static AdObject *anext_iternext(AdObject *self) { return anext_send(self, NULL); }

static AdObject *anext_throw(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    AnextAwaitable *a = (AnextAwaitable *)self;
    AdObject *it = anext_get_iter(a);
    if (!it)
        return NULL;
    return anext_result(a, anext_call(it, "throw", args, nargs));
}

static AdObject *anext_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    AnextAwaitable *a = (AnextAwaitable *)self;
    AdObject *it = anext_get_iter(a);
    if (!it)
        return NULL;
    return anext_call(it, "close", NULL, 0);
}

static AdObject *anext_await(AdObject *self) { return Ad_NewRef(self); }

static AdMethodDef anext_methods[] = {
    {"send", (void (*)(void))anext_send, AD_METH_O, "send(arg) -> send 'arg' into the wrapped iterator"},
    {"throw", (void (*)(void))anext_throw, AD_METH_FASTCALL, "throw(value) -> raise it in the wrapped iterator"},
    {"close", (void (*)(void))anext_close, AD_METH_NOARGS, "close() -> close the wrapped iterator"},
    {NULL, NULL, 0, NULL},
};

static AdAsyncMethods anext_as_async = {
    .am_await = anext_await,
};

AdTypeObject AdAnextAwaitable_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(AnextAwaitable),
    .tp_dealloc = anext_dealloc,
    .tp_as_async = &anext_as_async,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = anext_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = anext_iternext,
    .tp_methods = anext_methods,
};
