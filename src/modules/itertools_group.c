/* itertools_group.c: the itertools iterators that share state between
 * objects: groupby and its _grouper sub-iterators (a grouper stops
 * working once its groupby moves on), tee with its _tee iterators reading
 * one shared buffer (a linked list of _tee_dataobject blocks), and
 * zip_longest. Messages follow CPython 3.14. */
#include "modules/itertools_internal.h"
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

/* ---- groupby -------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *it;
    AdObject *keyfunc;          /* NULL: identity */
    AdObject *tgtkey;           /* key of the group being handed out */
    AdObject *currkey, *currvalue;  /* the look-ahead item and its key */
    AdObject *currgrouper;      /* borrowed: the only grouper that may still run */
} GroupbyObject;

typedef struct {
    AdObject_HEAD;
    AdObject *parent;           /* the groupby */
    AdObject *tgtkey;
} GrouperObject;

static AdObject *groupby_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"iterable", "key", NULL};
    AdObject *a[2];
    if (itertools_parse("groupby", args, kwds, names, 0, 1, a) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(a[0]);
    if (!it)
        return NULL;
    GroupbyObject *g = (GroupbyObject *)type->tp_alloc(type, 0);
    if (!g) {
        Ad_DECREF(it);
        return NULL;
    }
    g->it = it;
    g->keyfunc = a[1] && a[1] != Ad_None ? Ad_NewRef(a[1]) : NULL;
    return (AdObject *)g;
}

static int groupby_traverse(AdObject *o, visitproc visit, void *arg)
{
    GroupbyObject *g = (GroupbyObject *)o;
    ITERTOOLS_VISIT(g->it);
    ITERTOOLS_VISIT(g->keyfunc);
    ITERTOOLS_VISIT(g->tgtkey);
    ITERTOOLS_VISIT(g->currkey);
    ITERTOOLS_VISIT(g->currvalue);
    return 0;
}

static int groupby_clear(AdObject *o)
{
    GroupbyObject *g = (GroupbyObject *)o;
    AD_CLEAR(g->it);
    AD_CLEAR(g->keyfunc);
    AD_CLEAR(g->tgtkey);
    AD_CLEAR(g->currkey);
    AD_CLEAR(g->currvalue);
    return 0;
}

/* Reads the next item and its key into currvalue/currkey: 0, or -1 at the
 * end (no exception) or on error. */
static int groupby_step(GroupbyObject *g)
{
    if (!g->it)
        return -1;
    AdObject *value = itertools_next(g->it);
    if (!value)
        return -1;
    AdObject *key;
    if (g->keyfunc) {
        AdObject *one[1] = {value};
        key = AdObject_Vectorcall(g->keyfunc, one, 1, NULL);
        if (!key) {
            Ad_DECREF(value);
            return -1;
        }
    } else
        key = Ad_NewRef(value);
    AD_XSETREF(g->currvalue, value);
    AD_XSETREF(g->currkey, key);
    return 0;
}

static AdObject *groupby_next(AdObject *o)
{
    GroupbyObject *g = (GroupbyObject *)o;
    g->currgrouper = NULL;
    /* Skip what is left of the current group. */
    for (;;) {
        if (!g->currkey)
            ;
        else if (!g->tgtkey)
            break;
        else {
            int eq = AdObject_RichCompareBool(g->tgtkey, g->currkey, AD_EQ);
            if (eq < 0)
                return NULL;
            if (eq == 0)
                break;
        }
        if (groupby_step(g) < 0)
            return NULL;
    }
    AD_XSETREF(g->tgtkey, Ad_NewRef(g->currkey));
    GrouperObject *gr = (GrouperObject *)AdType_GenericAlloc(&itertools_grouper_type, 0);
    if (!gr)
        return NULL;
    gr->parent = Ad_NewRef(o);
    gr->tgtkey = Ad_NewRef(g->tgtkey);
    g->currgrouper = (AdObject *)gr;
    AdObject *t = AdTuple_New(2);
    if (!t) {
        Ad_DECREF((AdObject *)gr);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, Ad_NewRef(g->currkey));
    AdTuple_SET_ITEM(t, 1, (AdObject *)gr);
    return t;
}

