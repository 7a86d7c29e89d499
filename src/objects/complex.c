/* complex.c: the complex object: C-level arithmetic (with 3.14's
 * mixed-mode rules for real operands), the number protocol, == and !=,
 * hash, repr, __format__, complex() construction from numbers and text
 * (with 3.14's deprecations), and the methods. */
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/abstract.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "numeric/dtoa.h"
#include "numeric/format.h"
#include "numeric/hash.h"
#include "unicode/unicode_db.h"

#include <errno.h>
#include <math.h>
#include <string.h>

/* ---- objects ------------------------------------------------------------------------- */

AdObject *AdComplex_FromCComplex(AdComplex c)
{
    AdComplexObject *o = AdMem_Malloc(sizeof(AdComplexObject));
    if (!o)
        return AdErr_NoMemory();
    o->ob_base.ob_refcnt = 1;
    o->ob_base.ob_type = &AdComplex_Type;
    o->cval = c;
    return (AdObject *)o;
}

AdObject *AdComplex_FromDoubles(double real, double imag)
{
    AdComplex c = {real, imag};
    return AdComplex_FromCComplex(c);
}

static void complex_dealloc(AdObject *o)
{
    if (Ad_IS_TYPE(o, &AdComplex_Type))
        AdMem_Free(o);
    else
        AD_TYPE(o)->tp_free(o);
}

#define CVAL(o) (((AdComplexObject *)(o))->cval)

/* ---- C arithmetic ---------------------------------------------------------------------------- */

static AdComplex c_sum(AdComplex a, AdComplex b) { return (AdComplex){a.real + b.real, a.imag + b.imag}; }
static AdComplex c_diff(AdComplex a, AdComplex b) { return (AdComplex){a.real - b.real, a.imag - b.imag}; }
static AdComplex c_neg(AdComplex a) { return (AdComplex){-a.real, -a.imag}; }
/* a * b, recovering infinities that NaNs hide, as C11 Annex G (and 3.14)
 * does: an infinite factor makes an infinite product. */
static AdComplex c_prod(AdComplex z, AdComplex w)
{
    double a = z.real, b = z.imag, c = w.real, d = w.imag;
    double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
    AdComplex r = {ac - bd, ad + bc};
    if (isnan(r.real) && isnan(r.imag)) {
        int recalc = 0;
        if (isinf(a) || isinf(b)) {
            a = copysign(isinf(a) ? 1.0 : 0.0, a);
            b = copysign(isinf(b) ? 1.0 : 0.0, b);
            if (isnan(c)) c = copysign(0.0, c);
            if (isnan(d)) d = copysign(0.0, d);
            recalc = 1;
        }
        if (isinf(c) || isinf(d)) {
            c = copysign(isinf(c) ? 1.0 : 0.0, c);
            d = copysign(isinf(d) ? 1.0 : 0.0, d);
            if (isnan(a)) a = copysign(0.0, a);
            if (isnan(b)) b = copysign(0.0, b);
            recalc = 1;
        }
        if (!recalc && (isinf(ac) || isinf(bd) || isinf(ad) || isinf(bc))) {
            if (isnan(a)) a = copysign(0.0, a);
            if (isnan(b)) b = copysign(0.0, b);
            if (isnan(c)) c = copysign(0.0, c);
            if (isnan(d)) d = copysign(0.0, d);
            recalc = 1;
        }
        if (recalc) {
            r.real = INFINITY * (a * c - b * d);
            r.imag = INFINITY * (a * d + b * c);
        }
    }
    return r;
}

/* a / b by Smith's method, recovering infinities and zeros as C99 Annex G
 * asks; errno EDOM for a zero divisor. */
