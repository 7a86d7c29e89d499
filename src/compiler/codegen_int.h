/* codegen_int.h -- helpers shared by the codegen*.c files: emitting
 * instructions and labels into the current unit's sequence, the visitors
 * of each file, and the name resolution of the symbol table. */
#ifndef ADDER_COMPILER_CODEGEN_INT_H
#define ADDER_COMPILER_CODEGEN_INT_H

#include "compiler/compile_int.h"

#define LOC(x) ((CLoc){(x)->lineno, (x)->end_lineno, (x)->col_offset, (x)->end_col_offset})
#define LOC4(l, el, c, ec) ((CLoc){(l), (el), (c), (ec)})

int cg_addop(Compiler *c, CLoc loc, int op, int arg);
int cg_new_label(Compiler *c);
int cg_use_label(Compiler *c, int label);
int cg_load_const(Compiler *c, CLoc loc, AdObject *o);   /* steals O */
int cg_add_name(Compiler *c, StrList *l, const char *name); /* mangled; index or -1 */
int cg_nameop(Compiler *c, CLoc loc, const char *name, AdExprContext ctx);
int cg_add_name_op(Compiler *c, CLoc loc, int op, const char *name); /* op on co_names */

#define EMIT(c, loc, op, arg) do { if (cg_addop((c), (loc), (op), (arg)) < 0) return -1; } while (0)
#define EMIT0(c, loc, op) EMIT(c, loc, op, 0)
#define JUMP_TO(c, loc, op, label) EMIT(c, loc, op, label)
#define NEW_LABEL(c, name) int name = cg_new_label(c); if (name < 0) return -1
#define USE_LABEL(c, l) do { if (cg_use_label((c), (l)) < 0) return -1; } while (0)
#define CHECK(x) do { if ((x) < 0) return -1; } while (0)
#define LOAD_CONST(c, loc, o) CHECK(cg_load_const((c), (loc), (o)))
#define VISIT_EXPR(c, e) CHECK(cg_expr((c), (e)))
#define VISIT_STMTS(c, s) CHECK(cg_stmts((c), (s)))

/* codegen.c */
int cg_stmt(Compiler *c, AdStmt *s);
int cg_stmts(Compiler *c, AdAstSeq *s);
int cg_enter_scope(Compiler *c, const char *name, int scope_type, const void *key,
                   int lineno, const char *private_name);
void cg_exit_scope(Compiler *c);
AdObject *cg_finish_unit(Compiler *c, int add_none_return);  /* assembles and exits scope */
int cg_push_fblock(Compiler *c, CLoc loc, enum FBlockType t, int block, int exit,
                   const void *datum);
void cg_pop_fblock(Compiler *c, enum FBlockType t, int block);
int cg_unwind_fblock_stack(Compiler *c, CLoc *ploc, int preserve_tos, FBlock **loop);
int cg_is_top_level_await(Compiler *c);
int cg_add_yield_from(Compiler *c, CLoc loc, int await);
int cg_add_yield_from_ex(Compiler *c, CLoc loc, int await, int exit_label);
int cg_unwind_fblock(Compiler *c, CLoc *ploc, FBlock *info, int preserve_tos);
int cg_get_ref_type(Compiler *c, const char *name);
int cg_lookup_arg(StrList *l, const char *name);
int cg_make_closure(Compiler *c, CLoc loc, AdObject *co, int flags);
int cg_code_flags(Compiler *c);
AdObject *cg_docstring(Compiler *c, AdAstSeq *body);
CLoc cg_docstring_pass_loc(AdStmt *st);
int cg_is_const_expr(AdExpr *e);

/* codegen_expr.c */
int cg_expr(Compiler *c, AdExpr *e);
int cg_jump_if(Compiler *c, CLoc loc, AdExpr *e, int label, int cond);
int cg_call_helper(Compiler *c, CLoc loc, int n, AdAstSeq *args, AdAstSeq *keywords);
int cg_comprehension(Compiler *c, AdExpr *e, int type, const char *name, AdAstSeq *gens,
                     AdExpr *elt, AdExpr *val);
int cg_unpack_helper(Compiler *c, CLoc loc, AdAstSeq *elts);
int cg_assign_sequence(Compiler *c, AdAstSeq *elts, CLoc loc);
int cg_augassign(Compiler *c, AdStmt *s);
int cg_check_compare(Compiler *c, AdExpr *e);
int cg_addop_binary(Compiler *c, CLoc loc, AdOperator op, int inplace);
int cg_starunpack_helper(Compiler *c, CLoc loc, AdAstSeq *elts, int pushed, int build,
                         int add, int extend, int tuple);
int cg_visit_annexpr(Compiler *c, AdExpr *annotation);

/* codegen_func.c */
int cg_function(Compiler *c, AdStmt *s, int is_async);
int cg_lambda(Compiler *c, AdExpr *e);
int cg_class(Compiler *c, AdStmt *s);
int cg_typealias(Compiler *c, AdStmt *s);
int cg_annassign(Compiler *c, AdStmt *s);
int cg_process_deferred_annotations(Compiler *c, CLoc loc);
int cg_decorators(Compiler *c, AdAstSeq *decos);

/* codegen_stmt.c */
int cg_try(Compiler *c, AdStmt *s);
int cg_try_star(Compiler *c, AdStmt *s);
int cg_with(Compiler *c, AdStmt *s, int pos);
int cg_async_with(Compiler *c, AdStmt *s, int pos);
int cg_for(Compiler *c, AdStmt *s);
int cg_async_for(Compiler *c, AdStmt *s);
int cg_while(Compiler *c, AdStmt *s);
int cg_return(Compiler *c, AdStmt *s);
int cg_break(Compiler *c, CLoc loc);
int cg_continue(Compiler *c, CLoc loc);
int cg_import(Compiler *c, AdStmt *s);
int cg_from_import(Compiler *c, AdStmt *s);
int cg_assert(Compiler *c, AdStmt *s);
int cg_if(Compiler *c, AdStmt *s);
int cg_raise(Compiler *c, AdStmt *s);
int cg_with_except_finish(Compiler *c, int cleanup);
int cg_pop_except_and_reraise(Compiler *c, CLoc loc);

/* codegen_match.c */
int cg_match(Compiler *c, AdStmt *s);

#endif /* ADDER_COMPILER_CODEGEN_INT_H */
