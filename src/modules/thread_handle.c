/* thread_handle.c: starting OS threads (start_new_thread, start_joinable_
 * thread) and _thread._ThreadHandle (ident, join, is_done, _set_done),
 * _make_thread_handle, _count and _shutdown (joining the non-daemon
 * threads). A handle's state lives in a small malloc'd block shared by the
 * handle object and the running thread (each holds a reference), so that
 * the thread can signal its end after it has let go of the interpreter.
 * Threads are created detached: joining waits for the `done` semaphore. */
#include "modules/thread_internal.h"
#include "modules/sys.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/gil.h"
#include "memory/gc.h"
#include "runtime/lifecycle.h"
#include "vm/ceval.h"
#include "vm/frame.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#define FN(f) ((void (*)(void))(f))

enum { H_NOT_STARTED, H_RUNNING, H_DONE };

typedef struct HandleState {
    _Atomic int refs;
    _Atomic int state;
    unsigned long ident;
    sem_t done;                 /* posted when the thread has ended */
    int in_shutdown_list;
    struct HandleState *next;   /* the non-daemon threads (under the GIL) */
} HandleState;

typedef struct {
    AdObject_HEAD;
    HandleState *hs;
} HandleObject;

/* What a new thread needs; owned by the thread. */
typedef struct {
    AdThread *t;
    AdObject *func, *args, *kwargs;
    HandleState *hs;
} Boot;

size_t thread_stack_size;
static long running_count;              /* threads started here and not ended (GIL) */
static HandleState *shutdown_list;      /* non-daemon threads still running (GIL) */

static HandleState *hs_new(void)
{
    HandleState *hs = calloc(1, sizeof *hs);
    if (!hs)
        return NULL;
    atomic_init(&hs->refs, 1);
    atomic_init(&hs->state, H_NOT_STARTED);
    sem_init(&hs->done, 0, 0);
    return hs;
}

static void hs_decref(HandleState *hs)
{
    if (atomic_fetch_sub(&hs->refs, 1) == 1) {
        sem_destroy(&hs->done);
        free(hs);
    }
}

static void hs_set_done(HandleState *hs)
{
    int expected = H_RUNNING;
    if (atomic_compare_exchange_strong(&hs->state, &expected, H_DONE))
        sem_post(&hs->done);
}

static void shutdown_list_remove(HandleState *hs)
{
    if (!hs->in_shutdown_list)
        return;
    for (HandleState **p = &shutdown_list; *p; p = &(*p)->next) {
        if (*p == hs) {
            *p = hs->next;
            break;
        }
    }
    hs->in_shutdown_list = 0;
    hs->next = NULL;
}

/* ---- the new thread ----------------------------------------------------------------------- */

static void report_thread_exception(AdObject *func)
{
    if (AdErr_ExceptionMatches(AdExc_SystemExit)) {
        AdErr_Clear();
        return;
    }
    AdObject *exc = AdErr_GetRaisedException();
    AdObject *r = AdObject_Repr(func);
    AdObject *msg = r ? AdStr_FromFormat("Exception ignored in thread started by %U", r) : NULL;
    if (!msg)
        AdErr_Clear();
    AdSys_WriteUnraisable(exc, msg ? AdStr_AsUTF8(msg) : "Exception ignored in thread started by",
                          NULL);
    Ad_XDECREF(msg);
    Ad_XDECREF(r);
    Ad_XDECREF(exc);
    AdErr_Clear();
}

static void *thread_main(void *arg)
{
    Boot *b = arg;
    AdThread *t = b->t;
    t->native = pthread_self();
    if (ad_thread_attach(t) < 0)
        ad_thread_hang();       /* finalization already started */
    HandleState *hs = b->hs;
    hs->ident = thread_ident_self();
    AdObject *r = AdObject_Call(b->func, b->args, b->kwargs);
    if (r)
        Ad_DECREF(r);
    else
        report_thread_exception(b->func);
    AD_CLEAR(b->func);
    AD_CLEAR(b->args);
    AD_CLEAR(b->kwargs);
    thread_local_forget_thread(t);
    AdVM_ThreadFini();
    AdErr_Clear();
    running_count--;
    shutdown_list_remove(hs);
    t->thread_module_data = NULL;
    free(b);
    ad_thread_detach_and_delete(t);
    /* Not holding the GIL any more: only the shared block is touched. */
    hs_set_done(hs);
    hs_decref(hs);
    return NULL;
}

/* Forgets a thread that does not exist in a forked child. */
static void forget_thread(AdThread *t)
{
    Boot *b = t->thread_module_data;
    if (!b)
        return;
    t->thread_module_data = NULL;
    HandleState *hs = b->hs;
    running_count--;
    shutdown_list_remove(hs);
    sem_destroy(&hs->done);
    sem_init(&hs->done, 0, 0);
    hs_set_done(hs);
    hs_decref(hs);
    Ad_XDECREF(b->func);
    Ad_XDECREF(b->args);
    Ad_XDECREF(b->kwargs);
    free(b);
}

