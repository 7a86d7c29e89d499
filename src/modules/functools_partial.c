/* functools_partial.c: functools.partial and the Placeholder singleton
 * (3.14). A partial holds the function, the frozen positional arguments (a
 * tuple that may hold Placeholder, filled from the call's first arguments)
 * and the frozen keywords (a dict). Partials of partials are flattened when
 * the inner one has no instance dict. Calls go through vectorcall without
 * building a tuple; a partial is a method descriptor (3.14), so it binds
 * like a function when stored on a class. Messages follow CPython 3.14. */
#include <string.h>

#include "modules/functools_internal.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/method.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))
#define SMALL_STACK 16

typedef struct {
    AdObject_HEAD;
    AdObject *fn;
    AdObject *args;             /* tuple */
    AdObject *kw;               /* dict */
    AdObject *dict;             /* instance __dict__ or NULL */
    AdObject *weakreflist;
    Ad_ssize_t phcount;         /* Placeholders in args */
    vectorcallfunc vectorcall;
} partialobject;

#define PH (&functools_placeholder)

int functools_is_callable(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    return t->tp_call != NULL || (AdType_HasFeature(t, AD_TPFLAGS_HAVE_VECTORCALL) && t->tp_vectorcall_offset > 0);
}

AdObject *functools_call_with_dict(vectorcallfunc f, AdObject *callable, AdObject *args, AdObject *kwargs)
{
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    Ad_ssize_t nkw = kwargs ? AdDict_GET_SIZE(kwargs) : 0;
    if (nkw == 0)
        return f(callable, AdTuple_ITEMS(args), (size_t)nargs, NULL);
    AdObject *small[SMALL_STACK];
    AdObject **stack = nargs + nkw <= SMALL_STACK ? small
                                                  : AdMem_Malloc(sizeof(AdObject *) * (size_t)(nargs + nkw));
    AdObject *kwnames = AdTuple_New(nkw);
    if (!stack || !kwnames) {
        if (stack != small)
            AdMem_Free(stack);
        Ad_XDECREF(kwnames);
        return AdErr_NoMemory();
    }
    for (Ad_ssize_t i = 0; i < nargs; i++)
        stack[i] = AdTuple_GET_ITEM(args, i);
    Ad_ssize_t pos = 0, k = 0;
    AdObject *key, *value;
    while (AdDict_Next(kwargs, &pos, &key, &value)) {
        AdTuple_SET_ITEM(kwnames, k, Ad_NewRef(key));
        stack[nargs + k] = value;
        k++;
    }
    AdObject *r = f(callable, stack, (size_t)nargs, kwnames);
    Ad_DECREF(kwnames);
    if (stack != small)
        AdMem_Free(stack);
    return r;
}

static Ad_ssize_t count_placeholders(AdObject *t)
{
    Ad_ssize_t n = 0;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(t); i++)
        n += AdTuple_GET_ITEM(t, i) == PH;
    return n;
}

static AdObject *partial_vectorcall(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames);

static AdObject *partial_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "type 'partial' takes at least one argument");
    AdObject *func = AdTuple_GET_ITEM(args, 0);
    if (!functools_is_callable(func))
        return AdErr_Format(AdExc_TypeError, "the first argument must be callable");
    if (nargs > 1 && AdTuple_GET_ITEM(args, nargs - 1) == PH)
        return AdErr_Format(AdExc_TypeError, "trailing Placeholders are not allowed");
    if (kwargs) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (AdDict_Next(kwargs, &pos, &k, &v))
            if (v == PH)
                return AdErr_Format(AdExc_TypeError, "Placeholder cannot be passed as a keyword argument");
    }
    AdObject *pargs = NULL, *pkw = NULL;
    Ad_ssize_t pph = 0;
    if (AdObject_TypeCheck(func, &functools_partial_type) && ((partialobject *)func)->dict == NULL) {
        partialobject *inner = (partialobject *)func;
        pargs = inner->args;
        pkw = inner->kw;
        pph = inner->phcount;
        func = inner->fn;
    }
    /* The positional arguments: the inner ones with their Placeholders
     * filled from the new ones, then what is left of the new ones. */
    Ad_ssize_t nnew = nargs - 1, npold = pargs ? AdTuple_GET_SIZE(pargs) : 0;
    Ad_ssize_t fill = nnew < pph ? nnew : pph;
    AdObject *newargs = AdTuple_New(npold + nnew - fill);
    if (!newargs)
        return NULL;
    Ad_ssize_t j = 1, k = 0;
    for (Ad_ssize_t i = 0; i < npold; i++) {
        AdObject *a = AdTuple_GET_ITEM(pargs, i);
        if (a == PH && j <= fill)
            a = AdTuple_GET_ITEM(args, j++);
        AdTuple_SET_ITEM(newargs, k++, Ad_NewRef(a));
    }
    for (; j < nargs; j++)
        AdTuple_SET_ITEM(newargs, k++, Ad_NewRef(AdTuple_GET_ITEM(args, j)));
    AdObject *kw = pkw ? AdDict_Copy(pkw) : AdDict_New();
    if (!kw || (kwargs && AdDict_Merge(kw, kwargs, 1) < 0)) {
        Ad_XDECREF(kw);
        Ad_DECREF(newargs);
        return NULL;
    }
    partialobject *p = (partialobject *)type->tp_alloc(type, 0);
    if (!p) {
        Ad_DECREF(kw);
        Ad_DECREF(newargs);
        return NULL;
    }
    p->fn = Ad_NewRef(func);
    p->args = newargs;
    p->kw = kw;
    p->phcount = count_placeholders(newargs);
    p->vectorcall = partial_vectorcall;
    return (AdObject *)p;
}

