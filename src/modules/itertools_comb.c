/* itertools_comb.c: the combinatoric iterators: product (with repeat=),
 * combinations, combinations_with_replacement and permutations. Each
 * keeps its pool(s) as tuples and an array of indices; results are new
 * tuples. Messages follow CPython 3.14. */
#include <stdlib.h>
#include <string.h>

#include "modules/itertools_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

/* Shared layout: pool (tuple of tuples for product), indices, an extra
 * index array (cycles of permutations), the last result, r. */
typedef struct {
    AdObject_HEAD;
    AdObject *pool;             /* tuple; for product: tuple of the pools */
    Ad_ssize_t *indices;
    Ad_ssize_t *cycles;         /* permutations only */
    AdObject *result;           /* the previous result, or NULL before the first */
    Ad_ssize_t r;
    int stopped;
} CombObject;

static int comb_traverse(AdObject *o, visitproc visit, void *arg)
{
    CombObject *c = (CombObject *)o;
    ITERTOOLS_VISIT(c->pool);
    ITERTOOLS_VISIT(c->result);
    return 0;
}

static int comb_clear(AdObject *o)
{
    CombObject *c = (CombObject *)o;
    AD_CLEAR(c->pool);
    AD_CLEAR(c->result);
    free(c->indices);
    c->indices = NULL;
    free(c->cycles);
    c->cycles = NULL;
    return 0;
}

static AdObject *comb_sizeof(AdObject *o, AdObject *unused)
{
    (void)unused;
    CombObject *c = (CombObject *)o;
    Ad_ssize_t n = AD_TYPE(o)->tp_basicsize + c->r * (Ad_ssize_t)sizeof(Ad_ssize_t);
    if (c->cycles)
        n += c->r * (Ad_ssize_t)sizeof(Ad_ssize_t);
    return AdInt_FromSsize_t(n);
}

static AdMethodDef comb_methods[] = {
    {"__sizeof__", (void (*)(void))comb_sizeof, AD_METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static Ad_ssize_t *alloc_indices(Ad_ssize_t n)
{
    if (n > (Ad_ssize_t)(SIZE_MAX / sizeof(Ad_ssize_t)) - 1) {
        AdErr_NoMemory();
        return NULL;
    }
    Ad_ssize_t *p = calloc((size_t)(n ? n : 1), sizeof(Ad_ssize_t));
    if (!p)
        AdErr_NoMemory();
    return p;
}

/* A tuple whose items are pool[idx[i]] for i < r (new refs taken). */
static AdObject *pick(AdObject *pool, const Ad_ssize_t *idx, Ad_ssize_t r)
{
    AdObject *t = AdTuple_New(r);
    if (!t)
        return NULL;
    for (Ad_ssize_t i = 0; i < r; i++)
        AdTuple_SET_ITEM(t, i, Ad_NewRef(AdTuple_GET_ITEM(pool, idx[i])));
    return t;
}

/* The next result: the previous one (reused when nobody else holds it)
 * or a fresh copy. */
static AdObject *result_for_update(CombObject *c)
{
    AdObject *res = c->result;
    if (AD_REFCNT(res) == 1) {
        ((AdTupleObject *)res)->hash = -1;     /* its items change */
        return res;
    }
    AdObject *t = AdTuple_FromArray(AdTuple_ITEMS(res), AdTuple_GET_SIZE(res));
    if (!t)
        return NULL;
    AD_SETREF(c->result, t);
    return t;
}

static void result_set(AdObject *res, Ad_ssize_t i, AdObject *item)
{
    AdObject *old = AdTuple_GET_ITEM(res, i);
    AdTuple_SET_ITEM(res, i, Ad_NewRef(item));
    Ad_DECREF(old);
}

/* ---- product -------------------------------------------------------------- */

static AdObject *product_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    Ad_ssize_t repeat = 1;
    if (kwds && AdDict_GET_SIZE(kwds) > 0) {
        Ad_ssize_t pos = 0;
        AdObject *key, *value;
        while (AdDict_Next(kwds, &pos, &key, &value)) {
            if (!AdStr_Check(key) || !AdStr_EqualToASCII(key, "repeat")) {
                if (AdStr_Check(key))
                    return AdErr_Format(AdExc_TypeError, "product() got an unexpected keyword argument '%U'", key);
                return AdErr_Format(AdExc_TypeError, "keywords must be strings");
            }
            repeat = itertools_as_ssize(value);
            if (repeat == -1 && AdErr_Occurred())
                return NULL;
            if (repeat < 0)
                return AdErr_Format(AdExc_ValueError, "repeat argument cannot be negative");
        }
    }
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args), npools;
    if (repeat && nargs > INT64_MAX / repeat)
        return AdErr_Format(AdExc_OverflowError, "repeat argument too large");
    npools = nargs * repeat;
    /* Every iterable is read once, even when repeat is 0. */
    AdObject *base = AdTuple_New(nargs);
    if (!base)
        return NULL;
    for (Ad_ssize_t i = 0; i < nargs; i++) {
        AdObject *t = AdSequence_Tuple(AdTuple_GET_ITEM(args, i));
        if (!t) {
            Ad_DECREF(base);
            return NULL;
        }
        AdTuple_SET_ITEM(base, i, t);
    }
    AdObject *pools = AdTuple_New(npools);
    if (!pools) {
        Ad_DECREF(base);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < npools; i++)
        AdTuple_SET_ITEM(pools, i, Ad_NewRef(AdTuple_GET_ITEM(base, i % nargs)));
    Ad_DECREF(base);
    Ad_ssize_t *indices = alloc_indices(npools);
    CombObject *c = indices ? (CombObject *)type->tp_alloc(type, 0) : NULL;
    if (!c) {
        free(indices);
        Ad_DECREF(pools);
        return NULL;
    }
    c->pool = pools;
    c->indices = indices;
    c->r = npools;
    return (AdObject *)c;
}

