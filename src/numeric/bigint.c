/* numeric/bigint.c: arbitrary-precision integer arithmetic with Python's
 * semantics (see bigint.h), on GMP's mpn/mpz kernels. Values of one limb
 * take __int128 fast paths; everything else runs on limb arrays. GMP's
 * allocations go through functions that jump back to the guarded caller
 * when memory runs out, so an impossible request becomes AD_NUM_MEMORY. */
#include "numeric/bigint.h"

#include <gmp.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(mp_limb_t) == sizeof(AdLimb), "GMP limbs must be 64-bit");
_Static_assert(GMP_NUMB_BITS == 64, "GMP nails are not supported");

typedef unsigned __int128 u128;
typedef __int128 i128;

/* ---- allocation ------------------------------------------------------- */

static AdBigInt *default_alloc(int64_t nlimbs)
{
    return malloc(sizeof(AdBigInt) + (size_t)nlimbs * sizeof(AdLimb));
}

static void default_free(AdBigInt *p)
{
    free(p);
}

static AdBigIntAllocFn big_alloc_fn = default_alloc;
static AdBigIntFreeFn big_free_fn = default_free;

void AdBigInt_SetAllocator(AdBigIntAllocFn alloc, AdBigIntFreeFn release)
{
    big_alloc_fn = alloc ? alloc : default_alloc;
    big_free_fn = release ? release : default_free;
}

AdBigInt *AdBigInt_New(int64_t nlimbs, AdNumError *err)
{
    if (nlimbs < 0 || nlimbs > AD_BIGINT_MAX_LIMBS) {
        AdNum_NoMemory(err);
        return NULL;
    }
    AdBigInt *r = big_alloc_fn(nlimbs ? nlimbs : 1);
    if (!r) {
        AdNum_NoMemory(err);
        return NULL;
    }
    r->size = 0;
    return r;
}

void AdBigInt_Free(AdBigInt *a)
{
    if (a)
        big_free_fn(a);
}

static int64_t absz(const AdBigInt *a)
{
    return a->size < 0 ? -a->size : a->size;
}

/* Strips high zero limbs of a magnitude of n limbs and sets the sign. */
static AdBigInt *finish(AdBigInt *r, int64_t n, int neg)
{
    while (n > 0 && r->limbs[n - 1] == 0)
        n--;
    r->size = neg ? -n : n;
    return r;
}

AdBigInt *AdBigInt_Copy(const AdBigInt *a, AdNumError *err)
{
    int64_t n = absz(a);
    AdBigInt *r = AdBigInt_New(n, err);
    if (!r)
        return NULL;
    memcpy(r->limbs, a->limbs, (size_t)n * sizeof(AdLimb));
    r->size = a->size;
    return r;
}

static AdBigInt *from_mag_u128(u128 m, int neg, AdNumError *err)
{
    AdBigInt *r = AdBigInt_New(2, err);
    if (!r)
        return NULL;
    r->limbs[0] = (AdLimb)m;
    r->limbs[1] = (AdLimb)(m >> 64);
    return finish(r, 2, neg && m != 0);
}

static AdBigInt *from_i128(i128 v, AdNumError *err)
{
    if (v < 0)
        return from_mag_u128(-(u128)v, 1, err);
    return from_mag_u128((u128)v, 0, err);
}

AdBigInt *AdBigInt_FromInt64(int64_t v, AdNumError *err)
{
    return from_i128(v, err);
}

AdBigInt *AdBigInt_FromUInt64(uint64_t v, AdNumError *err)
{
    return from_mag_u128(v, 0, err);
}

int AdBigInt_AsInt64(const AdBigInt *a, int64_t *out)
{
    if (a->size == 0) {
        *out = 0;
        return 0;
    }
    if (absz(a) > 1)
        return -1;
    AdLimb m = a->limbs[0];
    if (a->size > 0) {
        if (m > (AdLimb)INT64_MAX)
            return -1;
        *out = (int64_t)m;
    } else {
        if (m > (AdLimb)INT64_MAX + 1)
            return -1;
        *out = (int64_t)(0 - m);
    }
    return 0;
}

int AdBigInt_AsUInt64(const AdBigInt *a, uint64_t *out)
{
    if (a->size < 0 || a->size > 1)
        return -1;
    *out = a->size ? a->limbs[0] : 0;
    return 0;
}

/* The value of a one-limb (or zero) integer, as a 128-bit signed number. */
static int small(const AdBigInt *a)
{
    return a->size >= -1 && a->size <= 1;
}

static i128 small_val(const AdBigInt *a)
{
    if (a->size == 0)
        return 0;
    return a->size > 0 ? (i128)a->limbs[0] : -(i128)a->limbs[0];
}

/* ---- GMP memory guard ------------------------------------------------- */

static _Thread_local jmp_buf *gmp_jump;

static void gmp_out_of_memory(void)
{
    if (gmp_jump)
        longjmp(*gmp_jump, 1);
    fputs("Fatal: GMP allocation failed outside a guarded call\n", stderr);
    abort();
}

static void *gmp_alloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        gmp_out_of_memory();
    return p;
}

static void *gmp_realloc(void *old, size_t oldn, size_t n)
{
    (void)oldn;
    void *p = realloc(old, n);
    if (!p)
        gmp_out_of_memory();
    return p;
}

static void gmp_release(void *p, size_t n)
{
    (void)n;
    free(p);
}

static pthread_once_t gmp_once = PTHREAD_ONCE_INIT;

static void gmp_install(void)
{
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_release);
}

/* Runs fn(ctx) so that a failed GMP allocation inside it returns -1. */
static int guarded(void (*fn)(void *), void *ctx)
{
    pthread_once(&gmp_once, gmp_install);
    jmp_buf jb;
    jmp_buf *saved = gmp_jump;
    if (setjmp(jb)) {
        gmp_jump = saved;
        return -1;
    }
    gmp_jump = &jb;
    fn(ctx);
    gmp_jump = saved;
    return 0;
}

