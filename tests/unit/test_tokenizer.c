/* test_tokenizer.c: the tokenizer's tokens, error records (message,
 * position and text exactly as CPython 3.14's compile() reports them --
 * the expected values were taken from py314), warnings, decoding, line
 * access, and robustness on garbage, deep nesting and large inputs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/tokenizer.h"

/* Tokenize SRC in parser mode; returns the last token type (ENDMARKER
 * or ERRORTOKEN) and leaves the tokenizer in *OUT (caller frees). */
static int run_all(const char *src, size_t len, int flags, AdTokenizer **out)
{
    AdTokenizer *t = AdTokenizer_New(src, len, "<test>", flags);
    ck_assert_ptr_nonnull(t);
    AdToken tk;
    int type;
    long guard = 0;
    do {
        type = AdTokenizer_Next(t, &tk);
        ck_assert_int_lt(++guard, 10000000);
    } while (type != AD_TOK_ENDMARKER && type != AD_TOK_ERRORTOKEN);
    *out = t;
    return type;
}

START_TEST(test_token_sequence)
{
    const char *src = "if x:\n    y = f(1, 'a') # c\n\nz **= 2\n";
    static const int want[] = {
        AD_TOK_NAME, AD_TOK_NAME, AD_TOK_COLON, AD_TOK_NEWLINE, AD_TOK_INDENT,
        AD_TOK_NAME, AD_TOK_EQUAL, AD_TOK_NAME, AD_TOK_LPAR, AD_TOK_NUMBER,
        AD_TOK_COMMA, AD_TOK_STRING, AD_TOK_RPAR, AD_TOK_NEWLINE, AD_TOK_DEDENT,
        AD_TOK_NAME, AD_TOK_DOUBLESTAREQUAL, AD_TOK_NUMBER, AD_TOK_NEWLINE,
        AD_TOK_ENDMARKER};
    AdTokenizer *t = AdTokenizer_New(src, strlen(src), NULL, 0);
    AdToken tk;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int type = AdTokenizer_Next(t, &tk);
        ck_assert_msg(type == want[i], "token %zu: got %s want %s", i, AdToken_Name(type),
                      AdToken_Name(want[i]));
        ck_assert_int_eq(tk.exact_type, want[i]);
    }
    ck_assert_int_eq(AdTokenizer_Next(t, &tk), AD_TOK_ENDMARKER);
    AdTokenizer_Free(t);
}
END_TEST

START_TEST(test_positions)
{
    const char *src = "x = \"\"\"a\nbc\"\"\" + é\n";
    AdTokenizer *t = AdTokenizer_New(src, strlen(src), NULL, 0);
    AdToken tk;
    AdTokenizer_Next(t, &tk); /* x */
    AdTokenizer_Next(t, &tk); /* = */
    ck_assert_int_eq(AdTokenizer_Next(t, &tk), AD_TOK_STRING);
    ck_assert_int_eq(tk.lineno, 1);
    ck_assert_int_eq(tk.col_offset, 4);
    ck_assert_int_eq(tk.end_lineno, 2);
    ck_assert_int_eq(tk.end_col_offset, 5);
    ck_assert_int_eq((int)(tk.end - tk.start), 10);
    AdTokenizer_Next(t, &tk); /* + */
    ck_assert_int_eq(AdTokenizer_Next(t, &tk), AD_TOK_NAME);
    ck_assert_int_eq(tk.col_offset, 8);
    ck_assert_int_eq(tk.end_col_offset, 10); /* bytes */
    ck_assert_int_eq(AdTokenizer_CharColumn(tk.line_start, tk.end_col_offset), 9);
    size_t len;
    const char *l2 = AdTokenizer_GetLine(t, 2, &len);
    ck_assert_ptr_nonnull(l2);
    ck_assert_int_eq((int)len, 11);
    ck_assert(memcmp(l2, "bc\"\"\" + é\n", len) == 0);
    ck_assert_ptr_null(AdTokenizer_GetLine(t, 3, &len));
    AdTokenizer_Free(t);
}
END_TEST

