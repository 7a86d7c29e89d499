/* thread_lock.c: _thread.lock (LockType, allocate_lock) and _thread.RLock,
 * both over a POSIX semaphore so that any thread may release them and a
 * blocked acquire can be interrupted by a signal (KeyboardInterrupt in the
 * main thread). Also the timeout conversion and the GIL-free wait that the
 * thread handles share. Locks are only ever changed under the GIL except
 * for the semaphore itself. */
#include "modules/thread_internal.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/gil.h"
#include "memory/gc.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>

#define FN(f) ((void (*)(void))(f))

unsigned long thread_ident_self(void)
{
    return (unsigned long)pthread_self();
}

/* ---- timeouts --------------------------------------------------------------------------- */

int thread_timeout_ns(AdObject *obj, int64_t *out)
{
    if (AdInt_Check(obj)) {
        int64_t secs = AdInt_AsInt64(obj);
        if (secs == -1 && AdErr_Occurred()) {
            if (!AdErr_ExceptionMatches(AdExc_OverflowError))
                return -1;
            AdErr_Clear();
            secs = INT64_MAX;
        }
        if (secs > INT64_MAX / 1000000000 || secs < INT64_MIN / 1000000000) {
            AdErr_SetString(AdExc_OverflowError, "timestamp too large to convert to C PyTime_t");
            return -1;
        }
        *out = secs * 1000000000;
        return 0;
    }
    double d;
    if (AdFloat_Check(obj)) {
        d = AdFloat_AS_DOUBLE(obj);
    } else {
        d = AdFloat_AsDouble(obj);
        if (d == -1.0 && AdErr_Occurred()) {
            if (AdErr_ExceptionMatches(AdExc_TypeError)) {
                AdErr_Clear();
                AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer or float",
                             AdType_Name(AD_TYPE(obj)));
            }
            return -1;
        }
    }
    if (isnan(d)) {
        AdErr_SetString(AdExc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    double ns = ceil(d * 1e9);
    if (!(ns >= -9223372036854775808.0 && ns < 9223372036854775808.0)) {
        AdErr_SetString(AdExc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (int64_t)ns;
    return 0;
}

int thread_acquire_args(const char *fname, AdObject *const *args, Ad_ssize_t nargs,
                        AdObject *kwnames, int64_t *timeout_ns)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    AdObject *a[2] = {NULL, NULL};
    if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    int blocking = 1;
    if (a[0]) {
        blocking = AdObject_IsTrue(a[0]);
        if (blocking < 0)
            return -1;
    }
    int64_t timeout = -1000000000;          /* the default, -1 second */
    if (a[1] && thread_timeout_ns(a[1], &timeout) < 0)
        return -1;
    int unset = timeout == -1000000000;
    if (!blocking && !unset) {
        AdErr_SetString(AdExc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && !unset) {
        AdErr_SetString(AdExc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    *timeout_ns = !blocking ? 0 : unset ? -1 : timeout;
    return 0;
}

/* ---- waiting ---------------------------------------------------------------------------- */

int thread_sem_wait(sem_t *sem, int64_t timeout_ns)
{
    if (sem_trywait(sem) == 0)
        return 1;
    if (timeout_ns == 0)
        return 0;
    struct timespec deadline;
    if (timeout_ns > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        int64_t sec = timeout_ns / 1000000000, nsec = deadline.tv_nsec + timeout_ns % 1000000000;
        if (nsec >= 1000000000) {
            nsec -= 1000000000;
            sec++;
        }
        if (sec > (int64_t)INT32_MAX * 64)
            sec = (int64_t)INT32_MAX * 64;    /* far enough to be "never" */
        deadline.tv_sec += (time_t)sec;
        deadline.tv_nsec = (long)nsec;
    }
    for (;;) {
        int rc, err;
        Ad_BEGIN_ALLOW_THREADS
        rc = timeout_ns < 0 ? sem_wait(sem) : sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
        err = errno;
        Ad_END_ALLOW_THREADS
        if (rc == 0)
            return 1;
        if (err == ETIMEDOUT)
            return 0;
        if (err != EINTR) {
            errno = err;
            AdErr_SetFromErrno(AdExc_OSError);
            return -1;
        }
        if (AdErr_CheckSignals() < 0)
            return -1;
    }
}

/* ---- lock ------------------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    sem_t sem;
    int locked;
} LockObject;

static AdObject *lock_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (args && AdTuple_GET_SIZE(args) > 0) {
        AdErr_Format(AdExc_TypeError, "lock expected 0 arguments, got %zd", AdTuple_GET_SIZE(args));
        return NULL;
    }
    if (kwds && AdObject_IsTrue(kwds) > 0) {
        AdErr_SetString(AdExc_TypeError, "lock() takes no keyword arguments");
        return NULL;
    }
    LockObject *l = (LockObject *)type->tp_alloc(type, 0);
    if (!l)
        return NULL;
    sem_init(&l->sem, 0, 1);
    l->locked = 0;
    return (AdObject *)l;
}

AdObject *thread_new_lock(void)
{
    return lock_new(&thread_lock_type, NULL, NULL);
}

static void lock_dealloc(AdObject *self)
{
    sem_destroy(&((LockObject *)self)->sem);
    AD_TYPE(self)->tp_free(self);
}

static AdObject *lock_repr(AdObject *self)
{
    LockObject *l = (LockObject *)self;
    return AdStr_FromFormat("<%s %s object at %p>", l->locked ? "locked" : "unlocked",
                            AD_TYPE(self)->tp_name, (void *)self);
}

static AdObject *lock_acquire_common(AdObject *self, const char *fname, AdObject *const *args,
                                     Ad_ssize_t nargs, AdObject *kwnames)
{
    LockObject *l = (LockObject *)self;
    int64_t timeout;
    if (thread_acquire_args(fname, args, nargs, kwnames, &timeout) < 0)
        return NULL;
    int r = thread_sem_wait(&l->sem, timeout);
    if (r < 0)
        return NULL;
    if (r)
        l->locked = 1;
    return AdBool_FromLong(r);
}

static AdObject *lock_acquire(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return lock_acquire_common(self, "acquire", args, nargs, kwnames);
}

static AdObject *lock_acquire_lock(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                   AdObject *kwnames)
{
    return lock_acquire_common(self, "acquire_lock", args, nargs, kwnames);
}

static AdObject *lock_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    return lock_acquire_common(self, "__enter__", NULL, 0, NULL);
}

static AdObject *lock_release(AdObject *self, AdObject *unused)
{
    (void)unused;
    LockObject *l = (LockObject *)self;
    if (!l->locked) {
        AdErr_SetString(AdExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    l->locked = 0;
    sem_post(&l->sem);
    Ad_RETURN_NONE;
}

static AdObject *lock_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return lock_release(self, NULL);
}

static AdObject *lock_locked(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdBool_FromLong(((LockObject *)self)->locked);
}

static AdObject *lock_at_fork_reinit(AdObject *self, AdObject *unused)
{
    (void)unused;
    LockObject *l = (LockObject *)self;
    sem_destroy(&l->sem);
    sem_init(&l->sem, 0, 1);
    l->locked = 0;
    Ad_RETURN_NONE;
}

#define ACQUIRE_DOC(name)                                                                       \
    "Lock the lock.  Without argument, this blocks if the lock is already\n"                   \
    "locked (even by the same thread), waiting for another thread to release\n"                \
    "the lock, and return True once the lock is acquired.\n"                                   \
    "With an argument, this will only block if the argument is true,\n"                        \
    "and the return value reflects whether the lock is acquired.\n"                            \
    "The blocking operation is interruptible."

static AdMethodDef lock_methods[] = {
    {"acquire_lock", FN(lock_acquire_lock), AD_METH_FASTCALL | AD_METH_KEYWORDS, ACQUIRE_DOC("acquire_lock")},
    {"acquire", FN(lock_acquire), AD_METH_FASTCALL | AD_METH_KEYWORDS, ACQUIRE_DOC("acquire")},
    {"release_lock", FN(lock_release), AD_METH_NOARGS,
     "Release the lock.\n\nAllows another thread that is blocked waiting for\n"
     "the lock to acquire the lock.  The lock must be in the locked state,\n"
     "but it needn't be locked by the same thread that unlocks it."},
    {"release", FN(lock_release), AD_METH_NOARGS,
     "Release the lock.\n\nAllows another thread that is blocked waiting for\n"
     "the lock to acquire the lock.  The lock must be in the locked state,\n"
     "but it needn't be locked by the same thread that unlocks it."},
    {"locked_lock", FN(lock_locked), AD_METH_NOARGS,
     "Test whether the lock is currently locked."},
    {"locked", FN(lock_locked), AD_METH_NOARGS, "Test whether the lock is currently locked."},
    {"__enter__", FN(lock_enter), AD_METH_NOARGS, "Lock the lock."},
    {"__exit__", FN(lock_exit), AD_METH_FASTCALL, "Release the lock."},
    {"_at_fork_reinit", FN(lock_at_fork_reinit), AD_METH_NOARGS, ""},
    {NULL, NULL, 0, NULL},
};

AdTypeObject thread_lock_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(LockObject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = 0,
    .tp_doc = "A lock object is a synchronization primitive.  To create a lock,\n"
              "call threading.Lock().  Methods are:\n\n"
              "acquire() -- lock the lock, possibly blocking until it can be obtained\n"
              "release() -- unlock of the lock\n"
              "locked() -- test whether the lock is currently locked\n\n"
              "A lock is not owned by the thread that locked it; another thread may\n"
              "unlock it.  A thread attempting to lock a lock that it has already locked\n"
              "will block until another thread unlocks it.  Deadlocks may ensue.",
    .tp_methods = lock_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = lock_new,
    .tp_free = AdObject_Free,
};

/* ---- RLock ------------------------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    sem_t sem;
    unsigned long owner;        /* ident of the owner; 0: none */
    uint64_t count;
} RLockObject;

static AdObject *rlock_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    RLockObject *r = (RLockObject *)type->tp_alloc(type, 0);
    if (!r)
        return NULL;
    sem_init(&r->sem, 0, 1);
    r->owner = 0;
    r->count = 0;
    return (AdObject *)r;
}

static void rlock_dealloc(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self);
    sem_destroy(&((RLockObject *)self)->sem);
    type->tp_free(self);
}

static AdObject *rlock_repr(AdObject *self)
{
    RLockObject *r = (RLockObject *)self;
    return AdStr_FromFormat("<%s %s object owner=%lu count=%llu at %p>",
                            r->count ? "locked" : "unlocked", AdType_Name(AD_TYPE(self)),
                            r->owner, (unsigned long long)r->count, (void *)self);
}

static int rlock_is_mine(RLockObject *r)
{
    return r->count > 0 && r->owner == thread_ident_self();
}

static AdObject *rlock_acquire(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    RLockObject *r = (RLockObject *)self;
    int64_t timeout;
    if (thread_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0)
        return NULL;
    if (rlock_is_mine(r)) {
        if (r->count == UINT64_MAX) {
            AdErr_SetString(AdExc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        r->count++;
        Ad_RETURN_TRUE;
    }
    int got = thread_sem_wait(&r->sem, timeout);
    if (got < 0)
        return NULL;
    if (got) {
        r->owner = thread_ident_self();
        r->count = 1;
    }
    return AdBool_FromLong(got);
}

static AdObject *rlock_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    return rlock_acquire(self, NULL, 0, NULL);
}

static AdObject *rlock_release(AdObject *self, AdObject *unused)
{
    (void)unused;
    RLockObject *r = (RLockObject *)self;
    if (!rlock_is_mine(r)) {
        AdErr_SetString(AdExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    if (--r->count == 0) {
        r->owner = 0;
        sem_post(&r->sem);
    }
    Ad_RETURN_NONE;
}

static AdObject *rlock_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return rlock_release(self, NULL);
}

static AdObject *rlock_locked(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdBool_FromLong(((RLockObject *)self)->count > 0);
}

static AdObject *rlock_is_owned(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdBool_FromLong(rlock_is_mine((RLockObject *)self));
}

static AdObject *rlock_recursion_count(AdObject *self, AdObject *unused)
{
    (void)unused;
    RLockObject *r = (RLockObject *)self;
    return AdInt_FromUInt64(rlock_is_mine(r) ? r->count : 0);
}

static AdObject *rlock_release_save(AdObject *self, AdObject *unused)
{
    (void)unused;
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0) {
        AdErr_SetString(AdExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    AdObject *count = AdInt_FromUInt64(r->count);
    AdObject *owner = count ? AdInt_FromUInt64(r->owner) : NULL;
    AdObject *t = owner ? AdTuple_Pack(2, count, owner) : NULL;
    Ad_XDECREF(count);
    Ad_XDECREF(owner);
    if (!t)
        return NULL;
    r->count = 0;
    r->owner = 0;
    sem_post(&r->sem);
    return t;
}

static AdObject *rlock_acquire_restore(AdObject *self, AdObject *state)
{
    RLockObject *r = (RLockObject *)self;
    if (!AdTuple_Check(state) && !AdList_Check(state)) {
        AdErr_Format(AdExc_TypeError, "_acquire_restore() argument 1 must be 2-item tuple, not %s",
                     AdType_Name(AD_TYPE(state)));
        return NULL;
    }
    Ad_ssize_t n = AdTuple_Check(state) ? AdTuple_GET_SIZE(state) : AdList_GET_SIZE(state);
    if (n != 2) {
        AdErr_Format(AdExc_TypeError, "_acquire_restore() argument 1 must be tuple of length 2, not %zd", n);
        return NULL;
    }
    AdObject *const *items = AdTuple_Check(state) ? &AdTuple_GET_ITEM(state, 0) : &AdList_GET_ITEM(state, 0);
    int64_t count = AdInt_AsInt64(items[0]);
    if (count == -1 && AdErr_Occurred())
        return NULL;
    int64_t owner = AdInt_AsInt64(items[1]);
    if (owner == -1 && AdErr_Occurred())
        return NULL;
    int got = thread_sem_wait(&r->sem, -1);
    if (got < 0)
        return NULL;
    r->owner = (unsigned long)owner;
    r->count = (uint64_t)count;
    Ad_RETURN_NONE;
}

static AdObject *rlock_at_fork_reinit(AdObject *self, AdObject *unused)
{
    (void)unused;
    RLockObject *r = (RLockObject *)self;
    sem_destroy(&r->sem);
    sem_init(&r->sem, 0, 1);
    r->owner = 0;
    r->count = 0;
    Ad_RETURN_NONE;
}

static AdMethodDef rlock_methods[] = {
    {"acquire", FN(rlock_acquire), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Lock the lock."},
    {"locked", FN(rlock_locked), AD_METH_NOARGS, "Test whether the lock is currently locked."},
    {"release", FN(rlock_release), AD_METH_NOARGS, "Release the lock."},
    {"__enter__", FN(rlock_enter), AD_METH_NOARGS, "Lock the lock."},
    {"__exit__", FN(rlock_exit), AD_METH_FASTCALL, "Release the lock."},
    {"_is_owned", FN(rlock_is_owned), AD_METH_NOARGS,
     "For internal use by `threading.Condition`."},
    {"_recursion_count", FN(rlock_recursion_count), AD_METH_NOARGS,
     "For internal use by reentrancy checks."},
    {"_release_save", FN(rlock_release_save), AD_METH_NOARGS,
     "For internal use by `threading.Condition`."},
    {"_acquire_restore", FN(rlock_acquire_restore), AD_METH_O,
     "For internal use by `threading.Condition`."},
    {"_at_fork_reinit", FN(rlock_at_fork_reinit), AD_METH_NOARGS, ""},
    {NULL, NULL, 0, NULL},
};

AdTypeObject thread_rlock_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(RLockObject),
    .tp_dealloc = rlock_dealloc,
    .tp_repr = rlock_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_methods = rlock_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = rlock_new,
    .tp_free = AdObject_Free,
};

int thread_is_callable(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    return t->tp_call != NULL ||
           (AdType_HasFeature(t, AD_TPFLAGS_HAVE_VECTORCALL) && t->tp_vectorcall_offset > 0);
}
