/* object.h: the object model's core contract. Every value is an AdObject *
 * with a reference count and a type; a type is an AdTypeObject whose slots
 * (tp_*) carry its behaviour, as CPython's do, so that special-method
 * lookup, the number/sequence/mapping protocols and descriptors behave as
 * the specification says. Singletons and static types are immortal: their
 * counts are never written.
 *
 * Conventions (DESIGN.md): a function that fails returns NULL or -1 with an
 * exception set on the current thread state (objects/errors.h). Each
 * function's comment says whether it returns a new reference ("new ref") or
 * a borrowed one, and which arguments it steals. */
#ifndef ADDER_OBJECTS_OBJECT_H
#define ADDER_OBJECTS_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef ssize_t Ad_ssize_t;
typedef int64_t Ad_hash_t;     /* sys.hash_info.width == 64 */

typedef struct AdObject AdObject;
typedef struct AdTypeObject AdTypeObject;

/* A count at or above this marks an immortal object; it is never changed. */
#define AD_IMMORTAL_REFCNT ((Ad_ssize_t)1 << 60)

struct AdObject {
    Ad_ssize_t ob_refcnt;
    AdTypeObject *ob_type;
};

/* Objects with a variable number of items (int digits, tuple slots, ...). */
typedef struct {
    AdObject ob_base;
    Ad_ssize_t ob_size;
} AdVarObject;

#define AdObject_HEAD AdObject ob_base
#define AdObject_VAR_HEAD AdVarObject ob_base
#define AD_TYPE(o) (((AdObject *)(o))->ob_type)
#define AD_SIZE(o) (((AdVarObject *)(o))->ob_size)
#define AD_REFCNT(o) (((AdObject *)(o))->ob_refcnt)

/* Initialiser for a statically allocated, immortal object of type T. */
#define AD_STATIC_OBJECT_INIT(T) { AD_IMMORTAL_REFCNT, (T) }
#define AD_STATIC_VAR_INIT(T, size) { AD_STATIC_OBJECT_INIT(T), (size) }

/* The reference-count helpers are inlined everywhere, also into the
 * evaluation loop, whose size would otherwise make the compiler keep
 * out-of-line copies. */
#define AD_ALWAYS_INLINE static inline __attribute__((always_inline))

/* Frees an object whose count reached zero (tp_dealloc). */
void Ad_Dealloc(AdObject *o);

/* Immortal objects start at AD_IMMORTAL_REFCNT; the test compares with a
 * 32-bit immediate, so a count that ever passes 2^31 saturates there (the
 * object is then kept forever instead of being freed: never too early). */
AD_ALWAYS_INLINE int Ad_IsImmortal(const AdObject *o) { return o->ob_refcnt > (Ad_ssize_t)0x7fffffff; }

AD_ALWAYS_INLINE void Ad_INCREF(AdObject *o)
{
    if (__builtin_expect(!Ad_IsImmortal(o), 1))
        o->ob_refcnt++;
}

AD_ALWAYS_INLINE void Ad_DECREF(AdObject *o)
{
    if (__builtin_expect(!Ad_IsImmortal(o), 1) && --o->ob_refcnt == 0)
        Ad_Dealloc(o);
}

AD_ALWAYS_INLINE void Ad_XINCREF(AdObject *o) { if (o) Ad_INCREF(o); }
AD_ALWAYS_INLINE void Ad_XDECREF(AdObject *o) { if (o) Ad_DECREF(o); }
AD_ALWAYS_INLINE AdObject *Ad_NewRef(AdObject *o) { Ad_INCREF(o); return o; }
AD_ALWAYS_INLINE AdObject *Ad_XNewRef(AdObject *o) { Ad_XINCREF(o); return o; }
/* Makes an object immortal (interned strings, statics made at start-up). */
static inline void Ad_SetImmortal(AdObject *o) { o->ob_refcnt = AD_IMMORTAL_REFCNT; }

#define AD_CLEAR(p) do { AdObject *tmp_ = (AdObject *)(p); if (tmp_) { (p) = NULL; Ad_DECREF(tmp_); } } while (0)
#define AD_SETREF(p, v) do { AdObject *tmp_ = (AdObject *)(p); (p) = (v); Ad_DECREF(tmp_); } while (0)
#define AD_XSETREF(p, v) do { AdObject *tmp_ = (AdObject *)(p); (p) = (v); Ad_XDECREF(tmp_); } while (0)

/* ---- slot signatures --------------------------------------------------- */

