/* module.h: the module type (types.ModuleType): a namespace dict with
 * __name__, __doc__, __package__, __loader__ and __spec__; attribute
 * lookup falls back to a module-level __getattr__ (PEP 562) and then to
 * AttributeError "module 'x' has no attribute 'y'" with name and obj set;
 * dir() uses a module-level __dir__; repr follows importlib's rules
 * ("<module 'x'>", "<module 'x' from 'path'>", "<module 'x' (built-in)>").
 * Also the helpers that native modules use to fill themselves. */
#ifndef ADDER_OBJECTS_MODULE_H
#define ADDER_OBJECTS_MODULE_H
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    AdObject *md_dict;          /* the namespace (a dict), never NULL once made */
    AdObject *md_name;          /* __name__ as created (str) or NULL; for messages only */
    void *md_state;             /* native modules' private state (freed with free()) or NULL */
    AdObject *md_weaklist;
} AdModuleObject;

extern AdTypeObject AdModule_Type;
#define AdModule_Check(o) AdObject_TypeCheck((o), &AdModule_Type)
#define AdModule_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdModule_Type)

/* A new module named name (str) whose dict holds __name__, and __doc__,
 * __package__, __loader__, __spec__ set to None. New ref or NULL. */
AdObject *AdModule_NewObject(AdObject *name);
AdObject *AdModule_New(const char *name);
/* The module's namespace (borrowed; never fails for a module). */
AdObject *AdModule_GetDict(AdObject *m);
/* __name__ from the dict (new ref); SystemError "nameless module" if absent. */
AdObject *AdModule_GetNameObject(AdObject *m);
/* __file__ from the dict (new ref); SystemError "module filename missing". */
AdObject *AdModule_GetFilenameObject(AdObject *m);

/* Adds builtin functions (AdCFunction objects bound to m, __module__ set
 * to m's name) for each definition up to the {NULL} terminator. 0 or -1. */
int AdModule_AddFunctions(AdObject *m, AdMethodDef *defs);
/* m.name = value (a new reference is taken; value NULL: fails, passing on
 * the caller's exception, so results of constructors can be given as is). */
int AdModule_AddObjectRef(AdObject *m, const char *name, AdObject *value);
/* Like AddObjectRef but steals value (also on failure). */
int AdModule_Add(AdObject *m, const char *name, AdObject *value);
int AdModule_AddIntConstant(AdObject *m, const char *name, int64_t value);
int AdModule_AddStringConstant(AdObject *m, const char *name, const char *value);
/* m.__doc__ = doc. */
int AdModule_SetDocString(AdObject *m, const char *doc);

/* The import system may refine the AttributeError of a missing module
 * attribute (3.14's "partially initialized module ... (most likely due to
 * a circular import)" and "(consider renaming ...)" texts): when set, it
 * is called instead of raising the plain message, with the module and the
 * name, and must raise and return NULL. */
extern AdObject *(*AdModule_MissingAttributeHook)(AdObject *m, AdObject *name);

/* module.__getattribute__ without the __getattr__ fallback's error (for
 * the import system's "from m import x"): 1 found (*result new ref), 0
 * absent (no exception), -1 error. */
int AdModule_GetOptionalAttr(AdObject *m, AdObject *name, AdObject **result);
#endif
