/* ast_nodes.c -- the node classes of 3.14's ast module as data.
 *
 * Owns: the table ast_nodes: for each class its base, the C struct that
 * holds it (parser/ast.h), its kind value and its fields in _fields order
 * with their ASDL types ("expr?" optional, "expr*" list) and offsets.  The
 * class builder (ast_module.c) and both converters (ast_convert.c) are
 * driven by this table alone.
 */
#include "modules/ast_internal.h"

#define F(S, n, t, m) {n, t, offsetof(S, m)}
#define N(fs) fs, (int)(sizeof fs / sizeof fs[0])
#define NOF NULL, 0
#define POS(S) (long)offsetof(S, lineno)
#define KIND(S) (long)offsetof(S, kind)

/* ---- mod ---- */
static const ast_field f_Module[] = {F(AdMod, "body", "stmt*", v.Module.body),
                                     F(AdMod, "type_ignores", "type_ignore*", v.Module.type_ignores)};
static const ast_field f_Interactive[] = {F(AdMod, "body", "stmt*", v.Interactive.body)};
static const ast_field f_Expression[] = {F(AdMod, "body", "expr", v.Expression.body)};
static const ast_field f_FunctionType[] = {F(AdMod, "argtypes", "expr*", v.FunctionType.argtypes),
                                           F(AdMod, "returns", "expr", v.FunctionType.returns)};

/* ---- stmt ---- */
#define S AdStmt
static const ast_field f_FunctionDef[] = {
    F(S, "name", "identifier", v.FunctionDef.name), F(S, "args", "arguments", v.FunctionDef.args),
    F(S, "body", "stmt*", v.FunctionDef.body), F(S, "decorator_list", "expr*", v.FunctionDef.decorator_list),
    F(S, "returns", "expr?", v.FunctionDef.returns), F(S, "type_comment", "string?", v.FunctionDef.type_comment),
    F(S, "type_params", "type_param*", v.FunctionDef.type_params)};
static const ast_field f_ClassDef[] = {
    F(S, "name", "identifier", v.ClassDef.name), F(S, "bases", "expr*", v.ClassDef.bases),
    F(S, "keywords", "keyword*", v.ClassDef.keywords), F(S, "body", "stmt*", v.ClassDef.body),
    F(S, "decorator_list", "expr*", v.ClassDef.decorator_list),
    F(S, "type_params", "type_param*", v.ClassDef.type_params)};
static const ast_field f_Return[] = {F(S, "value", "expr?", v.Return.value)};
static const ast_field f_Delete[] = {F(S, "targets", "expr*", v.Delete.targets)};
static const ast_field f_Assign[] = {F(S, "targets", "expr*", v.Assign.targets), F(S, "value", "expr", v.Assign.value),
                                     F(S, "type_comment", "string?", v.Assign.type_comment)};
static const ast_field f_TypeAlias[] = {F(S, "name", "expr", v.TypeAlias.name),
                                        F(S, "type_params", "type_param*", v.TypeAlias.type_params),
                                        F(S, "value", "expr", v.TypeAlias.value)};
static const ast_field f_AugAssign[] = {F(S, "target", "expr", v.AugAssign.target),
                                        F(S, "op", "operator", v.AugAssign.op),
                                        F(S, "value", "expr", v.AugAssign.value)};
static const ast_field f_AnnAssign[] = {F(S, "target", "expr", v.AnnAssign.target),
                                        F(S, "annotation", "expr", v.AnnAssign.annotation),
                                        F(S, "value", "expr?", v.AnnAssign.value),
                                        F(S, "simple", "int", v.AnnAssign.simple)};
static const ast_field f_For[] = {F(S, "target", "expr", v.For.target), F(S, "iter", "expr", v.For.iter),
                                  F(S, "body", "stmt*", v.For.body), F(S, "orelse", "stmt*", v.For.orelse),
                                  F(S, "type_comment", "string?", v.For.type_comment)};
