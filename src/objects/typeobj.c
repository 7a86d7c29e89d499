/* typeobj.c: the `object` and `type` type objects themselves: object's
 * methods (__new__/__init__ argument rules, repr, hash, ==, __format__,
 * __class__, __dir__, __sizeof__, __init_subclass__, __subclasshook__) and
 * type's (type(x), calling a type, repr, attribute get/set on types,
 * __name__/__qualname__/__module__/__bases__/__mro__/__dict__/__doc__,
 * mro(), __subclasses__(), isinstance/issubclass hooks). */
#include "objects/weakref.h"
#include "objects/typeobject.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/object_reduce.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/union.h"
#include "memory/gc.h"

#include <stddef.h>
#include <string.h>

/* ---- object ---------------------------------------------------------------- */

static int excess_args(AdObject *args, AdObject *kwds)
{
    return (args && AdTuple_GET_SIZE(args)) || (kwds && AdDict_GET_SIZE(kwds));
}

/* "Can't instantiate abstract class C without an implementation for
 * abstract method(s) 'f', 'g'" (names sorted). */
static AdObject *abstract_instantiation_error(AdTypeObject *type)
{
    AdObject *methods = AdDict_GetItemString(type->tp_dict, "__abstractmethods__");
    AdObject *sorted = methods ? AdSequence_List(methods) : NULL;
    if (!sorted || AdList_Sort(sorted) < 0) {
        Ad_XDECREF(sorted);
        if (!AdErr_Occurred())
            AdErr_Format(AdExc_TypeError, "Can't instantiate abstract class %s", AdType_Name(type));
        return NULL;
    }
    Ad_ssize_t n = AdList_GET_SIZE(sorted);
    AdObject *reprs = AdList_New(n);
    for (Ad_ssize_t i = 0; reprs && i < n; i++) {
        AdObject *r = AdObject_Repr(AdList_GET_ITEM(sorted, i));
        if (!r) {
            AD_CLEAR(reprs);
            break;
        }
        AdList_SET_ITEM(reprs, i, r);
    }
    Ad_DECREF(sorted);
    if (!reprs)
        return NULL;
    AdObject *sep = AdStr_FromString(", ");
    AdObject *joined = sep ? AdStr_Join(sep, reprs) : NULL;
    Ad_XDECREF(sep);
    Ad_DECREF(reprs);
    if (!joined)
        return NULL;
    AdErr_Format(AdExc_TypeError,
                 "Can't instantiate abstract class %s without an implementation for abstract method%s %U",
                 AdType_Name(type), n > 1 ? "s" : "", joined);
    Ad_DECREF(joined);
    return NULL;
}

static AdObject *object_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != object_new)
            return AdErr_Format(AdExc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->tp_init == AdBaseObject_Type.tp_init)
            return AdErr_Format(AdExc_TypeError, "%s() takes no arguments", AdType_Name(type));
    }
    if (type->tp_flags & AD_TPFLAGS_IS_ABSTRACT)
        return abstract_instantiation_error(type);
    return type->tp_alloc(type, 0);
}

