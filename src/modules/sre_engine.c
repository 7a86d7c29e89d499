/* sre_engine.c: the engine of _sre: character predicates (ASCII, locale
 * and Unicode through src/unicode), charset tests, the matching state
 * (subject, marks, explicit backtracking stacks) and the entry points that
 * pick the matcher for the subject's character width (sre_engine_impl.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "modules/sre_internal.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "unicode/unicode_db.h"


struct sre_repeat {
    Ad_ssize_t count;
    const sre_code *pat;
    Ad_ssize_t last_ptr;
    sre_repeat *prev;
    sre_repeat *next_free;
    sre_repeat *next_all;
};

/* ---- character predicates ---- */

static const unsigned char ascii_class[128] = {
    /* bit 1: digit, 2: space, 4: word */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0,
    0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 4,
    0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0,
};

static inline int sre_is_digit(uint32_t c) { return c < 128 && (ascii_class[c] & 1); }
static inline int sre_is_space(uint32_t c) { return c < 128 && (ascii_class[c] & 2); }
static inline int sre_is_word(uint32_t c) { return c < 128 && (ascii_class[c] & 4); }
static inline int sre_is_loc_word(uint32_t c) { return c < 256 && (isalnum((int)c) || c == '_'); }
static inline int sre_is_uni_word(uint32_t c)
{
    if (c < 128)
        return ascii_class[c] & 4;
    return AdUnicode_IsAlnum(c);
}
static inline int sre_is_uni_digit(uint32_t c) { return c < 128 ? (ascii_class[c] & 1) : AdUnicode_IsDecimal(c); }
static inline int sre_is_uni_space(uint32_t c)
{
    if (c < 128)
        return (ascii_class[c] & 2) || (c >= 0x1c && c <= 0x1f);
    return AdUnicode_IsSpace(c);
}
static inline int sre_is_uni_linebreak(uint32_t c)
{
    if (c < 128)
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e);
    return AdUnicode_IsLinebreak(c);
}

