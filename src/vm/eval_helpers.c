/* eval_helpers.c: the larger pieces of work behind single instructions,
 * kept out of the loop: the exception table, name errors, method and
 * special-method lookup, super attributes, imports, unpacking, pattern
 * matching, except/except* matching and raising, awaitables and async
 * iteration, and the intrinsic functions (CALL_INTRINSIC_1/2). */
#include "import/import.h"
#include "vm/ceval.h"
#include "vm/frame.h"
#include "vm/vm_int.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/cell.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typevarobject.h"

#include <stdio.h>
#include <string.h>

int (*AdEval_DisplayHook)(AdObject *value);
AdObject *(*AdEval_SysModules)(void);

#define str_id(s) AD_STR_ID(s)

/* ---- exception table ------------------------------------------------------- */

static int read_varint(const uint8_t **p, const uint8_t *end)
{
    if (*p >= end)
        return -1;
    uint8_t b = *(*p)++;
    int v = b & 63;
    while (b & 64) {
        if (*p >= end)
            return -1;
        b = *(*p)++;
        v = (v << 6) | (b & 63);
    }
    return v;
}

int vm_exception_table_find(AdCodeObject *co, int offset, int *target, int *depth, int *lasti)
{
    AdObject *t = co->co_exceptiontable;
    if (!t || !AdBytes_Check(t) || AdBytes_GET_SIZE(t) == 0)
        return 0;
    const uint8_t *p = (const uint8_t *)AdBytes_AS_STRING(t);
    const uint8_t *end = p + AdBytes_GET_SIZE(t);
    while (p < end) {
        int start = read_varint(&p, end);
        int size = read_varint(&p, end);
        int tgt = read_varint(&p, end);
        int dl = read_varint(&p, end);
        if (start < 0 || size < 0 || tgt < 0 || dl < 0)
            return 0;
        if (offset < start)
            return 0;
        if (offset < start + size) {
            *target = tgt;
            *depth = dl >> 1;
            *lasti = dl & 1;
            return 1;
        }
    }
    return 0;
}

/* ---- name errors --------------------------------------------------------------- */

static void set_name_attr(AdObject *name)
{
    AdObject *exc = AdErr_GetRaisedException();
    if (!exc)
        return;
    if (AdObject_SetAttr(exc, str_id("name"), name) < 0)
        AdErr_Clear();
    AdErr_SetRaisedException(exc);
}

void vm_name_error(AdObject *name)
{
    AdErr_Format(AdExc_NameError, "name '%U' is not defined", name);
    set_name_attr(name);
}

void vm_unbound_local_error(AdCodeObject *co, int oparg)
{
    AdObject *name = AdTuple_GET_ITEM(co->co_localsplusnames, oparg);
    AdErr_Format(AdExc_UnboundLocalError,
                 "cannot access local variable '%U' where it is not associated with a value", name);
    set_name_attr(name);
}

