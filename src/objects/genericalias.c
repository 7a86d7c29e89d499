/* genericalias.c: types.GenericAlias, what list[int] and friends are:
 * origin and args, __parameters__ collected from the arguments (anything
 * with __typing_subst__, and nested aliases' parameters), substitution by
 * subscription, repr, equality and hashing, calling the origin (setting
 * __orig_class__), __mro_entries__, and attribute delegation. */
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"
#include "objects/union.h"
#include "memory/gc.h"

#include <stddef.h>
#include <string.h>

typedef struct {
    AdObject_HEAD;
    AdObject *origin;
    AdObject *args;             /* tuple */
    AdObject *parameters;       /* tuple, computed when first asked */
    int starred;
    AdObject *weakreflist;      /* objects/weakref.h */
} GenericAliasObject;

AdTypeObject AdGenericAlias_Type;

static AdObject *ga_new_of(AdObject *origin, AdObject *args)
{
    AdObject *targs = AdTuple_Check(args) ? Ad_NewRef(args) : AdTuple_Pack(1, args);
    if (!targs)
        return NULL;
    GenericAliasObject *ga = (GenericAliasObject *)AdObject_GC_New(&AdGenericAlias_Type);
    if (!ga) {
        Ad_DECREF(targs);
        return NULL;
    }
    ga->origin = Ad_NewRef(origin);
    ga->args = targs;
    ga->parameters = NULL;
    ga->starred = 0;
    ga->weakreflist = NULL;
    AdObject_GC_Track((AdObject *)ga);
    return (AdObject *)ga;
}

AdObject *Ad_GenericAlias(AdObject *origin, AdObject *args) { return ga_new_of(origin, args); }

static void ga_dealloc(AdObject *o)
{
    GenericAliasObject *ga = (GenericAliasObject *)o;
    AdObject_GC_UnTrack(o);
    if (ga->weakreflist)
        AdObject_ClearWeakRefs(o);
    Ad_XDECREF(ga->origin);
    Ad_XDECREF(ga->args);
    Ad_XDECREF(ga->parameters);
    AdObject_GC_Del(o);
}

static int ga_traverse(AdObject *o, visitproc visit, void *arg)
{
    GenericAliasObject *ga = (GenericAliasObject *)o;
    AdObject *f[] = {ga->origin, ga->args, ga->parameters};
    for (int i = 0; i < 3; i++)
        if (f[i]) {
            int rc = visit(f[i], arg);
            if (rc)
                return rc;
        }
    return 0;
}

/* repr of one argument: types as module.qualname (builtins bare), ... as
 * "...", lists as [a, b], anything else by repr. */
static int repr_item(AdStrWriter *w, AdObject *p)
{
    if (p == Ad_Ellipsis)
        return AdStrWriter_WriteASCII(w, "...", 3);
    if (AdList_Check(p)) {
        if (AdStrWriter_WriteChar(w, '[') < 0)
            return -1;
        for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(p); i++) {
            if ((i && AdStrWriter_WriteASCII(w, ", ", 2) < 0) || repr_item(w, AdList_GET_ITEM(p, i)) < 0)
                return -1;
        }
        return AdStrWriter_WriteChar(w, ']');
    }
    AdObject *r = NULL;
    if (AdType_Check(p) && !Ad_IS_TYPE(p, &AdGenericAlias_Type)) {
        AdObject *qual = AdObject_GetAttrString(p, "__qualname__");
        AdObject *mod = qual ? AdObject_GetAttrString(p, "__module__") : NULL;
        if (qual && mod && AdStr_Check(mod) && AdStr_EqualToASCII(mod, "builtins"))
            r = Ad_NewRef(qual);
        else if (qual && mod && AdStr_Check(mod))
            r = AdStr_FromFormat("%U.%U", mod, qual);
        Ad_XDECREF(qual);
        Ad_XDECREF(mod);
        if (!r)
            AdErr_Clear();
    }
    if (!r)
        r = AdObject_Repr(p);
    if (!r)
        return -1;
    int rc = AdStrWriter_WriteStr(w, r);
    Ad_DECREF(r);
    return rc;
}

