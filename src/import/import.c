/* import.c: __import__ for what exists before the path-based import
 * system: sys.modules, the builtin-module registry (import_registry.c) and
 * the AdImport_FindAndLoadHook where the later system plugs in. Follows
 * the contract of importlib._bootstrap's __import__ (relative-name
 * resolution, parents before children, fromlist handling) with CPython's
 * error messages. */
#include "import/import.h"
#include "import/import_internal.h"
#include "modules/sys.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"

#include <string.h>

AdObject *(*AdImport_FindAndLoadHook)(AdObject *abs_name, AdObject *parent_path) = NULL;

/* ---- sys.modules ---------------------------------------------------------------------- */

static AdObject *sys_modules(void)
{
    AdObject *m = AdSys_GetObject("modules");
    if (!m)
        AdErr_SetString(AdExc_RuntimeError, "unable to get sys.modules");
    return m;
}

/* 1 found (*out new ref, may be None), 0 absent, -1 error. */
static int modules_lookup(AdObject *name, AdObject **out)
{
    *out = NULL;
    AdObject *mods = sys_modules();
    if (!mods)
        return -1;
    if (AdDict_Check(mods))
        return AdDict_GetItemRef(mods, name, out);
    AdObject *v = AdObject_GetItem(mods, name);
    if (!v) {
        if (AdErr_ExceptionMatches(AdExc_KeyError)) {
            AdErr_Clear();
            return 0;
        }
        return -1;
    }
    *out = v;
    return 1;
}

AdObject *AdImport_GetModule(AdObject *name)
{
    AdObject *m;
    int r = modules_lookup(name, &m);
    if (r <= 0) {
        if (r < 0)
            AdErr_Clear();
        return NULL;
    }
    return m;
}

int import_modules_store(AdObject *name, AdObject *m)
{
    AdObject *mods = sys_modules();
    if (!mods)
        return -1;
    return AdDict_Check(mods) ? AdDict_SetItem(mods, name, m) : AdObject_SetItem(mods, name, m);
}

/* ---- errors ----------------------------------------------------------------------------- */

/* Raises ModuleNotFoundError(msg, name=name). Returns NULL. */
static AdObject *raise_not_found(AdObject *msg, AdObject *name)
{
    if (!msg)
        return NULL;
    AdObject *args = AdTuple_Pack(1, msg);
    Ad_DECREF(msg);
    if (!args)
        return NULL;
    AdObject *exc = AdObject_Call(AdExc_ModuleNotFoundError, args, NULL);
    Ad_DECREF(args);
    if (!exc)
        return NULL;
    if (AdObject_SetAttr(exc, AdStr_InternFromString("name"), name) < 0) {
        Ad_DECREF(exc);
        return NULL;
    }
    AdErr_SetRaisedException(exc);
    return NULL;
}

/* ---- strings ---------------------------------------------------------------------------- */

static Ad_ssize_t str_rfind_dot(AdObject *s, Ad_ssize_t end)
{
    int kind = AdStr_KIND(s);
    const void *data = AdStr_DATA(s);
    for (Ad_ssize_t i = end - 1; i >= 0; i--)
        if (AdStr_READ(kind, data, i) == '.')
            return i;
    return -1;
}

/* ---- relative names --------------------------------------------------------------------- */

