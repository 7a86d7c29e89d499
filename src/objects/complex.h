/* complex.h: complex, a pair of doubles. */
#ifndef ADDER_OBJECTS_COMPLEX_H
#define ADDER_OBJECTS_COMPLEX_H
#include "objects/object.h"

typedef struct {
    double real;
    double imag;
} AdComplex;

typedef struct {
    AdObject_HEAD;
    AdComplex cval;
} AdComplexObject;

extern AdTypeObject AdComplex_Type;
#define AdComplex_Check(o) AdObject_TypeCheck((AdObject *)(o), &AdComplex_Type)
#define AdComplex_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdComplex_Type)

/* New refs or NULL. */
AdObject *AdComplex_FromCComplex(AdComplex c);
AdObject *AdComplex_FromDoubles(double real, double imag);
double AdComplex_RealAsDouble(AdObject *o);     /* __float__ rules for non-complex */
double AdComplex_ImagAsDouble(AdObject *o);
/* o as a C complex: complex, __complex__, __float__ or __index__. 0 or -1. */
int AdComplex_AsCComplex(AdObject *o, AdComplex *out);
#endif
