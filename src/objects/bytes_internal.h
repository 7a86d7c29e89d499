/* bytes_internal.h: what bytes*.c, bytearray*.c and memoryview*.c share
 * and nobody else uses: access to the data of either byte type, result
 * construction of the receiver's kind, the argument converters of the
 * byte methods, and the method table both types expose (bytes_methods.c).
 * Private to those files. */
#ifndef ADDER_OBJECTS_BYTES_INTERNAL_H
#define ADDER_OBJECTS_BYTES_INTERNAL_H

#include "objects/str_internal.h"
#include "objects/bytes.h"

/* The data and length of a bytes or bytearray object (the pointer of a
 * bytearray moves when it is resized: fetch it again after any call that
 * can run Python code). */
static inline char *bytes_data(AdObject *o)
{
    return AdBytes_Check(o) ? AdBytes_AS_STRING(o) : AdByteArray_AS_STRING(o);
}

/* A new object of the receiver's family holding n bytes copied from s
 * (s NULL: uninitialised): an exact bytes for bytes and its subclasses,
 * an exact bytearray for bytearray and its subclasses. New ref. */
AdObject *bytes_new_like(AdObject *self, const char *s, Ad_ssize_t n);

/* A byte value from an int-like argument: 0..255, else ValueError "byte
 * must be in range(0, 256)"; not an integer: TypeError "'T' object cannot
 * be interpreted as an integer". -1 with an exception on failure. */
int bytes_byte_value(AdObject *o);

/* A bytes-like argument of a method: a buffer view (release it), or -1
 * with TypeError "a bytes-like object is required, not 'T'". */
int bytes_get_view(AdObject *o, AdBuffer *view);

/* The methods bytes and bytearray have in common (bytes_methods.c);
 * terminated by a NULL entry. The type-specific tables copy it. */
extern AdMethodDef bytes_common_methods[];
Ad_ssize_t bytes_common_methods_count(void);

/* bytes % args and bytearray % args: the formatted result as raw bytes
 * (new bytes object). */
AdObject *bytes_printf(const char *fmt, Ad_ssize_t len, AdObject *args);

/* bytearray internals used by the shared code. */
AdObject *bytearray_new_empty(Ad_ssize_t size);     /* exact bytearray of size bytes (uninitialised) */

/* The rich comparison of two byte buffers (any bytes-like objects on both
 * sides for bytearray; exact semantics are the callers'). */
AdObject *bytes_compare_buffers(const char *a, Ad_ssize_t la, const char *b, Ad_ssize_t lb, int op);

#endif
