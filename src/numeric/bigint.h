/* numeric/bigint.h: arbitrary-precision integers with Python's semantics
 * (floor division, infinite two's complement bitwise operations, the
 * int()/str() text syntax and limits), on GMP's kernels.
 *
 * Representation: sign-magnitude. `size` is the signed count of 64-bit
 * limbs (0 for zero; negative for negative values); limbs[0..|size|-1] hold
 * the magnitude, least significant first, with limbs[|size|-1] != 0.
 * An int object embeds this struct as its last member; every result is
 * allocated through the allocator installed with AdBigInt_SetAllocator
 * (default: malloc), so the object layer can put its header in front.
 * Values of one limb take fast paths throughout.
 *
 * Failure: functions returning a pointer return NULL and fill *err;
 * functions returning int return -1 and fill *err. Results are new
 * (the caller owns them and releases them with AdBigInt_Free). Inputs are
 * never modified. A request too large to allocate fails with AD_NUM_MEMORY
 * instead of aborting (GMP's allocation is guarded). */
#ifndef ADDER_NUMERIC_BIGINT_H
#define ADDER_NUMERIC_BIGINT_H

#include <stddef.h>
#include <stdint.h>

#include "numeric/numeric.h"

typedef uint64_t AdLimb;

typedef struct AdBigInt {
    int64_t size;
    AdLimb limbs[];
} AdBigInt;

/* The largest magnitude, in limbs, any operation will try to build. */
#define AD_BIGINT_MAX_LIMBS ((int64_t)1 << 37)

/* The default limit of int<->str conversions in a non power-of-two base
 * (sys.int_info.default_max_str_digits) and the smallest settable one. */
#define AD_BIGINT_DEFAULT_MAX_STR_DIGITS 4300
#define AD_BIGINT_MAX_STR_DIGITS_THRESHOLD 640

/* alloc(nlimbs) returns storage for an AdBigInt with room for nlimbs limbs
 * (or NULL); release(p) frees one. Install once, before any use. */
typedef AdBigInt *(*AdBigIntAllocFn)(int64_t nlimbs);
typedef void (*AdBigIntFreeFn)(AdBigInt *p);
void AdBigInt_SetAllocator(AdBigIntAllocFn alloc, AdBigIntFreeFn release);

/* A new zeroed integer with room for nlimbs limbs (size 0). */
AdBigInt *AdBigInt_New(int64_t nlimbs, AdNumError *err);
void AdBigInt_Free(AdBigInt *a);   /* NULL is fine */
AdBigInt *AdBigInt_Copy(const AdBigInt *a, AdNumError *err);

AdBigInt *AdBigInt_FromInt64(int64_t v, AdNumError *err);
AdBigInt *AdBigInt_FromUInt64(uint64_t v, AdNumError *err);
/* 0 and *out set, or -1 if a does not fit (nothing recorded). */
int AdBigInt_AsInt64(const AdBigInt *a, int64_t *out);
int AdBigInt_AsUInt64(const AdBigInt *a, uint64_t *out);

/* int(x) for a float: truncates toward zero. Errors: "cannot convert float
 * NaN to integer" (VALUE), "cannot convert float infinity to integer"
 * (OVERFLOW). */
AdBigInt *AdBigInt_FromDouble(double x, AdNumError *err);
/* float(a), correctly rounded (half to even). Error: "int too large to
 * convert to float" (OVERFLOW). */
int AdBigInt_AsDouble(const AdBigInt *a, double *out, AdNumError *err);

int AdBigInt_Sign(const AdBigInt *a);                 /* -1, 0, 1 */
int AdBigInt_Compare(const AdBigInt *a, const AdBigInt *b);   /* -1, 0, 1 */
int AdBigInt_CompareInt64(const AdBigInt *a, int64_t b);
int AdBigInt_IsOdd(const AdBigInt *a);

