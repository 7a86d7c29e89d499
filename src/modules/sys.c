/* sys.c: creating the sys module of an interpreter from its configuration
 * (ad_sys_init), the accessors other rooms use (AdSys_GetObject,
 * AdSys_SetObject), flushing the standard streams at finalization, and
 * sys's per-interpreter state. The functions are in sys_funcs.c, the
 * struct sequences and constant facts in sys_info.c. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/import.h"
#include "modules/sys_internal.h"
#include "modules/io.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/lifecycle.h"
#include "runtime/version.h"
#include "vm/ceval.h"

AdObject *(*AdSys_GetFrameHook)(int depth);
AdObject *(*AdSys_GetFrameModuleNameHook)(int depth);
int (*AdSys_TraceChangedHook)(int profile, AdObject *func);
int (*AdSys_RecursionDepthHook)(void);
int (*AdSys_PrintExceptionHook)(AdObject *exc, AdObject *file);

static const char sys_doc[] =
    "This module provides access to some objects used or maintained by the\n"
    "interpreter and to functions that interact strongly with the interpreter.";

static const char copyright_text[] =
    "Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\n"
    "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
    "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n"
    "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

static AdInterp *current_interp(void)
{
    AdThread *t = Ad_CurrentThread();
    return t ? t->interp : Ad_MainInterp();
}

SysState *modules_sys_state(void)
{
    AdInterp *interp = current_interp();
    return interp ? (SysState *)interp->sys_state : NULL;
}

AdObject *AdSys_GetObject(const char *name)
{
    AdInterp *interp = current_interp();
    if (!interp || !interp->sysdict)
        return NULL;
    return AdDict_GetItemString(interp->sysdict, name);
}

int AdSys_SetObject(const char *name, AdObject *v)
{
    AdInterp *interp = current_interp();
    if (!interp || !interp->sysdict) {
        AdErr_SetString(AdExc_RuntimeError, "lost sys module");
        return -1;
    }
    if (v)
        return AdDict_SetItemString(interp->sysdict, name, v);
    if (AdDict_GetItemString(interp->sysdict, name) == NULL)
        return 0;
    return AdDict_DelItemString(interp->sysdict, name);
}

static AdObject *list_from(const AdStrList *l)
{
    AdObject *list = AdList_New(0);
    for (Ad_ssize_t i = 0; list && i < (Ad_ssize_t)l->len; i++) {
        AdObject *s = AdStr_Decode(l->items[i], (Ad_ssize_t)strlen(l->items[i]), "utf-8", "surrogateescape");
        if (!s || AdList_Append(list, s) < 0)
            AD_CLEAR(list);
        Ad_XDECREF(s);
    }
    return list;
}

static AdObject *str_or_none(const char *s)
{
    return s ? AdStr_Decode(s, (Ad_ssize_t)strlen(s), "utf-8", "surrogateescape") : Ad_NewRef(Ad_None);
}

static AdObject *make_xoptions(const AdConfig *c)
{
    AdObject *d = AdDict_New();
    for (size_t i = 0; d && i < c->xoptions.len; i++) {
        const char *opt = c->xoptions.items[i];
        const char *eq = strchr(opt, '=');
        AdObject *k = AdStr_Decode(opt, eq ? eq - opt : (Ad_ssize_t)strlen(opt), "utf-8", "surrogateescape");
        AdObject *v = eq ? AdStr_Decode(eq + 1, (Ad_ssize_t)strlen(eq + 1), "utf-8", "surrogateescape")
                         : Ad_NewRef(Ad_True);
        if (!k || !v || AdDict_SetItem(d, k, v) < 0)
            AD_CLEAR(d);
        Ad_XDECREF(k);
        Ad_XDECREF(v);
    }
    return d;
}

/* sys.path before sys.path[0]: the path configuration's search path. */
static AdObject *make_path(const AdPathConfig *pc)
{
    AdObject *list = AdList_New(0);
    for (int i = 0; list && i < pc->n_paths; i++) {
        const char *e = pc->module_search_paths[i];
        AdObject *s = AdStr_Decode(e, (Ad_ssize_t)strlen(e), "utf-8", "surrogateescape");
        if (!s || AdList_Append(list, s) < 0)
            AD_CLEAR(list);
        Ad_XDECREF(s);
    }
    return list;
}

