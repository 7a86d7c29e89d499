/* posixsubprocess.c: the `_posixsubprocess` module behind subprocess.Popen
 * on POSIX: fork_exec() with the 22 arguments Lib/subprocess.py passes.
 * Everything that allocates (argument, environment and path conversion)
 * happens in the parent before fork; the child only makes system calls
 * (plus preexec_fn when given) and reports a failure through errpipe_write
 * as "ExceptionName:hex_errno:detail", the format subprocess.py parses
 * ("noexec" for a failure before exec, "noexec:chdir" for cwd). */
#include <dirent.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "import/builtin_modules.h"
#include "modules/posix.h"
#include "modules/posix_internal.h"

/* What the child needs, all converted before fork. */
typedef struct {
    char **argv, **envp, **exes;
    const char *cwd;
    int *keep;
    Ad_ssize_t nkeep;
    int close_fds;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    int restore_signals, call_setsid;
    pid_t pgid_to_set;
    int have_gid, have_uid, have_groups;
    gid_t gid;
    uid_t uid;
    gid_t *groups;
    Ad_ssize_t ngroups;
    int child_umask;
    AdObject *preexec_fn;
} exec_plan;

/* ---- the child (async-signal-safe calls only, except preexec_fn) ------- */

static void write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void report(int fd, const char *exc, int err, const char *detail)
{
    char hex[2 * sizeof(int) + 1];
    int k = (int)sizeof hex;
    unsigned u = (unsigned)err;
    do {
        hex[--k] = "0123456789abcdef"[u % 16];
        u /= 16;
    } while (u && k > 0);
    write_all(fd, exc, strlen(exc));
    write_all(fd, ":", 1);
    write_all(fd, hex + k, sizeof hex - (size_t)k);
    write_all(fd, ":", 1);
    write_all(fd, detail, strlen(detail));
}

static int is_kept(const exec_plan *p, int fd)
{
    for (Ad_ssize_t i = 0; i < p->nkeep; i++)
        if (p->keep[i] == fd)
            return 1;
    return 0;
}

static int set_inheritable_raw(int fd, int inheritable)
{
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0)
        return -1;
    int nfl = inheritable ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC;
    return nfl == fl ? 0 : fcntl(fd, F_SETFD, nfl);
}

/* Closes every fd >= 3 that is not kept (keep is sorted). */
static void close_open_fds(const exec_plan *p)
{
    int lo = 3;
#ifdef SYS_close_range
    int ok = 1;
    for (Ad_ssize_t i = 0; i <= p->nkeep && ok; i++) {
        int hi = i < p->nkeep ? p->keep[i] - 1 : INT32_MAX;
        if (hi >= lo && syscall(SYS_close_range, (unsigned)lo, (unsigned)hi, 0) < 0)
            ok = 0;
        if (i < p->nkeep && p->keep[i] + 1 > lo)
            lo = p->keep[i] + 1;
    }
    if (ok)
        return;
    lo = 3;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 1 << 20)
        max = 1 << 20;
    for (int fd = lo; fd < max; fd++)
        if (!is_kept(p, fd))
            close(fd);
}

static void restore_default_signals(void)
{
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
}

