/* int.c: the int object's storage and C API: the allocator that lets the
 * bigint kernel build int objects directly, the small-int cache (-5..256,
 * immortal), conversions to and from C values, operator.index, the digit
 * limit of int<->str conversions, kernel errors as exceptions, and the
 * argument parser the numeric constructors and methods share; a free list
 * of one-limb blocks serves the commonest allocations. The type
 * object and its slots are in int_ops.c and int_type.c. */
#include "objects/int.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/typeobject.h"
#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/complex.h"
#include "memory/alloc.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define INT_HEADER offsetof(AdIntObject, limbs)
_Static_assert(offsetof(AdIntObject, limbs) - offsetof(AdVarObject, ob_size) == offsetof(AdBigInt, limbs),
               "AdIntObject must embed AdBigInt at ob_size");
_Static_assert(sizeof(Ad_ssize_t) == sizeof(int64_t), "ob_size is the limb count");

/* ---- allocation ------------------------------------------------------------ */

AdIntObject *ad_int_freelist[AD_INT_FREELIST_MAX];
int ad_int_nfree;

static AdBigInt *int_big_alloc(int64_t nlimbs)
{
    AdIntObject *o;
    if (nlimbs <= 1 && ad_int_nfree > 0) {
        o = ad_int_freelist[--ad_int_nfree];
        o->ob_base.ob_base.ob_refcnt = 1;
        o->ob_base.ob_size = 0;
        return AdInt_BIG((AdObject *)o);
    }
    if (nlimbs < 1)
        nlimbs = 1;
    o = AdMem_Malloc(INT_HEADER + (size_t)nlimbs * sizeof(uint64_t));
    if (!o)
        return NULL;
    o->ob_base.ob_base.ob_refcnt = 1;
    o->ob_base.ob_base.ob_type = &AdInt_Type;
    o->ob_base.ob_size = 0;
    return AdInt_BIG((AdObject *)o);
}

static AdIntObject *int_of_big(AdBigInt *b)
{
    return (AdIntObject *)(void *)((char *)b - offsetof(AdVarObject, ob_size));
}

static void int_big_free(AdBigInt *b)
{
    AdMem_Free(int_of_big(b));
}

/* tp_dealloc of int: exact ints came from int_big_alloc (one limb at least),
 * so each can serve a one-limb int again (while the small ints exist: not
 * after ad_int_fini, which empties the free list). */
void ad_int_dealloc(AdObject *o)
{
    if (Ad_IS_TYPE(o, &AdInt_Type)) {
        if (ad_int_nfree < AD_INT_FREELIST_MAX && ad_small_ints[0])
            ad_int_freelist[ad_int_nfree++] = (AdIntObject *)o;
        else
            AdMem_Free(o);
    }
    else
        AD_TYPE(o)->tp_free(o);
}

/* ---- small ints ---------------------------------------------------------------- */

#define SMALL_MIN (-5)
#define SMALL_MAX 256
AdIntObject *ad_small_ints[SMALL_MAX - SMALL_MIN + 1];
#define small_ints ad_small_ints
static int int_ready;

static AdObject *small_int(int64_t v)
{
    return (AdObject *)small_ints[v - SMALL_MIN];
}

static AdObject *int_alloc_value(uint64_t mag, int neg)
{
    AdBigInt *b = int_big_alloc(1);
    if (!b)
        return AdErr_NoMemory();
    if (mag) {
        b->limbs[0] = mag;
        b->size = neg ? -1 : 1;
    }
    return (AdObject *)int_of_big(b);
}

_Static_assert(SMALL_MIN == AD_INT_SMALL_MIN && SMALL_MAX == AD_INT_SMALL_MAX, "int.h's small-int range");

/* AdInt_FromInt64 (inline in int.h) when v is not a cached small int. */
AdObject *ad_int_from_int64_alloc(int64_t v)
{
    if (v >= SMALL_MIN && v <= SMALL_MAX && int_ready)
        return small_int(v);
    return v < 0 ? int_alloc_value((uint64_t)0 - (uint64_t)v, 1) : int_alloc_value((uint64_t)v, 0);
}

AdObject *AdInt_FromUInt64(uint64_t v)
{
    if (v <= SMALL_MAX && int_ready)
        return small_int((int64_t)v);
    return int_alloc_value(v, 0);
}

AdObject *AdInt_FromSsize_t(Ad_ssize_t v)
{
    return AdInt_FromInt64((int64_t)v);
}