/* Step 3 (finalizing, before the collection): the threads started here
 * that still exist (daemon threads) never run again: each hangs when it
 * next wants the GIL. What their frames and start-up block hold is
 * released so that finalization frees it; their states go with the
 * interpreter. */
static int release_abandoned_threads(AdInterp *interp)
{
    AdThread *me = ad_current_thread;
    for (AdThread *t = interp->threads; t; t = t->next) {
        Boot *b = t->thread_module_data;
        if (t == me || !b)
            continue;
        thread_local_forget_thread(t);
        AdVM_ReleaseAbandoned(t);
        AD_CLEAR(b->func);
        AD_CLEAR(b->args);
        AD_CLEAR(b->kwargs);
    }
    return 0;
}

int thread_handles_init(void)
{
    ad_thread_forget_hook = forget_thread;
    return Ad_RegisterFiniHook(AD_FINI_GC, release_abandoned_threads);
}

/* Starts func(*args, **kwargs) in a new OS thread tied to hs. 0 or -1. */
static int start_thread(AdObject *func, AdObject *args, AdObject *kwargs, HandleState *hs, int daemon)
{
    AdThread *cur = ad_current_thread;
    AdInterp *interp = cur->interp;
    if (interp->finalizing || atomic_load(&ad_runtime.finalizing)) {
        AdErr_SetString(AdExc_PythonFinalizationError, "can't create new thread at interpreter shutdown");
        return -1;
    }
    Boot *b = calloc(1, sizeof *b);
    AdThread *t = b ? Ad_ThreadNew(interp) : NULL;
    if (!t) {
        free(b);
        AdErr_NoMemory();
        return -1;
    }
    b->t = t;
    b->func = Ad_NewRef(func);
    b->args = Ad_NewRef(args);
    b->kwargs = Ad_XNewRef(kwargs);
    b->hs = hs;
    t->thread_module_data = b;
    ad_gil_note_threads(interp);
    atomic_fetch_add(&hs->refs, 1);
    atomic_store(&hs->state, H_RUNNING);
    if (!daemon) {
        hs->next = shutdown_list;
        shutdown_list = hs;
        hs->in_shutdown_list = 1;
    }
    running_count++;

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (thread_stack_size)
        pthread_attr_setstacksize(&attr, thread_stack_size);
    pthread_t tid;
    int rc = pthread_create(&tid, &attr, thread_main, b);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        running_count--;
        shutdown_list_remove(hs);
        atomic_store(&hs->state, H_NOT_STARTED);
        atomic_fetch_sub(&hs->refs, 1);
        t->thread_module_data = NULL;
        Ad_ThreadDelete(t);
        ad_gil_forget_thread(interp);
        Ad_DECREF(b->func);
        Ad_DECREF(b->args);
        Ad_XDECREF(b->kwargs);
        free(b);
        AdErr_SetString(AdExc_RuntimeError, "can't start new thread");
        return -1;
    }
    hs->ident = (unsigned long)tid;
    return 0;
}

