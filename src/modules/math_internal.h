/* math_internal.h: what the math module's files share (math.c: the module
 * and the one-float functions; math_int.c: the integer functions;
 * math_sum.c: fsum, hypot, dist, prod, sumprod). Not a public API. */
#ifndef ADDER_MODULES_MATH_INTERNAL_H
#define ADDER_MODULES_MATH_INTERNAL_H
#include "objects/object.h"
#include "objects/descr.h"

#define MATH_FN(f) ((void (*)(void))(f))

/* float(o) for the math functions: 0, or -1 with TypeError "must be real
 * number, not T" (or the error of __float__/__index__). */
int math_as_double(AdObject *o, double *out);
/* "NAME expected N arguments, got M" (TypeError) unless nargs == n. 0/-1. */
int math_check_nargs(const char *name, Ad_ssize_t nargs, Ad_ssize_t n);

extern AdMethodDef modules_math_int_methods[];
extern AdMethodDef modules_math_sum_methods[];

#endif
