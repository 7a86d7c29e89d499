/* frame.c: the per-thread VM state and the frame stack: frames are carved
 * out of large chunks (a new chunk when the current one is full), pushed
 * for each call and popped on return; clearing a frame releases its
 * locals and value stack, letting a frame object that outlives the call
 * take a copy first. Also the C stack guard. */
#include "vm/frame.h"
#include "vm/ceval.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "memory/alloc.h"

#include <pthread.h>
#include <string.h>


#define VM_CHUNK_WORDS ((size_t)16 * 1024)

_Thread_local AdVMState ad_vm_tls;
#define vm_tls ad_vm_tls
static _Atomic uint32_t no_breaker;   /* never set: the breaker of code run without a thread */

static void vm_init_c_stack(AdVMState *vm)
{
    pthread_attr_t attr;
    char here;
    char *low = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0)
            low = addr;
        pthread_attr_destroy(&attr);
    }
    if (!low || size == 0 || size > ((size_t)1 << 30) || &here < low || &here > low + size) {
        /* Unknown bounds: assume 1 MiB below the current position. */
        low = &here - ((size_t)1 << 20);
        size = (size_t)1 << 20;
    }
    size_t margin = size / 8 > ((size_t)256 << 10) ? ((size_t)256 << 10) : size / 8;
    vm->c_stack_limit = low + margin;
}

AdVMState *vm_state_slow(void)
{
    AdVMState *vm = &vm_tls;
    if (!vm->exc_info) {
        vm->exc_info = &vm->base_exc;
        vm_init_c_stack(vm);
    }
    AdThread *t = ad_current_thread;
    vm->thread = t;
    vm->breaker = t ? &t->eval_breaker : &no_breaker;
    if (t)
        t->vm = vm;
    return vm;
}

void AdVM_ThreadFini(void)
{
    AdVMState *vm = &vm_tls;
    while (vm->chunk) {
        AdVMChunk *c = vm->chunk;
        vm->chunk = c->previous;
        AdMem_Free(c);
    }
    vm->top = vm->limit = NULL;
    AD_CLEAR(vm->trace_func);
    AD_CLEAR(vm->profile_func);
    vm->use_tracing = 0;
    vm_select_dispatch(vm);
    if (vm->thread)
        vm->thread->vm = NULL;
    vm->thread = NULL;
    vm->breaker = &no_breaker;
}

void AdVM_ReleaseAbandoned(AdThread *t)
{
    AdVMState *vm = t->vm;
    if (!vm)
        return;
    /* A generator's frame in the chain belongs to a generator object that
     * releasing the frames below could free while it counts as running:
     * such a stack is left as it is (its objects stay allocated). */
    for (AdFrame *f = vm->current_frame; f; f = f->previous)
        if (f->owner != AD_FRAME_OWNED_BY_THREAD)
            return;
    t->vm = NULL;
    /* Innermost first: each frame's references, as when it is popped. */
    AdFrame *f = vm->current_frame;
    vm->current_frame = NULL;
    while (f) {
        AdFrame *prev = f->previous;
        vm_frame_clear(f);
        AD_CLEAR(f->f_code);
        f = prev;
    }
    while (vm->chunk) {
        AdVMChunk *c = vm->chunk;
        vm->chunk = c->previous;
        AdMem_Free(c);
    }
    vm->top = vm->limit = NULL;
    AD_CLEAR(vm->base_exc.exc_value);
    AD_CLEAR(vm->trace_func);
    AD_CLEAR(vm->profile_func);
    vm->use_tracing = 0;
    vm_select_dispatch(vm);
}

int vm_check_c_stack(AdVMState *vm)
{
    char here;
    if (&here < vm->c_stack_limit) {
        AdErr_SetString(AdExc_RecursionError, "maximum recursion depth exceeded (C stack)");
        return -1;
    }
    return 0;
}

AdObject *AdVM_HandledException(void)
{
    AdExcInfo *e = vm_tls.exc_info;
    while (e && !e->exc_value)
        e = e->previous;
    return e ? e->exc_value : NULL;
}

void ad_vm_fini(void)
{
    AdVMState *vm = &vm_tls;
    while (vm->chunk) {
        AdVMChunk *c = vm->chunk;
        vm->chunk = c->previous;
        AdMem_Free(c);
    }
    vm->top = vm->limit = NULL;
}

