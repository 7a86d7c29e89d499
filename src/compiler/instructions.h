/* instructions.h -- the instruction set of CPython 3.14 as Adder uses it:
 * opcode numbers, names, inline cache sizes (from the stdlib's
 * _opcode_metadata.py and opcode.py: facts, transcribed), the compiler's
 * pseudo instructions (numbers >= 256, as _opcode_metadata numbers them),
 * and the per-opcode facts the compiler needs (argument, jump, stack
 * effect).  Shared by the compiler and the evaluation loop.
 */
#ifndef ADDER_COMPILER_INSTRUCTIONS_H
#define ADDER_COMPILER_INSTRUCTIONS_H

/* X(NAME, NUMBER, CACHE_ENTRIES) for every real and pseudo opcode. */
#define AD_OPCODE_LIST(X) \
    X(CACHE, 0, 0) \
    X(BINARY_SLICE, 1, 0) \
    X(BUILD_TEMPLATE, 2, 0) \
    X(CALL_FUNCTION_EX, 4, 0) \
    X(CHECK_EG_MATCH, 5, 0) \
    X(CHECK_EXC_MATCH, 6, 0) \
    X(CLEANUP_THROW, 7, 0) \
    X(DELETE_SUBSCR, 8, 0) \
    X(END_FOR, 9, 0) \
    X(END_SEND, 10, 0) \
    X(EXIT_INIT_CHECK, 11, 0) \
    X(FORMAT_SIMPLE, 12, 0) \
    X(FORMAT_WITH_SPEC, 13, 0) \
    X(GET_AITER, 14, 0) \
    X(GET_ANEXT, 15, 0) \
    X(GET_ITER, 16, 0) \
    X(RESERVED, 17, 0) \
    X(GET_LEN, 18, 0) \
    X(GET_YIELD_FROM_ITER, 19, 0) \
    X(INTERPRETER_EXIT, 20, 0) \
    X(LOAD_BUILD_CLASS, 21, 0) \
    X(LOAD_LOCALS, 22, 0) \
    X(MAKE_FUNCTION, 23, 0) \
    X(MATCH_KEYS, 24, 0) \
    X(MATCH_MAPPING, 25, 0) \
    X(MATCH_SEQUENCE, 26, 0) \
    X(NOP, 27, 0) \
    X(NOT_TAKEN, 28, 0) \
    X(POP_EXCEPT, 29, 0) \
    X(POP_ITER, 30, 0) \
    X(POP_TOP, 31, 0) \
    X(PUSH_EXC_INFO, 32, 0) \
    X(PUSH_NULL, 33, 0) \
    X(RETURN_GENERATOR, 34, 0) \
    X(RETURN_VALUE, 35, 0) \
    X(SETUP_ANNOTATIONS, 36, 0) \
    X(STORE_SLICE, 37, 0) \
    X(STORE_SUBSCR, 38, 1) \
    X(TO_BOOL, 39, 3) \
    X(UNARY_INVERT, 40, 0) \
    X(UNARY_NEGATIVE, 41, 0) \
    X(UNARY_NOT, 42, 0) \
    X(WITH_EXCEPT_START, 43, 0) \
    X(BINARY_OP, 44, 5) \
    X(BUILD_INTERPOLATION, 45, 0) \
    X(BUILD_LIST, 46, 0) \
    X(BUILD_MAP, 47, 0) \
    X(BUILD_SET, 48, 0) \
    X(BUILD_SLICE, 49, 0) \
    X(BUILD_STRING, 50, 0) \
    X(BUILD_TUPLE, 51, 0) \
    X(CALL, 52, 3) \
    X(CALL_INTRINSIC_1, 53, 0) \
    X(CALL_INTRINSIC_2, 54, 0) \
    X(CALL_KW, 55, 3) \
    X(COMPARE_OP, 56, 1) \
    X(CONTAINS_OP, 57, 1) \
    X(CONVERT_VALUE, 58, 0) \
    X(COPY, 59, 0) \
    X(COPY_FREE_VARS, 60, 0) \
    X(DELETE_ATTR, 61, 0) \
    X(DELETE_DEREF, 62, 0) \
    X(DELETE_FAST, 63, 0) \
    X(DELETE_GLOBAL, 64, 0) \
    X(DELETE_NAME, 65, 0) \
    X(DICT_MERGE, 66, 0) \
    X(DICT_UPDATE, 67, 0) \
    X(END_ASYNC_FOR, 68, 0) \
    X(EXTENDED_ARG, 69, 0) \
    X(FOR_ITER, 70, 1) \
    X(GET_AWAITABLE, 71, 0) \
    X(IMPORT_FROM, 72, 0) \
    X(IMPORT_NAME, 73, 0) \
    X(IS_OP, 74, 0) \
    X(JUMP_BACKWARD, 75, 1) \
    X(JUMP_BACKWARD_NO_INTERRUPT, 76, 0) \
    X(JUMP_FORWARD, 77, 0) \
    X(LIST_APPEND, 78, 0) \
    X(LIST_EXTEND, 79, 0) \
    X(LOAD_ATTR, 80, 9) \
    X(LOAD_COMMON_CONSTANT, 81, 0) \
    X(LOAD_CONST, 82, 0) \
    X(LOAD_DEREF, 83, 0) \
    X(LOAD_FAST, 84, 0) \
    X(LOAD_FAST_AND_CLEAR, 85, 0) \
    X(LOAD_FAST_BORROW, 86, 0) \
    X(LOAD_FAST_BORROW_LOAD_FAST_BORROW, 87, 0) \
    X(LOAD_FAST_CHECK, 88, 0) \
    X(LOAD_FAST_LOAD_FAST, 89, 0) \
    X(LOAD_FROM_DICT_OR_DEREF, 90, 0) \
    X(LOAD_FROM_DICT_OR_GLOBALS, 91, 0) \
    X(LOAD_GLOBAL, 92, 4) \
    X(LOAD_NAME, 93, 0) \
    X(LOAD_SMALL_INT, 94, 0) \
    X(LOAD_SPECIAL, 95, 0) \
    X(LOAD_SUPER_ATTR, 96, 1) \
    X(MAKE_CELL, 97, 0) \
    X(MAP_ADD, 98, 0) \
    X(MATCH_CLASS, 99, 0) \
    X(POP_JUMP_IF_FALSE, 100, 1) \
    X(POP_JUMP_IF_NONE, 101, 1) \
    X(POP_JUMP_IF_NOT_NONE, 102, 1) \
    X(POP_JUMP_IF_TRUE, 103, 1) \
    X(RAISE_VARARGS, 104, 0) \
    X(RERAISE, 105, 0) \
    X(SEND, 106, 1) \
    X(SET_ADD, 107, 0) \
    X(SET_FUNCTION_ATTRIBUTE, 108, 0) \
    X(SET_UPDATE, 109, 0) \
    X(STORE_ATTR, 110, 4) \
    X(STORE_DEREF, 111, 0) \
    X(STORE_FAST, 112, 0) \
    X(STORE_FAST_LOAD_FAST, 113, 0) \
    X(STORE_FAST_STORE_FAST, 114, 0) \
    X(STORE_GLOBAL, 115, 0) \
    X(STORE_NAME, 116, 0) \
    X(SWAP, 117, 0) \
    X(UNPACK_EX, 118, 0) \
    X(UNPACK_SEQUENCE, 119, 1) \
    X(YIELD_VALUE, 120, 0) \
    X(RESUME, 128, 0) \
    X(ANNOTATIONS_PLACEHOLDER, 256, 0) \
    X(JUMP, 257, 0) \
    X(JUMP_IF_FALSE, 258, 0) \
    X(JUMP_IF_TRUE, 259, 0) \
    X(JUMP_NO_INTERRUPT, 260, 0) \
    X(LOAD_CLOSURE, 261, 0) \
    X(POP_BLOCK, 262, 0) \
    X(SETUP_CLEANUP, 263, 0) \
    X(SETUP_FINALLY, 264, 0) \
    X(SETUP_WITH, 265, 0) \
    X(STORE_FAST_MAYBE_NULL, 266, 0) \
    /* end */

