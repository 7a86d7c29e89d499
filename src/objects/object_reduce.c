/* object_reduce.c: the pickling protocol of `object`: __reduce_ex__,
 * __reduce__ and __getstate__. Protocols 0 and 1 defer to
 * copyreg._reduce_ex; protocols 2 and up build the
 * (copyreg.__newobj__ or __newobj_ex__, args, state, listitems, dictitems)
 * tuple from __getnewargs_ex__ / __getnewargs__, the state that
 * __getstate__ gives (instance dict and/or a dict of slot values) and item
 * iterators for list and dict subclasses; also the __reduce__ of builtin
 * functions, method descriptors and sequence iterators. */
#include "objects/typeobject.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "import/import.h"
#include "vm/ceval.h"

#include <string.h>

#include "objects/object_reduce.h"

/* An interned name, made once (immortal strings are kept by the intern
 * table). Borrowed; NULL with an exception on failure. */
static AdObject *name_of(AdObject **cache, const char *s)
{
    if (!*cache)
        *cache = AdStr_InternFromString(s);
    return *cache;
}

#define NAME(var, text) static AdObject *var##_cache; AdObject *var = name_of(&var##_cache, text); \
    if (!var) return NULL

/* The copyreg module (new ref). */
static AdObject *import_copyreg(void)
{
    return AdImport_ImportModule("copyreg");
}

/* type(obj).__slotnames__ computed by copyreg._slotnames when the class
 * dict does not hold it: a list, or None; new ref or NULL. */
static AdObject *type_slotnames(AdTypeObject *type)
{
    NAME(slotnames_name, "__slotnames__");
    AdObject *cached = type->tp_dict ? AdDict_GetItemWithError(type->tp_dict, slotnames_name) : NULL;
    if (cached) {
        if (cached != Ad_None && !AdList_Check(cached))
            return AdErr_Format(AdExc_TypeError, "%s.__slotnames__ should be a list or None, not %s",
                                AdType_Name(type), AdType_Name(AD_TYPE(cached)));
        return Ad_NewRef(cached);
    }
    if (AdErr_Occurred())
        return NULL;
    AdObject *copyreg = import_copyreg();
    if (!copyreg)
        return NULL;
    AdObject *func = AdObject_GetAttrString(copyreg, "_slotnames");
    Ad_DECREF(copyreg);
    if (!func)
        return NULL;
    AdObject *names = AdObject_CallOneArg(func, (AdObject *)type);
    Ad_DECREF(func);
    if (names && names != Ad_None && !AdList_Check(names)) {
        Ad_DECREF(names);
        return AdErr_Format(AdExc_TypeError, "copyreg._slotnames didn't return a list or None");
    }
    return names;
}

/* The nearest base that is not a class statement's type: its instance
 * layout is what native code owns. */
static AdTypeObject *native_base(AdTypeObject *type)
{
    while (type->tp_base && (type->tp_flags & AD_TPFLAGS_HEAPTYPE))
        type = type->tp_base;
    return type;
}

/* object.__getstate__ without an override. When `required` (nothing else
 * will rebuild the object), objects whose native part holds data that the
 * state cannot carry are refused. New ref or NULL. */