START_TEST(test_fstring_tokens)
{
    const char *src = "f'a{x!r:>{w}}b{{c}}' t\"{y=}\"\n";
    static const int want[] = {
        AD_TOK_FSTRING_START, AD_TOK_FSTRING_MIDDLE, AD_TOK_LBRACE, AD_TOK_NAME,
        AD_TOK_EXCLAMATION, AD_TOK_NAME, AD_TOK_COLON, AD_TOK_FSTRING_MIDDLE,
        AD_TOK_LBRACE, AD_TOK_NAME, AD_TOK_RBRACE, AD_TOK_FSTRING_MIDDLE, AD_TOK_RBRACE,
        AD_TOK_FSTRING_MIDDLE, AD_TOK_FSTRING_MIDDLE, AD_TOK_FSTRING_END,
        AD_TOK_TSTRING_START, AD_TOK_LBRACE, AD_TOK_NAME, AD_TOK_EQUAL, AD_TOK_RBRACE,
        AD_TOK_TSTRING_END, AD_TOK_NEWLINE, AD_TOK_ENDMARKER};
    AdTokenizer *t = AdTokenizer_New(src, strlen(src), NULL, 0);
    AdToken tk;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int type = AdTokenizer_Next(t, &tk);
        ck_assert_msg(type == want[i], "token %zu: got %s want %s", i, AdToken_Name(type),
                      AdToken_Name(want[i]));
        if (i == 20) { /* the '}' after y= carries the debug text */
            ck_assert_ptr_nonnull(tk.metadata);
            ck_assert_str_eq(tk.metadata, "y=");
        }
    }
    AdTokenizer_Free(t);
}
END_TEST

typedef struct {
    const char *src;
    size_t len; /* 0: strlen */
    int flags;
    AdTokErrorKind kind;
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
    const char *text; /* NULL: None */
} err_case;

