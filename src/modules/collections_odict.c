/* collections_odict.c: collections.OrderedDict, its views (odict_keys,
 * odict_values, odict_items: dict views retyped so they iterate through
 * OrderedDict's iterator) and odict_iterator. The order of an
 * OrderedDict is its dict's own insertion order: move_to_end(last=True)
 * pops and reinserts; move_to_end(last=False) rebuilds (O(n), rare);
 * popitem(last=False) starts its scan at a remembered entry position while
 * the dict's entry table is unchanged. `state` counts changes to the set or
 * order of keys made through OrderedDict's own methods so iterators raise
 * "OrderedDict mutated during iteration". Updates follow
 * MutableMapping.update (they call __setitem__, so subclasses see them).
 * Messages follow CPython 3.14. */
#include <string.h>

#include "modules/collections_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "vm/ceval.h"

#define FN(f) ((void (*)(void))(f))

typedef struct {
    AdDictObject dict;
    AdObject *inst_dict;
    AdObject *weakreflist;
    uint64_t state;
    AdDictKeys *hint_keys;      /* popitem(last=False): entry table the hint belongs to */
    Ad_ssize_t hint_pos;        /* no live entry before this position */
} odict;

enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

typedef struct {
    AdObject_HEAD;
    odict *od;                  /* NULL once exhausted */
    AdObject *keys_it;          /* dict's own key iterator (forward or reversed) */
    int kind;
    int reversed;
    uint64_t state;
    Ad_ssize_t size;
    Ad_ssize_t consumed;        /* items returned so far */
} odictiter;

extern AdTypeObject collections_odict_keys_type, collections_odict_values_type, collections_odict_items_type;

#define IS_ODICT(o) AdObject_TypeCheck((o), &collections_odict_type)

/* Calls dict's own method name on self (bypassing OrderedDict's). New ref. */
static AdObject *dict_method(AdObject *self, const char *name, AdObject *const *args, Ad_ssize_t nargs)
{
    AdObject *m = AdType_LookupString(&AdDict_Type, name);
    if (!m)
        return AdErr_Format(AdExc_AttributeError, "dict has no attribute '%s'", name);
    AdObject *stack[4] = {self, NULL, NULL, NULL};
    for (Ad_ssize_t i = 0; i < nargs && i < 3; i++)
        stack[i + 1] = args[i];
    return AdObject_Vectorcall(m, stack, (size_t)nargs + 1, NULL);
}

/* ---- updates (MutableMapping.update) ----------------------------------------------------- */

static int update_from_pairs(AdObject *self, AdObject *arg)
{
    AdObject *it = AdObject_GetIter(arg);
    if (!it)
        return -1;
    AdObject *item;
    while ((item = AdIter_Next(it)) != NULL) {
        AdObject *pair = AdSequence_Tuple(item);
        Ad_DECREF(item);
        if (!pair)
            goto fail;
        Ad_ssize_t n = AdTuple_GET_SIZE(pair);
        if (n != 2) {
            if (n < 2)
                AdErr_Format(AdExc_ValueError, "need more than %zd value%s to unpack", n, n == 1 ? "" : "s");
            else
                AdErr_Format(AdExc_ValueError, "too many values to unpack (expected 2)");
            Ad_DECREF(pair);
            goto fail;
        }
        int rc = AdObject_SetItem(self, AdTuple_GET_ITEM(pair, 0), AdTuple_GET_ITEM(pair, 1));
        Ad_DECREF(pair);
        if (rc < 0)
            goto fail;
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
fail:
    Ad_DECREF(it);
    return -1;
}

static int update_arg(AdObject *self, AdObject *arg)
{
    if (AdDict_CheckExact(arg)) {
        AdObject *items = AdDict_Items(arg);
        if (!items)
            return -1;
        for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(items); i++) {
            AdObject *pair = AdList_GET_ITEM(items, i);
            if (AdObject_SetItem(self, AdTuple_GET_ITEM(pair, 0), AdTuple_GET_ITEM(pair, 1)) < 0) {
                Ad_DECREF(items);
                return -1;
            }
        }
        Ad_DECREF(items);
        return 0;
    }
    AdObject *keys_meth = NULL;
    int has = AdObject_GetOptionalAttr(arg, AdStr_InternFromString("keys"), &keys_meth);
    if (has < 0)
        return -1;
    if (has == 0)
        return update_from_pairs(self, arg);
    AdObject *keys = AdObject_CallNoArgs(keys_meth);
    Ad_DECREF(keys_meth);
    AdObject *it = keys ? AdObject_GetIter(keys) : NULL;
    Ad_XDECREF(keys);
    if (!it)
        return -1;
    AdObject *k;
    while ((k = AdIter_Next(it)) != NULL) {
        AdObject *v = AdObject_GetItem(arg, k);
        int rc = v ? AdObject_SetItem(self, k, v) : -1;
        Ad_XDECREF(v);
        Ad_DECREF(k);
        if (rc < 0) {
            Ad_DECREF(it);
            return -1;
        }
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
}

static int update_kwargs(AdObject *self, AdObject *kwargs)
{
    if (!kwargs || AdDict_GET_SIZE(kwargs) == 0)
        return 0;
    return update_arg(self, kwargs);
}

static AdObject *odict_update(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "update() takes at most 1 positional argument (%zd given)", nargs);
    if (nargs == 1 && update_arg(self, args[0]) < 0)
        return NULL;
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t i = 0; i < nkw; i++)
        if (AdObject_SetItem(self, AdTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0)
            return NULL;
    Ad_RETURN_NONE;
}

