/* posix_fs.c: file descriptors and file-system operations of the posix
 * module: open/read/write/close/closerange/dup/dup2/lseek/pipe/pipe2/fsync/
 * ftruncate/truncate/isatty/ttyname/blocking and inheritable flags,
 * getcwd/getcwdb/chdir/fchdir, mkdir/rmdir/unlink/remove/rename/replace/
 * link/symlink/readlink, chmod/fchmod/chown/lchown/fchown, umask, access. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"
#include "runtime/gil.h"

#define PARSE(name, n, npos, nreq, ...)                                             \
    static const char *const names[] = {__VA_ARGS__};                               \
    AdObject *a[n];                                                                 \
    (void)m;                                                                        \
    if (posix_parse(name, args, nargs, kwnames, names, n, npos, nreq, a) < 0)       \
        return NULL
#define FASTKW AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames

/* Retries a system call interrupted by a signal (running handlers). */
#define RETRY(rc, call)                                                             \
    do {                                                                            \
        rc = (call);                                                                \
    } while (rc < 0 && errno == EINTR && AdErr_CheckSignals() == 0)

/* RETRY without the GIL around the call (for calls that may block). */
#define RETRY_NOGIL(rc, call)                                                       \
    do {                                                                            \
        int err_;                                                                   \
        Ad_BEGIN_ALLOW_THREADS                                                      \
        rc = (call);                                                                \
        err_ = errno;                                                               \
        Ad_END_ALLOW_THREADS                                                        \
        errno = err_;                                                               \
    } while (rc < 0 && errno == EINTR && AdErr_CheckSignals() == 0)

static AdObject *os_open(FASTKW)
{
    PARSE("open", 4, 3, 2, "path", "flags", "mode", "dir_fd");
    posix_path p = POSIX_PATH_INIT("open", "path", 0, 0);
    int flags, mode = 0777, dir_fd, fd;
    if (posix_path_convert(a[0], &p) < 0 || posix_int(a[1], &flags) < 0 ||
        (a[2] && posix_int(a[2], &mode) < 0) || posix_dir_fd(a[3], &dir_fd) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    RETRY(fd, openat(dir_fd, p.narrow, flags | O_CLOEXEC, mode));
    AdObject *r = fd < 0 ? (AdErr_Occurred() ? NULL : posix_error_path(&p)) : AdInt_FromInt64(fd);
    posix_path_clear(&p);
    return r;
}

static AdObject *os_close(FASTKW)
{
    PARSE("close", 1, 1, 1, "fd");
    int fd;
    if (posix_fd(a[0], &fd) < 0)
        return NULL;
    if (close(fd) < 0 && errno != EINTR)
        return posix_error();
    Ad_RETURN_NONE;
}

static AdObject *os_closerange(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int lo, hi;
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "closerange expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (posix_int(args[0], &lo) < 0 || posix_int(args[1], &hi) < 0)
        return NULL;
    if (lo < 0)
        lo = 0;
    if (lo >= hi)
        Ad_RETURN_NONE;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lo, (unsigned)(hi - 1), 0) == 0)
        Ad_RETURN_NONE;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max > 0 && hi > max)
        hi = (int)max;
    for (int fd = lo; fd < hi; fd++)
        close(fd);
    Ad_RETURN_NONE;
}

static AdObject *os_read(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd;
    long long n;
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "read expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (posix_fd(args[0], &fd) < 0 || posix_long(args[1], &n) < 0)
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return posix_error();
    }
    AdObject *b = AdBytes_FromStringAndSize(NULL, (Ad_ssize_t)n);
    if (!b)
        return NULL;
    ssize_t got;
    char *dst = AdBytes_AS_STRING(b);
    RETRY_NOGIL(got, read(fd, dst, (size_t)n));
    if (got < 0) {
        Ad_DECREF(b);
        return AdErr_Occurred() ? NULL : posix_error();
    }
    if (got != n && AdBytes_Resize(&b, got) < 0)
        return NULL;
    return b;
}

static AdObject *os_write(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd;
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "write expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (posix_fd(args[0], &fd) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(args[1], &view, 0) < 0)
        return NULL;
    ssize_t n;
    RETRY_NOGIL(n, write(fd, view.buf, (size_t)view.len));
    AdBuffer_Release(&view);
    if (n < 0)
        return AdErr_Occurred() ? NULL : posix_error();
    return AdInt_FromInt64(n);
}