void vm_free_var_error(AdCodeObject *co, int oparg)
{
    if (oparg < co->co_nlocalsplus - co->co_nfreevars) {
        vm_unbound_local_error(co, oparg);
        return;
    }
    AdObject *name = AdTuple_GET_ITEM(co->co_localsplusnames, oparg);
    AdErr_Format(AdExc_NameError,
                 "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                 name);
    set_name_attr(name);
}

/* ---- attribute and method lookup ----------------------------------------------- */

static int is_method_descriptor(AdObject *d)
{
    return AdFunction_Check(d) || AdType_HasFeature(AD_TYPE(d), AD_TPFLAGS_METHOD_DESCRIPTOR);
}

int vm_get_method(AdObject *obj, AdObject *name, AdObject **meth)
{
    AdTypeObject *tp = AD_TYPE(obj);
    if (tp->tp_getattro != AdObject_GenericGetAttr || !AdStr_CheckExact(name)) {
        *meth = AdObject_GetAttr(obj, name);
        return *meth ? 0 : -1;
    }
    AdObject *descr = AdType_Lookup(tp, name);
    descrgetfunc get = NULL;
    int meth_found = 0;
    if (descr) {
        Ad_INCREF(descr);
        if (is_method_descriptor(descr)) {
            meth_found = 1;
        } else {
            get = AD_TYPE(descr)->tp_descr_get;
            if (get && AD_TYPE(descr)->tp_descr_set) {
                *meth = get(descr, obj, (AdObject *)tp);
                Ad_DECREF(descr);
                return *meth ? 0 : -1;
            }
        }
    }
    AdObject **dictptr = AdObject_GetDictPtr(obj);
    if (dictptr && *dictptr) {
        AdObject *dict = Ad_NewRef(*dictptr);
        AdObject *v = NULL;
        int rc = AdDict_GetItemRef(dict, name, &v);
        Ad_DECREF(dict);
        if (rc != 0) {
            Ad_XDECREF(descr);
            *meth = v;
            return rc < 0 ? -1 : 0;
        }
    }
    if (meth_found) {
        *meth = descr;
        return 1;
    }
    if (get) {
        *meth = get(descr, obj, (AdObject *)tp);
        Ad_DECREF(descr);
        return *meth ? 0 : -1;
    }
    if (descr) {
        *meth = descr;
        return 0;
    }
    /* Absent: let the generic path raise the exact AttributeError. */
    *meth = AdObject_GetAttr(obj, name);
    return *meth ? 0 : -1;
}

static const char *const special_names[] = {"__enter__", "__exit__", "__aenter__", "__aexit__"};

int vm_load_special(AdObject *owner, int oparg, AdObject **attr, AdObject **self_or_null)
{
    if (oparg < 0 || oparg > 3) {
        AdErr_SetString(AdExc_SystemError, "bad LOAD_SPECIAL oparg");
        return -1;
    }
    AdTypeObject *tp = AD_TYPE(owner);
    static AdObject *special_ids[4];
    AdObject *id = AdStr_InternStatic(&special_ids[oparg], special_names[oparg]);
    if (!id)
        return -1;
    AdObject *descr = AdType_Lookup(tp, id);
    if (!descr) {
        if (AdErr_Occurred())
            return -1;
        int is_async = oparg >= 2;
        int other = !is_async ? (AdType_LookupString(tp, "__aenter__") && AdType_LookupString(tp, "__aexit__"))
                              : (AdType_LookupString(tp, "__enter__") && AdType_LookupString(tp, "__exit__"));
        if (!is_async)
            AdErr_Format(AdExc_TypeError,
                         "'%s' object does not support the context manager protocol (missed %s method)%s",
                         AdType_Name(tp), special_names[oparg],
                         other ? " but it supports the asynchronous context manager protocol. "
                                 "Did you mean to use 'async with'?" : "");
        else
            AdErr_Format(AdExc_TypeError,
                         "'%s' object does not support the asynchronous context manager protocol (missed %s method)%s",
                         AdType_Name(tp), special_names[oparg],
                         other ? " but it supports the context manager protocol. Did you mean to use 'with'?" : "");
        return -1;
    }
    if (is_method_descriptor(descr)) {
        *attr = Ad_NewRef(descr);
        *self_or_null = Ad_NewRef(owner);
        return 0;
    }
    descrgetfunc get = AD_TYPE(descr)->tp_descr_get;
    if (get) {
        Ad_INCREF(descr);
        *attr = get(descr, owner, (AdObject *)tp);
        Ad_DECREF(descr);
        if (!*attr)
            return -1;
    } else {
        *attr = Ad_NewRef(descr);
    }
    *self_or_null = NULL;
    return 0;
}

AdObject *vm_load_super_attr(AdObject *global_super, AdObject *cls, AdObject *self, AdObject *name,
                             int oparg, AdObject **self_out)
{
    AdObject *args[3] = {NULL, cls, self};
    AdObject *sup;
    if (global_super == (AdObject *)&AdSuper_Type && AdType_Check(cls))
        sup = AdObject_Vectorcall(global_super, args + 1, 2, NULL);
    else
        sup = AdObject_Vectorcall(global_super, args + 1, (oparg & 2) ? 2 : 0, NULL);
    if (!sup)
        return NULL;
    AdObject *r = AdObject_GetAttr(sup, name);
    Ad_DECREF(sup);
    *self_out = NULL;
    return r;
}

/* ---- imports ---------------------------------------------------------------------- */

AdObject *vm_import_name(AdFrame *f, AdObject *name, AdObject *fromlist, AdObject *level)
{
    AdObject *import_func = f->f_builtins ? AdDict_GetItemWithError(f->f_builtins, str_id("__import__")) : NULL;
    if (!import_func) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_ImportError, "__import__ not found");
        return NULL;
    }
    Ad_INCREF(import_func);
    AdObject *args[5] = {name, f->f_globals ? f->f_globals : Ad_None, f->f_locals ? f->f_locals : Ad_None,
                         fromlist, level};
    AdObject *r = AdObject_Vectorcall(import_func, args, 5, NULL);
    Ad_DECREF(import_func);
    return r;
}