typedef AdObject *(*unaryfunc)(AdObject *);
typedef AdObject *(*binaryfunc)(AdObject *, AdObject *);
typedef AdObject *(*ternaryfunc)(AdObject *, AdObject *, AdObject *);
typedef int (*inquiry)(AdObject *);
typedef Ad_ssize_t (*lenfunc)(AdObject *);
typedef AdObject *(*ssizeargfunc)(AdObject *, Ad_ssize_t);
typedef int (*ssizeobjargproc)(AdObject *, Ad_ssize_t, AdObject *);
typedef int (*objobjargproc)(AdObject *, AdObject *, AdObject *);
typedef int (*objobjproc)(AdObject *, AdObject *);
typedef void (*destructor)(AdObject *);
typedef AdObject *(*reprfunc)(AdObject *);
typedef Ad_hash_t (*hashfunc)(AdObject *);
typedef AdObject *(*richcmpfunc)(AdObject *, AdObject *, int op);
typedef AdObject *(*getiterfunc)(AdObject *);
typedef AdObject *(*iternextfunc)(AdObject *);
typedef AdObject *(*getattrofunc)(AdObject *, AdObject *);
typedef int (*setattrofunc)(AdObject *, AdObject *, AdObject *);
typedef AdObject *(*descrgetfunc)(AdObject *, AdObject *, AdObject *);
typedef int (*descrsetfunc)(AdObject *, AdObject *, AdObject *);
typedef int (*initproc)(AdObject *, AdObject *, AdObject *);
typedef AdObject *(*newfunc)(AdTypeObject *, AdObject *, AdObject *);
typedef AdObject *(*allocfunc)(AdTypeObject *, Ad_ssize_t);
typedef void (*freefunc)(void *);
typedef int (*visitproc)(AdObject *, void *);
typedef int (*traverseproc)(AdObject *, visitproc, void *);
/* Vectorcall: args[0..nargs) positional, then one per name in kwnames (a
 * tuple of str or NULL). The AD_VECTORCALL_ARGUMENTS_OFFSET bit in nargsf
 * means args[-1] may be overwritten temporarily. Returns a new ref. */
typedef AdObject *(*vectorcallfunc)(AdObject *callable, AdObject *const *args,
                                     size_t nargsf, AdObject *kwnames);
#define AD_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
static inline Ad_ssize_t AdVectorcall_NARGS(size_t nargsf)
{
    return (Ad_ssize_t)(nargsf & ~AD_VECTORCALL_ARGUMENTS_OFFSET);
}

/* Rich comparison operators (the order of the compare opcodes). */
enum { AD_LT = 0, AD_LE = 1, AD_EQ = 2, AD_NE = 3, AD_GT = 4, AD_GE = 5 };

typedef struct {
    binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative, nb_positive, nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    unaryfunc nb_int, nb_float;
    binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
        nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and,
        nb_inplace_xor, nb_inplace_or;
    binaryfunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
        nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply, nb_inplace_matrix_multiply;
} AdNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    ssizeobjargproc sq_ass_item;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} AdSequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} AdMappingMethods;

typedef struct {
    unaryfunc am_await, am_aiter, am_anext;
} AdAsyncMethods;

/* The buffer protocol (memoryview, bytes-like arguments). */
typedef struct {
    void *buf;
    AdObject *obj;          /* owned reference to the exporter */
    Ad_ssize_t len, itemsize;
    int readonly, ndim;
    char *format;
    Ad_ssize_t *shape, *strides, *suboffsets;
    void *internal;
} AdBuffer;
typedef int (*getbufferproc)(AdObject *, AdBuffer *, int flags);
typedef void (*releasebufferproc)(AdObject *, AdBuffer *);
typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} AdBufferProcs;

/* Methods, members and getsets of native types (turned into descriptors in
 * the type's dict when the type is readied). */
typedef AdObject *(*AdCFunction)(AdObject *self, AdObject *arg);
typedef AdObject *(*AdCFunctionFast)(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);
typedef AdObject *(*AdCFunctionFastKw)(AdObject *self, AdObject *const *args,
                                       Ad_ssize_t nargs, AdObject *kwnames);
typedef AdObject *(*AdCFunctionVarKw)(AdObject *self, AdObject *args, AdObject *kwargs);

enum {
    AD_METH_NOARGS = 1 << 0,    /* f(self, NULL) */
    AD_METH_O = 1 << 1,         /* f(self, arg) */
    AD_METH_FASTCALL = 1 << 2,  /* AdCFunctionFast (+ AD_METH_KEYWORDS: FastKw) */
    AD_METH_KEYWORDS = 1 << 3,
    AD_METH_VARARGS = 1 << 4,   /* f(self, args tuple) (+ KEYWORDS: VarKw) */
    AD_METH_CLASS = 1 << 5,
    AD_METH_STATIC = 1 << 6,
    AD_METH_COEXIST = 1 << 7,
};

