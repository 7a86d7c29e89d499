/* posix_extra.c: the Linux-specific and less common calls of the posix
 * module: getrandom, setgroups/initgroups/getgrouplist, setreuid/setregid/
 * setresuid/setresgid, chroot, tcgetpgrp/tcsetpgrp, pidfd_open,
 * eventfd/eventfd_read/eventfd_write (EFD_*), memfd_create (MFD_*),
 * splice (SPLICE_F_*), unshare/setns (CLONE_*), timerfd_* (TFD_*), the
 * scheduler calls with sched_param, and the pseudo-terminal calls the pty module uses
 * (openpty, forkpty with the fork hooks, login_tty, posix_openpt, grantpt,
 * unlockpt, ptsname). */
#include <grp.h>
#include <sched.h>
#include <pty.h>
#include <utmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <math.h>
#include "objects/structseq.h"
#include "modules/posix.h"
#include "modules/posix_internal.h"

#define FASTKW AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames

static AdObject *os_getrandom(FASTKW)
{
    (void)m;
    static const char *const names[] = {"size", "flags"};
    AdObject *a[2];
    long long size;
    int flags = 0;
    if (posix_parse("getrandom", args, nargs, kwnames, names, 2, 2, 1, a) < 0 || posix_long(a[0], &size) < 0 ||
        (a[1] && posix_int(a[1], &flags) < 0))
        return NULL;
    if (size < 0) {
        errno = EINVAL;
        return posix_error();
    }
    AdObject *b = AdBytes_FromStringAndSize(NULL, (Ad_ssize_t)size);
    if (!b)
        return NULL;
    ssize_t n;
    for (;;) {
        n = getrandom(AdBytes_AS_STRING(b), (size_t)size, (unsigned)flags);
        if (n >= 0 || errno != EINTR)
            break;
        if (AdErr_CheckSignals() < 0) {
            Ad_DECREF(b);
            return NULL;
        }
    }
    if (n < 0) {
        Ad_DECREF(b);
        return posix_error();
    }
    if (n != size && AdBytes_Resize(&b, n) < 0)
        return NULL;
    return b;
}

static int gid_list(AdObject *seq, gid_t **out, Ad_ssize_t *n)
{
    AdObject *list = AdList_Check(seq) || AdTuple_Check(seq) ? AdSequence_List(seq) : NULL;
    if (!list) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_TypeError, "setgroups argument must be a sequence");
        return -1;
    }
    *n = AdList_GET_SIZE(list);
    *out = calloc((size_t)*n + 1, sizeof(gid_t));
    if (!*out) {
        Ad_DECREF(list);
        AdErr_NoMemory();
        return -1;
    }
    for (Ad_ssize_t i = 0; i < *n; i++) {
        long long v;
        if (posix_id_arg(AdList_GET_ITEM(list, i), &v, "gid") < 0) {
            free(*out);
            Ad_DECREF(list);
            return -1;
        }
        (*out)[i] = (gid_t)v;
    }
    Ad_DECREF(list);
    return 0;
}

static AdObject *os_setgroups(AdObject *m, AdObject *arg)
{
    (void)m;
    gid_t *g;
    Ad_ssize_t n;
    if (gid_list(arg, &g, &n) < 0)
        return NULL;
    int rc = setgroups((size_t)n, g);
    free(g);
    return rc < 0 ? posix_error() : Ad_None;
}

static AdObject *os_initgroups(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "initgroups expected 2 arguments, got %zd", nargs);
    AdObject *user = posix_fsencode(args[0]);
    long long gid;
    if (!user)
        return NULL;
    if (posix_id_arg(args[1], &gid, "gid") < 0) {
        Ad_DECREF(user);
        return NULL;
    }
    int rc = initgroups(AdBytes_AS_STRING(user), (gid_t)gid);
    Ad_DECREF(user);
    return rc < 0 ? posix_error() : Ad_None;
}

