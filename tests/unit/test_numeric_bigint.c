/* test_numeric_bigint.c: the big-integer kernel against tables CPython 3.14
 * printed (tests/unit/data/numeric/gen_int.py): arithmetic, bitwise,
 * shifts, pow, conversions to/from float, text in every base, int()
 * parsing and the str-digits limit, to_bytes/from_bytes. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numeric/bigint.h"
#include "test_numeric_util.h"

static char text[400000];

/* Writes the value (Python hex()) or the error of a result into out and
 * frees the result. */
static const char *show(AdBigInt *a, const AdNumError *e, char *out, size_t n)
{
    if (!a)
        return numtest_err(e, out, n);
    char *h = numtest_int_hex(a);
    snprintf(out, n, "%s", h);
    free(h);
    AdBigInt_Free(a);
    return out;
}

static char g1[200000], g2[200000];

static void expect(int *fails, const char *what, const char *in, const char *got, const char *w)
{
    if (strcmp(got, w) != 0)
        numtest_mismatch(fails, what, in, got, w);
}

START_TEST(test_binary_ops_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_ops.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[13];
        ck_assert_int_eq(numtest_split(lines[i], f, 13), 12);
        AdBigInt *a = numtest_int(f[0]), *b = numtest_int(f[1]);
        AdNumError e;
        char in[120];
        snprintf(in, sizeof in, "%.50s %.50s", f[0], f[1]);
        expect(&fails, "add", in, show(AdBigInt_Add(a, b, &e), &e, g1, sizeof g1), f[2]);
        expect(&fails, "sub", in, show(AdBigInt_Sub(a, b, &e), &e, g1, sizeof g1), f[3]);
        expect(&fails, "mul", in, show(AdBigInt_Mul(a, b, &e), &e, g1, sizeof g1), f[4]);
        AdBigInt *q, *r;
        if (AdBigInt_DivMod(a, b, &q, &r, &e) < 0)
            numtest_err(&e, g1, sizeof g1);
        else {
            show(q, &e, g1, sizeof g1);
            show(r, &e, g2, sizeof g2);
            strcat(g1, ",");
            strcat(g1, g2);
        }
        expect(&fails, "divmod", in, g1, f[5]);
        if (b->size) {
            expect(&fails, "floordiv", in, show(AdBigInt_FloorDiv(a, b, &e), &e, g1, sizeof g1),
                   strtok(strcpy(g2, f[5]), ","));
        }
        double d;
        char bb[17];
        if (AdBigInt_TrueDiv(a, b, &d, &e) < 0)
            numtest_err(&e, g1, sizeof g1);
        else
            strcpy(g1, numtest_bits(d, bb));
        expect(&fails, "truediv", in, g1, f[6]);
        expect(&fails, "and", in, show(AdBigInt_And(a, b, &e), &e, g1, sizeof g1), f[7]);
        expect(&fails, "or", in, show(AdBigInt_Or(a, b, &e), &e, g1, sizeof g1), f[8]);
        expect(&fails, "xor", in, show(AdBigInt_Xor(a, b, &e), &e, g1, sizeof g1), f[9]);
        ck_assert_int_eq(AdBigInt_Compare(a, b), atoi(f[10]));
        expect(&fails, "gcd", in, show(AdBigInt_Gcd(a, b, &e), &e, g1, sizeof g1), f[11]);
        int64_t v;
        if (AdBigInt_AsInt64(b, &v) == 0)
            ck_assert_int_eq(AdBigInt_CompareInt64(a, v), atoi(f[10]));
        AdBigInt_Free(a);
        AdBigInt_Free(b);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_unary_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_unary.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[17];
        ck_assert_int_eq(numtest_split(lines[i], f, 17), 16);
        AdBigInt *a = numtest_int(f[0]);
        AdNumError e;
        char in[64];
        snprintf(in, sizeof in, "%.60s", f[0]);
        expect(&fails, "neg", in, show(AdBigInt_Neg(a, &e), &e, g1, sizeof g1), f[1]);
        expect(&fails, "abs", in, show(AdBigInt_Abs(a, &e), &e, g1, sizeof g1), f[2]);
        expect(&fails, "invert", in, show(AdBigInt_Invert(a, &e), &e, g1, sizeof g1), f[3]);
        ck_assert_int_eq(AdBigInt_BitLength(a), atoll(f[4]));
        ck_assert_int_eq(AdBigInt_BitCount(a), atoll(f[5]));
        double d;
        char bb[17];
        if (AdBigInt_AsDouble(a, &d, &e) < 0)
            numtest_err(&e, g1, sizeof g1);
        else
            strcpy(g1, numtest_bits(d, bb));
        expect(&fails, "float", in, g1, f[6]);
        expect(&fails, "isqrt", in, show(AdBigInt_Isqrt(a, &e), &e, g1, sizeof g1), f[7]);
        static const int64_t shifts[] = {7, 64, 200};
        for (int k = 0; k < 3; k++)
            expect(&fails, "lshift", in, show(AdBigInt_LShiftInt64(a, shifts[k], &e), &e, g1, sizeof g1), f[8 + k]);
        static const int64_t rshifts[] = {1, 63, 64, 129, 5000};
        for (int k = 0; k < 5; k++)
            expect(&fails, "rshift", in, show(AdBigInt_RShiftInt64(a, rshifts[k], &e), &e, g1, sizeof g1), f[11 + k]);
        AdBigInt_Free(a);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_shift_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_shift.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[5];
        ck_assert_int_eq(numtest_split(lines[i], f, 5), 4);
        AdBigInt *a = numtest_int(f[0]);
        char cnt[64];
        snprintf(cnt, sizeof cnt, "%s", f[1]);
        AdNumError e;
        AdBigInt *c = AdBigInt_FromText(cnt, strlen(cnt), 10, 0, &e);
        ck_assert_ptr_nonnull(c);
        expect(&fails, "<<", f[0], show(AdBigInt_LShift(a, c, &e), &e, g1, sizeof g1), f[2]);
        expect(&fails, ">>", f[0], show(AdBigInt_RShift(a, c, &e), &e, g1, sizeof g1), f[3]);
        AdBigInt_Free(a);
        AdBigInt_Free(c);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_pow_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_pow.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[5];
        ck_assert_int_eq(numtest_split(lines[i], f, 5), 4);
        AdBigInt *a = numtest_int(f[0]), *b = numtest_int(f[1]);
        AdBigInt *m = strcmp(f[2], "-") ? numtest_int(f[2]) : NULL;
        AdNumError e;
        char in[200];
        snprintf(in, sizeof in, "%.60s %.60s %.60s", f[0], f[1], f[2]);
        expect(&fails, "pow", in, show(AdBigInt_Pow(a, b, m, &e), &e, g1, sizeof g1), f[3]);
        AdBigInt_Free(a);
        AdBigInt_Free(b);
        AdBigInt_Free(m);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_text_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_text.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[4];
        ck_assert_int_eq(numtest_split(lines[i], f, 4), 3);
        AdBigInt *a = numtest_int(f[0]);
        int base = atoi(f[1]);
        AdNumBuf b = {0};
        AdNumError e;
        ck_assert_int_eq(AdBigInt_ToText(a, base, 0, 0, &b, &e), 0);
        expect(&fails, "totext", f[1], b.data, f[2]);
        AdBigInt *c = AdBigInt_FromText(f[2], strlen(f[2]), base, 0, &e);
        ck_assert_ptr_nonnull(c);
        ck_assert_int_eq(AdBigInt_Compare(a, c), 0);
        AdNumBuf_Free(&b);
        AdBigInt_Free(a);
        AdBigInt_Free(c);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_parse_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_parse.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[4];
        ck_assert_int_eq(numtest_split(lines[i], f, 4), 3);
        size_t len = numtest_unhex(f[0], text);
        int ascii = 1;
        for (size_t k = 0; k < len; k++)
            ascii &= (unsigned char)text[k] < 0x80;
        if (!ascii)   /* the caller maps Unicode digits and spaces first */
            continue;
        AdNumError e;
        AdBigInt *a = AdBigInt_FromText(text, len, atoi(f[1]), AD_BIGINT_DEFAULT_MAX_STR_DIGITS, &e);
        const char *got = show(a, &e, g1, sizeof g1);
        /* the literal error carries the repr of the input: compare the prefix */
        const char *w = f[2];
        if (!a && e.kind == AD_NUM_VALUE_REPR) {
            size_t pl = strlen(got);
            if (strncmp(w, got, pl) == 0)
                w = got;
        }
        expect(&fails, "int()", text, got, w);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_limit_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_limit.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[3];
        ck_assert_int_eq(numtest_split(lines[i], f, 3), 2);
        AdBigInt *a = numtest_int(f[0]);
        AdNumBuf b = {0};
        AdNumError e;
        const char *got;
        if (AdBigInt_ToText(a, 10, 0, AD_BIGINT_DEFAULT_MAX_STR_DIGITS, &b, &e) < 0)
            got = numtest_err(&e, g1, sizeof g1);
        else {
            /* the table has the hex of str(v): compare by parsing back */
            AdBigInt *c = AdBigInt_FromText(b.data, b.len, 10, 0, &e);
            got = show(c, &e, g1, sizeof g1);
        }
        expect(&fails, "str limit", f[0], got, f[1][0] == '!' ? f[1] : f[0]);
        AdNumBuf_Free(&b);
        AdBigInt_Free(a);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_bytes_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_bytes.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[6];
        int nf = numtest_split(lines[i], f, 6);
        AdNumError e;
        if (nf == 5) {
            AdBigInt *a = numtest_int(f[0]);
            size_t len = (size_t)atoll(f[1]);
            uint8_t buf[128];
            int little = strcmp(f[2], "little") == 0;
            if (AdBigInt_ToBytes(a, buf, len, little, atoi(f[3]), &e) < 0)
                numtest_err(&e, g1, sizeof g1);
            else {
                for (size_t k = 0; k < len; k++)
                    sprintf(g1 + 2 * k, "%02x", buf[k]);
                if (len == 0)
                    strcpy(g1, "-");
            }
            expect(&fails, "to_bytes", f[0], g1, f[4]);
            AdBigInt_Free(a);
        } else {
            ck_assert_int_eq(nf, 4);
            size_t len = numtest_unhex(f[0], text);
            AdBigInt *a = AdBigInt_FromBytes((const uint8_t *)text, len, strcmp(f[1], "little") == 0,
                                             atoi(f[2]), &e);
            expect(&fails, "from_bytes", f[0], show(a, &e, g1, sizeof g1), f[3]);
        }
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_fromfloat_table)
{
    size_t n;
    char **lines = numtest_read_lines("int_fromfloat.txt", &n);
    int fails = 0;
    for (size_t i = 0; i < n; i++) {
        char *f[3];
        ck_assert_int_eq(numtest_split(lines[i], f, 3), 2);
        AdNumError e;
        expect(&fails, "int(float)", f[0],
               show(AdBigInt_FromDouble(numtest_double(f[0]), &e), &e, g1, sizeof g1), f[1]);
    }
    numtest_free_lines(lines);
    ck_assert_int_eq(fails, 0);
}
END_TEST