ITERTOOLS_TYPE(itertools_groupby_type, "groupby", GroupbyObject,
               "groupby(iterable, key=None)\n--\n\nmake an iterator that returns consecutive keys "
               "and groups from the iterable\n\n  iterable\n    Elements to divide into groups "
               "according to the key function.\n  key\n    A function for computing the group "
               "category for each element.\n    If the key function is not specified or is None, "
               "the element itself\n    is used for grouping.",
               .tp_new = groupby_new, .tp_traverse = groupby_traverse, .tp_clear = groupby_clear,
               .tp_iternext = groupby_next);

static AdObject *grouper_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (itertools_no_kwargs("_grouper", kwds) < 0 || itertools_check_nargs("_grouper", args, 2, 2) < 0)
        return NULL;
    AdObject *parent = AdTuple_GET_ITEM(args, 0);
    if (!AdObject_TypeCheck(parent, &itertools_groupby_type))
        return AdErr_Format(AdExc_TypeError, "_grouper() argument 1 must be itertools.groupby, not %s",
                            AdType_Name(AD_TYPE(parent)));
    GrouperObject *gr = (GrouperObject *)type->tp_alloc(type, 0);
    if (!gr)
        return NULL;
    gr->parent = Ad_NewRef(parent);
    gr->tgtkey = Ad_NewRef(AdTuple_GET_ITEM(args, 1));
    ((GroupbyObject *)parent)->currgrouper = (AdObject *)gr;
    return (AdObject *)gr;
}

static int grouper_traverse(AdObject *o, visitproc visit, void *arg)
{
    GrouperObject *gr = (GrouperObject *)o;
    ITERTOOLS_VISIT(gr->parent);
    ITERTOOLS_VISIT(gr->tgtkey);
    return 0;
}

static int grouper_clear(AdObject *o)
{
    GrouperObject *gr = (GrouperObject *)o;
    if (gr->parent && ((GroupbyObject *)gr->parent)->currgrouper == o)
        ((GroupbyObject *)gr->parent)->currgrouper = NULL;
    AD_CLEAR(gr->parent);
    AD_CLEAR(gr->tgtkey);
    return 0;
}

static AdObject *grouper_next(AdObject *o)
{
    GrouperObject *gr = (GrouperObject *)o;
    if (!gr->parent)
        return NULL;
    GroupbyObject *g = (GroupbyObject *)gr->parent;
    if (g->currgrouper != o)
        return NULL;
    if (!g->currvalue && groupby_step(g) < 0)
        return NULL;
    int eq = AdObject_RichCompareBool(gr->tgtkey, g->currkey, AD_EQ);
    if (eq <= 0)
        return NULL;
    AdObject *r = g->currvalue;
    g->currvalue = NULL;
    AD_CLEAR(g->currkey);
    return r;
}

AdTypeObject itertools_grouper_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(GrouperObject),
    .tp_dealloc = itertools_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = grouper_traverse,
    .tp_clear = grouper_clear,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = grouper_next,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = grouper_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- tee ------------------------------------------------------------------ */

enum { TEE_CELLS = 57 };        /* values per block of the shared buffer */

typedef struct TeeData {
    AdObject_HEAD;
    AdObject *it;               /* the source iterator */
    int numread;                /* values[0..numread) are filled */
    int running;                /* guards against re-entrant reads */
    AdObject *nextlink;         /* the following block, or NULL */
    AdObject *values[TEE_CELLS];
} TeeData;

typedef struct {
    AdObject_HEAD;
    TeeData *dataobj;
    int index;                  /* position in dataobj */
    AdObject *weakreflist;
} TeeObject;

static TeeData *teedata_make(AdObject *it)
{
    TeeData *d = (TeeData *)AdType_GenericAlloc(&itertools_teedata_type, 0);
    if (!d)
        return NULL;
    d->it = Ad_NewRef(it);
    return d;
}

/* The block after d, made on first use. Borrowed. */
static TeeData *teedata_jumplink(TeeData *d)
{
    if (!d->nextlink) {
        d->nextlink = (AdObject *)teedata_make(d->it);
        if (!d->nextlink)
            return NULL;
    }
    return (TeeData *)d->nextlink;
}

