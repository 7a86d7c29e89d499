/* namespace.c: types.SimpleNamespace (see namespace.h). Messages follow
 * CPython 3.14. */
#include <string.h>

#include "objects/namespace.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

static AdObject *namespace_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    AdNamespaceObject *ns = (AdNamespaceObject *)type->tp_alloc(type, 0);
    if (!ns)
        return NULL;
    ns->ns_dict = AdDict_New();
    if (!ns->ns_dict) {
        Ad_DECREF((AdObject *)ns);
        return NULL;
    }
    return (AdObject *)ns;
}

static int check_str_keys(AdObject *d)
{
    Ad_ssize_t pos = 0;
    AdObject *k, *v;
    while (AdDict_Next(d, &pos, &k, &v))
        if (!AdStr_Check(k)) {
            AdErr_SetString(AdExc_TypeError, "keywords must be strings");
            return -1;
        }
    return 0;
}

static int namespace_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    AdNamespaceObject *ns = (AdNamespaceObject *)self;
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    if (nargs > 1) {
        AdErr_Format(AdExc_TypeError, "%s expected at most 1 argument, got %zd",
                     AdType_ShortName(AD_TYPE(self)), nargs);
        return -1;
    }
    if (nargs == 1) {
        AdObject *arg = AdTuple_GET_ITEM(args, 0);
        AdObject *d = AdDict_New();
        if (!d)
            return -1;
        int rc;
        AdObject *keys = NULL;
        if (AdDict_Check(arg))
            rc = AdDict_Merge(d, arg, 1);
        else if ((rc = AdObject_GetOptionalAttr(arg, AdStr_InternFromString("keys"), &keys)) > 0) {
            Ad_DECREF(keys);
            rc = AdDict_Merge(d, arg, 1);
        }
        else if (rc == 0)
            rc = AdDict_MergeFromSeq2(d, arg, 1);
        if (rc == 0)
            rc = check_str_keys(d);
        if (rc == 0)
            rc = AdDict_Merge(ns->ns_dict, d, 1);
        Ad_DECREF(d);
        if (rc < 0)
            return -1;
    }
    if (kwds) {
        if (check_str_keys(kwds) < 0)
            return -1;
        if (AdDict_Merge(ns->ns_dict, kwds, 1) < 0)
            return -1;
    }
    return 0;
}

static void namespace_dealloc(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self);
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((AdNamespaceObject *)self)->ns_dict);
    type->tp_free(self);
}

static int namespace_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *d = ((AdNamespaceObject *)self)->ns_dict;
    return d ? visit(d, arg) : 0;
}

static int namespace_clear(AdObject *self)
{
    AD_CLEAR(((AdNamespaceObject *)self)->ns_dict);
    return 0;
}

static AdObject *namespace_repr(AdObject *self)
{
    const char *name = Ad_IS_TYPE(self, &AdNamespace_Type) ? "namespace" : AdType_ShortName(AD_TYPE(self));
    int rc = Ad_ReprEnter(self);
    if (rc < 0)
        return NULL;
    if (rc > 0)
        return AdStr_FromFormat("%s(...)", name);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    AdObject *d = ((AdNamespaceObject *)self)->ns_dict;
    Ad_INCREF(d);
    if (AdStrWriter_WriteUTF8(&w, name, (Ad_ssize_t)strlen(name)) < 0 || AdStrWriter_WriteChar(&w, '(') < 0)
        goto fail;
    Ad_ssize_t pos = 0;
    AdObject *k, *v;
    int first = 1;
    while (AdDict_Next(d, &pos, &k, &v)) {
        if (!AdStr_Check(k))
            continue;
        Ad_INCREF(k);
        Ad_INCREF(v);
        AdObject *r = AdObject_Repr(v);
        int bad = !r || (!first && AdStrWriter_WriteASCII(&w, ", ", 2) < 0) ||
                  AdStrWriter_WriteStr(&w, k) < 0 || AdStrWriter_WriteChar(&w, '=') < 0 ||
                  AdStrWriter_WriteStr(&w, r) < 0;
        Ad_XDECREF(r);
        Ad_DECREF(k);
        Ad_DECREF(v);
        if (bad)
            goto fail;
        first = 0;
    }
    if (AdStrWriter_WriteChar(&w, ')') < 0)
        goto fail;
    Ad_DECREF(d);
    Ad_ReprLeave(self);
    return AdStrWriter_Finish(&w);
fail:
    Ad_DECREF(d);
    Ad_ReprLeave(self);
    AdStrWriter_Dealloc(&w);
    return NULL;
}

