/* test_symtable.c: the compiler's symbol table (compiler/symtable.h) --
 * scopes and flags, cell/free variable order (checked against the
 * co_cellvars / co_freevars CPython 3.14 gives the same code), block flags,
 * lookup by AST key, PEP 709 inlining, mangling, future features, compile
 * flags, error records, and the internal name map. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable.h"
#include "compiler/symtable_int.h"
#include "parser/parser.h"

typedef struct {
    AdArena *arena;
    AdMod *mod;
    AdSymtable *st;
    AdParseError err;
} built;

static void build_mode(built *b, const char *src, AdParseMode mode, int flags)
{
    b->arena = AdArena_New();
    ck_assert_ptr_nonnull(b->arena);
    AdParseError perr;
    b->mod = AdParser_ParseString(src, strlen(src), "t.py", mode, AD_PARSEF_STR_INPUT,
                                  b->arena, &perr);
    ck_assert_msg(b->mod != NULL, "parse failed: %s", perr.msg ? perr.msg : "?");
    b->st = AdSymtable_Build(b->mod, "t.py", flags, &b->err);
}

static void build(built *b, const char *src)
{
    build_mode(b, src, AD_PARSE_EXEC, 0);
    ck_assert_msg(b->st != NULL, "symtable failed: %s", b->err.msg ? b->err.msg : "?");
}

static void release(built *b)
{
    AdSymtable_Free(b->st);
    AdParseError_Clear(&b->err);
    AdArena_Free(b->arena);
}

/* The child of STE named NAME with type TYPE (first match). */
static AdSymtableEntry *child(AdSymtableEntry *ste, AdBlockType type, const char *name)
{
    for (int i = 0; i < ste->nchildren; i++)
        if (ste->children[i]->type == type && strcmp(ste->children[i]->name, name) == 0)
            return ste->children[i];
    ck_abort_msg("no child %s of %s", name, ste->name);
    return NULL;
}

static void check_names(const char **got, int n, const char *const *want, int nwant)
{
    ck_assert_int_eq(n, nwant);
    for (int i = 0; i < n; i++)
        ck_assert_str_eq(got[i], want[i]);
}

START_TEST(test_closure_scopes_and_cells)
{
    built b;
    build(&b, "def outer(b, a):\n"
              "    z = 1; y = 2\n"
              "    def inner():\n"
              "        return a, z, y, b, g\n"
              "    return inner\n");
    AdSymtableEntry *top = AdSymtable_Top(b.st);
    ck_assert_int_eq(top->type, AD_BLOCK_MODULE);
    ck_assert_str_eq(top->name, "top");
    AdSymtableEntry *outer = child(top, AD_BLOCK_FUNCTION, "outer");
    AdSymtableEntry *inner = child(outer, AD_BLOCK_FUNCTION, "inner");
    ck_assert_int_eq(AdSymtableEntry_GetScope(outer, "a"), AD_SCOPE_CELL);
    ck_assert_int_eq(AdSymtableEntry_GetScope(outer, "inner"), AD_SCOPE_LOCAL);
    ck_assert_int_eq(AdSymtableEntry_GetScope(inner, "a"), AD_SCOPE_FREE);
    ck_assert_int_eq(AdSymtableEntry_GetScope(inner, "g"), AD_SCOPE_GLOBAL_IMPLICIT);
    ck_assert_int_eq(AdSymtableEntry_GetScope(inner, "nope"), AD_SCOPE_NONE);
    ck_assert(AdSymtableEntry_GetSymbol(outer, "b") & AD_DEF_PARAM);
    ck_assert_int_eq(outer->nested, 0);
    ck_assert_int_eq(inner->nested, 1);
    /* CPython: outer.co_cellvars == ('b', 'a', 'y', 'z'),
     * inner.co_freevars == ('a', 'b', 'y', 'z') */
    int n;
    const char **cells = AdSymtableEntry_CellVars(outer, &n);
    static const char *const want_cells[] = {"b", "a", "y", "z"};
    check_names(cells, n, want_cells, 4);
    free(cells);
    const char **frees = AdSymtableEntry_FreeVars(inner, &n);
    static const char *const want_frees[] = {"a", "b", "y", "z"};
    check_names(frees, n, want_frees, 4);
    free(frees);
    ck_assert_ptr_null(AdSymtableEntry_FreeVars(outer, &n));
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(outer->nvarnames, 2);
    ck_assert_str_eq(outer->varnames[0], "b");
    ck_assert_str_eq(outer->varnames[1], "a");
    release(&b);
}
END_TEST

