/* moduleobject.c: the module type (module.h): creation, module(name,
 * doc=None), attribute lookup with PEP 562's __getattr__ and the
 * AttributeError text, __dir__, __dict__, __annotations__/__annotate__
 * (PEP 649), importlib-style repr, and the helpers that native modules use
 * to fill their namespace. */
#include "objects/weakref.h"
#include "objects/module.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>
#include <stdlib.h>

#define M(o) ((AdModuleObject *)(o))

AdObject *(*AdModule_MissingAttributeHook)(AdObject *m, AdObject *name);

static AdObject *istr(const char *s) { return AdStr_InternFromString(s); }

/* Fills a fresh namespace: __name__, then None for the others. */
static int init_dict(AdObject *dict, AdObject *name, AdObject *doc)
{
    if (AdDict_SetItem(dict, istr("__name__"), name) < 0 ||
        AdDict_SetItem(dict, istr("__doc__"), doc ? doc : Ad_None) < 0 ||
        AdDict_SetItem(dict, istr("__package__"), Ad_None) < 0 ||
        AdDict_SetItem(dict, istr("__loader__"), Ad_None) < 0 ||
        AdDict_SetItem(dict, istr("__spec__"), Ad_None) < 0)
        return -1;
    return 0;
}

static AdObject *module_alloc(AdTypeObject *type)
{
    AdModuleObject *m = (AdModuleObject *)type->tp_alloc(type, 0);
    if (!m)
        return NULL;
    m->md_dict = AdDict_New();
    if (!m->md_dict) {
        Ad_DECREF((AdObject *)m);
        return NULL;
    }
    return (AdObject *)m;
}

AdObject *AdModule_NewObject(AdObject *name)
{
    AdObject *m = module_alloc(&AdModule_Type);
    if (!m)
        return NULL;
    if (init_dict(M(m)->md_dict, name, NULL) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    M(m)->md_name = Ad_NewRef(name);
    return m;
}

AdObject *AdModule_New(const char *name)
{
    AdObject *n = AdStr_FromString(name);
    if (!n)
        return NULL;
    AdObject *m = AdModule_NewObject(n);
    Ad_DECREF(n);
    return m;
}

AdObject *AdModule_GetDict(AdObject *m)
{
    if (!AdModule_Check(m)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    return M(m)->md_dict;
}

AdObject *AdModule_GetNameObject(AdObject *m)
{
    AdObject *name = AdModule_Check(m) ? AdDict_GetItemWithError(M(m)->md_dict, istr("__name__")) : NULL;
    if (!name || !AdStr_Check(name)) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_SystemError, "nameless module");
        return NULL;
    }
    return Ad_NewRef(name);
}

AdObject *AdModule_GetFilenameObject(AdObject *m)
{
    AdObject *f = AdModule_Check(m) ? AdDict_GetItemWithError(M(m)->md_dict, istr("__file__")) : NULL;
    if (!f || !AdStr_Check(f)) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_SystemError, "module filename missing");
        return NULL;
    }
    return Ad_NewRef(f);
}

int AdModule_AddFunctions(AdObject *m, AdMethodDef *defs)
{
    AdObject *name = AdModule_GetNameObject(m);
    if (!name)
        return -1;
    for (AdMethodDef *d = defs; d->ml_name; d++) {
        AdObject *f = AdCFunction_NewEx(d, m, name);
        if (!f || AdDict_SetItemString(M(m)->md_dict, d->ml_name, f) < 0) {
            Ad_XDECREF(f);
            Ad_DECREF(name);
            return -1;
        }
        Ad_DECREF(f);
    }
    Ad_DECREF(name);
    return 0;
}

int AdModule_AddObjectRef(AdObject *m, const char *name, AdObject *value)
{
    if (!value) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_SystemError, "AdModule_AddObjectRef() must be called with an exception "
                                               "raised if value is NULL");
        return -1;
    }
    return AdDict_SetItemString(AdModule_GetDict(m), name, value);
}

