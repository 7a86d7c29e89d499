/* descr.h: the descriptors that expose native code to Python: method
 * descriptors (a type's tp_methods), builtin functions and bound builtin
 * methods (builtin_function_or_method), class-method descriptors, member
 * descriptors (tp_members), getset descriptors (tp_getset), slot wrappers
 * (wrapper_descriptor: int.__add__ and friends) with their bound form
 * (method-wrapper), and mappingproxy (type.__dict__). */
#ifndef ADDER_OBJECTS_DESCR_H
#define ADDER_OBJECTS_DESCR_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdTypeObject *d_type;       /* the class that defines it */
    AdObject *d_name;           /* str */
    AdObject *d_qualname;       /* str or NULL until asked */
} AdDescrObject;

typedef struct {
    AdDescrObject common;
    AdMethodDef *d_method;
    vectorcallfunc vectorcall;
} AdMethodDescrObject;

typedef struct {
    AdDescrObject common;
    AdMemberDef *d_member;
} AdMemberDescrObject;

typedef struct {
    AdDescrObject common;
    AdGetSetDef *d_getset;
} AdGetSetDescrObject;

/* A slot wrapper: which slot, and the C function that calls it. */
typedef AdObject *(*AdWrapperFunc)(AdObject *self, AdObject *args, void *wrapped);
typedef AdObject *(*AdWrapperFuncKw)(AdObject *self, AdObject *args, void *wrapped, AdObject *kwds);

typedef struct AdSlotDef {
    const char *name;
    int offset;                 /* of the slot function in the type/sub-tables */
    void *function;             /* the slot_* function a class with this method gets */
    AdWrapperFunc wrapper;      /* calls the native slot */
    const char *doc;
    int flags;                  /* AD_WRAPPER_FLAG_KEYWORDS: wrapper is AdWrapperFuncKw */
    AdObject *name_strobj;      /* interned name, set at start-up */
} AdSlotDef;
#define AD_WRAPPER_FLAG_KEYWORDS 1

typedef struct {
    AdDescrObject common;
    const AdSlotDef *d_base;
    void *d_wrapped;            /* the native slot function */
} AdWrapperDescrObject;

/* builtin_function_or_method: a C function bound to self (a module for
 * module-level functions, an instance for bound methods). */
typedef struct {
    AdObject_HEAD;
    AdMethodDef *m_ml;
    AdObject *m_self;           /* NULL for unbound static functions */
    AdObject *m_module;         /* __module__ */
    vectorcallfunc vectorcall;
    AdObject *m_weakreflist;     /* objects/weakref.h */
} AdCFunctionObject;

extern AdTypeObject AdMethodDescr_Type, AdClassMethodDescr_Type, AdMemberDescr_Type,
    AdGetSetDescr_Type, AdWrapperDescr_Type, AdMethodWrapper_Type, AdCFunction_Type,
    AdDictProxy_Type;

#define AdCFunction_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdCFunction_Type)

/* Constructors (new refs). */
AdObject *AdDescr_NewMethod(AdTypeObject *type, AdMethodDef *def);
AdObject *AdDescr_NewClassMethod(AdTypeObject *type, AdMethodDef *def);
AdObject *AdDescr_NewMember(AdTypeObject *type, AdMemberDef *def);
AdObject *AdDescr_NewGetSet(AdTypeObject *type, AdGetSetDef *def);
AdObject *AdDescr_NewWrapper(AdTypeObject *type, const AdSlotDef *base, void *wrapped);
/* A builtin function: def bound to self, with __module__ module. */
AdObject *AdCFunction_NewEx(AdMethodDef *def, AdObject *self, AdObject *module);
/* mappingproxy(mapping). */
AdObject *AdDictProxy_New(AdObject *mapping);

/* Calls a native method definition with vectorcall arguments (shared by
 * method descriptors and builtin functions): checks the argument count
 * that the calling convention allows and raises CPython's messages
 * ("len() takes exactly one argument (2 given)", "f() takes no keyword
 * arguments", ...). */
AdObject *ad_call_methoddef(AdMethodDef *def, AdObject *self, AdObject *const *args,
                            size_t nargsf, AdObject *kwnames);

/* The calling conventions that take vectorcall arguments as they are: O
 * with one argument, NOARGS with none, FASTCALL (with or without
 * KEYWORDS, no keywords given). Calls def's C function and returns 1 with
 * *res (NULL with an exception) when def and n fit one of them, else 0
 * without calling: the caller takes the checked path (ad_call_methoddef).
 * No recursion accounting: the caller does it. */
static inline int ad_methoddef_call_direct(AdMethodDef *def, AdObject *self, AdObject *const *args,
                                           Ad_ssize_t n, AdObject **res)
{
    void (*fn)(void) = (void (*)(void))def->ml_meth;
    switch (def->ml_flags & ~(AD_METH_CLASS | AD_METH_STATIC | AD_METH_COEXIST)) {
    case AD_METH_O:
        if (n != 1)
            return 0;
        *res = ((AdCFunction)fn)(self, args[0]);
        return 1;
    case AD_METH_NOARGS:
        if (n != 0)
            return 0;
        *res = ((AdCFunction)fn)(self, NULL);
        return 1;
    case AD_METH_FASTCALL:
        *res = ((AdCFunctionFast)fn)(self, args, n);
        return 1;
    case AD_METH_FASTCALL | AD_METH_KEYWORDS:
        *res = ((AdCFunctionFastKw)fn)(self, args, n, NULL);
        return 1;
    default:
        return 0;
    }
}

/* The function name for messages: "name" or "Type.name". */
#endif

#ifndef ADDER_OBJECTS_DESCR_H_DOCSIG
#define ADDER_OBJECTS_DESCR_H_DOCSIG
/* Docstrings with a leading "name(args)\n--\n\n" block (docsig.c), name
 * being the function's or type's name (dotted names use the last part):
 * __doc__ without the block (None when nothing follows it, or doc is
 * NULL), and __text_signature__ ("(args)", or None without a block).
 * New refs, NULL with an exception on allocation failure. */
AdObject *AdDoc_WithoutSignature(const char *name, const char *doc);
AdObject *AdDoc_TextSignature(const char *name, const char *doc);
#endif
