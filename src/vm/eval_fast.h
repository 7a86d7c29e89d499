/* eval_fast.h: the evaluation loop's inline fast paths for the common
 * operand types (exact int in one machine word, exact float, exact str,
 * list/tuple/dict subscripts and list item stores, truth of the builtin
 * scalars). Semantics are those of the generic operators: the helpers only
 * skip the slot dispatch, and each one declines (returns 0, nothing done,
 * no error) whenever its assumptions do not hold (subclasses, bool, ints
 * past 63 bits, division by zero, out-of-range indexes, results that would
 * raise), so the generic path produces the result or the exact error.
 * Included by eval.c only. */
#ifndef ADDER_VM_EVAL_FAST_H
#define ADDER_VM_EVAL_FAST_H
#include "numeric/floatops.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* BINARY_OP opargs (NB_* of the dis documentation); the in-place forms are
 * VMF_INPLACE + the plain one. */
enum {
    VMF_ADD = 0, VMF_AND = 1, VMF_FLOORDIV = 2, VMF_LSHIFT = 3, VMF_MUL = 5, VMF_REM = 6,
    VMF_OR = 7, VMF_POW = 8, VMF_RSHIFT = 9, VMF_SUB = 10, VMF_TRUEDIV = 11, VMF_XOR = 12,
    VMF_INPLACE = 13, VMF_SUBSCR = 26,
};

#define VMF_INLINE __attribute__((always_inline)) static inline

/* ---- consuming operands ---------------------------------------------------------- */

/* Drops a reference to an exact float / exact int; a dead one goes back to
 * its free list without the call through tp_dealloc. */
VMF_INLINE void vmf_drop_float(AdObject *o)
{
    if (!Ad_IsImmortal(o) && --o->ob_refcnt == 0)
        ad_float_release(o);
}

VMF_INLINE void vmf_drop_int(AdObject *o)
{
    if (!Ad_IsImmortal(o) && --o->ob_refcnt == 0)
        ad_int_release(o);
}

/* Any object; exact ints and floats take their inline free path. */
VMF_INLINE void vmf_decref(AdObject *o)
{
    if (Ad_IsImmortal(o) || --o->ob_refcnt != 0)
        return;
    if (AD_TYPE(o) == &AdFloat_Type)
        ad_float_release(o);
    else if (AD_TYPE(o) == &AdInt_Type)
        ad_int_release(o);
    else
        Ad_Dealloc(o);
}

/* ---- results ------------------------------------------------------------------------ */

/* Operand kinds of the float fast paths, constants at each call site so that
 * the compiler drops the type tests. */
enum { VMF_KFLOAT, VMF_KINT };

VMF_INLINE void vmf_drop_kind(AdObject *o, int kind)
{
    if (kind == VMF_KFLOAT)
        vmf_drop_float(o);
    else
        vmf_drop_int(o);
}

/* The float v as the result of an operation on l and r (of the kinds lk and
 * rk; the caller's references to both are consumed). An operand that would
 * die now (count 1: only the stack holds it) is reused in place. NULL with
 * MemoryError, nothing consumed. */
VMF_INLINE AdObject *vmf_float_result(double v, AdObject *l, AdObject *r, int lk, int rk)
{
    AdObject *res;
    if (lk == VMF_KFLOAT && l->ob_refcnt == 1) {
        AdFloat_AS_DOUBLE(l) = v;
        vmf_drop_kind(r, rk);
        return l;
    }
    if (rk == VMF_KFLOAT && r->ob_refcnt == 1) {
        AdFloat_AS_DOUBLE(r) = v;
        vmf_drop_kind(l, lk);
        return r;
    }
    res = ad_float_from_freelist(v);
    if (!res && !(res = AdFloat_FromDouble(v)))
        return NULL;
    vmf_drop_kind(l, lk);
    vmf_drop_kind(r, rk);
    return res;
}

/* The int v as the result of an operation on the exact ints l and r (both
 * consumed): a cached small int, an operand reused in place, or a block
 * from the free list. NULL with MemoryError, nothing consumed. */
