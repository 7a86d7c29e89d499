/* method.c: the bound method type (method.h): vectorcall with the bound
 * instance prepended (using the spare slot before the arguments when the
 * caller allows it), attribute delegation to the function, equality by
 * identity of function and instance, repr, hash. */
#include "objects/weakref.h"
#include "objects/method.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/alloc.h"
#include "memory/gc.h"

#include <stddef.h>
#include <string.h>

static AdObject *method_vectorcall(AdObject *callable, AdObject *const *args, size_t nargsf,
                                   AdObject *kwnames)
{
    AdMethodObject *m = (AdMethodObject *)callable;
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    Ad_ssize_t total = nargs + (kwnames ? AdTuple_GET_SIZE(kwnames) : 0);
    if (nargsf & AD_VECTORCALL_ARGUMENTS_OFFSET) {
        /* The caller lent us args[-1]. */
        AdObject **newargs = (AdObject **)args - 1;
        AdObject *saved = newargs[0];
        newargs[0] = m->im_self;
        AdObject *r = AdObject_Vectorcall(m->im_func, newargs, (size_t)nargs + 1, kwnames);
        newargs[0] = saved;
        return r;
    }
    AdObject *small[8];
    AdObject **stack = total + 1 <= 8 ? small : AdMem_Malloc((size_t)(total + 1) * sizeof(AdObject *));
    if (!stack) {
        AdErr_NoMemory();
        return NULL;
    }
    stack[0] = m->im_self;
    if (total)
        memcpy(stack + 1, args, (size_t)total * sizeof(AdObject *));
    AdObject *r = AdObject_Vectorcall(m->im_func, stack, (size_t)nargs + 1, kwnames);
    if (stack != small)
        AdMem_Free(stack);
    return r;
}

AdObject *AdMethod_New(AdObject *func, AdObject *self)
{
    if (!self) {
        AdErr_BadInternalCall();
        return NULL;
    }
    AdMethodObject *m = (AdMethodObject *)AdObject_GC_New(&AdMethod_Type);
    if (!m)
        return NULL;
    m->im_func = Ad_NewRef(func);
    m->im_self = Ad_NewRef(self);
    m->vectorcall = method_vectorcall;
    m->im_weakreflist = NULL;
    AdObject_GC_Track((AdObject *)m);
    return (AdObject *)m;
}

static AdObject *method_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    if (kwds && AdDict_GET_SIZE(kwds))
        return AdErr_Format(AdExc_TypeError, "method() takes no keyword arguments");
    if (AdTuple_GET_SIZE(args) != 2)
        return AdErr_Format(AdExc_TypeError, "method expected 2 arguments, got %zd", AdTuple_GET_SIZE(args));
    AdObject *func = AdTuple_GET_ITEM(args, 0), *self = AdTuple_GET_ITEM(args, 1);
    if (!AD_TYPE(func)->tp_call && !AdType_HasFeature(AD_TYPE(func), AD_TPFLAGS_HAVE_VECTORCALL))
        return AdErr_Format(AdExc_TypeError, "first argument must be callable");
    if (self == Ad_None)
        return AdErr_Format(AdExc_TypeError, "instance must not be None");
    return AdMethod_New(func, self);
}

static void method_dealloc(AdObject *o)
{
    AdMethodObject *m = (AdMethodObject *)o;
    AdObject_GC_UnTrack(o);
    if (m->im_weakreflist)
        AdObject_ClearWeakRefs(o);
    Ad_DECREF(m->im_func);
    Ad_DECREF(m->im_self);
    AdObject_GC_Del(o);
}

static int method_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdMethodObject *m = (AdMethodObject *)o;
    int rc = visit(m->im_func, arg);
    return rc ? rc : visit(m->im_self, arg);
}

