/* typevarobject.c: the typing objects of PEP 695/696 made natively:
 * typing.TypeVar, ParamSpec (with its ParamSpecArgs/ParamSpecKwargs),
 * TypeVarTuple, TypeAliasType (the `type X = ...` statement, value evaluated
 * lazily), Generic (the base that `class C[T]` gets) and NoDefault, plus
 * the helpers the type-parameter intrinsics call. Bounds, constraints,
 * defaults and alias values are evaluated lazily by calling the compiler's
 * evaluator function with format 1 (VALUE). Messages follow CPython 3.14. */
#include "objects/typevarobject.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"
#include "objects/union.h"
#include "memory/gc.h"
#include "vm/ceval.h"

#include <stddef.h>
#include <stdint.h>

enum { KIND_TYPEVAR, KIND_PARAMSPEC, KIND_TYPEVARTUPLE };

typedef struct {
    AdObject_HEAD;
    AdObject *name, *module;
    AdObject *bound, *evaluate_bound;               /* NULL: none */
    AdObject *constraints, *evaluate_constraints;   /* NULL: none */
    AdObject *default_value, *evaluate_default;     /* NULL: none */
    int covariant, contravariant, infer_variance;
    AdObject *weakreflist;      /* objects/weakref.h */
} TypeParamObject;

typedef struct {
    AdObject_HEAD;
    AdObject *origin;
    AdObject *weakreflist;
} ParamSpecAttrObject;

typedef struct {
    AdObject_HEAD;
    AdObject *name, *module, *type_params, *value, *compute_value;
} TypeAliasObject;

/* ---- NoDefault ------------------------------------------------------------------------------- */

static AdObject *nodefault_repr(AdObject *o)
{
    (void)o;
    return AdStr_FromString("typing.NoDefault");
}

static AdObject *nodefault_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    if ((args && AdTuple_GET_SIZE(args)) || (kwds && AdDict_GET_SIZE(kwds)))
        return AdErr_Format(AdExc_TypeError, "NoDefaultType takes no arguments");
    return Ad_NewRef(Ad_NoDefault);
}

AdTypeObject AdNoDefault_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "NoDefaultType",
    .tp_basicsize = sizeof(AdObject),
    .tp_repr = nodefault_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_doc = "The type of the NoDefault singleton.",
    .tp_new = nodefault_new,
};

AdObject _Ad_NoDefaultStruct = AD_STATIC_OBJECT_INIT(&AdNoDefault_Type);

/* ---- shared helpers -------------------------------------------------------------------------- */

int AdTypeVar_IsTypingObject(AdObject *o)
{
    return Ad_IS_TYPE(o, &AdTypeVar_Type) || Ad_IS_TYPE(o, &AdParamSpec_Type) ||
           Ad_IS_TYPE(o, &AdTypeVarTuple_Type) || Ad_IS_TYPE(o, &AdTypeAlias_Type);
}

/* Calls a lazy evaluator with format VALUE (1). */
static AdObject *call_evaluator(AdObject *fn)
{
    AdObject *one = AdInt_FromSsize_t(1);
    if (!one)
        return NULL;
    AdObject *r = AdObject_CallOneArg(fn, one);
    Ad_DECREF(one);
    return r;
}

/* The __name__ of the running module, or NULL (no error) when unknown. */
static AdObject *caller_module(void)
{
    AdObject *g = AdEval_GetGlobals();
    if (!g || !AdDict_Check(g))
        return NULL;
    AdObject *m = AdDict_GetItemString(g, "__name__");
    return m ? Ad_NewRef(m) : NULL;
}

static AdObject *tp_alloc_param(AdTypeObject *type, AdObject *name, int from_syntax)
{
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "%s() argument 'name' must be str, not %s", type->tp_name + 7,
                            AdType_Name(AD_TYPE(name)));
    TypeParamObject *p = (TypeParamObject *)AdObject_GC_New(type);
    if (!p)
        return NULL;
    p->name = Ad_NewRef(name);
    p->module = NULL;
    p->bound = p->evaluate_bound = p->constraints = p->evaluate_constraints = NULL;
    p->default_value = p->evaluate_default = NULL;
    p->covariant = p->contravariant = p->infer_variance = 0;
    p->weakreflist = NULL;
    AdObject_GC_Track((AdObject *)p);
    /* Type parameters made by the syntax report module 'typing'. */
    p->module = from_syntax ? AdStr_FromString("typing") : caller_module();
    if (from_syntax && !p->module) {
        Ad_DECREF((AdObject *)p);
        return NULL;
    }
    return (AdObject *)p;
}