VMF_INLINE AdObject *vmf_int_result(int64_t v, AdObject *l, AdObject *r)
{
    AdObject *res;
    if ((uint64_t)v - (uint64_t)AD_INT_SMALL_MIN <= (uint64_t)(AD_INT_SMALL_MAX - AD_INT_SMALL_MIN) &&
        (res = (AdObject *)ad_small_ints[v - AD_INT_SMALL_MIN]) != NULL) {
        vmf_drop_int(l);
        vmf_drop_int(r);
        return res;
    }
    if (l->ob_refcnt == 1 || r->ob_refcnt == 1) {
        /* count 1 is never an immortal: the operand dies now, reuse it */
        AdObject *keep = l->ob_refcnt == 1 ? l : r, *other = keep == l ? r : l;
        AdIntObject *o = (AdIntObject *)keep;
        o->ob_base.ob_size = v < 0 ? -1 : 1;
        o->limbs[0] = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        vmf_drop_int(other);
        return keep;
    }
    res = ad_int_from_freelist(v);
    if (!res && !(res = ad_int_from_int64_alloc(v)))
        return NULL;
    vmf_drop_int(l);
    vmf_drop_int(r);
    return res;
}

/* ---- BINARY_OP ------------------------------------------------------------------------ */

/* Exact int i as a double when the conversion is exact (|i| < 2**53), as
 * the generic mixed int/float arithmetic would convert it. */
VMF_INLINE int vmf_int_as_double(AdObject *i, double *d)
{
    int64_t v;
    if (!AdInt_SmallValue(i, &v) || v <= -(1LL << 53) || v >= (1LL << 53))
        return 0;
    *d = (double)v;
    return 1;
}

/* op (plain or in-place: float and int are immutable) on the doubles a, b
 * that are the values of l and r. */
VMF_INLINE int vmf_float_op(int op, double a, double b, AdObject *l, AdObject *r, AdObject **res,
                            int lk, int rk)
{
    double v;
    AdNumError err;
    switch (op) {
    case VMF_ADD: case VMF_INPLACE + VMF_ADD: v = a + b; break;
    case VMF_SUB: case VMF_INPLACE + VMF_SUB: v = a - b; break;
    case VMF_MUL: case VMF_INPLACE + VMF_MUL: v = a * b; break;
    case VMF_TRUEDIV: case VMF_INPLACE + VMF_TRUEDIV:
        if (b == 0.0)
            return 0;
        v = a / b;
        break;
    case VMF_POW: case VMF_INPLACE + VMF_POW:
        if (AdFloat_Pow(a, b, &v, &err) < 0)
            return 0;
        break;
    case VMF_FLOORDIV: case VMF_INPLACE + VMF_FLOORDIV:
        if (AdFloat_FloorDiv(a, b, &v, &err) < 0)
            return 0;
        break;
    case VMF_REM: case VMF_INPLACE + VMF_REM:
        if (AdFloat_Mod(a, b, &v, &err) < 0)
            return 0;
        break;
    default:
        return 0;
    }
    *res = vmf_float_result(v, l, r, lk, rk);
    return *res ? 1 : -1;
}

/* The values of the exact ints l and r when both have at most one limb
 * below 2**63 (AdInt_SmallValue for the two at once). */
VMF_INLINE int vmf_int_pair(AdObject *l, AdObject *r, int64_t *a, int64_t *b)
{
    Ad_ssize_t nl = AD_SIZE(l), nr = AD_SIZE(r);
    if ((uint64_t)(nl + 1) > 2 || (uint64_t)(nr + 1) > 2)
        return 0;
    uint64_t ml = nl ? ((AdIntObject *)l)->limbs[0] : 0, mr = nr ? ((AdIntObject *)r)->limbs[0] : 0;
    if ((ml | mr) > (uint64_t)INT64_MAX)
        return 0;
    *a = nl < 0 ? -(int64_t)ml : (int64_t)ml;
    *b = nr < 0 ? -(int64_t)mr : (int64_t)mr;
    return 1;
}

