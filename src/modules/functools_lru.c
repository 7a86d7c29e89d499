/* functools_lru.c: functools._lru_cache_wrapper, the object lru_cache and
 * cache return. Keys are built as functools._make_key builds them (the
 * positional arguments, then a marker and the keyword name/value pairs,
 * then the argument types when typed; a lone exact int or str argument is
 * its own key), so hit and miss counts equal the pure version's. With a
 * bounded size the entries are links of a circular doubly linked list in
 * recency order (root->next is the oldest); the dict maps key -> link. */
#include <string.h>

#include "modules/functools_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))

typedef struct lru_link {
    AdObject_HEAD;
    struct lru_link *prev, *next;
    AdObject *key;
    AdObject *result;
} lru_link;

typedef struct {
    AdObject_HEAD;
    AdObject *func;
    AdObject *cache;            /* dict: key -> result (unbounded) or key -> link */
    AdObject *cache_info_type;
    AdObject *dict;
    AdObject *weakreflist;
    Ad_ssize_t maxsize;         /* -1: unbounded */
    int typed;
    Ad_ssize_t hits, misses;
    lru_link root;              /* sentinel of the recency list (not a real object) */
    vectorcallfunc vectorcall;
} lruobject;

/* The marker between positional and keyword parts of a key (kwd_mark). */
static AdObject kwd_mark = AD_STATIC_OBJECT_INIT(&AdBaseObject_Type);

static void link_dealloc(AdObject *self)
{
    lru_link *l = (lru_link *)self;
    Ad_XDECREF(l->key);
    Ad_XDECREF(l->result);
    AdObject_Free(self);
}

static AdTypeObject link_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "functools._lru_list_elem",
    .tp_basicsize = sizeof(lru_link),
    .tp_dealloc = link_dealloc,
    .tp_free = AdObject_Free,
};

static AdObject *lru_vectorcall(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames);

static AdObject *lru_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"user_function", "maxsize", "typed", "cache_info_type", NULL};
    AdObject *a[4];
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    Ad_ssize_t nkw = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    AdObject *stack[8], *kwnames = NULL;
    if (nargs + nkw > 8)
        return AdErr_Format(AdExc_TypeError, "lru_cache() takes at most 4 arguments (%zd given)", nargs + nkw);
    for (Ad_ssize_t i = 0; i < nargs; i++)
        stack[i] = AdTuple_GET_ITEM(args, i);
    if (nkw) {
        if (!(kwnames = AdTuple_New(nkw)))
            return NULL;
        Ad_ssize_t pos = 0, k = 0;
        AdObject *key, *value;
        while (AdDict_Next(kwargs, &pos, &key, &value)) {
            AdTuple_SET_ITEM(kwnames, k, Ad_NewRef(key));
            stack[nargs + k++] = value;
        }
    }
    int rc = AdArg_Parse("lru_cache", stack, nargs, kwnames, names, 0, 4, a);
    Ad_XDECREF(kwnames);
    if (rc < 0)
        return NULL;
    if (!functools_is_callable(a[0]))
        return AdErr_Format(AdExc_TypeError, "the first argument must be callable");
    Ad_ssize_t maxsize = -1;
    if (a[1] != Ad_None) {
        if (!AdInt_Check(a[1]))
            return AdErr_Format(AdExc_TypeError, "maxsize should be integer or None");
        maxsize = AdNumber_AsSsize_t(a[1], AdExc_OverflowError);
        if (maxsize == -1 && AdErr_Occurred())
            return NULL;
        if (maxsize < 0)
            maxsize = 0;
    }
    int typed = AdObject_IsTrue(a[2]);
    if (typed < 0)
        return NULL;
    AdObject *cache = AdDict_New();
    if (!cache)
        return NULL;
    lruobject *lru = (lruobject *)type->tp_alloc(type, 0);
    if (!lru) {
        Ad_DECREF(cache);
        return NULL;
    }
    lru->func = Ad_NewRef(a[0]);
    lru->cache = cache;
    lru->cache_info_type = Ad_NewRef(a[3]);
    lru->maxsize = maxsize;
    lru->typed = typed;
    lru->root.ob_base.ob_refcnt = AD_IMMORTAL_REFCNT;
    lru->root.ob_base.ob_type = &link_type;
    lru->root.prev = lru->root.next = &lru->root;
    lru->vectorcall = lru_vectorcall;
    return (AdObject *)lru;
}

