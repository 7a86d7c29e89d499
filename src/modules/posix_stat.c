/* posix_stat.c: os.stat_result and the functions that make or use file
 * times: stat, lstat, fstat (follow_symlinks, dir_fd, fds) and utime
 * (times, ns, dir_fd, follow_symlinks). */
#include <math.h>
#include <sys/time.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"
#include "objects/structseq.h"

static const AdStructSeqField stat_fields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    {NULL, "integer time of last access"},   /* replaced by AdStructSeq_UnnamedField */
    {NULL, "integer time of last modification"},
    {NULL, "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {NULL, NULL},
};
static AdStructSeqField stat_fields_real[sizeof stat_fields / sizeof stat_fields[0]];
static const AdStructSeqDesc stat_desc = {
    "os.stat_result",
    "stat_result: Result from stat, fstat, or lstat.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n"
    "or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n"
    "Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n"
    "or st_flags, they are available as attributes only.\n\n"
    "See os.stat for more information.",
    stat_fields_real, 10,
};
static AdTypeObject stat_result_type;

static AdObject *ns_int(const struct timespec *ts)
{
    return AdInt_FromInt128((__int128)ts->tv_sec * 1000000000 + ts->tv_nsec);
}

AdObject *posix_stat_result(const struct stat *st)
{
    AdObject *r = AdStructSeq_New(&stat_result_type);
    if (!r)
        return NULL;
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    AdObject *v[19];
    v[0] = AdInt_FromInt64(st->st_mode);
    v[1] = AdInt_FromUInt64(st->st_ino);
    v[2] = AdInt_FromUInt64(st->st_dev);
    v[3] = AdInt_FromUInt64(st->st_nlink);
    v[4] = AdInt_FromInt64(st->st_uid);
    v[5] = AdInt_FromInt64(st->st_gid);
    v[6] = AdInt_FromInt64(st->st_size);
    for (int i = 0; i < 3; i++) {
        v[7 + i] = AdInt_FromInt64(ts[i]->tv_sec);
        v[10 + i] = AdFloat_FromDouble((double)ts[i]->tv_sec + ts[i]->tv_nsec * 1e-9);
        v[13 + i] = ns_int(ts[i]);
    }
    v[16] = AdInt_FromInt64(st->st_blksize);
    v[17] = AdInt_FromInt64(st->st_blocks);
    v[18] = AdInt_FromUInt64(st->st_rdev);
    int bad = 0;
    for (int i = 0; i < 19; i++) {
        if (!v[i])
            bad = 1;
        AdStructSeq_SET_ITEM(r, i, v[i] ? v[i] : Ad_NewRef(Ad_None));
    }
    if (bad) {
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

/* stat_result(seq): the float times missing from a 10-item sequence are
 * the integer ones (as CPython fills them). */
static newfunc structseq_new;

static AdObject *stat_result_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    AdObject *r = structseq_new(type, args, kwds);
    if (!r)
        return NULL;
    for (int i = 7; i <= 9; i++) {
        if (AdStructSeq_GET_ITEM(r, i + 3) == Ad_None) {
            AdObject *old = AdStructSeq_GET_ITEM(r, i + 3);
            AdStructSeq_SET_ITEM(r, i + 3, Ad_NewRef(AdStructSeq_GET_ITEM(r, i)));
            Ad_DECREF(old);
        }
    }
    return r;
}

/* CPython's checks of fd-based paths against dir_fd and follow_symlinks
 * (the fd form then ignores follow_symlinks). */
int posix_fd_conflicts(const char *fname, posix_path *p, int dir_fd, int follow)
{
    if (p->narrow)
        return 0;
    if (dir_fd != AT_FDCWD) {
        AdErr_Format(AdExc_ValueError, "%s: can't specify dir_fd without matching path", fname);
        return -1;
    }
    if (!follow && p->fd > 0) {     /* CPython lets fd 0 through */
        AdErr_Format(AdExc_ValueError, "%s: cannot use fd and follow_symlinks together", fname);
        return -1;
    }
    return 0;
}

AdObject *posix_do_stat(const char *fname, posix_path *p, int dir_fd, int follow)
{
    struct stat st;
    int rc;
    if (!p->narrow) {
        if (posix_fd_conflicts(fname, p, dir_fd, follow) < 0)
            return NULL;
        rc = fstat(p->fd, &st);
    } else {
        rc = fstatat(dir_fd, p->narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    if (rc < 0)
        return posix_error_path(p);
    return posix_stat_result(&st);
}

static AdObject *stat_common(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                             int lstat_mode)
{
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks"};
    AdObject *a[3];
    if (posix_parse(fname, args, nargs, kwnames, names, 3, 1, 1, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT(fname, "path", 0, !lstat_mode);
    int dir_fd, follow = lstat_mode ? 0 : 1;
    if (posix_path_convert(a[0], &p) < 0 || posix_dir_fd(a[1], &dir_fd) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    if (!lstat_mode && a[2] && (follow = AdObject_IsTrue(a[2])) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    AdObject *r = posix_do_stat(fname, &p, dir_fd, follow);
    posix_path_clear(&p);
    return r;
}

static AdObject *os_stat(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return stat_common("stat", args, nargs, kwnames, 0);
}

static AdObject *os_lstat(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return stat_common("lstat", args, nargs, kwnames, 1);
}

static AdObject *os_fstat(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"fd"};
    AdObject *a[1];
    int fd;
    if (posix_parse("fstat", args, nargs, kwnames, names, 1, 1, 1, a) < 0 || posix_fd(a[0], &fd) < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0)
        return posix_error();
    return posix_stat_result(&st);
}

/* A time value (int or float) into a timespec, rounding toward -inf. */
static int to_timespec(AdObject *o, struct timespec *ts)
{
    if (AdFloat_Check(o)) {
        double d = AdFloat_AsDouble(o);
        if (isnan(d)) {
            AdErr_SetString(AdExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double sec = floor(d);
        double frac = floor((d - sec) * 1e9);
        if (sec < -9.2e18 || sec > 9.2e18) {
            AdErr_SetString(AdExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        ts->tv_sec = (time_t)sec;
        ts->tv_nsec = (long)frac;
        if (ts->tv_nsec >= 1000000000) {
            ts->tv_sec++;
            ts->tv_nsec -= 1000000000;
        }
        return 0;
    }
    long long v;
    if (posix_long(o, &v) < 0)
        return -1;
    ts->tv_sec = (time_t)v;
    ts->tv_nsec = 0;
    return 0;
}

static int ns_to_timespec(AdObject *o, struct timespec *ts)
{
    AdObject *billion = AdInt_FromInt64(1000000000);
    if (!billion)
        return -1;
    AdObject *dm = AdNumber_Divmod(o, billion);
    Ad_DECREF(billion);
    if (!dm)
        return -1;
    long long s = 0, ns = 0;
    int rc = posix_long(AdTuple_GET_ITEM(dm, 0), &s) < 0 || posix_long(AdTuple_GET_ITEM(dm, 1), &ns) < 0 ? -1 : 0;
    Ad_DECREF(dm);
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = (long)ns;
    return rc;
}

static AdObject *os_utime(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks"};
    AdObject *a[5];
    if (posix_parse("utime", args, nargs, kwnames, names, 5, 2, 1, a) < 0)
        return NULL;
    AdObject *times = a[1] && a[1] != Ad_None ? a[1] : NULL;
    if (times && a[2]) {
        AdErr_SetString(AdExc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        return NULL;
    }
    struct timespec ts[2];
    struct timespec *tsp = ts;
    if (times) {
        if (!AdTuple_CheckExact(times) || AdTuple_GET_SIZE(times) != 2) {
            AdErr_SetString(AdExc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
            return NULL;
        }
        if (to_timespec(AdTuple_GET_ITEM(times, 0), &ts[0]) < 0 ||
            to_timespec(AdTuple_GET_ITEM(times, 1), &ts[1]) < 0)
            return NULL;
    } else if (a[2]) {
        if (!AdTuple_CheckExact(a[2]) || AdTuple_GET_SIZE(a[2]) != 2) {
            AdErr_SetString(AdExc_TypeError, "utime: 'ns' must be a tuple of two ints");
            return NULL;
        }
        if (ns_to_timespec(AdTuple_GET_ITEM(a[2], 0), &ts[0]) < 0 ||
            ns_to_timespec(AdTuple_GET_ITEM(a[2], 1), &ts[1]) < 0)
            return NULL;
    } else {
        tsp = NULL;
    }
    posix_path p = POSIX_PATH_INIT("utime", "path", 0, 1);
    int dir_fd, follow;
    if (posix_path_convert(a[0], &p) < 0 || posix_dir_fd(a[3], &dir_fd) < 0 ||
        (follow = posix_bool(a[4], 1)) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    int rc;
    if (!p.narrow) {
        if (posix_fd_conflicts("utime", &p, dir_fd, follow) < 0) {
            posix_path_clear(&p);
            return NULL;
        }
        rc = futimens(p.fd, tsp);
    } else {
        rc = utimensat(dir_fd, p.narrow, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    AdObject *r = rc < 0 ? posix_error_path(&p) : Ad_None;
    posix_path_clear(&p);
    return r;
}

static AdMethodDef stat_methods[] = {
    {"stat", POSIX_FN(os_stat), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Perform a stat system call on the given path."},
    {"lstat", POSIX_FN(os_lstat), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", POSIX_FN(os_fstat), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Perform a stat system call on the given file descriptor."},
    {"utime", POSIX_FN(os_utime), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Set the access and modified time of path."},
    {NULL, NULL, 0, NULL},
};

int posix_add_stat(AdObject *m)
{
    if (!(stat_result_type.tp_flags & AD_TPFLAGS_READY)) {
        for (size_t i = 0; i < sizeof stat_fields / sizeof stat_fields[0]; i++) {
            stat_fields_real[i] = stat_fields[i];
            if (i >= 7 && i <= 9)
                stat_fields_real[i].name = AdStructSeq_UnnamedField;
        }
        if (AdStructSeq_InitType(&stat_result_type, &stat_desc, 0) < 0)
            return -1;
        structseq_new = stat_result_type.tp_new;
        stat_result_type.tp_new = stat_result_new;
    }
    if (AdModule_AddObjectRef(m, "stat_result", (AdObject *)&stat_result_type) < 0)
        return -1;
    return AdModule_AddFunctions(m, stat_methods);
}
