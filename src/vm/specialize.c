/* specialize.c: deciding the specialized form of LOAD_ATTR and STORE_ATTR
 * for a receiver's type and recording it in the instruction's inline
 * cache (layout and guards in vm/specialize.h; the guarded fast paths are
 * in eval.c). */
#include "vm/specialize.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/str.h"
#include "objects/typeobject.h"

static void fail(AdCodeUnit *cache)
{
    cache[0] = VMS_BACKOFF;
    vms_write_u32(cache + 1, 0);
}

/* The class attribute name resolves to (borrowed, may be NULL), with the
 * type's version tag valid afterwards; 0 when the type can't be versioned
 * or uses a custom __getattribute__/__setattr__. */
static unsigned int versioned_lookup(AdTypeObject *tp, AdObject *name, AdObject **descr)
{
    if (!AdStr_CheckExact(name) || !((AdStrObject *)name)->interned)
        return 0;
    *descr = AdType_Lookup(tp, name);
    if (!(tp->tp_flags & AD_TPFLAGS_VALID_VERSION_TAG))
        return 0;
    return tp->tp_version_tag;
}

static int is_slot_member(AdObject *descr)
{
    if (!descr || !Ad_IS_TYPE(descr, &AdMemberDescr_Type))
        return 0;
    AdMemberDef *m = ((AdMemberDescrObject *)descr)->d_member;
    return m->type == AD_T_OBJECT_EX && m->offset > 0 && m->offset < 0xffff;
}

void vm_specialize_load_attr(AdObject *owner, AdObject *name, int is_method, AdCodeUnit *cache)
{
    AdTypeObject *tp = AD_TYPE(owner);
    AdObject *descr = NULL;
    if (tp->tp_getattro != AdObject_GenericGetAttr || AdType_Check(owner)) {
        fail(cache);
        return;
    }
    unsigned int ver = versioned_lookup(tp, name, &descr);
    if (!ver) {
        fail(cache);
        return;
    }
    int kind = VMS_ATTR_NONE;
    if (is_slot_member(descr)) {
        kind = VMS_ATTR_SLOT;
        cache[4] = (AdCodeUnit)((AdMemberDescrObject *)descr)->d_member->offset;
    } else if (is_method && descr &&
               (AdFunction_Check(descr) ||
                AdType_HasFeature(AD_TYPE(descr), AD_TPFLAGS_METHOD_DESCRIPTOR))) {
        kind = VMS_ATTR_METHOD;
        vms_write_ptr(cache + 5, descr);
    } else if (!descr && tp->tp_dictoffset != 0) {
        kind = VMS_ATTR_INSTANCE;
        cache[4] = VMS_NO_HINT;
    }
    if (kind == VMS_ATTR_NONE) {
        fail(cache);
        return;
    }
    cache[3] = (AdCodeUnit)kind;
    vms_write_u32(cache + 1, ver);
    cache[0] = VMS_MISSES;
}

void vm_specialize_store_attr(AdObject *owner, AdObject *name, AdCodeUnit *cache)
{
    AdTypeObject *tp = AD_TYPE(owner);
    AdObject *descr = NULL;
    if (tp->tp_setattro != AdObject_GenericSetAttr || AdType_Check(owner)) {
        fail(cache);
        return;
    }
    unsigned int ver = versioned_lookup(tp, name, &descr);
    if (ver && !descr && tp->tp_dictoffset != 0) {
        cache[3] = VMS_STORE_INSTANCE | VMS_NO_HINT;
        vms_write_u32(cache + 1, ver);
        cache[0] = VMS_MISSES;
        return;
    }
    if (!ver || !is_slot_member(descr) || ((AdMemberDescrObject *)descr)->d_member->offset >= VMS_STORE_INSTANCE ||
        (((AdMemberDescrObject *)descr)->d_member->flags & AD_READONLY)) {
        fail(cache);
        return;
    }
    cache[3] = (AdCodeUnit)((AdMemberDescrObject *)descr)->d_member->offset;
    vms_write_u32(cache + 1, ver);
    cache[0] = VMS_MISSES;
}

void vm_specialize_load_global(AdObject *globals, AdObject *builtins, AdObject *name,
                               AdCodeUnit *cache)
{
    cache[0] = VMS_BACKOFF;
    cache[2] = 0;
    if (!AdDict_CheckExact(globals) || !AdDict_CheckExact(builtins))
        return;
    Ad_ssize_t ix = AdDict_StrKeyIndex(globals, name);
    if (ix >= 0) {
        uint32_t gv = AdDict_KeysVersion(globals);
        if (!gv || ix > 0xffff)
            return;
        cache[1] = (AdCodeUnit)ix;
        cache[3] = 0;
        cache[2] = (AdCodeUnit)gv;
        return;
    }
    if (ix != -1)
        return;
    ix = AdDict_StrKeyIndex(builtins, name);
    if (ix < 0 || ix > 0xffff)
        return;
    uint32_t gv = AdDict_KeysVersion(globals), bv = AdDict_KeysVersion(builtins);
    if (!gv || !bv)
        return;
    cache[1] = (AdCodeUnit)ix;
    cache[3] = (AdCodeUnit)bv;
    cache[2] = (AdCodeUnit)gv;
}