static AdObject *ga_repr(AdObject *o)
{
    GenericAliasObject *ga = (GenericAliasObject *)o;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if ((ga->starred && AdStrWriter_WriteChar(&w, '*') < 0) || repr_item(&w, ga->origin) < 0 ||
        AdStrWriter_WriteChar(&w, '[') < 0)
        goto fail;
    Ad_ssize_t n = AdTuple_GET_SIZE(ga->args);
    if (n == 0 && AdStrWriter_WriteASCII(&w, "()", 2) < 0)
        goto fail;
    for (Ad_ssize_t i = 0; i < n; i++)
        if ((i && AdStrWriter_WriteASCII(&w, ", ", 2) < 0) || repr_item(&w, AdTuple_GET_ITEM(ga->args, i)) < 0)
            goto fail;
    if (AdStrWriter_WriteChar(&w, ']') < 0)
        goto fail;
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

static int is_typevar_like(AdObject *o)
{
    if (AdType_Check(o))
        return 0;
    AdObject *attr;
    AdObject *name = AdStr_InternFromString("__typing_subst__");
    int rc = name ? AdObject_GetOptionalAttr(o, name, &attr) : -1;
    Ad_XDECREF(name);
    if (rc > 0)
        Ad_DECREF(attr);
    return rc;
}

static int add_unique(AdObject *list, AdObject *o)
{
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(list); i++)
        if (AdList_GET_ITEM(list, i) == o)
            return 0;
    return AdList_Append(list, o);
}

static AdObject *collect_parameters(AdObject *args)
{
    AdObject *params = AdList_New(0);
    if (!params)
        return NULL;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        AdObject *a = AdTuple_GET_ITEM(args, i);
        int tv = is_typevar_like(a);
        if (tv < 0)
            goto fail;
        if (tv) {
            if (add_unique(params, a) < 0)
                goto fail;
            continue;
        }
        if (AdType_Check(a))
            continue;
        AdObject *sub;
        AdObject *name = AdStr_InternFromString("__parameters__");
        int rc = name ? AdObject_GetOptionalAttr(a, name, &sub) : -1;
        Ad_XDECREF(name);
        if (rc < 0)
            goto fail;
        if (rc > 0) {
            if (AdTuple_Check(sub))
                for (Ad_ssize_t j = 0; j < AdTuple_GET_SIZE(sub); j++)
                    if (add_unique(params, AdTuple_GET_ITEM(sub, j)) < 0) {
                        Ad_DECREF(sub);
                        goto fail;
                    }
            Ad_DECREF(sub);
        }
    }
    AdObject *t = AdList_AsTuple(params);
    Ad_DECREF(params);
    return t;
fail:
    Ad_DECREF(params);
    return NULL;
}

static AdObject *ga_parameters(AdObject *o, void *c)
{
    (void)c;
    GenericAliasObject *ga = (GenericAliasObject *)o;
    if (!ga->parameters && !(ga->parameters = collect_parameters(ga->args)))
        return NULL;
    return Ad_NewRef(ga->parameters);
}

