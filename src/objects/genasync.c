/* genasync.c: async generators (gen.h): the async_generator type with
 * __anext__/asend/athrow/aclose, the awaitables those return
 * (async_generator_asend, async_generator_athrow) and the wrapper marking
 * values the generator yields (as opposed to values its awaits pass up). */
#include "objects/gen.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>

#define GEN(o) ((AdGenObject *)(o))

typedef struct {
    AdObject_HEAD;
    AdObject *value;
} WrappedValue;

AdObject *ad_gen_wrap_value(AdObject *v)
{
    WrappedValue *w = (WrappedValue *)AdObject_GC_New(&AdAsyncGenWrappedValue_Type);
    if (!w)
        return NULL;
    w->value = Ad_NewRef(v);
    AdObject_GC_Track((AdObject *)w);
    return (AdObject *)w;
}

static int wv_traverse(AdObject *self, visitproc visit, void *arg) { return visit(((WrappedValue *)self)->value, arg); }
static void wv_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((WrappedValue *)self)->value);
    AdObject_GC_Del(self);
}

AdTypeObject AdAsyncGenWrappedValue_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(WrappedValue),
    .tp_dealloc = wv_dealloc,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = wv_traverse,
};

enum { AWAITABLE_INIT, AWAITABLE_ITER, AWAITABLE_CLOSED };

/* Interprets what the generator's frame produced for asend/athrow. */
static AdObject *unwrap_value(AdGenObject *g, AdGenSendResult k, AdObject *r)
{
    if (k != AD_GEN_NEXT) {
        if (k == AD_GEN_RETURN) {
            Ad_XDECREF(r);
            AdErr_SetNone(AdExc_StopAsyncIteration);
        }
        if (AdErr_ExceptionMatches(AdExc_StopAsyncIteration) || AdErr_ExceptionMatches(AdExc_GeneratorExit))
            g->ag_closed = 1;
        g->ag_running_async = 0;
        return NULL;
    }
    if (Ad_IS_TYPE(r, &AdAsyncGenWrappedValue_Type)) {
        AdObject *v = ((WrappedValue *)r)->value;
        AdObject *e = AdObject_CallOneArg(AdExc_StopIteration, v);
        if (e) {
            AdErr_SetObject(AdExc_StopIteration, e);
            Ad_DECREF(e);
        }
        Ad_DECREF(r);
        g->ag_running_async = 0;
        return NULL;
    }
    return r;
}

