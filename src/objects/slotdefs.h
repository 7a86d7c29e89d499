/* slotdefs.h: the table that ties special-method names to type slots
 * (__add__ <-> nb_add, __len__ <-> sq_length/mp_length, ...). Readying a
 * native type puts a slot wrapper in its dict for each slot it defines
 * itself; classes defined in Python get slot functions that look the
 * special method up (typeclass.c). */
#ifndef ADDER_OBJECTS_SLOTDEFS_H
#define ADDER_OBJECTS_SLOTDEFS_H
#include "objects/descr.h"

/* Adds the slot wrappers (and __new__) of the slots type defines itself
 * to its dict, leaving names already there alone. 0 or -1. */
int ad_slotdefs_add_wrappers(AdTypeObject *type);

/* The native slot function that type has for a slotdef, or NULL. */
void *ad_slotdef_slot(AdTypeObject *type, const AdSlotDef *def);

/* The table, terminated by an entry with a NULL name. */
extern AdSlotDef ad_slotdefs[];

/* Where a slot lives: directly in the type, or in one of its sub-tables. */
enum { AD_SLOT_TYPE, AD_SLOT_NUMBER, AD_SLOT_SEQUENCE, AD_SLOT_MAPPING, AD_SLOT_ASYNC };
#define AD_SLOT_OFFSET(table, off) (((table) << 16) | (off))
#endif
