/* struct_module.c: the `_struct` module behind Lib/struct.py: Struct
 * (format, size, pack, pack_into, unpack, unpack_from, iter_unpack), the
 * module-level functions over a small cache of compiled formats, error, and
 * _clearcache. A format is compiled once into a list of items (format
 * character, offset, size); '@' uses the host's sizes, alignment and byte
 * order, '=', '<', '>' and '!' the standard sizes without alignment. The
 * half float 'e' is IEEE 754 binary16 with round-half-even. Messages are
 * CPython's ("bad char in struct format", "'B' format requires 0 <= number
 * <= 255", "unpack requires a buffer of 4 bytes"). */
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
#include "runtime/lifecycle.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_MAX 100

static AdObject *struct_error;   /* struct.error */
static AdObject *format_cache;   /* dict: format (str/bytes) -> Struct */

/* ---- format descriptions ------------------------------------------------------------- */

typedef struct {
    char c;
    Ad_ssize_t size, align;
} FormatDef;

static const FormatDef native_table[] = {
    {'x', 1, 1}, {'c', 1, 1}, {'b', 1, 1}, {'B', 1, 1}, {'?', sizeof(_Bool), _Alignof(_Bool)},
    {'h', sizeof(short), _Alignof(short)}, {'H', sizeof(short), _Alignof(short)},
    {'i', sizeof(int), _Alignof(int)}, {'I', sizeof(int), _Alignof(int)},
    {'l', sizeof(long), _Alignof(long)}, {'L', sizeof(long), _Alignof(long)},
    {'q', sizeof(long long), _Alignof(long long)}, {'Q', sizeof(long long), _Alignof(long long)},
    {'n', sizeof(size_t), _Alignof(size_t)}, {'N', sizeof(size_t), _Alignof(size_t)},
    {'e', 2, 2}, {'f', sizeof(float), _Alignof(float)}, {'d', sizeof(double), _Alignof(double)},
    {'s', 1, 1}, {'p', 1, 1}, {'P', sizeof(void *), _Alignof(void *)}, {0, 0, 0},
};

static const FormatDef standard_table[] = {
    {'x', 1, 1}, {'c', 1, 1}, {'b', 1, 1}, {'B', 1, 1}, {'?', 1, 1}, {'h', 2, 1}, {'H', 2, 1},
    {'i', 4, 1}, {'I', 4, 1}, {'l', 4, 1}, {'L', 4, 1}, {'q', 8, 1}, {'Q', 8, 1}, {'e', 2, 1},
    {'f', 4, 1}, {'d', 8, 1}, {'s', 1, 1}, {'p', 1, 1}, {0, 0, 0},
};

static const FormatDef *find_def(const FormatDef *table, char c)
{
    for (; table->c; table++)
        if (table->c == c)
            return table;
    return NULL;
}

typedef struct {
    char c;
    Ad_ssize_t offset;
    Ad_ssize_t size;    /* bytes of the item ('s'/'p': the count) */
} Code;

typedef struct {
    AdObject_HEAD;
    AdObject *format;   /* str */
    Ad_ssize_t size;    /* packed size */
    Ad_ssize_t len;     /* number of values */
    Code *codes;        /* len entries */
    int native;         /* '@': host sizes and alignment */
    int little;         /* byte order of the multi-byte items */
    AdObject *weakreflist;
} StructObject;

static AdTypeObject Struct_Type;
static AdTypeObject UnpackIter_Type;

static int host_little(void)
{
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

/* Compiles the format text into s. 0, or -1 with struct.error. */
static int compile_format(StructObject *s, const char *fmt)
{
    const FormatDef *table = native_table;
    s->native = 1;
    s->little = host_little();
    switch (*fmt) {
    case '@': fmt++; break;
    case '=': table = standard_table; s->native = 0; fmt++; break;
    case '<': table = standard_table; s->native = 0; s->little = 1; fmt++; break;
    case '>': case '!': table = standard_table; s->native = 0; s->little = 0; fmt++; break;
    default: break;
    }
    const Ad_ssize_t max = SSIZE_MAX;
    for (int pass = 0; pass < 2; pass++) {
        Ad_ssize_t size = 0, len = 0;
        for (const char *p = fmt; *p;) {
            char c = *p++;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
                continue;
            Ad_ssize_t num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while ((c = *p++) >= '0' && c <= '9') {
                    if (num >= max / 10 && (num > max / 10 || (c - '0') > max % 10)) {
                        AdErr_SetString(struct_error, "total struct size too long");
                        return -1;
                    }
                    num = num * 10 + (c - '0');
                }
                if (c == '\0') {
                    AdErr_SetString(struct_error, "repeat count given without format specifier");
                    return -1;
                }
            }
            const FormatDef *d = find_def(table, c);
            if (!d) {
                AdErr_SetString(struct_error, "bad char in struct format");
                return -1;
            }
            if (s->native && d->align > 1) {
                Ad_ssize_t rem = size % d->align;
                if (rem) {
                    if (size > max - (d->align - rem))
                        goto too_long;
                    size += d->align - rem;
                }
            }
            if (c == 's' || c == 'p') {
                if (pass) {
                    s->codes[len].c = c;
                    s->codes[len].offset = size;
                    s->codes[len].size = num;
                }
                len++;
            } else if (c != 'x') {
                if (num > max - len)
                    goto too_long;
                if (pass) {
                    for (Ad_ssize_t k = 0; k < num; k++) {
                        s->codes[len + k].c = c;
                        s->codes[len + k].offset = size + k * d->size;
                        s->codes[len + k].size = d->size;
                    }
                }
                len += num;
            }
            if (num > (max - size) / d->size)
                goto too_long;
            size += num * d->size;
        }
        if (!pass) {
            s->size = size;
            s->len = len;
            s->codes = malloc((size_t)(len ? len : 1) * sizeof(Code));
            if (!s->codes) {
                AdErr_NoMemory();
                return -1;
            }
        }
    }
    return 0;
too_long:
    AdErr_SetString(struct_error, "total struct size too long");
    return -1;
}

