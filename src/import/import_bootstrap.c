/* import_bootstrap.c: installs the stdlib's own import machinery, frozen
 * into the executable: importlib._bootstrap as _frozen_importlib (its
 * _install gives sys.meta_path the BuiltinImporter and FrozenImporter) and
 * importlib._bootstrap_external as _frozen_importlib_external (the
 * PathFinder, FileFinder path hook, source and .pyc loaders). It is done
 * the first time an import misses sys.modules, not at start-up: a program
 * that imports nothing (`adder -S -c pass`) never pays for it. Afterwards
 * every miss goes through _bootstrap._find_and_load, as in CPython. */
#include "import/import.h"
#include "import/import_internal.h"
#include "compiler/marshal.h"
#include "modules/sys.h"
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/namespace.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "objects/traceback.h"
#include "objects/frame.h"
#include "runtime/interp.h"
#include "runtime/gil.h"
#include "vm/ceval.h"

#include <sched.h>
#include <stdio.h>
#include <time.h>

static AdObject *bootstrap;      /* the _frozen_importlib module, once installed */
static AdObject *import_func;    /* builtins.__import__ as it was at installation */
static int installing;

AdObject *AdMarshal_LoadsForImport(const char *data, Ad_ssize_t len)
{
    AdObject *code = AdMarshal_Loads(data, len, NULL);
    if (code && !AdCode_Check(code)) {
        AdErr_Format(AdExc_ImportError, "frozen object is not a code object");
        AD_CLEAR(code);
    }
    return code;
}

int import_wait_for_lock(void)
{
    /* Another thread holds the import lock; it can only make progress when
     * this one lets it run. */
    Ad_BEGIN_ALLOW_THREADS
    sched_yield();
    Ad_END_ALLOW_THREADS
    return AdErr_CheckSignals();
}

static AdObject *interp_builtins(void)
{
    return ad_current_thread->interp->builtins;
}

static void sys_modules_del(AdObject *name)
{
    AdObject *mods = AdSys_GetObject("modules");
    AdObject *saved = AdErr_GetRaisedException();
    if (mods && AdObject_DelItem(mods, name) < 0)
        AdErr_Clear();
    AdErr_SetRaisedException(saved);
}

AdObject *import_exec_frozen(AdObject *name, const AdFrozenModule *f)
{
    AdObject *code = AdFrozen_GetCode(f);
    if (!code)
        return NULL;
    AdObject *m = AdModule_NewObject(name);
    if (!m) {
        Ad_DECREF(code);
        return NULL;
    }
    AdObject *d = AdModule_GetDict(m);
    AdObject *orig = AdStr_FromString(f->origname);
    int rc = orig ? AdDict_SetItemString(d, "__origname__", orig) : -1;
    Ad_XDECREF(orig);
    if (rc == 0 && f->is_package) {
        AdObject *path = AdList_New(0);
        rc = path ? AdDict_SetItemString(d, "__path__", path) : -1;
        Ad_XDECREF(path);
    }
    if (rc == 0 && AdDict_GetItemString(d, "__builtins__") == NULL)
        rc = AdDict_SetItemString(d, "__builtins__", interp_builtins());
    if (rc < 0 || import_modules_store(name, m) < 0) {
        Ad_DECREF(code);
        Ad_DECREF(m);
        return NULL;
    }
    AdObject *r = AdEval_EvalCode(code, d, d);
    Ad_DECREF(code);
    if (!r) {
        sys_modules_del(name);
        Ad_DECREF(m);
        return NULL;
    }
    Ad_DECREF(r);
    return m;
}

/* Calls bootstrap.<name>(args...). New ref. */
static AdObject *call_bootstrap(const char *name, AdObject *const *args, Ad_ssize_t nargs)
{
    AdObject *fn = AdObject_GetAttrString(bootstrap, name);
    if (!fn)
        return NULL;
    AdObject *r = AdObject_Vectorcall(fn, args, (size_t)nargs, NULL);
    Ad_DECREF(fn);
    return r;
}

/* sys.meta_path, sys.path_hooks and sys.path_importer_cache, which the
 * machinery fills (not made at start-up: see import_errors.c). */
static int make_sys_lists(AdObject *sys)
{
    AdObject *d = AdModule_GetDict(sys);
    static const char *const lists[] = {"meta_path", "path_hooks"};
    for (int i = 0; i < 2; i++) {
        if (AdDict_GetItemString(d, lists[i]))
            continue;
        AdObject *l = AdList_New(0);
        if (!l || AdDict_SetItemString(d, lists[i], l) < 0) {
            Ad_XDECREF(l);
            return -1;
        }
        Ad_DECREF(l);
    }
    if (!AdDict_GetItemString(d, "path_importer_cache")) {
        AdObject *c = AdDict_New();
        if (!c || AdDict_SetItemString(d, "path_importer_cache", c) < 0) {
            Ad_XDECREF(c);
            return -1;
        }
        Ad_DECREF(c);
    }
    return 0;
}

