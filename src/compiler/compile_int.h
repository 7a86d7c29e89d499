/* compile_int.h -- the compiler's internals shared by codegen*.c,
 * flowgraph*.c, assemble.c and compile.c (not a public contract).
 *
 * Pipeline (per code object, as CPython 3.14 does it): codegen walks the
 * AST with the symbol table and appends instructions, pseudo instructions
 * and jump labels to an instruction sequence (CgSeq); the flow graph
 * (CfgGraph) is built from it, optimized, and turned back into a linear
 * list of real instructions; the assembler encodes code units, caches,
 * the exception table and the location table into a code object.
 */
#ifndef ADDER_COMPILER_COMPILE_INT_H
#define ADDER_COMPILER_COMPILE_INT_H

#include <stdint.h>
#include <stdio.h>

#include "compiler/compile.h"
#include "compiler/instructions.h"
#include "compiler/symtable.h"
#include "objects/code.h"
#include "objects/object.h"
#include "parser/ast.h"

/* A source location; -1 fields are unknown.  lineno -1 is "no location". */
typedef struct CLoc {
    int lineno, end_lineno, col, end_col;
} CLoc;

extern const CLoc comp_no_loc;
#define NO_LOC comp_no_loc
#define LOC_SAME(a, b) ((a).lineno == (b).lineno && (a).end_lineno == (b).end_lineno && \
                        (a).col == (b).col && (a).end_col == (b).end_col)

/* ---- growable arrays of objects and strings ---- */

typedef struct {
    AdObject **v;
    int n, cap;
} ObjList;

typedef struct {
    const char **v;
    int n, cap;
} StrList;

int objlist_append(ObjList *l, AdObject *o);      /* steals O (decref on failure) */
void objlist_clear(ObjList *l);
int strlist_index(const StrList *l, const char *s);  /* -1 when absent */
int strlist_add(StrList *l, const char *s);        /* index (appends if absent); -1 on OOM */
int strlist_append(StrList *l, const char *s);
void strlist_clear(StrList *l);

/* ---- the instruction sequence made by codegen ---- */

typedef struct {
    int op, arg;
    CLoc loc;
} CgInstr;

typedef struct {
    CgInstr *v;
    int n, cap;
    int *label_pos;             /* label id -> index of the instruction it precedes */
    int nlabels, labels_cap;
} CgSeq;

void cgseq_clear(CgSeq *s);

/* ---- the flow graph ---- */

typedef struct CfgBlock CfgBlock;

typedef struct {
    int op, arg;
    CLoc loc;
    CfgBlock *target;           /* jumps and SETUP_* */
    CfgBlock *except;           /* the handler in force (after labelling) */
} CfgInstr;

struct CfgBlock {
    CfgBlock *alloc_next;       /* every block, for freeing */
    CfgBlock *next;             /* layout order */
    CfgInstr *v;
    int n, cap;
    int hwm;                    /* slots ever written */
    uint64_t unsafe_mask;       /* locals maybe unbound at entry */
    int label;                  /* -1 none */
    int startdepth;             /* -1 unknown */
    int offset;                 /* in code units, set by the assembler */
    int predecessors;
    int visited;
    int except_handler;         /* the target of a SETUP_* */
    int preserve_lasti;
    int cold, warm;
    int reachable;
    struct ExcStack *exstack;
};

typedef struct {
    CfgBlock *entry;
    CfgBlock *all;
    CfgBlock *cur;
    int cur_label;
} CfgGraph;

/* ---- compiler units (one per code object) ---- */

enum {
    SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_ASYNC_FUNCTION, SCOPE_LAMBDA,
    SCOPE_COMPREHENSION, SCOPE_ANNOTATIONS, SCOPE_TYPEPARAMS
};

enum FBlockType {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_WITH, FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER, FB_ASYNC_COMPREHENSION_GENERATOR, FB_STOP_ITERATION
};

typedef struct {
    enum FBlockType type;
    int block;                  /* label */
    int exit;                   /* label or -1 */
    const void *datum;          /* the finally body, the handler name... */
    CLoc loc;
} FBlock;

#define MAX_FBLOCKS 21          /* CPython's CO_MAXBLOCKS */

typedef struct CUnit CUnit;
struct CUnit {
    CUnit *prev;
    AdSymtableEntry *ste;
    int scope_type;
    const char *name;
    const char *qualname;
    const char *private_name;   /* class name for mangling, or NULL */
    ObjList consts;
    StrList names, varnames, cellvars, freevars;
    StrList fasthidden;         /* names hidden as fast locals now (inlined comprehensions) */
    StrList hidden_ever;        /* every name that was (CO_FAST_HIDDEN) */
    StrList static_attrs;       /* class bodies: self.X stores in methods */
    int argcount, posonly, kwonly;
    int firstlineno;
    CgSeq seq;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    int in_inlined_comp;
    int nparams;
    /* PEP 649: annotations of a module or class body deferred to __annotate__ */
    void **deferred_annos;      /* AdStmt* (AnnAssign) */
    int ndeferred, deferred_cap;
    int *deferred_cond_index;   /* -1 or index into __conditional_annotations__ */
    int next_conditional_index;
    int in_conditional_block;
    int anno_placeholder;       /* index in seq of ANNOTATIONS_PLACEHOLDER or -1 */
};

/* The compiler. */
typedef struct Compiler {
    const char *filename;
    AdObject *filename_obj;
    AdSymtable *st;
    int future_features;
    int flags;
    int optimize;
    int interactive;
    CUnit *u;
    int nest_level;
    char **pool;                /* strings the compiler made (freed at end) */
    int npool, pool_cap;
    AdCompileError *err;
    int failed;
    AdObject *const_cache_dummy;
    AdCompileWarnFunc warn;
    void *warnctx;
} Compiler;

/* Errors: record a SyntaxError at LOC (column offsets as CPython: +1). */
int comp_error(Compiler *c, CLoc loc, const char *fmt, ...);
int comp_warn(Compiler *c, CLoc loc, const char *fmt, ...);
int comp_nomem(Compiler *c);
char *comp_strdup(Compiler *c, const char *s);
char *comp_strfmt(Compiler *c, const char *fmt, ...);
const char *comp_mangle(Compiler *c, const char *private_name, const char *name);

/* codegen.c */
AdObject *codegen_module(Compiler *c, const AdMod *mod);
int cg_add_const(Compiler *c, CUnit *u, AdObject *o);      /* steals O; index or -1 */
AdObject *cg_const_from_ast(const AdConst *k);             /* new ref */

/* flowgraph.c: optimize the unit's sequence and produce the final
 * instructions (CfgGraph with real opcodes, laid out) */
int cfg_from_seq(CfgGraph *g, const CgSeq *seq);
void cfg_free(CfgGraph *g);
int cfg_optimize(Compiler *c, CUnit *u, CfgGraph *g, AdObject **consts_out);
int cfg_finalize(Compiler *c, CUnit *u, CfgGraph *g, int code_flags, int *stackdepth,
                 int *nlocalsplus, AdObject **localsplusnames, AdObject **localspluskinds);
int cfg_const_key_equal(AdObject *a, AdObject *b);

/* assemble.c */
AdObject *assemble_code(Compiler *c, CUnit *u, CfgGraph *g, AdObject *consts, int flags,
                        int stackdepth, AdObject *lpnames, AdObject *lpkinds);

/* marshal-free helpers shared with tests */
int asm_write_varint(unsigned char *buf, unsigned int v);  /* exception table varint */

#endif /* ADDER_COMPILER_COMPILE_INT_H */
