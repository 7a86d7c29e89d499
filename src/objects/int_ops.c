/* int_ops.c: int's number protocol (every nb_* slot, with fast paths for
 * values of one machine word), rich comparison, hash, repr and truth.
 * Operands that are not ints get NotImplemented, so that the abstract
 * layer can try the other operand and raise its own TypeError. */
#include "objects/int.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/float.h"
#include "objects/typeobject.h"
#include "objects/abstract.h"
#include "numeric/hash.h"

#include <stdio.h>

typedef __int128 i128;

#define CHECK_BINOP(a, b) \
    do { if (!AdInt_Check(a) || !AdInt_Check(b)) Ad_RETURN_NOTIMPLEMENTED; } while (0)

static AdObject *zero_division(void)
{
    AdErr_SetString(AdExc_ZeroDivisionError, "division by zero");
    return NULL;
}

/* ---- arithmetic ------------------------------------------------------------------ */

AdObject *ad_int_add(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        return AdInt_FromInt128((i128)x + y);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Add(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

AdObject *ad_int_sub(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        return AdInt_FromInt128((i128)x - y);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Sub(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

AdObject *ad_int_mul(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        return AdInt_FromInt128((i128)x * y);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Mul(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

static void small_divmod(int64_t x, int64_t y, i128 *q, i128 *r)
{
    i128 qq = (i128)x / y, rr = (i128)x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
        qq -= 1;
        rr += y;
    }
    *q = qq;
    *r = rr;
}

AdObject *ad_int_floordiv(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AD_SIZE(b) == 0)
        return zero_division();
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y)) {
        i128 q, r;
        small_divmod(x, y, &q, &r);
        return AdInt_FromInt128(q);
    }
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_FloorDiv(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

AdObject *ad_int_mod(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AD_SIZE(b) == 0)
        return zero_division();
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y)) {
        i128 q, r;
        small_divmod(x, y, &q, &r);
        return AdInt_FromInt128(r);
    }
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Mod(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

static AdObject *pair(AdObject *q, AdObject *r)
{
    if (!q || !r) {
        Ad_XDECREF(q);
        Ad_XDECREF(r);
        return NULL;
    }
    AdObject *t = AdTuple_New(2);
    if (!t) {
        Ad_DECREF(q);
        Ad_DECREF(r);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, q);
    AdTuple_SET_ITEM(t, 1, r);
    return t;
}

AdObject *ad_int_divmod(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AD_SIZE(b) == 0)
        return zero_division();
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y)) {
        i128 q, r;
        small_divmod(x, y, &q, &r);
        return pair(AdInt_FromInt128(q), AdInt_FromInt128(r));
    }
    AdNumError err;
    AdBigInt *q = NULL, *r = NULL;
    if (AdBigInt_DivMod(AdInt_BIG(a), AdInt_BIG(b), &q, &r, &err) < 0)
        return ad_num_raise(&err, NULL);
    return pair(AdInt_FromBigInt(q, &err), AdInt_FromBigInt(r, &err));
}

AdObject *ad_int_truediv(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AD_SIZE(b) == 0)
        return zero_division();
    const int64_t lim = (int64_t)1 << 53;
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y) && x <= lim && x >= -lim &&
        y <= lim && y >= -lim)
        return AdFloat_FromDouble((double)x / (double)y);
    double d;
    AdNumError err;
    if (AdBigInt_TrueDiv(AdInt_BIG(a), AdInt_BIG(b), &d, &err) < 0)
        return ad_num_raise(&err, NULL);
    return AdFloat_FromDouble(d);
}

AdObject *ad_int_pow(AdObject *a, AdObject *b, AdObject *m)
{
    CHECK_BINOP(a, b);
    if (m != Ad_None && !AdInt_Check(m))
        Ad_RETURN_NOTIMPLEMENTED;
    AdNumError err;
    if (m == Ad_None) {
        if (AD_SIZE(b) < 0) {
            /* A negative exponent gives a float, as float ** does. */
            return AdFloat_Type.tp_as_number->nb_power(a, b, m);
        }
        int64_t x, y;
        if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y)) {
            if (y == 0)
                return AdInt_FromInt64(1);
            if (x == 0 || x == 1)
                return AdInt_FromInt64(x);
            if (x == -1)
                return AdInt_FromInt64((y & 1) ? -1 : 1);
            if (y < 64) {
                /* Exact in 128 bits while the magnitude stays below 2**126. */
                i128 r = 1, base = x;
                int64_t e = y;
                int ok = 1;
                unsigned __int128 lim = (unsigned __int128)1 << 62;
                while (e > 0) {
                    if (e & 1) {
                        unsigned __int128 ar = r < 0 ? -(unsigned __int128)r : (unsigned __int128)r;
                        unsigned __int128 ab = base < 0 ? -(unsigned __int128)base : (unsigned __int128)base;
                        if (ab >= lim || ar >= lim) { ok = 0; break; }
                        r *= base;
                    }
                    e >>= 1;
                    if (e) {
                        unsigned __int128 ab = base < 0 ? -(unsigned __int128)base : (unsigned __int128)base;
                        if (ab >= lim) { ok = 0; break; }
                        base *= base;
                    }
                }
                if (ok)
                    return AdInt_FromInt128(r);
            }
        }
        return AdInt_FromBigInt(AdBigInt_Pow(AdInt_BIG(a), AdInt_BIG(b), NULL, &err), &err);
    }
    return AdInt_FromBigInt(AdBigInt_Pow(AdInt_BIG(a), AdInt_BIG(b), AdInt_BIG(m), &err), &err);
}

AdObject *ad_int_neg(AdObject *a)
{
    int64_t x;
    if (AdInt_SmallValue(a, &x))
        return AdInt_FromInt128(-(i128)x);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Neg(AdInt_BIG(a), &err), &err);
}

