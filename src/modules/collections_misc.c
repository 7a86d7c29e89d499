/* collections_misc.c: the rest of the _collections module and its init:
 * collections.defaultdict (a dict subclass whose __missing__ calls
 * default_factory), _tuplegetter (the field descriptor of namedtuple
 * classes), _count_elements (Counter's tally loop) and the helper that
 * parses tp_init/tp_new arguments. Messages follow CPython 3.14. */
#include <string.h>

#include "import/builtin_modules.h"
#include "modules/collections_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))

int collections_parse_tuple_args(const char *fname, AdObject *args, AdObject *kwargs,
                                 const char *const *names, int npos_only, int nrequired,
                                 AdObject **out)
{
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    Ad_ssize_t nkw = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    if (nkw == 0)
        return AdArg_Parse(fname, args ? AdTuple_ITEMS(args) : NULL, nargs, NULL, names, npos_only,
                           nrequired, out);
    AdObject *stack[16];
    if (nargs + nkw > 16) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most %d arguments (%zd given)", fname, 8, nargs + nkw);
        return -1;
    }
    AdObject *kwnames = AdTuple_New(nkw);
    if (!kwnames)
        return -1;
    for (Ad_ssize_t i = 0; i < nargs; i++)
        stack[i] = AdTuple_GET_ITEM(args, i);
    Ad_ssize_t pos = 0, k = 0;
    AdObject *key, *value;
    while (AdDict_Next(kwargs, &pos, &key, &value)) {
        AdTuple_SET_ITEM(kwnames, k, Ad_NewRef(key));
        stack[nargs + k] = value;
        k++;
    }
    int r = AdArg_Parse(fname, stack, nargs, kwnames, names, npos_only, nrequired, out);
    Ad_DECREF(kwnames);   /* the values stay owned by kwargs */
    return r;
}

/* ---- defaultdict ------------------------------------------------------------------------- */

typedef struct {
    AdDictObject dict;
    AdObject *default_factory;
} defdict;

static int defdict_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    defdict *dd = (defdict *)self;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AdObject *factory = NULL;
    if (n > 0) {
        factory = AdTuple_GET_ITEM(args, 0);
        if (factory != Ad_None && !AD_TYPE(factory)->tp_call &&
            !(AdType_HasFeature(AD_TYPE(factory), AD_TPFLAGS_HAVE_VECTORCALL) &&
              AD_TYPE(factory)->tp_vectorcall_offset > 0)) {
            AdErr_SetString(AdExc_TypeError, "first argument must be callable or None");
            return -1;
        }
    }
    AdObject *rest = AdTuple_GetSlice(args, n > 0 ? 1 : 0, n);
    if (!rest)
        return -1;
    AD_XSETREF(dd->default_factory, factory == Ad_None ? NULL : Ad_XNewRef(factory));
    int r = AdDict_Type.tp_init(self, rest, kwargs);
    Ad_DECREF(rest);
    return r;
}

static AdObject *defdict_missing(AdObject *self, AdObject *key)
{
    AdObject *factory = ((defdict *)self)->default_factory;
    if (!factory || factory == Ad_None) {
        AdObject *t = AdTuple_Pack(1, key);
        if (t) {
            AdErr_SetObject((AdObject *)&AdExcType_KeyError, t);
            Ad_DECREF(t);
        }
        return NULL;
    }
    AdObject *value = AdObject_CallNoArgs(factory);
    if (!value)
        return NULL;
    if (AdObject_SetItem(self, key, value) < 0) {
        Ad_DECREF(value);
        return NULL;
    }
    return value;
}

/* type(dd)(factory, src): how copies are made (so subclasses copy as themselves). */
static AdObject *defdict_make(AdObject *dd, AdObject *src)
{
    AdObject *factory = ((defdict *)dd)->default_factory;
    AdObject *args[2] = {factory ? factory : Ad_None, src};
    return AdObject_Vectorcall((AdObject *)AD_TYPE(dd), args, 2, NULL);
}

