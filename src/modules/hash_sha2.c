/* hash_sha2.c: the `_sha2` module: sha224, sha256, sha384 and sha512
 * (FIPS 180-4, sections 6.2-6.5) over the shared hash object of
 * hash_common.c; the constants come from hash_constants_init. */
#include "import/builtin_modules.h"
#include "modules/hash_common.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/typeobject.h"

static uint32_t k256[64];

static void sha256_compress(uint64_t *h, const unsigned char *block)
{
    uint32_t w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = hash_load32be(block + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = hash_rotr32(w[i - 15], 7) ^ hash_rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = hash_rotr32(w[i - 2], 17) ^ hash_rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    for (int i = 0; i < 8; i++)
        v[i] = (uint32_t)h[i];
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = hash_rotr32(v[4], 6) ^ hash_rotr32(v[4], 11) ^ hash_rotr32(v[4], 25);
        uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint32_t t1 = v[7] + S1 + ch + k256[i] + w[i];
        uint32_t S0 = hash_rotr32(v[0], 2) ^ hash_rotr32(v[0], 13) ^ hash_rotr32(v[0], 22);
        uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        uint32_t t2 = S0 + maj;
        v[7] = v[6];
        v[6] = v[5];
        v[5] = v[4];
        v[4] = v[3] + t1;
        v[3] = v[2];
        v[2] = v[1];
        v[1] = v[0];
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] = (uint32_t)(h[i] + v[i]);
}

static void sha512_compress(uint64_t *h, const unsigned char *block)
{
    uint64_t w[80], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = hash_load64be(block + 8 * i);
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = hash_rotr64(w[i - 15], 1) ^ hash_rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = hash_rotr64(w[i - 2], 19) ^ hash_rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    for (int i = 0; i < 8; i++)
        v[i] = h[i];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = hash_rotr64(v[4], 14) ^ hash_rotr64(v[4], 18) ^ hash_rotr64(v[4], 41);
        uint64_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint64_t t1 = v[7] + S1 + ch + hash_k512[i] + w[i];
        uint64_t S0 = hash_rotr64(v[0], 28) ^ hash_rotr64(v[0], 34) ^ hash_rotr64(v[0], 39);
        uint64_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        uint64_t t2 = S0 + maj;
        v[7] = v[6];
        v[6] = v[5];
        v[5] = v[4];
        v[4] = v[3] + t1;
        v[3] = v[2];
        v[2] = v[1];
        v[1] = v[0];
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] += v[i];
}

static void sha256_init(void *ctx)
{
    HashMDState *s = ctx;
    for (int i = 0; i < 8; i++)
        s->h[i] = hash_sqrt_frac[i] >> 32;
}

static void sha224_init(void *ctx)
{
    HashMDState *s = ctx;
    /* the second 32 bits of the fractional square roots of primes 9..16 */
    for (int i = 0; i < 8; i++)
        s->h[i] = (uint32_t)hash_sqrt_frac[8 + i];
}

static void sha512_init(void *ctx)
{
    HashMDState *s = ctx;
    for (int i = 0; i < 8; i++)
        s->h[i] = hash_sqrt_frac[i];
}

static void sha384_init(void *ctx)
{
    HashMDState *s = ctx;
    for (int i = 0; i < 8; i++)
        s->h[i] = hash_sqrt_frac[8 + i];
}

static void sha256_update(void *ctx, const unsigned char *p, size_t n)
{
    hash_md_update(ctx, p, n, 64, sha256_compress);
}

static void sha512_update(void *ctx, const unsigned char *p, size_t n)
{
    hash_md_update(ctx, p, n, 128, sha512_compress);
}

static void sha256_final(void *ctx, unsigned char *out, size_t outlen)
{
    HashMDState *s = ctx;
    hash_md_pad(s, 64, 8, 0, sha256_compress);
    for (size_t i = 0; i < outlen; i++)
        out[i] = (unsigned char)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

static void sha512_final(void *ctx, unsigned char *out, size_t outlen)
{
    HashMDState *s = ctx;
    hash_md_pad(s, 128, 16, 0, sha512_compress);
    for (size_t i = 0; i < outlen; i++)
        out[i] = (unsigned char)(s->h[i / 8] >> (56 - 8 * (i % 8)));
}

static const AdHashAlgo sha224_algo = {"sha224", 28, 64, sizeof(HashMDState), sha224_init, sha256_update, sha256_final};
static const AdHashAlgo sha256_algo = {"sha256", 32, 64, sizeof(HashMDState), sha256_init, sha256_update, sha256_final};
static const AdHashAlgo sha384_algo = {"sha384", 48, 128, sizeof(HashMDState), sha384_init, sha512_update, sha512_final};
static const AdHashAlgo sha512_algo = {"sha512", 64, 128, sizeof(HashMDState), sha512_init, sha512_update, sha512_final};

static AdTypeObject SHA224_Type = {HASH_TYPE_INIT("_sha2.SHA224Type", hash_methods, hash_getset)};
static AdTypeObject SHA256_Type = {HASH_TYPE_INIT("_sha2.SHA256Type", hash_methods, hash_getset)};
static AdTypeObject SHA384_Type = {HASH_TYPE_INIT("_sha2.SHA384Type", hash_methods, hash_getset)};
static AdTypeObject SHA512_Type = {HASH_TYPE_INIT("_sha2.SHA512Type", hash_methods, hash_getset)};

#define SHA2_CTOR(fn, type, algo, name)                                                          \
    static AdObject *fn(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames) \
    {                                                                                            \
        (void)m;                                                                                 \
        return hash_construct(&type, &algo, name, args, nargs, kwnames);                        \
    }
SHA2_CTOR(sha224_new, SHA224_Type, sha224_algo, "sha224")
SHA2_CTOR(sha256_new, SHA256_Type, sha256_algo, "sha256")
SHA2_CTOR(sha384_new, SHA384_Type, sha384_algo, "sha384")
SHA2_CTOR(sha512_new, SHA512_Type, sha512_algo, "sha512")
#undef SHA2_CTOR

#define FKW AD_METH_FASTCALL | AD_METH_KEYWORDS
static AdMethodDef sha2_functions[] = {
    {"sha224", (void (*)(void))sha224_new, FKW, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {"sha256", (void (*)(void))sha256_new, FKW, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {"sha384", (void (*)(void))sha384_new, FKW, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {"sha512", (void (*)(void))sha512_new, FKW, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};
#undef FKW

AdObject *AdModule_InitSha2(void)
{
    hash_constants_init();
    for (int i = 0; i < 64; i++)
        k256[i] = (uint32_t)(hash_k512[i] >> 32);
    AdObject *m = AdModule_New("_sha2");
    if (!m)
        return NULL;
    if (hash_add_type(m, &SHA224_Type, "SHA224Type") < 0 || hash_add_type(m, &SHA256_Type, "SHA256Type") < 0 ||
        hash_add_type(m, &SHA384_Type, "SHA384Type") < 0 || hash_add_type(m, &SHA512_Type, "SHA512Type") < 0 ||
        AdModule_AddFunctions(m, sha2_functions) < 0 || AdModule_AddIntConstant(m, "_GIL_MINSIZE", 2048) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
