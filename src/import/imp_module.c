/* imp_module.c: the `_imp` module, the native half of importlib: the
 * global import lock, builtin modules (is_builtin, create_builtin,
 * exec_builtin), frozen modules (find_frozen, get_frozen_object,
 * is_frozen, is_frozen_package, init_frozen, _frozen_module_names), the
 * .pyc parameters (pyc_magic_number_token, check_hash_based_pycs,
 * source_hash), _fix_co_filename, and extension modules, which Adder has
 * none of (extension_suffixes() is empty; create_dynamic raises). */
#include "import/builtin_modules.h"
#include "import/frozen.h"
#include "import/import.h"
#include "import/import_internal.h"
#include "modules/sys.h"
#include "numeric/hash.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/interp.h"

#include <string.h>

/* ---- the global import lock (reentrant, per owner thread) ----------------------------- */

static AdThread *lock_owner;
static long lock_count;

static AdObject *imp_acquire_lock(AdObject *m, AdObject *unused)
{
    (void)m, (void)unused;
    AdThread *me = ad_current_thread;
    /* With one GIL, another owner can only be a thread that released the
     * GIL inside an import: wait for it without holding up the others. */
    while (lock_owner && lock_owner != me) {
        if (import_wait_for_lock() < 0)
            return NULL;
    }
    lock_owner = me;
    lock_count++;
    return Ad_NewRef(Ad_None);
}

static AdObject *imp_release_lock(AdObject *m, AdObject *unused)
{
    (void)m, (void)unused;
    if (lock_owner != ad_current_thread || lock_count == 0) {
        AdErr_SetString(AdExc_RuntimeError, "not holding the import lock");
        return NULL;
    }
    if (--lock_count == 0)
        lock_owner = NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *imp_lock_held(AdObject *m, AdObject *unused)
{
    (void)m, (void)unused;
    return Ad_NewRef(lock_count > 0 ? Ad_True : Ad_False);
}

void AdImport_ReInitLockAfterFork(void)
{
    if (lock_owner) {
        lock_owner = ad_current_thread;
        lock_count = 1;
    }
}

/* ---- builtin modules ------------------------------------------------------------------- */

static int str_arg(const char *fname, AdObject *o)
{
    if (!AdStr_Check(o)) {
        AdErr_Format(AdExc_TypeError, "%s() argument must be str, not %.200s", fname, AdType_Name(AD_TYPE(o)));
        return -1;
    }
    return 0;
}

static AdObject *imp_is_builtin(AdObject *m, AdObject *name)
{
    (void)m;
    if (str_arg("is_builtin", name) < 0)
        return NULL;
    const char *s = AdStr_AsUTF8(name);
    if (!s)
        return NULL;
    if (!AdImport_IsBuiltin(s))
        return AdInt_FromInt64(0);
    /* sys and builtins cannot be initialized again: -1, as CPython says. */
    return AdInt_FromInt64(strcmp(s, "sys") == 0 || strcmp(s, "builtins") == 0 ? -1 : 1);
}

static AdObject *imp_create_builtin(AdObject *m, AdObject *spec)
{
    (void)m;
    AdObject *name = AdObject_GetAttrString(spec, "name");
    if (!name)
        return NULL;
    if (!AdStr_Check(name)) {
        AdErr_Format(AdExc_TypeError, "name must be string, not %.200s", AdType_Name(AD_TYPE(name)));
        Ad_DECREF(name);
        return NULL;
    }
    AdObject *mod = AdImport_GetModule(name);
    const char *s = AdStr_AsUTF8(name);
    if (mod && s && (strcmp(s, "sys") == 0 || strcmp(s, "builtins") == 0)) {
        Ad_DECREF(name);
        return mod;
    }
    Ad_XDECREF(mod);
    mod = AdImport_CreateBuiltin(name);
    if (!mod && !AdErr_Occurred())
        AdErr_Format(AdExc_ImportError, "no built-in module named %U", name);
    Ad_DECREF(name);
    return mod;
}

static AdObject *imp_exec_builtin(AdObject *m, AdObject *mod)
{
    (void)m, (void)mod;
    return AdInt_FromInt64(0);     /* builtin modules are filled by their init */
}

static AdObject *imp_extension_suffixes(AdObject *m, AdObject *unused)
{
    (void)m, (void)unused;
    return AdList_New(0);
}

static AdObject *imp_create_dynamic(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("create_dynamic", nargs, 1, 2) < 0)
        return NULL;
    AdObject *name = AdObject_GetAttrString(args[0], "name");
    if (!name)
        return NULL;
    AdErr_Format(AdExc_ImportError, "Adder cannot load extension modules (%U)", name);
    Ad_DECREF(name);
    return NULL;
}

