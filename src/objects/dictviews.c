/* dictviews.c: the dict iterators (keys, values, items; forwards and
 * reversed), which notice a dict that changed size ("dictionary changed
 * size during iteration") or swapped keys at the same size ("dictionary
 * keys changed during iteration"); and the views dict_keys, dict_values
 * and dict_items: len, iter, reversed, membership, the mapping attribute,
 * repr, and for keys and items the set operations and comparisons. */
#include "objects/dict.h"
#include "objects/set.h"
#include "objects/list_deps.h"
#include "objects/object_reduce.h"

/* ---- iterators ----------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *dict;             /* NULL when exhausted */
    Ad_ssize_t used;            /* the dict's size at the start */
    Ad_ssize_t pos;             /* next slot (reversed: the slot to look at) */
    Ad_ssize_t len;             /* items still expected */
    AdObject *result;           /* a 2-tuple reused for items when unshared */
    int kind;                   /* 0 keys, 1 values, 2 items */
    int reversed;
} DictIterObject;

static void dictiter_dealloc(AdObject *op)
{
    DictIterObject *di = (DictIterObject *)op;
    AdObject_GC_UnTrack(op);
    Ad_XDECREF(di->dict);
    Ad_XDECREF(di->result);
    AdObject_GC_Del(op);
}

static int dictiter_traverse(AdObject *op, visitproc visit, void *arg)
{
    DictIterObject *di = (DictIterObject *)op;
    if (di->dict) {
        int r = visit(di->dict, arg);
        if (r)
            return r;
    }
    return di->result ? visit(di->result, arg) : 0;
}

