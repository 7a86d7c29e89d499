/* float_type.c: the float type object: float() construction (and for
 * subclasses), __format__, the methods (as_integer_ratio, hex, fromhex,
 * is_integer, __round__, __trunc__/__floor__/__ceil__, __getformat__,
 * from_number, ...) and the attributes real/imag. */
#include "objects/float.h"
#include "objects/int.h"
#include "memory/gc.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/abstract.h"
#include "numeric/dtoa.h"
#include "numeric/floatops.h"
#include "numeric/format.h"

#include <math.h>

static AdObject *float_subtype_from(AdTypeObject *type, AdObject *v)
{
    if (!v)
        return NULL;
    AdObject *o = type->tp_alloc(type, 0);
    if (o)
        ((AdFloatObject *)o)->ob_fval = AdFloat_AS_DOUBLE(v);
    Ad_DECREF(v);
    return o;
}

static AdObject *float_make(AdTypeObject *type, AdObject *const *args, Ad_ssize_t nargs, int has_kw)
{
    if (has_kw) {
        AdErr_SetString(AdExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
    AdObject *v = nargs == 0 ? AdFloat_FromDouble(0.0) : AdNumber_Float(args[0]);
    if (type != &AdFloat_Type)
        return float_subtype_from(type, v);
    return v;
}

static AdObject *float_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    return float_make(type, args ? AdTuple_ITEMS(args) : NULL, args ? AdTuple_GET_SIZE(args) : 0,
                      kwargs && AdDict_GET_SIZE(kwargs) != 0);
}

static AdObject *float_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    return float_make((AdTypeObject *)type, args, AdVectorcall_NARGS(nargsf),
                      kwnames && AdTuple_GET_SIZE(kwnames) != 0);
}

/* ---- methods ---------------------------------------------------------------------------- */

static AdObject *float_conjugate(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (AdFloat_CheckExact(self))
        return Ad_NewRef(self);
    return AdFloat_FromDouble(AdFloat_AS_DOUBLE(self));
}

static AdObject *float_as_integer_ratio(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdBigInt *n, *d;
    AdNumError err;
    if (AdFloat_AsIntegerRatio(AdFloat_AS_DOUBLE(self), &n, &d, &err) < 0)
        return ad_num_raise(&err, NULL);
    AdObject *no = AdInt_FromBigInt(n, &err);
    AdObject *dobj = AdInt_FromBigInt(d, &err);
    AdObject *t = no && dobj ? AdTuple_Pack(2, no, dobj) : NULL;
    Ad_XDECREF(no);
    Ad_XDECREF(dobj);
    return t;
}

static AdObject *float_is_integer(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdBool_FromLong(AdFloat_IsInteger(AdFloat_AS_DOUBLE(self)));
}

