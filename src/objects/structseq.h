/* structseq.h: struct sequences, the named-tuple-like types that native
 * modules return (sys.flags, sys.version_info, sys.float_info, os.stat_result,
 * time.struct_time, ...). An instance is a tuple subclass whose first
 * n_in_sequence fields are the tuple's items (len(), indexing, comparison,
 * hashing) and whose remaining fields are hidden: reachable only by name.
 * Fields may be unnamed (AdStructSeq_UnnamedField): present in the tuple,
 * with no attribute. The types have n_sequence_fields, n_fields,
 * n_unnamed_fields and __match_args__, a repr "mod.name(a=1, b=2)",
 * __reduce__ and __replace__ (copy.replace), and, unless made
 * non-instantiable, a constructor T(sequence, dict=None). */
#ifndef ADDER_OBJECTS_STRUCTSEQ_H
#define ADDER_OBJECTS_STRUCTSEQ_H
#include "objects/object.h"
#include "objects/tuple.h"

typedef struct {
    const char *name;           /* AdStructSeq_UnnamedField for an unnamed field */
    const char *doc;
} AdStructSeqField;

typedef struct {
    const char *name;           /* tp_name: "sys.flags", "os.stat_result" */
    const char *doc;
    const AdStructSeqField *fields;   /* terminated by {NULL, NULL} */
    int n_in_sequence;          /* how many fields the tuple shows */
} AdStructSeqDesc;

/* The name of unnamed fields ("unnamed field"); compare by pointer. */
extern const char *const AdStructSeq_UnnamedField;

/* Flags for AdStructSeq_InitType. */
enum {
    AD_STRUCTSEQ_DISALLOW_NEW = 1,  /* T() raises "cannot create 'T' instances" */
};

/* Makes *type (zero-filled, typically a static AdTypeObject) a struct
 * sequence type described by desc (which must outlive the type) and
 * readies it. Calling it again on a readied type does nothing. 0, or -1
 * with an exception. */
int AdStructSeq_InitType(AdTypeObject *type, const AdStructSeqDesc *desc, int flags);

/* A new instance with every field NULL; fill all of them with
 * AdStructSeq_SET_ITEM before anyone else sees it. New ref or NULL. */
AdObject *AdStructSeq_New(AdTypeObject *type);

/* Field i (0 <= i < n_fields): SET steals v (new instances only); GET is
 * borrowed. */
#define AdStructSeq_SET_ITEM(o, i, v) (((AdTupleObject *)(o))->items[i] = (v))
#define AdStructSeq_GET_ITEM(o, i) (((AdTupleObject *)(o))->items[i])

/* The number of fields (visible and hidden) of a struct sequence type. */
Ad_ssize_t AdStructSeq_NumFields(AdTypeObject *type);

#endif
