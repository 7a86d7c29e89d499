/* itertools_basic.c: the itertools iterators that walk one or a few
 * iterables in step: count, cycle, repeat (infinite); accumulate, batched,
 * chain, compress, dropwhile, takewhile, filterfalse, islice, pairwise,
 * starmap (terminating on the shortest input). Messages follow CPython
 * 3.14. */
#include <stdint.h>

#include "modules/itertools_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

/* ---- count ---------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t cnt;             /* the next value while long_cnt is NULL */
    AdObject *long_cnt;         /* the next value in the general mode, or NULL */
    AdObject *step;
} CountObject;

static int is_number(AdObject *o)
{
    AdNumberMethods *nb = AD_TYPE(o)->tp_as_number;
    return (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) || AdComplex_Check(o);
}

static int is_int_one(AdObject *o)
{
    int64_t v;
    return AdInt_Check(o) && AdInt_SmallValue(o, &v) && v == 1;
}

static AdObject *count_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"start", "step", NULL};
    AdObject *a[2];
    if (itertools_parse("count", args, kwds, names, 0, 0, a) < 0)
        return NULL;
    AdObject *start = a[0], *step = a[1];
    if ((start && !is_number(start)) || (step && !is_number(step))) {
        AdErr_SetString(AdExc_TypeError, "a number is required");
        return NULL;
    }
    Ad_ssize_t cnt = 0;
    int fast = (!start || AdInt_Check(start)) && (!step || is_int_one(step));
    if (fast && start) {
        int64_t v;
        if (AdInt_SmallValue(start, &v))
            cnt = (Ad_ssize_t)v;
        else
            fast = 0;
    }
    CountObject *c = (CountObject *)type->tp_alloc(type, 0);
    if (!c)
        return NULL;
    c->cnt = cnt;
    c->long_cnt = fast ? NULL : start ? Ad_NewRef(start) : AdInt_FromInt64(0);
    c->step = step ? Ad_NewRef(step) : AdInt_FromInt64(1);
    if ((!fast && !c->long_cnt) || !c->step) {
        Ad_DECREF((AdObject *)c);
        return NULL;
    }
    return (AdObject *)c;
}

static int count_traverse(AdObject *o, visitproc visit, void *arg)
{
    CountObject *c = (CountObject *)o;
    ITERTOOLS_VISIT(c->long_cnt);
    ITERTOOLS_VISIT(c->step);
    return 0;
}

static int count_clear(AdObject *o)
{
    CountObject *c = (CountObject *)o;
    AD_CLEAR(c->long_cnt);
    AD_CLEAR(c->step);
    return 0;
}

static AdObject *count_next(AdObject *o)
{
    CountObject *c = (CountObject *)o;
    if (!c->long_cnt) {
        if (c->cnt < INT64_MAX)
            return AdInt_FromSsize_t(c->cnt++);
        c->long_cnt = AdInt_FromSsize_t(c->cnt);
        if (!c->long_cnt)
            return NULL;
    }
    AdObject *r = c->long_cnt;
    AdObject *next = AdNumber_Add(r, c->step);
    if (!next)
        return NULL;
    c->long_cnt = next;
    return r;
}

static AdObject *count_repr(AdObject *o)
{
    CountObject *c = (CountObject *)o;
    const char *name = AdType_ShortName(AD_TYPE(o));
    if (!c->long_cnt)
        return AdStr_FromFormat("%s(%zd)", name, c->cnt);
    if (AdInt_CheckExact(c->step) && is_int_one(c->step))
        return AdStr_FromFormat("%s(%R)", name, c->long_cnt);
    return AdStr_FromFormat("%s(%R, %R)", name, c->long_cnt, c->step);
}

ITERTOOLS_TYPE(itertools_count_type, "count", CountObject,
               "count(start=0, step=1)\n--\n\nReturn a count object whose .__next__() method returns "
               "consecutive values.\n\nEquivalent to:\n    def count(firstval=0, step=1):\n"
               "        x = firstval\n        while 1:\n            yield x\n            x += step",
               .tp_new = count_new, .tp_traverse = count_traverse, .tp_clear = count_clear,
               .tp_iternext = count_next, .tp_repr = count_repr);

