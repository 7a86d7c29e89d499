/* marshal.c -- the marshal format (marshal.h): writer and reader for the
 * types code objects are made of.  Type codes and layouts are those of
 * CPython's format version 5 (ints in 15-bit digits for large values,
 * binary floats, short/ASCII/interned string forms, small tuples, slices,
 * code objects with their locals-plus names and kinds). */
#include "compiler/marshal.h"

#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"

enum {
    TYPE_NULL = '0', TYPE_NONE = 'N', TYPE_FALSE = 'F', TYPE_TRUE = 'T',
    TYPE_STOPITER = 'S', TYPE_ELLIPSIS = '.', TYPE_INT = 'i', TYPE_INT64 = 'I',
    TYPE_FLOAT = 'f', TYPE_BINARY_FLOAT = 'g', TYPE_COMPLEX = 'x',
    TYPE_BINARY_COMPLEX = 'y', TYPE_LONG = 'l', TYPE_STRING = 's',
    TYPE_INTERNED = 't', TYPE_REF = 'r', TYPE_TUPLE = '(', TYPE_LIST = '[',
    TYPE_DICT = '{', TYPE_CODE = 'c', TYPE_UNICODE = 'u', TYPE_UNKNOWN = '?',
    TYPE_SET = '<', TYPE_FROZENSET = '>', TYPE_ASCII = 'a',
    TYPE_ASCII_INTERNED = 'A', TYPE_SMALL_TUPLE = ')', TYPE_SHORT_ASCII = 'z',
    TYPE_SHORT_ASCII_INTERNED = 'Z', TYPE_SLICE = ':', FLAG_REF = 0x80
};

/* ---- writer ---- */

typedef struct {
    unsigned char *v;
    size_t n, cap;
    int version;
    int error;
    AdObject **refs;        /* objects written with FLAG_REF, by index (owned:
                             * a temporary freed mid-write must not have its
                             * address reused by a later object) */
    int nrefs, refs_cap;
    int *slots;             /* open-addressing table: refs index + 1, 0 = empty */
    size_t nslots;          /* a power of two, at least twice nrefs */
    int depth;
} Writer;

static void w_byte(Writer *w, int c)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        unsigned char *v = realloc(w->v, cap);
        if (!v) {
            w->error = 1;
            return;
        }
        w->v = v;
        w->cap = cap;
    }
    w->v[w->n++] = (unsigned char)c;
}

static void w_bytes(Writer *w, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        w_byte(w, s[i]);
}

static void w_long(Writer *w, int32_t x)
{
    uint32_t u = (uint32_t)x;
    w_byte(w, (int)(u & 0xff));
    w_byte(w, (int)((u >> 8) & 0xff));
    w_byte(w, (int)((u >> 16) & 0xff));
    w_byte(w, (int)((u >> 24) & 0xff));
}

static void w_double(Writer *w, double d)
{
    unsigned char b[8];
    memcpy(b, &d, 8);   /* little-endian hosts (x86-64, aarch64) */
    w_bytes(w, b, 8);
}

static void w_object(Writer *w, AdObject *v);

/* Returns 1 if V was written as a reference; else records it and sets
 * FLAG_REF in *FLAG. */
static size_t w_slot_of(const Writer *w, const AdObject *v)
{
    uintptr_t h = (uintptr_t)v >> 4;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15ULL;
    return (size_t)(h ^ (h >> 29)) & (w->nslots - 1);
}

static int w_grow_slots(Writer *w)
{
    size_t n = w->nslots ? w->nslots * 2 : 256;
    int *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    free(w->slots);
    w->slots = slots;
    w->nslots = n;
    for (int i = 0; i < w->nrefs; i++) {
        size_t k = w_slot_of(w, w->refs[i]);
        while (w->slots[k])
            k = (k + 1) & (n - 1);
        w->slots[k] = i + 1;
    }
    return 0;
}

