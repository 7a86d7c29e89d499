/* posix_fork.c: fork and its hooks in the posix module:
 * register_at_fork(before=, after_in_child=, after_in_parent=) keeps three
 * lists of callables; fork() calls the `before` hooks (last registered
 * first), forks, clears the signal flags the child inherited, and calls
 * the child or parent hooks (in registration order). A failing hook is
 * reported as unraisable and the others still run. Also the cheap process
 * calls: setpgrp, nice, get/setpriority, set*id, getres*id, sched_yield,
 * sched_getaffinity/setaffinity, sched_get_priority_min/max, waitid with
 * waitid_result, wait3/wait4 (their rusage is a resource.struct_rusage, as
 * in CPython: the resource module must be importable), getloadavg, abort,
 * ctermid. Exposes
 * posix_run_fork_hooks for _posixsubprocess (preexec_fn forks). */
#include "runtime/gil.h"
#include "import/import.h"
#include "runtime/lifecycle.h"
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "objects/structseq.h"
#include "import/import.h"
#include "modules/posix.h"
#include "modules/posix_internal.h"
#include "runtime/runtime.h"

/* Lists of callables (new refs; NULL until first registration). */
static AdObject *before_forkers, *after_child_forkers, *after_parent_forkers;

static void run_hooks(AdObject *list, int reverse)
{
    if (!list)
        return;
    /* A copy: a hook may register more hooks. */
    AdObject *copy = AdSequence_List(list);
    if (!copy) {
        AdErr_WriteUnraisable(NULL);
        return;
    }
    Ad_ssize_t n = AdList_GET_SIZE(copy);
    for (Ad_ssize_t k = 0; k < n; k++) {
        AdObject *f = AdList_GET_ITEM(copy, reverse ? n - 1 - k : k);
        AdObject *r = AdObject_CallNoArgs(f);
        if (r)
            Ad_DECREF(r);
        else
            AdErr_WriteUnraisable(f);
    }
    Ad_DECREF(copy);
}

void posix_before_fork(void)
{
    run_hooks(before_forkers, 1);
}

void posix_after_fork_child(void)
{
    Ad_ReinitThreadsAfterFork();     /* the other threads are gone here */
    AdImport_ReInitLockAfterFork();
    /* Signals that arrived in the parent are the parent's to handle. */
    for (int s = 0; s < AD_NSIG; s++)
        ad_runtime.signals.tripped[s] = 0;
    ad_runtime.signals.is_tripped = 0;
    run_hooks(after_child_forkers, 0);
}

void posix_after_fork_parent(void)
{
    run_hooks(after_parent_forkers, 0);
}

/* Step 4 (before module teardown): the lists go, with the callables
 * they keep (threading's _after_fork, for one). */
static int release_fork_hooks(AdInterp *interp)
{
    (void)interp;
    AD_CLEAR(before_forkers);
    AD_CLEAR(after_child_forkers);
    AD_CLEAR(after_parent_forkers);
    return 0;
}

static int add_hook(AdObject **list, AdObject *f)
{
    static int fini_registered;
    if (!f)
        return 0;
    if (!fini_registered) {
        if (Ad_RegisterFiniHook(AD_FINI_MODULES, release_fork_hooks) < 0) {
            AdErr_SetString(AdExc_RuntimeError, "register_at_fork: no room for the finalization hook");
            return -1;
        }
        fini_registered = 1;
    }
    if (!*list && !(*list = AdList_New(0)))
        return -1;
    return AdList_Append(*list, f);
}

