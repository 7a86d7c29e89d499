/* test_namespace.c: types.SimpleNamespace against CPython 3.14: repr
 * (subclass names, recursion), construction from a mapping, pairs and
 * keywords with the error messages, equality, __reduce__, unhashability. */
#include "sys_fixture.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/namespace.h"

static void setup(void)
{
    static char *const argv[] = {"adder", "-c", "pass", NULL};
    sys_test_start(3, argv);
}

static AdObject *make(AdObject *args, AdObject *kwargs)
{
    AdObject *r = AdObject_Call((AdObject *)&AdNamespace_Type, args, kwargs);
    Ad_DECREF(args);
    return r;
}

START_TEST(repr_and_attrs)
{
    char buf[512];
    AdObject *ns = make(AdTuple_New(0), NULL);
    ck_assert_str_eq(sys_test_repr(ns, buf, sizeof buf), "namespace()");
    AdObject *one = AdInt_FromInt64(1), *x = AdStr_FromString("x");
    ck_assert_int_eq(AdObject_SetAttr(ns, AdStr_FromString("a"), one), 0);
    ck_assert_int_eq(AdObject_SetAttr(ns, AdStr_FromString("b"), x), 0);
    ck_assert_str_eq(sys_test_repr(ns, buf, sizeof buf), "namespace(a=1, b='x')");
    ck_assert_int_eq(AdObject_SetAttr(ns, AdStr_FromString("n"), ns), 0);
    ck_assert_str_eq(sys_test_repr(ns, buf, sizeof buf), "namespace(a=1, b='x', n=namespace(...))");
    ck_assert_int_eq(AdObject_SetAttr(ns, AdStr_FromString("n"), NULL), 0);
    AdObject *a = AdObject_GetAttrString(ns, "a");
    ck_assert_ptr_eq(a, one);
    Ad_DECREF(a);
    ck_assert_int_eq(AdObject_Hash(ns), -1);
    const char *type;
    sys_test_error(buf, sizeof buf, &type);
    ck_assert_str_eq(type, "TypeError");
    AdObject *red = sys_test_call(ns, "__reduce__", 0, NULL);
    ck_assert_str_eq(sys_test_repr(red, buf, sizeof buf), "(<class 'types.SimpleNamespace'>, (), {'a': 1, 'b': 'x'})");
    Ad_DECREF(red);
    Ad_DECREF(ns);
    Ad_DECREF(one);
    Ad_DECREF(x);
}
END_TEST

START_TEST(construction)
{
    char buf[512];
    const char *type;
    AdObject *d = AdDict_New(), *kw = AdDict_New();
    AdObject *three = AdInt_FromInt64(3), *four = AdInt_FromInt64(4);
    AdDict_SetItemString(d, "c", three);
    AdDict_SetItemString(kw, "d", four);
    AdObject *ns = make(AdTuple_Pack(1, d), kw);
    ck_assert_str_eq(sys_test_repr(ns, buf, sizeof buf), "namespace(c=3, d=4)");
    AdObject *ns2 = make(AdTuple_Pack(1, d), kw);
    ck_assert_int_eq(AdObject_RichCompareBool(ns, ns2, AD_EQ), 1);
    Ad_DECREF(ns2);
    ns2 = make(AdTuple_Pack(1, d), NULL);
    ck_assert_int_eq(AdObject_RichCompareBool(ns, ns2, AD_EQ), 0);
    ck_assert_int_eq(AdObject_RichCompareBool(ns, three, AD_EQ), 0);
    Ad_DECREF(ns2);
    Ad_DECREF(ns);
    /* pairs */
    AdObject *pair = AdTuple_Pack(2, AdStr_FromString("e"), three);
    AdObject *pairs = AdList_New(0);
    AdList_Append(pairs, pair);
    ns = make(AdTuple_Pack(1, pairs), NULL);
    ck_assert_str_eq(sys_test_repr(ns, buf, sizeof buf), "namespace(e=3)");
    Ad_DECREF(ns);
    ck_assert_ptr_null(make(AdTuple_Pack(2, d, d), NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "SimpleNamespace expected at most 1 argument, got 2");
    ck_assert_ptr_null(make(AdTuple_Pack(1, three), NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "'int' object is not iterable");
    AdObject *bad = AdDict_New();
    AdDict_SetItem(bad, three, four);
    ck_assert_ptr_null(make(AdTuple_Pack(1, bad), NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "keywords must be strings");
    Ad_DECREF(bad);
    Ad_DECREF(pairs);
    Ad_DECREF(pair);
    Ad_DECREF(d);
    Ad_DECREF(kw);
    Ad_DECREF(three);
    Ad_DECREF(four);
}
END_TEST

Suite *namespace_suite(void)
{
    Suite *s = suite_create("namespace");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, repr_and_attrs);
    tcase_add_test(tc, construction);
    suite_add_tcase(s, tc);
    return s;
}
