/* hash_sha1.c: the `_sha1` module: sha1 (FIPS 180-4, section 6.1) over the
 * shared hash object of hash_common.c. */
#include "import/builtin_modules.h"
#include "modules/hash_common.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/typeobject.h"

static void sha1_compress(uint64_t *h, const unsigned char *block)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = hash_load32be(block + 4 * i);
    for (int i = 16; i < 80; i++)
        w[i] = hash_rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = (uint32_t)h[0], b = (uint32_t)h[1], c = (uint32_t)h[2], d = (uint32_t)h[3], e = (uint32_t)h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = hash_rotl32(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = hash_rotl32(b, 30);
        b = a;
        a = t;
    }
    h[0] = (uint32_t)(h[0] + a);
    h[1] = (uint32_t)(h[1] + b);
    h[2] = (uint32_t)(h[2] + c);
    h[3] = (uint32_t)(h[3] + d);
    h[4] = (uint32_t)(h[4] + e);
}

static void sha1_init(void *ctx)
{
    HashMDState *s = ctx;
    s->h[0] = 0x67452301;
    s->h[1] = 0xefcdab89;
    s->h[2] = 0x98badcfe;
    s->h[3] = 0x10325476;
    s->h[4] = 0xc3d2e1f0;
}

static void sha1_update(void *ctx, const unsigned char *p, size_t n)
{
    hash_md_update(ctx, p, n, 64, sha1_compress);
}

static void sha1_final(void *ctx, unsigned char *out, size_t outlen)
{
    HashMDState *s = ctx;
    (void)outlen;
    hash_md_pad(s, 64, 8, 0, sha1_compress);
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 4; j++)
            out[4 * i + j] = (unsigned char)(s->h[i] >> (24 - 8 * j));
}

static const AdHashAlgo sha1_algo = {"sha1", 20, 64, sizeof(HashMDState), sha1_init, sha1_update, sha1_final};

static AdTypeObject SHA1_Type = {HASH_TYPE_INIT("_sha1.sha1", hash_methods, hash_getset)};

static AdObject *sha1_new(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return hash_construct(&SHA1_Type, &sha1_algo, "sha1", args, nargs, kwnames);
}

static AdMethodDef sha1_functions[] = {
    {"sha1", (void (*)(void))sha1_new, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a new SHA1 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitSha1(void)
{
    AdObject *m = AdModule_New("_sha1");
    if (!m)
        return NULL;
    if (hash_add_type(m, &SHA1_Type, "SHA1Type") < 0 || AdModule_AddFunctions(m, sha1_functions) < 0 ||
        AdModule_AddIntConstant(m, "_GIL_MINSIZE", 2048) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
