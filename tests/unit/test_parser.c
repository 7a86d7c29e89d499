/* test_parser.c: a few parses through AdParser_ParseString checked against
 * ast.dump output and SyntaxError fields from CPython 3.14 (py314).  The
 * big corpora live in tests/parser. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

static void check_dump(const char *src, AdParseMode mode, const char *want)
{
    AdArena *a = AdArena_New();
    AdParseError e;
    AdMod *m = AdParser_ParseString(src, strlen(src), "<unknown>", mode, AD_PARSEF_STR_INPUT, a, &e);
    ck_assert_msg(m != NULL, "parse failed: %s", e.msg ? e.msg : "?");
    char *s = AdAst_DumpToString(m);
    ck_assert_str_eq(s, want);
    free(s);
    AdParseError_Clear(&e);
    AdArena_Free(a);
}

static void check_error(const char *src, AdParseErrorKind kind, const char *msg, int lineno, int offset,
                        int end_lineno, int end_offset)
{
    AdArena *a = AdArena_New();
    AdParseError e;
    AdMod *m = AdParser_ParseString(src, strlen(src), "<unknown>", AD_PARSE_EXEC, AD_PARSEF_STR_INPUT, a, &e);
    ck_assert_ptr_null(m);
    ck_assert_int_eq(e.kind, kind);
    ck_assert_str_eq(e.msg, msg);
    ck_assert_int_eq(e.lineno, lineno);
    ck_assert_int_eq(e.offset, offset);
    ck_assert_int_eq(e.end_lineno, end_lineno);
    ck_assert_int_eq(e.end_offset, end_offset);
    AdParseError_Clear(&e);
    AdArena_Free(a);
}

START_TEST(parse_valid)
{
    check_dump("", AD_PARSE_EXEC, "Module()");
    check_dump("x = 1\n", AD_PARSE_EXEC,
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, "
               "end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, "
               "end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)])");
    check_dump("(a + b) * 0x1ffffffffffffffffffffff", AD_PARSE_EVAL,
               "Expression(body=BinOp(left=BinOp(left=Name(id='a', ctx=Load(), lineno=1, col_offset=1, "
               "end_lineno=1, end_col_offset=2), op=Add(), right=Name(id='b', ctx=Load(), lineno=1, "
               "col_offset=5, end_lineno=1, end_col_offset=6), lineno=1, col_offset=1, end_lineno=1, "
               "end_col_offset=6), op=Mult(), right=Constant(value=618970019642690137449562111, lineno=1, "
               "col_offset=10, end_lineno=1, end_col_offset=35), lineno=1, col_offset=0, end_lineno=1, "
               "end_col_offset=35))");
    check_dump("f'{x=}'", AD_PARSE_EVAL,
               "Expression(body=JoinedStr(values=[Constant(value='x=', lineno=1, col_offset=3, end_lineno=1, "
               "end_col_offset=5), FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=3, "
               "end_lineno=1, end_col_offset=4), conversion=114, lineno=1, col_offset=2, end_lineno=1, "
               "end_col_offset=6)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=7))");
    check_dump("(int) -> str", AD_PARSE_FUNC_TYPE,
               "FunctionType(argtypes=[Name(id='int', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, "
               "end_col_offset=4)], returns=Name(id='str', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, "
               "end_col_offset=12))");
    check_dump("pass", AD_PARSE_SINGLE,
               "Interactive(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)])");
}
END_TEST

START_TEST(parse_errors)
{
    check_error("f(a b)\n", AD_PERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6);
    check_error("if x\n  pass\n", AD_PERR_SYNTAX, "expected ':'", 1, 5, 1, 6);
    check_error("if x:\npass\n", AD_PERR_INDENTATION,
                "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5);
    check_error("  x\n", AD_PERR_INDENTATION, "unexpected indent", 1, 2, 1, -1);
    check_error("print 'hi'\n", AD_PERR_SYNTAX,
                "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 11);
    check_error("f() = 1\n", AD_PERR_SYNTAX,
                "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4);
    check_error("a b\n", AD_PERR_SYNTAX, "invalid syntax", 1, 3, 1, 4);
    check_error("x = (1,\n", AD_PERR_SYNTAX, "'(' was never closed", 1, 5, 1, 0);
}
END_TEST

START_TEST(parse_deep_nesting)
{
    size_t n = 100000;
    char *src = malloc(n + 2);
    memset(src, '-', n);
    src[n] = '1';
    src[n + 1] = '\0';
    AdArena *a = AdArena_New();
    AdParseError e;
    AdMod *m = AdParser_ParseString(src, n + 1, "<unknown>", AD_PARSE_EXEC, AD_PARSEF_STR_INPUT, a, &e);
    ck_assert_ptr_null(m);
    ck_assert_int_eq(e.kind, AD_PERR_MEMORY);
    ck_assert_str_eq(e.msg, "Parser stack overflowed - Python source too complex to parse");
    AdParseError_Clear(&e);
    AdArena_Free(a);
    free(src);
}
END_TEST

Suite *parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, parse_valid);
    tcase_add_test(tc, parse_errors);
    tcase_add_test(tc, parse_deep_nesting);
    suite_add_tcase(s, tc);
    return s;
}
