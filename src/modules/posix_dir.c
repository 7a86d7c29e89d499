/* posix_dir.c: directory listing in the posix module: listdir (str, bytes,
 * None and fds), scandir with its ScandirIterator (iterator, context
 * manager, close) and DirEntry (name, path, inode, is_dir/is_file/
 * is_symlink/stat with caching as CPython does, __fspath__, repr). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"

/* Opens a directory stream for a converted path (fd: a dup, rewound). */
static DIR *open_dir(posix_path *p)
{
    if (!p->narrow && p->fd != -1) {
        int fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
        if (fd < 0)
            return NULL;
        DIR *d = fdopendir(fd);
        if (!d) {
            int e = errno;
            close(fd);
            errno = e;
            return NULL;
        }
        rewinddir(d);
        return d;
    }
    return opendir(p->narrow ? p->narrow : ".");
}

static int is_dot(const char *n)
{
    return n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0));
}

static AdObject *os_listdir(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path"};
    AdObject *a[1];
    if (posix_parse("listdir", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("listdir", "path", 1, 1);
    if (posix_path_convert(a[0], &p) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    /* An fd of -1 means no path at all (the current directory), as in CPython. */
    int is_fd = !p.narrow && p.fd != -1;
    DIR *d = is_fd ? open_dir(&p) : opendir(p.narrow ? p.narrow : ".");
    if (!d) {
        AdObject *r = is_fd ? posix_error() : posix_error_path(&p);
        posix_path_clear(&p);
        return r;
    }
    AdObject *list = AdList_New(0);
    for (;;) {
        if (!list)
            break;
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno) {
                Ad_DECREF(list);
                list = posix_error_path(&p);
            }
            break;
        }
        if (is_dot(e->d_name))
            continue;
        AdObject *n = posix_decode(e->d_name, (Ad_ssize_t)strlen(e->d_name), p.is_bytes);
        if (!n || AdList_Append(list, n) < 0) {
            Ad_XDECREF(n);
            Ad_DECREF(list);
            list = NULL;
            break;
        }
        Ad_DECREF(n);
    }
    closedir(d);
    posix_path_clear(&p);
    return list;
}

/* ---- DirEntry ---------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *name, *path;
    AdObject *stat, *lstat;     /* caches */
    unsigned char d_type;
    ino_t d_ino;
    int dir_fd;                 /* for scandir(fd): the directory fd, else -1 */
} DirEntryObject;

static void direntry_dealloc(AdObject *o)
{
    DirEntryObject *e = (DirEntryObject *)o;
    Ad_XDECREF(e->name);
    Ad_XDECREF(e->path);
    Ad_XDECREF(e->stat);
    Ad_XDECREF(e->lstat);
    AdObject_Free(o);
}

static AdObject *direntry_repr(AdObject *o)
{
    AdObject *r = AdObject_Repr(((DirEntryObject *)o)->name);
    if (!r)
        return NULL;
    AdObject *s = AdStr_FromFormat("<DirEntry %s>", AdStr_AsUTF8(r));
    Ad_DECREF(r);
    return s;
}

