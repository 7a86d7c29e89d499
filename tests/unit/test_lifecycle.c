/* test_lifecycle.c: the init state machine refuses to skip or repeat a
 * stage; interpreter ids start at 0, only grow and run out cleanly; the
 * eight shutdown steps run in order, with pending calls, interpreter and
 * C-level atexit callbacks at their places. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "runtime/interp.h"
#include "runtime/config_internal.h"
#include "runtime/lifecycle.h"
#include "runtime/runtime.h"

static char *const test_argv[] = {"adder", "-S", "-c", "pass", NULL};

static AdStatus do_preinit(void)
{
    AdConfig config;
    AdConfig_Init(&config);
    AdStatus st = Ad_PreInitializeFromArgs(&config, 4, test_argv, NULL);
    if (!AdStatus_Exception(st))
        st = Ad_ReadConfigRest(&config, NULL);
    AdConfig_Clear(&config);
    return st;
}

/* Core init with a configuration as Ad_Main would have read it. */
static AdStatus do_core(void)
{
    AdConfig config;
    AdStrList cmd = {0};
    AdConfig_Init(&config);
    ad_config_read_pre(&config, &cmd, 4, test_argv, NULL);
    ad_config_read_rest(&config, &cmd, NULL);
    AdStrList_Clear(&cmd);
    AdStatus st = Ad_InitializeCore(&config);
    AdConfig_Clear(&config);
    return st;
}

static void setup(void) { ad_runtime_reset(); }

START_TEST(core_before_preinit_is_refused)
{
    AdStatus st = do_core();
    ck_assert(AdStatus_IsError(st));
    ck_assert_str_eq(st.err_msg, "core initialization before preinitialization");
    ck_assert_int_eq(ad_runtime.core_initialized, 0);
}
END_TEST

START_TEST(main_before_core_is_refused)
{
    ck_assert(AdStatus_IsError(Ad_InitializeMain()));
    ck_assert(!AdStatus_Exception(do_preinit()));
    AdStatus st = Ad_InitializeMain();
    ck_assert(AdStatus_IsError(st));
    ck_assert_str_eq(st.func, "Ad_InitializeMain");
    ck_assert_int_eq(ad_runtime.initialized, 0);
}
END_TEST

START_TEST(preinit_twice_is_refused)
{
    ck_assert(!AdStatus_Exception(do_preinit()));
    AdStatus st = do_preinit();
    ck_assert(AdStatus_IsError(st));
    ck_assert_str_eq(st.err_msg, "the runtime is already preinitialized");
}
END_TEST

START_TEST(core_twice_is_refused)
{
    ck_assert(!AdStatus_Exception(do_preinit()));
    ck_assert(!AdStatus_Exception(do_core()));
    AdStatus st = do_core();
    ck_assert(AdStatus_IsError(st));
    ck_assert_str_eq(st.err_msg, "the core is already initialized");
    Ad_InitializeMain();
    Ad_FinalizeEx();
}
END_TEST

START_TEST(main_twice_is_refused)
{
    ck_assert(!AdStatus_Exception(do_preinit()));
    ck_assert(!AdStatus_Exception(do_core()));
    ck_assert(!AdStatus_Exception(Ad_InitializeMain()));
    ck_assert_int_eq(ad_runtime.initialized, 1);
    AdStatus st = Ad_InitializeMain();
    ck_assert(AdStatus_IsError(st));
    ck_assert_str_eq(st.err_msg, "the runtime is already initialized");
    ck_assert_int_eq(Ad_FinalizeEx(), 0);
}
END_TEST

START_TEST(config_rest_after_core_is_refused)
{
    ck_assert(!AdStatus_Exception(do_preinit()));
    ck_assert(!AdStatus_Exception(do_core()));
    AdConfig config;
    AdConfig_Init(&config);
    ck_assert(AdStatus_IsError(Ad_ReadConfigRest(&config, NULL)));
    AdConfig_Clear(&config);
    Ad_InitializeMain();
    Ad_FinalizeEx();
}
END_TEST

START_TEST(config_rest_before_preinit_is_refused)
{
    AdConfig config;
    AdConfig_Init(&config);
    AdStatus st = Ad_ReadConfigRest(&config, NULL);
    ck_assert(AdStatus_IsError(st));
    ck_assert_str_eq(st.err_msg, "the runtime is not preinitialized");
    AdConfig_Clear(&config);
}
END_TEST

START_TEST(finalize_without_init_does_nothing)
{
    ck_assert_int_eq(Ad_FinalizeEx(), 0);
    ck_assert(!AdStatus_Exception(do_preinit()));
    ck_assert_int_eq(Ad_FinalizeEx(), 0);
    ck_assert_int_eq(ad_runtime.preinitialized, 1);
}
END_TEST