/* A read-only mpz view of a. */
static void mpz_view(mpz_t z, const AdBigInt *a)
{
    static const mp_limb_t zero_limb = 0;
    mpz_roinit_n(z, a->size ? (const mp_limb_t *)a->limbs : &zero_limb,
                 (mp_size_t)a->size);
}

static AdBigInt *from_mpz(const mpz_t z, AdNumError *err)
{
    int64_t n = (int64_t)mpz_size(z);
    AdBigInt *r = AdBigInt_New(n, err);
    if (!r)
        return NULL;
    if (n)
        memcpy(r->limbs, mpz_limbs_read(z), (size_t)n * sizeof(AdLimb));
    return finish(r, n, mpz_sgn(z) < 0);
}

/* ---- comparison ------------------------------------------------------- */

static int cmp_mag(const AdLimb *a, int64_t na, const AdLimb *b, int64_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    int c = na ? mpn_cmp((const mp_limb_t *)a, (const mp_limb_t *)b, (mp_size_t)na) : 0;
    return (c > 0) - (c < 0);
}

int AdBigInt_Sign(const AdBigInt *a)
{
    return (a->size > 0) - (a->size < 0);
}

int AdBigInt_IsOdd(const AdBigInt *a)
{
    return a->size != 0 && (a->limbs[0] & 1);
}

int AdBigInt_Compare(const AdBigInt *a, const AdBigInt *b)
{
    if (a->size != b->size) {
        if ((a->size < 0) != (b->size < 0) || a->size == 0 || b->size == 0)
            return a->size < b->size ? -1 : 1;
        /* same sign, different lengths */
        int c = absz(a) < absz(b) ? -1 : 1;
        return a->size < 0 ? -c : c;
    }
    int c = cmp_mag(a->limbs, absz(a), b->limbs, absz(b));
    return a->size < 0 ? -c : c;
}

int AdBigInt_CompareInt64(const AdBigInt *a, int64_t b)
{
    if (!small(a))
        return a->size < 0 ? -1 : 1;
    i128 v = small_val(a);
    return (v > b) - (v < b);
}

/* ---- add / sub / neg / abs ------------------------------------------- */

AdBigInt *AdBigInt_Neg(const AdBigInt *a, AdNumError *err)
{
    AdBigInt *r = AdBigInt_Copy(a, err);
    if (r)
        r->size = -r->size;
    return r;
}

AdBigInt *AdBigInt_Abs(const AdBigInt *a, AdNumError *err)
{
    AdBigInt *r = AdBigInt_Copy(a, err);
    if (r && r->size < 0)
        r->size = -r->size;
    return r;
}

/* |a| + |b| or ||a| - |b|| with the given sign handling: the core of
 * signed addition. bneg is b's sign after the operation's negation. */
static AdBigInt *add_signed(const AdLimb *a, int64_t na, int aneg,
                            const AdLimb *b, int64_t nb, int bneg, AdNumError *err)
{
    if (na < nb || (na == nb && aneg != bneg && cmp_mag(a, na, b, nb) < 0)) {
        const AdLimb *t = a; a = b; b = t;
        int64_t tn = na; na = nb; nb = tn;
        int ts = aneg; aneg = bneg; bneg = ts;
    }
    /* now |a| >= |b| when the signs differ, and na >= nb */
    if (nb == 0) {
        AdBigInt *r = AdBigInt_New(na, err);
        if (!r)
            return NULL;
        memcpy(r->limbs, a, (size_t)na * sizeof(AdLimb));
        return finish(r, na, aneg);
    }
    if (aneg == bneg) {
        if (na + 1 > AD_BIGINT_MAX_LIMBS) {
            AdNum_NoMemory(err);
            return NULL;
        }
        AdBigInt *r = AdBigInt_New(na + 1, err);
        if (!r)
            return NULL;
        r->limbs[na] = mpn_add((mp_limb_t *)r->limbs, (const mp_limb_t *)a, na,
                               (const mp_limb_t *)b, nb);
        return finish(r, na + 1, aneg);
    }
    AdBigInt *r = AdBigInt_New(na, err);
    if (!r)
        return NULL;
    mpn_sub((mp_limb_t *)r->limbs, (const mp_limb_t *)a, na, (const mp_limb_t *)b, nb);
    return finish(r, na, aneg);
}

AdBigInt *AdBigInt_Add(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    if (small(a) && small(b))
        return from_i128(small_val(a) + small_val(b), err);
    return add_signed(a->limbs, absz(a), a->size < 0, b->limbs, absz(b), b->size < 0, err);
}

AdBigInt *AdBigInt_Sub(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    if (small(a) && small(b))
        return from_i128(small_val(a) - small_val(b), err);
    return add_signed(a->limbs, absz(a), a->size < 0, b->limbs, absz(b), b->size > 0, err);
}

/* ---- multiplication --------------------------------------------------- */

struct mul_ctx {
    mp_limb_t *r;
    const mp_limb_t *a, *b;
    mp_size_t na, nb;
};

static void mul_run(void *p)
{
    struct mul_ctx *c = p;
    if (c->a == c->b && c->na == c->nb)
        mpn_sqr(c->r, c->a, c->na);
    else
        mpn_mul(c->r, c->a, c->na, c->b, c->nb);
}

/* r (room for na+nb limbs) = a * b, na >= nb >= 1. */
static int mul_mag(AdLimb *r, const AdLimb *a, int64_t na, const AdLimb *b, int64_t nb)
{
    if (na < nb) {
        const AdLimb *t = a; a = b; b = t;
        int64_t tn = na; na = nb; nb = tn;
    }
    struct mul_ctx c = {(mp_limb_t *)r, (const mp_limb_t *)a, (const mp_limb_t *)b, na, nb};
    if (nb < 30) {   /* schoolbook and Toom-2 sizes need no temporary heap */
        mul_run(&c);
        return 0;
    }
    return guarded(mul_run, &c);
}

