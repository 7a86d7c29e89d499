/* bool.c: bool, the int subclass with exactly two (immortal) instances,
 * True and False. & | ^ between bools give bools; ~ warns (3.14) and
 * inverts the underlying int; bool cannot be subclassed. */
#include "objects/int.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/typeobject.h"

AdIntObject _Ad_FalseStruct = {AD_STATIC_VAR_INIT(&AdBool_Type, 0), {0}};
AdIntObject _Ad_TrueStruct = {AD_STATIC_VAR_INIT(&AdBool_Type, 1), {1}};

static AdObject *bool_repr(AdObject *self)
{
    return AdStr_FromString(self == Ad_True ? "True" : "False");
}

static AdObject *bool_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type;
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    if (kwargs && AdDict_GET_SIZE(kwargs) != 0) {
        AdErr_SetString(AdExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
    if (nargs == 0)
        Ad_RETURN_FALSE;
    int t = AdObject_IsTrue(AdTuple_GET_ITEM(args, 0));
    if (t < 0)
        return NULL;
    return AdBool_FromLong(t);
}

static AdObject *bool_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    (void)type;
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (kwnames && AdTuple_GET_SIZE(kwnames) != 0) {
        AdErr_SetString(AdExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
    if (nargs == 0)
        Ad_RETURN_FALSE;
    int t = AdObject_IsTrue(args[0]);
    if (t < 0)
        return NULL;
    return AdBool_FromLong(t);
}

static AdObject *bool_and(AdObject *a, AdObject *b)
{
    if (AdBool_Check(a) && AdBool_Check(b))
        return AdBool_FromLong(a == Ad_True && b == Ad_True);
    return ad_int_and(a, b);
}

static AdObject *bool_or(AdObject *a, AdObject *b)
{
    if (AdBool_Check(a) && AdBool_Check(b))
        return AdBool_FromLong(a == Ad_True || b == Ad_True);
    return ad_int_or(a, b);
}

static AdObject *bool_xor(AdObject *a, AdObject *b)
{
    if (AdBool_Check(a) && AdBool_Check(b))
        return AdBool_FromLong((a == Ad_True) != (b == Ad_True));
    return ad_int_xor(a, b);
}

static AdObject *bool_invert(AdObject *a)
{
    if (AdErr_WarnEx(AdExc_DeprecationWarning,
                     "Bitwise inversion '~' on bool is deprecated and will be removed in Python "
                     "3.16. This returns the bitwise inversion of the underlying int object and is "
                     "usually not what you expect from negating a bool. Use the 'not' operator for "
                     "boolean negation or ~int(x) if you really want the bitwise inversion of the "
                     "underlying int.", 1) < 0)
        return NULL;
    return ad_int_invert(a);
}

static AdNumberMethods bool_as_number = {
    .nb_invert = bool_invert,
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
};

AdTypeObject AdBool_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "bool",
    .tp_basicsize = offsetof(AdIntObject, limbs),
    .tp_itemsize = sizeof(uint64_t),
    .tp_dealloc = ad_int_dealloc,
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_flags = AD_TPFLAGS_LONG_SUBCLASS | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Returns True when the argument is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_base = &AdInt_Type,
    .tp_new = bool_new,
    .tp_vectorcall = bool_vectorcall,
};
