/* slotdefs.c: the special-method <-> slot table and the slot wrappers that
 * make a native type's slots callable from Python (slotdefs.h). Each
 * wrapper checks its arguments as CPython's do and calls the slot. */
#include "objects/slotdefs.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#include <stddef.h>

/* ---- argument checks ------------------------------------------------------- */

static int check_num_args(AdObject *args, Ad_ssize_t n)
{
    if (AdTuple_GET_SIZE(args) == n)
        return 1;
    AdErr_Format(AdExc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s",
                 AdTuple_GET_SIZE(args));
    return 0;
}

#define ARG(i) AdTuple_GET_ITEM(args, i)

/* ---- the wrappers ------------------------------------------------------------- */

static AdObject *wrap_unaryfunc(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    return ((unaryfunc)wrapped)(self);
}

static AdObject *wrap_binaryfunc(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(self, ARG(0));
}

static AdObject *wrap_binaryfunc_l(AdObject *self, AdObject *args, void *wrapped)
{
    return wrap_binaryfunc(self, args, wrapped);
}

static AdObject *wrap_binaryfunc_r(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    return ((binaryfunc)wrapped)(ARG(0), self);
}

static AdObject *wrap_ternaryfunc(AdObject *self, AdObject *args, void *wrapped)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n < 1 || n > 2)
        return AdErr_Format(AdExc_TypeError, "expected 1 or 2 arguments, got %zd", n);
    return ((ternaryfunc)wrapped)(self, ARG(0), n == 2 ? ARG(1) : Ad_None);
}

static AdObject *wrap_ternaryfunc_r(AdObject *self, AdObject *args, void *wrapped)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n < 1 || n > 2)
        return AdErr_Format(AdExc_TypeError, "expected 1 or 2 arguments, got %zd", n);
    return ((ternaryfunc)wrapped)(ARG(0), self, n == 2 ? ARG(1) : Ad_None);
}

static AdObject *wrap_inquirypred(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    int r = ((inquiry)wrapped)(self);
    return r < 0 ? NULL : AdBool_FromLong(r);
}

static AdObject *wrap_lenfunc(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    Ad_ssize_t n = ((lenfunc)wrapped)(self);
    return n < 0 ? NULL : AdInt_FromSsize_t(n);
}

static Ad_ssize_t index_arg(AdObject *self, AdObject *arg)
{
    Ad_ssize_t i = AdNumber_AsSsize_t(arg, AdExc_OverflowError);
    if (i == -1 && AdErr_Occurred())
        return -1;
    if (i < 0) {
        AdSequenceMethods *sq = AD_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            Ad_ssize_t n = sq->sq_length(self);
            if (n < 0)
                return -1;
            i += n;
        }
    }
    return i;
}

static AdObject *wrap_sq_item(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    Ad_ssize_t i = index_arg(self, ARG(0));
    if (i == -1 && AdErr_Occurred())
        return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static AdObject *wrap_indexargfunc(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    Ad_ssize_t i = AdNumber_AsSsize_t(ARG(0), AdExc_OverflowError);
    if (i == -1 && AdErr_Occurred())
        return NULL;
    return ((ssizeargfunc)wrapped)(self, i);
}

static AdObject *wrap_sq_setitem(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 2))
        return NULL;
    Ad_ssize_t i = index_arg(self, ARG(0));
    if (i == -1 && AdErr_Occurred())
        return NULL;
    return ((ssizeobjargproc)wrapped)(self, i, ARG(1)) < 0 ? NULL : Ad_None;
}

static AdObject *wrap_sq_delitem(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    Ad_ssize_t i = index_arg(self, ARG(0));
    if (i == -1 && AdErr_Occurred())
        return NULL;
    return ((ssizeobjargproc)wrapped)(self, i, NULL) < 0 ? NULL : Ad_None;
}

static AdObject *wrap_objobjproc(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    int r = ((objobjproc)wrapped)(self, ARG(0));
    return r < 0 ? NULL : AdBool_FromLong(r);
}

static AdObject *wrap_objobjargproc(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 2))
        return NULL;
    return ((objobjargproc)wrapped)(self, ARG(0), ARG(1)) < 0 ? NULL : Ad_None;
}

static AdObject *wrap_delitem(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    return ((objobjargproc)wrapped)(self, ARG(0), NULL) < 0 ? NULL : Ad_None;
}

