/* lifecycle.c: the start-up state machine and the ordered shutdown (see
 * lifecycle.h). The stages only ever move forward: preinit -> core ->
 * main; Ad_FinalizeEx returns the runtime to its initial state. */
#include "runtime/lifecycle.h"
#include "modules/warnings.h"
#include "import/import.h"
#include "runtime/config_internal.h"
#include "runtime/signals.h"
#include "runtime/gil.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/objects.h"
#include "objects/int.h"
#include "numeric/hash.h"
#include "modules/codecs.h"
#include "modules/sys.h"
#include "modules/builtins.h"
#include "objects/dict.h"
#include "objects/weakref.h"
#include "objects/tuple.h"
#include "objects/str.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/list.h"
#include "objects/errors.h"
#include "objects/range.h"
#include "objects/typeobject.h"
#include "objects/traceback_print.h"
#include "vm/ceval.h"

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HOOKS_PER_STEP 16

_Thread_local AdThread *ad_current_thread;
static AdStrList pending_cmd_warnoptions;

/* Hooks are registered by rooms at build-in time, not per interpreter:
 * they are code, not state, so they live outside AdRuntime. */
static struct {
    int (*fns[MAX_HOOKS_PER_STEP])(AdInterp *);
    int count;
} fini_hooks[AD_FINI_NSTEPS + 1];

static const char *const step_names[AD_FINI_NSTEPS + 1] = {
    [AD_FINI_ATEXIT] = "atexit callbacks",
    [AD_FINI_PENDING_CALLS] = "pending calls",
    [AD_FINI_GC] = "gc collect",
    [AD_FINI_MODULES] = "module teardown",
    [AD_FINI_GC_AGAIN] = "gc collect again",
    [AD_FINI_FLUSH] = "flush stdout and stderr",
    [AD_FINI_THREADS] = "clear thread states and C atexit callbacks",
    [AD_FINI_ALLOCATOR] = "allocator shutdown",
};

const char *Ad_FiniStepName(AdFiniStep step)
{
    return (step >= 1 && step <= AD_FINI_NSTEPS) ? step_names[step] : "?";
}

int Ad_RegisterFiniHook(AdFiniStep step, int (*fn)(AdInterp *interp))
{
    if (step < 1 || step > AD_FINI_NSTEPS)
        return -1;
    for (int i = 0; i < fini_hooks[step].count; i++)
        if (fini_hooks[step].fns[i] == fn)
            return 0;           /* already registered (a module imported again) */
    if (fini_hooks[step].count >= MAX_HOOKS_PER_STEP)
        return -1;
    fini_hooks[step].fns[fini_hooks[step].count++] = fn;
    return 0;
}

void ad_lifecycle_trace(const char *what)
{
    if (ad_runtime.trace_lifecycle) {
        fprintf(stderr, "lifecycle: %s\n", what);
        fflush(stderr);
    }
}

AdInterp *Ad_MainInterp(void) { return ad_runtime.interpreters.main; }
AdThread *Ad_CurrentThread(void) { return ad_current_thread; }

/* ---- stage 1: preinitialization --------------------------------------- */

/* The locale decides UTF-8 mode when nothing else did (PEP 540: the C and
 * POSIX locales turn it on). */
static void preinit_locale(AdConfig *config)
{
    const char *loc = setlocale(LC_CTYPE, "");
    if (!loc)
        loc = setlocale(LC_CTYPE, NULL);
    if (config->utf8_mode < 0)
        config->utf8_mode = (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0) ? 1 : 0;
}

AdStatus Ad_PreInitializeFromArgs(AdConfig *config, int argc, char *const *argv,
                                  char *const *envp)
{
    if (ad_runtime.preinitialized || ad_runtime.preinitializing)
        return AdStatus_Error("the runtime is already preinitialized");
    ad_runtime.preinitializing = 1;
    AdStrList_Clear(&pending_cmd_warnoptions);
    AdStatus st = ad_config_read_pre(config, &pending_cmd_warnoptions, argc, argv, envp);
    if (AdStatus_Exception(st))
        return st;
    preinit_locale(config);
    ad_runtime.preinitializing = 0;
    ad_runtime.preinitialized = 1;
    ad_lifecycle_trace("preinit");
    return AdStatus_Ok();
}

AdStatus Ad_ReadConfigRest(AdConfig *config, char *const *envp)
{
    if (!ad_runtime.preinitialized)
        return AdStatus_Error("the runtime is not preinitialized");
    if (ad_runtime.core_initialized)
        return AdStatus_Error("the configuration is read before core initialization");
    AdStatus st = ad_config_read_rest(config, &pending_cmd_warnoptions, envp);
    AdStrList_Clear(&pending_cmd_warnoptions);
    return st;
}

