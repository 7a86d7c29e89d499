/* fastcmp.h: comparisons of two objects of the same exact built-in type
 * that can be told without rich comparison (no Python code can run and
 * nothing can fail): exact ints that fit in 64 bits, exact floats, exact
 * strs. Used by tuple comparison and list.sort(); anything else answers
 * FASTCMP_UNKNOWN and the caller takes the general path. Private to the
 * objects room. */
#ifndef ADDER_OBJECTS_FASTCMP_H
#define ADDER_OBJECTS_FASTCMP_H
#include <stdint.h>
#include <string.h>
#include "objects/object.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/str.h"

#define FASTCMP_UNKNOWN (-2)

/* 1 when the exact int o fits in an int64 (*v set), else 0. */
static inline int fastcmp_int_value(AdObject *o, int64_t *v)
{
    Ad_ssize_t n = AD_SIZE(o);
    if (n == 0) {
        *v = 0;
        return 1;
    }
    if (n != 1 && n != -1)
        return 0;
    uint64_t m = ((AdIntObject *)o)->limbs[0];
    if (m > (uint64_t)INT64_MAX)
        return 0;
    *v = n > 0 ? (int64_t)m : -(int64_t)m;
    return 1;
}

/* a == b as rich comparison (with its identity test) would say it: 1, 0,
 * or FASTCMP_UNKNOWN. */
static inline int fastcmp_eq(AdObject *a, AdObject *b)
{
    if (a == b)
        return 1;
    AdTypeObject *t = AD_TYPE(a);
    if (t != AD_TYPE(b))
        return FASTCMP_UNKNOWN;
    if (t == &AdInt_Type) {
        Ad_ssize_t n = AD_SIZE(a);
        if (n != AD_SIZE(b))
            return 0;
        if (n == 1 || n == -1)
            return ((AdIntObject *)a)->limbs[0] == ((AdIntObject *)b)->limbs[0];
        return n == 0 ? 1 : FASTCMP_UNKNOWN;
    }
    if (t == &AdStr_Type)
        return AdStr_Equal(a, b);
    if (t == &AdFloat_Type)
        return AdFloat_AS_DOUBLE(a) == AdFloat_AS_DOUBLE(b);
    return FASTCMP_UNKNOWN;
}

/* a < b: 1, 0, or FASTCMP_UNKNOWN. */
static inline int fastcmp_lt(AdObject *a, AdObject *b)
{
    AdTypeObject *t = AD_TYPE(a);
    if (t != AD_TYPE(b))
        return FASTCMP_UNKNOWN;
    if (t == &AdInt_Type) {
        int64_t x, y;
        if (fastcmp_int_value(a, &x) && fastcmp_int_value(b, &y))
            return x < y;
        return FASTCMP_UNKNOWN;
    }
    if (t == &AdStr_Type)
        return AdStr_Compare(a, b) < 0;
    if (t == &AdFloat_Type)
        return AdFloat_AS_DOUBLE(a) < AdFloat_AS_DOUBLE(b);
    return FASTCMP_UNKNOWN;
}

/* Three-way: -1, 0, 1, 2 when unordered (a NaN), or FASTCMP_UNKNOWN. Equal
 * means equal values (the caller decides what identity means). */
static inline int fastcmp_cmp(AdObject *a, AdObject *b)
{
    AdTypeObject *t = AD_TYPE(a);
    if (t != AD_TYPE(b))
        return FASTCMP_UNKNOWN;
    if (t == &AdInt_Type) {
        int64_t x, y;
        if (fastcmp_int_value(a, &x) && fastcmp_int_value(b, &y))
            return (x > y) - (x < y);
        return FASTCMP_UNKNOWN;
    }
    if (t == &AdStr_Type) {
        int c = AdStr_Compare(a, b);
        return (c > 0) - (c < 0);
    }
    if (t == &AdFloat_Type) {
        double x = AdFloat_AS_DOUBLE(a), y = AdFloat_AS_DOUBLE(b);
        return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
    }
    return FASTCMP_UNKNOWN;
}
#endif