static void param_dealloc(AdObject *o)
{
    TypeParamObject *p = (TypeParamObject *)o;
    AdObject_GC_UnTrack(o);
    if (p->weakreflist)
        AdObject_ClearWeakRefs(o);
    Ad_XDECREF(p->name);
    Ad_XDECREF(p->module);
    Ad_XDECREF(p->bound);
    Ad_XDECREF(p->evaluate_bound);
    Ad_XDECREF(p->constraints);
    Ad_XDECREF(p->evaluate_constraints);
    Ad_XDECREF(p->default_value);
    Ad_XDECREF(p->evaluate_default);
    AdObject_GC_Del(o);
}

static int param_traverse(AdObject *o, visitproc visit, void *arg)
{
    TypeParamObject *p = (TypeParamObject *)o;
    AdObject *f[8] = {p->name, p->module, p->bound, p->evaluate_bound, p->constraints,
                      p->evaluate_constraints, p->default_value, p->evaluate_default};
    for (int k = 0; k < 8; k++)
        if (f[k] && visit(f[k], arg))
            return 1;
    return 0;
}

static AdObject *param_repr(AdObject *o)
{
    TypeParamObject *p = (TypeParamObject *)o;
    if (Ad_IS_TYPE(o, &AdTypeVarTuple_Type) || p->infer_variance)
        return Ad_NewRef(p->name);
    return AdStr_FromFormat("%c%U", p->covariant ? '+' : p->contravariant ? '-' : '~', p->name);
}

static AdObject *param_or(AdObject *a, AdObject *b) { return AdUnion_Or(a, b); }

static AdNumberMethods param_as_number = {
    .nb_or = param_or,
};

static AdObject *get_name(AdObject *o, void *c)
{
    (void)c;
    return Ad_NewRef(((TypeParamObject *)o)->name);
}

static AdObject *get_module(AdObject *o, void *c)
{
    (void)c;
    AdObject *m = ((TypeParamObject *)o)->module;
    return Ad_NewRef(m ? m : Ad_None);
}

static AdObject *get_bound(AdObject *o, void *c)
{
    (void)c;
    TypeParamObject *p = (TypeParamObject *)o;
    if (p->bound)
        return Ad_NewRef(p->bound);
    if (!p->evaluate_bound)
        return Ad_NewRef(Ad_None);
    AdObject *r = call_evaluator(p->evaluate_bound);
    if (r)
        p->bound = Ad_NewRef(r);
    return r;
}

static AdObject *get_constraints(AdObject *o, void *c)
{
    (void)c;
    TypeParamObject *p = (TypeParamObject *)o;
    if (p->constraints)
        return Ad_NewRef(p->constraints);
    if (!p->evaluate_constraints)
        return AdTuple_New(0);
    AdObject *r = call_evaluator(p->evaluate_constraints);
    if (r)
        p->constraints = Ad_NewRef(r);
    return r;
}

static AdObject *get_default(AdObject *o, void *c)
{
    (void)c;
    TypeParamObject *p = (TypeParamObject *)o;
    if (p->default_value)
        return Ad_NewRef(p->default_value);
    if (!p->evaluate_default)
        return Ad_NewRef(Ad_NoDefault);
    AdObject *r = call_evaluator(p->evaluate_default);
    if (r)
        p->default_value = Ad_NewRef(r);
    return r;
}

static AdObject *get_evaluator(AdObject *o, void *c)
{
    TypeParamObject *p = (TypeParamObject *)o;
    AdObject *f = (intptr_t)c == 0 ? p->evaluate_bound : (intptr_t)c == 1 ? p->evaluate_constraints
                                                                         : p->evaluate_default;
    return Ad_NewRef(f ? f : Ad_None);
}

