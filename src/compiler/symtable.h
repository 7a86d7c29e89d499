/* symtable.h -- the compiler's symbol table for Python 3.14 (public contract).
 *
 * Owns: the scopes (blocks) of a module and the facts about every name in
 * each of them, computed from the AST of parser/ast.h in two passes as
 * CPython 3.14 does: a visit that records raw flags per name and per
 * block, then an analysis that resolves every name to a scope (local,
 * global explicit/implicit, free, cell), inlines list/set/dict
 * comprehensions into their parent (PEP 709) and creates the implicit
 * __class__ / __classdict__ / __conditional_annotations__ cells.  It also
 * owns the `from __future__` scan (features and its errors) and private
 * name mangling, and the test hook behind `adder -X dump_symtable FILE`.
 *
 * Blocks: module, class, function (def, async def, lambda, every
 * comprehension, generator expressions), annotation (PEP 649/749
 * __annotate__ scopes), type alias, type parameters and type variable
 * (PEP 695 lazy bound/constraint/default) scopes.
 *
 * Memory: an AdSymtable owns everything it hands out (entries, names it
 * made up such as ".0" or mangled names) and frees it in AdSymtable_Free.
 * It keeps pointers into the AST (identifiers, keys), so the AST's arena
 * must outlive the table.  The symtable uses plain C: no objects.
 *
 * Errors are the SyntaxErrors CPython 3.14's symtable (and future.c)
 * raises, in an AdParseError record (parser/parser.h) with CPython's
 * message, lineno, offset, end_lineno, end_offset (offsets are the
 * UTF-8 byte column + 1, exactly as CPython reports them for symtable
 * errors).  The record's `text` is left NULL: the caller fills in the
 * source line if it prints a traceback.
 */
#ifndef ADDER_COMPILER_SYMTABLE_H
#define ADDER_COMPILER_SYMTABLE_H

#include <stdio.h>

#include "parser/ast.h"
#include "parser/parser.h"

/* ---- per-name flags (same values as CPython 3.14's _symtable) ---- */
enum {
    AD_DEF_GLOBAL = 1 << 0,      /* global statement */
    AD_DEF_LOCAL = 1 << 1,       /* assignment in code block */
    AD_DEF_PARAM = 1 << 2,       /* formal parameter */
    AD_DEF_NONLOCAL = 1 << 3,    /* nonlocal statement */
    AD_USE = 1 << 4,             /* name is used */
    AD_DEF_FREE = 1 << 5,        /* kept for CPython's numbering; never set */
    AD_DEF_FREE_CLASS = 1 << 6,  /* free variable from a class's method */
    AD_DEF_IMPORT = 1 << 7,      /* assignment by import */
    AD_DEF_ANNOT = 1 << 8,       /* this name is annotated */
    AD_DEF_COMP_ITER = 1 << 9,   /* comprehension iteration variable */
    AD_DEF_TYPE_PARAM = 1 << 10, /* type parameter */
    AD_DEF_COMP_CELL = 1 << 11,  /* cell in an inlined comprehension */
    AD_DEF_BOUND = AD_DEF_LOCAL | AD_DEF_PARAM | AD_DEF_IMPORT
};

/* The resolved scope sits above the flags: (symbol >> AD_SCOPE_OFFSET) & AD_SCOPE_MASK. */
#define AD_SCOPE_OFFSET 12
#define AD_SCOPE_MASK 15
#define AD_SYMBOL_SCOPE(sym) ((int)(((sym) >> AD_SCOPE_OFFSET) & AD_SCOPE_MASK))

typedef enum AdScope {
    AD_SCOPE_NONE = 0,           /* not (yet) analysed */
    AD_SCOPE_LOCAL = 1,
    AD_SCOPE_GLOBAL_EXPLICIT = 2,
    AD_SCOPE_GLOBAL_IMPLICIT = 3,
    AD_SCOPE_FREE = 4,
    AD_SCOPE_CELL = 5
} AdScope;

