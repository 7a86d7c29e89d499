/* test_int.c: int and bool objects against CPython 3.14: the tables in
 * tests/unit/data/numeric_objects (gen_objects.py under py314 for
 * behaviour, 64-bit CPython 3.13 for hash() and __sizeof__) replayed
 * through the abstract layer, the slots, int()/bool(), the methods and
 * attributes; plus the C API (small-int cache, conversions and their
 * overflow errors, the digit limit). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/dict.h"
#include "objects/complex.h"
#include "memory/alloc.h"
#include "test_int_util.h"

static void table(int kinds, const char *file, const char *op)
{
    int n = 0;
    int fails = numobj_run_table(file, kinds, op, &n);
    ck_assert_msg(n > 0, "no cases in %s", file);
    ck_assert_msg(fails == 0, "%d of %d cases of %s differ from CPython", fails, n, file);
}

START_TEST(int_table_ops) { table(NUMOBJ_INT, "cases_314.txt", NULL); }
END_TEST

START_TEST(int_table_native) { table(NUMOBJ_INT, "cases_native.txt", NULL); }
END_TEST

static const char *err_text(void);

/* Replaying the tables twice leaves the allocator's live block count
 * unchanged after the first (warm-up) run: no result, argument or error
 * path leaks. */
START_TEST(numeric_tables_do_not_leak)
{
    int n;
    numobj_run_table("cases_314.txt", NUMOBJ_ALL, NULL, &n);
    numobj_run_table("cases_native.txt", NUMOBJ_ALL, NULL, &n);
    ad_float_clear_freelist();
    size_t before = AdMem_LiveBlocks();
    numobj_run_table("cases_314.txt", NUMOBJ_ALL, NULL, &n);
    numobj_run_table("cases_native.txt", NUMOBJ_ALL, NULL, &n);
    ad_float_clear_freelist();
    size_t after = AdMem_LiveBlocks();
    ck_assert_msg(after == before, "%zu blocks leaked over %d cases", after - before, n);
}
END_TEST

/* class Sub(base): pass, made through type(name, bases, dict). */
static AdObject *subclass(const char *name, AdTypeObject *base)
{
    AdObject *bases = AdTuple_Pack(1, (AdObject *)base);
    AdObject *args = AdTuple_Pack(3, AdStr_FromString(name), bases, AdDict_New());
    AdObject *cls = AdObject_Call((AdObject *)&AdType_Type, args, NULL);
    Ad_DECREF(args);
    Ad_DECREF(bases);
    return cls;
}

static void check_repr(AdObject *o, const char *want)
{
    ck_assert_ptr_nonnull(o);
    AdObject *r = AdObject_Repr(o);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(AdStr_AsUTF8(r), want);
    Ad_DECREF(r);
}

START_TEST(numeric_subclasses)
{
    AdObject *myint = subclass("MyInt", &AdInt_Type);
    ck_assert_ptr_nonnull(myint);
    AdObject *args = AdTuple_Pack(2, AdStr_FromString("-ff"), AdInt_FromInt64(16));
    AdObject *v = AdObject_Call(myint, args, NULL);
    Ad_DECREF(args);
    ck_assert_ptr_nonnull(v);
    ck_assert_ptr_eq(AD_TYPE(v), (AdTypeObject *)myint);
    check_repr(v, "-255");
    AdObject *sum = AdNumber_Add(v, AdInt_FromInt64(255));
    ck_assert_ptr_eq(sum, AdInt_FromInt64(0));              /* exact int results */
    AdObject *big = AdNumber_Lshift(v, AdInt_FromInt64(100));
    args = AdTuple_Pack(1, big);
    AdObject *w = AdObject_Call(myint, args, NULL);
    Ad_DECREF(args);
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(AdObject_RichCompareBool(w, big, AD_EQ), 1);
    ck_assert_int_eq(AdObject_Hash(w), AdObject_Hash(big));
    AdObject *pos = AdNumber_Positive(w);
    ck_assert(AdInt_CheckExact(pos));
    Ad_DECREF(pos);
    Ad_DECREF(w);
    Ad_DECREF(big);
    Ad_DECREF(v);

    AdObject *myfloat = subclass("MyFloat", &AdFloat_Type);
    args = AdTuple_Pack(1, AdStr_FromString(" 2.5 "));
    v = AdObject_Call(myfloat, args, NULL);
    Ad_DECREF(args);
    ck_assert_ptr_eq(AD_TYPE(v), (AdTypeObject *)myfloat);
    check_repr(v, "2.5");
    AdObject *h = AdObject_GetAttrString(myfloat, "fromhex");
    AdObject *hv = AdObject_CallOneArg(h, AdStr_FromString("0x1p-1"));
    ck_assert_ptr_eq(AD_TYPE(hv), (AdTypeObject *)myfloat);
    check_repr(hv, "0.5");
    Ad_DECREF(hv);
    Ad_DECREF(h);
    Ad_DECREF(v);

    AdObject *mycomplex = subclass("MyComplex", &AdComplex_Type);
    args = AdTuple_Pack(2, AdInt_FromInt64(1), AdFloat_FromDouble(-2.0));
    v = AdObject_Call(mycomplex, args, NULL);
    Ad_DECREF(args);
    ck_assert_ptr_eq(AD_TYPE(v), (AdTypeObject *)mycomplex);
    check_repr(v, "(1-2j)");
    Ad_DECREF(v);

    /* bool is final */
    ck_assert_ptr_null(subclass("B", &AdBool_Type));
    ck_assert_str_eq(err_text(), "TypeError: type 'bool' is not an acceptable base type");
    Ad_DECREF(mycomplex);
    Ad_DECREF(myfloat);
    Ad_DECREF(myint);
}
END_TEST

