/* arena.h -- the parser's bump allocator.
 *
 * Owns: AdArena, a list of large blocks from which AST nodes, sequences,
 * identifiers and constant payloads are carved.  Nothing is freed one by
 * one: AdArena_Free releases everything at once.
 */
#ifndef ADDER_PARSER_ARENA_H
#define ADDER_PARSER_ARENA_H

#include <stddef.h>

typedef struct AdArena AdArena;

/* A new empty arena, or NULL when out of memory. */
AdArena *AdArena_New(void);

/* Release the arena and everything allocated from it.  NULL is a no-op. */
void AdArena_Free(AdArena *arena);

/* SIZE bytes, zero-filled, aligned for any type; NULL when out of memory.
 * The memory lives until AdArena_Free. */
void *AdArena_Alloc(AdArena *arena, size_t size);

/* A NUL-terminated copy of S[0..LEN) in the arena; NULL when out of memory. */
char *AdArena_Strndup(AdArena *arena, const char *s, size_t len);

/* Total bytes handed out so far (for tests and statistics). */
size_t AdArena_BytesUsed(const AdArena *arena);

#endif /* ADDER_PARSER_ARENA_H */