static AdComplex c_quot(AdComplex a, AdComplex b)
{
    AdComplex r;
    double abs_breal = fabs(b.real), abs_bimag = fabs(b.imag);
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        }
        else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    }
    else if (abs_bimag >= abs_breal) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    }
    else {
        r.real = r.imag = NAN;      /* at least one of b's parts is a NaN */
    }
    if (isnan(r.real) && isnan(r.imag)) {
        /* Recover infinities and zeros that the formula lost. */
        if ((isinf(a.real) || isinf(a.imag)) && isfinite(b.real) && isfinite(b.imag)) {
            double x = copysign(isinf(a.real) ? 1.0 : 0.0, a.real);
            double y = copysign(isinf(a.imag) ? 1.0 : 0.0, a.imag);
            r.real = INFINITY * (x * b.real + y * b.imag);
            r.imag = INFINITY * (y * b.real - x * b.imag);
        }
        else if ((isinf(abs_breal) || isinf(abs_bimag)) && isfinite(a.real) && isfinite(a.imag)) {
            double x = copysign(isinf(b.real) ? 1.0 : 0.0, b.real);
            double y = copysign(isinf(b.imag) ? 1.0 : 0.0, b.imag);
            r.real = 0.0 * (a.real * x + a.imag * y);
            r.imag = 0.0 * (a.imag * x - a.real * y);
        }
    }
    return r;
}

/* a / b for a real a: Smith's method without the imaginary part of the
 * dividend (so zeros keep the signs 3.14 gives them), with the same
 * recovery of zeros for an infinite divisor. */
static AdComplex rc_quot(double a, AdComplex b)
{
    AdComplex r;
    double abs_breal = fabs(b.real), abs_bimag = fabs(b.imag);
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        }
        else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = a / denom;
            r.imag = (-a * ratio) / denom;
        }
    }
    else if (abs_bimag >= abs_breal) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a * ratio) / denom;
        r.imag = (-a) / denom;
    }
    else
        r.real = r.imag = NAN;
    if (isnan(r.real) && isnan(r.imag) && isfinite(a) && (isinf(abs_breal) || isinf(abs_bimag))) {
        double x = copysign(isinf(b.real) ? 1.0 : 0.0, b.real);
        double y = copysign(isinf(b.imag) ? 1.0 : 0.0, b.imag);
        r.real = 0.0 * (a * x);
        r.imag = 0.0 * (-a * y);
    }
    return r;
}

static AdComplex c_pow(AdComplex a, AdComplex b)
{
    AdComplex r;
    if (b.real == 0.0 && b.imag == 0.0)
        return (AdComplex){1.0, 0.0};
    if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0)
            errno = EDOM;
        return (AdComplex){0.0, 0.0};
    }
    double vabs = hypot(a.real, a.imag);
    double len = pow(vabs, b.real);
    double at = atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
        len /= exp(at * b.imag);
        phase += b.imag * log(vabs);
    }
    r.real = len * cos(phase);
    r.imag = len * sin(phase);
    return r;
}

static AdComplex c_powu(AdComplex x, long n)
{
    AdComplex r = {1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static AdComplex c_powi(AdComplex x, long n)
{
    if (n > 0)
        return c_powu(x, n);
    return c_quot((AdComplex){1.0, 0.0}, c_powu(x, -n));
}

/* |z|: errno ERANGE when finite parts overflow. */
static double c_abs(AdComplex z)
{
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (isinf(z.real))
            return fabs(z.real);
        if (isinf(z.imag))
            return fabs(z.imag);
        return NAN;
    }
    double r = hypot(z.real, z.imag);
    if (!isfinite(r))
        errno = ERANGE;
    return r;
}

/* ---- conversions ------------------------------------------------------------------------ */

/* The result of __complex__, checked (new ref), or NULL with no exception
 * when o has none. */
static AdObject *try_complex_method(AdObject *o, int *failed)
{
    *failed = 0;
    AdObject *name = AdStr_InternFromString("__complex__");
    if (!name) {
        *failed = 1;
        return NULL;
    }
    AdObject *m = AdObject_LookupSpecial(o, name);
    Ad_DECREF(name);
    if (!m) {
        *failed = AdErr_Occurred() != NULL;
        return NULL;
    }
    AdObject *r = AdObject_CallNoArgs(m);
    Ad_DECREF(m);
    if (r && !AdComplex_CheckExact(r)) {
        if (!AdComplex_Check(r)) {
            AdErr_Format(AdExc_TypeError, "__complex__ returned non-complex (type %s)",
                         AdType_Name(AD_TYPE(r)));
            AD_CLEAR(r);
        }
        else if (AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                                  "__complex__ returned non-complex (type %s).  The ability to "
                                  "return an instance of a strict subclass of complex is deprecated, "
                                  "and may be removed in a future version of Python.",
                                  AdType_Name(AD_TYPE(r))) < 0)
            AD_CLEAR(r);
    }
    if (!r)
        *failed = 1;
    return r;
}

