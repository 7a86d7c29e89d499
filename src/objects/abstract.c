/* abstract.c: the generic protocols (abstract.h): operator dispatch over
 * the number slots with the reflected-operand rules, sequence fallbacks,
 * subscription, len(), membership, format(), isinstance/issubclass, the
 * length hint and the repr recursion guard. */
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/interp.h"

#include <stddef.h>

#define NB_SLOT(t, off) ((t)->tp_as_number ? *(binaryfunc *)((char *)(t)->tp_as_number + (off)) : NULL)

/* ---- binary operators ---------------------------------------------------------- */

static AdObject *binary_op1(AdObject *v, AdObject *w, size_t off)
{
    binaryfunc slotv = NB_SLOT(AD_TYPE(v), off), slotw = NULL;
    if (!Ad_IS_TYPE(w, AD_TYPE(v))) {
        slotw = NB_SLOT(AD_TYPE(w), off);
        if (slotw == slotv)
            slotw = NULL;
    }
    AdObject *x;
    if (slotv) {
        if (slotw && AdType_IsSubtype(AD_TYPE(w), AD_TYPE(v))) {
            x = slotw(v, w);
            if (x != Ad_NotImplemented)
                return x;
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != Ad_NotImplemented)
            return x;
    }
    if (slotw) {
        x = slotw(v, w);
        if (x != Ad_NotImplemented)
            return x;
    }
    return Ad_NotImplemented;
}

static AdObject *binop_type_error(AdObject *v, AdObject *w, const char *opname)
{
    return AdErr_Format(AdExc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", opname,
                        AdType_Name(AD_TYPE(v)), AdType_Name(AD_TYPE(w)));
}

static AdObject *binary_op(AdObject *v, AdObject *w, size_t off, const char *opname)
{
    AdObject *r = binary_op1(v, w, off);
    if (r == Ad_NotImplemented)
        return binop_type_error(v, w, opname);
    return r;
}

#define OFF(slot) offsetof(AdNumberMethods, slot)

#define BINARY_FUNC(FUNC, SLOT, NAME) \
    AdObject *FUNC(AdObject *v, AdObject *w) { return binary_op(v, w, OFF(SLOT), NAME); }
BINARY_FUNC(AdNumber_Subtract, nb_subtract, "-")
BINARY_FUNC(AdNumber_MatrixMultiply, nb_matrix_multiply, "@")
BINARY_FUNC(AdNumber_TrueDivide, nb_true_divide, "/")
BINARY_FUNC(AdNumber_FloorDivide, nb_floor_divide, "//")
BINARY_FUNC(AdNumber_Remainder, nb_remainder, "%")
BINARY_FUNC(AdNumber_Divmod, nb_divmod, "divmod()")
BINARY_FUNC(AdNumber_Lshift, nb_lshift, "<<")
BINARY_FUNC(AdNumber_Rshift, nb_rshift, ">>")
BINARY_FUNC(AdNumber_And, nb_and, "&")
BINARY_FUNC(AdNumber_Xor, nb_xor, "^")
BINARY_FUNC(AdNumber_Or, nb_or, "|")

AdObject *AdNumber_Add(AdObject *v, AdObject *w)
{
    AdObject *r = binary_op1(v, w, OFF(nb_add));
    if (r != Ad_NotImplemented)
        return r;
    AdSequenceMethods *sq = AD_TYPE(v)->tp_as_sequence;
    if (sq && sq->sq_concat)
        return sq->sq_concat(v, w);
    return binop_type_error(v, w, "+");
}

static AdObject *sequence_repeat(ssizeargfunc repeat, AdObject *seq, AdObject *n)
{
    if (!AdIndex_Check(n))
        return AdErr_Format(AdExc_TypeError, "can't multiply sequence by non-int of type '%s'",
                            AdType_Name(AD_TYPE(n)));
    Ad_ssize_t count = AdNumber_AsSsize_t(n, AdExc_OverflowError);
    if (count == -1 && AdErr_Occurred())
        return NULL;
    return repeat(seq, count);
}

