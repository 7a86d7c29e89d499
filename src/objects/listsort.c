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
#include "objects/float.h"

#define GALLOP_START 7          /* initial threshold for entering gallop mode */
#define MAX_PENDING 85          /* more than enough for 2**64 items */

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

typedef struct Sorter Sorter;
/* "a < b" for the keys being sorted: 1, 0, or -1 with an exception. */
typedef int (*LessFn)(const Sorter *s, AdObject *a, AdObject *b);

struct Sorter {
    Ad_ssize_t min_gallop;
    Slice tmp;                  /* scratch for the smaller run of a merge */
    Ad_ssize_t tmp_alloc;
    int npending;
    Run pending[MAX_PENDING];
    Ad_ssize_t total;           /* number of items sorted */
    Slice origin;               /* the array's start (for run powers) */
    LessFn less;                /* chosen from the keys' types before sorting */
    richcmpfunc key_richcompare;    /* less_same_type: the keys' type's slot */
    richcmpfunc first_richcompare;  /* less_tuple: the slot of the type all the
                                     * tuples' first items share, or NULL */
};

#define LESS(s, a, b) ((s)->less((s), (a), (b)))

/* The general comparison: the full rich comparison protocol. */
static int less_generic(const Sorter *s, AdObject *a, AdObject *b)
{
    (void)s;
    return AdObject_RichCompareBool(a, b, AD_LT);
}

/* The keys are all of one type whose comparison slot is known: call the
 * slot directly (a reflected operand of the same type gets the same slot,
 * so only NotImplemented needs the full protocol). An object whose type
 * changed since the scan (__class__ assignment) takes the general path. */
static int slot_less(richcmpfunc slot, AdObject *a, AdObject *b)
{
    if (AD_TYPE(a)->tp_richcompare != slot || AD_TYPE(b)->tp_richcompare != slot)
        return AdObject_RichCompareBool(a, b, AD_LT);
    AdObject *r = slot(a, b, AD_LT);
    if (r == NULL)
        return -1;
    if (r == Ad_NotImplemented) {
        Ad_DECREF(r);
        return AdObject_RichCompareBool(a, b, AD_LT);
    }
    int ok = r == Ad_True ? 1 : r == Ad_False ? 0 : AdObject_IsTrue(r);
    Ad_DECREF(r);
    return ok;
}

static int less_same_type(const Sorter *s, AdObject *a, AdObject *b)
{
    return slot_less(s->key_richcompare, a, b);
}

/* Three-way comparison of two exact ints (no side effects, no errors).
 * ob_size is the signed limb count of a normalized magnitude, so unequal
 * sizes order the values (a sign or a length decides). */
static inline int int_cmp3(AdObject *a, AdObject *b)
{
    Ad_ssize_t sa = AD_SIZE(a), sb = AD_SIZE(b);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    if (sa == 1 || sa == -1) {
        uint64_t x = ((AdIntObject *)a)->limbs[0], y = ((AdIntObject *)b)->limbs[0];
        int c = (x > y) - (x < y);
        return sa < 0 ? -c : c;
    }
    return AdBigInt_Compare(AdInt_BIG(a), AdInt_BIG(b));
}

/* Keys all exact ints, all exact strs, all exact floats: the values are
 * compared without the protocol (these types' comparisons cannot be
 * overridden and have no side effects). */
static int less_int(const Sorter *s, AdObject *a, AdObject *b)
{
    (void)s;
    return int_cmp3(a, b) < 0;
}

/* Three-way comparison of two exact strs: short 1-byte strings inline. */
static inline int str_cmp3(AdObject *a, AdObject *b)
{
    Ad_ssize_t la = AdStr_LENGTH(a), lb = AdStr_LENGTH(b);
    Ad_ssize_t n = la < lb ? la : lb;
    if (n <= 16 && AdStr_KIND(a) == 1 && AdStr_KIND(b) == 1) {
        const unsigned char *pa = AdStr_DATA(a), *pb = AdStr_DATA(b);
        for (Ad_ssize_t i = 0; i < n; i++) {
            if (pa[i] != pb[i])
                return pa[i] < pb[i] ? -1 : 1;
        }
        return (la > lb) - (la < lb);
    }
    return AdStr_Compare(a, b);
}