enum {
#define AD_OPCODE_ENUM(name, num, cache) name = num,
    AD_OPCODE_LIST(AD_OPCODE_ENUM)
#undef AD_OPCODE_ENUM
};

#define AD_HAVE_ARGUMENT 43
#define AD_MIN_INSTRUMENTED_OPCODE 234
#define AD_MAX_REAL_OPCODE 255
#define AD_MAX_OPCODE 267

/* BINARY_OP opargs (dis._nb_ops order). */
enum {
    AD_NB_ADD, AD_NB_AND, AD_NB_FLOOR_DIVIDE, AD_NB_LSHIFT, AD_NB_MATRIX_MULTIPLY,
    AD_NB_MULTIPLY, AD_NB_REMAINDER, AD_NB_OR, AD_NB_POWER, AD_NB_RSHIFT,
    AD_NB_SUBTRACT, AD_NB_TRUE_DIVIDE, AD_NB_XOR, AD_NB_INPLACE_ADD,
    AD_NB_INPLACE_AND, AD_NB_INPLACE_FLOOR_DIVIDE, AD_NB_INPLACE_LSHIFT,
    AD_NB_INPLACE_MATRIX_MULTIPLY, AD_NB_INPLACE_MULTIPLY, AD_NB_INPLACE_REMAINDER,
    AD_NB_INPLACE_OR, AD_NB_INPLACE_POWER, AD_NB_INPLACE_RSHIFT,
    AD_NB_INPLACE_SUBTRACT, AD_NB_INPLACE_TRUE_DIVIDE, AD_NB_INPLACE_XOR,
    AD_NB_SUBSCR
};