static AdObject *defdict_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    return defdict_make(self, self);
}

static AdObject *defdict_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *factory = ((defdict *)self)->default_factory;
    AdObject *args = factory && factory != Ad_None ? AdTuple_Pack(1, factory) : AdTuple_New(0);
    if (!args)
        return NULL;
    AdObject *items = AdObject_CallMethod(self, AdStr_InternFromString("items"), NULL, 0);
    AdObject *it = items ? AdObject_GetIter(items) : NULL;
    Ad_XDECREF(items);
    AdObject *r = it ? AdTuple_Pack(5, (AdObject *)AD_TYPE(self), args, Ad_None, Ad_None, it) : NULL;
    Ad_XDECREF(it);
    Ad_DECREF(args);
    return r;
}

static AdObject *defdict_repr(AdObject *self)
{
    AdObject *base = AdDict_Type.tp_repr(self);
    if (!base)
        return NULL;
    AdObject *factory = ((defdict *)self)->default_factory, *frepr;
    if (!factory || factory == Ad_None)
        frepr = AdStr_FromString("None");
    else {
        int rc = Ad_ReprEnter(factory);
        if (rc < 0) {
            Ad_DECREF(base);
            return NULL;
        }
        if (rc > 0)
            frepr = AdStr_FromString("...");
        else {
            frepr = AdObject_Repr(factory);
            Ad_ReprLeave(factory);
        }
    }
    AdObject *r = frepr ? AdStr_FromFormat("%s(%U, %U)", AdType_ShortName(AD_TYPE(self)), frepr, base) : NULL;
    Ad_XDECREF(frepr);
    Ad_DECREF(base);
    return r;
}

static AdObject *defdict_or(AdObject *left, AdObject *right)
{
    AdObject *self, *other;
    if (AdObject_TypeCheck(left, &collections_defaultdict_type)) {
        self = left;
        other = right;
    }
    else {
        self = right;
        other = left;
    }
    if (!AdDict_Check(other))
        Ad_RETURN_NOTIMPLEMENTED;
    AdObject *n = defdict_make(self, left);
    if (!n)
        return NULL;
    if (AdDict_Merge(n, right, 1) < 0) {
        Ad_DECREF(n);
        return NULL;
    }
    return n;
}

static void defdict_dealloc(AdObject *self)
{
    AD_CLEAR(((defdict *)self)->default_factory);
    AdDict_Type.tp_dealloc(self);
}

static int defdict_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *f = ((defdict *)self)->default_factory;
    if (f) {
        int r = visit(f, arg);
        if (r)
            return r;
    }
    return AdDict_Type.tp_traverse(self, visit, arg);
}

static int defdict_tp_clear(AdObject *self)
{
    AD_CLEAR(((defdict *)self)->default_factory);
    return AdDict_Type.tp_clear(self);
}

static AdObject *class_getitem(AdObject *cls, AdObject *arg) { return Ad_GenericAlias(cls, arg); }