static int odict_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n > 1) {
        AdErr_Format(AdExc_TypeError, "expected at most 1 argument, got %zd", n);
        return -1;
    }
    if (n == 1 && update_arg(self, AdTuple_GET_ITEM(args, 0)) < 0)
        return -1;
    return update_kwargs(self, kwargs);
}

/* ---- item assignment and the mutating methods ------------------------------------------- */

/* Entries are renumbered only when the dict gets a new entry table: drop
 * popitem(last=False)'s position then. Every change made through
 * OrderedDict's methods checks this right away, so a table freed and
 * reallocated at the same address can't fool the check. */
static void forget_hint_if_moved(odict *od, AdDictKeys *table)
{
    if (od->dict.keys != table)
        od->hint_keys = NULL;
}

static int odict_ass_sub(AdObject *self, AdObject *key, AdObject *value)
{
    odict *od = (odict *)self;
    Ad_ssize_t before = AdDict_GET_SIZE(self);
    AdDictKeys *table = od->dict.keys;
    int rc = AdDict_Type.tp_as_mapping->mp_ass_subscript(self, key, value);
    if (rc == 0 && (value == NULL || AdDict_GET_SIZE(self) != before))
        od->state++;
    forget_hint_if_moved(od, table);
    return rc;
}

static AdObject *odict_clear(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdDict_Clear(self);
    ((odict *)self)->state++;
    ((odict *)self)->hint_keys = NULL;
    Ad_RETURN_NONE;
}

