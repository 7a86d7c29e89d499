/* getpath.h: the path configuration (getpath.c): executable, prefixes,
 * library directory and the module search path before sys.path[0]. */
#ifndef ADDER_RUNTIME_GETPATH_H
#define ADDER_RUNTIME_GETPATH_H

typedef struct {
    char *executable;            /* real path of the running program ("" if unknown) */
    char *prefix, *exec_prefix;
    char *stdlib_dir;            /* <prefix>/lib/adder3.14, or the build tree's */
    int stdlib_found;            /* its landmark (os.py) exists */
    char **module_search_paths;  /* NULL-terminated: PYTHONPATH entries, zip, stdlib */
    int n_paths;
} AdPathConfig;

/* Computes *pc from PYTHONHOME (home, may be NULL) and PYTHONPATH
 * (pythonpath, may be NULL; the caller passes NULL under -E/-I) and the
 * program's argv[0] (sys.executable is derived from it, as CPython does).
 * 0, or -1 when out of memory. Free with Ad_PathConfigClear. */
int Ad_ComputePathConfig(const char *home, const char *pythonpath, const char *argv0, AdPathConfig *pc);
void Ad_PathConfigClear(AdPathConfig *pc);

#endif