AdObject *vm_import_from(AdObject *module, AdObject *name)
{
    AdObject *x = NULL;
    int rc = AdObject_GetOptionalAttr(module, name, &x);
    if (rc != 0)
        return x;
    AdObject *pkgname = NULL;
    if (AdObject_GetOptionalAttr(module, str_id("__name__"), &pkgname) < 0)
        AdErr_Clear();
    if (pkgname && AdStr_Check(pkgname)) {
        /* a submodule still being imported (circular import) is in sys.modules */
        AdObject *full = AdStr_FromFormat("%U.%U", pkgname, name);
        if (full) {
            AdObject *m = AdImport_GetModule(full);
            Ad_DECREF(full);
            if (m) {
                Ad_DECREF(pkgname);
                return m;
            }
        }
        AdErr_Clear();
    }
    AdObject *pkgpath = NULL;
    if (AdObject_GetOptionalAttr(module, str_id("__file__"), &pkgpath) < 0)
        AdErr_Clear();
    AdObject *shown = pkgname && AdStr_Check(pkgname) ? pkgname : NULL;
    AdObject *spec = NULL, *origin = NULL;
    if (AdObject_GetOptionalAttr(module, str_id("__spec__"), &spec) < 0)
        AdErr_Clear();
    int initializing = AdImport_SpecIsInitializing(spec);
    int shadow = shown ? AdImport_ShadowInfo(shown, spec, &origin) : 0;
    Ad_XDECREF(spec);
    if (!shown)
        AdErr_Format(AdExc_ImportError, "cannot import name %R from '<unknown module name>' (unknown location)", name);
    else if (shadow == 2)
        AdErr_Format(AdExc_ImportError,
                     "cannot import name %R from %R (consider renaming %R since it has the same name as the "
                     "standard library module named %R and prevents importing that standard library module)",
                     name, shown, origin, shown);
    else if (!pkgpath || !AdStr_Check(pkgpath))
        AdErr_Format(AdExc_ImportError, "cannot import name %R from %R (unknown location)", name, shown);
    else if (initializing)
        AdErr_Format(AdExc_ImportError,
                     "cannot import name %R from partially initialized module %R "
                     "(most likely due to a circular import) (%S)", name, shown, pkgpath);
    else
        AdErr_Format(AdExc_ImportError, "cannot import name %R from %R (%S)", name, shown, pkgpath);
    Ad_XDECREF(origin);
    AdObject *exc = AdErr_GetRaisedException();
    if (exc) {
        if (shown)
            AdObject_SetAttr(exc, str_id("name"), shown);
        if (pkgpath)
            AdObject_SetAttr(exc, str_id("path"), pkgpath);
        AdObject_SetAttr(exc, str_id("name_from"), name);
        AdErr_Clear();
        AdErr_SetRaisedException(exc);
    }
    Ad_XDECREF(pkgpath);
    Ad_XDECREF(pkgname);
    return NULL;
}