AdBigInt *AdBigInt_Neg(const AdBigInt *a, AdNumError *err);
AdBigInt *AdBigInt_Abs(const AdBigInt *a, AdNumError *err);
AdBigInt *AdBigInt_Add(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
AdBigInt *AdBigInt_Sub(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
AdBigInt *AdBigInt_Mul(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
/* Floor division and modulo (the remainder takes the divisor's sign).
 * Error: "division by zero" (ZERODIV). */
AdBigInt *AdBigInt_FloorDiv(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
AdBigInt *AdBigInt_Mod(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
/* Both at once; either output pointer may be NULL. Returns 0 or -1. */
int AdBigInt_DivMod(const AdBigInt *a, const AdBigInt *b, AdBigInt **q,
                    AdBigInt **r, AdNumError *err);
/* a / b correctly rounded. Errors: "division by zero" (ZERODIV), "integer
 * division result too large for a float" (OVERFLOW). */
int AdBigInt_TrueDiv(const AdBigInt *a, const AdBigInt *b, double *out,
                     AdNumError *err);
/* a ** b, or pow(a, b, m) when m is not NULL. Without m, b must be >= 0
 * (the float result of a negative exponent is the caller's). With m: "pow()
 * 3rd argument cannot be 0", and for b < 0 the modular inverse is used:
 * "base is not invertible for the given modulus" (VALUE). */
AdBigInt *AdBigInt_Pow(const AdBigInt *a, const AdBigInt *b, const AdBigInt *m,
                       AdNumError *err);
/* Shifts by a count that is itself an int. Errors: "negative shift count"
 * (VALUE); an impossible left shift is AD_NUM_MEMORY. Right shifts floor. */
AdBigInt *AdBigInt_LShift(const AdBigInt *a, const AdBigInt *count, AdNumError *err);
AdBigInt *AdBigInt_RShift(const AdBigInt *a, const AdBigInt *count, AdNumError *err);
AdBigInt *AdBigInt_LShiftInt64(const AdBigInt *a, int64_t count, AdNumError *err);
AdBigInt *AdBigInt_RShiftInt64(const AdBigInt *a, int64_t count, AdNumError *err);
/* Bitwise operations on the infinite two's complement form. */
AdBigInt *AdBigInt_And(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
AdBigInt *AdBigInt_Or(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
AdBigInt *AdBigInt_Xor(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
AdBigInt *AdBigInt_Invert(const AdBigInt *a, AdNumError *err);   /* -(a+1) */

int64_t AdBigInt_BitLength(const AdBigInt *a);   /* of |a| */
int64_t AdBigInt_BitCount(const AdBigInt *a);    /* popcount of |a| */
/* math.gcd(a, b) (non-negative). */
AdBigInt *AdBigInt_Gcd(const AdBigInt *a, const AdBigInt *b, AdNumError *err);
/* math.isqrt(a). Error: "isqrt() argument must be nonnegative" (VALUE). */
AdBigInt *AdBigInt_Isqrt(const AdBigInt *a, AdNumError *err);

/* Text. AdBigInt_ToText appends a in base 2..36 (lowercase digits, a
 * leading '-' when negative, and with `prefix` the 0b/0o/0x prefix after
 * the sign for bases 2, 8, 16). When the base is not a power of two and
 * max_str_digits > 0, more digits than that fail with "Exceeds the limit
 * (N digits) for integer string conversion; use
 * sys.set_int_max_str_digits() to increase the limit" (VALUE). */
int AdBigInt_ToText(const AdBigInt *a, int base, int prefix,
                    int64_t max_str_digits, AdNumBuf *out, AdNumError *err);
/* int(text, base) on ASCII text (the caller first maps Unicode decimal
 * digits and white space to ASCII, as int() does for str). base is 0 or
 * 2..36: otherwise "int() base must be >= 2 and <= 36, or 0" (VALUE).
 * A bad literal is AD_NUM_VALUE_REPR with msg "invalid literal for int()
 * with base B: ": the caller appends repr() of the text cut to 200
 * characters. The limit error (non power-of-two bases) reads "Exceeds the
 * limit (N digits) for integer string conversion: value has D digits; use
 * sys.set_int_max_str_digits() to increase the limit". */
AdBigInt *AdBigInt_FromText(const char *s, size_t len, int base,
                            int64_t max_str_digits, AdNumError *err);

/* int.to_bytes: writes exactly len bytes. Errors: "can't convert negative
 * int to unsigned", "int too big to convert" (OVERFLOW). */
int AdBigInt_ToBytes(const AdBigInt *a, uint8_t *out, size_t len,
                     int little_endian, int is_signed, AdNumError *err);
AdBigInt *AdBigInt_FromBytes(const uint8_t *data, size_t len, int little_endian,
                             int is_signed, AdNumError *err);

#endif