/* ---- asend --------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *gen;
    AdObject *sendval;
    int state;
} ASend;

static AdObject *asend_new(AdObject *gen, AdObject *v)
{
    ASend *a = (ASend *)AdObject_GC_New(&AdAsyncGenASend_Type);
    if (!a)
        return NULL;
    a->gen = Ad_NewRef(gen);
    a->sendval = Ad_NewRef(v ? v : Ad_None);
    a->state = AWAITABLE_INIT;
    AdObject_GC_Track((AdObject *)a);
    return (AdObject *)a;
}

static AdObject *asend_send(AdObject *self, AdObject *arg)
{
    ASend *a = (ASend *)self;
    AdGenObject *g = GEN(a->gen);
    if (a->state == AWAITABLE_CLOSED) {
        AdErr_SetString(AdExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (a->state == AWAITABLE_INIT) {
        if (g->ag_running_async) {
            a->state = AWAITABLE_CLOSED;
            AdErr_SetString(AdExc_RuntimeError, "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (!arg || arg == Ad_None)
            arg = a->sendval;
        a->state = AWAITABLE_ITER;
    }
    g->ag_running_async = 1;
    AdObject *r;
    AdGenSendResult k = AdGen_Send(a->gen, arg ? arg : Ad_None, &r);
    AdObject *res = unwrap_value(g, k, r);
    if (!res)
        a->state = AWAITABLE_CLOSED;
    return res;
}

static AdObject *asend_iternext(AdObject *self) { return asend_send(self, NULL); }

static AdObject *asend_throw(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    ASend *a = (ASend *)self;
    if (a->state == AWAITABLE_CLOSED) {
        AdErr_SetString(AdExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    AdObject *r = ad_gen_throw_method(a->gen, args, nargs);
    AdGenObject *g = GEN(a->gen);
    if (r && Ad_IS_TYPE(r, &AdAsyncGenWrappedValue_Type))
        return unwrap_value(g, AD_GEN_NEXT, r);
    if (!r) {
        g->ag_running_async = 0;
        a->state = AWAITABLE_CLOSED;
        if (AdErr_ExceptionMatches(AdExc_StopAsyncIteration) || AdErr_ExceptionMatches(AdExc_GeneratorExit))
            g->ag_closed = 1;
    }
    return r;
}

static AdObject *asend_close(AdObject *self, AdObject *u)
{
    (void)u;
    ((ASend *)self)->state = AWAITABLE_CLOSED;
    Ad_RETURN_NONE;
}

static int asend_traverse(AdObject *self, visitproc visit, void *arg)
{
    ASend *a = (ASend *)self;
    if (a->gen && visit(a->gen, arg))
        return 1;
    return a->sendval ? visit(a->sendval, arg) : 0;
}

static void asend_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((ASend *)self)->gen);
    AD_CLEAR(((ASend *)self)->sendval);
    AdObject_GC_Del(self);
}

static AdMethodDef asend_methods[] = {
    {"send", (void (*)(void))asend_send, AD_METH_O, NULL},
    {"throw", (void (*)(void))asend_throw, AD_METH_FASTCALL, NULL},
    {"close", (void (*)(void))asend_close, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdAsyncMethods self_await = {AdObject_SelfIter, NULL, NULL};

AdTypeObject AdAsyncGenASend_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(ASend),
    .tp_dealloc = asend_dealloc,
    .tp_as_async = &self_await,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = asend_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

/* ---- athrow / aclose --------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *gen;
    AdObject *args;     /* tuple (typ[, val[, tb]]) or NULL for aclose() */
    int state;
} AThrow;

static AdObject *athrow_new(AdObject *gen, AdObject *args)
{
    AThrow *a = (AThrow *)AdObject_GC_New(&AdAsyncGenAThrow_Type);
    if (!a)
        return NULL;
    a->gen = Ad_NewRef(gen);
    a->args = Ad_XNewRef(args);
    a->state = AWAITABLE_INIT;
    AdObject_GC_Track((AdObject *)a);
    return (AdObject *)a;
}

static AdObject *athrow_check_error(AThrow *a)
{
    AdGenObject *g = GEN(a->gen);
    g->ag_running_async = 0;
    a->state = AWAITABLE_CLOSED;
    if (AdErr_ExceptionMatches(AdExc_StopAsyncIteration) || AdErr_ExceptionMatches(AdExc_GeneratorExit)) {
        if (!a->args) {
            AdErr_Clear();
            AdErr_SetNone(AdExc_StopIteration);
        }
    }
    return NULL;
}

