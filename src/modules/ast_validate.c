/* ast_validate.c -- checks on a tree built from Python ast objects.
 *
 * Owns: ast_validate, run on what compile(ast_object, ...) converted before
 * it reaches the compiler, with CPython 3.14's ValueError messages (contexts
 * of assignment targets, empty bodies and targets, malformed Compare, Dict,
 * BoolOp, arguments, Try, Raise, ImportFrom...).  The parser never makes
 * such trees; hand-made ones would otherwise reach code generation.
 */
#include "modules/ast_internal.h"
#include "objects/errors.h"
#include "objects/exceptions.h"

#include <string.h>

static int v_expr(const AdExpr *e, AdExprContext ctx);
static int v_stmts(const AdAstSeq *s);

static int fail(const char *fmt, const char *a, const char *b)
{
    AdErr_Format(AdExc_ValueError, fmt, a, b);
    return -1;
}

static const char *ctx_name(AdExprContext c)
{
    return c == AD_Store ? "Store" : c == AD_Del ? "Del" : "Load";
}

static int v_exprs(const AdAstSeq *s, AdExprContext ctx, int null_ok)
{
    for (int i = 0; i < AdAstSeq_LEN(s); i++) {
        const AdExpr *e = s->items[i];
        if (!e) {
            if (null_ok)
                continue;
            return fail("None disallowed in expression list", NULL, NULL);
        }
        if (v_expr(e, ctx) < 0)
            return -1;
    }
    return 0;
}

static int v_opt(const AdExpr *e, AdExprContext ctx)
{
    return e ? v_expr(e, ctx) : 0;
}

static int nonempty(const AdAstSeq *s, const char *what, const char *owner)
{
    if (AdAstSeq_LEN(s) == 0)
        return fail("empty %s on %s", what, owner);
    return 0;
}

static int v_body(const AdAstSeq *s, const char *owner)
{
    if (nonempty(s, "body", owner) < 0)
        return -1;
    return v_stmts(s);
}

static int v_name(const char *id)
{
    if (!strcmp(id, "None") || !strcmp(id, "True") || !strcmp(id, "False"))
        return fail("identifier field can't represent '%s' constant", id, NULL);
    return 0;
}

static int v_args(const AdArguments *a)
{
    const AdAstSeq *lists[] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < AdAstSeq_LEN(lists[l]); i++)
            if (v_opt(((const AdArg *)lists[l]->items[i])->annotation, AD_Load) < 0)
                return -1;
    if (a->vararg && v_opt(a->vararg->annotation, AD_Load) < 0)
        return -1;
    if (a->kwarg && v_opt(a->kwarg->annotation, AD_Load) < 0)
        return -1;
    if (AdAstSeq_LEN(a->defaults) > AdAstSeq_LEN(a->posonlyargs) + AdAstSeq_LEN(a->args))
        return fail("more positional defaults than args on arguments", NULL, NULL);
    if (AdAstSeq_LEN(a->kw_defaults) != AdAstSeq_LEN(a->kwonlyargs))
        return fail("length of kwonlyargs is not the same as kw_defaults on arguments", NULL, NULL);
    return v_exprs(a->defaults, AD_Load, 0) < 0 || v_exprs(a->kw_defaults, AD_Load, 1) < 0 ? -1 : 0;
}

static int v_comprehensions(const AdAstSeq *gens)
{
    if (AdAstSeq_LEN(gens) == 0)
        return fail("comprehension with no generators", NULL, NULL);
    for (int i = 0; i < AdAstSeq_LEN(gens); i++) {
        const AdComprehension *c = gens->items[i];
        if (v_expr(c->target, AD_Store) < 0 || v_expr(c->iter, AD_Load) < 0 || v_exprs(c->ifs, AD_Load, 0) < 0)
            return -1;
    }
    return 0;
}

