/* list.c: the list type (AdList_Type): a growable array of references with
 * over-allocation; item, slice and extended-slice access; concatenation and
 * repetition; rich comparison; repr with a recursion guard; the methods of
 * list; and its forward and reverse iterators. The sort itself lives in
 * listsort.c. */
#include <string.h>

#include "objects/list.h"
#include "objects/list_deps.h"
#include "objects/object_reduce.h"

/* ---- storage ----------------------------------------------------------- */

/* Makes room for newsize items and sets the size. Over-allocates by about
 * 1/8 so that a run of appends is amortised O(1); shrinks only when the
 * size falls below half the allocation. The new slots are not initialised. */
static int list_resize(AdListObject *self, Ad_ssize_t newsize)
{
    Ad_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1) && self->items != NULL) {
        AD_SIZE(self) = newsize;
        return 0;
    }
    size_t want = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    /* A big jump (extend by many) gets just what it asks for. */
    if ((size_t)(newsize - AD_SIZE(self)) > want - (size_t)newsize)
        want = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        want = 0;
    if (want > (size_t)INT64_MAX / sizeof(AdObject *)) {
        AdErr_NoMemory();
        return -1;
    }
    AdObject **items = AdMem_Realloc(self->items, want * sizeof(AdObject *));
    if (items == NULL) {
        AdErr_NoMemory();
        return -1;
    }
    self->items = items;
    AD_SIZE(self) = newsize;
    self->allocated = (Ad_ssize_t)want;
    return 0;
}

/* Makes sure there is room for n items without changing the size. */
static int list_reserve(AdListObject *self, Ad_ssize_t n)
{
    if (self->allocated >= n && self->items != NULL)
        return 0;
    if ((size_t)n > (size_t)INT64_MAX / sizeof(AdObject *)) {
        AdErr_NoMemory();
        return -1;
    }
    AdObject **items = AdMem_Realloc(self->items, (size_t)n * sizeof(AdObject *));
    if (items == NULL) {
        AdErr_NoMemory();
        return -1;
    }
    self->items = items;
    self->allocated = n;
    return 0;
}

static AdObject *list_new_exact(Ad_ssize_t n)
{
    if (n < 0) {
        AdErr_BadInternalCall();
        return NULL;
    }
    if ((size_t)n > (size_t)INT64_MAX / sizeof(AdObject *))
        return AdErr_NoMemory();
    AdListObject *op = (AdListObject *)AdObject_GC_New(&AdList_Type);
    if (op == NULL)
        return NULL;
    op->items = NULL;
    op->allocated = 0;
    AD_SIZE(op) = 0;
    if (n > 0) {
        op->items = AdMem_Calloc((size_t)n, sizeof(AdObject *));
        if (op->items == NULL) {
            AdObject_GC_Del(op);
            return AdErr_NoMemory();
        }
        op->allocated = n;
        AD_SIZE(op) = n;
    }
    AdObject_GC_Track((AdObject *)op);
    return (AdObject *)op;
}

AdObject *AdList_New(Ad_ssize_t n)
{
    return list_new_exact(n);
}

/* A new list holding new references to items[0..n). */
static AdObject *list_from_array(AdObject *const *items, Ad_ssize_t n)
{
    AdObject *l = list_new_exact(n);
    if (l == NULL)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++)
        ((AdListObject *)l)->items[i] = Ad_NewRef(items[i]);
    return l;
}

static int list_append_steal(AdListObject *self, AdObject *v)
{
    Ad_ssize_t n = AD_SIZE(self);
    if (n < self->allocated && self->items != NULL) {
        self->items[n] = v;
        AD_SIZE(self) = n + 1;
        return 0;
    }
    if (list_resize(self, n + 1) < 0) {
        Ad_DECREF(v);
        return -1;
    }
    self->items[n] = v;
    return 0;
}

int AdList_Append(AdObject *list, AdObject *item)
{
    if (!AdList_Check(list) || item == NULL) {
        AdErr_BadInternalCall();
        return -1;
    }
    return list_append_steal((AdListObject *)list, Ad_NewRef(item));
}

