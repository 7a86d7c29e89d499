/* unicode_db.h -- the Unicode character database of Adder: the one place
 * every room asks about code points (str methods, the unicodedata module,
 * the tokenizer's identifiers and \N{...} escapes, repr, re).
 *
 * Owns: character properties (category, bidirectional class, combining
 * class, mirrored, East Asian width, decomposition, decimal/digit/numeric
 * values, names and aliases), Python's str predicates, simple and full
 * case mappings and case folding, and NFC/NFD/NFKC/NFKD normalization.
 * Implemented in src/unicode/unicode_db.c, unicode_normalize.c and
 * unicode_names.c over tables that src/unicode/gen/ucd_gen.c generates at
 * build time (src/unicode/unicode.mk) into build/gen/unicode/.
 *
 * Data version: UCD 15.0.0, Debian 12's unicode-data package.  CPython
 * 3.14 has UCD 16.0.0: characters new in 16.0 are unassigned here, and
 * the few properties 16.0 changed keep their 15.0 values.
 *
 * Conventions: code points are uint32_t; anything above 0x10FFFF behaves
 * as an unassigned code point (category Cn, no name, maps to itself).
 * Surrogates (U+D800..U+DFFF) are category Cs as in CPython.  Every
 * function is pure: no allocation (except AdUnicode_IsNormalized, which
 * says so), no global state, safe from any thread.  Predicates return 1
 * or 0.  Functions that write code points into a caller's buffer say how
 * big the buffer must be.
 */
#ifndef ADDER_UNICODE_DB_H
#define ADDER_UNICODE_DB_H

#include <stddef.h>
#include <stdint.h>

#define AD_UNICODE_VERSION "15.0.0"   /* unicodedata.unidata_version */
#define AD_UNICODE_MAX 0x10FFFFu

/* General category.  Order is Adder's own; names via AdUnicode_CategoryName. */
typedef enum {
    AD_UCAT_Cn, AD_UCAT_Lu, AD_UCAT_Ll, AD_UCAT_Lt, AD_UCAT_Lm, AD_UCAT_Lo,
    AD_UCAT_Mn, AD_UCAT_Mc, AD_UCAT_Me, AD_UCAT_Nd, AD_UCAT_Nl, AD_UCAT_No,
    AD_UCAT_Pc, AD_UCAT_Pd, AD_UCAT_Ps, AD_UCAT_Pe, AD_UCAT_Pi, AD_UCAT_Pf,
    AD_UCAT_Po, AD_UCAT_Sm, AD_UCAT_Sc, AD_UCAT_Sk, AD_UCAT_So, AD_UCAT_Zs,
    AD_UCAT_Zl, AD_UCAT_Zp, AD_UCAT_Cc, AD_UCAT_Cf, AD_UCAT_Cs, AD_UCAT_Co,
    AD_UCAT_COUNT
} AdUnicodeCategory;

/* Bidirectional class; AD_UBIDI_NONE ("") for unassigned code points. */
typedef enum {
    AD_UBIDI_NONE, AD_UBIDI_L, AD_UBIDI_R, AD_UBIDI_AL, AD_UBIDI_EN,
    AD_UBIDI_ES, AD_UBIDI_ET, AD_UBIDI_AN, AD_UBIDI_CS, AD_UBIDI_NSM,
    AD_UBIDI_BN, AD_UBIDI_B, AD_UBIDI_S, AD_UBIDI_WS, AD_UBIDI_ON,
    AD_UBIDI_LRE, AD_UBIDI_LRO, AD_UBIDI_RLE, AD_UBIDI_RLO, AD_UBIDI_PDF,
    AD_UBIDI_LRI, AD_UBIDI_RLI, AD_UBIDI_FSI, AD_UBIDI_PDI, AD_UBIDI_COUNT
} AdUnicodeBidi;

/* East Asian width ("N", "A", "H", "W", "F", "Na"). */
typedef enum {
    AD_UEAW_N, AD_UEAW_A, AD_UEAW_H, AD_UEAW_W, AD_UEAW_F, AD_UEAW_Na,
    AD_UEAW_COUNT
} AdUnicodeEastAsianWidth;

