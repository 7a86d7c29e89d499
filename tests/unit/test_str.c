/* test_str.c: str (and the bytes core it needs) against CPython 3.14: the
 * table tests/unit/data/str/cases.txt (written by gen_cases.py under
 * py314) holds thousands of method calls, slot operations, format() and
 * % formatting, codec round trips and their exact error messages; each is
 * replayed through the type's method table and slots and compared
 * structurally. Plus direct checks of the C API (constructors, the compact
 * kinds, interning, the Latin-1 cache, UTF-8 caching, the writer,
 * AdStr_FromFormat). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/str_internal.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/float.h"

#include "objects_fixture.h"
#define STR_TEST_SETUP() ad_test_objects_setup()
#ifndef STR_TEST_SETUP
#define STR_TEST_SETUP() ((void)0)
#endif

/* ---- the value notation of cases.txt ------------------------------------ */

typedef struct {
    const char *p;
    int skip;           /* a value this build cannot represent (floats) */
} parser;

static AdObject *parse_value(parser *ps);

static AdObject *parse_quoted(parser *ps, int bytes)
{
    uint32_t buf[4096];
    Ad_ssize_t n = 0;
    ps->p++;    /* opening quote */
    while (*ps->p && *ps->p != '\'') {
        uint32_t c;
        if (ps->p[0] == '\\' && ps->p[1] == 'u' && ps->p[2] == '{') {
            char *end;
            c = (uint32_t)strtoul(ps->p + 3, &end, 16);
            ps->p = end + 1;
        } else
            c = (unsigned char)*ps->p++;
        if (n < 4096)
            buf[n++] = c;
    }
    if (*ps->p)
        ps->p++;
    if (bytes) {
        char b[4096];
        for (Ad_ssize_t i = 0; i < n; i++)
            b[i] = (char)buf[i];
        return AdBytes_FromStringAndSize(b, n);
    }
    return AdStr_FromUCS4(buf, n);
}

static AdObject *parse_seq(parser *ps, char close, int kind)
{
    AdObject *items[256], *vals[256];
    int n = 0;
    ps->p++;
    while (*ps->p && *ps->p != close) {
        items[n] = parse_value(ps);
        if (kind == 2 && *ps->p == ':') {
            ps->p++;
            vals[n] = parse_value(ps);
        }
        n++;
        if (*ps->p == ',')
            ps->p++;
    }
    if (*ps->p)
        ps->p++;
    AdObject *r;
    if (kind == 0) {
        r = AdTuple_New(n);
        for (int i = 0; i < n; i++)
            AdTuple_SET_ITEM(r, i, items[i]);
    } else if (kind == 1) {
        r = AdList_New(0);
        for (int i = 0; i < n; i++) {
            AdList_Append(r, items[i]);
            Ad_DECREF(items[i]);
        }
    } else {
        r = AdDict_New();
        for (int i = 0; i < n; i++) {
            AdDict_SetItem(r, items[i], vals[i]);
            Ad_DECREF(items[i]);
            Ad_DECREF(vals[i]);
        }
    }
    return r;
}

static AdObject *parse_value(parser *ps)
{
    char c = *ps->p;
    switch (c) {
    case 'N': ps->p++; return Ad_None;
    case 'T': ps->p++; return Ad_True;
    case 'F': ps->p++; return Ad_False;
    case 'i': {
        char *end;
        long long v = strtoll(ps->p + 1, &end, 10);
        ps->p = end;
        return AdInt_FromInt64(v);
    }
    case 'd': {
        char *end;
        double v = strtod(ps->p + 1, &end);
        ps->p = end;
        return AdFloat_FromDouble(v);
    }
    case '\'': return parse_quoted(ps, 0);
    case 'b': ps->p++; return parse_quoted(ps, 1);
    case '(': return parse_seq(ps, ')', 0);
    case '[': return parse_seq(ps, ']', 1);
    case '{': return parse_seq(ps, '}', 2);
    default:
        ps->skip = 1;
        ps->p++;
        return Ad_None;
    }
}

/* ---- structural equality -------------------------------------------------- */

