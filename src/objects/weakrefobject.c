/* weakrefobject.c: weak references (weakref.h): the ref type
 * (weakref.ReferenceType, subclassable), the two proxy types, the lists of
 * references each weakly referenceable object heads, and their clearing
 * when the referent dies (by refcount here, by the cycle collector through
 * AdWeakref_ClearForGC). Behaviour and messages follow CPython 3.14: the
 * callback-less ref and proxy of an object are shared ("basic" ones, kept
 * at the front of the list), other references are inserted after them so
 * that callbacks run most recent first. */
#include <string.h>

#include "objects/weakref.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/args.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/alloc.h"
#include "memory/gc.h"

#define WR(o) ((AdWeakRefObject *)(o))

/* ---- the list headed by the referent -------------------------------------------------- */

static AdObject **weaklist_of(AdObject *o)
{
    Ad_ssize_t off = AD_TYPE(o)->tp_weaklistoffset;
    if (off == 0)
        return NULL;
    if (off < 0)
        off += AdObject_VarSlotsEnd(o);
    return (AdObject **)((char *)o + off);
}

AdObject **AdObject_WeakListPtr(AdObject *o)
{
    return weaklist_of(o);
}

/* Takes wr out of its referent's list and marks it dead; its callback stays. */
static void kill_ref(AdWeakRefObject *wr)
{
    if (wr->wr_object) {
        AdObject **list = weaklist_of(wr->wr_object);
        if (list && *list == (AdObject *)wr)
            *list = (AdObject *)wr->wr_next;
        if (wr->wr_prev)
            wr->wr_prev->wr_next = wr->wr_next;
        if (wr->wr_next)
            wr->wr_next->wr_prev = wr->wr_prev;
    }
    wr->wr_object = NULL;
    wr->wr_prev = wr->wr_next = NULL;
}

static void insert_head(AdWeakRefObject *wr, AdObject **list)
{
    AdWeakRefObject *head = WR(*list);
    wr->wr_prev = NULL;
    wr->wr_next = head;
    if (head)
        head->wr_prev = wr;
    *list = (AdObject *)wr;
}

static void insert_after(AdWeakRefObject *wr, AdWeakRefObject *prev)
{
    wr->wr_prev = prev;
    wr->wr_next = prev->wr_next;
    if (prev->wr_next)
        prev->wr_next->wr_prev = wr;
    prev->wr_next = wr;
}

/* The shared callback-less ref and proxy at the front of a list, if any. */
static void basic_refs(AdObject *head, AdWeakRefObject **ref, AdWeakRefObject **proxy)
{
    AdWeakRefObject *wr = WR(head);
    *ref = *proxy = NULL;
    if (wr && AdWeakref_CheckRefExact(wr) && !wr->wr_callback) {
        *ref = wr;
        wr = wr->wr_next;
    }
    if (wr && AdWeakref_CheckProxy(wr) && !wr->wr_callback)
        *proxy = wr;
}

static void init_ref(AdWeakRefObject *wr, AdObject *ob, AdObject *callback)
{
    wr->wr_object = ob;
    wr->wr_callback = Ad_XNewRef(callback);
    wr->hash = -1;
    wr->wr_prev = wr->wr_next = NULL;
}

static int check_referent(AdObject *ob)
{
    if (!AdType_SupportsWeakRefs(AD_TYPE(ob))) {
        AdErr_Format(AdExc_TypeError, "cannot create weak reference to '%s' object", AD_TYPE(ob)->tp_name);
        return -1;
    }
    return 0;
}

AdObject *AdWeakref_GetRef(AdObject *ref)
{
    AdObject *o = WR(ref)->wr_object;
    if (!o || AD_REFCNT(o) <= 0)
        return NULL;
    return Ad_NewRef(o);
}

Ad_ssize_t AdWeakref_Count(AdObject *o)
{
    AdObject **list = weaklist_of(o);
    Ad_ssize_t n = 0;
    for (AdWeakRefObject *wr = list ? WR(*list) : NULL; wr; wr = wr->wr_next)
        n++;
    return n;
}

/* ---- calling callbacks ------------------------------------------------------------------- */

static void report_callback_error(AdObject *callback)
{
    AdObject *exc = AdErr_GetRaisedException();
    AdObject *r = AdObject_Repr(callback);
    const char *s = r ? AdStr_AsUTF8(r) : NULL;
    if (!s)
        AdErr_Clear();
    AdErr_SetRaisedException(exc);
    AdErr_FormatUnraisable("Exception ignored while calling weakref callback %s",
                           s ? s : "<object repr() failed>");
    Ad_XDECREF(r);
}