int AdComplex_AsCComplex(AdObject *o, AdComplex *out)
{
    if (AdComplex_Check(o)) {
        *out = CVAL(o);
        return 0;
    }
    int failed;
    AdObject *c = try_complex_method(o, &failed);
    if (c) {
        *out = CVAL(c);
        Ad_DECREF(c);
        return 0;
    }
    if (failed)
        return -1;
    double d = AdFloat_AsDouble(o);
    if (d == -1.0 && AdErr_Occurred())
        return -1;
    out->real = d;
    out->imag = 0.0;
    return 0;
}

double AdComplex_RealAsDouble(AdObject *o)
{
    if (AdComplex_Check(o))
        return CVAL(o).real;
    AdComplex c;
    if (AdComplex_AsCComplex(o, &c) < 0)
        return -1.0;
    return c.real;
}

double AdComplex_ImagAsDouble(AdObject *o)
{
    if (AdComplex_Check(o))
        return CVAL(o).imag;
    AdComplex c;
    if (AdComplex_AsCComplex(o, &c) < 0)
        return -1.0;
    return c.imag;
}

/* ---- the number protocol ------------------------------------------------------------------ */

/* An operand: 1 complex, 0 real (*r set), -1 error, 2 not a number we know. */
static int operand(AdObject *o, AdComplex *c, double *r)
{
    if (AdComplex_Check(o)) {
        *c = CVAL(o);
        return 1;
    }
    if (AdFloat_Check(o)) {
        *r = AdFloat_AS_DOUBLE(o);
        return 0;
    }
    if (AdInt_Check(o)) {
        *r = AdInt_AsDouble(o);
        if (*r == -1.0 && AdErr_Occurred())
            return -1;
        return 0;
    }
    return 2;
}

#define OPERANDS(a, b) \
    AdComplex ca = {0, 0}, cb = {0, 0}; \
    double ra = 0, rb = 0; \
    int ka = operand(a, &ca, &ra); \
    if (ka < 0) return NULL; \
    if (ka == 2) Ad_RETURN_NOTIMPLEMENTED; \
    int kb = operand(b, &cb, &rb); \
    if (kb < 0) return NULL; \
    if (kb == 2) Ad_RETURN_NOTIMPLEMENTED

static AdObject *complex_add(AdObject *a, AdObject *b)
{
    OPERANDS(a, b);
    if (ka && kb)
        return AdComplex_FromCComplex(c_sum(ca, cb));
    if (ka)
        return AdComplex_FromDoubles(ca.real + rb, ca.imag);
    return AdComplex_FromDoubles(ra + cb.real, cb.imag);
}

static AdObject *complex_sub(AdObject *a, AdObject *b)
{
    OPERANDS(a, b);
    if (ka && kb)
        return AdComplex_FromCComplex(c_diff(ca, cb));
    if (ka)
        return AdComplex_FromDoubles(ca.real - rb, ca.imag);
    return AdComplex_FromDoubles(ra - cb.real, -cb.imag);
}

static AdObject *complex_mul(AdObject *a, AdObject *b)
{
    OPERANDS(a, b);
    if (ka && kb)
        return AdComplex_FromCComplex(c_prod(ca, cb));
    if (ka)
        return AdComplex_FromDoubles(ca.real * rb, ca.imag * rb);
    return AdComplex_FromDoubles(ra * cb.real, ra * cb.imag);
}