AdBigInt *AdBigInt_Mul(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    int64_t na = absz(a), nb = absz(b);
    int neg = (a->size < 0) != (b->size < 0);
    if (na == 0 || nb == 0)
        return AdBigInt_New(0, err);
    if (na == 1 && nb == 1)
        return from_mag_u128((u128)a->limbs[0] * b->limbs[0], neg, err);
    if (na + nb > AD_BIGINT_MAX_LIMBS) {
        AdNum_NoMemory(err);
        return NULL;
    }
    AdBigInt *r = AdBigInt_New(na + nb, err);
    if (!r)
        return NULL;
    if (mul_mag(r->limbs, a->limbs, na, b->limbs, nb) < 0) {
        AdBigInt_Free(r);
        AdNum_NoMemory(err);
        return NULL;
    }
    return finish(r, na + nb, neg);
}

/* ---- division --------------------------------------------------------- */

struct div_ctx {
    mp_limb_t *q, *r;
    const mp_limb_t *n, *d;
    mp_size_t nn, dn;
};

static void div_run(void *p)
{
    struct div_ctx *c = p;
    mpn_tdiv_qr(c->q, c->r, 0, c->n, c->nn, c->d, c->dn);
}

/* Truncating division of magnitudes: q gets nn-dn+1 limbs, r gets dn
 * limbs (both allocated here; q, r may be NULL on a zero-size quotient). */
static int divrem_mag(const AdLimb *n, int64_t nn, const AdLimb *d, int64_t dn,
                      AdBigInt **qp, AdBigInt **rp, AdNumError *err)
{
    AdBigInt *q = NULL, *r = NULL;
    if (nn < dn) {
        q = AdBigInt_New(0, err);
        r = AdBigInt_New(nn, err);
        if (!q || !r)
            goto fail;
        memcpy(r->limbs, n, (size_t)nn * sizeof(AdLimb));
        finish(r, nn, 0);
        *qp = q;
        *rp = r;
        return 0;
    }
    q = AdBigInt_New(nn - dn + 1, err);
    r = AdBigInt_New(dn, err);
    if (!q || !r)
        goto fail;
    struct div_ctx c = {(mp_limb_t *)q->limbs, (mp_limb_t *)r->limbs,
                        (const mp_limb_t *)n, (const mp_limb_t *)d, nn, dn};
    if (dn < 40 || nn - dn < 40)
        div_run(&c);
    else if (guarded(div_run, &c) < 0) {
        AdNum_NoMemory(err);
        goto fail;
    }
    finish(q, nn - dn + 1, 0);
    finish(r, dn, 0);
    *qp = q;
    *rp = r;
    return 0;
fail:
    AdBigInt_Free(q);
    AdBigInt_Free(r);
    return -1;
}