START_TEST(test_class_implicit_cells)
{
    built b;
    build(&b, "class C:\n"
              "    def m(self):\n"
              "        return super(), __class__\n"
              "class D:\n"
              "    if c:\n"
              "        x: int\n"
              "    def f(self): return __classdict__\n");
    AdSymtableEntry *top = AdSymtable_Top(b.st);
    AdSymtableEntry *c = child(top, AD_BLOCK_CLASS, "C");
    AdSymtableEntry *m = child(c, AD_BLOCK_FUNCTION, "m");
    ck_assert_int_eq(m->method, 1);
    ck_assert_int_eq(c->needs_class_closure, 1);
    /* CPython: C.co_cellvars == ('__class__', '__classdict__'), m.co_freevars == ('__class__',) */
    int n;
    const char **cells = AdSymtableEntry_CellVars(c, &n);
    static const char *const want_c[] = {"__class__", "__classdict__"};
    check_names(cells, n, want_c, 2);
    free(cells);
    const char **frees = AdSymtableEntry_FreeVars(m, &n);
    static const char *const want_m[] = {"__class__"};
    check_names(frees, n, want_m, 1);
    free(frees);
    /* D.co_cellvars == ('__classdict__', '__conditional_annotations__');
     * its __annotate__ has both as co_freevars, but the symbol table only
     * knows __classdict__: the code generator adds the other. */
    AdSymtableEntry *d = child(top, AD_BLOCK_CLASS, "D");
    ck_assert_int_eq(d->has_conditional_annotations, 1);
    ck_assert_int_eq(d->needs_class_closure, 0);
    cells = AdSymtableEntry_CellVars(d, &n);
    static const char *const want_d[] = {"__classdict__", "__conditional_annotations__"};
    check_names(cells, n, want_d, 2);
    free(cells);
    ck_assert_ptr_nonnull(d->annotation_block);
    ck_assert_int_eq(d->annotation_block->type, AD_BLOCK_ANNOTATION);
    ck_assert_int_eq(d->annotation_block->can_see_class_scope, 1);
    frees = AdSymtableEntry_FreeVars(d->annotation_block, &n);
    check_names(frees, n, want_d, 1);
    free(frees);
    release(&b);
}
END_TEST

START_TEST(test_block_flags)
{
    built b;
    build(&b, "def gen(*a, **k):\n    'doc'\n    yield 1\n    return 2\n"
              "async def co():\n    await x\n"
              "async def agen():\n    yield\n");
    AdSymtableEntry *top = AdSymtable_Top(b.st);
    AdSymtableEntry *gen = child(top, AD_BLOCK_FUNCTION, "gen");
    ck_assert_int_eq(gen->generator, 1);
    ck_assert_int_eq(gen->coroutine, 0);
    ck_assert_int_eq(gen->returns_value, 1);
    ck_assert_int_eq(gen->varargs, 1);
    ck_assert_int_eq(gen->varkeywords, 1);
    ck_assert_int_eq(gen->has_docstring, 1);
    AdSymtableEntry *co = child(top, AD_BLOCK_FUNCTION, "co");
    ck_assert_int_eq(co->coroutine, 1);
    ck_assert_int_eq(co->generator, 0);
    ck_assert_int_eq(co->varargs, 0);
    AdSymtableEntry *agen = child(top, AD_BLOCK_FUNCTION, "agen");
    ck_assert_int_eq(agen->coroutine, 1);
    ck_assert_int_eq(agen->generator, 1);
    release(&b);
}
END_TEST

