/* hash_sha3.c: the `_sha3` module: sha3_224/256/384/512 and the XOFs
 * shake_128/shake_256 (FIPS 202) over the shared hash object of
 * hash_common.c. The round constants and rotation offsets are generated
 * at import by the standard's own procedures (rc(t) and the (x, y) walk). */
#include "import/builtin_modules.h"
#include "modules/hash_common.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/typeobject.h"

#include <string.h>

typedef struct {
    uint64_t a[25];         /* lane (x, y) at a[x + 5y] */
    unsigned rate;          /* bytes */
    unsigned pos;           /* bytes absorbed into the current block */
    unsigned char suffix;   /* domain bits with the first padding bit: 0x06 or 0x1f */
} Sha3State;

static uint64_t round_const[24];
static int rho_offset[25];

/* FIPS 202 algorithm 5. */
static int rc_bit(int t)
{
    t %= 255;
    unsigned r = 1;
    for (int i = 1; i <= t; i++) {
        r <<= 1;
        if (r & 0x100)
            r ^= 0x171;
    }
    return (int)(r & 1);
}

static void sha3_tables(void)
{
    for (int ir = 0; ir < 24; ir++) {
        uint64_t c = 0;
        for (int j = 0; j <= 6; j++)
            if (rc_bit(j + 7 * ir))
                c |= (uint64_t)1 << ((1 << j) - 1);
        round_const[ir] = c;
    }
    int x = 1, y = 0;
    rho_offset[0] = 0;
    for (int t = 0; t < 24; t++) {
        rho_offset[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
        int nx = y, ny = (2 * x + 3 * y) % 5;
        x = nx;
        y = ny;
    }
}

static void keccak_f(uint64_t *a)
{
    uint64_t c[5], d[5], b[25];
    for (int round = 0; round < 24; round++) {
        for (int x = 0; x < 5; x++)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++)
            d[x] = c[(x + 4) % 5] ^ hash_rotl64(c[(x + 1) % 5], 1);
        for (int i = 0; i < 25; i++)
            a[i] ^= d[i % 5];
        /* rho and pi: A'[x, y] = rot(A[(x + 3y) mod 5, x]) */
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++) {
                int src = (x + 3 * y) % 5 + 5 * x;
                b[x + 5 * y] = hash_rotl64(a[src], rho_offset[src]);
            }
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 5; x++)
                a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
        a[0] ^= round_const[round];
    }
}

static void xor_byte(Sha3State *s, unsigned i, unsigned char v)
{
    s->a[i / 8] ^= (uint64_t)v << (8 * (i % 8));
}

static void sha3_update(void *ctx, const unsigned char *p, size_t n)
{
    Sha3State *s = ctx;
    for (size_t i = 0; i < n; i++) {
        xor_byte(s, s->pos++, p[i]);
        if (s->pos == s->rate) {
            keccak_f(s->a);
            s->pos = 0;
        }
    }
}

static void sha3_final(void *ctx, unsigned char *out, size_t outlen)
{
    Sha3State *s = ctx;
    xor_byte(s, s->pos, s->suffix);
    xor_byte(s, s->rate - 1, 0x80);
    keccak_f(s->a);
    unsigned pos = 0;
    for (size_t i = 0; i < outlen; i++) {
        if (pos == s->rate) {
            keccak_f(s->a);
            pos = 0;
        }
        out[i] = (unsigned char)(s->a[pos / 8] >> (8 * (pos % 8)));
        pos++;
    }
}

#define SHA3_INIT(fn, rate_bytes, sfx)    \
    static void fn(void *ctx)             \
    {                                     \
        Sha3State *s = ctx;               \
        s->rate = rate_bytes;             \
        s->suffix = sfx;                  \
    }
SHA3_INIT(sha3_224_init, 144, 0x06)
SHA3_INIT(sha3_256_init, 136, 0x06)
SHA3_INIT(sha3_384_init, 104, 0x06)
SHA3_INIT(sha3_512_init, 72, 0x06)
SHA3_INIT(shake_128_init, 168, 0x1f)
SHA3_INIT(shake_256_init, 136, 0x1f)
#undef SHA3_INIT

