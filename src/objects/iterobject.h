/* iterobject.h: the generic iterators: over anything with __getitem__
 * (iter(seq)) and over a callable until a sentinel (iter(f, sentinel)). */
#ifndef ADDER_OBJECTS_ITEROBJECT_H
#define ADDER_OBJECTS_ITEROBJECT_H
#include "objects/object.h"

extern AdTypeObject AdSeqIter_Type;
extern AdTypeObject AdCallIter_Type;
AdObject *AdSeqIter_New(AdObject *seq);                       /* new ref */
AdObject *AdCallIter_New(AdObject *callable, AdObject *sentinel);
/* anext(ait, default): awaits awaitable (what ait.__anext__() returned),
 * giving default instead of StopAsyncIteration. New ref. */
extern AdTypeObject AdAnextAwaitable_Type;
AdObject *AdAnextAwaitable_New(AdObject *awaitable, AdObject *dflt);
#endif
