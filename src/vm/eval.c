/* eval.c: the evaluation loop. It runs CPython 3.14's instruction set (see
 * vm/opcodes.h) over the frames of vm/frame.h: one C activation runs a
 * chain of Python calls (calls to Python functions push a frame and
 * continue in the same loop), dispatch is by computed goto where the
 * compiler supports it, inline cache entries are skipped, exceptions
 * unwind through the code's exception table adding traceback entries as
 * they leave each frame. The eval breaker (signals, pending calls) is
 * polled on backward jumps and at RESUME; trace hooks run between
 * instructions while a trace or profile function is set. */
#include "config.h"
#include "vm/ceval.h"
#include "vm/frame.h"
#include "vm/opcodes.h"
#include "vm/vm_int.h"
#include "vm/eval_fast.h"
#include "vm/specialize.h"
#include "objects/abstract.h"
#include "objects/cell.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/template.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/interp.h"
#include "runtime/runtime.h"
#include "runtime/gil.h"

#include <string.h>

#if defined(HAVE_COMPUTED_GOTO) && HAVE_COMPUTED_GOTO && defined(__GNUC__)
#define USE_COMPUTED_GOTO 1
#else
#define USE_COMPUTED_GOTO 0
#endif

static const uint8_t cache_sizes[256] = {
#define CACHE_ENTRY(name, n) [OP_##name] = n,
    AD_OPCODE_CACHES(CACHE_ENTRY)
#undef CACHE_ENTRY
};

AdCodeUnit *vm_next_after(AdCodeUnit *p)
{
    while ((*p & 0xff) == OP_EXTENDED_ARG)
        p++;
    return p + 1 + cache_sizes[*p & 0xff];
}

/* The argument of the instruction at p (EXTENDED_ARG prefixes included). */
static int instr_oparg(AdCodeUnit *p)
{
    int arg = 0;
    while ((*p & 0xff) == OP_EXTENDED_ARG)
        arg = (arg << 8) | (*p++ >> 8);
    return (arg << 8) | (*p >> 8);
}

/* Generators resumed inside the running loop (FOR_ITER and SEND on a
 * generator or coroutine, as CPython's FOR_ITER_GEN and SEND_GEN): the
 * generator's frame goes on top of the caller's with is_entry clear, its
 * exception state joins the chain, and arg (a new reference) becomes the
 * value of the suspended YIELD_VALUE. YIELD_VALUE, RETURN_VALUE and an
 * exception leaving the frame come back to the caller, which continues
 * after its instruction (a yield) or at that instruction's jump target (a
 * return, whose value it gets; the exception is raised at the
 * instruction). False when the generator cannot be resumed here (running,
 * finished, a value sent into a new one, tracing, the recursion limit):
 * the caller takes the general path, which reports those. */
static inline int gen_can_resume_inline(AdVMState *vm, AdGenObject *g, AdObject *arg)
{
    return g->gi_frame_state < AD_FRAME_EXECUTING &&
           (g->gi_frame_state != AD_FRAME_CREATED || arg == Ad_None) && !vm->use_tracing &&
           vm->thread && vm->py_depth < vm->thread->recursion_limit;
}

static inline AdFrame *gen_resume_inline(AdVMState *vm, AdGenObject *g, AdFrame *caller, AdObject *arg)
{
    AdFrame *f = &g->gi_iframe;
    ad_gen_enter(vm, g, arg, 0);
    f->previous = caller;
    vm->current_frame = f;
    vm->py_depth++;
    return f;
}

/* A generator's frame that finished (returned or raised, already off the
 * thread's chain): the generator is completed and the frame cleared.
 * NULL when a C call ran it (the loop returns), else the caller's frame,
 * where the loop goes on. */
static inline AdFrame *gen_finish(AdVMState *vm, AdFrame *frame)
{
    AdGenObject *gen = ad_gen_from_frame(frame);
    AdFrame *prev = frame->is_entry ? NULL : frame->previous;
    gen->gi_frame_state = AD_FRAME_COMPLETED;
    frame->previous = NULL;
    if (prev)
        ad_gen_leave(vm, gen);
    vm_frame_clear(frame);
    return prev;
}

