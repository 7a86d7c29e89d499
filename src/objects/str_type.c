/* str_type.c: the str type object and its slots: str() construction (from
 * an object, or decoding bytes), indexing and slicing, containment,
 * concatenation and repetition, comparison, hashing, repr/str, the %
 * operator, iteration (the str iterator type), __getnewargs__, __sizeof__;
 * and AdObject_Format, format()'s C entry point. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include "memory/alloc.h"
#include "objects/typeobject.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/object_reduce.h"
#include "objects/int.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "numeric/format.h"

extern AdMethodDef str_methods_table[];

AdObject *(*AdStr_EncodeHook)(AdObject *s, const char *encoding, const char *errors);
AdObject *(*AdStr_DecodeHook)(const char *data, Ad_ssize_t len, const char *encoding,
                              const char *errors);

AdObject *AdStr_AsEncodedString(AdObject *s, const char *encoding, const char *errors)
{
    return str_encode(s, encoding, errors);
}

AdObject *AdStr_Decode(const char *data, Ad_ssize_t len, const char *encoding, const char *errors)
{
    return str_decode(data, len, encoding, errors);
}

/* ---- dealloc, repr, str, hash --------------------------------------------- */

static void str_dealloc(AdObject *o)
{
    AdStrObject *s = (AdStrObject *)o;
    if (s->utf8 && s->utf8 != (char *)AdStr_DATA(o))
        AdMem_Free(s->utf8);
    AdTypeObject *t = AD_TYPE(o);
    if (t == &AdStr_Type) {
        AdMem_Free(o);
        return;
    }
    /* tp_free (AdObject_Free / AdObject_GC_Del) drops a heap type's reference. */
    if (t->tp_free)
        t->tp_free(o);
    else {
        AdMem_Free(o);
        if (t->tp_flags & AD_TPFLAGS_HEAPTYPE)
            Ad_DECREF((AdObject *)t);
    }
}

static AdObject *str_repr_slot(AdObject *s) { return AdStr_Repr(s); }
static AdObject *str_str_slot(AdObject *s) { return str_exact(s); }
static Ad_hash_t str_hash_slot(AdObject *s) { return AdStr_Hash(s); }

