/* gc.c: object allocation with and without the GC header, and the
 * generational cycle collector (gc.h). The collector finds unreachable
 * cycles by subtracting references internal to the generation being
 * collected (tp_traverse), keeps everything still reachable from outside,
 * runs finalizers (tp_finalize, PEP 442) once, re-checks for resurrection,
 * then breaks the rest with tp_clear. Survivors move to the next
 * generation. State lives in the interpreter (AdInterp.gc). */
#include "memory/gc.h"
#include "memory/alloc.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/interp.h"

#include <string.h>

/* Flags kept in the low bits of AdGCHead.prev (heads are 16-aligned). */
#define FLAG_FINALIZED ((uintptr_t)1)
#define FLAG_COLLECTING ((uintptr_t)2)
#define FLAG_UNREACHABLE ((uintptr_t)4)
#define FLAG_MASK ((uintptr_t)15)

static AdGCHead *prev_of(AdGCHead *g) { return (AdGCHead *)((uintptr_t)g->prev & ~FLAG_MASK); }
static uintptr_t flags_of(AdGCHead *g) { return (uintptr_t)g->prev & FLAG_MASK; }
static void set_prev(AdGCHead *g, AdGCHead *p) { g->prev = (AdGCHead *)((uintptr_t)p | flags_of(g)); }
static void set_flag(AdGCHead *g, uintptr_t f) { g->prev = (AdGCHead *)((uintptr_t)g->prev | f); }
static void clear_flag(AdGCHead *g, uintptr_t f) { g->prev = (AdGCHead *)((uintptr_t)g->prev & ~f); }

static AdGCState *gcstate(void)
{
    AdThread *t = ad_current_thread;
    return t ? &t->interp->gc : NULL;
}

static void list_init(AdGCHead *h)
{
    h->next = h;
    h->prev = h;
}

static int list_empty(AdGCHead *h) { return h->next == h; }

static void list_remove(AdGCHead *g)
{
    AdGCHead *p = prev_of(g), *n = g->next;
    p->next = n;
    set_prev(n, p);
    g->next = NULL;
}

static void list_append(AdGCHead *g, AdGCHead *list)
{
    AdGCHead *last = prev_of(list);
    g->next = list;
    set_prev(g, last);
    last->next = g;
    set_prev(list, g);
}

static void list_merge(AdGCHead *from, AdGCHead *to)
{
    if (list_empty(from))
        return;
    AdGCHead *to_last = prev_of(to);
    AdGCHead *first = from->next, *last = prev_of(from);
    to_last->next = first;
    set_prev(first, to_last);
    last->next = to;
    set_prev(to, last);
    list_init(from);
}

#define SENTINEL_STRIDE ((sizeof(AdGCHead) + 15) & ~(size_t)15)

static int ensure_state(AdGCState *st)
{
    if (st->sentinels)
        return 0;
    /* Each head 16-aligned like every object's: the low bits of prev
     * pointers carry flags (a 24-byte stride put two heads off by 8, and
     * merging a generation into them lost objects from the lists). */
    st->sentinels = AdMem_Calloc(AD_GC_NGENERATIONS + 1, SENTINEL_STRIDE);
    if (!st->sentinels)
        return -1;
    st->lasting = (AdGCHead *)((char *)st->sentinels + (size_t)AD_GC_NGENERATIONS * SENTINEL_STRIDE);
    list_init(st->lasting);
    static const int thresholds[AD_GC_NGENERATIONS] = {2000, 10, 0};
    for (int i = 0; i < AD_GC_NGENERATIONS; i++) {
        st->gen[i].head = (AdGCHead *)((char *)st->sentinels + (size_t)i * SENTINEL_STRIDE);
        list_init(st->gen[i].head);
        st->gen[i].threshold = thresholds[i];
        st->gen[i].count = 0;
    }
    st->enabled = 1;
    return 0;
}

/* ---- allocation ----------------------------------------------------------- */

static size_t var_size(AdTypeObject *type, Ad_ssize_t nitems)
{
    return (size_t)type->tp_basicsize + (size_t)nitems * (size_t)type->tp_itemsize;
}

