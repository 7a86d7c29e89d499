/* test_repl.c: AdRepl_Check, the REPL's complete/incomplete/invalid
 * decision, against what codeop.compile_command(src, symbol="single")
 * answers in CPython (checked with CPython 3.13). */
#include <check.h>
#include <string.h>

#include "repl/repl.h"

static AdReplCheck check_str(const char *s)
{
    return AdRepl_Check(s, strlen(s));
}

START_TEST(test_complete)
{
    ck_assert_int_eq(check_str("1+1"), AD_REPL_COMPLETE);
    ck_assert_int_eq(check_str("x = (1,\n2)"), AD_REPL_COMPLETE);
    ck_assert_int_eq(check_str("if 1:\n  pass\n"), AD_REPL_COMPLETE);
    ck_assert_int_eq(check_str("class A:\n  x=1\n"), AD_REPL_COMPLETE);
}
END_TEST

START_TEST(test_incomplete)
{
    ck_assert_int_eq(check_str("if 1: print(1)"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("if 1:\n  pass"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("def f():"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("(1,"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("@dec"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("if 1:\n  pass\nelse:"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("\"\"\"abc"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("1\\"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("class K:\n    def m(self):"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("class K:\n    def m(self):\n"), AD_REPL_INCOMPLETE);
    ck_assert_int_eq(check_str("def f():\n\n"), AD_REPL_INCOMPLETE);
}
END_TEST

START_TEST(test_invalid)
{
    ck_assert_int_eq(check_str("1 +"), AD_REPL_INVALID);
    ck_assert_int_eq(check_str("x = 1 2"), AD_REPL_INVALID);
    ck_assert_int_eq(check_str("if 1:\n  pass\nx=3"), AD_REPL_INVALID);
    ck_assert_int_eq(check_str("  x"), AD_REPL_INVALID);
}
END_TEST

START_TEST(test_empty)
{
    ck_assert_int_eq(check_str(""), AD_REPL_EMPTY);
    ck_assert_int_eq(check_str("   "), AD_REPL_EMPTY);
    ck_assert_int_eq(check_str("# just a comment"), AD_REPL_EMPTY);
}
END_TEST

Suite *repl_suite(void)
{
    Suite *s = suite_create("repl");
    TCase *tc = tcase_create("check");
    tcase_add_test(tc, test_complete);
    tcase_add_test(tc, test_incomplete);
    tcase_add_test(tc, test_invalid);
    tcase_add_test(tc, test_empty);
    suite_add_tcase(s, tc);
    return s;
}