static _Noreturn void child_exec(exec_plan *p)
{
    int err = 0;
    const char *detail = "noexec";
    for (Ad_ssize_t i = 0; i < p->nkeep; i++) {
        if (p->keep[i] == p->errpipe_write)
            continue;
        if (set_inheritable_raw(p->keep[i], 1) < 0)
            goto failed;
    }
    if (p->p2cwrite != -1)
        close(p->p2cwrite);
    if (p->c2pread != -1)
        close(p->c2pread);
    if (p->errread != -1)
        close(p->errread);
    close(p->errpipe_read);

    /* The child ends must not be overwritten by the dup2s below. */
    if (p->c2pwrite == 0) {
        if ((p->c2pwrite = dup(p->c2pwrite)) < 0 || set_inheritable_raw(p->c2pwrite, 0) < 0)
            goto failed;
    }
    while (p->errwrite == 0 || p->errwrite == 1) {
        if ((p->errwrite = dup(p->errwrite)) < 0 || set_inheritable_raw(p->errwrite, 0) < 0)
            goto failed;
    }
    const int targets[3] = {0, 1, 2};
    int sources[3] = {p->p2cread, p->c2pwrite, p->errwrite};
    for (int i = 0; i < 3; i++) {
        if (sources[i] == targets[i]) {
            if (set_inheritable_raw(sources[i], 1) < 0)
                goto failed;
        } else if (sources[i] != -1 && dup2(sources[i], targets[i]) < 0) {
            goto failed;
        }
    }
    if (p->cwd && chdir(p->cwd) < 0) {
        detail = "noexec:chdir";
        goto failed;
    }
    if (p->child_umask >= 0)
        umask((mode_t)p->child_umask);
    if (p->restore_signals)
        restore_default_signals();
    if (p->call_setsid && setsid() < 0)
        goto failed;
    if (p->pgid_to_set >= 0 && setpgid(0, p->pgid_to_set) < 0)
        goto failed;
    if (p->have_groups && setgroups((size_t)p->ngroups, p->groups) < 0)
        goto failed;
    if (p->have_gid && setregid(p->gid, p->gid) < 0)
        goto failed;
    if (p->have_uid && setreuid(p->uid, p->uid) < 0)
        goto failed;
    if (p->preexec_fn) {
        AdObject *r = AdObject_CallNoArgs(p->preexec_fn);
        if (!r) {
            report(p->errpipe_write, "SubprocessError", 0, "Exception occurred in preexec_fn.");
            _exit(255);
        }
        Ad_DECREF(r);
    }
    if (p->close_fds)
        close_open_fds(p);

    /* Try each candidate; remember the first error that is not "no such file". */
    int saved = 0;
    for (int i = 0; p->exes[i]; i++) {
        if (p->envp)
            execve(p->exes[i], p->argv, p->envp);
        else
            execv(p->exes[i], p->argv);
        if (errno != ENOENT && errno != ENOTDIR && !saved)
            saved = errno;
    }
    err = saved ? saved : errno;
    report(p->errpipe_write, "OSError", err, "");
    _exit(255);
failed:
    err = errno;
    report(p->errpipe_write, "OSError", err, detail);
    _exit(255);
}

/* ---- conversions in the parent ------------------------------------------ */

/* A NULL-terminated array of the encoded items of a sequence; the bytes
 * objects are kept alive in *holder. */
static char **encode_seq(AdObject *seq, AdObject *holder)
{
    AdObject *list = AdSequence_List(seq);
    if (!list)
        return NULL;
    Ad_ssize_t n = AdList_GET_SIZE(list);
    char **arr = calloc((size_t)n + 1, sizeof(char *));
    if (!arr) {
        Ad_DECREF(list);
        AdErr_NoMemory();
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *b = posix_fsencode(AdList_GET_ITEM(list, i));
        if (!b || AdList_Append(holder, b) < 0) {
            Ad_XDECREF(b);
            free(arr);
            Ad_DECREF(list);
            return NULL;
        }
        Ad_DECREF(b);
        arr[i] = AdBytes_AS_STRING(b);
    }
    Ad_DECREF(list);
    return arr;
}

static int opt_id(AdObject *o, int *have, long long *v, const char *what)
{
    *have = 0;
    if (o == Ad_None)
        return 0;
    if (posix_long(o, v) < 0)
        return -1;
    if (*v < 0 || *v > (long long)UINT32_MAX - 1) {
        AdErr_Format(AdExc_OverflowError, "%s is %s", what, *v < 0 ? "less than minimum" : "greater than maximum");
        return -1;
    }
    *have = 1;
    return 0;
}

