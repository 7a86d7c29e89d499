/* hash_common.c: the hash object shared by _md5, _sha1, _sha2, _sha3 and
 * _blake2 (see hash_common.h), the constructors' argument rules, the
 * Merkle-Damgard buffering and the prime-derived SHA-2 constants, computed
 * exactly with integer roots (FIPS 180-4, section 4.2). */
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
#include "runtime/gil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the object -------------------------------------------------------------------------- */

AdHashObject *hash_new_object(AdTypeObject *type, const AdHashAlgo *algo)
{
    AdHashObject *h = (AdHashObject *)type->tp_alloc(type, 0);
    if (!h)
        return NULL;
    h->algo = algo;
    h->digest_size = algo->digest_size;
    pthread_mutex_init(&h->mutex, NULL);
    h->ctx = calloc(1, algo->ctx_size);
    if (!h->ctx) {
        Ad_DECREF((AdObject *)h);
        AdErr_NoMemory();
        return NULL;
    }
    if (algo->init)
        algo->init(h->ctx);
    return h;
}

void hash_dealloc(AdObject *self)
{
    AdHashObject *h = (AdHashObject *)self;
    free(h->ctx);
    if (h->algo)
        pthread_mutex_destroy(&h->mutex);
    AD_TYPE(self)->tp_free(self);
}

AdObject *hash_refuse_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args, (void)kwargs;
    AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
    return NULL;
}

