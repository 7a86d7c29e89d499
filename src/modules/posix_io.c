/* posix_io.c: the positional and vectored I/O of the posix module and
 * the less common file-system calls: pread/pwrite, readv/writev,
 * readinto, preadv/pwritev (RWF_*), sendfile, copy_file_range, statvfs/fstatvfs with statvfs_result,
 * mkfifo/mknod, major/minor/makedev, lockf, posix_fallocate,
 * posix_fadvise, sync, the xattr calls (getxattr/setxattr/removexattr/
 * listxattr), plus _have_functions (what dir_fd, fd and
 * follow_symlinks forms this posix supports) and `error`. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <linux/limits.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"
#include "objects/structseq.h"

#define FASTKW AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames
#define RETRY(rc, call)                                                             \
    do {                                                                            \
        rc = (call);                                                                \
    } while (rc < 0 && errno == EINTR && AdErr_CheckSignals() == 0)

static int nargs_exact(const char *fname, Ad_ssize_t nargs, Ad_ssize_t want)
{
    if (nargs == want)
        return 0;
    AdErr_Format(AdExc_TypeError, "%s expected %zd argument%s, got %zd", fname, want, want == 1 ? "" : "s", nargs);
    return -1;
}

static AdObject *os_pread(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd;
    long long n, off;
    if (nargs_exact("pread", nargs, 3) < 0 || posix_fd(args[0], &fd) < 0 || posix_long(args[1], &n) < 0 ||
        posix_long(args[2], &off) < 0)
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return posix_error();
    }
    AdObject *b = AdBytes_FromStringAndSize(NULL, (Ad_ssize_t)n);
    if (!b)
        return NULL;
    ssize_t got;
    RETRY(got, pread(fd, AdBytes_AS_STRING(b), (size_t)n, (off_t)off));
    if (got < 0) {
        Ad_DECREF(b);
        return AdErr_Occurred() ? NULL : posix_error();
    }
    if (got != n && AdBytes_Resize(&b, got) < 0)
        return NULL;
    return b;
}

static AdObject *os_pwrite(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd;
    long long off;
    if (nargs_exact("pwrite", nargs, 3) < 0 || posix_fd(args[0], &fd) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(args[1], &view, 0) < 0)
        return NULL;
    if (posix_long(args[2], &off) < 0) {
        AdBuffer_Release(&view);
        return NULL;
    }
    ssize_t n;
    RETRY(n, pwrite(fd, view.buf, (size_t)view.len, (off_t)off));
    AdBuffer_Release(&view);
    if (n < 0)
        return AdErr_Occurred() ? NULL : posix_error();
    return AdInt_FromInt64(n);
}

static AdObject *os_readinto(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd;
    if (nargs_exact("readinto", nargs, 2) < 0 || posix_fd(args[0], &fd) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(args[1], &view, AD_BUF_WRITABLE) < 0) {
        AdErr_Clear();
        return AdErr_Format(AdExc_TypeError, "readinto() argument 2 must be read-write bytes-like object, not %.200s",
                            AdType_Name(AD_TYPE(args[1])));
    }
    ssize_t n;
    RETRY(n, read(fd, view.buf, (size_t)view.len));
    AdBuffer_Release(&view);
    if (n < 0)
        return AdErr_Occurred() ? NULL : posix_error();
    return AdInt_FromInt64(n);
}

/* The buffers of a sequence as iovecs (views released by release_iov). */
static int make_iov(AdObject *seq, int writable, struct iovec **iov, AdBuffer **views, Ad_ssize_t *count,
                    const char *fname)
{
    AdObject *fast = AdList_Check(seq) || AdTuple_Check(seq) ? AdSequence_List(seq) : NULL;
    if (!fast) {
        AdErr_Clear();
        AdErr_Format(AdExc_TypeError, "%s() arg 2 must be a sequence", fname);
        return -1;
    }
    Ad_ssize_t n = AdList_GET_SIZE(fast);
    *iov = calloc((size_t)n + 1, sizeof **iov);
    *views = calloc((size_t)n + 1, sizeof **views);
    if (!*iov || !*views) {
        free(*iov);
        free(*views);
        Ad_DECREF(fast);
        AdErr_NoMemory();
        return -1;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (AdObject_GetBuffer(AdList_GET_ITEM(fast, i), &(*views)[i],
                               writable ? AD_BUF_WRITABLE : AD_BUF_SIMPLE) < 0) {
            for (Ad_ssize_t j = 0; j < i; j++)
                AdBuffer_Release(&(*views)[j]);
            free(*iov);
            free(*views);
            Ad_DECREF(fast);
            return -1;
        }
        (*iov)[i].iov_base = (*views)[i].buf;
        (*iov)[i].iov_len = (size_t)(*views)[i].len;
    }
    Ad_DECREF(fast);
    *count = n;
    return 0;
}

