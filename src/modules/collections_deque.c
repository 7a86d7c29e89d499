/* collections_deque.c: collections.deque and its two iterator types.
 * A deque is a doubly linked list of fixed-size blocks of item slots: the
 * live items run from (leftblock, leftindex) to (rightblock, rightindex)
 * inclusive, so appends and pops at either end are O(1) and indexing walks
 * at most half the blocks. An empty deque keeps one block with its cursors
 * recentred. `state` counts mutations so iterators and searches can tell
 * "deque mutated during iteration". Messages follow CPython 3.14. */
#include <string.h>

#include "modules/collections_internal.h"
#include "memory/alloc.h"
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

#define FN(f) ((void (*)(void))(f))
#define BLOCKLEN 64
#define CENTER ((BLOCKLEN - 1) / 2)

typedef struct dblock {
    struct dblock *left, *right;
    AdObject *data[BLOCKLEN];
} dblock;

typedef struct {
    AdObject_HEAD;
    dblock *leftblock, *rightblock;
    Ad_ssize_t leftindex, rightindex;   /* inclusive bounds of the items */
    Ad_ssize_t len;
    Ad_ssize_t maxlen;                  /* -1: unbounded */
    uint64_t state;                     /* mutation counter */
    AdObject *weakreflist;
} deque;

typedef struct {
    AdObject_HEAD;
    deque *dq;
    dblock *b;
    Ad_ssize_t index;
    Ad_ssize_t counter;                 /* items left */
    uint64_t state;
} dequeiter;

#define IS_DEQUE(o) AdObject_TypeCheck((o), &collections_deque_type)

static dblock *new_block(void)
{
    dblock *b = AdMem_Malloc(sizeof(dblock));
    if (!b)
        AdErr_NoMemory();
    return b;
}

static AdObject *deque_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    deque *d = (deque *)type->tp_alloc(type, 0);
    if (!d)
        return NULL;
    dblock *b = new_block();
    if (!b) {
        Ad_DECREF((AdObject *)d);
        return NULL;
    }
    b->left = b->right = NULL;
    d->leftblock = d->rightblock = b;
    d->leftindex = CENTER + 1;
    d->rightindex = CENTER;
    d->len = 0;
    d->maxlen = -1;
    d->state = 0;
    d->weakreflist = NULL;
    return (AdObject *)d;
}

/* ---- the four ends (the reference is stolen / returned) --------------------------------- */

static int push_right(deque *d, AdObject *item)
{
    if (d->rightindex == BLOCKLEN - 1) {
        dblock *b = new_block();
        if (!b) {
            Ad_DECREF(item);
            return -1;
        }
        b->left = d->rightblock;
        b->right = NULL;
        d->rightblock->right = b;
        d->rightblock = b;
        d->rightindex = -1;
    }
    d->rightblock->data[++d->rightindex] = item;
    d->len++;
    d->state++;
    return 0;
}

static int push_left(deque *d, AdObject *item)
{
    if (d->leftindex == 0) {
        dblock *b = new_block();
        if (!b) {
            Ad_DECREF(item);
            return -1;
        }
        b->right = d->leftblock;
        b->left = NULL;
        d->leftblock->left = b;
        d->leftblock = b;
        d->leftindex = BLOCKLEN;
    }
    d->leftblock->data[--d->leftindex] = item;
    d->len++;
    d->state++;
    return 0;
}

/* Both pops assume len > 0. */
static AdObject *take_right(deque *d)
{
    AdObject *item = d->rightblock->data[d->rightindex--];
    d->len--;
    d->state++;
    if (d->len == 0) {
        d->leftindex = CENTER + 1;
        d->rightindex = CENTER;
    }
    else if (d->rightindex < 0) {
        dblock *prev = d->rightblock->left;
        AdMem_Free(d->rightblock);
        prev->right = NULL;
        d->rightblock = prev;
        d->rightindex = BLOCKLEN - 1;
    }
    return item;
}

