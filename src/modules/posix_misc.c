/* posix_misc.c: the rest of the posix module and its assembly: environ
 * (bytes keys and values) and _create_environ, putenv/unsetenv, strerror,
 * urandom, cpu_count (honouring -X cpu_count), get_terminal_size/
 * terminal_size, uname/uname_result, times/times_result, device_encoding,
 * fspath, _is_inputhook_installed/_inputhook, the constants (O_*, *_OK,
 * W*, EX_*, SCHED_*, ...) and AdPosix_NewModule, which assembles the
 * pieces of posix_*.c. */
#include <langinfo.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/random.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sysexits.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"
#include "objects/structseq.h"
#include "runtime/interp.h"
#include "runtime/lifecycle.h"

extern char **environ;

static AdObject *make_environ(void)
{
    AdObject *d = AdDict_New();
    if (!d)
        return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        AdObject *k = AdBytes_FromStringAndSize(*e, eq - *e);
        AdObject *v = AdBytes_FromString(eq + 1);
        int rc = -1;
        if (k && v) {
            AdObject *old = AdDict_GetItemWithError(d, k);
            rc = old ? 0 : AdErr_Occurred() ? -1 : AdDict_SetItem(d, k, v);
        }
        Ad_XDECREF(k);
        Ad_XDECREF(v);
        if (rc < 0) {
            Ad_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static AdObject *os_putenv(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "putenv expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    AdObject *k = posix_fsencode(args[0]);
    AdObject *v = k ? posix_fsencode(args[1]) : NULL;
    AdObject *r = NULL;
    if (k && v) {
        if (strchr(AdBytes_AS_STRING(k), '='))
            AdErr_SetString(AdExc_ValueError, "illegal environment variable name");
        else if (setenv(AdBytes_AS_STRING(k), AdBytes_AS_STRING(v), 1) < 0)
            posix_error();
        else
            r = Ad_None;
    }
    Ad_XDECREF(k);
    Ad_XDECREF(v);
    return r;
}

static AdObject *os_unsetenv(AdObject *m, AdObject *arg)
{
    (void)m;
    AdObject *k = posix_fsencode(arg);
    if (!k)
        return NULL;
    int rc = unsetenv(AdBytes_AS_STRING(k));
    Ad_DECREF(k);
    return rc < 0 ? posix_error() : Ad_None;
}

static AdObject *os_create_environ(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return make_environ();
}

static AdObject *os_strerror(AdObject *m, AdObject *arg)
{
    (void)m;
    int code;
    if (posix_int(arg, &code) < 0)
        return NULL;
    const char *s = strerror(code);
    return AdStr_Decode(s, (Ad_ssize_t)strlen(s), "utf-8", "surrogateescape");
}

static AdObject *os_urandom(AdObject *m, AdObject *arg)
{
    (void)m;
    long long n;
    if (posix_long(arg, &n) < 0)
        return NULL;
    if (n < 0) {
        AdErr_SetString(AdExc_ValueError, "negative argument not allowed");
        return NULL;
    }
    AdObject *b = AdBytes_FromStringAndSize(NULL, (Ad_ssize_t)n);
    if (!b)
        return NULL;
    char *p = AdBytes_AS_STRING(b);
    long long done = 0;
    while (done < n) {
        ssize_t r = getrandom(p + done, (size_t)(n - done), 0);
        if (r < 0) {
            if (errno == EINTR && AdErr_CheckSignals() == 0)
                continue;
            Ad_DECREF(b);
            return AdErr_Occurred() ? NULL : posix_error();
        }
        done += r;
    }
    return b;
}

static AdObject *os_cpu_count(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    AdInterp *interp = Ad_MainInterp();
    if (ad_current_thread)
        interp = ad_current_thread->interp;
    if (interp && interp->config.cpu_count > 0)
        return AdInt_FromInt64(interp->config.cpu_count);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        Ad_RETURN_NONE;
    return AdInt_FromInt64(n);
}

static AdObject *os_process_cpu_count(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    AdInterp *interp = ad_current_thread ? ad_current_thread->interp : Ad_MainInterp();
    if (interp && interp->config.cpu_count > 0)
        return AdInt_FromInt64(interp->config.cpu_count);
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return AdInt_FromInt64(CPU_COUNT(&set));
    return os_cpu_count(m, NULL);
}

static const AdStructSeqField term_fields[] = {
    {"columns", "width of the terminal window in characters"},
    {"lines", "height of the terminal window in characters"},
    {NULL, NULL},
};
static const AdStructSeqDesc term_desc = {"os.terminal_size",
    "A tuple of (columns, lines) for holding terminal window size", term_fields, 2};
static AdTypeObject term_type;

static AdObject *os_get_terminal_size(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd = 1;
    if (nargs > 1) {
        AdErr_Format(AdExc_TypeError, "get_terminal_size expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 1 && posix_int(args[0], &fd) < 0)
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return posix_error();
    AdObject *r = AdStructSeq_New(&term_type);
    if (!r)
        return NULL;
    AdStructSeq_SET_ITEM(r, 0, AdInt_FromInt64(w.ws_col));
    AdStructSeq_SET_ITEM(r, 1, AdInt_FromInt64(w.ws_row));
    return r;
}

static const AdStructSeqField uname_fields[] = {
    {"sysname", "operating system name"},
    {"nodename", "name of machine on network (implementation-defined)"},
    {"release", "operating system release"},
    {"version", "operating system version"},
    {"machine", "hardware identifier"},
    {NULL, NULL},
};
static const AdStructSeqDesc uname_desc = {"posix.uname_result",
    "uname_result: Result from os.uname().", uname_fields, 5};
static AdTypeObject uname_type;

static AdObject *os_uname(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    struct utsname u;
    if (uname(&u) < 0)
        return posix_error();
    AdObject *r = AdStructSeq_New(&uname_type);
    if (!r)
        return NULL;
    const char *f[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    int bad = 0;
    for (int i = 0; i < 5; i++) {
        AdObject *s = posix_decode(f[i], (Ad_ssize_t)strlen(f[i]), 0);
        if (!s)
            bad = 1;
        AdStructSeq_SET_ITEM(r, i, s ? s : Ad_NewRef(Ad_None));
    }
    if (bad) {
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

static const AdStructSeqField times_fields[] = {
    {"user", "user time"},
    {"system", "system time"},
    {"children_user", "user time of children"},
    {"children_system", "system time of children"},
    {"elapsed", "elapsed time since an arbitrary point in the past"},
    {NULL, NULL},
};
static const AdStructSeqDesc times_desc = {"posix.times_result",
    "times_result: Result from os.times().", times_fields, 5};
static AdTypeObject times_type;

static AdObject *os_times(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return posix_error();
    double tick = (double)sysconf(_SC_CLK_TCK);
    AdObject *r = AdStructSeq_New(&times_type);
    if (!r)
        return NULL;
    double v[5] = {t.tms_utime / tick, t.tms_stime / tick, t.tms_cutime / tick, t.tms_cstime / tick, c / tick};
    for (int i = 0; i < 5; i++)
        AdStructSeq_SET_ITEM(r, i, AdFloat_FromDouble(v[i]));
    for (int i = 0; i < 5; i++)
        if (!AdStructSeq_GET_ITEM(r, i)) {
            AdStructSeq_SET_ITEM(r, i, Ad_NewRef(Ad_None));
            Ad_DECREF(r);
            return NULL;
        }
    return r;
}

static AdObject *os_device_encoding(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"fd"};
    AdObject *a[1];
    int fd;
    if (posix_parse("device_encoding", args, nargs, kwnames, names, 1, 1, 1, a) < 0 || posix_int(a[0], &fd) < 0)
        return NULL;
    if (!isatty(fd))
        Ad_RETURN_NONE;
    return AdStr_FromString("UTF-8");
}

/* Adder has no PyOS_InputHook: nothing is ever installed (used by _pyrepl). */
static AdObject *os_is_inputhook_installed(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    Ad_RETURN_FALSE;
}

static AdObject *os_inputhook(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    Ad_RETURN_NONE;
}

static AdObject *os_fspath(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path"};
    AdObject *a[1];
    if (posix_parse("fspath", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    return AdOS_FSPath(a[0]);
}

static AdMethodDef misc_methods[] = {
    {"putenv", POSIX_FN(os_putenv), AD_METH_FASTCALL, "Change or add an environment variable."},
    {"unsetenv", POSIX_FN(os_unsetenv), AD_METH_O, "Delete an environment variable."},
    {"_create_environ", POSIX_FN(os_create_environ), AD_METH_NOARGS, "Create the environment dictionary."},
    {"strerror", POSIX_FN(os_strerror), AD_METH_O, "Translate an error code to a message string."},
    {"urandom", POSIX_FN(os_urandom), AD_METH_O, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"cpu_count", POSIX_FN(os_cpu_count), AD_METH_NOARGS, "Return the number of logical CPUs in the system."},
    {"process_cpu_count", POSIX_FN(os_process_cpu_count), AD_METH_NOARGS, "Return the number of logical CPUs usable by the calling thread of the current process."},
    {"get_terminal_size", POSIX_FN(os_get_terminal_size), AD_METH_FASTCALL, "Return the size of the terminal window as (columns, lines)."},
    {"uname", POSIX_FN(os_uname), AD_METH_NOARGS, "Return an object identifying the current operating system."},
    {"times", POSIX_FN(os_times), AD_METH_NOARGS, "Return a collection containing process timing information."},
    {"device_encoding", POSIX_FN(os_device_encoding), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return a string describing the encoding of a terminal's file descriptor."},
    {"_is_inputhook_installed", POSIX_FN(os_is_inputhook_installed), AD_METH_NOARGS, "Check if PyOS_InputHook is set"},
    {"_inputhook", POSIX_FN(os_inputhook), AD_METH_NOARGS, "Calls PyOS_CallInputHook droppong the GIL first"},
    {"fspath", POSIX_FN(os_fspath), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return the file system path representation of the object."},
    {NULL, NULL, 0, NULL},
};

#define C(name) {#name, name}
static const struct { const char *name; long long value; } constants[] = {
    C(F_OK), C(R_OK), C(W_OK), C(X_OK),
#ifdef SEEK_DATA
    C(SEEK_DATA), C(SEEK_HOLE),
#endif
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_APPEND), C(O_CREAT), C(O_EXCL), C(O_TRUNC),
    C(O_NONBLOCK), C(O_NDELAY), C(O_SYNC), C(O_DSYNC), C(O_RSYNC), C(O_NOCTTY), C(O_CLOEXEC),
    C(O_DIRECTORY), C(O_NOFOLLOW), C(O_ASYNC), C(O_DIRECT), C(O_LARGEFILE), C(O_NOATIME),
    C(O_PATH), C(O_TMPFILE), C(O_ACCMODE), C(O_FSYNC),
    C(WNOHANG), C(WUNTRACED), C(WCONTINUED), C(WEXITED), C(WSTOPPED), C(WNOWAIT),
    C(P_PID), C(P_PGID), C(P_ALL), C(P_PIDFD),
    C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT), C(EX_NOUSER), C(EX_NOHOST),
    C(EX_UNAVAILABLE), C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT), C(EX_IOERR),
    C(EX_TEMPFAIL), C(EX_PROTOCOL), C(EX_NOPERM), C(EX_CONFIG),
    C(F_LOCK), C(F_TLOCK), C(F_ULOCK), C(F_TEST),
    C(PRIO_PROCESS), C(PRIO_PGRP), C(PRIO_USER),
    C(CLD_EXITED), C(CLD_KILLED), C(CLD_DUMPED), C(CLD_TRAPPED), C(CLD_STOPPED), C(CLD_CONTINUED),
    C(SCHED_OTHER), C(SCHED_FIFO), C(SCHED_RR), C(SCHED_BATCH), C(SCHED_IDLE), C(SCHED_RESET_ON_FORK),
    {"SCHED_DEADLINE", 6}, {"SCHED_NORMAL", 0},   /* new in 3.14; linux/sched.h's values */
    C(RTLD_LAZY), C(RTLD_NOW), C(RTLD_GLOBAL), C(RTLD_LOCAL), C(RTLD_NODELETE), C(RTLD_NOLOAD), C(RTLD_DEEPBIND),
    C(NGROUPS_MAX), C(TMP_MAX),
    C(GRND_NONBLOCK), C(GRND_RANDOM),
    C(ST_RDONLY), C(ST_NOSUID), C(ST_NODEV), C(ST_NOEXEC), C(ST_SYNCHRONOUS), C(ST_MANDLOCK),
    C(ST_WRITE), C(ST_APPEND), C(ST_NOATIME), C(ST_NODIRATIME), C(ST_RELATIME),
    C(POSIX_FADV_NORMAL), C(POSIX_FADV_SEQUENTIAL), C(POSIX_FADV_RANDOM), C(POSIX_FADV_NOREUSE),
    C(POSIX_FADV_WILLNEED), C(POSIX_FADV_DONTNEED),
    {NULL, 0},
};
#undef C

int posix_add_misc(AdObject *m)
{
    if (AdStructSeq_InitType(&term_type, &term_desc, 0) < 0 ||
        AdStructSeq_InitType(&uname_type, &uname_desc, 0) < 0 ||
        AdStructSeq_InitType(&times_type, &times_desc, 0) < 0)
        return -1;
    if (AdModule_AddObjectRef(m, "terminal_size", (AdObject *)&term_type) < 0 ||
        AdModule_AddObjectRef(m, "uname_result", (AdObject *)&uname_type) < 0 ||
        AdModule_AddObjectRef(m, "times_result", (AdObject *)&times_type) < 0 ||
        AdModule_Add(m, "environ", make_environ()) < 0)
        return -1;
    for (int i = 0; constants[i].name; i++)
        if (AdModule_AddIntConstant(m, constants[i].name, constants[i].value) < 0)
            return -1;
    return AdModule_AddFunctions(m, misc_methods);
}

AdObject *AdPosix_NewModule(void)
{
    AdObject *m = AdModule_New("posix");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "This module provides access to operating system functionality that is\n"
                                 "standardized by the C Standard and the POSIX standard (a thinly\n"
                                 "disguised Unix interface).  Refer to the library manual and\n"
                                 "corresponding Unix manual entries for more information on calls.") < 0 ||
        posix_add_fs(m) < 0 || posix_add_stat(m) < 0 || posix_add_dir(m) < 0 || posix_add_proc(m) < 0 ||
        posix_add_misc(m) < 0 || posix_add_conf(m) < 0 ||
        posix_add_io(m) < 0 || posix_add_fork(m) < 0 || posix_add_spawn(m) < 0 ||
        posix_add_extra(m) < 0 || posix_add_pathfuncs(m) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
