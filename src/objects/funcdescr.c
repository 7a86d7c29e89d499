/* funcdescr.c: staticmethod, classmethod and property, the descriptor
 * types that wrap callables (funcobject-independent: they work on any
 * callable). Also the ad_function_type hook (typeobject.h). */
#include "objects/typeobject.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "memory/gc.h"

#include <stddef.h>

AdTypeObject *ad_function_type;

typedef struct {
    AdObject_HEAD;
    AdObject *callable;
    AdObject *dict;
} WrapperObject;            /* staticmethod and classmethod */

static AdObject *wrapper_new_of(AdTypeObject *type, AdObject *callable)
{
    WrapperObject *w = (WrapperObject *)type->tp_alloc(type, 0);
    if (!w)
        return NULL;
    w->callable = Ad_NewRef(callable);
    return (AdObject *)w;
}

AdObject *AdStaticMethod_New(AdObject *callable) { return wrapper_new_of(&AdStaticMethod_Type, callable); }
AdObject *AdClassMethod_New(AdObject *callable) { return wrapper_new_of(&AdClassMethod_Type, callable); }

static void wrapper_dealloc(AdObject *o)
{
    WrapperObject *w = (WrapperObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(w->callable);
    Ad_XDECREF(w->dict);
    AD_TYPE(o)->tp_free(o);
}

static int wrapper_traverse(AdObject *o, visitproc visit, void *arg)
{
    WrapperObject *w = (WrapperObject *)o;
    if (w->callable) {
        int rc = visit(w->callable, arg);
        if (rc)
            return rc;
    }
    return w->dict ? visit(w->dict, arg) : 0;
}

static int wrapper_clear(AdObject *o)
{
    WrapperObject *w = (WrapperObject *)o;
    AD_CLEAR(w->callable);
    AD_CLEAR(w->dict);
    return 0;
}

/* Copies __module__, __name__, __qualname__, __doc__ (and, in 3.14,
 * __annotations__ lazily) from the callable, as functools.wraps would. */
static int copy_attrs(AdObject *self, AdObject *callable)
{
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        AdObject *v = AdObject_GetAttrString(callable, names[i]);
        if (!v) {
            if (!AdErr_ExceptionMatches(AdExc_AttributeError))
                return -1;
            AdErr_Clear();
            continue;
        }
        AdObject *n = AdStr_FromString(names[i]);
        int rc = n ? AdObject_GenericSetAttr(self, n, v) : -1;
        Ad_XDECREF(n);
        Ad_DECREF(v);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int wrapper_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    const char *name = AdType_Name(AD_TYPE(self));
    if (kwds && AdDict_GET_SIZE(kwds)) {
        AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (AdTuple_GET_SIZE(args) != 1) {
        AdErr_Format(AdExc_TypeError, "%s expected 1 argument, got %zd", name, AdTuple_GET_SIZE(args));
        return -1;
    }
    AdObject *callable = AdTuple_GET_ITEM(args, 0);
    AD_XSETREF(((WrapperObject *)self)->callable, Ad_NewRef(callable));
    return copy_attrs(self, callable);
}

static AdObject *staticmethod_get(AdObject *self, AdObject *obj, AdObject *type)
{
    (void)obj;
    (void)type;
    AdObject *c = ((WrapperObject *)self)->callable;
    if (!c)
        return AdErr_Format(AdExc_RuntimeError, "uninitialized staticmethod object");
    return Ad_NewRef(c);
}

static AdObject *staticmethod_call(AdObject *self, AdObject *args, AdObject *kwds)
{
    return AdObject_Call(((WrapperObject *)self)->callable, args, kwds);
}

static AdObject *classmethod_get(AdObject *self, AdObject *obj, AdObject *type)
{
    AdObject *c = ((WrapperObject *)self)->callable;
    if (!c)
        return AdErr_Format(AdExc_RuntimeError, "uninitialized classmethod object");
    if (!type)
        type = (AdObject *)AD_TYPE(obj);
    return AdMethod_New(c, type);
}

static AdObject *wrapper_repr(AdObject *self)
{
    return AdStr_FromFormat("<%s(%R)>", AdType_Name(AD_TYPE(self)), ((WrapperObject *)self)->callable);
}

static AdObject *wrapper_get_isabstract(AdObject *self, void *c)
{
    (void)c;
    AdObject *v = AdObject_GetAttrString(((WrapperObject *)self)->callable, "__isabstractmethod__");
    if (!v) {
        if (!AdErr_ExceptionMatches(AdExc_AttributeError))
            return NULL;
        AdErr_Clear();
        return Ad_False;
    }
    int t = AdObject_IsTrue(v);
    Ad_DECREF(v);
    return t < 0 ? NULL : AdBool_FromLong(t);
}

static AdObject *wrapper_get_dict(AdObject *self, void *c)
{
    (void)c;
    WrapperObject *w = (WrapperObject *)self;
    if (!w->dict && !(w->dict = AdDict_New()))
        return NULL;
    return Ad_NewRef(w->dict);
}

static AdMemberDef wrapper_members[] = {
    {"__func__", AD_T_OBJECT, offsetof(WrapperObject, callable), AD_READONLY, NULL},
    {"__wrapped__", AD_T_OBJECT, offsetof(WrapperObject, callable), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdGetSetDef wrapper_getset[] = {
    {"__isabstractmethod__", wrapper_get_isabstract, NULL, NULL, NULL},
    {"__dict__", wrapper_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdStaticMethod_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(WrapperObject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_call = staticmethod_call,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Convert a function to be a static method.",
    .tp_traverse = wrapper_traverse,
    .tp_clear = wrapper_clear,
    .tp_members = wrapper_members,
    .tp_getset = wrapper_getset,
    .tp_descr_get = staticmethod_get,
    .tp_dictoffset = offsetof(WrapperObject, dict),
    .tp_init = wrapper_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = AdType_GenericNew,
    .tp_free = AdObject_GC_Del,
};

AdTypeObject AdClassMethod_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(WrapperObject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Convert a function to be a class method.",
    .tp_traverse = wrapper_traverse,
    .tp_clear = wrapper_clear,
    .tp_members = wrapper_members,
    .tp_getset = wrapper_getset,
    .tp_descr_get = classmethod_get,
    .tp_dictoffset = offsetof(WrapperObject, dict),
    .tp_init = wrapper_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = AdType_GenericNew,
    .tp_free = AdObject_GC_Del,
};