static AdObject *take_left(deque *d)
{
    AdObject *item = d->leftblock->data[d->leftindex++];
    d->len--;
    d->state++;
    if (d->len == 0) {
        d->leftindex = CENTER + 1;
        d->rightindex = CENTER;
    }
    else if (d->leftindex == BLOCKLEN) {
        dblock *next = d->leftblock->right;
        AdMem_Free(d->leftblock);
        next->left = NULL;
        d->leftblock = next;
        d->leftindex = 0;
    }
    return item;
}

/* Appends with the maxlen rule: the other end's item falls off. */
static int append_right(deque *d, AdObject *item)
{
    if (d->maxlen == 0) {
        Ad_DECREF(item);
        return 0;
    }
    if (push_right(d, item) < 0)
        return -1;
    if (d->maxlen > 0 && d->len > d->maxlen)
        Ad_DECREF(take_left(d));
    return 0;
}

static int append_left(deque *d, AdObject *item)
{
    if (d->maxlen == 0) {
        Ad_DECREF(item);
        return 0;
    }
    if (push_left(d, item) < 0)
        return -1;
    if (d->maxlen > 0 && d->len > d->maxlen)
        Ad_DECREF(take_right(d));
    return 0;
}

/* The slot of item i (0 <= i < len), walking from the nearer end. */
static AdObject **item_slot(deque *d, Ad_ssize_t i)
{
    dblock *b;
    Ad_ssize_t pos;
    if (i < d->len / 2) {
        pos = d->leftindex + i;
        b = d->leftblock;
        while (pos >= BLOCKLEN) {
            b = b->right;
            pos -= BLOCKLEN;
        }
    }
    else {
        Ad_ssize_t back = d->len - 1 - i;
        pos = d->rightindex - back;
        b = d->rightblock;
        while (pos < 0) {
            b = b->left;
            pos += BLOCKLEN;
        }
    }
    return &b->data[pos];
}

static void deque_clear_items(deque *d)
{
    /* Detach everything first so that finalizers see an empty deque. */
    Ad_ssize_t n = d->len;
    if (n == 0)
        return;
    AdObject **items = AdMem_Malloc(sizeof(AdObject *) * (size_t)n);
    if (items) {
        for (Ad_ssize_t i = 0; i < n; i++)
            items[i] = take_left(d);
        for (Ad_ssize_t i = 0; i < n; i++)
            Ad_DECREF(items[i]);
        AdMem_Free(items);
    }
    else {
        while (d->len > 0)
            Ad_DECREF(take_left(d));
    }
    d->state++;
}

/* ---- object protocol --------------------------------------------------------------------- */

static void deque_dealloc(AdObject *self)
{
    deque *d = (deque *)self;
    AdTypeObject *type = AD_TYPE(self);
    AdObject_GC_UnTrack(self);
    if (d->leftblock) {
        while (d->len > 0)
            Ad_DECREF(take_left(d));
        AdMem_Free(d->leftblock);
        d->leftblock = d->rightblock = NULL;
    }
    type->tp_free(self);    /* drops a heap subclass's reference to its type */
}

static int deque_traverse(AdObject *self, visitproc visit, void *arg)
{
    deque *d = (deque *)self;
    dblock *b = d->leftblock;
    Ad_ssize_t i = d->leftindex;
    for (Ad_ssize_t n = 0; n < d->len; n++) {
        int r = visit(b->data[i], arg);
        if (r)
            return r;
        if (++i == BLOCKLEN) {
            b = b->right;
            i = 0;
        }
    }
    return 0;
}

static int deque_tp_clear(AdObject *self)
{
    deque_clear_items((deque *)self);
    return 0;
}

static Ad_ssize_t deque_len(AdObject *self) { return ((deque *)self)->len; }

static int parse_maxlen(AdObject *o, Ad_ssize_t *out)
{
    if (!o || o == Ad_None) {
        *out = -1;
        return 0;
    }
    Ad_ssize_t v = AdInt_AsSsize_t(o);
    if (v == -1 && AdErr_Occurred())
        return -1;
    if (v < 0) {
        AdErr_SetString(AdExc_ValueError, "maxlen must be non-negative");
        return -1;
    }
    *out = v;
    return 0;
}

static int deque_extend_impl(deque *d, AdObject *iterable, int left);