static AdObject *os_lseek(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd, how;
    long long pos;
    if (nargs != 3) {
        AdErr_Format(AdExc_TypeError, "lseek expected 3 arguments, got %zd", nargs);
        return NULL;
    }
    if (posix_fd(args[0], &fd) < 0 || posix_long(args[1], &pos) < 0 || posix_int(args[2], &how) < 0)
        return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0)
        return posix_error();
    return AdInt_FromInt64(r);
}

static AdObject *os_dup(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? posix_error() : AdInt_FromInt64(r);
}

static AdObject *os_dup2(FASTKW)
{
    PARSE("dup2", 3, 3, 2, "fd", "fd2", "inheritable");
    int fd, fd2, inh;
    if (posix_fd(a[0], &fd) < 0 || posix_fd(a[1], &fd2) < 0 || (inh = posix_bool(a[2], 1)) < 0)
        return NULL;
    int r;
    if (inh)
        r = dup2(fd, fd2);
    else
        r = fd == fd2 ? (errno = EINVAL, -1) : dup3(fd, fd2, O_CLOEXEC);
    return r < 0 ? posix_error() : AdInt_FromInt64(r);
}

static AdObject *fd_pair(int fds[2])
{
    AdObject *a = AdInt_FromInt64(fds[0]), *b = AdInt_FromInt64(fds[1]);
    AdObject *t = a && b ? AdTuple_Pack(2, a, b) : NULL;
    Ad_XDECREF(a);
    Ad_XDECREF(b);
    return t;
}

static AdObject *os_pipe(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return posix_error();
    return fd_pair(fds);
}

static AdObject *os_pipe2(AdObject *m, AdObject *arg)
{
    (void)m;
    int flags, fds[2];
    if (posix_int(arg, &flags) < 0)
        return NULL;
    if (pipe2(fds, flags) < 0)
        return posix_error();
    return fd_pair(fds);
}

/* fsync accepts an fd or an object with fileno(). */
static int fd_or_fileno(AdObject *o, int *fd)
{
    if (AdInt_Check(o))
        return posix_fd(o, fd);
    AdObject *meth = AdObject_GetAttrString(o, "fileno");
    if (!meth) {
        AdErr_Clear();
        AdErr_SetString(AdExc_TypeError, "argument must be an int, or have a fileno() method.");
        return -1;
    }
    AdObject *r = AdObject_CallNoArgs(meth);
    Ad_DECREF(meth);
    if (!r)
        return -1;
    if (!AdInt_Check(r)) {
        Ad_DECREF(r);
        AdErr_SetString(AdExc_TypeError, "fileno() returned a non-integer");
        return -1;
    }
    int rc = posix_fd(r, fd);
    Ad_DECREF(r);
    if (rc == 0 && *fd < 0) {
        AdErr_Format(AdExc_ValueError, "file descriptor cannot be a negative integer (%d)", *fd);
        return -1;
    }
    return rc;
}

static AdObject *os_fsync(FASTKW)
{
    PARSE("fsync", 1, 1, 1, "fd");
    int fd, rc;
    if (fd_or_fileno(a[0], &fd) < 0)
        return NULL;
    RETRY(rc, fsync(fd));
    return rc < 0 ? (AdErr_Occurred() ? NULL : posix_error()) : Ad_None;
}

static AdObject *os_fdatasync(FASTKW)
{
    PARSE("fdatasync", 1, 1, 1, "fd");
    int fd, rc;
    if (fd_or_fileno(a[0], &fd) < 0)
        return NULL;
    RETRY(rc, fdatasync(fd));
    return rc < 0 ? (AdErr_Occurred() ? NULL : posix_error()) : Ad_None;
}

static AdObject *os_ftruncate(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd, rc;
    long long len;
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "ftruncate expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (posix_fd(args[0], &fd) < 0 || posix_long(args[1], &len) < 0)
        return NULL;
    RETRY(rc, ftruncate(fd, (off_t)len));
    return rc < 0 ? (AdErr_Occurred() ? NULL : posix_error()) : Ad_None;
}

