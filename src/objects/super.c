/* super.c: the super type (super.h): construction in all its forms
 * (zero-argument through the evaluation loop), attribute lookup along the MRO
 * after the given class with descriptor binding, use as a descriptor,
 * repr, and the member attributes __thisclass__, __self__, __self_class__. */
#include "objects/super.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"
#include "modules/builtins_config.h"
#if ADDER_HAVE_VM
#include "vm/ceval.h"
#endif

#include <stddef.h>


typedef struct {
    AdObject_HEAD;
    AdTypeObject *type;         /* the class given (NULL only before __init__) */
    AdObject *obj;              /* the instance or class, or NULL (unbound) */
    AdTypeObject *obj_type;     /* the class whose MRO is searched, or NULL */
} SuperObject;

#define S(o) ((SuperObject *)(o))

/* The class whose MRO super(type, obj) searches; NULL with TypeError. New ref. */
static AdTypeObject *supercheck(AdTypeObject *type, AdObject *obj)
{
    if (AdType_Check(obj) && AdType_IsSubtype((AdTypeObject *)obj, type))
        return (AdTypeObject *)Ad_NewRef(obj);
    if (AdType_IsSubtype(AD_TYPE(obj), type))
        return (AdTypeObject *)Ad_NewRef((AdObject *)AD_TYPE(obj));
    AdObject *cls;
    int found = AdObject_GetOptionalAttr(obj, AdStr_InternFromString("__class__"), &cls);
    if (found < 0)
        return NULL;
    if (found) {
        if (AdType_Check(cls) && cls != (AdObject *)AD_TYPE(obj) && AdType_IsSubtype((AdTypeObject *)cls, type))
            return (AdTypeObject *)cls;
        Ad_DECREF(cls);
    }
    if (AdType_Check(obj))
        AdErr_Format(AdExc_TypeError,
                     "super(type, obj): obj (type %.200s) is not an instance or subtype of type (%.200s).",
                     ((AdTypeObject *)obj)->tp_name, type->tp_name);
    else
        AdErr_Format(AdExc_TypeError,
                     "super(type, obj): obj (instance of %.200s) is not an instance or subtype of type (%.200s).",
                     AD_TYPE(obj)->tp_name, type->tp_name);
    return NULL;
}

/* Fills self (fields must be empty or are replaced). */
static int super_fill(SuperObject *su, AdTypeObject *type, AdObject *obj)
{
    AdTypeObject *obj_type = NULL;
    if (obj == Ad_None)
        obj = NULL;
    if (obj) {
        obj_type = supercheck(type, obj);
        if (!obj_type)
            return -1;
        Ad_INCREF(obj);
    }
    Ad_INCREF((AdObject *)type);
    AD_XSETREF(su->type, type);
    AD_XSETREF(su->obj, obj);
    AD_XSETREF(su->obj_type, obj_type);
    return 0;
}

/* The zero-argument form: type from the __class__ cell, obj the first
 * argument of the calling function (the evaluation loop finds them).
 * Borrowed results (the frame keeps them alive during the call). */
static int super_from_frame(AdTypeObject **type, AdObject **obj)
{
#if ADDER_HAVE_VM
    AdObject *t, *o;
    if (AdEval_GetSuperArgs(&t, &o) < 0)
        return -1;
    *type = (AdTypeObject *)t;
    *obj = o;
    /* the frame holds references to both for the duration of the call */
    Ad_DECREF(t);
    Ad_DECREF(o);
    return 0;
#else
    (void)type;
    (void)obj;
    AdErr_SetString(AdExc_RuntimeError, "super(): no arguments");
    return -1;
#endif
}

static int super_args(AdObject *const *args, Ad_ssize_t nargs, AdTypeObject **type, AdObject **obj)
{
    if (nargs > 2) {
        AdErr_Format(AdExc_TypeError, "super() expected at most 2 arguments, got %zd", nargs);
        return -1;
    }
    if (nargs == 0)
        return super_from_frame(type, obj);
    if (!AdType_Check(args[0])) {
        AdErr_Format(AdExc_TypeError, "super() argument 1 must be a type, not %.200s",
                     AD_TYPE(args[0])->tp_name);
        return -1;
    }
    *type = (AdTypeObject *)args[0];
    *obj = nargs == 2 ? args[1] : NULL;
    return 0;
}

static int super_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) > 0 && Ad_IS_TYPE(self, &AdSuper_Type)) {
        AdErr_SetString(AdExc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    AdTypeObject *type;
    AdObject *obj;
    if (super_args(AdTuple_ITEMS(args), AdTuple_GET_SIZE(args), &type, &obj) < 0)
        return -1;
    return super_fill(S(self), type, obj);
}

static AdObject *super_vectorcall(AdObject *t, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0)
        return AdErr_Format(AdExc_TypeError, "super() takes no keyword arguments");
    AdTypeObject *type;
    AdObject *obj;
    if (super_args(args, nargs, &type, &obj) < 0)
        return NULL;
    AdTypeObject *st = (AdTypeObject *)t;
    AdObject *self = st->tp_alloc(st, 0);
    if (!self)
        return NULL;
    if (super_fill(S(self), type, obj) < 0) {
        Ad_DECREF(self);
        return NULL;
    }
    return self;
}

