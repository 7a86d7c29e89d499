/* operator_internal.h: what the files of the _operator module share: the
 * callable types of operator_getters.c (readied and added by
 * operator_funcs.c, which makes the module). Private to the modules room. */
#ifndef ADDER_MODULES_OPERATOR_INTERNAL_H
#define ADDER_MODULES_OPERATOR_INTERNAL_H
#include "objects/object.h"

extern AdTypeObject operator_itemgetter_type, operator_attrgetter_type, operator_methodcaller_type;
#endif
