/* opcode_flags.h: for each opcode of CPython 3.14 (numbers as in Lib/_opcode_metadata.py),
 * the facts _opcode reports: has_arg, has_const, has_name, has_jump, has_free, has_local,
 * has_exc (CPython's instruction-metadata flags, as 3.14's _opcode gives them). */
#define OPF_ARG 1
#define OPF_CONST 2
#define OPF_NAME 4
#define OPF_JUMP 8
#define OPF_FREE 16
#define OPF_LOCAL 32
#define OPF_EXC 64
static const struct { int op; int flags; } opcode_flags[] = {
    {0, 0}, /* CACHE */
    {1, 0}, /* BINARY_SLICE */
    {2, 0}, /* BUILD_TEMPLATE */
    {4, 0}, /* CALL_FUNCTION_EX */
    {5, 0}, /* CHECK_EG_MATCH */
    {6, 0}, /* CHECK_EXC_MATCH */
    {7, 0}, /* CLEANUP_THROW */
    {8, 0}, /* DELETE_SUBSCR */
    {9, 0}, /* END_FOR */
    {10, 0}, /* END_SEND */
    {11, 0}, /* EXIT_INIT_CHECK */
    {12, 0}, /* FORMAT_SIMPLE */
    {13, 0}, /* FORMAT_WITH_SPEC */
    {14, 0}, /* GET_AITER */
    {15, 0}, /* GET_ANEXT */
    {16, 0}, /* GET_ITER */
    {17, 0}, /* RESERVED */
    {18, 0}, /* GET_LEN */
    {19, 0}, /* GET_YIELD_FROM_ITER */
    {20, 0}, /* INTERPRETER_EXIT */
    {21, 0}, /* LOAD_BUILD_CLASS */
    {22, 0}, /* LOAD_LOCALS */
    {23, 0}, /* MAKE_FUNCTION */
    {24, 0}, /* MATCH_KEYS */
    {25, 0}, /* MATCH_MAPPING */
    {26, 0}, /* MATCH_SEQUENCE */
    {27, 0}, /* NOP */
    {28, 0}, /* NOT_TAKEN */
    {29, 0}, /* POP_EXCEPT */
    {30, 0}, /* POP_ITER */
    {31, 0}, /* POP_TOP */
    {32, 0}, /* PUSH_EXC_INFO */
    {33, 0}, /* PUSH_NULL */
    {34, 0}, /* RETURN_GENERATOR */
    {35, 0}, /* RETURN_VALUE */
    {36, 0}, /* SETUP_ANNOTATIONS */
    {37, 0}, /* STORE_SLICE */
    {38, 0}, /* STORE_SUBSCR */
    {39, 0}, /* TO_BOOL */
    {40, 0}, /* UNARY_INVERT */
    {41, 0}, /* UNARY_NEGATIVE */
    {42, 0}, /* UNARY_NOT */
    {43, 0}, /* WITH_EXCEPT_START */
    {44, OPF_ARG}, /* BINARY_OP */
    {45, OPF_ARG}, /* BUILD_INTERPOLATION */
    {46, OPF_ARG}, /* BUILD_LIST */
    {47, OPF_ARG}, /* BUILD_MAP */
    {48, OPF_ARG}, /* BUILD_SET */
    {49, OPF_ARG}, /* BUILD_SLICE */
    {50, OPF_ARG}, /* BUILD_STRING */
    {51, OPF_ARG}, /* BUILD_TUPLE */
    {52, OPF_ARG}, /* CALL */
    {53, OPF_ARG}, /* CALL_INTRINSIC_1 */
    {54, OPF_ARG}, /* CALL_INTRINSIC_2 */
    {55, OPF_ARG}, /* CALL_KW */
    {56, OPF_ARG}, /* COMPARE_OP */
    {57, OPF_ARG}, /* CONTAINS_OP */
    {58, OPF_ARG}, /* CONVERT_VALUE */
    {59, OPF_ARG}, /* COPY */
    {60, OPF_ARG}, /* COPY_FREE_VARS */
    {61, OPF_ARG | OPF_NAME}, /* DELETE_ATTR */
    {62, OPF_ARG | OPF_FREE}, /* DELETE_DEREF */
    {63, OPF_ARG | OPF_LOCAL}, /* DELETE_FAST */
    {64, OPF_ARG | OPF_NAME}, /* DELETE_GLOBAL */
    {65, OPF_ARG | OPF_NAME}, /* DELETE_NAME */
    {66, OPF_ARG}, /* DICT_MERGE */
    {67, OPF_ARG}, /* DICT_UPDATE */
    {68, OPF_ARG | OPF_JUMP}, /* END_ASYNC_FOR */
    {69, OPF_ARG}, /* EXTENDED_ARG */
    {70, OPF_ARG | OPF_JUMP}, /* FOR_ITER */
    {71, OPF_ARG}, /* GET_AWAITABLE */
    {72, OPF_ARG | OPF_NAME}, /* IMPORT_FROM */
    {73, OPF_ARG | OPF_NAME}, /* IMPORT_NAME */
    {74, OPF_ARG}, /* IS_OP */
    {75, OPF_ARG | OPF_JUMP}, /* JUMP_BACKWARD */
    {76, OPF_ARG | OPF_JUMP}, /* JUMP_BACKWARD_NO_INTERRUPT */
    {77, OPF_ARG | OPF_JUMP}, /* JUMP_FORWARD */
    {78, OPF_ARG}, /* LIST_APPEND */
    {79, OPF_ARG}, /* LIST_EXTEND */
    {80, OPF_ARG | OPF_NAME}, /* LOAD_ATTR */
    {81, OPF_ARG}, /* LOAD_COMMON_CONSTANT */
    {82, OPF_ARG | OPF_CONST}, /* LOAD_CONST */
    {83, OPF_ARG | OPF_LOCAL}, /* LOAD_DEREF */
    {84, OPF_ARG | OPF_LOCAL}, /* LOAD_FAST */
    {85, OPF_ARG | OPF_LOCAL}, /* LOAD_FAST_AND_CLEAR */
    {86, OPF_ARG | OPF_LOCAL}, /* LOAD_FAST_BORROW */
    {87, OPF_ARG | OPF_LOCAL}, /* LOAD_FAST_BORROW_LOAD_FAST_BORROW */
    {88, OPF_ARG | OPF_LOCAL}, /* LOAD_FAST_CHECK */
    {89, OPF_ARG | OPF_LOCAL}, /* LOAD_FAST_LOAD_FAST */
    {90, OPF_ARG | OPF_FREE}, /* LOAD_FROM_DICT_OR_DEREF */
    {91, OPF_ARG | OPF_NAME}, /* LOAD_FROM_DICT_OR_GLOBALS */
    {92, OPF_ARG | OPF_NAME}, /* LOAD_GLOBAL */
    {93, OPF_ARG | OPF_NAME}, /* LOAD_NAME */
    {94, OPF_ARG}, /* LOAD_SMALL_INT */
    {95, OPF_ARG}, /* LOAD_SPECIAL */
    {96, OPF_ARG | OPF_NAME}, /* LOAD_SUPER_ATTR */
    {97, OPF_ARG | OPF_FREE}, /* MAKE_CELL */
    {98, OPF_ARG}, /* MAP_ADD */
    {99, OPF_ARG}, /* MATCH_CLASS */
    {100, OPF_ARG | OPF_JUMP}, /* POP_JUMP_IF_FALSE */
    {101, OPF_ARG | OPF_JUMP}, /* POP_JUMP_IF_NONE */
    {102, OPF_ARG | OPF_JUMP}, /* POP_JUMP_IF_NOT_NONE */
    {103, OPF_ARG | OPF_JUMP}, /* POP_JUMP_IF_TRUE */
    {104, OPF_ARG}, /* RAISE_VARARGS */
    {105, OPF_ARG}, /* RERAISE */
    {106, OPF_ARG | OPF_JUMP}, /* SEND */
    {107, OPF_ARG}, /* SET_ADD */
    {108, OPF_ARG}, /* SET_FUNCTION_ATTRIBUTE */
    {109, OPF_ARG}, /* SET_UPDATE */
    {110, OPF_ARG | OPF_NAME}, /* STORE_ATTR */
    {111, OPF_ARG | OPF_FREE}, /* STORE_DEREF */
    {112, OPF_ARG | OPF_LOCAL}, /* STORE_FAST */
    {113, OPF_ARG | OPF_LOCAL}, /* STORE_FAST_LOAD_FAST */
    {114, OPF_ARG | OPF_LOCAL}, /* STORE_FAST_STORE_FAST */
    {115, OPF_ARG | OPF_NAME}, /* STORE_GLOBAL */
    {116, OPF_ARG | OPF_NAME}, /* STORE_NAME */
    {117, OPF_ARG}, /* SWAP */
    {118, OPF_ARG}, /* UNPACK_EX */
    {119, OPF_ARG}, /* UNPACK_SEQUENCE */
    {120, OPF_ARG}, /* YIELD_VALUE */
    {128, OPF_ARG}, /* RESUME */
    {234, 0}, /* INSTRUMENTED_END_FOR */
    {235, 0}, /* INSTRUMENTED_POP_ITER */
    {236, 0}, /* INSTRUMENTED_END_SEND */
    {237, OPF_ARG | OPF_JUMP}, /* INSTRUMENTED_FOR_ITER */
    {238, 0}, /* INSTRUMENTED_INSTRUCTION */
    {239, OPF_ARG}, /* INSTRUMENTED_JUMP_FORWARD */
    {240, 0}, /* INSTRUMENTED_NOT_TAKEN */
    {241, OPF_ARG}, /* INSTRUMENTED_POP_JUMP_IF_TRUE */
    {242, OPF_ARG}, /* INSTRUMENTED_POP_JUMP_IF_FALSE */
    {243, OPF_ARG}, /* INSTRUMENTED_POP_JUMP_IF_NONE */
    {244, OPF_ARG}, /* INSTRUMENTED_POP_JUMP_IF_NOT_NONE */
    {245, OPF_ARG}, /* INSTRUMENTED_RESUME */
    {246, 0}, /* INSTRUMENTED_RETURN_VALUE */
    {247, OPF_ARG}, /* INSTRUMENTED_YIELD_VALUE */
    {248, OPF_ARG | OPF_JUMP}, /* INSTRUMENTED_END_ASYNC_FOR */
    {249, OPF_ARG | OPF_NAME}, /* INSTRUMENTED_LOAD_SUPER_ATTR */
    {250, OPF_ARG}, /* INSTRUMENTED_CALL */
    {251, OPF_ARG}, /* INSTRUMENTED_CALL_KW */
    {252, 0}, /* INSTRUMENTED_CALL_FUNCTION_EX */
    {253, OPF_ARG}, /* INSTRUMENTED_JUMP_BACKWARD */
    {254, 0}, /* INSTRUMENTED_LINE */
    {255, OPF_ARG}, /* ENTER_EXECUTOR */
    {256, 0}, /* ANNOTATIONS_PLACEHOLDER */
    {257, OPF_ARG | OPF_JUMP}, /* JUMP */
    {258, OPF_ARG | OPF_JUMP}, /* JUMP_IF_FALSE */
    {259, OPF_ARG | OPF_JUMP}, /* JUMP_IF_TRUE */
    {260, OPF_ARG | OPF_JUMP}, /* JUMP_NO_INTERRUPT */
    {261, OPF_ARG | OPF_LOCAL}, /* LOAD_CLOSURE */
    {262, 0}, /* POP_BLOCK */
    {263, OPF_ARG | OPF_EXC}, /* SETUP_CLEANUP */
    {264, OPF_ARG | OPF_EXC}, /* SETUP_FINALLY */
    {265, OPF_ARG | OPF_EXC}, /* SETUP_WITH */
    {266, OPF_ARG | OPF_LOCAL}, /* STORE_FAST_MAYBE_NULL */
};