/* values[i], reading it from the source when it is the next unread one.
 * New ref, or NULL at the end (no exception) or on error. */
static AdObject *teedata_getitem(TeeData *d, int i)
{
    if (i < d->numread)
        return Ad_NewRef(d->values[i]);
    if (d->running) {
        AdErr_SetString(AdExc_RuntimeError, "cannot re-enter the tee iterator");
        return NULL;
    }
    d->running = 1;
    AdObject *value = itertools_next(d->it);
    d->running = 0;
    if (!value)
        return NULL;
    d->values[d->numread++] = value;
    return Ad_NewRef(value);
}

static int teedata_traverse(AdObject *o, visitproc visit, void *arg)
{
    TeeData *d = (TeeData *)o;
    ITERTOOLS_VISIT(d->it);
    for (int i = 0; i < d->numread; i++)
        ITERTOOLS_VISIT(d->values[i]);
    ITERTOOLS_VISIT(d->nextlink);
    return 0;
}

/* Drops the values and the source; returns the next link (ownership passes
 * to the caller) so that long chains are freed without recursion. */
static AdObject *teedata_release(TeeData *d)
{
    int n = d->numread;
    d->numread = 0;
    for (int i = 0; i < n; i++)
        AD_CLEAR(d->values[i]);
    AD_CLEAR(d->it);
    AdObject *next = d->nextlink;
    d->nextlink = NULL;
    return next;
}

/* Decrements a chain head: when this frees a block, its successors that
 * nobody else holds are freed in a loop instead of recursively. */
static void teedata_decref_chain(AdObject *link)
{
    while (link && AD_REFCNT(link) == 1) {
        AdObject *next = teedata_release((TeeData *)link);
        Ad_DECREF(link);
        link = next;
    }
    Ad_XDECREF(link);
}

static int teedata_clear(AdObject *o)
{
    teedata_decref_chain(teedata_release((TeeData *)o));
    return 0;
}

static AdObject *teedata_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    if (itertools_no_kwargs("_tee_dataobject", kwds) < 0 ||
        itertools_check_nargs("teedataobject", args, 3, 3) < 0)
        return NULL;
    AdObject *it = AdTuple_GET_ITEM(args, 0), *values = AdTuple_GET_ITEM(args, 1),
             *next = AdTuple_GET_ITEM(args, 2);
    if (!AdList_Check(values))
        return AdErr_Format(AdExc_TypeError, "teedataobject() argument 2 must be list, not %s",
                            AdType_Name(AD_TYPE(values)));
    Ad_ssize_t n = AD_SIZE(values);
    if (n > TEE_CELLS)
        return AdErr_Format(AdExc_ValueError, "too many values for a tee data object");
    if (next != Ad_None && !Ad_IS_TYPE(next, &itertools_teedata_type))
        return AdErr_Format(AdExc_ValueError, "_tee_dataobject next link must be None or a _tee_dataobject");
    if (n < TEE_CELLS && next != Ad_None)
        return AdErr_Format(AdExc_ValueError, "_tee_dataobject should have no next link before it is full");
    TeeData *d = teedata_make(it);
    if (!d)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++)
        d->values[i] = Ad_NewRef(AdList_GetItem(values, i));
    d->numread = (int)n;
    if (next != Ad_None)
        d->nextlink = Ad_NewRef(next);
    return (AdObject *)d;
}

AdTypeObject itertools_teedata_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(TeeData),
    .tp_dealloc = itertools_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.",
    .tp_traverse = teedata_traverse,
    .tp_clear = teedata_clear,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = teedata_new,
    .tp_free = AdObject_GC_Del,
};

static AdObject *tee_copy(AdObject *o, AdObject *unused)
{
    (void)unused;
    TeeObject *t = (TeeObject *)o;
    TeeObject *c = (TeeObject *)AdType_GenericAlloc(&itertools_tee_type, 0);
    if (!c)
        return NULL;
    c->dataobj = (TeeData *)Ad_XNewRef((AdObject *)t->dataobj);
    c->index = t->index;
    return (AdObject *)c;
}

