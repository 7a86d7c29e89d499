/* unicode_names.c -- lookups over the generated Unicode tables.
 *
 * Owns: range membership tests (XID_Start/Continue, printable) and the
 * character-name lookup for \N{...} escapes: table names and aliases by
 * binary search over word-index sequences, plus the algorithmic names of
 * CJK unified ideographs and Hangul syllables.
 */
#include "parser/unicode_names.h"

#include <string.h>

static int in_ranges(const uint32_t (*r)[2], size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid][0])
            hi = mid;
        else if (cp > r[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int parser_ucd_is_xid_start(uint32_t cp)
{
    if (cp < 128)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return in_ranges(parser_ucd_xid_start, parser_ucd_xid_start_count, cp);
}

int parser_ucd_is_xid_continue(uint32_t cp)
{
    if (cp < 128)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9') || cp == '_';
    return in_ranges(parser_ucd_xid_continue, parser_ucd_xid_continue_count, cp);
}

int parser_ucd_is_printable(uint32_t cp)
{
    if (cp < 128)
        return cp >= 0x20 && cp < 0x7f;
    return in_ranges(parser_ucd_printable, parser_ucd_printable_count, cp);
}

static char upper_ascii(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* Index of the word W[0..LEN) (already upper case) or -1. */
static long find_word(const char *w, size_t len)
{
    size_t lo = 0, hi = parser_ucd_word_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *s = parser_ucd_words + parser_ucd_word_offsets[mid];
        size_t slen = strlen(s);
        size_t m = slen < len ? slen : len;
        int c = memcmp(w, s, m);
        if (c == 0)
            c = (len > slen) - (len < slen);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

static int compare_seq(const uint16_t *a, size_t na, size_t name_index)
{
    const uint16_t *b = parser_ucd_name_seqs + parser_ucd_name_offsets[name_index];
    size_t nb = b[0];
    b++;
    for (size_t i = 0; i < na && i < nb; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return (na > nb) - (na < nb);
}

static const char *const hangul_l[] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ",
    "C", "K", "T", "P", "H"};
static const char *const hangul_v[] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE",
    "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const hangul_t[] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS",
    "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T",
    "P", "H"};

/* Longest jamo short name in TABLE that is a prefix of S[0..LEN). */
static int match_jamo(const char *const *table, int n, const char *s, size_t len,
                      size_t *used)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(table[i]);
        if (l <= len && memcmp(s, table[i], l) == 0 && (best < 0 || l > best_len)) {
            best = i;
            best_len = l;
        }
    }
    *used = best_len;
    return best;
}

int parser_ucd_lookup(const char *name, size_t len, uint32_t *cp)
{
    char buf[256];
    if (len == 0 || len >= sizeof buf)
        return 0;
    for (size_t i = 0; i < len; i++)
        buf[i] = upper_ascii(name[i]);
    buf[len] = 0;

    if (len > 16 && memcmp(buf, "HANGUL SYLLABLE ", 16) == 0) {
        const char *s = buf + 16;
        size_t rest = len - 16, u;
        int l = match_jamo(hangul_l, 19, s, rest, &u);
        s += u, rest -= u;
        int v = match_jamo(hangul_v, 21, s, rest, &u);
        s += u, rest -= u;
        int t = match_jamo(hangul_t, 28, s, rest, &u);
        s += u, rest -= u;
        if (l >= 0 && v >= 0 && t >= 0 && rest == 0) {
            *cp = 0xAC00 + (uint32_t)((l * 21 + v) * 28 + t);
            return 1;
        }
        return 0;
    }
    if (len > 22 && memcmp(buf, "CJK UNIFIED IDEOGRAPH-", 22) == 0) {
        /* Only upper-case hex digits, 4 or 5 of them, as CPython. */
        size_t nd = len - 22;
        uint32_t v = 0;
        if (nd != 4 && nd != 5)
            return 0;
        for (size_t i = 22; i < len; i++) {
            char c = name[i];
            if (c >= '0' && c <= '9')
                v = v * 16 + (uint32_t)(c - '0');
            else if (c >= 'A' && c <= 'F')
                v = v * 16 + (uint32_t)(c - 'A' + 10);
            else
                return 0;
        }
        if (in_ranges(parser_ucd_cjk, parser_ucd_cjk_count, v)) {
            *cp = v;
            return 1;
        }
        return 0;
    }

    uint16_t seq[64];
    size_t nseq = 0;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && buf[j] != ' ')
            j++;
        if (j == i || nseq == 64)
            return 0; /* empty word: doubled, leading or trailing space */
        long w = find_word(buf + i, j - i);
        if (w < 0)
            return 0;
        seq[nseq++] = (uint16_t)w;
        if (j == len)
            break;
        i = j + 1;
        if (i == len)
            return 0; /* trailing space */
    }
    size_t lo = 0, hi = parser_ucd_name_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_seq(seq, nseq, mid);
        if (c == 0) {
            *cp = parser_ucd_name_cps[mid];
            return 1;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}