/* ---- stage 2: core ------------------------------------------------------ */

AdStatus Ad_InitializeCore(const AdConfig *config)
{
    if (!ad_runtime.preinitialized)
        return AdStatus_Error("core initialization before preinitialization");
    if (ad_runtime.core_initialized)
        return AdStatus_Error("the core is already initialized");
    if (AdConfig_Copy(&ad_runtime.config, config) < 0)
        return AdStatus_NoMemory();
    AdInterp *interp;
    AdStatus st = Ad_InterpNew(&ad_runtime, config, &interp);
    if (AdStatus_Exception(st))
        return st;
    AdThread *main_thread = Ad_ThreadNew(interp);
    if (!main_thread) {
        st = AdStatus_NoMemory();
        goto fail;
    }
    interp->main_thread = main_thread;
    ad_thread_attach(main_thread);     /* takes the GIL, sets ad_current_thread */
    ad_runtime.signals.main_breaker = &main_thread->eval_breaker;
    /* The hash secret comes first: readying the types hashes their names. */
    if (config->use_hash_seed)
        AdHash_InitSecretFromSeed((uint32_t)config->hash_seed);
    else if (AdHash_InitSecret(NULL) < 0) {
        st = AdStatus_Error("failed to get random numbers to initialize Python");
        goto fail;
    }
    if (ad_objects_init() < 0) {
        st = AdStatus_Error("can't initialize the object model");
        goto fail;
    }
    ad_int_set_max_str_digits(config->int_max_str_digits);
    ad_runtime.core_initialized = 1;
    ad_lifecycle_trace("core");
    return AdStatus_Ok();
fail:
    ad_runtime.signals.main_breaker = NULL;
    Ad_InterpDelete(interp);        /* also frees the thread state */
    ad_current_thread = NULL;
    return st;
}

/* ---- stage 3: main ------------------------------------------------------ */

static void init_stdio_buffering(const AdConfig *config)
{
    if (!config->buffered_stdio) {
        setvbuf(stdout, NULL, _IONBF, 0);
        setvbuf(stderr, NULL, _IONBF, 0);
    }
}

/* No standard library behind the prefix: start-up cannot go on (CPython
 * fails the same way when it cannot import encodings); the message names
 * the prefix and the library directory tried. */
_Noreturn static void stdlib_missing(AdInterp *interp)
{
    fflush(stdout);
    fprintf(stderr, "Could not find platform independent libraries <prefix>: no %s/os.py under prefix '%s'%s\n",
            interp->path_config.stdlib_dir, interp->path_config.prefix,
            interp->config.home && *interp->config.home ? " (PYTHONHOME)" : "");
    fprintf(stderr, "Fatal Python error: Failed to import encodings module\n"
                    "Python runtime state: core initialized\n"
                    "ModuleNotFoundError: No module named 'encodings'\n\n"
                    "Current thread 0x%016lx (most recent call first):\n  <no Python frame>\n",
            (unsigned long)pthread_self());
    exit(1);
}

/* import site (the stdlib's site.py, frozen): an error in it is printed
 * with its traceback and start-up fails, as CPython's init_import_site. */
static int import_site(void)
{
    AdObject *m = AdImport_ImportModule("site");
    if (m) {
        Ad_DECREF(m);
        return 0;
    }
    AdObject *exc = AdErr_GetRaisedException();
    if (exc) {
        AdSys_DisplayException(exc, NULL);
        Ad_DECREF(exc);
    }
    AdErr_Clear();
    return -1;
}

AdStatus Ad_InitializeMain(void)
{
    if (!ad_runtime.core_initialized)
        return AdStatus_Error("main initialization before core initialization");
    if (ad_runtime.initialized)
        return AdStatus_Error("the runtime is already initialized");
    if (ad_signals_install(&ad_runtime) < 0)
        return AdStatus_Error("can't install signal handlers");
    init_stdio_buffering(&ad_runtime.config);
    AdInterp *interp = ad_runtime.interpreters.main;
    AdWarnings_InstallHook();
    AdImport_InstallErrorHooks();
    if (ad_sys_init(interp) < 0)
        return AdStatus_Error("can't initialize sys module");
    if (ad_vm_init() < 0)
        return AdStatus_Error("can't initialize the evaluation loop");
    interp->builtins = AdBuiltins_NewModule(ad_runtime.config.optimization_level);
    if (!interp->builtins)
        return AdStatus_Error("can't initialize builtins module");
    AdEval_SetDefaultBuiltins(AdModule_GetDict(interp->builtins));
    AdObject *modules = AdSys_GetObject("modules");
    if (!modules || AdDict_SetItemString(modules, "builtins", interp->builtins) < 0)
        return AdStatus_Error("can't register builtins module");
    AdSys_PrintExceptionHook = AdTraceback_ExceptHook;
    AdCodec_Init();
    if (!interp->path_config.stdlib_found)
        stdlib_missing(interp);
    AdType_EnableMethodCache(1);
    ad_runtime.initialized = 1;
    if (interp->config.site_import && import_site() < 0)
        return AdStatus_Error("Failed to import the site module");
    ad_lifecycle_trace("main");
    return AdStatus_Ok();
}

