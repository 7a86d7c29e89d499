/* import.h: the import system's public API (the first piece: modules
 * already in sys.modules and the builtin (native) modules of the registry;
 * the path-based system plugs in later through AdImport_FindAndLoadHook).
 *
 * All functions follow the NULL/-1 + exception convention and return new
 * references unless stated otherwise. */
#ifndef ADDER_IMPORT_IMPORT_H
#define ADDER_IMPORT_IMPORT_H
#include "objects/object.h"

/* __import__(name, globals, locals, fromlist, level) with CPython's
 * contract: relative names (level > 0) resolved from __package__,
 * __spec__.parent or __name__/__path__ of globals; sys.modules first (a
 * None entry raises ModuleNotFoundError "import of x halted; None in
 * sys.modules"); parents imported before children and the child bound on
 * its parent; returns the top package when fromlist is empty, else the
 * module itself (submodules named in fromlist imported when it is a
 * package). globals, locals, fromlist may be NULL. */
AdObject *AdImport_ImportModuleLevelObject(AdObject *name, AdObject *globals, AdObject *locals,
                                           AdObject *fromlist, int level);
/* import name (absolute, dotted allowed); returns the named (leaf) module. */
AdObject *AdImport_ImportModule(const char *name);
/* sys.modules[name] (new ref), or NULL without exception when absent. */
AdObject *AdImport_GetModule(AdObject *name);

/* The builtin-module registry: the names, NULL-terminated, in table order
 * (static storage; sys.builtin_module_names is built from it). */
const char *const *AdImport_BuiltinNames(void);
/* 1 when name is a builtin module of the registry, else 0. */
int AdImport_IsBuiltin(const char *name);
/* Creates builtin module name by its init function (does not consult or
 * change sys.modules). New ref; NULL with an exception on failure; NULL
 * without exception when name is not in the registry. */
AdObject *AdImport_CreateBuiltin(AdObject *name);

/* The hook where the path-based import system (finders, loaders, .pyc)
 * plugs in. Called with the absolute module name (str) once sys.modules
 * and the builtin registry have no module of that name, and with the
 * parent's __path__ (borrowed, NULL for a top-level module). It must put
 * the module into sys.modules and return it (new ref); or return NULL
 * without an exception for "not found" (the caller raises
 * ModuleNotFoundError "No module named 'x'"); or NULL with an exception.
 * NULL (the default): nothing but builtin modules can be found. */
extern AdObject *(*AdImport_FindAndLoadHook)(AdObject *abs_name, AdObject *parent_path);

/* Installs the frozen import machinery (_frozen_importlib and
 * _frozen_importlib_external) unless it is installed or being installed;
 * done by the first import that misses sys.modules. 0, or -1 with an
 * exception. */
int AdImport_EnsureBootstrap(void);
/* The shadowing check behind 3.14's "consider renaming" hints: for a
 * module named name with spec, 2 when its file (spec.origin with
 * has_location) lies in sys.path[0]'s directory and name is a stdlib
 * module, 1 when it lies there otherwise, 0 if not; *origin_out gets the
 * origin (new ref) or NULL. Never raises. */
int AdImport_ShadowInfo(AdObject *name, AdObject *spec, AdObject **origin_out);
/* 1 when spec._initializing is true (the module is still running). */
int AdImport_SpecIsInitializing(AdObject *spec);
/* Installs the module attribute-error hook (import_errors.c). */
void AdImport_InstallErrorHooks(void);
/* In a child after fork: a held global import lock belongs to the
 * forking thread, the only one left. */
void AdImport_ReInitLockAfterFork(void);
/* Finalization: drops the import room's references. */
void AdImport_Fini(void);

#endif