AdObject *AdInt_FromInt128(__int128 v)
{
    if (v >= INT64_MIN && v <= INT64_MAX)
        return AdInt_FromInt64((int64_t)v);
    unsigned __int128 m = v < 0 ? (unsigned __int128)0 - (unsigned __int128)v : (unsigned __int128)v;
    AdBigInt *b = int_big_alloc(2);
    if (!b)
        return AdErr_NoMemory();
    b->limbs[0] = (uint64_t)m;
    b->limbs[1] = (uint64_t)(m >> 64);
    int64_t n = b->limbs[1] ? 2 : 1;
    b->size = v < 0 ? -n : n;
    return (AdObject *)int_of_big(b);
}

AdObject *AdInt_FromBigInt(AdBigInt *b, const AdNumError *err)
{
    if (!b)
        return ad_num_raise(err, NULL);
    if (int_ready && b->size >= -1 && b->size <= 1 && (b->size == 0 || b->limbs[0] <= SMALL_MAX)) {
        int64_t v = b->size == 0 ? 0 : b->size > 0 ? (int64_t)b->limbs[0] : -(int64_t)b->limbs[0];
        if (v >= SMALL_MIN) {
            int_big_free(b);
            return small_int(v);
        }
    }
    return (AdObject *)int_of_big(b);
}

AdObject *AdInt_CopyExact(AdObject *o)
{
    if (AdInt_CheckExact(o))
        return Ad_NewRef(o);
    int64_t v;
    if (AdInt_SmallValue(o, &v))
        return AdInt_FromInt64(v);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_Copy(AdInt_BIG(o), &err), &err);
}

AdObject *AdInt_FromDouble(double v)
{
    if (v >= -9.2e18 && v <= 9.2e18)
        return AdInt_FromInt64((int64_t)v);
    AdNumError err;
    return AdInt_FromBigInt(AdBigInt_FromDouble(v, &err), &err);
}

/* ---- errors ------------------------------------------------------------------------ */

AdObject *ad_num_raise(const AdNumError *err, AdObject *input)
{
    switch (err->kind) {
    case AD_NUM_MEMORY:
        return AdErr_NoMemory();
    case AD_NUM_OVERFLOW:
        AdErr_SetString(AdExc_OverflowError, err->msg);
        return NULL;
    case AD_NUM_ZERODIV:
        AdErr_SetString(AdExc_ZeroDivisionError, err->msg);
        return NULL;
    case AD_NUM_VALUE_REPR:
        if (input)
            return AdErr_Format(AdExc_ValueError, "%s%R", err->msg, input);
        AdErr_SetString(AdExc_ValueError, err->msg);
        return NULL;
    case AD_NUM_ERRNO: {
        AdObject *args = AdTuple_New(2);
        if (!args)
            return NULL;
        AdObject *n = AdInt_FromInt64(err->errnum);
        AdObject *s = AdStr_FromString(strerror(err->errnum));
        if (!n || !s) {
            Ad_XDECREF(n);
            Ad_XDECREF(s);
            Ad_DECREF(args);
            return NULL;
        }
        AdTuple_SET_ITEM(args, 0, n);
        AdTuple_SET_ITEM(args, 1, s);
        AdObject *exc = AdObject_Call(AdExc_OverflowError, args, NULL);
        Ad_DECREF(args);
        if (exc) {
            AdErr_SetObject(AdExc_OverflowError, exc);
            Ad_DECREF(exc);
        }
        return NULL;
    }
    case AD_NUM_VALUE:
    default:
        AdErr_SetString(AdExc_ValueError, err->msg[0] ? err->msg : "math domain error");
        return NULL;
    }
}

/* ---- conversions to C ------------------------------------------------------------ */

int AdInt_AsInt64Exact(AdObject *o, int64_t *out)
{
    return AdBigInt_AsInt64(AdInt_BIG(o), out) == 0;
}

int AdInt_Sign(AdObject *o)
{
    Ad_ssize_t n = AD_SIZE(o);
    return (n > 0) - (n < 0);
}

/* o as an int for the C conversions: ints as they are, else __index__. */
static AdObject *index_for_c(AdObject *o)
{
    if (AdInt_Check(o))
        return Ad_NewRef(o);
    return AdNumber_Index(o);
}

int64_t AdInt_AsInt64(AdObject *o)
{
    AdObject *i = index_for_c(o);
    if (!i)
        return -1;
    int64_t v;
    int ok = AdBigInt_AsInt64(AdInt_BIG(i), &v) == 0;
    Ad_DECREF(i);
    if (!ok) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return v;
}

