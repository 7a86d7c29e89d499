/* compile_unparse.c -- turning an annotation expression back into source
 * text, as CPython does for `from __future__ import annotations` (the
 * rules of its AST unparser: operator precedence and parentheses,
 * tuples without parentheses inside subscripts, repr of constants). */
#include "compiler/compile_int.h"

#include <stdlib.h>
#include <string.h>

#include "objects/errors.h"
#include "objects/float.h"
#include "objects/str.h"

char *comp_unparse_expr(Compiler *c, AdExpr *e);
AdObject *cg_const_from_ast(const AdConst *k);

enum { PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BXOR, PR_BAND,
       PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM };
#define PR_BOR PR_EXPR

typedef struct {
    char *v;
    size_t n, cap;
    int err;
} UBuf;

static void ub_add(UBuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap + n + 1) * 2;
        char *v = realloc(b->v, cap);
        if (!v) {
            b->err = 1;
            return;
        }
        b->v = v;
        b->cap = cap;
    }
    memcpy(b->v + b->n, s, n + 1);
    b->n += n;
}

static void ub_expr(UBuf *b, AdExpr *e, int level);

static void ub_const(UBuf *b, const AdConst *k)
{
    if (k->kind == AD_CONST_ELLIPSIS) {
        ub_add(b, "...");
        return;
    }
    AdObject *o = cg_const_from_ast(k);
    AdObject *r = o ? AdObject_Repr(o) : NULL;
    if (!r) {
        AdErr_Clear();
        b->err = 1;
        Ad_XDECREF(o);
        return;
    }
    const char *s = AdStr_AsUTF8(r);
    if (k->kind == AD_CONST_FLOAT && (strcmp(s, "inf") == 0 || strcmp(s, "-inf") == 0))
        ub_add(b, s[0] == '-' ? "-1e309" : "1e309");
    else if (k->kind == AD_CONST_COMPLEX && strstr(s, "inf"))
        ub_add(b, "1e309j");
    else
        ub_add(b, s ? s : "");
    Ad_DECREF(r);
    Ad_DECREF(o);
}

static void ub_seq(UBuf *b, AdAstSeq *s, int level)
{
    for (int i = 0; i < AdAstSeq_LEN(s); i++) {
        if (i)
            ub_add(b, ", ");
        ub_expr(b, AdAstSeq_GET(s, i), level);
    }
}

static void ub_tuple(UBuf *b, AdAstSeq *elts, int level)
{
    int n = AdAstSeq_LEN(elts);
    if (n == 0) {
        ub_add(b, "()");
        return;
    }
    if (level > PR_TUPLE)
        ub_add(b, "(");
    ub_seq(b, elts, PR_TEST);
    if (n == 1)
        ub_add(b, ",");
    if (level > PR_TUPLE)
        ub_add(b, ")");
}

static const char *binop_str(AdOperator op, int *pr)
{
    switch (op) {
    case AD_Add: *pr = PR_ARITH; return " + ";
    case AD_Sub: *pr = PR_ARITH; return " - ";
    case AD_Mult: *pr = PR_TERM; return " * ";
    case AD_MatMult: *pr = PR_TERM; return " @ ";
    case AD_Div: *pr = PR_TERM; return " / ";
    case AD_Mod: *pr = PR_TERM; return " % ";
    case AD_LShift: *pr = PR_SHIFT; return " << ";
    case AD_RShift: *pr = PR_SHIFT; return " >> ";
    case AD_BitOr: *pr = PR_BOR; return " | ";
    case AD_BitXor: *pr = PR_BXOR; return " ^ ";
    case AD_BitAnd: *pr = PR_BAND; return " & ";
    case AD_FloorDiv: *pr = PR_TERM; return " // ";
    case AD_Pow: *pr = PR_POWER; return " ** ";
    }
    *pr = PR_ATOM;
    return " ? ";
}

static const char *cmpop_str(AdCmpOp op)
{
    switch (op) {
    case AD_Eq: return " == ";
    case AD_NotEq: return " != ";
    case AD_Lt: return " < ";
    case AD_LtE: return " <= ";
    case AD_Gt: return " > ";
    case AD_GtE: return " >= ";
    case AD_Is: return " is ";
    case AD_IsNot: return " is not ";
    case AD_In: return " in ";
    case AD_NotIn: return " not in ";
    }
    return " ? ";
}

