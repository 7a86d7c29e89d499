/* str_find.c: substring search for str (and the same kernels over bytes):
 * a character scan for 1-character needles and, for longer ones, a
 * Horspool search whose shift also consults a 64-bit Bloom mask of the
 * needle's characters (a character outside the mask lets the window jump
 * past it). Forward and backward, plus counting of non-overlapping
 * occurrences. Needles wider than the haystack's kind cannot occur. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include "memory/alloc.h"

#define BLOOM_BIT(c) ((uint64_t)1 << ((c) & 63))

#define DEFINE_SEARCH(NAME, T)                                                          \
static Ad_ssize_t NAME##_fwd(const T *h, Ad_ssize_t hlen, const T *n, Ad_ssize_t m)     \
{                                                                                       \
    if (m == 1) {                                                                       \
        for (Ad_ssize_t i = 0; i < hlen; i++)                                           \
            if (h[i] == n[0])                                                           \
                return i;                                                               \
        return -1;                                                                      \
    }                                                                                   \
    Ad_ssize_t last = m - 1, skip = last, w = hlen - m;                                 \
    uint64_t mask = 0;                                                                  \
    for (Ad_ssize_t i = 0; i < last; i++) {                                             \
        mask |= BLOOM_BIT(n[i]);                                                        \
        if (n[i] == n[last])                                                            \
            skip = last - i - 1;                                                        \
    }                                                                                   \
    mask |= BLOOM_BIT(n[last]);                                                         \
    Ad_ssize_t i = 0;                                                                   \
    while (i <= w) {                                                                    \
        if (h[i + last] == n[last]) {                                                   \
            Ad_ssize_t j = 0;                                                           \
            while (j < last && h[i + j] == n[j])                                        \
                j++;                                                                    \
            if (j == last)                                                              \
                return i;                                                               \
            if (i < w && !(mask & BLOOM_BIT(h[i + m])))                                 \
                i += m + 1;                                                             \
            else                                                                        \
                i += skip + 1;                                                          \
        } else if (i < w && !(mask & BLOOM_BIT(h[i + m]))) {                            \
            i += m + 1;                                                                 \
        } else {                                                                        \
            i++;                                                                        \
        }                                                                               \
    }                                                                                   \
    return -1;                                                                          \
}                                                                                       \
static Ad_ssize_t NAME##_rev(const T *h, Ad_ssize_t hlen, const T *n, Ad_ssize_t m)     \
{                                                                                       \
    if (m == 1) {                                                                       \
        for (Ad_ssize_t i = hlen - 1; i >= 0; i--)                                      \
            if (h[i] == n[0])                                                           \
                return i;                                                               \
        return -1;                                                                      \
    }                                                                                   \
    Ad_ssize_t skip = m - 1;                                                            \
    uint64_t mask = BLOOM_BIT(n[0]);                                                    \
    for (Ad_ssize_t k = m - 1; k > 0; k--) {                                            \
        mask |= BLOOM_BIT(n[k]);                                                        \
        if (n[k] == n[0])                                                               \
            skip = k - 1;                                                               \
    }                                                                                   \
    Ad_ssize_t i = hlen - m;                                                            \
    while (i >= 0) {                                                                    \
        if (h[i] == n[0]) {                                                             \
            Ad_ssize_t j = m - 1;                                                       \
            while (j > 0 && h[i + j] == n[j])                                           \
                j--;                                                                    \
            if (j == 0)                                                                 \
                return i;                                                               \
            if (i > 0 && !(mask & BLOOM_BIT(h[i - 1])))                                 \
                i -= m + 1;                                                             \
            else                                                                        \
                i -= skip + 1;                                                          \
        } else if (i > 0 && !(mask & BLOOM_BIT(h[i - 1]))) {                            \
            i -= m + 1;                                                                 \
        } else {                                                                        \
            i--;                                                                        \
        }                                                                               \
    }                                                                                   \
    return -1;                                                                          \
}

DEFINE_SEARCH(s1, uint8_t)
DEFINE_SEARCH(s2, uint16_t)
DEFINE_SEARCH(s4, uint32_t)

#if defined(__SSE2__)
#include <emmintrin.h>
/* One byte per character, m >= 2: 16 windows at a time, the candidates are
 * where both the needle's first and last bytes match (then the middle is
 * compared); the tail goes to the Horspool search. */
static Ad_ssize_t s1_fwd_wide(const uint8_t *h, Ad_ssize_t hlen, const uint8_t *n, Ad_ssize_t m)
{
    __m128i first = _mm_set1_epi8((char)n[0]), last = _mm_set1_epi8((char)n[m - 1]);
    Ad_ssize_t i = 0;
    for (; i + m + 15 <= hlen; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(h + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(h + i + m - 1));
        unsigned mask = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));
        while (mask) {
            int bit = __builtin_ctz(mask);
            const uint8_t *c = h + i + bit;
            Ad_ssize_t j = 1;
            while (j < m - 1 && c[j] == n[j])
                j++;
            if (j >= m - 1)
                return i + bit;
            mask &= mask - 1;
        }
    }
    Ad_ssize_t r = s1_fwd(h + i, hlen - i, n, m);
    return r < 0 ? -1 : r + i;
}
#else
#define s1_fwd_wide s1_fwd
#endif

