/* operator_getters.c: the callable types of the _operator module:
 * itemgetter (obj[i] or a tuple of several), attrgetter (getattr along
 * dotted names), methodcaller (obj.name(*args, **kwargs)). Each is called
 * through vectorcall; each has CPython's repr ("operator.itemgetter(1, 2)")
 * and __reduce__. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "modules/operator_internal.h"
#include "import/import.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

/* tp_call through the object's vectorcall: for callers with a tuple. */
static AdObject *call_via_vectorcall(AdObject *self, AdObject *args, AdObject *kwds)
{
    vectorcallfunc f = *(vectorcallfunc *)((char *)self + AD_TYPE(self)->tp_vectorcall_offset);
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (!kwds || AdDict_GET_SIZE(kwds) == 0)
        return f(self, AdTuple_ITEMS(args), (size_t)nargs, NULL);
    Ad_ssize_t nkw = AdDict_GET_SIZE(kwds);
    AdObject *stack = AdTuple_New(nargs + nkw);
    AdObject *names = stack ? AdTuple_New(nkw) : NULL;
    if (!names) {
        Ad_XDECREF(stack);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < nargs; i++)
        AdTuple_SET_ITEM(stack, i, Ad_NewRef(AdTuple_GET_ITEM(args, i)));
    Ad_ssize_t pos = 0, k = 0;
    AdObject *key, *value;
    while (AdDict_Next(kwds, &pos, &key, &value)) {
        AdTuple_SET_ITEM(names, k, Ad_NewRef(key));
        AdTuple_SET_ITEM(stack, nargs + k, Ad_NewRef(value));
        k++;
    }
    AdObject *r = f(self, AdTuple_ITEMS(stack), (size_t)nargs, names);
    Ad_DECREF(stack);
    Ad_DECREF(names);
    return r;
}

static int no_kwnames(const char *name, AdObject *kwnames)
{
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0) {
        AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

static int one_arg(const char *name, Ad_ssize_t nargs)
{
    if (nargs != 1) {
        AdErr_Format(AdExc_TypeError, "%s expected 1 argument, got %zd", name, nargs);
        return -1;
    }
    return 0;
}

/* "operator.NAME(r1, r2, ...)" from the reprs of items[0..n). */
static AdObject *repr_with_items(AdObject *self, AdObject *const *items, Ad_ssize_t n, AdObject *kwds)
{
    const char *tname = AdType_Name(AD_TYPE(self));
    int rc = Ad_ReprEnter(self);
    if (rc != 0)
        return rc < 0 ? NULL : AdStr_FromFormat("%s(...)", tname);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (AdStrWriter_WriteUTF8(&w, tname, (Ad_ssize_t)strlen(tname)) < 0 || AdStrWriter_WriteChar(&w, '(') < 0)
        goto fail;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *r = AdObject_Repr(items[i]);
        int bad = !r || (i > 0 && AdStrWriter_WriteASCII(&w, ", ", 2) < 0) || AdStrWriter_WriteStr(&w, r) < 0;
        Ad_XDECREF(r);
        if (bad)
            goto fail;
    }
    if (kwds) {
        Ad_ssize_t pos = 0;
        AdObject *key, *value;
        while (AdDict_Next(kwds, &pos, &key, &value)) {
            AdObject *r = AdObject_Repr(value);
            int bad = !r || AdStrWriter_WriteASCII(&w, ", ", 2) < 0 || AdStrWriter_WriteStr(&w, key) < 0 ||
                      AdStrWriter_WriteChar(&w, '=') < 0 || AdStrWriter_WriteStr(&w, r) < 0;
            Ad_XDECREF(r);
            if (bad)
                goto fail;
        }
    }
    if (AdStrWriter_WriteChar(&w, ')') < 0)
        goto fail;
    Ad_ReprLeave(self);
    return AdStrWriter_Finish(&w);
fail:
    Ad_ReprLeave(self);
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* ---- itemgetter ------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t nitems;
    AdObject *item;             /* the item, or the tuple of items when nitems > 1 */
    Ad_ssize_t index;           /* item as a non-negative machine int, else -1 */
    vectorcallfunc vectorcall;
} ItemGetterObject;

/* obj[key] without the generic protocol when obj is an exact tuple or list
 * and key an exact int in range (negative ones count from the end); NULL
 * (no exception) when the fast path does not apply. Borrowed. */
