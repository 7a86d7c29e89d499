/* abc.c: the _abc module, the native core of abc.ABCMeta (Lib/abc.py):
 * each ABC keeps an _abc_data object (_abc_impl) holding its registry of
 * virtual subclasses and its positive and negative caches, all sets of
 * weak references; a global invalidation counter (get_cache_token) makes
 * negative caches stale whenever any ABC registers a class. The
 * algorithm and messages are those of Lib/_py_abc.py and CPython 3.14. */
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"
#include "memory/gc.h"

#define FN(f) ((void (*)(void))(f))

/* Bumped by every _abc_register (the value of get_cache_token()). */
static unsigned long long invalidation_counter;

/* ---- _abc._abc_data ------------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *registry;         /* set of weak references, or NULL */
    AdObject *cache;
    AdObject *negative_cache;
    unsigned long long negative_cache_version;
} AbcData;

static AdTypeObject abc_data_type;

static AdObject *abc_data_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    AbcData *d = (AbcData *)type->tp_alloc(type, 0);
    if (!d)
        return NULL;
    d->registry = d->cache = d->negative_cache = NULL;
    d->negative_cache_version = invalidation_counter;
    return (AdObject *)d;
}

static int abc_data_traverse(AdObject *self, visitproc visit, void *arg)
{
    AbcData *d = (AbcData *)self;
    AdObject *fields[] = {d->registry, d->cache, d->negative_cache};
    for (int i = 0; i < 3; i++)
        if (fields[i]) {
            int rc = visit(fields[i], arg);
            if (rc)
                return rc;
        }
    return 0;
}

static int abc_data_clear(AdObject *self)
{
    AbcData *d = (AbcData *)self;
    AD_CLEAR(d->registry);
    AD_CLEAR(d->cache);
    AD_CLEAR(d->negative_cache);
    return 0;
}

static void abc_data_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    abc_data_clear(self);
    AD_TYPE(self)->tp_free(self);
}

static AdTypeObject abc_data_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_abc._abc_data",
    .tp_basicsize = sizeof(AbcData),
    .tp_dealloc = abc_data_dealloc,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Internal state held by ABC machinery.",
    .tp_traverse = abc_data_traverse,
    .tp_clear = abc_data_clear,
    .tp_new = abc_data_new,
    .tp_free = AdObject_GC_Del,
};

/* self._abc_impl (new ref), checked to be an _abc_data. */
static AbcData *get_impl(AdObject *self)
{
    AdObject *impl = AdObject_GetAttrString(self, "_abc_impl");
    if (!impl)
        return NULL;
    if (!Ad_IS_TYPE(impl, &abc_data_type)) {
        AdErr_SetString(AdExc_TypeError, "_abc_impl is set to a wrong type");
        Ad_DECREF(impl);
        return NULL;
    }
    return (AbcData *)impl;
}

/* ---- sets of weak references ------------------------------------------------------------ */

/* 1 if a weak reference to obj is in *pset, 0 if not (or obj cannot be
 * weakly referenced), -1 on error. */
static int in_weak_set(AdObject **pset, AdObject *obj)
{
    AdObject *set = *pset;
    if (!set || AdSet_GET_SIZE(set) == 0)
        return 0;
    AdObject *ref = AdWeakref_NewRef(obj, NULL);
    if (!ref) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            return 0;
        }
        return -1;
    }
    Ad_INCREF(set);
    int r = AdSet_Contains(set, ref);
    Ad_DECREF(set);
    Ad_DECREF(ref);
    return r;
}

/* The callback of the references in a weak set: self is a weak reference
 * to the set, arg the reference that died. */
static AdObject *weak_set_discard(AdObject *self, AdObject *arg)
{
    AdObject *set = AdWeakref_GetRef(self);
    if (set) {
        int r = AdSet_Discard(set, arg);
        Ad_DECREF(set);
        if (r < 0)
            return NULL;
    }
    Ad_RETURN_NONE;
}

static AdMethodDef weak_set_discard_def = {
    "_destroy", FN(weak_set_discard), AD_METH_O, NULL,
};

static int add_to_weak_set(AdObject **pset, AdObject *obj)
{
    if (!*pset) {
        *pset = AdSet_New(NULL);
        if (!*pset)
            return -1;
    }
    AdObject *set = *pset;
    AdObject *set_ref = AdWeakref_NewRef(set, NULL);
    if (!set_ref)
        return -1;
    AdObject *destroy = AdCFunction_NewEx(&weak_set_discard_def, set_ref, NULL);
    Ad_DECREF(set_ref);
    if (!destroy)
        return -1;
    AdObject *ref = AdWeakref_NewRef(obj, destroy);
    Ad_DECREF(destroy);
    if (!ref)
        return -1;
    int r = AdSet_Add(set, ref);
    Ad_DECREF(ref);
    return r;
}