int vm_import_star(AdFrame *f, AdObject *module)
{
    AdObject *locals = f->f_locals;
    if (!locals) {
        AdErr_SetString(AdExc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    AdObject *all = NULL;
    int skip_private = 0;
    if (AdObject_GetOptionalAttr(module, str_id("__all__"), &all) < 0)
        return -1;
    if (!all) {
        AdObject *dict = NULL;
        if (AdObject_GetOptionalAttr(module, str_id("__dict__"), &dict) < 0)
            return -1;
        if (!dict) {
            AdErr_SetString(AdExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = AdDict_Check(dict) ? AdDict_Keys(dict) : AdSequence_List(dict);
        Ad_DECREF(dict);
        if (!all)
            return -1;
        skip_private = 1;
    }
    AdObject *it = AdObject_GetIter(all);
    if (!it) {
        Ad_DECREF(all);
        return -1;
    }
    int rc = 0;
    AdObject *name;
    while ((name = AdIter_Next(it))) {
        if (!AdStr_Check(name)) {
            AdObject *modname = NULL;
            if (AdObject_GetOptionalAttr(module, str_id("__name__"), &modname) <= 0 || !AdStr_Check(modname)) {
                AdErr_Clear();
                Ad_XDECREF(modname);
                modname = AdStr_FromString("<unknown module name>");
            }
            if (modname)
                AdErr_Format(AdExc_TypeError, "%s in %U.%s must be str, not %s",
                             skip_private ? "Item" : "Key", modname, skip_private ? "__dict__" : "__all__",
                             AdType_Name(AD_TYPE(name)));
            Ad_XDECREF(modname);
            Ad_DECREF(name);
            rc = -1;
            break;
        }
        if (skip_private && AdStr_LENGTH(name) > 0 && AdStr_READ_CHAR(name, 0) == '_') {
            Ad_DECREF(name);
            continue;
        }
        AdObject *value = AdObject_GetAttr(module, name);
        if (!value || AdObject_SetItem(locals, name, value) < 0) {
            Ad_XDECREF(value);
            Ad_DECREF(name);
            rc = -1;
            break;
        }
        Ad_DECREF(value);
        Ad_DECREF(name);
    }
    if (rc == 0 && AdErr_Occurred())
        rc = -1;
    Ad_DECREF(it);
    Ad_DECREF(all);
    return rc;
}

/* ---- unpacking ------------------------------------------------------------------------ */

int vm_unpack_iterable(AdObject *v, int argcnt, int argcntafter, AdObject **sp)
{
    int total = argcntafter < 0 ? argcnt : argcnt + 1 + argcntafter;
    AdObject *it = AdObject_GetIter(v);
    if (!it) {
        if (AdErr_ExceptionMatches(AdExc_TypeError) && !AD_TYPE(v)->tp_iter &&
            !AdType_LookupString(AD_TYPE(v), "__getitem__")) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "cannot unpack non-iterable %s object", AdType_Name(AD_TYPE(v)));
        }
        return -1;
    }
    int i = 0;
    for (; i < argcnt; i++) {
        AdObject *w = AdIter_Next(it);
        if (!w) {
            if (!AdErr_Occurred()) {
                if (argcntafter < 0)
                    AdErr_Format(AdExc_ValueError, "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    AdErr_Format(AdExc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                                 argcnt + argcntafter, i);
            }
            goto fail;
        }
        sp[total - 1 - i] = w;
    }
    if (argcntafter < 0) {
        AdObject *w = AdIter_Next(it);
        if (w) {
            Ad_DECREF(w);
            if (AdList_CheckExact(v) || AdTuple_CheckExact(v) || AdDict_CheckExact(v)) {
                Ad_ssize_t n = AdDict_CheckExact(v) ? AdDict_GET_SIZE(v) : AD_SIZE(v);
                AdErr_Format(AdExc_ValueError, "too many values to unpack (expected %d, got %zd)", argcnt, n);
            } else {
                AdErr_Format(AdExc_ValueError, "too many values to unpack (expected %d)", argcnt);
            }
            goto fail;
        }
        if (AdErr_Occurred())
            goto fail;
        Ad_DECREF(it);
        return 0;
    }
    {
        AdObject *l = AdSequence_List(it);
        if (!l)
            goto fail;
        Ad_ssize_t ll = AdList_GET_SIZE(l);
        if (ll < argcntafter) {
            AdErr_Format(AdExc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                         argcnt + argcntafter, argcnt + ll);
            Ad_DECREF(l);
            goto fail;
        }
        for (int j = 0; j < argcntafter; j++)
            sp[argcntafter - 1 - j] = Ad_NewRef(AdList_GET_ITEM(l, ll - argcntafter + j));
        if (argcntafter && AdList_SetSlice(l, ll - argcntafter, ll, NULL) < 0) {
            for (int j = 0; j < argcntafter; j++)
                Ad_DECREF(sp[j]);
            Ad_DECREF(l);
            goto fail;
        }
        sp[argcntafter] = l;
        i = argcnt;
    }
    Ad_DECREF(it);
    return 0;
fail:
    for (int j = 0; j < i; j++)
        Ad_DECREF(sp[total - 1 - j]);
    Ad_DECREF(it);
    return -1;
}

/* ---- pattern matching ---------------------------------------------------------------- */

AdObject *vm_match_keys(AdObject *subject, AdObject *keys)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(keys);
    if (n == 0)
        return AdTuple_New(0);
    AdObject *get = AdObject_GetAttr(subject, str_id("get"));
    if (!get)
        return NULL;
    AdObject *dummy = AdObject_CallNoArgs((AdObject *)&AdBaseObject_Type);
    AdObject *seen = AdSet_New(NULL);
    AdObject *values = AdTuple_New(n);
    AdObject *result = NULL;
    if (!dummy || !seen || !values)
        goto done;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *key = AdTuple_GET_ITEM(keys, i);
        int has = AdSet_Contains(seen, key);
        if (has < 0 || (!has && AdSet_Add(seen, key) < 0))
            goto done;
        if (has) {
            AdErr_Format(AdExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto done;
        }
        AdObject *args[2] = {key, dummy};
        AdObject *v = AdObject_Vectorcall(get, args, 2, NULL);
        if (!v)
            goto done;
        if (v == dummy) {
            Ad_DECREF(v);
            result = Ad_NewRef(Ad_None);
            goto done;
        }
        AdTuple_SET_ITEM(values, i, v);
    }
    result = Ad_NewRef(values);
done:
    Ad_DECREF(get);
    Ad_XDECREF(dummy);
    Ad_XDECREF(seen);
    Ad_XDECREF(values);
    return result;
}

static int match_self_type(AdTypeObject *t)
{
    AdTypeObject *const self_types[] = {&AdBool_Type, &AdByteArray_Type, &AdBytes_Type, &AdDict_Type,
                                        &AdFloat_Type, &AdFrozenSet_Type, &AdInt_Type, &AdList_Type,
                                        &AdSet_Type, &AdStr_Type, &AdTuple_Type};
    for (size_t i = 0; i < sizeof self_types / sizeof *self_types; i++)
        if (AdType_IsSubtype(t, self_types[i]))
            return 1;
    return 0;
}

/* 1 with *attr, 0 when absent (no match), -1 on error. */
static int match_class_attr(AdObject *subject, AdObject *type, AdObject *name, AdObject *seen, AdObject **attr)
{
    int has = AdSet_Contains(seen, name);
    if (has < 0)
        return -1;
    if (has) {
        AdErr_Format(AdExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                     AdType_Name((AdTypeObject *)type), name);
        return -1;
    }
    if (AdSet_Add(seen, name) < 0)
        return -1;
    return AdObject_GetOptionalAttr(subject, name, attr);
}

AdObject *vm_match_class(AdObject *subject, AdObject *type, Ad_ssize_t nargs, AdObject *kwargs)
{
    if (!AdType_Check(type)) {
        AdErr_SetString(AdExc_TypeError, "called match pattern must be a class");
        return NULL;
    }
    int inst = AdObject_IsInstance(subject, type);
    if (inst < 0)
        return NULL;
    if (!inst)
        return Ad_NewRef(Ad_None);
    AdObject *seen = AdSet_New(NULL);
    AdObject *attrs = AdList_New(0);
    AdObject *match_args = NULL, *result = NULL;
    if (!seen || !attrs)
        goto done;
    if (nargs) {
        int match_self = 0;
        int rc = AdObject_GetOptionalAttr(type, str_id("__match_args__"), &match_args);
        if (rc < 0)
            goto done;
        if (rc) {
            if (!AdTuple_CheckExact(match_args)) {
                AdErr_Format(AdExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                             AdType_Name((AdTypeObject *)type), AdType_Name(AD_TYPE(match_args)));
                goto done;
            }
        } else {
            match_self = match_self_type((AdTypeObject *)type);
            match_args = AdTuple_New(0);
            if (!match_args)
                goto done;
        }
        Ad_ssize_t allowed = match_self ? 1 : AdTuple_GET_SIZE(match_args);
        if (allowed < nargs) {
            AdErr_Format(AdExc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                         AdType_Name((AdTypeObject *)type), allowed, allowed == 1 ? "" : "s", nargs);
            goto done;
        }
        if (match_self) {
            if (AdList_Append(attrs, subject) < 0)
                goto done;
        } else {
            for (Ad_ssize_t i = 0; i < nargs; i++) {
                AdObject *name = AdTuple_GET_ITEM(match_args, i);
                if (!AdStr_Check(name)) {
                    AdErr_Format(AdExc_TypeError, "__match_args__ elements must be strings (got %s)",
                                 AdType_Name(AD_TYPE(name)));
                    goto done;
                }
                AdObject *a = NULL;
                int r = match_class_attr(subject, type, name, seen, &a);
                if (r < 0)
                    goto done;
                if (r == 0) {
                    result = Ad_NewRef(Ad_None);
                    goto done;
                }
                int ar = AdList_Append(attrs, a);
                Ad_DECREF(a);
                if (ar < 0)
                    goto done;
            }
        }
    }
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(kwargs); i++) {
        AdObject *a = NULL;
        int r = match_class_attr(subject, type, AdTuple_GET_ITEM(kwargs, i), seen, &a);
        if (r < 0)
            goto done;
        if (r == 0) {
            result = Ad_NewRef(Ad_None);
            goto done;
        }
        int ar = AdList_Append(attrs, a);
        Ad_DECREF(a);
        if (ar < 0)
            goto done;
    }
    result = AdList_AsTuple(attrs);
done:
    Ad_XDECREF(seen);
    Ad_XDECREF(attrs);
    Ad_XDECREF(match_args);
    return result;
}

/* ---- except / except* ----------------------------------------------------------------- */

static const char cannot_catch_msg[] = "catching classes that do not inherit from BaseException is not allowed";

int vm_check_except_type_valid(AdObject *right)
{
    if (AdTuple_Check(right)) {
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(right); i++)
            if (!AdExceptionClass_Check(AdTuple_GET_ITEM(right, i))) {
                AdErr_SetString(AdExc_TypeError, cannot_catch_msg);
                return -1;
            }
        return 0;
    }
    if (!AdExceptionClass_Check(right)) {
        AdErr_SetString(AdExc_TypeError, cannot_catch_msg);
        return -1;
    }
    return 0;
}

