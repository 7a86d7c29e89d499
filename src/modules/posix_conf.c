/* posix_conf.c: sysconf, fpathconf/pathconf and confstr with their name
 * tables (sysconf_names, pathconf_names, confstr_names): a name is given
 * as an int or as a string looked up in the table ("unrecognized
 * configuration name" otherwise). */
#include <string.h>
#include <stdlib.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"

typedef struct { const char *name; int value; } conf_name;
#define C(n) {#n, _##n}

static const conf_name pathconf_tab[] = {
    C(PC_ASYNC_IO), C(PC_CHOWN_RESTRICTED), C(PC_FILESIZEBITS), C(PC_LINK_MAX), C(PC_MAX_CANON),
    C(PC_MAX_INPUT), C(PC_NAME_MAX), C(PC_NO_TRUNC), C(PC_PATH_MAX), C(PC_PIPE_BUF), C(PC_PRIO_IO),
    C(PC_SOCK_MAXBUF), C(PC_SYNC_IO), C(PC_VDISABLE), C(PC_REC_INCR_XFER_SIZE), C(PC_REC_MAX_XFER_SIZE),
    C(PC_REC_MIN_XFER_SIZE), C(PC_REC_XFER_ALIGN), C(PC_ALLOC_SIZE_MIN), C(PC_SYMLINK_MAX), C(PC_2_SYMLINKS),
    {NULL, 0},
};

static const conf_name confstr_tab[] = {
    C(CS_PATH), C(CS_GNU_LIBC_VERSION), C(CS_GNU_LIBPTHREAD_VERSION),
    C(CS_POSIX_V6_ILP32_OFF32_CFLAGS), C(CS_POSIX_V6_LP64_OFF64_CFLAGS), C(CS_POSIX_V6_LP64_OFF64_LDFLAGS),
    C(CS_POSIX_V6_LP64_OFF64_LIBS), C(CS_POSIX_V6_WIDTH_RESTRICTED_ENVS),
    {NULL, 0},
};

static const conf_name sysconf_tab[] = {
    C(SC_ARG_MAX), C(SC_CHILD_MAX), C(SC_CLK_TCK), C(SC_NGROUPS_MAX), C(SC_OPEN_MAX), C(SC_STREAM_MAX),
    C(SC_TZNAME_MAX), C(SC_JOB_CONTROL), C(SC_SAVED_IDS), C(SC_REALTIME_SIGNALS), C(SC_PRIORITY_SCHEDULING),
    C(SC_TIMERS), C(SC_ASYNCHRONOUS_IO), C(SC_PRIORITIZED_IO), C(SC_SYNCHRONIZED_IO), C(SC_FSYNC),
    C(SC_MAPPED_FILES), C(SC_MEMLOCK), C(SC_MEMLOCK_RANGE), C(SC_MEMORY_PROTECTION), C(SC_MESSAGE_PASSING),
    C(SC_SEMAPHORES), C(SC_SHARED_MEMORY_OBJECTS), C(SC_AIO_LISTIO_MAX), C(SC_AIO_MAX), C(SC_AIO_PRIO_DELTA_MAX),
    C(SC_DELAYTIMER_MAX), C(SC_MQ_OPEN_MAX), C(SC_MQ_PRIO_MAX), C(SC_VERSION), C(SC_PAGESIZE), C(SC_PAGE_SIZE),
    C(SC_RTSIG_MAX), C(SC_SEM_NSEMS_MAX), C(SC_SEM_VALUE_MAX), C(SC_SIGQUEUE_MAX), C(SC_TIMER_MAX),
    C(SC_BC_BASE_MAX), C(SC_BC_DIM_MAX), C(SC_BC_SCALE_MAX), C(SC_BC_STRING_MAX), C(SC_COLL_WEIGHTS_MAX),
    C(SC_EXPR_NEST_MAX), C(SC_LINE_MAX), C(SC_RE_DUP_MAX), C(SC_2_VERSION), C(SC_2_C_BIND), C(SC_2_C_DEV),
    C(SC_2_FORT_DEV), C(SC_2_FORT_RUN), C(SC_2_SW_DEV), C(SC_2_LOCALEDEF), C(SC_THREADS),
    C(SC_THREAD_SAFE_FUNCTIONS), C(SC_GETGR_R_SIZE_MAX), C(SC_GETPW_R_SIZE_MAX), C(SC_LOGIN_NAME_MAX),
    C(SC_TTY_NAME_MAX), C(SC_THREAD_DESTRUCTOR_ITERATIONS), C(SC_THREAD_KEYS_MAX), C(SC_THREAD_STACK_MIN),
    C(SC_THREAD_THREADS_MAX), C(SC_THREAD_ATTR_STACKADDR), C(SC_THREAD_ATTR_STACKSIZE),
    C(SC_THREAD_PRIORITY_SCHEDULING), C(SC_THREAD_PRIO_INHERIT), C(SC_THREAD_PRIO_PROTECT),
    C(SC_THREAD_PROCESS_SHARED), C(SC_NPROCESSORS_CONF), C(SC_NPROCESSORS_ONLN), C(SC_PHYS_PAGES),
    C(SC_AVPHYS_PAGES), C(SC_ATEXIT_MAX), C(SC_PASS_MAX), C(SC_XOPEN_VERSION), C(SC_XOPEN_UNIX),
    C(SC_XOPEN_CRYPT), C(SC_XOPEN_ENH_I18N), C(SC_XOPEN_SHM), C(SC_2_CHAR_TERM), C(SC_2_UPE),
    C(SC_IOV_MAX), C(SC_HOST_NAME_MAX), C(SC_SYMLOOP_MAX), C(SC_MINSIGSTKSZ),
    {NULL, 0},
};
#undef C

