/* numeric/floatops.c: float arithmetic with Python's semantics (see
 * floatops.h). */
#include "numeric/floatops.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int AdFloat_Div(double x, double y, double *out, AdNumError *err)
{
    if (y == 0)
        return AdNum_SetError(err, AD_NUM_ZERODIV, "division by zero");
    *out = x / y;
    return 0;
}

int AdFloat_DivMod(double vx, double wx, double *floordiv, double *modp, AdNumError *err)
{
    if (wx == 0)
        return AdNum_SetError(err, AD_NUM_ZERODIV, "division by zero");
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        /* the remainder takes the divisor's sign */
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else
        mod = copysign(0.0, wx);
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else
        fd = copysign(0.0, vx / wx);
    if (floordiv)
        *floordiv = fd;
    if (modp)
        *modp = mod;
    return 0;
}

int AdFloat_FloorDiv(double x, double y, double *out, AdNumError *err)
{
    return AdFloat_DivMod(x, y, out, NULL, err);
}

int AdFloat_Mod(double vx, double wx, double *out, AdNumError *err)
{
    if (wx == 0)
        return AdNum_SetError(err, AD_NUM_ZERODIV, "division by zero");
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0))
            mod += wx;
    } else
        mod = copysign(0.0, wx);
    *out = mod;
    return 0;
}

static int is_odd_integer(double y)
{
    return fabs(fmod(y, 2.0)) == 1.0;
}

int AdFloat_Pow(double iv, double iw, double *out, AdNumError *err)
{
    if (iw == 0) {
        *out = 1.0;
        return 0;
    }
    if (isnan(iv)) {
        *out = iv;
        return 0;
    }
    if (isnan(iw)) {
        *out = iv == 1.0 ? 1.0 : iw;
        return 0;
    }
    if (isinf(iw)) {
        double a = fabs(iv);
        if (a == 1.0)
            *out = 1.0;
        else if ((iw > 0) == (a > 1.0))
            *out = fabs(iw);
        else
            *out = 0.0;
        return 0;
    }
    if (isinf(iv)) {
        int odd = is_odd_integer(iw);
        if (iw > 0)
            *out = odd ? iv : fabs(iv);
        else
            *out = odd ? copysign(0.0, iv) : 0.0;
        return 0;
    }
    if (iv == 0.0) {
        if (iw < 0)
            return AdNum_SetError(err, AD_NUM_ZERODIV, "zero to a negative power");
        *out = is_odd_integer(iw) ? iv : 0.0;
        return 0;
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            return AdNum_SetError(err, AD_NUM_COMPLEX, "%s", "");
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) {
        *out = negate ? -1.0 : 1.0;
        return 0;
    }
    errno = 0;
    double r = pow(iv, iw);
    if (negate)
        r = -r;
    if (isinf(r) || (errno == ERANGE && fabs(r) >= 1.0)) {
        AdNum_SetError(err, AD_NUM_ERRNO, "Numerical result out of range");
        if (err)
            err->errnum = ERANGE;
        return -1;
    }
    *out = r;
    return 0;
}

/* Rounds the exact decimal expansion of |x| at `ndigits` places after the
 * point (negative: before it), ties to even, and reads it back. */
int AdFloat_Round(double x, int64_t ndigits, double *out, AdNumError *err)
{
    const int64_t ndigits_max = 323, ndigits_min = -308;
    if (!isfinite(x) || ndigits > ndigits_max) {
        *out = x;
        return 0;
    }
    if (ndigits < ndigits_min) {
        *out = 0.0 * x;
        return 0;
    }
    if (x == 0) {
        *out = x;
        return 0;
    }
    char buf[400];
    double r;
    if (ndigits >= 0) {
        /* printf rounds the exact value half-to-even */
        char *big = NULL;
        int n = snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        if (n >= (int)sizeof buf) {
            big = malloc((size_t)n + 1);
            if (!big)
                return AdNum_NoMemory(err);
            snprintf(big, (size_t)n + 1, "%.*f", (int)ndigits, x);
        }
        r = strtod(big ? big : buf, NULL);
        free(big);
    } else {
        /* the integer part exactly, then round at position -ndigits */
        int n = snprintf(buf, sizeof buf, "%.0f", trunc(fabs(x)));
        int keep = n + (int)ndigits;   /* integer digits kept */
        double frac = fabs(x) - trunc(fabs(x));
        if (keep < 0) {
            r = 0.0;
        } else {
            /* digits [0, keep) kept; [keep, n) and frac decide rounding */
            int up = 0;
            char first = buf[keep];
            int rest_nonzero = frac != 0;
            for (int i = keep + 1; i < n; i++)
                if (buf[i] != '0')
                    rest_nonzero = 1;
            if (first > '5' || (first == '5' && rest_nonzero))
                up = 1;
            else if (first == '5') {
                int last = keep > 0 ? buf[keep - 1] - '0' : 0;
                up = last & 1;
            }
            char tmp[420];
            int k = 0;
            if (up) {
                /* increment the kept prefix */
                int i = keep - 1;
                memcpy(tmp, buf, (size_t)keep);
                while (i >= 0 && tmp[i] == '9')
                    tmp[i--] = '0';
                if (i < 0) {
                    memmove(tmp + 1, tmp, (size_t)keep);
                    tmp[0] = '1';
                    k = keep + 1;
                } else {
                    tmp[i]++;
                    k = keep;
                }
            } else {
                memcpy(tmp, buf, (size_t)keep);
                k = keep;
            }
            if (k == 0)
                tmp[k++] = '0';
            k += snprintf(tmp + k, sizeof tmp - (size_t)k, "e%d", (int)-ndigits);
            tmp[k] = '\0';
            r = strtod(tmp, NULL);
        }
    }
    if (isinf(r))
        return AdNum_SetError(err, AD_NUM_OVERFLOW, "rounded value too large to represent");
    *out = copysign(r, x);
    return 0;
}

AdBigInt *AdFloat_RoundToInt(double x, AdNumError *err)
{
    double r = x;
    if (isfinite(x)) {
        r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);
    }
    return AdBigInt_FromDouble(r, err);
}

int AdFloat_AsIntegerRatio(double x, AdBigInt **num, AdBigInt **den, AdNumError *err)
{
    if (isinf(x))
        return AdNum_SetError(err, AD_NUM_OVERFLOW, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return AdNum_SetError(err, AD_NUM_VALUE, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    /* make the mantissa an integer (at most 300 doublings) */
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    AdBigInt *n = AdBigInt_FromDouble(m, err);
    if (!n)
        return -1;
    AdBigInt *one = AdBigInt_FromInt64(1, err);
    if (!one) {
        AdBigInt_Free(n);
        return -1;
    }
    AdBigInt *d;
    if (e > 0) {
        AdBigInt *t = AdBigInt_LShiftInt64(n, e, err);
        AdBigInt_Free(n);
        n = t;
        d = one;
    } else {
        d = AdBigInt_LShiftInt64(one, -e, err);
        AdBigInt_Free(one);
    }
    if (!n || !d) {
        AdBigInt_Free(n);
        AdBigInt_Free(d);
        return -1;
    }
    *num = n;
    *den = d;
    return 0;
}

int AdFloat_IsInteger(double x)
{
    return isfinite(x) && floor(x) == x;
}
