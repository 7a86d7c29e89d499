/* numeric/hash.c: Python's hash values (see hash.h). Algorithms from their
 * public descriptions: numeric hashing as in the "Hashing of numeric types"
 * section of the Python library reference; SipHash-1-3 from Aumasson and
 * Bernstein's SipHash paper (1 compression round, 3 finalisation rounds);
 * the tuple hash combines item hashes with xxHash64's round function and
 * primes (acc += lane * P2; acc = rotl(acc, 31); acc *= P1), starting from
 * P5 and finishing with acc += n ^ (P5 ^ 3527539). */
#include "numeric/hash.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

static uint8_t hash_secret[24];

const uint8_t *AdHash_Secret(void)
{
    return hash_secret;
}

void AdHash_InitSecretFromSeed(uint32_t seed)
{
    if (seed == 0) {
        memset(hash_secret, 0, sizeof hash_secret);
        return;
    }
    uint32_t x = seed;
    for (size_t i = 0; i < sizeof hash_secret; i++) {
        x = x * 214013u + 2531011u;
        hash_secret[i] = (uint8_t)((x >> 16) & 0xff);
    }
}

static int random_bytes(uint8_t *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(buf + got, n - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        got += (size_t)r;
    }
    if (got == n)
        return 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0) {
            if (r < 0 && errno == EINTR)
                continue;
            close(fd);
            return -1;
        }
        got += (size_t)r;
    }
    close(fd);
    return 0;
}

int AdHash_InitSecret(const char *seed_text)
{
    if (seed_text == NULL || seed_text[0] == '\0' || strcmp(seed_text, "random") == 0)
        return random_bytes(hash_secret, sizeof hash_secret);
    const char *p = seed_text;
    if (*p < '0' || *p > '9')
        return -1;
    unsigned long long v = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        v = v * 10 + (unsigned)(*p - '0');
        if (v > 4294967295ULL)
            return -1;
    }
    if (*p != '\0')
        return -1;
    AdHash_InitSecretFromSeed((uint32_t)v);
    return 0;
}

/* ---- SipHash-1-3 ------------------------------------------------------ */