/* d[name] = v, stealing v (NULL v: failure passed on). */
static int put(AdObject *d, const char *name, AdObject *v)
{
    if (!v)
        return -1;
    int rc = AdDict_SetItemString(d, name, v);
    Ad_DECREF(v);
    return rc;
}

static int add_std_streams(AdObject *d, const AdConfig *c)
{
    static const char *const names[3][2] = {{"stdin", "__stdin__"}, {"stdout", "__stdout__"},
                                            {"stderr", "__stderr__"}};
    for (int fd = 0; fd < 3; fd++) {
        AdObject *s;
        /* A closed descriptor gives None, as in CPython. */
        if (fcntl(fd, F_GETFD) != -1)
            s = AdIO_CreateStdStream(fd, c);
        else
            s = Ad_NewRef(Ad_None);
        if (!s)
            return -1;
        if (AdDict_SetItemString(d, names[fd][0], s) < 0 || AdDict_SetItemString(d, names[fd][1], s) < 0) {
            Ad_DECREF(s);
            return -1;
        }
        Ad_DECREF(s);
    }
    return 0;
}

static int fill_sys(AdObject *m, AdObject *d, const AdConfig *c)
{
    AdInterp *interp = ad_current_thread->interp;
    if (!interp->path_config.executable &&
        Ad_ComputePathConfig(c->home, c->pythonpath_env, c->program_name, &interp->path_config) < 0) {
        AdErr_NoMemory();
        return -1;
    }
    const AdPathConfig *pc = &interp->path_config;
    const char *exe = pc->executable, *prefix = pc->prefix, *exec_prefix = pc->exec_prefix;
    const char *stdlib = pc->stdlib_dir;
    int rc = -1;
    AdObject *argv = list_from(&c->argv);
    if (argv && AdList_GET_SIZE(argv) == 0) {
        AdObject *empty = AdStr_FromString("");
        if (!empty || AdList_Append(argv, empty) < 0)
            AD_CLEAR(argv);
        Ad_XDECREF(empty);
    }
    const char *const *builtin_modules = AdImport_BuiltinNames();
    Ad_ssize_t n_builtin = 0;
    while (builtin_modules[n_builtin])
        n_builtin++;
    /* Sorted, as CPython's tuple is. */
    AdObject *name_list = AdList_New(0);
    for (Ad_ssize_t i = 0; name_list && i < n_builtin; i++) {
        AdObject *s = AdStr_InternFromString(builtin_modules[i]);
        if (!s || AdList_Append(name_list, s) < 0)
            AD_CLEAR(name_list);
        Ad_XDECREF(s);
    }
    if (name_list && AdList_Sort(name_list) < 0)
        AD_CLEAR(name_list);
    AdObject *builtin_names = name_list ? AdList_AsTuple(name_list) : NULL;
    Ad_XDECREF(name_list);
    AdObject *git = AdTuple_New(3);
    if (git) {
        AdTuple_SET_ITEM(git, 0, AdStr_FromString("adder"));
        AdTuple_SET_ITEM(git, 1, AdStr_FromString(""));
        AdTuple_SET_ITEM(git, 2, AdStr_FromString(""));
        if (!AdTuple_GET_ITEM(git, 0) || !AdTuple_GET_ITEM(git, 1) || !AdTuple_GET_ITEM(git, 2))
            AD_CLEAR(git);
    }
    AdObject *modules = AdDict_New();
    if (modules && AdDict_SetItemString(modules, "sys", m) < 0)
        AD_CLEAR(modules);
    uint16_t probe = 1;
    if (put(d, "modules", modules) < 0 || put(d, "argv", argv) < 0 ||
        put(d, "orig_argv", list_from(&c->orig_argv)) < 0 ||
        put(d, "warnoptions", list_from(&c->warnoptions)) < 0 || put(d, "_xoptions", make_xoptions(c)) < 0 ||
        put(d, "flags", modules_sys_make_flags(c)) < 0 ||
        put(d, "version", AdStr_FromString(Ad_GetVersion())) < 0 ||
        put(d, "version_info", modules_sys_make_version_info()) < 0 ||
        put(d, "hexversion", AdInt_FromInt64(AD_PY_HEXVERSION)) < 0 ||
        put(d, "api_version", AdInt_FromInt64(1013)) < 0 ||
        put(d, "implementation", modules_sys_make_implementation()) < 0 ||
        put(d, "float_info", modules_sys_make_float_info()) < 0 ||
        put(d, "int_info", modules_sys_make_int_info()) < 0 ||
        put(d, "hash_info", modules_sys_make_hash_info()) < 0 ||
        put(d, "thread_info", modules_sys_make_thread_info()) < 0 ||
        put(d, "float_repr_style", AdStr_FromString("short")) < 0 ||
        put(d, "platform", AdStr_FromString("linux")) < 0 ||
        put(d, "byteorder", AdStr_FromString(*(uint8_t *)&probe ? "little" : "big")) < 0 ||
        put(d, "maxsize", AdInt_FromInt64(INT64_MAX)) < 0 ||
        put(d, "maxunicode", AdInt_FromInt64(0x10FFFF)) < 0 ||
        put(d, "abiflags", AdStr_FromString("")) < 0 ||
        put(d, "copyright", AdStr_FromString(copyright_text)) < 0 ||
        put(d, "_git", git) < 0 ||
        put(d, "_framework", AdStr_FromString("")) < 0 ||
        put(d, "executable", str_or_none(exe)) < 0 ||
        put(d, "_base_executable", str_or_none(exe)) < 0 ||
        put(d, "prefix", str_or_none(prefix)) < 0 ||
        put(d, "base_prefix", str_or_none(prefix)) < 0 ||
        put(d, "exec_prefix", str_or_none(exec_prefix)) < 0 ||
        put(d, "base_exec_prefix", str_or_none(exec_prefix)) < 0 ||
        put(d, "platlibdir", str_or_none(c->platlibdir ? c->platlibdir : "lib")) < 0 ||
        put(d, "pycache_prefix", str_or_none(c->pycache_prefix)) < 0 ||
        put(d, "_stdlib_dir", str_or_none(stdlib)) < 0 ||
        put(d, "path", make_path(pc)) < 0 ||
        put(d, "dont_write_bytecode", Ad_NewRef(AdBool_FromLong(!c->write_bytecode))) < 0 ||
        put(d, "builtin_module_names", builtin_names) < 0 ||
        put(d, "stdlib_module_names", modules_sys_stdlib_module_names()) < 0)
        goto done;
    if (AdModule_AddFunctions(m, modules_sys_methods) < 0)
        goto done;
    /* The __xxxhook__ originals. */
    static const char *const hooks[][2] = {
        {"displayhook", "__displayhook__"}, {"excepthook", "__excepthook__"},
        {"breakpointhook", "__breakpointhook__"}, {"unraisablehook", "__unraisablehook__"},
    };
    for (size_t i = 0; i < sizeof hooks / sizeof *hooks; i++) {
        AdObject *f = AdDict_GetItemString(d, hooks[i][0]);
        if (!f || AdDict_SetItemString(d, hooks[i][1], f) < 0)
            goto done;
    }
    if (add_std_streams(d, c) < 0)
        goto done;
    rc = 0;
done:
    return rc;
}