static AdObject *partial_vectorcall(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    partialobject *p = (partialobject *)self;
    Ad_ssize_t n = AdVectorcall_NARGS(nargsf);
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    Ad_ssize_t pn = AdTuple_GET_SIZE(p->args);
    Ad_ssize_t pkwn = AdDict_GET_SIZE(p->kw);
    if (n < p->phcount)
        return AdErr_Format(AdExc_TypeError,
                            "missing positional arguments in 'partial' call; expected at least %zd, got %zd",
                            p->phcount, n);
    if (pn == 0 && pkwn == 0) {
        AdObject *fn = Ad_NewRef(p->fn);
        AdObject *r = AdObject_Vectorcall(fn, args, (size_t)n, kwnames);
        Ad_DECREF(fn);
        return r;
    }
    Ad_ssize_t npos = pn + n - p->phcount;
    AdObject *merged = NULL;          /* the keywords when both sides have some */
    Ad_ssize_t ntotal_kw = nkw;
    if (pkwn > 0) {
        if (nkw == 0)
            ntotal_kw = pkwn;
        else {
            merged = AdDict_Copy(p->kw);
            if (!merged)
                return NULL;
            for (Ad_ssize_t i = 0; i < nkw; i++)
                if (AdDict_SetItem(merged, AdTuple_GET_ITEM(kwnames, i), args[n + i]) < 0) {
                    Ad_DECREF(merged);
                    return NULL;
                }
            ntotal_kw = AdDict_GET_SIZE(merged);
        }
    }
    AdObject *small[SMALL_STACK + 1];
    AdObject **buf = npos + ntotal_kw + 1 <= SMALL_STACK + 1
                         ? small : AdMem_Malloc(sizeof(AdObject *) * (size_t)(npos + ntotal_kw + 1));
    if (!buf) {
        Ad_XDECREF(merged);
        return AdErr_NoMemory();
    }
    AdObject **stack = buf + 1;
    Ad_ssize_t j = 0, k = 0;
    for (Ad_ssize_t i = 0; i < pn; i++) {
        AdObject *a = AdTuple_GET_ITEM(p->args, i);
        stack[k++] = a == PH ? args[j++] : a;
    }
    for (; j < n; j++)
        stack[k++] = args[j];
    AdObject *names = NULL;
    if (pkwn == 0) {
        for (Ad_ssize_t i = 0; i < nkw; i++)
            stack[k++] = args[n + i];
        names = kwnames ? Ad_NewRef(kwnames) : NULL;
    }
    else {
        AdObject *d = merged ? merged : p->kw;
        names = AdTuple_New(ntotal_kw);
        if (!names) {
            if (buf != small)
                AdMem_Free(buf);
            Ad_XDECREF(merged);
            return NULL;
        }
        Ad_ssize_t pos = 0, m = 0;
        AdObject *key, *value;
        while (AdDict_Next(d, &pos, &key, &value) && m < ntotal_kw) {
            AdTuple_SET_ITEM(names, m, Ad_NewRef(key));
            stack[k++] = value;
            m++;
        }
    }
    /* The values belong to p->args, p->kw or merged: hold them (and fn) in
     * case the call replaces the partial's state (__setstate__). */
    AdObject *fn = Ad_NewRef(p->fn), *hold_args = Ad_NewRef(p->args), *hold_kw = Ad_NewRef(p->kw);
    AdObject *r = AdObject_Vectorcall(fn, stack, (size_t)npos | AD_VECTORCALL_ARGUMENTS_OFFSET, names);
    Ad_DECREF(fn);
    Ad_DECREF(hold_args);
    Ad_DECREF(hold_kw);
    Ad_XDECREF(names);
    Ad_XDECREF(merged);
    if (buf != small)
        AdMem_Free(buf);
    return r;
}