static inline uint32_t sre_lower_ascii(uint32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
static inline uint32_t sre_upper_ascii(uint32_t c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }
static inline uint32_t sre_lower_locale(uint32_t c) { return c < 256 ? (uint32_t)tolower((int)c) : c; }
static inline uint32_t sre_upper_locale(uint32_t c) { return c < 256 ? (uint32_t)toupper((int)c) : c; }

uint32_t sre_lower_unicode(uint32_t c)
{
    if (c < 128)
        return sre_lower_ascii(c);
    /* as CPython: the first code point of the full mapping */
    uint32_t out[AD_UNICODE_CASE_MAX];
    return AdUnicode_ToLowerFull(c, out) > 0 ? out[0] : c;
}
uint32_t sre_upper_unicode(uint32_t c)
{
    if (c < 128)
        return sre_upper_ascii(c);
    uint32_t out[AD_UNICODE_CASE_MAX];
    return AdUnicode_ToUpperFull(c, out) > 0 ? out[0] : c;
}
int sre_unicode_iscased(uint32_t c)
{
    return c != sre_lower_unicode(c) || c != sre_upper_unicode(c);
}

static inline int sre_char_loc_ignore(uint32_t pattern, uint32_t c)
{
    return c == pattern || sre_lower_locale(c) == pattern || sre_upper_locale(c) == pattern;
}

#define SRE_INLINE static inline __attribute__((always_inline))
SRE_INLINE int sre_category(sre_code cat, uint32_t c)
{
    switch (cat) {
    case SRE_CAT_DIGIT: return sre_is_digit(c);
    case SRE_CAT_NOT_DIGIT: return !sre_is_digit(c);
    case SRE_CAT_SPACE: return sre_is_space(c);
    case SRE_CAT_NOT_SPACE: return !sre_is_space(c);
    case SRE_CAT_WORD: return sre_is_word(c);
    case SRE_CAT_NOT_WORD: return !sre_is_word(c);
    case SRE_CAT_LINEBREAK: return c == '\n';
    case SRE_CAT_NOT_LINEBREAK: return c != '\n';
    case SRE_CAT_LOC_WORD: return sre_is_loc_word(c);
    case SRE_CAT_LOC_NOT_WORD: return !sre_is_loc_word(c);
    case SRE_CAT_UNI_DIGIT: return sre_is_uni_digit(c);
    case SRE_CAT_UNI_NOT_DIGIT: return !sre_is_uni_digit(c);
    case SRE_CAT_UNI_SPACE: return sre_is_uni_space(c);
    case SRE_CAT_UNI_NOT_SPACE: return !sre_is_uni_space(c);
    case SRE_CAT_UNI_WORD: return sre_is_uni_word(c);
    case SRE_CAT_UNI_NOT_WORD: return !sre_is_uni_word(c);
    case SRE_CAT_UNI_LINEBREAK: return sre_is_uni_linebreak(c);
    case SRE_CAT_UNI_NOT_LINEBREAK: return !sre_is_uni_linebreak(c);
    }
    return 0;
}

/* Whether c is in the set (a list of set items ending with FAILURE). */
static inline int sre_in_charset(const sre_code *set, uint32_t c)
{
    int ok = 1;
    /* the most common sets: one category or one literal, then FAILURE */
    if (set[2] == SRE_OP_FAILURE) {
        if (set[0] == SRE_OP_CATEGORY)
            return sre_category(set[1], c);
        if (set[0] == SRE_OP_LITERAL)
            return c == set[1];
    }
    for (;;) {
        switch (*set++) {
        case SRE_OP_FAILURE:
            return !ok;
        case SRE_OP_LITERAL:
            if (c == set[0])
                return ok;
            set++;
            break;
        case SRE_OP_CATEGORY:
            if (sre_category(set[0], c))
                return ok;
            set++;
            break;
        case SRE_OP_CHARSET:
            if (c < 256 && (set[c >> 5] & (1u << (c & 31))))
                return ok;
            set += 256 / 32;
            break;
        case SRE_OP_RANGE:
            if (set[0] <= c && c <= set[1])
                return ok;
            set += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            if (set[0] <= c && c <= set[1])
                return ok;
            uint32_t u = sre_upper_unicode(c);
            if (set[0] <= u && u <= set[1])
                return ok;
            set += 2;
            break;
        }
        case SRE_OP_NEGATE:
            ok = !ok;
            break;
        case SRE_OP_BIGCHARSET: {
            sre_code nblocks = *set++;
            if (c < 65536) {
                unsigned block = ((const unsigned char *)set)[c >> 8];
                const sre_code *bits = set + 256 / 4 + block * (256 / 32);
                if (bits[(c & 255) >> 5] & (1u << (c & 31)))
                    return ok;
            }
            set += 256 / 4 + nblocks * (256 / 32);
            break;
        }
        default:
            /* malformed set: no match */
            return 0;
        }
    }
}

static int sre_in_charset_loc_ignore(const sre_code *set, uint32_t c)
{
    uint32_t lo = sre_lower_locale(c);
    if (sre_in_charset(set, lo))
        return 1;
    uint32_t up = sre_upper_locale(c);
    return up != lo && sre_in_charset(set, up);
}

/* Whether the one-character op at pat can match ch (only the ops the
 * search loop filters with). */
static inline int sre_first_char(const sre_code *pat, uint32_t ch)
{
    switch (pat[0]) {
    case SRE_OP_LITERAL_IGNORE: return sre_lower_ascii(ch) == pat[1];
    case SRE_OP_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) == pat[1];
    case SRE_OP_IN: return sre_in_charset(pat + 2, ch);
    case SRE_OP_IN_UNI_IGNORE: return sre_in_charset(pat + 2, sre_lower_unicode(ch));
    }
    return 1;
}

/* sre_in_charset with the leading bitmap of most sets tested inline. */
#define SRE_IN_SET(set, c)                                                           \
    (((set)[0] == SRE_OP_CHARSET && (c) < 256 && ((set)[1 + ((c) >> 5)] & (1u << ((c) & 31)))) || \
     sre_in_charset((set), (c)))

/* ---- stacks ---- */

static int sre_grow_ctx(sre_state *st)
{
    if (st->ctx_cap == 0) {
        st->ctx = st->ctx_inline;
        st->ctx_cap = SRE_INLINE_CTX;
        return 0;
    }
    Ad_ssize_t cap = st->ctx_cap * 2;
    sre_ctx *n;
    if (st->ctx == st->ctx_inline) {
        n = malloc((size_t)cap * sizeof(sre_ctx));
        if (n)
            memcpy(n, st->ctx_inline, sizeof(st->ctx_inline));
    }
    else
        n = realloc(st->ctx, (size_t)cap * sizeof(sre_ctx));
    if (!n) {
        AdErr_NoMemory();
        return -1;
    }
    st->ctx = n;
    st->ctx_cap = cap;
    return 0;
}

