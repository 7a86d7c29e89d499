/* math_sum.c: the math functions over many values: fsum (exact, after
 * Shewchuk's adaptive-precision partials, correctly rounded), hypot and
 * dist (scaled, compensated sum of squares with one correction step of
 * the square root), prod and sumprod (ints exact, floats summed in
 * double-double, anything else with the generic operators). */
#include "modules/math_internal.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- fsum ------------------------------------------------------------------------------- */

static AdObject *math_fsum(AdObject *m, AdObject *seq)
{
    (void)m;
    AdObject *it = AdObject_GetIter(seq);
    if (!it)
        return NULL;
    size_t cap = 32, n = 0;
    double *p = malloc(cap * sizeof *p);
    double special = 0.0, inf_sum = 0.0;
    AdObject *item, *result = NULL;
    if (!p) {
        Ad_DECREF(it);
        return AdErr_NoMemory();
    }
    while ((item = AdIter_Next(it)) != NULL) {
        double x;
        int rc = math_as_double(item, &x);
        Ad_DECREF(item);
        if (rc < 0)
            goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    AdErr_SetString(AdExc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special += xsave;
                n = 0;
            } else {
                if (n == cap) {
                    double *q = realloc(p, 2 * cap * sizeof *p);
                    if (!q) {
                        AdErr_NoMemory();
                        goto done;
                    }
                    p = q;
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (AdErr_Occurred())
        goto done;
    if (special != 0.0) {
        if (isnan(inf_sum))
            AdErr_SetString(AdExc_ValueError, "-inf + inf in fsum");
        else
            result = AdFloat_FromDouble(special);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        /* Add the partials from the top until the sum is inexact. */
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        /* Half-way cases: round by the sign of the next partial. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    result = AdFloat_FromDouble(hi);
done:
    free(p);
    Ad_DECREF(it);
    return result;
}

/* ---- hypot and dist --------------------------------------------------------------------- */

/* sqrt(sum(v[i]**2)) for n values whose largest magnitude is max. */
static double vector_norm(double *v, Ad_ssize_t n, double max, int found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    int e;
    frexp(max, &e);
    double hi = 0.0, lo = 0.0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        double x = ldexp(v[i], -e);
        double sq = x * x;
        double sqlo = fma(x, x, -sq);
        double s = hi + sq;
        double bp = s - hi;
        double err = (hi - (s - bp)) + (sq - bp);
        hi = s;
        lo += err + sqlo;
    }
    double h = sqrt(hi + lo);
    double r = fma(-h, h, hi) + lo;
    h += r / (2.0 * h);
    return ldexp(h, e);
}

static AdObject *math_hypot(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    double small[16], *v = nargs <= 16 ? small : malloc((size_t)nargs * sizeof *v);
    if (!v)
        return AdErr_NoMemory();
    double max = 0.0;
    int found_nan = 0;
    AdObject *r = NULL;
    for (Ad_ssize_t i = 0; i < nargs; i++) {
        double x;
        if (math_as_double(args[i], &x) < 0)
            goto done;
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    r = AdFloat_FromDouble(vector_norm(v, nargs, max, found_nan));
done:
    if (v != small)
        free(v);
    return r;
}

static AdObject *as_tuple(AdObject *o)
{
    if (AdTuple_CheckExact(o))
        return Ad_NewRef(o);
    AdObject *l = AdSequence_List(o);
    if (!l)
        return NULL;
    AdObject *t = AdList_AsTuple(l);
    Ad_DECREF(l);
    return t;
}

static AdObject *math_dist(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (math_check_nargs("dist", nargs, 2) < 0)
        return NULL;
    AdObject *p = as_tuple(args[0]);
    if (!p)
        return NULL;
    AdObject *q = as_tuple(args[1]);
    if (!q) {
        Ad_DECREF(p);
        return NULL;
    }
    AdObject *r = NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(p);
    double small[16], *v = small;
    if (n != AdTuple_GET_SIZE(q)) {
        AdErr_SetString(AdExc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (n > 16 && !(v = malloc((size_t)n * sizeof *v))) {
        AdErr_NoMemory();
        v = small;
        goto done;
    }
    double max = 0.0;
    int found_nan = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (math_as_double(AdTuple_GET_ITEM(p, i), &a) < 0 || math_as_double(AdTuple_GET_ITEM(q, i), &b) < 0)
            goto done;
        double x = fabs(a - b);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    r = AdFloat_FromDouble(vector_norm(v, n, max, found_nan));
done:
    if (v != small)
        free(v);
    Ad_DECREF(p);
    Ad_DECREF(q);
    return r;
}

/* ---- prod and sumprod ------------------------------------------------------------------- */

static AdObject *math_prod(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"iterable", "start"};
    AdObject *a[2];
    if (ad_num_parse_args("prod", args, nargs, kwnames, NULL, names, 2, 1, 1, 1, a) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(a[0]);
    if (!it)
        return NULL;
    AdObject *total = a[1] ? Ad_NewRef(a[1]) : AdInt_FromInt64(1), *item;
    while (total && (item = AdIter_Next(it)) != NULL) {
        AdObject *t = AdNumber_Multiply(total, item);
        Ad_DECREF(item);
        Ad_DECREF(total);
        total = t;
    }
    Ad_DECREF(it);
    if (total && AdErr_Occurred())
        AD_CLEAR(total);
    return total;
}

/* A value that float arithmetic represents exactly: floats, and ints of at
 * most 53 bits. */
static int exact_double(AdObject *o, double *out)
{
    if (AdFloat_CheckExact(o)) {
        *out = AdFloat_AS_DOUBLE(o);
        return 1;
    }
    int64_t v;
    if (AdInt_CheckExact(o) && AdInt_AsInt64Exact(o, &v) && v <= (1LL << 53) && v >= -(1LL << 53)) {
        *out = (double)v;
        return 1;
    }
    return 0;
}

static AdObject *math_sumprod(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (math_check_nargs("sumprod", nargs, 2) < 0)
        return NULL;
    AdObject *pi = AdObject_GetIter(args[0]);
    if (!pi)
        return NULL;
    AdObject *qi = AdObject_GetIter(args[1]);
    if (!qi) {
        Ad_DECREF(pi);
        return NULL;
    }
    AdObject *total = AdInt_FromInt64(0);
    double hi = 0.0, lo = 0.0;
    int in_float = 0;
    while (total) {
        AdObject *a = AdIter_Next(pi);
        if (!a && AdErr_Occurred())
            goto fail;
        AdObject *b = AdIter_Next(qi);
        if (!b && AdErr_Occurred()) {
            Ad_XDECREF(a);
            goto fail;
        }
        if (!a || !b) {
            Ad_XDECREF(a);
            Ad_XDECREF(b);
            if (a || b) {
                AdErr_SetString(AdExc_ValueError, "Inputs are not the same length");
                goto fail;
            }
            break;
        }
        double x, y;
        int both_exact = exact_double(a, &x) && exact_double(b, &y);
        if (both_exact && (AdFloat_CheckExact(a) || AdFloat_CheckExact(b) || in_float)) {
            double p = x * y;
            double plo = fma(x, y, -p);
            double s = hi + p;
            double bp = s - hi;
            lo += ((hi - (s - bp)) + (p - bp)) + plo;
            hi = s;
            in_float = 1;
        } else {
            if (in_float) {
                AdObject *f = AdFloat_FromDouble(hi + lo);
                AdObject *t = f ? AdNumber_Add(total, f) : NULL;
                Ad_XDECREF(f);
                Ad_DECREF(total);
                total = t;
                hi = lo = 0.0;
                in_float = 0;
            }
            AdObject *prod = total ? AdNumber_Multiply(a, b) : NULL;
            AdObject *t = prod ? AdNumber_Add(total, prod) : NULL;
            Ad_XDECREF(prod);
            Ad_XDECREF(total);
            total = t;
        }
        Ad_DECREF(a);
        Ad_DECREF(b);
    }
    if (total && in_float) {
        AdObject *f = AdFloat_FromDouble(hi + lo);
        AdObject *t = f ? AdNumber_Add(total, f) : NULL;
        Ad_XDECREF(f);
        Ad_DECREF(total);
        total = t;
    }
    Ad_DECREF(pi);
    Ad_DECREF(qi);
    return total;
fail:
    Ad_XDECREF(total);
    Ad_DECREF(pi);
    Ad_DECREF(qi);
    return NULL;
}

AdMethodDef modules_math_sum_methods[] = {
    {"dist", MATH_FN(math_dist), AD_METH_FASTCALL,
     "dist($module, p, q, /)\n--\n\nReturn the Euclidean distance between two points p and q."},
    {"fsum", MATH_FN(math_fsum), AD_METH_O,
     "fsum($module, seq, /)\n--\n\nReturn an accurate floating-point sum of values in the iterable seq."},
    {"hypot", MATH_FN(math_hypot), AD_METH_FASTCALL,
     "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point."},
    {"prod", MATH_FN(math_prod), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "prod($module, iterable, /, *, start=1)\n--\n\nCalculate the product of all the elements in the input iterable."},
    {"sumprod", MATH_FN(math_sumprod), AD_METH_FASTCALL,
     "sumprod($module, p, q, /)\n--\n\nReturn the sum of products of values from two iterables p and q."},
    {NULL, NULL, 0, NULL},
};