static AdObject *fast_index(AdObject *obj, AdObject *key)
{
    AdObject *const *items;
    Ad_ssize_t n;
    if (AdTuple_CheckExact(obj)) {
        items = AdTuple_ITEMS(obj);
        n = AdTuple_GET_SIZE(obj);
    } else if (AdList_CheckExact(obj)) {
        items = ((AdListObject *)obj)->items;
        n = AD_SIZE(obj);
    } else
        return NULL;
    int64_t i;
    if (!AdInt_CheckExact(key) || !AdInt_SmallValue(key, &i))
        return NULL;
    if (i < 0)
        i += n;
    return i >= 0 && i < n ? items[i] : NULL;
}

static AdObject *itemgetter_vectorcall(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    ItemGetterObject *ig = (ItemGetterObject *)self;
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (no_kwnames("itemgetter", kwnames) < 0 || one_arg("itemgetter", nargs) < 0)
        return NULL;
    AdObject *obj = args[0];
    if (ig->nitems == 1) {
        Ad_ssize_t i = ig->index;
        if (i >= 0) {
            if (AdTuple_CheckExact(obj) && i < AdTuple_GET_SIZE(obj))
                return Ad_NewRef(AdTuple_GET_ITEM(obj, i));
            if (AdList_CheckExact(obj) && i < AD_SIZE(obj))
                return Ad_NewRef(((AdListObject *)obj)->items[i]);
        }
        AdObject *v = i < 0 ? fast_index(obj, ig->item) : NULL;     /* negative index */
        return v ? Ad_NewRef(v) : AdObject_GetItem(obj, ig->item);
    }
    AdObject *t = AdTuple_New(ig->nitems);
    if (!t)
        return NULL;
    for (Ad_ssize_t k = 0; k < ig->nitems; k++) {
        AdObject *key = AdTuple_GET_ITEM(ig->item, k);
        AdObject *v = fast_index(obj, key);
        v = v ? Ad_NewRef(v) : AdObject_GetItem(obj, key);
        if (!v) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, k, v);
    }
    return t;
}

static AdObject *itemgetter_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) > 0)
        return AdErr_Format(AdExc_TypeError, "itemgetter() takes no keyword arguments");
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n == 0)
        return AdErr_Format(AdExc_TypeError, "itemgetter expected 1 argument, got 0");
    ItemGetterObject *ig = (ItemGetterObject *)AdObject_GC_New(type);
    if (!ig)
        return NULL;
    ig->nitems = n;
    ig->item = n == 1 ? Ad_NewRef(AdTuple_GET_ITEM(args, 0)) : Ad_NewRef(args);
    ig->index = -1;
    int64_t v;
    if (n == 1 && AdInt_CheckExact(ig->item) && AdInt_SmallValue(ig->item, &v) && v >= 0)
        ig->index = (Ad_ssize_t)v;
    ig->vectorcall = itemgetter_vectorcall;
    AdObject_GC_Track((AdObject *)ig);
    return (AdObject *)ig;
}

static int itemgetter_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *item = ((ItemGetterObject *)self)->item;
    return item ? visit(item, arg) : 0;
}

static int itemgetter_clear(AdObject *self)
{
    AD_CLEAR(((ItemGetterObject *)self)->item);
    return 0;
}

static void getter_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    AD_TYPE(self)->tp_clear(self);
    AD_TYPE(self)->tp_free(self);
}

static AdObject *itemgetter_repr(AdObject *self)
{
    ItemGetterObject *ig = (ItemGetterObject *)self;
    if (ig->nitems == 1)
        return repr_with_items(self, &ig->item, 1, NULL);
    return repr_with_items(self, AdTuple_ITEMS(ig->item), ig->nitems, NULL);
}

static AdObject *itemgetter_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    ItemGetterObject *ig = (ItemGetterObject *)self;
    if (ig->nitems == 1) {
        AdObject *args = AdTuple_Pack(1, ig->item);
        if (!args)
            return NULL;
        AdObject *r = AdTuple_Pack(2, (AdObject *)AD_TYPE(self), args);
        Ad_DECREF(args);
        return r;
    }
    return AdTuple_Pack(2, (AdObject *)AD_TYPE(self), ig->item);
}

