/* operator_funcs.c: the _operator module: the functions behind
 * Lib/operator.py (one per operator, comparisons, in-place forms,
 * sequence helpers, length_hint, call, _compare_digest) and the module
 * object itself with its three callable types (operator_getters.c). The
 * functions take their arguments straight from the vectorcall stack and
 * raise CPython 3.14's texts. */
#include <string.h>

#include "modules/operator_internal.h"
#include "import/builtin_modules.h"
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

/* Argument checks with CPython's texts: functions of n positional
 * arguments ("add expected 2 arguments, got 1") and single-argument ones
 * ("_operator.neg() takes exactly one argument (2 given)"). */
static int check_args(const char *name, Ad_ssize_t nargs, AdObject *kwnames, Ad_ssize_t n)
{
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0) {
        AdErr_Format(AdExc_TypeError, "_operator.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != n) {
        if (n == 1)
            AdErr_Format(AdExc_TypeError, "_operator.%s() takes exactly one argument (%zd given)", name, nargs);
        else
            AdErr_Format(AdExc_TypeError, "%s expected %zd arguments, got %zd", name, n, nargs);
        return -1;
    }
    return 0;
}

#define OP_FUNC(fname, n, body)                                                                     \
    static AdObject *op_##fname(AdObject *module, AdObject *const *args, Ad_ssize_t nargs,          \
                                AdObject *kwnames)                                                  \
    {                                                                                               \
        (void)module;                                                                               \
        if (check_args(#fname, nargs, kwnames, n) < 0)                                              \
            return NULL;                                                                            \
        body                                                                                        \
    }
#define OP_UNARY(fname, call) OP_FUNC(fname, 1, return call(args[0]);)
#define OP_BINARY(fname, call) OP_FUNC(fname, 2, return call(args[0], args[1]);)
#define OP_COMPARE(fname, op) OP_FUNC(fname, 2, return AdObject_RichCompare(args[0], args[1], op);)

OP_COMPARE(lt, AD_LT)
OP_COMPARE(le, AD_LE)
OP_COMPARE(eq, AD_EQ)
OP_COMPARE(ne, AD_NE)
OP_COMPARE(gt, AD_GT)
OP_COMPARE(ge, AD_GE)

OP_UNARY(abs, AdNumber_Absolute)
OP_UNARY(neg, AdNumber_Negative)
OP_UNARY(pos, AdNumber_Positive)
OP_UNARY(inv, AdNumber_Invert)
OP_UNARY(invert, AdNumber_Invert)
OP_UNARY(index, AdNumber_Index)

OP_BINARY(add, AdNumber_Add)
OP_BINARY(sub, AdNumber_Subtract)
OP_BINARY(mul, AdNumber_Multiply)
OP_BINARY(matmul, AdNumber_MatrixMultiply)
OP_BINARY(truediv, AdNumber_TrueDivide)
OP_BINARY(floordiv, AdNumber_FloorDivide)
OP_BINARY(mod, AdNumber_Remainder)
OP_BINARY(lshift, AdNumber_Lshift)
OP_BINARY(rshift, AdNumber_Rshift)
OP_BINARY(and_, AdNumber_And)
OP_BINARY(xor, AdNumber_Xor)
OP_BINARY(or_, AdNumber_Or)
OP_FUNC(pow, 2, return AdNumber_Power(args[0], args[1], Ad_None);)

OP_BINARY(iadd, AdNumber_InPlaceAdd)
OP_BINARY(isub, AdNumber_InPlaceSubtract)
OP_BINARY(imul, AdNumber_InPlaceMultiply)
OP_BINARY(imatmul, AdNumber_InPlaceMatrixMultiply)
OP_BINARY(itruediv, AdNumber_InPlaceTrueDivide)
OP_BINARY(ifloordiv, AdNumber_InPlaceFloorDivide)
OP_BINARY(imod, AdNumber_InPlaceRemainder)
OP_BINARY(ilshift, AdNumber_InPlaceLshift)
OP_BINARY(irshift, AdNumber_InPlaceRshift)
OP_BINARY(iand, AdNumber_InPlaceAnd)
OP_BINARY(ixor, AdNumber_InPlaceXor)
OP_BINARY(ior, AdNumber_InPlaceOr)
OP_FUNC(ipow, 2, return AdNumber_InPlacePower(args[0], args[1], Ad_None);)

OP_FUNC(truth, 1, {
    int t = AdObject_IsTrue(args[0]);
    return t < 0 ? NULL : AdBool_FromLong(t);
})
OP_FUNC(not_, 1, {
    int t = AdObject_IsTrue(args[0]);
    return t < 0 ? NULL : AdBool_FromLong(!t);
})
OP_FUNC(is_, 2, return AdBool_FromLong(args[0] == args[1]);)
OP_FUNC(is_not, 2, return AdBool_FromLong(args[0] != args[1]);)
OP_FUNC(is_none, 1, return AdBool_FromLong(args[0] == Ad_None);)
OP_FUNC(is_not_none, 1, return AdBool_FromLong(args[0] != Ad_None);)

OP_FUNC(getitem, 2, return AdObject_GetItem(args[0], args[1]);)
OP_FUNC(setitem, 3, {
    if (AdObject_SetItem(args[0], args[1], args[2]) < 0)
        return NULL;
    Ad_RETURN_NONE;
})
OP_FUNC(delitem, 2, {
    if (AdObject_DelItem(args[0], args[1]) < 0)
        return NULL;
    Ad_RETURN_NONE;
})
OP_FUNC(contains, 2, {
    int r = AdSequence_Contains(args[0], args[1]);
    return r < 0 ? NULL : AdBool_FromLong(r);
})

/* PySequence_Check: has __getitem__ through the sequence slots, not a dict. */
static int is_sequence(AdObject *o)
{
    if (AdDict_Check(o))
        return 0;
    AdSequenceMethods *sq = AD_TYPE(o)->tp_as_sequence;
    return sq && sq->sq_item;
}

static AdObject *cannot_concat(AdObject *a)
{
    return AdErr_Format(AdExc_TypeError, "'%.200s' object can't be concatenated", AdType_Name(AD_TYPE(a)));
}

static AdObject *concat(AdObject *a, AdObject *b, int inplace)
{
    AdSequenceMethods *sq = AD_TYPE(a)->tp_as_sequence;
    if (!is_sequence(a) && !(sq && sq->sq_concat))
        return cannot_concat(a);
    if (inplace && sq && sq->sq_inplace_concat)
        return sq->sq_inplace_concat(a, b);
    if (sq && sq->sq_concat)
        return sq->sq_concat(a, b);
    if (is_sequence(b))
        return inplace ? AdNumber_InPlaceAdd(a, b) : AdNumber_Add(a, b);
    return cannot_concat(a);
}

OP_FUNC(concat, 2, return concat(args[0], args[1], 0);)
OP_FUNC(iconcat, 2, return concat(args[0], args[1], 1);)

/* countOf (count all) and indexOf (first position): walks iter(a). */
static AdObject *search(AdObject *a, AdObject *b, int count)
{
    AdObject *it = AdObject_GetIter(a);
    if (!it) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "argument of type '%.200s' is not iterable", AdType_Name(AD_TYPE(a)));
        }
        return NULL;
    }
    Ad_ssize_t n = 0, i = 0;
    AdObject *item;
    while ((item = AdIter_Next(it))) {
        int eq = item == b ? 1 : AdObject_RichCompareBool(item, b, AD_EQ);
        Ad_DECREF(item);
        if (eq < 0)
            goto fail;
        if (eq) {
            if (!count) {
                Ad_DECREF(it);
                return AdInt_FromSsize_t(i);
            }
            n++;
        }
        i++;
    }
    if (AdErr_Occurred())
        goto fail;
    Ad_DECREF(it);
    if (!count)
        return AdErr_Format(AdExc_ValueError, "sequence.index(x): x not in sequence");
    return AdInt_FromSsize_t(n);