static void ub_args(UBuf *b, AdArguments *a)
{
    int first = 1;
    int npos = AdAstSeq_LEN(a->posonlyargs), nargs = AdAstSeq_LEN(a->args);
    int ndef = AdAstSeq_LEN(a->defaults);
    for (int i = 0; i < npos + nargs; i++) {
        AdArg *arg = i < npos ? AdAstSeq_GET(a->posonlyargs, i) : AdAstSeq_GET(a->args, i - npos);
        if (!first)
            ub_add(b, ", ");
        first = 0;
        ub_add(b, arg->arg);
        int di = i - (npos + nargs - ndef);
        if (di >= 0) {
            ub_add(b, "=");
            ub_expr(b, AdAstSeq_GET(a->defaults, di), PR_TEST);
        }
        if (i == npos - 1)
            ub_add(b, ", /");
    }
    if (a->vararg || AdAstSeq_LEN(a->kwonlyargs)) {
        if (!first)
            ub_add(b, ", ");
        first = 0;
        ub_add(b, "*");
        if (a->vararg)
            ub_add(b, a->vararg->arg);
    }
    for (int i = 0; i < AdAstSeq_LEN(a->kwonlyargs); i++) {
        AdArg *arg = AdAstSeq_GET(a->kwonlyargs, i);
        ub_add(b, ", ");
        ub_add(b, arg->arg);
        AdExpr *d = AdAstSeq_GET(a->kw_defaults, i);
        if (d) {
            ub_add(b, "=");
            ub_expr(b, d, PR_TEST);
        }
    }
    if (a->kwarg) {
        if (!first)
            ub_add(b, ", ");
        ub_add(b, "**");
        ub_add(b, a->kwarg->arg);
    }
}

static void ub_comp(UBuf *b, AdAstSeq *gens)
{
    for (int i = 0; i < AdAstSeq_LEN(gens); i++) {
        AdComprehension *g = AdAstSeq_GET(gens, i);
        ub_add(b, g->is_async ? " async for " : " for ");
        ub_expr(b, g->target, PR_TUPLE);
        ub_add(b, " in ");
        ub_expr(b, g->iter, PR_TEST + 1);
        for (int k = 0; k < AdAstSeq_LEN(g->ifs); k++) {
            ub_add(b, " if ");
            ub_expr(b, AdAstSeq_GET(g->ifs, k), PR_TEST + 1);
        }
    }
}

