/* test_bytes.c: bytes and bytearray against CPython 3.14: the table
 * tests/unit/data/bytes/cases.txt (written by gen_cases.py under py314)
 * holds some twenty thousand method calls, slot operations (indexing,
 * slicing, slice assignment and deletion, +, *, +=, *=, in, comparisons,
 * %-formatting), constructors and their exact error messages; each is
 * replayed through attribute lookup and the type slots and compared
 * structurally (a bytearray receiver is compared afterwards too). Plus
 * direct checks of the C API: construction, resizing and the
 * over-allocation policy, export counting, the buffer protocol. */
#include "test_bytes_cases.h"
#include "memory/alloc.h"

/* Calls recv.name(*args, **kwargs) through attribute lookup. */
static AdObject *call_attr(AdObject *recv, const char *name, AdObject *args, AdObject *kwargs)
{
    AdObject *m = AdObject_GetAttrString(recv, name);
    if (!m)
        return NULL;
    AdObject *r = AdObject_Call(m, args, kwargs && AdDict_GET_SIZE(kwargs) ? kwargs : NULL);
    Ad_DECREF(m);
    return r;
}

static AdObject *run_op(const char *op, AdObject *recv, AdObject *args, AdObject *kwargs, int *skip)
{
    AdObject *a0 = AdTuple_GET_SIZE(args) ? AdTuple_GET_ITEM(args, 0) : NULL;
    AdObject *a1 = AdTuple_GET_SIZE(args) > 1 ? AdTuple_GET_ITEM(args, 1) : NULL;
    AdObject *r = NULL;
    int ba = AdByteArray_Check(recv);
    int done = 1;
    if (!strcmp(op, "%"))
        r = AdNumber_Remainder(recv, a0);
    else if (!strcmp(op, "[]"))
        r = AdObject_GetItem(recv, a0);
    else if (!strcmp(op, "[]=")) {
        if (AdObject_SetItem(recv, a0, a1) == 0)
            r = Ad_None;
    } else if (!strcmp(op, "del[]")) {
        if (AdObject_DelItem(recv, a0) == 0)
            r = Ad_None;
    } else if (!strcmp(op, "+"))
        r = AdNumber_Add(recv, a0);
    else if (!strcmp(op, "*"))
        r = AdNumber_Multiply(recv, a0);
    else if (!strcmp(op, "+=") || !strcmp(op, "*=")) {
        AdObject *x = op[0] == '+' ? AdNumber_InPlaceAdd(recv, a0) : AdNumber_InPlaceMultiply(recv, a0);
        if (x) {
            ck_assert_ptr_eq(x, recv);
            Ad_DECREF(x);
            r = Ad_None;
        }
    } else if (!strcmp(op, "in")) {
        int c = AdSequence_Contains(recv, a0);
        r = c < 0 ? NULL : AdBool_FromLong(c);
    } else if (!strcmp(op, "repr"))
        r = AdObject_Repr(recv);
    else if (!strcmp(op, "len")) {
        Ad_ssize_t n = AdObject_Size(recv);
        r = n < 0 ? NULL : AdInt_FromSsize_t(n);
    } else if (!strcmp(op, "iter")) {
        r = AdSequence_List(recv);
    } else if (!strcmp(op, "hash")) {
        Ad_hash_t h = AdObject_Hash(recv);
        r = h == -1 ? NULL : AdInt_FromInt64(h);
    } else if (!strcmp(op, "new")) {
        r = AdObject_Call(recv, args, AdDict_GET_SIZE(kwargs) ? kwargs : NULL);
        ba = 0;
    } else if (!strcmp(op, "cmp")) {
        AdObject *t = AdTuple_New(6);
        static const int ops[6] = {AD_LT, AD_LE, AD_EQ, AD_NE, AD_GT, AD_GE};
        for (int i = 0; i < 6; i++) {
            AdObject *x = AdObject_RichCompare(recv, a0, ops[i]);
            if (!x) {
                Ad_DECREF(t);
                return NULL;
            }
            AdTuple_SET_ITEM(t, i, x);
        }
        r = t;
    } else
        done = 0;
    if (!done) {
        if (AdType_Check(recv))
            ba = 0;
        r = call_attr(recv, op, args, kwargs);
    }
    (void)skip;
    if (!r || !ba)
        return r;
    AdObject *pair = AdTuple_Pack(2, r, recv);
    Ad_DECREF(r);
    return pair;
}

