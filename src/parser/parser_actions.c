/* parser_actions.c -- the helpers that build AST nodes for the rules.
 *
 * Owns: node allocation with positions (EXTRA: from the rule's first token
 * to the last non-whitespace token consumed), expression contexts
 * (Load/Store/Del copies), the names of expressions used in messages,
 * the invalid-target search, and NUMBER literals -> constants (ints of any
 * size in any base, floats, imaginary numbers).
 */
#include "parser/parser_int.h"

#include <stdlib.h>
#include <string.h>

static void set_pos(Parser *p, int *lineno, int *col, int *end_lineno, int *end_col, int start)
{
    ptok *st = p->toks[start];
    ptok *en = parser_last_nonws(p);
    *lineno = st->lineno;
    *col = st->col;
    if (!en)
        en = st;
    *end_lineno = en->end_lineno;
    *end_col = en->end_col;
}

AdExpr *parser_new_expr(Parser *p, AdExprKind kind, int start)
{
    AdExpr *e = parser_alloc(p, sizeof *e);
    if (!e)
        return NULL;
    e->kind = kind;
    if (start >= 0) {
        set_pos(p, &e->lineno, &e->col_offset, &e->end_lineno, &e->end_col_offset, start);
    } else {
        ptok *en = parser_last_nonws(p);
        e->end_lineno = en->end_lineno;
        e->end_col_offset = en->end_col;
    }
    return e;
}

AdStmt *parser_new_stmt(Parser *p, AdStmtKind kind, int start)
{
    AdStmt *s = parser_alloc(p, sizeof *s);
    if (!s)
        return NULL;
    s->kind = kind;
    set_pos(p, &s->lineno, &s->col_offset, &s->end_lineno, &s->end_col_offset, start);
    return s;
}

AdPattern *parser_new_pattern(Parser *p, AdPatternKind kind, int start)
{
    AdPattern *x = parser_alloc(p, sizeof *x);
    if (!x)
        return NULL;
    x->kind = kind;
    set_pos(p, &x->lineno, &x->col_offset, &x->end_lineno, &x->end_col_offset, start);
    return x;
}

static AdAstSeq *seq_with_ctx(Parser *p, AdAstSeq *s, AdExprContext ctx)
{
    if (!s)
        return NULL;
    AdAstSeq *n = parser_seq(p, s->len);
    if (!n)
        return NULL;
    for (int i = 0; i < s->len; i++)
        n->items[i] = parser_set_ctx(p, s->items[i], ctx);
    return n;
}

AdExpr *parser_set_ctx(Parser *p, AdExpr *e, AdExprContext ctx)
{
    if (!e)
        return NULL;
    AdExpr *n;
    switch (e->kind) {
    case AD_Name_kind:
    case AD_Attribute_kind:
    case AD_Subscript_kind:
        n = parser_alloc(p, sizeof *n);
        if (!n)
            return NULL;
        *n = *e;
        if (e->kind == AD_Name_kind)
            n->v.Name.ctx = ctx;
        else if (e->kind == AD_Attribute_kind)
            n->v.Attribute.ctx = ctx;
        else
            n->v.Subscript.ctx = ctx;
        return n;
    case AD_Starred_kind:
        n = parser_alloc(p, sizeof *n);
        if (!n)
            return NULL;
        *n = *e;
        n->v.Starred.value = parser_set_ctx(p, e->v.Starred.value, ctx);
        n->v.Starred.ctx = ctx;
        return n;
    case AD_List_kind:
    case AD_Tuple_kind:
        n = parser_alloc(p, sizeof *n);
        if (!n)
            return NULL;
        *n = *e;
        n->v.List.elts = seq_with_ctx(p, e->v.List.elts, ctx);
        n->v.List.ctx = ctx;
        return n;
    default:
        return e;
    }
}

const char *parser_expr_name(AdExpr *e)
{
    switch (e->kind) {
    case AD_Attribute_kind: return "attribute";
    case AD_Subscript_kind: return "subscript";
    case AD_Starred_kind: return "starred";
    case AD_Name_kind: return "name";
    case AD_List_kind: return "list";
    case AD_Tuple_kind: return "tuple";
    case AD_Lambda_kind: return "lambda";
    case AD_Call_kind: return "function call";
    case AD_BoolOp_kind:
    case AD_BinOp_kind:
    case AD_UnaryOp_kind: return "expression";
    case AD_GeneratorExp_kind: return "generator expression";
    case AD_Yield_kind:
    case AD_YieldFrom_kind: return "yield expression";
    case AD_Await_kind: return "await expression";
    case AD_ListComp_kind: return "list comprehension";
    case AD_SetComp_kind: return "set comprehension";
    case AD_DictComp_kind: return "dict comprehension";
    case AD_Dict_kind: return "dict literal";
    case AD_Set_kind: return "set display";
    case AD_JoinedStr_kind:
    case AD_FormattedValue_kind: return "f-string expression";
    case AD_TemplateStr_kind:
    case AD_Interpolation_kind: return "t-string expression";
    case AD_Constant_kind:
        switch (e->v.Constant.value.kind) {
        case AD_CONST_NONE: return "None";
        case AD_CONST_FALSE: return "False";
        case AD_CONST_TRUE: return "True";
        case AD_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case AD_Compare_kind: return "comparison";
    case AD_IfExp_kind: return "conditional expression";
    case AD_NamedExpr_kind: return "named expression";
    default: return "expression";
    }
}

AdExpr *parser_invalid_target(AdExpr *e, int type)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case AD_List_kind:
    case AD_Tuple_kind:
        for (int i = 0; i < AdAstSeq_LEN(e->v.List.elts); i++) {
            AdExpr *c = parser_invalid_target(e->v.List.elts->items[i], type);
            if (c)
                return c;
        }
        return NULL;
    case AD_Starred_kind:
        if (type == TARGETS_DEL)
            return e;
        return parser_invalid_target(e->v.Starred.value, type);
    case AD_Compare_kind:
        if (type == TARGETS_FOR) {
            if (e->v.Compare.ops->items[0] == AD_In)
                return parser_invalid_target(e->v.Compare.left, type);
            return NULL;
        }
        return e;
    case AD_Name_kind:
    case AD_Subscript_kind:
    case AD_Attribute_kind:
        return NULL;
    default:
        return e;
    }
}

