/* frame.h: the frame records the evaluation loop runs (the counterpart of
 * CPython's _PyInterpreterFrame) and the per-thread VM state: a contiguous
 * stack of frames (code, function, globals, builtins, locals, the
 * instruction pointer, then locals+cells+frees and the value stack in one
 * array), the handled-exception chain, tracing hooks and recursion
 * counters. A frame lives on the thread's frame stack, inside a generator,
 * or (once its execution ended while a frame object still refers to it)
 * inside its frame object. This header is shared by the vm room and the
 * objects it owns (function, frame, generator); nobody else includes it. */
#ifndef ADDER_VM_FRAME_H
#define ADDER_VM_FRAME_H
#include <stdint.h>
#include "objects/object.h"
#include "objects/code.h"
#include "runtime/interp.h"

enum {
    AD_FRAME_OWNED_BY_THREAD = 0,
    AD_FRAME_OWNED_BY_GENERATOR = 1,
    AD_FRAME_OWNED_BY_FRAME_OBJECT = 2,
};

typedef struct AdFrame {
    AdObject *f_code;               /* code object (strong) */
    AdObject *f_func;               /* function or NULL (strong) */
    AdObject *f_globals;            /* the function's (borrowed) or, without one, strong */
    AdObject *f_builtins;           /* likewise */
    AdObject *f_locals;             /* mapping for module/class code, or NULL (strong) */
    struct AdFrame *previous;       /* the caller while executing */
    AdObject *frame_obj;            /* the frame object or NULL (strong) */
    AdCodeUnit *instr_ptr;          /* the instruction executing, or to resume at */
    AdObject **stackpointer;        /* top of the value stack when not running */
    int8_t owner;                   /* AD_FRAME_OWNED_BY_* */
    int8_t is_entry;                /* returning from it returns from the C call */
    int8_t cleared;
    int8_t is_init;                 /* __init__ run by a class call: returns the instance below */
    int trace_line;                 /* the last line reported to a trace function */
    int trace_lasti;
    AdObject *localsplus[];         /* nlocalsplus slots, then the value stack */
} AdFrame;

/* Words a frame of code needs (header + locals + stack). */
static inline size_t vm_frame_words(AdCodeObject *co)
{
    return (sizeof(AdFrame) + sizeof(AdObject *) - 1) / sizeof(AdObject *) +
           (size_t)co->co_nlocalsplus + (size_t)co->co_stacksize + 1;
}
static inline AdObject **vm_frame_stack_base(AdFrame *f)
{
    return f->localsplus + ((AdCodeObject *)f->f_code)->co_nlocalsplus;
}
/* Byte offset of the instruction the frame is at. */
static inline int vm_frame_lasti(AdFrame *f)
{
    return (int)((f->instr_ptr - AdCode_CODE(f->f_code)) * (int)sizeof(AdCodeUnit));
}

/* The handled-exception chain (sys.exception()): each running generator
 * links its own entry in front while it runs. */
typedef struct AdExcInfo {
    AdObject *exc_value;            /* NULL: none at this level */
    struct AdExcInfo *previous;
} AdExcInfo;

typedef struct AdVMChunk AdVMChunk;
struct AdVMChunk {
    AdVMChunk *previous;
    size_t size;                    /* words in data */
    AdObject **saved_top;           /* the previous chunk's top when this one started */
    AdObject *data[];
};

typedef struct AdVMState {
    AdThread *thread;
    _Atomic uint32_t *breaker;      /* thread->eval_breaker (a zero word without a thread) */
    AdFrame *current_frame;
    AdVMChunk *chunk;               /* the frame stack's current chunk */
    AdObject **top, **limit;        /* free space in it */
    int py_depth;                   /* Python frames running (recursion limit) */
    AdExcInfo base_exc;
    AdExcInfo *exc_info;
    AdObject *trace_func, *profile_func;   /* sys.settrace/setprofile callables */
    int tracing;                    /* inside a trace function: no events */
    int use_tracing;                /* some hook is set (checked per instruction) */
    void *const *dispatch;          /* the loop's jump table: plain, or through the trace hook */
    char *c_stack_limit;            /* below it: RecursionError */
} AdVMState;

/* Points vm->dispatch at the table use_tracing asks for. */
void vm_select_dispatch(AdVMState *vm);
/* The calling thread's VM state (made on first use; bound again to the
 * thread's AdThread when that changed). */
extern _Thread_local AdVMState ad_vm_tls __attribute__((tls_model("local-exec")));
AdVMState *vm_state_slow(void);
static inline AdVMState *vm_state(void)
{
    AdVMState *vm = &ad_vm_tls;
    AdThread *t = ad_current_thread;
    if (__builtin_expect(t != NULL && vm->thread == t, 1))
        return vm;
    return vm_state_slow();
}
/* Releases the calling thread's frame stack and hooks (a thread that ends). */
void AdVM_ThreadFini(void);
/* From another thread, during finalization: releases what the frame stack
 * of t holds (a daemon thread that will never run again: it hangs when it
 * next wants the GIL) and frees the stack. */
void AdVM_ReleaseAbandoned(AdThread *t);
/* The exception being handled by the calling thread (sys.exception(); the
 * context of a new exception): the innermost level of the exc_info chain
 * that has one, borrowed; NULL when none. */
AdObject *AdVM_HandledException(void);

/* Frame stack: a frame for code with everything NULL but the header
 * (takes new refs to func/globals/builtins/locals). NULL with MemoryError. */
