/* int.h: int, arbitrary precision. Sign and magnitude: ob_size is the
 * signed number of 64-bit limbs (0 for zero), the limbs follow, least
 * significant first, so values that fit in one limb take the fast paths.
 * The arithmetic kernels are in src/numeric/bigint (GMP's mpn layer);
 * small ints -5..256 are immortal and cached. bool is an int subclass. */
#ifndef ADDER_OBJECTS_INT_H
#define ADDER_OBJECTS_INT_H
#include <stdint.h>
#include "objects/object.h"

typedef struct {
    AdObject_VAR_HEAD;
    uint64_t limbs[1];          /* |ob_size| limbs; zero has ob_size 0 */
} AdIntObject;

extern AdTypeObject AdInt_Type;
extern AdTypeObject AdBool_Type;
#define AdInt_Check(o) AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_LONG_SUBCLASS)
#define AdInt_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdInt_Type)
#define AdBool_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdBool_Type)

/* True and False: immortal. */
extern AdIntObject _Ad_TrueStruct, _Ad_FalseStruct;
#define Ad_True ((AdObject *)&_Ad_TrueStruct)
#define Ad_False ((AdObject *)&_Ad_FalseStruct)
#define Ad_RETURN_TRUE return Ad_True
#define Ad_RETURN_FALSE return Ad_False
static inline AdObject *AdBool_FromLong(long v) { return v ? Ad_True : Ad_False; }

/* AdInt_FromInt64(int64_t v): inline below (the small-int cache first). */
AdObject *AdInt_FromUInt64(uint64_t v);
AdObject *AdInt_FromSsize_t(Ad_ssize_t v);
AdObject *AdInt_FromDouble(double v);           /* ValueError/OverflowError for nan/inf */
/* int(text, base) with Python's literal syntax and the digit limit. */
AdObject *AdInt_FromString(const char *s, Ad_ssize_t len, int base);
/* Conversions: -1 with OverflowError ("Python int too large to convert to C long"). */
int64_t AdInt_AsInt64(AdObject *o);
Ad_ssize_t AdInt_AsSsize_t(AdObject *o);        /* OverflowError "... to C ssize_t" */
/* Accepts any object with __index__; -1 with an exception otherwise. */
Ad_ssize_t AdNumber_AsSsize_t(AdObject *o, AdObject *overflow_exc);
double AdInt_AsDouble(AdObject *o);
/* -1, 0, 1. */
int AdInt_Sign(AdObject *o);
/* True when o fits in int64 (*out set). */
int AdInt_AsInt64Exact(AdObject *o, int64_t *out);
#endif

/* ---- added by the int implementation (int*.c, bool.c) -------------------- */
#ifndef ADDER_OBJECTS_INT_H_EXT
#define ADDER_OBJECTS_INT_H_EXT
#include "numeric/bigint.h"
#include "numeric/numeric.h"

/* Core init: makes the small ints -5..256 (immortal) and readies int, bool,
 * float and complex; call it right after ad_objects_init(). Idempotent. 0,
 * or -1 with an exception. (The bigint allocator that makes every kernel
 * result an int object is installed when the program loads, by a
 * constructor in int.c, so kernel use before this call is safe; ints made
 * before it are not the cached small ints.) */
int ad_int_init(void);
/* Finalization step 8: frees the small int cache (immortal ints). */
void ad_int_fini(void);
/* sys.get_int_max_str_digits() / sys.set_int_max_str_digits(n): 0 means no
 * limit; the setter refuses 0 < n < 640 with ValueError "maxdigits must be
 * >= 640 or 0 for unlimited" and returns -1. */
int64_t ad_int_max_str_digits(void);
int ad_int_set_max_str_digits(int64_t n);

/* The kernel view of an int object (the AdBigInt embedded at ob_size). */
static inline AdBigInt *AdInt_BIG(AdObject *o) { return (AdBigInt *)(void *)&((AdVarObject *)o)->ob_size; }
/* Wraps a kernel result (steals it; NULL -> raises err and returns NULL);
 * values in -5..256 come back as the cached objects. New ref. */