typedef struct {
    const char *ml_name;
    void (*ml_meth)(void);      /* cast to the kind that ml_flags says */
    int ml_flags;
    const char *ml_doc;
} AdMethodDef;

enum {                          /* AdMemberDef.type */
    AD_T_OBJECT, AD_T_OBJECT_EX, AD_T_INT, AD_T_SSIZE, AD_T_BOOL, AD_T_DOUBLE,
    AD_T_STRING, AD_T_UINT64,
};
enum { AD_READONLY = 1 };

typedef struct {
    const char *name;
    int type;
    Ad_ssize_t offset;
    int flags;
    const char *doc;
} AdMemberDef;

typedef AdObject *(*getter)(AdObject *, void *);
typedef int (*setter)(AdObject *, AdObject *, void *);
typedef struct {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
} AdGetSetDef;

/* tp_flags */
enum {
    AD_TPFLAGS_HEAPTYPE = 1UL << 9,         /* made by class statements */
    AD_TPFLAGS_BASETYPE = 1UL << 10,        /* can be subclassed */
    AD_TPFLAGS_HAVE_VECTORCALL = 1UL << 11,
    AD_TPFLAGS_READY = 1UL << 12,
    AD_TPFLAGS_READYING = 1UL << 13,
    AD_TPFLAGS_HAVE_GC = 1UL << 14,         /* instances are GC containers */
    AD_TPFLAGS_METHOD_DESCRIPTOR = 1UL << 17,
    AD_TPFLAGS_VALID_VERSION_TAG = 1UL << 19,
    AD_TPFLAGS_IS_ABSTRACT = 1UL << 20,
    AD_TPFLAGS_MATCH_SEQUENCE = 1UL << 5,
    AD_TPFLAGS_MATCH_MAPPING = 1UL << 6,
    AD_TPFLAGS_MANAGED_DICT = 1UL << 4,
    AD_TPFLAGS_IMMUTABLETYPE = 1UL << 8,
    /* Fast subclass checks: set on the type and inherited by subclasses. */
    AD_TPFLAGS_LONG_SUBCLASS = 1UL << 24,
    AD_TPFLAGS_LIST_SUBCLASS = 1UL << 25,
    AD_TPFLAGS_TUPLE_SUBCLASS = 1UL << 26,
    AD_TPFLAGS_BYTES_SUBCLASS = 1UL << 27,
    AD_TPFLAGS_UNICODE_SUBCLASS = 1UL << 28,
    AD_TPFLAGS_DICT_SUBCLASS = 1UL << 29,
    AD_TPFLAGS_BASE_EXC_SUBCLASS = 1UL << 30,
    AD_TPFLAGS_TYPE_SUBCLASS = 1UL << 31,
};

struct AdTypeObject {
    AdObject_VAR_HEAD;
    const char *tp_name;            /* "module.Name" for native types, "Name" for builtins */
    Ad_ssize_t tp_basicsize, tp_itemsize;
    destructor tp_dealloc;
    Ad_ssize_t tp_vectorcall_offset; /* where instances keep a vectorcallfunc, or 0 */
    AdAsyncMethods *tp_as_async;
    reprfunc tp_repr;
    AdNumberMethods *tp_as_number;
    AdSequenceMethods *tp_as_sequence;
    AdMappingMethods *tp_as_mapping;
    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    AdBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;
    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Ad_ssize_t tp_weaklistoffset;
    getiterfunc tp_iter;
    iternextfunc tp_iternext;
    AdMethodDef *tp_methods;
    AdMemberDef *tp_members;
    AdGetSetDef *tp_getset;
    AdTypeObject *tp_base;
    AdObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Ad_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    AdObject *tp_bases;             /* tuple */
    AdObject *tp_mro;               /* tuple */
    AdObject *tp_subclasses;        /* dict: id -> weakref */
    unsigned int tp_version_tag;    /* 0 = none; changes when the type's dict does */
    destructor tp_finalize;         /* __del__ (PEP 442) */
    vectorcallfunc tp_vectorcall;   /* calling the type itself */
    AdObject *tp_weaklist;          /* weak references to the type (objects/weakref.h) */
};

/* ---- core object protocol (objects/object.c) ---------------------------- */

