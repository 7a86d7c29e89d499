/* ast_module.h -- what compile() needs from the _ast module.
 *
 * Owns: the entry points between builtins.compile() and the Python AST
 * objects of the _ast module (ast_module.c, ast_convert.c).
 */
#ifndef ADDER_MODULES_AST_MODULE_H
#define ADDER_MODULES_AST_MODULE_H

#include <stddef.h>

#include "objects/object.h"

extern AdTypeObject AdAst_Type;

/* 1 if OBJ is an ast.AST instance. */
int AdAst_Check(AdObject *obj);

/* Parse SRC in MODE ("exec", "eval", "single", "func_type") into a tree of
 * Python ast nodes (compile() with PyCF_ONLY_AST); STR_INPUT: the source
 * was a str, so no coding cookie applies.  New ref or NULL. */
AdObject *AdAst_Parse(const char *src, size_t len, const char *filename, const char *mode, int str_input, int flags,
                      int optimize);

/* compile() of an AST object: validate and convert TREE, then compile it
 * (or return it when FLAGS has PyCF_ONLY_AST).  New ref or NULL. */
AdObject *AdAst_Compile(AdObject *tree, const char *filename, const char *mode, int flags, int optimize);

/* The _ast module. */
AdObject *AdModule_InitAst(void);

#endif
