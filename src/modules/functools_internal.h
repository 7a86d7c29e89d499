/* functools_internal.h: what the files of the _functools module share:
 * partial and the Placeholder singleton (functools_partial.c), the
 * lru_cache wrapper (functools_lru.c), cmp_to_key's KeyWrapper and reduce
 * with the module's init (functools_misc.c). */
#ifndef ADDER_MODULES_FUNCTOOLS_INTERNAL_H
#define ADDER_MODULES_FUNCTOOLS_INTERNAL_H
#include "objects/object.h"

extern AdTypeObject functools_partial_type;
extern AdTypeObject functools_placeholder_type;
extern AdTypeObject functools_lru_type;
extern AdTypeObject functools_keywrapper_type;
/* The Placeholder singleton (immortal, static). */
extern AdObject functools_placeholder;

/* Readies the lru wrapper's private link type. 0 or -1. */
int functools_lru_ready(void);
/* 1 when o can be called (callable(o)). */
int functools_is_callable(AdObject *o);
/* Calls vectorcall function f of callable with a tuple and a dict (what
 * tp_call of a vectorcall type does). New ref or NULL. */
AdObject *functools_call_with_dict(vectorcallfunc f, AdObject *callable, AdObject *args, AdObject *kwargs);
#endif
