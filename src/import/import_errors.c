/* import_errors.c: what the import system adds to attribute errors on
 * modules: 3.14's hints for a module that shadows another ("consider
 * renaming '...' since it has the same name as the standard library module
 * named 'x' and prevents importing that standard library module", "... if
 * it has the same name as a library you intended to import") and for
 * circular imports ("partially initialized module ... (most likely due to
 * a circular import)", "cannot access submodule ..."). It also makes
 * sys.meta_path, sys.path_hooks and sys.path_importer_cache appear on
 * first use: they are filled by the import machinery, which is installed
 * lazily (import_bootstrap.c). */
#include "import/import.h"
#include "import/import_internal.h"
#include "modules/sys.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "runtime/interp.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static AdObject *istr(const char *s)
{
    return AdStr_InternFromString(s);
}

/* spec.origin when spec.has_location (new ref), else NULL (no exception). */
static AdObject *file_origin(AdObject *spec)
{
    AdObject *has = NULL, *origin = NULL;
    if (AdObject_GetOptionalAttr(spec, istr("has_location"), &has) <= 0) {
        AdErr_Clear();
        return NULL;
    }
    int t = AdObject_IsTrue(has);
    Ad_DECREF(has);
    if (t <= 0 || AdObject_GetOptionalAttr(spec, istr("origin"), &origin) <= 0) {
        AdErr_Clear();
        return NULL;
    }
    if (!AdStr_Check(origin)) {
        Ad_DECREF(origin);
        return NULL;
    }
    return origin;
}

/* 1 when origin's directory is the directory of sys.path[0] (the script's
 * directory, or the current one for ''), and -P is not in effect. */
static int possibly_shadowing(AdObject *origin)
{
    AdThread *t = ad_current_thread;
    if (!origin || (t && t->interp->config.safe_path))
        return 0;
    AdObject *path = AdSys_GetObject("path");
    if (!path || !AdList_Check(path) || AdList_GET_SIZE(path) == 0)
        return 0;
    AdObject *first = AdList_GET_ITEM(path, 0);
    if (!AdStr_Check(first))
        return 0;
    const char *p0 = AdStr_AsUTF8(first), *o = AdStr_AsUTF8(origin);
    if (!p0 || !o) {
        AdErr_Clear();
        return 0;
    }
    char dir0[PATH_MAX], odir[PATH_MAX];
    if (!*p0) {
        if (!getcwd(dir0, sizeof dir0))
            return 0;
    } else if (!realpath(p0, dir0))
        return 0;
    const char *slash = strrchr(o, '/');
    if (!slash)
        return 0;
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%.*s", (int)(slash - o), o);
    if (!realpath(tmp[0] ? tmp : "/", odir))
        return 0;
    return strcmp(dir0, odir) == 0;
}

int AdImport_ShadowInfo(AdObject *name, AdObject *spec, AdObject **origin_out)
{
    *origin_out = NULL;
    if (!spec || spec == Ad_None)
        return 0;
    AdObject *origin = file_origin(spec);
    if (!possibly_shadowing(origin)) {
        *origin_out = origin;
        return 0;
    }
    *origin_out = origin;
    AdObject *names = AdSys_GetObject("stdlib_module_names");
    if (names && name && AdAnySet_Check(names) && AdSet_Contains(names, name) == 1)
        return 2;
    AdErr_Clear();
    return 1;
}

int AdImport_SpecIsInitializing(AdObject *spec)
{
    AdObject *flag = NULL;
    if (!spec || spec == Ad_None || AdObject_GetOptionalAttr(spec, istr("_initializing"), &flag) <= 0) {
        AdErr_Clear();
        return 0;
    }
    int r = AdObject_IsTrue(flag);
    Ad_DECREF(flag);
    if (r < 0)
        AdErr_Clear();
    return r > 0;
}

/* name is a submodule of spec's package still being imported. */
static int uninitialized_submodule(AdObject *spec, AdObject *name)
{
    AdObject *locs = NULL;
    if (AdObject_GetOptionalAttr(spec, istr("_uninitialized_submodules"), &locs) <= 0) {
        AdErr_Clear();
        return 0;
    }
    int r = AdSequence_Contains(locs, name);
    Ad_DECREF(locs);
    if (r < 0)
        AdErr_Clear();
    return r > 0;
}

static AdObject *missing_attribute(AdObject *m, AdObject *name)
{
    AdObject *d = AdModule_GetDict(m);
    AdObject *mod_name = d ? AdDict_GetItemString(d, "__name__") : NULL;
    /* sys's import-machinery lists: present once the machinery is. */
    if (mod_name && AdStr_Check(mod_name) && AdStr_EqualToASCII(mod_name, "sys") &&
        (AdStr_EqualToASCII(name, "meta_path") || AdStr_EqualToASCII(name, "path_hooks") ||
         AdStr_EqualToASCII(name, "path_importer_cache"))) {
        if (AdImport_EnsureBootstrap() < 0)
            return NULL;
        AdObject *v = AdDict_GetItemWithError(d, name);
        if (v)
            return Ad_NewRef(v);
        if (AdErr_Occurred())
            return NULL;
    }
    if (!mod_name || !AdStr_Check(mod_name)) {
        AdErr_Format(AdExc_AttributeError, "module has no attribute '%U'", name);
        return NULL;
    }
    AdObject *spec = AdDict_GetItemString(d, "__spec__");
    AdObject *origin = NULL;
    int shadow = AdImport_ShadowInfo(mod_name, spec, &origin);
    if (shadow == 2)
        AdErr_Format(AdExc_AttributeError,
                     "module '%U' has no attribute '%U' (consider renaming '%U' since it has the same name as "
                     "the standard library module named '%U' and prevents importing that standard library module)",
                     mod_name, name, origin, mod_name);
    else if (AdImport_SpecIsInitializing(spec)) {
        if (shadow)
            AdErr_Format(AdExc_AttributeError,
                         "module '%U' has no attribute '%U' (consider renaming '%U' if it has the same name as "
                         "a library you intended to import)", mod_name, name, origin);
        else if (origin)
            AdErr_Format(AdExc_AttributeError,
                         "partially initialized module '%U' from '%U' has no attribute '%U' "
                         "(most likely due to a circular import)", mod_name, origin, name);
        else
            AdErr_Format(AdExc_AttributeError,
                         "partially initialized module '%U' has no attribute '%U' "
                         "(most likely due to a circular import)", mod_name, name);
    } else if (spec && spec != Ad_None && uninitialized_submodule(spec, name))
        AdErr_Format(AdExc_AttributeError,
                     "cannot access submodule '%U' of module '%U' (most likely due to a circular import)",
                     name, mod_name);
    else
        AdErr_Format(AdExc_AttributeError, "module '%U' has no attribute '%U'", mod_name, name);
    Ad_XDECREF(origin);
    AdObject *exc = AdErr_GetRaisedException();
    if (exc && (AdObject_SetAttr(exc, istr("name"), name) < 0 || AdObject_SetAttr(exc, istr("obj"), m) < 0))
        AdErr_Clear();
    AdErr_SetRaisedException(exc);
    return NULL;
}

void AdImport_InstallErrorHooks(void)
{
    AdModule_MissingAttributeHook = missing_attribute;
}