static AdObject *direntry_fetch(DirEntryObject *e, int follow)
{
    posix_path p = POSIX_PATH_INIT("stat", "path", 0, 0);
    if (posix_path_convert(e->dir_fd >= 0 ? e->name : e->path, &p) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    struct stat st;
    int rc = fstatat(e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD, p.narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    AdObject *r = rc < 0 ? posix_error_path(&p) : posix_stat_result(&st);
    posix_path_clear(&p);
    return r;
}

static AdObject *direntry_get_lstat(DirEntryObject *e)
{
    if (!e->lstat && !(e->lstat = direntry_fetch(e, 0)))
        return NULL;
    return Ad_NewRef(e->lstat);
}

static int direntry_test_symlink(DirEntryObject *e)
{
    if (e->d_type != DT_UNKNOWN)
        return e->d_type == DT_LNK;
    AdObject *st = direntry_get_lstat(e);
    if (!st)
        return -1;
    AdObject *mode = AdObject_GetAttrString(st, "st_mode");
    Ad_DECREF(st);
    if (!mode)
        return -1;
    int64_t v = AdInt_AsInt64(mode);
    Ad_DECREF(mode);
    return S_ISLNK(v);
}

static AdObject *direntry_get_stat(DirEntryObject *e, int follow)
{
    if (!follow)
        return direntry_get_lstat(e);
    if (!e->stat) {
        int link = direntry_test_symlink(e);
        if (link < 0)
            return NULL;
        if (link)
            e->stat = direntry_fetch(e, 1);
        else
            e->stat = direntry_get_lstat(e);
        if (!e->stat)
            return NULL;
    }
    return Ad_NewRef(e->stat);
}

static int follow_arg(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames, int *follow)
{
    static const char *const names[] = {"follow_symlinks"};
    AdObject *a[1];
    if (posix_parse(fname, args, nargs, kwnames, names, 1, 0, 0, a) < 0)
        return -1;
    return (*follow = posix_bool(a[0], 1)) < 0 ? -1 : 0;
}

/* is_dir/is_file: mode_bits S_IFDIR or S_IFREG; a missing file is False. */
static AdObject *direntry_test_mode(DirEntryObject *e, int follow, mode_t want)
{
    if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK))
        return AdBool_FromLong(want == S_IFDIR ? e->d_type == DT_DIR : e->d_type == DT_REG);
    AdObject *st = direntry_get_stat(e, follow);
    if (!st) {
        if (AdErr_ExceptionMatches(AdExc_FileNotFoundError)) {
            AdErr_Clear();
            return Ad_False;
        }
        return NULL;
    }
    AdObject *mode = AdObject_GetAttrString(st, "st_mode");
    Ad_DECREF(st);
    if (!mode)
        return NULL;
    int64_t v = AdInt_AsInt64(mode);
    Ad_DECREF(mode);
    return AdBool_FromLong(((mode_t)v & S_IFMT) == want);
}

static AdObject *de_is_dir(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    int follow;
    if (follow_arg("is_dir", args, nargs, kwnames, &follow) < 0)
        return NULL;
    return direntry_test_mode((DirEntryObject *)self, follow, S_IFDIR);
}

static AdObject *de_is_file(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    int follow;
    if (follow_arg("is_file", args, nargs, kwnames, &follow) < 0)
        return NULL;
    return direntry_test_mode((DirEntryObject *)self, follow, S_IFREG);
}

static AdObject *de_is_symlink(AdObject *self, AdObject *unused)
{
    (void)unused;
    int r = direntry_test_symlink((DirEntryObject *)self);
    if (r < 0) {
        if (AdErr_ExceptionMatches(AdExc_FileNotFoundError)) {
            AdErr_Clear();
            return Ad_False;
        }
        return NULL;
    }
    return AdBool_FromLong(r);
}

static AdObject *de_is_junction(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return Ad_False;
}

static AdObject *de_stat(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    int follow;
    if (follow_arg("stat", args, nargs, kwnames, &follow) < 0)
        return NULL;
    return direntry_get_stat((DirEntryObject *)self, follow);
}

static AdObject *de_inode(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromUInt64(((DirEntryObject *)self)->d_ino);
}

static AdObject *de_fspath(AdObject *self, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(((DirEntryObject *)self)->path);
}

static AdObject *de_class_getitem(AdObject *cls, AdObject *arg)
{
    return Ad_GenericAlias(cls, arg);
}

