/* union.h: typing.Union, the type of `int | str` (union.c). */
#ifndef ADDER_OBJECTS_UNION_H
#define ADDER_OBJECTS_UNION_H

#include "objects/object.h"

extern AdTypeObject AdUnion_Type;

/* a | b for types, None, generic aliases and unions: a new union (or the
 * one member left after dropping repeats), new ref; Ad_NotImplemented
 * (borrowed, immortal) when an operand cannot be a member; NULL on error. */
AdObject *AdUnion_Or(AdObject *a, AdObject *b);

#endif