AdObject *AdNumber_Multiply(AdObject *v, AdObject *w)
{
    AdObject *r = binary_op1(v, w, OFF(nb_multiply));
    if (r != Ad_NotImplemented)
        return r;
    AdSequenceMethods *mv = AD_TYPE(v)->tp_as_sequence, *mw = AD_TYPE(w)->tp_as_sequence;
    if (mv && mv->sq_repeat)
        return sequence_repeat(mv->sq_repeat, v, w);
    if (mw && mw->sq_repeat)
        return sequence_repeat(mw->sq_repeat, w, v);
    return binop_type_error(v, w, "*");
}

static AdObject *ternary_op(AdObject *v, AdObject *w, AdObject *z, size_t off, const char *opname)
{
    ternaryfunc slotv = AD_TYPE(v)->tp_as_number ? *(ternaryfunc *)((char *)AD_TYPE(v)->tp_as_number + off) : NULL;
    ternaryfunc slotw = NULL;
    if (!Ad_IS_TYPE(w, AD_TYPE(v))) {
        slotw = AD_TYPE(w)->tp_as_number ? *(ternaryfunc *)((char *)AD_TYPE(w)->tp_as_number + off) : NULL;
        if (slotw == slotv)
            slotw = NULL;
    }
    AdObject *x;
    if (slotv) {
        if (slotw && AdType_IsSubtype(AD_TYPE(w), AD_TYPE(v))) {
            x = slotw(v, w, z);
            if (x != Ad_NotImplemented)
                return x;
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != Ad_NotImplemented)
            return x;
    }
    if (slotw) {
        x = slotw(v, w, z);
        if (x != Ad_NotImplemented)
            return x;
    }
    if (z != Ad_None) {
        ternaryfunc slotz = AD_TYPE(z)->tp_as_number ? *(ternaryfunc *)((char *)AD_TYPE(z)->tp_as_number + off) : NULL;
        if (slotz && slotz != slotv && slotz != slotw) {
            x = slotz(v, w, z);
            if (x != Ad_NotImplemented)
                return x;
        }
        return AdErr_Format(AdExc_TypeError, "unsupported operand type(s) for %s: '%s', '%s', '%s'",
                            opname[0] == '*' ? "pow()" : opname, AdType_Name(AD_TYPE(v)),
                            AdType_Name(AD_TYPE(w)), AdType_Name(AD_TYPE(z)));
    }
    return binop_type_error(v, w, opname);
}

AdObject *AdNumber_Power(AdObject *v, AdObject *w, AdObject *z)
{
    return ternary_op(v, w, z, OFF(nb_power), "** or pow()");
}

/* ---- in-place operators ------------------------------------------------------------ */

static AdObject *binary_iop1(AdObject *v, AdObject *w, size_t iop, size_t op)
{
    binaryfunc slot = NB_SLOT(AD_TYPE(v), iop);
    if (slot) {
        AdObject *x = slot(v, w);
        if (x != Ad_NotImplemented)
            return x;
    }
    return binary_op1(v, w, op);
}

static AdObject *binary_iop(AdObject *v, AdObject *w, size_t iop, size_t op, const char *opname)
{
    AdObject *r = binary_iop1(v, w, iop, op);
    if (r == Ad_NotImplemented)
        return binop_type_error(v, w, opname);
    return r;
}

#define INPLACE_FUNC(FUNC, ISLOT, SLOT, NAME) \
    AdObject *FUNC(AdObject *v, AdObject *w) { return binary_iop(v, w, OFF(ISLOT), OFF(SLOT), NAME); }
INPLACE_FUNC(AdNumber_InPlaceSubtract, nb_inplace_subtract, nb_subtract, "-=")
INPLACE_FUNC(AdNumber_InPlaceMatrixMultiply, nb_inplace_matrix_multiply, nb_matrix_multiply, "@=")
INPLACE_FUNC(AdNumber_InPlaceTrueDivide, nb_inplace_true_divide, nb_true_divide, "/=")
INPLACE_FUNC(AdNumber_InPlaceFloorDivide, nb_inplace_floor_divide, nb_floor_divide, "//=")
INPLACE_FUNC(AdNumber_InPlaceRemainder, nb_inplace_remainder, nb_remainder, "%=")
INPLACE_FUNC(AdNumber_InPlaceLshift, nb_inplace_lshift, nb_lshift, "<<=")
INPLACE_FUNC(AdNumber_InPlaceRshift, nb_inplace_rshift, nb_rshift, ">>=")
INPLACE_FUNC(AdNumber_InPlaceAnd, nb_inplace_and, nb_and, "&=")
INPLACE_FUNC(AdNumber_InPlaceXor, nb_inplace_xor, nb_xor, "^=")
INPLACE_FUNC(AdNumber_InPlaceOr, nb_inplace_or, nb_or, "|=")