static AdMethodDef itemgetter_methods[] = {
    {"__reduce__", (void (*)(void))itemgetter_reduce, AD_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

AdTypeObject operator_itemgetter_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "operator.itemgetter",
    .tp_basicsize = sizeof(ItemGetterObject),
    .tp_dealloc = getter_dealloc,
    .tp_vectorcall_offset = offsetof(ItemGetterObject, vectorcall),
    .tp_repr = itemgetter_repr,
    .tp_call = call_via_vectorcall,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "itemgetter(item, /, *items)\n--\n\n"
              "Return a callable object that fetches the given item(s) from its operand.\n\n"
              "After f = itemgetter(2), the call f(r) returns r[2].\n"
              "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
    .tp_traverse = itemgetter_traverse,
    .tp_clear = itemgetter_clear,
    .tp_methods = itemgetter_methods,
    .tp_new = itemgetter_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- attrgetter ------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t nattrs;
    AdObject *attrs;            /* tuple: per name an interned str, or a tuple of them for a.b.c */
    vectorcallfunc vectorcall;
} AttrGetterObject;

static AdObject *get_dotted(AdObject *obj, AdObject *attr)
{
    if (!AdTuple_CheckExact(attr))
        return AdObject_GetAttr(obj, attr);
    Ad_ssize_t n = AdTuple_GET_SIZE(attr);
    AdObject *cur = Ad_NewRef(obj);
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *next = AdObject_GetAttr(cur, AdTuple_GET_ITEM(attr, i));
        Ad_DECREF(cur);
        if (!next)
            return NULL;
        cur = next;
    }
    return cur;
}

static AdObject *attrgetter_vectorcall(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    AttrGetterObject *ag = (AttrGetterObject *)self;
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (no_kwnames("attrgetter", kwnames) < 0 || one_arg("attrgetter", nargs) < 0)
        return NULL;
    if (ag->nattrs == 1)
        return get_dotted(args[0], AdTuple_GET_ITEM(ag->attrs, 0));
    AdObject *t = AdTuple_New(ag->nattrs);
    if (!t)
        return NULL;
    for (Ad_ssize_t k = 0; k < ag->nattrs; k++) {
        AdObject *v = get_dotted(args[0], AdTuple_GET_ITEM(ag->attrs, k));
        if (!v) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, k, v);
    }
    return t;
}

static AdObject *interned_copy(AdObject *s)
{
    /* A str subclass instance must not enter the interned table. */
    AdObject *c = AdStr_CheckExact(s) ? Ad_NewRef(s)
                                      : AdStr_FromKindAndData(AdStr_KIND(s), AdStr_DATA(s), AdStr_LENGTH(s));
    if (c)
        AdStr_InternInPlace(&c);
    return c;
}

/* The stored form of one name: the interned name, or a tuple of the parts. */
static AdObject *split_name(AdObject *name)
{
    Ad_ssize_t len = AdStr_LENGTH(name);
    Ad_ssize_t dots = 0;
    for (Ad_ssize_t i = 0; i < len; i++)
        dots += AdStr_READ_CHAR(name, i) == '.';
    if (dots == 0)
        return interned_copy(name);
    AdObject *parts = AdTuple_New(dots + 1);
    if (!parts)
        return NULL;
    Ad_ssize_t start = 0, k = 0;
    for (Ad_ssize_t i = 0; i <= len; i++) {
        if (i < len && AdStr_READ_CHAR(name, i) != '.')
            continue;
        AdObject *part = AdStr_Substring(name, start, i);
        if (part)
            AdStr_InternInPlace(&part);
        if (!part) {
            Ad_DECREF(parts);
            return NULL;
        }
        AdTuple_SET_ITEM(parts, k++, part);
        start = i + 1;
    }
    return parts;
}

static AdObject *attrgetter_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds) > 0)
        return AdErr_Format(AdExc_TypeError, "attrgetter() takes no keyword arguments");
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n == 0)
        return AdErr_Format(AdExc_TypeError, "attrgetter expected 1 argument, got 0");
    AdObject *attrs = AdTuple_New(n);
    if (!attrs)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *name = AdTuple_GET_ITEM(args, i);
        if (!AdStr_Check(name)) {
            Ad_DECREF(attrs);
            return AdErr_Format(AdExc_TypeError, "attribute name must be a string");
        }
        AdObject *stored = split_name(name);
        if (!stored) {
            Ad_DECREF(attrs);
            return NULL;
        }
        AdTuple_SET_ITEM(attrs, i, stored);
    }
    AttrGetterObject *ag = (AttrGetterObject *)AdObject_GC_New(type);
    if (!ag) {
        Ad_DECREF(attrs);
        return NULL;
    }
    ag->nattrs = n;
    ag->attrs = attrs;
    ag->vectorcall = attrgetter_vectorcall;
    AdObject_GC_Track((AdObject *)ag);
    return (AdObject *)ag;
}

static int attrgetter_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *a = ((AttrGetterObject *)self)->attrs;
    return a ? visit(a, arg) : 0;
}

