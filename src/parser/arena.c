/* arena.c -- the parser's bump allocator (see arena.h).
 *
 * Blocks are chained; a request larger than the default block size gets a
 * block of its own.  All allocations are 16-byte aligned and zeroed.
 */
#include "parser/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_SIZE (64 * 1024)
#define ARENA_ALIGN 16

typedef struct arena_block {
    struct arena_block *next;
    size_t size;   /* usable bytes in data */
    size_t used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} arena_block;

struct AdArena {
    arena_block *head;
    size_t total;
};

static arena_block *block_new(size_t size)
{
    arena_block *b = malloc(sizeof(arena_block) + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

AdArena *AdArena_New(void)
{
    AdArena *a = malloc(sizeof *a);
    if (!a)
        return NULL;
    a->head = block_new(ARENA_BLOCK_SIZE);
    if (!a->head) {
        free(a);
        return NULL;
    }
    a->total = 0;
    return a;
}

void AdArena_Free(AdArena *arena)
{
    if (!arena)
        return;
    arena_block *b = arena->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(arena);
}

void *AdArena_Alloc(AdArena *arena, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ARENA_ALIGN - sizeof(arena_block))
        return NULL;
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    arena_block *b = arena->head;
    if (b->size - b->used < rounded) {
        if (rounded > ARENA_BLOCK_SIZE / 4) {
            /* A big request gets its own block, kept behind the current head
             * so the head's free space is not wasted. */
            arena_block *big = block_new(rounded);
            if (!big)
                return NULL;
            big->used = rounded;
            big->next = b->next;
            b->next = big;
            arena->total += rounded;
            memset(big->data, 0, rounded);
            return big->data;
        }
        arena_block *nb = block_new(ARENA_BLOCK_SIZE);
        if (!nb)
            return NULL;
        nb->next = b;
        arena->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += rounded;
    arena->total += rounded;
    memset(p, 0, rounded);
    return p;
}

char *AdArena_Strndup(AdArena *arena, const char *s, size_t len)
{
    char *d = AdArena_Alloc(arena, len + 1);
    if (!d)
        return NULL;
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

size_t AdArena_BytesUsed(const AdArena *arena)
{
    return arena->total;
}