static int w_ref(Writer *w, AdObject *v, int *flag)
{
    if (w->version < 3)
        return 0;
    if ((size_t)(w->nrefs + 1) * 2 > w->nslots && w_grow_slots(w) < 0) {
        w->error = 1;
        return 1;
    }
    size_t k = w_slot_of(w, v);
    for (; w->slots[k]; k = (k + 1) & (w->nslots - 1)) {
        if (w->refs[w->slots[k] - 1] == v) {
            w_byte(w, TYPE_REF);
            w_long(w, w->slots[k] - 1);
            return 1;
        }
    }
    if (w->nrefs == w->refs_cap) {
        int cap = w->refs_cap ? w->refs_cap * 2 : 64;
        AdObject **r = realloc(w->refs, (size_t)cap * sizeof *r);
        if (!r) {
            w->error = 1;
            return 1;
        }
        w->refs = r;
        w->refs_cap = cap;
    }
    w->refs[w->nrefs++] = Ad_NewRef(v);
    w->slots[k] = w->nrefs;
    *flag = FLAG_REF;
    return 0;
}

static void w_pstr(Writer *w, const char *s, size_t n)
{
    w_long(w, (int32_t)n);
    w_bytes(w, s, n);
}

static void w_int(Writer *w, AdObject *v, int flag)
{
    int64_t x;
    if (AdInt_AsInt64Exact(v, &x) && x >= INT32_MIN && x <= INT32_MAX) {
        w_byte(w, TYPE_INT | flag);
        w_long(w, (int32_t)x);
        return;
    }
    /* 15-bit digits of |v|, least significant first */
    int sign = AdInt_Sign(v);
    AdObject *a = sign < 0 ? AdNumber_Negative(v) : Ad_NewRef(v);
    AdObject *mask = AdInt_FromInt64(0x7fff), *fifteen = AdInt_FromInt64(15);
    uint16_t *digits = NULL;
    int nd = 0, cap = 0;
    while (a && mask && fifteen && AdInt_Sign(a) != 0) {
        AdObject *d = AdNumber_And(a, mask);
        AdObject *r = AdNumber_Rshift(a, fifteen);
        Ad_DECREF(a);
        a = r;
        if (!d || !r) {
            Ad_XDECREF(d);
            w->error = 1;
            break;
        }
        if (nd == cap) {
            cap = cap ? cap * 2 : 16;
            uint16_t *nv = realloc(digits, (size_t)cap * sizeof *nv);
            if (!nv) {
                Ad_DECREF(d);
                w->error = 1;
                break;
            }
            digits = nv;
        }
        digits[nd++] = (uint16_t)AdInt_AsInt64(d);
        Ad_DECREF(d);
    }
    Ad_XDECREF(a);
    Ad_XDECREF(mask);
    Ad_XDECREF(fifteen);
    w_byte(w, TYPE_LONG | flag);
    w_long(w, sign < 0 ? -nd : nd);
    for (int i = 0; i < nd; i++) {
        w_byte(w, digits[i] & 0xff);
        w_byte(w, digits[i] >> 8);
    }
    free(digits);
}