static int same(AdObject *a, AdObject *b)
{
    if (AD_TYPE(a) != AD_TYPE(b))
        return 0;
    if (a == b)
        return 1;
    if (AdStr_Check(a))
        return AdStr_Equal(a, b) && AdStr_KIND(a) == AdStr_KIND(b) &&
               ((AdStrObject *)a)->ascii == ((AdStrObject *)b)->ascii;
    if (AdBytes_Check(a))
        return AD_SIZE(a) == AD_SIZE(b) && memcmp(AdBytes_AS_STRING(a), AdBytes_AS_STRING(b), (size_t)AD_SIZE(a)) == 0;
    if (AdFloat_Check(a))
        return AdFloat_AsDouble(a) == AdFloat_AsDouble(b);
    if (AdInt_Check(a)) {
        int64_t x, y;
        return AdInt_AsInt64Exact(a, &x) && AdInt_AsInt64Exact(b, &y) && x == y;
    }
    if (AdTuple_Check(a) || AdList_Check(a)) {
        if (AD_SIZE(a) != AD_SIZE(b))
            return 0;
        for (Ad_ssize_t i = 0; i < AD_SIZE(a); i++) {
            AdObject *x = AdTuple_Check(a) ? AdTuple_GET_ITEM(a, i) : AdList_GET_ITEM(a, i);
            AdObject *y = AdTuple_Check(b) ? AdTuple_GET_ITEM(b, i) : AdList_GET_ITEM(b, i);
            if (!same(x, y))
                return 0;
        }
        return 1;
    }
    if (AdDict_Check(a)) {
        if (AdDict_GET_SIZE(a) != AdDict_GET_SIZE(b))
            return 0;
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (AdDict_Next(a, &pos, &k, &v)) {
            AdObject *w = AdDict_GetItemWithError(b, k);
            if (!w || !same(v, w))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* ---- running one case ---------------------------------------------------- */

static AdMethodDef *find_method(AdTypeObject *t, const char *name)
{
    for (AdMethodDef *m = t->tp_methods; m && m->ml_name; m++)
        if (strcmp(m->ml_name, name) == 0)
            return m;
    return NULL;
}

static AdObject *call_method(AdTypeObject *t, const char *name, AdObject *self, AdObject *args, AdObject *kwargs)
{
    AdMethodDef *m = find_method(t, name);
    if (!m)
        return NULL;
    AdObject *argv[64];
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args), nkw = AdDict_GET_SIZE(kwargs);
    for (Ad_ssize_t i = 0; i < nargs; i++)
        argv[i] = AdTuple_GET_ITEM(args, i);
    AdObject *kwnames = nkw ? AdTuple_New(nkw) : NULL;
    Ad_ssize_t pos = 0, k = 0;
    AdObject *key, *val;
    while (AdDict_Next(kwargs, &pos, &key, &val)) {
        AdTuple_SET_ITEM(kwnames, k, Ad_NewRef(key));
        argv[nargs + k++] = val;
    }
    AdObject *r = NULL;
    if (m->ml_flags & AD_METH_FASTCALL)
        r = ((AdCFunctionFastKw)(void *)m->ml_meth)((m->ml_flags & AD_METH_STATIC) ? NULL : self, argv, nargs, kwnames);
    else if (m->ml_flags & AD_METH_NOARGS)
        r = ((AdCFunction)(void *)m->ml_meth)(self, NULL);
    else if (m->ml_flags & AD_METH_O)
        r = ((AdCFunction)(void *)m->ml_meth)(self, argv[0]);
    Ad_XDECREF(kwnames);
    return r;
}

/* Runs op; NULL with an exception, or the result; *skip when unsupported. */
static AdObject *run_op(const char *op, AdObject *recv, AdObject *args, AdObject *kwargs, int *skip)
{
    AdObject *a0 = AdTuple_GET_SIZE(args) ? AdTuple_GET_ITEM(args, 0) : NULL;
    if (!strcmp(op, "%"))
        return AdStr_PrintfFormat(recv, a0);
    if (!strcmp(op, "[]"))
        return AdStr_Type.tp_as_mapping->mp_subscript(recv, a0);
    if (!strcmp(op, "[:]")) {
        *skip = 1;      /* needs slice objects */
        return NULL;
    }
    if (!strcmp(op, "+"))
        return AdStr_Type.tp_as_sequence->sq_concat(recv, a0);
    if (!strcmp(op, "*"))
        return AdStr_Type.tp_as_sequence->sq_repeat(recv, AdInt_AsSsize_t(a0));
    if (!strcmp(op, "in")) {
        int r = AdStr_Type.tp_as_sequence->sq_contains(recv, a0);
        return r < 0 ? NULL : AdBool_FromLong(r);
    }
    if (!strcmp(op, "repr"))
        return AdStr_Type.tp_repr(recv);
    if (!strcmp(op, "bytesrepr"))
        return AdBytes_Repr(recv, 1);
    if (!strcmp(op, "len"))
        return AdInt_FromSsize_t(AdStr_Type.tp_as_sequence->sq_length(recv));
    if (!strcmp(op, "fmt"))
        return AdObject_Format(recv, a0);
    if (!strcmp(op, "cmp")) {
        AdObject *t = AdTuple_New(6);
        for (int i = 0; i < 6; i++) {
            AdObject *r = AdStr_Type.tp_richcompare(recv, a0, i);
            if (!r) {
                Ad_DECREF(t);
                return NULL;
            }
            AdTuple_SET_ITEM(t, i, r);
        }
        return t;
    }
    if (!strcmp(op, "decode"))
        return call_method(&AdBytes_Type, "decode", recv, args, kwargs);
    if (!find_method(&AdStr_Type, op)) {
        *skip = 1;
        return NULL;
    }
    return call_method(&AdStr_Type, op, recv, args, kwargs);
}

static char *to_utf8_repr(AdObject *o)
{
    static char buf[600];
    if (!o)
        return "(null)";
    AdObject *r = AdStr_Check(o) ? AdStr_Repr(o) : AdBytes_Check(o) ? AdBytes_Repr(o, 1) : AdObject_Repr(o);
    if (!r) {
        AdErr_Clear();
        return "(repr failed)";
    }
    const char *u = AdStr_AsUTF8(r);
    snprintf(buf, sizeof buf, "%s", u ? u : "(utf8 failed)");
    if (!u)
        AdErr_Clear();
    Ad_DECREF(r);
    return buf;
}

static FILE *open_cases(void)
{
    const char *dirs[] = {"tests/unit/data/str/cases.txt", "../tests/unit/data/str/cases.txt",
                          "data/str/cases.txt", NULL};
    const char *src = getenv("ADDER_SRCDIR");
    if (src) {
        char path[1024];
        snprintf(path, sizeof path, "%s/tests/unit/data/str/cases.txt", src);
        FILE *f = fopen(path, "r");
        if (f)
            return f;
    }
    for (int i = 0; dirs[i]; i++) {
        FILE *f = fopen(dirs[i], "r");
        if (f)
            return f;
    }
    return NULL;
}

START_TEST(cpython_cases)
{
    STR_TEST_SETUP();
    FILE *f = open_cases();
    ck_assert_msg(f != NULL, "tests/unit/data/str/cases.txt not found");
    static char line[1 << 16];
    int lineno = 0, failed = 0, passed = 0, skipped = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        char *fields[5];
        char *p = line;
        for (int i = 0; i < 5; i++) {
            fields[i] = p;
            p = strchr(p, '\t');
            if (!p && i < 4)
                break;
            if (p)
                *p++ = 0;
        }
        parser ps = { fields[1], 0 };
        AdObject *recv = parse_value(&ps);
        ps.p = fields[2];
        AdObject *args = parse_value(&ps);
        ps.p = fields[3];
        AdObject *kwargs = parse_value(&ps);
        const char *exp = fields[4];
        AdObject *want = NULL;
        if (exp[0] != '!') {
            ps.p = exp;
            want = parse_value(&ps);
        }
        int skip = ps.skip;
        AdObject *got = skip ? NULL : run_op(fields[0], recv, args, kwargs, &skip);
        if (skip) {
            skipped++;
            AdErr_Clear();
        } else if (want) {
            if (got && same(got, want))
                passed++;
            else {
                if (failed++ < 60) {
                    char g[600];
                    snprintf(g, sizeof g, "%s", to_utf8_repr(got));
                    AdObject *e = AdErr_GetRaisedException();
                    fprintf(stderr, "str case %d: %s on %s %s: got %s%s%s, want %s\n", lineno, fields[0],
                            fields[1], fields[2], g, e ? " exc " : "", e ? to_utf8_repr(e) : "", exp);
                    Ad_XDECREF(e);
                }
                AdErr_Clear();
            }
        } else {
            AdObject *e = AdErr_GetRaisedException();
            const char *colon = strchr(exp, ':');
            size_t tlen = (size_t)(colon - exp - 1);
            int ok = 0;
            char msg[600] = "";
            if (e && !got) {
                const char *tn = AD_TYPE(e)->tp_name;
                const char *dot = strrchr(tn, '.');
                if (dot)
                    tn = dot + 1;
                AdObject *m = AdObject_Str(e);
                if (m) {
                    snprintf(msg, sizeof msg, "%s", AdStr_AsUTF8(m));
                    parser mp = { NULL, 0 };
                    /* the expected message, unescaped */
                    char q[1 << 14];
                    snprintf(q, sizeof q, "'%s'", colon + 1);
                    mp.p = q;
                    AdObject *wm = parse_quoted(&mp, 0);
                    ok = strlen(tn) == tlen && strncmp(tn, exp + 1, tlen) == 0 && AdStr_Equal(m, wm);
                    Ad_DECREF(wm);
                    Ad_DECREF(m);
                }
                AdErr_Clear();
            }
            if (ok)
                passed++;
            else if (failed++ < 60)
                fprintf(stderr, "str case %d: %s on %s %s: got %s %s%s, want %s\n", lineno, fields[0],
                        fields[1], fields[2], to_utf8_repr(got), e ? AD_TYPE(e)->tp_name : "", msg, exp);
            Ad_XDECREF(e);
        }
        Ad_XDECREF(got);
        Ad_XDECREF(want);
        Ad_DECREF(recv);
        Ad_DECREF(args);
        Ad_DECREF(kwargs);
    }
    fclose(f);
    fprintf(stderr, "str cases: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
    ck_assert_int_eq(failed, 0);
    ck_assert_int_gt(passed, 10000);
}
END_TEST

/* ---- the C API directly ------------------------------------------------------ */

START_TEST(compact_kinds)
{
    STR_TEST_SETUP();
    AdObject *a = AdStr_FromString("abc");
    ck_assert_int_eq(AdStr_KIND(a), 1);
    ck_assert(((AdStrObject *)a)->ascii);
    ck_assert_ptr_eq(AdStr_AsUTF8(a), AdStr_DATA(a));
    AdObject *b = AdStr_FromString("caf\xc3\xa9");
    ck_assert_int_eq(AdStr_KIND(b), 1);
    ck_assert(!((AdStrObject *)b)->ascii);
    ck_assert_int_eq(AdStr_LENGTH(b), 4);
    ck_assert_str_eq(AdStr_AsUTF8(b), "caf\xc3\xa9");
    AdObject *c = AdStr_FromString("\xe2\x82\xac");
    ck_assert_int_eq(AdStr_KIND(c), 2);
    AdObject *d = AdStr_FromString("\xf0\x9f\x98\x80x");
    ck_assert_int_eq(AdStr_KIND(d), 4);
    ck_assert_int_eq(AdStr_READ_CHAR(d, 0), 0x1F600);
    /* a substring drops back to the narrowest kind */
    AdObject *e = AdStr_Substring(d, 1, 2);
    ck_assert_int_eq(AdStr_KIND(e), 1);
    ck_assert(AdStr_EqualToASCII(e, "x"));
    AdObject *sur = AdStr_FromString("\xed\xa0\x80");   /* generalized UTF-8: a lone surrogate */
    ck_assert_ptr_nonnull(sur);
    ck_assert_int_eq(AdStr_READ_CHAR(sur, 0), 0xD800);
    ck_assert_ptr_null(AdStr_AsUTF8(sur));
    ck_assert(AdErr_ExceptionMatches(AdExc_UnicodeEncodeError));
    AdErr_Clear();
    ck_assert_ptr_null(AdStr_FromString("\xff"));
    ck_assert(AdErr_ExceptionMatches(AdExc_UnicodeDecodeError));
    AdErr_Clear();
    Ad_DECREF(a); Ad_DECREF(b); Ad_DECREF(c); Ad_DECREF(d); Ad_DECREF(e); Ad_DECREF(sur);
}
END_TEST

START_TEST(caches_and_interning)
{
    STR_TEST_SETUP();
    ck_assert_ptr_eq(AdStr_FromOrdinal('x'), AdStr_FromOrdinal('x'));
    ck_assert_ptr_eq(AdStr_FromOrdinal(0xE9), AdStr_FromString("\xc3\xa9"));
    ck_assert_ptr_eq(AdStr_FromString(""), AdStr_FromStringAndSize("abc", 0));
    AdObject *a = AdStr_InternFromString("__name__");
    AdObject *b = AdStr_FromString("__name__");
    ck_assert_ptr_ne(a, b);
    AdStr_InternInPlace(&b);
    ck_assert_ptr_eq(a, b);
    ck_assert(Ad_IsImmortal(a));
    ck_assert_ptr_null(AdStr_FromOrdinal(0x110000));
    AdErr_Clear();
}
END_TEST

START_TEST(compare_hash_concat)
{
    STR_TEST_SETUP();
    AdObject *a = AdStr_FromString("abc"), *b = AdStr_FromString("abd"), *w = AdStr_FromString("ab\xe2\x82\xac");
    ck_assert_int_lt(AdStr_Compare(a, b), 0);
    ck_assert_int_lt(AdStr_Compare(a, w), 0);
    ck_assert_int_gt(AdStr_Compare(w, b), 0);
    ck_assert_int_eq(AdStr_Hash(AdStr_FromString("")), 0);
    ck_assert(AdStr_Hash(a) != -1);
    AdObject *c = AdStr_Concat(a, w);
    ck_assert_int_eq(AdStr_LENGTH(c), 6);
    ck_assert_int_eq(AdStr_KIND(c), 2);
    ck_assert_int_eq(AdStr_FindChar(c, 0x20AC, 0, 6), 5);
    ck_assert_int_eq(AdStr_FindChar(c, 'c', 0, 2), -1);
    Ad_DECREF(a); Ad_DECREF(b); Ad_DECREF(w); Ad_DECREF(c);
}
END_TEST

START_TEST(from_format_and_writer)
{
    STR_TEST_SETUP();
    AdObject *s = AdStr_FromString("\xc3\xa9t\xc3\xa9");
    AdObject *r = AdStr_FromFormat("%d|%5s|%-3d|%zd|%x|%c|%U|%R|%.2s|%%|%lld|%03u", -4, "ab", 7, (Ad_ssize_t)12,
                                   255, 0x20AC, s, s, "xyz", (long long)1 << 40, 5u);
    ck_assert_str_eq(AdStr_AsUTF8(r), "-4|   ab|7  |12|ff|\xe2\x82\xac|\xc3\xa9t\xc3\xa9|'\xc3\xa9t\xc3\xa9'|xy|%|1099511627776|005");
    Ad_DECREF(r);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    AdStrWriter_WriteASCII(&w, "ab", 2);
    AdStrWriter_WriteChar(&w, 0x1F600);
    AdStrWriter_WriteStr(&w, s);
    r = AdStrWriter_Finish(&w);
    ck_assert_int_eq(AdStr_LENGTH(r), 6);
    ck_assert_int_eq(AdStr_KIND(r), 4);
    Ad_DECREF(r);
    Ad_DECREF(s);
}
END_TEST

START_TEST(join_and_split_identity)
{
    STR_TEST_SETUP();
    AdObject *sep = AdStr_FromString(", ");
    AdObject *l = AdList_New(0);
    AdObject *x = AdStr_FromString("x"), *y = AdStr_FromString("\xe2\x82\xac");
    AdList_Append(l, x);
    AdList_Append(l, y);
    AdObject *j = AdStr_Join(sep, l);
    ck_assert_str_eq(AdStr_AsUTF8(j), "x, \xe2\x82\xac");
    Ad_DECREF(j); Ad_DECREF(l); Ad_DECREF(x); Ad_DECREF(y); Ad_DECREF(sep);
}
END_TEST

Suite *str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("str");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, compact_kinds);
    tcase_add_test(tc, caches_and_interning);
    tcase_add_test(tc, compare_hash_concat);
    tcase_add_test(tc, from_format_and_writer);
    tcase_add_test(tc, join_and_split_identity);
    tcase_add_test(tc, cpython_cases);
    suite_add_tcase(s, tc);
    return s;
}
