/* builtins_functions.c: the builtin functions that need nothing but the
 * object model: abs, aiter, all, anext, any, ascii, bin, callable, chr,
 * delattr, dir, divmod, format, getattr, hasattr, hash, hex, id,
 * isinstance, issubclass, iter, len, next, oct, ord, pow, repr, round,
 * setattr, sorted, sum, vars (with an object), with CPython 3.14's
 * argument checks and messages. */
#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#if ADDER_HAVE_VM
#include "vm/ceval.h"
#endif

#include <math.h>
#include <stdint.h>

#define FN(f) ((void (*)(void))(f))

static AdObject *istr(const char *s) { return AdStr_InternFromString(s); }

int modules_builtins_check_nargs(const char *fname, Ad_ssize_t nargs, Ad_ssize_t min, Ad_ssize_t max)
{
    if (nargs < min) {
        AdErr_Format(AdExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        AdErr_Format(AdExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int modules_builtins_no_kwargs(const char *fname, AdObject *kwnames)
{
    if (kwnames && AdTuple_GET_SIZE(kwnames) > 0) {
        AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

#define CHECK(fname, min, max) \
    if (modules_builtins_check_nargs(fname, nargs, min, max) < 0) \
        return NULL

/* ---- one-argument functions ------------------------------------------------ */

static AdObject *bi_abs(AdObject *m, AdObject *x) { (void)m; return AdNumber_Absolute(x); }
static AdObject *bi_ascii(AdObject *m, AdObject *x) { (void)m; return AdObject_ASCII(x); }
static AdObject *bi_repr(AdObject *m, AdObject *x) { (void)m; return AdObject_Repr(x); }

static AdObject *bi_callable(AdObject *m, AdObject *x)
{
    (void)m;
    AdTypeObject *t = AD_TYPE(x);
    /* builtin functions and other vectorcall-only objects are callable too */
    return AdBool_FromLong(t->tp_call != NULL ||
                           (AdType_HasFeature(t, AD_TPFLAGS_HAVE_VECTORCALL) && t->tp_vectorcall_offset > 0));
}

static AdObject *bi_hash(AdObject *m, AdObject *x)
{
    (void)m;
    Ad_hash_t h = AdObject_Hash(x);
    return h == -1 ? NULL : AdInt_FromInt64(h);
}

static AdObject *bi_id(AdObject *m, AdObject *x)
{
    (void)m;
    return AdInt_FromUInt64((uint64_t)(uintptr_t)x);
}

static AdObject *bi_len(AdObject *m, AdObject *x)
{
    (void)m;
    Ad_ssize_t n = AdObject_Size(x);
    return n < 0 ? NULL : AdInt_FromSsize_t(n);
}

static AdObject *int_text(AdObject *x, const char *spec)
{
    AdObject *i = AdNumber_Index(x);
    if (!i)
        return NULL;
    AdObject *s = AdStr_FromString(spec);
    AdObject *r = s ? AdObject_Format(i, s) : NULL;
    Ad_XDECREF(s);
    Ad_DECREF(i);
    return r;
}

static AdObject *bi_bin(AdObject *m, AdObject *x) { (void)m; return int_text(x, "#b"); }
static AdObject *bi_oct(AdObject *m, AdObject *x) { (void)m; return int_text(x, "#o"); }
static AdObject *bi_hex(AdObject *m, AdObject *x) { (void)m; return int_text(x, "#x"); }

static AdObject *bi_chr(AdObject *m, AdObject *x)
{
    (void)m;
    AdObject *i = AdNumber_Index(x);
    if (!i)
        return NULL;
    int64_t v;
    int fits = AdInt_AsInt64Exact(i, &v);
    Ad_DECREF(i);
    if (!fits || v < 0 || v > 0x10FFFF)
        return AdErr_Format(AdExc_ValueError, "chr() arg not in range(0x110000)");
    return AdStr_FromOrdinal((uint32_t)v);
}

static AdObject *bi_ord(AdObject *m, AdObject *c)
{
    (void)m;
    Ad_ssize_t n;
    if (AdStr_Check(c)) {
        n = AdStr_LENGTH(c);
        if (n == 1)
            return AdInt_FromInt64(AdStr_READ_CHAR(c, 0));
    } else if (AdBytes_Check(c) || AdByteArray_Check(c)) {
        n = AdObject_Size(c);
        if (n < 0)
            return NULL;
        if (n == 1) {
            if (AdBytes_Check(c))
                return AdInt_FromInt64((unsigned char)AdBytes_AS_STRING(c)[0]);
            AdObject *zero = AdInt_FromInt64(0);
            AdObject *item = AdObject_GetItem(c, zero);
            Ad_DECREF(zero);
            return item;
        }
    } else
        return AdErr_Format(AdExc_TypeError, "ord() expected string of length 1, but %.200s found",
                            AdType_Name(AD_TYPE(c)));
    return AdErr_Format(AdExc_TypeError, "ord() expected a character, but string of length %zd found", n);
}

/* ---- all, any ---------------------------------------------------------------- */

static AdObject *truth_scan(AdObject *iterable, int want)
{
    AdObject *it = AdObject_GetIter(iterable), *item;
    if (!it)
        return NULL;
    iternextfunc next = AD_TYPE(it)->tp_iternext;
    while ((item = next ? next(it) : AdIter_Next(it))) {
        int t = AdObject_IsTrue(item);
        Ad_DECREF(item);
        if (t < 0) {
            Ad_DECREF(it);
            return NULL;
        }
        if (t == want) {
            Ad_DECREF(it);
            return AdBool_FromLong(want);
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_StopIteration))
            return NULL;
        AdErr_Clear();
    }
    return AdBool_FromLong(!want);
}

static AdObject *bi_all(AdObject *m, AdObject *x) { (void)m; return truth_scan(x, 0); }
static AdObject *bi_any(AdObject *m, AdObject *x) { (void)m; return truth_scan(x, 1); }

/* ---- attributes ---------------------------------------------------------------- */

static int check_name(AdObject *name)
{
    if (!AdStr_Check(name)) {
        AdErr_Format(AdExc_TypeError, "attribute name must be string, not '%.200s'", AdType_Name(AD_TYPE(name)));
        return -1;
    }
    return 0;
}

static AdObject *bi_getattr(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("getattr", 2, 3);
    if (check_name(args[1]) < 0)
        return NULL;
    if (nargs == 2)
        return AdObject_GetAttr(args[0], args[1]);
    AdObject *r;
    int found = AdObject_GetOptionalAttr(args[0], args[1], &r);
    if (found < 0)
        return NULL;
    return found ? r : Ad_NewRef(args[2]);
}

static AdObject *bi_hasattr(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("hasattr", 2, 2);
    if (check_name(args[1]) < 0)
        return NULL;
    AdObject *r;
    int found = AdObject_GetOptionalAttr(args[0], args[1], &r);
    if (found < 0)
        return NULL;
    Ad_XDECREF(r);
    return AdBool_FromLong(found);
}

static AdObject *bi_setattr(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("setattr", 3, 3);
    if (check_name(args[1]) < 0 || AdObject_SetAttr(args[0], args[1], args[2]) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *bi_delattr(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("delattr", 2, 2);
    if (check_name(args[1]) < 0 || AdObject_SetAttr(args[0], args[1], NULL) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

/* ---- numbers ------------------------------------------------------------------- */

static AdObject *bi_divmod(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("divmod", 2, 2);
    return AdNumber_Divmod(args[0], args[1]);
}

/* Clinic-style parsing for the few functions with keywords: total count
 * first ("takes at most N arguments (M given)"), then names. */
static int parse_kw(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                    const char *const *names, int nparams, int npos_only, int min_args, AdObject **out)
{
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > nparams) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname, nparams,
                     nparams == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (npos_only > 0 && nargs < npos_only && min_args >= npos_only) {
        AdErr_Format(AdExc_TypeError, "%s() takes at least %d positional argument%s (%zd given)", fname,
                     npos_only, npos_only == 1 ? "" : "s", nargs);
        return -1;
    }
    /* a missing required argument is reported before a duplicate one */
    for (int i = (int)nargs; i < min_args; i++) {
        int given = 0;
        for (Ad_ssize_t k = 0; k < nkw && !given; k++)
            given = AdStr_EqualToASCII(AdTuple_GET_ITEM(kwnames, k), names[i]);
        if (!given) {
            AdErr_Format(AdExc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return -1;
        }
    }
    return ad_num_parse_args(fname, args, nargs, kwnames, NULL, names, nparams, npos_only, nparams,
                             min_args, out);
}

static AdObject *bi_pow(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"base", "exp", "mod"};
    AdObject *a[3];
    if (parse_kw("pow", args, nargs, kwnames, names, 3, 0, 2, a) < 0)
        return NULL;
    return AdNumber_Power(a[0], a[1], a[2] ? a[2] : Ad_None);
}

static AdObject *bi_round(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"number", "ndigits"};
    AdObject *a[2];
    if (parse_kw("round", args, nargs, kwnames, names, 2, 0, 1, a) < 0)
        return NULL;
    AdObject *meth = AdObject_LookupSpecial(a[0], istr("__round__"));
    if (!meth) {
        if (!AdErr_Occurred())
            AdErr_Format(AdExc_TypeError, "type %.100s doesn't define __round__ method", AdType_Name(AD_TYPE(a[0])));
        return NULL;
    }
    AdObject *r = !a[1] || a[1] == Ad_None ? AdObject_CallNoArgs(meth) : AdObject_CallOneArg(meth, a[1]);
    Ad_DECREF(meth);
    return r;
}

/* sum() with the int and float fast paths and Neumaier compensation for
 * floats (3.12+), so that sum([0.1] * 10) == 1.0. */
static AdObject *bi_sum(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"iterable", "start"};
    AdObject *a[2];
    if (parse_kw("sum", args, nargs, kwnames, names, 2, 1, 1, a) < 0)
        return NULL;
    AdObject *result = a[1];
    if (!result)
        result = AdInt_FromInt64(0);
    else {
        if (AdStr_Check(result))
            return AdErr_Format(AdExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        if (AdBytes_Check(result))
            return AdErr_Format(AdExc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        if (AdByteArray_Check(result))
            return AdErr_Format(AdExc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
        Ad_INCREF(result);
    }
    AdObject *it = AdObject_GetIter(a[0]);
    if (!it) {
        Ad_DECREF(result);
        return NULL;
    }
    AdObject *item = NULL;
    /* exact ints that fit in 64 bits */
    if (AdInt_CheckExact(result)) {
        int64_t acc;
        if (AdInt_SmallValue(result, &acc)) {
            for (;;) {
                item = AdIter_Next(it);
                if (!item) {
                    Ad_DECREF(it);
                    if (AdErr_Occurred()) {
                        Ad_DECREF(result);
                        return NULL;
                    }
                    Ad_DECREF(result);
                    return AdInt_FromInt64(acc);
                }
                int64_t v, s;
                if ((AdInt_CheckExact(item) || AdBool_Check(item)) && AdInt_SmallValue(item, &v) &&
                    !__builtin_add_overflow(acc, v, &s)) {
                    acc = s;
                    Ad_DECREF(item);
                    continue;
                }
                /* leave the fast path with acc as the result so far */
                Ad_DECREF(result);
                result = AdInt_FromInt64(acc);
                if (!result)
                    goto fail;
                if (AdFloat_CheckExact(item)) {
                    AdObject *f = AdFloat_FromDouble((double)acc);
                    if (!f)
                        goto fail;
                    AD_SETREF(result, f);
                    break;          /* the float path takes item */
                }
                AdObject *r = AdNumber_Add(result, item);
                Ad_DECREF(item);
                item = NULL;
                AD_SETREF(result, r);
                if (!result)
                    goto fail;
                break;
            }
        }
    }
    if (AdFloat_CheckExact(result)) {
        double f = AdFloat_AS_DOUBLE(result), c = 0.0;
        for (;;) {
            if (!item) {
                item = AdIter_Next(it);
                if (!item) {
                    Ad_DECREF(it);
                    Ad_DECREF(result);
                    if (AdErr_Occurred())
                        return NULL;
                    if (c != 0.0 && isfinite(c))
                        f += c;
                    return AdFloat_FromDouble(f);
                }
            }
            double x;
            int64_t v;
            if (AdFloat_CheckExact(item))
                x = AdFloat_AS_DOUBLE(item);
            else if ((AdInt_CheckExact(item) || AdBool_Check(item)) && AdInt_SmallValue(item, &v) &&
                     v < ((int64_t)1 << 53) && v > -((int64_t)1 << 53))
                x = (double)v;
            else {
                if (c != 0.0 && isfinite(c))
                    f += c;
                AdObject *fr = AdFloat_FromDouble(f);
                if (!fr)
                    goto fail;
                AD_SETREF(result, fr);
                break;
            }
            double t = f + x;
            if (fabs(f) >= fabs(x))
                c += (f - t) + x;
            else
                c += (x - t) + f;
            f = t;
            Ad_DECREF(item);
            item = NULL;
        }
    }
    /* the general path */
    for (;;) {
        if (!item) {
            item = AdIter_Next(it);
            if (!item)
                break;
        }
        AdObject *r = AdNumber_Add(result, item);
        Ad_DECREF(item);
        item = NULL;
        AD_SETREF(result, r);
        if (!result)
            goto fail;
    }
    Ad_DECREF(it);
    if (AdErr_Occurred()) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
fail:
    Ad_XDECREF(item);
    Ad_XDECREF(result);
    Ad_DECREF(it);
    return NULL;
}

/* ---- format, isinstance, issubclass ---------------------------------------------------- */

static AdObject *bi_format(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("format", 1, 2);
    if (nargs == 2 && !AdStr_Check(args[1]))
        return AdErr_Format(AdExc_TypeError, "format() argument 2 must be str, not %.200s",
                            AdType_Name(AD_TYPE(args[1])));
    return AdObject_Format(args[0], nargs == 2 ? args[1] : NULL);
}

static AdObject *bi_isinstance(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("isinstance", 2, 2);
    int r = AdObject_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : AdBool_FromLong(r);
}

static AdObject *bi_issubclass(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("issubclass", 2, 2);
    int r = AdObject_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : AdBool_FromLong(r);
}

/* ---- iteration ------------------------------------------------------------------------- */

static AdObject *bi_iter(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("iter", 1, 2);
    if (nargs == 1)
        return AdObject_GetIter(args[0]);
    if (!AD_TYPE(args[0])->tp_call)
        return AdErr_Format(AdExc_TypeError, "iter(v, w): v must be callable");
    return AdCallIter_New(args[0], args[1]);
}

static AdObject *bi_next(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("next", 1, 2);
    AdObject *it = args[0];
    if (!AdIter_Check(it))
        return AdErr_Format(AdExc_TypeError, "'%.200s' object is not an iterator", AdType_Name(AD_TYPE(it)));
    AdObject *r = AD_TYPE(it)->tp_iternext(it);
    if (r)
        return r;
    if (AdErr_Occurred()) {
        if (nargs == 1 || !AdErr_ExceptionMatches(AdExc_StopIteration))
            return NULL;
        AdErr_Clear();
    }
    if (nargs == 2)
        return Ad_NewRef(args[1]);
    AdErr_SetNone(AdExc_StopIteration);
    return NULL;
}

static AdObject *bi_aiter(AdObject *m, AdObject *x)
{
    (void)m;
    AdAsyncMethods *am = AD_TYPE(x)->tp_as_async;
    if (!am || !am->am_aiter)
        return AdErr_Format(AdExc_TypeError, "'%.200s' object is not an async iterable", AdType_Name(AD_TYPE(x)));
    AdObject *it = am->am_aiter(x);
    if (!it)
        return NULL;
    AdAsyncMethods *im = AD_TYPE(it)->tp_as_async;
    if (!im || !im->am_anext) {
        AdErr_Format(AdExc_TypeError, "aiter() returned not an async iterator of type '%.100s'",
                     AdType_Name(AD_TYPE(it)));
        Ad_DECREF(it);
        return NULL;
    }
    return it;
}

static AdObject *bi_anext(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("anext", 1, 2);
    AdObject *it = args[0];
    AdAsyncMethods *am = AD_TYPE(it)->tp_as_async;
    if (!am || !am->am_anext)
        return AdErr_Format(AdExc_TypeError, "'%.200s' object is not an async iterator", AdType_Name(AD_TYPE(it)));
    if (nargs == 2) {
        AdObject *aw = am->am_anext(it);
        if (!aw)
            return NULL;
        AdObject *r = AdAnextAwaitable_New(aw, args[1]);
        Ad_DECREF(aw);
        return r;
    }
    return am->am_anext(it);
}

/* sorted(iterable, /, *, key=None, reverse=False): list(iterable).sort(...). */
static AdObject *bi_sorted(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    CHECK("sorted", 1, 1);
    AdObject *list = AdSequence_List(args[0]);
    if (!list)
        return NULL;
    AdObject *sort = AdObject_GetAttr(list, istr("sort"));
    if (!sort) {
        Ad_DECREF(list);
        return NULL;
    }
    AdObject *r = AdObject_Vectorcall(sort, args + 1, 0, kwnames);
    Ad_DECREF(sort);
    if (!r) {
        Ad_DECREF(list);
        return NULL;
    }
    Ad_DECREF(r);
    return list;
}

/* ---- dir, vars -------------------------------------------------------------------------- */

/* Adds the keys of o.__dict__ (if a dict) to set. */
static int merge_dict_attr(AdObject *set, AdObject *o)
{
    AdObject *d;
    int found = AdObject_GetOptionalAttr(o, istr("__dict__"), &d);
    if (found <= 0)
        return found;
    int r = 0;
    if (AdDict_Check(d)) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (r == 0 && AdDict_Next(d, &pos, &k, &v))
            r = AdSet_Add(set, k);
    }
    Ad_DECREF(d);
    return r;
}

/* The attributes of a class and its bases, recursively (type.__dir__). */
static int merge_class_dict(AdObject *set, AdObject *cls)
{
    if (merge_dict_attr(set, cls) < 0)
        return -1;
    AdObject *bases;
    int found = AdObject_GetOptionalAttr(cls, istr("__bases__"), &bases);
    if (found <= 0)
        return found;
    int r = 0;
    if (AdTuple_Check(bases))
        for (Ad_ssize_t i = 0; r == 0 && i < AdTuple_GET_SIZE(bases); i++)
            r = merge_class_dict(set, AdTuple_GET_ITEM(bases, i));
    Ad_DECREF(bases);
    return r;
}

/* dir(obj) where the type provides no __dir__: object.__dir__'s and
 * type.__dir__'s rules. New ref (a list, unsorted). */
static AdObject *default_dir(AdObject *obj)
{
    AdObject *set = AdSet_New(NULL);
    if (!set)
        return NULL;
    int r;
    if (AdType_Check(obj))
        r = merge_class_dict(set, obj);
    else {
        r = merge_dict_attr(set, obj);
        if (r == 0) {
            AdObject *cls;
            int found = AdObject_GetOptionalAttr(obj, istr("__class__"), &cls);
            if (found < 0)
                r = -1;
            else if (found) {
                r = merge_class_dict(set, cls);
                Ad_DECREF(cls);
            }
        }
    }
    AdObject *list = r < 0 ? NULL : AdSequence_List(set);
    Ad_DECREF(set);
    return list;
}

static AdObject *bi_dir(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("dir", 0, 1);
    AdObject *result;
    if (nargs == 0) {
#if ADDER_HAVE_VM
        AdObject *locals = AdEval_GetLocals();
        if (!locals) {
            if (!AdErr_Occurred())
                AdErr_SetString(AdExc_SystemError, "frame does not exist");
            return NULL;
        }
        AdObject *keys = AdDict_Check(locals) ? AdDict_Keys(locals) : AdSequence_List(locals);
        Ad_DECREF(locals);
        result = keys;
#else
        return AdErr_Format(AdExc_SystemError, "frame does not exist");
#endif
    } else {
        AdObject *obj = args[0];
        AdObject *dirfunc = AdObject_LookupSpecial(obj, istr("__dir__"));
        if (dirfunc) {
            AdObject *r = AdObject_CallNoArgs(dirfunc);
            Ad_DECREF(dirfunc);
            if (!r)
                return NULL;
            result = AdSequence_List(r);
            Ad_DECREF(r);
        } else if (AdErr_Occurred())
            return NULL;
        else
            result = default_dir(obj);
    }
    if (!result)
        return NULL;
    if (AdList_Sort(result) < 0) {
        Ad_DECREF(result);
        return NULL;
    }
    return result;
}

static AdObject *bi_vars(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    CHECK("vars", 0, 1);
    if (nargs == 0) {
#if ADDER_HAVE_VM
        AdObject *locals = AdEval_GetLocals();
        if (!locals && !AdErr_Occurred())
            AdErr_SetString(AdExc_SystemError, "vars(): no locals!?");
        return locals;
#else
        return AdErr_Format(AdExc_SystemError, "vars(): no locals!?");
#endif
    }
    AdObject *d;
    int found = AdObject_GetOptionalAttr(args[0], istr("__dict__"), &d);
    if (found < 0)
        return NULL;
    if (!found)
        return AdErr_Format(AdExc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

AdMethodDef modules_builtins_core_methods[] = {
    {"abs", FN(bi_abs), AD_METH_O, "Return the absolute value of the argument."},
    {"aiter", FN(bi_aiter), AD_METH_O, "Return an AsyncIterator for an AsyncIterable object."},
    {"all", FN(bi_all), AD_METH_O,
     "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True."},
    {"anext", FN(bi_anext), AD_METH_FASTCALL,
     "Return the next item from the async iterator.\n\n"
     "If default is given and the async iterator is exhausted,\n"
     "it is returned instead of raising StopAsyncIteration."},
    {"any", FN(bi_any), AD_METH_O,
     "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."},
    {"ascii", FN(bi_ascii), AD_METH_O,
     "Return an ASCII-only representation of an object.\n\n"
     "As repr(), return a string containing a printable representation of an\n"
     "object, but escape the non-ASCII characters in the string returned by\n"
     "repr() using \\\\x, \\\\u or \\\\U escapes. This generates a string similar\n"
     "to that returned by repr() in Python 2."},
    {"bin", FN(bi_bin), AD_METH_O,
     "Return the binary representation of an integer.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'"},
    {"callable", FN(bi_callable), AD_METH_O,
     "Return whether the object is callable (i.e., some kind of function).\n\n"
     "Note that classes are callable, as are instances of classes with a\n__call__() method."},
    {"chr", FN(bi_chr), AD_METH_O, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"delattr", FN(bi_delattr), AD_METH_FASTCALL,
     "Deletes the named attribute from the given object.\n\ndelattr(x, 'y') is equivalent to ``del x.y``"},
    {"dir", FN(bi_dir), AD_METH_FASTCALL,
     "dir([object]) -> list of strings\n\n"
     "If called without an argument, return the names in the current scope.\n"
     "Else, return an alphabetized list of names comprising (some of) the attributes\n"
     "of the given object, and of attributes reachable from it."},
    {"divmod", FN(bi_divmod), AD_METH_FASTCALL, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"format", FN(bi_format), AD_METH_FASTCALL,
     "Return type(value).__format__(value, format_spec)\n\n"
     "Many built-in types implement format_spec according to the\n"
     "Format Specification Mini-language. See help('FORMATTING').\n\n"
     "If type(value) does not supply a method named __format__\n"
     "and format_spec is empty, then str(value) is returned.\n"
     "See also help('SPECIALMETHODS')."},
    {"getattr", FN(bi_getattr), AD_METH_FASTCALL,
     "getattr(object, name[, default]) -> value\n\n"
     "Get a named attribute from an object; getattr(x, 'y') is equivalent to x.y.\n"
     "When a default argument is given, it is returned when the attribute doesn't\n"
     "exist; without it, an exception is raised in that case."},
    {"hasattr", FN(bi_hasattr), AD_METH_FASTCALL,
     "Return whether the object has an attribute with the given name.\n\n"
     "This is done by calling getattr(obj, name) and catching AttributeError."},
    {"hash", FN(bi_hash), AD_METH_O,
     "Return the hash value for the given object.\n\n"
     "Two objects that compare equal must also have the same hash value, but the\n"
     "reverse is not necessarily true."},
    {"hex", FN(bi_hex), AD_METH_O,
     "Return the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   '0xc0ffee'"},
    {"id", FN(bi_id), AD_METH_O,
     "Return the identity of an object.\n\n"
     "This is guaranteed to be unique among simultaneously existing objects.\n"
     "(CPython uses the object's memory address.)"},
    {"isinstance", FN(bi_isinstance), AD_METH_FASTCALL,
     "Return whether an object is an instance of a class or of a subclass thereof.\n\n"
     "A tuple, as in ``isinstance(x, (A, B, ...))``, may be given as the target to\n"
     "check against. This is equivalent to ``isinstance(x, A) or isinstance(x, B)\n"
     "or ...`` etc."},
    {"issubclass", FN(bi_issubclass), AD_METH_FASTCALL,
     "Return whether 'cls' is derived from another class or is the same class.\n\n"
     "A tuple, as in ``issubclass(x, (A, B, ...))``, may be given as the target to\n"
     "check against. This is equivalent to ``issubclass(x, A) or issubclass(x, B)\n"
     "or ...``."},
    {"iter", FN(bi_iter), AD_METH_FASTCALL,
     "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\n"
     "Get an iterator from an object.  In the first form, the argument must\n"
     "supply its own iterator, or be a sequence.\n"
     "In the second form, the callable is called until it returns the sentinel."},
    {"len", FN(bi_len), AD_METH_O, "Return the number of items in a container."},
    {"next", FN(bi_next), AD_METH_FASTCALL,
     "next(iterator[, default])\n\n"
     "Return the next item from the iterator. If default is given and the iterator\n"
     "is exhausted, it is returned instead of raising StopIteration."},
    {"oct", FN(bi_oct), AD_METH_O,
     "Return the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'"},
    {"ord", FN(bi_ord), AD_METH_O, "Return the Unicode code point for a one-character string."},
    {"pow", FN(bi_pow), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments\n\n"
     "Some types, such as ints, are able to use a more efficient algorithm when\n"
     "invoked using the three argument form."},
    {"repr", FN(bi_repr), AD_METH_O,
     "Return the canonical string representation of the object.\n\n"
     "For many object types, including most builtins, eval(repr(obj)) == obj."},
    {"round", FN(bi_round), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Round a number to a given precision in decimal digits.\n\n"
     "The return value is an integer if ndigits is omitted or None.  Otherwise\n"
     "the return value has the same type as the number.  ndigits may be negative."},
    {"setattr", FN(bi_setattr), AD_METH_FASTCALL,
     "Sets the named attribute on the given object to the specified value.\n\n"
     "setattr(x, 'y', v) is equivalent to ``x.y = v``"},
    {"sorted", FN(bi_sorted), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a new list containing all items from the iterable in ascending order.\n\n"
     "A custom key function can be supplied to customize the sort order, and the\n"
     "reverse flag can be set to request the result in descending order."},
    {"sum", FN(bi_sum), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers\n\n"
     "When the iterable is empty, return the start value.\n"
     "This function is intended specifically for use with numeric values and may\n"
     "reject non-numeric types."},
    {"vars", FN(bi_vars), AD_METH_FASTCALL,
     "vars([object]) -> dictionary\n\n"
     "Without arguments, equivalent to locals().\n"
     "With an argument, equivalent to object.__dict__."},
    {NULL, NULL, 0, NULL},
};
