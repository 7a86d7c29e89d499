/* thread_module.c: the _thread module of Python 3.14: its functions
 * (get_ident, get_native_id, allocate_lock, start_new_thread,
 * start_joinable_thread, _make_thread_handle, _get_main_thread_ident,
 * _shutdown, _is_main_interpreter, daemon_threads_allowed, _count,
 * stack_size, interrupt_main, exit, set_name/_get_name, _excepthook), its
 * constants and types, and the finalization hook that runs
 * threading._shutdown() (joining the non-daemon threads) at step 1. The
 * locks, handles and _local live in thread_lock.c, thread_handle.c and
 * thread_local.c. */
#include "import/builtin_modules.h"
#include "modules/sys.h"
#include "modules/thread_internal.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/gil.h"
#include "runtime/lifecycle.h"
#include "runtime/signals.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FN(f) ((void (*)(void))(f))

/* ---- small functions ---------------------------------------------------------------------- */

static AdObject *th_get_ident(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return AdInt_FromUInt64(thread_ident_self());
}

static AdObject *th_get_native_id(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return AdInt_FromInt64((int64_t)syscall(SYS_gettid));
}

static AdObject *th_allocate_lock(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return thread_new_lock();
}

static AdObject *th_get_main_thread_ident(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    AdInterp *interp = Ad_MainInterp();
    if (!interp || !interp->main_thread)
        return AdInt_FromInt64(0);
    return AdInt_FromUInt64((unsigned long)interp->main_thread->native);
}

static AdObject *th_is_main_interpreter(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    AdThread *t = Ad_CurrentThread();
    return AdBool_FromLong(t && t->interp == Ad_MainInterp());
}

static AdObject *th_daemon_threads_allowed(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    Ad_RETURN_TRUE;
}

static AdObject *th_exit(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    AdErr_SetNone(AdExc_SystemExit);
    return NULL;
}

static AdObject *th_interrupt_main(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"signum", NULL};
    AdObject *a[1] = {NULL};
    if (AdArg_Parse("interrupt_main", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    int64_t signum = SIGINT;
    if (a[0]) {
        signum = AdInt_AsInt64(a[0]);
        if (signum == -1 && AdErr_Occurred())
            return NULL;
    }
    if (signum < 1 || signum >= AD_NSIG) {
        AdErr_SetString(AdExc_ValueError, "signal number out of range");
        return NULL;
    }
    Ad_SignalsTrip((int)signum);
    Ad_RETURN_NONE;
}

#define STACK_MIN ((size_t)0x8000)

static AdObject *th_stack_size(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("stack_size", nargs, 0, 1) < 0)
        return NULL;
    size_t old = thread_stack_size;
    /* As in CPython, the size defaults to 0: stack_size() also resets it. */
    Ad_ssize_t size = 0;
    if (nargs == 1) {
        size = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (size == -1 && AdErr_Occurred())
            return NULL;
    }
    if (size < 0) {
        AdErr_SetString(AdExc_ValueError, "size must be 0 or a positive value");
        return NULL;
    }
    if (size != 0 && (size_t)size < STACK_MIN) {
        AdErr_Format(AdExc_ValueError, "size not valid: %zd bytes", size);
        return NULL;
    }
    thread_stack_size = (size_t)size;
    return AdInt_FromUInt64(old);
}

