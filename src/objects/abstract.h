/* abstract.h: the protocols that work on any object through its type's
 * slots, with CPython's dispatch rules and messages: binary and in-place
 * operators (left operand first, the right one first when it is a
 * subclass overriding the reflected slot, sequence concatenation and
 * repetition as fallbacks), unary operators, __index__, subscription,
 * len(), membership, format(), isinstance/issubclass. */
#ifndef ADDER_OBJECTS_ABSTRACT_H
#define ADDER_OBJECTS_ABSTRACT_H
#include "objects/object.h"

/* Binary operators (new refs or NULL). */
AdObject *AdNumber_Add(AdObject *v, AdObject *w);
AdObject *AdNumber_Subtract(AdObject *v, AdObject *w);
AdObject *AdNumber_Multiply(AdObject *v, AdObject *w);
AdObject *AdNumber_MatrixMultiply(AdObject *v, AdObject *w);
AdObject *AdNumber_TrueDivide(AdObject *v, AdObject *w);
AdObject *AdNumber_FloorDivide(AdObject *v, AdObject *w);
AdObject *AdNumber_Remainder(AdObject *v, AdObject *w);
AdObject *AdNumber_Divmod(AdObject *v, AdObject *w);
AdObject *AdNumber_Power(AdObject *v, AdObject *w, AdObject *z);   /* z: Ad_None for two-argument ** */
AdObject *AdNumber_Lshift(AdObject *v, AdObject *w);
AdObject *AdNumber_Rshift(AdObject *v, AdObject *w);
AdObject *AdNumber_And(AdObject *v, AdObject *w);
AdObject *AdNumber_Xor(AdObject *v, AdObject *w);
AdObject *AdNumber_Or(AdObject *v, AdObject *w);
/* In-place forms (x op= y). */
AdObject *AdNumber_InPlaceAdd(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceSubtract(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceMultiply(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceMatrixMultiply(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceTrueDivide(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceFloorDivide(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceRemainder(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlacePower(AdObject *v, AdObject *w, AdObject *z);
AdObject *AdNumber_InPlaceLshift(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceRshift(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceAnd(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceXor(AdObject *v, AdObject *w);
AdObject *AdNumber_InPlaceOr(AdObject *v, AdObject *w);
/* Unary operators. */
AdObject *AdNumber_Negative(AdObject *o);
AdObject *AdNumber_Positive(AdObject *o);
AdObject *AdNumber_Invert(AdObject *o);
AdObject *AdNumber_Absolute(AdObject *o);
/* operator.index(o): an exact int (new ref) or NULL with TypeError. */
AdObject *AdNumber_Index(AdObject *o);
int AdIndex_Check(AdObject *o);

/* o[key], o[key] = v, del o[key]. */
AdObject *AdObject_GetItem(AdObject *o, AdObject *key);
int AdObject_SetItem(AdObject *o, AdObject *key, AdObject *value);
int AdObject_DelItem(AdObject *o, AdObject *key);
/* len(o): -1 with TypeError "object of type 'T' has no len()". */
Ad_ssize_t AdObject_Size(AdObject *o);
/* x in o: 1, 0, -1. */
int AdSequence_Contains(AdObject *o, AdObject *value);
/* Membership by iterating o (the fallback of `in`). */
int AdSequence_IterSearchContains(AdObject *o, AdObject *value);
/* format(obj, spec): spec may be NULL (""). New ref. */
AdObject *AdObject_Format(AdObject *obj, AdObject *spec);
/* isinstance(inst, cls) and issubclass(derived, cls): 1, 0, -1 (tuples,
 * __instancecheck__/__subclasscheck__, __bases__ for non-type classes). */
int AdObject_IsInstance(AdObject *inst, AdObject *cls);
int AdObject_IsSubclass(AdObject *derived, AdObject *cls);
/* len(o) if it has one, else o.__length_hint__(), else deflt; -1 on error. */
Ad_ssize_t AdObject_LengthHint(AdObject *o, Ad_ssize_t deflt);
/* tp_iter of iterators: returns a new ref to self. */
AdObject *AdObject_SelfIter(AdObject *o);
/* repr recursion guard (per thread): 0 on first entry, 1 when o is
 * already being repr'd (the caller prints "[...]"), -1 on error. */
int Ad_ReprEnter(AdObject *o);
void Ad_ReprLeave(AdObject *o);
/* types.GenericAlias(origin, args) (genericalias.c). New ref. */
extern AdTypeObject AdGenericAlias_Type;
AdObject *Ad_GenericAlias(AdObject *origin, AdObject *args);
/* True when o has tp_iternext (an iterator). */
int AdIter_Check(AdObject *o);
#endif
