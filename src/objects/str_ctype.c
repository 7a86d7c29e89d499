/* str_ctype.c: the character properties and case mappings str's methods
 * use (isspace, isalpha, ..., lower/upper/title/casefold with the full
 * mappings). Latin-1 is answered from a table here; the rest of Unicode
 * from the Unicode database (unicode/unicode_db.h) once it is built. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#if defined(__has_include)
#if __has_include("unicode/unicode_db.h")
#define STR_HAVE_UNICODE_DB 1
#include "unicode/unicode_db.h"
#endif
#endif

enum {
    L_SPACE = 1, L_ALPHA = 2, L_DECIMAL = 4, L_DIGIT = 8, L_NUMERIC = 16,
    L_LOWER = 32, L_UPPER = 64, L_TITLE = 128, L_PRINTABLE = 256,
    L_LINEBREAK = 512, L_XID_START = 1024, L_XID_CONTINUE = 2048,
    L_CASED = 4096, L_CASE_IGNORABLE = 8192,
};

/* Properties of U+0000..U+00FF (from the Unicode Character Database). */
static const uint16_t latin1_flags[256] = {
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0001, 0x0201, 0x0201, 0x0201, 0x0201, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0201, 0x0201, 0x0201, 0x0001,
    0x0101, 0x0100, 0x0100, 0x0100, 0x0100, 0x0100, 0x0100, 0x2100,
    0x0100, 0x0100, 0x0100, 0x0100, 0x0100, 0x0100, 0x2100, 0x0100,
    0x091c, 0x091c, 0x091c, 0x091c, 0x091c, 0x091c, 0x091c, 0x091c,
    0x091c, 0x091c, 0x2100, 0x0100, 0x0100, 0x0100, 0x0100, 0x0100,
    0x0100, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42,
    0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42,
    0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42,
    0x1d42, 0x1d42, 0x1d42, 0x0100, 0x0100, 0x0100, 0x2100, 0x0d00,
    0x2100, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22,
    0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22,
    0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22,
    0x1d22, 0x1d22, 0x1d22, 0x0100, 0x0100, 0x0100, 0x0100, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0201, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
    0x0001, 0x0100, 0x0100, 0x0100, 0x0100, 0x0100, 0x0100, 0x0100,
    0x2100, 0x0100, 0x1d22, 0x0100, 0x0100, 0x2000, 0x0100, 0x2100,
    0x0100, 0x0100, 0x0118, 0x0118, 0x2100, 0x1d22, 0x0100, 0x2900,
    0x2100, 0x0118, 0x1d22, 0x0100, 0x0110, 0x0110, 0x0110, 0x0100,
    0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42,
    0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42,
    0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x0100,
    0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d42, 0x1d22,
    0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22,
    0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22,
    0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x0100,
    0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22, 0x1d22,
};

#ifdef STR_HAVE_UNICODE_DB
#define WIDE(expr) (expr)
#else
/* Without the database: characters above Latin-1 have no properties but
 * printability (surrogates and unassigned planes aside). */
#define WIDE(expr) 0
#endif

int str_isspace(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_SPACE : WIDE(AdUnicode_IsSpace(ch)); }
int str_isalpha(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_ALPHA : WIDE(AdUnicode_IsAlpha(ch)); }
int str_isdecimal(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_DECIMAL : WIDE(AdUnicode_IsDecimal(ch)); }
int str_isdigit(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_DIGIT : WIDE(AdUnicode_IsDigit(ch)); }
int str_isnumeric(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_NUMERIC : WIDE(AdUnicode_IsNumeric(ch)); }
int str_islower(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_LOWER : WIDE(AdUnicode_IsLower(ch)); }
int str_isupper(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_UPPER : WIDE(AdUnicode_IsUpper(ch)); }
int str_istitle(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_TITLE : WIDE(AdUnicode_IsTitle(ch)); }
int str_iscased(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_CASED : WIDE(AdUnicode_IsCased(ch)); }
int str_iscaseignorable(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_CASE_IGNORABLE : WIDE(AdUnicode_IsCaseIgnorable(ch)); }
int str_islinebreak(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_LINEBREAK : WIDE(AdUnicode_IsLinebreak(ch)); }
int str_isxidstart(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_XID_START : WIDE(AdUnicode_IsIdentifierStart(ch)); }
int str_isxidcontinue(uint32_t ch) { return ch < 256 ? latin1_flags[ch] & L_XID_CONTINUE : WIDE(AdUnicode_IsIdentifierContinue(ch)); }

int str_isprintable(uint32_t ch)
{
    if (ch < 256)
        return latin1_flags[ch] & L_PRINTABLE;
#ifdef STR_HAVE_UNICODE_DB
    return AdUnicode_IsPrintable(ch);
#else
    return !(ch >= 0xD800 && ch <= 0xDFFF) && ch != 0x2028 && ch != 0x2029 && ch < 0xE0000;
#endif
}

int str_decimal_value(uint32_t ch)
{
    if (ch < 256)
        return (latin1_flags[ch] & L_DECIMAL) ? (int)(ch - '0') : -1;
#ifdef STR_HAVE_UNICODE_DB
    return AdUnicode_Decimal(ch);
#else
    return -1;
#endif
}

uint32_t str_to_lower_simple(uint32_t ch)
{
    if (ch < 256)
        return (latin1_flags[ch] & L_UPPER) ? ch + 0x20 : ch;
#ifdef STR_HAVE_UNICODE_DB
    return AdUnicode_ToLower(ch);
#else
    return ch;
#endif
}

int str_to_lower_full(uint32_t ch, uint32_t *out)
{
    if (ch < 256) {
        out[0] = (latin1_flags[ch] & L_UPPER) ? ch + 0x20 : ch;
        return 1;
    }
#ifdef STR_HAVE_UNICODE_DB
    return AdUnicode_ToLowerFull(ch, out);
#else
    out[0] = ch;
    return 1;
#endif
}

int str_to_upper_full(uint32_t ch, uint32_t *out)
{
    if (ch < 256) {
        if (ch == 0xDF) { out[0] = 'S'; out[1] = 'S'; return 2; }
        if (ch == 0xB5) { out[0] = 0x39C; return 1; }
        if (ch == 0xFF) { out[0] = 0x178; return 1; }
        out[0] = ((latin1_flags[ch] & L_LOWER) && ch != 0xAA && ch != 0xBA) ? ch - 0x20 : ch;
        return 1;
    }
#ifdef STR_HAVE_UNICODE_DB
    return AdUnicode_ToUpperFull(ch, out);
#else
    out[0] = ch;
    return 1;
#endif
}

int str_to_title_full(uint32_t ch, uint32_t *out)
{
    if (ch < 256) {
        if (ch == 0xDF) { out[0] = 'S'; out[1] = 's'; return 2; }
        return str_to_upper_full(ch, out);
    }
#ifdef STR_HAVE_UNICODE_DB
    return AdUnicode_ToTitleFull(ch, out);
#else
    out[0] = ch;
    return 1;
#endif
}

int str_to_fold_full(uint32_t ch, uint32_t *out)
{
    if (ch < 256) {
        if (ch == 0xDF) { out[0] = 's'; out[1] = 's'; return 2; }
        if (ch == 0xB5) { out[0] = 0x3BC; return 1; }
        return str_to_lower_full(ch, out);
    }
#ifdef STR_HAVE_UNICODE_DB
    return AdUnicode_CaseFold(ch, out);
#else
    out[0] = ch;
    return 1;
#endif
}

#endif /* STR_KERNEL_READY */