/* zipimport.zipimporter first in sys.path_hooks, as CPython's
 * _PyImportZip_Init does. A failure is reported with -v only. */
static int install_zipimport(AdObject *sys)
{
    AdObject *zi = AdImport_ImportModule("zipimport");
    AdObject *cls = zi ? AdObject_GetAttrString(zi, "zipimporter") : NULL;
    AdObject *hooks = cls ? AdObject_GetAttrString(sys, "path_hooks") : NULL;
    int rc = hooks && AdList_Check(hooks) ? AdList_Insert(hooks, 0, cls) : -1;
    Ad_XDECREF(hooks);
    Ad_XDECREF(cls);
    Ad_XDECREF(zi);
    if (rc < 0) {
        if (ad_current_thread->interp->config.verbose)
            fprintf(stderr, "# can't import zipimport\n");
        AdErr_Clear();
    } else if (ad_current_thread->interp->config.verbose)
        fprintf(stderr, "# installed zipimport hook\n");
    return 0;
}

/* Builtin modules made before the machinery carry a provisional spec
 * (origin 'built-in', no loader): dropped here so that _setup gives them
 * a real ModuleSpec and __loader__. */
static int respec_builtins(void)
{
    AdObject *mods = AdSys_GetObject("modules");
    if (!mods || !AdDict_Check(mods))
        return 0;
    AdObject *items = AdDict_Values(mods);
    if (!items)
        return -1;
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(items); i++) {
        AdObject *m = AdList_GET_ITEM(items, i);
        if (!AdModule_Check(m))
            continue;
        AdObject *d = AdModule_GetDict(m);
        AdObject *spec = AdDict_GetItemString(d, "__spec__");
        if (spec && Ad_IS_TYPE(spec, &AdNamespace_Type) && AdDict_DelItemString(d, "__spec__") < 0) {
            Ad_DECREF(items);
            return -1;
        }
    }
    Ad_DECREF(items);
    return 0;
}

static int install(void)
{
    const AdFrozenModule *f = AdFrozen_Find("_frozen_importlib");
    if (!f)
        return 0;     /* an executable without frozen modules: builtin modules only */
    installing = 1;
    AdObject *imp_name = AdStr_FromString("_imp");
    AdObject *imp = imp_name ? AdImport_GetModule(imp_name) : NULL;
    if (imp_name && !imp && !AdErr_Occurred()) {
        imp = AdImport_CreateBuiltin(imp_name);
        if (imp && import_modules_store(imp_name, imp) < 0)
            AD_CLEAR(imp);
    }
    Ad_XDECREF(imp_name);
    if (imp && respec_builtins() < 0)
        AD_CLEAR(imp);
    AdObject *name = imp ? AdStr_FromString("_frozen_importlib") : NULL;
    AdObject *m = name ? import_exec_frozen(name, f) : NULL;
    Ad_XDECREF(name);
    AdObject *sys = m ? AdImport_ImportModule("sys") : NULL;
    int rc = -1;
    if (sys && make_sys_lists(sys) == 0) {
        bootstrap = m;
        AdObject *args[2] = {sys, imp};
        AdObject *r = call_bootstrap("_install", args, 2);
        if (r) {
            Ad_DECREF(r);
            import_func = AdObject_GetAttrString(ad_current_thread->interp->builtins, "__import__");
            if (import_func && (r = call_bootstrap("_install_external_importers", NULL, 0))) {
                Ad_DECREF(r);
                rc = install_zipimport(sys);
            }
        }
    }
    if (rc < 0) {
        bootstrap = NULL;
        AD_CLEAR(import_func);
    }
    Ad_XDECREF(m);                /* bootstrap is borrowed: sys.modules owns it */
    Ad_XDECREF(sys);
    Ad_XDECREF(imp);
    installing = 0;
    return rc;
}

int AdImport_EnsureBootstrap(void)
{
    if (bootstrap || installing)
        return 0;
    return install();
}

int import_bootstrap_active(void)
{
    return bootstrap != NULL;
}

/* CPython's rule for the traceback of a failed import: the frames of the
 * import machinery are cut out; all of them when the exception is an
 * ImportError, else only each run of them that ends in
 * _call_with_frames_removed (so a user module's own error shows its frames
 * right after the import statement). Not with -v. */
