/* ast.h -- the abstract syntax tree of Python 3.14.
 *
 * Owns: the node kinds and fields of 3.14's `ast` module (Parser/Python.asdl
 * of 3.14: TemplateStr/Interpolation, TypeVar defaults, TryStar, Match...),
 * the sequence types and the tagged constant values.  Every node lives in an
 * AdArena (parser/arena.h) and is freed with it.  Positions are 1-based line
 * numbers and 0-based UTF-8 byte column offsets, as in CPython.
 *
 * Conventions: a NULL sequence means an empty list; an optional child or
 * identifier that is absent is NULL.  Identifiers are NUL-terminated UTF-8
 * (NFKC-normalized when non-ASCII) stored in the arena.
 */
#ifndef ADDER_PARSER_AST_H
#define ADDER_PARSER_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "parser/arena.h"

/* ---- sequences ---- */

typedef struct AdAstSeq {
    int len;
    void *items[];
} AdAstSeq;

typedef struct AdAstIntSeq {
    int len;
    int items[];
} AdAstIntSeq;

#define AdAstSeq_LEN(s) ((s) ? (s)->len : 0)
#define AdAstSeq_GET(s, i) ((s)->items[(i)])

/* A new sequence of LEN NULL items in ARENA (NULL when out of memory). */
AdAstSeq *AdAstSeq_New(AdArena *arena, int len);
AdAstIntSeq *AdAstIntSeq_New(AdArena *arena, int len);

/* ---- constants ---- */

typedef enum {
    AD_CONST_NONE,
    AD_CONST_TRUE,
    AD_CONST_FALSE,
    AD_CONST_ELLIPSIS,
    AD_CONST_INT,      /* fits in int64: v.i */
    AD_CONST_BIGINT,   /* v.str: decimal digits, optional leading '-' */
    AD_CONST_FLOAT,    /* v.f */
    AD_CONST_COMPLEX,  /* v.f: the imaginary part; real part is 0 */
    AD_CONST_STR,      /* v.str: generalized UTF-8 (lone surrogates allowed) */
    AD_CONST_BYTES     /* v.str: raw bytes */
} AdConstKind;

typedef struct AdConst {
    AdConstKind kind;
    union {
        int64_t i;
        double f;
        struct { const char *data; size_t len; } str;
    } v;
} AdConst;

/* ---- enumerations (order as in the ASDL, starting at 1) ---- */

typedef enum { AD_Load = 1, AD_Store, AD_Del } AdExprContext;
typedef enum { AD_And = 1, AD_Or } AdBoolOp;
typedef enum {
    AD_Add = 1, AD_Sub, AD_Mult, AD_MatMult, AD_Div, AD_Mod, AD_Pow,
    AD_LShift, AD_RShift, AD_BitOr, AD_BitXor, AD_BitAnd, AD_FloorDiv
} AdOperator;
typedef enum { AD_Invert = 1, AD_Not, AD_UAdd, AD_USub } AdUnaryOp;
typedef enum {
    AD_Eq = 1, AD_NotEq, AD_Lt, AD_LtE, AD_Gt, AD_GtE, AD_Is, AD_IsNot,
    AD_In, AD_NotIn
} AdCmpOp;

typedef struct AdExpr AdExpr;
typedef struct AdStmt AdStmt;
typedef struct AdPattern AdPattern;

/* ---- small product types ---- */

typedef struct AdArg {
    const char *arg;
    AdExpr *annotation;        /* optional */
    const char *type_comment;  /* optional */
    int lineno, col_offset, end_lineno, end_col_offset;
} AdArg;

typedef struct AdArguments {
    AdAstSeq *posonlyargs;     /* AdArg* */
    AdAstSeq *args;            /* AdArg* */
    AdArg *vararg;             /* optional */
    AdAstSeq *kwonlyargs;      /* AdArg* */
    AdAstSeq *kw_defaults;     /* AdExpr* (items may be NULL) */
    AdArg *kwarg;              /* optional */
    AdAstSeq *defaults;        /* AdExpr* */
} AdArguments;

typedef struct AdKeyword {
    const char *arg;           /* optional: NULL for **kwargs */
    AdExpr *value;
    int lineno, col_offset, end_lineno, end_col_offset;
} AdKeyword;

typedef struct AdAlias {
    const char *name;
    const char *asname;        /* optional */
    int lineno, col_offset, end_lineno, end_col_offset;
} AdAlias;

typedef struct AdWithItem {
    AdExpr *context_expr;
    AdExpr *optional_vars;     /* optional */
} AdWithItem;

typedef struct AdComprehension {
    AdExpr *target;
    AdExpr *iter;
    AdAstSeq *ifs;             /* AdExpr* */
    int is_async;
} AdComprehension;

typedef struct AdExceptHandler {
    AdExpr *type;              /* optional */
    const char *name;          /* optional */
    AdAstSeq *body;            /* AdStmt* */
    int lineno, col_offset, end_lineno, end_col_offset;
} AdExceptHandler;

