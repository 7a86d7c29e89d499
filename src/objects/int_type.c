/* int_type.c: the int type object: int() construction (numbers through
 * __int__/__index__, text in any base with Unicode digits and white space,
 * the digit limit), subclass instances, __format__, the methods
 * (bit_length, to_bytes, from_bytes, __round__, ...) and the attributes
 * real/imag/numerator/denominator. */
#include "objects/int.h"
#include "memory/gc.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/float.h"
#include "objects/typeobject.h"
#include "objects/abstract.h"
#include "numeric/format.h"
#include "unicode/unicode_db.h"
#include "memory/alloc.h"

#include <string.h>

/* ---- text to int ------------------------------------------------------------------- */

/* repr(o) cut to 200 characters, as "%.200R" gives it. New ref. */
static AdObject *repr200(AdObject *o)
{
    AdObject *r = AdObject_Repr(o);
    if (r && AdStr_LENGTH(r) > 200) {
        AdObject *cut = AdStr_Substring(r, 0, 200);
        Ad_DECREF(r);
        r = cut;
    }
    return r;
}

static AdObject *int_from_ascii(const char *s, size_t len, int base, AdObject *orig)
{
    AdNumError err;
    AdBigInt *b = AdBigInt_FromText(s, len, base, ad_int_max_str_digits(), &err);
    if (b)
        return AdInt_FromBigInt(b, &err);
    if (err.kind == AD_NUM_VALUE_REPR) {
        AdObject *r = repr200(orig);
        if (!r)
            return NULL;
        AdErr_Format(AdExc_ValueError, "%s%U", err.msg, r);
        Ad_DECREF(r);
        return NULL;
    }
    return ad_num_raise(&err, NULL);
}

AdObject *AdInt_FromUnicodeObject(AdObject *s, int base)
{
    Ad_ssize_t n = AdStr_LENGTH(s);
    char *buf = AdMem_Malloc((size_t)n + 1);
    if (!buf)
        return AdErr_NoMemory();
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t ch = AdStr_READ_CHAR(s, i);
        int d;
        if (ch < 128)
            buf[i] = (char)ch;
        else if (AdUnicode_IsSpace(ch))
            buf[i] = ' ';
        else if ((d = AdUnicode_Decimal(ch)) >= 0)
            buf[i] = (char)('0' + d);
        else
            buf[i] = '?';       /* never valid in a literal */
    }
    buf[n] = 0;
    AdObject *r = int_from_ascii(buf, (size_t)n, base, s);
    AdMem_Free(buf);
    return r;
}

AdObject *AdInt_FromString(const char *s, Ad_ssize_t len, int base)
{
    AdObject *orig = AdStr_FromStringAndSize(s, len);
    if (!orig)
        return NULL;
    AdObject *r = AdInt_FromUnicodeObject(orig, base);
    Ad_DECREF(orig);
    return r;
}