static AdMethodDef direntry_methods[] = {
    {"is_dir", POSIX_FN(de_is_dir), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return True if the entry is a directory; cached per entry."},
    {"is_file", POSIX_FN(de_is_file), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return True if the entry is a file; cached per entry."},
    {"is_symlink", POSIX_FN(de_is_symlink), AD_METH_NOARGS, "Return True if the entry is a symbolic link; cached per entry."},
    {"is_junction", POSIX_FN(de_is_junction), AD_METH_NOARGS, "Return True if the entry is a junction; cached per entry."},
    {"stat", POSIX_FN(de_stat), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return stat_result object for the entry; cached per entry."},
    {"inode", POSIX_FN(de_inode), AD_METH_NOARGS, "Return inode of the entry; cached per entry."},
    {"__fspath__", POSIX_FN(de_fspath), AD_METH_NOARGS, "Returns the path for the entry."},
    {"__class_getitem__", POSIX_FN(de_class_getitem), AD_METH_O | AD_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef direntry_members[] = {
    {"name", AD_T_OBJECT_EX, offsetof(DirEntryObject, name), AD_READONLY, "the entry's base filename, relative to scandir() \"path\" argument"},
    {"path", AD_T_OBJECT_EX, offsetof(DirEntryObject, path), AD_READONLY, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
    {NULL, 0, 0, 0, NULL},
};

static AdObject *no_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
}

AdTypeObject posix_DirEntry_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "posix.DirEntry",
    .tp_basicsize = sizeof(DirEntryObject),
    .tp_dealloc = direntry_dealloc,
    .tp_repr = direntry_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_methods = direntry_methods,
    .tp_members = direntry_members,
    .tp_new = no_new,
    .tp_free = AdObject_Free,
};

/* ---- ScandirIterator ---------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    DIR *dir;
    AdObject *path;             /* the path as given (str/bytes) or None; NULL for fds */
    int is_bytes;
    int fd;                     /* scandir(fd): the fd given, else -1 */
} ScandirIterObject;

static void scandir_close_dir(ScandirIterObject *it)
{
    if (it->dir) {
        DIR *d = it->dir;
        it->dir = NULL;
        closedir(d);
    }
}

static void scandir_dealloc(AdObject *o)
{
    ScandirIterObject *it = (ScandirIterObject *)o;
    if (it->dir) {
        /* An iterator neither exhausted nor closed: ResourceWarning, with the
         * object kept alive while the warning machinery looks at it. */
        Ad_INCREF(o);
        AdObject *saved = AdErr_GetRaisedException();
        scandir_close_dir(it);
        if (AdErr_WarnFormat(AdExc_ResourceWarning, 1, "unclosed scandir iterator %R", o) < 0)
            AdErr_WriteUnraisable(o);
        AdErr_SetRaisedException(saved);
        if (--o->ob_refcnt > 0)
            return;
    }
    scandir_close_dir(it);
    Ad_XDECREF(it->path);
    AdObject_Free(o);
}

static AdObject *make_entry(ScandirIterObject *it, struct dirent *d)
{
    DirEntryObject *e = (DirEntryObject *)AdObject_New(&posix_DirEntry_Type);
    if (!e)
        return NULL;
    e->name = e->path = e->stat = e->lstat = NULL;
    e->d_type = d->d_type;
    e->d_ino = d->d_ino;
    e->dir_fd = it->fd;
    size_t nlen = strlen(d->d_name);
    e->name = posix_decode(d->d_name, (Ad_ssize_t)nlen, it->is_bytes);
    if (!e->name)
        goto fail;
    if (it->fd >= 0) {
        e->path = Ad_NewRef(e->name);
    } else {
        const char *base = ".";
        Ad_ssize_t blen = 1;
        AdObject *enc = NULL;
        if (it->path && it->path != Ad_None) {
            if (it->is_bytes) {
                base = AdBytes_AS_STRING(it->path);
                blen = AdBytes_GET_SIZE(it->path);
            } else {
                enc = AdStr_AsEncodedString(it->path, "utf-8", "surrogateescape");
                if (!enc)
                    goto fail;
                base = AdBytes_AS_STRING(enc);
                blen = AdBytes_GET_SIZE(enc);
            }
        }
        size_t total = (size_t)blen + 1 + nlen;
        char *buf = malloc(total + 1);
        if (!buf) {
            Ad_XDECREF(enc);
            AdErr_NoMemory();
            goto fail;
        }
        memcpy(buf, base, (size_t)blen);
        size_t k = (size_t)blen;
        if (k && buf[k - 1] != '/')
            buf[k++] = '/';
        memcpy(buf + k, d->d_name, nlen);
        k += nlen;
        Ad_XDECREF(enc);
        e->path = posix_decode(buf, (Ad_ssize_t)k, it->is_bytes);
        free(buf);
        if (!e->path)
            goto fail;
    }
    return (AdObject *)e;
fail:
    Ad_DECREF((AdObject *)e);
    return NULL;
}

static AdObject *scandir_next(AdObject *o)
{
    ScandirIterObject *it = (ScandirIterObject *)o;
    while (it->dir) {
        errno = 0;
        struct dirent *d = readdir(it->dir);
        if (!d) {
            int err = errno;
            scandir_close_dir(it);
            if (err) {
                errno = err;
                if (it->path)
                    return AdErr_SetFromErrnoWithFilenameObjects(AdExc_OSError, it->path, NULL);
                return posix_error();
            }
            return NULL;
        }
        if (is_dot(d->d_name))
            continue;
        return make_entry(it, d);
    }
    return NULL;
}

static AdObject *scandir_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    scandir_close_dir((ScandirIterObject *)self);
    Ad_RETURN_NONE;
}

static AdObject *scandir_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(self);
}

static AdObject *scandir_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    scandir_close_dir((ScandirIterObject *)self);
    Ad_RETURN_NONE;
}

