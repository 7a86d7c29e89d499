/* dict.c: the dict type's table and protocol. A keys object holds a sparse
 * index table (1, 2, 4 or 8-byte slots; -1 empty, -2 deleted) probed with
 * perturbation, followed by a dense array of entries in insertion order.
 * A combined table keeps key, hash and value in its entries; a split dict
 * (an instance __dict__) shares a keys object with the other instances of
 * its class and keeps only its values, as a prefix values[0..used) in key
 * order; anything else (deleting, inserting out of order, a non-str key)
 * turns it into a combined table. Every mutation gives the dict a new
 * version number. The methods, repr and comparison live here too; the
 * views and iterators are in dictviews.c. */
#include <string.h>

#include "objects/dict.h"
#include "objects/list_deps.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PERTURB_SHIFT 5
#define DICT_LOG_MINSIZE 3
#define SHARED_KEYS_MAX 30

typedef struct {
    Ad_hash_t hash;
    AdObject *key;
    AdObject *value;            /* unused (NULL) in shared keys */
} DictEntry;

struct AdDictKeys {
    Ad_ssize_t refcnt;          /* dicts (and classes) holding it */
    uint8_t log2_size;          /* index table of 1 << log2_size slots */
    uint8_t index_bytes;        /* 1, 2, 4 or 8 */
    uint8_t shared;             /* split keys: values live in the dicts */
    uint8_t immortal;           /* the static empty keys */
    Ad_ssize_t usable;          /* entries that can still be appended */
    Ad_ssize_t nentries;        /* entries used, deleted ones included */
    Ad_ssize_t capacity;        /* entries allocated (usable + nentries at birth) */
    /* followed by the index table, then the entries */
};

static uint64_t dict_version_counter;

static uint32_t keys_version_counter;

/* Any mutation; the key layout may have changed too. */
static inline void bump_version(AdDictObject *mp)
{
    mp->version = ++dict_version_counter;
    mp->keys_version = 0;
}

/* A mutation that only replaced a value of a combined table in place. */
static inline void bump_value_version(AdDictObject *mp)
{
    mp->version = ++dict_version_counter;
}

/* The empty keys that every new dict starts with (usable 0: the first
 * insertion allocates a real table). */
