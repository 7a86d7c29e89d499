/* dict.h: dict, compact and ordered: a dense array of entries in
 * insertion order and a sparse index table (1, 2, 4 or 8-byte slots) with
 * open addressing and perturbed probing; a version number that changes on
 * every mutation (for the evaluation loop's global-load caches); keys of
 * instance dicts of one class can be shared (split tables) as DESIGN.md
 * asks. Also the views (keys, values, items) and the dict iterators. */
#ifndef ADDER_OBJECTS_DICT_H
#define ADDER_OBJECTS_DICT_H
#include <stdint.h>
#include "objects/object.h"

typedef struct AdDictKeys AdDictKeys;   /* private to dict.c */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t used;            /* number of items */
    uint64_t version;           /* changes whenever the dict does */
    uint32_t keys_version;      /* 0, or a process-unique number naming the current
                                   key layout (see AdDict_KeysVersion) */
    AdDictKeys *keys;
    AdObject **values;          /* split tables only: values by key index */
} AdDictObject;

extern AdTypeObject AdDict_Type;
#define AdDict_Check(o) AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_DICT_SUBCLASS)
#define AdDict_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdDict_Type)
#define AdDict_GET_SIZE(o) (((AdDictObject *)(o))->used)

AdObject *AdDict_New(void);
/* Borrowed ref or NULL; NULL with an exception only if hashing or
 * comparing raised (check AdErr_Occurred), NULL without one when absent. */
AdObject *AdDict_GetItemWithError(AdObject *d, AdObject *key);
/* 1 found (*result new ref), 0 absent (*result NULL), -1 error. */
int AdDict_GetItemRef(AdObject *d, AdObject *key, AdObject **result);
AdObject *AdDict_GetItemString(AdObject *d, const char *key);   /* borrowed, errors swallowed */
/* With a precomputed hash (the caller hashed key already). */
AdObject *AdDict_GetItemKnownHash(AdObject *d, AdObject *key, Ad_hash_t hash);
int AdDict_SetItem(AdObject *d, AdObject *key, AdObject *value);  /* new refs taken */
int AdDict_SetItemString(AdObject *d, const char *key, AdObject *value);
int AdDict_DelItem(AdObject *d, AdObject *key);                   /* KeyError if absent */
int AdDict_DelItemString(AdObject *d, const char *key);
int AdDict_Contains(AdObject *d, AdObject *key);                  /* 1, 0, -1 */
/* Iterates: *pos starts at 0; borrowed key/value; 0 at the end. */
int AdDict_Next(AdObject *d, Ad_ssize_t *pos, AdObject **key, AdObject **value);
void AdDict_Clear(AdObject *d);
AdObject *AdDict_Copy(AdObject *d);
/* d.update(other) for a mapping (override: replace existing keys). */
int AdDict_Merge(AdObject *d, AdObject *other, int override);
/* d.setdefault(key, default): borrowed ref. */
AdObject *AdDict_SetDefault(AdObject *d, AdObject *key, AdObject *deflt);
/* d.pop(key): 1 with *result (new ref), 0 absent, -1 error. */
int AdDict_Pop(AdObject *d, AdObject *key, AdObject **result);
AdObject *AdDict_Keys(AdObject *d);     /* new list */
AdObject *AdDict_Values(AdObject *d);
AdObject *AdDict_Items(AdObject *d);
uint64_t AdDict_Version(AdObject *d);

/* ---- key-layout versions (LOAD_GLOBAL's cache) ------------------------
 * A keys version names one dict's current set of keys and their entry
 * indices: replacing a value keeps it, anything else (adding or removing a
 * key, a resize, clear) drops it. Numbers are never reused and fit in 16
 * bits; 0 means none can be given (split or non-exact dicts, or the
 * numbers ran out). */
uint32_t AdDict_KeysVersion(AdObject *d);
/* The entry index of str key in an exact combined dict, -1 when absent,
 * -2 when that can't be told without running code. Never raises. */
Ad_ssize_t AdDict_StrKeyIndex(AdObject *d, AdObject *key);
/* The value at entry ix when d's keys version is still keys_version
 * (borrowed), else NULL. */
AdObject *AdDict_CachedValue(AdObject *d, uint32_t keys_version, Ad_ssize_t ix);

/* A new empty dict with room for n items without resizing. New ref. */
AdObject *AdDict_NewPresized(Ad_ssize_t n);
/* d.update(iterable of (key, value) pairs); override 0 keeps existing keys. */
int AdDict_MergeFromSeq2(AdObject *d, AdObject *seq2, int override);