static AdObject *get_flag(AdObject *o, void *c)
{
    TypeParamObject *p = (TypeParamObject *)o;
    int v = (intptr_t)c == 0 ? p->covariant : (intptr_t)c == 1 ? p->contravariant : p->infer_variance;
    return Ad_NewRef(AdBool_FromLong(v));
}

static AdObject *param_has_default(AdObject *o, AdObject *unused)
{
    (void)unused;
    TypeParamObject *p = (TypeParamObject *)o;
    return Ad_NewRef(AdBool_FromLong(p->evaluate_default != NULL ||
                                     (p->default_value != NULL && p->default_value != Ad_NoDefault)));
}

static AdObject *param_subst(AdObject *o, AdObject *arg)
{
    (void)o;
    return Ad_NewRef(arg);
}

static AdObject *param_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(((TypeParamObject *)o)->name);
}

static AdObject *param_mro_entries(AdObject *o, AdObject *bases)
{
    (void)bases;
    return AdErr_Format(AdExc_TypeError, "Cannot subclass an instance of %s", AdType_ShortName(AD_TYPE(o)));
}

static AdMethodDef param_methods[] = {
    {"has_default", (void (*)(void))param_has_default, AD_METH_NOARGS, NULL},
    {"__typing_subst__", (void (*)(void))param_subst, AD_METH_O, NULL},
    {"__reduce__", (void (*)(void))param_reduce, AD_METH_NOARGS, NULL},
    {"__mro_entries__", (void (*)(void))param_mro_entries, AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

#define COMMON_GETSETS                                                          \
    {"__name__", get_name, NULL, NULL, NULL},                                   \
    {"__module__", get_module, NULL, NULL, NULL},                               \
    {"__default__", get_default, NULL, NULL, NULL},                             \
    {"evaluate_default", get_evaluator, NULL, NULL, (void *)(intptr_t)2}

#define VARIANCE_GETSETS                                                        \
    {"__bound__", get_bound, NULL, NULL, NULL},                                 \
    {"evaluate_bound", get_evaluator, NULL, NULL, (void *)(intptr_t)0},        \
    {"__covariant__", get_flag, NULL, NULL, (void *)(intptr_t)0},              \
    {"__contravariant__", get_flag, NULL, NULL, (void *)(intptr_t)1},          \
    {"__infer_variance__", get_flag, NULL, NULL, (void *)(intptr_t)2}

static AdGetSetDef typevar_getset[] = {
    COMMON_GETSETS,
    VARIANCE_GETSETS,
    {"__constraints__", get_constraints, NULL, NULL, NULL},
    {"evaluate_constraints", get_evaluator, NULL, NULL, (void *)(intptr_t)1},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdObject *paramspec_attr(AdObject *o, void *c);

static AdGetSetDef paramspec_getset[] = {
    COMMON_GETSETS,
    VARIANCE_GETSETS,
    {"args", paramspec_attr, NULL, NULL, (void *)(intptr_t)0},
    {"kwargs", paramspec_attr, NULL, NULL, (void *)(intptr_t)1},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdGetSetDef typevartuple_getset[] = {
    COMMON_GETSETS,
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- constructors ---------------------------------------------------------------------------- */

/* Takes the keyword arguments of TypeVar/ParamSpec/TypeVarTuple: out[i] for
 * names[i] (borrowed). -1 with TypeError on an unknown one. */
static int take_kwargs(const char *tname, AdObject *kwds, const char *const *names, int n, AdObject **out)
{
    if (!kwds)
        return 0;
    Ad_ssize_t pos = 0, used = 0;
    AdObject *k, *v;
    for (int i = 0; i < n; i++) {
        out[i] = AdDict_GetItemString(kwds, names[i]);
        if (out[i])
            used++;
    }
    if (used == AdDict_GET_SIZE(kwds))
        return 0;
    while (AdDict_Next(kwds, &pos, &k, &v)) {
        int known = 0;
        for (int i = 0; i < n; i++)
            if (AdStr_Check(k) && AdStr_EqualToASCII(k, names[i]))
                known = 1;
        if (!known) {
            AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%S'", tname, k);
            return -1;
        }
    }
    return 0;
}

static int truth(AdObject *o, int *out)
{
    if (!o) {
        *out = 0;
        return 0;
    }
    int t = AdObject_IsTrue(o);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
}

static int set_variance(TypeParamObject *p, AdObject *co, AdObject *contra, AdObject *infer)
{
    if (truth(co, &p->covariant) < 0 || truth(contra, &p->contravariant) < 0 ||
        truth(infer, &p->infer_variance) < 0)
        return -1;
    if (p->covariant && p->contravariant) {
        AdErr_SetString(AdExc_ValueError, "Bivariant types are not supported.");
        return -1;
    }
    if (p->infer_variance && (p->covariant || p->contravariant)) {
        AdErr_SetString(AdExc_ValueError, "Variance cannot be specified with infer_variance.");
        return -1;
    }
    return 0;
}

static AdObject *first_arg(const char *tname, AdObject *args, AdObject *kwds, Ad_ssize_t maxpos)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n > maxpos)
        return AdErr_Format(AdExc_TypeError, "%s() takes at most %zd positional argument%s (%zd given)", tname,
                            maxpos, maxpos == 1 ? "" : "s", n);
    if (n >= 1)
        return AdTuple_GET_ITEM(args, 0);
    AdObject *name = kwds ? AdDict_GetItemString(kwds, "name") : NULL;
    if (!name)
        return AdErr_Format(AdExc_TypeError, "%s() missing required argument 'name' (pos 1)", tname);
    return name;
}

static AdObject *typevar_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    static const char *const names[] = {"name", "bound", "covariant", "contravariant", "infer_variance", "default"};
    AdObject *kw[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    AdObject *name = first_arg("TypeVar", args, kwds, PTRDIFF_MAX);
    if (!name || take_kwargs("TypeVar", kwds, names, 6, kw) < 0)
        return NULL;
    AdObject *constraints = AdTuple_GetSlice(args, 1, AdTuple_GET_SIZE(args));
    if (!constraints)
        return NULL;
    AdObject *bound = kw[1] == Ad_None ? NULL : kw[1];
    if (AdTuple_GET_SIZE(constraints) == 1) {
        Ad_DECREF(constraints);
        return AdErr_Format(AdExc_TypeError, "A single constraint is not allowed");
    }
    if (AdTuple_GET_SIZE(constraints) && bound) {
        Ad_DECREF(constraints);
        return AdErr_Format(AdExc_TypeError, "Constraints cannot be combined with bound=...");
    }
    TypeParamObject *p = (TypeParamObject *)tp_alloc_param(&AdTypeVar_Type, name, 0);
    if (!p) {
        Ad_DECREF(constraints);
        return NULL;
    }
    p->constraints = constraints;
    p->bound = bound ? Ad_NewRef(bound) : NULL;
    p->default_value = kw[5] ? Ad_NewRef(kw[5]) : NULL;
    if (set_variance(p, kw[2], kw[3], kw[4]) < 0) {
        Ad_DECREF((AdObject *)p);
        return NULL;
    }
    return (AdObject *)p;
}

static AdObject *paramspec_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    static const char *const names[] = {"name", "bound", "covariant", "contravariant", "infer_variance", "default"};
    AdObject *kw[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    AdObject *name = first_arg("ParamSpec", args, kwds, 1);
    if (!name || take_kwargs("ParamSpec", kwds, names, 6, kw) < 0)
        return NULL;
    TypeParamObject *p = (TypeParamObject *)tp_alloc_param(&AdParamSpec_Type, name, 0);
    if (!p)
        return NULL;
    p->bound = kw[1] && kw[1] != Ad_None ? Ad_NewRef(kw[1]) : NULL;
    p->default_value = kw[5] ? Ad_NewRef(kw[5]) : NULL;
    if (set_variance(p, kw[2], kw[3], kw[4]) < 0) {
        Ad_DECREF((AdObject *)p);
        return NULL;
    }
    return (AdObject *)p;
}

static AdObject *typevartuple_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    static const char *const names[] = {"name", "default"};
    AdObject *kw[2] = {NULL, NULL};
    AdObject *name = first_arg("TypeVarTuple", args, kwds, 1);
    if (!name || take_kwargs("TypeVarTuple", kwds, names, 2, kw) < 0)
        return NULL;
    TypeParamObject *p = (TypeParamObject *)tp_alloc_param(&AdTypeVarTuple_Type, name, 0);
    if (p)
        p->default_value = kw[1] ? Ad_NewRef(kw[1]) : NULL;
    return (AdObject *)p;
}

#define PARAM_TYPE(VAR, NAME, GETSET, NEW, DOC)                                 \
    AdTypeObject VAR = {                                                        \
        .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),                         \
        .tp_name = NAME,                                                        \
        .tp_basicsize = sizeof(TypeParamObject),                                \
        .tp_dealloc = param_dealloc,                                            \
        .tp_weaklistoffset = offsetof(TypeParamObject, weakreflist),            \
        .tp_repr = param_repr,                                                  \
        .tp_as_number = &param_as_number,                                       \
        .tp_getattro = AdObject_GenericGetAttr,                                 \
        .tp_flags = AD_TPFLAGS_HAVE_GC,                                         \
        .tp_doc = DOC,                                                          \
        .tp_traverse = param_traverse,                                          \
        .tp_methods = param_methods,                                            \
        .tp_getset = GETSET,                                                    \
        .tp_new = NEW,                                                          \
    }

PARAM_TYPE(AdTypeVar_Type, "typing.TypeVar", typevar_getset, typevar_new, "Type variable.");
PARAM_TYPE(AdParamSpec_Type, "typing.ParamSpec", paramspec_getset, paramspec_new, "Parameter specification variable.");
PARAM_TYPE(AdTypeVarTuple_Type, "typing.TypeVarTuple", typevartuple_getset, typevartuple_new,
           "Type variable tuple.");

/* ---- ParamSpecArgs / ParamSpecKwargs --------------------------------------------------------- */

static AdObject *psattr_make(AdTypeObject *type, AdObject *origin)
{
    ParamSpecAttrObject *a = (ParamSpecAttrObject *)AdObject_GC_New(type);
    if (!a)
        return NULL;
    a->origin = Ad_NewRef(origin);
    a->weakreflist = NULL;
    AdObject_GC_Track((AdObject *)a);
    return (AdObject *)a;
}

static AdObject *paramspec_attr(AdObject *o, void *c)
{
    return psattr_make((intptr_t)c == 0 ? &AdParamSpecArgs_Type : &AdParamSpecKwargs_Type, o);
}

static AdObject *psattr_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    AdObject *origin = AdTuple_GET_SIZE(args) == 1 ? AdTuple_GET_ITEM(args, 0)
                       : kwds                      ? AdDict_GetItemString(kwds, "origin")
                                                   : NULL;
    if (!origin || AdTuple_GET_SIZE(args) > 1)
        return AdErr_Format(AdExc_TypeError, "%s() takes exactly one argument 'origin'", AdType_ShortName(type));
    return psattr_make(type, origin);
}

