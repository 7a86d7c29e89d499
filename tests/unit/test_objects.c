/* test_objects.c: the object kernel: types and classes (C3 MRO, slots,
 * attribute rules), descriptors and slot wrappers, exceptions and their
 * hierarchy, exception groups, generic aliases, slices, operator dispatch
 * and the cycle collector. Expected texts are CPython's (3.13 native run,
 * unchanged in 3.14). */
#include <check.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/objects.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"
#include "objects_fixture.h"

static void setup(void) { ad_test_objects_setup(); }

/* str(o) as a C string compared with want; consumes o. */
static void check_str(AdObject *o, const char *want)
{
    ck_assert_ptr_nonnull(o);
    AdObject *s = AdObject_Str(o);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(AdStr_AsUTF8(s), want);
    Ad_DECREF(s);
    Ad_DECREF(o);
}

static void check_repr(AdObject *o, const char *want)
{
    ck_assert_ptr_nonnull(o);
    AdObject *s = AdObject_Repr(o);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(AdStr_AsUTF8(s), want);
    Ad_DECREF(s);
    Ad_DECREF(o);
}

/* The message of the raised exception (and its type), then clears it. */
static void check_error(AdObject *type, const char *msg)
{
    ck_assert_ptr_nonnull(AdErr_Occurred());
    AdObject *exc = AdErr_GetRaisedException();
    ck_assert_msg(AdErr_GivenExceptionMatches(exc, type), "raised %s", AD_TYPE(exc)->tp_name);
    check_str(exc, msg);
}

static AdObject *new_class(const char *name, AdObject *bases)
{
    AdObject *n = AdStr_FromString(name), *d = AdDict_New();
    AdObject *args = AdTuple_Pack(3, n, bases, d);
    AdObject *cls = AdObject_Call((AdObject *)&AdType_Type, args, NULL);
    Ad_DECREF(n);
    Ad_DECREF(d);
    Ad_DECREF(args);
    return cls;
}

START_TEST(c3_mro_and_conflicts)
{
    AdObject *empty = AdTuple_New(0);
    AdObject *A = new_class("A", empty);
    ck_assert_ptr_nonnull(A);
    AdObject *ba = AdTuple_Pack(1, A);
    AdObject *B = new_class("B", ba), *C = new_class("C", ba);
    AdObject *bc = AdTuple_Pack(2, B, C);
    AdObject *D = new_class("D", bc);
    ck_assert_ptr_nonnull(D);
    AdObject *mro = ((AdTypeObject *)D)->tp_mro;
    const char *want[] = {"D", "B", "C", "A", "object"};
    ck_assert_int_eq(AdTuple_GET_SIZE(mro), 5);
    for (int i = 0; i < 5; i++)
        ck_assert_str_eq(AdType_Name((AdTypeObject *)AdTuple_GET_ITEM(mro, i)), want[i]);
    AdObject *ab = AdTuple_Pack(2, A, B);
    ck_assert_ptr_null(new_class("X", ab));
    check_error(AdExc_TypeError, "Cannot create a consistent method resolution order (MRO) for bases A, B");
    Ad_DECREF(ab);
    Ad_DECREF(D);
    Ad_DECREF(bc);
    Ad_DECREF(C);
    Ad_DECREF(B);
    Ad_DECREF(ba);
    Ad_DECREF(A);
    Ad_DECREF(empty);
}
END_TEST

START_TEST(instances_and_attributes)
{
    AdObject *empty = AdTuple_New(0);
    AdObject *A = new_class("A", empty);
    AdObject *a = AdObject_CallNoArgs(A);
    ck_assert_ptr_nonnull(a);
    AdObject *name = AdStr_InternFromString("x");
    AdObject *one = AdInt_FromInt64(1);
    ck_assert_int_eq(AdObject_SetAttr(a, name, one), 0);
    AdObject *got = AdObject_GetAttr(a, name);
    ck_assert_ptr_eq(got, one);
    Ad_DECREF(got);
    AdObject *r = AdObject_Repr(a);
    ck_assert_int_eq(strncmp(AdStr_AsUTF8(r), "<A object at 0x", 15), 0);
    Ad_DECREF(r);
    /* A plain object has no attributes and no __dict__. */
    AdObject *o = AdObject_CallNoArgs((AdObject *)&AdBaseObject_Type);
    ck_assert_ptr_null(AdObject_GetAttr(o, name));
    check_error(AdExc_AttributeError, "'object' object has no attribute 'x'");
    ck_assert_int_eq(AdObject_SetAttr(o, name, one), -1);
    check_error(AdExc_AttributeError, "'object' object has no attribute 'x' and no __dict__ for setting new attributes");
    ck_assert_ptr_null(AdObject_Call((AdObject *)&AdBaseObject_Type, AdTuple_Pack(1, one), NULL));
    check_error(AdExc_TypeError, "object() takes no arguments");
    Ad_DECREF(o);
    Ad_DECREF(one);
    Ad_DECREF(name);
    Ad_DECREF(a);
    Ad_DECREF(A);
    Ad_DECREF(empty);
}
END_TEST

