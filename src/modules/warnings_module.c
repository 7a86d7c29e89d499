/* warnings_module.c: the `_warnings` module and the C side of warnings
 * (AdErr_WarnEx). The filters, the registries and the formatting are the
 * stdlib's pure-Python implementation (_py_warnings, which warnings.py
 * uses when _warnings does not export `filters`): this module decides
 * cheaply whether a warning can be dropped by the default filters without
 * importing anything, and otherwise hands it to warnings.warn /
 * warnings.warn_explicit. Default filters (CPython's, release build):
 * DeprecationWarning shown only when triggered in __main__;
 * PendingDeprecationWarning, ImportWarning and ResourceWarning ignored;
 * everything else shown. With -W options or -X dev the stdlib module
 * always decides. When the warnings module cannot be imported (very early
 * at start-up, or a broken library) the warning is written to stderr as
 * "file:line: Category: message". */
#include "import/builtin_modules.h"
#include "modules/warnings.h"
#include "import/import.h"
#include "modules/sys.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "runtime/interp.h"
#include "vm/ceval.h"
#include "objects/tuple.h"

#include <stdio.h>

/* 1 when the category is a subclass of base. */
static int is_sub(AdObject *category, AdObject *base)
{
    return AdType_Check(category) && AdType_IsSubtype((AdTypeObject *)category, (AdTypeObject *)base);
}

/* The module name (__name__) of the globals of the frame stacklevel levels
 * up (1 = the innermost Python frame), borrowed or NULL. */
static AdObject *frame_module_name(Ad_ssize_t stacklevel)
{
    AdObject *frame = AdEval_GetFrameAt((int)(stacklevel > 0 ? stacklevel - 1 : 0));
    if (!frame) {
        AdErr_Clear();
        return NULL;
    }
    AdObject *globals = AdObject_GetAttrString(frame, "f_globals");   /* frame is borrowed */
    if (!globals) {
        AdErr_Clear();
        return NULL;
    }
    AdObject *name = AdDict_Check(globals) ? AdDict_GetItemString(globals, "__name__") : NULL;
    Ad_DECREF(globals);
    return name;   /* borrowed from a module's globals, which outlive this call */
}

/* 1 when the default filters drop this warning and nothing else decides. */
static int dropped_by_defaults(AdObject *category, Ad_ssize_t stacklevel)
{
    AdThread *t = ad_current_thread;
    if (!t)
        return 0;
    if (t->interp->config.dev_mode)
        return 0;
    AdObject *opts = AdSys_GetObject("warnoptions");
    if (opts && AdList_Check(opts) && AdList_GET_SIZE(opts) > 0)
        return 0;
    AdObject *mods = AdSys_GetObject("modules");
    if (mods && AdDict_Check(mods) && AdDict_GetItemString(mods, "warnings"))
        return 0;       /* the user may have changed the filters */
    if (is_sub(category, AdExc_PendingDeprecationWarning) || is_sub(category, AdExc_ImportWarning) ||
        is_sub(category, AdExc_ResourceWarning))
        return 1;
    if (is_sub(category, AdExc_DeprecationWarning)) {
        AdObject *name = frame_module_name(stacklevel);
        return !(name && AdStr_Check(name) && AdStr_EqualToASCII(name, "__main__"));
    }
    return 0;
}

/* The last resort: "file:line: Category: message" on stderr. */
static int print_plain(AdObject *category, AdObject *message, Ad_ssize_t stacklevel)
{
    AdObject *text = AdObject_Str(message);
    if (!text)
        return -1;
    const char *file = "sys";
    int line = 1;
    AdObject *frame = AdEval_GetFrameAt((int)(stacklevel > 0 ? stacklevel - 1 : 0));
    AdObject *fname = NULL, *lineno = NULL;
    if (frame) {
        AdObject *code = AdObject_GetAttrString(frame, "f_code");
        fname = code ? AdObject_GetAttrString(code, "co_filename") : NULL;
        lineno = AdObject_GetAttrString(frame, "f_lineno");
        Ad_XDECREF(code);
        if (fname && AdStr_Check(fname))
            file = AdStr_AsUTF8(fname);
        int64_t v;
        if (lineno && AdInt_Check(lineno) && AdInt_AsInt64Exact(lineno, &v))
            line = (int)v;
    }
    AdErr_Clear();
    AdSys_FlushStdStreams(ad_current_thread->interp);
    fflush(stdout);
    fprintf(stderr, "%s:%d: %s: %s\n", file ? file : "sys", line,
            AdType_ShortName((AdTypeObject *)category), AdStr_AsUTF8(text));
    Ad_XDECREF(fname);
    Ad_XDECREF(lineno);
    Ad_DECREF(text);
    return 0;
}