/* ---- numbers ---- */

/* Decimal string of the unsigned number in DIGITS (values 0..base-1). */
static char *digits_to_decimal(Parser *p, const unsigned char *digits, size_t n, unsigned base)
{
    /* little-endian limbs of 10^9 */
    size_t cap = n / 2 + 2;
    uint32_t *limbs = calloc(cap, sizeof(uint32_t));
    if (!limbs) {
        parser_set_memory_error(p, "");
        return NULL;
    }
    size_t nl = 1;
    for (size_t i = 0; i < n; i++) {
        uint64_t carry = digits[i];
        for (size_t k = 0; k < nl; k++) {
            uint64_t v = (uint64_t)limbs[k] * base + carry;
            limbs[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry)
            limbs[nl++] = (uint32_t)carry;
    }
    char *s = AdArena_Alloc(p->arena, nl * 9 + 2);
    if (!s) {
        free(limbs);
        parser_set_memory_error(p, "");
        return NULL;
    }
    int k = snprintf(s, 12, "%u", limbs[nl - 1]);
    for (size_t i = nl - 1; i-- > 0;)
        k += snprintf(s + k, 10, "%09u", limbs[i]);
    free(limbs);
    return s;
}

static void set_int_from_decimal(AdConst *c, const char *dec)
{
    size_t len = strlen(dec);
    if (len <= 18) {
        c->kind = AD_CONST_INT;
        c->v.i = strtoll(dec, NULL, 10);
    } else {
        c->kind = AD_CONST_BIGINT;
        c->v.str.data = dec;
        c->v.str.len = len;
    }
}

AdExpr *parser_number(Parser *p, ptok *t)
{
    size_t n = (size_t)(t->end - t->start);
    char *buf = malloc(n + 1);
    if (!buf) {
        parser_set_memory_error(p, "");
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (t->start[i] != '_')
            buf[k++] = t->start[i];
    buf[k] = '\0';
    AdExpr *e = parser_alloc(p, sizeof *e);
    if (!e) {
        free(buf);
        return NULL;
    }
    e->kind = AD_Constant_kind;
    e->lineno = t->lineno;
    e->col_offset = t->col;
    e->end_lineno = t->end_lineno;
    e->end_col_offset = t->end_col;
    AdConst *c = &e->v.Constant.value;
    char last = k ? buf[k - 1] : '0';
    int is_prefixed = k > 1 && buf[0] == '0' &&
                      (buf[1] == 'x' || buf[1] == 'X' || buf[1] == 'o' || buf[1] == 'O' ||
                       buf[1] == 'b' || buf[1] == 'B');
    if (last == 'j' || last == 'J') {
        buf[k - 1] = '\0';
        c->kind = AD_CONST_COMPLEX;
        c->v.f = strtod(buf, NULL);
    } else if (!is_prefixed && (strchr(buf, '.') || strchr(buf, 'e') || strchr(buf, 'E'))) {
        c->kind = AD_CONST_FLOAT;
        c->v.f = strtod(buf, NULL);
    } else if (is_prefixed) {
        unsigned base = (buf[1] == 'x' || buf[1] == 'X') ? 16 : (buf[1] == 'o' || buf[1] == 'O') ? 8 : 2;
        size_t nd = k - 2;
        unsigned char *digits = malloc(nd ? nd : 1);
        if (!digits) {
            free(buf);
            parser_set_memory_error(p, "");
            return NULL;
        }
        for (size_t i = 0; i < nd; i++) {
            char ch = buf[2 + i];
            digits[i] = (unsigned char)(ch >= '0' && ch <= '9' ? ch - '0' :
                                        ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch - 'A' + 10);
        }
        char *dec = digits_to_decimal(p, digits, nd, base);
        free(digits);
        if (!dec) {
            free(buf);
            return NULL;
        }
        set_int_from_decimal(c, dec);
    } else {
        const char *d = buf;
        while (d[0] == '0' && d[1] != '\0')
            d++;
        char *dec = AdArena_Strndup(p->arena, d, strlen(d));
        if (!dec) {
            free(buf);
            parser_set_memory_error(p, "");
            return NULL;
        }
        set_int_from_decimal(c, dec);
    }
    free(buf);
    return e;
}