static AdObject *dictiter_next(AdObject *op)
{
    DictIterObject *di = (DictIterObject *)op;
    AdObject *d = di->dict;
    if (d == NULL)
        return NULL;
    if (di->used != AdDict_GET_SIZE(d)) {
        AdErr_SetString(AdExc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;
        return NULL;
    }
    AdObject *key = NULL, *value = NULL;
    Ad_ssize_t n = objects_dict_nslots(d);
    int found = 0;
    if (!di->reversed) {
        Ad_ssize_t i = di->pos;
        for (; i < n; i++) {
            if (objects_dict_slot(d, i, &key, &value, NULL)) {
                found = 1;
                break;
            }
        }
        di->pos = i + 1;
    } else {
        Ad_ssize_t i = di->pos;
        if (i >= n)
            i = n - 1;
        for (; i >= 0; i--) {
            if (objects_dict_slot(d, i, &key, &value, NULL)) {
                found = 1;
                break;
            }
        }
        di->pos = i - 1;
    }
    if (!found)
        goto exhausted;
    if (di->len == 0) {
        /* An item we did not expect: keys were swapped at the same size. */
        AdErr_SetString(AdExc_RuntimeError, "dictionary keys changed during iteration");
        goto exhausted;
    }
    di->len--;
    if (di->kind == 0)
        return Ad_NewRef(key);
    if (di->kind == 1)
        return Ad_NewRef(value);
    return AdTuple_Pack(2, key, value);
exhausted:
    di->dict = NULL;
    Ad_DECREF(d);
    return NULL;
}

static AdObject *dictiter_len(AdObject *op, AdObject *unused)
{
    (void)unused;
    DictIterObject *di = (DictIterObject *)op;
    Ad_ssize_t len = 0;
    if (di->dict != NULL && di->used == AdDict_GET_SIZE(di->dict))
        len = di->len;
    return AdInt_FromSsize_t(len);
}

/* __reduce__: (iter, (list of the items still to come,)), computed on a
 * copy of the iterator's position so that this one does not move. */
static AdObject *dictiter_reduce(AdObject *op, AdObject *unused)
{
    (void)unused;
    DictIterObject *di = (DictIterObject *)op;
    AdObject *rest = AdList_New(0);
    if (!rest)
        return NULL;
    if (di->dict) {
        DictIterObject copy = *di;
        copy.result = NULL;
        Ad_INCREF(copy.dict);
        AdObject *item;
        while ((item = dictiter_next((AdObject *)&copy)) != NULL) {
            int r = AdList_Append(rest, item);
            Ad_DECREF(item);
            if (r < 0)
                break;
        }
        Ad_XDECREF(copy.dict);
        if (AdErr_Occurred()) {
            Ad_DECREF(rest);
            return NULL;
        }
    }
    return AdIter_Reduce("iter", NULL, rest, 0);
}

static AdMethodDef dictiter_methods[] = {
    {"__reduce__", (void (*)(void))dictiter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__length_hint__", (void (*)(void))dictiter_len, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_TYPE(cname, pyname)                                                           \
    AdTypeObject cname = {                                                                     \
        .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),                                        \
        .tp_name = pyname,                                                                     \
        .tp_basicsize = sizeof(DictIterObject),                                                \
        .tp_dealloc = dictiter_dealloc,                                                        \
        .tp_getattro = AdObject_GenericGetAttr,                                                \
        .tp_flags = AD_TPFLAGS_HAVE_GC,                                                        \
        .tp_traverse = dictiter_traverse,                                                      \
        .tp_iter = AdObject_SelfIter,                                                          \
        .tp_iternext = dictiter_next,                                                          \
        .tp_methods = dictiter_methods,                                                        \
    }

DICTITER_TYPE(AdDictIterKey_Type, "dict_keyiterator");
DICTITER_TYPE(AdDictIterValue_Type, "dict_valueiterator");
DICTITER_TYPE(AdDictIterItem_Type, "dict_itemiterator");
DICTITER_TYPE(AdDictRevIterKey_Type, "dict_reversekeyiterator");
DICTITER_TYPE(AdDictRevIterValue_Type, "dict_reversevalueiterator");
DICTITER_TYPE(AdDictRevIterItem_Type, "dict_reverseitemiterator");

AdObject *objects_dict_iter_new(AdObject *d, int kind, int reversed)
{
    static AdTypeObject *const types[2][3] = {
        {&AdDictIterKey_Type, &AdDictIterValue_Type, &AdDictIterItem_Type},
        {&AdDictRevIterKey_Type, &AdDictRevIterValue_Type, &AdDictRevIterItem_Type},
    };
    DictIterObject *di = (DictIterObject *)AdObject_GC_New(types[reversed != 0][kind]);
    if (di == NULL)
        return NULL;
    di->dict = Ad_NewRef(d);
    di->used = AdDict_GET_SIZE(d);
    di->len = di->used;
    di->kind = kind;
    di->reversed = reversed != 0;
    di->pos = reversed ? objects_dict_nslots(d) - 1 : 0;
    di->result = NULL;
    AdObject_GC_Track((AdObject *)di);
    return (AdObject *)di;
}

AdObject *objects_dict_reversed(AdObject *d, AdObject *unused)
{
    (void)unused;
    return objects_dict_iter_new(d, 0, 1);
}

/* ---- views --------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *dict;
} DictViewObject;

static void dictview_dealloc(AdObject *op)
{
    AdObject_GC_UnTrack(op);
    Ad_XDECREF(((DictViewObject *)op)->dict);
    AdObject_GC_Del(op);
}

static int dictview_traverse(AdObject *op, visitproc visit, void *arg)
{
    AdObject *d = ((DictViewObject *)op)->dict;
    return d ? visit(d, arg) : 0;
}

static Ad_ssize_t dictview_len(AdObject *op)
{
    return AdDict_GET_SIZE(((DictViewObject *)op)->dict);
}

static AdObject *view_new(AdObject *d, AdTypeObject *type)
{
    if (!AdDict_Check(d)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    DictViewObject *dv = (DictViewObject *)AdObject_GC_New(type);
    if (dv == NULL)
        return NULL;
    dv->dict = Ad_NewRef(d);
    AdObject_GC_Track((AdObject *)dv);
    return (AdObject *)dv;
}

AdObject *objects_dict_keys_view(AdObject *d, AdObject *unused)
{
    (void)unused;
    return view_new(d, &AdDictKeys_Type);
}

AdObject *objects_dict_values_view(AdObject *d, AdObject *unused)
{
    (void)unused;
    return view_new(d, &AdDictValues_Type);
}

AdObject *objects_dict_items_view(AdObject *d, AdObject *unused)
{
    (void)unused;
    return view_new(d, &AdDictItems_Type);
}

static AdObject *keys_iter(AdObject *op) { return objects_dict_iter_new(((DictViewObject *)op)->dict, 0, 0); }
static AdObject *values_iter(AdObject *op) { return objects_dict_iter_new(((DictViewObject *)op)->dict, 1, 0); }
static AdObject *items_iter(AdObject *op) { return objects_dict_iter_new(((DictViewObject *)op)->dict, 2, 0); }

static AdObject *keys_reversed(AdObject *op, AdObject *u)
{
    (void)u;
    return objects_dict_iter_new(((DictViewObject *)op)->dict, 0, 1);
}
static AdObject *values_reversed(AdObject *op, AdObject *u)
{
    (void)u;
    return objects_dict_iter_new(((DictViewObject *)op)->dict, 1, 1);
}
static AdObject *items_reversed(AdObject *op, AdObject *u)
{
    (void)u;
    return objects_dict_iter_new(((DictViewObject *)op)->dict, 2, 1);
}

static int keys_contains(AdObject *op, AdObject *key)
{
    return AdDict_Contains(((DictViewObject *)op)->dict, key);
}

static int items_contains(AdObject *op, AdObject *item)
{
    if (!AdTuple_Check(item) || AdTuple_GET_SIZE(item) != 2)
        return 0;
    AdObject *found;
    int r = AdDict_GetItemRef(((DictViewObject *)op)->dict, AdTuple_GET_ITEM(item, 0), &found);
    if (r <= 0)
        return r;
    r = AdObject_RichCompareBool(found, AdTuple_GET_ITEM(item, 1), AD_EQ);
    Ad_DECREF(found);
    return r;
}

static AdObject *dictview_mapping(AdObject *op, void *closure)
{
    (void)closure;
    return AdDictProxy_New(((DictViewObject *)op)->dict);
}

static AdGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdObject *dictview_repr(AdObject *op)
{
    int r = Ad_ReprEnter(op);
    if (r != 0)
        return r > 0 ? AdStr_FromString("...") : NULL;
    AdObject *seq = AdSequence_List(op);
    AdObject *res = NULL;
    if (seq != NULL) {
        res = AdStr_FromFormat("%s(%R)", AD_TYPE(op)->tp_name, seq);
        Ad_DECREF(seq);
    }
    Ad_ReprLeave(op);
    return res;
}

/* x in o for any container: its sq_contains, else a search by iteration. */
static int generic_contains(AdObject *o, AdObject *x)
{
    AdSequenceMethods *sq = AD_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_contains != NULL)
        return sq->sq_contains(o, x);
    AdObject *it = AdObject_GetIter(o);
    if (it == NULL)
        return -1;
    AdObject *item;
    while ((item = AdIter_Next(it)) != NULL) {
        int cmp = AdObject_RichCompareBool(item, x, AD_EQ);
        Ad_DECREF(item);
        if (cmp != 0) {
            Ad_DECREF(it);
            return cmp;
        }
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
}

/* 1 when every item of self is in other. */
static int all_contained_in(AdObject *self, AdObject *other)
{
    AdObject *it = AdObject_GetIter(self);
    if (it == NULL)
        return -1;
    int ok = 1;
    AdObject *item;
    while ((item = AdIter_Next(it)) != NULL) {
        ok = generic_contains(other, item);
        Ad_DECREF(item);
        if (ok <= 0)
            break;
    }
    Ad_DECREF(it);
    if (ok > 0 && AdErr_Occurred())
        return -1;
    return ok;
}

static AdObject *dictview_richcompare(AdObject *self, AdObject *other, int op)
{
    if (!AdAnySet_Check(other) && !AdDictViewSet_Check(other))
        Ad_RETURN_NOTIMPLEMENTED;
    Ad_ssize_t ls = AdObject_Size(self);
    if (ls < 0)
        return NULL;
    Ad_ssize_t lo = AdObject_Size(other);
    if (lo < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case AD_NE:
    case AD_EQ:
        if (ls == lo)
            ok = all_contained_in(self, other);
        if (op == AD_NE && ok >= 0)
            ok = !ok;
        break;
    case AD_LT:
        if (ls < lo)
            ok = all_contained_in(self, other);
        break;
    case AD_LE:
        if (ls <= lo)
            ok = all_contained_in(self, other);
        break;
    case AD_GT:
        if (ls > lo)
            ok = all_contained_in(other, self);
        break;
    default:
        if (ls >= lo)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return AdBool_FromLong(ok);
}

/* A new set of the view's items (for a keys view, built from the dict). */
static AdObject *view_to_set(AdObject *self)
{
    AdObject *src = self;
    if (AdDictKeys_Check(self))
        src = ((DictViewObject *)self)->dict;
    return AdSet_New(src);
}

static AdObject *dictviews_sub(AdObject *self, AdObject *other)
{
    AdObject *result = view_to_set(self);
    if (result == NULL)
        return NULL;
    if (objects_set_difference_update(result, other) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *dictviews_and(AdObject *self, AdObject *other)
{
    if (!AdDictViewSet_Check(self)) {
        AdObject *t = self;
        self = other;
        other = t;
    }
    Ad_ssize_t len_self = AdObject_Size(self);
    if (len_self < 0)
        return NULL;
    if (AdSet_CheckExact(other)) {
        Ad_ssize_t len_other = AdSet_GET_SIZE(other);
        if (len_self <= len_other)
            return objects_set_intersection(other, self);
    }
    if (AdDictViewSet_Check(other)) {
        Ad_ssize_t len_other = AdObject_Size(other);
        if (len_other < 0)
            return NULL;
        if (len_other > len_self) {
            AdObject *t = self;
            self = other;
            other = t;
        }
    }
    AdObject *result = AdSet_New(NULL);
    if (result == NULL)
        return NULL;
    AdObject *it = AdObject_GetIter(other);
    if (it == NULL) {
        Ad_DECREF(result);
        return NULL;
    }
    int is_keys = AdDictKeys_Check(self);
    AdObject *key;
    while ((key = AdIter_Next(it)) != NULL) {
        int rv = is_keys ? keys_contains(self, key) : items_contains(self, key);
        if (rv > 0)
            rv = AdSet_Add(result, key);
        Ad_DECREF(key);
        if (rv < 0) {
            Ad_DECREF(it);
            Ad_DECREF(result);
            return NULL;
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred()) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *dictviews_or(AdObject *self, AdObject *other)
{
    if (!AdDictViewSet_Check(self)) {
        AdObject *t = self;
        self = other;
        other = t;
    }
    AdObject *result = view_to_set(self);
    if (result == NULL)
        return NULL;
    if (objects_set_update(result, other) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *dictviews_xor(AdObject *self, AdObject *other)
{
    AdObject *result = view_to_set(self);
    if (result == NULL)
        return NULL;
    if (objects_set_symmetric_difference_update(result, other) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *dictviews_isdisjoint(AdObject *self, AdObject *other)
{
    if (self == other)
        return AdBool_FromLong(dictview_len(self) == 0);
    /* Iterate over the shorter object when both sizes are known. */
    if (AdAnySet_Check(other) || AdDictViewSet_Check(other)) {
        Ad_ssize_t len_self = dictview_len(self);
        Ad_ssize_t len_other = AdObject_Size(other);
        if (len_other < 0)
            return NULL;
        if (len_other > len_self) {
            AdObject *t = self;
            self = other;
            other = t;
        }
    }
    AdObject *it = AdObject_GetIter(other);
    if (it == NULL)
        return NULL;
    AdObject *item;
    while ((item = AdIter_Next(it)) != NULL) {
        int c = generic_contains(self, item);
        Ad_DECREF(item);
        if (c != 0) {
            Ad_DECREF(it);
            return c < 0 ? NULL : AdBool_FromLong(0);
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    return AdBool_FromLong(1);
}

static AdNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

static AdSequenceMethods keys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = keys_contains,
};

static AdSequenceMethods items_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = items_contains,
};

static AdSequenceMethods values_as_sequence = {
    .sq_length = dictview_len,
};

static AdMethodDef keys_methods[] = {
    {"isdisjoint", (void (*)(void))dictviews_isdisjoint, AD_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (void (*)(void))keys_reversed, AD_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static AdMethodDef items_methods[] = {
    {"isdisjoint", (void (*)(void))dictviews_isdisjoint, AD_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (void (*)(void))items_reversed, AD_METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};

static AdMethodDef values_methods[] = {
    {"__reversed__", (void (*)(void))values_reversed, AD_METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdDictKeys_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &keys_as_sequence,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = keys_iter,
    .tp_methods = keys_methods,
    .tp_getset = dictview_getset,
};

AdTypeObject AdDictItems_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &items_as_sequence,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = items_iter,
    .tp_methods = items_methods,
    .tp_getset = dictview_getset,
};

AdTypeObject AdDictValues_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_sequence = &values_as_sequence,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = values_iter,
    .tp_methods = values_methods,
    .tp_getset = dictview_getset,
};