static inline int sre_push_ctx(sre_state *st)
{
    if (st->nctx == st->ctx_cap && sre_grow_ctx(st) < 0)
        return -1;
    st->nctx++;
    return 0;
}

static int sre_marks_save(sre_state *st, sre_ctx *ctx)
{
    if (ctx->msave >= 0)
        st->nmsave = ctx->msave;
    Ad_ssize_t n = st->lastmark + 1;
    if (st->nmsave + n > st->msave_cap) {
        Ad_ssize_t cap = st->msave_cap ? st->msave_cap : 64;
        while (cap < st->nmsave + n)
            cap *= 2;
        Ad_ssize_t *m = realloc(st->msave, (size_t)cap * sizeof(Ad_ssize_t));
        if (!m) {
            AdErr_NoMemory();
            return -1;
        }
        st->msave = m;
        st->msave_cap = cap;
    }
    ctx->msave = st->nmsave;
    ctx->msave_n = n;
    if (n > 0)
        memcpy(st->msave + st->nmsave, st->mark, (size_t)n * sizeof(Ad_ssize_t));
    st->nmsave += n;
    return 0;
}

static inline void sre_marks_restore(sre_state *st, sre_ctx *ctx)
{
    if (ctx->msave >= 0 && ctx->msave_n > 0)
        memcpy(st->mark, st->msave + ctx->msave, (size_t)ctx->msave_n * sizeof(Ad_ssize_t));
}

static inline void sre_marks_discard(sre_state *st, sre_ctx *ctx)
{
    if (ctx->msave >= 0) {
        st->nmsave = ctx->msave;
        ctx->msave = -1;
    }
}

static sre_repeat *sre_repeat_new(sre_state *st)
{
    sre_repeat *r = st->repeat_free;
    if (r) {
        st->repeat_free = r->next_free;
        return r;
    }
    r = malloc(sizeof(sre_repeat));
    if (!r) {
        AdErr_NoMemory();
        return NULL;
    }
    r->next_all = st->repeat_all;
    st->repeat_all = r;
    return r;
}

static void sre_repeat_free(sre_state *st, sre_repeat *r)
{
    r->next_free = st->repeat_free;
    st->repeat_free = r;
}

/* ---- the matchers, one per character width ---- */

#define SRE_CHAR uint8_t
#define SRE_FN(n) sre1_##n
static int sre1_match(sre_state *st, const sre_code *pattern, int toplevel);
#include "modules/sre_engine_impl.h"
#undef SRE_CHAR
#undef SRE_FN

#define SRE_CHAR uint16_t
#define SRE_FN(n) sre2_##n
static int sre2_match(sre_state *st, const sre_code *pattern, int toplevel);
#include "modules/sre_engine_impl.h"
#undef SRE_CHAR
#undef SRE_FN

#define SRE_CHAR uint32_t
#define SRE_FN(n) sre4_##n
static int sre4_match(sre_state *st, const sre_code *pattern, int toplevel);
#include "modules/sre_engine_impl.h"
#undef SRE_CHAR
#undef SRE_FN

/* ---- state ---- */

