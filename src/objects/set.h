/* set.h: set and frozenset: an open-addressing hash table of (key, hash)
 * entries probed linearly in short bursts and then by perturbation, with
 * deleted slots marked by a dummy key; a small table inline in the object
 * for up to 5 items. frozenset caches its hash. */
#ifndef ADDER_OBJECTS_SET_H
#define ADDER_OBJECTS_SET_H
#include "objects/object.h"

#define AD_SET_MINSIZE 8

typedef struct {
    AdObject *key;              /* NULL: never used; the dummy: deleted */
    Ad_hash_t hash;
} AdSetEntry;

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t fill;            /* active + dummy entries */
    Ad_ssize_t used;            /* active entries */
    Ad_ssize_t mask;            /* table size - 1 */
    AdSetEntry *table;          /* smalltable or a heap block */
    Ad_hash_t hash;             /* frozenset only; -1 until computed */
    Ad_ssize_t finger;          /* where pop() looks next */
    AdSetEntry smalltable[AD_SET_MINSIZE];
    AdObject *weakreflist;
} AdSetObject;

extern AdTypeObject AdSet_Type, AdFrozenSet_Type, AdSetIter_Type;

#define AdFrozenSet_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdFrozenSet_Type)
#define AdSet_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdSet_Type)
#define AdAnySet_CheckExact(o) (AdSet_CheckExact(o) || AdFrozenSet_CheckExact(o))
#define AdAnySet_Check(o) (AdAnySet_CheckExact(o) || AdType_IsSubtype(AD_TYPE(o), &AdSet_Type) || \
                           AdType_IsSubtype(AD_TYPE(o), &AdFrozenSet_Type))
#define AdSet_Check(o) (AdSet_CheckExact(o) || AdType_IsSubtype(AD_TYPE(o), &AdSet_Type))
#define AdFrozenSet_Check(o) (AdFrozenSet_CheckExact(o) || AdType_IsSubtype(AD_TYPE(o), &AdFrozenSet_Type))
#define AdSet_GET_SIZE(o) (((AdSetObject *)(o))->used)

/* set(iterable) / frozenset(iterable); iterable may be NULL (empty).
 * New ref or NULL. There is no empty-frozenset singleton in 3.14
 * (frozenset() is frozenset() is False). */
AdObject *AdSet_New(AdObject *iterable);
AdObject *AdFrozenSet_New(AdObject *iterable);
Ad_ssize_t AdSet_Size(AdObject *set);
/* 1 present, 0 absent, -1 error (unhashable: "cannot use 'T' as a set element (...)"). */
int AdSet_Contains(AdObject *set, AdObject *key);
/* Adds key (new ref taken); also used to fill new frozensets. 0 or -1. */
int AdSet_Add(AdObject *set, AdObject *key);
/* 1 removed, 0 absent, -1 error. */
int AdSet_Discard(AdObject *set, AdObject *key);
/* An arbitrary item, removed (new ref); KeyError "pop from an empty set". */
AdObject *AdSet_Pop(AdObject *set);
int AdSet_Clear(AdObject *set);
/* Iterates: *pos starts at 0; borrowed key (and hash); 0 at the end. */
int AdSet_Next(AdObject *set, Ad_ssize_t *pos, AdObject **key, Ad_hash_t *hash);

/* ---- private to the dict and set files (objects room) ------------------ */
int objects_set_update(AdObject *set, AdObject *iterable);
int objects_set_difference_update(AdObject *set, AdObject *other);
int objects_set_symmetric_difference_update(AdObject *set, AdObject *other);
/* set & other (other any iterable); new ref. */
AdObject *objects_set_intersection(AdObject *set, AdObject *other);
#endif