static AdObject *str_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!AdStr_Check(a) || !AdStr_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    int r;
    if (op == AD_EQ || op == AD_NE) {
        r = AdStr_Equal(a, b);
        if (op == AD_NE)
            r = !r;
    } else {
        int c = AdStr_Compare(a, b);
        switch (op) {
        case AD_LT: r = c < 0; break;
        case AD_LE: r = c <= 0; break;
        case AD_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return str_bool(r);
}

/* ---- sequence and mapping --------------------------------------------------- */

static Ad_ssize_t str_length(AdObject *s) { return AdStr_LENGTH(s); }

AdObject *AdStr_GetItem(AdObject *s, Ad_ssize_t i)
{
    if (i < 0 || i >= AdStr_LENGTH(s)) {
        AdErr_SetString(AdExc_IndexError, "string index out of range");
        return NULL;
    }
    return AdStr_FromOrdinal(AdStr_READ_CHAR(s, i));
}

static AdObject *str_sq_item(AdObject *s, Ad_ssize_t i)
{
    return AdStr_GetItem(s, i);
}

int AdStr_Contains(AdObject *s, AdObject *sub)
{
    if (!AdStr_Check(sub)) {
        AdErr_Format(AdExc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                     str_tname(sub));
        return -1;
    }
    Ad_ssize_t r = str_find_obj(s, sub, 0, AdStr_LENGTH(s), 1);
    if (r == -2)
        return -1;
    return r >= 0;
}

static AdObject *str_repeat(AdObject *s, Ad_ssize_t n)
{
    Ad_ssize_t len = AdStr_LENGTH(s);
    if (n <= 0 || len == 0)
        return str_empty();
    if (n == 1)
        return str_exact(s);
    if (len > (Ad_ssize_t)(SIZE_MAX >> 3) / n) {
        AdErr_SetString(AdExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    AdObject *r = AdStr_New(len * n, str_maxchar_of(s));
    if (!r)
        return NULL;
    int kind = AdStr_KIND(s);
    char *dst = AdStr_DATA(r);
    size_t chunk = (size_t)len * (size_t)kind, total = chunk * (size_t)n;
    if (len == 1 && kind == 1)
        memset(dst, *(const char *)AdStr_DATA(s), (size_t)n);
    else {
        memcpy(dst, AdStr_DATA(s), chunk);
        size_t done = chunk;
        while (done < total) {      /* doubling copies */
            size_t c = done < total - done ? done : total - done;
            memcpy(dst + done, dst, c);
            done += c;
        }
    }
    return r;
}

static AdObject *str_subscript(AdObject *s, AdObject *key)
{
    if (str_has_index(key)) {
        Ad_ssize_t i = str_as_ssize(key, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return NULL;
        if (i < 0)
            i += AdStr_LENGTH(s);
        return AdStr_GetItem(s, i);
    }
    if (str_is_slice(key)) {
        Ad_ssize_t start, step, n;
        if (str_slice_indices(key, AdStr_LENGTH(s), &start, &step, &n) < 0)
            return NULL;
        if (n <= 0)
            return str_empty();
        if (step == 1)
            return AdStr_Substring(s, start, start + n);
        int kind = AdStr_KIND(s);
        const void *d = AdStr_DATA(s);
        uint32_t maxc = 0;
        for (Ad_ssize_t i = 0, j = start; i < n; i++, j += step) {
            uint32_t c = AdStr_READ(kind, d, j);
            if (c > maxc)
                maxc = c;
        }
        if (n == 1)
            return AdStr_FromOrdinal(maxc);
        AdObject *r = AdStr_New(n, maxc);
        if (!r)
            return NULL;
        for (Ad_ssize_t i = 0, j = start; i < n; i++, j += step)
            str_write(AdStr_KIND(r), AdStr_DATA(r), i, AdStr_READ(kind, d, j));
        return r;
    }
    return AdErr_Format(AdExc_TypeError, "string indices must be integers, not '%.200s'",
                        str_tname(key));
}

static AdObject *str_concat_slot(AdObject *a, AdObject *b)
{
    return AdStr_Concat(a, b);
}

static AdObject *str_mod(AdObject *a, AdObject *b)
{
    if (!AdStr_Check(a))
        Ad_RETURN_NOTIMPLEMENTED;
    return AdStr_PrintfFormat(a, b);
}

static AdNumberMethods str_as_number = {
    .nb_remainder = str_mod,
};

static AdSequenceMethods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_concat_slot,
    .sq_repeat = str_repeat,
    .sq_item = str_sq_item,
    .sq_contains = AdStr_Contains,
};

static AdMappingMethods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

/* ---- construction ------------------------------------------------------------ */

/* A str subclass instance holding the characters of the exact str s. */
static AdObject *str_subtype_from(AdTypeObject *type, AdObject *s)
{
    int kind = AdStr_KIND(s);
    Ad_ssize_t len = AdStr_LENGTH(s);
    AdObject *o = type->tp_alloc ? type->tp_alloc(type, (len + 1) * kind) : NULL;
    if (!o)
        return AdErr_Occurred() ? NULL : AdErr_NoMemory();
    AdStrObject *r = (AdStrObject *)o, *src = (AdStrObject *)s;
    r->length = len;
    r->hash = src->hash;
    r->kind = src->kind;
    r->ascii = src->ascii;
    r->interned = 0;
    memcpy(AdStr_DATA(o), AdStr_DATA(s), (size_t)(len + 1) * kind);
    r->utf8 = r->ascii ? (char *)AdStr_DATA(o) : NULL;
    r->utf8_length = r->ascii ? len : 0;
    return o;
}

static AdObject *str_decode_object(AdObject *obj, const char *encoding, const char *errors)
{
    if (AdStr_Check(obj)) {
        AdErr_SetString(AdExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    AdBuffer view;
    if (!str_is_bytes_like(obj) || AdObject_GetBuffer(obj, &view, AD_BUF_SIMPLE) < 0) {
        if (AdErr_Occurred())
            AdErr_Clear();
        return AdErr_Format(AdExc_TypeError, "decoding to str: need a bytes-like object, %.80s found",
                            str_tname(obj));
    }
    AdObject *r = str_decode(view.buf, view.len, encoding, errors);
    AdBuffer_Release(&view);
    return r;
}

static AdObject *str_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    AdObject *argv[3] = {NULL, NULL, NULL};
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    if (nargs > 3)
        return AdErr_Format(AdExc_TypeError, "str expected at most 3 arguments, got %zd", nargs);
    for (Ad_ssize_t i = 0; i < nargs; i++)
        argv[i] = AdTuple_GET_ITEM(args, i);
    if (kwargs && AdDict_GET_SIZE(kwargs)) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (AdDict_Next(kwargs, &pos, &k, &v)) {
            int f = -1;
            for (int i = 0; i < 3; i++)
                if (AdStr_Check(k) && AdStr_EqualToASCII(k, names[i]))
                    f = i;
            if (f < 0)
                return AdErr_Format(AdExc_TypeError, "str() got an unexpected keyword argument '%S'", k);
            if (argv[f])
                return AdErr_Format(AdExc_TypeError,
                                    "argument for str() given by name ('%s') and position (%d)",
                                    names[f], f + 1);
            argv[f] = v;
        }
    }
    const char *enc = NULL, *err = NULL;
    for (int i = 1; i < 3; i++) {
        if (!argv[i])
            continue;
        if (!AdStr_Check(argv[i]))
            return AdErr_Format(AdExc_TypeError, "str() argument '%s' must be str, not %.50s",
                                names[i], str_tname(argv[i]));
        const char *c = AdStr_AsUTF8(argv[i]);
        if (!c)
            return NULL;
        if (strlen(c) != (size_t)((AdStrObject *)argv[i])->utf8_length) {
            AdErr_SetString(AdExc_ValueError, "embedded null character");
            return NULL;
        }
        if (i == 1) enc = c; else err = c;
    }
    AdObject *r;
    if (!argv[0])
        r = str_empty();
    else if (!enc && !err)
        r = AdObject_Str(argv[0]);
    else
        r = str_decode_object(argv[0], enc ? enc : "utf-8", err);
    if (!r || type == &AdStr_Type)
        return r;
    AdObject *sub = str_subtype_from(type, r);
    Ad_DECREF(r);
    return sub;
}

/* ---- methods living here ------------------------------------------------------ */

AdObject *str_getnewargs(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *c = AdStr_FromKindAndData(AdStr_KIND(self), AdStr_DATA(self), AdStr_LENGTH(self));
    if (!c)
        return NULL;
    AdObject *t = AdTuple_New(1);
    if (!t) {
        Ad_DECREF(c);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, c);
    return t;
}

AdObject *str_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdStrObject *s = (AdStrObject *)self;
    /* the sizes CPython reports for its compact layouts */
    Ad_ssize_t size = s->ascii ? 40 + s->length + 1 : 56 + (s->length + 1) * s->kind;
    if (!s->ascii && s->utf8)
        size += s->utf8_length + 1;
    return str_int_from_ssize(size);
}

/* ---- iterator --------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *str;      /* NULL when exhausted */
    Ad_ssize_t index;
} striterobject;

static void striter_dealloc(AdObject *o)
{
    Ad_XDECREF(((striterobject *)o)->str);
    AdMem_Free(o);
}

static AdObject *striter_next(AdObject *o)
{
    striterobject *it = (striterobject *)o;
    if (!it->str)
        return NULL;
    if (it->index < AdStr_LENGTH(it->str))
        return AdStr_FromOrdinal(AdStr_READ_CHAR(it->str, it->index++));
    AD_CLEAR(it->str);
    return NULL;
}

static AdObject *striter_self(AdObject *o) { return Ad_NewRef(o); }

static AdObject *striter_length_hint(AdObject *o, AdObject *unused)
{
    (void)unused;
    striterobject *it = (striterobject *)o;
    Ad_ssize_t n = it->str ? AdStr_LENGTH(it->str) - it->index : 0;
    return str_int_from_ssize(n < 0 ? 0 : n);
}

static AdObject *striter_setstate(AdObject *o, AdObject *state)
{
    striterobject *it = (striterobject *)o;
    Ad_ssize_t i = str_index_arg(state);
    if (i == -1 && AdErr_Occurred())
        return NULL;
    if (it->str) {
        if (i < 0)
            i = 0;
        else if (i > AdStr_LENGTH(it->str))
            i = AdStr_LENGTH(it->str);
        it->index = i;
    }
    Ad_RETURN_NONE;
}

static AdObject *striter_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    striterobject *it = (striterobject *)o;
    return AdIter_Reduce("iter", it->str, AdStr_FromString(""), it->index);
}