static AdObject *product_next(AdObject *o)
{
    CombObject *c = (CombObject *)o;
    if (c->stopped || !c->pool)
        return NULL;
    Ad_ssize_t n = c->r;
    AdObject *pools = c->pool;
    if (!c->result) {
        AdObject *res = AdTuple_New(n);
        if (!res)
            return NULL;
        for (Ad_ssize_t i = 0; i < n; i++) {
            AdObject *pool = AdTuple_GET_ITEM(pools, i);
            if (AdTuple_GET_SIZE(pool) == 0) {
                Ad_DECREF(res);
                c->stopped = 1;
                return NULL;
            }
            AdTuple_SET_ITEM(res, i, Ad_NewRef(AdTuple_GET_ITEM(pool, 0)));
        }
        c->result = res;
        return Ad_NewRef(res);
    }
    AdObject *res = result_for_update(c);
    if (!res)
        return NULL;
    Ad_ssize_t i = n - 1;
    for (; i >= 0; i--) {
        AdObject *pool = AdTuple_GET_ITEM(pools, i);
        Ad_ssize_t k = ++c->indices[i];
        if (k == AdTuple_GET_SIZE(pool)) {
            c->indices[i] = 0;
            result_set(res, i, AdTuple_GET_ITEM(pool, 0));
        } else {
            result_set(res, i, AdTuple_GET_ITEM(pool, k));
            break;
        }
    }
    if (i < 0) {
        c->stopped = 1;
        return NULL;
    }
    return Ad_NewRef(res);
}

ITERTOOLS_TYPE(itertools_product_type, "product", CombObject,
               "product(*iterables, repeat=1)\n--\n\nCartesian product of input iterables.  "
               "Equivalent to nested for-loops.",
               .tp_new = product_new, .tp_traverse = comb_traverse, .tp_clear = comb_clear,
               .tp_iternext = product_next, .tp_methods = comb_methods);

