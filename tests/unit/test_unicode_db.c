/* test_unicode_db.c: the Unicode character database (src/unicode) against
 * CPython 3.14.  The expectations, tests/unit/data/unicode_expect.txt, were
 * written by CPython 3.14 (tests/unit/data/unicode_expect.sh): every code
 * point's properties and predicates as runs, every non-trivial case
 * mapping, decomposition and single-character normalization, a sample of
 * names, all aliases and named sequences, and 1500 mixed sequences.
 *
 * CPython 3.14 has UCD 16.0.0, Adder Debian 12's 15.0.0: code points that
 * DerivedAge.txt (15.0) does not list, i.e. new in 16.0, are skipped.
 * Properties that 16.0 changed for older characters are listed in
 * known_changes below and skipped too.  The data directory is
 * tests/unit/data (run from the project root, as make unit does) or
 * $ADDER_UNIT_DATA; DerivedAge.txt is read from /usr/share/unicode.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode/unicode_db.h"

#define NCP 0x110000

static uint8_t *in_15;   /* code points that exist in UCD 15.0 */

static const char *data_path(void)
{
    const char *env = getenv("ADDER_UNIT_DATA");
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/unicode_expect.txt", env ? env : "tests/unit/data");
    return buf;
}

static void load_age(void)
{
    if (in_15)
        return;
    in_15 = calloc(NCP, 1);
    ck_assert_ptr_nonnull(in_15);
    FILE *fp = fopen("/usr/share/unicode/DerivedAge.txt", "r");
    ck_assert_msg(fp != NULL, "cannot open /usr/share/unicode/DerivedAge.txt");
    char line[512];
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *end;
        unsigned long lo = strtoul(line, &end, 16), hi = lo;
        if (end[0] == '.' && end[1] == '.')
            hi = strtoul(end + 2, NULL, 16);
        for (unsigned long c = lo; c <= hi && c < NCP; c++)
            in_15[c] = 1;
    }
    fclose(fp);
}

/* Properties of characters of UCD 15.0 that UCD 15.1/16.0 changed (CPython
 * 3.14 has 16.0), found by this comparison and checked against the 16.0
 * change notes: the pair (range, field) is skipped.  "predicates" entries
 * follow from the other changes (isnumeric for the new Unihan numerics,
 * identifier-continue for the new ID_Continue characters, the upper()
 * change bit for the new uppercase mappings). */
static const struct {
    uint32_t lo, hi;
    const char *field;
} known_changes[] = {
    /* New capital letters in 16.0 give old small letters an upper/title. */
    {0x019B, 0x019B, "upper"}, {0x019B, 0x019B, "title"}, {0x019B, 0x019B, "predicates"},
    {0x0264, 0x0264, "upper"}, {0x0264, 0x0264, "title"}, {0x0264, 0x0264, "predicates"},
    /* ID_Continue additions of 15.1: ZWNJ, ZWJ, katakana middle dots. */
    {0x200C, 0x200D, "predicates"}, {0x30FB, 0x30FB, "predicates"}, {0xFF65, 0xFF65, "predicates"},
    /* Bidi_Mirrored and bidi/category corrections. */
    {0x226D, 0x226D, "mirrored"},
    {0x1171E, 0x1171E, "category"}, {0x1171E, 0x1171E, "bidirectional"},
    {0x1D6C1, 0x1D6C1, "bidirectional"}, {0x1D6FB, 0x1D6FB, "bidirectional"},
    {0x1D735, 0x1D735, "bidirectional"}, {0x1D76F, 0x1D76F, "bidirectional"},
    {0x1D7A9, 0x1D7A9, "bidirectional"},
    /* East Asian width: trigrams, digrams, hexagrams, Tai Xuan Jing, counting rods. */
    {0x2630, 0x2637, "east_asian_width"}, {0x268A, 0x268F, "east_asian_width"},
    {0x4DC0, 0x4DFF, "east_asian_width"}, {0x1D300, 0x1D356, "east_asian_width"},
    {0x1D360, 0x1D376, "east_asian_width"},
    /* Unihan numeric values (kPrimaryNumeric and friends) of 16.0. */
    {0x4E24, 0x4E24, "numeric"}, {0x4EAC, 0x4EAC, "numeric"}, {0x4FE9, 0x4FE9, "numeric"},
    {0x5006, 0x5006, "numeric"}, {0x5146, 0x5146, "numeric"}, {0x62D0, 0x62D0, "numeric"},
    {0x6D1E, 0x6D1E, "numeric"}, {0x7695, 0x7695, "numeric"}, {0x79ED, 0x79ED, "numeric"},
    {0x920E, 0x920E, "numeric"}, {0x94A9, 0x94A9, "numeric"},
    {0x4E24, 0x4E24, "predicates"}, {0x4EAC, 0x4EAC, "predicates"}, {0x4FE9, 0x4FE9, "predicates"},
    {0x5006, 0x5006, "predicates"}, {0x62D0, 0x62D0, "predicates"}, {0x6D1E, 0x6D1E, "predicates"},
    {0x7695, 0x7695, "predicates"}, {0x79ED, 0x79ED, "predicates"}, {0x920E, 0x920E, "predicates"},
    {0x94A9, 0x94A9, "predicates"},
    {0, 0, NULL},
};

