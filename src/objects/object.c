/* object.c: the generic object protocol (object.h): deallocation, repr/str/
 * ascii, hashing, rich comparison with reflected operands, truth, attribute
 * access with the descriptor protocol, iteration and calling. The rules and
 * messages are CPython 3.14's. */
#include "objects/object.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/alloc.h"

#include <stdio.h>
#include <string.h>

void Ad_Dealloc(AdObject *o)
{
    AD_TYPE(o)->tp_dealloc(o);
}

int AdType_IsSubtype(AdTypeObject *a, AdTypeObject *b)
{
    if (a == b)
        return 1;
    AdObject *mro = a->tp_mro;
    if (mro) {
        Ad_ssize_t n = AdTuple_GET_SIZE(mro);
        for (Ad_ssize_t i = 0; i < n; i++)
            if (AdTuple_GET_ITEM(mro, i) == (AdObject *)b)
                return 1;
        return 0;
    }
    /* Not ready yet: follow the single-inheritance chain. */
    for (AdTypeObject *t = a->tp_base; t; t = t->tp_base)
        if (t == b)
            return 1;
    return b == &AdBaseObject_Type;
}

/* ---- repr, str, ascii --------------------------------------------------- */

AdObject *AdObject_Repr(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    if (!t->tp_repr)
        return AdStr_FromFormat("<%s object at %p>", AdType_Name(t), (void *)o);
    if (Ad_EnterRecursiveCall(" while getting the repr of an object"))
        return NULL;
    AdObject *r = t->tp_repr(o);
    Ad_LeaveRecursiveCall();
    if (r && !AdStr_Check(r)) {
        AdErr_Format(AdExc_TypeError, "__repr__ returned non-string (type %s)",
                     AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

AdObject *AdObject_Str(AdObject *o)
{
    if (AdStr_CheckExact(o))
        return Ad_NewRef(o);
    AdTypeObject *t = AD_TYPE(o);
    if (!t->tp_str)
        return AdObject_Repr(o);
    if (Ad_EnterRecursiveCall(" while getting the str of an object"))
        return NULL;
    AdObject *r = t->tp_str(o);
    Ad_LeaveRecursiveCall();
    if (r && !AdStr_Check(r)) {
        AdErr_Format(AdExc_TypeError, "__str__ returned non-string (type %s)",
                     AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

AdObject *AdObject_ASCII(AdObject *o)
{
    AdObject *r = AdObject_Repr(o);
    if (!r || ((AdStrObject *)r)->ascii)
        return r;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    Ad_ssize_t n = AdStr_LENGTH(r);
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t ch = AdStr_READ_CHAR(r, i);
        char buf[12];
        int len;
        if (ch < 0x80) {
            if (AdStrWriter_WriteChar(&w, ch) < 0)
                goto fail;
            continue;
        }
        if (ch <= 0xff)
            len = snprintf(buf, sizeof buf, "\\x%02x", ch);
        else if (ch <= 0xffff)
            len = snprintf(buf, sizeof buf, "\\u%04x", ch);
        else
            len = snprintf(buf, sizeof buf, "\\U%08x", ch);
        if (AdStrWriter_WriteASCII(&w, buf, len) < 0)
            goto fail;
    }
    Ad_DECREF(r);
    return AdStrWriter_Finish(&w);
fail:
    Ad_DECREF(r);
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* ---- hashing and comparison --------------------------------------------- */

Ad_hash_t AdObject_Hash(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    if (t->tp_hash)
        return t->tp_hash(o);
    AdErr_Format(AdExc_TypeError, "unhashable type: '%s'", AdType_Name(t));
    return -1;
}

static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};
static const int swapped_op[] = {AD_GT, AD_GE, AD_EQ, AD_NE, AD_LT, AD_LE};

static AdObject *do_richcompare(AdObject *v, AdObject *w, int op)
{
    AdObject *res;
    int checked_reverse = 0;
    AdTypeObject *tv = AD_TYPE(v), *tw = AD_TYPE(w);
    /* A subclass of the left operand's type that overrides the comparison
     * gets the first try. */
    if (tv != tw && AdType_IsSubtype(tw, tv) && tw->tp_richcompare) {
        checked_reverse = 1;
        res = tw->tp_richcompare(w, v, swapped_op[op]);
        if (res != Ad_NotImplemented)
            return res;
        Ad_DECREF(res);
    }
    if (tv->tp_richcompare) {
        res = tv->tp_richcompare(v, w, op);
        if (res != Ad_NotImplemented)
            return res;
        Ad_DECREF(res);
    }
    if (!checked_reverse && tw->tp_richcompare) {
        res = tw->tp_richcompare(w, v, swapped_op[op]);
        if (res != Ad_NotImplemented)
            return res;
        Ad_DECREF(res);
    }
    switch (op) {
    case AD_EQ:
        return Ad_NewRef(v == w ? Ad_True : Ad_False);
    case AD_NE:
        return Ad_NewRef(v != w ? Ad_True : Ad_False);
    default:
        AdErr_Format(AdExc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                     opstrings[op], AdType_Name(tv), AdType_Name(tw));
        return NULL;
    }
}

AdObject *AdObject_RichCompare(AdObject *v, AdObject *w, int op)
{
    if (Ad_EnterRecursiveCall(" in comparison"))
        return NULL;
    AdObject *res = do_richcompare(v, w, op);
    Ad_LeaveRecursiveCall();
    return res;
}

int AdObject_RichCompareBool(AdObject *v, AdObject *w, int op)
{
    if (v == w) {
        if (op == AD_EQ)
            return 1;
        if (op == AD_NE)
            return 0;
    }
    AdObject *res = AdObject_RichCompare(v, w, op);
    if (!res)
        return -1;
    int ok = res == Ad_True ? 1 : res == Ad_False ? 0 : AdObject_IsTrue(res);
    Ad_DECREF(res);
    return ok;
}

int AdObject_IsTrue(AdObject *o)
{
    if (o == Ad_True)
        return 1;
    if (o == Ad_False || o == Ad_None)
        return 0;
    AdTypeObject *t = AD_TYPE(o);
    Ad_ssize_t n;
    if (t->tp_as_number && t->tp_as_number->nb_bool)
        return t->tp_as_number->nb_bool(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        n = t->tp_as_mapping->mp_length(o);
    else if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        n = t->tp_as_sequence->sq_length(o);
    else
        return 1;
    return n > 0 ? 1 : (int)n;      /* n < 0: error */
}

/* ---- attributes ---------------------------------------------------------- */

static int check_name(AdObject *name)
{
    if (AdStr_Check(name))
        return 0;
    AdErr_Format(AdExc_TypeError, "attribute name must be string, not '%s'",
                 AdType_Name(AD_TYPE(name)));
    return -1;
}

AdObject *AdObject_GetAttr(AdObject *o, AdObject *name)
{
    if (check_name(name) < 0)
        return NULL;
    AdTypeObject *t = AD_TYPE(o);
    if (t->tp_getattro)
        return t->tp_getattro(o, name);
    return AdErr_Format(AdExc_AttributeError, "'%s' object has no attribute '%U'",
                        AdType_Name(t), name);
}

AdObject *AdObject_GetAttrString(AdObject *o, const char *name)
{
    AdObject *n = AdStr_InternFromString(name);
    if (!n)
        return NULL;
    AdObject *r = AdObject_GetAttr(o, n);
    Ad_DECREF(n);
    return r;
}

int AdObject_GetOptionalAttr(AdObject *o, AdObject *name, AdObject **result)
{
    *result = AdObject_GetAttr(o, name);
    if (*result)
        return 1;
    if (!AdErr_ExceptionMatches(AdExc_AttributeError))
        return -1;
    AdErr_Clear();
    return 0;
}

int AdObject_SetAttr(AdObject *o, AdObject *name, AdObject *value)
{
    if (check_name(name) < 0)
        return -1;
    AdTypeObject *t = AD_TYPE(o);
    Ad_INCREF(name);
    AdStr_InternInPlace(&name);
    int rc;
    if (t->tp_setattro)
        rc = t->tp_setattro(o, name, value);
    else {
        if (!t->tp_getattro)
            AdErr_Format(AdExc_TypeError, "'%s' object has no attributes (%s .%U)",
                         AdType_Name(t), value ? "assign to" : "del", name);
        else
            AdErr_Format(AdExc_TypeError, "'%s' object has only read-only attributes (%s .%U)",
                         AdType_Name(t), value ? "assign to" : "del", name);
        rc = -1;
    }
    Ad_DECREF(name);
    return rc;
}

/* The instance dict slot, or NULL when the type has none. */
static AdObject **instance_dict_ptr(AdObject *o)
{
    Ad_ssize_t off = AD_TYPE(o)->tp_dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0)
        off += AdObject_VarSlotsEnd(o);
    return (AdObject **)((char *)o + off);
}

Ad_ssize_t AdObject_VarSlotsEnd(AdObject *o)
{
    /* The items as allocated: a str has (length + 1) * kind bytes of data
     * (its length field sits where ob_size would be); others ob_size. */
    Ad_ssize_t n;
    if (AdStr_Check(o))
        n = (((AdStrObject *)o)->length + 1) * ((AdStrObject *)o)->kind;
    else
        n = AD_SIZE(o) < 0 ? -AD_SIZE(o) : AD_SIZE(o);
    Ad_ssize_t size = AD_TYPE(o)->tp_basicsize + n * AD_TYPE(o)->tp_itemsize;
    return (size + (Ad_ssize_t)sizeof(void *) - 1) & ~((Ad_ssize_t)sizeof(void *) - 1);
}

AdObject **AdObject_GetDictPtr(AdObject *o)
{
    return instance_dict_ptr(o);
}

AdObject *AdObject_GenericGetDict(AdObject *self, void *closure)
{
    (void)closure;
    AdObject **dp = instance_dict_ptr(self);
    if (!dp)
        return AdErr_Format(AdExc_AttributeError, "This object has no __dict__");
    if (!*dp && !(*dp = AdDict_New()))
        return NULL;
    return Ad_NewRef(*dp);
}

int AdObject_GenericSetDict(AdObject *self, AdObject *value, void *closure)
{
    (void)closure;
    AdObject **dp = instance_dict_ptr(self);
    if (!dp) {
        AdErr_SetString(AdExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!AdDict_Check(value)) {
        AdErr_Format(AdExc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                     AdType_Name(AD_TYPE(value)));
        return -1;
    }
    AD_XSETREF(*dp, Ad_NewRef(value));
    return 0;
}

/* Raises AttributeError with .name and .obj set, as CPython 3.14 does
 * (traceback printing adds "Did you mean ...?" from them). */
static AdObject *attribute_error(AdObject *o, AdObject *name)
{
    AdErr_Format(AdExc_AttributeError, "'%s' object has no attribute '%U'",
                 AdType_Name(AD_TYPE(o)), name);
    AdObject *exc = AdErr_GetRaisedException();
    if (exc) {
        AdObject *n = AdStr_FromString("name");
        AdObject *ob = AdStr_FromString("obj");
        if (n && ob && AdObject_SetAttr(exc, n, name) == 0)
            AdObject_SetAttr(exc, ob, o);
        Ad_XDECREF(n);
        Ad_XDECREF(ob);
        AdErr_Clear();
        AdErr_SetRaisedException(exc);
    }
    return NULL;
}

AdObject *AdObject_GenericGetAttr(AdObject *o, AdObject *name)
{
    AdTypeObject *t = AD_TYPE(o);
    if (!AdStr_Check(name)) {
        check_name(name);
        return NULL;
    }
    AdObject *descr = AdType_Lookup(t, name);
    descrgetfunc get = NULL;
    if (descr) {
        Ad_INCREF(descr);
        get = AD_TYPE(descr)->tp_descr_get;
        if (get && AD_TYPE(descr)->tp_descr_set) {      /* data descriptor wins */
            AdObject *r = get(descr, o, (AdObject *)t);
            Ad_DECREF(descr);
            return r;
        }
    }
    AdObject **dictptr = instance_dict_ptr(o);
    if (dictptr && *dictptr) {
        AdObject *dict = *dictptr;
        Ad_INCREF(dict);
        AdObject *r;
        int found = AdDict_GetItemRef(dict, name, &r);
        Ad_DECREF(dict);
        if (found != 0) {
            Ad_XDECREF(descr);
            return found > 0 ? r : NULL;
        }
    }
    if (get) {
        AdObject *r = get(descr, o, (AdObject *)t);
        Ad_DECREF(descr);
        return r;
    }
    if (descr)
        return descr;       /* the reference we took */
    return attribute_error(o, name);
}

int AdObject_GenericSetAttr(AdObject *o, AdObject *name, AdObject *value)
{
    AdTypeObject *t = AD_TYPE(o);
    if (check_name(name) < 0)
        return -1;
    AdObject *descr = AdType_Lookup(t, name);
    if (descr) {
        descrsetfunc set = AD_TYPE(descr)->tp_descr_set;
        if (set) {
            Ad_INCREF(descr);
            int rc = set(descr, o, value);
            Ad_DECREF(descr);
            return rc;
        }
    }
    AdObject **dictptr = instance_dict_ptr(o);
    if (!dictptr) {
        if (descr)
            AdErr_Format(AdExc_AttributeError, "'%s' object attribute '%U' is read-only",
                         AdType_Name(t), name);
        else
            AdErr_Format(AdExc_AttributeError,
                         "'%s' object has no attribute '%U' and no __dict__ for setting new attributes",
                         AdType_Name(t), name);
        return -1;
    }
    if (!*dictptr) {
        if (!value) {
            attribute_error(o, name);
            return -1;
        }
        *dictptr = AdDict_New();
        if (!*dictptr)
            return -1;
    }
    if (value)
        return AdDict_SetItem(*dictptr, name, value);
    if (AdDict_DelItem(*dictptr, name) == 0)
        return 0;
    if (AdErr_ExceptionMatches(AdExc_KeyError)) {
        AdErr_Clear();
        attribute_error(o, name);
    }
    return -1;
}

/* ---- iteration ------------------------------------------------------------ */

AdObject *AdObject_GetIter(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    if (!t->tp_iter) {
        if (t->tp_as_sequence && t->tp_as_sequence->sq_item)
            return AdSeqIter_New(o);
        return AdErr_Format(AdExc_TypeError, "'%s' object is not iterable", AdType_Name(t));
    }
    AdObject *it = t->tp_iter(o);
    if (it && !AD_TYPE(it)->tp_iternext) {
        AdErr_Format(AdExc_TypeError, "iter() returned non-iterator of type '%s'",
                     AdType_Name(AD_TYPE(it)));
        Ad_DECREF(it);
        return NULL;
    }
    return it;
}

AdObject *AdIter_Next(AdObject *it)
{
    AdObject *r = AD_TYPE(it)->tp_iternext(it);
    if (!r && AdErr_Occurred() && AdErr_ExceptionMatches(AdExc_StopIteration))
        AdErr_Clear();
    return r;
}

/* ---- calls ----------------------------------------------------------------- */

static AdObject *not_callable(AdObject *callable)
{
    return AdErr_Format(AdExc_TypeError, "'%s' object is not callable",
                        AdType_Name(AD_TYPE(callable)));
}

static vectorcallfunc vectorcall_of(AdObject *callable)
{
    AdTypeObject *t = AD_TYPE(callable);
    if (!AdType_HasFeature(t, AD_TPFLAGS_HAVE_VECTORCALL) || t->tp_vectorcall_offset <= 0)
        return NULL;
    return *(vectorcallfunc *)((char *)callable + t->tp_vectorcall_offset);
}

/* Calls tp_call with a tuple and a dict made from vectorcall arguments. */
static AdObject *call_via_tuple(AdObject *callable, AdObject *const *args, size_t nargsf,
                                AdObject *kwnames)
{
    ternaryfunc call = AD_TYPE(callable)->tp_call;
    if (!call)
        return not_callable(callable);
    Ad_ssize_t nargs = AdVectorcall_NARGS(nargsf);
    AdObject *tuple = AdTuple_FromArray(args, nargs);
    if (!tuple)
        return NULL;
    AdObject *kwargs = NULL;
    if (kwnames && AdTuple_GET_SIZE(kwnames)) {
        kwargs = AdDict_New();
        if (!kwargs) {
            Ad_DECREF(tuple);
            return NULL;
        }
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(kwnames); i++) {
            if (AdDict_SetItem(kwargs, AdTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Ad_DECREF(tuple);
                Ad_DECREF(kwargs);
                return NULL;
            }
        }
    }
    AdObject *r = NULL;
    if (!Ad_EnterRecursiveCall(" while calling a Python object")) {
        r = call(callable, tuple, kwargs);
        Ad_LeaveRecursiveCall();
    }
    Ad_DECREF(tuple);
    Ad_XDECREF(kwargs);
    return r;
}

AdObject *AdObject_Vectorcall(AdObject *callable, AdObject *const *args, size_t nargsf,
                              AdObject *kwnames)
{
    vectorcallfunc f = vectorcall_of(callable);
    if (f)
        return f(callable, args, nargsf, kwnames);
    return call_via_tuple(callable, args, nargsf, kwnames);
}

/* Calls a vectorcall-only callable with a tuple and a dict. */
static AdObject *vectorcall_with_dict(vectorcallfunc f, AdObject *callable, AdObject *args, AdObject *kwargs)
{
    Ad_ssize_t nargs = AdTuple_GET_SIZE(args), nkw = AdDict_GET_SIZE(kwargs);
    AdObject **stack = AdMem_Malloc((size_t)(nargs + nkw + 1) * sizeof(AdObject *));
    AdObject *kwnames = AdTuple_New(nkw);
    if (!stack || !kwnames) {
        AdMem_Free(stack);
        Ad_XDECREF(kwnames);
        return AdErr_NoMemory();
    }
    for (Ad_ssize_t i = 0; i < nargs; i++)
        stack[i + 1] = AdTuple_GET_ITEM(args, i);
    Ad_ssize_t pos = 0, k = 0;
    AdObject *key, *value;
    while (AdDict_Next(kwargs, &pos, &key, &value)) {
        AdTuple_SET_ITEM(kwnames, k, Ad_NewRef(key));
        stack[1 + nargs + k] = value;
        k++;
    }
    AdObject *r = f(callable, stack + 1, (size_t)nargs | AD_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Ad_DECREF(kwnames);
    AdMem_Free(stack);
    return r;
}

AdObject *AdObject_Call(AdObject *callable, AdObject *args, AdObject *kwargs)
{
    vectorcallfunc f = vectorcall_of(callable);
    if (f && (!kwargs || AdDict_GET_SIZE(kwargs) == 0))
        return f(callable, AdTuple_ITEMS(args), (size_t)AdTuple_GET_SIZE(args), NULL);
    ternaryfunc call = AD_TYPE(callable)->tp_call;
    if (!call && f)
        return vectorcall_with_dict(f, callable, args, kwargs);
    if (!call)
        return not_callable(callable);
    if (Ad_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    AdObject *r = call(callable, args, kwargs);
    Ad_LeaveRecursiveCall();
    return r;
}

AdObject *AdVectorcall_Call(AdObject *callable, AdObject *args, AdObject *kwargs)
{
    vectorcallfunc f = vectorcall_of(callable);
    if (!f)
        return not_callable(callable);
    if (!kwargs || AdDict_GET_SIZE(kwargs) == 0)
        return f(callable, AdTuple_ITEMS(args), (size_t)AdTuple_GET_SIZE(args), NULL);
    return vectorcall_with_dict(f, callable, args, kwargs);
}

AdObject *AdObject_CallNoArgs(AdObject *callable)
{
    return AdObject_Vectorcall(callable, NULL, 0, NULL);
}

AdObject *AdObject_CallOneArg(AdObject *callable, AdObject *arg)
{
    AdObject *args[2] = {NULL, arg};
    return AdObject_Vectorcall(callable, args + 1, 1 | AD_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

AdObject *AdObject_CallMethod(AdObject *obj, AdObject *name, AdObject *const *args, Ad_ssize_t nargs)
{
    AdObject *meth = AdObject_GetAttr(obj, name);
    if (!meth)
        return NULL;
    AdObject *r = AdObject_Vectorcall(meth, args, (size_t)nargs, NULL);
    Ad_DECREF(meth);
    return r;
}
