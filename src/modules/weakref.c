/* weakref.c: the _weakref module (the native half of Lib/weakref.py):
 * ref/ReferenceType, proxy, ProxyType, CallableProxyType, getweakrefcount,
 * getweakrefs and _remove_dead_weakref. The types live in
 * objects/weakrefobject.c. */
#include "import/builtin_modules.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"

#define FN(f) ((void (*)(void))(f))

static AdObject *weakref_getweakrefcount(AdObject *m, AdObject *obj)
{
    (void)m;
    return AdInt_FromSsize_t(AdWeakref_Count(obj));
}

static AdObject *weakref_getweakrefs(AdObject *m, AdObject *obj)
{
    (void)m;
    AdObject *list = AdList_New(0);
    if (!list || !AdType_SupportsWeakRefs(AD_TYPE(obj)))
        return list;
    AdObject *head = *AdObject_WeakListPtr(obj);
    for (AdWeakRefObject *wr = (AdWeakRefObject *)head; wr; wr = wr->wr_next)
        if (AdList_Append(list, (AdObject *)wr) < 0) {
            Ad_DECREF(list);
            return NULL;
        }
    return list;
}

static AdObject *weakref_remove_dead(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("_remove_dead_weakref", nargs, 2, 2) < 0)
        return NULL;
    AdObject *d = args[0], *key = args[1];
    if (!AdDict_Check(d))
        return AdErr_Format(AdExc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                            AdType_Name(AD_TYPE(d)));
    AdObject *value = AdDict_GetItemWithError(d, key);
    if (!value)
        return AdErr_Occurred() ? NULL : Ad_NewRef(Ad_None);
    if (!AdWeakref_Check(value))
        return AdErr_Format(AdExc_TypeError, "not a weakref");
    AdObject *o = AdWeakref_GetRef(value);
    if (o) {
        Ad_DECREF(o);
        Ad_RETURN_NONE;
    }
    if (AdDict_DelItem(d, key) < 0) {
        if (!AdErr_ExceptionMatches(AdExc_KeyError))
            return NULL;
        AdErr_Clear();
    }
    Ad_RETURN_NONE;
}

static AdObject *weakref_proxy(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("proxy", nargs, 1, 2) < 0)
        return NULL;
    return AdWeakref_NewProxy(args[0], nargs > 1 ? args[1] : NULL);
}

static AdMethodDef weakref_methods[] = {
    {"getweakrefcount", FN(weakref_getweakrefcount), AD_METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", FN(weakref_getweakrefs), AD_METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", FN(weakref_remove_dead), AD_METH_FASTCALL,
     "Atomically remove key from dict if it points to a dead weakref."},
    {"proxy", FN(weakref_proxy), AD_METH_FASTCALL,
     "Create a proxy object that weakly references 'object'.\n\n"
     "'callback', if given, is called with a reference to the\n"
     "proxy when 'object' is about to be finalized."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitWeakref(void)
{
    if (AdType_Ready(&AdWeakref_RefType) < 0 || AdType_Ready(&AdWeakref_ProxyType) < 0 ||
        AdType_Ready(&AdWeakref_CallableProxyType) < 0)
        return NULL;
    AdObject *m = AdModule_New("_weakref");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "Weak-reference support module.") < 0 ||
        AdModule_AddFunctions(m, weakref_methods) < 0 ||
        AdModule_AddObjectRef(m, "ref", (AdObject *)&AdWeakref_RefType) < 0 ||
        AdModule_AddObjectRef(m, "ReferenceType", (AdObject *)&AdWeakref_RefType) < 0 ||
        AdModule_AddObjectRef(m, "ProxyType", (AdObject *)&AdWeakref_ProxyType) < 0 ||
        AdModule_AddObjectRef(m, "CallableProxyType", (AdObject *)&AdWeakref_CallableProxyType) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
