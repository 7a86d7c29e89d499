/* hash_md5.c: the `_md5` module: md5 (RFC 1321) over the shared hash
 * object of hash_common.c. The sine table T[i] = floor(2**32 * |sin(i+1)|)
 * is computed once at import. */
#include "import/builtin_modules.h"
#include "modules/hash_common.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/typeobject.h"

#include <math.h>

static uint32_t md5_t[64];
static const int md5_shift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

static void md5_compress(uint64_t *h, const unsigned char *block)
{
    uint32_t x[16], a = (uint32_t)h[0], b = (uint32_t)h[1], c = (uint32_t)h[2], d = (uint32_t)h[3];
    for (int i = 0; i < 16; i++)
        x[i] = hash_load32le(block + 4 * i);
    for (int i = 0; i < 64; i++) {
        int round = i / 16;
        uint32_t f;
        int k;
        switch (round) {
        case 0: f = (b & c) | (~b & d); k = i; break;
        case 1: f = (b & d) | (c & ~d); k = (5 * i + 1) & 15; break;
        case 2: f = b ^ c ^ d; k = (3 * i + 5) & 15; break;
        default: f = c ^ (b | ~d); k = (7 * i) & 15; break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + hash_rotl32(a + f + md5_t[i] + x[k], md5_shift[round][i & 3]);
        a = t;
    }
    h[0] = (uint32_t)(h[0] + a);
    h[1] = (uint32_t)(h[1] + b);
    h[2] = (uint32_t)(h[2] + c);
    h[3] = (uint32_t)(h[3] + d);
}

static void md5_init(void *ctx)
{
    HashMDState *s = ctx;
    s->h[0] = 0x67452301;
    s->h[1] = 0xefcdab89;
    s->h[2] = 0x98badcfe;
    s->h[3] = 0x10325476;
}

static void md5_update(void *ctx, const unsigned char *p, size_t n)
{
    hash_md_update(ctx, p, n, 64, md5_compress);
}

static void md5_final(void *ctx, unsigned char *out, size_t outlen)
{
    HashMDState *s = ctx;
    (void)outlen;
    hash_md_pad(s, 64, 8, 1, md5_compress);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            out[4 * i + j] = (unsigned char)(s->h[i] >> (8 * j));
}

static const AdHashAlgo md5_algo = {"md5", 16, 64, sizeof(HashMDState), md5_init, md5_update, md5_final};

static AdTypeObject MD5_Type = {HASH_TYPE_INIT("_md5.md5", hash_methods, hash_getset)};

static AdObject *md5_new(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return hash_construct(&MD5_Type, &md5_algo, "md5", args, nargs, kwnames);
}

static AdMethodDef md5_functions[] = {
    {"md5", (void (*)(void))md5_new, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a new MD5 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitMd5(void)
{
    for (int i = 0; i < 64; i++)
        md5_t[i] = (uint32_t)floor(fabs(sin((double)(i + 1))) * 4294967296.0);
    AdObject *m = AdModule_New("_md5");
    if (!m)
        return NULL;
    if (hash_add_type(m, &MD5_Type, "MD5Type") < 0 || AdModule_AddFunctions(m, md5_functions) < 0 ||
        AdModule_AddIntConstant(m, "_GIL_MINSIZE", 2048) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