static AdObject *imp_exec_dynamic(AdObject *m, AdObject *mod)
{
    (void)m, (void)mod;
    return AdInt_FromInt64(0);
}

/* ---- frozen modules -------------------------------------------------------------------- */

static const AdFrozenModule *frozen_arg(const char *fname, AdObject *name)
{
    if (str_arg(fname, name) < 0)
        return NULL;
    const char *s = AdStr_AsUTF8(name);
    return s ? AdFrozen_Find(s) : NULL;
}

static AdObject *no_frozen(AdObject *name)
{
    AdObject *msg = AdStr_FromFormat("No such frozen object named %R", name);
    if (!msg)
        return NULL;
    AdObject *args = AdTuple_Pack(1, msg);
    Ad_DECREF(msg);
    if (!args)
        return NULL;
    AdObject *exc = AdObject_Call(AdExc_ImportError, args, NULL);
    Ad_DECREF(args);
    if (exc && AdObject_SetAttr(exc, AdStr_InternFromString("name"), name) == 0)
        AdErr_SetRaisedException(exc);
    else
        Ad_XDECREF(exc);
    return NULL;
}

static AdObject *imp_find_frozen(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "withdata", NULL};
    AdObject *a[2];
    if (AdArg_Parse("find_frozen", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    const AdFrozenModule *f = frozen_arg("find_frozen", a[0]);
    if (!f)
        return AdErr_Occurred() ? NULL : Ad_NewRef(Ad_None);
    int withdata = a[1] ? AdObject_IsTrue(a[1]) : 0;
    if (withdata < 0)
        return NULL;
    AdObject *data = withdata ? AdMemoryView_FromMemory((char *)f->code, (Ad_ssize_t)f->size, 1)
                              : Ad_NewRef(Ad_None);
    AdObject *orig = data ? AdStr_FromString(f->origname) : NULL;
    AdObject *r = orig ? AdTuple_Pack(3, data, f->is_package ? Ad_True : Ad_False, orig) : NULL;
    Ad_XDECREF(data);
    Ad_XDECREF(orig);
    return r;
}

static AdObject *imp_get_frozen_object(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("get_frozen_object", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 2 && args[1] != Ad_None) {
        AdBuffer view;
        if (AdObject_GetBuffer(args[1], &view, AD_BUF_SIMPLE) < 0)
            return NULL;
        AdObject *code = AdMarshal_LoadsForImport(view.buf, view.len);
        AdBuffer_Release(&view);
        return code;
    }
    const AdFrozenModule *f = frozen_arg("get_frozen_object", args[0]);
    if (!f)
        return AdErr_Occurred() ? NULL : no_frozen(args[0]);
    return AdFrozen_GetCode(f);
}

static AdObject *imp_is_frozen(AdObject *m, AdObject *name)
{
    (void)m;
    const AdFrozenModule *f = frozen_arg("is_frozen", name);
    if (!f && AdErr_Occurred())
        return NULL;
    return Ad_NewRef(f ? Ad_True : Ad_False);
}

static AdObject *imp_is_frozen_package(AdObject *m, AdObject *name)
{
    (void)m;
    const AdFrozenModule *f = frozen_arg("is_frozen_package", name);
    if (!f)
        return AdErr_Occurred() ? NULL : no_frozen(name);
    return Ad_NewRef(f->is_package ? Ad_True : Ad_False);
}

static AdObject *imp_init_frozen(AdObject *m, AdObject *name)
{
    (void)m;
    const AdFrozenModule *f = frozen_arg("init_frozen", name);
    if (!f)
        return AdErr_Occurred() ? NULL : Ad_NewRef(Ad_None);
    return import_exec_frozen(name, f);
}

static AdObject *imp_frozen_module_names(AdObject *m, AdObject *unused)
{
    (void)m, (void)unused;
    AdObject *list = AdList_New(0);
    for (const AdFrozenModule *f = ad_frozen_modules; list && f->name; f++) {
        if (!AdFrozen_Find(f->name))
            continue;
        AdObject *s = AdStr_FromString(f->name);
        if (!s || AdList_Append(list, s) < 0)
            AD_CLEAR(list);
        Ad_XDECREF(s);
    }
    return list;
}

/* ---- code objects and .pyc parameters -------------------------------------------------- */

static void fix_filename(AdObject *code, AdObject *old, AdObject *new_name)
{
    AdCodeObject *co = (AdCodeObject *)code;
    if (AdObject_RichCompareBool(co->co_filename, old, 2) != 1) {
        AdErr_Clear();
        return;
    }
    AD_SETREF(co->co_filename, Ad_NewRef(new_name));
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(co->co_consts); i++) {
        AdObject *c = AdTuple_GET_ITEM(co->co_consts, i);
        if (AdCode_Check(c))
            fix_filename(c, old, new_name);
    }
}