fail:
    Ad_DECREF(it);
    return NULL;
}

OP_FUNC(countOf, 2, return search(args[0], args[1], 1);)
OP_FUNC(indexOf, 2, return search(args[0], args[1], 0);)

static AdObject *op_length_hint(AdObject *module, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)module;
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0)
        return AdErr_Format(AdExc_TypeError, "_operator.length_hint() takes no keyword arguments");
    if (AdArg_CheckPositional("length_hint", nargs, 1, 2) < 0)
        return NULL;
    Ad_ssize_t deflt = 0;
    if (nargs == 2) {
        AdObject *d = args[1];
        if (!AdInt_Check(d))
            return AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                AdType_Name(AD_TYPE(d)));
        deflt = AdInt_AsSsize_t(d);
        if (deflt == -1 && AdErr_Occurred())
            return NULL;
    }
    Ad_ssize_t n = AdObject_LengthHint(args[0], deflt);
    return n < 0 ? NULL : AdInt_FromSsize_t(n);
}

static AdObject *op_call(AdObject *module, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)module;
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "call expected at least 1 argument, got %zd", nargs);
    return AdObject_Vectorcall(args[0], args + 1, (size_t)(nargs - 1), kwnames);
}

/* Compares a and b in time that depends on their lengths only. */
static int same_bytes(const unsigned char *a, Ad_ssize_t la, const unsigned char *b, Ad_ssize_t lb)
{
    volatile unsigned char diff = la != lb;
    const volatile unsigned char *left = la == lb ? a : b;
    const volatile unsigned char *right = b;
    for (Ad_ssize_t i = 0; i < lb; i++)
        diff |= left[i] ^ right[i];
    return diff == 0;
}