static AdObject *complex_div(AdObject *a, AdObject *b)
{
    OPERANDS(a, b);
    AdComplex q;
    errno = 0;
    if (ka && !kb) {
        if (rb == 0.0)
            errno = EDOM;
        else
            q = (AdComplex){ca.real / rb, ca.imag / rb};
    }
    else if (!ka)
        q = rc_quot(ra, cb);
    else
        q = c_quot(ca, cb);
    if (errno == EDOM) {
        AdErr_SetString(AdExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    return AdComplex_FromCComplex(q);
}

static AdObject *complex_pow(AdObject *a, AdObject *b, AdObject *m)
{
    OPERANDS(a, b);
    if (m != Ad_None) {
        AdErr_SetString(AdExc_ValueError, "complex modulo");
        return NULL;
    }
    if (!ka)
        ca = (AdComplex){ra, 0.0};
    if (!kb)
        cb = (AdComplex){rb, 0.0};
    AdComplex p;
    errno = 0;
    if (cb.imag == 0.0 && cb.real == floor(cb.real) && fabs(cb.real) <= 100.0)
        p = c_powi(ca, (long)cb.real);
    else
        p = c_pow(ca, cb);
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0)
            errno = ERANGE;
    }
    else if (errno == ERANGE)
        errno = 0;
    if (errno == EDOM) {
        AdErr_SetString(AdExc_ZeroDivisionError, "zero to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        AdErr_SetString(AdExc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return AdComplex_FromCComplex(p);
}

static AdObject *complex_neg(AdObject *a)
{
    return AdComplex_FromCComplex(c_neg(CVAL(a)));
}

static AdObject *complex_pos(AdObject *a)
{
    if (AdComplex_CheckExact(a))
        return Ad_NewRef(a);
    return AdComplex_FromCComplex(CVAL(a));
}

static AdObject *complex_abs(AdObject *a)
{
    errno = 0;
    double r = c_abs(CVAL(a));
    if (errno == ERANGE) {
        AdErr_SetString(AdExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return AdFloat_FromDouble(r);
}

static int complex_bool(AdObject *a)
{
    return CVAL(a).real != 0.0 || CVAL(a).imag != 0.0;
}

static AdNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

/* ---- comparison, hash, repr ------------------------------------------------------------- */

static AdObject *complex_richcompare(AdObject *a, AdObject *b, int op)
{
    if (op != AD_EQ && op != AD_NE)
        Ad_RETURN_NOTIMPLEMENTED;
    AdComplex c = CVAL(a);
    int eq;
    if (AdInt_Check(b)) {
        if (c.imag != 0.0)
            eq = 0;
        else
            eq = ad_float_compare_int(c.real, b) == 0;
    }
    else if (AdFloat_Check(b))
        eq = c.real == AdFloat_AS_DOUBLE(b) && c.imag == 0.0;
    else if (AdComplex_Check(b))
        eq = c.real == CVAL(b).real && c.imag == CVAL(b).imag;
    else
        Ad_RETURN_NOTIMPLEMENTED;
    return AdBool_FromLong(op == AD_EQ ? eq : !eq);
}

static Ad_hash_t complex_hash(AdObject *a)
{
    AdComplex c = CVAL(a);
    AdHash hr = isnan(c.real) ? ad_hash_pointer(a) : AdHash_Double(c.real);
    AdHash hi = isnan(c.imag) ? ad_hash_pointer(a) : AdHash_Double(c.imag);
    return AdHash_Complex(hr, hi);
}

/* repr of one part: the shortest repr without a trailing ".0"; with
 * force_sign a '+' before non-negative values. */
static int part_repr(double x, int force_sign, AdNumBuf *out)
{
    AdNumBuf b = {0};
    if (AdDtoa_Repr(x, &b) < 0) {
        AdNumBuf_Free(&b);
        return -1;
    }
    if (b.len >= 2 && b.data[b.len - 2] == '.' && b.data[b.len - 1] == '0')
        b.len -= 2;
    int rc = 0;
    if (force_sign && b.data[0] != '-')
        rc = AdNumBuf_AppendChar(out, '+');
    if (rc == 0)
        rc = AdNumBuf_Append(out, b.data, b.len);
    AdNumBuf_Free(&b);
    return rc;
}

static AdObject *complex_repr(AdObject *a)
{
    AdComplex c = CVAL(a);
    AdNumBuf out = {0};
    int rc;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
        rc = part_repr(c.imag, 0, &out);
        if (rc == 0)
            rc = AdNumBuf_AppendChar(&out, 'j');
    }
    else {
        rc = AdNumBuf_AppendChar(&out, '(');
        if (rc == 0)
            rc = part_repr(c.real, 0, &out);
        if (rc == 0)
            rc = part_repr(c.imag, 1, &out);
        if (rc == 0)
            rc = AdNumBuf_AppendStr(&out, "j)");
    }
    if (rc < 0) {
        AdNumBuf_Free(&out);
        return AdErr_NoMemory();
    }
    AdObject *r = AdStr_FromStringAndSize(out.data, (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return r;
}

/* ---- __format__ --------------------------------------------------------------------------- */

static int format_part(double x, const AdFormatSpec *spec, char sign, AdNumBuf *out, AdNumError *err)
{
    AdFormatSpec p = *spec;
    p.width = -1;
    p.align = 0;
    p.fill = ' ';
    p.fill_given = 0;
    p.sign = sign;
    if (spec->type == 0 && spec->precision >= 0)
        p.type = 'g';
    size_t start = out->len;
    if (AdFormat_Double(x, &p, "complex", out, err) < 0)
        return -1;
    /* No type: the repr form, without the ".0" a float would get. */
    if (spec->type == 0 && spec->precision < 0 && out->len - start >= 2 &&
        out->data[out->len - 2] == '.' && out->data[out->len - 1] == '0') {
        out->len -= 2;
        out->data[out->len] = 0;
    }
    return 0;
}

static AdObject *complex_format(AdObject *self, AdObject *spec)
{
    if (!AdStr_Check(spec))
        return AdErr_Format(AdExc_TypeError, "__format__() argument must be str, not %s",
                            AdType_Name(AD_TYPE(spec)));
    if (AdStr_LENGTH(spec) == 0)
        return AdObject_Str(self);
    Ad_ssize_t slen;
    const char *s = AdStr_AsUTF8AndSize(spec, &slen);
    if (!s)
        return NULL;
    AdFormatSpec fs;
    AdNumError err;
    if (AdFormat_ParseSpec(s, (size_t)slen, "complex", &fs, &err) < 0)
        return ad_num_raise(&err, NULL);
    if (fs.fill == '0') {
        AdErr_SetString(AdExc_ValueError, "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (fs.align == '=') {
        AdErr_SetString(AdExc_ValueError,
                        "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    switch (fs.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        if (fs.type < 128 && fs.type > 32)
            return AdErr_Format(AdExc_ValueError, "Unknown format code '%c' for object of type '%s'",
                                (int)fs.type, AdType_Name(AD_TYPE(self)));
        return AdErr_Format(AdExc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                            (unsigned)fs.type, AdType_Name(AD_TYPE(self)));
    }
    AdComplex c = CVAL(self);
    int parens = fs.type == 0;
    int skip_re = parens && c.real == 0.0 && copysign(1.0, c.real) == 1.0;
    AdNumBuf body = {0};
    int rc = 0;
    if (parens && !skip_re)
        rc = AdNumBuf_AppendChar(&body, '(') < 0 ? AdNum_NoMemory(&err) : 0;
    if (rc == 0 && !skip_re)
        rc = format_part(c.real, &fs, fs.sign, &body, &err);
    if (rc == 0)
        rc = format_part(c.imag, &fs, skip_re ? fs.sign : '+', &body, &err);
    if (rc == 0 && AdNumBuf_AppendChar(&body, 'j') < 0)
        rc = AdNum_NoMemory(&err);
    if (rc == 0 && parens && !skip_re && AdNumBuf_AppendChar(&body, ')') < 0)
        rc = AdNum_NoMemory(&err);
    if (rc < 0) {
        AdNumBuf_Free(&body);
        return ad_num_raise(&err, NULL);
    }
    /* Pad the whole to the width (the body is ASCII). */
    AdStrWriter w;
    AdStrWriter_Init(&w);
    int64_t pad = fs.width > (int64_t)body.len ? fs.width - (int64_t)body.len : 0;
    char align = fs.align ? fs.align : '>';
    int64_t left = align == '<' ? 0 : align == '^' ? pad / 2 : pad;
    int64_t right = pad - left;
    int ok = 1;
    for (int64_t i = 0; ok && i < left; i++)
        ok = AdStrWriter_WriteChar(&w, fs.fill) == 0;
    ok = ok && AdStrWriter_WriteASCII(&w, body.data, (Ad_ssize_t)body.len) == 0;
    for (int64_t i = 0; ok && i < right; i++)
        ok = AdStrWriter_WriteChar(&w, fs.fill) == 0;
    AdNumBuf_Free(&body);
    if (!ok) {
        AdStrWriter_Dealloc(&w);
        return NULL;
    }
    return AdStrWriter_Finish(&w);
}

/* ---- construction -------------------------------------------------------------------------- */

static AdObject *complex_subtype(AdTypeObject *type, AdComplex c)
{
    if (type == &AdComplex_Type)
        return AdComplex_FromCComplex(c);
    AdObject *o = type->tp_alloc(type, 0);
    if (o)
        CVAL(o) = c;
    return o;
}

static AdObject *malformed(void)
{
    AdErr_SetString(AdExc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

/* End of a float-like token at s[i..n) (sign, digits, '_', '.', exponent,
 * or inf/infinity/nan). */
static size_t scan_number(const char *s, size_t i, size_t n)
{
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    if (n - i >= 8 && strncasecmp(s + i, "infinity", 8) == 0)
        return i + 8;
    if (n - i >= 3 && (strncasecmp(s + i, "inf", 3) == 0 || strncasecmp(s + i, "nan", 3) == 0))
        return i + 3;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '.'))
        i++;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < n && (s[j] == '+' || s[j] == '-'))
            j++;
        if (j < n && s[j] >= '0' && s[j] <= '9') {
            i = j;
            while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
                i++;
        }
    }
    return i;
}

/* Value of token s[a..b): a sign alone means 1 with that sign. 0 or -1. */
static int token_value(const char *s, size_t a, size_t b, double *out)
{
    if (b == a) {
        *out = 1.0;
        return 0;
    }
    if (b == a + 1 && (s[a] == '+' || s[a] == '-')) {
        *out = s[a] == '-' ? -1.0 : 1.0;
        return 0;
    }
    AdNumError err;
    return AdDtoa_Parse(s + a, b - a, out, &err);
}

static AdObject *complex_from_text(AdTypeObject *type, AdObject *str)
{
    Ad_ssize_t n = AdStr_LENGTH(str);
    char *buf = AdMem_Malloc((size_t)n + 1);
    if (!buf)
        return AdErr_NoMemory();
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t ch = AdStr_READ_CHAR(str, i);
        int d;
        if (ch < 128)
            buf[i] = (char)ch;
        else if (AdUnicode_IsSpace(ch))
            buf[i] = ' ';
        else if ((d = AdUnicode_Decimal(ch)) >= 0)
            buf[i] = (char)('0' + d);
        else
            buf[i] = '?';
    }
    buf[n] = 0;
    /* Underscores only between digits, as in float(); then dropped. */
    size_t w = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (buf[i] == '_') {
            if (i == 0 || i + 1 == n || !(buf[i - 1] >= '0' && buf[i - 1] <= '9') ||
                !(buf[i + 1] >= '0' && buf[i + 1] <= '9')) {
                AdMem_Free(buf);
                return AdErr_Format(AdExc_ValueError, "could not convert string to complex: %R", str);
            }
            continue;
        }
        buf[w++] = buf[i];
    }
    buf[w] = 0;
    size_t lo = 0, hi = w;
    AdComplex c = {0.0, 0.0};
    int ok = 0;
#define IS_WS(ch) ((ch) == ' ' || ((ch) >= '\t' && (ch) <= '\r'))
    while (lo < hi && IS_WS(buf[lo]))
        lo++;
    while (hi > lo && IS_WS(buf[hi - 1]))
        hi--;
    if (lo < hi && buf[lo] == '(') {
        if (buf[hi - 1] != ')')
            goto done;
        lo++;
        hi--;
        while (lo < hi && IS_WS(buf[lo]))
            lo++;
        while (hi > lo && IS_WS(buf[hi - 1]))
            hi--;
    }
#undef IS_WS
    if (lo >= hi)
        goto done;
    size_t e1 = scan_number(buf, lo, hi);
    double v1, v2;
    if (e1 == hi) {                                     /* real only */
        if (token_value(buf, lo, e1, &v1) < 0 || e1 == lo)
            goto done;
        c.real = v1;
        ok = 1;
    }
    else if ((buf[e1] == 'j' || buf[e1] == 'J') && e1 + 1 == hi) {   /* imaginary only */
        if (token_value(buf, lo, e1, &v1) < 0)
            goto done;
        c.imag = v1;
        ok = 1;
    }
    else if ((buf[e1] == '+' || buf[e1] == '-') && e1 > lo &&
             !(e1 == lo + 1 && (buf[lo] == '+' || buf[lo] == '-'))) {
        size_t e2 = scan_number(buf, e1, hi);
        if (e2 + 1 != hi || (buf[e2] != 'j' && buf[e2] != 'J'))
            goto done;
        if (token_value(buf, lo, e1, &v1) < 0 || token_value(buf, e1, e2, &v2) < 0)
            goto done;
        c.real = v1;
        c.imag = v2;
        ok = 1;
    }
done:
    AdMem_Free(buf);
    if (!ok)
        return malformed();
    return complex_subtype(type, c);
}

static AdObject *complex_make(AdTypeObject *type, AdObject *r, AdObject *i)
{
    if (!r)
        r = AdInt_FromInt64(0);
    if (AdStr_Check(r)) {
        if (i)
            return AdErr_Format(AdExc_TypeError, "complex() argument 'real' must be a real number, not %s",
                                AdType_Name(AD_TYPE(r)));
        return complex_from_text(type, r);
    }
    if (i && AdStr_Check(i))
        return AdErr_Format(AdExc_TypeError, "complex() argument 'imag' must be a real number, not %s",
                            AdType_Name(AD_TYPE(i)));
    if (AdComplex_CheckExact(r) && !i && type == &AdComplex_Type)
        return Ad_NewRef(r);
    AdNumberMethods *nbr = AD_TYPE(r)->tp_as_number;
    AdComplex cr = {0, 0}, ci = {0, 0};
    int cr_is_complex = 0, failed;
    AdObject *tmp = try_complex_method(r, &failed);
    if (tmp) {
        cr = CVAL(tmp);
        cr_is_complex = 1;
        Ad_DECREF(tmp);
    }
    else if (failed)
        return NULL;
    else if (AdComplex_Check(r)) {
        cr = CVAL(r);
        cr_is_complex = 1;
    }
    else {
        if (!nbr || (!nbr->nb_float && !nbr->nb_index)) {
            if (i)
                return AdErr_Format(AdExc_TypeError,
                                    "complex() argument 'real' must be a real number, not %s",
                                    AdType_Name(AD_TYPE(r)));
            return AdErr_Format(AdExc_TypeError, "complex() argument must be a string or a number, not %s",
                                AdType_Name(AD_TYPE(r)));
        }
        cr.real = AdFloat_AsDouble(r);
        if (cr.real == -1.0 && AdErr_Occurred())
            return NULL;
    }
    if (cr_is_complex && i &&
        AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                         "complex() argument 'real' must be a real number, not %s",
                         AdType_Name(AD_TYPE(r))) < 0)
        return NULL;
    if (!i)
        return complex_subtype(type, cr);
    if (AdComplex_Check(i)) {
        if (AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                             "complex() argument 'imag' must be a real number, not %s",
                             AdType_Name(AD_TYPE(i))) < 0)
            return NULL;
        ci = CVAL(i);
        cr.real -= ci.imag;
        ci.imag = 0;
    }
    else {
        AdNumberMethods *nbi = AD_TYPE(i)->tp_as_number;
        if (!nbi || (!nbi->nb_float && !nbi->nb_index))
            return AdErr_Format(AdExc_TypeError, "complex() argument 'imag' must be a real number, not %s",
                                AdType_Name(AD_TYPE(i)));
        ci.real = AdFloat_AsDouble(i);
        if (ci.real == -1.0 && AdErr_Occurred())
            return NULL;
    }
    if (cr_is_complex)
        ci.real += cr.imag;
    return complex_subtype(type, (AdComplex){cr.real, ci.real});
}

static AdObject *complex_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"real", "imag"};
    AdObject *v[2];
    Ad_ssize_t total = (args ? AdTuple_GET_SIZE(args) : 0) + (kwargs ? AdDict_GET_SIZE(kwargs) : 0);
    if (total > 2)
        return AdErr_Format(AdExc_TypeError, "complex() takes at most 2 arguments (%zd given)", total);
    if (ad_num_parse_args("complex", args ? AdTuple_ITEMS(args) : NULL, args ? AdTuple_GET_SIZE(args) : 0,
                          NULL, kwargs, names, 2, 0, 2, 0, v) < 0)
        return NULL;
    return complex_make(type, v[0], v[1]);
}

