/* interp.c: creating and deleting interpreter and thread states, the
 * interpreter list with its ids, pending calls and interpreter-level
 * atexit callbacks. */
#include "runtime/interp.h"
#include "runtime/gil.h"
#include "objects/object.h"
#include "memory/gc.h"

#include <stdlib.h>

AdStatus Ad_InterpNew(AdRuntime *runtime, const AdConfig *config, AdInterp **out)
{
    *out = NULL;
    AdInterp *interp = calloc(1, sizeof *interp);
    if (!interp)
        return AdStatus_NoMemory();
    AdConfig_Init(&interp->config);
    if (config && AdConfig_Copy(&interp->config, config) < 0) {
        free(interp);
        return AdStatus_NoMemory();
    }
    interp->runtime = runtime;
    if (ad_gil_create(interp) < 0) {
        AdConfig_Clear(&interp->config);
        free(interp);
        return AdStatus_NoMemory();
    }
    pthread_mutex_init(&interp->threads_mutex, NULL);
    pthread_mutex_init(&interp->pending.mutex, NULL);

    pthread_mutex_lock(&runtime->interpreters.mutex);
    if (runtime->interpreters.next_id < 0) {
        pthread_mutex_unlock(&runtime->interpreters.mutex);
        ad_gil_destroy(interp);
        AdConfig_Clear(&interp->config);
        free(interp);
        return AdStatus_Error("failed to get an interpreter ID");
    }
    interp->id = runtime->interpreters.next_id;
    runtime->interpreters.next_id = interp->id == INT64_MAX ? -1 : interp->id + 1;
    interp->next = runtime->interpreters.head;
    runtime->interpreters.head = interp;
    if (!runtime->interpreters.main)
        runtime->interpreters.main = interp;
    pthread_mutex_unlock(&runtime->interpreters.mutex);
    *out = interp;
    return AdStatus_Ok();
}

void Ad_InterpDelete(AdInterp *interp)
{
    AdRuntime *runtime = interp->runtime;
    ad_gil_destroy(interp);        /* first: nobody posts requests to the states below */
    interp->main_thread = NULL;
    while (interp->threads)
        Ad_ThreadDelete(interp->threads);
    pthread_mutex_lock(&runtime->interpreters.mutex);
    for (AdInterp **p = &runtime->interpreters.head; *p; p = &(*p)->next) {
        if (*p == interp) {
            *p = interp->next;
            break;
        }
    }
    if (runtime->interpreters.main == interp)
        runtime->interpreters.main = NULL;
    pthread_mutex_unlock(&runtime->interpreters.mutex);
    AdConfig_Clear(&interp->config);
    Ad_PathConfigClear(&interp->path_config);
    AdGC_RetireState(&interp->gc);
    pthread_mutex_destroy(&interp->threads_mutex);
    pthread_mutex_destroy(&interp->pending.mutex);
    free(interp);
}

AdThread *Ad_ThreadNew(AdInterp *interp)
{
    AdThread *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->interp = interp;
    t->native = pthread_self();
    AdThread *creator = ad_current_thread;
    t->recursion_limit = creator && creator->interp == interp ? creator->recursion_limit : 1000;
    pthread_mutex_lock(&interp->threads_mutex);
    t->id = interp->next_thread_id++;
    t->next = interp->threads;
    interp->threads = t;
    pthread_mutex_unlock(&interp->threads_mutex);
    return t;
}

void Ad_ThreadDelete(AdThread *thread)
{
    AdInterp *interp = thread->interp;
    pthread_mutex_lock(&interp->threads_mutex);
    for (AdThread **p = &interp->threads; *p; p = &(*p)->next) {
        if (*p == thread) {
            *p = thread->next;
            break;
        }
    }
    pthread_mutex_unlock(&interp->threads_mutex);
    Ad_XDECREF(thread->current_exception);
    Ad_XDECREF(thread->repr_active);
    Ad_XDECREF(thread->async_exc);
    Ad_XDECREF(thread->context);
    free(thread);
}

int Ad_AddPendingCall(AdInterp *interp, AdPendingCall func, void *arg)
{
    int rc = -1;
    pthread_mutex_lock(&interp->pending.mutex);
    if (interp->pending.count < AD_MAX_PENDING_CALLS) {
        int slot = (interp->pending.first + interp->pending.count) % AD_MAX_PENDING_CALLS;
        interp->pending.calls[slot].func = func;
        interp->pending.calls[slot].arg = arg;
        interp->pending.count++;
        if (interp->main_thread)
            ad_eval_breaker_set(interp->main_thread, AD_EB_PENDING);
        rc = 0;
    }
    pthread_mutex_unlock(&interp->pending.mutex);
    return rc;
}

int Ad_MakePendingCalls(AdInterp *interp)
{
    for (;;) {
        pthread_mutex_lock(&interp->pending.mutex);
        if (interp->pending.count == 0) {
            pthread_mutex_unlock(&interp->pending.mutex);
            return 0;
        }
        AdPendingCall func = interp->pending.calls[interp->pending.first].func;
        void *arg = interp->pending.calls[interp->pending.first].arg;
        interp->pending.first = (interp->pending.first + 1) % AD_MAX_PENDING_CALLS;
        interp->pending.count--;
        pthread_mutex_unlock(&interp->pending.mutex);
        if (func(arg) < 0)
            return -1;
    }
}

int Ad_InterpAtExit(AdInterp *interp, AdInterpAtExit func, void *arg)
{
    if (interp->atexit.count >= AD_MAX_INTERP_ATEXIT)
        return -1;
    interp->atexit.calls[interp->atexit.count].func = func;
    interp->atexit.calls[interp->atexit.count].arg = arg;
    interp->atexit.count++;
    return 0;
}