static const ast_field f_While[] = {F(S, "test", "expr", v.While.test), F(S, "body", "stmt*", v.While.body),
                                    F(S, "orelse", "stmt*", v.While.orelse)};
static const ast_field f_If[] = {F(S, "test", "expr", v.If.test), F(S, "body", "stmt*", v.If.body),
                                 F(S, "orelse", "stmt*", v.If.orelse)};
static const ast_field f_With[] = {F(S, "items", "withitem*", v.With.items), F(S, "body", "stmt*", v.With.body),
                                   F(S, "type_comment", "string?", v.With.type_comment)};
static const ast_field f_Match[] = {F(S, "subject", "expr", v.Match.subject),
                                    F(S, "cases", "match_case*", v.Match.cases)};
static const ast_field f_Raise[] = {F(S, "exc", "expr?", v.Raise.exc), F(S, "cause", "expr?", v.Raise.cause)};
static const ast_field f_Try[] = {F(S, "body", "stmt*", v.Try.body), F(S, "handlers", "excepthandler*", v.Try.handlers),
                                  F(S, "orelse", "stmt*", v.Try.orelse), F(S, "finalbody", "stmt*", v.Try.finalbody)};
static const ast_field f_Assert[] = {F(S, "test", "expr", v.Assert.test), F(S, "msg", "expr?", v.Assert.msg)};
static const ast_field f_Import[] = {F(S, "names", "alias*", v.Import.names)};
static const ast_field f_ImportFrom[] = {F(S, "module", "identifier?", v.ImportFrom.module),
                                         F(S, "names", "alias*", v.ImportFrom.names),
                                         F(S, "level", "int?", v.ImportFrom.level)};
static const ast_field f_Global[] = {F(S, "names", "identifier*", v.Global.names)};
static const ast_field f_Nonlocal[] = {F(S, "names", "identifier*", v.Nonlocal.names)};
static const ast_field f_Expr[] = {F(S, "value", "expr", v.Expr.value)};
#undef S

/* ---- expr ---- */
#define E AdExpr
static const ast_field f_BoolOp[] = {F(E, "op", "boolop", v.BoolOp.op), F(E, "values", "expr*", v.BoolOp.values)};
static const ast_field f_NamedExpr[] = {F(E, "target", "expr", v.NamedExpr.target),
                                        F(E, "value", "expr", v.NamedExpr.value)};
static const ast_field f_BinOp[] = {F(E, "left", "expr", v.BinOp.left), F(E, "op", "operator", v.BinOp.op),
                                    F(E, "right", "expr", v.BinOp.right)};
static const ast_field f_UnaryOp[] = {F(E, "op", "unaryop", v.UnaryOp.op), F(E, "operand", "expr", v.UnaryOp.operand)};
static const ast_field f_Lambda[] = {F(E, "args", "arguments", v.Lambda.args), F(E, "body", "expr", v.Lambda.body)};
static const ast_field f_IfExp[] = {F(E, "test", "expr", v.IfExp.test), F(E, "body", "expr", v.IfExp.body),
                                    F(E, "orelse", "expr", v.IfExp.orelse)};
static const ast_field f_Dict[] = {F(E, "keys", "expr?*", v.Dict.keys), F(E, "values", "expr*", v.Dict.values)};
static const ast_field f_Set[] = {F(E, "elts", "expr*", v.Set.elts)};
static const ast_field f_ListComp[] = {F(E, "elt", "expr", v.ListComp.elt),
                                       F(E, "generators", "comprehension*", v.ListComp.generators)};
static const ast_field f_SetComp[] = {F(E, "elt", "expr", v.SetComp.elt),
                                      F(E, "generators", "comprehension*", v.SetComp.generators)};
static const ast_field f_DictComp[] = {F(E, "key", "expr", v.DictComp.key), F(E, "value", "expr", v.DictComp.value),
                                       F(E, "generators", "comprehension*", v.DictComp.generators)};
static const ast_field f_GeneratorExp[] = {F(E, "elt", "expr", v.GeneratorExp.elt),
                                           F(E, "generators", "comprehension*", v.GeneratorExp.generators)};