static const AdHashAlgo sha3_224_algo = {"sha3_224", 28, 144, sizeof(Sha3State), sha3_224_init, sha3_update, sha3_final};
static const AdHashAlgo sha3_256_algo = {"sha3_256", 32, 136, sizeof(Sha3State), sha3_256_init, sha3_update, sha3_final};
static const AdHashAlgo sha3_384_algo = {"sha3_384", 48, 104, sizeof(Sha3State), sha3_384_init, sha3_update, sha3_final};
static const AdHashAlgo sha3_512_algo = {"sha3_512", 64, 72, sizeof(Sha3State), sha3_512_init, sha3_update, sha3_final};
static const AdHashAlgo shake_128_algo = {"shake_128", 0, 168, sizeof(Sha3State), shake_128_init, sha3_update, sha3_final};
static const AdHashAlgo shake_256_algo = {"shake_256", 0, 136, sizeof(Sha3State), shake_256_init, sha3_update, sha3_final};

static AdObject *get_capacity_bits(AdObject *self, void *closure)
{
    (void)closure;
    return AdInt_FromInt64(1600 - 8 * (int64_t)((Sha3State *)((AdHashObject *)self)->ctx)->rate);
}

static AdObject *get_rate_bits(AdObject *self, void *closure)
{
    (void)closure;
    return AdInt_FromInt64(8 * (int64_t)((Sha3State *)((AdHashObject *)self)->ctx)->rate);
}

static AdObject *get_suffix(AdObject *self, void *closure)
{
    (void)closure;
    char c = (char)((Sha3State *)((AdHashObject *)self)->ctx)->suffix;
    return AdBytes_FromStringAndSize(&c, 1);
}

static AdGetSetDef sha3_getset[] = {
    {"name", hash_get_name, NULL, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL, NULL},
    {"_capacity_bits", get_capacity_bits, NULL, NULL, NULL},
    {"_rate_bits", get_rate_bits, NULL, NULL, NULL},
    {"_suffix", get_suffix, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdObject *sha3_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames);

#define SHA3_TYPE(var, dotted, meths)                                                                 \
    static AdTypeObject var = {HASH_TYPE_INIT(dotted, meths, sha3_getset), .tp_vectorcall = sha3_vectorcall}
SHA3_TYPE(SHA3_224_Type, "_sha3.sha3_224", hash_methods);
SHA3_TYPE(SHA3_256_Type, "_sha3.sha3_256", hash_methods);
SHA3_TYPE(SHA3_384_Type, "_sha3.sha3_384", hash_methods);
SHA3_TYPE(SHA3_512_Type, "_sha3.sha3_512", hash_methods);
SHA3_TYPE(SHAKE_128_Type, "_sha3.shake_128", hash_xof_methods);
SHA3_TYPE(SHAKE_256_Type, "_sha3.shake_256", hash_xof_methods);
#undef SHA3_TYPE

static const struct {
    AdTypeObject *type;
    const AdHashAlgo *algo;
} sha3_kinds[] = {
    {&SHA3_224_Type, &sha3_224_algo}, {&SHA3_256_Type, &sha3_256_algo}, {&SHA3_384_Type, &sha3_384_algo},
    {&SHA3_512_Type, &sha3_512_algo}, {&SHAKE_128_Type, &shake_128_algo}, {&SHAKE_256_Type, &shake_256_algo},
};

static AdObject *sha3_make(AdTypeObject *type, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    for (size_t i = 0; i < sizeof sha3_kinds / sizeof sha3_kinds[0]; i++)
        if (sha3_kinds[i].type == type)
            return hash_construct(type, sha3_kinds[i].algo, sha3_kinds[i].algo->name, args, nargs, kwnames);
    AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
    return NULL;
}

static AdObject *sha3_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    return hash_new_from_tuple(type, args, kwargs, sha3_make);
}

static AdObject *sha3_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    return sha3_make((AdTypeObject *)type, args, AdVectorcall_NARGS(nargsf), kwnames);
}

AdObject *AdModule_InitSha3(void)
{
    sha3_tables();
    for (size_t i = 0; i < sizeof sha3_kinds / sizeof sha3_kinds[0]; i++)
        sha3_kinds[i].type->tp_new = sha3_tp_new;
    AdObject *m = AdModule_New("_sha3");
    if (!m)
        return NULL;
    for (size_t i = 0; i < sizeof sha3_kinds / sizeof sha3_kinds[0]; i++)
        if (hash_add_type(m, sha3_kinds[i].type, sha3_kinds[i].algo->name) < 0) {
            Ad_DECREF(m);
            return NULL;
        }
    if (AdModule_AddStringConstant(m, "implementation", "adder") < 0 ||
        AdModule_AddIntConstant(m, "_GIL_MINSIZE", 2048) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