/* Search in same-kind buffers: h holds hlen code points of kind. */
static Ad_ssize_t search_same(int kind, const void *h, Ad_ssize_t hlen, const void *n,
                              Ad_ssize_t m, int dir)
{
    if (m > hlen)
        return -1;
    if (kind == 1) {
        if (dir > 0 && m == 1) {
            const uint8_t *p = memchr(h, ((const uint8_t *)n)[0], (size_t)hlen);
            return p ? p - (const uint8_t *)h : -1;
        }
        if (dir < 0 && m == 1) {
            const uint8_t *p = memrchr(h, ((const uint8_t *)n)[0], (size_t)hlen);
            return p ? p - (const uint8_t *)h : -1;
        }
        return dir > 0 ? s1_fwd_wide(h, hlen, n, m) : s1_rev(h, hlen, n, m);
    }
    if (kind == 2)
        return dir > 0 ? s2_fwd(h, hlen, n, m) : s2_rev(h, hlen, n, m);
    return dir > 0 ? s4_fwd(h, hlen, n, m) : s4_rev(h, hlen, n, m);
}

/* The needle in the haystack's kind (a fresh buffer in *tmp when it had to
 * be widened), or NULL when it cannot occur (wider than the haystack's
 * kind). Sets *oom on allocation failure. */
static const void *needle_as(int hkind, int nkind, const void *n, Ad_ssize_t m,
                             void **tmp, int *oom)
{
    *tmp = NULL;
    *oom = 0;
    if (nkind == hkind)
        return n;
    if (nkind > hkind) {
        /* only possible if every needle char fits hkind (callers with
         * non-normalised data, e.g. bytes kernels, never get here) */
        if (str_max_char(nkind, n, m) > str_kind_max(hkind))
            return NULL;
    }
    void *buf = AdMem_Malloc((size_t)(m ? m : 1) * (size_t)hkind);
    if (!buf) {
        *oom = 1;
        return NULL;
    }
    str_copy(hkind, buf, 0, nkind, n, 0, m);
    *tmp = buf;
    return buf;
}

Ad_ssize_t str_search(int hkind, const void *h, Ad_ssize_t start, Ad_ssize_t end,
                      int nkind, const void *n, Ad_ssize_t nlen, int dir)
{
    if (end - start < nlen)
        return -1;
    if (nlen == 0)
        return dir > 0 ? start : end;
    void *tmp;
    int oom;
    const void *nn = needle_as(hkind, nkind, n, nlen, &tmp, &oom);
    if (!nn)
        return oom ? -2 : -1;
    Ad_ssize_t r = search_same(hkind, (const char *)h + start * hkind, end - start, nn, nlen, dir);
    AdMem_Free(tmp);
    return r < 0 ? -1 : r + start;
}

Ad_ssize_t str_count_in(int hkind, const void *h, Ad_ssize_t start, Ad_ssize_t end,
                        int nkind, const void *n, Ad_ssize_t nlen, Ad_ssize_t maxcount)
{
    if (end - start < nlen || maxcount == 0)
        return 0;
    if (nlen == 0) {
        Ad_ssize_t c = end - start + 1;
        return c < maxcount ? c : maxcount;
    }
    void *tmp;
    int oom;
    const void *nn = needle_as(hkind, nkind, n, nlen, &tmp, &oom);
    if (!nn)
        return oom ? -2 : 0;
    Ad_ssize_t count = 0, pos = start;
    if (nlen == 1 && hkind == 1) {
        const uint8_t *p = (const uint8_t *)h + start, *e = (const uint8_t *)h + end;
        uint8_t c = *(const uint8_t *)nn;
        while (count < maxcount && (p = memchr(p, c, (size_t)(e - p))) != NULL) {
            count++;
            p++;
        }
    } else if (nlen == 1) {
        uint32_t c = AdStr_READ(hkind, nn, 0);
        for (Ad_ssize_t i = start; i < end && count < maxcount; i++)
            if (AdStr_READ(hkind, h, i) == c)
                count++;
    } else {
        while (count < maxcount && end - pos >= nlen) {
            Ad_ssize_t r = search_same(hkind, (const char *)h + pos * hkind, end - pos, nn, nlen, 1);
            if (r < 0)
                break;
            count++;
            pos += r + nlen;
        }
    }
    AdMem_Free(tmp);
    return count;
}

void str_adjust_range(Ad_ssize_t len, Ad_ssize_t *start, Ad_ssize_t *end)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

Ad_ssize_t str_find_obj(AdObject *s, AdObject *sub, Ad_ssize_t start, Ad_ssize_t end, int dir)
{
    Ad_ssize_t len = AdStr_LENGTH(s);
    str_adjust_range(len, &start, &end);
    if (start > len || end - start < AdStr_LENGTH(sub))
        return -1;
    Ad_ssize_t r = str_search(AdStr_KIND(s), AdStr_DATA(s), start, end,
                              AdStr_KIND(sub), AdStr_DATA(sub), AdStr_LENGTH(sub), dir);
    if (r == -2) {
        AdErr_NoMemory();
        return -2;
    }
    return r;
}

Ad_ssize_t str_count_obj(AdObject *s, AdObject *sub, Ad_ssize_t start, Ad_ssize_t end)
{
    Ad_ssize_t len = AdStr_LENGTH(s);
    str_adjust_range(len, &start, &end);
    if (start > len || end - start < AdStr_LENGTH(sub))
        return 0;
    Ad_ssize_t r = str_count_in(AdStr_KIND(s), AdStr_DATA(s), start, end,
                                AdStr_KIND(sub), AdStr_DATA(sub), AdStr_LENGTH(sub),
                                (Ad_ssize_t)(SIZE_MAX >> 1));
    if (r == -2) {
        AdErr_NoMemory();
        return -1;
    }
    return r;
}

#endif /* STR_KERNEL_READY */