static const ast_field f_Await[] = {F(E, "value", "expr", v.Await.value)};
static const ast_field f_Yield[] = {F(E, "value", "expr?", v.Yield.value)};
static const ast_field f_YieldFrom[] = {F(E, "value", "expr", v.YieldFrom.value)};
static const ast_field f_Compare[] = {F(E, "left", "expr", v.Compare.left), F(E, "ops", "cmpop*", v.Compare.ops),
                                      F(E, "comparators", "expr*", v.Compare.comparators)};
static const ast_field f_Call[] = {F(E, "func", "expr", v.Call.func), F(E, "args", "expr*", v.Call.args),
                                   F(E, "keywords", "keyword*", v.Call.keywords)};
static const ast_field f_FormattedValue[] = {F(E, "value", "expr", v.FormattedValue.value),
                                             F(E, "conversion", "int", v.FormattedValue.conversion),
                                             F(E, "format_spec", "expr?", v.FormattedValue.format_spec)};
static const ast_field f_Interpolation[] = {F(E, "value", "expr", v.Interpolation.value),
                                            F(E, "str", "constant", v.Interpolation.str),
                                            F(E, "conversion", "int", v.Interpolation.conversion),
                                            F(E, "format_spec", "expr?", v.Interpolation.format_spec)};
static const ast_field f_JoinedStr[] = {F(E, "values", "expr*", v.JoinedStr.values)};
static const ast_field f_TemplateStr[] = {F(E, "values", "expr*", v.TemplateStr.values)};
static const ast_field f_Constant[] = {F(E, "value", "constant", v.Constant.value),
                                       F(E, "kind", "string?", v.Constant.kind)};
static const ast_field f_Attribute[] = {F(E, "value", "expr", v.Attribute.value),
                                        F(E, "attr", "identifier", v.Attribute.attr),
                                        F(E, "ctx", "expr_context", v.Attribute.ctx)};
static const ast_field f_Subscript[] = {F(E, "value", "expr", v.Subscript.value),
                                        F(E, "slice", "expr", v.Subscript.slice),
                                        F(E, "ctx", "expr_context", v.Subscript.ctx)};
static const ast_field f_Starred[] = {F(E, "value", "expr", v.Starred.value), F(E, "ctx", "expr_context", v.Starred.ctx)};
static const ast_field f_Name[] = {F(E, "id", "identifier", v.Name.id), F(E, "ctx", "expr_context", v.Name.ctx)};
static const ast_field f_List[] = {F(E, "elts", "expr*", v.List.elts), F(E, "ctx", "expr_context", v.List.ctx)};
static const ast_field f_Tuple[] = {F(E, "elts", "expr*", v.Tuple.elts), F(E, "ctx", "expr_context", v.Tuple.ctx)};
static const ast_field f_Slice[] = {F(E, "lower", "expr?", v.Slice.lower), F(E, "upper", "expr?", v.Slice.upper),
                                    F(E, "step", "expr?", v.Slice.step)};
#undef E

/* ---- product types ---- */
static const ast_field f_comprehension[] = {
    F(AdComprehension, "target", "expr", target), F(AdComprehension, "iter", "expr", iter),
    F(AdComprehension, "ifs", "expr*", ifs), F(AdComprehension, "is_async", "int", is_async)};
static const ast_field f_ExceptHandler[] = {F(AdExceptHandler, "type", "expr?", type),
                                            F(AdExceptHandler, "name", "identifier?", name),
                                            F(AdExceptHandler, "body", "stmt*", body)};
static const ast_field f_arguments[] = {
    F(AdArguments, "posonlyargs", "arg*", posonlyargs), F(AdArguments, "args", "arg*", args),
    F(AdArguments, "vararg", "arg?", vararg), F(AdArguments, "kwonlyargs", "arg*", kwonlyargs),
    F(AdArguments, "kw_defaults", "expr*", kw_defaults), F(AdArguments, "kwarg", "arg?", kwarg),
    F(AdArguments, "defaults", "expr*", defaults)};
