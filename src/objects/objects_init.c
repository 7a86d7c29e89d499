/* objects_init.c: readying the static types at core initialization, in an
 * order where every type's base and the types the type machinery itself
 * uses (str for names, dict for namespaces, tuple for bases and MROs) come
 * first; and undoing it at finalization step 8. Static types are shared and
 * immortal; what readying gave them (dict, MRO, bases, subclass list) is
 * freed at the end so that the allocator ends with no live block, and a
 * later core init readies them again (with a new hash secret). */
#include "objects/objects.h"

#include <stdlib.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/cell.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/method.h"
#include "objects/namespace.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/union.h"
#include "objects/template.h"
#include "objects/typevarobject.h"
#include "objects/weakref.h"

void ad_errors_init(void);
void ad_errors_fini(void);

static int ready_done;

/* Every static type AdType_Ready readied, in order (malloc'd: it outlives
 * the object allocator's blocks). */
static struct {
    AdTypeObject **types;
    size_t count, cap;
} readied;

void ad_objects_note_static_type(AdTypeObject *type)
{
    if (readied.count == readied.cap) {
        size_t cap = readied.cap ? readied.cap * 2 : 256;
        AdTypeObject **t = realloc(readied.types, cap * sizeof *t);
        if (!t)
            return;     /* not undone at finalization: only memory stays */
        readied.types = t;
        readied.cap = cap;
    }
    readied.types[readied.count++] = type;
}

void ad_objects_fini(void)
{
    /* Types first, most recently readied first: their dicts hold the
     * descriptors, docs and names. What a type inherited stays in its
     * slots, which is what readying it again would compute. */
    for (size_t i = readied.count; i-- > 0;) {
        AdTypeObject *t = readied.types[i];
        AD_CLEAR(t->tp_dict);
        AD_CLEAR(t->tp_subclasses);           /* weak references to the subclasses */
        AD_CLEAR(t->tp_bases);
        AD_CLEAR(t->tp_mro);
        t->tp_version_tag = 0;
        t->tp_flags &= ~(AD_TPFLAGS_READY | AD_TPFLAGS_VALID_VERSION_TAG);
    }
    AdType_EnableMethodCache(0);
    free(readied.types);
    readied.types = NULL;
    readied.count = readied.cap = 0;
    ad_errors_fini();
    ad_float_clear_freelist();
    ad_tuple_clear_freelist();
    ad_int_fini();
    ad_bytes_fini();
    ad_str_fini();
    ready_done = 0;
}

int ad_objects_init(void)
{
    if (ready_done)
        return 0;
    AdTypeObject *const types[] = {
        &AdBaseObject_Type, &AdType_Type, &AdStr_Type, &AdDict_Type, &AdTuple_Type,
        &AdList_Type, &AdInt_Type, &AdBool_Type, &AdNone_Type, &AdNotImplemented_Type,
        &AdEllipsis_Type, &AdMethodDescr_Type, &AdClassMethodDescr_Type, &AdMemberDescr_Type,
        &AdGetSetDescr_Type, &AdWrapperDescr_Type, &AdMethodWrapper_Type, &AdCFunction_Type,
        &AdDictProxy_Type, &AdStaticMethod_Type, &AdClassMethod_Type, &AdCell_Type,
        &AdMethod_Type, &AdSlice_Type, &AdSeqIter_Type, &AdCallIter_Type, &AdGenericAlias_Type,
        &AdTraceback_Type, &AdCode_Type, &AdSet_Type, &AdFrozenSet_Type, &AdBytes_Type,
        &AdByteArray_Type, &AdBytesIter_Type, &AdByteArrayIter_Type, &AdManagedBuffer_Type,
        &AdMemoryView_Type, &AdMemoryViewIter_Type,
        &AdNamespace_Type,
        &AdRange_Type, &AdRangeIter_Type, &AdLongRangeIter_Type, &AdEnum_Type, &AdReversed_Type,
        &AdZip_Type, &AdMap_Type, &AdFilter_Type, &AdModule_Type, &AdProperty_Type, &AdSuper_Type,
        &AdUnion_Type,
        &AdDictKeys_Type, &AdDictValues_Type, &AdDictItems_Type, &AdDictIterKey_Type,
        &AdDictIterValue_Type, &AdDictIterItem_Type, &AdDictRevIterKey_Type, &AdDictRevIterValue_Type,
        &AdDictRevIterItem_Type, &AdSetIter_Type, &AdStrIter_Type, &AdStrAsciiIter_Type,
        &AdListIter_Type, &AdListRevIter_Type, &AdTupleIter_Type, &AdAnextAwaitable_Type,
        &AdTemplate_Type, &AdInterpolation_Type,
        &AdNoDefault_Type, &AdTypeVar_Type, &AdParamSpec_Type, &AdParamSpecArgs_Type, &AdParamSpecKwargs_Type,
        &AdTypeVarTuple_Type, &AdTypeAlias_Type, &AdGeneric_Type,
        &AdWeakref_RefType, &AdWeakref_ProxyType, &AdWeakref_CallableProxyType,
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (AdType_Ready(types[i]) < 0)
            return -1;
    if (ad_exceptions_init() < 0 || ad_int_init() < 0)
        return -1;
    ad_errors_init();
    ready_done = 1;
    return 0;
}