static int v_type_params(const AdAstSeq *tps)
{
    for (int i = 0; i < AdAstSeq_LEN(tps); i++) {
        const AdTypeParam *tp = tps->items[i];
        if (v_opt(tp->bound, AD_Load) < 0 || v_opt(tp->default_value, AD_Load) < 0)
            return -1;
    }
    return 0;
}

static int v_keywords(const AdAstSeq *kws)
{
    for (int i = 0; i < AdAstSeq_LEN(kws); i++)
        if (v_expr(((const AdKeyword *)kws->items[i])->value, AD_Load) < 0)
            return -1;
    return 0;
}

/* The compiler knows !s, !r, !a and none (-1). */
static int bad_conversion(int c)
{
    if (c == -1 || c == 's' || c == 'r' || c == 'a')
        return 0;
    AdErr_Format(AdExc_SystemError, "Unrecognized conversion character %d", c);
    return 1;
}

static int v_expr(const AdExpr *e, AdExprContext ctx)
{
    int has_ctx = 1;
    AdExprContext actual = AD_Load;
    switch (e->kind) {
    case AD_Attribute_kind: actual = e->v.Attribute.ctx; break;
    case AD_Subscript_kind: actual = e->v.Subscript.ctx; break;
    case AD_Starred_kind: actual = e->v.Starred.ctx; break;
    case AD_Name_kind: actual = e->v.Name.ctx; break;
    case AD_List_kind: actual = e->v.List.ctx; break;
    case AD_Tuple_kind: actual = e->v.Tuple.ctx; break;
    default: has_ctx = 0;
    }
    if (has_ctx && actual != ctx)
        return fail("expression must have %s context but has %s instead", ctx_name(ctx), ctx_name(actual));
    if (!has_ctx && ctx != AD_Load)
        return fail("expression which can't be assigned to in %s context", ctx_name(ctx), NULL);
    if (ast_enter_depth(" during compilation"))
        return -1;
    int r = 0;
    switch (e->kind) {
    case AD_BoolOp_kind:
        if (AdAstSeq_LEN(e->v.BoolOp.values) < 2)
            r = fail("BoolOp with less than 2 values", NULL, NULL);
        else
            r = v_exprs(e->v.BoolOp.values, AD_Load, 0);
        break;
    case AD_NamedExpr_kind:
        if (e->v.NamedExpr.target->kind != AD_Name_kind)
            {
            AdErr_SetString(AdExc_TypeError, "NamedExpr target must be a Name");
            r = -1;
        }
        else
            r = v_expr(e->v.NamedExpr.target, AD_Store) < 0 || v_expr(e->v.NamedExpr.value, AD_Load) < 0 ? -1 : 0;
        break;
    case AD_BinOp_kind:
        r = v_expr(e->v.BinOp.left, AD_Load) < 0 || v_expr(e->v.BinOp.right, AD_Load) < 0 ? -1 : 0;
        break;
    case AD_UnaryOp_kind: r = v_expr(e->v.UnaryOp.operand, AD_Load); break;
    case AD_Lambda_kind: r = v_args(e->v.Lambda.args) < 0 || v_expr(e->v.Lambda.body, AD_Load) < 0 ? -1 : 0; break;
    case AD_IfExp_kind:
        r = v_expr(e->v.IfExp.test, AD_Load) < 0 || v_expr(e->v.IfExp.body, AD_Load) < 0 ||
            v_expr(e->v.IfExp.orelse, AD_Load) < 0 ? -1 : 0;
        break;
    case AD_Dict_kind:
        if (AdAstSeq_LEN(e->v.Dict.keys) != AdAstSeq_LEN(e->v.Dict.values))
            r = fail("Dict doesn't have the same number of keys as values", NULL, NULL);
        else
            r = v_exprs(e->v.Dict.keys, AD_Load, 1) < 0 || v_exprs(e->v.Dict.values, AD_Load, 0) < 0 ? -1 : 0;
        break;
    case AD_Set_kind: r = v_exprs(e->v.Set.elts, AD_Load, 0); break;
    case AD_ListComp_kind:
    case AD_SetComp_kind:
    case AD_GeneratorExp_kind:
        r = v_comprehensions(e->v.ListComp.generators) < 0 || v_expr(e->v.ListComp.elt, AD_Load) < 0 ? -1 : 0;
        break;
    case AD_DictComp_kind:
        r = v_comprehensions(e->v.DictComp.generators) < 0 || v_expr(e->v.DictComp.key, AD_Load) < 0 ||
            v_expr(e->v.DictComp.value, AD_Load) < 0 ? -1 : 0;
        break;
    case AD_Await_kind: r = v_expr(e->v.Await.value, AD_Load); break;
    case AD_Yield_kind: r = v_opt(e->v.Yield.value, AD_Load); break;
    case AD_YieldFrom_kind: r = v_expr(e->v.YieldFrom.value, AD_Load); break;
    case AD_Compare_kind: {
        int nops = e->v.Compare.ops ? e->v.Compare.ops->len : 0;
        if (AdAstSeq_LEN(e->v.Compare.comparators) == 0)
            r = fail("Compare with no comparators", NULL, NULL);
        else if (AdAstSeq_LEN(e->v.Compare.comparators) != nops)
            r = fail("Compare has a different number of comparators and operands", NULL, NULL);
        else
            r = v_exprs(e->v.Compare.comparators, AD_Load, 0) < 0 || v_expr(e->v.Compare.left, AD_Load) < 0 ? -1 : 0;
        break;
    }
    case AD_Call_kind:
        r = v_expr(e->v.Call.func, AD_Load) < 0 || v_exprs(e->v.Call.args, AD_Load, 0) < 0 ||
            v_keywords(e->v.Call.keywords) < 0 ? -1 : 0;
        break;
    case AD_FormattedValue_kind:
        if (bad_conversion(e->v.FormattedValue.conversion)) {
            r = -1;
            break;
        }
        r = v_expr(e->v.FormattedValue.value, AD_Load) < 0 || v_opt(e->v.FormattedValue.format_spec, AD_Load) < 0
                ? -1 : 0;
        break;
    case AD_Interpolation_kind:
        if (bad_conversion(e->v.Interpolation.conversion)) {
            r = -1;
            break;
        }
        r = v_expr(e->v.Interpolation.value, AD_Load) < 0 || v_opt(e->v.Interpolation.format_spec, AD_Load) < 0
                ? -1 : 0;
        break;
    case AD_JoinedStr_kind: r = v_exprs(e->v.JoinedStr.values, AD_Load, 0); break;
    case AD_TemplateStr_kind: r = v_exprs(e->v.TemplateStr.values, AD_Load, 0); break;
    case AD_Attribute_kind: r = v_expr(e->v.Attribute.value, AD_Load); break;
    case AD_Subscript_kind:
        r = v_expr(e->v.Subscript.value, AD_Load) < 0 || v_expr(e->v.Subscript.slice, AD_Load) < 0 ? -1 : 0;
        break;
    case AD_Starred_kind: r = v_expr(e->v.Starred.value, ctx); break;
    case AD_Name_kind: r = v_name(e->v.Name.id); break;
    case AD_List_kind: r = v_exprs(e->v.List.elts, ctx, 0); break;
    case AD_Tuple_kind: r = v_exprs(e->v.Tuple.elts, ctx, 0); break;
    case AD_Slice_kind:
        r = v_opt(e->v.Slice.lower, AD_Load) < 0 || v_opt(e->v.Slice.upper, AD_Load) < 0 ||
            v_opt(e->v.Slice.step, AD_Load) < 0 ? -1 : 0;
        break;
    default: break;
    }
    ast_leave_depth();
    return r;
}

