/* build_class.c: builtins.__build_class__, the class statement's
 * machinery: __mro_entries__ (PEP 560) and __orig_bases__, the most
 * derived metaclass, __prepare__ (PEP 3115), running the class body with
 * the namespace as its locals, calling the metaclass, and the checks of
 * the __classcell__ protocol. */
#include "vm/ceval.h"
#include "vm/vm_int.h"
#include "objects/abstract.h"
#include "objects/cell.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

static AdObject *update_bases(AdObject *bases)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(bases);
    AdObject *out = NULL;   /* list once something changes */
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *base = AdTuple_GET_ITEM(bases, i);
        AdObject *meth = NULL;
        if (AdType_Check(base)) {
            if (out && AdList_Append(out, base) < 0)
                goto fail;
            continue;
        }
        int rc = AdObject_GetOptionalAttr(base, AdStr_InternFromString("__mro_entries__"), &meth);
        if (rc < 0)
            goto fail;
        if (!rc) {
            if (out && AdList_Append(out, base) < 0)
                goto fail;
            continue;
        }
        AdObject *entries = AdObject_CallOneArg(meth, bases);
        Ad_DECREF(meth);
        if (!entries)
            goto fail;
        if (!AdTuple_Check(entries)) {
            AdErr_SetString(AdExc_TypeError, "__mro_entries__ must return a tuple");
            Ad_DECREF(entries);
            goto fail;
        }
        if (!out) {
            out = AdTuple_GetSlice(bases, 0, i);
            AdObject *l = out ? AdSequence_List(out) : NULL;
            Ad_XDECREF(out);
            out = l;
            if (!out) {
                Ad_DECREF(entries);
                goto fail;
            }
        }
        int er = AdList_Extend(out, entries);
        Ad_DECREF(entries);
        if (er < 0)
            goto fail;
    }
    if (!out)
        return Ad_NewRef(bases);
    {
        AdObject *t = AdSequence_Tuple(out);
        Ad_DECREF(out);
        return t;
    }
fail:
    Ad_XDECREF(out);
    return NULL;
}

static AdTypeObject *calculate_metaclass(AdTypeObject *meta, AdObject *bases)
{
    AdTypeObject *winner = meta;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(bases); i++) {
        AdTypeObject *t = AD_TYPE(AdTuple_GET_ITEM(bases, i));
        if (AdType_IsSubtype(winner, t))
            continue;
        if (AdType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        AdErr_SetString(AdExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                        "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

AdObject *AdEval_BuildClass(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)self;
    nargs = AdVectorcall_NARGS((size_t)nargs);
    if (nargs < 2) {
        AdErr_SetString(AdExc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    AdObject *func = args[0], *name = args[1];
    if (!AdFunction_Check(func)) {
        AdErr_SetString(AdExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!AdStr_Check(name)) {
        AdErr_SetString(AdExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    AdObject *orig_bases = AdTuple_FromArray(args + 2, nargs - 2);
    if (!orig_bases)
        return NULL;
    AdObject *bases = NULL, *kwds = NULL, *meta = NULL, *ns = NULL, *cell = NULL, *cls = NULL;
    bases = update_bases(orig_bases);
    if (!bases)
        goto done;
    kwds = AdDict_New();
    if (!kwds)
        goto done;
    if (kwnames)
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(kwnames); i++)
            if (AdDict_SetItem(kwds, AdTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0)
                goto done;
    int isclass = 0;
    AdObject *mkey = AdStr_InternFromString("metaclass");
    int rc = AdDict_Pop(kwds, mkey, &meta);
    if (rc < 0)
        goto done;
    if (rc) {
        isclass = AdType_Check(meta);
    } else {
        meta = Ad_NewRef(AdTuple_GET_SIZE(bases) ? (AdObject *)AD_TYPE(AdTuple_GET_ITEM(bases, 0))
                                                 : (AdObject *)&AdType_Type);
        isclass = 1;
    }
    if (isclass) {
        AdTypeObject *winner = calculate_metaclass((AdTypeObject *)meta, bases);
        if (!winner)
            goto done;
        AD_SETREF(meta, Ad_NewRef((AdObject *)winner));
    }
    AdObject *prep = NULL;
    rc = AdObject_GetOptionalAttr(meta, AdStr_InternFromString("__prepare__"), &prep);
    if (rc < 0)
        goto done;
    if (rc) {
        AdObject *pargs[2] = {name, bases};
        AdObject *knames = NULL;
        AdObject *stack[64];
        Ad_ssize_t nk = AdDict_GET_SIZE(kwds);
        if (nk > 60) {
            Ad_DECREF(prep);
            AdErr_SetString(AdExc_TypeError, "too many class keywords");
            goto done;
        }
        stack[0] = pargs[0];
        stack[1] = pargs[1];
        if (nk) {
            knames = AdTuple_New(nk);
            if (!knames) {
                Ad_DECREF(prep);
                goto done;
            }
            Ad_ssize_t pos = 0, i = 0;
            AdObject *k, *v;
            while (AdDict_Next(kwds, &pos, &k, &v)) {
                AdTuple_SET_ITEM(knames, i, Ad_NewRef(k));
                stack[2 + i] = v;
                i++;
            }
        }
        ns = AdObject_Vectorcall(prep, stack, 2, knames);
        Ad_XDECREF(knames);
        Ad_DECREF(prep);
    } else {
        ns = AdDict_New();
    }
    if (!ns)
        goto done;
    if (!AD_TYPE(ns)->tp_as_mapping || !AD_TYPE(ns)->tp_as_mapping->mp_subscript) {
        AdErr_Format(AdExc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                     isclass ? AdType_Name((AdTypeObject *)meta) : "<metaclass>", AdType_Name(AD_TYPE(ns)));
        goto done;
    }
    cell = vm_call_with_locals(func, ns);
    if (!cell)
        goto done;
    if (bases != orig_bases &&
        AdObject_SetItem(ns, AdStr_InternFromString("__orig_bases__"), orig_bases) < 0)
        goto done;
    {
        AdObject *margs = AdTuple_Pack(3, name, bases, ns);
        if (!margs)
            goto done;
        cls = AdObject_Call(meta, margs, AdDict_GET_SIZE(kwds) ? kwds : NULL);
        Ad_DECREF(margs);
    }
    if (cls && AdType_Check(cls) && AdCell_Check(cell)) {
        AdObject *cell_cls = AdCell_GET(cell);
        if (cell_cls != cls) {
            if (!cell_cls)
                AdErr_Format(AdExc_RuntimeError,
                             "__class__ not set defining %R as %R. Was __classcell__ propagated to type.__new__?",
                             name, cls);
            else
                AdErr_Format(AdExc_TypeError, "__class__ set to %R defining %R as %R", cell_cls, name, cls);
            AD_CLEAR(cls);
        }
    }
done:
    Ad_XDECREF(cell);
    Ad_XDECREF(ns);
    Ad_XDECREF(meta);
    Ad_XDECREF(kwds);
    Ad_XDECREF(bases);
    Ad_DECREF(orig_bases);
    return cls;
}
