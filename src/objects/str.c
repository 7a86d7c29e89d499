/* str.c: the core of str: allocation in the compact 1/2/4-byte form, the
 * constructors (from UTF-8, code points, ordinals), the cached UTF-8 form,
 * the empty string and the cache of 1-character Latin-1 strings, the
 * interned table, hashing, equality and ordering, concatenation, slicing,
 * join, repr, the string writer and AdStr_FromFormat. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include <stdio.h>
#include <stdlib.h>
#include "memory/alloc.h"
#include "objects/tuple.h"
#include "objects/list.h"

/* ---- allocation ---------------------------------------------------------- */

static AdObject *empty_str;
static AdObject *latin1_cache[256];

static AdObject *str_alloc(Ad_ssize_t length, uint32_t maxchar)
{
    int kind = maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
    if (length < 0 || (size_t)length > (SIZE_MAX - sizeof(AdStrObject)) / (size_t)kind - 1)
        return AdErr_NoMemory();
    size_t size = sizeof(AdStrObject) + (size_t)(length + 1) * (size_t)kind;
    AdStrObject *s = AdMem_Malloc(size);
    if (!s)
        return AdErr_NoMemory();
    s->ob_base.ob_refcnt = 1;
    s->ob_base.ob_type = &AdStr_Type;
    s->length = length;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    s->ascii = maxchar < 0x80;
    s->interned = 0;
    void *data = s + 1;
    str_write(kind, data, length, 0);
    if (s->ascii) {
        s->utf8 = data;
        s->utf8_length = length;
    } else {
        s->utf8 = NULL;
        s->utf8_length = 0;
    }
    return (AdObject *)s;
}

AdObject *AdStr_New(Ad_ssize_t length, uint32_t maxchar)
{
    if (length < 0) {
        AdErr_BadInternalCall();
        return NULL;
    }
    if (maxchar > STR_MAX_UNICODE) {
        AdErr_SetString(AdExc_SystemError, "invalid maximum character passed to AdStr_New");
        return NULL;
    }
    return str_alloc(length, maxchar);
}

AdObject *str_empty(void)
{
    if (!empty_str) {
        empty_str = str_alloc(0, 0);
        if (!empty_str)
            return NULL;
        Ad_SetImmortal(empty_str);
    }
    return empty_str;       /* immortal: no count to take */
}

uint32_t str_max_char(int kind, const void *data, Ad_ssize_t n)
{
    uint32_t m = 0;
    if (kind == 1) {
        const uint8_t *p = data;
        for (Ad_ssize_t i = 0; i < n; i++)
            m |= p[i];
        return m >= 0x80 ? 0xFF : m;    /* only the <0x80 test matters for kind 1 */
    }
    if (kind == 2) {
        const uint16_t *p = data;
        for (Ad_ssize_t i = 0; i < n; i++)
            if (p[i] > m)
                m = p[i];
        return m;
    }
    const uint32_t *p = data;
    for (Ad_ssize_t i = 0; i < n; i++)
        if (p[i] > m)
            m = p[i];
    return m;
}

uint32_t str_maxchar_of(AdObject *s)
{
    AdStrObject *o = (AdStrObject *)s;
    if (o->ascii)
        return 0x7F;
    if (o->kind == 1)
        return 0xFF;
    return str_max_char(o->kind, AdStr_DATA(s), o->length);
}

void str_copy(int dkind, void *dst, Ad_ssize_t dstart,
              int skind, const void *src, Ad_ssize_t sstart, Ad_ssize_t n)
{
    if (n <= 0)
        return;
    if (dkind == skind) {
        memcpy((char *)dst + dstart * dkind, (const char *)src + sstart * skind, (size_t)n * (size_t)dkind);
        return;
    }
#define STR_COPY_LOOP(DT, ST)                                               \
    do {                                                                    \
        DT *d_ = (DT *)dst + dstart;                                        \
        const ST *s_ = (const ST *)src + sstart;                            \
        for (Ad_ssize_t i = 0; i < n; i++)                                  \
            d_[i] = (DT)s_[i];                                              \
    } while (0)
    switch (dkind * 8 + skind) {
    case 1 * 8 + 2: STR_COPY_LOOP(uint8_t, uint16_t); break;
    case 1 * 8 + 4: STR_COPY_LOOP(uint8_t, uint32_t); break;
    case 2 * 8 + 1: STR_COPY_LOOP(uint16_t, uint8_t); break;
    case 2 * 8 + 4: STR_COPY_LOOP(uint16_t, uint32_t); break;
    case 4 * 8 + 1: STR_COPY_LOOP(uint32_t, uint8_t); break;
    default: STR_COPY_LOOP(uint32_t, uint16_t); break;
    }
#undef STR_COPY_LOOP
}

