/* posix_spawn.c: posix_spawn and posix_spawnp of the posix module (what
 * subprocess.Popen uses on glibc when nothing needs a fork): argv and env
 * conversion, file_actions (POSIX_SPAWN_OPEN/CLOSE/DUP2/CLOSEFROM),
 * setpgroup, resetids, setsid, setsigmask, setsigdef and scheduler
 * (policy or None, sched_param). */
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"

enum { SPAWN_OPEN, SPAWN_CLOSE, SPAWN_DUP2, SPAWN_CLOSEFROM };

extern char **environ;

/* NULL-terminated char* array of the encoded items of argv (kept in holder). */
static char **spawn_argv(const char *fname, AdObject *seq, AdObject *holder)
{
    if (!AdList_Check(seq) && !AdTuple_Check(seq)) {
        AdErr_Format(AdExc_TypeError, "%s: argv must be a tuple or list", fname);
        return NULL;
    }
    AdObject *list = AdSequence_List(seq);
    if (!list)
        return NULL;
    Ad_ssize_t n = AdList_GET_SIZE(list);
    if (n < 1) {
        Ad_DECREF(list);
        AdErr_Format(AdExc_ValueError, "%s: argv must not be empty", fname);
        return NULL;
    }
    char **arr = calloc((size_t)n + 1, sizeof(char *));
    if (!arr) {
        Ad_DECREF(list);
        AdErr_NoMemory();
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *b = posix_fsencode(AdList_GET_ITEM(list, i));
        if (!b || AdList_Append(holder, b) < 0) {
            Ad_XDECREF(b);
            Ad_DECREF(list);
            free(arr);
            return NULL;
        }
        Ad_DECREF(b);
        arr[i] = AdBytes_AS_STRING(b);
    }
    Ad_DECREF(list);
    return arr;
}

/* "KEY=VALUE" strings of a mapping (kept in holder). */
static char **spawn_env(const char *fname, AdObject *env, AdObject *holder)
{
    AdObject *keys;
    if (AdDict_Check(env)) {
        keys = AdDict_Keys(env);
    } else {
        AdObject *meth = AdObject_GetAttrString(env, "keys");
        if (!meth) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "%s: environment must be a mapping object or None", fname);
            return NULL;
        }
        AdObject *view = AdObject_CallNoArgs(meth);
        Ad_DECREF(meth);
        keys = view ? AdSequence_List(view) : NULL;
        Ad_XDECREF(view);
    }
    if (!keys)
        return NULL;
    Ad_ssize_t n = AdList_GET_SIZE(keys), k = 0;
    char **arr = calloc((size_t)n + 1, sizeof(char *));
    if (!arr) {
        Ad_DECREF(keys);
        AdErr_NoMemory();
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *key = AdList_GET_ITEM(keys, i);
        AdObject *val = AdObject_GetItem(env, key);
        AdObject *kb = val ? posix_fsencode(key) : NULL;
        AdObject *vb = kb ? posix_fsencode(val) : NULL;
        Ad_XDECREF(val);
        AdObject *s = NULL;
        if (vb) {
            const char *ks = AdBytes_AS_STRING(kb);
            if (!ks[0] || strchr(ks + 1, '='))
                AdErr_SetString(AdExc_ValueError, "illegal environment variable name");
            else if ((s = AdBytes_FromStringAndSize(NULL, AdBytes_GET_SIZE(kb) + AdBytes_GET_SIZE(vb) + 1)))
                sprintf(AdBytes_AS_STRING(s), "%s=%s", ks, AdBytes_AS_STRING(vb));
        }
        Ad_XDECREF(kb);
        Ad_XDECREF(vb);
        if (!s || AdList_Append(holder, s) < 0) {
            Ad_XDECREF(s);
            Ad_DECREF(keys);
            free(arr);
            return NULL;
        }
        Ad_DECREF(s);
        arr[k++] = AdBytes_AS_STRING(s);
    }
    Ad_DECREF(keys);
    return arr;
}

static int sigset_arg(AdObject *o, sigset_t *set)
{
    sigemptyset(set);
    AdObject *list = AdSequence_List(o);
    if (!list)
        return -1;
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(list); i++) {
        long long v;
        if (posix_long(AdList_GET_ITEM(list, i), &v) < 0) {
            Ad_DECREF(list);
            return -1;
        }
        if (v < 1 || v >= NSIG) {
            Ad_DECREF(list);
            AdErr_Format(AdExc_ValueError, "signal number %lld out of range [1; %i]", v, NSIG - 1);
            return -1;
        }
        sigaddset(set, (int)v);
    }
    Ad_DECREF(list);
    return 0;
}