/* ---- combinations / combinations_with_replacement --------------------------- */

static AdObject *comb_make(AdTypeObject *type, AdObject *args, AdObject *kwds, const char *name)
{
    static const char *const names[] = {"iterable", "r", NULL};
    AdObject *a[2];
    if (itertools_parse(name, args, kwds, names, 0, 2, a) < 0)
        return NULL;
    AdObject *pool = AdSequence_Tuple(a[0]);
    if (!pool)
        return NULL;
    Ad_ssize_t r = itertools_as_ssize(a[1]);
    if (r == -1 && AdErr_Occurred()) {
        Ad_DECREF(pool);
        return NULL;
    }
    if (r < 0) {
        Ad_DECREF(pool);
        return AdErr_Format(AdExc_ValueError, "r must be non-negative");
    }
    Ad_ssize_t *indices = alloc_indices(r);
    CombObject *c = indices ? (CombObject *)type->tp_alloc(type, 0) : NULL;
    if (!c) {
        free(indices);
        Ad_DECREF(pool);
        return NULL;
    }
    c->pool = pool;
    c->indices = indices;
    c->r = r;
    return (AdObject *)c;
}

static AdObject *combinations_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    CombObject *c = (CombObject *)comb_make(type, args, kwds, "combinations");
    if (!c)
        return NULL;
    for (Ad_ssize_t i = 0; i < c->r; i++)
        c->indices[i] = i;
    c->stopped = c->r > AdTuple_GET_SIZE(c->pool);
    return (AdObject *)c;
}

static AdObject *combinations_next(AdObject *o)
{
    CombObject *c = (CombObject *)o;
    if (c->stopped || !c->pool)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(c->pool), r = c->r;
    Ad_ssize_t *idx = c->indices;
    if (!c->result) {
        c->result = pick(c->pool, idx, r);
        return c->result ? Ad_NewRef(c->result) : NULL;
    }
    /* The rightmost index that can still move right. */
    Ad_ssize_t i = r - 1;
    while (i >= 0 && idx[i] == i + n - r)
        i--;
    if (i < 0) {
        c->stopped = 1;
        return NULL;
    }
    AdObject *res = result_for_update(c);
    if (!res)
        return NULL;
    idx[i]++;
    for (Ad_ssize_t j = i + 1; j < r; j++)
        idx[j] = idx[j - 1] + 1;
    for (Ad_ssize_t j = i; j < r; j++)
        result_set(res, j, AdTuple_GET_ITEM(c->pool, idx[j]));
    return Ad_NewRef(res);
}

ITERTOOLS_TYPE(itertools_combinations_type, "combinations", CombObject,
               "combinations(iterable, r)\n--\n\nReturn successive r-length combinations of "
               "elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)",
               .tp_new = combinations_new, .tp_traverse = comb_traverse, .tp_clear = comb_clear,
               .tp_iternext = combinations_next, .tp_methods = comb_methods);

static AdObject *cwr_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    CombObject *c = (CombObject *)comb_make(type, args, kwds, "combinations_with_replacement");
    if (!c)
        return NULL;
    c->stopped = AdTuple_GET_SIZE(c->pool) == 0 && c->r > 0;
    return (AdObject *)c;
}

static AdObject *cwr_next(AdObject *o)
{
    CombObject *c = (CombObject *)o;
    if (c->stopped || !c->pool)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(c->pool), r = c->r;
    Ad_ssize_t *idx = c->indices;
    if (!c->result) {
        c->result = pick(c->pool, idx, r);
        return c->result ? Ad_NewRef(c->result) : NULL;
    }
    Ad_ssize_t i = r - 1;
    while (i >= 0 && idx[i] == n - 1)
        i--;
    if (i < 0) {
        c->stopped = 1;
        return NULL;
    }
    AdObject *res = result_for_update(c);
    if (!res)
        return NULL;
    Ad_ssize_t v = idx[i] + 1;
    for (Ad_ssize_t j = i; j < r; j++) {
        idx[j] = v;
        result_set(res, j, AdTuple_GET_ITEM(c->pool, v));
    }
    return Ad_NewRef(res);
}