/* op on the exact ints l, r (machine-word values only). */
VMF_INLINE int vmf_int_op(int op, AdObject *l, AdObject *r, AdObject **res)
{
    int64_t a, b, v;
    if (!vmf_int_pair(l, r, &a, &b))
        return 0;
    switch (op) {
    case VMF_ADD: case VMF_INPLACE + VMF_ADD:
        if (__builtin_add_overflow(a, b, &v))
            return 0;
        break;
    case VMF_SUB: case VMF_INPLACE + VMF_SUB:
        if (__builtin_sub_overflow(a, b, &v))
            return 0;
        break;
    case VMF_MUL: case VMF_INPLACE + VMF_MUL:
        if (__builtin_mul_overflow(a, b, &v))
            return 0;
        break;
    case VMF_AND: case VMF_INPLACE + VMF_AND: v = a & b; break;
    case VMF_OR: case VMF_INPLACE + VMF_OR: v = a | b; break;
    case VMF_XOR: case VMF_INPLACE + VMF_XOR: v = a ^ b; break;
    case VMF_FLOORDIV: case VMF_INPLACE + VMF_FLOORDIV:
    case VMF_REM: case VMF_INPLACE + VMF_REM: {
        /* AdInt_SmallValue never gives INT64_MIN, so a / b cannot overflow */
        if (b == 0)
            return 0;
        int64_t q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {
            q -= 1;
            m += b;
        }
        v = op == VMF_FLOORDIV || op == VMF_INPLACE + VMF_FLOORDIV ? q : m;
        break;
    }
    case VMF_LSHIFT: case VMF_INPLACE + VMF_LSHIFT:
        if (b < 0 || b > 62)
            return 0;
        v = (int64_t)((uint64_t)a << b);
        if ((v >> b) != a)
            return 0;
        break;
    case VMF_RSHIFT: case VMF_INPLACE + VMF_RSHIFT:
        if (b < 0)
            return 0;
        v = b > 62 ? (a < 0 ? -1 : 0) : a >> b;
        break;
    case VMF_TRUEDIV: case VMF_INPLACE + VMF_TRUEDIV:
        /* both exact as doubles: one correctly rounded division */
        if (b == 0 || a <= -(1LL << 53) || a >= (1LL << 53) || b <= -(1LL << 53) || b >= (1LL << 53))
            return 0;
        *res = vmf_float_result((double)a / (double)b, l, r, VMF_KINT, VMF_KINT);
        return *res ? 1 : -1;
    default:
        return 0;
    }
    *res = vmf_int_result(v, l, r);
    return *res ? 1 : -1;
}

/* A subscript of an exact list or tuple (n items) by the exact int sub:
 * the index in range (negative counted from the end), else 0. */
VMF_INLINE int vmf_index(AdObject *sub, Ad_ssize_t n, Ad_ssize_t *out)
{
    Ad_ssize_t size = AD_SIZE(sub);
    uint64_t m;
    if (size == 0) {
        *out = 0;
        return n > 0;
    }
    m = ((AdIntObject *)sub)->limbs[0];
    if (size == 1) {
        if (m >= (uint64_t)n)
            return 0;
        *out = (Ad_ssize_t)m;
        return 1;
    }
    if (size != -1 || m > (uint64_t)n)
        return 0;
    *out = n - (Ad_ssize_t)m;           /* m >= 1: a negative index */
    return 1;
}

/* BINARY_OP: 0 when not handled (nothing done, no error); 1 when done (*res
 * the new result, the references to l and r consumed); -1 on error
 * (exception set, nothing consumed). */
VMF_INLINE int vmf_binary(int op, AdObject *l, AdObject *r, AdObject **res)
{
    AdTypeObject *tl = AD_TYPE(l), *tr = AD_TYPE(r);
    double a, b;
    if (tl == &AdFloat_Type) {
        a = AdFloat_AS_DOUBLE(l);
        if (tr == &AdFloat_Type)
            return vmf_float_op(op, a, AdFloat_AS_DOUBLE(r), l, r, res, VMF_KFLOAT, VMF_KFLOAT);
        if (tr == &AdInt_Type && vmf_int_as_double(r, &b))
            return vmf_float_op(op, a, b, l, r, res, VMF_KFLOAT, VMF_KINT);
        return 0;
    }
    if (tl == &AdInt_Type) {
        if (tr == &AdInt_Type)
            return vmf_int_op(op, l, r, res);
        if (tr == &AdFloat_Type && vmf_int_as_double(l, &a))
            return vmf_float_op(op, a, AdFloat_AS_DOUBLE(r), l, r, res, VMF_KINT, VMF_KFLOAT);
        return 0;
    }
    if (op == VMF_SUBSCR) {
        Ad_ssize_t i;
        if (tl == &AdList_Type) {
            if (tr != &AdInt_Type || !vmf_index(r, AdList_GET_SIZE(l), &i))
                return 0;
            *res = Ad_NewRef(AdList_GET_ITEM(l, i));
            vmf_drop_int(r);
            Ad_DECREF(l);
            return 1;
        }
        if (tl == &AdTuple_Type) {
            if (tr != &AdInt_Type || !vmf_index(r, AdTuple_GET_SIZE(l), &i))
                return 0;
            *res = Ad_NewRef(AdTuple_GET_ITEM(l, i));
            vmf_drop_int(r);
            Ad_DECREF(l);
            return 1;
        }
        if (tl == &AdDict_Type && (tr == &AdStr_Type || tr == &AdInt_Type)) {
            AdObject *v = AdDict_GetItemWithError(l, r);
            if (!v)
                return AdErr_Occurred() ? -1 : 0;  /* KeyError with its message: the generic path */
            *res = Ad_NewRef(v);
            Ad_DECREF(l);
            Ad_DECREF(r);
            return 1;
        }
        return 0;
    }
    if (tl == &AdStr_Type && tr == &AdStr_Type && (op == VMF_ADD || op == VMF_INPLACE + VMF_ADD)) {
        if (!(*res = AdStr_Concat(l, r)))
            return -1;
        Ad_DECREF(l);
        Ad_DECREF(r);
        return 1;
    }
    return 0;
}