static AdObject *imp_fix_co_filename(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("_fix_co_filename", nargs, 2, 2) < 0)
        return NULL;
    if (!AdCode_Check(args[0])) {
        AdErr_Format(AdExc_TypeError, "_fix_co_filename() argument 1 must be code, not %.200s",
                     AdType_Name(AD_TYPE(args[0])));
        return NULL;
    }
    if (str_arg("_fix_co_filename", args[1]) < 0)
        return NULL;
    AdObject *old = Ad_NewRef(((AdCodeObject *)args[0])->co_filename);
    if (AdObject_RichCompareBool(old, args[1], 2) != 1)
        fix_filename(args[0], old, args[1]);
    Ad_DECREF(old);
    if (AdErr_Occurred())
        return NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *imp_source_hash(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"key", "source", NULL};
    AdObject *a[2];
    if (AdArg_Parse("source_hash", args, nargs, kwnames, names, 0, 2, a) < 0)
        return NULL;
    int64_t key;
    if (!AdInt_Check(a[0]) || !AdInt_AsInt64Exact(a[0], &key)) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_TypeError, "key must be an integer");
        return NULL;
    }
    AdBuffer view;
    if (AdObject_GetBuffer(a[1], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    uint64_t h = AdHash_SipHash13((uint64_t)key, 0, view.buf, (size_t)view.len);
    AdBuffer_Release(&view);
    unsigned char out[8];
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(h >> (8 * i));
    return AdBytes_FromStringAndSize((const char *)out, 8);
}

static int multi_interp_check = -1;

static AdObject *imp_override_multi_interp(AdObject *m, AdObject *arg)
{
    (void)m;
    int64_t v;
    if (!AdInt_Check(arg) || !AdInt_AsInt64Exact(arg, &v)) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_TypeError, "an integer is required");
        return NULL;
    }
    int old = multi_interp_check;
    multi_interp_check = v < 0 ? -1 : v > 0 ? 1 : 0;
    return AdInt_FromInt64(old);
}