/* Type checks. */
AD_ALWAYS_INLINE int Ad_IS_TYPE(const AdObject *o, const AdTypeObject *t) { return o->ob_type == t; }
AD_ALWAYS_INLINE int AdType_HasFeature(const AdTypeObject *t, unsigned long f) { return (t->tp_flags & f) != 0; }
/* 1 if a is b or a subclass of b (walks tp_mro). */
int AdType_IsSubtype(AdTypeObject *a, AdTypeObject *b);
#define AdObject_TypeCheck(o, t) (Ad_IS_TYPE((AdObject *)(o), (t)) || AdType_IsSubtype(AD_TYPE(o), (t)))

/* repr(o), str(o), ascii(o): new ref or NULL. */
AdObject *AdObject_Repr(AdObject *o);
AdObject *AdObject_Str(AdObject *o);
AdObject *AdObject_ASCII(AdObject *o);
/* hash(o); -1 with TypeError "unhashable type: 'T'" when it has none. */
Ad_hash_t AdObject_Hash(AdObject *o);
/* Rich comparison: new ref (any object) or NULL. */
AdObject *AdObject_RichCompare(AdObject *a, AdObject *b, int op);
/* Rich comparison as a C truth value: 1, 0, or -1 with an exception. Objects
 * that are identical are equal for EQ/NE (as CPython's containers assume). */
int AdObject_RichCompareBool(AdObject *a, AdObject *b, int op);
/* Truth value: 1, 0 or -1. */
int AdObject_IsTrue(AdObject *o);
/* getattr/setattr/delattr with a str name. */
AdObject *AdObject_GetAttr(AdObject *o, AdObject *name);
AdObject *AdObject_GetAttrString(AdObject *o, const char *name);
int AdObject_SetAttr(AdObject *o, AdObject *name, AdObject *value); /* value NULL: delete */
/* Like GetAttr but AttributeError -> returns 0 with *result NULL and no
 * exception; 1 with *result a new ref; -1 on other errors. */
int AdObject_GetOptionalAttr(AdObject *o, AdObject *name, AdObject **result);
/* object.__getattribute__ / __setattr__ semantics (descriptors, instance dict). */
AdObject *AdObject_GenericGetAttr(AdObject *o, AdObject *name);
int AdObject_GenericSetAttr(AdObject *o, AdObject *name, AdObject *value);
/* The address of an instance's __dict__ slot (tp_dictoffset), or NULL. */
AdObject **AdObject_GetDictPtr(AdObject *o);
/* The __dict__ getset of a type with tp_dictoffset: get makes the dict on
 * first use; set takes a dict (TypeError "__dict__ must be set to a
 * dictionary, not a 'T'", and "cannot delete __dict__"). AttributeError
 * "This object has no __dict__" without the slot. */
AdObject *AdObject_GenericGetDict(AdObject *self, void *closure);
int AdObject_GenericSetDict(AdObject *self, AdObject *value, void *closure);
/* Var-sized instances of classes keep their __dict__ and __weakref__
 * slots after their items: a negative tp_dictoffset/tp_weaklistoffset
 * counts back from this offset (the end of the items as allocated,
 * rounded up to pointer alignment). */
Ad_ssize_t AdObject_VarSlotsEnd(AdObject *o);
/* iter(o) and next(it): new ref; next returns NULL without an exception at the end. */
AdObject *AdObject_GetIter(AdObject *o);
AdObject *AdIter_Next(AdObject *it);
/* Calls: new ref or NULL. */
AdObject *AdObject_Call(AdObject *callable, AdObject *args, AdObject *kwargs);
AdObject *AdObject_Vectorcall(AdObject *callable, AdObject *const *args, size_t nargsf,
                              AdObject *kwnames);
/* tp_call of vectorcall types (so that they have __call__): calls through
 * the instance's vectorcall. */
AdObject *AdVectorcall_Call(AdObject *callable, AdObject *args, AdObject *kwargs);
AdObject *AdObject_CallNoArgs(AdObject *callable);
AdObject *AdObject_CallOneArg(AdObject *callable, AdObject *arg);
AdObject *AdObject_CallMethod(AdObject *obj, AdObject *name, AdObject *const *args, Ad_ssize_t nargs);

/* The singletons (objects/singletons.c): immortal, shared by all interpreters. */
extern AdObject _Ad_NoneStruct, _Ad_NotImplementedStruct, _Ad_EllipsisStruct;
extern AdTypeObject AdNone_Type, AdNotImplemented_Type, AdEllipsis_Type;
#define Ad_None (&_Ad_NoneStruct)
#define Ad_NotImplemented (&_Ad_NotImplementedStruct)
#define Ad_Ellipsis (&_Ad_EllipsisStruct)
#define Ad_RETURN_NONE return Ad_None
#define Ad_RETURN_NOTIMPLEMENTED return Ad_NotImplemented

#endif
