/* float.c: the float object: allocation through a free list, conversions
 * (AdFloat_AsDouble, float() of numbers, text and buffers), the number
 * protocol with int operands, exact comparison with ints, hash and repr.
 * The methods and the type object are in float_type.c. */
#include "objects/float.h"
#include "objects/int.h"
#include "objects/complex.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/abstract.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "numeric/dtoa.h"
#include "numeric/floatops.h"
#include "numeric/hash.h"
#include "unicode/unicode_db.h"

#include <math.h>
#include <stdint.h>

/* ---- allocation ---------------------------------------------------------------------- */

AdFloatObject *ad_float_freelist[AD_FLOAT_FREELIST_MAX];
int ad_float_nfree;

AdObject *AdFloat_FromDouble(double v)
{
    AdFloatObject *o;
    if (ad_float_nfree > 0)
        o = ad_float_freelist[--ad_float_nfree];
    else {
        o = AdMem_Malloc(sizeof(AdFloatObject));
        if (!o)
            return AdErr_NoMemory();
    }
    o->ob_base.ob_refcnt = 1;
    o->ob_base.ob_type = &AdFloat_Type;
    o->ob_fval = v;
    return (AdObject *)o;
}

void ad_float_dealloc(AdObject *o)
{
    if (Ad_IS_TYPE(o, &AdFloat_Type)) {
        if (ad_float_nfree < AD_FLOAT_FREELIST_MAX)
            ad_float_freelist[ad_float_nfree++] = (AdFloatObject *)o;
        else
            AdMem_Free(o);
    }
    else
        AD_TYPE(o)->tp_free(o);
}

void ad_float_clear_freelist(void)
{
    while (ad_float_nfree > 0)
        AdMem_Free(ad_float_freelist[--ad_float_nfree]);
}

/* ---- conversions ------------------------------------------------------------------------- */