static AdObject *os_truncate(FASTKW)
{
    PARSE("truncate", 2, 2, 2, "path", "length");
    posix_path p = POSIX_PATH_INIT("truncate", "path", 0, 1);
    long long len;
    if (posix_path_convert(a[0], &p) < 0 || posix_long(a[1], &len) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    int rc = p.narrow ? truncate(p.narrow, (off_t)len) : ftruncate(p.fd, (off_t)len);
    AdObject *r = rc < 0 ? (p.narrow ? posix_error_path(&p) : posix_error()) : Ad_None;
    posix_path_clear(&p);
    return r;
}

static AdObject *os_isatty(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    return AdBool_FromLong(isatty(fd));
}

static AdObject *os_ttyname(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    char buf[256];
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    int rc = ttyname_r(fd, buf, sizeof buf);
    if (rc) {
        errno = rc;
        return posix_error();
    }
    return posix_decode(buf, (Ad_ssize_t)strlen(buf), 0);
}

static AdObject *os_get_blocking(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return posix_error();
    return AdBool_FromLong(!(fl & O_NONBLOCK));
}

static AdObject *os_set_blocking(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd, blocking;
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "set_blocking expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (posix_fd(args[0], &fd) < 0 || (blocking = AdObject_IsTrue(args[1])) < 0)
        return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return posix_error();
    int nfl = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
    if (nfl != fl && fcntl(fd, F_SETFL, nfl) < 0)
        return posix_error();
    Ad_RETURN_NONE;
}

static AdObject *os_get_inheritable(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0)
        return posix_error();
    return AdBool_FromLong(!(fl & FD_CLOEXEC));
}

static AdObject *os_set_inheritable(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd, inh;
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "set_inheritable expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (posix_fd(args[0], &fd) < 0 || (inh = AdObject_IsTrue(args[1])) < 0)
        return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0)
        return posix_error();
    int nfl = inh ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC;
    if (nfl != fl && fcntl(fd, F_SETFD, nfl) < 0)
        return posix_error();
    Ad_RETURN_NONE;
}

static AdObject *getcwd_common(int as_bytes)
{
    size_t size = 1024;
    for (;;) {
        char *buf = malloc(size);
        if (!buf)
            return AdErr_NoMemory();
        if (getcwd(buf, size)) {
            AdObject *r = posix_decode(buf, (Ad_ssize_t)strlen(buf), as_bytes);
            free(buf);
            return r;
        }
        free(buf);
        if (errno != ERANGE)
            return posix_error();
        size *= 2;
    }
}

static AdObject *os_getcwd(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return getcwd_common(0);
}

static AdObject *os_getcwdb(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return getcwd_common(1);
}

