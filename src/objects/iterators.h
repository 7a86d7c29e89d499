/* iterators.h: the lazy iterator types that builtins exposes by name:
 * enumerate and reversed (enumobject.c), zip, map and filter
 * (iterators.c). Their constructors are the types themselves (called
 * with CPython's argument rules and messages); these are the C entry
 * points. */
#ifndef ADDER_OBJECTS_ITERATORS_H
#define ADDER_OBJECTS_ITERATORS_H
#include "objects/object.h"

extern AdTypeObject AdEnum_Type, AdReversed_Type, AdZip_Type, AdMap_Type, AdFilter_Type;

/* enumerate(iterable, start): start NULL means 0 (else an int). New ref. */
AdObject *AdEnum_New(AdObject *iterable, AdObject *start);
/* reversed(seq): seq.__reversed__() when the type has it, else a reverse
 * iterator over __len__/__getitem__ (TypeError "'T' object is not
 * reversible"). New ref. */
AdObject *AdReversed_New(AdObject *seq);
/* zip(*iterables, strict=strict). New ref. */
AdObject *AdZip_New(AdObject *const *iterables, Ad_ssize_t n, int strict);
/* map(func, *iterables, strict=strict) (n >= 1). New ref. */
AdObject *AdMap_New(AdObject *func, AdObject *const *iterables, Ad_ssize_t n, int strict);
/* filter(func, iterable); func None keeps the true items. New ref. */
AdObject *AdFilter_New(AdObject *func, AdObject *iterable);
/* Private to the objects room: the __reduce__ value (callable, args) or
 * (callable, args, state); steals args (NULL: returns NULL); state NULL
 * is left out. New ref. */
AdObject *objects_reduce_value(AdObject *callable, AdObject *args, AdObject *state);
#endif
