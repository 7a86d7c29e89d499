/* alloc.c: the small-object allocator (see alloc.h).
 *
 * Layout: arenas of 256 KiB, aligned to their size, each cut into 16 pools
 * of 16 KiB. A pool serves one size class (multiples of 16 bytes up to 512)
 * and begins with its header. A block's pool is found by masking its
 * address; whether an address belongs to one of our arenas at all is
 * answered by an open-addressing set of arena numbers (address >> 18), so
 * that blocks from malloc (large requests) can be told apart on free
 * without reading memory that is not ours. Large blocks carry no header. */
#include "memory/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ARENA_SHIFT 18
#define ARENA_SIZE ((size_t)1 << ARENA_SHIFT)
#define POOL_SIZE ((size_t)16 << 10)
#define POOLS_PER_ARENA (ARENA_SIZE / POOL_SIZE)
#define ALIGNMENT 16
#define SMALL_LIMIT 512
#define NCLASSES (SMALL_LIMIT / ALIGNMENT)

typedef struct Pool Pool;
typedef struct Arena Arena;

struct Pool {
    Pool *next, *prev;          /* in its class's list of pools with room */
    Arena *arena;
    void *freelist;             /* freed blocks */
    char *fresh;                /* next never-used block */
    char *limit;                /* end of the last block that fits */
    unsigned used;              /* blocks handed out */
    unsigned sizeclass;
    _Alignas(16) char blocks[];
};

struct Arena {
    char *base;
    Arena *next;                /* all arenas */
    Pool *free_pools;           /* pools returned to the arena, singly linked */
    unsigned fresh_pools;       /* pools never used yet, taken from the end */
    unsigned pools_in_use;
};

static struct {
    Pool *with_room[NCLASSES];  /* pools of each class that have a free block */
    Arena *arenas;
    size_t narenas;
    uintptr_t *set;             /* arena numbers, 0 = empty slot */
    size_t set_cap;
    size_t set_count;
    size_t live_blocks;
} st;

/* ---- the set of our arenas ---------------------------------------------- */

static size_t set_slot(uintptr_t key, size_t cap)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

static int set_insert(uintptr_t key)
{
    if ((st.set_count + 1) * 2 > st.set_cap) {
        size_t cap = st.set_cap ? st.set_cap * 2 : 64;
        uintptr_t *set = calloc(cap, sizeof *set);
        if (!set)
            return -1;
        for (size_t i = 0; i < st.set_cap; i++) {
            if (st.set[i]) {
                size_t j = set_slot(st.set[i], cap);
                while (set[j])
                    j = (j + 1) & (cap - 1);
                set[j] = st.set[i];
            }
        }
        free(st.set);
        st.set = set;
        st.set_cap = cap;
    }
    size_t j = set_slot(key, st.set_cap);
    while (st.set[j])
        j = (j + 1) & (st.set_cap - 1);
    st.set[j] = key;
    st.set_count++;
    return 0;
}

static int set_contains(uintptr_t key)
{
    if (!st.set_cap)
        return 0;
    for (size_t j = set_slot(key, st.set_cap); st.set[j]; j = (j + 1) & (st.set_cap - 1))
        if (st.set[j] == key)
            return 1;
    return 0;
}

static void set_remove(uintptr_t key)
{
    size_t cap = st.set_cap, j = set_slot(key, cap);
    while (st.set[j] != key)
        j = (j + 1) & (cap - 1);
    st.set[j] = 0;
    st.set_count--;
    /* Re-seat the cluster after the hole (linear probing deletion). */
    for (size_t k = (j + 1) & (cap - 1); st.set[k]; k = (k + 1) & (cap - 1)) {
        uintptr_t moved = st.set[k];
        st.set[k] = 0;
        size_t h = set_slot(moved, cap);
        while (st.set[h])
            h = (h + 1) & (cap - 1);
        st.set[h] = moved;
    }
}

/* ---- arenas and pools --------------------------------------------------- */

static Arena *arena_new(void)
{
    Arena *a = malloc(sizeof *a);
    if (!a)
        return NULL;
    /* Map twice the size and trim, so that the arena is aligned to its size. */
    char *raw = mmap(NULL, 2 * ARENA_SIZE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        free(a);
        return NULL;
    }
    uintptr_t start = ((uintptr_t)raw + ARENA_SIZE - 1) & ~(uintptr_t)(ARENA_SIZE - 1);
    size_t head = start - (uintptr_t)raw;
    if (head)
        munmap(raw, head);
    munmap((char *)start + ARENA_SIZE, ARENA_SIZE - head);
    a->base = (char *)start;
    if (set_insert(start >> ARENA_SHIFT) < 0) {
        munmap(a->base, ARENA_SIZE);
        free(a);
        return NULL;
    }
    a->free_pools = NULL;
    a->fresh_pools = POOLS_PER_ARENA;
    a->pools_in_use = 0;
    a->next = st.arenas;
    st.arenas = a;
    st.narenas++;
    return a;
}

static void arena_release(Arena *a)
{
    for (Arena **p = &st.arenas; *p; p = &(*p)->next) {
        if (*p == a) {
            *p = a->next;
            break;
        }
    }
    set_remove((uintptr_t)a->base >> ARENA_SHIFT);
    munmap(a->base, ARENA_SIZE);
    free(a);
    st.narenas--;
}

