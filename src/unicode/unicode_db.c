/* unicode_db.c -- character properties, str predicates and case mappings
 * of unicode_db.h, read from the generated records (unicode_tables.h).
 *
 * Owns: the per-code-point lookups; normalization is in
 * unicode_normalize.c and names in unicode_names.c.
 */
#include "unicode/unicode_db.h"

#include <stdio.h>
#include <string.h>

#include "unicode/unicode_tables.h"

static const char *const category_names[] = {UNICODE_CATEGORY_NAMES};
static const char *const bidi_names[] = {UNICODE_BIDI_NAMES};
static const char *const eaw_names[] = {UNICODE_EAW_NAMES};
static const char *const decomp_type_names[] = {UNICODE_DECOMP_TYPE_NAMES};

/* The record of CP.  Code points beyond U+10FFFF read the record of
 * U+10FFFF, a noncharacter: unassigned, with no properties. */
static const unicode_record *record(uint32_t cp)
{
    if (cp > AD_UNICODE_MAX)
        cp = AD_UNICODE_MAX;
    return &unicode_records[unicode_record_index(cp)];
}

static int has_flag(uint32_t cp, uint32_t flag)
{
    return (record(cp)->flags & flag) != 0;
}

AdUnicodeCategory AdUnicode_Category(uint32_t cp)
{
    return (AdUnicodeCategory)record(cp)->category;
}

const char *AdUnicode_CategoryString(AdUnicodeCategory cat)
{
    return (unsigned)cat < AD_UCAT_COUNT ? category_names[cat] : "Cn";
}

const char *AdUnicode_CategoryName(uint32_t cp)
{
    return category_names[record(cp)->category];
}

AdUnicodeBidi AdUnicode_Bidirectional(uint32_t cp)
{
    return (AdUnicodeBidi)record(cp)->bidi;
}

const char *AdUnicode_BidirectionalString(AdUnicodeBidi bidi)
{
    return (unsigned)bidi < AD_UBIDI_COUNT ? bidi_names[bidi] : "";
}

const char *AdUnicode_BidirectionalName(uint32_t cp)
{
    return bidi_names[record(cp)->bidi];
}

int AdUnicode_Combining(uint32_t cp)
{
    return record(cp)->combining;
}

int AdUnicode_Mirrored(uint32_t cp)
{
    return has_flag(cp, UNICODE_MIRRORED);
}

AdUnicodeEastAsianWidth AdUnicode_EastAsianWidth(uint32_t cp)
{
    return (AdUnicodeEastAsianWidth)record(cp)->east_asian_width;
}

const char *AdUnicode_EastAsianWidthName(uint32_t cp)
{
    return eaw_names[record(cp)->east_asian_width];
}

int AdUnicode_Decomposition(uint32_t cp, AdUnicodeDecompType *type, uint32_t *out)
{
    if (cp > AD_UNICODE_MAX)
        return 0;
    unsigned i = unicode_decomp_index(cp);
    if (i == 0)
        return 0;
    unsigned t;
    int n = (int)unicode_decomp_read(i, &t, out);
    if (type)
        *type = (AdUnicodeDecompType)t;
    return n;
}

size_t AdUnicode_DecompositionString(uint32_t cp, char *buf, size_t cap)
{
    uint32_t cps[AD_UNICODE_DECOMP_MAX];
    AdUnicodeDecompType type = AD_UDECOMP_CANONICAL;
    int n = AdUnicode_Decomposition(cp, &type, cps);
    char tmp[AD_UNICODE_DECOMP_MAX * 7 + 16];
    size_t len = 0;
    if (n > 0 && type != AD_UDECOMP_CANONICAL)
        len += (size_t)snprintf(tmp, sizeof tmp, "%s", decomp_type_names[type]);
    for (int k = 0; k < n; k++)
        len += (size_t)snprintf(tmp + len, sizeof tmp - len, "%s%04X", len ? " " : "", cps[k]);
    tmp[len] = 0;
    if (cap > 0) {
        size_t copy = len < cap ? len : cap - 1;
        memcpy(buf, tmp, copy);
        buf[copy] = 0;
    }
    return len;
}

int AdUnicode_Decimal(uint32_t cp)
{
    return record(cp)->decimal;
}

int AdUnicode_Digit(uint32_t cp)
{
    return record(cp)->digit;
}

int AdUnicode_Numeric(uint32_t cp, double *value)
{
    const unicode_record *r = record(cp);
    if (r->numeric == 0)
        return 0;
    *value = unicode_numeric_values[r->numeric - 1];
    return 1;
}

