/* numeric/floatops.h: float arithmetic with Python's semantics: floor
 * division and modulo (the remainder takes the divisor's sign), **, round()
 * and the conversions float methods need. Pure C on doubles. */
#ifndef ADDER_NUMERIC_FLOATOPS_H
#define ADDER_NUMERIC_FLOATOPS_H

#include "numeric/bigint.h"
#include "numeric/numeric.h"

/* x / y. Error: "division by zero" (ZERODIV). */
int AdFloat_Div(double x, double y, double *out, AdNumError *err);
/* divmod(x, y); either output may be NULL. Error: "division by zero". */
int AdFloat_DivMod(double x, double y, double *floordiv, double *mod, AdNumError *err);
int AdFloat_FloorDiv(double x, double y, double *out, AdNumError *err);
int AdFloat_Mod(double x, double y, double *out, AdNumError *err);
/* x ** y. Errors: "zero to a negative power" (ZERODIV); a range error is
 * AD_NUM_ERRNO with errnum ERANGE (OverflowError (34, 'Numerical result out
 * of range')); a negative x with a non-integer y gives AD_NUM_COMPLEX. */
int AdFloat_Pow(double x, double y, double *out, AdNumError *err);
/* round(x, ndigits), correctly rounded half-to-even on the exact decimal
 * value. Error: "rounded value too large to represent" (OVERFLOW). */
int AdFloat_Round(double x, int64_t ndigits, double *out, AdNumError *err);
/* round(x) without ndigits: the nearest integer, ties to even, as an int.
 * Errors as AdBigInt_FromDouble. */
AdBigInt *AdFloat_RoundToInt(double x, AdNumError *err);
/* float.as_integer_ratio(): lowest terms, positive denominator. Errors:
 * "cannot convert Infinity to integer ratio" (OVERFLOW), "cannot convert
 * NaN to integer ratio" (VALUE). */
int AdFloat_AsIntegerRatio(double x, AdBigInt **num, AdBigInt **den, AdNumError *err);
int AdFloat_IsInteger(double x);

#endif