typedef struct AdMatchCase {
    AdPattern *pattern;
    AdExpr *guard;             /* optional */
    AdAstSeq *body;            /* AdStmt* */
} AdMatchCase;

typedef struct AdTypeIgnore {
    int lineno;
    const char *tag;
} AdTypeIgnore;

typedef enum { AD_TypeVar = 1, AD_ParamSpec, AD_TypeVarTuple } AdTypeParamKind;

typedef struct AdTypeParam {
    AdTypeParamKind kind;
    const char *name;
    AdExpr *bound;             /* TypeVar only; optional */
    AdExpr *default_value;     /* optional */
    int lineno, col_offset, end_lineno, end_col_offset;
} AdTypeParam;

/* ---- expressions ---- */

typedef enum {
    AD_BoolOp_kind = 1, AD_NamedExpr_kind, AD_BinOp_kind, AD_UnaryOp_kind,
    AD_Lambda_kind, AD_IfExp_kind, AD_Dict_kind, AD_Set_kind,
    AD_ListComp_kind, AD_SetComp_kind, AD_DictComp_kind,
    AD_GeneratorExp_kind, AD_Await_kind, AD_Yield_kind, AD_YieldFrom_kind,
    AD_Compare_kind, AD_Call_kind, AD_FormattedValue_kind,
    AD_Interpolation_kind, AD_JoinedStr_kind, AD_TemplateStr_kind,
    AD_Constant_kind, AD_Attribute_kind, AD_Subscript_kind, AD_Starred_kind,
    AD_Name_kind, AD_List_kind, AD_Tuple_kind, AD_Slice_kind
} AdExprKind;

struct AdExpr {
    AdExprKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct { AdBoolOp op; AdAstSeq *values; } BoolOp;
        struct { AdExpr *target; AdExpr *value; } NamedExpr;
        struct { AdExpr *left; AdOperator op; AdExpr *right; } BinOp;
        struct { AdUnaryOp op; AdExpr *operand; } UnaryOp;
        struct { AdArguments *args; AdExpr *body; } Lambda;
        struct { AdExpr *test; AdExpr *body; AdExpr *orelse; } IfExp;
        struct { AdAstSeq *keys; AdAstSeq *values; } Dict;  /* keys may hold NULL (**d) */
        struct { AdAstSeq *elts; } Set;
        struct { AdExpr *elt; AdAstSeq *generators; } ListComp;
        struct { AdExpr *elt; AdAstSeq *generators; } SetComp;
        struct { AdExpr *key; AdExpr *value; AdAstSeq *generators; } DictComp;
        struct { AdExpr *elt; AdAstSeq *generators; } GeneratorExp;
        struct { AdExpr *value; } Await;
        struct { AdExpr *value; } Yield;           /* value optional */
        struct { AdExpr *value; } YieldFrom;
        struct { AdExpr *left; AdAstIntSeq *ops; AdAstSeq *comparators; } Compare;
        struct { AdExpr *func; AdAstSeq *args; AdAstSeq *keywords; } Call;
        struct { AdExpr *value; int conversion; AdExpr *format_spec; } FormattedValue;
        struct { AdExpr *value; AdConst str; int conversion; AdExpr *format_spec; } Interpolation;
        struct { AdAstSeq *values; } JoinedStr;
        struct { AdAstSeq *values; } TemplateStr;
        struct { AdConst value; const char *kind; } Constant;   /* kind: "u" or NULL */
        struct { AdExpr *value; const char *attr; AdExprContext ctx; } Attribute;
        struct { AdExpr *value; AdExpr *slice; AdExprContext ctx; } Subscript;
        struct { AdExpr *value; AdExprContext ctx; } Starred;
        struct { const char *id; AdExprContext ctx; } Name;
        struct { AdAstSeq *elts; AdExprContext ctx; } List;
        struct { AdAstSeq *elts; AdExprContext ctx; } Tuple;
        struct { AdExpr *lower; AdExpr *upper; AdExpr *step; } Slice;
    } v;
};

/* ---- patterns ---- */

typedef enum {
    AD_MatchValue_kind = 1, AD_MatchSingleton_kind, AD_MatchSequence_kind,
    AD_MatchMapping_kind, AD_MatchClass_kind, AD_MatchStar_kind,
    AD_MatchAs_kind, AD_MatchOr_kind
} AdPatternKind;

struct AdPattern {
    AdPatternKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct { AdExpr *value; } MatchValue;
        struct { AdConst value; } MatchSingleton;
        struct { AdAstSeq *patterns; } MatchSequence;
        struct { AdAstSeq *keys; AdAstSeq *patterns; const char *rest; } MatchMapping;
        struct { AdExpr *cls; AdAstSeq *patterns; AdAstSeq *kwd_attrs; AdAstSeq *kwd_patterns; } MatchClass;
        struct { const char *name; } MatchStar;
        struct { AdPattern *pattern; const char *name; } MatchAs;
        struct { AdAstSeq *patterns; } MatchOr;
    } v;
};

/* ---- statements ---- */