/* ---- packing one value ----------------------------------------------------------------- */

/* The integer value of v: 0 with *sv (fits int64), 1 with *uv (fits
 * uint64 only), 2 (larger in magnitude), -1 with struct.error/exception. */
static int get_integer(AdObject *v, int64_t *sv, uint64_t *uv)
{
    AdObject *n;
    if (AdInt_Check(v)) {
        n = Ad_NewRef(v);
    } else if (AdIndex_Check(v)) {
        n = AdNumber_Index(v);
        if (!n)
            return -1;
    } else {
        AdErr_SetString(struct_error, "required argument is not an integer");
        return -1;
    }
    int r;
    if (AdInt_AsInt64Exact(n, sv))
        r = 0;
    else if (AD_SIZE(n) == 1) {
        *uv = ((AdIntObject *)n)->limbs[0];
        r = 1;
    } else
        r = 2;
    Ad_DECREF(n);
    return r;
}

static void put_bytes(unsigned char *p, uint64_t x, Ad_ssize_t size, int little)
{
    for (Ad_ssize_t i = 0; i < size; i++) {
        unsigned char b = (unsigned char)(x >> (8 * i));
        if (little)
            p[i] = b;
        else
            p[size - 1 - i] = b;
    }
}

static uint64_t get_bytes(const unsigned char *p, Ad_ssize_t size, int little)
{
    uint64_t x = 0;
    for (Ad_ssize_t i = 0; i < size; i++)
        x |= (uint64_t)(little ? p[i] : p[size - 1 - i]) << (8 * i);
    return x;
}

static int is_signed_code(char c)
{
    return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
}

static int range_error(char c, Ad_ssize_t size, int is_signed)
{
    if (is_signed) {
        long long hi = size >= 8 ? INT64_MAX : (long long)((1ULL << (8 * size - 1)) - 1);
        AdErr_Format(struct_error, "'%c' format requires %lld <= number <= %lld", c, -hi - 1, hi);
    } else {
        unsigned long long hi = size >= 8 ? UINT64_MAX : (1ULL << (8 * size)) - 1;
        AdErr_Format(struct_error, "'%c' format requires 0 <= number <= %zu", c, (size_t)hi);
    }
    return -1;
}

/* Binary16 bits for x (round half to even); -1 with OverflowError. */
static int pack_half(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        /* keep the top of the payload (a signalling NaN stays one) */
        uint64_t bits;
        memcpy(&bits, &x, 8);
        uint16_t m = (uint16_t)((bits & 0xfffffffffffffULL) >> 42);
        *out = sign | 0x7c00 | (m ? m : 0x200);
        return 0;
    }
    x = fabs(x);
    if (isinf(x)) {
        *out = sign | 0x7c00;
        return 0;
    }
    if (x < ldexp(1.0, -14)) {
        /* subnormal: units of 2**-24; rounding up may reach the smallest normal */
        double m = rint(ldexp(x, 24));
        *out = sign | (uint16_t)m;
        return 0;
    }
    int e;
    double f = frexp(x, &e);        /* x = f * 2**e, 0.5 <= f < 1 */
    int exp = e - 1;
    double m = rint(ldexp(f, 11));  /* 1024 <= m <= 2048 */
    if (m >= 2048.0) {
        m = 1024.0;
        exp++;
    }
    if (exp > 15) {
        AdErr_SetString(AdExc_OverflowError, "float too large to pack with e format");
        return -1;
    }
    *out = sign | (uint16_t)((exp + 15) << 10) | (uint16_t)((int)m - 1024);
    return 0;
}

