/* symtable_map.c -- the symbol table's insertion-ordered name maps.
 *
 * Owns: AdNameMap, a small open-addressing hash table from identifier
 * strings (not owned) to a long, kept in insertion order so that the
 * analysis visits names in the order CPython's dicts would.  Used as the
 * per-block symbol dict and as the name sets of the analysis pass.
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable_int.h"

#define SLOT_EMPTY (-1)
#define SLOT_DELETED (-2)

static unsigned hash_name(const char *s)
{
    unsigned h = 2166136261u;   /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

void compiler_map_init(AdNameMap *m)
{
    memset(m, 0, sizeof *m);
}

void compiler_map_clear(AdNameMap *m)
{
    free(m->items);
    free(m->index);
    compiler_map_init(m);
}

static int lookup_slot(const AdNameMap *m, const char *name, unsigned h)
{
    if (m->index_size == 0)
        return -1;
    unsigned mask = (unsigned)m->index_size - 1;
    for (unsigned i = h & mask, step = 1;; i = (i + step++) & mask) {
        int ix = m->index[i];
        if (ix == SLOT_EMPTY)
            return -1;
        if (ix >= 0 && m->items[ix].hash == h && strcmp(m->items[ix].name, name) == 0)
            return (int)i;
    }
}

int compiler_map_find(const AdNameMap *m, const char *name)
{
    int slot = lookup_slot(m, name, hash_name(name));
    return slot < 0 ? -1 : m->index[slot];
}

int compiler_map_contains(const AdNameMap *m, const char *name)
{
    return compiler_map_find(m, name) >= 0;
}

long compiler_map_get(const AdNameMap *m, const char *name, long dflt)
{
    int ix = compiler_map_find(m, name);
    return ix < 0 ? dflt : m->items[ix].value;
}

/* Compact the items (dropping deleted ones) and rebuild an index of SIZE. */
static int rebuild(AdNameMap *m, int size)
{
    int *index = malloc((size_t)size * sizeof *index);
    if (!index)
        return -1;
    for (int i = 0; i < size; i++)
        index[i] = SLOT_EMPTY;
    int n = 0;
    for (int i = 0; i < m->len; i++) {
        if (m->items[i].name)
            m->items[n++] = m->items[i];
    }
    m->len = n;
    unsigned mask = (unsigned)size - 1;
    for (int i = 0; i < n; i++) {
        unsigned j = m->items[i].hash & mask, step = 1;
        while (index[j] != SLOT_EMPTY)
            j = (j + step++) & mask;
        index[j] = i;
    }
    free(m->index);
    m->index = index;
    m->index_size = size;
    return 0;
}

int compiler_map_set(AdNameMap *m, const char *name, long value)
{
    unsigned h = hash_name(name);
    int slot = lookup_slot(m, name, h);
    if (slot >= 0) {
        m->items[m->index[slot]].value = value;
        return 0;
    }
    if (m->len >= m->cap) {
        int cap = m->cap ? m->cap * 2 : 8;
        struct AdNameMapItem *items = realloc(m->items, (size_t)cap * sizeof *items);
        if (!items)
            return -1;
        m->items = items;
        m->cap = cap;
    }
    /* Keep the index at most half full, counting deleted slots; a rebuild
     * compacts the items and leaves it at most a quarter full. */
    if ((m->len + 1) * 2 > m->index_size) {
        int size = 16;
        while (size < (m->live + 1) * 4)
            size *= 2;
        if (rebuild(m, size) < 0)
            return -1;
    }
    m->items[m->len].name = name;
    m->items[m->len].hash = h;
    m->items[m->len].value = value;
    unsigned mask = (unsigned)m->index_size - 1, j = h & mask, step = 1;
    while (m->index[j] >= 0)
        j = (j + step++) & mask;
    m->index[j] = m->len;
    m->len++;
    m->live++;
    return 0;
}

int compiler_map_discard(AdNameMap *m, const char *name)
{
    int slot = lookup_slot(m, name, hash_name(name));
    if (slot < 0)
        return 0;
    m->items[m->index[slot]].name = NULL;
    m->index[slot] = SLOT_DELETED;
    m->live--;
    return 1;
}

int compiler_map_update(AdNameMap *dst, const AdNameMap *src)
{
    for (int i = 0; i < src->len; i++) {
        const struct AdNameMapItem *it = &src->items[i];
        if (it->name && !compiler_map_contains(dst, it->name)
            && compiler_map_set(dst, it->name, it->value) < 0)
            return -1;
    }
    return 0;
}

int compiler_map_copy(AdNameMap *dst, const AdNameMap *src)
{
    compiler_map_init(dst);
    return compiler_map_update(dst, src);
}

int compiler_map_next(const AdNameMap *m, int *pos, const char **name, long *value)
{
    while (*pos < m->len) {
        const struct AdNameMapItem *it = &m->items[(*pos)++];
        if (it->name) {
            *name = it->name;
            if (value)
                *value = it->value;
            return 1;
        }
    }
    return 0;
}
