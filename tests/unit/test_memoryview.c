/* test_memoryview.c: memoryview against CPython 3.14: the table
 * tests/unit/data/bytes/memoryview.txt (written by gen_memoryview.py under
 * py314) builds views over bytes and bytearray (slices before and after
 * casts to every portable format and to N-dimensional shapes) and checks
 * their attributes, tolist/tobytes/hex, indexing and item assignment with
 * every format's range and type checks, comparisons, hashing, count/index,
 * casts and their errors; each is replayed through attribute lookup and
 * the type slots. Plus direct checks of release(), the context manager,
 * export counting on the exporter and the released-view errors. */
#include "test_bytes_cases.h"
#include "memory/alloc.h"

static AdObject *call_attr(AdObject *recv, const char *name, AdObject *args, AdObject *kwargs)
{
    AdObject *m = AdObject_GetAttrString(recv, name);
    if (!m)
        return NULL;
    AdObject *r = AdObject_Call(m, args, kwargs && AdDict_GET_SIZE(kwargs) ? kwargs : NULL);
    Ad_DECREF(m);
    return r;
}

static AdObject *call0(AdObject *o, const char *name)
{
    AdObject *t = AdTuple_New(0);
    AdObject *r = call_attr(o, name, t, NULL);
    Ad_DECREF(t);
    return r;
}

/* The view that setup (pre-slice, format, shape, post-slice) describes. */
static AdObject *make_view(AdObject *exp, AdObject *setup)
{
    AdObject *m = AdMemoryView_FromObject(exp);
    if (!m)
        return NULL;
    AdObject *s1 = AdTuple_GET_ITEM(setup, 0), *fmt = AdTuple_GET_ITEM(setup, 1);
    AdObject *shape = AdTuple_GET_ITEM(setup, 2), *s2 = AdTuple_GET_ITEM(setup, 3);
    if (s1 != Ad_None)
        AD_SETREF(m, AdObject_GetItem(m, s1));
    if (m && fmt != Ad_None) {
        AdObject *args = shape == Ad_None ? AdTuple_Pack(1, fmt) : AdTuple_Pack(2, fmt, shape);
        AdObject *r = call_attr(m, "cast", args, NULL);
        Ad_DECREF(args);
        AD_SETREF(m, r);
    }
    if (m && s2 != Ad_None)
        AD_SETREF(m, AdObject_GetItem(m, s2));
    return m;
}

static AdObject *get(AdObject *o, const char *name) { return AdObject_GetAttrString(o, name); }

static AdObject *view_summary(AdObject *r)
{
    AdObject *ndim = get(r, "ndim");
    if (!ndim)
        return NULL;
    int nd = AdInt_Sign(ndim) != 0;
    Ad_DECREF(ndim);
    AdObject *items[6];
    items[0] = AdStr_FromString("view");
    items[1] = get(r, "format");
    items[2] = get(r, "shape");
    items[3] = get(r, "strides");
    items[4] = nd ? call0(r, "tolist") : call0(r, "tobytes");
    items[5] = get(r, "readonly");
    for (int i = 0; i < 6; i++)
        if (!items[i]) {
            for (int j = 0; j < 6; j++)
                Ad_XDECREF(items[j]);
            return NULL;
        }
    return AdTuple_FromArraySteal(items, 6);
}