int hash_update_object(AdHashObject *h, AdObject *data)
{
    if (AdStr_Check(data)) {
        AdErr_SetString(AdExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    AdTypeObject *t = AD_TYPE(data);
    if (!t->tp_as_buffer || !t->tp_as_buffer->bf_getbuffer) {
        AdErr_SetString(AdExc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(data, &view, AD_BUF_SIMPLE) < 0)
        return -1;
    if (view.len >= HASH_GIL_MINSIZE)
        h->use_mutex = 1;
    if (h->use_mutex) {
        /* other threads run meanwhile; the mutex keeps them off ctx */
        AdThread *saved = view.len >= HASH_GIL_MINSIZE ? AdEval_SaveThread() : NULL;
        pthread_mutex_lock(&h->mutex);
        h->algo->update(h->ctx, view.buf, (size_t)view.len);
        pthread_mutex_unlock(&h->mutex);
        if (saved)
            AdEval_RestoreThread(saved);
    } else {
        h->algo->update(h->ctx, view.buf, (size_t)view.len);
    }
    AdBuffer_Release(&view);
    return 0;
}

/* Copies the context of h into dst under the mutex when h uses one. */
static void copy_ctx(AdHashObject *h, void *dst)
{
    if (h->use_mutex)
        pthread_mutex_lock(&h->mutex);
    memcpy(dst, h->ctx, h->algo->ctx_size);
    if (h->use_mutex)
        pthread_mutex_unlock(&h->mutex);
}

/* The digest of a copy of the context into out (len bytes). 0 or -1. */
static int hash_finish(AdHashObject *h, unsigned char *out, size_t len)
{
    void *tmp = malloc(h->algo->ctx_size);
    if (!tmp) {
        AdErr_NoMemory();
        return -1;
    }
    copy_ctx(h, tmp);
    h->algo->final(tmp, out, len);
    free(tmp);
    return 0;
}

static AdObject *digest_of(AdObject *self, Ad_ssize_t len, int hex)
{
    AdHashObject *h = (AdHashObject *)self;
    unsigned char *d = malloc((size_t)(len ? len : 1));
    if (!d)
        return AdErr_NoMemory();
    if (hash_finish(h, d, (size_t)len) < 0) {
        free(d);
        return NULL;
    }
    AdObject *res;
    if (!hex) {
        res = AdBytes_FromStringAndSize((const char *)d, len);
    } else {
        char *x = malloc((size_t)(2 * len + 1));
        if (!x) {
            free(d);
            return AdErr_NoMemory();
        }
        for (Ad_ssize_t i = 0; i < len; i++) {
            x[2 * i] = "0123456789abcdef"[d[i] >> 4];
            x[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
        }
        res = AdStr_FromStringAndSize(x, 2 * len);
        free(x);
    }
    free(d);
    return res;
}

static AdObject *hash_update(AdObject *self, AdObject *data)
{
    if (hash_update_object((AdHashObject *)self, data) < 0)
        return NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *hash_digest(AdObject *self, AdObject *unused)
{
    (void)unused;
    return digest_of(self, ((AdHashObject *)self)->digest_size, 0);
}

static AdObject *hash_hexdigest(AdObject *self, AdObject *unused)
{
    (void)unused;
    return digest_of(self, ((AdHashObject *)self)->digest_size, 1);
}

static AdObject *hash_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdHashObject *h = (AdHashObject *)self;
    AdHashObject *c = (AdHashObject *)AD_TYPE(self)->tp_alloc(AD_TYPE(self), 0);
    if (!c)
        return NULL;
    c->algo = h->algo;
    c->digest_size = h->digest_size;
    pthread_mutex_init(&c->mutex, NULL);
    c->ctx = malloc(h->algo->ctx_size);
    if (!c->ctx) {
        Ad_DECREF((AdObject *)c);
        return AdErr_NoMemory();
    }
    copy_ctx(h, c->ctx);
    return (AdObject *)c;
}

/* digest(length) / hexdigest(length) of the XOFs. */
static AdObject *xof_digest_impl(const char *fname, AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                 AdObject *kwnames, int hex)
{
    static const char *const names[] = {"length", NULL};
    AdObject *a[1];
    if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    AdObject *n = AdNumber_Index(a[0]);
    if (!n)
        return NULL;
    int64_t len;
    int ok = AdInt_AsInt64Exact(n, &len);
    int neg = AdInt_Sign(n) < 0;
    Ad_DECREF(n);
    if (neg) {
        AdErr_SetString(AdExc_ValueError, "Cannot convert negative int");
        return NULL;
    }
    if (!ok) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large for C unsigned long");
        return NULL;
    }
    if (len >= ((int64_t)1 << 29)) {
        AdErr_SetString(AdExc_ValueError, "digest length is too large");
        return NULL;
    }
    return digest_of(self, (Ad_ssize_t)len, hex);
}

static AdObject *xof_digest(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return xof_digest_impl("digest", self, args, nargs, kwnames, 0);
}

static AdObject *xof_hexdigest(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return xof_digest_impl("hexdigest", self, args, nargs, kwnames, 1);
}

AdMethodDef hash_methods[] = {
    {"copy", (void (*)(void))hash_copy, AD_METH_NOARGS, "Return a copy of the hash object."},
    {"digest", (void (*)(void))hash_digest, AD_METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", (void (*)(void))hash_hexdigest, AD_METH_NOARGS,
     "Return the digest value as a string of hexadecimal digits."},
    {"update", (void (*)(void))hash_update, AD_METH_O, "Update this hash object's state with the provided string."},
    {NULL, NULL, 0, NULL},
};

AdMethodDef hash_xof_methods[] = {
    {"copy", (void (*)(void))hash_copy, AD_METH_NOARGS, "Return a copy of the hash object."},
    {"digest", (void (*)(void))xof_digest, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return the digest value as a bytes object."},
    {"hexdigest", (void (*)(void))xof_hexdigest, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return the digest value as a string of hexadecimal digits."},
    {"update", (void (*)(void))hash_update, AD_METH_O, "Update this hash object's state with the provided data."},
    {NULL, NULL, 0, NULL},
};

AdObject *hash_get_name(AdObject *self, void *closure)
{
    (void)closure;
    return AdStr_FromString(((AdHashObject *)self)->algo->name);
}

AdObject *hash_get_digest_size(AdObject *self, void *closure)
{
    (void)closure;
    return AdInt_FromSsize_t(((AdHashObject *)self)->digest_size);
}

AdObject *hash_get_block_size(AdObject *self, void *closure)
{
    (void)closure;
    return AdInt_FromSsize_t(((AdHashObject *)self)->algo->block_size);
}

AdGetSetDef hash_getset[] = {
    {"name", hash_get_name, NULL, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- constructors -------------------------------------------------------------------------- */

int hash_parse_ctor(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                    AdObject **data)
{
    static const char *const names[] = {"data", "usedforsecurity", "string", NULL};
    AdObject *a[3];
    if (nargs > 1) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most 1 positional argument (%zd given)", fname, nargs);
        return -1;
    }
    if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    if (a[0] && a[2] && a[2] != Ad_None) {
        AdErr_SetString(AdExc_TypeError,
                        "'data' and 'string' are mutually exclusive and support for 'string' keyword "
                        "parameter is slated for removal in a future version.");
        return -1;
    }
    *data = a[0] ? a[0] : (a[2] && a[2] != Ad_None ? a[2] : NULL);
    return 0;
}

AdObject *hash_construct(AdTypeObject *type, const AdHashAlgo *algo, const char *fname, AdObject *const *args,
                         Ad_ssize_t nargs, AdObject *kwnames)
{
    AdObject *data;
    if (hash_parse_ctor(fname, args, nargs, kwnames, &data) < 0)
        return NULL;
    AdHashObject *h = hash_new_object(type, algo);
    if (!h)
        return NULL;
    if (data && hash_update_object(h, data) < 0) {
        Ad_DECREF((AdObject *)h);
        return NULL;
    }
    return (AdObject *)h;
}

AdObject *hash_new_from_tuple(AdTypeObject *type, AdObject *args, AdObject *kwargs, hash_make_fn make)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(args), nk = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    AdObject **vec = malloc(sizeof(AdObject *) * (size_t)(n + nk + 1));
    if (!vec)
        return AdErr_NoMemory();
    for (Ad_ssize_t i = 0; i < n; i++)
        vec[i] = AdTuple_GET_ITEM(args, i);
    AdObject *kwnames = NULL;
    if (nk) {
        kwnames = AdTuple_New(nk);
        if (!kwnames) {
            free(vec);
            return NULL;
        }
        Ad_ssize_t pos = 0, k = 0;
        AdObject *key, *val;
        while (AdDict_Next(kwargs, &pos, &key, &val)) {
            AdTuple_SET_ITEM(kwnames, k, Ad_NewRef(key));
            vec[n + k] = val;
            k++;
        }
    }
    AdObject *res = make(type, vec, n, kwnames);
    Ad_XDECREF(kwnames);
    free(vec);
    return res;
}

int hash_add_type(AdObject *m, AdTypeObject *type, const char *attr)
{
    if (AdType_Ready(type) < 0)
        return -1;
    return attr ? AdModule_AddObjectRef(m, attr, (AdObject *)type) : 0;
}

/* ---- Merkle-Damgard buffering ------------------------------------------------------------ */

void hash_md_update(HashMDState *s, const unsigned char *p, size_t n, unsigned block, hash_compress_fn f)
{
    uint64_t before = s->bytes_lo;
    s->bytes_lo += n;
    if (s->bytes_lo < before)
        s->bytes_hi++;
    if (s->buflen) {
        size_t take = block - s->buflen;
        if (take > n)
            take = n;
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += (unsigned)take;
        p += take;
        n -= take;
        if (s->buflen < block)
            return;
        f(s->h, s->buf);
        s->buflen = 0;
    }
    while (n >= block) {
        f(s->h, p);
        p += block;
        n -= block;
    }
    if (n) {
        memcpy(s->buf, p, n);
        s->buflen = (unsigned)n;
    }
}

void hash_md_pad(HashMDState *s, unsigned block, unsigned lenbytes, int little, hash_compress_fn f)
{
    uint64_t lo = s->bytes_lo << 3, hi = s->bytes_hi << 3 | s->bytes_lo >> 61;
    s->buf[s->buflen++] = 0x80;
    if (s->buflen > block - lenbytes) {
        memset(s->buf + s->buflen, 0, block - s->buflen);
        f(s->h, s->buf);
        s->buflen = 0;
    }
    memset(s->buf + s->buflen, 0, block - s->buflen);
    unsigned char *L = s->buf + block - lenbytes;
    for (unsigned i = 0; i < lenbytes; i++) {
        unsigned bit = 8 * i;
        unsigned char b = (unsigned char)(bit < 64 ? lo >> bit : hi >> (bit - 64));
        if (little)
            L[i] = b;
        else
            L[lenbytes - 1 - i] = b;
    }
    f(s->h, s->buf);
    s->buflen = 0;
}

/* ---- prime-derived constants --------------------------------------------------------------- */

uint64_t hash_k512[80];
uint64_t hash_sqrt_frac[16];

typedef unsigned __int128 u128;

/* out[0..na+nb) = a * b (little-endian limbs). */
static void mul_limbs(const uint64_t *a, int na, const uint64_t *b, int nb, uint64_t *out)
{
    memset(out, 0, sizeof(uint64_t) * (size_t)(na + nb));
    for (int i = 0; i < na; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < nb; j++) {
            u128 t = (u128)a[i] * b[j] + out[i + j] + carry;
            out[i + j] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
        out[i + nb] = carry;
    }
}

/* Sign of x**k - r * 2**(64k), k = 2 or 3. */
static int cmp_power(u128 x, int k, unsigned r)
{
    uint64_t a[2] = {(uint64_t)x, (uint64_t)(x >> 64)};
    uint64_t sq[4], v[6] = {0};
    mul_limbs(a, 2, a, 2, sq);
    if (k == 3)
        mul_limbs(sq, 4, a, 2, v);
    else
        memcpy(v, sq, sizeof sq);
    uint64_t t[6] = {0};
    t[k] = r;
    for (int i = 5; i >= 0; i--)
        if (v[i] != t[i])
            return v[i] < t[i] ? -1 : 1;
    return 0;
}

/* The first 64 bits of the fractional part of r**(1/k). */
static uint64_t frac_root(unsigned r, int k)
{
    long double approx = k == 2 ? sqrtl((long double)r) : cbrtl((long double)r);
    u128 x = (u128)ldexpl(approx, 64);
    while (cmp_power(x + 1, k, r) <= 0)
        x++;
    while (cmp_power(x, k, r) > 0)
        x--;
    return (uint64_t)x;
}

void hash_constants_init(void)
{
    static int done;
    if (done)
        return;
    unsigned primes[80];
    int n = 0;
    for (unsigned c = 2; n < 80; c++) {
        int prime = 1;
        for (unsigned d = 2; d * d <= c; d++)
            if (c % d == 0) {
                prime = 0;
                break;
            }
        if (prime)
            primes[n++] = c;
    }
    for (int i = 0; i < 80; i++)
        hash_k512[i] = frac_root(primes[i], 3);
    for (int i = 0; i < 16; i++)
        hash_sqrt_frac[i] = frac_root(primes[i], 2);
    done = 1;
}
