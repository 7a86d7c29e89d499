/* marshal.h -- CPython's marshal format, version 5 (public contract).
 *
 * Owns: serializing the values a code object is made of (None, True,
 * False, Ellipsis, StopIteration, int of any size, float, complex, str,
 * bytes, tuple, list, dict, set, frozenset, slice, code objects) to the
 * byte format CPython 3.14 writes in .pyc files and `marshal.dumps`, and
 * reading it back.  Objects met twice are written once and referenced
 * (FLAG_REF / TYPE_REF), as CPython does from version 3 on.
 */
#ifndef ADDER_COMPILER_MARSHAL_H
#define ADDER_COMPILER_MARSHAL_H

#include "objects/object.h"

#define AD_MARSHAL_VERSION 5

/* bytes holding OBJ in marshal format VERSION (0..5); NULL with
 * ValueError "unmarshallable object" for an unsupported type. */
AdObject *AdMarshal_Dumps(AdObject *obj, int version);

/* The object in DATA[0..LEN) (new reference), or NULL with EOFError /
 * ValueError ("bad marshal data (...)") set.  *USED, if not NULL, gets the
 * number of bytes consumed. */
AdObject *AdMarshal_Loads(const char *data, Ad_ssize_t len, Ad_ssize_t *used);

#endif /* ADDER_COMPILER_MARSHAL_H */