static i128 floordiv_small(i128 a, i128 b)
{
    i128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

int AdBigInt_DivMod(const AdBigInt *a, const AdBigInt *b, AdBigInt **qout,
                    AdBigInt **rout, AdNumError *err)
{
    if (b->size == 0)
        return AdNum_SetError(err, AD_NUM_ZERODIV, "division by zero");
    if (small(a) && small(b)) {
        i128 x = small_val(a), y = small_val(b);
        i128 q = floordiv_small(x, y);
        i128 r = x - q * y;
        AdBigInt *qq = NULL, *rr = NULL;
        if (qout && !(qq = from_i128(q, err)))
            return -1;
        if (rout && !(rr = from_i128(r, err))) {
            AdBigInt_Free(qq);
            return -1;
        }
        if (qout)
            *qout = qq;
        if (rout)
            *rout = rr;
        return 0;
    }
    AdBigInt *q, *r;
    if (divrem_mag(a->limbs, absz(a), b->limbs, absz(b), &q, &r, err) < 0)
        return -1;
    int aneg = a->size < 0, bneg = b->size < 0;
    if (aneg != bneg && r->size != 0) {
        /* floor: q = -(q + 1), r = |b| - r, then r takes b's sign */
        static const AdLimb one = 1;
        AdBigInt *q1 = add_signed(q->limbs, absz(q), 0, &one, 1, 0, err);
        AdBigInt *r1 = q1 ? add_signed(b->limbs, absz(b), 0, r->limbs, absz(r), 1, err) : NULL;
        AdBigInt_Free(q);
        AdBigInt_Free(r);
        if (!q1 || !r1) {
            AdBigInt_Free(q1);
            AdBigInt_Free(r1);
            return -1;
        }
        q = q1;
        r = r1;
        q->size = -q->size;
        if (bneg)
            r->size = -r->size;
    } else {
        if (aneg != bneg)
            q->size = -q->size;
        if (bneg)
            r->size = -r->size;
    }
    if (qout)
        *qout = q;
    else
        AdBigInt_Free(q);
    if (rout)
        *rout = r;
    else
        AdBigInt_Free(r);
    return 0;
}

AdBigInt *AdBigInt_FloorDiv(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    AdBigInt *q;
    return AdBigInt_DivMod(a, b, &q, NULL, err) < 0 ? NULL : q;
}

AdBigInt *AdBigInt_Mod(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    AdBigInt *r;
    return AdBigInt_DivMod(a, b, NULL, &r, err) < 0 ? NULL : r;
}

/* ---- bits and doubles -------------------------------------------------- */

static int64_t bitlen_mag(const AdLimb *a, int64_t n)
{
    if (n == 0)
        return 0;
    return (n - 1) * 64 + (64 - __builtin_clzll(a[n - 1]));
}

int64_t AdBigInt_BitLength(const AdBigInt *a)
{
    return bitlen_mag(a->limbs, absz(a));
}

int64_t AdBigInt_BitCount(const AdBigInt *a)
{
    int64_t n = absz(a);
    return n ? (int64_t)mpn_popcount((const mp_limb_t *)a->limbs, n) : 0;
}

/* (q + sticky * epsilon) * 2**e rounded half-even to a double; *overflow
 * is set (and HUGE_VAL returned) when the result does not fit. */
static double round_to_double(uint64_t q, int sticky, int64_t e, int *overflow)
{
    *overflow = 0;
    if (q == 0)
        return 0.0;
    int nbits = 64 - __builtin_clzll(q);
    int64_t E = nbits + e;   /* 2**(E-1) <= value < 2**E */
    if (E > 1024) {
        *overflow = 1;
        return HUGE_VAL;
    }
    int64_t p = E >= -1021 ? 53 : E + 1074;
    if (p < 0)
        return 0.0;
    int64_t drop = nbits - p;
    if (drop <= 0)
        return ldexp((double)q, (int)e);
    uint64_t kept = drop >= 64 ? 0 : q >> drop;
    uint64_t rem = drop >= 64 ? q : q & ((((uint64_t)1) << drop) - 1);
    uint64_t half = ((uint64_t)1) << (drop - 1);
    if (rem > half || (rem == half && (sticky || (kept & 1))))
        kept++;
    double r = ldexp((double)kept, (int)(e + drop));
    if (isinf(r)) {
        *overflow = 1;
        return HUGE_VAL;
    }
    return r;
}

/* The top 64 bits of a magnitude of bit length nbits > 64 and whether any
 * bit below them is set. */
static uint64_t top_bits(const AdLimb *a, int64_t nbits, int *sticky)
{
    int64_t shift = nbits - 64;
    int64_t i = shift / 64;
    int off = (int)(shift % 64);
    uint64_t q = a[i] >> off;
    if (off)
        q |= a[i + 1] << (64 - off);
    int s = off ? (a[i] & ((((uint64_t)1) << off) - 1)) != 0 : 0;
    for (int64_t j = 0; j < i && !s; j++)
        s = a[j] != 0;
    *sticky = s;
    return q;
}

int AdBigInt_AsDouble(const AdBigInt *a, double *out, AdNumError *err)
{
    int64_t n = absz(a);
    double r;
    if (n <= 1) {
        uint64_t m = n ? a->limbs[0] : 0;
        r = (double)m;   /* the conversion rounds half-even */
    } else {
        int64_t nbits = bitlen_mag(a->limbs, n);
        int sticky, ovf;
        uint64_t q = top_bits(a->limbs, nbits, &sticky);
        r = round_to_double(q, sticky, nbits - 64, &ovf);
        if (ovf)
            return AdNum_SetError(err, AD_NUM_OVERFLOW, "int too large to convert to float");
    }
    *out = a->size < 0 ? -r : r;
    return 0;
}

AdBigInt *AdBigInt_FromDouble(double x, AdNumError *err)
{
    if (isnan(x)) {
        AdNum_SetError(err, AD_NUM_VALUE, "cannot convert float NaN to integer");
        return NULL;
    }
    if (isinf(x)) {
        AdNum_SetError(err, AD_NUM_OVERFLOW, "cannot convert float infinity to integer");
        return NULL;
    }
    x = trunc(x);
    if (fabs(x) < 9223372036854775808.0)
        return AdBigInt_FromInt64((int64_t)x, err);
    int e;
    double m = frexp(fabs(x), &e);   /* |x| = m * 2**e, e > 63 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    AdBigInt *t = AdBigInt_FromUInt64(mant, err);
    if (!t)
        return NULL;
    AdBigInt *r = AdBigInt_LShiftInt64(t, e - 53, err);
    AdBigInt_Free(t);
    if (r && x < 0)
        r->size = -r->size;
    return r;
}

int AdBigInt_TrueDiv(const AdBigInt *a, const AdBigInt *b, double *out, AdNumError *err)
{
    if (b->size == 0)
        return AdNum_SetError(err, AD_NUM_ZERODIV, "division by zero");
    int neg = (a->size < 0) != (b->size < 0);
    int64_t na = absz(a), nb = absz(b);
    if (na <= 1 && nb <= 1) {
        uint64_t x = na ? a->limbs[0] : 0, y = b->limbs[0];
        if (x <= ((uint64_t)1 << 53) && y <= ((uint64_t)1 << 53)) {
            double r = (double)x / (double)y;
            *out = neg ? -r : r;
            return 0;
        }
    }
    if (na == 0) {
        *out = neg ? -0.0 : 0.0;
        return 0;
    }
    int64_t ba = bitlen_mag(a->limbs, na), bb = bitlen_mag(b->limbs, nb);
    int64_t diff = ba - bb;
    if (diff > 1025)
        return AdNum_SetError(err, AD_NUM_OVERFLOW, "integer division result too large for a float");
    if (diff < -1080) {
        *out = neg ? -0.0 : 0.0;
        return 0;
    }
    /* q = floor(|a| * 2**-shift / |b|) has 55 or 56 bits */
    int64_t shift = diff - 55;
    AdBigInt *ma = NULL, *mb = NULL, *q = NULL, *r = NULL;
    AdBigInt *absa = AdBigInt_Abs(a, err), *absb = absa ? AdBigInt_Abs(b, err) : NULL;
    int rc = -1;
    if (!absb)
        goto done;
    if (shift <= 0) {
        ma = AdBigInt_LShiftInt64(absa, -shift, err);
        mb = AdBigInt_Copy(absb, err);
    } else {
        ma = AdBigInt_Copy(absa, err);
        mb = AdBigInt_LShiftInt64(absb, shift, err);
    }
    if (!ma || !mb)
        goto done;
    if (divrem_mag(ma->limbs, absz(ma), mb->limbs, absz(mb), &q, &r, err) < 0)
        goto done;
    int ovf;
    double res = round_to_double(q->limbs[0], r->size != 0, shift, &ovf);
    if (ovf) {
        AdNum_SetError(err, AD_NUM_OVERFLOW, "integer division result too large for a float");
        goto done;
    }
    *out = neg ? -res : res;
    rc = 0;
done:
    AdBigInt_Free(absa);
    AdBigInt_Free(absb);
    AdBigInt_Free(ma);
    AdBigInt_Free(mb);
    AdBigInt_Free(q);
    AdBigInt_Free(r);
    return rc;
}

/* ---- shifts ------------------------------------------------------------ */

AdBigInt *AdBigInt_LShiftInt64(const AdBigInt *a, int64_t count, AdNumError *err)
{
    if (count < 0) {
        AdNum_SetError(err, AD_NUM_VALUE, "negative shift count");
        return NULL;
    }
    int64_t n = absz(a);
    if (n == 0)
        return AdBigInt_New(0, err);
    if (count / 64 > AD_BIGINT_MAX_LIMBS - n - 1) {
        AdNum_NoMemory(err);
        return NULL;
    }
    int64_t words = count / 64;
    unsigned bits = (unsigned)(count % 64);
    AdBigInt *r = AdBigInt_New(n + words + 1, err);
    if (!r)
        return NULL;
    memset(r->limbs, 0, (size_t)words * sizeof(AdLimb));
    if (bits)
        r->limbs[n + words] = mpn_lshift((mp_limb_t *)r->limbs + words,
                                         (const mp_limb_t *)a->limbs, n, bits);
    else {
        memcpy(r->limbs + words, a->limbs, (size_t)n * sizeof(AdLimb));
        r->limbs[n + words] = 0;
    }
    return finish(r, n + words + 1, a->size < 0);
}

AdBigInt *AdBigInt_RShiftInt64(const AdBigInt *a, int64_t count, AdNumError *err)
{
    if (count < 0) {
        AdNum_SetError(err, AD_NUM_VALUE, "negative shift count");
        return NULL;
    }
    int64_t n = absz(a);
    int neg = a->size < 0;
    if (count >= bitlen_mag(a->limbs, n))
        return AdBigInt_FromInt64(neg ? -1 : 0, err);
    int64_t words = count / 64;
    unsigned bits = (unsigned)(count % 64);
    int64_t rn = n - words;
    AdBigInt *r = AdBigInt_New(rn, err);
    if (!r)
        return NULL;
    int lost = 0;
    for (int64_t i = 0; i < words && !lost; i++)
        lost = a->limbs[i] != 0;
    if (bits) {
        if (mpn_rshift((mp_limb_t *)r->limbs, (const mp_limb_t *)a->limbs + words, rn, bits))
            lost = 1;
    } else
        memcpy(r->limbs, a->limbs + words, (size_t)rn * sizeof(AdLimb));
    finish(r, rn, 0);
    if (neg && lost) {
        /* floor toward -inf: magnitude grows by one */
        static const AdLimb one = 1;
        AdBigInt *t = add_signed(r->limbs, absz(r), 0, &one, 1, 0, err);
        AdBigInt_Free(r);
        r = t;
        if (!r)
            return NULL;
    }
    if (neg)
        r->size = -r->size;
    return r;
}

AdBigInt *AdBigInt_LShift(const AdBigInt *a, const AdBigInt *count, AdNumError *err)
{
    if (count->size < 0) {
        AdNum_SetError(err, AD_NUM_VALUE, "negative shift count");
        return NULL;
    }
    int64_t c;
    if (AdBigInt_AsInt64(count, &c) < 0) {
        if (a->size == 0)
            return AdBigInt_New(0, err);
        AdNum_NoMemory(err);
        return NULL;
    }
    return AdBigInt_LShiftInt64(a, c, err);
}

AdBigInt *AdBigInt_RShift(const AdBigInt *a, const AdBigInt *count, AdNumError *err)
{
    if (count->size < 0) {
        AdNum_SetError(err, AD_NUM_VALUE, "negative shift count");
        return NULL;
    }
    int64_t c;
    if (AdBigInt_AsInt64(count, &c) < 0)
        c = INT64_MAX;
    return AdBigInt_RShiftInt64(a, c, err);
}

/* ---- bitwise ----------------------------------------------------------- */

/* Limb i of a's infinite two's complement form (i < n + anything). */
static AdLimb twos_limb(const AdBigInt *a, int64_t i, int64_t first_nonzero)
{
    int64_t n = absz(a);
    AdLimb m = i < n ? a->limbs[i] : 0;
    if (a->size >= 0)
        return m;
    /* -m = ~(m - 1): below the first nonzero limb the result is 0, at it
     * it is -m, above it ~m */
    if (i < first_nonzero)
        return 0;
    if (i == first_nonzero)
        return 0 - m;
    return ~m;
}

static int64_t first_nonzero_limb(const AdBigInt *a)
{
    int64_t i = 0;
    while (i < absz(a) && a->limbs[i] == 0)
        i++;
    return i;
}

static AdBigInt *bitwise(const AdBigInt *a, const AdBigInt *b, char op, AdNumError *err)
{
    if (small(a) && small(b)) {
        i128 x = small_val(a), y = small_val(b);
        return from_i128(op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y), err);
    }
    int64_t n = absz(a) > absz(b) ? absz(a) : absz(b);
    int sa = a->size < 0, sb = b->size < 0;
    int sr = op == '&' ? (sa & sb) : op == '|' ? (sa | sb) : (sa ^ sb);
    AdBigInt *r = AdBigInt_New(n + 1, err);
    if (!r)
        return NULL;
    int64_t fa = first_nonzero_limb(a), fb = first_nonzero_limb(b);
    for (int64_t i = 0; i < n; i++) {
        AdLimb x = twos_limb(a, i, fa), y = twos_limb(b, i, fb);
        r->limbs[i] = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
    }
    r->limbs[n] = 0;
    if (sr) {
        /* magnitude = 2**(64n) - r: negate the n limbs; a zero result
         * means exactly 2**(64n) */
        int64_t i = 0;
        while (i < n && r->limbs[i] == 0)
            i++;
        if (i == n)
            r->limbs[n] = 1;
        else {
            r->limbs[i] = 0 - r->limbs[i];
            for (i++; i < n; i++)
                r->limbs[i] = ~r->limbs[i];
        }
    }
    return finish(r, n + 1, sr);
}

