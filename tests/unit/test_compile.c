/* test_compile.c: the bytecode compiler (compiler/compile.h) -- the
 * assembler's encodings (exception table varints, PEP 626 location
 * table, code units), code object attributes and queries (co_lines,
 * co_positions, Addr2Line, replace), and marshal round trips.  Expected
 * bytes are what CPython 3.14 produces for the same source. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "compiler/compile_int.h"
#include "compiler/marshal.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects_fixture.h"

static void setup(void) { ad_test_objects_setup(); }

static AdObject *compile_src(const char *src)
{
    AdCompileError err;
    AdObject *co = AdCompile_String(src, strlen(src), "t.py", AD_COMPILE_EXEC, NULL, &err);
    ck_assert_msg(co != NULL, "compile failed: %s", err.msg ? err.msg : "?");
    return co;
}

static char *hex_of(AdObject *bytes)
{
    Ad_ssize_t n = AdBytes_GET_SIZE(bytes);
    char *s = malloc((size_t)n * 2 + 1);
    for (Ad_ssize_t i = 0; i < n; i++)
        sprintf(s + 2 * i, "%02x", (unsigned char)AdBytes_AS_STRING(bytes)[i]);
    s[2 * n] = 0;
    return s;
}

static void check_hex(AdObject *bytes, const char *want)
{
    char *got = hex_of(bytes);
    ck_assert_str_eq(got, want);
    free(got);
}

static AdObject *attr(AdObject *o, const char *name)
{
    AdObject *v = AdObject_GetAttrString(o, name);
    ck_assert_ptr_nonnull(v);
    return v;
}

START_TEST(exception_table_varints)
{
    unsigned char b[8];
    ck_assert_int_eq(asm_write_varint(b, 5), 1);
    ck_assert_int_eq(b[0], 5);
    ck_assert_int_eq(asm_write_varint(b, 100), 2);
    ck_assert_int_eq(b[0], 0x41);
    ck_assert_int_eq(b[1], 0x24);
    ck_assert_int_eq(asm_write_varint(b, 4096), 3);
    ck_assert_int_eq(b[0], 0x41);
    ck_assert_int_eq(b[1], 0x40);
    ck_assert_int_eq(b[2], 0x00);
}
END_TEST

START_TEST(module_code_and_linetable)
{
    AdObject *co = compile_src("x = 1\n");
    AdObject *code = attr(co, "co_code");
    check_hex(code, "80005e01740052012300");
    check_hex(((AdCodeObject *)co)->co_linetable, "f003010101d804058201");
    ck_assert_int_eq(AdTuple_GET_SIZE(((AdCodeObject *)co)->co_consts), 2);
    ck_assert_int_eq(AdCode_Addr2Line(co, 2), 1);
    ck_assert_int_eq(AdCode_Addr2Line(co, 0), 0);
    AdObject *r = AdObject_Repr(co);
    ck_assert_ptr_nonnull(r);
    ck_assert(strncmp(AdStr_AsUTF8(r), "<code object <module> at 0x", 27) == 0);
    ck_assert(strstr(AdStr_AsUTF8(r), ", file \"t.py\", line 1>") != NULL);
    Ad_DECREF(r);
    Ad_DECREF(code);
    Ad_DECREF(co);
}
END_TEST

START_TEST(try_except_tables)
{
    AdObject *mod = compile_src("def f(a):\n    try:\n        return a\n    except E:\n        pass\n");
    AdObject *co = AdTuple_GET_ITEM(((AdCodeObject *)mod)->co_consts, 0);
    ck_assert(AdCode_Check(co));
    AdObject *code = attr(co, "co_code");
    check_hex(code, "80001b005600230020005c0000000000000000000600640500001c001f001d005200230069003b031d006901");
    check_hex(((AdCodeObject *)co)->co_exceptiontable, "82010400840b130392011303");
    check_hex(((AdCodeObject *)co)->co_linetable, "8000f00203050dd80f108808f8dc0b0cf40001050dda080cf00301050dfa");
    ck_assert_int_eq(((AdCodeObject *)co)->co_stacksize, 4);
    /* co_lines(): (0, 2, 1), (2, 4, 2), (4, 8, 3), (8, 10, None), ... */
    AdObject *lines = AdObject_CallMethod(co, AdStr_FromString("co_lines"), NULL, 0);
    ck_assert_ptr_nonnull(lines);
    AdObject *first = AdIter_Next(lines);
    ck_assert_ptr_nonnull(first);
    ck_assert_int_eq(AdInt_AsInt64(AdTuple_GET_ITEM(first, 1)), 2);
    ck_assert_int_eq(AdInt_AsInt64(AdTuple_GET_ITEM(first, 2)), 1);
    Ad_DECREF(first);
    for (int i = 0; i < 3; i++) {
        AdObject *t = AdIter_Next(lines);
        ck_assert_ptr_nonnull(t);
        if (i == 2)
            ck_assert_ptr_eq(AdTuple_GET_ITEM(t, 2), Ad_None);
        Ad_DECREF(t);
    }
    Ad_DECREF(lines);
    int l, el, c, ec;
    AdCode_Addr2Location(co, 2, &l, &el, &c, &ec);
    ck_assert_int_eq(l, 2);
    ck_assert_int_eq(el, 5);
    ck_assert_int_eq(c, 4);
    ck_assert_int_eq(ec, 12);
    Ad_DECREF(code);
    Ad_DECREF(mod);
}
END_TEST