static AdObject *th_set_name(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"name", NULL};
    AdObject *a[1] = {NULL};
    if (AdArg_Parse("set_name", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    if (!AdStr_Check(a[0])) {
        AdErr_Format(AdExc_TypeError, "set_name() argument 'name' must be str, not %s",
                     AdType_Name(AD_TYPE(a[0])));
        return NULL;
    }
    Ad_ssize_t len;
    const char *s = AdStr_AsUTF8AndSize(a[0], &len);
    if (!s)
        return NULL;
    /* Linux keeps 15 bytes; cut at a character boundary. */
    char buf[16];
    size_t n = (size_t)len < 15 ? (size_t)len : 15;
    while (n > 0 && n < (size_t)len && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(buf, s, n);
    buf[n] = '\0';
    int rc = pthread_setname_np(pthread_self(), buf);
    if (rc != 0) {
        errno = rc;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    Ad_RETURN_NONE;
}

static AdObject *th_get_name(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    char buf[64];
    int rc = pthread_getname_np(pthread_self(), buf, sizeof buf);
    if (rc != 0) {
        errno = rc;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    return AdStr_FromString(buf);
}

/* ---- _ExceptHookArgs and _excepthook ------------------------------------------------------ */

static AdTypeObject excepthook_args_type;

static const AdStructSeqField excepthook_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"thread", "Thread"},
    {NULL, NULL},
};

static const AdStructSeqDesc excepthook_desc = {
    .name = "_thread._ExceptHookArgs",
    .doc = "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
    .fields = excepthook_fields,
    .n_in_sequence = 4,
};

static int write_str(AdObject *file, AdObject *text)
{
    AdObject *name = AdStr_FromString("write");
    AdObject *r = name ? AdObject_CallMethod(file, name, &text, 1) : NULL;
    Ad_XDECREF(name);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

static int flush_file(AdObject *file)
{
    AdObject *name = AdStr_FromString("flush");
    AdObject *r = name ? AdObject_CallMethod(file, name, NULL, 0) : NULL;
    Ad_XDECREF(name);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

static AdObject *th_excepthook(AdObject *m, AdObject *args)
{
    (void)m;
    if (!Ad_IS_TYPE(args, &excepthook_args_type)) {
        AdErr_SetString(AdExc_TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
        return NULL;
    }
    AdObject *exc_type = AdStructSeq_GET_ITEM(args, 0);
    AdObject *exc_value = AdStructSeq_GET_ITEM(args, 1);
    AdObject *thread = AdStructSeq_GET_ITEM(args, 3);
    if (exc_type == AdExc_SystemExit)
        Ad_RETURN_NONE;
    AdObject *file = AdSys_GetObject("stderr");
    AdObject *owned = NULL;
    if (file && file != Ad_None) {
        owned = Ad_NewRef(file);
    } else if (thread != Ad_None) {
        owned = AdObject_GetAttrString(thread, "_stderr");
        if (!owned)
            return NULL;
        if (owned == Ad_None) {
            Ad_DECREF(owned);
            Ad_RETURN_NONE;
        }
    } else {
        Ad_RETURN_NONE;
    }
    AdObject *name = NULL;
    if (thread != Ad_None) {
        name = AdObject_GetAttrString(thread, "name");
        if (!name)
            AdErr_Clear();
    }
    AdObject *line = name ? AdStr_FromFormat("Exception in thread %S:\n", name)
                          : AdStr_FromFormat("Exception in thread %lu:\n", thread_ident_self());
    Ad_XDECREF(name);
    int rc = line ? write_str(owned, line) : -1;
    Ad_XDECREF(line);
    if (rc == 0)
        rc = flush_file(owned);
    if (rc == 0 && exc_value != Ad_None)
        rc = AdSys_DisplayException(exc_value, owned);
    if (rc == 0)
        rc = flush_file(owned);
    Ad_DECREF(owned);
    if (rc < 0)
        return NULL;
    Ad_RETURN_NONE;
}

/* ---- finalization: join the non-daemon threads (step 1) ----------------------------------- */

static int wait_for_thread_shutdown(AdInterp *interp)
{
    (void)interp;
    AdObject *modules = AdSys_GetObject("modules");
    AdObject *threading = modules ? AdDict_GetItemString(modules, "threading") : NULL;
    if (!threading)
        return 0;
    Ad_INCREF(threading);
    AdObject *name = AdStr_FromString("_shutdown");
    AdObject *r = name ? AdObject_CallMethod(threading, name, NULL, 0) : NULL;
    Ad_XDECREF(name);
    if (r) {
        Ad_DECREF(r);
    } else {
        AdObject *exc = AdErr_GetRaisedException();
        AdSys_WriteUnraisable(exc, "Exception ignored on threading shutdown", NULL);
        Ad_XDECREF(exc);
    }
    Ad_DECREF(threading);
    return 0;
}

/* ---- the module --------------------------------------------------------------------------- */

static AdMethodDef thread_functions[] = {
    {"start_new_thread", FN(thread_start_new_thread), AD_METH_FASTCALL,
     "Start a new thread and return its identifier.\n\n"
     "The thread will call the function with positional arguments from the\n"
     "tuple args and keyword arguments taken from the optional dictionary\n"
     "kwargs.  The thread exits when the function returns; the return value\n"
     "is ignored.  The thread will also exit when the function raises an\n"
     "unhandled exception; a stack trace will be printed unless the exception\n"
     "is SystemExit."},
    {"start_new", FN(thread_start_new_thread), AD_METH_FASTCALL,
     "An obsolete synonym of start_new_thread()."},
    {"start_joinable_thread", FN(thread_start_joinable), AD_METH_FASTCALL | AD_METH_KEYWORDS,
          "*For internal use only*: start a new thread.\n\n"
     "Like start_new_thread(), this starts a new thread calling the given function.\n"
     "Unlike start_new_thread(), this returns a handle object with methods to join\n"
     "or detach the given thread.\n"
     "This function is not for third-party code, please use the\n"
     "`threading` module instead. During finalization the runtime will not wait for\n"
     "the thread to exit if daemon is True. If handle is provided it must be a\n"
     "newly created thread._ThreadHandle instance."},
    {"allocate_lock", FN(th_allocate_lock), AD_METH_NOARGS,
     "Create a new lock object. See help(type(threading.Lock())) for\n"
     "information about locks."},
    {"allocate", FN(th_allocate_lock), AD_METH_NOARGS,
     "An obsolete synonym of allocate_lock()."},
    {"exit_thread", FN(th_exit), AD_METH_NOARGS,
     "This is synonymous to ``raise SystemExit''.  It will cause the current\n"
     "thread to exit silently unless the exception is caught."},
    {"exit", FN(th_exit), AD_METH_NOARGS, "An obsolete synonym of exit_thread()."},
    {"interrupt_main", FN(th_interrupt_main), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Simulate the arrival of the given signal in the main thread,\n"
     "where the corresponding signal handler will be executed.\n"
     "If *signum* is omitted, SIGINT is assumed.\n"
     "A subthread can use this function to interrupt the main thread.\n\n"
     "Note: the default signal handler for SIGINT raises ``KeyboardInterrupt``."},
    {"get_ident", FN(th_get_ident), AD_METH_NOARGS,
     "Return a non-zero integer that uniquely identifies the current thread\n"
     "amongst other threads that exist simultaneously.\n"
     "This may be used to identify per-thread resources.\n"
     "Even though on some platforms threads identities may appear to be\n"
     "allocated consecutive numbers starting at 1, this behavior should not\n"
     "be relied upon, and the number should be seen purely as a magic cookie.\n"
     "A thread's identity may be reused for another thread after it exits."},
    {"get_native_id", FN(th_get_native_id), AD_METH_NOARGS,
     "Return a non-negative integer identifying the thread as reported\n"
     "by the OS (kernel). This may be used to uniquely identify a\n"
     "particular thread within a system."},
    {"_count", FN(thread_count), AD_METH_NOARGS,
     "Return the number of currently running Python threads, excluding\n"
     "the main thread. The returned number comprises all threads created\n"
     "through `start_new_thread()` as well as `threading.Thread`, and not\n"
     "yet finished.\n\n"
     "This function is meant for internal and specialized purposes only.\n"
     "In most applications `threading.enumerate()` should be used instead."},
    {"stack_size", FN(th_stack_size), AD_METH_FASTCALL,
     "Return the thread stack size used when creating new threads.  The\n"
     "optional size argument specifies the stack size (in bytes) to be used\n"
     "for subsequently created threads, and must be 0 (use platform or\n"
     "configured default) or a positive integer value of at least 32,768 (32k)."},
    {"_excepthook", FN(th_excepthook), AD_METH_O,
     ""
     "Handle uncaught Thread.run() exception."},
    {"_is_main_interpreter", FN(th_is_main_interpreter), AD_METH_NOARGS,
     "Return True if the current interpreter is the main Python interpreter."},
    {"_shutdown", FN(thread_shutdown), AD_METH_NOARGS,
     "Wait for all non-daemon threads (other than the calling thread) to stop."},
    {"_make_thread_handle", FN(thread_make_handle), AD_METH_O,
     "Internal only. Make a thread handle for threads not spawned\n"
     "by the _thread or threading module."},
    {"_get_main_thread_ident", FN(th_get_main_thread_ident), AD_METH_NOARGS,
     "Internal only. Return a non-zero integer that uniquely identifies the main thread\n"
     "of the main interpreter."},
    {"daemon_threads_allowed", FN(th_daemon_threads_allowed), AD_METH_NOARGS,
     "Check if daemon threads are allowed."},
    {"set_name", FN(th_set_name), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Set the name of the current thread."},
    {"_get_name", FN(th_get_name), AD_METH_NOARGS,
     "Get the name of the current thread."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitThread(void)
{
    static int hooked;
    if (!hooked) {
        if (Ad_RegisterFiniHook(AD_FINI_ATEXIT, wait_for_thread_shutdown) < 0 || thread_handles_init() < 0) {
            AdErr_SetString(AdExc_RuntimeError, "_thread: no room for the shutdown hook");
            return NULL;
        }
        hooked = 1;
    }
    if (AdType_Ready(&thread_lock_type) < 0 || AdType_Ready(&thread_rlock_type) < 0 ||
        AdType_Ready(&thread_handle_type) < 0 || AdType_Ready(&thread_local_type) < 0 ||
        AdStructSeq_InitType(&excepthook_args_type, &excepthook_desc, 0) < 0)
        return NULL;
    AdObject *m = AdModule_New("_thread");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "This module provides primitive operations to write multi-threaded programs.\n"
                                 "The 'threading' module provides a more convenient interface.") < 0 ||
        AdModule_AddFunctions(m, thread_functions) < 0 ||
        AdModule_AddObjectRef(m, "LockType", (AdObject *)&thread_lock_type) < 0 ||
        AdModule_AddObjectRef(m, "lock", (AdObject *)&thread_lock_type) < 0 ||
        AdModule_AddObjectRef(m, "RLock", (AdObject *)&thread_rlock_type) < 0 ||
        AdModule_AddObjectRef(m, "_local", (AdObject *)&thread_local_type) < 0 ||
        AdModule_AddObjectRef(m, "_ThreadHandle", (AdObject *)&thread_handle_type) < 0 ||
        AdModule_AddObjectRef(m, "_ExceptHookArgs", (AdObject *)&excepthook_args_type) < 0 ||
        AdModule_AddObjectRef(m, "error", AdExc_RuntimeError) < 0 ||
        AdModule_Add(m, "TIMEOUT_MAX", AdFloat_FromDouble(THREAD_TIMEOUT_MAX)) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
