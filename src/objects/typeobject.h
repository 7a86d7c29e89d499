/* typeobject.h: `type` and `object`, and what makes a type usable:
 * readying a static type (bases, C3 MRO, inherited slots, a dict filled
 * from its methods, members and getsets, slot wrappers such as __add__),
 * attribute lookup along the MRO with a version-tagged cache, instance
 * allocation, and creating classes (type(name, bases, dict)) whose slots
 * call the special methods they define. */
#ifndef ADDER_OBJECTS_TYPEOBJECT_H
#define ADDER_OBJECTS_TYPEOBJECT_H

#include "objects/object.h"

extern AdTypeObject AdType_Type;        /* type */
extern AdTypeObject AdBaseObject_Type;  /* object */
extern AdTypeObject AdSuper_Type;       /* super */

#define AdType_Check(o) AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_TYPE_SUBCLASS)
#define AdType_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdType_Type)

/* Readies a static type once: fills tp_base (object), tp_bases, tp_mro,
 * tp_dict, inherits slots and flags. 0, or -1 with an exception. Must be
 * called on every static type before use (core init does it in order). */
int AdType_Ready(AdTypeObject *type);

/* The attribute name found along type's MRO (borrowed) or NULL, with no
 * exception set (lookup errors are swallowed, as _PyType_Lookup does). */
AdObject *AdType_Lookup(AdTypeObject *type, AdObject *name);
/* When calling type only allocates an instance (tp_alloc) and runs a plain
 * Python __init__ on it (the metatype's __call__ and the type's __new__
 * are the inherited ones, __init__ is a function that is not a generator
 * or coroutine), that function (borrowed); else NULL, without an error.
 * The evaluation loop then runs __init__ as an ordinary frame. */
AdObject *AdType_PlainInit(AdTypeObject *type);
/* The lookup cache is off until main initialization is done (and again
 * after finalization): start-up looks each name up once. */
void AdType_EnableMethodCache(int on);
/* The same for a C string name, for slot implementations. */
AdObject *AdType_LookupString(AdTypeObject *type, const char *name);

/* The type's tp_name ("int", "sys.flags", "C"): what CPython's error
 * messages show. Borrowed from the type. */
const char *AdType_Name(AdTypeObject *type);
/* The part after the last dot ("flags"): type.__name__ of native types,
 * and what exception reprs and descriptor qualnames use. */
const char *AdType_ShortName(AdTypeObject *type);

/* Generic tp_alloc: zero-filled instance with ob_size items, GC-tracked if
 * the type is a GC type. New ref or NULL. */
AdObject *AdType_GenericAlloc(AdTypeObject *type, Ad_ssize_t nitems);
/* Generic tp_new: type->tp_alloc(type, 0). */
AdObject *AdType_GenericNew(AdTypeObject *type, AdObject *args, AdObject *kwargs);

/* Invalidates cached lookups on type and its subclasses (its dict changed). */
void AdType_Modified(AdTypeObject *type);

/* type(name, bases, dict) with metaclass meta; what class statements end in. */
AdObject *AdType_FromSpecDict(AdTypeObject *meta, AdObject *name, AdObject *bases, AdObject *dict,
                              AdObject *kwds);

/* Special-method lookup on the type (not the instance), binding it to obj:
 * returns a new ref, or NULL with no exception if absent, or NULL with an
 * exception. Used for __enter__, __exit__, __len__ and friends. */
AdObject *AdObject_LookupSpecial(AdObject *obj, AdObject *name);

/* The layout of classes made in Python (heap types): the type object with
 * its own protocol tables, names and __slots__; its items are the member
 * definitions of the __slots__ descriptors. */
typedef struct {
    AdTypeObject ht_type;
    AdAsyncMethods as_async;
    AdNumberMethods as_number;
    AdMappingMethods as_mapping;
    AdSequenceMethods as_sequence;
    AdBufferProcs as_buffer;
    AdObject *ht_name;          /* __name__ (str) */
    AdObject *ht_qualname;      /* __qualname__ (str) */
    AdObject *ht_slots;         /* __slots__ as given (tuple) or NULL */
    AdObject *ht_module;        /* for types made from C specs; NULL otherwise */
    char *ht_tpname;            /* storage of tp_name */
} AdHeapTypeObject;

/* tp_hash of types that compare but must not be hashed (__hash__ = None). */
Ad_hash_t AdObject_HashNotImplemented(AdObject *self);

/* The type of Python functions, set by the function room when it starts
 * (NULL before: no Python function can exist then). Classes turn a plain
 * function __new__ into a staticmethod, __init_subclass__ and
 * __class_getitem__ into classmethods. */
extern AdTypeObject *ad_function_type;

/* staticmethod(f) and classmethod(f) (funcdescr.c). New refs. */
extern AdTypeObject AdStaticMethod_Type, AdClassMethod_Type, AdProperty_Type;
AdObject *AdStaticMethod_New(AdObject *callable);
AdObject *AdClassMethod_New(AdObject *callable);

/* Internal to the type machinery (type.c, typeobj.c, typeclass.c). */
AdObject *ad_type_new(AdTypeObject *meta, AdObject *args, AdObject *kwds);
int ad_type_init(AdObject *self, AdObject *args, AdObject *kwds);
void ad_type_dealloc(AdObject *self);
/* Takes a heap type out of its base's subclass list, which refers to heap
 * types without owning them (type.c). */
int ad_type_clear(AdObject *self);
AdObject *ad_type_compute_mro(AdTypeObject *type);
int ad_type_update_slot(AdTypeObject *type, AdObject *name);
/* Takes the entries of subclasses that died out of base->tp_subclasses. */
void ad_type_drop_dead_subclasses(AdTypeObject *base);
AdObject *ad_heaptype_name(AdTypeObject *type);       /* borrowed */
AdObject *ad_heaptype_qualname(AdTypeObject *type);   /* borrowed */
int ad_type_set_name(AdObject *self, AdObject *value, void *closure);
int ad_type_set_qualname(AdObject *self, AdObject *value, void *closure);
int ad_type_set_module(AdObject *self, AdObject *value, void *closure);
int ad_type_set_doc(AdObject *self, AdObject *value, void *closure);

#endif
