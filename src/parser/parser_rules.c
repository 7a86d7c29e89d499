/* parser_rules.c -- the rules of Python 3.14's grammar (Grammar/python.gram)
 * as hand-written PEG functions.
 *
 * Owns: one static function per grammar rule (r_<rule>), with the same
 * alternatives in the same order; the left-recursive rules (primary,
 * t_primary, bitwise operators, sums, terms, dotted names, attributes) are
 * written as loops that grow the result exactly as pegen's seed growing
 * does.  Rules marked (memo) in the grammar are memoized per token.
 * The invalid_* rules run only in the second pass (p->invalid).
 *
 * Convention: a rule that fails restores the mark and returns NULL; once
 * p->error is set every rule fails at once.
 */
#include "parser/parser_int.h"

#include <stdlib.h>
#include <string.h>

enum {
    M_expression = 1, M_disjunction, M_conjunction, M_inversion, M_factor,
    M_await_primary, M_star_expression, M_star_target, M_target_with_star_atom,
    M_del_target, M_t_primary, M_simple_stmt, M_block, M_arguments,
    M_strings, M_closed_pattern, M_star_pattern, M_type_param,
    M_invalid_named_expression, M_import_stmt, M_bitwise_or, M_primary,
    M_bitwise_xor, M_bitwise_and, M_shift_expr, M_sum, M_term
};

#define BEGIN_RULE \
    if (p->error) return NULL; \
    int _start = p->mark; (void)_start
#define RESET() (p->mark = _start)
#define FAIL() do { p->mark = _start; return NULL; } while (0)
#define TOK(t) parser_expect(p, (t))
#define KW(k) parser_expect_kw(p, (k))
#define NAME() parser_name_token(p)
#define SOFT(s) parser_expect_soft(p, (s))
#define ERR() (p->error)

#define MEMO_BEGIN(id, T) \
    if (p->error) return NULL; \
    { void *_mn; if (parser_memo_get(p, (id), &_mn)) return (T)_mn; } \
    int _mstart = p->mark

#define MEMO_END(id, res) \
    do { if (!(res)) p->mark = _mstart; \
         parser_memo_put(p, (id), _mstart, (res)); } while (0)

/* For rules reached in the first pass only through their memoized parent
 * at the same position (the links of the binary-operator chain): each runs
 * at most a few times per position without a memo of its own, so it is
 * memoized only in the second pass, where invalid_* rules call it too. */
#define MEMO2_BEGIN(id, T) \
    if (p->error) return NULL; \
    if (p->invalid) { void *_mn; if (parser_memo_get(p, (id), &_mn)) return (T)_mn; } \
    int _mstart = p->mark

#define MEMO2_END(id, res) \
    do { if (!(res)) p->mark = _mstart; \
         if (p->invalid) parser_memo_put(p, (id), _mstart, (res)); } while (0)

/* Recursion guard, as CPython's MAXSTACK check. */
#define GUARD_ENTER() \
    do { if (++p->level > PARSER_MAXSTACK) { \
        p->level--; \
        parser_set_memory_error(p, "Parser stack overflowed - Python source too complex to parse"); \
        return NULL; } } while (0)
#define GUARD_LEAVE() (p->level--)

/* ---- small helpers ---- */

static int at_type(Parser *p, int type)
{
    ptok *t = parser_peek(p);
    return t && t->type == type && t->kw == 0;
}

static int at_kw(Parser *p, int kw)
{
    ptok *t = parser_peek(p);
    return t && t->kw == kw;
}

static int at_soft(Parser *p, const char *s)
{
    ptok *t = parser_peek(p);
    size_t n = strlen(s);
    return t && t->type == AD_TOK_NAME && (size_t)(t->end - t->start) == n &&
           memcmp(t->start, s, n) == 0;
}

static int tok_is_soft_keyword(ptok *t)
{
    static const char *const soft[] = { "_", "case", "match", "type" };
    if (!t || t->type != AD_TOK_NAME || t->kw)
        return 0;
    size_t n = (size_t)(t->end - t->start);
    for (size_t i = 0; i < sizeof soft / sizeof soft[0]; i++)
        if (strlen(soft[i]) == n && memcmp(soft[i], t->start, n) == 0)
            return 1;
    return 0;
}

static int peek_type_at(Parser *p, int off)
{
    ptok *t = parser_token_at(p, p->mark + off);
    if (!t)
        return -1;
    return t->kw ? 1000 + t->kw : t->type;
}

#define NEW_EXPR(k) parser_new_expr(p, (k), _start)
#define NEW_STMT(k) parser_new_stmt(p, (k), _start)
#define NEW_PATTERN(k) parser_new_pattern(p, (k), _start)

static AdExpr *name_expr(Parser *p, ptok *t, AdExprContext ctx)
{
    AdExpr *e = parser_alloc(p, sizeof *e);
    if (!e)
        return NULL;
    e->kind = AD_Name_kind;
    e->v.Name.id = parser_identifier(p, t);
    e->v.Name.ctx = ctx;
    e->lineno = t->lineno;
    e->col_offset = t->col;
    e->end_lineno = t->end_lineno;
    e->end_col_offset = t->end_col;
    return e;
}

/* NAME as an expression (atom). */
static AdExpr *r_name(Parser *p)
{
    ptok *t = NAME();
    return t ? name_expr(p, t, AD_Load) : NULL;
}

static AdAstSeq *seq1(Parser *p, void *x)
{
    AdAstSeq *s = parser_seq(p, 1);
    if (s)
        s->items[0] = x;
    return s;
}

static AdAstSeq *seq_prepend(Parser *p, void *x, AdAstSeq *rest)
{
    int n = AdAstSeq_LEN(rest);
    AdAstSeq *s = parser_seq(p, n + 1);
    if (!s)
        return NULL;
    s->items[0] = x;
    for (int i = 0; i < n; i++)
        s->items[i + 1] = rest->items[i];
    return s;
}

static void *seq_last(AdAstSeq *s) { return s->items[s->len - 1]; }

/* ---- forward declarations ---- */

static AdExpr *r_expression(Parser *p);
static AdExpr *r_expression_without_invalid(Parser *p);
static AdExpr *r_named_expression(Parser *p);
static AdExpr *r_star_expressions(Parser *p);
static AdExpr *r_star_expression(Parser *p);
static AdExpr *r_star_named_expression(Parser *p);
static AdAstSeq *r_star_named_expressions(Parser *p);
static AdExpr *r_disjunction(Parser *p);
static AdExpr *r_conjunction(Parser *p);
static AdExpr *r_inversion(Parser *p);
static AdExpr *r_bitwise_or(Parser *p);
static AdExpr *r_sum(Parser *p);
static AdExpr *r_factor(Parser *p);
static AdExpr *r_primary(Parser *p);
static AdExpr *r_atom(Parser *p);
static AdExpr *r_slices(Parser *p);
static AdExpr *r_yield_expr(Parser *p);
static AdExpr *r_lambdef(Parser *p);
static AdExpr *r_strings(Parser *p);
static AdExpr *r_genexp(Parser *p);
static AdExpr *r_arguments(Parser *p);
static AdExpr *r_args(Parser *p);
static AdExpr *r_starred_expression(Parser *p);
static AdExpr *r_assignment_expression(Parser *p);
static AdAstSeq *r_for_if_clauses(Parser *p);
static AdExpr *r_star_targets(Parser *p);
static AdExpr *r_star_target(Parser *p);
static AdExpr *r_t_primary(Parser *p);
static AdExpr *r_annotated_rhs(Parser *p);
static AdExpr *r_if_expression(Parser *p);
static AdArguments *r_lambda_params(Parser *p);
static AdAstSeq *r_kwargs(Parser *p);
static AdStmt *r_simple_stmt(Parser *p);
static AdAstSeq *r_block(Parser *p);
static AdPattern *r_pattern(Parser *p);
static AdPattern *r_or_pattern(Parser *p);
static AdAstSeq *r_positional_patterns(Parser *p);
static AdAstSeq *r_keyword_patterns(Parser *p);
static AdAstSeq *r_items_pattern(Parser *p);
static AdExpr *r_double_star_pattern(Parser *p);
static void *invalid_kwarg(Parser *p);
static AdStmt *r_pass_stmt(Parser *p);

/* =========================== expressions =========================== */

typedef struct { int op; AdExpr *e; } cmp_pair;
typedef struct { AdExpr *key; AdExpr *value; } kv_pair;
typedef struct { void *elt; int is_keyword; } kw_or_starred;

/* expression_without_invalid: the same alternatives with p->invalid off */
static AdExpr *r_expression_without_invalid(Parser *p)
{
    BEGIN_RULE;
    int saved = p->invalid;
    p->invalid = 0;
    AdExpr *res = NULL;
    AdExpr *a = r_disjunction(p);
    if (a && KW(KW_if)) {
        AdExpr *b = r_disjunction(p);
        AdExpr *c;
        if (b && KW(KW_else) && (c = r_expression(p))) {
            res = NEW_EXPR(AD_IfExp_kind);
            if (res) {
                res->v.IfExp.test = b;
                res->v.IfExp.body = a;
                res->v.IfExp.orelse = c;
            }
            goto done;
        }
    }
    RESET();
    if ((res = r_disjunction(p)))
        goto done;
    RESET();
    res = r_lambdef(p);
done:
    p->invalid = saved;
    if (!res)
        RESET();
    return res;
}

int parser_check_legacy_stmt(AdExpr *name)
{
    if (!name || name->kind != AD_Name_kind)
        return 0;
    return strcmp(name->v.Name.id, "print") == 0 || strcmp(name->v.Name.id, "exec") == 0;
}

static void *invalid_expression(Parser *p)
{
    BEGIN_RULE;
    /* STRING a=(!STRING expression_without_invalid)+ STRING */
    if (TOK(AD_TOK_STRING)) {
        AdExpr *first = NULL, *last = NULL;
        for (;;) {
            if (at_type(p, AD_TOK_STRING))
                break;
            AdExpr *e = r_expression_without_invalid(p);
            if (!e)
                break;
            if (!first)
                first = e;
            last = e;
        }
        if (ERR())
            return NULL;
        if (first && TOK(AD_TOK_STRING))
            return RAISE_KNOWN_RANGE(first, last, "invalid syntax. Is this intended to be part of the string?");
        RESET();
    }
    /* !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid */
    {
        int la = 0;
        ptok *t0 = parser_peek(p);
        if (t0 && t0->type == AD_TOK_NAME && !t0->kw) {
            int t1 = peek_type_at(p, 1);
            if (t1 == AD_TOK_STRING || t1 == AD_TOK_FSTRING_START || t1 == AD_TOK_TSTRING_START)
                la = 1;
        }
        if (tok_is_soft_keyword(t0))
            la = 1;
        if (!la) {
            AdExpr *a = r_disjunction(p);
            AdExpr *b;
            if (a && (b = r_expression_without_invalid(p))) {
                if (parser_check_legacy_stmt(a) || p->toks[p->mark - 1]->level == 0)
                    return NULL;
                return RAISE_KNOWN_RANGE(a, b, "invalid syntax. Perhaps you forgot a comma?");
            }
            if (ERR())
                return NULL;
            RESET();
        }
    }
    /* a=disjunction 'if' b=disjunction !('else'|':') */
    {
        AdExpr *a = r_disjunction(p);
        AdExpr *b;
        if (a && KW(KW_if) && (b = r_disjunction(p))) {
            if (!at_kw(p, KW_else) && !at_type(p, AD_TOK_COLON))
                return RAISE_KNOWN_RANGE(a, b, "expected 'else' after 'if' expression");
            if (KW(KW_else)) {
                int m = p->mark;
                AdExpr *c = r_expression(p);
                if (ERR())
                    return NULL;
                p->mark = m;
                if (!c)
                    return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN(
                        "expected expression after 'else', but statement is given");
            }
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* a=(pass_stmt|break_stmt|continue_stmt) 'if' b=disjunction 'else' c=simple_stmt */
    {
        ptok *t = parser_peek(p);
        if (t && (t->kw == KW_pass || t->kw == KW_break || t->kw == KW_continue)) {
            p->mark++;
            if (KW(KW_if) && r_disjunction(p) && KW(KW_else) && r_simple_stmt(p)) {
                return RAISE_TOK_LOCATION(t, "expected expression before 'if', but statement is given");
            }
            if (ERR())
                return NULL;
            RESET();
        }
    }
    /* a='lambda' [lambda_params] b=':' &(FSTRING_MIDDLE | TSTRING_MIDDLE) */
    {
        ptok *a = KW(KW_lambda);
        if (a) {
            r_lambda_params(p);
            if (ERR())
                return NULL;
            ptok *b = TOK(AD_TOK_COLON);
            if (b && at_type(p, AD_TOK_FSTRING_MIDDLE))
                return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col,
                                       "f-string: lambda expressions are not allowed without parentheses");
            if (b && at_type(p, AD_TOK_TSTRING_MIDDLE))
                return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col,
                                       "t-string: lambda expressions are not allowed without parentheses");
            RESET();
        }
    }
    RESET();
    return NULL;
}

static void *invalid_legacy_expression(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_name(p);
    if (a && !at_type(p, AD_TOK_LPAR)) {
        AdExpr *b = r_star_expressions(p);
        if (b && parser_check_legacy_stmt(a))
            return RAISE_KNOWN_RANGE(a, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                     a->v.Name.id, a->v.Name.id);
    }
    RESET();
    return NULL;
}

static AdExpr *r_if_expression(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_disjunction(p);
    if (a && KW(KW_if)) {
        AdExpr *b = r_disjunction(p);
        AdExpr *c;
        if (b && KW(KW_else) && (c = r_expression(p))) {
            AdExpr *res = NEW_EXPR(AD_IfExp_kind);
            if (res) {
                res->v.IfExp.test = b;
                res->v.IfExp.body = a;
                res->v.IfExp.orelse = c;
            }
            return res;
        }
    }
    FAIL();
}

static AdExpr *expression_raw(Parser *p)
{
    BEGIN_RULE;
    AdExpr *res;
    if (p->invalid) {
        invalid_expression(p);
        if (ERR())
            return NULL;
        RESET();
        invalid_legacy_expression(p);
        if (ERR())
            return NULL;
        RESET();
    }
    if ((res = r_if_expression(p)))
        return res;
    if ((res = r_disjunction(p)))
        return res;
    if ((res = r_lambdef(p)))
        return res;
    FAIL();
}

static AdExpr *r_expression(Parser *p)
{
    MEMO_BEGIN(M_expression, AdExpr *);
    GUARD_ENTER();
    AdExpr *res = expression_raw(p);
    GUARD_LEAVE();
    MEMO_END(M_expression, res);
    return res;
}

static AdExpr *r_yield_expr(Parser *p)
{
    BEGIN_RULE;
    if (!KW(KW_yield))
        return NULL;
    if (KW(KW_from)) {
        AdExpr *a = r_expression(p);
        if (a) {
            AdExpr *res = NEW_EXPR(AD_YieldFrom_kind);
            if (res)
                res->v.YieldFrom.value = a;
            return res;
        }
        RESET();
        KW(KW_yield);
    }
    AdExpr *a = r_star_expressions(p);
    if (ERR())
        return NULL;
    AdExpr *res = NEW_EXPR(AD_Yield_kind);
    if (res)
        res->v.Yield.value = a;
    return res;
}

/* Shared shape of expressions / star_expressions:
 *   a=X b=(',' X)+ [','] -> Tuple | a=X ',' -> Tuple | X */
static AdExpr *tuple_of(Parser *p, AdExpr *(*elem)(Parser *))
{
    BEGIN_RULE;
    AdExpr *a = elem(p);
    if (!a)
        return NULL;
    if (!at_type(p, AD_TOK_COMMA))
        return a;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA))
            break;
        AdExpr *c = elem(p);
        if (!c) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    TOK(AD_TOK_COMMA);
    AdAstSeq *s = plist_to_seq(p, &l);
    AdExpr *res = NEW_EXPR(AD_Tuple_kind);
    if (res) {
        res->v.Tuple.elts = s;
        res->v.Tuple.ctx = AD_Load;
    }
    return res;
}

static AdExpr *r_expressions(Parser *p) { return tuple_of(p, r_expression); }

static AdExpr *r_star_expressions(Parser *p)
{
    return tuple_of(p, r_star_expression);
}

static AdExpr *r_star_expression(Parser *p)
{
    MEMO_BEGIN(M_star_expression, AdExpr *);
    int _start = p->mark;
    AdExpr *res = NULL;
    if (TOK(AD_TOK_STAR)) {
        AdExpr *a = r_bitwise_or(p);
        if (a) {
            res = NEW_EXPR(AD_Starred_kind);
            if (res) {
                res->v.Starred.value = a;
                res->v.Starred.ctx = AD_Load;
            }
            goto done;
        }
        RESET();
    }
    res = r_expression(p);
done:
    MEMO_END(M_star_expression, res);
    return res;
}

static AdAstSeq *r_star_named_expressions(Parser *p)
{
    if (p->error)
        return NULL;
    AdExpr *a = r_star_named_expression(p);
    if (!a)
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA))
            break;
        AdExpr *c = r_star_named_expression(p);
        if (!c) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    TOK(AD_TOK_COMMA);
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static AdExpr *r_star_named_expression(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_STAR)) {
        AdExpr *a = r_bitwise_or(p);
        if (a) {
            AdExpr *res = NEW_EXPR(AD_Starred_kind);
            if (res) {
                res->v.Starred.value = a;
                res->v.Starred.ctx = AD_Load;
            }
            return res;
        }
        RESET();
    }
    return r_named_expression(p);
}

static AdExpr *r_assignment_expression(Parser *p)
{
    BEGIN_RULE;
    ptok *n = NAME();
    if (n && TOK(AD_TOK_COLONEQUAL)) {
        AdExpr *b = r_expression(p);
        if (!b) {
            /* cut: no other alternative of the caller is tried here */
            RESET();
            return NULL;
        }
        AdExpr *res = NEW_EXPR(AD_NamedExpr_kind);
        if (res) {
            res->v.NamedExpr.target = name_expr(p, n, AD_Store);
            res->v.NamedExpr.value = b;
        }
        return res;
    }
    FAIL();
}

static void *invalid_named_expression_raw(Parser *p)
{
    BEGIN_RULE;
    /* a=expression ':=' expression */
    {
        AdExpr *a = r_expression(p);
        if (a && TOK(AD_TOK_COLONEQUAL) && r_expression(p))
            return RAISE_KNOWN_LOCATION(a, "cannot use assignment expressions with %s", parser_expr_name(a));
        if (ERR())
            return NULL;
        RESET();
    }
    /* a=NAME '=' b=bitwise_or !('='|':=') */
    {
        AdExpr *a = r_name(p);
        AdExpr *b;
        if (a && TOK(AD_TOK_EQUAL) && (b = r_bitwise_or(p)) &&
            !at_type(p, AD_TOK_EQUAL) && !at_type(p, AD_TOK_COLONEQUAL))
            return RAISE_KNOWN_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        if (ERR())
            return NULL;
        RESET();
    }
    /* !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=') */
    {
        int t = peek_type_at(p, 0);
        int skip = 0;
        if (t == 1000 + KW_True || t == 1000 + KW_None || t == 1000 + KW_False)
            skip = 1;
        else if (t == AD_TOK_LSQB || t == AD_TOK_LPAR) {
            /* list / tuple / genexp lookahead */
            AdExpr *x = r_atom(p);
            if (x && (x->kind == AD_List_kind || x->kind == AD_Tuple_kind ||
                      x->kind == AD_GeneratorExp_kind)) {
                /* atom may have parsed a group or comprehension instead */
                ptok *first = p->toks[_start];
                (void)first;
                skip = 1;
            }
            if (ERR())
                return NULL;
            RESET();
        }
        if (!skip) {
            AdExpr *a = r_bitwise_or(p);
            if (a && TOK(AD_TOK_EQUAL) && r_bitwise_or(p) &&
                !at_type(p, AD_TOK_EQUAL) && !at_type(p, AD_TOK_COLONEQUAL))
                return RAISE_KNOWN_LOCATION(a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                            parser_expr_name(a));
            if (ERR())
                return NULL;
        }
        RESET();
    }
    return NULL;
}

static void *invalid_named_expression(Parser *p)
{
    MEMO_BEGIN(M_invalid_named_expression, void *);
    void *res = invalid_named_expression_raw(p);
    MEMO_END(M_invalid_named_expression, res);
    return res;
}

static AdExpr *named_expression_raw(Parser *p)
{
    BEGIN_RULE;
    AdExpr *res = r_assignment_expression(p);
    if (res)
        return res;
    if (ERR())
        return NULL;
    if (p->invalid) {
        invalid_named_expression(p);
        if (ERR())
            return NULL;
        RESET();
    }
    res = r_expression(p);
    if (res && !at_type(p, AD_TOK_COLONEQUAL))
        return res;
    FAIL();
}

static AdExpr *r_named_expression(Parser *p)
{
    return named_expression_raw(p);
}

static AdExpr *boolop(Parser *p, int kw, AdExpr *(*sub)(Parser *), AdBoolOp op)
{
    BEGIN_RULE;
    AdExpr *a = sub(p);
    if (!a)
        return NULL;
    if (!at_kw(p, kw))
        return a;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        if (!KW(kw))
            break;
        AdExpr *c = sub(p);
        if (!c) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    if (l.len == 1) {
        plist_free(&l);
        return a;
    }
    AdAstSeq *s = plist_to_seq(p, &l);
    AdExpr *res = NEW_EXPR(AD_BoolOp_kind);
    if (res) {
        res->v.BoolOp.op = op;
        res->v.BoolOp.values = s;
    }
    return res;
}

static AdExpr *r_disjunction(Parser *p)
{
    MEMO_BEGIN(M_disjunction, AdExpr *);
    AdExpr *res = boolop(p, KW_or, r_conjunction, AD_Or);
    MEMO_END(M_disjunction, res);
    return res;
}

static AdExpr *r_conjunction(Parser *p)
{
    MEMO2_BEGIN(M_conjunction, AdExpr *);
    AdExpr *res = boolop(p, KW_and, r_inversion, AD_And);
    MEMO2_END(M_conjunction, res);
    return res;
}

static AdExpr *r_comparison(Parser *p);

static AdExpr *inversion_raw(Parser *p)
{
    BEGIN_RULE;
    if (KW(KW_not)) {
        AdExpr *a = r_inversion(p);
        if (a) {
            AdExpr *res = NEW_EXPR(AD_UnaryOp_kind);
            if (res) {
                res->v.UnaryOp.op = AD_Not;
                res->v.UnaryOp.operand = a;
            }
            return res;
        }
        RESET();
    }
    return r_comparison(p);
}