static void w_str(Writer *w, AdObject *v, int flag)
{
    Ad_ssize_t n;
    const char *s = AdStr_AsUTF8AndSize(v, &n);
    if (!s) {
        AdErr_Clear();
        w->error = 2;
        return;
    }
    AdStrObject *so = (AdStrObject *)v;
    int interned = so->interned && w->version >= 1;
    if (w->version >= 4 && so->ascii) {
        if (n < 256) {
            w_byte(w, (interned ? TYPE_SHORT_ASCII_INTERNED : TYPE_SHORT_ASCII) | flag);
            w_byte(w, (int)n);
        } else {
            w_byte(w, (interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag);
            w_long(w, (int32_t)n);
        }
        w_bytes(w, s, (size_t)n);
        return;
    }
    w_byte(w, (interned ? TYPE_INTERNED : TYPE_UNICODE) | flag);
    w_pstr(w, s, (size_t)n);
}

static void w_object(Writer *w, AdObject *v)
{
    if (w->error)
        return;
    if (++w->depth > 2000) {
        w->error = 3;
        return;
    }
    int flag = 0;
    if (!v) {
        w_byte(w, TYPE_NULL);
    } else if (v == Ad_None) {
        w_byte(w, TYPE_NONE);
    } else if (v == Ad_True) {
        w_byte(w, TYPE_TRUE);
    } else if (v == Ad_False) {
        w_byte(w, TYPE_FALSE);
    } else if (v == Ad_Ellipsis) {
        w_byte(w, TYPE_ELLIPSIS);
    } else if (v == AdExc_StopIteration) {
        w_byte(w, TYPE_STOPITER);
    } else if (w_ref(w, v, &flag)) {
        /* written as a reference */
    } else if (AdInt_CheckExact(v)) {
        w_int(w, v, flag);
    } else if (AdFloat_CheckExact(v)) {
        w_byte(w, TYPE_BINARY_FLOAT | flag);
        w_double(w, AdFloat_AS_DOUBLE(v));
    } else if (AdComplex_CheckExact(v)) {
        w_byte(w, TYPE_BINARY_COMPLEX | flag);
        w_double(w, AdComplex_RealAsDouble(v));
        w_double(w, AdComplex_ImagAsDouble(v));
    } else if (AdStr_CheckExact(v)) {
        w_str(w, v, flag);
    } else if (AdBytes_CheckExact(v)) {
        w_byte(w, TYPE_STRING | flag);
        w_pstr(w, AdBytes_AS_STRING(v), (size_t)AdBytes_GET_SIZE(v));
    } else if (AdTuple_CheckExact(v)) {
        Ad_ssize_t n = AdTuple_GET_SIZE(v);
        if (w->version >= 4 && n < 256) {
            w_byte(w, TYPE_SMALL_TUPLE | flag);
            w_byte(w, (int)n);
        } else {
            w_byte(w, TYPE_TUPLE | flag);
            w_long(w, (int32_t)n);
        }
        for (Ad_ssize_t i = 0; i < n; i++)
            w_object(w, AdTuple_GET_ITEM(v, i));
    } else if (AdList_CheckExact(v)) {
        Ad_ssize_t n = AD_SIZE(v);
        w_byte(w, TYPE_LIST | flag);
        w_long(w, (int32_t)n);
        for (Ad_ssize_t i = 0; i < n; i++)
            w_object(w, AdList_GET_ITEM(v, i));
    } else if (AdDict_CheckExact(v)) {
        w_byte(w, TYPE_DICT | flag);
        Ad_ssize_t pos = 0;
        AdObject *k, *val;
        while (AdDict_Next(v, &pos, &k, &val)) {
            w_object(w, k);
            w_object(w, val);
        }
        w_byte(w, TYPE_NULL);
    } else if (AdSet_CheckExact(v) || AdFrozenSet_CheckExact(v)) {
        w_byte(w, (AdSet_CheckExact(v) ? TYPE_SET : TYPE_FROZENSET) | flag);
        w_long(w, (int32_t)AdSet_GET_SIZE(v));
        Ad_ssize_t pos = 0;
        AdObject *k;
        Ad_hash_t h;
        while (AdSet_Next(v, &pos, &k, &h))
            w_object(w, k);
    } else if (Ad_IS_TYPE(v, &AdSlice_Type) && w->version >= 5) {
        AdSliceObject *s = (AdSliceObject *)v;
        w_byte(w, TYPE_SLICE | flag);
        w_object(w, s->start);
        w_object(w, s->stop);
        w_object(w, s->step);
    } else if (AdCode_Check(v)) {
        AdCodeObject *co = (AdCodeObject *)v;
        AdObject *code = AdObject_GetAttrString(v, "co_code");
        if (!code) {
            w->error = 1;
        } else {
            w_byte(w, TYPE_CODE | flag);
            w_long(w, co->co_argcount);
            w_long(w, co->co_posonlyargcount);
            w_long(w, co->co_kwonlyargcount);
            w_long(w, co->co_stacksize);
            w_long(w, co->co_flags);
            w_object(w, code);
            w_object(w, co->co_consts);
            w_object(w, co->co_names);
            w_object(w, co->co_localsplusnames);
            w_object(w, co->co_localspluskinds);
            w_object(w, co->co_filename);
            w_object(w, co->co_name);
            w_object(w, co->co_qualname);
            w_long(w, co->co_firstlineno);
            w_object(w, co->co_linetable);
            w_object(w, co->co_exceptiontable);
            Ad_DECREF(code);
        }
    } else {
        w->error = 2;
    }
    w->depth--;
}

AdObject *AdMarshal_Dumps(AdObject *obj, int version)
{
    Writer w;
    memset(&w, 0, sizeof w);
    w.version = version;
    w_object(&w, obj);
    AdObject *r = NULL;
    if (w.error == 2)
        AdErr_SetString(AdExc_ValueError, "unmarshallable object");
    else if (w.error == 3)
        AdErr_SetString(AdExc_ValueError, "object too deeply nested to marshal");
    else if (w.error)
        AdErr_NoMemory();
    else
        r = AdBytes_FromStringAndSize((const char *)w.v, (Ad_ssize_t)w.n);
    free(w.v);
    for (int i = 0; i < w.nrefs; i++)
        Ad_DECREF(w.refs[i]);
    free(w.refs);
    free(w.slots);
    return r;
}

/* ---- reader ---- */

typedef struct {
    const unsigned char *p, *end;
    AdObject **refs;
    int nrefs, refs_cap;
    int depth;
} Reader;

static AdObject *bad(const char *what)
{
    return AdErr_Format(AdExc_ValueError, "bad marshal data (%s)", what);
}

static int r_need(Reader *r, size_t n)
{
    if ((size_t)(r->end - r->p) < n) {
        AdErr_SetString(AdExc_EOFError, "marshal data too short");
        return -1;
    }
    return 0;
}

static int32_t r_long(Reader *r)
{
    if (r_need(r, 4) < 0)
        return 0;
    uint32_t u = (uint32_t)r->p[0] | ((uint32_t)r->p[1] << 8) | ((uint32_t)r->p[2] << 16) |
                 ((uint32_t)r->p[3] << 24);
    r->p += 4;
    return (int32_t)u;
}

static double r_double(Reader *r)
{
    double d = 0;
    if (r_need(r, 8) < 0)
        return 0;
    memcpy(&d, r->p, 8);
    r->p += 8;
    return d;
}

/* Reserve a slot in the refs table for an object being built. */
static int r_ref_reserve(Reader *r)
{
    if (r->nrefs == r->refs_cap) {
        int cap = r->refs_cap ? r->refs_cap * 2 : 64;
        AdObject **v = realloc(r->refs, (size_t)cap * sizeof *v);
        if (!v) {
            AdErr_NoMemory();
            return -1;
        }
        r->refs = v;
        r->refs_cap = cap;
    }
    r->refs[r->nrefs] = NULL;
    return r->nrefs++;
}

static AdObject *r_object(Reader *r);

static AdObject *r_str(Reader *r, Ad_ssize_t n, int interned)
{
    if (n < 0)
        return bad("string size out of range");
    if (r_need(r, (size_t)n) < 0)
        return NULL;
    AdObject *s = AdStr_FromStringAndSize((const char *)r->p, n);
    r->p += n;
    if (s && interned)
        AdStr_InternInPlace(&s);
    return s;
}

static AdObject *r_items(Reader *r, Ad_ssize_t n, AdObject *t)
{
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *it = r_object(r);
        if (!it) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i, it);
    }
    return t;
}

