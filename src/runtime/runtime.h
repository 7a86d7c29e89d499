/* runtime.h: AdRuntime, the one process-wide runtime state (the counterpart
 * of CPython's _PyRuntimeState): the three init flags, the interpreter list,
 * the finalizing thread, C-level atexit callbacks, signal state and the
 * open_code hook. Everything interpreter-level hangs off AdInterp and
 * everything thread-level off AdThread (interp.h); nothing else is global. */
#ifndef ADDER_RUNTIME_RUNTIME_H
#define ADDER_RUNTIME_RUNTIME_H

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#include "runtime/config.h"
#include "runtime/status.h"

typedef struct AdInterp AdInterp;
typedef struct AdThread AdThread;

#define AD_NSIG 65
#define AD_MAX_C_ATEXIT 32

/* Called to open a file that will be executed as code (PEP 578's
 * open_code hook). Returns a FILE* the caller closes, or NULL with errno. */
typedef FILE *(*AdOpenCodeHook)(const char *path, void *userdata);

typedef struct AdRuntime {
    /* Init state machine: each flag is set once its stage has completed. */
    int preinitializing;
    int preinitialized;
    int core_initialized;
    int initialized;

    struct {
        pthread_mutex_t mutex;
        AdInterp *head;
        AdInterp *main;
        int64_t next_id;    /* ids start at 0 and only grow; < 0 means exhausted */
    } interpreters;

    _Atomic(AdThread *) finalizing;   /* the thread running Ad_FinalizeEx, or NULL */

    struct {
        void (*funcs[AD_MAX_C_ATEXIT])(void);
        int count;
    } c_atexit;

    struct {
        volatile sig_atomic_t is_tripped;             /* some signal is pending */
        volatile sig_atomic_t tripped[AD_NSIG];       /* which ones */
        int handlers_installed;
        struct sigaction saved[AD_NSIG];              /* what we replaced, restored at exit */
        int wakeup_fd;                                /* -1: none */
        _Atomic uint32_t *volatile main_breaker;      /* the main thread's eval breaker, or NULL */
    } signals;

    struct {
        AdOpenCodeHook hook;
        void *userdata;
    } open_code;

    int trace_lifecycle;            /* ADDER_TRACE_LIFECYCLE=1: stages to stderr */
    int unhandled_keyboard_interrupt; /* exit by re-raising SIGINT after finalizing */
    int process_exiting;            /* Ad_Main finalizes just before exit: see step 8 */
    AdConfig config;                /* the configuration the runtime was started with */
} AdRuntime;

/* The process-wide runtime. */
extern AdRuntime ad_runtime;

/* Registers a C function run at step 7 of finalization, after the thread
 * states are cleared, in reverse order of registration (CPython's
 * Py_AtExit). Returns 0, or -1 when the table (32 entries) is full. */
int Ad_AtExit(void (*func)(void));

/* Installs the open_code hook; only before core init completes (as
 * PySys_SetOpenCodeHook is restricted). Returns 0, or -1 if too late. */
int Ad_SetOpenCodeHook(AdOpenCodeHook hook, void *userdata);
/* Opens a file to be run as code through the hook (or fopen "rb"). */
FILE *Ad_OpenCode(const char *path);

/* A human-readable name of the runtime's state, as "Fatal Python error"
 * reports print it: "preinitializing", "preinitialized", "core initialized",
 * "initialized", "finalizing" or "unknown". */
const char *Ad_RuntimeStateName(void);

/* Resets ad_runtime to its never-started state (for start-up and tests). */
void ad_runtime_reset(void);

#endif
