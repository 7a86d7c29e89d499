/* posix.h: the native modules behind os and stat: `posix` (the operating
 * system interface: files, directories, stat, processes, environ, the
 * constants and name tables), `_stat` (S_IS* and friends) and `atexit`
 * (Python-level exit callbacks run at finalization step 1). Each builder
 * returns a new, filled module object; the import system registers them
 * as builtin modules. */
#ifndef ADDER_MODULES_POSIX_H
#define ADDER_MODULES_POSIX_H
#include "objects/object.h"

/* The `posix` module (new ref or NULL with an exception). */
AdObject *AdPosix_NewModule(void);
/* The `_stat` module (new ref or NULL). */
AdObject *AdStat_NewModule(void);
/* The `atexit` module (new ref or NULL). The first call for an
 * interpreter registers the step-1 runner with Ad_InterpAtExit. */
AdObject *AdAtexit_NewModule(void);
/* Runs and clears the registered Python callbacks now (atexit._run_exitfuncs):
 * reports failures as "Exception ignored in atexit callback ...". */
void AdAtexit_RunCallbacks(void);

/* os.fspath(o): str or bytes from o or its __fspath__ (new ref or NULL). */
AdObject *AdOS_FSPath(AdObject *o);
#endif