static AdExpr *r_inversion(Parser *p)
{
    MEMO2_BEGIN(M_inversion, AdExpr *);
    GUARD_ENTER();
    AdExpr *res = inversion_raw(p);
    GUARD_LEAVE();
    MEMO2_END(M_inversion, res);
    return res;
}

static int r_compare_op(Parser *p)
{
    ptok *t = parser_peek(p);
    if (!t)
        return 0;
    switch (t->kw ? 1000 + t->kw : t->type) {
    case AD_TOK_EQEQUAL: p->mark++; return AD_Eq;
    case AD_TOK_NOTEQUAL:
        if (t->end - t->start == 2 && t->start[0] == '<')
            return 0;   /* "<>" only with barry_as_FLUFL */
        p->mark++;
        return AD_NotEq;
    case AD_TOK_LESSEQUAL: p->mark++; return AD_LtE;
    case AD_TOK_LESS: p->mark++; return AD_Lt;
    case AD_TOK_GREATEREQUAL: p->mark++; return AD_GtE;
    case AD_TOK_GREATER: p->mark++; return AD_Gt;
    case 1000 + KW_not:
        if (peek_type_at(p, 1) == 1000 + KW_in) {
            p->mark += 2;
            return AD_NotIn;
        }
        return 0;
    case 1000 + KW_in: p->mark++; return AD_In;
    case 1000 + KW_is:
        if (peek_type_at(p, 1) == 1000 + KW_not) {
            p->mark += 2;
            return AD_IsNot;
        }
        p->mark++;
        return AD_Is;
    default:
        return 0;
    }
}

static AdExpr *r_comparison(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_bitwise_or(p);
    if (!a)
        return NULL;
    int ops[64];
    int *opv = ops, opcap = 64, n = 0;
    plist l;
    plist_init(&l);
    for (;;) {
        int m = p->mark;
        int op = r_compare_op(p);
        if (!op)
            break;
        AdExpr *b = r_bitwise_or(p);
        if (!b) {
            p->mark = m;
            break;
        }
        if (n == opcap) {
            int *nv = malloc(sizeof(int) * (size_t)opcap * 2);
            if (!nv) {
                parser_set_memory_error(p, "");
                break;
            }
            memcpy(nv, opv, sizeof(int) * (size_t)n);
            if (opv != ops)
                free(opv);
            opv = nv;
            opcap *= 2;
        }
        opv[n++] = op;
        plist_push(p, &l, b);
    }
    AdExpr *res = a;
    if (n > 0 && !ERR()) {
        AdAstIntSeq *is = AdAstIntSeq_New(p->arena, n);
        AdAstSeq *s = plist_to_seq(p, &l);
        res = NEW_EXPR(AD_Compare_kind);
        if (res && is) {
            memcpy(is->items, opv, sizeof(int) * (size_t)n);
            res->v.Compare.left = a;
            res->v.Compare.ops = is;
            res->v.Compare.comparators = s;
        } else if (!is) {
            parser_set_memory_error(p, "");
        }
    }
    plist_free(&l);
    if (opv != ops)
        free(opv);
    if (ERR())
        return NULL;
    return res;
}

static AdExpr *binop(Parser *p, int start, AdExpr *l, AdOperator op, AdExpr *r)
{
    AdExpr *e = parser_new_expr(p, AD_BinOp_kind, start);
    if (e && start < 0) {
        e->lineno = l->lineno;
        e->col_offset = l->col_offset;
    }
    if (e) {
        e->v.BinOp.left = l;
        e->v.BinOp.op = op;
        e->v.BinOp.right = r;
    }
    return e;
}

/* A left-recursive binary level: a=self OP b=sub | sub, as a loop. */
typedef struct { int tok; AdOperator op; } op_map;

static AdExpr *binary_level(Parser *p, AdExpr *(*sub)(Parser *), const op_map *ops, int nops,
                            AdExpr *first)
{
    int start = p->mark;
    AdExpr *a = first ? first : sub(p);
    if (!a)
        return NULL;
    for (;;) {
        ptok *t = parser_peek(p);
        if (!t || t->kw)
            break;
        int k;
        for (k = 0; k < nops; k++)
            if (ops[k].tok == t->type)
                break;
        if (k == nops)
            break;
        int m = p->mark;
        p->mark++;
        AdExpr *b = sub(p);
        if (!b) {
            p->mark = m;
            break;
        }
        a = binop(p, start, a, ops[k].op, b);
        if (!a)
            return NULL;
    }
    return a;
}

static AdExpr *r_term(Parser *p);
static AdExpr *r_shift_expr(Parser *p);
static AdExpr *r_bitwise_xor(Parser *p);
static AdExpr *r_bitwise_and(Parser *p);

static const op_map or_ops[] = { { AD_TOK_VBAR, AD_BitOr } };
static const op_map xor_ops[] = { { AD_TOK_CIRCUMFLEX, AD_BitXor } };
static const op_map and_ops[] = { { AD_TOK_AMPER, AD_BitAnd } };
static const op_map shift_ops[] = { { AD_TOK_LEFTSHIFT, AD_LShift }, { AD_TOK_RIGHTSHIFT, AD_RShift } };
static const op_map sum_ops[] = { { AD_TOK_PLUS, AD_Add }, { AD_TOK_MINUS, AD_Sub } };
static const op_map term_ops[] = {
    { AD_TOK_STAR, AD_Mult }, { AD_TOK_SLASH, AD_Div }, { AD_TOK_DOUBLESLASH, AD_FloorDiv },
    { AD_TOK_PERCENT, AD_Mod }, { AD_TOK_AT, AD_MatMult }
};

static AdExpr *r_bitwise_or(Parser *p)
{
    MEMO_BEGIN(M_bitwise_or, AdExpr *);
    AdExpr *res = binary_level(p, r_bitwise_xor, or_ops, 1, NULL);
    MEMO_END(M_bitwise_or, res);
    return res;
}

static AdExpr *r_bitwise_xor(Parser *p)
{
    MEMO2_BEGIN(M_bitwise_xor, AdExpr *);
    AdExpr *res = binary_level(p, r_bitwise_and, xor_ops, 1, NULL);
    MEMO2_END(M_bitwise_xor, res);
    return res;
}

static AdExpr *r_bitwise_and(Parser *p)
{
    MEMO2_BEGIN(M_bitwise_and, AdExpr *);
    AdExpr *res = binary_level(p, r_shift_expr, and_ops, 1, NULL);
    MEMO2_END(M_bitwise_and, res);
    return res;
}

static void *invalid_arithmetic(Parser *p)
{
    BEGIN_RULE;
    if (r_sum(p)) {
        ptok *t = parser_peek(p);
        if (t && !t->kw && (t->type == AD_TOK_PLUS || t->type == AD_TOK_MINUS || t->type == AD_TOK_STAR ||
                            t->type == AD_TOK_SLASH || t->type == AD_TOK_PERCENT ||
                            t->type == AD_TOK_DOUBLESLASH || t->type == AD_TOK_AT)) {
            p->mark++;
            ptok *a = KW(KW_not);
            AdExpr *b;
            if (a && (b = r_inversion(p)))
                return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col_offset,
                                       "'not' after an operator must be parenthesized");
        }
    }
    RESET();
    return NULL;
}

static AdExpr *shift_expr_raw(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_arithmetic(p);
        if (ERR())
            return NULL;
        RESET();
    }
    return binary_level(p, r_sum, shift_ops, 2, NULL);
}

static AdExpr *r_shift_expr(Parser *p)
{
    MEMO2_BEGIN(M_shift_expr, AdExpr *);
    AdExpr *res = shift_expr_raw(p);
    MEMO2_END(M_shift_expr, res);
    return res;
}

static AdExpr *r_sum(Parser *p)
{
    MEMO2_BEGIN(M_sum, AdExpr *);
    AdExpr *res = binary_level(p, r_term, sum_ops, 2, NULL);
    MEMO2_END(M_sum, res);
    return res;
}

static void *invalid_factor(Parser *p)
{
    BEGIN_RULE;
    ptok *t = parser_peek(p);
    if (t && !t->kw && (t->type == AD_TOK_PLUS || t->type == AD_TOK_MINUS || t->type == AD_TOK_TILDE)) {
        p->mark++;
        ptok *a = KW(KW_not);
        AdExpr *b;
        if (a && (b = r_factor(p)))
            return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col_offset,
                                   "'not' after an operator must be parenthesized");
    }
    RESET();
    return NULL;
}

static AdExpr *term_raw(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_factor(p);
        if (ERR())
            return NULL;
        RESET();
    }
    return binary_level(p, r_factor, term_ops, 5, NULL);
}

static AdExpr *r_term(Parser *p)
{
    MEMO2_BEGIN(M_term, AdExpr *);
    AdExpr *res = term_raw(p);
    MEMO2_END(M_term, res);
    return res;
}

static AdExpr *r_await_primary(Parser *p);

static AdExpr *r_power(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_await_primary(p);
    if (!a)
        return NULL;
    int m = p->mark;
    if (TOK(AD_TOK_DOUBLESTAR)) {
        AdExpr *b = r_factor(p);
        if (b)
            return binop(p, _start, a, AD_Pow, b);
        p->mark = m;
    }
    return a;
}

static AdExpr *factor_raw(Parser *p)
{
    BEGIN_RULE;
    ptok *t = parser_peek(p);
    if (t && !t->kw && (t->type == AD_TOK_PLUS || t->type == AD_TOK_MINUS || t->type == AD_TOK_TILDE)) {
        p->mark++;
        AdExpr *a = r_factor(p);
        if (a) {
            AdExpr *res = NEW_EXPR(AD_UnaryOp_kind);
            if (res) {
                res->v.UnaryOp.op = t->type == AD_TOK_PLUS ? AD_UAdd : t->type == AD_TOK_MINUS ? AD_USub : AD_Invert;
                res->v.UnaryOp.operand = a;
            }
            return res;
        }
        RESET();
        return NULL;
    }
    return r_power(p);
}

static AdExpr *r_factor(Parser *p)
{
    MEMO_BEGIN(M_factor, AdExpr *);
    GUARD_ENTER();
    AdExpr *res = factor_raw(p);
    GUARD_LEAVE();
    MEMO_END(M_factor, res);
    return res;
}

static AdExpr *r_await_primary(Parser *p)
{
    MEMO_BEGIN(M_await_primary, AdExpr *);
    int _start = p->mark;
    AdExpr *res = NULL;
    if (KW(KW_await)) {
        AdExpr *a = r_primary(p);
        if (a) {
            res = NEW_EXPR(AD_Await_kind);
            if (res)
                res->v.Await.value = a;
        } else {
            RESET();
        }
    } else {
        res = r_primary(p);
    }
    MEMO_END(M_await_primary, res);
    return res;
}

/* Call node from an `arguments` result (a dummy Call holding args/keywords). */
static AdExpr *make_call(Parser *p, int start, AdExpr *func, AdExpr *argsholder)
{
    AdExpr *e = parser_new_expr(p, AD_Call_kind, start);
    if (e) {
        e->v.Call.func = func;
        e->v.Call.args = argsholder ? argsholder->v.Call.args : NULL;
        e->v.Call.keywords = argsholder ? argsholder->v.Call.keywords : NULL;
    }
    return e;
}

static AdExpr *primary_raw(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_atom(p);
    if (!a)
        return NULL;
    for (;;) {
        int m = p->mark;
        ptok *t = parser_peek(p);
        if (!t || t->kw)
            break;
        if (t->type == AD_TOK_DOT) {
            p->mark++;
            ptok *n = NAME();
            if (n) {
                AdExpr *e = NEW_EXPR(AD_Attribute_kind);
                if (!e)
                    return NULL;
                e->v.Attribute.value = a;
                e->v.Attribute.attr = parser_identifier(p, n);
                e->v.Attribute.ctx = AD_Load;
                a = e;
                continue;
            }
            p->mark = m;
            break;
        }
        if (t->type == AD_TOK_LPAR) {
            AdExpr *g = r_genexp(p);
            if (g) {
                AdExpr *e = NEW_EXPR(AD_Call_kind);
                if (!e)
                    return NULL;
                e->v.Call.func = a;
                e->v.Call.args = seq1(p, g);
                a = e;
                continue;
            }
            if (ERR())
                return NULL;
            p->mark = m + 1;
            AdExpr *b = r_arguments(p);
            if (ERR())
                return NULL;
            if (TOK(AD_TOK_RPAR)) {
                a = make_call(p, _start, a, b);
                if (!a)
                    return NULL;
                continue;
            }
            p->mark = m;
            break;
        }
        if (t->type == AD_TOK_LSQB) {
            p->mark++;
            AdExpr *s = r_slices(p);
            if (s && TOK(AD_TOK_RSQB)) {
                AdExpr *e = NEW_EXPR(AD_Subscript_kind);
                if (!e)
                    return NULL;
                e->v.Subscript.value = a;
                e->v.Subscript.slice = s;
                e->v.Subscript.ctx = AD_Load;
                a = e;
                continue;
            }
            if (ERR())
                return NULL;
            p->mark = m;
            break;
        }
        break;
    }
    return a;
}

static AdExpr *r_primary(Parser *p)
{
    MEMO_BEGIN(M_primary, AdExpr *);
    AdExpr *res = primary_raw(p);
    MEMO_END(M_primary, res);
    return res;
}

static AdExpr *r_slice(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_expression(p);
    if (ERR())
        return NULL;
    if (TOK(AD_TOK_COLON)) {
        AdExpr *b = r_expression(p);
        AdExpr *c = NULL;
        if (ERR())
            return NULL;
        int m = p->mark;
        if (TOK(AD_TOK_COLON)) {
            c = r_expression(p);
            if (ERR())
                return NULL;
        } else {
            p->mark = m;
        }
        AdExpr *res = NEW_EXPR(AD_Slice_kind);
        if (res) {
            res->v.Slice.lower = a;
            res->v.Slice.upper = b;
            res->v.Slice.step = c;
        }
        return res;
    }
    RESET();
    return r_named_expression(p);
}

static AdExpr *r_slices(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_slice(p);
    if (a && !at_type(p, AD_TOK_COMMA))
        return a;
    if (ERR())
        return NULL;
    RESET();
    plist l;
    plist_init(&l);
    for (;;) {
        int m = p->mark;
        if (l.len > 0 && !TOK(AD_TOK_COMMA))
            break;
        AdExpr *e = r_slice(p);
        if (!e) {
            if (ERR())
                break;
            e = r_starred_expression(p);
        }
        if (!e) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, e);
    }
    if (ERR() || l.len == 0) {
        plist_free(&l);
        FAIL();
    }
    TOK(AD_TOK_COMMA);
    AdAstSeq *s = plist_to_seq(p, &l);
    AdExpr *res = NEW_EXPR(AD_Tuple_kind);
    if (res) {
        res->v.Tuple.elts = s;
        res->v.Tuple.ctx = AD_Load;
    }
    return res;
}

static AdExpr *constant_expr(Parser *p, int start, AdConstKind k)
{
    AdExpr *e = parser_new_expr(p, AD_Constant_kind, start);
    if (e)
        e->v.Constant.value.kind = k;
    return e;
}

static AdExpr *r_tuple(Parser *p);
static AdExpr *r_group(Parser *p);
static AdExpr *r_list(Parser *p);
static AdExpr *r_listcomp(Parser *p);
static AdExpr *r_dict(Parser *p);
static AdExpr *r_set(Parser *p);
static AdExpr *r_dictcomp(Parser *p);
static AdExpr *r_setcomp(Parser *p);

static AdExpr *r_atom(Parser *p)
{
    BEGIN_RULE;
    ptok *t = parser_peek(p);
    if (!t)
        return NULL;
    AdExpr *res;
    switch (t->kw) {
    case KW_True: p->mark++; return constant_expr(p, _start, AD_CONST_TRUE);
    case KW_False: p->mark++; return constant_expr(p, _start, AD_CONST_FALSE);
    case KW_None: p->mark++; return constant_expr(p, _start, AD_CONST_NONE);
    case 0: break;
    default: return NULL;
    }
    switch (t->type) {
    case AD_TOK_NAME:
        return r_name(p);
    case AD_TOK_STRING:
    case AD_TOK_FSTRING_START:
    case AD_TOK_TSTRING_START:
        return r_strings(p);
    case AD_TOK_NUMBER:
        p->mark++;
        return parser_number(p, t);
    case AD_TOK_LPAR:
        if ((res = r_tuple(p)) || ERR())
            return res;
        if ((res = r_group(p)) || ERR())
            return res;
        return r_genexp(p);
    case AD_TOK_LSQB:
        if ((res = r_list(p)) || ERR())
            return res;
        return r_listcomp(p);
    case AD_TOK_LBRACE:
        if ((res = r_dict(p)) || ERR())
            return res;
        if ((res = r_set(p)) || ERR())
            return res;
        if ((res = r_dictcomp(p)) || ERR())
            return res;
        return r_setcomp(p);
    case AD_TOK_ELLIPSIS:
        p->mark++;
        return constant_expr(p, _start, AD_CONST_ELLIPSIS);
    default:
        return NULL;
    }
}

static void *invalid_group(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_LPAR)) {
        AdExpr *a = r_starred_expression(p);
        if (a && TOK(AD_TOK_RPAR))
            return RAISE_KNOWN_LOCATION(a, "cannot use starred expression here");
        if (ERR())
            return NULL;
        RESET();
        TOK(AD_TOK_LPAR);
        ptok *s = TOK(AD_TOK_DOUBLESTAR);
        if (s && r_expression(p) && TOK(AD_TOK_RPAR))
            return RAISE_TOK_LOCATION(s, "cannot use double starred expression here");
    }
    RESET();
    return NULL;
}

static AdExpr *r_group(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_LPAR)) {
        AdExpr *a = r_yield_expr(p);
        if (!a && !ERR())
            a = r_named_expression(p);
        if (a && TOK(AD_TOK_RPAR))
            return a;
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        invalid_group(p);
        RESET();
    }
    return NULL;
}

static AdExpr *r_tuple(Parser *p)
{
    BEGIN_RULE;
    if (!TOK(AD_TOK_LPAR))
        return NULL;
    AdAstSeq *elts = NULL;
    AdExpr *y = r_star_named_expression(p);
    if (y && TOK(AD_TOK_COMMA)) {
        AdAstSeq *z = r_star_named_expressions(p);
        if (ERR())
            return NULL;
        elts = seq_prepend(p, y, z);
    } else {
        if (ERR())
            return NULL;
        p->mark = _start + 1;
    }
    if (!TOK(AD_TOK_RPAR))
        FAIL();
    AdExpr *res = NEW_EXPR(AD_Tuple_kind);
    if (res) {
        res->v.Tuple.elts = elts;
        res->v.Tuple.ctx = AD_Load;
    }
    return res;
}

static AdExpr *r_list(Parser *p)
{
    BEGIN_RULE;
    if (!TOK(AD_TOK_LSQB))
        return NULL;
    AdAstSeq *a = r_star_named_expressions(p);
    if (ERR())
        return NULL;
    if (!TOK(AD_TOK_RSQB))
        FAIL();
    AdExpr *res = NEW_EXPR(AD_List_kind);
    if (res) {
        res->v.List.elts = a;
        res->v.List.ctx = AD_Load;
    }
    return res;
}

static AdExpr *r_set(Parser *p)
{
    BEGIN_RULE;
    if (!TOK(AD_TOK_LBRACE))
        return NULL;
    AdAstSeq *a = r_star_named_expressions(p);
    if (!a || !TOK(AD_TOK_RBRACE))
        FAIL();
    AdExpr *res = NEW_EXPR(AD_Set_kind);
    if (res)
        res->v.Set.elts = a;
    return res;
}

static kv_pair *r_kvpair(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_expression(p);
    AdExpr *b;
    if (a && TOK(AD_TOK_COLON) && (b = r_expression(p))) {
        kv_pair *kv = parser_alloc(p, sizeof *kv);
        if (kv) {
            kv->key = a;
            kv->value = b;
        }
        return kv;
    }
    FAIL();
}

static kv_pair *r_double_starred_kvpair(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_DOUBLESTAR)) {
        AdExpr *a = r_bitwise_or(p);
        if (a) {
            kv_pair *kv = parser_alloc(p, sizeof *kv);
            if (kv)
                kv->value = a;
            return kv;
        }
        RESET();
    }
    return r_kvpair(p);
}

/* ','.double_starred_kvpair+ [','] */
static int r_double_starred_kvpairs(Parser *p, plist *l)
{
    kv_pair *a = r_double_starred_kvpair(p);
    if (!a)
        return 0;
    plist_push(p, l, a);
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA))
            break;
        kv_pair *c = r_double_starred_kvpair(p);
        if (!c) {
            p->mark = m;
            break;
        }
        plist_push(p, l, c);
    }
    TOK(AD_TOK_COMMA);
    return !ERR();
}

static void *invalid_kvpair(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_expression(p);
    if (!a)
        FAIL();
    if (!at_type(p, AD_TOK_COLON))
        return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->end_col_offset - 1, a->end_lineno, -1,
                               "':' expected after dictionary key");
    TOK(AD_TOK_COLON);
    int m = p->mark;
    ptok *s = TOK(AD_TOK_STAR);
    if (s && r_bitwise_or(p))
        return RAISE_TOK_STARTING_FROM(s, "cannot use a starred expression in a dictionary value");
    p->mark = m;
    if (at_type(p, AD_TOK_RBRACE) || at_type(p, AD_TOK_COMMA))
        return RAISE_TOK_LOCATION(p->toks[m - 1], "expression expected after dictionary key and ':'");
    FAIL();
}