static const char *err_text(void)
{
    static char buf[512];
    AdObject *e = AdErr_GetRaisedException();
    if (!e)
        return "<none>";
    AdObject *s = AdObject_Str(e);
    snprintf(buf, sizeof buf, "%s: %s", AdType_Name(AD_TYPE(e)), s ? AdStr_AsUTF8(s) : "?");
    Ad_XDECREF(s);
    Ad_DECREF(e);
    return buf;
}

START_TEST(int_small_cache)
{
    for (int64_t v = -5; v <= 256; v++) {
        AdObject *a = AdInt_FromInt64(v), *b = AdInt_FromSsize_t((Ad_ssize_t)v);
        ck_assert_ptr_eq(a, b);
        ck_assert(Ad_IsImmortal(a));
    }
    AdObject *x = AdInt_FromInt64(257), *y = AdInt_FromInt64(257);
    ck_assert_ptr_ne(x, y);
    ck_assert(!Ad_IsImmortal(x));
    /* results of arithmetic come back as the cached objects */
    AdObject *s = AdNumber_Subtract(x, y);
    ck_assert_ptr_eq(s, AdInt_FromInt64(0));
    AdObject *big = AdInt_FromUInt64(UINT64_MAX);
    AdObject *z = AdNumber_Subtract(big, big);
    ck_assert_ptr_eq(z, AdInt_FromInt64(0));
    Ad_DECREF(x);
    Ad_DECREF(y);
    Ad_DECREF(big);
    ck_assert_ptr_eq(AdInt_FromUInt64(256), AdInt_FromInt64(256));
}
END_TEST

START_TEST(int_c_conversions)
{
    AdObject *o = AdInt_FromInt64(INT64_MIN);
    ck_assert_int_eq(AdInt_AsInt64(o), INT64_MIN);
    int64_t v;
    ck_assert(AdInt_AsInt64Exact(o, &v) && v == INT64_MIN);
    AdObject *one = AdInt_FromInt64(1);
    AdObject *p = AdNumber_Subtract(o, one);            /* -2**63 - 1 */
    ck_assert(!AdInt_AsInt64Exact(p, &v));
    ck_assert_int_eq(AdInt_AsInt64(p), -1);
    ck_assert_str_eq(err_text(), "OverflowError: Python int too large to convert to C long");
    ck_assert_int_eq(AdInt_AsSsize_t(p), -1);
    ck_assert_str_eq(err_text(), "OverflowError: Python int too large to convert to C ssize_t");
    ck_assert_int_eq(AdNumber_AsSsize_t(p, NULL), INT64_MIN);
    ck_assert_int_eq(AdNumber_AsSsize_t(p, AdExc_IndexError), -1);
    ck_assert_str_eq(err_text(), "IndexError: cannot fit 'int' into an index-sized integer");
    AdObject *f = AdFloat_FromDouble(1.5);
    ck_assert_int_eq(AdNumber_AsSsize_t(f, NULL), -1);
    ck_assert_str_eq(err_text(), "TypeError: 'float' object cannot be interpreted as an integer");
    ck_assert_int_eq(AdNumber_AsSsize_t(Ad_True, NULL), 1);
    ck_assert_int_eq(AdInt_Sign(p), -1);
    ck_assert(AdInt_AsDouble(AdInt_FromInt64(3)) == 3.0);
    AdObject *u = AdInt_FromUInt64(UINT64_MAX);
    ck_assert(AdInt_AsDouble(u) == 18446744073709551616.0);
    AdObject *d = AdInt_FromDouble(-1e20);
    AdObject *r = AdObject_Repr(d);
    ck_assert_str_eq(AdStr_AsUTF8(r), "-100000000000000000000");
    ck_assert_ptr_null(AdInt_FromDouble(0.0 / 0.0));
    ck_assert_str_eq(err_text(), "ValueError: cannot convert float NaN to integer");
    Ad_DECREF(r);
    Ad_DECREF(d);
    Ad_DECREF(u);
    Ad_DECREF(f);
    Ad_DECREF(p);
    Ad_DECREF(o);
}
END_TEST