/* ---- methods ---------------------------------------------------------------------------- */

static AdObject *complex_conjugate(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdComplex_FromDoubles(CVAL(self).real, -CVAL(self).imag);
}

static AdObject *complex_complex(AdObject *self, AdObject *unused)
{
    (void)unused;
    return complex_pos(self);
}

static AdObject *complex_getnewargs(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *re = AdFloat_FromDouble(CVAL(self).real), *im = AdFloat_FromDouble(CVAL(self).imag);
    AdObject *t = re && im ? AdTuple_Pack(2, re, im) : NULL;
    Ad_XDECREF(re);
    Ad_XDECREF(im);
    return t;
}

static AdObject *complex_from_number(AdObject *cls, AdObject *arg)
{
    AdNumberMethods *nb = AD_TYPE(arg)->tp_as_number;
    if (!AdComplex_Check(arg) && !(nb && (nb->nb_float || nb->nb_index))) {
        AdObject *name = AdStr_InternFromString("__complex__");
        AdObject *m = name ? AdType_Lookup(AD_TYPE(arg), name) : NULL;
        Ad_XDECREF(name);
        if (!m)
            return AdErr_Format(AdExc_TypeError, "must be real number, not %s",
                                AdType_Name(AD_TYPE(arg)));
    }
    AdComplex c;
    if (AdComplex_AsCComplex(arg, &c) < 0)
        return NULL;
    AdObject *r = AdComplex_FromCComplex(c);
    if (r && cls != (AdObject *)&AdComplex_Type)
        AD_SETREF(r, AdObject_CallOneArg(cls, r));
    return r;
}