static AdObject *odict_pop(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"key", "default", NULL};
    AdObject *a[2];
    if (AdArg_Parse("pop", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    AdObject *res;
    AdDictKeys *table = ((odict *)self)->dict.keys;
    int rc = AdDict_Pop(self, a[0], &res);
    forget_hint_if_moved((odict *)self, table);
    if (rc < 0)
        return NULL;
    if (rc > 0) {
        ((odict *)self)->state++;
        return res;
    }
    if (a[1])
        return Ad_NewRef(a[1]);
    AdErr_SetObject(AdExc_KeyError, a[0]);
    return NULL;
}

static AdObject *odict_setdefault(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"key", "default", NULL};
    AdObject *a[2];
    if (AdArg_Parse("setdefault", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    AdObject *dflt = a[1] ? a[1] : Ad_None;
    AdObject *v;
    int rc = AdDict_GetItemRef(self, a[0], &v);
    if (rc < 0)
        return NULL;
    if (rc > 0)
        return v;
    if (AdObject_SetItem(self, a[0], dflt) < 0)
        return NULL;
    return Ad_NewRef(dflt);
}

/* The first (last == 0) or last key, borrowed; NULL when empty. */
static AdObject *end_key(odict *od, int last)
{
    AdObject *self = (AdObject *)od, *k = NULL;
    if (AdDict_GET_SIZE(self) == 0)
        return NULL;
    if (!last) {
        Ad_ssize_t pos = od->hint_keys == od->dict.keys ? od->hint_pos : 0;
        if (!AdDict_Next(self, &pos, &k, NULL)) {
            pos = 0;
            if (!AdDict_Next(self, &pos, &k, NULL))
                return NULL;
        }
        od->hint_keys = od->dict.keys;
        od->hint_pos = pos - 1;
        return k;
    }
    AdObject *rit = dict_method(self, "__reversed__", NULL, 0);
    if (!rit)
        return NULL;
    AdObject *key = AdIter_Next(rit);
    Ad_DECREF(rit);
    if (key)
        Ad_DECREF(key);     /* the dict still holds it */
    return key;
}

static int parse_last(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                      int nleading, AdObject **lead, int *last)
{
    static const char *const names1[] = {"last", NULL};
    static const char *const names2[] = {"key", "last", NULL};
    AdObject *a[2] = {NULL, NULL};
    if (nleading == 0 && nargs + (kwnames ? AdTuple_GET_SIZE(kwnames) : 0) > 1) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most 1 argument (%zd given)", fname,
                     nargs + (kwnames ? AdTuple_GET_SIZE(kwnames) : 0));
        return -1;
    }
    if (AdArg_Parse(fname, args, nargs, kwnames, nleading ? names2 : names1, 0, nleading, a) < 0)
        return -1;
    if (nleading)
        *lead = a[0];
    AdObject *l = nleading ? a[1] : a[0];
    *last = 1;
    if (l) {
        int t = AdObject_IsTrue(l);
        if (t < 0)
            return -1;
        *last = t;
    }
    return 0;
}

static AdObject *odict_popitem(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    int last;
    if (parse_last("popitem", args, nargs, kwnames, 0, NULL, &last) < 0)
        return NULL;
    AdObject *k = end_key((odict *)self, last);
    if (!k) {
        if (!AdErr_Occurred())
            AdErr_SetObject(AdExc_KeyError, AdStr_InternFromString("dictionary is empty"));
        return NULL;
    }
    Ad_INCREF(k);
    AdObject *v;
    AdDictKeys *table = ((odict *)self)->dict.keys;
    int rc = AdDict_Pop(self, k, &v);
    forget_hint_if_moved((odict *)self, table);
    if (rc <= 0) {
        if (rc == 0)
            AdErr_SetObject(AdExc_KeyError, k);
        Ad_DECREF(k);
        return NULL;
    }
    ((odict *)self)->state++;
    AdObject *r = AdTuple_Pack(2, k, v);
    Ad_DECREF(k);
    Ad_DECREF(v);
    return r;
}

