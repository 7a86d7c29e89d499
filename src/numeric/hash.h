/* numeric/hash.h: Python 3.14's hash values on 64-bit hosts
 * (sys.hash_info: width 64, modulus 2**61-1, inf 314159, imag 1000003,
 * algorithm siphash13, cutoff 0). A hash is never -1: -1 becomes -2.
 *
 * Numeric hashes reduce the exact value modulo P = 2**61-1 so that equal
 * int, float, complex (and Fraction/Decimal) values hash alike. The hash of
 * a NaN is the caller's (object identity). Strings and bytes use
 * SipHash-1-3 keyed by the process's hash secret. */
#ifndef ADDER_NUMERIC_HASH_H
#define ADDER_NUMERIC_HASH_H

#include <stddef.h>
#include <stdint.h>

#define AD_HASH_BITS 61
#define AD_HASH_MODULUS (((uint64_t)1 << AD_HASH_BITS) - 1)
#define AD_HASH_INF 314159
#define AD_HASH_IMAG 1000003

typedef int64_t AdHash;

/* The process hash secret (24 bytes; SipHash uses the first 16 as its key).
 * AdHash_InitSecret reads the PYTHONHASHSEED convention from `seed_text`
 * (NULL or "random": random bytes from getrandom/urandom; "0": all zeros,
 * i.e. randomisation disabled; N in 1..4294967295: filled by the LCG
 * x = x*214013 + 2531011, byte = (x >> 16) & 0xff, from x = N).
 * Returns 0, or -1 if seed_text is not a valid seed (the caller reports
 * "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")
 * or no random bytes could be read. */
int AdHash_InitSecret(const char *seed_text);
/* Same, from a numeric seed (0 = all zeros). */
void AdHash_InitSecretFromSeed(uint32_t seed);
/* The current 24 secret bytes (e.g. for the expat salt). */
const uint8_t *AdHash_Secret(void);

/* SipHash-1-3 of the bytes with the secret's key; 0 for an empty input.
 * A str hashes the bytes of its compact form (1, 2 or 4 bytes per code
 * point in native byte order), so hash('é') == hash of one byte 0xE9. */
AdHash AdHash_Bytes(const void *data, size_t len);
/* Keyed SipHash-1-3 itself (the raw 64-bit value; no -1 adjustment). */
uint64_t AdHash_SipHash13(uint64_t k0, uint64_t k1, const void *data, size_t len);

/* hash(int) for a sign-magnitude value: `size` signed limb count,
 * limbs least significant first (the AdBigInt layout). */
AdHash AdHash_IntLimbs(int64_t size, const uint64_t *limbs);
AdHash AdHash_Int64(int64_t v);
/* hash(float) for a finite or infinite x (NaN: the caller's). */
AdHash AdHash_Double(double x);
/* hash(complex) from the hashes of its parts. */
AdHash AdHash_Complex(AdHash real_hash, AdHash imag_hash);

/* hash(tuple): the xxHash64-style combination of the item hashes.
 * Incremental use: h = AdHash_TupleStart(); for each item
 * AdHash_TupleAdd(&h, item_hash); AdHash_TupleFinish(h, n). */
typedef uint64_t AdHashTupleAcc;
AdHashTupleAcc AdHash_TupleStart(void);
void AdHash_TupleAdd(AdHashTupleAcc *acc, AdHash item);
AdHash AdHash_TupleFinish(AdHashTupleAcc acc, size_t n);
AdHash AdHash_Tuple(const AdHash *items, size_t n);

#endif