START_TEST(runtime_can_start_again_after_finalize)
{
    for (int round = 0; round < 2; round++) {
        ck_assert(!AdStatus_Exception(do_preinit()));
        ck_assert(!AdStatus_Exception(do_core()));
        ck_assert(!AdStatus_Exception(Ad_InitializeMain()));
        ck_assert_ptr_nonnull(Ad_MainInterp());
        ck_assert_ptr_nonnull(Ad_CurrentThread());
        ck_assert_int_eq(Ad_FinalizeEx(), 0);
        ck_assert_ptr_null(Ad_MainInterp());
        ck_assert_ptr_null(Ad_CurrentThread());
        ck_assert_int_eq(ad_runtime.initialized, 0);
    }
}
END_TEST

START_TEST(state_names_follow_the_stages)
{
    ck_assert_str_eq(Ad_RuntimeStateName(), "unknown");
    ck_assert(!AdStatus_Exception(do_preinit()));
    ck_assert_str_eq(Ad_RuntimeStateName(), "preinitialized");
    ck_assert(!AdStatus_Exception(do_core()));
    ck_assert_str_eq(Ad_RuntimeStateName(), "core initialized");
    ck_assert(!AdStatus_Exception(Ad_InitializeMain()));
    ck_assert_str_eq(Ad_RuntimeStateName(), "initialized");
    Ad_FinalizeEx();
}
END_TEST

/* ---- interpreter ids -------------------------------------------------- */

START_TEST(interp_ids_start_at_zero_and_grow)
{
    AdInterp *a, *b, *c;
    ck_assert(!AdStatus_Exception(Ad_InterpNew(&ad_runtime, NULL, &a)));
    ck_assert(!AdStatus_Exception(Ad_InterpNew(&ad_runtime, NULL, &b)));
    ck_assert_int_eq(a->id, 0);
    ck_assert_int_eq(b->id, 1);
    ck_assert_ptr_eq(ad_runtime.interpreters.main, a);
    ck_assert_ptr_eq(ad_runtime.interpreters.head, b);
    Ad_InterpDelete(b);
    ck_assert(!AdStatus_Exception(Ad_InterpNew(&ad_runtime, NULL, &c)));
    ck_assert_int_eq(c->id, 2);     /* never reused */
    Ad_InterpDelete(c);
    Ad_InterpDelete(a);
    ck_assert_ptr_null(ad_runtime.interpreters.head);
    ck_assert_ptr_null(ad_runtime.interpreters.main);
}
END_TEST

START_TEST(interp_ids_run_out_cleanly)
{
    AdInterp *a, *b;
    ad_runtime.interpreters.next_id = INT64_MAX;
    ck_assert(!AdStatus_Exception(Ad_InterpNew(&ad_runtime, NULL, &a)));
    ck_assert(a->id == INT64_MAX);
    AdStatus st = Ad_InterpNew(&ad_runtime, NULL, &b);
    ck_assert(AdStatus_IsError(st));
    ck_assert_str_eq(st.err_msg, "failed to get an interpreter ID");
    ck_assert_ptr_null(b);
    Ad_InterpDelete(a);
}
END_TEST

START_TEST(thread_states_belong_to_their_interp)
{
    AdInterp *a;
    ck_assert(!AdStatus_Exception(Ad_InterpNew(&ad_runtime, NULL, &a)));
    AdThread *t1 = Ad_ThreadNew(a), *t2 = Ad_ThreadNew(a);
    ck_assert_ptr_eq(t1->interp, a);
    ck_assert_int_eq(t1->id, 0);
    ck_assert_int_eq(t2->id, 1);
    ck_assert_ptr_eq(a->threads, t2);
    Ad_ThreadDelete(t2);
    ck_assert_ptr_eq(a->threads, t1);
    Ad_InterpDelete(a);             /* frees t1 too */
}
END_TEST

/* ---- shutdown order --------------------------------------------------- */

static char order[256];

static void note(const char *what)
{
    strncat(order, what, sizeof order - strlen(order) - 1);
    strncat(order, " ", sizeof order - strlen(order) - 1);
}

#define HOOK(n) static int hook##n(AdInterp *i) { (void)i; note("s" #n); return 0; }
HOOK(1) HOOK(2) HOOK(3) HOOK(4) HOOK(5) HOOK(6) HOOK(7) HOOK(8)
static int (*const hooks[])(AdInterp *) = {NULL, hook1, hook2, hook3, hook4,
                                           hook5, hook6, hook7, hook8};