static int object_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    AdTypeObject *type = AD_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != object_init) {
            AdErr_SetString(AdExc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            AdErr_Format(AdExc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                         AdType_Name(type));
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(AdObject *o)
{
    AD_TYPE(o)->tp_free(o);
}

static AdObject *type_module(AdTypeObject *type);

static AdObject *object_repr(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self);
    AdObject *mod = type_module(type);
    if (!mod) {
        AdErr_Clear();
        return AdStr_FromFormat("<%s object at %p>", AdType_ShortName(type), (void *)self);
    }
    AdObject *qual = AdObject_GetAttrString((AdObject *)type, "__qualname__");
    AdObject *r;
    if (!qual)
        r = NULL;
    else if (AdStr_Check(mod) && !AdStr_EqualToASCII(mod, "builtins"))
        r = AdStr_FromFormat("<%U.%U object at %p>", mod, qual, (void *)self);
    else
        r = AdStr_FromFormat("<%U object at %p>", qual, (void *)self);
    Ad_DECREF(mod);
    Ad_XDECREF(qual);
    return r;
}

static AdObject *object_str(AdObject *self)
{
    unaryfunc f = AD_TYPE(self)->tp_repr;
    return f ? f(self) : object_repr(self);
}

static Ad_hash_t object_hash(AdObject *self)
{
    uintptr_t p = (uintptr_t)self;
    Ad_hash_t h = (Ad_hash_t)((p >> 4) | (p << (8 * sizeof(void *) - 4)));
    return h == -1 ? -2 : h;
}

Ad_hash_t AdObject_HashNotImplemented(AdObject *self)
{
    AdErr_Format(AdExc_TypeError, "unhashable type: '%s'", AdType_Name(AD_TYPE(self)));
    return -1;
}

static AdObject *object_richcompare(AdObject *self, AdObject *other, int op)
{
    switch (op) {
    case AD_EQ:
        return self == other ? Ad_True : Ad_NotImplemented;
    case AD_NE: {
        /* != is the inverse of ==, unless == is not implemented. */
        richcmpfunc eq = AD_TYPE(self)->tp_richcompare;
        if (!eq)
            return Ad_NotImplemented;
        AdObject *r = eq(self, other, AD_EQ);
        if (r && r != Ad_NotImplemented) {
            int ok = AdObject_IsTrue(r);
            Ad_DECREF(r);
            if (ok < 0)
                return NULL;
            return AdBool_FromLong(!ok);
        }
        return r;
    }
    default:
        return Ad_NotImplemented;
    }
}

static AdObject *object_format(AdObject *self, AdObject *spec)
{
    if (!AdStr_Check(spec))
        return AdErr_Format(AdExc_TypeError, "format() argument 2 must be str, not %s",
                            AdType_Name(AD_TYPE(spec)));
    if (AdStr_LENGTH(spec) > 0)
        return AdErr_Format(AdExc_TypeError, "unsupported format string passed to %s.__format__",
                            AdType_Name(AD_TYPE(self)));
    return AdObject_Str(self);
}

static AdObject *object_get_class(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef((AdObject *)AD_TYPE(self));
}

static int object_set_class(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!AdType_Check(value)) {
        AdErr_Format(AdExc_TypeError, "__class__ must be set to a class, not '%s' object",
                     AdType_Name(AD_TYPE(value)));
        return -1;
    }
    AdTypeObject *newto = (AdTypeObject *)value, *oldto = AD_TYPE(self);
    if (!(newto->tp_flags & AD_TPFLAGS_HEAPTYPE) || !(oldto->tp_flags & AD_TPFLAGS_HEAPTYPE)) {
        AdErr_SetString(AdExc_TypeError,
                        "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (newto->tp_basicsize != oldto->tp_basicsize || newto->tp_itemsize != oldto->tp_itemsize ||
        newto->tp_dictoffset != oldto->tp_dictoffset || newto->tp_dealloc != oldto->tp_dealloc) {
        AdErr_Format(AdExc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                     AdType_Name(newto), AdType_Name(oldto));
        return -1;
    }
    Ad_INCREF(value);
    self->ob_type = newto;
    Ad_DECREF((AdObject *)oldto);
    return 0;
}

static AdObject *object_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdTypeObject *t = AD_TYPE(self);
    Ad_ssize_t size = t->tp_basicsize;
    if (t->tp_itemsize) {
        Ad_ssize_t n = AD_SIZE(self);
        size += (n < 0 ? -n : n) * t->tp_itemsize;
    }
    return AdInt_FromSsize_t(size);
}

static AdObject *object_init_subclass(AdObject *cls, AdObject *args, AdObject *kwds)
{
    (void)cls;
    if (excess_args(args, kwds))
        return AdErr_Format(AdExc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                            AdType_Name((AdTypeObject *)cls));
    return Ad_None;
}

static AdObject *object_subclasshook(AdObject *cls, AdObject *args)
{
    (void)cls;
    (void)args;
    return Ad_NotImplemented;
}

/* dir(obj): the instance dict's keys and the attributes of its class. */
static int merge_class_dict(AdObject *dict, AdObject *cls);