/* A _tee over iterable: a copy when it is already a tee. New ref. */
static AdObject *tee_fromiterable(AdObject *iterable)
{
    AdObject *it = AdObject_GetIter(iterable);
    if (!it)
        return NULL;
    if (Ad_IS_TYPE(it, &itertools_tee_type)) {
        AdObject *c = tee_copy(it, NULL);
        Ad_DECREF(it);
        return c;
    }
    TeeData *d = teedata_make(it);
    Ad_DECREF(it);
    if (!d)
        return NULL;
    TeeObject *t = (TeeObject *)AdType_GenericAlloc(&itertools_tee_type, 0);
    if (!t) {
        Ad_DECREF((AdObject *)d);
        return NULL;
    }
    t->dataobj = d;
    t->index = 0;
    return (AdObject *)t;
}

static AdObject *tee_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    if (itertools_no_kwargs("_tee", kwds) < 0 || itertools_check_nargs("_tee", args, 1, 1) < 0)
        return NULL;
    return tee_fromiterable(AdTuple_GET_ITEM(args, 0));
}

static int tee_traverse(AdObject *o, visitproc visit, void *arg)
{
    ITERTOOLS_VISIT(((TeeObject *)o)->dataobj);
    return 0;
}

static int tee_clear(AdObject *o)
{
    TeeObject *t = (TeeObject *)o;
    AdObject *d = (AdObject *)t->dataobj;
    t->dataobj = NULL;
    teedata_decref_chain(d);
    return 0;
}

static AdObject *tee_next(AdObject *o)
{
    TeeObject *t = (TeeObject *)o;
    if (!t->dataobj)
        return NULL;
    if (t->index >= TEE_CELLS) {
        TeeData *link = teedata_jumplink(t->dataobj);
        if (!link)
            return NULL;
        Ad_INCREF((AdObject *)link);
        AdObject *old = (AdObject *)t->dataobj;
        t->dataobj = link;
        teedata_decref_chain(old);
        t->index = 0;
    }
    AdObject *value = teedata_getitem(t->dataobj, t->index);
    if (!value)
        return NULL;
    t->index++;
    return value;
}

static AdMethodDef tee_methods[] = {
    {"__copy__", (void (*)(void))tee_copy, AD_METH_NOARGS, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject itertools_tee_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(TeeObject),
    .tp_dealloc = itertools_dealloc,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "_tee(iterable, /)\n--\n\nIterator wrapped to make it copyable.",
    .tp_traverse = tee_traverse,
    .tp_clear = tee_clear,
    .tp_weaklistoffset = offsetof(TeeObject, weakreflist),
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = tee_next,
    .tp_methods = tee_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = tee_new,
    .tp_free = AdObject_GC_Del,
};

AdObject *itertools_tee(AdObject *module, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)module;
    if (AdArg_NoKeywords("itertools.tee", kwnames) < 0 || AdArg_CheckPositional("tee", nargs, 1, 2) < 0)
        return NULL;
    Ad_ssize_t n = 2;
    if (nargs == 2) {
        n = itertools_as_ssize(args[1]);
        if (n == -1 && AdErr_Occurred())
            return NULL;
    }
    if (n < 0)
        return AdErr_Format(AdExc_ValueError, "n must be >= 0");
    AdObject *result = AdTuple_New(n);
    if (!result || n == 0)
        return result;
    AdObject *it = AdObject_GetIter(args[0]);
    if (!it) {
        Ad_DECREF(result);
        return NULL;
    }
    AdObject *copyfunc = NULL;
    Ad_ssize_t i = 0;
    if (AdObject_GetOptionalAttr(it, AdStr_InternFromString("__copy__"), &copyfunc) < 0)
        goto fail;
    if (!copyfunc) {
        /* Wrap the iterator: the wrapper is the first result. */
        AdObject *first = tee_fromiterable(it);
        if (!first)
            goto fail;
        AdTuple_SET_ITEM(result, 0, first);
        i = 1;
        if (AdObject_GetOptionalAttr(first, AdStr_InternFromString("__copy__"), &copyfunc) <= 0)
            goto fail;
    }
    for (; i < n; i++) {
        AdObject *c = AdObject_CallNoArgs(copyfunc);
        if (!c)
            goto fail;
        AdTuple_SET_ITEM(result, i, c);
    }
    Ad_DECREF(copyfunc);
    Ad_DECREF(it);
    return result;
fail:
    Ad_XDECREF(copyfunc);
    Ad_DECREF(it);
    Ad_DECREF(result);
    return NULL;
}