static AdObject *wrap_setattr(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 2))
        return NULL;
    return ((setattrofunc)wrapped)(self, ARG(0), ARG(1)) < 0 ? NULL : Ad_None;
}

static AdObject *wrap_delattr(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    return ((setattrofunc)wrapped)(self, ARG(0), NULL) < 0 ? NULL : Ad_None;
}

static AdObject *wrap_hashfunc(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    Ad_hash_t h = ((hashfunc)wrapped)(self);
    return (h == -1 && AdErr_Occurred()) ? NULL : AdInt_FromInt64(h);
}

static AdObject *wrap_call(AdObject *self, AdObject *args, void *wrapped, AdObject *kwds)
{
    return ((ternaryfunc)wrapped)(self, args, kwds);
}

static AdObject *wrap_init(AdObject *self, AdObject *args, void *wrapped, AdObject *kwds)
{
    return ((initproc)wrapped)(self, args, kwds) < 0 ? NULL : Ad_None;
}

static AdObject *wrap_del(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    ((destructor)wrapped)(self);
    return AdErr_Occurred() ? NULL : Ad_None;
}

static AdObject *wrap_next(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 0))
        return NULL;
    AdObject *r = ((iternextfunc)wrapped)(self);
    if (!r && !AdErr_Occurred())
        AdErr_SetNone(AdExc_StopIteration);
    return r;
}

static AdObject *wrap_descr_get(AdObject *self, AdObject *args, void *wrapped)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n < 1 || n > 2)
        return AdErr_Format(AdExc_TypeError, "expected 1 or 2 arguments, got %zd", n);
    AdObject *obj = ARG(0) == Ad_None ? NULL : ARG(0);
    AdObject *type = n == 2 && ARG(1) != Ad_None ? ARG(1) : NULL;
    if (!obj && !type) {
        AdErr_SetString(AdExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((descrgetfunc)wrapped)(self, obj, type);
}

static AdObject *wrap_descr_set(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 2))
        return NULL;
    return ((descrsetfunc)wrapped)(self, ARG(0), ARG(1)) < 0 ? NULL : Ad_None;
}

static AdObject *wrap_descr_delete(AdObject *self, AdObject *args, void *wrapped)
{
    if (!check_num_args(args, 1))
        return NULL;
    return ((descrsetfunc)wrapped)(self, ARG(0), NULL) < 0 ? NULL : Ad_None;
}

#define RICHCMP_WRAPPER(NAME, OP) \
    static AdObject *wrap_##NAME(AdObject *self, AdObject *args, void *wrapped) \
    { \
        if (!check_num_args(args, 1)) \
            return NULL; \
        return ((richcmpfunc)wrapped)(self, ARG(0), OP); \
    }
RICHCMP_WRAPPER(lt, AD_LT)
RICHCMP_WRAPPER(le, AD_LE)
RICHCMP_WRAPPER(eq, AD_EQ)
RICHCMP_WRAPPER(ne, AD_NE)
RICHCMP_WRAPPER(gt, AD_GT)
RICHCMP_WRAPPER(ge, AD_GE)

/* ---- the table ----------------------------------------------------------------- */

#define TP(slot) AD_SLOT_OFFSET(AD_SLOT_TYPE, offsetof(AdTypeObject, slot))
#define NB(slot) AD_SLOT_OFFSET(AD_SLOT_NUMBER, offsetof(AdNumberMethods, slot))
#define SQ(slot) AD_SLOT_OFFSET(AD_SLOT_SEQUENCE, offsetof(AdSequenceMethods, slot))
#define MP(slot) AD_SLOT_OFFSET(AD_SLOT_MAPPING, offsetof(AdMappingMethods, slot))
#define AM(slot) AD_SLOT_OFFSET(AD_SLOT_ASYNC, offsetof(AdAsyncMethods, slot))
#define W(fn) ((AdWrapperFunc)(void (*)(void))(fn))
#define ENTRY(NAME, OFF, WRAP, DOC) {NAME, OFF, NULL, W(WRAP), DOC, 0, NULL}
#define ENTRY_KW(NAME, OFF, WRAP, DOC) {NAME, OFF, NULL, W(WRAP), DOC, AD_WRAPPER_FLAG_KEYWORDS, NULL}
#define BINOP(NAME, RNAME, SLOT, DOC, RDOC) \
    ENTRY(NAME, NB(SLOT), wrap_binaryfunc_l, DOC), ENTRY(RNAME, NB(SLOT), wrap_binaryfunc_r, RDOC)

