/* set.c: set and frozenset (AdSet_Type, AdFrozenSet_Type) and the set
 * iterator. The table is open addressing: a probe looks at a slot and,
 * when there is room, the next nine, then jumps by perturbation (i*5 + 1 +
 * perturb, perturb shifted right five bits each time). Deleted entries
 * hold a dummy key and may be reused by a later insertion of a key not
 * already present. The table grows fourfold (twofold past 50000 items)
 * when three fifths of it is filled. Orders of iteration follow from
 * these rules, as in CPython. frozenset's hash mixes each item's hash
 * with a bit shuffle, xors them, then mixes in the size. */
#include <string.h>

#include "objects/weakref.h"
#include "objects/set.h"
#include "objects/list_deps.h"
#include "objects/object_reduce.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static AdObject dummy_struct = AD_STATIC_OBJECT_INIT(NULL);
#define DUMMY (&dummy_struct)

static inline int live(const AdSetEntry *e)
{
    return e->key != NULL && e->key != DUMMY;
}

static Ad_hash_t set_hash_key(AdObject *key)
{
    return objects_hash_for(key, "set element");
}

/* ---- the table ----------------------------------------------------------- */

/* Looks key up. Returns the entry holding it, or the empty entry where the
 * search ended (key NULL: absent), or NULL with an exception. */