/* Block types; the values are those of _symtable.TYPE_*. */
typedef enum AdBlockType {
    AD_BLOCK_FUNCTION = 0,
    AD_BLOCK_CLASS = 1,
    AD_BLOCK_MODULE = 2,
    AD_BLOCK_ANNOTATION = 3,
    AD_BLOCK_TYPE_ALIAS = 4,
    AD_BLOCK_TYPE_PARAMETERS = 5,
    AD_BLOCK_TYPE_VARIABLE = 6
} AdBlockType;

typedef enum AdComprehensionKind {
    AD_COMP_NONE = 0,
    AD_COMP_LIST = 1,
    AD_COMP_DICT = 2,
    AD_COMP_SET = 3,
    AD_COMP_GENEXP = 4
} AdComprehensionKind;

/* `from __future__` features (AdSymtable_Build's flags, AdFuture features). */
enum {
    AD_FUTURE_ANNOTATIONS = 1 << 0,    /* from __future__ import annotations */
    AD_FUTURE_BARRY_AS_BDFL = 1 << 1,  /* from __future__ import barry_as_FLUFL */
    AD_CF_ALLOW_TOP_LEVEL_AWAIT = 1 << 8 /* compile flag: await at module level */
};

/* An insertion-ordered map from identifier to a long (a set when the
 * value is unused).  Internal layout; read it with the functions below. */
typedef struct AdNameMap {
    struct AdNameMapItem *items;  /* insertion order; deleted items have name NULL */
    int len, cap;                 /* items used / allocated */
    int live;                     /* items not deleted */
    int *index;                   /* open-addressing hash index into items */
    int index_size;               /* power of two (0 when empty) */
} AdNameMap;

typedef struct AdSymtableEntry AdSymtableEntry;

/* One block.  Fields are read-only for users of the table. */
struct AdSymtableEntry {
    AdBlockType type;
    const char *name;          /* "top", function/class name, "lambda", "listcomp",
                                  "genexpr", "__annotate__", type variable name... */
    const void *key;           /* the AST node the block belongs to (see AdSymtable_Lookup) */
    int lineno, col_offset, end_lineno, end_col_offset;
    AdNameMap symbols;         /* name -> flags | scope << AD_SCOPE_OFFSET */
    const char **varnames;     /* parameters in CPython's order: posonly, args,
                                  kwonly, *args, **kwargs (".0", ".format", ".defaults"...) */
    int nvarnames, varnames_cap;
    AdSymtableEntry **children;  /* nested blocks in source order; after the
                                    analysis inlined comprehensions are replaced
                                    by their own children, as in CPython */
    int nchildren, children_cap;
    AdSymtableEntry *annotation_block; /* the __annotate__ block of a module,
                                          class or function body, or NULL */
    const char *scope_info;    /* type variable blocks: "a TypeVar bound", ... */
    AdComprehensionKind comprehension;
    int nested;                /* inside a function-like block */
    int generator, coroutine;  /* contains yield / await (or is async) */
    int varargs, varkeywords;  /* has *args / **kwargs */
    int returns_value;         /* has `return VALUE` */
    int needs_class_closure;   /* class: a method uses __class__ (implicit cell) */
    int needs_classdict;       /* class: an inner scope uses __classdict__ */
    int has_conditional_annotations; /* module/class: __conditional_annotations__ cell */
    int comp_inlined;          /* comprehension inlined into its parent (PEP 709) */
    int can_see_class_scope;   /* annotation/type scope directly inside a class */
    int has_docstring;
    int method;                /* function directly inside a class */
    int annotations_used;
    /* Working state of the first pass (meaningless afterwards). */
    int comp_iter_target, comp_iter_expr, in_conditional_block,
        in_unevaluated_annotation;
    AdNameMap *mangled_names;  /* generic class type-param scopes: names to mangle */
    struct AdSymDirective *directives;  /* global/nonlocal locations */
    int ndirectives, directives_cap;
};

typedef struct AdSymtable AdSymtable;

/* Build the symbol table of MOD (Module, Interactive or Expression).
 * FILENAME is recorded in errors (NULL -> "<string>").  FLAGS: AD_FUTURE_*
 * features already in force (compile() inheritance) and
 * AD_CF_ALLOW_TOP_LEVEL_AWAIT; the module's own `from __future__` imports
 * are scanned here.  Returns the table, or NULL with *ERR filled
 * (SyntaxError, or MemoryError); release ERR with AdParseError_Clear. */