static int v_pattern_in(const AdPattern *p, int star_ok);

static int v_pattern(const AdPattern *p)
{
    return v_pattern_in(p, 0);
}

static int v_match_value(const AdExpr *e)
{
    switch (e->kind) {
    case AD_Constant_kind: {
        AdConstKind k = e->v.Constant.value.kind;
        if (k == AD_CONST_NONE || k == AD_CONST_TRUE || k == AD_CONST_FALSE)
            return fail("unexpected constant inside of a literal pattern", NULL, NULL);
        return 0;
    }
    case AD_Attribute_kind:
    case AD_UnaryOp_kind:
    case AD_BinOp_kind:
    case AD_JoinedStr_kind:
        return v_expr(e, AD_Load);
    default:
        return fail("patterns may only match literals and attribute lookups", NULL, NULL);
    }
}

static int v_pattern_in(const AdPattern *p, int star_ok)
{
    switch (p->kind) {
    case AD_MatchValue_kind: return v_match_value(p->v.MatchValue.value);
    case AD_MatchSingleton_kind: {
        AdConstKind k = p->v.MatchSingleton.value.kind;
        if (k != AD_CONST_NONE && k != AD_CONST_TRUE && k != AD_CONST_FALSE)
            return fail("MatchSingleton can only contain True, False and None", NULL, NULL);
        return 0;
    }
    case AD_MatchStar_kind:
        if (!star_ok)
            return fail("can't use MatchStar here", NULL, NULL);
        return 0;
    case AD_MatchSequence_kind:
        for (int i = 0; i < AdAstSeq_LEN(p->v.MatchSequence.patterns); i++)
            if (v_pattern_in(p->v.MatchSequence.patterns->items[i], 1) < 0)
                return -1;
        return 0;
    case AD_MatchOr_kind:
        if (AdAstSeq_LEN(p->v.MatchOr.patterns) < 2)
            return fail("MatchOr requires at least 2 patterns", NULL, NULL);
        for (int i = 0; i < AdAstSeq_LEN(p->v.MatchOr.patterns); i++)
            if (v_pattern(p->v.MatchOr.patterns->items[i]) < 0)
                return -1;
        return 0;
    case AD_MatchMapping_kind:
        if (AdAstSeq_LEN(p->v.MatchMapping.keys) != AdAstSeq_LEN(p->v.MatchMapping.patterns))
            return fail("MatchMapping doesn't have the same number of keys as patterns", NULL, NULL);
        for (int i = 0; i < AdAstSeq_LEN(p->v.MatchMapping.patterns); i++)
            if (v_pattern(p->v.MatchMapping.patterns->items[i]) < 0)
                return -1;
        return 0;
    case AD_MatchClass_kind:
        if (AdAstSeq_LEN(p->v.MatchClass.kwd_attrs) != AdAstSeq_LEN(p->v.MatchClass.kwd_patterns))
            return fail("MatchClass doesn't have the same number of keyword attributes as patterns", NULL, NULL);
        for (int i = 0; i < AdAstSeq_LEN(p->v.MatchClass.patterns); i++)
            if (v_pattern(p->v.MatchClass.patterns->items[i]) < 0)
                return -1;
        for (int i = 0; i < AdAstSeq_LEN(p->v.MatchClass.kwd_patterns); i++)
            if (v_pattern(p->v.MatchClass.kwd_patterns->items[i]) < 0)
                return -1;
        return v_expr(p->v.MatchClass.cls, AD_Load);
    case AD_MatchAs_kind:
        if (p->v.MatchAs.name && !strcmp(p->v.MatchAs.name, "_"))
            return fail("can't capture name '_' in patterns", NULL, NULL);
        if (p->v.MatchAs.pattern && !p->v.MatchAs.name)
            return fail("MatchAs must specify a target name if a pattern is given", NULL, NULL);
        return p->v.MatchAs.pattern ? v_pattern(p->v.MatchAs.pattern) : 0;
    default: return 0;
    }
}