/* The package that level-relative name is relative to (new ref). */
static AdObject *resolve_package(AdObject *globals)
{
    if (!globals) {
        AdErr_SetString(AdExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!AdDict_Check(globals)) {
        AdErr_SetString(AdExc_TypeError, "globals must be a dict");
        return NULL;
    }
    AdObject *package = NULL, *spec = NULL;
    if (AdDict_GetItemRef(globals, AdStr_InternFromString("__package__"), &package) < 0)
        return NULL;
    if (package == Ad_None)
        AD_CLEAR(package);
    if (AdDict_GetItemRef(globals, AdStr_InternFromString("__spec__"), &spec) < 0) {
        Ad_XDECREF(package);
        return NULL;
    }
    if (package) {
        if (!AdStr_Check(package)) {
            Ad_DECREF(package);
            Ad_XDECREF(spec);
            AdErr_SetString(AdExc_TypeError, "package must be a string");
            return NULL;
        }
        if (spec && spec != Ad_None) {
            AdObject *parent = AdObject_GetAttrString(spec, "parent");
            if (!parent) {
                Ad_DECREF(package);
                Ad_DECREF(spec);
                return NULL;
            }
            /* (CPython warns "__package__ != __spec__.parent" here; the
             * warning is filtered out by default, so Adder stays silent.) */
            Ad_DECREF(parent);
        }
        Ad_XDECREF(spec);
        return package;
    }
    if (spec && spec != Ad_None) {
        package = AdObject_GetAttrString(spec, "parent");
        Ad_DECREF(spec);
        if (!package)
            return NULL;
        if (!AdStr_Check(package)) {
            Ad_DECREF(package);
            AdErr_SetString(AdExc_TypeError, "__spec__.parent must be a string");
            return NULL;
        }
        return package;
    }
    Ad_XDECREF(spec);
    /* (CPython's ImportWarning "can't resolve package from __spec__ or
     * __package__, ..." is ignored by the default filters: not issued.) */
    AdObject *name;
    int r = AdDict_GetItemRef(globals, AdStr_InternFromString("__name__"), &name);
    if (r < 0)
        return NULL;
    if (r == 0) {
        AdErr_SetString(AdExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!AdStr_Check(name)) {
        Ad_DECREF(name);
        AdErr_SetString(AdExc_TypeError, "__name__ must be a string");
        return NULL;
    }
    r = AdDict_Contains(globals, AdStr_InternFromString("__path__"));
    if (r < 0) {
        Ad_DECREF(name);
        return NULL;
    }
    if (r)
        return name;
    Ad_ssize_t dot = str_rfind_dot(name, AdStr_LENGTH(name));
    AdObject *pkg = AdStr_Substring(name, 0, dot < 0 ? 0 : dot);
    Ad_DECREF(name);
    return pkg;
}

static AdObject *resolve_name(AdObject *name, AdObject *globals, int level)
{
    AdObject *package = resolve_package(globals);
    if (!package)
        return NULL;
    if (AdStr_LENGTH(package) == 0) {
        Ad_DECREF(package);
        AdErr_SetString(AdExc_ImportError, "attempted relative import with no known parent package");
        return NULL;
    }
    Ad_ssize_t end = AdStr_LENGTH(package);
    for (int i = 1; i < level; i++) {
        end = str_rfind_dot(package, end);
        if (end < 0) {
            Ad_DECREF(package);
            AdErr_SetString(AdExc_ImportError, "attempted relative import beyond top-level package");
            return NULL;
        }
    }
    AdObject *base = AdStr_Substring(package, 0, end);
    Ad_DECREF(package);
    if (!base || AdStr_LENGTH(name) == 0)
        return base;
    AdObject *r = AdStr_FromFormat("%U.%U", base, name);
    Ad_DECREF(base);
    return r;
}

/* ---- finding and loading ---------------------------------------------------------------- */

static AdObject *gcd_import(AdObject *abs_name);

/* Loads abs_name, which is not in sys.modules: parent first. New ref. */
static AdObject *find_and_load(AdObject *abs_name)
{
    Ad_ssize_t dot = str_rfind_dot(abs_name, AdStr_LENGTH(abs_name));
    AdObject *parent_module = NULL, *parent_path = NULL, *child = NULL, *m = NULL;
    if (dot >= 0) {
        AdObject *parent = AdStr_Substring(abs_name, 0, dot);
        if (!parent)
            return NULL;
        parent_module = gcd_import(parent);
        if (!parent_module) {
            Ad_DECREF(parent);
            return NULL;
        }
        /* Importing the parent may have imported the child. */
        int r = modules_lookup(abs_name, &m);
        if (r != 0) {
            Ad_DECREF(parent);
            Ad_DECREF(parent_module);
            return r < 0 ? NULL : m;
        }
        r = AdObject_GetOptionalAttr(parent_module, AdStr_InternFromString("__path__"), &parent_path);
        if (r <= 0) {
            if (r == 0)
                raise_not_found(AdStr_FromFormat("No module named %R; %R is not a package", abs_name, parent),
                                abs_name);
            Ad_DECREF(parent);
            Ad_DECREF(parent_module);
            return NULL;
        }
        Ad_DECREF(parent);
        child = AdStr_Substring(abs_name, dot + 1, AdStr_LENGTH(abs_name));
        if (!child)
            goto done;
    } else {
        const AdFrozenModule *f = AdFrozen_Find(AdStr_AsUTF8(abs_name));
        if (f) {
            m = import_exec_frozen(abs_name, f);
            goto done;
        }
        m = AdImport_CreateBuiltin(abs_name);
        if (m) {
            if (import_modules_store(abs_name, m) < 0)
                AD_CLEAR(m);
            goto done;
        }
        if (AdErr_Occurred())
            goto done;
    }
    if (AdImport_FindAndLoadHook) {
        m = AdImport_FindAndLoadHook(abs_name, parent_path);
        if (!m && AdErr_Occurred())
            goto done;
    }
    if (!m) {
        raise_not_found(AdStr_FromFormat("No module named %R", abs_name), abs_name);
        goto done;
    }
    if (parent_module && AdObject_SetAttr(parent_module, child, m) < 0)
        AD_CLEAR(m);
done:
    Ad_XDECREF(parent_module);
    Ad_XDECREF(parent_path);
    Ad_XDECREF(child);
    return m;
}

/* importlib._bootstrap._gcd_import for level 0: the named module. */
static AdObject *gcd_import(AdObject *abs_name)
{
    AdObject *m;
    int r = modules_lookup(abs_name, &m);
    if (r < 0)
        return NULL;
    if (r == 0) {
        /* The stdlib's machinery finds and loads everything once it is
         * installed; while it installs itself, builtin and frozen modules
         * are made here directly. */
        if (!import_bootstrap_active()) {
            /* Builtin modules need no machinery: made here until something
             * else is imported (then _setup gives them their specs). */
            const char *s = AdStr_AsUTF8(abs_name);
            if (s && AdImport_IsBuiltin(s))
                return find_and_load(abs_name);
            if (AdImport_EnsureBootstrap() < 0)
                return NULL;
        }
        if (import_bootstrap_active())
            return import_bootstrap_find_and_load(abs_name);
        return find_and_load(abs_name);
    }
    if (m != Ad_None)
        import_time_report_cached(abs_name);
    if (m != Ad_None && import_bootstrap_active() && import_bootstrap_wait_initializing(abs_name, m) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    if (m == Ad_None) {
        Ad_DECREF(m);
        return raise_not_found(AdStr_FromFormat("import of %U halted; None in sys.modules", abs_name),
                               abs_name);
    }
    return m;
}

/* ---- fromlist --------------------------------------------------------------------------- */

static int handle_fromlist(AdObject *module, AdObject *fromlist, int recursive)
{
    AdObject *it = AdObject_GetIter(fromlist);
    if (!it)
        return -1;
    AdObject *x;
    int rc = 0;
    while (rc == 0 && (x = AdIter_Next(it)) != NULL) {
        if (!AdStr_Check(x)) {
            AdObject *mname = AdObject_GetAttrString(module, "__name__");
            if (mname) {
                if (recursive)
                    AdErr_Format(AdExc_TypeError, "Item in %U.__all__ must be str, not %s",
                                 mname, AD_TYPE(x)->tp_name);
                else
                    AdErr_Format(AdExc_TypeError, "Item in from list must be str, not %s",
                                 AD_TYPE(x)->tp_name);
                Ad_DECREF(mname);
            }
            rc = -1;
        } else if (AdStr_EqualToASCII(x, "*")) {
            if (!recursive) {
                AdObject *all;
                int r = AdObject_GetOptionalAttr(module, AdStr_InternFromString("__all__"), &all);
                if (r < 0)
                    rc = -1;
                else if (r) {
                    rc = handle_fromlist(module, all, 1);
                    Ad_DECREF(all);
                }
            }
        } else {
            AdObject *attr;
            int r = AdObject_GetOptionalAttr(module, x, &attr);
            if (r < 0)
                rc = -1;
            else if (r)
                Ad_DECREF(attr);
            else {
                AdObject *mname = AdObject_GetAttrString(module, "__name__");
                AdObject *from_name = mname ? AdStr_FromFormat("%S.%U", mname, x) : NULL;
                Ad_XDECREF(mname);
                AdObject *sub = from_name ? gcd_import(from_name) : NULL;
                if (sub)
                    Ad_DECREF(sub);
                else if (!from_name)
                    rc = -1;
                else if (AdErr_ExceptionMatches(AdExc_ModuleNotFoundError)) {
                    /* A missing submodule is not an error here (the
                     * IMPORT_FROM that follows reports it), unless the name
                     * was blocked with None in sys.modules. */
                    AdObject *exc = AdErr_GetRaisedException();
                    AdObject *ename = AdObject_GetAttrString(exc, "name");
                    int same = ename && AdStr_Check(ename) && AdStr_Equal(ename, from_name);
                    Ad_XDECREF(ename);
                    AdErr_Clear();
                    AdObject *entry = NULL;
                    int found = same ? modules_lookup(from_name, &entry) : 0;
                    if (same && found >= 0 && !(found && entry == Ad_None)) {
                        Ad_DECREF(exc);
                    } else {
                        AdErr_SetRaisedException(exc);
                        rc = -1;
                    }
                    Ad_XDECREF(entry);
                } else
                    rc = -1;
                Ad_XDECREF(from_name);
            }
        }
        Ad_DECREF(x);
    }
    Ad_DECREF(it);
    if (rc == 0 && AdErr_Occurred())
        rc = -1;
    return rc;
}

/* ---- __import__ ------------------------------------------------------------------------- */

AdObject *AdImport_ImportModuleLevelObject(AdObject *name, AdObject *globals, AdObject *locals,
                                           AdObject *fromlist, int level)
{
    (void)locals;
    if (!name || !AdStr_Check(name)) {
        AdErr_SetString(AdExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        AdErr_SetString(AdExc_ValueError, "level must be >= 0");
        return NULL;
    }
    AdObject *abs_name;
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
        if (!abs_name)
            return NULL;
    } else {
        if (AdStr_LENGTH(name) == 0) {
            AdErr_SetString(AdExc_ValueError, "Empty module name");
            return NULL;
        }
        abs_name = Ad_NewRef(name);
    }
    AdObject *module = gcd_import(abs_name);
    AdObject *result = NULL;
    if (!module)
        goto done;
    int has_from = 0;
    if (fromlist && fromlist != Ad_None) {
        has_from = AdObject_IsTrue(fromlist);
        if (has_from < 0)
            goto done;
    }
    if (!has_from) {
        Ad_ssize_t len = AdStr_LENGTH(name);
        Ad_ssize_t dot = AdStr_FindChar(name, '.', 0, len);
        if (level == 0 || len > 0) {
            if (dot < 0) {
                result = Ad_NewRef(module);
            } else if (level == 0) {
                AdObject *front = AdStr_Substring(name, 0, dot);
                if (front) {
                    result = gcd_import(front);
                    Ad_DECREF(front);
                }
            } else {
                /* The module's name with the part after name's first
                 * component cut off. */
                Ad_ssize_t cut = len - dot;
                Ad_ssize_t alen = AdStr_LENGTH(abs_name);
                AdObject *to_return = AdStr_Substring(abs_name, 0, alen - cut);
                if (to_return) {
                    int r = modules_lookup(to_return, &result);
                    if (r == 0)
                        AdErr_Format(AdExc_KeyError, "%R not in sys.modules as expected", to_return);
                    Ad_DECREF(to_return);
                }
            }
        } else {
            result = Ad_NewRef(module);
        }
    } else {
        AdObject *path;
        int r = AdObject_GetOptionalAttr(module, AdStr_InternFromString("__path__"), &path);
        if (r < 0)
            goto done;
        if (r) {
            Ad_DECREF(path);
            if (handle_fromlist(module, fromlist, 0) < 0)
                goto done;
        }
        result = Ad_NewRef(module);
    }
done:
    Ad_XDECREF(module);
    Ad_DECREF(abs_name);
    return result;
}

AdObject *AdImport_ImportModule(const char *name)
{
    AdObject *s = AdStr_FromString(name);
    if (!s)
        return NULL;
    AdObject *m = gcd_import(s);
    Ad_DECREF(s);
    return m;
}
