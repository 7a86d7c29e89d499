/* test_numeric_hash.c: hash() values for ints, floats, complex, tuples,
 * str and bytes (SipHash-1-3 under several PYTHONHASHSEED values), against
 * tables printed by a native 64-bit CPython 3.13, whose algorithms are
 * 3.14's (tests/unit/data/numeric/gen_hash.py). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numeric/hash.h"
#include "test_numeric_util.h"

static char buf[4096];

START_TEST(test_str_bytes_table)
{
    size_t n;
    char **lines = numtest_read_lines("hash_str.txt", &n);
    int fails = 0;
    const char *cur = NULL;
    for (size_t i = 0; i < n; i++) {
        char *f[4];
        ck_assert_int_eq(numtest_split(lines[i], f, 4), 3);
        if (!cur || strcmp(cur, f[0]) != 0) {
            ck_assert_int_eq(AdHash_InitSecret(f[0]), 0);
            cur = f[0];
        }
        size_t len = numtest_unhex(f[1], buf);
        AdHash h = AdHash_Bytes(buf, len);
        char got[32];
        snprintf(got, sizeof got, "%lld", (long long)h);
        if (strcmp(got, f[2]) != 0)
            numtest_mismatch(&fails, "hash bytes", f[1], got, f[2]);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

/* Hash of one item of the tuple notation: iHEX, fBITS, t(...) */
static AdHash item_hash(const char **p);

static AdHash tuple_hash(const char **p, char close)
{
    AdHash items[64];
    size_t n = 0;
    while (**p && **p != close) {
        items[n++] = item_hash(p);
        if (**p == ',')
            (*p)++;
    }
    return AdHash_Tuple(items, n);
}

static AdHash item_hash(const char **p)
{
    char tok[200];
    size_t k = 0;
    if (**p == 't') {
        *p += 2;   /* "t(" */
        AdHash h = tuple_hash(p, ')');
        (*p)++;
        return h;
    }
    char kind = *(*p)++;
    while (**p && **p != ',' && **p != ')')
        tok[k++] = *(*p)++;
    tok[k] = '\0';
    if (kind == 'f')
        return AdHash_Double(numtest_double(tok));
    AdBigInt *a = numtest_int(tok);
    AdHash h = AdHash_IntLimbs(a->size, a->limbs);
    AdBigInt_Free(a);
    return h;
}

START_TEST(test_numeric_table)
{
    size_t n;
    char **lines = numtest_read_lines("hash_num.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[4];
        ck_assert_int_eq(numtest_split(lines[i], f, 4), 3);
        AdHash h = 0;
        const char *p = f[1];
        switch (f[0][0]) {
        case 'i': {
            AdBigInt *a = numtest_int(f[1]);
            h = AdHash_IntLimbs(a->size, a->limbs);
            int64_t v;
            if (AdBigInt_AsInt64(a, &v) == 0)
                ck_assert_int_eq(AdHash_Int64(v), h);
            AdBigInt_Free(a);
            break;
        }
        case 'f':
            h = AdHash_Double(numtest_double(f[1]));
            break;
        case 'c': {
            char re[17];
            memcpy(re, f[1], 16);
            re[16] = '\0';
            h = AdHash_Complex(AdHash_Double(numtest_double(re)), AdHash_Double(numtest_double(f[1] + 17)));
            break;
        }
        case 't':
            if (strcmp(p, "-") == 0)
                p = "";
            h = tuple_hash(&p, '\0');
            break;
        }
        char got[32];
        snprintf(got, sizeof got, "%lld", (long long)h);
        if (strcmp(got, f[2]) != 0)
            numtest_mismatch(&fails, "hash", f[1], got, f[2]);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_seed_rules)
{
    ck_assert_int_eq(AdHash_InitSecret("0"), 0);
    const uint8_t *s = AdHash_Secret();
    for (int i = 0; i < 24; i++)
        ck_assert_int_eq(s[i], 0);
    ck_assert_int_eq(AdHash_InitSecret("4294967296"), -1);
    ck_assert_int_eq(AdHash_InitSecret("12x"), -1);
    ck_assert_int_eq(AdHash_InitSecret("-1"), -1);
    ck_assert_int_eq(AdHash_InitSecret("random"), 0);
    ck_assert_int_eq(AdHash_InitSecret(NULL), 0);
    ck_assert_int_eq(AdHash_Bytes("", 0), 0);
    ck_assert_int_eq(AdHash_Int64(-1), -2);
    ck_assert_int_eq(AdHash_Double(1.0 / 0.0), 314159);
    ck_assert_int_eq(AdHash_Double(-1.0 / 0.0), -314159);
}
END_TEST

Suite *numeric_hash_suite(void)
{
    Suite *s = suite_create("numeric_hash");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_seed_rules);
    tcase_add_test(tc, test_str_bytes_table);
    tcase_add_test(tc, test_numeric_table);
    suite_add_tcase(s, tc);
    return s;
}
