/* functools_misc.c: reduce, cmp_to_key (the functools.KeyWrapper type,
 * whose instances are both the key function and the keys it returns) and
 * the _functools module's init. Messages follow CPython 3.14. */
#include "import/builtin_modules.h"
#include "modules/functools_internal.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))

/* ---- reduce ------------------------------------------------------------------------------ */

static AdObject *functools_reduce(AdObject *module, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)module;
    static const char *const names[] = {"function", "iterable", "initial", NULL};
    AdObject *a[3];
    if (nargs < 2 && (!kwnames || AdTuple_GET_SIZE(kwnames) == 0))
        return AdErr_Format(AdExc_TypeError, "reduce() takes at least 2 positional arguments (%zd given)", nargs);
    if (AdArg_Parse("reduce", args, nargs, kwnames, names, 2, 2, a) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(a[1]);
    if (!it) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    AdObject *result = Ad_XNewRef(a[2]), *item;
    while ((item = AdIter_Next(it)) != NULL) {
        if (!result) {
            result = item;
            continue;
        }
        AdObject *pair[2] = {result, item};
        AdObject *r = AdObject_Vectorcall(a[0], pair, 2, NULL);
        Ad_DECREF(result);
        Ad_DECREF(item);
        result = r;
        if (!result)
            break;
    }
    Ad_DECREF(it);
    if (AdErr_Occurred()) {
        Ad_XDECREF(result);
        return NULL;
    }
    if (!result)
        return AdErr_Format(AdExc_TypeError, "reduce() of empty iterable with no initial value");
    return result;
}

/* ---- cmp_to_key -------------------------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *cmp;
    AdObject *object;           /* NULL for the key function itself */
} keyobject;

static AdObject *key_make(AdObject *cmp, AdObject *obj)
{
    keyobject *k = (keyobject *)AdObject_GC_New(&functools_keywrapper_type);
    if (!k)
        return NULL;
    k->cmp = Ad_NewRef(cmp);
    k->object = Ad_XNewRef(obj);
    AdObject_GC_Track((AdObject *)k);
    return (AdObject *)k;
}

static AdObject *key_call(AdObject *self, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"obj", NULL};
    AdObject *a[1];
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    Ad_ssize_t nkw = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    if (nargs + nkw > 1)
        return AdErr_Format(AdExc_TypeError, "K() takes at most 1 argument (%zd given)", nargs + nkw);
    if (nkw == 0) {
        if (AdArg_Parse("K", AdTuple_ITEMS(args), nargs, NULL, names, 0, 1, a) < 0)
            return NULL;
    }
    else {
        AdObject *stack[4];
        if (nargs + nkw > 4)
            return AdErr_Format(AdExc_TypeError, "K() takes at most 1 argument (%zd given)", nargs + nkw);
        AdObject *kwnames = AdTuple_New(nkw);
        if (!kwnames)
            return NULL;
        for (Ad_ssize_t i = 0; i < nargs; i++)
            stack[i] = AdTuple_GET_ITEM(args, i);
        Ad_ssize_t pos = 0, k = 0;
        AdObject *key, *value;
        while (AdDict_Next(kwargs, &pos, &key, &value)) {
            AdTuple_SET_ITEM(kwnames, k, Ad_NewRef(key));
            stack[nargs + k++] = value;
        }
        int rc = AdArg_Parse("K", stack, nargs, kwnames, names, 0, 1, a);
        Ad_DECREF(kwnames);
        if (rc < 0)
            return NULL;
    }
    return key_make(((keyobject *)self)->cmp, a[0]);
}

static AdObject *key_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!Ad_IS_TYPE(b, &functools_keywrapper_type) || !Ad_IS_TYPE(a, &functools_keywrapper_type))
        return AdErr_Format(AdExc_TypeError, "other argument must be K instance");
    keyobject *x = (keyobject *)a, *y = (keyobject *)b;
    if (!x->object || !y->object)
        return AdErr_Format(AdExc_AttributeError, "object");
    AdObject *pair[2] = {x->object, y->object};
    AdObject *res = AdObject_Vectorcall(x->cmp, pair, 2, NULL);
    if (!res)
        return NULL;
    AdObject *zero = AdInt_FromInt64(0);
    AdObject *r = zero ? AdObject_RichCompare(res, zero, op) : NULL;
    Ad_XDECREF(zero);
    Ad_DECREF(res);
    return r;
}

static void key_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((keyobject *)self)->cmp);
    AD_CLEAR(((keyobject *)self)->object);
    AdObject_GC_Del(self);
}

static int key_traverse(AdObject *self, visitproc visit, void *arg)
{
    keyobject *k = (keyobject *)self;
    if (k->cmp) {
        int r = visit(k->cmp, arg);
        if (r)
            return r;
    }
    return k->object ? visit(k->object, arg) : 0;
}

static int key_tp_clear(AdObject *self)
{
    AD_CLEAR(((keyobject *)self)->cmp);
    AD_CLEAR(((keyobject *)self)->object);
    return 0;
}

static AdMemberDef key_members[] = {
    {"obj", AD_T_OBJECT, offsetof(keyobject, object), 0, "Value wrapped by a key function."},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject functools_keywrapper_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(keyobject),
    .tp_dealloc = key_dealloc,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_call = key_call,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = key_traverse,
    .tp_clear = key_tp_clear,
    .tp_richcompare = key_richcompare,
    .tp_members = key_members,
    .tp_free = AdObject_GC_Del,
};

static AdObject *functools_cmp_to_key(AdObject *module, AdObject *const *args, Ad_ssize_t nargs,
                                      AdObject *kwnames)
{
    (void)module;
    static const char *const names[] = {"mycmp", NULL};
    AdObject *a[1];
    if (AdArg_Parse("cmp_to_key", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    return key_make(a[0], NULL);
}

/* ---- the module -------------------------------------------------------------------------- */

static AdMethodDef functools_functions[] = {
    {"reduce", FN(functools_reduce), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "reduce($module, function, iterable, /, initial=<unrepresentable>)\n--\n\n"
     "Apply a function of two arguments cumulatively to the items of an iterable, from left to right.\n\n"
     "This effectively reduces the iterable to a single value.  If initial is present,\n"
     "it is placed before the items of the iterable in the calculation, and serves as\n"
     "a default when the iterable is empty.\n\n"
     "For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5])\n"
     "calculates ((((1 + 2) + 3) + 4) + 5)."},
    {"cmp_to_key", FN(functools_cmp_to_key), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "cmp_to_key($module, /, mycmp)\n--\n\nConvert a cmp= function into a key= function.\n\n"
     "  mycmp\n    Function that compares two objects."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitFunctools(void)
{
    AdTypeObject *types[] = {&functools_partial_type, &functools_placeholder_type, &functools_lru_type,
                             &functools_keywrapper_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (AdType_Ready(types[i]) < 0)
            return NULL;
    if (functools_lru_ready() < 0)
        return NULL;
    AdObject *m = AdModule_New("_functools");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "Tools that operate on functions.") < 0 ||
        AdModule_AddFunctions(m, functools_functions) < 0 ||
        AdModule_AddObjectRef(m, "partial", (AdObject *)&functools_partial_type) < 0 ||
        AdModule_AddObjectRef(m, "_PlaceholderType", (AdObject *)&functools_placeholder_type) < 0 ||
        AdModule_AddObjectRef(m, "Placeholder", &functools_placeholder) < 0 ||
        AdModule_AddObjectRef(m, "_lru_cache_wrapper", (AdObject *)&functools_lru_type) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
