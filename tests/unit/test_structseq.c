/* test_structseq.c: struct sequences against CPython 3.14's behaviour:
 * visible and hidden fields, the counts and __match_args__, repr (with
 * CPython's naming after unnamed fields), construction from a sequence and
 * a dict with every length message, __reduce__, __replace__, and
 * non-instantiable types. */
#include "sys_fixture.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/structseq.h"
#include "objects/abstract.h"
#include "objects/typeobject.h"

static const AdStructSeqField point_fields[] = {{"x", NULL}, {"y", NULL}, {"z", "hidden"}, {NULL, NULL}};
static const AdStructSeqDesc point_desc = {"test.point", "a point", point_fields, 2};
static AdTypeObject point_type;

static const AdStructSeqField stat_fields[] = {
    {"st_mode", NULL}, {"st_ino", NULL}, {NULL, NULL},
};
static AdTypeObject un_type, fixed_type;
static const AdStructSeqDesc fixed_desc = {"test.fixed", NULL, stat_fields, 2};

static void setup(void)
{
    static char *const argv[] = {"adder", "-c", "pass", NULL};
    sys_test_start(3, argv);
    ck_assert_int_eq(AdStructSeq_InitType(&point_type, &point_desc, 0), 0);
    ck_assert_int_eq(AdStructSeq_InitType(&fixed_type, &fixed_desc, AD_STRUCTSEQ_DISALLOW_NEW), 0);
}

static AdObject *point(int x, int y, int z)
{
    AdObject *p = AdStructSeq_New(&point_type);
    ck_assert_ptr_nonnull(p);
    AdStructSeq_SET_ITEM(p, 0, AdInt_FromInt64(x));
    AdStructSeq_SET_ITEM(p, 1, AdInt_FromInt64(y));
    AdStructSeq_SET_ITEM(p, 2, AdInt_FromInt64(z));
    return p;
}

static AdObject *attr(AdObject *o, const char *name)
{
    return AdObject_GetAttrString(o, name);
}

START_TEST(visible_and_hidden)
{
    char buf[512];
    AdObject *p = point(1, 2, 3);
    ck_assert_int_eq(AdObject_Size(p), 2);
    ck_assert_str_eq(sys_test_repr(p, buf, sizeof buf), "test.point(x=1, y=2)");
    AdObject *z = attr(p, "z");
    ck_assert_str_eq(sys_test_repr(z, buf, sizeof buf), "3");
    Ad_DECREF(z);
    AdObject *t = AdSequence_Tuple(p);
    ck_assert_str_eq(sys_test_repr(t, buf, sizeof buf), "(1, 2)");
    ck_assert_int_eq(AdObject_RichCompareBool(p, t, AD_EQ), 1);
    ck_assert(AdObject_Hash(p) == AdObject_Hash(t));
    Ad_DECREF(t);
    /* readonly */
    AdObject *one = AdInt_FromInt64(1);
    ck_assert_int_eq(AdObject_SetAttr(p, AdStr_FromString("x"), one), -1);
    const char *type;
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "readonly attribute");
    ck_assert_str_eq(type, "AttributeError");
    Ad_DECREF(p);
}
END_TEST

START_TEST(counts_and_match_args)
{
    char buf[512];
    AdObject *T = (AdObject *)&point_type;
    AdObject *v = attr(T, "n_sequence_fields");
    ck_assert_str_eq(sys_test_repr(v, buf, sizeof buf), "2");
    Ad_DECREF(v);
    v = attr(T, "n_fields");
    ck_assert_str_eq(sys_test_repr(v, buf, sizeof buf), "3");
    Ad_DECREF(v);
    v = attr(T, "n_unnamed_fields");
    ck_assert_str_eq(sys_test_repr(v, buf, sizeof buf), "0");
    Ad_DECREF(v);
    v = attr(T, "__match_args__");
    ck_assert_str_eq(sys_test_repr(v, buf, sizeof buf), "('x', 'y')");
    Ad_DECREF(v);
    ck_assert_int_eq(AdObject_IsSubclass(T, (AdObject *)&AdTuple_Type), 1);
}
END_TEST

static AdObject *construct(AdTypeObject *type, AdObject *seq, AdObject *dict)
{
    AdObject *args = dict ? AdTuple_Pack(2, seq, dict) : AdTuple_Pack(1, seq);
    AdObject *r = AdObject_Call((AdObject *)type, args, NULL);
    Ad_DECREF(args);
    return r;
}

static AdObject *range_list(int n)
{
    AdObject *l = AdList_New(0);
    for (int i = 0; i < n; i++) {
        AdObject *v = AdInt_FromInt64(i);
        AdList_Append(l, v);
        Ad_DECREF(v);
    }
    return l;
}