static void call_callback(AdObject *wr, AdObject *callback)
{
    AdObject *r = AdObject_CallOneArg(callback, wr);
    if (r)
        Ad_DECREF(r);
    else
        report_callback_error(callback);
}

void AdObject_ClearWeakRefs(AdObject *o)
{
    AdObject **list = weaklist_of(o);
    if (!list || !*list)
        return;
    AdObject *exc = AdErr_GetRaisedException();
    Ad_ssize_t n = 0;
    for (AdWeakRefObject *wr = WR(*list); wr; wr = wr->wr_next)
        if (wr->wr_callback && AD_REFCNT(wr) > 0)
            n++;
    /* Every reference dies first; then the callbacks run, in list order. */
    AdObject *small[16], **calls = small;
    if (n > 8) {
        calls = AdMem_Malloc((size_t)n * 2 * sizeof(AdObject *));
        if (!calls)
            n = 0;              /* no memory: the callbacks are dropped */
    }
    Ad_ssize_t k = 0;
    while (*list) {
        AdWeakRefObject *wr = WR(*list);
        AdObject *callback = wr->wr_callback;
        wr->wr_callback = NULL;
        kill_ref(wr);
        if (callback && AD_REFCNT(wr) > 0 && k < n) {
            calls[2 * k] = Ad_NewRef((AdObject *)wr);
            calls[2 * k + 1] = callback;
            k++;
        }
        else
            Ad_XDECREF(callback);
    }
    for (Ad_ssize_t i = 0; i < k; i++) {
        call_callback(calls[2 * i], calls[2 * i + 1]);
        Ad_DECREF(calls[2 * i + 1]);
        Ad_DECREF(calls[2 * i]);
    }
    if (calls != small)
        AdMem_Free(calls);
    AdErr_SetRaisedException(exc);
}

int AdWeakref_ClearForGC(AdObject *o, int (*keep_callback)(AdObject *ref, void *arg), void *arg,
                         AdObject *pending)
{
    int rc = 0;
    if (AdWeakref_Check(o))
        kill_ref(WR(o));
    AdObject **list = weaklist_of(o);
    if (!list)
        return 0;
    while (*list) {
        AdWeakRefObject *wr = WR(*list);
        kill_ref(wr);
        if (wr->wr_callback && keep_callback && keep_callback((AdObject *)wr, arg) &&
            AdList_Append(pending, (AdObject *)wr) < 0) {
            AdErr_Clear();
            rc = -1;
        }
    }
    return rc;
}

void AdWeakref_CallPendingCallback(AdObject *ref)
{
    AdObject *callback = WR(ref)->wr_callback;
    if (!callback)
        return;
    Ad_INCREF(callback);
    call_callback(ref, callback);
    Ad_DECREF(callback);
}

/* ---- weakref.ref ----------------------------------------------------------------------- */

/* Keywords are refused only by ref itself (subclasses may take their own). */
static int parse_ref_args(AdTypeObject *type, const char *fname, AdObject *args, AdObject *kwargs,
                          AdObject **ob, AdObject **callback)
{
    if (type == &AdWeakref_RefType && kwargs && AdDict_GET_SIZE(kwargs) > 0) {
        AdErr_SetString(AdExc_TypeError, "ref() takes no keyword arguments");
        return -1;
    }
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (AdArg_CheckPositional(fname, n, 1, 2) < 0)
        return -1;
    *ob = AdTuple_GET_ITEM(args, 0);
    *callback = n > 1 ? AdTuple_GET_ITEM(args, 1) : NULL;
    if (*callback == Ad_None)
        *callback = NULL;
    return 0;
}

static AdObject *ref_call_vector(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames);

