/* exc_groups.c: BaseExceptionGroup and ExceptionGroup (PEP 654):
 * construction rules (which class the group becomes, what may be nested),
 * message and exceptions, str "msg (N sub-exceptions)", derive(), and
 * split()/subgroup() by type, tuple of types or predicate, which rebuild
 * nested groups keeping traceback, cause, context and notes. */
#include "objects/exceptions.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>

typedef struct {
    AdBaseExceptionObject base;
    AdObject *msg;
    AdObject *excs;             /* tuple */
} GroupObject;

#define GROUP(o) ((GroupObject *)(o))

static AdObject *group_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    if (kwds && AdDict_GET_SIZE(kwds))
        return AdErr_Format(AdExc_TypeError, "BaseExceptionGroup.__new__() takes no keyword arguments");
    if (AdTuple_GET_SIZE(args) != 2)
        return AdErr_Format(AdExc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                            AdTuple_GET_SIZE(args));
    AdObject *msg = AdTuple_GET_ITEM(args, 0), *seq = AdTuple_GET_ITEM(args, 1);
    if (!AdStr_Check(msg))
        return AdErr_Format(AdExc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                            AdType_Name(AD_TYPE(msg)));
    if (!AD_TYPE(seq)->tp_as_sequence || !AD_TYPE(seq)->tp_as_sequence->sq_item ||
        AdDict_Check(seq) || AdStr_Check(seq)) {
        if (!(AdList_Check(seq) || AdTuple_Check(seq)))
            return AdErr_Format(AdExc_TypeError, "second argument (exceptions) must be a sequence");
    }
    AdObject *excs = AdSequence_Tuple(seq);
    if (!excs)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(excs);
    if (n == 0) {
        Ad_DECREF(excs);
        return AdErr_Format(AdExc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    }
    int nested_base = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *e = AdTuple_GET_ITEM(excs, i);
        if (!AdExceptionInstance_Check(e)) {
            Ad_DECREF(excs);
            return AdErr_Format(AdExc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
        }
        if (!AdObject_TypeCheck(e, &AdExcType_Exception))
            nested_base = 1;
    }
    AdTypeObject *cls = type;
    if (cls == &AdExcType_BaseExceptionGroup) {
        if (!nested_base)
            cls = &AdExcType_ExceptionGroup;
    }
    else if (cls == &AdExcType_ExceptionGroup) {
        if (nested_base) {
            Ad_DECREF(excs);
            return AdErr_Format(AdExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    }
    else if (nested_base && AdType_IsSubtype(cls, &AdExcType_Exception)) {
        Ad_DECREF(excs);
        return AdErr_Format(AdExc_TypeError, "Cannot nest BaseExceptions in '%s'", AdType_Name(cls));
    }
    AdObject *self = AdExcType_BaseException.tp_new(cls, args, kwds);
    if (!self) {
        Ad_DECREF(excs);
        return NULL;
    }
    GROUP(self)->msg = Ad_NewRef(msg);
    GROUP(self)->excs = excs;
    return self;
}

static int group_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    (void)kwds;
    AD_SETREF(((AdBaseExceptionObject *)self)->args, Ad_NewRef(args));
    return 0;
}

static AdObject *group_str(AdObject *self)
{
    Ad_ssize_t n = AdTuple_GET_SIZE(GROUP(self)->excs);
    return AdStr_FromFormat("%S (%zd sub-exception%s)", GROUP(self)->msg, n, n > 1 ? "s" : "");
}

static int copy_metadata(AdObject *from, AdObject *to)
{
    AdBaseExceptionObject *f = (AdBaseExceptionObject *)from, *t = (AdBaseExceptionObject *)to;
    AD_XSETREF(t->traceback, Ad_XNewRef(f->traceback));
    AD_XSETREF(t->context, Ad_XNewRef(f->context));
    AD_XSETREF(t->cause, Ad_XNewRef(f->cause));
    t->suppress_context = f->suppress_context;
    AdObject *name = AdStr_InternFromString("__notes__");
    AdObject *notes;
    int rc = name ? AdObject_GetOptionalAttr(from, name, &notes) : -1;
    if (rc > 0) {
        /* A copy of a sequence of notes; anything else is kept as it is. */
        AdObject *copy = AdList_Check(notes) || AdTuple_Check(notes) ? AdSequence_List(notes) : Ad_NewRef(notes);
        rc = copy ? AdObject_SetAttr(to, name, copy) : -1;
        Ad_XDECREF(copy);
        Ad_DECREF(notes);
    }
    Ad_XDECREF(name);
    return rc < 0 ? -1 : 0;
}

static AdObject *group_derive(AdObject *self, AdObject *excs)
{
    AdObject *args = AdTuple_Pack(2, GROUP(self)->msg, excs);
    if (!args)
        return NULL;
    AdObject *r = AdObject_Call((AdObject *)&AdExcType_BaseExceptionGroup, args, NULL);
    Ad_DECREF(args);
    return r;
}

typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_INSTANCE_IDS } MatcherKind;

