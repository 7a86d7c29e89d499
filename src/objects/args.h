/* args.h: argument parsing for native functions (vectorcall convention:
 * args[0..nargs) positional, then one value per name in kwnames). */
#ifndef ADDER_OBJECTS_ARGS_H
#define ADDER_OBJECTS_ARGS_H
#include "objects/object.h"

/* Parses the arguments of fname whose parameters are names[0..nparams)
 * (NULL-terminated); the first npos_only are positional-only, the first
 * nrequired must be given. out[i] is borrowed, or NULL when absent.
 * 0, or -1 with CPython's TypeError texts ("f() takes at most 2 arguments
 * (3 given)", "f() missing required argument 'x' (pos 1)", "f() got an
 * unexpected keyword argument 'y'", "argument for f() given by name ('x')
 * and position (1)"). */
int AdArg_Parse(const char *fname, AdObject *const *args, Ad_ssize_t nargs,
                AdObject *kwnames, const char *const *names, int npos_only,
                int nrequired, AdObject **out);
/* "NAME expected at least N argument(s), got M" and its at-most/exactly forms. */
int AdArg_CheckPositional(const char *fname, Ad_ssize_t nargs, Ad_ssize_t min, Ad_ssize_t max);
/* "NAME() takes no keyword arguments" when kwnames is non-empty. */
int AdArg_NoKeywords(const char *fname, AdObject *kwnames);

#endif