static double unpack_half(uint16_t h)
{
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double x;
    if (e == 0)
        x = ldexp((double)m, -24);
    else if (e == 31 && m) {
        uint64_t bits = (uint64_t)(h & 0x8000) << 48 | 0x7ff0000000000000ULL | (uint64_t)m << 42;
        memcpy(&x, &bits, 8);
        return x;
    } else if (e == 31)
        x = INFINITY;
    else
        x = ldexp((double)(m + 1024), e - 25);
    return (h & 0x8000) ? -x : x;
}

static int get_double(AdObject *v, double *out)
{
    double x = AdFloat_AsDouble(v);
    if (x == -1.0 && AdErr_Occurred()) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_SetString(struct_error, "required argument is not a float");
        }
        return -1;
    }
    *out = x;
    return 0;
}

static int pack_one(const StructObject *s, const Code *code, unsigned char *p, AdObject *v)
{
    char c = code->c;
    switch (c) {
    case 'c':
        if (!AdBytes_Check(v) || AdBytes_GET_SIZE(v) != 1) {
            AdErr_SetString(struct_error, "char format requires a bytes object of length 1");
            return -1;
        }
        *p = (unsigned char)AdBytes_AS_STRING(v)[0];
        return 0;
    case 's':
    case 'p': {
        const char *data;
        Ad_ssize_t n;
        if (AdBytes_Check(v)) {
            data = AdBytes_AS_STRING(v);
            n = AdBytes_GET_SIZE(v);
        } else if (AdByteArray_Check(v)) {
            data = AdByteArray_AS_STRING(v);
            n = AdByteArray_GET_SIZE(v);
        } else {
            AdErr_Format(struct_error, "argument for '%c' must be a bytes object", c);
            return -1;
        }
        if (c == 's') {
            if (n > code->size)
                n = code->size;
            if (n > 0)
                memcpy(p, data, (size_t)n);
        } else if (code->size > 0) {
            if (n > code->size - 1)
                n = code->size - 1;
            if (n > 0)
                memcpy(p + 1, data, (size_t)n);
            *p = (unsigned char)(n > 255 ? 255 : n);
        }
        return 0;
    }
    case '?': {
        int t = AdObject_IsTrue(v);
        if (t < 0)
            return -1;
        *p = (unsigned char)t;
        return 0;
    }
    case 'e': {
        double x;
        uint16_t h;
        if (get_double(v, &x) < 0 || pack_half(x, &h) < 0)
            return -1;
        put_bytes(p, h, 2, s->little);
        return 0;
    }
    case 'f': {
        double x;
        if (get_double(v, &x) < 0)
            return -1;
        float y = (float)x;
        if (isnan(x)) {
            uint64_t dbits;
            memcpy(&dbits, &x, 8);
            uint32_t m = (uint32_t)((dbits & 0xfffffffffffffULL) >> 29);
            uint32_t fbits = (uint32_t)(dbits >> 63) << 31 | 0x7f800000u | (m ? m : 0x400000u);
            put_bytes(p, fbits, 4, s->little);
            return 0;
        }
        if (isinf(y) && !isinf(x)) {
            AdErr_SetString(AdExc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t bits;
        memcpy(&bits, &y, 4);
        put_bytes(p, bits, 4, s->little);
        return 0;
    }
    case 'd': {
        double x;
        if (get_double(v, &x) < 0)
            return -1;
        uint64_t bits;
        memcpy(&bits, &x, 8);
        put_bytes(p, bits, 8, s->little);
        return 0;
    }
    default: break;
    }
    /* the integer formats */
    int64_t sv = 0;
    uint64_t uv = 0;
    int r = get_integer(v, &sv, &uv);
    if (r < 0)
        return -1;
    Ad_ssize_t size = code->size;
    if (c == 'P') {
        if (r == 2) {
            AdErr_SetString(struct_error, "int too large to convert");
            return -1;
        }
        if (r == 0)
            uv = (uint64_t)sv;
        if (size < 8 && (r == 1 || (sv >= 0 ? (uint64_t)sv >> (8 * size) != 0
                                             : sv < -(int64_t)(1ULL << (8 * size - 1))))) {
            AdErr_SetString(struct_error, "int too large to convert");
            return -1;
        }
        put_bytes(p, uv, size, s->little);
        return 0;
    }
    if (is_signed_code(c)) {
        int64_t hi = size >= 8 ? INT64_MAX : (int64_t)((1ULL << (8 * size - 1)) - 1);
        if (r != 0 || sv > hi || sv < -hi - 1)
            return range_error(c, size, 1);
        uv = (uint64_t)sv;
    } else {
        if (r == 2 || (r == 0 && sv < 0))
            return range_error(c, size, 0);
        if (r == 0)
            uv = (uint64_t)sv;
        if (size < 8 && uv >> (8 * size))
            return range_error(c, size, 0);
    }
    put_bytes(p, uv, size, s->little);
    return 0;
}

static AdObject *unpack_one(const StructObject *s, const Code *code, const unsigned char *p)
{
    char c = code->c;
    switch (c) {
    case 'c':
        return AdBytes_FromStringAndSize((const char *)p, 1);
    case 's':
        return AdBytes_FromStringAndSize((const char *)p, code->size);
    case 'p': {
        if (code->size == 0)
            return AdBytes_FromStringAndSize("", 0);
        Ad_ssize_t n = p[0];
        if (n >= code->size)
            n = code->size - 1;
        return AdBytes_FromStringAndSize((const char *)p + 1, n);
    }
    case '?':
        return AdBool_FromLong(p[0] != 0);
    case 'e':
        return AdFloat_FromDouble(unpack_half((uint16_t)get_bytes(p, 2, s->little)));
    case 'f': {
        uint32_t bits = (uint32_t)get_bytes(p, 4, s->little);
        if ((bits & 0x7f800000u) == 0x7f800000u && (bits & 0x7fffffu)) {
            /* a NaN keeps its payload and its signalling bit */
            uint64_t dbits = (uint64_t)(bits >> 31) << 63 | 0x7ff0000000000000ULL | (uint64_t)(bits & 0x7fffffu) << 29;
            double x;
            memcpy(&x, &dbits, 8);
            return AdFloat_FromDouble(x);
        }
        float y;
        memcpy(&y, &bits, 4);
        return AdFloat_FromDouble((double)y);
    }
    case 'd': {
        uint64_t bits = get_bytes(p, 8, s->little);
        double x;
        memcpy(&x, &bits, 8);
        return AdFloat_FromDouble(x);
    }
    default: break;
    }
    uint64_t x = get_bytes(p, code->size, s->little);
    if (is_signed_code(c)) {
        if (code->size < 8 && (x >> (8 * code->size - 1)) & 1)
            x |= ~0ULL << (8 * code->size);
        return AdInt_FromInt64((int64_t)x);
    }
    return AdInt_FromUInt64(x);
}

/* ---- the Struct type ----------------------------------------------------------------- */

static int struct_set_format(StructObject *s, AdObject *fmt);

/* A new Struct for fmt (str or bytes). */
static AdObject *struct_create(AdTypeObject *type, AdObject *fmt)
{
    StructObject *s = (StructObject *)type->tp_alloc(type, 0);
    if (!s)
        return NULL;
    if (struct_set_format(s, fmt) < 0) {
        Ad_DECREF((AdObject *)s);
        return NULL;
    }
    return (AdObject *)s;
}

/* Compiles fmt (str or bytes) into s, replacing what s had. 0 or -1. */
static int struct_set_format(StructObject *s, AdObject *fmt)
{
    AdObject *fbytes, *fstr;
    if (AdStr_Check(fmt)) {
        fbytes = AdStr_EncodeASCII(fmt, "strict");
        if (!fbytes)
            return -1;
        fstr = Ad_NewRef(fmt);
    } else if (AdBytes_Check(fmt)) {
        fbytes = Ad_NewRef(fmt);
        fstr = AdStr_DecodeASCII(AdBytes_AS_STRING(fmt), AdBytes_GET_SIZE(fmt), "strict");
        if (!fstr) {
            Ad_DECREF(fbytes);
            return -1;
        }
    } else {
        AdErr_Format(AdExc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                     AdType_Name(AD_TYPE(fmt)));
        return -1;
    }
    StructObject tmp = *s;
    tmp.codes = NULL;
    int rc = compile_format(&tmp, AdBytes_AS_STRING(fbytes));
    Ad_DECREF(fbytes);
    if (rc < 0) {
        free(tmp.codes);
        Ad_DECREF(fstr);
        return -1;
    }
    free(s->codes);
    s->codes = tmp.codes;
    s->size = tmp.size;
    s->len = tmp.len;
    s->native = tmp.native;
    s->little = tmp.little;
    AdObject *old = s->format;
    s->format = fstr;
    Ad_XDECREF(old);
    return 0;
}

static AdObject *struct_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    Ad_ssize_t n = args ? AdTuple_GET_SIZE(args) : 0;
    Ad_ssize_t nk = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    AdObject *fmt = NULL;
    if (n + nk > 1) {
        AdErr_Format(AdExc_TypeError, "Struct() takes at most 1 argument (%zd given)", n + nk);
        return NULL;
    }
    if (n == 1)
        fmt = AdTuple_GET_ITEM(args, 0);
    else if (nk == 1) {
        fmt = AdDict_GetItemString(kwargs, "format");
        if (!fmt) {
            AdObject *key = NULL, *val = NULL;
            Ad_ssize_t pos = 0;
            AdDict_Next(kwargs, &pos, &key, &val);
            AdErr_Format(AdExc_TypeError, "Struct() got an unexpected keyword argument '%U'", key);
            return NULL;
        }
    }
    if (!fmt) {
        AdErr_SetString(AdExc_TypeError, "Struct() missing required argument 'format' (pos 1)");
        return NULL;
    }
    return struct_create(type, fmt);
}

/* __init__(format) compiles again (3.14: a Struct can be re-initialised). */
static int struct_tp_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    Ad_ssize_t n = args ? AdTuple_GET_SIZE(args) : 0;
    AdObject *fmt = n == 1 ? AdTuple_GET_ITEM(args, 0) : NULL;
    if (!fmt && kwargs && AdDict_GET_SIZE(kwargs) == 1 && n == 0)
        fmt = AdDict_GetItemString(kwargs, "format");
    if (!fmt) {
        if (n + (kwargs ? AdDict_GET_SIZE(kwargs) : 0) > 1)
            AdErr_Format(AdExc_TypeError, "Struct() takes at most 1 argument (%zd given)",
                         n + (kwargs ? AdDict_GET_SIZE(kwargs) : 0));
        else
            AdErr_SetString(AdExc_TypeError, "Struct() missing required argument 'format' (pos 1)");
        return -1;
    }
    StructObject *s = (StructObject *)self;
    if (s->format && AdObject_RichCompareBool(s->format, fmt, AD_EQ) == 1 && AD_TYPE(s->format) == AD_TYPE(fmt))
        return 0;
    AdErr_Clear();
    return struct_set_format(s, fmt);
}

