/* listsort.c: list.sort(): a stable, adaptive merge sort. The input is cut
 * into natural runs (strictly descending runs are reversed in place, short
 * runs are extended to a minimum length by binary insertion); runs are
 * kept on a stack and merged following the "powersort" rule (the power of
 * the boundary between two neighbouring runs decides when they merge), and
 * each merge switches to galloping (exponential then binary search) when
 * one side keeps winning, with an adaptive threshold. When a key function
 * is given, its results are sorted and the items move alongside them. */
#include <string.h>

#include "objects/list.h"
#include "objects/list_deps.h"
#include "objects/fastcmp.h"

#define GALLOP_START 7          /* initial threshold for entering gallop mode */
#define MAX_PENDING 85          /* more than enough for 2**64 items */

typedef struct SortCmp SortCmp;

/* A position in the array being sorted: keys, and the values that move
 * with them (NULL when the keys are the items themselves). */
typedef struct {
    AdObject **keys;
    AdObject **values;
} Slice;

typedef struct {
    Slice base;
    Ad_ssize_t len;
    int power;                  /* power of the boundary with the run above */
} Run;

typedef struct {
    Ad_ssize_t min_gallop;
    Slice tmp;                  /* scratch for the smaller run of a merge */
    Ad_ssize_t tmp_alloc;
    int npending;
    Run pending[MAX_PENDING];
    Ad_ssize_t total;           /* number of items sorted */
    Slice origin;               /* the array's start (for run powers) */
    const SortCmp *cmp;
} Sorter;

/* ---- comparisons ----------------------------------------------------------
 * Before sorting, one pass over the keys picks the comparison: when every
 * key is an exact int that fits in 64 bits, an exact float, an exact str,
 * or a non-empty exact tuple whose first items are all one of those, the
 * sort compares the values directly (nothing of Python's can run, so the
 * result is what rich comparison would give); when every key has one other
 * type, the type's own tp_richcompare is called without the dispatch
 * (falling back to full rich comparison when it returns NotImplemented);
 * anything else goes through AdObject_RichCompareBool. */

struct SortCmp {
    /* a < b: 1, 0, or -1 with an exception. */
    int (*lt)(AdObject *a, AdObject *b, const SortCmp *c);
    /* For tuples: three-way comparison of the first items (-1, 0, 1; 2
     * when unordered, as with NaN), NULL when they need rich comparison. */
    int (*first_cmp)(AdObject *a, AdObject *b);
};

static int cmp_generic(AdObject *a, AdObject *b, const SortCmp *c)
{
    (void)c;
    return AdObject_RichCompareBool(a, b, AD_LT);
}

/* The value of an int known to fit (checked before sorting). */
static inline int64_t small_int(AdObject *o)
{
    Ad_ssize_t n = AD_SIZE(o);
    if (n == 0)
        return 0;
    int64_t m = (int64_t)((AdIntObject *)o)->limbs[0];
    return n > 0 ? m : -m;
}

static int cmp_int(AdObject *a, AdObject *b, const SortCmp *c)
{
    (void)c;
    return small_int(a) < small_int(b);
}

static int cmp_float(AdObject *a, AdObject *b, const SortCmp *c)
{
    (void)c;
    return AdFloat_AS_DOUBLE(a) < AdFloat_AS_DOUBLE(b);
}

/* Both strs of kind 1 (code points below 256): bytes compare as code points. */
static int cmp_str1(AdObject *a, AdObject *b, const SortCmp *c)
{
    (void)c;
    Ad_ssize_t la = AdStr_LENGTH(a), lb = AdStr_LENGTH(b);
    int r = memcmp(AdStr_DATA(a), AdStr_DATA(b), (size_t)(la < lb ? la : lb));
    return r != 0 ? r < 0 : la < lb;
}

static int cmp_str(AdObject *a, AdObject *b, const SortCmp *c)
{
    (void)c;
    return AdStr_Compare(a, b) < 0;
}