AdBigInt *AdBigInt_And(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    return bitwise(a, b, '&', err);
}

AdBigInt *AdBigInt_Or(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    return bitwise(a, b, '|', err);
}

AdBigInt *AdBigInt_Xor(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    return bitwise(a, b, '^', err);
}

AdBigInt *AdBigInt_Invert(const AdBigInt *a, AdNumError *err)
{
    static const AdLimb one = 1;
    /* ~a = -a - 1 */
    return add_signed(a->limbs, absz(a), a->size > 0, &one, 1, 1, err);
}

/* ---- pow, gcd, isqrt (mpz under the guard) ----------------------------- */

struct mpz_ctx {
    mpz_t r, x, y, m;      /* r is the result; x, y, m views */
    mpz_t t;               /* scratch, initialised by run */
    unsigned long e;
    int op;                /* 'p' pow_ui, 'm' powm, 'g' gcd, 's' sqrt */
    int ok;
};

static void mpz_run(void *p)
{
    struct mpz_ctx *c = p;
    switch (c->op) {
    case 'p':
        mpz_pow_ui(c->r, c->x, c->e);
        break;
    case 'm':
        /* x: base, y: exponent (may be negative), m: |modulus| > 1 */
        mpz_mod(c->t, c->x, c->m);
        if (mpz_sgn(c->y) < 0) {
            if (!mpz_invert(c->t, c->t, c->m)) {
                c->ok = 0;
                return;
            }
            mpz_neg(c->r, c->y);
            mpz_powm(c->r, c->t, c->r, c->m);
        } else
            mpz_powm(c->r, c->t, c->y, c->m);
        break;
    case 'g':
        mpz_gcd(c->r, c->x, c->y);
        break;
    case 's':
        mpz_sqrt(c->r, c->x);
        break;
    }
    c->ok = 1;
}

