/* singletons.c: None, NotImplemented and Ellipsis, and their types
 * (NoneType, NotImplementedType, ellipsis). All immortal. */
#include "objects/object.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/typeobject.h"

static AdObject *none_repr(AdObject *o) { (void)o; return AdStr_FromString("None"); }
static int none_bool(AdObject *o) { (void)o; return 0; }
/* hash(None) is a constant in 3.12+ (not the address). */
static Ad_hash_t none_hash(AdObject *o) { (void)o; return (Ad_hash_t)0xFCA86420; }

static int no_args(AdTypeObject *t, AdObject *args, AdObject *kwargs)
{
    if ((args && AdTuple_GET_SIZE(args)) || (kwargs && AdDict_GET_SIZE(kwargs))) {
        AdErr_Format(AdExc_TypeError, "%s takes no arguments", AdType_Name(t));
        return -1;
    }
    return 0;
}

static AdObject *none_new(AdTypeObject *t, AdObject *args, AdObject *kwargs)
{
    return no_args(t, args, kwargs) < 0 ? NULL : Ad_None;
}

static AdNumberMethods none_as_number = {.nb_bool = none_bool};

AdTypeObject AdNone_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(AdObject),
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = none_hash,
    .tp_new = none_new,
    .tp_doc = "The type of the None singleton.",
};
AdObject _Ad_NoneStruct = AD_STATIC_OBJECT_INIT(&AdNone_Type);

static AdObject *notimpl_repr(AdObject *o) { (void)o; return AdStr_FromString("NotImplemented"); }
static AdObject *notimpl_reduce(AdObject *o, AdObject *unused)
{
    (void)o;
    (void)unused;
    return AdStr_FromString("NotImplemented");
}
static AdObject *notimpl_new(AdTypeObject *t, AdObject *args, AdObject *kwargs)
{
    return no_args(t, args, kwargs) < 0 ? NULL : Ad_NotImplemented;
}
static int notimpl_bool(AdObject *o)
{
    (void)o;
    AdErr_SetString(AdExc_TypeError, "NotImplemented should not be used in a boolean context");
    return -1;
}
static AdNumberMethods notimpl_as_number = {.nb_bool = notimpl_bool};
static AdMethodDef notimpl_methods[] = {
    {"__reduce__", (void (*)(void))notimpl_reduce, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdNotImplemented_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(AdObject),
    .tp_repr = notimpl_repr,
    .tp_as_number = &notimpl_as_number,
    .tp_methods = notimpl_methods,
    .tp_new = notimpl_new,
    .tp_doc = "The type of the NotImplemented singleton.",
};
AdObject _Ad_NotImplementedStruct = AD_STATIC_OBJECT_INIT(&AdNotImplemented_Type);

static AdObject *ellipsis_repr(AdObject *o) { (void)o; return AdStr_FromString("Ellipsis"); }
static AdObject *ellipsis_new(AdTypeObject *t, AdObject *args, AdObject *kwargs)
{
    return no_args(t, args, kwargs) < 0 ? NULL : Ad_Ellipsis;
}
static AdObject *ellipsis_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    return ellipsis_repr(o);
}
static AdMethodDef ellipsis_methods[] = {
    {"__reduce__", (void (*)(void))ellipsis_reduce, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdEllipsis_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(AdObject),
    .tp_repr = ellipsis_repr,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
    .tp_doc = "The type of the Ellipsis singleton.",
};
AdObject _Ad_EllipsisStruct = AD_STATIC_OBJECT_INIT(&AdEllipsis_Type);