static int has_buffer(AdObject *o)
{
    AdBufferProcs *pb = AD_TYPE(o)->tp_as_buffer;
    return pb && pb->bf_getbuffer;
}

static AdObject *op__compare_digest(AdObject *module, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)module;
    if (check_args("_compare_digest", nargs, kwnames, 2) < 0)
        return NULL;
    AdObject *a = args[0], *b = args[1];
    if (AdStr_Check(a) && AdStr_Check(b)) {
        if (!((AdStrObject *)a)->ascii || !((AdStrObject *)b)->ascii)
            return AdErr_Format(AdExc_TypeError, "comparing strings with non-ASCII characters is not supported");
        return AdBool_FromLong(same_bytes(AdStr_DATA(a), AdStr_LENGTH(a), AdStr_DATA(b), AdStr_LENGTH(b)));
    }
    if (!has_buffer(a) && !has_buffer(b))
        return AdErr_Format(AdExc_TypeError,
                            "unsupported operand types(s) or combination of types: '%.100s' and '%.100s'",
                            AdType_Name(AD_TYPE(a)), AdType_Name(AD_TYPE(b)));
    AdBuffer va, vb;
    if (AdObject_GetBuffer(a, &va, AD_BUF_SIMPLE) < 0)
        return NULL;
    if (va.ndim > 1) {
        AdBuffer_Release(&va);
        return AdErr_Format(AdExc_BufferError, "Buffer must be single dimension");
    }
    if (AdObject_GetBuffer(b, &vb, AD_BUF_SIMPLE) < 0) {
        AdBuffer_Release(&va);
        return NULL;
    }
    if (vb.ndim > 1) {
        AdBuffer_Release(&va);
        AdBuffer_Release(&vb);
        return AdErr_Format(AdExc_BufferError, "Buffer must be single dimension");
    }
    int r = same_bytes(va.buf, va.len, vb.buf, vb.len);
    AdBuffer_Release(&va);
    AdBuffer_Release(&vb);
    return AdBool_FromLong(r);
}

#define OP_DEF(fname, doc) {#fname, (void (*)(void))op_##fname, AD_METH_FASTCALL | AD_METH_KEYWORDS, doc}