/* Every key has one type whose tp_richcompare is called directly. */
static int cmp_same_type(AdObject *a, AdObject *b, const SortCmp *c)
{
    (void)c;
    AdTypeObject *t = AD_TYPE(a);
    /* (A comparison may have assigned some key's __class__.) */
    if (t != AD_TYPE(b) || t->tp_richcompare == NULL)
        return AdObject_RichCompareBool(a, b, AD_LT);
    AdObject *res = t->tp_richcompare(a, b, AD_LT);
    if (res == Ad_NotImplemented) {
        Ad_DECREF(res);
        return AdObject_RichCompareBool(a, b, AD_LT);
    }
    if (res == NULL)
        return -1;
    int ok = res == Ad_True ? 1 : res == Ad_False ? 0 : AdObject_IsTrue(res);
    Ad_DECREF(res);
    return ok;
}

/* Tuples whose first items all have one other type with its own
 * comparison: the first position where the items are not == decides, by
 * that type's slot at position 0 (as above) and by rich comparison after;
 * then the lengths. (The order of calls is CPython's: a __lt__ returning
 * NotImplemented runs again in the full protocol.) */
static int cmp_tuple_same_first(AdObject *a, AdObject *b, const SortCmp *c)
{
    Ad_ssize_t na = AD_SIZE(a), nb = AD_SIZE(b), i;
    for (i = 0; i < na && i < nb; i++) {
        int k = AdObject_RichCompareBool(AdTuple_GET_ITEM(a, i), AdTuple_GET_ITEM(b, i), AD_EQ);
        if (k < 0)
            return -1;
        if (!k)
            break;
    }
    if (i >= na || i >= nb)
        return na < nb;
    if (i == 0)
        return cmp_same_type(AdTuple_GET_ITEM(a, 0), AdTuple_GET_ITEM(b, 0), c);
    return AdObject_RichCompareBool(AdTuple_GET_ITEM(a, i), AdTuple_GET_ITEM(b, i), AD_LT);
}

static int first_cmp_float(AdObject *a, AdObject *b)
{
    double x = AdFloat_AS_DOUBLE(a), y = AdFloat_AS_DOUBLE(b);
    if (x < y)
        return -1;
    if (x > y)
        return 1;
    /* Equal, or unordered (NaN): the same object counts as equal, as
     * rich comparison's identity test has it. */
    return x == y || a == b ? 0 : 2;
}

static int first_cmp_str(AdObject *a, AdObject *b)
{
    return AdStr_Compare(a, b);
}

/* Tuples from index 1 on, the first items being equal: the first pair not
 * equal decides (as tuple comparison does), then the lengths. */
static int tuple_rest_lt_slow(AdObject *a, AdObject *b)
{
    Ad_ssize_t na = AD_SIZE(a), nb = AD_SIZE(b), i;
    for (i = 1; i < na && i < nb; i++) {
        AdObject *x = AdTuple_GET_ITEM(a, i), *y = AdTuple_GET_ITEM(b, i);
        if (x == y)
            continue;
        int k = fastcmp_cmp(x, y);
        if (k == 0)
            continue;
        if (k != FASTCMP_UNKNOWN)
            return k < 0;       /* 2 (unordered): not equal, and not less */
        k = AdObject_RichCompareBool(x, y, AD_EQ);
        if (k < 0)
            return -1;
        if (!k)
            return AdObject_RichCompareBool(x, y, AD_LT);
    }
    return na < nb;
}

static inline int tuple_rest_lt(AdObject *a, AdObject *b)
{
    /* Pairs whose second items are exact ints are common (sort keys). */
    if (AD_SIZE(a) == 2 && AD_SIZE(b) == 2) {
        AdObject *x = AdTuple_GET_ITEM(a, 1), *y = AdTuple_GET_ITEM(b, 1);
        int64_t vx, vy;
        if (AdInt_CheckExact(x) && AdInt_CheckExact(y) && fastcmp_int_value(x, &vx) &&
            fastcmp_int_value(y, &vy))
            return vx < vy;
    }
    return tuple_rest_lt_slow(a, b);
}

