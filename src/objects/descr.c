/* descr.c: the descriptors of native code (descr.h): calling conventions
 * of AdMethodDef, method/class-method/member/getset descriptors, slot
 * wrappers and method-wrappers, builtin functions, and mappingproxy. */
#include "objects/abstract.h"
#include "objects/list.h"
#include "objects/iterators.h"
#include "objects/weakref.h"
#include "objects/descr.h"
#include "objects/module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/object_reduce.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* ---- calling an AdMethodDef --------------------------------------------- */

static AdObject *call_varargs(AdMethodDef *def, AdObject *self, AdObject *const *args,
                              Ad_ssize_t nargs, AdObject *kwnames)
{
    AdObject *tuple = AdTuple_FromArray(args, nargs);
    if (!tuple)
        return NULL;
    AdObject *kwargs = NULL;
    if (kwnames && AdTuple_GET_SIZE(kwnames)) {
        kwargs = AdDict_New();
        for (Ad_ssize_t i = 0; kwargs && i < AdTuple_GET_SIZE(kwnames); i++)
            if (AdDict_SetItem(kwargs, AdTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0)
                AD_CLEAR(kwargs);
        if (!kwargs) {
            Ad_DECREF(tuple);
            return NULL;
        }
    }
    AdObject *r;
    if (def->ml_flags & AD_METH_KEYWORDS)
        r = ((AdCFunctionVarKw)(void (*)(void))def->ml_meth)(self, tuple, kwargs);
    else
        r = ((AdCFunction)(void (*)(void))def->ml_meth)(self, tuple);
    Ad_DECREF(tuple);
    Ad_XDECREF(kwargs);
    return r;
}

/* The name argument errors use: "Type.name" for methods, "module.name"
 * for module-level functions (plain "name" for builtins and functions with
 * no module name). Returns a pointer into buf or to def's name. */
static const char *methoddef_display_name(AdMethodDef *def, AdTypeObject *owner, AdObject *module,
                                          char *buf, size_t size)
{
    if (!owner) {
        const char *mod = module && AdStr_Check(module) ? AdStr_AsUTF8(module) : NULL;
        if (!mod) {
            AdErr_Clear();
            return def->ml_name;
        }
        if (strcmp(mod, "builtins") == 0)
            return def->ml_name;
        snprintf(buf, size, "%s.%s", mod, def->ml_name);
        return buf;
    }
    snprintf(buf, size, "%s.%s", AdType_ShortName(owner), def->ml_name);
    return buf;
}

static AdObject *call_methoddef_owned(AdMethodDef *def, AdTypeObject *owner, AdObject *module, AdObject *self,
                                      AdObject *const *args, size_t nargsf, AdObject *kwnames);

AdObject *ad_call_methoddef(AdMethodDef *def, AdObject *self, AdObject *const *args,
                            size_t nargsf, AdObject *kwnames)
{
    return call_methoddef_owned(def, NULL, NULL, self, args, nargsf, kwnames);
}

static AdObject *call_methoddef_owned(AdMethodDef *def, AdTypeObject *owner, AdObject *module, AdObject *self,
                                      AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    char namebuf[200];
    /* The display name is only needed for error messages: made on demand. */
#define display methoddef_display_name(def, owner, module, namebuf, sizeof namebuf)
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    int flags = def->ml_flags & ~(AD_METH_CLASS | AD_METH_STATIC | AD_METH_COEXIST);
    int has_kw = kwnames && AdTuple_GET_SIZE(kwnames) > 0;
    if (has_kw && !(flags & AD_METH_KEYWORDS)) {
        return AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", display);
    }
    if (Ad_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    AdObject *r;
    if (!kwnames && ad_methoddef_call_direct(def, self, args, nargs, &r)) {
        Ad_LeaveRecursiveCall();
        return r;
    }
    /* What is left: the argument-count errors, keywords, VARARGS. */
    switch (flags) {
    case AD_METH_NOARGS:
        if (nargs != 0) {
            r = AdErr_Format(AdExc_TypeError, "%s() takes no arguments (%zd given)", display, nargs);
            break;
        }
        r = ((AdCFunction)(void (*)(void))def->ml_meth)(self, NULL);
        break;
    case AD_METH_O:
        if (nargs != 1) {
            r = AdErr_Format(AdExc_TypeError, "%s() takes exactly one argument (%zd given)",
                             display, nargs);
            break;
        }
        r = ((AdCFunction)(void (*)(void))def->ml_meth)(self, args[0]);
        break;
    case AD_METH_FASTCALL:
        r = ((AdCFunctionFast)(void (*)(void))def->ml_meth)(self, args, nargs);
        break;
    case AD_METH_FASTCALL | AD_METH_KEYWORDS:
        r = ((AdCFunctionFastKw)(void (*)(void))def->ml_meth)(self, args, nargs, kwnames);
        break;
    case AD_METH_VARARGS:
    case AD_METH_VARARGS | AD_METH_KEYWORDS:
        r = call_varargs(def, self, args, nargs, kwnames);
        break;
    default:
        r = AdErr_Format(AdExc_SystemError, "%s() method: bad call flags", def->ml_name);
        break;
    }
#undef display
    Ad_LeaveRecursiveCall();
    return r;
}

/* ---- common descriptor parts ----------------------------------------------- */

static AdObject *descr_alloc(AdTypeObject *descrtype, AdTypeObject *type, const char *name)
{
    AdDescrObject *d = (AdDescrObject *)AdObject_GC_New(descrtype);
    if (!d)
        return NULL;
    d->d_type = (AdTypeObject *)Ad_XNewRef((AdObject *)type);
    d->d_name = AdStr_InternFromString(name);
    d->d_qualname = NULL;
    if (!d->d_name) {
        d->d_name = NULL;
        Ad_DECREF((AdObject *)d);
        return NULL;
    }
    AdObject_GC_Track((AdObject *)d);
    return (AdObject *)d;
}

static void descr_dealloc(AdObject *o)
{
    AdDescrObject *d = (AdDescrObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF((AdObject *)d->d_type);
    Ad_XDECREF(d->d_name);
    Ad_XDECREF(d->d_qualname);
    AdObject_GC_Del(o);
}

static int descr_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdDescrObject *d = (AdDescrObject *)o;
    return d->d_type ? visit((AdObject *)d->d_type, arg) : 0;
}

static const char *descr_name(AdObject *o)
{
    AdDescrObject *d = (AdDescrObject *)o;
    return d->d_name ? AdStr_AsUTF8(d->d_name) : "?";
}

/* "descriptor 'x' for 'T' objects doesn't apply to a 'U' object" */
static int descr_check(AdObject *descr, AdObject *obj)
{
    AdDescrObject *d = (AdDescrObject *)descr;
    if (!AdObject_TypeCheck(obj, d->d_type)) {
        AdErr_Format(AdExc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                     descr_name(descr), AdType_Name(d->d_type), AdType_Name(AD_TYPE(obj)));
        return -1;
    }
    return 0;
}

static AdObject *descr_get_name(AdObject *o, void *c) { (void)c; return Ad_NewRef(((AdDescrObject *)o)->d_name); }
static AdObject *descr_get_qualname(AdObject *o, void *c)
{
    (void)c;
    AdDescrObject *d = (AdDescrObject *)o;
    if (!d->d_qualname)
        d->d_qualname = AdStr_FromFormat("%s.%U", AdType_ShortName(d->d_type), d->d_name);
    return Ad_XNewRef(d->d_qualname);
}

static AdMemberDef descr_members[] = {
    {"__objclass__", AD_T_OBJECT, offsetof(AdDescrObject, d_type), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- method descriptors ---------------------------------------------------- */

static AdObject *method_vectorcall(AdObject *callable, AdObject *const *args, size_t nargsf,
                                   AdObject *kwnames)
{
    AdMethodDescrObject *m = (AdMethodDescrObject *)callable;
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "unbound method %s.%s() needs an argument",
                            AdType_Name(m->common.d_type), m->d_method->ml_name);
    if (descr_check(callable, args[0]) < 0)
        return NULL;
    return call_methoddef_owned(m->d_method, m->common.d_type, NULL, args[0], args + 1, (size_t)(nargs - 1), kwnames);
}

AdObject *AdDescr_NewMethod(AdTypeObject *type, AdMethodDef *def)
{
    AdMethodDescrObject *m = (AdMethodDescrObject *)descr_alloc(&AdMethodDescr_Type, type, def->ml_name);
    if (m) {
        m->d_method = def;
        m->vectorcall = method_vectorcall;
    }
    return (AdObject *)m;
}

static AdObject *method_get(AdObject *descr, AdObject *obj, AdObject *type)
{
    (void)type;
    if (!obj)
        return Ad_NewRef(descr);
    if (descr_check(descr, obj) < 0)
        return NULL;
    AdMethodDescrObject *m = (AdMethodDescrObject *)descr;
    return AdCFunction_NewEx(m->d_method, obj, NULL);
}

static AdObject *method_repr(AdObject *o)
{
    return AdStr_FromFormat("<method '%s' of '%s' objects>", descr_name(o),
                            AdType_Name(((AdDescrObject *)o)->d_type));
}

static AdObject *method_get_doc(AdObject *o, void *c)
{
    (void)c;
    AdMethodDef *def = ((AdMethodDescrObject *)o)->d_method;
    return AdDoc_WithoutSignature(def->ml_name, def->ml_doc);
}

static AdObject *method_get_text_signature(AdObject *o, void *c)
{
    (void)c;
    AdMethodDef *def = ((AdMethodDescrObject *)o)->d_method;
    return AdDoc_TextSignature(def->ml_name, def->ml_doc);
}

static AdGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__text_signature__", method_get_text_signature, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMethodDef descr_reduce_methods[] = {
    {"__reduce__", (void (*)(void))ad_descr_reduce, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdMethodDef bound_reduce_methods[] = {
    {"__reduce__", (void (*)(void))ad_bound_reduce, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdMethodDescr_Type = {
    .tp_methods = descr_reduce_methods,
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(AdMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(AdMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = AdVectorcall_Call,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_HAVE_VECTORCALL | AD_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
    .tp_free = AdObject_GC_Del,
};

/* Class methods of native types (METH_CLASS): bound to the class. */
static AdObject *classmethod_get(AdObject *descr, AdObject *obj, AdObject *type)
{
    AdMethodDescrObject *m = (AdMethodDescrObject *)descr;
    if (!type)
        type = (AdObject *)AD_TYPE(obj);
    if (!AdType_Check(type) || !AdType_IsSubtype((AdTypeObject *)type, m->common.d_type))
        return AdErr_Format(AdExc_TypeError, "descriptor '%s' for type '%s' needs a subtype of '%s'",
                            descr_name(descr), AdType_Name(m->common.d_type), AdType_Name(m->common.d_type));
    return AdCFunction_NewEx(m->d_method, type, NULL);
}

static AdObject *classmethod_vectorcall(AdObject *callable, AdObject *const *args, size_t nargsf,
                                        AdObject *kwnames)
{
    AdMethodDescrObject *m = (AdMethodDescrObject *)callable;
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (nargs < 1 || !AdType_Check(args[0]))
        return AdErr_Format(AdExc_TypeError, "descriptor '%s' of '%s' object needs a type",
                            descr_name(callable), AdType_Name(m->common.d_type));
    return call_methoddef_owned(m->d_method, m->common.d_type, NULL, args[0], args + 1, (size_t)(nargs - 1), kwnames);
}

AdObject *AdDescr_NewClassMethod(AdTypeObject *type, AdMethodDef *def)
{
    AdMethodDescrObject *m = (AdMethodDescrObject *)descr_alloc(&AdClassMethodDescr_Type, type, def->ml_name);
    if (m) {
        m->d_method = def;
        m->vectorcall = classmethod_vectorcall;
    }
    return (AdObject *)m;
}

static AdObject *classmethod_repr(AdObject *o)
{
    return AdStr_FromFormat("<method '%s' of '%s' objects>", descr_name(o),
                            AdType_Name(((AdDescrObject *)o)->d_type));
}

AdTypeObject AdClassMethodDescr_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(AdMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(AdMethodDescrObject, vectorcall),
    .tp_repr = classmethod_repr,
    .tp_call = AdVectorcall_Call,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_get,
    .tp_free = AdObject_GC_Del,
};

/* ---- member descriptors --------------------------------------------------- */

AdObject *AdDescr_NewMember(AdTypeObject *type, AdMemberDef *def)
{
    AdMemberDescrObject *m = (AdMemberDescrObject *)descr_alloc(&AdMemberDescr_Type, type, def->name);
    if (m)
        m->d_member = def;
    return (AdObject *)m;
}

static AdObject *member_get(AdObject *descr, AdObject *obj, AdObject *type)
{
    (void)type;
    if (!obj)
        return Ad_NewRef(descr);
    if (descr_check(descr, obj) < 0)
        return NULL;
    AdMemberDef *def = ((AdMemberDescrObject *)descr)->d_member;
    char *addr = (char *)obj + def->offset;
    switch (def->type) {
    case AD_T_OBJECT: {
        AdObject *v = *(AdObject **)addr;
        return Ad_NewRef(v ? v : Ad_None);
    }
    case AD_T_OBJECT_EX: {
        AdObject *v = *(AdObject **)addr;
        if (!v)
            return AdErr_Format(AdExc_AttributeError, "'%s' object has no attribute '%s'",
                                AdType_Name(AD_TYPE(obj)), def->name);
        return Ad_NewRef(v);
    }
    case AD_T_INT: return AdInt_FromInt64(*(int *)addr);
    case AD_T_SSIZE: return AdInt_FromSsize_t(*(Ad_ssize_t *)addr);
    case AD_T_UINT64: return AdInt_FromUInt64(*(uint64_t *)addr);
    case AD_T_BOOL: return AdBool_FromLong(*(char *)addr);
    case AD_T_STRING: {
        const char *s = *(const char **)addr;
        return s ? AdStr_FromString(s) : Ad_None;
    }
    default:
        return AdErr_Format(AdExc_SystemError, "bad memberdescr type for %s", def->name);
    }
}

static int member_set(AdObject *descr, AdObject *obj, AdObject *value)
{
    if (descr_check(descr, obj) < 0)
        return -1;
    AdMemberDef *def = ((AdMemberDescrObject *)descr)->d_member;
    if (def->flags & AD_READONLY) {
        AdErr_SetString(AdExc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + def->offset;
    switch (def->type) {
    case AD_T_OBJECT:
    case AD_T_OBJECT_EX: {
        AdObject *old = *(AdObject **)addr;
        if (!value && def->type == AD_T_OBJECT_EX && !old) {
            AdErr_Format(AdExc_AttributeError, "'%s' object has no attribute '%s'",
                         AdType_Name(AD_TYPE(obj)), def->name);
            return -1;
        }
        *(AdObject **)addr = Ad_XNewRef(value);
        Ad_XDECREF(old);
        return 0;
    }
    default:
        break;
    }
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (def->type) {
    case AD_T_BOOL:
        if (!AdBool_Check(value)) {
            AdErr_SetString(AdExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = value == Ad_True;
        return 0;
    case AD_T_INT: {
        int64_t v = AdInt_AsInt64(value);
        if (v == -1 && AdErr_Occurred())
            return -1;
        *(int *)addr = (int)v;
        return 0;
    }
    case AD_T_SSIZE: {
        Ad_ssize_t v = AdInt_AsSsize_t(value);
        if (v == -1 && AdErr_Occurred())
            return -1;
        *(Ad_ssize_t *)addr = v;
        return 0;
    }
    default:
        AdErr_SetString(AdExc_TypeError, "readonly attribute");
        return -1;
    }
}

static AdObject *member_repr(AdObject *o)
{
    return AdStr_FromFormat("<member '%s' of '%s' objects>", descr_name(o),
                            AdType_Name(((AdDescrObject *)o)->d_type));
}

static AdObject *member_get_doc(AdObject *o, void *c)
{
    (void)c;
    const char *doc = ((AdMemberDescrObject *)o)->d_member->doc;
    return doc ? AdStr_FromString(doc) : Ad_None;
}

static AdGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdMemberDescr_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(AdMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_free = AdObject_GC_Del,
};

/* ---- getset descriptors ------------------------------------------------------ */

AdObject *AdDescr_NewGetSet(AdTypeObject *type, AdGetSetDef *def)
{
    AdGetSetDescrObject *g = (AdGetSetDescrObject *)descr_alloc(&AdGetSetDescr_Type, type, def->name);
    if (g)
        g->d_getset = def;
    return (AdObject *)g;
}

static AdObject *getset_get(AdObject *descr, AdObject *obj, AdObject *type)
{
    (void)type;
    if (!obj)
        return Ad_NewRef(descr);
    if (descr_check(descr, obj) < 0)
        return NULL;
    AdGetSetDef *def = ((AdGetSetDescrObject *)descr)->d_getset;
    if (!def->get)
        return AdErr_Format(AdExc_AttributeError, "attribute '%s' of '%s' objects is not readable",
                            def->name, AdType_Name(((AdDescrObject *)descr)->d_type));
    return def->get(obj, def->closure);
}

static int getset_set(AdObject *descr, AdObject *obj, AdObject *value)
{
    if (descr_check(descr, obj) < 0)
        return -1;
    AdGetSetDef *def = ((AdGetSetDescrObject *)descr)->d_getset;
    if (!def->set) {
        AdErr_Format(AdExc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                     def->name, AdType_Name(((AdDescrObject *)descr)->d_type));
        return -1;
    }
    return def->set(obj, value, def->closure);
}

static AdObject *getset_repr(AdObject *o)
{
    return AdStr_FromFormat("<attribute '%s' of '%s' objects>", descr_name(o),
                            AdType_Name(((AdDescrObject *)o)->d_type));
}

static AdObject *getset_get_doc(AdObject *o, void *c)
{
    (void)c;
    const char *doc = ((AdGetSetDescrObject *)o)->d_getset->doc;
    return doc ? AdStr_FromString(doc) : Ad_None;
}

static AdGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdGetSetDescr_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(AdGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_free = AdObject_GC_Del,
};

/* ---- slot wrappers and method-wrappers ----------------------------------------- */

AdObject *AdDescr_NewWrapper(AdTypeObject *type, const AdSlotDef *base, void *wrapped)
{
    AdWrapperDescrObject *w = (AdWrapperDescrObject *)descr_alloc(&AdWrapperDescr_Type, type, base->name);
    if (w) {
        w->d_base = base;
        w->d_wrapped = wrapped;
    }
    return (AdObject *)w;
}

static AdObject *wrapper_call_bound(AdWrapperDescrObject *w, AdObject *self, AdObject *args,
                                    AdObject *kwargs)
{
    if (w->d_base->flags & AD_WRAPPER_FLAG_KEYWORDS)
        return ((AdWrapperFuncKw)(void (*)(void))w->d_base->wrapper)(self, args, w->d_wrapped, kwargs);
    if (kwargs && AdDict_GET_SIZE(kwargs))
        return AdErr_Format(AdExc_TypeError, "wrapper %s() takes no keyword arguments", w->d_base->name);
    return w->d_base->wrapper(self, args, w->d_wrapped);
}

static AdObject *wrapperdescr_call(AdObject *descr, AdObject *args, AdObject *kwargs)
{
    AdWrapperDescrObject *w = (AdWrapperDescrObject *)descr;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n < 1)
        return AdErr_Format(AdExc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                            descr_name(descr), AdType_Name(w->common.d_type));
    AdObject *self = AdTuple_GET_ITEM(args, 0);
    if (descr_check(descr, self) < 0)
        return NULL;
    AdObject *rest = AdTuple_GetSlice(args, 1, n);
    if (!rest)
        return NULL;
    AdObject *r = wrapper_call_bound(w, self, rest, kwargs);
    Ad_DECREF(rest);
    return r;
}

typedef struct {
    AdObject_HEAD;
    AdWrapperDescrObject *descr;
    AdObject *self;
} MethodWrapperObject;

static AdObject *wrapperdescr_get(AdObject *descr, AdObject *obj, AdObject *type)
{
    (void)type;
    if (!obj)
        return Ad_NewRef(descr);
    if (descr_check(descr, obj) < 0)
        return NULL;
    MethodWrapperObject *mw = (MethodWrapperObject *)AdObject_GC_New(&AdMethodWrapper_Type);
    if (!mw)
        return NULL;
    mw->descr = (AdWrapperDescrObject *)Ad_NewRef(descr);
    mw->self = Ad_NewRef(obj);
    AdObject_GC_Track((AdObject *)mw);
    return (AdObject *)mw;
}

static AdObject *wrapperdescr_repr(AdObject *o)
{
    return AdStr_FromFormat("<slot wrapper '%s' of '%s' objects>", descr_name(o),
                            AdType_Name(((AdDescrObject *)o)->d_type));
}

static AdObject *wrapper_get_doc(AdObject *o, void *c)
{
    (void)c;
    const char *doc = ((AdWrapperDescrObject *)o)->d_base->doc;
    return doc ? AdStr_FromString(doc) : Ad_None;
}

static AdGetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapper_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdWrapperDescr_Type = {
    .tp_methods = descr_reduce_methods,
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(AdWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = wrapperdescr_get,
    .tp_free = AdObject_GC_Del,
};

static void mw_dealloc(AdObject *o)
{
    MethodWrapperObject *mw = (MethodWrapperObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_DECREF((AdObject *)mw->descr);
    Ad_DECREF(mw->self);
    AdObject_GC_Del(o);
}

static int mw_traverse(AdObject *o, visitproc visit, void *arg)
{
    MethodWrapperObject *mw = (MethodWrapperObject *)o;
    int rc = visit((AdObject *)mw->descr, arg);
    return rc ? rc : visit(mw->self, arg);
}

static AdObject *mw_call(AdObject *o, AdObject *args, AdObject *kwargs)
{
    MethodWrapperObject *mw = (MethodWrapperObject *)o;
    return wrapper_call_bound(mw->descr, mw->self, args, kwargs);
}

static AdObject *mw_repr(AdObject *o)
{
    MethodWrapperObject *mw = (MethodWrapperObject *)o;
    return AdStr_FromFormat("<method-wrapper '%s' of %s object at %p>", mw->descr->d_base->name,
                            AdType_Name(AD_TYPE(mw->self)), (void *)mw->self);
}

static AdObject *mw_richcompare(AdObject *a, AdObject *b, int op)
{
    if ((op != AD_EQ && op != AD_NE) || !Ad_IS_TYPE(b, &AdMethodWrapper_Type))
        return Ad_NotImplemented;
    MethodWrapperObject *x = (MethodWrapperObject *)a, *y = (MethodWrapperObject *)b;
    int eq = x->descr == y->descr && x->self == y->self;
    return AdBool_FromLong(op == AD_EQ ? eq : !eq);
}

static Ad_hash_t mw_hash(AdObject *o)
{
    MethodWrapperObject *mw = (MethodWrapperObject *)o;
    uintptr_t h = (uintptr_t)mw->self ^ ((uintptr_t)mw->descr >> 4);
    return (Ad_hash_t)(h == (uintptr_t)-1 ? 2 : h);
}

static AdObject *mw_get_self(AdObject *o, void *c) { (void)c; return Ad_NewRef(((MethodWrapperObject *)o)->self); }
static AdObject *mw_get_name(AdObject *o, void *c)
{
    (void)c;
    return Ad_NewRef(((MethodWrapperObject *)o)->descr->common.d_name);
}
static AdObject *mw_get_objclass(AdObject *o, void *c)
{
    (void)c;
    return Ad_NewRef((AdObject *)((MethodWrapperObject *)o)->descr->common.d_type);
}

static AdGetSetDef mw_getset[] = {
    {"__self__", mw_get_self, NULL, NULL, NULL},
    {"__name__", mw_get_name, NULL, NULL, NULL},
    {"__objclass__", mw_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdMethodWrapper_Type = {
    .tp_methods = bound_reduce_methods,
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(MethodWrapperObject),
    .tp_dealloc = mw_dealloc,
    .tp_repr = mw_repr,
    .tp_hash = mw_hash,
    .tp_call = mw_call,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = mw_traverse,
    .tp_richcompare = mw_richcompare,
    .tp_getset = mw_getset,
    .tp_free = AdObject_GC_Del,
};

/* ---- builtin functions and bound builtin methods ----------------------------------- */

static AdObject *cfunction_vectorcall(AdObject *callable, AdObject *const *args, size_t nargsf,
                                      AdObject *kwnames)
{
    AdCFunctionObject *f = (AdCFunctionObject *)callable;
    AdTypeObject *owner = NULL;
    if (f->m_self && !AdModule_CheckExact(f->m_self))
        owner = AdType_Check(f->m_self) ? (AdTypeObject *)f->m_self : AD_TYPE(f->m_self);
    return call_methoddef_owned(f->m_ml, owner, f->m_module, f->m_self, args, nargsf, kwnames);
}

AdObject *AdCFunction_NewEx(AdMethodDef *def, AdObject *self, AdObject *module)
{
    AdCFunctionObject *f = (AdCFunctionObject *)AdObject_GC_New(&AdCFunction_Type);
    if (!f)
        return NULL;
    f->m_ml = def;
    f->m_self = Ad_XNewRef(self);
    f->m_module = Ad_XNewRef(module);
    f->vectorcall = cfunction_vectorcall;
    f->m_weakreflist = NULL;
    AdObject_GC_Track((AdObject *)f);
    return (AdObject *)f;
}

static void cfunction_dealloc(AdObject *o)
{
    AdCFunctionObject *f = (AdCFunctionObject *)o;
    AdObject_GC_UnTrack(o);
    if (f->m_weakreflist)
        AdObject_ClearWeakRefs(o);
    Ad_XDECREF(f->m_self);
    Ad_XDECREF(f->m_module);
    AdObject_GC_Del(o);
}

static int cfunction_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdCFunctionObject *f = (AdCFunctionObject *)o;
    if (f->m_self) {
        int rc = visit(f->m_self, arg);
        if (rc)
            return rc;
    }
    return f->m_module ? visit(f->m_module, arg) : 0;
}

static AdObject *cfunction_repr(AdObject *o)
{
    AdCFunctionObject *f = (AdCFunctionObject *)o;
    /* Module-level functions have the module (or nothing) as self. */
    if (!f->m_self || AD_TYPE(f->m_self)->tp_name == NULL ||
        strcmp(AD_TYPE(f->m_self)->tp_name, "module") == 0)
        return AdStr_FromFormat("<built-in function %s>", f->m_ml->ml_name);
    return AdStr_FromFormat("<built-in method %s of %s object at %p>", f->m_ml->ml_name,
                            AdType_Name(AD_TYPE(f->m_self)), (void *)f->m_self);
}

static AdObject *cfunction_get_name(AdObject *o, void *c)
{
    (void)c;
    return AdStr_FromString(((AdCFunctionObject *)o)->m_ml->ml_name);
}

static AdObject *cfunction_get_qualname(AdObject *o, void *c)
{
    (void)c;
    AdCFunctionObject *f = (AdCFunctionObject *)o;
    if (!f->m_self || strcmp(AD_TYPE(f->m_self)->tp_name, "module") == 0)
        return AdStr_FromString(f->m_ml->ml_name);
    AdTypeObject *owner = AdType_Check(f->m_self) ? (AdTypeObject *)f->m_self : AD_TYPE(f->m_self);
    return AdStr_FromFormat("%s.%s", AdType_ShortName(owner), f->m_ml->ml_name);
}

static AdObject *cfunction_get_self(AdObject *o, void *c)
{
    (void)c;
    AdObject *self = ((AdCFunctionObject *)o)->m_self;
    return Ad_NewRef(self ? self : Ad_None);
}

static AdObject *cfunction_get_doc(AdObject *o, void *c)
{
    (void)c;
    AdMethodDef *def = ((AdCFunctionObject *)o)->m_ml;
    return AdDoc_WithoutSignature(def->ml_name, def->ml_doc);
}

static AdObject *cfunction_get_text_signature(AdObject *o, void *c)
{
    (void)c;
    AdMethodDef *def = ((AdCFunctionObject *)o)->m_ml;
    return AdDoc_TextSignature(def->ml_name, def->ml_doc);
}

static AdGetSetDef cfunction_getset[] = {
    {"__doc__", cfunction_get_doc, NULL, NULL, NULL},
    {"__text_signature__", cfunction_get_text_signature, NULL, NULL, NULL},
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMemberDef cfunction_members[] = {
    {"__module__", AD_T_OBJECT, offsetof(AdCFunctionObject, m_module), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdObject *cfunction_richcompare(AdObject *a, AdObject *b, int op)
{
    if ((op != AD_EQ && op != AD_NE) || !AdCFunction_Check(b))
        return Ad_NotImplemented;
    AdCFunctionObject *x = (AdCFunctionObject *)a, *y = (AdCFunctionObject *)b;
    int eq = x->m_ml->ml_meth == y->m_ml->ml_meth && x->m_self == y->m_self;
    return AdBool_FromLong(op == AD_EQ ? eq : !eq);
}

static Ad_hash_t cfunction_hash(AdObject *o)
{
    AdCFunctionObject *f = (AdCFunctionObject *)o;
    uintptr_t h = ((uintptr_t)f->m_self >> 4) ^ (uintptr_t)(void *)f->m_ml->ml_meth;
    return (Ad_hash_t)(h == (uintptr_t)-1 ? 2 : h);
}

AdTypeObject AdCFunction_Type = {
    .tp_methods = bound_reduce_methods,
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(AdCFunctionObject),
    .tp_dealloc = cfunction_dealloc,
    .tp_vectorcall_offset = offsetof(AdCFunctionObject, vectorcall),
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_call = AdVectorcall_Call,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = cfunction_traverse,
    .tp_richcompare = cfunction_richcompare,
    .tp_weaklistoffset = offsetof(AdCFunctionObject, m_weakreflist),
    .tp_members = cfunction_members,
    .tp_getset = cfunction_getset,
    .tp_free = AdObject_GC_Del,
};

/* ---- mappingproxy ---------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *mapping;
} DictProxyObject;

AdObject *AdDictProxy_New(AdObject *mapping)
{
    DictProxyObject *p = (DictProxyObject *)AdObject_GC_New(&AdDictProxy_Type);
    if (!p)
        return NULL;
    p->mapping = Ad_NewRef(mapping);
    AdObject_GC_Track((AdObject *)p);
    return (AdObject *)p;
}

static void proxy_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_DECREF(((DictProxyObject *)o)->mapping);
    AdObject_GC_Del(o);
}

static int proxy_traverse(AdObject *o, visitproc visit, void *arg)
{
    return visit(((DictProxyObject *)o)->mapping, arg);
}

static Ad_ssize_t proxy_len(AdObject *o)
{
    AdObject *m = ((DictProxyObject *)o)->mapping;
    return AD_TYPE(m)->tp_as_mapping->mp_length(m);
}

static AdObject *proxy_getitem(AdObject *o, AdObject *key)
{
    AdObject *m = ((DictProxyObject *)o)->mapping;
    return AD_TYPE(m)->tp_as_mapping->mp_subscript(m, key);
}

static int proxy_contains(AdObject *o, AdObject *key)
{
    AdObject *m = ((DictProxyObject *)o)->mapping;
    if (AdDict_Check(m))
        return AdDict_Contains(m, key);
    return AD_TYPE(m)->tp_as_sequence->sq_contains(m, key);
}

static AdObject *proxy_iter(AdObject *o) { return AdObject_GetIter(((DictProxyObject *)o)->mapping); }
static AdObject *proxy_repr(AdObject *o) { return AdStr_FromFormat("mappingproxy(%R)", ((DictProxyObject *)o)->mapping); }
static AdObject *proxy_str(AdObject *o) { return AdObject_Str(((DictProxyObject *)o)->mapping); }

static AdObject *proxy_forward(AdObject *o, const char *method, AdObject *const *args, Ad_ssize_t n)
{
    AdObject *name = AdStr_FromString(method);
    if (!name)
        return NULL;
    AdObject *r = AdObject_CallMethod(((DictProxyObject *)o)->mapping, name, args, n);
    Ad_DECREF(name);
    return r;
}
static AdObject *proxy_keys(AdObject *o, AdObject *u) { (void)u; return proxy_forward(o, "keys", NULL, 0); }
static AdObject *proxy_values(AdObject *o, AdObject *u) { (void)u; return proxy_forward(o, "values", NULL, 0); }
static AdObject *proxy_items(AdObject *o, AdObject *u) { (void)u; return proxy_forward(o, "items", NULL, 0); }
static AdObject *proxy_copy(AdObject *o, AdObject *u) { (void)u; return proxy_forward(o, "copy", NULL, 0); }
static AdObject *proxy_get(AdObject *o, AdObject *const *args, Ad_ssize_t n)
{
    if (n < 1 || n > 2)
        return AdErr_Format(AdExc_TypeError, "get expected at least 1 argument, got %zd", n);
    return proxy_forward(o, "get", args, n);
}

static AdObject *proxy_reversed(AdObject *o, AdObject *u);

static AdMethodDef proxy_methods[] = {
    {"get", (void (*)(void))proxy_get, AD_METH_FASTCALL, NULL},
    {"keys", (void (*)(void))proxy_keys, AD_METH_NOARGS, NULL},
    {"values", (void (*)(void))proxy_values, AD_METH_NOARGS, NULL},
    {"items", (void (*)(void))proxy_items, AD_METH_NOARGS, NULL},
    {"copy", (void (*)(void))proxy_copy, AD_METH_NOARGS, NULL},
    {"__reversed__", (void (*)(void))proxy_reversed, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdMappingMethods proxy_as_mapping = {.mp_length = proxy_len, .mp_subscript = proxy_getitem};
static AdSequenceMethods proxy_as_sequence = {.sq_contains = proxy_contains};

static AdObject *proxy_richcompare(AdObject *a, AdObject *b, int op)
{
    return AdObject_RichCompare(((DictProxyObject *)a)->mapping, b, op);
}

/* mappingproxy(mapping): a read-only view of any mapping that is not a
 * sequence ("mappingproxy() argument must be a mapping, not list"). */
static AdObject *proxy_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type;
    Ad_ssize_t n = args ? AdTuple_GET_SIZE(args) : 0;
    AdObject *mapping = NULL;
    if (n == 1 && (!kwargs || AdDict_GET_SIZE(kwargs) == 0))
        mapping = AdTuple_GET_ITEM(args, 0);
    else if (n == 0 && kwargs && AdDict_GET_SIZE(kwargs) == 1)
        mapping = AdDict_GetItemString(kwargs, "mapping");
    if (!mapping) {
        if (n > 1)
            return AdErr_Format(AdExc_TypeError, "mappingproxy() takes at most 1 argument (%zd given)", n);
        return AdErr_Format(AdExc_TypeError, "mappingproxy() missing required argument 'mapping' (pos 1)");
    }
    if (!AD_TYPE(mapping)->tp_as_mapping || !AD_TYPE(mapping)->tp_as_mapping->mp_subscript ||
        AdList_Check(mapping) || AdTuple_Check(mapping))
        return AdErr_Format(AdExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                            AdType_Name(AD_TYPE(mapping)));
    return AdDictProxy_New(mapping);
}

static AdObject *proxy_reversed(AdObject *o, AdObject *u)
{
    (void)u;
    return AdObject_CallOneArg((AdObject *)&AdReversed_Type, ((DictProxyObject *)o)->mapping);
}

static AdObject *proxy_or(AdObject *a, AdObject *b)
{
    if (Ad_IS_TYPE(a, &AdDictProxy_Type))
        a = ((DictProxyObject *)a)->mapping;
    if (Ad_IS_TYPE(b, &AdDictProxy_Type))
        b = ((DictProxyObject *)b)->mapping;
    return AdNumber_Or(a, b);
}

static AdObject *proxy_ior(AdObject *a, AdObject *b)
{
    (void)b;
    return AdErr_Format(AdExc_TypeError, "'|=' is not supported by %s; use '|' instead", AdType_Name(AD_TYPE(a)));
}

static AdNumberMethods proxy_as_number = {.nb_or = proxy_or, .nb_inplace_or = proxy_ior};

AdTypeObject AdDictProxy_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(DictProxyObject),
    .tp_new = proxy_new,
    .tp_as_number = &proxy_as_number,
    .tp_dealloc = proxy_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_str = proxy_str,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_MATCH_MAPPING,
    .tp_traverse = proxy_traverse,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_methods = proxy_methods,
    .tp_free = AdObject_GC_Del,
};
