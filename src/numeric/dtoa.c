/* numeric/dtoa.c: float <-> text (see dtoa.h). The shortest round-trip
 * digits come from trying 1..17 significant digits with correctly rounded
 * printf and checking with strtod (plus the neighbour above at a power of
 * two, where the lower half-gap is narrower). */
#include "numeric/dtoa.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "%.*e" output -> digits and decimal exponent (value = 0.D * 10**decpt) */
static int split_e(const char *buf, char *digits)
{
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    digits[n] = '\0';
    return atoi(p + 1) + 1;
}

static int digits_round_trip(const char *digits, int nd, int decpt, double x)
{
    char buf[48];
    snprintf(buf, sizeof buf, "0.%.*se%d", nd, digits, decpt);
    return strtod(buf, NULL) == x;
}

void AdDtoa_Shortest(double x, char digits[18], int *ndigits, int *decpt)
{
    char buf[40];
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int pow2 = (bits & ((UINT64_C(1) << 52) - 1)) == 0 && (bits >> 52) > 1;
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, x);
        int dp = split_e(buf, digits);
        if (digits_round_trip(digits, p, dp, x)) {
            *decpt = dp;
            *ndigits = p;
            goto strip;
        }
        if (pow2 && strtod(buf, NULL) < x) {
            /* the candidate one unit above, in the wider upper half-gap */
            char up[19];
            memcpy(up, digits, (size_t)p + 1);
            int i = p - 1;
            while (i >= 0 && up[i] == '9')
                up[i--] = '0';
            int dp2 = dp;
            if (i < 0) {
                memmove(up + 1, up, (size_t)p);
                up[0] = '1';
                up[p] = '\0';
                dp2++;
            } else
                up[i]++;
            if (digits_round_trip(up, p, dp2, x)) {
                memcpy(digits, up, (size_t)p + 1);
                *decpt = dp2;
                *ndigits = p;
                goto strip;
            }
        }
    }
    /* not reached: 17 digits always round-trip */
    snprintf(buf, sizeof buf, "%.16e", x);
    *decpt = split_e(buf, digits);
    *ndigits = 17;
strip:
    while (*ndigits > 1 && digits[*ndigits - 1] == '0')
        digits[--*ndigits] = '\0';
}

int AdDtoa_Repr(double x, AdNumBuf *out)
{
    if (isnan(x))
        return AdNumBuf_AppendStr(out, "nan");
    if (isinf(x))
        return AdNumBuf_AppendStr(out, x > 0 ? "inf" : "-inf");
    char buf[64];
    char *p = buf;
    if (signbit(x))
        *p++ = '-';
    if (x == 0) {
        strcpy(p, "0.0");
        return AdNumBuf_AppendStr(out, buf);
    }
    char d[18];
    int nd, decpt;
    AdDtoa_Shortest(fabs(x), d, &nd, &decpt);
    if (decpt <= -4 || decpt > 16) {
        *p++ = d[0];
        if (nd > 1) {
            *p++ = '.';
            memcpy(p, d + 1, (size_t)nd - 1);
            p += nd - 1;
        }
        int e = decpt - 1;
        p += sprintf(p, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -decpt; i++)
            *p++ = '0';
        memcpy(p, d, (size_t)nd);
        p += nd;
    } else {
        for (int i = 0; i < decpt; i++)
            *p++ = i < nd ? d[i] : '0';
        *p++ = '.';
        if (nd > decpt) {
            memcpy(p, d + decpt, (size_t)(nd - decpt));
            p += nd - decpt;
        } else
            *p++ = '0';
    }
    *p = '\0';
    return AdNumBuf_AppendStr(out, buf);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int match_ci(const char *s, size_t n, const char *word)
{
    size_t wl = strlen(word);
    if (n != wl)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i])
            return 0;
    return 1;
}

/* Copies a digit run with single underscores between digits into *q;
 * returns the number of digits, or -1 on a misplaced underscore. */
static long copy_digits(const char *s, size_t end, size_t *i, char **q)
{
    long n = 0;
    while (*i < end) {
        char c = s[*i];
        if (is_digit(c)) {
            *(*q)++ = c;
            n++;
            (*i)++;
        } else if (c == '_') {
            if (n == 0 || *i + 1 >= end || !is_digit(s[*i + 1]))
                return -1;
            (*i)++;
        } else
            break;
    }
    return n;
}