static AdObject *object_dir(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *dict = AdDict_New();
    if (!dict)
        return NULL;
    AdObject **dp = AdObject_GetDictPtr(self);
    if (dp && *dp && AdDict_Check(*dp) && AdDict_Merge(dict, *dp, 1) < 0)
        goto fail;
    if (merge_class_dict(dict, (AdObject *)AD_TYPE(self)) < 0)
        goto fail;
    AdObject *keys = AdDict_Keys(dict);
    Ad_DECREF(dict);
    return keys;
fail:
    Ad_DECREF(dict);
    return NULL;
}

static int merge_class_dict(AdObject *dict, AdObject *cls)
{
    if (!AdType_Check(cls))
        return 0;
    AdTypeObject *t = (AdTypeObject *)cls;
    if (t->tp_dict && AdDict_Merge(dict, t->tp_dict, 0) < 0)
        return -1;
    if (t->tp_bases)
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(t->tp_bases); i++)
            if (merge_class_dict(dict, AdTuple_GET_ITEM(t->tp_bases, i)) < 0)
                return -1;
    return 0;
}

static AdMethodDef object_methods[] = {
    {"__reduce_ex__", (void (*)(void))ad_object_reduce_ex, AD_METH_O, "Helper for pickle."},
    {"__reduce__", (void (*)(void))ad_object_reduce, AD_METH_NOARGS, "Helper for pickle."},
    {"__getstate__", (void (*)(void))ad_object_getstate, AD_METH_NOARGS, "Helper for pickle."},
    {"__format__", (void (*)(void))object_format, AD_METH_O, "Default object formatter."},
    {"__sizeof__", (void (*)(void))object_sizeof, AD_METH_NOARGS, "Size of object in memory, in bytes."},
    {"__dir__", (void (*)(void))object_dir, AD_METH_NOARGS, "Default dir() implementation."},
    {"__init_subclass__", (void (*)(void))object_init_subclass, AD_METH_CLASS | AD_METH_VARARGS | AD_METH_KEYWORDS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", (void (*)(void))object_subclasshook, AD_METH_CLASS | AD_METH_VARARGS,
     "Abstract classes can override this to customize issubclass()."},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdBaseObject_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "object",
    .tp_basicsize = sizeof(AdObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_init = object_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = object_new,
    .tp_free = AdObject_Free,
};

/* ---- type ------------------------------------------------------------------ */

/* __module__: "builtins" for native types without a dot in tp_name. */
static AdObject *type_module(AdTypeObject *type)
{
    if (type->tp_flags & AD_TPFLAGS_HEAPTYPE) {
        AdObject *mod = AdDict_GetItemString(type->tp_dict, "__module__");
        if (!mod)
            return AdErr_Format(AdExc_AttributeError, "__module__");
        return Ad_NewRef(mod);
    }
    const char *dot = strrchr(type->tp_name, '.');
    if (dot)
        return AdStr_FromStringAndSize(type->tp_name, dot - type->tp_name);
    return AdStr_InternFromString("builtins");
}

static AdObject *type_call(AdObject *self, AdObject *args, AdObject *kwds)
{
    AdTypeObject *type = (AdTypeObject *)self;
    /* type(x) is the type of x. */
    if (type == &AdType_Type && AdTuple_GET_SIZE(args) == 1 && (!kwds || AdDict_GET_SIZE(kwds) == 0))
        return Ad_NewRef((AdObject *)AD_TYPE(AdTuple_GET_ITEM(args, 0)));
    if (!type->tp_new)
        return AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", AdType_Name(type));
    AdObject *obj = type->tp_new(type, args, kwds);
    if (!obj)
        return NULL;
    if (!AdObject_TypeCheck(obj, type))
        return obj;
    AdTypeObject *t = AD_TYPE(obj);
    if (t->tp_init && t->tp_init(obj, args, kwds) < 0) {
        Ad_DECREF(obj);
        return NULL;
    }
    return obj;
}

static AdObject *type_repr(AdObject *self)
{
    AdTypeObject *type = (AdTypeObject *)self;
    AdObject *mod = type_module(type);
    if (!mod)
        AdErr_Clear();
    AdObject *qual = AdObject_GetAttrString(self, "__qualname__");
    AdObject *r;
    if (!qual)
        r = NULL;
    else if (mod && AdStr_Check(mod) && !AdStr_EqualToASCII(mod, "builtins"))
        r = AdStr_FromFormat("<class '%U.%U'>", mod, qual);
    else
        r = AdStr_FromFormat("<class '%s'>", type->tp_flags & AD_TPFLAGS_HEAPTYPE ? AdStr_AsUTF8(qual) : type->tp_name);
    Ad_XDECREF(mod);
    Ad_XDECREF(qual);
    return r;
}

/* Attribute lookup on a type: data descriptors of the metatype first, then
 * the type's own MRO (descriptors bound with instance None), then the
 * metatype's other attributes. */
static AdObject *type_getattro(AdObject *self, AdObject *name)
{
    AdTypeObject *type = (AdTypeObject *)self, *meta = AD_TYPE(self);
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "attribute name must be string, not '%s'",
                            AdType_Name(AD_TYPE(name)));
    AdObject *meta_attr = AdType_Lookup(meta, name);
    descrgetfunc meta_get = NULL;
    if (meta_attr) {
        Ad_INCREF(meta_attr);
        meta_get = AD_TYPE(meta_attr)->tp_descr_get;
        if (meta_get && AD_TYPE(meta_attr)->tp_descr_set) {
            AdObject *r = meta_get(meta_attr, self, (AdObject *)meta);
            Ad_DECREF(meta_attr);
            return r;
        }
    }
    AdObject *attr = AdType_Lookup(type, name);
    if (attr) {
        Ad_INCREF(attr);
        Ad_XDECREF(meta_attr);
        descrgetfunc get = AD_TYPE(attr)->tp_descr_get;
        if (get) {
            AdObject *r = get(attr, NULL, self);
            Ad_DECREF(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        AdObject *r = meta_get(meta_attr, self, (AdObject *)meta);
        Ad_DECREF(meta_attr);
        return r;
    }
    if (meta_attr)
        return meta_attr;
    return AdErr_Format(AdExc_AttributeError, "type object '%s' has no attribute '%U'",
                        AdType_Name(type), name);
}

static int type_setattro(AdObject *self, AdObject *name, AdObject *value)
{
    AdTypeObject *type = (AdTypeObject *)self;
    if (!(type->tp_flags & AD_TPFLAGS_HEAPTYPE) || (type->tp_flags & AD_TPFLAGS_IMMUTABLETYPE)) {
        AdErr_Format(AdExc_TypeError, "cannot set %R attribute of immutable type '%s'", name,
                     AdType_Name(type));
        return -1;
    }
    AdObject *meta_attr = AdType_Lookup(AD_TYPE(self), name);
    if (meta_attr && AD_TYPE(meta_attr)->tp_descr_set) {
        Ad_INCREF(meta_attr);
        int rc = AD_TYPE(meta_attr)->tp_descr_set(meta_attr, self, value);
        Ad_DECREF(meta_attr);
        return rc;
    }
    Ad_INCREF(name);
    AdStr_InternInPlace(&name);
    int rc;
    if (value)
        rc = AdDict_SetItem(type->tp_dict, name, value);
    else {
        rc = AdDict_DelItem(type->tp_dict, name);
        if (rc < 0 && AdErr_ExceptionMatches(AdExc_KeyError)) {
            AdErr_Clear();
            AdErr_Format(AdExc_AttributeError, "type object '%s' has no attribute '%U'",
                         AdType_Name(type), name);
        }
    }
    if (rc == 0) {
        AdType_Modified(type);
        rc = ad_type_update_slot(type, name);
    }
    Ad_DECREF(name);
    return rc;
}

static AdObject *type_get_name(AdObject *self, void *c)
{
    (void)c;
    AdTypeObject *t = (AdTypeObject *)self;
    if (t->tp_flags & AD_TPFLAGS_HEAPTYPE)
        return Ad_NewRef(ad_heaptype_name(t));
    return AdStr_FromString(AdType_ShortName(t));
}

static AdObject *type_get_qualname(AdObject *self, void *c)
{
    (void)c;
    AdTypeObject *t = (AdTypeObject *)self;
    if (t->tp_flags & AD_TPFLAGS_HEAPTYPE)
        return Ad_NewRef(ad_heaptype_qualname(t));
    return AdStr_FromString(AdType_ShortName(t));
}

static AdObject *type_get_module(AdObject *self, void *c)
{
    (void)c;
    return type_module((AdTypeObject *)self);
}

static AdObject *type_get_bases(AdObject *self, void *c)
{
    (void)c;
    AdObject *b = ((AdTypeObject *)self)->tp_bases;
    return b ? Ad_NewRef(b) : AdTuple_New(0);
}

static AdObject *type_get_base(AdObject *self, void *c)
{
    (void)c;
    AdTypeObject *b = ((AdTypeObject *)self)->tp_base;
    return Ad_NewRef(b ? (AdObject *)b : Ad_None);
}

static AdObject *type_get_mro(AdObject *self, void *c)
{
    (void)c;
    AdObject *m = ((AdTypeObject *)self)->tp_mro;
    return Ad_NewRef(m ? m : Ad_None);
}

static AdObject *type_get_dict(AdObject *self, void *c)
{
    (void)c;
    return AdDictProxy_New(((AdTypeObject *)self)->tp_dict);
}

static AdObject *type_get_doc(AdObject *self, void *c)
{
    (void)c;
    AdTypeObject *t = (AdTypeObject *)self;
    AdObject *doc = AdDict_GetItemString(t->tp_dict, "__doc__");
    if (!doc)
        return t->tp_doc && !(t->tp_flags & AD_TPFLAGS_HEAPTYPE) ? AdStr_FromString(t->tp_doc) : Ad_None;
    descrgetfunc get = AD_TYPE(doc)->tp_descr_get;
    return get ? get(doc, NULL, self) : Ad_NewRef(doc);
}

static AdObject *type_get_flags(AdObject *self, void *c)
{
    (void)c;
    return AdInt_FromUInt64(((AdTypeObject *)self)->tp_flags);
}

/* ---- __annotate__ and __annotations__ (PEP 649/749) ------------------------------------- */

/* Only classes have them; the type's own dict holds __annotate_func__ and
 * the computed __annotations_cache__ (or an assigned __annotations__). */
static int type_ann_check(AdTypeObject *type, const char *name)
{
    if (type->tp_flags & AD_TPFLAGS_HEAPTYPE)
        return 0;
    AdErr_Format(AdExc_AttributeError, "type object '%s' has no attribute '%s'", type->tp_name, name);
    return -1;
}

static int type_dict_store(AdTypeObject *type, const char *key, AdObject *value)
{
    int rc = value ? AdDict_SetItemString(type->tp_dict, key, value)
                   : (AdDict_GetItemString(type->tp_dict, key) ? AdDict_DelItemString(type->tp_dict, key) : 0);
    AdType_Modified(type);
    return rc;
}

static AdObject *type_get_annotate(AdObject *self, void *c)
{
    (void)c;
    AdTypeObject *type = (AdTypeObject *)self;
    if (type_ann_check(type, "__annotate__") < 0)
        return NULL;
    AdObject *f = AdDict_GetItemString(type->tp_dict, "__annotate__");
    if (!f)
        f = AdDict_GetItemString(type->tp_dict, "__annotate_func__");
    if (f)
        return Ad_NewRef(f);
    if (type_dict_store(type, "__annotate_func__", Ad_None) < 0)
        return NULL;
    return Ad_NewRef(Ad_None);
}

static int type_set_annotate(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    AdTypeObject *type = (AdTypeObject *)self;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "cannot delete __annotate__ attribute");
        return -1;
    }
    if (type->tp_flags & AD_TPFLAGS_IMMUTABLETYPE) {
        AdErr_Format(AdExc_TypeError, "cannot set '__annotate__' attribute of immutable type '%s'", type->tp_name);
        return -1;
    }
    if (value != Ad_None && !(AD_TYPE(value)->tp_call != NULL)) {
        AdErr_SetString(AdExc_TypeError, "__annotate__ must be callable or None");
        return -1;
    }
    if (type_dict_store(type, "__annotate_func__", value) < 0)
        return -1;
    return value != Ad_None ? type_dict_store(type, "__annotations_cache__", NULL) : 0;
}