AdSlotDef ad_slotdefs[] = {
    ENTRY("__getattribute__", TP(tp_getattro), wrap_binaryfunc, "Return getattr(self, name)."),
    ENTRY("__setattr__", TP(tp_setattro), wrap_setattr, "Implement setattr(self, name, value)."),
    ENTRY("__delattr__", TP(tp_setattro), wrap_delattr, "Implement delattr(self, name)."),
    ENTRY("__repr__", TP(tp_repr), wrap_unaryfunc, "Return repr(self)."),
    ENTRY("__hash__", TP(tp_hash), wrap_hashfunc, "Return hash(self)."),
    ENTRY_KW("__call__", TP(tp_call), wrap_call, "Call self as a function."),
    ENTRY("__str__", TP(tp_str), wrap_unaryfunc, "Return str(self)."),
    ENTRY("__lt__", TP(tp_richcompare), wrap_lt, "Return self<value."),
    ENTRY("__le__", TP(tp_richcompare), wrap_le, "Return self<=value."),
    ENTRY("__eq__", TP(tp_richcompare), wrap_eq, "Return self==value."),
    ENTRY("__ne__", TP(tp_richcompare), wrap_ne, "Return self!=value."),
    ENTRY("__gt__", TP(tp_richcompare), wrap_gt, "Return self>value."),
    ENTRY("__ge__", TP(tp_richcompare), wrap_ge, "Return self>=value."),
    ENTRY("__iter__", TP(tp_iter), wrap_unaryfunc, "Implement iter(self)."),
    ENTRY("__next__", TP(tp_iternext), wrap_next, "Implement next(self)."),
    ENTRY("__get__", TP(tp_descr_get), wrap_descr_get, "Return an attribute of instance, which is of type owner."),
    ENTRY("__set__", TP(tp_descr_set), wrap_descr_set, "Set an attribute of instance to value."),
    ENTRY("__delete__", TP(tp_descr_set), wrap_descr_delete, "Delete an attribute of instance."),
    ENTRY_KW("__init__", TP(tp_init), wrap_init, "Initialize self.  See help(type(self)) for accurate signature."),
    ENTRY("__del__", TP(tp_finalize), wrap_del, "Called when the instance is about to be destroyed."),
    ENTRY("__await__", AM(am_await), wrap_unaryfunc, "Return an iterator to be used in await expression."),
    ENTRY("__aiter__", AM(am_aiter), wrap_unaryfunc, "Return an awaitable, that resolves in asynchronous iterator."),
    ENTRY("__anext__", AM(am_anext), wrap_unaryfunc, "Return a value or raise StopAsyncIteration."),
    BINOP("__add__", "__radd__", nb_add, "Return self+value.", "Return value+self."),
    BINOP("__sub__", "__rsub__", nb_subtract, "Return self-value.", "Return value-self."),
    BINOP("__mul__", "__rmul__", nb_multiply, "Return self*value.", "Return value*self."),
    BINOP("__mod__", "__rmod__", nb_remainder, "Return self%value.", "Return value%self."),
    BINOP("__divmod__", "__rdivmod__", nb_divmod, "Return divmod(self, value).", "Return divmod(value, self)."),
    ENTRY("__pow__", NB(nb_power), wrap_ternaryfunc, "Return pow(self, value, mod)."),
    ENTRY("__rpow__", NB(nb_power), wrap_ternaryfunc_r, "Return pow(value, self, mod)."),
    ENTRY("__neg__", NB(nb_negative), wrap_unaryfunc, "-self"),
    ENTRY("__pos__", NB(nb_positive), wrap_unaryfunc, "+self"),
    ENTRY("__abs__", NB(nb_absolute), wrap_unaryfunc, "abs(self)"),
    ENTRY("__bool__", NB(nb_bool), wrap_inquirypred, "True if self else False"),
    ENTRY("__invert__", NB(nb_invert), wrap_unaryfunc, "~self"),
    BINOP("__lshift__", "__rlshift__", nb_lshift, "Return self<<value.", "Return value<<self."),
    BINOP("__rshift__", "__rrshift__", nb_rshift, "Return self>>value.", "Return value>>self."),
    BINOP("__and__", "__rand__", nb_and, "Return self&value.", "Return value&self."),
    BINOP("__xor__", "__rxor__", nb_xor, "Return self^value.", "Return value^self."),
    BINOP("__or__", "__ror__", nb_or, "Return self|value.", "Return value|self."),
    ENTRY("__int__", NB(nb_int), wrap_unaryfunc, "int(self)"),
    ENTRY("__float__", NB(nb_float), wrap_unaryfunc, "float(self)"),
    ENTRY("__iadd__", NB(nb_inplace_add), wrap_binaryfunc, "Return self+=value."),
    ENTRY("__isub__", NB(nb_inplace_subtract), wrap_binaryfunc, "Return self-=value."),
    ENTRY("__imul__", NB(nb_inplace_multiply), wrap_binaryfunc, "Return self*=value."),
    ENTRY("__imod__", NB(nb_inplace_remainder), wrap_binaryfunc, "Return self%=value."),
    ENTRY("__ipow__", NB(nb_inplace_power), wrap_ternaryfunc, "Return self**=value."),
    ENTRY("__ilshift__", NB(nb_inplace_lshift), wrap_binaryfunc, "Return self<<=value."),
    ENTRY("__irshift__", NB(nb_inplace_rshift), wrap_binaryfunc, "Return self>>=value."),
    ENTRY("__iand__", NB(nb_inplace_and), wrap_binaryfunc, "Return self&=value."),
    ENTRY("__ixor__", NB(nb_inplace_xor), wrap_binaryfunc, "Return self^=value."),
    ENTRY("__ior__", NB(nb_inplace_or), wrap_binaryfunc, "Return self|=value."),
    BINOP("__floordiv__", "__rfloordiv__", nb_floor_divide, "Return self//value.", "Return value//self."),
    BINOP("__truediv__", "__rtruediv__", nb_true_divide, "Return self/value.", "Return value/self."),
    ENTRY("__ifloordiv__", NB(nb_inplace_floor_divide), wrap_binaryfunc, "Return self//=value."),
    ENTRY("__itruediv__", NB(nb_inplace_true_divide), wrap_binaryfunc, "Return self/=value."),
    ENTRY("__index__", NB(nb_index), wrap_unaryfunc, "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BINOP("__matmul__", "__rmatmul__", nb_matrix_multiply, "Return self@value.", "Return value@self."),
    ENTRY("__imatmul__", NB(nb_inplace_matrix_multiply), wrap_binaryfunc, "Return self@=value."),
    ENTRY("__len__", MP(mp_length), wrap_lenfunc, "Return len(self)."),
    ENTRY("__getitem__", MP(mp_subscript), wrap_binaryfunc, "Return self[key]."),
    ENTRY("__setitem__", MP(mp_ass_subscript), wrap_objobjargproc, "Set self[key] to value."),
    ENTRY("__delitem__", MP(mp_ass_subscript), wrap_delitem, "Delete self[key]."),
    ENTRY("__len__", SQ(sq_length), wrap_lenfunc, "Return len(self)."),
    ENTRY("__add__", SQ(sq_concat), wrap_binaryfunc, "Return self+value."),
    ENTRY("__mul__", SQ(sq_repeat), wrap_indexargfunc, "Return self*value."),
    ENTRY("__rmul__", SQ(sq_repeat), wrap_indexargfunc, "Return value*self."),
    ENTRY("__getitem__", SQ(sq_item), wrap_sq_item, "Return self[key]."),
    ENTRY("__setitem__", SQ(sq_ass_item), wrap_sq_setitem, "Set self[key] to value."),
    ENTRY("__delitem__", SQ(sq_ass_item), wrap_sq_delitem, "Delete self[key]."),
    ENTRY("__contains__", SQ(sq_contains), wrap_objobjproc, "Return bool(key in self)."),
    ENTRY("__iadd__", SQ(sq_inplace_concat), wrap_binaryfunc, "Implement self+=value."),
    ENTRY("__imul__", SQ(sq_inplace_repeat), wrap_indexargfunc, "Implement self*=value."),
    {NULL, 0, NULL, NULL, NULL, 0, NULL},
};

void *ad_slotdef_slot(AdTypeObject *type, const AdSlotDef *def)
{
    int table = def->offset >> 16, off = def->offset & 0xffff;
    char *base;
    switch (table) {
    case AD_SLOT_TYPE: base = (char *)type; break;
    case AD_SLOT_NUMBER: base = (char *)type->tp_as_number; break;
    case AD_SLOT_SEQUENCE: base = (char *)type->tp_as_sequence; break;
    case AD_SLOT_MAPPING: base = (char *)type->tp_as_mapping; break;
    case AD_SLOT_ASYNC: base = (char *)type->tp_as_async; break;
    default: return NULL;
    }
    return base ? *(void **)(base + off) : NULL;
}

/* __new__ of a native type: type.__new__(subtype, ...) checks that subtype
 * really derives from the type and that it is safe to call. */
static AdObject *tp_new_wrapper(AdObject *self, AdObject *args, AdObject *kwds)
{
    AdTypeObject *type = (AdTypeObject *)self;
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n < 1)
        return AdErr_Format(AdExc_TypeError, "%s.__new__(): not enough arguments", AdType_Name(type));
    AdObject *arg0 = AdTuple_GET_ITEM(args, 0);
    if (!AdType_Check(arg0))
        return AdErr_Format(AdExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                            AdType_Name(type), AdType_Name(AD_TYPE(arg0)));
    AdTypeObject *subtype = (AdTypeObject *)arg0;
    if (!AdType_IsSubtype(subtype, type))
        return AdErr_Format(AdExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                            AdType_Name(type), AdType_Name(subtype), AdType_Name(subtype), AdType_Name(type));
    /* The most derived native base of subtype must use this tp_new. */
    AdTypeObject *staticbase = subtype;
    while (staticbase && (staticbase->tp_flags & AD_TPFLAGS_HEAPTYPE))
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new)
        return AdErr_Format(AdExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                            AdType_Name(type), AdType_Name(subtype), AdType_Name(staticbase));
    AdObject *rest = AdTuple_GetSlice(args, 1, n);
    if (!rest)
        return NULL;
    AdObject *r = type->tp_new(subtype, rest, kwds);
    Ad_DECREF(rest);
    return r;
}

