/* run_module.c: sys.path[0] for each way of running, and the runs that go
 * through the stdlib's runpy: `-m module` (runpy._run_module_as_main with
 * alter_argv, so sys.argv[0] becomes the module's full path) and a
 * directory or zip file holding __main__.py (its path becomes sys.path[0]
 * and runpy runs the module __main__ found there), as CPython's pymain
 * does. runpy reports a missing module itself ("adder: No module named
 * x", "can't find '__main__' module in 'dir'") and exits 1. */
#include "runtime/run.h"
#include "runtime/run_internal.h"
#include "import/import.h"
#include "modules/sys.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static AdObject *fs_str(const char *s)
{
    return AdStr_Decode(s, (Ad_ssize_t)strlen(s), "utf-8", "surrogateescape");
}

int ad_run_insert_path0(const char *path0)
{
    AdObject *path = AdSys_GetObject("path");
    if (!path || !AdList_Check(path))
        return 0;
    AdObject *s = fs_str(path0);
    if (!s)
        return -1;
    int rc = AdList_Insert(path, 0, s);
    Ad_DECREF(s);
    return rc;
}

char *ad_run_absolute_path(const char *path)
{
    if (path[0] == '/')
        return strdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *r = malloc(n);
    if (r)
        snprintf(r, n, "%s/%s", cwd, path);
    return r;
}

char *ad_run_script_path0(const char *filename)
{
    /* The directory of the script with its symlinks followed. */
    char *real = realpath(filename, NULL);
    char *abs = real ? real : ad_run_absolute_path(filename);
    if (!abs)
        return NULL;
    char *slash = strrchr(abs, '/');
    if (slash == abs)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    return abs;
}

int ad_run_is_package_path(const char *filename)
{
    struct stat st;
    if (stat(filename, &st) < 0)
        return 0;
    if (S_ISDIR(st.st_mode))
        return 1;
    if (!S_ISREG(st.st_mode) || st.st_size < 22)
        return 0;
    /* A zip archive: its end-of-central-directory record ("PK\5\6") lies
     * in the last 64 KiB + 22 bytes (data may precede the archive). */
    int fd = open(filename, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    off_t want = st.st_size < 65557 ? st.st_size : 65557;
    unsigned char *buf = malloc((size_t)want);
    int found = 0;
    if (buf && pread(fd, buf, (size_t)want, st.st_size - want) == want) {
        for (off_t i = want - 22; i >= 0 && !found; i--)
            found = buf[i] == 'P' && buf[i + 1] == 'K' && buf[i + 2] == 5 && buf[i + 3] == 6;
    }
    free(buf);
    close(fd);
    return found;
}

/* runpy._run_module_as_main(name, alter_argv). 0, or -1 with an exception. */
static int run_module_as_main(const char *name, int alter_argv)
{
    AdObject *runpy = AdImport_ImportModule("runpy");
    if (!runpy)
        return -1;
    AdObject *fn = AdObject_GetAttrString(runpy, "_run_module_as_main");
    Ad_DECREF(runpy);
    if (!fn)
        return -1;
    AdObject *mod = AdStr_FromString(name);
    AdObject *r = NULL;
    if (mod) {
        AdObject *args[2] = {mod, alter_argv ? Ad_True : Ad_False};
        r = AdObject_Vectorcall(fn, args, 2, NULL);
        Ad_DECREF(mod);
    }
    Ad_DECREF(fn);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

int ad_run_module_main(const char *module)
{
    return run_module_as_main(module, 1);
}

int ad_run_package_main(void)
{
    return run_module_as_main("__main__", 0);
}