static AdObject *imp_override_frozen(AdObject *m, AdObject *arg)
{
    (void)m;
    AdThread *t = ad_current_thread;
    int64_t v;
    if (!AdInt_Check(arg) || !AdInt_AsInt64Exact(arg, &v)) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_TypeError, "an integer is required");
        return NULL;
    }
    int old = t->interp->config.use_frozen_modules;
    t->interp->config.use_frozen_modules = v > 0 ? 1 : v < 0 ? 0 : old;
    return AdInt_FromInt64(old);
}

static AdMethodDef imp_methods[] = {
    {"lock_held", (void (*)(void))imp_lock_held, AD_METH_NOARGS,
     "Return True if the import lock is currently held, else False."},
    {"acquire_lock", (void (*)(void))imp_acquire_lock, AD_METH_NOARGS,
     "Acquires the interpreter's import lock for the current thread."},
    {"release_lock", (void (*)(void))imp_release_lock, AD_METH_NOARGS,
     "Release the interpreter's import lock."},
    {"is_builtin", (void (*)(void))imp_is_builtin, AD_METH_O,
     "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin", (void (*)(void))imp_create_builtin, AD_METH_O, "Create an extension module."},
    {"exec_builtin", (void (*)(void))imp_exec_builtin, AD_METH_O, "Initialize a built-in module."},
    {"extension_suffixes", (void (*)(void))imp_extension_suffixes, AD_METH_NOARGS,
     "Returns the list of file suffixes used to identify extension modules."},
    {"create_dynamic", (void (*)(void))imp_create_dynamic, AD_METH_FASTCALL, "Create an extension module."},
    {"exec_dynamic", (void (*)(void))imp_exec_dynamic, AD_METH_O, "Initialize an extension module."},
    {"find_frozen", (void (*)(void))imp_find_frozen, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return info about the corresponding frozen module (if there is one) or None."},
    {"get_frozen_object", (void (*)(void))imp_get_frozen_object, AD_METH_FASTCALL,
     "Create a code object for a frozen module."},
    {"is_frozen", (void (*)(void))imp_is_frozen, AD_METH_O,
     "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", (void (*)(void))imp_is_frozen_package, AD_METH_O,
     "Returns True if the module name is of a frozen package."},
    {"init_frozen", (void (*)(void))imp_init_frozen, AD_METH_O, "Initializes a frozen module."},
    {"_frozen_module_names", (void (*)(void))imp_frozen_module_names, AD_METH_NOARGS,
     "Returns the list of available frozen modules."},
    {"_fix_co_filename", (void (*)(void))imp_fix_co_filename, AD_METH_FASTCALL,
     "Changes code.co_filename to specify the passed-in file path."},
    {"source_hash", (void (*)(void))imp_source_hash, AD_METH_FASTCALL | AD_METH_KEYWORDS, NULL},
    {"_override_multi_interp_extensions_check", (void (*)(void))imp_override_multi_interp, AD_METH_O,
     "(internal-only) Override PyInterpreterConfig.check_multi_interp_extensions."},
    {"_override_frozen_modules_for_tests", (void (*)(void))imp_override_frozen, AD_METH_O,
     "(internal-only) Override PyConfig.use_frozen_modules."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitImp(void)
{
    AdObject *m = AdModule_New("_imp");
    if (!m)
        return NULL;
    AdThread *t = ad_current_thread;
    const char *mode = t && t->interp->config.check_hash_pycs_mode ? t->interp->config.check_hash_pycs_mode
                                                                   : "default";
    if (AdModule_AddFunctions(m, imp_methods) < 0 ||
        AdModule_Add(m, "check_hash_based_pycs", AdStr_FromString(mode)) < 0 ||
        AdModule_Add(m, "pyc_magic_number_token", AdInt_FromInt64(AD_PYC_MAGIC_TOKEN)) < 0 ||
        AdModule_SetDocString(m, "(Extremely) low-level import machinery bits as used by importlib.") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
