/* structseq.c: struct sequence types (see structseq.h). An instance is
 * allocated as a tuple of n_fields items whose ob_size is n_sequence_fields,
 * so the tuple machinery sees only the visible part; the type's dealloc and
 * traverse cover the hidden fields too. The counts live in the type's dict
 * (n_sequence_fields, n_fields, n_unnamed_fields), as Python code reads
 * them. Messages follow CPython 3.14. */
#include <stdlib.h>
#include <string.h>

#include "objects/structseq.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

const char *const AdStructSeq_UnnamedField = "unnamed field";

static Ad_ssize_t type_count(AdTypeObject *type, const char *name)
{
    AdObject *v = type->tp_dict ? AdDict_GetItemString(type->tp_dict, name) : NULL;
    if (!v || !AdInt_Check(v))
        return 0;
    return AdInt_AsSsize_t(v);
}

Ad_ssize_t AdStructSeq_NumFields(AdTypeObject *type) { return type_count(type, "n_fields"); }
static Ad_ssize_t n_visible(AdTypeObject *type) { return type_count(type, "n_sequence_fields"); }
static Ad_ssize_t n_unnamed(AdTypeObject *type) { return type_count(type, "n_unnamed_fields"); }

AdObject *AdStructSeq_New(AdTypeObject *type)
{
    Ad_ssize_t n = AdStructSeq_NumFields(type);
    AdObject *o = AdType_GenericAlloc(type, n);
    if (!o)
        return NULL;
    AD_SIZE(o) = n_visible(type);
    ((AdTupleObject *)o)->hash = -1;
    return o;
}

static void structseq_dealloc(AdObject *o)
{
    AdTypeObject *type = AD_TYPE(o);
    AdObject_GC_UnTrack(o);
    Ad_ssize_t n = AdStructSeq_NumFields(type);
    for (Ad_ssize_t i = 0; i < n; i++)
        Ad_XDECREF(AdStructSeq_GET_ITEM(o, i));
    type->tp_free(o);
}