/* ---- predicates ---- */

int AdUnicode_IsAlpha(uint32_t cp) { return has_flag(cp, UNICODE_ALPHA); }
int AdUnicode_IsDecimal(uint32_t cp) { return has_flag(cp, UNICODE_DECIMAL); }
int AdUnicode_IsDigit(uint32_t cp) { return has_flag(cp, UNICODE_DIGIT); }
int AdUnicode_IsNumeric(uint32_t cp) { return has_flag(cp, UNICODE_NUMERIC); }
int AdUnicode_IsSpace(uint32_t cp) { return has_flag(cp, UNICODE_SPACE); }
int AdUnicode_IsLower(uint32_t cp) { return has_flag(cp, UNICODE_LOWER); }
int AdUnicode_IsUpper(uint32_t cp) { return has_flag(cp, UNICODE_UPPER); }
int AdUnicode_IsTitle(uint32_t cp) { return has_flag(cp, UNICODE_TITLE); }
int AdUnicode_IsCased(uint32_t cp) { return has_flag(cp, UNICODE_CASED); }
int AdUnicode_IsCaseIgnorable(uint32_t cp) { return has_flag(cp, UNICODE_CASE_IGNORABLE); }
int AdUnicode_IsPrintable(uint32_t cp) { return has_flag(cp, UNICODE_PRINTABLE); }
int AdUnicode_IsXidStart(uint32_t cp) { return has_flag(cp, UNICODE_XID_START); }
int AdUnicode_IsXidContinue(uint32_t cp) { return has_flag(cp, UNICODE_XID_CONTINUE); }
int AdUnicode_IsLinebreak(uint32_t cp) { return has_flag(cp, UNICODE_LINEBREAK); }

int AdUnicode_IsAlnum(uint32_t cp)
{
    return has_flag(cp, UNICODE_ALPHA | UNICODE_DECIMAL | UNICODE_DIGIT | UNICODE_NUMERIC);
}

int AdUnicode_IsIdentifierStart(uint32_t cp)
{
    return cp == '_' || has_flag(cp, UNICODE_XID_START);
}

int AdUnicode_IsIdentifierContinue(uint32_t cp)
{
    return has_flag(cp, UNICODE_XID_CONTINUE);
}

/* ---- case mapping ---- */

uint32_t AdUnicode_ToLower(uint32_t cp)
{
    return (uint32_t)((int32_t)cp + record(cp)->lower);
}

uint32_t AdUnicode_ToUpper(uint32_t cp)
{
    return (uint32_t)((int32_t)cp + record(cp)->upper);
}

uint32_t AdUnicode_ToTitle(uint32_t cp)
{
    return (uint32_t)((int32_t)cp + record(cp)->title);
}

/* Group WHICH (0 lower, 1 upper, 2 title, 3 fold) of the special-case
 * entry at OFFSET into OUT; returns the count. */
static int special_group(unsigned offset, int which, uint32_t *out)
{
    const uint32_t *p = unicode_special_case + offset;
    for (int w = 0; w < which; w++)
        p += 1 + p[0];
    int n = (int)p[0];
    for (int k = 0; k < n; k++)
        out[k] = p[1 + k];
    return n;
}

int AdUnicode_ToLowerFull(uint32_t cp, uint32_t *out)
{
    const unicode_record *r = record(cp);
    if (r->special)
        return special_group(r->special, 0, out);
    out[0] = (uint32_t)((int32_t)cp + r->lower);
    return 1;
}

int AdUnicode_ToUpperFull(uint32_t cp, uint32_t *out)
{
    const unicode_record *r = record(cp);
    if (r->special)
        return special_group(r->special, 1, out);
    out[0] = (uint32_t)((int32_t)cp + r->upper);
    return 1;
}

int AdUnicode_ToTitleFull(uint32_t cp, uint32_t *out)
{
    const unicode_record *r = record(cp);
    if (r->special)
        return special_group(r->special, 2, out);
    out[0] = (uint32_t)((int32_t)cp + r->title);
    return 1;
}

int AdUnicode_CaseFold(uint32_t cp, uint32_t *out)
{
    const unicode_record *r = record(cp);
    if (r->special)
        return special_group(r->special, 3, out);
    out[0] = (uint32_t)((int32_t)cp + r->lower);
    return 1;
}

size_t AdUnicode_TableBytes(void)
{
    return unicode_tables_size;
}