static AdObject *run_op(const char *op, AdObject *exp, AdObject *args, AdObject *kwargs, int *skip)
{
    (void)skip;
    AdObject *setup = AdTuple_GET_ITEM(args, 0);
    AdObject *rest = AdTuple_GetSlice(args, 1, AdTuple_GET_SIZE(args));
    AdObject *a0 = AdTuple_GET_SIZE(rest) ? AdTuple_GET_ITEM(rest, 0) : NULL;
    AdObject *a1 = AdTuple_GET_SIZE(rest) > 1 ? AdTuple_GET_ITEM(rest, 1) : NULL;
    AdObject *m = make_view(exp, setup), *r = NULL;
    if (!m)
        goto done;
    if (!strcmp(op, "attrs")) {
        static const char *const names[] = {"format", "itemsize", "ndim", "shape", "strides", "readonly",
                                            "nbytes", "c_contiguous", "f_contiguous", "contiguous", "suboffsets"};
        AdObject *items[11];
        int ok = 1;
        for (int i = 0; i < 11; i++)
            if (!(items[i] = get(m, names[i])))
                ok = 0;
        if (ok)
            r = AdTuple_FromArraySteal(items, 11);
        else
            for (int i = 0; i < 11; i++)
                Ad_XDECREF(items[i]);
    } else if (!strcmp(op, "len")) {
        Ad_ssize_t n = AdObject_Size(m);
        r = n < 0 ? NULL : AdInt_FromSsize_t(n);
    } else if (!strcmp(op, "list"))
        r = AdSequence_List(m);
    else if (!strcmp(op, "[]"))
        r = AdObject_GetItem(m, a0);
    else if (!strcmp(op, "[]=")) {
        if (AdObject_SetItem(m, a0, a1) == 0)
            r = call0(m, "tobytes");
    } else if (!strcmp(op, "del[]")) {
        if (AdObject_DelItem(m, a0) == 0)
            r = Ad_None;
    } else if (!strcmp(op, "eq")) {
        AdObject *x = AdObject_RichCompare(m, a0, AD_EQ);
        AdObject *y = x ? AdObject_RichCompare(m, a0, AD_NE) : NULL;
        AdObject *z = y ? AdObject_RichCompare(a0, m, AD_EQ) : NULL;
        if (z)
            r = AdTuple_Pack(3, x, y, z);
        Ad_XDECREF(x);
        Ad_XDECREF(y);
        Ad_XDECREF(z);
    } else if (!strcmp(op, "lt"))
        r = AdObject_RichCompare(m, a0, AD_LT);
    else if (!strcmp(op, "hasheq")) {
        Ad_hash_t h = AdObject_Hash(m);
        if (h != -1) {
            AdObject *b = call0(m, "tobytes");
            if (b) {
                Ad_hash_t h2 = AdObject_Hash(b);
                r = AdBool_FromLong(h == h2);
                Ad_DECREF(b);
            }
        }
    } else if (!strcmp(op, "bytes"))
        r = AdObject_CallOneArg((AdObject *)&AdBytes_Type, m);
    else if (!strcmp(op, "bytearray"))
        r = AdObject_CallOneArg((AdObject *)&AdByteArray_Type, m);
    else if (!strcmp(op, "concat"))
        r = AdNumber_Add(a0, m);
    else if (!strcmp(op, "in")) {
        int c = AdSequence_Contains(m, a0);
        r = c < 0 ? NULL : AdBool_FromLong(c);
    } else if (!strcmp(op, "readonly2")) {
        AdObject *ro = call0(m, "toreadonly");
        AdObject *x = ro ? get(ro, "readonly") : NULL;
        AdObject *y = x ? get(m, "readonly") : NULL;
        if (y)
            r = AdTuple_Pack(2, x, y);
        Ad_XDECREF(ro);
        Ad_XDECREF(x);
        Ad_XDECREF(y);
    } else
        r = call_attr(m, op, rest, kwargs);
    if (r && AdMemoryView_Check(r))
        AD_SETREF(r, view_summary(r));
done:
    Ad_XDECREF(m);
    Ad_DECREF(rest);
    if (r && AdByteArray_Check(exp)) {
        AdObject *pair = AdTuple_Pack(2, r, exp);
        Ad_DECREF(r);
        r = pair;
    }
    return r;
}

START_TEST(cpython_cases)
{
    bytes_test_setup();
    int passed = 0;
    int failed = bc_run_table("memoryview.txt", "memoryview", run_op, NULL, &passed);
    ck_assert_int_eq(failed, 0);
    ck_assert_int_gt(passed, 7000);
}
END_TEST

