/* unicode_normalize.c -- NFC, NFD, NFKC and NFKD (UAX #15) and the
 * quick check, over the decomposition and composition tables.
 *
 * Owns: AdUnicode_Normalize, AdUnicode_QuickCheck, AdUnicode_IsNormalized,
 * AdUnicode_FormFromName.  Hangul syllables are decomposed and composed
 * arithmetically (Unicode chapter 3.12); everything else comes from the
 * generated tables.
 */
#include "unicode/unicode_db.h"

#include <stdlib.h>
#include <string.h>

#include "unicode/unicode_tables.h"

enum {
    S_BASE = 0xAC00, L_BASE = 0x1100, V_BASE = 0x1161, T_BASE = 0x11A7,
    L_COUNT = 19, V_COUNT = 21, T_COUNT = 28,
    N_COUNT = V_COUNT * T_COUNT, S_COUNT = L_COUNT * N_COUNT
};

static int ccc_of(uint32_t cp)
{
    return cp > AD_UNICODE_MAX ? 0 : unicode_records[unicode_record_index(cp)].combining;
}

static uint32_t flags_of(uint32_t cp)
{
    return cp > AD_UNICODE_MAX ? 0 : unicode_records[unicode_record_index(cp)].flags;
}

/* Appends the full decomposition of CP at OUT[POS..]; writes only below
 * CAP but always counts.  Returns the position after it. */
static size_t decompose(uint32_t cp, int compat, uint32_t *out, size_t pos, size_t cap)
{
    if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
        uint32_t s = cp - S_BASE;
        uint32_t parts[3] = {L_BASE + s / N_COUNT, V_BASE + (s % N_COUNT) / T_COUNT, T_BASE + s % T_COUNT};
        int n = parts[2] == T_BASE ? 2 : 3;
        for (int k = 0; k < n; k++, pos++)
            if (pos < cap)
                out[pos] = parts[k];
        return pos;
    }
    unsigned i = cp > AD_UNICODE_MAX ? 0 : unicode_decomp_index(cp);
    if (i != 0) {
        uint32_t parts[AD_UNICODE_DECOMP_MAX];
        unsigned type, n = unicode_decomp_read(i, &type, parts);
        if (compat || type == AD_UDECOMP_CANONICAL) {
            for (unsigned k = 0; k < n; k++)
                pos = decompose(parts[k], compat, out, pos, cap);
            return pos;
        }
    }
    if (pos < cap)
        out[pos] = cp;
    return pos + 1;
}

/* Canonical ordering: a stable sort of each run of non-starters by their
 * combining class. */
static void canonical_order(uint32_t *s, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        int cc = ccc_of(s[i]);
        if (cc == 0)
            continue;
        size_t j = i;
        uint32_t c = s[i];
        while (j > 0) {
            int prev = ccc_of(s[j - 1]);
            if (prev == 0 || prev <= cc)
                break;
            s[j] = s[j - 1];
            j--;
        }
        s[j] = c;
    }
}

/* The primary composite of FIRST and SECOND, or 0 when there is none. */
static uint32_t compose_pair(uint32_t first, uint32_t second)
{
    if (first >= L_BASE && first < L_BASE + L_COUNT && second >= V_BASE && second < V_BASE + V_COUNT)
        return S_BASE + ((first - L_BASE) * V_COUNT + (second - V_BASE)) * T_COUNT;
    if (first >= S_BASE && first < S_BASE + S_COUNT && (first - S_BASE) % T_COUNT == 0 &&
        second > T_BASE && second < T_BASE + T_COUNT)
        return first + (second - T_BASE);
    uint32_t slot = unicode_comp_hash(first, second) & unicode_comp_mask;
    for (;;) {
        uint64_t e = unicode_comp_table[slot];
        if (e == 0)
            return 0;
        if ((uint32_t)(e >> 42) == first && (uint32_t)((e >> 21) & 0x1FFFFF) == second)
            return (uint32_t)(e & 0x1FFFFF);
        slot = (slot + 1) & unicode_comp_mask;
    }
}

/* Canonical composition of S[0..N) in place; returns the new length. */
static size_t compose(uint32_t *s, size_t n)
{
    size_t out = 0;
    long starter = -1;
    int last_cc = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        int cc = ccc_of(c);
        if (starter >= 0) {
            int adjacent = (long)out - 1 == starter;
            if (adjacent || (last_cc != 0 && last_cc < cc)) {
                uint32_t comp = compose_pair(s[starter], c);
                if (comp != 0) {
                    s[starter] = comp;
                    continue;
                }
            }
        }
        if (cc == 0)
            starter = (long)out;
        last_cc = cc;
        s[out++] = c;
    }
    return out;
}

size_t AdUnicode_Normalize(AdUnicodeForm form, const uint32_t *src, size_t n, uint32_t *dst, size_t cap)
{
    int compat = form == AD_UNICODE_NFKC || form == AD_UNICODE_NFKD;
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len = decompose(src[i], compat, dst, len, cap);
    if (len > cap)
        return len;
    canonical_order(dst, len);
    if (form == AD_UNICODE_NFC || form == AD_UNICODE_NFKC)
        len = compose(dst, len);
    return len;
}

AdUnicodeQuickCheck AdUnicode_QuickCheck(AdUnicodeForm form, const uint32_t *src, size_t n)
{
    uint32_t no, maybe = 0;
    switch (form) {
    case AD_UNICODE_NFD: no = UNICODE_NFD_NO; break;
    case AD_UNICODE_NFKD: no = UNICODE_NFKD_NO; break;
    case AD_UNICODE_NFC: no = UNICODE_NFC_NO; maybe = UNICODE_NFC_MAYBE; break;
    default: no = UNICODE_NFKC_NO; maybe = UNICODE_NFKC_MAYBE; break;
    }
    AdUnicodeQuickCheck result = AD_UNICODE_QC_YES;
    int last_cc = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = src[i];
        int cc = ccc_of(c);
        if (cc != 0 && last_cc > cc)
            return AD_UNICODE_QC_NO;
        uint32_t fl = flags_of(c);
        if (fl & no)
            return AD_UNICODE_QC_NO;
        if (fl & maybe)
            result = AD_UNICODE_QC_MAYBE;
        last_cc = cc;
    }
    return result;
}

int AdUnicode_IsNormalized(AdUnicodeForm form, const uint32_t *src, size_t n)
{
    AdUnicodeQuickCheck qc = AdUnicode_QuickCheck(form, src, n);
    if (qc != AD_UNICODE_QC_MAYBE)
        return qc == AD_UNICODE_QC_YES;
    size_t need = AdUnicode_Normalize(form, src, n, NULL, 0);
    uint32_t *buf = malloc((need ? need : 1) * sizeof *buf);
    if (buf == NULL)
        return -1;
    size_t len = AdUnicode_Normalize(form, src, n, buf, need);
    int same = len == n && memcmp(buf, src, n * sizeof *buf) == 0;
    free(buf);
    return same;
}

int AdUnicode_FormFromName(const char *name, AdUnicodeForm *form)
{
    static const char *const names[] = {"NFC", "NFD", "NFKC", "NFKD"};
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) {
            *form = (AdUnicodeForm)i;
            return 1;
        }
    return 0;
}
