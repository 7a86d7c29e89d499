/* function.c: the function type (function.h): construction from a code
 * object and globals, the attributes Python reads and writes (with the
 * type checks and messages of CPython 3.14), lazy __annotations__ through
 * __annotate__ (PEP 649/749), binding to instances, repr, GC support.
 * Calling (argument binding and running the frame) is vm/call.c's. */
#include "objects/weakref.h"
#include "objects/function.h"
#include "objects/cell.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/method.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "vm/ceval.h"

#include <stddef.h>

static uint32_t next_func_version = 1;

static AdObject *builtins_from_globals(AdObject *globals)
{
    AdObject *b = AdDict_GetItemWithError(globals, AD_STR_ID("__builtins__"));
    if (b) {
        if (AdDict_Check(b))
            return Ad_NewRef(b);
        if (AdModule_Check(b)) {
            AdObject *d = AdModule_GetDict(b);
            if (d && AdDict_Check(d))
                return Ad_NewRef(d);
        }
        AdObject *d = AdObject_GetAttrString(b, "__dict__");
        if (d && AdDict_Check(d))
            return d;
        Ad_XDECREF(d);
        AdErr_Clear();
    }
    AdObject *cur = AdEval_GetBuiltins();
    if (cur)
        return Ad_NewRef(cur);
    return AdDict_New();
}

