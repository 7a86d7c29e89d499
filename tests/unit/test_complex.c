/* test_complex.c: complex objects against CPython 3.14 (the complex cases
 * of the tables in tests/unit/data/numeric_objects: 3.14's mixed-mode
 * arithmetic, ** and its errors, ==/!=, complex() parsing and deprecations,
 * repr, format, hash) and the C API. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "test_int_util.h"

static void table(const char *file)
{
    int n = 0;
    int fails = numobj_run_table(file, NUMOBJ_COMPLEX, NULL, &n);
    ck_assert_msg(n > 0, "no cases in %s", file);
    ck_assert_msg(fails == 0, "%d of %d cases of %s differ from CPython", fails, n, file);
}

START_TEST(complex_table_ops) { table("cases_314.txt"); }
END_TEST

START_TEST(complex_table_native) { table("cases_native.txt"); }
END_TEST

START_TEST(complex_c_api)
{
    AdObject *z = AdComplex_FromDoubles(1.5, -2.0);
    ck_assert(AdComplex_CheckExact(z));
    ck_assert(AdComplex_RealAsDouble(z) == 1.5 && AdComplex_ImagAsDouble(z) == -2.0);
    AdComplex c;
    ck_assert_int_eq(AdComplex_AsCComplex(AdInt_FromInt64(3), &c), 0);
    ck_assert(c.real == 3.0 && c.imag == 0.0);
    ck_assert_int_eq(AdComplex_AsCComplex(Ad_None, &c), -1);
    AdErr_Clear();
    AdObject *r = AdObject_Repr(z);
    ck_assert_str_eq(AdStr_AsUTF8(r), "(1.5-2j)");
    Ad_DECREF(r);
    Ad_DECREF(z);
}
END_TEST

Suite *complex_suite(void)
{
    Suite *s = suite_create("complex");
    TCase *t = tcase_create("complex");
    tcase_add_checked_fixture(t, numobj_setup, NULL);
    tcase_set_timeout(t, 120);
    tcase_add_test(t, complex_table_ops);
    tcase_add_test(t, complex_table_native);
    tcase_add_test(t, complex_c_api);
    suite_add_tcase(s, t);
    return s;
}