static AdMethodDef defdict_methods[] = {
    {"__missing__", FN(defdict_missing), AD_METH_O,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n  return value"},
    {"copy", FN(defdict_copy), AD_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", FN(defdict_copy), AD_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", FN(defdict_reduce), AD_METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", FN(class_getitem), AD_METH_O | AD_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef defdict_members[] = {
    {"default_factory", AD_T_OBJECT, offsetof(defdict, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, 0, NULL},
};

static AdNumberMethods defdict_as_number = {
    .nb_or = defdict_or,
};

AdTypeObject collections_defaultdict_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(defdict),
    .tp_dealloc = defdict_dealloc,
    .tp_repr = defdict_repr,
    .tp_as_number = &defdict_as_number,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
              "The default factory is called without arguments to produce\n"
              "a new value when a key is not present, in __getitem__ only.\n"
              "A defaultdict compares equal to a dict with the same items.\n"
              "All remaining arguments are treated the same as if they were\n"
              "passed to the dict constructor, including keyword arguments.\n",
    .tp_traverse = defdict_traverse,
    .tp_clear = defdict_tp_clear,
    .tp_methods = defdict_methods,
    .tp_members = defdict_members,
    .tp_base = &AdDict_Type,
    .tp_init = defdict_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_free = AdObject_GC_Del,
};

/* ---- _tuplegetter ------------------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t index;
    AdObject *doc;
} tuplegetter;

static AdObject *tuplegetter_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) > 0)
        return AdErr_Format(AdExc_TypeError, "_tuplegetter() takes no keyword arguments");
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (AdArg_CheckPositional("_tuplegetter", n, 2, 2) < 0)
        return NULL;
    AdObject *idx = AdTuple_GET_ITEM(args, 0);
    if (!AdIndex_Check(idx))
        return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            AdType_Name(AD_TYPE(idx)));
    Ad_ssize_t index = AdNumber_AsSsize_t(idx, AdExc_OverflowError);
    if (index == -1 && AdErr_Occurred())
        return NULL;
    tuplegetter *tg = (tuplegetter *)type->tp_alloc(type, 0);
    if (!tg)
        return NULL;
    tg->index = index;
    tg->doc = Ad_NewRef(AdTuple_GET_ITEM(args, 1));
    return (AdObject *)tg;
}

static AdObject *tuplegetter_get(AdObject *self, AdObject *obj, AdObject *type)
{
    (void)type;
    tuplegetter *tg = (tuplegetter *)self;
    if (obj == NULL || obj == Ad_None)
        return Ad_NewRef(self);
    if (!AdTuple_Check(obj))
        return AdErr_Format(AdExc_TypeError,
                            "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                            tg->index, AdType_Name(AD_TYPE(obj)));
    if (tg->index < 0 || tg->index >= AdTuple_GET_SIZE(obj))
        return AdErr_Format(AdExc_IndexError, "tuple index out of range");
    return Ad_NewRef(AdTuple_GET_ITEM(obj, tg->index));
}

static int tuplegetter_set(AdObject *self, AdObject *obj, AdObject *value)
{
    (void)self;
    (void)obj;
    AdErr_SetString(AdExc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static void tuplegetter_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((tuplegetter *)self)->doc);
    AD_TYPE(self)->tp_free(self);
}

static int tuplegetter_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *d = ((tuplegetter *)self)->doc;
    return d ? visit(d, arg) : 0;
}

static int tuplegetter_tp_clear(AdObject *self)
{
    AD_CLEAR(((tuplegetter *)self)->doc);
    return 0;
}

static AdObject *tuplegetter_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    tuplegetter *tg = (tuplegetter *)self;
    AdObject *i = AdInt_FromSsize_t(tg->index);
    AdObject *args = i ? AdTuple_Pack(2, i, tg->doc ? tg->doc : Ad_None) : NULL;
    Ad_XDECREF(i);
    AdObject *r = args ? AdTuple_Pack(2, (AdObject *)AD_TYPE(self), args) : NULL;
    Ad_XDECREF(args);
    return r;
}

static AdObject *tuplegetter_repr(AdObject *self)
{
    tuplegetter *tg = (tuplegetter *)self;
    return AdStr_FromFormat("%s(%zd, %R)", AdType_ShortName(AD_TYPE(self)), tg->index,
                            tg->doc ? tg->doc : Ad_None);
}

static AdMethodDef tuplegetter_methods[] = {
    {"__reduce__", FN(tuplegetter_reduce), AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef tuplegetter_members[] = {
    {"__doc__", AD_T_OBJECT, offsetof(tuplegetter, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject collections_tuplegetter_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "collections._tuplegetter",
    .tp_basicsize = sizeof(tuplegetter),
    .tp_dealloc = tuplegetter_dealloc,
    .tp_repr = tuplegetter_repr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_tp_clear,
    .tp_methods = tuplegetter_methods,
    .tp_members = tuplegetter_members,
    .tp_descr_get = tuplegetter_get,
    .tp_descr_set = tuplegetter_set,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = tuplegetter_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- _count_elements --------------------------------------------------------------------- */

AdObject *collections_count_elements(AdObject *module, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)module;
    if (AdArg_CheckPositional("_count_elements", nargs, 2, 2) < 0)
        return NULL;
    AdObject *mapping = args[0];
    AdObject *it = AdObject_GetIter(args[1]);
    if (!it)
        return NULL;
    AdObject *one = AdInt_FromInt64(1), *zero = AdInt_FromInt64(0);
    AdObject *get_name = AdStr_InternFromString("get");
    AdObject *setitem_name = AdStr_InternFromString("__setitem__");
    int fast = AdDict_Check(mapping) &&
               AdType_Lookup(AD_TYPE(mapping), get_name) == AdType_Lookup(&AdDict_Type, get_name) &&
               AdType_Lookup(AD_TYPE(mapping), setitem_name) == AdType_Lookup(&AdDict_Type, setitem_name);
    AdObject *getter = NULL, *item, *result = NULL;
    if (!fast && !(getter = AdObject_GetAttr(mapping, get_name)))
        goto done;
    while ((item = AdIter_Next(it)) != NULL) {
        AdObject *old, *n;
        if (fast) {
            /* Hash first: an unhashable item gets the plain "unhashable type" text. */
            if (AdObject_Hash(item) == -1) {
                Ad_DECREF(item);
                goto done;
            }
            old = AdDict_GetItemWithError(mapping, item);
            if (!old && AdErr_Occurred()) {
                Ad_DECREF(item);
                goto done;
            }
            n = AdNumber_Add(old ? old : zero, one);
            if (!n || AdDict_SetItem(mapping, item, n) < 0) {
                Ad_XDECREF(n);
                Ad_DECREF(item);
                goto done;
            }
        }
        else {
            AdObject *ga[2] = {item, zero};
            old = AdObject_Vectorcall(getter, ga, 2, NULL);
            n = old ? AdNumber_Add(old, one) : NULL;
            Ad_XDECREF(old);
            if (!n || AdObject_SetItem(mapping, item, n) < 0) {
                Ad_XDECREF(n);
                Ad_DECREF(item);
                goto done;
            }
        }
        Ad_DECREF(n);
        Ad_DECREF(item);
    }
    if (!AdErr_Occurred())
        result = Ad_NewRef(Ad_None);
done:
    Ad_XDECREF(getter);
    Ad_DECREF(it);
    return result;
}

/* ---- the module -------------------------------------------------------------------------- */

static AdMethodDef collections_functions[] = {
    {"_count_elements", FN(collections_count_elements), AD_METH_FASTCALL,
     "_count_elements($module, mapping, iterable, /)\n--\n\nCount elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitCollections(void)
{
    AdTypeObject *types[] = {&collections_deque_type, &collections_dequeiter_type,
                             &collections_dequereviter_type, &collections_defaultdict_type,
                             &collections_tuplegetter_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (AdType_Ready(types[i]) < 0)
            return NULL;
    if (collections_odict_ready() < 0)
        return NULL;
    AdObject *m = AdModule_New("_collections");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "High performance data structures.\n"
                                 "- deque:        ordered collection accessible from endpoints only\n"
                                 "- defaultdict:  dict subclass with a default value factory\n") < 0 ||
        AdModule_AddFunctions(m, collections_functions) < 0 ||
        AdModule_AddObjectRef(m, "deque", (AdObject *)&collections_deque_type) < 0 ||
        AdModule_AddObjectRef(m, "defaultdict", (AdObject *)&collections_defaultdict_type) < 0 ||
        AdModule_AddObjectRef(m, "OrderedDict", (AdObject *)&collections_odict_type) < 0 ||
        AdModule_AddObjectRef(m, "_deque_iterator", (AdObject *)&collections_dequeiter_type) < 0 ||
        AdModule_AddObjectRef(m, "_deque_reverse_iterator", (AdObject *)&collections_dequereviter_type) < 0 ||
        AdModule_AddObjectRef(m, "_tuplegetter", (AdObject *)&collections_tuplegetter_type) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