static AdMethodDef scandir_methods[] = {
    {"__enter__", POSIX_FN(scandir_enter), AD_METH_NOARGS, NULL},
    {"__exit__", POSIX_FN(scandir_exit), AD_METH_FASTCALL, NULL},
    {"close", POSIX_FN(scandir_close), AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject posix_ScandirIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "posix.ScandirIterator",
    .tp_basicsize = sizeof(ScandirIterObject),
    .tp_dealloc = scandir_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = scandir_next,
    .tp_methods = scandir_methods,
    .tp_new = no_new,
    .tp_free = AdObject_Free,
};

static AdObject *os_scandir(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path"};
    AdObject *a[1];
    if (posix_parse("scandir", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("scandir", "path", 1, 1);
    if (posix_path_convert(a[0], &p) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    int is_fd = !p.narrow && p.fd != -1;
    DIR *d = is_fd ? open_dir(&p) : opendir(p.narrow ? p.narrow : ".");
    if (!d) {
        AdObject *r = is_fd ? posix_error() : posix_error_path(&p);
        posix_path_clear(&p);
        return r;
    }
    ScandirIterObject *it = (ScandirIterObject *)AdObject_New(&posix_ScandirIter_Type);
    if (!it) {
        closedir(d);
        posix_path_clear(&p);
        return NULL;
    }
    it->dir = d;
    it->is_bytes = p.is_bytes;
    it->fd = is_fd ? p.fd : -1;
    it->path = NULL;
    if (!is_fd) {
        AdObject *given = p.narrow ? AdOS_FSPath(a[0]) : Ad_NewRef(Ad_None);
        if (!given) {
            Ad_DECREF((AdObject *)it);
            posix_path_clear(&p);
            return NULL;
        }
        it->path = given;
    }
    posix_path_clear(&p);
    return (AdObject *)it;
}

static AdMethodDef dir_methods[] = {
    {"listdir", POSIX_FN(os_listdir), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a list containing the names of the files in the directory."},
    {"scandir", POSIX_FN(os_scandir), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return an iterator of DirEntry objects for given path."},
    {NULL, NULL, 0, NULL},
};

int posix_add_dir(AdObject *m)
{
    if (AdType_Ready(&posix_DirEntry_Type) < 0 || AdType_Ready(&posix_ScandirIter_Type) < 0)
        return -1;
    if (AdModule_AddObjectRef(m, "DirEntry", (AdObject *)&posix_DirEntry_Type) < 0)
        return -1;
    return AdModule_AddFunctions(m, dir_methods);
}