static AdSetEntry *set_lookkey(AdSetObject *so, AdObject *key, Ad_hash_t hash)
{
restart:;
    AdSetEntry *table = so->table;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        AdSetEntry *entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                AdObject *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (AdStr_CheckExact(startkey) && AdStr_CheckExact(key)) {
                    if (AdStr_Equal(startkey, key))
                        return entry;
                } else if (startkey != DUMMY) {
                    Ad_INCREF(startkey);
                    int cmp = AdObject_RichCompareBool(startkey, key, AD_EQ);
                    Ad_DECREF(startkey);
                    if (cmp < 0)
                        return NULL;
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    if (cmp > 0)
                        return entry;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Places key in a table known to have no dummies and not to hold it. */
static void insert_clean(AdSetEntry *table, size_t mask, AdObject *key, Ad_hash_t hash)
{
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        AdSetEntry *entry = &table[i];
        if (entry->key == NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuilds the table with more than minused slots (a power of two, at
 * least 8), dropping the dummies. */
static int set_table_resize(AdSetObject *so, Ad_ssize_t minused)
{
    size_t newsize = AD_SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    AdSetEntry *oldtable = so->table;
    int old_is_small = oldtable == so->smalltable;
    AdSetEntry small_copy[AD_SET_MINSIZE];
    Ad_ssize_t oldmask = so->mask;
    AdSetEntry *newtable;
    if (newsize == AD_SET_MINSIZE) {
        newtable = so->smalltable;
        if (old_is_small) {
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        if (newsize > (size_t)INT64_MAX / sizeof(AdSetEntry)) {
            AdErr_NoMemory();
            return -1;
        }
        newtable = AdMem_Malloc(newsize * sizeof(AdSetEntry));
        if (newtable == NULL) {
            AdErr_NoMemory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(AdSetEntry));
    so->mask = (Ad_ssize_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (Ad_ssize_t i = 0; i <= oldmask; i++) {
        if (live(&oldtable[i]))
            insert_clean(newtable, (size_t)so->mask, oldtable[i].key, oldtable[i].hash);
    }
    if (!old_is_small)
        AdMem_Free(oldtable);
    return 0;
}

/* Adds key (borrowed: a new ref is taken when it goes in). 0 or -1.
 * reuse_dummy: a deleted slot met on the way may take the key (what add()
 * does); the symmetric-difference update does not reuse them (observed
 * CPython 3.13/3.14 orders). */
static int set_add_entry_ex(AdSetObject *so, AdObject *key, Ad_hash_t hash, int reuse_dummy)
{
    Ad_INCREF(key);
restart:;
    AdSetEntry *table = so->table;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    AdSetEntry *freeslot = NULL;
    AdSetEntry *entry;
    for (;;) {
        entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->key == NULL)
                goto found_unused;
            if (entry->hash == hash && entry->key != DUMMY) {
                AdObject *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (AdStr_CheckExact(startkey) && AdStr_CheckExact(key)) {
                    if (AdStr_Equal(startkey, key))
                        goto found_active;
                } else {
                    Ad_INCREF(startkey);
                    int cmp = AdObject_RichCompareBool(startkey, key, AD_EQ);
                    Ad_DECREF(startkey);
                    if (cmp < 0) {
                        Ad_DECREF(key);
                        return -1;
                    }
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    if (cmp > 0)
                        goto found_active;
                }
            } else if (entry->key == DUMMY && freeslot == NULL && reuse_dummy) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    if (freeslot != NULL) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    Ad_DECREF(key);
    return 0;
}

static int set_add_entry(AdSetObject *so, AdObject *key, Ad_hash_t hash)
{
    return set_add_entry_ex(so, key, hash, 1);
}

static int set_add_key(AdSetObject *so, AdObject *key)
{
    Ad_hash_t hash = set_hash_key(key);
    if (hash == -1)
        return -1;
    return set_add_entry(so, key, hash);
}

/* 1 present, 0 absent, -1 error. */
static int set_contains_entry(AdSetObject *so, AdObject *key, Ad_hash_t hash)
{
    AdSetEntry *e = set_lookkey(so, key, hash);
    if (e == NULL)
        return -1;
    return e->key != NULL;
}

/* 1 discarded, 0 absent, -1 error. */
static int set_discard_entry(AdSetObject *so, AdObject *key, Ad_hash_t hash)
{
    AdSetEntry *e = set_lookkey(so, key, hash);
    if (e == NULL)
        return -1;
    if (e->key == NULL)
        return 0;
    AdObject *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    Ad_DECREF(old);
    return 1;
}

static AdObject *make_new_set(AdTypeObject *type, AdObject *iterable);

/* Runs op on key; an unhashable set key is retried as a frozenset (so that
 * "{1} in s" works when s holds frozenset({1})). */
static int set_key_op(AdSetObject *so, AdObject *key, int (*op)(AdSetObject *, AdObject *, Ad_hash_t))
{
    Ad_hash_t hash = set_hash_key(key);
    if (hash == -1) {
        if (!AdSet_Check(key) || !AdErr_ExceptionMatches(AdExc_TypeError))
            return -1;
        AdErr_Clear();
        AdObject *tmp = make_new_set(&AdFrozenSet_Type, key);
        if (tmp == NULL)
            return -1;
        hash = set_hash_key(tmp);
        int r = hash == -1 ? -1 : op(so, tmp, hash);
        Ad_DECREF(tmp);
        return r;
    }
    return op(so, key, hash);
}

static void set_clear_internal(AdSetObject *so)
{
    AdSetEntry *table = so->table;
    Ad_ssize_t mask = so->mask;
    int was_small = table == so->smalltable;
    AdSetEntry small_copy[AD_SET_MINSIZE];
    if (so->fill == 0 && was_small)
        return;
    if (was_small) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->table = so->smalltable;
    so->mask = AD_SET_MINSIZE - 1;
    so->fill = 0;
    so->used = 0;
    so->hash = -1;
    for (Ad_ssize_t i = 0; i <= mask; i++) {
        if (live(&table[i]))
            Ad_DECREF(table[i].key);
    }
    if (!was_small)
        AdMem_Free(table);
}

/* so |= other where other is a set or frozenset. */
static int set_merge(AdSetObject *so, AdSetObject *other)
{
    if (other == so || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) < 0)
            return -1;
    }
    AdSetEntry *src = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* Same shape, no dummies: copy slot for slot. */
        for (Ad_ssize_t i = 0; i <= other->mask; i++) {
            if (src[i].key != NULL) {
                so->table[i].key = Ad_NewRef(src[i].key);
                so->table[i].hash = src[i].hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        for (Ad_ssize_t i = 0; i <= other->mask; i++) {
            if (live(&src[i]))
                insert_clean(so->table, (size_t)so->mask, Ad_NewRef(src[i].key), src[i].hash);
        }
        so->fill = other->used;
        so->used = other->used;
        return 0;
    }
    for (Ad_ssize_t i = 0; i <= other->mask; i++) {
        if (live(&src[i]) && set_add_entry(so, src[i].key, src[i].hash) < 0)
            return -1;
    }
    return 0;
}

int objects_set_update(AdObject *set, AdObject *other)
{
    AdSetObject *so = (AdSetObject *)set;
    if (AdAnySet_Check(other))
        return set_merge(so, (AdSetObject *)other);
    if (AdDict_CheckExact(other)) {
        Ad_ssize_t dictsize = AdDict_GET_SIZE(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) < 0)
                return -1;
        }
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        Ad_hash_t h;
        while (objects_dict_next_hash(other, &pos, &k, &v, &h)) {
            if (set_add_entry(so, k, h) < 0)
                return -1;
        }
        return 0;
    }
    AdObject *it = AdObject_GetIter(other);
    if (it == NULL)
        return -1;
    AdObject *key;
    while ((key = AdIter_Next(it)) != NULL) {
        int r = set_add_key(so, key);
        Ad_DECREF(key);
        if (r < 0) {
            Ad_DECREF(it);
            return -1;
        }
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
}

static AdObject *make_new_set(AdTypeObject *type, AdObject *iterable)
{
    AdSetObject *so;
    if (type == &AdSet_Type || type == &AdFrozenSet_Type)
        so = (AdSetObject *)AdObject_GC_New(type);
    else
        so = (AdSetObject *)type->tp_alloc(type, 0);
    if (so == NULL)
        return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = AD_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    memset(so->smalltable, 0, sizeof so->smalltable);
    if (type == &AdSet_Type || type == &AdFrozenSet_Type)
        AdObject_GC_Track((AdObject *)so);
    if (iterable != NULL && objects_set_update((AdObject *)so, iterable) < 0) {
        Ad_DECREF((AdObject *)so);
        return NULL;
    }
    return (AdObject *)so;
}

/* A new set or frozenset (the base type of type) from iterable. */
static AdObject *make_new_set_basetype(AdTypeObject *type, AdObject *iterable)
{
    if (type != &AdSet_Type && type != &AdFrozenSet_Type)
        type = AdType_IsSubtype(type, &AdSet_Type) ? &AdSet_Type : &AdFrozenSet_Type;
    return make_new_set(type, iterable);
}

static AdObject *set_copy(AdSetObject *so)
{
    return make_new_set_basetype(AD_TYPE(so), (AdObject *)so);
}

/* Exchanges the contents of a and b (for intersection_update). */
static void set_swap_bodies(AdSetObject *a, AdSetObject *b)
{
    Ad_ssize_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    AdSetEntry *ta = a->table, *tb = b->table;
    AdSetEntry tmp[AD_SET_MINSIZE];
    int a_small = ta == a->smalltable, b_small = tb == b->smalltable;
    memcpy(tmp, a->smalltable, sizeof tmp);
    if (b_small)
        memcpy(a->smalltable, b->smalltable, sizeof tmp);
    a->table = b_small ? a->smalltable : tb;
    if (a_small)
        memcpy(b->smalltable, tmp, sizeof tmp);
    b->table = a_small ? b->smalltable : ta;
    Ad_hash_t h = a->hash; a->hash = b->hash; b->hash = h;
    a->finger = b->finger = 0;
}

/* ---- set algebra --------------------------------------------------------- */

AdObject *objects_set_intersection(AdObject *set, AdObject *other)
{
    AdSetObject *so = (AdSetObject *)set;
    if (set == other)
        return set_copy(so);
    AdObject *result = make_new_set_basetype(AD_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    if (AdAnySet_Check(other)) {
        AdSetObject *big = so, *small = (AdSetObject *)other;
        if (small->used > big->used) {
            AdSetObject *t = big;
            big = small;
            small = t;
        }
        for (Ad_ssize_t i = 0; i <= small->mask; i++) {
            AdSetEntry *e = &small->table[i];
            if (!live(e))
                continue;
            AdObject *key = Ad_NewRef(e->key);
            Ad_hash_t hash = e->hash;
            int rv = set_contains_entry(big, key, hash);
            if (rv > 0)
                rv = set_add_entry((AdSetObject *)result, key, hash);
            Ad_DECREF(key);
            if (rv < 0)
                goto fail;
            if (i > small->mask)
                break;
        }
        return result;
    }
    AdObject *it = AdObject_GetIter(other);
    if (it == NULL)
        goto fail;
    AdObject *key;
    while ((key = AdIter_Next(it)) != NULL) {
        Ad_hash_t hash = set_hash_key(key);
        int rv = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rv > 0)
            rv = set_add_entry((AdSetObject *)result, key, hash);
        Ad_DECREF(key);
        if (rv < 0) {
            Ad_DECREF(it);
            goto fail;
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        goto fail;
    return result;
fail:
    Ad_DECREF(result);
    return NULL;
}

int objects_set_difference_update(AdObject *set, AdObject *other)
{
    AdSetObject *so = (AdSetObject *)set;
    if (set == other) {
        set_clear_internal(so);
        return 0;
    }
    if (AdAnySet_Check(other)) {
        AdSetObject *oo = (AdSetObject *)other;
        Ad_INCREF(other);
        for (Ad_ssize_t i = 0; i <= oo->mask; i++) {
            AdSetEntry *e = &oo->table[i];
            if (!live(e))
                continue;
            AdObject *key = Ad_NewRef(e->key);
            int r = set_discard_entry(so, key, e->hash);
            Ad_DECREF(key);
            if (r < 0) {
                Ad_DECREF(other);
                return -1;
            }
        }
        Ad_DECREF(other);
    } else {
        AdObject *it = AdObject_GetIter(other);
        if (it == NULL)
            return -1;
        AdObject *key;
        while ((key = AdIter_Next(it)) != NULL) {
            Ad_hash_t hash = set_hash_key(key);
            int r = hash == -1 ? -1 : set_discard_entry(so, key, hash);
            Ad_DECREF(key);
            if (r < 0) {
                Ad_DECREF(it);
                return -1;
            }
        }
        Ad_DECREF(it);
        if (AdErr_Occurred())
            return -1;
    }
    /* Drop the dummies when they take more than a quarter of the table. */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static AdObject *set_difference(AdSetObject *so, AdObject *other)
{
    Ad_ssize_t other_size;
    int other_is_dict = 0;
    if (AdAnySet_Check(other)) {
        other_size = ((AdSetObject *)other)->used;
    } else if (AdDict_CheckExact(other)) {
        other_size = AdDict_GET_SIZE(other);
        other_is_dict = 1;
    } else {
        other_size = -1;
    }
    if (other_size < 0 || (so->used >> 2) > other_size) {
        AdObject *result = set_copy(so);
        if (result == NULL)
            return NULL;
        if (objects_set_difference_update(result, other) < 0) {
            Ad_DECREF(result);
            return NULL;
        }
        return result;
    }
    AdObject *result = make_new_set_basetype(AD_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    for (Ad_ssize_t i = 0; i <= so->mask; i++) {
        AdSetEntry *e = &so->table[i];
        if (!live(e))
            continue;
        AdObject *key = Ad_NewRef(e->key);
        Ad_hash_t hash = e->hash;
        int rv = other_is_dict ? objects_dict_contains_known_hash(other, key, hash)
                               : set_contains_entry((AdSetObject *)other, key, hash);
        if (rv == 0)
            rv = set_add_entry((AdSetObject *)result, key, hash);
        else if (rv > 0)
            rv = 0;
        Ad_DECREF(key);
        if (rv < 0) {
            Ad_DECREF(result);
            return NULL;
        }
    }
    return result;
}

int objects_set_symmetric_difference_update(AdObject *set, AdObject *other)
{
    AdSetObject *so = (AdSetObject *)set;
    if (set == other) {
        set_clear_internal(so);
        return 0;
    }
    if (AdDict_CheckExact(other)) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        Ad_hash_t h;
        while (objects_dict_next_hash(other, &pos, &k, &v, &h)) {
            Ad_INCREF(k);
            int rv = set_discard_entry(so, k, h);
            if (rv == 0)
                rv = set_add_entry(so, k, h);
            Ad_DECREF(k);
            if (rv < 0)
                return -1;
        }
        return 0;
    }
    AdSetObject *oo;
    if (AdAnySet_Check(other)) {
        oo = (AdSetObject *)Ad_NewRef(other);
    } else {
        oo = (AdSetObject *)make_new_set_basetype(AD_TYPE(so), other);
        if (oo == NULL)
            return -1;
    }
    for (Ad_ssize_t i = 0; i <= oo->mask; i++) {
        AdSetEntry *e = &oo->table[i];
        if (!live(e))
            continue;
        AdObject *key = Ad_NewRef(e->key);
        Ad_hash_t hash = e->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv == 0)
            rv = set_add_entry(so, key, hash);
        Ad_DECREF(key);
        if (rv < 0) {
            Ad_DECREF((AdObject *)oo);
            return -1;
        }
    }
    Ad_DECREF((AdObject *)oo);
    return 0;
}

static AdObject *set_symmetric_difference(AdSetObject *so, AdObject *other)
{
    AdObject *result = make_new_set_basetype(AD_TYPE(so), other);
    if (result == NULL)
        return NULL;
    if (objects_set_symmetric_difference_update(result, (AdObject *)so) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

/* 1 when every item of so is in other, 0 if not, -1 error. */
static int set_issubset_internal(AdSetObject *so, AdSetObject *other)
{
    if (so->used > other->used)
        return 0;
    for (Ad_ssize_t i = 0; i <= so->mask; i++) {
        AdSetEntry *e = &so->table[i];
        if (!live(e))
            continue;
        AdObject *key = Ad_NewRef(e->key);
        int rv = set_contains_entry(other, key, e->hash);
        Ad_DECREF(key);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

/* ---- public API ---------------------------------------------------------- */

AdObject *AdSet_New(AdObject *iterable)
{
    return make_new_set(&AdSet_Type, iterable);
}

AdObject *AdFrozenSet_New(AdObject *iterable)
{
    return make_new_set(&AdFrozenSet_Type, iterable);
}

Ad_ssize_t AdSet_Size(AdObject *set)
{
    if (!AdAnySet_Check(set)) {
        AdErr_BadInternalCall();
        return -1;
    }
    return ((AdSetObject *)set)->used;
}

int AdSet_Contains(AdObject *set, AdObject *key)
{
    if (!AdAnySet_Check(set)) {
        AdErr_BadInternalCall();
        return -1;
    }
    return set_key_op((AdSetObject *)set, key, set_contains_entry);
}

int AdSet_Add(AdObject *set, AdObject *key)
{
    if (!AdAnySet_Check(set)) {
        AdErr_BadInternalCall();
        return -1;
    }
    return set_add_key((AdSetObject *)set, key);
}

int AdSet_Discard(AdObject *set, AdObject *key)
{
    if (!AdSet_Check(set)) {
        AdErr_BadInternalCall();
        return -1;
    }
    return set_key_op((AdSetObject *)set, key, set_discard_entry);
}

AdObject *AdSet_Pop(AdObject *set)
{
    AdSetObject *so = (AdSetObject *)set;
    if (so->used == 0) {
        AdObject *msg = AdStr_FromString("pop from an empty set");
        if (msg != NULL) {
            AdObject *exc = AdObject_CallOneArg(AdExc_KeyError, msg);
            Ad_DECREF(msg);
            if (exc != NULL)
                AdErr_SetRaisedException(exc);
        }
        return NULL;
    }
    AdSetEntry *entry = so->table + (so->finger & so->mask);
    AdSetEntry *limit = so->table + so->mask;
    while (!live(entry)) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    AdObject *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = (entry - so->table) + 1;
    return key;
}

int AdSet_Clear(AdObject *set)
{
    if (!AdAnySet_Check(set)) {
        AdErr_BadInternalCall();
        return -1;
    }
    set_clear_internal((AdSetObject *)set);
    return 0;
}

int AdSet_Next(AdObject *set, Ad_ssize_t *pos, AdObject **key, Ad_hash_t *hash)
{
    AdSetObject *so = (AdSetObject *)set;
    for (Ad_ssize_t i = *pos; i <= so->mask; i++) {
        if (live(&so->table[i])) {
            *pos = i + 1;
            *key = so->table[i].key;
            if (hash)
                *hash = so->table[i].hash;
            return 1;
        }
    }
    *pos = so->mask + 1;
    return 0;
}

/* ---- slots --------------------------------------------------------------- */

static void set_dealloc(AdObject *op)
{
    AdSetObject *so = (AdSetObject *)op;
    AdObject_GC_UnTrack(op);
    if (so->weakreflist)
        AdObject_ClearWeakRefs(op);
    for (Ad_ssize_t i = 0; i <= so->mask; i++) {
        if (live(&so->table[i]))
            Ad_DECREF(so->table[i].key);
    }
    if (so->table != so->smalltable)
        AdMem_Free(so->table);
    AD_TYPE(op)->tp_free(op);
}

static int set_traverse(AdObject *op, visitproc visit, void *arg)
{
    AdSetObject *so = (AdSetObject *)op;
    for (Ad_ssize_t i = 0; i <= so->mask; i++) {
        if (live(&so->table[i])) {
            int r = visit(so->table[i].key, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int set_tp_clear(AdObject *op)
{
    set_clear_internal((AdSetObject *)op);
    return 0;
}

static Ad_ssize_t set_len(AdObject *op)
{
    return ((AdSetObject *)op)->used;
}

static int set_contains_slot(AdObject *op, AdObject *key)
{
    return set_key_op((AdSetObject *)op, key, set_contains_entry);
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static Ad_hash_t frozenset_hash(AdObject *op)
{
    AdSetObject *so = (AdSetObject *)op;
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    for (Ad_ssize_t i = 0; i <= so->mask; i++) {
        if (live(&so->table[i]))
            hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    /* Spread the bits so that nested frozensets do not collide in patterns. */
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if ((Ad_hash_t)hash == -1)
        hash = 590923713UL;
    so->hash = (Ad_hash_t)hash;
    return so->hash;
}

static AdObject *set_repr(AdObject *op)
{
    AdSetObject *so = (AdSetObject *)op;
    const char *name = AD_TYPE(op)->tp_name;
    const char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    int plain = AdSet_CheckExact(op);
    if (so->used == 0)
        return AdStr_FromFormat("%s()", name);
    int r = Ad_ReprEnter(op);
    if (r != 0)
        return r > 0 ? AdStr_FromFormat("%s(...)", name) : NULL;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    AdObject *keys = AdSequence_List(op);
    if (keys == NULL)
        goto error;
    if (!plain && (AdStrWriter_WriteUTF8(&w, name, (Ad_ssize_t)strlen(name)) < 0 ||
                   AdStrWriter_WriteChar(&w, '(') < 0))
        goto error_keys;
    if (AdStrWriter_WriteChar(&w, '{') < 0)
        goto error_keys;
    for (Ad_ssize_t i = 0; i < AD_SIZE(keys); i++) {
        if (i > 0 && AdStrWriter_WriteASCII(&w, ", ", 2) < 0)
            goto error_keys;
        AdObject *s = AdObject_Repr(AdList_GET_ITEM(keys, i));
        if (s == NULL)
            goto error_keys;
        int wr = AdStrWriter_WriteStr(&w, s);
        Ad_DECREF(s);
        if (wr < 0)
            goto error_keys;
    }
    if (AdStrWriter_WriteChar(&w, '}') < 0 || (!plain && AdStrWriter_WriteChar(&w, ')') < 0))
        goto error_keys;
    Ad_DECREF(keys);
    Ad_ReprLeave(op);
    return AdStrWriter_Finish(&w);
error_keys:
    Ad_DECREF(keys);
error:
    AdStrWriter_Dealloc(&w);
    Ad_ReprLeave(op);
    return NULL;
}

static AdObject *set_richcompare(AdObject *v, AdObject *w, int op)
{
    if (!AdAnySet_Check(w))
        Ad_RETURN_NOTIMPLEMENTED;
    AdSetObject *a = (AdSetObject *)v, *b = (AdSetObject *)w;
    int r;
    switch (op) {
    case AD_EQ:
    case AD_NE:
        if (a->used != b->used)
            r = 0;
        else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
            r = 0;
        else
            r = set_issubset_internal(a, b);
        if (r < 0)
            return NULL;
        return AdBool_FromLong(op == AD_EQ ? r : !r);
    case AD_LE:
        r = set_issubset_internal(a, b);
        break;
    case AD_GE:
        r = set_issubset_internal(b, a);
        break;
    case AD_LT:
        r = a->used < b->used ? set_issubset_internal(a, b) : 0;
        break;
    default:
        r = a->used > b->used ? set_issubset_internal(b, a) : 0;
        break;
    }
    if (r < 0)
        return NULL;
    return AdBool_FromLong(r);
}

/* ---- number slots -------------------------------------------------------- */

static AdObject *set_or(AdObject *a, AdObject *b)
{
    if (!AdAnySet_Check(a) || !AdAnySet_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    AdObject *result = set_copy((AdSetObject *)a);
    if (result == NULL)
        return NULL;
    if (a != b && objects_set_update(result, b) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *set_and(AdObject *a, AdObject *b)
{
    if (!AdAnySet_Check(a) || !AdAnySet_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    return objects_set_intersection(a, b);
}

static AdObject *set_sub(AdObject *a, AdObject *b)
{
    if (!AdAnySet_Check(a) || !AdAnySet_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    return set_difference((AdSetObject *)a, b);
}

static AdObject *set_xor(AdObject *a, AdObject *b)
{
    if (!AdAnySet_Check(a) || !AdAnySet_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    return set_symmetric_difference((AdSetObject *)a, b);
}

static AdObject *set_ior(AdObject *a, AdObject *b)
{
    if (!AdAnySet_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    if (objects_set_update(a, b) < 0)
        return NULL;
    return Ad_NewRef(a);
}

static AdObject *set_iand(AdObject *a, AdObject *b)
{
    if (!AdAnySet_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    AdObject *tmp = objects_set_intersection(a, b);
    if (tmp == NULL)
        return NULL;
    set_swap_bodies((AdSetObject *)a, (AdSetObject *)tmp);
    Ad_DECREF(tmp);
    return Ad_NewRef(a);
}

static AdObject *set_isub(AdObject *a, AdObject *b)
{
    if (!AdAnySet_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    if (objects_set_difference_update(a, b) < 0)
        return NULL;
    return Ad_NewRef(a);
}

static AdObject *set_ixor(AdObject *a, AdObject *b)
{
    if (!AdAnySet_Check(b))
        Ad_RETURN_NOTIMPLEMENTED;
    if (objects_set_symmetric_difference_update(a, b) < 0)
        return NULL;
    return Ad_NewRef(a);
}

/* ---- methods ------------------------------------------------------------- */

static AdObject *set_add_meth(AdObject *self, AdObject *key)
{
    if (set_add_key((AdSetObject *)self, key) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *set_clear_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    set_clear_internal((AdSetObject *)self);
    Ad_RETURN_NONE;
}

static AdObject *set_contains_meth(AdObject *self, AdObject *key)
{
    int r = set_contains_slot(self, key);
    if (r < 0)
        return NULL;
    return AdBool_FromLong(r);
}

static AdObject *set_copy_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    return set_copy((AdSetObject *)self);
}

static AdObject *frozenset_copy_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (AdFrozenSet_CheckExact(self))
        return Ad_NewRef(self);
    return set_copy((AdSetObject *)self);
}

static AdObject *set_discard_meth(AdObject *self, AdObject *key)
{
    if (set_key_op((AdSetObject *)self, key, set_discard_entry) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *set_remove_meth(AdObject *self, AdObject *key)
{
    int r = set_key_op((AdSetObject *)self, key, set_discard_entry);
    if (r < 0)
        return NULL;
    if (r == 0) {
        AdObject *exc = AdObject_CallOneArg(AdExc_KeyError, key);
        if (exc != NULL)
            AdErr_SetRaisedException(exc);
        return NULL;
    }
    Ad_RETURN_NONE;
}

static AdObject *set_pop_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdSet_Pop(self);
}

static AdObject *set_union_meth(AdObject *self, AdObject *args)
{
    AdObject *result = set_copy((AdSetObject *)self);
    if (result == NULL)
        return NULL;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        AdObject *other = AdTuple_GET_ITEM(args, i);
        if (other == self)
            continue;
        if (objects_set_update(result, other) < 0) {
            Ad_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static AdObject *set_update_meth(AdObject *self, AdObject *args)
{
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        if (objects_set_update(self, AdTuple_GET_ITEM(args, i)) < 0)
            return NULL;
    }
    Ad_RETURN_NONE;
}

static AdObject *set_intersection_multi(AdObject *self, AdObject *args)
{
    if (AdTuple_GET_SIZE(args) == 0)
        return set_copy((AdSetObject *)self);
    AdObject *result = Ad_NewRef(self);
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        AdObject *next = objects_set_intersection(result, AdTuple_GET_ITEM(args, i));
        Ad_DECREF(result);
        if (next == NULL)
            return NULL;
        result = next;
    }
    return result;
}

static AdObject *set_intersection_update_meth(AdObject *self, AdObject *args)
{
    AdObject *tmp = set_intersection_multi(self, args);
    if (tmp == NULL)
        return NULL;
    set_swap_bodies((AdSetObject *)self, (AdSetObject *)tmp);
    Ad_DECREF(tmp);
    Ad_RETURN_NONE;
}

static AdObject *set_difference_multi(AdObject *self, AdObject *args)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n == 0)
        return set_copy((AdSetObject *)self);
    AdObject *result = set_difference((AdSetObject *)self, AdTuple_GET_ITEM(args, 0));
    if (result == NULL)
        return NULL;
    for (Ad_ssize_t i = 1; i < n; i++) {
        if (objects_set_difference_update(result, AdTuple_GET_ITEM(args, i)) < 0) {
            Ad_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static AdObject *set_difference_update_meth(AdObject *self, AdObject *args)
{
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        if (objects_set_difference_update(self, AdTuple_GET_ITEM(args, i)) < 0)
            return NULL;
    }
    Ad_RETURN_NONE;
}

static AdObject *set_symdiff_meth(AdObject *self, AdObject *other)
{
    return set_symmetric_difference((AdSetObject *)self, other);
}

static AdObject *set_symdiff_update_meth(AdObject *self, AdObject *other)
{
    if (objects_set_symmetric_difference_update(self, other) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *set_issubset_meth(AdObject *self, AdObject *other)
{
    int r;
    if (AdAnySet_Check(other)) {
        r = set_issubset_internal((AdSetObject *)self, (AdSetObject *)other);
    } else {
        AdObject *tmp = AdSet_New(other);
        if (tmp == NULL)
            return NULL;
        r = set_issubset_internal((AdSetObject *)self, (AdSetObject *)tmp);
        Ad_DECREF(tmp);
    }
    if (r < 0)
        return NULL;
    return AdBool_FromLong(r);
}

static AdObject *set_issuperset_meth(AdObject *self, AdObject *other)
{
    if (AdAnySet_Check(other)) {
        int r = set_issubset_internal((AdSetObject *)other, (AdSetObject *)self);
        if (r < 0)
            return NULL;
        return AdBool_FromLong(r);
    }
    AdObject *it = AdObject_GetIter(other);
    if (it == NULL)
        return NULL;
    AdObject *key;
    while ((key = AdIter_Next(it)) != NULL) {
        int r = set_key_op((AdSetObject *)self, key, set_contains_entry);
        Ad_DECREF(key);
        if (r <= 0) {
            Ad_DECREF(it);
            return r < 0 ? NULL : AdBool_FromLong(0);
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    return AdBool_FromLong(1);
}

static AdObject *set_isdisjoint_meth(AdObject *self, AdObject *other)
{
    AdSetObject *so = (AdSetObject *)self;
    if (self == other)
        return AdBool_FromLong(so->used == 0);
    if (AdAnySet_Check(other)) {
        AdSetObject *big = so, *small = (AdSetObject *)other;
        if (small->used > big->used) {
            AdSetObject *t = big;
            big = small;
            small = t;
        }
        for (Ad_ssize_t i = 0; i <= small->mask; i++) {
            AdSetEntry *e = &small->table[i];
            if (!live(e))
                continue;
            AdObject *key = Ad_NewRef(e->key);
            int r = set_contains_entry(big, key, e->hash);
            Ad_DECREF(key);
            if (r != 0)
                return r < 0 ? NULL : AdBool_FromLong(0);
        }
        return AdBool_FromLong(1);
    }
    AdObject *it = AdObject_GetIter(other);
    if (it == NULL)
        return NULL;
    AdObject *key;
    while ((key = AdIter_Next(it)) != NULL) {
        Ad_hash_t hash = set_hash_key(key);
        int r = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        Ad_DECREF(key);
        if (r != 0) {
            Ad_DECREF(it);
            return r < 0 ? NULL : AdBool_FromLong(0);
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    return AdBool_FromLong(1);
}

static AdObject *set_sizeof_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdSetObject *so = (AdSetObject *)self;
    Ad_ssize_t res = (Ad_ssize_t)sizeof(AdSetObject) + 16;
    if (so->table != so->smalltable)
        res += (so->mask + 1) * (Ad_ssize_t)sizeof(AdSetEntry);
    return AdInt_FromSsize_t(res);
}

static AdObject *set_class_getitem(AdObject *cls, AdObject *args)
{
    return Ad_GenericAlias(cls, args);
}

#define M(name, fn, flags, doc) {name, (void (*)(void))(fn), flags, doc}

/* set.__reduce__(): (type, (list(self),), state). */
static AdObject *set_reduce_meth(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *items = AdSequence_List(self);
    if (!items)
        return NULL;
    AdObject *args = AdTuple_Pack(1, items);
    Ad_DECREF(items);
    if (!args)
        return NULL;
    AdObject *state = AdObject_GetState(self);
    AdObject *r = state ? AdTuple_Pack(3, (AdObject *)AD_TYPE(self), args, state) : NULL;
    Ad_DECREF(args);
    Ad_XDECREF(state);
    return r;
}

static AdMethodDef set_methods[] = {
    M("add", set_add_meth, AD_METH_O, "Add an element to a set.\n\nThis has no effect if the element is already present."),
    M("clear", set_clear_meth, AD_METH_NOARGS, "Remove all elements from this set."),
    M("__contains__", set_contains_meth, AD_METH_O | AD_METH_COEXIST, "x.__contains__(y) <==> y in x."),
    M("copy", set_copy_meth, AD_METH_NOARGS, "Return a shallow copy of a set."),
    M("discard", set_discard_meth, AD_METH_O, "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."),
    M("difference", set_difference_multi, AD_METH_VARARGS, "Return a new set with elements in the set that are not in the others."),
    M("difference_update", set_difference_update_meth, AD_METH_VARARGS, "Update the set, removing elements found in others."),
    M("intersection", set_intersection_multi, AD_METH_VARARGS, "Return a new set with elements common to the set and all others."),
    M("intersection_update", set_intersection_update_meth, AD_METH_VARARGS, "Update the set, keeping only elements found in it and all others."),
    M("isdisjoint", set_isdisjoint_meth, AD_METH_O, "Return True if two sets have a null intersection."),
    M("issubset", set_issubset_meth, AD_METH_O, "Report whether another set contains this set."),
    M("issuperset", set_issuperset_meth, AD_METH_O, "Report whether this set contains another set."),
    M("pop", set_pop_meth, AD_METH_NOARGS, "Remove and return an arbitrary set element.\n\nRaises KeyError if the set is empty."),
    M("remove", set_remove_meth, AD_METH_O, "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."),
    M("__sizeof__", set_sizeof_meth, AD_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."),
    M("__reduce__", set_reduce_meth, AD_METH_NOARGS, "Return state information for pickling."),
    M("symmetric_difference", set_symdiff_meth, AD_METH_O, "Return a new set with elements in either the set or other but not both."),
    M("symmetric_difference_update", set_symdiff_update_meth, AD_METH_O, "Update the set, keeping only elements found in either set, but not in both."),
    M("union", set_union_meth, AD_METH_VARARGS, "Return a new set with elements from the set and all others."),
    M("update", set_update_meth, AD_METH_VARARGS, "Update the set, adding elements from all others."),
    M("__class_getitem__", set_class_getitem, AD_METH_O | AD_METH_CLASS, "See PEP 585"),
    {NULL, NULL, 0, NULL},
};

static AdMethodDef frozenset_methods[] = {
    M("__contains__", set_contains_meth, AD_METH_O | AD_METH_COEXIST, "x.__contains__(y) <==> y in x."),
    M("copy", frozenset_copy_meth, AD_METH_NOARGS, "Return a shallow copy of a set."),
    M("difference", set_difference_multi, AD_METH_VARARGS, "Return a new set with elements in the set that are not in the others."),
    M("intersection", set_intersection_multi, AD_METH_VARARGS, "Return a new set with elements common to the set and all others."),
    M("isdisjoint", set_isdisjoint_meth, AD_METH_O, "Return True if two sets have a null intersection."),
    M("issubset", set_issubset_meth, AD_METH_O, "Report whether another set contains this set."),
    M("issuperset", set_issuperset_meth, AD_METH_O, "Report whether this set contains another set."),
    M("__sizeof__", set_sizeof_meth, AD_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."),
    M("__reduce__", set_reduce_meth, AD_METH_NOARGS, "Return state information for pickling."),
    M("symmetric_difference", set_symdiff_meth, AD_METH_O, "Return a new set with elements in either the set or other but not both."),
    M("union", set_union_meth, AD_METH_VARARGS, "Return a new set with elements from the set and all others."),
    M("__class_getitem__", set_class_getitem, AD_METH_O | AD_METH_CLASS, "See PEP 585"),
    {NULL, NULL, 0, NULL},
};

static AdNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static AdNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static AdSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains_slot,
};

static AdObject *set_iter(AdObject *so);

static int set_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (ad_no_keywords("set", kwargs) < 0)
        return -1;
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (ad_check_nargs("set", nargs, 0, 1) < 0)
        return -1;
    if (((AdSetObject *)self)->fill)
        set_clear_internal((AdSetObject *)self);
    ((AdSetObject *)self)->hash = -1;
    if (nargs == 1)
        return objects_set_update(self, AdTuple_GET_ITEM(args, 0));
    return 0;
}

static AdObject *set_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args;
    (void)kwargs;
    return make_new_set(type, NULL);
}

static AdObject *frozenset_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    if (type == &AdFrozenSet_Type && ad_no_keywords("frozenset", kwargs) < 0)
        return NULL;
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (ad_check_nargs("frozenset", nargs, 0, 1) < 0)
        return NULL;
    AdObject *iterable = nargs ? AdTuple_GET_ITEM(args, 0) : NULL;
    if (type == &AdFrozenSet_Type && iterable != NULL && AdFrozenSet_CheckExact(iterable))
        return Ad_NewRef(iterable);
    return make_new_set(type, iterable);
}

static AdObject *set_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (kwnames != NULL && AdTuple_GET_SIZE(kwnames) != 0)
        return AdErr_Format(AdExc_TypeError, "set() takes no keyword arguments");
    if (ad_check_nargs("set", nargs, 0, 1) < 0)
        return NULL;
    (void)type;
    return make_new_set(&AdSet_Type, nargs ? args[0] : NULL);
}

static AdObject *frozenset_vectorcall(AdObject *type, AdObject *const *args, size_t nargsf,
                                      AdObject *kwnames)
{
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (kwnames != NULL && AdTuple_GET_SIZE(kwnames) != 0)
        return AdErr_Format(AdExc_TypeError, "frozenset() takes no keyword arguments");
    if (ad_check_nargs("frozenset", nargs, 0, 1) < 0)
        return NULL;
    (void)type;
    if (nargs && AdFrozenSet_CheckExact(args[0]))
        return Ad_NewRef(args[0]);
    return make_new_set(&AdFrozenSet_Type, nargs ? args[0] : NULL);
}

AdTypeObject AdSet_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "set",
    .tp_basicsize = sizeof(AdSetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "Build an unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(AdSetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = set_tp_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = set_vectorcall,
};

AdTypeObject AdFrozenSet_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(AdSetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "Build an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(AdSetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = frozenset_tp_new,
    .tp_free = AdObject_GC_Del,
    .tp_vectorcall = frozenset_vectorcall,
};

/* ---- iterator ------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    AdSetObject *set;           /* NULL when exhausted */
    Ad_ssize_t used;            /* the set's size at the start */
    Ad_ssize_t pos;
    Ad_ssize_t len;             /* items left */
} SetIterObject;

static void setiter_dealloc(AdObject *op)
{
    AdObject_GC_UnTrack(op);
    Ad_XDECREF((AdObject *)((SetIterObject *)op)->set);
    AdObject_GC_Del(op);
}

static int setiter_traverse(AdObject *op, visitproc visit, void *arg)
{
    AdObject *s = (AdObject *)((SetIterObject *)op)->set;
    return s ? visit(s, arg) : 0;
}

static AdObject *setiter_next(AdObject *op)
{
    SetIterObject *si = (SetIterObject *)op;
    AdSetObject *so = si->set;
    if (so == NULL)
        return NULL;
    if (si->used != so->used) {
        AdErr_SetString(AdExc_RuntimeError, "Set changed size during iteration");
        si->used = -1;
        return NULL;
    }
    Ad_ssize_t i = si->pos;
    while (i <= so->mask && !live(&so->table[i]))
        i++;
    if (i > so->mask) {
        si->set = NULL;
        Ad_DECREF((AdObject *)so);
        return NULL;
    }
    si->pos = i + 1;
    si->len--;
    return Ad_NewRef(so->table[i].key);
}

static AdObject *setiter_len(AdObject *op, AdObject *unused)
{
    (void)unused;
    SetIterObject *si = (SetIterObject *)op;
    Ad_ssize_t len = 0;
    if (si->set != NULL && si->used == si->set->used)
        len = si->len;
    return AdInt_FromSsize_t(len);
}

static AdMethodDef setiter_methods[] = {
    M("__length_hint__", setiter_len, AD_METH_NOARGS, "Private method returning an estimate of len(list(it))."),
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdSetIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIterObject),
    .tp_dealloc = setiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

static AdObject *set_iter(AdObject *so)
{
    SetIterObject *si = (SetIterObject *)AdObject_GC_New(&AdSetIter_Type);
    if (si == NULL)
        return NULL;
    si->set = (AdSetObject *)Ad_NewRef(so);
    si->used = ((AdSetObject *)so)->used;
    si->pos = 0;
    si->len = si->used;
    AdObject_GC_Track((AdObject *)si);
    return (AdObject *)si;
}