static void struct_dealloc(AdObject *self)
{
    StructObject *s = (StructObject *)self;
    Ad_XDECREF(s->format);
    free(s->codes);
    AD_TYPE(self)->tp_free(self);     /* drops a heap type's reference itself */
}

static AdObject *struct_repr(AdObject *self)
{
    AdObject *r = AdObject_Repr(((StructObject *)self)->format);
    if (!r)
        return NULL;
    const char *name = AD_TYPE(self)->tp_name, *dot = strrchr(name, '.');
    AdObject *res = AdStr_FromFormat("%s(%U)", dot ? dot + 1 : name, r);
    Ad_DECREF(r);
    return res;
}

/* Packs args[0..nargs) into buf (s->size bytes, already zeroed). */
static int pack_values(StructObject *s, const char *who, unsigned char *buf, AdObject *const *args,
                       Ad_ssize_t nargs)
{
    if (nargs != s->len) {
        AdErr_Format(struct_error, "%s expected %zd items for packing (got %zd)", who, s->len, nargs);
        return -1;
    }
    for (Ad_ssize_t i = 0; i < s->len; i++)
        if (pack_one(s, &s->codes[i], buf + s->codes[i].offset, args[i]) < 0)
            return -1;
    return 0;
}

static AdObject *unpack_values(StructObject *s, const unsigned char *buf)
{
    AdObject *t = AdTuple_New(s->len);
    if (!t)
        return NULL;
    for (Ad_ssize_t i = 0; i < s->len; i++) {
        AdObject *v = unpack_one(s, &s->codes[i], buf + s->codes[i].offset);
        if (!v) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static AdObject *do_pack(StructObject *s, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs != s->len) {
        AdErr_Format(struct_error, "pack expected %zd items for packing (got %zd)", s->len, nargs);
        return NULL;
    }
    AdObject *res = AdBytes_FromStringAndSize(NULL, s->size);
    if (!res)
        return NULL;
    memset(AdBytes_AS_STRING(res), 0, (size_t)s->size);
    if (pack_values(s, "pack", (unsigned char *)AdBytes_AS_STRING(res), args, nargs) < 0) {
        Ad_DECREF(res);
        return NULL;
    }
    return res;
}

static AdObject *do_pack_into(StructObject *s, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs != s->len + 2) {
        if (nargs == 0)
            AdErr_SetString(struct_error, "pack_into expected buffer argument");
        else if (nargs == 1)
            AdErr_SetString(struct_error, "pack_into expected offset argument");
        else
            AdErr_Format(struct_error, "pack_into expected %zd items for packing (got %zd)", s->len,
                         nargs - 2);
        return NULL;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(args[0], &view, AD_BUF_WRITABLE) < 0) {
        AdErr_Clear();
        AdErr_Format(AdExc_TypeError, "argument must be read-write bytes-like object, not %s",
                     AdType_Name(AD_TYPE(args[0])));
        return NULL;
    }
    Ad_ssize_t offset = AdNumber_AsSsize_t(args[1], AdExc_IndexError);
    if (offset == -1 && AdErr_Occurred())
        goto fail;
    if (offset < 0) {
        if (offset + s->size > 0) {
            AdErr_Format(struct_error, "no space to pack %zd bytes at offset %zd", s->size, offset);
            goto fail;
        }
        if (offset + view.len < 0) {
            AdErr_Format(struct_error, "offset %zd out of range for %zd-byte buffer", offset, view.len);
            goto fail;
        }
        offset += view.len;
    }
    if (view.len - offset < s->size) {
        AdErr_Format(struct_error,
                         "pack_into requires a buffer of at least %zd bytes for packing %zd bytes at "
                         "offset %zd (actual buffer size is %zd)",
                         s->size + offset, s->size, offset, view.len);
        goto fail;
    }
    unsigned char *tmp = malloc((size_t)(s->size ? s->size : 1));
    if (!tmp) {
        AdErr_NoMemory();
        goto fail;
    }
    memset(tmp, 0, (size_t)s->size);
    if (pack_values(s, "pack_into", tmp, args + 2, nargs - 2) < 0) {
        free(tmp);
        goto fail;
    }
    memcpy((char *)view.buf + offset, tmp, (size_t)s->size);
    free(tmp);
    AdBuffer_Release(&view);
    return Ad_NewRef(Ad_None);
fail:
    AdBuffer_Release(&view);
    return NULL;
}