static void interp_atexit_a(AdInterp *i, void *arg) { (void)i; (void)arg; note("atexitA"); }
static void interp_atexit_b(AdInterp *i, void *arg) { (void)i; (void)arg; note("atexitB"); }
static int pending(void *arg) { note((const char *)arg); return 0; }
static void c_atexit_a(void) { note("cA"); }
static void c_atexit_b(void) { note("cB"); }

START_TEST(shutdown_runs_eight_steps_in_order)
{
    order[0] = '\0';
    /* Registered in reverse so that the order seen is the steps', not ours. */
    for (int s = AD_FINI_NSTEPS; s >= 1; s--)
        ck_assert_int_eq(Ad_RegisterFiniHook((AdFiniStep)s, hooks[s]), 0);
    ck_assert(!AdStatus_Exception(do_preinit()));
    ck_assert(!AdStatus_Exception(do_core()));
    ck_assert(!AdStatus_Exception(Ad_InitializeMain()));
    AdInterp *interp = Ad_MainInterp();
    ck_assert_int_eq(Ad_InterpAtExit(interp, interp_atexit_a, NULL), 0);
    ck_assert_int_eq(Ad_InterpAtExit(interp, interp_atexit_b, NULL), 0);
    ck_assert_int_eq(Ad_AddPendingCall(interp, pending, "p1"), 0);
    ck_assert_int_eq(Ad_AddPendingCall(interp, pending, "p2"), 0);
    ck_assert_int_eq(Ad_AtExit(c_atexit_a), 0);
    ck_assert_int_eq(Ad_AtExit(c_atexit_b), 0);
    ck_assert_int_eq(Ad_FinalizeEx(), 0);
    ck_assert_str_eq(order, "s1 atexitB atexitA s2 p1 p2 s3 s4 s5 s6 s7 cB cA s8 ");
}
END_TEST

START_TEST(step_names_are_distinct)
{
    for (int a = 1; a <= AD_FINI_NSTEPS; a++)
        for (int b = a + 1; b <= AD_FINI_NSTEPS; b++)
            ck_assert_str_ne(Ad_FiniStepName((AdFiniStep)a), Ad_FiniStepName((AdFiniStep)b));
    ck_assert_str_eq(Ad_FiniStepName((AdFiniStep)0), "?");
    ck_assert_int_eq(Ad_RegisterFiniHook((AdFiniStep)9, hook1), -1);
}
END_TEST

START_TEST(pending_queue_is_bounded)
{
    AdInterp *a;
    ck_assert(!AdStatus_Exception(Ad_InterpNew(&ad_runtime, NULL, &a)));
    for (int i = 0; i < AD_MAX_PENDING_CALLS; i++)
        ck_assert_int_eq(Ad_AddPendingCall(a, pending, "x"), 0);
    ck_assert_int_eq(Ad_AddPendingCall(a, pending, "x"), -1);
    order[0] = '\0';
    ck_assert_int_eq(Ad_MakePendingCalls(a), 0);
    ck_assert_int_eq(a->pending.count, 0);
    Ad_InterpDelete(a);
}
END_TEST

Suite *lifecycle_suite(void)
{
    Suite *s = suite_create("lifecycle");
    TCase *t = tcase_create("transitions");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_add_test(t, core_before_preinit_is_refused);
    tcase_add_test(t, main_before_core_is_refused);
    tcase_add_test(t, preinit_twice_is_refused);
    tcase_add_test(t, core_twice_is_refused);
    tcase_add_test(t, main_twice_is_refused);
    tcase_add_test(t, config_rest_after_core_is_refused);
    tcase_add_test(t, config_rest_before_preinit_is_refused);
    tcase_add_test(t, finalize_without_init_does_nothing);
    tcase_add_test(t, runtime_can_start_again_after_finalize);
    tcase_add_test(t, state_names_follow_the_stages);
    suite_add_tcase(s, t);
    TCase *ids = tcase_create("interpreters");
    tcase_add_checked_fixture(ids, setup, NULL);
    tcase_add_test(ids, interp_ids_start_at_zero_and_grow);
    tcase_add_test(ids, interp_ids_run_out_cleanly);
    tcase_add_test(ids, thread_states_belong_to_their_interp);
    tcase_add_test(ids, pending_queue_is_bounded);
    suite_add_tcase(s, ids);
    TCase *fin = tcase_create("shutdown");
    tcase_add_checked_fixture(fin, setup, NULL);
    tcase_add_test(fin, shutdown_runs_eight_steps_in_order);
    tcase_add_test(fin, step_names_are_distinct);
    suite_add_tcase(s, fin);
    return s;
}