static AdObject *float_hex(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdNumBuf out = {0};
    if (AdDtoa_ToHex(AdFloat_AS_DOUBLE(self), &out) < 0) {
        AdNumBuf_Free(&out);
        return AdErr_NoMemory();
    }
    AdObject *r = AdStr_FromStringAndSize(out.data, (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return r;
}

static AdObject *float_fromhex(AdObject *cls, AdObject *arg)
{
    if (!AdStr_Check(arg)) {
        AdErr_SetString(AdExc_TypeError, "bad argument type for built-in operation");
        return NULL;
    }
    Ad_ssize_t n;
    const char *s = AdStr_AsUTF8AndSize(arg, &n);
    if (!s)
        return NULL;
    double d;
    AdNumError err;
    if (AdDtoa_FromHex(s, (size_t)n, &d, &err) < 0)
        return ad_num_raise(&err, NULL);
    AdObject *r = AdFloat_FromDouble(d);
    if (r && cls != (AdObject *)&AdFloat_Type)
        AD_SETREF(r, AdObject_CallOneArg(cls, r));
    return r;
}

static AdObject *float_from_number(AdObject *cls, AdObject *arg)
{
    AdNumberMethods *nb = AD_TYPE(arg)->tp_as_number;
    if (!AdFloat_Check(arg) && !(nb && (nb->nb_float || nb->nb_index)))
        return AdErr_Format(AdExc_TypeError, "must be real number, not %s", AdType_Name(AD_TYPE(arg)));
    AdObject *r = AdNumber_Float(arg);
    if (r && cls != (AdObject *)&AdFloat_Type)
        AD_SETREF(r, AdObject_CallOneArg(cls, r));
    return r;
}

static AdObject *float_floor(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromDouble(floor(AdFloat_AS_DOUBLE(self)));
}

static AdObject *float_ceil(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromDouble(ceil(AdFloat_AS_DOUBLE(self)));
}

static AdObject *float_trunc_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    return ad_float_trunc(self);
}

static AdObject *float_round(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    AdNumError err;
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
    double x = AdFloat_AS_DOUBLE(self);
    if (nargs == 0 || args[0] == Ad_None)
        return AdInt_FromBigInt(AdFloat_RoundToInt(x, &err), &err);
    Ad_ssize_t nd = AdNumber_AsSsize_t(args[0], NULL);
    if (nd == -1 && AdErr_Occurred())
        return NULL;
    double r;
    if (AdFloat_Round(x, nd, &r, &err) < 0)
        return ad_num_raise(&err, NULL);
    return AdFloat_FromDouble(r);
}

static AdObject *float_getnewargs(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *f = AdFloat_FromDouble(AdFloat_AS_DOUBLE(self));
    if (!f)
        return NULL;
    AdObject *t = AdTuple_Pack(1, f);
    Ad_DECREF(f);
    return t;
}

static AdObject *float_getformat(AdObject *cls, AdObject *arg)
{
    (void)cls;
    if (!AdStr_Check(arg))
        return AdErr_Format(AdExc_TypeError, "__getformat__() argument must be str, not %s",
                            AdType_Name(AD_TYPE(arg)));
    if (!AdStr_EqualToASCII(arg, "double") && !AdStr_EqualToASCII(arg, "float")) {
        AdErr_SetString(AdExc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return AdStr_FromString("IEEE, little-endian");
}

static AdObject *float_format(AdObject *self, AdObject *spec)
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
        AdFormat_Double(AdFloat_AS_DOUBLE(self), &fs, tname, &out, &err) < 0) {
        AdNumBuf_Free(&out);
        return ad_num_raise(&err, NULL);
    }
    AdObject *r = AdStr_FromStringAndSize(out.data, (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return r;
}

static AdObject *float_get_real(AdObject *self, void *c)
{
    (void)c;
    return float_conjugate(self, NULL);
}

static AdObject *float_get_imag(AdObject *self, void *c)
{
    (void)self;
    (void)c;
    return AdFloat_FromDouble(0.0);
}

#define METH(name, fn, flags, doc) {name, (void (*)(void))(fn), flags, doc}

static AdMethodDef float_methods[] = {
    METH("conjugate", float_conjugate, AD_METH_NOARGS, "Return self, the complex conjugate of any float."),
    METH("__trunc__", float_trunc_meth, AD_METH_NOARGS, "Return the Integral closest to x between 0 and x."),
    METH("__floor__", float_floor, AD_METH_NOARGS, "Return the floor as an Integral."),
    METH("__ceil__", float_ceil, AD_METH_NOARGS, "Return the ceiling as an Integral."),
    METH("__round__", float_round, AD_METH_FASTCALL,
         "Return the Integral closest to x, rounding half toward even.\n\n"
         "When an argument is passed, work like built-in round(x, ndigits)."),
    METH("as_integer_ratio", float_as_integer_ratio, AD_METH_NOARGS,
         "Return a pair of integers, whose ratio is exactly equal to the original float."),
    METH("fromhex", float_fromhex, AD_METH_O | AD_METH_CLASS,
         "Create a floating-point number from a hexadecimal string."),
    METH("from_number", float_from_number, AD_METH_O | AD_METH_CLASS,
         "Convert real number to a floating-point number."),
    METH("hex", float_hex, AD_METH_NOARGS, "Return a hexadecimal representation of a floating-point number."),
    METH("is_integer", float_is_integer, AD_METH_NOARGS, "Return True if the float is an integer."),
    METH("__getnewargs__", float_getnewargs, AD_METH_NOARGS, NULL),
    METH("__getformat__", float_getformat, AD_METH_O | AD_METH_CLASS,
         "You probably don't want to use this function."),
    METH("__format__", float_format, AD_METH_O, "Formats the float according to format_spec."),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdFloat_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "float",
    .tp_basicsize = sizeof(AdFloatObject),
    .tp_dealloc = ad_float_dealloc,
    .tp_repr = ad_float_repr,
    .tp_as_number = &ad_float_as_number,
    .tp_hash = ad_float_hash,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Convert a string or number to a floating-point number, if possible.",
    .tp_richcompare = ad_float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_free = AdObject_Free,
    .tp_vectorcall = float_vectorcall,
};