/* Adds the file actions of a sequence of tuples; paths kept in holder. */
static int add_file_actions(posix_spawn_file_actions_t *fa, AdObject *seq, AdObject *holder)
{
    AdObject *list = AdSequence_List(seq);
    if (!list) {
        AdErr_Clear();
        AdErr_SetString(AdExc_TypeError, "file_actions must be a sequence or None");
        return -1;
    }
    int rc = -1;
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(list); i++) {
        AdObject *t = AdList_GET_ITEM(list, i);
        if (!AdTuple_Check(t) || AdTuple_GET_SIZE(t) < 1) {
            AdErr_SetString(AdExc_TypeError, "Each file_actions element must be a non-empty tuple");
            goto done;
        }
        Ad_ssize_t n = AdTuple_GET_SIZE(t);
        int tag, err = 0, a, b, flags;
        if (posix_int(AdTuple_GET_ITEM(t, 0), &tag) < 0)
            goto done;
        switch (tag) {
        case SPAWN_OPEN: {
            if (n != 5) {
                AdErr_SetString(AdExc_TypeError, "A open file_action tuple must have 5 elements");
                goto done;
            }
            AdObject *path;
            if (posix_int(AdTuple_GET_ITEM(t, 1), &a) < 0 || !(path = posix_fsencode(AdTuple_GET_ITEM(t, 2))))
                goto done;
            int keep = AdList_Append(holder, path);
            Ad_DECREF(path);
            if (keep < 0 || posix_int(AdTuple_GET_ITEM(t, 3), &flags) < 0 || posix_int(AdTuple_GET_ITEM(t, 4), &b) < 0)
                goto done;
            err = posix_spawn_file_actions_addopen(fa, a, AdBytes_AS_STRING(path), flags, (mode_t)b);
            break;
        }
        case SPAWN_CLOSE:
            if (n != 2) {
                AdErr_SetString(AdExc_TypeError, "A close file_action tuple must have 2 elements");
                goto done;
            }
            if (posix_int(AdTuple_GET_ITEM(t, 1), &a) < 0)
                goto done;
            err = posix_spawn_file_actions_addclose(fa, a);
            break;
        case SPAWN_DUP2:
            if (n != 3) {
                AdErr_SetString(AdExc_TypeError, "A dup2 file_action tuple must have 3 elements");
                goto done;
            }
            if (posix_int(AdTuple_GET_ITEM(t, 1), &a) < 0 || posix_int(AdTuple_GET_ITEM(t, 2), &b) < 0)
                goto done;
            err = posix_spawn_file_actions_adddup2(fa, a, b);
            break;
        case SPAWN_CLOSEFROM:
            if (n != 2) {
                AdErr_SetString(AdExc_TypeError, "A closefrom file_action tuple must have 2 elements");
                goto done;
            }
            if (posix_int(AdTuple_GET_ITEM(t, 1), &a) < 0)
                goto done;
            err = posix_spawn_file_actions_addclosefrom_np(fa, a);
            break;
        default:
            AdErr_SetString(AdExc_TypeError, "Unknown file_actions identifier");
            goto done;
        }
        if (err) {
            errno = err;
            posix_error();
            goto done;
        }
    }
    rc = 0;
done:
    Ad_DECREF(list);
    return rc;
}

