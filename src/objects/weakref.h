/* weakref.h: weak references (weakref.ref / ReferenceType, ProxyType,
 * CallableProxyType) and the object model's side of them.
 *
 * A type supports weak references when tp_weaklistoffset is non-zero: its
 * instances then hold, at that offset (counted back from
 * AdObject_VarSlotsEnd when negative), an AdObject * (initialised to NULL)
 * heading the doubly linked list of the weak references to them. The
 * type's dealloc must call AdObject_ClearWeakRefs(self) once the object is
 * untracked and before it starts tearing the object down (callbacks run
 * there and see the references already dead), e.g.
 *
 *     AdObject_GC_UnTrack(self);
 *     if (obj->weakreflist)
 *         AdObject_ClearWeakRefs(self);
 *
 * The cycle collector clears the weak references to unreachable objects
 * itself (AdWeakref_ClearForGC) before running finalizers. */
#ifndef ADDER_OBJECTS_WEAKREF_H
#define ADDER_OBJECTS_WEAKREF_H
#include "objects/object.h"

typedef struct AdWeakRefObject AdWeakRefObject;
struct AdWeakRefObject {
    AdObject_HEAD;
    AdObject *wr_object;        /* the referent (borrowed), NULL once dead */
    AdObject *wr_callback;      /* owned, or NULL */
    Ad_hash_t hash;             /* -1 until computed */
    AdWeakRefObject *wr_prev, *wr_next;
    vectorcallfunc vectorcall;
};

extern AdTypeObject AdWeakref_RefType, AdWeakref_ProxyType, AdWeakref_CallableProxyType;
#define AdWeakref_CheckRef(o) AdObject_TypeCheck((o), &AdWeakref_RefType)
#define AdWeakref_CheckRefExact(o) Ad_IS_TYPE((AdObject *)(o), &AdWeakref_RefType)
#define AdWeakref_CheckProxy(o) (Ad_IS_TYPE((AdObject *)(o), &AdWeakref_ProxyType) || \
                                 Ad_IS_TYPE((AdObject *)(o), &AdWeakref_CallableProxyType))
#define AdWeakref_Check(o) (AdWeakref_CheckRef(o) || AdWeakref_CheckProxy(o))

/* 1 if instances of type may be weakly referenced. */
static inline int AdType_SupportsWeakRefs(AdTypeObject *type) { return type->tp_weaklistoffset != 0; }
/* The address of o's list head, or NULL when its type has none. */
AdObject **AdObject_WeakListPtr(AdObject *o);

/* weakref.ref(ob, callback) and weakref.proxy(ob, callback): callback may
 * be NULL or None. New ref, or NULL with TypeError "cannot create weak
 * reference to 'T' object". */
AdObject *AdWeakref_NewRef(AdObject *ob, AdObject *callback);
AdObject *AdWeakref_NewProxy(AdObject *ob, AdObject *callback);
/* The referent of a ref or proxy: new ref, or NULL without an exception
 * when it is dead. */
AdObject *AdWeakref_GetRef(AdObject *ref);

/* The referent of a ref or proxy, borrowed, or NULL when it is dead: for
 * callers that use it before running any code. */
static inline AdObject *AdWeakref_Peek(AdObject *ref)
{
    AdObject *o = ((AdWeakRefObject *)ref)->wr_object;
    return o && o->ob_refcnt > 0 ? o : NULL;
}

/* Kills every weak reference to o and calls their callbacks (most recent
 * first, as CPython does); exceptions from callbacks are reported through
 * sys.unraisablehook. Keeps a pending exception. For deallocators. */
void AdObject_ClearWeakRefs(AdObject *o);
/* Number of weak references to o (0 for types without support). */
Ad_ssize_t AdWeakref_Count(AdObject *o);

/* For the cycle collector: kills the weak references to o without calling
 * anything. Each reference that has a callback and for which
 * keep_callback(ref, arg) returns true is appended to `pending` (a list,
 * which takes a reference) so that the collector calls it later through
 * AdWeakref_CallPendingCallback. Returns 0, or -1 if the list could not
 * grow (the callback is then dropped). */
int AdWeakref_ClearForGC(AdObject *o, int (*keep_callback)(AdObject *ref, void *arg), void *arg,
                         AdObject *pending);
/* Calls and clears the callback of a dead weak reference (reporting an
 * exception through sys.unraisablehook). */
void AdWeakref_CallPendingCallback(AdObject *ref);

#endif