START_TEST(test_lookup_and_inlining)
{
    built b;
    build(&b, "def f(a):\n    return [x for x in a], (y for y in a), lambda: a\n");
    AdStmt *def = AdAstSeq_GET(b.mod->v.Module.body, 0);
    AdSymtableEntry *f = AdSymtable_Lookup(b.st, def);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f->name, "f");
    ck_assert_ptr_eq(AdSymtable_Lookup(b.st, b.mod), AdSymtable_Top(b.st));
    AdSymtableEntry *ann = AdSymtable_Lookup(b.st, def->v.FunctionDef.args);
    ck_assert_ptr_nonnull(ann);
    ck_assert_int_eq(ann->type, AD_BLOCK_ANNOTATION);
    AdStmt *ret = AdAstSeq_GET(def->v.FunctionDef.body, 0);
    AdExpr *tuple = ret->v.Return.value;
    AdExpr *lc = AdAstSeq_GET(tuple->v.Tuple.elts, 0);
    AdExpr *ge = AdAstSeq_GET(tuple->v.Tuple.elts, 1);
    AdExpr *lam = AdAstSeq_GET(tuple->v.Tuple.elts, 2);
    AdSymtableEntry *lce = AdSymtable_Lookup(b.st, lc);
    AdSymtableEntry *gee = AdSymtable_Lookup(b.st, ge);
    AdSymtableEntry *lame = AdSymtable_Lookup(b.st, lam);
    ck_assert_ptr_nonnull(lce);
    ck_assert_ptr_nonnull(gee);
    ck_assert_ptr_nonnull(lame);
    ck_assert_str_eq(lce->name, "listcomp");
    ck_assert_int_eq(lce->comprehension, AD_COMP_LIST);
    ck_assert_int_eq(lce->comp_inlined, 1);
    ck_assert_int_eq(gee->comprehension, AD_COMP_GENEXP);
    ck_assert_int_eq(gee->comp_inlined, 0);
    ck_assert_int_eq(gee->generator, 1);
    ck_assert_str_eq(gee->varnames[0], ".0");
    /* The inlined comprehension's names joined f; it left f's children. */
    ck_assert(AdSymtableEntry_GetSymbol(f, "x") & AD_DEF_COMP_ITER);
    ck_assert_int_eq(AdSymtableEntry_GetScope(f, "y"), AD_SCOPE_NONE);
    ck_assert_int_eq(f->nchildren, 2);
    ck_assert_ptr_eq(f->children[0], gee);
    ck_assert_ptr_eq(f->children[1], lame);
    ck_assert_int_eq(AdSymtableEntry_GetScope(f, "a"), AD_SCOPE_CELL);
    release(&b);
}
END_TEST

START_TEST(test_type_param_keys)
{
    built b;
    build(&b, "class C:\n    def m[T: int = str, **P](self): pass\n");
    AdStmt *cls = AdAstSeq_GET(b.mod->v.Module.body, 0);
    AdStmt *m = AdAstSeq_GET(cls->v.ClassDef.body, 0);
    AdSymtableEntry *tps = AdSymtable_Lookup(b.st, m->v.FunctionDef.type_params);
    ck_assert_ptr_nonnull(tps);
    ck_assert_int_eq(tps->type, AD_BLOCK_TYPE_PARAMETERS);
    ck_assert_str_eq(tps->name, "m");
    ck_assert_int_eq(tps->can_see_class_scope, 1);
    ck_assert_str_eq(tps->varnames[0], ".defaults");
    AdTypeParam *t = AdAstSeq_GET(m->v.FunctionDef.type_params, 0);
    AdSymtableEntry *bound = AdSymtable_Lookup(b.st, t);
    AdSymtableEntry *dflt = AdSymtable_Lookup(b.st, (const char *)t + 1);
    ck_assert_ptr_nonnull(bound);
    ck_assert_ptr_nonnull(dflt);
    ck_assert_int_eq(bound->type, AD_BLOCK_TYPE_VARIABLE);
    ck_assert_str_eq(bound->scope_info, "a TypeVar bound");
    ck_assert_str_eq(dflt->scope_info, "a TypeVar default");
    ck_assert_int_eq(AdSymtableEntry_GetScope(bound, "__classdict__"), AD_SCOPE_FREE);
    AdSymtableEntry *c = AdSymtable_Lookup(b.st, cls);
    ck_assert_int_eq(c->needs_classdict, 1);
    ck_assert(AdSymtableEntry_GetSymbol(tps, "T") & AD_DEF_TYPE_PARAM);
    AdTypeParam *p = AdAstSeq_GET(m->v.FunctionDef.type_params, 1);
    ck_assert_ptr_null(AdSymtable_Lookup(b.st, p));   /* no default: no block */
    release(&b);
}
END_TEST