/* int(b) for bytes, bytearray and other buffers. */
static AdObject *int_from_buffer(AdObject *o, int base)
{
    if (AdBytes_Check(o))
        return int_from_ascii(AdBytes_AS_STRING(o), (size_t)AdBytes_GET_SIZE(o), base, o);
    if (ad_is_bytearray(o))
        return int_from_ascii(AdByteArray_AS_STRING(o), (size_t)AdByteArray_GET_SIZE(o), base, o);
    AdBuffer view;
    if (AdObject_GetBuffer(o, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    AdObject *copy = AdBytes_FromStringAndSize(view.buf, view.len);
    AdBuffer_Release(&view);
    if (!copy)
        return NULL;
    AdObject *r = int_from_ascii(AdBytes_AS_STRING(copy), (size_t)AdBytes_GET_SIZE(copy), base, copy);
    Ad_DECREF(copy);
    return r;
}

/* The result of __int__/__index__ as an exact int, warning on subclasses. */
static AdObject *exact_result(AdObject *r, const char *method)
{
    if (!r || AdInt_CheckExact(r))
        return r;
    if (!AdInt_Check(r)) {
        AdErr_Format(AdExc_TypeError, "%s returned non-int (type %s)", method, AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return NULL;
    }
    if (AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                         "%s returned non-int (type %s).  The ability to return an instance of a "
                         "strict subclass of int is deprecated, and may be removed in a future "
                         "version of Python.", method, AdType_Name(AD_TYPE(r))) < 0) {
        Ad_DECREF(r);
        return NULL;
    }
    AD_SETREF(r, AdInt_CopyExact(r));
    return r;
}

AdObject *AdNumber_Long(AdObject *o)
{
    if (AdInt_CheckExact(o))
        return Ad_NewRef(o);
    AdNumberMethods *nb = AD_TYPE(o)->tp_as_number;
    if (nb && nb->nb_int)
        return exact_result(nb->nb_int(o), "__int__");
    if (nb && nb->nb_index) {
        AdObject *r = AdNumber_Index(o);
        if (r && !AdInt_CheckExact(r))
            AD_SETREF(r, AdInt_CopyExact(r));
        return r;
    }
    if (AdStr_Check(o))
        return AdInt_FromUnicodeObject(o, 10);
    if (AdBytes_Check(o) || ad_is_bytearray(o) ||
        (AD_TYPE(o)->tp_as_buffer && AD_TYPE(o)->tp_as_buffer->bf_getbuffer))
        return int_from_buffer(o, 10);
    return AdErr_Format(AdExc_TypeError,
                        "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                        AdType_Name(AD_TYPE(o)));
}

/* ---- construction ------------------------------------------------------------------ */

static AdObject *int_make(AdObject *x, AdObject *obase)
{
    if (!x) {
        if (obase) {
            AdErr_SetString(AdExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return AdInt_FromInt64(0);
    }
    if (!obase)
        return AdNumber_Long(x);
    Ad_ssize_t base = AdNumber_AsSsize_t(obase, NULL);
    if (base == -1 && AdErr_Occurred())
        return NULL;
    if ((base != 0 && base < 2) || base > 36) {
        AdErr_SetString(AdExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (AdStr_Check(x))
        return AdInt_FromUnicodeObject(x, (int)base);
    if (AdBytes_Check(x) || ad_is_bytearray(x))
        return int_from_buffer(x, (int)base);
    AdErr_SetString(AdExc_TypeError, "int() can't convert non-string with explicit base");
    return NULL;
}

/* An instance of an int subclass holding the value of exact int v (stolen). */
static AdObject *int_subtype_from(AdTypeObject *type, AdObject *v)
{
    if (!v)
        return NULL;
    Ad_ssize_t size = AD_SIZE(v), n = size < 0 ? -size : size;
    AdObject *o = type->tp_alloc(type, n);
    if (o) {
        AD_SIZE(o) = size;
        memcpy(((AdIntObject *)o)->limbs, ((AdIntObject *)v)->limbs, (size_t)n * sizeof(uint64_t));
    }
    Ad_DECREF(v);
    return o;
}

static AdObject *int_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"", "base"};
    AdObject *vals[2];
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    if (nargs > 2)
        return AdErr_Format(AdExc_TypeError, "int expected at most 2 arguments, got %zd", nargs);
    Ad_ssize_t nkw = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    if (nargs + nkw > 2)
        return AdErr_Format(AdExc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs + nkw);
    if (ad_num_parse_args("int", args ? AdTuple_ITEMS(args) : NULL, nargs, NULL, kwargs, names, 2, 1,
                          2, 0, vals) < 0)
        return NULL;
    AdObject *v = int_make(vals[0], vals[1]);
    if (!v || type == &AdInt_Type)
        return v;
    if (!AdInt_CheckExact(v))
        AD_SETREF(v, AdInt_CopyExact(v));
    return v ? int_subtype_from(type, v) : NULL;
}

/* ---- methods ---------------------------------------------------------------------------- */

static AdObject *int_bit_length(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromInt64(AdBigInt_BitLength(AdInt_BIG(self)));
}

static AdObject *int_bit_count(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromInt64(AdBigInt_BitCount(AdInt_BIG(self)));
}

static AdObject *int_self(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_CopyExact(self);
}

static AdObject *int_true(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    Ad_RETURN_TRUE;
}

static AdObject *int_as_integer_ratio(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *n = AdInt_CopyExact(self);
    if (!n)
        return NULL;
    AdObject *r = AdTuple_Pack(2, n, AdInt_FromInt64(1));
    Ad_DECREF(n);
    return r;
}

static AdObject *int_getnewargs(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *n = AdInt_CopyExact(self);
    if (!n)
        return NULL;
    AdObject *r = AdTuple_Pack(1, n);
    Ad_DECREF(n);
    return r;
}

/* CPython's figure (30-bit digits after a 24-byte header), so that
 * sys.getsizeof agrees with it. */
static AdObject *int_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    int64_t bits = AdBigInt_BitLength(AdInt_BIG(self));
    int64_t digits = (bits + 29) / 30;
    if (digits < 1)
        digits = 1;
    Ad_ssize_t extra = AD_TYPE(self)->tp_basicsize - AdInt_Type.tp_basicsize;
    return AdInt_FromInt64(24 + 4 * digits + extra);
}

static AdObject *int_round(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
    if (nargs == 0 || args[0] == Ad_None)
        return AdInt_CopyExact(self);
    AdObject *nd = AdNumber_Index(args[0]);
    if (!nd)
        return NULL;
    if (AD_SIZE(nd) >= 0) {
        Ad_DECREF(nd);
        return AdInt_CopyExact(self);
    }
    /* Round to a multiple of 10**-ndigits, ties to even. */
    AdObject *ten = AdInt_FromInt64(10), *e = ad_int_neg(nd);
    Ad_DECREF(nd);
    if (!e)
        return NULL;
    AdObject *m = ad_int_pow(ten, e, Ad_None);
    Ad_DECREF(e);
    if (!m)
        return NULL;
    AdObject *qr = ad_int_divmod(self, m);
    if (!qr) {
        Ad_DECREF(m);
        return NULL;
    }
    AdObject *q = Ad_NewRef(AdTuple_GET_ITEM(qr, 0)), *r = AdTuple_GET_ITEM(qr, 1);
    AdObject *two = AdInt_FromInt64(2);
    AdObject *r2 = ad_int_mul(r, two);
    Ad_DECREF(qr);
    if (!r2) {
        Ad_DECREF(m);
        Ad_DECREF(q);
        return NULL;
    }
    int c = AdBigInt_Compare(AdInt_BIG(r2), AdInt_BIG(m));
    Ad_DECREF(r2);
    if (c > 0 || (c == 0 && AdBigInt_IsOdd(AdInt_BIG(q)))) {
        AdObject *one = AdInt_FromInt64(1);
        AD_SETREF(q, ad_int_add(q, one));
        if (!q) {
            Ad_DECREF(m);
            return NULL;
        }
    }
    AdObject *res = ad_int_mul(q, m);
    Ad_DECREF(q);
    Ad_DECREF(m);
    return res;
}

/* byteorder argument: 1 little, 0 big, -1 error. */
static int parse_byteorder(AdObject *o, const char *fname)
{
    if (!o)
        return 0;
    if (!AdStr_Check(o)) {
        AdErr_Format(AdExc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
                     AdType_Name(AD_TYPE(o)));
        return -1;
    }
    if (AdStr_EqualToASCII(o, "little"))
        return 1;
    if (AdStr_EqualToASCII(o, "big"))
        return 0;
    AdErr_SetString(AdExc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static AdObject *int_to_bytes(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    AdObject *v[3];
    if (ad_num_parse_args("to_bytes", args, nargs, kwnames, NULL, names, 3, 0, 2, 0, v) < 0)
        return NULL;
    Ad_ssize_t len = 1;
    if (v[0]) {
        AdObject *li = AdNumber_Index(v[0]);
        if (!li)
            return NULL;
        len = AdInt_AsSsize_t(li);
        Ad_DECREF(li);
        if (len == -1 && AdErr_Occurred())
            return NULL;
        if (len < 0) {
            AdErr_SetString(AdExc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little = parse_byteorder(v[1], "to_bytes");
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (v[2] && (is_signed = AdObject_IsTrue(v[2])) < 0)
        return NULL;
    AdObject *out = AdBytes_FromStringAndSize(NULL, len);
    if (!out)
        return NULL;
    AdNumError err;
    if (AdBigInt_ToBytes(AdInt_BIG(self), (uint8_t *)AdBytes_AS_STRING(out), (size_t)len, little,
                         is_signed, &err) < 0) {
        Ad_DECREF(out);
        return ad_num_raise(&err, NULL);
    }
    return out;
}

static AdObject *int_from_bytes(AdObject *cls, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    AdObject *v[3];
    if (ad_num_parse_args("from_bytes", args, nargs, kwnames, NULL, names, 3, 0, 2, 1, v) < 0)
        return NULL;
    int little = parse_byteorder(v[1], "from_bytes");
    if (little < 0)
        return NULL;
    int is_signed = 0;
    if (v[2] && (is_signed = AdObject_IsTrue(v[2])) < 0)
        return NULL;
    AdObject *b = AdBytes_CheckExact(v[0]) ? Ad_NewRef(v[0]) : AdBytes_FromObject(v[0]);
    if (!b)
        return NULL;
    AdNumError err;
    AdObject *r = AdInt_FromBigInt(AdBigInt_FromBytes((const uint8_t *)AdBytes_AS_STRING(b),
                                                      (size_t)AdBytes_GET_SIZE(b), little,
                                                      is_signed, &err), &err);
    Ad_DECREF(b);
    if (r && cls != (AdObject *)&AdInt_Type)
        AD_SETREF(r, AdObject_CallOneArg(cls, r));
    return r;
}

AdObject *ad_int_format(AdObject *self, AdObject *spec)
{
    if (!AdStr_Check(spec))
        return AdErr_Format(AdExc_TypeError, "__format__() argument must be str, not %s",
                            AdType_Name(AD_TYPE(spec)));
    if (AdStr_LENGTH(spec) == 0)
        return AdObject_Str(self);
    Ad_ssize_t slen;
    const char *s = AdStr_AsUTF8AndSize(spec, &slen);
    if (!s)
        return NULL;
    AdFormatSpec fs;
    AdNumError err;
    AdNumBuf out = {0};
    const char *tname = AdType_Name(AD_TYPE(self));
    if (AdFormat_ParseSpec(s, (size_t)slen, tname, &fs, &err) < 0 ||
        AdFormat_Int(AdInt_BIG(self), &fs, tname, ad_int_max_str_digits(), &out, &err) < 0) {
        AdNumBuf_Free(&out);
        return ad_num_raise(&err, NULL);
    }
    AdObject *r = AdStr_FromStringAndSize(out.data, (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return r;
}

static AdObject *int_get_self(AdObject *self, void *c)
{
    (void)c;
    return AdInt_CopyExact(self);
}

static AdObject *int_get_zero(AdObject *self, void *c)
{
    (void)self;
    (void)c;
    return AdInt_FromInt64(0);
}

static AdObject *int_get_one(AdObject *self, void *c)
{
    (void)self;
    (void)c;
    return AdInt_FromInt64(1);
}

#define METH(name, fn, flags, doc) {name, (void (*)(void))(fn), flags, doc}

static AdMethodDef int_methods[] = {
    METH("conjugate", int_self, AD_METH_NOARGS, "Returns self, the complex conjugate of any int."),
    METH("bit_length", int_bit_length, AD_METH_NOARGS,
         "Number of bits necessary to represent self in binary."),
    METH("bit_count", int_bit_count, AD_METH_NOARGS,
         "Number of ones in the binary representation of the absolute value of self."),
    METH("to_bytes", int_to_bytes, AD_METH_FASTCALL | AD_METH_KEYWORDS,
         "Return an array of bytes representing an integer."),
    METH("from_bytes", int_from_bytes, AD_METH_FASTCALL | AD_METH_KEYWORDS | AD_METH_CLASS,
         "Return the integer represented by the given array of bytes."),
    METH("as_integer_ratio", int_as_integer_ratio, AD_METH_NOARGS,
         "Return a pair of integers, whose ratio is equal to the original int."),
    METH("is_integer", int_true, AD_METH_NOARGS, "Returns True. Exists for duck type compatibility with float.is_integer."),
    METH("__trunc__", int_self, AD_METH_NOARGS, "Truncating an Integral returns itself."),
    METH("__floor__", int_self, AD_METH_NOARGS, "Flooring an Integral returns itself."),
    METH("__ceil__", int_self, AD_METH_NOARGS, "Ceiling of an Integral returns itself."),
    METH("__round__", int_round, AD_METH_FASTCALL,
         "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer."),
    METH("__getnewargs__", int_getnewargs, AD_METH_NOARGS, NULL),
    METH("__format__", ad_int_format, AD_METH_O, "Convert to a string according to format_spec."),
    METH("__sizeof__", int_sizeof, AD_METH_NOARGS, "Returns size in memory, in bytes."),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef int_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdInt_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "int",
    .tp_basicsize = offsetof(AdIntObject, limbs),
    .tp_itemsize = sizeof(uint64_t),
    .tp_dealloc = ad_int_dealloc,
    .tp_repr = ad_int_repr,
    .tp_as_number = &ad_int_as_number,
    .tp_hash = ad_int_hash,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_LONG_SUBCLASS | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.  If x is a number, return x.__int__().  For floating-point\n"
              "numbers, this truncates towards zero.\n\n"
              "If x is not a number or if base is given, then x must be a string,\n"
              "bytes, or bytearray instance representing an integer literal in the\n"
              "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
              "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
              "Base 0 means to interpret the base from the string as an integer literal.\n"
              ">>> int('0b100', base=0)\n4",
    .tp_richcompare = ad_int_richcompare,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_new = int_new,
    .tp_free = AdObject_Free,
};