int vm_check_except_star_type_valid(AdObject *right)
{
    if (vm_check_except_type_valid(right) < 0)
        return -1;
    Ad_ssize_t n = AdTuple_Check(right) ? AdTuple_GET_SIZE(right) : 1;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *t = AdTuple_Check(right) ? AdTuple_GET_ITEM(right, i) : right;
        if (AdType_IsSubtype((AdTypeObject *)t, &AdExcType_BaseExceptionGroup)) {
            AdErr_SetString(AdExc_TypeError,
                            "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

static int is_exception_group(AdObject *e)
{
    return AdObject_TypeCheck(e, &AdExcType_BaseExceptionGroup);
}

int vm_exception_group_match(AdFrame *f, AdObject *exc, AdObject *match_type, AdObject **match,
                             AdObject **rest)
{
    if (exc == Ad_None) {
        *match = Ad_NewRef(Ad_None);
        *rest = Ad_NewRef(Ad_None);
        return 0;
    }
    if (AdErr_GivenExceptionMatches(exc, match_type)) {
        AdObject *wrapped;
        if (is_exception_group(exc)) {
            wrapped = Ad_NewRef(exc);
        } else {
            AdObject *excs = AdTuple_Pack(1, exc);
            AdObject *msg = AdStr_FromString("");
            AdObject *args[2] = {msg, excs};
            wrapped = (excs && msg) ? AdObject_Vectorcall(AdExc_BaseExceptionGroup, args, 2, NULL) : NULL;
            Ad_XDECREF(excs);
            Ad_XDECREF(msg);
            if (!wrapped)
                return -1;
            AdObject *fo = vm_frame_get_object(f);
            if (fo) {
                AdObject *tb = AdTraceback_New(NULL, fo, vm_frame_lasti(f),
                                               AdCode_Addr2Line(f->f_code, vm_frame_lasti(f)));
                if (tb) {
                    AdException_SetTraceback(wrapped, tb);
                    Ad_DECREF(tb);
                }
            }
        }
        *match = wrapped;
        *rest = Ad_NewRef(Ad_None);
        return 0;
    }
    if (is_exception_group(exc)) {
        AdObject *pair = AdObject_CallMethod(exc, str_id("split"), &match_type, 1);
        if (!pair)
            return -1;
        if (!AdTuple_CheckExact(pair) || AdTuple_GET_SIZE(pair) != 2) {
            AdErr_Format(AdExc_TypeError, "%s.split must return a 2-tuple, got %s",
                         AdType_Name(AD_TYPE(exc)), AdType_Name(AD_TYPE(pair)));
            Ad_DECREF(pair);
            return -1;
        }
        *match = Ad_NewRef(AdTuple_GET_ITEM(pair, 0));
        *rest = Ad_NewRef(AdTuple_GET_ITEM(pair, 1));
        Ad_DECREF(pair);
        return 0;
    }
    *match = Ad_NewRef(Ad_None);
    *rest = Ad_NewRef(exc);
    return 0;
}

static int same_exception_metadata(AdObject *a, AdObject *b)
{
    AdBaseExceptionObject *x = (AdBaseExceptionObject *)a, *y = (AdBaseExceptionObject *)b;
    return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause &&
           x->context == y->context;
}

static int collect_leaf_ids(AdObject *e, AdObject *ids)
{
    if (e == Ad_None)
        return 0;
    if (!is_exception_group(e)) {
        AdObject *id = AdInt_FromUInt64((uint64_t)(uintptr_t)e);
        int rc = id ? AdSet_Add(ids, id) : -1;
        Ad_XDECREF(id);
        return rc;
    }
    AdObject *excs = AdObject_GetAttrString(e, "exceptions");
    if (!excs)
        return -1;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(excs); i++)
        if (collect_leaf_ids(AdTuple_GET_ITEM(excs, i), ids) < 0) {
            Ad_DECREF(excs);
            return -1;
        }
    Ad_DECREF(excs);
    return 0;
}

static AdObject *leaf_in_set(AdObject *ids, AdObject *leaf)
{
    AdObject *id = AdInt_FromUInt64((uint64_t)(uintptr_t)leaf);
    if (!id)
        return NULL;
    int rc = AdSet_Contains(ids, id);
    Ad_DECREF(id);
    if (rc < 0)
        return NULL;
    return Ad_NewRef(rc ? Ad_True : Ad_False);
}

static AdMethodDef leaf_in_set_def = {"_leaf_in_set", (void (*)(void))leaf_in_set, AD_METH_O, NULL};

/* The part of orig whose leaves appear in keep (None when none). */
static AdObject *exception_group_projection(AdObject *orig, AdObject *keep)
{
    AdObject *ids = AdSet_New(NULL);
    if (!ids)
        return NULL;
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(keep); i++)
        if (collect_leaf_ids(AdList_GET_ITEM(keep, i), ids) < 0) {
            Ad_DECREF(ids);
            return NULL;
        }
    AdObject *pred = AdCFunction_NewEx(&leaf_in_set_def, ids, NULL);
    Ad_DECREF(ids);
    if (!pred)
        return NULL;
    AdObject *pair = AdObject_CallMethod(orig, str_id("split"), &pred, 1);
    Ad_DECREF(pred);
    if (!pair)
        return NULL;
    AdObject *r = Ad_NewRef(AdTuple_GET_ITEM(pair, 0));
    Ad_DECREF(pair);
    return r;
}

AdObject *vm_prep_reraise_star(AdObject *orig, AdObject *excs)
{
    Ad_ssize_t n = AdList_GET_SIZE(excs);
    if (n == 0)
        return Ad_NewRef(Ad_None);
    if (!is_exception_group(orig)) {
        for (Ad_ssize_t i = 0; i < n; i++) {
            AdObject *e = AdList_GET_ITEM(excs, i);
            if (e != Ad_None)
                return Ad_NewRef(e);
        }
        return Ad_NewRef(Ad_None);
    }
    AdObject *raised = AdList_New(0), *reraised = AdList_New(0), *result = NULL, *reraised_eg = NULL;
    if (!raised || !reraised)
        goto done;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *e = AdList_GET_ITEM(excs, i);
        if (e == Ad_None)
            continue;
        if (AdList_Append(same_exception_metadata(e, orig) ? reraised : raised, e) < 0)
            goto done;
    }
    reraised_eg = exception_group_projection(orig, reraised);
    if (!reraised_eg)
        goto done;
    if (AdList_GET_SIZE(raised) == 0) {
        result = Ad_NewRef(reraised_eg);
        goto done;
    }
    if (reraised_eg != Ad_None && AdList_Append(raised, reraised_eg) < 0)
        goto done;
    if (AdList_GET_SIZE(raised) == 1) {
        result = Ad_NewRef(AdList_GET_ITEM(raised, 0));
    } else {
        AdObject *msg = AdStr_FromString("");
        AdObject *args[2] = {msg, raised};
        result = msg ? AdObject_Vectorcall(AdExc_ExceptionGroup, args, 2, NULL) : NULL;
        Ad_XDECREF(msg);
    }
done:
    Ad_XDECREF(raised);
    Ad_XDECREF(reraised);
    Ad_XDECREF(reraised_eg);
    return result;
}