static AdObject *os_register_at_fork(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"before", "after_in_child", "after_in_parent"};
    AdObject *a[3];
    if (posix_parse("register_at_fork", args, nargs, kwnames, names, 3, 0, 0, a) < 0)
        return NULL;
    if (!a[0] && !a[1] && !a[2]) {
        AdErr_SetString(AdExc_TypeError, "At least one argument is required.");
        return NULL;
    }
    for (int i = 0; i < 3; i++)
        if (a[i] && !AD_TYPE(a[i])->tp_call) {
            AdErr_Format(AdExc_TypeError, "'%s' must be callable, not %.200s", names[i],
                         AdType_Name(AD_TYPE(a[i])));
            return NULL;
        }
    if (add_hook(&before_forkers, a[0]) < 0 || add_hook(&after_child_forkers, a[1]) < 0 ||
        add_hook(&after_parent_forkers, a[2]) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

/* Whether the interpreter runs more than one thread (fork warns then). */
static int several_threads(void)
{
    AdThread *t = Ad_CurrentThread();
    if (!t)
        return 0;
    pthread_mutex_lock(&t->interp->threads_mutex);
    int several = t->interp->threads && t->interp->threads->next;
    pthread_mutex_unlock(&t->interp->threads_mutex);
    return several;
}

static AdObject *os_fork(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    posix_before_fork();
    fflush(NULL);
    pid_t pid = fork();
    int err = errno;
    if (pid == 0) {
        posix_after_fork_child();
    } else {
        posix_after_fork_parent();
        if (pid < 0) {
            errno = err;
            return posix_error();
        }
        if (several_threads() &&
            AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                             "This process (pid=%d) is multi-threaded, use of fork() may lead "
                             "to deadlocks in the child.", (int)getpid()) < 0)
            AdErr_WriteUnraisable(NULL);
    }
    return AdInt_FromInt64(pid);
}

/* ---- cheap process calls ---------------------------------------------- */

static AdObject *os_setpgrp(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return setpgid(0, 0) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_nice(AdObject *m, AdObject *arg)
{
    (void)m;
    int inc;
    if (posix_int(arg, &inc) < 0)
        return NULL;
    errno = 0;
    int r = nice(inc);
    if (r == -1 && errno)
        return posix_error();
    return AdInt_FromInt64(r);
}

static AdObject *os_getpriority(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"which", "who"};
    AdObject *a[2];
    int which, who;
    if (posix_parse("getpriority", args, nargs, kwnames, names, 2, 2, 2, a) < 0 || posix_int(a[0], &which) < 0 ||
        posix_int(a[1], &who) < 0)
        return NULL;
    errno = 0;
    int r = getpriority(which, (id_t)who);
    if (r == -1 && errno)
        return posix_error();
    return AdInt_FromInt64(r);
}

static AdObject *os_setpriority(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"which", "who", "priority"};
    AdObject *a[3];
    int which, who, prio;
    if (posix_parse("setpriority", args, nargs, kwnames, names, 3, 3, 3, a) < 0 || posix_int(a[0], &which) < 0 ||
        posix_int(a[1], &who) < 0 || posix_int(a[2], &prio) < 0)
        return NULL;
    return setpriority(which, (id_t)who, prio) < 0 ? posix_error() : Ad_None;
}

#define SET_ID(fname, call, what)                                                   \
    static AdObject *os_##fname(AdObject *m, AdObject *arg)                         \
    {                                                                               \
        (void)m;                                                                    \
        long long v;                                                                \
        if (posix_id_arg(arg, &v, what) < 0)                                            \
            return NULL;                                                            \
        return call((unsigned)v) < 0 ? posix_error() : Ad_None;                     \
    }
SET_ID(setuid, setuid, "uid")
SET_ID(seteuid, seteuid, "uid")
SET_ID(setgid, setgid, "gid")
SET_ID(setegid, setegid, "gid")

static AdObject *id_triple(unsigned a, unsigned b, unsigned c)
{
    AdObject *x = AdInt_FromInt64(a), *y = AdInt_FromInt64(b), *z = AdInt_FromInt64(c);
    AdObject *t = x && y && z ? AdTuple_Pack(3, x, y, z) : NULL;
    Ad_XDECREF(x);
    Ad_XDECREF(y);
    Ad_XDECREF(z);
    return t;
}