static void maybe_collect(void)
{
    AdGCState *st = gcstate();
    if (!st || !st->sentinels)
        return;
    if (++st->gen[0].count > st->gen[0].threshold && st->enabled && !st->collecting &&
        st->gen[0].threshold > 0 && !AdErr_Occurred()) {
        int gen = 0;
        for (int i = AD_GC_NGENERATIONS - 1; i > 0; i--) {
            if (st->gen[i].threshold > 0 && st->gen[i].count > st->gen[i].threshold) {
                gen = i;
                break;
            }
        }
        AdGC_Collect(gen);
    }
}

static AdObject *gc_alloc(AdTypeObject *type, size_t size)
{
    AdGCHead *g = AdMem_Malloc(sizeof(AdGCHead) + size);
    if (!g) {
        AdErr_NoMemory();
        return NULL;
    }
    g->next = NULL;
    g->prev = NULL;
    g->gc_refs = 0;
    AdObject *o = AD_GC_OBJECT(g);
    o->ob_refcnt = 1;
    o->ob_type = type;
    if (type->tp_flags & AD_TPFLAGS_HEAPTYPE)
        Ad_INCREF((AdObject *)type);
    maybe_collect();
    return o;
}

AdObject *AdObject_GC_New(AdTypeObject *type)
{
    return gc_alloc(type, (size_t)type->tp_basicsize);
}

AdObject *AdObject_GC_NewVar(AdTypeObject *type, Ad_ssize_t nitems)
{
    if (nitems < 0 || (size_t)nitems > ((size_t)1 << 59) / (type->tp_itemsize ? (size_t)type->tp_itemsize : 1)) {
        AdErr_NoMemory();
        return NULL;
    }
    AdObject *o = gc_alloc(type, var_size(type, nitems));
    /* A fixed-size type (a class with __slots__ = () may be just a header)
     * has no ob_size field to write. */
    if (o && type->tp_itemsize)
        ((AdVarObject *)o)->ob_size = nitems;
    return o;
}

AdObject *AdObject_GC_Resize(AdObject *o, Ad_ssize_t nitems)
{
    AdGCHead *g = AD_GC_HEAD(o);
    size_t size = sizeof(AdGCHead) + var_size(AD_TYPE(o), nitems);
    AdGCHead *ng = AdMem_Realloc(g, size);
    if (!ng) {
        AdErr_NoMemory();
        return NULL;
    }
    AdObject *no = AD_GC_OBJECT(ng);
    if (AD_TYPE(no)->tp_itemsize)
        ((AdVarObject *)no)->ob_size = nitems;
    return no;
}

void AdObject_GC_Del(void *op)
{
    AdObject *o = op;
    AdGCHead *g = AD_GC_HEAD(o);
    if (g->next)
        list_remove(g);
    AdGCState *st = gcstate();
    if (st && st->gen[0].count > 0)
        st->gen[0].count--;
    AdTypeObject *type = AD_TYPE(o);
    AdMem_Free(g);
    if (type->tp_flags & AD_TPFLAGS_HEAPTYPE)
        Ad_DECREF((AdObject *)type);
}

void AdObject_GC_Track(AdObject *o)
{
    AdGCHead *g = AD_GC_HEAD(o);
    if (g->next)
        return;
    AdGCState *st = gcstate();
    if (!st || ensure_state(st) < 0)
        return;             /* no interpreter (or no memory): stays untracked */
    list_append(g, st->gen[0].head);
}

/* The interpreter's state is freed at finalization step 7, but static
 * objects (the static types' dicts) stay linked into its lists until step
 * 8 frees them, so the list heads are freed last, by AdGC_Shutdown. */
static AdGCHead *retired_sentinels;

void AdGC_RetireState(AdGCState *st)
{
    AdMem_Free(retired_sentinels);
    retired_sentinels = st->sentinels;
    st->sentinels = NULL;
    for (int i = 0; i < AD_GC_NGENERATIONS; i++)
        st->gen[i].head = NULL;
    st->lasting = NULL;
}

void AdGC_Shutdown(void)
{
    AdMem_Free(retired_sentinels);
    retired_sentinels = NULL;
}

