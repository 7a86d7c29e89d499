/* property.c: the property descriptor (AdProperty_Type, declared in
 * typeobject.h): fget/fset/fdel/__doc__ (taken from the getter when not
 * given), getter()/setter()/deleter() copies, __set_name__ and __name__,
 * __isabstractmethod__, and 3.13's texts for missing accessors ("property
 * 'x' of 'C' object has no setter"). */
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>

typedef struct {
    AdObject_HEAD;
    AdObject *fget, *fset, *fdel, *doc, *name;  /* NULL when absent */
    int getter_doc;             /* doc was copied from fget */
} PropertyObject;

#define P(o) ((PropertyObject *)(o))

static AdObject *istr(const char *s) { return AdStr_InternFromString(s); }

static int property_fill(PropertyObject *p, AdObject *fget, AdObject *fset, AdObject *fdel, AdObject *doc)
{
    if (fget == Ad_None)
        fget = NULL;
    if (fset == Ad_None)
        fset = NULL;
    if (fdel == Ad_None)
        fdel = NULL;
    AD_XSETREF(p->fget, Ad_XNewRef(fget));
    AD_XSETREF(p->fset, Ad_XNewRef(fset));
    AD_XSETREF(p->fdel, Ad_XNewRef(fdel));
    AD_XSETREF(p->doc, NULL);
    AD_XSETREF(p->name, NULL);
    p->getter_doc = 0;
    AdObject *prop_doc = NULL;
    if (doc && doc != Ad_None)
        prop_doc = Ad_NewRef(doc);
    else if (fget) {
        if (AdObject_GetOptionalAttr(fget, istr("__doc__"), &prop_doc) < 0)
            return -1;
        if (prop_doc == Ad_None)
            AD_CLEAR(prop_doc);
        if (prop_doc)
            p->getter_doc = 1;
    }
    if (Ad_IS_TYPE((AdObject *)p, &AdProperty_Type)) {
        p->doc = prop_doc;
        return 0;
    }
    /* A subclass keeps the doc in its instance __dict__ (so that
     * __doc__ of the class's own docstring does not hide it). */
    if (!prop_doc)
        prop_doc = Ad_NewRef(Ad_None);
    int r = AdObject_SetAttr((AdObject *)p, istr("__doc__"), prop_doc);
    if (r < 0 && AdErr_ExceptionMatches(AdExc_AttributeError) && !p->getter_doc) {
        AdErr_Clear();
        r = 0;
        p->doc = Ad_NewRef(prop_doc);
    } else if (r < 0 && p->getter_doc) {
        AdErr_Clear();
        r = 0;
    } else
        p->doc = Ad_NewRef(prop_doc);
    Ad_DECREF(prop_doc);
    return r;
}

static int property_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    AdObject *out[4];
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    Ad_ssize_t nkw = kwds ? AdDict_GET_SIZE(kwds) : 0;
    if (nargs + nkw > 4) {
        AdErr_Format(AdExc_TypeError, "property() takes at most 4 arguments (%zd given)", nargs + nkw);
        return -1;
    }
    if (ad_num_parse_args("property", AdTuple_ITEMS(args), nargs, NULL, kwds, names, 4, 0, 4, 0, out) < 0)
        return -1;
    return property_fill(P(self), out[0], out[1], out[2], out[3]);
}

static void property_dealloc(AdObject *o)
{
    PropertyObject *p = P(o);
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(p->fget);
    Ad_XDECREF(p->fset);
    Ad_XDECREF(p->fdel);
    Ad_XDECREF(p->doc);
    Ad_XDECREF(p->name);
    AD_TYPE(o)->tp_free(o);
}

