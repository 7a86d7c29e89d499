/* gc_state.h: the cycle collector's per-interpreter state (embedded in
 * AdInterp): the generation lists, their counts and thresholds, and the
 * switches the gc module reads and sets. */
#ifndef ADDER_MEMORY_GC_STATE_H
#define ADDER_MEMORY_GC_STATE_H
#include <stddef.h>

struct AdGCHead;

#define AD_GC_NGENERATIONS 3

typedef struct {
    struct {
        struct AdGCHead *head;  /* sentinel of a circular doubly linked list */
        int threshold;
        int count;              /* allocations (gen 0) or collections of the younger one */
    } gen[AD_GC_NGENERATIONS];
    /* Objects that live as long as the process (a static type's dict and
     * descriptors): tracked, shown with the oldest generation, never
     * collected (AdGC_MakeLasting). */
    struct AdGCHead *lasting;
    struct AdGCHead *sentinels; /* storage for the list heads */
    int enabled;
    int collecting;
    long long collections[AD_GC_NGENERATIONS];
    long long collected[AD_GC_NGENERATIONS];
    long long uncollectable[AD_GC_NGENERATIONS];
    int debug;                  /* gc.set_debug flags */
} AdGCState;

#endif