static const ast_field f_arg[] = {F(AdArg, "arg", "identifier", arg), F(AdArg, "annotation", "expr?", annotation),
                                  F(AdArg, "type_comment", "string?", type_comment)};
static const ast_field f_keyword[] = {F(AdKeyword, "arg", "identifier?", arg), F(AdKeyword, "value", "expr", value)};
static const ast_field f_alias[] = {F(AdAlias, "name", "identifier", name), F(AdAlias, "asname", "identifier?", asname)};
static const ast_field f_withitem[] = {F(AdWithItem, "context_expr", "expr", context_expr),
                                       F(AdWithItem, "optional_vars", "expr?", optional_vars)};
static const ast_field f_match_case[] = {F(AdMatchCase, "pattern", "pattern", pattern),
                                         F(AdMatchCase, "guard", "expr?", guard), F(AdMatchCase, "body", "stmt*", body)};
static const ast_field f_TypeIgnore[] = {F(AdTypeIgnore, "lineno", "int", lineno), F(AdTypeIgnore, "tag", "string", tag)};

/* ---- patterns ---- */
#define P AdPattern
static const ast_field f_MatchValue[] = {F(P, "value", "expr", v.MatchValue.value)};
static const ast_field f_MatchSingleton[] = {F(P, "value", "constant", v.MatchSingleton.value)};
static const ast_field f_MatchSequence[] = {F(P, "patterns", "pattern*", v.MatchSequence.patterns)};
static const ast_field f_MatchMapping[] = {F(P, "keys", "expr*", v.MatchMapping.keys),
                                           F(P, "patterns", "pattern*", v.MatchMapping.patterns),
                                           F(P, "rest", "identifier?", v.MatchMapping.rest)};
static const ast_field f_MatchClass[] = {F(P, "cls", "expr", v.MatchClass.cls),
                                         F(P, "patterns", "pattern*", v.MatchClass.patterns),
                                         F(P, "kwd_attrs", "identifier*", v.MatchClass.kwd_attrs),
                                         F(P, "kwd_patterns", "pattern*", v.MatchClass.kwd_patterns)};
static const ast_field f_MatchStar[] = {F(P, "name", "identifier?", v.MatchStar.name)};
static const ast_field f_MatchAs[] = {F(P, "pattern", "pattern?", v.MatchAs.pattern),
                                      F(P, "name", "identifier?", v.MatchAs.name)};
static const ast_field f_MatchOr[] = {F(P, "patterns", "pattern*", v.MatchOr.patterns)};
#undef P

/* ---- type params ---- */
static const ast_field f_TypeVar[] = {F(AdTypeParam, "name", "identifier", name),
                                      F(AdTypeParam, "bound", "expr?", bound),
                                      F(AdTypeParam, "default_value", "expr?", default_value)};
static const ast_field f_ParamSpec[] = {F(AdTypeParam, "name", "identifier", name),
                                        F(AdTypeParam, "default_value", "expr?", default_value)};

#define MOD(n, k, fs) {n, "mod", AST_FAM_MOD, 0, k, sizeof(AdMod), KIND(AdMod), -1, fs}
#define STMT(n, k, fs) {n, "stmt", AST_FAM_STMT, 0, k, sizeof(AdStmt), KIND(AdStmt), POS(AdStmt), fs}
#define EXPR(n, k, fs) {n, "expr", AST_FAM_EXPR, 0, k, sizeof(AdExpr), KIND(AdExpr), POS(AdExpr), fs}
#define PAT(n, k, fs) {n, "pattern", AST_FAM_PATTERN, 0, k, sizeof(AdPattern), KIND(AdPattern), POS(AdPattern), fs}
#define ENUM(n, b, fam, k) {n, b, fam, 0, k, 0, -1, -1, NOF}
#define ABSTRACT(n, fam, pos) {n, "AST", fam, 1, 0, 0, -1, pos, NOF}