START_TEST(exceptions_and_messages)
{
    AdErr_SetString(AdExc_ValueError, "bad value");
    check_error(AdExc_ValueError, "bad value");
    ck_assert_ptr_null(AdErr_Occurred());
    AdObject *k = AdStr_FromString("k");
    AdObject *ke = AdObject_CallOneArg(AdExc_KeyError, k);
    AdObject *r = AdObject_Repr(ke);
    ck_assert_str_eq(AdStr_AsUTF8(r), "KeyError('k')");
    Ad_DECREF(r);
    check_str(ke, "'k'");
    Ad_DECREF(k);
    AdObject *two = AdInt_FromInt64(2), *msg = AdStr_FromString("No such file or directory"),
             *f = AdStr_FromString("f.txt");
    AdObject *args = AdTuple_Pack(3, two, msg, f);
    AdObject *oe = AdObject_Call(AdExc_OSError, args, NULL);
    ck_assert_ptr_nonnull(oe);
    ck_assert_str_eq(AD_TYPE(oe)->tp_name, "FileNotFoundError");
    check_repr(Ad_NewRef(AdException_GetArgs(oe)), "(2, 'No such file or directory')");
    check_str(oe, "[Errno 2] No such file or directory: 'f.txt'");
    Ad_DECREF(args);
    /* SyntaxError shows the file's last path component and the line. */
    AdObject *info = AdTuple_Pack(6, AdStr_FromString("dir/f.py"), AdInt_FromInt64(3), AdInt_FromInt64(4),
                                  AdStr_FromString("x"), AdInt_FromInt64(3), AdInt_FromInt64(5));
    AdObject *bad = AdStr_FromString("bad");
    AdObject *sargs = AdTuple_Pack(2, bad, info);
    check_str(AdObject_Call(AdExc_SyntaxError, sargs, NULL), "bad (f.py, line 3)");
    Ad_DECREF(sargs);
    Ad_DECREF(bad);
    Ad_DECREF(two);
    Ad_DECREF(msg);
    Ad_DECREF(f);
    ck_assert(AdType_IsSubtype(&AdExcType_ModuleNotFoundError, &AdExcType_ImportError));
    ck_assert(AdType_IsSubtype(&AdExcType_ExceptionGroup, &AdExcType_Exception));
    ck_assert(AdType_IsSubtype(&AdExcType_ExceptionGroup, &AdExcType_BaseExceptionGroup));
}
END_TEST

START_TEST(exception_groups_split)
{
    AdObject *v1 = AdObject_CallOneArg(AdExc_ValueError, AdInt_FromInt64(1));
    AdObject *t2 = AdObject_CallOneArg(AdExc_TypeError, AdInt_FromInt64(2));
    AdObject *v3 = AdObject_CallOneArg(AdExc_ValueError, AdInt_FromInt64(3));
    AdObject *inner_list = AdList_New(0);
    AdList_Append(inner_list, v3);
    AdObject *inner_args = AdTuple_Pack(2, AdStr_FromString("in"), inner_list);
    AdObject *inner = AdObject_Call(AdExc_ExceptionGroup, inner_args, NULL);
    ck_assert_ptr_nonnull(inner);
    AdObject *outer_list = AdList_New(0);
    AdList_Append(outer_list, v1);
    AdList_Append(outer_list, t2);
    AdList_Append(outer_list, inner);
    AdObject *eg_args = AdTuple_Pack(2, AdStr_FromString("eg"), outer_list);
    AdObject *eg = AdObject_Call(AdExc_BaseExceptionGroup, eg_args, NULL);
    ck_assert_ptr_nonnull(eg);
    ck_assert_str_eq(AD_TYPE(eg)->tp_name, "ExceptionGroup");
    AdObject *split = AdStr_FromString("split");
    AdObject *cond[1] = {AdExc_ValueError};
    AdObject *parts = AdObject_CallMethod(eg, split, cond, 1);
    ck_assert_ptr_nonnull(parts);
    check_repr(Ad_NewRef(AdTuple_GET_ITEM(parts, 0)),
               "ExceptionGroup('eg', [ValueError(1), ExceptionGroup('in', [ValueError(3)])])");
    check_repr(Ad_NewRef(AdTuple_GET_ITEM(parts, 1)), "ExceptionGroup('eg', [TypeError(2)])");
    check_str(Ad_NewRef(eg), "eg (3 sub-exceptions)");
    AdObject *empty_args = AdTuple_Pack(2, AdStr_FromString("x"), AdList_New(0));
    ck_assert_ptr_null(AdObject_Call(AdExc_BaseExceptionGroup, empty_args, NULL));
    check_error(AdExc_ValueError, "second argument (exceptions) must be a non-empty sequence");
}
END_TEST