/* ---- cycle ---------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *it;               /* NULL once exhausted: then replay saved */
    AdObject *saved;            /* list */
    Ad_ssize_t index;
} CycleObject;

static AdObject *cycle_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if ((type == &itertools_cycle_type && itertools_no_kwargs("cycle", kwds) < 0) ||
        itertools_check_nargs("cycle", args, 1, 1) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(AdTuple_GET_ITEM(args, 0));
    if (!it)
        return NULL;
    AdObject *saved = AdList_New(0);
    CycleObject *c = saved ? (CycleObject *)type->tp_alloc(type, 0) : NULL;
    if (!c) {
        Ad_DECREF(it);
        Ad_XDECREF(saved);
        return NULL;
    }
    c->it = it;
    c->saved = saved;
    return (AdObject *)c;
}

static int cycle_traverse(AdObject *o, visitproc visit, void *arg)
{
    CycleObject *c = (CycleObject *)o;
    ITERTOOLS_VISIT(c->it);
    ITERTOOLS_VISIT(c->saved);
    return 0;
}

static int cycle_clear(AdObject *o)
{
    CycleObject *c = (CycleObject *)o;
    AD_CLEAR(c->it);
    AD_CLEAR(c->saved);
    return 0;
}

static AdObject *cycle_next(AdObject *o)
{
    CycleObject *c = (CycleObject *)o;
    if (c->it) {
        AdObject *item = itertools_next(c->it);
        if (item) {
            if (AdList_Append(c->saved, item) < 0) {
                Ad_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (AdErr_Occurred())
            return NULL;
        AD_CLEAR(c->it);
    }
    if (!c->saved)
        return NULL;
    Ad_ssize_t n = AD_SIZE(c->saved);
    if (n == 0)
        return NULL;
    if (c->index >= n)
        c->index = 0;
    AdObject *item = AdList_GetItem(c->saved, c->index++);
    return item ? Ad_NewRef(item) : NULL;
}

ITERTOOLS_TYPE(itertools_cycle_type, "cycle", CycleObject,
               "cycle(iterable, /)\n--\n\nReturn elements from the iterable until it is exhausted. "
               "Then repeat the sequence indefinitely.",
               .tp_new = cycle_new, .tp_traverse = cycle_traverse, .tp_clear = cycle_clear,
               .tp_iternext = cycle_next);

/* ---- repeat --------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *element;
    Ad_ssize_t cnt;             /* -1: forever */
} RepeatObject;

static AdObject *repeat_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"object", "times", NULL};
    AdObject *a[2];
    if (itertools_parse("repeat", args, kwds, names, 0, 1, a) < 0)
        return NULL;
    Ad_ssize_t cnt = -1;
    if (a[1]) {
        cnt = itertools_as_ssize(a[1]);
        if (cnt == -1 && AdErr_Occurred())
            return NULL;
        if (cnt < 0)
            cnt = 0;
    }
    RepeatObject *r = (RepeatObject *)type->tp_alloc(type, 0);
    if (!r)
        return NULL;
    r->element = Ad_NewRef(a[0]);
    r->cnt = cnt;
    return (AdObject *)r;
}

static int repeat_traverse(AdObject *o, visitproc visit, void *arg)
{
    ITERTOOLS_VISIT(((RepeatObject *)o)->element);
    return 0;
}

static int repeat_clear(AdObject *o)
{
    AD_CLEAR(((RepeatObject *)o)->element);
    return 0;
}

static AdObject *repeat_next(AdObject *o)
{
    RepeatObject *r = (RepeatObject *)o;
    if (r->cnt == 0 || !r->element)
        return NULL;
    if (r->cnt > 0)
        r->cnt--;
    return Ad_NewRef(r->element);
}

static AdObject *repeat_repr(AdObject *o)
{
    RepeatObject *r = (RepeatObject *)o;
    const char *name = AdType_ShortName(AD_TYPE(o));
    if (!r->element)
        return AdStr_FromFormat("%s(None)", name);
    if (r->cnt == -1)
        return AdStr_FromFormat("%s(%R)", name, r->element);
    return AdStr_FromFormat("%s(%R, %zd)", name, r->element, r->cnt);
}

