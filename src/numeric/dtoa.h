/* numeric/dtoa.h: float <-> text as Python does it: repr(float) (the
 * shortest string that round-trips), decimal digit generation for the
 * formatter, float() parsing and float.hex()/float.fromhex().
 * Conversions are correctly rounded (glibc's printf/strtod are exact; this
 * file validates Python's syntax around them). */
#ifndef ADDER_NUMERIC_DTOA_H
#define ADDER_NUMERIC_DTOA_H

#include <stddef.h>

#include "numeric/numeric.h"

/* The shortest decimal digits that read back as x (x finite, > 0): the
 * string of ndigits digits (no trailing zeros, NUL-terminated, room for 18
 * bytes) such that x == 0.DIGITS * 10**decpt; among shortest candidates,
 * the nearest to x. */
void AdDtoa_Shortest(double x, char digits[18], int *ndigits, int *decpt);

/* Appends repr(x): '0.1', '1e+16', '1e-05', '123456789012345.0', 'inf',
 * '-inf', 'nan', '-0.0'. Returns 0, or -1 when memory runs out. */
int AdDtoa_Repr(double x, AdNumBuf *out);

/* float(text) for ASCII text (the caller first maps Unicode digits and
 * white space to ASCII): white space, sign, digits with single underscores
 * between digits, '.', exponent, or inf/infinity/nan in any case.
 * Returns 0 and *out, or -1 with AD_NUM_VALUE_REPR "could not convert string
 * to float: " (the caller appends repr() of the text). Overflow gives +-inf,
 * as Python does. */
int AdDtoa_Parse(const char *s, size_t len, double *out, AdNumError *err);

/* float.hex(x): '0x1.8000000000000p+0', '-0x0.0p+0', 'inf', 'nan'. */
int AdDtoa_ToHex(double x, AdNumBuf *out);
/* float.fromhex(text). Errors: "invalid hexadecimal floating-point string"
 * (VALUE), "hexadecimal value too large to represent as a float" (OVERFLOW). */
int AdDtoa_FromHex(const char *s, size_t len, double *out, AdNumError *err);

#endif