static AdObject *athrow_send(AdObject *self, AdObject *arg)
{
    AThrow *a = (AThrow *)self;
    AdGenObject *g = GEN(a->gen);
    if (a->state == AWAITABLE_CLOSED) {
        AdErr_SetString(AdExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (g->gi_frame_state >= AD_FRAME_COMPLETED) {
        a->state = AWAITABLE_CLOSED;
        AdErr_SetNone(AdExc_StopIteration);
        return NULL;
    }
    AdObject *r = NULL;
    if (a->state == AWAITABLE_INIT) {
        if (g->ag_running_async) {
            a->state = AWAITABLE_CLOSED;
            AdErr_SetString(AdExc_RuntimeError, a->args ? "athrow(): asynchronous generator is already running"
                                                        : "aclose(): asynchronous generator is already running");
            return NULL;
        }
        if (g->ag_closed) {
            a->state = AWAITABLE_CLOSED;
            AdErr_SetNone(AdExc_StopAsyncIteration);
            return NULL;
        }
        if (arg && arg != Ad_None) {
            AdErr_SetString(AdExc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        a->state = AWAITABLE_ITER;
        g->ag_running_async = 1;
        if (!a->args) {
            g->ag_closed = 1;
            AdObject *ge = AdExc_GeneratorExit;
            r = ad_gen_throw_method(a->gen, &ge, 1);
        } else {
            r = ad_gen_throw_method(a->gen, AdTuple_ITEMS(a->args), AdTuple_GET_SIZE(a->args));
        }
    } else {
        r = ad_gen_send_method(a->gen, arg ? arg : Ad_None);
    }
    if (!r)
        return athrow_check_error(a);
    if (Ad_IS_TYPE(r, &AdAsyncGenWrappedValue_Type)) {
        if (!a->args) {
            Ad_DECREF(r);
            g->ag_running_async = 0;
            a->state = AWAITABLE_CLOSED;
            AdErr_SetString(AdExc_RuntimeError, "async generator ignored GeneratorExit");
            return NULL;
        }
        a->state = AWAITABLE_CLOSED;
        return unwrap_value(g, AD_GEN_NEXT, r);
    }
    return r;
}

static AdObject *athrow_iternext(AdObject *self) { return athrow_send(self, NULL); }

static AdObject *athrow_throw(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    AThrow *a = (AThrow *)self;
    if (a->state == AWAITABLE_CLOSED) {
        AdErr_SetString(AdExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    AdObject *r = ad_gen_throw_method(a->gen, args, nargs);
    if (!r)
        return athrow_check_error(a);
    if (Ad_IS_TYPE(r, &AdAsyncGenWrappedValue_Type)) {
        if (!a->args) {
            Ad_DECREF(r);
            AdErr_SetString(AdExc_RuntimeError, "async generator ignored GeneratorExit");
            return NULL;
        }
        return unwrap_value(GEN(a->gen), AD_GEN_NEXT, r);
    }
    return r;
}

static AdObject *athrow_close(AdObject *self, AdObject *u)
{
    (void)u;
    ((AThrow *)self)->state = AWAITABLE_CLOSED;
    Ad_RETURN_NONE;
}

static int athrow_traverse(AdObject *self, visitproc visit, void *arg)
{
    AThrow *a = (AThrow *)self;
    if (a->gen && visit(a->gen, arg))
        return 1;
    return a->args ? visit(a->args, arg) : 0;
}

static void athrow_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((AThrow *)self)->gen);
    AD_CLEAR(((AThrow *)self)->args);
    AdObject_GC_Del(self);
}

static AdMethodDef athrow_methods[] = {
    {"send", (void (*)(void))athrow_send, AD_METH_O, NULL},
    {"throw", (void (*)(void))athrow_throw, AD_METH_FASTCALL, NULL},
    {"close", (void (*)(void))athrow_close, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdAsyncGenAThrow_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(AThrow),
    .tp_dealloc = athrow_dealloc,
    .tp_as_async = &self_await,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = athrow_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

/* ---- the async_generator type ---------------------------------------------------------- */

static AdObject *agen_anext(AdObject *self) { return asend_new(self, NULL); }
static AdObject *agen_asend(AdObject *self, AdObject *v) { return asend_new(self, v); }
static AdObject *agen_aclose(AdObject *self, AdObject *u) { (void)u; return athrow_new(self, NULL); }

static AdObject *agen_athrow(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        AdErr_Format(AdExc_TypeError, "athrow expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    AdObject *t = AdTuple_FromArray(args, nargs);
    if (!t)
        return NULL;
    AdObject *r = athrow_new(self, t);
    Ad_DECREF(t);
    return r;
}

static AdAsyncMethods agen_as_async = {NULL, AdObject_SelfIter, agen_anext};

static AdMethodDef agen_methods[] = {
    {"asend", (void (*)(void))agen_asend, AD_METH_O, NULL},
    {"athrow", (void (*)(void))agen_athrow, AD_METH_FASTCALL, NULL},
    {"aclose", (void (*)(void))agen_aclose, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* The generator type's slots, shared (gen.c). */
extern AdTypeObject AdGen_Type;

AdTypeObject AdAsyncGen_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "async_generator",
    .tp_basicsize = offsetof(AdGenObject, gi_iframe),
    .tp_itemsize = sizeof(AdObject *),
    .tp_as_async = &agen_as_async,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_weaklistoffset = offsetof(AdGenObject, gi_weakreflist),
    .tp_methods = agen_methods,
};
