/* sys.h: the sys module of Python 3.14 (per interpreter): the
 * configuration it reflects (argv, orig_argv, flags, warnoptions,
 * _xoptions, path, prefixes), version and implementation facts, the
 * struct sequences (flags, version_info, float_info, int_info, hash_info,
 * thread_info), the standard streams (modules/io.h), and the hooks
 * and functions (displayhook, excepthook, unraisablehook, breakpointhook,
 * audit, exit, recursion limit, getsizeof, intern, trace/profile, ...).
 *
 * The parts that belong to other rooms come in through hooks that those
 * rooms set at start-up (all NULL until then; see each comment). */
#ifndef ADDER_MODULES_SYS_H
#define ADDER_MODULES_SYS_H
#include "objects/object.h"
#include "runtime/interp.h"

/* Creates the sys module for interp from its configuration, with the
 * standard streams, and stores it in interp->sysdict and sys.modules['sys'].
 * Needs the objects ready (core init). 0, or -1 with an exception. */
int ad_sys_init(AdInterp *interp);

/* Releases sys's state (step 7 of finalization, before Ad_InterpDelete):
 * flushes the standard streams (errors ignored) and drops sysdict. */
void ad_sys_fini(AdInterp *interp);

/* Flushes sys.stdout and sys.stderr (step 6 of finalization). Returns 0,
 * or -1 when flushing sys.stdout failed (the caller exits with 120, as
 * CPython does); never leaves an exception set. */
int AdSys_FlushStdStreams(AdInterp *interp);

/* sys.<name> of the current interpreter: borrowed, NULL without an
 * exception when absent (or before sys exists). */
AdObject *AdSys_GetObject(const char *name);
/* sys.<name> = v (v NULL: delete, absent is not an error). 0 or -1. */
int AdSys_SetObject(const char *name, AdObject *v);

/* Prints the exception exc as sys.excepthook's default does, to file
 * (NULL: sys.stderr): through AdSys_PrintExceptionHook when set, else the
 * last line only ("Type: message", notes after it). 0 or -1. */
int AdSys_DisplayException(AdObject *exc, AdObject *file);

/* Calls sys.unraisablehook with an UnraisableHookArgs built from exc,
 * err_msg (NULL: default text) and obj (may be NULL); falls back to the
 * default hook when sys.unraisablehook is missing or fails. Never raises. */
void AdSys_WriteUnraisable(AdObject *exc, const char *err_msg, AdObject *obj);

/* sys.audit(event, *args) from C: calls the audit hooks (if any).
 * 0, or -1 when a hook raised. */
int AdSys_Audit(const char *event, AdObject *args_tuple);

/* The trace and profile functions that sys.settrace/setprofile stored
 * (borrowed, NULL when none). */
AdObject *AdSys_GetTraceFunc(void);
AdObject *AdSys_GetProfileFunc(void);

/* ---- hooks other rooms install -------------------------------------------- */

/* vm: the frame object depth frames up from the caller of sys._getframe
 * (new ref), or NULL with ValueError "call stack is not deep enough". */
extern AdObject *(*AdSys_GetFrameHook)(int depth);
/* vm: the module name (__name__ of the globals) of that frame, for
 * sys._getframemodulename (new ref or None). */
extern AdObject *(*AdSys_GetFrameModuleNameHook)(int depth);
/* vm: told when sys.settrace (profile 0) or sys.setprofile (profile 1)
 * changes the function for the current thread (func NULL: turned off).
 * 0 or -1. */
extern int (*AdSys_TraceChangedHook)(int profile, AdObject *func);
/* vm: the current Python-level call depth, for setrecursionlimit's check
 * (NULL: the thread's C-level depth is used). */
extern int (*AdSys_RecursionDepthHook)(void);
/* traceback printer (lead/vm): prints exc the way CPython 3.14 does
 * (tracebacks with source lines and markers, chaining, groups) to file.
 * 0 or -1. */
extern int (*AdSys_PrintExceptionHook)(AdObject *exc, AdObject *file);

#endif