AdObject *AdFunction_NewWithQualName(AdObject *code, AdObject *globals, AdObject *qualname)
{
    if (!AdCode_Check(code) || !AdDict_Check(globals)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    AdCodeObject *co = (AdCodeObject *)code;
    AdObject *builtins = builtins_from_globals(globals);
    if (!builtins)
        return NULL;
    AdFunctionObject *f = (AdFunctionObject *)AdObject_GC_New(&AdFunction_Type);
    if (!f) {
        Ad_DECREF(builtins);
        return NULL;
    }
    f->func_globals = Ad_NewRef(globals);
    f->func_builtins = builtins;
    f->func_name = Ad_NewRef(co->co_name);
    f->func_qualname = Ad_NewRef(qualname ? qualname : co->co_qualname);
    f->func_code = Ad_NewRef(code);
    f->func_defaults = NULL;
    f->func_kwdefaults = NULL;
    f->func_closure = NULL;
    AdObject *doc = Ad_None;
    if ((co->co_flags & AD_CO_HAS_DOCSTRING) && AdTuple_GET_SIZE(co->co_consts) > 0)
        doc = AdTuple_GET_ITEM(co->co_consts, 0);
    f->func_doc = Ad_NewRef(doc);
    f->func_dict = NULL;
    f->func_weakreflist = NULL;
    AdObject *module = AdDict_GetItemWithError(globals, AD_STR_ID("__name__"));
    if (!module && AdErr_Occurred()) {
        AdErr_Clear();
    }
    f->func_module = Ad_XNewRef(module);
    f->func_annotations = NULL;
    f->func_annotate = NULL;
    f->func_typeparams = NULL;
    f->vectorcall = AdFunction_Vectorcall;
    f->func_version = next_func_version++;
    AdObject_GC_Track((AdObject *)f);
    return (AdObject *)f;
}

AdObject *AdFunction_New(AdObject *code, AdObject *globals)
{
    return AdFunction_NewWithQualName(code, globals, NULL);
}

#define FUNC(o) ((AdFunctionObject *)(o))

int AdFunction_SetDefaults(AdObject *func, AdObject *defaults)
{
    if (defaults == Ad_None)
        defaults = NULL;
    else if (defaults && !AdTuple_Check(defaults)) {
        AdErr_SetString(AdExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    AD_XSETREF(FUNC(func)->func_defaults, Ad_XNewRef(defaults));
    FUNC(func)->func_version = next_func_version++;
    return 0;
}

int AdFunction_SetKwDefaults(AdObject *func, AdObject *kwdefaults)
{
    if (kwdefaults == Ad_None)
        kwdefaults = NULL;
    else if (kwdefaults && !AdDict_Check(kwdefaults)) {
        AdErr_SetString(AdExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    AD_XSETREF(FUNC(func)->func_kwdefaults, Ad_XNewRef(kwdefaults));
    FUNC(func)->func_version = next_func_version++;
    return 0;
}

int AdFunction_SetClosure(AdObject *func, AdObject *closure)
{
    if (closure == Ad_None)
        closure = NULL;
    else if (closure && !AdTuple_Check(closure)) {
        AdErr_SetString(AdExc_TypeError, "closure must be a tuple");
        return -1;
    }
    AD_XSETREF(FUNC(func)->func_closure, Ad_XNewRef(closure));
    return 0;
}

int AdFunction_SetAnnotations(AdObject *func, AdObject *annotations)
{
    if (annotations == Ad_None)
        annotations = NULL;
    else if (annotations && !AdDict_Check(annotations)) {
        AdErr_SetString(AdExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    AD_XSETREF(FUNC(func)->func_annotations, Ad_XNewRef(annotations));
    AD_CLEAR(FUNC(func)->func_annotate);
    return 0;
}

int AdFunction_SetAnnotate(AdObject *func, AdObject *annotate)
{
    if (annotate == Ad_None)
        annotate = NULL;
    else if (annotate && !AD_TYPE(annotate)->tp_call &&
             !AdType_HasFeature(AD_TYPE(annotate), AD_TPFLAGS_HAVE_VECTORCALL)) {
        AdErr_SetString(AdExc_TypeError, "__annotate__ must be callable or None");
        return -1;
    }
    AD_XSETREF(FUNC(func)->func_annotate, Ad_XNewRef(annotate));
    if (annotate)
        AD_CLEAR(FUNC(func)->func_annotations);
    return 0;
}

int AdFunction_SetTypeParams(AdObject *func, AdObject *params)
{
    if (params && !AdTuple_Check(params)) {
        AdErr_SetString(AdExc_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    AD_XSETREF(FUNC(func)->func_typeparams, Ad_XNewRef(params));
    return 0;
}

AdObject *AdObject_FunctionStr(AdObject *callable)
{
    AdObject *qualname = NULL, *module = NULL, *result = NULL;
    if (AdObject_GetOptionalAttr(callable, AdStr_InternFromString("__qualname__"), &qualname) <= 0 ||
        !AdStr_Check(qualname)) {
        AdErr_Clear();
        Ad_XDECREF(qualname);
        return AdObject_Str(callable);
    }
    if (AdObject_GetOptionalAttr(callable, AdStr_InternFromString("__module__"), &module) < 0)
        AdErr_Clear();
    if (module && AdStr_Check(module) && !AdStr_EqualToASCII(module, "builtins"))
        result = AdStr_FromFormat("%U.%U()", module, qualname);
    else
        result = AdStr_FromFormat("%U()", qualname);
    Ad_XDECREF(module);
    Ad_DECREF(qualname);
    return result;
}

/* ---- attributes ---------------------------------------------------------- */

static AdObject *func_get_code(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(FUNC(self)->func_code);
}

static int func_set_code(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value || !AdCode_Check(value)) {
        AdErr_SetString(AdExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    Ad_ssize_t nfree = ((AdCodeObject *)value)->co_nfreevars;
    Ad_ssize_t nclosure = FUNC(self)->func_closure ? AdTuple_GET_SIZE(FUNC(self)->func_closure) : 0;
    if (nclosure != nfree) {
        AdErr_Format(AdExc_ValueError, "%U() requires a code object with %zd free vars, not %zd",
                     FUNC(self)->func_name, nclosure, nfree);
        return -1;
    }
    AD_SETREF(FUNC(self)->func_code, Ad_NewRef(value));
    FUNC(self)->func_version = next_func_version++;
    return 0;
}

static AdObject *func_get_defaults(AdObject *self, void *c)
{
    (void)c;
    AdObject *d = FUNC(self)->func_defaults;
    return Ad_NewRef(d ? d : Ad_None);
}

static int func_set_defaults(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    return AdFunction_SetDefaults(self, value);
}

static AdObject *func_get_kwdefaults(AdObject *self, void *c)
{
    (void)c;
    AdObject *d = FUNC(self)->func_kwdefaults;
    return Ad_NewRef(d ? d : Ad_None);
}

static int func_set_kwdefaults(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    return AdFunction_SetKwDefaults(self, value);
}

static AdObject *func_get_closure(AdObject *self, void *c)
{
    (void)c;
    AdObject *d = FUNC(self)->func_closure;
    return Ad_NewRef(d ? d : Ad_None);
}

static AdObject *func_get_globals(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(FUNC(self)->func_globals);
}

static AdObject *func_get_builtins(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(FUNC(self)->func_builtins);
}

static AdObject *func_get_name(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(FUNC(self)->func_name);
}

static int func_set_name(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value || !AdStr_Check(value)) {
        AdErr_SetString(AdExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    AD_SETREF(FUNC(self)->func_name, Ad_NewRef(value));
    return 0;
}

static AdObject *func_get_qualname(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(FUNC(self)->func_qualname);
}

static int func_set_qualname(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value || !AdStr_Check(value)) {
        AdErr_SetString(AdExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    AD_SETREF(FUNC(self)->func_qualname, Ad_NewRef(value));
    return 0;
}

static AdObject *func_get_dict(AdObject *self, void *c)
{
    (void)c;
    if (!FUNC(self)->func_dict) {
        FUNC(self)->func_dict = AdDict_New();
        if (!FUNC(self)->func_dict)
            return NULL;
    }
    return Ad_NewRef(FUNC(self)->func_dict);
}

static int func_set_dict(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!AdDict_Check(value)) {
        AdErr_SetString(AdExc_TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    AD_XSETREF(FUNC(self)->func_dict, Ad_NewRef(value));
    return 0;
}

static AdObject *func_get_annotations(AdObject *self, void *c)
{
    (void)c;
    AdFunctionObject *f = FUNC(self);
    if (!f->func_annotations) {
        if (f->func_annotate) {
            AdObject *one = AdInt_FromInt64(1);
            AdObject *ann = AdObject_CallOneArg(f->func_annotate, one);
            Ad_DECREF(one);
            if (!ann)
                return NULL;
            if (!AdDict_Check(ann)) {
                AdErr_Format(AdExc_TypeError, "__annotate__ returned non-dict of type '%s'",
                             AdType_Name(AD_TYPE(ann)));
                Ad_DECREF(ann);
                return NULL;
            }
            f->func_annotations = ann;
        } else {
            f->func_annotations = AdDict_New();
            if (!f->func_annotations)
                return NULL;
        }
    }
    return Ad_NewRef(f->func_annotations);
}

static int func_set_annotations(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    return AdFunction_SetAnnotations(self, value);
}

static AdObject *func_get_annotate(AdObject *self, void *c)
{
    (void)c;
    AdObject *a = FUNC(self)->func_annotate;
    return Ad_NewRef(a ? a : Ad_None);
}

static int func_set_annotate(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "__annotate__ cannot be deleted");
        return -1;
    }
    return AdFunction_SetAnnotate(self, value);
}

static AdObject *func_get_type_params(AdObject *self, void *c)
{
    (void)c;
    AdObject *t = FUNC(self)->func_typeparams;
    return t ? Ad_NewRef(t) : AdTuple_New(0);
}

static int func_set_type_params(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    return AdFunction_SetTypeParams(self, value);
}

static AdGetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL, NULL},
    {"__globals__", func_get_globals, NULL, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__annotate__", func_get_annotate, func_set_annotate, NULL, NULL},
    {"__type_params__", func_get_type_params, func_set_type_params, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMemberDef func_members[] = {
    {"__doc__", AD_T_OBJECT, offsetof(AdFunctionObject, func_doc), 0, NULL},
    {"__module__", AD_T_OBJECT, offsetof(AdFunctionObject, func_module), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- type slots ------------------------------------------------------------ */

static AdObject *func_descr_get(AdObject *self, AdObject *obj, AdObject *type)
{
    (void)type;
    if (!obj)
        return Ad_NewRef(self);
    return AdMethod_New(self, obj);
}

static AdObject *func_repr(AdObject *self)
{
    return AdStr_FromFormat("<function %U at %p>", FUNC(self)->func_qualname, (void *)self);
}

/* tp_call: a (tuple, dict) call turned into vectorcall arguments. */
static AdObject *func_call(AdObject *self, AdObject *args, AdObject *kwargs)
{
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    Ad_ssize_t nkw = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    if (nkw == 0)
        return AdFunction_Vectorcall(self, AdTuple_ITEMS(args), (size_t)nargs, NULL);
    AdObject **stack = AdMem_Malloc((size_t)(nargs + nkw) * sizeof(AdObject *));
    AdObject *kwnames = AdTuple_New(nkw);
    if (!stack || !kwnames) {
        AdMem_Free(stack);
        Ad_XDECREF(kwnames);
        return AdErr_NoMemory();
    }
    for (Ad_ssize_t i = 0; i < nargs; i++)
        stack[i] = AdTuple_GET_ITEM(args, i);
    Ad_ssize_t pos = 0, i = 0;
    AdObject *k, *v;
    while (AdDict_Next(kwargs, &pos, &k, &v)) {
        AdTuple_SET_ITEM(kwnames, i, Ad_NewRef(k));
        stack[nargs + i] = v;
        i++;
    }
    AdObject *r = AdFunction_Vectorcall(self, stack, (size_t)nargs, kwnames);
    AdMem_Free(stack);
    Ad_DECREF(kwnames);
    return r;
}

static int func_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdFunctionObject *f = FUNC(self);
    AdObject *refs[] = {f->func_globals, f->func_builtins, f->func_name, f->func_qualname,
                        f->func_code, f->func_defaults, f->func_kwdefaults, f->func_closure,
                        f->func_doc, f->func_dict, f->func_module, f->func_annotations,
                        f->func_annotate, f->func_typeparams};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i]) {
            int rc = visit(refs[i], arg);
            if (rc)
                return rc;
        }
    return 0;
}

static int func_clear(AdObject *self)
{
    AdFunctionObject *f = FUNC(self);
    AD_CLEAR(f->func_globals);
    AD_CLEAR(f->func_builtins);
    AD_CLEAR(f->func_defaults);
    AD_CLEAR(f->func_kwdefaults);
    AD_CLEAR(f->func_closure);
    AD_CLEAR(f->func_doc);
    AD_CLEAR(f->func_dict);
    AD_CLEAR(f->func_module);
    AD_CLEAR(f->func_annotations);
    AD_CLEAR(f->func_annotate);
    AD_CLEAR(f->func_typeparams);
    return 0;
}

static void func_dealloc(AdObject *self)
{
    AdFunctionObject *f = FUNC(self);
    AdObject_GC_UnTrack(self);
    if (f->func_weakreflist)
        AdObject_ClearWeakRefs(self);
    func_clear(self);
    AD_CLEAR(f->func_name);
    AD_CLEAR(f->func_qualname);
    AD_CLEAR(f->func_code);
    AdObject_GC_Del(self);
}

static AdObject *func_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type;
    static const char *const names[] = {"code", "globals", "name", "argdefs", "closure", "kwdefaults"};
    AdObject *vals[6] = {NULL};
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n > 6) {
        AdErr_Format(AdExc_TypeError, "function() takes at most 6 arguments (%zd given)", n);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < n; i++)
        vals[i] = AdTuple_GET_ITEM(args, i);
    if (kwargs) {
        for (int i = 0; i < 6; i++) {
            AdObject *v = AdDict_GetItemString(kwargs, names[i]);
            if (v)
                vals[i] = v;
        }
    }
    if (!vals[0] || !AdCode_Check(vals[0])) {
        AdErr_SetString(AdExc_TypeError, "function() argument 'code' must be code, not ...");
        return NULL;
    }
    if (!vals[1] || !AdDict_Check(vals[1])) {
        AdErr_Format(AdExc_TypeError, "function() argument 'globals' must be dict, not %s",
                     vals[1] ? AdType_Name(AD_TYPE(vals[1])) : "None");
        return NULL;
    }
    AdObject *f = AdFunction_New(vals[0], vals[1]);
    if (!f)
        return NULL;
    if ((vals[2] && vals[2] != Ad_None && func_set_name(f, vals[2], NULL) < 0) ||
        (vals[3] && AdFunction_SetDefaults(f, vals[3]) < 0) ||
        (vals[4] && AdFunction_SetClosure(f, vals[4]) < 0) ||
        (vals[5] && AdFunction_SetKwDefaults(f, vals[5]) < 0)) {
        Ad_DECREF(f);
        return NULL;
    }
    return f;
}

AdTypeObject AdFunction_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "function",
    .tp_basicsize = sizeof(AdFunctionObject),
    .tp_dealloc = func_dealloc,
    .tp_vectorcall_offset = offsetof(AdFunctionObject, vectorcall),
    .tp_repr = func_repr,
    .tp_call = func_call,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_HAVE_VECTORCALL | AD_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.",
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_weaklistoffset = offsetof(AdFunctionObject, func_weakreflist),
    .tp_members = func_members,
    .tp_getset = func_getset,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(AdFunctionObject, func_dict),
    .tp_new = func_new,
};

int ad_function_init(void)
{
    ad_function_type = &AdFunction_Type;
    return AdType_Ready(&AdFunction_Type);
}
