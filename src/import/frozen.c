/* frozen.c: lookup of the frozen-module table (frozen.h) and the empty
 * default table that builds without generated frozen modules use. The
 * executable links build/gen/frozen/frozen_modules.c, whose strong
 * definition of ad_frozen_modules replaces the weak one here. */
#include "import/frozen.h"
#include "compiler/marshal.h"
#include "runtime/interp.h"

#include <string.h>

__attribute__((weak)) const AdFrozenModule ad_frozen_modules[] = {{NULL, NULL, 0, 0, NULL, 0}};

int AdFrozen_Enabled(void)
{
    AdThread *t = ad_current_thread;
    if (!t || !t->interp)
        return 1;
    return t->interp->config.use_frozen_modules != 0;
}

const AdFrozenModule *AdFrozen_Find(const char *name)
{
    if (!name)
        return NULL;
    int all = AdFrozen_Enabled();
    for (const AdFrozenModule *f = ad_frozen_modules; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return all || f->essential ? f : NULL;
    return NULL;
}

AdObject *AdFrozen_GetCode(const AdFrozenModule *f)
{
    return AdMarshal_Loads((const char *)f->code, (Ad_ssize_t)f->size, NULL);
}