static AdObject *psp_fork_exec(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 22)
        return AdErr_Format(AdExc_TypeError, "fork_exec expected 22 arguments, got %zd", nargs);
    exec_plan p;
    memset(&p, 0, sizeof p);
    AdObject *holder = AdList_New(0);
    AdObject *result = NULL;
    if (!holder)
        return NULL;
    int ints[10];
    int close_fds = AdObject_IsTrue(args[2]);
    if (close_fds < 0)
        goto done;
    p.close_fds = close_fds;
    if (!AdTuple_Check(args[3])) {
        AdErr_Format(AdExc_TypeError, "fork_exec() argument 4 must be tuple, not %.200s",
                     AdType_Name(AD_TYPE(args[3])));
        goto done;
    }
    for (int i = 0; i < 8; i++)
        if (posix_int(args[6 + i], &ints[i]) < 0)
            goto done;
    p.p2cread = ints[0], p.p2cwrite = ints[1], p.c2pread = ints[2], p.c2pwrite = ints[3];
    p.errread = ints[4], p.errwrite = ints[5], p.errpipe_read = ints[6], p.errpipe_write = ints[7];
    if ((p.restore_signals = AdObject_IsTrue(args[14])) < 0 || (p.call_setsid = AdObject_IsTrue(args[15])) < 0)
        goto done;
    int pg;
    if (posix_int(args[16], &pg) < 0 || posix_int(args[20], &p.child_umask) < 0)
        goto done;
    p.pgid_to_set = pg;
    if (p.close_fds && p.errpipe_write < 3) {
        AdErr_SetString(AdExc_ValueError, "errpipe_write must be >= 3");
        goto done;
    }
    /* fds_to_keep: sorted non-negative ints. */
    AdObject *keep = args[3];
    p.nkeep = AdTuple_GET_SIZE(keep);
    p.keep = calloc((size_t)p.nkeep + 1, sizeof(int));
    if (!p.keep) {
        AdErr_NoMemory();
        goto done;
    }
    for (Ad_ssize_t i = 0; i < p.nkeep; i++) {
        AdObject *o = AdTuple_GET_ITEM(keep, i);
        long long v;
        if (!AdInt_Check(o) || posix_long(o, &v) < 0 || v < 0 || v > INT32_MAX || (i && v <= p.keep[i - 1])) {
            AdErr_Clear();
            AdErr_SetString(AdExc_ValueError, "bad value(s) in fds_to_keep");
            goto done;
        }
        p.keep[i] = (int)v;
    }
    if (args[0] != Ad_None && !(p.argv = encode_seq(args[0], holder)))
        goto done;
    if (!(p.exes = encode_seq(args[1], holder)))
        goto done;
    if (args[5] != Ad_None && !(p.envp = encode_seq(args[5], holder)))
        goto done;
    if (args[4] != Ad_None) {
        AdObject *cwd = posix_fsencode(args[4]);
        if (!cwd || AdList_Append(holder, cwd) < 0) {
            Ad_XDECREF(cwd);
            goto done;
        }
        Ad_DECREF(cwd);
        p.cwd = AdBytes_AS_STRING(cwd);
    }
    long long id;
    if (opt_id(args[17], &p.have_gid, &id, "gid") < 0)
        goto done;
    p.gid = (gid_t)id;
    if (opt_id(args[19], &p.have_uid, &id, "uid") < 0)
        goto done;
    p.uid = (uid_t)id;
    if (args[18] != Ad_None) {
        AdObject *groups = AdSequence_List(args[18]);
        if (!groups)
            goto done;
        p.ngroups = AdList_GET_SIZE(groups);
        p.groups = calloc((size_t)p.ngroups + 1, sizeof(gid_t));
        for (Ad_ssize_t i = 0; p.groups && i < p.ngroups; i++) {
            int have;
            if (opt_id(AdList_GET_ITEM(groups, i), &have, &id, "gid") < 0) {
                Ad_DECREF(groups);
                goto done;
            }
            p.groups[i] = (gid_t)id;
        }
        Ad_DECREF(groups);
        if (!p.groups) {
            AdErr_NoMemory();
            goto done;
        }
        p.have_groups = 1;
    }
    AdObject *pre = args[21];
    if (pre != Ad_None) {
        if (!AD_TYPE(pre)->tp_call) {
            AdErr_SetString(AdExc_TypeError, "preexec_fn must be callable");
            goto done;
        }
        p.preexec_fn = pre;
        posix_before_fork();
    }
    pid_t pid = fork();
    if (pid == 0) {
        if (p.preexec_fn)
            posix_after_fork_child();
        child_exec(&p);
    }
    int err = errno;
    if (p.preexec_fn)
        posix_after_fork_parent();
    if (pid < 0) {
        errno = err;
        posix_error();
        goto done;
    }
    result = AdInt_FromInt64(pid);
done:
    free(p.argv);
    free(p.envp);
    free(p.exes);
    free(p.keep);
    free(p.groups);
    Ad_DECREF(holder);
    return result;
}

static AdMethodDef psp_methods[] = {
    {"fork_exec", POSIX_FN(psp_fork_exec), AD_METH_FASTCALL,
     "fork_exec($module, args, executable_list, close_fds, pass_fds, cwd, env,\n"
     "          p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,\n"
     "          errpipe_read, errpipe_write, restore_signals, call_setsid,\n"
     "          pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn, /)\n--\n\n"
     "Spawn a fresh new child process."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitPosixSubprocess(void)
{
    AdObject *m = AdModule_New("_posixsubprocess");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "A POSIX helper for the subprocess module.") < 0 ||
        AdModule_AddFunctions(m, psp_methods) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