/* A copy of a weak set (an empty set for NULL). */
static AdObject *copy_set(AdObject *set)
{
    return AdSet_New(set);
}

/* ---- _abc_init ------------------------------------------------------------------------------ */

/* getattr(value, "__isabstractmethod__", False) as a truth value. */
static int is_abstract(AdObject *value)
{
    AdObject *flag;
    int r = AdObject_GetOptionalAttr(value, AdStr_InternFromString("__isabstractmethod__"), &flag);
    if (r <= 0)
        return r;
    r = AdObject_IsTrue(flag);
    Ad_DECREF(flag);
    return r;
}

static int compute_abstract_methods(AdObject *self)
{
    int rc = -1;
    AdObject *abstracts = AdSet_New(NULL), *ns = NULL, *items = NULL, *bases = NULL;
    if (!abstracts)
        return -1;
    /* Stage 1: the abstract methods defined by the class itself. */
    ns = AdObject_GetAttrString(self, "__dict__");
    if (!ns)
        goto done;
    items = AdObject_CallMethod(ns, AdStr_InternFromString("items"), NULL, 0);
    AdObject *it = items ? AdObject_GetIter(items) : NULL;
    if (!it)
        goto done;
    AdObject *pair;
    while ((pair = AdIter_Next(it))) {
        if (!AdTuple_Check(pair) || AdTuple_GET_SIZE(pair) != 2) {
            AdErr_SetString(AdExc_TypeError, "items() returned item which is not a 2-tuple");
            Ad_DECREF(pair);
            Ad_DECREF(it);
            goto done;
        }
        int r = is_abstract(AdTuple_GET_ITEM(pair, 1));
        if (r > 0)
            r = AdSet_Add(abstracts, AdTuple_GET_ITEM(pair, 0));
        Ad_DECREF(pair);
        if (r < 0) {
            Ad_DECREF(it);
            goto done;
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        goto done;
    /* Stage 2: inherited abstract methods still unimplemented. */
    bases = AdObject_GetAttrString(self, "__bases__");
    if (!bases)
        goto done;
    if (!AdTuple_Check(bases)) {
        AdErr_SetString(AdExc_TypeError, "__bases__ is not tuple");
        goto done;
    }
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(bases); i++) {
        AdObject *base_abstracts;
        int r = AdObject_GetOptionalAttr(AdTuple_GET_ITEM(bases, i),
                                         AdStr_InternFromString("__abstractmethods__"), &base_abstracts);
        if (r < 0)
            goto done;
        if (r == 0)
            continue;
        AdObject *bit = AdObject_GetIter(base_abstracts);
        Ad_DECREF(base_abstracts);
        if (!bit)
            goto done;
        AdObject *name;
        while ((name = AdIter_Next(bit))) {
            AdObject *value;
            r = AdObject_GetOptionalAttr(self, name, &value);
            if (r > 0) {
                r = is_abstract(value);
                Ad_DECREF(value);
                if (r > 0)
                    r = AdSet_Add(abstracts, name);
            }
            Ad_DECREF(name);
            if (r < 0) {
                Ad_DECREF(bit);
                goto done;
            }
        }
        Ad_DECREF(bit);
        if (AdErr_Occurred())
            goto done;
    }
    AdObject *frozen = AdFrozenSet_New(abstracts);
    if (!frozen)
        goto done;
    rc = AdObject_SetAttr(self, AdStr_InternFromString("__abstractmethods__"), frozen);
    Ad_DECREF(frozen);
done:
    Ad_DECREF(abstracts);
    Ad_XDECREF(ns);
    Ad_XDECREF(items);
    Ad_XDECREF(bases);
    return rc;
}

#define COLLECTION_FLAGS (AD_TPFLAGS_MATCH_SEQUENCE | AD_TPFLAGS_MATCH_MAPPING)

static AdObject *abc_init(AdObject *m, AdObject *self)
{
    (void)m;
    if (compute_abstract_methods(self) < 0)
        return NULL;
    AdObject *data = abc_data_new(&abc_data_type, NULL, NULL);
    if (!data)
        return NULL;
    int r = AdObject_SetAttr(self, AdStr_InternFromString("_abc_impl"), data);
    Ad_DECREF(data);
    if (r < 0)
        return NULL;
    /* collections.abc marks Sequence and Mapping through __abc_tpflags__,
     * which is taken out of the class namespace. */
    if (AdType_Check(self)) {
        AdTypeObject *cls = (AdTypeObject *)self;
        AdObject *flags = AdDict_GetItemString(cls->tp_dict, "__abc_tpflags__");
        if (flags) {
            Ad_INCREF(flags);
            if (AdDict_DelItemString(cls->tp_dict, "__abc_tpflags__") < 0) {
                Ad_DECREF(flags);
                return NULL;
            }
            AdType_Modified(cls);
            if (AdInt_CheckExact(flags)) {
                long long val = AdInt_AsInt64(flags);
                Ad_DECREF(flags);
                if (val == -1 && AdErr_Occurred())
                    return NULL;
                if ((val & COLLECTION_FLAGS) == COLLECTION_FLAGS)
                    return AdErr_Format(AdExc_TypeError, "__abc_tpflags__ cannot be both "
                                        "Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
                cls->tp_flags |= (unsigned long)val & COLLECTION_FLAGS;
            }
            else
                Ad_DECREF(flags);
        }
    }
    Ad_RETURN_NONE;
}

/* ---- _abc_register ---------------------------------------------------------------------- */

static int set_collection_flag_recursive(AdTypeObject *child, unsigned long flag)
{
    if ((child->tp_flags & AD_TPFLAGS_IMMUTABLETYPE) || (child->tp_flags & COLLECTION_FLAGS))
        return 0;
    child->tp_flags |= flag;
    AdObject *subs = AdObject_CallMethod((AdObject *)child, AdStr_InternFromString("__subclasses__"), NULL, 0);
    if (!subs)
        return -1;
    for (Ad_ssize_t i = 0; AdList_Check(subs) && i < AdList_GET_SIZE(subs); i++) {
        AdObject *sub = AdList_GET_ITEM(subs, i);
        if (AdType_Check(sub) && set_collection_flag_recursive((AdTypeObject *)sub, flag) < 0) {
            Ad_DECREF(subs);
            return -1;
        }
    }
    Ad_DECREF(subs);
    return 0;
}

static AdObject *abc_register(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("_abc_register", nargs, 2, 2) < 0)
        return NULL;
    AdObject *self = args[0], *subclass = args[1];
    if (!AdType_Check(subclass))
        return AdErr_Format(AdExc_TypeError, "Can only register classes");
    int r = AdObject_IsSubclass(subclass, self);
    if (r > 0)
        return Ad_NewRef(subclass);     /* already a subclass */
    if (r < 0)
        return NULL;
    /* After the test above, so that X.register(X) is a no-op. */
    r = AdObject_IsSubclass(self, subclass);
    if (r > 0)
        return AdErr_Format(AdExc_RuntimeError, "Refusing to create an inheritance cycle");
    if (r < 0)
        return NULL;
    AbcData *impl = get_impl(self);
    if (!impl)
        return NULL;
    r = add_to_weak_set(&impl->registry, subclass);
    Ad_DECREF((AdObject *)impl);
    if (r < 0)
        return NULL;
    invalidation_counter++;
    if (AdType_Check(self)) {
        unsigned long flag = ((AdTypeObject *)self)->tp_flags & COLLECTION_FLAGS;
        if (flag && set_collection_flag_recursive((AdTypeObject *)subclass, flag) < 0)
            return NULL;
    }
    return Ad_NewRef(subclass);
}

/* ---- _abc_instancecheck and _abc_subclasscheck ---------------------------------------------- */

static AdObject *call_subclasscheck(AdObject *self, AdObject *cls)
{
    return AdObject_CallMethod(self, AdStr_InternFromString("__subclasscheck__"), &cls, 1);
}

static AdObject *abc_instancecheck(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("_abc_instancecheck", nargs, 2, 2) < 0)
        return NULL;
    AdObject *self = args[0], *instance = args[1];
    AbcData *impl = get_impl(self);
    if (!impl)
        return NULL;
    AdObject *result = NULL;
    AdObject *subclass = AdObject_GetAttrString(instance, "__class__");
    if (!subclass)
        goto done;
    /* The caches first. */
    int r = in_weak_set(&impl->cache, subclass);
    if (r < 0)
        goto done;
    if (r > 0) {
        result = Ad_NewRef(Ad_True);
        goto done;
    }
    AdObject *subtype = (AdObject *)AD_TYPE(instance);
    if (subtype == subclass) {
        if (impl->negative_cache_version == invalidation_counter) {
            r = in_weak_set(&impl->negative_cache, subclass);
            if (r < 0)
                goto done;
            if (r > 0) {
                result = Ad_NewRef(Ad_False);
                goto done;
            }
        }
        result = call_subclasscheck(self, subclass);
        goto done;
    }
    result = call_subclasscheck(self, subclass);
    if (!result)
        goto done;
    r = AdObject_IsTrue(result);
    if (r != 0) {
        if (r < 0)
            AD_CLEAR(result);
        goto done;
    }
    Ad_DECREF(result);
    result = call_subclasscheck(self, subtype);
done:
    Ad_XDECREF(subclass);
    Ad_DECREF((AdObject *)impl);
    return result;
}