AdFrame *vm_push_frame(AdVMState *vm, AdObject *code, AdObject *func, AdObject *globals,
                       AdObject *builtins, AdObject *locals);
/* vm_push_frame for a Python function call (no locals mapping) when the
 * current chunk has room, leaving locals [0, nfilled) for the caller to
 * fill; NULL (no error set) when there is no room: use vm_push_frame.
 * Takes over the caller's reference to func when it succeeds. */
static inline AdFrame *vm_push_call_frame(AdVMState *vm, AdCodeObject *co, AdObject *func,
                                          AdObject *globals, AdObject *builtins, int nfilled)
{
    size_t words = vm_frame_words(co);
    if (!vm->top || (size_t)(vm->limit - vm->top) < words)
        return NULL;
    AdFrame *f = (AdFrame *)vm->top;
    vm->top += words;
    f->f_code = Ad_NewRef((AdObject *)co);
    f->f_func = func;               /* the caller's reference */
    f->f_globals = globals;         /* borrowed from func */
    f->f_builtins = builtins;
    f->f_locals = NULL;
    f->previous = NULL;
    f->frame_obj = NULL;
    f->instr_ptr = AdCode_CODE(co);
    f->owner = AD_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->cleared = 0;
    f->is_init = 0;
    f->trace_line = -1;
    f->trace_lasti = -1;
    for (int i = nfilled; i < co->co_nlocalsplus; i++)
        f->localsplus[i] = NULL;
    f->stackpointer = f->localsplus + co->co_nlocalsplus;
    return f;
}

/* Clears a frame's contents (locals, stack, header refs); a frame object
 * that outlives it takes a copy first. */
void vm_frame_clear(AdFrame *f);
/* Clears and pops a thread-owned frame (the newest on the stack). */
void vm_pop_frame(AdVMState *vm, AdFrame *f);
/* Releases f_func, f_globals and f_builtins (the last two are borrowed
 * from the function when there is one). */
static inline void vm_frame_clear_env(AdFrame *f)
{
    if (f->f_func) {
        f->f_globals = f->f_builtins = NULL;
        AD_CLEAR(f->f_func);
    } else {
        AD_CLEAR(f->f_globals);
        AD_CLEAR(f->f_builtins);
    }
}
/* The objects a frame's header owns, for GC traversal: code, function,
 * globals and builtins when no function lends them, locals mapping. */
static inline int vm_frame_visit_header(AdFrame *f, int (*visit)(AdObject *, void *), void *arg)
{
    AdObject *refs[] = {f->f_code, f->f_func, f->f_func ? NULL : f->f_globals,
                        f->f_func ? NULL : f->f_builtins, f->f_locals};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i] && visit(refs[i], arg))
            return 1;
    return 0;
}
/* vm_pop_frame for the evaluation loop's returns: the common frame (no
 * frame object, not cleared) is released inline, in the same order. */
static inline void vm_pop_frame_inline(AdVMState *vm, AdFrame *f)
{
    if (f->frame_obj || f->cleared) {
        vm_pop_frame(vm, f);
        return;
    }
    /* Nothing can reach this frame any more (no frame object, off the
     * thread's chain), so its slots need not be cleared one by one; it
     * stays below vm->top until the end, so code that a release runs
     * pushes its frames above it. */
    f->cleared = 1;
    for (AdObject **p = f->stackpointer; p > f->localsplus;) {
        p--;
        Ad_XDECREF(*p);
    }
    AD_CLEAR(f->f_locals);
    vm_frame_clear_env(f);
    AD_CLEAR(f->f_code);
    vm->top = (AdObject **)f;
    if (vm->top == vm->chunk->data)
        vm_pop_frame(vm, f);        /* the chunk's first frame: the chunk may go */
}
/* Copies a frame (moving its references) into dst of the same size. */
void vm_frame_move(AdFrame *dst, AdFrame *src);
/* The frame object of f (made on first request). Borrowed, or NULL. */
AdObject *vm_frame_get_object(AdFrame *f);
/* The source line f is at. */
int vm_frame_lineno(AdFrame *f);
/* Runs f (already pushed and bound) until it returns or raises. */
AdObject *vm_eval_frame(AdVMState *vm, AdFrame *f, int throwflag);
/* The C stack check: -1 with RecursionError when the C stack is low. */
int vm_check_c_stack(AdVMState *vm);

/* Argument binding (call.c): moves/copies the arguments into f's locals
 * per func's signature; args are borrowed. -1 with CPython's TypeError. */
int vm_bind_args(AdObject *func, AdFrame *f, AdObject *const *args, Ad_ssize_t nargs,
                 AdObject *kwnames);
/* Prepares a frame for func with args bound (pushed on vm's stack). */
AdFrame *vm_frame_for_call(AdVMState *vm, AdObject *func, AdObject *const *args,
                           Ad_ssize_t nargs, AdObject *kwnames);

/* Tracing (trace.c): events as sys.settrace defines them. 0 or -1. */
enum { AD_TRACE_CALL, AD_TRACE_EXCEPTION, AD_TRACE_LINE, AD_TRACE_RETURN,
       AD_TRACE_C_CALL, AD_TRACE_C_EXCEPTION, AD_TRACE_C_RETURN, AD_TRACE_OPCODE };
int vm_trace_event(AdVMState *vm, AdFrame *f, int what, AdObject *arg);
void vm_update_tracing(AdVMState *vm);
#endif
