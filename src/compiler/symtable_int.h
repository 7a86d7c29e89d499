/* symtable_int.h -- what the symbol table's files share (private to
 * src/compiler/symtable*.c).
 *
 * Owns: the AdSymtable record, the name map operations used both as
 * ordered dicts (name -> flags) and as sets during the analysis, and the
 * error helpers that fill an AdParseError.
 */
#ifndef ADDER_COMPILER_SYMTABLE_INT_H
#define ADDER_COMPILER_SYMTABLE_INT_H

#include "compiler/symtable.h"
#include "parser/arena.h"

struct AdNameMapItem {
    const char *name;   /* NULL once deleted */
    unsigned hash;
    long value;
};

/* A global/nonlocal directive: where the name was declared. */
struct AdSymDirective {
    const char *name;   /* mangled */
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* A source range (AST positions: 1-based lines, 0-based byte columns). */
typedef struct {
    int lineno, col_offset, end_lineno, end_col_offset;
} symtable_loc;

struct AdSymtable {
    AdArena *arena;            /* made-up names (".0", mangled names...) */
    const char *filename;
    AdParseError *err;         /* where errors go */
    int features;              /* AD_FUTURE_* and AD_CF_* */
    symtable_loc future_loc;   /* the last `from __future__` statement */
    AdSymtableEntry *top;
    AdSymtableEntry *cur;      /* the block being visited */
    AdSymtableEntry **stack;   /* open blocks, innermost last */
    int nstack, stack_cap;
    AdNameMap *global;         /* the module's symbols */
    const char *private_name;  /* enclosing class name, for mangling */
    int depth;                 /* recursion guard */
    /* every entry, for lookup by key and for freeing */
    AdSymtableEntry **entries;
    int nentries, entries_cap;
    const void **keys;         /* hash index: keys[i] -> entries[vals[i]] */
    int *key_vals;
    int key_size;
    AdNameMap **owned_maps;    /* mangled-name sets */
    int nowned, owned_cap;
};

/* ---- name maps (symtable_map.c) ---- */
/* All return -1 when out of memory. */
void compiler_map_init(AdNameMap *m);
void compiler_map_clear(AdNameMap *m);
/* Index of NAME's item or -1. */
int compiler_map_find(const AdNameMap *m, const char *name);
int compiler_map_contains(const AdNameMap *m, const char *name);
long compiler_map_get(const AdNameMap *m, const char *name, long dflt);
int compiler_map_set(AdNameMap *m, const char *name, long value);
/* Remove NAME; returns 1 if it was there, 0 if not. */
int compiler_map_discard(AdNameMap *m, const char *name);
/* DST |= SRC (values of new names copied). */
int compiler_map_update(AdNameMap *dst, const AdNameMap *src);
int compiler_map_copy(AdNameMap *dst, const AdNameMap *src);
/* Iterate live items: *pos starts at 0. */
int compiler_map_next(const AdNameMap *m, int *pos, const char **name, long *value);

/* ---- errors (symtable.c) ---- */
/* Set a SyntaxError with MSG (printf format) at LOC (AST columns). */
int compiler_st_error(AdSymtable *st, symtable_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int compiler_st_nomem(AdSymtable *st);

/* ---- blocks and definitions (symtable.c) ---- */
symtable_loc compiler_st_loc(int lineno, int col, int end_lineno, int end_col);
/* Grow *ARR (elements of ELEM bytes, capacity *CAP) to hold NEED; -1 if OOM. */
int compiler_st_grow(void **arr, int *cap, int need, size_t elem);
/* A new block, registered under KEY but not entered (CPython's ste_new). */
AdSymtableEntry *compiler_st_new_entry(AdSymtable *st, const char *name, AdBlockType type,
                                       const void *key, symtable_loc loc);
/* Push STE; ADD_TO_CHILDREN appends it to the current block's children. */
int compiler_st_enter_existing(AdSymtable *st, AdSymtableEntry *ste, int add_to_children);
/* New block + enter; annotation/type-alias/type-variable blocks get the
 * hidden ".format" parameter. */
int compiler_st_enter_block(AdSymtable *st, const char *name, AdBlockType type,
                            const void *key, symtable_loc loc);
int compiler_st_exit_block(AdSymtable *st);
int compiler_st_is_docstring_body(AdAstSeq *body);
/* NAME's flags in STE as the current block would spell it (mangled);
 * *FAILED set on out of memory. */
long compiler_st_lookup_in(AdSymtable *st, AdSymtableEntry *ste, const char *name,
                           int *failed);
/* Record FLAG for NAME in STE / in the current block (checking __debug__
 * for bindings, CTX as in the AST). */
int compiler_st_add_def_in(AdSymtable *st, const char *name, int flag,
                           AdSymtableEntry *ste, symtable_loc loc);
int compiler_st_add_def_ctx(AdSymtable *st, const char *name, int flag, symtable_loc loc,
                            AdExprContext ctx);
int compiler_st_add_def(AdSymtable *st, const char *name, int flag, symtable_loc loc);
/* SyntaxError for assigning/deleting __debug__; 0 otherwise. */
int compiler_st_check_name(AdSymtable *st, const char *name, symtable_loc loc,
                           AdExprContext ctx);
/* Remember where a global/nonlocal declaration of NAME is. */
int compiler_st_record_directive(AdSymtable *st, const char *name, symtable_loc loc);

/* ---- the visit (symtable_visit.c) ---- */
int compiler_st_visit_stmts(AdSymtable *st, AdAstSeq *seq);
int compiler_st_visit_expr(AdSymtable *st, AdExpr *e);

/* ---- the analysis pass (symtable_analyze.c) ---- */
/* Returns 0 on success, -1 with the error set. */
int compiler_st_analyze(AdSymtable *st);

#endif /* ADDER_COMPILER_SYMTABLE_INT_H */
