/* itertools_internal.h: what the files of the itertools module share: the
 * types each family file defines (readied and added by itertools_module.c)
 * and small helpers for argument parsing and iteration. Private to the
 * modules room. */
#ifndef ADDER_MODULES_ITERTOOLS_INTERNAL_H
#define ADDER_MODULES_ITERTOOLS_INTERNAL_H
#include "objects/object.h"

/* itertools_basic.c */
extern AdTypeObject itertools_accumulate_type, itertools_batched_type, itertools_chain_type,
    itertools_compress_type, itertools_count_type, itertools_cycle_type, itertools_dropwhile_type,
    itertools_filterfalse_type, itertools_islice_type, itertools_pairwise_type,
    itertools_repeat_type, itertools_starmap_type, itertools_takewhile_type;
/* itertools_comb.c */
extern AdTypeObject itertools_product_type, itertools_combinations_type,
    itertools_cwr_type, itertools_permutations_type;
/* itertools_group.c */
extern AdTypeObject itertools_groupby_type, itertools_grouper_type, itertools_tee_type,
    itertools_teedata_type, itertools_zip_longest_type;
/* tee(iterable, n=2), the module-level function. */
AdObject *itertools_tee(AdObject *module, AdObject *const *args, Ad_ssize_t nargs,
                        AdObject *kwnames);

/* Parses tp_new's (args tuple, kwargs dict or NULL) like AdArg_Parse:
 * out[i] borrowed or NULL. 0 or -1. */
int itertools_parse(const char *fname, AdObject *args, AdObject *kwds, const char *const *names,
                    int npos_only, int nrequired, AdObject **out);
/* "NAME() takes no keyword arguments" when kwds is a non-empty dict. */
int itertools_no_kwargs(const char *fname, AdObject *kwds);
/* "NAME expected N argument(s), got M" unless min <= nargs <= max. */
int itertools_check_nargs(const char *fname, AdObject *args, Ad_ssize_t min, Ad_ssize_t max);
/* next(it): new ref, or NULL at the end (no exception) or on error. */
static inline AdObject *itertools_next(AdObject *it)
{
    extern AdObject *AdIter_Next(AdObject *);
    return AdIter_Next(it);
}
/* Common dealloc of GC iterators: untrack, tp_clear, free. */
void itertools_dealloc(AdObject *self);
#endif

/* The common shape of an itertools iterator type (GC, subclassable, its
 * own iterator); the remaining slots come as designated initialisers. */
#define ITERTOOLS_TYPE(cname, pyname, st, doc, ...)                                          \
    AdTypeObject cname = {                                                                  \
        .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),                                     \
        .tp_name = "itertools." pyname,                                                     \
        .tp_basicsize = sizeof(st),                                                         \
        .tp_dealloc = itertools_dealloc,                                                    \
        .tp_getattro = AdObject_GenericGetAttr,                                             \
        .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,                               \
        .tp_doc = doc,                                                                      \
        .tp_iter = AdObject_SelfIter,                                                       \
        .tp_alloc = AdType_GenericAlloc,                                                    \
        .tp_free = AdObject_GC_Del,                                                         \
        __VA_ARGS__                                                                         \
    }
/* tp_traverse helper: visits o when not NULL. */
#define ITERTOOLS_VISIT(o)                                                                  \
    do {                                                                                    \
        if (o) {                                                                            \
            int vret_ = visit((AdObject *)(o), arg);                                        \
            if (vret_)                                                                      \
                return vret_;                                                               \
        }                                                                                   \
    } while (0)
/* A Py_ssize_t argument as CPython's "n" converter reads it (__index__,
 * OverflowError "Python int too large to convert to C ssize_t"). -1 with
 * an exception on failure (check AdErr_Occurred). */
Ad_ssize_t itertools_as_ssize(AdObject *o);