static int known_change(uint32_t cp, const char *field)
{
    for (size_t i = 0; known_changes[i].field; i++)
        if (cp >= known_changes[i].lo && cp <= known_changes[i].hi &&
            strcmp(known_changes[i].field, field) == 0)
            return 1;
    return 0;
}

static int mismatches;

static void mismatch(uint32_t cp, const char *field, const char *want, const char *got)
{
    if (known_change(cp, field))
        return;
    if (mismatches < (getenv("UNICODE_DB_ALL") ? 100000 : 40))
        fprintf(stderr, "unicode_db: U+%04X %s: CPython %s, Adder %s\n", cp, field, want, got);
    mismatches++;
}

/* Reads the expectation lines of KIND, calling FN with the line's words. */
typedef void (*line_fn)(char **w, int n);

static int for_lines(char kind, line_fn fn)
{
    FILE *fp = fopen(data_path(), "r");
    ck_assert_msg(fp != NULL, "cannot open %s", data_path());
    static char line[4096];
    int count = 0;
    while (fgets(line, sizeof line, fp)) {
        if (line[0] != kind)
            continue;
        char *w[16];
        int n = 0;
        for (char *t = strtok(line, " \n"); t && n < 16; t = strtok(NULL, " \n"))
            w[n++] = t;
        fn(w, n);
        count++;
    }
    fclose(fp);
    return count;
}

static uint32_t hex(const char *s)
{
    return (uint32_t)strtoul(s, NULL, 16);
}

/* Parses a '.'-joined hex list ("-" is empty) into OUT; returns the count. */
static size_t parse_list(const char *s, uint32_t *out, size_t max)
{
    size_t n = 0;
    if (strcmp(s, "-") == 0)
        return 0;
    while (*s && n < max) {
        char *end;
        out[n++] = (uint32_t)strtoul(s, &end, 16);
        s = *end == '.' ? end + 1 : end;
    }
    return n;
}