static int structseq_traverse(AdObject *o, visitproc visit, void *arg)
{
    Ad_ssize_t n = AdStructSeq_NumFields(AD_TYPE(o));
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *v = AdStructSeq_GET_ITEM(o, i);
        if (v) {
            int rc = visit(v, arg);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* The name of member k (named fields only, in order), from tp_members. */
static const char *member_name(AdTypeObject *type, Ad_ssize_t k)
{
    return type->tp_members[k].name;
}

static AdObject *structseq_repr(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (AdStrWriter_WriteUTF8(&w, type->tp_name, (Ad_ssize_t)strlen(type->tp_name)) < 0 ||
        AdStrWriter_WriteChar(&w, '(') < 0)
        goto fail;
    Ad_ssize_t n = AD_SIZE(self);
    for (Ad_ssize_t i = 0; i < n; i++) {
        /* As CPython does: the i-th visible value under the i-th member name
         * (which differs from the field's own name after unnamed fields). */
        const char *name = member_name(type, i);
        if (i > 0 && AdStrWriter_WriteASCII(&w, ", ", 2) < 0)
            goto fail;
        if (AdStrWriter_WriteUTF8(&w, name, (Ad_ssize_t)strlen(name)) < 0 ||
            AdStrWriter_WriteChar(&w, '=') < 0)
            goto fail;
        AdObject *r = AdObject_Repr(AdStructSeq_GET_ITEM(self, i));
        if (!r)
            goto fail;
        int rc = AdStrWriter_WriteStr(&w, r);
        Ad_DECREF(r);
        if (rc < 0)
            goto fail;
    }
    if (AdStrWriter_WriteChar(&w, ')') < 0)
        goto fail;
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* T(sequence, dict=None). */
static AdObject *structseq_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"sequence", "dict"};
    AdObject *argv[2];
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    if (nargs + (kwds ? AdDict_GET_SIZE(kwds) : 0) > 2) {
        AdErr_Format(AdExc_TypeError, "structseq() takes at most 2 arguments (%zd given)",
                     nargs + (kwds ? AdDict_GET_SIZE(kwds) : 0));
        return NULL;
    }
    if (ad_num_parse_args("structseq", args ? AdTuple_ITEMS(args) : NULL, nargs, NULL, kwds, names,
                          2, 0, 2, 1, argv) < 0)
        return NULL;
    AdObject *seq = argv[0], *dict = argv[1];
    if (dict == Ad_None)
        dict = NULL;
    AdObject *tup;
    if (AdTuple_CheckExact(seq) || AdList_CheckExact(seq))
        tup = AdSequence_Tuple(seq);
    else {
        tup = AdSequence_Tuple(seq);
        if (!tup && AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "constructor requires a sequence");
        }
    }
    if (!tup)
        return NULL;
    if (dict && !AdDict_Check(dict)) {
        Ad_DECREF(tup);
        return AdErr_Format(AdExc_TypeError, "%s() takes a dict as second arg, if any", type->tp_name);
    }
    Ad_ssize_t len = AdTuple_GET_SIZE(tup);
    Ad_ssize_t min_len = n_visible(type), max_len = AdStructSeq_NumFields(type);
    Ad_ssize_t unnamed = n_unnamed(type);
    if (len < min_len || len > max_len) {
        if (min_len == max_len)
            AdErr_Format(AdExc_TypeError, "%s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        else if (len < min_len)
            AdErr_Format(AdExc_TypeError, "%s() takes an at least %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        else
            AdErr_Format(AdExc_TypeError, "%s() takes an at most %zd-sequence (%zd-sequence given)",
                         type->tp_name, max_len, len);
        Ad_DECREF(tup);
        return NULL;
    }
    AdObject *res = AdStructSeq_New(type);
    if (!res) {
        Ad_DECREF(tup);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < len; i++)
        AdStructSeq_SET_ITEM(res, i, Ad_NewRef(AdTuple_GET_ITEM(tup, i)));
    Ad_DECREF(tup);
    Ad_ssize_t used = 0;
    for (Ad_ssize_t i = len; i < max_len; i++) {
        AdObject *v = NULL;
        if (dict) {
            v = AdDict_GetItemString(dict, member_name(type, i - unnamed));
            if (v)
                used++;
        }
        AdStructSeq_SET_ITEM(res, i, Ad_NewRef(v ? v : Ad_None));
    }
    if (dict && used != AdDict_GET_SIZE(dict)) {
        Ad_DECREF(res);
        return AdErr_Format(AdExc_TypeError, "%s() got duplicate or unexpected field name(s)",
                            type->tp_name);
    }
    return res;
}

/* Instantiation refused (sys.flags, sys.version_info, ...): CPython names
 * the type with its full tp_name. */
static AdObject *structseq_no_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
}

static AdObject *structseq_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdTypeObject *type = AD_TYPE(self);
    Ad_ssize_t nv = AD_SIZE(self), nf = AdStructSeq_NumFields(type), nu = n_unnamed(type);
    AdObject *tup = AdTuple_New(nv);
    if (!tup)
        return NULL;
    for (Ad_ssize_t i = 0; i < nv; i++)
        AdTuple_SET_ITEM(tup, i, Ad_NewRef(AdStructSeq_GET_ITEM(self, i)));
    AdObject *dict = AdDict_New();
    if (!dict) {
        Ad_DECREF(tup);
        return NULL;
    }
    for (Ad_ssize_t i = nv; i < nf; i++) {
        if (AdDict_SetItemString(dict, member_name(type, i - nu), AdStructSeq_GET_ITEM(self, i)) < 0) {
            Ad_DECREF(tup);
            Ad_DECREF(dict);
            return NULL;
        }
    }
    AdObject *r = AdTuple_Pack(2, (AdObject *)type, AdTuple_Pack(2, tup, dict));
    /* AdTuple_Pack takes new refs: release the inner pack's extra ref. */
    if (r)
        Ad_DECREF(AdTuple_GET_ITEM(r, 1));
    Ad_DECREF(tup);
    Ad_DECREF(dict);
    return r;
}

static AdObject *structseq_replace(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                                   AdObject *kwnames)
{
    (void)args;
    AdTypeObject *type = AD_TYPE(self);
    if (nargs > 0)
        return AdErr_Format(AdExc_TypeError, "__replace__() takes no positional arguments");
    if (n_unnamed(type) > 0)
        return AdErr_Format(AdExc_TypeError, "__replace__() is not supported");
    Ad_ssize_t nf = AdStructSeq_NumFields(type);
    AdObject *kw = AdDict_New();
    if (!kw)
        return NULL;
    Ad_ssize_t nk = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t k = 0; k < nk; k++)
        if (AdDict_SetItem(kw, AdTuple_GET_ITEM(kwnames, k), args[k]) < 0) {
            Ad_DECREF(kw);
            return NULL;
        }
    AdObject *res = AdStructSeq_New(type);
    if (!res) {
        Ad_DECREF(kw);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < nf; i++) {
        AdObject *key = AdStr_FromString(member_name(type, i)), *v = NULL;
        if (!key || AdDict_Pop(kw, key, &v) < 0) {
            Ad_XDECREF(key);
            goto fail;
        }
        Ad_DECREF(key);
        AdStructSeq_SET_ITEM(res, i, v ? v : Ad_NewRef(AdStructSeq_GET_ITEM(self, i)));
    }
    if (AdDict_GET_SIZE(kw) > 0) {
        AdObject *keys = AdDict_Keys(kw);
        if (keys) {
            AdErr_Format(AdExc_TypeError, "Got unexpected field name(s): %R", keys);
            Ad_DECREF(keys);
        }
        goto fail;
    }
    Ad_DECREF(kw);
    return res;
