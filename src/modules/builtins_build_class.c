/* builtins_build_class.c: __build_class__, what a class statement calls
 * (PEP 3115 and 560): resolve __mro_entries__ in the bases, find the most
 * derived metaclass, ask it to __prepare__ the namespace, run the class
 * body in that namespace, record __orig_bases__, call the metaclass, and
 * check that the __class__ cell of zero-argument super() got the class. */
#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/cell.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#if ADDER_HAVE_VM
#include "objects/function.h"
#include "vm/ceval.h"
#endif

#include <stdlib.h>

static AdObject *istr(const char *s) { return AdStr_InternFromString(s); }

AdObject *AdBuiltins_UpdateBases(AdObject *bases)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(bases);
    AdObject *list = NULL;      /* the new bases, made on the first change */
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *base = AdTuple_GET_ITEM(bases, i), *meth, *entries;
        if (AdType_Check(base)) {
            if (list && AdList_Append(list, base) < 0)
                goto fail;
            continue;
        }
        int found = AdObject_GetOptionalAttr(base, istr("__mro_entries__"), &meth);
        if (found < 0)
            goto fail;
        if (!found) {
            if (list && AdList_Append(list, base) < 0)
                goto fail;
            continue;
        }
        entries = AdObject_CallOneArg(meth, bases);
        Ad_DECREF(meth);
        if (!entries)
            goto fail;
        if (!AdTuple_Check(entries)) {
            AdErr_SetString(AdExc_TypeError, "__mro_entries__ must return a tuple");
            Ad_DECREF(entries);
            goto fail;
        }
        if (!list) {
            list = AdList_New(0);
            if (!list) {
                Ad_DECREF(entries);
                goto fail;
            }
            for (Ad_ssize_t j = 0; j < i; j++)
                if (AdList_Append(list, AdTuple_GET_ITEM(bases, j)) < 0) {
                    Ad_DECREF(entries);
                    goto fail;
                }
        }
        int r = AdList_Extend(list, entries);
        Ad_DECREF(entries);
        if (r < 0)
            goto fail;
    }
    if (!list)
        return Ad_NewRef(bases);
    AdObject *t = AdList_AsTuple(list);
    Ad_DECREF(list);
    return t;
fail:
    Ad_XDECREF(list);
    return NULL;
}

