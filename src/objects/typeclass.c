/* typeclass.c: classes made in Python (heap types): type(name, bases,
 * dict) -- the metaclass calculation, the best base and layout, __slots__,
 * __dict__/__weakref__, __qualname__, __classcell__, implicit classmethods
 * and staticmethods, the C3 MRO, __set_name__ and __init_subclass__ -- and
 * the slot functions that make special methods defined in Python fill the
 * type's slots (slot_tp_repr calls __repr__, slot_nb_add calls __add__ or
 * the other operand's __radd__, ...), including updates when a class
 * attribute is assigned later. */
#include "objects/weakref.h"
#include "objects/typeobject.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/cell.h"
#include "objects/code.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/abstract.h"
#include "objects/list.h"
#include "objects/slotdefs.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "unicode/unicode_db.h"

#include <stddef.h>
#include <string.h>

#define HT(t) ((AdHeapTypeObject *)(t))

AdObject *ad_heaptype_name(AdTypeObject *type) { return HT(type)->ht_name; }
AdObject *ad_heaptype_qualname(AdTypeObject *type) { return HT(type)->ht_qualname; }

/* ---- the C3 method resolution order ------------------------------------------- */

static int tail_contains(AdObject *seq, Ad_ssize_t start, AdObject *o)
{
    for (Ad_ssize_t i = start + 1; i < AdList_GET_SIZE(seq); i++)
        if (AdList_GET_ITEM(seq, i) == o)
            return 1;
    return 0;
}

static void mro_error(AdObject *to_merge, Ad_ssize_t *remain, Ad_ssize_t n)
{
    /* Name the bases still in conflict, in order, without repeats. */
    AdStrWriter w;
    AdStrWriter_Init(&w);
    AdObject *seen = AdDict_New();
    int first = 1;
    for (Ad_ssize_t i = 0; seen && i < n; i++) {
        AdObject *seq = AdList_GET_ITEM(to_merge, i);
        if (remain[i] >= AdList_GET_SIZE(seq))
            continue;
        AdObject *cand = AdList_GET_ITEM(seq, remain[i]);
        if (AdDict_Contains(seen, cand) != 0)
            continue;
        AdDict_SetItem(seen, cand, Ad_None);
        AdObject *name = AdObject_GetAttrString(cand, "__name__");
        if (!name)
            break;
        if (!first)
            AdStrWriter_WriteASCII(&w, ", ", 2);
        AdStrWriter_WriteStr(&w, name);
        Ad_DECREF(name);
        first = 0;
    }
    Ad_XDECREF(seen);
    AdObject *names = AdStrWriter_Finish(&w);
    if (names) {
        AdErr_Format(AdExc_TypeError, "Cannot create a consistent method resolution order (MRO) for bases %U",
                     names);
        Ad_DECREF(names);
    }
}

AdObject *ad_type_compute_mro(AdTypeObject *type)
{
    AdObject *bases = type->tp_bases;
    Ad_ssize_t nbases = AdTuple_GET_SIZE(bases);
    for (Ad_ssize_t i = 0; i < nbases; i++)
        for (Ad_ssize_t j = i + 1; j < nbases; j++)
            if (AdTuple_GET_ITEM(bases, i) == AdTuple_GET_ITEM(bases, j))
                return AdErr_Format(AdExc_TypeError, "duplicate base class %s",
                                    AdType_Name((AdTypeObject *)AdTuple_GET_ITEM(bases, i)));
    /* to_merge: each base's MRO, then the list of bases. */
    AdObject *to_merge = AdList_New(nbases + 1);
    if (!to_merge)
        return NULL;
    for (Ad_ssize_t i = 0; i < nbases; i++) {
        AdTypeObject *b = (AdTypeObject *)AdTuple_GET_ITEM(bases, i);
        AdObject *l = AdSequence_List(b->tp_mro);
        if (!l) {
            Ad_DECREF(to_merge);
            return NULL;
        }
        AdList_SET_ITEM(to_merge, i, l);
    }
    AdObject *bl = AdSequence_List(bases);
    if (!bl) {
        Ad_DECREF(to_merge);
        return NULL;
    }
    AdList_SET_ITEM(to_merge, nbases, bl);
    Ad_ssize_t n = nbases + 1;
    Ad_ssize_t *remain = AdMem_Calloc((size_t)n, sizeof *remain);
    AdObject *result = AdList_New(0);
    if (!remain || !result || AdList_Append(result, (AdObject *)type) < 0)
        goto fail;
    for (;;) {
        int empty = 1;
        AdObject *cand = NULL;
        for (Ad_ssize_t i = 0; i < n; i++) {
            AdObject *seq = AdList_GET_ITEM(to_merge, i);
            if (remain[i] >= AdList_GET_SIZE(seq))
                continue;
            empty = 0;
            cand = AdList_GET_ITEM(seq, remain[i]);
            int blocked = 0;
            for (Ad_ssize_t j = 0; j < n && !blocked; j++) {
                AdObject *other = AdList_GET_ITEM(to_merge, j);
                if (remain[j] < AdList_GET_SIZE(other) && tail_contains(other, remain[j], cand))
                    blocked = 1;
            }
            if (!blocked)
                break;
            cand = NULL;
        }
        if (empty)
            break;
        if (!cand) {
            mro_error(to_merge, remain, n);
            goto fail;
        }
        if (AdList_Append(result, cand) < 0)
            goto fail;
        for (Ad_ssize_t i = 0; i < n; i++) {
            AdObject *seq = AdList_GET_ITEM(to_merge, i);
            if (remain[i] < AdList_GET_SIZE(seq) && AdList_GET_ITEM(seq, remain[i]) == cand)
                remain[i]++;
        }
    }
    AdMem_Free(remain);
    Ad_DECREF(to_merge);
    AdObject *t = AdList_AsTuple(result);
    Ad_DECREF(result);
    return t;
fail:
    AdMem_Free(remain);
    Ad_XDECREF(result);
    Ad_DECREF(to_merge);
    return NULL;
}

/* ---- layout ------------------------------------------------------------------------ */

static int extra_ivars(AdTypeObject *type, AdTypeObject *base)
{
    Ad_ssize_t t_size = type->tp_basicsize, b_size = base->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize)
        return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    if (type->tp_flags & AD_TPFLAGS_HEAPTYPE) {
        if (type->tp_weaklistoffset && base->tp_weaklistoffset == 0 &&
            type->tp_weaklistoffset + (Ad_ssize_t)sizeof(AdObject *) == t_size)
            t_size -= sizeof(AdObject *);
        if (type->tp_dictoffset && base->tp_dictoffset == 0 &&
            type->tp_dictoffset + (Ad_ssize_t)sizeof(AdObject *) == t_size)
            t_size -= sizeof(AdObject *);
    }
    return t_size != b_size;
}

static AdTypeObject *solid_base(AdTypeObject *type)
{
    AdTypeObject *base = type->tp_base ? solid_base(type->tp_base) : &AdBaseObject_Type;
    return extra_ivars(type, base) ? type : base;
}