START_TEST(cpython_cases_bytes)
{
    bytes_test_setup();
    int passed = 0;
    int failed = bc_run_table("cases.txt", "bytes", run_op, "b", &passed);
    ck_assert_int_eq(failed, 0);
    ck_assert_int_gt(passed, 8000);
}
END_TEST

START_TEST(cpython_cases_bytearray)
{
    bytes_test_setup();
    int passed = 0;
    int failed = bc_run_table("cases.txt", "bytearray", run_op, "B", &passed);
    ck_assert_int_eq(failed, 0);
    ck_assert_int_gt(passed, 8000);
}
END_TEST

START_TEST(cpython_cases_types)
{
    bytes_test_setup();
    int passed = 0;
    int failed = bc_run_table("cases.txt", "bytes-types", run_op, "Y", &passed);
    ck_assert_int_eq(failed, 0);
    ck_assert_int_gt(passed, 100);
}
END_TEST

/* ---- the C API ------------------------------------------------------------------- */

static Ad_ssize_t alloc_of(AdObject *b) { return ((AdByteArrayObject *)b)->alloc; }

START_TEST(bytearray_growth_policy)
{
    bytes_test_setup();
    /* __alloc__ after each append to an empty bytearray, as CPython 3.14 reports */
    static const Ad_ssize_t want[] = {2, 5, 5, 5, 8, 8, 8, 12, 12, 12, 12, 19, 19, 19, 19, 19, 19, 19,
                                      27, 27, 27, 27, 27, 27, 27, 27, 36, 36, 36, 36, 36, 36, 36, 36, 36,
                                      46, 46, 46, 46, 46};
    AdObject *b = AdByteArray_FromStringAndSize(NULL, 0);
    ck_assert_int_eq(alloc_of(b), 0);
    AdObject *one = AdInt_FromInt64(1);
    for (int i = 0; i < 40; i++) {
        AdObject *r = bytearray_m_append(b, one);
        ck_assert_ptr_eq(r, Ad_None);
        ck_assert_int_eq(alloc_of(b), want[i]);
    }
    Ad_DECREF(b);
    /* popping from 100 bytes: shrinks to fit below half the allocation */
    static const struct { Ad_ssize_t size, alloc; } shrink[] = {
        {99, 101}, {50, 101}, {49, 50}, {25, 50}, {24, 25}, {12, 25}, {11, 12}, {6, 12}, {5, 6}, {3, 6},
        {2, 3}, {1, 3}, {0, 1}};
    for (int front = 0; front < 2; front++) {
        char hundred[100];
        memset(hundred, 'x', sizeof hundred);
        b = AdByteArray_FromStringAndSize(hundred, 100);
        ck_assert_int_eq(alloc_of(b), 101);
        int k = 0;
        while (AD_SIZE(b) > 0) {
            AdObject *idx = AdInt_FromInt64(front ? 0 : -1);
            AdObject *r = bytearray_m_pop(b, &idx, 1);
            Ad_DECREF(idx);
            ck_assert_ptr_nonnull(r);
            Ad_DECREF(r);
            if (AD_SIZE(b) == shrink[k].size) {
                ck_assert_int_eq(alloc_of(b), shrink[k].alloc);
                k++;
            }
        }
        ck_assert_int_eq(k, 13);
        Ad_DECREF(b);
    }
    /* += a little grows by an eighth; repeat and copy are exact */
    b = AdByteArray_FromStringAndSize("xxxxxxxxxx", 10);
    ck_assert_int_eq(alloc_of(b), 11);
    AdObject *y = AdBytes_FromString("y");
    AdObject *r = AdNumber_InPlaceAdd(b, y);
    ck_assert_ptr_eq(r, b);
    Ad_DECREF(r);
    ck_assert_int_eq(alloc_of(b), 18);
    Ad_DECREF(b);
    Ad_DECREF(y);
}
END_TEST

