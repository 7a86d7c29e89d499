/* gen.c: generators, coroutines and async generators (gen.h). A
 * generator owns its frame record; send/throw/close resume it through the
 * evaluation loop, linking the generator's handled-exception entry into
 * the thread's chain while it runs. Also the coroutine wrapper returned by
 * coro.__await__(), the objects of async generators (asend, athrow,
 * wrapped values) and finalization ("coroutine ... was never awaited",
 * closing suspended generators). */
#include "objects/weakref.h"
#include "objects/gen.h"
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/int.h"
#include "objects/function.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"
#include "vm/ceval.h"

#include <stddef.h>
#include <string.h>

#define GEN(o) ((AdGenObject *)(o))

static const char *gen_kind(AdObject *g)
{
    if (AdCoro_CheckExact(g))
        return "coroutine";
    if (AdAsyncGen_CheckExact(g))
        return "async generator";
    return "generator";
}

AdObject *ad_gen_new_from_frame(AdFrame *f)
{
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    AdTypeObject *type = (co->co_flags & AD_CO_COROUTINE)         ? &AdCoro_Type
                         : (co->co_flags & AD_CO_ASYNC_GENERATOR) ? &AdAsyncGen_Type
                                                                  : &AdGen_Type;
    size_t words = vm_frame_words(co);
    size_t frame_bytes = words * sizeof(AdObject *);
    /* tp_itemsize is one pointer: the variable part holds the frame. */
    AdGenObject *g = (AdGenObject *)AdObject_GC_NewVar(type, (Ad_ssize_t)(frame_bytes / sizeof(AdObject *)));
    if (!g)
        return NULL;
    AdFunctionObject *fn = (AdFunctionObject *)f->f_func;
    g->gi_name = Ad_NewRef(fn ? fn->func_name : co->co_name);
    g->gi_qualname = Ad_NewRef(fn ? fn->func_qualname : co->co_qualname);
    g->gi_code = Ad_NewRef((AdObject *)co);
    g->gi_weakreflist = NULL;
    g->ag_finalizer = NULL;
    g->gi_exc_state.exc_value = NULL;
    g->gi_exc_state.previous = NULL;
    g->gi_frame_state = AD_FRAME_CREATED;
    g->ag_hooks_inited = g->ag_closed = g->ag_running_async = 0;
    vm_frame_move(&g->gi_iframe, f);
    g->gi_iframe.owner = AD_FRAME_OWNED_BY_GENERATOR;
    g->gi_iframe.previous = NULL;
    g->gi_iframe.is_entry = 1;
    g->gi_iframe.cleared = 0;
    AdObject_GC_Track((AdObject *)g);
    return (AdObject *)g;
}

/* Runs the generator: arg is pushed (unless exc), or the raised exception
 * is thrown in (exc). */
