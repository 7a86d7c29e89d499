/* test_float.c: float objects against CPython 3.14 (the float cases of the
 * tables in tests/unit/data/numeric_objects: arithmetic with int mixing,
 * exact comparisons with ints, float(), repr, format, methods) and the C
 * API (AdFloat_AsDouble with __float__/__index__, the free list). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "test_int_util.h"

static void table(const char *file)
{
    int n = 0;
    int fails = numobj_run_table(file, NUMOBJ_FLOAT, NULL, &n);
    ck_assert_msg(n > 0, "no cases in %s", file);
    ck_assert_msg(fails == 0, "%d of %d cases of %s differ from CPython", fails, n, file);
}

START_TEST(float_table_ops) { table("cases_314.txt"); }
END_TEST

START_TEST(float_table_native) { table("cases_native.txt"); }
END_TEST

START_TEST(float_c_api)
{
    AdObject *f = AdFloat_FromDouble(2.5);
    ck_assert(AdFloat_Check(f) && AdFloat_CheckExact(f));
    ck_assert(AdFloat_AsDouble(f) == 2.5);
    ck_assert(AdFloat_AsDouble(Ad_True) == 1.0);
    AdObject *big = AdInt_FromUInt64(UINT64_MAX);
    ck_assert(AdFloat_AsDouble(big) == 18446744073709551616.0);
    ck_assert(AdFloat_AsDouble(Ad_None) == -1.0 && AdErr_Occurred());
    AdObject *e = AdErr_GetRaisedException();
    AdObject *s = AdObject_Str(e);
    ck_assert_str_eq(AdStr_AsUTF8(s), "must be real number, not NoneType");
    Ad_DECREF(s);
    Ad_DECREF(e);
    /* the free list hands a freed float back */
    Ad_DECREF(f);
    AdObject *g = AdFloat_FromDouble(1.0);
    ck_assert_ptr_eq(g, f);
    Ad_DECREF(g);
    Ad_DECREF(big);
    /* exact comparison with ints */
    AdObject *i = AdInt_FromInt64(((int64_t)1 << 53) + 1);
    ck_assert_int_eq(ad_float_compare_int(9007199254740992.0, i), -1);
    ck_assert_int_eq(ad_float_compare_int(NAN, i), 2);
    Ad_DECREF(i);
    ad_float_clear_freelist();
}
END_TEST

Suite *float_suite(void)
{
    Suite *s = suite_create("float");
    TCase *t = tcase_create("float");
    tcase_add_checked_fixture(t, numobj_setup, NULL);
    tcase_set_timeout(t, 120);
    tcase_add_test(t, float_table_ops);
    tcase_add_test(t, float_table_native);
    tcase_add_test(t, float_c_api);
    suite_add_tcase(s, t);
    return s;
}