START_TEST(bytearray_exports)
{
    bytes_test_setup();
    AdObject *b = AdByteArray_FromStringAndSize("abc", 3);
    AdBuffer v;
    ck_assert_int_eq(AdObject_GetBuffer(b, &v, AD_BUF_WRITABLE), 0);
    ck_assert_int_eq(v.len, 3);
    ck_assert_int_eq(v.readonly, 0);
    ck_assert_int_eq(((AdByteArrayObject *)b)->exports, 1);
    /* same-size changes are allowed, resizing is not */
    ck_assert_int_eq(AdByteArray_Resize(b, 3), 0);
    ck_assert_int_eq(AdByteArray_Resize(b, 4), -1);
    AdObject *e = AdErr_GetRaisedException();
    ck_assert_ptr_eq(AD_TYPE(e), &AdExcType_BufferError);
    AdObject *m = AdObject_Str(e);
    ck_assert_str_eq(AdStr_AsUTF8(m), "Existing exports of data: object cannot be re-sized");
    Ad_DECREF(m);
    Ad_DECREF(e);
    AdObject *x = AdInt_FromInt64(120);
    ck_assert_ptr_null(bytearray_m_append(b, x));
    ck_assert(AdErr_ExceptionMatches(AdExc_BufferError));
    AdErr_Clear();
    AdObject *zero = AdInt_FromInt64(0);
    ck_assert_int_eq(AdObject_SetItem(b, zero, x), 0);     /* item assignment does not resize */
    ck_assert_int_eq(AdObject_DelItem(b, zero), -1);
    AdErr_Clear();
    ((char *)v.buf)[1] = 'Z';
    AdBuffer_Release(&v);
    ck_assert_int_eq(((AdByteArrayObject *)b)->exports, 0);
    ck_assert_ptr_eq(bytearray_m_append(b, x), Ad_None);
    ck_assert_int_eq(AD_SIZE(b), 4);
    ck_assert_int_eq(memcmp(AdByteArray_AS_STRING(b), "xZcx", 5), 0);    /* NUL-terminated */
    /* bytes views are read-only */
    AdObject *bs = AdBytes_FromString("q");
    ck_assert_int_eq(AdObject_GetBuffer(bs, &v, AD_BUF_WRITABLE), -1);
    ck_assert(AdErr_ExceptionMatches(AdExc_BufferError));
    AdErr_Clear();
    ck_assert_int_eq(AdObject_GetBuffer(x, &v, AD_BUF_SIMPLE), -1);
    ck_assert(AdErr_ExceptionMatches(AdExc_TypeError));
    AdErr_Clear();
    Ad_DECREF(bs);
    Ad_DECREF(zero);
    Ad_DECREF(x);
    Ad_DECREF(b);
}
END_TEST

START_TEST(bytes_c_api)
{
    bytes_test_setup();
    AdObject *a = AdBytes_FromStringAndSize("a", 1);
    ck_assert_ptr_eq(a, AdBytes_FromString("a"));          /* one-byte cache */
    ck_assert(Ad_IsImmortal(a));
    ck_assert_ptr_eq(AdBytes_FromString(""), AdBytes_FromStringAndSize(NULL, 0));
    AdObject *b = AdBytes_FromStringAndSize(NULL, 5);
    memcpy(AdBytes_AS_STRING(b), "hello", 5);
    ck_assert_int_eq(AdBytes_Resize(&b, 3), 0);
    ck_assert_int_eq(AD_SIZE(b), 3);
    ck_assert_int_eq(AdBytes_AS_STRING(b)[3], 0);
    AdObject *ba = AdByteArray_FromStringAndSize("xyz", 3);
    AdObject *c = AdBytes_FromObject(ba);
    ck_assert(AdBytes_CheckExact(c));
    ck_assert_int_eq(memcmp(AdBytes_AS_STRING(c), "xyz", 4), 0);
    ck_assert_int_eq(AdByteArray_Resize(ba, 1), 0);
    ck_assert_int_eq(AD_SIZE(ba), 1);
    ck_assert_int_eq(AdByteArray_AS_STRING(ba)[1], 0);
    ck_assert_int_eq(AdObject_Hash(ba), -1);
    ck_assert(AdErr_ExceptionMatches(AdExc_TypeError));
    AdErr_Clear();
    Ad_DECREF(b);
    Ad_DECREF(c);
    Ad_DECREF(ba);
}
END_TEST

/* Replaying the whole table a second time allocates nothing that stays:
 * every result, exception and temporary of every case is given back. */
START_TEST(no_leaks)
{
    bytes_test_setup();
    int passed;
    bc_run_table("cases.txt", "bytes-leaks", run_op, NULL, &passed);     /* warms caches and interned names */
    size_t before = AdMem_LiveBlocks();
    bc_run_table("cases.txt", "bytes-leaks", run_op, NULL, &passed);
    ck_assert_uint_eq(AdMem_LiveBlocks(), before);
}
END_TEST