static AdGenSendResult gen_send_ex(AdGenObject *g, AdObject *arg, int exc, int closing, AdObject **result)
{
    AdObject *self = (AdObject *)g;
    AdFrame *f = &g->gi_iframe;
    *result = NULL;
    if (g->gi_frame_state == AD_FRAME_CREATED && arg && arg != Ad_None && !exc) {
        AdErr_Format(AdExc_TypeError, "can't send non-None value to a just-started %s", gen_kind(self));
        return AD_GEN_ERROR;
    }
    if (g->gi_frame_state == AD_FRAME_EXECUTING) {
        AdErr_Format(AdExc_ValueError, "%s already executing", gen_kind(self));
        return AD_GEN_ERROR;
    }
    if (g->gi_frame_state >= AD_FRAME_COMPLETED) {
        if (AdCoro_CheckExact(self) && !closing) {
            AdErr_SetString(AdExc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg && !exc) {
            *result = Ad_NewRef(Ad_None);
            return AD_GEN_RETURN;
        }
        return AD_GEN_ERROR;
    }
    AdVMState *vm = vm_state();
    ad_gen_enter(vm, g, exc ? NULL : Ad_NewRef(arg ? arg : Ad_None), 1);
    Ad_INCREF(self);
    AdObject *r = vm_eval_frame(vm, f, exc);
    ad_gen_leave(vm, g);
    if (g->gi_frame_state == AD_FRAME_EXECUTING) {
        /* The frame never ran (recursion check): it is finished. */
        g->gi_frame_state = AD_FRAME_COMPLETED;
        vm_frame_clear(f);
    }
    AdGenSendResult k;
    if (!r) {
        k = AD_GEN_ERROR;
    } else if (g->gi_frame_state < AD_FRAME_EXECUTING) {
        k = AD_GEN_NEXT;
    } else {
        k = AD_GEN_RETURN;
    }
    if (g->gi_frame_state >= AD_FRAME_COMPLETED)
        AD_CLEAR(g->gi_exc_state.exc_value);
    *result = r;
    Ad_DECREF(self);
    return k;
}

AdGenSendResult AdGen_Send(AdObject *gen, AdObject *arg, AdObject **result)
{
    return gen_send_ex(GEN(gen), arg ? arg : Ad_None, 0, 0, result);
}

static void set_stop_iteration_value(AdObject *value)
{
    AdObject *e = AdObject_CallOneArg(AdExc_StopIteration, value);
    if (e) {
        AdErr_SetObject(AdExc_StopIteration, e);
        Ad_DECREF(e);
    }
}

/* Turns a send result into the Python-level protocol. */
static AdObject *send_result(AdObject *self, AdGenSendResult k, AdObject *r)
{
    if (k == AD_GEN_NEXT)
        return r;
    if (k == AD_GEN_RETURN) {
        if (AdAsyncGen_CheckExact(self))
            AdErr_SetNone(AdExc_StopAsyncIteration);
        else if (r == Ad_None)
            AdErr_SetNone(AdExc_StopIteration);
        else
            set_stop_iteration_value(r);
        Ad_XDECREF(r);
    }
    return NULL;
}

static AdObject *gen_iternext(AdObject *self)
{
    AdObject *r;
    AdGenSendResult k = gen_send_ex(GEN(self), Ad_None, 0, 0, &r);
    if (k == AD_GEN_NEXT)
        return r;
    if (k == AD_GEN_RETURN) {
        if (r != Ad_None)
            set_stop_iteration_value(r);
        Ad_DECREF(r);
    }
    return NULL;
}

static AdObject *gen_send(AdObject *self, AdObject *arg)
{
    AdObject *r;
    AdGenSendResult k = gen_send_ex(GEN(self), arg, 0, 0, &r);
    return send_result(self, k, r);
}

AdObject *AdGen_GetYieldFrom(AdObject *gen)
{
    AdGenObject *g = GEN(gen);
    if (g->gi_frame_state != AD_FRAME_SUSPENDED_YIELD_FROM)
        return NULL;
    return Ad_NewRef(g->gi_iframe.stackpointer[-1]);
}

static AdObject *gen_close(AdObject *self, AdObject *unused);

static int gen_close_iter(AdObject *yf)
{
    AdObject *r;
    if (AdGen_CheckExact(yf) || AdCoro_CheckExact(yf)) {
        r = gen_close(yf, NULL);
    } else {
        AdObject *meth = NULL;
        if (AdObject_GetOptionalAttr(yf, AdStr_InternFromString("close"), &meth) < 0) {
            AdErr_WriteUnraisable(yf);
            return 0;
        }
        if (!meth)
            return 0;
        r = AdObject_CallNoArgs(meth);
        Ad_DECREF(meth);
    }
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

static AdGenSendResult gen_throw_ex(AdGenObject *g, int close_on_genexit, AdObject *typ, AdObject *val,
                                    AdObject *tb, AdObject **result)
{
    AdObject *yf = AdGen_GetYieldFrom((AdObject *)g);
    *result = NULL;
    if (yf) {
        int8_t saved = g->gi_frame_state;
        AdObject *ret = NULL;
        if (typ == AdExc_GeneratorExit && close_on_genexit) {
            g->gi_frame_state = AD_FRAME_EXECUTING;
            int err = gen_close_iter(yf);
            g->gi_frame_state = saved;
            Ad_DECREF(yf);
            if (err < 0)
                return gen_send_ex(g, NULL, 1, 0, result);
            goto throw_here;
        }
        if (AdGen_CheckExact(yf) || AdCoro_CheckExact(yf)) {
            g->gi_frame_state = AD_FRAME_EXECUTING;
            AdGenSendResult k = gen_throw_ex(GEN(yf), close_on_genexit, typ, val, tb, &ret);
            g->gi_frame_state = saved;
            if (k == AD_GEN_RETURN) {
                /* The delegate finished: StopIteration(value) into this frame. */
                set_stop_iteration_value(ret);
                Ad_DECREF(ret);
                ret = NULL;
            } else if (k == AD_GEN_ERROR) {
                ret = NULL;
            }
        } else {
            AdObject *meth = NULL;
            if (AdObject_GetOptionalAttr(yf, AdStr_InternFromString("throw"), &meth) < 0) {
                Ad_DECREF(yf);
                return AD_GEN_ERROR;
            }
            if (!meth) {
                Ad_DECREF(yf);
                goto throw_here;
            }
            AdObject *args[3] = {typ, val, tb};
            Ad_ssize_t n = tb ? 3 : val ? 2 : 1;
            g->gi_frame_state = AD_FRAME_EXECUTING;
            ret = AdObject_Vectorcall(meth, args, (size_t)n, NULL);
            g->gi_frame_state = saved;
            Ad_DECREF(meth);
        }
        Ad_DECREF(yf);
        if (!ret)
            return gen_send_ex(g, NULL, 1, 0, result);
        *result = ret;
        return AD_GEN_NEXT;
    }
throw_here:
    if (tb == Ad_None)
        tb = NULL;
    if (tb && !AdTraceback_Check(tb)) {
        AdErr_SetString(AdExc_TypeError, "throw() third argument must be a traceback object");
        return AD_GEN_ERROR;
    }
    {
        AdObject *exc;
        if (AdExceptionClass_Check(typ)) {
            if (val && AdObject_TypeCheck(val, (AdTypeObject *)typ))
                exc = Ad_NewRef(val);
            else if (!val || val == Ad_None)
                exc = AdObject_CallNoArgs(typ);
            else if (AdTuple_Check(val))
                exc = AdObject_Call(typ, val, NULL);
            else
                exc = AdObject_CallOneArg(typ, val);
            if (!exc)
                return AD_GEN_ERROR;
        } else if (AdExceptionInstance_Check(typ)) {
            if (val && val != Ad_None) {
                AdErr_SetString(AdExc_TypeError, "instance exception may not have a separate value");
                return AD_GEN_ERROR;
            }
            exc = Ad_NewRef(typ);
        } else {
            AdErr_Format(AdExc_TypeError,
                         "exceptions must be classes or instances deriving from BaseException, not %s",
                         AdType_Name(AD_TYPE(typ)));
            return AD_GEN_ERROR;
        }
        if (tb)
            AdException_SetTraceback(exc, tb);
        AdErr_SetRaisedException(exc);
    }
    return gen_send_ex(g, NULL, 1, 0, result);
}

static AdObject *gen_throw(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        AdErr_Format(AdExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs > 1 &&
        AdErr_WarnEx(AdExc_DeprecationWarning,
                     "the (type, exc, tb) signature of throw() is deprecated, use the single-arg signature instead.",
                     1) < 0)
        return NULL;
    AdObject *r;
    AdGenSendResult k = gen_throw_ex(GEN(self), 1, args[0], nargs > 1 ? args[1] : NULL,
                                     nargs > 2 ? args[2] : NULL, &r);
    return send_result(self, k, r);
}

/* gen.send(v) and gen.throw(...) for genasync.c, whose async generators
 * have no such methods but drive their frames through them. */
AdObject *ad_gen_send_method(AdObject *gen, AdObject *arg) { return gen_send(gen, arg); }
AdObject *ad_gen_throw_method(AdObject *gen, AdObject *const *args, Ad_ssize_t nargs)
{
    return gen_throw(gen, args, nargs);
}

static AdObject *gen_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdGenObject *g = GEN(self);
    if (g->gi_frame_state == AD_FRAME_CREATED) {
        g->gi_frame_state = AD_FRAME_COMPLETED;
        vm_frame_clear(&g->gi_iframe);
        Ad_RETURN_NONE;
    }
    if (g->gi_frame_state >= AD_FRAME_COMPLETED)
        Ad_RETURN_NONE;
    int err = 0;
    AdObject *yf = AdGen_GetYieldFrom(self);
    if (yf) {
        int8_t saved = g->gi_frame_state;
        g->gi_frame_state = AD_FRAME_EXECUTING;
        err = gen_close_iter(yf);
        g->gi_frame_state = saved;
        Ad_DECREF(yf);
    }
    if (err == 0)
        AdErr_SetNone(AdExc_GeneratorExit);
    AdObject *r;
    AdGenSendResult k = gen_send_ex(g, NULL, 1, 1, &r);
    if (k == AD_GEN_NEXT) {
        Ad_DECREF(r);
        AdErr_Format(AdExc_RuntimeError, "%s ignored GeneratorExit", gen_kind(self));
        return NULL;
    }
    if (k == AD_GEN_RETURN)
        return r;
    if (AdErr_ExceptionMatches(AdExc_StopIteration) || AdErr_ExceptionMatches(AdExc_GeneratorExit)) {
        AdErr_Clear();
        Ad_RETURN_NONE;
    }
    return NULL;
}

static void gen_finalize(AdObject *self)
{
    AdGenObject *g = GEN(self);
    if (g->gi_frame_state >= AD_FRAME_COMPLETED)
        return;
    AdObject *saved = AdErr_GetRaisedException();
    if (AdCoro_CheckExact(self) && g->gi_frame_state == AD_FRAME_CREATED) {
        if (AdErr_WarnFormat(AdExc_RuntimeWarning, 1, "coroutine '%U' was never awaited", g->gi_qualname) < 0)
            AdErr_WriteUnraisable(self);
    }
    if (AdAsyncGen_CheckExact(self) && g->ag_finalizer && g->gi_frame_state != AD_FRAME_CREATED) {
        AdObject *r = AdObject_CallOneArg(g->ag_finalizer, self);
        if (!r)
            AdErr_WriteUnraisable(self);
        Ad_XDECREF(r);
    } else {
        AdObject *r = gen_close(self, NULL);
        if (!r)
            AdErr_WriteUnraisable(self);
        Ad_XDECREF(r);
    }
    AdErr_SetRaisedException(saved);
}

static int gen_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdGenObject *g = GEN(self);
    AdObject *refs[] = {g->gi_name, g->gi_qualname, g->gi_code, g->ag_finalizer, g->gi_exc_state.exc_value};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i] && visit(refs[i], arg))
            return 1;
    AdFrame *f = &g->gi_iframe;
    if (!f->cleared) {
        if (vm_frame_visit_header(f, visit, arg) || (f->frame_obj && visit(f->frame_obj, arg)))
            return 1;
        for (AdObject **p = f->localsplus; p < f->stackpointer; p++)
            if (*p && visit(*p, arg))
                return 1;
    }
    return 0;
}