/* CALL_INTRINSIC_1 / CALL_INTRINSIC_2 opargs. */
enum {
    AD_INTRINSIC_1_INVALID, AD_INTRINSIC_PRINT, AD_INTRINSIC_IMPORT_STAR,
    AD_INTRINSIC_STOPITERATION_ERROR, AD_INTRINSIC_ASYNC_GEN_WRAP,
    AD_INTRINSIC_UNARY_POSITIVE, AD_INTRINSIC_LIST_TO_TUPLE, AD_INTRINSIC_TYPEVAR,
    AD_INTRINSIC_PARAMSPEC, AD_INTRINSIC_TYPEVARTUPLE,
    AD_INTRINSIC_SUBSCRIPT_GENERIC, AD_INTRINSIC_TYPEALIAS
};
enum {
    AD_INTRINSIC_2_INVALID, AD_INTRINSIC_PREP_RERAISE_STAR,
    AD_INTRINSIC_TYPEVAR_WITH_BOUND, AD_INTRINSIC_TYPEVAR_WITH_CONSTRAINTS,
    AD_INTRINSIC_SET_FUNCTION_TYPE_PARAMS, AD_INTRINSIC_SET_TYPEPARAM_DEFAULT
};

/* LOAD_COMMON_CONSTANT opargs (opcode._common_constants order). */
enum {
    AD_CONSTANT_ASSERTIONERROR, AD_CONSTANT_NOTIMPLEMENTEDERROR,
    AD_CONSTANT_BUILTIN_TUPLE, AD_CONSTANT_BUILTIN_ALL, AD_CONSTANT_BUILTIN_ANY
};

/* LOAD_SPECIAL opargs (dis._special_method_names order). */
enum { AD_SPECIAL_ENTER, AD_SPECIAL_EXIT, AD_SPECIAL_AENTER, AD_SPECIAL_AEXIT };

/* SET_FUNCTION_ATTRIBUTE flags. */
enum {
    AD_MAKE_FUNCTION_DEFAULTS = 0x01, AD_MAKE_FUNCTION_KWDEFAULTS = 0x02,
    AD_MAKE_FUNCTION_ANNOTATIONS = 0x04, AD_MAKE_FUNCTION_CLOSURE = 0x08,
    AD_MAKE_FUNCTION_ANNOTATE = 0x10
};

/* RESUME opargs (low bits: where). */
enum { AD_RESUME_AT_FUNC_START, AD_RESUME_AFTER_YIELD, AD_RESUME_AFTER_YIELD_FROM,
       AD_RESUME_AFTER_AWAIT };
#define AD_RESUME_OPARG_DEPTH1_MASK 4

/* CONVERT_VALUE / FORMAT opargs: 1 str, 2 repr, 3 ascii. */
enum { AD_FVC_NONE, AD_FVC_STR, AD_FVC_REPR, AD_FVC_ASCII };

/* The name of OP ("LOAD_FAST"), or NULL. */
const char *AdOpcode_Name(int op);
/* The number of inline cache code units after OP. */
int AdOpcode_CacheEntries(int op);
/* Facts about OP. */
int AdOpcode_HasArg(int op);
int AdOpcode_HasJump(int op);        /* including pseudo jumps and SETUP_* */
int AdOpcode_IsPseudo(int op);
/* The stack effect of OP with ARG, along the jump (JUMP=1) or the
 * fallthrough (JUMP=0) edge, as dis.stack_effect gives it.  *OK is set to
 * 0 for an unknown opcode. */
int AdOpcode_StackEffect(int op, int oparg, int jump, int *ok);

#endif /* ADDER_COMPILER_INSTRUCTIONS_H */