/* ---- COMPARE_OP ------------------------------------------------------------------------ */

/* The truth of a comparison without a branch on op (AD_LT..AD_GE): for
 * ints bit c+1 of vmf_cmp_int_masks[op] (c = -1, 0, 1); for doubles bit
 * (a<b | a==b<<1 | a>b<<2) of vmf_cmp_dbl_masks[op], index 0 being the
 * unordered case (a NaN: only != holds). */
static const unsigned char vmf_cmp_int_masks[8] = { 0x1, 0x3, 0x2, 0x5, 0x4, 0x6, 0, 0 };
static const unsigned char vmf_cmp_dbl_masks[8] = { 0x02, 0x06, 0x04, 0x13, 0x10, 0x14, 0, 0 };

VMF_INLINE int vmf_cmp_int(int64_t a, int64_t b, int op)
{
    int c = (a > b) - (a < b);
    return (vmf_cmp_int_masks[op & 7] >> (c + 1)) & 1;
}

VMF_INLINE int vmf_cmp_double(double a, double b, int op)
{
    int idx = (a < b) | (a == b) << 1 | (a > b) << 2;
    return (vmf_cmp_dbl_masks[op & 7] >> idx) & 1;
}

/* COMPARE_OP: 1 with *t the truth of the comparison (the operands are not
 * consumed), 0 when not handled. */
VMF_INLINE int vmf_compare(int op, AdObject *l, AdObject *r, int *t)
{
    AdTypeObject *tl = AD_TYPE(l), *tr = AD_TYPE(r);
    double a, b;
    if (tl == &AdInt_Type && tr == &AdInt_Type) {
        int64_t x, y;
        if (!vmf_int_pair(l, r, &x, &y))
            return 0;
        *t = vmf_cmp_int(x, y, op);
        return 1;
    }
    if (tl == &AdFloat_Type) {
        a = AdFloat_AS_DOUBLE(l);
        if (tr == &AdFloat_Type)
            b = AdFloat_AS_DOUBLE(r);
        else if (tr != &AdInt_Type || !vmf_int_as_double(r, &b))
            return 0;
        *t = vmf_cmp_double(a, b, op);
        return 1;
    }
    if (tl == &AdInt_Type && tr == &AdFloat_Type) {
        if (!vmf_int_as_double(l, &a))
            return 0;
        *t = vmf_cmp_double(a, AdFloat_AS_DOUBLE(r), op);
        return 1;
    }
    if (tl == &AdStr_Type && tr == &AdStr_Type && (op == AD_EQ || op == AD_NE)) {
        int eq = l == r || AdStr_Equal(l, r);
        *t = op == AD_EQ ? eq : !eq;
        return 1;
    }
    return 0;
}

/* ---- STORE_SUBSCR and TO_BOOL ---------------------------------------------------------- */

/* container[sub] = v for an exact list and an exact int index in range:
 * 1 when done (the references to v, container and sub consumed), else 0. */
VMF_INLINE int vmf_store_subscr(AdObject *container, AdObject *sub, AdObject *v)
{
    Ad_ssize_t i;
    if (AD_TYPE(container) != &AdList_Type || AD_TYPE(sub) != &AdInt_Type ||
        !vmf_index(sub, AdList_GET_SIZE(container), &i))
        return 0;
    AdObject *old = AdList_GET_ITEM(container, i);
    AdList_SET_ITEM(container, i, v);
    vmf_drop_int(sub);
    vmf_decref(old);
    Ad_DECREF(container);
    return 1;
}

/* The truth of v for the exact builtin scalars and sized builtins (0 or 1),
 * -1 when not handled (v is not consumed). */
VMF_INLINE int vmf_truth(AdObject *v)
{
    AdTypeObject *t = AD_TYPE(v);
    if (t == &AdInt_Type)
        return AD_SIZE(v) != 0;
    if (v == Ad_None)
        return 0;
    if (t == &AdList_Type)
        return AdList_GET_SIZE(v) != 0;
    if (t == &AdStr_Type)
        return AdStr_LENGTH(v) != 0;
    if (t == &AdFloat_Type)
        return AdFloat_AS_DOUBLE(v) != 0.0;
    return -1;
}
#endif
