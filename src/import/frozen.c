/* frozen.c: lookup of the frozen-module table (frozen.h). The table is
 * build/gen/frozen/frozen_modules.c in the executable, or the empty weak
 * default of frozen_default.c (kept in a file of its own so that no
 * compiler sees its contents where the table is read). */
#include "import/frozen.h"
#include "compiler/marshal.h"
#include "runtime/interp.h"

#include <string.h>

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