/* alias[args]: substitute the parameters by the arguments, in order. */
static AdObject *ga_getitem(AdObject *o, AdObject *item)
{
    GenericAliasObject *ga = (GenericAliasObject *)o;
    AdObject *params = ga_parameters(o, NULL);
    if (!params)
        return NULL;
    Ad_ssize_t np = AdTuple_GET_SIZE(params);
    if (np == 0) {
        Ad_DECREF(params);
        return AdErr_Format(AdExc_TypeError, "%R is not a generic class", o);
    }
    AdObject *items = AdTuple_Check(item) ? Ad_NewRef(item) : AdTuple_Pack(1, item);
    if (!items) {
        Ad_DECREF(params);
        return NULL;
    }
    Ad_ssize_t ni = AdTuple_GET_SIZE(items);
    if (ni != np) {
        AdErr_Format(AdExc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                     ni > np ? "many" : "few", o, ni, np);
        Ad_DECREF(items);
        Ad_DECREF(params);
        return NULL;
    }
    Ad_ssize_t na = AdTuple_GET_SIZE(ga->args);
    AdObject *newargs = AdTuple_New(na);
    for (Ad_ssize_t i = 0; newargs && i < na; i++) {
        AdObject *a = AdTuple_GET_ITEM(ga->args, i), *sub = NULL;
        for (Ad_ssize_t k = 0; k < np; k++)
            if (AdTuple_GET_ITEM(params, k) == a)
                sub = Ad_NewRef(AdTuple_GET_ITEM(items, k));
        if (!sub && Ad_IS_TYPE(a, &AdGenericAlias_Type)) {
            /* A nested alias substitutes its own parameters. */
            AdObject *inner = ga_parameters(a, NULL);
            if (inner && AdTuple_GET_SIZE(inner)) {
                AdObject *vals = AdTuple_New(AdTuple_GET_SIZE(inner));
                for (Ad_ssize_t j = 0; vals && j < AdTuple_GET_SIZE(inner); j++) {
                    AdObject *v = AdTuple_GET_ITEM(inner, j);
                    for (Ad_ssize_t k = 0; k < np; k++)
                        if (AdTuple_GET_ITEM(params, k) == v)
                            v = AdTuple_GET_ITEM(items, k);
                    AdTuple_SET_ITEM(vals, j, Ad_NewRef(v));
                }
                sub = vals ? ga_getitem(a, vals) : NULL;
                Ad_XDECREF(vals);
            }
            else if (inner)
                sub = Ad_NewRef(a);
            Ad_XDECREF(inner);
            if (!sub) {
                AD_CLEAR(newargs);
                break;
            }
        }
        AdTuple_SET_ITEM(newargs, i, sub ? sub : Ad_NewRef(a));
    }
    Ad_DECREF(items);
    Ad_DECREF(params);
    if (!newargs)
        return NULL;
    AdObject *r = ga_new_of(ga->origin, newargs);
    Ad_DECREF(newargs);
    return r;
}

static AdObject *ga_richcompare(AdObject *a, AdObject *b, int op)
{
    if ((op != AD_EQ && op != AD_NE) || !Ad_IS_TYPE(a, &AdGenericAlias_Type) || !Ad_IS_TYPE(b, &AdGenericAlias_Type))
        return Ad_NotImplemented;
    GenericAliasObject *x = (GenericAliasObject *)a, *y = (GenericAliasObject *)b;
    if (x->starred != y->starred)
        return AdBool_FromLong(op == AD_NE);
    int eq = AdObject_RichCompareBool(x->origin, y->origin, AD_EQ);
    if (eq < 0)
        return NULL;
    if (eq) {
        eq = AdObject_RichCompareBool(x->args, y->args, AD_EQ);
        if (eq < 0)
            return NULL;
    }
    return AdBool_FromLong(op == AD_EQ ? eq : !eq);
}