AdStatus Ad_InitializeFromConfig(const AdConfig *config)
{
    AdStatus st = Ad_InitializeCore(config);
    if (AdStatus_Exception(st))
        return st;
    return Ad_InitializeMain();
}

/* ---- finalization ------------------------------------------------------- */

static void run_hooks(AdFiniStep step, AdInterp *interp)
{
    if (ad_runtime.trace_lifecycle) {
        char line[96];
        snprintf(line, sizeof line, "finalize step %d: %s", (int)step, Ad_FiniStepName(step));
        ad_lifecycle_trace(line);
    }
    for (int i = 0; i < fini_hooks[step].count; i++)
        fini_hooks[step].fns[i](interp);
}

static void call_interp_atexit(AdInterp *interp)
{
    /* Last registered runs first; a callback may register more. */
    while (interp->atexit.count > 0) {
        interp->atexit.count--;
        interp->atexit.calls[interp->atexit.count].func(
            interp, interp->atexit.calls[interp->atexit.count].arg);
    }
}

/* A module's dict at teardown, as CPython clears it: every value but
 * __builtins__ becomes None (names with one leading underscore first), so
 * code that still runs (__del__, weakref callbacks) finds None rather than
 * a missing global, and what only the module held is freed. */
static void clear_module_dict(AdObject *d)
{
    AdObject *keys = AdDict_Keys(d);
    if (!keys) {
        AdErr_Clear();
        return;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(keys); i++) {
            AdObject *k = AdList_GET_ITEM(keys, i);
            if (!AdStr_Check(k) || AdStr_EqualToASCII(k, "__builtins__"))
                continue;
            int single = AdStr_LENGTH(k) >= 1 && AdStr_READ_CHAR(k, 0) == '_' &&
                         (AdStr_LENGTH(k) < 2 || AdStr_READ_CHAR(k, 1) != '_');
            if (pass == 0 && !single)
                continue;
            if (AdDict_SetItem(d, k, Ad_None) < 0)
                AdErr_Clear();
        }
    }
    Ad_DECREF(keys);
}

/* What CPython's finalize_modules sets to None first: the import
 * machinery's lists and caches and the last exception, so that the
 * importer classes (held only there) become garbage for the collector. */
static void delete_special_sys(AdInterp *interp)
{
    static const char *const names[] = {"meta_path", "path_hooks", "path_importer_cache", "path", "argv",
                                        "ps1", "ps2", "last_exc", "last_type", "last_value",
                                        "last_traceback"};
    AdObject *d = interp->sysdict;
    if (!d)
        return;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (AdDict_GetItemString(d, names[i]) && AdDict_SetItemString(d, names[i], Ad_None) < 0)
            AdErr_Clear();
    if (interp->builtins) {
        AdObject *bd = AdModule_GetDict(interp->builtins);
        if (AdDict_GetItemString(bd, "_") && AdDict_SetItemString(bd, "_", Ad_None) < 0)
            AdErr_Clear();
    }
}

/* Step 4, as CPython's finalize_modules: every module but sys and builtins
 * leaves sys.modules (only weak references are kept) and the collector
 * runs, so that modules freed with their cycles see their globals intact
 * in __del__; the modules still alive then get their dicts cleared in
 * reverse import order (None first, see clear_module_dict). */
static void teardown_modules(AdInterp *interp)
{
    AdObject *modules = AdSys_GetObject("modules");
    AdObject *mods = modules && AdDict_Check(modules) ? AdDict_Items(modules) : NULL;
    AdObject *weak = AdList_New(0);
    if (!mods || !weak) {
        Ad_XDECREF(mods);
        Ad_XDECREF(weak);
        AdErr_Clear();
        return;
    }
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(mods); i++) {
        AdObject *item = AdList_GET_ITEM(mods, i);
        AdObject *name = AdTuple_GET_ITEM(item, 0), *m = AdTuple_GET_ITEM(item, 1);
        if (AdModule_Check(m) && (m == interp->builtins || AdModule_GetDict(m) == interp->sysdict))
            continue;
        if (AdModule_Check(m)) {
            AdObject *ref = AdWeakref_NewRef(m, NULL);
            if (!ref || AdList_Append(weak, ref) < 0)
                AdErr_Clear();
            Ad_XDECREF(ref);
        }
        if (AdDict_DelItem(modules, name) < 0)
            AdErr_Clear();
    }
    Ad_DECREF(mods);
    AD_CLEAR(interp->main_module);
    AdGC_Collect(2);
    for (Ad_ssize_t i = AdList_GET_SIZE(weak); i-- > 0;) {
        AdObject *m = AdWeakref_Peek(AdList_GET_ITEM(weak, i));
        if (m && AdModule_Check(m)) {
            Ad_INCREF(m);
            clear_module_dict(AdModule_GetDict(m));
            Ad_DECREF(m);
        }
    }
    for (Ad_ssize_t i = AdList_GET_SIZE(weak); i-- > 0;) {
        AdObject *m = AdWeakref_Peek(AdList_GET_ITEM(weak, i));
        if (m && AdModule_Check(m))
            AdDict_Clear(AdModule_GetDict(m));
    }
    Ad_DECREF(weak);
    AdErr_Clear();
}

