/* gil.h: the global interpreter lock (one per interpreter), the eval
 * breaker bits that each thread state carries, attaching and detaching OS
 * threads, and the public API that C code uses around blocking calls:
 *
 *     Ad_BEGIN_ALLOW_THREADS
 *     n = read(fd, buf, size);        (no Python object touched here)
 *     Ad_END_ALLOW_THREADS
 *
 * The GIL works like CPython's: a thread that waits longer than the switch
 * interval (sys.setswitchinterval, default 5 ms) without any switch
 * happening sets a drop request in the holder's eval breaker; the holder's
 * evaluation loop sees it at its next check, releases the GIL and waits
 * until another thread took it (so the waiter really runs). While only one
 * thread exists, saving and restoring skip the lock entirely.
 *
 * Finalization: once the runtime is finalizing, a thread other than the
 * finalizing one that takes the GIL releases it again and blocks for ever;
 * after step 7 the GIL is dead and nobody can take it any more. */
#ifndef ADDER_RUNTIME_GIL_H
#define ADDER_RUNTIME_GIL_H

#include <stdint.h>

#include "runtime/interp.h"

/* Bits of AdThread.eval_breaker, polled by the evaluation loop. */
enum {
    AD_EB_SIGNALS = 1u << 0,    /* a signal arrived (main thread only) */
    AD_EB_PENDING = 1u << 1,    /* pending calls queued (main thread only) */
    AD_EB_GIL_DROP = 1u << 2,   /* another thread waits for the GIL */
    AD_EB_ASYNC_EXC = 1u << 3,  /* an asynchronous exception was posted */
};

/* Creates the GIL of interp (done by Ad_InterpNew). 0, or -1 out of memory. */
int ad_gil_create(AdInterp *interp);
/* Frees interp's GIL unless a started thread has not ended yet; then marks
 * it dead and leaves it allocated, since daemon threads may still wait on it. */
void ad_gil_destroy(AdInterp *interp);

/* Makes t the calling OS thread's state and takes the GIL for it (a new
 * thread's first step; also the main thread's at core init). Returns 0, or
 * -1 when the runtime is finalizing: then the caller must not touch any
 * object (the thread hangs for ever in ad_thread_attach when finalization
 * has gone too far to even return). */
int ad_thread_attach(AdThread *t);
/* The end of a thread: deletes its state t (under the GIL), forgets it and
 * releases the GIL. Nothing of the interpreter may be touched afterwards. */
void ad_thread_detach_and_delete(AdThread *t);
/* Marks interp's GIL as used by several threads (before starting one). */
void ad_gil_note_threads(AdInterp *interp);
/* Undoes ad_gil_note_threads for a thread that could not be started. */
void ad_gil_forget_thread(AdInterp *interp);

/* Releases the GIL held by the calling thread; returns its state for
 * AdEval_RestoreThread. Nothing of the interpreter may be touched until the
 * matching restore. */
AdThread *AdEval_SaveThread(void);
/* Takes the GIL back for t (from AdEval_SaveThread). A thread that comes
 * back while the runtime finalizes (and is not the finalizing thread)
 * never returns. */
void AdEval_RestoreThread(AdThread *t);

#define Ad_BEGIN_ALLOW_THREADS { AdThread *ad_saved_thread_ = AdEval_SaveThread();
#define Ad_END_ALLOW_THREADS AdEval_RestoreThread(ad_saved_thread_); }

/* The evaluation loop's handler of the AD_EB_GIL_DROP bit: releases the GIL,
 * lets a waiting thread take it, takes it back. */
void ad_gil_yield(AdThread *t);

/* Sets bits in a thread's eval breaker (any thread, also signal handlers
 * through the main thread's word). */
void ad_eval_breaker_set(AdThread *t, uint32_t bits);
void ad_eval_breaker_clear(AdThread *t, uint32_t bits);

/* The switch interval of interp's GIL in seconds (sys.getswitchinterval)
 * and setting it (the caller checked that it is > 0). */
double Ad_GetSwitchInterval(AdInterp *interp);
void Ad_SetSwitchInterval(AdInterp *interp, double seconds);

/* Whether the calling thread is the main thread of the main interpreter. */
int Ad_IsMainThread(void);

/* In the child of fork(): the calling thread becomes the only (and main)
 * thread; the other threads' states are dropped and the GIL is made anew,
 * held by the caller. */
void Ad_ReinitThreadsAfterFork(void);

/* Called by Ad_ReinitThreadsAfterFork for each thread state that does not
 * exist in the child, before it is deleted (the _thread module marks its
 * handle done). */
extern void (*ad_thread_forget_hook)(AdThread *t);

/* Blocks the calling thread for ever (a daemon thread after finalization). */
_Noreturn void ad_thread_hang(void);

#endif
