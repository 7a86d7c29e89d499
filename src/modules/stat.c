/* stat.c: the `_stat` module: the S_IS* tests, S_IMODE, S_IFMT, filemode
 * and the S_*, UF_*, SF_* and FILE_ATTRIBUTE_* constants (stat.py imports
 * them with "from _stat import *"). */
#include <sys/stat.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"

static int get_mode(AdObject *o, mode_t *out)
{
    long long v;
    if (posix_long(o, &v) < 0)
        return -1;
    if (v < 0 || v > 0xFFFFFFFFLL) {
        AdErr_SetString(AdExc_OverflowError, "mode out of range");
        return -1;
    }
    *out = (mode_t)v;
    return 0;
}

#define ISFUNC(name, test)                                                          \
    static AdObject *st_##name(AdObject *m, AdObject *arg)                          \
    {                                                                               \
        (void)m;                                                                    \
        mode_t mode;                                                                \
        if (get_mode(arg, &mode) < 0)                                               \
            return NULL;                                                            \
        return AdBool_FromLong(test);                                               \
    }
ISFUNC(S_ISDIR, S_ISDIR(mode))
ISFUNC(S_ISCHR, S_ISCHR(mode))
ISFUNC(S_ISBLK, S_ISBLK(mode))
ISFUNC(S_ISREG, S_ISREG(mode))
ISFUNC(S_ISFIFO, S_ISFIFO(mode))
ISFUNC(S_ISLNK, S_ISLNK(mode))
ISFUNC(S_ISSOCK, S_ISSOCK(mode))
ISFUNC(S_ISDOOR, mode != mode)
ISFUNC(S_ISPORT, mode != mode)
ISFUNC(S_ISWHT, mode != mode)

static AdObject *st_S_IMODE(AdObject *m, AdObject *arg)
{
    (void)m;
    mode_t mode;
    if (get_mode(arg, &mode) < 0)
        return NULL;
    return AdInt_FromInt64(mode & 07777);
}

static AdObject *st_S_IFMT(AdObject *m, AdObject *arg)
{
    (void)m;
    mode_t mode;
    if (get_mode(arg, &mode) < 0)
        return NULL;
    return AdInt_FromInt64(mode & S_IFMT);
}

static AdObject *st_filemode(AdObject *m, AdObject *arg)
{
    (void)m;
    mode_t mode;
    if (get_mode(arg, &mode) < 0)
        return NULL;
    char b[11];
    switch (mode & S_IFMT) {
    case S_IFREG: b[0] = '-'; break;
    case S_IFDIR: b[0] = 'd'; break;
    case S_IFLNK: b[0] = 'l'; break;
    case S_IFCHR: b[0] = 'c'; break;
    case S_IFBLK: b[0] = 'b'; break;
    case S_IFIFO: b[0] = 'p'; break;
    case S_IFSOCK: b[0] = 's'; break;
    default: b[0] = '?'; break;
    }
    b[1] = mode & S_IRUSR ? 'r' : '-';
    b[2] = mode & S_IWUSR ? 'w' : '-';
    b[3] = mode & S_ISUID ? (mode & S_IXUSR ? 's' : 'S') : (mode & S_IXUSR ? 'x' : '-');
    b[4] = mode & S_IRGRP ? 'r' : '-';
    b[5] = mode & S_IWGRP ? 'w' : '-';
    b[6] = mode & S_ISGID ? (mode & S_IXGRP ? 's' : 'S') : (mode & S_IXGRP ? 'x' : '-');
    b[7] = mode & S_IROTH ? 'r' : '-';
    b[8] = mode & S_IWOTH ? 'w' : '-';
    b[9] = mode & S_ISVTX ? (mode & S_IXOTH ? 't' : 'T') : (mode & S_IXOTH ? 'x' : '-');
    b[10] = 0;
    return AdStr_FromString(b);
}