typedef enum {
    AD_FunctionDef_kind = 1, AD_AsyncFunctionDef_kind, AD_ClassDef_kind,
    AD_Return_kind, AD_Delete_kind, AD_Assign_kind, AD_TypeAlias_kind,
    AD_AugAssign_kind, AD_AnnAssign_kind, AD_For_kind, AD_AsyncFor_kind,
    AD_While_kind, AD_If_kind, AD_With_kind, AD_AsyncWith_kind, AD_Match_kind,
    AD_Raise_kind, AD_Try_kind, AD_TryStar_kind, AD_Assert_kind,
    AD_Import_kind, AD_ImportFrom_kind, AD_Global_kind, AD_Nonlocal_kind,
    AD_Expr_kind, AD_Pass_kind, AD_Break_kind, AD_Continue_kind
} AdStmtKind;

struct AdStmt {
    AdStmtKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        /* FunctionDef and AsyncFunctionDef */
        struct {
            const char *name; AdArguments *args; AdAstSeq *body;
            AdAstSeq *decorator_list; AdExpr *returns; const char *type_comment;
            AdAstSeq *type_params;
        } FunctionDef;
        struct {
            const char *name; AdAstSeq *bases; AdAstSeq *keywords; AdAstSeq *body;
            AdAstSeq *decorator_list; AdAstSeq *type_params;
        } ClassDef;
        struct { AdExpr *value; } Return;
        struct { AdAstSeq *targets; } Delete;
        struct { AdAstSeq *targets; AdExpr *value; const char *type_comment; } Assign;
        struct { AdExpr *name; AdAstSeq *type_params; AdExpr *value; } TypeAlias;
        struct { AdExpr *target; AdOperator op; AdExpr *value; } AugAssign;
        struct { AdExpr *target; AdExpr *annotation; AdExpr *value; int simple; } AnnAssign;
        /* For and AsyncFor */
        struct { AdExpr *target; AdExpr *iter; AdAstSeq *body; AdAstSeq *orelse; const char *type_comment; } For;
        struct { AdExpr *test; AdAstSeq *body; AdAstSeq *orelse; } While;
        struct { AdExpr *test; AdAstSeq *body; AdAstSeq *orelse; } If;
        /* With and AsyncWith */
        struct { AdAstSeq *items; AdAstSeq *body; const char *type_comment; } With;
        struct { AdExpr *subject; AdAstSeq *cases; } Match;
        struct { AdExpr *exc; AdExpr *cause; } Raise;
        /* Try and TryStar */
        struct { AdAstSeq *body; AdAstSeq *handlers; AdAstSeq *orelse; AdAstSeq *finalbody; } Try;
        struct { AdExpr *test; AdExpr *msg; } Assert;
        struct { AdAstSeq *names; } Import;
        struct { const char *module; AdAstSeq *names; int level; } ImportFrom;
        struct { AdAstSeq *names; } Global;    /* const char* */
        struct { AdAstSeq *names; } Nonlocal;  /* const char* */
        struct { AdExpr *value; } Expr;
    } v;
};

/* ---- modules ---- */

typedef enum {
    AD_Module_kind = 1, AD_Interactive_kind, AD_Expression_kind, AD_FunctionType_kind
} AdModKind;

typedef struct AdMod {
    AdModKind kind;
    union {
        struct { AdAstSeq *body; AdAstSeq *type_ignores; } Module;
        struct { AdAstSeq *body; } Interactive;
        struct { AdExpr *body; } Expression;
        struct { AdAstSeq *argtypes; AdExpr *returns; } FunctionType;
    } v;
} AdMod;

/* ---- dump ---- */

/* Write `ast.dump(tree, include_attributes=True)` of MOD exactly as CPython
 * 3.14 prints it (no trailing newline).  Returns 0; -1 on a write error or
 * when out of memory; -2 when nodes nest deeper than 10000 (CPython's AST
 * construction raises RecursionError there; nothing is written). */
int AdAst_Dump(const AdMod *mod, FILE *out);

/* The same into a malloc'ed NUL-terminated string (caller frees), or NULL
 * when out of memory or too deep. */
char *AdAst_DumpToString(const AdMod *mod);

/* Python's repr() of a constant appended to a malloc'ed buffer; exposed for
 * tests.  Returns a malloc'ed string or NULL when out of memory. */
char *AdAst_ConstRepr(const AdConst *c);

/* Python's repr() of a float (shortest round-trip, '1e+16', 'inf', 'nan')
 * into BUF (at least 32 bytes). */
void AdAst_FloatRepr(double d, char *buf, size_t size);


/* The names of the operator/context enums as the ast module spells them
 * ("Add", "Load", ...); NULL for an out-of-range value. */
const char *AdAst_OperatorName(AdOperator op);
const char *AdAst_CmpOpName(AdCmpOp op);
const char *AdAst_UnaryOpName(AdUnaryOp op);
const char *AdAst_ExprKindName(AdExprKind kind);
const char *AdAst_StmtKindName(AdStmtKind kind);

#endif /* ADDER_PARSER_AST_H */