int sre_state_init(sre_state *st, sre_pattern *p, AdObject *string, Ad_ssize_t pos, Ad_ssize_t endpos)
{
    memset(st, 0, offsetof(sre_state, mark_inline));
    st->lastmark = st->lastindex = -1;
    if (AdStr_Check(string)) {
        if (p->isbytes == 1) {
            AdErr_SetString(AdExc_TypeError, "cannot use a bytes pattern on a string-like object");
            return -1;
        }
        st->data = AdStr_DATA(string);
        st->charsize = AdStr_KIND(string);
        st->length = AdStr_LENGTH(string);
        st->isbytes = 0;
    }
    else {
        if (!AD_TYPE(string)->tp_as_buffer || !AD_TYPE(string)->tp_as_buffer->bf_getbuffer) {
            AdErr_Format(AdExc_TypeError, "expected string or bytes-like object, got '%.200s'",
                         AdType_ShortName(AD_TYPE(string)));
            return -1;
        }
        if (AdObject_GetBuffer(string, &st->buffer, AD_BUF_SIMPLE) < 0)
            return -1;
        st->has_buffer = 1;
        if (p->isbytes == 0) {
            AdBuffer_Release(&st->buffer);
            st->has_buffer = 0;
            AdErr_SetString(AdExc_TypeError, "cannot use a string pattern on a bytes-like object");
            return -1;
        }
        st->data = st->buffer.buf;
        st->charsize = 1;
        st->length = st->buffer.len;
        st->isbytes = 1;
    }
    if (pos < 0)
        pos = 0;
    else if (pos > st->length)
        pos = st->length;
    if (endpos < 0)
        endpos = 0;
    else if (endpos > st->length)
        endpos = st->length;
    st->pos = pos;
    st->endpos = endpos;
    st->start = st->ptr = pos;
    st->mark_cap = 2 * p->groups;
    if (st->mark_cap <= SRE_INLINE_MARKS)
        st->mark = st->mark_inline;
    else {
        st->mark = malloc((size_t)st->mark_cap * sizeof(Ad_ssize_t));
        if (!st->mark) {
            sre_state_fini(st);
            AdErr_NoMemory();
            return -1;
        }
    }
    st->string = Ad_NewRef(string);
    return 0;
}

void sre_state_fini(sre_state *st)
{
    if (st->has_buffer) {
        AdBuffer_Release(&st->buffer);
        st->has_buffer = 0;
    }
    AD_CLEAR(st->string);
    if (st->mark != st->mark_inline)
        free(st->mark);
    st->mark = NULL;
    if (st->ctx != st->ctx_inline)
        free(st->ctx);
    st->ctx = NULL;
    st->ctx_cap = 0;
    free(st->msave);
    st->msave = NULL;
    while (st->repeat_all) {
        sre_repeat *n = st->repeat_all->next_all;
        free(st->repeat_all);
        st->repeat_all = n;
    }
    st->repeat_free = NULL;
}

void sre_state_reset(sre_state *st)
{
    st->lastmark = st->lastindex = -1;
    st->repeat = NULL;
    st->nctx = 0;
    st->nmsave = 0;
}

int sre_match_at(sre_state *st, const sre_code *code, int match_all)
{
    st->ptr = st->start;
    st->match_all = match_all;
    st->lastmark = st->lastindex = -1;
    st->repeat = NULL;
    if (st->start > st->endpos)
        return 0;
    switch (st->charsize) {
    case 1: return sre1_match(st, code, 1);
    case 2: return sre2_match(st, code, 1);
    default: return sre4_match(st, code, 1);
    }
}

int sre_search(sre_state *st, const sre_code *code)
{
    st->match_all = 0;
    st->lastmark = st->lastindex = -1;
    st->repeat = NULL;
    switch (st->charsize) {
    case 1: return sre1_search(st, code);
    case 2: return sre2_search(st, code);
    default: return sre4_search(st, code);
    }
}

AdObject *sre_getslice(int isbytes, AdObject *string, Ad_ssize_t i, Ad_ssize_t j)
{
    if (!isbytes) {
        if (i == 0 && j == AdStr_LENGTH(string) && AdStr_CheckExact(string))
            return Ad_NewRef(string);
        return AdStr_Substring(string, i, j);
    }
    if (AdBytes_CheckExact(string)) {
        if (i == 0 && j == AdBytes_GET_SIZE(string))
            return Ad_NewRef(string);
        return AdBytes_FromStringAndSize(AdBytes_AS_STRING(string) + i, j - i);
    }
    AdBuffer view;
    if (AdObject_GetBuffer(string, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    if (j > view.len)
        j = view.len;
    if (i > j)
        i = j;
    AdObject *r = AdBytes_FromStringAndSize((const char *)view.buf + i, j - i);
    AdBuffer_Release(&view);
    return r;
}

AdObject *sre_slice(sre_state *st, Ad_ssize_t i, Ad_ssize_t j)
{
    if (st->isbytes)
        return AdBytes_FromStringAndSize((const char *)st->data + i, j - i);
    return sre_getslice(0, st->string, i, j);
}