static AdObject *os_chdir(FASTKW)
{
    PARSE("chdir", 1, 1, 1, "path");
    posix_path p = POSIX_PATH_INIT("chdir", "path", 0, 1);
    if (posix_path_convert(a[0], &p) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    int rc = p.narrow ? chdir(p.narrow) : fchdir(p.fd);
    AdObject *r = rc < 0 ? posix_error_path(&p) : Ad_None;
    posix_path_clear(&p);
    return r;
}

static AdObject *os_fchdir(FASTKW)
{
    PARSE("fchdir", 1, 1, 1, "fd");
    int fd;
    if (fd_or_fileno(a[0], &fd) < 0)
        return NULL;
    return fchdir(fd) < 0 ? posix_error() : Ad_None;
}

/* A path function of one path with dir_fd: op 0 mkdir, 1 rmdir, 2 unlink. */
static AdObject *path_op(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames, int op)
{
    static const char *const names_mk[] = {"path", "mode", "dir_fd"};
    static const char *const names_rm[] = {"path", "dir_fd"};
    AdObject *a[3];
    int rc_parse = op == 0 ? posix_parse(fname, args, nargs, kwnames, names_mk, 3, 2, 1, a)
                           : posix_parse(fname, args, nargs, kwnames, names_rm, 2, 1, 1, a);
    if (rc_parse < 0)
        return NULL;
    AdObject *dfd = op == 0 ? a[2] : a[1];
    posix_path p = POSIX_PATH_INIT(fname, "path", 0, 0);
    int mode = 0777, dir_fd;
    if (posix_path_convert(a[0], &p) < 0 || (op == 0 && a[1] && posix_int(a[1], &mode) < 0) ||
        posix_dir_fd(dfd, &dir_fd) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    int rc = op == 0 ? mkdirat(dir_fd, p.narrow, (mode_t)mode)
           : op == 1 ? unlinkat(dir_fd, p.narrow, AT_REMOVEDIR)
           : unlinkat(dir_fd, p.narrow, 0);
    AdObject *r = rc < 0 ? posix_error_path(&p) : Ad_None;
    posix_path_clear(&p);
    return r;
}

static AdObject *os_mkdir(FASTKW) { (void)m; return path_op("mkdir", args, nargs, kwnames, 0); }
static AdObject *os_rmdir(FASTKW) { (void)m; return path_op("rmdir", args, nargs, kwnames, 1); }
static AdObject *os_unlink(FASTKW) { (void)m; return path_op("unlink", args, nargs, kwnames, 2); }
static AdObject *os_remove(FASTKW) { (void)m; return path_op("remove", args, nargs, kwnames, 2); }

/* rename/replace/link: two paths with src_dir_fd and dst_dir_fd. */
static AdObject *two_path_op(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                             int is_link)
{
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"};
    AdObject *a[5];
    if (posix_parse(fname, args, nargs, kwnames, names, is_link ? 5 : 4, 2, 2, a) < 0)
        return NULL;
    posix_path s = POSIX_PATH_INIT(fname, "src", 0, 0), d = POSIX_PATH_INIT(fname, "dst", 0, 0);
    int sfd, dfd, follow = 1;
    if (posix_path_convert(a[0], &s) < 0 || posix_path_convert(a[1], &d) < 0 || posix_dir_fd(a[2], &sfd) < 0 ||
        posix_dir_fd(a[3], &dfd) < 0 || (is_link && (follow = posix_bool(a[4], 1)) < 0)) {
        posix_path_clear(&s);
        posix_path_clear(&d);
        return NULL;
    }
    AdObject *r = Ad_None;
    int rc = is_link ? linkat(sfd, s.narrow, dfd, d.narrow, follow ? AT_SYMLINK_FOLLOW : 0)
                     : renameat(sfd, s.narrow, dfd, d.narrow);
    if (rc < 0)
        r = posix_error_path2(&s, &d);
    posix_path_clear(&s);
    posix_path_clear(&d);
    return r;
}

static AdObject *os_rename(FASTKW) { (void)m; return two_path_op("rename", args, nargs, kwnames, 0); }
static AdObject *os_replace(FASTKW) { (void)m; return two_path_op("replace", args, nargs, kwnames, 0); }
static AdObject *os_link(FASTKW) { (void)m; return two_path_op("link", args, nargs, kwnames, 1); }

static AdObject *os_symlink(FASTKW)
{
    PARSE("symlink", 4, 3, 2, "src", "dst", "target_is_directory", "dir_fd");
    posix_path s = POSIX_PATH_INIT("symlink", "src", 0, 0), d = POSIX_PATH_INIT("symlink", "dst", 0, 0);
    int dfd;
    AdObject *r = Ad_None;
    if (posix_path_convert(a[0], &s) < 0 || posix_path_convert(a[1], &d) < 0 || posix_dir_fd(a[3], &dfd) < 0)
        r = NULL;
    else if (symlinkat(s.narrow, dfd, d.narrow) < 0)
        r = posix_error_path2(&s, &d);
    posix_path_clear(&s);
    posix_path_clear(&d);
    return r;
}

static AdObject *os_readlink(FASTKW)
{
    PARSE("readlink", 2, 1, 1, "path", "dir_fd");
    posix_path p = POSIX_PATH_INIT("readlink", "path", 0, 0);
    int dfd;
    if (posix_path_convert(a[0], &p) < 0 || posix_dir_fd(a[1], &dfd) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    char buf[PATH_MAX + 1];
    ssize_t n = readlinkat(dfd, p.narrow, buf, sizeof buf);
    AdObject *r = n < 0 ? posix_error_path(&p) : posix_decode(buf, n, p.is_bytes);
    posix_path_clear(&p);
    return r;
}

static AdObject *os_chmod(FASTKW)
{
    PARSE("chmod", 4, 2, 2, "path", "mode", "dir_fd", "follow_symlinks");
    posix_path p = POSIX_PATH_INIT("chmod", "path", 0, 1);
    int mode, dfd, follow;
    if (posix_path_convert(a[0], &p) < 0 || posix_int(a[1], &mode) < 0 || posix_dir_fd(a[2], &dfd) < 0 ||
        (follow = posix_bool(a[3], 1)) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    int rc;
    if (!p.narrow)
        rc = fchmod(p.fd, (mode_t)mode);
    else {
        rc = fchmodat(dfd, p.narrow, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
        if (rc < 0 && !follow && (errno == ENOTSUP || errno == EOPNOTSUPP)) {
            posix_path_clear(&p);
            return AdErr_Format(AdExc_NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
        }
    }
    AdObject *r = rc < 0 ? posix_error_path(&p) : Ad_None;
    posix_path_clear(&p);
    return r;
}

static AdObject *os_fchmod(FASTKW)
{
    PARSE("fchmod", 2, 2, 2, "fd", "mode");
    int fd, mode;
    if (posix_fd(a[0], &fd) < 0 || posix_int(a[1], &mode) < 0)
        return NULL;
    return fchmod(fd, (mode_t)mode) < 0 ? posix_error() : Ad_None;
}

/* A uid or gid as CPython converts it: -1 means "unchanged"; values that
 * fit a C long but not the id type are "less than minimum", bigger ones
 * "greater than maximum". */
int posix_id_arg(AdObject *o, long long *v, const char *what)
{
    if (AdFloat_Check(o) || !AdIndex_Check(o)) {
        AdErr_Format(AdExc_TypeError, "%s should be integer, not %.200s", what, AdType_Name(AD_TYPE(o)));
        return -1;
    }
    AdObject *i = AdNumber_Index(o);
    if (!i)
        return -1;
    int sign = AdInt_Sign(i);
    int64_t x = AdInt_AsInt64(i);
    Ad_DECREF(i);
    if (x == -1 && AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_OverflowError))
            return -1;
        AdErr_Clear();
        AdErr_Format(AdExc_OverflowError, "%s is %s", what, sign < 0 ? "less than minimum" : "greater than maximum");
        return -1;
    }
    if (x < -1 || x > (long long)UINT32_MAX) {
        AdErr_Format(AdExc_OverflowError, "%s is less than minimum", what);
        return -1;
    }
    *v = x;
    return 0;
}

static int id_arg(AdObject *o, long long *v)
{
    return posix_id_arg(o, v, "uid");
}

static AdObject *chown_common(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                              int nofollow)
{
    static const char *const names[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks"};
    AdObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (posix_parse(fname, args, nargs, kwnames, names, nofollow ? 3 : 5, 3, 3, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT(fname, "path", 0, !nofollow);
    long long uid, gid;
    int dfd, follow = !nofollow;
    if (posix_path_convert(a[0], &p) < 0 || id_arg(a[1], &uid) < 0 || posix_id_arg(a[2], &gid, "gid") < 0 ||
        posix_dir_fd(a[3], &dfd) < 0 || (!nofollow && (follow = posix_bool(a[4], 1)) < 0)) {
        posix_path_clear(&p);
        return NULL;
    }
    int rc = !p.narrow ? fchown(p.fd, (uid_t)uid, (gid_t)gid)
                       : fchownat(dfd, p.narrow, (uid_t)uid, (gid_t)gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    AdObject *r = rc < 0 ? posix_error_path(&p) : Ad_None;
    posix_path_clear(&p);
    return r;
}

static AdObject *os_chown(FASTKW) { (void)m; return chown_common("chown", args, nargs, kwnames, 0); }
static AdObject *os_lchown(FASTKW) { (void)m; return chown_common("lchown", args, nargs, kwnames, 1); }

static AdObject *os_fchown(FASTKW)
{
    PARSE("fchown", 3, 3, 3, "fd", "uid", "gid");
    int fd;
    long long uid, gid;
    if (posix_fd(a[0], &fd) < 0 || id_arg(a[1], &uid) < 0 || posix_id_arg(a[2], &gid, "gid") < 0)
        return NULL;
    return fchown(fd, (uid_t)uid, (gid_t)gid) < 0 ? posix_error() : Ad_None;
}

static AdObject *os_umask(AdObject *m, AdObject *arg)
{
    (void)m;
    int mask;
    if (posix_int(arg, &mask) < 0)
        return NULL;
    return AdInt_FromInt64(umask((mode_t)mask));
}

static AdObject *os_access(FASTKW)
{
    PARSE("access", 5, 2, 2, "path", "mode", "dir_fd", "effective_ids", "follow_symlinks");
    posix_path p = POSIX_PATH_INIT("access", "path", 0, 0);
    int mode, dfd, eff, follow;
    if (posix_path_convert(a[0], &p) < 0 || posix_int(a[1], &mode) < 0 || posix_dir_fd(a[2], &dfd) < 0 ||
        (eff = posix_bool(a[3], 0)) < 0 || (follow = posix_bool(a[4], 1)) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    int rc = faccessat(dfd, p.narrow, mode, flags);
    posix_path_clear(&p);
    return AdBool_FromLong(rc == 0);
}

#define KW AD_METH_FASTCALL | AD_METH_KEYWORDS
static AdMethodDef fs_methods[] = {
    {"open", POSIX_FN(os_open), KW, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", POSIX_FN(os_close), KW, "Close a file descriptor."},
    {"closerange", POSIX_FN(os_closerange), AD_METH_FASTCALL, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", POSIX_FN(os_read), AD_METH_FASTCALL, "Read from a file descriptor.  Returns a bytes object."},
    {"write", POSIX_FN(os_write), AD_METH_FASTCALL, "Write a bytes object to a file descriptor."},
    {"lseek", POSIX_FN(os_lseek), AD_METH_FASTCALL, "Set the position of a file descriptor.  Return the new position."},
    {"dup", POSIX_FN(os_dup), AD_METH_O, "Return a duplicate of a file descriptor."},
    {"dup2", POSIX_FN(os_dup2), KW, "Duplicate file descriptor."},
    {"pipe", POSIX_FN(os_pipe), AD_METH_NOARGS, "Create a pipe."},
    {"pipe2", POSIX_FN(os_pipe2), AD_METH_O, "Create a pipe with flags set atomically."},
    {"fsync", POSIX_FN(os_fsync), KW, "Force write of fd to disk."},
    {"fdatasync", POSIX_FN(os_fdatasync), KW, "Force write of fd to disk without forcing update of metadata."},
    {"ftruncate", POSIX_FN(os_ftruncate), AD_METH_FASTCALL, "Truncate a file, specified by file descriptor, to a specific length."},
    {"truncate", POSIX_FN(os_truncate), KW, "Truncate a file, specified by path, to a specific length."},
    {"isatty", POSIX_FN(os_isatty), AD_METH_O, "Return True if the fd is connected to a terminal."},
    {"ttyname", POSIX_FN(os_ttyname), AD_METH_O, "Return the name of the terminal device connected to 'fd'."},
    {"get_blocking", POSIX_FN(os_get_blocking), AD_METH_O, "Get the blocking mode of the file descriptor."},
    {"set_blocking", POSIX_FN(os_set_blocking), AD_METH_FASTCALL, "Set the blocking mode of the specified file descriptor."},
    {"get_inheritable", POSIX_FN(os_get_inheritable), AD_METH_O, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", POSIX_FN(os_set_inheritable), AD_METH_FASTCALL, "Set the inheritable flag of the specified file descriptor."},
    {"getcwd", POSIX_FN(os_getcwd), AD_METH_NOARGS, "Return a unicode string representing the current working directory."},
    {"getcwdb", POSIX_FN(os_getcwdb), AD_METH_NOARGS, "Return a bytes string representing the current working directory."},
    {"chdir", POSIX_FN(os_chdir), KW, "Change the current working directory to the specified path."},
    {"fchdir", POSIX_FN(os_fchdir), KW, "Change to the directory of the given file descriptor."},
    {"mkdir", POSIX_FN(os_mkdir), KW, "Create a directory."},
    {"rmdir", POSIX_FN(os_rmdir), KW, "Remove a directory."},
    {"unlink", POSIX_FN(os_unlink), KW, "Remove a file (same as remove())."},
    {"remove", POSIX_FN(os_remove), KW, "Remove a file (same as unlink())."},
    {"rename", POSIX_FN(os_rename), KW, "Rename a file or directory."},
    {"replace", POSIX_FN(os_replace), KW, "Rename a file or directory, overwriting the destination."},
    {"link", POSIX_FN(os_link), KW, "Create a hard link to a file."},
    {"symlink", POSIX_FN(os_symlink), KW, "Create a symbolic link pointing to src named dst."},
    {"readlink", POSIX_FN(os_readlink), KW, "Return a string representing the path to which the symbolic link points."},
    {"chmod", POSIX_FN(os_chmod), KW, "Change the access permissions of a file."},
    {"fchmod", POSIX_FN(os_fchmod), KW, "Change the access permissions of the file given by file descriptor fd."},
    {"chown", POSIX_FN(os_chown), KW, "Change the owner and group id of path to the numeric uid and gid."},
    {"lchown", POSIX_FN(os_lchown), KW, "Change the owner and group id of path to the numeric uid and gid."},
    {"fchown", POSIX_FN(os_fchown), KW, "Change the owner and group id of the file specified by file descriptor."},
    {"umask", POSIX_FN(os_umask), AD_METH_O, "Set the current numeric umask and return the previous umask."},
    {"access", POSIX_FN(os_access), KW, "Use the real uid/gid to test for access to a path."},
    {NULL, NULL, 0, NULL},
};

int posix_add_fs(AdObject *m)
{
    return AdModule_AddFunctions(m, fs_methods);
}