START_TEST(code_attributes_and_replace)
{
    AdObject *mod = compile_src("def f(a, b=1, *c, d, **e):\n    x = a\n    def g():\n        return x\n    return g\n");
    AdObject *co = NULL;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(((AdCodeObject *)mod)->co_consts); i++)
        if (AdCode_Check(AdTuple_GET_ITEM(((AdCodeObject *)mod)->co_consts, i)))
            co = AdTuple_GET_ITEM(((AdCodeObject *)mod)->co_consts, i);
    ck_assert_ptr_nonnull(co);
    ck_assert_int_eq(((AdCodeObject *)co)->co_argcount, 2);
    ck_assert_int_eq(((AdCodeObject *)co)->co_kwonlyargcount, 1);
    AdObject *vn = attr(co, "co_varnames");
    ck_assert_int_eq(AdTuple_GET_SIZE(vn), 6);
    ck_assert_str_eq(AdStr_AsUTF8(AdTuple_GET_ITEM(vn, 0)), "a");
    ck_assert_str_eq(AdStr_AsUTF8(AdTuple_GET_ITEM(vn, 5)), "g");
    AdObject *cv = attr(co, "co_cellvars");
    ck_assert_int_eq(AdTuple_GET_SIZE(cv), 1);
    ck_assert_str_eq(AdStr_AsUTF8(AdTuple_GET_ITEM(cv, 0)), "x");
    AdObject *name = attr(co, "co_qualname");
    ck_assert_str_eq(AdStr_AsUTF8(name), "f");
    ck_assert_int_eq(((AdCodeObject *)co)->co_flags, 0x0f);
    /* replace(co_name=...) keeps everything else; == compares */
    AdObject *rep = AdObject_GetAttrString(co, "replace");
    ck_assert_ptr_nonnull(rep);
    AdObject *kwv[1] = {AdStr_FromString("h")};
    AdObject *kwn = AdTuple_Pack(1, AdStr_FromString("co_name"));
    AdObject *co2 = AdObject_Vectorcall(rep, kwv, 0, kwn);
    ck_assert_ptr_nonnull(co2);
    ck_assert_str_eq(AdStr_AsUTF8(((AdCodeObject *)co2)->co_name), "h");
    ck_assert_int_eq(AdObject_RichCompareBool(co, co2, AD_EQ), 0);
    AdObject *co3 = AdObject_Vectorcall(rep, NULL, 0, NULL);
    ck_assert_ptr_nonnull(co3);
    ck_assert_int_eq(AdObject_RichCompareBool(co, co3, AD_EQ), 1);
    ck_assert_int_eq(AdObject_Hash(co), AdObject_Hash(co3));
    Ad_DECREF(co3);
    Ad_DECREF(co2);
    Ad_DECREF(kwn);
    Ad_DECREF(kwv[0]);
    Ad_DECREF(rep);
    Ad_DECREF(name);
    Ad_DECREF(cv);
    Ad_DECREF(vn);
    Ad_DECREF(mod);
}
END_TEST

