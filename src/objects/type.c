/* type.c: `type` and `object` (typeobject.h): readying static types,
 * C3-free MRO for native single inheritance, slot inheritance, the type's
 * dict filled from tp_methods/tp_members/tp_getset and from the slots
 * (slot wrappers, slotdefs.c), attribute lookup along the MRO through a
 * version-tagged cache, type.__call__, object's methods, and the
 * attributes of type objects. Classes made by class statements (heap
 * types, C3 MRO, __slots__, slot functions calling special methods) are in
 * typeclass.c. */
#include "objects/typeobject.h"
#include "objects/weakref.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/objects.h"
#include "objects/slotdefs.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "memory/gc.h"

#include <stddef.h>
#include <string.h>

/* ---- names --------------------------------------------------------------- */

const char *AdType_Name(AdTypeObject *type)
{
    return type->tp_name;
}

const char *AdType_ShortName(AdTypeObject *type)
{
    const char *dot = strrchr(type->tp_name, '.');
    return dot ? dot + 1 : type->tp_name;
}

/* ---- the method cache ------------------------------------------------------ */

#define MCACHE_SIZE_EXP 12
#define MCACHE_SIZE (1u << MCACHE_SIZE_EXP)

/* Process-wide: entries hold only (version tag, interned name) keys and
 * borrowed values of immortal or type-owned objects; a tag is never reused. */
static struct {
    unsigned int version;
    AdObject *name;
    AdObject *value;
} method_cache[MCACHE_SIZE];
static unsigned int next_version_tag = 1;
/* Off while the runtime starts: readying the types looks names up once
 * each, and filling the cache then would touch all of its 96 KiB. */
static int mcache_enabled;
/* The part of the cache in use starts at 1/8 (12 KiB) and doubles each
 * time it has been filled as many times as it has entries: a short run
 * (start-up, finalization, `-c pass`) then touches 3 of its 24 pages, a
 * longer one soon has all of it. Every entry carries its whole key, so
 * entries placed under a smaller mask stay correct after a resize. */
#define MCACHE_INITIAL_MASK (MCACHE_SIZE / 8 - 1)
static unsigned int mcache_mask = MCACHE_INITIAL_MASK;
static unsigned int mcache_fills;

void AdType_EnableMethodCache(int on)
{
    mcache_enabled = on;
}

static unsigned int mcache_index(unsigned int version, AdObject *name)
{
    uintptr_t h = ((uintptr_t)name >> 3) ^ (uintptr_t)version * 2654435761u;
    return (unsigned int)(h ^ (h >> MCACHE_SIZE_EXP)) & mcache_mask;
}

static void mcache_store(unsigned int idx, unsigned int version, AdObject *name, AdObject *value)
{
    method_cache[idx].version = version;
    method_cache[idx].name = name;
    method_cache[idx].value = value;
    if (++mcache_fills > mcache_mask && mcache_mask < MCACHE_SIZE - 1) {
        mcache_mask = mcache_mask * 2 + 1;
        mcache_fills = 0;
    }
}

static int assign_version_tag(AdTypeObject *type)
{
    if (type->tp_version_tag && (type->tp_flags & AD_TPFLAGS_VALID_VERSION_TAG))
        return 1;
    if (next_version_tag == 0)
        return 0;           /* exhausted: lookups go uncached */
    if (type->tp_mro) {
        Ad_ssize_t n = AdTuple_GET_SIZE(type->tp_mro);
        for (Ad_ssize_t i = 1; i < n; i++)
            if (!assign_version_tag((AdTypeObject *)AdTuple_GET_ITEM(type->tp_mro, i)))
                return 0;
    }
    type->tp_version_tag = next_version_tag++;
    type->tp_flags |= AD_TPFLAGS_VALID_VERSION_TAG;
    return 1;
}

void AdType_Modified(AdTypeObject *type)
{
    if (!(type->tp_flags & AD_TPFLAGS_VALID_VERSION_TAG))
        return;
    type->tp_flags &= ~AD_TPFLAGS_VALID_VERSION_TAG;
    type->tp_version_tag = 0;
    /* Subclasses: invalidate them too (their cached lookups may see ours). */
    AdObject *subs = type->tp_subclasses;
    if (subs) {
        Ad_ssize_t n = AdList_GET_SIZE(subs);
        for (Ad_ssize_t i = 0; i < n; i++) {
            AdObject *sub = AdWeakref_Peek(AdList_GET_ITEM(subs, i));
            if (sub)
                AdType_Modified((AdTypeObject *)sub);
        }
    }
}