static AdObject *odict_move_to_end(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    AdObject *key;
    int last;
    if (parse_last("move_to_end", args, nargs, kwnames, 1, &key, &last) < 0)
        return NULL;
    odict *od = (odict *)self;
    AdObject *v;
    AdDictKeys *table = od->dict.keys;
    int rc = AdDict_Pop(self, key, &v);
    forget_hint_if_moved(od, table);
    if (rc <= 0) {
        if (rc == 0)
            AdErr_SetObject(AdExc_KeyError, key);
        return NULL;
    }
    od->state++;
    if (last) {
        table = od->dict.keys;
        rc = AdDict_SetItem(self, key, v);
        forget_hint_if_moved(od, table);
        Ad_DECREF(v);
        if (rc < 0)
            return NULL;
        Ad_RETURN_NONE;
    }
    /* To the front: rebuild the dict with key first. */
    AdObject *items = AdDict_Items(self);
    if (!items) {
        Ad_DECREF(v);
        return NULL;
    }
    AdDict_Clear(self);
    od->hint_keys = NULL;
    rc = AdDict_SetItem(self, key, v);
    Ad_DECREF(v);
    for (Ad_ssize_t i = 0; rc == 0 && i < AdList_GET_SIZE(items); i++) {
        AdObject *pair = AdList_GET_ITEM(items, i);
        rc = AdDict_SetItem(self, AdTuple_GET_ITEM(pair, 0), AdTuple_GET_ITEM(pair, 1));
    }
    Ad_DECREF(items);
    if (rc < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *odict_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *n = AdObject_CallNoArgs((AdObject *)AD_TYPE(self));
    if (!n)
        return NULL;
    AdObject *items = AdDict_Items(self);
    if (!items) {
        Ad_DECREF(n);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(items); i++) {
        AdObject *pair = AdList_GET_ITEM(items, i);
        if (AdObject_SetItem(n, AdTuple_GET_ITEM(pair, 0), AdTuple_GET_ITEM(pair, 1)) < 0) {
            Ad_DECREF(items);
            Ad_DECREF(n);
            return NULL;
        }
    }
    Ad_DECREF(items);
    return n;
}

static AdObject *odict_fromkeys(AdObject *cls, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"iterable", "value", NULL};
    AdObject *a[2];
    if (AdArg_Parse("fromkeys", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    AdObject *value = a[1] ? a[1] : Ad_None;
    AdObject *n = AdObject_CallNoArgs(cls);
    if (!n)
        return NULL;
    AdObject *it = AdObject_GetIter(a[0]);
    if (!it) {
        Ad_DECREF(n);
        return NULL;
    }
    AdObject *k;
    while ((k = AdIter_Next(it)) != NULL) {
        int rc = AdObject_SetItem(n, k, value);
        Ad_DECREF(k);
        if (rc < 0)
            break;
    }
    Ad_DECREF(it);
    if (AdErr_Occurred()) {
        Ad_DECREF(n);
        return NULL;
    }
    return n;
}

/* ---- iteration and views ----------------------------------------------------------------- */

static AdObject *iter_new(odict *od, int kind, int reversed)
{
    AdObject *kit = reversed ? dict_method((AdObject *)od, "__reversed__", NULL, 0)
                             : AdDict_Type.tp_iter((AdObject *)od);
    if (!kit)
        return NULL;
    odictiter *it = (odictiter *)AdObject_GC_New(&collections_odictiter_type);
    if (!it) {
        Ad_DECREF(kit);
        return NULL;
    }
    it->od = (odict *)Ad_NewRef((AdObject *)od);
    it->keys_it = kit;
    it->kind = kind;
    it->reversed = reversed;
    it->consumed = 0;
    it->state = od->state;
    it->size = AdDict_GET_SIZE(od);
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static AdObject *odictiter_next(AdObject *self)
{
    odictiter *it = (odictiter *)self;
    if (!it->od)
        return NULL;
    if (it->od->state != it->state || AdDict_GET_SIZE(it->od) != it->size) {
        AD_CLEAR(it->od);
        return AdErr_Format(AdExc_RuntimeError, "OrderedDict mutated during iteration");
    }
    AdObject *k = AdIter_Next(it->keys_it);
    if (!k) {
        if (!AdErr_Occurred())
            AD_CLEAR(it->od);
        return NULL;
    }
    it->consumed++;
    if (it->kind == KIND_KEYS)
        return k;
    AdObject *v = AdDict_GetItemWithError((AdObject *)it->od, k);
    if (!v) {
        if (!AdErr_Occurred())
            AdErr_SetObject(AdExc_KeyError, k);
        Ad_DECREF(k);
        return NULL;
    }
    if (it->kind == KIND_VALUES) {
        Ad_DECREF(k);
        return Ad_NewRef(v);
    }
    AdObject *r = AdTuple_Pack(2, k, v);
    Ad_DECREF(k);
    return r;
}

static void odictiter_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((odictiter *)self)->od);
    AD_CLEAR(((odictiter *)self)->keys_it);
    AdObject_GC_Del(self);
}

static int odictiter_traverse(AdObject *self, visitproc visit, void *arg)
{
    odictiter *it = (odictiter *)self;
    if (it->od) {
        int r = visit((AdObject *)it->od, arg);
        if (r)
            return r;
    }
    return it->keys_it ? visit(it->keys_it, arg) : 0;
}

/* (iter, (list of the items still to come,)), without consuming them. */
static AdObject *odictiter_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    odictiter *it = (odictiter *)self;
    AdObject *rest;
    if (!it->od)
        rest = AdList_New(0);
    else {
        AdObject *copy = iter_new(it->od, it->kind, it->reversed);
        if (!copy)
            return NULL;
        ((odictiter *)copy)->state = it->state;
        ((odictiter *)copy)->size = it->size;
        for (Ad_ssize_t i = 0; i < it->consumed; i++) {
            AdObject *x = odictiter_next(copy);
            if (!x)
                break;
            Ad_DECREF(x);
        }
        rest = AdErr_Occurred() ? NULL : AdSequence_List(copy);
        Ad_DECREF(copy);
    }
    if (!rest)
        return NULL;
    AdObject *builtins = AdEval_GetBuiltins();
    AdObject *iter_fn = builtins ? AdDict_GetItemString(builtins, "iter") : NULL;
    AdObject *inner = iter_fn ? AdTuple_Pack(1, rest) : NULL;
    AdObject *r = inner ? AdTuple_Pack(2, iter_fn, inner) : NULL;
    if (!r && !AdErr_Occurred())
        AdErr_SetString(AdExc_RuntimeError, "lost builtins.iter");
    Ad_XDECREF(inner);
    Ad_DECREF(rest);
    return r;
}