static AdObject *type_get_annotations(AdObject *self, void *c)
{
    (void)c;
    AdTypeObject *type = (AdTypeObject *)self;
    if (type_ann_check(type, "__annotations__") < 0)
        return NULL;
    AdObject *ann = AdDict_GetItemString(type->tp_dict, "__annotations__");
    if (!ann)
        ann = AdDict_GetItemString(type->tp_dict, "__annotations_cache__");
    if (ann) {
        descrgetfunc get = AD_TYPE(ann)->tp_descr_get;
        return get ? get(ann, NULL, self) : Ad_NewRef(ann);
    }
    AdObject *annotate = type_get_annotate(self, NULL);
    if (!annotate)
        return NULL;
    if ((AD_TYPE(annotate)->tp_call != NULL)) {
        AdObject *one = AdInt_FromSsize_t(1);
        ann = one ? AdObject_CallOneArg(annotate, one) : NULL;
        Ad_XDECREF(one);
        if (ann && !AdDict_Check(ann)) {
            AdErr_Format(AdExc_TypeError, "__annotate__ returned non-dict of type '%s'", AdType_Name(AD_TYPE(ann)));
            AD_CLEAR(ann);
        }
    }
    else
        ann = AdDict_New();
    Ad_DECREF(annotate);
    if (ann && type_dict_store(type, "__annotations_cache__", ann) < 0)
        AD_CLEAR(ann);
    return ann;
}

