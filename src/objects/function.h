/* function.h: Python function objects (the `function` type): a code object
 * with its globals, builtins, defaults, closure and the attributes Python
 * code reads (__name__, __qualname__, __module__, __doc__, __defaults__,
 * __kwdefaults__, __closure__, __dict__, __annotations__ / __annotate__
 * with PEP 649/749 semantics, __type_params__). Calling one binds the
 * arguments into a frame on the thread's frame stack (vm/call.c) and runs
 * it; binding a function to an instance gives a bound method. */
#ifndef ADDER_OBJECTS_FUNCTION_H
#define ADDER_OBJECTS_FUNCTION_H
#include <stdint.h>
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdObject *func_globals;     /* dict */
    AdObject *func_builtins;    /* dict */
    AdObject *func_name;        /* str */
    AdObject *func_qualname;    /* str */
    AdObject *func_code;        /* code object */
    AdObject *func_defaults;    /* tuple or NULL */
    AdObject *func_kwdefaults;  /* dict or NULL */
    AdObject *func_closure;     /* tuple of cells or NULL */
    AdObject *func_doc;         /* any object (None when absent) */
    AdObject *func_dict;        /* __dict__ or NULL until needed */
    AdObject *func_weakreflist;
    AdObject *func_module;      /* __module__ */
    AdObject *func_annotations; /* dict or NULL (computed from __annotate__) */
    AdObject *func_annotate;    /* callable or NULL */
    AdObject *func_typeparams;  /* tuple or NULL */
    vectorcallfunc vectorcall;
    uint32_t func_version;
} AdFunctionObject;

extern AdTypeObject AdFunction_Type;
#define AdFunction_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdFunction_Type)
#define AdFunction_GET_CODE(f) (((AdFunctionObject *)(f))->func_code)
#define AdFunction_GET_GLOBALS(f) (((AdFunctionObject *)(f))->func_globals)

/* A function for code (a code object) in globals (a dict); __qualname__
 * from qualname when non-NULL, else the code's co_qualname. __builtins__
 * is found from globals["__builtins__"] (a module or a dict) or is the
 * current builtins. New ref or NULL. */
AdObject *AdFunction_NewWithQualName(AdObject *code, AdObject *globals, AdObject *qualname);
AdObject *AdFunction_New(AdObject *code, AdObject *globals);

/* Setters used by MAKE_FUNCTION/SET_FUNCTION_ATTRIBUTE (take new refs).
 * defaults: tuple or None; kwdefaults: dict or None; closure: tuple. */
int AdFunction_SetDefaults(AdObject *func, AdObject *defaults);
int AdFunction_SetKwDefaults(AdObject *func, AdObject *kwdefaults);
int AdFunction_SetClosure(AdObject *func, AdObject *closure);
int AdFunction_SetAnnotations(AdObject *func, AdObject *annotations);
int AdFunction_SetAnnotate(AdObject *func, AdObject *annotate);
int AdFunction_SetTypeParams(AdObject *func, AdObject *params);

/* "qualname()" or "module.qualname()" as CPython's messages name a
 * callable (argument-unpacking errors). New ref. */
AdObject *AdObject_FunctionStr(AdObject *callable);

/* Registers the type (sets ad_function_type); called by ad_objects_init. */
int ad_function_init(void);
#endif