static AdObject *os_getresuid(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    uid_t r, e, s;
    return getresuid(&r, &e, &s) < 0 ? posix_error() : id_triple(r, e, s);
}

static AdObject *os_getresgid(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    gid_t r, e, s;
    return getresgid(&r, &e, &s) < 0 ? posix_error() : id_triple(r, e, s);
}

static AdObject *os_sched_yield(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    sched_yield();
    Ad_RETURN_NONE;
}

static AdObject *os_sched_getaffinity(AdObject *m, AdObject *arg)
{
    (void)m;
    int pid;
    if (posix_int(arg, &pid) < 0)
        return NULL;
    cpu_set_t set;
    if (sched_getaffinity(pid, sizeof set, &set) < 0)
        return posix_error();
    AdObject *r = AdSet_New(NULL);
    for (int i = 0; r && i < CPU_SETSIZE; i++) {
        if (!CPU_ISSET(i, &set))
            continue;
        AdObject *v = AdInt_FromInt64(i);
        if (!v || AdSet_Add(r, v) < 0)
            AD_CLEAR(r);
        Ad_XDECREF(v);
    }
    return r;
}

static AdObject *os_sched_setaffinity(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "sched_setaffinity expected 2 arguments, got %zd", nargs);
    int pid;
    if (posix_int(args[0], &pid) < 0)
        return NULL;
    AdObject *list = AdSequence_List(args[1]);
    if (!list)
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(list); i++) {
        long long c;
        if (posix_long(AdList_GET_ITEM(list, i), &c) < 0) {
            Ad_DECREF(list);
            return NULL;
        }
        if (c < 0) {
            Ad_DECREF(list);
            AdErr_SetString(AdExc_ValueError, "negative CPU number");
            return NULL;
        }
        if (c >= CPU_SETSIZE) {
            Ad_DECREF(list);
            errno = EINVAL;
            return posix_error();
        }
        CPU_SET((int)c, &set);
    }
    Ad_DECREF(list);
    if (sched_setaffinity(pid, sizeof set, &set) < 0)
        return posix_error();
    Ad_RETURN_NONE;
}

static AdObject *sched_priority(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                                int max)
{
    static const char *const names[] = {"policy"};
    AdObject *a[1];
    int policy;
    if (posix_parse(fname, args, nargs, kwnames, names, 1, 1, 1, a) < 0 || posix_int(a[0], &policy) < 0)
        return NULL;
    int r = max ? sched_get_priority_max(policy) : sched_get_priority_min(policy);
    return r < 0 ? posix_error() : AdInt_FromInt64(r);
}

static AdObject *os_sched_get_priority_max(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kw)
{
    (void)m;
    return sched_priority("sched_get_priority_max", args, nargs, kw, 1);
}

static AdObject *os_sched_get_priority_min(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kw)
{
    (void)m;
    return sched_priority("sched_get_priority_min", args, nargs, kw, 0);
}

static const AdStructSeqField waitid_fields[] = {
    {"si_pid", ""}, {"si_uid", ""}, {"si_signo", ""}, {"si_status", ""}, {"si_code", ""}, {NULL, NULL},
};
static const AdStructSeqDesc waitid_desc = {
    "posix.waitid_result",
    "waitid_result: Result from waitid.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (si_pid, si_uid, si_signo, si_status, si_code),\n"
    "or via the attributes si_pid, si_uid, and so on.\n\n"
    "See os.waitid for more information.",
    waitid_fields, 5,
};
static AdTypeObject waitid_type;

