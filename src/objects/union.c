/* union.c: typing.Union, what `int | str` makes (PEP 604; in 3.14 the same
 * type as typing.Union[...]): the | operator of types, aliases and unions
 * (flattening nested unions, dropping repeated members, None standing for
 * NoneType), __args__, repr as "int | str | None", order-independent
 * equality and hashing, and isinstance()/issubclass() over the members. */
#include "objects/union.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"
#include "memory/gc.h"
#include "objects/typevarobject.h"
#include "import/import.h"

#include <stddef.h>

typedef struct {
    AdObject_HEAD;
    AdObject *args;             /* tuple of the members, NoneType for None */
    AdObject *weakreflist;      /* objects/weakref.h */
} UnionObject;

/* Whether o may be a member of a union made with |. */
static int union_member_ok(AdObject *o)
{
    return o == Ad_None || AdType_Check(o) || Ad_IS_TYPE(o, &AdGenericAlias_Type) || Ad_IS_TYPE(o, &AdUnion_Type) ||
           AdTypeVar_IsTypingObject(o);
}

/* Appends o (or the members of o when it is a union) to items unless
 * already there. 0, or -1 with an exception. */
static int union_add(AdObject *items, AdObject *o)
{
    if (Ad_IS_TYPE(o, &AdUnion_Type)) {
        AdObject *args = ((UnionObject *)o)->args;
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++)
            if (union_add(items, AdTuple_GET_ITEM(args, i)) < 0)
                return -1;
        return 0;
    }
    if (o == Ad_None)
        o = (AdObject *)AD_TYPE(Ad_None);
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(items); i++) {
        AdObject *have = AdList_GET_ITEM(items, i);
        if (have == o)
            return 0;
        if (!AdType_Check(have) || !AdType_Check(o)) {
            int eq = AdObject_RichCompareBool(have, o, AD_EQ);
            if (eq < 0)
                return -1;
            if (eq)
                return 0;
        }
    }
    return AdList_Append(items, o);
}

/* The union of the members in items (consumed): the only member when one
 * is left, else a new union. New ref or NULL. */
static AdObject *union_from_items(AdObject *items);

AdObject *AdUnion_Or(AdObject *a, AdObject *b)
{
    if (!union_member_ok(a) || !union_member_ok(b))
        return Ad_NotImplemented;
    AdObject *items = AdList_New(0);
    if (!items)
        return NULL;
    if (union_add(items, a) < 0 || union_add(items, b) < 0) {
        Ad_DECREF(items);
        return NULL;
    }
    return union_from_items(items);
}

static AdObject *union_from_items(AdObject *items)
{
    if (AdList_GET_SIZE(items) == 1) {
        AdObject *only = Ad_NewRef(AdList_GET_ITEM(items, 0));
        Ad_DECREF(items);
        return only;
    }
    AdObject *args = AdList_AsTuple(items);
    Ad_DECREF(items);
    if (!args)
        return NULL;
    UnionObject *u = (UnionObject *)AdObject_GC_New(&AdUnion_Type);
    if (!u) {
        Ad_DECREF(args);
        return NULL;
    }
    u->args = args;
    u->weakreflist = NULL;
    AdObject_GC_Track((AdObject *)u);
    return (AdObject *)u;
}

static void union_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    if (((UnionObject *)o)->weakreflist)
        AdObject_ClearWeakRefs(o);
    Ad_XDECREF(((UnionObject *)o)->args);
    AD_TYPE(o)->tp_free(o);
}

static int union_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdObject *args = ((UnionObject *)o)->args;
    return args ? visit(args, arg) : 0;
}

/* One member as the repr shows it: None, builtins' qualname, module.qualname, else repr(). */
static AdObject *union_member_repr(AdObject *o)
{
    if (o == (AdObject *)AD_TYPE(Ad_None))
        return AdStr_FromString("None");
    if (!AdType_Check(o))
        return AdObject_Repr(o);
    AdObject *qual = AdObject_GetAttrString(o, "__qualname__");
    if (!qual)
        return NULL;
    AdObject *mod = AdObject_GetAttrString(o, "__module__");
    if (!mod) {
        Ad_DECREF(qual);
        return NULL;
    }
    AdObject *r;
    if (AdStr_Check(mod) && !AdStr_EqualToASCII(mod, "builtins"))
        r = AdStr_FromFormat("%U.%U", mod, qual);
    else
        r = Ad_NewRef(qual);
    Ad_DECREF(mod);
    Ad_DECREF(qual);
    return r;
}

static AdObject *union_repr(AdObject *o)
{
    AdObject *args = ((UnionObject *)o)->args;
    AdObject *parts = AdList_New(0);
    if (!parts)
        return NULL;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        AdObject *s = union_member_repr(AdTuple_GET_ITEM(args, i));
        if (!s || AdList_Append(parts, s) < 0) {
            Ad_XDECREF(s);
            Ad_DECREF(parts);
            return NULL;
        }
        Ad_DECREF(s);
    }
    AdObject *sep = AdStr_FromString(" | ");
    AdObject *r = sep ? AdStr_Join(sep, parts) : NULL;
    Ad_XDECREF(sep);
    Ad_DECREF(parts);
    return r;
}