static AdObject *getstate_default(AdObject *obj, int required)
{
    AdTypeObject *type = AD_TYPE(obj);
    if (required && type->tp_itemsize)
        return AdErr_Format(AdExc_TypeError, "cannot pickle '%s' object", AdType_Name(type));
    AdObject *state;
    AdObject **dp = AdObject_GetDictPtr(obj);
    if (dp && *dp && (!AdDict_Check(*dp) || AdDict_GET_SIZE(*dp) > 0))
        state = Ad_NewRef(*dp);
    else
        state = Ad_NewRef(Ad_None);
    AdObject *slotnames = type_slotnames(type);
    if (!slotnames) {
        Ad_DECREF(state);
        return NULL;
    }
    if (required) {
        AdTypeObject *base = native_base(type);
        if (base != &AdBaseObject_Type && base->tp_basicsize > AdBaseObject_Type.tp_basicsize) {
            Ad_DECREF(slotnames);
            Ad_DECREF(state);
            return AdErr_Format(AdExc_TypeError, "cannot pickle '%s' object", AdType_Name(type));
        }
    }
    if (slotnames != Ad_None && AdList_GET_SIZE(slotnames) > 0) {
        AdObject *slots = AdDict_New();
        if (!slots)
            goto fail;
        Ad_ssize_t n = AdList_GET_SIZE(slotnames);
        for (Ad_ssize_t i = 0; i < n; i++) {
            AdObject *name = Ad_NewRef(AdList_GET_ITEM(slotnames, i));
            AdObject *value;
            int found = AdObject_GetOptionalAttr(obj, name, &value);
            if (found > 0) {
                int r = AdDict_SetItem(slots, name, value);
                Ad_DECREF(value);
                found = r < 0 ? -1 : 1;
            }
            Ad_DECREF(name);
            if (found < 0) {
                Ad_DECREF(slots);
                goto fail;
            }
            if (n != AdList_GET_SIZE(slotnames)) {
                Ad_DECREF(slots);
                AdErr_SetString(AdExc_RuntimeError, "__slotsname__ changed size during iteration");
                goto fail;
            }
        }
        if (AdDict_GET_SIZE(slots) > 0) {
            AdObject *pair = AdTuple_Pack(2, state, slots);
            Ad_DECREF(slots);
            if (!pair)
                goto fail;
            Ad_DECREF(state);
            state = pair;
        }
        else {
            Ad_DECREF(slots);
        }
    }
    Ad_DECREF(slotnames);
    return state;
fail:
    Ad_DECREF(slotnames);
    Ad_DECREF(state);
    return NULL;
}

AdObject *ad_object_getstate(AdObject *self, AdObject *unused)
{
    (void)unused;
    return getstate_default(self, 0);
}

/* obj.__getstate__(), or the default with `required` when the method is
 * object's own. New ref or NULL. */
static AdObject *object_state(AdObject *obj, int required)
{
    NAME(getstate_name, "__getstate__");
    AdObject *getstate = AdObject_GetAttr(obj, getstate_name);
    if (!getstate)
        return NULL;
    AdObject *state;
    if (AdCFunction_Check(getstate) && ((AdCFunctionObject *)getstate)->m_self == obj &&
        ((AdCFunctionObject *)getstate)->m_ml->ml_meth == (void (*)(void))ad_object_getstate)
        state = getstate_default(obj, required);
    else
        state = AdObject_CallNoArgs(getstate);
    Ad_DECREF(getstate);
    return state;
}

/* The arguments for __new__: from __getnewargs_ex__ (args and kwargs) or
 * __getnewargs__ (args only); both NULL when neither exists. 0 or -1. */