static AdObject *repeat_length_hint(AdObject *o, AdObject *unused)
{
    (void)unused;
    RepeatObject *r = (RepeatObject *)o;
    if (r->cnt == -1)
        return AdErr_Format(AdExc_TypeError, "len() of unsized object");
    return AdInt_FromSsize_t(r->cnt);
}

static AdMethodDef repeat_methods[] = {
    {"__length_hint__", (void (*)(void))repeat_length_hint, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

ITERTOOLS_TYPE(itertools_repeat_type, "repeat", RepeatObject,
               "repeat(object [,times]) -> create an iterator which returns the object\n"
               "for the specified number of times.  If not specified, returns the object\nendlessly.",
               .tp_new = repeat_new, .tp_traverse = repeat_traverse, .tp_clear = repeat_clear,
               .tp_iternext = repeat_next, .tp_repr = repeat_repr, .tp_methods = repeat_methods);

/* ---- accumulate ----------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *it, *total, *func, *initial;
} AccumulateObject;

static AdObject *accumulate_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"iterable", "func", "initial", NULL};
    AdObject *a[3];
    if (AdTuple_GET_SIZE(args) > 2)
        return AdErr_Format(AdExc_TypeError, "accumulate() takes at most 2 positional arguments (%zd given)",
                            AdTuple_GET_SIZE(args));
    if (itertools_parse("accumulate", args, kwds, names, 0, 1, a) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(a[0]);
    if (!it)
        return NULL;
    AccumulateObject *acc = (AccumulateObject *)type->tp_alloc(type, 0);
    if (!acc) {
        Ad_DECREF(it);
        return NULL;
    }
    acc->it = it;
    acc->func = a[1] && a[1] != Ad_None ? Ad_NewRef(a[1]) : NULL;
    acc->initial = a[2] && a[2] != Ad_None ? Ad_NewRef(a[2]) : NULL;
    return (AdObject *)acc;
}

static int accumulate_traverse(AdObject *o, visitproc visit, void *arg)
{
    AccumulateObject *a = (AccumulateObject *)o;
    ITERTOOLS_VISIT(a->it);
    ITERTOOLS_VISIT(a->total);
    ITERTOOLS_VISIT(a->func);
    ITERTOOLS_VISIT(a->initial);
    return 0;
}

static int accumulate_clear(AdObject *o)
{
    AccumulateObject *a = (AccumulateObject *)o;
    AD_CLEAR(a->it);
    AD_CLEAR(a->total);
    AD_CLEAR(a->func);
    AD_CLEAR(a->initial);
    return 0;
}

static AdObject *accumulate_next(AdObject *o)
{
    AccumulateObject *a = (AccumulateObject *)o;
    if (a->initial) {
        AD_XSETREF(a->total, a->initial);
        a->initial = NULL;
        return Ad_NewRef(a->total);
    }
    if (!a->it)
        return NULL;
    AdObject *val = itertools_next(a->it);
    if (!val)
        return NULL;
    if (!a->total) {
        a->total = Ad_NewRef(val);
        return val;
    }
    AdObject *sum;
    if (a->func) {
        AdObject *pair[2] = {a->total, val};
        sum = AdObject_Vectorcall(a->func, pair, 2, NULL);
    } else
        sum = AdNumber_Add(a->total, val);
    Ad_DECREF(val);
    if (!sum)
        return NULL;
    AD_SETREF(a->total, Ad_NewRef(sum));
    return sum;
}

ITERTOOLS_TYPE(itertools_accumulate_type, "accumulate", AccumulateObject,
               "accumulate(iterable, func=None, *, initial=None)\n--\n\n"
               "Return series of accumulated sums (or other binary function results).",
               .tp_new = accumulate_new, .tp_traverse = accumulate_traverse,
               .tp_clear = accumulate_clear, .tp_iternext = accumulate_next);

/* ---- batched -------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *it;
    Ad_ssize_t n;
    int strict;
} BatchedObject;

static AdObject *batched_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"iterable", "n", "strict", NULL};
    AdObject *a[3];
    if (AdTuple_GET_SIZE(args) > 2)
        return AdErr_Format(AdExc_TypeError, "batched() takes exactly 2 positional arguments (%zd given)",
                            AdTuple_GET_SIZE(args));
    if (itertools_parse("batched", args, kwds, names, 0, 2, a) < 0)
        return NULL;
    Ad_ssize_t n = itertools_as_ssize(a[1]);
    if (n == -1 && AdErr_Occurred())
        return NULL;
    int strict = 0;
    if (a[2] && (strict = AdObject_IsTrue(a[2])) < 0)
        return NULL;
    if (n < 1) {
        AdErr_SetString(AdExc_ValueError, "n must be at least one");
        return NULL;
    }
    AdObject *it = AdObject_GetIter(a[0]);
    if (!it)
        return NULL;
    BatchedObject *b = (BatchedObject *)type->tp_alloc(type, 0);
    if (!b) {
        Ad_DECREF(it);
        return NULL;
    }
    b->it = it;
    b->n = n;
    b->strict = strict;
    return (AdObject *)b;
}

static int batched_traverse(AdObject *o, visitproc visit, void *arg)
{
    ITERTOOLS_VISIT(((BatchedObject *)o)->it);
    return 0;
}

static int batched_clear(AdObject *o)
{
    AD_CLEAR(((BatchedObject *)o)->it);
    return 0;
}

static AdObject *batched_next(AdObject *o)
{
    BatchedObject *b = (BatchedObject *)o;
    if (!b->it)
        return NULL;
    AdObject *result = AdTuple_New(b->n);
    if (!result)
        return NULL;
    Ad_ssize_t i;
    for (i = 0; i < b->n; i++) {
        AdObject *item = itertools_next(b->it);
        if (!item)
            break;
        AdTuple_SET_ITEM(result, i, item);
    }
    if (i == b->n)
        return result;
    if (AdErr_Occurred()) {
        Ad_DECREF(result);
        return NULL;
    }
    AD_CLEAR(b->it);
    if (i == 0 || b->strict) {
        Ad_DECREF(result);
        if (i > 0)
            AdErr_SetString(AdExc_ValueError, "batched(): incomplete batch");
        return NULL;
    }
    AdObject *shorter = AdTuple_GetSlice(result, 0, i);
    Ad_DECREF(result);
    return shorter;
}

ITERTOOLS_TYPE(itertools_batched_type, "batched", BatchedObject,
               "batched(iterable, n, *, strict=False)\n--\n\nBatch data into tuples of length n. "
               "The last batch may be shorter than n.",
               .tp_new = batched_new, .tp_traverse = batched_traverse, .tp_clear = batched_clear,
               .tp_iternext = batched_next);

/* ---- chain ---------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *source;           /* iterator over the iterables, NULL when done */
    AdObject *active;           /* iterator of the current iterable, or NULL */
} ChainObject;

static AdObject *chain_make(AdTypeObject *type, AdObject *source)
{
    ChainObject *c = (ChainObject *)type->tp_alloc(type, 0);
    if (!c) {
        Ad_DECREF(source);
        return NULL;
    }
    c->source = source;
    return (AdObject *)c;
}

static AdObject *chain_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (type == &itertools_chain_type && itertools_no_kwargs("chain", kwds) < 0)
        return NULL;
    AdObject *source = AdObject_GetIter(args);
    return source ? chain_make(type, source) : NULL;
}