static void release_iov(struct iovec *iov, AdBuffer *views, Ad_ssize_t n)
{
    for (Ad_ssize_t i = 0; i < n; i++)
        AdBuffer_Release(&views[i]);
    free(iov);
    free(views);
}

static AdObject *vector_io(const char *fname, AdObject *const *args, Ad_ssize_t nargs, int is_read)
{
    int fd;
    if (nargs_exact(fname, nargs, 2) < 0 || posix_fd(args[0], &fd) < 0)
        return NULL;
    struct iovec *iov;
    AdBuffer *views;
    Ad_ssize_t n;
    if (make_iov(args[1], is_read, &iov, &views, &n, fname) < 0)
        return NULL;
    ssize_t r;
    RETRY(r, is_read ? readv(fd, iov, (int)n) : writev(fd, iov, (int)n));
    release_iov(iov, views, n);
    if (r < 0)
        return AdErr_Occurred() ? NULL : posix_error();
    return AdInt_FromInt64(r);
}

static AdObject *os_readv(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return vector_io("readv", args, nargs, 1);
}

static AdObject *os_writev(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return vector_io("writev", args, nargs, 0);
}

/* preadv(fd, buffers, offset, flags=0) / pwritev(...): vectored I/O at
 * an offset (RWF_* flags through preadv2/pwritev2). */
static AdObject *vector_io_at(const char *fname, AdObject *const *args, Ad_ssize_t nargs, int is_read)
{
    if (nargs < 3 || nargs > 4)
        return AdErr_Format(AdExc_TypeError, "%s expected %s, got %zd", fname,
                            nargs < 3 ? "at least 3 arguments" : "at most 4 arguments", nargs);
    int fd, flags = 0;
    long long off;
    if (posix_fd(args[0], &fd) < 0 || posix_long(args[2], &off) < 0 || (nargs == 4 && posix_int(args[3], &flags) < 0))
        return NULL;
    struct iovec *iov;
    AdBuffer *views;
    Ad_ssize_t n;
    if (make_iov(args[1], is_read, &iov, &views, &n, fname) < 0)
        return NULL;
    ssize_t r;
    RETRY(r, is_read ? preadv2(fd, iov, (int)n, (off_t)off, flags) : pwritev2(fd, iov, (int)n, (off_t)off, flags));
    release_iov(iov, views, n);
    if (r < 0)
        return AdErr_Occurred() ? NULL : posix_error();
    return AdInt_FromInt64(r);
}

static AdObject *os_preadv(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return vector_io_at("preadv", args, nargs, 1);
}

static AdObject *os_pwritev(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return vector_io_at("pwritev", args, nargs, 0);
}