static void *invalid_double_starred_kvpairs(Parser *p)
{
    BEGIN_RULE;
    /* ','.double_starred_kvpair+ ',' invalid_kvpair */
    {
        plist l;
        plist_init(&l);
        int ok = r_double_starred_kvpairs(p, &l);
        plist_free(&l);
        if (ok) {
            /* the gather consumed a trailing ',' if there was one */
            if (p->toks[p->mark - 1]->type == AD_TOK_COMMA) {
                invalid_kvpair(p);
                if (ERR())
                    return NULL;
            }
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* expression ':' a='*' bitwise_or */
    {
        if (r_expression(p) && TOK(AD_TOK_COLON)) {
            int m = p->mark;
            ptok *a = TOK(AD_TOK_STAR);
            if (a && r_bitwise_or(p))
                return RAISE_TOK_STARTING_FROM(a, "cannot use a starred expression in a dictionary value");
            p->mark = m;
            if (at_type(p, AD_TOK_RBRACE) || at_type(p, AD_TOK_COMMA))
                return RAISE_TOK_LOCATION(p->toks[m - 1], "expression expected after dictionary key and ':'");
        }
        if (ERR())
            return NULL;
    }
    FAIL();
}

static AdExpr *r_dict(Parser *p)
{
    BEGIN_RULE;
    if (!TOK(AD_TOK_LBRACE))
        return NULL;
    plist l;
    plist_init(&l);
    r_double_starred_kvpairs(p, &l);
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    if (TOK(AD_TOK_RBRACE)) {
        AdExpr *res = NEW_EXPR(AD_Dict_kind);
        if (res && l.len) {
            AdAstSeq *keys = parser_seq(p, l.len);
            AdAstSeq *vals = parser_seq(p, l.len);
            if (keys && vals) {
                for (int i = 0; i < l.len; i++) {
                    kv_pair *kv = l.items[i];
                    keys->items[i] = kv->key;
                    vals->items[i] = kv->value;
                }
            }
            res->v.Dict.keys = keys;
            res->v.Dict.values = vals;
        }
        plist_free(&l);
        return res;
    }
    plist_free(&l);
    RESET();
    if (p->invalid) {
        TOK(AD_TOK_LBRACE);
        invalid_double_starred_kvpairs(p);
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

static void *invalid_comprehension(Parser *p)
{
    BEGIN_RULE;
    ptok *t = parser_peek(p);
    if (!t || t->kw)
        return NULL;
    if (t->type == AD_TOK_LSQB || t->type == AD_TOK_LPAR || t->type == AD_TOK_LBRACE) {
        p->mark++;
        AdExpr *a = r_starred_expression(p);
        if (a && r_for_if_clauses(p))
            return RAISE_KNOWN_LOCATION(a, "iterable unpacking cannot be used in comprehension");
        if (ERR())
            return NULL;
        RESET();
    }
    if (t->type == AD_TOK_LSQB || t->type == AD_TOK_LBRACE) {
        p->mark++;
        AdExpr *a = r_star_named_expression(p);
        if (a && TOK(AD_TOK_COMMA)) {
            int m = p->mark;
            AdAstSeq *b = r_star_named_expressions(p);
            if (b && r_for_if_clauses(p))
                return RAISE_KNOWN_RANGE(a, (AdExpr *)seq_last(b),
                                         "did you forget parentheses around the comprehension target?");
            if (ERR())
                return NULL;
            p->mark = m;
            if (r_for_if_clauses(p))
                return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col_offset, p->toks[m - 1]->end_lineno,
                                       p->toks[m - 1]->end_col,
                                       "did you forget parentheses around the comprehension target?");
        }
        if (ERR())
            return NULL;
    }
    FAIL();
}

static AdExpr *comp_expr(Parser *p, int open, int close, AdExprKind kind)
{
    BEGIN_RULE;
    if (TOK(open)) {
        AdExpr *a = r_named_expression(p);
        AdAstSeq *b;
        if (a && (b = r_for_if_clauses(p)) && TOK(close)) {
            AdExpr *res = NEW_EXPR(kind);
            if (res) {
                res->v.ListComp.elt = a;
                res->v.ListComp.generators = b;
            }
            return res;
        }
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        invalid_comprehension(p);
        RESET();
    }
    return NULL;
}

static AdExpr *r_listcomp(Parser *p) { return comp_expr(p, AD_TOK_LSQB, AD_TOK_RSQB, AD_ListComp_kind); }
static AdExpr *r_setcomp(Parser *p) { return comp_expr(p, AD_TOK_LBRACE, AD_TOK_RBRACE, AD_SetComp_kind); }

static AdExpr *r_genexp(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_LPAR)) {
        AdExpr *a = r_assignment_expression(p);
        if (!a && !ERR()) {
            a = r_expression(p);
            if (a && at_type(p, AD_TOK_COLONEQUAL))
                a = NULL;
        }
        AdAstSeq *b;
        if (a && (b = r_for_if_clauses(p)) && TOK(AD_TOK_RPAR)) {
            AdExpr *res = NEW_EXPR(AD_GeneratorExp_kind);
            if (res) {
                res->v.GeneratorExp.elt = a;
                res->v.GeneratorExp.generators = b;
            }
            return res;
        }
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        invalid_comprehension(p);
        RESET();
    }
    return NULL;
}

static AdExpr *r_dictcomp(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_LBRACE)) {
        kv_pair *a = r_kvpair(p);
        AdAstSeq *b;
        if (a && (b = r_for_if_clauses(p)) && TOK(AD_TOK_RBRACE)) {
            AdExpr *res = NEW_EXPR(AD_DictComp_kind);
            if (res) {
                res->v.DictComp.key = a->key;
                res->v.DictComp.value = a->value;
                res->v.DictComp.generators = b;
            }
            return res;
        }
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        /* invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}' */
        ptok *a;
        if (TOK(AD_TOK_LBRACE) && (a = TOK(AD_TOK_DOUBLESTAR)) && r_bitwise_or(p) &&
            r_for_if_clauses(p) && TOK(AD_TOK_RBRACE))
            return RAISE_TOK_LOCATION(a, "dict unpacking cannot be used in dict comprehension");
        RESET();
    }
    return NULL;
}

static void *invalid_for_target(Parser *p);

static void *invalid_for_if_clause(Parser *p)
{
    BEGIN_RULE;
    KW(KW_async);
    if (KW(KW_for)) {
        /* (bitwise_or (',' bitwise_or)* [',']) !'in' */
        if (r_bitwise_or(p)) {
            for (;;) {
                int m = p->mark;
                if (!TOK(AD_TOK_COMMA) || !r_bitwise_or(p)) {
                    p->mark = m;
                    break;
                }
            }
            TOK(AD_TOK_COMMA);
            if (!ERR() && !at_kw(p, KW_in))
                return RAISE_SYNTAX_ERROR("'in' expected after for-loop variables");
        }
    }
    FAIL();
}

static AdComprehension *r_for_if_clause(Parser *p)
{
    BEGIN_RULE;
    int is_async = 0;
    if (KW(KW_async))
        is_async = 1;
    if (KW(KW_for)) {
        AdExpr *a = r_star_targets(p);
        if (a && KW(KW_in)) {
            AdExpr *b = r_disjunction(p);
            if (!b) {
                RESET();
                return NULL;   /* cut */
            }
            plist l;
            plist_init(&l);
            for (;;) {
                int m = p->mark;
                if (!KW(KW_if))
                    break;
                AdExpr *z = r_disjunction(p);
                if (!z) {
                    p->mark = m;
                    break;
                }
                plist_push(p, &l, z);
            }
            AdComprehension *c = parser_alloc(p, sizeof *c);
            if (c) {
                c->target = a;
                c->iter = b;
                c->ifs = plist_to_seq(p, &l);
                c->is_async = is_async;
            } else {
                plist_free(&l);
            }
            return c;
        }
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        invalid_for_if_clause(p);
        if (ERR())
            return NULL;
        invalid_for_target(p);
        RESET();
    }
    return NULL;
}

static AdAstSeq *r_for_if_clauses(Parser *p)
{
    if (p->error)
        return NULL;
    plist l;
    plist_init(&l);
    AdComprehension *c;
    while ((c = r_for_if_clause(p)))
        plist_push(p, &l, c);
    if (ERR() || l.len == 0) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

/* ---- arguments ---- */

static AdExpr *r_starred_expression(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        /* invalid_starred_expression_unpacking: a='*' expression '=' b=expression */
        ptok *a = TOK(AD_TOK_STAR);
        AdExpr *b;
        if (a && r_expression(p) && TOK(AD_TOK_EQUAL) && (b = r_expression(p)))
            return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col_offset,
                                   "cannot assign to iterable argument unpacking");
        if (ERR())
            return NULL;
        RESET();
    }
    if (TOK(AD_TOK_STAR)) {
        AdExpr *a = r_expression(p);
        if (a) {
            AdExpr *res = NEW_EXPR(AD_Starred_kind);
            if (res) {
                res->v.Starred.value = a;
                res->v.Starred.ctx = AD_Load;
            }
            return res;
        }
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid && TOK(AD_TOK_STAR))
        return RAISE_SYNTAX_ERROR("Invalid star expression");
    RESET();
    return NULL;
}

static AdKeyword *new_keyword(Parser *p, int start, const char *arg, AdExpr *value)
{
    AdKeyword *k = parser_alloc(p, sizeof *k);
    if (!k)
        return NULL;
    ptok *st = p->toks[start];
    ptok *en = parser_last_nonws(p);
    k->arg = arg;
    k->value = value;
    k->lineno = st->lineno;
    k->col_offset = st->col;
    k->end_lineno = en->end_lineno;
    k->end_col_offset = en->end_col;
    return k;
}

static kw_or_starred *new_kos(Parser *p, void *elt, int is_kw)
{
    kw_or_starred *k = parser_alloc(p, sizeof *k);
    if (k) {
        k->elt = elt;
        k->is_keyword = is_kw;
    }
    return k;
}

static kw_or_starred *r_kwarg(Parser *p, int double_starred)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_kwarg(p);
        if (ERR())
            return NULL;
        RESET();
    }
    ptok *n = NAME();
    if (n && TOK(AD_TOK_EQUAL)) {
        AdExpr *b = r_expression(p);
        if (b)
            return new_kos(p, new_keyword(p, _start, parser_identifier(p, n), b), 1);
    }
    if (ERR())
        return NULL;
    RESET();
    if (!double_starred) {
        AdExpr *a = r_starred_expression(p);
        if (a)
            return new_kos(p, a, 0);
    } else if (TOK(AD_TOK_DOUBLESTAR)) {
        AdExpr *a = r_expression(p);
        if (a)
            return new_kos(p, new_keyword(p, _start, NULL, a), 1);
    }
    FAIL();
}

/* ','.X+ of kwargs into L; returns the count parsed. */
static int gather_kwargs(Parser *p, plist *l, int double_starred)
{
    int n = 0;
    kw_or_starred *k = r_kwarg(p, double_starred);
    if (!k)
        return 0;
    plist_push(p, l, k);
    n++;
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA))
            break;
        kw_or_starred *c = r_kwarg(p, double_starred);
        if (!c) {
            p->mark = m;
            break;
        }
        plist_push(p, l, c);
        n++;
    }
    return n;
}

/* kwargs as a sequence of kw_or_starred */
static AdAstSeq *r_kwargs(Parser *p)
{
    if (p->error)
        return NULL;
    int start = p->mark;
    plist l;
    plist_init(&l);
    if (gather_kwargs(p, &l, 0)) {
        int m = p->mark;
        if (TOK(AD_TOK_COMMA) && gather_kwargs(p, &l, 1))
            return plist_to_seq(p, &l);
        p->mark = m;
        if (ERR()) {
            plist_free(&l);
            return NULL;
        }
        return plist_to_seq(p, &l);
    }
    plist_free(&l);
    p->mark = start;
    if (ERR())
        return NULL;
    plist_init(&l);
    if (gather_kwargs(p, &l, 1))
        return plist_to_seq(p, &l);
    plist_free(&l);
    p->mark = start;
    return NULL;
}

static AdExpr *collect_call(Parser *p, int start, AdAstSeq *posargs, AdAstSeq *kw)
{
    int npos = AdAstSeq_LEN(posargs), nstar = 0, nkw = 0;
    for (int i = 0; i < AdAstSeq_LEN(kw); i++) {
        kw_or_starred *k = kw->items[i];
        if (k->is_keyword)
            nkw++;
        else
            nstar++;
    }
    AdExpr *e = parser_new_expr(p, AD_Call_kind, start);
    if (!e)
        return NULL;
    AdAstSeq *args = npos + nstar ? parser_seq(p, npos + nstar) : NULL;
    AdAstSeq *kws = nkw ? parser_seq(p, nkw) : NULL;
    int ai = 0, ki = 0;
    for (int i = 0; i < npos; i++)
        args->items[ai++] = posargs->items[i];
    for (int i = 0; i < AdAstSeq_LEN(kw); i++) {
        kw_or_starred *k = kw->items[i];
        if (k->is_keyword)
            kws->items[ki++] = k->elt;
        else
            args->items[ai++] = k->elt;
    }
    e->v.Call.args = args;
    e->v.Call.keywords = kws;
    return e;
}

/* One positional argument: starred_expression | (assignment_expression |
 * expression !':=') !'=' */
static AdExpr *r_positional_arg(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_starred_expression(p);
    if (a || ERR())
        return a;
    a = r_assignment_expression(p);
    if (!a && !ERR()) {
        a = r_expression(p);
        if (a && at_type(p, AD_TOK_COLONEQUAL))
            a = NULL;
    }
    if (a && !at_type(p, AD_TOK_EQUAL))
        return a;
    FAIL();
}

static AdExpr *r_args(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_positional_arg(p);
    if (a) {
        plist l;
        plist_init(&l);
        plist_push(p, &l, a);
        for (;;) {
            int m = p->mark;
            if (!TOK(AD_TOK_COMMA))
                break;
            AdExpr *c = r_positional_arg(p);
            if (!c) {
                p->mark = m;
                break;
            }
            plist_push(p, &l, c);
        }
        if (ERR()) {
            plist_free(&l);
            return NULL;
        }
        AdAstSeq *pos = plist_to_seq(p, &l);
        int m = p->mark;
        AdAstSeq *kw = NULL;
        if (TOK(AD_TOK_COMMA)) {
            kw = r_kwargs(p);
            if (!kw)
                p->mark = m;
        }
        if (ERR())
            return NULL;
        return collect_call(p, _start, pos, kw);
    }
    if (ERR())
        return NULL;
    AdAstSeq *kw = r_kwargs(p);
    if (kw)
        return collect_call(p, _start, NULL, kw);
    FAIL();
}

static void *invalid_arguments(Parser *p);

static AdExpr *arguments_raw(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_args(p);
    if (a) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA))
            p->mark = m;
        if (at_type(p, AD_TOK_RPAR))
            return a;
    }
    if (ERR())
        return NULL;
    RESET();
    if (p->invalid) {
        invalid_arguments(p);
        RESET();
    }
    return NULL;
}

static AdExpr *r_arguments(Parser *p)
{
    MEMO_BEGIN(M_arguments, AdExpr *);
    AdExpr *res = arguments_raw(p);
    MEMO_END(M_arguments, res);
    return res;
}

static AdExpr *last_comprehension_item(AdComprehension *c)
{
    if (AdAstSeq_LEN(c->ifs) == 0)
        return c->iter;
    return seq_last(c->ifs);
}