static int property_traverse(AdObject *o, visitproc visit, void *arg)
{
    PropertyObject *p = P(o);
    AdObject *fields[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (int i = 0; i < 5; i++)
        if (fields[i] && visit(fields[i], arg))
            return 1;
    AdObject **dictp = AdObject_GetDictPtr(o);
    return dictp && *dictp ? visit(*dictp, arg) : 0;
}

static int property_clear(AdObject *o)
{
    AD_CLEAR(P(o)->doc);
    return 0;
}

/* The class name for messages: the qualified name of a class, tp_name otherwise. */
static AdObject *qualname_of(AdTypeObject *t)
{
    if (AdType_HasFeature(t, AD_TPFLAGS_HEAPTYPE))
        return Ad_NewRef(ad_heaptype_qualname(t));
    const char *n = t->tp_name, *dot = n;
    for (const char *q = n; *q; q++)
        if (*q == '.')
            dot = q + 1;
    return AdStr_FromString(dot);
}

/* AttributeError "property 'x' of 'C' object has no <what>". NULL. */
static AdObject *missing_accessor(PropertyObject *p, AdObject *obj, const char *what)
{
    AdObject *qn = qualname_of(AD_TYPE(obj));
    if (!qn)
        return NULL;
    /* The name as __name__ gives it: set, or the getter's __name__. */
    AdObject *name = Ad_XNewRef(p->name);
    if (!name && p->fget && AdObject_GetOptionalAttr(p->fget, istr("__name__"), &name) < 0) {
        Ad_DECREF(qn);
        return NULL;
    }
    if (name)
        AdErr_Format(AdExc_AttributeError, "property %R of %R object has no %s", name, qn, what);
    else
        AdErr_Format(AdExc_AttributeError, "property of %R object has no %s", qn, what);
    Ad_XDECREF(name);
    Ad_DECREF(qn);
    return NULL;
}

static AdObject *property_get(AdObject *self, AdObject *obj, AdObject *type)
{
    (void)type;
    PropertyObject *p = P(self);
    if (!obj || obj == Ad_None)
        return Ad_NewRef(self);
    if (!p->fget)
        return missing_accessor(p, obj, "getter");
    return AdObject_CallOneArg(p->fget, obj);
}

static int property_set(AdObject *self, AdObject *obj, AdObject *value)
{
    PropertyObject *p = P(self);
    AdObject *func = value ? p->fset : p->fdel;
    if (!func) {
        missing_accessor(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    AdObject *r;
    if (value) {
        AdObject *args[2] = {obj, value};
        r = AdObject_Vectorcall(func, args, 2, NULL);
    } else
        r = AdObject_CallOneArg(func, obj);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

/* type(self)(fget, fset, fdel, doc) with one accessor replaced. */
static AdObject *property_copy(AdObject *self, AdObject *get, AdObject *set, AdObject *del)
{
    PropertyObject *p = P(self);
    AdObject *fget = get ? get : p->fget ? p->fget : Ad_None;
    AdObject *fset = set ? set : p->fset ? p->fset : Ad_None;
    AdObject *fdel = del ? del : p->fdel ? p->fdel : Ad_None;
    AdObject *doc = (p->getter_doc && get) || !p->doc ? Ad_None : p->doc;
    AdObject *args[4] = {fget, fset, fdel, doc};
    AdObject *np = AdObject_Vectorcall((AdObject *)AD_TYPE(self), args, 4, NULL);
    if (!np)
        return NULL;
    if (AdObject_TypeCheck(np, &AdProperty_Type))
        AD_XSETREF(P(np)->name, Ad_XNewRef(p->name));
    return np;
}

static AdObject *property_getter(AdObject *self, AdObject *f) { return property_copy(self, f, NULL, NULL); }
static AdObject *property_setter(AdObject *self, AdObject *f) { return property_copy(self, NULL, f, NULL); }
static AdObject *property_deleter(AdObject *self, AdObject *f) { return property_copy(self, NULL, NULL, f); }

static AdObject *property_set_name(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given",
                            nargs);
    AD_XSETREF(P(self)->name, Ad_NewRef(args[1]));
    Ad_RETURN_NONE;
}

static int is_abstract(AdObject *f)
{
    if (!f)
        return 0;
    AdObject *v;
    int found = AdObject_GetOptionalAttr(f, istr("__isabstractmethod__"), &v);
    if (found <= 0)
        return found;
    int t = AdObject_IsTrue(v);
    Ad_DECREF(v);
    return t;
}

static AdObject *property_get_isabstract(AdObject *self, void *c)
{
    (void)c;
    PropertyObject *p = P(self);
    AdObject *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        int t = is_abstract(fs[i]);
        if (t < 0)
            return NULL;
        if (t)
            Ad_RETURN_TRUE;
    }
    Ad_RETURN_FALSE;
}

static AdObject *property_get_name(AdObject *self, void *c)
{
    (void)c;
    PropertyObject *p = P(self);
    if (p->name)
        return Ad_NewRef(p->name);
    if (p->fget) {
        AdObject *n;
        int found = AdObject_GetOptionalAttr(p->fget, istr("__name__"), &n);
        if (found)
            return found < 0 ? NULL : n;
    }
    return AdErr_Format(AdExc_AttributeError, "'%s' object has no attribute '__name__'",
                        AdType_Name(AD_TYPE(self)));
}

static int property_set_name_attr(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    AD_XSETREF(P(self)->name, Ad_XNewRef(value));
    return 0;
}

static AdMethodDef property_methods[] = {
    {"getter", (void (*)(void))property_getter, AD_METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", (void (*)(void))property_setter, AD_METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", (void (*)(void))property_deleter, AD_METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", (void (*)(void))property_set_name, AD_METH_FASTCALL, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef property_members[] = {
    {"fget", AD_T_OBJECT, offsetof(PropertyObject, fget), AD_READONLY, NULL},
    {"fset", AD_T_OBJECT, offsetof(PropertyObject, fset), AD_READONLY, NULL},
    {"fdel", AD_T_OBJECT, offsetof(PropertyObject, fdel), AD_READONLY, NULL},
    {"__doc__", AD_T_OBJECT, offsetof(PropertyObject, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdGetSetDef property_getset[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {"__name__", property_get_name, property_set_name_attr, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdProperty_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "property",
    .tp_basicsize = sizeof(PropertyObject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n"
              "  fset\n    function to be used for setting an attribute value\n"
              "  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring\n\n"
              "Typical use is to define a managed attribute x:\n\n"
              "class C(object):\n    def getx(self): return self._x\n"
              "    def setx(self, value): self._x = value\n    def delx(self): del self._x\n"
              "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\n"
              "Decorators make defining new properties or modifying existing ones easy:\n\n"
              "class C(object):\n    @property\n    def x(self):\n        \"I am the 'x' property.\"\n"
              "        return self._x\n    @x.setter\n    def x(self, value):\n        self._x = value\n"
              "    @x.deleter\n    def x(self):\n        del self._x",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = AdType_GenericNew,
    .tp_free = AdObject_GC_Del,
};