static int type_set_annotations(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    AdTypeObject *type = (AdTypeObject *)self;
    if (type->tp_flags & AD_TPFLAGS_IMMUTABLETYPE) {
        AdErr_Format(AdExc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                     type->tp_name);
        return -1;
    }
    if (!value) {
        if (!AdDict_GetItemString(type->tp_dict, "__annotations__") &&
            !AdDict_GetItemString(type->tp_dict, "__annotations_cache__")) {
            AdErr_SetString(AdExc_AttributeError, "__annotations__");
            return -1;
        }
        if (type_dict_store(type, "__annotations__", NULL) < 0 ||
            type_dict_store(type, "__annotations_cache__", NULL) < 0)
            return -1;
    }
    else if (type_dict_store(type, "__annotations__", value) < 0 ||
             type_dict_store(type, "__annotations_cache__", NULL) < 0)
        return -1;
    return type_dict_store(type, "__annotate_func__", Ad_None);
}

/* ---- __abstractmethods__ (set by abc; drives AD_TPFLAGS_IS_ABSTRACT) ---------------------- */

static AdObject *type_get_abstractmethods(AdObject *self, void *c)
{
    (void)c;
    /* type itself has the descriptor in its dict, not the attribute. */
    AdObject *v = self == (AdObject *)&AdType_Type ? NULL
                  : AdDict_GetItemString(((AdTypeObject *)self)->tp_dict, "__abstractmethods__");
    if (!v)
        return AdErr_Format(AdExc_AttributeError, "__abstractmethods__");
    return Ad_NewRef(v);
}

