/* list.h: list, the mutable sequence: a growable array of references with
 * over-allocation, and a stable adaptive merge sort (runs, galloping) of
 * Adder's own. */
#ifndef ADDER_OBJECTS_LIST_H
#define ADDER_OBJECTS_LIST_H
#include "objects/object.h"

typedef struct {
    AdObject_VAR_HEAD;          /* ob_size: number of items */
    AdObject **items;
    Ad_ssize_t allocated;
} AdListObject;

extern AdTypeObject AdList_Type;
#define AdList_Check(o) AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_LIST_SUBCLASS)
#define AdList_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdList_Type)
#define AdList_GET_SIZE(o) AD_SIZE(o)
#define AdList_GET_ITEM(o, i) (((AdListObject *)(o))->items[i])         /* borrowed */
#define AdList_SET_ITEM(o, i, v) (((AdListObject *)(o))->items[i] = (v)) /* steals v */

/* A new list of n NULL slots (fill them all before use). New ref or NULL. */
AdObject *AdList_New(Ad_ssize_t n);
int AdList_Append(AdObject *list, AdObject *item);        /* takes a new ref to item */
int AdList_Insert(AdObject *list, Ad_ssize_t i, AdObject *item);
AdObject *AdList_GetItem(AdObject *list, Ad_ssize_t i);   /* borrowed; IndexError */
int AdList_SetItem(AdObject *list, Ad_ssize_t i, AdObject *item); /* steals item */
AdObject *AdList_GetSlice(AdObject *list, Ad_ssize_t lo, Ad_ssize_t hi);
int AdList_SetSlice(AdObject *list, Ad_ssize_t lo, Ad_ssize_t hi, AdObject *items); /* items NULL: delete */
int AdList_Extend(AdObject *list, AdObject *iterable);
int AdList_Sort(AdObject *list);                          /* list.sort() without key */
int AdList_Reverse(AdObject *list);
AdObject *AdList_AsTuple(AdObject *list);
/* list(iterable). */
AdObject *AdSequence_List(AdObject *iterable);

/* The list iterator types (list_iterator, list_reverseiterator). */
extern AdTypeObject AdListIter_Type, AdListRevIter_Type;

/* Private to the list files: sorts self in place, stably, comparing
 * key(item) (key NULL: the items) with <; reverse sorts descending, still
 * stably. ValueError "list modified during sort" if the list changed
 * meanwhile. 0, or -1 with an exception (the list then holds all its
 * items in some order). Implemented in listsort.c. */
int objects_list_sort(AdListObject *self, AdObject *key, int reverse);
#endif
