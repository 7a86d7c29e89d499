/* compile_preprocess.c -- what CPython 3.14 does to the AST before code
 * generation that is observable and not done elsewhere: the PEP 765
 * SyntaxWarnings for 'return', 'break' and 'continue' that would leave a
 * 'finally' block.  (Constant folding happens in the flow graph, the
 * %-format rewrite in codegen_expr.c, match literal folding in
 * codegen_match.c.) */
#include "compiler/compile_int.h"

int comp_preprocess(Compiler *c, const AdMod *mod);

/* in_finally: inside a finally body of the current function;
 * in_loop: inside a loop that is itself inside that finally body. */
static int pp_stmts(Compiler *c, AdAstSeq *seq, int in_finally, int in_loop);

static CLoc sloc(AdStmt *s)
{
    CLoc l = {s->lineno, s->end_lineno, s->col_offset, s->end_col_offset};
    return l;
}

static int pp_stmt(Compiler *c, AdStmt *s, int in_finally, int in_loop)
{
    switch (s->kind) {
    case AD_FunctionDef_kind:
    case AD_AsyncFunctionDef_kind:
        return pp_stmts(c, s->v.FunctionDef.body, 0, 0);
    case AD_ClassDef_kind:
        return pp_stmts(c, s->v.ClassDef.body, 0, 0);
    case AD_Return_kind:
        if (in_finally)
            return comp_warn(c, sloc(s), "'return' in a 'finally' block");
        return 0;
    case AD_Break_kind:
        if (in_finally && !in_loop)
            return comp_warn(c, sloc(s), "'break' in a 'finally' block");
        return 0;
    case AD_Continue_kind:
        if (in_finally && !in_loop)
            return comp_warn(c, sloc(s), "'continue' in a 'finally' block");
        return 0;
    case AD_For_kind:
    case AD_AsyncFor_kind:
        if (pp_stmts(c, s->v.For.body, in_finally, in_finally ? 1 : in_loop) < 0)
            return -1;
        return pp_stmts(c, s->v.For.orelse, in_finally, in_loop);
    case AD_While_kind:
        if (pp_stmts(c, s->v.While.body, in_finally, in_finally ? 1 : in_loop) < 0)
            return -1;
        return pp_stmts(c, s->v.While.orelse, in_finally, in_loop);
    case AD_If_kind:
        if (pp_stmts(c, s->v.If.body, in_finally, in_loop) < 0)
            return -1;
        return pp_stmts(c, s->v.If.orelse, in_finally, in_loop);
    case AD_With_kind:
    case AD_AsyncWith_kind:
        return pp_stmts(c, s->v.With.body, in_finally, in_loop);
    case AD_Try_kind:
    case AD_TryStar_kind:
        if (pp_stmts(c, s->v.Try.body, in_finally, in_loop) < 0)
            return -1;
        for (int i = 0; i < AdAstSeq_LEN(s->v.Try.handlers); i++) {
            AdExceptHandler *h = AdAstSeq_GET(s->v.Try.handlers, i);
            if (pp_stmts(c, h->body, in_finally, in_loop) < 0)
                return -1;
        }
        if (pp_stmts(c, s->v.Try.orelse, in_finally, in_loop) < 0)
            return -1;
        return pp_stmts(c, s->v.Try.finalbody, 1, 0);
    case AD_Match_kind:
        for (int i = 0; i < AdAstSeq_LEN(s->v.Match.cases); i++) {
            AdMatchCase *m = AdAstSeq_GET(s->v.Match.cases, i);
            if (pp_stmts(c, m->body, in_finally, in_loop) < 0)
                return -1;
        }
        return 0;
    default:
        return 0;
    }
}

static int pp_stmts(Compiler *c, AdAstSeq *seq, int in_finally, int in_loop)
{
    for (int i = 0; i < AdAstSeq_LEN(seq); i++)
        if (pp_stmt(c, AdAstSeq_GET(seq, i), in_finally, in_loop) < 0)
            return -1;
    return 0;
}

int comp_preprocess(Compiler *c, const AdMod *mod)
{
    switch (mod->kind) {
    case AD_Module_kind:
        return pp_stmts(c, mod->v.Module.body, 0, 0);
    case AD_Interactive_kind:
        return pp_stmts(c, mod->v.Interactive.body, 0, 0);
    default:
        return 0;
    }
}