int AdDtoa_Parse(const char *s, size_t len, double *out, AdNumError *err)
{
    size_t i = 0, end = len;
    while (i < end && is_space(s[i]))
        i++;
    while (end > i && is_space(s[end - 1]))
        end--;
    int neg = 0;
    if (i < end && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (match_ci(s + i, end - i, "inf") || match_ci(s + i, end - i, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return 0;
    }
    if (match_ci(s + i, end - i, "nan")) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    char small[128];
    char *clean = end - i + 2 <= sizeof small ? small : malloc(end - i + 2);
    if (!clean)
        return AdNum_NoMemory(err);
    char *q = clean;
    long nint = copy_digits(s, end, &i, &q), nfrac = 0;
    int ok = nint >= 0;
    if (ok && i < end && s[i] == '.') {
        *q++ = s[i++];
        nfrac = copy_digits(s, end, &i, &q);
        ok = nfrac >= 0;
    }
    ok = ok && nint + nfrac > 0;
    if (ok && i < end && (s[i] == 'e' || s[i] == 'E')) {
        *q++ = s[i++];
        if (i < end && (s[i] == '+' || s[i] == '-'))
            *q++ = s[i++];
        ok = copy_digits(s, end, &i, &q) > 0;
    }
    ok = ok && i == end;
    *q = '\0';
    if (ok) {
        double v = strtod(clean, NULL);
        *out = neg ? -v : v;
    }
    if (clean != small)
        free(clean);
    if (!ok)
        return AdNum_SetError(err, AD_NUM_VALUE_REPR, "could not convert string to float: ");
    return 0;
}

int AdDtoa_ToHex(double x, AdNumBuf *out)
{
    if (isnan(x))
        return AdNumBuf_AppendStr(out, "nan");
    if (isinf(x))
        return AdNumBuf_AppendStr(out, x > 0 ? "inf" : "-inf");
    char buf[48];
    const char *sign = signbit(x) ? "-" : "";
    if (x == 0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
        return AdNumBuf_AppendStr(out, buf);
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7ff);
    int lead = bexp != 0;
    int e = bexp ? bexp - 1023 : -1022;
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%c%d", sign, lead, (unsigned long long)frac,
             e < 0 ? '-' : '+', e < 0 ? -e : e);
    return AdNumBuf_AppendStr(out, buf);
}

static int is_hex(char c)
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

int AdDtoa_FromHex(const char *s, size_t len, double *out, AdNumError *err)
{
    size_t i = 0, end = len;
    while (i < end && is_space(s[i]))
        i++;
    while (end > i && is_space(s[end - 1]))
        end--;
    int neg = 0;
    if (i < end && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (match_ci(s + i, end - i, "inf") || match_ci(s + i, end - i, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return 0;
    }
    if (match_ci(s + i, end - i, "nan")) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    if (i + 1 < end && s[i] == '0' && (s[i + 1] | 0x20) == 'x')
        i += 2;
    size_t need = end - i + 4;
    char small[128];
    char *clean = need <= sizeof small ? small : malloc(need);
    if (!clean)
        return AdNum_NoMemory(err);
    char *q = clean;
    *q++ = '0';
    *q++ = 'x';
    size_t ndig = 0;
    while (i < end && is_hex(s[i])) {
        *q++ = s[i++];
        ndig++;
    }
    if (i < end && s[i] == '.') {
        *q++ = s[i++];
        while (i < end && is_hex(s[i])) {
            *q++ = s[i++];
            ndig++;
        }
    }
    int ok = ndig > 0;
    if (ok && i < end && (s[i] | 0x20) == 'p') {
        *q++ = 'p';
        i++;
        if (i < end && (s[i] == '+' || s[i] == '-'))
            *q++ = s[i++];
        size_t ne = 0;
        while (i < end && is_digit(s[i])) {
            *q++ = s[i++];
            ne++;
        }
        ok = ne > 0;
    }
    ok = ok && i == end;
    *q = '\0';
    double v = 0;
    int range = 0;
    if (ok) {
        errno = 0;
        v = strtod(clean, NULL);
        range = isinf(v);
    }
    if (clean != small)
        free(clean);
    if (!ok)
        return AdNum_SetError(err, AD_NUM_VALUE, "invalid hexadecimal floating-point string");
    if (range)
        return AdNum_SetError(err, AD_NUM_OVERFLOW,
                              "hexadecimal value too large to represent as a float");
    *out = neg ? -v : v;
    return 0;
}
