/* strlist.c: the owned string list used by the configuration. */
#include "runtime/strlist.h"
#include <stdlib.h>
#include <string.h>

static int strlist_reserve(AdStrList *list, size_t need)
{
    if (need <= list->cap)
        return 0;
    size_t cap = list->cap ? list->cap * 2 : 8;
    while (cap < need)
        cap *= 2;
    char **items = realloc(list->items, cap * sizeof *items);
    if (!items)
        return -1;
    list->items = items;
    list->cap = cap;
    return 0;
}

int AdStrList_Insert(AdStrList *list, size_t i, const char *s)
{
    if (i > list->len || strlist_reserve(list, list->len + 1) < 0)
        return -1;
    char *copy = strdup(s);
    if (!copy)
        return -1;
    memmove(list->items + i + 1, list->items + i, (list->len - i) * sizeof *list->items);
    list->items[i] = copy;
    list->len++;
    return 0;
}

int AdStrList_Append(AdStrList *list, const char *s)
{
    return AdStrList_Insert(list, list->len, s);
}

int AdStrList_AppendN(AdStrList *list, const char *s, size_t n)
{
    char *copy = strndup(s, n);
    if (!copy)
        return -1;
    int rc = AdStrList_Append(list, copy);
    free(copy);
    return rc;
}

void AdStrList_Clear(AdStrList *list)
{
    for (size_t i = 0; i < list->len; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->len = list->cap = 0;
}

int AdStrList_Copy(AdStrList *dst, const AdStrList *src)
{
    AdStrList_Clear(dst);
    for (size_t i = 0; i < src->len; i++) {
        if (AdStrList_Append(dst, src->items[i]) < 0) {
            AdStrList_Clear(dst);
            return -1;
        }
    }
    return 0;
}
