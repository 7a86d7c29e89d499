/* test_gil.c: the GIL and thread states at the C level (runtime/gil.h):
 * the main thread after core init, the switch interval's granularity,
 * saving and restoring with one thread, a second OS thread that attaches
 * while the main thread has released the GIL, the drop request that a
 * waiting thread posts in the holder's eval breaker, and pending calls
 * marking the main thread's breaker. */
#include <check.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "sys_fixture.h"
#include "objects/int.h"
#include "runtime/gil.h"
#include "runtime/interp.h"

static void start_core(void)
{
    char *argv[] = {"adder", NULL};
    sys_test_start(1, argv);
}

START_TEST(main_thread_after_core)
{
    start_core();
    AdThread *t = Ad_CurrentThread();
    ck_assert_ptr_nonnull(t);
    ck_assert(Ad_IsMainThread());
    ck_assert_ptr_eq(t->interp->main_thread, t);
    ck_assert_uint_eq(atomic_load(&t->eval_breaker), 0);
}
END_TEST

START_TEST(switch_interval_in_microseconds)
{
    start_core();
    AdInterp *interp = Ad_CurrentThread()->interp;
    ck_assert(Ad_GetSwitchInterval(interp) == 0.005);
    Ad_SetSwitchInterval(interp, 0.0123456789);
    ck_assert(Ad_GetSwitchInterval(interp) == 0.012345);
    Ad_SetSwitchInterval(interp, 1e-9);
    ck_assert(Ad_GetSwitchInterval(interp) == 0.0);
}
END_TEST

START_TEST(save_restore_alone)
{
    start_core();
    AdThread *t = Ad_CurrentThread();
    AdThread *saved = AdEval_SaveThread();
    ck_assert_ptr_eq(saved, t);
    AdEval_RestoreThread(saved);
    ck_assert_ptr_eq(Ad_CurrentThread(), t);
    Ad_BEGIN_ALLOW_THREADS
    Ad_END_ALLOW_THREADS
    ck_assert_ptr_eq(Ad_CurrentThread(), t);
}
END_TEST

typedef struct {
    AdThread *t;
    atomic_int ran;
    atomic_int attached;
} Worker;

static void *worker_main(void *arg)
{
    Worker *w = arg;
    if (ad_thread_attach(w->t) < 0)
        return NULL;
    atomic_store(&w->attached, 1);
    /* Holding the GIL: objects may be used. */
    AdObject *n = AdInt_FromInt64(12345);
    atomic_store(&w->ran, n != NULL);
    Ad_XDECREF(n);
    ad_thread_detach_and_delete(w->t);
    return NULL;
}

START_TEST(second_thread_runs_while_released)
{
    start_core();
    AdInterp *interp = Ad_CurrentThread()->interp;
    Worker w = {.t = Ad_ThreadNew(interp)};
    ck_assert_ptr_nonnull(w.t);
    ad_gil_note_threads(interp);
    pthread_t tid;
    ck_assert_int_eq(pthread_create(&tid, NULL, worker_main, &w), 0);
    AdThread *saved = AdEval_SaveThread();
    pthread_join(tid, NULL);
    AdEval_RestoreThread(saved);
    ck_assert_int_eq(atomic_load(&w.ran), 1);
    ck_assert(Ad_IsMainThread());
    ck_assert_ptr_eq(interp->threads, saved);     /* the worker's state is gone */
}
END_TEST

START_TEST(waiting_thread_posts_drop_request)
{
    start_core();
    AdThread *me = Ad_CurrentThread();
    AdInterp *interp = me->interp;
    Ad_SetSwitchInterval(interp, 0.001);
    Worker w = {.t = Ad_ThreadNew(interp)};
    ad_gil_note_threads(interp);
    pthread_t tid;
    ck_assert_int_eq(pthread_create(&tid, NULL, worker_main, &w), 0);
    /* We hold the GIL: the worker waits, then asks us to drop it. */
    struct timespec pause = {0, 1000000};
    for (int i = 0; i < 5000 && !(atomic_load(&me->eval_breaker) & AD_EB_GIL_DROP); i++)
        nanosleep(&pause, NULL);
    ck_assert(atomic_load(&me->eval_breaker) & AD_EB_GIL_DROP);
    ck_assert_int_eq(atomic_load(&w.attached), 0);
    ad_gil_yield(me);           /* what the eval loop does */
    ck_assert_int_eq(atomic_load(&me->eval_breaker) & AD_EB_GIL_DROP, 0);
    AdThread *saved = AdEval_SaveThread();
    pthread_join(tid, NULL);
    AdEval_RestoreThread(saved);
    ck_assert_int_eq(atomic_load(&w.ran), 1);
}
END_TEST

static int noop_call(void *arg)
{
    (void)arg;
    return 0;
}

START_TEST(pending_call_marks_main_breaker)
{
    start_core();
    AdThread *me = Ad_CurrentThread();
    ck_assert_int_eq(Ad_AddPendingCall(me->interp, noop_call, NULL), 0);
    ck_assert(atomic_load(&me->eval_breaker) & AD_EB_PENDING);
    ck_assert_int_eq(Ad_MakePendingCalls(me->interp), 0);
    ad_eval_breaker_clear(me, AD_EB_PENDING);
    ck_assert_uint_eq(atomic_load(&me->eval_breaker), 0);
}
END_TEST

Suite *gil_suite(void)
{
    Suite *s = suite_create("gil");
    TCase *tc = tcase_create("gil");
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, main_thread_after_core);
    tcase_add_test(tc, switch_interval_in_microseconds);
    tcase_add_test(tc, save_restore_alone);
    tcase_add_test(tc, second_thread_runs_while_released);
    tcase_add_test(tc, waiting_thread_posts_drop_request);
    tcase_add_test(tc, pending_call_marks_main_breaker);
    suite_add_tcase(s, tc);
    return s;
}