static int flush_std_streams(void)
{
    int rc = 0;
    if (fflush(stdout) != 0 || ferror(stdout))
        rc = -1;
    if (fflush(stderr) != 0)
        rc = -1;
    return rc;
}

int Ad_FinalizeEx(void)
{
    if (!ad_runtime.initialized)
        return 0;
    AdInterp *interp = ad_runtime.interpreters.main;

    /* Step 1 runs before the runtime counts as finalizing (as in CPython:
     * sys.is_finalizing() is False in atexit callbacks): its first hook
     * joins the non-daemon threads, which still need to run. */
    run_hooks(AD_FINI_ATEXIT, interp);
    call_interp_atexit(interp);
    atomic_store(&ad_runtime.finalizing, ad_current_thread);
    interp->finalizing = 1;

    run_hooks(AD_FINI_PENDING_CALLS, interp);
    Ad_MakePendingCalls(interp);

    run_hooks(AD_FINI_GC, interp);
    AdGC_Collect(2);
    run_hooks(AD_FINI_MODULES, interp);
    AdImport_Fini();
    delete_special_sys(interp);
    teardown_modules(interp);          /* __main__ included: it is in sys.modules */
    AD_CLEAR(interp->main_module);
    /* builtins goes last (its functions and its dict refer to each other):
     * kept until the collections are done, then its dict is cleared. */
    AdObject *builtins = interp->builtins;
    interp->builtins = NULL;
    run_hooks(AD_FINI_GC_AGAIN, interp);
    AdGC_Collect(2);

    run_hooks(AD_FINI_FLUSH, interp);
    int status = AdSys_FlushStdStreams(interp) < 0 ? -1 : 0;
    if (flush_std_streams() < 0)
        status = -1;

    run_hooks(AD_FINI_THREADS, interp);
    AdEval_SetDefaultBuiltins(NULL);
    AD_CLEAR(AdRange_BuiltinIter);
    if (builtins) {
        AdDict_Clear(AdModule_GetDict(builtins));
        Ad_DECREF(builtins);
    }
    ad_sys_fini(interp);
#if defined(ADDER_DEBUG) || defined(__SANITIZE_ADDRESS__)
    /* Classes and specs that only builtins' and sys's dicts held (the
     * importers, ModuleSpec) are cycles: the builds that account for every
     * block collect them while the interpreter is still there (a release
     * build gives the arenas back wholesale at step 8). */
    AdGC_Collect(2);
#endif
    ad_runtime.signals.main_breaker = NULL;
    Ad_InterpDelete(interp);        /* its thread states drop their exceptions */
    ad_current_thread = NULL;
    ad_vm_fini();
    AdTraceback_ClearSources();
    for (int i = ad_runtime.c_atexit.count - 1; i >= 0; i--)
        ad_runtime.c_atexit.funcs[i]();
    ad_runtime.c_atexit.count = 0;
    ad_signals_restore(&ad_runtime);

    run_hooks(AD_FINI_ALLOCATOR, NULL);
#if !defined(ADDER_DEBUG) && !defined(__SANITIZE_ADDRESS__)
    /* When the process ends right after (Ad_Main), a release build leaves
     * the static objects and the arenas to the system instead of freeing
     * them block by block; the builds that account for every block, and
     * a runtime that may be initialized again, free everything. */
    int keep_memory = ad_runtime.process_exiting;
#else
    int keep_memory = 0;
#endif
    if (!keep_memory)
        ad_objects_fini();
    AdGC_Shutdown();
    if (!keep_memory)
        AdMem_Shutdown(1);
    int trace = ad_runtime.trace_lifecycle;
    int ki = ad_runtime.unhandled_keyboard_interrupt;
    ad_runtime_reset();
    ad_runtime.trace_lifecycle = trace;
    ad_runtime.unhandled_keyboard_interrupt = ki;
    return status;
}
