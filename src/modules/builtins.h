/* builtins.h: the builtins module of Python 3.14: every function
 * (builtins_functions.c, builtins_minmax.c, builtins_io.c,
 * builtins_exec.c, builtins_build_class.c) and every type, exception,
 * constant and name it exposes (builtins_module.c). Parts that call into
 * the compiler, the evaluation loop and the import system are switched by
 * modules/builtins_config.h. */
#ifndef ADDER_MODULES_BUILTINS_H
#define ADDER_MODULES_BUILTINS_H
#include "objects/object.h"
#include "modules/builtins_config.h"

/* A new builtins module (one per interpreter): functions, types,
 * exceptions (with the EnvironmentError/IOError aliases), None, Ellipsis,
 * NotImplemented, False, True, __debug__ (optimize == 0, i.e. no -O),
 * __name__ 'builtins', __doc__; __spec__/__loader__/__package__ None until
 * the import system sets them. New ref or NULL. */
AdObject *AdBuiltins_NewModule(int optimize);

/* builtins.__build_class__(func, name, /, *bases, metaclass=..., **kwds)
 * in vectorcall form (self unused): PEP 3115 metaclass calculation,
 * __prepare__, __mro_entries__ (with __orig_bases__), running the body
 * with the namespace, and the __classcell__ checks. New ref or NULL. */
AdObject *AdBuiltins_BuildClass(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                AdObject *kwnames);

/* The pieces of class creation, for tests and for types.new_class:
 * bases with __mro_entries__ resolved (new ref: bases itself when nothing
 * changed), and the most derived metaclass of meta and the bases' types
 * (borrowed; TypeError "metaclass conflict: ..."). */
AdObject *AdBuiltins_UpdateBases(AdObject *bases);
AdTypeObject *AdBuiltins_CalculateMetaclass(AdTypeObject *meta, AdObject *bases);

/* Private to the builtins files. */
extern AdMethodDef modules_builtins_core_methods[];
extern AdMethodDef modules_builtins_minmax_methods[];
extern AdMethodDef modules_builtins_io_methods[];
extern AdMethodDef modules_builtins_exec_methods[];
/* "%s expected %s%zd argument%s, got %zd" checks of positional counts. */
int modules_builtins_check_nargs(const char *fname, Ad_ssize_t nargs, Ad_ssize_t min, Ad_ssize_t max);
/* "%s() takes no keyword arguments" when kwnames is non-empty. */
int modules_builtins_no_kwargs(const char *fname, AdObject *kwnames);
#endif