static AdObject *spawn_common(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                              int use_path)
{
    static const char *const names[] = {"path", "argv", "env", "file_actions", "setpgroup", "resetids",
                                        "setsid", "setsigmask", "setsigdef", "scheduler"};
    AdObject *a[10];
    if (posix_parse(fname, args, nargs, kwnames, names, 10, 3, 3, a) < 0)
        return NULL;
    posix_path p = POSIX_PATH_INIT(fname, "path", 0, 0);
    AdObject *holder = AdList_New(0);
    AdObject *result = NULL;
    char **argv = NULL, **envp = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    int have_fa = 0, have_attr = 0;
    if (!holder || posix_path_convert(a[0], &p) < 0)
        goto done;
    if (!(argv = spawn_argv(fname, a[1], holder)))
        goto done;
    if (a[2] != Ad_None && !(envp = spawn_env(fname, a[2], holder)))
        goto done;
    if (a[3] && a[3] != Ad_None) {
        posix_spawn_file_actions_init(&fa);
        have_fa = 1;
        if (add_file_actions(&fa, a[3], holder) < 0)
            goto done;
    }
    posix_spawnattr_init(&attr);
    have_attr = 1;
    short flags = 0;
    if (a[4] && a[4] != Ad_None) {
        int pg;
        if (posix_int(a[4], &pg) < 0)
            goto done;
        posix_spawnattr_setpgroup(&attr, pg);
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    int b;
    if ((b = posix_bool(a[5], 0)) < 0)
        goto done;
    if (b)
        flags |= POSIX_SPAWN_RESETIDS;
    if ((b = posix_bool(a[6], 0)) < 0)
        goto done;
    if (b)
        flags |= POSIX_SPAWN_SETSID;
    sigset_t set;
    if (a[7]) {
        if (sigset_arg(a[7], &set) < 0)
            goto done;
        posix_spawnattr_setsigmask(&attr, &set);
        flags |= POSIX_SPAWN_SETSIGMASK;
    }
    if (a[8]) {
        if (sigset_arg(a[8], &set) < 0)
            goto done;
        posix_spawnattr_setsigdefault(&attr, &set);
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (a[9] && a[9] != Ad_None) {
        if (!AdTuple_Check(a[9]) || AdTuple_GET_SIZE(a[9]) != 2) {
            AdErr_SetString(AdExc_TypeError, "A scheduler tuple must have two elements");
            goto done;
        }
        AdObject *policy = AdTuple_GET_ITEM(a[9], 0);
        int prio, pol;
        if (posix_sched_param_priority(AdTuple_GET_ITEM(a[9], 1), &prio) < 0)
            goto done;
        if (policy != Ad_None) {
            if (posix_int(policy, &pol) < 0)
                goto done;
            posix_spawnattr_setschedpolicy(&attr, pol);
            flags |= POSIX_SPAWN_SETSCHEDULER;
        }
        struct sched_param sp = {.sched_priority = prio};
        posix_spawnattr_setschedparam(&attr, &sp);
        flags |= POSIX_SPAWN_SETSCHEDPARAM;
    }
    int err = posix_spawnattr_setflags(&attr, flags);
    if (!err) {
        pid_t pid;
        char **env = envp ? envp : environ;
        err = use_path ? posix_spawnp(&pid, p.narrow, have_fa ? &fa : NULL, &attr, argv, env)
                       : posix_spawn(&pid, p.narrow, have_fa ? &fa : NULL, &attr, argv, env);
        if (!err)
            result = AdInt_FromInt64(pid);
    }
    if (err) {
        errno = err;
        posix_error_path(&p);
    }
done:
    if (have_fa)
        posix_spawn_file_actions_destroy(&fa);
    if (have_attr)
        posix_spawnattr_destroy(&attr);
    free(argv);
    free(envp);
    posix_path_clear(&p);
    Ad_XDECREF(holder);
    return result;
}

static AdObject *os_posix_spawn(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return spawn_common("posix_spawn", args, nargs, kwnames, 0);
}

static AdObject *os_posix_spawnp(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return spawn_common("posix_spawnp", args, nargs, kwnames, 1);
}

static AdMethodDef spawn_methods[] = {
    {"posix_spawn", POSIX_FN(os_posix_spawn), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Execute the program specified by path in a new process."},
    {"posix_spawnp", POSIX_FN(os_posix_spawnp), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Execute the program specified by path in a new process."},
    {NULL, NULL, 0, NULL},
};

int posix_add_spawn(AdObject *m)
{
    if (AdModule_AddIntConstant(m, "POSIX_SPAWN_OPEN", SPAWN_OPEN) < 0 ||
        AdModule_AddIntConstant(m, "POSIX_SPAWN_CLOSE", SPAWN_CLOSE) < 0 ||
        AdModule_AddIntConstant(m, "POSIX_SPAWN_DUP2", SPAWN_DUP2) < 0 ||
        AdModule_AddIntConstant(m, "POSIX_SPAWN_CLOSEFROM", SPAWN_CLOSEFROM) < 0)
        return -1;
    return AdModule_AddFunctions(m, spawn_methods);
}
