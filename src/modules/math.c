/* math.c: the math module of Python 3.14: its constants, the functions of
 * one or two floats (trigonometric, hyperbolic, exponential, logarithms
 * with big-int support, gamma, rounding, fma, nextafter, ulp, isclose...)
 * with CPython 3.14's error texts, and the module object that also carries
 * the integer functions (math_int.c) and the sums (math_sum.c). */
#include "import/builtin_modules.h"
#include "modules/math_internal.h"
#include "numeric/bigint.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---- shared helpers --------------------------------------------------------------------- */

int math_as_double(AdObject *o, double *out)
{
    if (AdFloat_CheckExact(o)) {
        *out = AdFloat_AS_DOUBLE(o);
        return 0;
    }
    double d = AdFloat_AsDouble(o);
    if (d == -1.0 && AdErr_Occurred())
        return -1;
    *out = d;
    return 0;
}

int math_check_nargs(const char *name, Ad_ssize_t nargs, Ad_ssize_t n)
{
    if (nargs == n)
        return 0;
    AdErr_Format(AdExc_TypeError, "%s expected %zd argument%s, got %zd", name, n, n == 1 ? "" : "s", nargs);
    return -1;
}

static AdObject *domain_error(void)
{
    AdErr_SetString(AdExc_ValueError, "math domain error");
    return NULL;
}

static AdObject *range_error(void)
{
    AdErr_SetString(AdExc_OverflowError, "math range error");
    return NULL;
}

/* ValueError with a message of the form "... got <repr(x)>". */
static AdObject *value_error_got(const char *msg, double x)
{
    AdObject *f = AdFloat_FromDouble(x);
    if (!f)
        return NULL;
    AdErr_Format(AdExc_ValueError, msg, f);
    Ad_DECREF(f);
    return NULL;
}

/* ---- functions of one float ------------------------------------------------------------- */

/* f(x) with CPython's checks: a NaN from a non-NaN is a domain error (with
 * msg, a format with one %R for x, or "math domain error"); an infinity from
 * a finite x is a range error when can_overflow, else a domain error. */
static AdObject *math_1(AdObject *arg, double (*f)(double), int can_overflow, const char *msg)
{
    double x;
    if (math_as_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x))
        return msg ? value_error_got(msg, x) : domain_error();
    if (isinf(r) && isfinite(x)) {
        if (can_overflow)
            return range_error();
        return msg ? value_error_got(msg, x) : domain_error();
    }
    if (isfinite(r) && errno == ERANGE && fabs(r) >= 1.0 && can_overflow)
        return range_error();
    return AdFloat_FromDouble(r);
}

static const char msg_finite[] = "expected a finite input, got %R";
static const char msg_unit[] = "expected a number in range from -1 up to 1, got %R";

#define MATH_UNARY(pyname, cfunc, ovf, msg)                          \
    static AdObject *math_##pyname(AdObject *m, AdObject *arg)       \
    {                                                                \
        (void)m;                                                     \
        return math_1(arg, cfunc, ovf, msg);                         \
    }

static double m_sqrt(double x) { return x < 0 ? NAN : sqrt(x); }
static double m_acosh(double x) { return x < 1 ? NAN : acosh(x); }
static double m_atanh(double x) { return fabs(x) >= 1 ? NAN : atanh(x); }
static double m_log1p(double x) { return x <= -1 ? NAN : log1p(x); }
static double m_fabs(double x) { return fabs(x); }

MATH_UNARY(acos, acos, 0, msg_unit)
MATH_UNARY(asin, asin, 0, msg_unit)
MATH_UNARY(atan, atan, 0, NULL)
MATH_UNARY(acosh, m_acosh, 0, "expected argument value not less than 1, got %R")
MATH_UNARY(asinh, asinh, 0, NULL)
MATH_UNARY(atanh, m_atanh, 0, "expected a number between -1 and 1, got %R")
MATH_UNARY(cos, cos, 0, msg_finite)
MATH_UNARY(sin, sin, 0, msg_finite)
MATH_UNARY(tan, tan, 0, msg_finite)
MATH_UNARY(cosh, cosh, 1, NULL)
MATH_UNARY(sinh, sinh, 1, NULL)
MATH_UNARY(tanh, tanh, 0, NULL)
MATH_UNARY(exp, exp, 1, NULL)
MATH_UNARY(exp2, exp2, 1, NULL)
MATH_UNARY(expm1, expm1, 1, NULL)
MATH_UNARY(cbrt, cbrt, 0, NULL)
MATH_UNARY(erf, erf, 0, NULL)
MATH_UNARY(erfc, erfc, 0, NULL)
MATH_UNARY(fabs, m_fabs, 0, NULL)
MATH_UNARY(sqrt, m_sqrt, 0, "expected a nonnegative input, got %R")
MATH_UNARY(log1p, m_log1p, 0, "expected argument value > -1, got %R")