/* The stdlib's warnings module, imported on demand (new ref), or NULL
 * without an exception when it cannot be imported. */
static AdObject *warnings_module(void)
{
    AdObject *m = AdImport_ImportModule("warnings");
    if (!m)
        AdErr_Clear();
    return m;
}

/* warn(message, category, stacklevel, source): 0, or -1 with an exception
 * (a warning turned into an error by a filter is raised). */
static int warn_impl(AdObject *message, AdObject *category, Ad_ssize_t stacklevel, AdObject *source)
{
    if (AdObject_IsInstance(message, AdExc_Warning) == 1)
        category = (AdObject *)AD_TYPE(message);
    else if (!category || category == Ad_None)
        category = AdExc_UserWarning;
    else if (!AdType_Check(category) || !is_sub(category, AdExc_Warning)) {
        AdErr_Format(AdExc_TypeError, "category must be a Warning subclass, not '%s'",
                     AdType_Name(AD_TYPE(category)));
        return -1;
    }
    if (dropped_by_defaults(category, stacklevel))
        return 0;
    AdObject *w = warnings_module();
    if (!w)
        return print_plain(category, message, stacklevel);
    AdObject *fn = AdObject_GetAttrString(w, "warn");
    Ad_DECREF(w);
    if (!fn)
        return -1;
    AdObject *level = AdInt_FromInt64(stacklevel);
    if (!level) {
        Ad_DECREF(fn);
        return -1;
    }
    AdObject *args[4] = {message, category, level, source ? source : Ad_None};
    AdObject *r = AdObject_Vectorcall(fn, args, 4, NULL);
    Ad_DECREF(level);
    Ad_DECREF(fn);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

static int c_warn_hook(AdObject *category, const char *msg, Ad_ssize_t stacklevel)
{
    AdObject *m = AdStr_FromString(msg);
    if (!m)
        return -1;
    int rc = warn_impl(m, category, stacklevel, NULL);
    Ad_DECREF(m);
    return rc;
}

void AdWarnings_InstallHook(void)
{
    AdErr_WarnHook = c_warn_hook;
}

static AdObject *w_warn(AdObject *mod, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)mod;
    static const char *const names[] = {"message", "category", "stacklevel", "source", "skip_file_prefixes", NULL};
    AdObject *a[5];
    if (AdArg_Parse("warn", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    Ad_ssize_t level = 1;
    if (a[2]) {
        int64_t v;
        if (!AdInt_Check(a[2])) {
            AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                         AdType_Name(AD_TYPE(a[2])));
            return NULL;
        }
        if (!AdInt_AsInt64Exact(a[2], &v)) {
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C ssize_t");
            return NULL;
        }
        level = (Ad_ssize_t)v;
    }
    if (a[4] && !(AdTuple_Check(a[4]) && AdTuple_GET_SIZE(a[4]) == 0)) {
        /* skip_file_prefixes needs the full machinery: hand over as is. */
        AdObject *w = warnings_module();
        if (!w)
            return AdErr_Occurred() ? NULL : Ad_NewRef(Ad_None);
        AdObject *fn = AdObject_GetAttrString(w, "warn");
        Ad_DECREF(w);
        if (!fn)
            return NULL;
        AdObject *r = AdObject_Vectorcall(fn, args, (size_t)nargs, kwnames);
        Ad_DECREF(fn);
        return r;
    }
    if (warn_impl(a[0], a[1], level, a[3]) < 0)
        return NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *w_warn_explicit(AdObject *mod, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)mod;
    AdObject *w = AdImport_ImportModule("warnings");
    if (!w)
        return NULL;
    AdObject *fn = AdObject_GetAttrString(w, "warn_explicit");
    Ad_DECREF(w);
    if (!fn)
        return NULL;
    AdObject *r = AdObject_Vectorcall(fn, args, (size_t)nargs, kwnames);
    Ad_DECREF(fn);
    return r;
}

static AdMethodDef warnings_methods[] = {
    {"warn", (void (*)(void))w_warn, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "warn($module, /, message, category=None, stacklevel=1, source=None, *,\n     skip_file_prefixes=<unrepresentable>)\n--\n\n"
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", (void (*)(void))w_warn_explicit, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Issue a warning, or maybe ignore it or raise an exception."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitWarnings(void)
{
    AdObject *m = AdModule_New("_warnings");
    if (!m)
        return NULL;
    if (AdModule_AddFunctions(m, warnings_methods) < 0 ||
        AdModule_SetDocString(m, "_warnings provides basic warning filtering support.\n"
                                 "It is a helper module to speed up interpreter start-up.") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