static AdObject *os_sendfile(FASTKW)
{
    (void)m;
    static const char *const names[] = {"out_fd", "in_fd", "offset", "count"};
    AdObject *a[4];
    int out_fd, in_fd;
    long long count, off = 0;
    if (posix_parse("sendfile", args, nargs, kwnames, names, 4, 4, 4, a) < 0 || posix_fd(a[0], &out_fd) < 0 ||
        posix_fd(a[1], &in_fd) < 0 || (a[2] != Ad_None && posix_long(a[2], &off) < 0) ||
        posix_long(a[3], &count) < 0)
        return NULL;
    if (count < 0) {
        errno = EINVAL;
        return posix_error();
    }
    off_t o = (off_t)off;
    ssize_t r;
    RETRY(r, sendfile(out_fd, in_fd, a[2] == Ad_None ? NULL : &o, (size_t)count));
    if (r < 0)
        return AdErr_Occurred() ? NULL : posix_error();
    return AdInt_FromInt64(r);
}

static AdObject *os_copy_file_range(FASTKW)
{
    (void)m;
    static const char *const names[] = {"src", "dst", "count", "offset_src", "offset_dst"};
    AdObject *a[5];
    int src, dst;
    long long count, os_ = 0, od = 0;
    if (posix_parse("copy_file_range", args, nargs, kwnames, names, 5, 5, 3, a) < 0 || posix_fd(a[0], &src) < 0 ||
        posix_fd(a[1], &dst) < 0 || posix_long(a[2], &count) < 0 ||
        (a[3] && a[3] != Ad_None && posix_long(a[3], &os_) < 0) ||
        (a[4] && a[4] != Ad_None && posix_long(a[4], &od) < 0))
        return NULL;
    if (count < 0) {
        errno = EINVAL;
        return posix_error();
    }
    loff_t s = os_, d = od;
    ssize_t r;
    RETRY(r, copy_file_range(src, a[3] && a[3] != Ad_None ? &s : NULL, dst, a[4] && a[4] != Ad_None ? &d : NULL,
                             (size_t)count, 0));
    if (r < 0)
        return AdErr_Occurred() ? NULL : posix_error();
    return AdInt_FromInt64(r);
}

/* ---- statvfs ---------------------------------------------------------- */

static const AdStructSeqField statvfs_fields[] = {
    {"f_bsize", NULL}, {"f_frsize", NULL}, {"f_blocks", NULL}, {"f_bfree", NULL}, {"f_bavail", NULL},
    {"f_files", NULL}, {"f_ffree", NULL}, {"f_favail", NULL}, {"f_flag", NULL}, {"f_namemax", NULL},
    {"f_fsid", NULL}, {NULL, NULL},
};
static const AdStructSeqDesc statvfs_desc = {
    "os.statvfs_result",
    "statvfs_result: Result from statvfs or fstatvfs.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\n"
    "or via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\n"
    "See os.statvfs for more information.",
    statvfs_fields, 10,
};
static AdTypeObject statvfs_type;