static Ad_hash_t ga_hash(AdObject *o)
{
    GenericAliasObject *ga = (GenericAliasObject *)o;
    Ad_hash_t h0 = AdObject_Hash(ga->origin);
    if (h0 == -1)
        return -1;
    Ad_hash_t h1 = AdObject_Hash(ga->args);
    if (h1 == -1)
        return -1;
    Ad_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static AdObject *ga_call(AdObject *o, AdObject *args, AdObject *kwds)
{
    GenericAliasObject *ga = (GenericAliasObject *)o;
    AdObject *obj = AdObject_Call(ga->origin, args, kwds);
    if (!obj)
        return NULL;
    AdObject *name = AdStr_InternFromString("__orig_class__");
    if (name && AdObject_SetAttr(obj, name, o) < 0) {
        if (!AdErr_ExceptionMatches(AdExc_AttributeError) && !AdErr_ExceptionMatches(AdExc_TypeError)) {
            Ad_DECREF(name);
            Ad_DECREF(obj);
            return NULL;
        }
        AdErr_Clear();
    }
    Ad_XDECREF(name);
    return obj;
}

static const char *const attr_exceptions[] = {
    "__class__", "__bases__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL};

static AdObject *ga_getattro(AdObject *o, AdObject *name)
{
    for (int i = 0; attr_exceptions[i]; i++)
        if (AdStr_EqualToASCII(name, attr_exceptions[i]))
            return AdObject_GenericGetAttr(o, name);
    if (AdStr_LENGTH(name) >= 4 && AdStr_READ_CHAR(name, 0) == '_' && AdStr_READ_CHAR(name, 1) == '_' &&
        AdStr_READ_CHAR(name, AdStr_LENGTH(name) - 1) == '_' && AdStr_READ_CHAR(name, AdStr_LENGTH(name) - 2) == '_')
        return AdObject_GenericGetAttr(o, name);
    return AdObject_GetAttr(((GenericAliasObject *)o)->origin, name);
}

static AdObject *ga_mro_entries(AdObject *o, AdObject *bases)
{
    (void)bases;
    return AdTuple_Pack(1, ((GenericAliasObject *)o)->origin);
}

static AdObject *ga_instancecheck(AdObject *o, AdObject *x)
{
    (void)o;
    (void)x;
    return AdErr_Format(AdExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static AdObject *ga_subclasscheck(AdObject *o, AdObject *x)
{
    (void)o;
    (void)x;
    return AdErr_Format(AdExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static AdObject *ga_reduce(AdObject *o, AdObject *unused)
{
    (void)unused;
    GenericAliasObject *ga = (GenericAliasObject *)o;
    return AdTuple_Pack(2, (AdObject *)AD_TYPE(o), AdTuple_Pack(2, ga->origin, ga->args));
}

static AdObject *ga_dir(AdObject *o, AdObject *unused)
{
    (void)unused;
    AdObject *name = AdStr_InternFromString("__dir__");
    AdObject *r = name ? AdObject_CallMethod(((GenericAliasObject *)o)->origin, name, NULL, 0) : NULL;
    Ad_XDECREF(name);
    return r;
}

static AdObject *ga_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    if (kwds && AdDict_GET_SIZE(kwds))
        return AdErr_Format(AdExc_TypeError, "GenericAlias() takes no keyword arguments");
    if (AdTuple_GET_SIZE(args) != 2)
        return AdErr_Format(AdExc_TypeError, "GenericAlias expected 2 arguments, got %zd", AdTuple_GET_SIZE(args));
    return ga_new_of(AdTuple_GET_ITEM(args, 0), AdTuple_GET_ITEM(args, 1));
}

static AdObject *ga_get_unpacked(AdObject *o, void *c)
{
    (void)c;
    return AdBool_FromLong(((GenericAliasObject *)o)->starred);
}

static AdMethodDef ga_methods[] = {
    {"__mro_entries__", (void (*)(void))ga_mro_entries, AD_METH_O, NULL},
    {"__instancecheck__", (void (*)(void))ga_instancecheck, AD_METH_O, NULL},
    {"__subclasscheck__", (void (*)(void))ga_subclasscheck, AD_METH_O, NULL},
    {"__reduce__", (void (*)(void))ga_reduce, AD_METH_NOARGS, NULL},
    {"__dir__", (void (*)(void))ga_dir, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef ga_members[] = {
    {"__origin__", AD_T_OBJECT, offsetof(GenericAliasObject, origin), AD_READONLY, NULL},
    {"__args__", AD_T_OBJECT, offsetof(GenericAliasObject, args), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdGetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {"__unpacked__", ga_get_unpacked, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMappingMethods ga_as_mapping = {.mp_subscript = ga_getitem};

/* list[int] | None makes a typing.Union. */
static AdNumberMethods ga_as_number = {
    .nb_or = AdUnion_Or,
};

AdTypeObject AdGenericAlias_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(GenericAliasObject),
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "GenericAlias(origin, args, /)\n--\n\nRepresent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    .tp_traverse = ga_traverse,
    .tp_richcompare = ga_richcompare,
    .tp_weaklistoffset = offsetof(GenericAliasObject, weakreflist),
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
    .tp_new = ga_new,
    .tp_free = AdObject_GC_Del,
};