static int get_matcher(AdObject *value, MatcherKind *kind)
{
    if (AdExceptionClass_Check(value)) {
        *kind = MATCH_TYPE;
        return 0;
    }
    if (AdTuple_Check(value)) {
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(value); i++)
            if (!AdExceptionClass_Check(AdTuple_GET_ITEM(value, i)))
                goto error;
        *kind = MATCH_TYPE;
        return 0;
    }
    if (!AdType_Check(value) && (AD_TYPE(value)->tp_call || AdType_HasFeature(AD_TYPE(value), AD_TPFLAGS_HAVE_VECTORCALL))) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
error:
    AdErr_SetString(AdExc_TypeError,
                    "expected an exception type, a tuple of exception types, or a callable (other than a class)");
    return -1;
}

static int matches(AdObject *exc, MatcherKind kind, AdObject *value)
{
    if (kind == MATCH_TYPE)
        return AdErr_GivenExceptionMatches(exc, value);
    AdObject *r = AdObject_CallOneArg(value, exc);
    if (!r)
        return -1;
    int t = AdObject_IsTrue(r);
    Ad_DECREF(r);
    return t;
}

/* Splits exc into the part that matches and the rest (either may be NULL). */
static int split_recursive(AdObject *exc, MatcherKind kind, AdObject *value, int want_rest,
                           AdObject **match, AdObject **rest)
{
    *match = *rest = NULL;
    int m = matches(exc, kind, value);
    if (m < 0)
        return -1;
    if (m) {
        *match = Ad_NewRef(exc);
        return 0;
    }
    if (!AdObject_TypeCheck(exc, &AdExcType_BaseExceptionGroup)) {
        if (want_rest)
            *rest = Ad_NewRef(exc);
        return 0;
    }
    AdObject *excs = GROUP(exc)->excs;
    AdObject *mlist = AdList_New(0), *rlist = want_rest ? AdList_New(0) : NULL;
    if (!mlist || (want_rest && !rlist))
        goto fail;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(excs); i++) {
        AdObject *sm, *sr;
        if (split_recursive(AdTuple_GET_ITEM(excs, i), kind, value, want_rest, &sm, &sr) < 0)
            goto fail;
        int rc = 0;
        if (sm)
            rc = AdList_Append(mlist, sm);
        if (sr && rc == 0)
            rc = AdList_Append(rlist, sr);
        Ad_XDECREF(sm);
        Ad_XDECREF(sr);
        if (rc < 0)
            goto fail;
    }
    AdObject *lists[2] = {mlist, rlist};
    AdObject **outs[2] = {match, rest};
    for (int k = 0; k < 2; k++) {
        if (!lists[k] || AdList_GET_SIZE(lists[k]) == 0)
            continue;
        AdObject *name = AdStr_InternFromString("derive");
        AdObject *args[1] = {lists[k]};
        AdObject *g = name ? AdObject_CallMethod(exc, name, args, 1) : NULL;
        Ad_XDECREF(name);
        if (!g)
            goto fail;
        if (!AdObject_TypeCheck(g, &AdExcType_BaseExceptionGroup)) {
            AdErr_SetString(AdExc_TypeError, "derive must return an instance of BaseExceptionGroup");
            Ad_DECREF(g);
            goto fail;
        }
        if (copy_metadata(exc, g) < 0) {
            Ad_DECREF(g);
            goto fail;
        }
        *outs[k] = g;
    }
    Ad_DECREF(mlist);
    Ad_XDECREF(rlist);
    return 0;
