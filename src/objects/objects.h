/* objects.h: the object room's start-up entry point. */
#ifndef ADDER_OBJECTS_OBJECTS_H
#define ADDER_OBJECTS_OBJECTS_H

/* Readies every static type and the exception hierarchy; 0, or -1 with an
 * exception set (core initialization turns it into a fatal error). Needs a
 * thread state. Idempotent. */
int ad_objects_init(void);

#endif
