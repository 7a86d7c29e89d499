/* import_registry.c: the builtin-module registry: name -> init function
 * for every native module compiled into Adder, and the creation of a
 * builtin module from it (with a __spec__ whose origin is 'built-in', so
 * that repr gives "<module 'math' (built-in)>"). builtins and sys are made
 * at start-up (init NULL here: they are always in sys.modules). */
#include "import/import.h"
#include "import/builtin_modules.h"
#include "modules/posix.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/module.h"
#include "objects/namespace.h"

#include <string.h>

typedef struct {
    const char *name;
    AdObject *(*init)(void);
} import_builtin_entry;

static const import_builtin_entry registry[] = {
    {"builtins", NULL},
    {"sys", NULL},
#define BUILTIN_MODULE(name, init) {name, init},
#include "import/builtin_modules.def"
#undef BUILTIN_MODULE
};
#define NREGISTRY (sizeof registry / sizeof *registry)

static const char *registry_names[NREGISTRY + 1];

const char *const *AdImport_BuiltinNames(void)
{
    if (!registry_names[0])
        for (size_t i = 0; i < NREGISTRY; i++)
            registry_names[i] = registry[i].name;
    return registry_names;
}

static const import_builtin_entry *find_entry(const char *name)
{
    for (size_t i = 0; i < NREGISTRY; i++)
        if (strcmp(registry[i].name, name) == 0)
            return &registry[i];
    return NULL;
}

int AdImport_IsBuiltin(const char *name)
{
    return find_entry(name) != NULL;
}

/* A spec for a builtin module: name, origin 'built-in', parent '',
 * has_location False, loader None. */
static int set_builtin_spec(AdObject *m, AdObject *name)
{
    AdObject *kw = AdDict_New();
    if (!kw)
        return -1;
    AdObject *origin = AdStr_FromString("built-in"), *empty = AdStr_FromString("");
    int rc = -1;
    if (origin && empty &&
        AdDict_SetItemString(kw, "name", name) == 0 &&
        AdDict_SetItemString(kw, "loader", Ad_None) == 0 &&
        AdDict_SetItemString(kw, "origin", origin) == 0 &&
        AdDict_SetItemString(kw, "loader_state", Ad_None) == 0 &&
        AdDict_SetItemString(kw, "submodule_search_locations", Ad_None) == 0 &&
        AdDict_SetItemString(kw, "cached", Ad_None) == 0 &&
        AdDict_SetItemString(kw, "parent", empty) == 0 &&
        AdDict_SetItemString(kw, "has_location", Ad_False) == 0) {
        AdObject *spec = AdNamespace_New(kw);
        if (spec) {
            AdObject *d = AdModule_GetDict(m);
            if (AdDict_SetItemString(d, "__spec__", spec) == 0 &&
                AdDict_SetItemString(d, "__package__", empty) == 0)
                rc = 0;
            Ad_DECREF(spec);
        }
    }
    Ad_XDECREF(origin);
    Ad_XDECREF(empty);
    Ad_DECREF(kw);
    return rc;
}

AdObject *AdImport_CreateBuiltin(AdObject *name)
{
    const char *s = AdStr_AsUTF8(name);
    if (!s)
        return NULL;
    const import_builtin_entry *e = find_entry(s);
    if (!e || !e->init)
        return NULL;
    AdObject *m = e->init();
    if (!m)
        return NULL;
    if (AdModule_Check(m)) {
        /* One init may serve two names (signal/_signal): the name asked for wins. */
        if (AdDict_SetItemString(AdModule_GetDict(m), "__name__", name) < 0 ||
            set_builtin_spec(m, name) < 0)
            AD_CLEAR(m);
    }
    return m;
}