static AdObject *partial_call(AdObject *self, AdObject *args, AdObject *kwargs)
{
    return functools_call_with_dict(partial_vectorcall, self, args, kwargs);
}

static AdObject *partial_descr_get(AdObject *self, AdObject *obj, AdObject *type)
{
    (void)type;
    if (obj == NULL || obj == Ad_None)
        return Ad_NewRef(self);
    return AdMethod_New(self, obj);
}

static void partial_dealloc(AdObject *self)
{
    partialobject *p = (partialobject *)self;
    AdObject_GC_UnTrack(self);
    AD_CLEAR(p->fn);
    AD_CLEAR(p->args);
    AD_CLEAR(p->kw);
    AD_CLEAR(p->dict);
    AD_TYPE(self)->tp_free(self);
}

static int partial_traverse(AdObject *self, visitproc visit, void *arg)
{
    partialobject *p = (partialobject *)self;
    AdObject *fields[] = {p->fn, p->args, p->kw, p->dict};
    for (int i = 0; i < 4; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static int partial_tp_clear(AdObject *self)
{
    partialobject *p = (partialobject *)self;
    AD_CLEAR(p->fn);
    AD_CLEAR(p->args);
    AD_CLEAR(p->kw);
    AD_CLEAR(p->dict);
    return 0;
}

static AdObject *partial_repr(AdObject *self)
{
    partialobject *p = (partialobject *)self;
    int rc = Ad_ReprEnter(self);
    if (rc < 0)
        return NULL;
    if (rc > 0)
        return AdStr_FromString("...");
    AdObject *module = NULL, *qualname = NULL, *fn = NULL, *args = NULL, *kw = NULL, *r = NULL;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    module = AdObject_GetAttrString((AdObject *)AD_TYPE(self), "__module__");
    qualname = module ? AdObject_GetAttrString((AdObject *)AD_TYPE(self), "__qualname__") : NULL;
    if (!qualname)
        goto done;
    fn = Ad_NewRef(p->fn);
    args = Ad_NewRef(p->args);
    kw = Ad_NewRef(p->kw);
    AdObject *s = AdStr_FromFormat("%S.%S(%R", module, qualname, fn);
    if (!s || AdStrWriter_WriteStr(&w, s) < 0) {
        Ad_XDECREF(s);
        goto done;
    }
    Ad_DECREF(s);
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++) {
        s = AdStr_FromFormat(", %R", AdTuple_GET_ITEM(args, i));
        if (!s || AdStrWriter_WriteStr(&w, s) < 0) {
            Ad_XDECREF(s);
            goto done;
        }
        Ad_DECREF(s);
    }
    Ad_ssize_t pos = 0;
    AdObject *k, *v;
    while (AdDict_Next(kw, &pos, &k, &v)) {
        Ad_INCREF(k);
        Ad_INCREF(v);
        s = AdStr_FromFormat(", %S=%R", k, v);
        Ad_DECREF(k);
        Ad_DECREF(v);
        if (!s || AdStrWriter_WriteStr(&w, s) < 0) {
            Ad_XDECREF(s);
            goto done;
        }
        Ad_DECREF(s);
    }
    if (AdStrWriter_WriteChar(&w, ')') < 0)
        goto done;
    r = AdStrWriter_Finish(&w);
done:
    if (!r)
        AdStrWriter_Dealloc(&w);
    Ad_XDECREF(module);
    Ad_XDECREF(qualname);
    Ad_XDECREF(fn);
    Ad_XDECREF(args);
    Ad_XDECREF(kw);
    Ad_ReprLeave(self);
    return r;
}

static AdObject *partial_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    partialobject *p = (partialobject *)self;
    AdObject *dict = p->dict && AdDict_GET_SIZE(p->dict) > 0 ? p->dict : Ad_None;
    AdObject *fnt = AdTuple_Pack(1, p->fn);
    AdObject *state = AdTuple_Pack(4, p->fn, p->args, p->kw, dict);
    AdObject *r = fnt && state ? AdTuple_Pack(3, (AdObject *)AD_TYPE(self), fnt, state) : NULL;
    Ad_XDECREF(fnt);
    Ad_XDECREF(state);
    return r;
}