static void psattr_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    if (((ParamSpecAttrObject *)o)->weakreflist)
        AdObject_ClearWeakRefs(o);
    Ad_XDECREF(((ParamSpecAttrObject *)o)->origin);
    AdObject_GC_Del(o);
}

static int psattr_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdObject *f = ((ParamSpecAttrObject *)o)->origin;
    return f && visit(f, arg);
}

static AdObject *psattr_repr(AdObject *o)
{
    AdObject *origin = ((ParamSpecAttrObject *)o)->origin;
    const char *suffix = Ad_IS_TYPE(o, &AdParamSpecArgs_Type) ? "args" : "kwargs";
    if (Ad_IS_TYPE(origin, &AdParamSpec_Type))
        return AdStr_FromFormat("%U.%s", ((TypeParamObject *)origin)->name, suffix);
    return AdStr_FromFormat("%R.%s", origin, suffix);
}

static AdObject *psattr_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!Ad_IS_TYPE(b, AD_TYPE(a)) || (op != AD_EQ && op != AD_NE))
        Ad_RETURN_NOTIMPLEMENTED;
    return AdObject_RichCompare(((ParamSpecAttrObject *)a)->origin, ((ParamSpecAttrObject *)b)->origin, op);
}

static AdMemberDef psattr_members[] = {
    {"__origin__", AD_T_OBJECT, offsetof(ParamSpecAttrObject, origin), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdMethodDef psattr_methods[] = {
    {"__mro_entries__", (void (*)(void))param_mro_entries, AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

#define PSATTR_TYPE(VAR, NAME)                                                  \
    AdTypeObject VAR = {                                                        \
        .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),                         \
        .tp_name = NAME,                                                        \
        .tp_basicsize = sizeof(ParamSpecAttrObject),                            \
        .tp_dealloc = psattr_dealloc,                                           \
        .tp_weaklistoffset = offsetof(ParamSpecAttrObject, weakreflist),        \
        .tp_repr = psattr_repr,                                                 \
        .tp_getattro = AdObject_GenericGetAttr,                                 \
        .tp_flags = AD_TPFLAGS_HAVE_GC,                                         \
        .tp_traverse = psattr_traverse,                                         \
        .tp_richcompare = psattr_richcompare,                                   \
        .tp_methods = psattr_methods,                                           \
        .tp_members = psattr_members,                                           \
        .tp_new = psattr_new,                                                   \
    }

PSATTR_TYPE(AdParamSpecArgs_Type, "typing.ParamSpecArgs");
PSATTR_TYPE(AdParamSpecKwargs_Type, "typing.ParamSpecKwargs");

/* ---- intrinsics ------------------------------------------------------------------------------ */

AdObject *AdTypeVar_Make(AdObject *name, AdObject *evaluate_bound, AdObject *evaluate_constraints)
{
    TypeParamObject *p = (TypeParamObject *)tp_alloc_param(&AdTypeVar_Type, name, 1);
    if (!p)
        return NULL;
    p->infer_variance = 1;
    p->evaluate_bound = evaluate_bound && evaluate_bound != Ad_None ? Ad_NewRef(evaluate_bound) : NULL;
    p->evaluate_constraints =
        evaluate_constraints && evaluate_constraints != Ad_None ? Ad_NewRef(evaluate_constraints) : NULL;
    return (AdObject *)p;
}

AdObject *AdParamSpec_Make(AdObject *name)
{
    TypeParamObject *p = (TypeParamObject *)tp_alloc_param(&AdParamSpec_Type, name, 1);
    if (p)
        p->infer_variance = 1;
    return (AdObject *)p;
}

AdObject *AdTypeVarTuple_Make(AdObject *name)
{
    return tp_alloc_param(&AdTypeVarTuple_Type, name, 1);
}

AdObject *AdTypeParam_SetDefault(AdObject *param, AdObject *evaluate_default)
{
    if (!Ad_IS_TYPE(param, &AdTypeVar_Type) && !Ad_IS_TYPE(param, &AdParamSpec_Type) &&
        !Ad_IS_TYPE(param, &AdTypeVarTuple_Type))
        return AdErr_Format(AdExc_TypeError, "Expected a type param, got %R", param);
    TypeParamObject *p = (TypeParamObject *)param;
    AD_CLEAR(p->default_value);
    Ad_XDECREF(p->evaluate_default);
    p->evaluate_default = Ad_NewRef(evaluate_default);
    return Ad_NewRef(param);
}

AdObject *AdGeneric_Subscript(AdObject *params)
{
    return Ad_GenericAlias((AdObject *)&AdGeneric_Type, params);
}

/* ---- TypeAliasType --------------------------------------------------------------------------- */

static AdObject *alias_make(AdObject *name, AdObject *type_params, AdObject *compute_value, AdObject *value)
{
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "TypeAliasType() argument 'name' must be str, not %s",
                            AdType_Name(AD_TYPE(name)));
    if (type_params && type_params != Ad_None && !AdTuple_Check(type_params))
        return AdErr_Format(AdExc_TypeError, "type_params must be a tuple");
    TypeAliasObject *a = (TypeAliasObject *)AdObject_GC_New(&AdTypeAlias_Type);
    if (!a)
        return NULL;
    a->name = Ad_NewRef(name);
    a->module = caller_module();
    a->type_params = type_params && type_params != Ad_None ? Ad_NewRef(type_params) : AdTuple_New(0);
    a->compute_value = compute_value ? Ad_NewRef(compute_value) : NULL;
    a->value = value ? Ad_NewRef(value) : NULL;
    AdObject_GC_Track((AdObject *)a);
    if (!a->type_params) {
        Ad_DECREF((AdObject *)a);
        return NULL;
    }
    return (AdObject *)a;
}

AdObject *AdTypeAlias_Make(AdObject *args)
{
    if (!AdTuple_Check(args) || AdTuple_GET_SIZE(args) != 3)
        return AdErr_Format(AdExc_SystemError, "bad arguments for the type statement");
    return alias_make(AdTuple_GET_ITEM(args, 0), AdTuple_GET_ITEM(args, 1), AdTuple_GET_ITEM(args, 2), NULL);
}

static AdObject *alias_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    static const char *const names[] = {"name", "value", "type_params"};
    AdObject *kw[3] = {NULL, NULL, NULL};
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n > 2)
        return AdErr_Format(AdExc_TypeError, "TypeAliasType() takes at most 2 positional arguments (%zd given)", n);
    if (take_kwargs("TypeAliasType", kwds, names, 3, kw) < 0)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (kw[i])
            return AdErr_Format(AdExc_TypeError, "argument for TypeAliasType() given by name ('%s') and position (%zd)",
                                names[i], i + 1);
        kw[i] = AdTuple_GET_ITEM(args, i);
    }
    if (!kw[0])
        return AdErr_Format(AdExc_TypeError, "TypeAliasType() missing required argument 'name' (pos 1)");
    if (!kw[1])
        return AdErr_Format(AdExc_TypeError, "TypeAliasType() missing required argument 'value' (pos 2)");
    return alias_make(kw[0], kw[2], NULL, kw[1]);
}