static AdObject *method_call(AdObject *self, AdObject *args, AdObject *kwds)
{
    AdMethodObject *m = (AdMethodObject *)self;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AdObject *full = AdTuple_New(n + 1);
    if (!full)
        return NULL;
    AdTuple_SET_ITEM(full, 0, Ad_NewRef(m->im_self));
    for (Ad_ssize_t i = 0; i < n; i++)
        AdTuple_SET_ITEM(full, i + 1, Ad_NewRef(AdTuple_GET_ITEM(args, i)));
    AdObject *r = AdObject_Call(m->im_func, full, kwds);
    Ad_DECREF(full);
    return r;
}

static AdObject *method_repr(AdObject *self)
{
    AdMethodObject *m = (AdMethodObject *)self;
    AdObject *name = AdObject_GetAttrString(m->im_func, "__qualname__");
    if (!name) {
        if (!AdErr_ExceptionMatches(AdExc_AttributeError))
            return NULL;
        AdErr_Clear();
        name = AdObject_GetAttrString(m->im_func, "__name__");
        if (!name) {
            if (!AdErr_ExceptionMatches(AdExc_AttributeError))
                return NULL;
            AdErr_Clear();
        }
    }
    AdObject *r;
    if (name && AdStr_Check(name))
        r = AdStr_FromFormat("<bound method %U of %R>", name, m->im_self);
    else
        r = AdStr_FromFormat("<bound method ? of %R>", m->im_self);
    Ad_XDECREF(name);
    return r;
}

static AdObject *method_richcompare(AdObject *a, AdObject *b, int op)
{
    if ((op != AD_EQ && op != AD_NE) || !AdMethod_Check(a) || !AdMethod_Check(b))
        return Ad_NotImplemented;
    AdMethodObject *x = (AdMethodObject *)a, *y = (AdMethodObject *)b;
    int eq = AdObject_RichCompareBool(x->im_func, y->im_func, AD_EQ);
    if (eq < 0)
        return NULL;
    eq = eq && x->im_self == y->im_self;
    return AdBool_FromLong(op == AD_EQ ? eq : !eq);
}

static Ad_hash_t method_hash(AdObject *self)
{
    AdMethodObject *m = (AdMethodObject *)self;
    Ad_hash_t h = AdObject_Hash(m->im_func);
    if (h == -1)
        return -1;
    uintptr_t p = (uintptr_t)m->im_self;
    Ad_hash_t y = (Ad_hash_t)((p >> 4) | (p << (8 * sizeof(void *) - 4)));
    h ^= y;
    return h == -1 ? -2 : h;
}

/* Unknown attributes are looked up on the function. */
static AdObject *method_getattro(AdObject *self, AdObject *name)
{
    AdObject *descr = AdType_Lookup(AD_TYPE(self), name);
    if (descr) {
        descrgetfunc get = AD_TYPE(descr)->tp_descr_get;
        return get ? get(descr, self, (AdObject *)AD_TYPE(self)) : Ad_NewRef(descr);
    }
    return AdObject_GetAttr(((AdMethodObject *)self)->im_func, name);
}

static AdObject *method_get_doc(AdObject *self, void *c)
{
    (void)c;
    return AdObject_GetAttrString(((AdMethodObject *)self)->im_func, "__doc__");
}

static AdMemberDef method_members[] = {
    {"__func__", AD_T_OBJECT, offsetof(AdMethodObject, im_func), AD_READONLY, "the function (or other callable) implementing a method"},
    {"__self__", AD_T_OBJECT, offsetof(AdMethodObject, im_self), AD_READONLY, "the instance to which a method is bound"},
    {NULL, 0, 0, 0, NULL},
};

static AdGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdMethod_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "method",
    .tp_basicsize = sizeof(AdMethodObject),
    .tp_dealloc = method_dealloc,
    .tp_vectorcall_offset = offsetof(AdMethodObject, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = method_call,
    .tp_getattro = method_getattro,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a bound instance method object.",
    .tp_traverse = method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(AdMethodObject, im_weakreflist),
    .tp_members = method_members,
    .tp_getset = method_getset,
    .tp_new = method_new,
    .tp_free = AdObject_GC_Del,
};