#define F(name, doc) {#name, POSIX_FN(st_##name), AD_METH_O, doc}
static AdMethodDef stat_methods[] = {
    F(S_ISDIR, "S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory."),
    F(S_ISCHR, "S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file."),
    F(S_ISBLK, "S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file."),
    F(S_ISREG, "S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file."),
    F(S_ISFIFO, "S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe)."),
    F(S_ISLNK, "S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link."),
    F(S_ISSOCK, "S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket."),
    F(S_ISDOOR, "S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door."),
    F(S_ISPORT, "S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port."),
    F(S_ISWHT, "S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout."),
    F(S_IMODE, "Return the portion of the file's mode that can be set by os.chmod()."),
    F(S_IFMT, "Return the portion of the file's mode that describes the file type."),
    F(filemode, "Convert a file's mode to a string of the form '-rwxrwxrwx'"),
    {NULL, NULL, 0, NULL},
};

#define C(n) {#n, n}
static const struct { const char *name; long long value; } stat_constants[] = {
    C(S_IFDIR), C(S_IFCHR), C(S_IFBLK), C(S_IFREG), C(S_IFIFO), C(S_IFLNK), C(S_IFSOCK),
    {"S_IFDOOR", 0}, {"S_IFPORT", 0}, {"S_IFWHT", 0},
    C(S_ISUID), C(S_ISGID), C(S_ISVTX), {"S_ENFMT", S_ISGID},
    C(S_IREAD), C(S_IWRITE), C(S_IEXEC),
    C(S_IRWXU), C(S_IRUSR), C(S_IWUSR), C(S_IXUSR),
    C(S_IRWXG), C(S_IRGRP), C(S_IWGRP), C(S_IXGRP),
    C(S_IRWXO), C(S_IROTH), C(S_IWOTH), C(S_IXOTH),
    {"UF_SETTABLE", 0x0000ffff}, {"UF_NODUMP", 0x00000001}, {"UF_IMMUTABLE", 0x00000002},
    {"UF_APPEND", 0x00000004}, {"UF_OPAQUE", 0x00000008}, {"UF_NOUNLINK", 0x00000010},
    {"UF_COMPRESSED", 0x00000020}, {"UF_TRACKED", 0x00000040}, {"UF_DATAVAULT", 0x00000080},
    {"UF_HIDDEN", 0x00008000},
    {"SF_SETTABLE", 0x3fff0000}, {"SF_ARCHIVED", 0x00010000}, {"SF_IMMUTABLE", 0x00020000},
    {"SF_APPEND", 0x00040000}, {"SF_RESTRICTED", 0x00080000}, {"SF_NOUNLINK", 0x00100000},
    {"SF_SNAPSHOT", 0x00200000}, {"SF_FIRMLINK", 0x00800000}, {"SF_DATALESS", 0x40000000},
    {"SF_SUPPORTED", 0x009f0000}, {"SF_SYNTHETIC", 0xc0000000},
    {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4}, {"ST_GID", 5},
    {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
    {"FILE_ATTRIBUTE_ARCHIVE", 32}, {"FILE_ATTRIBUTE_COMPRESSED", 2048}, {"FILE_ATTRIBUTE_DEVICE", 64},
    {"FILE_ATTRIBUTE_DIRECTORY", 16}, {"FILE_ATTRIBUTE_ENCRYPTED", 16384}, {"FILE_ATTRIBUTE_HIDDEN", 2},
    {"FILE_ATTRIBUTE_INTEGRITY_STREAM", 32768}, {"FILE_ATTRIBUTE_NORMAL", 128},
    {"FILE_ATTRIBUTE_NOT_CONTENT_INDEXED", 8192}, {"FILE_ATTRIBUTE_NO_SCRUB_DATA", 131072},
    {"FILE_ATTRIBUTE_OFFLINE", 4096}, {"FILE_ATTRIBUTE_READONLY", 1}, {"FILE_ATTRIBUTE_REPARSE_POINT", 1024},
    {"FILE_ATTRIBUTE_SPARSE_FILE", 512}, {"FILE_ATTRIBUTE_SYSTEM", 4}, {"FILE_ATTRIBUTE_TEMPORARY", 256},
    {"FILE_ATTRIBUTE_VIRTUAL", 65536},
    {NULL, 0},
};
#undef C

AdObject *AdStat_NewModule(void)
{
    AdObject *m = AdModule_New("_stat");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "S_IFMT_: file type bits\nS_IFDIR: directory\n...") < 0 ||
        AdModule_AddFunctions(m, stat_methods) < 0)
        goto fail;
    for (int i = 0; stat_constants[i].name; i++)
        if (AdModule_AddIntConstant(m, stat_constants[i].name, stat_constants[i].value) < 0)
            goto fail;
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
