/* objects.h: the object room's start-up entry point. */
#ifndef ADDER_OBJECTS_OBJECTS_H
#define ADDER_OBJECTS_OBJECTS_H

#include "objects/object.h"

/* Readies every static type and the exception hierarchy; 0, or -1 with an
 * exception set (core initialization turns it into a fatal error). Needs a
 * thread state. Idempotent. */
int ad_objects_init(void);

/* Called by AdType_Ready for every static type it readies, so that
 * finalization can undo it (objects_init.c). */
void ad_objects_note_static_type(AdTypeObject *type);

/* Finalization step 8, after the interpreter is gone: static types give
 * back their dicts, MROs, bases and subclass lists and become unready;
 * the caches of immortal objects and the interned strings are freed.
 * Afterwards no object may be used until ad_objects_init runs again. */
void ad_objects_fini(void);

#endif