static int attrgetter_clear(AdObject *self)
{
    AD_CLEAR(((AttrGetterObject *)self)->attrs);
    return 0;
}

/* The names as given: dotted ones joined back. New tuple. */
static AdObject *attrgetter_names(AttrGetterObject *ag)
{
    AdObject *names = AdTuple_New(ag->nattrs);
    if (!names)
        return NULL;
    AdObject *dot = AdStr_InternFromString(".");
    for (Ad_ssize_t i = 0; i < ag->nattrs; i++) {
        AdObject *a = AdTuple_GET_ITEM(ag->attrs, i);
        AdObject *s = AdTuple_CheckExact(a) ? AdStr_Join(dot, a) : Ad_NewRef(a);
        if (!s) {
            Ad_DECREF(names);
            return NULL;
        }
        AdTuple_SET_ITEM(names, i, s);
    }
    return names;
}

static AdObject *attrgetter_repr(AdObject *self)
{
    AdObject *names = attrgetter_names((AttrGetterObject *)self);
    if (!names)
        return NULL;
    AdObject *r = repr_with_items(self, AdTuple_ITEMS(names), AdTuple_GET_SIZE(names), NULL);
    Ad_DECREF(names);
    return r;
}

static AdObject *attrgetter_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *names = attrgetter_names((AttrGetterObject *)self);
    if (!names)
        return NULL;
    AdObject *r = AdTuple_Pack(2, (AdObject *)AD_TYPE(self), names);
    Ad_DECREF(names);
    return r;
}

static AdMethodDef attrgetter_methods[] = {
    {"__reduce__", (void (*)(void))attrgetter_reduce, AD_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

AdTypeObject operator_attrgetter_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "operator.attrgetter",
    .tp_basicsize = sizeof(AttrGetterObject),
    .tp_dealloc = getter_dealloc,
    .tp_vectorcall_offset = offsetof(AttrGetterObject, vectorcall),
    .tp_repr = attrgetter_repr,
    .tp_call = call_via_vectorcall,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "attrgetter(attr, /, *attrs)\n--\n\n"
              "Return a callable object that fetches the given attribute(s) from its operand.\n"
              "After f = attrgetter('name'), the call f(r) returns r.name.\n"
              "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
              "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
              "(r.name.first, r.name.last).",
    .tp_traverse = attrgetter_traverse,
    .tp_clear = attrgetter_clear,
    .tp_methods = attrgetter_methods,
    .tp_new = attrgetter_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- methodcaller ---------------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    AdObject *name;             /* interned str */
    AdObject *args;             /* tuple of the positional arguments */
    AdObject *kwds;             /* dict of the keyword arguments, or NULL */
    AdObject *stack;            /* tuple: args then the keyword values */
    AdObject *kwnames;          /* tuple of the keyword names, or NULL */
    vectorcallfunc vectorcall;
} MethodCallerObject;

static AdObject *methodcaller_vectorcall(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    MethodCallerObject *mc = (MethodCallerObject *)self;
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    if (one_arg("methodcaller", nargs) < 0 || no_kwnames("methodcaller", kwnames) < 0)
        return NULL;
    AdObject *meth = AdObject_GetAttr(args[0], mc->name);
    if (!meth)
        return NULL;
    AdObject *r = AdObject_Vectorcall(meth, AdTuple_ITEMS(mc->stack), (size_t)AdTuple_GET_SIZE(mc->args),
                                      mc->kwnames);
    Ad_DECREF(meth);
    return r;
}

static AdObject *methodcaller_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n < 1)
        return AdErr_Format(AdExc_TypeError, "methodcaller needs at least one argument, the method name");
    AdObject *name = AdTuple_GET_ITEM(args, 0);
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "method name must be a string");
    Ad_ssize_t nkw = kwds ? AdDict_GET_SIZE(kwds) : 0;
    MethodCallerObject *mc = (MethodCallerObject *)AdObject_GC_New(type);
    if (!mc)
        return NULL;
    mc->name = interned_copy(name);
    mc->args = AdTuple_GetSlice(args, 1, n);
    mc->kwds = nkw ? AdDict_Copy(kwds) : NULL;
    mc->stack = AdTuple_New(n - 1 + nkw);
    mc->kwnames = nkw ? AdTuple_New(nkw) : NULL;
    mc->vectorcall = methodcaller_vectorcall;
    if (!mc->name || !mc->args || (nkw && (!mc->kwds || !mc->kwnames)) || !mc->stack) {
        /* Fill the stack's slots so that the tuple can be freed. */
        AdObject_GC_Track((AdObject *)mc);
        Ad_DECREF((AdObject *)mc);
        return NULL;
    }
    for (Ad_ssize_t i = 1; i < n; i++)
        AdTuple_SET_ITEM(mc->stack, i - 1, Ad_NewRef(AdTuple_GET_ITEM(args, i)));
    Ad_ssize_t pos = 0, k = 0;
    AdObject *key, *value;
    while (nkw && AdDict_Next(mc->kwds, &pos, &key, &value)) {
        AdTuple_SET_ITEM(mc->kwnames, k, Ad_NewRef(key));
        AdTuple_SET_ITEM(mc->stack, n - 1 + k, Ad_NewRef(value));
        k++;
    }
    AdObject_GC_Track((AdObject *)mc);
    return (AdObject *)mc;
}

