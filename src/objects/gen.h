/* gen.h: generators, coroutines and async generators (and their helper
 * objects: coroutine_wrapper for coro.__await__(), async_generator_asend,
 * async_generator_athrow, the wrapped values async generators yield).
 * Each owns its frame record inline; send/throw/close resume it through
 * the evaluation loop with CPython 3.14's rules (StopIteration and
 * StopAsyncIteration conversion, "generator ignored GeneratorExit",
 * "coroutine ... was never awaited", finalization). */
#ifndef ADDER_OBJECTS_GEN_H
#define ADDER_OBJECTS_GEN_H
#include "objects/object.h"
#include "vm/frame.h"

/* gi_frame_state values (ordered as CPython's). */
enum {
    AD_FRAME_CREATED = -3,
    AD_FRAME_SUSPENDED = -2,
    AD_FRAME_SUSPENDED_YIELD_FROM = -1,
    AD_FRAME_EXECUTING = 0,
    AD_FRAME_COMPLETED = 1,
    AD_FRAME_CLEARED = 4,
};

typedef struct {
    AdObject_HEAD;
    AdObject *gi_name;
    AdObject *gi_qualname;
    AdObject *gi_code;              /* kept even after the frame is gone */
    AdObject *gi_weakreflist;
    AdObject *ag_finalizer;         /* async generators: sys.set_asyncgen_hooks finalizer */
    AdExcInfo gi_exc_state;
    int8_t gi_frame_state;
    int8_t ag_hooks_inited, ag_closed, ag_running_async;
    AdFrame gi_iframe;              /* variable size: the frame record */
} AdGenObject;

extern AdTypeObject AdGen_Type, AdCoro_Type, AdAsyncGen_Type, AdCoroWrapper_Type,
    AdAsyncGenASend_Type, AdAsyncGenAThrow_Type, AdAsyncGenWrappedValue_Type;
#define AdGen_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdGen_Type)
#define AdCoro_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdCoro_Type)
#define AdAsyncGen_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdAsyncGen_Type)

/* Results of AdGen_Send. */
typedef enum { AD_GEN_RETURN = 0, AD_GEN_NEXT = 1, AD_GEN_ERROR = -1 } AdGenSendResult;
/* Resumes gen with arg (NULL: throw the raised exception into it when
 * exc is set). *result: the yielded or returned value (new ref). */
AdGenSendResult AdGen_Send(AdObject *gen, AdObject *arg, AdObject **result);

/* The object a yield from / await is delegating to (new ref) or NULL. */
AdObject *AdGen_GetYieldFrom(AdObject *gen);
/* An awaitable's iterator for `await o` (GET_AWAITABLE): coroutines and
 * iterable coroutines themselves, else o.__await__(). New ref or NULL. */
AdObject *AdCoro_GetAwaitableIter(AdObject *o);

/* Private to the vm room and gen*.c. */
AdObject *ad_gen_new_from_frame(AdFrame *f);        /* RETURN_GENERATOR; new ref */
AdObject *ad_gen_wrap_value(AdObject *v);           /* ASYNC_GEN_WRAP; new ref */
/* gen.send(arg) / gen.throw(*args) as the generator methods do them, for
 * async generators too (which have no such Python-level methods). */
AdObject *ad_gen_send_method(AdObject *gen, AdObject *arg);
AdObject *ad_gen_throw_method(AdObject *gen, AdObject *const *args, Ad_ssize_t nargs);
static inline AdGenObject *ad_gen_from_frame(AdFrame *f)
{
    return (AdGenObject *)((char *)f - offsetof(AdGenObject, gi_iframe));
}
/* g's frame starts running on the calling thread: the suspended
 * YIELD_VALUE gets arg (a new reference; NULL when an exception is thrown
 * in instead), the generator's exception state joins the chain. is_entry:
 * 1 when a C call runs the frame (returning from it returns from that
 * call), 0 when the evaluation loop resumes it in place. */
static inline void ad_gen_enter(AdVMState *vm, AdGenObject *g, AdObject *arg, int is_entry)
{
    AdFrame *f = &g->gi_iframe;
    if (arg) {
        if (g->gi_frame_state != AD_FRAME_CREATED)
            f->instr_ptr += 1;      /* past the YIELD_VALUE */
        *f->stackpointer++ = arg;
    }
    g->gi_frame_state = AD_FRAME_EXECUTING;
    g->gi_exc_state.previous = vm->exc_info;
    vm->exc_info = &g->gi_exc_state;
    f->is_entry = (int8_t)is_entry;
}
/* g's frame stopped running (a yield, a return, an exception): its
 * exception state leaves the chain, and is dropped once g is finished. */
static inline void ad_gen_leave(AdVMState *vm, AdGenObject *g)
{
    vm->exc_info = g->gi_exc_state.previous;
    g->gi_exc_state.previous = NULL;
    if (g->gi_frame_state >= AD_FRAME_COMPLETED)
        AD_CLEAR(g->gi_exc_state.exc_value);
}
int ad_gen_init(void);
#endif
