/* gc.h: the cycle collector's contract with container types. A GC type
 * (AD_TPFLAGS_HAVE_GC, with tp_traverse and tp_clear) allocates its
 * instances with AdObject_GC_New/NewVar, which put an AdGCHead in front of
 * the object; it tracks an instance once its fields are valid and
 * untracks it first thing in tp_dealloc. Collection is generational
 * (three generations, thresholds as CPython's gc module exposes them),
 * driven by allocations and by the gc module; unreachable cycles are
 * cleared through tp_clear after finalizers (PEP 442) have run. */
#ifndef ADDER_MEMORY_GC_H
#define ADDER_MEMORY_GC_H

#include <stdint.h>
#include "objects/object.h"

typedef struct AdGCHead {
    struct AdGCHead *next;
    struct AdGCHead *prev;      /* low bits: flags; NULL next = untracked */
    Ad_ssize_t gc_refs;         /* scratch during a collection */
} AdGCHead;

#define AD_GC_HEAD(o) ((AdGCHead *)(o) - 1)
#define AD_GC_OBJECT(g) ((AdObject *)((AdGCHead *)(g) + 1))

/* New untracked instances (ob_refcnt 1, type set, memory not zeroed beyond
 * the header). New ref or NULL with MemoryError. */
AdObject *AdObject_GC_New(AdTypeObject *type);
AdObject *AdObject_GC_NewVar(AdTypeObject *type, Ad_ssize_t nitems);
/* Resizes a var-sized GC object (untracked); returns the new address. */
AdObject *AdObject_GC_Resize(AdObject *o, Ad_ssize_t nitems);
void AdObject_GC_Del(void *o);          /* tp_free of GC types */
void AdObject_GC_Track(AdObject *o);
void AdObject_GC_UnTrack(AdObject *o);
int AdObject_GC_IsTracked(AdObject *o);

/* Non-GC allocation (tp_alloc/tp_free of plain types). */
AdObject *AdObject_New(AdTypeObject *type);
AdObject *AdObject_NewVar(AdTypeObject *type, Ad_ssize_t nitems);
void AdObject_Free(void *o);

/* gc.collect(generation): number of unreachable objects found, or -1. */
Ad_ssize_t AdGC_Collect(int generation);
int AdGC_Enable(void);      /* return the previous state */
int AdGC_Disable(void);
int AdGC_IsEnabled(void);

/* For the gc module: the current interpreter's collector state (thresholds,
 * counts, statistics, debug flags; NULL before any thread exists);
 * whether o's finalizer has run (gc.is_finalized); and a walk over the
 * tracked objects of one generation (-1: all), stopping at the first
 * non-zero return of visit, which it returns (0 after a full walk). The
 * visitor must not track or untrack objects. */
#include "memory/gc_state.h"
AdGCState *AdGC_State(void);
int AdGC_IsFinalized(AdObject *o);
/* Records that o's finalizer ran (when its refcount reached zero), so that
 * neither the collector nor a later death runs it again (PEP 442). */
void AdGC_SetFinalized(AdObject *o);
int AdGC_VisitTracked(int generation, int (*visit)(AdObject *o, void *arg), void *arg);

/* Finalization: the interpreter hands its list heads over when it is
 * deleted (step 7); AdGC_Shutdown frees them at step 8, after the static
 * objects still linked to them are gone. */
void AdGC_RetireState(AdGCState *st);
/* Moves a tracked object to the list of objects that live as long as the
 * process: still tracked (gc.is_tracked, gc.get_objects() with the oldest
 * generation), never traversed by a collection (what it refers to counts
 * as referenced from outside). */
void AdGC_MakeLasting(AdObject *o);
void AdGC_Shutdown(void);

#endif