/* Tuples, all non-empty: the first items by first_cmp, the rest as tuple
 * comparison does. */
static int cmp_tuple(AdObject *a, AdObject *b, const SortCmp *c)
{
    int k = c->first_cmp(AdTuple_GET_ITEM(a, 0), AdTuple_GET_ITEM(b, 0));
    if (k != 0)
        return k < 0;
    return tuple_rest_lt(a, b);
}

/* The same with exact ints (64-bit) first. */
static int cmp_tuple_int(AdObject *a, AdObject *b, const SortCmp *c)
{
    (void)c;
    int64_t x = small_int(AdTuple_GET_ITEM(a, 0)), y = small_int(AdTuple_GET_ITEM(b, 0));
    if (x != y)
        return x < y;
    return tuple_rest_lt(a, b);
}

/* The direct comparison kind of one key: 1 int, 2 float, 3 str of kind 1,
 * 4 other str, 0 none. */
static int key_kind(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    if (t == &AdInt_Type) {
        Ad_ssize_t n = AD_SIZE(o);
        if (n == 0)
            return 1;
        if (n != 1 && n != -1)
            return 0;
        return ((AdIntObject *)o)->limbs[0] <= (uint64_t)INT64_MAX ? 1 : 0;
    }
    if (t == &AdFloat_Type)
        return 2;
    if (t == &AdStr_Type)
        return AdStr_KIND(o) == 1 ? 3 : 4;
    return 0;
}

/* The common kind of keys[0..n) (str kinds merge into 4), or 0. */
static int keys_kind(AdObject **keys, Ad_ssize_t n, int first_items)
{
    int kind = -1;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *o = first_items ? AdTuple_GET_ITEM(keys[i], 0) : keys[i];
        int k = key_kind(o);
        if (k == 0)
            return 0;
        if (kind < 0 || kind == k)
            kind = k;
        else if (kind >= 3 && k >= 3)
            kind = 4;
        else
            return 0;
    }
    return kind;
}

static void choose_comparison(AdObject **keys, Ad_ssize_t n, SortCmp *c)
{
    c->lt = cmp_generic;
    c->first_cmp = NULL;
    if (n < 2)
        return;
    AdTypeObject *t = AD_TYPE(keys[0]);
    for (Ad_ssize_t i = 1; i < n; i++)
        if (AD_TYPE(keys[i]) != t)
            return;
    if (t == &AdTuple_Type) {
        for (Ad_ssize_t i = 0; i < n; i++)
            if (AD_SIZE(keys[i]) == 0)
                goto same_type;
        switch (keys_kind(keys, n, 1)) {
        case 1: c->lt = cmp_tuple_int; return;
        case 2: c->first_cmp = first_cmp_float; break;
        case 3: case 4: c->first_cmp = first_cmp_str; break;
        default: {
            AdTypeObject *ft = AD_TYPE(AdTuple_GET_ITEM(keys[0], 0));
            for (Ad_ssize_t i = 1; i < n; i++)
                if (AD_TYPE(AdTuple_GET_ITEM(keys[i], 0)) != ft)
                    goto same_type;
            if (ft->tp_richcompare == NULL)
                goto same_type;
            c->lt = cmp_tuple_same_first;
            return;
        }
        }
        c->lt = cmp_tuple;
        return;
    }
    switch (keys_kind(keys, n, 0)) {
    case 1: c->lt = cmp_int; return;
    case 2: c->lt = cmp_float; return;
    case 3: c->lt = cmp_str1; return;
    case 4: c->lt = cmp_str; return;
    default: break;
    }
same_type:
    if (t->tp_richcompare != NULL)
        c->lt = cmp_same_type;
}

#define less_than(a, b) (c->lt((a), (b), c))