static AdObject *namespace_richcompare(AdObject *a, AdObject *b, int op)
{
    if (AdObject_TypeCheck(a, &AdNamespace_Type) && AdObject_TypeCheck(b, &AdNamespace_Type) &&
        (op == AD_EQ || op == AD_NE))
        return AdObject_RichCompare(((AdNamespaceObject *)a)->ns_dict, ((AdNamespaceObject *)b)->ns_dict, op);
    Ad_RETURN_NOTIMPLEMENTED;
}

static AdObject *namespace_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *empty = AdTuple_New(0);
    if (!empty)
        return NULL;
    AdObject *r = AdTuple_Pack(3, (AdObject *)AD_TYPE(self), empty, ((AdNamespaceObject *)self)->ns_dict);
    Ad_DECREF(empty);
    return r;
}

static AdObject *namespace_replace(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                   AdObject *kwnames)
{
    if (nargs > 0)
        return AdErr_Format(AdExc_TypeError, "__replace__() takes no positional arguments");
    AdObject *empty = AdTuple_New(0);
    if (!empty)
        return NULL;
    AdObject *res = AdObject_CallNoArgs((AdObject *)AD_TYPE(self));
    Ad_DECREF(empty);
    if (!res)
        return NULL;
    AdObject **dp = AdObject_GetDictPtr(res);
    AdObject *d = dp ? *dp : NULL;
    if (!d || AdDict_Merge(d, ((AdNamespaceObject *)self)->ns_dict, 1) < 0)
        goto fail;
    Ad_ssize_t nk = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t k = 0; k < nk; k++)
        if (AdDict_SetItem(d, AdTuple_GET_ITEM(kwnames, k), args[k]) < 0)
            goto fail;
    return res;
fail:
    if (!AdErr_Occurred())
        AdErr_BadInternalCall();
    Ad_DECREF(res);
    return NULL;
}

static AdMethodDef namespace_methods[] = {
    {"__reduce__", (void (*)(void))namespace_reduce, AD_METH_NOARGS, "Return state information for pickling"},
    {"__replace__", (void (*)(void))namespace_replace, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "__replace__($self, /, **changes)\n--\n\nReturn a copy of the namespace object with new values for the specified attributes."},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef namespace_members[] = {
    {"__dict__", AD_T_OBJECT, offsetof(AdNamespaceObject, ns_dict), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdNamespace_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(AdNamespaceObject),
    .tp_dealloc = namespace_dealloc,
    .tp_repr = namespace_repr,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "SimpleNamespace(mapping_or_iterable=(), /, **kwargs)\n--\n\nA simple attribute-based namespace.",
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_richcompare = namespace_richcompare,
    .tp_methods = namespace_methods,
    .tp_members = namespace_members,
    .tp_dictoffset = offsetof(AdNamespaceObject, ns_dict),
    .tp_init = namespace_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = namespace_new,
    .tp_free = AdObject_GC_Del,
};

AdObject *AdNamespace_New(AdObject *kwds)
{
    AdObject *ns = namespace_new(&AdNamespace_Type, NULL, NULL);
    if (ns && kwds && AdDict_Merge(((AdNamespaceObject *)ns)->ns_dict, kwds, 1) < 0) {
        Ad_DECREF(ns);
        return NULL;
    }
    return ns;
}
