/* hash_blake2.c: the `_blake2` module: blake2b and blake2s (RFC 7693) with
 * the parameter block of the BLAKE2 specification (digest_size, key, salt,
 * person, fanout, depth, leaf_size, node_offset, node_depth, inner_size,
 * last_node), over the shared hash object of hash_common.c. The IVs are
 * SHA-512's and SHA-256's. */
#include "import/builtin_modules.h"
#include "modules/hash_common.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#include <stdlib.h>
#include <string.h>

static const unsigned char sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

/* One state for both widths: 'b' uses 64-bit words, 's' the low 32 bits. */
typedef struct {
    uint64_t h[8];
    uint64_t t[2];
    unsigned char buf[128];
    unsigned buflen;
    int wide;           /* blake2b */
    int last_node;
    unsigned outlen;
} Blake2State;

static uint64_t iv_b[8];
static uint32_t iv_s[8];

static void compress_b(Blake2State *s, const unsigned char *block, int last)
{
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = hash_load64le(block + 8 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = s->h[i];
        v[i + 8] = iv_b[i];
    }
    v[12] ^= s->t[0];
    v[13] ^= s->t[1];
    if (last) {
        v[14] = ~v[14];
        if (s->last_node)
            v[15] = ~v[15];
    }
#define GB(a, b, c, d, x, y)                    \
    do {                                        \
        v[a] = v[a] + v[b] + (x);               \
        v[d] = hash_rotr64(v[d] ^ v[a], 32);    \
        v[c] = v[c] + v[d];                     \
        v[b] = hash_rotr64(v[b] ^ v[c], 24);    \
        v[a] = v[a] + v[b] + (y);               \
        v[d] = hash_rotr64(v[d] ^ v[a], 16);    \
        v[c] = v[c] + v[d];                     \
        v[b] = hash_rotr64(v[b] ^ v[c], 63);    \
    } while (0)
    for (int r = 0; r < 12; r++) {
        const unsigned char *z = sigma[r % 10];
        GB(0, 4, 8, 12, m[z[0]], m[z[1]]);
        GB(1, 5, 9, 13, m[z[2]], m[z[3]]);
        GB(2, 6, 10, 14, m[z[4]], m[z[5]]);
        GB(3, 7, 11, 15, m[z[6]], m[z[7]]);
        GB(0, 5, 10, 15, m[z[8]], m[z[9]]);
        GB(1, 6, 11, 12, m[z[10]], m[z[11]]);
        GB(2, 7, 8, 13, m[z[12]], m[z[13]]);
        GB(3, 4, 9, 14, m[z[14]], m[z[15]]);
    }
#undef GB
    for (int i = 0; i < 8; i++)
        s->h[i] ^= v[i] ^ v[i + 8];
}

static void compress_s(Blake2State *s, const unsigned char *block, int last)
{
    uint32_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = hash_load32le(block + 4 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = (uint32_t)s->h[i];
        v[i + 8] = iv_s[i];
    }
    v[12] ^= (uint32_t)s->t[0];
    v[13] ^= (uint32_t)(s->t[0] >> 32);
    if (last) {
        v[14] = ~v[14];
        if (s->last_node)
            v[15] = ~v[15];
    }
#define GS(a, b, c, d, x, y)                    \
    do {                                        \
        v[a] = v[a] + v[b] + (x);               \
        v[d] = hash_rotr32(v[d] ^ v[a], 16);    \
        v[c] = v[c] + v[d];                     \
        v[b] = hash_rotr32(v[b] ^ v[c], 12);    \
        v[a] = v[a] + v[b] + (y);               \
        v[d] = hash_rotr32(v[d] ^ v[a], 8);     \
        v[c] = v[c] + v[d];                     \
        v[b] = hash_rotr32(v[b] ^ v[c], 7);     \
    } while (0)
    for (int r = 0; r < 10; r++) {
        const unsigned char *z = sigma[r];
        GS(0, 4, 8, 12, m[z[0]], m[z[1]]);
        GS(1, 5, 9, 13, m[z[2]], m[z[3]]);
        GS(2, 6, 10, 14, m[z[4]], m[z[5]]);
        GS(3, 7, 11, 15, m[z[6]], m[z[7]]);
        GS(0, 5, 10, 15, m[z[8]], m[z[9]]);
        GS(1, 6, 11, 12, m[z[10]], m[z[11]]);
        GS(2, 7, 8, 13, m[z[12]], m[z[13]]);
        GS(3, 4, 9, 14, m[z[14]], m[z[15]]);
    }
#undef GS
    for (int i = 0; i < 8; i++)
        s->h[i] = (uint32_t)(s->h[i] ^ v[i] ^ v[i + 8]);
}