static int methodcaller_traverse(AdObject *self, visitproc visit, void *arg)
{
    MethodCallerObject *mc = (MethodCallerObject *)self;
    AdObject *fields[] = {mc->name, mc->args, mc->kwds, mc->stack, mc->kwnames};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static int methodcaller_clear(AdObject *self)
{
    MethodCallerObject *mc = (MethodCallerObject *)self;
    AD_CLEAR(mc->name);
    AD_CLEAR(mc->args);
    AD_CLEAR(mc->kwds);
    AD_CLEAR(mc->stack);
    AD_CLEAR(mc->kwnames);
    return 0;
}

static AdObject *methodcaller_repr(AdObject *self)
{
    MethodCallerObject *mc = (MethodCallerObject *)self;
    AdObject *items = AdTuple_New(AdTuple_GET_SIZE(mc->args) + 1);
    if (!items)
        return NULL;
    AdTuple_SET_ITEM(items, 0, Ad_NewRef(mc->name));
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(mc->args); i++)
        AdTuple_SET_ITEM(items, i + 1, Ad_NewRef(AdTuple_GET_ITEM(mc->args, i)));
    AdObject *r = repr_with_items(self, AdTuple_ITEMS(items), AdTuple_GET_SIZE(items), mc->kwds);
    Ad_DECREF(items);
    return r;
}

static AdObject *methodcaller_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    MethodCallerObject *mc = (MethodCallerObject *)self;
    if (!mc->kwds) {
        AdObject *args = AdTuple_New(AdTuple_GET_SIZE(mc->args) + 1);
        if (!args)
            return NULL;
        AdTuple_SET_ITEM(args, 0, Ad_NewRef(mc->name));
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(mc->args); i++)
            AdTuple_SET_ITEM(args, i + 1, Ad_NewRef(AdTuple_GET_ITEM(mc->args, i)));
        AdObject *r = AdTuple_Pack(2, (AdObject *)AD_TYPE(self), args);
        Ad_DECREF(args);
        return r;
    }
    /* functools.partial(type(self), name, **kwds), args */
    AdObject *functools = AdImport_ImportModule("functools");
    if (!functools)
        return NULL;
    AdObject *partial = AdObject_GetAttrString(functools, "partial");
    Ad_DECREF(functools);
    if (!partial)
        return NULL;
    AdObject *pargs = AdTuple_Pack(2, (AdObject *)AD_TYPE(self), mc->name);
    AdObject *bound = pargs ? AdObject_Call(partial, pargs, mc->kwds) : NULL;
    Ad_XDECREF(pargs);
    Ad_DECREF(partial);
    if (!bound)
        return NULL;
    AdObject *r = AdTuple_Pack(2, bound, mc->args);
    Ad_DECREF(bound);
    return r;
}

static AdMethodDef methodcaller_methods[] = {
    {"__reduce__", (void (*)(void))methodcaller_reduce, AD_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

AdTypeObject operator_methodcaller_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "operator.methodcaller",
    .tp_basicsize = sizeof(MethodCallerObject),
    .tp_dealloc = getter_dealloc,
    .tp_vectorcall_offset = offsetof(MethodCallerObject, vectorcall),
    .tp_repr = methodcaller_repr,
    .tp_call = call_via_vectorcall,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "methodcaller(name, /, *args, **kwargs)\n--\n\n"
              "Return a callable object that calls the given method on its operand.\n"
              "After f = methodcaller('name'), the call f(r) returns r.name().\n"
              "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
              "r.name('date', foo=1).",
    .tp_traverse = methodcaller_traverse,
    .tp_clear = methodcaller_clear,
    .tp_methods = methodcaller_methods,
    .tp_new = methodcaller_new,
    .tp_free = AdObject_GC_Del,
};
