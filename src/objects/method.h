/* method.h: bound methods (the `method` type): a callable and the instance
 * it is bound to; calling it prepends the instance to the arguments. */
#ifndef ADDER_OBJECTS_METHOD_H
#define ADDER_OBJECTS_METHOD_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdObject *im_func;
    AdObject *im_self;
    vectorcallfunc vectorcall;
    AdObject *im_weakreflist;    /* objects/weakref.h */
} AdMethodObject;

extern AdTypeObject AdMethod_Type;
#define AdMethod_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdMethod_Type)
#define AdMethod_GET_FUNCTION(o) (((AdMethodObject *)(o))->im_func)
#define AdMethod_GET_SELF(o) (((AdMethodObject *)(o))->im_self)
AdObject *AdMethod_New(AdObject *func, AdObject *self);   /* new ref */
#endif