static void *invalid_arguments(Parser *p)
{
    BEGIN_RULE;
    /* ((','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ ',' kwargs) | kwargs)
       a=',' ','.(starred_expression !'=')+ */
    {
        int ok = 0;
        AdExpr *x = r_positional_arg(p);
        if (x) {
            for (;;) {
                int m = p->mark;
                if (!TOK(AD_TOK_COMMA) || !r_positional_arg(p)) {
                    p->mark = m;
                    break;
                }
            }
            if (TOK(AD_TOK_COMMA) && r_kwargs(p))
                ok = 1;
        }
        if (!ok && !ERR()) {
            RESET();
            ok = r_kwargs(p) != NULL;
        }
        if (ok) {
            ptok *a = TOK(AD_TOK_COMMA);
            AdExpr *s;
            if (a && (s = r_starred_expression(p)) && !at_type(p, AD_TOK_EQUAL))
                return RAISE_TOK_STARTING_FROM(a, "iterable argument unpacking follows keyword argument unpacking");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* a=expression b=for_if_clauses ',' [args | expression for_if_clauses] */
    {
        AdExpr *a = r_expression(p);
        AdAstSeq *b;
        if (a && (b = r_for_if_clauses(p)) && TOK(AD_TOK_COMMA)) {
            int m = p->mark;
            if (!r_args(p)) {
                p->mark = m;
                if (!(r_expression(p) && r_for_if_clauses(p)))
                    p->mark = m;
            }
            if (ERR())
                return NULL;
            return RAISE_KNOWN_RANGE(a, last_comprehension_item(seq_last(b)),
                                     "Generator expression must be parenthesized");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* a=NAME b='=' expression for_if_clauses */
    {
        ptok *a = NAME();
        ptok *b;
        if (a && (b = TOK(AD_TOK_EQUAL)) && r_expression(p) && r_for_if_clauses(p))
            return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col,
                                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        if (ERR())
            return NULL;
        RESET();
    }
    /* (args ',')? a=NAME b='=' &(',' | ')') */
    {
        int m = p->mark;
        if (!(r_args(p) && TOK(AD_TOK_COMMA)))
            p->mark = m;
        if (ERR())
            return NULL;
        ptok *a = NAME();
        ptok *b;
        if (a && (b = TOK(AD_TOK_EQUAL)) && (at_type(p, AD_TOK_COMMA) || at_type(p, AD_TOK_RPAR)))
            return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col,
                                   "expected argument value expression");
        if (ERR())
            return NULL;
        RESET();
    }
    /* a=args b=for_if_clauses */
    {
        AdExpr *a = r_args(p);
        AdAstSeq *b;
        if (a && (b = r_for_if_clauses(p))) {
            /* _PyPegen_nonparen_genexp_in_call */
            int len = AdAstSeq_LEN(a->v.Call.args);
            if (len > 1) {
                AdExpr *last = a->v.Call.args->items[len - 1];
                return RAISE_KNOWN_RANGE(last, last_comprehension_item(seq_last(b)),
                                         "Generator expression must be parenthesized");
            }
            RESET();
            return NULL;
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* args ',' a=expression b=for_if_clauses */
    {
        AdExpr *a;
        AdAstSeq *b;
        if (r_args(p) && TOK(AD_TOK_COMMA) && (a = r_expression(p)) && (b = r_for_if_clauses(p)))
            return RAISE_KNOWN_RANGE(a, last_comprehension_item(seq_last(b)),
                                     "Generator expression must be parenthesized");
        if (ERR())
            return NULL;
        RESET();
    }
    /* a=args ',' args */
    {
        AdExpr *a = r_args(p);
        if (a && TOK(AD_TOK_COMMA) && r_args(p)) {
            /* _PyPegen_arguments_parsing_error */
            int keyword_unpacking = 0;
            for (int i = 0; i < AdAstSeq_LEN(a->v.Call.keywords); i++) {
                AdKeyword *k = a->v.Call.keywords->items[i];
                if (!k->arg)
                    keyword_unpacking = 1;
            }
            return RAISE_SYNTAX_ERROR(keyword_unpacking
                ? "positional argument follows keyword argument unpacking"
                : "positional argument follows keyword argument");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

static void *invalid_kwarg(Parser *p)
{
    BEGIN_RULE;
    /* a=('True'|'False'|'None') b='=' */
    {
        ptok *a = parser_peek(p);
        if (a && (a->kw == KW_True || a->kw == KW_False || a->kw == KW_None)) {
            p->mark++;
            ptok *b = TOK(AD_TOK_EQUAL);
            if (b)
                return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col,
                                       "cannot assign to %.*s", (int)(a->end - a->start), a->start);
            RESET();
        }
    }
    /* a=NAME b='=' expression for_if_clauses */
    {
        ptok *a = NAME();
        ptok *b;
        if (a && (b = TOK(AD_TOK_EQUAL)) && r_expression(p) && r_for_if_clauses(p))
            return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col,
                                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        if (ERR())
            return NULL;
        RESET();
    }
    /* !(NAME '=') a=expression b='=' */
    {
        int la = peek_type_at(p, 0) == AD_TOK_NAME && peek_type_at(p, 1) == AD_TOK_EQUAL;
        if (!la) {
            AdExpr *a = r_expression(p);
            ptok *b;
            if (a && (b = TOK(AD_TOK_EQUAL)))
                return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col_offset, b->end_lineno, b->end_col,
                                       "expression cannot contain assignment, perhaps you meant \"==\"?");
            if (ERR())
                return NULL;
            RESET();
        }
    }
    /* a='**' expression '=' b=expression */
    {
        ptok *a = TOK(AD_TOK_DOUBLESTAR);
        AdExpr *b;
        if (a && r_expression(p) && TOK(AD_TOK_EQUAL) && (b = r_expression(p)))
            return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col_offset,
                                   "cannot assign to keyword argument unpacking");
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

/* =========================== parameters =========================== */

typedef struct { AdArg *arg; AdExpr *value; } name_default;
typedef struct {
    AdArg *vararg;
    plist kwonly;      /* name_default* */
    AdArg *kwarg;
} star_etc_t;

static AdArg *new_arg(Parser *p, int start, ptok *name, AdExpr *annotation)
{
    AdArg *a = parser_alloc(p, sizeof *a);
    if (!a)
        return NULL;
    ptok *en = parser_last_nonws(p);
    a->arg = parser_identifier(p, name);
    a->annotation = annotation;
    a->lineno = p->toks[start]->lineno;
    a->col_offset = p->toks[start]->col;
    a->end_lineno = en->end_lineno;
    a->end_col_offset = en->end_col;
    return a;
}

/* param: NAME annotation?  (lambda_param: NAME) */
static AdArg *r_param(Parser *p, int lam)
{
    BEGIN_RULE;
    ptok *n = NAME();
    if (!n)
        return NULL;
    AdExpr *ann = NULL;
    if (!lam) {
        int m = p->mark;
        if (TOK(AD_TOK_COLON)) {
            ann = r_expression(p);
            if (!ann)
                p->mark = m;
        }
        if (ERR())
            return NULL;
    }
    return new_arg(p, _start, n, ann);
}

/* param_star_annotation: NAME ':' star_expression */
static AdArg *r_param_star_annotation(Parser *p)
{
    BEGIN_RULE;
    ptok *n = NAME();
    if (n && TOK(AD_TOK_COLON)) {
        AdExpr *ann = r_star_expression(p);
        if (ann)
            return new_arg(p, _start, n, ann);
    }
    FAIL();
}

/* The end of one parameter: ',' TYPE_COMMENT? | TYPE_COMMENT? &')' (&':' for lambda). */
static int param_end(Parser *p, int lam)
{
    if (TOK(AD_TOK_COMMA)) {
        if (!lam)
            TOK(AD_TOK_TYPE_COMMENT);
        return 1;
    }
    if (lam)
        return at_type(p, AD_TOK_COLON);
    int m = p->mark;
    TOK(AD_TOK_TYPE_COMMENT);
    if (at_type(p, AD_TOK_RPAR))
        return 1;
    p->mark = m;
    return 0;
}

static AdArg *r_param_no_default(Parser *p, int lam)
{
    BEGIN_RULE;
    AdArg *a = r_param(p, lam);
    if (a && param_end(p, lam))
        return a;
    FAIL();
}

static AdArg *r_param_no_default_star_annotation(Parser *p)
{
    BEGIN_RULE;
    AdArg *a = r_param_star_annotation(p);
    if (a && param_end(p, 0))
        return a;
    FAIL();
}

/* default: '=' expression | invalid_default */
static AdExpr *r_default(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_EQUAL)) {
        AdExpr *e = r_expression(p);
        if (e)
            return e;
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        ptok *a = TOK(AD_TOK_EQUAL);
        if (a && (at_type(p, AD_TOK_RPAR) || at_type(p, AD_TOK_COMMA)))
            return RAISE_TOK_LOCATION(a, "expected default value expression");
        RESET();
    }
    return NULL;
}

/* with_default: 1 = required (param_with_default), 0 = optional (maybe) */
static name_default *r_param_default(Parser *p, int lam, int required)
{
    BEGIN_RULE;
    AdArg *a = r_param(p, lam);
    if (!a)
        return NULL;
    AdExpr *d = r_default(p);
    if (ERR())
        return NULL;
    if ((d || !required) && param_end(p, lam)) {
        name_default *nd = parser_alloc(p, sizeof *nd);
        if (nd) {
            nd->arg = a;
            nd->value = d;
        }
        return nd;
    }
    FAIL();
}

/* X* or X+ of param_no_default into L; returns the count */
static int many_no_default(Parser *p, plist *l, int lam)
{
    int n = 0;
    AdArg *a;
    while ((a = r_param_no_default(p, lam))) {
        if (l)
            plist_push(p, l, a);
        n++;
    }
    return n;
}

static int many_default(Parser *p, plist *l, int lam, int required)
{
    int n = 0;
    name_default *a;
    while ((a = r_param_default(p, lam, required))) {
        if (l)
            plist_push(p, l, a);
        n++;
    }
    return n;
}

/* '/' followed by ',' or &')' (&':' for lambda) */
static int slash_end(Parser *p, int lam)
{
    int m = p->mark;
    if (!TOK(AD_TOK_SLASH))
        return 0;
    if (TOK(AD_TOK_COMMA))
        return 1;
    if (at_type(p, lam ? AD_TOK_COLON : AD_TOK_RPAR))
        return 1;
    p->mark = m;
    return 0;
}

static int r_slash_no_default(Parser *p, plist *l, int lam)
{
    int start = p->mark;
    if (many_no_default(p, l, lam) && slash_end(p, lam))
        return 1;
    p->mark = start;
    if (l)
        plist_free(l);
    return 0;
}

static int r_slash_with_default(Parser *p, plist *plain, plist *withd, int lam)
{
    int start = p->mark;
    many_no_default(p, plain, lam);
    if (many_default(p, withd, lam, 1) && slash_end(p, lam))
        return 1;
    p->mark = start;
    if (plain)
        plist_free(plain);
    if (withd)
        plist_free(withd);
    return 0;
}

static AdArg *r_kwds(Parser *p, int lam);

static void *invalid_star_etc(Parser *p, int lam)
{
    BEGIN_RULE;
    int close = lam ? AD_TOK_COLON : AD_TOK_RPAR;
    ptok *a = TOK(AD_TOK_STAR);
    if (!a)
        return NULL;
    if (at_type(p, close) ||
        (TOK(AD_TOK_COMMA) && (at_type(p, close) || at_type(p, AD_TOK_DOUBLESTAR)))) {
        if (lam)
            return RAISE_SYNTAX_ERROR("named arguments must follow bare *");
        return RAISE_TOK_LOCATION(a, "named arguments must follow bare *");
    }
    p->mark = _start + 1;
    if (!lam && TOK(AD_TOK_COMMA) && TOK(AD_TOK_TYPE_COMMENT))
        return RAISE_SYNTAX_ERROR("bare * has associated type comment");
    p->mark = _start + 1;
    {
        ptok *eq;
        if (r_param(p, lam) && (eq = TOK(AD_TOK_EQUAL)))
            return RAISE_TOK_LOCATION(eq, "var-positional argument cannot have default value");
    }
    if (ERR())
        return NULL;
    p->mark = _start + 1;
    if (r_param_no_default(p, lam) || TOK(AD_TOK_COMMA)) {
        many_default(p, NULL, lam, 0);
        ptok *s = TOK(AD_TOK_STAR);
        if (s && (r_param_no_default(p, lam) || TOK(AD_TOK_COMMA)))
            return RAISE_TOK_LOCATION(s, "* argument may appear only once");
    }
    FAIL();
}

static void *invalid_kwds(Parser *p, int lam)
{
    BEGIN_RULE;
    if (!TOK(AD_TOK_DOUBLESTAR) || !r_param(p, lam))
        FAIL();
    int m = p->mark;
    ptok *a = TOK(AD_TOK_EQUAL);
    if (a)
        return RAISE_TOK_LOCATION(a, "var-keyword argument cannot have default value");
    if (TOK(AD_TOK_COMMA)) {
        AdArg *b = r_param(p, lam);
        if (b)
            return RAISE_KNOWN_LOCATION(b, "arguments cannot follow var-keyword argument");
        ptok *t = parser_peek(p);
        if (t && !t->kw && (t->type == AD_TOK_STAR || t->type == AD_TOK_DOUBLESTAR || t->type == AD_TOK_SLASH))
            return RAISE_TOK_LOCATION(t, "arguments cannot follow var-keyword argument");
    }
    (void)m;
    FAIL();
}

static AdArg *r_kwds(Parser *p, int lam)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_kwds(p, lam);
        if (ERR())
            return NULL;
        RESET();
    }
    if (TOK(AD_TOK_DOUBLESTAR)) {
        AdArg *a = r_param_no_default(p, lam);
        if (a)
            return a;
    }
    FAIL();
}

static int r_star_etc(Parser *p, star_etc_t *se, int lam)
{
    int start = p->mark;
    memset(se, 0, sizeof *se);
    plist_init(&se->kwonly);
    if (p->error)
        return 0;
    if (p->invalid) {
        invalid_star_etc(p, lam);
        if (ERR())
            return 0;
        p->mark = start;
    }
    if (TOK(AD_TOK_STAR)) {
        AdArg *a = r_param_no_default(p, lam);
        if (!a && !lam && !ERR())
            a = r_param_no_default_star_annotation(p);
        if (a) {
            se->vararg = a;
            many_default(p, &se->kwonly, lam, 0);
            se->kwarg = r_kwds(p, lam);
            return !ERR();
        }
        if (ERR())
            return 0;
        p->mark = start + 1;
        if (TOK(AD_TOK_COMMA) && many_default(p, &se->kwonly, lam, 0)) {
            se->kwarg = r_kwds(p, lam);
            return !ERR();
        }
        plist_free(&se->kwonly);
        p->mark = start;
    }
    AdArg *k = r_kwds(p, lam);
    if (k) {
        se->kwarg = k;
        return 1;
    }
    p->mark = start;
    return 0;
}

static AdArguments *make_arguments(Parser *p, plist *slash_nd, plist *slash_plain, plist *slash_wd,
                                   plist *plain, plist *withd, star_etc_t *se)
{
    AdArguments *a = parser_alloc(p, sizeof *a);
    if (!a)
        return NULL;
    plist pos, args, defs, kwo, kwd;
    plist_init(&pos);
    plist_init(&args);
    plist_init(&defs);
    plist_init(&kwo);
    plist_init(&kwd);
    if (slash_nd)
        for (int i = 0; i < slash_nd->len; i++)
            plist_push(p, &pos, slash_nd->items[i]);
    if (slash_plain)
        for (int i = 0; i < slash_plain->len; i++)
            plist_push(p, &pos, slash_plain->items[i]);
    if (slash_wd)
        for (int i = 0; i < slash_wd->len; i++) {
            name_default *nd = slash_wd->items[i];
            plist_push(p, &pos, nd->arg);
            plist_push(p, &defs, nd->value);
        }
    if (plain)
        for (int i = 0; i < plain->len; i++)
            plist_push(p, &args, plain->items[i]);
    if (withd)
        for (int i = 0; i < withd->len; i++) {
            name_default *nd = withd->items[i];
            plist_push(p, &args, nd->arg);
            plist_push(p, &defs, nd->value);
        }
    if (se) {
        a->vararg = se->vararg;
        a->kwarg = se->kwarg;
        for (int i = 0; i < se->kwonly.len; i++) {
            name_default *nd = se->kwonly.items[i];
            plist_push(p, &kwo, nd->arg);
            plist_push(p, &kwd, nd->value);
        }
    }
    a->posonlyargs = plist_to_seq(p, &pos);
    a->args = plist_to_seq(p, &args);
    a->defaults = plist_to_seq(p, &defs);
    a->kwonlyargs = plist_to_seq(p, &kwo);
    a->kw_defaults = plist_to_seq(p, &kwd);
    return a;
}

static void *invalid_parameters(Parser *p, int lam)
{
    BEGIN_RULE;
    /* a="/" ',' */
    {
        ptok *a = TOK(AD_TOK_SLASH);
        if (a && TOK(AD_TOK_COMMA))
            return RAISE_TOK_LOCATION(a, "at least one argument must precede /");
        RESET();
    }
    /* (slash_no_default | slash_with_default) param_maybe_default* a='/' */
    {
        if (r_slash_no_default(p, NULL, lam) || r_slash_with_default(p, NULL, NULL, lam)) {
            many_default(p, NULL, lam, 0);
            ptok *a = TOK(AD_TOK_SLASH);
            if (a)
                return RAISE_TOK_LOCATION(a, "/ may appear only once");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* slash_no_default? param_no_default* invalid_parameters_helper a=param_no_default */
    {
        r_slash_no_default(p, NULL, lam);
        many_no_default(p, NULL, lam);
        int ok = r_slash_with_default(p, NULL, NULL, lam) || many_default(p, NULL, lam, 1);
        if (ok) {
            AdArg *a = r_param_no_default(p, lam);
            if (a)
                return RAISE_KNOWN_LOCATION(a, "parameter without a default follows parameter with a default");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* param_no_default* a='(' param_no_default+ ','? b=')'   (lambda: ','.lambda_param+) */
    {
        many_no_default(p, NULL, lam);
        ptok *a = TOK(AD_TOK_LPAR);
        if (a) {
            int ok;
            if (!lam) {
                ok = many_no_default(p, NULL, lam) > 0;
            } else {
                ok = r_param(p, 1) != NULL;
                while (ok) {
                    int m = p->mark;
                    if (!TOK(AD_TOK_COMMA) || !r_param(p, 1)) {
                        p->mark = m;
                        break;
                    }
                }
            }
            if (ok) {
                TOK(AD_TOK_COMMA);
                ptok *b = TOK(AD_TOK_RPAR);
                if (b)
                    return parser_raise_at(p, AD_PERR_SYNTAX, a->lineno, a->col, b->end_lineno, b->end_col,
                                           lam ? "Lambda expression parameters cannot be parenthesized"
                                               : "Function parameters cannot be parenthesized");
            }
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
       param_maybe_default* a='/' */
    {
        if (!r_slash_no_default(p, NULL, lam))
            r_slash_with_default(p, NULL, NULL, lam);
        many_default(p, NULL, lam, 0);
        if (TOK(AD_TOK_STAR) && (TOK(AD_TOK_COMMA) || r_param_no_default(p, lam))) {
            many_default(p, NULL, lam, 0);
            ptok *a = TOK(AD_TOK_SLASH);
            if (a)
                return RAISE_TOK_LOCATION(a, "/ must be ahead of *");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* param_maybe_default+ '/' a='*' */
    {
        if (many_default(p, NULL, lam, 0) && TOK(AD_TOK_SLASH)) {
            ptok *a = TOK(AD_TOK_STAR);
            if (a)
                return RAISE_TOK_LOCATION(a, "expected comma between / and *");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

static AdArguments *parameters_common(Parser *p, int lam)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_parameters(p, lam);
        if (ERR())
            return NULL;
        RESET();
    }
    plist a, b, c;
    star_etc_t se;
    /* slash_no_default param_no_default* param_with_default* [star_etc] */
    plist_init(&a);
    if (r_slash_no_default(p, &a, lam)) {
        plist_init(&b);
        plist_init(&c);
        many_no_default(p, &b, lam);
        many_default(p, &c, lam, 1);
        int has = r_star_etc(p, &se, lam);
        AdArguments *res = ERR() ? NULL : make_arguments(p, &a, NULL, NULL, &b, &c, has ? &se : NULL);
        plist_free(&a);
        plist_free(&b);
        plist_free(&c);
        plist_free(&se.kwonly);
        return res;
    }
    if (ERR())
        return NULL;
    /* slash_with_default param_with_default* [star_etc] */
    plist_init(&a);
    plist_init(&b);
    if (r_slash_with_default(p, &a, &b, lam)) {
        plist_init(&c);
        many_default(p, &c, lam, 1);
        int has = r_star_etc(p, &se, lam);
        AdArguments *res = ERR() ? NULL : make_arguments(p, NULL, &a, &b, NULL, &c, has ? &se : NULL);
        plist_free(&a);
        plist_free(&b);
        plist_free(&c);
        plist_free(&se.kwonly);
        return res;
    }
    if (ERR())
        return NULL;
    /* param_no_default+ param_with_default* [star_etc] */
    plist_init(&a);
    if (many_no_default(p, &a, lam)) {
        plist_init(&c);
        many_default(p, &c, lam, 1);
        int has = r_star_etc(p, &se, lam);
        AdArguments *res = ERR() ? NULL : make_arguments(p, NULL, NULL, NULL, &a, &c, has ? &se : NULL);
        plist_free(&a);
        plist_free(&c);
        plist_free(&se.kwonly);
        return res;
    }
    plist_free(&a);
    if (ERR())
        return NULL;
    /* param_with_default+ [star_etc] */
    plist_init(&c);
    if (many_default(p, &c, lam, 1)) {
        int has = r_star_etc(p, &se, lam);
        AdArguments *res = ERR() ? NULL : make_arguments(p, NULL, NULL, NULL, NULL, &c, has ? &se : NULL);
        plist_free(&c);
        plist_free(&se.kwonly);
        return res;
    }
    plist_free(&c);
    if (ERR())
        return NULL;
    if (r_star_etc(p, &se, lam)) {
        AdArguments *res = make_arguments(p, NULL, NULL, NULL, NULL, NULL, &se);
        plist_free(&se.kwonly);
        return res;
    }
    plist_free(&se.kwonly);
    FAIL();
}

static AdArguments *r_params(Parser *p) { return parameters_common(p, 0); }
static AdArguments *r_lambda_params(Parser *p) { return parameters_common(p, 1); }

static AdArguments *empty_arguments(Parser *p)
{
    return parser_alloc(p, sizeof(AdArguments));
}

static AdExpr *r_lambdef(Parser *p)
{
    BEGIN_RULE;
    if (!KW(KW_lambda))
        return NULL;
    AdArguments *a = r_lambda_params(p);
    if (ERR())
        return NULL;
    if (TOK(AD_TOK_COLON)) {
        AdExpr *b = r_expression(p);
        if (b) {
            AdExpr *res = NEW_EXPR(AD_Lambda_kind);
            if (res) {
                res->v.Lambda.args = a ? a : empty_arguments(p);
                res->v.Lambda.body = b;
            }
            return res;
        }
    }
    FAIL();
}

/* =========================== targets =========================== */

static int at_t_lookahead(Parser *p)
{
    return at_type(p, AD_TOK_LPAR) || at_type(p, AD_TOK_LSQB) || at_type(p, AD_TOK_DOT);
}

static AdExpr *t_primary_raw(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_atom(p);
    if (!a || !at_t_lookahead(p))
        FAIL();
    for (;;) {
        int m = p->mark;
        ptok *t = parser_peek(p);
        if (!t || t->kw)
            break;
        AdExpr *e = NULL;
        if (t->type == AD_TOK_DOT) {
            p->mark++;
            ptok *n = NAME();
            if (n && at_t_lookahead(p)) {
                e = NEW_EXPR(AD_Attribute_kind);
                if (e) {
                    e->v.Attribute.value = a;
                    e->v.Attribute.attr = parser_identifier(p, n);
                    e->v.Attribute.ctx = AD_Load;
                }
            }
        } else if (t->type == AD_TOK_LSQB) {
            p->mark++;
            AdExpr *s = r_slices(p);
            if (s && TOK(AD_TOK_RSQB) && at_t_lookahead(p)) {
                e = NEW_EXPR(AD_Subscript_kind);
                if (e) {
                    e->v.Subscript.value = a;
                    e->v.Subscript.slice = s;
                    e->v.Subscript.ctx = AD_Load;
                }
            }
        } else if (t->type == AD_TOK_LPAR) {
            AdExpr *g = r_genexp(p);
            if (g && at_t_lookahead(p)) {
                e = NEW_EXPR(AD_Call_kind);
                if (e) {
                    e->v.Call.func = a;
                    e->v.Call.args = seq1(p, g);
                }
            } else if (!ERR()) {
                p->mark = m + 1;
                AdExpr *b = r_arguments(p);
                if (!ERR() && TOK(AD_TOK_RPAR) && at_t_lookahead(p))
                    e = make_call(p, _start, a, b);
            }
        }
        if (ERR())
            return NULL;
        if (!e) {
            p->mark = m;
            break;
        }
        a = e;
    }
    return a;
}

static AdExpr *r_t_primary(Parser *p)
{
    MEMO_BEGIN(M_t_primary, AdExpr *);
    AdExpr *res = t_primary_raw(p);
    MEMO_END(M_t_primary, res);
    return res;
}

/* t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead */
static AdExpr *subscript_attribute_target(Parser *p, AdExprContext ctx)
{
    BEGIN_RULE;
    AdExpr *a = r_t_primary(p);
    if (!a)
        return NULL;
    int m = p->mark;
    if (TOK(AD_TOK_DOT)) {
        ptok *n = NAME();
        if (n && !at_t_lookahead(p)) {
            AdExpr *e = NEW_EXPR(AD_Attribute_kind);
            if (e) {
                e->v.Attribute.value = a;
                e->v.Attribute.attr = parser_identifier(p, n);
                e->v.Attribute.ctx = ctx;
            }
            return e;
        }
    }
    p->mark = m;
    if (TOK(AD_TOK_LSQB)) {
        AdExpr *s = r_slices(p);
        if (s && TOK(AD_TOK_RSQB) && !at_t_lookahead(p)) {
            AdExpr *e = NEW_EXPR(AD_Subscript_kind);
            if (e) {
                e->v.Subscript.value = a;
                e->v.Subscript.slice = s;
                e->v.Subscript.ctx = ctx;
            }
            return e;
        }
    }
    FAIL();
}

static AdExpr *r_target_with_star_atom(Parser *p);

/* ','.star_target+ [','] ; tuple_form: star_target (',' star_target)+ [','] | star_target ',' */
static AdAstSeq *star_target_seq(Parser *p, int tuple_form)
{
    int start = p->mark;
    AdExpr *a = r_star_target(p);
    if (!a)
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA))
            break;
        AdExpr *c = r_star_target(p);
        if (!c) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    int trailing = TOK(AD_TOK_COMMA) != NULL;
    if (ERR() || (tuple_form && l.len == 1 && !trailing)) {
        plist_free(&l);
        p->mark = start;
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static AdExpr *r_star_atom(Parser *p)
{
    BEGIN_RULE;
    ptok *n = NAME();
    if (n)
        return name_expr(p, n, AD_Store);
    if (TOK(AD_TOK_LPAR)) {
        AdExpr *a = r_target_with_star_atom(p);
        if (a && TOK(AD_TOK_RPAR))
            return parser_set_ctx(p, a, AD_Store);
        if (ERR())
            return NULL;
        p->mark = _start + 1;
        AdAstSeq *s = star_target_seq(p, 1);
        if (ERR())
            return NULL;
        if (TOK(AD_TOK_RPAR)) {
            AdExpr *e = NEW_EXPR(AD_Tuple_kind);
            if (e) {
                e->v.Tuple.elts = s;
                e->v.Tuple.ctx = AD_Store;
            }
            return e;
        }
        FAIL();
    }
    if (TOK(AD_TOK_LSQB)) {
        AdAstSeq *s = star_target_seq(p, 0);
        if (ERR())
            return NULL;
        if (TOK(AD_TOK_RSQB)) {
            AdExpr *e = NEW_EXPR(AD_List_kind);
            if (e) {
                e->v.List.elts = s;
                e->v.List.ctx = AD_Store;
            }
            return e;
        }
    }
    FAIL();
}

static AdExpr *r_target_with_star_atom(Parser *p)
{
    MEMO_BEGIN(M_target_with_star_atom, AdExpr *);
    AdExpr *res = subscript_attribute_target(p, AD_Store);
    if (!res && !ERR())
        res = r_star_atom(p);
    MEMO_END(M_target_with_star_atom, res);
    return res;
}

static AdExpr *star_target_raw(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_STAR)) {
        if (!at_type(p, AD_TOK_STAR)) {
            AdExpr *a = r_star_target(p);
            if (a) {
                AdExpr *e = NEW_EXPR(AD_Starred_kind);
                if (e) {
                    e->v.Starred.value = parser_set_ctx(p, a, AD_Store);
                    e->v.Starred.ctx = AD_Store;
                }
                return e;
            }
        }
        FAIL();
    }
    return r_target_with_star_atom(p);
}

static AdExpr *r_star_target(Parser *p)
{
    MEMO_BEGIN(M_star_target, AdExpr *);
    GUARD_ENTER();
    AdExpr *res = star_target_raw(p);
    GUARD_LEAVE();
    MEMO_END(M_star_target, res);
    return res;
}

static AdExpr *r_star_targets(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_star_target(p);
    if (!a)
        return NULL;
    if (!at_type(p, AD_TOK_COMMA))
        return a;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA))
            break;
        AdExpr *c = r_star_target(p);
        if (!c) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    TOK(AD_TOK_COMMA);
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    AdAstSeq *s = plist_to_seq(p, &l);
    AdExpr *e = NEW_EXPR(AD_Tuple_kind);
    if (e) {
        e->v.Tuple.elts = s;
        e->v.Tuple.ctx = AD_Store;
    }
    return e;
}

static AdExpr *r_single_target(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = subscript_attribute_target(p, AD_Store);
    if (a || ERR())
        return a;
    ptok *n = NAME();
    if (n)
        return name_expr(p, n, AD_Store);
    if (TOK(AD_TOK_LPAR)) {
        a = r_single_target(p);
        if (a && TOK(AD_TOK_RPAR))
            return a;
    }
    FAIL();
}

static AdExpr *r_del_target(Parser *p);

static AdAstSeq *r_del_targets(Parser *p)
{
    AdExpr *a = r_del_target(p);
    if (!a)
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA))
            break;
        AdExpr *c = r_del_target(p);
        if (!c) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    TOK(AD_TOK_COMMA);
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static AdExpr *del_t_atom(Parser *p)
{
    BEGIN_RULE;
    ptok *n = NAME();
    if (n)
        return name_expr(p, n, AD_Del);
    if (TOK(AD_TOK_LPAR)) {
        AdExpr *a = r_del_target(p);
        if (a && TOK(AD_TOK_RPAR))
            return parser_set_ctx(p, a, AD_Del);
        if (ERR())
            return NULL;
        p->mark = _start + 1;
        AdAstSeq *s = r_del_targets(p);
        if (ERR())
            return NULL;
        if (TOK(AD_TOK_RPAR)) {
            AdExpr *e = NEW_EXPR(AD_Tuple_kind);
            if (e) {
                e->v.Tuple.elts = s;
                e->v.Tuple.ctx = AD_Del;
            }
            return e;
        }
        FAIL();
    }
    if (TOK(AD_TOK_LSQB)) {
        AdAstSeq *s = r_del_targets(p);
        if (ERR())
            return NULL;
        if (TOK(AD_TOK_RSQB)) {
            AdExpr *e = NEW_EXPR(AD_List_kind);
            if (e) {
                e->v.List.elts = s;
                e->v.List.ctx = AD_Del;
            }
            return e;
        }
    }
    FAIL();
}

static AdExpr *r_del_target(Parser *p)
{
    MEMO_BEGIN(M_del_target, AdExpr *);
    AdExpr *res = subscript_attribute_target(p, AD_Del);
    if (!res && !ERR())
        res = del_t_atom(p);
    MEMO_END(M_del_target, res);
    return res;
}

/* =========================== strings =========================== */

static AdExpr *r_fstring_replacement_field(Parser *p, int is_t, int in_spec);

static AdExpr *r_fstring_format_spec(Parser *p, int is_t)
{
    ptok *t = TOK(is_t ? AD_TOK_TSTRING_MIDDLE : AD_TOK_FSTRING_MIDDLE);
    if (t)
        return parser_fstring_middle(p, t, 1);
    return r_fstring_replacement_field(p, is_t, 1);
}

static void *invalid_replacement_field(Parser *p, int is_t)
{
    BEGIN_RULE;
    const char *pre = is_t ? "t-string" : "f-string";
    if (!TOK(AD_TOK_LBRACE))
        return NULL;
    ptok *a = parser_peek(p);
    if (a && !a->kw) {
        if (a->type == AD_TOK_EQUAL)
            return RAISE_TOK_LOCATION(a, "%s: valid expression required before '='", pre);
        if (a->type == AD_TOK_EXCLAMATION)
            return RAISE_TOK_LOCATION(a, "%s: valid expression required before '!'", pre);
        if (a->type == AD_TOK_COLON)
            return RAISE_TOK_LOCATION(a, "%s: valid expression required before ':'", pre);
        if (a->type == AD_TOK_RBRACE)
            return RAISE_TOK_LOCATION(a, "%s: valid expression required before '}'", pre);
    }
    int m = p->mark;
    if (!r_annotated_rhs(p)) {
        if (ERR())
            return NULL;
        return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("%s: expecting a valid expression after '{'", pre);
    }
    int after_rhs = p->mark;
    (void)m;
    if (!at_type(p, AD_TOK_EQUAL) && !at_type(p, AD_TOK_EXCLAMATION) && !at_type(p, AD_TOK_COLON) &&
        !at_type(p, AD_TOK_RBRACE))
        return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("%s: expecting '=', or '!', or ':', or '}'", pre);
    if (TOK(AD_TOK_EQUAL)) {
        if (!at_type(p, AD_TOK_EXCLAMATION) && !at_type(p, AD_TOK_COLON) && !at_type(p, AD_TOK_RBRACE))
            return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("%s: expecting '!', or ':', or '}'", pre);
    }
    int after_eq = p->mark;
    /* invalid_fstring_conversion_character */
    if (TOK(AD_TOK_EXCLAMATION)) {
        if (at_type(p, AD_TOK_COLON) || at_type(p, AD_TOK_RBRACE))
            return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("%s: missing conversion character", pre);
        if (!at_type(p, AD_TOK_NAME))
            return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("%s: invalid conversion character", pre);
    }
    p->mark = after_eq;
    {
        int m2 = p->mark;
        if (!(TOK(AD_TOK_EXCLAMATION) && TOK(AD_TOK_NAME)))
            p->mark = m2;
    }
    int after_conv = p->mark;
    if (!at_type(p, AD_TOK_COLON) && !at_type(p, AD_TOK_RBRACE))
        return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("%s: expecting ':' or '}'", pre);
    if (TOK(AD_TOK_COLON)) {
        while (r_fstring_format_spec(p, 0))
            ;
        if (ERR())
            return NULL;
        if (!at_type(p, AD_TOK_RBRACE))
            return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("%s: expecting '}', or format specs", pre);
    }
    p->mark = after_conv;
    if (!at_type(p, AD_TOK_RBRACE) && !at_type(p, AD_TOK_COLON))
        return RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN("%s: expecting '}'", pre);
    (void)after_rhs;
    FAIL();
}

/* IN_SPEC: a field inside a format spec, which is a FormattedValue even
 * in a t-string (tstring_format_spec_replacement_field). */
static AdExpr *r_fstring_replacement_field(Parser *p, int is_t, int in_spec)
{
    BEGIN_RULE;
    ptok *lb = TOK(AD_TOK_LBRACE);
    if (lb) {
        p->in_fstring_expr++;
        AdExpr *a = r_annotated_rhs(p);
        p->in_fstring_expr--;
        if (a) {
            ptok *debug = TOK(AD_TOK_EQUAL);
            ptok *conv_tok = NULL, *conv = NULL, *colon = NULL;
            int m = p->mark;
            if ((conv_tok = TOK(AD_TOK_EXCLAMATION)) && (conv = NAME()))
                ;
            else {
                conv_tok = conv = NULL;
                p->mark = m;
            }
            plist spec;
            plist_init(&spec);
            int spec_start = p->mark;
            if ((colon = TOK(AD_TOK_COLON))) {
                AdExpr *s;
                while ((s = r_fstring_format_spec(p, is_t)))
                    plist_push(p, &spec, s);
            }
            ptok *rb = ERR() ? NULL : TOK(AD_TOK_RBRACE);
            if (rb) {
                AdExpr *res = parser_formatted_value(p, a, debug, conv_tok, conv, colon, &spec, spec_start,
                                                     rb, _start, is_t && !in_spec, lb);
                plist_free(&spec);
                return res;
            }
            plist_free(&spec);
        }
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        invalid_replacement_field(p, is_t);
        RESET();
    }
    return NULL;
}

static AdExpr *r_fstring(Parser *p, int is_t)
{
    BEGIN_RULE;
    ptok *a = TOK(is_t ? AD_TOK_TSTRING_START : AD_TOK_FSTRING_START);
    if (!a)
        return NULL;
    plist parts;
    plist_init(&parts);
    for (;;) {
        AdExpr *e = r_fstring_replacement_field(p, is_t, 0);
        if (!e) {
            if (ERR())
                break;
            ptok *t = TOK(is_t ? AD_TOK_TSTRING_MIDDLE : AD_TOK_FSTRING_MIDDLE);
            if (!t)
                break;
            e = parser_fstring_middle(p, t, 0);
            if (!e)
                break;
        }
        plist_push(p, &parts, e);
    }
    ptok *c = ERR() ? NULL : TOK(is_t ? AD_TOK_TSTRING_END : AD_TOK_FSTRING_END);
    if (!c) {
        plist_free(&parts);
        FAIL();
    }
    AdExpr *res = parser_joined_str(p, a, &parts, c, is_t);
    plist_free(&parts);
    return res;
}

static AdExpr *strings_raw(Parser *p)
{
    BEGIN_RULE;
    plist pieces;
    plist_init(&pieces);
    if (p->invalid) {
        /* invalid_string_tstring_concat */
        int kinds = 0;   /* 1: plain/f-string seen, 2: t-string seen */
        AdExpr *last_plain = NULL, *last_t = NULL;
        for (;;) {
            ptok *t = parser_peek(p);
            if (!t || t->kw)
                break;
            AdExpr *e = NULL;
            int isT = 0;
            if (t->type == AD_TOK_STRING) {
                p->mark++;
                e = parser_string_constant(p, t);
            } else if (t->type == AD_TOK_FSTRING_START) {
                e = r_fstring(p, 0);
            } else if (t->type == AD_TOK_TSTRING_START) {
                e = r_fstring(p, 1);
                isT = 1;
            } else {
                break;
            }
            if (!e)
                break;
            if (isT) {
                if (kinds == 1)
                    return RAISE_KNOWN_RANGE(last_plain, e,
                                             "cannot mix t-string literals with string or bytes literals");
                kinds = 2;
                last_t = e;
            } else {
                if (kinds == 2)
                    return RAISE_KNOWN_RANGE(last_t, e,
                                             "cannot mix t-string literals with string or bytes literals");
                kinds = 1;
                last_plain = e;
            }
        }
        if (ERR())
            return NULL;
        RESET();
    }
    int is_t = at_type(p, AD_TOK_TSTRING_START);
    for (;;) {
        ptok *t = parser_peek(p);
        if (!t || t->kw)
            break;
        AdExpr *e = NULL;
        if (!is_t && t->type == AD_TOK_STRING) {
            p->mark++;
            e = parser_string_constant(p, t);
        } else if (!is_t && t->type == AD_TOK_FSTRING_START) {
            e = r_fstring(p, 0);
        } else if (is_t && t->type == AD_TOK_TSTRING_START) {
            e = r_fstring(p, 1);
        } else {
            break;
        }
        if (!e)
            break;
        plist_push(p, &pieces, e);
    }
    if (ERR() || pieces.len == 0) {
        plist_free(&pieces);
        FAIL();
    }
    AdExpr *res = is_t ? parser_concatenate_tstrings(p, &pieces, _start)
                       : parser_concatenate_strings(p, &pieces, _start);
    plist_free(&pieces);
    return res;
}

static AdExpr *r_strings(Parser *p)
{
    MEMO_BEGIN(M_strings, AdExpr *);
    AdExpr *res = strings_raw(p);
    MEMO_END(M_strings, res);
    return res;
}

static AdExpr *r_annotated_rhs(Parser *p)
{
    if (p->error)
        return NULL;
    AdExpr *e = r_yield_expr(p);
    if (e || ERR())
        return e;
    return r_star_expressions(p);
}

/* =========================== simple statements =========================== */

/* forced token (&&X): fail with "expected 'X'" at the next token */
static ptok *expect_forced(Parser *p, int type, const char *text)
{
    ptok *t = parser_peek(p);
    if (!t)
        return NULL;
    if (t->type != type || t->kw) {
        RAISE_TOK_LOCATION(t, "expected '%s'", text);
        return NULL;
    }
    p->mark++;
    return t;
}

static AdOperator r_augassign(Parser *p)
{
    ptok *t = parser_peek(p);
    if (!t || t->kw)
        return 0;
    AdOperator op;
    switch (t->type) {
    case AD_TOK_PLUSEQUAL: op = AD_Add; break;
    case AD_TOK_MINEQUAL: op = AD_Sub; break;
    case AD_TOK_STAREQUAL: op = AD_Mult; break;
    case AD_TOK_ATEQUAL: op = AD_MatMult; break;
    case AD_TOK_SLASHEQUAL: op = AD_Div; break;
    case AD_TOK_PERCENTEQUAL: op = AD_Mod; break;
    case AD_TOK_AMPEREQUAL: op = AD_BitAnd; break;
    case AD_TOK_VBAREQUAL: op = AD_BitOr; break;
    case AD_TOK_CIRCUMFLEXEQUAL: op = AD_BitXor; break;
    case AD_TOK_LEFTSHIFTEQUAL: op = AD_LShift; break;
    case AD_TOK_RIGHTSHIFTEQUAL: op = AD_RShift; break;
    case AD_TOK_DOUBLESTAREQUAL: op = AD_Pow; break;
    case AD_TOK_DOUBLESLASHEQUAL: op = AD_FloorDiv; break;
    default: return 0;
    }
    p->mark++;
    return op;
}

static AdExpr *invalid_ann_assign_target(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_list(p);
    if (a || ERR())
        return a;
    a = r_tuple(p);
    if (a || ERR())
        return a;
    if (TOK(AD_TOK_LPAR)) {
        a = invalid_ann_assign_target(p);
        if (a && TOK(AD_TOK_RPAR))
            return a;
    }
    FAIL();
}

void *parser_raise_invalid_target(Parser *p, int type, AdExpr *e)
{
    AdExpr *t = parser_invalid_target(e, type);
    if (!t)
        return NULL;
    return RAISE_KNOWN_LOCATION(t, type == TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                                parser_expr_name(t));
}

/* (star_targets '=')* */
static void skip_star_targets_eq(Parser *p)
{
    for (;;) {
        int m = p->mark;
        if (!(r_star_targets(p) && TOK(AD_TOK_EQUAL))) {
            p->mark = m;
            return;
        }
    }
}

static void *invalid_assignment(Parser *p)
{
    BEGIN_RULE;
    {
        AdExpr *a = invalid_ann_assign_target(p);
        if (a && TOK(AD_TOK_COLON) && r_expression(p))
            return RAISE_KNOWN_LOCATION(a, "only single target (not %s) can be annotated", parser_expr_name(a));
        if (ERR())
            return NULL;
        RESET();
    }
    {
        AdExpr *a = r_star_named_expression(p);
        if (a && TOK(AD_TOK_COMMA)) {
            while (r_star_named_expressions(p))
                ;
            if (TOK(AD_TOK_COLON) && r_expression(p))
                return RAISE_KNOWN_LOCATION(a, "only single target (not tuple) can be annotated");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    {
        AdExpr *a = r_expression(p);
        if (a && TOK(AD_TOK_COLON) && r_expression(p))
            return RAISE_KNOWN_LOCATION(a, "illegal target for annotation");
        if (ERR())
            return NULL;
        RESET();
    }
    {
        skip_star_targets_eq(p);
        AdExpr *a = r_star_expressions(p);
        if (a && TOK(AD_TOK_EQUAL)) {
            parser_raise_invalid_target(p, TARGETS_STAR, a);
            if (ERR())
                return NULL;
        }
        if (ERR())
            return NULL;
        RESET();
    }
    {
        skip_star_targets_eq(p);
        AdExpr *a = r_yield_expr(p);
        if (a && TOK(AD_TOK_EQUAL))
            return RAISE_KNOWN_LOCATION(a, "assignment to yield expression not possible");
        if (ERR())
            return NULL;
        RESET();
    }
    {
        AdExpr *a = r_star_expressions(p);
        if (a && r_augassign(p) && r_annotated_rhs(p))
            return RAISE_KNOWN_LOCATION(a, "'%s' is an illegal expression for augmented assignment",
                                        parser_expr_name(a));
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

static AdStmt *ann_assign(Parser *p, int start, AdExpr *target, int simple)
{
    /* ':' expression ['=' annotated_rhs] */
    if (!TOK(AD_TOK_COLON))
        return NULL;
    AdExpr *b = r_expression(p);
    if (!b)
        return NULL;
    AdExpr *c = NULL;
    int m = p->mark;
    if (TOK(AD_TOK_EQUAL)) {
        c = r_annotated_rhs(p);
        if (!c)
            p->mark = m;
    }
    if (ERR())
        return NULL;
    AdStmt *s = parser_new_stmt(p, AD_AnnAssign_kind, start);
    if (s) {
        s->v.AnnAssign.target = target;
        s->v.AnnAssign.annotation = b;
        s->v.AnnAssign.value = c;
        s->v.AnnAssign.simple = simple;
    }
    return s;
}

static AdStmt *r_assignment(Parser *p)
{
    BEGIN_RULE;
    AdStmt *s;
    /* NAME ':' expression ['=' annotated_rhs] */
    {
        ptok *n = NAME();
        if (n && (s = ann_assign(p, _start, name_expr(p, n, AD_Store), 1)))
            return s;
        if (ERR())
            return NULL;
        RESET();
    }
    /* ('(' single_target ')' | single_subscript_attribute_target) ':' ... */
    {
        AdExpr *a = NULL;
        if (TOK(AD_TOK_LPAR)) {
            a = r_single_target(p);
            if (!(a && TOK(AD_TOK_RPAR)))
                a = NULL;
        }
        if (!a && !ERR()) {
            RESET();
            a = subscript_attribute_target(p, AD_Store);
        }
        if (a && (s = ann_assign(p, _start, a, 0)))
            return s;
        if (ERR())
            return NULL;
        RESET();
    }
    /* (star_targets '=')+ annotated_rhs !'=' [TYPE_COMMENT] */
    {
        plist l;
        plist_init(&l);
        for (;;) {
            int m = p->mark;
            AdExpr *z = r_star_targets(p);
            if (!(z && TOK(AD_TOK_EQUAL))) {
                p->mark = m;
                break;
            }
            plist_push(p, &l, z);
        }
        if (l.len > 0 && !ERR()) {
            AdExpr *b = r_annotated_rhs(p);
            if (b && !at_type(p, AD_TOK_EQUAL)) {
                TOK(AD_TOK_TYPE_COMMENT);
                AdAstSeq *targets = plist_to_seq(p, &l);
                s = NEW_STMT(AD_Assign_kind);
                if (s) {
                    s->v.Assign.targets = targets;
                    s->v.Assign.value = b;
                }
                return s;
            }
        }
        plist_free(&l);
        if (ERR())
            return NULL;
        RESET();
    }
    /* single_target augassign ~ annotated_rhs */
    {
        AdExpr *a = r_single_target(p);
        AdOperator op;
        if (a && (op = r_augassign(p))) {
            AdExpr *c = r_annotated_rhs(p);
            if (!c)
                FAIL();   /* cut */
            s = NEW_STMT(AD_AugAssign_kind);
            if (s) {
                s->v.AugAssign.target = a;
                s->v.AugAssign.op = op;
                s->v.AugAssign.value = c;
            }
            return s;
        }
        if (ERR())
            return NULL;
        RESET();
    }
    if (p->invalid) {
        invalid_assignment(p);
        RESET();
    }
    return NULL;
}

static AdStmt *r_return_stmt(Parser *p)
{
    BEGIN_RULE;
    if (!KW(KW_return))
        return NULL;
    AdExpr *a = r_star_expressions(p);
    if (ERR())
        return NULL;
    AdStmt *s = NEW_STMT(AD_Return_kind);
    if (s)
        s->v.Return.value = a;
    return s;
}

static AdStmt *r_raise_stmt(Parser *p)
{
    BEGIN_RULE;
    if (!KW(KW_raise))
        return NULL;
    AdExpr *a = r_expression(p);
    if (a) {
        AdExpr *b = NULL;
        int m = p->mark;
        if (KW(KW_from)) {
            b = r_expression(p);
            if (!b)
                p->mark = m;
        }
        if (ERR())
            return NULL;
        AdStmt *s = NEW_STMT(AD_Raise_kind);
        if (s) {
            s->v.Raise.exc = a;
            s->v.Raise.cause = b;
        }
        return s;
    }
    if (ERR())
        return NULL;
    AdStmt *s = NEW_STMT(AD_Raise_kind);
    return s;
}

static AdStmt *names_stmt(Parser *p, int kw, AdStmtKind kind)
{
    BEGIN_RULE;
    if (!KW(kw))
        return NULL;
    plist l;
    plist_init(&l);
    ptok *n = NAME();
    if (!n)
        FAIL();
    plist_push(p, &l, (void *)parser_identifier(p, n));
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_COMMA) || !(n = NAME())) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, (void *)parser_identifier(p, n));
    }
    AdAstSeq *names = plist_to_seq(p, &l);
    AdStmt *s = NEW_STMT(kind);
    if (s)
        s->v.Global.names = names;
    return s;
}

static AdStmt *r_del_stmt(Parser *p)
{
    BEGIN_RULE;
    if (!KW(KW_del))
        return NULL;
    AdAstSeq *a = r_del_targets(p);
    if (a && (at_type(p, AD_TOK_SEMI) || at_type(p, AD_TOK_NEWLINE))) {
        AdStmt *s = NEW_STMT(AD_Delete_kind);
        if (s)
            s->v.Delete.targets = a;
        return s;
    }
    if (ERR())
        return NULL;
    RESET();
    if (p->invalid) {
        KW(KW_del);
        AdExpr *e = r_star_expressions(p);
        if (e)
            parser_raise_invalid_target(p, TARGETS_DEL, e);
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

static AdStmt *r_assert_stmt(Parser *p)
{
    BEGIN_RULE;
    if (!KW(KW_assert))
        return NULL;
    AdExpr *a = r_expression(p);
    if (!a)
        FAIL();
    AdExpr *b = NULL;
    int m = p->mark;
    if (TOK(AD_TOK_COMMA)) {
        b = r_expression(p);
        if (!b)
            p->mark = m;
    }
    if (ERR())
        return NULL;
    AdStmt *s = NEW_STMT(AD_Assert_kind);
    if (s) {
        s->v.Assert.test = a;
        s->v.Assert.msg = b;
    }
    return s;
}

/* dotted_name as a joined identifier; *START gets the first token */
static const char *r_dotted_name(Parser *p)
{
    int start = p->mark;
    ptok *n = NAME();
    if (!n)
        return NULL;
    ptok *last = n;
    int count = 1;
    for (;;) {
        int m = p->mark;
        ptok *d = TOK(AD_TOK_DOT);
        ptok *n2 = d ? NAME() : NULL;
        if (!n2) {
            p->mark = m;
            break;
        }
        last = n2;
        count++;
    }
    if (count == 1)
        return parser_identifier(p, n);
    /* join the names with dots (identifiers normalized one by one) */
    size_t total = 0;
    int i;
    const char *parts[256];
    const char **pv = parts;
    const char **heap = NULL;
    if (count > 256) {
        heap = malloc(sizeof(char *) * (size_t)count);
        if (!heap) {
            parser_set_memory_error(p, "");
            return NULL;
        }
        pv = heap;
    }
    for (i = 0; i < count; i++) {
        ptok *t = p->toks[start + 2 * i];
        pv[i] = parser_identifier(p, t);
        if (!pv[i]) {
            free(heap);
            return NULL;
        }
        total += strlen(pv[i]) + 1;
    }
    char *s = parser_alloc(p, total);
    if (s) {
        char *q = s;
        for (i = 0; i < count; i++) {
            size_t l = strlen(pv[i]);
            memcpy(q, pv[i], l);
            q += l;
            *q++ = i + 1 < count ? '.' : '\0';
        }
    }
    free(heap);
    (void)last;
    return s;
}

static AdAlias *new_alias(Parser *p, int start, const char *name, const char *asname)
{
    AdAlias *a = parser_alloc(p, sizeof *a);
    if (!a)
        return NULL;
    ptok *st = p->toks[start];
    ptok *en = parser_last_nonws(p);
    a->name = name;
    a->asname = asname;
    a->lineno = st->lineno;
    a->col_offset = st->col;
    a->end_lineno = en->end_lineno;
    a->end_col_offset = en->end_col;
    return a;
}

/* invalid_dotted_as_name / invalid_import_from_as_name (after the name) */
static void *invalid_as_target(Parser *p)
{
    int m = p->mark;
    if (KW(KW_as)) {
        int t0 = peek_type_at(p, 0);
        int t1 = peek_type_at(p, 1);
        int ok_name = t0 == AD_TOK_NAME &&
                      (t1 == AD_TOK_COMMA || t1 == AD_TOK_RPAR || t1 == AD_TOK_SEMI || t1 == AD_TOK_NEWLINE);
        if (!ok_name) {
            AdExpr *a = r_expression(p);
            if (a)
                return RAISE_KNOWN_LOCATION(a, "cannot use %s as import target", parser_expr_name(a));
        }
    }
    p->mark = m;
    return NULL;
}

static AdAlias *r_as_name(Parser *p, int dotted)
{
    BEGIN_RULE;
    const char *name;
    if (p->invalid) {
        name = dotted ? r_dotted_name(p) : (NAME() ? "" : NULL);
        if (name) {
            invalid_as_target(p);
            if (ERR())
                return NULL;
        }
        RESET();
    }
    if (dotted) {
        name = r_dotted_name(p);
    } else {
        ptok *n = NAME();
        name = n ? parser_identifier(p, n) : NULL;
    }
    if (!name)
        FAIL();
    const char *asname = NULL;
    int m = p->mark;
    if (KW(KW_as)) {
        ptok *z = NAME();
        if (z)
            asname = parser_identifier(p, z);
        else
            p->mark = m;
    }
    return new_alias(p, _start, name, asname);
}

static AdAstSeq *gather_aliases(Parser *p, int dotted)
{
    AdAlias *a = r_as_name(p, dotted);
    if (!a)
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        AdAlias *c;
        if (!TOK(AD_TOK_COMMA) || !(c = r_as_name(p, dotted))) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static AdAstSeq *r_import_from_targets(Parser *p)
{
    BEGIN_RULE;
    AdAstSeq *a;
    if (TOK(AD_TOK_LPAR)) {
        a = gather_aliases(p, 0);
        if (a) {
            TOK(AD_TOK_COMMA);
            if (TOK(AD_TOK_RPAR))
                return a;
        }
        if (ERR())
            return NULL;
        RESET();
    }
    a = gather_aliases(p, 0);
    if (a && !at_type(p, AD_TOK_COMMA))
        return a;
    if (ERR())
        return NULL;
    RESET();
    if (TOK(AD_TOK_STAR)) {
        AdAlias *al = new_alias(p, _start, "*", NULL);
        return al ? seq1(p, al) : NULL;
    }
    if (p->invalid) {
        a = gather_aliases(p, 0);
        if (a && TOK(AD_TOK_COMMA) && TOK(AD_TOK_NEWLINE))
            return RAISE_SYNTAX_ERROR("trailing comma not allowed without surrounding parentheses");
        if (ERR())
            return NULL;
        RESET();
        ptok *t = TOK(AD_TOK_NEWLINE);
        if (t)
            return RAISE_TOK_STARTING_FROM(t, "Expected one or more names after 'import'");
        RESET();
    }
    return NULL;
}

/* `from __future__ import X`: the parser rejects braces and unknown
 * features (as _PyPegen_checked_future_import does). */
static void check_future_import(Parser *p, AdAstSeq *names)
{
    static const char *const features[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"
    };
    for (int i = 0; i < AdAstSeq_LEN(names); i++) {
        AdAlias *a = names->items[i];
        if (strcmp(a->name, "braces") == 0) {
            RAISE_KNOWN_LOCATION(a, "not a chance");
            return;
        }
        int known = 0;
        for (size_t k = 0; k < sizeof features / sizeof features[0]; k++)
            if (strcmp(a->name, features[k]) == 0)
                known = 1;
        if (!known && strcmp(a->name, "*") != 0) {
            RAISE_KNOWN_LOCATION(a, "future feature %s is not defined", a->name);
            return;
        }
    }
}

static AdStmt *import_stmt_raw(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        /* a='import' ','.dotted_name+ 'from' dotted_name */
        ptok *a = KW(KW_import);
        if (a && r_dotted_name(p)) {
            for (;;) {
                int m = p->mark;
                if (!TOK(AD_TOK_COMMA) || !r_dotted_name(p)) {
                    p->mark = m;
                    break;
                }
            }
            if (KW(KW_from) && r_dotted_name(p))
                return RAISE_TOK_STARTING_FROM(a, "Did you mean to use 'from ... import ...' instead?");
        }
        if (ERR())
            return NULL;
        RESET();
        ptok *t;
        if (KW(KW_import) && (t = TOK(AD_TOK_NEWLINE)))
            return RAISE_TOK_STARTING_FROM(t, "Expected one or more names after 'import'");
        RESET();
    }
    if (KW(KW_import)) {
        AdAstSeq *a = gather_aliases(p, 1);
        if (a) {
            AdStmt *s = NEW_STMT(AD_Import_kind);
            if (s)
                s->v.Import.names = a;
            return s;
        }
        FAIL();
    }
    if (KW(KW_from)) {
        int level = 0;
        for (;;) {
            if (TOK(AD_TOK_DOT))
                level += 1;
            else if (TOK(AD_TOK_ELLIPSIS))
                level += 3;
            else
                break;
        }
        int after_dots = p->mark;
        const char *module = r_dotted_name(p);
        if (module && KW(KW_import)) {
            AdAstSeq *c = r_import_from_targets(p);
            if (c && level == 0 && strcmp(module, "__future__") == 0) {
                check_future_import(p, c);
                if (ERR())
                    return NULL;
            }
            if (c) {
                AdStmt *s = NEW_STMT(AD_ImportFrom_kind);
                if (s) {
                    s->v.ImportFrom.module = module;
                    s->v.ImportFrom.names = c;
                    s->v.ImportFrom.level = level;
                }
                return s;
            }
        }
        if (ERR())
            return NULL;
        p->mark = after_dots;
        if (level > 0 && KW(KW_import)) {
            AdAstSeq *c = r_import_from_targets(p);
            if (c) {
                AdStmt *s = NEW_STMT(AD_ImportFrom_kind);
                if (s) {
                    s->v.ImportFrom.names = c;
                    s->v.ImportFrom.level = level;
                }
                return s;
            }
        }
    }
    FAIL();
}

static AdStmt *r_import_stmt(Parser *p)
{
    MEMO_BEGIN(M_import_stmt, AdStmt *);
    AdStmt *res = import_stmt_raw(p);
    MEMO_END(M_import_stmt, res);
    return res;
}

static AdAstSeq *r_type_params(Parser *p);

static AdStmt *r_type_alias(Parser *p)
{
    BEGIN_RULE;
    if (!SOFT("type"))
        return NULL;
    ptok *n = NAME();
    if (!n)
        FAIL();
    AdAstSeq *t = NULL;
    if (at_type(p, AD_TOK_LSQB)) {
        t = r_type_params(p);
        if (ERR())
            return NULL;
    }
    if (!TOK(AD_TOK_EQUAL))
        FAIL();
    AdExpr *b = r_expression(p);
    if (!b)
        FAIL();
    AdStmt *s = NEW_STMT(AD_TypeAlias_kind);
    if (s) {
        s->v.TypeAlias.name = name_expr(p, n, AD_Store);
        s->v.TypeAlias.type_params = t;
        s->v.TypeAlias.value = b;
    }
    return s;
}

static AdStmt *simple_stmt_raw(Parser *p)
{
    BEGIN_RULE;
    AdStmt *s = r_assignment(p);
    if (s || ERR())
        return s;
    if (at_soft(p, "type")) {
        s = r_type_alias(p);
        if (s || ERR())
            return s;
    }
    AdExpr *e = r_star_expressions(p);
    if (e) {
        s = NEW_STMT(AD_Expr_kind);
        if (s)
            s->v.Expr.value = e;
        return s;
    }
    if (ERR())
        return NULL;
    ptok *t = parser_peek(p);
    if (!t)
        return NULL;
    switch (t->kw) {
    case KW_return: return r_return_stmt(p);
    case KW_import:
    case KW_from: return r_import_stmt(p);
    case KW_raise: return r_raise_stmt(p);
    case KW_pass: return r_pass_stmt(p);
    case KW_del: return r_del_stmt(p);
    case KW_yield: {
        AdExpr *y = r_yield_expr(p);
        if (!y)
            return NULL;
        s = NEW_STMT(AD_Expr_kind);
        if (s)
            s->v.Expr.value = y;
        return s;
    }
    case KW_assert: return r_assert_stmt(p);
    case KW_break: p->mark++; return NEW_STMT(AD_Break_kind);
    case KW_continue: p->mark++; return NEW_STMT(AD_Continue_kind);
    case KW_global: return names_stmt(p, KW_global, AD_Global_kind);
    case KW_nonlocal: return names_stmt(p, KW_nonlocal, AD_Nonlocal_kind);
    default: return NULL;
    }
}

static AdStmt *r_pass_stmt(Parser *p)
{
    BEGIN_RULE;
    if (!KW(KW_pass))
        return NULL;
    return NEW_STMT(AD_Pass_kind);
}

static AdStmt *r_simple_stmt(Parser *p)
{
    MEMO_BEGIN(M_simple_stmt, AdStmt *);
    AdStmt *res = simple_stmt_raw(p);
    MEMO_END(M_simple_stmt, res);
    return res;
}

static AdAstSeq *r_simple_stmts(Parser *p)
{
    if (p->error)
        return NULL;
    int start = p->mark;
    AdStmt *a = r_simple_stmt(p);
    if (!a)
        return NULL;
    if (!at_type(p, AD_TOK_SEMI) && TOK(AD_TOK_NEWLINE))
        return seq1(p, a);
    if (ERR())
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        AdStmt *c;
        if (!TOK(AD_TOK_SEMI) || !(c = r_simple_stmt(p))) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    TOK(AD_TOK_SEMI);
    if (!ERR() && TOK(AD_TOK_NEWLINE))
        return plist_to_seq(p, &l);
    plist_free(&l);
    p->mark = start;
    return NULL;
}

/* =========================== compound statements =========================== */

static int r_statement(Parser *p, plist *out);

static AdAstSeq *r_statements(Parser *p)
{
    plist l;
    plist_init(&l);
    while (r_statement(p, &l))
        ;
    if (ERR() || l.len == 0) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static AdAstSeq *block_raw(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_NEWLINE) && TOK(AD_TOK_INDENT)) {
        AdAstSeq *a = r_statements(p);
        if (a && TOK(AD_TOK_DEDENT))
            return a;
    }
    if (ERR())
        return NULL;
    RESET();
    AdAstSeq *s = r_simple_stmts(p);
    if (s || ERR())
        return s;
    if (p->invalid) {
        if (TOK(AD_TOK_NEWLINE) && !at_type(p, AD_TOK_INDENT))
            return RAISE_INDENTATION_ERROR("expected an indented block");
        RESET();
    }
    return NULL;
}

static AdAstSeq *r_block(Parser *p)
{
    MEMO_BEGIN(M_block, AdAstSeq *);
    GUARD_ENTER();
    AdAstSeq *res = block_raw(p);
    GUARD_LEAVE();
    MEMO_END(M_block, res);
    return res;
}

/* ':' NEWLINE !INDENT -> IndentationError "expected an indented block after WHAT on line N" */
static void *expect_indented_block(Parser *p, ptok *kw, const char *what)
{
    if (TOK(AD_TOK_COLON) && TOK(AD_TOK_NEWLINE) && !at_type(p, AD_TOK_INDENT))
        return RAISE_INDENTATION_ERROR("expected an indented block after %s on line %d", what, kw->lineno);
    return NULL;
}

static AdAstSeq *r_else_block(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        ptok *a = KW(KW_else);
        if (a) {
            expect_indented_block(p, a, "'else' statement");
            if (ERR())
                return NULL;
            p->mark = _start + 1;
            if (TOK(AD_TOK_COLON) && r_block(p) && KW(KW_elif))
                return RAISE_SYNTAX_ERROR("'elif' block follows an 'else' block");
            if (ERR())
                return NULL;
        }
        RESET();
    }
    if (!KW(KW_else))
        return NULL;
    if (!expect_forced(p, AD_TOK_COLON, ":"))
        return NULL;
    AdAstSeq *b = r_block(p);
    if (!b)
        FAIL();
    return b;
}

static AdStmt *if_common(Parser *p, int kw)
{
    BEGIN_RULE;
    if (p->invalid) {
        ptok *a = KW(kw);
        if (a && r_named_expression(p)) {
            int m = p->mark;
            if (TOK(AD_TOK_NEWLINE))
                return RAISE_SYNTAX_ERROR("expected ':'");
            p->mark = m;
            expect_indented_block(p, a, kw == KW_if ? "'if' statement" : "'elif' statement");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    if (!KW(kw))
        return NULL;
    AdExpr *a = r_named_expression(p);
    AdAstSeq *b;
    if (!(a && TOK(AD_TOK_COLON) && (b = r_block(p))))
        FAIL();
    AdAstSeq *orelse = NULL;
    if (at_kw(p, KW_elif)) {
        AdStmt *c = if_common(p, KW_elif);
        if (c)
            orelse = seq1(p, c);
        else if (ERR())
            return NULL;
    }
    if (!orelse) {
        orelse = r_else_block(p);
        if (ERR())
            return NULL;
    }
    AdStmt *s = NEW_STMT(AD_If_kind);
    if (s) {
        s->v.If.test = a;
        s->v.If.body = b;
        s->v.If.orelse = orelse;
    }
    return s;
}

static AdStmt *r_while_stmt(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        ptok *a = KW(KW_while);
        if (a && r_named_expression(p)) {
            int m = p->mark;
            if (TOK(AD_TOK_NEWLINE))
                return RAISE_SYNTAX_ERROR("expected ':'");
            p->mark = m;
            expect_indented_block(p, a, "'while' statement");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    if (!KW(KW_while))
        return NULL;
    AdExpr *a = r_named_expression(p);
    AdAstSeq *b;
    if (!(a && TOK(AD_TOK_COLON) && (b = r_block(p))))
        FAIL();
    AdAstSeq *c = r_else_block(p);
    if (ERR())
        return NULL;
    AdStmt *s = NEW_STMT(AD_While_kind);
    if (s) {
        s->v.While.test = a;
        s->v.While.body = b;
        s->v.While.orelse = c;
    }
    return s;
}

static void *invalid_for_target(Parser *p)
{
    BEGIN_RULE;
    KW(KW_async);
    if (KW(KW_for)) {
        AdExpr *a = r_star_expressions(p);
        if (a)
            return parser_raise_invalid_target(p, TARGETS_FOR, a);
    }
    FAIL();
}

static AdStmt *r_for_stmt(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        KW(KW_async);
        ptok *a = KW(KW_for);
        if (a && r_star_targets(p) && KW(KW_in) && r_star_expressions(p)) {
            int m = p->mark;
            if (TOK(AD_TOK_NEWLINE))
                return RAISE_SYNTAX_ERROR("expected ':'");
            p->mark = m;
            expect_indented_block(p, a, "'for' statement");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    int is_async = KW(KW_async) != NULL;
    if (KW(KW_for)) {
        AdExpr *t = r_star_targets(p);
        if (t && KW(KW_in)) {
            AdExpr *ex = r_star_expressions(p);
            AdAstSeq *b;
            if (ex && TOK(AD_TOK_COLON)) {
                TOK(AD_TOK_TYPE_COMMENT);
                if ((b = r_block(p))) {
                    AdAstSeq *el = r_else_block(p);
                    if (ERR())
                        return NULL;
                    AdStmt *s = NEW_STMT(is_async ? AD_AsyncFor_kind : AD_For_kind);
                    if (s) {
                        s->v.For.target = t;
                        s->v.For.iter = ex;
                        s->v.For.body = b;
                        s->v.For.orelse = el;
                    }
                    return s;
                }
            }
            FAIL();   /* cut after 'in' */
        }
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        invalid_for_target(p);
        RESET();
    }
    return NULL;
}

static AdWithItem *r_with_item(Parser *p)
{
    BEGIN_RULE;
    AdExpr *e = r_expression(p);
    if (!e)
        return NULL;
    int m = p->mark;
    if (KW(KW_as)) {
        AdExpr *t = r_star_target(p);
        if (t && (at_type(p, AD_TOK_COMMA) || at_type(p, AD_TOK_RPAR) || at_type(p, AD_TOK_COLON))) {
            AdWithItem *w = parser_alloc(p, sizeof *w);
            if (w) {
                w->context_expr = e;
                w->optional_vars = t;
            }
            return w;
        }
        if (ERR())
            return NULL;
        p->mark = m;
        if (p->invalid) {
            KW(KW_as);
            AdExpr *a = r_expression(p);
            if (a && (at_type(p, AD_TOK_COMMA) || at_type(p, AD_TOK_RPAR) || at_type(p, AD_TOK_COLON))) {
                parser_raise_invalid_target(p, TARGETS_STAR, a);
                if (ERR())
                    return NULL;
            }
            if (ERR())
                return NULL;
            p->mark = m;
        }
    }
    AdWithItem *w = parser_alloc(p, sizeof *w);
    if (w)
        w->context_expr = e;
    return w;
}

static AdAstSeq *gather_with_items(Parser *p)
{
    AdWithItem *a = r_with_item(p);
    if (!a)
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        AdWithItem *c;
        if (!TOK(AD_TOK_COMMA) || !(c = r_with_item(p))) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

/* ','.(expression ['as' star_target])+  (or expressions for the paren form) */
static int skip_with_items(Parser *p, int paren)
{
    int n = 0;
    for (;;) {
        int m = p->mark;
        if (n > 0 && !TOK(AD_TOK_COMMA))
            break;
        AdExpr *e = paren ? r_expressions(p) : r_expression(p);
        if (!e) {
            p->mark = m;
            break;
        }
        int m2 = p->mark;
        if (!(KW(KW_as) && r_star_target(p)))
            p->mark = m2;
        n++;
    }
    return n;
}

static void *invalid_with_stmt_indent(Parser *p)
{
    BEGIN_RULE;
    KW(KW_async);
    ptok *a = KW(KW_with);
    if (!a)
        FAIL();
    int m = p->mark;
    if (skip_with_items(p, 0)) {
        expect_indented_block(p, a, "'with' statement");
        if (ERR())
            return NULL;
    }
    p->mark = m;
    if (TOK(AD_TOK_LPAR) && skip_with_items(p, 1)) {
        TOK(AD_TOK_COMMA);
        if (TOK(AD_TOK_RPAR)) {
            expect_indented_block(p, a, "'with' statement");
            if (ERR())
                return NULL;
        }
    }
    FAIL();
}

static void *invalid_with_stmt(Parser *p)
{
    BEGIN_RULE;
    KW(KW_async);
    if (!KW(KW_with))
        FAIL();
    int m = p->mark;
    if (skip_with_items(p, 0)) {
        if (TOK(AD_TOK_NEWLINE))
            return RAISE_SYNTAX_ERROR("expected ':'");
    }
    if (ERR())
        return NULL;
    p->mark = m;
    if (TOK(AD_TOK_LPAR) && skip_with_items(p, 1)) {
        TOK(AD_TOK_COMMA);
        if (TOK(AD_TOK_RPAR) && TOK(AD_TOK_NEWLINE))
            return RAISE_SYNTAX_ERROR("expected ':'");
    }
    FAIL();
}

static AdStmt *r_with_stmt(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_with_stmt_indent(p);
        if (ERR())
            return NULL;
        RESET();
    }
    int is_async = KW(KW_async) != NULL;
    if (!KW(KW_with))
        FAIL();
    int after = p->mark;
    if (TOK(AD_TOK_LPAR)) {
        AdAstSeq *a = gather_with_items(p);
        if (a) {
            TOK(AD_TOK_COMMA);
            if (TOK(AD_TOK_RPAR) && TOK(AD_TOK_COLON)) {
                if (!is_async)
                    TOK(AD_TOK_TYPE_COMMENT);
                AdAstSeq *b = r_block(p);
                if (b) {
                    AdStmt *s = NEW_STMT(is_async ? AD_AsyncWith_kind : AD_With_kind);
                    if (s) {
                        s->v.With.items = a;
                        s->v.With.body = b;
                    }
                    return s;
                }
            }
        }
        if (ERR())
            return NULL;
        p->mark = after;
    }
    AdAstSeq *a = gather_with_items(p);
    if (a && TOK(AD_TOK_COLON)) {
        TOK(AD_TOK_TYPE_COMMENT);
        AdAstSeq *b = r_block(p);
        if (b) {
            AdStmt *s = NEW_STMT(is_async ? AD_AsyncWith_kind : AD_With_kind);
            if (s) {
                s->v.With.items = a;
                s->v.With.body = b;
            }
            return s;
        }
    }
    if (ERR())
        return NULL;
    RESET();
    if (p->invalid) {
        invalid_with_stmt(p);
        RESET();
    }
    return NULL;
}

static AdExceptHandler *new_handler(Parser *p, int start, AdExpr *type, const char *name, AdAstSeq *body)
{
    AdExceptHandler *h = parser_alloc(p, sizeof *h);
    if (!h)
        return NULL;
    ptok *st = p->toks[start];
    ptok *en = parser_last_nonws(p);
    h->type = type;
    h->name = name;
    h->body = body;
    h->lineno = st->lineno;
    h->col_offset = st->col;
    h->end_lineno = en->end_lineno;
    h->end_col_offset = en->end_col;
    return h;
}

static void *invalid_except_stmt(Parser *p, int star)
{
    BEGIN_RULE;
    const char *what = star ? "except*" : "except";
    /* 'except' ['*'] a=expression ',' expressions 'as' NAME ':' */
    {
        if (KW(KW_except) && (!star || TOK(AD_TOK_STAR))) {
            AdExpr *a = r_expression(p);
            if (a && TOK(AD_TOK_COMMA) && r_expressions(p) && KW(KW_as) && NAME() && TOK(AD_TOK_COLON))
                return RAISE_STARTING_FROM(a, "multiple exception types must be parenthesized when using 'as'");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    /* a='except' ['*'] expression ['as' NAME] NEWLINE */
    {
        if (KW(KW_except) && (!star || TOK(AD_TOK_STAR)) && r_expression(p)) {
            int m = p->mark;
            if (!(KW(KW_as) && NAME()))
                p->mark = m;
            if (TOK(AD_TOK_NEWLINE))
                return RAISE_SYNTAX_ERROR("expected ':'");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    if (!star) {
        if (KW(KW_except) && TOK(AD_TOK_NEWLINE))
            return RAISE_SYNTAX_ERROR("expected ':'");
        RESET();
    } else {
        if (KW(KW_except) && TOK(AD_TOK_STAR) && (TOK(AD_TOK_NEWLINE) || TOK(AD_TOK_COLON)))
            return RAISE_SYNTAX_ERROR("expected one or more exception types");
        RESET();
    }
    /* 'except' ['*'] expression 'as' a=expression ':' block */
    {
        if (KW(KW_except) && (!star || TOK(AD_TOK_STAR)) && r_expression(p) && KW(KW_as)) {
            AdExpr *a = r_expression(p);
            if (a && TOK(AD_TOK_COLON) && r_block(p))
                return RAISE_KNOWN_LOCATION(a, "cannot use %s statement with %s", what, parser_expr_name(a));
        }
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

static void *invalid_except_stmt_indent(Parser *p, int star)
{
    BEGIN_RULE;
    ptok *a = KW(KW_except);
    if (!a)
        return NULL;
    const char *what = star ? "'except*' statement" : "'except' statement";
    if (star && !TOK(AD_TOK_STAR))
        FAIL();
    int m = p->mark;
    if (r_expression(p)) {
        int m2 = p->mark;
        if (!(KW(KW_as) && NAME()))
            p->mark = m2;
        expect_indented_block(p, a, what);
        if (ERR())
            return NULL;
    }
    if (ERR())
        return NULL;
    p->mark = m;
    if (!star) {
        expect_indented_block(p, a, what);
        if (ERR())
            return NULL;
    }
    FAIL();
}

static AdExceptHandler *r_except_block(Parser *p, int star)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_except_stmt_indent(p, star);
        if (ERR())
            return NULL;
        RESET();
    }
    if (KW(KW_except) && (!star || TOK(AD_TOK_STAR))) {
        int after = p->mark;
        AdExpr *e = r_expression(p);
        AdAstSeq *b;
        if (e) {
            int m = p->mark;
            if (TOK(AD_TOK_COLON) && (b = r_block(p)))
                return new_handler(p, _start, e, NULL, b);
            if (ERR())
                return NULL;
            p->mark = m;
            ptok *t;
            if (KW(KW_as) && (t = NAME()) && TOK(AD_TOK_COLON) && (b = r_block(p)))
                return new_handler(p, _start, e, parser_identifier(p, t), b);
            if (ERR())
                return NULL;
            p->mark = after;
            e = r_expressions(p);
            if (e && TOK(AD_TOK_COLON) && (b = r_block(p)))
                return new_handler(p, _start, e, NULL, b);
            if (ERR())
                return NULL;
        }
        if (ERR())
            return NULL;
        p->mark = after;
        if (!star && TOK(AD_TOK_COLON) && (b = r_block(p)))
            return new_handler(p, _start, NULL, NULL, b);
        if (ERR())
            return NULL;
    }
    RESET();
    if (p->invalid) {
        invalid_except_stmt(p, star);
        RESET();
    }
    return NULL;
}

static AdAstSeq *r_finally_block(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        ptok *a = KW(KW_finally);
        if (a) {
            expect_indented_block(p, a, "'finally' statement");
            if (ERR())
                return NULL;
        }
        RESET();
    }
    if (!KW(KW_finally))
        return NULL;
    if (!expect_forced(p, AD_TOK_COLON, ":"))
        return NULL;
    AdAstSeq *a = r_block(p);
    if (!a)
        FAIL();
    return a;
}

static AdAstSeq *many_except(Parser *p, int star)
{
    plist l;
    plist_init(&l);
    AdExceptHandler *h;
    while ((h = r_except_block(p, star)))
        plist_push(p, &l, h);
    if (ERR() || l.len == 0) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static void *invalid_try_stmt(Parser *p)
{
    BEGIN_RULE;
    ptok *a = KW(KW_try);
    if (!a)
        return NULL;
    if (TOK(AD_TOK_COLON) && TOK(AD_TOK_NEWLINE) && !at_type(p, AD_TOK_INDENT))
        return RAISE_INDENTATION_ERROR("expected an indented block after 'try' statement on line %d", a->lineno);
    p->mark = _start + 1;
    if (TOK(AD_TOK_COLON) && r_block(p) && !at_kw(p, KW_except) && !at_kw(p, KW_finally))
        return RAISE_SYNTAX_ERROR("expected 'except' or 'finally' block");
    if (ERR())
        return NULL;
    p->mark = _start + 1;
    if (TOK(AD_TOK_COLON)) {
        while (r_block(p))
            ;
        int m = p->mark;
        if (many_except(p, 0)) {
            ptok *e = KW(KW_except);
            ptok *s = e ? TOK(AD_TOK_STAR) : NULL;
            if (s && r_expression(p)) {
                int m2 = p->mark;
                if (!(KW(KW_as) && NAME()))
                    p->mark = m2;
                if (TOK(AD_TOK_COLON))
                    return parser_raise_at(p, AD_PERR_SYNTAX, e->lineno, e->col, s->end_lineno, s->end_col,
                                           "cannot have both 'except' and 'except*' on the same 'try'");
            }
        }
        if (ERR())
            return NULL;
        p->mark = m;
        if (many_except(p, 1)) {
            ptok *e = KW(KW_except);
            if (e) {
                int m2 = p->mark;
                if (r_expression(p)) {
                    int m3 = p->mark;
                    if (!(KW(KW_as) && NAME()))
                        p->mark = m3;
                } else {
                    p->mark = m2;
                }
                if (TOK(AD_TOK_COLON))
                    return RAISE_TOK_LOCATION(e, "cannot have both 'except' and 'except*' on the same 'try'");
            }
        }
        if (ERR())
            return NULL;
    }
    FAIL();
}

static AdStmt *r_try_stmt(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_try_stmt(p);
        if (ERR())
            return NULL;
        RESET();
    }
    if (!KW(KW_try))
        return NULL;
    if (!expect_forced(p, AD_TOK_COLON, ":"))
        return NULL;
    AdAstSeq *b = r_block(p);
    if (!b)
        FAIL();
    int after = p->mark;
    AdAstSeq *f = r_finally_block(p);
    if (f) {
        AdStmt *s = NEW_STMT(AD_Try_kind);
        if (s) {
            s->v.Try.body = b;
            s->v.Try.finalbody = f;
        }
        return s;
    }
    if (ERR())
        return NULL;
    p->mark = after;
    for (int star = 0; star <= 1; star++) {
        AdAstSeq *ex = many_except(p, star);
        if (ex) {
            AdAstSeq *el = r_else_block(p);
            if (ERR())
                return NULL;
            AdAstSeq *fb = r_finally_block(p);
            if (ERR())
                return NULL;
            AdStmt *s = NEW_STMT(star ? AD_TryStar_kind : AD_Try_kind);
            if (s) {
                s->v.Try.body = b;
                s->v.Try.handlers = ex;
                s->v.Try.orelse = el;
                s->v.Try.finalbody = fb;
            }
            return s;
        }
        if (ERR())
            return NULL;
        p->mark = after;
    }
    FAIL();
}

/* ---- type parameters ---- */

static AdTypeParam *new_type_param(Parser *p, int start, AdTypeParamKind kind, ptok *name,
                                   AdExpr *bound, AdExpr *def)
{
    AdTypeParam *t = parser_alloc(p, sizeof *t);
    if (!t)
        return NULL;
    ptok *st = p->toks[start];
    ptok *en = parser_last_nonws(p);
    t->kind = kind;
    t->name = parser_identifier(p, name);
    t->bound = bound;
    t->default_value = def;
    t->lineno = st->lineno;
    t->col_offset = st->col;
    t->end_lineno = en->end_lineno;
    t->end_col_offset = en->end_col;
    return t;
}

/* '=' X (optional); returns NULL without consuming when absent */
static AdExpr *opt_default(Parser *p, AdExpr *(*rule)(Parser *))
{
    int m = p->mark;
    if (TOK(AD_TOK_EQUAL)) {
        AdExpr *e = rule(p);
        if (e)
            return e;
    }
    p->mark = m;
    return NULL;
}

static AdTypeParam *type_param_raw(Parser *p)
{
    BEGIN_RULE;
    ptok *a = NAME();
    if (a) {
        AdExpr *b = NULL;
        int m = p->mark;
        if (TOK(AD_TOK_COLON)) {
            b = r_expression(p);
            if (!b)
                p->mark = m;
        }
        AdExpr *c = opt_default(p, r_expression);
        if (ERR())
            return NULL;
        return new_type_param(p, _start, AD_TypeVar, a, b, c);
    }
    if (p->invalid) {
        ptok *s = parser_peek(p);
        if (s && !s->kw && (s->type == AD_TOK_STAR || s->type == AD_TOK_DOUBLESTAR)) {
            p->mark++;
            ptok *colon;
            AdExpr *e;
            if (NAME() && (colon = TOK(AD_TOK_COLON)) && (e = r_expression(p))) {
                const char *who = s->type == AD_TOK_STAR ? "TypeVarTuple" : "ParamSpec";
                return RAISE_TOK_STARTING_FROM(colon, e->kind == AD_Tuple_kind
                                               ? "cannot use constraints with %s" : "cannot use bound with %s",
                                               who);
            }
            if (ERR())
                return NULL;
            RESET();
        }
    }
    if (TOK(AD_TOK_STAR)) {
        ptok *n = NAME();
        if (n) {
            AdExpr *b = opt_default(p, r_star_expression);
            if (ERR())
                return NULL;
            return new_type_param(p, _start, AD_TypeVarTuple, n, NULL, b);
        }
        FAIL();
    }
    if (TOK(AD_TOK_DOUBLESTAR)) {
        ptok *n = NAME();
        if (n) {
            AdExpr *b = opt_default(p, r_expression);
            if (ERR())
                return NULL;
            return new_type_param(p, _start, AD_ParamSpec, n, NULL, b);
        }
    }
    FAIL();
}

static AdTypeParam *r_type_param(Parser *p)
{
    MEMO_BEGIN(M_type_param, AdTypeParam *);
    AdTypeParam *res = type_param_raw(p);
    MEMO_END(M_type_param, res);
    return res;
}

static AdAstSeq *r_type_params(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        ptok *t;
        if (TOK(AD_TOK_LSQB) && (t = TOK(AD_TOK_RSQB)))
            return RAISE_TOK_STARTING_FROM(t, "Type parameter list cannot be empty");
        RESET();
    }
    if (!TOK(AD_TOK_LSQB))
        return NULL;
    AdTypeParam *a = r_type_param(p);
    if (!a)
        FAIL();
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        AdTypeParam *c;
        if (!TOK(AD_TOK_COMMA) || !(c = r_type_param(p))) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    TOK(AD_TOK_COMMA);
    if (ERR() || !TOK(AD_TOK_RSQB)) {
        plist_free(&l);
        FAIL();
    }
    return plist_to_seq(p, &l);
}

/* ---- function and class definitions ---- */

static AdAstSeq *r_decorators(Parser *p)
{
    plist l;
    plist_init(&l);
    for (;;) {
        int m = p->mark;
        if (!TOK(AD_TOK_AT))
            break;
        AdExpr *f = r_named_expression(p);
        if (!f || !TOK(AD_TOK_NEWLINE)) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, f);
    }
    if (ERR() || l.len == 0) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static void *invalid_def_raw(Parser *p)
{
    BEGIN_RULE;
    KW(KW_async);
    ptok *a = KW(KW_def);
    if (!a || !NAME())
        FAIL();
    int after_name = p->mark;
    if (at_type(p, AD_TOK_LSQB)) {
        r_type_params(p);
        if (ERR())
            return NULL;
    }
    if (TOK(AD_TOK_LPAR)) {
        r_params(p);
        if (ERR())
            return NULL;
        if (TOK(AD_TOK_RPAR)) {
            int m = p->mark;
            if (!(TOK(AD_TOK_RARROW) && r_expression(p)))
                p->mark = m;
            if (ERR())
                return NULL;
            expect_indented_block(p, a, "function definition");
            if (ERR())
                return NULL;
        }
    }
    if (ERR())
        return NULL;
    /* ['async'] 'def' NAME [type_params] &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block */
    p->mark = after_name;
    if (at_type(p, AD_TOK_LSQB)) {
        r_type_params(p);
        if (ERR())
            return NULL;
    }
    if (!expect_forced(p, AD_TOK_LPAR, "("))
        return NULL;
    r_params(p);
    if (ERR())
        return NULL;
    if (TOK(AD_TOK_RPAR)) {
        int m = p->mark;
        if (!(TOK(AD_TOK_RARROW) && r_expression(p)))
            p->mark = m;
        if (ERR())
            return NULL;
        if (!expect_forced(p, AD_TOK_COLON, ":"))
            return NULL;
        r_block(p);
    }
    FAIL();
}

static AdStmt *r_function_def_raw(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        invalid_def_raw(p);
        if (ERR())
            return NULL;
        RESET();
    }
    int is_async = KW(KW_async) != NULL;
    if (!KW(KW_def))
        FAIL();
    ptok *n = NAME();
    if (!n)
        FAIL();
    AdAstSeq *t = NULL;
    if (at_type(p, AD_TOK_LSQB)) {
        t = r_type_params(p);
        if (ERR())
            return NULL;
    }
    if (!TOK(AD_TOK_LPAR))
        FAIL();
    AdArguments *params = r_params(p);
    if (ERR() || !TOK(AD_TOK_RPAR))
        FAIL();
    AdExpr *ret = NULL;
    int m = p->mark;
    if (TOK(AD_TOK_RARROW)) {
        ret = r_expression(p);
        if (!ret)
            p->mark = m;
    }
    if (ERR() || !TOK(AD_TOK_COLON))
        FAIL();
    AdAstSeq *b = r_block(p);
    if (!b)
        FAIL();
    AdStmt *s = NEW_STMT(is_async ? AD_AsyncFunctionDef_kind : AD_FunctionDef_kind);
    if (s) {
        s->v.FunctionDef.name = parser_identifier(p, n);
        s->v.FunctionDef.args = params ? params : empty_arguments(p);
        s->v.FunctionDef.body = b;
        s->v.FunctionDef.returns = ret;
        s->v.FunctionDef.type_params = t;
    }
    return s;
}

static AdStmt *r_class_def_raw(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        ptok *a = KW(KW_class);
        if (a && NAME()) {
            if (at_type(p, AD_TOK_LSQB))
                r_type_params(p);
            int m = p->mark;
            if (TOK(AD_TOK_LPAR)) {
                r_arguments(p);
                if (!TOK(AD_TOK_RPAR))
                    p->mark = m;
            }
            if (ERR())
                return NULL;
            int m2 = p->mark;
            if (TOK(AD_TOK_NEWLINE))
                return RAISE_SYNTAX_ERROR("expected ':'");
            p->mark = m2;
            expect_indented_block(p, a, "class definition");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    if (!KW(KW_class))
        return NULL;
    ptok *n = NAME();
    if (!n)
        FAIL();
    AdAstSeq *t = NULL;
    if (at_type(p, AD_TOK_LSQB)) {
        t = r_type_params(p);
        if (ERR())
            return NULL;
    }
    AdExpr *args = NULL;
    int m = p->mark;
    if (TOK(AD_TOK_LPAR)) {
        args = r_arguments(p);
        if (ERR())
            return NULL;
        if (!TOK(AD_TOK_RPAR)) {
            args = NULL;
            p->mark = m;
        }
    }
    if (!TOK(AD_TOK_COLON))
        FAIL();
    AdAstSeq *b = r_block(p);
    if (!b)
        FAIL();
    AdStmt *s = NEW_STMT(AD_ClassDef_kind);
    if (s) {
        s->v.ClassDef.name = parser_identifier(p, n);
        s->v.ClassDef.bases = args ? args->v.Call.args : NULL;
        s->v.ClassDef.keywords = args ? args->v.Call.keywords : NULL;
        s->v.ClassDef.body = b;
        s->v.ClassDef.type_params = t;
    }
    return s;
}

static AdStmt *r_function_or_class(Parser *p, int want_class)
{
    BEGIN_RULE;
    AdAstSeq *d = NULL;
    if (at_type(p, AD_TOK_AT)) {
        d = r_decorators(p);
        if (!d)
            FAIL();
    }
    AdStmt *s = want_class ? r_class_def_raw(p) : r_function_def_raw(p);
    if (!s)
        FAIL();
    if (want_class)
        s->v.ClassDef.decorator_list = d;
    else
        s->v.FunctionDef.decorator_list = d;
    return s;
}

/* ---- match statement ---- */

static AdExpr *r_subject_expr(Parser *p)
{
    BEGIN_RULE;
    AdExpr *v = r_star_named_expression(p);
    if (v && TOK(AD_TOK_COMMA)) {
        AdAstSeq *vs = r_star_named_expressions(p);
        if (ERR())
            return NULL;
        AdExpr *e = NEW_EXPR(AD_Tuple_kind);
        if (e) {
            e->v.Tuple.elts = seq_prepend(p, v, vs);
            e->v.Tuple.ctx = AD_Load;
        }
        return e;
    }
    if (ERR())
        return NULL;
    RESET();
    return r_named_expression(p);
}

static AdPattern *r_patterns(Parser *p);

static AdExpr *r_guard(Parser *p)
{
    BEGIN_RULE;
    if (KW(KW_if)) {
        AdExpr *g = r_named_expression(p);
        if (g)
            return g;
    }
    FAIL();
}

static AdMatchCase *r_case_block(Parser *p)
{
    BEGIN_RULE;
    if (p->invalid) {
        ptok *a = SOFT("case");
        if (a && r_patterns(p)) {
            int m = p->mark;
            if (!r_guard(p))
                p->mark = m;
            if (ERR())
                return NULL;
            int m2 = p->mark;
            if (TOK(AD_TOK_NEWLINE))
                return RAISE_SYNTAX_ERROR("expected ':'");
            p->mark = m2;
            expect_indented_block(p, a, "'case' statement");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    if (!SOFT("case"))
        return NULL;
    AdPattern *pat = r_patterns(p);
    if (!pat)
        FAIL();
    int m = p->mark;
    AdExpr *g = r_guard(p);
    if (!g)
        p->mark = m;
    if (ERR() || !TOK(AD_TOK_COLON))
        FAIL();
    AdAstSeq *b = r_block(p);
    if (!b)
        FAIL();
    AdMatchCase *c = parser_alloc(p, sizeof *c);
    if (c) {
        c->pattern = pat;
        c->guard = g;
        c->body = b;
    }
    return c;
}

static AdStmt *r_match_stmt(Parser *p)
{
    BEGIN_RULE;
    if (!at_soft(p, "match"))
        return NULL;
    SOFT("match");
    AdExpr *subject = r_subject_expr(p);
    if (subject && TOK(AD_TOK_COLON) && TOK(AD_TOK_NEWLINE) && TOK(AD_TOK_INDENT)) {
        plist l;
        plist_init(&l);
        AdMatchCase *c;
        while ((c = r_case_block(p)))
            plist_push(p, &l, c);
        if (!ERR() && l.len > 0 && TOK(AD_TOK_DEDENT)) {
            AdAstSeq *cases = plist_to_seq(p, &l);
            AdStmt *s = NEW_STMT(AD_Match_kind);
            if (s) {
                s->v.Match.subject = subject;
                s->v.Match.cases = cases;
            }
            return s;
        }
        plist_free(&l);
    }
    if (ERR())
        return NULL;
    RESET();
    if (p->invalid) {
        ptok *a = SOFT("match");
        if (a && r_subject_expr(p)) {
            int m = p->mark;
            if (TOK(AD_TOK_NEWLINE))
                return RAISE_SYNTAX_ERROR("expected ':'");
            p->mark = m;
            expect_indented_block(p, a, "'match' statement");
        }
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

static AdStmt *r_compound_stmt(Parser *p)
{
    if (p->error)
        return NULL;
    ptok *t = parser_peek(p);
    if (!t)
        return NULL;
    AdStmt *s;
    int k = t->kw ? 1000 + t->kw : t->type;
    if (k == 1000 + KW_def || k == AD_TOK_AT || k == 1000 + KW_async) {
        if ((s = r_function_or_class(p, 0)) || ERR())
            return s;
    }
    if (k == 1000 + KW_if)
        return if_common(p, KW_if);
    if (k == 1000 + KW_class || k == AD_TOK_AT) {
        if ((s = r_function_or_class(p, 1)) || ERR())
            return s;
    }
    if (k == 1000 + KW_with || k == 1000 + KW_async) {
        if ((s = r_with_stmt(p)) || ERR())
            return s;
    }
    if (k == 1000 + KW_for || k == 1000 + KW_async) {
        if ((s = r_for_stmt(p)) || ERR())
            return s;
    }
    if (k == 1000 + KW_try)
        return r_try_stmt(p);
    if (k == 1000 + KW_while)
        return r_while_stmt(p);
    return r_match_stmt(p);
}

static int r_statement(Parser *p, plist *out)
{
    if (p->error)
        return 0;
    AdStmt *s = r_compound_stmt(p);
    if (s) {
        plist_push(p, out, s);
        return 1;
    }
    if (ERR())
        return 0;
    AdAstSeq *ss = r_simple_stmts(p);
    if (!ss)
        return 0;
    for (int i = 0; i < ss->len; i++)
        plist_push(p, out, ss->items[i]);
    return 1;
}

/* =========================== patterns =========================== */

static AdPattern *new_pattern_at(Parser *p, AdPatternKind k, int start)
{
    return parser_new_pattern(p, k, start);
}

/* signed_number: NUMBER | '-' NUMBER */
static AdExpr *r_signed_number(Parser *p)
{
    BEGIN_RULE;
    ptok *t = TOK(AD_TOK_NUMBER);
    if (t)
        return parser_number(p, t);
    if (TOK(AD_TOK_MINUS) && (t = TOK(AD_TOK_NUMBER))) {
        AdExpr *n = parser_number(p, t);
        AdExpr *e = NEW_EXPR(AD_UnaryOp_kind);
        if (e) {
            e->v.UnaryOp.op = AD_USub;
            e->v.UnaryOp.operand = n;
        }
        return e;
    }
    FAIL();
}

static int number_is_imaginary(ptok *t)
{
    char c = t->end[-1];
    return c == 'j' || c == 'J';
}

static AdExpr *r_real_number(Parser *p)
{
    ptok *t = TOK(AD_TOK_NUMBER);
    if (!t)
        return NULL;
    AdExpr *e = parser_number(p, t);
    if (e && number_is_imaginary(t))
        return RAISE_KNOWN_LOCATION(e, "real number required in complex literal");
    return e;
}

static AdExpr *r_signed_real_number(Parser *p)
{
    BEGIN_RULE;
    if (at_type(p, AD_TOK_NUMBER))
        return r_real_number(p);
    if (TOK(AD_TOK_MINUS)) {
        AdExpr *r = r_real_number(p);
        if (r) {
            AdExpr *e = NEW_EXPR(AD_UnaryOp_kind);
            if (e) {
                e->v.UnaryOp.op = AD_USub;
                e->v.UnaryOp.operand = r;
            }
            return e;
        }
    }
    FAIL();
}

static AdExpr *r_complex_number(Parser *p)
{
    BEGIN_RULE;
    AdExpr *real = r_signed_real_number(p);
    if (!real)
        return NULL;
    ptok *op = parser_peek(p);
    if (op && !op->kw && (op->type == AD_TOK_PLUS || op->type == AD_TOK_MINUS)) {
        p->mark++;
        ptok *t = TOK(AD_TOK_NUMBER);
        if (t) {
            AdExpr *imag = parser_number(p, t);
            if (imag && !number_is_imaginary(t))
                return RAISE_KNOWN_LOCATION(imag, "imaginary number required in complex literal");
            return binop(p, _start, real, op->type == AD_TOK_PLUS ? AD_Add : AD_Sub, imag);
        }
    }
    FAIL();
}

static AdExpr *r_attr(Parser *p);

/* name_or_attr: attr | NAME  -> dotted chain as Attribute/Name Load */
static AdExpr *r_name_or_attr(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_name(p);
    if (!a)
        return NULL;
    for (;;) {
        int m = p->mark;
        ptok *n;
        if (!TOK(AD_TOK_DOT) || !(n = NAME())) {
            p->mark = m;
            break;
        }
        AdExpr *e = NEW_EXPR(AD_Attribute_kind);
        if (!e)
            return NULL;
        e->v.Attribute.value = a;
        e->v.Attribute.attr = parser_identifier(p, n);
        e->v.Attribute.ctx = AD_Load;
        a = e;
    }
    return a;
}

/* attr: name_or_attr '.' NAME (at least one dot) */
static AdExpr *r_attr(Parser *p)
{
    BEGIN_RULE;
    AdExpr *a = r_name_or_attr(p);
    if (a && a->kind == AD_Attribute_kind)
        return a;
    FAIL();
}

static int at_pattern_follow_bad(Parser *p)
{
    return at_type(p, AD_TOK_DOT) || at_type(p, AD_TOK_LPAR) || at_type(p, AD_TOK_EQUAL);
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
static ptok *r_pattern_capture_target(Parser *p)
{
    BEGIN_RULE;
    if (at_soft(p, "_"))
        return NULL;
    ptok *n = NAME();
    if (n && !at_pattern_follow_bad(p))
        return n;
    FAIL();
}

static AdExpr *r_literal_expr(Parser *p)
{
    BEGIN_RULE;
    AdExpr *e = r_signed_number(p);
    if (e && !at_type(p, AD_TOK_PLUS) && !at_type(p, AD_TOK_MINUS))
        return e;
    if (ERR())
        return NULL;
    RESET();
    if ((e = r_complex_number(p)) || ERR())
        return e;
    ptok *t = parser_peek(p);
    if (!t)
        return NULL;
    if (!t->kw && (t->type == AD_TOK_STRING || t->type == AD_TOK_FSTRING_START || t->type == AD_TOK_TSTRING_START))
        return r_strings(p);
    if (t->kw == KW_None || t->kw == KW_True || t->kw == KW_False) {
        p->mark++;
        return constant_expr(p, _start, t->kw == KW_None ? AD_CONST_NONE :
                                          t->kw == KW_True ? AD_CONST_TRUE : AD_CONST_FALSE);
    }
    return NULL;
}

static AdPattern *closed_pattern_raw(Parser *p)
{
    BEGIN_RULE;
    ptok *t = parser_peek(p);
    if (!t)
        return NULL;
    AdPattern *res;
    /* literal_pattern */
    if (t->kw == KW_None || t->kw == KW_True || t->kw == KW_False) {
        p->mark++;
        res = NEW_PATTERN(AD_MatchSingleton_kind);
        if (res)
            res->v.MatchSingleton.value.kind = t->kw == KW_None ? AD_CONST_NONE :
                                               t->kw == KW_True ? AD_CONST_TRUE : AD_CONST_FALSE;
        return res;
    }
    if (t->kw)
        return NULL;
    if (t->type == AD_TOK_NUMBER || t->type == AD_TOK_MINUS) {
        AdExpr *v = r_signed_number(p);
        if (!(v && !at_type(p, AD_TOK_PLUS) && !at_type(p, AD_TOK_MINUS))) {
            if (ERR())
                return NULL;
            RESET();
            v = r_complex_number(p);
        }
        if (v) {
            res = NEW_PATTERN(AD_MatchValue_kind);
            if (res)
                res->v.MatchValue.value = v;
            return res;
        }
        if (ERR())
            return NULL;
        RESET();
    }
    if (t->type == AD_TOK_STRING || t->type == AD_TOK_FSTRING_START || t->type == AD_TOK_TSTRING_START) {
        AdExpr *v = r_strings(p);
        if (v) {
            res = NEW_PATTERN(AD_MatchValue_kind);
            if (res)
                res->v.MatchValue.value = v;
            return res;
        }
        FAIL();
    }
    if (t->type == AD_TOK_NAME) {
        /* capture_pattern */
        ptok *n = r_pattern_capture_target(p);
        if (n) {
            res = NEW_PATTERN(AD_MatchAs_kind);
            if (res)
                res->v.MatchAs.name = parser_identifier(p, n);
            return res;
        }
        /* wildcard_pattern */
        if (SOFT("_")) {
            return NEW_PATTERN(AD_MatchAs_kind);
        }
        /* value_pattern */
        AdExpr *a = r_attr(p);
        if (a && !at_pattern_follow_bad(p)) {
            res = NEW_PATTERN(AD_MatchValue_kind);
            if (res)
                res->v.MatchValue.value = a;
            return res;
        }
        if (ERR())
            return NULL;
        RESET();
    }
    if (t->type == AD_TOK_LPAR) {
        /* group_pattern */
        p->mark++;
        AdPattern *g = r_pattern(p);
        if (g && TOK(AD_TOK_RPAR))
            return g;
        if (ERR())
            return NULL;
        RESET();
    }
    if (t->type == AD_TOK_LSQB || t->type == AD_TOK_LPAR) {
        /* sequence_pattern */
        int close = t->type == AD_TOK_LSQB ? AD_TOK_RSQB : AD_TOK_RPAR;
        p->mark++;
        AdAstSeq *pats = NULL;
        if (!at_type(p, close)) {
            plist l;
            plist_init(&l);
            int n = 0;
            for (;;) {
                int m = p->mark;
                if (n > 0 && !TOK(AD_TOK_COMMA))
                    break;
                AdPattern *x = NULL;
                if (at_type(p, AD_TOK_STAR)) {
                    /* star_pattern */
                    int sm = p->mark;
                    p->mark++;
                    ptok *nm = r_pattern_capture_target(p);
                    if (nm) {
                        x = new_pattern_at(p, AD_MatchStar_kind, sm);
                        if (x)
                            x->v.MatchStar.name = parser_identifier(p, nm);
                    } else if (SOFT("_")) {
                        x = new_pattern_at(p, AD_MatchStar_kind, sm);
                    } else {
                        p->mark = sm;
                    }
                }
                if (!x && !ERR())
                    x = r_pattern(p);
                if (!x) {
                    p->mark = m;
                    break;
                }
                plist_push(p, &l, x);
                n++;
            }
            int trailing = TOK(AD_TOK_COMMA) != NULL;
            if (ERR() || n == 0 || (close == AD_TOK_RPAR && n == 1 && !trailing)) {
                plist_free(&l);
                if (ERR())
                    return NULL;
                goto not_sequence;
            }
            pats = plist_to_seq(p, &l);
        }
        if (TOK(close)) {
            res = NEW_PATTERN(AD_MatchSequence_kind);
            if (res)
                res->v.MatchSequence.patterns = pats;
            return res;
        }
    not_sequence:
        RESET();
        return NULL;
    }
    if (t->type == AD_TOK_LBRACE) {
        /* mapping_pattern */
        p->mark++;
        if (TOK(AD_TOK_RBRACE))
            return NEW_PATTERN(AD_MatchMapping_kind);
        int m = p->mark;
        AdExpr *rest = r_double_star_pattern(p);
        if (rest) {
            TOK(AD_TOK_COMMA);
            if (TOK(AD_TOK_RBRACE)) {
                res = NEW_PATTERN(AD_MatchMapping_kind);
                if (res)
                    res->v.MatchMapping.rest = rest->v.Name.id;
                return res;
            }
        }
        if (ERR())
            return NULL;
        p->mark = m;
        AdAstSeq *items = r_items_pattern(p);
        if (items) {
            int m2 = p->mark;
            rest = NULL;
            if (TOK(AD_TOK_COMMA) && (rest = r_double_star_pattern(p))) {
                TOK(AD_TOK_COMMA);
                if (!TOK(AD_TOK_RBRACE))
                    rest = NULL;
            }
            if (!rest) {
                p->mark = m2;
                TOK(AD_TOK_COMMA);
                if (!TOK(AD_TOK_RBRACE))
                    items = NULL;
            }
            if (items) {
                res = NEW_PATTERN(AD_MatchMapping_kind);
                if (res) {
                    int n = items->len;
                    AdAstSeq *keys = parser_seq(p, n), *pats = parser_seq(p, n);
                    if (keys && pats)
                        for (int i = 0; i < n; i++) {
                            void **kv = items->items[i];
                            keys->items[i] = kv[0];
                            pats->items[i] = kv[1];
                        }
                    res->v.MatchMapping.keys = keys;
                    res->v.MatchMapping.patterns = pats;
                    res->v.MatchMapping.rest = rest ? rest->v.Name.id : NULL;
                }
                return res;
            }
        }
        if (ERR())
            return NULL;
        RESET();
        return NULL;
    }
    if (t->type == AD_TOK_NAME) {
        /* class_pattern */
        AdExpr *cls = r_name_or_attr(p);
        if (cls && TOK(AD_TOK_LPAR)) {
            int after = p->mark;
            AdAstSeq *pos = NULL, *kws = NULL;
            int ok = 0;
            if (TOK(AD_TOK_RPAR)) {
                ok = 1;
            } else {
                pos = r_positional_patterns(p);
                if (pos) {
                    int m = p->mark;
                    if (TOK(AD_TOK_COMMA) && (kws = r_keyword_patterns(p))) {
                        TOK(AD_TOK_COMMA);
                        ok = TOK(AD_TOK_RPAR) != NULL;
                    }
                    if (!ok && !ERR()) {
                        kws = NULL;
                        p->mark = m;
                        TOK(AD_TOK_COMMA);
                        ok = TOK(AD_TOK_RPAR) != NULL;
                    }
                }
                if (!ok && !ERR()) {
                    pos = NULL;
                    p->mark = after;
                    kws = r_keyword_patterns(p);
                    if (kws) {
                        TOK(AD_TOK_COMMA);
                        ok = TOK(AD_TOK_RPAR) != NULL;
                    }
                }
            }
            if (ok && !ERR()) {
                res = NEW_PATTERN(AD_MatchClass_kind);
                if (res) {
                    res->v.MatchClass.cls = cls;
                    res->v.MatchClass.patterns = pos;
                    if (kws) {
                        int n = kws->len;
                        AdAstSeq *names = parser_seq(p, n), *pats = parser_seq(p, n);
                        if (names && pats)
                            for (int i = 0; i < n; i++) {
                                void **kv = kws->items[i];
                                names->items[i] = kv[0];
                                pats->items[i] = kv[1];
                            }
                        res->v.MatchClass.kwd_attrs = names;
                        res->v.MatchClass.kwd_patterns = pats;
                    }
                }
                return res;
            }
            if (ERR())
                return NULL;
            if (p->invalid) {
                /* invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' a=positional_patterns */
                p->mark = after;
                int m = p->mark;
                if (!(r_positional_patterns(p) && TOK(AD_TOK_COMMA)))
                    p->mark = m;
                AdAstSeq *a;
                if (r_keyword_patterns(p) && TOK(AD_TOK_COMMA) && (a = r_positional_patterns(p))) {
                    AdPattern *f = a->items[0], *l = seq_last(a);
                    return parser_raise_at(p, AD_PERR_SYNTAX, f->lineno, f->col_offset, l->end_lineno,
                                           l->end_col_offset, "positional patterns follow keyword patterns");
                }
                if (ERR())
                    return NULL;
            }
        }
        if (ERR())
            return NULL;
        RESET();
    }
    return NULL;
}

static AdPattern *r_closed_pattern(Parser *p)
{
    MEMO_BEGIN(M_closed_pattern, AdPattern *);
    GUARD_ENTER();
    AdPattern *res = closed_pattern_raw(p);
    GUARD_LEAVE();
    MEMO_END(M_closed_pattern, res);
    return res;
}

static AdExpr *r_double_star_pattern(Parser *p)
{
    BEGIN_RULE;
    if (TOK(AD_TOK_DOUBLESTAR)) {
        ptok *n = r_pattern_capture_target(p);
        if (n)
            return name_expr(p, n, AD_Store);
    }
    FAIL();
}

/* items_pattern: ','.key_value_pattern+ ; items are void*[2] {key, pattern} */
static void **r_key_value_pattern(Parser *p)
{
    BEGIN_RULE;
    AdExpr *key = r_literal_expr(p);
    if (!key && !ERR())
        key = r_attr(p);
    if (key && TOK(AD_TOK_COLON)) {
        AdPattern *v = r_pattern(p);
        if (v) {
            void **kv = parser_alloc(p, 2 * sizeof(void *));
            if (kv) {
                kv[0] = key;
                kv[1] = v;
            }
            return kv;
        }
    }
    FAIL();
}

static AdAstSeq *r_items_pattern(Parser *p)
{
    void **a = r_key_value_pattern(p);
    if (!a)
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        void **c;
        if (!TOK(AD_TOK_COMMA) || !(c = r_key_value_pattern(p))) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static AdAstSeq *r_positional_patterns(Parser *p)
{
    AdPattern *a = r_pattern(p);
    if (!a)
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        AdPattern *c;
        if (!TOK(AD_TOK_COMMA) || !(c = r_pattern(p))) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static void **r_keyword_pattern(Parser *p)
{
    BEGIN_RULE;
    ptok *n = NAME();
    if (n && TOK(AD_TOK_EQUAL)) {
        AdPattern *v = r_pattern(p);
        if (v) {
            void **kv = parser_alloc(p, 2 * sizeof(void *));
            if (kv) {
                kv[0] = (void *)parser_identifier(p, n);
                kv[1] = v;
            }
            return kv;
        }
    }
    FAIL();
}

static AdAstSeq *r_keyword_patterns(Parser *p)
{
    void **a = r_keyword_pattern(p);
    if (!a)
        return NULL;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        void **c;
        if (!TOK(AD_TOK_COMMA) || !(c = r_keyword_pattern(p))) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    return plist_to_seq(p, &l);
}

static AdPattern *r_or_pattern(Parser *p)
{
    BEGIN_RULE;
    AdPattern *a = r_closed_pattern(p);
    if (!a)
        return NULL;
    if (!at_type(p, AD_TOK_VBAR))
        return a;
    plist l;
    plist_init(&l);
    plist_push(p, &l, a);
    for (;;) {
        int m = p->mark;
        AdPattern *c;
        if (!TOK(AD_TOK_VBAR) || !(c = r_closed_pattern(p))) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, c);
    }
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    if (l.len == 1) {
        plist_free(&l);
        return a;
    }
    AdAstSeq *s = plist_to_seq(p, &l);
    AdPattern *res = NEW_PATTERN(AD_MatchOr_kind);
    if (res)
        res->v.MatchOr.patterns = s;
    return res;
}

static AdPattern *r_pattern(Parser *p)
{
    BEGIN_RULE;
    AdPattern *a = r_or_pattern(p);
    if (!a)
        return NULL;
    int m = p->mark;
    if (KW(KW_as)) {
        ptok *n = r_pattern_capture_target(p);
        if (n) {
            AdPattern *res = NEW_PATTERN(AD_MatchAs_kind);
            if (res) {
                res->v.MatchAs.pattern = a;
                res->v.MatchAs.name = parser_identifier(p, n);
            }
            return res;
        }
        if (ERR())
            return NULL;
        if (p->invalid) {
            ptok *u = SOFT("_");
            if (u)
                return RAISE_TOK_LOCATION(u, "cannot use '_' as a target");
            AdExpr *e = r_expression(p);
            if (e)
                return RAISE_KNOWN_LOCATION(e, "cannot use %s as pattern target", parser_expr_name(e));
            if (ERR())
                return NULL;
        }
    }
    p->mark = m;
    return a;
}

static AdPattern *r_patterns(Parser *p)
{
    BEGIN_RULE;
    /* open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
    plist l;
    plist_init(&l);
    for (;;) {
        int m = p->mark;
        if (l.len > 0 && !TOK(AD_TOK_COMMA))
            break;
        AdPattern *x = NULL;
        if (at_type(p, AD_TOK_STAR)) {
            int sm = p->mark;
            p->mark++;
            ptok *nm = r_pattern_capture_target(p);
            if (nm) {
                x = new_pattern_at(p, AD_MatchStar_kind, sm);
                if (x)
                    x->v.MatchStar.name = parser_identifier(p, nm);
            } else if (SOFT("_")) {
                x = new_pattern_at(p, AD_MatchStar_kind, sm);
            } else {
                p->mark = sm;
            }
        }
        if (!x && !ERR())
            x = r_pattern(p);
        if (!x) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, x);
    }
    int trailing = TOK(AD_TOK_COMMA) != NULL;
    if (ERR()) {
        plist_free(&l);
        return NULL;
    }
    if (l.len > 1 || (l.len == 1 && trailing)) {
        AdAstSeq *s = plist_to_seq(p, &l);
        AdPattern *res = NEW_PATTERN(AD_MatchSequence_kind);
        if (res)
            res->v.MatchSequence.patterns = s;
        return res;
    }
    plist_free(&l);
    RESET();
    return r_pattern(p);
}

/* =========================== start rules =========================== */

static AdAstSeq *r_type_expressions(Parser *p)
{
    BEGIN_RULE;
    plist l;
    plist_init(&l);
    int n = 0;
    for (;;) {
        int m = p->mark;
        if (n > 0 && !TOK(AD_TOK_COMMA))
            break;
        AdExpr *e = r_expression(p);
        if (!e) {
            p->mark = m;
            break;
        }
        plist_push(p, &l, e);
        n++;
    }
    /* [',' '*' expression] [',' '**' expression] (or leading when n == 0) */
    int m = p->mark;
    if ((n == 0 || TOK(AD_TOK_COMMA)) && TOK(AD_TOK_STAR)) {
        AdExpr *b = r_expression(p);
        if (b) {
            plist_push(p, &l, b);
            n++;
            m = p->mark;
        } else {
            p->mark = m;
        }
    } else {
        p->mark = m;
    }
    if ((n == 0 || TOK(AD_TOK_COMMA)) && TOK(AD_TOK_DOUBLESTAR)) {
        AdExpr *c = r_expression(p);
        if (c) {
            plist_push(p, &l, c);
            n++;
        } else {
            p->mark = m;
        }
    } else {
        p->mark = m;
    }
    if (ERR() || n == 0) {
        plist_free(&l);
        FAIL();
    }
    return plist_to_seq(p, &l);
}

static AdMod *new_mod(Parser *p, AdModKind kind)
{
    AdMod *m = parser_alloc(p, sizeof *m);
    if (m)
        m->kind = kind;
    return m;
}

AdMod *parser_run_rules(Parser *p)
{
    p->mark = 0;
    p->level = 0;
    if (p->error)
        return NULL;
    switch (p->mode) {
    case AD_PARSE_EXEC: {
        AdAstSeq *a = r_statements(p);
        if (ERR() || !TOK(AD_TOK_ENDMARKER))
            return NULL;
        AdMod *m = new_mod(p, AD_Module_kind);
        if (m)
            m->v.Module.body = a;
        return m;
    }
    case AD_PARSE_EVAL: {
        AdExpr *a = r_expressions(p);
        if (!a)
            return NULL;
        while (TOK(AD_TOK_NEWLINE))
            ;
        if (ERR() || !TOK(AD_TOK_ENDMARKER))
            return NULL;
        AdMod *m = new_mod(p, AD_Expression_kind);
        if (m)
            m->v.Expression.body = a;
        return m;
    }
    case AD_PARSE_SINGLE: {
        int _start = p->mark;
        AdAstSeq *a = NULL;
        AdStmt *c = r_compound_stmt(p);
        if (c && (TOK(AD_TOK_NEWLINE) || at_type(p, AD_TOK_ENDMARKER))) {
            a = seq1(p, c);
        } else if (!ERR()) {
            p->mark = _start;
            a = r_simple_stmts(p);
            if (!a && !ERR()) {
                if (TOK(AD_TOK_NEWLINE)) {
                    AdStmt *s = NEW_STMT(AD_Pass_kind);
                    a = seq1(p, s);
                }
            }
        }
        if (ERR() || !a)
            return NULL;
        AdMod *m = new_mod(p, AD_Interactive_kind);
        if (m)
            m->v.Interactive.body = a;
        return m;
    }
    case AD_PARSE_FUNC_TYPE: {
        if (!TOK(AD_TOK_LPAR))
            return NULL;
        AdAstSeq *a = r_type_expressions(p);
        if (ERR() || !TOK(AD_TOK_RPAR) || !TOK(AD_TOK_RARROW))
            return NULL;
        AdExpr *b = r_expression(p);
        if (!b)
            return NULL;
        while (TOK(AD_TOK_NEWLINE))
            ;
        if (ERR() || !TOK(AD_TOK_ENDMARKER))
            return NULL;
        AdMod *m = new_mod(p, AD_FunctionType_kind);
        if (m) {
            m->v.FunctionType.argtypes = a;
            m->v.FunctionType.returns = b;
        }
        return m;
    }
    }
    return NULL;
}
