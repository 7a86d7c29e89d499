/* test_status.c: the AdStatus values (ok, error with message and function,
 * exit with a code), their predicates, and Ad_ExitStatusException, which
 * ends the process (checked in a forked child through Check's exit tests). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/status.h"

/* A function whose name the error constructor must record. */
static AdStatus failing_step(void)
{
    return AdStatus_Error("something broke");
}

static AdStatus out_of_memory_step(void)
{
    return AdStatus_NoMemory();
}

START_TEST(test_status_ok)
{
    AdStatus s = AdStatus_Ok();
    ck_assert_int_eq(s.kind, AD_STATUS_OK);
    ck_assert(!AdStatus_IsError(s));
    ck_assert(!AdStatus_IsExit(s));
    ck_assert(!AdStatus_Exception(s));
    ck_assert_ptr_null(s.func);
    ck_assert_ptr_null(s.err_msg);
    ck_assert_int_eq(s.exitcode, 0);
}
END_TEST

START_TEST(test_status_error_records_function)
{
    AdStatus s = failing_step();
    ck_assert_int_eq(s.kind, AD_STATUS_ERROR);
    ck_assert(AdStatus_IsError(s));
    ck_assert(!AdStatus_IsExit(s));
    ck_assert(AdStatus_Exception(s));
    ck_assert_str_eq(s.func, "failing_step");
    ck_assert_str_eq(s.err_msg, "something broke");
    ck_assert_int_eq(s.exitcode, 0);
}
END_TEST

START_TEST(test_status_no_memory)
{
    AdStatus s = out_of_memory_step();
    ck_assert(AdStatus_IsError(s));
    ck_assert(AdStatus_Exception(s));
    ck_assert_str_eq(s.func, "out_of_memory_step");
    ck_assert_str_eq(s.err_msg, "memory allocation failed");
}
END_TEST

START_TEST(test_status_exit_codes)
{
    static const int codes[] = {0, 1, 2, 120, 255, -1};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        AdStatus s = AdStatus_Exit(codes[i]);
        ck_assert_int_eq(s.kind, AD_STATUS_EXIT);
        ck_assert(AdStatus_IsExit(s));
        ck_assert(!AdStatus_IsError(s));
        /* even exit(0) stops the caller: it is a request to end the process */
        ck_assert(AdStatus_Exception(s));
        ck_assert_int_eq(s.exitcode, codes[i]);
        ck_assert_ptr_null(s.err_msg);
        ck_assert_ptr_null(s.func);
    }
}
END_TEST

/* Statuses are plain values: copies are independent and compare field by field. */
START_TEST(test_status_is_a_value)
{
    AdStatus a = AdStatus_Exit(3);
    AdStatus b = a;
    b.exitcode = 4;
    ck_assert_int_eq(a.exitcode, 3);
    ck_assert_int_eq(b.exitcode, 4);
    AdStatus e = failing_step();
    AdStatus f = e;
    ck_assert_ptr_eq(e.err_msg, f.err_msg);
    ck_assert_ptr_eq(e.func, f.func);
}
END_TEST

/* The predicates agree with the kind for every kind. */
START_TEST(test_status_predicates_table)
{
    static const struct { AdStatusKind kind; int is_error, is_exit, exception; } rows[] = {
        {AD_STATUS_OK, 0, 0, 0},
        {AD_STATUS_ERROR, 1, 0, 1},
        {AD_STATUS_EXIT, 0, 1, 1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        AdStatus s = {.kind = rows[i].kind};
        ck_assert_int_eq(!!AdStatus_IsError(s), rows[i].is_error);
        ck_assert_int_eq(!!AdStatus_IsExit(s), rows[i].is_exit);
        ck_assert_int_eq(!!AdStatus_Exception(s), rows[i].exception);
    }
}
END_TEST

/* Ad_ExitStatusException exits with the code of an exit status ... */
START_TEST(test_exit_status_exception_exit_0)
{
    Ad_ExitStatusException(AdStatus_Exit(0));
}
END_TEST

START_TEST(test_exit_status_exception_exit_2)
{
    Ad_ExitStatusException(AdStatus_Exit(2));
}
END_TEST

/* ... and with 1 for an error. */
START_TEST(test_exit_status_exception_error)
{
    /* keep the expected "Fatal Python error" report out of the test log */
    ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
    Ad_ExitStatusException(failing_step());
}
END_TEST

Suite *status_suite(void)
{
    Suite *s = suite_create("status");
    TCase *tc = tcase_create("values");
    tcase_add_test(tc, test_status_ok);
    tcase_add_test(tc, test_status_error_records_function);
    tcase_add_test(tc, test_status_no_memory);
    tcase_add_test(tc, test_status_exit_codes);
    tcase_add_test(tc, test_status_is_a_value);
    tcase_add_test(tc, test_status_predicates_table);
    suite_add_tcase(s, tc);
    /* These end the process; Check runs them in a child (CK_FORK=yes, as
     * `make unit` sets) and checks the exit status. */
    TCase *ex = tcase_create("exit");
    tcase_add_exit_test(ex, test_exit_status_exception_exit_0, 0);
    tcase_add_exit_test(ex, test_exit_status_exception_exit_2, 2);
    tcase_add_exit_test(ex, test_exit_status_exception_error, 1);
    suite_add_tcase(s, ex);
    return s;
}
