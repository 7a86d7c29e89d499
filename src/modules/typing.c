/* typing.c: the builtin _typing module, which exposes the natively made
 * typing objects (objects/typevarobject.c) to the pure-Python typing
 * module: TypeVar, ParamSpec, ParamSpecArgs, ParamSpecKwargs,
 * TypeVarTuple, TypeAliasType, Generic, Union, NoDefault and _idfunc. */
#include "import/builtin_modules.h"
#include "objects/descr.h"
#include "objects/module.h"
#include "objects/typevarobject.h"
#include "objects/union.h"

static AdObject *typing_idfunc(AdObject *module, AdObject *x)
{
    (void)module;
    return Ad_NewRef(x);
}

static AdMethodDef typing_methods[] = {
    {"_idfunc", (void (*)(void))typing_idfunc, AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitTyping(void)
{
    AdObject *m = AdModule_New("_typing");
    if (!m)
        return NULL;
    struct {
        const char *name;
        AdObject *value;
    } items[] = {
        {"TypeVar", (AdObject *)&AdTypeVar_Type},
        {"ParamSpec", (AdObject *)&AdParamSpec_Type},
        {"ParamSpecArgs", (AdObject *)&AdParamSpecArgs_Type},
        {"ParamSpecKwargs", (AdObject *)&AdParamSpecKwargs_Type},
        {"TypeVarTuple", (AdObject *)&AdTypeVarTuple_Type},
        {"TypeAliasType", (AdObject *)&AdTypeAlias_Type},
        {"Generic", (AdObject *)&AdGeneric_Type},
        {"Union", (AdObject *)&AdUnion_Type},
        {"NoDefault", Ad_NoDefault},
    };
    if (AdModule_SetDocString(m, "Primitives and accelerators for the typing module.\n") < 0 ||
        AdModule_AddFunctions(m, typing_methods) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof items / sizeof *items; i++)
        if (AdModule_AddObjectRef(m, items[i].name, items[i].value) < 0)
            goto fail;
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