static int gen_tp_clear(AdObject *self)
{
    AdGenObject *g = GEN(self);
    if (g->gi_frame_state != AD_FRAME_EXECUTING) {
        g->gi_frame_state = AD_FRAME_CLEARED;
        vm_frame_clear(&g->gi_iframe);
    }
    AD_CLEAR(g->gi_exc_state.exc_value);
    AD_CLEAR(g->ag_finalizer);
    return 0;
}

static void gen_dealloc(AdObject *self)
{
    AdGenObject *g = GEN(self);
    if (g->gi_frame_state < AD_FRAME_COMPLETED && g->gi_frame_state != AD_FRAME_EXECUTING) {
        /* Finalize with the object alive (PEP 442 style resurrection guard). */
        Ad_INCREF(self);
        gen_finalize(self);
        if (--self->ob_refcnt > 0)
            return;
    }
    AdObject_GC_UnTrack(self);
    if (g->gi_weakreflist)
        AdObject_ClearWeakRefs(self);
    vm_frame_clear(&g->gi_iframe);
    AD_CLEAR(g->gi_iframe.f_code);
    AD_CLEAR(g->gi_exc_state.exc_value);
    AD_CLEAR(g->ag_finalizer);
    AD_CLEAR(g->gi_name);
    AD_CLEAR(g->gi_qualname);
    AD_CLEAR(g->gi_code);
    AdObject_GC_Del(self);
}