AdObject *AdStr_FromKindAndData(int kind, const void *data, Ad_ssize_t n)
{
    if (n == 0)
        return str_empty();
    uint32_t maxc = str_max_char(kind, data, n);
    if (maxc > STR_MAX_UNICODE) {
        AdErr_SetString(AdExc_ValueError, "character U+110000 is not in range [U+0000; U+10ffff]");
        return NULL;
    }
    if (n == 1)
        return AdStr_FromOrdinal(AdStr_READ(kind, data, 0));
    AdObject *s = str_alloc(n, maxc);
    if (!s)
        return NULL;
    str_copy(AdStr_KIND(s), AdStr_DATA(s), 0, kind, data, 0, n);
    return s;
}

AdObject *str_from_ucs4_max(const uint32_t *cps, Ad_ssize_t n, uint32_t maxchar)
{
    if (n == 0)
        return str_empty();
    if (n == 1)
        return AdStr_FromOrdinal(cps[0]);
    AdObject *s = str_alloc(n, maxchar);
    if (!s)
        return NULL;
    str_copy(AdStr_KIND(s), AdStr_DATA(s), 0, 4, cps, 0, n);
    return s;
}

AdObject *AdStr_FromUCS4(const uint32_t *cps, Ad_ssize_t n)
{
    return AdStr_FromKindAndData(4, cps, n);
}