static AdObject *r_object(Reader *r)
{
    if (r->p >= r->end) {
        AdErr_SetString(AdExc_EOFError, "EOF read where object expected");
        return NULL;
    }
    int code = *r->p++;
    int flag = code & FLAG_REF;
    int type = code & ~FLAG_REF;
    int idx = -1;
    if (++r->depth > 2000) {
        r->depth--;
        return bad("recursion limit exceeded");
    }
    if (flag && type != TYPE_CODE) {
        idx = r_ref_reserve(r);
        if (idx < 0) {
            r->depth--;
            return NULL;
        }
    }
    AdObject *v = NULL;
    switch (type) {
    case TYPE_NULL: v = NULL; break;
    case TYPE_NONE: v = Ad_NewRef(Ad_None); break;
    case TYPE_TRUE: v = Ad_NewRef(Ad_True); break;
    case TYPE_FALSE: v = Ad_NewRef(Ad_False); break;
    case TYPE_ELLIPSIS: v = Ad_NewRef(Ad_Ellipsis); break;
    case TYPE_STOPITER: v = Ad_NewRef(AdExc_StopIteration); break;
    case TYPE_INT: {
        int32_t x = r_long(r);
        v = AdErr_Occurred() ? NULL : AdInt_FromInt64(x);
        break;
    }
    case TYPE_LONG: {
        int32_t n = r_long(r);
        if (AdErr_Occurred())
            break;
        int32_t an = n < 0 ? -n : n;
        if (r_need(r, (size_t)an * 2) < 0)
            break;
        AdObject *acc = AdInt_FromInt64(0);
        AdObject *fifteen = AdInt_FromInt64(15);
        for (int32_t i = an - 1; acc && i >= 0; i--) {
            int d = r->p[2 * i] | (r->p[2 * i + 1] << 8);
            AdObject *sh = AdNumber_Lshift(acc, fifteen);
            Ad_DECREF(acc);
            AdObject *dd = AdInt_FromInt64(d);
            acc = (sh && dd) ? AdNumber_Or(sh, dd) : NULL;
            Ad_XDECREF(sh);
            Ad_XDECREF(dd);
        }
        Ad_XDECREF(fifteen);
        r->p += 2 * (size_t)an;
        if (acc && n < 0) {
            AdObject *neg = AdNumber_Negative(acc);
            Ad_DECREF(acc);
            acc = neg;
        }
        v = acc;
        break;
    }
    case TYPE_BINARY_FLOAT: {
        double d = r_double(r);
        v = AdErr_Occurred() ? NULL : AdFloat_FromDouble(d);
        break;
    }
    case TYPE_BINARY_COMPLEX: {
        double re = r_double(r), im = r_double(r);
        v = AdErr_Occurred() ? NULL : AdComplex_FromDoubles(re, im);
        break;
    }
    case TYPE_STRING: {
        int32_t n = r_long(r);
        if (AdErr_Occurred())
            break;
        if (n < 0 || r_need(r, (size_t)n) < 0) {
            if (!AdErr_Occurred())
                bad("bytes object size out of range");
            break;
        }
        v = AdBytes_FromStringAndSize((const char *)r->p, n);
        r->p += n;
        break;
    }
    case TYPE_UNICODE: case TYPE_INTERNED: case TYPE_ASCII: case TYPE_ASCII_INTERNED: {
        int32_t n = r_long(r);
        if (!AdErr_Occurred())
            v = r_str(r, n, type == TYPE_INTERNED || type == TYPE_ASCII_INTERNED);
        break;
    }
    case TYPE_SHORT_ASCII: case TYPE_SHORT_ASCII_INTERNED: {
        if (r_need(r, 1) < 0)
            break;
        int n = *r->p++;
        v = r_str(r, n, type == TYPE_SHORT_ASCII_INTERNED);
        break;
    }
    case TYPE_TUPLE: case TYPE_SMALL_TUPLE: {
        Ad_ssize_t n;
        if (type == TYPE_SMALL_TUPLE) {
            if (r_need(r, 1) < 0)
                break;
            n = *r->p++;
        } else {
            n = r_long(r);
            if (AdErr_Occurred())
                break;
        }
        if (n < 0) {
            bad("tuple size out of range");
            break;
        }
        AdObject *t = AdTuple_New(n);
        if (t && idx >= 0)
            r->refs[idx] = t;
        v = t ? r_items(r, n, t) : NULL;
        if (!v && idx >= 0)
            r->refs[idx] = NULL;
        break;
    }
    case TYPE_LIST: {
        int32_t n = r_long(r);
        if (AdErr_Occurred())
            break;
        AdObject *l = AdList_New(0);
        for (int32_t i = 0; l && i < n; i++) {
            AdObject *it = r_object(r);
            if (!it || AdList_Append(l, it) < 0) {
                Ad_XDECREF(it);
                Ad_DECREF(l);
                l = NULL;
                break;
            }
            Ad_DECREF(it);
        }
        v = l;
        break;
    }
    case TYPE_DICT: {
        AdObject *d = AdDict_New();
        while (d) {
            if (r_need(r, 1) < 0) {
                Ad_DECREF(d);
                d = NULL;
                break;
            }
            if (*r->p == TYPE_NULL) {
                r->p++;
                break;
            }
            AdObject *k = r_object(r);
            AdObject *val = k ? r_object(r) : NULL;
            if (!k || !val || AdDict_SetItem(d, k, val) < 0) {
                Ad_XDECREF(k);
                Ad_XDECREF(val);
                Ad_DECREF(d);
                d = NULL;
                break;
            }
            Ad_DECREF(k);
            Ad_DECREF(val);
        }
        v = d;
        break;
    }
    case TYPE_SET: case TYPE_FROZENSET: {
        int32_t n = r_long(r);
        if (AdErr_Occurred())
            break;
        AdObject *t = AdTuple_New(n < 0 ? 0 : n);
        t = t ? r_items(r, n < 0 ? 0 : n, t) : NULL;
        if (t) {
            v = type == TYPE_SET ? AdSet_New(t) : AdFrozenSet_New(t);
            Ad_DECREF(t);
        }
        break;
    }
    case TYPE_SLICE: {
        AdObject *a = r_object(r);
        AdObject *b = a ? r_object(r) : NULL;
        AdObject *c = b ? r_object(r) : NULL;
        if (a && b && c)
            v = AdSlice_New(a, b, c);
        Ad_XDECREF(a);
        Ad_XDECREF(b);
        Ad_XDECREF(c);
        break;
    }
    case TYPE_CODE: {
        if (flag) {
            idx = r_ref_reserve(r);
            if (idx < 0)
                break;
        }
        AdCodeConstructor cc;
        memset(&cc, 0, sizeof cc);
        cc.argcount = r_long(r);
        cc.posonlyargcount = r_long(r);
        cc.kwonlyargcount = r_long(r);
        cc.stacksize = r_long(r);
        cc.flags = r_long(r);
        if (AdErr_Occurred())
            break;
        AdObject *parts[11] = {0};
        int ok = 1;
        for (int k = 0; k < 8 && ok; k++)
            ok = (parts[k] = r_object(r)) != NULL;
        if (ok) {
            cc.firstlineno = r_long(r);
            ok = !AdErr_Occurred();
        }
        for (int k = 8; k < 10 && ok; k++)
            ok = (parts[k] = r_object(r)) != NULL;
        if (ok) {
            cc.code = parts[0];
            cc.consts = parts[1];
            cc.names = parts[2];
            cc.localsplusnames = parts[3];
            cc.localspluskinds = parts[4];
            cc.filename = parts[5];
            cc.name = parts[6];
            cc.qualname = parts[7];
            cc.linetable = parts[8];
            cc.exceptiontable = parts[9];
            v = AdCode_New(&cc);
        }
        for (int k = 0; k < 10; k++)
            Ad_XDECREF(parts[k]);
        break;
    }
    case TYPE_REF: {
        int32_t n = r_long(r);
        if (AdErr_Occurred())
            break;
        if (n < 0 || n >= r->nrefs || !r->refs[n]) {
            bad("invalid reference");
            break;
        }
        v = Ad_NewRef(r->refs[n]);
        break;
    }
    default:
        bad("unknown type code");
        break;
    }
    if (v && idx >= 0 && !r->refs[idx])
        r->refs[idx] = v;
    if (!v && !AdErr_Occurred() && type != TYPE_NULL)
        bad("object creation failed");
    r->depth--;
    return v;
}

AdObject *AdMarshal_Loads(const char *data, Ad_ssize_t len, Ad_ssize_t *used)
{
    Reader r;
    memset(&r, 0, sizeof r);
    r.p = (const unsigned char *)data;
    r.end = r.p + len;
    AdObject *v = r_object(&r);
    if (!v && !AdErr_Occurred())
        bad("NULL object");
    if (used)
        *used = (Ad_ssize_t)(r.p - (const unsigned char *)data);
    free(r.refs);
    return v;
}