AdObject *AdSuper_New(AdTypeObject *type, AdObject *obj)
{
    AdObject *self = AdSuper_Type.tp_alloc(&AdSuper_Type, 0);
    if (!self)
        return NULL;
    if (super_fill(S(self), type, obj) < 0) {
        Ad_DECREF(self);
        return NULL;
    }
    return self;
}

static void super_dealloc(AdObject *o)
{
    SuperObject *su = S(o);
    AdObject_GC_UnTrack(o);
    Ad_XDECREF((AdObject *)su->type);
    Ad_XDECREF(su->obj);
    Ad_XDECREF((AdObject *)su->obj_type);
    AD_TYPE(o)->tp_free(o);
}

static int super_traverse(AdObject *o, visitproc visit, void *arg)
{
    SuperObject *su = S(o);
    if (su->type && visit((AdObject *)su->type, arg))
        return 1;
    if (su->obj && visit(su->obj, arg))
        return 1;
    return su->obj_type ? visit((AdObject *)su->obj_type, arg) : 0;
}

/* The attribute after type in start_type's MRO, borrowed, or NULL (no exception). */
static AdObject *mro_lookup_after(AdTypeObject *type, AdTypeObject *start_type, AdObject *name)
{
    AdObject *mro = start_type->tp_mro;
    if (!mro)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(mro), i = 0;
    while (i + 1 < n && AdTuple_GET_ITEM(mro, i) != (AdObject *)type)
        i++;
    i++;
    if (i >= n)
        return NULL;
    for (; i < n; i++) {
        AdTypeObject *t = (AdTypeObject *)AdTuple_GET_ITEM(mro, i);
        if (!t->tp_dict)
            continue;
        AdObject *r = AdDict_GetItemWithError(t->tp_dict, name);
        if (r || AdErr_Occurred())
            return r;
    }
    return NULL;
}

static AdObject *super_getattro(AdObject *self, AdObject *name)
{
    SuperObject *su = S(self);
    if (su->obj_type && !(AdStr_Check(name) && AdStr_EqualToASCII(name, "__class__"))) {
        AdObject *res = mro_lookup_after(su->type, su->obj_type, name);
        if (res) {
            descrgetfunc f = AD_TYPE(res)->tp_descr_get;
            if (f)
                return f(res, su->obj == (AdObject *)su->obj_type ? NULL : su->obj, (AdObject *)su->obj_type);
            return Ad_NewRef(res);
        }
        if (AdErr_Occurred())
            return NULL;
    }
    return AdObject_GenericGetAttr(self, name);
}

AdObject *AdSuper_GetAttr(AdTypeObject *type, AdObject *obj, AdObject *name, int *method)
{
    if (method)
        *method = 0;
    AdTypeObject *start = supercheck(type, obj);
    if (!start)
        return NULL;
    AdObject *res = mro_lookup_after(type, start, name);
    if (res) {
        if (method && obj != (AdObject *)start &&
            (AdType_HasFeature(AD_TYPE(res), AD_TPFLAGS_METHOD_DESCRIPTOR) ||
             (ad_function_type && Ad_IS_TYPE(res, ad_function_type)))) {
            *method = 1;
            Ad_DECREF((AdObject *)start);
            return Ad_NewRef(res);
        }
        descrgetfunc f = AD_TYPE(res)->tp_descr_get;
        AdObject *r = f ? f(res, obj == (AdObject *)start ? NULL : obj, (AdObject *)start) : Ad_NewRef(res);
        Ad_DECREF((AdObject *)start);
        return r;
    }
    Ad_DECREF((AdObject *)start);
    if (AdErr_Occurred())
        return NULL;
    /* fall back to the attributes of a super object itself */
    AdObject *su = AdSuper_New(type, obj);
    if (!su)
        return NULL;
    AdObject *r = AdObject_GenericGetAttr(su, name);
    Ad_DECREF(su);
    return r;
}

static AdObject *super_descr_get(AdObject *self, AdObject *obj, AdObject *type)
{
    (void)type;
    SuperObject *su = S(self);
    if (!obj || obj == Ad_None || su->obj)
        return Ad_NewRef(self);
    if (!Ad_IS_TYPE(self, &AdSuper_Type)) {
        AdObject *args[2] = {(AdObject *)su->type, obj};
        return AdObject_Vectorcall((AdObject *)AD_TYPE(self), args, 2, NULL);
    }
    return AdSuper_New(su->type, obj);
}

static AdObject *super_repr(AdObject *self)
{
    SuperObject *su = S(self);
    const char *tn = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type)
        return AdStr_FromFormat("<super: <class '%s'>, <%s object>>", tn, su->obj_type->tp_name);
    return AdStr_FromFormat("<super: <class '%s'>, NULL>", tn);
}

static AdMemberDef super_members[] = {
    {"__thisclass__", AD_T_OBJECT, offsetof(SuperObject, type), AD_READONLY,
     "the class invoking super()"},
    {"__self__", AD_T_OBJECT, offsetof(SuperObject, obj), AD_READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", AD_T_OBJECT, offsetof(SuperObject, obj_type), AD_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdSuper_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "super",
    .tp_basicsize = sizeof(SuperObject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
              "Typical use to call a cooperative superclass method:\n"
              "class C(B):\n"
              "    def meth(self, arg):\n"
              "        super().meth(arg)\n"
              "This works for class methods too:\n"
              "class C(B):\n"
              "    @classmethod\n"
              "    def cmeth(cls, arg):\n"
              "        super().cmeth(arg)\n",
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = AdType_GenericNew,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = super_vectorcall,
};