static int list_insert(AdListObject *self, Ad_ssize_t where, AdObject *v)
{
    Ad_ssize_t n = AD_SIZE(self);
    if (list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    memmove(&self->items[where + 1], &self->items[where], (size_t)(n - where) * sizeof(AdObject *));
    self->items[where] = Ad_NewRef(v);
    return 0;
}

int AdList_Insert(AdObject *list, Ad_ssize_t i, AdObject *item)
{
    if (!AdList_Check(list) || item == NULL) {
        AdErr_BadInternalCall();
        return -1;
    }
    return list_insert((AdListObject *)list, i, item);
}

static int valid_index(Ad_ssize_t i, Ad_ssize_t limit)
{
    return (size_t)i < (size_t)limit;
}

AdObject *AdList_GetItem(AdObject *list, Ad_ssize_t i)
{
    if (!AdList_Check(list)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    if (!valid_index(i, AD_SIZE(list))) {
        AdErr_SetString(AdExc_IndexError, "list index out of range");
        return NULL;
    }
    return ((AdListObject *)list)->items[i];
}

int AdList_SetItem(AdObject *list, Ad_ssize_t i, AdObject *item)
{
    if (!AdList_Check(list)) {
        Ad_XDECREF(item);
        AdErr_BadInternalCall();
        return -1;
    }
    if (!valid_index(i, AD_SIZE(list))) {
        Ad_XDECREF(item);
        AdErr_SetString(AdExc_IndexError, "list assignment index out of range");
        return -1;
    }
    AD_XSETREF(((AdListObject *)list)->items[i], item);
    return 0;
}

static AdObject *list_slice(AdListObject *a, Ad_ssize_t lo, Ad_ssize_t hi)
{
    if (hi <= lo)
        return list_new_exact(0);
    return list_from_array(a->items + lo, hi - lo);
}

AdObject *AdList_GetSlice(AdObject *list, Ad_ssize_t lo, Ad_ssize_t hi)
{
    if (!AdList_Check(list)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    Ad_ssize_t n = AD_SIZE(list);
    if (lo < 0)
        lo = 0;
    else if (lo > n)
        lo = n;
    if (hi < lo)
        hi = lo;
    else if (hi > n)
        hi = n;
    return list_slice((AdListObject *)list, lo, hi);
}

/* items of a list or tuple (borrowed array) and its length. */
static AdObject **seq_items(AdObject *seq, Ad_ssize_t *n)
{
    if (AdList_Check(seq)) {
        *n = AD_SIZE(seq);
        return ((AdListObject *)seq)->items;
    }
    *n = AD_SIZE(seq);
    return AdTuple_ITEMS(seq);
}

/* v as a list or tuple (new ref): v itself when it is one, else list(v).
 * An object that is not iterable at all (no __iter__, no __getitem__)
 * raises TypeError msg; errors from iterating are passed on. */
static AdObject *seq_fast(AdObject *v, const char *msg)
{
    if (AdList_CheckExact(v) || AdTuple_CheckExact(v))
        return Ad_NewRef(v);
    AdTypeObject *tp = AD_TYPE(v);
    if (tp->tp_iter == NULL && (tp->tp_as_sequence == NULL || tp->tp_as_sequence->sq_item == NULL)) {
        AdErr_SetString(AdExc_TypeError, msg);
        return NULL;
    }
    AdObject *it = AdObject_GetIter(v);
    if (it == NULL)
        return NULL;
    AdObject *l = list_new_exact(0);
    if (l == NULL) {
        Ad_DECREF(it);
        return NULL;
    }
    AdObject *x;
    while ((x = AdIter_Next(it)) != NULL) {
        if (list_append_steal((AdListObject *)l, x) < 0) {
            Ad_DECREF(it);
            Ad_DECREF(l);
            return NULL;
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred()) {
        Ad_DECREF(l);
        return NULL;
    }
    return l;
}

/* a[ilow:ihigh] = v (v NULL: delete). v may be a itself. The old items are
 * released only after the list is consistent again, since their
 * destructors may run arbitrary code. */
/* Empties the list (the items are released after it is empty). */
static int list_clear_items(AdListObject *a)
{
    AdObject **items = a->items;
    Ad_ssize_t n = AD_SIZE(a);
    if (items == NULL)
        return 0;       /* nothing to free (and a list being sorted stays marked) */
    a->items = NULL;
    AD_SIZE(a) = 0;
    a->allocated = 0;
    for (Ad_ssize_t i = n; --i >= 0;)
        Ad_XDECREF(items[i]);
    AdMem_Free(items);
    return 0;
}

static int list_ass_slice(AdListObject *a, Ad_ssize_t ilow, Ad_ssize_t ihigh, AdObject *v)
{
    AdObject *vseq = NULL;
    AdObject **vitems = NULL;
    Ad_ssize_t nv = 0;
    if (v != NULL) {
        if (v == (AdObject *)a) {
            vseq = list_slice(a, 0, AD_SIZE(a));
            if (vseq == NULL)
                return -1;
        } else {
            vseq = seq_fast(v, "must assign iterable to extended slice");
            if (vseq == NULL)
                return -1;
        }
        vitems = seq_items(vseq, &nv);
    }
    Ad_ssize_t n = AD_SIZE(a);
    if (ilow < 0)
        ilow = 0;
    else if (ilow > n)
        ilow = n;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > n)
        ihigh = n;
    Ad_ssize_t nold = ihigh - ilow;
    Ad_ssize_t delta = nv - nold;
    if (n + delta == 0) {
        Ad_XDECREF(vseq);
        return list_clear_items(a);
    }
    AdObject *small[8];
    AdObject **recycle = small;
    if (nold > 8) {
        recycle = AdMem_Malloc((size_t)nold * sizeof(AdObject *));
        if (recycle == NULL) {
            Ad_XDECREF(vseq);
            AdErr_NoMemory();
            return -1;
        }
    }
    if (nold > 0)
        memcpy(recycle, &a->items[ilow], (size_t)nold * sizeof(AdObject *));
    if (delta < 0) {
        memmove(&a->items[ihigh + delta], &a->items[ihigh], (size_t)(n - ihigh) * sizeof(AdObject *));
        list_resize(a, n + delta);      /* shrinking cannot fail in a way that matters */
    } else if (delta > 0) {
        if (list_resize(a, n + delta) < 0) {
            if (recycle != small)
                AdMem_Free(recycle);
            Ad_XDECREF(vseq);
            return -1;
        }
        memmove(&a->items[ihigh + delta], &a->items[ihigh], (size_t)(n - ihigh) * sizeof(AdObject *));
    }
    for (Ad_ssize_t k = 0; k < nv; k++)
        a->items[ilow + k] = Ad_NewRef(vitems[k]);
    for (Ad_ssize_t k = nold; --k >= 0;)
        Ad_XDECREF(recycle[k]);
    if (recycle != small)
        AdMem_Free(recycle);
    Ad_XDECREF(vseq);
    return 0;
}

int AdList_SetSlice(AdObject *list, Ad_ssize_t lo, Ad_ssize_t hi, AdObject *items)
{
    if (!AdList_Check(list)) {
        AdErr_BadInternalCall();
        return -1;
    }
    return list_ass_slice((AdListObject *)list, lo, hi, items);
}


static int list_extend_impl(AdListObject *self, AdObject *iterable)
{
    if (AdList_CheckExact(iterable) || AdTuple_CheckExact(iterable) || (AdObject *)self == iterable) {
        Ad_ssize_t n;
        AdObject **src = seq_items(iterable, &n);
        if (n == 0)
            return 0;
        Ad_ssize_t m = AD_SIZE(self);
        if (list_resize(self, m + n) < 0)
            return -1;
        /* src may be self->items (reallocated): re-read it. */
        if ((AdObject *)self == iterable)
            src = self->items;
        for (Ad_ssize_t i = 0; i < n; i++)
            self->items[m + i] = Ad_NewRef(src[i]);
        return 0;
    }
    AdObject *it = AdObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    Ad_ssize_t hint = AdObject_LengthHint(iterable, 8);
    if (hint < 0) {
        Ad_DECREF(it);
        return -1;
    }
    Ad_ssize_t m = AD_SIZE(self);
    if (m > INT64_MAX - hint)
        hint = 0;
    if (hint > 0 && list_reserve(self, m + hint) < 0) {
        AdErr_Clear();          /* a hint is only a hint */
    }
    AdObject *x;
    while ((x = AdIter_Next(it)) != NULL) {
        if (list_append_steal(self, x) < 0) {
            Ad_DECREF(it);
            return -1;
        }
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
}

int AdList_Extend(AdObject *list, AdObject *iterable)
{
    if (!AdList_Check(list)) {
        AdErr_BadInternalCall();
        return -1;
    }
    return list_extend_impl((AdListObject *)list, iterable);
}

static void reverse_range(AdObject **lo, AdObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        AdObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

int AdList_Reverse(AdObject *list)
{
    if (!AdList_Check(list)) {
        AdErr_BadInternalCall();
        return -1;
    }
    if (AD_SIZE(list) > 1)
        reverse_range(((AdListObject *)list)->items, ((AdListObject *)list)->items + AD_SIZE(list));
    return 0;
}

AdObject *AdList_AsTuple(AdObject *list)
{
    if (!AdList_Check(list)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    return AdTuple_FromArray(((AdListObject *)list)->items, AD_SIZE(list));
}

AdObject *AdSequence_List(AdObject *iterable)
{
    AdObject *l = list_new_exact(0);
    if (l == NULL)
        return NULL;
    if (list_extend_impl((AdListObject *)l, iterable) < 0) {
        Ad_DECREF(l);
        return NULL;
    }
    return l;
}

/* ---- type slots -------------------------------------------------------- */

static void list_dealloc(AdObject *op)
{
    AdListObject *self = (AdListObject *)op;
    AdObject_GC_UnTrack(op);
    if (self->items != NULL) {
        for (Ad_ssize_t i = AD_SIZE(self); --i >= 0;)
            Ad_XDECREF(self->items[i]);
        AdMem_Free(self->items);
    }
    AD_TYPE(op)->tp_free(op);
}

static int list_traverse(AdObject *op, visitproc visit, void *arg)
{
    AdListObject *self = (AdListObject *)op;
    for (Ad_ssize_t i = AD_SIZE(self); --i >= 0;) {
        if (self->items[i] != NULL) {
            int r = visit(self->items[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int list_tp_clear(AdObject *op)
{
    return list_clear_items((AdListObject *)op);
}

static AdObject *list_repr(AdObject *op)
{
    AdListObject *v = (AdListObject *)op;
    if (AD_SIZE(v) == 0)
        return AdStr_FromString("[]");
    int r = Ad_ReprEnter(op);
    if (r != 0)
        return r > 0 ? AdStr_FromString("[...]") : NULL;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (AdStrWriter_WriteChar(&w, '[') < 0)
        goto error;
    /* The list may change while items are repr'd: re-check the size. */
    for (Ad_ssize_t i = 0; i < AD_SIZE(v); i++) {
        if (i > 0 && AdStrWriter_WriteASCII(&w, ", ", 2) < 0)
            goto error;
        AdObject *item = Ad_NewRef(v->items[i]);
        AdObject *s = AdObject_Repr(item);
        Ad_DECREF(item);
        if (s == NULL)
            goto error;
        int wr = AdStrWriter_WriteStr(&w, s);
        Ad_DECREF(s);
        if (wr < 0)
            goto error;
    }
    if (AdStrWriter_WriteChar(&w, ']') < 0)
        goto error;
    Ad_ReprLeave(op);
    return AdStrWriter_Finish(&w);
error:
    AdStrWriter_Dealloc(&w);
    Ad_ReprLeave(op);
    return NULL;
}

static Ad_ssize_t list_length(AdObject *a)
{
    return AD_SIZE(a);
}

static int list_contains(AdObject *op, AdObject *el)
{
    AdListObject *a = (AdListObject *)op;
    for (Ad_ssize_t i = 0; i < AD_SIZE(a); i++) {
        AdObject *item = Ad_NewRef(a->items[i]);
        int cmp = AdObject_RichCompareBool(item, el, AD_EQ);
        Ad_DECREF(item);
        if (cmp != 0)
            return cmp;
    }
    return 0;
}

static AdObject *list_item(AdObject *op, Ad_ssize_t i)
{
    if (!valid_index(i, AD_SIZE(op))) {
        AdErr_SetString(AdExc_IndexError, "list index out of range");
        return NULL;
    }
    return Ad_NewRef(((AdListObject *)op)->items[i]);
}

static AdObject *list_concat(AdObject *aop, AdObject *bb)
{
    if (!AdList_Check(bb))
        return AdErr_Format(AdExc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                            AD_TYPE(bb)->tp_name);
    AdListObject *a = (AdListObject *)aop, *b = (AdListObject *)bb;
    Ad_ssize_t na = AD_SIZE(a), nb = AD_SIZE(b);
    if (na > INT64_MAX - nb)
        return AdErr_NoMemory();
    AdObject *np = list_new_exact(na + nb);
    if (np == NULL)
        return NULL;
    AdObject **dst = ((AdListObject *)np)->items;
    for (Ad_ssize_t i = 0; i < na; i++)
        dst[i] = Ad_NewRef(a->items[i]);
    for (Ad_ssize_t i = 0; i < nb; i++)
        dst[na + i] = Ad_NewRef(b->items[i]);
    return np;
}

static AdObject *list_repeat(AdObject *aop, Ad_ssize_t n)
{
    AdListObject *a = (AdListObject *)aop;
    Ad_ssize_t size = AD_SIZE(a);
    if (n <= 0 || size == 0)
        return list_new_exact(0);
    if (n > INT64_MAX / (Ad_ssize_t)sizeof(AdObject *) / size)
        return AdErr_NoMemory();
    AdObject *np = list_new_exact(size * n);
    if (np == NULL)
        return NULL;
    AdObject **dst = ((AdListObject *)np)->items;
    for (Ad_ssize_t r = 0; r < n; r++)
        for (Ad_ssize_t i = 0; i < size; i++)
            *dst++ = Ad_NewRef(a->items[i]);
    return np;
}

static int list_ass_item(AdObject *op, Ad_ssize_t i, AdObject *v)
{
    AdListObject *a = (AdListObject *)op;
    if (!valid_index(i, AD_SIZE(a))) {
        AdErr_SetString(AdExc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return list_ass_slice(a, i, i + 1, NULL);
    AD_SETREF(a->items[i], Ad_NewRef(v));
    return 0;
}

static AdObject *list_inplace_concat(AdObject *self, AdObject *other)
{
    if (list_extend_impl((AdListObject *)self, other) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *list_inplace_repeat(AdObject *op, Ad_ssize_t n)
{
    AdListObject *self = (AdListObject *)op;
    Ad_ssize_t size = AD_SIZE(self);
    if (size == 0 || n == 1)
        return Ad_NewRef(op);
    if (n < 1) {
        list_clear_items(self);
        return Ad_NewRef(op);
    }
    if (size > INT64_MAX / (Ad_ssize_t)sizeof(AdObject *) / n)
        return AdErr_NoMemory();
    if (list_resize(self, size * n) < 0)
        return NULL;
    for (Ad_ssize_t r = 1; r < n; r++)
        for (Ad_ssize_t i = 0; i < size; i++)
            self->items[r * size + i] = Ad_NewRef(self->items[i]);
    return Ad_NewRef(op);
}

static AdObject *list_subscript(AdObject *op, AdObject *item)
{
    AdListObject *self = (AdListObject *)op;
    if (ad_has_index(item)) {
        Ad_ssize_t i = AdNumber_AsSsize_t(item, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return NULL;
        if (i < 0)
            i += AD_SIZE(self);
        return list_item(op, i);
    }
    if (Ad_IS_TYPE(item, &AdSlice_Type)) {
        Ad_ssize_t start, stop, step;
        if (AdSlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Ad_ssize_t len = AdSlice_AdjustIndices(AD_SIZE(self), &start, &stop, step);
        if (step == 1)
            return list_slice(self, start, stop);
        AdObject *res = list_new_exact(len);
        if (res == NULL)
            return NULL;
        for (Ad_ssize_t cur = start, i = 0; i < len; cur += step, i++)
            ((AdListObject *)res)->items[i] = Ad_NewRef(self->items[cur]);
        return res;
    }
    return AdErr_Format(AdExc_TypeError, "list indices must be integers or slices, not %.200s",
                        AD_TYPE(item)->tp_name);
}

static int list_ass_subscript(AdObject *op, AdObject *item, AdObject *value)
{
    AdListObject *self = (AdListObject *)op;
    if (ad_has_index(item)) {
        Ad_ssize_t i = AdNumber_AsSsize_t(item, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return -1;
        if (i < 0)
            i += AD_SIZE(self);
        return list_ass_item(op, i, value);
    }
    if (!Ad_IS_TYPE(item, &AdSlice_Type)) {
        AdErr_Format(AdExc_TypeError, "list indices must be integers or slices, not %.200s",
                     AD_TYPE(item)->tp_name);
        return -1;
    }
    Ad_ssize_t start, stop, step;
    if (AdSlice_Unpack(item, &start, &stop, &step) < 0)
        return -1;
    if (value == NULL) {
        Ad_ssize_t len = AdSlice_AdjustIndices(AD_SIZE(self), &start, &stop, step);
        if (step == 1)
            return list_ass_slice(self, start, stop, NULL);
        if (len <= 0)
            return 0;
        if (step < 0) {
            /* Walk forwards: the same items, lowest first. */
            stop = start + 1;
            start = stop + step * (len - 1) - 1;
            step = -step;
        }
        AdObject **garbage = AdMem_Malloc((size_t)len * sizeof(AdObject *));
        if (garbage == NULL) {
            AdErr_NoMemory();
            return -1;
        }
        Ad_ssize_t n = AD_SIZE(self), cur, i, dst = start;
        for (cur = start, i = 0; cur < n; cur++) {
            if (i < len && cur == start + i * step) {
                garbage[i++] = self->items[cur];
                continue;
            }
            self->items[dst++] = self->items[cur];
        }
        list_resize(self, n - len);
        for (i = 0; i < len; i++)
            Ad_DECREF(garbage[i]);
        AdMem_Free(garbage);
        return 0;
    }
    /* Assignment. A plain slice (step 1) takes any iterable. */
    AdObject *seq;
    if ((AdObject *)self == value) {
        seq = list_slice(self, 0, AD_SIZE(self));
    } else {
        seq = seq_fast(value, "must assign iterable to extended slice");
    }
    if (seq == NULL)
        return -1;
    Ad_ssize_t len = AdSlice_AdjustIndices(AD_SIZE(self), &start, &stop, step);
    if (step == 1) {
        int r = list_ass_slice(self, start, stop, seq);
        Ad_DECREF(seq);
        return r;
    }
    Ad_ssize_t nseq;
    AdObject **src = seq_items(seq, &nseq);
    if (nseq != len) {
        AdErr_Format(AdExc_ValueError,
                     "attempt to assign sequence of size %zd to extended slice of size %zd",
                     nseq, len);
        Ad_DECREF(seq);
        return -1;
    }
    if (len == 0) {
        Ad_DECREF(seq);
        return 0;
    }
    AdObject **garbage = AdMem_Malloc((size_t)len * sizeof(AdObject *));
    if (garbage == NULL) {
        Ad_DECREF(seq);
        AdErr_NoMemory();
        return -1;
    }
    for (Ad_ssize_t cur = start, i = 0; i < len; cur += step, i++) {
        garbage[i] = self->items[cur];
        self->items[cur] = Ad_NewRef(src[i]);
    }
    for (Ad_ssize_t i = 0; i < len; i++)
        Ad_DECREF(garbage[i]);
    AdMem_Free(garbage);
    Ad_DECREF(seq);
    return 0;
}

static AdObject *list_richcompare(AdObject *v, AdObject *w, int op)
{
    if (!AdList_Check(v) || !AdList_Check(w))
        Ad_RETURN_NOTIMPLEMENTED;
    AdListObject *vl = (AdListObject *)v, *wl = (AdListObject *)w;
    if (AD_SIZE(vl) != AD_SIZE(wl) && (op == AD_EQ || op == AD_NE))
        return AdBool_FromLong(op == AD_NE);
    Ad_ssize_t i;
    for (i = 0; i < AD_SIZE(vl) && i < AD_SIZE(wl); i++) {
        AdObject *vi = vl->items[i], *wi = wl->items[i];
        if (vi == wi)
            continue;
        Ad_INCREF(vi);
        Ad_INCREF(wi);
        int k = AdObject_RichCompareBool(vi, wi, AD_EQ);
        Ad_DECREF(vi);
        Ad_DECREF(wi);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= AD_SIZE(vl) || i >= AD_SIZE(wl)) {
        Ad_ssize_t vs = AD_SIZE(vl), ws = AD_SIZE(wl);
        int r;
        switch (op) {
        case AD_LT: r = vs < ws; break;
        case AD_LE: r = vs <= ws; break;
        case AD_EQ: r = vs == ws; break;
        case AD_NE: r = vs != ws; break;
        case AD_GT: r = vs > ws; break;
        default: r = vs >= ws; break;
        }
        return AdBool_FromLong(r);
    }
    if (op == AD_EQ)
        return AdBool_FromLong(0);
    if (op == AD_NE)
        return AdBool_FromLong(1);
    AdObject *vi = Ad_NewRef(vl->items[i]), *wi = Ad_NewRef(wl->items[i]);
    AdObject *res = AdObject_RichCompare(vi, wi, op);
    Ad_DECREF(vi);
    Ad_DECREF(wi);
    return res;
}

static AdObject *list_iter(AdObject *seq);

static int list_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (!AdList_CheckExact(self) || kwargs != NULL) {
        if (ad_no_keywords("list", kwargs) < 0)
            return -1;
    }
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (ad_check_nargs("list", nargs, 0, 1) < 0)
        return -1;
    /* list.__init__ empties the list first, then extends. */
    if (AD_SIZE(self) != 0 || ((AdListObject *)self)->items != NULL)
        list_clear_items((AdListObject *)self);
    if (nargs == 1)
        return list_extend_impl((AdListObject *)self, AdTuple_GET_ITEM(args, 0));
    return 0;
}

static AdObject *list_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf,
                                 AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (kwnames != NULL && AdTuple_GET_SIZE(kwnames) != 0)
        return AdErr_Format(AdExc_TypeError, "list() takes no keyword arguments");
    if (ad_check_nargs("list", nargs, 0, 1) < 0)
        return NULL;
    (void)type;
    if (nargs == 0)
        return list_new_exact(0);
    return AdSequence_List(args[0]);
}

/* ---- methods ----------------------------------------------------------- */

static AdObject *list_append_meth(AdObject *self, AdObject *v)
{
    if (list_append_steal((AdListObject *)self, Ad_NewRef(v)) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *list_clear_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    list_clear_items((AdListObject *)self);
    Ad_RETURN_NONE;
}

static AdObject *list_copy_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    return list_slice((AdListObject *)self, 0, AD_SIZE(self));
}

static AdObject *list_count_meth(AdObject *op, AdObject *value)
{
    AdListObject *self = (AdListObject *)op;
    Ad_ssize_t count = 0;
    for (Ad_ssize_t i = 0; i < AD_SIZE(self); i++) {
        AdObject *obj = self->items[i];
        if (obj == value) {
            count++;
            continue;
        }
        Ad_INCREF(obj);
        int cmp = AdObject_RichCompareBool(obj, value, AD_EQ);
        Ad_DECREF(obj);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return AdInt_FromSsize_t(count);
}

static AdObject *list_extend_meth(AdObject *self, AdObject *iterable)
{
    if (list_extend_impl((AdListObject *)self, iterable) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

/* An index argument of list.index: __index__, clamped; None is not allowed. */
static int slice_index_arg(AdObject *v, Ad_ssize_t *out)
{
    if (!ad_has_index(v)) {
        AdErr_SetString(AdExc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Ad_ssize_t x = AdNumber_AsSsize_t(v, NULL);
    if (x == -1 && AdErr_Occurred())
        return -1;
    *out = x;
    return 0;
}

static AdObject *list_index_meth(AdObject *op, AdObject *const *args, Ad_ssize_t nargs)
{
    AdListObject *self = (AdListObject *)op;
    if (ad_check_nargs("index", nargs, 1, 3) < 0)
        return NULL;
    Ad_ssize_t start = 0, stop = INT64_MAX;
    if (nargs >= 2 && slice_index_arg(args[1], &start) < 0)
        return NULL;
    if (nargs >= 3 && slice_index_arg(args[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += AD_SIZE(self);
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += AD_SIZE(self);
        if (stop < 0)
            stop = 0;
    }
    for (Ad_ssize_t i = start; i < stop && i < AD_SIZE(self); i++) {
        AdObject *obj = self->items[i];
        Ad_INCREF(obj);
        int cmp = AdObject_RichCompareBool(obj, args[0], AD_EQ);
        Ad_DECREF(obj);
        if (cmp > 0)
            return AdInt_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    AdErr_SetString(AdExc_ValueError, "list.index(x): x not in list");
    return NULL;
}

/* A C ssize_t argument (argument clinic's Py_ssize_t converter). */
static int ssize_arg(AdObject *v, Ad_ssize_t *out)
{
    Ad_ssize_t x = AdNumber_AsSsize_t(v, AdExc_OverflowError);
    if (x == -1 && AdErr_Occurred()) {
        if (AdErr_ExceptionMatches(AdExc_OverflowError))
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = x;
    return 0;
}

static AdObject *list_insert_meth(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (ad_check_nargs("insert", nargs, 2, 2) < 0)
        return NULL;
    Ad_ssize_t where;
    if (ssize_arg(args[0], &where) < 0)
        return NULL;
    if (list_insert((AdListObject *)self, where, args[1]) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *list_pop_meth(AdObject *op, AdObject *const *args, Ad_ssize_t nargs)
{
    AdListObject *self = (AdListObject *)op;
    if (ad_check_nargs("pop", nargs, 0, 1) < 0)
        return NULL;
    Ad_ssize_t index = -1;
    if (nargs == 1) {
        if (ssize_arg(args[0], &index) < 0)
            return NULL;
    }
    Ad_ssize_t n = AD_SIZE(self);
    if (n == 0) {
        AdErr_SetString(AdExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += n;
    if (!valid_index(index, n)) {
        AdErr_SetString(AdExc_IndexError, "pop index out of range");
        return NULL;
    }
    AdObject *v = self->items[index];
    if (index == n - 1) {
        list_resize(self, n - 1);
        return v;
    }
    memmove(&self->items[index], &self->items[index + 1], (size_t)(n - index - 1) * sizeof(AdObject *));
    list_resize(self, n - 1);
    return v;
}

static AdObject *list_remove_meth(AdObject *op, AdObject *value)
{
    AdListObject *self = (AdListObject *)op;
    for (Ad_ssize_t i = 0; i < AD_SIZE(self); i++) {
        AdObject *obj = self->items[i];
        Ad_INCREF(obj);
        int cmp = AdObject_RichCompareBool(obj, value, AD_EQ);
        Ad_DECREF(obj);
        if (cmp > 0) {
            if (list_ass_slice(self, i, i + 1, NULL) < 0)
                return NULL;
            Ad_RETURN_NONE;
        }
        if (cmp < 0)
            return NULL;
    }
    AdErr_SetString(AdExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static AdObject *list_reverse_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdList_Reverse(self);
    Ad_RETURN_NONE;
}

static AdObject *list_sort_meth(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                AdObject *kwnames)
{
    if (nargs > 0)
        return AdErr_Format(AdExc_TypeError, "sort() takes no positional arguments");
    AdObject *key = NULL;
    int reverse = 0;
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t i = 0; i < nkw; i++) {
        AdObject *name = AdTuple_GET_ITEM(kwnames, i);
        AdObject *val = args[nargs + i];
        if (AdStr_EqualToASCII(name, "key")) {
            key = val;
        } else if (AdStr_EqualToASCII(name, "reverse")) {
            int r = AdObject_IsTrue(val);
            if (r < 0)
                return NULL;
            reverse = r;
        } else {
            return AdErr_Format(AdExc_TypeError, "sort() got an unexpected keyword argument '%U'",
                                name);
        }
    }
    if (key == Ad_None)
        key = NULL;
    if (objects_list_sort((AdListObject *)self, key, reverse) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

int AdList_Sort(AdObject *list)
{
    if (list == NULL || !AdList_Check(list)) {
        AdErr_BadInternalCall();
        return -1;
    }
    return objects_list_sort((AdListObject *)list, NULL, 0);
}

static AdObject *list_reversed_meth(AdObject *self, AdObject *unused);

static AdObject *list_sizeof_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    Ad_ssize_t res = (Ad_ssize_t)sizeof(AdListObject) + 16 /* GC head */ +
                     ((AdListObject *)self)->allocated * (Ad_ssize_t)sizeof(AdObject *);
    return AdInt_FromSsize_t(res);
}

static AdObject *list_class_getitem(AdObject *cls, AdObject *args)
{
    return Ad_GenericAlias(cls, args);
}

static AdMethodDef list_methods[] = {
    {"__reversed__", (void (*)(void))list_reversed_meth, AD_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", (void (*)(void))list_sizeof_meth, AD_METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", (void (*)(void))list_clear_meth, AD_METH_NOARGS, "Remove all items from list."},
    {"copy", (void (*)(void))list_copy_meth, AD_METH_NOARGS, "Return a shallow copy of the list."},
    {"append", (void (*)(void))list_append_meth, AD_METH_O, "Append object to the end of the list."},
    {"insert", (void (*)(void))list_insert_meth, AD_METH_FASTCALL, "Insert object before index."},
    {"extend", (void (*)(void))list_extend_meth, AD_METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", (void (*)(void))list_pop_meth, AD_METH_FASTCALL,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."},
    {"remove", (void (*)(void))list_remove_meth, AD_METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", (void (*)(void))list_index_meth, AD_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (void (*)(void))list_count_meth, AD_METH_O, "Return number of occurrences of value."},
    {"reverse", (void (*)(void))list_reverse_meth, AD_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", (void (*)(void))list_sort_meth, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {"__class_getitem__", (void (*)(void))list_class_getitem, AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static AdMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

static AdObject *list_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args;
    (void)kwargs;
    AdListObject *self = (AdListObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->items = NULL;
    self->allocated = 0;
    AD_SIZE(self) = 0;
    return (AdObject *)self;
}

AdTypeObject AdList_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "list",
    .tp_basicsize = sizeof(AdListObject),
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_LIST_SUBCLASS |
                AD_TPFLAGS_MATCH_SEQUENCE,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = list_tp_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = list_vectorcall,
};

/* ---- iterators --------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t index;
    AdListObject *seq;          /* NULL when exhausted */
} ListIterObject;

static void listiter_dealloc(AdObject *op)
{
    AdObject_GC_UnTrack(op);
    Ad_XDECREF((AdObject *)((ListIterObject *)op)->seq);
    AdObject_GC_Del(op);
}

static int listiter_traverse(AdObject *op, visitproc visit, void *arg)
{
    AdObject *seq = (AdObject *)((ListIterObject *)op)->seq;
    return seq ? visit(seq, arg) : 0;
}

static AdObject *listiter_next(AdObject *op)
{
    ListIterObject *it = (ListIterObject *)op;
    AdListObject *seq = it->seq;
    if (seq == NULL)
        return NULL;
    if (it->index < AD_SIZE(seq))
        return Ad_NewRef(seq->items[it->index++]);
    it->seq = NULL;
    Ad_DECREF((AdObject *)seq);
    return NULL;
}

static AdObject *listiter_len(AdObject *op, AdObject *unused)
{
    (void)unused;
    ListIterObject *it = (ListIterObject *)op;
    Ad_ssize_t len = 0;
    if (it->seq) {
        len = AD_SIZE(it->seq) - it->index;
        if (len < 0)
            len = 0;
    }
    return AdInt_FromSsize_t(len);
}

static AdObject *listiter_setstate(AdObject *op, AdObject *state)
{
    ListIterObject *it = (ListIterObject *)op;
    Ad_ssize_t index = AdNumber_AsSsize_t(state, NULL);
    if (index == -1 && AdErr_Occurred())
        return NULL;
    if (it->seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > AD_SIZE(it->seq))
            index = AD_SIZE(it->seq);
        it->index = index;
    }
    Ad_RETURN_NONE;
}

static AdObject *listiter_reduce(AdObject *op, AdObject *unused)
{
    (void)unused;
    ListIterObject *it = (ListIterObject *)op;
    return AdIter_Reduce("iter", (AdObject *)it->seq, it->seq ? NULL : AdList_New(0), it->index);
}

static AdMethodDef listiter_methods[] = {
    {"__reduce__", (void (*)(void))listiter_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__length_hint__", (void (*)(void))listiter_len, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__setstate__", (void (*)(void))listiter_setstate, AD_METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdListIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIterObject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

static AdObject *list_iter(AdObject *seq)
{
    ListIterObject *it = (ListIterObject *)AdObject_GC_New(&AdListIter_Type);
    if (it == NULL)
        return NULL;
    it->index = 0;
    it->seq = (AdListObject *)Ad_NewRef(seq);
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static AdObject *listrevit_next(AdObject *op)
{
    ListIterObject *it = (ListIterObject *)op;
    AdListObject *seq = it->seq;
    if (seq == NULL)
        return NULL;
    Ad_ssize_t i = it->index;
    if (i >= 0 && i < AD_SIZE(seq)) {
        it->index--;
        return Ad_NewRef(seq->items[i]);
    }
    it->index = -1;
    it->seq = NULL;
    Ad_DECREF((AdObject *)seq);
    return NULL;
}

static AdObject *listrevit_len(AdObject *op, AdObject *unused)
{
    (void)unused;
    ListIterObject *it = (ListIterObject *)op;
    Ad_ssize_t len = it->index + 1;
    if (it->seq == NULL || AD_SIZE(it->seq) < len)
        len = 0;
    return AdInt_FromSsize_t(len);
}

static AdObject *listrevit_setstate(AdObject *op, AdObject *state)
{
    ListIterObject *it = (ListIterObject *)op;
    Ad_ssize_t index = AdNumber_AsSsize_t(state, NULL);
    if (index == -1 && AdErr_Occurred())
        return NULL;
    if (it->seq != NULL) {
        if (index < -1)
            index = -1;
        else if (index > AD_SIZE(it->seq) - 1)
            index = AD_SIZE(it->seq) - 1;
        it->index = index;
    }
    Ad_RETURN_NONE;
}

static AdObject *listrevit_reduce(AdObject *op, AdObject *unused)
{
    (void)unused;
    ListIterObject *it = (ListIterObject *)op;
    return AdIter_Reduce("reversed", (AdObject *)it->seq, it->seq ? NULL : AdList_New(0), it->index);
}

static AdMethodDef listrevit_methods[] = {
    {"__reduce__", (void (*)(void))listrevit_reduce, AD_METH_NOARGS, "Return state information for pickling."},
    {"__length_hint__", (void (*)(void))listrevit_len, AD_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__setstate__", (void (*)(void))listrevit_setstate, AD_METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdListRevIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIterObject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = listrevit_next,
    .tp_methods = listrevit_methods,
};

static AdObject *list_reversed_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    ListIterObject *it = (ListIterObject *)AdObject_GC_New(&AdListRevIter_Type);
    if (it == NULL)
        return NULL;
    it->index = AD_SIZE(self) - 1;
    it->seq = (AdListObject *)Ad_NewRef(self);
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}