AdObject *AdNumber_InPlaceAdd(AdObject *v, AdObject *w)
{
    AdObject *r = binary_iop1(v, w, OFF(nb_inplace_add), OFF(nb_add));
    if (r != Ad_NotImplemented)
        return r;
    AdSequenceMethods *sq = AD_TYPE(v)->tp_as_sequence;
    if (sq && sq->sq_inplace_concat)
        return sq->sq_inplace_concat(v, w);
    if (sq && sq->sq_concat)
        return sq->sq_concat(v, w);
    return binop_type_error(v, w, "+=");
}

AdObject *AdNumber_InPlaceMultiply(AdObject *v, AdObject *w)
{
    AdObject *r = binary_iop1(v, w, OFF(nb_inplace_multiply), OFF(nb_multiply));
    if (r != Ad_NotImplemented)
        return r;
    AdSequenceMethods *mv = AD_TYPE(v)->tp_as_sequence, *mw = AD_TYPE(w)->tp_as_sequence;
    if (mv && (mv->sq_inplace_repeat || mv->sq_repeat))
        return sequence_repeat(mv->sq_inplace_repeat ? mv->sq_inplace_repeat : mv->sq_repeat, v, w);
    if (mw && mw->sq_repeat)
        return sequence_repeat(mw->sq_repeat, w, v);
    return binop_type_error(v, w, "*=");
}

AdObject *AdNumber_InPlacePower(AdObject *v, AdObject *w, AdObject *z)
{
    AdNumberMethods *nb = AD_TYPE(v)->tp_as_number;
    if (nb && nb->nb_inplace_power) {
        AdObject *x = nb->nb_inplace_power(v, w, z);
        if (x != Ad_NotImplemented)
            return x;
    }
    return ternary_op(v, w, z, OFF(nb_power), "**=");
}

/* ---- unary operators ------------------------------------------------------------------ */

#define UNARY_FUNC(FUNC, SLOT, NAME) \
    AdObject *FUNC(AdObject *o) \
    { \
        AdNumberMethods *nb = AD_TYPE(o)->tp_as_number; \
        if (nb && nb->SLOT) \
            return nb->SLOT(o); \
        return AdErr_Format(AdExc_TypeError, "bad operand type for " NAME ": '%s'", AdType_Name(AD_TYPE(o))); \
    }
UNARY_FUNC(AdNumber_Negative, nb_negative, "unary -")
UNARY_FUNC(AdNumber_Positive, nb_positive, "unary +")
UNARY_FUNC(AdNumber_Invert, nb_invert, "unary ~")
UNARY_FUNC(AdNumber_Absolute, nb_absolute, "abs()")