static AdMethodDef odictiter_methods[] = {
    {"__reduce__", FN(odictiter_reduce), AD_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject collections_odictiter_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "odict_iterator",
    .tp_basicsize = sizeof(odictiter),
    .tp_dealloc = odictiter_dealloc,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = odictiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = odictiter_next,
    .tp_methods = odictiter_methods,
    .tp_free = AdObject_GC_Del,
};

/* The views: a dict view made by dict's own keys()/values()/items() and
 * retyped to a subclass of its type that iterates through odict_iterator.
 * Reading the view's dict assumes the views' layout (header + the dict);
 * init checks that assumption once and, if it fails, hands out plain dict
 * views instead. */
typedef struct {
    AdObject_HEAD;
    AdObject *dict;
} odview;

static int views_retypable = -1;

static AdObject *make_view(AdObject *self, const char *name, AdTypeObject *type)
{
    AdObject *v = dict_method(self, name, NULL, 0);
    if (v && views_retypable == 1)
        v->ob_type = type;
    return v;
}

static AdObject *odict_keys(AdObject *self, AdObject *u) { (void)u; return make_view(self, "keys", &collections_odict_keys_type); }
static AdObject *odict_values(AdObject *self, AdObject *u) { (void)u; return make_view(self, "values", &collections_odict_values_type); }
static AdObject *odict_items(AdObject *self, AdObject *u) { (void)u; return make_view(self, "items", &collections_odict_items_type); }

static int view_kind(AdObject *view)
{
    AdTypeObject *t = AD_TYPE(view);
    return t == &collections_odict_keys_type ? KIND_KEYS : t == &collections_odict_values_type ? KIND_VALUES : KIND_ITEMS;
}

static AdObject *odview_iter(AdObject *view)
{
    return iter_new((odict *)((odview *)view)->dict, view_kind(view), 0);
}

static AdObject *odview_reversed(AdObject *view, AdObject *unused)
{
    (void)unused;
    return iter_new((odict *)((odview *)view)->dict, view_kind(view), 1);
}

static AdMethodDef odview_methods[] = {
    {"__reversed__", FN(odview_reversed), AD_METH_NOARGS, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

#define ODVIEW_TYPE(cname, pyname, base)                        \
    AdTypeObject cname = {                                      \
        .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),         \
        .tp_name = pyname,                                      \
        .tp_basicsize = sizeof(odview),                         \
        .tp_flags = AD_TPFLAGS_HAVE_GC,                         \
        .tp_iter = odview_iter,                                 \
        .tp_methods = odview_methods,                           \
        .tp_base = &base,                                       \
    };
ODVIEW_TYPE(collections_odict_keys_type, "odict_keys", AdDictKeys_Type)
ODVIEW_TYPE(collections_odict_values_type, "odict_values", AdDictValues_Type)
ODVIEW_TYPE(collections_odict_items_type, "odict_items", AdDictItems_Type)

int collections_odict_ready(void)
{
    AdTypeObject *types[] = {&collections_odict_type, &collections_odictiter_type, &collections_odict_keys_type,
                             &collections_odict_values_type, &collections_odict_items_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (AdType_Ready(types[i]) < 0)
            return -1;
    if (views_retypable < 0) {
        AdObject *d = AdDict_New();
        AdObject *v = d ? dict_method(d, "keys", NULL, 0) : NULL;
        if (!v) {
            Ad_XDECREF(d);
            return -1;
        }
        views_retypable = AD_TYPE(v) == &AdDictKeys_Type && AD_TYPE(v)->tp_basicsize == (Ad_ssize_t)sizeof(odview) &&
                          ((odview *)v)->dict == d;
        Ad_DECREF(v);
        Ad_DECREF(d);
    }
    return 0;
}

/* ---- the OrderedDict type ---------------------------------------------------------------- */

static AdObject *odict_iter(AdObject *self) { return iter_new((odict *)self, KIND_KEYS, 0); }

static AdObject *odict_reversed(AdObject *self, AdObject *unused)
{
    (void)unused;
    return iter_new((odict *)self, KIND_KEYS, 1);
}

static AdObject *odict_repr(AdObject *self)
{
    const char *name = AdType_ShortName(AD_TYPE(self));
    if (AdDict_GET_SIZE(self) == 0)
        return AdStr_FromFormat("%s()", name);
    int rc = Ad_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? AdStr_FromString("...") : NULL;
    AdObject *plain = AdDict_New(), *r = NULL;
    if (plain) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        int ok = 1;
        while (ok && AdDict_Next(self, &pos, &k, &v))
            ok = AdDict_SetItem(plain, k, v) == 0;
        if (ok)
            r = AdStr_FromFormat("%s(%R)", name, plain);
        Ad_DECREF(plain);
    }
    Ad_ReprLeave(self);
    return r;
}

static AdObject *odict_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!AdDict_Check(a) || !AdDict_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    if ((op != AD_EQ && op != AD_NE) || !IS_ODICT(a) || !IS_ODICT(b))
        return AdDict_Type.tp_richcompare(a, b, op);
    AdObject *eq = AdDict_Type.tp_richcompare(a, b, AD_EQ);
    if (!eq || eq != Ad_True) {
        if (eq == Ad_False && op == AD_NE)
            return Ad_True;
        return eq;
    }
    /* Same items: the orders must match too. */
    AdObject *ka = AdDict_Keys(a), *kb = ka ? AdDict_Keys(b) : NULL;
    int same = kb != NULL && AdList_GET_SIZE(ka) == AdList_GET_SIZE(kb);
    for (Ad_ssize_t i = 0; same && i < AdList_GET_SIZE(ka); i++) {
        int c = AdObject_RichCompareBool(AdList_GET_ITEM(ka, i), AdList_GET_ITEM(kb, i), AD_EQ);
        if (c < 0) {
            Ad_XDECREF(ka);
            Ad_XDECREF(kb);
            return NULL;
        }
        same = c;
    }
    int failed = !kb;
    Ad_XDECREF(ka);
    Ad_XDECREF(kb);
    if (failed)
        return NULL;
    return AdBool_FromLong(op == AD_EQ ? same : !same);
}

static AdObject *odict_or(AdObject *left, AdObject *right)
{
    AdObject *od = IS_ODICT(left) ? left : right;
    AdObject *other = od == left ? right : left;
    if (!AdDict_Check(other))
        Ad_RETURN_NOTIMPLEMENTED;
    AdObject *n = AdObject_CallOneArg((AdObject *)AD_TYPE(od), left);
    if (!n)
        return NULL;
    if (update_arg(n, right) < 0) {
        Ad_DECREF(n);
        return NULL;
    }
    return n;
}

static AdObject *odict_ior(AdObject *self, AdObject *other)
{
    if (update_arg(self, other) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *odict_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *state = ((odict *)self)->inst_dict;
    if (!state || AdDict_GET_SIZE(state) == 0)
        state = Ad_None;
    AdObject *items = odict_items(self, NULL);
    AdObject *it = items ? AdObject_GetIter(items) : NULL;
    Ad_XDECREF(items);
    if (!it)
        return NULL;
    AdObject *empty = AdTuple_New(0);
    AdObject *r = empty ? AdTuple_Pack(5, (AdObject *)AD_TYPE(self), empty, state, Ad_None, it) : NULL;
    Ad_XDECREF(empty);
    Ad_DECREF(it);
    return r;
}

static AdObject *odict_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *base = dict_method(self, "__sizeof__", NULL, 0);
    if (!base)
        return NULL;
    Ad_ssize_t n = AdInt_AsSsize_t(base);
    Ad_DECREF(base);
    if (n == -1 && AdErr_Occurred())
        return NULL;
    return AdInt_FromSsize_t(n + (Ad_ssize_t)(sizeof(odict) - sizeof(AdDictObject)));
}

static void odict_dealloc(AdObject *self)
{
    AD_CLEAR(((odict *)self)->inst_dict);
    AdDict_Type.tp_dealloc(self);
}

static int odict_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *d = ((odict *)self)->inst_dict;
    if (d) {
        int r = visit(d, arg);
        if (r)
            return r;
    }
    return AdDict_Type.tp_traverse(self, visit, arg);
}

