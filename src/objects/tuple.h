/* tuple.h: tuple, the immutable sequence; its items are stored inline.
 * The empty tuple is an immortal singleton. */
#ifndef ADDER_OBJECTS_TUPLE_H
#define ADDER_OBJECTS_TUPLE_H
#include "objects/object.h"

typedef struct {
    AdObject_VAR_HEAD;
    Ad_hash_t hash;             /* -1 until computed */
    AdObject *items[];
} AdTupleObject;

extern AdTypeObject AdTuple_Type;
extern AdTypeObject AdTupleIter_Type;     /* tuple_iterator */
#define AdTuple_Check(o) AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_TUPLE_SUBCLASS)
#define AdTuple_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdTuple_Type)
#define AdTuple_GET_SIZE(o) AD_SIZE(o)
#define AdTuple_GET_ITEM(o, i) (((AdTupleObject *)(o))->items[i])       /* borrowed */
#define AdTuple_SET_ITEM(o, i, v) (((AdTupleObject *)(o))->items[i] = (v)) /* steals v; only on new tuples */
#define AdTuple_ITEMS(o) (((AdTupleObject *)(o))->items)

/* A new tuple of n NULL slots to fill with AdTuple_SET_ITEM (n == 0 gives
 * the empty singleton). New ref or NULL. */
AdObject *AdTuple_New(Ad_ssize_t n);
/* From n objects (new references are taken). */
AdObject *AdTuple_Pack(Ad_ssize_t n, ...);
/* A tuple of n Nones (the result tuples that iterators reuse start so). */
AdObject *AdTuple_NewNones(Ad_ssize_t n);
AdObject *AdTuple_FromArray(AdObject *const *items, Ad_ssize_t n);
/* Steals the n references in items. */
AdObject *AdTuple_FromArraySteal(AdObject *const *items, Ad_ssize_t n);
AdObject *AdTuple_GetSlice(AdObject *t, Ad_ssize_t lo, Ad_ssize_t hi);
/* tuple(iterable). */
AdObject *AdSequence_Tuple(AdObject *iterable);
/* Result tuple reuse (zip, enumerate, pairwise, the combinatoric
 * iterators): a tuple an iterator keeps and hands out again while nobody
 * else holds it (refcount 1). AdTuple_Recycle prepares such a tuple whose
 * items the caller is replacing: its cached hash is forgotten and it is
 * tracked by the collector again. */
#define AdTuple_IsReusable(t) (AD_REFCNT(t) == 1)
void AdTuple_Recycle(AdObject *t);
/* Finalization: frees the blocks kept for reuse by dead tuples. */
void ad_tuple_clear_freelist(void);
#endif
