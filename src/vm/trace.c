/* trace.c: sys.settrace and sys.setprofile as CPython's legacy tracing
 * defines them: the global trace function receives 'call' and returns the
 * frame's local trace function (frame.f_trace), which then receives
 * 'line', 'return', 'exception' and (with f_trace_opcodes) 'opcode'; the
 * profile function receives 'call', 'return', 'c_call', 'c_return' and
 * 'c_exception'. No events fire while a hook itself runs; a hook that
 * raises is removed and its exception propagates. */
#include "vm/ceval.h"
#include "vm/frame.h"
#include "objects/errors.h"
#include "objects/frame.h"
#include "objects/str.h"

static const char *const event_names[] = {"call", "exception", "line", "return",
                                          "c_call", "c_exception", "c_return", "opcode"};

void vm_update_tracing(AdVMState *vm)
{
    vm->use_tracing = vm->trace_func != NULL || vm->profile_func != NULL;
    vm_select_dispatch(vm);
}

static AdObject *call_hook(AdVMState *vm, AdObject *hook, AdObject *frameobj, int what, AdObject *arg)
{
    AdObject *ev = AdStr_InternFromString(event_names[what]);
    AdObject *args[3] = {frameobj, ev, arg ? arg : Ad_None};
    vm->tracing++;
    Ad_INCREF(hook);
    AdObject *r = AdObject_Vectorcall(hook, args, 3, NULL);
    Ad_DECREF(hook);
    vm->tracing--;
    return r;
}

int vm_trace_event(AdVMState *vm, AdFrame *f, int what, AdObject *arg)
{
    if (vm->tracing)
        return 0;
    AdObject *fo = vm_frame_get_object(f);
    if (!fo)
        return -1;
    AdFrameObject *frame = (AdFrameObject *)fo;
    Ad_INCREF(fo);
    int rc = 0;
    /* The profile function. */
    if (vm->profile_func && (what == AD_TRACE_CALL || what == AD_TRACE_RETURN || what == AD_TRACE_C_CALL ||
                             what == AD_TRACE_C_RETURN || what == AD_TRACE_C_EXCEPTION)) {
        AdObject *r = call_hook(vm, vm->profile_func, fo, what, what == AD_TRACE_CALL ? Ad_None : arg);
        if (!r) {
            AdEval_SetProfile(NULL);
            rc = -1;
            goto done;
        }
        Ad_DECREF(r);
    }
    if (!vm->trace_func || (what >= AD_TRACE_C_CALL && what <= AD_TRACE_C_RETURN))
        goto done;
    if (what == AD_TRACE_CALL) {
        AdObject *r = call_hook(vm, vm->trace_func, fo, what, Ad_None);
        if (!r) {
            AdEval_SetTrace(NULL);
            rc = -1;
            goto done;
        }
        if (r == Ad_None)
            Ad_DECREF(r);
        else
            AD_XSETREF(frame->f_trace, r);
        goto done;
    }
    if (frame->f_trace) {
        AdObject *local = Ad_NewRef(frame->f_trace);
        AdObject *r = call_hook(vm, local, fo, what, arg);
        Ad_DECREF(local);
        if (!r) {
            AdEval_SetTrace(NULL);
            AD_CLEAR(frame->f_trace);
            rc = -1;
            goto done;
        }
        if (r == Ad_None) {
            Ad_DECREF(r);
            if (what != AD_TRACE_RETURN)
                AD_CLEAR(frame->f_trace);
        } else {
            AD_XSETREF(frame->f_trace, r);
        }
    }
done:
    Ad_DECREF(fo);
    return rc;
}

int AdEval_SetTrace(AdObject *func)
{
    AdVMState *vm = vm_state();
    if (func == Ad_None)
        func = NULL;
    AD_XSETREF(vm->trace_func, Ad_XNewRef(func));
    vm_update_tracing(vm);
    return 0;
}

int AdEval_SetProfile(AdObject *func)
{
    AdVMState *vm = vm_state();
    if (func == Ad_None)
        func = NULL;
    AD_XSETREF(vm->profile_func, Ad_XNewRef(func));
    vm_update_tracing(vm);
    return 0;
}

AdObject *AdEval_GetTrace(void)
{
    return vm_state()->trace_func;
}

AdObject *AdEval_GetProfile(void)
{
    return vm_state()->profile_func;
}