static AdObject *os_waitid(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 3)
        return AdErr_Format(AdExc_TypeError, "waitid expected 3 arguments, got %zd", nargs);
    int idtype, options;
    long long id;
    if (posix_int(args[0], &idtype) < 0 || posix_long(args[1], &id) < 0 || posix_int(args[2], &options) < 0)
        return NULL;
    siginfo_t si;
    si.si_pid = 0;
    int rc;
    for (;;) {
        rc = waitid((idtype_t)idtype, (id_t)id, &si, options);
        if (rc >= 0 || errno != EINTR)
            break;
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    if (rc < 0)
        return posix_error();
    if (si.si_pid == 0)
        Ad_RETURN_NONE;
    AdObject *r = AdStructSeq_New(&waitid_type);
    if (!r)
        return NULL;
    int64_t v[5] = {si.si_pid, si.si_uid, si.si_signo, si.si_status, si.si_code};
    int bad = 0;
    for (int i = 0; i < 5; i++) {
        AdObject *o = AdInt_FromInt64(v[i]);
        if (!o)
            bad = 1;
        AdStructSeq_SET_ITEM(r, i, o ? o : Ad_NewRef(Ad_None));
    }
    if (bad) {
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

/* (pid, status, resource.struct_rusage(...)) for wait3/wait4. */
static AdObject *wait_result(pid_t pid, int status, const struct rusage *ru)
{
    AdObject *mod = AdImport_ImportModule("resource");
    if (!mod)
        return NULL;
    AdObject *type = AdObject_GetAttrString(mod, "struct_rusage");
    Ad_DECREF(mod);
    if (!type)
        return NULL;
    AdObject *f[16];
    f[0] = AdFloat_FromDouble((double)ru->ru_utime.tv_sec + ru->ru_utime.tv_usec * 1e-6);
    f[1] = AdFloat_FromDouble((double)ru->ru_stime.tv_sec + ru->ru_stime.tv_usec * 1e-6);
    long v[14] = {ru->ru_maxrss, ru->ru_ixrss, ru->ru_idrss, ru->ru_isrss, ru->ru_minflt, ru->ru_majflt,
                  ru->ru_nswap, ru->ru_inblock, ru->ru_oublock, ru->ru_msgsnd, ru->ru_msgrcv, ru->ru_nsignals,
                  ru->ru_nvcsw, ru->ru_nivcsw};
    for (int i = 0; i < 14; i++)
        f[2 + i] = AdInt_FromInt64(v[i]);
    AdObject *tuple = AdTuple_New(16);
    int bad = !tuple;
    for (int i = 0; i < 16; i++) {
        if (!f[i])
            bad = 1;
        if (tuple)
            AdTuple_SET_ITEM(tuple, i, f[i] ? f[i] : Ad_NewRef(Ad_None));
        else
            Ad_XDECREF(f[i]);
    }
    AdObject *usage = bad ? NULL : AdObject_CallOneArg(type, tuple);
    Ad_XDECREF(tuple);
    Ad_DECREF(type);
    if (!usage)
        return NULL;
    AdObject *a = AdInt_FromInt64(pid), *b = AdInt_FromInt64(status);
    AdObject *r = a && b ? AdTuple_Pack(3, a, b, usage) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    Ad_DECREF(usage);
    return r;
}

static AdObject *wait_rusage(pid_t pid, int options)
{
    int status = 0;
    struct rusage ru;
    pid_t r;
    for (;;) {
        r = wait4(pid, &status, options, &ru);
        if (r >= 0 || errno != EINTR)
            break;
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    if (r < 0)
        return posix_error();
    return wait_result(r, status, &ru);
}

static AdObject *os_wait3(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"options"};
    AdObject *a[1];
    int options;
    if (posix_parse("wait3", args, nargs, kwnames, names, 1, 1, 1, a) < 0 || posix_int(a[0], &options) < 0)
        return NULL;
    return wait_rusage(-1, options);
}

static AdObject *os_wait4(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"pid", "options"};
    AdObject *a[2];
    int pid, options;
    if (posix_parse("wait4", args, nargs, kwnames, names, 2, 2, 2, a) < 0 || posix_int(a[0], &pid) < 0 ||
        posix_int(a[1], &options) < 0)
        return NULL;
    return wait_rusage(pid, options);
}

static AdObject *os_getloadavg(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    double l[3];
    if (getloadavg(l, 3) != 3) {
        AdErr_SetString(AdExc_OSError, "Load averages are unobtainable");
        return NULL;
    }
    AdObject *a = AdFloat_FromDouble(l[0]), *b = AdFloat_FromDouble(l[1]), *c = AdFloat_FromDouble(l[2]);
    AdObject *t = a && b && c ? AdTuple_Pack(3, a, b, c) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    Ad_XDECREF(c);
    return t;
}

static AdObject *os_abort(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    abort();
}

static AdObject *os_ctermid(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    char buf[L_ctermid];
    char *s = ctermid(buf);
    if (!s)
        return posix_error();
    return posix_decode(s, (Ad_ssize_t)strlen(s), 0);
}

static AdMethodDef fork_methods[] = {
    {"register_at_fork", POSIX_FN(os_register_at_fork), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Register callables to be called when forking a new process."},
    {"fork", POSIX_FN(os_fork), AD_METH_NOARGS, "Fork a child process."},
    {"setpgrp", POSIX_FN(os_setpgrp), AD_METH_NOARGS, "Make the current process the leader of its process group."},
    {"nice", POSIX_FN(os_nice), AD_METH_O, "Add increment to the priority of process and return the new priority."},
    {"getpriority", POSIX_FN(os_getpriority), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return program scheduling priority."},
    {"setpriority", POSIX_FN(os_setpriority), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Set program scheduling priority."},
    {"setuid", POSIX_FN(os_setuid), AD_METH_O, "Set the current process's user id."},
    {"seteuid", POSIX_FN(os_seteuid), AD_METH_O, "Set the current process's effective user id."},
    {"setgid", POSIX_FN(os_setgid), AD_METH_O, "Set the current process's group id."},
    {"setegid", POSIX_FN(os_setegid), AD_METH_O, "Set the current process's effective group id."},
    {"getresuid", POSIX_FN(os_getresuid), AD_METH_NOARGS, "Return a tuple of the current process's real, effective, and saved user ids."},
    {"getresgid", POSIX_FN(os_getresgid), AD_METH_NOARGS, "Return a tuple of the current process's real, effective, and saved group ids."},
    {"sched_yield", POSIX_FN(os_sched_yield), AD_METH_NOARGS, "Voluntarily relinquish the CPU."},
    {"sched_getaffinity", POSIX_FN(os_sched_getaffinity), AD_METH_O, "Return the affinity of the process identified by pid (or the current process if zero)."},
    {"sched_setaffinity", POSIX_FN(os_sched_setaffinity), AD_METH_FASTCALL, "Set the CPU affinity of the process identified by pid to mask."},
    {"sched_get_priority_max", POSIX_FN(os_sched_get_priority_max), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Get the maximum scheduling priority for policy."},
    {"sched_get_priority_min", POSIX_FN(os_sched_get_priority_min), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Get the minimum scheduling priority for policy."},
    {"waitid", POSIX_FN(os_waitid), AD_METH_FASTCALL, "Returns the result of waiting for a process or processes."},
    {"wait3", POSIX_FN(os_wait3), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Wait for completion of a child process."},
    {"wait4", POSIX_FN(os_wait4), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Wait for completion of a specific child process."},
    {"getloadavg", POSIX_FN(os_getloadavg), AD_METH_NOARGS, "Return average recent system load information."},
    {"abort", POSIX_FN(os_abort), AD_METH_NOARGS, "Abort the interpreter immediately."},
    {"ctermid", POSIX_FN(os_ctermid), AD_METH_NOARGS, "Return the name of the controlling terminal for this process."},
    {NULL, NULL, 0, NULL},
};

int posix_add_fork(AdObject *m)
{
    if (!(waitid_type.tp_flags & AD_TPFLAGS_READY) && AdStructSeq_InitType(&waitid_type, &waitid_desc, 0) < 0)
        return -1;
    if (AdModule_AddObjectRef(m, "waitid_result", (AdObject *)&waitid_type) < 0)
        return -1;
    return AdModule_AddFunctions(m, fork_methods);
}