static AdObject *chain_from_iterable(AdObject *cls, AdObject *iterable)
{
    AdObject *source = AdObject_GetIter(iterable);
    return source ? chain_make((AdTypeObject *)cls, source) : NULL;
}

static int chain_traverse(AdObject *o, visitproc visit, void *arg)
{
    ChainObject *c = (ChainObject *)o;
    ITERTOOLS_VISIT(c->source);
    ITERTOOLS_VISIT(c->active);
    return 0;
}

static int chain_clear(AdObject *o)
{
    ChainObject *c = (ChainObject *)o;
    AD_CLEAR(c->source);
    AD_CLEAR(c->active);
    return 0;
}

static AdObject *chain_next(AdObject *o)
{
    ChainObject *c = (ChainObject *)o;
    while (c->source) {
        if (!c->active) {
            AdObject *iterable = itertools_next(c->source);
            if (!iterable) {
                AD_CLEAR(c->source);
                return NULL;
            }
            c->active = AdObject_GetIter(iterable);
            Ad_DECREF(iterable);
            if (!c->active) {
                AD_CLEAR(c->source);
                return NULL;
            }
        }
        AdObject *item = itertools_next(c->active);
        if (item)
            return item;
        if (AdErr_Occurred())
            return NULL;
        AD_CLEAR(c->active);
    }
    return NULL;
}