static void alias_dealloc(AdObject *o)
{
    TypeAliasObject *a = (TypeAliasObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(a->name);
    Ad_XDECREF(a->module);
    Ad_XDECREF(a->type_params);
    Ad_XDECREF(a->value);
    Ad_XDECREF(a->compute_value);
    AdObject_GC_Del(o);
}

static int alias_traverse(AdObject *o, visitproc visit, void *arg)
{
    TypeAliasObject *a = (TypeAliasObject *)o;
    AdObject *f[5] = {a->name, a->module, a->type_params, a->value, a->compute_value};
    for (int k = 0; k < 5; k++)
        if (f[k] && visit(f[k], arg))
            return 1;
    return 0;
}

static AdObject *alias_repr(AdObject *o) { return Ad_NewRef(((TypeAliasObject *)o)->name); }

static AdObject *alias_get_value(AdObject *o, void *c)
{
    (void)c;
    TypeAliasObject *a = (TypeAliasObject *)o;
    if (a->value)
        return Ad_NewRef(a->value);
    return call_evaluator(a->compute_value);
}

static AdObject *alias_get_name(AdObject *o, void *c)
{
    (void)c;
    return Ad_NewRef(((TypeAliasObject *)o)->name);
}

static AdObject *alias_get_params(AdObject *o, void *c)
{
    (void)c;
    return Ad_NewRef(((TypeAliasObject *)o)->type_params);
}

static AdObject *alias_get_module(AdObject *o, void *c)
{
    (void)c;
    AdObject *m = ((TypeAliasObject *)o)->module;
    return Ad_NewRef(m ? m : Ad_None);
}

static AdObject *alias_get_evaluate(AdObject *o, void *c)
{
    (void)c;
    AdObject *f = ((TypeAliasObject *)o)->compute_value;
    return Ad_NewRef(f ? f : Ad_None);
}

static AdObject *alias_getitem(AdObject *o, AdObject *item)
{
    TypeAliasObject *a = (TypeAliasObject *)o;
    if (AdTuple_GET_SIZE(a->type_params) == 0)
        return AdErr_Format(AdExc_TypeError, "Only generic type aliases are subscriptable");
    AdObject *args = AdTuple_Check(item) ? Ad_NewRef(item) : AdTuple_Pack(1, item);
    if (!args)
        return NULL;
    AdObject *r = Ad_GenericAlias(o, args);
    Ad_DECREF(args);
    return r;
}

static AdObject *alias_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(((TypeAliasObject *)o)->name);
}

