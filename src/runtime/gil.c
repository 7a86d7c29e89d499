/* gil.c: the global interpreter lock, thread attach/detach and the eval
 * breaker bits (see gil.h). The GIL is a flag guarded by a mutex with two
 * condition variables: `released` wakes waiters, `switched` tells a holder
 * that gave the GIL away on request that someone really took it. */
#include "runtime/gil.h"
#include "objects/object.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct AdGIL {
    pthread_mutex_t mutex;
    pthread_cond_t released;
    pthread_cond_t switched;
    int locked;
    int dead;                   /* after finalization: never granted again */
    int waiters;
    int multi;                  /* some thread other than the first was ever attached */
    int others;                 /* threads started and not yet ended (they may use the GIL) */
    AdThread *holder;
    uint64_t switch_number;     /* grants so far */
    int64_t interval_ns;
};

/* The GIL the calling OS thread uses: kept apart from the thread state so a
 * thread whose state finalization freed can still find the (dead) GIL. */
static _Thread_local struct AdGIL *tls_gil;
/* Set when AdEval_SaveThread did not release anything (a single thread). */
static _Thread_local int tls_save_skipped;

void (*ad_thread_forget_hook)(AdThread *t);

/* ---- creation ----------------------------------------------------------------------------- */

static void gil_init_sync(struct AdGIL *g)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&g->mutex, NULL);
    pthread_cond_init(&g->released, &attr);
    pthread_cond_init(&g->switched, &attr);
    pthread_condattr_destroy(&attr);
}

int ad_gil_create(AdInterp *interp)
{
    struct AdGIL *g = calloc(1, sizeof *g);
    if (!g)
        return -1;
    gil_init_sync(g);
    g->interval_ns = 5000000;
    interp->gil = g;
    return 0;
}

void ad_gil_destroy(AdInterp *interp)
{
    struct AdGIL *g = interp->gil;
    if (!g)
        return;
    interp->gil = NULL;
    pthread_mutex_lock(&g->mutex);
    g->dead = 1;
    g->holder = NULL;
    g->locked = 1;
    int others = g->others;
    pthread_mutex_unlock(&g->mutex);
    if (tls_gil == g)
        tls_gil = NULL;
    if (others > 0)
        return;             /* daemon threads may still sleep on it */
    pthread_cond_destroy(&g->released);
    pthread_cond_destroy(&g->switched);
    pthread_mutex_destroy(&g->mutex);
    free(g);
}

void ad_gil_note_threads(AdInterp *interp)
{
    struct AdGIL *g = interp->gil;
    pthread_mutex_lock(&g->mutex);
    g->multi = 1;
    g->others++;
    pthread_mutex_unlock(&g->mutex);
}

void ad_gil_forget_thread(AdInterp *interp)
{
    struct AdGIL *g = interp->gil;
    pthread_mutex_lock(&g->mutex);
    g->others--;
    pthread_mutex_unlock(&g->mutex);
}

/* ---- eval breaker ------------------------------------------------------------------------- */

void ad_eval_breaker_set(AdThread *t, uint32_t bits)
{
    atomic_fetch_or_explicit(&t->eval_breaker, bits, memory_order_relaxed);
}

void ad_eval_breaker_clear(AdThread *t, uint32_t bits)
{
    atomic_fetch_and_explicit(&t->eval_breaker, ~bits, memory_order_relaxed);
}

/* ---- taking and dropping ------------------------------------------------------------------ */

_Noreturn void ad_thread_hang(void)
{
    for (;;)
        pause();
}

static void deadline_after(struct timespec *ts, int64_t ns)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    int64_t total = (int64_t)ts->tv_nsec + ns;
    ts->tv_sec += (time_t)(total / 1000000000);
    ts->tv_nsec = (long)(total % 1000000000);
}

static void gil_take(struct AdGIL *g, AdThread *t)
{
    pthread_mutex_lock(&g->mutex);
    if (g->locked) {
        g->waiters++;
        while (g->locked) {
            if (g->dead) {
                pthread_mutex_unlock(&g->mutex);
                ad_thread_hang();
            }
            uint64_t seen = g->switch_number;
            struct timespec ts;
            deadline_after(&ts, g->interval_ns > 1000 ? g->interval_ns : 1000);
            int rc = pthread_cond_timedwait(&g->released, &g->mutex, &ts);
            if (rc == ETIMEDOUT && g->locked && g->switch_number == seen && g->holder)
                ad_eval_breaker_set(g->holder, AD_EB_GIL_DROP);
        }
        g->waiters--;
    }
    g->locked = 1;
    g->holder = t;
    g->switch_number++;
    ad_eval_breaker_clear(t, AD_EB_GIL_DROP);
    pthread_cond_broadcast(&g->switched);
    pthread_mutex_unlock(&g->mutex);
}

/* Releases g; when forced (a drop request), waits until another thread
 * took it, so that the requester gets its turn. When ending, the calling
 * thread stops counting as a user of g (g may be freed once it unlocks). */
static void gil_drop_ex(struct AdGIL *g, int forced, int ending)
{
    pthread_mutex_lock(&g->mutex);
    if (ending)
        g->others--;
    g->locked = 0;
    g->holder = NULL;
    pthread_cond_signal(&g->released);
    if (forced) {
        uint64_t n = g->switch_number;
        while (g->waiters > 0 && g->switch_number == n && !g->dead)
            pthread_cond_wait(&g->switched, &g->mutex);
    }
    pthread_mutex_unlock(&g->mutex);
}