/* PEP 688 methods and the iterator types, as CPython 3.14 shows them:
 *   type(iter(b'abc')).__name__ == 'bytes_iterator', __length_hint__() 3 then 2
 *   b = bytearray(b'xy'); v = b.__buffer__(0): a writable 'B' memoryview that
 *   blocks resizing until b.__release_buffer__(v) releases it;
 *   b'x'.__buffer__(1) -> BufferError "Object is not writable.";
 *   b.__release_buffer__(1) -> TypeError "expected a memoryview object";
 *   b.__release_buffer__(memoryview(b'zz')) -> ValueError
 *   "memoryview's buffer is not this object". */
static AdObject *callm(AdObject *o, const char *name, AdObject *arg)
{
    AdObject *m = AdObject_GetAttrString(o, name);
    if (!m)
        return NULL;
    AdObject *r = arg ? AdObject_CallOneArg(m, arg) : AdObject_CallNoArgs(m);
    Ad_DECREF(m);
    return r;
}

static void expect_error(AdObject *type, const char *msg)
{
    AdObject *e = AdErr_GetRaisedException();
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_eq((AdObject *)AD_TYPE(e), type);
    AdObject *s = AdObject_Str(e);
    ck_assert_str_eq(AdStr_AsUTF8(s), msg);
    Ad_DECREF(s);
    Ad_DECREF(e);
}

START_TEST(buffer_dunders_and_iterators)
{
    bytes_test_setup();
    AdObject *b = AdBytes_FromString("abc");
    AdObject *it = AdObject_GetIter(b);
    ck_assert_str_eq(AD_TYPE(it)->tp_name, "bytes_iterator");
    AdObject *h = callm(it, "__length_hint__", NULL);
    ck_assert_int_eq(AdInt_AsSsize_t(h), 3);
    Ad_DECREF(h);
    AdObject *x = AdIter_Next(it);
    ck_assert_int_eq(AdInt_AsSsize_t(x), 97);
    Ad_DECREF(x);
    h = callm(it, "__length_hint__", NULL);
    ck_assert_int_eq(AdInt_AsSsize_t(h), 2);
    Ad_DECREF(h);
    Ad_DECREF(it);
    AdObject *ba = AdByteArray_FromStringAndSize("xy", 2);
    it = AdObject_GetIter(ba);
    ck_assert_str_eq(AD_TYPE(it)->tp_name, "bytearray_iterator");
    Ad_DECREF(it);

    AdObject *zero = AdInt_FromInt64(0), *one = AdInt_FromInt64(1);
    AdObject *v = callm(ba, "__buffer__", zero);
    ck_assert(AdMemoryView_Check(v));
    AdObject *ro = AdObject_GetAttrString(v, "readonly");
    ck_assert_ptr_eq(ro, Ad_False);
    AdObject *fmt = AdObject_GetAttrString(v, "format");
    ck_assert_str_eq(AdStr_AsUTF8(fmt), "B");
    Ad_DECREF(fmt);
    ck_assert_ptr_null(bytearray_m_append(ba, one));
    expect_error(AdExc_BufferError, "Existing exports of data: object cannot be re-sized");
    AdObject *r = callm(ba, "__release_buffer__", v);
    ck_assert_ptr_eq(r, Ad_None);
    ck_assert_ptr_eq(bytearray_m_append(ba, one), Ad_None);
    ck_assert_ptr_null(callm(b, "__buffer__", one));
    expect_error(AdExc_BufferError, "Object is not writable.");
    ck_assert_ptr_null(callm(ba, "__release_buffer__", one));
    expect_error(AdExc_TypeError, "expected a memoryview object");
    AdObject *zz = AdBytes_FromString("zz");
    AdObject *other = AdMemoryView_FromObject(zz);
    ck_assert_ptr_null(callm(ba, "__release_buffer__", other));
    expect_error(AdExc_ValueError, "memoryview's buffer is not this object");
    Ad_DECREF(other);
    Ad_DECREF(zz);
    Ad_DECREF(v);
    Ad_DECREF(zero);
    Ad_DECREF(one);
    Ad_DECREF(ba);
    Ad_DECREF(b);
}
END_TEST

/* Subclasses made the way a class statement makes them: construction gives
 * an instance of the subclass (with a __dict__), methods return the base
 * type, repr names the subclass for bytearray (CPython 3.14:
 *   class B(bytearray): pass;  repr(B(b'q')) == "B(b'q')",
 *   B(b'q').__reduce_ex__(4) == (B, (b'q',), {'z': 1}) once x.z = 1;
 *   class S(bytes): pass;  S.fromhex('6869') is an S equal to b'hi',
 *   type(S(b'ab').upper()) is bytes). */