START_TEST(slot_wrappers_and_dispatch)
{
    AdObject *one = AdInt_FromInt64(1), *two = AdInt_FromInt64(2);
    AdObject *add = AdDict_GetItemString(AdInt_Type.tp_dict, "__add__");
    ck_assert_ptr_nonnull(add);
    check_repr(Ad_NewRef(add), "<slot wrapper '__add__' of 'int' objects>");
    AdObject *args = AdTuple_Pack(2, one, two);
    check_str(AdObject_Call(add, args, NULL), "3");
    Ad_DECREF(args);
    check_repr(Ad_NewRef(AdDict_GetItemString(AdStr_Type.tp_dict, "join")), "<method 'join' of 'str' objects>");
    check_repr(Ad_NewRef((AdObject *)&AdType_Type), "<class 'type'>");
    AdObject *a = AdStr_FromString("a");
    ck_assert_ptr_null(AdNumber_Add(one, a));
    check_error(AdExc_TypeError, "unsupported operand type(s) for +: 'int' and 'str'");
    AdObject *l = AdList_New(0);
    ck_assert_int_eq(AdObject_Hash(l), -1);
    check_error(AdExc_TypeError, "unhashable type: 'list'");
    AdObject *t = AdTuple_Pack(2, one, two);
    ck_assert(AdObject_Hash(t) == (Ad_hash_t)-3550055125485641917LL);
    Ad_DECREF(t);
    Ad_DECREF(l);
    Ad_DECREF(a);
    Ad_DECREF(one);
    Ad_DECREF(two);
}
END_TEST

START_TEST(generic_alias_and_slice)
{
    AdObject *ga = AdObject_GetItem((AdObject *)&AdList_Type, (AdObject *)&AdInt_Type);
    check_repr(ga, "list[int]");
    AdObject *inner = AdObject_GetItem((AdObject *)&AdList_Type, (AdObject *)&AdInt_Type);
    AdObject *key = AdTuple_Pack(2, (AdObject *)&AdStr_Type, inner);
    check_repr(AdObject_GetItem((AdObject *)&AdDict_Type, key), "dict[str, list[int]]");
    Ad_DECREF(key);
    Ad_DECREF(inner);
    AdObject *s = AdSlice_New(AdInt_FromInt64(1), NULL, AdInt_FromInt64(2));
    check_repr(Ad_NewRef(s), "slice(1, None, 2)");
    AdObject *indices = AdStr_FromString("indices");
    AdObject *five[1] = {AdInt_FromInt64(5)};
    check_repr(AdObject_CallMethod(s, indices, five, 1), "(1, 5, 2)");
    Ad_DECREF(s);
}
END_TEST

START_TEST(gc_collects_cycles)
{
    AdObject *l = AdList_New(0);
    ck_assert_int_eq(AdList_Append(l, l), 0);
    ck_assert(AdObject_GC_IsTracked(l));
    Ad_DECREF(l);               /* only the cycle keeps it alive now */
    ck_assert_int_ge(AdGC_Collect(2), 1);
    ck_assert_int_eq(AdGC_Collect(2), 0);
}
END_TEST

Suite *objects_suite(void)
{
    Suite *s = suite_create("objects");
    TCase *t = tcase_create("kernel");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_add_test(t, c3_mro_and_conflicts);
    tcase_add_test(t, instances_and_attributes);
    tcase_add_test(t, exceptions_and_messages);
    tcase_add_test(t, exception_groups_split);
    tcase_add_test(t, slot_wrappers_and_dispatch);
    tcase_add_test(t, generic_alias_and_slice);
    tcase_add_test(t, gc_collects_cycles);
    suite_add_tcase(s, t);
    return s;
}
