/* unicode_names.c -- character names: code point to name and name to code
 * point(s), over the word-coded name table and the name hash.
 *
 * Owns: AdUnicode_Name and AdUnicode_Lookup.  Hangul syllable names are
 * built from the jamo short names of Unicode chapter 3.12; CJK unified
 * ideographs are "CJK UNIFIED IDEOGRAPH-" and the code point in hex.
 */
#include "unicode/unicode_db.h"

#include <stdio.h>
#include <string.h>

#include "unicode/unicode_tables.h"

enum {
    S_BASE = 0xAC00, L_COUNT = 19, V_COUNT = 21, T_COUNT = 28,
    N_COUNT = V_COUNT * T_COUNT, S_COUNT = L_COUNT * N_COUNT
};

/* Jamo short names (Jamo.txt). */
static const char *const jamo_l[L_COUNT] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
static const char *const jamo_v[V_COUNT] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
    "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_t[T_COUNT] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
    "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

static const char hangul_prefix[] = "HANGUL SYLLABLE ";
static const char cjk_prefix[] = "CJK UNIFIED IDEOGRAPH-";

static int is_cjk_unified(uint32_t cp)
{
    for (size_t i = 0; i < unicode_cjk_range_count; i++)
        if (cp >= unicode_cjk_ranges[i][0] && cp <= unicode_cjk_ranges[i][1])
            return 1;
    return 0;
}

/* Copies the word of index IDX to P; returns the position after it. */
static char *put_word(char *p, unsigned idx)
{
    const unsigned char *w = (const unsigned char *)unicode_words + unicode_word_offsets[idx / 16];
    for (unsigned k = idx % 16; k > 0; k--)
        w += 1 + w[0];
    memcpy(p, w + 1, w[0]);
    return p + w[0];
}

/* Writes the name of CP into BUF (room for AD_UNICODE_NAME_MAX); returns
 * its length, 0 when none. */
static size_t name_of(uint32_t cp, char *buf)
{
    if (cp > AD_UNICODE_MAX)
        return 0;
    if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
        uint32_t s = cp - S_BASE;
        return (size_t)snprintf(buf, AD_UNICODE_NAME_MAX, "%s%s%s%s", hangul_prefix, jamo_l[s / N_COUNT],
                                jamo_v[(s % N_COUNT) / T_COUNT], jamo_t[s % T_COUNT]);
    }
    if (is_cjk_unified(cp))
        return (size_t)snprintf(buf, AD_UNICODE_NAME_MAX, "%s%04X", cjk_prefix, cp);
    long rank = unicode_name_rank(cp);
    if (rank < 0)
        return 0;
    const uint8_t *rec = unicode_name_data + unicode_name_offsets[rank / 16];
    for (long k = rank % 16; k > 0; k--)
        rec += 1 + (rec[0] & 0x7F);
    unsigned len = rec[0] & 0x7F;
    const uint8_t *code = rec + 1, *end = code + len;
    char *p = buf;
    while (code < end) {
        unsigned idx = *code++;
        if (idx >= 0xC0)
            idx = 0xC0 + (idx - 0xC0) * 256 + *code++;
        if (p != buf)
            *p++ = ' ';
        p = put_word(p, idx);
    }
    if (rec[0] & 0x80)
        p += snprintf(p, 16, "-%04X", cp);
    *p = 0;
    return (size_t)(p - buf);
}

size_t AdUnicode_Name(uint32_t cp, char *buf, size_t cap)
{
    char tmp[AD_UNICODE_NAME_MAX + 16];
    size_t len = name_of(cp, tmp);
    if (len == 0) {
        if (cap > 0)
            buf[0] = 0;
        return 0;
    }
    if (cap > 0) {
        size_t copy = len < cap ? len : cap - 1;
        memcpy(buf, tmp, copy);
        buf[copy] = 0;
    }
    return len;
}

static int upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* NAME[0..LEN) equals the upper-case string S, ignoring the case of NAME. */
static int same_name(const char *name, size_t len, const char *s)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == 0 || upper((unsigned char)name[i]) != s[i])
            return 0;
    return s[len] == 0;
}

/* The algorithmic names are matched case-sensitively, as CPython does. */
static int has_prefix(const char *name, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(name, prefix, n) == 0;
}

/* Longest jamo short name of TABLE[0..N) at NAME[*POS..LEN); its index, or
 * -1.  Advances *POS. */
static int find_jamo(const char *name, size_t len, size_t *pos, const char *const *table, int n)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < n; i++) {
        size_t k = strlen(table[i]);
        if (*pos + k > len || (best >= 0 && k <= best_len))
            continue;
        size_t j = 0;
        while (j < k && name[*pos + j] == table[i][j])
            j++;
        if (j == k) {
            best = i;
            best_len = k;
        }
    }
    if (best >= 0)
        *pos += best_len;
    return best;
}

size_t AdUnicode_Lookup(const char *name, size_t len, int flags, uint32_t *out)
{
    if (len == 0 || len > 256)
        return 0;
    if (has_prefix(name, len, hangul_prefix)) {
        size_t pos = sizeof hangul_prefix - 1;
        int l = find_jamo(name, len, &pos, jamo_l, L_COUNT);
        int v = find_jamo(name, len, &pos, jamo_v, V_COUNT);
        int t = find_jamo(name, len, &pos, jamo_t, T_COUNT);
        if (l >= 0 && v >= 0 && t >= 0 && pos == len) {
            out[0] = (uint32_t)(S_BASE + (l * V_COUNT + v) * T_COUNT + t);
            return 1;
        }
        return 0;
    }
    if (has_prefix(name, len, cjk_prefix)) {
        size_t digits = len - (sizeof cjk_prefix - 1);
        if (digits != 4 && digits != 5)
            return 0;
        uint32_t v = 0;
        for (size_t i = sizeof cjk_prefix - 1; i < len; i++) {
            char c = name[i];
            if (c >= '0' && c <= '9')
                v = v * 16 + (uint32_t)(c - '0');
            else if (c >= 'A' && c <= 'F')
                v = v * 16 + (uint32_t)(c - 'A' + 10);
            else
                return 0;
        }
        if (!is_cjk_unified(v))
            return 0;
        out[0] = v;
        return 1;
    }
    uint32_t slot = unicode_name_hash(name, len) % unicode_name_hash_size;
    char buf[AD_UNICODE_NAME_MAX + 16];
    for (;;) {
        uint32_t v = unicode_name_hash_slots[slot];
        if (v == 0xFFFF)
            return 0;
        if (v < unicode_name_count) {
            uint32_t cp = unicode_name_select(v);
            if (name_of(cp, buf) == len && same_name(name, len, buf)) {
                out[0] = cp;
                return 1;
            }
        } else if (v < unicode_name_count + unicode_alias_count) {
            uint32_t i = v - unicode_name_count;
            if (same_name(name, len, unicode_alias_names + unicode_alias_offsets[i])) {
                out[0] = unicode_alias_cps[i];
                return 1;
            }
        } else if (flags & AD_UNICODE_LOOKUP_SEQUENCES) {
            uint32_t i = v - unicode_name_count - (uint32_t)unicode_alias_count;
            if (same_name(name, len, unicode_sequence_names + unicode_sequence_offsets[i])) {
                size_t n = 0;
                for (uint32_t k = unicode_sequence_starts[i]; k < unicode_sequence_starts[i + 1]; k++)
                    out[n++] = unicode_sequence_cps[k];
                return n;
            }
        }
        slot = slot + 1 == unicode_name_hash_size ? 0 : slot + 1;
    }
}