static AdObject *complex_get_real(AdObject *self, void *c)
{
    (void)c;
    return AdFloat_FromDouble(CVAL(self).real);
}

static AdObject *complex_get_imag(AdObject *self, void *c)
{
    (void)c;
    return AdFloat_FromDouble(CVAL(self).imag);
}

#define METH(name, fn, flags, doc) {name, (void (*)(void))(fn), flags, doc}

static AdMethodDef complex_methods[] = {
    METH("conjugate", complex_conjugate, AD_METH_NOARGS, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."),
    METH("__complex__", complex_complex, AD_METH_NOARGS, "Convert this value to exact type complex."),
    METH("__getnewargs__", complex_getnewargs, AD_METH_NOARGS, NULL),
    METH("__format__", complex_format, AD_METH_O, "Convert to a string according to format_spec."),
    METH("from_number", complex_from_number, AD_METH_O | AD_METH_CLASS,
         "Convert number to a complex floating-point number."),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef complex_getset[] = {
    {"real", complex_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", complex_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdComplex_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "complex",
    .tp_basicsize = sizeof(AdComplexObject),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a complex number from a string or numbers.\n\n"
              "If a string is given, parse it as a complex number.\n"
              "If a single number is given, convert it to a complex number.\n"
              "If the 'real' or 'imag' arguments are given, create a complex number\n"
              "with the specified real and imaginary components.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_getset = complex_getset,
    .tp_new = complex_new,
    .tp_free = AdObject_Free,
};