static AdMethodDef tp_new_methoddef = {
    "__new__", (void (*)(void))tp_new_wrapper, AD_METH_VARARGS | AD_METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature."};

int ad_slotdefs_add_wrappers(AdTypeObject *type)
{
    AdTypeObject *base = type->tp_base;
    for (AdSlotDef *def = ad_slotdefs; def->name; def++) {
        void *slot = ad_slotdef_slot(type, def);
        if (!slot)
            continue;
        /* A sub-table shared with the base (not inherited yet, so a shared
         * pointer means the type set it up that way) still counts as the
         * type's own only if the base doesn't have the same function. */
        if (base && base->tp_flags & AD_TPFLAGS_READY && ad_slotdef_slot(base, def) == slot &&
            def->offset >> 16 != AD_SLOT_TYPE)
            continue;
        if (!AdStr_InternStatic(&def->name_strobj, def->name))
            return -1;
        AdObject *existing = AdDict_GetItemWithError(type->tp_dict, def->name_strobj);
        if (existing || AdErr_Occurred()) {
            if (AdErr_Occurred())
                return -1;
            continue;
        }
        AdObject *descr;
        if (def->offset == TP(tp_hash) && slot == (void *)AdObject_HashNotImplemented)
            descr = Ad_None;
        else
            descr = AdDescr_NewWrapper(type, def, slot);
        if (!descr)
            return -1;
        int rc = AdDict_SetItem(type->tp_dict, def->name_strobj, descr);
        Ad_DECREF(descr);
        if (rc < 0)
            return -1;
    }
    if (type->tp_new) {
        AdObject *name = AdStr_InternFromString("__new__");
        if (!name)
            return -1;
        AdObject *existing = AdDict_GetItemWithError(type->tp_dict, name);
        int rc = 0;
        if (!existing && !AdErr_Occurred()) {
            AdObject *f = AdCFunction_NewEx(&tp_new_methoddef, (AdObject *)type, NULL);
            rc = f ? AdDict_SetItem(type->tp_dict, name, f) : -1;
            Ad_XDECREF(f);
        }
        else if (AdErr_Occurred())
            rc = -1;
        Ad_DECREF(name);
        if (rc < 0)
            return -1;
    }
    return 0;
}