static void remove_importlib_frames(void)
{
    AdThread *t = ad_current_thread;
    if (t->interp->config.verbose)
        return;
    AdObject *exc = AdErr_GetRaisedException();
    if (!exc)
        return;
    AdObject *base = Ad_XNewRef(AdException_GetTraceback(exc));
    if (!base || base == Ad_None || !AdTraceback_Check(base)) {
        Ad_XDECREF(base);
        AdErr_SetRaisedException(exc);
        return;
    }
    int always = AdErr_GivenExceptionMatches(exc, AdExc_ImportError);
    AdTracebackObject *head = (AdTracebackObject *)base;     /* owned */
    AdTracebackObject **prev_link = &head, **outer_link = NULL;
    int in_importlib = 0;
    for (AdTracebackObject *tb = head; tb;) {
        AdTracebackObject *next = tb->tb_next;
        AdObject *code = AdFrame_GetCode(tb->tb_frame);
        int now = 0, cut = 0;
        if (code && AdCode_Check(code)) {
            AdCodeObject *co = (AdCodeObject *)code;
            now = AdStr_EqualToASCII(co->co_filename, "<frozen importlib._bootstrap>") ||
                  AdStr_EqualToASCII(co->co_filename, "<frozen importlib._bootstrap_external>");
            cut = now && (always || AdStr_EqualToASCII(co->co_name, "_call_with_frames_removed"));
        }
        if (code)
            Ad_DECREF(code);
        else
            AdErr_Clear();
        if (now && !in_importlib)
            outer_link = prev_link;
        in_importlib = now;
        if (cut && outer_link) {
            AdTracebackObject *old = *outer_link;
            *outer_link = next;
            Ad_XINCREF((AdObject *)next);
            Ad_XDECREF((AdObject *)old);
            prev_link = outer_link;
        } else
            prev_link = &tb->tb_next;
        tb = next;
    }
    AdException_SetTraceback(exc, head ? (AdObject *)head : Ad_None);
    Ad_XDECREF((AdObject *)head);
    AdErr_SetRaisedException(exc);
}

/* -X importtime: each import's own and cumulative time in microseconds,
 * indented by nesting depth, on stderr (CPython's format). */
static int importtime_depth;
static int64_t importtime_children;   /* cumulative time of the current import's children */

static int64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static AdObject *find_and_load_timed(AdObject *abs_name)
{
    static int header;
    if (!header) {
        header = 1;
        fputs("import time: self [us] | cumulative | imported package\n", stderr);
    }
    int64_t saved_children = importtime_children;
    importtime_children = 0;
    importtime_depth++;
    int64_t t0 = now_us();
    AdObject *args[2] = {abs_name, import_func};
    AdObject *m = call_bootstrap("_find_and_load", args, 2);
    int64_t cum = now_us() - t0;
    importtime_depth--;
    const char *name = AdStr_AsUTF8(abs_name);
    fprintf(stderr, "import time: %9lld | %10lld | %*s%s\n", (long long)(cum - importtime_children),
            (long long)cum, importtime_depth * 2, "", name ? name : "?");
    importtime_children = saved_children + cum;
    return m;
}

void import_time_report_cached(AdObject *abs_name)
{
    if (ad_current_thread->interp->config.import_time < 2)
        return;
    const char *name = AdStr_AsUTF8(abs_name);
    fprintf(stderr, "import time: %9s | %10s | %*s%s\n", "cached", "cached", importtime_depth * 2, "",
            name ? name : "?");
    if (!name)
        AdErr_Clear();
}

AdObject *import_bootstrap_find_and_load(AdObject *abs_name)
{
    AdObject *m;
    if (ad_current_thread->interp->config.import_time) {
        m = find_and_load_timed(abs_name);
    } else {
        AdObject *args[2] = {abs_name, import_func};
        m = call_bootstrap("_find_and_load", args, 2);
    }
    if (!m)
        remove_importlib_frames();
    return m;
}

int import_bootstrap_wait_initializing(AdObject *name, AdObject *module)
{
    /* A module still being initialized by another thread: wait for its
     * lock (_bootstrap._lock_unlock_module), as CPython does. */
    AdObject *spec;
    int r = AdObject_GetOptionalAttr(module, AdStr_InternFromString("__spec__"), &spec);
    if (r <= 0)
        return r;
    AdObject *init;
    r = AdObject_GetOptionalAttr(spec, AdStr_InternFromString("_initializing"), &init);
    Ad_DECREF(spec);
    if (r <= 0)
        return r;
    int busy = AdObject_IsTrue(init);
    Ad_DECREF(init);
    if (busy <= 0)
        return busy;
    AdObject *res = call_bootstrap("_lock_unlock_module", &name, 1);
    if (!res)
        return -1;
    Ad_DECREF(res);
    return 0;
}

void AdImport_Fini(void)
{
    bootstrap = NULL;          /* owned by sys.modules */
    AD_CLEAR(import_func);
}