static int type_set_abstractmethods(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    AdTypeObject *type = (AdTypeObject *)self;
    int abstract = 0;
    if (value) {
        abstract = AdObject_IsTrue(value);
        if (abstract < 0)
            return -1;
    }
    else if (!AdDict_GetItemString(type->tp_dict, "__abstractmethods__")) {
        AdErr_SetString(AdExc_AttributeError, "__abstractmethods__");
        return -1;
    }
    if (type_dict_store(type, "__abstractmethods__", value) < 0)
        return -1;
    if (abstract)
        type->tp_flags |= AD_TPFLAGS_IS_ABSTRACT;
    else
        type->tp_flags &= ~AD_TPFLAGS_IS_ABSTRACT;
    return 0;
}

static AdGetSetDef type_getset[] = {
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {"__name__", type_get_name, ad_type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, ad_type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, ad_type_set_module, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, ad_type_set_doc, NULL, NULL},
    {"__flags__", type_get_flags, NULL, NULL, NULL},
    {"__annotate__", type_get_annotate, type_set_annotate, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdObject *type_mro_method(AdObject *self, AdObject *unused)
{
    (void)unused;
    return ad_type_compute_mro((AdTypeObject *)self);
}

static AdObject *type_subclasses(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *subs = ((AdTypeObject *)self)->tp_subclasses;
    AdObject *list = AdList_New(0);
    for (Ad_ssize_t i = 0; list && subs && i < AdList_GET_SIZE(subs); i++) {
        AdObject *sub = AdWeakref_Peek(AdList_GET_ITEM(subs, i));
        if (sub && AdList_Append(list, sub) < 0)
            AD_CLEAR(list);
    }
    return list;
}

static AdObject *type_instancecheck(AdObject *self, AdObject *inst)
{
    return AdBool_FromLong(AdObject_TypeCheck(inst, (AdTypeObject *)self));
}

static AdObject *type_subclasscheck(AdObject *self, AdObject *sub)
{
    if (!AdType_Check(sub))
        return AdErr_Format(AdExc_TypeError, "issubclass() arg 1 must be a class");
    return AdBool_FromLong(AdType_IsSubtype((AdTypeObject *)sub, (AdTypeObject *)self));
}

static AdObject *type_prepare(AdObject *self, AdObject *const *args, Ad_ssize_t n, AdObject *kwnames)
{
    (void)self;
    (void)args;
    (void)n;
    (void)kwnames;
    return AdDict_New();
}

static AdObject *type_dir(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *dict = AdDict_New();
    if (!dict)
        return NULL;
    AdObject *mro = ((AdTypeObject *)self)->tp_mro;
    for (Ad_ssize_t i = 0; mro && i < AdTuple_GET_SIZE(mro); i++) {
        if (AdDict_Merge(dict, ((AdTypeObject *)AdTuple_GET_ITEM(mro, i))->tp_dict, 0) < 0) {
            Ad_DECREF(dict);
            return NULL;
        }
    }
    AdObject *keys = AdDict_Keys(dict);
    Ad_DECREF(dict);
    return keys;
}

static AdMethodDef type_methods[] = {
    {"mro", (void (*)(void))type_mro_method, AD_METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", (void (*)(void))type_subclasses, AD_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__prepare__", (void (*)(void))type_prepare, AD_METH_FASTCALL | AD_METH_KEYWORDS | AD_METH_CLASS,
     "Create the namespace for the class statement"},
    {"__instancecheck__", (void (*)(void))type_instancecheck, AD_METH_O, "Check if an object is an instance."},
    {"__subclasscheck__", (void (*)(void))type_subclasscheck, AD_METH_O, "Check if a class is a subclass."},
    {"__dir__", (void (*)(void))type_dir, AD_METH_NOARGS, "Specialized __dir__ implementation for types."},
    {NULL, NULL, 0, NULL},
};

static int type_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdTypeObject *t = (AdTypeObject *)self;
    if (!(t->tp_flags & AD_TPFLAGS_HEAPTYPE))
        return 0;
    AdObject *fields[] = {t->tp_dict, t->tp_bases, t->tp_mro, (AdObject *)t->tp_base};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i]) {
            int rc = visit(fields[i], arg);
            if (rc)
                return rc;
        }
    return 0;
}

/* type.__or__: int | str makes a typing.Union. */
static AdNumberMethods type_as_number = {
    .nb_or = AdUnion_Or,
};

AdTypeObject AdType_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "type",
    .tp_basicsize = sizeof(AdHeapTypeObject),
    .tp_itemsize = sizeof(AdMemberDef),
    .tp_dealloc = ad_type_dealloc,
    .tp_vectorcall_offset = offsetof(AdTypeObject, tp_vectorcall),
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_TYPE_SUBCLASS |
                AD_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = ad_type_clear,
    .tp_methods = type_methods,
    .tp_getset = type_getset,
    .tp_dictoffset = offsetof(AdTypeObject, tp_dict),
    .tp_weaklistoffset = offsetof(AdTypeObject, tp_weaklist),
    .tp_init = ad_type_init,
    .tp_new = ad_type_new,
    .tp_free = AdObject_GC_Del,
};
