/* cell.h: cell objects, the boxes that hold variables shared between a
 * function and the functions nested in it (and __class__ for super()). */
#ifndef ADDER_OBJECTS_CELL_H
#define ADDER_OBJECTS_CELL_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdObject *ob_ref;           /* the content, or NULL when empty */
} AdCellObject;

extern AdTypeObject AdCell_Type;
#define AdCell_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdCell_Type)
#define AdCell_GET(o) (((AdCellObject *)(o))->ob_ref)           /* borrowed */

AdObject *AdCell_New(AdObject *content);        /* content may be NULL; new ref */
AdObject *AdCell_Get(AdObject *cell);           /* new ref or NULL (empty, no exception) */
int AdCell_Set(AdObject *cell, AdObject *value); /* value may be NULL; 0 */
#endif