Ad_ssize_t AdInt_AsSsize_t(AdObject *o)
{
    if (!AdInt_Check(o)) {
        AdErr_SetString(AdExc_TypeError, "an integer is required");
        return -1;
    }
    int64_t v;
    if (AdBigInt_AsInt64(AdInt_BIG(o), &v) != 0) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (Ad_ssize_t)v;
}

Ad_ssize_t AdNumber_AsSsize_t(AdObject *o, AdObject *overflow_exc)
{
    AdObject *i = index_for_c(o);
    if (!i)
        return -1;
    int64_t v;
    Ad_ssize_t r;
    if (AdBigInt_AsInt64(AdInt_BIG(i), &v) == 0)
        r = (Ad_ssize_t)v;
    else if (!overflow_exc)
        r = AD_SIZE(i) < 0 ? INT64_MIN : INT64_MAX;
    else {
        AdErr_Format(overflow_exc, "cannot fit '%s' into an index-sized integer",
                     AdType_Name(AD_TYPE(o)));
        r = -1;
    }
    Ad_DECREF(i);
    return r;
}

double AdInt_AsDouble(AdObject *o)
{
    if (!AdInt_Check(o)) {
        AdErr_SetString(AdExc_TypeError, "an integer is required");
        return -1.0;
    }
    int64_t v;
    if (AdInt_SmallValue(o, &v) && v > -(1LL << 53) && v < (1LL << 53))
        return (double)v;
    double d;
    AdNumError err;
    if (AdBigInt_AsDouble(AdInt_BIG(o), &d, &err) < 0) {
        ad_num_raise(&err, NULL);
        return -1.0;
    }
    return d;
}

/* bytearray lives in bytes.c, which may not define its type yet: until it
 * does, it is recognised by name along the base chain (switch to
 * AdByteArray_Check once AdByteArray_Type is always linked). */
int ad_is_bytearray(AdObject *o)
{
    for (AdTypeObject *t = AD_TYPE(o); t; t = t->tp_base)
        if (strcmp(t->tp_name, "bytearray") == 0)
            return 1;
    return 0;
}

/* ---- the digit limit ------------------------------------------------------------- */

static int64_t max_str_digits = AD_BIGINT_DEFAULT_MAX_STR_DIGITS;

int64_t ad_int_max_str_digits(void)
{
    return max_str_digits;
}

int ad_int_set_max_str_digits(int64_t n)
{
    if (n != 0 && n < AD_BIGINT_MAX_STR_DIGITS_THRESHOLD) {
        AdErr_Format(AdExc_ValueError, "maxdigits must be >= %d or 0 for unlimited",
                     AD_BIGINT_MAX_STR_DIGITS_THRESHOLD);
        return -1;
    }
    max_str_digits = n;
    return 0;
}

/* ---- argument parsing ------------------------------------------------------------ */

static int find_param(AdObject *key, const char *const *names, int nparams)
{
    for (int i = 0; i < nparams; i++)
        if (AdStr_Check(key) && AdStr_EqualToASCII(key, names[i]))
            return i;
    return -1;
}

/* Levenshtein distance with CPython's suggestion costs (a case change
 * costs 1, any other edit 2). */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t row[64];
    if (nb >= 64)
        return (size_t)-1;
    for (size_t j = 0; j <= nb; j++)
        row[j] = j * 2;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i * 2;
        for (size_t j = 1; j <= nb; j++) {
            char x = a[i - 1], y = b[j - 1];
            size_t sub = x == y ? 0 : ((x | 0x20) == (y | 0x20) && ((x | 0x20) >= 'a' && (x | 0x20) <= 'z')) ? 1 : 2;
            size_t best = diag + sub;
            if (row[j] + 2 < best)
                best = row[j] + 2;
            if (row[j - 1] + 2 < best)
                best = row[j - 1] + 2;
            diag = row[j];
            row[j] = best;
        }
    }
    return row[nb];
}