static AdObject *itertools_class_getitem(AdObject *cls, AdObject *arg)
{
    return Ad_GenericAlias(cls, arg);
}

static AdMethodDef chain_methods[] = {
    {"from_iterable", (void (*)(void))chain_from_iterable, AD_METH_O | AD_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", (void (*)(void))itertools_class_getitem, AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

ITERTOOLS_TYPE(itertools_chain_type, "chain", ChainObject,
               "chain(*iterables)\n--\n\nReturn a chain object whose .__next__() method returns "
               "elements from the\nfirst iterable until it is exhausted, then elements from the next\n"
               "iterable, until all of the iterables are exhausted.",
               .tp_new = chain_new, .tp_traverse = chain_traverse, .tp_clear = chain_clear,
               .tp_iternext = chain_next, .tp_methods = chain_methods);

/* ---- compress, dropwhile, takewhile, filterfalse, starmap ------------------ */

/* The shape these five share: a callable (or the selectors iterator) and
 * an iterator. */
typedef struct {
    AdObject_HEAD;
    AdObject *func;             /* compress: the selectors iterator */
    AdObject *it;
    int state;                  /* dropwhile: done dropping; takewhile: stopped */
} PredObject;

static int pred_traverse(AdObject *o, visitproc visit, void *arg)
{
    PredObject *p = (PredObject *)o;
    ITERTOOLS_VISIT(p->func);
    ITERTOOLS_VISIT(p->it);
    return 0;
}

static int pred_clear(AdObject *o)
{
    PredObject *p = (PredObject *)o;
    AD_CLEAR(p->func);
    AD_CLEAR(p->it);
    return 0;
}

static AdObject *pred_make(AdTypeObject *type, AdObject *func, AdObject *iterable)
{
    AdObject *it = AdObject_GetIter(iterable);
    if (!it)
        return NULL;
    PredObject *p = (PredObject *)type->tp_alloc(type, 0);
    if (!p) {
        Ad_DECREF(it);
        return NULL;
    }
    p->func = Ad_XNewRef(func);
    p->it = it;
    return (AdObject *)p;
}

/* name(func, iterable): positional only, no keywords. */
static AdObject *pred_new_named(AdTypeObject *type, AdObject *args, AdObject *kwds, AdTypeObject *base,
                                const char *name)
{
    if ((type == base && itertools_no_kwargs(name, kwds) < 0) ||
        itertools_check_nargs(name, args, 2, 2) < 0)
        return NULL;
    return pred_make(type, AdTuple_GET_ITEM(args, 0), AdTuple_GET_ITEM(args, 1));
}

static AdObject *call_pred(AdObject *func, AdObject *item)
{
    AdObject *one[1] = {item};
    return AdObject_Vectorcall(func, one, 1, NULL);
}

/* 1 when func(item) is true (bool(item) when func is NULL or None), 0, -1. */
static int pred_true(AdObject *func, AdObject *item)
{
    if (!func || func == Ad_None)
        return AdObject_IsTrue(item);
    if (func == (AdObject *)&AdBool_Type)
        return AdObject_IsTrue(item);
    AdObject *r = call_pred(func, item);
    if (!r)
        return -1;
    int t = AdObject_IsTrue(r);
    Ad_DECREF(r);
    return t;
}

static AdObject *compress_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"data", "selectors", NULL};
    AdObject *a[2];
    if (itertools_parse("compress", args, kwds, names, 0, 2, a) < 0)
        return NULL;
    AdObject *data = AdObject_GetIter(a[0]);
    if (!data)
        return NULL;
    AdObject *sel = AdObject_GetIter(a[1]);
    if (!sel) {
        Ad_DECREF(data);
        return NULL;
    }
    PredObject *p = (PredObject *)type->tp_alloc(type, 0);
    if (!p) {
        Ad_DECREF(data);
        Ad_DECREF(sel);
        return NULL;
    }
    p->it = data;
    p->func = sel;
    return (AdObject *)p;
}