/* Whether every member of a is a member of b: 1, 0, or -1. */
static int union_members_within(AdObject *a, AdObject *b)
{
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(a); i++) {
        int found = 0;
        for (Ad_ssize_t j = 0; j < AdTuple_GET_SIZE(b) && !found; j++) {
            found = AdObject_RichCompareBool(AdTuple_GET_ITEM(a, i), AdTuple_GET_ITEM(b, j), AD_EQ);
            if (found < 0)
                return -1;
        }
        if (!found)
            return 0;
    }
    return 1;
}

static AdObject *union_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!Ad_IS_TYPE(b, &AdUnion_Type) || (op != AD_EQ && op != AD_NE))
        return Ad_NotImplemented;
    AdObject *x = ((UnionObject *)a)->args, *y = ((UnionObject *)b)->args;
    int eq = union_members_within(x, y);
    if (eq > 0)
        eq = union_members_within(y, x);
    if (eq < 0)
        return NULL;
    return AdBool_FromLong(op == AD_EQ ? eq : !eq);
}

static Ad_hash_t union_hash(AdObject *o)
{
    AdObject *args = ((UnionObject *)o)->args;
    uint64_t acc = 0x2f1d3c5b;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        Ad_hash_t h = AdObject_Hash(AdTuple_GET_ITEM(args, i));
        if (h == -1)
            return -1;
        acc ^= ((uint64_t)h ^ 89869747UL ^ ((uint64_t)h << 16)) * 3644798167UL;   /* order-independent */
    }
    Ad_hash_t r = (Ad_hash_t)acc;
    return r == -1 ? -2 : r;
}

/* isinstance(x, A | B) and issubclass(C, A | B): any member matches. */
static AdObject *union_check(AdObject *self, AdObject *x, int subclass)
{
    AdObject *args = ((UnionObject *)self)->args;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        AdObject *m = AdTuple_GET_ITEM(args, i);
        if (Ad_IS_TYPE(m, &AdGenericAlias_Type))
            return AdErr_Format(AdExc_TypeError, "%s() argument 2 cannot be a parameterized generic",
                                subclass ? "issubclass" : "isinstance");
    }
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        AdObject *m = AdTuple_GET_ITEM(args, i);
        int r = subclass ? AdObject_IsSubclass(x, m) : AdObject_IsInstance(x, m);
        if (r < 0)
            return NULL;
        if (r)
            return Ad_NewRef(Ad_True);
    }
    return Ad_NewRef(Ad_False);
}

static AdObject *union_instancecheck(AdObject *self, AdObject *x) { return union_check(self, x, 0); }
static AdObject *union_subclasscheck(AdObject *self, AdObject *x) { return union_check(self, x, 1); }

static AdObject *union_get_args(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(((UnionObject *)self)->args);
}

/* Union[X, Y, ...]: the union of the members (strings become forward
 * references through typing, as annotations do). */
static AdObject *union_class_getitem(AdObject *cls, AdObject *args)
{
    (void)cls;
    Ad_ssize_t n = AdTuple_Check(args) ? AdTuple_GET_SIZE(args) : 1;
    if (n == 0) {
        AdErr_SetString(AdExc_TypeError, "Cannot take a Union of no types.");
        return NULL;
    }
    AdObject *items = AdList_New(0);
    if (!items)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *arg = AdTuple_Check(args) ? AdTuple_GET_ITEM(args, i) : args;
        AdObject *conv = NULL;
        if (AdStr_Check(arg)) {
            AdObject *typing = AdImport_ImportModule("typing");
            AdObject *fn = typing ? AdObject_GetAttrString(typing, "_type_convert") : NULL;
            Ad_XDECREF(typing);
            conv = fn ? AdObject_CallOneArg(fn, arg) : NULL;
            Ad_XDECREF(fn);
            if (!conv) {
                Ad_DECREF(items);
                return NULL;
            }
            arg = conv;
        }
        int r = union_add(items, arg);
        Ad_XDECREF(conv);
        if (r < 0) {
            Ad_DECREF(items);
            return NULL;
        }
    }
    return union_from_items(items);
}

static AdMethodDef union_methods[] = {
    {"__class_getitem__", (void (*)(void))union_class_getitem, AD_METH_O | AD_METH_CLASS, NULL},
    {"__instancecheck__", (void (*)(void))union_instancecheck, AD_METH_O, NULL},
    {"__subclasscheck__", (void (*)(void))union_subclasscheck, AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef union_getset[] = {
    {"__args__", union_get_args, NULL, "The members of the union.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdNumberMethods union_as_number = {
    .nb_or = AdUnion_Or,
};

AdTypeObject AdUnion_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "typing.Union",
    .tp_basicsize = sizeof(UnionObject),
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_hash = union_hash,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Represent a union type\n\nE.g. for int | str",
    .tp_traverse = union_traverse,
    .tp_richcompare = union_richcompare,
    .tp_weaklistoffset = offsetof(UnionObject, weakreflist),
    .tp_methods = union_methods,
    .tp_getset = union_getset,
    .tp_free = AdObject_GC_Del,
};