/* Step 5 of the subclass check: is subclass a subclass of a registered
 * class? 1 (and *result set), 0, or -1. */
static int check_registry(AbcData *impl, AdObject *subclass, AdObject **result)
{
    int r = in_weak_set(&impl->registry, subclass);
    if (r < 0)
        return -1;
    if (r > 0) {
        *result = Ad_NewRef(Ad_True);
        return 1;
    }
    if (!impl->registry || AdSet_GET_SIZE(impl->registry) == 0)
        return 0;
    /* Callbacks may shrink the registry while we look: take a snapshot. */
    AdObject *snapshot = AdSequence_List(impl->registry);
    if (!snapshot)
        return -1;
    int found = 0;
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(snapshot) && !found; i++) {
        AdObject *rcls = AdWeakref_GetRef(AdList_GET_ITEM(snapshot, i));
        if (!rcls)
            continue;
        r = AdObject_IsSubclass(subclass, rcls);
        Ad_DECREF(rcls);
        if (r < 0 || (r > 0 && add_to_weak_set(&impl->cache, subclass) < 0)) {
            found = -1;
            break;
        }
        if (r > 0) {
            *result = Ad_NewRef(Ad_True);
            found = 1;
        }
    }
    Ad_DECREF(snapshot);
    return found;
}