static int vm_new_chunk(AdVMState *vm, size_t need)
{
    size_t words = need > VM_CHUNK_WORDS ? need : VM_CHUNK_WORDS;
    AdVMChunk *c = AdMem_Malloc(sizeof(AdVMChunk) + words * sizeof(AdObject *));
    if (!c) {
        AdErr_NoMemory();
        return -1;
    }
    c->previous = vm->chunk;
    c->size = words;
    c->saved_top = vm->top;
    vm->chunk = c;
    vm->top = c->data;
    vm->limit = c->data + words;
    return 0;
}

AdFrame *vm_push_frame(AdVMState *vm, AdObject *code, AdObject *func, AdObject *globals,
                       AdObject *builtins, AdObject *locals)
{
    AdCodeObject *co = (AdCodeObject *)code;
    size_t words = vm_frame_words(co);
    if (!vm->top || (size_t)(vm->limit - vm->top) < words) {
        if (vm_new_chunk(vm, words) < 0)
            return NULL;
    }
    AdFrame *f = (AdFrame *)vm->top;
    vm->top += words;
    f->f_code = Ad_NewRef(code);
    f->f_func = Ad_XNewRef(func);
    /* A function lends its globals and builtins to its frames. */
    f->f_globals = func ? globals : Ad_XNewRef(globals);
    f->f_builtins = func ? builtins : Ad_XNewRef(builtins);
    f->f_locals = Ad_XNewRef(locals);
    f->previous = NULL;
    f->frame_obj = NULL;
    f->instr_ptr = AdCode_CODE(co);
    f->owner = AD_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->cleared = 0;
    f->is_init = 0;
    f->trace_line = -1;
    f->trace_lasti = -1;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        f->localsplus[i] = NULL;
    f->stackpointer = f->localsplus + co->co_nlocalsplus;
    return f;
}

void vm_frame_clear(AdFrame *f)
{
    if (f->cleared)
        return;
    f->cleared = 1;
    if (f->frame_obj) {
        AdObject *fo = f->frame_obj;
        f->frame_obj = NULL;
        if (AD_REFCNT(fo) > 1 && f->owner != AD_FRAME_OWNED_BY_FRAME_OBJECT) {
            /* The frame object outlives the execution: it takes the frame. */
            ad_frameobject_take_ownership(fo, f);
            Ad_DECREF(fo);
            return;
        }
        ad_frameobject_detach(fo);
        Ad_DECREF(fo);
    }
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    AdObject **base = f->localsplus + (co ? co->co_nlocalsplus : 0);
    /* (AD_CLEAR evaluates its argument twice: no side effects in it.) */
    for (AdObject **p = f->stackpointer; p > base;) {
        p--;
        AD_CLEAR(*p);
    }
    f->stackpointer = base;
    if (co)
        for (int i = 0; i < co->co_nlocalsplus; i++)
            AD_CLEAR(f->localsplus[i]);
    AD_CLEAR(f->f_locals);
    vm_frame_clear_env(f);
}

void vm_pop_frame(AdVMState *vm, AdFrame *f)
{
    vm_frame_clear(f);
    AD_CLEAR(f->f_code);
    vm->top = (AdObject **)f;
    if (vm->chunk && vm->top == vm->chunk->data && vm->chunk->previous) {
        AdVMChunk *c = vm->chunk;
        vm->chunk = c->previous;
        vm->top = c->saved_top;
        vm->limit = vm->chunk->data + vm->chunk->size;
        AdMem_Free(c);
    }
}

void vm_frame_move(AdFrame *dst, AdFrame *src)
{
    AdCodeObject *co = (AdCodeObject *)src->f_code;
    size_t used = (size_t)(src->stackpointer - src->localsplus);
    *dst = *src;
    memcpy(dst->localsplus, src->localsplus, used * sizeof(AdObject *));
    dst->stackpointer = dst->localsplus + used;
    if (dst->frame_obj)
        ad_frameobject_relink(dst->frame_obj, dst);
    /* src is left empty: nothing to release. */
    src->f_code = src->f_func = src->f_globals = src->f_builtins = src->f_locals = NULL;
    src->frame_obj = NULL;
    src->stackpointer = src->localsplus + co->co_nlocalsplus;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        src->localsplus[i] = NULL;
    src->cleared = 1;
}

AdObject *vm_frame_get_object(AdFrame *f)
{
    if (!f->frame_obj)
        f->frame_obj = ad_frameobject_new(f);
    return f->frame_obj;
}

int vm_frame_lineno(AdFrame *f)
{
    if (!f->f_code)
        return -1;
    return AdCode_Addr2Line(f->f_code, vm_frame_lasti(f));
}