static int new_arguments(AdObject *obj, AdObject **args, AdObject **kwargs)
{
    static AdObject *ex_cache, *plain_cache;
    AdObject *ex_name = name_of(&ex_cache, "__getnewargs_ex__");
    AdObject *plain_name = name_of(&plain_cache, "__getnewargs__");
    *args = *kwargs = NULL;
    if (!ex_name || !plain_name)
        return -1;
    AdObject *meth = AdObject_LookupSpecial(obj, ex_name);
    if (meth) {
        AdObject *r = AdObject_CallNoArgs(meth);
        Ad_DECREF(meth);
        if (!r)
            return -1;
        if (!AdTuple_Check(r)) {
            AdErr_Format(AdExc_TypeError, "__getnewargs_ex__ should return a tuple, not '%s'",
                         AdType_Name(AD_TYPE(r)));
            Ad_DECREF(r);
            return -1;
        }
        if (AdTuple_GET_SIZE(r) != 2) {
            AdErr_Format(AdExc_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                         AdTuple_GET_SIZE(r));
            Ad_DECREF(r);
            return -1;
        }
        AdObject *a = AdTuple_GET_ITEM(r, 0), *k = AdTuple_GET_ITEM(r, 1);
        if (!AdTuple_Check(a)) {
            AdErr_Format(AdExc_TypeError,
                         "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                         AdType_Name(AD_TYPE(a)));
            Ad_DECREF(r);
            return -1;
        }
        if (!AdDict_Check(k)) {
            AdErr_Format(AdExc_TypeError,
                         "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                         AdType_Name(AD_TYPE(k)));
            Ad_DECREF(r);
            return -1;
        }
        *args = Ad_NewRef(a);
        *kwargs = Ad_NewRef(k);
        Ad_DECREF(r);
        return 0;
    }
    if (AdErr_Occurred())
        return -1;
    meth = AdObject_LookupSpecial(obj, plain_name);
    if (meth) {
        AdObject *r = AdObject_CallNoArgs(meth);
        Ad_DECREF(meth);
        if (!r)
            return -1;
        if (!AdTuple_Check(r)) {
            AdErr_Format(AdExc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                         AdType_Name(AD_TYPE(r)));
            Ad_DECREF(r);
            return -1;
        }
        *args = r;
        return 0;
    }
    return AdErr_Occurred() ? -1 : 0;
}

/* Protocol 2+: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems)
 * or (copyreg.__newobj_ex__, (cls, args, kwargs), ...). */
static AdObject *reduce_newobj(AdObject *obj)
{
    AdTypeObject *type = AD_TYPE(obj);
    if (!type->tp_new)
        return AdErr_Format(AdExc_TypeError, "cannot pickle '%s' object", AdType_Name(type));
    AdObject *args, *kwargs;
    if (new_arguments(obj, &args, &kwargs) < 0)
        return NULL;
    AdObject *copyreg = import_copyreg();
    if (!copyreg) {
        Ad_XDECREF(args);
        Ad_XDECREF(kwargs);
        return NULL;
    }
    int hasargs = args != NULL;
    AdObject *newobj, *newargs;
    if (!kwargs || AdDict_GET_SIZE(kwargs) == 0) {
        newobj = AdObject_GetAttrString(copyreg, "__newobj__");
        Ad_ssize_t n = args ? AdTuple_GET_SIZE(args) : 0;
        newargs = newobj ? AdTuple_New(n + 1) : NULL;
        if (newargs) {
            AdTuple_SET_ITEM(newargs, 0, Ad_NewRef((AdObject *)type));
            for (Ad_ssize_t i = 0; i < n; i++)
                AdTuple_SET_ITEM(newargs, i + 1, Ad_NewRef(AdTuple_GET_ITEM(args, i)));
        }
    }
    else {
        newobj = AdObject_GetAttrString(copyreg, "__newobj_ex__");
        newargs = newobj ? AdTuple_Pack(3, (AdObject *)type, args, kwargs) : NULL;
    }
    Ad_DECREF(copyreg);
    Ad_XDECREF(args);
    Ad_XDECREF(kwargs);
    if (!newargs) {
        Ad_XDECREF(newobj);
        return NULL;
    }
    AdObject *state = object_state(obj, !(hasargs || AdList_Check(obj) || AdDict_Check(obj)));
    AdObject *listitems = NULL, *dictitems = NULL, *result = NULL;
    if (!state)
        goto done;
    listitems = AdList_Check(obj) ? AdObject_GetIter(obj) : Ad_NewRef(Ad_None);
    if (!listitems)
        goto done;
    if (AdDict_Check(obj)) {
        AdObject *items = AdObject_CallMethod(obj, AdStr_InternFromString("items"), NULL, 0);
        if (!items)
            goto done;
        dictitems = AdObject_GetIter(items);
        Ad_DECREF(items);
        if (!dictitems)
            goto done;
    }
    else {
        dictitems = Ad_NewRef(Ad_None);
    }
    result = AdTuple_Pack(5, newobj, newargs, state, listitems, dictitems);
done:
    Ad_DECREF(newobj);
    Ad_DECREF(newargs);
    Ad_XDECREF(state);
    Ad_XDECREF(listitems);
    Ad_XDECREF(dictitems);
    return result;
}

static AdObject *common_reduce(AdObject *self, Ad_ssize_t proto)
{
    if (proto >= 2)
        return reduce_newobj(self);
    AdObject *copyreg = import_copyreg();
    if (!copyreg)
        return NULL;
    AdObject *func = AdObject_GetAttrString(copyreg, "_reduce_ex");
    Ad_DECREF(copyreg);
    if (!func)
        return NULL;
    AdObject *p = AdInt_FromSsize_t(proto);
    AdObject *r = NULL;
    if (p) {
        AdObject *argv[2] = {self, p};
        r = AdObject_Vectorcall(func, argv, 2, NULL);
        Ad_DECREF(p);
    }
    Ad_DECREF(func);
    return r;
}

AdObject *ad_object_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    return common_reduce(self, 0);
}

AdObject *ad_object_reduce_ex(AdObject *self, AdObject *protocol)
{
    Ad_ssize_t proto = AdNumber_AsSsize_t(protocol, NULL);
    if (proto == -1 && AdErr_Occurred())
        return NULL;
    NAME(reduce_name, "__reduce__");
    AdObject *objreduce = AdDict_GetItemWithError(AdBaseObject_Type.tp_dict, reduce_name);
    AdObject *reduce;
    int found = AdObject_GetOptionalAttr(self, reduce_name, &reduce);
    if (found < 0)
        return NULL;
    if (found) {
        AdObject *clsreduce = AdObject_GetAttr((AdObject *)AD_TYPE(self), reduce_name);
        if (!clsreduce) {
            Ad_DECREF(reduce);
            return NULL;
        }
        int override = clsreduce != objreduce;
        Ad_DECREF(clsreduce);
        if (override) {
            AdObject *r = AdObject_CallNoArgs(reduce);
            Ad_DECREF(reduce);
            return r;
        }
        Ad_DECREF(reduce);
    }
    return common_reduce(self, proto);
}

AdObject *AdObject_GetState(AdObject *obj)
{
    return object_state(obj, 0);
}

/* ---- __reduce__ of native callables and iterators ---------------------------- */

/* builtins.<name> (new ref), for the reduce values below. */
static AdObject *builtin_named(const char *name)
{
    AdObject *b = AdEval_GetBuiltins();
    AdObject *f = b && AdDict_Check(b) ? AdDict_GetItemString(b, name) : NULL;
    if (!f)
        return AdErr_Format(AdExc_RuntimeError, "lost builtins.%s", name);
    return Ad_NewRef(f);
}

/* (getattr, (owner, name)). */
static AdObject *getattr_reduce(AdObject *owner, AdObject *name)
{
    AdObject *getattr = builtin_named("getattr");
    if (!getattr)
        return NULL;
    AdObject *args = AdTuple_Pack(2, owner, name);
    AdObject *r = args ? AdTuple_Pack(2, getattr, args) : NULL;
    Ad_DECREF(getattr);
    Ad_XDECREF(args);
    return r;
}

AdObject *ad_descr_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdDescrObject *d = (AdDescrObject *)self;
    return getattr_reduce((AdObject *)d->d_type, d->d_name);
}