static void add_counter(Blake2State *s, uint64_t n)
{
    s->t[0] += n;
    if (s->t[0] < n)
        s->t[1]++;
}

static void blake2_update(void *ctx, const unsigned char *p, size_t n)
{
    Blake2State *s = ctx;
    unsigned block = s->wide ? 128 : 64;
    while (n > 0) {
        /* a full buffer is compressed only once more input follows it */
        if (s->buflen == block) {
            add_counter(s, block);
            if (s->wide)
                compress_b(s, s->buf, 0);
            else
                compress_s(s, s->buf, 0);
            s->buflen = 0;
        }
        size_t take = block - s->buflen;
        if (take > n)
            take = n;
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += (unsigned)take;
        p += take;
        n -= take;
    }
}

static void blake2_final(void *ctx, unsigned char *out, size_t outlen)
{
    Blake2State *s = ctx;
    unsigned block = s->wide ? 128 : 64;
    add_counter(s, s->buflen);
    memset(s->buf + s->buflen, 0, block - s->buflen);
    if (s->wide)
        compress_b(s, s->buf, 1);
    else
        compress_s(s, s->buf, 1);
    unsigned w = s->wide ? 8 : 4;
    for (size_t i = 0; i < outlen; i++)
        out[i] = (unsigned char)(s->h[i / w] >> (8 * (i % w)));
}

static const AdHashAlgo blake2b_algo = {"blake2b", 64, 128, sizeof(Blake2State), NULL, blake2_update, blake2_final};
static const AdHashAlgo blake2s_algo = {"blake2s", 32, 64, sizeof(Blake2State), NULL, blake2_update, blake2_final};

static AdObject *blake2_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames);
static AdObject *blake2_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs);

static AdTypeObject Blake2b_Type = {HASH_TYPE_INIT("_blake2.blake2b", hash_methods, hash_getset),
                                    .tp_vectorcall = blake2_vectorcall};
static AdTypeObject Blake2s_Type = {HASH_TYPE_INIT("_blake2.blake2s", hash_methods, hash_getset),
                                    .tp_vectorcall = blake2_vectorcall};

/* A byte-string parameter (bytes-like) into dst, at most max bytes. */
static int bytes_param(AdObject *o, const char *what, Ad_ssize_t max, unsigned char *dst, Ad_ssize_t *len)
{
    *len = 0;
    if (!o)
        return 0;
    AdBuffer view;
    if (AdObject_GetBuffer(o, &view, AD_BUF_SIMPLE) < 0)
        return -1;
    if (view.len > max) {
        AdBuffer_Release(&view);
        AdErr_Format(AdExc_ValueError, "maximum %s length is %zd bytes", what, max);
        return -1;
    }
    memcpy(dst, view.buf, (size_t)view.len);
    *len = view.len;
    AdBuffer_Release(&view);
    return 0;
}

/* An int parameter (absent: dflt). With is_unsigned, negative values raise
 * ValueError "Cannot convert negative int". 0 or -1. */
static int int_param(AdObject *o, int64_t dflt, int is_unsigned, int64_t *out, int *too_big)
{
    *too_big = 0;
    if (!o) {
        *out = dflt;
        return 0;
    }
    AdObject *n = AdNumber_Index(o);
    if (!n)
        return -1;
    int neg = AdInt_Sign(n) < 0;
    int ok = AdInt_AsInt64Exact(n, out);
    Ad_DECREF(n);
    if (is_unsigned && neg) {
        AdErr_SetString(AdExc_ValueError, "Cannot convert negative int");
        return -1;
    }
    if (!ok) {
        *too_big = 1;
        *out = neg ? INT64_MIN : INT64_MAX;
    }
    return 0;
}