/* ---- raise ------------------------------------------------------------------------------ */

int vm_do_raise(AdObject *exc, AdObject *cause)
{
    if (!exc) {
        AdObject *h = AdEval_GetHandledException();
        if (!h) {
            AdErr_SetString(AdExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        AdErr_SetRaisedException(Ad_NewRef(h));
        return 1;
    }
    AdObject *value;
    if (AdExceptionClass_Check(exc)) {
        value = AdObject_CallNoArgs(exc);
        if (!value)
            goto fail;
        if (!AdExceptionInstance_Check(value)) {
            AdErr_Format(AdExc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                         exc, (AdObject *)AD_TYPE(value));
            Ad_DECREF(value);
            goto fail;
        }
    } else if (AdExceptionInstance_Check(exc)) {
        value = Ad_NewRef(exc);
    } else {
        AdErr_SetString(AdExc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        AdObject *fixed;
        if (AdExceptionClass_Check(cause)) {
            fixed = AdObject_CallNoArgs(cause);
            if (!fixed) {
                Ad_DECREF(value);
                goto fail;
            }
            if (!AdExceptionInstance_Check(fixed)) {
                AdErr_Format(AdExc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                             cause, (AdObject *)AD_TYPE(fixed));
                Ad_DECREF(fixed);
                Ad_DECREF(value);
                goto fail;
            }
        } else if (AdExceptionInstance_Check(cause)) {
            fixed = Ad_NewRef(cause);
        } else if (cause == Ad_None) {
            fixed = NULL;
        } else {
            AdErr_SetString(AdExc_TypeError, "exception causes must derive from BaseException");
            Ad_DECREF(value);
            goto fail;
        }
        AdException_SetCause(value, fixed);
    }
    AdErr_SetObject((AdObject *)AD_TYPE(value), value);
    Ad_DECREF(value);
    Ad_XDECREF(exc);
    Ad_XDECREF(cause);
    return 0;
fail:
    Ad_XDECREF(exc);
    Ad_XDECREF(cause);
    return 0;
}

/* ---- calls ------------------------------------------------------------------------------- */

void vm_dict_merge_error(AdObject *func, AdObject *update)
{
    if (AdErr_Occurred() && !AdErr_ExceptionMatches(AdExc_AttributeError))
        return;
    AdErr_Clear();
    AdObject *fs = AdObject_FunctionStr(func);
    if (!fs)
        return;
    AdErr_Format(AdExc_TypeError, "%U argument after ** must be a mapping, not %s", fs,
                 AdType_Name(AD_TYPE(update)));
    Ad_DECREF(fs);
}

int vm_check_args_iterable(AdObject *func, AdObject *args)
{
    if (AD_TYPE(args)->tp_iter || AdType_LookupString(AD_TYPE(args), "__getitem__"))
        return 0;
    AdObject *fs = AdObject_FunctionStr(func);
    if (fs) {
        AdErr_Format(AdExc_TypeError, "%U argument after * must be an iterable, not %s", fs,
                     AdType_Name(AD_TYPE(args)));
        Ad_DECREF(fs);
    }
    return -1;
}

/* ---- awaitables and async iteration -------------------------------------------------------- */

AdObject *vm_get_awaitable(AdObject *iterable, int oparg)
{
    AdObject *it = AdCoro_GetAwaitableIter(iterable);
    if (!it) {
        if (oparg && AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdAsyncMethods *am = AD_TYPE(iterable)->tp_as_async;
            if (!am || !am->am_await) {
                AdErr_Clear();
                AdErr_Format(AdExc_TypeError,
                             "'async with' received an object from __a%s__ that does not implement __await__: %s",
                             oparg == 1 ? "enter" : "exit", AdType_Name(AD_TYPE(iterable)));
            }
        }
        return NULL;
    }
    if (AdCoro_CheckExact(it)) {
        AdObject *yf = AdGen_GetYieldFrom(it);
        if (yf) {
            Ad_DECREF(yf);
            Ad_DECREF(it);
            AdErr_SetString(AdExc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
    }
    return it;
}

AdObject *vm_get_aiter(AdObject *obj)
{
    AdAsyncMethods *am = AD_TYPE(obj)->tp_as_async;
    if (!am || !am->am_aiter) {
        AdErr_Format(AdExc_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                     AdType_Name(AD_TYPE(obj)));
        return NULL;
    }
    AdObject *it = am->am_aiter(obj);
    if (!it)
        return NULL;
    AdAsyncMethods *im = AD_TYPE(it)->tp_as_async;
    if (!im || !im->am_anext) {
        AdErr_Format(AdExc_TypeError,
                     "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                     AdType_Name(AD_TYPE(it)));
        Ad_DECREF(it);
        return NULL;
    }
    return it;
}

AdObject *vm_get_anext(AdObject *aiter)
{
    AdAsyncMethods *am = AD_TYPE(aiter)->tp_as_async;
    if (!am || !am->am_anext) {
        AdErr_Format(AdExc_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                     AdType_Name(AD_TYPE(aiter)));
        return NULL;
    }
    AdObject *next = am->am_anext(aiter);
    if (!next)
        return NULL;
    if (AdAsyncGen_CheckExact(aiter))
        return next;
    AdObject *aw = AdCoro_GetAwaitableIter(next);
    if (!aw) {
        AdObject *cause = AdErr_GetRaisedException();
        AdErr_Format(AdExc_TypeError, "'async for' received an invalid object from __anext__: %s",
                     AdType_Name(AD_TYPE(next)));
        AdObject *exc = AdErr_GetRaisedException();
        if (exc && cause) {
            AdException_SetCause(exc, cause);
            cause = NULL;
        }
        Ad_XDECREF(cause);
        AdErr_SetRaisedException(exc);
    }
    Ad_DECREF(next);
    return aw;
}

AdObject *vm_gen_send_value(AdObject *receiver, AdObject *v, int *returned)
{
    *returned = 0;
    if (AdGen_CheckExact(receiver) || AdCoro_CheckExact(receiver)) {
        AdObject *r = NULL;
        AdGenSendResult k = AdGen_Send(receiver, v, &r);
        if (k == AD_GEN_ERROR)
            return NULL;
        *returned = k == AD_GEN_RETURN;
        return r;
    }
    AdObject *r;
    if (v == Ad_None && AD_TYPE(receiver)->tp_iternext)
        r = AD_TYPE(receiver)->tp_iternext(receiver);
    else
        r = AdObject_CallMethod(receiver, str_id("send"), &v, 1);
    if (r)
        return r;
    if (!AdErr_Occurred()) {
        *returned = 1;
        return Ad_NewRef(Ad_None);
    }
    if (!AdErr_ExceptionMatches(AdExc_StopIteration))
        return NULL;
    AdObject *exc = AdErr_GetRaisedException();
    AdObject *value = AdObject_GetAttrString(exc, "value");
    Ad_DECREF(exc);
    if (!value)
        return NULL;
    *returned = 1;
    return value;
}

/* ---- intrinsics ------------------------------------------------------------------------------ */

static AdObject *stopiteration_error(AdFrame *f, AdObject *exc)
{
    int flags = ((AdCodeObject *)f->f_code)->co_flags;
    const char *msg = NULL;
    if (AdErr_GivenExceptionMatches(exc, AdExc_StopIteration)) {
        msg = (flags & AD_CO_ASYNC_GENERATOR) ? "async generator raised StopIteration"
              : (flags & AD_CO_COROUTINE)     ? "coroutine raised StopIteration"
                                              : "generator raised StopIteration";
    } else if ((flags & AD_CO_ASYNC_GENERATOR) &&
               AdErr_GivenExceptionMatches(exc, AdExc_StopAsyncIteration)) {
        msg = "async generator raised StopAsyncIteration";
    }
    if (!msg)
        return Ad_NewRef(exc);
    AdObject *s = AdStr_FromString(msg);
    AdObject *err = s ? AdObject_CallOneArg(AdExc_RuntimeError, s) : NULL;
    Ad_XDECREF(s);
    if (!err)
        return NULL;
    AdException_SetCause(err, Ad_NewRef(exc));
    AdException_SetContext(err, Ad_NewRef(exc));
    return err;
}

AdObject *vm_intrinsic1(AdFrame *f, int which, AdObject *v)
{
    switch (which) {
    case 1: /* INTRINSIC_PRINT */
        if (AdEval_DisplayHook) {
            if (AdEval_DisplayHook(v) < 0)
                return NULL;
        } else if (v != Ad_None) {
            AdObject *r = AdObject_Repr(v);
            if (!r)
                return NULL;
            const char *s = AdStr_AsUTF8(r);
            if (s)
                printf("%s\n", s);
            Ad_DECREF(r);
            if (!s)
                return NULL;
        }
        return Ad_NewRef(Ad_None);
    case 2: /* INTRINSIC_IMPORT_STAR */
        if (vm_import_star(f, v) < 0)
            return NULL;
        return Ad_NewRef(Ad_None);
    case 3:
        return stopiteration_error(f, v);
    case 4:
        return ad_gen_wrap_value(v);
    case 5:
        return AdNumber_Positive(v);
    case 6:
        return AdList_AsTuple(v);
    case 7: return AdTypeVar_Make(v, NULL, NULL);
    case 8: return AdParamSpec_Make(v);
    case 9: return AdTypeVarTuple_Make(v);
    case 10: return AdGeneric_Subscript(v);
    case 11: return AdTypeAlias_Make(v);
    default:
        AdErr_Format(AdExc_SystemError, "invalid intrinsic function %d", which);
        return NULL;
    }
}

AdObject *vm_intrinsic2(AdFrame *f, int which, AdObject *v1, AdObject *v2)
{
    (void)f;
    switch (which) {
    case 1:
        return vm_prep_reraise_star(v1, v2);
    case 2: return AdTypeVar_Make(v1, v2, NULL);
    case 3: return AdTypeVar_Make(v1, NULL, v2);
    case 4:
        if (AdFunction_Check(v1) && AdFunction_SetTypeParams(v1, v2) < 0)
            return NULL;
        return Ad_NewRef(v1);
    case 5: return AdTypeParam_SetDefault(v1, v2);
    default:
        AdErr_Format(AdExc_SystemError, "invalid intrinsic function %d", which);
        return NULL;
    }
}