static AdObject *find_in_mro(AdTypeObject *type, AdObject *name)
{
    AdObject *mro = type->tp_mro;
    if (!mro) {
        for (AdTypeObject *t = type; t; t = t->tp_base) {
            if (t->tp_dict) {
                AdObject *v = AdDict_GetItemWithError(t->tp_dict, name);
                if (v || AdErr_Occurred())
                    return v;
            }
        }
        return NULL;
    }
    Ad_ssize_t n = AdTuple_GET_SIZE(mro);
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdTypeObject *base = (AdTypeObject *)AdTuple_GET_ITEM(mro, i);
        AdObject *v = AdDict_GetItemWithError(base->tp_dict, name);
        if (v || AdErr_Occurred())
            return v;
    }
    return NULL;
}

AdObject *AdType_Lookup(AdTypeObject *type, AdObject *name)
{
    int cacheable = mcache_enabled && AdStr_CheckExact(name) && ((AdStrObject *)name)->interned &&
                    ((type->tp_version_tag && (type->tp_flags & AD_TPFLAGS_VALID_VERSION_TAG)) ||
                     assign_version_tag(type));
    unsigned int idx = 0;
    if (cacheable) {
        idx = mcache_index(type->tp_version_tag, name);
        if (method_cache[idx].version == type->tp_version_tag && method_cache[idx].name == name)
            return method_cache[idx].value;
    }
    AdObject *exc = AdErr_GetRaisedException();
    AdObject *v = find_in_mro(type, name);
    if (!v && AdErr_Occurred())
        AdErr_Clear();      /* lookup errors are swallowed, as CPython's */
    AdErr_SetRaisedException(exc);
    if (cacheable)
        mcache_store(idx, type->tp_version_tag, name, v);
    return v;
}

AdObject *AdType_LookupString(AdTypeObject *type, const char *name)
{
    AdObject *n = AdStr_InternFromString(name);
    if (!n)
        return NULL;
    AdObject *v = AdType_Lookup(type, n);
    Ad_DECREF(n);
    return v;
}

AdObject *AdObject_LookupSpecial(AdObject *obj, AdObject *name)
{
    AdObject *res = AdType_Lookup(AD_TYPE(obj), name);
    if (!res)
        return NULL;
    descrgetfunc get = AD_TYPE(res)->tp_descr_get;
    if (get)
        return get(res, obj, (AdObject *)AD_TYPE(obj));
    return Ad_NewRef(res);
}

/* ---- allocation -------------------------------------------------------------- */

AdObject *AdType_GenericAlloc(AdTypeObject *type, Ad_ssize_t nitems)
{
    AdObject *o;
    /* One spare item (a NUL for str/bytes) and room up to pointer alignment,
     * where var-sized instances of classes keep their __dict__. */
    size_t size = (size_t)type->tp_basicsize + (size_t)(nitems + 1) * (size_t)type->tp_itemsize;
    size = type->tp_itemsize ? (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1)
                             : (size_t)type->tp_basicsize;
    /* Items to allocate so that the whole rounded size is covered. */
    Ad_ssize_t alloc_items = type->tp_itemsize
        ? (Ad_ssize_t)((size - (size_t)type->tp_basicsize + (size_t)type->tp_itemsize - 1) / (size_t)type->tp_itemsize)
        : 0;
    if (type->tp_flags & AD_TPFLAGS_HAVE_GC) {
        /* A fixed-size type may be no bigger than AdObject: no ob_size. */
        o = type->tp_itemsize ? AdObject_GC_NewVar(type, 0) : AdObject_GC_New(type);
        if (!o)
            return NULL;
        /* GC_NewVar sized it for 0 items; grow to the real size. */
        if (size > (size_t)type->tp_basicsize) {
            AdObject *bigger = AdObject_GC_Resize(o, alloc_items);
            if (!bigger) {
                AdObject_GC_Del(o);
                return NULL;
            }
            o = bigger;
        }
        memset((char *)o + sizeof(AdObject), 0, size - sizeof(AdObject));
        if (type->tp_itemsize)
            ((AdVarObject *)o)->ob_size = nitems;
        AdObject_GC_Track(o);
    }
    else {
        o = type->tp_itemsize ? AdObject_NewVar(type, alloc_items) : AdObject_New(type);
        if (!o)
            return NULL;
        memset((char *)o + sizeof(AdObject), 0, size - sizeof(AdObject));
        if (type->tp_itemsize)
            ((AdVarObject *)o)->ob_size = nitems;
    }
    return o;
}

AdObject *AdType_GenericNew(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args;
    (void)kwargs;
    return type->tp_alloc(type, 0);
}

