/* alloc.h: the object allocator. Small blocks (up to 512 bytes) come from
 * size-classed pools carved out of 256 KiB arenas, in the manner of
 * CPython's obmalloc: free blocks of a pool form a list, a pool serves one
 * size class, empty arenas go back to the system. Larger blocks go to
 * malloc. Debug builds (ADDER_DEBUG) count live blocks so that the last
 * finalization step can report leaks.
 *
 * The allocator is not thread-safe by itself: it runs under the GIL of the
 * interpreter that owns it (each interpreter has its own, PEP 684). */
#ifndef ADDER_MEMORY_ALLOC_H
#define ADDER_MEMORY_ALLOC_H

#include <stddef.h>

/* NULL when out of memory (no exception is set: callers raise MemoryError).
 * A request of 0 bytes returns a distinct non-NULL block. */
void *AdMem_Malloc(size_t size);
void *AdMem_Calloc(size_t count, size_t size);
void *AdMem_Realloc(void *block, size_t size);
void AdMem_Free(void *block);

/* Debug (ADDER_DEBUG) and AddressSanitizer builds serve every block from
 * malloc unless told otherwise, so that the sanitizers see each object;
 * AdMem_UseArenas(1) turns the arenas on (for the allocator's own tests).
 * Returns whether arenas were on; release builds always use them. */
int AdMem_UseArenas(int on);

/* Blocks currently allocated through AdMem_* (counted in all builds). */
size_t AdMem_LiveBlocks(void);
/* Arenas currently held from the system. */
size_t AdMem_ArenaCount(void);
/* Returns empty arenas to the system; at finalization step 8 also reports,
 * when ADDER_DEBUG is set and report is non-zero, the blocks still live
 * ("adder: N memory blocks still allocated at exit" on stderr: finalization
 * frees everything, so any such block is a leak). */
void AdMem_Shutdown(int report);

#endif