void AdObject_GC_UnTrack(AdObject *o)
{
    AdGCHead *g = AD_GC_HEAD(o);
    if (g->next)
        list_remove(g);
}

void AdGC_MakeLasting(AdObject *o)
{
    AdGCHead *g = AD_GC_HEAD(o);
    AdGCState *st = gcstate();
    if (!g->next || !st || !st->lasting)
        return;
    list_remove(g);
    list_append(g, st->lasting);
}

int AdObject_GC_IsTracked(AdObject *o)
{
    return AD_GC_HEAD(o)->next != NULL;
}

AdObject *AdObject_New(AdTypeObject *type)
{
    AdObject *o = AdMem_Malloc((size_t)type->tp_basicsize);
    if (!o) {
        AdErr_NoMemory();
        return NULL;
    }
    o->ob_refcnt = 1;
    o->ob_type = type;
    if (type->tp_flags & AD_TPFLAGS_HEAPTYPE)
        Ad_INCREF((AdObject *)type);
    return o;
}

AdObject *AdObject_NewVar(AdTypeObject *type, Ad_ssize_t nitems)
{
    if (nitems < 0 || (size_t)nitems > ((size_t)1 << 59) / (type->tp_itemsize ? (size_t)type->tp_itemsize : 1)) {
        AdErr_NoMemory();
        return NULL;
    }
    AdObject *o = AdMem_Malloc(var_size(type, nitems));
    if (!o) {
        AdErr_NoMemory();
        return NULL;
    }
    o->ob_refcnt = 1;
    o->ob_type = type;
    if (type->tp_itemsize)
        ((AdVarObject *)o)->ob_size = nitems;
    if (type->tp_flags & AD_TPFLAGS_HEAPTYPE)
        Ad_INCREF((AdObject *)type);
    return o;
}

void AdObject_Free(void *op)
{
    AdObject *o = op;
    AdTypeObject *type = AD_TYPE(o);
    AdMem_Free(o);
    if (type->tp_flags & AD_TPFLAGS_HEAPTYPE)
        Ad_DECREF((AdObject *)type);
}

/* ---- collection -------------------------------------------------------------- */

static int is_gc_object(AdObject *o)
{
    return (AD_TYPE(o)->tp_flags & AD_TPFLAGS_HAVE_GC) && !Ad_IsImmortal(o);
}

static int visit_decref(AdObject *o, void *arg)
{
    (void)arg;
    if (is_gc_object(o)) {
        AdGCHead *g = AD_GC_HEAD(o);
        if (flags_of(g) & FLAG_COLLECTING)
            g->gc_refs--;
    }
    return 0;
}

static int visit_reachable(AdObject *o, void *arg)
{
    AdGCHead *young = arg;
    if (!is_gc_object(o))
        return 0;
    AdGCHead *g = AD_GC_HEAD(o);
    if (!(flags_of(g) & FLAG_COLLECTING))
        return 0;
    if (flags_of(g) & FLAG_UNREACHABLE) {
        /* It was moved to the unreachable list too early: back it goes, to
         * be scanned when the walk over young reaches it. */
        clear_flag(g, FLAG_UNREACHABLE);
        list_remove(g);
        list_append(g, young);
        g->gc_refs = 1;
    }
    else if (g->gc_refs == 0) {
        g->gc_refs = 1;
    }
    return 0;
}

/* Marks every object of list as part of this collection with gc_refs set
 * to its count minus the references from inside the list. */
static void subtract_internal_refs(AdGCHead *list)
{
    for (AdGCHead *g = list->next; g != list; g = g->next) {
        set_flag(g, FLAG_COLLECTING);
        g->gc_refs = AD_GC_OBJECT(g)->ob_refcnt;
    }
    for (AdGCHead *g = list->next; g != list; g = g->next) {
        traverseproc trav = AD_TYPE(AD_GC_OBJECT(g))->tp_traverse;
        if (trav)
            trav(AD_GC_OBJECT(g), visit_decref, NULL);
    }
}

