/* heapq.c: the _heapq module: binary min-heaps kept in a list (heappush,
 * heappop, heapify, heapreplace, heappushpop) and 3.14's max-heap forms
 * (heappush_max, heappop_max, heapify_max, heapreplace_max,
 * heappushpop_max). Items are compared only with <, and a comparison that
 * changes the list's size raises RuntimeError, as CPython does. Sifting
 * moves the hole down to a leaf picking the smaller child, then moves the
 * new item back up (fewer comparisons on average). */
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))
#define ITEMS(l) (((AdListObject *)(l))->items)

/* a < b: 1, 0 or -1. Exact ints that fit in 64 bits and exact floats are
 * compared here (same result as their __lt__); the rest goes through the
 * rich comparison protocol. */
static inline int less_than(AdObject *a, AdObject *b)
{
    int64_t x, y;
    if (AdInt_CheckExact(a) && AdInt_CheckExact(b) && AdInt_SmallValue(a, &x) && AdInt_SmallValue(b, &y))
        return x < y;
    if (AdFloat_CheckExact(a) && AdFloat_CheckExact(b))
        return AdFloat_AS_DOUBLE(a) < AdFloat_AS_DOUBLE(b);
    return AdObject_RichCompareBool(a, b, AD_LT);
}

/* a < b for the min-heap; b < a for the max-heap. 1, 0 or -1. The items
 * are held across a comparison that may run Python code. */
static int less(AdObject *a, AdObject *b, int max)
{
    if (max) {
        AdObject *t = a;
        a = b;
        b = t;
    }
    if ((AdInt_CheckExact(a) && AdInt_CheckExact(b)) || (AdFloat_CheckExact(a) && AdFloat_CheckExact(b)))
        return less_than(a, b);         /* runs no Python code */
    Ad_INCREF(a);
    Ad_INCREF(b);
    int c = AdObject_RichCompareBool(a, b, AD_LT);
    Ad_DECREF(a);
    Ad_DECREF(b);
    return c;
}

static int size_changed(void)
{
    AdErr_SetString(AdExc_RuntimeError, "list changed size during iteration");
    return -1;
}

/* Moves the item at pos up towards startpos while it is less than its parent. */
static int sift_toward_root(AdObject *heap, Ad_ssize_t startpos, Ad_ssize_t pos, int max)
{
    Ad_ssize_t size = AD_SIZE(heap);
    while (pos > startpos) {
        Ad_ssize_t parentpos = (pos - 1) >> 1;
        int c = less(ITEMS(heap)[pos], ITEMS(heap)[parentpos], max);
        if (c < 0)
            return -1;
        if (size != AD_SIZE(heap))
            return size_changed();
        if (c == 0)
            break;
        AdObject **items = ITEMS(heap);
        AdObject *t = items[parentpos];
        items[parentpos] = items[pos];
        items[pos] = t;
        pos = parentpos;
    }
    return 0;
}

/* Moves the item at pos down to a leaf along the smaller children, then back up. */
static int sift_toward_leaf(AdObject *heap, Ad_ssize_t pos, int max)
{
    Ad_ssize_t endpos = AD_SIZE(heap), startpos = pos;
    Ad_ssize_t limit = endpos >> 1;
    while (pos < limit) {
        Ad_ssize_t child = 2 * pos + 1;
        if (child + 1 < endpos) {
            int c = less(ITEMS(heap)[child], ITEMS(heap)[child + 1], max);
            if (c < 0)
                return -1;
            child += c ^ 1;
            if (endpos != AD_SIZE(heap))
                return size_changed();
        }
        AdObject **items = ITEMS(heap);
        AdObject *t = items[child];
        items[child] = items[pos];
        items[pos] = t;
        pos = child;
    }
    return sift_toward_root(heap, startpos, pos, max);
}

/* The heap argument must be a list: "NAME() argument[ 1] must be list, not T". */
static int check_heap(const char *name, AdObject *heap, const char *which)
{
    if (!AdList_Check(heap)) {
        AdErr_Format(AdExc_TypeError, "%s() argument%s must be list, not %s", name, which,
                     heap == Ad_None ? "None" : AdType_Name(AD_TYPE(heap)));
        return -1;
    }
    return 0;
}

static int check_args(const char *name, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional(name, nargs, 2, 2) < 0)
        return -1;
    return check_heap(name, args[0], " 1");
}

/* The one-argument functions: "_heapq.NAME() takes exactly one argument (N given)". */
static int check_one(const char *name, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs != 1) {
        AdErr_Format(AdExc_TypeError, "_heapq.%s() takes exactly one argument (%zd given)", name, nargs);
        return -1;
    }
    return check_heap(name, args[0], "");
}

