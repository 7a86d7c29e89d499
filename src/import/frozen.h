/* frozen.h: the frozen modules: stdlib modules compiled at build time
 * (tools/freeze.py run by the bootstrap executable) and embedded in
 * `adder`, so that start-up reads no file. The table is generated into
 * build/gen/frozen/frozen_modules.c and linked into the executable only;
 * libadder.a carries an empty default (the unit tests and the bootstrap
 * executable run without frozen modules). */
#ifndef ADDER_IMPORT_FROZEN_H
#define ADDER_IMPORT_FROZEN_H
#include <stddef.h>
#include "objects/object.h"

typedef struct {
    const char *name;            /* the name it is imported by ("os", "_frozen_importlib") */
    const char *origname;        /* the stdlib module it was compiled from ("importlib._bootstrap") */
    int is_package;
    int essential;               /* used even with -X frozen_modules=off (the import machinery) */
    const unsigned char *code;   /* marshal data of the module's code object */
    size_t size;
} AdFrozenModule;

/* The table, ended by an entry whose name is NULL. */
extern const AdFrozenModule ad_frozen_modules[];

/* The entry for name, or NULL (also for non-essential modules when
 * -X frozen_modules=off). name is a str or a C string (one of the two). */
const AdFrozenModule *AdFrozen_Find(const char *name);
/* The code object of an entry (new ref), NULL with an exception. */
AdObject *AdFrozen_GetCode(const AdFrozenModule *f);
/* 1 when frozen modules are used at all (-X frozen_modules, default on). */
int AdFrozen_Enabled(void);

#endif