/* The parameter name closest to key, as 3.14's "Did you mean" suggests it. */
static const char *suggest(AdObject *key, const char *const *names, int nparams, int npos_only)
{
    Ad_ssize_t klen;
    const char *k = AdStr_Check(key) ? AdStr_AsUTF8AndSize(key, &klen) : NULL;
    if (!k) {
        AdErr_Clear();
        return NULL;
    }
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (int i = npos_only; i < nparams; i++) {
        size_t n = strlen(names[i]);
        size_t limit = ((size_t)klen + n + 3) * 2 / 6;
        size_t d = edit_distance(k, (size_t)klen, names[i], n);
        if (d <= limit && d < best_d) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}

static int set_keyword(const char *fname, AdObject *key, AdObject *value, const char *const *names,
                       int nparams, int npos_only, Ad_ssize_t nargs, AdObject **out)
{
    int i = find_param(key, names, nparams);
    if (i < 0 || i < npos_only) {
        if (i >= 0 && i < npos_only)
            AdErr_Format(AdExc_TypeError,
                         "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                         fname, names[i]);
        else {
            const char *hint = suggest(key, names, nparams, npos_only);
            if (hint)
                AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%U'. "
                             "Did you mean '%s'?", fname, key, hint);
            else
                AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%U'",
                             fname, key);
        }
        return -1;
    }
    if (i < nargs || out[i]) {
        AdErr_Format(AdExc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     fname, names[i], i + 1);
        return -1;
    }
    out[i] = value;
    return 0;
}

int ad_num_parse_args(const char *fname, AdObject *const *args, Ad_ssize_t nargs,
                      AdObject *kwnames, AdObject *kwdict, const char *const *names,
                      int nparams, int npos_only, int max_pos, int min_args, AdObject **out)
{
    for (int i = 0; i < nparams; i++)
        out[i] = NULL;
    if (nargs > max_pos) {
        if (max_pos == 0)
            AdErr_Format(AdExc_TypeError, "%s() takes no positional arguments", fname);
        else if (min_args == max_pos && min_args == nparams)
            AdErr_Format(AdExc_TypeError, "%s() takes exactly %d positional argument%s (%zd given)",
                         fname, max_pos, max_pos == 1 ? "" : "s", nargs);
        else
            AdErr_Format(AdExc_TypeError, "%s() takes at most %d positional argument%s (%zd given)",
                         fname, max_pos, max_pos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (Ad_ssize_t i = 0; i < nargs; i++)
        out[i] = args[i];
    if (kwnames) {
        Ad_ssize_t nk = AdTuple_GET_SIZE(kwnames);
        for (Ad_ssize_t k = 0; k < nk; k++)
            if (set_keyword(fname, AdTuple_GET_ITEM(kwnames, k), args[nargs + k], names, nparams,
                            npos_only, nargs, out) < 0)
                return -1;
    }
    if (kwdict) {
        Ad_ssize_t pos = 0;
        AdObject *key, *value;
        while (AdDict_Next(kwdict, &pos, &key, &value))
            if (set_keyword(fname, key, value, names, nparams, npos_only, nargs, out) < 0)
                return -1;
    }
    for (int i = 0; i < min_args; i++) {
        if (!out[i]) {
            AdErr_Format(AdExc_TypeError, "%s() missing required argument '%s' (pos %d)",
                         fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* ---- start-up ---------------------------------------------------------------------- */

/* The kernel must build int-shaped blocks from its very first use, so the
 * allocator goes in when the program loads, before any initialization. */
__attribute__((constructor)) static void install_bigint_allocator(void)
{
    AdBigInt_SetAllocator(int_big_alloc, int_big_free);
}

void ad_int_fini(void)
{
    if (!int_ready)
        return;
    int_ready = 0;
    for (int i = 0; i <= SMALL_MAX - SMALL_MIN; i++) {
        AdMem_Free(small_ints[i]);
        small_ints[i] = NULL;
    }
    while (ad_int_nfree > 0)
        AdMem_Free(ad_int_freelist[--ad_int_nfree]);
}

int ad_int_init(void)
{
    if (int_ready)
        return 0;
    for (int64_t v = SMALL_MIN; v <= SMALL_MAX; v++) {
        AdObject *o = v < 0 ? int_alloc_value((uint64_t)-v, 1) : int_alloc_value((uint64_t)v, 0);
        if (!o)
            return -1;
        Ad_SetImmortal(o);
        small_ints[v - SMALL_MIN] = (AdIntObject *)o;
    }
    int_ready = 1;
    if (AdType_Ready(&AdInt_Type) < 0 || AdType_Ready(&AdBool_Type) < 0 ||
        AdType_Ready(&AdFloat_Type) < 0 || AdType_Ready(&AdComplex_Type) < 0)
        return -1;
    return 0;
}