AdObject *ad_int_pos(AdObject *a)
{
    return AdInt_CopyExact(a);
}

AdObject *ad_int_abs(AdObject *a)
{
    if (AD_SIZE(a) < 0)
        return ad_int_neg(a);
    return AdInt_CopyExact(a);
}

AdObject *ad_int_invert(AdObject *a)
{
    int64_t x;
    if (AdInt_SmallValue(a, &x))
        return AdInt_FromInt128(-(i128)x - 1);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Invert(AdInt_BIG(a), &err), &err);
}

static int int_bool(AdObject *a)
{
    return AD_SIZE(a) != 0;
}

static AdObject *too_many_digits(void)
{
    AdErr_SetString(AdExc_OverflowError, "too many digits in integer");
    return NULL;
}

AdObject *ad_int_lshift(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    if (AD_SIZE(b) < 0) {
        AdErr_SetString(AdExc_ValueError, "negative shift count");
        return NULL;
    }
    if (AD_SIZE(a) == 0)
        return AdInt_FromInt64(0);
    int64_t x, n;
    if (!AdInt_SmallValue(b, &n)) {
        /* CPython splits the count into 30-bit digits: a digit count that
         * still fits ssize_t fails for memory, a larger one overflows. */
        static const AdBigInt limit = {2, {0, 15}};        /* 30 * 2**63 */
        if (AdBigInt_Compare(AdInt_BIG(b), &limit) < 0)
            return AdErr_NoMemory();
        return too_many_digits();
    }
    if (AdInt_SmallValue(a, &x) && n < 62) {
        int64_t ax = x < 0 ? -x : x;
        if (ax < ((int64_t)1 << (62 - n)))
            return AdInt_FromInt64(x * ((int64_t)1 << n));
    }
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_LShiftInt64(AdInt_BIG(a), n, &err), &err);
}

AdObject *ad_int_rshift(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    if (AD_SIZE(b) < 0) {
        AdErr_SetString(AdExc_ValueError, "negative shift count");
        return NULL;
    }
    int64_t x, n;
    if (!AdInt_SmallValue(b, &n))
        return AdInt_FromInt64(AD_SIZE(a) < 0 ? -1 : 0);
    if (AdInt_SmallValue(a, &x))
        return AdInt_FromInt64(n >= 63 ? (x < 0 ? -1 : 0) : (x >> n));
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_RShiftInt64(AdInt_BIG(a), n, &err), &err);
}

AdObject *ad_int_and(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        return AdInt_FromInt64(x & y);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_And(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

AdObject *ad_int_or(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        return AdInt_FromInt64(x | y);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Or(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

AdObject *ad_int_xor(AdObject *a, AdObject *b)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        return AdInt_FromInt64(x ^ y);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Xor(AdInt_BIG(a), AdInt_BIG(b), &err), &err);
}

static AdObject *int_float(AdObject *a)
{
    double d = AdInt_AsDouble(a);
    if (d == -1.0 && AdErr_Occurred())
        return NULL;
    return AdFloat_FromDouble(d);
}

AdNumberMethods ad_int_as_number = {
    .nb_add = ad_int_add,
    .nb_subtract = ad_int_sub,
    .nb_multiply = ad_int_mul,
    .nb_remainder = ad_int_mod,
    .nb_divmod = ad_int_divmod,
    .nb_power = ad_int_pow,
    .nb_negative = ad_int_neg,
    .nb_positive = ad_int_pos,
    .nb_absolute = ad_int_abs,
    .nb_bool = int_bool,
    .nb_invert = ad_int_invert,
    .nb_lshift = ad_int_lshift,
    .nb_rshift = ad_int_rshift,
    .nb_and = ad_int_and,
    .nb_xor = ad_int_xor,
    .nb_or = ad_int_or,
    .nb_int = ad_int_pos,
    .nb_float = int_float,
    .nb_floor_divide = ad_int_floordiv,
    .nb_true_divide = ad_int_truediv,
    .nb_index = ad_int_pos,
};

/* ---- comparison, hash, text ------------------------------------------------------- */

AdObject *ad_int_richcompare(AdObject *a, AdObject *b, int op)
{
    CHECK_BINOP(a, b);
    int64_t x, y;
    int c;
    if (AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        c = (x > y) - (x < y);
    else
        c = AdBigInt_Compare(AdInt_BIG(a), AdInt_BIG(b));
    return AdBool_FromLong(ad_cmp_result(c, op));
}

Ad_hash_t ad_int_hash(AdObject *a)
{
    return AdHash_IntLimbs(AD_SIZE(a), ((AdIntObject *)a)->limbs);
}

/* Text of a in base (2, 8, 10, 16), with the 0b/0o/0x prefix when asked. */
AdObject *ad_int_to_text(AdObject *a, int base, int prefix)
{
    int64_t x;
    if (base == 10 && AdInt_SmallValue(a, &x)) {
        /* Digits from the right (no snprintf: this is str() of every int). */
        char buf[24];
        char *p = buf + sizeof buf;
        uint64_t m = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
        do {
            *--p = (char)('0' + m % 10);
            m /= 10;
        } while (m);
        if (x < 0)
            *--p = '-';
        return AdStr_FromStringAndSize(p, buf + sizeof buf - p);
    }
    AdNumBuf out = {0};
    AdNumError err;
    if (AdBigInt_ToText(AdInt_BIG(a), base, prefix, ad_int_max_str_digits(), &out, &err) < 0) {
        AdNumBuf_Free(&out);
        return ad_num_raise(&err, NULL);
    }
    AdObject *r = AdStr_FromStringAndSize(out.data, (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return r;
}

AdObject *ad_int_repr(AdObject *a)
{
    return ad_int_to_text(a, 10, 0);
}