static struct {
    AdDictKeys keys;
    int8_t indices[8];
} empty_keys_storage = {
    {0, DICT_LOG_MINSIZE, 1, 0, 1, 0, 0, 0},
    {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys_storage.keys)

static inline char *dk_indices(AdDictKeys *dk)
{
    return (char *)(dk + 1);
}

static inline DictEntry *dk_entries(AdDictKeys *dk)
{
    return (DictEntry *)(dk_indices(dk) + ((size_t)dk->index_bytes << dk->log2_size));
}

static inline Ad_ssize_t dk_get_index(AdDictKeys *dk, size_t i)
{
    char *ix = dk_indices(dk);
    switch (dk->index_bytes) {
    case 1: return ((int8_t *)ix)[i];
    case 2: return ((int16_t *)ix)[i];
    case 4: return ((int32_t *)ix)[i];
    default: return ((int64_t *)ix)[i];
    }
}

static inline void dk_set_index(AdDictKeys *dk, size_t i, Ad_ssize_t v)
{
    char *ix = dk_indices(dk);
    switch (dk->index_bytes) {
    case 1: ((int8_t *)ix)[i] = (int8_t)v; break;
    case 2: ((int16_t *)ix)[i] = (int16_t)v; break;
    case 4: ((int32_t *)ix)[i] = (int32_t)v; break;
    default: ((int64_t *)ix)[i] = (int64_t)v; break;
    }
}

#define USABLE_FRACTION(n) (((n) << 1) / 3)

/* The smallest log2 size whose table holds minsize slots. */
static uint8_t log2_for(Ad_ssize_t minsize)
{
    uint8_t log2 = DICT_LOG_MINSIZE;
    while (((Ad_ssize_t)1 << log2) < minsize)
        log2++;
    return log2;
}

/* A table for n items without growing. */
static uint8_t log2_estimate(Ad_ssize_t n)
{
    return log2_for((n * 3 + 1) / 2);
}

static AdDictKeys *keys_new(uint8_t log2_size, int shared)
{
    if (log2_size >= 58) {
        AdErr_NoMemory();
        return NULL;
    }
    size_t size = (size_t)1 << log2_size;
    uint8_t ib = log2_size < 8 ? 1 : log2_size < 16 ? 2 : log2_size < 32 ? 4 : 8;
    Ad_ssize_t usable = USABLE_FRACTION((Ad_ssize_t)size);
    AdDictKeys *dk = AdMem_Malloc(sizeof(AdDictKeys) + ib * size + (size_t)usable * sizeof(DictEntry));
    if (dk == NULL) {
        AdErr_NoMemory();
        return NULL;
    }
    dk->refcnt = 1;
    dk->log2_size = log2_size;
    dk->index_bytes = ib;
    dk->shared = (uint8_t)shared;
    dk->immortal = 0;
    dk->usable = usable;
    dk->nentries = 0;
    dk->capacity = usable;
    memset(dk_indices(dk), 0xff, ib * size);
    memset(dk_entries(dk), 0, (size_t)usable * sizeof(DictEntry));
    return dk;
}

/* Releases one holder of dk; the last one frees the keys (and, for a
 * combined table, the values it owns). */
static void keys_decref(AdDictKeys *dk)
{
    if (dk->immortal)
        return;
    if (--dk->refcnt > 0)
        return;
    DictEntry *ep = dk_entries(dk);
    for (Ad_ssize_t i = 0; i < dk->nentries; i++) {
        Ad_XDECREF(ep[i].key);
        Ad_XDECREF(ep[i].value);
    }
    AdMem_Free(dk);
}

/* Finds a free index slot for hash (no comparisons: the key is new). */
static size_t find_empty_slot(AdDictKeys *dk, Ad_hash_t hash)
{
    size_t mask = ((size_t)1 << dk->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (dk_get_index(dk, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static inline int is_split(AdDictObject *mp)
{
    return mp->values != NULL;
}

#define DKIX_GENERIC (-4)       /* lookup_str met a key it can't compare */

/* Two exact strs with the same hash: equal contents? */
static inline int str_eq_same_hash(AdObject *a, AdObject *b)
{
    Ad_ssize_t n = AdStr_LENGTH(a);
    return n == AdStr_LENGTH(b) && AdStr_KIND(a) == AdStr_KIND(b) &&
           memcmp(AdStr_DATA(a), AdStr_DATA(b), (size_t)n * AdStr_KIND(a)) == 0;
}

/* Looks up an exact str key by identity, then by hash and contents; only
 * exact str keys are compared, so nothing can run. Returns the entry
 * index, DKIX_EMPTY when absent, or DKIX_GENERIC when a key of another
 * type has the same hash (the general lookup must compare it). The probe
 * loop is compiled once per index width (width is a constant); with
 * identity_only, it calls nothing and answers DKIX_SLOW at the first key
 * that has the same hash without being the same object. */
#define DKIX_SLOW (-5)
__attribute__((always_inline)) static inline Ad_ssize_t
lookup_str_width(AdDictKeys *dk, AdObject *key, Ad_hash_t hash, int width, int identity_only)
{
    const char *index = dk_indices(dk);
    DictEntry *entries = (DictEntry *)(index + ((size_t)width << dk->log2_size));
    size_t mask = ((size_t)1 << dk->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        Ad_ssize_t ix = width == 1 ? ((const int8_t *)index)[i]
                      : width == 2 ? ((const int16_t *)index)[i]
                      : width == 4 ? ((const int32_t *)index)[i]
                                   : ((const int64_t *)index)[i];
        if (ix >= 0) {
            AdObject *k = entries[ix].key;
            if (k == key)
                return ix;
            if (entries[ix].hash == hash && k != NULL) {
                if (identity_only)
                    return DKIX_SLOW;
                if (!AdStr_CheckExact(k))
                    return DKIX_GENERIC;
                if (str_eq_same_hash(k, key))
                    return ix;
            }
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

__attribute__((noinline)) static Ad_ssize_t lookup_str_full(AdDictKeys *dk, AdObject *key, Ad_hash_t hash)
{
    switch (dk->index_bytes) {
    case 1: return lookup_str_width(dk, key, hash, 1, 0);
    case 2: return lookup_str_width(dk, key, hash, 2, 0);
    case 4: return lookup_str_width(dk, key, hash, 4, 0);
    default: return lookup_str_width(dk, key, hash, 8, 0);
    }
}

/* Identity first (interned names, keys looked up with the object that was
 * stored); the contents are compared by lookup_str_full. */
__attribute__((noinline)) static Ad_ssize_t lookup_str(AdDictKeys *dk, AdObject *key, Ad_hash_t hash)
{
    Ad_ssize_t ix;
    switch (dk->index_bytes) {
    case 1: ix = lookup_str_width(dk, key, hash, 1, 1); break;
    case 2: ix = lookup_str_width(dk, key, hash, 2, 1); break;
    case 4: ix = lookup_str_width(dk, key, hash, 4, 1); break;
    default: ix = lookup_str_width(dk, key, hash, 8, 1); break;
    }
    if (ix != DKIX_SLOW)
        return ix;
    return lookup_str_full(dk, key, hash);
}

/* Looks key up in mp. Returns the entry index (>= 0, with *value the value
 * (borrowed) or NULL when a split dict has no value for it), DKIX_EMPTY when
 * absent, DKIX_ERROR with an exception. A comparison that changes the dict
 * restarts the search. */
__attribute__((noinline)) static Ad_ssize_t dict_lookup_generic(AdDictObject *mp, AdObject *key,
                                                                 Ad_hash_t hash, AdObject **value)
{
restart:;
    AdDictKeys *dk = mp->keys;
    DictEntry *entries = dk_entries(dk);
    size_t mask = ((size_t)1 << dk->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    int key_is_str = AdStr_CheckExact(key);
    for (;;) {
        Ad_ssize_t ix = dk_get_index(dk, i);
        if (ix == DKIX_EMPTY) {
            *value = NULL;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            DictEntry *ep = &entries[ix];
            if (ep->key == key)
                goto found;
            if (ep->hash == hash && ep->key != NULL) {
                AdObject *startkey = ep->key;
                if (key_is_str && AdStr_CheckExact(startkey)) {
                    if (AdStr_Equal(startkey, key))
                        goto found;
                } else {
                    Ad_INCREF(startkey);
                    int cmp = AdObject_RichCompareBool(startkey, key, AD_EQ);
                    Ad_DECREF(startkey);
                    if (cmp < 0) {
                        *value = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->keys || ep->key != startkey)
                        goto restart;
                    if (cmp > 0)
                        goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        continue;
    found:
        if (is_split(mp))
            *value = ix < mp->used ? mp->values[ix] : NULL;
        else
            *value = entries[ix].value;
        return ix;
    }
}

static inline Ad_ssize_t dict_lookup(AdDictObject *mp, AdObject *key, Ad_hash_t hash, AdObject **value)
{
    if (AdStr_CheckExact(key)) {
        AdDictKeys *dk = mp->keys;
        Ad_ssize_t ix = lookup_str(dk, key, hash);
        if (ix >= 0) {
            if (is_split(mp))
                *value = ix < mp->used ? mp->values[ix] : NULL;
            else
                *value = dk_entries(dk)[ix].value;
            return ix;
        }
        if (ix == DKIX_EMPTY) {
            *value = NULL;
            return DKIX_EMPTY;
        }
    }
    return dict_lookup_generic(mp, key, hash, value);
}

/* hash(key) for a dict operation. A plain TypeError (unhashable) is
 * reworded as 3.14 does: "cannot use 'list' as a dict key (unhashable
 * type: 'list')"; other errors pass through. what is "dict key" or
 * "set element". */
Ad_hash_t objects_hash_for(AdObject *key, const char *what)
{
    if (AdStr_CheckExact(key)) {
        Ad_hash_t h = ((AdStrObject *)key)->hash;
        if (h != -1)
            return h;
    }
    Ad_hash_t h = AdObject_Hash(key);
    if (h == -1 && AdErr_Occurred() == AdExc_TypeError) {
        AdObject *exc = AdErr_GetRaisedException();
        AdErr_Format(AdExc_TypeError, "cannot use '%.200s' as a %s (%S)", AD_TYPE(key)->tp_name, what,
                     exc);
        Ad_DECREF(exc);
    }
    return h;
}

static inline Ad_hash_t hash_key(AdObject *key)
{
    if (AdStr_CheckExact(key)) {
        Ad_hash_t h = ((AdStrObject *)key)->hash;
        if (h != -1)
            return h;
    }
    return objects_hash_for(key, "dict key");
}

/* Rebuilds mp into a combined table of 1 << log2 slots holding its live
 * items in order. Works for split dicts too (they become combined). */
static int dict_rebuild(AdDictObject *mp, uint8_t log2)
{
    AdDictKeys *old = mp->keys;
    Ad_ssize_t used = mp->used;
    while (USABLE_FRACTION((Ad_ssize_t)1 << log2) < used)
        log2++;
    AdDictKeys *dk = keys_new(log2, 0);
    if (dk == NULL)
        return -1;
    DictEntry *src = dk_entries(old), *dst = dk_entries(dk);
    Ad_ssize_t n = 0;
    if (is_split(mp)) {
        for (Ad_ssize_t i = 0; i < used; i++) {
            dst[n].hash = src[i].hash;
            dst[n].key = Ad_NewRef(src[i].key);
            dst[n].value = mp->values[i];      /* moved */
            n++;
        }
        AdMem_Free(mp->values);
        mp->values = NULL;
        keys_decref(old);
    } else {
        for (Ad_ssize_t i = 0; i < old->nentries; i++) {
            if (src[i].value == NULL)
                continue;
            dst[n++] = src[i];                  /* moved */
        }
        /* The old table's references moved: free it without decrefs. */
        if (!old->immortal) {
            if (old->refcnt == 1)
                AdMem_Free(old);
            else
                old->refcnt--;
        }
    }
    for (Ad_ssize_t i = 0; i < n; i++)
        dk_set_index(dk, find_empty_slot(dk, dst[i].hash), i);
    dk->nentries = n;
    dk->usable -= n;
    mp->keys = dk;
    mp->keys_version = 0;           /* the entry indices moved */
    return 0;
}

static int dict_grow(AdDictObject *mp)
{
    return dict_rebuild(mp, log2_for(mp->used * 3));
}

/* Turns a split dict into a combined one (before deleting, or inserting
 * what the shared keys cannot take). */
static int dict_unsplit(AdDictObject *mp)
{
    if (!is_split(mp))
        return 0;
    return dict_rebuild(mp, log2_estimate(mp->used + 1));
}

/* Appends key (known to be absent) to the combined table of mp; steals
 * key and value. 0 or -1. */
static int insert_new(AdDictObject *mp, AdObject *key, Ad_hash_t hash, AdObject *value)
{
    if (mp->keys->usable <= 0 && dict_grow(mp) < 0) {
        Ad_DECREF(key);
        Ad_DECREF(value);
        return -1;
    }
    AdDictKeys *dk = mp->keys;
    DictEntry *ep = &dk_entries(dk)[dk->nentries];
    dk_set_index(dk, find_empty_slot(dk, hash), dk->nentries);
    ep->hash = hash;
    ep->key = key;
    ep->value = value;
    dk->nentries++;
    dk->usable--;
    mp->used++;
    bump_version(mp);
    return 0;
}

/* Inserts or replaces; steals key and value. 0 or -1. */
static int insert_dict(AdDictObject *mp, AdObject *key, Ad_hash_t hash, AdObject *value)
{
    AdObject *old;
    Ad_ssize_t ix = dict_lookup(mp, key, hash, &old);
    if (ix == DKIX_ERROR)
        goto fail;
    if (is_split(mp)) {
        AdDictKeys *dk = mp->keys;
        if (ix >= 0 && ix < mp->used) {
            mp->values[ix] = value;
            bump_version(mp);
            Ad_DECREF(old);
            Ad_DECREF(key);
            return 0;
        }
        if (ix >= 0 && ix == mp->used) {
            mp->values[mp->used++] = value;
            bump_version(mp);
            Ad_DECREF(key);
            return 0;
        }
        if (ix == DKIX_EMPTY && mp->used == dk->nentries && dk->usable > 0 &&
            AdStr_CheckExact(key) && dk->nentries < SHARED_KEYS_MAX) {
            /* Append to the shared keys: the other instances hold a prefix. */
            DictEntry *ep = &dk_entries(dk)[dk->nentries];
            dk_set_index(dk, find_empty_slot(dk, hash), dk->nentries);
            ep->hash = hash;
            ep->key = key;
            ep->value = NULL;
            dk->nentries++;
            dk->usable--;
            mp->values[mp->used++] = value;
            bump_version(mp);
            return 0;
        }
        if (dict_unsplit(mp) < 0)
            goto fail;
        ix = dict_lookup(mp, key, hash, &old);
        if (ix == DKIX_ERROR)
            goto fail;
    }
    if (ix >= 0) {
        /* Replace the value; the old one goes last (its __del__ may run). */
        dk_entries(mp->keys)[ix].value = value;
        bump_value_version(mp);
        Ad_DECREF(old);
        Ad_DECREF(key);
        return 0;
    }
    return insert_new(mp, key, hash, value);
fail:
    Ad_DECREF(key);
    Ad_DECREF(value);
    return -1;
}

/* The index slot that points at entry ix. */
static size_t slot_of(AdDictKeys *dk, Ad_hash_t hash, Ad_ssize_t ix)
{
    size_t mask = ((size_t)1 << dk->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (dk_get_index(dk, i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Removes entry ix of a combined table; returns its key and value (the
 * caller releases them). */
static void delete_entry(AdDictObject *mp, Ad_ssize_t ix, AdObject **key, AdObject **value)
{
    AdDictKeys *dk = mp->keys;
    DictEntry *ep = &dk_entries(dk)[ix];
    dk_set_index(dk, slot_of(dk, ep->hash, ix), DKIX_DUMMY);
    *key = ep->key;
    *value = ep->value;
    ep->key = NULL;
    ep->value = NULL;
    mp->used--;
    bump_version(mp);
}

/* ---- public API ---------------------------------------------------------- */

static AdObject *dict_new_with_keys(AdTypeObject *type, AdDictKeys *keys, AdObject **values)
{
    AdDictObject *mp;
    if (type == &AdDict_Type)
        mp = (AdDictObject *)AdObject_GC_New(&AdDict_Type);
    else
        mp = (AdDictObject *)type->tp_alloc(type, 0);
    if (mp == NULL) {
        keys_decref(keys);
        AdMem_Free(values);
        return NULL;
    }
    mp->used = 0;
    mp->keys = keys;
    mp->values = values;
    bump_version(mp);
    if (type == &AdDict_Type)
        AdObject_GC_Track((AdObject *)mp);
    return (AdObject *)mp;
}

AdObject *AdDict_New(void)
{
    return dict_new_with_keys(&AdDict_Type, EMPTY_KEYS, NULL);
}

AdObject *AdDict_NewPresized(Ad_ssize_t n)
{
    if (n <= 5)
        return AdDict_New();
    AdDictKeys *dk = keys_new(log2_estimate(n), 0);
    if (dk == NULL)
        return NULL;
    return dict_new_with_keys(&AdDict_Type, dk, NULL);
}

AdDictKeys *AdDictKeys_NewShared(void)
{
    return keys_new(log2_estimate(SHARED_KEYS_MAX), 1);
}

void AdDictKeys_Incref(AdDictKeys *keys)
{
    if (!keys->immortal)
        keys->refcnt++;
}

void AdDictKeys_Decref(AdDictKeys *keys)
{
    keys_decref(keys);
}

Ad_ssize_t AdDictKeys_Count(AdDictKeys *keys)
{
    return keys->nentries;
}

AdObject *AdDict_NewSplit(AdDictKeys *keys)
{
    if (keys == NULL || !keys->shared) {
        AdErr_BadInternalCall();
        return NULL;
    }
    AdObject **values = AdMem_Calloc((size_t)(keys->capacity ? keys->capacity : 1), sizeof(AdObject *));
    if (values == NULL)
        return AdErr_NoMemory();
    AdDictKeys_Incref(keys);
    return dict_new_with_keys(&AdDict_Type, keys, values);
}

int AdDict_IsSplit(AdObject *d)
{
    return is_split((AdDictObject *)d);
}

Ad_ssize_t AdDict_SplitIndex(AdObject *d, AdObject *name)
{
    AdDictObject *mp = (AdDictObject *)d;
    if (!is_split(mp) || !AdStr_CheckExact(name))
        return -1;
    AdObject *v;
    Ad_hash_t h = AdStr_Hash(name);
    Ad_ssize_t ix = dict_lookup(mp, name, h, &v);
    return ix >= 0 ? ix : -1;
}

Ad_ssize_t AdDict_StrEntryIndex(AdObject *d, AdObject *key)
{
    if (AdDict_IsSplit(d))
        return AdDict_SplitIndex(d, key);
    Ad_ssize_t ix = AdDict_StrKeyIndex(d, key);
    return ix >= 0 ? ix : -1;
}

/* The entry hint of d when it holds key itself, else NULL. */
static DictEntry *entry_by_hint(AdDictObject *mp, AdObject *key, Ad_ssize_t hint)
{
    AdDictKeys *dk = mp->keys;
    if (hint < 0 || hint >= dk->nentries || (is_split(mp) && hint >= mp->used))
        return NULL;
    DictEntry *ep = &dk_entries(dk)[hint];
    return ep->key == key ? ep : NULL;
}

AdObject *AdDict_GetByHint(AdObject *d, AdObject *key, Ad_ssize_t hint)
{
    AdDictObject *mp = (AdDictObject *)d;
    DictEntry *ep = entry_by_hint(mp, key, hint);
    if (!ep)
        return NULL;
    return is_split(mp) ? mp->values[hint] : ep->value;
}

int AdDict_ReplaceByHint(AdObject *d, AdObject *key, Ad_ssize_t hint, AdObject *value)
{
    AdDictObject *mp = (AdDictObject *)d;
    DictEntry *ep = entry_by_hint(mp, key, hint);
    if (!ep)
        return 0;
    AdObject **slot = is_split(mp) ? &mp->values[hint] : &ep->value;
    AdObject *old = *slot;
    if (!old)
        return 0;
    *slot = value;
    if (is_split(mp))
        bump_version(mp);
    else
        bump_value_version(mp);
    Ad_DECREF(old);             /* last: its __del__ may run */
    return 1;
}

uint64_t AdDict_Version(AdObject *d)
{
    return ((AdDictObject *)d)->version;
}

uint32_t AdDict_KeysVersion(AdObject *d)
{
    AdDictObject *mp = (AdDictObject *)d;
    if (!AdDict_CheckExact(d) || is_split(mp))
        return 0;
    if (mp->keys_version == 0 && keys_version_counter < 0xffff)
        mp->keys_version = ++keys_version_counter;
    return mp->keys_version;
}

Ad_ssize_t AdDict_StrKeyIndex(AdObject *d, AdObject *key)
{
    AdDictObject *mp = (AdDictObject *)d;
    if (!AdDict_CheckExact(d) || is_split(mp) || !AdStr_CheckExact(key))
        return -2;
    Ad_hash_t hash = ((AdStrObject *)key)->hash;
    if (hash == -1)
        hash = AdObject_Hash(key);      /* a str's hash can't fail */
    /* Only str keys are compared by value here, so nothing can run. */
    AdDictKeys *dk = mp->keys;
    DictEntry *entries = dk_entries(dk);
    size_t mask = ((size_t)1 << dk->log2_size) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        Ad_ssize_t ix = dk_get_index(dk, i);
        if (ix == DKIX_EMPTY)
            return -1;
        if (ix >= 0) {
            DictEntry *ep = &entries[ix];
            if (ep->key == key)
                return ix;
            if (ep->hash == hash && ep->key) {
                if (!AdStr_CheckExact(ep->key))
                    return -2;      /* would need __eq__: not cacheable */
                if (AdStr_Equal(ep->key, key))
                    return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

AdObject *AdDict_CachedValue(AdObject *d, uint32_t keys_version, Ad_ssize_t ix)
{
    AdDictObject *mp = (AdDictObject *)d;
    if (mp->keys_version != keys_version)
        return NULL;
    return dk_entries(mp->keys)[ix].value;
}

AdObject *AdDict_GetItemKnownHash(AdObject *d, AdObject *key, Ad_hash_t hash)
{
    if (!AdDict_Check(d)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    AdObject *value;
    Ad_ssize_t ix = dict_lookup((AdDictObject *)d, key, hash, &value);
    if (ix < 0)
        return NULL;
    return value;
}

AdObject *AdDict_GetItemWithError(AdObject *d, AdObject *key)
{
    if (!AdDict_Check(d)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    Ad_hash_t hash = hash_key(key);
    if (hash == -1)
        return NULL;
    AdObject *value;
    dict_lookup((AdDictObject *)d, key, hash, &value);
    return value;
}

/* The hash of key for a call on dict d that reports through *result:
 * -1 with *result NULL when d is not a dict or key is unhashable. */
static Ad_hash_t hash_for_result(AdObject *d, AdObject *key, AdObject **result)
{
    if (!AdDict_Check(d)) {
        *result = NULL;
        AdErr_BadInternalCall();
        return -1;
    }
    Ad_hash_t hash = hash_key(key);
    if (hash == -1)
        *result = NULL;
    return hash;
}

int AdDict_GetItemRef(AdObject *d, AdObject *key, AdObject **result)
{
    Ad_hash_t hash = hash_for_result(d, key, result);
    if (hash == -1)
        return -1;
    AdObject *value;
    Ad_ssize_t ix = dict_lookup((AdDictObject *)d, key, hash, &value);
    if (value == NULL) {
        *result = NULL;
        return ix == DKIX_ERROR ? -1 : 0;
    }
    *result = Ad_NewRef(value);
    return 1;
}

AdObject *AdDict_GetItemString(AdObject *d, const char *key)
{
    AdObject *k = AdStr_InternFromString(key);
    if (k == NULL) {
        AdErr_Clear();
        return NULL;
    }
    AdObject *exc = AdErr_GetRaisedException();
    AdObject *v = AdDict_GetItemWithError(d, k);
    Ad_DECREF(k);
    if (v == NULL)
        AdErr_Clear();
    AdErr_SetRaisedException(exc);
    return v;
}

int objects_dict_set_known_hash(AdObject *d, AdObject *key, Ad_hash_t hash, AdObject *value)
{
    return insert_dict((AdDictObject *)d, Ad_NewRef(key), hash, Ad_NewRef(value));
}

int AdDict_SetItem(AdObject *d, AdObject *key, AdObject *value)
{
    if (!AdDict_Check(d) || key == NULL || value == NULL) {
        AdErr_BadInternalCall();
        return -1;
    }
    Ad_hash_t hash = hash_key(key);
    if (hash == -1)
        return -1;
    return insert_dict((AdDictObject *)d, Ad_NewRef(key), hash, Ad_NewRef(value));
}

int AdDict_SetItemString(AdObject *d, const char *key, AdObject *value)
{
    AdObject *k = AdStr_InternFromString(key);
    if (k == NULL)
        return -1;
    int r = AdDict_SetItem(d, k, value);
    Ad_DECREF(k);
    return r;
}

static void raise_key_error(AdObject *key)
{
    AdObject *exc = AdObject_CallOneArg(AdExc_KeyError, key);
    if (exc != NULL)
        AdErr_SetRaisedException(exc);
}

/* Removes key; 1 removed (*value new ref when value != NULL), 0 absent, -1 error. */
static int dict_pop_known(AdDictObject *mp, AdObject *key, Ad_hash_t hash, AdObject **value)
{
    if (value)
        *value = NULL;
    if (mp->used == 0)
        return 0;
    AdObject *old;
    Ad_ssize_t ix = dict_lookup(mp, key, hash, &old);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix < 0 || old == NULL)
        return 0;
    if (is_split(mp)) {
        if (dict_unsplit(mp) < 0)
            return -1;
        ix = dict_lookup(mp, key, hash, &old);
        if (ix < 0)
            return ix == DKIX_ERROR ? -1 : 0;
    }
    AdObject *k, *v;
    delete_entry(mp, ix, &k, &v);
    Ad_DECREF(k);
    if (value)
        *value = v;
    else
        Ad_DECREF(v);
    return 1;
}

int AdDict_DelItem(AdObject *d, AdObject *key)
{
    if (!AdDict_Check(d)) {
        AdErr_BadInternalCall();
        return -1;
    }
    Ad_hash_t hash = hash_key(key);
    if (hash == -1)
        return -1;
    int r = dict_pop_known((AdDictObject *)d, key, hash, NULL);
    if (r == 0) {
        raise_key_error(key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

int AdDict_DelItemString(AdObject *d, const char *key)
{
    AdObject *k = AdStr_FromString(key);
    if (k == NULL)
        return -1;
    int r = AdDict_DelItem(d, k);
    Ad_DECREF(k);
    return r;
}

int AdDict_Pop(AdObject *d, AdObject *key, AdObject **result)
{
    Ad_hash_t hash = hash_for_result(d, key, result);
    if (hash == -1)
        return -1;
    return dict_pop_known((AdDictObject *)d, key, hash, result);
}

int AdDict_Contains(AdObject *d, AdObject *key)
{
    Ad_hash_t hash = hash_key(key);
    if (hash == -1)
        return -1;
    AdObject *v;
    Ad_ssize_t ix = dict_lookup((AdDictObject *)d, key, hash, &v);
    if (ix == DKIX_ERROR)
        return -1;
    return ix >= 0 && v != NULL;
}

int objects_dict_contains_known_hash(AdObject *d, AdObject *key, Ad_hash_t hash)
{
    AdObject *v;
    Ad_ssize_t ix = dict_lookup((AdDictObject *)d, key, hash, &v);
    if (ix == DKIX_ERROR)
        return -1;
    return ix >= 0 && v != NULL;
}

Ad_ssize_t objects_dict_nslots(AdObject *d)
{
    AdDictObject *mp = (AdDictObject *)d;
    return is_split(mp) ? mp->used : mp->keys->nentries;
}

int objects_dict_slot(AdObject *d, Ad_ssize_t i, AdObject **key, AdObject **value, Ad_hash_t *hash)
{
    AdDictObject *mp = (AdDictObject *)d;
    DictEntry *ep = &dk_entries(mp->keys)[i];
    if (is_split(mp)) {
        if (i >= mp->used)
            return 0;
        *key = ep->key;
        *value = mp->values[i];
    } else {
        if (i >= mp->keys->nentries || ep->value == NULL)
            return 0;
        *key = ep->key;
        *value = ep->value;
    }
    if (hash)
        *hash = ep->hash;
    return 1;
}

int AdDict_Next(AdObject *d, Ad_ssize_t *pos, AdObject **key, AdObject **value)
{
    if (!AdDict_Check(d))
        return 0;
    Ad_ssize_t n = objects_dict_nslots(d);
    AdObject *k, *v;
    for (Ad_ssize_t i = *pos; i < n; i++) {
        if (objects_dict_slot(d, i, &k, &v, NULL)) {
            *pos = i + 1;
            if (key)
                *key = k;
            if (value)
                *value = v;
            return 1;
        }
    }
    *pos = n;
    return 0;
}

int objects_dict_next_hash(AdObject *d, Ad_ssize_t *pos, AdObject **key, AdObject **value, Ad_hash_t *hash)
{
    Ad_ssize_t n = objects_dict_nslots(d);
    for (Ad_ssize_t i = *pos; i < n; i++) {
        if (objects_dict_slot(d, i, key, value, hash)) {
            *pos = i + 1;
            return 1;
        }
    }
    *pos = n;
    return 0;
}

void AdDict_Clear(AdObject *d)
{
    if (!AdDict_Check(d))
        return;
    AdDictObject *mp = (AdDictObject *)d;
    AdDictKeys *old = mp->keys;
    AdObject **values = mp->values;
    Ad_ssize_t used = mp->used;
    if (old == EMPTY_KEYS && values == NULL)
        return;
    mp->keys = EMPTY_KEYS;
    mp->values = NULL;
    mp->used = 0;
    bump_version(mp);
    if (values != NULL) {
        for (Ad_ssize_t i = 0; i < used; i++)
            Ad_DECREF(values[i]);
        AdMem_Free(values);
    }
    keys_decref(old);
}

AdObject *AdDict_Copy(AdObject *o)
{
    if (!AdDict_Check(o)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    AdDictObject *mp = (AdDictObject *)o;
    if (mp->used == 0)
        return AdDict_New();
    if (is_split(mp)) {
        AdObject *copy = AdDict_NewSplit(mp->keys);
        if (copy == NULL)
            return NULL;
        AdDictObject *c = (AdDictObject *)copy;
        for (Ad_ssize_t i = 0; i < mp->used; i++)
            c->values[i] = Ad_NewRef(mp->values[i]);
        c->used = mp->used;
        return copy;
    }
    AdObject *copy = AdDict_NewPresized(mp->used);
    if (copy == NULL)
        return NULL;
    if (AdDict_Merge(copy, o, 1) < 0) {
        Ad_DECREF(copy);
        return NULL;
    }
    return copy;
}

static AdObject *dict_list_of(AdObject *d, int which)
{
    if (!AdDict_Check(d)) {
        AdErr_BadInternalCall();
        return NULL;
    }
again:;
    Ad_ssize_t n = AdDict_GET_SIZE(d);
    AdObject *list = AdList_New(n);
    if (list == NULL)
        return NULL;
    if (n != AdDict_GET_SIZE(d)) {  /* allocation ran code that changed d */
        Ad_DECREF(list);
        goto again;
    }
    Ad_ssize_t pos = 0, j = 0;
    AdObject *k, *v;
    while (AdDict_Next(d, &pos, &k, &v)) {
        AdObject *item;
        if (which == 0)
            item = Ad_NewRef(k);
        else if (which == 1)
            item = Ad_NewRef(v);
        else {
            item = AdTuple_Pack(2, k, v);
            if (item == NULL) {
                Ad_DECREF(list);
                return NULL;
            }
        }
        AdList_SET_ITEM(list, j++, item);
    }
    return list;
}

AdObject *AdDict_Keys(AdObject *d) { return dict_list_of(d, 0); }
AdObject *AdDict_Values(AdObject *d) { return dict_list_of(d, 1); }
AdObject *AdDict_Items(AdObject *d) { return dict_list_of(d, 2); }

AdObject *AdDict_SetDefault(AdObject *d, AdObject *key, AdObject *deflt)
{
    AdDictObject *mp = (AdDictObject *)d;
    Ad_hash_t hash = hash_key(key);
    if (hash == -1)
        return NULL;
    AdObject *v;
    Ad_ssize_t ix = dict_lookup(mp, key, hash, &v);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0 && v != NULL)
        return v;
    /* Absent: nothing ran since the lookup, a combined table takes it as
     * a new entry directly. */
    int r = ix == DKIX_EMPTY && !is_split(mp) ? insert_new(mp, Ad_NewRef(key), hash, Ad_NewRef(deflt))
                                              : insert_dict(mp, Ad_NewRef(key), hash, Ad_NewRef(deflt));
    if (r < 0)
        return NULL;
    return deflt;
}

/* ---- merging ------------------------------------------------------------- */

static AdObject *str_keys;      /* "keys", interned on first use */

static AdObject *name_keys(void)
{
    return AdStr_InternStatic(&str_keys, "keys");
}

static AdObject *dict_iter(AdObject *d);

int AdDict_Merge(AdObject *a, AdObject *b, int override)
{
    if (a == NULL || !AdDict_Check(a) || b == NULL) {
        AdErr_BadInternalCall();
        return -1;
    }
    AdDictObject *mp = (AdDictObject *)a;
    if (AdDict_Check(b) && AD_TYPE(b)->tp_iter == dict_iter) {
        if (a == b || AdDict_GET_SIZE(b) == 0)
            return 0;
        AdDictObject *other = (AdDictObject *)b;
        /* Make room at once when a is empty-ish. */
        if (!is_split(mp) && mp->keys->usable < other->used) {
            if (dict_rebuild(mp, log2_estimate(mp->used + other->used)) < 0)
                return -1;
        }
        Ad_ssize_t n = objects_dict_nslots(b);
        Ad_ssize_t orig_size = other->used;
        for (Ad_ssize_t i = 0; i < n && i < objects_dict_nslots(b); i++) {
            AdObject *k, *v;
            Ad_hash_t h;
            if (!objects_dict_slot(b, i, &k, &v, &h))
                continue;
            Ad_INCREF(k);
            Ad_INCREF(v);
            int err = 0;
            if (override == 1) {
                err = insert_dict(mp, k, h, v);
            } else {
                int has = objects_dict_contains_known_hash(a, k, h);
                if (has < 0) {
                    err = -1;
                } else if (!has) {
                    err = insert_dict(mp, Ad_NewRef(k), h, Ad_NewRef(v));
                } else if (override == 2) {
                    raise_key_error(k);
                    err = -1;
                }
                Ad_DECREF(k);
                Ad_DECREF(v);
            }
            if (err < 0)
                return -1;
            if (other->used != orig_size) {
                AdErr_SetString(AdExc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* A generic mapping: b.keys() and b[key]. */
    AdObject *keys = AdObject_CallMethod(b, name_keys(), NULL, 0);
    if (keys == NULL)
        return -1;
    AdObject *it = AdObject_GetIter(keys);
    Ad_DECREF(keys);
    if (it == NULL)
        return -1;
    AdObject *key;
    while ((key = AdIter_Next(it)) != NULL) {
        if (override != 1) {
            int has = AdDict_Contains(a, key);
            if (has != 0) {
                if (has > 0 && override == 2)
                    raise_key_error(key);
                if (has < 0 || override == 2) {
                    Ad_DECREF(key);
                    Ad_DECREF(it);
                    return -1;
                }
                Ad_DECREF(key);
                continue;
            }
        }
        AdObject *value = AdObject_GetItem(b, key);
        if (value == NULL) {
            Ad_DECREF(key);
            Ad_DECREF(it);
            return -1;
        }
        int r = AdDict_SetItem(a, key, value);
        Ad_DECREF(key);
        Ad_DECREF(value);
        if (r < 0) {
            Ad_DECREF(it);
            return -1;
        }
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
}

/* d.update(iterable of pairs). */
static int merge_from_pairs(AdObject *d, AdObject *seq2, int override)
{
    AdObject *it = AdObject_GetIter(seq2);
    if (it == NULL)
        return -1;
    AdObject *item;
    Ad_ssize_t i = 0;
    for (; (item = AdIter_Next(it)) != NULL; i++) {
        AdObject *fast;
        if (AdList_CheckExact(item) || AdTuple_CheckExact(item)) {
            fast = Ad_NewRef(item);
        } else {
            AdTypeObject *tp = AD_TYPE(item);
            if (tp->tp_iter == NULL && (tp->tp_as_sequence == NULL || tp->tp_as_sequence->sq_item == NULL)) {
                AdErr_SetString(AdExc_TypeError, "object is not iterable");
                fast = NULL;
            } else {
                fast = AdSequence_List(item);
                if (fast == NULL && AdErr_ExceptionMatches(AdExc_TypeError))
                    AdErr_Format(AdExc_TypeError,
                                 "cannot convert dictionary update sequence element #%zd to a sequence", i);
            }
        }
        Ad_DECREF(item);
        if (fast == NULL)
            goto fail;
        Ad_ssize_t n = AD_SIZE(fast);
        if (n != 2) {
            AdErr_Format(AdExc_ValueError,
                         "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
            Ad_DECREF(fast);
            goto fail;
        }
        AdObject *k, *v;
        if (AdList_CheckExact(fast)) {
            k = AdList_GET_ITEM(fast, 0);
            v = AdList_GET_ITEM(fast, 1);
        } else {
            k = AdTuple_GET_ITEM(fast, 0);
            v = AdTuple_GET_ITEM(fast, 1);
        }
        Ad_INCREF(k);
        Ad_INCREF(v);
        int r = 0;
        if (override) {
            r = AdDict_SetItem(d, k, v);
        } else {
            int has = AdDict_Contains(d, k);
            r = has < 0 ? -1 : has ? 0 : AdDict_SetItem(d, k, v);
        }
        Ad_DECREF(k);
        Ad_DECREF(v);
        Ad_DECREF(fast);
        if (r < 0)
            goto fail;
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
fail:
    Ad_DECREF(it);
    return -1;
}

int AdDict_MergeFromSeq2(AdObject *d, AdObject *seq2, int override)
{
    return merge_from_pairs(d, seq2, override);
}

/* The positional argument of dict() and dict.update(): a mapping (anything
 * with keys()) or an iterable of pairs. */
static int update_arg(AdObject *self, AdObject *arg)
{
    if (AdDict_CheckExact(arg))
        return AdDict_Merge(self, arg, 1);
    AdObject *func;
    int r = AdObject_GetOptionalAttr(arg, name_keys(), &func);
    if (r < 0)
        return -1;
    if (r > 0) {
        Ad_DECREF(func);
        return AdDict_Merge(self, arg, 1);
    }
    return merge_from_pairs(self, arg, 1);
}

static int update_common(AdObject *self, AdObject *args, AdObject *kwargs, const char *name)
{
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    if (ad_check_nargs(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && update_arg(self, AdTuple_GET_ITEM(args, 0)) < 0)
        return -1;
    if (kwargs != NULL && AdDict_GET_SIZE(kwargs) > 0)
        return AdDict_Merge(self, kwargs, 1);
    return 0;
}

/* ---- slots --------------------------------------------------------------- */

static void dict_dealloc(AdObject *op)
{
    AdDictObject *mp = (AdDictObject *)op;
    AdObject_GC_UnTrack(op);
    if (mp->values != NULL) {
        for (Ad_ssize_t i = 0; i < mp->used; i++)
            Ad_DECREF(mp->values[i]);
        AdMem_Free(mp->values);
    }
    if (mp->keys != NULL)
        keys_decref(mp->keys);
    AD_TYPE(op)->tp_free(op);
}

static int dict_traverse(AdObject *op, visitproc visit, void *arg)
{
    AdDictObject *mp = (AdDictObject *)op;
    if (is_split(mp)) {
        for (Ad_ssize_t i = 0; i < mp->used; i++) {
            int r = visit(mp->values[i], arg);
            if (r)
                return r;
        }
        return 0;
    }
    DictEntry *ep = dk_entries(mp->keys);
    for (Ad_ssize_t i = 0; i < mp->keys->nentries; i++) {
        if (ep[i].value != NULL) {
            int r = visit(ep[i].value, arg);
            if (r)
                return r;
            r = visit(ep[i].key, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int dict_tp_clear(AdObject *op)
{
    AdDict_Clear(op);
    return 0;
}

static Ad_ssize_t dict_length(AdObject *op)
{
    return ((AdDictObject *)op)->used;
}

static AdObject *str_missing;

static AdObject *dict_subscript(AdObject *op, AdObject *key)
{
    Ad_hash_t hash = hash_key(key);
    if (hash == -1)
        return NULL;
    AdObject *v;
    Ad_ssize_t ix = dict_lookup((AdDictObject *)op, key, hash, &v);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix >= 0 && v != NULL)
        return Ad_NewRef(v);
    if (!AdDict_CheckExact(op)) {
        AdStr_InternStatic(&str_missing, "__missing__");
        AdObject *missing = AdObject_LookupSpecial(op, str_missing);
        if (missing != NULL) {
            AdObject *res = AdObject_CallOneArg(missing, key);
            Ad_DECREF(missing);
            return res;
        }
        if (AdErr_Occurred())
            return NULL;
    }
    raise_key_error(key);
    return NULL;
}

static int dict_ass_sub(AdObject *op, AdObject *key, AdObject *value)
{
    if (value == NULL)
        return AdDict_DelItem(op, key);
    return AdDict_SetItem(op, key, value);
}

static int dict_contains_slot(AdObject *op, AdObject *key)
{
    return AdDict_Contains(op, key);
}

static AdObject *dict_repr(AdObject *op)
{
    AdDictObject *mp = (AdDictObject *)op;
    if (mp->used == 0)
        return AdStr_FromString("{}");
    int r = Ad_ReprEnter(op);
    if (r != 0)
        return r > 0 ? AdStr_FromString("{...}") : NULL;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (AdStrWriter_WriteChar(&w, '{') < 0)
        goto error;
    Ad_ssize_t pos = 0;
    int first = 1;
    AdObject *k, *v;
    while (AdDict_Next(op, &pos, &k, &v)) {
        Ad_INCREF(k);
        Ad_INCREF(v);
        AdObject *ks = NULL, *vs = NULL;
        int ok = (first || AdStrWriter_WriteASCII(&w, ", ", 2) == 0) &&
                 (ks = AdObject_Repr(k)) != NULL && AdStrWriter_WriteStr(&w, ks) == 0 &&
                 AdStrWriter_WriteASCII(&w, ": ", 2) == 0 &&
                 (vs = AdObject_Repr(v)) != NULL && AdStrWriter_WriteStr(&w, vs) == 0;
        first = 0;
        Ad_XDECREF(ks);
        Ad_XDECREF(vs);
        Ad_DECREF(k);
        Ad_DECREF(v);
        if (!ok)
            goto error;
    }
    if (AdStrWriter_WriteChar(&w, '}') < 0)
        goto error;
    Ad_ReprLeave(op);
    return AdStrWriter_Finish(&w);
error:
    AdStrWriter_Dealloc(&w);
    Ad_ReprLeave(op);
    return NULL;
}

/* a == b for dicts: 1, 0 or -1. */
static int dict_equal(AdDictObject *a, AdDictObject *b)
{
    if (a->used != b->used)
        return 0;
    Ad_ssize_t n = objects_dict_nslots((AdObject *)a);
    for (Ad_ssize_t i = 0; i < n && i < objects_dict_nslots((AdObject *)a); i++) {
        AdObject *k, *av;
        Ad_hash_t h;
        if (!objects_dict_slot((AdObject *)a, i, &k, &av, &h))
            continue;
        Ad_INCREF(k);
        Ad_INCREF(av);
        AdObject *bv;
        Ad_ssize_t ix = dict_lookup(b, k, h, &bv);
        int cmp;
        if (ix == DKIX_ERROR) {
            cmp = -1;
        } else if (ix < 0 || bv == NULL) {
            cmp = 0;
        } else {
            Ad_INCREF(bv);
            cmp = AdObject_RichCompareBool(av, bv, AD_EQ);
            Ad_DECREF(bv);
        }
        Ad_DECREF(k);
        Ad_DECREF(av);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static AdObject *dict_richcompare(AdObject *v, AdObject *w, int op)
{
    if (!AdDict_Check(v) || !AdDict_Check(w) || (op != AD_EQ && op != AD_NE))
        Ad_RETURN_NOTIMPLEMENTED;
    int cmp = dict_equal((AdDictObject *)v, (AdDictObject *)w);
    if (cmp < 0)
        return NULL;
    return AdBool_FromLong(op == AD_EQ ? cmp : !cmp);
}

static AdObject *dict_or(AdObject *self, AdObject *other)
{
    if (!AdDict_Check(self) || !AdDict_Check(other))
        Ad_RETURN_NOTIMPLEMENTED;
    AdObject *d = AdDict_Copy(self);
    if (d == NULL)
        return NULL;
    if (AdDict_Merge(d, other, 1) < 0) {
        Ad_DECREF(d);
        return NULL;
    }
    return d;
}

static AdObject *dict_ior(AdObject *self, AdObject *other)
{
    if (update_arg(self, other) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static int dict_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    return update_common(self, args, kwargs, "dict");
}

static AdObject *dict_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args;
    (void)kwargs;
    return dict_new_with_keys(type, EMPTY_KEYS, NULL);
}

static AdObject *dict_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (ad_check_nargs("dict", nargs, 0, 1) < 0)
        return NULL;
    AdObject *self = dict_new_with_keys((AdTypeObject *)type, EMPTY_KEYS, NULL);
    if (self == NULL)
        return NULL;
    if (nargs == 1 && update_arg(self, args[0]) < 0)
        goto fail;
    if (kwnames != NULL) {
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(kwnames); i++) {
            if (AdDict_SetItem(self, AdTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0)
                goto fail;
        }
    }
    return self;
fail:
    Ad_DECREF(self);
    return NULL;
}

/* ---- methods ------------------------------------------------------------- */

static AdObject *dict_contains_meth(AdObject *self, AdObject *key)
{
    int r = AdDict_Contains(self, key);
    if (r < 0)
        return NULL;
    return AdBool_FromLong(r);
}

static AdObject *dict_getitem_meth(AdObject *self, AdObject *key)
{
    return dict_subscript(self, key);
}

static AdObject *dict_sizeof_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdDictObject *mp = (AdDictObject *)self;
    Ad_ssize_t size = (Ad_ssize_t)sizeof(AdDictObject) + 16;
    if (is_split(mp))
        size += mp->keys->capacity * (Ad_ssize_t)sizeof(AdObject *);
    if (mp->keys->refcnt == 1 && !mp->keys->immortal)
        size += (Ad_ssize_t)sizeof(AdDictKeys) + ((Ad_ssize_t)mp->keys->index_bytes << mp->keys->log2_size) +
                mp->keys->capacity * (Ad_ssize_t)sizeof(DictEntry);
    return AdInt_FromSsize_t(size);
}

static AdObject *dict_get_meth(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (ad_check_nargs("get", nargs, 1, 2) < 0)
        return NULL;
    AdObject *deflt = nargs == 2 ? args[1] : Ad_None;
    Ad_hash_t hash = hash_key(args[0]);
    if (hash == -1)
        return NULL;
    AdObject *v;
    Ad_ssize_t ix = dict_lookup((AdDictObject *)self, args[0], hash, &v);
    if (ix == DKIX_ERROR)
        return NULL;
    return Ad_NewRef(ix >= 0 && v != NULL ? v : deflt);
}

static AdObject *dict_setdefault_meth(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (ad_check_nargs("setdefault", nargs, 1, 2) < 0)
        return NULL;
    AdObject *v = AdDict_SetDefault(self, args[0], nargs == 2 ? args[1] : Ad_None);
    return Ad_XNewRef(v);
}

static AdObject *dict_pop_meth(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (ad_check_nargs("pop", nargs, 1, 2) < 0)
        return NULL;
    AdObject *v;
    int r = AdDict_Pop(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if (nargs == 2)
            return Ad_NewRef(args[1]);
        raise_key_error(args[0]);
        return NULL;
    }
    return v;
}

static AdObject *dict_popitem_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdDictObject *mp = (AdDictObject *)self;
    if (mp->used == 0) {
        AdObject *msg = AdStr_FromString("popitem(): dictionary is empty");
        if (msg != NULL) {
            raise_key_error(msg);
            Ad_DECREF(msg);
        }
        return NULL;
    }
    if (is_split(mp) && dict_unsplit(mp) < 0)
        return NULL;
    AdDictKeys *dk = mp->keys;
    DictEntry *ep = dk_entries(dk);
    Ad_ssize_t i = dk->nentries - 1;
    while (i >= 0 && ep[i].value == NULL)
        i--;
    AdObject *k, *v;
    delete_entry(mp, i, &k, &v);
    dk->nentries = i;           /* the tail is all deleted now */
    AdObject *res = AdTuple_New(2);
    if (res == NULL) {
        Ad_DECREF(k);
        Ad_DECREF(v);
        return NULL;
    }
    AdTuple_SET_ITEM(res, 0, k);
    AdTuple_SET_ITEM(res, 1, v);
    return res;
}

static AdObject *dict_update_meth(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (update_common(self, args, kwargs, "update") < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *dict_clear_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdDict_Clear(self);
    Ad_RETURN_NONE;
}

static AdObject *dict_copy_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdDict_Copy(self);
}

static AdObject *dict_fromkeys_meth(AdObject *cls, AdObject *const *args, Ad_ssize_t nargs)
{
    if (ad_check_nargs("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    AdObject *iterable = args[0];
    AdObject *value = nargs == 2 ? args[1] : Ad_None;
    AdObject *d = AdObject_CallNoArgs(cls);
    if (d == NULL)
        return NULL;
    if (AdDict_CheckExact(d) && AdDict_CheckExact(iterable)) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        Ad_hash_t h;
        while (objects_dict_next_hash(iterable, &pos, &k, &v, &h)) {
            if (insert_dict((AdDictObject *)d, Ad_NewRef(k), h, Ad_NewRef(value)) < 0)
                goto fail;
        }
        return d;
    }
    AdObject *it = AdObject_GetIter(iterable);
    if (it == NULL)
        goto fail;
    AdObject *key;
    while ((key = AdIter_Next(it)) != NULL) {
        int r = AdDict_CheckExact(d) ? AdDict_SetItem(d, key, value) : AdObject_SetItem(d, key, value);
        Ad_DECREF(key);
        if (r < 0) {
            Ad_DECREF(it);
            goto fail;
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        goto fail;
    return d;
fail:
    Ad_DECREF(d);
    return NULL;
}

static AdObject *dict_class_getitem(AdObject *cls, AdObject *args)
{
    return Ad_GenericAlias(cls, args);
}

static AdMethodDef dict_methods[] = {
    {"__contains__", (void (*)(void))dict_contains_meth, AD_METH_O | AD_METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", (void (*)(void))dict_getitem_meth, AD_METH_O | AD_METH_COEXIST,
     "Return self[key]."},
    {"__sizeof__", (void (*)(void))dict_sizeof_meth, AD_METH_NOARGS,
     "Return the size of the dict in memory, in bytes."},
    {"get", (void (*)(void))dict_get_meth, AD_METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", (void (*)(void))dict_setdefault_meth, AD_METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", (void (*)(void))dict_pop_meth, AD_METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", (void (*)(void))dict_popitem_meth, AD_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", (void (*)(void))objects_dict_keys_view, AD_METH_NOARGS,
     "Return a set-like object providing a view on the dict's keys."},
    {"items", (void (*)(void))objects_dict_items_view, AD_METH_NOARGS,
     "Return a set-like object providing a view on the dict's items."},
    {"values", (void (*)(void))objects_dict_values_view, AD_METH_NOARGS,
     "Return an object providing a view on the dict's values."},
    {"update", (void (*)(void))dict_update_meth, AD_METH_VARARGS | AD_METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F.\n"
     "If E is present and has a .keys() method, then does:  for k in E.keys(): D[k] = E[k]\n"
     "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
     "In either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", (void (*)(void))dict_fromkeys_meth, AD_METH_FASTCALL | AD_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", (void (*)(void))dict_clear_meth, AD_METH_NOARGS,
     "Remove all items from the dict."},
    {"copy", (void (*)(void))dict_copy_meth, AD_METH_NOARGS,
     "Return a shallow copy of the dict."},
    {"__reversed__", (void (*)(void))objects_dict_reversed, AD_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", (void (*)(void))dict_class_getitem, AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdSequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains_slot,
};

static AdMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
};

static AdNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static AdObject *dict_iter(AdObject *d)
{
    return objects_dict_iter_new(d, 0, 0);
}

AdTypeObject AdDict_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "dict",
    .tp_basicsize = sizeof(AdDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_DICT_SUBCLASS |
                AD_TPFLAGS_MATCH_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = dict_methods,
    .tp_init = dict_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = dict_tp_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = dict_vectorcall,
};