static AdObject *abc_subclasscheck(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("_abc_subclasscheck", nargs, 2, 2) < 0)
        return NULL;
    AdObject *self = args[0], *subclass = args[1];
    if (!AdType_Check(subclass))
        return AdErr_Format(AdExc_TypeError, "issubclass() arg 1 must be a class");
    AbcData *impl = get_impl(self);
    if (!impl)
        return NULL;
    AdObject *result = NULL, *ok = NULL, *subclasses = NULL;
    /* 1. The cache. */
    int r = in_weak_set(&impl->cache, subclass);
    if (r < 0)
        goto done;
    if (r > 0) {
        result = Ad_NewRef(Ad_True);
        goto done;
    }
    /* 2. The negative cache, emptied when a registration made it stale. */
    if (impl->negative_cache_version < invalidation_counter) {
        if (impl->negative_cache && AdSet_Clear(impl->negative_cache) < 0)
            goto done;
        impl->negative_cache_version = invalidation_counter;
    }
    else {
        r = in_weak_set(&impl->negative_cache, subclass);
        if (r < 0)
            goto done;
        if (r > 0) {
            result = Ad_NewRef(Ad_False);
            goto done;
        }
    }
    /* 3. The subclass hook. */
    ok = AdObject_CallMethod(self, AdStr_InternFromString("__subclasshook__"), &subclass, 1);
    if (!ok)
        goto done;
    if (ok == Ad_True) {
        if (add_to_weak_set(&impl->cache, subclass) < 0)
            goto done;
        result = Ad_NewRef(Ad_True);
        goto done;
    }
    if (ok == Ad_False) {
        if (add_to_weak_set(&impl->negative_cache, subclass) < 0)
            goto done;
        result = Ad_NewRef(Ad_False);
        goto done;
    }
    if (ok != Ad_NotImplemented) {
        AdErr_SetString(AdExc_AssertionError,
                        "__subclasshook__ must return either False, True, or NotImplemented");
        goto done;
    }
    /* 4. A real subclass. */
    AdObject *mro = ((AdTypeObject *)subclass)->tp_mro;
    for (Ad_ssize_t i = 0; mro && i < AdTuple_GET_SIZE(mro); i++) {
        if (AdTuple_GET_ITEM(mro, i) == self) {
            if (add_to_weak_set(&impl->cache, subclass) < 0)
                goto done;
            result = Ad_NewRef(Ad_True);
            goto done;
        }
    }
    /* 5. A subclass of a registered class. */
    r = check_registry(impl, subclass, &result);
    if (r != 0)
        goto done;
    /* 6. A subclass of a subclass. */
    subclasses = AdObject_CallMethod(self, AdStr_InternFromString("__subclasses__"), NULL, 0);
    if (!subclasses)
        goto done;
    if (!AdList_Check(subclasses)) {
        AdErr_SetString(AdExc_TypeError, "__subclasses__() must return a list");
        goto done;
    }
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(subclasses); i++) {
        AdObject *scls = AdList_GET_ITEM(subclasses, i);
        Ad_INCREF(scls);
        r = AdObject_IsSubclass(subclass, scls);
        Ad_DECREF(scls);
        if (r < 0)
            goto done;
        if (r > 0) {
            if (add_to_weak_set(&impl->cache, subclass) < 0)
                goto done;
            result = Ad_NewRef(Ad_True);
            goto done;
        }
    }
    /* No dice: remember the answer. */
    if (add_to_weak_set(&impl->negative_cache, subclass) < 0)
        goto done;
    result = Ad_NewRef(Ad_False);
