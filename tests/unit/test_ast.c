/* test_ast.c: the parser's arena, Python reprs of AST constants and the
 * ast.dump format.  Expected strings come from CPython 3.14 (py314:
 * repr() of the values, ast.dump(..., include_attributes=True)). */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parser/arena.h"
#include "parser/ast.h"
#include "unicode/unicode_db.h"

START_TEST(arena_alloc_and_free)
{
    AdArena *a = AdArena_New();
    ck_assert_ptr_nonnull(a);
    for (int i = 0; i < 10000; i++) {
        char *p = AdArena_Alloc(a, (size_t)(i % 300) + 1);
        ck_assert_ptr_nonnull(p);
        ck_assert_int_eq(((uintptr_t)p) % 16, 0);
        ck_assert_int_eq(p[0], 0);
        p[0] = 'x';
    }
    char *big = AdArena_Alloc(a, 1 << 20);
    ck_assert_ptr_nonnull(big);
    big[(1 << 20) - 1] = 1;
    char *s = AdArena_Strndup(a, "hello world", 5);
    ck_assert_str_eq(s, "hello");
    ck_assert_uint_gt(AdArena_BytesUsed(a), 1 << 20);
    AdArena_Free(a);
    AdArena_Free(NULL);
}
END_TEST

static void check_float(double d, const char *want)
{
    char buf[64];
    AdAst_FloatRepr(d, buf, sizeof buf);
    ck_assert_str_eq(buf, want);
}

START_TEST(float_repr)
{
    check_float(1.5, "1.5");
    check_float(0.1, "0.1");
    check_float(1e16, "1e+16");
    check_float(1e15, "1000000000000000.0");
    check_float(1e-5, "1e-05");
    check_float(0.0001, "0.0001");
    check_float(1e22, "1e+22");
    check_float(1e-7, "1e-07");
    check_float(123456789012345678901234567890.0, "1.2345678901234568e+29");
    check_float(1.0, "1.0");
    check_float(-0.0, "-0.0");
    check_float(INFINITY, "inf");
    check_float(NAN, "nan");
    check_float(5e-324, "5e-324");
    check_float(1.7976931348623157e308, "1.7976931348623157e+308");
    check_float(3.141592653589793, "3.141592653589793");
}
END_TEST

static void check_const(AdConst c, const char *want)
{
    char *s = AdAst_ConstRepr(&c);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, want);
    free(s);
}

static AdConst mk_str(AdConstKind k, const char *s, size_t n)
{
    AdConst c;
    c.kind = k;
    c.v.str.data = s;
    c.v.str.len = n;
    return c;
}

START_TEST(const_repr)
{
    AdConst c;
    c.kind = AD_CONST_NONE; check_const(c, "None");
    c.kind = AD_CONST_TRUE; check_const(c, "True");
    c.kind = AD_CONST_ELLIPSIS; check_const(c, "Ellipsis");
    c.kind = AD_CONST_INT; c.v.i = -42; check_const(c, "-42");
    c.kind = AD_CONST_COMPLEX; c.v.f = 2.0; check_const(c, "2j");
    c.v.f = INFINITY; check_const(c, "infj");
    c.v.f = 1.5; check_const(c, "1.5j");
    c.v.f = 1e16; check_const(c, "1e+16j");
    check_const(mk_str(AD_CONST_BIGINT, "618970019642690137449562111", 27), "618970019642690137449562111");
    check_const(mk_str(AD_CONST_STR, "a'b\"", 4), "'a\\'b\"'");
    check_const(mk_str(AD_CONST_STR, "it's", 4), "\"it's\"");
    check_const(mk_str(AD_CONST_STR, "\t\n\r\x01\\", 5), "'\\t\\n\\r\\x01\\\\'");
    /* U+007F, U+00A0, U+200B, U+1F600, U+00E9 */
    check_const(mk_str(AD_CONST_STR, "\x7f\xc2\xa0\xe2\x80\x8b\xf0\x9f\x98\x80\xc3\xa9", 12),
                "'\\x7f\\xa0\\u200b\xf0\x9f\x98\x80\xc3\xa9'");
    /* a lone surrogate */
    check_const(mk_str(AD_CONST_STR, "\xed\xa0\x80", 3), "'\\ud800'");
    check_const(mk_str(AD_CONST_BYTES, "\x00\xff\"'", 4), "b'\\x00\\xff\"\\''");
    check_const(mk_str(AD_CONST_BYTES, "'", 1), "b\"'\"");
}
END_TEST

START_TEST(printable)
{
    ck_assert(AdUnicode_IsPrintable(' '));
    ck_assert(AdUnicode_IsPrintable('a'));
    ck_assert(!AdUnicode_IsPrintable(0x7f));
    ck_assert(!AdUnicode_IsPrintable(0xa0));
    ck_assert(AdUnicode_IsPrintable(0xe9));
    ck_assert(!AdUnicode_IsPrintable(0x200b));
    ck_assert(!AdUnicode_IsPrintable(0x2028));
    ck_assert(AdUnicode_IsPrintable(0x4e00));
    ck_assert(AdUnicode_IsPrintable(0x1f600));
    ck_assert(!AdUnicode_IsPrintable(0xd800));
    ck_assert(!AdUnicode_IsPrintable(0xe000));
}
END_TEST

START_TEST(dump_small_tree)
{
    AdArena *a = AdArena_New();
    AdExpr *name = AdArena_Alloc(a, sizeof *name);
    name->kind = AD_Name_kind;
    name->v.Name.id = "x";
    name->v.Name.ctx = AD_Load;
    name->lineno = 1; name->col_offset = 0; name->end_lineno = 1; name->end_col_offset = 1;
    AdStmt *st = AdArena_Alloc(a, sizeof *st);
    st->kind = AD_Expr_kind;
    st->v.Expr.value = name;
    st->lineno = 1; st->col_offset = 0; st->end_lineno = 1; st->end_col_offset = 1;
    AdMod *m = AdArena_Alloc(a, sizeof *m);
    m->kind = AD_Module_kind;
    char *s = AdAst_DumpToString(m);
    ck_assert_str_eq(s, "Module()");
    free(s);
    m->v.Module.body = AdAstSeq_New(a, 1);
    m->v.Module.body->items[0] = st;
    s = AdAst_DumpToString(m);
    ck_assert_str_eq(s, "Module(body=[Expr(value=Name(id='x', ctx=Load(), lineno=1, col_offset=0, "
                        "end_lineno=1, end_col_offset=1), lineno=1, col_offset=0, end_lineno=1, "
                        "end_col_offset=1)])");
    free(s);
    AdArena_Free(a);
}
END_TEST

Suite *ast_suite(void)
{
    Suite *s = suite_create("ast");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, arena_alloc_and_free);
    tcase_add_test(tc, float_repr);
    tcase_add_test(tc, const_repr);
    tcase_add_test(tc, printable);
    tcase_add_test(tc, dump_small_tree);
    suite_add_tcase(s, tc);
    return s;
}
