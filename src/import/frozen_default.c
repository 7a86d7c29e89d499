/* frozen_default.c: the empty frozen-module table that builds without
 * generated frozen modules (the unit tests, the bootstrap executable) use.
 * The executable links build/gen/frozen/frozen_modules.c, whose strong
 * definition replaces this weak one. It lives alone here: a compiler that
 * saw this definition beside the code reading the table could fold the
 * reads to the empty table (clang 14 does). */
#include "import/frozen.h"

__attribute__((weak)) const AdFrozenModule ad_frozen_modules[] = {{NULL, NULL, 0, 0, NULL, 0}};
