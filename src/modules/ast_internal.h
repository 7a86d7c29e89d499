/* ast_internal.h -- shared inside the _ast module (ast_*.c).
 *
 * Owns: the description of every node class of 3.14's ast module (name,
 * base, fields with their ASDL types and their place in the C structs of
 * parser/ast.h), the module state (the classes and singletons once made),
 * and the two converters between the C tree and Python node objects.
 */
#ifndef ADDER_MODULES_AST_INTERNAL_H
#define ADDER_MODULES_AST_INTERNAL_H

#include <stddef.h>

#include "objects/object.h"
#include "parser/ast.h"

/* Which C struct a node class is stored in. */
typedef enum {
    AST_FAM_NONE = 0,      /* AST itself */
    AST_FAM_MOD, AST_FAM_STMT, AST_FAM_EXPR, AST_FAM_PATTERN,
    AST_FAM_EXCEPTHANDLER, AST_FAM_TYPE_PARAM, AST_FAM_ARGUMENTS, AST_FAM_ARG,
    AST_FAM_KEYWORD, AST_FAM_ALIAS, AST_FAM_WITHITEM, AST_FAM_COMPREHENSION,
    AST_FAM_MATCH_CASE, AST_FAM_TYPE_IGNORE,
    /* enumerations: one singleton instance per class */
    AST_FAM_EXPR_CONTEXT, AST_FAM_BOOLOP, AST_FAM_OPERATOR, AST_FAM_UNARYOP, AST_FAM_CMPOP,
    AST_FAM_COUNT
} ast_family;

typedef struct {
    const char *name;
    const char *asdl;      /* "expr", "expr?", "expr*", "expr?*", "identifier", ... */
    size_t off;            /* offset inside the C struct */
} ast_field;

typedef struct {
    const char *name;
    const char *base;      /* NULL for AST */
    ast_family fam;
    int abstract;          /* a sum type's base class (no C kind of its own) */
    int kind;              /* C kind / enum value; 0 for product types */
    size_t size;           /* sizeof the C struct */
    long kind_off;         /* offset of the C 'kind' member, -1 if none */
    long pos_off;          /* offset of lineno (4 ints follow), -1 if none */
    const ast_field *fields;
    int nfields;
} ast_node;

extern const ast_node ast_nodes[];
extern const int ast_nnodes;

/* Module state, filled by the module's init. */
typedef struct {
    int ready;
    AdObject *cls[160];        /* class of ast_nodes[i] (new refs) */
    AdObject *singleton[160];  /* instance of enumeration classes */
    AdObject *index;           /* dict: class -> int index into ast_nodes */
} ast_state;

extern ast_state ast_st;

/* Make the classes if needed; 0 or -1. */
int ast_state_init(void);

/* Index in ast_nodes of the class of OBJ walking its MRO, or -1. */
int ast_node_index_of_type(AdTypeObject *tp);

/* Index of the concrete node of family FAM with C kind KIND, or -1. */
int ast_node_find(ast_family fam, int kind);

/* C tree -> Python objects: a new reference or NULL.  OPTIMIZE -1: as
 * parsed; 0..2: the PyCF_OPTIMIZED_AST tree at that level. */
AdObject *ast_mod_to_python(const AdMod *mod, int optimize);

/* Python objects -> C tree in ARENA: NULL with an exception set on error.
 * MODE: 0 exec, 1 eval, 2 single, 3 func_type. */
AdMod *ast_mod_from_python(AdObject *obj, AdArena *arena, int mode);

/* CPython's checks on a tree made from Python objects: 0, or -1 with
 * ValueError set (ast_validate.c). */
int ast_validate(const AdMod *mod);

/* A depth guard of its own for the recursive walks (10000 nodes deep, as
 * the parser room's dump): RecursionError "maximum recursion depth
 * exceeded WHERE" past it.  Returns nonzero when the error is set. */
int ast_enter_depth(const char *where);
void ast_leave_depth(void);

#endif
