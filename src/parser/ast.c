/* ast.c -- AST sequences and the names of node kinds and operators.
 *
 * Owns: AdAstSeq/AdAstIntSeq allocation and the spelling tables shared by
 * the dump and by error messages.
 */
#include "parser/ast.h"

AdAstSeq *AdAstSeq_New(AdArena *arena, int len)
{
    AdAstSeq *s = AdArena_Alloc(arena, sizeof(AdAstSeq) + (size_t)len * sizeof(void *));
    if (s)
        s->len = len;
    return s;
}

AdAstIntSeq *AdAstIntSeq_New(AdArena *arena, int len)
{
    AdAstIntSeq *s = AdArena_Alloc(arena, sizeof(AdAstIntSeq) + (size_t)len * sizeof(int));
    if (s)
        s->len = len;
    return s;
}

static const char *const operator_names[] = {
    NULL, "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
    "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"
};
static const char *const cmpop_names[] = {
    NULL, "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"
};
static const char *const unaryop_names[] = { NULL, "Invert", "Not", "UAdd", "USub" };
static const char *const expr_names[] = {
    NULL, "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict",
    "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield",
    "YieldFrom", "Compare", "Call", "FormattedValue", "Interpolation",
    "JoinedStr", "TemplateStr", "Constant", "Attribute", "Subscript",
    "Starred", "Name", "List", "Tuple", "Slice"
};
static const char *const stmt_names[] = {
    NULL, "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete",
    "Assign", "TypeAlias", "AugAssign", "AnnAssign", "For", "AsyncFor",
    "While", "If", "With", "AsyncWith", "Match", "Raise", "Try", "TryStar",
    "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass",
    "Break", "Continue"
};

#define NAME_OF(table, i) \
    (((int)(i) > 0 && (size_t)(i) < sizeof(table) / sizeof(table[0])) ? table[(i)] : NULL)

const char *AdAst_OperatorName(AdOperator op) { return NAME_OF(operator_names, op); }
const char *AdAst_CmpOpName(AdCmpOp op) { return NAME_OF(cmpop_names, op); }
const char *AdAst_UnaryOpName(AdUnaryOp op) { return NAME_OF(unaryop_names, op); }
const char *AdAst_ExprKindName(AdExprKind kind) { return NAME_OF(expr_names, kind); }
const char *AdAst_StmtKindName(AdStmtKind kind) { return NAME_OF(stmt_names, kind); }