static AdMethodDef alias_methods[] = {
    {"__reduce__", (void (*)(void))alias_reduce, AD_METH_NOARGS, NULL},
    {"__mro_entries__", (void (*)(void))param_mro_entries, AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef alias_getset[] = {
    {"__name__", alias_get_name, NULL, NULL, NULL},
    {"__qualname__", alias_get_name, NULL, NULL, NULL},
    {"__value__", alias_get_value, NULL, NULL, NULL},
    {"__type_params__", alias_get_params, NULL, NULL, NULL},
    {"__parameters__", alias_get_params, NULL, NULL, NULL},
    {"__module__", alias_get_module, NULL, NULL, NULL},
    {"evaluate_value", alias_get_evaluate, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMappingMethods alias_as_mapping = {
    .mp_subscript = alias_getitem,
};

AdTypeObject AdTypeAlias_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "typing.TypeAliasType",
    .tp_basicsize = sizeof(TypeAliasObject),
    .tp_dealloc = alias_dealloc,
    .tp_repr = alias_repr,
    .tp_as_number = &param_as_number,
    .tp_as_mapping = &alias_as_mapping,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Type alias.",
    .tp_traverse = alias_traverse,
    .tp_methods = alias_methods,
    .tp_getset = alias_getset,
    .tp_new = alias_new,
};

/* ---- Generic --------------------------------------------------------------------------------- */

static AdObject *generic_class_getitem(AdObject *cls, AdObject *item)
{
    AdObject *params = AdTuple_Check(item) ? Ad_NewRef(item) : AdTuple_Pack(1, item);
    if (!params)
        return NULL;
    if (cls == (AdObject *)&AdGeneric_Type) {
        if (AdTuple_GET_SIZE(params) == 0) {
            Ad_DECREF(params);
            return AdErr_Format(AdExc_TypeError, "Parameter list to Generic[...] cannot be empty");
        }
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(params); i++) {
            AdObject *p = AdTuple_GET_ITEM(params, i);
            if (!AdTypeVar_IsTypingObject(p) || Ad_IS_TYPE(p, &AdTypeAlias_Type)) {
                Ad_DECREF(params);
                return AdErr_Format(AdExc_TypeError, "Parameters to Generic[...] must all be type variables "
                                                     "or parameter specification variables.");
            }
        }
    }
    AdObject *r = Ad_GenericAlias(cls, params);
    Ad_DECREF(params);
    return r;
}

/* Sets cls.__parameters__ from the Generic[...] among its original bases,
 * else from the parameters of all of them. */
static AdObject *generic_init_subclass(AdObject *cls, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    AdObject *orig = NULL, *params = NULL;
    AdTypeObject *t = (AdTypeObject *)cls;
    if (t->tp_dict)
        orig = AdDict_GetItemString(t->tp_dict, "__orig_bases__");
    if (orig && AdTuple_Check(orig)) {
        for (Ad_ssize_t i = 0; !params && i < AdTuple_GET_SIZE(orig); i++) {
            AdObject *b = AdTuple_GET_ITEM(orig, i);
            if (Ad_IS_TYPE(b, &AdGenericAlias_Type)) {
                AdObject *o = AdObject_GetAttrString(b, "__origin__");
                if (!o)
                    return NULL;
                if (o == (AdObject *)&AdGeneric_Type)
                    params = AdObject_GetAttrString(b, "__parameters__");
                Ad_DECREF(o);
                if (!params && AdErr_Occurred())
                    return NULL;
            }
        }
    }
    if (!params)
        params = AdTuple_New(0);
    if (!params)
        return NULL;
    AdObject *key = AdStr_InternFromString("__parameters__");
    int rc = key ? AdObject_SetAttr(cls, key, params) : -1;
    Ad_XDECREF(key);
    Ad_DECREF(params);
    return rc < 0 ? NULL : Ad_NewRef(Ad_None);
}

static AdMethodDef generic_methods[] = {
    {"__class_getitem__", (void (*)(void))generic_class_getitem, AD_METH_O | AD_METH_CLASS, NULL},
    {"__init_subclass__", (void (*)(void))generic_init_subclass, AD_METH_VARARGS | AD_METH_KEYWORDS | AD_METH_CLASS,
     NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdGeneric_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "typing.Generic",
    .tp_basicsize = sizeof(AdObject),
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_doc = "Abstract base class for generic types.",
    .tp_methods = generic_methods,
};