static AdObject *push(AdObject *const *args, Ad_ssize_t nargs, int max, const char *name)
{
    if (check_args(name, args, nargs) < 0)
        return NULL;
    AdObject *heap = args[0];
    if (AdList_Append(heap, args[1]) < 0)
        return NULL;
    if (sift_toward_root(heap, 0, AD_SIZE(heap) - 1, max) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *pop(AdObject *const *args, Ad_ssize_t nargs, int max, const char *name)
{
    if (check_one(name, args, nargs) < 0)
        return NULL;
    AdObject *heap = args[0];
    Ad_ssize_t n = AD_SIZE(heap);
    if (n == 0)
        return AdErr_Format(AdExc_IndexError, "index out of range");
    AdObject *last = ITEMS(heap)[n - 1];
    AD_SIZE(heap) = n - 1;          /* the list owned last: now we do */
    if (n - 1 == 0)
        return last;
    AdObject *result = ITEMS(heap)[0];
    ITEMS(heap)[0] = last;
    if (sift_toward_leaf(heap, 0, max) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *replace(AdObject *const *args, Ad_ssize_t nargs, int max, const char *name)
{
    if (check_args(name, args, nargs) < 0)
        return NULL;
    AdObject *heap = args[0];
    if (AD_SIZE(heap) == 0)
        return AdErr_Format(AdExc_IndexError, "index out of range");
    AdObject *result = ITEMS(heap)[0];
    ITEMS(heap)[0] = Ad_NewRef(args[1]);
    if (sift_toward_leaf(heap, 0, max) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *pushpop(AdObject *const *args, Ad_ssize_t nargs, int max, const char *name)
{
    if (check_args(name, args, nargs) < 0)
        return NULL;
    AdObject *heap = args[0], *item = args[1];
    if (AD_SIZE(heap) == 0)
        return Ad_NewRef(item);
    int c = less(ITEMS(heap)[0], item, max);
    if (c < 0)
        return NULL;
    if (c == 0)
        return Ad_NewRef(item);
    if (AD_SIZE(heap) == 0)
        return AdErr_Format(AdExc_IndexError, "index out of range");
    AdObject *result = ITEMS(heap)[0];
    ITEMS(heap)[0] = Ad_NewRef(item);
    if (sift_toward_leaf(heap, 0, max) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *heapify(AdObject *const *args, Ad_ssize_t nargs, int max, const char *name)
{
    if (check_one(name, args, nargs) < 0)
        return NULL;
    AdObject *heap = args[0];
    for (Ad_ssize_t i = AD_SIZE(heap) / 2 - 1; i >= 0; i--)
        if (sift_toward_leaf(heap, i, max) < 0)
            return NULL;
    Ad_RETURN_NONE;
}

static AdObject *heapq_heappush(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return push(a, n, 0, "heappush"); }
static AdObject *heapq_heappush_max(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return push(a, n, 1, "heappush_max"); }
static AdObject *heapq_heappop(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return pop(a, n, 0, "heappop"); }
static AdObject *heapq_heappop_max(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return pop(a, n, 1, "heappop_max"); }
static AdObject *heapq_heapreplace(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return replace(a, n, 0, "heapreplace"); }
static AdObject *heapq_heapreplace_max(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return replace(a, n, 1, "heapreplace_max"); }
static AdObject *heapq_heappushpop(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return pushpop(a, n, 0, "heappushpop"); }
static AdObject *heapq_heappushpop_max(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return pushpop(a, n, 1, "heappushpop_max"); }
static AdObject *heapq_heapify(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return heapify(a, n, 0, "heapify"); }
static AdObject *heapq_heapify_max(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return heapify(a, n, 1, "heapify_max"); }

static AdMethodDef heapq_functions[] = {
    {"heappush", FN(heapq_heappush), AD_METH_FASTCALL,
     "heappush($module, heap, item, /)\n--\n\nPush item onto heap, maintaining the heap invariant."},
    {"heappush_max", FN(heapq_heappush_max), AD_METH_FASTCALL,
     "heappush_max($module, heap, item, /)\n--\n\nPush item onto max heap, maintaining the heap invariant."},
    {"heappop", FN(heapq_heappop), AD_METH_FASTCALL,
     "heappop($module, heap, /)\n--\n\nPop the smallest item off the heap, maintaining the heap invariant."},
    {"heappop_max", FN(heapq_heappop_max), AD_METH_FASTCALL,
     "heappop_max($module, heap, /)\n--\n\nMaxheap variant of heappop."},
    {"heapreplace", FN(heapq_heapreplace), AD_METH_FASTCALL,
     "heapreplace($module, heap, item, /)\n--\n\nPop and return the current smallest value, and add the new item."},
    {"heapreplace_max", FN(heapq_heapreplace_max), AD_METH_FASTCALL,
     "heapreplace_max($module, heap, item, /)\n--\n\nMaxheap variant of heapreplace."},
    {"heappushpop", FN(heapq_heappushpop), AD_METH_FASTCALL,
     "heappushpop($module, heap, item, /)\n--\n\nPush item on the heap, then pop and return the smallest item from the heap."},
    {"heappushpop_max", FN(heapq_heappushpop_max), AD_METH_FASTCALL,
     "heappushpop_max($module, heap, item, /)\n--\n\nMaxheap variant of heappushpop."},
    {"heapify", FN(heapq_heapify), AD_METH_FASTCALL,
     "heapify($module, heap, /)\n--\n\nTransform list into a heap, in-place, in O(len(heap)) time."},
    {"heapify_max", FN(heapq_heapify_max), AD_METH_FASTCALL,
     "heapify_max($module, heap, /)\n--\n\nMaxheap variant of heapify."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitHeapq(void)
{
    AdObject *m = AdModule_New("_heapq");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "Heap queue algorithm (a.k.a. priority queue).") < 0 ||
        AdModule_AddFunctions(m, heapq_functions) < 0 ||
        AdModule_AddStringConstant(m, "__about__", "Heap queues") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