static Pool *pool_take(void)
{
    for (Arena *a = st.arenas; a; a = a->next) {
        if (a->free_pools) {
            Pool *p = a->free_pools;
            a->free_pools = p->next;
            a->pools_in_use++;
            return p;
        }
        if (a->fresh_pools) {
            a->fresh_pools--;
            Pool *p = (Pool *)(a->base + a->fresh_pools * POOL_SIZE);
            p->arena = a;
            a->pools_in_use++;
            return p;
        }
    }
    Arena *a = arena_new();
    if (!a)
        return NULL;
    a->fresh_pools--;
    Pool *p = (Pool *)(a->base + a->fresh_pools * POOL_SIZE);
    p->arena = a;
    a->pools_in_use++;
    return p;
}

static void link_with_room(Pool *p)
{
    Pool **head = &st.with_room[p->sizeclass];
    p->prev = NULL;
    p->next = *head;
    if (*head)
        (*head)->prev = p;
    *head = p;
}

static void unlink_with_room(Pool *p)
{
    if (p->prev)
        p->prev->next = p->next;
    else
        st.with_room[p->sizeclass] = p->next;
    if (p->next)
        p->next->prev = p->prev;
    p->next = p->prev = NULL;
}

static int pool_full(const Pool *p)
{
    return !p->freelist && p->fresh >= p->limit;
}

static void *small_alloc(unsigned cls)
{
    Pool *p = st.with_room[cls];
    if (!p) {
        p = pool_take();
        if (!p)
            return NULL;
        size_t block = (size_t)(cls + 1) * ALIGNMENT;
        size_t room = POOL_SIZE - offsetof(Pool, blocks);
        p->sizeclass = cls;
        p->freelist = NULL;
        p->used = 0;
        p->fresh = p->blocks;
        p->limit = p->blocks + (room / block) * block;
        link_with_room(p);
    }
    void *b;
    if (p->freelist) {
        b = p->freelist;
        p->freelist = *(void **)b;
    }
    else {
        b = p->fresh;
        p->fresh += (size_t)(cls + 1) * ALIGNMENT;
    }
    p->used++;
    if (pool_full(p))
        unlink_with_room(p);
    return b;
}

static int is_small(const void *block)
{
    return set_contains((uintptr_t)block >> ARENA_SHIFT);
}

static void small_free(void *block)
{
    Pool *p = (Pool *)((uintptr_t)block & ~(uintptr_t)(POOL_SIZE - 1));
    int was_full = pool_full(p);
    *(void **)block = p->freelist;
    p->freelist = block;
    p->used--;
    if (was_full)
        link_with_room(p);
    if (p->used == 0) {
        unlink_with_room(p);
        Arena *a = p->arena;
        p->next = a->free_pools;
        a->free_pools = p;
        a->pools_in_use--;
        /* Keep one arena around to avoid mapping churn in tight loops. */
        if (a->pools_in_use == 0 && st.narenas > 1)
            arena_release(a);
    }
}

/* ---- the public functions ------------------------------------------------ */

/* Debug and sanitizer builds give every block its own malloc by default, so
 * that LeakSanitizer and AddressSanitizer see objects one by one (a block
 * inside an arena is invisible to them). Blocks of both kinds can coexist:
 * AdMem_Free tells them apart by the arena set. */
#if defined(ADDER_DEBUG) || defined(__SANITIZE_ADDRESS__)
#define HAVE_MALLOC_MODE 1
static int arenas_off = 1;
#else
#define HAVE_MALLOC_MODE 0
enum { arenas_off = 0 };
#endif

int AdMem_UseArenas(int on)
{
    int was = !arenas_off;
#if HAVE_MALLOC_MODE
    arenas_off = !on;
#else
    (void)on;
#endif
    return was;
}

void *AdMem_Malloc(size_t size)
{
    void *b;
    if (size <= SMALL_LIMIT && !arenas_off)
        b = small_alloc(size ? (unsigned)((size - 1) / ALIGNMENT) : 0);
    else
        b = malloc(size);
    if (b)
        st.live_blocks++;
    return b;
}

void *AdMem_Calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    size_t n = count * size;
    void *b = AdMem_Malloc(n);
    if (b)
        memset(b, 0, n);
    return b;
}

void AdMem_Free(void *block)
{
    if (!block)
        return;
    st.live_blocks--;
    if (is_small(block))
        small_free(block);
    else
        free(block);
}

void *AdMem_Realloc(void *block, size_t size)
{
    if (!block)
        return AdMem_Malloc(size);
    if (!is_small(block)) {
        if (size > SMALL_LIMIT || arenas_off)
            return realloc(block, size ? size : 1);
        void *b = AdMem_Malloc(size);
        if (b) {
            memcpy(b, block, size);
            AdMem_Free(block);
        }
        return b;
    }
    Pool *p = (Pool *)((uintptr_t)block & ~(uintptr_t)(POOL_SIZE - 1));
    size_t old = (size_t)(p->sizeclass + 1) * ALIGNMENT;
    if (size <= old && size > old / 2)
        return block;               /* still a good fit */
    void *b = AdMem_Malloc(size);
    if (b) {
        memcpy(b, block, size < old ? size : old);
        AdMem_Free(block);
    }
    return b;
}

size_t AdMem_LiveBlocks(void) { return st.live_blocks; }
size_t AdMem_ArenaCount(void) { return st.narenas; }

void AdMem_Shutdown(int report)
{
#ifdef ADDER_DEBUG
    if (report && st.live_blocks)
        fprintf(stderr, "adder: %zu memory blocks still allocated at exit\n", st.live_blocks);
#else
    (void)report;
#endif
    /* Arenas whose pools are all free go back to the system (free pools
     * are never on a size class's list, so nothing else refers to them). */
    Arena *a = st.arenas;
    while (a) {
        Arena *next = a->next;
        if (a->pools_in_use == 0)
            arena_release(a);
        a = next;
    }
}