static AdObject *gen_repr(AdObject *self)
{
    const char *kind = AdCoro_CheckExact(self) ? "coroutine" : AdAsyncGen_CheckExact(self) ? "async_generator" : "generator";
    return AdStr_FromFormat("<%s object %U at %p>", kind, GEN(self)->gi_qualname, (void *)self);
}

/* ---- attributes (gi_*, cr_*, ag_*) ------------------------------------------------ */

static AdObject *get_name(AdObject *self, void *c) { (void)c; return Ad_NewRef(GEN(self)->gi_name); }
static AdObject *get_qualname(AdObject *self, void *c) { (void)c; return Ad_NewRef(GEN(self)->gi_qualname); }

static int set_str_attr(AdObject **slot, AdObject *v, const char *what)
{
    if (!v || !AdStr_Check(v)) {
        AdErr_Format(AdExc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    AD_SETREF(*slot, Ad_NewRef(v));
    return 0;
}
static int set_name(AdObject *self, AdObject *v, void *c) { (void)c; return set_str_attr(&GEN(self)->gi_name, v, "__name__"); }
static int set_qualname(AdObject *self, AdObject *v, void *c) { (void)c; return set_str_attr(&GEN(self)->gi_qualname, v, "__qualname__"); }

static AdObject *get_frame(AdObject *self, void *c)
{
    (void)c;
    AdGenObject *g = GEN(self);
    if (g->gi_frame_state >= AD_FRAME_COMPLETED)
        Ad_RETURN_NONE;
    AdObject *fo = vm_frame_get_object(&g->gi_iframe);
    return fo ? Ad_NewRef(fo) : NULL;
}

static AdObject *get_running(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(GEN(self)->gi_frame_state == AD_FRAME_EXECUTING ? Ad_True : Ad_False);
}

static AdObject *get_suspended(AdObject *self, void *c)
{
    (void)c;
    int8_t s = GEN(self)->gi_frame_state;
    return Ad_NewRef(s == AD_FRAME_SUSPENDED || s == AD_FRAME_SUSPENDED_YIELD_FROM ? Ad_True : Ad_False);
}

static AdObject *get_code(AdObject *self, void *c) { (void)c; return Ad_NewRef(GEN(self)->gi_code); }

static AdObject *get_yieldfrom(AdObject *self, void *c)
{
    (void)c;
    AdObject *yf = AdGen_GetYieldFrom(self);
    return yf ? yf : Ad_NewRef(Ad_None);
}

static AdObject *get_none(AdObject *self, void *c) { (void)self; (void)c; Ad_RETURN_NONE; }

static AdObject *get_ag_running(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(GEN(self)->ag_running_async ? Ad_True : Ad_False);
}

static AdGetSetDef gen_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"gi_frame", get_frame, NULL, NULL, NULL},
    {"gi_running", get_running, NULL, NULL, NULL},
    {"gi_suspended", get_suspended, NULL, NULL, NULL},
    {"gi_code", get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdGetSetDef coro_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"cr_frame", get_frame, NULL, NULL, NULL},
    {"cr_running", get_running, NULL, NULL, NULL},
    {"cr_suspended", get_suspended, NULL, NULL, NULL},
    {"cr_code", get_code, NULL, NULL, NULL},
    {"cr_await", get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdGetSetDef agen_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"ag_frame", get_frame, NULL, NULL, NULL},
    {"ag_running", get_ag_running, NULL, NULL, NULL},
    {"ag_suspended", get_suspended, NULL, NULL, NULL},
    {"ag_code", get_code, NULL, NULL, NULL},
    {"ag_await", get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdObject *class_getitem(AdObject *cls, AdObject *item)
{
    return Ad_GenericAlias(cls, item);
}

static AdMethodDef gen_methods[] = {
    {"send", (void (*)(void))gen_send, AD_METH_O, NULL},
    {"throw", (void (*)(void))gen_throw, AD_METH_FASTCALL, NULL},
    {"close", (void (*)(void))gen_close, AD_METH_NOARGS, NULL},
    {"__class_getitem__", (void (*)(void))class_getitem, AD_METH_O | AD_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdGen_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "generator",
    .tp_basicsize = offsetof(AdGenObject, gi_iframe),
    .tp_itemsize = sizeof(AdObject *),
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_weaklistoffset = offsetof(AdGenObject, gi_weakreflist),
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_finalize = gen_finalize,
};

/* ---- coroutines ----------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *cw_coroutine;
} CoroWrapper;

static AdObject *coro_await(AdObject *self)
{
    CoroWrapper *w = (CoroWrapper *)AdObject_GC_New(&AdCoroWrapper_Type);
    if (!w)
        return NULL;
    w->cw_coroutine = Ad_NewRef(self);
    AdObject_GC_Track((AdObject *)w);
    return (AdObject *)w;
}

static AdAsyncMethods coro_as_async = {coro_await, NULL, NULL};

static AdMethodDef coro_methods[] = {
    {"send", (void (*)(void))gen_send, AD_METH_O, NULL},
    {"throw", (void (*)(void))gen_throw, AD_METH_FASTCALL, NULL},
    {"close", (void (*)(void))gen_close, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdCoro_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "coroutine",
    .tp_basicsize = offsetof(AdGenObject, gi_iframe),
    .tp_itemsize = sizeof(AdObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_weaklistoffset = offsetof(AdGenObject, gi_weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .tp_finalize = gen_finalize,
};

#define CW(o) (((CoroWrapper *)(o))->cw_coroutine)

static AdObject *cw_iternext(AdObject *self) { return gen_iternext(CW(self)); }
static AdObject *cw_send(AdObject *self, AdObject *arg) { return gen_send(CW(self), arg); }
static AdObject *cw_throw(AdObject *self, AdObject *const *args, Ad_ssize_t n) { return gen_throw(CW(self), args, n); }
static AdObject *cw_close(AdObject *self, AdObject *u) { return gen_close(CW(self), u); }
static int cw_traverse(AdObject *self, visitproc visit, void *arg) { return visit(CW(self), arg); }
static int cw_clear(AdObject *self) { AD_CLEAR(CW(self)); return 0; }
static void cw_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(CW(self));
    AdObject_GC_Del(self);
}

static AdMethodDef cw_methods[] = {
    {"send", (void (*)(void))cw_send, AD_METH_O, NULL},
    {"throw", (void (*)(void))cw_throw, AD_METH_FASTCALL, NULL},
    {"close", (void (*)(void))cw_close, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdCoroWrapper_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(CoroWrapper),
    .tp_dealloc = cw_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = cw_traverse,
    .tp_clear = cw_clear,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
};

static int is_iterable_coroutine(AdObject *o)
{
    return AdGen_CheckExact(o) && (((AdCodeObject *)GEN(o)->gi_code)->co_flags & AD_CO_ITERABLE_COROUTINE);
}

AdObject *AdCoro_GetAwaitableIter(AdObject *o)
{
    if (AdCoro_CheckExact(o) || is_iterable_coroutine(o))
        return Ad_NewRef(o);
    AdAsyncMethods *am = AD_TYPE(o)->tp_as_async;
    if (!am || !am->am_await) {
        AdErr_Format(AdExc_TypeError, "'%s' object can't be awaited", AdType_Name(AD_TYPE(o)));
        return NULL;
    }
    AdObject *res = am->am_await(o);
    if (!res)
        return NULL;
    if (AdCoro_CheckExact(res) || is_iterable_coroutine(res)) {
        AdErr_SetString(AdExc_TypeError, "__await__() returned a coroutine");
        Ad_DECREF(res);
        return NULL;
    }
    if (!AdIter_Check(res)) {
        AdErr_Format(AdExc_TypeError, "__await__() returned non-iterator of type '%s'", AdType_Name(AD_TYPE(res)));
        Ad_DECREF(res);
        return NULL;
    }
    return res;
}

int ad_gen_init(void)
{
    /* async_generator shares the generator machinery. */
    AdAsyncGen_Type.tp_dealloc = gen_dealloc;
    AdAsyncGen_Type.tp_repr = gen_repr;
    AdAsyncGen_Type.tp_traverse = gen_traverse;
    AdAsyncGen_Type.tp_clear = gen_tp_clear;
    AdAsyncGen_Type.tp_finalize = gen_finalize;
    AdAsyncGen_Type.tp_getset = agen_getset;
    return 0;
}