static AdObject *compress_next(AdObject *o)
{
    PredObject *p = (PredObject *)o;
    if (!p->it)
        return NULL;
    for (;;) {
        AdObject *datum = itertools_next(p->it);
        if (!datum)
            return NULL;
        AdObject *s = itertools_next(p->func);
        if (!s) {
            Ad_DECREF(datum);
            return NULL;
        }
        int ok = AdObject_IsTrue(s);
        Ad_DECREF(s);
        if (ok > 0)
            return datum;
        Ad_DECREF(datum);
        if (ok < 0)
            return NULL;
    }
}

ITERTOOLS_TYPE(itertools_compress_type, "compress", PredObject,
               "compress(data, selectors)\n--\n\nReturn data elements corresponding to true selector "
               "elements.\n\nForms a shorter iterator from selected data elements using the selectors "
               "to\nchoose the data elements.",
               .tp_new = compress_new, .tp_traverse = pred_traverse, .tp_clear = pred_clear,
               .tp_iternext = compress_next);

static AdObject *dropwhile_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    return pred_new_named(type, args, kwds, &itertools_dropwhile_type, "dropwhile");
}

static AdObject *dropwhile_next(AdObject *o)
{
    PredObject *p = (PredObject *)o;
    if (!p->it)
        return NULL;
    for (;;) {
        AdObject *item = itertools_next(p->it);
        if (!item || p->state)
            return item;
        int t = pred_true(p->func, item);
        if (t == 0) {
            p->state = 1;
            return item;
        }
        Ad_DECREF(item);
        if (t < 0)
            return NULL;
    }
}

ITERTOOLS_TYPE(itertools_dropwhile_type, "dropwhile", PredObject,
               "dropwhile(predicate, iterable, /)\n--\n\nDrop items from the iterable while "
               "predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted.",
               .tp_new = dropwhile_new, .tp_traverse = pred_traverse, .tp_clear = pred_clear,
               .tp_iternext = dropwhile_next);

static AdObject *takewhile_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    return pred_new_named(type, args, kwds, &itertools_takewhile_type, "takewhile");
}

static AdObject *takewhile_next(AdObject *o)
{
    PredObject *p = (PredObject *)o;
    if (p->state || !p->it)
        return NULL;
    AdObject *item = itertools_next(p->it);
    if (!item)
        return NULL;
    int t = pred_true(p->func, item);
    if (t > 0)
        return item;
    Ad_DECREF(item);
    if (t == 0)
        p->state = 1;
    return NULL;
}

ITERTOOLS_TYPE(itertools_takewhile_type, "takewhile", PredObject,
               "takewhile(predicate, iterable, /)\n--\n\nReturn successive entries from an iterable "
               "as long as the predicate evaluates to true for each entry.",
               .tp_new = takewhile_new, .tp_traverse = pred_traverse, .tp_clear = pred_clear,
               .tp_iternext = takewhile_next);

static AdObject *filterfalse_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    return pred_new_named(type, args, kwds, &itertools_filterfalse_type, "filterfalse");
}

static AdObject *filterfalse_next(AdObject *o)
{
    PredObject *p = (PredObject *)o;
    if (!p->it)
        return NULL;
    for (;;) {
        AdObject *item = itertools_next(p->it);
        if (!item)
            return NULL;
        int t = pred_true(p->func, item);
        if (t == 0)
            return item;
        Ad_DECREF(item);
        if (t < 0)
            return NULL;
    }
}

ITERTOOLS_TYPE(itertools_filterfalse_type, "filterfalse", PredObject,
               "filterfalse(function, iterable, /)\n--\n\nReturn those items of iterable for which "
               "function(item) is false.\n\nIf function is None, return the items that are false.",
               .tp_new = filterfalse_new, .tp_traverse = pred_traverse, .tp_clear = pred_clear,
               .tp_iternext = filterfalse_next);

static AdObject *starmap_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    return pred_new_named(type, args, kwds, &itertools_starmap_type, "starmap");
}

static AdObject *starmap_next(AdObject *o)
{
    PredObject *p = (PredObject *)o;
    if (!p->it)
        return NULL;
    AdObject *item = itertools_next(p->it);
    if (!item)
        return NULL;
    AdObject *t = item;
    if (!AdTuple_CheckExact(item)) {
        t = AdSequence_Tuple(item);
        Ad_DECREF(item);
        if (!t)
            return NULL;
    }
    AdObject *r = AdObject_Vectorcall(p->func, AdTuple_ITEMS(t), AdTuple_GET_SIZE(t), NULL);
    Ad_DECREF(t);
    return r;
}

