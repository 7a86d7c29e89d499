/* import_internal.h: what the files of the import room share. */
#ifndef ADDER_IMPORT_IMPORT_INTERNAL_H
#define ADDER_IMPORT_IMPORT_INTERNAL_H
#include "import/frozen.h"
#include "objects/object.h"

/* The .pyc magic number of Adder's own bytecode (the first four bytes of
 * every .pyc, b'AD\r\n'), as _imp.pyc_magic_number_token gives it. */
#define AD_PYC_MAGIC_TOKEN 0x0A0D4441L

/* sys.modules[name] = m (any mapping). 0, or -1 with an exception. */
int import_modules_store(AdObject *name, AdObject *m);

/* Creates module name from frozen entry f: puts it into sys.modules, sets
 * __origname__ (and __path__ = [] for a package) for FrozenImporter to fix
 * up, and runs its code. New ref; NULL with an exception (the module is
 * removed from sys.modules again). */
AdObject *import_exec_frozen(AdObject *name, const AdFrozenModule *f);

/* Waits (letting other threads run) for the global import lock to be
 * released by another thread. 0, or -1 with an exception. */
int import_wait_for_lock(void);

/* marshal data of a module's code: the code object, or NULL with an
 * exception (ImportError when the data holds something else). */
AdObject *AdMarshal_LoadsForImport(const char *data, Ad_ssize_t len);

/* The installed machinery (import_bootstrap.c): 1 once _frozen_importlib
 * is installed; _find_and_load(abs_name, __import__) (new ref); and the
 * wait for a module another thread is still initializing (0 / -1). */
int import_bootstrap_active(void);
AdObject *import_bootstrap_find_and_load(AdObject *abs_name);
int import_bootstrap_wait_initializing(AdObject *name, AdObject *module);
/* -X importtime=2: the "cached" line for a module found in sys.modules. */
void import_time_report_cached(AdObject *abs_name);

#endif