/* Moves what nothing outside the list can reach into unreachable. */
static void move_unreachable(AdGCHead *young, AdGCHead *unreachable)
{
    AdGCHead *g = young->next;
    while (g != young) {
        AdGCHead *next;
        if (g->gc_refs > 0) {
            traverseproc trav = AD_TYPE(AD_GC_OBJECT(g))->tp_traverse;
            if (trav)
                trav(AD_GC_OBJECT(g), visit_reachable, young);
            next = g->next;
        }
        else {
            next = g->next;
            list_remove(g);
            list_append(g, unreachable);
            set_flag(g, FLAG_UNREACHABLE);
        }
        g = next;
    }
}

/* A tuple holding nothing that can be part of a cycle (no container but
 * untracked tuples) can never be in one: it leaves the collector's lists
 * for good (tuples never change), which spares the next collections its
 * traversal. Run over the survivors of a collection. */
static int may_be_tracked(AdObject *o)
{
    if (!is_gc_object(o))
        return 0;
    if (AdTuple_CheckExact(o))
        return AD_GC_HEAD(o)->next != NULL;
    return 1;
}

static void untrack_tuples(AdGCHead *list)
{
    /* A tuple kept only by a tuple item that comes later in the list is
     * looked at again in another pass (nested tuples: a few passes). */
    for (int pass = 0; pass < 8; pass++) {
        int untracked = 0, retry = 0;
        AdGCHead *g = list->next;
        while (g != list) {
            AdGCHead *next = g->next;
            AdObject *o = AD_GC_OBJECT(g);
            if (AdTuple_CheckExact(o)) {
                Ad_ssize_t n = AdTuple_GET_SIZE(o), i;
                int by_tuple = 0;
                for (i = 0; i < n; i++) {
                    AdObject *item = AdTuple_GET_ITEM(o, i);
                    if (!item)
                        break;
                    if (may_be_tracked(item)) {
                        if (!AdTuple_CheckExact(item))
                            break;
                        by_tuple = 1;
                    }
                }
                if (i == n && !by_tuple) {
                    clear_flag(g, FLAG_COLLECTING | FLAG_UNREACHABLE);
                    list_remove(g);
                    untracked = 1;
                } else if (i == n) {
                    retry = 1;
                }
            }
            g = next;
        }
        if (!untracked || !retry)
            break;
    }
}

/* A weak reference's callback is called only when the reference itself
 * survives the collection. */
static int ref_is_reachable(AdObject *ref, void *arg)
{
    (void)arg;
    if (!is_gc_object(ref))
        return 1;
    return !(flags_of(AD_GC_HEAD(ref)) & FLAG_UNREACHABLE);
}

/* Kills every weak reference to an object of the unreachable list (and
 * every weak reference that is itself unreachable), so that no code run
 * from here on can reach them through one. With call_callbacks, the
 * callbacks of the references that stay reachable run afterwards (while
 * the unreachable objects are still intact). */
static void handle_weakrefs(AdGCHead *unreachable, int call_callbacks)
{
    AdObject *pending = call_callbacks ? AdList_New(0) : NULL;
    if (!pending)
        AdErr_Clear();
    for (AdGCHead *g = unreachable->next; g != unreachable; g = g->next)
        AdWeakref_ClearForGC(AD_GC_OBJECT(g), pending ? ref_is_reachable : NULL, NULL, pending);
    if (!pending)
        return;
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(pending); i++)
        AdWeakref_CallPendingCallback(AdList_GET_ITEM(pending, i));
    Ad_DECREF(pending);
}

static void end_collecting(AdGCHead *list)
{
    for (AdGCHead *g = list->next; g != list; g = g->next)
        clear_flag(g, FLAG_COLLECTING | FLAG_UNREACHABLE);
}

