/* posix_proc.c: processes in the posix module: ids (getpid, getuid, ...,
 * getgroups, getlogin, setsid, setpgid, getpgrp, getpgid), kill/killpg,
 * waitpid/wait, waitstatus_to_exitcode and the W* macros, execv/execve
 * (argv and env converted as CPython's FSConverter does), _exit and system.
 * fork and its hooks live in posix_fork.c. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"
#include "runtime/gil.h"
#include "runtime/lifecycle.h"

#define NOARGS_ID(fname, expr)                                                      \
    static AdObject *os_##fname(AdObject *m, AdObject *unused)                      \
    {                                                                               \
        (void)m;                                                                    \
        (void)unused;                                                               \
        return AdInt_FromInt64((int64_t)(expr));                                    \
    }
NOARGS_ID(getpid, getpid())
NOARGS_ID(getppid, getppid())
NOARGS_ID(getuid, getuid())
NOARGS_ID(geteuid, geteuid())
NOARGS_ID(getgid, getgid())
NOARGS_ID(getegid, getegid())
NOARGS_ID(getpgrp, getpgrp())

static AdObject *os_getgroups(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    int n = getgroups(0, NULL);
    if (n < 0)
        return posix_error();
    gid_t *g = malloc(sizeof(gid_t) * (size_t)(n + 1));
    if (!g)
        return AdErr_NoMemory();
    n = getgroups(n, g);
    if (n < 0) {
        free(g);
        return posix_error();
    }
    AdObject *l = AdList_New(0);
    for (int i = 0; l && i < n; i++) {
        AdObject *v = AdInt_FromInt64(g[i]);
        if (!v || AdList_Append(l, v) < 0) {
            Ad_XDECREF(v);
            Ad_DECREF(l);
            l = NULL;
            break;
        }
        Ad_DECREF(v);
    }
    free(g);
    return l;
}

static AdObject *os_getlogin(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    errno = 0;
    char *s = getlogin();
    if (!s) {
        if (!errno)
            errno = ENOTTY;
        return posix_error();
    }
    return posix_decode(s, (Ad_ssize_t)strlen(s), 0);
}

static AdObject *os_setsid(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return setsid() < 0 ? posix_error() : Ad_None;
}

static int two_ints(const char *fname, AdObject *const *args, Ad_ssize_t nargs, int *a, int *b)
{
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "%s() takes exactly 2 arguments (%zd given)", fname, nargs);
        return -1;
    }
    return posix_int(args[0], a) < 0 || posix_int(args[1], b) < 0 ? -1 : 0;
}

static AdObject *os_setpgid(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int pid, pg;
    if (two_ints("setpgid", args, nargs, &pid, &pg) < 0)
        return NULL;
    return setpgid(pid, pg) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_getpgid(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"pid"};
    AdObject *a[1];
    int pid;
    if (posix_parse("getpgid", args, nargs, kwnames, names, 1, 1, 1, a) < 0 || posix_int(a[0], &pid) < 0)
        return NULL;
    pid_t r = getpgid(pid);
    return r < 0 ? posix_error() : AdInt_FromInt64(r);
}

static AdObject *os_getsid(AdObject *m, AdObject *arg)
{
    (void)m;
    int pid;
    if (posix_int(arg, &pid) < 0)
        return NULL;
    pid_t r = getsid(pid);
    return r < 0 ? posix_error() : AdInt_FromInt64(r);
}

static AdObject *os_kill(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int pid, sig;
    if (two_ints("kill", args, nargs, &pid, &sig) < 0)
        return NULL;
    if (kill(pid, sig) < 0)
        return posix_error();
    if (AdErr_CheckSignals() < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *os_killpg(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int pg, sig;
    if (two_ints("killpg", args, nargs, &pg, &sig) < 0)
        return NULL;
    return killpg(pg, sig) < 0 ? posix_error() : Ad_None;
}

static AdObject *pid_status(pid_t pid, int status)
{
    AdObject *a = AdInt_FromInt64(pid), *b = AdInt_FromInt64(status);
    AdObject *t = a && b ? AdTuple_Pack(2, a, b) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    return t;
}

static AdObject *os_waitpid(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int pid, options, status = 0;
    if (two_ints("waitpid", args, nargs, &pid, &options) < 0)
        return NULL;
    pid_t r;
    for (;;) {
        int err;
        Ad_BEGIN_ALLOW_THREADS
        r = waitpid(pid, &status, options);
        err = errno;
        Ad_END_ALLOW_THREADS
        errno = err;
        if (r >= 0 || errno != EINTR)
            break;
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    if (r < 0)
        return posix_error();
    return pid_status(r, status);
}

static AdObject *os_wait(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    int status = 0;
    pid_t r;
    for (;;) {
        int err;
        Ad_BEGIN_ALLOW_THREADS
        r = wait(&status);
        err = errno;
        Ad_END_ALLOW_THREADS
        errno = err;
        if (r >= 0 || errno != EINTR)
            break;
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    if (r < 0)
        return posix_error();
    return pid_status(r, status);
}

static AdObject *os_waitstatus_to_exitcode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs,
                                           AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"status"};
    AdObject *a[1];
    int status;
    if (posix_parse("waitstatus_to_exitcode", args, nargs, kwnames, names, 1, 1, 1, a) < 0 ||
        posix_int(a[0], &status) < 0)
        return NULL;
    if (WIFEXITED(status))
        return AdInt_FromInt64(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return AdInt_FromInt64(-WTERMSIG(status));
    if (WIFSTOPPED(status))
        AdErr_Format(AdExc_ValueError, "process stopped by delivery of signal %i", WSTOPSIG(status));
    else
        AdErr_Format(AdExc_ValueError, "invalid wait status: %i", status);
    return NULL;
}

#define WMACRO(name, expr, isbool)                                                  \
    static AdObject *os_##name(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, \
                               AdObject *kwnames)                                   \
    {                                                                               \
        (void)m;                                                                    \
        static const char *const names[] = {"status"};                              \
        AdObject *a[1];                                                             \
        int status;                                                                 \
        if (posix_parse(#name, args, nargs, kwnames, names, 1, 1, 1, a) < 0 ||      \
            posix_int(a[0], &status) < 0)                                           \
            return NULL;                                                            \
        return isbool ? AdBool_FromLong(expr) : AdInt_FromInt64(expr);              \
    }
WMACRO(WIFEXITED, WIFEXITED(status), 1)
WMACRO(WEXITSTATUS, WEXITSTATUS(status), 0)
WMACRO(WIFSIGNALED, WIFSIGNALED(status), 1)
WMACRO(WTERMSIG, WTERMSIG(status), 0)
WMACRO(WIFSTOPPED, WIFSTOPPED(status), 1)
WMACRO(WSTOPSIG, WSTOPSIG(status), 0)
WMACRO(WIFCONTINUED, WIFCONTINUED(status), 1)
WMACRO(WCOREDUMP, WCOREDUMP(status), 1)

/* A NULL-terminated array of encoded strings from a list or tuple. */
static char **string_array(const char *fname, AdObject *seq, AdObject **keep, int for_argv)
{
    if (!AdList_Check(seq) && !AdTuple_Check(seq)) {
        AdErr_Format(AdExc_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return NULL;
    }
    Ad_ssize_t n = AdObject_Size(seq);
    if (for_argv && n < 1) {
        AdErr_Format(AdExc_ValueError, "%s() arg 2 must not be empty", fname);
        return NULL;
    }
    AdObject *holder = AdList_New(0);
    char **arr = calloc((size_t)n + 1, sizeof(char *));
    if (!holder || !arr) {
        Ad_XDECREF(holder);
        free(arr);
        AdErr_NoMemory();
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *it = AdList_Check(seq) ? AdList_GET_ITEM(seq, i) : AdTuple_GET_ITEM(seq, i);
        AdObject *b = posix_fsencode(it);
        if (!b || AdList_Append(holder, b) < 0) {
            Ad_XDECREF(b);
            Ad_DECREF(holder);
            free(arr);
            return NULL;
        }
        Ad_DECREF(b);
        if (for_argv && i == 0 && !AdBytes_AS_STRING(b)[0]) {
            AdErr_Format(AdExc_ValueError, "%s() arg 2 first element cannot be empty", fname);
            Ad_DECREF(holder);
            free(arr);
            return NULL;
        }
        arr[i] = AdBytes_AS_STRING(b);
    }
    *keep = holder;
    return arr;
}

static char **env_array(AdObject *env, AdObject **keep)
{
    AdObject *keys;
    if (AdDict_Check(env)) {
        keys = AdDict_Keys(env);
    } else {
        AdObject *meth = AdObject_GetAttrString(env, "keys");
        AdObject *view = meth ? AdObject_CallNoArgs(meth) : NULL;
        Ad_XDECREF(meth);
        keys = view ? AdSequence_List(view) : NULL;
        Ad_XDECREF(view);
    }
    if (!keys)
        return NULL;
    AdObject *holder = AdList_New(0);
    Ad_ssize_t n = AdList_GET_SIZE(keys), i = 0;
    char **arr = calloc((size_t)n + 1, sizeof(char *));
    if (!holder || !arr) {
        AdErr_NoMemory();
        goto fail;
    }
    for (Ad_ssize_t j = 0; j < n; j++) {
        AdObject *key = AdList_GET_ITEM(keys, j);
        AdObject *val = AdObject_GetItem(env, key);
        if (!val)
            goto fail;
        AdObject *k = posix_fsencode(key);
        AdObject *v = k ? posix_fsencode(val) : NULL;
        Ad_DECREF(val);
        if (!k || !v) {
            Ad_XDECREF(k);
            Ad_XDECREF(v);
            goto fail;
        }
        const char *ks = AdBytes_AS_STRING(k);
        if (!ks[0] || strchr(ks + 1, '=')) {
            AdErr_SetString(AdExc_ValueError, "illegal environment variable name");
            Ad_DECREF(k);
            Ad_DECREF(v);
            goto fail;
        }
        AdObject *s = AdBytes_FromStringAndSize(NULL, AdBytes_GET_SIZE(k) + AdBytes_GET_SIZE(v) + 1);
        if (s) {
            sprintf(AdBytes_AS_STRING(s), "%s=%s", ks, AdBytes_AS_STRING(v));
            if (AdList_Append(holder, s) < 0)
                AD_CLEAR(s);
            else
                arr[i++] = AdBytes_AS_STRING(s);
            Ad_XDECREF(s);
        }
        Ad_DECREF(k);
        Ad_DECREF(v);
        if (!s)
            goto fail;
    }
    Ad_DECREF(keys);
    *keep = holder;
    return arr;
fail:
    Ad_DECREF(keys);
    Ad_XDECREF(holder);
    free(arr);
    return NULL;
}

static AdObject *exec_common(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                             int with_env)
{
    static const char *const names[] = {"path", "argv", "env"};
    AdObject *a[3];
    if (posix_parse(fname, args, nargs, kwnames, names, with_env ? 3 : 2, with_env ? 3 : 2, with_env ? 3 : 2, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT(fname, "path", 0, with_env);
    if (posix_path_convert(a[0], &p) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    AdObject *keep1 = NULL, *keep2 = NULL;
    char **argv = string_array(fname, a[1], &keep1, 1);
    char **envp = argv && with_env ? env_array(a[2], &keep2) : NULL;
    if (argv && (!with_env || envp)) {
        if (with_env)
            p.narrow ? execve(p.narrow, argv, envp) : fexecve(p.fd, argv, envp);
        else
            execv(p.narrow, argv);
        posix_error_path(&p);
    }
    free(argv);
    free(envp);
    Ad_XDECREF(keep1);
    Ad_XDECREF(keep2);
    posix_path_clear(&p);
    return NULL;
}

static AdObject *os_execv(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return exec_common("execv", args, nargs, kwnames, 0);
}

static AdObject *os_execve(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return exec_common("execve", args, nargs, kwnames, 1);
}

static AdObject *os__exit(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"status"};
    AdObject *a[1];
    int status;
    if (posix_parse("_exit", args, nargs, kwnames, names, 1, 1, 1, a) < 0 || posix_int(a[0], &status) < 0)
        return NULL;
    _exit(status);
}

static AdObject *os_system(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"command"};
    AdObject *a[1];
    if (posix_parse("system", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    AdObject *cmd = posix_fsencode(a[0]);
    if (!cmd)
        return NULL;
    int r;
    Ad_BEGIN_ALLOW_THREADS
    r = system(AdBytes_AS_STRING(cmd));
    Ad_END_ALLOW_THREADS
    Ad_DECREF(cmd);
    return AdInt_FromInt64(r);
}

#define KW AD_METH_FASTCALL | AD_METH_KEYWORDS
#define W(name) {#name, POSIX_FN(os_##name), KW, NULL}
static AdMethodDef proc_methods[] = {
    {"getpid", POSIX_FN(os_getpid), AD_METH_NOARGS, "Return the current process id."},
    {"getppid", POSIX_FN(os_getppid), AD_METH_NOARGS, "Return the parent's process id."},
    {"getuid", POSIX_FN(os_getuid), AD_METH_NOARGS, "Return the current process's user id."},
    {"geteuid", POSIX_FN(os_geteuid), AD_METH_NOARGS, "Return the current process's effective user id."},
    {"getgid", POSIX_FN(os_getgid), AD_METH_NOARGS, "Return the current process's group id."},
    {"getegid", POSIX_FN(os_getegid), AD_METH_NOARGS, "Return the current process's effective group id."},
    {"getpgrp", POSIX_FN(os_getpgrp), AD_METH_NOARGS, "Return the current process group id."},
    {"getgroups", POSIX_FN(os_getgroups), AD_METH_NOARGS, "Return list of supplemental group IDs for the process."},
    {"getlogin", POSIX_FN(os_getlogin), AD_METH_NOARGS, "Return the actual login name."},
    {"setsid", POSIX_FN(os_setsid), AD_METH_NOARGS, "Call the system call setsid()."},
    {"setpgid", POSIX_FN(os_setpgid), AD_METH_FASTCALL, "Call the system call setpgid(pid, pgrp)."},
    {"getpgid", POSIX_FN(os_getpgid), KW, "Call the system call getpgid(), and return the result."},
    {"getsid", POSIX_FN(os_getsid), AD_METH_O, "Call the system call getsid(pid) and return the result."},
    {"kill", POSIX_FN(os_kill), AD_METH_FASTCALL, "Kill a process with a signal."},
    {"killpg", POSIX_FN(os_killpg), AD_METH_FASTCALL, "Kill a process group with a signal."},
    {"waitpid", POSIX_FN(os_waitpid), AD_METH_FASTCALL, "Wait for completion of a given child process."},
    {"wait", POSIX_FN(os_wait), AD_METH_NOARGS, "Wait for completion of a child process."},
    {"waitstatus_to_exitcode", POSIX_FN(os_waitstatus_to_exitcode), KW, "Convert a wait status to an exit code."},
    W(WIFEXITED), W(WEXITSTATUS), W(WIFSIGNALED), W(WTERMSIG), W(WIFSTOPPED), W(WSTOPSIG),
    W(WIFCONTINUED), W(WCOREDUMP),
    {"execv", POSIX_FN(os_execv), KW, "Execute an executable path with arguments, replacing current process."},
    {"execve", POSIX_FN(os_execve), KW, "Execute an executable path with arguments, replacing current process."},
    {"_exit", POSIX_FN(os__exit), KW, "Exit to the system with specified status, without normal exit processing."},
    {"system", POSIX_FN(os_system), KW, "Execute the command in a subshell."},
    {NULL, NULL, 0, NULL},
};

int posix_add_proc(AdObject *m)
{
    return AdModule_AddFunctions(m, proc_methods);
}