START_TEST(marshal_values)
{
    AdObject *big = AdInt_FromString("1180591620717411303424", 22, 10);   /* 2**70 */
    AdObject *b = AdMarshal_Dumps(big, 5);
    ck_assert_ptr_nonnull(b);
    char *h = hex_of(b);
    /* 'l' (with the ref flag), 5 digits of 15 bits, the last 0x0400 */
    ck_assert_str_eq(h + 2, "0500000000000000000000000004");
    free(h);
    AdObject *back = AdMarshal_Loads(AdBytes_AS_STRING(b), AdBytes_GET_SIZE(b), NULL);
    ck_assert_ptr_nonnull(back);
    ck_assert_int_eq(AdObject_RichCompareBool(big, back, AD_EQ), 1);
    Ad_DECREF(back);
    Ad_DECREF(b);
    Ad_DECREF(big);
    AdObject *t = AdTuple_Pack(3, AdInt_FromInt64(-3), AdStr_FromString("ab"), Ad_None);
    b = AdMarshal_Dumps(t, 5);
    back = AdMarshal_Loads(AdBytes_AS_STRING(b), AdBytes_GET_SIZE(b), NULL);
    ck_assert_int_eq(AdObject_RichCompareBool(t, back, AD_EQ), 1);
    Ad_DECREF(back);
    Ad_DECREF(b);
    Ad_DECREF(t);
    /* truncated data */
    ck_assert_ptr_null(AdMarshal_Loads("l\x05", 2, NULL));
    AdErr_Clear();
}
END_TEST

START_TEST(marshal_code_round_trip)
{
    AdObject *mod = compile_src(
        "import os\nclass C:\n    def m(self, x=(1, 2.5, 3j)):\n        return [y for y in x if y]\n"
        "def g():\n    yield from range(3)\nS = slice(1, 2)\nZ = frozenset({1, 2, 3})\nB = b'xy' * 2\n");
    AdObject *b = AdMarshal_Dumps(mod, AD_MARSHAL_VERSION);
    ck_assert_ptr_nonnull(b);
    Ad_ssize_t used = 0;
    AdObject *back = AdMarshal_Loads(AdBytes_AS_STRING(b), AdBytes_GET_SIZE(b), &used);
    ck_assert_ptr_nonnull(back);
    ck_assert_int_eq(used, AdBytes_GET_SIZE(b));
    ck_assert(AdCode_Check(back));
    ck_assert_int_eq(AdObject_RichCompareBool(mod, back, AD_EQ), 1);
    AdObject *b2 = AdMarshal_Dumps(back, AD_MARSHAL_VERSION);
    ck_assert_int_eq(AdBytes_GET_SIZE(b2), AdBytes_GET_SIZE(b));
    ck_assert(memcmp(AdBytes_AS_STRING(b2), AdBytes_AS_STRING(b), (size_t)AdBytes_GET_SIZE(b)) == 0);
    Ad_DECREF(b2);
    Ad_DECREF(back);
    Ad_DECREF(b);
    Ad_DECREF(mod);
}
END_TEST