AdObject *AdInt_FromBigInt(AdBigInt *b, const AdNumError *err);
/* Raises the exception an AdNumError describes (AD_NUM_VALUE_REPR: msg
 * followed by repr(input), input may be NULL). Returns NULL. */
AdObject *ad_num_raise(const AdNumError *err, AdObject *input);

/* AdNumber_Index (operator.index) is in objects/abstract.h. */
/* int(o) with the rules of int() for a non-string argument: __int__, then
 * __index__ (no __trunc__ in 3.14); str/bytes go through the literal parser.
 * New ref. */
AdObject *AdNumber_Long(AdObject *o);
/* An exact int equal to o (an int or subclass). New ref. */
AdObject *AdInt_CopyExact(AdObject *o);
/* int(str) for a str object: Unicode digits and white space map to ASCII. */
AdObject *AdInt_FromUnicodeObject(AdObject *s, int base);
/* 1 when o is a bytearray (or subclass). */
int ad_is_bytearray(AdObject *o);
/* The cached ints -5..256 (immortal; filled at start-up), for the
 * evaluation loop's LOAD_SMALL_INT: ad_small_ints[v + 5]. */
extern AdIntObject *ad_small_ints[];
/* 128-bit constructors for fast paths. */
AdObject *AdInt_FromInt128(__int128 v);
/* The int as a 64-bit value when it fits (1), else 0; never fails. */
__attribute__((always_inline)) static inline int AdInt_SmallValue(AdObject *o, int64_t *out)
{
    Ad_ssize_t n = AD_SIZE(o);
    uint64_t m;
    if (n == 0) { *out = 0; return 1; }
    if (n > 1 || n < -1) return 0;
    m = ((AdIntObject *)o)->limbs[0];
    if (n == 1) { if (m > (uint64_t)INT64_MAX) return 0; *out = (int64_t)m; return 1; }
    if (m > (uint64_t)INT64_MAX) return 0;      /* INT64_MIN itself takes the slow path */
    *out = -(int64_t)m;
    return 1;
}
/* ---- inline constructors (internal state of int.c, read here so that the
 * evaluation loop and the iterators build ints without a call) ---- */
#define AD_INT_SMALL_MIN (-5)
#define AD_INT_SMALL_MAX 256
/* The cached small ints (-5..256: ad_small_ints[v + 5]), NULL before
 * ad_int_init() and after ad_int_fini(). */
extern AdIntObject *ad_small_ints[];
/* Free list of exact-int blocks with room for one limb (any exact int has
 * at least one): ad_int_dealloc fills it, the one-limb allocations take
 * from it. Emptied by ad_int_fini(). */
#define AD_INT_FREELIST_MAX 256
extern AdIntObject *ad_int_freelist[AD_INT_FREELIST_MAX];
extern int ad_int_nfree;
AdObject *ad_int_from_int64_alloc(int64_t v);   /* not a small int: a new block */

__attribute__((always_inline)) static inline AdObject *AdInt_FromInt64(int64_t v)
{
    if ((uint64_t)v - (uint64_t)AD_INT_SMALL_MIN <= (uint64_t)(AD_INT_SMALL_MAX - AD_INT_SMALL_MIN)) {
        AdIntObject *s = ad_small_ints[v - AD_INT_SMALL_MIN];
        if (s)
            return (AdObject *)s;
    }
    return ad_int_from_int64_alloc(v);
}
/* A new exact int for v when v is not a cached small int and the free list
 * has a block (NULL otherwise: nothing done, no error). v != 0. */
__attribute__((always_inline)) static inline AdObject *ad_int_from_freelist(int64_t v)
{
    if (ad_int_nfree == 0)
        return NULL;
    AdIntObject *o = ad_int_freelist[--ad_int_nfree];
    o->ob_base.ob_base.ob_refcnt = 1;
    o->ob_base.ob_size = v < 0 ? -1 : 1;
    o->limbs[0] = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return (AdObject *)o;
}
/* AdInt_FromInt64 with the free list inline too (for the hottest callers:
 * the evaluation loop's fast paths and the range iterator). */