AdTypeObject *AdBuiltins_CalculateMetaclass(AdTypeObject *meta, AdObject *bases)
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
        AdErr_SetString(AdExc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                         "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Runs the class body func with ns as its locals; returns the __class__
 * cell (or None) as the body's return value. New ref. */
static AdObject *run_body(AdObject *func, AdObject *ns)
{
#if ADDER_HAVE_VM
    AdFunctionObject *f = (AdFunctionObject *)func;
    return AdEval_EvalCodeWithClosure(f->func_code, f->func_globals, ns, f->func_closure);
#else
    (void)func;
    (void)ns;
    return AdErr_Format(AdExc_SystemError, "__build_class__: class bodies need the evaluation loop");
#endif
}

static int is_function(AdObject *o)
{
    return ad_function_type && Ad_IS_TYPE(o, ad_function_type);
}

AdObject *AdBuiltins_BuildClass(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)self;
    if (nargs < 2)
        return AdErr_Format(AdExc_TypeError, "__build_class__: not enough arguments");
    AdObject *func = args[0], *name = args[1];
    if (!is_function(func))
        return AdErr_Format(AdExc_TypeError, "__build_class__: func must be a function");
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "__build_class__: name is not a string");
    AdObject *orig_bases = AdTuple_FromArray(args + 2, nargs - 2);
    if (!orig_bases)
        return NULL;
    AdObject *bases = NULL, *meta = NULL, *ns = NULL, *cell = NULL, *cls = NULL, *kw = NULL;
    AdObject **kwvals = NULL;
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0, nkept = 0;
    bases = AdBuiltins_UpdateBases(orig_bases);
    if (!bases)
        goto done;
    /* split off metaclass=; the other keywords go to __prepare__ and the metaclass */
    kwvals = malloc((size_t)(nkw + 4) * sizeof *kwvals);
    if (!kwvals) {
        AdErr_NoMemory();
        goto done;
    }
    AdObject *names_kept[64];
    AdObject **kept = nkw <= 64 ? names_kept : malloc((size_t)nkw * sizeof *kept);
    if (!kept) {
        AdErr_NoMemory();
        goto done;
    }
    for (Ad_ssize_t k = 0; k < nkw; k++) {
        AdObject *kn = AdTuple_GET_ITEM(kwnames, k);
        if (AdStr_EqualToASCII(kn, "metaclass")) {
            AD_XSETREF(meta, Ad_NewRef(args[nargs + k]));
            continue;
        }
        kept[nkept] = kn;
        kwvals[3 + nkept] = args[nargs + k];
        nkept++;
    }
    if (nkept) {
        kw = AdTuple_FromArray(kept, nkept);
        if (kept != names_kept)
            free(kept);
        if (!kw)
            goto done;
    } else if (kept != names_kept)
        free(kept);
    int isclass;
    if (!meta)
        meta = Ad_NewRef(AdTuple_GET_SIZE(bases) == 0 ? (AdObject *)&AdType_Type
                                                      : (AdObject *)AD_TYPE(AdTuple_GET_ITEM(bases, 0)));
    isclass = AdType_Check(meta);
    if (isclass) {
        AdTypeObject *winner = AdBuiltins_CalculateMetaclass((AdTypeObject *)meta, bases);
        if (!winner)
            goto done;
        AD_SETREF(meta, Ad_NewRef((AdObject *)winner));
    }
    /* the namespace */
    AdObject *prep;
    int found = AdObject_GetOptionalAttr(meta, istr("__prepare__"), &prep);
    if (found < 0)
        goto done;
    if (!found)
        ns = AdDict_New();
    else {
        kwvals[1] = name;
        kwvals[2] = bases;
        /* args for __prepare__(name, bases, **kw) start at kwvals + 1 */
        AdObject *pa[3 + 64];
        AdObject **pargs = nkept <= 64 ? pa : malloc((size_t)(nkept + 2) * sizeof *pargs);
        if (!pargs) {
            Ad_DECREF(prep);
            AdErr_NoMemory();
            goto done;
        }
        pargs[0] = name;
        pargs[1] = bases;
        for (Ad_ssize_t k = 0; k < nkept; k++)
            pargs[2 + k] = kwvals[3 + k];
        ns = AdObject_Vectorcall(prep, pargs, 2, kw);
        if (pargs != pa)
            free(pargs);
        Ad_DECREF(prep);
    }
    if (!ns)
        goto done;
    if (!(AD_TYPE(ns)->tp_as_mapping && AD_TYPE(ns)->tp_as_mapping->mp_subscript)) {
        AdErr_Format(AdExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     isclass ? AdType_Name((AdTypeObject *)meta) : "<metaclass>", AdType_Name(AD_TYPE(ns)));
        goto done;
    }
    cell = run_body(func, ns);
    if (!cell)
        goto done;
    if (bases != orig_bases && AdObject_SetItem(ns, istr("__orig_bases__"), orig_bases) < 0)
        goto done;
    kwvals[0] = name;
    kwvals[1] = bases;
    kwvals[2] = ns;
    /* meta(name, bases, ns, **kw): kwvals[3..] already hold the keyword values */
    cls = AdObject_Vectorcall(meta, kwvals, 3, kw);
    if (cls && AdType_Check(cls) && AdCell_Check(cell)) {
        AdObject *cell_cls = AdCell_GET(cell);
        if (cell_cls != cls) {
            if (!cell_cls)
                AdErr_Format(AdExc_RuntimeError,
                             "__class__ not set defining %.200R as %.200R. Was __classcell__ propagated to "
                             "type.__new__?", name, cls);
            else
                AdErr_Format(AdExc_TypeError, "__class__ set to %.200R defining %.200R as %.200R", cell_cls,
                             name, cls);
            AD_CLEAR(cls);
        }
    }
done:
    free(kwvals);
    Ad_XDECREF(cell);
    Ad_XDECREF(ns);
    Ad_XDECREF(meta);
    Ad_XDECREF(kw);
    Ad_XDECREF(bases);
    Ad_DECREF(orig_bases);
    return cls;
}
