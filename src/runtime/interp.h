/* interp.h: AdInterp and AdThread, the interpreter and thread states. An
 * interpreter owns its configuration copy, its thread states, its pending
 * calls and its interpreter-level atexit callbacks; later rooms add
 * sys.modules, builtins, the GC state and the GIL here, never in globals. */
#ifndef ADDER_RUNTIME_INTERP_H
#define ADDER_RUNTIME_INTERP_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "runtime/runtime.h"
#include "memory/gc_state.h"
#include "runtime/getpath.h"

#define AD_MAX_PENDING_CALLS 32
#define AD_MAX_INTERP_ATEXIT 64

typedef int (*AdPendingCall)(void *arg);
typedef void (*AdInterpAtExit)(AdInterp *interp, void *arg);

struct AdObject;

struct AdThread {
    AdInterp *interp;
    AdThread *next;
    uint64_t id;                /* per-interpreter thread number */
    pthread_t native;           /* the OS thread it belongs to */
    int recursion_depth;        /* C-level recursion (Ad_EnterRecursiveCall) */
    int recursion_limit;        /* sys.getrecursionlimit() */
    struct AdObject *current_exception; /* being raised (owned), or NULL */
    struct AdObject *repr_active;       /* list of objects inside repr() (Ad_ReprEnter) */
    _Atomic uint32_t eval_breaker;      /* AD_EB_* bits (runtime/gil.h), polled by the eval loop */
    struct AdObject *async_exc;         /* posted by another thread (owned), or NULL */
    void *thread_module_data;           /* the _thread module's per-thread bookkeeping */
    struct AdObject *context;           /* the current contextvars.Context (owned), or NULL */
    struct AdVMState *vm;               /* its VM state (frame stack), once it ran code, or NULL */
};

/* The calling OS thread's state (NULL outside the runtime). */
extern _Thread_local AdThread *ad_current_thread;

struct AdInterp {
    AdRuntime *runtime;
    AdInterp *next;
    int64_t id;
    AdConfig config;
    int finalizing;

    pthread_mutex_t threads_mutex;
    AdThread *threads;          /* head of the thread-state list */
    uint64_t next_thread_id;
    AdThread *main_thread;      /* the thread that initialized it (signals, pending calls) */
    struct AdGIL *gil;          /* its global interpreter lock (runtime/gil.c) */

    struct {                    /* calls queued for the main thread (Ad_AddPendingCall) */
        pthread_mutex_t mutex;
        struct { AdPendingCall func; void *arg; } calls[AD_MAX_PENDING_CALLS];
        int first, count;
    } pending;

    AdGCState gc;               /* the cycle collector's generations */
    struct AdObject *builtins;  /* the builtins module */
    struct AdObject *main_module; /* __main__ */

    AdPathConfig path_config;   /* prefixes, library directory, search path (getpath.c) */
    struct AdObject *sysdict;   /* the sys module's namespace (owned; modules/sys.c) */
    void *sys_state;            /* sys's private state (modules/sys.c; freed by ad_sys_fini) */

    struct {                    /* atexit callbacks of this interpreter (step 1) */
        struct { AdInterpAtExit func; void *arg; } calls[AD_MAX_INTERP_ATEXIT];
        int count;
    } atexit;
};

/* Creates an interpreter with a copy of config, links it into the
 * runtime's list under its mutex and gives it the next id. On failure
 * returns an error status and *out is NULL (ids exhausted: "failed to get
 * an interpreter ID"). */
AdStatus Ad_InterpNew(AdRuntime *runtime, const AdConfig *config, AdInterp **out);
/* Unlinks and frees an interpreter and all its thread states. */
void Ad_InterpDelete(AdInterp *interp);
/* Creates a thread state for the calling OS thread. NULL when out of memory. */
AdThread *Ad_ThreadNew(AdInterp *interp);
/* Unlinks and frees one thread state. */
void Ad_ThreadDelete(AdThread *thread);

/* Queues func(arg) to run in the main thread at the next check (and at
 * step 2 of finalization). Returns 0, or -1 when the queue is full. Safe
 * from any thread, not from a signal handler. */
int Ad_AddPendingCall(AdInterp *interp, AdPendingCall func, void *arg);
/* Runs queued calls in order; stops at the first that returns -1 and
 * returns -1. */
int Ad_MakePendingCalls(AdInterp *interp);

/* Registers func(interp, arg) for step 1 of finalization; callbacks run in
 * reverse order of registration. Returns 0, or -1 when full. */
int Ad_InterpAtExit(AdInterp *interp, AdInterpAtExit func, void *arg);

#endif
