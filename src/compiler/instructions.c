/* instructions.c -- opcode facts of CPython 3.14's instruction set (names,
 * cache sizes, arguments, jumps, stack effects), transcribed from the
 * stdlib's _opcode_metadata.py / opcode.py and dis.stack_effect. */
#include "compiler/instructions.h"

#include <stddef.h>

static const char *const op_names[AD_MAX_OPCODE + 1] = {
#define NAME_ENTRY(name, num, cache) [num] = #name,
    AD_OPCODE_LIST(NAME_ENTRY)
#undef NAME_ENTRY
};

static const unsigned char op_caches[AD_MAX_OPCODE + 1] = {
#define CACHE_ENTRY(name, num, cache) [num] = cache,
    AD_OPCODE_LIST(CACHE_ENTRY)
#undef CACHE_ENTRY
};

const char *AdOpcode_Name(int op)
{
    if (op < 0 || op > AD_MAX_OPCODE)
        return NULL;
    return op_names[op];
}

int AdOpcode_CacheEntries(int op)
{
    if (op < 0 || op > AD_MAX_OPCODE)
        return 0;
    return op_caches[op];
}

int AdOpcode_IsPseudo(int op)
{
    return op > AD_MAX_REAL_OPCODE;
}

int AdOpcode_HasArg(int op)
{
    if (op >= AD_HAVE_ARGUMENT && op < AD_MIN_INSTRUMENTED_OPCODE)
        return 1;
    switch (op) {
    case JUMP: case JUMP_IF_FALSE: case JUMP_IF_TRUE: case JUMP_NO_INTERRUPT:
    case LOAD_CLOSURE: case SETUP_CLEANUP: case SETUP_FINALLY: case SETUP_WITH:
    case STORE_FAST_MAYBE_NULL:
        return 1;
    }
    return 0;
}

int AdOpcode_HasJump(int op)
{
    switch (op) {
    case END_ASYNC_FOR: case FOR_ITER: case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT: case JUMP_FORWARD: case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: case POP_JUMP_IF_TRUE:
    case SEND: case JUMP: case JUMP_IF_FALSE: case JUMP_IF_TRUE:
    case JUMP_NO_INTERRUPT:
        return 1;
    }
    return 0;
}

int AdOpcode_StackEffect(int op, int oparg, int jump, int *ok)
{
    *ok = 1;
    switch (op) {
    case CACHE: case CHECK_EG_MATCH: case CHECK_EXC_MATCH: case FORMAT_SIMPLE:
    case GET_AITER: case GET_ITER: case RESERVED: case GET_YIELD_FROM_ITER:
    case MAKE_FUNCTION: case NOP: case NOT_TAKEN: case RETURN_VALUE:
    case SETUP_ANNOTATIONS: case TO_BOOL: case UNARY_INVERT: case UNARY_NEGATIVE:
    case UNARY_NOT: case CALL_INTRINSIC_1: case CONVERT_VALUE: case COPY_FREE_VARS:
    case DELETE_DEREF: case DELETE_FAST: case DELETE_GLOBAL: case DELETE_NAME:
    case EXTENDED_ARG: case GET_AWAITABLE: case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT: case JUMP_FORWARD:
    case LOAD_FROM_DICT_OR_DEREF: case LOAD_FROM_DICT_OR_GLOBALS: case MAKE_CELL:
    case SEND: case STORE_FAST_LOAD_FAST: case SWAP: case YIELD_VALUE: case RESUME:
    case ANNOTATIONS_PLACEHOLDER: case JUMP: case JUMP_IF_FALSE: case JUMP_IF_TRUE:
    case JUMP_NO_INTERRUPT: case POP_BLOCK:
        return 0;
    case BINARY_SLICE: case END_ASYNC_FOR: case MATCH_CLASS: case MAP_ADD:
    case DELETE_SUBSCR: case STORE_ATTR: case STORE_FAST_STORE_FAST:
        return -2;
    case BUILD_TEMPLATE: case CLEANUP_THROW: case END_FOR: case END_SEND:
    case EXIT_INIT_CHECK: case FORMAT_WITH_SPEC: case INTERPRETER_EXIT:
    case POP_EXCEPT: case POP_ITER: case POP_TOP: case BINARY_OP:
    case CALL_INTRINSIC_2: case COMPARE_OP: case CONTAINS_OP: case DELETE_ATTR:
    case DICT_MERGE: case DICT_UPDATE: case IMPORT_NAME: case IS_OP:
    case LIST_APPEND: case LIST_EXTEND: case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: case POP_JUMP_IF_TRUE:
    case RERAISE: case SET_ADD: case SET_FUNCTION_ATTRIBUTE: case SET_UPDATE:
    case STORE_DEREF: case STORE_FAST: case STORE_GLOBAL: case STORE_NAME:
    case STORE_FAST_MAYBE_NULL:
        return -1;
    case GET_ANEXT: case GET_LEN: case LOAD_BUILD_CLASS: case LOAD_LOCALS:
    case MATCH_KEYS: case MATCH_MAPPING: case MATCH_SEQUENCE: case PUSH_EXC_INFO:
    case PUSH_NULL: case RETURN_GENERATOR: case WITH_EXCEPT_START: case COPY:
    case FOR_ITER: case IMPORT_FROM: case LOAD_COMMON_CONSTANT: case LOAD_CONST:
    case LOAD_DEREF: case LOAD_FAST: case LOAD_FAST_AND_CLEAR: case LOAD_FAST_BORROW:
    case LOAD_FAST_CHECK: case LOAD_NAME: case LOAD_SMALL_INT: case LOAD_SPECIAL:
    case LOAD_CLOSURE:
        return 1;
    case LOAD_FAST_BORROW_LOAD_FAST_BORROW: case LOAD_FAST_LOAD_FAST:
        return 2;
    case CALL_FUNCTION_EX:
        return -3;
    case STORE_SUBSCR:
        return -3;
    case STORE_SLICE:
        return -4;
    case BUILD_INTERPOLATION:
        return -1 - (oparg & 1);
    case BUILD_LIST: case BUILD_SET: case BUILD_SLICE: case BUILD_STRING:
    case BUILD_TUPLE:
        return 1 - oparg;
    case BUILD_MAP:
        return 1 - 2 * oparg;
    case CALL:
        return -1 - oparg;
    case CALL_KW:
        return -2 - oparg;
    case LOAD_ATTR:
        return oparg & 1;
    case LOAD_GLOBAL:
        return 1 + (oparg & 1);
    case LOAD_SUPER_ATTR:
        return -2 + (oparg & 1);
    case RAISE_VARARGS:
        return -oparg;
    case UNPACK_EX:
        return (oparg & 0xFF) + (oparg >> 8);
    case UNPACK_SEQUENCE:
        return oparg - 1;
    case SETUP_CLEANUP:
        return jump ? 2 : 0;
    case SETUP_FINALLY: case SETUP_WITH:
        return jump ? 1 : 0;
    }
    *ok = 0;
    return 0;
}
