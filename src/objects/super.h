/* super.h: the super type (AdSuper_Type, declared in typeobject.h):
 * super(type, obj), super(type, type2), unbound super(type), and the
 * zero-argument form (AdEval_GetSuperArgs of vm/ceval.h). Also the
 * lookup LOAD_SUPER_ATTR needs without making a super object. */
#ifndef ADDER_OBJECTS_SUPER_H
#define ADDER_OBJECTS_SUPER_H
#include "objects/object.h"

/* super(type, obj): obj may be NULL (unbound). New ref or NULL. */
AdObject *AdSuper_New(AdTypeObject *type, AdObject *obj);

/* getattr(super(type, obj), name) without the super object: looks name up
 * along type(obj)'s MRO (or obj's own when obj is a subtype of type) after
 * type. When method is not NULL and the attribute found is a plain
 * function or method descriptor, it is returned unbound and *method is set
 * to 1 (the caller passes obj as the first argument), else *method is 0.
 * New ref, or NULL with AttributeError/TypeError. */
AdObject *AdSuper_GetAttr(AdTypeObject *type, AdObject *obj, AdObject *name, int *method);

#endif