/* ---- split tables (instance __dict__s) --------------------------------
 * A class keeps one shared keys object (AdDictKeys_NewShared, owned by the
 * class: release it with AdDictKeys_Decref when the class dies) and makes
 * each instance's __dict__ with AdDict_NewSplit(keys). Such a dict stores
 * only values; its str keys go into the shared keys (up to 30) as long as
 * instances assign attributes in the same order. Anything else (deleting
 * a key, a new key out of order, a non-str key, popitem) silently turns
 * that one dict into an ordinary combined dict; behaviour is identical. */
AdDictKeys *AdDictKeys_NewShared(void);                 /* new ref or NULL */
void AdDictKeys_Incref(AdDictKeys *keys);
void AdDictKeys_Decref(AdDictKeys *keys);
/* Number of keys the shared keys object holds (it only grows). */
Ad_ssize_t AdDictKeys_Count(AdDictKeys *keys);
/* A new empty dict sharing keys (which must come from AdDictKeys_NewShared). */
AdObject *AdDict_NewSplit(AdDictKeys *keys);
/* 1 while d still uses a shared keys object. */
int AdDict_IsSplit(AdObject *d);
/* For attribute caches: the index of name in d's shared keys, or -1. */
Ad_ssize_t AdDict_SplitIndex(AdObject *d, AdObject *name);
/* Attribute caches: the entry index of key (an exact str) in d, split or
 * combined, for a later hint; -1 when absent or not known without running
 * code. Never raises. */
Ad_ssize_t AdDict_StrEntryIndex(AdObject *d, AdObject *key);
/* The value of key when entry hint holds key itself (borrowed), else NULL:
 * the caller looks key up the usual way. Never raises. */
AdObject *AdDict_GetByHint(AdObject *d, AdObject *key, Ad_ssize_t hint);
/* Replaces the value of key when entry hint holds key itself and has a
 * value: 1 (value's reference taken, the old one released), else 0
 * (nothing done). */
int AdDict_ReplaceByHint(AdObject *d, AdObject *key, Ad_ssize_t hint, AdObject *value);

/* The view and iterator types. */
extern AdTypeObject AdDictKeys_Type, AdDictValues_Type, AdDictItems_Type;
extern AdTypeObject AdDictIterKey_Type, AdDictIterValue_Type, AdDictIterItem_Type;
extern AdTypeObject AdDictRevIterKey_Type, AdDictRevIterValue_Type, AdDictRevIterItem_Type;
#define AdDictKeys_Check(o) AdObject_TypeCheck((o), &AdDictKeys_Type)
#define AdDictItems_Check(o) AdObject_TypeCheck((o), &AdDictItems_Type)
#define AdDictValues_Check(o) AdObject_TypeCheck((o), &AdDictValues_Type)
#define AdDictViewSet_Check(o) (AdDictKeys_Check(o) || AdDictItems_Check(o))

/* ---- private to the dict and set files (objects room) ------------------ */
/* hash(key) with 3.14's "cannot use 'T' as a <what> (unhashable type: 'T')". */
Ad_hash_t objects_hash_for(AdObject *key, const char *what);
int objects_dict_set_known_hash(AdObject *d, AdObject *key, Ad_hash_t hash, AdObject *value);
int objects_dict_contains_known_hash(AdObject *d, AdObject *key, Ad_hash_t hash);
/* Entry slots in order: objects_dict_slot gives 1 and borrowed key/value
 * (and hash) for a live slot i < objects_dict_nslots(d), else 0. */
Ad_ssize_t objects_dict_nslots(AdObject *d);
int objects_dict_slot(AdObject *d, Ad_ssize_t i, AdObject **key, AdObject **value, Ad_hash_t *hash);
int objects_dict_next_hash(AdObject *d, Ad_ssize_t *pos, AdObject **key, AdObject **value, Ad_hash_t *hash);
/* Iterators (dictviews.c): kind 0 keys, 1 values, 2 items. */
AdObject *objects_dict_iter_new(AdObject *d, int kind, int reversed);
AdObject *objects_dict_keys_view(AdObject *d, AdObject *unused);
AdObject *objects_dict_values_view(AdObject *d, AdObject *unused);
AdObject *objects_dict_items_view(AdObject *d, AdObject *unused);
AdObject *objects_dict_reversed(AdObject *d, AdObject *unused);
#endif
