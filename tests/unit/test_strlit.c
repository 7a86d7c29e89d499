/* test_strlit.c: string and bytes literal decoding -- values, CPython's
 * "(unicode error)"/"(value error)" messages with their positions, and the
 * invalid-escape SyntaxWarning text.  Expected values come from CPython 3.14
 * (py314: eval of each literal; values as hex of UTF-8 "surrogatepass"). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/strlit.h"

typedef struct {
    const char *lit;
    char kind;        /* 'S' str, 'B' bytes, 'E' error */
    const char *want; /* hex of the value, or the error message */
    const char *warn; /* the SyntaxWarning message or NULL */
} lit_case;

static const lit_case cases[] = {
    {"'abc'", 'S', "616263", NULL},
    {"'a\\nb\\tc\\\\d\\'e\\\"f'", 'S', "610a6209635c6427652266", NULL},
    {"\"\\a\\b\\f\\v\\r\\0\\7\\77\\101\\1234\"", 'S', "07080c0b0d00073f415334", NULL},
    {"'\\x41\\x4a\\u00e9\\u20ac\\U0001F600'", 'S', "414ac3a9e282acf09f9880", NULL},
    {"'\\ud800\\udfff'", 'S', "eda080edbfbf", NULL},
    {"'\\N{BULLET}\\N{latin small letter a}\\N{LF}\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{HANGUL SYLLABLE GAG}'", 'S', "e280a2610ae4b880eab081", NULL},
    {"'\\d'", 'S', "5c64", "\"\\d\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\d\"? A raw string is also an option."},
    {"'a\\q\\w'", 'S', "615c715c77", "\"\\q\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\q\"? A raw string is also an option."},
    {"'\\400'", 'S', "c480", "\"\\400\" is an invalid octal escape sequence. Such sequences will not work in the future. Did you mean \"\\\\400\"? A raw string is also an option."},
    {"'\\777x'", 'S', "c7bf78", "\"\\777\" is an invalid octal escape sequence. Such sequences will not work in the future. Did you mean \"\\\\777\"? A raw string is also an option."},
    {"'\\8'", 'S', "5c38", "\"\\8\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\8\"? A raw string is also an option."},
    {"'\xc3\xa9\\d'", 'S', "c3a95c64", "\"\\d\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\d\"? A raw string is also an option."},
    {"'\\\xc3\xa9'", 'S', "5cc3a9", NULL},
    {"'\\x4'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", NULL},
    {"'\\x'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", NULL},
    {"'\xc3\xa9\\x4z'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape", NULL},
    {"'\\u12'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", NULL},
    {"'\\U0011ffff'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", NULL},
    {"'\\U1234567'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: truncated \\UXXXXXXXX escape", NULL},
    {"'\\N'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", NULL},
    {"'\\Nx'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", NULL},
    {"'\\N{}'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape", NULL},
    {"'\\N{DASH'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: malformed \\N character escape", NULL},
    {"'\\N{NO SUCH NAME}'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name", NULL},
    {"'\xc3\xa9\\N{NO SUCH}'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-20: unknown Unicode character name", NULL},
    {"'\\N{LATIN SMALL LETTER A}'", 'S', "61", NULL},
    {"'''multi\\\nline'''", 'S', "6d756c74696c696e65", NULL},
    {"r'\\d\\n\\x'", 'S', "5c645c6e5c78", NULL},
    {"b'abc\\x41\\n\\777\\d'", 'B', "616263410aff5c64", "\"\\777\" is an invalid octal escape sequence. Such sequences will not work in the future. Did you mean \"\\\\777\"? A raw string is also an option."},
    {"b'\\x4'", 'E', "(value error) invalid \\x escape at position 0", NULL},
    {"b'\\xzz'", 'E', "(value error) invalid \\x escape at position 0", NULL},
    {"b'\\u1234\\N{BULLET}'", 'B', "5c75313233345c4e7b42554c4c45547d", "\"\\u\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\u\"? A raw string is also an option."},
    {"rb'\\x'", 'B', "5c78", NULL},
    {"br'\\\\'", 'B', "5c5c", NULL},
    {"u'\\u00e9'", 'S', "c3a9", NULL},
    {"R'\\N{BULLET}'", 'S', "5c4e7b42554c4c45547d", NULL},
    {"'\\N{ZERO WIDTH NO-BREAK SPACE}\\N{HYPHEN-MINUS}\\N{TIBETAN LETTER -A}'", 'S', "efbbbf2de0bda0", NULL},
    {"'\\N{cjk unified ideograph-4e00}'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-29: unknown Unicode character name", NULL},
    {"'\\N{CJK UNIFIED IDEOGRAPH-4e00}'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-29: unknown Unicode character name", NULL},
    {"'\\N{CJK UNIFIED IDEOGRAPH-2EBF0}'", 'S', "f0aeafb0", NULL},
    {"'\\N{HANGUL SYLLABLE PWILH}'", 'S', "ed939b", NULL},
    {"'\\N{latin  small letter a}'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-24: unknown Unicode character name", NULL},
    {"'\\N{ latin small letter a}'", 'E', "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-24: unknown Unicode character name", NULL},
    {"'\\N{BYTE ORDER MARK}\\N{NBSP}\\N{VS1}'", 'S', "efbbbfc2a0efb880", NULL},
};