/* The result of __float__, checked; new ref to a float or NULL. */
static AdObject *checked_float(AdObject *o, AdObject *r)
{
    if (!r || AdFloat_CheckExact(r))
        return r;
    if (!AdFloat_Check(r)) {
        AdErr_Format(AdExc_TypeError, "%s.__float__ returned non-float (type %s)",
                     AdType_Name(AD_TYPE(o)), AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return NULL;
    }
    if (AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                         "%s.__float__ returned non-float (type %s).  The ability to return an "
                         "instance of a strict subclass of float is deprecated, and may be removed "
                         "in a future version of Python.",
                         AdType_Name(AD_TYPE(o)), AdType_Name(AD_TYPE(r))) < 0) {
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

double AdFloat_AsDouble(AdObject *o)
{
    if (AdFloat_CheckExact(o))
        return AdFloat_AS_DOUBLE(o);
    AdNumberMethods *nb = AD_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        AdObject *r = checked_float(o, nb->nb_float(o));
        if (!r)
            return -1.0;
        double d = AdFloat_AS_DOUBLE(r);
        Ad_DECREF(r);
        return d;
    }
    if (nb && nb->nb_index) {
        AdObject *i = AdNumber_Index(o);
        if (!i)
            return -1.0;
        double d = AdInt_AsDouble(i);
        Ad_DECREF(i);
        return d;
    }
    if (AdFloat_Check(o))
        return AdFloat_AS_DOUBLE(o);
    AdErr_Format(AdExc_TypeError, "must be real number, not %s", AdType_Name(AD_TYPE(o)));
    return -1.0;
}

static AdObject *float_from_ascii(const char *s, size_t len, AdObject *orig)
{
    double d;
    AdNumError err;
    if (AdDtoa_Parse(s, len, &d, &err) < 0)
        return ad_num_raise(&err, orig);
    return AdFloat_FromDouble(d);
}

AdObject *AdFloat_FromString(AdObject *s)
{
    if (AdStr_Check(s)) {
        Ad_ssize_t n = AdStr_LENGTH(s);
        char *buf = AdMem_Malloc((size_t)n + 1);
        if (!buf)
            return AdErr_NoMemory();
        for (Ad_ssize_t i = 0; i < n; i++) {
            uint32_t ch = AdStr_READ_CHAR(s, i);
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
        AdObject *r = float_from_ascii(buf, (size_t)n, s);
        AdMem_Free(buf);
        return r;
    }
    if (AdBytes_Check(s))
        return float_from_ascii(AdBytes_AS_STRING(s), (size_t)AdBytes_GET_SIZE(s), s);
    if (ad_is_bytearray(s))
        return float_from_ascii(AdByteArray_AS_STRING(s), (size_t)AdByteArray_GET_SIZE(s), s);
    AdBuffer view;
    if (AD_TYPE(s)->tp_as_buffer && AD_TYPE(s)->tp_as_buffer->bf_getbuffer &&
        AdObject_GetBuffer(s, &view, AD_BUF_SIMPLE) == 0) {
        AdObject *copy = AdBytes_FromStringAndSize(view.buf, view.len);
        AdBuffer_Release(&view);
        if (!copy)
            return NULL;
        AdObject *r = float_from_ascii(AdBytes_AS_STRING(copy), (size_t)AdBytes_GET_SIZE(copy), copy);
        Ad_DECREF(copy);
        return r;
    }
    if (AdErr_Occurred())
        return NULL;
    return AdErr_Format(AdExc_TypeError, "float() argument must be a string or a real number, not '%s'",
                        AdType_Name(AD_TYPE(s)));
}

AdObject *AdNumber_Float(AdObject *o)
{
    if (AdFloat_CheckExact(o))
        return Ad_NewRef(o);
    AdNumberMethods *nb = AD_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        AdObject *r = checked_float(o, nb->nb_float(o));
        if (r && !AdFloat_CheckExact(r))
            AD_SETREF(r, AdFloat_FromDouble(AdFloat_AS_DOUBLE(r)));
        return r;
    }
    if (nb && nb->nb_index) {
        AdObject *i = AdNumber_Index(o);
        if (!i)
            return NULL;
        double d = AdInt_AsDouble(i);
        Ad_DECREF(i);
        if (d == -1.0 && AdErr_Occurred())
            return NULL;
        return AdFloat_FromDouble(d);
    }
    if (AdFloat_Check(o))
        return AdFloat_FromDouble(AdFloat_AS_DOUBLE(o));
    return AdFloat_FromString(o);
}

/* ---- comparison with ints ---------------------------------------------------------------- */

int ad_float_compare_int(double x, AdObject *i)
{
    if (isnan(x))
        return 2;
    int isign = AdInt_Sign(i);
    if (isinf(x))
        return x > 0 ? 1 : -1;
    int xsign = (x > 0) - (x < 0);
    if (xsign != isign)
        return xsign < isign ? -1 : 1;
    if (isign == 0)
        return 0;
    int64_t v;
    if (AdInt_SmallValue(i, &v) && v < ((int64_t)1 << 53) && v > -((int64_t)1 << 53)) {
        double d = (double)v;
        return (x > d) - (x < d);
    }
    /* Same sign, at least one big: compare magnitudes by bit length first. */
    int exp;
    frexp(x, &exp);                     /* |x| in [2**(exp-1), 2**exp) */
    int64_t nbits = AdBigInt_BitLength(AdInt_BIG(i));
    if (exp < nbits)
        return isign > 0 ? -1 : 1;      /* |x| < |i| */
    if (exp > nbits)
        return isign > 0 ? 1 : -1;
    /* Same bit length (<= 1024): compare the integral part exactly, then
     * the fraction. */
    double ip;
    double frac = modf(x, &ip);
    AdNumError err;
    AdBigInt *bx = AdBigInt_FromDouble(ip, &err);
    if (!bx)
        return 0;                       /* cannot fail for a finite double but memory */
    int c = AdBigInt_Compare(bx, AdInt_BIG(i));
    AdBigInt_Free(bx);
    if (c != 0)
        return c;
    return (frac > 0) - (frac < 0);
}

/* ---- the number protocol ------------------------------------------------------------------ */

/* Operand to double: float, or int (which may overflow); else NotImplemented. */
#define CONVERT(o, d) \
    do { \
        if (AdFloat_Check(o)) \
            d = AdFloat_AS_DOUBLE(o); \
        else if (AdInt_Check(o)) { \
            d = AdInt_AsDouble(o); \
            if (d == -1.0 && AdErr_Occurred()) \
                return NULL; \
        } \
        else \
            Ad_RETURN_NOTIMPLEMENTED; \
    } while (0)

static AdObject *float_add(AdObject *a, AdObject *b)
{
    double x, y;
    CONVERT(a, x);
    CONVERT(b, y);
    return AdFloat_FromDouble(x + y);
}

static AdObject *float_sub(AdObject *a, AdObject *b)
{
    double x, y;
    CONVERT(a, x);
    CONVERT(b, y);
    return AdFloat_FromDouble(x - y);
}

static AdObject *float_mul(AdObject *a, AdObject *b)
{
    double x, y;
    CONVERT(a, x);
    CONVERT(b, y);
    return AdFloat_FromDouble(x * y);
}

static AdObject *float_div(AdObject *a, AdObject *b)
{
    double x, y, r;
    AdNumError err;
    CONVERT(a, x);
    CONVERT(b, y);
    if (AdFloat_Div(x, y, &r, &err) < 0)
        return ad_num_raise(&err, NULL);
    return AdFloat_FromDouble(r);
}

static AdObject *float_floordiv(AdObject *a, AdObject *b)
{
    double x, y, r;
    AdNumError err;
    CONVERT(a, x);
    CONVERT(b, y);
    if (AdFloat_FloorDiv(x, y, &r, &err) < 0)
        return ad_num_raise(&err, NULL);
    return AdFloat_FromDouble(r);
}

static AdObject *float_mod(AdObject *a, AdObject *b)
{
    double x, y, r;
    AdNumError err;
    CONVERT(a, x);
    CONVERT(b, y);
    if (AdFloat_Mod(x, y, &r, &err) < 0)
        return ad_num_raise(&err, NULL);
    return AdFloat_FromDouble(r);
}

static AdObject *float_divmod(AdObject *a, AdObject *b)
{
    double x, y, q, r;
    AdNumError err;
    CONVERT(a, x);
    CONVERT(b, y);
    if (AdFloat_DivMod(x, y, &q, &r, &err) < 0)
        return ad_num_raise(&err, NULL);
    AdObject *qo = AdFloat_FromDouble(q), *ro = AdFloat_FromDouble(r);
    AdObject *t = qo && ro ? AdTuple_Pack(2, qo, ro) : NULL;
    Ad_XDECREF(qo);
    Ad_XDECREF(ro);
    return t;
}

static AdObject *float_pow(AdObject *a, AdObject *b, AdObject *m)
{
    double x, y, r;
    AdNumError err;
    if (m != Ad_None) {
        AdErr_SetString(AdExc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    CONVERT(a, x);
    CONVERT(b, y);
    if (AdFloat_Pow(x, y, &r, &err) < 0) {
        if (err.kind == AD_NUM_COMPLEX)
            return AdComplex_Type.tp_as_number->nb_power(a, b, m);
        return ad_num_raise(&err, NULL);
    }
    return AdFloat_FromDouble(r);
}

static AdObject *float_neg(AdObject *a)
{
    return AdFloat_FromDouble(-AdFloat_AS_DOUBLE(a));
}

static AdObject *float_pos(AdObject *a)
{
    if (AdFloat_CheckExact(a))
        return Ad_NewRef(a);
    return AdFloat_FromDouble(AdFloat_AS_DOUBLE(a));
}

static AdObject *float_abs(AdObject *a)
{
    return AdFloat_FromDouble(fabs(AdFloat_AS_DOUBLE(a)));
}

static int float_bool(AdObject *a)
{
    return AdFloat_AS_DOUBLE(a) != 0.0;
}

AdObject *ad_float_trunc(AdObject *a)
{
    return AdInt_FromDouble(AdFloat_AS_DOUBLE(a));
}

AdNumberMethods ad_float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = ad_float_trunc,
    .nb_float = float_pos,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_div,
};

/* ---- comparison, hash, repr --------------------------------------------------------------- */

AdObject *ad_float_richcompare(AdObject *a, AdObject *b, int op)
{
    double x = AdFloat_AS_DOUBLE(a);
    int c;
    if (AdFloat_Check(b)) {
        double y = AdFloat_AS_DOUBLE(b);
        if (isnan(x) || isnan(y))
            return AdBool_FromLong(op == AD_NE);
        c = (x > y) - (x < y);
    }
    else if (AdInt_Check(b)) {
        c = ad_float_compare_int(x, b);
        if (c == 2)
            return AdBool_FromLong(op == AD_NE);
    }
    else
        Ad_RETURN_NOTIMPLEMENTED;
    return AdBool_FromLong(ad_cmp_result(c, op));
}

Ad_hash_t ad_hash_pointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    Ad_hash_t h = (Ad_hash_t)y;
    return h == -1 ? -2 : h;
}

Ad_hash_t ad_float_hash(AdObject *a)
{
    double x = AdFloat_AS_DOUBLE(a);
    if (isnan(x))
        return ad_hash_pointer(a);
    return AdHash_Double(x);
}

AdObject *ad_float_repr(AdObject *a)
{
    AdNumBuf out = {0};
    if (AdDtoa_Repr(AdFloat_AS_DOUBLE(a), &out) < 0) {
        AdNumBuf_Free(&out);
        return AdErr_NoMemory();
    }
    AdObject *r = AdStr_FromStringAndSize(out.data, (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return r;
}