static AdObject *os_getgrouplist(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "getgrouplist expected 2 arguments, got %zd", nargs);
    if (!AdStr_Check(args[0]))
        return AdErr_Format(AdExc_TypeError, "getgrouplist() argument 1 must be str, not %.200s",
                            AdType_Name(AD_TYPE(args[0])));
    const char *user = AdStr_AsUTF8(args[0]);
    long long base;
    if (!user || posix_id_arg(args[1], &base, "gid") < 0)
        return NULL;
    int n = 64;
    gid_t *g = NULL;
    for (;;) {
        gid_t *ng = realloc(g, sizeof(gid_t) * (size_t)n);
        if (!ng) {
            free(g);
            return AdErr_NoMemory();
        }
        g = ng;
        int want = n;
        if (getgrouplist(user, (gid_t)base, g, &want) >= 0) {
            n = want;
            break;
        }
        n = want > n ? want : n * 2;
    }
    AdObject *r = AdList_New(0);
    for (int i = 0; r && i < n; i++) {
        AdObject *v = AdInt_FromInt64(g[i]);
        if (!v || AdList_Append(r, v) < 0)
            AD_CLEAR(r);
        Ad_XDECREF(v);
    }
    free(g);
    return r;
}

/* setreuid/setregid (2 ids) and setresuid/setresgid (3 ids). */
static AdObject *set_ids(const char *fname, AdObject *const *args, Ad_ssize_t nargs, int count, int is_gid)
{
    if (nargs != count)
        return AdErr_Format(AdExc_TypeError, "%s expected %d arguments, got %zd", fname, count, nargs);
    long long v[3] = {-1, -1, -1};
    for (int i = 0; i < count; i++)
        if (posix_id_arg(args[i], &v[i], is_gid ? "gid" : "uid") < 0)
            return NULL;
    int rc;
    if (count == 2)
        rc = is_gid ? setregid((gid_t)v[0], (gid_t)v[1]) : setreuid((uid_t)v[0], (uid_t)v[1]);
    else
        rc = is_gid ? setresgid((gid_t)v[0], (gid_t)v[1], (gid_t)v[2])
                    : setresuid((uid_t)v[0], (uid_t)v[1], (uid_t)v[2]);
    return rc < 0 ? posix_error() : Ad_None;
}

static AdObject *os_setreuid(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return set_ids("setreuid", a, n, 2, 0); }
static AdObject *os_setregid(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return set_ids("setregid", a, n, 2, 1); }
static AdObject *os_setresuid(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return set_ids("setresuid", a, n, 3, 0); }
static AdObject *os_setresgid(AdObject *m, AdObject *const *a, Ad_ssize_t n) { (void)m; return set_ids("setresgid", a, n, 3, 1); }

