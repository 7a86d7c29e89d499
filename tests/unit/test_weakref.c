/* test_weakref.c: the C side of weak references (objects/weakref.h):
 * support per type, the shared callback-less ref and proxy, list order,
 * callbacks on death by refcount, and the collector's entry points
 * (AdWeakref_ClearForGC / AdWeakref_CallPendingCallback). */
#include "objects_fixture.h"
#include "objects/descr.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/weakref.h"

static int calls;
static AdObject *last_ref;

static AdObject *count_call(AdObject *self, AdObject *ref)
{
    (void)self;
    calls++;
    last_ref = ref;
    ck_assert_ptr_null(AdWeakref_GetRef(ref));
    return Ad_NewRef(Ad_None);
}

static AdMethodDef count_def = {"count", (void (*)(void))count_call, AD_METH_O, NULL};

static void setup(void)
{
    ad_test_objects_setup();
    calls = 0;
    last_ref = NULL;
}

START_TEST(unsupported_types)
{
    AdObject *i = AdInt_FromInt64(12345);
    ck_assert_ptr_null(AdWeakref_NewRef(i, NULL));
    ck_assert(AdErr_ExceptionMatches(AdExc_TypeError));
    AdErr_Clear();
    ck_assert_ptr_null(AdWeakref_NewProxy(i, NULL));
    AdErr_Clear();
    ck_assert_int_eq(AdWeakref_Count(i), 0);
    Ad_DECREF(i);
}
END_TEST

START_TEST(shared_refs_and_order)
{
    AdObject *s = AdSet_New(NULL);
    AdObject *cb = AdCFunction_NewEx(&count_def, NULL, NULL);
    AdObject *r1 = AdWeakref_NewRef(s, NULL);
    AdObject *r2 = AdWeakref_NewRef(s, Ad_None);
    ck_assert_ptr_eq(r1, r2);
    AdObject *p1 = AdWeakref_NewProxy(s, NULL);
    AdObject *p2 = AdWeakref_NewProxy(s, NULL);
    ck_assert_ptr_eq(p1, p2);
    AdObject *c1 = AdWeakref_NewRef(s, cb);
    AdObject *c2 = AdWeakref_NewRef(s, cb);
    ck_assert_ptr_ne(c1, c2);
    ck_assert_int_eq(AdWeakref_Count(s), 4);
    /* ref, proxy, then the newest reference with a callback first */
    AdWeakRefObject *head = (AdWeakRefObject *)((AdSetObject *)s)->weakreflist;
    ck_assert_ptr_eq(head, r1);
    ck_assert_ptr_eq(head->wr_next, p1);
    ck_assert_ptr_eq(head->wr_next->wr_next, c2);
    ck_assert_ptr_eq(head->wr_next->wr_next->wr_next, c1);
    AdObject *got = AdWeakref_GetRef(c1);
    ck_assert_ptr_eq(got, s);
    Ad_DECREF(got);
    Ad_DECREF(s);               /* dies: both callbacks run, newest first */
    ck_assert_int_eq(calls, 2);
    ck_assert_ptr_eq(last_ref, c1);
    ck_assert_ptr_null(AdWeakref_GetRef(r1));
    ck_assert_ptr_null(AdWeakref_GetRef(p1));
    ck_assert_ptr_null(((AdWeakRefObject *)c1)->wr_callback);
    Ad_DECREF(r1);
    Ad_DECREF(r2);
    Ad_DECREF(p1);
    Ad_DECREF(p2);
    Ad_DECREF(c1);
    Ad_DECREF(c2);
    Ad_DECREF(cb);
}
END_TEST

START_TEST(dead_ref_not_called)
{
    AdObject *s = AdSet_New(NULL);
    AdObject *cb = AdCFunction_NewEx(&count_def, NULL, NULL);
    AdObject *r = AdWeakref_NewRef(s, cb);
    ck_assert_int_eq(AdWeakref_Count(s), 1);
    Ad_DECREF(r);
    ck_assert_int_eq(AdWeakref_Count(s), 0);
    Ad_DECREF(s);
    ck_assert_int_eq(calls, 0);
    Ad_DECREF(cb);
}
END_TEST

static int keep_first(AdObject *ref, void *arg)
{
    return ref == (AdObject *)arg;
}

START_TEST(collector_entry_points)
{
    AdObject *s = AdSet_New(NULL);
    AdObject *cb = AdCFunction_NewEx(&count_def, NULL, NULL);
    AdObject *kept = AdWeakref_NewRef(s, cb);
    AdObject *dropped = AdWeakref_NewRef(s, cb);
    AdObject *pending = AdList_New(0);
    ck_assert_int_eq(AdWeakref_ClearForGC(s, keep_first, kept, pending), 0);
    ck_assert_int_eq(AdWeakref_Count(s), 0);
    ck_assert_int_eq(AdList_GET_SIZE(pending), 1);
    ck_assert_ptr_eq(AdList_GET_ITEM(pending, 0), kept);
    ck_assert_int_eq(calls, 0);
    AdWeakref_CallPendingCallback(AdList_GET_ITEM(pending, 0));
    ck_assert_int_eq(calls, 1);
    ck_assert_ptr_eq(last_ref, kept);
    Ad_DECREF(pending);
    Ad_DECREF(s);               /* nothing left to call */
    ck_assert_int_eq(calls, 1);
    Ad_DECREF(kept);
    Ad_DECREF(dropped);
    Ad_DECREF(cb);
}
END_TEST

Suite *weakref_suite(void)
{
    Suite *s = suite_create("weakref");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, unsupported_types);
    tcase_add_test(tc, shared_refs_and_order);
    tcase_add_test(tc, dead_ref_not_called);
    tcase_add_test(tc, collector_entry_points);
    suite_add_tcase(s, tc);
    return s;
}