int AdModule_Add(AdObject *m, const char *name, AdObject *value)
{
    int r = AdModule_AddObjectRef(m, name, value);
    Ad_XDECREF(value);
    return r;
}

int AdModule_AddIntConstant(AdObject *m, const char *name, int64_t value)
{
    return AdModule_Add(m, name, AdInt_FromInt64(value));
}

int AdModule_AddStringConstant(AdObject *m, const char *name, const char *value)
{
    return AdModule_Add(m, name, AdStr_FromString(value));
}

int AdModule_SetDocString(AdObject *m, const char *doc)
{
    return AdModule_Add(m, "__doc__", AdStr_FromString(doc));
}

/* ---- module(name, doc=None) ------------------------------------------------ */

static AdObject *module_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return module_alloc(type);
}

static int module_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"name", "doc"};
    AdObject *out[2];
    if (ad_num_parse_args("module", AdTuple_ITEMS(args), AdTuple_GET_SIZE(args), NULL, kwds, names, 2, 0, 2,
                          1, out) < 0)
        return -1;
    if (!AdStr_Check(out[0])) {
        AdErr_Format(AdExc_TypeError, "module() argument 'name' must be str, not %.200s",
                     AdType_Name(AD_TYPE(out[0])));
        return -1;
    }
    AdModuleObject *m = M(self);
    if (init_dict(m->md_dict, out[0], out[1]) < 0)
        return -1;
    AD_XSETREF(m->md_name, Ad_NewRef(out[0]));
    return 0;
}

static void module_dealloc(AdObject *o)
{
    AdModuleObject *m = M(o);
    AdObject_GC_UnTrack(o);
    if (m->md_weaklist)
        AdObject_ClearWeakRefs(o);
    Ad_XDECREF(m->md_dict);
    Ad_XDECREF(m->md_name);
    free(m->md_state);
    AD_TYPE(o)->tp_free(o);
}

static int module_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdModuleObject *m = M(o);
    if (m->md_dict && visit(m->md_dict, arg))
        return 1;
    return m->md_name ? visit(m->md_name, arg) : 0;
}

static int module_clear(AdObject *o)
{
    AD_CLEAR(M(o)->md_dict);
    return 0;
}

/* ---- attribute lookup ---------------------------------------------------------- */

/* Sets name and obj on the AttributeError being raised. */
static void attach_name_obj(AdObject *name, AdObject *obj)
{
    AdObject *exc = AdErr_GetRaisedException();
    if (!exc)
        return;
    if (AdErr_GivenExceptionMatches(exc, AdExc_AttributeError)) {
        if (AdObject_SetAttr(exc, istr("name"), name) < 0 || AdObject_SetAttr(exc, istr("obj"), obj) < 0)
            AdErr_Clear();
    }
    AdErr_SetRaisedException(exc);
}

static AdObject *missing_attribute(AdObject *self, AdObject *name)
{
    if (AdModule_MissingAttributeHook)
        return AdModule_MissingAttributeHook(self, name);
    AdObject *mod_name = M(self)->md_dict ? AdDict_GetItemWithError(M(self)->md_dict, istr("__name__")) : NULL;
    if (AdErr_Occurred())
        return NULL;
    if (mod_name && AdStr_Check(mod_name))
        AdErr_Format(AdExc_AttributeError, "module '%U' has no attribute '%U'", mod_name, name);
    else
        AdErr_Format(AdExc_AttributeError, "module has no attribute '%U'", name);
    attach_name_obj(name, self);
    return NULL;
}

int AdModule_GetOptionalAttr(AdObject *m, AdObject *name, AdObject **result)
{
    *result = AdObject_GenericGetAttr(m, name);
    if (*result)
        return 1;
    if (!AdErr_ExceptionMatches(AdExc_AttributeError))
        return -1;
    AdErr_Clear();
    AdObject *getattr = M(m)->md_dict ? AdDict_GetItemWithError(M(m)->md_dict, istr("__getattr__")) : NULL;
    if (getattr) {
        *result = AdObject_CallOneArg(getattr, name);
        if (*result)
            return 1;
        if (!AdErr_ExceptionMatches(AdExc_AttributeError))
            return -1;
        AdErr_Clear();
        return 0;
    }
    return AdErr_Occurred() ? -1 : 0;
}