static AdObject *partial_setstate(AdObject *self, AdObject *state)
{
    partialobject *p = (partialobject *)self;
    if (!AdTuple_Check(state) || AdTuple_GET_SIZE(state) != 4)
        return AdErr_Format(AdExc_TypeError, "invalid partial state");
    AdObject *fn = AdTuple_GET_ITEM(state, 0), *fnargs = AdTuple_GET_ITEM(state, 1);
    AdObject *kw = AdTuple_GET_ITEM(state, 2), *dict = AdTuple_GET_ITEM(state, 3);
    if (!functools_is_callable(fn) || !AdTuple_Check(fnargs) || (kw != Ad_None && !AdDict_Check(kw)))
        return AdErr_Format(AdExc_TypeError, "invalid partial state");
    Ad_ssize_t n = AdTuple_GET_SIZE(fnargs);
    if (n > 0 && AdTuple_GET_ITEM(fnargs, n - 1) == PH)
        return AdErr_Format(AdExc_TypeError, "trailing Placeholders are not allowed");
    AdObject *nargs = AdTuple_CheckExact(fnargs) ? Ad_NewRef(fnargs) : AdTuple_GetSlice(fnargs, 0, n);
    if (!nargs)
        return NULL;
    AdObject *nkw = kw == Ad_None ? AdDict_New() : AdDict_CheckExact(kw) ? Ad_NewRef(kw) : AdDict_Copy(kw);
    if (!nkw) {
        Ad_DECREF(nargs);
        return NULL;
    }
    AD_XSETREF(p->fn, Ad_NewRef(fn));
    AD_XSETREF(p->args, nargs);
    AD_XSETREF(p->kw, nkw);
    AD_XSETREF(p->dict, dict == Ad_None ? NULL : Ad_NewRef(dict));
    p->phcount = count_placeholders(nargs);
    Ad_RETURN_NONE;
}

static AdObject *class_getitem(AdObject *cls, AdObject *arg) { return Ad_GenericAlias(cls, arg); }

static AdMethodDef partial_methods[] = {
    {"__reduce__", FN(partial_reduce), AD_METH_NOARGS, NULL},
    {"__setstate__", FN(partial_setstate), AD_METH_O, NULL},
    {"__class_getitem__", FN(class_getitem), AD_METH_O | AD_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef partial_members[] = {
    {"func", AD_T_OBJECT, offsetof(partialobject, fn), AD_READONLY, "function object to use in future partial calls"},
    {"args", AD_T_OBJECT, offsetof(partialobject, args), AD_READONLY, "tuple of arguments to future partial calls"},
    {"keywords", AD_T_OBJECT, offsetof(partialobject, kw), AD_READONLY, "dictionary of keyword arguments to future partial calls"},
    {NULL, 0, 0, 0, NULL},
};

static AdGetSetDef partial_getset[] = {
    {"__dict__", AdObject_GenericGetDict, AdObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject functools_partial_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(partialobject),
    .tp_dealloc = partial_dealloc,
    .tp_vectorcall_offset = offsetof(partialobject, vectorcall),
    .tp_repr = partial_repr,
    .tp_call = partial_call,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_VECTORCALL |
                AD_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a new function with partial application of the given arguments\n"
              "and keywords.",
    .tp_traverse = partial_traverse,
    .tp_clear = partial_tp_clear,
    .tp_weaklistoffset = offsetof(partialobject, weakreflist),
    .tp_methods = partial_methods,
    .tp_members = partial_members,
    .tp_getset = partial_getset,
    .tp_descr_get = partial_descr_get,
    .tp_dictoffset = offsetof(partialobject, dict),
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = partial_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- Placeholder ------------------------------------------------------------------------- */

AdObject functools_placeholder = AD_STATIC_OBJECT_INIT(&functools_placeholder_type);

static AdObject *placeholder_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type;
    if (AdTuple_GET_SIZE(args) > 0 || (kwargs && AdDict_GET_SIZE(kwargs) > 0))
        return AdErr_Format(AdExc_TypeError, "PlaceholderType takes no arguments");
    return PH;
}

static AdObject *placeholder_repr(AdObject *self)
{
    (void)self;
    return AdStr_FromString("Placeholder");
}

static AdObject *placeholder_reduce(AdObject *self, AdObject *unused)
{
    (void)self;
    (void)unused;
    return AdStr_FromString("Placeholder");
}

static AdMethodDef placeholder_methods[] = {
    {"__reduce__", FN(placeholder_reduce), AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject functools_placeholder_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "functools._PlaceholderType",
    .tp_basicsize = sizeof(AdObject),
    .tp_repr = placeholder_repr,
    .tp_doc = "The type of the Placeholder singleton.\n\nUsed as a placeholder for partial arguments.",
    .tp_methods = placeholder_methods,
    .tp_new = placeholder_new,
};