static AdMethodDef striter_methods[] = {
    {"__reduce__", (void (*)(void))striter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__length_hint__", (void (*)(void))striter_length_hint, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__setstate__", (void (*)(void))striter_setstate, AD_METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdStrIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(striterobject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = striter_self,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

/* CPython gives iterators over ASCII strings a type of their own name. */
AdTypeObject AdStrAsciiIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(striterobject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = striter_self,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

static AdObject *str_iter(AdObject *s)
{
    striterobject *it = AdMem_Malloc(sizeof *it);
    if (!it)
        return AdErr_NoMemory();
    it->ob_base.ob_refcnt = 1;
    it->ob_base.ob_type = ((AdStrObject *)s)->ascii ? &AdStrAsciiIter_Type : &AdStrIter_Type;
    it->str = Ad_NewRef(s);
    it->index = 0;
    return (AdObject *)it;
}

/* ---- format() ----------------------------------------------------------------------- */

/* format() of an exact int that fits in 64 bits or an exact float with an
 * ASCII spec the fast formatters cover (numeric/format.h): their
 * __format__ cannot be replaced, so the result is what it would return.
 * Returns the new str, NULL on memory failure, or None (not a reference)
 * for "not covered": the caller takes the general path, which also
 * reports the spec's errors. */
static AdObject *format_number_fast(AdObject *value, AdObject *spec)
{
    AdStrObject *sp = (AdStrObject *)spec;
    if (!sp->ascii || sp->length > 32)
        return Ad_None;
    /* A few recently parsed specs, found by the str's address and checked
     * by content (an address can be reused by another string). */
    static struct {
        AdObject *key;
        Ad_ssize_t len;
        char text[32];
        AdFormatSpec fs;
    } cache[8];
    uintptr_t addr = (uintptr_t)spec;
    unsigned slot = (unsigned)((addr >> 4) ^ (addr >> 7) ^ (addr >> 10)) & 7;
    const char *text = AdStr_DATA(spec);
    AdFormatSpec fs;
    if (cache[slot].key == spec && cache[slot].len == sp->length &&
        memcmp(cache[slot].text, text, (size_t)sp->length) == 0)
        fs = cache[slot].fs;
    else {
        if (AdFormat_ParseSpec(text, (size_t)sp->length, "", &fs, NULL) < 0)
            return Ad_None;
        cache[slot].key = spec;
        cache[slot].len = sp->length;
        memcpy(cache[slot].text, text, (size_t)sp->length);
        cache[slot].fs = fs;
    }
    char buf[256];
    int n;
    if (AdFloat_CheckExact(value))
        n = AdFormat_FastDouble(AdFloat_AS_DOUBLE(value), &fs, buf, sizeof buf);
    else {
        int64_t v;
        if (!AdInt_AsInt64Exact(value, &v))
            return Ad_None;
        n = AdFormat_FastInt64(v, &fs, buf, sizeof buf);
    }
    if (n < 0)
        return Ad_None;
    if (n <= 1)
        return n ? AdStr_FromOrdinal((unsigned char)buf[0]) : str_empty();
    AdObject *r = AdStr_New(n, 0x7F);
    if (r)
        memcpy(AdStr_DATA(r), buf, (size_t)n);
    return r;
}

AdObject *AdObject_Format(AdObject *value, AdObject *spec)
{
    static AdObject *format_name;
    if (spec && !AdStr_Check(spec))
        return AdErr_Format(AdExc_SystemError, "Format specifier must be a string, not %.200s",
                            str_tname(spec));
    if (!spec || AdStr_LENGTH(spec) == 0) {
        if (AdStr_CheckExact(value))
            return Ad_NewRef(value);
        if (AdInt_CheckExact(value) || AdFloat_CheckExact(value))
            return AdObject_Str(value);     /* what their __format__ does with '' */
    } else if (AdInt_CheckExact(value) || AdFloat_CheckExact(value)) {
        AdObject *r = format_number_fast(value, spec);
        if (r != Ad_None)
            return r;
    }
    if (AdStr_CheckExact(value))      /* str.__format__ cannot be overridden on str itself */
        return str_dunder_format(value, spec);
    if (!AdStr_InternStatic(&format_name, "__format__"))
        return NULL;
    AdObject *meth = AdObject_LookupSpecial(value, format_name);
    if (!meth) {
        if (!AdErr_Occurred())
            AdErr_Format(AdExc_TypeError, "Type %.100s doesn't define __format__", str_tname(value));
        return NULL;
    }
    AdObject *sp = spec ? Ad_NewRef(spec) : str_empty();
    AdObject *r = AdObject_CallOneArg(meth, sp);
    Ad_DECREF(sp);
    Ad_DECREF(meth);
    if (r && !AdStr_Check(r)) {
        AdErr_Format(AdExc_TypeError, "__format__ must return a str, not %.200s", str_tname(r));
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

/* ---- the type -------------------------------------------------------------------------- */

AdTypeObject AdStr_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "str",
    .tp_basicsize = sizeof(AdStrObject),
    .tp_itemsize = 1,
    .tp_dealloc = str_dealloc,
    .tp_repr = str_repr_slot,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_hash = str_hash_slot,
    .tp_str = str_str_slot,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_UNICODE_SUBCLASS | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "str(object='') -> str\n"
              "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If encoding or\n"
              "errors is specified, then the object must expose a data buffer\n"
              "that will be decoded using the given encoding and error handler.\n"
              "Otherwise, returns the result of object.__str__() (if defined)\n"
              "or repr(object).\n"
              "encoding defaults to 'utf-8'.\n"
              "errors defaults to 'strict'.",
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_methods = str_methods_table,
    .tp_new = str_new,
};


#endif /* STR_KERNEL_READY */
