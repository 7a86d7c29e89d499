/* math_int.c: the integer functions of the math module: factorial (by
 * binary splitting of the product), comb, perm, gcd and lcm (n-ary), isqrt,
 * on the int kernels of numeric/bigint.h. */
#include "modules/math_internal.h"
#include "numeric/bigint.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"

#include <limits.h>

/* The product lo * (lo+1) * ... * (hi-1) for 1 <= lo < hi (new kernel int). */
static AdBigInt *range_product(uint64_t lo, uint64_t hi, AdNumError *err)
{
    if (hi - lo <= 8) {
        unsigned __int128 acc = 1;
        uint64_t i = lo;
        for (; i < hi; i++) {
            unsigned __int128 next = acc * i;
            if (next >> 64)
                break;
            acc = next;
        }
        if (i == hi)
            return AdBigInt_FromUInt64((uint64_t)acc, err);
    }
    uint64_t mid = lo + (hi - lo) / 2;
    AdBigInt *a = range_product(lo, mid, err);
    if (!a)
        return NULL;
    AdBigInt *b = range_product(mid, hi, err);
    if (!b) {
        AdBigInt_Free(a);
        return NULL;
    }
    AdBigInt *r = AdBigInt_Mul(a, b, err);
    AdBigInt_Free(a);
    AdBigInt_Free(b);
    return r;
}

static AdObject *product_object(uint64_t lo, uint64_t hi)
{
    if (lo >= hi)
        return AdInt_FromInt64(1);
    AdNumError err;
    AdBigInt *r = range_product(lo, hi, &err);
    return AdInt_FromBigInt(r, &err);
}