static void format_list(const uint32_t *cps, size_t n, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = 0;
    if (n == 0)
        snprintf(buf, cap, "-");
    for (size_t i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%X", i ? "." : "", cps[i]);
}

/* ---- properties and predicates, every code point ---- */

/* Code points a test has met in the expectations (reset by each test). */
static uint8_t seen[NCP];

static void check_props(char **w, int n)
{
    ck_assert_int_eq(n, 12);
    uint32_t first = hex(w[1]), last = hex(w[2]);
    unsigned want_flags = hex(w[8]);
    for (uint32_t cp = first; cp <= last; cp++) {
        seen[cp] = 1;
        if (!in_15[cp] && strcmp(w[3], "Cn") != 0)
            continue; /* new in 16.0 */
        char got[64];
        if (strcmp(AdUnicode_CategoryName(cp), w[3]) != 0)
            mismatch(cp, "category", w[3], AdUnicode_CategoryName(cp));
        const char *bidi = AdUnicode_BidirectionalName(cp);
        if (strcmp(bidi[0] ? bidi : "-", w[4]) != 0)
            mismatch(cp, "bidirectional", w[4], bidi);
        snprintf(got, sizeof got, "%d", AdUnicode_Combining(cp));
        if (strcmp(got, w[5]) != 0)
            mismatch(cp, "combining", w[5], got);
        snprintf(got, sizeof got, "%d", AdUnicode_Mirrored(cp));
        if (strcmp(got, w[6]) != 0)
            mismatch(cp, "mirrored", w[6], got);
        if (strcmp(AdUnicode_EastAsianWidthName(cp), w[7]) != 0)
            mismatch(cp, "east_asian_width", w[7], AdUnicode_EastAsianWidthName(cp));
        uint32_t lower[3], upper[3];
        int nl = AdUnicode_ToLowerFull(cp, lower), nu = AdUnicode_ToUpperFull(cp, upper);
        int bits[] = {
            AdUnicode_IsAlpha(cp), AdUnicode_IsDecimal(cp), AdUnicode_IsDigit(cp),
            AdUnicode_IsNumeric(cp), AdUnicode_IsAlnum(cp), AdUnicode_IsSpace(cp),
            AdUnicode_IsLower(cp), AdUnicode_IsUpper(cp),
            /* str.istitle of one character: upper or title case */
            AdUnicode_IsUpper(cp) || AdUnicode_IsTitle(cp),
            AdUnicode_IsPrintable(cp), AdUnicode_IsIdentifierStart(cp),
            AdUnicode_IsIdentifierContinue(cp), AdUnicode_IsLinebreak(cp),
            !(nl == 1 && lower[0] == cp), !(nu == 1 && upper[0] == cp),
        };
        unsigned flags = 0;
        for (unsigned i = 0; i < sizeof bits / sizeof bits[0]; i++)
            if (bits[i])
                flags |= 1u << i;
        if (flags != want_flags) {
            snprintf(got, sizeof got, "%X (xor %X)", flags, flags ^ want_flags);
            mismatch(cp, "predicates", w[8], got);
        }
        snprintf(got, sizeof got, "%d", AdUnicode_Decimal(cp));
        if (strcmp(got, w[9]) != 0)
            mismatch(cp, "decimal", w[9], got);
        snprintf(got, sizeof got, "%d", AdUnicode_Digit(cp));
        if (strcmp(got, w[10]) != 0)
            mismatch(cp, "digit", w[10], got);
    }
}

START_TEST(test_unicode_properties_all_code_points)
{
    load_age();
    mismatches = 0;
    memset(seen, 0, sizeof seen);
    int lines = for_lines('P', check_props);
    ck_assert_int_gt(lines, 1000);
    for (uint32_t cp = 0; cp < NCP; cp++)
        ck_assert_msg(seen[cp], "U+%04X not covered by the expectations", cp);
    ck_assert_msg(mismatches == 0, "%d property mismatches", mismatches);
}
END_TEST

/* Numeric values: compared as doubles parsed from CPython's repr. */
static void check_numeric(char **w, int n)
{
    (void)n;
    uint32_t first = hex(w[1]), last = hex(w[2]);
    for (uint32_t cp = first; cp <= last; cp++) {
        if (!in_15[cp] && strcmp(w[3], "Cn") != 0)
            continue;
        double v = 0;
        int has = AdUnicode_Numeric(cp, &v);
        char got[64];
        snprintf(got, sizeof got, has ? "%.17g" : "-", v);
        if (strcmp(w[11], "-") == 0) {
            if (has)
                mismatch(cp, "numeric", w[11], got);
        } else if (!has || v != strtod(w[11], NULL)) {
            mismatch(cp, "numeric", w[11], got);
        }
    }
}

START_TEST(test_unicode_numeric)
{
    load_age();
    mismatches = 0;
    for_lines('P', check_numeric);
    ck_assert_msg(mismatches == 0, "%d numeric mismatches", mismatches);
    double v;
    ck_assert(AdUnicode_Numeric(0xBD, &v) && v == 0.5);
    ck_assert(AdUnicode_Numeric(0x4E07, &v) && v == 10000.0);   /* Unihan */
    ck_assert(AdUnicode_Numeric(0x0F33, &v) && v == -0.5);
    ck_assert(!AdUnicode_Numeric('a', &v));
}
END_TEST

/* ---- case mappings ---- */

static void check_case(char **w, int n)
{
    ck_assert_int_eq(n, 6);
    uint32_t cp = hex(w[1]);
    seen[cp] = 1;
    if (!in_15[cp])
        return;
    static const char *fields[] = {"lower", "upper", "title", "casefold"};
    int (*fns[])(uint32_t, uint32_t *) = {AdUnicode_ToLowerFull, AdUnicode_ToUpperFull,
                                          AdUnicode_ToTitleFull, AdUnicode_CaseFold};
    for (int k = 0; k < 4; k++) {
        uint32_t want[8], got[AD_UNICODE_CASE_MAX];
        size_t nw = parse_list(w[2 + k], want, 8);
        int ng = fns[k](cp, got);
        if ((size_t)ng != nw || memcmp(want, got, nw * sizeof want[0]) != 0) {
            char g[64];
            format_list(got, (size_t)ng, g, sizeof g);
            mismatch(cp, fields[k], w[2 + k], g);
        }
    }
}

START_TEST(test_unicode_case_mappings)
{
    load_age();
    mismatches = 0;
    memset(seen, 0, sizeof seen);
    int lines = for_lines('C', check_case);
    ck_assert_int_gt(lines, 2000);
    /* Every other code point maps to itself. */
    for (uint32_t cp = 0; cp < NCP; cp++) {
        if (seen[cp] || !in_15[cp] || (cp >= 0xD800 && cp <= 0xDFFF))
            continue;
        uint32_t out[AD_UNICODE_CASE_MAX];
        int (*fns[])(uint32_t, uint32_t *) = {AdUnicode_ToLowerFull, AdUnicode_ToUpperFull,
                                              AdUnicode_ToTitleFull, AdUnicode_CaseFold};
        for (int k = 0; k < 4; k++)
            if (fns[k](cp, out) != 1 || out[0] != cp)
                mismatch(cp, "case identity", "itself", "other");
    }
    ck_assert_msg(mismatches == 0, "%d case mismatches", mismatches);
}
END_TEST

START_TEST(test_unicode_simple_case)
{
    ck_assert_uint_eq(AdUnicode_ToLower('A'), 'a');
    ck_assert_uint_eq(AdUnicode_ToUpper('a'), 'A');
    ck_assert_uint_eq(AdUnicode_ToLower(0x130), 0x69);      /* simple İ -> i */
    ck_assert_uint_eq(AdUnicode_ToUpper(0xDF), 0xDF);       /* ß has no simple upper */
    ck_assert_uint_eq(AdUnicode_ToTitle(0x1C6), 0x1C5);     /* ǆ -> ǅ */
    ck_assert_uint_eq(AdUnicode_ToUpper(0x1C5), 0x1C4);
    ck_assert_uint_eq(AdUnicode_ToTitle('a'), 'A');         /* title defaults to upper */
    ck_assert_uint_eq(AdUnicode_ToUpper(0x10428), 0x10400); /* Deseret */
    ck_assert_uint_eq(AdUnicode_ToLower(0x3A3), 0x3C3);
    uint32_t out[AD_UNICODE_CASE_MAX];
    ck_assert_int_eq(AdUnicode_ToUpperFull(0x1F80, out), 2); /* ᾀ -> ἈΙ */
    ck_assert_int_eq(AdUnicode_ToUpperFull(0x390, out), 3);
    ck_assert(AdUnicode_IsCased('a') && AdUnicode_IsCased(0x2160) && !AdUnicode_IsCased('1'));
    ck_assert(AdUnicode_IsCaseIgnorable('\'') && AdUnicode_IsCaseIgnorable(0x301) &&
              !AdUnicode_IsCaseIgnorable('a'));
}
END_TEST

/* ---- decompositions ---- */

static void check_decomp(char **w, int n)
{
    ck_assert_int_eq(n, 3);
    uint32_t cp = hex(w[1]);
    seen[cp] = 1;
    if (!in_15[cp])
        return;
    for (char *p = w[2]; *p; p++)
        if (*p == '_')
            *p = ' ';
    char got[200];
    AdUnicode_DecompositionString(cp, got, sizeof got);
    if (strcmp(got, w[2]) != 0)
        mismatch(cp, "decomposition", w[2], got);
}

START_TEST(test_unicode_decomposition)
{
    load_age();
    mismatches = 0;
    memset(seen, 0, sizeof seen);
    int lines = for_lines('D', check_decomp);
    ck_assert_int_gt(lines, 5000);
    for (uint32_t cp = 0; cp < NCP; cp++) {
        char got[200];
        if (!seen[cp] && in_15[cp] && AdUnicode_DecompositionString(cp, got, sizeof got))
            mismatch(cp, "decomposition", "", got);
    }
    ck_assert_msg(mismatches == 0, "%d decomposition mismatches", mismatches);
    uint32_t out[AD_UNICODE_DECOMP_MAX];
    AdUnicodeDecompType type;
    ck_assert_int_eq(AdUnicode_Decomposition(0xFDFA, &type, out), 18);
    ck_assert_int_eq(type, AD_UDECOMP_ISOLATED);
    ck_assert_int_eq(AdUnicode_Decomposition(0xC5, &type, out), 2);
    ck_assert_int_eq(type, AD_UDECOMP_CANONICAL);
    ck_assert_int_eq(AdUnicode_Decomposition(0xAC00, &type, out), 0);
    char small[4];
    ck_assert_uint_eq(AdUnicode_DecompositionString(0xBD, small, sizeof small), 25);
    ck_assert_str_eq(small, "<fr");
}
END_TEST

/* ---- normalization ---- */

static const AdUnicodeForm forms[4] = {AD_UNICODE_NFC, AD_UNICODE_NFD, AD_UNICODE_NFKC, AD_UNICODE_NFKD};
static const char *form_names[4] = {"NFC", "NFD", "NFKC", "NFKD"};

static void check_forms(uint32_t where, const uint32_t *src, size_t n, char **want)
{
    for (int k = 0; k < 4; k++) {
        uint32_t exp[64], got[64];
        size_t ne = parse_list(want[k], exp, 64);
        size_t need = AdUnicode_Normalize(forms[k], src, n, NULL, 0);
        ck_assert(need <= n * AD_UNICODE_DECOMP_MAX);
        ck_assert(need <= 64);
        size_t ng = AdUnicode_Normalize(forms[k], src, n, got, need);
        ck_assert(ng <= need);
        if (ng != ne || memcmp(exp, got, ne * sizeof exp[0]) != 0) {
            char g[512];
            format_list(got, ng, g, sizeof g);
            mismatch(where, form_names[k], want[k], g);
        }
        /* A result that fits exactly, and one that does not. */
        if (ne > 0) {
            uint32_t exact[64];
            ck_assert_uint_eq(AdUnicode_Normalize(forms[k], src, n, exact, need), ng);
            ck_assert_uint_gt(AdUnicode_Normalize(forms[k], src, n, exact, need - 1), need - 1);
        }
    }
}

static void check_norm(char **w, int n)
{
    ck_assert_int_eq(n, 7);
    uint32_t cp = hex(w[1]);
    seen[cp] = 1;
    if (!in_15[cp])
        return;
    check_forms(cp, &cp, 1, w + 2);
    unsigned want_qc = hex(w[6]), qc = 0;
    for (int k = 0; k < 4; k++) {
        int r = AdUnicode_IsNormalized(forms[k], &cp, 1);
        ck_assert_int_ge(r, 0);
        if (r)
            qc |= 1u << k;
    }
    if (qc != want_qc) {
        char g[16];
        snprintf(g, sizeof g, "%X", qc);
        mismatch(cp, "is_normalized", w[6], g);
    }
}

START_TEST(test_unicode_normalize_code_points)
{
    load_age();
    mismatches = 0;
    memset(seen, 0, sizeof seen);
    int lines = for_lines('N', check_norm);
    ck_assert_int_gt(lines, 5000);
    for (uint32_t cp = 0; cp < NCP; cp++) {
        if (seen[cp] || !in_15[cp] || (cp >= 0xAC00 && cp <= 0xD7A3))
            continue;
        for (int k = 0; k < 4; k++) {
            uint32_t out[AD_UNICODE_DECOMP_MAX];
            size_t r = AdUnicode_Normalize(forms[k], &cp, 1, out, AD_UNICODE_DECOMP_MAX);
            if (r != 1 || out[0] != cp)
                mismatch(cp, form_names[k], "itself", "other");
            if (AdUnicode_IsNormalized(forms[k], &cp, 1) != 1)
                mismatch(cp, "is_normalized", "1", "0");
        }
    }
    ck_assert_msg(mismatches == 0, "%d normalization mismatches", mismatches);
}
END_TEST

static void check_seq(char **w, int n)
{
    ck_assert_int_eq(n, 6);
    uint32_t src[16];
    size_t ns = parse_list(w[1], src, 16);
    for (size_t i = 0; i < ns; i++)
        if (!in_15[src[i]])
            return;
    check_forms(src[0], src, ns, w + 2);
    /* is_normalized agrees with the forms. */
    for (int k = 0; k < 4; k++) {
        uint32_t exp[64];
        size_t ne = parse_list(w[2 + k], exp, 64);
        int same = ne == ns && memcmp(exp, src, ns * sizeof src[0]) == 0;
        if (AdUnicode_IsNormalized(forms[k], src, ns) != same)
            mismatch(src[0], "is_normalized(sequence)", w[1], form_names[k]);
        AdUnicodeQuickCheck qc = AdUnicode_QuickCheck(forms[k], src, ns);
        if ((qc == AD_UNICODE_QC_YES && !same) || (qc == AD_UNICODE_QC_NO && same))
            mismatch(src[0], "quick check", w[1], form_names[k]);
    }
}

START_TEST(test_unicode_normalize_sequences)
{
    load_age();
    mismatches = 0;
    int lines = for_lines('S', check_seq);
    ck_assert_int_ge(lines, 1000);
    ck_assert_msg(mismatches == 0, "%d sequence normalization mismatches", mismatches);
    ck_assert_uint_eq(AdUnicode_Normalize(AD_UNICODE_NFC, NULL, 0, NULL, 0), 0);
    AdUnicodeForm f;
    ck_assert(AdUnicode_FormFromName("NFKC", &f) && f == AD_UNICODE_NFKC);
    ck_assert(!AdUnicode_FormFromName("nfc", &f));
}
END_TEST

/* ---- names ---- */

static void check_name(char **w, int n)
{
    ck_assert_int_eq(n, 3);
    uint32_t cp = hex(w[1]);
    if (!in_15[cp])
        return;
    for (char *p = w[2]; *p; p++)
        if (*p == '_')
            *p = ' ';
    char got[AD_UNICODE_NAME_MAX];
    size_t len = AdUnicode_Name(cp, got, sizeof got);
    if (len != strlen(w[2]) || strcmp(got, w[2]) != 0)
        mismatch(cp, "name", w[2], got);
    uint32_t out[AD_UNICODE_SEQUENCE_MAX];
    if (AdUnicode_Lookup(w[2], strlen(w[2]), 0, out) != 1 || out[0] != cp)
        mismatch(cp, "lookup", w[2], "other");
    /* Names are case-insensitive, except the algorithmic ones (as CPython). */
    if (strncmp(w[2], "HANGUL SYLLABLE ", 16) == 0 || strncmp(w[2], "CJK UNIFIED IDEOGRAPH-", 22) == 0)
        return;
    for (char *p = w[2]; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    if (AdUnicode_Lookup(w[2], strlen(w[2]), 0, out) != 1 || out[0] != cp)
        mismatch(cp, "lookup(lower case)", w[2], "other");
}

START_TEST(test_unicode_names)
{
    load_age();
    mismatches = 0;
    int lines = for_lines('A', check_name);
    ck_assert_int_gt(lines, 5000);
    ck_assert_msg(mismatches == 0, "%d name mismatches", mismatches);
    char buf[AD_UNICODE_NAME_MAX];
    ck_assert_uint_eq(AdUnicode_Name(0, buf, sizeof buf), 0);        /* control */
    ck_assert_uint_eq(AdUnicode_Name(0x378, buf, sizeof buf), 0);    /* unassigned */
    ck_assert_uint_eq(AdUnicode_Name(0xE000, buf, sizeof buf), 0);   /* private use */
    ck_assert_uint_eq(AdUnicode_Name(0x17000, buf, sizeof buf), 0);  /* Tangut */
    ck_assert_uint_eq(AdUnicode_Name(0x110000, buf, sizeof buf), 0);
    ck_assert_uint_eq(AdUnicode_Name(0x41, buf, 6), 22);
    ck_assert_str_eq(buf, "LATIN");
    uint32_t out[AD_UNICODE_SEQUENCE_MAX];
    ck_assert_uint_eq(AdUnicode_Lookup("no such name", 12, 0, out), 0);
    ck_assert_uint_eq(AdUnicode_Lookup("HANGUL SYLLABLE GAX", 19, 0, out), 0);
    ck_assert_uint_eq(AdUnicode_Lookup("CJK UNIFIED IDEOGRAPH-4E0", 25, 0, out), 0);
    ck_assert_uint_eq(AdUnicode_Lookup("CJK UNIFIED IDEOGRAPH-0041", 26, 0, out), 0);
    ck_assert_uint_eq(AdUnicode_Lookup("hangul syllable hih", 19, 0, out), 0);
    ck_assert_uint_eq(AdUnicode_Lookup("cjk unified ideograph-4E00", 26, 0, out), 0);
    ck_assert_uint_eq(AdUnicode_Lookup("CJK UNIFIED IDEOGRAPH-4e00", 26, 0, out), 0);
    ck_assert_uint_eq(AdUnicode_Lookup("CJK UNIFIED IDEOGRAPH-04E00", 27, 0, out), 1);
    ck_assert_uint_eq(out[0], 0x4E00);
    ck_assert_uint_eq(AdUnicode_Lookup("HANGUL SYLLABLE HIH", 19, 0, out), 1);
    ck_assert_uint_eq(out[0], 0xD7A3);
    ck_assert_uint_eq(AdUnicode_Lookup("LATIN SMALL LETTER A", 19, 0, out), 0); /* prefix */
}
END_TEST

/* Every name names its code point, and back (hash, rank and select). */
START_TEST(test_unicode_names_round_trip)
{
    size_t named = 0;
    for (uint32_t cp = 0; cp < NCP; cp++) {
        char buf[AD_UNICODE_NAME_MAX];
        size_t len = AdUnicode_Name(cp, buf, sizeof buf);
        if (len == 0)
            continue;
        named++;
        ck_assert_uint_lt(len, AD_UNICODE_NAME_MAX);
        ck_assert_uint_eq(strlen(buf), len);
        uint32_t out[AD_UNICODE_SEQUENCE_MAX];
        ck_assert_msg(AdUnicode_Lookup(buf, len, AD_UNICODE_LOOKUP_SEQUENCES, out) == 1 && out[0] == cp,
                      "lookup of %s", buf);
    }
    /* 34,823 listed names, 97,046 ideographs of the CJK ranges, 11,172 syllables. */
    ck_assert_uint_eq(named, 34823 + 97046 + 11172);
}
END_TEST

static int nsequences;

static void check_lookup(char **w, int n)
{
    ck_assert_int_eq(n, 3);
    uint32_t want[8], got[AD_UNICODE_SEQUENCE_MAX];
    size_t nw = parse_list(w[2], want, 8);
    for (size_t i = 0; i < nw; i++)
        if (!in_15[want[i]])
            return;
    for (char *p = w[1]; *p; p++)
        if (*p == '_')
            *p = ' ';
    size_t ng = AdUnicode_Lookup(w[1], strlen(w[1]), AD_UNICODE_LOOKUP_SEQUENCES, got);
    if (ng != nw || memcmp(want, got, nw * sizeof want[0]) != 0) {
        char g[64];
        format_list(got, ng, g, sizeof g);
        mismatch(want[0], w[1], w[2], g);
    }
    /* Without the flag, only single characters (aliases) are found. */
    size_t plain = AdUnicode_Lookup(w[1], strlen(w[1]), 0, got);
    if (nw > 1) {
        nsequences++;
        if (plain != 0)
            mismatch(want[0], w[1], "no match without flag", "match");
    } else if (plain != 1) {
        mismatch(want[0], w[1], "alias", "no match");
    }
}

START_TEST(test_unicode_aliases_and_sequences)
{
    load_age();
    mismatches = 0;
    nsequences = 0;
    int lines = for_lines('L', check_lookup);
    ck_assert_int_gt(lines, 900);
    ck_assert_int_gt(nsequences, 400);
    ck_assert_msg(mismatches == 0, "%d lookup mismatches", mismatches);
}
END_TEST

/* ---- edges and sizes ---- */

START_TEST(test_unicode_edges)
{
    uint32_t big[] = {0x110000, 0x7FFFFFFF, 0xFFFFFFFF};
    for (size_t i = 0; i < 3; i++) {
        uint32_t cp = big[i], out[AD_UNICODE_DECOMP_MAX];
        ck_assert_int_eq(AdUnicode_Category(cp), AD_UCAT_Cn);
        ck_assert_str_eq(AdUnicode_BidirectionalName(cp), "");
        ck_assert_int_eq(AdUnicode_Combining(cp), 0);
        ck_assert(!AdUnicode_IsPrintable(cp) && !AdUnicode_IsAlpha(cp) && !AdUnicode_IsSpace(cp));
        ck_assert_int_eq(AdUnicode_Decomposition(cp, NULL, out), 0);
        ck_assert_int_eq(AdUnicode_Decimal(cp), -1);
        ck_assert_int_eq(AdUnicode_ToLowerFull(cp, out), 1);
        ck_assert_uint_eq(out[0], cp);
        ck_assert_uint_eq(AdUnicode_ToUpper(cp), cp);
        ck_assert_uint_eq(AdUnicode_Normalize(AD_UNICODE_NFKC, &cp, 1, out, 4), 1);
        ck_assert_uint_eq(out[0], cp);
    }
    ck_assert_str_eq(AdUnicode_CategoryName(0xD800), "Cs");
    ck_assert_str_eq(AdUnicode_CategoryString(AD_UCAT_Lu), "Lu");
    ck_assert_str_eq(AdUnicode_BidirectionalString(AD_UBIDI_AL), "AL");
    ck_assert_int_eq(AdUnicode_EastAsianWidth(0x3042), AD_UEAW_W);
    ck_assert(AdUnicode_IsIdentifierStart('_') && !AdUnicode_IsXidStart('_'));
    ck_assert(AdUnicode_IsIdentifierContinue('_') && AdUnicode_IsIdentifierContinue('7'));
    ck_assert(!AdUnicode_IsIdentifierStart('7'));
    ck_assert(AdUnicode_IsSpace(0x1C) && AdUnicode_IsSpace(0x85) && AdUnicode_IsSpace(0x3000));
    ck_assert(!AdUnicode_IsSpace(0x200B));
    ck_assert(AdUnicode_IsLinebreak(0x0B) && AdUnicode_IsLinebreak(0x2028) && !AdUnicode_IsLinebreak(' '));
    ck_assert(AdUnicode_IsPrintable(' ') && !AdUnicode_IsPrintable(0xA0) && !AdUnicode_IsPrintable(0xAD));
    ck_assert(AdUnicode_IsNumeric(0x4E00) && !AdUnicode_IsDigit(0x4E00));
    ck_assert(AdUnicode_IsDigit(0xB2) && !AdUnicode_IsDecimal(0xB2));
}
END_TEST

START_TEST(test_unicode_table_sizes)
{
    size_t bytes = AdUnicode_TableBytes();
    fprintf(stderr, "unicode_db: tables %zu bytes\n", bytes);
    ck_assert_uint_gt(bytes, 100 * 1024);
    ck_assert_uint_lt(bytes, 800 * 1024);
}
END_TEST

Suite *unicode_db_suite(void)
{
    Suite *s = suite_create("unicode_db");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_unicode_properties_all_code_points);
    tcase_add_test(tc, test_unicode_numeric);
    tcase_add_test(tc, test_unicode_case_mappings);
    tcase_add_test(tc, test_unicode_simple_case);
    tcase_add_test(tc, test_unicode_decomposition);
    tcase_add_test(tc, test_unicode_normalize_code_points);
    tcase_add_test(tc, test_unicode_normalize_sequences);
    tcase_add_test(tc, test_unicode_names);
    tcase_add_test(tc, test_unicode_names_round_trip);
    tcase_add_test(tc, test_unicode_aliases_and_sequences);
    tcase_add_test(tc, test_unicode_edges);
    tcase_add_test(tc, test_unicode_table_sizes);
    suite_add_tcase(s, tc);
    return s;
}