static int conv_name(AdObject *o, const conf_name *tab, int *out)
{
    if (AdInt_Check(o))
        return posix_int(o, out);
    if (!AdStr_Check(o)) {
        AdErr_SetString(AdExc_TypeError, "configuration names must be strings or integers");
        return -1;
    }
    const char *s = AdStr_AsUTF8(o);
    if (!s)
        return -1;
    for (int i = 0; tab[i].name; i++)
        if (!strcmp(tab[i].name, s)) {
            *out = tab[i].value;
            return 0;
        }
    AdErr_SetString(AdExc_ValueError, "unrecognized configuration name");
    return -1;
}

static AdObject *os_sysconf(AdObject *m, AdObject *arg)
{
    (void)m;
    int name;
    if (conv_name(arg, sysconf_tab, &name) < 0)
        return NULL;
    errno = 0;
    long v = sysconf(name);
    if (v == -1 && errno)
        return posix_error();
    return AdInt_FromInt64(v);
}

static AdObject *os_fpathconf(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    int name, fd;
    if (nargs != 2) {
        AdErr_Format(AdExc_TypeError, "fpathconf expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (posix_int(args[0], &fd) < 0 || conv_name(args[1], pathconf_tab, &name) < 0)
        return NULL;
    errno = 0;
    long v = fpathconf(fd, name);
    if (v == -1 && errno)
        return posix_error();
    return AdInt_FromInt64(v);
}

static AdObject *os_pathconf(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path", "name"};
    AdObject *a[2];
    if (posix_parse("pathconf", args, nargs, kwnames, names, 2, 2, 2, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT("pathconf", "path", 0, 1);
    int name;
    if (posix_path_convert(a[0], &p) < 0 || conv_name(a[1], pathconf_tab, &name) < 0) {
        posix_path_clear(&p);
        return NULL;
    }
    errno = 0;
    long v = p.narrow ? pathconf(p.narrow, name) : fpathconf(p.fd, name);
    AdObject *r = v == -1 && errno ? posix_error_path(&p) : AdInt_FromInt64(v);
    posix_path_clear(&p);
    return r;
}

static AdObject *os_confstr(AdObject *m, AdObject *arg)
{
    (void)m;
    int name;
    if (conv_name(arg, confstr_tab, &name) < 0)
        return NULL;
    errno = 0;
    size_t n = confstr(name, NULL, 0);
    if (n == 0) {
        if (errno)
            return posix_error();
        Ad_RETURN_NONE;
    }
    char *buf = malloc(n);
    if (!buf)
        return AdErr_NoMemory();
    confstr(name, buf, n);
    AdObject *r = AdStr_Decode(buf, (Ad_ssize_t)strlen(buf), "utf-8", "surrogateescape");
    free(buf);
    return r;
}

static AdMethodDef conf_methods[] = {
    {"sysconf", POSIX_FN(os_sysconf), AD_METH_O, "Return an integer-valued system configuration variable."},
    {"fpathconf", POSIX_FN(os_fpathconf), AD_METH_FASTCALL, "Return the configuration limit name for the file descriptor fd."},
    {"pathconf", POSIX_FN(os_pathconf), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return the configuration limit name for the file or directory path."},
    {"confstr", POSIX_FN(os_confstr), AD_METH_O, "Return a string-valued system configuration variable."},
    {NULL, NULL, 0, NULL},
};

static int add_table(AdObject *m, const char *attr, const conf_name *tab)
{
    AdObject *d = AdDict_New();
    if (!d)
        return -1;
    for (int i = 0; tab[i].name; i++) {
        AdObject *v = AdInt_FromInt64(tab[i].value);
        int rc = v ? AdDict_SetItemString(d, tab[i].name, v) : -1;
        Ad_XDECREF(v);
        if (rc < 0) {
            Ad_DECREF(d);
            return -1;
        }
    }
    return AdModule_Add(m, attr, d);
}

int posix_add_conf(AdObject *m)
{
    if (add_table(m, "sysconf_names", sysconf_tab) < 0 || add_table(m, "pathconf_names", pathconf_tab) < 0 ||
        add_table(m, "confstr_names", confstr_tab) < 0)
        return -1;
    return AdModule_AddFunctions(m, conf_methods);
}