static AdObject *module_getattro(AdObject *self, AdObject *name)
{
    AdObject *r = AdObject_GenericGetAttr(self, name);
    if (r || !AdErr_ExceptionMatches(AdExc_AttributeError))
        return r;
    AdErr_Clear();
    AdObject *getattr = M(self)->md_dict ? AdDict_GetItemWithError(M(self)->md_dict, istr("__getattr__"))
                                         : NULL;
    if (getattr)
        return AdObject_CallOneArg(getattr, name);
    if (AdErr_Occurred())
        return NULL;
    return missing_attribute(self, name);
}

/* ---- __dir__, __dict__, annotations ----------------------------------------------- */

static AdObject *module_dir(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *dict = AdObject_GetAttr(self, istr("__dict__"));
    if (!dict)
        return NULL;
    AdObject *r = NULL;
    if (!AdDict_Check(dict)) {
        AdErr_Format(AdExc_TypeError, "<module>.__dict__ is not a dictionary");
        goto done;
    }
    AdObject *dirfunc = AdDict_GetItemWithError(dict, istr("__dir__"));
    if (dirfunc)
        r = AdObject_CallNoArgs(dirfunc);
    else if (!AdErr_Occurred())
        r = AdDict_Keys(dict);
done:
    Ad_DECREF(dict);
    return r;
}

static AdObject *module_get_annotate(AdObject *self, void *c)
{
    (void)c;
    AdObject *v = AdDict_GetItemWithError(M(self)->md_dict, istr("__annotate__"));
    if (v)
        return Ad_NewRef(v);
    if (AdErr_Occurred())
        return NULL;
    if (AdDict_SetItem(M(self)->md_dict, istr("__annotate__"), Ad_None) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static int module_set_annotate(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "cannot delete __annotate__ attribute");
        return -1;
    }
    if (value != Ad_None && !AD_TYPE(value)->tp_call) {
        AdErr_SetString(AdExc_TypeError, "__annotate__ must be callable or None");
        return -1;
    }
    if (AdDict_SetItem(M(self)->md_dict, istr("__annotate__"), value) < 0)
        return -1;
    return 0;
}

static AdObject *module_get_annotations(AdObject *self, void *c)
{
    (void)c;
    AdObject *dict = M(self)->md_dict;
    AdObject *ann = AdDict_GetItemWithError(dict, istr("__annotations__"));
    if (ann)
        return Ad_NewRef(ann);
    if (AdErr_Occurred())
        return NULL;
    AdObject *annotate = AdDict_GetItemWithError(dict, istr("__annotate__"));
    if (AdErr_Occurred())
        return NULL;
    if (annotate && annotate != Ad_None && AD_TYPE(annotate)->tp_call) {
        AdObject *one = AdInt_FromInt64(1);
        ann = AdObject_CallOneArg(annotate, one);
        Ad_DECREF(one);
        if (!ann)
            return NULL;
        if (!AdDict_Check(ann)) {
            AdErr_Format(AdExc_TypeError, "__annotate__ returned non-dict of type '%.100s'",
                         AdType_Name(AD_TYPE(ann)));
            Ad_DECREF(ann);
            return NULL;
        }
    } else {
        ann = AdDict_New();
        if (!ann)
            return NULL;
    }
    if (AdDict_SetItem(dict, istr("__annotations__"), ann) < 0) {
        Ad_DECREF(ann);
        return NULL;
    }
    return ann;
}

static int module_set_annotations(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    AdObject *dict = M(self)->md_dict;
    if (value)
        return AdDict_SetItem(dict, istr("__annotations__"), value);
    int r = AdDict_Contains(dict, istr("__annotations__"));
    if (r <= 0) {
        if (r == 0)
            AdErr_SetObject(AdExc_AttributeError, istr("__annotations__"));
        return -1;
    }
    if (AdDict_DelItem(dict, istr("__annotations__")) < 0)
        return -1;
    return 0;
}

