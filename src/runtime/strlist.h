/* strlist.h: AdStrList, a growable list of owned NUL-terminated strings
 * (argv, -W and -X options, search paths). */
#ifndef ADDER_RUNTIME_STRLIST_H
#define ADDER_RUNTIME_STRLIST_H
#include <stddef.h>

typedef struct {
    size_t len;
    size_t cap;
    char **items;
} AdStrList;

/* Appends a copy of s. Returns 0, or -1 when memory runs out (list unchanged). */
int AdStrList_Append(AdStrList *list, const char *s);
/* Appends a copy of the first n bytes of s. Returns 0 or -1 (no memory). */
int AdStrList_AppendN(AdStrList *list, const char *s, size_t n);
/* Inserts a copy of s at index i (0 <= i <= len). Returns 0 or -1. */
int AdStrList_Insert(AdStrList *list, size_t i, const char *s);
/* Replaces dst with a deep copy of src. Returns 0 or -1 (dst then empty). */
int AdStrList_Copy(AdStrList *dst, const AdStrList *src);
/* Frees every string and the array; the list is empty afterwards. */
void AdStrList_Clear(AdStrList *list);

#endif
