/* ceval.h: the evaluation loop's public API: running code objects,
 * calling functions, the current frame and its namespaces, the handled
 * exception (sys.exception()), trace/profile hooks (sys.settrace and
 * sys.setprofile), and the builtins the loop relies on (__build_class__).
 * Every function follows the object-model convention: NULL/-1 with an
 * exception set on failure; "new ref" results belong to the caller. */
#ifndef ADDER_VM_CEVAL_H
#define ADDER_VM_CEVAL_H
#include "objects/object.h"

/* Runs a code object with globals (a dict) and locals (any mapping, or
 * NULL for globals) as exec() does: module and class bodies read and
 * write locals, function code gets a fresh frame. If globals has no
 * "__builtins__", the current builtins are inserted (as CPython does).
 * Returns the code's return value (new ref) or NULL. */
AdObject *AdEval_EvalCode(AdObject *code, AdObject *globals, AdObject *locals);
/* The same with a closure (tuple of cells, exec(closure=...)) for code
 * with free variables; closure may be NULL. */
AdObject *AdEval_EvalCodeWithClosure(AdObject *code, AdObject *globals, AdObject *locals,
                                     AdObject *closure);

/* Calls a Python function object with vectorcall arguments (what the
 * function type's vectorcall does). New ref or NULL. */
AdObject *AdFunction_Vectorcall(AdObject *func, AdObject *const *args, size_t nargsf,
                                AdObject *kwnames);

/* The innermost running frame's object (borrowed; made on demand), or
 * NULL when no Python code runs. AdEval_GetFrameAt(depth) walks back
 * depth frames (sys._getframe(depth)); NULL without exception if too deep. */
AdObject *AdEval_GetFrame(void);
AdObject *AdEval_GetFrameAt(int depth);
/* The current frame's globals (borrowed, or NULL), builtins (borrowed: the
 * frame's, else the interpreter's default) and locals (new ref: the
 * mapping of module/class code, a snapshot dict for functions; NULL with
 * no exception when no frame runs). */
AdObject *AdEval_GetGlobals(void);
AdObject *AdEval_GetBuiltins(void);
AdObject *AdEval_GetLocals(void);
/* frame.f_locals of the current frame (the write-through proxy for
 * function frames, PEP 667). New ref or NULL. */
AdObject *AdEval_GetFrameLocals(void);
/* Sets the builtins dict used where globals give none (the builtins
 * module's __dict__; the lead wires it at main init). Takes a new ref. */
void AdEval_SetDefaultBuiltins(AdObject *builtins_dict);

/* sys.exception(): the exception being handled (borrowed), or NULL. */
AdObject *AdEval_GetHandledException(void);

/* super() without arguments: the class (__class__ cell) and the first
 * argument of the current function, with CPython's RuntimeError messages.
 * 0 with new refs in *type and *obj, or -1. */
int AdEval_GetSuperArgs(AdObject **type, AdObject **obj);

/* sys.settrace(func) / sys.setprofile(func): func is a callable taking
 * (frame, event, arg) or None/NULL to remove. Events as CPython's legacy
 * tracing emits: call, line, return, exception, opcode (when
 * frame.f_trace_opcodes), and for profiling call, return, c_call,
 * c_return, c_exception. 0 or -1. Get* return borrowed refs or NULL. */
int AdEval_SetTrace(AdObject *func);
int AdEval_SetProfile(AdObject *func);
AdObject *AdEval_GetTrace(void);
AdObject *AdEval_GetProfile(void);

/* builtins.__build_class__(func, name, *bases, metaclass=..., **kwds):
 * the class creation path (PEP 3115 __prepare__, __mro_entries__,
 * __orig_bases__, __classcell__ checks). Builtins exposes it. */
AdObject *AdEval_BuildClass(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                            AdObject *kwnames);

/* Hooks other rooms install (NULL: the fallback described).
 * displayhook: the REPL's print intrinsic (sys.displayhook); fallback
 * prints repr(value) to stdout when it is not None.
 * sys_modules: sys.modules (borrowed) for `from pkg import sub` fallbacks;
 * fallback: no lookup. */
extern int (*AdEval_DisplayHook)(AdObject *value);
extern AdObject *(*AdEval_SysModules)(void);

/* Starts the vm room (readies function, frame, generator types). 0/-1. */
int ad_vm_init(void);
/* Finalization: frees the calling thread's frame stack (no frame may be
 * live on it). */
void ad_vm_fini(void);
#endif
