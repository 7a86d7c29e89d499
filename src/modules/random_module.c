/* random_module.c: the `_random` module: Random, the Mersenne Twister
 * MT19937 generator (Matsumoto and Nishimura, 1998) that random.py builds
 * on: seed (None: 624 words of OS randomness; an int: its absolute value as
 * 32-bit words for init_by_array; anything else: its hash), random()
 * (53-bit floats from two outputs), getrandbits(k), getstate()/setstate()
 * (624 words and the index). The same seeds give the same sequences as
 * CPython. */
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
    AdObject_HEAD;
    int index;
    uint32_t state[MT_N];
} RandomObject;

static void init_genrand(RandomObject *r, uint32_t s)
{
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void init_by_array(RandomObject *r, const uint32_t *key, size_t len)
{
    uint32_t *mt = r->state;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    size_t k = MT_N > len ? MT_N : len;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
    r->index = MT_N;
}

static uint32_t genrand_uint32(RandomObject *r)
{
    static const uint32_t mag01[2] = {0, MATRIX_A};
    uint32_t *mt = r->state, y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

/* Seeds from the absolute value of the int n. 0 or -1. */
static int seed_from_int(RandomObject *r, AdObject *n)
{
    AdObject *absn = AdNumber_Absolute(n);
    if (!absn)
        return -1;
    AdObject *bits = AdObject_CallMethod(absn, AdStr_InternFromString("bit_length"), NULL, 0);
    int64_t nbits = 0;
    if (!bits || !AdInt_AsInt64Exact(bits, &nbits)) {
        Ad_XDECREF(bits);
        Ad_DECREF(absn);
        return -1;
    }
    Ad_DECREF(bits);
    size_t nwords = nbits == 0 ? 1 : (size_t)((nbits - 1) / 32 + 1);
    AdObject *len = AdInt_FromInt64((int64_t)nwords * 4);
    AdObject *order = AdStr_FromString("little");
    AdObject *args[2] = {len, order};
    AdObject *bytes = len && order ? AdObject_CallMethod(absn, AdStr_InternFromString("to_bytes"), args, 2) : NULL;
    Ad_XDECREF(len);
    Ad_XDECREF(order);
    Ad_DECREF(absn);
    if (!bytes)
        return -1;
    uint32_t *key = malloc(nwords * sizeof *key);
    if (!key) {
        Ad_DECREF(bytes);
        AdErr_NoMemory();
        return -1;
    }
    const unsigned char *p = (const unsigned char *)AdBytes_AS_STRING(bytes);
    for (size_t i = 0; i < nwords; i++)
        key[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 | (uint32_t)p[4 * i + 2] << 16 |
                 (uint32_t)p[4 * i + 3] << 24;
    Ad_DECREF(bytes);
    init_by_array(r, key, nwords);
    free(key);
    return 0;
}

static int seed_from_os(RandomObject *r)
{
    uint32_t key[MT_N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom((char *)key + got, sizeof key - got, 0);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    if (got < sizeof key) {
        /* No OS randomness: the time and the process id, as a last resort. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint32_t k[4] = {(uint32_t)ts.tv_sec, (uint32_t)ts.tv_nsec, (uint32_t)getpid(),
                         (uint32_t)((uint64_t)ts.tv_sec >> 32)};
        init_by_array(r, k, 4);
        return 0;
    }
    init_by_array(r, key, MT_N);
    return 0;
}

static int random_seed_obj(RandomObject *r, AdObject *arg)
{
    if (!arg || arg == Ad_None)
        return seed_from_os(r);
    if (AdInt_Check(arg))
        return seed_from_int(r, arg);
    Ad_hash_t h = AdObject_Hash(arg);
    if (h == -1 && AdErr_Occurred())
        return -1;
    AdObject *n = AdInt_FromInt64(h);
    if (!n)
        return -1;
    int rc = seed_from_int(r, n);
    Ad_DECREF(n);
    return rc;
}

static AdObject *random_seed(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("seed", nargs, 0, 1) < 0)
        return NULL;
    if (random_seed_obj((RandomObject *)self, nargs ? args[0] : NULL) < 0)
        return NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *random_random(AdObject *self, AdObject *unused)
{
    (void)unused;
    RandomObject *r = (RandomObject *)self;
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return AdFloat_FromDouble((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static AdObject *random_getrandbits(AdObject *self, AdObject *arg)
{
    RandomObject *r = (RandomObject *)self;
    AdObject *idx = AdNumber_Index(arg);
    if (!idx)
        return NULL;
    int64_t k;
    int ok = AdInt_AsInt64Exact(idx, &k);
    Ad_DECREF(idx);
    if (!ok) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (k < 0) {
        AdErr_SetString(AdExc_ValueError, "Cannot convert negative int");
        return NULL;
    }
    if (k > 0x7fffffff) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (k == 0)
        return AdInt_FromInt64(0);
    if (k <= 32)
        return AdInt_FromUInt64(genrand_uint32(r) >> (32 - k));
    size_t words = (size_t)((k - 1) / 32 + 1);
    unsigned char *buf = malloc(words * 4);
    if (!buf)
        return AdErr_NoMemory();
    int64_t left = k;
    for (size_t i = 0; i < words; i++, left -= 32) {
        uint32_t w = genrand_uint32(r);
        if (left < 32)
            w >>= 32 - left;        /* drop the bits beyond k from the top word */
        buf[4 * i] = (unsigned char)w;
        buf[4 * i + 1] = (unsigned char)(w >> 8);
        buf[4 * i + 2] = (unsigned char)(w >> 16);
        buf[4 * i + 3] = (unsigned char)(w >> 24);
    }
    AdObject *bytes = AdBytes_FromStringAndSize((const char *)buf, (Ad_ssize_t)(words * 4));
    free(buf);
    if (!bytes)
        return NULL;
    AdObject *order = AdStr_FromString("little");
    AdObject *args[2] = {bytes, order};
    AdObject *fn = order ? AdObject_GetAttrString((AdObject *)&AdInt_Type, "from_bytes") : NULL;
    AdObject *res = fn ? AdObject_Vectorcall(fn, args, 2, NULL) : NULL;
    Ad_XDECREF(fn);
    Ad_XDECREF(order);
    Ad_DECREF(bytes);
    return res;
}

static AdObject *random_getstate(AdObject *self, AdObject *unused)
{
    (void)unused;
    RandomObject *r = (RandomObject *)self;
    AdObject *t = AdTuple_New(MT_N + 1);
    if (!t)
        return NULL;
    for (int i = 0; i < MT_N; i++) {
        AdObject *v = AdInt_FromUInt64(r->state[i]);
        if (!v) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i, v);
    }
    AdObject *v = AdInt_FromInt64(r->index);
    if (!v) {
        Ad_DECREF(t);
        return NULL;
    }
    AdTuple_SET_ITEM(t, MT_N, v);
    return t;
}

static AdObject *random_setstate(AdObject *self, AdObject *state)
{
    RandomObject *r = (RandomObject *)self;
    if (!AdTuple_Check(state)) {
        AdErr_SetString(AdExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (AdTuple_GET_SIZE(state) != MT_N + 1) {
        AdErr_SetString(AdExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        AdObject *v = AdTuple_GET_ITEM(state, i);
        int64_t w;
        if (!AdInt_Check(v)) {
            AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                         AdType_Name(AD_TYPE(v)));
            return NULL;
        }
        if (!AdInt_AsInt64Exact(v, &w) || w < 0 || w > 0xffffffffLL) {
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C unsigned long");
            return NULL;
        }
        words[i] = (uint32_t)w;
    }
    AdObject *iv = AdTuple_GET_ITEM(state, MT_N);
    int64_t index;
    if (!AdInt_Check(iv) || !AdInt_AsInt64Exact(iv, &index)) {
        AdErr_SetString(AdExc_TypeError, "an integer is required");
        return NULL;
    }
    if (index < 0 || index > MT_N) {
        AdErr_SetString(AdExc_ValueError, "invalid state");
        return NULL;
    }
    memcpy(r->state, words, sizeof words);
    r->index = (int)index;
    return Ad_NewRef(Ad_None);
}

static AdObject *random_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs);

static int random_tp_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    (void)self, (void)args, (void)kwargs;
    return 0;
}

static AdMethodDef random_methods[] = {
    {"random", (void (*)(void))random_random, AD_METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", (void (*)(void))random_seed, AD_METH_FASTCALL, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate", (void (*)(void))random_getstate, AD_METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", (void (*)(void))random_setstate, AD_METH_O, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", (void (*)(void))random_getrandbits, AD_METH_O, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static AdTypeObject Random_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_methods = random_methods,
    .tp_init = random_tp_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = random_tp_new,
};

static AdObject *random_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    if (type == &Random_Type && kwargs && AdDict_GET_SIZE(kwargs) > 0) {
        AdErr_SetString(AdExc_TypeError, "Random() takes no keyword arguments");
        return NULL;
    }
    Ad_ssize_t n = args ? AdTuple_GET_SIZE(args) : 0;
    if (n > 1) {
        AdErr_SetString(AdExc_TypeError, "Random() requires 0 or 1 argument");
        return NULL;
    }
    RandomObject *r = (RandomObject *)type->tp_alloc(type, 0);
    if (!r)
        return NULL;
    if (random_seed_obj(r, n ? AdTuple_GET_ITEM(args, 0) : NULL) < 0) {
        Ad_DECREF((AdObject *)r);
        return NULL;
    }
    return (AdObject *)r;
}

AdObject *AdModule_InitRandom(void)
{
    if (AdType_Ready(&Random_Type) < 0)
        return NULL;
    AdObject *m = AdModule_New("_random");
    if (!m)
        return NULL;
    if (AdModule_AddObjectRef(m, "Random", (AdObject *)&Random_Type) < 0 ||
        AdModule_SetDocString(m, "Module implements the Mersenne Twister random number generator.") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