START_TEST(construction)
{
    char buf[512];
    const char *type;
    AdObject *l2 = range_list(2), *l3 = range_list(3), *l1 = range_list(1), *l4 = range_list(4);
    AdObject *p = construct(&point_type, l2, NULL);
    ck_assert_str_eq(sys_test_repr(p, buf, sizeof buf), "test.point(x=0, y=1)");
    AdObject *z = attr(p, "z");
    ck_assert_ptr_eq(z, Ad_None);
    Ad_DECREF(z);
    Ad_DECREF(p);
    AdObject *d = AdDict_New();
    AdObject *nine = AdInt_FromInt64(9);
    AdDict_SetItemString(d, "z", nine);
    p = construct(&point_type, l2, d);
    z = attr(p, "z");
    ck_assert_str_eq(sys_test_repr(z, buf, sizeof buf), "9");
    Ad_DECREF(z);
    /* __reduce__ */
    AdObject *red = sys_test_call(p, "__reduce__", 0, NULL);
    ck_assert_str_eq(sys_test_repr(red, buf, sizeof buf), "(<class 'test.point'>, ((0, 1), {'z': 9}))");
    Ad_DECREF(red);
    Ad_DECREF(p);
    /* a value for z both in the sequence and the dict */
    ck_assert_ptr_null(construct(&point_type, l3, d));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "test.point() got duplicate or unexpected field name(s)");
    ck_assert_ptr_null(construct(&point_type, l1, NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type),
                     "test.point() takes an at least 2-sequence (1-sequence given)");
    ck_assert_ptr_null(construct(&point_type, l4, NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type),
                     "test.point() takes an at most 3-sequence (4-sequence given)");
    ck_assert_ptr_null(construct(&point_type, nine, NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "constructor requires a sequence");
    ck_assert_ptr_null(construct(&point_type, l2, nine));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "test.point() takes a dict as second arg, if any");
    ck_assert_ptr_null(construct(&fixed_type, l2, NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "cannot create 'test.fixed' instances");
    ck_assert_str_eq(type, "TypeError");
    Ad_DECREF(l1);
    Ad_DECREF(l2);
    Ad_DECREF(l3);
    Ad_DECREF(l4);
    Ad_DECREF(d);
    Ad_DECREF(nine);
}
END_TEST

START_TEST(replace)
{
    char buf[512];
    const char *type;
    AdObject *p = point(1, 2, 3);
    AdObject *meth = attr(p, "__replace__");
    AdObject *kwn = AdTuple_Pack(1, AdStr_FromString("y"));
    AdObject *args[1] = {AdInt_FromInt64(7)};
    AdObject *q = AdObject_Vectorcall(meth, args, 0, kwn);
    ck_assert_str_eq(sys_test_repr(q, buf, sizeof buf), "test.point(x=1, y=7)");
    AdObject *z = attr(q, "z");
    ck_assert_str_eq(sys_test_repr(z, buf, sizeof buf), "3");
    Ad_DECREF(z);
    Ad_DECREF(q);
    Ad_DECREF(kwn);
    kwn = AdTuple_Pack(1, AdStr_FromString("bogus"));
    ck_assert_ptr_null(AdObject_Vectorcall(meth, args, 0, kwn));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "Got unexpected field name(s): ['bogus']");
    ck_assert_ptr_null(AdObject_Vectorcall(meth, args, 1, NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "__replace__() takes no positional arguments");
    Ad_DECREF(kwn);
    Ad_DECREF(meth);
    Ad_DECREF(p);
}
END_TEST

START_TEST(unnamed_fields)
{
    char buf[512];
    /* Two visible fields, the second unnamed; repr names the visible values
     * after the named members in order, as CPython does. */
    static AdStructSeqField fields[] = {{"a", NULL}, {NULL, NULL}, {"b", NULL}, {"c", NULL}, {NULL, NULL}};
    static AdStructSeqDesc desc = {"test.un", NULL, fields, 2};
    fields[1].name = AdStructSeq_UnnamedField;
    ck_assert_int_eq(AdStructSeq_InitType(&un_type, &desc, 0), 0);
    AdObject *n = attr((AdObject *)&un_type, "n_unnamed_fields");
    ck_assert_str_eq(sys_test_repr(n, buf, sizeof buf), "1");
    Ad_DECREF(n);
    AdObject *m = attr((AdObject *)&un_type, "__match_args__");
    ck_assert_str_eq(sys_test_repr(m, buf, sizeof buf), "('a',)");
    Ad_DECREF(m);
    AdObject *o = AdStructSeq_New(&un_type);
    for (int i = 0; i < 4; i++)
        AdStructSeq_SET_ITEM(o, i, AdInt_FromInt64(10 + i));
    ck_assert_str_eq(sys_test_repr(o, buf, sizeof buf), "test.un(a=10, b=11)");
    AdObject *b = attr(o, "b");
    ck_assert_str_eq(sys_test_repr(b, buf, sizeof buf), "12");
    Ad_DECREF(b);
    Ad_DECREF(o);
}
END_TEST

Suite *structseq_suite(void)
{
    Suite *s = suite_create("structseq");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, visible_and_hidden);
    tcase_add_test(tc, counts_and_match_args);
    tcase_add_test(tc, construction);
    tcase_add_test(tc, replace);
    tcase_add_test(tc, unnamed_fields);
    suite_add_tcase(s, tc);
    return s;
}