fail:
    Ad_XDECREF(mlist);
    Ad_XDECREF(rlist);
    AD_CLEAR(*match);
    AD_CLEAR(*rest);
    return -1;
}

static AdObject *group_split(AdObject *self, AdObject *cond)
{
    MatcherKind kind;
    if (get_matcher(cond, &kind) < 0)
        return NULL;
    AdObject *m, *r;
    if (split_recursive(self, kind, cond, 1, &m, &r) < 0)
        return NULL;
    AdObject *t = AdTuple_Pack(2, m ? m : Ad_None, r ? r : Ad_None);
    Ad_XDECREF(m);
    Ad_XDECREF(r);
    return t;
}

static AdObject *group_subgroup(AdObject *self, AdObject *cond)
{
    MatcherKind kind;
    if (get_matcher(cond, &kind) < 0)
        return NULL;
    AdObject *m, *r;
    if (split_recursive(self, kind, cond, 0, &m, &r) < 0)
        return NULL;
    return m ? m : Ad_None;
}

static AdObject *group_class_getitem(AdObject *cls, AdObject *item)
{
    return Ad_GenericAlias(cls, item);
}

static int group_clear(AdObject *o)
{
    AD_CLEAR(GROUP(o)->msg);
    AD_CLEAR(GROUP(o)->excs);
    return AdExcType_BaseException.tp_clear(o);
}

static int group_traverse(AdObject *o, visitproc visit, void *arg)
{
    if (GROUP(o)->msg) {
        int rc = visit(GROUP(o)->msg, arg);
        if (rc)
            return rc;
    }
    if (GROUP(o)->excs) {
        int rc = visit(GROUP(o)->excs, arg);
        if (rc)
            return rc;
    }
    return AdExcType_BaseException.tp_traverse(o, visit, arg);
}

static AdMethodDef group_methods[] = {
    {"derive", (void (*)(void))group_derive, AD_METH_O, NULL},
    {"split", (void (*)(void))group_split, AD_METH_O, NULL},
    {"subgroup", (void (*)(void))group_subgroup, AD_METH_O, NULL},
    {"__class_getitem__", (void (*)(void))group_class_getitem, AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef group_members[] = {
    {"message", AD_T_OBJECT, offsetof(GroupObject, msg), AD_READONLY, "exception message"},
    {"exceptions", AD_T_OBJECT, offsetof(GroupObject, excs), AD_READONLY, "nested exceptions"},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdExcType_BaseExceptionGroup = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "BaseExceptionGroup",
    .tp_basicsize = sizeof(GroupObject),
    .tp_str = group_str,
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_doc = "A combination of multiple unrelated exceptions.",
    .tp_traverse = group_traverse,
    .tp_clear = group_clear,
    .tp_methods = group_methods,
    .tp_members = group_members,
    .tp_base = &AdExcType_BaseException,
    .tp_dictoffset = offsetof(AdBaseExceptionObject, dict),
    .tp_init = group_init,
    .tp_new = group_new,
};

/* ExceptionGroup derives from both BaseExceptionGroup and Exception. */
AdTypeObject AdExcType_ExceptionGroup = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "ExceptionGroup",
    .tp_basicsize = sizeof(GroupObject),
    .tp_flags = AD_TPFLAGS_BASETYPE | AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASE_EXC_SUBCLASS,
    .tp_base = &AdExcType_BaseExceptionGroup,
    .tp_dictoffset = offsetof(AdBaseExceptionObject, dict),
};

/* Gives ExceptionGroup its two bases and the C3 MRO (before readying). */
int ad_exc_groups_prepare(void)
{
    AdTypeObject *eg = &AdExcType_ExceptionGroup;
    if (AdType_Ready(&AdExcType_BaseExceptionGroup) < 0 || AdType_Ready(&AdExcType_Exception) < 0)
        return -1;
    eg->tp_bases = AdTuple_Pack(2, (AdObject *)&AdExcType_BaseExceptionGroup, (AdObject *)&AdExcType_Exception);
    if (!eg->tp_bases)
        return -1;
    eg->tp_mro = ad_type_compute_mro(eg);
    return eg->tp_mro ? 0 : -1;
}
