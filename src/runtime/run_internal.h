/* run_internal.h: what run.c and run_module.c share. */
#ifndef ADDER_RUNTIME_RUN_INTERNAL_H
#define ADDER_RUNTIME_RUN_INTERNAL_H

/* The absolute form of path, symlinks kept (malloc'd; NULL: no memory). */
char *ad_run_absolute_path(const char *path);
/* Inserts path0 at sys.path[0]. 0 or -1 with an exception. */
int ad_run_insert_path0(const char *path0);
/* sys.path[0] for a script: its real directory (malloc'd, NULL: no memory). */
char *ad_run_script_path0(const char *filename);
/* 1 when filename is a directory or a zip archive (run as a package). */
int ad_run_is_package_path(const char *filename);
/* runpy._run_module_as_main(module, True) / ("__main__", False): 0 or -1. */
int ad_run_module_main(const char *module);
int ad_run_package_main(void);

#endif
