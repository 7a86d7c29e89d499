/* float.h: float, the IEEE 754 double. Instances are immutable and come
 * from a free list; arithmetic mixes with int exactly as Python does
 * (comparisons between floats and ints are exact; other operations convert
 * the int with correct rounding). */
#ifndef ADDER_OBJECTS_FLOAT_H
#define ADDER_OBJECTS_FLOAT_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    double ob_fval;
} AdFloatObject;

extern AdTypeObject AdFloat_Type;
#define AdFloat_Check(o) AdObject_TypeCheck((AdObject *)(o), &AdFloat_Type)
#define AdFloat_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdFloat_Type)
#define AdFloat_AS_DOUBLE(o) (((AdFloatObject *)(o))->ob_fval)

/* A new float (new ref) or NULL with MemoryError. */
AdObject *AdFloat_FromDouble(double v);
/* The value of a float, or of anything with __float__ (checked to return a
 * float) or __index__; -1.0 with an exception otherwise (TypeError "must be
 * real number, not T"). */
double AdFloat_AsDouble(AdObject *o);
/* float(o) as the float() constructor does it (str/bytes parsed, __float__,
 * __index__). New ref. */
AdObject *AdNumber_Float(AdObject *o);
/* float(str) for a str object (Unicode digits and spaces map to ASCII);
 * ValueError "could not convert string to float: '...'". New ref. */
AdObject *AdFloat_FromString(AdObject *s);
/* Exact comparison of a double with an int object: -1, 0, 1; NaN gives 2. */
int ad_float_compare_int(double x, AdObject *i);
/* Empties the free list (finalization). */
void ad_float_clear_freelist(void);
/* The free list itself (float.c), read by the inline helpers below so that
 * the evaluation loop makes and frees floats without a call. */
#define AD_FLOAT_FREELIST_MAX 100
extern AdFloatObject *ad_float_freelist[AD_FLOAT_FREELIST_MAX];
extern int ad_float_nfree;
/* A new float from the free list, or NULL when it is empty (no error set:
 * the caller falls back to AdFloat_FromDouble). */
__attribute__((always_inline)) static inline AdObject *ad_float_from_freelist(double v)
{
    if (ad_float_nfree == 0)
        return NULL;
    AdFloatObject *o = ad_float_freelist[--ad_float_nfree];
    o->ob_base.ob_refcnt = 1;
    o->ob_fval = v;
    return (AdObject *)o;
}
/* Frees an exact float whose count reached zero (ad_float_dealloc inline). */
__attribute__((always_inline)) static inline void ad_float_release(AdObject *o)
{
    if (ad_float_nfree < AD_FLOAT_FREELIST_MAX)
        ad_float_freelist[ad_float_nfree++] = (AdFloatObject *)o;
    else
        Ad_Dealloc(o);
}
/* Shared by float*.c and complex*.c (not a public API). */
extern AdNumberMethods ad_float_as_number;
void ad_float_dealloc(AdObject *o);
AdObject *ad_float_richcompare(AdObject *a, AdObject *b, int op);
Ad_hash_t ad_float_hash(AdObject *a);
AdObject *ad_float_repr(AdObject *a);
AdObject *ad_float_trunc(AdObject *a);
/* The identity hash CPython gives NaNs (the address rotated by 4 bits). */
Ad_hash_t ad_hash_pointer(const void *p);
#endif