/* ---- readying ------------------------------------------------------------------ */

static int add_to_dict(AdObject *dict, AdObject *descr, AdObject *name)
{
    if (!descr)
        return -1;
    int rc = 0;
    if (!AdDict_GetItemWithError(dict, name)) {
        if (AdErr_Occurred())
            rc = -1;
        else
            rc = AdDict_SetItem(dict, name, descr);
    }
    Ad_DECREF(descr);
    return rc;
}

static int add_methods(AdTypeObject *type)
{
    for (AdMethodDef *m = type->tp_methods; m && m->ml_name; m++) {
        AdObject *descr;
        if (m->ml_flags & AD_METH_CLASS)
            descr = AdDescr_NewClassMethod(type, m);
        else if (m->ml_flags & AD_METH_STATIC) {
            AdObject *f = AdCFunction_NewEx(m, NULL, NULL);
            descr = f ? AdStaticMethod_New(f) : NULL;
            Ad_XDECREF(f);
        }
        else
            descr = AdDescr_NewMethod(type, m);
        AdObject *name = NULL;
        if (descr)
            name = (m->ml_flags & AD_METH_STATIC) ? AdStr_InternFromString(m->ml_name)
                                                  : Ad_NewRef(((AdDescrObject *)descr)->d_name);
        if (!name) {
            Ad_XDECREF(descr);
            return -1;
        }
        /* METH_COEXIST methods replace a slot wrapper of the same name. */
        int rc;
        if (m->ml_flags & AD_METH_COEXIST) {
            rc = AdDict_SetItem(type->tp_dict, name, descr);
            Ad_DECREF(descr);
        }
        else
            rc = add_to_dict(type->tp_dict, descr, name);
        Ad_DECREF(name);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int add_members_and_getsets(AdTypeObject *type)
{
    for (AdMemberDef *m = type->tp_members; m && m->name; m++) {
        AdObject *d = AdDescr_NewMember(type, m);
        if (!d || add_to_dict(type->tp_dict, d, ((AdDescrObject *)d)->d_name) < 0)
            return -1;
    }
    for (AdGetSetDef *g = type->tp_getset; g && g->name; g++) {
        AdObject *d = AdDescr_NewGetSet(type, g);
        if (!d || add_to_dict(type->tp_dict, d, ((AdDescrObject *)d)->d_name) < 0)
            return -1;
    }
    return 0;
}

#define INHERIT(slot) if (!type->slot) type->slot = base->slot
#define INHERIT_SUB(table, slot) if (!type->table->slot) type->table->slot = base->table->slot

/* Sub-tables of static types are owned by them; a type without one borrows
 * its base's table, which is only safe because static tables never change. */
static void inherit_subtables(AdTypeObject *type, AdTypeObject *base)
{
    if (base->tp_as_number) {
        if (!type->tp_as_number)
            type->tp_as_number = base->tp_as_number;
        else if (type->tp_as_number != base->tp_as_number) {
            AdNumberMethods *t = type->tp_as_number, *b = base->tp_as_number;
            void (**tp)(void) = (void (**)(void))t;
            void (**bp)(void) = (void (**)(void))b;
            for (size_t i = 0; i < sizeof(AdNumberMethods) / sizeof(void (*)(void)); i++)
                if (!tp[i])
                    tp[i] = bp[i];
        }
    }
    if (base->tp_as_sequence) {
        if (!type->tp_as_sequence)
            type->tp_as_sequence = base->tp_as_sequence;
        else if (type->tp_as_sequence != base->tp_as_sequence) {
            INHERIT_SUB(tp_as_sequence, sq_length);
            INHERIT_SUB(tp_as_sequence, sq_concat);
            INHERIT_SUB(tp_as_sequence, sq_repeat);
            INHERIT_SUB(tp_as_sequence, sq_item);
            INHERIT_SUB(tp_as_sequence, sq_ass_item);
            INHERIT_SUB(tp_as_sequence, sq_contains);
            INHERIT_SUB(tp_as_sequence, sq_inplace_concat);
            INHERIT_SUB(tp_as_sequence, sq_inplace_repeat);
        }
    }
    if (base->tp_as_mapping) {
        if (!type->tp_as_mapping)
            type->tp_as_mapping = base->tp_as_mapping;
        else if (type->tp_as_mapping != base->tp_as_mapping) {
            INHERIT_SUB(tp_as_mapping, mp_length);
            INHERIT_SUB(tp_as_mapping, mp_subscript);
            INHERIT_SUB(tp_as_mapping, mp_ass_subscript);
        }
    }
    if (base->tp_as_async && !type->tp_as_async)
        type->tp_as_async = base->tp_as_async;
    if (base->tp_as_buffer && !type->tp_as_buffer)
        type->tp_as_buffer = base->tp_as_buffer;
}

static void inherit_slots(AdTypeObject *type, AdTypeObject *base)
{
    inherit_subtables(type, base);
    if (!type->tp_basicsize)
        type->tp_basicsize = base->tp_basicsize;
    if (!type->tp_itemsize)
        type->tp_itemsize = base->tp_itemsize;
    INHERIT(tp_dealloc);
    INHERIT(tp_repr);
    INHERIT(tp_call);
    INHERIT(tp_str);
    INHERIT(tp_getattro);
    INHERIT(tp_setattro);
    /* __eq__ and __hash__ go together: a type that defines either keeps
     * its own pair. */
    if (!type->tp_richcompare && !type->tp_hash) {
        type->tp_richcompare = base->tp_richcompare;
        type->tp_hash = base->tp_hash;
    }
    INHERIT(tp_iter);
    INHERIT(tp_iternext);
    INHERIT(tp_descr_get);
    INHERIT(tp_descr_set);
    INHERIT(tp_init);
    INHERIT(tp_alloc);
    INHERIT(tp_new);
    INHERIT(tp_finalize);
    if ((type->tp_flags & AD_TPFLAGS_HAVE_GC) == (base->tp_flags & AD_TPFLAGS_HAVE_GC)) {
        INHERIT(tp_free);
        INHERIT(tp_traverse);
        INHERIT(tp_clear);
    }
    else if (!type->tp_free) {
        type->tp_free = (type->tp_flags & AD_TPFLAGS_HAVE_GC) ? AdObject_GC_Del : AdObject_Free;
    }
    INHERIT(tp_dictoffset);
    INHERIT(tp_weaklistoffset);
    if (!type->tp_vectorcall_offset && (base->tp_flags & AD_TPFLAGS_HAVE_VECTORCALL) &&
        !(type->tp_flags & AD_TPFLAGS_HEAPTYPE) && type->tp_call == base->tp_call) {
        type->tp_vectorcall_offset = base->tp_vectorcall_offset;
        type->tp_flags |= AD_TPFLAGS_HAVE_VECTORCALL;
    }
    /* Subclass bits and pattern-matching flags are inherited. */
    type->tp_flags |= base->tp_flags & (AD_TPFLAGS_LONG_SUBCLASS | AD_TPFLAGS_LIST_SUBCLASS |
        AD_TPFLAGS_TUPLE_SUBCLASS | AD_TPFLAGS_BYTES_SUBCLASS | AD_TPFLAGS_UNICODE_SUBCLASS |
        AD_TPFLAGS_DICT_SUBCLASS | AD_TPFLAGS_BASE_EXC_SUBCLASS | AD_TPFLAGS_TYPE_SUBCLASS |
        AD_TPFLAGS_MATCH_SEQUENCE | AD_TPFLAGS_MATCH_MAPPING);
}

/* tp_subclasses: a list of weak references to the classes that name the
 * type among their bases, in creation order (dead ones are dropped when
 * the subclass is freed). */
static int add_subclass(AdTypeObject *base, AdTypeObject *type)
{
    if (!base->tp_subclasses) {
        base->tp_subclasses = AdList_New(0);
        if (!base->tp_subclasses)
            return -1;
    }
    AdObject *ref = AdWeakref_NewRef((AdObject *)type, NULL);
    if (!ref)
        return -1;
    int rc = AdList_Append(base->tp_subclasses, ref);
    Ad_DECREF(ref);
    return rc;
}

static int add_to_bases(AdTypeObject *type)
{
    AdObject *bases = type->tp_bases;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(bases); i++) {
        AdObject *b = AdTuple_GET_ITEM(bases, i);
        if (AdType_Check(b) && add_subclass((AdTypeObject *)b, type) < 0)
            return -1;
    }
    return 0;
}

void ad_type_drop_dead_subclasses(AdTypeObject *base)
{
    AdObject *subs = base->tp_subclasses;
    if (!subs)
        return;
    for (Ad_ssize_t i = AdList_GET_SIZE(subs) - 1; i >= 0; i--)
        if (!AdWeakref_Peek(AdList_GET_ITEM(subs, i)) && AdList_SetSlice(subs, i, i + 1, NULL) < 0)
            AdErr_Clear();
}

int AdType_Ready(AdTypeObject *type)
{
    if (type->tp_flags & AD_TPFLAGS_READY)
        return 0;
    if (type->tp_flags & AD_TPFLAGS_READYING)
        return 0;           /* a base being readied refers back to us */
    type->tp_flags |= AD_TPFLAGS_READYING;
    /* Static types are immutable, as in CPython (no attribute assignment,
     * no collection flags set by abc registration). */
    if (!(type->tp_flags & AD_TPFLAGS_HEAPTYPE))
        type->tp_flags |= AD_TPFLAGS_IMMUTABLETYPE;

    AdTypeObject *base = type->tp_base;
    if (!base && type != &AdBaseObject_Type)
        base = type->tp_base = &AdBaseObject_Type;
    if (base && AdType_Ready(base) < 0)
        goto error;
    if (!AD_TYPE(type) && base)
        ((AdObject *)type)->ob_type = AD_TYPE(base);
    if (!type->tp_bases) {
        type->tp_bases = base ? AdTuple_Pack(1, (AdObject *)base) : AdTuple_New(0);
        if (!type->tp_bases)
            goto error;
    }
    if (!type->tp_dict) {
        type->tp_dict = AdDict_New();
        if (!type->tp_dict)
            goto error;
    }
    /* The type's own methods and slots go into its dict before inheriting,
     * so that only what it defines itself gets a descriptor here. */
    if (add_methods(type) < 0 || add_members_and_getsets(type) < 0 ||
        ad_slotdefs_add_wrappers(type) < 0)
        goto error;
    if (base)
        inherit_slots(type, base);
    if (!type->tp_free)
        type->tp_free = (type->tp_flags & AD_TPFLAGS_HAVE_GC) ? AdObject_GC_Del : AdObject_Free;
    if (!type->tp_alloc)
        type->tp_alloc = AdType_GenericAlloc;

    /* The MRO of a native type: itself, then its base's MRO. */
    if (!type->tp_mro) {
        Ad_ssize_t n = base ? AdTuple_GET_SIZE(base->tp_mro) : 0;
        AdObject *mro = AdTuple_New(n + 1);
        if (!mro)
            goto error;
        AdTuple_SET_ITEM(mro, 0, Ad_NewRef((AdObject *)type));
        for (Ad_ssize_t i = 0; i < n; i++)
            AdTuple_SET_ITEM(mro, i + 1, Ad_NewRef(AdTuple_GET_ITEM(base->tp_mro, i)));
        type->tp_mro = mro;
    }

    /* __doc__, and __hash__ = None for types that compare but don't hash. */
    AdObject *doc_name = AdStr_InternFromString("__doc__");
    if (!doc_name)
        goto error;
    if (!AdDict_GetItemWithError(type->tp_dict, doc_name)) {
        AdObject *doc = AdDoc_WithoutSignature(type->tp_name, type->tp_doc);
        if (!doc || AdDict_SetItem(type->tp_dict, doc_name, doc) < 0) {
            Ad_XDECREF(doc);
            Ad_DECREF(doc_name);
            goto error;
        }
        Ad_DECREF(doc);
    }
    Ad_DECREF(doc_name);
    if (!type->tp_hash && type->tp_richcompare && type != &AdBaseObject_Type) {
        AdObject *hash_name = AdStr_InternFromString("__hash__");
        int rc = hash_name ? AdDict_SetItem(type->tp_dict, hash_name, Ad_None) : -1;
        Ad_XDECREF(hash_name);
        if (rc < 0)
            goto error;
    }
    if (add_to_bases(type) < 0)
        goto error;

    type->tp_flags = (type->tp_flags & ~AD_TPFLAGS_READYING) | AD_TPFLAGS_READY;
    if (!(type->tp_flags & AD_TPFLAGS_HEAPTYPE)) {
        ad_objects_note_static_type(type);
        /* A static type's dict lives as long as the process and takes no
         * new attributes from Python code, so it is never garbage: the
         * collector need not traverse it at every full collection. Its
         * own descriptors, which refer only to it and to C data, likewise. */
        AdGC_MakeLasting(type->tp_dict);
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (AdDict_Next(type->tp_dict, &pos, &k, &v)) {
            AdTypeObject *vt = AD_TYPE(v);
            if ((vt == &AdMethodDescr_Type || vt == &AdClassMethodDescr_Type || vt == &AdMemberDescr_Type ||
                 vt == &AdGetSetDescr_Type || vt == &AdWrapperDescr_Type) &&
                ((AdDescrObject *)v)->d_type == type)
                AdGC_MakeLasting(v);
        }
    }
    return 0;
error:
    type->tp_flags &= ~AD_TPFLAGS_READYING;
    return -1;
}