static void slice_move(Slice dst, Ad_ssize_t di, Slice src, Ad_ssize_t si, Ad_ssize_t n)
{
    memmove(dst.keys + di, src.keys + si, (size_t)n * sizeof(AdObject *));
    if (dst.values != NULL)
        memmove(dst.values + di, src.values + si, (size_t)n * sizeof(AdObject *));
}

static void slice_set(Slice dst, Ad_ssize_t di, Slice src, Ad_ssize_t si)
{
    dst.keys[di] = src.keys[si];
    if (dst.values != NULL)
        dst.values[di] = src.values[si];
}

static Slice slice_at(Slice s, Ad_ssize_t i)
{
    Slice r = {s.keys + i, s.values ? s.values + i : NULL};
    return r;
}

static void slice_reverse(Slice s, Ad_ssize_t n)
{
    for (Ad_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        AdObject *t = s.keys[i];
        s.keys[i] = s.keys[j];
        s.keys[j] = t;
        if (s.values != NULL) {
            t = s.values[i];
            s.values[i] = s.values[j];
            s.values[j] = t;
        }
    }
}

/* Sorts s[0..n) by binary insertion, given that s[0..start) is sorted.
 * Each new item goes after the equal ones already placed (stability). */
static int binary_insertion(Slice s, Ad_ssize_t n, Ad_ssize_t start, const SortCmp *c)
{
    if (start == 0)
        start = 1;
    for (; start < n; start++) {
        AdObject *pivot = s.keys[start];
        AdObject *pivot_value = s.values ? s.values[start] : NULL;
        Ad_ssize_t lo = 0, hi = start;
        while (lo < hi) {
            Ad_ssize_t mid = lo + ((hi - lo) >> 1);
            int k = less_than(pivot, s.keys[mid]);
            if (k < 0)
                return -1;
            if (k)
                hi = mid;
            else
                lo = mid + 1;
        }
        slice_move(s, lo + 1, s, lo, start - lo);
        s.keys[lo] = pivot;
        if (s.values != NULL)
            s.values[lo] = pivot_value;
    }
    return 0;
}

/* Length of the run starting at s[0] (at most n), made ascending in place.
 * An ascending run is one where no item is less than the one before it. A
 * descending one is reversed; it may contain stretches of equal items,
 * which are reversed first so that the whole reversal keeps them in their
 * original order. A stretch of equal items at the start followed by a
 * smaller one counts as the start of a descending run; after reversing, the
 * run goes on while the items keep ascending. -1 on error. */
static Ad_ssize_t find_run(Slice s, Ad_ssize_t n, const SortCmp *c)
{
    Ad_ssize_t i;
    int k;
    /* An ascending run first. */
    for (i = 1; i < n; i++) {
        k = less_than(s.keys[i], s.keys[i - 1]);
        if (k < 0)
            return -1;
        if (k)
            break;
    }
    if (i == n)
        return n;
    /* s[i] < s[i-1]. Unless s[0..i) are all equal, the ascending run ends here. */
    if (i > 1) {
        k = less_than(s.keys[0], s.keys[i - 1]);
        if (k < 0)
            return -1;
        if (k)
            return i;
        slice_reverse(s, i);
    }
    i++;
    /* A descending run; eq counts the items equal to the last one before it. */
    Ad_ssize_t eq = 0;
    for (; i < n; i++) {
        k = less_than(s.keys[i], s.keys[i - 1]);
        if (k < 0)
            return -1;
        if (k) {
            if (eq) {
                slice_reverse(slice_at(s, i - eq - 1), eq + 1);
                eq = 0;
            }
            continue;
        }
        k = less_than(s.keys[i - 1], s.keys[i]);
        if (k < 0)
            return -1;
        if (k)
            break;
        eq++;
    }
    if (eq)
        slice_reverse(slice_at(s, i - eq - 1), eq + 1);
    slice_reverse(s, i);
    /* The reversed run may go on ascending. */
    for (; i < n; i++) {
        k = less_than(s.keys[i], s.keys[i - 1]);
        if (k < 0)
            return -1;
        if (k)
            break;
    }
    return i;
}