int AdIndex_Check(AdObject *o)
{
    AdNumberMethods *nb = AD_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

AdObject *AdNumber_Index(AdObject *o)
{
    if (AdInt_CheckExact(o))
        return Ad_NewRef(o);
    if (!AdIndex_Check(o))
        return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            AdType_Name(AD_TYPE(o)));
    if (AdInt_Check(o))
        return AdInt_CopyExact(o);      /* an int subclass (bool too) gives a plain int */
    AdObject *r = AD_TYPE(o)->tp_as_number->nb_index(o);
    if (!r || AdInt_CheckExact(r))
        return r;
    if (!AdInt_Check(r)) {
        AdErr_Format(AdExc_TypeError, "__index__ returned non-int (type %s)", AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return NULL;
    }
    if (AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                         "__index__ returned non-int (type %s).  The ability to return an instance of a "
                         "strict subclass of int is deprecated, and may be removed in a future version of Python.",
                         AdType_Name(AD_TYPE(r))) < 0) {
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

/* ---- items, length, membership ------------------------------------------------------------ */

static AdObject *type_error_subscript(AdObject *o)
{
    return AdErr_Format(AdExc_TypeError, "'%s' object is not subscriptable", AdType_Name(AD_TYPE(o)));
}

AdObject *AdObject_GetItem(AdObject *o, AdObject *key)
{
    AdTypeObject *t = AD_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return t->tp_as_mapping->mp_subscript(o, key);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        if (!AdIndex_Check(key))
            return AdErr_Format(AdExc_TypeError, "sequence index must be integer, not '%s'",
                                AdType_Name(AD_TYPE(key)));
        Ad_ssize_t i = AdNumber_AsSsize_t(key, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return NULL;
        if (i < 0 && t->tp_as_sequence->sq_length) {
            Ad_ssize_t n = t->tp_as_sequence->sq_length(o);
            if (n < 0)
                return NULL;
            i += n;
        }
        return t->tp_as_sequence->sq_item(o, i);
    }
    if (AdType_Check(o)) {
        if ((AdTypeObject *)o == &AdType_Type)
            return Ad_GenericAlias(o, key);
        AdObject *meth;
        AdObject *name = AdStr_InternFromString("__class_getitem__");
        int rc = name ? AdObject_GetOptionalAttr(o, name, &meth) : -1;
        Ad_XDECREF(name);
        if (rc < 0)
            return NULL;
        if (rc > 0) {
            AdObject *r = AdObject_CallOneArg(meth, key);
            Ad_DECREF(meth);
            return r;
        }
        return AdErr_Format(AdExc_TypeError, "type '%s' is not subscriptable", AdType_Name((AdTypeObject *)o));
    }
    return type_error_subscript(o);
}

static int ass_item(AdObject *o, AdObject *key, AdObject *value)
{
    AdTypeObject *t = AD_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
        if (!AdIndex_Check(key)) {
            AdErr_Format(AdExc_TypeError, "sequence index must be integer, not '%s'", AdType_Name(AD_TYPE(key)));
            return -1;
        }
        Ad_ssize_t i = AdNumber_AsSsize_t(key, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return -1;
        if (i < 0 && t->tp_as_sequence->sq_length) {
            Ad_ssize_t n = t->tp_as_sequence->sq_length(o);
            if (n < 0)
                return -1;
            i += n;
        }
        return t->tp_as_sequence->sq_ass_item(o, i, value);
    }
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        AdErr_Format(AdExc_TypeError, value ? "'%s' object does not support item assignment"
                                            : "'%s' object does not support item deletion", AdType_Name(t));
    else if (t->tp_as_sequence && t->tp_as_sequence->sq_item)
        AdErr_Format(AdExc_TypeError, value ? "'%s' object does not support item assignment"
                                            : "'%s' object doesn't support item deletion", AdType_Name(t));
    else
        AdErr_Format(AdExc_TypeError, value ? "'%s' object does not support item assignment"
                                            : "'%s' object does not support item deletion", AdType_Name(t));
    return -1;
}

int AdObject_SetItem(AdObject *o, AdObject *key, AdObject *value) { return ass_item(o, key, value); }
int AdObject_DelItem(AdObject *o, AdObject *key) { return ass_item(o, key, NULL); }

Ad_ssize_t AdObject_Size(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        return t->tp_as_sequence->sq_length(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        return t->tp_as_mapping->mp_length(o);
    AdErr_Format(AdExc_TypeError, "object of type '%s' has no len()", AdType_Name(t));
    return -1;
}

Ad_ssize_t AdObject_LengthHint(AdObject *o, Ad_ssize_t deflt)
{
    AdTypeObject *t = AD_TYPE(o);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) || (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        Ad_ssize_t n = AdObject_Size(o);
        if (n >= 0)
            return n;
        if (!AdErr_ExceptionMatches(AdExc_TypeError))
            return -1;
        AdErr_Clear();
    }
    AdObject *hint = AdObject_LookupSpecial(o, AdStr_InternFromString("__length_hint__"));
    if (!hint)
        return AdErr_Occurred() ? -1 : deflt;
    AdObject *r = AdObject_CallNoArgs(hint);
    Ad_DECREF(hint);
    if (!r) {
        if (!AdErr_ExceptionMatches(AdExc_TypeError))
            return -1;
        AdErr_Clear();
        return deflt;
    }
    if (r == Ad_NotImplemented)
        return deflt;
    if (!AdInt_Check(r)) {
        AdErr_Format(AdExc_TypeError, "__length_hint__ must be an integer, not %s", AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return -1;
    }
    Ad_ssize_t n = AdInt_AsSsize_t(r);
    Ad_DECREF(r);
    if (n == -1 && AdErr_Occurred())
        return -1;
    if (n < 0) {
        AdErr_SetString(AdExc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

AdObject *AdObject_SelfIter(AdObject *o) { return Ad_NewRef(o); }

int AdSequence_IterSearchContains(AdObject *o, AdObject *value)
{
    AdObject *it = AdObject_GetIter(o);
    if (!it) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "argument of type '%s' is not a container or iterable",
                         AdType_Name(AD_TYPE(o)));
        }
        return -1;
    }
    for (;;) {
        AdObject *item = AdIter_Next(it);
        if (!item) {
            Ad_DECREF(it);
            return AdErr_Occurred() ? -1 : 0;
        }
        int eq = AdObject_RichCompareBool(item, value, AD_EQ);
        Ad_DECREF(item);
        if (eq) {
            Ad_DECREF(it);
            return eq;
        }
    }
}

int AdSequence_Contains(AdObject *o, AdObject *value)
{
    AdSequenceMethods *sq = AD_TYPE(o)->tp_as_sequence;
    if (sq && sq->sq_contains)
        return sq->sq_contains(o, value);
    return AdSequence_IterSearchContains(o, value);
}

int AdIter_Check(AdObject *o)
{
    iternextfunc f = AD_TYPE(o)->tp_iternext;
    return f != NULL;
}

/* format() (AdObject_Format) lives with str (str_type.c), which owns the
 * fast paths for str and int. */

/* ---- isinstance / issubclass --------------------------------------------------------------- */

static AdObject *abstract_get_bases(AdObject *cls)
{
    AdObject *bases;
    AdObject *name = AdStr_InternFromString("__bases__");
    int rc = name ? AdObject_GetOptionalAttr(cls, name, &bases) : -1;
    Ad_XDECREF(name);
    if (rc <= 0)
        return NULL;
    if (!AdTuple_Check(bases)) {
        Ad_DECREF(bases);
        return NULL;
    }
    return bases;
}

static int abstract_issubclass(AdObject *derived, AdObject *cls)
{
    for (;;) {
        if (derived == cls)
            return 1;
        AdObject *bases = abstract_get_bases(derived);
        if (!bases)
            return AdErr_Occurred() ? -1 : 0;
        Ad_ssize_t n = AdTuple_GET_SIZE(bases);
        if (n == 0) {
            Ad_DECREF(bases);
            return 0;
        }
        if (n == 1) {
            derived = AdTuple_GET_ITEM(bases, 0);
            Ad_DECREF(bases);       /* the class still holds it */
            continue;
        }
        int r = 0;
        for (Ad_ssize_t i = 0; i < n && r == 0; i++)
            r = abstract_issubclass(AdTuple_GET_ITEM(bases, i), cls);
        Ad_DECREF(bases);
        return r;
    }
}

static int check_class(AdObject *cls, const char *error)
{
    AdObject *bases = abstract_get_bases(cls);
    if (!bases) {
        if (!AdErr_Occurred())
            AdErr_SetString(AdExc_TypeError, error);
        return 0;
    }
    Ad_DECREF(bases);
    return 1;
}

static int recursive_isinstance(AdObject *inst, AdObject *cls)
{
    if (AdType_Check(cls)) {
        if (AdObject_TypeCheck(inst, (AdTypeObject *)cls))
            return 1;
        AdObject *icls;
        AdObject *name = AdStr_InternFromString("__class__");
        int rc = name ? AdObject_GetOptionalAttr(inst, name, &icls) : -1;
        Ad_XDECREF(name);
        if (rc < 0)
            return -1;
        int r = 0;
        if (rc > 0) {
            if (icls != (AdObject *)AD_TYPE(inst) && AdType_Check(icls))
                r = AdType_IsSubtype((AdTypeObject *)icls, (AdTypeObject *)cls);
            Ad_DECREF(icls);
        }
        return r;
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
        return -1;
    AdObject *icls;
    AdObject *name = AdStr_InternFromString("__class__");
    int rc = name ? AdObject_GetOptionalAttr(inst, name, &icls) : -1;
    Ad_XDECREF(name);
    if (rc <= 0)
        return rc;
    int r = abstract_issubclass(icls, cls);
    Ad_DECREF(icls);
    return r;
}

int AdObject_IsInstance(AdObject *inst, AdObject *cls)
{
    if (Ad_IS_TYPE(inst, (AdTypeObject *)cls))
        return 1;
    if (AdType_CheckExact(cls))
        return recursive_isinstance(inst, cls);
    if (AdTuple_Check(cls)) {
        if (Ad_EnterRecursiveCall(" in __instancecheck__"))
            return -1;
        int r = 0;
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(cls) && r == 0; i++)
            r = AdObject_IsInstance(inst, AdTuple_GET_ITEM(cls, i));
        Ad_LeaveRecursiveCall();
        return r;
    }
    AdObject *checker = AdObject_LookupSpecial(cls, AdStr_InternFromString("__instancecheck__"));
    if (checker) {
        if (Ad_EnterRecursiveCall(" in __instancecheck__")) {
            Ad_DECREF(checker);
            return -1;
        }
        AdObject *r = AdObject_CallOneArg(checker, inst);
        Ad_LeaveRecursiveCall();
        Ad_DECREF(checker);
        if (!r)
            return -1;
        int ok = AdObject_IsTrue(r);
        Ad_DECREF(r);
        return ok;
    }
    if (AdErr_Occurred())
        return -1;
    return recursive_isinstance(inst, cls);
}

static int recursive_issubclass(AdObject *derived, AdObject *cls)
{
    if (AdType_Check(cls) && AdType_Check(derived))
        return AdType_IsSubtype((AdTypeObject *)derived, (AdTypeObject *)cls);
    if (!check_class(derived, "issubclass() arg 1 must be a class"))
        return -1;
    if (!check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        return -1;
    return abstract_issubclass(derived, cls);
}

int AdObject_IsSubclass(AdObject *derived, AdObject *cls)
{
    if (AdType_CheckExact(cls)) {
        if (derived == cls)
            return 1;
        return recursive_issubclass(derived, cls);
    }
    if (AdTuple_Check(cls)) {
        if (Ad_EnterRecursiveCall(" in __subclasscheck__"))
            return -1;
        int r = 0;
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(cls) && r == 0; i++)
            r = AdObject_IsSubclass(derived, AdTuple_GET_ITEM(cls, i));
        Ad_LeaveRecursiveCall();
        return r;
    }
    AdObject *checker = AdObject_LookupSpecial(cls, AdStr_InternFromString("__subclasscheck__"));
    if (checker) {
        if (Ad_EnterRecursiveCall(" in __subclasscheck__")) {
            Ad_DECREF(checker);
            return -1;
        }
        AdObject *r = AdObject_CallOneArg(checker, derived);
        Ad_LeaveRecursiveCall();
        Ad_DECREF(checker);
        if (!r)
            return -1;
        int ok = AdObject_IsTrue(r);
        Ad_DECREF(r);
        return ok;
    }
    if (AdErr_Occurred())
        return -1;
    return recursive_issubclass(derived, cls);
}

/* ---- the repr recursion guard ------------------------------------------------------------------ */

int Ad_ReprEnter(AdObject *o)
{
    AdThread *t = ad_current_thread;
    if (!t)
        return 0;
    if (!t->repr_active) {
        t->repr_active = AdList_New(0);
        if (!t->repr_active)
            return -1;
    }
    AdObject *list = t->repr_active;
    for (Ad_ssize_t i = AdList_GET_SIZE(list) - 1; i >= 0; i--)
        if (AdList_GET_ITEM(list, i) == o)
            return 1;
    return AdList_Append(list, o) < 0 ? -1 : 0;
}

void Ad_ReprLeave(AdObject *o)
{
    AdThread *t = ad_current_thread;
    if (!t || !t->repr_active)
        return;
    AdObject *exc = AdErr_GetRaisedException();
    AdObject *list = t->repr_active;
    for (Ad_ssize_t i = AdList_GET_SIZE(list) - 1; i >= 0; i--) {
        if (AdList_GET_ITEM(list, i) == o) {
            AdList_SetSlice(list, i, i + 1, NULL);
            break;
        }
    }
    AdErr_SetRaisedException(exc);
}