static int less_str(const Sorter *s, AdObject *a, AdObject *b)
{
    (void)s;
    return str_cmp3(a, b) < 0;
}

static int less_float(const Sorter *s, AdObject *a, AdObject *b)
{
    (void)s;
    return AdFloat_AS_DOUBLE(a) < AdFloat_AS_DOUBLE(b);
}

/* Two items of tuples at the same index: 1 when they are equal, 0 when
 * not (*lt then tells whether x < y), -1 on error. The same calls as
 * tuple comparison (== on each pair, then < on the first unequal pair),
 * with the values of exact ints, strs and floats compared directly. */
static inline int tuple_items_equal(richcmpfunc slot, AdObject *x, AdObject *y, int *lt)
{
    AdTypeObject *t = AD_TYPE(x);
    if (t == AD_TYPE(y)) {
        if (t == &AdInt_Type) {
            int c = int_cmp3(x, y);
            *lt = c < 0;
            return c == 0;
        }
        if (t == &AdStr_Type) {
            int c = str_cmp3(x, y);
            *lt = c < 0;
            return c == 0;
        }
        if (t == &AdFloat_Type) {
            /* The same object is equal to itself even when it is a NaN. */
            double dx = AdFloat_AS_DOUBLE(x), dy = AdFloat_AS_DOUBLE(y);
            *lt = dx < dy;
            return x == y || dx == dy;
        }
    }
    int k = AdObject_RichCompareBool(x, y, AD_EQ);
    if (k != 0)
        return k;
    k = slot ? slot_less(slot, x, y) : AdObject_RichCompareBool(x, y, AD_LT);
    if (k < 0)
        return -1;
    *lt = k;
    return 0;
}

/* Keys all exact tuples. */
static int less_tuple(const Sorter *s, AdObject *a, AdObject *b)
{
    Ad_ssize_t na = AD_SIZE(a), nb = AD_SIZE(b);
    richcmpfunc slot = s->first_richcompare;
    for (Ad_ssize_t i = 0; i < na && i < nb; i++, slot = NULL) {
        int lt;
        int k = tuple_items_equal(slot, AdTuple_GET_ITEM(a, i), AdTuple_GET_ITEM(b, i), &lt);
        if (k < 0)
            return -1;
        if (!k)
            return lt;
    }
    return na < nb;
}