Ad_ssize_t AdGC_Collect(int generation)
{
    AdGCState *st = gcstate();
    if (!st || ensure_state(st) < 0 || st->collecting)
        return 0;
    if (generation < 0 || generation >= AD_GC_NGENERATIONS)
        generation = AD_GC_NGENERATIONS - 1;
    st->collecting = 1;
    AdObject *pending = AdErr_GetRaisedException();

    for (int i = 0; i < generation; i++)
        list_merge(st->gen[i].head, st->gen[generation].head);
    AdGCHead *young = st->gen[generation].head;
    AdGCHead unreachable;
    list_init(&unreachable);

    subtract_internal_refs(young);
    move_unreachable(young, &unreachable);
    untrack_tuples(young);

    /* Finalizers (__del__) run once per object; they may resurrect. */
    Ad_ssize_t found = 0;
    for (AdGCHead *g = unreachable.next; g != &unreachable; g = g->next)
        found++;
    if (found) {
        handle_weakrefs(&unreachable, 1);
        for (AdGCHead *g = unreachable.next; g != &unreachable; g = g->next) {
            AdObject *o = AD_GC_OBJECT(g);
            if (AD_TYPE(o)->tp_finalize && !(flags_of(g) & FLAG_FINALIZED)) {
                set_flag(g, FLAG_FINALIZED);
                Ad_INCREF(o);
                AD_TYPE(o)->tp_finalize(o);
                if (AdErr_Occurred())
                    AdErr_WriteUnraisable(o);
                Ad_DECREF(o);
            }
        }
        /* Resurrection check: anything now referenced from outside the
         * unreachable set survives, with all it reaches. */
        AdGCHead still;
        list_init(&still);
        list_merge(&unreachable, &still);
        subtract_internal_refs(&still);
        move_unreachable(&still, &unreachable);
        end_collecting(&still);
        list_merge(&still, young);
        /* References made by finalizers to what is still garbage die too,
         * without callbacks. */
        handle_weakrefs(&unreachable, 0);

        /* Break the cycles. Each object is kept alive while it is cleared. */
        while (!list_empty(&unreachable)) {
            AdGCHead *g = unreachable.next;
            AdObject *o = AD_GC_OBJECT(g);
            list_remove(g);
            list_append(g, young);       /* if it survives clearing, it stays tracked */
            clear_flag(g, FLAG_COLLECTING | FLAG_UNREACHABLE);
            Ad_INCREF(o);
            inquiry clear = AD_TYPE(o)->tp_clear;
            if (clear)
                clear(o);
            Ad_DECREF(o);
        }
    }
    end_collecting(young);

    /* Survivors age. */
    if (generation + 1 < AD_GC_NGENERATIONS) {
        list_merge(young, st->gen[generation + 1].head);
        st->gen[generation + 1].count++;
    }
    for (int i = 0; i <= generation; i++)
        st->gen[i].count = 0;
    st->collections[generation]++;
    st->collected[generation] += found;
    st->collecting = 0;
    AdErr_SetRaisedException(pending);
    return found;
}

int AdGC_Enable(void)
{
    AdGCState *st = gcstate();
    int old = st ? st->enabled : 0;
    if (st)
        st->enabled = 1;
    return old;
}

int AdGC_Disable(void)
{
    AdGCState *st = gcstate();
    int old = st ? st->enabled : 0;
    if (st)
        st->enabled = 0;
    return old;
}

int AdGC_IsEnabled(void)
{
    AdGCState *st = gcstate();
    return st ? st->enabled : 0;
}

/* ---- accessors for the gc module (modules/gcmodule.c) ---------------------------------- */

AdGCState *AdGC_State(void)
{
    return gcstate();
}

int AdGC_IsFinalized(AdObject *o)
{
    if (!AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_HAVE_GC))
        return 0;
    return (flags_of(AD_GC_HEAD(o)) & FLAG_FINALIZED) != 0;
}

void AdGC_SetFinalized(AdObject *o)
{
    if (AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_HAVE_GC))
        set_flag(AD_GC_HEAD(o), FLAG_FINALIZED);
}

int AdGC_VisitTracked(int generation, int (*visit)(AdObject *o, void *arg), void *arg)
{
    AdGCState *st = gcstate();
    if (!st)
        return 0;
    for (int i = 0; i < AD_GC_NGENERATIONS; i++) {
        if (generation >= 0 && i != generation)
            continue;
        for (int k = 0; k < 1 + (i == AD_GC_NGENERATIONS - 1); k++) {
            AdGCHead *head = k ? st->lasting : st->gen[i].head;
            if (!head)
                continue;
            for (AdGCHead *g = head->next; g != head; g = g->next) {
                int rc = visit(AD_GC_OBJECT(g), arg);
                if (rc)
                    return rc;
            }
        }
    }
    return 0;
}