/* ---- repr (importlib._bootstrap._module_repr's rules) -------------------------------- */

/* getattr(o, name, None) as a new ref; NULL only on errors other than AttributeError. */
static AdObject *attr_or_none(AdObject *o, const char *name)
{
    AdObject *r;
    int found = AdObject_GetOptionalAttr(o, istr(name), &r);
    if (found < 0)
        return NULL;
    return found ? r : Ad_NewRef(Ad_None);
}

static AdObject *repr_from_spec(AdObject *spec)
{
    AdObject *name = attr_or_none(spec, "name"), *origin = NULL, *loader = NULL, *r = NULL;
    if (!name)
        return NULL;
    if (name == Ad_None || (AdStr_Check(name) && AdStr_LENGTH(name) == 0))
        AD_SETREF(name, AdStr_FromString("?"));
    origin = attr_or_none(spec, "origin");
    if (!origin)
        goto done;
    if (origin == Ad_None) {
        loader = attr_or_none(spec, "loader");
        if (!loader)
            goto done;
        if (loader == Ad_None)
            r = AdStr_FromFormat("<module %R>", name);
        else {
            AdObject *path = attr_or_none(loader, "_path");
            AdObject *lst = path && path != Ad_None ? AdSequence_List(path) : NULL;
            if (lst)
                r = AdStr_FromFormat("<module %R (namespace) from %R>", name, lst);
            else if (path)
                r = AdStr_FromFormat("<module %R (namespace)>", name);
            Ad_XDECREF(path);
            Ad_XDECREF(lst);
        }
    } else {
        AdObject *has_loc = attr_or_none(spec, "has_location");
        if (!has_loc)
            goto done;
        int t = AdObject_IsTrue(has_loc);
        Ad_DECREF(has_loc);
        if (t < 0)
            goto done;
        if (t)
            r = AdStr_FromFormat("<module %R from %R>", name, origin);
        else
            r = AdStr_FromFormat("<module %R (%S)>", name, origin);
    }
done:
    Ad_XDECREF(name);
    Ad_XDECREF(origin);
    Ad_XDECREF(loader);
    return r;
}

static AdObject *module_repr(AdObject *self)
{
    AdObject *loader = attr_or_none(self, "__loader__");
    if (!loader)
        return NULL;
    AdObject *spec = attr_or_none(self, "__spec__");
    if (!spec) {
        Ad_DECREF(loader);
        return NULL;
    }
    AdObject *r = NULL;
    int t = spec == Ad_None ? 0 : AdObject_IsTrue(spec);
    if (t < 0)
        goto done;
    if (t) {
        r = repr_from_spec(spec);
        goto done;
    }
    AdObject *name;
    int found = AdObject_GetOptionalAttr(self, istr("__name__"), &name);
    if (found < 0)
        goto done;
    if (!found)
        name = AdStr_FromString("?");
    AdObject *file;
    found = AdObject_GetOptionalAttr(self, istr("__file__"), &file);
    if (found > 0) {
        r = AdStr_FromFormat("<module %R from %R>", name, file);
        Ad_DECREF(file);
    } else if (found == 0) {
        if (loader == Ad_None)
            r = AdStr_FromFormat("<module %R>", name);
        else
            r = AdStr_FromFormat("<module %R (%R)>", name, loader);
    }
    Ad_XDECREF(name);
done:
    Ad_DECREF(loader);
    Ad_DECREF(spec);
    return r;
}

static AdMethodDef module_methods[] = {
    {"__dir__", (void (*)(void))module_dir, AD_METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef module_members[] = {
    {"__dict__", AD_T_OBJECT, offsetof(AdModuleObject, md_dict), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdGetSetDef module_getset[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {"__annotate__", module_get_annotate, module_set_annotate, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdModule_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "module",
    .tp_basicsize = sizeof(AdModuleObject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_weaklistoffset = offsetof(AdModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(AdModuleObject, md_dict),
    .tp_init = module_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = module_new,
    .tp_free = AdObject_GC_Del,
};