static AdTypeObject *best_base(AdObject *bases)
{
    AdTypeObject *base = NULL, *winner = NULL;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(bases); i++) {
        AdObject *b = AdTuple_GET_ITEM(bases, i);
        if (!AdType_Check(b)) {
            AdErr_SetString(AdExc_TypeError, "bases must be types");
            return NULL;
        }
        AdTypeObject *bt = (AdTypeObject *)b;
        if (AdType_Ready(bt) < 0)
            return NULL;
        if (!(bt->tp_flags & AD_TPFLAGS_BASETYPE)) {
            AdErr_Format(AdExc_TypeError, "type '%s' is not an acceptable base type", bt->tp_name);
            return NULL;
        }
        AdTypeObject *cand = solid_base(bt);
        if (!winner) {
            winner = cand;
            base = bt;
        }
        else if (AdType_IsSubtype(winner, cand))
            ;
        else if (AdType_IsSubtype(cand, winner)) {
            winner = cand;
            base = bt;
        }
        else {
            AdErr_SetString(AdExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* The most derived metaclass of meta and the bases' metaclasses. */
static AdTypeObject *calculate_metaclass(AdTypeObject *meta, AdObject *bases)
{
    AdTypeObject *winner = meta;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(bases); i++) {
        AdTypeObject *t = AD_TYPE(AdTuple_GET_ITEM(bases, i));
        if (AdType_IsSubtype(winner, t))
            continue;
        if (AdType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        AdErr_SetString(AdExc_TypeError, "metaclass conflict: the metaclass of a derived class "
                        "must be a (non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static int is_identifier(AdObject *s)
{
    Ad_ssize_t n = AdStr_LENGTH(s);
    if (n == 0)
        return 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t ch = AdStr_READ_CHAR(s, i);
        if (i == 0 ? !(ch == '_' || AdUnicode_IsXidStart(ch)) : !AdUnicode_IsXidContinue(ch))
            return 0;
    }
    return 1;
}

/* "__spam" in class "Ham" is "_Ham__spam" (leading underscores of the class dropped). */
static AdObject *mangle(AdObject *classname, AdObject *name)
{
    Ad_ssize_t n = AdStr_LENGTH(name);
    if (n < 2 || AdStr_READ_CHAR(name, 0) != '_' || AdStr_READ_CHAR(name, 1) != '_' ||
        (AdStr_READ_CHAR(name, n - 1) == '_' && AdStr_READ_CHAR(name, n - 2) == '_') ||
        AdStr_FindChar(name, '.', 0, n) >= 0)
        return Ad_NewRef(name);
    Ad_ssize_t k = 0, cn = AdStr_LENGTH(classname);
    while (k < cn && AdStr_READ_CHAR(classname, k) == '_')
        k++;
    if (k == cn)
        return Ad_NewRef(name);
    AdObject *stripped = AdStr_Substring(classname, k, cn);
    if (!stripped)
        return NULL;
    AdObject *r = AdStr_FromFormat("_%U%U", stripped, name);
    Ad_DECREF(stripped);
    return r;
}

/* ---- instances of heap types --------------------------------------------------------- */

static void clear_slots(AdTypeObject *type, AdObject *self)
{
    AdMemberDef *mp = (AdMemberDef *)((char *)type + AdType_Type.tp_basicsize);
    for (Ad_ssize_t i = 0; i < AD_SIZE(type); i++, mp++) {
        if (mp->type == AD_T_OBJECT_EX && !(mp->flags & AD_READONLY)) {
            AdObject **addr = (AdObject **)((char *)self + mp->offset);
            AD_CLEAR(*addr);
        }
    }
}

static int subtype_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdTypeObject *type = AD_TYPE(self), *base = type;
    while (base->tp_flags & AD_TPFLAGS_HEAPTYPE) {
        AdMemberDef *mp = (AdMemberDef *)((char *)base + AdType_Type.tp_basicsize);
        for (Ad_ssize_t i = 0; i < AD_SIZE(base); i++, mp++) {
            if (mp->type == AD_T_OBJECT_EX) {
                AdObject *v = *(AdObject **)((char *)self + mp->offset);
                if (v) {
                    int rc = visit(v, arg);
                    if (rc)
                        return rc;
                }
            }
        }
        base = base->tp_base;
    }
    AdObject **dp = AdObject_GetDictPtr(self);
    if (dp && *dp && type->tp_dictoffset != base->tp_dictoffset) {
        int rc = visit(*dp, arg);
        if (rc)
            return rc;
    }
    int rc = visit((AdObject *)type, arg);
    if (rc)
        return rc;
    return base->tp_traverse ? base->tp_traverse(self, visit, arg) : 0;
}

static int subtype_clear(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self), *base = type;
    while (base->tp_flags & AD_TPFLAGS_HEAPTYPE) {
        clear_slots(base, self);
        base = base->tp_base;
    }
    AdObject **dp = AdObject_GetDictPtr(self);
    if (dp && *dp && type->tp_dictoffset != base->tp_dictoffset)
        AD_CLEAR(*dp);
    return base->tp_clear ? base->tp_clear(self) : 0;
}

static void subtype_dealloc(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self), *base = type;
    int gc = AdType_HasFeature(type, AD_TPFLAGS_HAVE_GC);
    if (type->tp_finalize && !(gc && AdGC_IsFinalized(self))) {
        /* __del__ may resurrect the object. */
        self->ob_refcnt = 1;
        type->tp_finalize(self);
        if (gc)
            AdGC_SetFinalized(self);
        if (AdErr_Occurred())
            AdErr_WriteUnraisable(self);
        if (--self->ob_refcnt != 0)
            return;
    }
    /* Weak references die (and their callbacks run) after __del__ and
     * before any field is cleared, with self out of the collector's sight. */
    AdTypeObject *native = type;
    while (native->tp_dealloc == subtype_dealloc)
        native = native->tp_base;
    if (type->tp_weaklistoffset && !native->tp_weaklistoffset && *AdObject_WeakListPtr(self)) {
        if (gc)
            AdObject_GC_UnTrack(self);
        AdObject_ClearWeakRefs(self);
    }
    while (base->tp_dealloc == subtype_dealloc) {
        clear_slots(base, self);
        base = base->tp_base;
    }
    AdObject **dp = AdObject_GetDictPtr(self);
    if (dp && *dp && type->tp_dictoffset != base->tp_dictoffset)
        AD_CLEAR(*dp);
    /* The base's dealloc frees the memory; keep the type alive until then
     * (tp_free drops the instance's reference to its heap type). */
    if (gc && !(base->tp_flags & AD_TPFLAGS_HAVE_GC))
        AdObject_GC_UnTrack(self);
    base->tp_dealloc(self);
}

/* ---- calling special methods ------------------------------------------------------- */

/* Looks name up on type(self) and calls it with self and args; *found is
 * set to 0 (and NULL returned without exception) when it is missing. */
static AdObject *call_special(AdObject *self, const char *name, AdObject *const *args,
                              Ad_ssize_t nargs, int *found)
{
    AdObject *func = AdType_LookupString(AD_TYPE(self), name);
    if (!func) {
        if (found)
            *found = 0;
        return NULL;
    }
    if (found)
        *found = 1;
    Ad_INCREF(func);
    AdObject *r;
    if (AdType_HasFeature(AD_TYPE(func), AD_TPFLAGS_METHOD_DESCRIPTOR)) {
        AdObject *stack[8];
        stack[0] = self;
        for (Ad_ssize_t i = 0; i < nargs && i < 7; i++)
            stack[i + 1] = args[i];
        r = AdObject_Vectorcall(func, stack, (size_t)nargs + 1, NULL);
    }
    else {
        descrgetfunc get = AD_TYPE(func)->tp_descr_get;
        AdObject *bound = get ? get(func, self, (AdObject *)AD_TYPE(self)) : Ad_NewRef(func);
        r = bound ? AdObject_Vectorcall(bound, args, (size_t)nargs, NULL) : NULL;
        Ad_XDECREF(bound);
    }
    Ad_DECREF(func);
    return r;
}

static AdObject *call_required(AdObject *self, const char *name, AdObject *const *args, Ad_ssize_t nargs)
{
    int found;
    AdObject *r = call_special(self, name, args, nargs, &found);
    if (!found)
        AdErr_Format(AdExc_AttributeError, "%s", name);
    return r;
}

static AdObject *slot_tp_repr(AdObject *self)
{
    int found;
    AdObject *r = call_special(self, "__repr__", NULL, 0, &found);
    if (!found)
        return AdStr_FromFormat("<%s object at %p>", AdType_Name(AD_TYPE(self)), (void *)self);
    return r;
}

static AdObject *slot_tp_str(AdObject *self) { return call_required(self, "__str__", NULL, 0); }

static Ad_hash_t slot_tp_hash(AdObject *self)
{
    AdObject *func = AdType_LookupString(AD_TYPE(self), "__hash__");
    if (func == Ad_None || !func)
        return AdObject_HashNotImplemented(self);
    AdObject *r = call_required(self, "__hash__", NULL, 0);
    if (!r)
        return -1;
    if (!AdInt_Check(r)) {
        Ad_DECREF(r);
        AdErr_SetString(AdExc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A result that fits is the hash as it is (-1 becomes -2); bigger ones
     * are reduced as hash() of the int would be. */
    int64_t v;
    Ad_hash_t h = AdInt_AsInt64Exact(r, &v) ? (Ad_hash_t)v : AdInt_Type.tp_hash(r);
    Ad_DECREF(r);
    return h == -1 && !AdErr_Occurred() ? -2 : h;
}

/* Interned names the slot functions look up; immortal and shared. */
static AdObject *cached_name(AdObject **slot, const char *s)
{
    return AdStr_InternStatic(slot, s);
}
static AdObject *name_call, *name_init, *name_set_name;

static AdObject *slot_tp_call(AdObject *self, AdObject *args, AdObject *kwds)
{
    AdObject *meth = AdObject_LookupSpecial(self, cached_name(&name_call, "__call__"));
    if (!meth) {
        if (!AdErr_Occurred())
            AdErr_Format(AdExc_TypeError, "'%s' object is not callable", AdType_Name(AD_TYPE(self)));
        return NULL;
    }
    AdObject *r = AdObject_Call(meth, args, kwds);
    Ad_DECREF(meth);
    return r;
}

/* __getattribute__ defined in Python, and/or __getattr__ as the fallback. */
static AdObject *slot_tp_getattr_hook(AdObject *self, AdObject *name)
{
    AdTypeObject *type = AD_TYPE(self);
    AdObject *getattr = AdType_LookupString(type, "__getattr__");
    AdObject *getattribute = AdType_LookupString(type, "__getattribute__");
    AdObject *res;
    if (getattribute && !(Ad_IS_TYPE(getattribute, &AdWrapperDescr_Type) &&
                          ((AdWrapperDescrObject *)getattribute)->d_wrapped == (void *)AdObject_GenericGetAttr)) {
        AdObject *args[1] = {name};
        res = call_special(self, "__getattribute__", args, 1, NULL);
    }
    else
        res = AdObject_GenericGetAttr(self, name);
    if (!res && getattr && AdErr_ExceptionMatches(AdExc_AttributeError)) {
        AdErr_Clear();
        AdObject *args[1] = {name};
        res = call_special(self, "__getattr__", args, 1, NULL);
    }
    return res;
}

static int slot_tp_setattro(AdObject *self, AdObject *name, AdObject *value)
{
    AdObject *r;
    if (value) {
        AdObject *args[2] = {name, value};
        r = call_required(self, "__setattr__", args, 2);
    }
    else {
        AdObject *args[1] = {name};
        r = call_required(self, "__delattr__", args, 1);
    }
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

static const char *const richcmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static AdObject *slot_tp_richcompare(AdObject *self, AdObject *other, int op)
{
    int found;
    AdObject *args[1] = {other};
    AdObject *r = call_special(self, richcmp_names[op], args, 1, &found);
    if (!found)
        return Ad_NotImplemented;
    return r;
}

static AdObject *slot_tp_iter(AdObject *self)
{
    AdObject *func = AdType_LookupString(AD_TYPE(self), "__iter__");
    if (func == Ad_None)
        return AdErr_Format(AdExc_TypeError, "'%s' object is not iterable", AdType_Name(AD_TYPE(self)));
    if (func)
        return call_required(self, "__iter__", NULL, 0);
    AdObject *gi = AdType_LookupString(AD_TYPE(self), "__getitem__");
    if (gi)
        return AdSeqIter_New(self);
    return AdErr_Format(AdExc_TypeError, "'%s' object is not iterable", AdType_Name(AD_TYPE(self)));
}

static AdObject *slot_tp_iternext(AdObject *self) { return call_required(self, "__next__", NULL, 0); }

static AdObject *slot_tp_descr_get(AdObject *self, AdObject *obj, AdObject *type)
{
    AdObject *args[2] = {obj ? obj : Ad_None, type ? type : Ad_None};
    int found;
    AdObject *r = call_special(self, "__get__", args, 2, &found);
    if (!found)
        return Ad_NewRef(self);
    return r;
}

static int slot_tp_descr_set(AdObject *self, AdObject *target, AdObject *value)
{
    AdObject *r;
    if (value) {
        AdObject *args[2] = {target, value};
        r = call_required(self, "__set__", args, 2);
    }
    else {
        AdObject *args[1] = {target};
        r = call_required(self, "__delete__", args, 1);
    }
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

static int slot_tp_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    AdObject *meth = AdObject_LookupSpecial(self, cached_name(&name_init, "__init__"));
    if (!meth)
        return AdErr_Occurred() ? -1 : 0;
    AdObject *r = AdObject_Call(meth, args, kwds);
    Ad_DECREF(meth);
    if (!r)
        return -1;
    if (r != Ad_None) {
        AdErr_Format(AdExc_TypeError, "__init__() should return None, not '%s'", AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return -1;
    }
    return 0;
}

AdObject *AdType_PlainInit(AdTypeObject *type)
{
    if (AD_TYPE(type)->tp_call != AdType_Type.tp_call || type->tp_new != AdBaseObject_Type.tp_new ||
        type->tp_init != slot_tp_init || (type->tp_flags & AD_TPFLAGS_IS_ABSTRACT))
        return NULL;
    AdObject *init = AdType_Lookup(type, cached_name(&name_init, "__init__"));
    if (!init || !AdFunction_Check(init))
        return NULL;
    int flags = ((AdCodeObject *)((AdFunctionObject *)init)->func_code)->co_flags;
    if (flags & (AD_CO_GENERATOR | AD_CO_COROUTINE | AD_CO_ITERABLE_COROUTINE | AD_CO_ASYNC_GENERATOR))
        return NULL;
    return init;
}

static AdObject *slot_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    AdObject *func = AdObject_GetAttrString((AdObject *)type, "__new__");
    if (!func)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    AdObject *full = AdTuple_New(n + 1);
    if (!full) {
        Ad_DECREF(func);
        return NULL;
    }
    AdTuple_SET_ITEM(full, 0, Ad_NewRef((AdObject *)type));
    for (Ad_ssize_t i = 0; i < n; i++)
        AdTuple_SET_ITEM(full, i + 1, Ad_NewRef(AdTuple_GET_ITEM(args, i)));
    AdObject *r = AdObject_Call(func, full, kwds);
    Ad_DECREF(full);
    Ad_DECREF(func);
    return r;
}

static void slot_tp_finalize(AdObject *self)
{
    AdObject *exc = AdErr_GetRaisedException();
    int found;
    AdObject *r = call_special(self, "__del__", NULL, 0, &found);
    if (!r && found) {
        /* As 3.14: the hook gets the message naming __del__, and no object. */
        AdObject *err = AdErr_GetRaisedException();
        AdObject *del = AdType_LookupString(AD_TYPE(self), "__del__");
        AdObject *rep = del ? AdObject_Repr(del) : NULL;
        const char *s = rep ? AdStr_AsUTF8(rep) : NULL;
        if (!s)
            AdErr_Clear();
        AdErr_SetRaisedException(err);
        AdErr_FormatUnraisable("Exception ignored while calling deallocator %s", s ? s : "<object repr() failed>");
        Ad_XDECREF(rep);
    }
    Ad_XDECREF(r);
    AdErr_SetRaisedException(exc);
}

/* Binary operators: the left operand's method, or the right operand's
 * reflected one, with the subclass-first rule. */
#define SLOT_BINARY(FUNC, SLOT, NAME, RNAME) SLOT_BINARY_CMP(FUNC, SLOT, FUNC, NAME, RNAME)
#define SLOT_BINARY_CMP(FUNC, SLOT, MINE, NAME, RNAME) \
    static AdObject *FUNC(AdObject *self, AdObject *other) \
    { \
        AdObject *args[1]; \
        int found; \
        int do_other = !Ad_IS_TYPE(self, AD_TYPE(other)) && AD_TYPE(other)->tp_as_number && \
                       AD_TYPE(other)->tp_as_number->SLOT == MINE; \
        if (AD_TYPE(self)->tp_as_number && AD_TYPE(self)->tp_as_number->SLOT == MINE) { \
            if (do_other && AdType_IsSubtype(AD_TYPE(other), AD_TYPE(self)) && \
                AdType_LookupString(AD_TYPE(other), RNAME) != AdType_LookupString(AD_TYPE(self), RNAME)) { \
                args[0] = self; \
                AdObject *r = call_special(other, RNAME, args, 1, &found); \
                if (found && r != Ad_NotImplemented) \
                    return r; \
                do_other = 0; \
            } \
            args[0] = other; \
            AdObject *r = call_special(self, NAME, args, 1, &found); \
            if (found && (r != Ad_NotImplemented || Ad_IS_TYPE(other, AD_TYPE(self)))) \
                return r; \
            if (!found && AdErr_Occurred()) \
                return NULL; \
        } \
        if (do_other) { \
            args[0] = self; \
            AdObject *r = call_special(other, RNAME, args, 1, &found); \
            if (found) \
                return r; \
        } \
        return Ad_NotImplemented; \
    }

SLOT_BINARY(slot_nb_add, nb_add, "__add__", "__radd__")
SLOT_BINARY(slot_nb_subtract, nb_subtract, "__sub__", "__rsub__")
SLOT_BINARY(slot_nb_multiply, nb_multiply, "__mul__", "__rmul__")
SLOT_BINARY(slot_nb_remainder, nb_remainder, "__mod__", "__rmod__")
SLOT_BINARY(slot_nb_divmod, nb_divmod, "__divmod__", "__rdivmod__")
SLOT_BINARY(slot_nb_lshift, nb_lshift, "__lshift__", "__rlshift__")
SLOT_BINARY(slot_nb_rshift, nb_rshift, "__rshift__", "__rrshift__")
SLOT_BINARY(slot_nb_and, nb_and, "__and__", "__rand__")
SLOT_BINARY(slot_nb_xor, nb_xor, "__xor__", "__rxor__")
SLOT_BINARY(slot_nb_or, nb_or, "__or__", "__ror__")
SLOT_BINARY(slot_nb_floor_divide, nb_floor_divide, "__floordiv__", "__rfloordiv__")
SLOT_BINARY(slot_nb_true_divide, nb_true_divide, "__truediv__", "__rtruediv__")
SLOT_BINARY(slot_nb_matrix_multiply, nb_matrix_multiply, "__matmul__", "__rmatmul__")

static AdObject *slot_nb_power(AdObject *self, AdObject *other, AdObject *mod);
static AdObject *slot_nb_power_binary(AdObject *self, AdObject *other);
#define nb_power_cmp nb_power
SLOT_BINARY_CMP(slot_nb_power_binary, nb_power_cmp, (ternaryfunc)slot_nb_power, "__pow__", "__rpow__")

static AdObject *slot_nb_power(AdObject *self, AdObject *other, AdObject *mod)
{
    if (mod == Ad_None)
        return slot_nb_power_binary(self, other);
    /* Three-argument pow() calls __pow__ only (no reflection). */
    if (AD_TYPE(self)->tp_as_number && AD_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        AdObject *args[2] = {other, mod};
        int found;
        AdObject *r = call_special(self, "__pow__", args, 2, &found);
        if (found)
            return r;
    }
    return Ad_NotImplemented;
}

#define SLOT_UNARY(FUNC, NAME) \
    static AdObject *FUNC(AdObject *self) { return call_required(self, NAME, NULL, 0); }
SLOT_UNARY(slot_nb_negative, "__neg__")
SLOT_UNARY(slot_nb_positive, "__pos__")
SLOT_UNARY(slot_nb_absolute, "__abs__")
SLOT_UNARY(slot_nb_invert, "__invert__")
SLOT_UNARY(slot_nb_int, "__int__")
SLOT_UNARY(slot_nb_float, "__float__")
SLOT_UNARY(slot_nb_index, "__index__")
SLOT_UNARY(slot_am_await, "__await__")
SLOT_UNARY(slot_am_aiter, "__aiter__")
SLOT_UNARY(slot_am_anext, "__anext__")

#define SLOT_INPLACE(FUNC, NAME) \
    static AdObject *FUNC(AdObject *self, AdObject *other) \
    { AdObject *args[1] = {other}; return call_required(self, NAME, args, 1); }
SLOT_INPLACE(slot_nb_inplace_add, "__iadd__")
SLOT_INPLACE(slot_nb_inplace_subtract, "__isub__")
SLOT_INPLACE(slot_nb_inplace_multiply, "__imul__")
SLOT_INPLACE(slot_nb_inplace_remainder, "__imod__")
SLOT_INPLACE(slot_nb_inplace_lshift, "__ilshift__")
SLOT_INPLACE(slot_nb_inplace_rshift, "__irshift__")
SLOT_INPLACE(slot_nb_inplace_and, "__iand__")
SLOT_INPLACE(slot_nb_inplace_xor, "__ixor__")
SLOT_INPLACE(slot_nb_inplace_or, "__ior__")
SLOT_INPLACE(slot_nb_inplace_floor_divide, "__ifloordiv__")
SLOT_INPLACE(slot_nb_inplace_true_divide, "__itruediv__")
SLOT_INPLACE(slot_nb_inplace_matrix_multiply, "__imatmul__")

static AdObject *slot_nb_inplace_power(AdObject *self, AdObject *other, AdObject *mod)
{
    (void)mod;
    AdObject *args[1] = {other};
    return call_required(self, "__ipow__", args, 1);
}

static int slot_nb_bool(AdObject *self)
{
    int found;
    AdObject *r = call_special(self, "__bool__", NULL, 0, &found);
    if (!found) {
        r = call_special(self, "__len__", NULL, 0, &found);
        if (!found)
            return 1;
        if (!r)
            return -1;
        Ad_ssize_t n = AdNumber_AsSsize_t(r, AdExc_OverflowError);
        Ad_DECREF(r);
        if (n < 0 && !AdErr_Occurred())
            AdErr_SetString(AdExc_ValueError, "__len__() should return >= 0");
        return n < 0 ? -1 : n > 0;
    }
    if (!r)
        return -1;
    if (!AdBool_Check(r)) {
        AdErr_Format(AdExc_TypeError, "__bool__ should return bool, returned %s", AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return -1;
    }
    return r == Ad_True;
}

static Ad_ssize_t slot_sq_length(AdObject *self)
{
    AdObject *r = call_required(self, "__len__", NULL, 0);
    if (!r)
        return -1;
    if (!AdInt_Check(r) && !AD_TYPE(r)->tp_as_number) {
        AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer", AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return -1;
    }
    Ad_ssize_t n = AdNumber_AsSsize_t(r, AdExc_OverflowError);
    Ad_DECREF(r);
    if (n == -1 && AdErr_Occurred())
        return -1;
    if (n < 0) {
        AdErr_SetString(AdExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static AdObject *slot_mp_subscript(AdObject *self, AdObject *key)
{
    AdObject *args[1] = {key};
    return call_required(self, "__getitem__", args, 1);
}

static AdObject *slot_sq_item(AdObject *self, Ad_ssize_t i)
{
    AdObject *key = AdInt_FromSsize_t(i);
    if (!key)
        return NULL;
    AdObject *r = slot_mp_subscript(self, key);
    Ad_DECREF(key);
    return r;
}

static int slot_mp_ass_subscript(AdObject *self, AdObject *key, AdObject *value)
{
    AdObject *r;
    if (value) {
        AdObject *args[2] = {key, value};
        r = call_required(self, "__setitem__", args, 2);
    }
    else {
        AdObject *args[1] = {key};
        r = call_required(self, "__delitem__", args, 1);
    }
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

static int slot_sq_ass_item(AdObject *self, Ad_ssize_t i, AdObject *value)
{
    AdObject *key = AdInt_FromSsize_t(i);
    if (!key)
        return -1;
    int rc = slot_mp_ass_subscript(self, key, value);
    Ad_DECREF(key);
    return rc;
}

static int slot_sq_contains(AdObject *self, AdObject *value)
{
    AdObject *func = AdType_LookupString(AD_TYPE(self), "__contains__");
    if (func == Ad_None) {
        AdErr_Format(AdExc_TypeError, "'%s' object is not a container", AdType_Name(AD_TYPE(self)));
        return -1;
    }
    if (func) {
        AdObject *args[1] = {value};
        AdObject *r = call_required(self, "__contains__", args, 1);
        if (!r)
            return -1;
        int t = AdObject_IsTrue(r);
        Ad_DECREF(r);
        return t;
    }
    return AdSequence_IterSearchContains(self, value);
}

/* ---- which slot function goes with which special method ---------------------------------- */

static void *slot_function_for(const AdSlotDef *def)
{
    int table = def->offset >> 16;
    const char *n = def->name;
#define IS(x) (strcmp(n, x) == 0)
    if (table == AD_SLOT_TYPE) {
        if (IS("__getattribute__") || IS("__getattr__")) return (void *)slot_tp_getattr_hook;
        if (IS("__setattr__") || IS("__delattr__")) return (void *)slot_tp_setattro;
        if (IS("__repr__")) return (void *)slot_tp_repr;
        if (IS("__hash__")) return (void *)slot_tp_hash;
        if (IS("__call__")) return (void *)slot_tp_call;
        if (IS("__str__")) return (void *)slot_tp_str;
        if (n[2] == 'l' || n[2] == 'g' || IS("__eq__") || IS("__ne__")) {
            if (IS("__get__")) return (void *)slot_tp_descr_get;
            return (void *)slot_tp_richcompare;
        }
        if (IS("__iter__")) return (void *)slot_tp_iter;
        if (IS("__next__")) return (void *)slot_tp_iternext;
        if (IS("__set__") || IS("__delete__")) return (void *)slot_tp_descr_set;
        if (IS("__init__")) return (void *)slot_tp_init;
        if (IS("__del__")) return (void *)slot_tp_finalize;
        return NULL;
    }
    if (table == AD_SLOT_ASYNC) {
        if (IS("__await__")) return (void *)slot_am_await;
        if (IS("__aiter__")) return (void *)slot_am_aiter;
        return (void *)slot_am_anext;
    }
    if (table == AD_SLOT_MAPPING) {
        if (IS("__len__")) return (void *)slot_sq_length;
        if (IS("__getitem__")) return (void *)slot_mp_subscript;
        return (void *)slot_mp_ass_subscript;
    }
    if (table == AD_SLOT_SEQUENCE) {
        if (IS("__len__")) return (void *)slot_sq_length;
        if (IS("__getitem__")) return (void *)slot_sq_item;
        if (IS("__setitem__") || IS("__delitem__")) return (void *)slot_sq_ass_item;
        if (IS("__contains__")) return (void *)slot_sq_contains;
        return NULL;        /* concat/repeat go through the number slots */
    }
    static const struct { const char *name, *rname; void *fn; } nb[] = {
        {"__add__", "__radd__", (void *)slot_nb_add}, {"__sub__", "__rsub__", (void *)slot_nb_subtract},
        {"__mul__", "__rmul__", (void *)slot_nb_multiply}, {"__mod__", "__rmod__", (void *)slot_nb_remainder},
        {"__divmod__", "__rdivmod__", (void *)slot_nb_divmod}, {"__pow__", "__rpow__", (void *)slot_nb_power},
        {"__lshift__", "__rlshift__", (void *)slot_nb_lshift}, {"__rshift__", "__rrshift__", (void *)slot_nb_rshift},
        {"__and__", "__rand__", (void *)slot_nb_and}, {"__xor__", "__rxor__", (void *)slot_nb_xor},
        {"__or__", "__ror__", (void *)slot_nb_or}, {"__floordiv__", "__rfloordiv__", (void *)slot_nb_floor_divide},
        {"__truediv__", "__rtruediv__", (void *)slot_nb_true_divide},
        {"__matmul__", "__rmatmul__", (void *)slot_nb_matrix_multiply},
        {"__neg__", NULL, (void *)slot_nb_negative}, {"__pos__", NULL, (void *)slot_nb_positive},
        {"__abs__", NULL, (void *)slot_nb_absolute}, {"__bool__", NULL, (void *)slot_nb_bool},
        {"__invert__", NULL, (void *)slot_nb_invert}, {"__int__", NULL, (void *)slot_nb_int},
        {"__float__", NULL, (void *)slot_nb_float}, {"__index__", NULL, (void *)slot_nb_index},
        {"__iadd__", NULL, (void *)slot_nb_inplace_add}, {"__isub__", NULL, (void *)slot_nb_inplace_subtract},
        {"__imul__", NULL, (void *)slot_nb_inplace_multiply}, {"__imod__", NULL, (void *)slot_nb_inplace_remainder},
        {"__ipow__", NULL, (void *)slot_nb_inplace_power}, {"__ilshift__", NULL, (void *)slot_nb_inplace_lshift},
        {"__irshift__", NULL, (void *)slot_nb_inplace_rshift}, {"__iand__", NULL, (void *)slot_nb_inplace_and},
        {"__ixor__", NULL, (void *)slot_nb_inplace_xor}, {"__ior__", NULL, (void *)slot_nb_inplace_or},
        {"__ifloordiv__", NULL, (void *)slot_nb_inplace_floor_divide},
        {"__itruediv__", NULL, (void *)slot_nb_inplace_true_divide},
        {"__imatmul__", NULL, (void *)slot_nb_inplace_matrix_multiply},
    };
    for (size_t i = 0; i < sizeof nb / sizeof *nb; i++)
        if (IS(nb[i].name) || (nb[i].rname && IS(nb[i].rname)))
            return nb[i].fn;
#undef IS
    return NULL;
}

static void **slot_address(AdTypeObject *type, const AdSlotDef *def)
{
    int table = def->offset >> 16, off = def->offset & 0xffff;
    char *base;
    switch (table) {
    case AD_SLOT_TYPE: base = (char *)type; break;
    case AD_SLOT_NUMBER: base = (char *)type->tp_as_number; break;
    case AD_SLOT_SEQUENCE: base = (char *)type->tp_as_sequence; break;
    case AD_SLOT_MAPPING: base = (char *)type->tp_as_mapping; break;
    default: base = (char *)type->tp_as_async; break;
    }
    return base ? (void **)(base + off) : NULL;
}

/* The descriptor that stands for the special method def names on type
 * (a __getattr__ alone stands for __getattribute__ too), or NULL. */
static AdObject *slot_descr_for(AdTypeObject *type, const AdSlotDef *def)
{
    AdObject *descr = AdType_LookupString(type, def->name);
    if (strcmp(def->name, "__getattribute__") == 0 && AdType_LookupString(type, "__getattr__"))
        descr = Ad_None;        /* the generic hook calls __getattr__ */
    return descr;
}

static int slot_def_named(const AdSlotDef *def, AdObject *name)
{
    return AdStr_EqualToASCII(name, def->name) ||
           (strcmp(def->name, "__getattribute__") == 0 && AdStr_EqualToASCII(name, "__getattr__"));
}

/* Points the slots of a heap type at slot functions for the special
 * methods found along its MRO (as Python-level definitions), or at the
 * native slot a base's wrapper wraps. Several special methods can share
 * one slot (__add__ and __radd__, the six comparisons): the slot becomes
 * the generic slot function when any of them is a Python-level
 * definition, the native slot when they all wrap the same one. Only
 * slots one of whose special method names is name are redone when name
 * is not NULL. */
static void fixup_slots(AdTypeObject *type, AdObject *name)
{
    for (AdSlotDef *def = ad_slotdefs; def->name; def++) {
        if (strcmp(def->name, "__new__") == 0)
            continue;
        int seen = 0, named = !name;
        for (AdSlotDef *d = ad_slotdefs; d < def; d++)
            if (d->offset == def->offset)
                seen = 1;
        if (seen)
            continue;           /* the group was handled at its first entry */
        for (AdSlotDef *d = def; d->name && !named; d++)
            if (d->offset == def->offset && slot_def_named(d, name))
                named = 1;
        if (!named)
            continue;
        void **addr = slot_address(type, def);
        if (!addr)
            continue;
        void *native = NULL, *generic = NULL;
        int mixed = 0;
        for (AdSlotDef *d = def; d->name; d++) {
            if (d->offset != def->offset)
                continue;
            AdObject *descr = slot_descr_for(type, d);
            void *fn;
            if (!descr)
                continue;
            if (Ad_IS_TYPE(descr, &AdWrapperDescr_Type) &&
                ((AdWrapperDescrObject *)descr)->d_base->wrapper == d->wrapper &&
                ((AdWrapperDescrObject *)descr)->d_base->offset == d->offset)
                fn = ((AdWrapperDescrObject *)descr)->d_wrapped;     /* a native slot */
            else if (descr == Ad_None && strcmp(d->name, "__hash__") == 0)
                fn = (void *)AdObject_HashNotImplemented;
            else {
                if (!generic)
                    generic = slot_function_for(d);
                continue;
            }
            if (native && native != fn)
                mixed = 1;
            native = fn;
        }
        if (!generic && mixed)
            generic = slot_function_for(def);
        *addr = generic ? generic : native;
    }
    if (!name || AdStr_EqualToASCII(name, "__new__")) {
        AdObject *newf = AdType_LookupString(type, "__new__");
        if (newf && !(AdCFunction_Check(newf) && AdType_Check(((AdCFunctionObject *)newf)->m_self)))
            type->tp_new = slot_tp_new;
    }
}

int ad_type_update_slot(AdTypeObject *type, AdObject *name)
{
    if (!AdStr_Check(name) || AdStr_LENGTH(name) < 5 || AdStr_READ_CHAR(name, 0) != '_' ||
        AdStr_READ_CHAR(name, 1) != '_')
        return 0;
    fixup_slots(type, name);
    AdObject *subs = type->tp_subclasses;
    for (Ad_ssize_t i = 0; subs && i < AdList_GET_SIZE(subs); i++) {
        AdTypeObject *sub = (AdTypeObject *)AdWeakref_Peek(AdList_GET_ITEM(subs, i));
        if (sub && (sub->tp_flags & AD_TPFLAGS_HEAPTYPE))
            ad_type_update_slot(sub, name);
    }
    return 0;
}

/* ---- __dict__ and __weakref__ of instances ---------------------------------------------- */

static int subtype_set_dict(AdObject *self, AdObject *value, void *c)
{
    (void)c;
    AdObject **dp = AdObject_GetDictPtr(self);
    if (!dp) {
        AdErr_SetString(AdExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value && !AdDict_Check(value)) {
        AdErr_Format(AdExc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                     AdType_Name(AD_TYPE(value)));
        return -1;
    }
    AD_XSETREF(*dp, Ad_XNewRef(value));
    return 0;
}

static AdObject *subtype_get_weakref(AdObject *self, void *c)
{
    (void)c;
    AdObject **list = AdObject_WeakListPtr(self);
    AdObject *head = list ? *list : NULL;
    return Ad_NewRef(head ? head : Ad_None);
}

static AdGetSetDef subtype_getsets_full[] = {
    {"__dict__", AdObject_GenericGetDict, subtype_set_dict, "dictionary for instance variables", NULL},
    {"__weakref__", subtype_get_weakref, NULL, "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static AdGetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", AdObject_GenericGetDict, subtype_set_dict, "dictionary for instance variables", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static AdGetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_get_weakref, NULL, "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- creating a class ----------------------------------------------------------------- */

/* __slots__ as a tuple of (mangled, validated) names; NULL slots -> *out NULL. */
static int collect_slots(AdObject *name, AdObject *slots, AdTypeObject *base, AdObject **out,
                         int *add_dict, int *add_weak)
{
    *out = NULL;
    AdObject *seq = AdStr_Check(slots) ? AdTuple_Pack(1, slots) : AdSequence_Tuple(slots);
    if (!seq)
        return -1;
    Ad_ssize_t n = AdTuple_GET_SIZE(seq);
    if (n > 0 && base->tp_itemsize != 0) {
        AdErr_Format(AdExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", base->tp_name);
        Ad_DECREF(seq);
        return -1;
    }
    AdObject *names = AdList_New(0);
    if (!names) {
        Ad_DECREF(seq);
        return -1;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *s = AdTuple_GET_ITEM(seq, i);
        if (!AdStr_Check(s)) {
            AdErr_Format(AdExc_TypeError, "__slots__ items must be strings, not '%s'", AdType_Name(AD_TYPE(s)));
            goto fail;
        }
        if (!is_identifier(s)) {
            AdErr_SetString(AdExc_TypeError, "__slots__ must be identifiers");
            goto fail;
        }
        if (AdStr_EqualToASCII(s, "__dict__")) {
            if (*add_dict != 1 || base->tp_dictoffset) {
                AdErr_SetString(AdExc_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail;
            }
            *add_dict = 2;      /* explicitly asked for */
            continue;
        }
        if (AdStr_EqualToASCII(s, "__weakref__")) {
            if (*add_weak != 1 || base->tp_weaklistoffset) {
                AdErr_SetString(AdExc_TypeError, "__weakref__ slot disallowed: we already got one");
                goto fail;
            }
            *add_weak = 2;
            continue;
        }
        AdObject *m = mangle(name, s);
        if (!m)
            goto fail;
        AdStr_InternInPlace(&m);
        int rc = AdList_Append(names, m);
        Ad_DECREF(m);
        if (rc < 0)
            goto fail;
    }
    if (AdList_Sort(names) < 0)
        goto fail;
    *out = AdList_AsTuple(names);
    Ad_DECREF(names);
    Ad_DECREF(seq);
    return *out ? 0 : -1;
fail:
    Ad_DECREF(names);
    Ad_DECREF(seq);
    return -1;
}

static AdObject *make_classmethod_if_function(AdObject *dict, const char *name, int static_)
{
    AdObject *f = AdDict_GetItemString(dict, name);
    if (!f || !ad_function_type || AD_TYPE(f) != ad_function_type)
        return Ad_None;
    AdObject *wrapped = static_ ? AdStaticMethod_New(f) : AdClassMethod_New(f);
    if (!wrapped)
        return NULL;
    int rc = AdDict_SetItemString(dict, name, wrapped);
    Ad_DECREF(wrapped);
    return rc < 0 ? NULL : Ad_None;
}

/* Calls __set_name__(owner, name) on every attribute that has it. */
static int set_names(AdTypeObject *type)
{
    AdObject *copy = AdDict_Copy(type->tp_dict);
    if (!copy)
        return -1;
    Ad_ssize_t pos = 0;
    AdObject *key, *value;
    while (AdDict_Next(copy, &pos, &key, &value)) {
        AdObject *set_name = AdObject_LookupSpecial(value, cached_name(&name_set_name, "__set_name__"));
        if (!set_name) {
            if (AdErr_Occurred())
                goto fail;
            continue;
        }
        AdObject *args[2] = {(AdObject *)type, key};
        AdObject *r = AdObject_Vectorcall(set_name, args, 2, NULL);
        Ad_DECREF(set_name);
        if (!r) {
            AdObject *exc = AdErr_GetRaisedException();
            AdErr_SetRaisedException(exc);
            goto fail;
        }
        Ad_DECREF(r);
    }
    Ad_DECREF(copy);
    return 0;
fail:
    Ad_DECREF(copy);
    return -1;
}

/* super(type, type).__init_subclass__(**kwds) */
static int init_subclass(AdTypeObject *type, AdObject *kwds)
{
    AdObject *mro = type->tp_mro;
    AdObject *func = NULL;
    for (Ad_ssize_t i = 1; i < AdTuple_GET_SIZE(mro); i++) {
        AdTypeObject *base = (AdTypeObject *)AdTuple_GET_ITEM(mro, i);
        AdObject *f = AdDict_GetItemString(base->tp_dict, "__init_subclass__");
        if (f) {
            descrgetfunc get = AD_TYPE(f)->tp_descr_get;
            func = get ? get(f, NULL, (AdObject *)type) : Ad_NewRef(f);
            break;
        }
    }
    if (!func)
        return AdErr_Occurred() ? -1 : 0;
    AdObject *args = AdTuple_New(0);
    AdObject *r = args ? AdObject_Call(func, args, kwds) : NULL;
    Ad_XDECREF(args);
    Ad_DECREF(func);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

AdObject *ad_type_new(AdTypeObject *meta, AdObject *args, AdObject *kwds)
{
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args);
    if (nargs != 1 && nargs != 3)
        return AdErr_Format(AdExc_TypeError, "type() takes 1 or 3 arguments");
    if (nargs == 1)
        return Ad_NewRef((AdObject *)AD_TYPE(AdTuple_GET_ITEM(args, 0)));
    AdObject *name = AdTuple_GET_ITEM(args, 0), *bases = AdTuple_GET_ITEM(args, 1),
             *orig_dict = AdTuple_GET_ITEM(args, 2);
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "type.__new__() argument 1 must be str, not %s",
                            AdType_Name(AD_TYPE(name)));
    if (!AdTuple_Check(bases))
        return AdErr_Format(AdExc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                            AdType_Name(AD_TYPE(bases)));
    if (!AdDict_Check(orig_dict))
        return AdErr_Format(AdExc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                            AdType_Name(AD_TYPE(orig_dict)));

    AdTypeObject *winner = calculate_metaclass(meta, bases);
    if (!winner)
        return NULL;
    if (winner != meta && winner->tp_new != ad_type_new)
        return winner->tp_new(winner, args, kwds);
    meta = winner;

    int own_bases = 0;
    if (AdTuple_GET_SIZE(bases) == 0) {
        bases = AdTuple_Pack(1, (AdObject *)&AdBaseObject_Type);
        if (!bases)
            return NULL;
        own_bases = 1;
    }
    AdObject *dict = NULL, *slots = NULL;
    AdHeapTypeObject *et = NULL;
    AdTypeObject *base = best_base(bases);
    if (!base)
        goto fail;
    dict = AdDict_Copy(orig_dict);
    if (!dict)
        goto fail;

    int add_dict = base->tp_dictoffset == 0, add_weak = base->tp_weaklistoffset == 0 &&
        (base->tp_itemsize == 0 || AdType_IsSubtype(base, &AdStr_Type));
    AdObject *slots_given = AdDict_GetItemString(dict, "__slots__");
    if (slots_given) {
        int may_dict = add_dict, may_weak = add_weak;
        add_dict = may_dict ? 1 : 0;
        add_weak = may_weak ? 1 : 0;
        /* With __slots__, __dict__ and __weakref__ come only if listed. */
        int ask_dict = add_dict, ask_weak = add_weak;
        if (collect_slots(name, slots_given, base, &slots, &ask_dict, &ask_weak) < 0)
            goto fail;
        add_dict = ask_dict == 2;
        add_weak = ask_weak == 2;
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(slots); i++) {
            AdObject *existing = AdDict_GetItemWithError(dict, AdTuple_GET_ITEM(slots, i));
            if (existing) {
                AdErr_Format(AdExc_ValueError, "%R in __slots__ conflicts with class variable",
                             AdTuple_GET_ITEM(slots, i));
                goto fail;
            }
            if (AdErr_Occurred())
                goto fail;
        }
    }
    Ad_ssize_t nslots = slots ? AdTuple_GET_SIZE(slots) : 0;

    et = (AdHeapTypeObject *)meta->tp_alloc(meta, nslots);
    if (!et)
        goto fail;
    AdTypeObject *type = &et->ht_type;
    type->tp_flags = AD_TPFLAGS_HEAPTYPE | AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_GC;
    type->tp_as_async = &et->as_async;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_as_buffer = &et->as_buffer;
    et->ht_name = Ad_NewRef(name);
    et->ht_slots = Ad_XNewRef(slots);
    const char *utf8 = AdStr_AsUTF8(name);
    if (!utf8)
        goto fail_type;
    et->ht_tpname = AdMem_Malloc(strlen(utf8) + 1);
    if (!et->ht_tpname) {
        AdErr_NoMemory();
        goto fail_type;
    }
    strcpy(et->ht_tpname, utf8);
    type->tp_name = et->ht_tpname;
    type->tp_bases = own_bases ? bases : Ad_NewRef(bases);
    own_bases = 0;
    type->tp_base = (AdTypeObject *)Ad_NewRef((AdObject *)base);
    type->tp_dict = dict;
    dict = NULL;
    type->tp_doc = NULL;

    /* __qualname__ and __classcell__ are taken out of the namespace. */
    AdObject *qualname = AdDict_GetItemString(type->tp_dict, "__qualname__");
    if (qualname) {
        if (!AdStr_Check(qualname)) {
            AdErr_Format(AdExc_TypeError, "type __qualname__ must be a str, not %s", AdType_Name(AD_TYPE(qualname)));
            goto fail_type;
        }
        et->ht_qualname = Ad_NewRef(qualname);
        if (AdDict_DelItemString(type->tp_dict, "__qualname__") < 0)
            goto fail_type;
    }
    else
        et->ht_qualname = Ad_NewRef(name);
    /* __doc__ defaults to None, unless it is a slot (its member descriptor
     * is installed when the type is readied). */
    int doc_is_slot = 0;
    for (Ad_ssize_t i = 0; slots && i < AdTuple_GET_SIZE(slots); i++)
        if (AdStr_EqualToASCII(AdTuple_GET_ITEM(slots, i), "__doc__"))
            doc_is_slot = 1;
    if (!doc_is_slot && !AdDict_GetItemString(type->tp_dict, "__doc__") &&
        AdDict_SetItemString(type->tp_dict, "__doc__", Ad_None) < 0)
        goto fail_type;
    /* A class that defines __eq__ but not __hash__ is unhashable. */
    if (AdDict_GetItemString(type->tp_dict, "__eq__") && !AdDict_GetItemString(type->tp_dict, "__hash__") &&
        AdDict_SetItemString(type->tp_dict, "__hash__", Ad_None) < 0)
        goto fail_type;
    if (!make_classmethod_if_function(type->tp_dict, "__new__", 1) ||
        !make_classmethod_if_function(type->tp_dict, "__init_subclass__", 0) ||
        !make_classmethod_if_function(type->tp_dict, "__class_getitem__", 0))
        goto fail_type;

    /* Layout: the base's, then the slots, then __dict__ and __weakref__. */
    Ad_ssize_t size = base->tp_basicsize;
    AdMemberDef *mp = (AdMemberDef *)((char *)type + AdType_Type.tp_basicsize);
    for (Ad_ssize_t i = 0; i < nslots; i++, mp++) {
        mp->name = AdStr_AsUTF8(AdTuple_GET_ITEM(slots, i));
        mp->type = AD_T_OBJECT_EX;
        mp->offset = size;
        mp->flags = 0;
        mp->doc = NULL;
        size += sizeof(AdObject *);
    }
    if (add_dict) {
        /* Var-sized instances keep the dict after their items (a negative
         * offset); the basic size still grows by the slot, so the
         * allocation has room for it. */
        type->tp_dictoffset = base->tp_itemsize ? -(Ad_ssize_t)sizeof(AdObject *) : size;
        size += sizeof(AdObject *);
    }
    if (add_weak) {
        /* str is var-sized here (not in CPython, whose str subclasses take
         * weak references): its subclasses keep the slot after the data. */
        type->tp_weaklistoffset = base->tp_itemsize ? -(Ad_ssize_t)sizeof(AdObject *) * (add_dict ? 2 : 1) : size;
        size += sizeof(AdObject *);
    }
    type->tp_basicsize = size;
    type->tp_itemsize = base->tp_itemsize;
    type->tp_members = (AdMemberDef *)((char *)type + AdType_Type.tp_basicsize);
    if (!nslots)
        type->tp_members = NULL;
    else
        mp->name = NULL;        /* the spare item terminates the list */
    type->tp_getattro = NULL;
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    type->tp_alloc = AdType_GenericAlloc;
    type->tp_free = AdObject_GC_Del;

    if (add_dict && add_weak)
        type->tp_getset = subtype_getsets_full;
    else if (add_dict)
        type->tp_getset = subtype_getsets_dict_only;
    else if (add_weak)
        type->tp_getset = subtype_getsets_weakref_only;
    if (!type->tp_mro) {
        type->tp_mro = ad_type_compute_mro(type);
        if (!type->tp_mro)
            goto fail_type;
    }
    if (AdType_Ready(type) < 0)
        goto fail_type;
    fixup_slots(type, NULL);

    /* __classcell__: the cell of zero-argument super() gets the class. */
    AdObject *cell = AdDict_GetItemString(type->tp_dict, "__classcell__");
    if (cell) {
        if (!AdCell_Check(cell)) {
            AdErr_Format(AdExc_TypeError, "__classcell__ must be a nonlocal cell, not %s", AdType_Name(AD_TYPE(cell)));
            goto fail_type;
        }
        AdCell_Set(cell, (AdObject *)type);
        if (AdDict_DelItemString(type->tp_dict, "__classcell__") < 0)
            goto fail_type;
    }
    /* __classdictcell__: what annotation scopes read the class namespace
     * from gets the class dict. */
    cell = AdDict_GetItemString(type->tp_dict, "__classdictcell__");
    if (cell) {
        if (!AdCell_Check(cell)) {
            AdErr_Format(AdExc_TypeError, "__classdictcell__ must be a nonlocal cell, not %s",
                         AdType_Name(AD_TYPE(cell)));
            goto fail_type;
        }
        AdCell_Set(cell, type->tp_dict);
        if (AdDict_DelItemString(type->tp_dict, "__classdictcell__") < 0)
            goto fail_type;
    }
    if (set_names(type) < 0 || init_subclass(type, kwds) < 0)
        goto fail_type;
    Ad_XDECREF(slots);
    return (AdObject *)type;

fail_type:
    Ad_DECREF((AdObject *)et);
    et = NULL;
fail:
    if (own_bases)
        Ad_DECREF(bases);
    Ad_XDECREF(dict);
    Ad_XDECREF(slots);
    return NULL;
}

int ad_type_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    (void)self;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n != 1 && n != 3) {
        AdErr_SetString(AdExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    (void)kwds;
    return 0;
}

int ad_type_clear(AdObject *self)
{
    AdTypeObject *type = (AdTypeObject *)self;
    if (!(type->tp_flags & AD_TPFLAGS_HEAPTYPE))
        return 0;
    AdType_Modified(type);
    if (type->tp_dict)
        AdDict_Clear(type->tp_dict);
    AD_CLEAR(type->tp_mro);
    return 0;
}

void ad_type_dealloc(AdObject *self)
{
    AdTypeObject *type = (AdTypeObject *)self;
    AdHeapTypeObject *et = HT(type);
    AdObject_GC_UnTrack(self);
    if (type->tp_weaklist)
        AdObject_ClearWeakRefs(self);
    AdType_Modified(type);
    /* Our entries in the bases' subclass lists are dead now: drop them. */
    for (Ad_ssize_t i = 0; type->tp_bases && i < AdTuple_GET_SIZE(type->tp_bases); i++) {
        AdObject *b = AdTuple_GET_ITEM(type->tp_bases, i);
        if (AdType_Check(b))
            ad_type_drop_dead_subclasses((AdTypeObject *)b);
    }
    Ad_XDECREF((AdObject *)type->tp_base);
    Ad_XDECREF(type->tp_dict);
    Ad_XDECREF(type->tp_bases);
    Ad_XDECREF(type->tp_mro);
    Ad_XDECREF(type->tp_subclasses);      /* weak references */
    Ad_XDECREF(et->ht_name);
    Ad_XDECREF(et->ht_qualname);
    Ad_XDECREF(et->ht_slots);
    Ad_XDECREF(et->ht_module);
    AdMem_Free(et->ht_tpname);
    AD_TYPE(self)->tp_free(self);
}

/* ---- assignable attributes of classes ---------------------------------------------------- */

static int check_heap_set(AdTypeObject *type, AdObject *value, const char *attr)
{
    if (!(type->tp_flags & AD_TPFLAGS_HEAPTYPE)) {
        AdErr_Format(AdExc_TypeError, "cannot set '%s' attribute of immutable type '%s'", attr,
                     AdType_Name(type));
        return -1;
    }
    if (!value) {
        AdErr_Format(AdExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", attr,
                     AdType_Name(type));
        return -1;
    }
    return 0;
}

int ad_type_set_name(AdObject *self, AdObject *value, void *closure)
{
    (void)closure;
    AdTypeObject *type = (AdTypeObject *)self;
    if (check_heap_set(type, value, "__name__") < 0)
        return -1;
    if (!AdStr_Check(value)) {
        AdErr_Format(AdExc_TypeError, "can only assign string to %s.__name__, not '%s'", type->tp_name,
                     AdType_Name(AD_TYPE(value)));
        return -1;
    }
    const char *utf8 = AdStr_AsUTF8(value);
    if (!utf8)
        return -1;
    if (strlen(utf8) != (size_t)((AdStrObject *)value)->utf8_length) {
        AdErr_SetString(AdExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    char *copy = AdMem_Malloc(strlen(utf8) + 1);
    if (!copy) {
        AdErr_NoMemory();
        return -1;
    }
    strcpy(copy, utf8);
    AdMem_Free(HT(type)->ht_tpname);
    HT(type)->ht_tpname = copy;
    type->tp_name = copy;
    AD_SETREF(HT(type)->ht_name, Ad_NewRef(value));
    return 0;
}

int ad_type_set_qualname(AdObject *self, AdObject *value, void *closure)
{
    (void)closure;
    AdTypeObject *type = (AdTypeObject *)self;
    if (check_heap_set(type, value, "__qualname__") < 0)
        return -1;
    if (!AdStr_Check(value)) {
        AdErr_Format(AdExc_TypeError, "can only assign string to %s.__qualname__, not '%s'", type->tp_name,
                     AdType_Name(AD_TYPE(value)));
        return -1;
    }
    AD_SETREF(HT(type)->ht_qualname, Ad_NewRef(value));
    return 0;
}

int ad_type_set_module(AdObject *self, AdObject *value, void *closure)
{
    (void)closure;
    AdTypeObject *type = (AdTypeObject *)self;
    if (check_heap_set(type, value, "__module__") < 0)
        return -1;
    AdType_Modified(type);
    return AdDict_SetItemString(type->tp_dict, "__module__", value);
}

int ad_type_set_doc(AdObject *self, AdObject *value, void *closure)
{
    (void)closure;
    AdTypeObject *type = (AdTypeObject *)self;
    if (check_heap_set(type, value, "__doc__") < 0)
        return -1;
    AdType_Modified(type);
    return AdDict_SetItemString(type->tp_dict, "__doc__", value);
}