const ast_node ast_nodes[] = {
    {"AST", NULL, AST_FAM_NONE, 1, 0, 0, -1, -1, NOF},
    ABSTRACT("mod", AST_FAM_MOD, -1),
    MOD("Module", AD_Module_kind, N(f_Module)),
    MOD("Interactive", AD_Interactive_kind, N(f_Interactive)),
    MOD("Expression", AD_Expression_kind, N(f_Expression)),
    MOD("FunctionType", AD_FunctionType_kind, N(f_FunctionType)),
    ABSTRACT("stmt", AST_FAM_STMT, POS(AdStmt)),
    STMT("FunctionDef", AD_FunctionDef_kind, N(f_FunctionDef)),
    STMT("AsyncFunctionDef", AD_AsyncFunctionDef_kind, N(f_FunctionDef)),
    STMT("ClassDef", AD_ClassDef_kind, N(f_ClassDef)),
    STMT("Return", AD_Return_kind, N(f_Return)),
    STMT("Delete", AD_Delete_kind, N(f_Delete)),
    STMT("Assign", AD_Assign_kind, N(f_Assign)),
    STMT("TypeAlias", AD_TypeAlias_kind, N(f_TypeAlias)),
    STMT("AugAssign", AD_AugAssign_kind, N(f_AugAssign)),
    STMT("AnnAssign", AD_AnnAssign_kind, N(f_AnnAssign)),
    STMT("For", AD_For_kind, N(f_For)),
    STMT("AsyncFor", AD_AsyncFor_kind, N(f_For)),
    STMT("While", AD_While_kind, N(f_While)),
    STMT("If", AD_If_kind, N(f_If)),
    STMT("With", AD_With_kind, N(f_With)),
    STMT("AsyncWith", AD_AsyncWith_kind, N(f_With)),
    STMT("Match", AD_Match_kind, N(f_Match)),
    STMT("Raise", AD_Raise_kind, N(f_Raise)),
    STMT("Try", AD_Try_kind, N(f_Try)),
    STMT("TryStar", AD_TryStar_kind, N(f_Try)),
    STMT("Assert", AD_Assert_kind, N(f_Assert)),
    STMT("Import", AD_Import_kind, N(f_Import)),
    STMT("ImportFrom", AD_ImportFrom_kind, N(f_ImportFrom)),
    STMT("Global", AD_Global_kind, N(f_Global)),
    STMT("Nonlocal", AD_Nonlocal_kind, N(f_Nonlocal)),
    STMT("Expr", AD_Expr_kind, N(f_Expr)),
    STMT("Pass", AD_Pass_kind, NOF),
    STMT("Break", AD_Break_kind, NOF),
    STMT("Continue", AD_Continue_kind, NOF),
    ABSTRACT("expr", AST_FAM_EXPR, POS(AdExpr)),
    EXPR("BoolOp", AD_BoolOp_kind, N(f_BoolOp)),
    EXPR("NamedExpr", AD_NamedExpr_kind, N(f_NamedExpr)),
    EXPR("BinOp", AD_BinOp_kind, N(f_BinOp)),
    EXPR("UnaryOp", AD_UnaryOp_kind, N(f_UnaryOp)),
    EXPR("Lambda", AD_Lambda_kind, N(f_Lambda)),
    EXPR("IfExp", AD_IfExp_kind, N(f_IfExp)),
    EXPR("Dict", AD_Dict_kind, N(f_Dict)),
    EXPR("Set", AD_Set_kind, N(f_Set)),
    EXPR("ListComp", AD_ListComp_kind, N(f_ListComp)),
    EXPR("SetComp", AD_SetComp_kind, N(f_SetComp)),
    EXPR("DictComp", AD_DictComp_kind, N(f_DictComp)),
    EXPR("GeneratorExp", AD_GeneratorExp_kind, N(f_GeneratorExp)),
    EXPR("Await", AD_Await_kind, N(f_Await)),
    EXPR("Yield", AD_Yield_kind, N(f_Yield)),
    EXPR("YieldFrom", AD_YieldFrom_kind, N(f_YieldFrom)),
    EXPR("Compare", AD_Compare_kind, N(f_Compare)),
    EXPR("Call", AD_Call_kind, N(f_Call)),
    EXPR("FormattedValue", AD_FormattedValue_kind, N(f_FormattedValue)),
    EXPR("Interpolation", AD_Interpolation_kind, N(f_Interpolation)),
    EXPR("JoinedStr", AD_JoinedStr_kind, N(f_JoinedStr)),
    EXPR("TemplateStr", AD_TemplateStr_kind, N(f_TemplateStr)),
    EXPR("Constant", AD_Constant_kind, N(f_Constant)),
    EXPR("Attribute", AD_Attribute_kind, N(f_Attribute)),
    EXPR("Subscript", AD_Subscript_kind, N(f_Subscript)),
    EXPR("Starred", AD_Starred_kind, N(f_Starred)),
    EXPR("Name", AD_Name_kind, N(f_Name)),
    EXPR("List", AD_List_kind, N(f_List)),
    EXPR("Tuple", AD_Tuple_kind, N(f_Tuple)),
    EXPR("Slice", AD_Slice_kind, N(f_Slice)),
    ABSTRACT("expr_context", AST_FAM_EXPR_CONTEXT, -1),
    ENUM("Load", "expr_context", AST_FAM_EXPR_CONTEXT, AD_Load),
    ENUM("Store", "expr_context", AST_FAM_EXPR_CONTEXT, AD_Store),
    ENUM("Del", "expr_context", AST_FAM_EXPR_CONTEXT, AD_Del),
    ABSTRACT("boolop", AST_FAM_BOOLOP, -1),
    ENUM("And", "boolop", AST_FAM_BOOLOP, AD_And),
    ENUM("Or", "boolop", AST_FAM_BOOLOP, AD_Or),
    ABSTRACT("operator", AST_FAM_OPERATOR, -1),
    ENUM("Add", "operator", AST_FAM_OPERATOR, AD_Add),
    ENUM("Sub", "operator", AST_FAM_OPERATOR, AD_Sub),
    ENUM("Mult", "operator", AST_FAM_OPERATOR, AD_Mult),
    ENUM("MatMult", "operator", AST_FAM_OPERATOR, AD_MatMult),
    ENUM("Div", "operator", AST_FAM_OPERATOR, AD_Div),
    ENUM("Mod", "operator", AST_FAM_OPERATOR, AD_Mod),
    ENUM("Pow", "operator", AST_FAM_OPERATOR, AD_Pow),
    ENUM("LShift", "operator", AST_FAM_OPERATOR, AD_LShift),
    ENUM("RShift", "operator", AST_FAM_OPERATOR, AD_RShift),
    ENUM("BitOr", "operator", AST_FAM_OPERATOR, AD_BitOr),
    ENUM("BitXor", "operator", AST_FAM_OPERATOR, AD_BitXor),
    ENUM("BitAnd", "operator", AST_FAM_OPERATOR, AD_BitAnd),
    ENUM("FloorDiv", "operator", AST_FAM_OPERATOR, AD_FloorDiv),
    ABSTRACT("unaryop", AST_FAM_UNARYOP, -1),
    ENUM("Invert", "unaryop", AST_FAM_UNARYOP, AD_Invert),
    ENUM("Not", "unaryop", AST_FAM_UNARYOP, AD_Not),
    ENUM("UAdd", "unaryop", AST_FAM_UNARYOP, AD_UAdd),
    ENUM("USub", "unaryop", AST_FAM_UNARYOP, AD_USub),
    ABSTRACT("cmpop", AST_FAM_CMPOP, -1),
    ENUM("Eq", "cmpop", AST_FAM_CMPOP, AD_Eq),
    ENUM("NotEq", "cmpop", AST_FAM_CMPOP, AD_NotEq),
    ENUM("Lt", "cmpop", AST_FAM_CMPOP, AD_Lt),
    ENUM("LtE", "cmpop", AST_FAM_CMPOP, AD_LtE),
    ENUM("Gt", "cmpop", AST_FAM_CMPOP, AD_Gt),
    ENUM("GtE", "cmpop", AST_FAM_CMPOP, AD_GtE),
    ENUM("Is", "cmpop", AST_FAM_CMPOP, AD_Is),
    ENUM("IsNot", "cmpop", AST_FAM_CMPOP, AD_IsNot),
    ENUM("In", "cmpop", AST_FAM_CMPOP, AD_In),
    ENUM("NotIn", "cmpop", AST_FAM_CMPOP, AD_NotIn),
    {"comprehension", "AST", AST_FAM_COMPREHENSION, 0, 0, sizeof(AdComprehension), -1, -1, N(f_comprehension)},
    ABSTRACT("excepthandler", AST_FAM_EXCEPTHANDLER, POS(AdExceptHandler)),
    {"ExceptHandler", "excepthandler", AST_FAM_EXCEPTHANDLER, 0, 0, sizeof(AdExceptHandler), -1,
     POS(AdExceptHandler), N(f_ExceptHandler)},
    {"arguments", "AST", AST_FAM_ARGUMENTS, 0, 0, sizeof(AdArguments), -1, -1, N(f_arguments)},
    {"arg", "AST", AST_FAM_ARG, 0, 0, sizeof(AdArg), -1, POS(AdArg), N(f_arg)},
    {"keyword", "AST", AST_FAM_KEYWORD, 0, 0, sizeof(AdKeyword), -1, POS(AdKeyword), N(f_keyword)},
    {"alias", "AST", AST_FAM_ALIAS, 0, 0, sizeof(AdAlias), -1, POS(AdAlias), N(f_alias)},
    {"withitem", "AST", AST_FAM_WITHITEM, 0, 0, sizeof(AdWithItem), -1, -1, N(f_withitem)},
    {"match_case", "AST", AST_FAM_MATCH_CASE, 0, 0, sizeof(AdMatchCase), -1, -1, N(f_match_case)},
    ABSTRACT("pattern", AST_FAM_PATTERN, POS(AdPattern)),
    PAT("MatchValue", AD_MatchValue_kind, N(f_MatchValue)),
    PAT("MatchSingleton", AD_MatchSingleton_kind, N(f_MatchSingleton)),
    PAT("MatchSequence", AD_MatchSequence_kind, N(f_MatchSequence)),
    PAT("MatchMapping", AD_MatchMapping_kind, N(f_MatchMapping)),
    PAT("MatchClass", AD_MatchClass_kind, N(f_MatchClass)),
    PAT("MatchStar", AD_MatchStar_kind, N(f_MatchStar)),
    PAT("MatchAs", AD_MatchAs_kind, N(f_MatchAs)),
    PAT("MatchOr", AD_MatchOr_kind, N(f_MatchOr)),
    ABSTRACT("type_ignore", AST_FAM_TYPE_IGNORE, -1),
    {"TypeIgnore", "type_ignore", AST_FAM_TYPE_IGNORE, 0, 0, sizeof(AdTypeIgnore), -1, -1, N(f_TypeIgnore)},
    ABSTRACT("type_param", AST_FAM_TYPE_PARAM, POS(AdTypeParam)),
    {"TypeVar", "type_param", AST_FAM_TYPE_PARAM, 0, AD_TypeVar, sizeof(AdTypeParam), KIND(AdTypeParam),
     POS(AdTypeParam), N(f_TypeVar)},
    {"ParamSpec", "type_param", AST_FAM_TYPE_PARAM, 0, AD_ParamSpec, sizeof(AdTypeParam), KIND(AdTypeParam),
     POS(AdTypeParam), N(f_ParamSpec)},
    {"TypeVarTuple", "type_param", AST_FAM_TYPE_PARAM, 0, AD_TypeVarTuple, sizeof(AdTypeParam), KIND(AdTypeParam),
     POS(AdTypeParam), N(f_ParamSpec)},
};

const int ast_nnodes = (int)(sizeof ast_nodes / sizeof ast_nodes[0]);