/* ---- zip_longest ---------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *its;              /* tuple of iterators; exhausted ones become None */
    Ad_ssize_t numactive;
    AdObject *fillvalue;
    AdObject *result;           /* the last result, reused while only zip_longest holds it */
} ZipLongestObject;

static AdObject *zip_longest_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    AdObject *fill = Ad_None;
    if (kwds && AdDict_GET_SIZE(kwds) > 0) {
        fill = AdDict_GetItemString(kwds, "fillvalue");
        if (!fill || AdDict_GET_SIZE(kwds) > 1)
            return AdErr_Format(AdExc_TypeError, "zip_longest() got an unexpected keyword argument");
    }
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AdObject *its = AdTuple_New(n);
    if (!its)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *it = AdObject_GetIter(AdTuple_GET_ITEM(args, i));
        if (!it) {
            Ad_DECREF(its);
            return NULL;
        }
        AdTuple_SET_ITEM(its, i, it);
    }
    AdObject *result = AdTuple_NewNones(n);
    if (!result) {
        Ad_DECREF(its);
        return NULL;
    }
    ZipLongestObject *z = (ZipLongestObject *)type->tp_alloc(type, 0);
    if (!z) {
        Ad_DECREF(its);
        Ad_DECREF(result);
        return NULL;
    }
    z->its = its;
    z->result = result;
    z->numactive = n;
    z->fillvalue = Ad_NewRef(fill);
    return (AdObject *)z;
}

static int zip_longest_traverse(AdObject *o, visitproc visit, void *arg)
{
    ZipLongestObject *z = (ZipLongestObject *)o;
    ITERTOOLS_VISIT(z->its);
    ITERTOOLS_VISIT(z->fillvalue);
    ITERTOOLS_VISIT(z->result);
    return 0;
}

static int zip_longest_clear(AdObject *o)
{
    ZipLongestObject *z = (ZipLongestObject *)o;
    AD_CLEAR(z->its);
    AD_CLEAR(z->fillvalue);
    AD_CLEAR(z->result);
    return 0;
}

static AdObject *zip_longest_next(AdObject *o)
{
    ZipLongestObject *z = (ZipLongestObject *)o;
    if (!z->its || z->numactive == 0)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(z->its);
    AdObject *t = z->result;
    int reused = t != NULL && AdTuple_IsReusable(t);
    if (reused)
        Ad_INCREF(t);
    else if ((t = AdTuple_New(n)) == NULL)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *it = AdTuple_GET_ITEM(z->its, i);
        AdObject *item;
        if (it == Ad_None)
            item = Ad_NewRef(z->fillvalue);
        else {
            item = itertools_next(it);
            if (!item) {
                if (AdErr_Occurred()) {
                    z->numactive = 0;
                    Ad_DECREF(t);
                    return NULL;
                }
                /* The tuple is private to this object: its slot may change. */
                AdTuple_SET_ITEM(z->its, i, Ad_None);
                Ad_DECREF(it);
                if (--z->numactive == 0) {
                    Ad_DECREF(t);
                    return NULL;
                }
                item = Ad_NewRef(z->fillvalue);
            }
        }
        if (reused) {
            AdObject *prev = AdTuple_GET_ITEM(t, i);
            AdTuple_SET_ITEM(t, i, item);
            Ad_DECREF(prev);
        } else
            AdTuple_SET_ITEM(t, i, item);
    }
    if (reused)
        AdTuple_Recycle(t);
    return t;
}

ITERTOOLS_TYPE(itertools_zip_longest_type, "zip_longest", ZipLongestObject,
               "zip_longest(*iterables, fillvalue=None)\n--\n\nReturn a zip_longest object.\n\n"
               "The zip_longest object yields tuples until all iterables are exhausted.",
               .tp_new = zip_longest_new, .tp_traverse = zip_longest_traverse,
               .tp_clear = zip_longest_clear, .tp_iternext = zip_longest_next);
