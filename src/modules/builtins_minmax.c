/* builtins_minmax.c: min() and max(): one iterable (with default=) or two
 * or more positional arguments, key=, and CPython's messages ("max()
 * iterable argument is empty", "Cannot specify a default for max() with
 * multiple positional arguments"). Ties keep the first item. */
#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

static AdObject *min_max(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames, int op)
{
    AdObject *key = NULL, *deflt = NULL;
    if (nargs == 0)
        return AdErr_Format(AdExc_TypeError, "%s expected at least 1 argument, got 0", fname);
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t k = 0; k < nkw; k++) {
        AdObject *name = AdTuple_GET_ITEM(kwnames, k);
        if (AdStr_EqualToASCII(name, "key"))
            key = args[nargs + k];
        else if (AdStr_EqualToASCII(name, "default"))
            deflt = args[nargs + k];
        else
            return AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, name);
    }
    if (key == Ad_None)
        key = NULL;
    if (nargs > 1 && deflt)
        return AdErr_Format(AdExc_TypeError,
                            "Cannot specify a default for %s() with multiple positional arguments", fname);
    AdObject *it = NULL;
    if (nargs == 1) {
        it = AdObject_GetIter(args[0]);
        if (!it)
            return NULL;
    }
    AdObject *best = NULL, *bestkey = NULL;
    for (Ad_ssize_t i = 0;; i++) {
        AdObject *item;
        if (it) {
            item = AdIter_Next(it);
            if (!item) {
                if (AdErr_Occurred())
                    goto fail;
                break;
            }
        } else {
            if (i >= nargs)
                break;
            item = Ad_NewRef(args[i]);
        }
        AdObject *val = item;
        if (key) {
            val = AdObject_CallOneArg(key, item);
            if (!val) {
                Ad_DECREF(item);
                goto fail;
            }
        } else
            Ad_INCREF(val);
        if (!best) {
            best = item;
            bestkey = val;
            continue;
        }
        int c = AdObject_RichCompareBool(val, bestkey, op);
        if (c < 0) {
            Ad_DECREF(item);
            Ad_DECREF(val);
            goto fail;
        }
        if (c) {
            AD_SETREF(best, item);
            AD_SETREF(bestkey, val);
        } else {
            Ad_DECREF(item);
            Ad_DECREF(val);
        }
    }
    Ad_XDECREF(it);
    Ad_XDECREF(bestkey);
    if (best)
        return best;
    if (deflt)
        return Ad_NewRef(deflt);
    return AdErr_Format(AdExc_ValueError, "%s() iterable argument is empty", fname);
fail:
    Ad_XDECREF(it);
    Ad_XDECREF(best);
    Ad_XDECREF(bestkey);
    return NULL;
}

static AdObject *bi_min(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return min_max("min", args, nargs, kwnames, AD_LT);
}

static AdObject *bi_max(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return min_max("max", args, nargs, kwnames, AD_GT);
}

AdMethodDef modules_builtins_minmax_methods[] = {
    {"max", (void (*)(void))bi_max, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "max(iterable, *[, default=obj, key=func]) -> value\n"
     "max(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "With a single iterable argument, return its biggest item. The\n"
     "default keyword-only argument specifies an object to return if\n"
     "the provided iterable is empty.\n"
     "With two or more positional arguments, return the largest argument."},
    {"min", (void (*)(void))bi_min, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "min(iterable, *[, default=obj, key=func]) -> value\n"
     "min(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "With a single iterable argument, return its smallest item. The\n"
     "default keyword-only argument specifies an object to return if\n"
     "the provided iterable is empty.\n"
     "With two or more positional arguments, return the smallest argument."},
    {NULL, NULL, 0, NULL},
};