START_TEST(int_from_string_and_limit)
{
    AdObject *o = AdInt_FromString(" -0x_ff ", 8, 0);
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(AdInt_AsInt64(o), -255);
    Ad_DECREF(o);
    ck_assert_ptr_null(AdInt_FromString("12a", 3, 10));
    ck_assert_str_eq(err_text(), "ValueError: invalid literal for int() with base 10: '12a'");
    ck_assert_int_eq(ad_int_max_str_digits(), 4300);
    ck_assert_int_eq(ad_int_set_max_str_digits(100), -1);
    ck_assert_str_eq(err_text(), "ValueError: maxdigits must be >= 640 or 0 for unlimited");
    char digits[5001];
    memset(digits, '7', 5000);
    digits[5000] = 0;
    ck_assert_ptr_null(AdInt_FromString(digits, 5000, 10));
    ck_assert_str_eq(err_text(), "ValueError: Exceeds the limit (4300 digits) for integer string "
                                 "conversion: value has 5000 digits; use sys.set_int_max_str_digits() "
                                 "to increase the limit");
    ck_assert_int_eq(ad_int_set_max_str_digits(0), 0);
    o = AdInt_FromString(digits, 5000, 10);
    ck_assert_ptr_nonnull(o);
    AdObject *s = AdObject_Str(o);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(AdStr_LENGTH(s), 5000);
    ck_assert_int_eq(ad_int_set_max_str_digits(640), 0);
    ck_assert_ptr_null(AdObject_Str(o));
    ck_assert_str_eq(err_text(), "ValueError: Exceeds the limit (640 digits) for integer string "
                                 "conversion; use sys.set_int_max_str_digits() to increase the limit");
    ck_assert_int_eq(ad_int_set_max_str_digits(4300), 0);
    Ad_DECREF(s);
    Ad_DECREF(o);
}
END_TEST

START_TEST(bool_singletons)
{
    ck_assert(Ad_IsImmortal(Ad_True) && Ad_IsImmortal(Ad_False));
    ck_assert(AdInt_Check(Ad_True));
    ck_assert(AdBool_Check(Ad_False));
    ck_assert_ptr_eq(AdBool_FromLong(7), Ad_True);
    AdObject *r = AdObject_Repr(Ad_True);
    ck_assert_str_eq(AdStr_AsUTF8(r), "True");
    Ad_DECREF(r);
    AdObject *x = AdNumber_And(Ad_True, Ad_False);
    ck_assert_ptr_eq(x, Ad_False);
    AdObject *y = AdNumber_Add(Ad_True, Ad_True);
    ck_assert(AdInt_CheckExact(y));
    ck_assert_int_eq(AdInt_AsInt64(y), 2);
    Ad_DECREF(y);
    ck_assert(!(AdBool_Type.tp_flags & AD_TPFLAGS_BASETYPE));
    ck_assert_int_eq(AdObject_Hash(Ad_True), 1);
}
END_TEST

Suite *int_suite(void)
{
    Suite *s = suite_create("int");
    TCase *t = tcase_create("int");
    tcase_add_checked_fixture(t, numobj_setup, NULL);
    tcase_set_timeout(t, 120);
    tcase_add_test(t, int_table_ops);
    tcase_add_test(t, int_table_native);
    tcase_add_test(t, int_small_cache);
    tcase_add_test(t, int_c_conversions);
    tcase_add_test(t, int_from_string_and_limit);
    tcase_add_test(t, bool_singletons);
    tcase_add_test(t, numeric_tables_do_not_leak);
    tcase_add_test(t, numeric_subclasses);
    suite_add_tcase(s, t);
    return s;
}