int vm_enter_check(AdVMState *vm)
{
    AdThread *t = vm->thread;
    if (t && vm->py_depth >= t->recursion_limit) {
        AdErr_SetString(AdExc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return vm_check_c_stack(vm);
}

/* The eval breaker: a GIL drop request, signals (main thread), pending
 * calls (main thread), an asynchronous exception. 0 or -1. */
static int handle_eval_breaker(AdVMState *vm)
{
    AdThread *t = vm->thread;
    if (!t)
        return 0;
    uint32_t bits = atomic_load_explicit(&t->eval_breaker, memory_order_relaxed);
    if (bits & AD_EB_GIL_DROP)
        ad_gil_yield(t);
    if (bits & AD_EB_SIGNALS) {
        ad_eval_breaker_clear(t, AD_EB_SIGNALS);
        if (AdErr_CheckSignals() < 0) {
            if (ad_runtime.signals.is_tripped)
                ad_eval_breaker_set(t, AD_EB_SIGNALS);
            return -1;
        }
        if (ad_runtime.signals.is_tripped && Ad_IsMainThread())
            ad_eval_breaker_set(t, AD_EB_SIGNALS);
    }
    if (bits & AD_EB_PENDING) {
        ad_eval_breaker_clear(t, AD_EB_PENDING);
        if (t->interp && t == t->interp->main_thread && Ad_MakePendingCalls(t->interp) < 0) {
            if (t->interp->pending.count)
                ad_eval_breaker_set(t, AD_EB_PENDING);
            return -1;
        }
    }
    if (bits & AD_EB_ASYNC_EXC) {
        ad_eval_breaker_clear(t, AD_EB_ASYNC_EXC);
        AdObject *exc = t->async_exc;
        t->async_exc = NULL;
        if (exc) {
            AdErr_SetNone(exc);
            Ad_DECREF(exc);
            return -1;
        }
    }
    return 0;
}

/* One load: is any bit of the running thread's eval breaker set? */
static inline int eval_breaker_set(AdVMState *vm)
{
    return atomic_load_explicit(vm->breaker, memory_order_relaxed) != 0;
}

/* Adds this frame to the raised exception's traceback. */
static void add_traceback(AdFrame *frame)
{
    AdObject *exc = AdErr_GetRaisedException();
    if (!exc)
        return;
    AdObject *fo = vm_frame_get_object(frame);
    if (fo && AdExceptionInstance_Check(exc)) {
        int lasti = vm_frame_lasti(frame);
        /* The line is found from lasti when somebody asks. */
        AdObject *tb = AdTraceback_New(AdException_GetTraceback(exc), fo, lasti, -1);
        if (tb) {
            AdException_SetTraceback(exc, tb);
            Ad_DECREF(tb);
        } else {
            Ad_DECREF(exc);
            return;
        }
    } else if (!fo) {
        AdErr_Clear();
    }
    AdErr_SetRaisedException(exc);
}

static int trace_exception(AdVMState *vm, AdFrame *frame)
{
    AdObject *exc = AdErr_GetRaisedException();
    AdObject *tb = AdException_GetTraceback(exc);
    AdObject *arg = AdTuple_Pack(3, (AdObject *)AD_TYPE(exc), exc, tb ? tb : Ad_None);
    if (!arg) {
        Ad_DECREF(exc);
        return -1;
    }
    int rc = vm_trace_event(vm, frame, AD_TRACE_EXCEPTION, arg);
    Ad_DECREF(arg);
    if (rc < 0) {
        Ad_DECREF(exc);
        return -1;
    }
    AdErr_SetRaisedException(exc);
    return 0;
}

/* The hook run before each instruction while tracing: line and opcode
 * events for the frame's local trace function. */
static int trace_instruction(AdVMState *vm, AdFrame *frame, AdCodeUnit *at)
{
    if (vm->tracing || !vm->trace_func)
        return 0;
    AdObject *fo = frame->frame_obj;
    if (!fo || !((AdFrameObject *)fo)->f_trace)
        return 0;
    int op = *at & 0xff;
    int offset = (int)((at - AdCode_CODE(frame->f_code)) * 2);
    if (op == OP_RESUME || op == OP_RETURN_GENERATOR || op == OP_EXTENDED_ARG) {
        frame->trace_lasti = offset;
        return 0;
    }
    AdFrameObject *f = (AdFrameObject *)fo;
    int line = AdCode_Addr2Line(frame->f_code, offset);
    int prev_lasti = frame->trace_lasti;
    frame->trace_lasti = offset;
    AdCodeUnit *saved = frame->instr_ptr;
    frame->instr_ptr = at;
    if (line >= 0 && f->f_trace_lines && (line != frame->trace_line || offset < prev_lasti)) {
        frame->trace_line = line;
        if (vm_trace_event(vm, frame, AD_TRACE_LINE, Ad_None) < 0) {
            frame->instr_ptr = saved;
            return -1;
        }
    }
    if (f->f_trace_opcodes && frame->frame_obj && ((AdFrameObject *)frame->frame_obj)->f_trace) {
        if (vm_trace_event(vm, frame, AD_TRACE_OPCODE, Ad_None) < 0) {
            frame->instr_ptr = saved;
            return -1;
        }
    }
    frame->instr_ptr = saved;
    return 0;
}

static AdObject *binary_op(int op, AdObject *l, AdObject *r)
{
    switch (op) {
    case 0: return AdNumber_Add(l, r);
    case 1: return AdNumber_And(l, r);
    case 2: return AdNumber_FloorDivide(l, r);
    case 3: return AdNumber_Lshift(l, r);
    case 4: return AdNumber_MatrixMultiply(l, r);
    case 5: return AdNumber_Multiply(l, r);
    case 6: return AdNumber_Remainder(l, r);
    case 7: return AdNumber_Or(l, r);
    case 8: return AdNumber_Power(l, r, Ad_None);
    case 9: return AdNumber_Rshift(l, r);
    case 10: return AdNumber_Subtract(l, r);
    case 11: return AdNumber_TrueDivide(l, r);
    case 12: return AdNumber_Xor(l, r);
    case 13: return AdNumber_InPlaceAdd(l, r);
    case 14: return AdNumber_InPlaceAnd(l, r);
    case 15: return AdNumber_InPlaceFloorDivide(l, r);
    case 16: return AdNumber_InPlaceLshift(l, r);
    case 17: return AdNumber_InPlaceMatrixMultiply(l, r);
    case 18: return AdNumber_InPlaceMultiply(l, r);
    case 19: return AdNumber_InPlaceRemainder(l, r);
    case 20: return AdNumber_InPlaceOr(l, r);
    case 21: return AdNumber_InPlacePower(l, r, Ad_None);
    case 22: return AdNumber_InPlaceRshift(l, r);
    case 23: return AdNumber_InPlaceSubtract(l, r);
    case 24: return AdNumber_InPlaceTrueDivide(l, r);
    case 25: return AdNumber_InPlaceXor(l, r);
    case 26: return AdObject_GetItem(l, r);
    default:
        AdErr_Format(AdExc_SystemError, "invalid BINARY_OP oparg %d", op);
        return NULL;
    }
}

/* Looks a name up in globals then builtins (LOAD_GLOBAL and friends):
 * new ref, or NULL (with NameError when absent). */
static AdObject *load_global(AdFrame *frame, AdObject *name)
{
    AdObject *v;
    if (AdDict_CheckExact(frame->f_globals)) {
        v = AdDict_GetItemWithError(frame->f_globals, name);
        if (v)
            return Ad_NewRef(v);
        if (AdErr_Occurred())
            return NULL;
    } else {
        v = AdObject_GetItem(frame->f_globals, name);
        if (v)
            return v;
        if (!AdErr_ExceptionMatches(AdExc_KeyError))
            return NULL;
        AdErr_Clear();
    }
    if (AdDict_CheckExact(frame->f_builtins)) {
        v = AdDict_GetItemWithError(frame->f_builtins, name);
        if (v)
            return Ad_NewRef(v);
        if (!AdErr_Occurred())
            vm_name_error(name);
        return NULL;
    }
    v = AdObject_GetItem(frame->f_builtins, name);
    if (!v && AdErr_ExceptionMatches(AdExc_KeyError)) {
        AdErr_Clear();
        vm_name_error(name);
    }
    return v;
}

/* mapping[name] as LOAD_NAME reads locals: 1 found, 0 absent, -1 error. */
static int mapping_get(AdObject *mapping, AdObject *name, AdObject **out)
{
    if (AdDict_CheckExact(mapping))
        return AdDict_GetItemRef(mapping, name, out);
    *out = AdObject_GetItem(mapping, name);
    if (*out)
        return 1;
    if (AdErr_ExceptionMatches(AdExc_KeyError)) {
        AdErr_Clear();
        return 0;
    }
    return -1;
}

static int is_cfunction_like(AdObject *o)
{
    return AdCFunction_Check(o) || Ad_IS_TYPE(o, &AdMethodDescr_Type);
}

/* Calls with the profile hook's c_call/c_return/c_exception events. */
static AdObject *call_profiled(AdVMState *vm, AdFrame *frame, AdObject *callable,
                               AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    if (!vm->profile_func || vm->tracing || !is_cfunction_like(callable))
        return AdObject_Vectorcall(callable, args, nargsf, kwnames);
    if (vm_trace_event(vm, frame, AD_TRACE_C_CALL, callable) < 0)
        return NULL;
    AdObject *r = AdObject_Vectorcall(callable, args, nargsf, kwnames);
    if (r) {
        if (vm_trace_event(vm, frame, AD_TRACE_C_RETURN, callable) < 0) {
            Ad_DECREF(r);
            return NULL;
        }
    } else {
        AdObject *exc = AdErr_GetRaisedException();
        int rc = vm_trace_event(vm, frame, AD_TRACE_C_EXCEPTION, callable);
        if (rc < 0)
            Ad_XDECREF(exc);
        else
            AdErr_SetRaisedException(exc);
    }
    return r;
}

/* The loop's two dispatch tables (set on its first run). */
static void *const *plain_dispatch, *const *traced_dispatch;

void vm_select_dispatch(AdVMState *vm)
{
    vm->dispatch = vm->use_tracing ? traced_dispatch : plain_dispatch;
}

AdObject *vm_eval_frame(AdVMState *vm_arg, AdFrame *frame, int throwflag)
{
    /* The loop reads the calling thread's state in place (a thread-local
     * at a fixed offset: no register, no spill); vm_arg is that state. */
    (void)vm_arg;
#define vm (&ad_vm_tls)
#if USE_COMPUTED_GOTO
    /* Every opcode's label; unknown ones go to L_unknown_opcode (the
     * range initializer is overridden by the entries that follow it). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const dispatch_table[256] = {
        [0 ... 255] = &&L_unknown_opcode,
        [OP_BINARY_SLICE] = &&L_BINARY_SLICE, [OP_BUILD_TEMPLATE] = &&L_BUILD_TEMPLATE,
        [OP_CALL_FUNCTION_EX] = &&L_CALL_FUNCTION_EX, [OP_CHECK_EG_MATCH] = &&L_CHECK_EG_MATCH,
        [OP_CHECK_EXC_MATCH] = &&L_CHECK_EXC_MATCH, [OP_CLEANUP_THROW] = &&L_CLEANUP_THROW,
        [OP_DELETE_SUBSCR] = &&L_DELETE_SUBSCR, [OP_END_FOR] = &&L_END_FOR, [OP_END_SEND] = &&L_END_SEND,
        [OP_EXIT_INIT_CHECK] = &&L_EXIT_INIT_CHECK, [OP_FORMAT_SIMPLE] = &&L_FORMAT_SIMPLE,
        [OP_FORMAT_WITH_SPEC] = &&L_FORMAT_WITH_SPEC, [OP_GET_AITER] = &&L_GET_AITER,
        [OP_GET_ANEXT] = &&L_GET_ANEXT, [OP_GET_ITER] = &&L_GET_ITER, [OP_GET_LEN] = &&L_GET_LEN,
        [OP_GET_YIELD_FROM_ITER] = &&L_GET_YIELD_FROM_ITER, [OP_INTERPRETER_EXIT] = &&L_INTERPRETER_EXIT,
        [OP_LOAD_BUILD_CLASS] = &&L_LOAD_BUILD_CLASS, [OP_LOAD_LOCALS] = &&L_LOAD_LOCALS,
        [OP_MAKE_FUNCTION] = &&L_MAKE_FUNCTION, [OP_MATCH_KEYS] = &&L_MATCH_KEYS,
        [OP_MATCH_MAPPING] = &&L_MATCH_MAPPING, [OP_MATCH_SEQUENCE] = &&L_MATCH_SEQUENCE, [OP_NOP] = &&L_NOP,
        [OP_NOT_TAKEN] = &&L_NOT_TAKEN, [OP_POP_EXCEPT] = &&L_POP_EXCEPT, [OP_POP_ITER] = &&L_POP_ITER,
        [OP_POP_TOP] = &&L_POP_TOP, [OP_PUSH_EXC_INFO] = &&L_PUSH_EXC_INFO, [OP_PUSH_NULL] = &&L_PUSH_NULL,
        [OP_RETURN_GENERATOR] = &&L_RETURN_GENERATOR, [OP_RETURN_VALUE] = &&L_RETURN_VALUE,
        [OP_SETUP_ANNOTATIONS] = &&L_SETUP_ANNOTATIONS, [OP_STORE_SLICE] = &&L_STORE_SLICE,
        [OP_STORE_SUBSCR] = &&L_STORE_SUBSCR, [OP_TO_BOOL] = &&L_TO_BOOL,
        [OP_UNARY_INVERT] = &&L_UNARY_INVERT, [OP_UNARY_NEGATIVE] = &&L_UNARY_NEGATIVE,
        [OP_UNARY_NOT] = &&L_UNARY_NOT, [OP_WITH_EXCEPT_START] = &&L_WITH_EXCEPT_START,
        [OP_BINARY_OP] = &&L_BINARY_OP, [OP_BUILD_INTERPOLATION] = &&L_BUILD_INTERPOLATION,
        [OP_BUILD_LIST] = &&L_BUILD_LIST, [OP_BUILD_MAP] = &&L_BUILD_MAP, [OP_BUILD_SET] = &&L_BUILD_SET,
        [OP_BUILD_SLICE] = &&L_BUILD_SLICE, [OP_BUILD_STRING] = &&L_BUILD_STRING,
        [OP_BUILD_TUPLE] = &&L_BUILD_TUPLE, [OP_CALL] = &&L_CALL,
        [OP_CALL_INTRINSIC_1] = &&L_CALL_INTRINSIC_1, [OP_CALL_INTRINSIC_2] = &&L_CALL_INTRINSIC_2,
        [OP_CALL_KW] = &&L_CALL_KW, [OP_COMPARE_OP] = &&L_COMPARE_OP, [OP_CONTAINS_OP] = &&L_CONTAINS_OP,
        [OP_CONVERT_VALUE] = &&L_CONVERT_VALUE, [OP_COPY] = &&L_COPY,
        [OP_COPY_FREE_VARS] = &&L_COPY_FREE_VARS, [OP_DELETE_ATTR] = &&L_DELETE_ATTR,
        [OP_DELETE_DEREF] = &&L_DELETE_DEREF, [OP_DELETE_FAST] = &&L_DELETE_FAST,
        [OP_DELETE_GLOBAL] = &&L_DELETE_GLOBAL, [OP_DELETE_NAME] = &&L_DELETE_NAME,
        [OP_DICT_MERGE] = &&L_DICT_MERGE, [OP_DICT_UPDATE] = &&L_DICT_UPDATE,
        [OP_END_ASYNC_FOR] = &&L_END_ASYNC_FOR, [OP_EXTENDED_ARG] = &&L_EXTENDED_ARG,
        [OP_FOR_ITER] = &&L_FOR_ITER, [OP_GET_AWAITABLE] = &&L_GET_AWAITABLE,
        [OP_IMPORT_FROM] = &&L_IMPORT_FROM, [OP_IMPORT_NAME] = &&L_IMPORT_NAME, [OP_IS_OP] = &&L_IS_OP,
        [OP_JUMP_BACKWARD] = &&L_JUMP_BACKWARD,
        [OP_JUMP_BACKWARD_NO_INTERRUPT] = &&L_JUMP_BACKWARD_NO_INTERRUPT,
        [OP_JUMP_FORWARD] = &&L_JUMP_FORWARD, [OP_LIST_APPEND] = &&L_LIST_APPEND,
        [OP_LIST_EXTEND] = &&L_LIST_EXTEND, [OP_LOAD_ATTR] = &&L_LOAD_ATTR,
        [OP_LOAD_COMMON_CONSTANT] = &&L_LOAD_COMMON_CONSTANT, [OP_LOAD_CONST] = &&L_LOAD_CONST,
        [OP_LOAD_DEREF] = &&L_LOAD_DEREF, [OP_LOAD_FAST] = &&L_LOAD_FAST,
        [OP_LOAD_FAST_AND_CLEAR] = &&L_LOAD_FAST_AND_CLEAR, [OP_LOAD_FAST_BORROW] = &&L_LOAD_FAST_BORROW,
        [OP_LOAD_FAST_BORROW_LOAD_FAST_BORROW] = &&L_LOAD_FAST_BORROW_LOAD_FAST_BORROW,
        [OP_LOAD_FAST_CHECK] = &&L_LOAD_FAST_CHECK, [OP_LOAD_FAST_LOAD_FAST] = &&L_LOAD_FAST_LOAD_FAST,
        [OP_LOAD_FROM_DICT_OR_DEREF] = &&L_LOAD_FROM_DICT_OR_DEREF,
        [OP_LOAD_FROM_DICT_OR_GLOBALS] = &&L_LOAD_FROM_DICT_OR_GLOBALS, [OP_LOAD_GLOBAL] = &&L_LOAD_GLOBAL,
        [OP_LOAD_NAME] = &&L_LOAD_NAME, [OP_LOAD_SMALL_INT] = &&L_LOAD_SMALL_INT,
        [OP_LOAD_SPECIAL] = &&L_LOAD_SPECIAL, [OP_LOAD_SUPER_ATTR] = &&L_LOAD_SUPER_ATTR,
        [OP_MAKE_CELL] = &&L_MAKE_CELL, [OP_MAP_ADD] = &&L_MAP_ADD, [OP_MATCH_CLASS] = &&L_MATCH_CLASS,
        [OP_POP_JUMP_IF_FALSE] = &&L_POP_JUMP_IF_FALSE, [OP_POP_JUMP_IF_NONE] = &&L_POP_JUMP_IF_NONE,
        [OP_POP_JUMP_IF_NOT_NONE] = &&L_POP_JUMP_IF_NOT_NONE, [OP_POP_JUMP_IF_TRUE] = &&L_POP_JUMP_IF_TRUE,
        [OP_RAISE_VARARGS] = &&L_RAISE_VARARGS, [OP_RERAISE] = &&L_RERAISE, [OP_SEND] = &&L_SEND,
        [OP_SET_ADD] = &&L_SET_ADD, [OP_SET_FUNCTION_ATTRIBUTE] = &&L_SET_FUNCTION_ATTRIBUTE,
        [OP_SET_UPDATE] = &&L_SET_UPDATE, [OP_STORE_ATTR] = &&L_STORE_ATTR,
        [OP_STORE_DEREF] = &&L_STORE_DEREF, [OP_STORE_FAST] = &&L_STORE_FAST,
        [OP_STORE_FAST_LOAD_FAST] = &&L_STORE_FAST_LOAD_FAST,
        [OP_STORE_FAST_STORE_FAST] = &&L_STORE_FAST_STORE_FAST, [OP_STORE_GLOBAL] = &&L_STORE_GLOBAL,
        [OP_STORE_NAME] = &&L_STORE_NAME, [OP_SWAP] = &&L_SWAP, [OP_UNPACK_EX] = &&L_UNPACK_EX,
        [OP_UNPACK_SEQUENCE] = &&L_UNPACK_SEQUENCE, [OP_YIELD_VALUE] = &&L_YIELD_VALUE,
        [OP_RESUME] = &&L_RESUME,
    };
#pragma GCC diagnostic pop
    /* While a trace or profile hook is set, the thread dispatches through
     * this table instead (vm->dispatch): every instruction passes the
     * trace hook first, then runs from dispatch_table. */
    static void *const traced_table[256] = {[0 ... 255] = &&traced_op};
    if (!vm->dispatch) {
        plain_dispatch = dispatch_table;
        traced_dispatch = traced_table;
        vm_select_dispatch(vm);
    }
#define TARGET(op) L_##op: case OP_##op:
#define DISPATCH_GOTO() goto *dispatch_table[opcode]
#define DISPATCH_NEXT() goto *vm->dispatch[opcode]
#else
#define TARGET(op) case OP_##op:
#define DISPATCH_GOTO() goto dispatch_switch
#define DISPATCH_NEXT() goto dispatch_switch
#endif

    AdCodeObject *co;
    AdObject *consts, *names;
    AdCodeUnit *code_start, *next_instr;
    AdObject **sp;
    AdCodeUnit *unwind_at;
    unsigned int opcode;
    int oparg;

#define LOAD_FRAME_STATE()                                   \
    do {                                                     \
        co = (AdCodeObject *)frame->f_code;                  \
        consts = co->co_consts;                              \
        names = co->co_names;                                \
        code_start = AdCode_CODE(co);                        \
        sp = frame->stackpointer;                            \
    } while (0)
#define NEXT_OP()                                            \
    do {                                                     \
        frame->instr_ptr = next_instr;                       \
        unsigned int word_ = *next_instr++;                  \
        opcode = word_ & 0xff;                               \
        oparg = (int)(word_ >> 8);                           \
        DISPATCH_NEXT();                                     \
    } while (0)
#if USE_COMPUTED_GOTO
#define DISPATCH() NEXT_OP()
#else
#define DISPATCH()                                           \
    do {                                                     \
        if (vm->use_tracing)                                 \
            goto trace_hook;                                 \
        NEXT_OP();                                           \
    } while (0)
#endif
#define SKIP_CACHES(op) (next_instr += cache_sizes[OP_##op])
#define JUMPBY(n) (next_instr += (n))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define GETLOCAL(i) (frame->localsplus[i])
#define SETLOCAL(i, v) do { AdObject *old_ = frame->localsplus[i]; frame->localsplus[i] = (v); Ad_XDECREF(old_); } while (0)
#define GETITEM(t, i) AdTuple_GET_ITEM((t), (i))

    if (vm_enter_check(vm) < 0) {
        /* Nothing ran: release the frame. */
        if (frame->owner == AD_FRAME_OWNED_BY_THREAD)
            vm_pop_frame(vm, frame);
        return NULL;
    }
    frame->previous = vm->current_frame;
    vm->current_frame = frame;
    vm->py_depth++;

start_frame:
    LOAD_FRAME_STATE();
    next_instr = frame->instr_ptr;
    if (throwflag) {
        throwflag = 0;
        goto error;
    }
    DISPATCH();

#if USE_COMPUTED_GOTO
traced_op:
    /* The instruction is fetched (frame->instr_ptr is at it). */
    frame->stackpointer = sp;
    if (trace_instruction(vm, frame, frame->instr_ptr) < 0)
        goto error;
    DISPATCH_GOTO();
#else
trace_hook:
    frame->stackpointer = sp;
    if (trace_instruction(vm, frame, next_instr) < 0) {
        frame->instr_ptr = next_instr;
        goto error;
    }
    NEXT_OP();
#endif

#if !USE_COMPUTED_GOTO
dispatch_switch:
#endif
    switch (opcode) {

    TARGET(NOP)
    TARGET(NOT_TAKEN)
    TARGET(INTERPRETER_EXIT)
        DISPATCH();

    TARGET(EXTENDED_ARG) {
        AdCodeUnit w = *next_instr++;
        opcode = w & 0xff;
        oparg = (oparg << 8) | (w >> 8);
        DISPATCH_GOTO();
    }

    TARGET(RESUME) {
        if (eval_breaker_set(vm)) {
            frame->stackpointer = sp;
            if (handle_eval_breaker(vm) < 0)
                goto error;
        }
        if (vm->use_tracing && !vm->tracing) {
            frame->stackpointer = sp;
            /* A function starts with no line reported; a generator or
             * coroutine resumes inside the line of its yield or await,
             * which is not reported again. */
            if ((oparg & 3) == 0)
                frame->trace_line = -1;
            else
                frame->trace_line = AdCode_Addr2Line((AdObject *)co, vm_frame_lasti(frame));
            if (vm_trace_event(vm, frame, AD_TRACE_CALL, Ad_None) < 0)
                goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_FAST)
    TARGET(LOAD_FAST_BORROW)
    TARGET(LOAD_FAST_CHECK) {
        AdObject *v = GETLOCAL(oparg);
        if (!v) {
            vm_unbound_local_error(co, oparg);
            goto error;
        }
        PUSH(Ad_NewRef(v));
        DISPATCH();
    }

    TARGET(LOAD_FAST_AND_CLEAR) {
        PUSH(GETLOCAL(oparg));
        GETLOCAL(oparg) = NULL;
        DISPATCH();
    }

    TARGET(LOAD_FAST_LOAD_FAST)
    TARGET(LOAD_FAST_BORROW_LOAD_FAST_BORROW) {
        AdObject *a = GETLOCAL(oparg >> 4), *b = GETLOCAL(oparg & 15);
        if (!a) {
            vm_unbound_local_error(co, oparg >> 4);
            goto error;
        }
        if (!b) {
            vm_unbound_local_error(co, oparg & 15);
            goto error;
        }
        PUSH(Ad_NewRef(a));
        PUSH(Ad_NewRef(b));
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(Ad_NewRef(GETITEM(consts, oparg)));
        DISPATCH();
    }

    TARGET(LOAD_SMALL_INT) {
        /* oparg < 256: always cached (immortal, no reference to take). */
        PUSH((AdObject *)ad_small_ints[oparg + 5]);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        AdObject *v = POP();
        SETLOCAL(oparg, v);
        DISPATCH();
    }

    TARGET(STORE_FAST_LOAD_FAST) {
        AdObject *v = POP();
        SETLOCAL(oparg >> 4, v);
        AdObject *w = GETLOCAL(oparg & 15);
        if (!w) {
            vm_unbound_local_error(co, oparg & 15);
            goto error;
        }
        PUSH(Ad_NewRef(w));
        DISPATCH();
    }

    TARGET(STORE_FAST_STORE_FAST) {
        AdObject *v1 = POP();
        AdObject *v2 = POP();
        SETLOCAL(oparg >> 4, v1);
        SETLOCAL(oparg & 15, v2);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        if (!GETLOCAL(oparg)) {
            vm_unbound_local_error(co, oparg);
            goto error;
        }
        SETLOCAL(oparg, NULL);
        DISPATCH();
    }

    TARGET(POP_TOP)
    TARGET(POP_ITER)
    TARGET(END_FOR) {
        AdObject *v = POP();
        Ad_XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(END_SEND) {
        AdObject *v = POP();
        AdObject *recv = POP();
        Ad_DECREF(recv);
        PUSH(v);
        DISPATCH();
    }

    TARGET(COPY) {
        AdObject *v = PEEK(oparg);
        PUSH(Ad_XNewRef(v));
        DISPATCH();
    }

    TARGET(SWAP) {
        AdObject *t = TOP();
        TOP() = PEEK(oparg);
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        AdObject *v = TOP();
        AdObject *r = AdNumber_Negative(v);
        if (!r)
            goto error;
        Ad_DECREF(v);
        TOP() = r;
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        AdObject *v = TOP();
        AdObject *r = AdNumber_Invert(v);
        if (!r)
            goto error;
        Ad_DECREF(v);
        TOP() = r;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        AdObject *v = TOP();
        int t = v == Ad_True ? 1 : v == Ad_False ? 0 : AdObject_IsTrue(v);
        if (t < 0)
            goto error;
        Ad_DECREF(v);
        TOP() = t ? Ad_False : Ad_True;
        DISPATCH();
    }

    TARGET(TO_BOOL) {
        SKIP_CACHES(TO_BOOL);
        AdObject *v = TOP();
        if (v == Ad_True || v == Ad_False)
            DISPATCH();
        int t = vmf_truth(v);
        if (t < 0 && (t = AdObject_IsTrue(v)) < 0)
            goto error;
        Ad_DECREF(v);
        TOP() = t ? Ad_True : Ad_False;
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        SKIP_CACHES(BINARY_OP);
        AdObject *r = PEEK(1), *l = PEEK(2);
        AdObject *res;
        /* exact int/float/list/tuple/dict/str operands inline (consumed) */
        int fast = vmf_binary(oparg, l, r, &res);
        if (fast < 0)
            goto error;
        if (!fast) {
            if (!(res = binary_op(oparg, l, r)))
                goto error;
            Ad_DECREF(l);
            Ad_DECREF(r);
        }
        sp--;
        TOP() = res;
        DISPATCH();
    }

    TARGET(BINARY_SLICE) {
        AdObject *stop = PEEK(1), *start = PEEK(2), *container = PEEK(3);
        AdObject *slice = AdSlice_New(start, stop, NULL);
        AdObject *res = slice ? AdObject_GetItem(container, slice) : NULL;
        Ad_XDECREF(slice);
        if (!res)
            goto error;
        Ad_DECREF(stop);
        Ad_DECREF(start);
        Ad_DECREF(container);
        sp -= 2;
        TOP() = res;
        DISPATCH();
    }

    TARGET(STORE_SLICE) {
        AdObject *stop = PEEK(1), *start = PEEK(2), *container = PEEK(3), *v = PEEK(4);
        AdObject *slice = AdSlice_New(start, stop, NULL);
        int rc = slice ? AdObject_SetItem(container, slice, v) : -1;
        Ad_XDECREF(slice);
        if (rc < 0)
            goto error;
        sp -= 4;
        Ad_DECREF(stop);
        Ad_DECREF(start);
        Ad_DECREF(container);
        Ad_DECREF(v);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        SKIP_CACHES(STORE_SUBSCR);
        AdObject *sub = PEEK(1), *container = PEEK(2), *v = PEEK(3);
        int rc;
        if (vmf_store_subscr(container, sub, v)) {
            sp -= 3;
            DISPATCH();
        }
        if (AdDict_CheckExact(container))
            rc = AdDict_SetItem(container, sub, v);
        else
            rc = AdObject_SetItem(container, sub, v);
        if (rc < 0)
            goto error;
        sp -= 3;
        Ad_DECREF(sub);
        Ad_DECREF(container);
        Ad_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        AdObject *sub = PEEK(1), *container = PEEK(2);
        if (AdObject_DelItem(container, sub) < 0)
            goto error;
        sp -= 2;
        Ad_DECREF(sub);
        Ad_DECREF(container);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        SKIP_CACHES(COMPARE_OP);
        AdObject *r = PEEK(1), *l = PEEK(2);
        AdObject *res;
        int ft;
        if (vmf_compare(oparg >> 5, l, r, &ft)) {
            vmf_decref(l);
            vmf_decref(r);
            sp--;
            TOP() = ft ? Ad_True : Ad_False;
            DISPATCH();
        }
        res = AdObject_RichCompare(l, r, oparg >> 5);
        if (!res)
            goto error;
        if (oparg & 16) {
            int t = res == Ad_True ? 1 : res == Ad_False ? 0 : AdObject_IsTrue(res);
            Ad_DECREF(res);
            if (t < 0)
                goto error;
            res = t ? Ad_True : Ad_False;
        }
        Ad_DECREF(l);
        Ad_DECREF(r);
        sp--;
        TOP() = res;
        DISPATCH();
    }

    TARGET(IS_OP) {
        AdObject *r = POP(), *l = TOP();
        int res = (l == r) ^ oparg;
        Ad_XDECREF(l);
        Ad_XDECREF(r);
        TOP() = res ? Ad_True : Ad_False;
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        SKIP_CACHES(CONTAINS_OP);
        AdObject *r = PEEK(1), *l = PEEK(2);
        int res = AdSequence_Contains(r, l);
        if (res < 0)
            goto error;
        Ad_DECREF(l);
        Ad_DECREF(r);
        sp--;
        TOP() = (res ^ oparg) ? Ad_True : Ad_False;
        DISPATCH();
    }

    TARGET(GET_ITER) {
        AdObject *v = TOP();
        AdObject *it = AdObject_GetIter(v);
        if (!it)
            goto error;
        Ad_DECREF(v);
        TOP() = it;
        DISPATCH();
    }

    TARGET(GET_LEN) {
        Ad_ssize_t n = AdObject_Size(TOP());
        if (n < 0)
            goto error;
        AdObject *v = AdInt_FromSsize_t(n);
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        SKIP_CACHES(FOR_ITER);
        AdObject *it = TOP();
        if (AdGen_CheckExact(it) && gen_can_resume_inline(vm, (AdGenObject *)it, Ad_None)) {
            frame->stackpointer = sp;
            frame = gen_resume_inline(vm, (AdGenObject *)it, frame, Ad_NewRef(Ad_None));
            goto start_frame;
        }
        iternextfunc next = AD_TYPE(it)->tp_iternext;
        AdObject *v = next ? next(it) : NULL;
        if (!next)
            AdErr_Format(AdExc_TypeError, "'%s' object is not an iterator", AdType_Name(AD_TYPE(it)));
        if (v) {
            PUSH(v);
            DISPATCH();
        }
        if (AdErr_Occurred()) {
            if (!AdErr_ExceptionMatches(AdExc_StopIteration))
                goto error;
            AdErr_Clear();
        }
        /* Exhausted: jump past the END_FOR at the target. */
        JUMPBY(oparg + 1);
        DISPATCH();
    }

    TARGET(JUMP_FORWARD) {
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        SKIP_CACHES(JUMP_BACKWARD);
        JUMPBY(-oparg);
        if (eval_breaker_set(vm)) {
            frame->stackpointer = sp;
            if (handle_eval_breaker(vm) < 0)
                goto error;
        }
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
        JUMPBY(-oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        SKIP_CACHES(POP_JUMP_IF_TRUE);
        AdObject *v = POP();
        int t = v == Ad_True ? 1 : v == Ad_False ? 0 : AdObject_IsTrue(v);
        Ad_DECREF(v);
        if (t < 0)
            goto error;
        if (t)
            JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        SKIP_CACHES(POP_JUMP_IF_FALSE);
        AdObject *v = POP();
        int t = v == Ad_True ? 1 : v == Ad_False ? 0 : AdObject_IsTrue(v);
        Ad_DECREF(v);
        if (t < 0)
            goto error;
        if (!t)
            JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        SKIP_CACHES(POP_JUMP_IF_NONE);
        AdObject *v = POP();
        int t = v == Ad_None;
        Ad_DECREF(v);
        if (t)
            JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        SKIP_CACHES(POP_JUMP_IF_NOT_NONE);
        AdObject *v = POP();
        int t = v != Ad_None;
        Ad_DECREF(v);
        if (t)
            JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        AdCodeUnit *cache = next_instr;
        SKIP_CACHES(LOAD_GLOBAL);
        if (cache[2]) {
            /* Cached (vm_specialize_load_global): valid while the key
             * layouts it was made for are unchanged. */
            AdObject *v = NULL, *g = frame->f_globals, *b = frame->f_builtins;
            if (AdDict_CheckExact(g)) {
                if (cache[3] == 0)
                    v = AdDict_CachedValue(g, cache[2], cache[1]);
                else if (((AdDictObject *)g)->keys_version == cache[2] && AdDict_CheckExact(b))
                    v = AdDict_CachedValue(b, cache[3], cache[1]);
            }
            if (v) {
                PUSH(Ad_NewRef(v));
                if (oparg & 1)
                    PUSH(NULL);
                DISPATCH();
            }
            cache[2] = 0;
            cache[0] = VMS_BACKOFF;
        } else if (cache[0]) {
            cache[0]--;
        } else {
            vm_specialize_load_global(frame->f_globals, frame->f_builtins,
                                      GETITEM(names, oparg >> 1), cache);
        }
        AdObject *v = load_global(frame, GETITEM(names, oparg >> 1));
        if (!v)
            goto error;
        PUSH(v);
        if (oparg & 1)
            PUSH(NULL);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        AdObject *v = TOP();
        if (AdDict_SetItem(frame->f_globals, GETITEM(names, oparg), v) < 0)
            goto error;
        sp--;
        Ad_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        AdObject *name = GETITEM(names, oparg);
        AdObject *old = NULL;
        int rc = AdDict_Pop(frame->f_globals, name, &old);
        Ad_XDECREF(old);
        if (rc < 0)
            goto error;
        if (rc == 0) {
            vm_name_error(name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        AdObject *name = GETITEM(names, oparg);
        AdObject *v;
        if (!frame->f_locals) {
            AdErr_Format(AdExc_SystemError, "no locals found when loading %R", name);
            goto error;
        }
        int rc = mapping_get(frame->f_locals, name, &v);
        if (rc < 0)
            goto error;
        if (rc == 0) {
            v = load_global(frame, name);
            if (!v)
                goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_GLOBALS) {
        AdObject *mapping = TOP();
        AdObject *name = GETITEM(names, oparg);
        AdObject *v;
        int rc = mapping_get(mapping, name, &v);
        if (rc < 0)
            goto error;
        if (rc == 0) {
            v = load_global(frame, name);
            if (!v)
                goto error;
        }
        Ad_DECREF(mapping);
        TOP() = v;
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        AdObject *name = GETITEM(names, oparg);
        AdObject *v = TOP();
        if (!frame->f_locals) {
            AdErr_Format(AdExc_SystemError, "no locals found when storing %R", name);
            goto error;
        }
        int rc = AdDict_CheckExact(frame->f_locals) ? AdDict_SetItem(frame->f_locals, name, v)
                                                     : AdObject_SetItem(frame->f_locals, name, v);
        if (rc < 0)
            goto error;
        sp--;
        Ad_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        AdObject *name = GETITEM(names, oparg);
        if (!frame->f_locals) {
            AdErr_Format(AdExc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (AdObject_DelItem(frame->f_locals, name) < 0) {
            if (AdErr_ExceptionMatches(AdExc_KeyError)) {
                AdErr_Clear();
                vm_name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_LOCALS) {
        if (!frame->f_locals) {
            AdErr_SetString(AdExc_SystemError, "no locals found");
            goto error;
        }
        PUSH(Ad_NewRef(frame->f_locals));
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        AdObject *cell = AdCell_New(GETLOCAL(oparg));
        if (!cell)
            goto error;
        SETLOCAL(oparg, cell);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        AdObject *closure = frame->f_func ? ((AdFunctionObject *)frame->f_func)->func_closure : NULL;
        int offset = co->co_nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++) {
            AdObject *c = closure && i < AdTuple_GET_SIZE(closure) ? AdTuple_GET_ITEM(closure, i) : NULL;
            frame->localsplus[offset + i] = Ad_XNewRef(c);
        }
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        AdObject *cell = GETLOCAL(oparg);
        AdObject *v = cell ? AdCell_GET(cell) : NULL;
        if (!v) {
            vm_free_var_error(co, oparg);
            goto error;
        }
        PUSH(Ad_NewRef(v));
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_DEREF) {
        AdObject *mapping = TOP();
        AdObject *name = GETITEM(co->co_localsplusnames, oparg);
        AdObject *v;
        int rc = mapping_get(mapping, name, &v);
        if (rc < 0)
            goto error;
        if (rc == 0) {
            AdObject *cell = GETLOCAL(oparg);
            v = cell ? AdCell_GET(cell) : NULL;
            if (!v) {
                vm_free_var_error(co, oparg);
                goto error;
            }
            Ad_INCREF(v);
        }
        Ad_DECREF(mapping);
        TOP() = v;
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        AdObject *v = POP();
        AdObject *cell = GETLOCAL(oparg);
        AdCell_Set(cell, v);
        Ad_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        AdObject *cell = GETLOCAL(oparg);
        if (!cell || !AdCell_GET(cell)) {
            vm_free_var_error(co, oparg);
            goto error;
        }
        AdCell_Set(cell, NULL);
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        AdCodeUnit *cache = next_instr;
        SKIP_CACHES(LOAD_ATTR);
        AdObject *owner = TOP();
        AdObject *name = GETITEM(names, oparg >> 1);
        uint32_t cver = vms_read_u32(cache + 1);
        if (cver && cver == AD_TYPE(owner)->tp_version_tag) {
            /* Specialized (vm/specialize.h); any failed guard takes the generic path. */
            switch (cache[3]) {
            case VMS_ATTR_SLOT: {
                AdObject *v = *(AdObject **)((char *)owner + cache[4]);
                if (!v)
                    break;
                Ad_INCREF(v);
                Ad_DECREF(owner);
                TOP() = v;
                if (oparg & 1)
                    PUSH(NULL);
                DISPATCH();
            }
            case VMS_ATTR_METHOD: {
                if (AD_TYPE(owner)->tp_dictoffset) {
                    AdObject **dp = AdObject_GetDictPtr(owner);
                    if (dp && *dp && AdDict_GET_SIZE(*dp)) {
                        if (AdDict_GetItemWithError(*dp, name))
                            break;
                        if (AdErr_Occurred())
                            goto error;
                    }
                }
                TOP() = Ad_NewRef(vms_read_ptr(cache + 5));
                PUSH(owner);
                DISPATCH();
            }
            case VMS_ATTR_INSTANCE: {
                AdObject **dp = AdObject_GetDictPtr(owner);
                AdObject *v = NULL;
                if (dp && *dp) {
                    v = AdDict_GetByHint(*dp, name, cache[4]);
                    if (!v && (v = AdDict_GetItemWithError(*dp, name)) != NULL)
                        cache[4] = (AdCodeUnit)vms_dict_hint(*dp, name);
                }
                if (!v) {
                    if (AdErr_Occurred())
                        goto error;
                    break;
                }
                Ad_INCREF(v);
                Ad_DECREF(owner);
                TOP() = v;
                if (oparg & 1)
                    PUSH(NULL);
                DISPATCH();
            }
            default:
                break;
            }
        } else if (cache[0]) {
            cache[0]--;
        } else {
            vm_specialize_load_attr(owner, name, oparg & 1, cache);
        }
        if (oparg & 1) {
            AdObject *meth = NULL;
            int rc = vm_get_method(owner, name, &meth);
            if (rc < 0)
                goto error;
            if (rc == 1) {
                TOP() = meth;
                PUSH(owner);
            } else {
                Ad_DECREF(owner);
                TOP() = meth;
                PUSH(NULL);
            }
        } else {
            AdObject *v = AdObject_GetAttr(owner, name);
            if (!v)
                goto error;
            Ad_DECREF(owner);
            TOP() = v;
        }
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        AdCodeUnit *cache = next_instr;
        SKIP_CACHES(STORE_ATTR);
        AdObject *owner = PEEK(1), *v = PEEK(2);
        uint32_t cver = vms_read_u32(cache + 1);
        AdObject **hinted = NULL;       /* the instance dict whose hint missed */
        if (cver && cver == AD_TYPE(owner)->tp_version_tag) {
            /* Specialized (vm/specialize.h): the reference moves in. */
            unsigned int c3 = cache[3];
            if (!(c3 & VMS_STORE_INSTANCE)) {
                AdObject **slot = (AdObject **)((char *)owner + c3);
                AdObject *old = *slot;
                *slot = v;
                Ad_XDECREF(old);
                sp -= 2;
                Ad_DECREF(owner);
                DISPATCH();
            }
            AdObject **dp = AdObject_GetDictPtr(owner);
            if (dp && *dp && AdDict_CheckExact(*dp)) {
                if (AdDict_ReplaceByHint(*dp, GETITEM(names, oparg), c3 & VMS_NO_HINT, v)) {
                    sp -= 2;
                    Ad_DECREF(owner);
                    DISPATCH();
                }
                hinted = dp;
            }
        } else if (cache[0]) {
            cache[0]--;
        } else {
            vm_specialize_store_attr(owner, GETITEM(names, oparg), cache);
        }
        if (AdObject_SetAttr(owner, GETITEM(names, oparg), v) < 0)
            goto error;
        if (hinted && *hinted && AdDict_CheckExact(*hinted))
            cache[3] = (AdCodeUnit)(VMS_STORE_INSTANCE | vms_dict_hint(*hinted, GETITEM(names, oparg)));
        sp -= 2;
        Ad_DECREF(owner);
        Ad_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        AdObject *owner = TOP();
        if (AdObject_SetAttr(owner, GETITEM(names, oparg), NULL) < 0)
            goto error;
        sp--;
        Ad_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_SUPER_ATTR) {
        SKIP_CACHES(LOAD_SUPER_ATTR);
        AdObject *self = PEEK(1), *cls = PEEK(2), *gsuper = PEEK(3);
        AdObject *self_out = NULL;
        AdObject *v = vm_load_super_attr(gsuper, cls, self, GETITEM(names, oparg >> 2), oparg, &self_out);
        if (!v)
            goto error;
        sp -= 3;
        Ad_DECREF(gsuper);
        Ad_DECREF(cls);
        Ad_DECREF(self);
        PUSH(v);
        if (oparg & 1)
            PUSH(self_out);
        DISPATCH();
    }

    TARGET(LOAD_SPECIAL) {
        AdObject *owner = TOP();
        AdObject *attr, *self_or_null;
        if (vm_load_special(owner, oparg, &attr, &self_or_null) < 0)
            goto error;
        Ad_DECREF(owner);
        TOP() = attr;
        PUSH(self_or_null);
        DISPATCH();
    }

    TARGET(LOAD_COMMON_CONSTANT) {
        AdObject *v;
        switch (oparg) {
        case 0: v = AdExc_AssertionError; break;
        case 1: v = AdExc_NotImplementedError; break;
        case 2: v = (AdObject *)&AdTuple_Type; break;
        case 3:
        case 4: {
            AdObject *b = frame->f_builtins;
            v = b ? AdDict_GetItemString(b, oparg == 3 ? "all" : "any") : NULL;
            if (!v) {
                AdErr_Format(AdExc_NameError, "name '%s' is not defined", oparg == 3 ? "all" : "any");
                goto error;
            }
            break;
        }
        default:
            AdErr_SetString(AdExc_SystemError, "bad LOAD_COMMON_CONSTANT oparg");
            goto error;
        }
        PUSH(Ad_NewRef(v));
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        AdObject *bc = frame->f_builtins ? AdDict_GetItemString(frame->f_builtins, "__build_class__") : NULL;
        if (!bc) {
            AdErr_SetString(AdExc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(Ad_NewRef(bc));
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (!frame->f_locals) {
            AdErr_SetString(AdExc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        AdObject *key = AdStr_InternFromString("__annotations__");
        AdObject *v;
        int rc = mapping_get(frame->f_locals, key, &v);
        if (rc < 0)
            goto error;
        if (rc == 1) {
            Ad_DECREF(v);
            DISPATCH();
        }
        AdObject *d = AdDict_New();
        if (!d)
            goto error;
        rc = AdObject_SetItem(frame->f_locals, key, d);
        Ad_DECREF(d);
        if (rc < 0)
            goto error;
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        AdObject *t = AdTuple_New(oparg);
        if (!t)
            goto error;
        sp -= oparg;
        for (int i = 0; i < oparg; i++)
            AdTuple_SET_ITEM(t, i, sp[i]);
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        AdObject *l = AdList_New(oparg);
        if (!l)
            goto error;
        sp -= oparg;
        for (int i = 0; i < oparg; i++)
            AdList_SET_ITEM(l, i, sp[i]);
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        AdObject *s = AdSet_New(NULL);
        if (!s)
            goto error;
        int err = 0;
        for (int i = oparg; i > 0; i--)
            if (!err && AdSet_Add(s, PEEK(i)) < 0)
                err = 1;
        for (int i = 0; i < oparg; i++)
            Ad_DECREF(POP());
        if (err) {
            Ad_DECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        AdObject *d = AdDict_NewPresized(oparg);
        if (!d)
            goto error;
        int err = 0;
        for (int i = oparg; i > 0; i--)
            if (!err && AdDict_SetItem(d, PEEK(2 * i), PEEK(2 * i - 1)) < 0)
                err = 1;
        for (int i = 0; i < 2 * oparg; i++)
            Ad_DECREF(POP());
        if (err) {
            Ad_DECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        AdObject *step = oparg == 3 ? POP() : NULL;
        AdObject *stop = POP(), *start = POP();
        AdObject *s = AdSlice_New(start, stop, step);
        Ad_DECREF(start);
        Ad_DECREF(stop);
        Ad_XDECREF(step);
        if (!s)
            goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        /* The pieces are strs (FORMAT_SIMPLE / FORMAT_WITH_SPEC / constants). */
        AdObject *s = AdStr_JoinArray(NULL, sp - oparg, oparg);
        for (int i = 0; i < oparg; i++)
            Ad_DECREF(POP());
        if (!s)
            goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_TEMPLATE) {
        AdObject *interps = POP(), *strings = POP();
        AdObject *t = AdTemplate_New(strings, interps);
        Ad_DECREF(strings);
        Ad_DECREF(interps);
        if (!t)
            goto error;
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_INTERPOLATION) {
        /* oparg: bit 0 a format spec is on the stack, >> 2 the conversion (0 none, 1 s, 2 r, 3 a) */
        static const char *const conv_names[4] = {NULL, "s", "r", "a"};
        AdObject *spec = oparg & 1 ? POP() : AdStr_FromString("");
        AdObject *expr = POP(), *value = POP();
        AdObject *conv = (oparg >> 2) & 3 ? AdStr_FromString(conv_names[(oparg >> 2) & 3]) : Ad_NewRef(Ad_None);
        AdObject *i = spec && conv ? AdInterpolation_New(value, expr, conv, spec) : NULL;
        Ad_XDECREF(spec);
        Ad_XDECREF(conv);
        Ad_DECREF(expr);
        Ad_DECREF(value);
        if (!i)
            goto error;
        PUSH(i);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        AdObject *v = POP();
        int rc = AdList_Append(PEEK(oparg), v);
        Ad_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        AdObject *iterable = TOP();
        if (AdList_Extend(PEEK(oparg + 1), iterable) < 0) {
            if (AdErr_ExceptionMatches(AdExc_TypeError) && !AD_TYPE(iterable)->tp_iter &&
                !AdType_LookupString(AD_TYPE(iterable), "__getitem__")) {
                AdErr_Clear();
                AdErr_Format(AdExc_TypeError, "Value after * must be an iterable, not %s",
                             AdType_Name(AD_TYPE(iterable)));
            }
            goto error;
        }
        sp--;
        Ad_DECREF(iterable);
        DISPATCH();
    }

    TARGET(SET_ADD) {
        AdObject *v = POP();
        int rc = AdSet_Add(PEEK(oparg), v);
        Ad_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        AdObject *iterable = TOP();
        if (objects_set_update(PEEK(oparg + 1), iterable) < 0)
            goto error;
        sp--;
        Ad_DECREF(iterable);
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        AdObject *v = POP(), *k = POP();
        int rc = AdDict_SetItem(PEEK(oparg), k, v);
        Ad_DECREF(k);
        Ad_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        AdObject *update = TOP();
        AdObject *d = PEEK(oparg + 1);
        if (AdDict_Merge(d, update, 1) < 0) {
            if (AdErr_ExceptionMatches(AdExc_AttributeError)) {
                AdErr_Clear();
                AdErr_Format(AdExc_TypeError, "'%s' object is not a mapping", AdType_Name(AD_TYPE(update)));
            }
            goto error;
        }
        sp--;
        Ad_DECREF(update);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        AdObject *update = TOP();
        AdObject *d = PEEK(oparg + 1);
        AdObject *callable = PEEK(oparg + 4);
        if (!AdDict_Check(update) && !AdType_LookupString(AD_TYPE(update), "keys")) {
            vm_dict_merge_error(callable, update);
            goto error;
        }
        /* Keys must not repeat: check before merging. */
        if (AdDict_Check(update)) {
            Ad_ssize_t pos = 0;
            AdObject *k, *val;
            while (AdDict_Next(update, &pos, &k, &val)) {
                int has = AdDict_Contains(d, k);
                if (has < 0)
                    goto error;
                if (has) {
                    AdObject *fs = AdObject_FunctionStr(callable);
                    if (fs) {
                        if (AdStr_Check(k))
                            AdErr_Format(AdExc_TypeError, "%U got multiple values for keyword argument '%U'", fs, k);
                        else
                            AdErr_Format(AdExc_TypeError, "%U keywords must be strings", fs);
                        Ad_DECREF(fs);
                    }
                    goto error;
                }
            }
            if (AdDict_Merge(d, update, 1) < 0)
                goto error;
        } else {
            AdObject *tmp = AdDict_New();
            if (!tmp || AdDict_Merge(tmp, update, 1) < 0) {
                Ad_XDECREF(tmp);
                goto error;
            }
            Ad_ssize_t pos = 0;
            AdObject *k, *val;
            while (AdDict_Next(tmp, &pos, &k, &val)) {
                int has = AdDict_Contains(d, k);
                if (has != 0) {
                    if (has > 0) {
                        AdObject *fs = AdObject_FunctionStr(callable);
                        if (fs) {
                            AdErr_Format(AdExc_TypeError, "%U got multiple values for keyword argument '%S'", fs, k);
                            Ad_DECREF(fs);
                        }
                    }
                    Ad_DECREF(tmp);
                    goto error;
                }
                if (AdDict_SetItem(d, k, val) < 0) {
                    Ad_DECREF(tmp);
                    goto error;
                }
            }
            Ad_DECREF(tmp);
        }
        sp--;
        Ad_DECREF(update);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        SKIP_CACHES(UNPACK_SEQUENCE);
        AdObject *seq = TOP();
        if (AdTuple_CheckExact(seq) && AdTuple_GET_SIZE(seq) == oparg) {
            sp--;
            for (int i = oparg; i > 0; i--)
                PUSH(Ad_NewRef(AdTuple_GET_ITEM(seq, i - 1)));
            Ad_DECREF(seq);
            DISPATCH();
        }
        if (AdList_CheckExact(seq) && AdList_GET_SIZE(seq) == oparg) {
            sp--;
            for (int i = oparg; i > 0; i--)
                PUSH(Ad_NewRef(AdList_GET_ITEM(seq, i - 1)));
            Ad_DECREF(seq);
            DISPATCH();
        }
        sp--;
        if (vm_unpack_iterable(seq, oparg, -1, sp) < 0) {
            *sp++ = seq;     /* the helper may have written over its slot */
            goto error;
        }
        Ad_DECREF(seq);
        sp += oparg;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        AdObject *seq = TOP();
        int before = oparg & 0xff, after = oparg >> 8;
        sp--;
        if (vm_unpack_iterable(seq, before, after, sp) < 0) {
            *sp++ = seq;     /* the helper may have written over its slot */
            goto error;
        }
        Ad_DECREF(seq);
        sp += before + after + 1;
        DISPATCH();
    }

    TARGET(FORMAT_SIMPLE) {
        AdObject *v = TOP();
        if (!AdStr_CheckExact(v)) {
            AdObject *r = AdObject_Format(v, NULL);
            if (!r)
                goto error;
            Ad_DECREF(v);
            TOP() = r;
        }
        DISPATCH();
    }

    TARGET(FORMAT_WITH_SPEC) {
        AdObject *spec = PEEK(1), *v = PEEK(2);
        AdObject *r = AdObject_Format(v, spec);
        if (!r)
            goto error;
        sp--;
        Ad_DECREF(spec);
        Ad_DECREF(v);
        TOP() = r;
        DISPATCH();
    }

    TARGET(CONVERT_VALUE) {
        AdObject *v = TOP();
        AdObject *r = oparg == 1 ? AdObject_Str(v) : oparg == 2 ? AdObject_Repr(v) : AdObject_ASCII(v);
        if (!r)
            goto error;
        Ad_DECREF(v);
        TOP() = r;
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        AdObject *code = TOP();
        AdObject *f = AdFunction_New(code, frame->f_globals);
        if (!f)
            goto error;
        Ad_DECREF(code);
        TOP() = f;
        DISPATCH();
    }

    TARGET(SET_FUNCTION_ATTRIBUTE) {
        AdObject *func = POP();
        AdObject *attr = TOP();
        int rc;
        switch (oparg) {
        case 1: rc = AdFunction_SetDefaults(func, attr); break;
        case 2: rc = AdFunction_SetKwDefaults(func, attr); break;
        case 4: rc = AdFunction_SetAnnotations(func, attr); break;
        case 8: rc = AdFunction_SetClosure(func, attr); break;
        case 16: rc = AdFunction_SetAnnotate(func, attr); break;
        default:
            AdErr_SetString(AdExc_SystemError, "bad SET_FUNCTION_ATTRIBUTE oparg");
            rc = -1;
        }
        Ad_DECREF(attr);
        TOP() = func;
        if (rc < 0)
            goto error;
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_1) {
        AdObject *v = TOP();
        frame->stackpointer = sp;
        AdObject *r = vm_intrinsic1(frame, oparg, v);
        if (!r)
            goto error;
        Ad_DECREF(v);
        TOP() = r;
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_2) {
        AdObject *v1 = PEEK(1), *v2 = PEEK(2);
        frame->stackpointer = sp;
        AdObject *r = vm_intrinsic2(frame, oparg, v2, v1);
        if (!r)
            goto error;
        sp--;
        Ad_DECREF(v1);
        Ad_DECREF(v2);
        TOP() = r;
        DISPATCH();
    }

    TARGET(EXIT_INIT_CHECK) {
        AdObject *v = TOP();
        if (v != Ad_None) {
            AdErr_Format(AdExc_TypeError, "__init__() should return None, not '%s'", AdType_Name(AD_TYPE(v)));
            goto error;
        }
        sp--;
        Ad_DECREF(v);
        DISPATCH();
    }

    TARGET(CALL)
    TARGET(CALL_KW) {
        AdObject *kwnames = NULL;
        int nargs_total = oparg;
        if (opcode == OP_CALL_KW) {
            SKIP_CACHES(CALL_KW);
            kwnames = POP();
        } else {
            SKIP_CACHES(CALL);
        }
        AdObject **args = sp - nargs_total;
        AdObject *callable = args[-2];
        AdObject *self_or_null = args[-1];
        int total = nargs_total;
        if (self_or_null) {
            args--;
            total++;
        } else if (AdMethod_Check(callable)) {
            AdObject *self = AdMethod_GET_SELF(callable), *fn = AdMethod_GET_FUNCTION(callable);
            args[-1] = Ad_NewRef(self);
            args[-2] = Ad_NewRef(fn);
            Ad_DECREF(callable);
            callable = fn;
            args--;
            total++;
        }
        /* A class whose call only allocates and runs a Python __init__:
         * the instance takes the callable's place (it is what the call
         * leaves) and is the first argument of an __init__ frame that
         * returns to here (RETURN_VALUE checks its None). */
        int init_call = 0;
        if (!self_or_null && AdType_Check(callable) && !vm->profile_func) {
            AdTypeObject *tp = (AdTypeObject *)callable;
            AdObject *init = AdType_PlainInit(tp);
            if (init) {
                AdObject *obj = tp->tp_alloc(tp, 0);
                if (!obj) {
                    Ad_XDECREF(kwnames);
                    goto error;
                }
                args[-1] = obj;
                args[-2] = Ad_NewRef(obj);
                Ad_DECREF(callable);        /* the instance keeps its class */
                callable = init;
                args--;
                total++;
                init_call = 1;
            }
        }
        if (!kwnames && AdFunction_Check(callable) && !vm->profile_func) {
            AdFunctionObject *fn = (AdFunctionObject *)callable;
            AdCodeObject *fco = (AdCodeObject *)fn->func_code;
            if (fco->co_argcount == total && fco->co_kwonlyargcount == 0 &&
                !(fco->co_flags & (AD_CO_VARARGS | AD_CO_VARKEYWORDS))) {
                /* Exactly the positional parameters: the argument
                 * references move from the stack into the new frame. */
                frame->stackpointer = sp;
                /* The C stack is where this frame's check found it. */
                if (vm->thread && vm->py_depth >= vm->thread->recursion_limit &&
                    vm_enter_check(vm) < 0)
                    goto error;
                /* The frame takes the stack's reference to the callable
                 * (an __init__ call's callable slot holds the instance,
                 * which stays: the frame gets a reference of its own). */
                if (init_call)
                    Ad_INCREF(callable);
                AdFrame *nf = vm_push_call_frame(vm, fco, callable, fn->func_globals,
                                                 fn->func_builtins, total);
                if (!nf) {
                    nf = vm_push_frame(vm, (AdObject *)fco, callable, fn->func_globals,
                                       fn->func_builtins, NULL);
                    if (!nf) {
                        if (init_call)
                            Ad_DECREF(callable);
                        goto error;     /* the stack still holds the rest */
                    }
                    Ad_DECREF(callable);        /* vm_push_frame took its own */
                }
                for (int i = 0; i < total; i++)
                    nf->localsplus[i] = args[i];
                /* Left below the arguments: the callable slot (the
                 * instance of an __init__ call stays there), and the NULL
                 * self slot when no self was moved in. */
                AdObject **base = sp - nargs_total - 2;
                sp = base + init_call;
                nf->is_init = (int8_t)init_call;
                frame->stackpointer = sp;
                nf->previous = frame;
                frame = nf;
                vm->current_frame = frame;
                vm->py_depth++;
                goto start_frame;
            }
        }
        Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
        Ad_ssize_t npos = total - nkw;
        if (AdFunction_Check(callable) && !vm->profile_func) {
            /* A Python function: push its frame and continue here. */
            frame->stackpointer = sp;
            if (vm_enter_check(vm) < 0) {
                Ad_XDECREF(kwnames);
                goto error;
            }
            AdFrame *nf = vm_frame_for_call(vm, callable, args, npos, nkw ? kwnames : NULL);
            Ad_XDECREF(kwnames);
            if (!nf)
                goto error;
            {
                AdObject **base = sp - nargs_total - 2 + init_call;
                while (sp > base) {
                    AdObject *o = POP();
                    Ad_XDECREF(o);
                }
            }
            nf->is_init = (int8_t)init_call;
            frame->stackpointer = sp;
            nf->previous = frame;
            frame = nf;
            vm->current_frame = frame;
            vm->py_depth++;
            goto start_frame;
        }
        frame->stackpointer = sp;
        AdObject *res;
        AdMethodDef *cdef = NULL;
        AdObject *cself = NULL;
        AdObject *const *cargs = args;
        Ad_ssize_t cn = total;
        if (!kwnames && !vm->profile_func && vm->thread) {
            /* A method descriptor on an instance of its class, or a builtin
             * function: its C function directly, for the calling
             * conventions that need no argument conversion (anything else,
             * and every error, takes the general path). */
            if (Ad_IS_TYPE(callable, &AdMethodDescr_Type)) {
                if (total >= 1 && AdObject_TypeCheck(args[0], ((AdDescrObject *)callable)->d_type)) {
                    cdef = ((AdMethodDescrObject *)callable)->d_method;
                    cself = args[0];
                    cargs = args + 1;
                    cn = total - 1;
                }
            } else if (AdCFunction_Check(callable)) {
                cdef = ((AdCFunctionObject *)callable)->m_ml;
                cself = ((AdCFunctionObject *)callable)->m_self;
            }
        }
        AdThread *ct = vm->thread;
        int direct = 0;
        if (cdef && ct->recursion_depth < ct->recursion_limit) {
            ct->recursion_depth++;
            direct = ad_methoddef_call_direct(cdef, cself, cargs, cn, &res);
            ct->recursion_depth--;
        }
        if (!direct)
            res = call_profiled(vm, frame, callable, args, (size_t)npos | AD_VECTORCALL_ARGUMENTS_OFFSET,
                                nkw ? kwnames : NULL);
        Ad_XDECREF(kwnames);
        AdObject **base = sp - nargs_total - 2;
        while (sp > base) {
            AdObject *o = POP();
            Ad_XDECREF(o);
        }
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        AdObject *kwargs = PEEK(1), *callargs = PEEK(2), *func = PEEK(4);
        if (!AdTuple_CheckExact(callargs)) {
            if (vm_check_args_iterable(func, callargs) < 0)
                goto error;
            AdObject *t = AdSequence_Tuple(callargs);
            if (!t)
                goto error;
            Ad_DECREF(callargs);
            PEEK(2) = callargs = t;
        }
        if (kwargs && !AdDict_CheckExact(kwargs)) {
            AdObject *d = AdDict_New();
            if (!d)
                goto error;
            if (AdDict_Merge(d, kwargs, 1) < 0) {
                Ad_DECREF(d);
                vm_dict_merge_error(func, kwargs);
                goto error;
            }
            Ad_DECREF(kwargs);
            PEEK(1) = kwargs = d;
        }
        frame->stackpointer = sp;
        AdObject *res;
        if (kwargs) {
            Ad_ssize_t pos = 0;
            AdObject *k, *v;
            while (AdDict_Next(kwargs, &pos, &k, &v))
                if (!AdStr_Check(k)) {
                    AdObject *fs = AdObject_FunctionStr(func);
                    if (fs) {
                        AdErr_Format(AdExc_TypeError, "keywords must be strings");
                        Ad_DECREF(fs);
                    }
                    goto error;
                }
        }
        if (vm->profile_func && !vm->tracing && is_cfunction_like(func)) {
            if (vm_trace_event(vm, frame, AD_TRACE_C_CALL, func) < 0)
                goto error;
            res = AdObject_Call(func, callargs, kwargs);
            if (res && vm_trace_event(vm, frame, AD_TRACE_C_RETURN, func) < 0)
                AD_CLEAR(res);
        } else {
            res = AdObject_Call(func, callargs, kwargs);
        }
        for (int i = 0; i < 4; i++) {
            AdObject *o = POP();
            Ad_XDECREF(o);
        }
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        AdObject *retval = POP();
        frame->stackpointer = sp;
        if (vm->use_tracing && !vm->tracing) {
            if (vm_trace_event(vm, frame, AD_TRACE_RETURN, retval) < 0) {
                Ad_DECREF(retval);
                goto error;
            }
        }
        vm->py_depth--;
        vm->current_frame = frame->previous;
        if (frame->owner == AD_FRAME_OWNED_BY_GENERATOR) {
            AdFrame *prev = gen_finish(vm, frame);
            if (!prev)
                return retval;
            frame = prev;
            LOAD_FRAME_STATE();
            next_instr = vm_next_after(frame->instr_ptr) + instr_oparg(frame->instr_ptr);
            PUSH(retval);
            DISPATCH();
        }
        if (frame->is_entry) {
            vm_pop_frame(vm, frame);
            return retval;
        }
        AdFrame *prev = frame->previous;
        int is_init = frame->is_init;
        vm_pop_frame_inline(vm, frame);
        frame = prev;
        LOAD_FRAME_STATE();
        next_instr = vm_next_after(frame->instr_ptr);
        if (is_init) {
            /* The instance is already where the call's result goes. */
            if (retval != Ad_None) {
                AdErr_Format(AdExc_TypeError, "__init__() should return None, not '%s'",
                             AdType_Name(AD_TYPE(retval)));
                Ad_DECREF(retval);
                goto error;
            }
            DISPATCH();
        }
        PUSH(retval);
        DISPATCH();
    }

    TARGET(RETURN_GENERATOR) {
        frame->instr_ptr = next_instr;
        frame->stackpointer = sp;
        AdObject *gen = ad_gen_new_from_frame(frame);
        if (!gen) {
            frame->instr_ptr = next_instr - 1;
            goto error;
        }
        /* The frame now lives in the generator; this record is empty. */
        vm->py_depth--;
        vm->current_frame = frame->previous;
        if (frame->is_entry) {
            vm_pop_frame(vm, frame);
            return gen;
        }
        AdFrame *prev = frame->previous;
        vm_pop_frame(vm, frame);
        frame = prev;
        LOAD_FRAME_STATE();
        next_instr = vm_next_after(frame->instr_ptr);
        PUSH(gen);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        AdObject *retval = POP();
        frame->stackpointer = sp;
        AdGenObject *gen = ad_gen_from_frame(frame);
        gen->gi_frame_state = oparg ? AD_FRAME_SUSPENDED_YIELD_FROM : AD_FRAME_SUSPENDED;
        if (vm->use_tracing && !vm->tracing) {
            if (vm_trace_event(vm, frame, AD_TRACE_RETURN, retval) < 0) {
                Ad_DECREF(retval);
                gen->gi_frame_state = AD_FRAME_EXECUTING;
                goto error;
            }
        }
        vm->py_depth--;
        vm->current_frame = frame->previous;
        if (!frame->is_entry) {
            AdFrame *prev = frame->previous;
            frame->previous = NULL;
            ad_gen_leave(vm, gen);
            frame = prev;
            LOAD_FRAME_STATE();
            next_instr = vm_next_after(frame->instr_ptr);
            PUSH(retval);
            DISPATCH();
        }
        frame->previous = NULL;
        return retval;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        AdObject *v = TOP();
        if (AdCoro_CheckExact(v)) {
            if (!(co->co_flags & (AD_CO_COROUTINE | AD_CO_ITERABLE_COROUTINE))) {
                AdErr_SetString(AdExc_TypeError,
                                "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
        } else if (!AdGen_CheckExact(v)) {
            AdObject *it = AdObject_GetIter(v);
            if (!it)
                goto error;
            Ad_DECREF(v);
            TOP() = it;
        }
        DISPATCH();
    }

    TARGET(SEND) {
        SKIP_CACHES(SEND);
        AdObject *v = PEEK(1), *receiver = PEEK(2);
        if ((AdGen_CheckExact(receiver) || AdCoro_CheckExact(receiver)) &&
            gen_can_resume_inline(vm, (AdGenObject *)receiver, v)) {
            sp--;           /* v moves to the generator's stack */
            frame->stackpointer = sp;
            frame = gen_resume_inline(vm, (AdGenObject *)receiver, frame, v);
            goto start_frame;
        }
        frame->stackpointer = sp;
        int returned = 0;
        AdObject *r = vm_gen_send_value(receiver, v, &returned);
        if (!r)
            goto error;
        Ad_DECREF(v);
        TOP() = r;
        if (returned)
            JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        AdObject *v = TOP();
        AdObject *it = vm_get_awaitable(v, oparg);
        if (!it)
            goto error;
        Ad_DECREF(v);
        TOP() = it;
        DISPATCH();
    }

    TARGET(GET_AITER) {
        AdObject *v = TOP();
        AdObject *it = vm_get_aiter(v);
        if (!it)
            goto error;
        Ad_DECREF(v);
        TOP() = it;
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        AdObject *aw = vm_get_anext(TOP());
        if (!aw)
            goto error;
        PUSH(aw);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        AdObject *exc = PEEK(1);
        if (AdErr_GivenExceptionMatches(exc, AdExc_StopAsyncIteration)) {
            AdObject *aw = PEEK(2);
            sp -= 2;
            Ad_DECREF(exc);
            Ad_DECREF(aw);
            DISPATCH();
        }
        sp--;
        AdErr_SetRaisedException(exc);
        unwind_at = frame->instr_ptr;
        goto exception_unwind;
    }

    TARGET(CLEANUP_THROW) {
        AdObject *exc = PEEK(1), *last_sent = PEEK(2), *sub_iter = PEEK(3);
        if (AdErr_GivenExceptionMatches(exc, AdExc_StopIteration)) {
            AdObject *value = AdObject_GetAttrString(exc, "value");
            if (!value)
                goto error;
            sp -= 3;
            Ad_DECREF(exc);
            Ad_DECREF(last_sent);
            Ad_DECREF(sub_iter);
            PUSH(Ad_NewRef(Ad_None));
            PUSH(value);
            DISPATCH();
        }
        sp--;
        AdErr_SetRaisedException(exc);
        unwind_at = frame->instr_ptr;
        goto exception_unwind;
    }

    TARGET(MATCH_MAPPING) {
        AdObject *v = TOP();
        PUSH(AdType_HasFeature(AD_TYPE(v), AD_TPFLAGS_MATCH_MAPPING) ? Ad_True : Ad_False);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        AdObject *v = TOP();
        PUSH(AdType_HasFeature(AD_TYPE(v), AD_TPFLAGS_MATCH_SEQUENCE) ? Ad_True : Ad_False);
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        AdObject *r = vm_match_keys(PEEK(2), PEEK(1));
        if (!r)
            goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        AdObject *kw = PEEK(1), *type = PEEK(2), *subject = PEEK(3);
        AdObject *attrs = vm_match_class(subject, type, oparg, kw);
        if (!attrs)
            goto error;
        sp -= 3;
        Ad_DECREF(kw);
        Ad_DECREF(type);
        Ad_DECREF(subject);
        PUSH(attrs);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        AdObject *fromlist = PEEK(1), *level = PEEK(2);
        frame->stackpointer = sp;
        AdObject *m = vm_import_name(frame, GETITEM(names, oparg), fromlist, level);
        if (!m)
            goto error;
        sp -= 2;
        Ad_DECREF(fromlist);
        Ad_DECREF(level);
        PUSH(m);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        AdObject *v = vm_import_from(TOP(), GETITEM(names, oparg));
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {
        AdObject *exc = TOP();
        AdExcInfo *ei = vm->exc_info;
        AdObject *prev = ei->exc_value ? ei->exc_value : Ad_NewRef(Ad_None);
        ei->exc_value = Ad_NewRef(exc);
        TOP() = prev;
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        AdObject *v = POP();
        AdExcInfo *ei = vm->exc_info;
        AdObject *old = ei->exc_value;
        if (v == Ad_None) {
            ei->exc_value = NULL;
            Ad_DECREF(v);
        } else {
            ei->exc_value = v;
        }
        Ad_XDECREF(old);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        AdObject *right = TOP(), *left = PEEK(2);
        if (vm_check_except_type_valid(right) < 0)
            goto error;
        int res = AdErr_GivenExceptionMatches(left, right);
        Ad_DECREF(right);
        TOP() = res ? Ad_True : Ad_False;
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        AdObject *match_type = PEEK(1), *exc = PEEK(2);
        if (vm_check_except_star_type_valid(match_type) < 0)
            goto error;
        AdObject *match = NULL, *rest = NULL;
        if (vm_exception_group_match(frame, exc, match_type, &match, &rest) < 0)
            goto error;
        sp -= 2;
        Ad_DECREF(match_type);
        Ad_DECREF(exc);
        if (match != Ad_None) {
            AdExcInfo *ei = vm->exc_info;
            AD_XSETREF(ei->exc_value, Ad_NewRef(match));
        }
        PUSH(rest);
        PUSH(match);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        AdObject *val = PEEK(1), *exit_self = PEEK(4), *exit_func = PEEK(5);
        AdObject *tb = AdException_GetTraceback(val);
        AdObject *stack[5];
        stack[0] = NULL;
        stack[1] = exit_self;
        stack[2] = (AdObject *)AD_TYPE(val);
        stack[3] = val;
        stack[4] = tb ? tb : Ad_None;
        frame->stackpointer = sp;
        AdObject *res = exit_self ? AdObject_Vectorcall(exit_func, stack + 1, 4 | AD_VECTORCALL_ARGUMENTS_OFFSET, NULL)
                                  : AdObject_Vectorcall(exit_func, stack + 2, 3 | AD_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        AdObject *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2:
            cause = POP();
            /* fall through */
        case 1:
            exc = POP();
            /* fall through */
        case 0:
            if (vm_do_raise(exc, cause)) {
                unwind_at = frame->instr_ptr;
                goto exception_unwind;
            }
            break;
        default:
            AdErr_SetString(AdExc_SystemError, "bad RAISE_VARARGS oparg");
            break;
        }
        goto error;
    }

    TARGET(RERAISE) {
        AdObject *exc = POP();
        unwind_at = frame->instr_ptr;
        if (oparg) {
            AdObject *lasti = PEEK(oparg);
            if (AdInt_Check(lasti)) {
                int64_t off = AdInt_AsInt64(lasti);
                frame->instr_ptr = code_start + off;
            } else {
                Ad_DECREF(exc);
                AdErr_SetString(AdExc_SystemError, "lasti is not an int");
                goto error;
            }
        }
        AdErr_SetRaisedException(exc);
        goto exception_unwind;
    }

    default:
    L_unknown_opcode:
        AdErr_Format(AdExc_SystemError, "%U:%d: unknown opcode %d", co->co_filename,
                     AdCode_Addr2Line((AdObject *)co, vm_frame_lasti(frame)), opcode);
        goto error;
    }

error:
    frame->stackpointer = sp;
    add_traceback(frame);
    if (vm->use_tracing && !vm->tracing && vm->trace_func)
        trace_exception(vm, frame);
    unwind_at = frame->instr_ptr;

exception_unwind: {
        int offset = (int)(unwind_at - code_start), target, depth, lasti;
        if (vm_exception_table_find(co, offset, &target, &depth, &lasti)) {
            AdObject **base = vm_frame_stack_base(frame);
            AdObject **level = base + depth;
            while (sp > level) {
                AdObject *o = POP();
                Ad_XDECREF(o);
            }
            if (lasti) {
                AdObject *l = AdInt_FromInt64(vm_frame_lasti(frame) / 2);
                if (!l)
                    goto exit_unwind;
                PUSH(l);
            }
            AdObject *exc = AdErr_GetRaisedException();
            PUSH(exc);
            next_instr = code_start + target;
            DISPATCH();
        }
    }

exit_unwind:
    /* No handler: the exception leaves this frame. */
    while (sp > vm_frame_stack_base(frame)) {
        AdObject *o = POP();
        Ad_XDECREF(o);
    }
    frame->stackpointer = sp;
    if (vm->use_tracing && !vm->tracing && (vm->trace_func || vm->profile_func)) {
        AdObject *exc = AdErr_GetRaisedException();
        if (vm_trace_event(vm, frame, AD_TRACE_RETURN, Ad_None) < 0)
            Ad_XDECREF(exc);
        else
            AdErr_SetRaisedException(exc);
    }
    vm->py_depth--;
    vm->current_frame = frame->previous;
    if (frame->owner == AD_FRAME_OWNED_BY_GENERATOR) {
        AdFrame *prev = gen_finish(vm, frame);
        if (!prev)
            return NULL;
        frame = prev;
        LOAD_FRAME_STATE();
        goto error;
    }
    if (frame->is_entry) {
        vm_pop_frame(vm, frame);
        return NULL;
    }
    {
        AdFrame *prev = frame->previous;
        vm_pop_frame(vm, frame);
        frame = prev;
        LOAD_FRAME_STATE();
        goto error;
    }
#undef vm
}