START_TEST(test_mangle)
{
    char *m = AdSymtable_Mangle("Ham", "__spam");
    ck_assert_str_eq(m, "_Ham__spam");
    free(m);
    m = AdSymtable_Mangle("__Ham_", "__spam");
    ck_assert_str_eq(m, "_Ham___spam");
    free(m);
    const char *same[] = {"__init__", "_x", "x", "__a.b", "__"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        ck_assert_ptr_eq(AdSymtable_Mangle("C", same[i]), same[i]);
    const char *x = "__x";
    ck_assert_ptr_eq(AdSymtable_Mangle("___", x), x);
    ck_assert_ptr_eq(AdSymtable_Mangle(NULL, x), x);

    built b;
    build(&b, "class K:\n    __a = 1\n    def __m(self): return __b\n");
    AdSymtableEntry *k = child(AdSymtable_Top(b.st), AD_BLOCK_CLASS, "K");
    ck_assert_int_eq(AdSymtableEntry_GetScope(k, "_K__a"), AD_SCOPE_LOCAL);
    ck_assert_int_eq(AdSymtableEntry_GetScope(k, "_K__m"), AD_SCOPE_LOCAL);
    AdSymtableEntry *fm = child(k, AD_BLOCK_FUNCTION, "__m");
    ck_assert_int_eq(AdSymtableEntry_GetScope(fm, "_K__b"), AD_SCOPE_GLOBAL_IMPLICIT);
    release(&b);
}
END_TEST

START_TEST(test_errors)
{
    built b;
    build_mode(&b, "y = 1\nnonlocal x\n", AD_PARSE_EXEC, 0);
    ck_assert_ptr_null(b.st);
    ck_assert_int_eq(b.err.kind, AD_PERR_SYNTAX);
    ck_assert_str_eq(b.err.msg, "nonlocal declaration not allowed at module level");
    ck_assert_str_eq(b.err.filename, "t.py");
    ck_assert_int_eq(b.err.lineno, 2);
    ck_assert_int_eq(b.err.offset, 1);
    ck_assert_int_eq(b.err.end_lineno, 2);
    ck_assert_int_eq(b.err.end_offset, 11);
    ck_assert_ptr_null(b.err.text);
    release(&b);

    build_mode(&b, "def f(a, b, a): pass\n", AD_PARSE_EXEC, 0);
    ck_assert_ptr_null(b.st);
    ck_assert_str_eq(b.err.msg, "duplicate argument 'a' in function definition");
    ck_assert_int_eq(b.err.offset, 13);
    release(&b);

    build_mode(&b, "await x\n", AD_PARSE_EXEC, 0);
    ck_assert_ptr_null(b.st);
    ck_assert_str_eq(b.err.msg, "'await' outside function");
    release(&b);
}
END_TEST

START_TEST(test_top_level_await_flag)
{
    built b;
    build_mode(&b, "await x\n[y async for y in z]\nasync with a: pass\n", AD_PARSE_EXEC,
               AD_CF_ALLOW_TOP_LEVEL_AWAIT);
    ck_assert_ptr_nonnull(b.st);
    ck_assert_int_eq(AdSymtable_Top(b.st)->coroutine, 1);
    release(&b);
}
END_TEST

START_TEST(test_future_features)
{
    built b;
    build(&b, "'doc'\nfrom __future__ import annotations\nx: int\n");
    ck_assert_int_eq(AdSymtable_Features(b.st), AD_FUTURE_ANNOTATIONS);
    AdSymtableEntry *top = AdSymtable_Top(b.st);
    ck_assert_int_eq(top->has_docstring, 1);
    /* the __annotate__ block exists but is not a child */
    ck_assert_ptr_nonnull(top->annotation_block);
    ck_assert_int_eq(top->nchildren, 0);
    ck_assert_int_eq(top->has_conditional_annotations, 1);
    release(&b);
    build(&b, "x: int\n");
    ck_assert_int_eq(AdSymtable_Features(b.st), 0);
    ck_assert_int_eq(AdSymtable_Top(b.st)->nchildren, 1);
    release(&b);
    build_mode(&b, "x: int\n", AD_PARSE_EXEC, AD_FUTURE_ANNOTATIONS);
    ck_assert_int_eq(AdSymtable_Features(b.st), AD_FUTURE_ANNOTATIONS);
    ck_assert_int_eq(AdSymtable_Top(b.st)->nchildren, 0);
    release(&b);
}
END_TEST

START_TEST(test_expression_mode)
{
    built b;
    build_mode(&b, "lambda q: q + r", AD_PARSE_EVAL, 0);
    ck_assert_ptr_nonnull(b.st);
    AdSymtableEntry *lam = child(AdSymtable_Top(b.st), AD_BLOCK_FUNCTION, "lambda");
    ck_assert_int_eq(AdSymtableEntry_GetScope(lam, "q"), AD_SCOPE_LOCAL);
    ck_assert_int_eq(AdSymtableEntry_GetScope(lam, "r"), AD_SCOPE_GLOBAL_IMPLICIT);
    int pos = 0, count = 0;
    const char *name;
    long flags;
    while (AdSymtableEntry_NextSymbol(lam, &pos, &name, &flags))
        count++;
    ck_assert_int_eq(count, 2);
    release(&b);
}
END_TEST

START_TEST(test_name_map)
{
    AdNameMap m;
    compiler_map_init(&m);
    char names[300][8];
    for (int i = 0; i < 300; i++) {
        snprintf(names[i], sizeof names[i], "n%d", i);
        ck_assert_int_eq(compiler_map_set(&m, names[i], i), 0);
    }
    for (int i = 0; i < 300; i += 2)
        ck_assert_int_eq(compiler_map_discard(&m, names[i]), 1);
    ck_assert_int_eq(compiler_map_discard(&m, "n0"), 0);
    ck_assert_int_eq(compiler_map_set(&m, "n0", 1000), 0);   /* re-added: goes last */
    ck_assert_int_eq(compiler_map_get(&m, "n1", -1), 1);
    ck_assert_int_eq(compiler_map_get(&m, "n2", -1), -1);
    ck_assert_int_eq(compiler_map_set(&m, "n1", 7), 0);      /* update keeps position */
    int pos = 0, k = 0;
    const char *name;
    long v;
    const char *first = NULL, *last = NULL;
    while (compiler_map_next(&m, &pos, &name, &v)) {
        if (!first)
            first = name;
        last = name;
        k++;
    }
    ck_assert_int_eq(k, 151);
    ck_assert_str_eq(first, "n1");
    ck_assert_str_eq(last, "n0");
    ck_assert_int_eq(compiler_map_get(&m, "n1", -1), 7);
    AdNameMap c;
    ck_assert_int_eq(compiler_map_copy(&c, &m), 0);
    ck_assert_int_eq(c.live, 151);
    ck_assert(compiler_map_contains(&c, "n299"));
    compiler_map_clear(&c);
    compiler_map_clear(&m);
}
END_TEST

Suite *symtable_suite(void)
{
    Suite *s = suite_create("symtable");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_closure_scopes_and_cells);
    tcase_add_test(tc, test_class_implicit_cells);
    tcase_add_test(tc, test_block_flags);
    tcase_add_test(tc, test_lookup_and_inlining);
    tcase_add_test(tc, test_type_param_keys);
    tcase_add_test(tc, test_mangle);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_top_level_await_flag);
    tcase_add_test(tc, test_future_features);
    tcase_add_test(tc, test_expression_mode);
    tcase_add_test(tc, test_name_map);
    suite_add_tcase(s, tc);
    return s;
}