AdObject *AdStr_FromOrdinal(uint32_t cp)
{
    if (cp > STR_MAX_UNICODE) {
        AdErr_SetString(AdExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    if (cp < 256) {
        AdObject *s = latin1_cache[cp];
        if (!s) {
            s = str_alloc(1, cp);
            if (!s)
                return NULL;
            str_write(1, AdStr_DATA(s), 0, cp);
            Ad_SetImmortal(s);
            latin1_cache[cp] = s;
        }
        return s;
    }
    AdObject *s = str_alloc(1, cp);
    if (s)
        str_write(AdStr_KIND(s), AdStr_DATA(s), 0, cp);
    return s;
}

AdObject *AdStr_FromStringAndSize(const char *utf8, Ad_ssize_t size)
{
    if (size < 0) {
        AdErr_BadInternalCall();
        return NULL;
    }
    if (size == 0)
        return str_empty();
    Ad_ssize_t i = 0;
    while (i < size && (unsigned char)utf8[i] < 0x80)
        i++;
    if (i == size) {
        if (size == 1)
            return AdStr_FromOrdinal((unsigned char)utf8[0]);
        AdObject *s = str_alloc(size, 0x7F);
        if (s)
            memcpy(AdStr_DATA(s), utf8, (size_t)size);
        return s;
    }
    return str_decode_utf8(utf8, size, "strict", 1);
}

AdObject *AdStr_FromString(const char *utf8)
{
    return AdStr_FromStringAndSize(utf8, (Ad_ssize_t)strlen(utf8));
}

AdObject *str_exact(AdObject *s)
{
    if (AdStr_CheckExact(s))
        return Ad_NewRef(s);
    return AdStr_FromKindAndData(AdStr_KIND(s), AdStr_DATA(s), AdStr_LENGTH(s));
}

AdObject *str_resize_kind(AdObject *s)
{
    uint32_t m = str_maxchar_of(s);
    int want = m < 0x100 ? 1 : m < 0x10000 ? 2 : 4;
    if (want == AdStr_KIND(s) && (want != 1 || ((AdStrObject *)s)->ascii == (m < 0x80)))
        return s;
    AdObject *r = AdStr_FromKindAndData(AdStr_KIND(s), AdStr_DATA(s), AdStr_LENGTH(s));
    Ad_DECREF(s);
    return r;
}

/* ---- UTF-8 --------------------------------------------------------------- */

const char *AdStr_AsUTF8AndSize(AdObject *s, Ad_ssize_t *size)
{
    if (!AdStr_Check(s)) {
        AdErr_BadArgument();
        return NULL;
    }
    AdStrObject *o = (AdStrObject *)s;
    if (!o->utf8) {
        Ad_ssize_t n;
        char *buf = str_encode_utf8_raw(s, "strict", &n);
        if (!buf)
            return NULL;
        o->utf8 = buf;
        o->utf8_length = n;
    }
    if (size)
        *size = o->utf8_length;
    return o->utf8;
}

const char *AdStr_AsUTF8(AdObject *s)
{
    return AdStr_AsUTF8AndSize(s, NULL);
}

/* ---- equality, ordering, hashing ----------------------------------------- */

int AdStr_Equal(AdObject *a, AdObject *b)
{
    if (a == b)
        return 1;
    Ad_ssize_t n = AdStr_LENGTH(a);
    if (n != AdStr_LENGTH(b) || AdStr_KIND(a) != AdStr_KIND(b))
        return 0;       /* strings are always in their narrowest kind */
    AdStrObject *x = (AdStrObject *)a, *y = (AdStrObject *)b;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return 0;
    return memcmp(AdStr_DATA(a), AdStr_DATA(b), (size_t)n * AdStr_KIND(a)) == 0;
}

int AdStr_EqualToASCII(AdObject *s, const char *ascii)
{
    size_t n = strlen(ascii);
    if ((size_t)AdStr_LENGTH(s) != n)
        return 0;
    int kind = AdStr_KIND(s);
    const void *d = AdStr_DATA(s);
    if (kind == 1)
        return memcmp(d, ascii, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (AdStr_READ(kind, d, (Ad_ssize_t)i) != (unsigned char)ascii[i])
            return 0;
    return 1;
}

int AdStr_Compare(AdObject *a, AdObject *b)
{
    if (a == b)
        return 0;
    Ad_ssize_t la = AdStr_LENGTH(a), lb = AdStr_LENGTH(b);
    Ad_ssize_t n = la < lb ? la : lb;
    int ka = AdStr_KIND(a), kb = AdStr_KIND(b);
    const void *da = AdStr_DATA(a), *db = AdStr_DATA(b);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, (size_t)n);
        if (c)
            return c < 0 ? -1 : 1;
    } else {
        for (Ad_ssize_t i = 0; i < n; i++) {
            uint32_t x = AdStr_READ(ka, da, i), y = AdStr_READ(kb, db, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

Ad_hash_t AdStr_Hash(AdObject *s)
{
    AdStrObject *o = (AdStrObject *)s;
    if (o->hash != -1)
        return o->hash;
    Ad_hash_t h = 0;
    if (o->length)
        h = str_hash_bytes(AdStr_DATA(s), (size_t)o->length * o->kind);
    if (h == -1)
        h = -2;
    o->hash = h;
    return h;
}

/* ---- interning ------------------------------------------------------------ */

static AdObject **intern_table;
static size_t intern_cap, intern_used;

static int intern_grow(void)
{
    size_t ncap = intern_cap ? intern_cap * 2 : 1024;
    AdObject **nt = calloc(ncap, sizeof *nt);
    if (!nt)
        return -1;
    for (size_t i = 0; i < intern_cap; i++) {
        AdObject *s = intern_table[i];
        if (!s)
            continue;
        size_t j = (size_t)AdStr_Hash(s) & (ncap - 1);
        while (nt[j])
            j = (j + 1) & (ncap - 1);
        nt[j] = s;
    }
    free(intern_table);
    intern_table = nt;
    intern_cap = ncap;
    return 0;
}

void AdStr_InternInPlace(AdObject **p)
{
    AdObject *s = *p;
    if (!s || !AdStr_CheckExact(s) || ((AdStrObject *)s)->interned)
        return;
    if ((intern_used + 1) * 2 > intern_cap && intern_grow() < 0)
        return;
    Ad_hash_t h = AdStr_Hash(s);
    size_t j = (size_t)h & (intern_cap - 1);
    while (intern_table[j]) {
        if (AdStr_Equal(intern_table[j], s)) {
            AdObject *canon = intern_table[j];
            *p = canon;             /* immortal: no count to take */
            Ad_DECREF(s);
            return;
        }
        j = (j + 1) & (intern_cap - 1);
    }
    intern_table[j] = s;
    intern_used++;
    ((AdStrObject *)s)->interned = 1;
    Ad_SetImmortal(s);
}

/* The C statics that cache an interned string (AdStr_InternStatic): reset
 * at finalization, when the interned strings are freed. */
static AdObject ***static_slots;
static size_t static_slot_count, static_slot_cap;

AdObject *AdStr_InternStatic(AdObject **slot, const char *utf8)
{
    if (*slot)
        return *slot;
    AdObject *s = AdStr_InternFromString(utf8);
    if (!s)
        return NULL;
    if (static_slot_count == static_slot_cap) {
        size_t cap = static_slot_cap ? static_slot_cap * 2 : 64;
        AdObject ***v = realloc(static_slots, cap * sizeof *v);
        if (!v)
            return s;   /* not remembered: interned again next time */
        static_slots = v;
        static_slot_cap = cap;
    }
    static_slots[static_slot_count++] = slot;
    *slot = s;
    return s;
}

static void str_free_immortal(AdObject *s)
{
    AdStrObject *o = (AdStrObject *)s;
    if (o->utf8 && o->utf8 != (char *)AdStr_DATA(s))
        AdMem_Free(o->utf8);
    AdMem_Free(s);
}

/* C code asks for the same names again and again, nearly always from
 * string literals: the interned result is remembered by the address of
 * the C string, and a hit counts only when the bytes still match (the
 * address may be a buffer reused for another name). */
#define CSTR_CACHE_SIZE 512
static struct {
    const char *key;
    AdObject *str;              /* interned (immortal) */
} cstr_cache[CSTR_CACHE_SIZE];

void ad_str_fini(void)
{
    memset(cstr_cache, 0, sizeof cstr_cache);
    for (size_t i = 0; i < static_slot_count; i++)
        *static_slots[i] = NULL;
    free(static_slots);
    static_slots = NULL;
    static_slot_count = static_slot_cap = 0;
    /* The caches first, skipping what the interned table owns. */
    for (int c = 0; c < 256; c++) {
        AdObject *s = latin1_cache[c];
        latin1_cache[c] = NULL;
        if (s && !((AdStrObject *)s)->interned)
            str_free_immortal(s);
    }
    if (empty_str && !((AdStrObject *)empty_str)->interned)
        str_free_immortal(empty_str);
    empty_str = NULL;
    for (size_t i = 0; i < intern_cap; i++)
        if (intern_table[i])
            str_free_immortal(intern_table[i]);
    free(intern_table);
    intern_table = NULL;
    intern_cap = intern_used = 0;
}

Ad_ssize_t AdStr_InternedCount(void)
{
    return (Ad_ssize_t)intern_used;
}

AdObject *AdStr_InternFromString(const char *utf8)
{
    uintptr_t a = (uintptr_t)utf8;
    size_t h = (size_t)((a >> 3) ^ (a >> 12)) & (CSTR_CACHE_SIZE - 1);
    if (cstr_cache[h].key == utf8) {
        AdStrObject *c = (AdStrObject *)cstr_cache[h].str;
        if (c->utf8 && strcmp(c->utf8, utf8) == 0)
            return (AdObject *)c;
    }
    AdObject *s = AdStr_FromString(utf8);
    if (!s)
        return NULL;
    AdStr_InternInPlace(&s);
    if (((AdStrObject *)s)->interned && ((AdStrObject *)s)->utf8) {
        cstr_cache[h].key = utf8;
        cstr_cache[h].str = s;
    }
    return s;
}

/* ---- building -------------------------------------------------------------- */

AdObject *AdStr_Concat(AdObject *a, AdObject *b)
{
    if (!AdStr_Check(a) || !AdStr_Check(b)) {
        AdObject *bad = AdStr_Check(a) ? b : a;
        if (!AdStr_Check(a))
            return AdErr_Format(AdExc_TypeError, "must be str, not %.100s", str_tname(bad));
        return AdErr_Format(AdExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                            str_tname(bad));
    }
    Ad_ssize_t la = AdStr_LENGTH(a), lb = AdStr_LENGTH(b);
    if (lb == 0)
        return str_exact(a);
    if (la == 0)
        return str_exact(b);
    if (la > (Ad_ssize_t)(SIZE_MAX >> 3) - lb) {
        AdErr_SetString(AdExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    uint32_t ma = str_maxchar_of(a), mb = str_maxchar_of(b);
    AdObject *r = str_alloc(la + lb, ma > mb ? ma : mb);
    if (!r)
        return NULL;
    str_copy(AdStr_KIND(r), AdStr_DATA(r), 0, AdStr_KIND(a), AdStr_DATA(a), 0, la);
    str_copy(AdStr_KIND(r), AdStr_DATA(r), la, AdStr_KIND(b), AdStr_DATA(b), 0, lb);
    return r;
}

AdObject *AdStr_Substring(AdObject *s, Ad_ssize_t start, Ad_ssize_t end)
{
    Ad_ssize_t len = AdStr_LENGTH(s);
    if (start < 0)
        start = 0;
    if (end > len)
        end = len;
    if (start >= end)
        return str_empty();
    if (start == 0 && end == len)
        return str_exact(s);
    int kind = AdStr_KIND(s);
    const char *d = (const char *)AdStr_DATA(s) + start * kind;
    if (((AdStrObject *)s)->ascii) {
        if (end - start == 1)
            return AdStr_FromOrdinal((unsigned char)d[0]);
        AdObject *r = str_alloc(end - start, 0x7F);
        if (r)
            memcpy(AdStr_DATA(r), d, (size_t)(end - start));
        return r;
    }
    return AdStr_FromKindAndData(kind, d, end - start);
}

Ad_ssize_t AdStr_FindChar(AdObject *s, uint32_t ch, Ad_ssize_t start, Ad_ssize_t end)
{
    Ad_ssize_t len = AdStr_LENGTH(s);
    if (start < 0)
        start = 0;
    if (end > len)
        end = len;
    int kind = AdStr_KIND(s);
    const void *d = AdStr_DATA(s);
    if (start >= end)
        return -1;
    if (kind == 1) {
        if (ch > 0xFF)
            return -1;
        const uint8_t *p = memchr((const uint8_t *)d + start, (int)ch, (size_t)(end - start));
        return p ? p - (const uint8_t *)d : -1;
    }
    for (Ad_ssize_t i = start; i < end; i++)
        if (AdStr_READ(kind, d, i) == ch)
            return i;
    return -1;
}

AdObject *AdStr_Join(AdObject *sep, AdObject *iterable)
{
    AdObject *seq;
    if (AdList_CheckExact(iterable) || AdTuple_CheckExact(iterable))
        seq = Ad_NewRef(iterable);
    else {
        seq = AdSequence_List(iterable);
        if (!seq) {
            /* Only when iterable is no iterable: errors while iterating pass through. */
            if (AdErr_ExceptionMatches(AdExc_TypeError) && !AD_TYPE(iterable)->tp_iter &&
                !(AD_TYPE(iterable)->tp_as_sequence && AD_TYPE(iterable)->tp_as_sequence->sq_item)) {
                AdErr_Clear();
                return AdErr_Format(AdExc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
    }
    Ad_ssize_t n = AD_SIZE(seq);
    AdObject **items = AdList_CheckExact(seq) ? ((AdListObject *)seq)->items : AdTuple_ITEMS(seq);
    AdObject *r = AdStr_JoinArray(sep, items, n);
    Ad_DECREF(seq);
    return r;
}

AdObject *AdStr_JoinArray(AdObject *sep, AdObject *const *items, Ad_ssize_t n)
{
    if (n == 0)
        return str_empty();
    if (n == 1 && AdStr_CheckExact(items[0]))
        return Ad_NewRef(items[0]);
    Ad_ssize_t seplen = sep ? AdStr_LENGTH(sep) : 0;
    uint32_t maxc = sep && n > 1 ? str_maxchar_of(sep) : 0;
    Ad_ssize_t total = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *it = items[i];
        if (!AdStr_Check(it))
            return AdErr_Format(AdExc_TypeError, "sequence item %zd: expected str instance, %.80s found",
                                i, str_tname(it));
        AdStrObject *o = (AdStrObject *)it;
        uint32_t m = o->ascii ? 0x7F : str_maxchar_of(it);
        if (m > maxc)
            maxc = m;
        total += o->length + (i ? seplen : 0);
        if (total < 0 || total > (Ad_ssize_t)(SIZE_MAX >> 3)) {
            AdErr_SetString(AdExc_OverflowError, "join() result is too long for a Python string");
            return NULL;
        }
    }
    if (total == 0)
        return str_empty();
    AdObject *r = str_alloc(total, maxc);
    if (!r)
        return NULL;
    int rk = AdStr_KIND(r);
    char *rd = AdStr_DATA(r);
    Ad_ssize_t pos = 0;
    if (rk == 1) {
        /* one byte per character everywhere: plain copies */
        const char *sd = sep ? AdStr_DATA(sep) : NULL;
        for (Ad_ssize_t i = 0; i < n; i++) {
            if (i && seplen) {
                if (seplen == 1)
                    rd[pos] = sd[0];
                else
                    memcpy(rd + pos, sd, (size_t)seplen);
                pos += seplen;
            }
            AdObject *it = items[i];
            Ad_ssize_t l = AdStr_LENGTH(it);
            memcpy(rd + pos, AdStr_DATA(it), (size_t)l);
            pos += l;
        }
        if (total == 1)
            AD_SETREF(r, AdStr_FromOrdinal((unsigned char)rd[0]));
        return r;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            str_copy(rk, rd, pos, AdStr_KIND(sep), AdStr_DATA(sep), 0, seplen);
            pos += seplen;
        }
        AdObject *it = items[i];
        str_copy(rk, rd, pos, AdStr_KIND(it), AdStr_DATA(it), 0, AdStr_LENGTH(it));
        pos += AdStr_LENGTH(it);
    }
    return r;
}

/* ---- repr ------------------------------------------------------------------ */

int str_repr_into(AdStrWriter *w, AdObject *s)
{
    Ad_ssize_t n = AdStr_LENGTH(s);
    int kind = AdStr_KIND(s);
    const void *d = AdStr_DATA(s);
    int squote = 0, dquote = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, d, i);
        if (c == '\'')
            squote = 1;
        else if (c == '"')
            dquote = 1;
    }
    uint32_t q = (squote && !dquote) ? '"' : '\'';
    if (str_writer_reserve(w, n + 2) < 0 || AdStrWriter_WriteChar(w, q) < 0)
        return -1;
    static const char hex[] = "0123456789abcdef";
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, d, i);
        char buf[12];
        int len = 0;
        if (c == q || c == '\\') {
            buf[0] = '\\'; buf[1] = (char)c; len = 2;
        } else if (c == '\t') {
            buf[0] = '\\'; buf[1] = 't'; len = 2;
        } else if (c == '\n') {
            buf[0] = '\\'; buf[1] = 'n'; len = 2;
        } else if (c == '\r') {
            buf[0] = '\\'; buf[1] = 'r'; len = 2;
        } else if (c < 0x20 || c == 0x7F) {
            buf[0] = '\\'; buf[1] = 'x'; buf[2] = hex[c >> 4]; buf[3] = hex[c & 15]; len = 4;
        } else if (c < 0x7F || str_isprintable(c)) {
            if (AdStrWriter_WriteChar(w, c) < 0)
                return -1;
            continue;
        } else if (c <= 0xFF) {
            buf[0] = '\\'; buf[1] = 'x'; buf[2] = hex[c >> 4]; buf[3] = hex[c & 15]; len = 4;
        } else if (c <= 0xFFFF) {
            buf[0] = '\\'; buf[1] = 'u';
            for (int k = 0; k < 4; k++)
                buf[2 + k] = hex[(c >> (12 - 4 * k)) & 15];
            len = 6;
        } else {
            buf[0] = '\\'; buf[1] = 'U';
            for (int k = 0; k < 8; k++)
                buf[2 + k] = hex[(c >> (28 - 4 * k)) & 15];
            len = 10;
        }
        if (AdStrWriter_WriteASCII(w, buf, len) < 0)
            return -1;
    }
    return AdStrWriter_WriteChar(w, q);
}

AdObject *AdStr_Repr(AdObject *s)
{
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (str_repr_into(&w, s) < 0) {
        AdStrWriter_Dealloc(&w);
        return NULL;
    }
    return AdStrWriter_Finish(&w);
}

AdObject *str_type_error(const char *fmt, AdObject *o)
{
    return AdErr_Format(AdExc_TypeError, fmt, str_tname(o));
}

/* ---- the writer ---------------------------------------------------------- */

void AdStrWriter_Init(AdStrWriter *w)
{
    w->buf = NULL;
    w->len = w->cap = 0;
    w->maxchar = 0;
}

int str_writer_reserve(AdStrWriter *w, Ad_ssize_t extra)
{
    if (extra < 0 || w->len > (Ad_ssize_t)(SIZE_MAX / 8) - extra) {
        AdErr_NoMemory();
        return -1;
    }
    if (w->len + extra <= w->cap)
        return 0;
    Ad_ssize_t ncap = w->cap ? w->cap : 16;
    while (ncap < w->len + extra)
        ncap = ncap < ((Ad_ssize_t)1 << 40) ? ncap * 2 : w->len + extra;
    uint32_t *nb = AdMem_Realloc(w->buf, (size_t)ncap * sizeof(uint32_t));
    if (!nb) {
        AdErr_NoMemory();
        return -1;
    }
    w->buf = nb;
    w->cap = ncap;
    return 0;
}

int AdStrWriter_WriteChar(AdStrWriter *w, uint32_t ch)
{
    if (w->len == w->cap && str_writer_reserve(w, 1) < 0)
        return -1;
    w->buf[w->len++] = ch;
    if (ch > w->maxchar)
        w->maxchar = ch;
    return 0;
}

int AdStrWriter_WriteASCII(AdStrWriter *w, const char *s, Ad_ssize_t n)
{
    if (n < 0)
        n = (Ad_ssize_t)strlen(s);
    if (n > w->cap - w->len && str_writer_reserve(w, n) < 0)
        return -1;
    uint32_t *dst = w->buf + w->len;
    unsigned acc = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        dst[i] = (unsigned char)s[i];
        acc |= (unsigned char)s[i];
    }
    w->len += n;
    if (acc >= 0x80)        /* not ASCII after all: the true maximum */
        acc = str_max_char(4, dst, n);
    if (acc > w->maxchar)
        w->maxchar = acc;
    return 0;
}

int AdStrWriter_WriteUTF8(AdStrWriter *w, const char *s, Ad_ssize_t n)
{
    if (n < 0)
        n = (Ad_ssize_t)strlen(s);
    AdObject *t = AdStr_FromStringAndSize(s, n);
    if (!t)
        return -1;
    int r = AdStrWriter_WriteStr(w, t);
    Ad_DECREF(t);
    return r;
}

int str_writer_substr(AdStrWriter *w, AdObject *s, Ad_ssize_t start, Ad_ssize_t end)
{
    if (end <= start)
        return 0;
    Ad_ssize_t n = end - start;
    if (n > w->cap - w->len && str_writer_reserve(w, n) < 0)
        return -1;
    AdStrObject *o = (AdStrObject *)s;
    uint32_t *dst = w->buf + w->len, m;
    w->len += n;
    if (o->kind == 1) {
        /* only the kind and the ASCII flag of the result depend on the
         * maximum, so 0xFF stands for any non-ASCII Latin-1 character */
        const uint8_t *src = (const uint8_t *)AdStr_DATA(s) + start;
        unsigned acc = 0;
        for (Ad_ssize_t i = 0; i < n; i++) {
            dst[i] = src[i];
            acc |= src[i];
        }
        m = acc >= 0x80 ? 0xFF : acc;
    } else {
        str_copy(4, dst, 0, o->kind, AdStr_DATA(s), start, n);
        m = str_max_char(4, dst, n);
    }
    if (m > w->maxchar)
        w->maxchar = m;
    return 0;
}

int AdStrWriter_WriteStr(AdStrWriter *w, AdObject *s)
{
    return str_writer_substr(w, s, 0, AdStr_LENGTH(s));
}

int str_writer_fill(AdStrWriter *w, uint32_t ch, Ad_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (n > w->cap - w->len && str_writer_reserve(w, n) < 0)
        return -1;
    for (Ad_ssize_t i = 0; i < n; i++)
        w->buf[w->len++] = ch;
    if (ch > w->maxchar)
        w->maxchar = ch;
    return 0;
}

AdObject *AdStrWriter_Finish(AdStrWriter *w)
{
    AdObject *r = str_from_ucs4_max(w->buf, w->len, w->maxchar);
    AdStrWriter_Dealloc(w);
    return r;
}

void AdStrWriter_Dealloc(AdStrWriter *w)
{
    AdMem_Free(w->buf);
    w->buf = NULL;
    w->len = w->cap = 0;
    w->maxchar = 0;
}

/* ---- AdStr_FromFormat ------------------------------------------------------ */

/* Writes s padded to width (left-justified with '-'), cut to prec chars. */
static int fmt_put(AdStrWriter *w, AdObject *s, int width, int prec, int left)
{
    Ad_ssize_t n = AdStr_LENGTH(s);
    if (prec >= 0 && n > prec)
        n = prec;
    if (!left && width > n && str_writer_fill(w, ' ', width - n) < 0)
        return -1;
    if (str_writer_substr(w, s, 0, n) < 0)
        return -1;
    if (left && width > n && str_writer_fill(w, ' ', width - n) < 0)
        return -1;
    return 0;
}

static int fmt_put_obj(AdStrWriter *w, AdObject *s, int width, int prec, int left)
{
    if (!s)
        return -1;
    int r = fmt_put(w, s, width, prec, left);
    Ad_DECREF(s);
    return r;
}

AdObject *AdStr_FromFormatV(const char *fmt, va_list va)
{
    AdStrWriter w;
    AdStrWriter_Init(&w);
    va_list ap;
    va_copy(ap, va);
    const char *p = fmt;
    while (*p) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%')
                q++;
            if (AdStrWriter_WriteUTF8(&w, p, q - p) < 0)
                goto fail;
            p = q;
            continue;
        }
        const char *start = p++;
        int left = 0, zero = 0, width = -1, prec = -1;
        while (*p == '-' || *p == '0') {
            if (*p == '-') left = 1; else zero = 1;
            p++;
        }
        if (*p == '*') { width = va_arg(ap, int); p++; }
        else if (*p >= '0' && *p <= '9') {
            width = 0;
            while (*p >= '0' && *p <= '9')
                width = width * 10 + (*p++ - '0');
        }
        if (*p == '.') {
            p++;
            if (*p == '*') { prec = va_arg(ap, int); p++; }
            else {
                prec = 0;
                while (*p >= '0' && *p <= '9')
                    prec = prec * 10 + (*p++ - '0');
            }
        }
        int lmod = 0;   /* 1 l, 2 ll, 3 z, 4 t, 5 j */
        if (*p == 'l') { lmod = 1; p++; if (*p == 'l') { lmod = 2; p++; } }
        else if (*p == 'z') { lmod = 3; p++; }
        else if (*p == 't') { lmod = 4; p++; }
        else if (*p == 'j') { lmod = 5; p++; }
        char conv = *p ? *p++ : 0;
        char nb[64];
        switch (conv) {
        case '%':
            if (AdStrWriter_WriteChar(&w, '%') < 0) goto fail;
            break;
        case 'c': {
            int c = va_arg(ap, int);
            if (c < 0 || c > (int)STR_MAX_UNICODE) {
                AdErr_SetString(AdExc_OverflowError, "character argument not in range(0x110000)");
                goto fail;
            }
            if (AdStrWriter_WriteChar(&w, (uint32_t)c) < 0) goto fail;
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            char cfmt[16];
            int k = 0;
            cfmt[k++] = '%';
            if (left) cfmt[k++] = '-';
            if (zero) cfmt[k++] = '0';
            cfmt[k++] = '*';
            cfmt[k++] = '.';
            cfmt[k++] = '*';
            cfmt[k++] = conv == 'i' ? 'd' : conv;
            cfmt[k] = 0;
            int wd = width < 0 ? 0 : width, pr = prec;
            int signd = conv == 'd' || conv == 'i';
            if (signd) {
                long long v;
                switch (lmod) {
                case 0: v = va_arg(ap, int); break;
                case 1: v = va_arg(ap, long); break;
                case 2: v = va_arg(ap, long long); break;
                case 3: v = va_arg(ap, ssize_t); break;
                case 4: v = va_arg(ap, ptrdiff_t); break;
                default: v = va_arg(ap, intmax_t); break;
                }
                cfmt[k - 1] = 0;
                snprintf(cfmt + strlen(cfmt), 8, "lld");
                snprintf(nb, sizeof nb, cfmt, wd, pr, v);
            } else {
                unsigned long long v;
                switch (lmod) {
                case 0: v = va_arg(ap, unsigned); break;
                case 1: v = va_arg(ap, unsigned long); break;
                case 2: v = va_arg(ap, unsigned long long); break;
                case 3: v = va_arg(ap, size_t); break;
                case 4: v = (unsigned long long)va_arg(ap, ptrdiff_t); break;
                default: v = va_arg(ap, uintmax_t); break;
                }
                char last = cfmt[k - 1];
                cfmt[k - 1] = 0;
                snprintf(cfmt + strlen(cfmt), 8, "ll%c", last);
                snprintf(nb, sizeof nb, cfmt, wd, pr, v);
            }
            if (AdStrWriter_WriteASCII(&w, nb, -1) < 0) goto fail;
            break;
        }
        case 'p': {
            snprintf(nb, sizeof nb, "0x%llx", (unsigned long long)(uintptr_t)va_arg(ap, void *));
            if (AdStrWriter_WriteASCII(&w, nb, -1) < 0) goto fail;
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            Ad_ssize_t n = (Ad_ssize_t)strlen(s);
            if (prec >= 0) {
                /* precision counts bytes: cut at a character boundary */
                if (n > prec) n = prec;
                while (n > 0 && n < (Ad_ssize_t)strlen(s) && ((unsigned char)s[n] & 0xC0) == 0x80)
                    n--;
            }
            AdObject *t = AdStr_FromStringAndSize(s, n);
            if (!t) {
                AdErr_Clear();
                t = str_decode(s, n, "utf-8", "replace");
            }
            if (fmt_put_obj(&w, t, width, -1, left) < 0) goto fail;
            break;
        }
        case 'U':
            if (fmt_put(&w, va_arg(ap, AdObject *), width, prec, left) < 0) goto fail;
            break;
        case 'V': {
            AdObject *o = va_arg(ap, AdObject *);
            const char *s = va_arg(ap, const char *);
            if (o) {
                if (fmt_put(&w, o, width, prec, left) < 0) goto fail;
            } else if (fmt_put_obj(&w, AdStr_FromString(s), width, prec, left) < 0) goto fail;
            break;
        }
        case 'S':
            if (fmt_put_obj(&w, AdObject_Str(va_arg(ap, AdObject *)), width, prec, left) < 0) goto fail;
            break;
        case 'R':
            if (fmt_put_obj(&w, AdObject_Repr(va_arg(ap, AdObject *)), width, prec, left) < 0) goto fail;
            break;
        case 'A':
            if (fmt_put_obj(&w, AdObject_ASCII(va_arg(ap, AdObject *)), width, prec, left) < 0) goto fail;
            break;
        case 'N':
        case 'T': {
            AdObject *o = va_arg(ap, AdObject *);
            AdTypeObject *t = conv == 'N' ? (AdTypeObject *)o : AD_TYPE(o);
            if (fmt_put_obj(&w, AdStr_FromString(t->tp_name), width, prec, left) < 0) goto fail;
            break;
        }
        default:
            /* unknown: copy the rest of the format verbatim, as CPython does */
            if (AdStrWriter_WriteUTF8(&w, start, (Ad_ssize_t)strlen(start)) < 0) goto fail;
            p = start + strlen(start);
            break;
        }
    }
    va_end(ap);
    return AdStrWriter_Finish(&w);
fail:
    va_end(ap);
    AdStrWriter_Dealloc(&w);
    return NULL;
}

AdObject *AdStr_FromFormat(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    AdObject *r = AdStr_FromFormatV(fmt, va);
    va_end(va);
    return r;
}

#endif /* STR_KERNEL_READY */