ITERTOOLS_TYPE(itertools_starmap_type, "starmap", PredObject,
               "starmap(function, iterable, /)\n--\n\nReturn an iterator whose values are returned "
               "from the function evaluated with an argument tuple taken from the given sequence.",
               .tp_new = starmap_new, .tp_traverse = pred_traverse, .tp_clear = pred_clear,
               .tp_iternext = starmap_next);

/* ---- pairwise ------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *it;
    AdObject *old;
    AdObject *result;           /* the last pair, reused while only pairwise holds it */
} PairwiseObject;

static AdObject *pairwise_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if ((type == &itertools_pairwise_type && itertools_no_kwargs("pairwise", kwds) < 0) ||
        itertools_check_nargs("pairwise", args, 1, 1) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(AdTuple_GET_ITEM(args, 0));
    if (!it)
        return NULL;
    AdObject *result = AdTuple_Pack(2, Ad_None, Ad_None);
    if (!result) {
        Ad_DECREF(it);
        return NULL;
    }
    PairwiseObject *p = (PairwiseObject *)type->tp_alloc(type, 0);
    if (!p) {
        Ad_DECREF(it);
        Ad_DECREF(result);
        return NULL;
    }
    p->it = it;
    p->result = result;
    return (AdObject *)p;
}

static int pairwise_traverse(AdObject *o, visitproc visit, void *arg)
{
    PairwiseObject *p = (PairwiseObject *)o;
    ITERTOOLS_VISIT(p->it);
    ITERTOOLS_VISIT(p->old);
    ITERTOOLS_VISIT(p->result);
    return 0;
}

static int pairwise_clear(AdObject *o)
{
    PairwiseObject *p = (PairwiseObject *)o;
    AD_CLEAR(p->it);
    AD_CLEAR(p->old);
    AD_CLEAR(p->result);
    return 0;
}

static AdObject *pairwise_next(AdObject *o)
{
    PairwiseObject *p = (PairwiseObject *)o;
    if (!p->it)
        return NULL;
    if (!p->old) {
        AdObject *first = itertools_next(p->it);
        AD_XSETREF(p->old, first);
        if (!first) {
            AD_CLEAR(p->it);
            return NULL;
        }
        if (!p->it) {           /* cleared by a re-entrant call */
            AD_CLEAR(p->old);
            return NULL;
        }
    }
    /* The pair is made of the item held before the call (a re-entrant
     * call may move p->old on meanwhile) and the new item. */
    AdObject *old = Ad_NewRef(p->old);
    AdObject *item = itertools_next(p->it);
    if (!item) {
        AD_CLEAR(p->it);
        AD_CLEAR(p->old);
        Ad_DECREF(old);
        return NULL;
    }
    AdObject *res = p->result;
    if (res != NULL && AdTuple_IsReusable(res)) {
        Ad_INCREF(res);
        AdObject *prev0 = AdTuple_GET_ITEM(res, 0), *prev1 = AdTuple_GET_ITEM(res, 1);
        AdTuple_SET_ITEM(res, 0, Ad_NewRef(old));
        AdTuple_SET_ITEM(res, 1, Ad_NewRef(item));
        Ad_DECREF(prev0);
        Ad_DECREF(prev1);
        AdTuple_Recycle(res);
    } else {
        res = AdTuple_New(2);
        if (!res) {
            Ad_DECREF(old);
            Ad_DECREF(item);
            return NULL;
        }
        AdTuple_SET_ITEM(res, 0, Ad_NewRef(old));
        AdTuple_SET_ITEM(res, 1, Ad_NewRef(item));
    }
    AD_XSETREF(p->old, item);
    Ad_DECREF(old);
    return res;
}

ITERTOOLS_TYPE(itertools_pairwise_type, "pairwise", PairwiseObject,
               "pairwise(iterable, /)\n--\n\nReturn an iterator of overlapping pairs taken from the "
               "input iterator.\n\n    s -> (s0, s1), (s1, s2), (s2, s3), ...",
               .tp_new = pairwise_new, .tp_traverse = pairwise_traverse, .tp_clear = pairwise_clear,
               .tp_iternext = pairwise_next);