static int odict_tp_clear(AdObject *self)
{
    AD_CLEAR(((odict *)self)->inst_dict);
    ((odict *)self)->state++;
    ((odict *)self)->hint_keys = NULL;
    return AdDict_Type.tp_clear(self);
}

static AdMethodDef odict_methods[] = {
    {"__reduce__", FN(odict_reduce), AD_METH_NOARGS, "Return state information for pickling"},
    {"__reversed__", FN(odict_reversed), AD_METH_NOARGS, "od.__reversed__() <==> reversed(od)"},
    {"__sizeof__", FN(odict_sizeof), AD_METH_NOARGS, NULL},
    {"clear", FN(odict_clear), AD_METH_NOARGS, "od.clear() -> None.  Remove all items from od."},
    {"copy", FN(odict_copy), AD_METH_NOARGS, "od.copy() -> a shallow copy of od"},
    {"fromkeys", FN(odict_fromkeys), AD_METH_FASTCALL | AD_METH_KEYWORDS | AD_METH_CLASS,
     "Create a new ordered dictionary with keys from iterable and values set to value."},
    {"items", FN(odict_items), AD_METH_NOARGS, NULL},
    {"keys", FN(odict_keys), AD_METH_NOARGS, NULL},
    {"move_to_end", FN(odict_move_to_end), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Move an existing element to the end (or beginning if last is false).\n\nRaise KeyError if the element does not exist."},
    {"pop", FN(odict_pop), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "od.pop(key[,default]) -> v, remove specified key and return the corresponding value."},
    {"popitem", FN(odict_popitem), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Remove and return a (key, value) pair from the dictionary.\n\nPairs are returned in LIFO order if last is true or FIFO order if false."},
    {"setdefault", FN(odict_setdefault), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."},
    {"update", FN(odict_update), AD_METH_FASTCALL | AD_METH_KEYWORDS, NULL},
    {"values", FN(odict_values), AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef odict_getset[] = {
    {"__dict__", AdObject_GenericGetDict, AdObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMappingMethods odict_as_mapping = {
    .mp_ass_subscript = odict_ass_sub,
};

static AdNumberMethods odict_as_number = {
    .nb_or = odict_or,
    .nb_inplace_or = odict_ior,
};

AdTypeObject collections_odict_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "collections.OrderedDict",
    .tp_basicsize = sizeof(odict),
    .tp_dealloc = odict_dealloc,
    .tp_repr = odict_repr,
    .tp_as_number = &odict_as_number,
    .tp_as_mapping = &odict_as_mapping,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "Dictionary that remembers insertion order",
    .tp_traverse = odict_traverse,
    .tp_clear = odict_tp_clear,
    .tp_richcompare = odict_richcompare,
    .tp_weaklistoffset = offsetof(odict, weakreflist),
    .tp_iter = odict_iter,
    .tp_methods = odict_methods,
    .tp_getset = odict_getset,
    .tp_base = &AdDict_Type,
    .tp_dictoffset = offsetof(odict, inst_dict),
    .tp_init = odict_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_free = AdObject_GC_Del,
};