static void gil_drop(struct AdGIL *g, int forced)
{
    gil_drop_ex(g, forced, 0);
}

/* After taking the GIL: a thread that is not the finalizing one must not
 * run once finalization started. */
static void check_finalizing(struct AdGIL *g, AdThread *t)
{
    AdThread *fin = atomic_load(&ad_runtime.finalizing);
    if (fin && fin != t) {
        gil_drop(g, 0);
        ad_thread_hang();
    }
}

int ad_thread_attach(AdThread *t)
{
    struct AdGIL *g = t->interp->gil;
    tls_gil = g;
    tls_save_skipped = 0;
    gil_take(g, t);
    ad_current_thread = t;
    AdThread *fin = atomic_load(&ad_runtime.finalizing);
    if (fin && fin != t) {
        gil_drop(g, 0);
        ad_current_thread = NULL;
        return -1;
    }
    return 0;
}

void ad_thread_detach_and_delete(AdThread *t)
{
    struct AdGIL *g = tls_gil;
    /* No waiter may post a drop request to a state about to be freed. */
    pthread_mutex_lock(&g->mutex);
    g->holder = NULL;
    pthread_mutex_unlock(&g->mutex);
    Ad_ThreadDelete(t);
    ad_current_thread = NULL;
    tls_gil = NULL;
    gil_drop_ex(g, 0, 1);
}

AdThread *AdEval_SaveThread(void)
{
    AdThread *t = ad_current_thread;
    struct AdGIL *g = tls_gil;
    if (!g || !g->multi) {
        /* Only one thread exists (and no other can appear before the
         * restore, since starting one needs the GIL): nothing to release. */
        tls_save_skipped = 1;
        return t;
    }
    tls_save_skipped = 0;
    gil_drop(g, 0);
    return t;
}

void AdEval_RestoreThread(AdThread *t)
{
    if (tls_save_skipped) {
        tls_save_skipped = 0;
        return;
    }
    struct AdGIL *g = tls_gil;
    if (!g)
        ad_thread_hang();
    gil_take(g, t);
    check_finalizing(g, t);
    ad_current_thread = t;
}

void ad_gil_yield(AdThread *t)
{
    struct AdGIL *g = tls_gil;
    ad_eval_breaker_clear(t, AD_EB_GIL_DROP);
    if (!g)
        return;
    gil_drop(g, 1);
    gil_take(g, t);
    check_finalizing(g, t);
}

/* ---- switch interval, main thread, fork --------------------------------------------------- */

double Ad_GetSwitchInterval(AdInterp *interp)
{
    struct AdGIL *g = interp->gil;
    return g ? (double)(g->interval_ns / 1000) / 1e6 : 0.005;
}

void Ad_SetSwitchInterval(AdInterp *interp, double seconds)
{
    struct AdGIL *g = interp->gil;
    if (!g)
        return;
    /* Kept in whole microseconds, as CPython (which reports 0.0 for less
     * than one; the wait itself is at least one microsecond). */
    double us = seconds * 1e6;
    if (us > 1e12)
        us = 1e12;
    double ns = (double)(int64_t)us * 1000.0;
    pthread_mutex_lock(&g->mutex);
    g->interval_ns = (int64_t)ns;
    pthread_mutex_unlock(&g->mutex);
}

int Ad_IsMainThread(void)
{
    AdThread *t = ad_current_thread;
    return t && t->interp == ad_runtime.interpreters.main && t == t->interp->main_thread;
}

void Ad_ReinitThreadsAfterFork(void)
{
    AdThread *me = ad_current_thread;
    if (!me)
        return;
    AdInterp *interp = me->interp;
    /* The other threads do not exist in the child: their states go (their
     * references are dropped: the objects they held are ours now). */
    pthread_mutex_init(&interp->threads_mutex, NULL);
    pthread_mutex_init(&interp->pending.mutex, NULL);
    AdThread *others = NULL;
    for (AdThread **p = &interp->threads; *p;) {
        AdThread *t = *p;
        if (t == me) {
            p = &t->next;
            continue;
        }
        *p = t->next;
        t->next = others;
        others = t;
    }
    /* A fresh GIL, held by us; the old one may be locked by a dead thread. */
    struct AdGIL *g = calloc(1, sizeof *g);
    if (g) {
        gil_init_sync(g);
        g->interval_ns = interp->gil ? interp->gil->interval_ns : 5000000;
        g->locked = 1;
        g->holder = me;
        g->multi = interp->gil ? interp->gil->multi : 0;
        /* The old one may be locked by a thread that does not exist here:
         * its memory goes, its mutex and conditions are not destroyed. */
        free(interp->gil);
        interp->gil = g;
        tls_gil = g;
    }
    tls_save_skipped = 0;
    me->native = pthread_self();
    interp->main_thread = me;
    atomic_store(&me->eval_breaker, 0);
    ad_runtime.signals.main_breaker = &me->eval_breaker;
    while (others) {
        AdThread *t = others;
        others = t->next;
        t->interp = interp;
        if (ad_thread_forget_hook)
            ad_thread_forget_hook(t);
        /* Relink briefly so Ad_ThreadDelete finds and frees it normally. */
        t->next = interp->threads;
        interp->threads = t;
        Ad_ThreadDelete(t);
    }
}
