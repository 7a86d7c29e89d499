/* specialize.h: attribute-access specialization kept in the inline cache
 * units that follow LOAD_ATTR (9 units) and STORE_ATTR (4 units) (and
 * LOAD_GLOBAL's global-name cache, below), with
 * CPython 3.14's layout: unit 0 is the backoff counter, units 1-2 the type
 * version the entry is valid for, then the entry's data (LOAD_ATTR: unit
 * 3 the kind, unit 4 a slot offset, units 5-8 a borrowed descriptor
 * pointer; STORE_ATTR: unit 3 the slot offset or the instance-dict mark). The opcodes
 * themselves are never rewritten, so co_code (which zeroes the caches)
 * is unaffected. A type version changes whenever the class or a base is
 * modified (AdType_Modified), which invalidates every entry for it. */
#ifndef ADDER_VM_SPECIALIZE_H
#define ADDER_VM_SPECIALIZE_H
#include <string.h>
#include "objects/object.h"
#include "objects/code.h"
#include "objects/dict.h"

enum {
    VMS_ATTR_NONE = 0,
    VMS_ATTR_SLOT = 1,          /* __slots__ member: object at offset */
    VMS_ATTR_METHOD = 2,        /* method load: descriptor from the class, no bound method */
    VMS_ATTR_INSTANCE = 3,      /* the instance __dict__ only (no class attribute) */
};
#define VMS_BACKOFF 61
/* Guard misses (another type at the same site) taken on the general path
 * before the entry is made again for the type then seen. */
#define VMS_MISSES 16
/* VMS_ATTR_INSTANCE keeps in unit 4 the entry index where the instance
 * dicts were last seen to hold the name (a hint, checked before use; see
 * AdDict_GetByHint); STORE_ATTR's unit 3 is either a slot offset or
 * VMS_STORE_INSTANCE | such a hint (an instance dict store, no class
 * attribute of that name). */
#define VMS_NO_HINT 0x7fff
#define VMS_STORE_INSTANCE 0x8000

/* The hint for name in the instance dict d (after a general access):
 * its entry index, or VMS_NO_HINT when it has none that fits. */
static inline unsigned int vms_dict_hint(AdObject *d, AdObject *name)
{
    Ad_ssize_t ix = AdDict_StrEntryIndex(d, name);
    return ix >= 0 && ix < VMS_NO_HINT ? (unsigned int)ix : VMS_NO_HINT;
}

static inline uint32_t vms_read_u32(const AdCodeUnit *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 16;
}
static inline void vms_write_u32(AdCodeUnit *p, uint32_t v)
{
    p[0] = (AdCodeUnit)v;
    p[1] = (AdCodeUnit)(v >> 16);
}
static inline AdObject *vms_read_ptr(const AdCodeUnit *p)
{
    AdObject *o;
    memcpy(&o, p, sizeof o);
    return o;
}
static inline void vms_write_ptr(AdCodeUnit *p, AdObject *o)
{
    memcpy(p, &o, sizeof o);
}

/* Fill the cache for owner.name (LOAD_ATTR) / owner.name = v (STORE_ATTR)
 * when a specialized form applies; otherwise leave it unspecialized with
 * the backoff counter set. Never raises. */
void vm_specialize_load_attr(AdObject *owner, AdObject *name, int is_method, AdCodeUnit *cache);
void vm_specialize_store_attr(AdObject *owner, AdObject *name, AdCodeUnit *cache);
/* LOAD_GLOBAL (4 units): unit 0 the backoff counter, unit 1 the entry
 * index, unit 2 the globals' keys version (0: unspecialized), unit 3 the
 * builtins' keys version when the name is a builtin (0: in globals). Any
 * key added to or removed from either dict changes its keys version
 * (objects/dict.h), so a hit needs no lookup at all. */
void vm_specialize_load_global(AdObject *globals, AdObject *builtins, AdObject *name,
                               AdCodeUnit *cache);
#endif
