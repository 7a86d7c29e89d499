/* args.c: argument parsing for native functions and methods called with
 * the vectorcall convention (args + nargs + kwnames), with the TypeError
 * texts CPython's argument clinic and its older checks give. */
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"

static const char *plural(Ad_ssize_t n) { return n == 1 ? "" : "s"; }

int AdArg_CheckPositional(const char *fname, Ad_ssize_t nargs, Ad_ssize_t min, Ad_ssize_t max)
{
    if (nargs < min) {
        AdErr_Format(AdExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     min == max ? "" : "at least ", min, plural(min), nargs);
        return -1;
    }
    if (nargs > max) {
        AdErr_Format(AdExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     min == max ? "" : "at most ", max, plural(max), nargs);
        return -1;
    }
    return 0;
}

int AdArg_NoKeywords(const char *fname, AdObject *kwnames)
{
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0) {
        AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int AdArg_Parse(const char *fname, AdObject *const *args, Ad_ssize_t nargs,
                   AdObject *kwnames, const char *const *names, int npos_only,
                   int nrequired, AdObject **out)
{
    int nparams = 0;
    while (names[nparams])
        nparams++;
    for (int i = 0; i < nparams; i++)
        out[i] = NULL;
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    if (nargs > nparams) {
        if (nparams == 0)
            AdErr_Format(AdExc_TypeError, "%s() takes no arguments (%zd given)", fname, nargs);
        else if (nparams == nrequired)
            AdErr_Format(AdExc_TypeError, "%s() takes exactly %d argument%s (%zd given)",
                         fname, nparams, plural(nparams), nargs);
        else
            AdErr_Format(AdExc_TypeError, "%s() takes at most %d argument%s (%zd given)",
                         fname, nparams, plural(nparams), nargs + nkw);
        return -1;
    }
    for (Ad_ssize_t i = 0; i < nargs; i++)
        out[i] = args[i];
    if (nargs < npos_only && nargs < nrequired) {
        int need = nrequired < npos_only ? nrequired : npos_only;
        AdErr_Format(AdExc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", fname,
                     need == nparams ? "exactly" : "at least", need, plural(need), nargs);
        return -1;
    }
    for (Ad_ssize_t k = 0; k < nkw; k++) {
        AdObject *key = AdTuple_GET_ITEM(kwnames, k);
        int found = -1;
        for (int i = npos_only; i < nparams; i++)
            if (AdStr_EqualToASCII(key, names[i])) {
                found = i;
                break;
            }
        if (found < 0) {
            AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, key);
            return -1;
        }
        if (out[found]) {
            AdErr_Format(AdExc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                         fname, names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++)
        if (!out[i]) {
            AdErr_Format(AdExc_TypeError, "%s() missing required argument '%s' (pos %d)",
                         fname, names[i], i + 1);
            return -1;
        }
    return 0;
}