static AdObject *os_chroot(FASTKW)
{
    (void)m;
    static const char *const names[] = {"path"};
    AdObject *a[1];
    if (posix_parse("chroot", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("chroot", "path", 0, 0);
    AdObject *r = NULL;
    if (posix_path_convert(a[0], &p) == 0)
        r = chroot(p.narrow) < 0 ? posix_error_path(&p) : Ad_None;
    posix_path_clear(&p);
    return r;
}

static AdObject *os_tcgetpgrp(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    pid_t r = tcgetpgrp(fd);
    return r < 0 ? posix_error() : AdInt_FromInt64(r);
}

static AdObject *os_tcsetpgrp(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd, pg;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "tcsetpgrp expected 2 arguments, got %zd", nargs);
    if (posix_fd(args[0], &fd) < 0 || posix_int(args[1], &pg) < 0)
        return NULL;
    return tcsetpgrp(fd, pg) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_pidfd_open(FASTKW)
{
    (void)m;
    static const char *const names[] = {"pid", "flags"};
    AdObject *a[2];
    int pid, flags = 0;
    if (posix_parse("pidfd_open", args, nargs, kwnames, names, 2, 2, 1, a) < 0 || posix_int(a[0], &pid) < 0 ||
        (a[1] && posix_int(a[1], &flags) < 0))
        return NULL;
#ifdef SYS_pidfd_open
    long fd = syscall(SYS_pidfd_open, pid, (unsigned)flags);
    return fd < 0 ? posix_error() : AdInt_FromInt64(fd);
#else
    errno = ENOSYS;
    return posix_error();
#endif
}

static AdObject *os_eventfd(FASTKW)
{
    (void)m;
    static const char *const names[] = {"initval", "flags"};
    AdObject *a[2];
    long long init;
    int flags = EFD_CLOEXEC;
    if (posix_parse("eventfd", args, nargs, kwnames, names, 2, 2, 1, a) < 0 || posix_long(a[0], &init) < 0 ||
        (a[1] && posix_int(a[1], &flags) < 0))
        return NULL;
    if (init < 0) {
        AdErr_SetString(AdExc_ValueError, "value must be positive");
        return NULL;
    }
    if (init > UINT32_MAX) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large for C unsigned int");
        return NULL;
    }
    int fd = eventfd((unsigned)init, flags);
    return fd < 0 ? posix_error() : AdInt_FromInt64(fd);
}

static AdObject *os_eventfd_read(FASTKW)
{
    (void)m;
    static const char *const names[] = {"fd"};
    AdObject *a[1];
    int fd;
    if (posix_parse("eventfd_read", args, nargs, kwnames, names, 1, 1, 1, a) < 0 || posix_fd(a[0], &fd) < 0)
        return NULL;
    eventfd_t v;
    int rc;
    for (;;) {
        rc = eventfd_read(fd, &v);
        if (rc >= 0 || errno != EINTR)
            break;
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    return rc < 0 ? posix_error() : AdInt_FromUInt64(v);
}

static AdObject *os_eventfd_write(FASTKW)
{
    (void)m;
    static const char *const names[] = {"fd", "value"};
    AdObject *a[2];
    int fd;
    long long v;
    if (posix_parse("eventfd_write", args, nargs, kwnames, names, 2, 2, 2, a) < 0 || posix_fd(a[0], &fd) < 0 ||
        posix_long(a[1], &v) < 0)
        return NULL;
    if (v < 0) {
        AdErr_SetString(AdExc_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    int rc;
    for (;;) {
        rc = eventfd_write(fd, (eventfd_t)v);
        if (rc >= 0 || errno != EINTR)
            break;
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    return rc < 0 ? posix_error() : Ad_None;
}

static AdObject *os_memfd_create(FASTKW)
{
    (void)m;
    static const char *const names[] = {"name", "flags"};
    AdObject *a[2];
    int flags = MFD_CLOEXEC;
    if (posix_parse("memfd_create", args, nargs, kwnames, names, 2, 2, 1, a) < 0 ||
        (a[1] && posix_int(a[1], &flags) < 0))
        return NULL;
    AdObject *name = posix_fsencode(a[0]);
    if (!name)
        return NULL;
    int fd = memfd_create(AdBytes_AS_STRING(name), (unsigned)flags);
    Ad_DECREF(name);
    return fd < 0 ? posix_error() : AdInt_FromInt64(fd);
}

static AdObject *os_splice(FASTKW)
{
    (void)m;
    static const char *const names[] = {"src", "dst", "count", "offset_src", "offset_dst", "flags"};
    AdObject *a[6];
    int src, dst, flags = 0;
    long long count, os_ = 0, od = 0;
    if (posix_parse("splice", args, nargs, kwnames, names, 6, 6, 3, a) < 0 || posix_fd(a[0], &src) < 0 ||
        posix_fd(a[1], &dst) < 0 || posix_long(a[2], &count) < 0 ||
        (a[3] && a[3] != Ad_None && posix_long(a[3], &os_) < 0) ||
        (a[4] && a[4] != Ad_None && posix_long(a[4], &od) < 0) || (a[5] && posix_int(a[5], &flags) < 0))
        return NULL;
    if (count < 0) {
        errno = EINVAL;
        return posix_error();
    }
    loff_t s = os_, d = od;
    ssize_t r;
    for (;;) {
        r = splice(src, a[3] && a[3] != Ad_None ? &s : NULL, dst, a[4] && a[4] != Ad_None ? &d : NULL,
                   (size_t)count, (unsigned)flags);
        if (r >= 0 || errno != EINTR)
            break;
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    return r < 0 ? posix_error() : AdInt_FromInt64(r);
}

/* ---- pseudo-terminals ---------------------------------------------------- */

static AdObject *os_openpty(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) < 0)
        return posix_error();
    /* PEP 446: both ends are non-inheritable. */
    if (fcntl(master, F_SETFD, FD_CLOEXEC) < 0 || fcntl(slave, F_SETFD, FD_CLOEXEC) < 0) {
        int e = errno;
        close(master);
        close(slave);
        errno = e;
        return posix_error();
    }
    AdObject *a = AdInt_FromInt64(master), *b = AdInt_FromInt64(slave);
    AdObject *t = a && b ? AdTuple_Pack(2, a, b) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    return t;
}

static AdObject *os_forkpty(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    int master = -1;
    posix_before_fork();
    pid_t pid = forkpty(&master, NULL, NULL, NULL);
    int err = errno;
    if (pid == 0) {
        posix_after_fork_child();
    } else {
        posix_after_fork_parent();
        if (pid < 0) {
            errno = err;
            return posix_error();
        }
    }
    AdObject *a = AdInt_FromInt64(pid), *b = AdInt_FromInt64(master);
    AdObject *t = a && b ? AdTuple_Pack(2, a, b) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    return t;
}

static AdObject *os_login_tty(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    return login_tty(fd) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_posix_openpt(AdObject *m, AdObject *arg)
{
    (void)m;
    int flags;
    if (posix_int(arg, &flags) < 0)
        return NULL;
    int fd = posix_openpt(flags | O_CLOEXEC);
    return fd < 0 ? posix_error() : AdInt_FromInt64(fd);
}

static AdObject *os_grantpt(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    return grantpt(fd) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_unlockpt(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    return unlockpt(fd) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_ptsname(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    char buf[256];
    int rc = ptsname_r(fd, buf, sizeof buf);
    if (rc) {
        errno = rc;
        return posix_error();
    }
    return posix_decode(buf, (Ad_ssize_t)strlen(buf), 0);
}

/* ---- timerfd ------------------------------------------------------------ */

static int seconds_timespec(AdObject *o, struct timespec *ts)
{
    double d = AdFloat_Check(o) ? AdFloat_AsDouble(o) : AdFloat_AsDouble(o);
    if (d == -1 && AdErr_Occurred()) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "must be real number, not %.200s", AdType_Name(AD_TYPE(o)));
        }
        return -1;
    }
    double sec = floor(d);
    ts->tv_sec = (time_t)sec;
    ts->tv_nsec = (long)((d - sec) * 1e9);
    return 0;
}

static int ns_timespec(AdObject *o, struct timespec *ts)
{
    long long v;
    if (posix_long(o, &v) < 0)
        return -1;
    ts->tv_sec = (time_t)(v / 1000000000);
    ts->tv_nsec = (long)(v % 1000000000);
    if (ts->tv_nsec < 0) {
        ts->tv_sec--;
        ts->tv_nsec += 1000000000;
    }
    return 0;
}

static AdObject *timer_pair(const struct itimerspec *v, int as_ns)
{
    AdObject *a, *b;
    if (as_ns) {
        a = AdInt_FromInt64((int64_t)v->it_value.tv_sec * 1000000000 + v->it_value.tv_nsec);
        b = AdInt_FromInt64((int64_t)v->it_interval.tv_sec * 1000000000 + v->it_interval.tv_nsec);
    } else {
        a = AdFloat_FromDouble((double)v->it_value.tv_sec + v->it_value.tv_nsec * 1e-9);
        b = AdFloat_FromDouble((double)v->it_interval.tv_sec + v->it_interval.tv_nsec * 1e-9);
    }
    AdObject *t = a && b ? AdTuple_Pack(2, a, b) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    return t;
}

static AdObject *os_timerfd_create(FASTKW)
{
    (void)m;
    static const char *const names[] = {"clockid", "flags"};
    AdObject *a[2];
    int clockid, flags = 0;
    if (posix_parse("timerfd_create", args, nargs, kwnames, names, 2, 1, 1, a) < 0 ||
        posix_int(a[0], &clockid) < 0 || (a[1] && posix_int(a[1], &flags) < 0))
        return NULL;
    int fd = timerfd_create(clockid, flags | TFD_CLOEXEC);
    return fd < 0 ? posix_error() : AdInt_FromInt64(fd);
}

static AdObject *timerfd_set(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                             int as_ns)
{
    static const char *const names[] = {"fd", "flags", "initial", "interval"};
    AdObject *a[4];
    int fd, flags = 0;
    if (posix_parse(fname, args, nargs, kwnames, names, 4, 1, 1, a) < 0 || posix_fd(a[0], &fd) < 0 ||
        (a[1] && posix_int(a[1], &flags) < 0))
        return NULL;
    struct itimerspec nv, old;
    memset(&nv, 0, sizeof nv);
    int (*conv)(AdObject *, struct timespec *) = as_ns ? ns_timespec : seconds_timespec;
    if ((a[2] && conv(a[2], &nv.it_value) < 0) || (a[3] && conv(a[3], &nv.it_interval) < 0))
        return NULL;
    if (timerfd_settime(fd, flags, &nv, &old) < 0)
        return posix_error();
    return timer_pair(&old, as_ns);
}

static AdObject *os_timerfd_settime(FASTKW)
{
    (void)m;
    return timerfd_set("timerfd_settime", args, nargs, kwnames, 0);
}

static AdObject *os_timerfd_settime_ns(FASTKW)
{
    (void)m;
    return timerfd_set("timerfd_settime_ns", args, nargs, kwnames, 1);
}

static AdObject *timerfd_get(AdObject *arg, int as_ns)
{
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    struct itimerspec v;
    if (timerfd_gettime(fd, &v) < 0)
        return posix_error();
    return timer_pair(&v, as_ns);
}

static AdObject *os_timerfd_gettime(AdObject *m, AdObject *arg)
{
    (void)m;
    return timerfd_get(arg, 0);
}

static AdObject *os_timerfd_gettime_ns(AdObject *m, AdObject *arg)
{
    (void)m;
    return timerfd_get(arg, 1);
}

/* ---- scheduler ------------------------------------------------------------ */

static const AdStructSeqField sched_param_fields[] = {
    {"sched_priority", "the scheduling priority"},
    {NULL, NULL},
};
static const AdStructSeqDesc sched_param_desc = {
    "posix.sched_param",
    "sched_param(sched_priority)\n--\n\nCurrently has only one field: sched_priority\n\n"
    "  sched_priority\n    A scheduling parameter.",
    sched_param_fields, 1,
};
static AdTypeObject sched_param_type;

/* sched_param(sched_priority): one argument, any object. */
static AdObject *sched_param_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    Ad_ssize_t na = args ? AdTuple_GET_SIZE(args) : 0, nk = kwds ? AdDict_GET_SIZE(kwds) : 0;
    AdObject *prio = NULL;
    if (na + nk > 1)
        return AdErr_Format(AdExc_TypeError, "sched_param() takes at most 1 argument (%zd given)", na + nk);
    if (na == 1) {
        prio = AdTuple_GET_ITEM(args, 0);
    } else if (nk == 1) {
        prio = AdDict_GetItemString(kwds, "sched_priority");
        if (!prio) {
            Ad_ssize_t pos = 0;
            AdObject *k, *v;
            AdDict_Next(kwds, &pos, &k, &v);
            return AdErr_Format(AdExc_TypeError, "sched_param() got an unexpected keyword argument '%s'",
                                AdStr_AsUTF8(k));
        }
    }
    if (!prio)
        return AdErr_Format(AdExc_TypeError, "sched_param() missing required argument 'sched_priority' (pos 1)");
    AdObject *r = AdStructSeq_New(type);
    if (!r)
        return NULL;
    AdStructSeq_SET_ITEM(r, 0, Ad_NewRef(prio));
    return r;
}

int posix_sched_param_priority(AdObject *o, int *prio)
{
    if (!AdObject_TypeCheck(o, &sched_param_type)) {
        AdErr_SetString(AdExc_TypeError, "must have a sched_param object");
        return -1;
    }
    return posix_int(AdStructSeq_GET_ITEM(o, 0), prio);
}

static int sched_param_arg(AdObject *o, struct sched_param *sp)
{
    int prio;
    if (posix_sched_param_priority(o, &prio) < 0)
        return -1;
    sp->sched_priority = prio;
    return 0;
}

static AdObject *os_sched_getscheduler(AdObject *m, AdObject *arg)
{
    (void)m;
    int pid;
    if (posix_int(arg, &pid) < 0)
        return NULL;
    int r = sched_getscheduler(pid);
    return r < 0 ? posix_error() : AdInt_FromInt64(r);
}

static AdObject *os_sched_setscheduler(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 3)
        return AdErr_Format(AdExc_TypeError, "sched_setscheduler expected 3 arguments, got %zd", nargs);
    int pid, policy;
    struct sched_param sp;
    if (posix_int(args[0], &pid) < 0 || posix_int(args[1], &policy) < 0 || sched_param_arg(args[2], &sp) < 0)
        return NULL;
    return sched_setscheduler(pid, policy, &sp) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_sched_getparam(AdObject *m, AdObject *arg)
{
    (void)m;
    int pid;
    if (posix_int(arg, &pid) < 0)
        return NULL;
    struct sched_param sp;
    if (sched_getparam(pid, &sp) < 0)
        return posix_error();
    AdObject *r = AdStructSeq_New(&sched_param_type);
    if (!r)
        return NULL;
    AdObject *v = AdInt_FromInt64(sp.sched_priority);
    AdStructSeq_SET_ITEM(r, 0, v ? v : Ad_NewRef(Ad_None));
    if (!v) {
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

static AdObject *os_sched_setparam(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "sched_setparam expected 2 arguments, got %zd", nargs);
    int pid;
    struct sched_param sp;
    if (posix_int(args[0], &pid) < 0 || sched_param_arg(args[1], &sp) < 0)
        return NULL;
    return sched_setparam(pid, &sp) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_sched_rr_get_interval(AdObject *m, AdObject *arg)
{
    (void)m;
    int pid;
    if (posix_int(arg, &pid) < 0)
        return NULL;
    struct timespec ts;
    if (sched_rr_get_interval(pid, &ts) < 0)
        return posix_error();
    return AdFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static AdObject *os_unshare(FASTKW)
{
    (void)m;
    static const char *const names[] = {"flags"};
    AdObject *a[1];
    int flags;
    if (posix_parse("unshare", args, nargs, kwnames, names, 1, 1, 1, a) < 0 || posix_int(a[0], &flags) < 0)
        return NULL;
    return unshare(flags) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_setns(FASTKW)
{
    (void)m;
    static const char *const names[] = {"fd", "nstype"};
    AdObject *a[2];
    int fd, nstype = 0;
    if (posix_parse("setns", args, nargs, kwnames, names, 2, 2, 1, a) < 0 || posix_fd(a[0], &fd) < 0 ||
        (a[1] && posix_int(a[1], &nstype) < 0))
        return NULL;
    return setns(fd, nstype) < 0 ? posix_error() : Ad_None;
}

#define KW AD_METH_FASTCALL | AD_METH_KEYWORDS
static AdMethodDef extra_methods[] = {
    {"getrandom", POSIX_FN(os_getrandom), KW, "Obtain a series of random bytes."},
    {"setgroups", POSIX_FN(os_setgroups), AD_METH_O, "Set the groups of the current process to list."},
    {"initgroups", POSIX_FN(os_initgroups), AD_METH_FASTCALL, "Initialize the group access list."},
    {"getgrouplist", POSIX_FN(os_getgrouplist), AD_METH_FASTCALL, "Returns a list of groups to which a user belongs."},
    {"setreuid", POSIX_FN(os_setreuid), AD_METH_FASTCALL, "Set the current process's real and effective user ids."},
    {"setregid", POSIX_FN(os_setregid), AD_METH_FASTCALL, "Set the current process's real and effective group ids."},
    {"setresuid", POSIX_FN(os_setresuid), AD_METH_FASTCALL, "Set the current process's real, effective, and saved user ids."},
    {"setresgid", POSIX_FN(os_setresgid), AD_METH_FASTCALL, "Set the current process's real, effective, and saved group ids."},
    {"chroot", POSIX_FN(os_chroot), KW, "Change root directory to path."},
    {"tcgetpgrp", POSIX_FN(os_tcgetpgrp), AD_METH_O, "Return the process group associated with the terminal specified by fd."},
    {"tcsetpgrp", POSIX_FN(os_tcsetpgrp), AD_METH_FASTCALL, "Set the process group associated with the terminal specified by fd."},
    {"pidfd_open", POSIX_FN(os_pidfd_open), KW, "Return a file descriptor referring to the process *pid*."},
    {"eventfd", POSIX_FN(os_eventfd), KW, "Creates and returns an event notification file descriptor."},
    {"eventfd_read", POSIX_FN(os_eventfd_read), KW, "Read eventfd value"},
    {"eventfd_write", POSIX_FN(os_eventfd_write), KW, "Write eventfd value."},
    {"memfd_create", POSIX_FN(os_memfd_create), KW, NULL},
    {"openpty", POSIX_FN(os_openpty), AD_METH_NOARGS, "Open a pseudo-terminal."},
    {"forkpty", POSIX_FN(os_forkpty), AD_METH_NOARGS, "Fork a new process with a new pseudo-terminal as controlling tty."},
    {"login_tty", POSIX_FN(os_login_tty), AD_METH_O, "Prepare the tty of which fd is a file descriptor for a new login session."},
    {"posix_openpt", POSIX_FN(os_posix_openpt), AD_METH_O, "Open and return a file descriptor for a master pseudo-terminal device."},
    {"grantpt", POSIX_FN(os_grantpt), AD_METH_O, "Grant access to the slave pseudo-terminal device."},
    {"unlockpt", POSIX_FN(os_unlockpt), AD_METH_O, "Unlock a pseudo-terminal master/slave pair."},
    {"ptsname", POSIX_FN(os_ptsname), AD_METH_O, "Return the name of the slave pseudo-terminal device."},
    {"timerfd_create", POSIX_FN(os_timerfd_create), KW, "Create and return a timer file descriptor."},
    {"timerfd_settime", POSIX_FN(os_timerfd_settime), KW, "Alter a timer file descriptor's internal timer in seconds."},
    {"timerfd_settime_ns", POSIX_FN(os_timerfd_settime_ns), KW, "Alter a timer file descriptor's internal timer in nanoseconds."},
    {"timerfd_gettime", POSIX_FN(os_timerfd_gettime), AD_METH_O, "Return a tuple of a timer file descriptor's (interval, next expiration) in float seconds."},
    {"timerfd_gettime_ns", POSIX_FN(os_timerfd_gettime_ns), AD_METH_O, "Return a tuple of a timer file descriptor's (interval, next expiration) in nanoseconds."},
    {"sched_getscheduler", POSIX_FN(os_sched_getscheduler), AD_METH_O, "Get the scheduling policy for the process identified by pid."},
    {"sched_setscheduler", POSIX_FN(os_sched_setscheduler), AD_METH_FASTCALL, "Set the scheduling policy for the process identified by pid."},
    {"sched_getparam", POSIX_FN(os_sched_getparam), AD_METH_O, "Returns scheduling parameters for the process identified by pid."},
    {"sched_setparam", POSIX_FN(os_sched_setparam), AD_METH_FASTCALL, "Set scheduling parameters for the process identified by pid."},
    {"sched_rr_get_interval", POSIX_FN(os_sched_rr_get_interval), AD_METH_O, "Return the round-robin quantum for the process identified by pid, in seconds."},
    {"unshare", POSIX_FN(os_unshare), KW, "Disassociate parts of a process (or thread) execution context."},
    {"setns", POSIX_FN(os_setns), KW, "Move the calling thread into different namespaces."},
    {"splice", POSIX_FN(os_splice), KW, "Transfer count bytes from one pipe to a descriptor or vice versa."},
    {NULL, NULL, 0, NULL},
};

#define C(name) {#name, name}
static const struct { const char *name; long long value; } extra_constants[] = {
    C(EFD_CLOEXEC), C(EFD_NONBLOCK), C(EFD_SEMAPHORE),
    C(MFD_CLOEXEC), C(MFD_ALLOW_SEALING), C(MFD_HUGETLB),
    /* linux/memfd.h's page-size encodings: log2(size) << 26 */
    {"MFD_HUGE_SHIFT", 26}, {"MFD_HUGE_MASK", 0x3f},
    {"MFD_HUGE_64KB", 16LL << 26}, {"MFD_HUGE_512KB", 19LL << 26}, {"MFD_HUGE_1MB", 20LL << 26},
    {"MFD_HUGE_2MB", 21LL << 26}, {"MFD_HUGE_8MB", 23LL << 26}, {"MFD_HUGE_16MB", 24LL << 26},
    {"MFD_HUGE_32MB", 25LL << 26}, {"MFD_HUGE_256MB", 28LL << 26}, {"MFD_HUGE_512MB", 29LL << 26},
    {"MFD_HUGE_1GB", 30LL << 26}, {"MFD_HUGE_2GB", 31LL << 26}, {"MFD_HUGE_16GB", 34LL << 26},
    C(SPLICE_F_MOVE), C(SPLICE_F_NONBLOCK), C(SPLICE_F_MORE),
    C(CLONE_FILES), C(CLONE_FS), C(CLONE_NEWCGROUP), C(CLONE_NEWIPC), C(CLONE_NEWNET), C(CLONE_NEWNS),
    C(CLONE_NEWPID), C(CLONE_NEWTIME), C(CLONE_NEWUSER), C(CLONE_NEWUTS), C(CLONE_SIGHAND), C(CLONE_SYSVSEM),
    C(CLONE_THREAD), C(CLONE_VM),
    C(TFD_NONBLOCK), C(TFD_CLOEXEC), C(TFD_TIMER_ABSTIME), C(TFD_TIMER_CANCEL_ON_SET),
    {NULL, 0},
};
#undef C

int posix_add_extra(AdObject *m)
{
    if (!(sched_param_type.tp_flags & AD_TPFLAGS_READY)) {
        if (AdStructSeq_InitType(&sched_param_type, &sched_param_desc, 0) < 0)
            return -1;
        sched_param_type.tp_new = sched_param_new;
    }
    if (AdModule_AddObjectRef(m, "sched_param", (AdObject *)&sched_param_type) < 0)
        return -1;
    for (int i = 0; extra_constants[i].name; i++)
        if (AdModule_AddIntConstant(m, extra_constants[i].name, extra_constants[i].value) < 0)
            return -1;
    return AdModule_AddFunctions(m, extra_methods);
}