/* ---- islice --------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *it;               /* NULL when done */
    Ad_ssize_t next, stop, step, cnt;   /* stop -1: no limit */
} IsliceObject;

/* An islice index: None -> deflt, else 0 <= x <= sys.maxsize or -1 with
 * ValueError msg. *out set. */
static int islice_index(AdObject *o, Ad_ssize_t deflt, const char *msg, Ad_ssize_t *out)
{
    if (o == Ad_None) {
        *out = deflt;
        return 0;
    }
    Ad_ssize_t v = -1;
    if (AdIndex_Check(o)) {
        v = itertools_as_ssize(o);
        if (v == -1 && AdErr_Occurred())
            AdErr_Clear();
    }
    if (v < 0) {
        AdErr_SetString(AdExc_ValueError, msg);
        return -1;
    }
    *out = v;
    return 0;
}

static const char islice_start_msg[] =
    "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
static const char islice_stop_msg[] =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
static const char islice_step_msg[] = "Step for islice() must be a positive integer or None.";

static AdObject *islice_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if ((type == &itertools_islice_type && itertools_no_kwargs("islice", kwds) < 0) ||
        itertools_check_nargs("islice", args, 2, 4) < 0)
        return NULL;
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    Ad_ssize_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (islice_index(AdTuple_GET_ITEM(args, 1), -1, islice_stop_msg, &stop) < 0)
            return NULL;
    } else {
        if (islice_index(AdTuple_GET_ITEM(args, 2), -1, islice_stop_msg, &stop) < 0 ||
            islice_index(AdTuple_GET_ITEM(args, 1), 0, islice_start_msg, &start) < 0)
            return NULL;
        if (nargs == 4) {
            if (islice_index(AdTuple_GET_ITEM(args, 3), 1, islice_step_msg, &step) < 0)
                return NULL;
            if (step < 1) {
                AdErr_SetString(AdExc_ValueError, islice_step_msg);
                return NULL;
            }
        }
    }
    AdObject *it = AdObject_GetIter(AdTuple_GET_ITEM(args, 0));
    if (!it)
        return NULL;
    IsliceObject *s = (IsliceObject *)type->tp_alloc(type, 0);
    if (!s) {
        Ad_DECREF(it);
        return NULL;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    s->cnt = 0;
    return (AdObject *)s;
}

static int islice_traverse(AdObject *o, visitproc visit, void *arg)
{
    ITERTOOLS_VISIT(((IsliceObject *)o)->it);
    return 0;
}

static int islice_clear(AdObject *o)
{
    AD_CLEAR(((IsliceObject *)o)->it);
    return 0;
}

static AdObject *islice_next(AdObject *o)
{
    IsliceObject *s = (IsliceObject *)o;
    AdObject *it = s->it;
    if (!it)
        return NULL;
    iternextfunc next = AD_TYPE(it)->tp_iternext;
    while (s->cnt < s->next) {
        AdObject *item = next(it);
        if (!item)
            goto empty;
        Ad_DECREF(item);
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop)
        goto empty;
    AdObject *item = next(it);
    if (!item)
        goto empty;
    s->cnt++;
    Ad_ssize_t old = s->next;
    if (__builtin_add_overflow(s->next, s->step, &s->next) || (s->stop != -1 && s->next > s->stop))
        s->next = s->stop;
    (void)old;
    return item;
empty:
    if (AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_StopIteration))
            return NULL;
        AdErr_Clear();
    }
    AD_CLEAR(s->it);
    return NULL;
}

ITERTOOLS_TYPE(itertools_islice_type, "islice", IsliceObject,
               "islice(iterable, stop) --> islice object\n"
               "islice(iterable, start, stop[, step]) --> islice object\n\n"
               "Return an iterator whose next() method returns selected values from an\n"
               "iterable.  If start is specified, will skip all preceding elements;\n"
               "otherwise, start defaults to zero.  Step defaults to one.  If\n"
               "specified as another value, step determines how many values are\n"
               "skipped between successive calls.  Works like a slice() on a list\n"
               "but returns an iterator.",
               .tp_new = islice_new, .tp_traverse = islice_traverse, .tp_clear = islice_clear,
               .tp_iternext = islice_next);
