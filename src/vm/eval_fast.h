/* eval_fast.h: the evaluation loop's inline fast paths for the common
 * operand types (exact int in one machine word, exact float, exact str,
 * list/tuple/dict subscripts). Each helper returns 0 when it does not
 * apply (nothing done, no error) and 1 when it did the work (*res is the
 * new reference, or NULL with an exception set). Semantics are those of the
 * generic operators: they only skip the slot dispatch. Included by eval.c
 * only. */
#ifndef ADDER_VM_EVAL_FAST_H
#define ADDER_VM_EVAL_FAST_H
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* BINARY_OP opargs (NB_* of the dis documentation). */
enum {
    VMF_ADD = 0, VMF_AND = 1, VMF_FLOORDIV = 2, VMF_MUL = 5, VMF_REM = 6, VMF_OR = 7,
    VMF_SUB = 10, VMF_TRUEDIV = 11, VMF_XOR = 12, VMF_INPLACE = 13, VMF_SUBSCR = 26,
};

static inline int vmf_small_int(AdObject *o, int64_t *v)
{
    return AdInt_CheckExact(o) && AdInt_SmallValue(o, v);
}

static inline int vmf_binary_int(int op, int64_t a, int64_t b, AdObject **res)
{
    int64_t r;
    switch (op) {
    case VMF_ADD:
        if (__builtin_add_overflow(a, b, &r))
            return 0;
        break;
    case VMF_SUB:
        if (__builtin_sub_overflow(a, b, &r))
            return 0;
        break;
    case VMF_MUL:
        if (__builtin_mul_overflow(a, b, &r))
            return 0;
        break;
    case VMF_AND: r = a & b; break;
    case VMF_OR: r = a | b; break;
    case VMF_XOR: r = a ^ b; break;
    case VMF_FLOORDIV:
    case VMF_REM: {
        if (b == 0 || (a == INT64_MIN && b == -1))
            return 0;
        int64_t q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {
            q -= 1;
            m += b;
        }
        r = op == VMF_FLOORDIV ? q : m;
        break;
    }
    default:
        return 0;
    }
    *res = AdInt_FromInt64(r);
    return 1;
}

static inline int vmf_binary_float(int op, double a, double b, AdObject **res)
{
    double r;
    switch (op) {
    case VMF_ADD: r = a + b; break;
    case VMF_SUB: r = a - b; break;
    case VMF_MUL: r = a * b; break;
    case VMF_TRUEDIV:
        if (b == 0.0)
            return 0;
        r = a / b;
        break;
    default:
        return 0;
    }
    *res = AdFloat_FromDouble(r);
    return 1;
}

static inline int vmf_binary_op(int op, AdObject *l, AdObject *r, AdObject **res)
{
    if (op == VMF_SUBSCR) {
        int64_t i;
        if (AdList_CheckExact(l) && vmf_small_int(r, &i)) {
            Ad_ssize_t n = AdList_GET_SIZE(l);
            if (i < 0)
                i += n;
            if (i < 0 || i >= n)
                return 0;
            *res = Ad_NewRef(AdList_GET_ITEM(l, i));
            return 1;
        }
        if (AdTuple_CheckExact(l) && vmf_small_int(r, &i)) {
            Ad_ssize_t n = AdTuple_GET_SIZE(l);
            if (i < 0)
                i += n;
            if (i < 0 || i >= n)
                return 0;
            *res = Ad_NewRef(AdTuple_GET_ITEM(l, i));
            return 1;
        }
        if (AdDict_CheckExact(l) && (AdStr_CheckExact(r) || AdInt_CheckExact(r))) {
            AdObject *v = AdDict_GetItemWithError(l, r);
            if (v) {
                *res = Ad_NewRef(v);
                return 1;
            }
            if (AdErr_Occurred()) {
                *res = NULL;
                return 1;
            }
            return 0;       /* KeyError with its message: the generic path */
        }
        return 0;
    }
    int base = op >= VMF_INPLACE ? op - VMF_INPLACE : op;
    if (AD_TYPE(l) == AD_TYPE(r)) {
        if (AdInt_CheckExact(l)) {
            int64_t a, b;
            if (AdInt_SmallValue(l, &a) && AdInt_SmallValue(r, &b))
                return vmf_binary_int(base, a, b, res);
            return 0;
        }
        if (AdFloat_CheckExact(l))
            return vmf_binary_float(base, AdFloat_AS_DOUBLE(l), AdFloat_AS_DOUBLE(r), res);
        if (AdStr_CheckExact(l) && base == VMF_ADD) {
            *res = AdStr_Concat(l, r);
            return 1;
        }
        return 0;
    }
    if (AdFloat_CheckExact(l) && AdInt_CheckExact(r)) {
        int64_t b;
        if (AdInt_SmallValue(r, &b) && b > -(1LL << 53) && b < (1LL << 53))
            return vmf_binary_float(base, AdFloat_AS_DOUBLE(l), (double)b, res);
    } else if (AdInt_CheckExact(l) && AdFloat_CheckExact(r)) {
        int64_t a;
        if (AdInt_SmallValue(l, &a) && a > -(1LL << 53) && a < (1LL << 53))
            return vmf_binary_float(base, (double)a, AdFloat_AS_DOUBLE(r), res);
    }
    return 0;
}

/* COMPARE_OP: 1 with *t the truth of the comparison, 0 when not handled. */
static inline int vmf_compare(int op, AdObject *l, AdObject *r, int *t)
{
    if (AD_TYPE(l) != AD_TYPE(r))
        return 0;
    if (AdInt_CheckExact(l)) {
        int64_t a, b;
        if (!AdInt_SmallValue(l, &a) || !AdInt_SmallValue(r, &b))
            return 0;
        *t = ad_cmp_result(a < b ? -1 : a > b, op);
        return 1;
    }
    if (AdFloat_CheckExact(l)) {
        double a = AdFloat_AS_DOUBLE(l), b = AdFloat_AS_DOUBLE(r);
        switch (op) {
        case AD_LT: *t = a < b; break;
        case AD_LE: *t = a <= b; break;
        case AD_EQ: *t = a == b; break;
        case AD_NE: *t = a != b; break;
        case AD_GT: *t = a > b; break;
        default: *t = a >= b; break;
        }
        return 1;
    }
    if (AdStr_CheckExact(l) && (op == AD_EQ || op == AD_NE)) {
        int eq = l == r || AdStr_Equal(l, r);
        *t = op == AD_EQ ? eq : !eq;
        return 1;
    }
    return 0;
}
#endif