fail:
    /* Fill the rest so dealloc sees valid fields. */
    for (Ad_ssize_t i = 0; i < nf; i++)
        if (!AdStructSeq_GET_ITEM(res, i))
            AdStructSeq_SET_ITEM(res, i, Ad_NewRef(Ad_None));
    Ad_DECREF(res);
    Ad_DECREF(kw);
    return NULL;
}

static AdMethodDef structseq_methods[] = {
    {"__reduce__", (void (*)(void))structseq_reduce, AD_METH_NOARGS, NULL},
    {"__replace__", (void (*)(void))structseq_replace, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "__replace__($self, /, **changes)\n--\n\nReturn a copy of the structure with new values for the specified fields."},
    {NULL, NULL, 0, NULL},
};

static int set_count(AdTypeObject *type, const char *name, Ad_ssize_t v)
{
    AdObject *o = AdInt_FromSsize_t(v);
    if (!o)
        return -1;
    int rc = AdDict_SetItemString(type->tp_dict, name, o);
    Ad_DECREF(o);
    return rc;
}

int AdStructSeq_InitType(AdTypeObject *type, const AdStructSeqDesc *desc, int flags)
{
    if (type->tp_flags & AD_TPFLAGS_READY)
        return 0;
    Ad_ssize_t nf = 0, nu = 0;
    while (desc->fields[nf].name) {
        if (desc->fields[nf].name == AdStructSeq_UnnamedField)
            nu++;
        nf++;
    }
    /* Members for the named fields, in order; the array lives as long as
     * the type (process lifetime for static types: a runtime started again
     * after finalization finds it there). */
    AdMemberDef *members = type->tp_members ? type->tp_members
                                            : calloc((size_t)(nf - nu + 1), sizeof *members);
    if (!members) {
        AdErr_NoMemory();
        return -1;
    }
    for (Ad_ssize_t i = 0, k = 0; i < nf; i++) {
        if (desc->fields[i].name == AdStructSeq_UnnamedField)
            continue;
        members[k].name = desc->fields[i].name;
        members[k].type = AD_T_OBJECT;
        members[k].offset = (Ad_ssize_t)(offsetof(AdTupleObject, items) + (size_t)i * sizeof(AdObject *));
        members[k].flags = AD_READONLY;
        members[k].doc = desc->fields[i].doc;
        k++;
    }
    AD_TYPE(type) = &AdType_Type;
    type->ob_base.ob_base.ob_refcnt = AD_IMMORTAL_REFCNT;
    type->tp_name = desc->name;
    type->tp_doc = desc->doc;
    type->tp_basicsize = (Ad_ssize_t)sizeof(AdTupleObject);
    type->tp_itemsize = (Ad_ssize_t)sizeof(AdObject *);
    type->tp_dealloc = structseq_dealloc;
    type->tp_repr = structseq_repr;
    type->tp_traverse = structseq_traverse;
    type->tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_TUPLE_SUBCLASS | AD_TPFLAGS_IMMUTABLETYPE;
    type->tp_methods = structseq_methods;
    type->tp_members = members;
    type->tp_base = &AdTuple_Type;
    type->tp_new = structseq_new;
    type->tp_alloc = AdType_GenericAlloc;
    type->tp_free = AdObject_GC_Del;
    if (AdType_Ready(type) < 0)
        return -1;
    if (flags & AD_STRUCTSEQ_DISALLOW_NEW)
        type->tp_new = structseq_no_new;
    if (set_count(type, "n_sequence_fields", desc->n_in_sequence) < 0 ||
        set_count(type, "n_fields", nf) < 0 || set_count(type, "n_unnamed_fields", nu) < 0)
        return -1;
    /* __match_args__: the visible named fields. */
    Ad_ssize_t nmatch = 0;
    for (Ad_ssize_t i = 0; i < desc->n_in_sequence; i++)
        if (desc->fields[i].name != AdStructSeq_UnnamedField)
            nmatch++;
    AdObject *match = AdTuple_New(nmatch);
    if (!match)
        return -1;
    for (Ad_ssize_t i = 0, k = 0; i < desc->n_in_sequence; i++) {
        if (desc->fields[i].name == AdStructSeq_UnnamedField)
            continue;
        AdObject *s = AdStr_InternFromString(desc->fields[i].name);
        if (!s) {
            Ad_DECREF(match);
            return -1;
        }
        AdTuple_SET_ITEM(match, k++, s);
    }
    int rc = AdDict_SetItemString(type->tp_dict, "__match_args__", match);
    Ad_DECREF(match);
    if (rc < 0)
        return -1;
    AdType_Modified(type);
    return 0;
}