static AdObject *blake2_make(AdTypeObject *type, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    int wide = AdType_IsSubtype(type, &Blake2b_Type);
    const char *fname = wide ? "blake2b" : "blake2s";
    static const char *const names[] = {"data", "digest_size", "key", "salt", "person", "fanout", "depth",
                                        "leaf_size", "node_offset", "node_depth", "inner_size", "last_node",
                                        "usedforsecurity", "string", NULL};
    AdObject *a[14];
    if (nargs > 1) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most 1 positional argument (%zd given)", fname, nargs);
        return NULL;
    }
    if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    AdObject *data = a[0];
    if (a[0] && a[13] && a[13] != Ad_None) {
        AdErr_SetString(AdExc_TypeError,
                        "'data' and 'string' are mutually exclusive and support for 'string' keyword "
                        "parameter is slated for removal in a future version.");
        return NULL;
    }
    if (!data && a[13] && a[13] != Ad_None)
        data = a[13];
    const Ad_ssize_t maxd = wide ? 64 : 32, saltsz = wide ? 16 : 8;
    int64_t digest_size, fanout, depth, leaf, node_offset, node_depth, inner;
    int big;
    if (int_param(a[1], maxd, 0, &digest_size, &big) < 0)
        return NULL;
    if (big || digest_size < 1 || digest_size > maxd) {
        AdErr_Format(AdExc_ValueError, "digest_size for %s must be between 1 and %zd bytes, here it is %lld",
                     wide ? "Blake2b" : "Blake2s", maxd, (long long)digest_size);
        return NULL;
    }
    unsigned char key[64], salt[16] = {0}, person[16] = {0};
    Ad_ssize_t keylen, saltlen, personlen;
    if (bytes_param(a[2], "key", maxd, key, &keylen) < 0 || bytes_param(a[3], "salt", saltsz, salt, &saltlen) < 0 ||
        bytes_param(a[4], "person", saltsz, person, &personlen) < 0)
        return NULL;
    if (int_param(a[5], 1, 0, &fanout, &big) < 0)
        return NULL;
    if (big || fanout < 0 || fanout > 255) {
        AdErr_SetString(AdExc_ValueError, "fanout must be between 0 and 255");
        return NULL;
    }
    if (int_param(a[6], 1, 0, &depth, &big) < 0)
        return NULL;
    if (big || depth < 1 || depth > 255) {
        AdErr_SetString(AdExc_ValueError, "depth must be between 1 and 255");
        return NULL;
    }
    if (int_param(a[7], 0, 1, &leaf, &big) < 0)
        return NULL;
    if (big || leaf > 0xffffffffLL) {
        AdErr_SetString(AdExc_OverflowError, "leaf_size is too large");
        return NULL;
    }
    if (int_param(a[8], 0, 1, &node_offset, &big) < 0)
        return NULL;
    if (big || (!wide && node_offset >= ((int64_t)1 << 48))) {
        AdErr_SetString(AdExc_OverflowError, big && wide ? "Python int too large to convert to C unsigned long long"
                                                         : "node_offset is too large");
        return NULL;
    }
    if (int_param(a[9], 0, 0, &node_depth, &big) < 0)
        return NULL;
    if (big || node_depth < 0 || node_depth > 255) {
        AdErr_SetString(AdExc_ValueError, "node_depth must be between 0 and 255");
        return NULL;
    }
    if (int_param(a[10], 0, 0, &inner, &big) < 0)
        return NULL;
    if (big || inner < 0 || inner > maxd) {
        AdErr_Format(AdExc_ValueError, "inner_size must be between 0 and is %zd", maxd);
        return NULL;
    }
    int last_node = a[11] ? AdObject_IsTrue(a[11]) : 0;
    if (last_node < 0)
        return NULL;

    AdHashObject *h = hash_new_object(type, wide ? &blake2b_algo : &blake2s_algo);
    if (!h)
        return NULL;
    h->digest_size = (Ad_ssize_t)digest_size;
    Blake2State *s = h->ctx;
    s->wide = wide;
    s->last_node = last_node;
    s->outlen = (unsigned)digest_size;
    /* the parameter block */
    unsigned char p[64] = {0};
    p[0] = (unsigned char)digest_size;
    p[1] = (unsigned char)keylen;
    p[2] = (unsigned char)fanout;
    p[3] = (unsigned char)depth;
    for (int i = 0; i < 4; i++)
        p[4 + i] = (unsigned char)(leaf >> (8 * i));
    if (wide) {
        for (int i = 0; i < 8; i++)
            p[8 + i] = (unsigned char)((uint64_t)node_offset >> (8 * i));
        p[16] = (unsigned char)node_depth;
        p[17] = (unsigned char)inner;
        memcpy(p + 32, salt, 16);
        memcpy(p + 48, person, 16);
        for (int i = 0; i < 8; i++)
            s->h[i] = iv_b[i] ^ hash_load64le(p + 8 * i);
    } else {
        for (int i = 0; i < 6; i++)
            p[8 + i] = (unsigned char)((uint64_t)node_offset >> (8 * i));
        p[14] = (unsigned char)node_depth;
        p[15] = (unsigned char)inner;
        memcpy(p + 16, salt, 8);
        memcpy(p + 24, person, 8);
        for (int i = 0; i < 8; i++)
            s->h[i] = iv_s[i] ^ hash_load32le(p + 4 * i);
    }
    if (keylen > 0) {
        unsigned char blk[128] = {0};
        memcpy(blk, key, (size_t)keylen);
        blake2_update(s, blk, wide ? 128 : 64);
    }
    if (data && hash_update_object(h, data) < 0) {
        Ad_DECREF((AdObject *)h);
        return NULL;
    }
    return (AdObject *)h;
}

