/* codegen_expr.c -- code generation for expressions: operators,
 * comparisons, boolean short-circuit and conditional jumps, calls (the
 * method-call and super() forms, star and double-star arguments), displays with
 * unpacking, subscripts and slices, attributes, f-strings and t-strings,
 * yield/await, and comprehensions (inlined per PEP 709, or as functions
 * for generator expressions). */
#include "compiler/codegen_int.h"

#include <stdlib.h>
#include <string.h>

#include "compiler/symtable_int.h"
#include "objects/int.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define STACK_USE_GUIDELINE 30

enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

static int utf8_len(const char *s)
{
    int n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static CLoc loc_match_attr(CLoc loc, AdExpr *attr)
{
    if (loc.lineno != attr->end_lineno) {
        loc.lineno = attr->end_lineno;
        int len = utf8_len(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            loc.col = attr->end_col_offset - len;
        } else {
            loc.col = -1;
            loc.end_col = -1;
        }
        if (loc.end_lineno < loc.lineno)
            loc.end_lineno = loc.lineno;
        if (loc.lineno == loc.end_lineno && loc.end_col < loc.col)
            loc.end_col = loc.col;
    }
    return loc;
}

static int binop_arg(AdOperator op)
{
    switch (op) {
    case AD_Add: return AD_NB_ADD;
    case AD_Sub: return AD_NB_SUBTRACT;
    case AD_Mult: return AD_NB_MULTIPLY;
    case AD_MatMult: return AD_NB_MATRIX_MULTIPLY;
    case AD_Div: return AD_NB_TRUE_DIVIDE;
    case AD_Mod: return AD_NB_REMAINDER;
    case AD_Pow: return AD_NB_POWER;
    case AD_LShift: return AD_NB_LSHIFT;
    case AD_RShift: return AD_NB_RSHIFT;
    case AD_BitOr: return AD_NB_OR;
    case AD_BitXor: return AD_NB_XOR;
    case AD_BitAnd: return AD_NB_AND;
    case AD_FloorDiv: return AD_NB_FLOOR_DIVIDE;
    }
    return AD_NB_ADD;
}

int cg_addop_binary(Compiler *c, CLoc loc, AdOperator op, int inplace)
{
    int arg = binop_arg(op);
    if (inplace)
        arg += AD_NB_INPLACE_ADD;
    return cg_addop(c, loc, BINARY_OP, arg);
}

static int addop_compare(Compiler *c, CLoc loc, AdCmpOp op)
{
    /* Py_LT..Py_GE and their comparison masks */
    static const int masks[6] = {2, 10, 8, 7, 4, 12};
    int cmp;
    switch (op) {
    case AD_Eq: cmp = 2; break;
    case AD_NotEq: cmp = 3; break;
    case AD_Lt: cmp = 0; break;
    case AD_LtE: cmp = 1; break;
    case AD_Gt: cmp = 4; break;
    case AD_GtE: cmp = 5; break;
    case AD_Is: return cg_addop(c, loc, IS_OP, 0);
    case AD_IsNot: return cg_addop(c, loc, IS_OP, 1);
    case AD_In: return cg_addop(c, loc, CONTAINS_OP, 0);
    case AD_NotIn: return cg_addop(c, loc, CONTAINS_OP, 1);
    default: cmp = 2;
    }
    return cg_addop(c, loc, COMPARE_OP, (cmp << 5) | masks[cmp]);
}

static const char *const_type_name(AdExpr *e)
{
    switch (e->kind) {
    case AD_Tuple_kind: return "tuple";
    case AD_List_kind: case AD_ListComp_kind: return "list";
    case AD_Dict_kind: case AD_DictComp_kind: return "dict";
    case AD_Set_kind: case AD_SetComp_kind: return "set";
    case AD_GeneratorExp_kind: return "generator";
    case AD_Lambda_kind: return "function";
    case AD_JoinedStr_kind: case AD_FormattedValue_kind: return "str";
    case AD_TemplateStr_kind: return "string.templatelib.Template";
    case AD_Interpolation_kind: return "string.templatelib.Interpolation";
    case AD_Constant_kind:
        switch (e->v.Constant.value.kind) {
        case AD_CONST_NONE: return "NoneType";
        case AD_CONST_TRUE: case AD_CONST_FALSE: return "bool";
        case AD_CONST_ELLIPSIS: return "ellipsis";
        case AD_CONST_INT: case AD_CONST_BIGINT: return "int";
        case AD_CONST_FLOAT: return "float";
        case AD_CONST_COMPLEX: return "complex";
        case AD_CONST_STR: return "str";
        case AD_CONST_BYTES: return "bytes";
        }
        break;
    default:
        break;
    }
    return NULL;
}

/* A tuple display of constants only (not nested tuples) is a literal too. */
static int is_const_tuple(AdExpr *e)
{
    for (int i = 0; e->v.Tuple.elts && i < e->v.Tuple.elts->len; i++) {
        AdExpr *x = AdAstSeq_GET(e->v.Tuple.elts, i);
        if (x->kind != AD_Constant_kind)
            return 0;
    }
    return 1;
}

static int check_is_arg(AdExpr *e)
{
    if (e->kind == AD_Tuple_kind)
        return !is_const_tuple(e);
    if (e->kind != AD_Constant_kind)
        return 1;
    AdConstKind k = e->v.Constant.value.kind;
    return k == AD_CONST_NONE || k == AD_CONST_FALSE || k == AD_CONST_TRUE ||
           k == AD_CONST_ELLIPSIS;
}

int cg_check_compare(Compiler *c, AdExpr *e)
{
    int left = check_is_arg(e->v.Compare.left);
    AdExpr *left_expr = e->v.Compare.left;
    int n = e->v.Compare.ops->len;
    for (int i = 0; i < n; i++) {
        AdCmpOp op = e->v.Compare.ops->items[i];
        AdExpr *right_expr = AdAstSeq_GET(e->v.Compare.comparators, i);
        int right = check_is_arg(right_expr);
        if (op == AD_Is || op == AD_IsNot) {
            if (!right || !left) {
                AdExpr *lit = !left ? left_expr : right_expr;
                return comp_warn(c, LOC(e),
                                 op == AD_Is ? "\"is\" with '%s' literal. Did you mean \"==\"?"
                                             : "\"is not\" with '%s' literal. Did you mean \"!=\"?",
                                 const_type_name(lit));
            }
        }
        left = right;
        left_expr = right_expr;
    }
    return 0;
}

/* ---- conditional jumps ---- */

int cg_jump_if(Compiler *c, CLoc loc, AdExpr *e, int next, int cond)
{
    switch (e->kind) {
    case AD_UnaryOp_kind:
        if (e->v.UnaryOp.op == AD_Not)
            return cg_jump_if(c, loc, e->v.UnaryOp.operand, next, !cond);
        break;
    case AD_BoolOp_kind: {
        AdAstSeq *s = e->v.BoolOp.values;
        int n = AdAstSeq_LEN(s) - 1;
        int cond2 = e->v.BoolOp.op == AD_Or;
        int next2 = next;
        if (!cond2 != !cond) {
            next2 = cg_new_label(c);
            if (next2 < 0)
                return -1;
        }
        for (int i = 0; i < n; i++)
            CHECK(cg_jump_if(c, loc, AdAstSeq_GET(s, i), next2, cond2));
        CHECK(cg_jump_if(c, loc, AdAstSeq_GET(s, n), next, cond));
        if (next2 != next)
            USE_LABEL(c, next2);
        return 0;
    }
    case AD_IfExp_kind: {
        NEW_LABEL(c, end);
        NEW_LABEL(c, next2);
        CHECK(cg_jump_if(c, loc, e->v.IfExp.test, next2, 0));
        CHECK(cg_jump_if(c, loc, e->v.IfExp.body, next, cond));
        JUMP_TO(c, NO_LOC, JUMP, end);
        USE_LABEL(c, next2);
        CHECK(cg_jump_if(c, loc, e->v.IfExp.orelse, next, cond));
        USE_LABEL(c, end);
        return 0;
    }
    case AD_Compare_kind: {
        int n = e->v.Compare.ops->len - 1;
        if (n > 0) {
            CHECK(cg_check_compare(c, e));
            NEW_LABEL(c, cleanup);
            VISIT_EXPR(c, e->v.Compare.left);
            for (int i = 0; i < n; i++) {
                VISIT_EXPR(c, AdAstSeq_GET(e->v.Compare.comparators, i));
                EMIT(c, LOC(e), SWAP, 2);
                EMIT(c, LOC(e), COPY, 2);
                CHECK(addop_compare(c, LOC(e), e->v.Compare.ops->items[i]));
                EMIT0(c, LOC(e), TO_BOOL);
                JUMP_TO(c, LOC(e), POP_JUMP_IF_FALSE, cleanup);
            }
            VISIT_EXPR(c, AdAstSeq_GET(e->v.Compare.comparators, n));
            CHECK(addop_compare(c, LOC(e), e->v.Compare.ops->items[n]));
            EMIT0(c, LOC(e), TO_BOOL);
            JUMP_TO(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
            NEW_LABEL(c, end);
            JUMP_TO(c, NO_LOC, JUMP, end);
            USE_LABEL(c, cleanup);
            EMIT0(c, LOC(e), POP_TOP);
            if (!cond)
                JUMP_TO(c, NO_LOC, JUMP, next);
            USE_LABEL(c, end);
            return 0;
        }
        break;
    }
    default:
        break;
    }
    VISIT_EXPR(c, e);
    EMIT0(c, LOC(e), TO_BOOL);
    JUMP_TO(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    return 0;
}

static int boolop(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    int jumpi = e->v.BoolOp.op == AD_And ? JUMP_IF_FALSE : JUMP_IF_TRUE;
    NEW_LABEL(c, end);
    AdAstSeq *s = e->v.BoolOp.values;
    int n = AdAstSeq_LEN(s) - 1;
    for (int i = 0; i < n; i++) {
        VISIT_EXPR(c, AdAstSeq_GET(s, i));
        JUMP_TO(c, loc, jumpi, end);
        EMIT0(c, loc, POP_TOP);
    }
    VISIT_EXPR(c, AdAstSeq_GET(s, n));
    USE_LABEL(c, end);
    return 0;
}

static int compare(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    CHECK(cg_check_compare(c, e));
    VISIT_EXPR(c, e->v.Compare.left);
    int n = e->v.Compare.ops->len - 1;
    if (n == 0) {
        VISIT_EXPR(c, AdAstSeq_GET(e->v.Compare.comparators, 0));
        return addop_compare(c, loc, e->v.Compare.ops->items[0]);
    }
    NEW_LABEL(c, cleanup);
    for (int i = 0; i < n; i++) {
        VISIT_EXPR(c, AdAstSeq_GET(e->v.Compare.comparators, i));
        EMIT(c, loc, SWAP, 2);
        EMIT(c, loc, COPY, 2);
        CHECK(addop_compare(c, loc, e->v.Compare.ops->items[i]));
        EMIT(c, loc, COPY, 1);
        EMIT0(c, loc, TO_BOOL);
        JUMP_TO(c, loc, POP_JUMP_IF_FALSE, cleanup);
        EMIT0(c, loc, POP_TOP);
    }
    VISIT_EXPR(c, AdAstSeq_GET(e->v.Compare.comparators, n));
    CHECK(addop_compare(c, loc, e->v.Compare.ops->items[n]));
    NEW_LABEL(c, end);
    JUMP_TO(c, NO_LOC, JUMP, end);
    USE_LABEL(c, cleanup);
    EMIT(c, loc, SWAP, 2);
    EMIT0(c, loc, POP_TOP);
    USE_LABEL(c, end);
    return 0;
}

static int ifexp(Compiler *c, AdExpr *e)
{
    NEW_LABEL(c, end);
    NEW_LABEL(c, next);
    CHECK(cg_jump_if(c, LOC(e), e->v.IfExp.test, next, 0));
    VISIT_EXPR(c, e->v.IfExp.body);
    JUMP_TO(c, NO_LOC, JUMP, end);
    USE_LABEL(c, next);
    VISIT_EXPR(c, e->v.IfExp.orelse);
    USE_LABEL(c, end);
    return 0;
}

/* ---- displays ---- */

static int starunpack(Compiler *c, CLoc loc, AdAstSeq *elts, const char *injected, int pushed,
                      int build, int add, int extend, int tuple)
{
    int n = AdAstSeq_LEN(elts);
    int big = n + pushed + (injected ? 1 : 0) > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (int i = 0; i < n; i++)
        if (((AdExpr *)AdAstSeq_GET(elts, i))->kind == AD_Starred_kind) {
            seen_star = 1;
            break;
        }
    if (!seen_star && !big) {
        for (int i = 0; i < n; i++)
            VISIT_EXPR(c, AdAstSeq_GET(elts, i));
        if (injected) {
            CHECK(cg_nameop(c, loc, injected, AD_Load));
            n++;
        }
        EMIT(c, loc, tuple ? BUILD_TUPLE : build, n + pushed);
        return 0;
    }
    int built = 0;
    if (big) {
        EMIT(c, loc, build, pushed);
        built = 1;
    }
    for (int i = 0; i < n; i++) {
        AdExpr *elt = AdAstSeq_GET(elts, i);
        if (elt->kind == AD_Starred_kind) {
            if (!built) {
                EMIT(c, loc, build, i + pushed);
                built = 1;
            }
            VISIT_EXPR(c, elt->v.Starred.value);
            EMIT(c, loc, extend, 1);
        } else {
            VISIT_EXPR(c, elt);
            if (built)
                EMIT(c, loc, add, 1);
        }
    }
    if (injected) {
        CHECK(cg_nameop(c, loc, injected, AD_Load));
        EMIT(c, loc, add, 1);
    }
    if (tuple)
        EMIT(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_LIST_TO_TUPLE);
    return 0;
}

int cg_starunpack_helper(Compiler *c, CLoc loc, AdAstSeq *elts, int pushed, int build,
                         int add, int extend, int tuple)
{
    return starunpack(c, loc, elts, NULL, pushed, build, add, extend, tuple);
}

int cg_unpack_helper(Compiler *c, CLoc loc, AdAstSeq *elts)
{
    int n = AdAstSeq_LEN(elts);
    int seen_star = 0;
    for (int i = 0; i < n; i++) {
        AdExpr *elt = AdAstSeq_GET(elts, i);
        if (elt->kind == AD_Starred_kind && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (0x7fffffff >> 8))
                return comp_error(c, loc, "too many expressions in star-unpacking assignment");
            EMIT(c, loc, UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = 1;
        } else if (elt->kind == AD_Starred_kind) {
            return comp_error(c, loc, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        EMIT(c, loc, UNPACK_SEQUENCE, n);
    return 0;
}

int cg_assign_sequence(Compiler *c, AdAstSeq *elts, CLoc loc)
{
    CHECK(cg_unpack_helper(c, loc, elts));
    for (int i = 0; i < AdAstSeq_LEN(elts); i++) {
        AdExpr *elt = AdAstSeq_GET(elts, i);
        VISIT_EXPR(c, elt->kind != AD_Starred_kind ? elt : elt->v.Starred.value);
    }
    return 0;
}

static int list_or_tuple(Compiler *c, AdExpr *e, AdAstSeq *elts, AdExprContext ctx, int tuple)
{
    CLoc loc = LOC(e);
    if (ctx == AD_Store)
        return cg_assign_sequence(c, elts, loc);
    if (ctx == AD_Load)
        return starunpack(c, loc, elts, NULL, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, tuple);
    for (int i = 0; i < AdAstSeq_LEN(elts); i++)
        VISIT_EXPR(c, AdAstSeq_GET(elts, i));
    return 0;
}

static int subdict(Compiler *c, AdExpr *e, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    CLoc loc = LOC(e);
    if (big)
        EMIT(c, loc, BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        VISIT_EXPR(c, AdAstSeq_GET(e->v.Dict.keys, i));
        VISIT_EXPR(c, AdAstSeq_GET(e->v.Dict.values, i));
        if (big)
            EMIT(c, loc, MAP_ADD, 1);
    }
    if (!big)
        EMIT(c, loc, BUILD_MAP, n);
    return 0;
}

static int dict(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    int n = AdAstSeq_LEN(e->v.Dict.values);
    int have_dict = 0, elements = 0;
    for (int i = 0; i < n; i++) {
        int unpacking = AdAstSeq_GET(e->v.Dict.keys, i) == NULL;
        if (unpacking) {
            if (elements) {
                CHECK(subdict(c, e, i - elements, i));
                if (have_dict)
                    EMIT(c, loc, DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                EMIT(c, loc, BUILD_MAP, 0);
                have_dict = 1;
            }
            VISIT_EXPR(c, AdAstSeq_GET(e->v.Dict.values, i));
            EMIT(c, loc, DICT_UPDATE, 1);
        } else {
            if (elements * 2 > STACK_USE_GUIDELINE) {
                CHECK(subdict(c, e, i - elements, i + 1));
                if (have_dict)
                    EMIT(c, loc, DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            } else {
                elements++;
            }
        }
    }
    if (elements) {
        CHECK(subdict(c, e, n - elements, n));
        if (have_dict)
            EMIT(c, loc, DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict)
        EMIT(c, loc, BUILD_MAP, 0);
    return 0;
}

/* ---- subscripts ---- */

static int is_constant_slice(AdExpr *s)
{
    return s->kind == AD_Slice_kind &&
           (!s->v.Slice.lower || s->v.Slice.lower->kind == AD_Constant_kind) &&
           (!s->v.Slice.upper || s->v.Slice.upper->kind == AD_Constant_kind) &&
           (!s->v.Slice.step || s->v.Slice.step->kind == AD_Constant_kind);
}

static int two_element_slice(AdExpr *s)
{
    return !is_constant_slice(s) && s->kind == AD_Slice_kind && !s->v.Slice.step;
}

static int slice_two_parts(Compiler *c, AdExpr *s)
{
    if (s->v.Slice.lower)
        VISIT_EXPR(c, s->v.Slice.lower);
    else
        LOAD_CONST(c, LOC(s), Ad_NewRef(Ad_None));
    if (s->v.Slice.upper)
        VISIT_EXPR(c, s->v.Slice.upper);
    else
        LOAD_CONST(c, LOC(s), Ad_NewRef(Ad_None));
    return 0;
}

static AdObject *opt_const(AdExpr *e)
{
    if (!e)
        return Ad_NewRef(Ad_None);
    return cg_const_from_ast(&e->v.Constant.value);
}

static int slice(Compiler *c, AdExpr *s)
{
    if (is_constant_slice(s)) {
        AdObject *a = opt_const(s->v.Slice.lower);
        AdObject *b = opt_const(s->v.Slice.upper);
        AdObject *st = opt_const(s->v.Slice.step);
        AdObject *sl = (a && b && st) ? AdSlice_New(a, b, st) : NULL;
        Ad_XDECREF(a);
        Ad_XDECREF(b);
        Ad_XDECREF(st);
        if (!sl)
            return comp_nomem(c);
        LOAD_CONST(c, LOC(s), sl);
        return 0;
    }
    CHECK(slice_two_parts(c, s));
    int n = 2;
    if (s->v.Slice.step) {
        n++;
        VISIT_EXPR(c, s->v.Slice.step);
    }
    EMIT(c, LOC(s), BUILD_SLICE, n);
    return 0;
}

/* x[i] where x is a literal that cannot be subscripted: a SyntaxWarning. */
static int check_subscripter(Compiler *c, AdExpr *e, CLoc loc)
{
    if (e->kind == AD_Constant_kind) {
        AdConstKind k = e->v.Constant.value.kind;
        if (k == AD_CONST_STR || k == AD_CONST_BYTES)
            return 0;
    }
    else if (e->kind != AD_Set_kind && e->kind != AD_SetComp_kind && e->kind != AD_GeneratorExp_kind &&
             e->kind != AD_Lambda_kind)
        return 0;
    return comp_warn(c, loc, "'%s' object is not subscriptable; perhaps you missed a comma?", const_type_name(e));
}

/* s[i] where s is a str, bytes, tuple or list literal and i a literal that
 * is neither an int (bool included) nor a slice: a SyntaxWarning. */
static int check_index(Compiler *c, AdExpr *e, AdExpr *s, CLoc loc)
{
    const char *index_type = s->kind == AD_Slice_kind ? NULL : const_type_name(s);
    if (!index_type || strcmp(index_type, "int") == 0 || strcmp(index_type, "bool") == 0)
        return 0;
    if (e->kind == AD_Constant_kind) {
        AdConstKind k = e->v.Constant.value.kind;
        if (k != AD_CONST_STR && k != AD_CONST_BYTES)
            return 0;
    }
    else if (e->kind != AD_Tuple_kind && e->kind != AD_List_kind && e->kind != AD_ListComp_kind &&
             e->kind != AD_JoinedStr_kind && e->kind != AD_FormattedValue_kind)
        return 0;
    return comp_warn(c, loc, "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
                     const_type_name(e), index_type);
}

static int subscript(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    AdExprContext ctx = e->v.Subscript.ctx;
    if (ctx == AD_Load) {
        CHECK(check_subscripter(c, e->v.Subscript.value, loc));
        CHECK(check_index(c, e->v.Subscript.value, e->v.Subscript.slice, loc));
    }
    VISIT_EXPR(c, e->v.Subscript.value);
    if (two_element_slice(e->v.Subscript.slice) && ctx != AD_Del) {
        CHECK(slice_two_parts(c, e->v.Subscript.slice));
        EMIT0(c, loc, ctx == AD_Load ? BINARY_SLICE : STORE_SLICE);
        return 0;
    }
    VISIT_EXPR(c, e->v.Subscript.slice);
    switch (ctx) {
    case AD_Load: EMIT(c, loc, BINARY_OP, AD_NB_SUBSCR); break;
    case AD_Store: EMIT0(c, loc, STORE_SUBSCR); break;
    case AD_Del: EMIT0(c, loc, DELETE_SUBSCR); break;
    }
    return 0;
}

int cg_augassign(Compiler *c, AdStmt *s)
{
    AdExpr *e = s->v.AugAssign.target;
    CLoc loc = LOC(e);
    switch (e->kind) {
    case AD_Attribute_kind: {
        VISIT_EXPR(c, e->v.Attribute.value);
        EMIT(c, loc, COPY, 1);
        loc = loc_match_attr(loc, e);
        int i = cg_add_name(c, &c->u->names, e->v.Attribute.attr);
        if (i < 0)
            return -1;
        EMIT(c, loc, LOAD_ATTR, i << 1);
        break;
    }
    case AD_Subscript_kind:
        VISIT_EXPR(c, e->v.Subscript.value);
        if (two_element_slice(e->v.Subscript.slice)) {
            CHECK(slice_two_parts(c, e->v.Subscript.slice));
            EMIT(c, loc, COPY, 3);
            EMIT(c, loc, COPY, 3);
            EMIT(c, loc, COPY, 3);
            EMIT0(c, loc, BINARY_SLICE);
        } else {
            VISIT_EXPR(c, e->v.Subscript.slice);
            EMIT(c, loc, COPY, 2);
            EMIT(c, loc, COPY, 2);
            EMIT(c, loc, BINARY_OP, AD_NB_SUBSCR);
        }
        break;
    case AD_Name_kind:
        CHECK(cg_nameop(c, loc, e->v.Name.id, AD_Load));
        break;
    default:
        return comp_error(c, loc, "invalid node type for augmented assignment");
    }
    loc = LOC(s);
    VISIT_EXPR(c, s->v.AugAssign.value);
    CHECK(cg_addop_binary(c, loc, s->v.AugAssign.op, 1));
    loc = LOC(e);
    switch (e->kind) {
    case AD_Attribute_kind:
        loc = loc_match_attr(loc, e);
        EMIT(c, loc, SWAP, 2);
        return cg_add_name_op(c, loc, STORE_ATTR, e->v.Attribute.attr);
    case AD_Subscript_kind:
        if (two_element_slice(e->v.Subscript.slice)) {
            EMIT(c, loc, SWAP, 4);
            EMIT(c, loc, SWAP, 3);
            EMIT(c, loc, SWAP, 2);
            EMIT0(c, loc, STORE_SLICE);
        } else {
            EMIT(c, loc, SWAP, 3);
            EMIT(c, loc, SWAP, 2);
            EMIT0(c, loc, STORE_SUBSCR);
        }
        return 0;
    default:
        return cg_nameop(c, loc, e->v.Name.id, AD_Store);
    }
}

/* ---- attributes and super() ---- */

static int can_optimize_super_call(Compiler *c, AdExpr *attr)
{
    AdExpr *e = attr->v.Attribute.value;
    if (e->kind != AD_Call_kind || e->v.Call.func->kind != AD_Name_kind ||
        strcmp(e->v.Call.func->v.Name.id, "super") != 0 ||
        strcmp(attr->v.Attribute.attr, "__class__") == 0 ||
        AdAstSeq_LEN(e->v.Call.keywords) != 0)
        return 0;
    int nargs = AdAstSeq_LEN(e->v.Call.args);
    const char *super_name = e->v.Call.func->v.Name.id;
    /* detect statically-visible shadowing of 'super' name */
    int scope = AdSymtableEntry_GetScope(c->u->ste, super_name);
    if (scope != AD_SCOPE_GLOBAL_IMPLICIT)
        return 0;
    scope = AdSymtableEntry_GetScope(AdSymtable_Top(c->st), super_name);
    if (scope != 0)
        return 0;
    if (nargs == 1 || nargs > 2)
        return 0;
    if (nargs == 2) {
        for (int i = 0; i < nargs; i++)
            if (((AdExpr *)AdAstSeq_GET(e->v.Call.args, i))->kind == AD_Starred_kind)
                return 0;
    }
    /* we need the __class__ cell and the first argument of the method */
    if (c->u->ste->type != AD_BLOCK_FUNCTION)
        return 0;
    if (!c->u->ste->method && 0)
        return 0;
    if (c->u->argcount + c->u->posonly == 0 && nargs == 0)
        return 0;
    if (nargs == 0) {
        if (c->u->ste->nvarnames == 0 || c->u->argcount + c->u->posonly == 0)
            return 0;
        if (strlist_index(&c->u->freevars, "__class__") < 0)
            return 0;
    }
    return 1;
}

static int load_args_for_super(Compiler *c, AdExpr *e)
{
    /* load super() global */
    AdExpr *func = e->v.Call.func;
    CHECK(cg_nameop(c, LOC(func), func->v.Name.id, AD_Load));
    if (AdAstSeq_LEN(e->v.Call.args) == 2) {
        VISIT_EXPR(c, AdAstSeq_GET(e->v.Call.args, 0));
        VISIT_EXPR(c, AdAstSeq_GET(e->v.Call.args, 1));
        return 0;
    }
    /* load __class__ cell */
    CHECK(cg_nameop(c, LOC(e), "__class__", AD_Load));
    /* load self (first argument) */
    const char *first = c->u->varnames.v[0];
    CHECK(cg_nameop(c, LOC(e), first, AD_Load));
    return 0;
}

static int super_attr(Compiler *c, CLoc loc, AdExpr *attr, int method)
{
    CHECK(load_args_for_super(c, attr->v.Attribute.value));
    int i = cg_add_name(c, &c->u->names, attr->v.Attribute.attr);
    if (i < 0)
        return -1;
    int two = AdAstSeq_LEN(attr->v.Attribute.value->v.Call.args) ? 2 : 0;
    EMIT(c, loc, LOAD_SUPER_ATTR, (i << 2) | two | method);
    loc = loc_match_attr(loc, attr);
    EMIT0(c, loc, NOP);
    return 0;
}

static int add_static_attribute(Compiler *c, AdExpr *e)
{
    AdExpr *v = e->v.Attribute.value;
    if (v->kind != AD_Name_kind || e->v.Attribute.ctx != AD_Store ||
        strcmp(v->v.Name.id, "self") != 0)
        return 0;
    for (CUnit *u = c->u->prev; u; u = u->prev) {
        if (u->scope_type == SCOPE_CLASS) {
            if (strlist_add(&u->static_attrs, e->v.Attribute.attr) < 0)
                return comp_nomem(c);
            break;
        }
    }
    return 0;
}

static int attribute(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    if (e->v.Attribute.ctx == AD_Load) {
        int r = can_optimize_super_call(c, e);
        CHECK(r);
        if (r)
            return super_attr(c, loc, e, 0);
    }
    CHECK(add_static_attribute(c, e));
    VISIT_EXPR(c, e->v.Attribute.value);
    loc = loc_match_attr(LOC(e), e);
    int i = cg_add_name(c, &c->u->names, e->v.Attribute.attr);
    if (i < 0)
        return -1;
    switch (e->v.Attribute.ctx) {
    case AD_Load: EMIT(c, loc, LOAD_ATTR, i << 1); break;
    case AD_Store: EMIT(c, loc, STORE_ATTR, i); break;
    case AD_Del: EMIT(c, loc, DELETE_ATTR, i); break;
    }
    return 0;
}

/* ---- calls ---- */

static int validate_keywords(Compiler *c, AdAstSeq *keywords)
{
    int n = AdAstSeq_LEN(keywords);
    for (int i = 0; i < n; i++) {
        AdKeyword *k = AdAstSeq_GET(keywords, i);
        if (!k->arg)
            continue;
        for (int j = i + 1; j < n; j++) {
            AdKeyword *o = AdAstSeq_GET(keywords, j);
            if (o->arg && strcmp(k->arg, o->arg) == 0)
                return comp_error(c, LOC(o), "keyword argument repeated: %s", k->arg);
        }
    }
    return 0;
}

static int kw_names_const(Compiler *c, CLoc loc, AdAstSeq *keywords, int n)
{
    AdObject *names = AdTuple_New(n);
    if (!names)
        return comp_nomem(c);
    for (int i = 0; i < n; i++) {
        AdKeyword *k = AdAstSeq_GET(keywords, i);
        AdObject *s = AdStr_InternFromString(k->arg);
        if (!s) {
            Ad_DECREF(names);
            return comp_nomem(c);
        }
        AdTuple_SET_ITEM(names, i, s);
    }
    LOAD_CONST(c, loc, names);
    return 0;
}

static int subkwargs(Compiler *c, CLoc loc, AdAstSeq *keywords, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (big)
        EMIT(c, NO_LOC, BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        AdKeyword *k = AdAstSeq_GET(keywords, i);
        LOAD_CONST(c, loc, AdStr_InternFromString(k->arg));
        VISIT_EXPR(c, k->value);
        if (big)
            EMIT(c, NO_LOC, MAP_ADD, 1);
    }
    if (!big)
        EMIT(c, loc, BUILD_MAP, n);
    return 0;
}

static int call_helper(Compiler *c, CLoc loc, int n, AdAstSeq *args, const char *injected,
                       AdAstSeq *keywords)
{
    CHECK(validate_keywords(c, keywords));
    int nelts = AdAstSeq_LEN(args);
    int nkwelts = AdAstSeq_LEN(keywords);
    if (nelts + nkwelts * 2 > STACK_USE_GUIDELINE)
        goto ex_call;
    for (int i = 0; i < nelts; i++)
        if (((AdExpr *)AdAstSeq_GET(args, i))->kind == AD_Starred_kind)
            goto ex_call;
    for (int i = 0; i < nkwelts; i++)
        if (!((AdKeyword *)AdAstSeq_GET(keywords, i))->arg)
            goto ex_call;
    for (int i = 0; i < nelts; i++)
        VISIT_EXPR(c, AdAstSeq_GET(args, i));
    if (injected) {
        CHECK(cg_nameop(c, loc, injected, AD_Load));
        nelts++;
    }
    if (nkwelts) {
        for (int i = 0; i < nkwelts; i++)
            VISIT_EXPR(c, ((AdKeyword *)AdAstSeq_GET(keywords, i))->value);
        CHECK(kw_names_const(c, loc, keywords, nkwelts));
        EMIT(c, loc, CALL_KW, n + nelts + nkwelts);
    } else {
        EMIT(c, loc, CALL, n + nelts);
    }
    return 0;
ex_call:
    if (n == 0 && nelts == 1 && ((AdExpr *)AdAstSeq_GET(args, 0))->kind == AD_Starred_kind) {
        VISIT_EXPR(c, ((AdExpr *)AdAstSeq_GET(args, 0))->v.Starred.value);
    } else {
        CHECK(starunpack(c, loc, args, injected, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 1));
    }
    if (nkwelts) {
        int have_dict = 0, nseen = 0;
        for (int i = 0; i < nkwelts; i++) {
            AdKeyword *k = AdAstSeq_GET(keywords, i);
            if (!k->arg) {
                if (nseen) {
                    CHECK(subkwargs(c, loc, keywords, i - nseen, i));
                    if (have_dict)
                        EMIT(c, loc, DICT_MERGE, 1);
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    EMIT(c, loc, BUILD_MAP, 0);
                    have_dict = 1;
                }
                VISIT_EXPR(c, k->value);
                EMIT(c, loc, DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            CHECK(subkwargs(c, loc, keywords, nkwelts - nseen, nkwelts));
            if (have_dict)
                EMIT(c, loc, DICT_MERGE, 1);
        }
    } else {
        EMIT0(c, loc, PUSH_NULL);
    }
    EMIT0(c, loc, CALL_FUNCTION_EX);
    return 0;
}

int call_helper_injected(Compiler *c, CLoc loc, int n, AdAstSeq *args, const char *injected,
                         AdAstSeq *keywords);
int call_helper_injected(Compiler *c, CLoc loc, int n, AdAstSeq *args, const char *injected,
                         AdAstSeq *keywords)
{
    return call_helper(c, loc, n, args, injected, keywords);
}

int cg_call_helper(Compiler *c, CLoc loc, int n, AdAstSeq *args, AdAstSeq *keywords)
{
    return call_helper(c, loc, n, args, NULL, keywords);
}

static int is_import_originated(Compiler *c, AdExpr *e)
{
    if (e->kind != AD_Name_kind)
        return 0;
    long flags = AdSymtableEntry_GetSymbol(AdSymtable_Top(c->st), e->v.Name.id);
    return (flags & AD_DEF_IMPORT) != 0;
}

static int maybe_optimize_method_call(Compiler *c, AdExpr *e)
{
    AdExpr *meth = e->v.Call.func;
    AdAstSeq *args = e->v.Call.args, *kwds = e->v.Call.keywords;
    if (meth->kind != AD_Attribute_kind || meth->v.Attribute.ctx != AD_Load)
        return 0;
    if (is_import_originated(c, meth->v.Attribute.value))
        return 0;
    int argsl = AdAstSeq_LEN(args), kwdsl = AdAstSeq_LEN(kwds);
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE)
        return 0;
    for (int i = 0; i < argsl; i++)
        if (((AdExpr *)AdAstSeq_GET(args, i))->kind == AD_Starred_kind)
            return 0;
    for (int i = 0; i < kwdsl; i++)
        if (!((AdKeyword *)AdAstSeq_GET(kwds, i))->arg)
            return 0;
    CLoc loc = LOC(meth);
    int r = can_optimize_super_call(c, meth);
    CHECK(r);
    if (r) {
        CHECK(super_attr(c, loc, meth, 1));
        loc = loc_match_attr(loc, meth);
    } else {
        VISIT_EXPR(c, meth->v.Attribute.value);
        loc = loc_match_attr(loc, meth);
        int i = cg_add_name(c, &c->u->names, meth->v.Attribute.attr);
        if (i < 0)
            return -1;
        EMIT(c, loc, LOAD_ATTR, (i << 1) | 1);
    }
    for (int i = 0; i < argsl; i++)
        VISIT_EXPR(c, AdAstSeq_GET(args, i));
    if (kwdsl) {
        for (int i = 0; i < kwdsl; i++)
            VISIT_EXPR(c, ((AdKeyword *)AdAstSeq_GET(kwds, i))->value);
        CHECK(kw_names_const(c, loc, kwds, kwdsl));
        loc = loc_match_attr(LOC(e), meth);
        EMIT(c, loc, CALL_KW, argsl + kwdsl);
    } else {
        loc = loc_match_attr(LOC(e), meth);
        EMIT(c, loc, CALL, argsl);
    }
    return 1;
}

static int maybe_optimize_function_call(Compiler *c, AdExpr *e, int end)
{
    AdAstSeq *args = e->v.Call.args;
    AdExpr *func = e->v.Call.func;
    if (!(func->kind == AD_Name_kind && AdAstSeq_LEN(args) == 1 &&
          AdAstSeq_LEN(e->v.Call.keywords) == 0 &&
          ((AdExpr *)AdAstSeq_GET(args, 0))->kind == AD_GeneratorExp_kind))
        return 0;
    CLoc loc = LOC(func);
    int const_oparg = -1, cont = -1;
    AdObject *initial = NULL;
    if (strcmp(func->v.Name.id, "all") == 0) {
        const_oparg = AD_CONSTANT_BUILTIN_ALL;
        initial = Ad_True;
        cont = POP_JUMP_IF_TRUE;
    } else if (strcmp(func->v.Name.id, "any") == 0) {
        const_oparg = AD_CONSTANT_BUILTIN_ANY;
        initial = Ad_False;
        cont = POP_JUMP_IF_FALSE;
    } else if (strcmp(func->v.Name.id, "tuple") == 0) {
        const_oparg = AD_CONSTANT_BUILTIN_TUPLE;
    }
    if (const_oparg == -1)
        return 0;
    NEW_LABEL(c, skip);
    EMIT(c, loc, COPY, 1);
    EMIT(c, loc, LOAD_COMMON_CONSTANT, const_oparg);
    CHECK(addop_compare(c, loc, AD_Is));
    JUMP_TO(c, loc, POP_JUMP_IF_FALSE, skip);
    EMIT0(c, loc, POP_TOP);
    if (const_oparg == AD_CONSTANT_BUILTIN_TUPLE)
        EMIT(c, loc, BUILD_LIST, 0);
    VISIT_EXPR(c, AdAstSeq_GET(args, 0));
    NEW_LABEL(c, loop);
    NEW_LABEL(c, cleanup);
    USE_LABEL(c, loop);
    JUMP_TO(c, loc, FOR_ITER, cleanup);
    if (const_oparg == AD_CONSTANT_BUILTIN_TUPLE) {
        EMIT(c, loc, LIST_APPEND, 2);
        JUMP_TO(c, loc, JUMP, loop);
    } else {
        EMIT0(c, loc, TO_BOOL);
        JUMP_TO(c, loc, cont, loop);
    }
    EMIT0(c, NO_LOC, POP_ITER);
    if (const_oparg != AD_CONSTANT_BUILTIN_TUPLE)
        LOAD_CONST(c, loc, Ad_NewRef(initial == Ad_True ? Ad_False : Ad_True));
    JUMP_TO(c, loc, JUMP, end);
    USE_LABEL(c, cleanup);
    EMIT0(c, NO_LOC, END_FOR);
    EMIT0(c, NO_LOC, POP_ITER);
    if (const_oparg == AD_CONSTANT_BUILTIN_TUPLE)
        EMIT(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_LIST_TO_TUPLE);
    else
        LOAD_CONST(c, loc, Ad_NewRef(initial));
    JUMP_TO(c, NO_LOC, JUMP, end);
    USE_LABEL(c, skip);
    return 1;
}

static int check_caller(Compiler *c, AdExpr *e)
{
    switch (e->kind) {
    case AD_Constant_kind: case AD_Tuple_kind: case AD_List_kind: case AD_ListComp_kind:
    case AD_Dict_kind: case AD_DictComp_kind: case AD_Set_kind: case AD_SetComp_kind:
    case AD_GeneratorExp_kind: case AD_JoinedStr_kind: case AD_TemplateStr_kind:
    case AD_FormattedValue_kind: case AD_Interpolation_kind:
        return comp_warn(c, LOC(e), "'%s' object is not callable; perhaps you missed a comma?",
                         const_type_name(e));
    default:
        return 0;
    }
}

static int call(Compiler *c, AdExpr *e)
{
    CHECK(validate_keywords(c, e->v.Call.keywords));
    int r = maybe_optimize_method_call(c, e);
    CHECK(r);
    if (r == 1)
        return 0;
    NEW_LABEL(c, skip_normal_call);
    CHECK(check_caller(c, e->v.Call.func));
    VISIT_EXPR(c, e->v.Call.func);
    r = maybe_optimize_function_call(c, e, skip_normal_call);
    CHECK(r);
    EMIT0(c, LOC(e->v.Call.func), PUSH_NULL);
    CHECK(call_helper(c, LOC(e), 0, e->v.Call.args, NULL, e->v.Call.keywords));
    USE_LABEL(c, skip_normal_call);
    return 0;
}

/* ---- f-strings and t-strings ---- */

static int joined_str(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    int n = AdAstSeq_LEN(e->v.JoinedStr.values);
    if (n > STACK_USE_GUIDELINE) {
        LOAD_CONST(c, loc, AdStr_FromString(""));
        int i = strlist_add(&c->u->names, "join");
        if (i < 0)
            return comp_nomem(c);
        EMIT(c, loc, LOAD_ATTR, (i << 1) | 1);
        EMIT(c, loc, BUILD_LIST, 0);
        for (int k = 0; k < n; k++) {
            VISIT_EXPR(c, AdAstSeq_GET(e->v.JoinedStr.values, k));
            EMIT(c, loc, LIST_APPEND, 1);
        }
        EMIT(c, loc, CALL, 1);
        return 0;
    }
    for (int k = 0; k < n; k++)
        VISIT_EXPR(c, AdAstSeq_GET(e->v.JoinedStr.values, k));
    if (n > 1)
        EMIT(c, loc, BUILD_STRING, n);
    else if (n == 0)
        LOAD_CONST(c, loc, AdStr_FromString(""));
    return 0;
}

static int conversion_arg(int conv)
{
    switch (conv) {
    case 's': return AD_FVC_STR;
    case 'r': return AD_FVC_REPR;
    case 'a': return AD_FVC_ASCII;
    }
    return 0;
}

static int formatted_value(Compiler *c, AdExpr *e)
{
    VISIT_EXPR(c, e->v.FormattedValue.value);
    CLoc loc = LOC(e);
    if (e->v.FormattedValue.conversion != -1)
        EMIT(c, loc, CONVERT_VALUE, conversion_arg(e->v.FormattedValue.conversion));
    if (e->v.FormattedValue.format_spec) {
        VISIT_EXPR(c, e->v.FormattedValue.format_spec);
        EMIT0(c, loc, FORMAT_WITH_SPEC);
    } else {
        EMIT0(c, loc, FORMAT_SIMPLE);
    }
    return 0;
}

static int interpolation(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    VISIT_EXPR(c, e->v.Interpolation.value);
    LOAD_CONST(c, loc, cg_const_from_ast(&e->v.Interpolation.str));
    int oparg = 2;
    if (e->v.Interpolation.format_spec) {
        oparg++;
        VISIT_EXPR(c, e->v.Interpolation.format_spec);
    }
    if (e->v.Interpolation.conversion != -1)
        oparg |= conversion_arg(e->v.Interpolation.conversion) << 2;
    EMIT(c, loc, BUILD_INTERPOLATION, oparg);
    return 0;
}

static int template_str(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    int n = AdAstSeq_LEN(e->v.TemplateStr.values);
    int last_interp = 1, nstrings = 0, ninterp = 0;
    for (int i = 0; i < n; i++) {
        AdExpr *v = AdAstSeq_GET(e->v.TemplateStr.values, i);
        if (v->kind == AD_Interpolation_kind) {
            if (last_interp) {
                LOAD_CONST(c, loc, AdStr_FromString(""));
                nstrings++;
            }
            last_interp = 1;
        } else {
            VISIT_EXPR(c, v);
            nstrings++;
            last_interp = 0;
        }
    }
    if (last_interp) {
        LOAD_CONST(c, loc, AdStr_FromString(""));
        nstrings++;
    }
    EMIT(c, loc, BUILD_TUPLE, nstrings);
    for (int i = 0; i < n; i++) {
        AdExpr *v = AdAstSeq_GET(e->v.TemplateStr.values, i);
        if (v->kind == AD_Interpolation_kind) {
            VISIT_EXPR(c, v);
            ninterp++;
        }
    }
    EMIT(c, loc, BUILD_TUPLE, ninterp);
    EMIT0(c, loc, BUILD_TEMPLATE);
    return 0;
}

/* ---- '%'-formatting of a literal with a tuple, compiled as an f-string
 * (CPython's AST optimizer does this rewrite) ---- */

typedef struct {
    int is_lit;
    const char *s;            /* literal: bytes (with %% already collapsed) */
    size_t n;
    AdExpr *arg;              /* formatted value */
    int spec;
    char fmtspec[16];
} FmtPiece;

static int fmt_arg_parse(const char *f, size_t len, size_t *ppos, int *spec, int *flags,
                         int *width, int *prec)
{
    size_t pos = *ppos;
    int ch;
#define NEXTC do { if (pos >= len) return 0; ch = (unsigned char)f[pos++]; } while (0)
    *flags = 0;
    for (;;) {
        NEXTC;
        if (ch == '-') { *flags |= 1; continue; }
        if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') { *flags |= 2; continue; }
        break;
    }
    if ('0' <= ch && ch <= '9') {
        *width = 0;
        int digits = 0;
        while ('0' <= ch && ch <= '9') {
            *width = *width * 10 + (ch - '0');
            NEXTC;
            if (++digits >= 3)
                return 0;
        }
    }
    if (ch == '.') {
        NEXTC;
        *prec = 0;
        if ('0' <= ch && ch <= '9') {
            int digits = 0;
            while ('0' <= ch && ch <= '9') {
                *prec = *prec * 10 + (ch - '0');
                NEXTC;
                if (++digits >= 3)
                    return 0;
            }
        }
    }
#undef NEXTC
    *spec = ch;
    *ppos = pos;
    return 1;
}

/* 1 if E was compiled as an f-string, 0 if not applicable, -1 on error. */
static int optimize_format(Compiler *c, AdExpr *e)
{
    AdExpr *lhs = e->v.BinOp.left, *rhs = e->v.BinOp.right;
    if (e->v.BinOp.op != AD_Mod || lhs->kind != AD_Constant_kind ||
        lhs->v.Constant.value.kind != AD_CONST_STR || rhs->kind != AD_Tuple_kind)
        return 0;
    AdAstSeq *elts = rhs->v.Tuple.elts;
    int nelts = AdAstSeq_LEN(elts);
    for (int i = 0; i < nelts; i++)
        if (((AdExpr *)AdAstSeq_GET(elts, i))->kind == AD_Starred_kind)
            return 0;
    const char *f = lhs->v.Constant.value.v.str.data;
    size_t len = lhs->v.Constant.value.v.str.len;
    FmtPiece *pieces = calloc((size_t)nelts * 2 + 2, sizeof *pieces);
    char *buf = malloc(len + 1);
    if (!pieces || !buf) {
        free(pieces);
        free(buf);
        return comp_nomem(c);
    }
    int np = 0, cnt = 0, ok = 1;
    size_t pos = 0, bo = 0;
    for (;;) {
        size_t start = pos, bstart = bo;
        while (pos < len) {
            if (f[pos] != '%') {
                buf[bo++] = f[pos++];
            } else if (pos + 1 < len && f[pos + 1] == '%') {
                buf[bo++] = '%';
                pos += 2;
            } else {
                break;
            }
        }
        if (pos != start) {
            pieces[np].is_lit = 1;
            pieces[np].s = buf + bstart;
            pieces[np].n = bo - bstart;
            np++;
        }
        if (pos >= len)
            break;
        if (cnt >= nelts) {
            ok = 0;
            break;
        }
        pos++;
        int spec, flags, width = -1, prec = -1;
        if (!fmt_arg_parse(f, len, &pos, &spec, &flags, &width, &prec) ||
            !(spec == 's' || spec == 'r' || spec == 'a')) {
            ok = 0;
            break;
        }
        FmtPiece *p = &pieces[np++];
        p->arg = AdAstSeq_GET(elts, cnt++);
        p->spec = spec;
        char *q = p->fmtspec;
        if (!(flags & 1) && width > 0)
            *q++ = '>';
        if (width >= 0)
            q += sprintf(q, "%d", width);
        if (prec >= 0)
            q += sprintf(q, ".%d", prec);
        *q = 0;
    }
    if (ok && cnt < nelts)
        ok = 0;
    int r = 0;
    if (ok) {
        r = 1;
        CLoc loc = LOC(e);
        if (np > STACK_USE_GUIDELINE) {
            if (cg_load_const(c, loc, AdStr_FromString("")) < 0)
                r = -1;
            int i = strlist_add(&c->u->names, "join");
            if (r > 0 && (i < 0 || cg_addop(c, loc, LOAD_ATTR, (i << 1) | 1) < 0 ||
                          cg_addop(c, loc, BUILD_LIST, 0) < 0))
                r = -1;
        }
        for (int k = 0; r > 0 && k < np; k++) {
            FmtPiece *p = &pieces[k];
            if (p->is_lit) {
                if (cg_load_const(c, NO_LOC, AdStr_FromStringAndSize(p->s, (Ad_ssize_t)p->n)) < 0)
                    r = -1;
            } else {
                CLoc aloc = LOC(p->arg);
                if (cg_expr(c, p->arg) < 0 ||
                    cg_addop(c, aloc, CONVERT_VALUE, conversion_arg(p->spec)) < 0)
                    r = -1;
                else if (p->fmtspec[0]) {
                    if (cg_load_const(c, NO_LOC, AdStr_FromString(p->fmtspec)) < 0 ||
                        cg_addop(c, aloc, FORMAT_WITH_SPEC, 0) < 0)
                        r = -1;
                } else if (cg_addop(c, aloc, FORMAT_SIMPLE, 0) < 0) {
                    r = -1;
                }
            }
            if (r > 0 && np > STACK_USE_GUIDELINE && cg_addop(c, loc, LIST_APPEND, 1) < 0)
                r = -1;
        }
        if (r > 0) {
            if (np > STACK_USE_GUIDELINE) {
                if (cg_addop(c, loc, CALL, 1) < 0)
                    r = -1;
            } else if (np > 1) {
                if (cg_addop(c, loc, BUILD_STRING, np) < 0)
                    r = -1;
            } else if (np == 0) {
                if (cg_load_const(c, loc, AdStr_FromString("")) < 0)
                    r = -1;
            }
        }
    }
    free(pieces);
    free(buf);
    return r;
}

/* ---- comprehensions ---- */

typedef struct {
    StrList pushed_locals;
    StrList temp_names;
    long *temp_values;
    StrList fast_hidden;
    int cleanup, end;
} InlineState;

static int comprehension_generator(Compiler *c, CLoc loc, AdAstSeq *gens, int gen_index,
                                   int depth, AdExpr *elt, AdExpr *val, int type,
                                   int iter_on_stack);

static int add_yield(Compiler *c, CLoc loc)
{
    AdSymtableEntry *ste = c->u->ste;
    if (ste->generator && ste->coroutine)
        EMIT(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_ASYNC_GEN_WRAP);
    EMIT(c, loc, YIELD_VALUE, 0);
    EMIT(c, loc, RESUME, AD_RESUME_AFTER_YIELD);
    return 0;
}

static int comp_element(Compiler *c, AdExpr *elt, AdExpr *val, int type, int depth,
                        CLoc *elt_loc)
{
    *elt_loc = LOC(elt);
    switch (type) {
    case COMP_GENEXP:
        VISIT_EXPR(c, elt);
        CHECK(add_yield(c, *elt_loc));
        EMIT0(c, *elt_loc, POP_TOP);
        break;
    case COMP_LISTCOMP:
        VISIT_EXPR(c, elt);
        EMIT(c, *elt_loc, LIST_APPEND, depth + 1);
        break;
    case COMP_SETCOMP:
        VISIT_EXPR(c, elt);
        EMIT(c, *elt_loc, SET_ADD, depth + 1);
        break;
    case COMP_DICTCOMP:
        VISIT_EXPR(c, elt);
        VISIT_EXPR(c, val);
        *elt_loc = LOC4(elt->lineno, val->end_lineno, elt->col_offset, val->end_col_offset);
        EMIT(c, *elt_loc, MAP_ADD, depth + 1);
        break;
    }
    return 0;
}

static int sync_comprehension_generator(Compiler *c, CLoc loc, AdAstSeq *gens, int gen_index,
                                        int depth, AdExpr *elt, AdExpr *val, int type,
                                        int iter_on_stack)
{
    NEW_LABEL(c, start);
    NEW_LABEL(c, if_cleanup);
    NEW_LABEL(c, anchor);
    AdComprehension *gen = AdAstSeq_GET(gens, gen_index);
    int has_start = 1;
    if (!iter_on_stack) {
        if (gen_index == 0) {
            EMIT(c, loc, LOAD_FAST, 0);
        } else {
            AdAstSeq *elts = NULL;
            if (gen->iter->kind == AD_List_kind)
                elts = gen->iter->v.List.elts;
            else if (gen->iter->kind == AD_Tuple_kind)
                elts = gen->iter->v.Tuple.elts;
            if (AdAstSeq_LEN(elts) == 1) {
                AdExpr *e1 = AdAstSeq_GET(elts, 0);
                if (e1->kind != AD_Starred_kind) {
                    VISIT_EXPR(c, e1);
                    has_start = 0;
                }
            }
            if (has_start) {
                VISIT_EXPR(c, gen->iter);
                EMIT0(c, LOC(gen->iter), GET_ITER);
            }
        }
    }
    if (has_start) {
        depth++;
        USE_LABEL(c, start);
        JUMP_TO(c, LOC(gen->iter), FOR_ITER, anchor);
    }
    VISIT_EXPR(c, gen->target);
    for (int i = 0; i < AdAstSeq_LEN(gen->ifs); i++)
        CHECK(cg_jump_if(c, loc, AdAstSeq_GET(gen->ifs, i), if_cleanup, 0));
    if (++gen_index < AdAstSeq_LEN(gens))
        CHECK(comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type, 0));
    CLoc elt_loc = LOC(elt);
    if (gen_index >= AdAstSeq_LEN(gens))
        CHECK(comp_element(c, elt, val, type, depth, &elt_loc));
    USE_LABEL(c, if_cleanup);
    if (has_start) {
        JUMP_TO(c, elt_loc, JUMP, start);
        USE_LABEL(c, anchor);
        EMIT0(c, NO_LOC, END_FOR);
        EMIT0(c, NO_LOC, POP_ITER);
    }
    return 0;
}

static int async_comprehension_generator(Compiler *c, CLoc loc, AdAstSeq *gens, int gen_index,
                                         int depth, AdExpr *elt, AdExpr *val, int type,
                                         int iter_on_stack)
{
    NEW_LABEL(c, start);
    NEW_LABEL(c, send);
    NEW_LABEL(c, except);
    NEW_LABEL(c, if_cleanup);
    AdComprehension *gen = AdAstSeq_GET(gens, gen_index);
    if (!iter_on_stack) {
        if (gen_index == 0) {
            EMIT(c, loc, LOAD_FAST, 0);
        } else {
            VISIT_EXPR(c, gen->iter);
            EMIT0(c, LOC(gen->iter), GET_AITER);
        }
    }
    USE_LABEL(c, start);
    CHECK(cg_push_fblock(c, loc, FB_ASYNC_COMPREHENSION_GENERATOR, start, -1, NULL));
    JUMP_TO(c, loc, SETUP_FINALLY, except);
    EMIT0(c, loc, GET_ANEXT);
    LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    CHECK(cg_add_yield_from_ex(c, loc, 1, send));
    EMIT0(c, loc, POP_BLOCK);
    VISIT_EXPR(c, gen->target);
    for (int i = 0; i < AdAstSeq_LEN(gen->ifs); i++)
        CHECK(cg_jump_if(c, loc, AdAstSeq_GET(gen->ifs, i), if_cleanup, 0));
    depth++;
    if (++gen_index < AdAstSeq_LEN(gens))
        CHECK(comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type, 0));
    CLoc elt_loc = LOC(elt);
    if (gen_index >= AdAstSeq_LEN(gens))
        CHECK(comp_element(c, elt, val, type, depth, &elt_loc));
    USE_LABEL(c, if_cleanup);
    JUMP_TO(c, elt_loc, JUMP, start);
    cg_pop_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, start);
    USE_LABEL(c, except);
    JUMP_TO(c, loc, END_ASYNC_FOR, send);
    return 0;
}

static int comprehension_generator(Compiler *c, CLoc loc, AdAstSeq *gens, int gen_index,
                                   int depth, AdExpr *elt, AdExpr *val, int type,
                                   int iter_on_stack)
{
    AdComprehension *gen = AdAstSeq_GET(gens, gen_index);
    if (gen->is_async)
        return async_comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type,
                                             iter_on_stack);
    return sync_comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type,
                                        iter_on_stack);
}

static int add_fast_name(Compiler *c, CLoc loc, int op, const char *name)
{
    const char *m = comp_mangle(c, c->u->private_name, name);
    if (!m)
        return -1;
    int i = strlist_add(&c->u->varnames, m);
    if (i < 0)
        return comp_nomem(c);
    return cg_addop(c, loc, op, i);
}

static int push_inlined_state(Compiler *c, CLoc loc, AdSymtableEntry *comp, InlineState *st)
{
    CUnit *u = c->u;
    AdSymtableEntry *outer = u->ste;
    int in_class_block = outer->type == AD_BLOCK_CLASS && !u->in_inlined_comp;
    int pos = 0;
    const char *k;
    long symbol;
    while (AdSymtableEntry_NextSymbol(comp, &pos, &k, &symbol)) {
        if (k[0] == '.')
            continue;   /* the implicit iterator argument stays out */
        int scope = AD_SYMBOL_SCOPE(symbol);
        long outsymbol = AdSymtableEntry_GetSymbol(outer, k);
        int outsc = AD_SYMBOL_SCOPE(outsymbol);
        if ((scope != outsc && scope != AD_SCOPE_FREE &&
             !(scope == AD_SCOPE_CELL && outsc == AD_SCOPE_FREE)) || in_class_block) {
            int i = strlist_append(&st->temp_names, k);
            if (i < 0)
                return comp_nomem(c);
            long *tv = realloc(st->temp_values, (size_t)(i + 1) * sizeof *tv);
            if (!tv)
                return comp_nomem(c);
            st->temp_values = tv;
            tv[i] = outsymbol;
            if (compiler_map_set(&outer->symbols, k, symbol) < 0)
                return comp_nomem(c);
        }
        if ((symbol & AD_DEF_LOCAL) && !(symbol & AD_DEF_NONLOCAL)) {
            if (!AdSymtableEntry_IsFunctionLike(outer)) {
                if (strlist_index(&u->fasthidden, k) < 0) {
                    if (strlist_append(&u->fasthidden, k) < 0 ||
                        strlist_append(&st->fast_hidden, k) < 0)
                        return comp_nomem(c);
                }
            }
            CHECK(add_fast_name(c, loc, LOAD_FAST_AND_CLEAR, k));
            if (scope == AD_SCOPE_CELL) {
                if (outsc == AD_SCOPE_FREE) {
                    int i = strlist_index(&u->freevars, k);
                    EMIT(c, loc, MAKE_CELL, u->cellvars.n + (i < 0 ? 0 : i));
                } else {
                    int i = strlist_add(&u->cellvars, k);
                    if (i < 0)
                        return comp_nomem(c);
                    EMIT(c, loc, MAKE_CELL, i);
                }
            }
            if (strlist_append(&st->pushed_locals, k) < 0)
                return comp_nomem(c);
        }
    }
    if (st->pushed_locals.n) {
        EMIT(c, loc, SWAP, st->pushed_locals.n + 1);
        st->cleanup = cg_new_label(c);
        st->end = cg_new_label(c);
        if (st->cleanup < 0 || st->end < 0)
            return -1;
        JUMP_TO(c, loc, SETUP_FINALLY, st->cleanup);
    }
    u->in_inlined_comp++;
    return 0;
}

static int restore_inlined_locals(Compiler *c, CLoc loc, InlineState *st)
{
    int n = st->pushed_locals.n;
    EMIT(c, loc, SWAP, n + 1);
    for (int i = n - 1; i >= 0; i--)
        CHECK(add_fast_name(c, loc, STORE_FAST_MAYBE_NULL, st->pushed_locals.v[i]));
    return 0;
}

static void inline_state_free(InlineState *st)
{
    strlist_clear(&st->pushed_locals);
    strlist_clear(&st->temp_names);
    strlist_clear(&st->fast_hidden);
    free(st->temp_values);
}

static int pop_inlined_state(Compiler *c, CLoc loc, InlineState *st)
{
    CUnit *u = c->u;
    u->in_inlined_comp--;
    for (int i = 0; i < st->temp_names.n; i++)
        if (compiler_map_set(&u->ste->symbols, st->temp_names.v[i], st->temp_values[i]) < 0)
            return comp_nomem(c);
    if (st->pushed_locals.n) {
        EMIT0(c, NO_LOC, POP_BLOCK);
        JUMP_TO(c, NO_LOC, JUMP_NO_INTERRUPT, st->end);
        USE_LABEL(c, st->cleanup);
        EMIT(c, NO_LOC, SWAP, 2);
        EMIT0(c, NO_LOC, POP_TOP);
        CHECK(restore_inlined_locals(c, loc, st));
        EMIT(c, NO_LOC, RERAISE, 0);
        USE_LABEL(c, st->end);
        CHECK(restore_inlined_locals(c, loc, st));
    }
    for (int i = 0; i < st->fast_hidden.n; i++) {
        int j = strlist_index(&u->fasthidden, st->fast_hidden.v[i]);
        if (j >= 0) {
            memmove(&u->fasthidden.v[j], &u->fasthidden.v[j + 1],
                    (size_t)(u->fasthidden.n - j - 1) * sizeof(char *));
            u->fasthidden.n--;
        }
        if (strlist_add(&u->hidden_ever, st->fast_hidden.v[i]) < 0)
            return comp_nomem(c);
    }
    return 0;
}

int cg_wrap_in_stopiteration_handler(Compiler *c);

int cg_comprehension(Compiler *c, AdExpr *e, int type, const char *name, AdAstSeq *gens,
                     AdExpr *elt, AdExpr *val)
{
    AdSymtableEntry *entry = AdSymtable_Lookup(c->st, e);
    if (!entry)
        return comp_error(c, LOC(e), "compiler: no symtable entry for comprehension");
    int is_inlined = entry->comp_inlined;
    int is_async = entry->coroutine;
    CLoc loc = LOC(e);
    AdComprehension *outermost = AdAstSeq_GET(gens, 0);
    InlineState st;
    memset(&st, 0, sizeof st);
    int scope_type = c->u->scope_type;
    if (is_async && type != COMP_GENEXP && scope_type != SCOPE_ASYNC_FUNCTION &&
        scope_type != SCOPE_COMPREHENSION && !cg_is_top_level_await(c))
        return comp_error(c, loc, "asynchronous comprehension outside of an asynchronous function");
    if (is_inlined) {
        VISIT_EXPR(c, outermost->iter);
        EMIT0(c, LOC(outermost->iter), outermost->is_async ? GET_AITER : GET_ITER);
        if (push_inlined_state(c, loc, entry, &st) < 0) {
            inline_state_free(&st);
            return -1;
        }
    } else {
        CHECK(cg_enter_scope(c, name, SCOPE_COMPREHENSION, e, e->lineno, NULL));
        c->u->argcount = 1;
    }
    if (type != COMP_GENEXP) {
        int op = type == COMP_LISTCOMP ? BUILD_LIST : type == COMP_SETCOMP ? BUILD_SET : BUILD_MAP;
        if (cg_addop(c, loc, op, 0) < 0 || (is_inlined && cg_addop(c, loc, SWAP, 2) < 0))
            goto error;
    }
    if (comprehension_generator(c, loc, gens, 0, 0, elt, val, type, is_inlined) < 0)
        goto error;
    if (is_inlined) {
        int r = pop_inlined_state(c, loc, &st);
        inline_state_free(&st);
        return r;
    }
    if (type != COMP_GENEXP)
        EMIT0(c, LOC(e), RETURN_VALUE);
    else if (cg_wrap_in_stopiteration_handler(c) < 0)
        goto error;
    AdObject *co = cg_finish_unit(c, 1);
    if (!co)
        return -1;
    CHECK(cg_make_closure(c, loc, co, 0));
    VISIT_EXPR(c, outermost->iter);
    EMIT0(c, LOC(outermost->iter), outermost->is_async ? GET_AITER : GET_ITER);
    EMIT(c, loc, CALL, 0);
    if (is_async && type != COMP_GENEXP) {
        EMIT(c, loc, GET_AWAITABLE, 0);
        LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
        CHECK(cg_add_yield_from(c, loc, 1));
    }
    return 0;
error:
    if (is_inlined)
        inline_state_free(&st);
    else
        cg_exit_scope(c);
    return -1;
}

/* ---- the dispatcher ---- */

int cg_expr(Compiler *c, AdExpr *e)
{
    CLoc loc = LOC(e);
    switch (e->kind) {
    case AD_NamedExpr_kind:
        VISIT_EXPR(c, e->v.NamedExpr.value);
        EMIT(c, loc, COPY, 1);
        VISIT_EXPR(c, e->v.NamedExpr.target);
        return 0;
    case AD_BoolOp_kind:
        return boolop(c, e);
    case AD_BinOp_kind: {
        int r = optimize_format(c, e);
        if (r != 0)
            return r < 0 ? -1 : 0;
        VISIT_EXPR(c, e->v.BinOp.left);
    }
        VISIT_EXPR(c, e->v.BinOp.right);
        return cg_addop_binary(c, loc, e->v.BinOp.op, 0);
    case AD_UnaryOp_kind:
        VISIT_EXPR(c, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case AD_UAdd: EMIT(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_UNARY_POSITIVE); break;
        case AD_Not: EMIT0(c, loc, TO_BOOL); EMIT0(c, loc, UNARY_NOT); break;
        case AD_Invert: EMIT0(c, loc, UNARY_INVERT); break;
        case AD_USub: EMIT0(c, loc, UNARY_NEGATIVE); break;
        }
        return 0;
    case AD_Lambda_kind:
        return cg_lambda(c, e);
    case AD_IfExp_kind:
        return ifexp(c, e);
    case AD_Dict_kind:
        return dict(c, e);
    case AD_Set_kind:
        return starunpack(c, loc, e->v.Set.elts, NULL, 0, BUILD_SET, SET_ADD, SET_UPDATE, 0);
    case AD_GeneratorExp_kind:
        return cg_comprehension(c, e, COMP_GENEXP, "<genexpr>", e->v.GeneratorExp.generators,
                                e->v.GeneratorExp.elt, NULL);
    case AD_ListComp_kind:
        return cg_comprehension(c, e, COMP_LISTCOMP, "<listcomp>", e->v.ListComp.generators,
                                e->v.ListComp.elt, NULL);
    case AD_SetComp_kind:
        return cg_comprehension(c, e, COMP_SETCOMP, "<setcomp>", e->v.SetComp.generators,
                                e->v.SetComp.elt, NULL);
    case AD_DictComp_kind:
        return cg_comprehension(c, e, COMP_DICTCOMP, "<dictcomp>", e->v.DictComp.generators,
                                e->v.DictComp.key, e->v.DictComp.value);
    case AD_Yield_kind:
        if (!AdSymtableEntry_IsFunctionLike(c->u->ste))
            return comp_error(c, loc, "'yield' outside function");
        if (e->v.Yield.value)
            VISIT_EXPR(c, e->v.Yield.value);
        else
            LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
        return add_yield(c, loc);
    case AD_YieldFrom_kind:
        if (!AdSymtableEntry_IsFunctionLike(c->u->ste))
            return comp_error(c, loc, "'yield from' outside function");
        if (c->u->scope_type == SCOPE_ASYNC_FUNCTION)
            return comp_error(c, loc, "'yield from' inside async function");
        VISIT_EXPR(c, e->v.YieldFrom.value);
        EMIT0(c, loc, GET_YIELD_FROM_ITER);
        LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
        return cg_add_yield_from(c, loc, 0);
    case AD_Await_kind:
        VISIT_EXPR(c, e->v.Await.value);
        EMIT(c, loc, GET_AWAITABLE, 0);
        LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
        return cg_add_yield_from(c, loc, 1);
    case AD_Compare_kind:
        return compare(c, e);
    case AD_Call_kind:
        return call(c, e);
    case AD_Constant_kind:
        LOAD_CONST(c, loc, cg_const_from_ast(&e->v.Constant.value));
        return 0;
    case AD_JoinedStr_kind:
        return joined_str(c, e);
    case AD_TemplateStr_kind:
        return template_str(c, e);
    case AD_FormattedValue_kind:
        return formatted_value(c, e);
    case AD_Interpolation_kind:
        return interpolation(c, e);
    case AD_Attribute_kind:
        return attribute(c, e);
    case AD_Subscript_kind:
        return subscript(c, e);
    case AD_Starred_kind:
        if (e->v.Starred.ctx == AD_Store)
            return comp_error(c, loc, "starred assignment target must be in a list or tuple");
        return comp_error(c, loc, "can't use starred expression here");
    case AD_Slice_kind:
        return slice(c, e);
    case AD_Name_kind:
        if (e->v.Name.ctx == AD_Load && strcmp(e->v.Name.id, "__debug__") == 0) {
            LOAD_CONST(c, loc, Ad_NewRef(c->optimize > 0 ? Ad_False : Ad_True));
            return 0;
        }
        return cg_nameop(c, loc, e->v.Name.id, e->v.Name.ctx);
    case AD_List_kind:
        return list_or_tuple(c, e, e->v.List.elts, e->v.List.ctx, 0);
    case AD_Tuple_kind:
        return list_or_tuple(c, e, e->v.Tuple.elts, e->v.Tuple.ctx, 1);
    }
    return 0;
}