/* What the evaluation loop's INTRINSIC_PRINT (an expression statement
 * compiled in 'single' mode) calls: sys.displayhook(value). */
static int sys_call_displayhook(AdObject *value)
{
    AdObject *hook = AdSys_GetObject("displayhook");
    if (!hook || hook == Ad_None) {
        AdErr_SetString(AdExc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    Ad_INCREF(hook);
    AdObject *r = AdObject_CallOneArg(hook, value);
    Ad_DECREF(hook);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

/* sys._getframe(depth): the frame object depth calls up (new ref). */
static AdObject *sys_frame_at(int depth)
{
    AdObject *f = AdEval_GetFrameAt(depth);
    if (!f) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    return Ad_NewRef(f);
}

int ad_sys_init(AdInterp *interp)
{
    if (modules_sys_init_types() < 0 || AdIO_Init() < 0)
        return -1;
    if (!AdEval_DisplayHook)
        AdEval_DisplayHook = sys_call_displayhook;
    AdErr_UnraisableHook = AdSys_WriteUnraisable;
    if (!AdSys_GetFrameHook)
        AdSys_GetFrameHook = sys_frame_at;
    if (!interp->sys_state) {
        SysState *st = calloc(1, sizeof *st);
        if (!st) {
            AdErr_NoMemory();
            return -1;
        }
        st->switch_interval = 0.005;
        st->dlopen_flags = 2; /* RTLD_NOW */
        interp->sys_state = st;
    }
    AdObject *m = AdModule_New("sys");
    if (!m)
        return -1;
    AdObject *d = AdModule_GetDict(m);
    if (AdModule_SetDocString(m, sys_doc) < 0 || fill_sys(m, d, &interp->config) < 0) {
        Ad_DECREF(m);
        return -1;
    }
    AD_XSETREF(interp->sysdict, Ad_NewRef(d));
    Ad_DECREF(m);   /* sys.modules['sys'] keeps it */
    return 0;
}

static int flush_one(AdObject *d, const char *name)
{
    AdObject *s = AdDict_GetItemString(d, name);
    if (!s || s == Ad_None)
        return 0;
    /* A closed stream is not an error at exit. */
    AdObject *closed = AdObject_GetAttrString(s, "closed");
    int is_closed = closed ? AdObject_IsTrue(closed) : -1;
    Ad_XDECREF(closed);
    if (is_closed > 0)
        return 0;
    if (is_closed < 0)
        AdErr_Clear();
    if (AdIO_Flush(s) < 0) {
        AdErr_Clear();
        return -1;
    }
    return 0;
}

int AdSys_FlushStdStreams(AdInterp *interp)
{
    if (!interp || !interp->sysdict)
        return 0;
    AdObject *exc = AdErr_GetRaisedException();
    int rc = flush_one(interp->sysdict, "stdout");
    flush_one(interp->sysdict, "stderr");
    AdErr_SetRaisedException(exc);
    return rc;
}

void ad_sys_fini(AdInterp *interp)
{
    if (!interp)
        return;
    AdSys_FlushStdStreams(interp);
    SysState *st = interp->sys_state;
    if (st) {
        Ad_XDECREF(st->audit_hooks);
        Ad_XDECREF(st->trace_func);
        Ad_XDECREF(st->profile_func);
        Ad_XDECREF(st->asyncgen_firstiter);
        Ad_XDECREF(st->asyncgen_finalizer);
        free(st);
        interp->sys_state = NULL;
    }
    if (interp->sysdict) {
        AdObject *d = interp->sysdict;
        interp->sysdict = NULL;
        /* sys.modules holds sys itself: break that cycle. */
        AdObject *mods = AdDict_GetItemString(d, "modules");
        if (mods && AdDict_Check(mods))
            AdDict_Clear(mods);
        AdDict_Clear(d);
        Ad_DECREF(d);
    }
    AdIO_Fini();
}