static AdObject *blake2_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    return blake2_make((AdTypeObject *)type, args, AdVectorcall_NARGS(nargsf), kwnames);
}

/* Calls that come through tp_new (type.__call__ with a tuple and a dict). */
static AdObject *blake2_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    return hash_new_from_tuple(type, args, kwargs, blake2_make);
}

static int add_class_int(AdTypeObject *t, const char *name, int64_t v)
{
    AdObject *o = AdInt_FromInt64(v);
    if (!o)
        return -1;
    int rc = AdDict_SetItemString(t->tp_dict, name, o);
    Ad_DECREF(o);
    return rc;
}

AdObject *AdModule_InitBlake2(void)
{
    hash_constants_init();
    for (int i = 0; i < 8; i++) {
        iv_b[i] = hash_sqrt_frac[i];
        iv_s[i] = (uint32_t)(hash_sqrt_frac[i] >> 32);
    }
    Blake2b_Type.tp_new = blake2_tp_new;
    Blake2s_Type.tp_new = blake2_tp_new;
    AdObject *m = AdModule_New("_blake2");
    if (!m)
        return NULL;
    if (hash_add_type(m, &Blake2b_Type, "blake2b") < 0 || hash_add_type(m, &Blake2s_Type, "blake2s") < 0 ||
        add_class_int(&Blake2b_Type, "SALT_SIZE", 16) < 0 || add_class_int(&Blake2b_Type, "PERSON_SIZE", 16) < 0 ||
        add_class_int(&Blake2b_Type, "MAX_KEY_SIZE", 64) < 0 ||
        add_class_int(&Blake2b_Type, "MAX_DIGEST_SIZE", 64) < 0 ||
        add_class_int(&Blake2s_Type, "SALT_SIZE", 8) < 0 || add_class_int(&Blake2s_Type, "PERSON_SIZE", 8) < 0 ||
        add_class_int(&Blake2s_Type, "MAX_KEY_SIZE", 32) < 0 ||
        add_class_int(&Blake2s_Type, "MAX_DIGEST_SIZE", 32) < 0 ||
        AdModule_AddIntConstant(m, "BLAKE2B_SALT_SIZE", 16) < 0 ||
        AdModule_AddIntConstant(m, "BLAKE2B_PERSON_SIZE", 16) < 0 ||
        AdModule_AddIntConstant(m, "BLAKE2B_MAX_KEY_SIZE", 64) < 0 ||
        AdModule_AddIntConstant(m, "BLAKE2B_MAX_DIGEST_SIZE", 64) < 0 ||
        AdModule_AddIntConstant(m, "BLAKE2S_SALT_SIZE", 8) < 0 ||
        AdModule_AddIntConstant(m, "BLAKE2S_PERSON_SIZE", 8) < 0 ||
        AdModule_AddIntConstant(m, "BLAKE2S_MAX_KEY_SIZE", 32) < 0 ||
        AdModule_AddIntConstant(m, "BLAKE2S_MAX_DIGEST_SIZE", 32) < 0 ||
        AdModule_AddIntConstant(m, "_GIL_MINSIZE", 2048) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