/* The cache key of a call (new ref) or NULL. */
static AdObject *make_key(lruobject *lru, AdObject *const *args, Ad_ssize_t n, AdObject *kwnames)
{
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    if (!lru->typed && nkw == 0 && n == 1 &&
        (Ad_IS_TYPE(args[0], &AdInt_Type) || Ad_IS_TYPE(args[0], &AdStr_Type)))
        return Ad_NewRef(args[0]);
    Ad_ssize_t size = n + (nkw ? 1 + 2 * nkw : 0) + (lru->typed ? n + nkw : 0);
    AdObject *key = AdTuple_New(size);
    if (!key || size == 0)
        return key;
    Ad_ssize_t k = 0;
    for (Ad_ssize_t i = 0; i < n; i++)
        AdTuple_SET_ITEM(key, k++, Ad_NewRef(args[i]));
    if (nkw) {
        AdTuple_SET_ITEM(key, k++, Ad_NewRef(&kwd_mark));
        for (Ad_ssize_t i = 0; i < nkw; i++) {
            AdTuple_SET_ITEM(key, k++, Ad_NewRef(AdTuple_GET_ITEM(kwnames, i)));
            AdTuple_SET_ITEM(key, k++, Ad_NewRef(args[n + i]));
        }
    }
    if (lru->typed) {
        for (Ad_ssize_t i = 0; i < n + nkw; i++)
            AdTuple_SET_ITEM(key, k++, Ad_NewRef((AdObject *)AD_TYPE(args[i])));
    }
    return key;
}

static void link_unlink(lru_link *l)
{
    l->prev->next = l->next;
    l->next->prev = l->prev;
}

static void link_append(lruobject *lru, lru_link *l)
{
    lru_link *last = lru->root.prev;
    l->prev = last;
    l->next = &lru->root;
    last->next = l;
    lru->root.prev = l;
}

static AdObject *lru_vectorcall(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    lruobject *lru = (lruobject *)self;
    Ad_ssize_t n = AdVectorcall_NARGS(nargsf);
    if (lru->maxsize == 0) {
        lru->misses++;
        return AdObject_Vectorcall(lru->func, args, nargsf, kwnames);
    }
    AdObject *key = make_key(lru, args, n, kwnames);
    if (!key)
        return NULL;
    Ad_hash_t hash = AdObject_Hash(key);
    if (hash == -1) {
        Ad_DECREF(key);
        return NULL;
    }
    /* Key comparisons run Python code that may clear the cache: hold the dict. */
    AdObject *cache = Ad_NewRef(lru->cache);
    AdObject *found = AdDict_GetItemKnownHash(cache, key, hash);
    if (found) {
        lru->hits++;
        if (lru->maxsize > 0) {
            lru_link *l = (lru_link *)found;
            if (cache == lru->cache) {
                link_unlink(l);
                link_append(lru, l);
            }
            found = l->result;
        }
        AdObject *r = Ad_NewRef(found);
        Ad_DECREF(cache);
        Ad_DECREF(key);
        return r;
    }
    Ad_DECREF(cache);
    if (AdErr_Occurred()) {
        Ad_DECREF(key);
        return NULL;
    }
    lru->misses++;
    AdObject *result = AdObject_Vectorcall(lru->func, args, nargsf, kwnames);
    if (!result) {
        Ad_DECREF(key);
        return NULL;
    }
    if (lru->maxsize < 0) {
        int rc = AdDict_SetItem(lru->cache, key, result);
        Ad_DECREF(key);
        if (rc < 0) {
            Ad_DECREF(result);
            return NULL;
        }
        return result;
    }
    /* Another call may have added the key while the function ran. */
    int has = AdDict_Contains(lru->cache, key);
    if (has != 0) {
        Ad_DECREF(key);
        if (has < 0) {
            Ad_DECREF(result);
            return NULL;
        }
        return result;
    }
    lru_link *old = NULL;
    if (AdDict_GET_SIZE(lru->cache) >= lru->maxsize && lru->root.next != &lru->root) {
        old = lru->root.next;
        link_unlink(old);
        /* The dict's reference to the link becomes ours. */
        AdObject *popped = NULL;
        int prc = AdDict_Pop(lru->cache, old->key, &popped);
        if (prc < 0) {
            Ad_DECREF(key);
            Ad_DECREF(result);
            return NULL;
        }
        if (prc == 0)
            old = NULL;         /* not the dict's any more: nothing of ours to drop */
    }
    lru_link *l = (lru_link *)AdObject_New(&link_type);
    if (!l) {
        Ad_XDECREF((AdObject *)old);
        Ad_DECREF(key);
        Ad_DECREF(result);
        return NULL;
    }
    l->key = key;       /* the reference from make_key */
    l->result = Ad_NewRef(result);
    link_append(lru, l);
    int rc = AdDict_SetItem(lru->cache, key, (AdObject *)l);
    if (rc < 0)
        link_unlink(l);
    Ad_DECREF((AdObject *)l);
    Ad_XDECREF((AdObject *)old);
    if (rc < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *lru_call(AdObject *self, AdObject *args, AdObject *kwargs)
{
    return functools_call_with_dict(lru_vectorcall, self, args, kwargs);
}

static AdObject *lru_descr_get(AdObject *self, AdObject *obj, AdObject *type)
{
    (void)type;
    if (obj == NULL || obj == Ad_None)
        return Ad_NewRef(self);
    return AdMethod_New(self, obj);
}

static void lru_clear_list(lruobject *lru)
{
    lru_link *l = lru->root.next;
    lru->root.prev = lru->root.next = &lru->root;
    /* The links themselves are owned by the cache dict, cleared by the caller. */
    (void)l;
}

static AdObject *lru_cache_clear(AdObject *self, AdObject *unused)
{
    (void)unused;
    lruobject *lru = (lruobject *)self;
    lru->hits = lru->misses = 0;
    lru_clear_list(lru);
    /* Swap in an empty dict first so that finalizers see a consistent cache. */
    AdObject *fresh = AdDict_New();
    if (!fresh)
        return NULL;
    AdObject *old = lru->cache;
    lru->cache = fresh;
    Ad_DECREF(old);
    Ad_RETURN_NONE;
}

static AdObject *lru_cache_info(AdObject *self, AdObject *unused)
{
    (void)unused;
    lruobject *lru = (lruobject *)self;
    AdObject *v[4] = {AdInt_FromSsize_t(lru->hits), AdInt_FromSsize_t(lru->misses),
                      lru->maxsize < 0 ? Ad_NewRef(Ad_None) : AdInt_FromSsize_t(lru->maxsize),
                      AdInt_FromSsize_t(AdDict_GET_SIZE(lru->cache))};
    AdObject *r = NULL;
    if (v[0] && v[1] && v[2] && v[3])
        r = AdObject_Vectorcall(lru->cache_info_type, v, 4, NULL);
    for (int i = 0; i < 4; i++)
        Ad_XDECREF(v[i]);
    return r;
}

static AdObject *lru_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdObject_GetAttrString(self, "__qualname__");
}

static AdObject *lru_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(self);
}