AdObject *ad_bound_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (AdCFunction_Check(self)) {
        AdCFunctionObject *f = (AdCFunctionObject *)self;
        if (!f->m_self || strcmp(AD_TYPE(f->m_self)->tp_name, "module") == 0)
            return AdStr_FromString(f->m_ml->ml_name);
    }
    AdObject *owner = AdObject_GetAttrString(self, "__self__");
    if (!owner)
        return NULL;
    AdObject *name = AdObject_GetAttrString(self, "__name__");
    AdObject *r = name ? getattr_reduce(owner, name) : NULL;
    Ad_DECREF(owner);
    Ad_XDECREF(name);
    return r;
}

AdObject *AdIter_Reduce(const char *builtin, AdObject *seq, AdObject *empty, Ad_ssize_t index)
{
    if (!seq && !empty)
        return NULL;
    AdObject *callable = builtin_named(builtin);
    if (!callable) {
        Ad_XDECREF(empty);
        return NULL;
    }
    AdObject *r;
    if (seq) {
        AdObject *args = AdTuple_Pack(1, seq);
        AdObject *pos = args ? AdInt_FromSsize_t(index) : NULL;
        r = pos ? AdTuple_Pack(3, callable, args, pos) : NULL;
        Ad_XDECREF(args);
        Ad_XDECREF(pos);
    }
    else {
        AdObject *args = AdTuple_Pack(1, empty);
        r = args ? AdTuple_Pack(2, callable, args) : NULL;
        Ad_XDECREF(args);
    }
    Ad_DECREF(callable);
    Ad_XDECREF(empty);
    return r;
}