static AdObject *make_class(const char *name, AdTypeObject *base)
{
    AdObject *n = AdStr_FromString(name);
    AdObject *bases = AdTuple_Pack(1, (AdObject *)base);
    AdObject *d = AdDict_New();
    AdObject *args = AdTuple_Pack(3, n, bases, d);
    AdObject *cls = AdObject_Call((AdObject *)&AdType_Type, args, NULL);
    Ad_DECREF(args);
    Ad_DECREF(d);
    Ad_DECREF(bases);
    Ad_DECREF(n);
    return cls;
}

START_TEST(subclasses)
{
    bytes_test_setup();
    AdObject *S = make_class("S", &AdBytes_Type);
    ck_assert_ptr_nonnull(S);
    AdObject *ab = AdBytes_FromString("ab");
    AdObject *s = AdObject_CallOneArg(S, ab);
    ck_assert_ptr_eq((AdObject *)AD_TYPE(s), S);
    ck_assert_int_eq(AD_SIZE(s), 2);
    ck_assert_str_eq(AdBytes_AS_STRING(s), "ab");
    AdObject *up = callm(s, "upper", NULL);
    ck_assert(AdBytes_CheckExact(up));
    ck_assert_str_eq(AdBytes_AS_STRING(up), "AB");
    AdObject *eq = AdObject_RichCompare(s, ab, AD_EQ);
    ck_assert_ptr_eq(eq, Ad_True);
    AdObject *hx = AdStr_FromString("6869");
    AdObject *fh = callm(S, "fromhex", hx);
    ck_assert_ptr_eq((AdObject *)AD_TYPE(fh), S);
    ck_assert_str_eq(AdBytes_AS_STRING(fh), "hi");
    AdObject *attr = AdStr_FromString("z"), *one = AdInt_FromInt64(1);
    ck_assert_int_eq(AdObject_SetAttr(s, attr, one), 0);
    AdObject *got = AdObject_GetAttr(s, attr);
    ck_assert_ptr_eq(got, one);
    Ad_DECREF(got);
    AdObject *exact = callm(s, "__bytes__", NULL);
    ck_assert(AdBytes_CheckExact(exact));
    Ad_DECREF(exact);

    AdObject *B = make_class("B", &AdByteArray_Type);
    AdObject *q = AdBytes_FromString("q");
    AdObject *x = AdObject_CallOneArg(B, q);
    ck_assert_ptr_eq((AdObject *)AD_TYPE(x), B);
    AdObject *rep = AdObject_Repr(x);
    ck_assert_str_eq(AdStr_AsUTF8(rep), "B(b'q')");
    ck_assert_int_eq(AdObject_SetAttr(x, attr, one), 0);
    AdObject *four = AdInt_FromInt64(4);
    AdObject *red = callm(x, "__reduce_ex__", four);
    ck_assert_ptr_eq(AdTuple_GET_ITEM(red, 0), B);
    ck_assert(AdDict_Check(AdTuple_GET_ITEM(red, 2)));
    ck_assert_int_eq(AdDict_GET_SIZE(AdTuple_GET_ITEM(red, 2)), 1);
    AdObject *cp = callm(x, "copy", NULL);
    ck_assert(Ad_IS_TYPE(cp, &AdByteArray_Type));
    ck_assert_ptr_eq(bytearray_m_append(x, one), Ad_None);
    ck_assert_int_eq(AD_SIZE(x), 2);
    Ad_DECREF(cp);
    Ad_DECREF(red);
    Ad_DECREF(four);
    Ad_DECREF(rep);
    Ad_DECREF(x);
    Ad_DECREF(q);
    Ad_DECREF(B);
    Ad_DECREF(attr);
    Ad_DECREF(one);
    Ad_DECREF(fh);
    Ad_DECREF(hx);
    Ad_DECREF(eq);
    Ad_DECREF(up);
    Ad_DECREF(s);
    Ad_DECREF(ab);
    Ad_DECREF(S);
}
END_TEST

Suite *bytes_suite(void)
{
    Suite *s = suite_create("bytes");
    TCase *tc = tcase_create("bytes");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, bytes_c_api);
    tcase_add_test(tc, bytearray_growth_policy);
    tcase_add_test(tc, bytearray_exports);
    tcase_add_test(tc, buffer_dunders_and_iterators);
    tcase_add_test(tc, subclasses);
    tcase_add_test(tc, cpython_cases_bytes);
    tcase_add_test(tc, cpython_cases_bytearray);
    tcase_add_test(tc, cpython_cases_types);
    tcase_add_test(tc, no_leaks);
    suite_add_tcase(s, tc);
    return s;
}