__attribute__((always_inline)) static inline AdObject *ad_int_from_int64_inline(int64_t v)
{
    AdObject *o;
    if ((uint64_t)v - (uint64_t)AD_INT_SMALL_MIN <= (uint64_t)(AD_INT_SMALL_MAX - AD_INT_SMALL_MIN)) {
        if ((o = (AdObject *)ad_small_ints[v - AD_INT_SMALL_MIN]) != NULL)
            return o;
    }
    else if ((o = ad_int_from_freelist(v)) != NULL)
        return o;
    return ad_int_from_int64_alloc(v);
}
/* Frees an exact int whose count reached zero (ad_int_dealloc inline). */
__attribute__((always_inline)) static inline void ad_int_release(AdObject *o)
{
    if (ad_int_nfree < AD_INT_FREELIST_MAX)
        ad_int_freelist[ad_int_nfree++] = (AdIntObject *)o;
    else
        Ad_Dealloc(o);
}

/* Shared by the numeric types: 1 when the rich comparison op holds for c
 * (c < 0, == 0, > 0). */
__attribute__((always_inline)) static inline int ad_cmp_result(int c, int op)
{
    switch (op) {
    case AD_LT: return c < 0;
    case AD_LE: return c <= 0;
    case AD_EQ: return c == 0;
    case AD_NE: return c != 0;
    case AD_GT: return c > 0;
    default: return c >= 0;
    }
}
/* Argument parsing for the numeric constructors and methods: positional
 * args[0..nargs) and keywords (kwnames tuple with values after the
 * positionals, or a kwargs dict). names[i] is the i-th parameter; the first
 * npos_only are positional-only, the first max_pos may be positional, at
 * least min_args are required. out[i] gets a borrowed ref or NULL. Raises
 * CPython's argument-clinic messages. 0 or -1. */
int ad_num_parse_args(const char *fname, AdObject *const *args, Ad_ssize_t nargs,
                      AdObject *kwnames, AdObject *kwdict, const char *const *names,
                      int nparams, int npos_only, int max_pos, int min_args, AdObject **out);
/* Shared by int*.c, bool.c, float*.c and complex*.c (not a public API). */
extern AdNumberMethods ad_int_as_number;
void ad_int_dealloc(AdObject *o);
AdObject *ad_int_add(AdObject *a, AdObject *b);
AdObject *ad_int_sub(AdObject *a, AdObject *b);
AdObject *ad_int_mul(AdObject *a, AdObject *b);
AdObject *ad_int_floordiv(AdObject *a, AdObject *b);
AdObject *ad_int_mod(AdObject *a, AdObject *b);
AdObject *ad_int_divmod(AdObject *a, AdObject *b);
AdObject *ad_int_truediv(AdObject *a, AdObject *b);
AdObject *ad_int_pow(AdObject *a, AdObject *b, AdObject *m);
AdObject *ad_int_neg(AdObject *a);
AdObject *ad_int_pos(AdObject *a);
AdObject *ad_int_abs(AdObject *a);
AdObject *ad_int_invert(AdObject *a);
AdObject *ad_int_lshift(AdObject *a, AdObject *b);
AdObject *ad_int_rshift(AdObject *a, AdObject *b);
AdObject *ad_int_and(AdObject *a, AdObject *b);
AdObject *ad_int_or(AdObject *a, AdObject *b);
AdObject *ad_int_xor(AdObject *a, AdObject *b);
AdObject *ad_int_richcompare(AdObject *a, AdObject *b, int op);
Ad_hash_t ad_int_hash(AdObject *a);
AdObject *ad_int_repr(AdObject *a);
AdObject *ad_int_to_text(AdObject *a, int base, int prefix);
AdObject *ad_int_format(AdObject *self, AdObject *spec);
#endif