ITERTOOLS_TYPE(itertools_cwr_type, "combinations_with_replacement", CombObject,
               "combinations_with_replacement(iterable, r)\n--\n\nReturn successive r-length "
               "combinations of elements in the iterable allowing individual elements to have "
               "successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), "
               "('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')",
               .tp_new = cwr_new, .tp_traverse = comb_traverse, .tp_clear = comb_clear,
               .tp_iternext = cwr_next, .tp_methods = comb_methods);

/* ---- permutations --------------------------------------------------------- */

static AdObject *permutations_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"iterable", "r", NULL};
    AdObject *a[2];
    if (itertools_parse("permutations", args, kwds, names, 0, 1, a) < 0)
        return NULL;
    AdObject *pool = AdSequence_Tuple(a[0]);
    if (!pool)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(pool), r = n;
    if (a[1] && a[1] != Ad_None) {
        if (!AdInt_Check(a[1])) {
            Ad_DECREF(pool);
            return AdErr_Format(AdExc_TypeError, "Expected int as r");
        }
        r = AdInt_AsSsize_t(a[1]);
        if (r == -1 && AdErr_Occurred()) {
            Ad_DECREF(pool);
            return NULL;
        }
    }
    if (r < 0) {
        Ad_DECREF(pool);
        return AdErr_Format(AdExc_ValueError, "r must be non-negative");
    }
    Ad_ssize_t *indices = alloc_indices(n);
    Ad_ssize_t *cycles = indices ? alloc_indices(r) : NULL;
    CombObject *c = cycles ? (CombObject *)type->tp_alloc(type, 0) : NULL;
    if (!c) {
        free(indices);
        free(cycles);
        Ad_DECREF(pool);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < n; i++)
        indices[i] = i;
    for (Ad_ssize_t i = 0; i < r; i++)
        cycles[i] = n - i;
    c->pool = pool;
    c->indices = indices;
    c->cycles = cycles;
    c->r = r;
    c->stopped = r > n;
    return (AdObject *)c;
}

static AdObject *permutations_next(AdObject *o)
{
    CombObject *c = (CombObject *)o;
    if (c->stopped || !c->pool)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(c->pool), r = c->r;
    Ad_ssize_t *idx = c->indices, *cyc = c->cycles;
    if (!c->result) {
        c->result = pick(c->pool, idx, r);
        return c->result ? Ad_NewRef(c->result) : NULL;
    }
    if (n == 0)
        goto done;
    AdObject *res = result_for_update(c);
    if (!res)
        return NULL;
    Ad_ssize_t i;
    for (i = r - 1; i >= 0; i--) {
        cyc[i]--;
        if (cyc[i] == 0) {
            /* Rotate idx[i:] left by one. */
            Ad_ssize_t first = idx[i];
            memmove(idx + i, idx + i + 1, (size_t)(n - i - 1) * sizeof *idx);
            idx[n - 1] = first;
            cyc[i] = n - i;
        } else {
            Ad_ssize_t j = cyc[i];
            Ad_ssize_t t = idx[i];
            idx[i] = idx[n - j];
            idx[n - j] = t;
            for (Ad_ssize_t k = i; k < r; k++)
                result_set(res, k, AdTuple_GET_ITEM(c->pool, idx[k]));
            break;
        }
    }
    if (i < 0)
        goto done;
    return Ad_NewRef(res);
done:
    c->stopped = 1;
    return NULL;
}

ITERTOOLS_TYPE(itertools_permutations_type, "permutations", CombObject,
               "permutations(iterable, r=None)\n--\n\nReturn successive r-length permutations of "
               "elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)",
               .tp_new = permutations_new, .tp_traverse = comb_traverse, .tp_clear = comb_clear,
               .tp_iternext = permutations_next, .tp_methods = comb_methods);