static AdBigInt *mpz_op(struct mpz_ctx *c, AdNumError *err)
{
    mpz_init(c->r);
    mpz_init(c->t);
    AdBigInt *res = NULL;
    if (guarded(mpz_run, c) < 0)
        AdNum_NoMemory(err);
    else if (!c->ok)
        AdNum_SetError(err, AD_NUM_VALUE, "base is not invertible for the given modulus");
    else
        res = from_mpz(c->r, err);
    mpz_clear(c->r);
    mpz_clear(c->t);
    return res;
}

AdBigInt *AdBigInt_Pow(const AdBigInt *a, const AdBigInt *b, const AdBigInt *m,
                       AdNumError *err)
{
    struct mpz_ctx c;
    memset(&c, 0, sizeof c);
    if (m) {
        if (m->size == 0) {
            AdNum_SetError(err, AD_NUM_VALUE, "pow() 3rd argument cannot be 0");
            return NULL;
        }
        if (absz(m) == 1 && m->limbs[0] == 1)
            return AdBigInt_New(0, err);
        mpz_view(c.x, a);
        mpz_view(c.y, b);
        mpz_roinit_n(c.m, (const mp_limb_t *)m->limbs, (mp_size_t)absz(m));
        c.op = 'm';
        AdBigInt *r = mpz_op(&c, err);
        if (r && m->size < 0 && r->size != 0) {
            AdBigInt *t = AdBigInt_Add(r, m, err);
            AdBigInt_Free(r);
            r = t;
        }
        return r;
    }
    if (b->size < 0) {
        AdNum_SetError(err, AD_NUM_VALUE, "pow() negative exponent needs a float result");
        return NULL;
    }
    if (b->size == 0)
        return AdBigInt_FromInt64(1, err);
    if (a->size == 0)
        return AdBigInt_New(0, err);
    if (absz(a) == 1 && a->limbs[0] == 1)
        return AdBigInt_FromInt64(a->size < 0 && AdBigInt_IsOdd(b) ? -1 : 1, err);
    uint64_t e;
    int64_t bits = AdBigInt_BitLength(a);
    if (AdBigInt_AsUInt64(b, &e) < 0 || e > (uint64_t)(AD_BIGINT_MAX_LIMBS * 64) / (uint64_t)bits) {
        AdNum_NoMemory(err);
        return NULL;
    }
    if (small(a) && bits * (int64_t)e <= 126) {
        i128 base = small_val(a), r = 1;
        for (uint64_t i = 0; i < e; i++)
            r *= base;
        return from_i128(r, err);
    }
    mpz_view(c.x, a);
    c.e = (unsigned long)e;
    c.op = 'p';
    return mpz_op(&c, err);
}

AdBigInt *AdBigInt_Gcd(const AdBigInt *a, const AdBigInt *b, AdNumError *err)
{
    if (small(a) && small(b)) {
        u128 x = small_val(a) < 0 ? -(u128)small_val(a) : (u128)small_val(a);
        u128 y = small_val(b) < 0 ? -(u128)small_val(b) : (u128)small_val(b);
        while (y) {
            u128 t = x % y;
            x = y;
            y = t;
        }
        return from_mag_u128(x, 0, err);
    }
    struct mpz_ctx c;
    memset(&c, 0, sizeof c);
    mpz_view(c.x, a);
    mpz_view(c.y, b);
    c.op = 'g';
    return mpz_op(&c, err);
}

AdBigInt *AdBigInt_Isqrt(const AdBigInt *a, AdNumError *err)
{
    if (a->size < 0) {
        AdNum_SetError(err, AD_NUM_VALUE, "isqrt() argument must be nonnegative");
        return NULL;
    }
    if (a->size == 0)
        return AdBigInt_New(0, err);
    struct mpz_ctx c;
    memset(&c, 0, sizeof c);
    mpz_view(c.x, a);
    c.op = 's';
    return mpz_op(&c, err);
}

