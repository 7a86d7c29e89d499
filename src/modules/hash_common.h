/* hash_common.h: what the native hash modules (_md5, _sha1, _sha2, _sha3,
 * _blake2) share: the hash object (update/digest/hexdigest/copy, name,
 * digest_size, block_size) over an algorithm table, the constructors'
 * argument rules (data, usedforsecurity, string), and the Merkle-Damgard
 * block buffering of MD5/SHA-1/SHA-2. Internal to src/modules. */
#ifndef ADDER_MODULES_HASH_COMMON_H
#define ADDER_MODULES_HASH_COMMON_H
#include <stddef.h>
#include <pthread.h>
#include <stdint.h>
#include "objects/object.h"

typedef struct AdHashAlgo {
    const char *name;               /* hashlib's name: "sha256" */
    Ad_ssize_t digest_size;         /* 0 for the XOFs (shake) */
    Ad_ssize_t block_size;
    size_t ctx_size;
    void (*init)(void *ctx);        /* NULL when the constructor fills the context */
    void (*update)(void *ctx, const unsigned char *p, size_t n);
    /* Writes outlen bytes of digest; may destroy ctx (it is a copy). */
    void (*final)(void *ctx, unsigned char *out, size_t outlen);
} AdHashAlgo;

typedef struct {
    AdObject_HEAD;
    const AdHashAlgo *algo;
    Ad_ssize_t digest_size;         /* fixed, or chosen (blake2) */
    void *ctx;                      /* malloc'd, algo->ctx_size bytes */
    /* Once an update of HASH_GIL_MINSIZE bytes or more has run without the
     * GIL, every use of ctx takes this mutex. */
    pthread_mutex_t mutex;
    int use_mutex;
} AdHashObject;

#define HASH_GIL_MINSIZE 2048

/* Methods and attributes every hash type has; the XOF variant's digest and
 * hexdigest take a length. */
extern AdMethodDef hash_methods[];
extern AdMethodDef hash_xof_methods[];
AdObject *hash_get_name(AdObject *self, void *closure);
AdObject *hash_get_digest_size(AdObject *self, void *closure);
AdObject *hash_get_block_size(AdObject *self, void *closure);
extern AdGetSetDef hash_getset[];
void hash_dealloc(AdObject *self);
AdObject *hash_refuse_new(AdTypeObject *type, AdObject *args, AdObject *kwargs);

/* The slots a hash type needs (name is the type's dotted name). */
#define HASH_TYPE_INIT(dotted, meths, gets)                                         \
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0), .tp_name = dotted,              \
    .tp_basicsize = sizeof(AdHashObject), .tp_dealloc = hash_dealloc,               \
    .tp_getattro = AdObject_GenericGetAttr, .tp_methods = meths, .tp_getset = gets, \
    .tp_alloc = AdType_GenericAlloc, .tp_new = hash_refuse_new

/* A new hash object of type with a fresh context (initialised by
 * algo->init when it has one). New ref. */
AdHashObject *hash_new_object(AdTypeObject *type, const AdHashAlgo *algo);
/* Feeds a bytes-like object (TypeError "Strings must be encoded before
 * hashing" for str, "object supporting the buffer API required" otherwise). */
int hash_update_object(AdHashObject *h, AdObject *data);
/* Parses (data=b'', *, usedforsecurity=True, string=None) and returns the
 * data to hash in *data (borrowed, NULL when none). 0 or -1. */
int hash_parse_ctor(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                    AdObject **data);
/* The common constructor: a new object of type/algo fed with the data. */
AdObject *hash_construct(AdTypeObject *type, const AdHashAlgo *algo, const char *fname,
                         AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames);
/* tp_new for the types that are constructors: turns the tuple and dict
 * into a vector call of make(type, args, nargs, kwnames). */
typedef AdObject *(*hash_make_fn)(AdTypeObject *type, AdObject *const *args, Ad_ssize_t nargs,
                                  AdObject *kwnames);
AdObject *hash_new_from_tuple(AdTypeObject *type, AdObject *args, AdObject *kwargs, hash_make_fn make);
/* Readies the types and adds them to m under their short names. 0 or -1. */
int hash_add_type(AdObject *m, AdTypeObject *type, const char *attr);

/* Merkle-Damgard buffering (MD5, SHA-1, SHA-2). h holds the chaining
 * words (32-bit algorithms use the low halves). */
typedef void (*hash_compress_fn)(uint64_t *h, const unsigned char *block);
typedef struct {
    uint64_t h[8];
    uint64_t bytes_lo, bytes_hi;
    unsigned char buf[128];
    unsigned buflen;
} HashMDState;
void hash_md_update(HashMDState *s, const unsigned char *p, size_t n, unsigned block, hash_compress_fn f);
/* Padding: 0x80, zeros, the bit length in lenbytes (8 or 16) bytes, little
 * or big endian. */
void hash_md_pad(HashMDState *s, unsigned block, unsigned lenbytes, int little, hash_compress_fn f);

/* Constants derived from primes (FIPS 180-4): the first 64 bits of the
 * fractional parts of the cube roots of the first 80 primes, and of the
 * square roots of the first 16 primes. Filled by hash_constants_init. */
extern uint64_t hash_k512[80];
extern uint64_t hash_sqrt_frac[16];
void hash_constants_init(void);

static inline uint32_t hash_load32be(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint32_t hash_load32le(const unsigned char *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
static inline uint64_t hash_load64be(const unsigned char *p)
{
    return (uint64_t)hash_load32be(p) << 32 | hash_load32be(p + 4);
}
static inline uint64_t hash_load64le(const unsigned char *p)
{
    return (uint64_t)hash_load32le(p + 4) << 32 | hash_load32le(p);
}
static inline uint32_t hash_rotr32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static inline uint32_t hash_rotl32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static inline uint64_t hash_rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
static inline uint64_t hash_rotl64(uint64_t x, int n) { return n ? (x << n) | (x >> (64 - n)) : x; }

#endif
