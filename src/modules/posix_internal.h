/* posix_internal.h: what the posix_*.c files share: path argument
 * conversion (str/bytes/os.PathLike/fd, filesystem encoding), keyword
 * argument parsing, fd and integer converters and error raising. */
#ifndef ADDER_MODULES_POSIX_INTERNAL_H
#define ADDER_MODULES_POSIX_INTERNAL_H
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include "objects/objects.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/dict.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/module.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#define POSIX_FN(f) ((void (*)(void))(f))

typedef struct {
    const char *function;       /* for messages: "stat" */
    const char *argname;        /* "path", "src", "dst" */
    int nullable;               /* None allowed (path is then NULL) */
    int allow_fd;               /* an int is an fd */
    /* results */
    const char *narrow;         /* the encoded path, or NULL (None / fd) */
    int fd;                     /* the fd, or -1 */
    int is_bytes;               /* the argument was bytes (results are bytes) */
    AdObject *object;           /* the argument as given (owned), for errors */
    AdObject *cleanup;          /* the encoded bytes (owned) */
} posix_path;

#define POSIX_PATH_INIT(fn, arg, nul, fd) {fn, arg, nul, fd, NULL, -1, 0, NULL, NULL}

/* Converts o (NULL: missing, treated as None). 0 or -1. */
int posix_path_convert(AdObject *o, posix_path *p);
void posix_path_clear(posix_path *p);
/* PyUnicode_FSConverter's counterpart: str (filesystem-encoded), bytes or
 * os.PathLike to a new bytes object; "embedded null byte" ValueError. */
AdObject *posix_fsencode(AdObject *o);

/* Keyword parsing: names[0..n), the first npos may be given positionally
 * (the rest are keyword-only), the first nreq are required. Missing
 * optional slots are NULL. 0 or -1. */
int posix_parse(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                const char *const *names, int n, int npos, int nreq, AdObject **out);

int posix_int(AdObject *o, int *out);           /* index -> C int */
int posix_long(AdObject *o, long long *out);    /* index -> long long */
int posix_fd(AdObject *o, int *out);            /* int fd (>=0 not checked) */
int posix_dir_fd(AdObject *o, int *out);        /* None -> AT_FDCWD */
int posix_bool(AdObject *o, int dflt);
int posix_id_arg(AdObject *o, long long *v, const char *what); /* uid/gid, -1 allowed */          /* truth of o, dflt when NULL; -1 error */

/* Raise OSError from errno, with filename objects (may be NULL). */
AdObject *posix_error(void);
AdObject *posix_error_path(posix_path *p);
AdObject *posix_error_path2(posix_path *a, posix_path *b);

/* The decoded name for results: str (fs decoding) or bytes. */
AdObject *posix_decode(const char *s, Ad_ssize_t n, int as_bytes);

/* Pieces of the module (each adds its functions/constants to m). */
int posix_add_fs(AdObject *m);
int posix_add_stat(AdObject *m);
int posix_add_dir(AdObject *m);
int posix_add_proc(AdObject *m);
int posix_add_misc(AdObject *m);
int posix_add_conf(AdObject *m);
int posix_add_io(AdObject *m);
int posix_add_fork(AdObject *m);
int posix_add_spawn(AdObject *m);
int posix_add_extra(AdObject *m);
int posix_add_pathfuncs(AdObject *m);
/* A posix.sched_param's priority (TypeError "must have a sched_param
 * object" for anything else). 0 or -1. */
int posix_sched_param_priority(AdObject *o, int *prio);

/* The register_at_fork hooks, for every place that forks and may run
 * Python code afterwards (os.fork, _posixsubprocess with preexec_fn). */
void posix_before_fork(void);
void posix_after_fork_child(void);
void posix_after_fork_parent(void);

/* stat_result from a struct stat (new ref). */
AdObject *posix_stat_result(const struct stat *st);
int posix_fd_conflicts(const char *fname, posix_path *p, int dir_fd, int follow);
AdObject *posix_do_stat(const char *fname, posix_path *p, int dir_fd, int follow);
extern AdTypeObject posix_DirEntry_Type, posix_ScandirIter_Type;
#endif