/* gamma and lgamma: the poles and the negative infinity are domain errors. */
static int gamma_pole(double x)
{
    return (x <= 0 && isfinite(x) && floor(x) == x) || (isinf(x) && x < 0);
}

static AdObject *math_gamma(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    if (math_as_double(arg, &x) < 0)
        return NULL;
    if (gamma_pole(x))
        return value_error_got("expected a noninteger or positive integer, got %R", x);
    if (isnan(x) || (isinf(x) && x > 0))
        return AdFloat_FromDouble(x);
    double r = tgamma(x);
    if (isinf(r))
        return range_error();
    return AdFloat_FromDouble(r);
}

static AdObject *math_lgamma(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    if (math_as_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return AdFloat_FromDouble(x);
    if (isinf(x))
        return AdFloat_FromDouble(INFINITY);
    if (x <= 0 && floor(x) == x)
        return value_error_got("expected a noninteger or positive integer, got %R", x);
    int sign;
    double r = lgamma_r(x, &sign);
    if (isinf(r))
        return range_error();
    return AdFloat_FromDouble(r);
}

/* ---- logarithms ------------------------------------------------------------------------- */

/* func(x) for an int or float x; big ints are scaled by a power of two
 * first. Sets *out, 0 or -1. */
static int log_helper(AdObject *arg, double (*func)(double), double *out)
{
    if (AdInt_Check(arg)) {
        AdBigInt *b = AdInt_BIG(arg);
        if (AdBigInt_Sign(b) <= 0) {
            AdErr_SetString(AdExc_ValueError, "expected a positive input");
            return -1;
        }
        AdNumError err;
        double d;
        if (AdBigInt_AsDouble(b, &d, &err) == 0) {
            *out = func(d);
            return 0;
        }
        int64_t bits = AdBigInt_BitLength(b);
        int64_t shift = bits - 63;
        AdBigInt *t = AdBigInt_RShiftInt64(b, shift, &err);
        if (!t) {
            ad_num_raise(&err, NULL);
            return -1;
        }
        AdBigInt_AsDouble(t, &d, &err);
        AdBigInt_Free(t);
        *out = func(d) + func(2.0) * (double)shift;
        return 0;
    }
    double x;
    if (math_as_double(arg, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (!(x > 0)) {
        value_error_got("expected a positive input, got %R", x);
        return -1;
    }
    *out = func(x);
    return 0;
}

static AdObject *math_log(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "log expected at least 1 argument, got %zd", nargs);
    if (nargs > 2)
        return AdErr_Format(AdExc_TypeError, "log expected at most 2 arguments, got %zd", nargs);
    double num, den;
    if (log_helper(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 1)
        return AdFloat_FromDouble(num);
    if (log_helper(args[1], log, &den) < 0)
        return NULL;
    if (den == 0.0) {
        AdErr_SetString(AdExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    return AdFloat_FromDouble(num / den);
}

static AdObject *math_log2(AdObject *m, AdObject *arg)
{
    (void)m;
    double r;
    return log_helper(arg, log2, &r) < 0 ? NULL : AdFloat_FromDouble(r);
}

static AdObject *math_log10(AdObject *m, AdObject *arg)
{
    (void)m;
    double r;
    return log_helper(arg, log10, &r) < 0 ? NULL : AdFloat_FromDouble(r);
}

/* ---- functions of two floats ------------------------------------------------------------ */

static int two_doubles(const char *name, AdObject *const *args, Ad_ssize_t nargs, double *x, double *y)
{
    if (math_check_nargs(name, nargs, 2) < 0 || math_as_double(args[0], x) < 0 ||
        math_as_double(args[1], y) < 0)
        return -1;
    return 0;
}

static AdObject *math_atan2(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    double y, x;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0)
        return NULL;
    return AdFloat_FromDouble(atan2(y, x));
}

static AdObject *math_copysign(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0)
        return NULL;
    return AdFloat_FromDouble(copysign(x, y));
}

static AdObject *math_fmod(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return AdFloat_FromDouble(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return AdFloat_FromDouble(r);
}

static AdObject *math_remainder(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0)
        return NULL;
    if (isnan(x) || isnan(y))
        return AdFloat_FromDouble(isnan(x) ? x : y);
    if (isinf(x) || y == 0.0)
        return domain_error();
    if (isinf(y))
        return AdFloat_FromDouble(x);
    return AdFloat_FromDouble(remainder(x, y));
}

static AdObject *math_pow(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    double x, y;
    if (two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    double r;
    if (!isfinite(x) || !isfinite(y)) {
        /* C99 Annex F gives the right special values (1**nan, nan**0 = 1,
         * 0**-inf = inf, ...) without errors. */
        r = pow(x, y);
        return AdFloat_FromDouble(r);
    }
    r = pow(x, y);
    if (isnan(r))
        return domain_error();
    if (isinf(r)) {
        if (x == 0.0)
            return domain_error();
        return range_error();
    }
    return AdFloat_FromDouble(r);
}

static AdObject *math_degrees(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    if (math_as_double(arg, &x) < 0)
        return NULL;
    return AdFloat_FromDouble(x * (180.0 / M_PI));
}

static AdObject *math_radians(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    if (math_as_double(arg, &x) < 0)
        return NULL;
    return AdFloat_FromDouble(x * (M_PI / 180.0));
}

static AdObject *math_fma(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    double x, y, z;
    if (math_check_nargs("fma", nargs, 3) < 0 || math_as_double(args[0], &x) < 0 ||
        math_as_double(args[1], &y) < 0 || math_as_double(args[2], &z) < 0)
        return NULL;
    double r = fma(x, y, z);
    if (!isfinite(r)) {
        if (isnan(r)) {
            if (!isnan(x) && !isnan(y) && !isnan(z)) {
                AdErr_SetString(AdExc_ValueError, "invalid operation in fma");
                return NULL;
            }
        } else if (isfinite(x) && isfinite(y) && isfinite(z)) {
            AdErr_SetString(AdExc_OverflowError, "overflow in fma");
            return NULL;
        }
    }
    return AdFloat_FromDouble(r);
}

/* ---- predicates ------------------------------------------------------------------------- */

static AdObject *math_isfinite(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    return math_as_double(arg, &x) < 0 ? NULL : Ad_NewRef(AdBool_FromLong(isfinite(x)));
}

static AdObject *math_isinf(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    return math_as_double(arg, &x) < 0 ? NULL : Ad_NewRef(AdBool_FromLong(isinf(x)));
}

static AdObject *math_isnan(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    return math_as_double(arg, &x) < 0 ? NULL : Ad_NewRef(AdBool_FromLong(isnan(x)));
}

static AdObject *math_isclose(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    AdObject *a[4];
    if (ad_num_parse_args("isclose", args, nargs, kwnames, NULL, names, 4, 0, 2, 2, a) < 0)
        return NULL;
    double x, y, rel = 1e-9, abs_tol = 0.0;
    if (math_as_double(a[0], &x) < 0 || math_as_double(a[1], &y) < 0 ||
        (a[2] && math_as_double(a[2], &rel) < 0) || (a[3] && math_as_double(a[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0) {
        AdErr_SetString(AdExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x == y)
        Ad_RETURN_TRUE;
    if (isinf(x) || isinf(y))
        Ad_RETURN_FALSE;
    double diff = fabs(y - x);
    int close = (diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || diff <= abs_tol;
    return Ad_NewRef(AdBool_FromLong(close));
}

/* ---- rounding --------------------------------------------------------------------------- */

/* type(x).<dunder>(x) when defined; *found says whether it was. */
static AdObject *call_special(AdObject *x, const char *dunder, int *found)
{
    AdObject *meth = AdObject_LookupSpecial(x, AdStr_InternFromString(dunder));
    *found = meth != NULL;
    if (!meth)
        return NULL;
    AdObject *r = AdObject_CallNoArgs(meth);
    Ad_DECREF(meth);
    return r;
}

static AdObject *round_with(AdObject *x, const char *dunder, double (*f)(double))
{
    if (AdFloat_CheckExact(x))
        return AdInt_FromDouble(f(AdFloat_AS_DOUBLE(x)));
    if (AdInt_CheckExact(x))
        return Ad_NewRef(x);
    int found;
    AdObject *r = call_special(x, dunder, &found);
    if (found || AdErr_Occurred())
        return r;
    double d;
    if (math_as_double(x, &d) < 0)
        return NULL;
    return AdInt_FromDouble(f(d));
}

static AdObject *math_floor(AdObject *m, AdObject *x)
{
    (void)m;
    return round_with(x, "__floor__", floor);
}

static AdObject *math_ceil(AdObject *m, AdObject *x)
{
    (void)m;
    return round_with(x, "__ceil__", ceil);
}

static AdObject *math_trunc(AdObject *m, AdObject *x)
{
    (void)m;
    if (AdFloat_CheckExact(x))
        return AdInt_FromDouble(trunc(AdFloat_AS_DOUBLE(x)));
    int found;
    AdObject *r = call_special(x, "__trunc__", &found);
    if (found || AdErr_Occurred())
        return r;
    return AdErr_Format(AdExc_TypeError, "type %s doesn't define __trunc__ method", AD_TYPE(x)->tp_name);
}

/* ---- decomposition ---------------------------------------------------------------------- */

static AdObject *pair(double a, double b, int int_second, int e)
{
    AdObject *x = AdFloat_FromDouble(a);
    AdObject *y = int_second ? AdInt_FromInt64(e) : AdFloat_FromDouble(b);
    AdObject *t = x && y ? AdTuple_Pack(2, x, y) : NULL;
    Ad_XDECREF(x);
    Ad_XDECREF(y);
    return t;
}

static AdObject *math_frexp(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    if (math_as_double(arg, &x) < 0)
        return NULL;
    int e = 0;
    double f = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    return pair(f, 0, 1, e);
}

static AdObject *math_modf(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    if (math_as_double(arg, &x) < 0)
        return NULL;
    if (isinf(x))
        return pair(copysign(0.0, x), x, 0, 0);
    double ip;
    double fp = modf(x, &ip);
    return pair(fp, ip, 0, 0);
}

static AdObject *math_ldexp(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    double x;
    if (math_check_nargs("ldexp", nargs, 2) < 0 || math_as_double(args[0], &x) < 0)
        return NULL;
    if (!AdInt_Check(args[1])) {
        AdErr_SetString(AdExc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int64_t e;
    if (!AdInt_AsInt64Exact(args[1], &e))
        e = AdInt_Sign(args[1]) > 0 ? INT64_MAX : INT64_MIN;
    if (x == 0.0 || !isfinite(x))
        return AdFloat_FromDouble(x);
    if (e > 100000)
        return range_error();
    if (e < -100000)
        return AdFloat_FromDouble(copysign(0.0, x));
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return AdFloat_FromDouble(r);
}

/* ---- neighbours ------------------------------------------------------------------------- */

/* Maps a double to an integer that orders like the double (-0.0 == 0.0). */
static int64_t order_key(double x)
{
    int64_t i;
    memcpy(&i, &x, sizeof i);
    return i < 0 ? -(i & INT64_MAX) : i;
}

static double from_order_key(int64_t k)
{
    int64_t i = k < 0 ? ((-k) | INT64_MIN) : k;
    double x;
    memcpy(&x, &i, sizeof x);
    return x;
}

static AdObject *math_nextafter(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"x", "y", "steps"};
    AdObject *a[3];
    if (ad_num_parse_args("nextafter", args, nargs, kwnames, NULL, names, 3, 2, 2, 2, a) < 0)
        return NULL;
    double x, y;
    if (math_as_double(a[0], &x) < 0 || math_as_double(a[1], &y) < 0)
        return NULL;
    if (!a[2] || a[2] == Ad_None)
        return AdFloat_FromDouble(nextafter(x, y));
    AdObject *st = AdNumber_Index(a[2]);
    if (!st)
        return NULL;
    int sign = AdInt_Sign(st);
    int64_t steps;
    if (!AdInt_AsInt64Exact(st, &steps))
        steps = INT64_MAX;
    Ad_DECREF(st);
    if (sign < 0) {
        AdErr_SetString(AdExc_ValueError, "steps must be a non-negative integer");
        return NULL;
    }
    if (isnan(x))
        return AdFloat_FromDouble(x);
    if (isnan(y))
        return AdFloat_FromDouble(y);
    if (steps == 0 || x == y)
        return AdFloat_FromDouble(steps == 0 ? x : y);
    int64_t kx = order_key(x), ky = order_key(y);
    uint64_t dist = kx < ky ? (uint64_t)ky - (uint64_t)kx : (uint64_t)kx - (uint64_t)ky;
    if ((uint64_t)steps >= dist)
        return AdFloat_FromDouble(y);
    int64_t k = kx < ky ? kx + steps : kx - steps;
    return AdFloat_FromDouble(from_order_key(k));
}

static AdObject *math_ulp(AdObject *m, AdObject *arg)
{
    (void)m;
    double x;
    if (math_as_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return AdFloat_FromDouble(x);
    x = fabs(x);
    if (isinf(x))
        return AdFloat_FromDouble(x);
    double next = nextafter(x, INFINITY);
    if (isinf(next))
        return AdFloat_FromDouble(x - nextafter(x, -INFINITY));
    return AdFloat_FromDouble(next - x);
}

/* ---- the module ------------------------------------------------------------------------- */

#define O1(name, doc) {#name, MATH_FN(math_##name), AD_METH_O, doc}
#define FC(name, doc) {#name, MATH_FN(math_##name), AD_METH_FASTCALL, doc}
#define FK(name, doc) {#name, MATH_FN(math_##name), AD_METH_FASTCALL | AD_METH_KEYWORDS, doc}

static AdMethodDef math_methods[] = {
    O1(acos, "acos($module, x, /)\n--\n\nReturn the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."),
    O1(acosh, "acosh($module, x, /)\n--\n\nReturn the inverse hyperbolic cosine of x."),
    O1(asin, "asin($module, x, /)\n--\n\nReturn the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."),
    O1(asinh, "asinh($module, x, /)\n--\n\nReturn the inverse hyperbolic sine of x."),
    O1(atan, "atan($module, x, /)\n--\n\nReturn the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."),
    FC(atan2, "atan2($module, y, x, /)\n--\n\nReturn the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered."),
    O1(atanh, "atanh($module, x, /)\n--\n\nReturn the inverse hyperbolic tangent of x."),
    O1(cbrt, "cbrt($module, x, /)\n--\n\nReturn the cube root of x."),
    O1(ceil, "ceil($module, x, /)\n--\n\nReturn the ceiling of x as an Integral.\n\nThis is the smallest integer >= x."),
    FC(copysign, "copysign($module, x, y, /)\n--\n\nReturn a float with the magnitude (absolute value) of x but the sign of y.\n\nOn platforms that support signed zeros, copysign(1.0, -0.0)\nreturns -1.0.\n"),
    O1(cos, "cos($module, x, /)\n--\n\nReturn the cosine of x (measured in radians)."),
    O1(cosh, "cosh($module, x, /)\n--\n\nReturn the hyperbolic cosine of x."),
    O1(degrees, "degrees($module, x, /)\n--\n\nConvert angle x from radians to degrees."),
    O1(erf, "erf($module, x, /)\n--\n\nError function at x."),
    O1(erfc, "erfc($module, x, /)\n--\n\nComplementary error function at x."),
    O1(exp, "exp($module, x, /)\n--\n\nReturn e raised to the power of x."),
    O1(exp2, "exp2($module, x, /)\n--\n\nReturn 2 raised to the power of x."),
    O1(expm1, "expm1($module, x, /)\n--\n\nReturn exp(x)-1.\n\nThis function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x."),
    O1(fabs, "fabs($module, x, /)\n--\n\nReturn the absolute value of the float x."),
    O1(floor, "floor($module, x, /)\n--\n\nReturn the floor of x as an Integral.\n\nThis is the largest integer <= x."),
    FC(fma, "fma($module, x, y, z, /)\n--\n\nFused multiply-add operation.\n\nCompute (x * y) + z with a single round."),
    FC(fmod, "fmod($module, x, y, /)\n--\n\nReturn fmod(x, y), according to platform C.\n\nx % y may differ."),
    O1(frexp, "frexp($module, x, /)\n--\n\nReturn the mantissa and exponent of x, as pair (m, e).\n\nm is a float and e is an int, such that x = m * 2.**e.\nIf x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0."),
    O1(gamma, "gamma($module, x, /)\n--\n\nGamma function at x."),
    FK(isclose, "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\nDetermine whether two floating-point numbers are close in value."),
    O1(isfinite, "isfinite($module, x, /)\n--\n\nReturn True if x is neither an infinity nor a NaN, and False otherwise."),
    O1(isinf, "isinf($module, x, /)\n--\n\nReturn True if x is a positive or negative infinity, and False otherwise."),
    O1(isnan, "isnan($module, x, /)\n--\n\nReturn True if x is a NaN (not a number), and False otherwise."),
    FC(ldexp, "ldexp($module, x, i, /)\n--\n\nReturn x * (2**i).\n\nThis is essentially the inverse of frexp()."),
    O1(lgamma, "lgamma($module, x, /)\n--\n\nNatural logarithm of absolute value of Gamma function at x."),
    FC(log, "log(x, [base=math.e])\nReturn the logarithm of x to the given base.\n\nIf the base is not specified, returns the natural logarithm (base e) of x."),
    O1(log10, "log10($module, x, /)\n--\n\nReturn the base 10 logarithm of x."),
    O1(log1p, "log1p($module, x, /)\n--\n\nReturn the natural logarithm of 1+x (base e).\n\nThe result is computed in a way which is accurate for x near zero."),
    O1(log2, "log2($module, x, /)\n--\n\nReturn the base 2 logarithm of x."),
    O1(modf, "modf($module, x, /)\n--\n\nReturn the fractional and integer parts of x.\n\nBoth results carry the sign of x and are floats."),
    FK(nextafter, "nextafter($module, x, y, /, *, steps=None)\n--\n\nReturn the floating-point value the given number of steps after x towards y."),
    FC(pow, "pow($module, x, y, /)\n--\n\nReturn x**y (x to the power of y)."),
    O1(radians, "radians($module, x, /)\n--\n\nConvert angle x from degrees to radians."),
    FC(remainder, "remainder($module, x, y, /)\n--\n\nDifference between x and the closest integer multiple of y."),
    O1(sin, "sin($module, x, /)\n--\n\nReturn the sine of x (measured in radians)."),
    O1(sinh, "sinh($module, x, /)\n--\n\nReturn the hyperbolic sine of x."),
    O1(sqrt, "sqrt($module, x, /)\n--\n\nReturn the square root of x."),
    O1(tan, "tan($module, x, /)\n--\n\nReturn the tangent of x (measured in radians)."),
    O1(tanh, "tanh($module, x, /)\n--\n\nReturn the hyperbolic tangent of x."),
    O1(trunc, "trunc($module, x, /)\n--\n\nTruncates the Real x to the nearest Integral toward 0.\n\nUses the __trunc__ magic method."),
    O1(ulp, "ulp($module, x, /)\n--\n\nReturn the value of the least significant bit of the float x."),
    {NULL, NULL, 0, NULL},
};

static int add_float(AdObject *m, const char *name, double v)
{
    return AdModule_Add(m, name, AdFloat_FromDouble(v));
}

AdObject *AdModule_InitMath(void)
{
    AdObject *m = AdModule_New("math");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "This module provides access to the mathematical functions\n"
                                 "defined by the C standard.") < 0 ||
        AdModule_AddFunctions(m, math_methods) < 0 ||
        AdModule_AddFunctions(m, modules_math_int_methods) < 0 ||
        AdModule_AddFunctions(m, modules_math_sum_methods) < 0 ||
        add_float(m, "pi", M_PI) < 0 || add_float(m, "e", M_E) < 0 ||
        add_float(m, "tau", 2.0 * M_PI) < 0 || add_float(m, "inf", INFINITY) < 0 ||
        add_float(m, "nan", NAN) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