/* The smallest run length worth merging for n items: n itself when it is
 * small, else a number between 32 and 64 such that n / minrun is a power
 * of two or just below one (the top six bits of n, rounded up). */
static Ad_ssize_t min_run_length(Ad_ssize_t n)
{
    Ad_ssize_t extra = 0;
    while (n >= 64) {
        extra |= n & 1;
        n >>= 1;
    }
    return n + extra;
}

/* Where key belongs in the sorted a[0..n), before any equal items:
 * returns k with a[k-1] < key <= a[k]. The search starts at a[hint] and
 * widens exponentially before the binary search. -1 on error. */
static Ad_ssize_t gallop_left(AdObject *key, AdObject **a, Ad_ssize_t n, Ad_ssize_t hint,
                              const SortCmp *c)
{
    Ad_ssize_t lastofs = 0, ofs = 1;
    int k = less_than(a[hint], key);
    if (k < 0)
        return -1;
    if (k) {
        /* a[hint] < key: look to the right. */
        Ad_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            k = less_than(a[hint + ofs], key);
            if (k < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        /* key <= a[hint]: look to the left. */
        Ad_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            k = less_than(a[hint - ofs], key);
            if (k < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        Ad_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    /* Now a[lastofs] < key <= a[ofs] (lastofs may be -1, ofs may be n). */
    lastofs++;
    while (lastofs < ofs) {
        Ad_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        k = less_than(a[m], key);
        if (k < 0)
            return -1;
        if (k)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

/* Like gallop_left but after any equal items: a[k-1] <= key < a[k]. */
static Ad_ssize_t gallop_right(AdObject *key, AdObject **a, Ad_ssize_t n, Ad_ssize_t hint,
                               const SortCmp *c)
{
    Ad_ssize_t lastofs = 0, ofs = 1;
    int k = less_than(key, a[hint]);
    if (k < 0)
        return -1;
    if (k) {
        /* key < a[hint]: look to the left. */
        Ad_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            k = less_than(key, a[hint - ofs]);
            if (k < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        Ad_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    } else {
        /* a[hint] <= key: look to the right. */
        Ad_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            k = less_than(key, a[hint + ofs]);
            if (k < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    lastofs++;
    while (lastofs < ofs) {
        Ad_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        k = less_than(key, a[m]);
        if (k < 0)
            return -1;
        if (k)
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
}

static int tmp_reserve(Sorter *s, Ad_ssize_t need)
{
    if (s->tmp_alloc >= need)
        return 0;
    AdMem_Free(s->tmp.keys);
    AdMem_Free(s->tmp.values);
    s->tmp.keys = NULL;
    s->tmp.values = NULL;
    s->tmp_alloc = 0;
    s->tmp.keys = AdMem_Malloc((size_t)need * sizeof(AdObject *));
    if (s->tmp.keys == NULL)
        goto nomem;
    if (s->origin.values != NULL) {
        s->tmp.values = AdMem_Malloc((size_t)need * sizeof(AdObject *));
        if (s->tmp.values == NULL)
            goto nomem;
    }
    s->tmp_alloc = need;
    return 0;
nomem:
    AdErr_NoMemory();
    return -1;
}

/* Merges the adjacent sorted runs a[0..na) and b[0..nb) (b == a + na) in
 * place, na <= nb, with a copied to scratch; the merge fills from the left.
 * On error every item is still somewhere in a[0..na+nb). */
static int merge_low(Sorter *s, Slice a, Ad_ssize_t na, Slice b, Ad_ssize_t nb)
{
    if (tmp_reserve(s, na) < 0)
        return -1;
    Slice dest = a;
    slice_move(s->tmp, 0, a, 0, na);
    a = s->tmp;
    Ad_ssize_t min_gallop = s->min_gallop;
    const SortCmp *c = s->cmp;
    int result = -1;
    Ad_ssize_t k;

    slice_set(dest, 0, b, 0);
    dest = slice_at(dest, 1);
    b = slice_at(b, 1);
    if (--nb == 0)
        goto done;
    if (na == 1)
        goto copy_b;
    for (;;) {
        Ad_ssize_t acount = 0, bcount = 0;
        /* One item at a time until one side wins min_gallop times running. */
        for (;;) {
            int lt = less_than(b.keys[0], a.keys[0]);
            if (lt < 0)
                goto fail;
            if (lt) {
                slice_set(dest, 0, b, 0);
                dest = slice_at(dest, 1);
                b = slice_at(b, 1);
                bcount++;
                acount = 0;
                if (--nb == 0)
                    goto done;
                if (bcount >= min_gallop)
                    break;
            } else {
                slice_set(dest, 0, a, 0);
                dest = slice_at(dest, 1);
                a = slice_at(a, 1);
                acount++;
                bcount = 0;
                if (--na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        /* Galloping: find whole stretches at once while that pays. */
        min_gallop++;
        do {
            if (min_gallop > 1)
                min_gallop--;
            k = gallop_right(b.keys[0], a.keys, na, 0, s->cmp);
            if (k < 0)
                goto fail;
            acount = k;
            if (k) {
                slice_move(dest, 0, a, 0, k);
                dest = slice_at(dest, k);
                a = slice_at(a, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                if (na == 0)    /* only with an inconsistent comparison */
                    goto done;
            }
            slice_set(dest, 0, b, 0);
            dest = slice_at(dest, 1);
            b = slice_at(b, 1);
            if (--nb == 0)
                goto done;

            k = gallop_left(a.keys[0], b.keys, nb, 0, s->cmp);
            if (k < 0)
                goto fail;
            bcount = k;
            if (k) {
                slice_move(dest, 0, b, 0, k);
                dest = slice_at(dest, k);
                b = slice_at(b, k);
                nb -= k;
                if (nb == 0)
                    goto done;
            }
            slice_set(dest, 0, a, 0);
            dest = slice_at(dest, 1);
            a = slice_at(a, 1);
            if (--na == 1)
                goto copy_b;
        } while (acount >= GALLOP_START || bcount >= GALLOP_START);
        min_gallop++;           /* penalise leaving gallop mode */
        s->min_gallop = min_gallop;
    }
done:
    result = 0;
fail:
    if (na > 0)
        slice_move(dest, 0, a, 0, na);
    s->min_gallop = min_gallop;
    return result;
copy_b:
    /* The last item of a belongs after all that is left of b. */
    slice_move(dest, 0, b, 0, nb);
    slice_set(dest, nb, a, 0);
    s->min_gallop = min_gallop;
    return 0;
}

/* The mirror image: nb <= na, b copied to scratch, filling from the right. */
static int merge_high(Sorter *s, Slice a, Ad_ssize_t na, Slice b, Ad_ssize_t nb)
{
    if (tmp_reserve(s, nb) < 0)
        return -1;
    Slice base_a = a;
    Slice dest = slice_at(b, nb - 1);
    slice_move(s->tmp, 0, b, 0, nb);
    Slice base_b = s->tmp;
    /* pa, pb index the last unmerged item of each side. */
    Ad_ssize_t pa = na - 1, pb = nb - 1;
    Ad_ssize_t di = 0;          /* dest offset, counts downwards */
    Ad_ssize_t min_gallop = s->min_gallop;
    const SortCmp *c = s->cmp;
    int result = -1;
    Ad_ssize_t k;

    slice_set(dest, di--, base_a, pa--);
    if (--na == 0)
        goto done;
    if (nb == 1)
        goto copy_a;
    for (;;) {
        Ad_ssize_t acount = 0, bcount = 0;
        for (;;) {
            int lt = less_than(base_b.keys[pb], base_a.keys[pa]);
            if (lt < 0)
                goto fail;
            if (lt) {
                slice_set(dest, di--, base_a, pa--);
                acount++;
                bcount = 0;
                if (--na == 0)
                    goto done;
                if (acount >= min_gallop)
                    break;
            } else {
                slice_set(dest, di--, base_b, pb--);
                bcount++;
                acount = 0;
                if (--nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        min_gallop++;
        do {
            if (min_gallop > 1)
                min_gallop--;
            k = gallop_right(base_b.keys[pb], base_a.keys, na, na - 1, s->cmp);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                di -= k;
                pa -= k;
                slice_move(dest, di + 1, base_a, pa + 1, k);
                na -= k;
                if (na == 0)
                    goto done;
            }
            slice_set(dest, di--, base_b, pb--);
            if (--nb == 1)
                goto copy_a;

            k = gallop_left(base_a.keys[pa], base_b.keys, nb, nb - 1, s->cmp);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                di -= k;
                pb -= k;
                slice_move(dest, di + 1, base_b, pb + 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0)    /* only with an inconsistent comparison */
                    goto done;
            }
            slice_set(dest, di--, base_a, pa--);
            if (--na == 0)
                goto done;
        } while (acount >= GALLOP_START || bcount >= GALLOP_START);
        min_gallop++;
        s->min_gallop = min_gallop;
    }
done:
    result = 0;
fail:
    if (nb > 0)
        slice_move(dest, di - (nb - 1), base_b, 0, nb);
    s->min_gallop = min_gallop;
    return result;
copy_a:
    /* The one item left of b goes before all that is left of a. */
    di -= na;
    pa -= na;
    slice_move(dest, di + 1, base_a, pa + 1, na);
    slice_set(dest, di, base_b, pb);
    s->min_gallop = min_gallop;
    return 0;
}

/* Merges pending runs i and i+1 (i+1 is the top of the stack or just below). */
static int merge_at(Sorter *s, int i)
{
    Slice a = s->pending[i].base, b = s->pending[i + 1].base;
    Ad_ssize_t na = s->pending[i].len, nb = s->pending[i + 1].len;
    s->pending[i].len = na + nb;
    if (i == s->npending - 3)
        s->pending[i + 1] = s->pending[i + 2];
    s->npending--;

    /* Items of a that are <= b[0] are already in place. */
    Ad_ssize_t k = gallop_right(b.keys[0], a.keys, na, 0, s->cmp);
    if (k < 0)
        return -1;
    a = slice_at(a, k);
    na -= k;
    if (na == 0)
        return 0;
    /* Items of b that are >= a's last are already in place. */
    nb = gallop_left(a.keys[na - 1], b.keys, nb, nb - 1, s->cmp);
    if (nb <= 0)
        return (int)nb;
    if (na <= nb)
        return merge_low(s, a, na, b, nb);
    return merge_high(s, a, na, b, nb);
}

/* The powersort "power" of the boundary between the run [s1, s1+n1) and
 * the run [s1+n1, s1+n1+n2) in an array of n items: the position of the
 * first binary digit where the runs' midpoints (as fractions of n) differ. */
static int boundary_power(Ad_ssize_t s1, Ad_ssize_t n1, Ad_ssize_t n2, Ad_ssize_t n)
{
    /* Midpoints doubled, compared against 2n. */
    Ad_ssize_t a = 2 * s1 + n1;
    Ad_ssize_t b = a + n1 + n2;
    int power = 0;
    for (;;) {
        power++;
        if (a >= n) {
            if (b < n)
                break;
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return power;
}

/* Pushes a new run, first merging the runs whose boundary is more
 * powerful than the new one's. */
static int push_run(Sorter *s, Slice base, Ad_ssize_t len)
{
    if (s->npending > 0) {
        Run *top = &s->pending[s->npending - 1];
        Ad_ssize_t s1 = top->base.keys - s->origin.keys;
        int p = boundary_power(s1, top->len, len, s->total);
        while (s->npending > 1 && s->pending[s->npending - 2].power > p) {
            if (merge_at(s, s->npending - 2) < 0)
                return -1;
        }
        s->pending[s->npending - 1].power = p;
    }
    s->pending[s->npending].base = base;
    s->pending[s->npending].len = len;
    s->pending[s->npending].power = 0;
    s->npending++;
    return 0;
}

static int sort_slice(Slice all, Ad_ssize_t n, const SortCmp *c)
{
    if (n < 2)
        return 0;
    Sorter s;
    memset(&s, 0, sizeof s);
    s.min_gallop = GALLOP_START;
    s.total = n;
    s.origin = all;
    s.cmp = c;
    int result = -1;
    Ad_ssize_t minrun = min_run_length(n);
    Slice lo = all;
    Ad_ssize_t remaining = n;
    while (remaining > 0) {
        Ad_ssize_t run = find_run(lo, remaining, c);
        if (run < 0)
            goto out;
        if (run < minrun) {
            Ad_ssize_t force = remaining < minrun ? remaining : minrun;
            if (binary_insertion(lo, force, run, c) < 0)
                goto out;
            run = force;
        }
        if (push_run(&s, lo, run) < 0)
            goto out;
        lo = slice_at(lo, run);
        remaining -= run;
    }
    while (s.npending > 1) {
        if (merge_at(&s, s.npending - 2) < 0)
            goto out;
    }
    result = 0;
out:
    AdMem_Free(s.tmp.keys);
    AdMem_Free(s.tmp.values);
    return result;
}

int objects_list_sort(AdListObject *self, AdObject *keyfunc, int reverse)
{
    /* Detach the items: while sorting, the list looks empty, and a change
     * to it (by a key function or a comparison) shows as allocated != -1. */
    Ad_ssize_t n = AD_SIZE(self);
    AdObject **items = self->items;
    Ad_ssize_t saved_alloc = self->allocated;
    self->items = NULL;
    AD_SIZE(self) = 0;
    self->allocated = -1;

    int result = -1;
    AdObject **keys = NULL;
    Slice all = {items, NULL};
    if (keyfunc != NULL && n > 0) {
        keys = AdMem_Malloc((size_t)n * sizeof(AdObject *));
        if (keys == NULL) {
            AdErr_NoMemory();
            goto restore;
        }
        for (Ad_ssize_t i = 0; i < n; i++) {
            keys[i] = AdObject_CallOneArg(keyfunc, items[i]);
            if (keys[i] == NULL) {
                while (--i >= 0)
                    Ad_DECREF(keys[i]);
                AdMem_Free(keys);
                keys = NULL;
                goto restore;
            }
        }
        all.keys = keys;
        all.values = items;
    }
    /* Reversing before and after keeps equal items in their original order. */
    if (reverse && n > 1)
        slice_reverse(all, n);
    SortCmp cmp;
    choose_comparison(all.keys, n, &cmp);
    result = sort_slice(all, n, &cmp);
    if (reverse && n > 1)
        slice_reverse(all, n);
    if (keys != NULL) {
        for (Ad_ssize_t i = 0; i < n; i++)
            Ad_DECREF(keys[i]);
        AdMem_Free(keys);
    }
restore:;
    AdObject **other = self->items;
    Ad_ssize_t other_n = AD_SIZE(self);
    if (self->allocated != -1 && result == 0) {
        AdErr_SetString(AdExc_ValueError, "list modified during sort");
        result = -1;
    }
    self->items = items;
    AD_SIZE(self) = n;
    self->allocated = saved_alloc;
    if (other != NULL) {
        for (Ad_ssize_t i = other_n; --i >= 0;)
            Ad_XDECREF(other[i]);
        AdMem_Free(other);
    }
    return result;
}