START_TEST(optimize_levels)
{
    /* -O drops asserts and makes __debug__ False; -OO also drops docstrings
     * (and CO_HAS_DOCSTRING).  Bytes as CPython 3.14 compiles them. */
    static const char src[] = "\"\"\"mod doc\"\"\"\ndef f():\n    \"\"\"fdoc\"\"\"\n"
                              "    assert x, \"m\"\n    return __debug__\n";
    static const char *const want[3] = {
        "80005c0000000000000000002700000000000000670800001c00510052013400000000000000680152022300",
        "800052012300", "800052002300"};
    static const int flags[3] = {0x4000003, 0x4000003, 0x3};
    for (int opt = 0; opt < 3; opt++) {
        AdCompileOptions o;
        memset(&o, 0, sizeof o);
        o.optimize = opt;
        AdCompileError err;
        AdObject *mod = AdCompile_String(src, strlen(src), "t.py", AD_COMPILE_EXEC, &o, &err);
        ck_assert_ptr_nonnull(mod);
        AdObject *co = NULL;
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(((AdCodeObject *)mod)->co_consts); i++)
            if (AdCode_Check(AdTuple_GET_ITEM(((AdCodeObject *)mod)->co_consts, i)))
                co = AdTuple_GET_ITEM(((AdCodeObject *)mod)->co_consts, i);
        ck_assert_ptr_nonnull(co);
        AdObject *code = attr(co, "co_code");
        check_hex(code, want[opt]);
        ck_assert_int_eq(((AdCodeObject *)co)->co_flags, flags[opt]);
        Ad_DECREF(code);
        Ad_DECREF(mod);
    }
}
END_TEST

START_TEST(compile_modes)
{
    static const struct { const char *src; AdCompileMode mode; const char *code; } cases[] = {
        {"1+2", AD_COMPILE_EVAL, "80005e032300"},
        {"x", AD_COMPILE_SINGLE, "80005d0035011f0052002300"},
        {"x = 1; y", AD_COMPILE_SINGLE, "80005e0174005d0135011f0052012300"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        AdCompileError err;
        AdObject *co = AdCompile_String(cases[i].src, strlen(cases[i].src), "<s>", cases[i].mode, NULL,
                                        &err);
        ck_assert_ptr_nonnull(co);
        AdObject *code = attr(co, "co_code");
        check_hex(code, cases[i].code);
        Ad_DECREF(code);
        Ad_DECREF(co);
    }
}
END_TEST

START_TEST(compile_errors)
{
    static const struct { const char *src, *msg; int line; } cases[] = {
        {"return 1\n", "'return' outside function", 1},
        {"x = 1\nbreak\n", "'break' outside loop", 2},
        {"continue\n", "'continue' not properly in loop", 1},
        {"yield 1\n", "'yield' outside function", 1},
        {"async def f():\n    yield from x\n", "'yield from' inside async function", 2},
        {"def f(**k):\n    f(a=1, a=2)\n", "keyword argument repeated: a", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        AdCompileError err;
        AdObject *co = AdCompile_String(cases[i].src, strlen(cases[i].src), "t.py", AD_COMPILE_EXEC,
                                        NULL, &err);
        ck_assert_ptr_null(co);
        ck_assert_int_eq(err.kind, AD_PERR_SYNTAX);
        ck_assert_str_eq(err.msg, cases[i].msg);
        ck_assert_int_eq(err.lineno, cases[i].line);
        AdParseError_Clear(&err);
    }
}
END_TEST

Suite *compile_suite(void)
{
    Suite *s = suite_create("compile");
    TCase *t = tcase_create("compile");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_set_timeout(t, 60);
    tcase_add_test(t, exception_table_varints);
    tcase_add_test(t, module_code_and_linetable);
    tcase_add_test(t, try_except_tables);
    tcase_add_test(t, code_attributes_and_replace);
    tcase_add_test(t, marshal_values);
    tcase_add_test(t, marshal_code_round_trip);
    tcase_add_test(t, optimize_levels);
    tcase_add_test(t, compile_modes);
    tcase_add_test(t, compile_errors);
    suite_add_tcase(s, t);
    return s;
}
