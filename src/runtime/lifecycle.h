/* lifecycle.h: the start-up state machine (preinit -> core -> main) and the
 * eight-step shutdown. Each stage refuses, with an error status, to run out
 * of order or twice. With ADDER_TRACE_LIFECYCLE=1 every stage and step
 * prints one line "lifecycle: ..." to stderr. */
#ifndef ADDER_RUNTIME_LIFECYCLE_H
#define ADDER_RUNTIME_LIFECYCLE_H

#include "runtime/config.h"
#include "runtime/interp.h"
#include "runtime/status.h"

/* Stage 1. Reads the command line and the preconfiguration into config
 * (initialised by the caller), decides the locale and UTF-8 mode, and
 * marks the runtime preinitialized. Exit statuses: help/version (0) and
 * usage errors (2, config->usage_error set). Error if already done. */
AdStatus Ad_PreInitializeFromArgs(AdConfig *config, int argc, char *const *argv,
                                  char *const *envp);

/* Reads the rest of the configuration (PYTHON* variables, -X options with
 * effect). Requires preinitialization; errors report "preinitialized". */
AdStatus Ad_ReadConfigRest(AdConfig *config, char *const *envp);

/* Stage 2: requires preinit and no core yet. Copies config into the
 * runtime, creates the main interpreter and its thread state. */
AdStatus Ad_InitializeCore(const AdConfig *config);

/* Stage 3: requires core and no main yet. Signal handlers, standard
 * stream buffering; marks the runtime initialized. */
AdStatus Ad_InitializeMain(void);

/* Stages 2 and 3 in order. */
AdStatus Ad_InitializeFromConfig(const AdConfig *config);

/* One of the eight finalization steps, for the rooms that take part in
 * them (gc, modules) to register what they do at that step. */
typedef enum {
    AD_FINI_ATEXIT = 1,      /* Python atexit callbacks, after non-daemon threads */
    AD_FINI_PENDING_CALLS,   /* pending calls */
    AD_FINI_GC,              /* a full collection */
    AD_FINI_MODULES,         /* module teardown in reverse import order */
    AD_FINI_GC_AGAIN,        /* collection of what teardown freed */
    AD_FINI_FLUSH,           /* flush stdout and stderr */
    AD_FINI_THREADS,         /* clear thread states, then C-level atexit */
    AD_FINI_ALLOCATOR,       /* allocator shutdown, leak report in debug builds */
    AD_FINI_NSTEPS = AD_FINI_ALLOCATOR
} AdFiniStep;

/* The name that the trace prints for a step. */
const char *Ad_FiniStepName(AdFiniStep step);

/* Registers fn(interp) for a step; hooks of one step run in registration
 * order. Registering the same fn for the same step again does nothing, so
 * a module's init may register its hook every time it runs. Returns 0, or
 * -1 when the step's table (16 entries) is full. */
int Ad_RegisterFiniHook(AdFiniStep step, int (*fn)(AdInterp *interp));

/* Runs the eight steps on the main interpreter. Returns 0, or -1 when
 * flushing the standard streams failed (the caller then exits with 120,
 * as CPython does). Error-free when the runtime is not initialized: does
 * nothing and returns 0. Afterwards the runtime can be initialized anew. */
int Ad_FinalizeEx(void);

/* The main interpreter and the calling thread's state (NULL before core
 * init and after finalization). */
AdInterp *Ad_MainInterp(void);
AdThread *Ad_CurrentThread(void);

/* Prints "lifecycle: <what>" to stderr when tracing is on. */
void ad_lifecycle_trace(const char *what);

#endif