static AdObject *new_ref(AdTypeObject *type, AdObject *ob, AdObject *callback)
{
    if (check_referent(ob) < 0)
        return NULL;
    if (callback == Ad_None)
        callback = NULL;
    AdObject **list = weaklist_of(ob);
    AdWeakRefObject *ref, *proxy;
    basic_refs(*list, &ref, &proxy);
    if (type == &AdWeakref_RefType && !callback && ref)
        return Ad_NewRef((AdObject *)ref);
    /* Allocation may run the collector, which may change the list. The
     * exact type is allocated directly: static types ask for references
     * to themselves (their subclass lists) before this type is readied. */
    AdWeakRefObject *wr;
    if (type == &AdWeakref_RefType) {
        wr = (AdWeakRefObject *)AdObject_GC_New(type);
        if (wr)
            AdObject_GC_Track((AdObject *)wr);
    }
    else
        wr = (AdWeakRefObject *)type->tp_alloc(type, 0);
    if (!wr)
        return NULL;
    init_ref(wr, ob, callback);
    wr->vectorcall = ref_call_vector;
    basic_refs(*list, &ref, &proxy);
    if (type == &AdWeakref_RefType && !callback)
        insert_head(wr, list);
    else if (proxy || ref)
        insert_after(wr, proxy ? proxy : ref);
    else
        insert_head(wr, list);
    return (AdObject *)wr;
}

AdObject *AdWeakref_NewRef(AdObject *ob, AdObject *callback)
{
    return new_ref(&AdWeakref_RefType, ob, callback);
}

static AdObject *ref_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    AdObject *ob, *callback;
    if (parse_ref_args(type, "__new__", args, kwargs, &ob, &callback) < 0)
        return NULL;
    return new_ref(type, ob, callback);
}

static int ref_init(AdObject *self, AdObject *args, AdObject *kwargs)
{
    AdObject *ob, *callback;
    return parse_ref_args(AD_TYPE(self), "__init__", args, kwargs, &ob, &callback);
}

static void ref_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    kill_ref(WR(self));
    AD_CLEAR(WR(self)->wr_callback);
    AD_TYPE(self)->tp_free(self);
}

static int ref_traverse(AdObject *self, visitproc visit, void *arg)
{
    return WR(self)->wr_callback ? visit(WR(self)->wr_callback, arg) : 0;
}

static int ref_clear(AdObject *self)
{
    kill_ref(WR(self));
    AD_CLEAR(WR(self)->wr_callback);
    return 0;
}

static AdObject *ref_call_vector(AdObject *self, AdObject *const *args, size_t nargsf, AdObject *kwnames)
{
    (void)args;
    if (AdArg_NoKeywords("weakref", kwnames) < 0 ||
        AdArg_CheckPositional("weakref", AdVectorcall_NARGS(nargsf), 0, 0) < 0)
        return NULL;
    AdObject *o = AdWeakref_GetRef(self);
    return o ? o : Ad_NewRef(Ad_None);
}

static AdObject *ref_call(AdObject *self, AdObject *args, AdObject *kwargs)
{
    if (kwargs && AdDict_GET_SIZE(kwargs) > 0) {
        AdErr_SetString(AdExc_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    return ref_call_vector(self, NULL, (size_t)AdTuple_GET_SIZE(args), NULL);
}

static Ad_hash_t ref_hash(AdObject *self)
{
    AdWeakRefObject *wr = WR(self);
    if (wr->hash != -1)
        return wr->hash;
    AdObject *o = AdWeakref_GetRef(self);
    if (!o) {
        AdErr_SetString(AdExc_TypeError, "weak object has gone away");
        return -1;
    }
    Ad_hash_t h = AdObject_Hash(o);
    Ad_DECREF(o);
    wr->hash = h;
    return h;
}

static AdObject *ref_richcompare(AdObject *self, AdObject *other, int op)
{
    if ((op != AD_EQ && op != AD_NE) || !AdWeakref_CheckRef(self) || !AdWeakref_CheckRef(other))
        Ad_RETURN_NOTIMPLEMENTED;
    AdObject *a = AdWeakref_GetRef(self), *b = AdWeakref_GetRef(other);
    if (!a || !b) {
        Ad_XDECREF(a);
        Ad_XDECREF(b);
        int same = self == other;
        return Ad_NewRef(AdBool_FromLong(op == AD_EQ ? same : !same));
    }
    AdObject *r = AdObject_RichCompare(a, b, op);
    Ad_DECREF(a);
    Ad_DECREF(b);
    return r;
}

static AdObject *ref_repr(AdObject *self)
{
    AdObject *o = AdWeakref_GetRef(self);
    if (!o)
        return AdStr_FromFormat("<weakref at %p; dead>", (void *)self);
    AdObject *name = AdObject_LookupSpecial(o, AdStr_InternFromString("__name__"));
    AdObject *r;
    if (!name && AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_AttributeError)) {
            Ad_DECREF(o);
            return NULL;
        }
        AdErr_Clear();
    }
    if (name && AdStr_Check(name))
        r = AdStr_FromFormat("<weakref at %p; to '%s' at %p (%U)>", (void *)self, AD_TYPE(o)->tp_name,
                             (void *)o, name);
    else
        r = AdStr_FromFormat("<weakref at %p; to '%s' at %p>", (void *)self, AD_TYPE(o)->tp_name,
                             (void *)o);
    Ad_XDECREF(name);
    Ad_DECREF(o);
    return r;
}