static AdObject *math_factorial(AdObject *m, AdObject *arg)
{
    (void)m;
    AdObject *n = AdNumber_Index(arg);
    if (!n)
        return NULL;
    int64_t v;
    int fits = AdInt_AsInt64Exact(n, &v);
    int sign = AdInt_Sign(n);
    Ad_DECREF(n);
    if (sign < 0) {
        AdErr_SetString(AdExc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    if (!fits || v > LONG_MAX) {
        AdErr_Format(AdExc_OverflowError, "factorial() argument should not exceed %ld", (long)LONG_MAX);
        return NULL;
    }
    return product_object(1, (uint64_t)v + 1);
}

/* Index values of n and k with the messages of comb()/perm(). */
static int n_and_k(AdObject *narg, AdObject *karg, AdObject **n, AdObject **k)
{
    *n = AdNumber_Index(narg);
    if (!*n)
        return -1;
    *k = AdNumber_Index(karg);
    if (!*k) {
        Ad_DECREF(*n);
        return -1;
    }
    const char *bad = AdInt_Sign(*n) < 0 ? "n must be a non-negative integer"
                    : AdInt_Sign(*k) < 0 ? "k must be a non-negative integer" : NULL;
    if (bad) {
        Ad_DECREF(*n);
        Ad_DECREF(*k);
        AdErr_SetString(AdExc_ValueError, bad);
        return -1;
    }
    return 0;
}

/* n*(n-1)*...*(n-k+1), divided step by step by 1..k when comb. */
static AdObject *falling(AdObject *n, int64_t k, int comb)
{
    AdObject *result = AdInt_FromInt64(1);
    for (int64_t i = 0; result && i < k; i++) {
        AdObject *iv = AdInt_FromInt64(i);
        AdObject *term = iv ? AdNumber_Subtract(n, iv) : NULL;
        Ad_XDECREF(iv);
        AdObject *prod = term ? AdNumber_Multiply(result, term) : NULL;
        Ad_XDECREF(term);
        Ad_DECREF(result);
        result = prod;
        if (result && comb) {
            AdObject *d = AdInt_FromInt64(i + 1);
            AdObject *q = d ? AdNumber_FloorDivide(result, d) : NULL;
            Ad_XDECREF(d);
            Ad_DECREF(result);
            result = q;
        }
    }
    return result;
}

static AdObject *comb_or_perm(AdObject *narg, AdObject *karg, int comb)
{
    AdObject *n, *k, *r = NULL;
    if (n_and_k(narg, karg, &n, &k) < 0)
        return NULL;
    AdObject *diff = AdNumber_Subtract(n, k);
    if (!diff)
        goto done;
    if (AdInt_Sign(diff) < 0) {
        r = AdInt_FromInt64(0);
        goto done;
    }
    AdObject *kk = k;
    if (comb) {
        /* comb(n, k) == comb(n, n-k): use the smaller. */
        AdObject *c = AdNumber_Subtract(k, diff);
        if (!c)
            goto done;
        if (AdInt_Sign(c) > 0)
            kk = diff;
        Ad_DECREF(c);
    }
    int64_t kv;
    if (!AdInt_AsInt64Exact(kk, &kv)) {
        AdErr_Format(AdExc_OverflowError, comb ? "min(n - k, k) must not exceed %lld" : "k must not exceed %lld",
                     (long long)INT64_MAX);
        goto done;
    }
    r = falling(n, kv, comb);
done:
    Ad_XDECREF(diff);
    Ad_DECREF(n);
    Ad_DECREF(k);
    return r;
}

static AdObject *math_comb(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (math_check_nargs("comb", nargs, 2) < 0)
        return NULL;
    return comb_or_perm(args[0], args[1], 1);
}

static AdObject *math_perm(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "perm expected at least 1 argument, got %zd", nargs);
    if (nargs > 2)
        return AdErr_Format(AdExc_TypeError, "perm expected at most 2 arguments, got %zd", nargs);
    if (nargs == 1 || args[1] == Ad_None)
        return math_factorial(m, args[0]);
    return comb_or_perm(args[0], args[1], 0);
}

static AdObject *gcd2(AdObject *a, AdObject *b)
{
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Gcd(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

static AdObject *math_gcd(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    AdObject *g = AdInt_FromInt64(0);
    for (Ad_ssize_t i = 0; g && i < nargs; i++) {
        AdObject *x = AdNumber_Index(args[i]);
        if (!x) {
            AD_CLEAR(g);
            break;
        }
        AdObject *r = gcd2(g, x);
        Ad_DECREF(x);
        Ad_DECREF(g);
        g = r;
    }
    return g;
}

static AdObject *math_lcm(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    AdObject *l = AdInt_FromInt64(1);
    for (Ad_ssize_t i = 0; l && i < nargs; i++) {
        AdObject *x = AdNumber_Index(args[i]);
        if (!x) {
            AD_CLEAR(l);
            break;
        }
        AdObject *r;
        if (AdInt_Sign(l) == 0 || AdInt_Sign(x) == 0) {
            r = AdInt_FromInt64(0);
        } else {
            AdObject *g = gcd2(l, x);
            AdObject *q = g ? AdNumber_FloorDivide(x, g) : NULL;
            AdObject *p = q ? AdNumber_Multiply(l, q) : NULL;
            r = p ? AdNumber_Absolute(p) : NULL;
            Ad_XDECREF(g);
            Ad_XDECREF(q);
            Ad_XDECREF(p);
        }
        Ad_DECREF(x);
        Ad_DECREF(l);
        l = r;
    }
    return l;
}

static AdObject *math_isqrt(AdObject *m, AdObject *arg)
{
    (void)m;
    AdObject *n = AdNumber_Index(arg);
    if (!n)
        return NULL;
    AdNumError err;
    AdObject *r = AdInt_FromBigInt(AdBigInt_Isqrt(AdInt_BIG(n), &err), &err);
    Ad_DECREF(n);
    return r;
}

AdMethodDef modules_math_int_methods[] = {
    {"comb", MATH_FN(math_comb), AD_METH_FASTCALL,
     "comb($module, n, k, /)\n--\n\nNumber of ways to choose k items from n items without repetition and without order."},
    {"factorial", MATH_FN(math_factorial), AD_METH_O,
     "factorial($module, n, /)\n--\n\nFind n!."},
    {"gcd", MATH_FN(math_gcd), AD_METH_FASTCALL,
     "gcd($module, /, *integers)\n--\n\nGreatest Common Divisor."},
    {"isqrt", MATH_FN(math_isqrt), AD_METH_O,
     "isqrt($module, n, /)\n--\n\nReturn the integer part of the square root of the input."},
    {"lcm", MATH_FN(math_lcm), AD_METH_FASTCALL,
     "lcm($module, /, *integers)\n--\n\nLeast Common Multiple."},
    {"perm", MATH_FN(math_perm), AD_METH_FASTCALL,
     "perm($module, n, k=None, /)\n--\n\nNumber of ways to choose k items from n items without repetition and with order."},
    {NULL, NULL, 0, NULL},
};
