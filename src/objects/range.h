/* range.h: range, the immutable arithmetic sequence, with bounds of any
 * size (the fields are exact ints), and its two iterators: range_iterator
 * over values that fit in 64 bits, longrange_iterator over the rest. */
#ifndef ADDER_OBJECTS_RANGE_H
#define ADDER_OBJECTS_RANGE_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdObject *start, *stop, *step;  /* exact ints; step != 0 */
    AdObject *length;               /* exact int >= 0 */
} AdRangeObject;

extern AdTypeObject AdRange_Type, AdRangeIter_Type, AdLongRangeIter_Type;
#define AdRange_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdRange_Type)

/* range(start, stop, step) from exact ints (borrowed; step must not be
 * zero: ValueError "range() arg 3 must not be zero"). New ref or NULL. */
AdObject *AdRange_New(AdObject *start, AdObject *stop, AdObject *step);
/* range(start, stop, step) from machine words. New ref or NULL. */
AdObject *AdRange_FromInt64(int64_t start, int64_t stop, int64_t step);

/* builtins.iter (borrowed), set by the builtins module when it is made:
 * the iterators' __reduce__ returns it. NULL before. */
extern AdObject *AdRange_BuiltinIter;

/* Private to range.c and rangeiter.c: an iterator over start, start+step,
 * ... (len values); the 64-bit form when everything fits. New refs. */
AdObject *objects_range_iter_new(AdObject *start, AdObject *step, AdObject *len);
#endif