START_TEST(test_errors_and_limits)
{
    AdNumError e;
    AdBigInt *one = AdBigInt_FromInt64(1, &e), *zero = AdBigInt_FromInt64(0, &e);
    ck_assert_ptr_null(AdBigInt_FloorDiv(one, zero, &e));
    ck_assert_int_eq(e.kind, AD_NUM_ZERODIV);
    ck_assert_str_eq(e.msg, "division by zero");
    /* an impossible shift or power is a MemoryError, never an abort */
    ck_assert_ptr_null(AdBigInt_LShiftInt64(one, INT64_MAX, &e));
    ck_assert_int_eq(e.kind, AD_NUM_MEMORY);
    AdBigInt *two = AdBigInt_FromInt64(2, &e), *huge = AdBigInt_FromText("1" "0000000000000000000000", 23, 10, 0, &e);
    ck_assert_ptr_null(AdBigInt_Pow(two, huge, NULL, &e));
    ck_assert_int_eq(e.kind, AD_NUM_MEMORY);
    ck_assert_ptr_null(AdBigInt_FromText("12", 2, 37, 0, &e));
    ck_assert_str_eq(e.msg, "int() base must be >= 2 and <= 36, or 0");
    ck_assert_ptr_null(AdBigInt_FromDouble(NAN, &e));
    ck_assert_str_eq(e.msg, "cannot convert float NaN to integer");
    AdBigInt *i64min = AdBigInt_FromInt64(INT64_MIN, &e);
    int64_t v;
    ck_assert_int_eq(AdBigInt_AsInt64(i64min, &v), 0);
    ck_assert(v == INT64_MIN);
    AdBigInt_Free(one);
    AdBigInt_Free(zero);
    AdBigInt_Free(two);
    AdBigInt_Free(huge);
    AdBigInt_Free(i64min);
}
END_TEST

Suite *numeric_bigint_suite(void)
{
    Suite *s = suite_create("numeric_bigint");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_errors_and_limits);
    tcase_add_test(tc, test_binary_ops_table);
    tcase_add_test(tc, test_unary_table);
    tcase_add_test(tc, test_shift_table);
    tcase_add_test(tc, test_pow_table);
    tcase_add_test(tc, test_text_table);
    tcase_add_test(tc, test_parse_table);
    tcase_add_test(tc, test_limit_table);
    tcase_add_test(tc, test_bytes_table);
    tcase_add_test(tc, test_fromfloat_table);
    suite_add_tcase(s, tc);
    return s;
}