/* Picks the comparison for keys[0..n) (n >= 2). */
static void choose_less(Sorter *s, AdObject **keys, Ad_ssize_t n)
{
    AdTypeObject *t = AD_TYPE(keys[0]);
    s->less = less_generic;
    for (Ad_ssize_t i = 1; i < n; i++) {
        if (AD_TYPE(keys[i]) != t)
            return;
    }
    if (t == &AdInt_Type)
        s->less = less_int;
    else if (t == &AdStr_Type)
        s->less = less_str;
    else if (t == &AdFloat_Type)
        s->less = less_float;
    else if (t == &AdTuple_Type) {
        s->less = less_tuple;
        /* When every first item has one type, its slot decides between
         * unequal first items (ints, strs and floats are compared by value
         * anyway). */
        AdTypeObject *ft = AD_SIZE(keys[0]) > 0 ? AD_TYPE(AdTuple_GET_ITEM(keys[0], 0)) : NULL;
        for (Ad_ssize_t i = 1; i < n && ft != NULL; i++) {
            if (AD_SIZE(keys[i]) == 0 || AD_TYPE(AdTuple_GET_ITEM(keys[i], 0)) != ft)
                ft = NULL;
        }
        if (ft != NULL && ft != &AdInt_Type && ft != &AdStr_Type && ft != &AdFloat_Type)
            s->first_richcompare = ft->tp_richcompare;
    }
    else if (t->tp_richcompare != NULL) {
        s->less = less_same_type;
        s->key_richcompare = t->tp_richcompare;
    }
}

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
static int binary_insertion(const Sorter *st, Slice s, Ad_ssize_t n, Ad_ssize_t start)
{
    if (start == 0)
        start = 1;
    for (; start < n; start++) {
        AdObject *pivot = s.keys[start];
        AdObject *pivot_value = s.values ? s.values[start] : NULL;
        Ad_ssize_t lo = 0, hi = start;
        while (lo < hi) {
            Ad_ssize_t mid = lo + ((hi - lo) >> 1);
            int k = LESS(st, pivot, s.keys[mid]);
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

/* Length of the run starting at s[0] (at most n). A strictly descending
 * run is reversed in place so that every run is ascending. -1 on error. */
static Ad_ssize_t find_run(const Sorter *st, Slice s, Ad_ssize_t n)
{
    if (n <= 1)
        return n;
    int k = LESS(st, s.keys[1], s.keys[0]);
    if (k < 0)
        return -1;
    Ad_ssize_t i = 2;
    if (k) {
        for (; i < n; i++) {
            k = LESS(st, s.keys[i], s.keys[i - 1]);
            if (k < 0)
                return -1;
            if (!k)
                break;
        }
        slice_reverse(s, i);
    } else {
        for (; i < n; i++) {
            k = LESS(st, s.keys[i], s.keys[i - 1]);
            if (k < 0)
                return -1;
            if (k)
                break;
        }
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
static Ad_ssize_t gallop_left(const Sorter *st, AdObject *key, AdObject **a, Ad_ssize_t n, Ad_ssize_t hint)
{
    Ad_ssize_t lastofs = 0, ofs = 1;
    int k = LESS(st, a[hint], key);
    if (k < 0)
        return -1;
    if (k) {
        /* a[hint] < key: look to the right. */
        Ad_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            k = LESS(st, a[hint + ofs], key);
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
            k = LESS(st, a[hint - ofs], key);
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
        k = LESS(st, a[m], key);
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
static Ad_ssize_t gallop_right(const Sorter *st, AdObject *key, AdObject **a, Ad_ssize_t n, Ad_ssize_t hint)
{
    Ad_ssize_t lastofs = 0, ofs = 1;
    int k = LESS(st, key, a[hint]);
    if (k < 0)
        return -1;
    if (k) {
        /* key < a[hint]: look to the left. */
        Ad_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            k = LESS(st, key, a[hint - ofs]);
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
            k = LESS(st, key, a[hint + ofs]);
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
        k = LESS(st, key, a[m]);
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
            int lt = LESS(s, b.keys[0], a.keys[0]);
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
            k = gallop_right(s, b.keys[0], a.keys, na, 0);
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

            k = gallop_left(s, a.keys[0], b.keys, nb, 0);
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
            int lt = LESS(s, base_b.keys[pb], base_a.keys[pa]);
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
            k = gallop_right(s, base_b.keys[pb], base_a.keys, na, na - 1);
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

            k = gallop_left(s, base_a.keys[pa], base_b.keys, nb, nb - 1);
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
    Ad_ssize_t k = gallop_right(s, b.keys[0], a.keys, na, 0);
    if (k < 0)
        return -1;
    a = slice_at(a, k);
    na -= k;
    if (na == 0)
        return 0;
    /* Items of b that are >= a's last are already in place. */
    nb = gallop_left(s, a.keys[na - 1], b.keys, nb, nb - 1);
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

static int sort_slice(Slice all, Ad_ssize_t n)
{
    if (n < 2)
        return 0;
    Sorter s;
    memset(&s, 0, sizeof s);
    s.min_gallop = GALLOP_START;
    s.total = n;
    s.origin = all;
    choose_less(&s, all.keys, n);
    int result = -1;
    Ad_ssize_t minrun = min_run_length(n);
    Slice lo = all;
    Ad_ssize_t remaining = n;
    while (remaining > 0) {
        Ad_ssize_t run = find_run(&s, lo, remaining);
        if (run < 0)
            goto out;
        if (run < minrun) {
            Ad_ssize_t force = remaining < minrun ? remaining : minrun;
            if (binary_insertion(&s, lo, force, run) < 0)
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
    result = sort_slice(all, n);
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
