/* test_numeric_util.c: helpers shared by the numeric kernel suites (see
 * test_numeric_util.h). */
#include "test_numeric_util.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char **numtest_read_lines(const char *name, size_t *n)
{
    const char *dir = getenv("NUMERIC_DATA_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests/unit/data/numeric", name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    text[size] = '\0';
    size_t count = 0;
    for (long i = 0; i < size; i++)
        count += text[i] == '\n';
    char **lines = malloc((count + 2) * sizeof(char *));
    size_t k = 0;
    char *p = text;
    while (*p) {
        char *nl = strchr(p, '\n');
        lines[k++] = p;
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    lines[k] = NULL;
    lines[k + 1] = text;   /* owner of the storage */
    *n = k;
    return lines;
}

void numtest_free_lines(char **lines)
{
    size_t k = 0;
    while (lines[k])
        k++;
    free(lines[k + 1]);
    free(lines);
}

int numtest_split(char *line, char **fields, int max)
{
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    return n;
}

static int hexval(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

size_t numtest_unhex(const char *hex, char *out)
{
    size_t n = 0;
    if (strcmp(hex, "-") != 0)
        for (; hex[0] && hex[1]; hex += 2)
            out[n++] = (char)(hexval(hex[0]) * 16 + hexval(hex[1]));
    out[n] = '\0';
    return n;
}

double numtest_double(const char *bits16)
{
    uint64_t b = strtoull(bits16, NULL, 16);
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

const char *numtest_bits(double x, char buf[17])
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    snprintf(buf, 17, "%016llx", (unsigned long long)b);
    return buf;
}

AdBigInt *numtest_int(const char *pyhex)
{
    AdNumError e;
    AdBigInt *a = AdBigInt_FromText(pyhex, strlen(pyhex), 0, 0, &e);
    ck_assert_msg(a != NULL, "bad int field %.60s", pyhex);
    return a;
}

char *numtest_int_hex(const AdBigInt *a)
{
    AdNumBuf b = {0};
    AdNumError e;
    ck_assert_int_eq(AdBigInt_ToText(a, 16, 1, 0, &b, &e), 0);
    return b.data;
}

const char *numtest_err(const AdNumError *e, char *buf, size_t n)
{
    const char *t = "?";
    switch (e->kind) {
    case AD_NUM_MEMORY: t = "MemoryError"; break;
    case AD_NUM_OVERFLOW: case AD_NUM_ERRNO: t = "OverflowError"; break;
    case AD_NUM_VALUE: case AD_NUM_VALUE_REPR: t = "ValueError"; break;
    case AD_NUM_ZERODIV: t = "ZeroDivisionError"; break;
    case AD_NUM_COMPLEX: t = "complex"; break;
    case AD_NUM_OK: t = "OK?"; break;
    }
    snprintf(buf, n, "!%s:%s", t, e->msg);
    return buf;
}

void numtest_mismatch(int *fails, const char *what, const char *input, const char *got,
                      const char *want)
{
    if (++*fails <= 20)
        fprintf(stderr, "MISMATCH %s: input [%.200s]\n   got  [%.300s]\n   want [%.300s]\n", what,
                input, got, want);
}