static void lru_dealloc(AdObject *self)
{
    lruobject *lru = (lruobject *)self;
    AdObject_GC_UnTrack(self);
    lru_clear_list(lru);
    AD_CLEAR(lru->cache);
    AD_CLEAR(lru->func);
    AD_CLEAR(lru->cache_info_type);
    AD_CLEAR(lru->dict);
    AD_TYPE(self)->tp_free(self);
}

static int lru_traverse(AdObject *self, visitproc visit, void *arg)
{
    lruobject *lru = (lruobject *)self;
    AdObject *fields[] = {lru->func, lru->cache, lru->cache_info_type, lru->dict};
    for (int i = 0; i < 4; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    if (lru->maxsize > 0) {
        for (lru_link *l = lru->root.next; l != &lru->root; l = l->next) {
            int r = visit(l->key, arg);
            if (r)
                return r;
            r = visit(l->result, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int lru_tp_clear(AdObject *self)
{
    lruobject *lru = (lruobject *)self;
    lru_clear_list(lru);
    AD_CLEAR(lru->cache);
    AD_CLEAR(lru->func);
    AD_CLEAR(lru->cache_info_type);
    AD_CLEAR(lru->dict);
    return 0;
}

static AdMethodDef lru_methods[] = {
    {"cache_info", FN(lru_cache_info), AD_METH_NOARGS, "Report cache statistics"},
    {"cache_clear", FN(lru_cache_clear), AD_METH_NOARGS, "Clear the cache and cache statistics"},
    {"__reduce__", FN(lru_reduce), AD_METH_NOARGS, NULL},
    {"__copy__", FN(lru_copy), AD_METH_NOARGS, NULL},
    {"__deepcopy__", FN(lru_copy), AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef lru_getset[] = {
    {"__dict__", AdObject_GenericGetDict, AdObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject functools_lru_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(lruobject),
    .tp_dealloc = lru_dealloc,
    .tp_vectorcall_offset = offsetof(lruobject, vectorcall),
    .tp_call = lru_call,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_VECTORCALL |
                AD_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a cached callable that wraps another function.\n\n"
              "user_function:      the function being cached\n\n"
              "maxsize:  0         for no caching\n"
              "          None      for unlimited cache size\n"
              "          n         for a bounded cache\n\n"
              "typed:    False     cache f(3) and f(3.0) as identical calls\n"
              "          True      cache f(3) and f(3.0) as distinct calls\n\n"
              "cache_info_type:    namedtuple class with the fields:\n"
              "                        hits misses currsize maxsize\n",
    .tp_traverse = lru_traverse,
    .tp_clear = lru_tp_clear,
    .tp_weaklistoffset = offsetof(lruobject, weakreflist),
    .tp_methods = lru_methods,
    .tp_getset = lru_getset,
    .tp_descr_get = lru_descr_get,
    .tp_dictoffset = offsetof(lruobject, dict),
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = lru_new,
    .tp_free = AdObject_GC_Del,
};

int functools_lru_ready(void)
{
    return AdType_Ready(&link_type);
}