AdSymtable *AdSymtable_Build(const AdMod *mod, const char *filename, int flags,
                             AdParseError *err);

/* Free the table and everything it owns.  NULL is a no-op. */
void AdSymtable_Free(AdSymtable *st);

/* The module block. */
AdSymtableEntry *AdSymtable_Top(const AdSymtable *st);

/* The features in force: AD_FUTURE_* bits (given and imported). */
int AdSymtable_Features(const AdSymtable *st);

/* The block whose key is KEY, or NULL.  Keys: the FunctionDef /
 * AsyncFunctionDef / ClassDef / TypeAlias statement; the Lambda,
 * GeneratorExp, ListComp, SetComp, DictComp expression; the module; a
 * def/class/type statement's type_params sequence (type parameters block);
 * an AdTypeParam (bound/constraint, or default of a ParamSpec /
 * TypeVarTuple) or the AdTypeParam pointer + 1 (a TypeVar's default); the
 * function's AdArguments (its __annotate__ block).  The __annotate__ block
 * of a module or class body is its entry's annotation_block. */
AdSymtableEntry *AdSymtable_Lookup(const AdSymtable *st, const void *key);

/* The flags and scope of NAME in STE (0 if absent). */
long AdSymtableEntry_GetSymbol(const AdSymtableEntry *ste, const char *name);
/* The resolved scope of NAME in STE (AD_SCOPE_NONE if absent). */
AdScope AdSymtableEntry_GetScope(const AdSymtableEntry *ste, const char *name);
/* Is STE a function, annotation, type alias, type parameters or type
 * variable block (one with fast locals)? */
int AdSymtableEntry_IsFunctionLike(const AdSymtableEntry *ste);

/* The names that become co_cellvars / co_freevars of STE's code object,
 * in CPython's order: cells are the parameters that are cells (scope CELL
 * or AD_DEF_COMP_CELL) in parameter order, then the other such names
 * sorted, then __class__, __classdict__, __conditional_annotations__ when
 * the block needs them (the compiler still places the iteration variables
 * of inlined comprehensions, which become fast locals too); frees are the
 * sorted names whose scope is FREE or that carry AD_DEF_FREE_CLASS.
 * Returns a malloc'ed array (caller frees the array only; the strings
 * belong to the table) and its length in *N; NULL with *N = 0 when empty,
 * NULL with *N = -1 when out of memory. */
const char **AdSymtableEntry_CellVars(const AdSymtableEntry *ste, int *n);
const char **AdSymtableEntry_FreeVars(const AdSymtableEntry *ste, int *n);

/* Iterate STE's symbols in insertion order: start with *POS = 0; returns
 * 1 and sets *NAME and *FLAGS for each, 0 at the end. */
int AdSymtableEntry_NextSymbol(const AdSymtableEntry *ste, int *pos,
                               const char **name, long *flags);

/* Private name mangling as CPython does it: "__spam" in class "Ham"
 * becomes "_Ham__spam" (not for dunder names, dotted names, or a class
 * name of only underscores).  Returns NAME itself when nothing changes,
 * else a malloc'ed string (caller frees) -- compare the pointers; NULL
 * when out of memory. */
char *AdSymtable_Mangle(const char *private_name, const char *name);

/* Test hook for `adder -X dump_symtable FILE`: parse the file, build its
 * table and print every block and symbol (format in symtable_dump.c, the
 * same as tests/symtable/dump_symtable.py prints with CPython's symtable
 * module), returning 0; on a SyntaxError (parser or symtable) print one
 * line "Type|msg|lineno|offset|end_lineno|end_offset" to OUT and return 1;
 * if the file cannot be read, print a message to ERR and return 2. */
int AdSymtable_DumpFile(const char *path, FILE *out, FILE *err);

/* Print the table (as AdSymtable_DumpFile does on success) to OUT. */
void AdSymtable_Dump(const AdSymtable *st, FILE *out);

#endif /* ADDER_COMPILER_SYMTABLE_H */