static inline uint64_t rotl64(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

#define SIP_ROUND(v0, v1, v2, v3)              \
    do {                                       \
        v0 += v1; v1 = rotl64(v1, 13); v1 ^= v0; v0 = rotl64(v0, 32); \
        v2 += v3; v3 = rotl64(v3, 16); v3 ^= v2;                      \
        v0 += v3; v3 = rotl64(v3, 21); v3 ^= v0;                      \
        v2 += v1; v1 = rotl64(v1, 17); v1 ^= v2; v2 = rotl64(v2, 32); \
    } while (0)

/* The 8 bytes at p as a little-endian number. */
static inline uint64_t le64(const uint8_t *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
#else
    uint64_t v = 0;
    for (int j = 7; j >= 0; j--)
        v = (v << 8) | p[j];
    return v;
#endif
}

uint64_t AdHash_SipHash13(uint64_t k0, uint64_t k1, const void *data, size_t len)
{
    const uint8_t *p = data;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    size_t nblocks = len / 8;
    for (size_t i = 0; i < nblocks; i++) {
        uint64_t m = le64(p + i * 8);
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    /* The last 0..7 bytes, little-endian, under the length in the top byte. */
    uint64_t b = (uint64_t)len << 56;
    size_t tail = len & 7;
    const uint8_t *t = p + nblocks * 8;
    switch (tail) {
    case 7: b |= (uint64_t)t[6] << 48; /* fall through */
    case 6: b |= (uint64_t)t[5] << 40; /* fall through */
    case 5: b |= (uint64_t)t[4] << 32; /* fall through */
    case 4: {
        uint32_t w;
        memcpy(&w, t, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap32(w);
#endif
        b |= w;
        break;
    }
    case 3: b |= (uint64_t)t[2] << 16; /* fall through */
    case 2: b |= (uint64_t)t[1] << 8; /* fall through */
    case 1: b |= t[0]; break;
    default: break;
    }
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

static AdHash fix_minus_one(uint64_t h)
{
    AdHash r = (AdHash)h;
    return r == -1 ? -2 : r;
}

AdHash AdHash_Bytes(const void *data, size_t len)
{
    if (len == 0)
        return 0;
    return fix_minus_one(AdHash_SipHash13(le64(hash_secret), le64(hash_secret + 8), data, len));
}

/* ---- numbers ----------------------------------------------------------- */

static uint64_t mod_p(uint64_t x)
{
    x = (x & AD_HASH_MODULUS) + (x >> AD_HASH_BITS);
    if (x >= AD_HASH_MODULUS)
        x -= AD_HASH_MODULUS;
    return x;
}

/* x * 2**k mod P for x < P: a rotation within 61 bits. */
static uint64_t rot_p(uint64_t x, unsigned k)
{
    k %= AD_HASH_BITS;
    if (k == 0)
        return x;
    return ((x << k) & AD_HASH_MODULUS) | (x >> (AD_HASH_BITS - k));
}

static AdHash signed_hash(uint64_t h, int neg)
{
    AdHash r = (AdHash)h;
    if (neg)
        r = -r;
    return r == -1 ? -2 : r;
}

AdHash AdHash_IntLimbs(int64_t size, const uint64_t *limbs)
{
    int64_t n = size < 0 ? -size : size;
    uint64_t h = 0;
    /* 2**64 == 2**3 (mod P) */
    for (int64_t i = n - 1; i >= 0; i--) {
        h = rot_p(h, 64);
        h = mod_p(h + mod_p(limbs[i]));
    }
    return signed_hash(h, size < 0);
}

AdHash AdHash_Int64(int64_t v)
{
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    return signed_hash(mod_p(m), v < 0);
}

AdHash AdHash_Double(double x)
{
    if (isinf(x))
        return x > 0 ? AD_HASH_INF : -AD_HASH_INF;
    if (x == 0 || isnan(x))
        return 0;
    int e;
    double m = frexp(fabs(x), &e);   /* |x| = m * 2**e, 0.5 <= m < 1 */
    /* |x| = mant * 2**(e - 53) with an integer mant < 2**53 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    int64_t k = (int64_t)e - 53;
    uint64_t h = mod_p(mant);
    /* 2**k mod P: for k < 0 use 2**-1 == 2**60 */
    int64_t r = k % AD_HASH_BITS;
    if (r < 0)
        r += AD_HASH_BITS;
    h = rot_p(h, (unsigned)r);
    return signed_hash(h, x < 0);
}

AdHash AdHash_Complex(AdHash real_hash, AdHash imag_hash)
{
    uint64_t h = (uint64_t)real_hash + (uint64_t)AD_HASH_IMAG * (uint64_t)imag_hash;
    return fix_minus_one(h);
}

#define XX_P1 11400714785074694791ULL
#define XX_P2 14029467366897019727ULL
#define XX_P5 2870177450012600261ULL

AdHashTupleAcc AdHash_TupleStart(void)
{
    return XX_P5;
}

void AdHash_TupleAdd(AdHashTupleAcc *acc, AdHash item)
{
    uint64_t a = *acc + (uint64_t)item * XX_P2;
    a = rotl64(a, 31);
    *acc = a * XX_P1;
}

AdHash AdHash_TupleFinish(AdHashTupleAcc acc, size_t n)
{
    acc += (uint64_t)n ^ (XX_P5 ^ 3527539ULL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (AdHash)acc;
}

AdHash AdHash_Tuple(const AdHash *items, size_t n)
{
    AdHashTupleAcc acc = AdHash_TupleStart();
    for (size_t i = 0; i < n; i++)
        AdHash_TupleAdd(&acc, items[i]);
    return AdHash_TupleFinish(acc, n);
}
