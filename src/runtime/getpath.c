/* getpath.c: path configuration, as CPython's getpath does it for Adder's
 * layout. prefix/exec_prefix come from PYTHONHOME ("prefix[:exec_prefix]")
 * or from a search upward from the executable's real path for the
 * standard library's landmark: <dir>/lib/adder3.14/os.py (an installed
 * tree, <prefix>/bin/adder) or <dir>/build/lib/adder3.14/os.py (the build
 * tree, where ./adder runs uninstalled). The module search path is then:
 * PYTHONPATH's entries (relative ones made absolute against the current
 * directory, an empty one meaning the current directory), the zipped
 * library <prefix>/lib/adder314.zip (used when present, listed always, as
 * CPython does), and the library directory. sys.path[0] (script directory,
 * '' or cwd) is the run's business (run.c); site-packages is site's. */
#include "runtime/getpath.h"
#include "runtime/version.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", a, (*a && a[strlen(a) - 1] == '/') ? "" : "/", b);
    return s;
}

static char *dirname_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* "lib/adder3.14" */
static void lib_rel(char *buf, size_t n)
{
    snprintf(buf, n, "lib/adder%d.%d", AD_PY_MAJOR, AD_PY_MINOR);
}

/* Searches upward from dir; sets prefix and stdlib dir on success. */
static int search(const char *start, char **prefix, char **stdlib)
{
    char rel[64], probe[PATH_MAX];
    lib_rel(rel, sizeof rel);
    char *dir = strdup(start);
    while (dir) {
        snprintf(probe, sizeof probe, "%s/%s/os.py", strcmp(dir, "/") ? dir : "", rel);
        if (is_file(probe)) {
            *prefix = dir;
            *stdlib = join(dir, rel);
            return *stdlib ? 1 : -1;
        }
        snprintf(probe, sizeof probe, "%s/build/%s/os.py", strcmp(dir, "/") ? dir : "", rel);
        if (is_file(probe)) {
            char sub[PATH_MAX];
            snprintf(sub, sizeof sub, "build/%s", rel);
            *prefix = dir;
            *stdlib = join(dir, sub);
            return *stdlib ? 1 : -1;
        }
        if (strcmp(dir, "/") == 0)
            break;
        char *up = dirname_of(dir);
        free(dir);
        dir = up;
    }
    free(dir);
    return 0;
}

static int add_entry(AdPathConfig *pc, char *entry)
{
    if (!entry)
        return -1;
    char **v = realloc(pc->module_search_paths, (size_t)(pc->n_paths + 2) * sizeof *v);
    if (!v) {
        free(entry);
        return -1;
    }
    pc->module_search_paths = v;
    v[pc->n_paths++] = entry;
    v[pc->n_paths] = NULL;
    return 0;
}

static int add_pythonpath(AdPathConfig *pc, const char *env)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = '\0';
    const char *p = env;
    for (;;) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        char *entry;
        if (n == 0)
            entry = strdup(cwd);
        else if (p[0] == '/')
            entry = strndup(p, n);
        else {
            char *rel = strndup(p, n);
            entry = rel ? join(cwd, rel) : NULL;
            free(rel);
        }
        if (add_entry(pc, entry) < 0)
            return -1;
        if (!colon)
            return 0;
        p = colon + 1;
    }
}

/* sys.executable as CPython computes it: argv[0] when it has a slash
 * (made absolute against the current directory, symlinks kept), else the
 * first match on PATH, else the running program's real path. */
static char *executable_from_argv0(const char *argv0, const char *real)
{
    if (argv0 && strchr(argv0, '/')) {
        if (argv0[0] == '/')
            return strdup(argv0);
        char cwd[PATH_MAX];
        while (argv0[0] == '.' && argv0[1] == '/')
            argv0 += 2;       /* "./adder" -> "<cwd>/adder", as CPython's abspath */
        if (getcwd(cwd, sizeof cwd))
            return join(cwd, argv0);
    } else if (argv0 && *argv0) {
        const char *path = getenv("PATH");
        while (path && *path) {
            const char *colon = strchr(path, ':');
            size_t n = colon ? (size_t)(colon - path) : strlen(path);
            char cand[PATH_MAX];
            snprintf(cand, sizeof cand, "%.*s/%s", (int)n, path, argv0);
            if (n && access(cand, X_OK) == 0 && is_file(cand))
                return strdup(cand);
            path = colon ? colon + 1 : NULL;
        }
    }
    return strdup(real ? real : "");
}

int Ad_ComputePathConfig(const char *home, const char *pythonpath, const char *argv0, AdPathConfig *pc)
{
    memset(pc, 0, sizeof *pc);
    char *real = realpath("/proc/self/exe", NULL);
    pc->executable = executable_from_argv0(argv0, real);
    if (!pc->executable) {
        free(real);
        return -1;
    }
    char rel[64];
    lib_rel(rel, sizeof rel);
    if (home && *home) {
        const char *colon = strchr(home, ':');
        pc->prefix = colon ? strndup(home, (size_t)(colon - home)) : strdup(home);
        pc->exec_prefix = strdup(colon ? colon + 1 : home);
        pc->stdlib_dir = pc->prefix ? join(pc->prefix, rel) : NULL;
        if (!pc->prefix || !pc->exec_prefix || !pc->stdlib_dir)
            return -1;
        char *landmark = join(pc->stdlib_dir, "os.py");
        if (!landmark)
            return -1;
        pc->stdlib_found = is_file(landmark);
        free(landmark);
        free(real);
    } else {
        char *exe_dir = dirname_of(real ? real : "/usr/local/bin/adder");
        int r = exe_dir ? search(exe_dir, &pc->prefix, &pc->stdlib_dir) : -1;
        if (r < 0) {
            free(exe_dir);
            free(real);
            return -1;
        }
        if (r == 0) {
            /* Not found: the layout an installation would have. */
            pc->prefix = dirname_of(exe_dir);
            pc->stdlib_dir = pc->prefix ? join(pc->prefix, rel) : NULL;
        }
        free(exe_dir);
        free(real);
        pc->stdlib_found = r == 1;
        pc->exec_prefix = pc->prefix ? strdup(pc->prefix) : NULL;
        if (!pc->prefix || !pc->exec_prefix || !pc->stdlib_dir)
            return -1;
    }
    char zipname[64];
    snprintf(zipname, sizeof zipname, "lib/adder%d%d.zip", AD_PY_MAJOR, AD_PY_MINOR);
    if (pythonpath && *pythonpath && add_pythonpath(pc, pythonpath) < 0)
        return -1;
    if (add_entry(pc, join(pc->prefix, zipname)) < 0 || add_entry(pc, strdup(pc->stdlib_dir)) < 0)
        return -1;
    return 0;
}

void Ad_PathConfigClear(AdPathConfig *pc)
{
    free(pc->executable);
    free(pc->prefix);
    free(pc->exec_prefix);
    free(pc->stdlib_dir);
    for (int i = 0; i < pc->n_paths; i++)
        free(pc->module_search_paths[i]);
    free(pc->module_search_paths);
    memset(pc, 0, sizeof *pc);
}
