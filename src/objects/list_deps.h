/* list_deps.h: what list.c, listsort.c, dict*.c, set.c and iter.c need from
 * the rest of the object kernel and do not yet find in a landed header
 * (slice, the repr recursion guard, generic alias, abstract item access,
 * the unhashable and self-iter slots). These are declarations of the API
 * the container files expect, in CPython's shape; when the real headers
 * land, this file shrinks to the matching #includes. Also a few tiny
 * argument-checking helpers shared by the container files. */
#ifndef ADDER_OBJECTS_LIST_DEPS_H
#define ADDER_OBJECTS_LIST_DEPS_H

#include "objects/object.h"
#include "objects/errors.h"
#include "objects/typeobject.h"
#include "objects/tuple.h"
#include "objects/str.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "memory/alloc.h"
#include "memory/gc.h"

#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/descr.h"

/* slice (expected): the slice type, unpacking (None -> defaults, indices
 * clamped to the Ad_ssize_t range, "slice step cannot be zero") and
 * adjusting to a length (returns the slice length). */
extern AdTypeObject AdSlice_Type;
int AdSlice_Unpack(AdObject *slice, Ad_ssize_t *start, Ad_ssize_t *stop, Ad_ssize_t *step);
Ad_ssize_t AdSlice_AdjustIndices(Ad_ssize_t length, Ad_ssize_t *start, Ad_ssize_t *stop,
                                 Ad_ssize_t step);

/* repr recursion guard (expected, per thread): 0 on first entry, 1 when o
 * is already being repr'd (print "[...]"), -1 on error. */
int Ad_ReprEnter(AdObject *o);
void Ad_ReprLeave(AdObject *o);

/* types.GenericAlias(origin, args) (expected). New ref. */
AdObject *Ad_GenericAlias(AdObject *origin, AdObject *args);

/* abstract.h (expected). */
AdObject *AdObject_GetItem(AdObject *o, AdObject *key);
int AdObject_SetItem(AdObject *o, AdObject *key, AdObject *value);
Ad_ssize_t AdObject_Size(AdObject *o);
/* len(o) if it has one, else o.__length_hint__(), else deflt; -1 on error. */
Ad_ssize_t AdObject_LengthHint(AdObject *o, Ad_ssize_t deflt);
/* tp_hash of unhashable types (raises "unhashable type: 'T'"). */
Ad_hash_t AdObject_HashNotImplemented(AdObject *o);
/* tp_iter of iterators: returns a new ref to self. */
AdObject *AdObject_SelfIter(AdObject *o);

/* ---- small helpers shared by the container files ---------------------- */

static inline int ad_has_index(AdObject *o)
{
    return AD_TYPE(o)->tp_as_number != NULL && AD_TYPE(o)->tp_as_number->nb_index != NULL;
}

/* Argument-count checks with CPython's texts ("pop expected at most 1
 * argument, got 2"). 0 when fine, -1 with TypeError. */
static inline int ad_check_nargs(const char *name, Ad_ssize_t nargs, Ad_ssize_t min, Ad_ssize_t max)
{
    if (nargs < min) {
        if (min == max)
            AdErr_Format(AdExc_TypeError, "%s expected %zd argument%s, got %zd", name, min,
                         min == 1 ? "" : "s", nargs);
        else
            AdErr_Format(AdExc_TypeError, "%s expected at least %zd argument%s, got %zd", name,
                         min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        if (min == max)
            AdErr_Format(AdExc_TypeError, "%s expected %zd argument%s, got %zd", name, max,
                         max == 1 ? "" : "s", nargs);
        else
            AdErr_Format(AdExc_TypeError, "%s expected at most %zd argument%s, got %zd", name,
                         max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* "NAME() takes no keyword arguments" when kwargs (a dict, or NULL) is not
 * empty. 0 or -1. */
static inline int ad_no_keywords(const char *name, AdObject *kwargs)
{
    if (kwargs != NULL && AdDict_Check(kwargs) && AdDict_GET_SIZE(kwargs) != 0) {
        AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

#endif