START_TEST(release_and_exports)
{
    bytes_test_setup();
    AdObject *ba = AdByteArray_FromStringAndSize("xyz", 3);
    AdObject *m = AdMemoryView_FromObject(ba);
    ck_assert_int_eq(((AdByteArrayObject *)ba)->exports, 1);
    AdObject *one = AdInt_FromInt64(1);
    ck_assert_ptr_null(bytearray_m_append(ba, one));
    ck_assert(AdErr_ExceptionMatches(AdExc_BufferError));
    AdErr_Clear();
    /* a slice shares the exporter's buffer: releasing the parent keeps it */
    AdObject *sl = AdSlice_New(one, NULL, NULL);
    AdObject *tail = AdObject_GetItem(m, sl);
    ck_assert_ptr_nonnull(tail);
    AdObject *obj = get(tail, "obj");
    ck_assert_ptr_eq(obj, ba);
    Ad_DECREF(obj);
    AdObject *r = call0(m, "release");
    ck_assert_ptr_eq(r, Ad_None);
    ck_assert_int_eq(((AdByteArrayObject *)ba)->exports, 1);
    /* the released view */
    static const char *const attrs[] = {"format", "obj", "nbytes", "shape"};
    for (int i = 0; i < 4; i++) {
        ck_assert_ptr_null(get(m, attrs[i]));
        AdObject *e = AdErr_GetRaisedException();
        ck_assert_ptr_eq(AD_TYPE(e), &AdExcType_ValueError);
        AdObject *s = AdObject_Str(e);
        ck_assert_str_eq(AdStr_AsUTF8(s), "operation forbidden on released memoryview object");
        Ad_DECREF(s);
        Ad_DECREF(e);
    }
    ck_assert_int_eq(AdObject_Size(m), -1);
    AdErr_Clear();
    ck_assert_int_eq(AdObject_Hash(m), -1);
    AdErr_Clear();
    AdObject *rep = AdObject_Repr(m);
    ck_assert(!strncmp(AdStr_AsUTF8(rep), "<released memory at 0x", 22));
    Ad_DECREF(rep);
    ck_assert_ptr_eq(AdObject_RichCompare(m, m, AD_EQ), Ad_True);
    ck_assert_ptr_eq(AdObject_RichCompare(m, tail, AD_EQ), Ad_False);
    ck_assert_ptr_eq(call0(m, "release"), Ad_None);        /* twice is fine */
    /* the context manager releases the last view */
    AdObject *ent = call0(tail, "__enter__");
    ck_assert_ptr_eq(ent, tail);
    Ad_DECREF(ent);
    AdObject *three = AdTuple_Pack(3, Ad_None, Ad_None, Ad_None);
    AdObject *ex = call_attr(tail, "__exit__", three, NULL);
    ck_assert_ptr_eq(ex, Ad_None);
    Ad_DECREF(three);
    ck_assert_int_eq(((AdByteArrayObject *)ba)->exports, 0);
    ck_assert_ptr_eq(bytearray_m_append(ba, one), Ad_None);
    ck_assert_ptr_null(call0(tail, "tobytes"));
    ck_assert(AdErr_ExceptionMatches(AdExc_ValueError));
    AdErr_Clear();
    /* a view with exports of its own cannot be released */
    AdObject *m2 = AdMemoryView_FromObject(ba);
    AdBuffer v;
    ck_assert_int_eq(AdObject_GetBuffer(m2, &v, AD_BUF_SIMPLE), 0);
    ck_assert_ptr_null(call0(m2, "release"));
    AdObject *e = AdErr_GetRaisedException();
    AdObject *s = AdObject_Str(e);
    ck_assert_str_eq(AdStr_AsUTF8(s), "memoryview has 1 exported buffer");
    Ad_DECREF(s);
    Ad_DECREF(e);
    AdBuffer_Release(&v);
    ck_assert_ptr_eq(call0(m2, "release"), Ad_None);
    /* freeing the last view gives the buffer back */
    AdObject *m3 = AdMemoryView_FromObject(ba);
    ck_assert_int_eq(((AdByteArrayObject *)ba)->exports, 1);
    Ad_DECREF(m3);
    ck_assert_int_eq(((AdByteArrayObject *)ba)->exports, 0);
    Ad_DECREF(m2);
    Ad_DECREF(sl);
    Ad_DECREF(tail);
    Ad_DECREF(m);
    Ad_DECREF(one);
    Ad_DECREF(ba);
}
END_TEST

START_TEST(constructor_and_memory)
{
    bytes_test_setup();
    AdObject *args = AdTuple_Pack(1, Ad_None);
    ck_assert_ptr_null(AdObject_Call((AdObject *)&AdMemoryView_Type, args, NULL));
    AdObject *e = AdErr_GetRaisedException();
    AdObject *s = AdObject_Str(e);
    ck_assert_str_eq(AdStr_AsUTF8(s), "memoryview: a bytes-like object is required, not 'NoneType'");
    Ad_DECREF(s);
    Ad_DECREF(e);
    Ad_DECREF(args);
    char mem[4] = {1, 2, 3, 4};
    AdObject *m = AdMemoryView_FromMemory(mem, 4, 0);
    AdObject *zero = AdInt_FromInt64(0), *v = AdInt_FromInt64(9);
    ck_assert_int_eq(AdObject_SetItem(m, zero, v), 0);
    ck_assert_int_eq(mem[0], 9);
    AdObject *obj = get(m, "obj");
    ck_assert_ptr_eq(obj, Ad_None);
    Ad_DECREF(obj);
    ck_assert_int_eq(AdMemoryView_GET_BUFFER(m)->len, 4);
    AdObject *b = AdMemoryView_GetContiguousBytes(m);
    ck_assert_int_eq(memcmp(AdBytes_AS_STRING(b), "\x09\x02\x03\x04", 4), 0);
    ck_assert_int_eq(AdMemoryView_FormatSize("@d"), 8);
    ck_assert_int_eq(AdMemoryView_FormatSize("<d"), -1);
    Ad_DECREF(b);
    Ad_DECREF(m);
    Ad_DECREF(zero);
    Ad_DECREF(v);
}
END_TEST

/* Replaying the whole table a second time allocates nothing that stays:
 * every result, exception and temporary of every case is given back. */
START_TEST(no_leaks)
{
    bytes_test_setup();
    int passed;
    bc_run_table("memoryview.txt", "memoryview-leaks", run_op, NULL, &passed);     /* warms caches and interned names */
    size_t before = AdMem_LiveBlocks();
    bc_run_table("memoryview.txt", "memoryview-leaks", run_op, NULL, &passed);
    ck_assert_uint_eq(AdMem_LiveBlocks(), before);
}
END_TEST

Suite *memoryview_suite(void)
{
    Suite *s = suite_create("memoryview");
    TCase *tc = tcase_create("memoryview");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, constructor_and_memory);
    tcase_add_test(tc, release_and_exports);
    tcase_add_test(tc, cpython_cases);
    tcase_add_test(tc, no_leaks);
    suite_add_tcase(s, tc);
    return s;
}