static int deque_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"iterable", "maxlen", NULL};
    AdObject *a[2];
    if (collections_parse_tuple_args("deque", args, kwargs, names, 0, 0, a) < 0)
        return -1;
    deque *d = (deque *)self;
    Ad_ssize_t maxlen;
    if (parse_maxlen(a[1], &maxlen) < 0)
        return -1;
    d->maxlen = maxlen;
    if (d->len > 0)
        deque_clear_items(d);
    if (a[0])
        return deque_extend_impl(d, a[0], 0);
    return 0;
}

/* ---- methods ----------------------------------------------------------------------------- */

static AdObject *deque_append(AdObject *self, AdObject *item)
{
    if (append_right((deque *)self, Ad_NewRef(item)) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *deque_appendleft(AdObject *self, AdObject *item)
{
    if (append_left((deque *)self, Ad_NewRef(item)) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *deque_pop(AdObject *self, AdObject *unused)
{
    (void)unused;
    deque *d = (deque *)self;
    if (d->len == 0)
        return AdErr_Format(AdExc_IndexError, "pop from an empty deque");
    return take_right(d);
}

static AdObject *deque_popleft(AdObject *self, AdObject *unused)
{
    (void)unused;
    deque *d = (deque *)self;
    if (d->len == 0)
        return AdErr_Format(AdExc_IndexError, "pop from an empty deque");
    return take_left(d);
}

static int deque_extend_impl(deque *d, AdObject *iterable, int left)
{
    if (iterable == (AdObject *)d) {
        AdObject *copy = AdSequence_List(iterable);
        if (!copy)
            return -1;
        int r = deque_extend_impl(d, copy, left);
        Ad_DECREF(copy);
        return r;
    }
    if (AdList_CheckExact(iterable) || AdTuple_CheckExact(iterable)) {
        /* No code can run between items except a finalizer; reread the size each time. */
        Ad_INCREF(iterable);
        for (Ad_ssize_t i = 0; i < AD_SIZE(iterable); i++) {
            AdObject *item = AdList_CheckExact(iterable) ? AdList_GET_ITEM(iterable, i)
                                                          : AdTuple_GET_ITEM(iterable, i);
            if ((left ? append_left(d, Ad_NewRef(item)) : append_right(d, Ad_NewRef(item))) < 0) {
                Ad_DECREF(iterable);
                return -1;
            }
        }
        Ad_DECREF(iterable);
        return 0;
    }
    AdObject *it = AdObject_GetIter(iterable);
    if (!it)
        return -1;
    AdObject *item;
    while ((item = AdIter_Next(it)) != NULL) {
        if ((left ? append_left(d, item) : append_right(d, item)) < 0) {
            Ad_DECREF(it);
            return -1;
        }
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
}

static AdObject *deque_extend(AdObject *self, AdObject *iterable)
{
    if (deque_extend_impl((deque *)self, iterable, 0) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *deque_extendleft(AdObject *self, AdObject *iterable)
{
    if (deque_extend_impl((deque *)self, iterable, 1) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *deque_inplace_concat(AdObject *self, AdObject *other)
{
    if (deque_extend_impl((deque *)self, other, 0) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *deque_clearmethod(AdObject *self, AdObject *unused)
{
    (void)unused;
    deque_clear_items((deque *)self);
    Ad_RETURN_NONE;
}

static AdObject *deque_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    deque *d = (deque *)self;
    if (Ad_IS_TYPE(self, &collections_deque_type)) {
        deque *n = (deque *)deque_tp_new(&collections_deque_type, NULL, NULL);
        if (!n)
            return NULL;
        n->maxlen = d->maxlen;
        uint64_t state = d->state;
        dblock *b = d->leftblock;
        Ad_ssize_t i = d->leftindex;
        for (Ad_ssize_t k = 0; k < d->len; k++) {
            if (append_right(n, Ad_NewRef(b->data[i])) < 0 || d->state != state) {
                if (!AdErr_Occurred())
                    AdErr_SetString(AdExc_RuntimeError, "deque mutated during iteration");
                Ad_DECREF((AdObject *)n);
                return NULL;
            }
            if (++i == BLOCKLEN) {
                b = b->right;
                i = 0;
            }
        }
        return (AdObject *)n;
    }
    AdObject *args[2] = {self, NULL};
    Ad_ssize_t nargs = 1;
    if (d->maxlen >= 0) {
        args[1] = AdInt_FromSsize_t(d->maxlen);
        if (!args[1])
            return NULL;
        nargs = 2;
    }
    AdObject *r = AdObject_Vectorcall((AdObject *)AD_TYPE(self), args, (size_t)nargs, NULL);
    Ad_XDECREF(args[1]);
    return r;
}

/* Compares item i of the walk with v; checks the deque did not change. */
static int cmp_checked(deque *d, AdObject *item, AdObject *v, uint64_t state)
{
    Ad_INCREF(item);
    int c = AdObject_RichCompareBool(item, v, AD_EQ);
    Ad_DECREF(item);
    if (c < 0)
        return -1;
    if (d->state != state) {
        AdErr_SetString(AdExc_RuntimeError, "deque mutated during iteration");
        return -1;
    }
    return c;
}

static AdObject *deque_count(AdObject *self, AdObject *v)
{
    deque *d = (deque *)self;
    uint64_t state = d->state;
    Ad_ssize_t n = d->len, count = 0;
    dblock *b = d->leftblock;
    Ad_ssize_t i = d->leftindex;
    for (Ad_ssize_t k = 0; k < n; k++) {
        int c = cmp_checked(d, b->data[i], v, state);
        if (c < 0)
            return NULL;
        count += c;
        if (++i == BLOCKLEN) {
            b = b->right;
            i = 0;
        }
    }
    return AdInt_FromSsize_t(count);
}

static int deque_contains(AdObject *self, AdObject *v)
{
    deque *d = (deque *)self;
    uint64_t state = d->state;
    Ad_ssize_t n = d->len;
    dblock *b = d->leftblock;
    Ad_ssize_t i = d->leftindex;
    for (Ad_ssize_t k = 0; k < n; k++) {
        int c = cmp_checked(d, b->data[i], v, state);
        if (c != 0)
            return c;
        if (++i == BLOCKLEN) {
            b = b->right;
            i = 0;
        }
    }
    return 0;
}

static int clamp_index_arg(AdObject *o, Ad_ssize_t len, Ad_ssize_t *out)
{
    if (!AdIndex_Check(o)) {
        AdErr_Format(AdExc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Ad_ssize_t v = AdNumber_AsSsize_t(o, NULL);
    if (v == -1 && AdErr_Occurred())
        return -1;
    if (v < 0) {
        v += len;
        if (v < 0)
            v = 0;
    }
    if (v > len)
        v = len;
    *out = v;
    return 0;
}

static AdObject *deque_index(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("index", nargs, 1, 3) < 0)
        return NULL;
    deque *d = (deque *)self;
    Ad_ssize_t start = 0, stop = d->len;
    if (nargs > 1 && clamp_index_arg(args[1], d->len, &start) < 0)
        return NULL;
    if (nargs > 2 && clamp_index_arg(args[2], d->len, &stop) < 0)
        return NULL;
    if (stop > d->len)
        stop = d->len;
    uint64_t state = d->state;
    for (Ad_ssize_t k = start; k < stop; k++) {
        int c = cmp_checked(d, *item_slot(d, k), args[0], state);
        if (c < 0)
            return NULL;
        if (c)
            return AdInt_FromSsize_t(k);
    }
    return AdErr_Format(AdExc_ValueError, "deque.index(x): x not in deque");
}

/* Rotates right by n (left when negative), moving items between the ends. */
static void rotate_impl(deque *d, Ad_ssize_t n)
{
    Ad_ssize_t len = d->len;
    if (len <= 1)
        return;
    if (n > len / 2 || n < -len / 2) {
        n %= len;
        if (n > len / 2)
            n -= len;
        else if (n < -len / 2)
            n += len;
    }
    uint64_t state = d->state;
    Ad_ssize_t maxlen = d->maxlen;
    d->maxlen = -1;
    for (; n > 0; n--) {
        AdObject *it = take_right(d);
        if (push_left(d, it) < 0) {     /* only on MemoryError: the item is lost */
            break;
        }
    }
    for (; n < 0; n++) {
        AdObject *it = take_left(d);
        if (push_right(d, it) < 0)
            break;
    }
    d->maxlen = maxlen;
    d->state = state + 1;
}

static AdObject *deque_rotate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("rotate", nargs, 0, 1) < 0)
        return NULL;
    Ad_ssize_t n = 1;
    if (nargs == 1) {
        if (!AdIndex_Check(args[0]))
            return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                AdType_Name(AD_TYPE(args[0])));
        n = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (n == -1 && AdErr_Occurred())
            return NULL;
    }
    rotate_impl((deque *)self, n);
    if (AdErr_Occurred())
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *deque_reverse(AdObject *self, AdObject *unused)
{
    (void)unused;
    deque *d = (deque *)self;
    dblock *lb = d->leftblock, *rb = d->rightblock;
    Ad_ssize_t li = d->leftindex, ri = d->rightindex;
    for (Ad_ssize_t n = d->len / 2; n > 0; n--) {
        AdObject *t = lb->data[li];
        lb->data[li] = rb->data[ri];
        rb->data[ri] = t;
        if (++li == BLOCKLEN) {
            lb = lb->right;
            li = 0;
        }
        if (--ri < 0) {
            rb = rb->left;
            ri = BLOCKLEN - 1;
        }
    }
    d->state++;
    Ad_RETURN_NONE;
}

/* Removes item i (0 <= i < len) and returns it (new ref). */
static AdObject *remove_at(deque *d, Ad_ssize_t i)
{
    rotate_impl(d, -i);
    AdObject *item = take_left(d);
    rotate_impl(d, i);
    return item;
}

static AdObject *deque_remove(AdObject *self, AdObject *v)
{
    deque *d = (deque *)self;
    Ad_ssize_t n = d->len;
    uint64_t state = d->state;
    for (Ad_ssize_t k = 0; k < n; k++) {
        AdObject *item = *item_slot(d, k);
        Ad_INCREF(item);
        int c = AdObject_RichCompareBool(item, v, AD_EQ);
        Ad_DECREF(item);
        if (c < 0)
            return NULL;
        if (d->state != state || d->len != n)
            return AdErr_Format(AdExc_IndexError, "deque mutated during iteration");
        if (c) {
            Ad_DECREF(remove_at(d, k));
            Ad_RETURN_NONE;
        }
    }
    return AdErr_Format(AdExc_ValueError, "deque.remove(x): x not in deque");
}

static AdObject *deque_insert(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("insert", nargs, 2, 2) < 0)
        return NULL;
    deque *d = (deque *)self;
    if (!AdIndex_Check(args[0]))
        return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            AdType_Name(AD_TYPE(args[0])));
    Ad_ssize_t i = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
    if (i == -1 && AdErr_Occurred())
        return NULL;
    if (d->maxlen == d->len)
        return AdErr_Format(AdExc_IndexError, "deque already at its maximum size");
    Ad_ssize_t n = d->len;
    if (i >= n)
        return deque_append(self, args[1]);
    if (i <= -n || i == 0)
        return deque_appendleft(self, args[1]);
    if (i < 0)
        i += n;
    rotate_impl(d, -i);
    if (append_left(d, Ad_NewRef(args[1])) < 0)
        return NULL;
    rotate_impl(d, i);
    Ad_RETURN_NONE;
}

static AdObject *deque_item(AdObject *self, Ad_ssize_t i)
{
    deque *d = (deque *)self;
    if (i < 0 || i >= d->len)
        return AdErr_Format(AdExc_IndexError, "deque index out of range");
    return Ad_NewRef(*item_slot(d, i));
}

static int deque_ass_item(AdObject *self, Ad_ssize_t i, AdObject *v)
{
    deque *d = (deque *)self;
    if (i < 0 || i >= d->len) {
        AdErr_SetString(AdExc_IndexError, "deque index out of range");
        return -1;
    }
    if (v == NULL) {
        Ad_DECREF(remove_at(d, i));
        return 0;
    }
    AdObject **slot = item_slot(d, i);
    AdObject *old = *slot;
    *slot = Ad_NewRef(v);
    Ad_DECREF(old);
    return 0;
}

static AdObject *deque_concat(AdObject *self, AdObject *other)
{
    if (!IS_DEQUE(other))
        return AdErr_Format(AdExc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                            AdType_Name(AD_TYPE(other)));
    AdObject *n = deque_copy(self, NULL);
    if (!n)
        return NULL;
    if (deque_extend_impl((deque *)n, other, 0) < 0) {
        Ad_DECREF(n);
        return NULL;
    }
    return n;
}

static AdObject *deque_inplace_repeat(AdObject *self, Ad_ssize_t n)
{
    deque *d = (deque *)self;
    Ad_ssize_t len = d->len;
    if (len == 0 || n == 1)
        return Ad_NewRef(self);
    if (n <= 0) {
        deque_clear_items(d);
        return Ad_NewRef(self);
    }
    if (d->maxlen < 0 && len > (Ad_ssize_t)(((size_t)1 << 60) / (size_t)n))
        return AdErr_NoMemory();
    Ad_ssize_t total = len * n;
    if (d->maxlen >= 0 && total > d->maxlen)
        total = d->maxlen + ((total - d->maxlen) % len);   /* enough to end in the same state */
    AdObject *snapshot = AdSequence_List(self);
    if (!snapshot)
        return NULL;
    for (Ad_ssize_t k = len; k < total; k++) {
        if (append_right(d, Ad_NewRef(AdList_GET_ITEM(snapshot, k % len))) < 0) {
            Ad_DECREF(snapshot);
            return NULL;
        }
    }
    Ad_DECREF(snapshot);
    return Ad_NewRef(self);
}

static AdObject *deque_repeat(AdObject *self, Ad_ssize_t n)
{
    AdObject *c = deque_copy(self, NULL);
    if (!c)
        return NULL;
    AdObject *r = deque_inplace_repeat(c, n);
    Ad_DECREF(c);
    return r;
}

static AdObject *deque_repr(AdObject *self)
{
    deque *d = (deque *)self;
    int rc = Ad_ReprEnter(self);
    if (rc < 0)
        return NULL;
    if (rc > 0)
        return AdStr_FromString("[...]");
    AdObject *list = AdSequence_List(self);
    if (!list) {
        Ad_ReprLeave(self);
        return NULL;
    }
    AdObject *r;
    const char *name = AdType_ShortName(AD_TYPE(self));
    if (d->maxlen >= 0)
        r = AdStr_FromFormat("%s(%R, maxlen=%zd)", name, list, d->maxlen);
    else
        r = AdStr_FromFormat("%s(%R)", name, list);
    Ad_DECREF(list);
    Ad_ReprLeave(self);
    return r;
}

static AdObject *deque_richcompare(AdObject *v, AdObject *w, int op)
{
    if (!IS_DEQUE(v) || !IS_DEQUE(w))
        Ad_RETURN_NOTIMPLEMENTED;
    deque *a = (deque *)v, *b = (deque *)w;
    if ((op == AD_EQ || op == AD_NE) && a->len != b->len)
        return AdBool_FromLong(op == AD_NE);
    AdObject *la = AdSequence_List(v), *lb = la ? AdSequence_List(w) : NULL;
    AdObject *r = lb ? AdObject_RichCompare(la, lb, op) : NULL;
    Ad_XDECREF(la);
    Ad_XDECREF(lb);
    return r;
}

static AdObject *deque_get_maxlen(AdObject *self, void *closure)
{
    (void)closure;
    deque *d = (deque *)self;
    if (d->maxlen < 0)
        Ad_RETURN_NONE;
    return AdInt_FromSsize_t(d->maxlen);
}

static AdObject *deque_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    deque *d = (deque *)self;
    AdObject *state = NULL;
    AdObject **dp = AdObject_GetDictPtr(self);
    if (dp && *dp && AdDict_GET_SIZE(*dp) > 0)
        state = *dp;
    AdObject *it = AdObject_GetIter(self);
    if (!it)
        return NULL;
    AdObject *args;
    if (d->maxlen < 0)
        args = AdTuple_New(0);
    else {
        AdObject *ml = AdInt_FromSsize_t(d->maxlen);
        AdObject *empty = AdTuple_New(0);
        args = (ml && empty) ? AdTuple_Pack(2, empty, ml) : NULL;
        Ad_XDECREF(ml);
        Ad_XDECREF(empty);
    }
    AdObject *r = args ? AdTuple_Pack(4, (AdObject *)AD_TYPE(self), args, state ? state : Ad_None, it) : NULL;
    Ad_XDECREF(args);
    Ad_DECREF(it);
    return r;
}

static AdObject *deque_sizeof(AdObject *self, AdObject *unused)
{
    (void)unused;
    deque *d = (deque *)self;
    Ad_ssize_t blocks = (d->leftindex + d->len + BLOCKLEN - 1) / BLOCKLEN;
    if (blocks < 1)
        blocks = 1;
    return AdInt_FromSsize_t((Ad_ssize_t)AD_TYPE(self)->tp_basicsize + blocks * (Ad_ssize_t)sizeof(dblock));
}

static AdObject *deque_class_getitem(AdObject *cls, AdObject *arg) { return Ad_GenericAlias(cls, arg); }

/* ---- iterators --------------------------------------------------------------------------- */

static AdObject *make_iter(AdTypeObject *type, deque *d)
{
    dequeiter *it = (dequeiter *)AdObject_GC_New(type);
    if (!it)
        return NULL;
    it->dq = (deque *)Ad_NewRef((AdObject *)d);
    if (type == &collections_dequeiter_type) {
        it->b = d->leftblock;
        it->index = d->leftindex;
    }
    else {
        it->b = d->rightblock;
        it->index = d->rightindex;
    }
    it->counter = d->len;
    it->state = d->state;
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static AdObject *deque_iter(AdObject *self) { return make_iter(&collections_dequeiter_type, (deque *)self); }

static AdObject *deque_reversed(AdObject *self, AdObject *unused)
{
    (void)unused;
    return make_iter(&collections_dequereviter_type, (deque *)self);
}

static AdObject *dequeiter_next(AdObject *self)
{
    dequeiter *it = (dequeiter *)self;
    if (it->dq->state != it->state) {
        it->counter = 0;
        return AdErr_Format(AdExc_RuntimeError, "deque mutated during iteration");
    }
    if (it->counter == 0)
        return NULL;
    AdObject *item = it->b->data[it->index];
    it->counter--;
    if (++it->index == BLOCKLEN && it->counter > 0) {
        it->b = it->b->right;
        it->index = 0;
    }
    return Ad_NewRef(item);
}

static AdObject *dequereviter_next(AdObject *self)
{
    dequeiter *it = (dequeiter *)self;
    if (it->dq->state != it->state) {
        it->counter = 0;
        return AdErr_Format(AdExc_RuntimeError, "deque mutated during iteration");
    }
    if (it->counter == 0)
        return NULL;
    AdObject *item = it->b->data[it->index];
    it->counter--;
    if (--it->index < 0 && it->counter > 0) {
        it->b = it->b->left;
        it->index = BLOCKLEN - 1;
    }
    return Ad_NewRef(item);
}

static AdObject *dequeiter_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"deque", "index", NULL};
    AdObject *a[2];
    if (AdTuple_GET_SIZE(args) < 1)
        return AdErr_Format(AdExc_TypeError, "function takes at least 1 argument (%zd given)",
                            AdTuple_GET_SIZE(args));
    if (collections_parse_tuple_args(AdType_ShortName(type), args, kwds, names, 2, 1, a) < 0)
        return NULL;
    if (!IS_DEQUE(a[0]))
        return AdErr_Format(AdExc_TypeError, "argument 1 must be collections.deque, not %s",
                            AdType_Name(AD_TYPE(a[0])));
    Ad_ssize_t index = 0;
    if (a[1]) {
        index = AdNumber_AsSsize_t(a[1], AdExc_OverflowError);
        if (index == -1 && AdErr_Occurred())
            return NULL;
    }
    AdObject *it = make_iter(type, (deque *)a[0]);
    if (!it)
        return NULL;
    iternextfunc next = type->tp_iternext;
    for (Ad_ssize_t k = 0; k < index && ((dequeiter *)it)->counter > 0; k++) {
        AdObject *x = next(it);
        if (!x) {
            Ad_DECREF(it);
            return NULL;
        }
        Ad_DECREF(x);
    }
    return it;
}

static void dequeiter_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((dequeiter *)self)->dq);
    AdObject_GC_Del(self);
}

static int dequeiter_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *d = (AdObject *)((dequeiter *)self)->dq;
    return d ? visit(d, arg) : 0;
}

static AdObject *dequeiter_length_hint(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromSsize_t(((dequeiter *)self)->counter);
}

static AdObject *dequeiter_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    dequeiter *it = (dequeiter *)self;
    AdObject *n = AdInt_FromSsize_t(it->dq->len - it->counter);
    if (!n)
        return NULL;
    AdObject *inner = AdTuple_Pack(2, (AdObject *)it->dq, n);
    AdObject *r = inner ? AdTuple_Pack(2, (AdObject *)AD_TYPE(self), inner) : NULL;
    Ad_XDECREF(inner);
    Ad_DECREF(n);
    return r;
}

static AdMethodDef dequeiter_methods[] = {
    {"__length_hint__", FN(dequeiter_length_hint), AD_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", FN(dequeiter_reduce), AD_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject collections_dequeiter_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "collections._deque_iterator",
    .tp_basicsize = sizeof(dequeiter),
    .tp_dealloc = dequeiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
    .tp_new = dequeiter_tp_new,
    .tp_free = AdObject_GC_Del,
};

AdTypeObject collections_dequereviter_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(dequeiter),
    .tp_dealloc = dequeiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = dequereviter_next,
    .tp_methods = dequeiter_methods,
    .tp_new = dequeiter_tp_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- the type ---------------------------------------------------------------------------- */

static AdMethodDef deque_methods[] = {
    {"append", FN(deque_append), AD_METH_O, "Add an element to the right side of the deque."},
    {"appendleft", FN(deque_appendleft), AD_METH_O, "Add an element to the left side of the deque."},
    {"clear", FN(deque_clearmethod), AD_METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", FN(deque_copy), AD_METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", FN(deque_copy), AD_METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", FN(deque_count), AD_METH_O, "Return number of occurrences of value."},
    {"extend", FN(deque_extend), AD_METH_O, "Extend the right side of the deque with elements from the iterable."},
    {"extendleft", FN(deque_extendleft), AD_METH_O, "Extend the left side of the deque with elements from the iterable."},
    {"index", FN(deque_index), AD_METH_FASTCALL, "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"insert", FN(deque_insert), AD_METH_FASTCALL, "Insert value before index."},
    {"pop", FN(deque_pop), AD_METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", FN(deque_popleft), AD_METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", FN(deque_reduce), AD_METH_NOARGS, "Return state information for pickling."},
    {"remove", FN(deque_remove), AD_METH_O, "Remove first occurrence of value."},
    {"__reversed__", FN(deque_reversed), AD_METH_NOARGS, "Return a reverse iterator over the deque."},
    {"reverse", FN(deque_reverse), AD_METH_NOARGS, "Reverse *IN PLACE*."},
    {"rotate", FN(deque_rotate), AD_METH_FASTCALL, "Rotate the deque n steps to the right.  If n is negative, rotates left."},
    {"__sizeof__", FN(deque_sizeof), AD_METH_NOARGS, "Return the size of the deque in memory, in bytes."},
    {"__class_getitem__", FN(deque_class_getitem), AD_METH_O | AD_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdSequenceMethods deque_as_sequence = {
    .sq_length = deque_len,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_ass_item = deque_ass_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

AdTypeObject collections_deque_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(deque),
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_as_sequence = &deque_as_sequence,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_MATCH_SEQUENCE,
    .tp_doc = "A list-like sequence optimized for data accesses near its endpoints.",
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .tp_richcompare = deque_richcompare,
    .tp_weaklistoffset = offsetof(deque, weakreflist),
    .tp_iter = deque_iter,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_init = deque_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = deque_tp_new,
    .tp_free = AdObject_GC_Del,
};
