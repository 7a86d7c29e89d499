/* itertools_module.c: the itertools module object (its types and the tee
 * function) and the helpers its family files share: tp_new argument
 * parsing with CPython's texts and the common GC dealloc. The iterator
 * types live in itertools_basic.c, itertools_comb.c, itertools_group.c. */
#include "modules/itertools_internal.h"
#include "import/builtin_modules.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

int itertools_parse(const char *fname, AdObject *args, AdObject *kwds, const char *const *names,
                    int npos_only, int nrequired, AdObject **out)
{
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    Ad_ssize_t nkw = kwds ? AdDict_GET_SIZE(kwds) : 0;
    int nparams = 0;
    while (names[nparams])
        nparams++;
    if (nargs + nkw > nparams) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname, nparams,
                     nparams == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nkw == 0)
        return AdArg_Parse(fname, AdTuple_ITEMS(args), nargs, NULL, names, npos_only, nrequired, out);
    /* Flatten to the vectorcall layout: positionals, then keyword values. */
    AdObject *stack[16];
    AdObject *kwnames = AdTuple_New(nkw);
    if (!kwnames)
        return -1;
    for (Ad_ssize_t i = 0; i < nargs; i++)
        stack[i] = AdTuple_GET_ITEM(args, i);
    Ad_ssize_t pos = 0, k = 0;
    AdObject *key, *value;
    while (AdDict_Next(kwds, &pos, &key, &value)) {
        if (!AdStr_Check(key)) {
            Ad_DECREF(kwnames);
            AdErr_SetString(AdExc_TypeError, "keywords must be strings");
            return -1;
        }
        AdTuple_SET_ITEM(kwnames, k, Ad_NewRef(key));
        stack[nargs + k] = value;
        k++;
    }
    int rc = AdArg_Parse(fname, stack, nargs, kwnames, names, npos_only, nrequired, out);
    /* The values stay alive in kwds; the names tuple only held extra refs. */
    Ad_DECREF(kwnames);
    return rc;
}

int itertools_no_kwargs(const char *fname, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) > 0) {
        AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int itertools_check_nargs(const char *fname, AdObject *args, Ad_ssize_t min, Ad_ssize_t max)
{
    return AdArg_CheckPositional(fname, AdTuple_GET_SIZE(args), min, max);
}

void itertools_dealloc(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self), *own = type;
    while (own->tp_flags & AD_TPFLAGS_HEAPTYPE)     /* the itertools type itself */
        own = own->tp_base;
    AdObject_GC_UnTrack(self);
    own->tp_clear(self);
    type->tp_free(self);          /* drops a heap subclass's reference to its type */
}

static AdMethodDef itertools_functions[] = {
    {"tee", (void (*)(void))itertools_tee, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "tee($module, iterable, n=2, /)\n--\n\nReturns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

static const char itertools_doc[] =
    "Functional tools for creating and using iterators.\n\n"
    "Infinite iterators:\n"
    "count(start=0, step=1) --> start, start+step, start+2*step, ...\n"
    "cycle(p) --> p0, p1, ... plast, p0, p1, ...\n"
    "repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\n"
    "Iterators terminating on the shortest input sequence:\n"
    "accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\n"
    "batched(p, n) --> [p0, p1, ..., p_n-1], [p_n, p_n+1, ..., p_2n-1], ...\n"
    "chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\n"
    "chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\n"
    "compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\n"
    "dropwhile(predicate, seq) --> seq[n], seq[n+1], starting when predicate fails\n"
    "groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\n"
    "filterfalse(predicate, seq) --> elements of seq where predicate(elem) is False\n"
    "islice(seq, [start,] stop [, step]) --> elements from\n"
    "       seq[start:stop:step]\n"
    "pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\n"
    "starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\n"
    "tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\n"
    "takewhile(predicate, seq) --> seq[0], seq[1], until predicate fails\n"
    "zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\n"
    "Combinatoric generators:\n"
    "product(p, q, ... [repeat=1]) --> cartesian product\n"
    "permutations(p[, r])\n"
    "combinations(p, r)\n"
    "combinations_with_replacement(p, r)\n";

AdObject *AdModule_InitItertools(void)
{
    static AdTypeObject *const types[] = {
        &itertools_accumulate_type, &itertools_batched_type, &itertools_chain_type,
        &itertools_combinations_type, &itertools_cwr_type, &itertools_compress_type,
        &itertools_count_type, &itertools_cycle_type, &itertools_dropwhile_type,
        &itertools_filterfalse_type, &itertools_groupby_type, &itertools_grouper_type,
        &itertools_islice_type, &itertools_pairwise_type, &itertools_permutations_type,
        &itertools_product_type, &itertools_repeat_type, &itertools_starmap_type,
        &itertools_takewhile_type, &itertools_tee_type, &itertools_teedata_type,
        &itertools_zip_longest_type,
    };
    AdObject *m = AdModule_New("itertools");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, itertools_doc) < 0 || AdModule_AddFunctions(m, itertools_functions) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        if (AdType_Ready(types[i]) < 0 ||
            AdModule_AddObjectRef(m, AdType_ShortName(types[i]), (AdObject *)types[i]) < 0)
            goto fail;
    }
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}

Ad_ssize_t itertools_as_ssize(AdObject *o)
{
    AdObject *i = AdNumber_Index(o);
    if (!i)
        return -1;
    Ad_ssize_t r = AdInt_AsSsize_t(i);
    Ad_DECREF(i);
    return r;
}