static int v_stmt(const AdStmt *s)
{
    const char *name = AdAst_StmtKindName(s->kind);
    switch (s->kind) {
    case AD_FunctionDef_kind:
    case AD_AsyncFunctionDef_kind:
        return v_body(s->v.FunctionDef.body, name) < 0 || v_type_params(s->v.FunctionDef.type_params) < 0 ||
               v_args(s->v.FunctionDef.args) < 0 || v_exprs(s->v.FunctionDef.decorator_list, AD_Load, 0) < 0 ||
               v_opt(s->v.FunctionDef.returns, AD_Load) < 0 ? -1 : 0;
    case AD_ClassDef_kind:
        return v_body(s->v.ClassDef.body, name) < 0 || v_type_params(s->v.ClassDef.type_params) < 0 ||
               v_exprs(s->v.ClassDef.bases, AD_Load, 0) < 0 || v_keywords(s->v.ClassDef.keywords) < 0 ||
               v_exprs(s->v.ClassDef.decorator_list, AD_Load, 0) < 0 ? -1 : 0;
    case AD_Return_kind: return v_opt(s->v.Return.value, AD_Load);
    case AD_Delete_kind:
        return nonempty(s->v.Delete.targets, "targets", name) < 0 || v_exprs(s->v.Delete.targets, AD_Del, 0) < 0
                   ? -1 : 0;
    case AD_Assign_kind:
        return nonempty(s->v.Assign.targets, "targets", name) < 0 ||
               v_exprs(s->v.Assign.targets, AD_Store, 0) < 0 || v_expr(s->v.Assign.value, AD_Load) < 0 ? -1 : 0;
    case AD_TypeAlias_kind:
        if (s->v.TypeAlias.name->kind != AD_Name_kind)
            return fail("TypeAlias with non-Name name", NULL, NULL);
        return v_expr(s->v.TypeAlias.name, AD_Store) < 0 || v_type_params(s->v.TypeAlias.type_params) < 0 ||
               v_expr(s->v.TypeAlias.value, AD_Load) < 0 ? -1 : 0;
    case AD_AugAssign_kind:
        return v_expr(s->v.AugAssign.target, AD_Store) < 0 || v_expr(s->v.AugAssign.value, AD_Load) < 0 ? -1 : 0;
    case AD_AnnAssign_kind:
        if (s->v.AnnAssign.simple && s->v.AnnAssign.target->kind != AD_Name_kind)
            {
            AdErr_SetString(AdExc_TypeError, "AnnAssign with simple non-Name target");
            return -1;
        }
        return v_expr(s->v.AnnAssign.target, AD_Store) < 0 || v_opt(s->v.AnnAssign.value, AD_Load) < 0 ||
               v_expr(s->v.AnnAssign.annotation, AD_Load) < 0 ? -1 : 0;
    case AD_For_kind:
    case AD_AsyncFor_kind:
        return v_expr(s->v.For.target, AD_Store) < 0 || v_expr(s->v.For.iter, AD_Load) < 0 ||
               v_body(s->v.For.body, name) < 0 || v_stmts(s->v.For.orelse) < 0 ? -1 : 0;
    case AD_While_kind:
    case AD_If_kind:
        return v_expr(s->v.If.test, AD_Load) < 0 || v_body(s->v.If.body, name) < 0 || v_stmts(s->v.If.orelse) < 0
                   ? -1 : 0;
    case AD_With_kind:
    case AD_AsyncWith_kind:
        if (nonempty(s->v.With.items, "items", name) < 0)
            return -1;
        for (int i = 0; i < AdAstSeq_LEN(s->v.With.items); i++) {
            const AdWithItem *w = s->v.With.items->items[i];
            if (v_expr(w->context_expr, AD_Load) < 0 || v_opt(w->optional_vars, AD_Store) < 0)
                return -1;
        }
        return v_body(s->v.With.body, name);
    case AD_Match_kind:
        if (v_expr(s->v.Match.subject, AD_Load) < 0 || nonempty(s->v.Match.cases, "cases", name) < 0)
            return -1;
        for (int i = 0; i < AdAstSeq_LEN(s->v.Match.cases); i++) {
            const AdMatchCase *c = s->v.Match.cases->items[i];
            if (v_pattern(c->pattern) < 0 || v_opt(c->guard, AD_Load) < 0 || v_body(c->body, "match_case") < 0)
                return -1;
        }
        return 0;
    case AD_Raise_kind:
        if (!s->v.Raise.exc && s->v.Raise.cause)
            return fail("Raise with cause but no exception", NULL, NULL);
        return v_opt(s->v.Raise.exc, AD_Load) < 0 || v_opt(s->v.Raise.cause, AD_Load) < 0 ? -1 : 0;
    case AD_Try_kind:
    case AD_TryStar_kind:
        if (v_body(s->v.Try.body, name) < 0)
            return -1;
        if (!AdAstSeq_LEN(s->v.Try.handlers) && !AdAstSeq_LEN(s->v.Try.finalbody))
            return fail("%s has neither except handlers nor finalbody", name, NULL);
        if (!AdAstSeq_LEN(s->v.Try.handlers) && AdAstSeq_LEN(s->v.Try.orelse))
            return fail("%s has orelse but no except handlers", name, NULL);
        for (int i = 0; i < AdAstSeq_LEN(s->v.Try.handlers); i++) {
            const AdExceptHandler *h = s->v.Try.handlers->items[i];
            if (v_opt(h->type, AD_Load) < 0 || v_body(h->body, "ExceptHandler") < 0)
                return -1;
        }
        return v_stmts(s->v.Try.finalbody) < 0 || v_stmts(s->v.Try.orelse) < 0 ? -1 : 0;
    case AD_Assert_kind:
        return v_expr(s->v.Assert.test, AD_Load) < 0 || v_opt(s->v.Assert.msg, AD_Load) < 0 ? -1 : 0;
    case AD_Import_kind: return nonempty(s->v.Import.names, "names", name);
    case AD_ImportFrom_kind:
        if (s->v.ImportFrom.level < 0)
            return fail("Negative ImportFrom level", NULL, NULL);
        return nonempty(s->v.ImportFrom.names, "names", name);
    case AD_Global_kind: return nonempty(s->v.Global.names, "names", name);
    case AD_Nonlocal_kind: return nonempty(s->v.Nonlocal.names, "names", name);
    case AD_Expr_kind: return v_expr(s->v.Expr.value, AD_Load);
    default: return 0;
    }
}