done:
    Ad_XDECREF(ok);
    Ad_XDECREF(subclasses);
    Ad_DECREF((AdObject *)impl);
    return result;
}

/* ---- introspection and resets ------------------------------------------------------------- */

static AdObject *abc_get_dump(AdObject *m, AdObject *self)
{
    (void)m;
    AbcData *impl = get_impl(self);
    if (!impl)
        return NULL;
    AdObject *registry = copy_set(impl->registry);
    AdObject *cache = registry ? copy_set(impl->cache) : NULL;
    AdObject *negative = cache ? copy_set(impl->negative_cache) : NULL;
    AdObject *version = negative ? AdInt_FromUInt64(impl->negative_cache_version) : NULL;
    AdObject *r = NULL;
    if (version)
        r = AdTuple_Pack(4, registry, cache, negative, version);
    Ad_XDECREF(registry);
    Ad_XDECREF(cache);
    Ad_XDECREF(negative);
    Ad_XDECREF(version);
    Ad_DECREF((AdObject *)impl);
    return r;
}

static AdObject *abc_reset_registry(AdObject *m, AdObject *self)
{
    (void)m;
    AbcData *impl = get_impl(self);
    if (!impl)
        return NULL;
    int r = impl->registry ? AdSet_Clear(impl->registry) : 0;
    Ad_DECREF((AdObject *)impl);
    if (r < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *abc_reset_caches(AdObject *m, AdObject *self)
{
    (void)m;
    AbcData *impl = get_impl(self);
    if (!impl)
        return NULL;
    int r = impl->cache ? AdSet_Clear(impl->cache) : 0;
    if (r == 0 && impl->negative_cache)
        r = AdSet_Clear(impl->negative_cache);
    Ad_DECREF((AdObject *)impl);
    if (r < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *abc_get_cache_token(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return AdInt_FromUInt64(invalidation_counter);
}

static AdMethodDef abc_methods[] = {
    {"get_cache_token", FN(abc_get_cache_token), AD_METH_NOARGS,
     "Returns the current ABC cache token.\n\n"
     "The token is an opaque object (supporting equality testing) identifying the\n"
     "current version of the ABC cache for virtual subclasses. The token changes\n"
     "with every call to register() on any ABC."},
    {"_abc_init", FN(abc_init), AD_METH_O, "Internal ABC helper for class set-up. Should be never used outside abc module."},
    {"_reset_registry", FN(abc_reset_registry), AD_METH_O,
     "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py"},
    {"_reset_caches", FN(abc_reset_caches), AD_METH_O,
     "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py"},
    {"_get_dump", FN(abc_get_dump), AD_METH_O,
     "Internal ABC helper for cache and registry debugging.\n\n"
     "Return shallow copies of registry, of both caches, and\n"
     "negative cache version. Don't call this function directly,\n"
     "instead use ABC._dump_registry() for a nice repr."},
    {"_abc_register", FN(abc_register), AD_METH_FASTCALL, "Internal ABC helper for subclasss registration. Should be never used outside abc module."},
    {"_abc_instancecheck", FN(abc_instancecheck), AD_METH_FASTCALL,
     "Internal ABC helper for instance checks. Should be never used outside abc module."},
    {"_abc_subclasscheck", FN(abc_subclasscheck), AD_METH_FASTCALL,
     "Internal ABC helper for subclasss checks. Should be never used outside abc module."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitAbc(void)
{
    if (AdType_Ready(&abc_data_type) < 0 || AdType_Ready(&AdWeakref_RefType) < 0)
        return NULL;
    AdObject *m = AdModule_New("_abc");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "Module contains faster C implementation of abc.ABCMeta") < 0 ||
        AdModule_AddFunctions(m, abc_methods) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