#define S(x) x, sizeof(x) - 1
static const err_case err_cases[] = {
    {S("x = 'abc\n"), 0, AD_TOKERR_SYNTAX, "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "x = 'abc"},
    {S("x = \"\"\"abc\n\n"), 0, AD_TOKERR_SYNTAX, "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5, "x = \"\"\"abc"},
    {S("x = (]\n"), 0, AD_TOKERR_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1, 6, "x = (]"},
    {S("x = (\n]\n"), 0, AD_TOKERR_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1, "]"},
    {S(")\n"), 0, AD_TOKERR_SYNTAX, "unmatched ')'", 1, 1, 1, 1, ")"},
    {S("0777\n"), 0, AD_TOKERR_SYNTAX, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2, "0777"},
    {S("0_7\n"), 0, AD_TOKERR_SYNTAX, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3, "0_7"},
    {S("0o78\n"), 0, AD_TOKERR_SYNTAX, "invalid digit '8' in octal literal", 1, 4, 1, 4, "0o78"},
    {S("0b12\n"), 0, AD_TOKERR_SYNTAX, "invalid digit '2' in binary literal", 1, 4, 1, 4, "0b12"},
    {S("0x\n"), 0, AD_TOKERR_SYNTAX, "invalid hexadecimal literal", 1, 2, 1, 2, "0x"},
    {S("1_\n"), 0, AD_TOKERR_SYNTAX, "invalid decimal literal", 1, 2, 1, 2, "1_"},
    {S("1e\n"), 0, AD_TOKERR_SYNTAX, "invalid decimal literal", 1, 1, 1, 1, "1e"},
    {S("1e+\n"), 0, AD_TOKERR_SYNTAX, "invalid decimal literal", 1, 3, 1, 3, "1e+"},
    {S("1abc\n"), 0, AD_TOKERR_SYNTAX, "invalid decimal literal", 1, 1, 1, 1, "1abc"},
    {S("if x:\n  a\n b\n"), 0, AD_TOKERR_INDENTATION, "unindent does not match any outer indentation level", 3, 3, 3, -1, " b\n"},
    {S("if x:\n\ta\n        b\n"), 0, AD_TOKERR_TAB, "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "        b\n"},
    {S("\xe2\x82\xac = 1\n"), 0, AD_TOKERR_SYNTAX, "invalid character '\xe2\x82\xac' (U+20AC)", 1, 1, 1, 1, "\xe2\x82\xac = 1"},
    {S("a\xc2\xa0" "b\n"), 0, AD_TOKERR_SYNTAX, "invalid non-printable character U+00A0", 1, 2, 1, 2, "a\xc2\xa0" "b"},
    {S("\xff\n"), 0, AD_TOKERR_SYNTAX, "Non-UTF-8 code starting with '\\xff' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 1, 1, 1, 1, "\xef\xbf\xbd"},
    {S("x = 1\ny = '\xc3('\n"), 0, AD_TOKERR_SYNTAX, "Non-UTF-8 code starting with '\\xc3' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details", 2, 6, 2, 6, "y = '\xef\xbf\xbd('"},
    {S("# coding: foobar\nx\n"), 0, AD_TOKERR_SYNTAX, "unknown encoding: foobar", 0, -1, 0, -1, NULL},
    {S("# coding: foobar\nx\n"), AD_TOKF_FILE_INPUT, AD_TOKERR_SYNTAX, "encoding problem: foobar", 0, -1, 0, -1, NULL},
    {S("\xef\xbb\xbf# coding: latin-1\nx\n"), 0, AD_TOKERR_SYNTAX, "encoding problem: iso-8859-1 with BOM", 1, 0, 1, 17, "# coding: latin-1"},
    {S("# coding: ascii\nx = '\xe9'\n"), 0, AD_TOKERR_SYNTAX, "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)", 0, -1, 0, -1, NULL},
    {S("x = 1\n\0\n"), AD_TOKF_FILE_INPUT, AD_TOKERR_SYNTAX, "source code cannot contain null bytes", 2, 0, 2, 0, ""},
    {S("x = 1 \\ 2\n"), 0, AD_TOKERR_SYNTAX, "unexpected character after line continuation character", 1, 8, 1, 0, "x = 1 \\ 2\n"},
    {S("x = 1 + \\\n"), 0, AD_TOKERR_SYNTAX, "unexpected EOF while parsing", 1, 10, 1, -1, "x = 1 + \\\n"},
    {S("f'{'\n"), 0, AD_TOKERR_SYNTAX, "f-string: expecting '}'", 1, 4, 1, 4, "f'{'"},
    {S("f'{a'\n"), 0, AD_TOKERR_SYNTAX, "f-string: expecting '}'", 1, 5, 1, 5, "f'{a'"},
    {S("f'}'\n"), 0, AD_TOKERR_SYNTAX, "f-string: single '}' is not allowed", 1, 3, 1, 3, "f'}'"},
    {S("f'abc\n"), 0, AD_TOKERR_SYNTAX, "unterminated f-string literal (detected at line 1)", 1, 1, 1, 1, "f'abc"},
    {S("f\"\"\"abc\n"), 0, AD_TOKERR_SYNTAX, "unterminated triple-quoted f-string literal (detected at line 1)", 1, 1, 1, 1, "f\"\"\"abc"},
    {S("f'{)}'\n"), 0, AD_TOKERR_SYNTAX, "f-string: unmatched ')'", 1, 4, 1, 4, "f'{)}'"},
    {S("'abc\\'\n"), 0, AD_TOKERR_SYNTAX, "unterminated string literal (detected at line 1); perhaps you escaped the end quote?", 1, 1, 1, 1, "'abc\\'"},
    {S("ur''\n"), 0, AD_TOKERR_SYNTAX, "'u' and 'r' prefixes are incompatible", 1, 1, 1, 3, "ur''"},
    {S("rbf''\n"), 0, AD_TOKERR_SYNTAX, "'b' and 'f' prefixes are incompatible", 1, 1, 1, 4, "rbf''"},
    {S("ft''\n"), 0, AD_TOKERR_SYNTAX, "'f' and 't' prefixes are incompatible", 1, 1, 1, 3, "ft''"},
    {S("foo(1,\n2\n"), 0, AD_TOKERR_SYNTAX, "'(' was never closed", 1, 4, 1, 0, "foo(1,"},
    {S("x = [1,\n"), 0, AD_TOKERR_SYNTAX, "'[' was never closed", 1, 5, 1, 0, "x = [1,\n"},
    {S("\xef\xbb\xbfx = 1\n"), AD_TOKF_STR_INPUT, AD_TOKERR_SYNTAX, "invalid non-printable character U+FEFF", 1, 1, 1, 1, "\xef\xbb\xbfx = 1"},
};

START_TEST(test_error_records)
{
    const err_case *c = &err_cases[_i];
    AdTokenizer *t;
    int type = run_all(c->src, c->len, c->flags, &t);
    ck_assert_msg(type == AD_TOK_ERRORTOKEN, "case %d: no error", _i);
    const AdTokError *e = AdTokenizer_Error(t);
    ck_assert_msg(e->kind == c->kind, "case %d: kind %d", _i, e->kind);
    ck_assert_str_eq(e->msg, c->msg);
    ck_assert_msg(e->lineno == c->lineno && e->offset == c->offset &&
                  e->end_lineno == c->end_lineno && e->end_offset == c->end_offset,
                  "case %d (%s): got %d %d %d %d", _i, c->msg, e->lineno, e->offset,
                  e->end_lineno, e->end_offset);
    if (c->text == NULL)
        ck_assert_ptr_null(e->text);
    else
        ck_assert_str_eq(e->text, c->text);
    AdTokenizer_Free(t);
}
END_TEST

START_TEST(test_nesting_limit)
{
    char src[260];
    memset(src, '(', 201);
    src[201] = '\n';
    AdTokenizer *t;
    ck_assert_int_eq(run_all(src, 202, 0, &t), AD_TOK_ERRORTOKEN);
    ck_assert_str_eq(AdTokenizer_Error(t)->msg, "too many nested parentheses");
    ck_assert_int_eq(AdTokenizer_Error(t)->offset, 201);
    AdTokenizer_Free(t);
    memset(src, '(', 200);
    src[200] = '\n';
    ck_assert_int_eq(run_all(src, 201, 0, &t), AD_TOK_ERRORTOKEN);
    ck_assert_str_eq(AdTokenizer_Error(t)->msg, "'(' was never closed");
    ck_assert(AdTokenizer_Error(t)->at_eof);
    AdTokenizer_Free(t);
}
END_TEST

static int warned;
static char warnmsg[256];
static int on_warn(void *ctx, const AdTokWarning *w)
{
    warned++;
    snprintf(warnmsg, sizeof warnmsg, "%s", w->msg);
    return ctx ? -1 : 0;
}

START_TEST(test_warnings)
{
    const char *src = "x = 1if y else 0x1for\n";
    AdTokenizer *t = AdTokenizer_New(src, strlen(src), NULL, 0);
    AdTokenizer_SetWarnFunc(t, on_warn, NULL);
    AdToken tk;
    warned = 0;
    while (AdTokenizer_Next(t, &tk) != AD_TOK_ENDMARKER)
        ;
    ck_assert_int_eq(warned, 2);
    ck_assert_str_eq(warnmsg, "invalid hexadecimal literal");
    AdTokenizer_Free(t);
    /* as errors */
    t = AdTokenizer_New(src, strlen(src), NULL, 0);
    AdTokenizer_SetWarnFunc(t, on_warn, (void *)1);
    int type;
    while ((type = AdTokenizer_Next(t, &tk)) != AD_TOK_ENDMARKER && type != AD_TOK_ERRORTOKEN)
        ;
    ck_assert_int_eq(type, AD_TOK_ERRORTOKEN);
    ck_assert_str_eq(AdTokenizer_Error(t)->msg, "invalid decimal literal");
    AdTokenizer_Free(t);
    /* "\{" in an f-string */
    const char *f = "f'\\{x}'\n";
    t = AdTokenizer_New(f, strlen(f), NULL, 0);
    AdTokenizer_SetWarnFunc(t, on_warn, NULL);
    warned = 0;
    while (AdTokenizer_Next(t, &tk) != AD_TOK_ENDMARKER)
        ;
    ck_assert_int_eq(warned, 1);
    ck_assert_str_eq(warnmsg, "\"\\{\" is an invalid escape sequence. Such sequences will not "
                              "work in the future. Did you mean \"\\\\{\"? A raw string is also "
                              "an option.");
    AdTokenizer_Free(t);
}
END_TEST

START_TEST(test_encodings)
{
    const char *src = "# -*- coding: latin-1 -*-\nx = '\xe9'\n";
    AdTokenizer *t;
    ck_assert_int_eq(run_all(src, strlen(src), 0, &t), AD_TOK_ENDMARKER);
    ck_assert_str_eq(AdTokenizer_Encoding(t), "iso-8859-1");
    size_t len;
    const char *l2 = AdTokenizer_GetLine(t, 2, &len);
    ck_assert(len == 9 && memcmp(l2, "x = '\xc3\xa9'\n", 9) == 0);
    AdTokenizer_Free(t);
    src = "x = 1\r\ny = 2\rz";
    ck_assert_int_eq(run_all(src, strlen(src), 0, &t), AD_TOK_ENDMARKER);
    const char *buf = AdTokenizer_Source(t, &len);
    ck_assert_str_eq(buf, "x = 1\ny = 2\nz\n");
    AdTokenizer_Free(t);
    src = "\xef\xbb\xbf# coding: utf-8\nx = 1\n";
    ck_assert_int_eq(run_all(src, strlen(src), 0, &t), AD_TOK_ENDMARKER);
    AdTokenizer_Free(t);
}
END_TEST

START_TEST(test_garbage_does_not_crash)
{
    unsigned seed = 12345;
    char buf[512];
    static const char alphabet[] = "()[]{}'\"\\\n\t #fFrRbBtTuU0123456789xoe_.=!:<>*{}\xc3\xa9\xff\x00";
    for (int round = 0; round < 4000; round++) {
        size_t n = (size_t)(round % 200) + 1;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        for (int mode = 0; mode < 2; mode++) {
            AdTokenizer *t;
            run_all(buf, n, mode ? AD_TOKF_EXTRA_TOKENS : 0, &t);
            AdTokenizer_Free(t);
        }
    }
}
END_TEST

START_TEST(test_large_inputs)
{
    /* a long line, many lines, deep f-string nesting, deep indentation */
    size_t n = 2000000;
    char *src = malloc(n + 1);
    for (size_t i = 0; i < n; i += 2)
        src[i] = 'a', src[i + 1] = '+';
    src[n - 2] = 'a';
    src[n - 1] = '\n';
    AdTokenizer *t;
    ck_assert_int_eq(run_all(src, n, 0, &t), AD_TOK_ENDMARKER);
    AdTokenizer_Free(t);
    for (size_t i = 0; i < n; i++)
        src[i] = (i % 4 == 3) ? '\n' : 'x';
    ck_assert_int_eq(run_all(src, n, AD_TOKF_EXTRA_TOKENS, &t), AD_TOK_ENDMARKER);
    AdTokenizer_Free(t);
    /* 200 nested f-strings: error, not a crash */
    size_t k = 0;
    for (int i = 0; i < 200; i++)
        k += (size_t)sprintf(src + k, "f'{");
    ck_assert_int_eq(run_all(src, k, 0, &t), AD_TOK_ERRORTOKEN);
    AdTokenizer_Free(t);
    /* 150 indentation levels */
    k = 0;
    for (int i = 0; i < 150; i++) {
        k += (size_t)sprintf(src + k, "%*sif x:\n", i, "");
    }
    ck_assert_int_eq(run_all(src, k, 0, &t), AD_TOK_ERRORTOKEN);
    ck_assert_str_eq(AdTokenizer_Error(t)->msg, "too many levels of indentation");
    AdTokenizer_Free(t);
    free(src);
}
END_TEST

START_TEST(test_token_names)
{
    ck_assert_str_eq(AdToken_Name(AD_TOK_ENDMARKER), "ENDMARKER");
    ck_assert_str_eq(AdToken_Name(AD_TOK_EXCLAMATION), "EXCLAMATION");
    ck_assert_str_eq(AdToken_Name(AD_TOK_TSTRING_END), "TSTRING_END");
    ck_assert_str_eq(AdToken_Name(AD_TOK_ENCODING), "ENCODING");
    ck_assert_str_eq(AdToken_Name(AD_TOK_NT_OFFSET), "NT_OFFSET");
    ck_assert_int_eq(AdToken_OpType("**=", 3), AD_TOK_DOUBLESTAREQUAL);
    ck_assert_int_eq(AdToken_OpType("<>", 2), AD_TOK_NOTEQUAL);
    ck_assert_int_eq(AdToken_OpType("$", 1), -1);
    ck_assert_str_eq(AdToken_OpText(AD_TOK_RARROW), "->");
    ck_assert_ptr_null(AdToken_OpText(AD_TOK_NAME));
    ck_assert(AdTokenizer_IsXIDStart(0x3C0));
    ck_assert(!AdTokenizer_IsXIDStart(0x20AC));
    ck_assert(AdTokenizer_IsXIDContinue('9'));
}
END_TEST

Suite *tokenizer_suite(void)
{
    Suite *s = suite_create("tokenizer");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_token_sequence);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_fstring_tokens);
    tcase_add_loop_test(tc, test_error_records, 0, (int)(sizeof err_cases / sizeof err_cases[0]));
    tcase_add_test(tc, test_nesting_limit);
    tcase_add_test(tc, test_warnings);
    tcase_add_test(tc, test_encodings);
    tcase_add_test(tc, test_garbage_does_not_crash);
    tcase_add_test(tc, test_large_inputs);
    tcase_add_test(tc, test_token_names);
    suite_add_tcase(s, tc);
    return s;
}