/* Decomposition type: canonical, or the compatibility tag ("<font>" ...). */
typedef enum {
    AD_UDECOMP_CANONICAL, AD_UDECOMP_FONT, AD_UDECOMP_NOBREAK,
    AD_UDECOMP_INITIAL, AD_UDECOMP_MEDIAL, AD_UDECOMP_FINAL,
    AD_UDECOMP_ISOLATED, AD_UDECOMP_CIRCLE, AD_UDECOMP_SUPER, AD_UDECOMP_SUB,
    AD_UDECOMP_VERTICAL, AD_UDECOMP_WIDE, AD_UDECOMP_NARROW,
    AD_UDECOMP_SMALL, AD_UDECOMP_SQUARE, AD_UDECOMP_FRACTION,
    AD_UDECOMP_COMPAT, AD_UDECOMP_COUNT
} AdUnicodeDecompType;

/* ---- properties (the unicodedata module) ---- */

AdUnicodeCategory AdUnicode_Category(uint32_t cp);
/* Two-letter name of CP's category ("Lu"); of an enum value. Static strings. */
const char *AdUnicode_CategoryName(uint32_t cp);
const char *AdUnicode_CategoryString(AdUnicodeCategory cat);
AdUnicodeBidi AdUnicode_Bidirectional(uint32_t cp);
/* unicodedata.bidirectional: "L", "AL", ... or "" (unassigned). Static. */
const char *AdUnicode_BidirectionalName(uint32_t cp);
const char *AdUnicode_BidirectionalString(AdUnicodeBidi bidi);
int AdUnicode_Combining(uint32_t cp);          /* canonical combining class */
int AdUnicode_Mirrored(uint32_t cp);
AdUnicodeEastAsianWidth AdUnicode_EastAsianWidth(uint32_t cp);
const char *AdUnicode_EastAsianWidthName(uint32_t cp);   /* static string */

/* The decomposition mapping of CP as UnicodeData.txt gives it (one level,
 * not recursive; none for Hangul syllables, as unicodedata.decomposition).
 * Writes up to AD_UNICODE_DECOMP_MAX code points into OUT and the type into
 * *TYPE (may be NULL); returns the count, 0 when CP has no mapping. */
#define AD_UNICODE_DECOMP_MAX 18
int AdUnicode_Decomposition(uint32_t cp, AdUnicodeDecompType *type, uint32_t *out);
/* unicodedata.decomposition(chr(CP)) ("<compat> 0020 0308", "" if none),
 * NUL-terminated into BUF of CAP bytes (truncated if short; 160 suffice).
 * Returns the full length. */
size_t AdUnicode_DecompositionString(uint32_t cp, char *buf, size_t cap);

/* unicodedata.decimal / digit: the value 0..9, or -1 when CP has none. */
int AdUnicode_Decimal(uint32_t cp);
int AdUnicode_Digit(uint32_t cp);
/* unicodedata.numeric: 1 and the value in *VALUE (fractions such as U+00BD
 * give 0.5; Unihan numerics included), or 0 when CP has none. */
int AdUnicode_Numeric(uint32_t cp, double *value);

/* ---- Python's str predicates (per code point, as CPython 3.14) ---- */

int AdUnicode_IsAlpha(uint32_t cp);      /* category Lu Ll Lt Lm Lo */
int AdUnicode_IsDecimal(uint32_t cp);    /* has a decimal value */
int AdUnicode_IsDigit(uint32_t cp);      /* has a digit value */
int AdUnicode_IsNumeric(uint32_t cp);    /* has a numeric value */
int AdUnicode_IsAlnum(uint32_t cp);      /* alpha, decimal, digit or numeric */
int AdUnicode_IsSpace(uint32_t cp);      /* bidi WS/B/S or category Zs */
int AdUnicode_IsLower(uint32_t cp);      /* Lowercase property */
int AdUnicode_IsUpper(uint32_t cp);      /* Uppercase property */
int AdUnicode_IsTitle(uint32_t cp);      /* category Lt */
int AdUnicode_IsCased(uint32_t cp);      /* Cased (str.istitle, final sigma) */
int AdUnicode_IsCaseIgnorable(uint32_t cp); /* Case_Ignorable (final sigma) */
int AdUnicode_IsPrintable(uint32_t cp);  /* str.isprintable of chr(CP) */
int AdUnicode_IsXidStart(uint32_t cp);   /* XID_Start */
int AdUnicode_IsXidContinue(uint32_t cp); /* XID_Continue */
/* str.isidentifier: the first character is XID_Start or '_', the others
 * XID_Continue. */
int AdUnicode_IsIdentifierStart(uint32_t cp);
int AdUnicode_IsIdentifierContinue(uint32_t cp);
int AdUnicode_IsLinebreak(uint32_t cp);  /* str.splitlines splits here */