static void ub_expr(UBuf *b, AdExpr *e, int level)
{
    switch (e->kind) {
    case AD_BoolOp_kind: {
        int pr = e->v.BoolOp.op == AD_And ? PR_AND : PR_OR;
        if (level > pr)
            ub_add(b, "(");
        for (int i = 0; i < AdAstSeq_LEN(e->v.BoolOp.values); i++) {
            if (i)
                ub_add(b, pr == PR_AND ? " and " : " or ");
            ub_expr(b, AdAstSeq_GET(e->v.BoolOp.values, i), pr + 1);
        }
        if (level > pr)
            ub_add(b, ")");
        break;
    }
    case AD_BinOp_kind: {
        int pr;
        const char *op = binop_str(e->v.BinOp.op, &pr);
        int rassoc = e->v.BinOp.op == AD_Pow;
        if (level > pr)
            ub_add(b, "(");
        ub_expr(b, e->v.BinOp.left, pr + rassoc);
        ub_add(b, op);
        ub_expr(b, e->v.BinOp.right, pr + !rassoc);
        if (level > pr)
            ub_add(b, ")");
        break;
    }
    case AD_UnaryOp_kind: {
        const char *op;
        int pr = PR_FACTOR;
        switch (e->v.UnaryOp.op) {
        case AD_Invert: op = "~"; break;
        case AD_Not: op = "not "; pr = PR_NOT; break;
        case AD_UAdd: op = "+"; break;
        default: op = "-"; break;
        }
        if (level > pr)
            ub_add(b, "(");
        ub_add(b, op);
        ub_expr(b, e->v.UnaryOp.operand, pr);
        if (level > pr)
            ub_add(b, ")");
        break;
    }
    case AD_Lambda_kind:
        if (level > PR_TEST)
            ub_add(b, "(");
        ub_add(b, "lambda");
        {
            AdArguments *a = e->v.Lambda.args;
            if (AdAstSeq_LEN(a->args) || AdAstSeq_LEN(a->posonlyargs) || a->vararg ||
                AdAstSeq_LEN(a->kwonlyargs) || a->kwarg)
                ub_add(b, " ");
            ub_args(b, a);
        }
        ub_add(b, ": ");
        ub_expr(b, e->v.Lambda.body, PR_TEST);
        if (level > PR_TEST)
            ub_add(b, ")");
        break;
    case AD_IfExp_kind:
        if (level > PR_TEST)
            ub_add(b, "(");
        ub_expr(b, e->v.IfExp.body, PR_TEST + 1);
        ub_add(b, " if ");
        ub_expr(b, e->v.IfExp.test, PR_TEST + 1);
        ub_add(b, " else ");
        ub_expr(b, e->v.IfExp.orelse, PR_TEST);
        if (level > PR_TEST)
            ub_add(b, ")");
        break;
    case AD_Dict_kind:
        ub_add(b, "{");
        for (int i = 0; i < AdAstSeq_LEN(e->v.Dict.values); i++) {
            if (i)
                ub_add(b, ", ");
            AdExpr *k = AdAstSeq_GET(e->v.Dict.keys, i);
            if (k) {
                ub_expr(b, k, PR_TEST);
                ub_add(b, ": ");
                ub_expr(b, AdAstSeq_GET(e->v.Dict.values, i), PR_TEST);
            } else {
                ub_add(b, "**");
                ub_expr(b, AdAstSeq_GET(e->v.Dict.values, i), PR_EXPR);
            }
        }
        ub_add(b, "}");
        break;
    case AD_Set_kind:
        if (AdAstSeq_LEN(e->v.Set.elts) == 0) {
            ub_add(b, "{*()}");
            break;
        }
        ub_add(b, "{");
        ub_seq(b, e->v.Set.elts, PR_TEST);
        ub_add(b, "}");
        break;
    case AD_ListComp_kind:
        ub_add(b, "[");
        ub_expr(b, e->v.ListComp.elt, PR_TEST);
        ub_comp(b, e->v.ListComp.generators);
        ub_add(b, "]");
        break;
    case AD_SetComp_kind:
        ub_add(b, "{");
        ub_expr(b, e->v.SetComp.elt, PR_TEST);
        ub_comp(b, e->v.SetComp.generators);
        ub_add(b, "}");
        break;
    case AD_DictComp_kind:
        ub_add(b, "{");
        ub_expr(b, e->v.DictComp.key, PR_TEST);
        ub_add(b, ": ");
        ub_expr(b, e->v.DictComp.value, PR_TEST);
        ub_comp(b, e->v.DictComp.generators);
        ub_add(b, "}");
        break;
    case AD_GeneratorExp_kind:
        ub_add(b, "(");
        ub_expr(b, e->v.GeneratorExp.elt, PR_TEST);
        ub_comp(b, e->v.GeneratorExp.generators);
        ub_add(b, ")");
        break;
    case AD_Await_kind:
        if (level > PR_AWAIT)
            ub_add(b, "(");
        ub_add(b, "await ");
        ub_expr(b, e->v.Await.value, PR_ATOM);
        if (level > PR_AWAIT)
            ub_add(b, ")");
        break;
    case AD_Yield_kind:
        ub_add(b, e->v.Yield.value ? "(yield " : "(yield");
        if (e->v.Yield.value)
            ub_expr(b, e->v.Yield.value, PR_TEST);
        ub_add(b, ")");
        break;
    case AD_YieldFrom_kind:
        ub_add(b, "(yield from ");
        ub_expr(b, e->v.YieldFrom.value, PR_TEST);
        ub_add(b, ")");
        break;
    case AD_Compare_kind:
        if (level > PR_CMP)
            ub_add(b, "(");
        ub_expr(b, e->v.Compare.left, PR_CMP + 1);
        for (int i = 0; i < e->v.Compare.ops->len; i++) {
            ub_add(b, cmpop_str(e->v.Compare.ops->items[i]));
            ub_expr(b, AdAstSeq_GET(e->v.Compare.comparators, i), PR_CMP + 1);
        }
        if (level > PR_CMP)
            ub_add(b, ")");
        break;
    case AD_Call_kind: {
        ub_expr(b, e->v.Call.func, PR_ATOM);
        int na = AdAstSeq_LEN(e->v.Call.args);
        if (na == 1 && AdAstSeq_LEN(e->v.Call.keywords) == 0 &&
            ((AdExpr *)AdAstSeq_GET(e->v.Call.args, 0))->kind == AD_GeneratorExp_kind) {
            ub_expr(b, AdAstSeq_GET(e->v.Call.args, 0), PR_TEST);
            break;
        }
        ub_add(b, "(");
        int first = 1;
        for (int i = 0; i < na; i++) {
            if (!first)
                ub_add(b, ", ");
            first = 0;
            ub_expr(b, AdAstSeq_GET(e->v.Call.args, i), PR_TEST);
        }
        for (int i = 0; i < AdAstSeq_LEN(e->v.Call.keywords); i++) {
            AdKeyword *k = AdAstSeq_GET(e->v.Call.keywords, i);
            if (!first)
                ub_add(b, ", ");
            first = 0;
            if (k->arg) {
                ub_add(b, k->arg);
                ub_add(b, "=");
            } else {
                ub_add(b, "**");
            }
            ub_expr(b, k->value, PR_TEST);
        }
        ub_add(b, ")");
        break;
    }
    case AD_Constant_kind:
        ub_const(b, &e->v.Constant.value);
        break;
    case AD_Attribute_kind: {
        AdExpr *v = e->v.Attribute.value;
        ub_expr(b, v, PR_ATOM);
        int intc = v->kind == AD_Constant_kind &&
                   (v->v.Constant.value.kind == AD_CONST_INT || v->v.Constant.value.kind == AD_CONST_BIGINT);
        ub_add(b, intc ? " ." : ".");
        ub_add(b, e->v.Attribute.attr);
        break;
    }
    case AD_Subscript_kind:
        ub_expr(b, e->v.Subscript.value, PR_ATOM);
        ub_add(b, "[");
        if (e->v.Subscript.slice->kind == AD_Tuple_kind && AdAstSeq_LEN(e->v.Subscript.slice->v.Tuple.elts))
            ub_tuple(b, e->v.Subscript.slice->v.Tuple.elts, PR_TUPLE);
        else
            ub_expr(b, e->v.Subscript.slice, PR_TUPLE);
        ub_add(b, "]");
        break;
    case AD_Starred_kind:
        ub_add(b, "*");
        ub_expr(b, e->v.Starred.value, PR_EXPR);
        break;
    case AD_Name_kind:
        ub_add(b, e->v.Name.id);
        break;
    case AD_List_kind:
        ub_add(b, "[");
        ub_seq(b, e->v.List.elts, PR_TEST);
        ub_add(b, "]");
        break;
    case AD_Tuple_kind:
        ub_tuple(b, e->v.Tuple.elts, level);
        break;
    case AD_Slice_kind:
        if (e->v.Slice.lower)
            ub_expr(b, e->v.Slice.lower, PR_TEST);
        ub_add(b, ":");
        if (e->v.Slice.upper)
            ub_expr(b, e->v.Slice.upper, PR_TEST);
        if (e->v.Slice.step) {
            ub_add(b, ":");
            ub_expr(b, e->v.Slice.step, PR_TEST);
        }
        break;
    case AD_NamedExpr_kind:
        if (level > PR_TUPLE)
            ub_add(b, "(");
        ub_expr(b, e->v.NamedExpr.target, PR_ATOM);
        ub_add(b, " := ");
        ub_expr(b, e->v.NamedExpr.value, PR_ATOM);
        if (level > PR_TUPLE)
            ub_add(b, ")");
        break;
    default:
        ub_add(b, "...");
        break;
    }
}

char *comp_unparse_expr(Compiler *c, AdExpr *e)
{
    UBuf b = {0};
    ub_add(&b, "");
    ub_expr(&b, e, PR_TEST);
    if (b.err || !b.v) {
        free(b.v);
        comp_nomem(c);
        return NULL;
    }
    char *r = comp_strdup(c, b.v);
    free(b.v);
    return r;
}