static int v_stmts(const AdAstSeq *s)
{
    for (int i = 0; i < AdAstSeq_LEN(s); i++) {
        if (!s->items[i])
            return fail("None disallowed in statement list", NULL, NULL);
        if (ast_enter_depth(" during compilation"))
            return -1;
        int r = v_stmt(s->items[i]);
        ast_leave_depth();
        if (r < 0)
            return -1;
    }
    return 0;
}

int ast_validate(const AdMod *mod)
{
    switch (mod->kind) {
    case AD_Module_kind: return v_stmts(mod->v.Module.body);
    case AD_Interactive_kind: return v_stmts(mod->v.Interactive.body);
    case AD_Expression_kind: return v_expr(mod->v.Expression.body, AD_Load);
    case AD_FunctionType_kind:
        return v_exprs(mod->v.FunctionType.argtypes, AD_Load, 0) < 0 ||
               v_expr(mod->v.FunctionType.returns, AD_Load) < 0 ? -1 : 0;
    }
    return 0;
}

/* ---- the depth guard shared with ast_convert.c ---- */

#define AST_MAX_DEPTH 10000

static int ast_depth;

int ast_enter_depth(const char *where)
{
    if (++ast_depth > AST_MAX_DEPTH) {
        ast_depth--;
        AdErr_Format(AdExc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void ast_leave_depth(void)
{
    ast_depth--;
}