AdObject *thread_start_new_thread(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("start_new_thread", nargs, 2, 3) < 0)
        return NULL;
    AdObject *func = args[0], *fargs = args[1], *kw = nargs > 2 ? args[2] : NULL;
    if (!thread_is_callable(func)) {
        AdErr_SetString(AdExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!AdTuple_Check(fargs)) {
        AdErr_SetString(AdExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (kw && !AdDict_Check(kw)) {
        AdErr_SetString(AdExc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    HandleState *hs = hs_new();
    if (!hs)
        return AdErr_NoMemory();
    if (start_thread(func, fargs, kw, hs, 1) < 0) {
        hs_decref(hs);
        return NULL;
    }
    unsigned long ident = hs->ident;
    hs_decref(hs);
    return AdInt_FromUInt64(ident);
}

/* ---- _ThreadHandle ------------------------------------------------------------------------ */

static AdObject *handle_wrap(AdTypeObject *type, HandleState *hs)
{
    HandleObject *h = (HandleObject *)type->tp_alloc(type, 0);
    if (!h) {
        hs_decref(hs);
        return NULL;
    }
    h->hs = hs;
    return (AdObject *)h;
}

static AdObject *handle_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    HandleState *hs = hs_new();
    if (!hs)
        return AdErr_NoMemory();
    return handle_wrap(type, hs);
}

static void handle_dealloc(AdObject *self)
{
    HandleObject *h = (HandleObject *)self;
    if (h->hs)
        hs_decref(h->hs);
    AD_TYPE(self)->tp_free(self);
}

static AdObject *handle_repr(AdObject *self)
{
    HandleObject *h = (HandleObject *)self;
    return AdStr_FromFormat("<%s object: ident=%lu>", AD_TYPE(self)->tp_name, h->hs->ident);
}

static AdObject *handle_get_ident(AdObject *self, void *closure)
{
    (void)closure;
    return AdInt_FromUInt64(((HandleObject *)self)->hs->ident);
}

static AdObject *handle_join(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"timeout", NULL};
    AdObject *a[1] = {NULL};
    if (AdArg_Parse("join", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    HandleState *hs = ((HandleObject *)self)->hs;
    int64_t timeout = -1;
    if (a[0] && a[0] != Ad_None) {
        if (thread_timeout_ns(a[0], &timeout) < 0)
            return NULL;
        if (timeout < 0)
            timeout = 0;
    }
    int state = atomic_load(&hs->state);
    if (state == H_NOT_STARTED) {
        AdErr_SetString(AdExc_RuntimeError, "thread not started");
        return NULL;
    }
    if (state == H_DONE)
        Ad_RETURN_NONE;
    if (hs->ident == thread_ident_self()) {
        AdErr_SetString(AdExc_RuntimeError, "Cannot join current thread");
        return NULL;
    }
    atomic_fetch_add(&hs->refs, 1);
    int r = thread_sem_wait(&hs->done, timeout);
    if (r == 1)
        sem_post(&hs->done);        /* stays signalled for other joiners */
    hs_decref(hs);
    if (r < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *handle_is_done(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdBool_FromLong(atomic_load(&((HandleObject *)self)->hs->state) == H_DONE);
}

static AdObject *handle_set_done(AdObject *self, AdObject *unused)
{
    (void)unused;
    HandleState *hs = ((HandleObject *)self)->hs;
    if (atomic_load(&hs->state) == H_NOT_STARTED) {
        AdErr_SetString(AdExc_RuntimeError, "thread not started");
        return NULL;
    }
    hs_set_done(hs);
    Ad_RETURN_NONE;
}

static AdMethodDef handle_methods[] = {
    {"join", FN(handle_join), AD_METH_FASTCALL | AD_METH_KEYWORDS, NULL},
    {"is_done", FN(handle_is_done), AD_METH_NOARGS, NULL},
    {"_set_done", FN(handle_set_done), AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef handle_getset[] = {
    {"ident", handle_get_ident, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject thread_handle_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_thread._ThreadHandle",
    .tp_basicsize = sizeof(HandleObject),
    .tp_dealloc = handle_dealloc,
    .tp_repr = handle_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_methods = handle_methods,
    .tp_getset = handle_getset,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = handle_new,
    .tp_free = AdObject_Free,
};

AdObject *thread_start_joinable(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"function", "handle", "daemon", NULL};
    AdObject *a[3] = {NULL, NULL, NULL};
    if (AdArg_Parse("start_joinable_thread", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    if (!thread_is_callable(a[0])) {
        AdErr_SetString(AdExc_TypeError, "thread function must be callable");
        return NULL;
    }
    int daemon = 1;
    if (a[2]) {
        daemon = AdObject_IsTrue(a[2]);
        if (daemon < 0)
            return NULL;
    }
    AdObject *handle;
    if (a[1] && a[1] != Ad_None) {
        if (!AdObject_TypeCheck(a[1], &thread_handle_type)) {
            AdErr_SetString(AdExc_TypeError, "'handle' must be a _ThreadHandle");
            return NULL;
        }
        handle = Ad_NewRef(a[1]);
    } else {
        handle = handle_new(&thread_handle_type, NULL, NULL);
        if (!handle)
            return NULL;
    }
    HandleState *hs = ((HandleObject *)handle)->hs;
    if (atomic_load(&hs->state) != H_NOT_STARTED) {
        Ad_DECREF(handle);
        AdErr_SetString(AdExc_RuntimeError, "thread already started");
        return NULL;
    }
    AdObject *empty = AdTuple_New(0);
    if (!empty || start_thread(a[0], empty, NULL, hs, daemon) < 0) {
        Ad_XDECREF(empty);
        Ad_DECREF(handle);
        return NULL;
    }
    Ad_DECREF(empty);
    return handle;
}

AdObject *thread_make_handle(AdObject *m, AdObject *ident)
{
    (void)m;
    int64_t v = AdInt_AsInt64(ident);
    if (v == -1 && AdErr_Occurred())
        return NULL;
    HandleState *hs = hs_new();
    if (!hs)
        return AdErr_NoMemory();
    hs->ident = (unsigned long)v;
    atomic_store(&hs->state, H_RUNNING);
    return handle_wrap(&thread_handle_type, hs);
}

AdObject *thread_count(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return AdInt_FromInt64(running_count);
}

AdObject *thread_shutdown(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    unsigned long me = thread_ident_self();
    for (;;) {
        HandleState *hs = shutdown_list;
        while (hs && hs->ident == me)
            hs = hs->next;
        if (!hs)
            break;
        atomic_fetch_add(&hs->refs, 1);
        int r = thread_sem_wait(&hs->done, -1);
        if (r == 1)
            sem_post(&hs->done);
        /* Normally the thread unlinked itself before signalling. */
        if (r == 1)
            shutdown_list_remove(hs);
        hs_decref(hs);
        if (r < 0)
            return NULL;
    }
    Ad_RETURN_NONE;
}