START_TEST(test_literal)
{
    const lit_case *c = &cases[_i];
    AdStrlit r;
    int rc = AdStrlit_DecodeToken(c->lit, strlen(c->lit), &r);
    if (c->kind == 'E') {
        ck_assert_msg(rc == -1, "case %d: no error", _i);
        ck_assert_str_eq(r.error, c->want);
    } else {
        ck_assert_msg(rc == 0, "case %d: %s", _i, r.error ? r.error : "?");
        ck_assert_int_eq(r.is_bytes, c->kind == 'B');
        char hex[512] = "";
        for (size_t i = 0; i < r.len && i * 2 + 2 < sizeof hex; i++)
            sprintf(hex + i * 2, "%02x", (unsigned char)r.data[i]);
        ck_assert_str_eq(hex, c->want);
        if (c->warn) {
            ck_assert_ptr_nonnull(r.warn_msg);
            ck_assert_str_eq(r.warn_msg, c->warn);
            ck_assert_int_ge(r.warn_offset, 1);
            ck_assert_int_eq(c->lit[r.warn_offset], '\\');
        } else {
            ck_assert_ptr_null(r.warn_msg);
        }
    }
    AdStrlit_Clear(&r);
}
END_TEST

START_TEST(test_body_and_fstring_pieces)
{
    AdStrlit r;
    /* an f-string piece ending with a backslash (before "{") keeps it */
    ck_assert_int_eq(AdStrlit_DecodeBody("a\\", 2, 0, 0, &r), 0);
    ck_assert_int_eq((int)r.len, 2);
    ck_assert(memcmp(r.data, "a\\", 2) == 0);
    AdStrlit_Clear(&r);
    ck_assert_int_eq(AdStrlit_DecodeBody("x\\ty", 4, 0, 1, &r), 0);
    ck_assert_str_eq(r.data, "x\\ty");
    AdStrlit_Clear(&r);
    ck_assert_int_eq(AdStrlit_DecodeBody("\\q", 2, 0, 0, &r), 0);
    ck_assert_int_eq((int)r.warn_offset, 0);
    AdStrlit_Clear(&r);
    ck_assert_int_eq(AdStrlit_DecodeBody("\xc3\xa9", 6, 1, 0, &r), -1);
    ck_assert_str_eq(r.error, "bytes can only contain ASCII literal characters");
    AdStrlit_Clear(&r);
    AdStrlit_Clear(NULL);
}
END_TEST

START_TEST(test_garbage_literals)
{
    unsigned seed = 7;
    static const char alphabet[] = "\\NxuU{}0123456789abcdefABCDEF \xc3\xa9'\n";
    char buf[64];
    for (int round = 0; round < 20000; round++) {
        size_t n = (size_t)(round % 40);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        AdStrlit r;
        AdStrlit_DecodeBody(buf, n, round & 1, 0, &r);
        AdStrlit_Clear(&r);
    }
}
END_TEST

Suite *strlit_suite(void)
{
    Suite *s = suite_create("strlit");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_literal, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_body_and_fstring_pieces);
    tcase_add_test(tc, test_garbage_literals);
    suite_add_tcase(s, tc);
    return s;
}
