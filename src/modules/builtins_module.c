/* builtins_module.c: assembles the builtins module: the function tables
 * of the other builtins files, __build_class__, open() from the text I/O
 * layer, the builtin types under their Python names, every exception class
 * (plus the EnvironmentError and IOError aliases of OSError), and the
 * constants None, Ellipsis, NotImplemented, False, True and __debug__. */
#include "modules/builtins.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#if ADDER_HAVE_TEXTIO
#include "modules/io.h"
#include "import/import.h"
#endif

static const char builtins_doc[] =
    "Built-in functions, types, exceptions, and other objects.\n\n"
    "This module provides direct access to all 'built-in'\n"
    "identifiers of Python; for example, builtins.len is\n"
    "the full name for the built-in function len().\n\n"
    "This module is not normally accessed explicitly by most\n"
    "applications, but can be useful in modules that provide\n"
    "objects with the same name as a built-in value, but in\n"
    "which the built-in value of that name is also needed.";

static AdMethodDef build_class_def[] = {
    {"__build_class__", (void (*)(void))AdBuiltins_BuildClass, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
     "Internal helper function used by the class statement."},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    AdTypeObject *type;
} builtin_types[] = {
    {"bool", &AdBool_Type},
    {"memoryview", &AdMemoryView_Type},
    {"bytearray", &AdByteArray_Type},
    {"bytes", &AdBytes_Type},
    {"classmethod", &AdClassMethod_Type},
    {"complex", &AdComplex_Type},
    {"dict", &AdDict_Type},
    {"enumerate", &AdEnum_Type},
    {"filter", &AdFilter_Type},
    {"float", &AdFloat_Type},
    {"frozenset", &AdFrozenSet_Type},
    {"property", &AdProperty_Type},
    {"int", &AdInt_Type},
    {"list", &AdList_Type},
    {"map", &AdMap_Type},
    {"object", &AdBaseObject_Type},
    {"range", &AdRange_Type},
    {"reversed", &AdReversed_Type},
    {"set", &AdSet_Type},
    {"slice", &AdSlice_Type},
    {"staticmethod", &AdStaticMethod_Type},
    {"str", &AdStr_Type},
    {"super", &AdSuper_Type},
    {"tuple", &AdTuple_Type},
    {"type", &AdType_Type},
    {"zip", &AdZip_Type},
};

static int add_exceptions(AdObject *dict)
{
#define ADD_EXC(n) \
    if (AdDict_SetItemString(dict, #n, (AdObject *)&AdExcType_##n) < 0) \
        return -1;
    AD_EXC_TYPES(ADD_EXC)
#undef ADD_EXC
    if (AdDict_SetItemString(dict, "EnvironmentError", AdExc_OSError) < 0 ||
        AdDict_SetItemString(dict, "IOError", AdExc_OSError) < 0)
        return -1;
    return 0;
}

AdObject *AdBuiltins_NewModule(int optimize)
{
    AdObject *m = AdModule_New("builtins");
    if (!m)
        return NULL;
    AdObject *dict = AdModule_GetDict(m);
    if (AdModule_SetDocString(m, builtins_doc) < 0 ||
        AdModule_AddFunctions(m, build_class_def) < 0 ||
        AdModule_AddFunctions(m, modules_builtins_core_methods) < 0 ||
        AdModule_AddFunctions(m, modules_builtins_minmax_methods) < 0 ||
        AdModule_AddFunctions(m, modules_builtins_io_methods) < 0 ||
        AdModule_AddFunctions(m, modules_builtins_exec_methods) < 0)
        goto fail;
#if ADDER_HAVE_TEXTIO
    {
        /* builtins.open is _io.open itself, as in CPython (io is imported
         * at start-up there too) */
        AdObject *io = AdImport_ImportModule("_io");
        AdObject *open_fn = io ? AdObject_GetAttrString(io, "open") : NULL;
        Ad_XDECREF(io);
        if (!open_fn) {
            AdErr_Clear();
            AdMethodDef open_def[2] = {AdIO_OpenDef, {NULL, NULL, 0, NULL}};
            static AdMethodDef open_defs[2];
            open_defs[0] = open_def[0];
            open_defs[1] = open_def[1];
            if (AdModule_AddFunctions(m, open_defs) < 0)
                goto fail;
        }
        else {
            int rc = AdDict_SetItemString(dict, "open", open_fn);
            Ad_DECREF(open_fn);
            if (rc < 0)
                goto fail;
        }
    }
#endif
    if (AdDict_SetItemString(dict, "None", Ad_None) < 0 ||
        AdDict_SetItemString(dict, "Ellipsis", Ad_Ellipsis) < 0 ||
        AdDict_SetItemString(dict, "NotImplemented", Ad_NotImplemented) < 0 ||
        AdDict_SetItemString(dict, "False", Ad_False) < 0 ||
        AdDict_SetItemString(dict, "True", Ad_True) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof builtin_types / sizeof *builtin_types; i++)
        if (AdDict_SetItemString(dict, builtin_types[i].name, (AdObject *)builtin_types[i].type) < 0)
            goto fail;
    if (add_exceptions(dict) < 0 ||
        AdDict_SetItemString(dict, "__debug__", AdBool_FromLong(optimize == 0)) < 0)
        goto fail;
    /* the range iterators' __reduce__ names builtins.iter */
    AdObject *iter = AdDict_GetItemString(dict, "iter");
    if (iter) {
        AdObject *old = AdRange_BuiltinIter;
        AdRange_BuiltinIter = Ad_NewRef(iter);
        Ad_XDECREF(old);
    }
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