static AdObject *do_unpack(StructObject *s, AdObject *buffer)
{
    AdBuffer view;
    if (AdObject_GetBuffer(buffer, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    AdObject *res = NULL;
    if (view.len != s->size)
        AdErr_Format(struct_error, "unpack requires a buffer of %zd bytes", s->size);
    else
        res = unpack_values(s, view.buf);
    AdBuffer_Release(&view);
    return res;
}

static AdObject *do_unpack_from(StructObject *s, AdObject *buffer, AdObject *offobj)
{
    Ad_ssize_t offset = 0;
    if (offobj) {
        offset = AdNumber_AsSsize_t(offobj, AdExc_OverflowError);
        if (offset == -1 && AdErr_Occurred())
            return NULL;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(buffer, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    AdObject *res = NULL;
    if (offset < 0) {
        if (offset + view.len < 0) {
            AdErr_Format(struct_error, "offset %zd out of range for %zd-byte buffer", offset, view.len);
            goto done;
        }
        if (offset + s->size > 0) {
            AdErr_Format(struct_error, "not enough data to unpack %zd bytes at offset %zd", s->size,
                         offset);
            goto done;
        }
        offset += view.len;
    }
    if (view.len - offset < s->size) {
        AdErr_Format(struct_error,
                         "unpack_from requires a buffer of at least %zd bytes for unpacking %zd "
                         "bytes at offset %zd (actual buffer size is %zd)",
                         s->size + offset, s->size, offset, view.len);
        goto done;
    }
    res = unpack_values(s, (const unsigned char *)view.buf + offset);
done:
    AdBuffer_Release(&view);
    return res;
}

typedef struct {
    AdObject_HEAD;
    StructObject *st;
    AdBuffer view;
    int has_view;
    Ad_ssize_t index;
} UnpackIterObject;

static AdObject *do_iter_unpack(StructObject *s, AdObject *buffer)
{
    if (s->size == 0) {
        AdErr_SetString(struct_error, "cannot iteratively unpack with a struct of length 0");
        return NULL;
    }
    UnpackIterObject *it = (UnpackIterObject *)UnpackIter_Type.tp_alloc(&UnpackIter_Type, 0);
    if (!it)
        return NULL;
    if (AdObject_GetBuffer(buffer, &it->view, AD_BUF_SIMPLE) < 0) {
        Ad_DECREF((AdObject *)it);
        return NULL;
    }
    it->has_view = 1;
    if (it->view.len % s->size != 0) {
        AdErr_Format(struct_error, "iterative unpacking requires a buffer of a multiple of %zd bytes",
                     s->size);
        Ad_DECREF((AdObject *)it);
        return NULL;
    }
    it->st = (StructObject *)Ad_NewRef((AdObject *)s);
    return (AdObject *)it;
}

static AdObject *st_pack(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (AdArg_NoKeywords("pack", kwnames) < 0)
        return NULL;
    return do_pack((StructObject *)self, args, nargs);
}

static AdObject *st_pack_into(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (AdArg_NoKeywords("pack_into", kwnames) < 0)
        return NULL;
    return do_pack_into((StructObject *)self, args, nargs);
}

static AdObject *st_unpack(AdObject *self, AdObject *buffer)
{
    return do_unpack((StructObject *)self, buffer);
}

static AdObject *st_unpack_from(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"buffer", "offset", NULL};
    AdObject *out[2];
    if (AdArg_Parse("unpack_from", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    return do_unpack_from((StructObject *)self, out[0], out[1]);
}

static AdObject *st_iter_unpack(AdObject *self, AdObject *buffer)
{
    return do_iter_unpack((StructObject *)self, buffer);
}

static AdObject *st_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    StructObject *s = (StructObject *)self;
    return AdInt_FromSsize_t((Ad_ssize_t)(sizeof(StructObject) + (size_t)s->len * sizeof(Code)));
}

static AdObject *st_get_format(AdObject *self, void *closure)
{
    (void)closure;
    return Ad_NewRef(((StructObject *)self)->format);
}

static AdObject *st_get_size(AdObject *self, void *closure)
{
    (void)closure;
    return AdInt_FromSsize_t(((StructObject *)self)->size);
}

static AdMethodDef struct_methods[] = {
    {"iter_unpack", (void (*)(void))st_iter_unpack, AD_METH_O,
     "Return an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, like a repeated\n"
     "invocation of unpack_from().\n\nRequires that the bytes length be a multiple of the struct size."},
    {"pack", (void (*)(void))st_pack, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\n"
     "to the format string S.format.  See help(struct) for more on format\nstrings."},
    {"pack_into", (void (*)(void))st_pack_into, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format "
     "string S.format\nand write the packed bytes into the writable buffer buf starting at\noffset.  Note "
     "that the offset is a required argument.  See\nhelp(struct) for more on format strings."},
    {"unpack", (void (*)(void))st_unpack, AD_METH_O,
     "Return a tuple containing unpacked values.\n\nUnpack according to the format string Struct.format. "
     "The buffer's size\nin bytes must be Struct.size.\n\nSee help(struct) for more on format strings."},
    {"unpack_from", (void (*)(void))st_unpack_from, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a tuple containing unpacked values.\n\nValues are unpacked according to the format string\n"
     "Struct.format.\n\nThe buffer's size in bytes, starting at position offset, must be\nat least "
     "Struct.size.\n\nSee help(struct) for more on format strings."},
    {"__sizeof__", (void (*)(void))st_sizeof, AD_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef struct_getset[] = {
    {"format", st_get_format, NULL, "struct format string", NULL},
    {"size", st_get_size, NULL, "struct size in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdTypeObject Struct_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(StructObject),
    .tp_dealloc = struct_dealloc,
    .tp_repr = struct_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_doc = "Struct(format)\n--\n\nCreate a compiled struct object.\n\nReturn a new Struct object which "
              "writes and reads binary data according to\nthe format string.\n\nSee help(struct) for more "
              "on format strings.",
    .tp_weaklistoffset = offsetof(StructObject, weakreflist),
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
    .tp_init = struct_tp_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = struct_tp_new,
};

/* ---- the unpack iterator ------------------------------------------------------------- */

static void uiter_dealloc(AdObject *self)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    if (it->has_view)
        AdBuffer_Release(&it->view);
    Ad_XDECREF((AdObject *)it->st);
    AD_TYPE(self)->tp_free(self);
}

static AdObject *uiter_next(AdObject *self)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    if (!it->st)
        return NULL;
    if (it->index >= it->view.len) {
        AdBuffer_Release(&it->view);
        it->has_view = 0;
        AD_CLEAR(it->st);
        return NULL;
    }
    AdObject *res = unpack_values(it->st, (const unsigned char *)it->view.buf + it->index);
    it->index += it->st->size;
    return res;
}

static AdObject *uiter_length_hint(AdObject *self, AdObject *unused)
{
    (void)unused;
    UnpackIterObject *it = (UnpackIterObject *)self;
    Ad_ssize_t n = it->st ? (it->view.len - it->index) / it->st->size : 0;
    return AdInt_FromSsize_t(n);
}

static AdMethodDef uiter_methods[] = {
    {"__length_hint__", (void (*)(void))uiter_length_hint, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdObject *uiter_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args, (void)kwargs;
    AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
    return NULL;
}

static AdTypeObject UnpackIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(UnpackIterObject),
    .tp_dealloc = uiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = uiter_next,
    .tp_methods = uiter_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = uiter_tp_new,
};

/* ---- module functions ---------------------------------------------------------------- */

/* The cached Struct for fmt. New ref. */
static StructObject *cache_struct(AdObject *fmt)
{
    if (!format_cache) {
        format_cache = AdDict_New();
        if (!format_cache)
            return NULL;
    }
    if (AdStr_Check(fmt) || AdBytes_Check(fmt)) {
        AdObject *hit = AdDict_GetItemWithError(format_cache, fmt);
        if (hit)
            return (StructObject *)Ad_NewRef(hit);
        if (AdErr_Occurred())
            return NULL;
    }
    AdObject *s = struct_create(&Struct_Type, fmt);
    if (!s)
        return NULL;
    if (AdDict_GET_SIZE(format_cache) >= CACHE_MAX)
        AdDict_Clear(format_cache);
    if (AdDict_SetItem(format_cache, fmt, s) < 0) {
        Ad_DECREF(s);
        return NULL;
    }
    return (StructObject *)s;
}

/* The Struct for args[0] of the module-level pack(fmt, ...) and
 * pack_into(fmt, ...) (new ref), after their argument checks. */
static StructObject *format_arg(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (AdArg_NoKeywords(fname, kwnames) < 0)
        return NULL;
    if (nargs < 1) {
        AdErr_SetString(AdExc_TypeError, "missing format argument");
        return NULL;
    }
    return cache_struct(args[0]);
}

static AdObject *mod_pack(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    StructObject *s = format_arg("_struct.pack", args, nargs, kwnames);
    if (!s)
        return NULL;
    AdObject *res = do_pack(s, args + 1, nargs - 1);
    Ad_DECREF((AdObject *)s);
    return res;
}

static AdObject *mod_pack_into(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    StructObject *s = format_arg("_struct.pack_into", args, nargs, kwnames);
    if (!s)
        return NULL;
    AdObject *res = do_pack_into(s, args + 1, nargs - 1);
    Ad_DECREF((AdObject *)s);
    return res;
}

static AdObject *mod_unpack(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("unpack", nargs, 2, 2) < 0)
        return NULL;
    StructObject *s = cache_struct(args[0]);
    if (!s)
        return NULL;
    AdObject *res = do_unpack(s, args[1]);
    Ad_DECREF((AdObject *)s);
    return res;
}

static AdObject *mod_unpack_from(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "buffer", "offset", NULL};
    AdObject *out[3];
    if (AdArg_Parse("unpack_from", args, nargs, kwnames, names, 1, 2, out) < 0)
        return NULL;
    StructObject *s = cache_struct(out[0]);
    if (!s)
        return NULL;
    AdObject *res = do_unpack_from(s, out[1], out[2]);
    Ad_DECREF((AdObject *)s);
    return res;
}

static AdObject *mod_iter_unpack(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("iter_unpack", nargs, 2, 2) < 0)
        return NULL;
    StructObject *s = cache_struct(args[0]);
    if (!s)
        return NULL;
    AdObject *res = do_iter_unpack(s, args[1]);
    Ad_DECREF((AdObject *)s);
    return res;
}

static AdObject *mod_calcsize(AdObject *m, AdObject *fmt)
{
    (void)m;
    StructObject *s = cache_struct(fmt);
    if (!s)
        return NULL;
    AdObject *res = AdInt_FromSsize_t(s->size);
    Ad_DECREF((AdObject *)s);
    return res;
}

static AdObject *mod_clearcache(AdObject *m, AdObject *unused)
{
    (void)m, (void)unused;
    if (format_cache)
        AdDict_Clear(format_cache);
    return Ad_NewRef(Ad_None);
}

static AdMethodDef module_functions[] = {
    {"_clearcache", (void (*)(void))mod_clearcache, AD_METH_NOARGS, "Clear the internal cache."},
    {"calcsize", (void (*)(void))mod_calcsize, AD_METH_O,
     "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", (void (*)(void))mod_iter_unpack, AD_METH_FASTCALL,
     "Return an iterator yielding tuples unpacked from the given bytes.\n\nThe bytes are unpacked according "
     "to the format string, like\na repeated invocation of unpack_from().\n\nRequires that the bytes length "
     "be a multiple of the format struct size."},
    {"pack", (void (*)(void))mod_pack, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed "
     "according\nto the format string.  See help(struct) for more on format strings."},
    {"pack_into", (void (*)(void))mod_pack_into, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format "
     "string and write\nthe packed bytes into the writable buffer buf starting at offset.  Note\nthat the "
     "offset is a required argument.  See help(struct) for more\non format strings."},
    {"unpack", (void (*)(void))mod_unpack, AD_METH_FASTCALL,
     "Return a tuple containing values unpacked according to the format string.\n\nThe buffer's size in "
     "bytes must be calcsize(format).\n\nSee help(struct) for more on format strings."},
    {"unpack_from", (void (*)(void))mod_unpack_from, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a tuple containing values unpacked according to the format string.\n\nThe buffer's size, "
     "minus offset, must be at least calcsize(format).\n\nSee help(struct) for more on format strings."},
    {NULL, NULL, 0, NULL},
};

/* Step 7: the C statics drop struct.error and the cached Structs. */
static int struct_release(AdInterp *interp)
{
    (void)interp;
    AD_CLEAR(format_cache);
    AD_CLEAR(struct_error);
    return 0;
}

AdObject *AdModule_InitStruct(void)
{
    static int hook_registered;
    if (!hook_registered) {
        if (Ad_RegisterFiniHook(AD_FINI_THREADS, struct_release) < 0) {
            AdErr_SetString(AdExc_RuntimeError, "_struct: no room for the finalization hook");
            return NULL;
        }
        hook_registered = 1;
    }
    if (AdType_Ready(&Struct_Type) < 0 || AdType_Ready(&UnpackIter_Type) < 0)
        return NULL;
    if (!struct_error) {
        struct_error = AdErr_NewException("struct.error", NULL, NULL);
        if (!struct_error)
            return NULL;
    }
    AdObject *m = AdModule_New("_struct");
    if (!m)
        return NULL;
    if (AdModule_AddFunctions(m, module_functions) < 0 ||
        AdModule_AddObjectRef(m, "Struct", (AdObject *)&Struct_Type) < 0 ||
        AdModule_AddObjectRef(m, "error", struct_error) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
