/* object_reduce.h: the pickling protocol (object_reduce.c): object's
 * methods (listed in object's method table by typeobj.c) and the __reduce__
 * helpers of native callables and iterators. Each returns a new reference,
 * or NULL with an exception. */
#ifndef ADDER_OBJECTS_OBJECT_REDUCE_H
#define ADDER_OBJECTS_OBJECT_REDUCE_H
#include "objects/object.h"

/* object.__reduce_ex__(protocol) (AD_METH_O). */
AdObject *ad_object_reduce_ex(AdObject *self, AdObject *protocol);
/* object.__reduce__() (AD_METH_NOARGS). */
AdObject *ad_object_reduce(AdObject *self, AdObject *unused);
/* object.__getstate__() (AD_METH_NOARGS): None, the instance dict, or
 * (dict-or-None, {slot: value}). */
AdObject *ad_object_getstate(AdObject *self, AdObject *unused);
/* What obj.__getstate__() gives (the state that __reduce__ methods of
 * native types such as set put in their third item). New ref or NULL. */
AdObject *AdObject_GetState(AdObject *obj);

/* __reduce__ of method and slot-wrapper descriptors (AD_METH_NOARGS):
 * (getattr, (objclass, name)). */
AdObject *ad_descr_reduce(AdObject *self, AdObject *unused);
/* __reduce__ of builtin functions ("name", found as a global) and bound
 * builtin methods and method-wrappers ((getattr, (self, name))). */
AdObject *ad_bound_reduce(AdObject *self, AdObject *unused);
/* What iterators over a sequence give for __reduce__:
 * (builtins.<builtin>, (seq,), index) while seq is not NULL, else
 * (builtins.<builtin>, (empty,)) for an exhausted iterator. New ref or NULL.
 * Consumes `empty` (a new reference or NULL; NULL with seq NULL means an
 * allocation failed and NULL is returned). */
AdObject *AdIter_Reduce(const char *builtin, AdObject *seq, AdObject *empty, Ad_ssize_t index);
#endif