/* ---- text -------------------------------------------------------------- */

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static int base_bits(int base)   /* log2(base) for powers of two, else 0 */
{
    switch (base) {
    case 2: return 1;
    case 4: return 2;
    case 8: return 3;
    case 16: return 4;
    case 32: return 5;
    default: return 0;
    }
}

static int limit_error_out(AdNumError *err, int64_t max)
{
    return AdNum_SetError(err, AD_NUM_VALUE,
        "Exceeds the limit (%lld digits) for integer string conversion; "
        "use sys.set_int_max_str_digits() to increase the limit", (long long)max);
}

struct getstr_ctx {
    unsigned char *str;
    int base;
    mp_limb_t *p;
    mp_size_t n;
    size_t len;
};

static void getstr_run(void *p)
{
    struct getstr_ctx *c = p;
    c->len = mpn_get_str(c->str, c->base, c->p, c->n);
}

int AdBigInt_ToText(const AdBigInt *a, int base, int prefix, int64_t max_str_digits,
                    AdNumBuf *out, AdNumError *err)
{
    if (base < 2 || base > 36)
        return AdNum_SetError(err, AD_NUM_VALUE, "base must be in 2..36");
    int64_t n = absz(a);
    int64_t nbits = bitlen_mag(a->limbs, n);
    int bb = base_bits(base);
    if (!bb && max_str_digits > 0) {
        /* cheap test first: the value has at least 1 + floor((nbits-1) *
         * log(2)/log(base)) digits */
        double lower = (double)(nbits - 1) * (log(2.0) / log((double)base));
        if (nbits > 0 && lower >= (double)max_str_digits + 1.0)
            return limit_error_out(err, max_str_digits);
    }
    size_t start_len = out->len;
    if (a->size < 0 && AdNumBuf_AppendChar(out, '-') < 0)
        return AdNum_NoMemory(err);
    if (prefix && (base == 2 || base == 8 || base == 16)) {
        const char *px = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
        if (AdNumBuf_AppendStr(out, px) < 0)
            return AdNum_NoMemory(err);
    }
    if (n == 0)
        return AdNumBuf_AppendChar(out, '0') < 0 ? AdNum_NoMemory(err) : 0;
    if (bb) {
        int64_t nd = (nbits + bb - 1) / bb;
        if (AdNumBuf_Reserve(out, (size_t)nd) < 0)
            return AdNum_NoMemory(err);
        char *d = out->data + out->len;
        for (int64_t i = 0; i < nd; i++) {
            int64_t bit = (nd - 1 - i) * bb;
            int64_t w = bit / 64;
            int off = (int)(bit % 64);
            uint64_t v = a->limbs[w] >> off;
            if (off + bb > 64 && w + 1 < n)
                v |= a->limbs[w + 1] << (64 - off);
            d[i] = digit_chars[v & (uint64_t)(base - 1)];
        }
        out->len += (size_t)nd;
        out->data[out->len] = '\0';
        return 0;
    }
    /* general base: GMP clobbers its input, so work on a copy */
    size_t maxd = (size_t)((double)nbits * (log(2.0) / log((double)base))) + 3;
    mp_limb_t *tmp = malloc((size_t)(n + 1) * sizeof(mp_limb_t));
    unsigned char *s = malloc(maxd + 1);
    if (!tmp || !s) {
        free(tmp);
        free(s);
        return AdNum_NoMemory(err);
    }
    memcpy(tmp, a->limbs, (size_t)n * sizeof(mp_limb_t));
    struct getstr_ctx c = {s, base, tmp, n, 0};
    if (guarded(getstr_run, &c) < 0) {
        free(tmp);
        free(s);
        return AdNum_NoMemory(err);
    }
    free(tmp);
    size_t start = 0;
    while (start + 1 < c.len && s[start] == 0)
        start++;
    size_t nd = c.len - start;
    if (max_str_digits > 0 && (int64_t)nd > max_str_digits) {
        free(s);
        out->len = start_len;
        if (out->data)
            out->data[out->len] = '\0';
        return limit_error_out(err, max_str_digits);
    }
    if (AdNumBuf_Reserve(out, nd) < 0) {
        free(s);
        return AdNum_NoMemory(err);
    }
    char *d = out->data + out->len;
    for (size_t i = 0; i < nd; i++)
        d[i] = digit_chars[s[start + i]];
    out->len += nd;
    out->data[out->len] = '\0';
    free(s);
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

struct setstr_ctx {
    mp_limb_t *r;
    const unsigned char *s;
    size_t len;
    int base;
    mp_size_t n;
};

static void setstr_run(void *p)
{
    struct setstr_ctx *c = p;
    c->n = mpn_set_str(c->r, c->s, c->len, c->base);
}

AdBigInt *AdBigInt_FromText(const char *s, size_t len, int base, int64_t max_str_digits,
                            AdNumError *err)
{
    if (base != 0 && (base < 2 || base > 36)) {
        AdNum_SetError(err, AD_NUM_VALUE, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    int orig_base = base;
    size_t i = 0, end = len;
    while (i < end && is_space(s[i]))
        i++;
    while (end > i && is_space(s[end - 1]))
        end--;
    int neg = 0;
    if (i < end && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    int prefixed = 0, zero_rule = 0;
    if (i + 1 < end && s[i] == '0') {
        char p = (char)(s[i + 1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            prefixed = 1;
            i += 2;
        }
    }
    if (base == 0) {
        base = 10;
        zero_rule = 1;
    }
    if (prefixed && i < end && s[i] == '_')
        i++;
    size_t dstart = i;
    int64_t ndigits = 0;
    int ok = i < end && digit_value(s[i]) < base;
    int nonzero = 0;
    while (ok && i < end) {
        char ch = s[i];
        if (ch == '_') {
            if (i + 1 >= end || digit_value(s[i + 1]) >= base) {
                ok = 0;
                break;
            }
            i++;
            continue;
        }
        int v = digit_value(ch);
        if (v >= base) {
            ok = 0;
            break;
        }
        if (v)
            nonzero = 1;
        ndigits++;
        i++;
    }
    if (ok && zero_rule && s[dstart] == '0' && nonzero)
        ok = 0;
    if (!ok) {
        AdNum_SetError(err, AD_NUM_VALUE_REPR, "invalid literal for int() with base %d: ",
                       orig_base);
        return NULL;
    }
    int bb = base_bits(base);
    if (!bb && max_str_digits > 0 && ndigits > max_str_digits) {
        AdNum_SetError(err, AD_NUM_VALUE,
            "Exceeds the limit (%lld digits) for integer string conversion: value has "
            "%lld digits; use sys.set_int_max_str_digits() to increase the limit",
            (long long)max_str_digits, (long long)ndigits);
        return NULL;
    }
    /* collect digit values, skipping underscores and leading zeros */
    unsigned char *dv = malloc((size_t)ndigits + 1);
    if (!dv) {
        AdNum_NoMemory(err);
        return NULL;
    }
    size_t nd = 0;
    for (size_t k = dstart; k < end; k++) {
        if (s[k] == '_')
            continue;
        int v = digit_value(s[k]);
        if (nd == 0 && v == 0)
            continue;
        dv[nd++] = (unsigned char)v;
    }
    AdBigInt *r;
    if (nd == 0) {
        free(dv);
        return AdBigInt_New(0, err);
    }
    double bits_per_digit = log((double)base) / log(2.0);
    double nbits = (double)nd * bits_per_digit;
    if (nbits / 64.0 + 2 > (double)AD_BIGINT_MAX_LIMBS) {
        free(dv);
        AdNum_NoMemory(err);
        return NULL;
    }
    int64_t nl = (int64_t)(nbits / 64.0) + 2;
    r = AdBigInt_New(nl, err);
    if (!r) {
        free(dv);
        return NULL;
    }
    if (bb) {
        memset(r->limbs, 0, (size_t)nl * sizeof(AdLimb));
        for (size_t k = 0; k < nd; k++) {
            uint64_t v = dv[nd - 1 - k];
            int64_t bit = (int64_t)k * bb;
            int64_t w = bit / 64;
            int off = (int)(bit % 64);
            r->limbs[w] |= v << off;
            if (off + bb > 64)
                r->limbs[w + 1] |= v >> (64 - off);
        }
        free(dv);
        return finish(r, nl, neg);
    }
    struct setstr_ctx c = {(mp_limb_t *)r->limbs, dv, nd, base, 0};
    int rc = nd < 2000 ? (setstr_run(&c), 0) : guarded(setstr_run, &c);
    free(dv);
    if (rc < 0) {
        AdBigInt_Free(r);
        AdNum_NoMemory(err);
        return NULL;
    }
    return finish(r, c.n, neg);
}

/* ---- bytes ------------------------------------------------------------- */

int AdBigInt_ToBytes(const AdBigInt *a, uint8_t *out, size_t len, int little_endian,
                     int is_signed, AdNumError *err)
{
    if (a->size < 0 && !is_signed)
        return AdNum_SetError(err, AD_NUM_OVERFLOW, "can't convert negative int to unsigned");
    int64_t n = absz(a);
    int neg = a->size < 0;
    int64_t f = first_nonzero_limb(a);
    /* byte k (little-endian order) of the two's complement form */
    for (size_t k = 0; k < len; k++) {
        int64_t li = (int64_t)(k / 8);
        AdLimb limb = neg ? twos_limb(a, li, f) : (li < n ? a->limbs[li] : 0);
        uint8_t byte = (uint8_t)(limb >> (8 * (k % 8)));
        out[little_endian ? k : len - 1 - k] = byte;
    }
    /* does the value fit? */
    int64_t need_bits;
    if (!neg)
        need_bits = bitlen_mag(a->limbs, n) + (is_signed ? 1 : 0);
    else {
        /* -x fits in b bits (signed) iff x <= 2**(b-1) */
        need_bits = bitlen_mag(a->limbs, n) + 1;
        if (AdBigInt_BitCount(a) == 1)
            need_bits--;   /* exactly a power of two */
    }
    if (a->size == 0)
        need_bits = 0;
    if ((uint64_t)need_bits > (uint64_t)len * 8 && (len < ((size_t)1 << 60)))
        return AdNum_SetError(err, AD_NUM_OVERFLOW, "int too big to convert");
    return 0;
}

AdBigInt *AdBigInt_FromBytes(const uint8_t *data, size_t len, int little_endian,
                             int is_signed, AdNumError *err)
{
    int64_t nl = (int64_t)((len + 7) / 8);
    AdBigInt *r = AdBigInt_New(nl + 1, err);
    if (!r)
        return NULL;
    memset(r->limbs, 0, (size_t)(nl + 1) * sizeof(AdLimb));
    for (size_t k = 0; k < len; k++) {
        uint8_t byte = data[little_endian ? k : len - 1 - k];
        r->limbs[k / 8] |= (AdLimb)byte << (8 * (k % 8));
    }
    int neg = is_signed && len > 0 && (data[little_endian ? len - 1 : 0] & 0x80);
    if (neg) {
        /* value = x - 2**(8 len): magnitude = 2**(8 len) - x */
        size_t bits = len * 8;
        /* negate within nl limbs, masking to `bits` bits */
        int64_t i = 0;
        while (i < nl && r->limbs[i] == 0)
            i++;
        if (i < nl) {
            r->limbs[i] = 0 - r->limbs[i];
            for (int64_t j = i + 1; j < nl; j++)
                r->limbs[j] = ~r->limbs[j];
        }
        if (bits % 64)
            r->limbs[nl - 1] &= (((AdLimb)1) << (bits % 64)) - 1;
    }
    return finish(r, nl + 1, neg);
}