/* ---- case mapping ---- */

/* Simple (one-to-one) mappings of UnicodeData.txt. */
uint32_t AdUnicode_ToLower(uint32_t cp);
uint32_t AdUnicode_ToUpper(uint32_t cp);
uint32_t AdUnicode_ToTitle(uint32_t cp);
/* Full mappings (SpecialCasing.txt's unconditional entries, as str.lower,
 * str.upper, str.title and str.capitalize use them; the final-sigma rule is
 * the caller's, with AdUnicode_IsCased/IsCaseIgnorable) and full case
 * folding (CaseFolding.txt statuses C and F, as str.casefold).  Write 1..3
 * code points into OUT (room for AD_UNICODE_CASE_MAX) and return the count. */
#define AD_UNICODE_CASE_MAX 3
int AdUnicode_ToLowerFull(uint32_t cp, uint32_t *out);
int AdUnicode_ToUpperFull(uint32_t cp, uint32_t *out);
int AdUnicode_ToTitleFull(uint32_t cp, uint32_t *out);
int AdUnicode_CaseFold(uint32_t cp, uint32_t *out);

/* ---- normalization ---- */

typedef enum { AD_UNICODE_NFC, AD_UNICODE_NFD, AD_UNICODE_NFKC, AD_UNICODE_NFKD } AdUnicodeForm;
typedef enum { AD_UNICODE_QC_NO, AD_UNICODE_QC_YES, AD_UNICODE_QC_MAYBE } AdUnicodeQuickCheck;

/* "NFC", "NFD", "NFKC", "NFKD" (exact, as unicodedata.normalize): 1 and
 * *FORM, or 0 for any other name. */
int AdUnicode_FormFromName(const char *name, AdUnicodeForm *form);

/* Normalizes SRC[0..N) into DST (room for CAP code points; DST must not
 * overlap SRC).  Returns the length of the result when it fits in CAP.
 * Otherwise returns a number greater than CAP that is a sufficient
 * capacity (the length of the full decomposition), so that the call can
 * be repeated with a buffer of that size; DST is then unspecified.
 * N * AD_UNICODE_DECOMP_MAX always suffices.  Never allocates. */
size_t AdUnicode_Normalize(AdUnicodeForm form, const uint32_t *src, size_t n,
                           uint32_t *dst, size_t cap);

/* The quick check of UAX #15 over SRC[0..N): YES (normalized), NO (not), or
 * MAYBE (only normalizing tells). */
AdUnicodeQuickCheck AdUnicode_QuickCheck(AdUnicodeForm form, const uint32_t *src, size_t n);

/* unicodedata.is_normalized: 1 or 0; -1 when a needed temporary buffer
 * cannot be allocated (malloc; no exception is set). */
int AdUnicode_IsNormalized(AdUnicodeForm form, const uint32_t *src, size_t n);

/* ---- names ---- */

/* Room for any name AdUnicode_Name writes, with its NUL. */
#define AD_UNICODE_NAME_MAX 128
/* Most code points a named sequence has. */
#define AD_UNICODE_SEQUENCE_MAX 4

/* unicodedata.name(chr(CP)): writes the NUL-terminated name into BUF (CAP
 * bytes; truncated when short) and returns its length, or returns 0 when
 * CP has no name (controls, unassigned, private use, surrogates, Tangut
 * ideographs as in CPython).  Hangul syllables and CJK unified ideographs
 * are named algorithmically. */
size_t AdUnicode_Name(uint32_t cp, char *buf, size_t cap);

/* Lookup of a character name (unicodedata.lookup and \N{...}): names and
 * name aliases (NameAliases.txt), case-insensitively; "HANGUL SYLLABLE ..."
 * and "CJK UNIFIED IDEOGRAPH-" with 4 or 5 hex digits case-sensitively
 * (upper case only, as CPython does); with AD_UNICODE_LOOKUP_SEQUENCES also the
 * named sequences (NamedSequences.txt; unicodedata.lookup accepts them,
 * \N{...} does not).  Writes the code points into OUT (room for
 * AD_UNICODE_SEQUENCE_MAX) and returns their count, or 0 when not found. */
#define AD_UNICODE_LOOKUP_SEQUENCES 1
size_t AdUnicode_Lookup(const char *name, size_t len, int flags, uint32_t *out);

/* ---- introspection ---- */

/* Bytes of read-only data the generated tables occupy. */
size_t AdUnicode_TableBytes(void);

#endif /* ADDER_UNICODE_DB_H */