static AdObject *ref_get_callback(AdObject *self, void *c)
{
    (void)c;
    AdObject *cb = WR(self)->wr_callback;
    return Ad_NewRef(cb ? cb : Ad_None);
}

static AdObject *ref_class_getitem(AdObject *cls, AdObject *item)
{
    return Ad_GenericAlias(cls, item);
}

static AdGetSetDef ref_getset[] = {
    {"__callback__", ref_get_callback, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMethodDef ref_methods[] = {
    {"__class_getitem__", (void (*)(void))ref_class_getitem, AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdWeakref_RefType = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(AdWeakRefObject),
    .tp_dealloc = ref_dealloc,
    .tp_vectorcall_offset = offsetof(AdWeakRefObject, vectorcall),
    .tp_repr = ref_repr,
    .tp_hash = ref_hash,
    .tp_call = ref_call,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = ref_traverse,
    .tp_clear = ref_clear,
    .tp_richcompare = ref_richcompare,
    .tp_methods = ref_methods,
    .tp_getset = ref_getset,
    .tp_init = ref_init,
    .tp_new = ref_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- proxies --------------------------------------------------------------------------- */

AdObject *AdWeakref_NewProxy(AdObject *ob, AdObject *callback)
{
    if (check_referent(ob) < 0)
        return NULL;
    if (callback == Ad_None)
        callback = NULL;
    AdObject **list = weaklist_of(ob);
    AdWeakRefObject *ref, *proxy;
    basic_refs(*list, &ref, &proxy);
    if (!callback && proxy)
        return Ad_NewRef((AdObject *)proxy);
    AdTypeObject *type = AD_TYPE(ob)->tp_call ? &AdWeakref_CallableProxyType : &AdWeakref_ProxyType;
    AdWeakRefObject *wr = (AdWeakRefObject *)AdObject_GC_New(type);
    if (!wr)
        return NULL;
    init_ref(wr, ob, callback);
    wr->vectorcall = NULL;
    basic_refs(*list, &ref, &proxy);
    AdWeakRefObject *prev = callback ? (proxy ? proxy : ref) : ref;
    if (prev)
        insert_after(wr, prev);
    else
        insert_head(wr, list);
    AdObject_GC_Track((AdObject *)wr);
    return (AdObject *)wr;
}

static AdObject *proxy_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args;
    (void)kwargs;
    return AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
}

/* The referent of a proxy operand (new ref), or a new ref to o itself. */
static AdObject *unwrap(AdObject *o)
{
    if (!AdWeakref_CheckProxy(o))
        return Ad_NewRef(o);
    AdObject *r = AdWeakref_GetRef(o);
    if (!r)
        AdErr_SetString(AdExc_ReferenceError, "weakly-referenced object no longer exists");
    return r;
}

static AdObject *proxy_unary(AdObject *p, AdObject *(*fn)(AdObject *))
{
    AdObject *o = unwrap(p);
    if (!o)
        return NULL;
    AdObject *r = fn(o);
    Ad_DECREF(o);
    return r;
}

static AdObject *proxy_binary(AdObject *a, AdObject *b, AdObject *(*fn)(AdObject *, AdObject *))
{
    AdObject *x = unwrap(a);
    if (!x)
        return NULL;
    AdObject *y = unwrap(b);
    if (!y) {
        Ad_DECREF(x);
        return NULL;
    }
    AdObject *r = fn(x, y);
    Ad_DECREF(x);
    Ad_DECREF(y);
    return r;
}

#define PROXY_UNARY(name, fn) \
    static AdObject *name(AdObject *p) { return proxy_unary(p, fn); }
#define PROXY_BINARY(name, fn) \
    static AdObject *name(AdObject *a, AdObject *b) { return proxy_binary(a, b, fn); }

PROXY_BINARY(proxy_add, AdNumber_Add)
PROXY_BINARY(proxy_sub, AdNumber_Subtract)
PROXY_BINARY(proxy_mul, AdNumber_Multiply)
PROXY_BINARY(proxy_matmul, AdNumber_MatrixMultiply)
PROXY_BINARY(proxy_truediv, AdNumber_TrueDivide)
PROXY_BINARY(proxy_floordiv, AdNumber_FloorDivide)
PROXY_BINARY(proxy_mod, AdNumber_Remainder)
PROXY_BINARY(proxy_divmod, AdNumber_Divmod)
PROXY_BINARY(proxy_lshift, AdNumber_Lshift)
PROXY_BINARY(proxy_rshift, AdNumber_Rshift)
PROXY_BINARY(proxy_and, AdNumber_And)
PROXY_BINARY(proxy_xor, AdNumber_Xor)
PROXY_BINARY(proxy_or, AdNumber_Or)
PROXY_BINARY(proxy_iadd, AdNumber_InPlaceAdd)
PROXY_BINARY(proxy_isub, AdNumber_InPlaceSubtract)
PROXY_BINARY(proxy_imul, AdNumber_InPlaceMultiply)
PROXY_BINARY(proxy_imatmul, AdNumber_InPlaceMatrixMultiply)
PROXY_BINARY(proxy_itruediv, AdNumber_InPlaceTrueDivide)
PROXY_BINARY(proxy_ifloordiv, AdNumber_InPlaceFloorDivide)
PROXY_BINARY(proxy_imod, AdNumber_InPlaceRemainder)
PROXY_BINARY(proxy_ilshift, AdNumber_InPlaceLshift)
PROXY_BINARY(proxy_irshift, AdNumber_InPlaceRshift)
PROXY_BINARY(proxy_iand, AdNumber_InPlaceAnd)
PROXY_BINARY(proxy_ixor, AdNumber_InPlaceXor)
PROXY_BINARY(proxy_ior, AdNumber_InPlaceOr)
PROXY_BINARY(proxy_getitem, AdObject_GetItem)
PROXY_UNARY(proxy_neg, AdNumber_Negative)
PROXY_UNARY(proxy_pos, AdNumber_Positive)
PROXY_UNARY(proxy_abs, AdNumber_Absolute)
PROXY_UNARY(proxy_invert, AdNumber_Invert)
PROXY_UNARY(proxy_int, AdNumber_Long)
PROXY_UNARY(proxy_float, AdNumber_Float)
PROXY_UNARY(proxy_index, AdNumber_Index)
PROXY_UNARY(proxy_str, AdObject_Str)
PROXY_UNARY(proxy_iter, AdObject_GetIter)

static AdObject *proxy_ternary(AdObject *a, AdObject *b, AdObject *c,
                               AdObject *(*fn)(AdObject *, AdObject *, AdObject *))
{
    AdObject *x = unwrap(a), *y = x ? unwrap(b) : NULL, *z = y ? unwrap(c) : NULL;
    AdObject *r = z ? fn(x, y, z) : NULL;
    Ad_XDECREF(x);
    Ad_XDECREF(y);
    Ad_XDECREF(z);
    return r;
}

static AdObject *proxy_pow(AdObject *a, AdObject *b, AdObject *c)
{
    return proxy_ternary(a, b, c, AdNumber_Power);
}

static AdObject *proxy_ipow(AdObject *a, AdObject *b, AdObject *c)
{
    return proxy_ternary(a, b, c, AdNumber_InPlacePower);
}

static int proxy_bool(AdObject *p)
{
    AdObject *o = unwrap(p);
    if (!o)
        return -1;
    int r = AdObject_IsTrue(o);
    Ad_DECREF(o);
    return r;
}

static Ad_ssize_t proxy_length(AdObject *p)
{
    AdObject *o = unwrap(p);
    if (!o)
        return -1;
    Ad_ssize_t r = AdObject_Size(o);
    Ad_DECREF(o);
    return r;
}

static int proxy_contains(AdObject *p, AdObject *value)
{
    AdObject *o = unwrap(p);
    if (!o)
        return -1;
    int r = AdSequence_Contains(o, value);
    Ad_DECREF(o);
    return r;
}

static int proxy_setitem(AdObject *p, AdObject *key, AdObject *value)
{
    AdObject *o = unwrap(p);
    if (!o)
        return -1;
    int r = value ? AdObject_SetItem(o, key, value) : AdObject_DelItem(o, key);
    Ad_DECREF(o);
    return r;
}

static AdObject *proxy_getattr(AdObject *p, AdObject *name)
{
    AdObject *o = unwrap(p);
    if (!o)
        return NULL;
    AdObject *r = AdObject_GetAttr(o, name);
    Ad_DECREF(o);
    return r;
}

static int proxy_setattr(AdObject *p, AdObject *name, AdObject *value)
{
    AdObject *o = unwrap(p);
    if (!o)
        return -1;
    int r = AdObject_SetAttr(o, name, value);
    Ad_DECREF(o);
    return r;
}

static AdObject *proxy_richcompare(AdObject *a, AdObject *b, int op)
{
    AdObject *x = unwrap(a);
    if (!x)
        return NULL;
    AdObject *y = unwrap(b);
    if (!y) {
        Ad_DECREF(x);
        return NULL;
    }
    AdObject *r = AdObject_RichCompare(x, y, op);
    Ad_DECREF(x);
    Ad_DECREF(y);
    return r;
}

static AdObject *proxy_iternext(AdObject *p)
{
    AdObject *o = unwrap(p);
    if (!o)
        return NULL;
    if (!AdIter_Check(o)) {
        AdErr_Format(AdExc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                     AD_TYPE(o)->tp_name);
        Ad_DECREF(o);
        return NULL;
    }
    AdObject *r = AdIter_Next(o);
    Ad_DECREF(o);
    return r;
}

static AdObject *proxy_call(AdObject *p, AdObject *args, AdObject *kwargs)
{
    AdObject *o = unwrap(p);
    if (!o)
        return NULL;
    AdObject *r = AdObject_Call(o, args, kwargs);
    Ad_DECREF(o);
    return r;
}

static AdObject *proxy_repr(AdObject *p)
{
    AdObject *o = AdWeakref_GetRef(p);
    if (!o)
        return AdStr_FromFormat("<weakproxy at %p; dead>", (void *)p);
    AdObject *r = AdStr_FromFormat("<weakproxy at %p; to '%s' at %p>", (void *)p, AD_TYPE(o)->tp_name,
                                   (void *)o);
    Ad_DECREF(o);
    return r;
}

static AdObject *proxy_call_method(AdObject *p, const char *name)
{
    AdObject *o = unwrap(p);
    if (!o)
        return NULL;
    AdObject *r = AdObject_CallMethod(o, AdStr_InternFromString(name), NULL, 0);
    Ad_DECREF(o);
    return r;
}

static AdObject *proxy_bytes(AdObject *p, AdObject *unused)
{
    (void)unused;
    return proxy_call_method(p, "__bytes__");
}

static AdObject *proxy_reversed(AdObject *p, AdObject *unused)
{
    (void)unused;
    return proxy_call_method(p, "__reversed__");
}

static AdMethodDef proxy_methods[] = {
    {"__bytes__", (void (*)(void))proxy_bytes, AD_METH_NOARGS, NULL},
    {"__reversed__", (void (*)(void))proxy_reversed, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdNumberMethods proxy_as_number = {
    .nb_add = proxy_add, .nb_subtract = proxy_sub, .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod, .nb_divmod = proxy_divmod, .nb_power = proxy_pow,
    .nb_negative = proxy_neg, .nb_positive = proxy_pos, .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool, .nb_invert = proxy_invert, .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift, .nb_and = proxy_and, .nb_xor = proxy_xor, .nb_or = proxy_or,
    .nb_int = proxy_int, .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd, .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul, .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow, .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift, .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor, .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floordiv, .nb_true_divide = proxy_truediv,
    .nb_inplace_floor_divide = proxy_ifloordiv, .nb_inplace_true_divide = proxy_itruediv,
    .nb_index = proxy_index,
    .nb_matrix_multiply = proxy_matmul, .nb_inplace_matrix_multiply = proxy_imatmul,
};

static AdSequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static AdMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

AdTypeObject AdWeakref_ProxyType = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "weakref.ProxyType",
    .tp_basicsize = sizeof(AdWeakRefObject),
    .tp_dealloc = ref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = ref_traverse,
    .tp_clear = ref_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_new = proxy_new,
    .tp_free = AdObject_GC_Del,
};

AdTypeObject AdWeakref_CallableProxyType = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "weakref.CallableProxyType",
    .tp_basicsize = sizeof(AdWeakRefObject),
    .tp_dealloc = ref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_call = proxy_call,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = ref_traverse,
    .tp_clear = ref_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_new = proxy_new,
    .tp_free = AdObject_GC_Del,
};
