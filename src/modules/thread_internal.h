/* thread_internal.h: what the files of the _thread module share: the
 * timeout conversions and the interruptible semaphore wait that locks and
 * thread handles use, the types, and the per-thread hooks of _local. */
#ifndef ADDER_MODULES_THREAD_INTERNAL_H
#define ADDER_MODULES_THREAD_INTERNAL_H

#include <semaphore.h>
#include <stdint.h>

#include "objects/object.h"
#include "runtime/interp.h"

/* Seconds as a float: 9223372036.0 (the largest timeout in nanoseconds). */
#define THREAD_TIMEOUT_MAX 9223372036.0

extern AdTypeObject thread_lock_type;
extern AdTypeObject thread_rlock_type;
extern AdTypeObject thread_handle_type;
extern AdTypeObject thread_local_type;

/* A timeout in seconds (int or float) as nanoseconds, rounded up, with
 * CPython's errors ("'str' object cannot be interpreted as an integer or
 * float", NaN, the overflow texts). 0 or -1. */
int thread_timeout_ns(AdObject *obj, int64_t *out);

/* acquire(blocking=True, timeout=-1) of fname: *timeout_ns is -1 (wait
 * for ever), 0 (do not block) or the wait. 0, or -1 with CPython's errors. */
int thread_acquire_args(const char *fname, AdObject *const *args, Ad_ssize_t nargs,
                        AdObject *kwnames, int64_t *timeout_ns);

/* Waits for sem without the GIL for at most timeout_ns (-1: for ever; 0:
 * only tries); signals that arrive meanwhile run their handlers in the
 * main thread, and a handler that raises ends the wait. 1 acquired,
 * 0 timed out, -1 with an exception. */
int thread_sem_wait(sem_t *sem, int64_t timeout_ns);

/* callable(o), as the builtin decides it. */
int thread_is_callable(AdObject *o);

/* A new unlocked _thread.lock (allocate_lock()). */
AdObject *thread_new_lock(void);

/* The identifier get_ident() returns for the calling thread. */
unsigned long thread_ident_self(void);

/* Removes the calling thread's attributes from every _local (thread end). */
void thread_local_forget_thread(AdThread *t);

/* Thread handles: starting threads, joining at shutdown (thread_handle.c). */
AdObject *thread_start_new_thread(AdObject *m, AdObject *const *args, Ad_ssize_t nargs);
AdObject *thread_start_joinable(AdObject *m, AdObject *const *args, Ad_ssize_t nargs,
                                AdObject *kwnames);
AdObject *thread_make_handle(AdObject *m, AdObject *ident);
AdObject *thread_shutdown(AdObject *m, AdObject *unused);
AdObject *thread_count(AdObject *m, AdObject *unused);
/* The size given to stack_size() (0: the default). */
extern size_t thread_stack_size;
/* One-time set-up of the handle machinery (the fork hook, the finalization
 * hook releasing daemon threads). 0, or -1 when the hook table is full. */
int thread_handles_init(void);

#endif