static AdMethodDef operator_functions[] = {
    OP_DEF(abs, "abs($module, a, /)\n--\n\nSame as abs(a)."),
    OP_DEF(add, "add($module, a, b, /)\n--\n\nSame as a + b."),
    OP_DEF(and_, "and_($module, a, b, /)\n--\n\nSame as a & b."),
    OP_DEF(call, "call($module, obj, /, *args, **kwargs)\n--\n\nSame as obj(*args, **kwargs)."),
    OP_DEF(concat, "concat($module, a, b, /)\n--\n\nSame as a + b, for a and b sequences."),
    OP_DEF(contains, "contains($module, a, b, /)\n--\n\nSame as b in a (note reversed operands)."),
    OP_DEF(countOf, "countOf($module, a, b, /)\n--\n\nReturn the number of items in a which are, or which equal, b."),
    OP_DEF(delitem, "delitem($module, a, b, /)\n--\n\nSame as del a[b]."),
    OP_DEF(eq, "eq($module, a, b, /)\n--\n\nSame as a == b."),
    OP_DEF(floordiv, "floordiv($module, a, b, /)\n--\n\nSame as a // b."),
    OP_DEF(ge, "ge($module, a, b, /)\n--\n\nSame as a >= b."),
    OP_DEF(getitem, "getitem($module, a, b, /)\n--\n\nSame as a[b]."),
    OP_DEF(gt, "gt($module, a, b, /)\n--\n\nSame as a > b."),
    OP_DEF(iadd, "iadd($module, a, b, /)\n--\n\nSame as a += b."),
    OP_DEF(iand, "iand($module, a, b, /)\n--\n\nSame as a &= b."),
    OP_DEF(iconcat, "iconcat($module, a, b, /)\n--\n\nSame as a += b, for a and b sequences."),
    OP_DEF(ifloordiv, "ifloordiv($module, a, b, /)\n--\n\nSame as a //= b."),
    OP_DEF(ilshift, "ilshift($module, a, b, /)\n--\n\nSame as a <<= b."),
    OP_DEF(imatmul, "imatmul($module, a, b, /)\n--\n\nSame as a @= b."),
    OP_DEF(imod, "imod($module, a, b, /)\n--\n\nSame as a %= b."),
    OP_DEF(imul, "imul($module, a, b, /)\n--\n\nSame as a *= b."),
    OP_DEF(index, "index($module, a, /)\n--\n\nSame as a.__index__()"),
    OP_DEF(indexOf, "indexOf($module, a, b, /)\n--\n\nReturn the first index of b in a."),
    OP_DEF(inv, "inv($module, a, /)\n--\n\nSame as ~a."),
    OP_DEF(invert, "invert($module, a, /)\n--\n\nSame as ~a."),
    OP_DEF(ior, "ior($module, a, b, /)\n--\n\nSame as a |= b."),
    OP_DEF(ipow, "ipow($module, a, b, /)\n--\n\nSame as a **= b."),
    OP_DEF(irshift, "irshift($module, a, b, /)\n--\n\nSame as a >>= b."),
    OP_DEF(is_, "is_($module, a, b, /)\n--\n\nSame as a is b."),
    OP_DEF(is_none, "is_none($module, a, /)\n--\n\nSame as a is None."),
    OP_DEF(is_not, "is_not($module, a, b, /)\n--\n\nSame as a is not b."),
    OP_DEF(is_not_none, "is_not_none($module, a, /)\n--\n\nSame as a is not None."),
    OP_DEF(isub, "isub($module, a, b, /)\n--\n\nSame as a -= b."),
    OP_DEF(itruediv, "itruediv($module, a, b, /)\n--\n\nSame as a /= b."),
    OP_DEF(ixor, "ixor($module, a, b, /)\n--\n\nSame as a ^= b."),
    OP_DEF(le, "le($module, a, b, /)\n--\n\nSame as a <= b."),
    OP_DEF(length_hint,
           "length_hint($module, obj, default=0, /)\n--\n\nReturn an estimate of the number of items in obj.\n\n"
           "This is useful for presizing containers when building from an iterable.\n\n"
           "If the object supports len(), the result will be exact.\n"
           "Otherwise, it may over- or under-estimate by an arbitrary amount.\n"
           "The result will be an integer >= 0."),
    OP_DEF(lshift, "lshift($module, a, b, /)\n--\n\nSame as a << b."),
    OP_DEF(lt, "lt($module, a, b, /)\n--\n\nSame as a < b."),
    OP_DEF(matmul, "matmul($module, a, b, /)\n--\n\nSame as a @ b."),
    OP_DEF(mod, "mod($module, a, b, /)\n--\n\nSame as a % b."),
    OP_DEF(mul, "mul($module, a, b, /)\n--\n\nSame as a * b."),
    OP_DEF(ne, "ne($module, a, b, /)\n--\n\nSame as a != b."),
    OP_DEF(neg, "neg($module, a, /)\n--\n\nSame as -a."),
    OP_DEF(not_, "not_($module, a, /)\n--\n\nSame as not a."),
    OP_DEF(or_, "or_($module, a, b, /)\n--\n\nSame as a | b."),
    OP_DEF(pos, "pos($module, a, /)\n--\n\nSame as +a."),
    OP_DEF(pow, "pow($module, a, b, /)\n--\n\nSame as a ** b."),
    OP_DEF(rshift, "rshift($module, a, b, /)\n--\n\nSame as a >> b."),
    OP_DEF(setitem, "setitem($module, a, b, c, /)\n--\n\nSame as a[b] = c."),
    OP_DEF(sub, "sub($module, a, b, /)\n--\n\nSame as a - b."),
    OP_DEF(truediv, "truediv($module, a, b, /)\n--\n\nSame as a / b."),
    OP_DEF(truth, "truth($module, a, /)\n--\n\nReturn True if a is true, False otherwise."),
    OP_DEF(xor, "xor($module, a, b, /)\n--\n\nSame as a ^ b."),
    OP_DEF(_compare_digest,
           "_compare_digest($module, a, b, /)\n--\n\nReturn 'a == b'.\n\n"
           "This function uses an approach designed to prevent\n"
           "timing analysis, making it appropriate for cryptography.\n\n"
           "a and b must both be of the same type: either str (ASCII only),\n"
           "or any bytes-like object.\n\n"
           "Note: If a and b are of different lengths, or if an error occurs,\n"
           "a timing attack could theoretically reveal information about the\n"
           "types and lengths of a and b--but not their values."),
    {NULL, NULL, 0, NULL},
};

static const char operator_doc[] =
    "Operator interface.\n\n"
    "This module exports a set of functions implemented in C corresponding\n"
    "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
    "is equivalent to the expression x+y.  The function names are those\n"
    "used for special methods; variants without leading and trailing\n"
    "'__' are also provided for convenience.";

AdObject *AdModule_InitOperator(void)
{
    static AdTypeObject *const types[] = {
        &operator_itemgetter_type, &operator_attrgetter_type, &operator_methodcaller_type,
    };
    AdObject *m = AdModule_New("_operator");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, operator_doc) < 0 || AdModule_AddFunctions(m, operator_functions) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (AdType_Ready(types[i]) < 0 ||
            AdModule_AddObjectRef(m, AdType_ShortName(types[i]), (AdObject *)types[i]) < 0)
            goto fail;
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
