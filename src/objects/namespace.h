/* namespace.h: types.SimpleNamespace, an object whose attributes live in
 * its __dict__: SimpleNamespace(mapping_or_iterable=(), /, **kwargs),
 * repr "namespace(a=1, b='x')" (the class name for subclasses), equality
 * by __dict__ between instances, __reduce__ and __replace__. sys.implementation
 * is one. */
#ifndef ADDER_OBJECTS_NAMESPACE_H
#define ADDER_OBJECTS_NAMESPACE_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdObject *ns_dict;          /* __dict__ (always a dict) */
} AdNamespaceObject;

extern AdTypeObject AdNamespace_Type;

/* A namespace whose attributes are the items of kwds (a dict with str
 * keys, copied; NULL: none). New ref or NULL. */
AdObject *AdNamespace_New(AdObject *kwds);

#endif