static AdObject *statvfs_result(const struct statvfs *s)
{
    AdObject *r = AdStructSeq_New(&statvfs_type);
    if (!r)
        return NULL;
    uint64_t v[11] = {s->f_bsize, s->f_frsize, s->f_blocks, s->f_bfree, s->f_bavail, s->f_files,
                      s->f_ffree, s->f_favail, s->f_flag, s->f_namemax, s->f_fsid};
    int bad = 0;
    for (int i = 0; i < 11; i++) {
        AdObject *o = AdInt_FromUInt64(v[i]);
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

static AdObject *os_statvfs(FASTKW)
{
    (void)m;
    static const char *const names[] = {"path"};
    AdObject *a[1];
    if (posix_parse("statvfs", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("statvfs", "path", 0, 1);
    if (posix_path_convert(a[0], &p) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    struct statvfs s;
    int rc;
    RETRY(rc, p.narrow ? statvfs(p.narrow, &s) : fstatvfs(p.fd, &s));
    AdObject *r = rc < 0 ? (AdErr_Occurred() ? NULL : posix_error_path(&p)) : statvfs_result(&s);
    posix_path_clear(&p);
    return r;
}

static AdObject *os_fstatvfs(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd, rc;
    if (posix_fd(arg, &fd) < 0)
        return NULL;
    struct statvfs s;
    RETRY(rc, fstatvfs(fd, &s));
    if (rc < 0)
        return AdErr_Occurred() ? NULL : posix_error();
    return statvfs_result(&s);
}

/* ---- special files and devices ----------------------------------------- */

static AdObject *os_mkfifo(FASTKW)
{
    (void)m;
    static const char *const names[] = {"path", "mode", "dir_fd"};
    AdObject *a[3];
    if (posix_parse("mkfifo", args, nargs, kwnames, names, 3, 2, 1, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("mkfifo", "path", 0, 0);
    int mode = 0666, dfd, rc;
    if (posix_path_convert(a[0], &p) < 0 || (a[1] && posix_int(a[1], &mode) < 0) || posix_dir_fd(a[2], &dfd) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    RETRY(rc, mkfifoat(dfd, p.narrow, (mode_t)mode));
    AdObject *r = rc < 0 ? (AdErr_Occurred() ? NULL : posix_error()) : Ad_None;
    posix_path_clear(&p);
    return r;
}

static AdObject *os_mknod(FASTKW)
{
    (void)m;
    static const char *const names[] = {"path", "mode", "device", "dir_fd"};
    AdObject *a[4];
    if (posix_parse("mknod", args, nargs, kwnames, names, 4, 3, 1, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("mknod", "path", 0, 0);
    int mode = 0600, dfd;
    long long dev = 0;
    if (posix_path_convert(a[0], &p) < 0 || (a[1] && posix_int(a[1], &mode) < 0) ||
        (a[2] && posix_long(a[2], &dev) < 0) || posix_dir_fd(a[3], &dfd) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    AdObject *r = mknodat(dfd, p.narrow, (mode_t)mode, (dev_t)dev) < 0 ? posix_error() : Ad_None;
    posix_path_clear(&p);
    return r;
}

static int dev_arg(AdObject *o, dev_t *d)
{
    long long v;
    if (posix_long(o, &v) < 0)
        return -1;
    *d = (dev_t)v;
    return 0;
}

static AdObject *os_major(AdObject *m, AdObject *arg)
{
    (void)m;
    dev_t d;
    return dev_arg(arg, &d) < 0 ? NULL : AdInt_FromUInt64(major(d));
}

static AdObject *os_minor(AdObject *m, AdObject *arg)
{
    (void)m;
    dev_t d;
    return dev_arg(arg, &d) < 0 ? NULL : AdInt_FromUInt64(minor(d));
}

static AdObject *os_makedev(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    long long a, b;
    if (nargs_exact("makedev", nargs, 2) < 0 || posix_long(args[0], &a) < 0 || posix_long(args[1], &b) < 0)
        return NULL;
    return AdInt_FromUInt64(makedev((unsigned)a, (unsigned)b));
}

static AdObject *os_lockf(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int fd, cmd;
    long long len;
    if (nargs_exact("lockf", nargs, 3) < 0 || posix_fd(args[0], &fd) < 0 || posix_int(args[1], &cmd) < 0 ||
        posix_long(args[2], &len) < 0)
        return NULL;
    int rc;
    RETRY(rc, lockf(fd, cmd, (off_t)len));
    return rc < 0 ? (AdErr_Occurred() ? NULL : posix_error()) : Ad_None;
}

static AdObject *fd_off_len(const char *fname, AdObject *const *args, Ad_ssize_t nargs, int advice)
{
    int fd, adv = 0;
    long long off, len;
    if (nargs_exact(fname, nargs, advice ? 4 : 3) < 0 || posix_fd(args[0], &fd) < 0 ||
        posix_long(args[1], &off) < 0 || posix_long(args[2], &len) < 0 || (advice && posix_int(args[3], &adv) < 0))
        return NULL;
    int rc;
    do {
        rc = advice ? posix_fadvise(fd, (off_t)off, (off_t)len, adv) : posix_fallocate(fd, (off_t)off, (off_t)len);
    } while (rc == EINTR && AdErr_CheckSignals() == 0);
    if (AdErr_Occurred())
        return NULL;
    if (rc) {
        errno = rc;
        return posix_error();
    }
    Ad_RETURN_NONE;
}

static AdObject *os_posix_fallocate(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return fd_off_len("posix_fallocate", args, nargs, 0);
}

static AdObject *os_posix_fadvise(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return fd_off_len("posix_fadvise", args, nargs, 1);
}

static AdObject *os_sync(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    sync();
    Ad_RETURN_NONE;
}

/* ---- extended attributes ------------------------------------------------ */

/* path (or fd) and attribute name, with follow_symlinks checked against fds. */
static int xattr_args(const char *fname, posix_path *p, posix_path *attr, AdObject *po, AdObject *ao,
                      AdObject *follow_o, int *follow)
{
    if (posix_path_convert(po, p) < 0)
        return -1;
    if (ao && posix_path_convert(ao, attr) < 0)
        return -1;
    if ((*follow = posix_bool(follow_o, 1)) < 0)
        return -1;
    return posix_fd_conflicts(fname, p, AT_FDCWD, *follow);
}

static AdObject *os_getxattr(FASTKW)
{
    (void)m;
    static const char *const names[] = {"path", "attribute", "follow_symlinks"};
    AdObject *a[3];
    if (posix_parse("getxattr", args, nargs, kwnames, names, 3, 2, 2, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("getxattr", "path", 0, 1), at = POSIX_PATH_INIT("getxattr", "attribute", 0, 0);
    int follow;
    AdObject *r = NULL;
    if (xattr_args("getxattr", &p, &at, a[0], a[1], a[2], &follow) < 0)
        goto done;
    for (size_t size = 128;; size = size < XATTR_SIZE_MAX ? XATTR_SIZE_MAX : size) {
        AdObject *b = AdBytes_FromStringAndSize(NULL, (Ad_ssize_t)size);
        if (!b)
            goto done;
        ssize_t n = p.narrow ? (follow ? getxattr(p.narrow, at.narrow, AdBytes_AS_STRING(b), size)
                                       : lgetxattr(p.narrow, at.narrow, AdBytes_AS_STRING(b), size))
                             : fgetxattr(p.fd, at.narrow, AdBytes_AS_STRING(b), size);
        if (n >= 0) {
            if ((size_t)n != size && AdBytes_Resize(&b, n) < 0)
                goto done;
            r = b;
            goto done;
        }
        Ad_DECREF(b);
        if (errno != ERANGE || size >= XATTR_SIZE_MAX) {
            posix_error_path(&p);
            goto done;
        }
    }
done:
    posix_path_clear(&p);
    posix_path_clear(&at);
    return r;
}

static AdObject *os_setxattr(FASTKW)
{
    (void)m;
    static const char *const names[] = {"path", "attribute", "value", "flags", "follow_symlinks"};
    AdObject *a[5];
    if (posix_parse("setxattr", args, nargs, kwnames, names, 5, 4, 3, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("setxattr", "path", 0, 1), at = POSIX_PATH_INIT("setxattr", "attribute", 0, 0);
    int follow, flags = 0;
    AdObject *r = NULL;
    if (xattr_args("setxattr", &p, &at, a[0], a[1], a[4], &follow) < 0 || (a[3] && posix_int(a[3], &flags) < 0))
        goto done;
    AdBuffer view;
    if (AdObject_GetBuffer(a[2], &view, 0) < 0)
        goto done;
    int rc = p.narrow ? (follow ? setxattr(p.narrow, at.narrow, view.buf, (size_t)view.len, flags)
                                : lsetxattr(p.narrow, at.narrow, view.buf, (size_t)view.len, flags))
                      : fsetxattr(p.fd, at.narrow, view.buf, (size_t)view.len, flags);
    AdBuffer_Release(&view);
    r = rc < 0 ? posix_error_path(&p) : Ad_None;
done:
    posix_path_clear(&p);
    posix_path_clear(&at);
    return r;
}

static AdObject *os_removexattr(FASTKW)
{
    (void)m;
    static const char *const names[] = {"path", "attribute", "follow_symlinks"};
    AdObject *a[3];
    if (posix_parse("removexattr", args, nargs, kwnames, names, 3, 2, 2, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("removexattr", "path", 0, 1);
    posix_path at = POSIX_PATH_INIT("removexattr", "attribute", 0, 0);
    int follow;
    AdObject *r = NULL;
    if (xattr_args("removexattr", &p, &at, a[0], a[1], a[2], &follow) == 0) {
        int rc = p.narrow ? (follow ? removexattr(p.narrow, at.narrow) : lremovexattr(p.narrow, at.narrow))
                          : fremovexattr(p.fd, at.narrow);
        r = rc < 0 ? posix_error_path(&p) : Ad_None;
    }
    posix_path_clear(&p);
    posix_path_clear(&at);
    return r;
}

static AdObject *os_listxattr(FASTKW)
{
    (void)m;
    static const char *const names[] = {"path", "follow_symlinks"};
    AdObject *a[2];
    if (posix_parse("listxattr", args, nargs, kwnames, names, 2, 1, 0, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("listxattr", "path", 1, 1);
    posix_path none = POSIX_PATH_INIT("listxattr", "attribute", 0, 0);
    int follow;
    AdObject *r = NULL;
    char *buf = NULL;
    if (xattr_args("listxattr", &p, &none, a[0], NULL, a[1], &follow) < 0)
        goto done;
    const char *path = p.narrow ? p.narrow : p.fd == -1 ? "." : NULL;
    for (size_t size = 256;; size *= 2) {
        free(buf);
        if (!(buf = malloc(size))) {
            AdErr_NoMemory();
            goto done;
        }
        ssize_t n = path ? (follow ? listxattr(path, buf, size) : llistxattr(path, buf, size))
                         : flistxattr(p.fd, buf, size);
        if (n < 0) {
            if (errno == ERANGE && size < (size_t)XATTR_LIST_MAX * 2)
                continue;
            posix_error_path(&p);
            goto done;
        }
        r = AdList_New(0);
        for (ssize_t i = 0; r && i < n;) {
            size_t len = strlen(buf + i);
            AdObject *s = posix_decode(buf + i, (Ad_ssize_t)len, 0);
            if (!s || AdList_Append(r, s) < 0)
                AD_CLEAR(r);
            Ad_XDECREF(s);
            i += (ssize_t)len + 1;
        }
        break;
    }
done:
    free(buf);
    posix_path_clear(&p);
    posix_path_clear(&none);
    return r;
}

#define KW AD_METH_FASTCALL | AD_METH_KEYWORDS
static AdMethodDef io_methods[] = {
    {"pread", POSIX_FN(os_pread), AD_METH_FASTCALL, "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"pwrite", POSIX_FN(os_pwrite), AD_METH_FASTCALL, "Write bytes to a file descriptor starting at a particular offset."},
    {"readinto", POSIX_FN(os_readinto), AD_METH_FASTCALL, "Read into a buffer object from a file descriptor."},
    {"readv", POSIX_FN(os_readv), AD_METH_FASTCALL, "Read from a file descriptor fd into an iterable of buffers."},
    {"writev", POSIX_FN(os_writev), AD_METH_FASTCALL, "Iterate over buffers, and write the contents of each to a file descriptor."},
    {"preadv", POSIX_FN(os_preadv), AD_METH_FASTCALL, "Reads from a file descriptor into a number of mutable bytes-like objects."},
    {"pwritev", POSIX_FN(os_pwritev), AD_METH_FASTCALL, "Writes the contents of bytes-like objects to a file descriptor at a given offset."},
    {"sendfile", POSIX_FN(os_sendfile), KW, "Copy count bytes from file descriptor in_fd to file descriptor out_fd."},
    {"copy_file_range", POSIX_FN(os_copy_file_range), KW, "Copy count bytes from one file descriptor to another."},
    {"statvfs", POSIX_FN(os_statvfs), KW, "Perform a statvfs system call on the given path."},
    {"fstatvfs", POSIX_FN(os_fstatvfs), AD_METH_O, "Perform an fstatvfs system call on the given fd."},
    {"mkfifo", POSIX_FN(os_mkfifo), KW, "Create a \"fifo\" (a POSIX named pipe)."},
    {"mknod", POSIX_FN(os_mknod), KW, "Create a node in the file system."},
    {"major", POSIX_FN(os_major), AD_METH_O, "Extracts a device major number from a raw device number."},
    {"minor", POSIX_FN(os_minor), AD_METH_O, "Extracts a device minor number from a raw device number."},
    {"makedev", POSIX_FN(os_makedev), AD_METH_FASTCALL, "Composes a raw device number from the major and minor device numbers."},
    {"lockf", POSIX_FN(os_lockf), AD_METH_FASTCALL, "Apply, test or remove a POSIX lock on an open file descriptor."},
    {"posix_fallocate", POSIX_FN(os_posix_fallocate), AD_METH_FASTCALL, "Ensure a file has allocated at least a particular number of bytes on disk."},
    {"posix_fadvise", POSIX_FN(os_posix_fadvise), AD_METH_FASTCALL, "Announce an intention to access data in a specific pattern."},
    {"sync", POSIX_FN(os_sync), AD_METH_NOARGS, "Force write of everything to disk."},
    {"getxattr", POSIX_FN(os_getxattr), KW, "Return the value of extended attribute attribute on path."},
    {"setxattr", POSIX_FN(os_setxattr), KW, "Set extended attribute attribute on path to value."},
    {"removexattr", POSIX_FN(os_removexattr), KW, "Remove extended attribute attribute on path."},
    {"listxattr", POSIX_FN(os_listxattr), KW, "Return a list of extended attributes on path."},
    {NULL, NULL, 0, NULL},
};

/* The HAVE_* names os.py reads to fill supports_dir_fd, supports_fd and
 * supports_follow_symlinks: exactly the forms the functions here accept. */
static const char *const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FCHOWNAT",
    "HAVE_FEXECVE", "HAVE_FDOPENDIR", "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FSTATVFS", "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS", "HAVE_LINKAT", "HAVE_LCHOWN", "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_MKFIFOAT",
    "HAVE_MKNODAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT", NULL,
};

int posix_add_io(AdObject *m)
{
    if (!(statvfs_type.tp_flags & AD_TPFLAGS_READY) && AdStructSeq_InitType(&statvfs_type, &statvfs_desc, 0) < 0)
        return -1;
    if (AdModule_AddObjectRef(m, "statvfs_result", (AdObject *)&statvfs_type) < 0 ||
        AdModule_AddObjectRef(m, "error", AdExc_OSError) < 0 ||
        AdModule_AddIntConstant(m, "XATTR_CREATE", XATTR_CREATE) < 0 ||
        AdModule_AddIntConstant(m, "XATTR_REPLACE", XATTR_REPLACE) < 0 ||
        AdModule_AddIntConstant(m, "XATTR_SIZE_MAX", XATTR_SIZE_MAX) < 0 ||
        AdModule_AddIntConstant(m, "RWF_DSYNC", RWF_DSYNC) < 0 || AdModule_AddIntConstant(m, "RWF_HIPRI", RWF_HIPRI) < 0 ||
        AdModule_AddIntConstant(m, "RWF_SYNC", RWF_SYNC) < 0 || AdModule_AddIntConstant(m, "RWF_NOWAIT", RWF_NOWAIT) < 0 ||
        AdModule_AddIntConstant(m, "RWF_APPEND", RWF_APPEND) < 0)
        return -1;
    AdObject *l = AdList_New(0);
    for (int i = 0; l && have_functions[i]; i++) {
        AdObject *s = AdStr_FromString(have_functions[i]);
        if (!s || AdList_Append(l, s) < 0) {
            Ad_XDECREF(s);
            AD_CLEAR(l);
            break;
        }
        Ad_DECREF(s);
    }
    if (!l || AdModule_Add(m, "_have_functions", l) < 0)
        return -1;
    return AdModule_AddFunctions(m, io_methods);
}
