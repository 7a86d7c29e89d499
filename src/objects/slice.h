/* slice.h: slice objects (start, stop, step) and the arithmetic that turns
 * them into indices for a sequence of a given length. */
#ifndef ADDER_OBJECTS_SLICE_H
#define ADDER_OBJECTS_SLICE_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdObject *start, *stop, *step;      /* never NULL: None when absent */
} AdSliceObject;

extern AdTypeObject AdSlice_Type;
#define AdSlice_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdSlice_Type)

/* slice(start, stop, step); NULL arguments mean None. New ref. */
AdObject *AdSlice_New(AdObject *start, AdObject *stop, AdObject *step);
/* None -> defaults, values clamped to the Ad_ssize_t range; -1 with
 * ValueError "slice step cannot be zero" or TypeError for non-indices. */
int AdSlice_Unpack(AdObject *slice, Ad_ssize_t *start, Ad_ssize_t *stop, Ad_ssize_t *step);
/* Adjusts unpacked values to a sequence of length; returns the slice length. */
Ad_ssize_t AdSlice_AdjustIndices(Ad_ssize_t length, Ad_ssize_t *start, Ad_ssize_t *stop, Ad_ssize_t step);
#endif
