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

/* The method tables of bytes and bytearray (bytes_methods.c): the shared
 * methods, then each type's own (defined in bytes.c and bytearray.c and
 * listed here so that one file holds both tables). */
extern AdMethodDef ad_bytes_methods[];
extern AdMethodDef ad_bytearray_methods[];
AdObject *bytes_dunder_bytes(AdObject *self, AdObject *unused);
AdObject *bytes_getnewargs(AdObject *self, AdObject *unused);
AdObject *bytearray_m_alloc(AdObject *self, AdObject *unused);
AdObject *bytearray_m_append(AdObject *self, AdObject *item);
AdObject *bytearray_m_clear(AdObject *self, AdObject *unused);
AdObject *bytearray_m_copy(AdObject *self, AdObject *unused);
AdObject *bytearray_m_extend(AdObject *self, AdObject *iterable);
AdObject *bytearray_m_insert(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);
AdObject *bytearray_m_pop(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);
AdObject *bytearray_m_remove(AdObject *self, AdObject *value);
AdObject *bytearray_m_reverse(AdObject *self, AdObject *unused);
AdObject *bytearray_m_resize(AdObject *self, AdObject *size);
AdObject *bytearray_m_reduce(AdObject *self, AdObject *unused);
AdObject *bytearray_m_reduce_ex(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);
AdObject *bytearray_m_sizeof(AdObject *self, AdObject *unused);
/* __buffer__(flags) and __release_buffer__(view) (memoryview.c). */
AdObject *bytes_dunder_buffer(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);
AdObject *bytes_dunder_release_buffer(AdObject *self, AdObject *view);
#define BYTEARRAY_METHODS \
    {"__buffer__", (void (*)(void))bytes_dunder_buffer, AD_METH_FASTCALL, "Return a buffer object that exposes the underlying memory of the object."}, \
    {"__release_buffer__", (void (*)(void))bytes_dunder_release_buffer, AD_METH_O, "Release the buffer object that exposes the underlying memory of the object."}, \
    {"__alloc__", (void (*)(void))bytearray_m_alloc, AD_METH_NOARGS, "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."}, \
    {"__reduce__", (void (*)(void))bytearray_m_reduce, AD_METH_NOARGS, "Return state information for pickling."}, \
    {"__reduce_ex__", (void (*)(void))bytearray_m_reduce_ex, AD_METH_FASTCALL, "Return state information for pickling."}, \
    {"__sizeof__", (void (*)(void))bytearray_m_sizeof, AD_METH_NOARGS, "Returns the size of the bytearray object in memory, in bytes."}, \
    {"append", (void (*)(void))bytearray_m_append, AD_METH_O, "Append a single item to the end of the bytearray."}, \
    {"clear", (void (*)(void))bytearray_m_clear, AD_METH_NOARGS, "Remove all items from the bytearray."}, \
    {"copy", (void (*)(void))bytearray_m_copy, AD_METH_NOARGS, "Return a copy of B."}, \
    {"extend", (void (*)(void))bytearray_m_extend, AD_METH_O, "Append all the items from the iterator or sequence to the end of the bytearray."}, \
    {"insert", (void (*)(void))bytearray_m_insert, AD_METH_FASTCALL, "Insert a single item into the bytearray before the given index."}, \
    {"pop", (void (*)(void))bytearray_m_pop, AD_METH_FASTCALL, "Remove and return a single item from B.\n\nIf no index argument is given, will pop the last item."}, \
    {"remove", (void (*)(void))bytearray_m_remove, AD_METH_O, "Remove the first occurrence of a value in the bytearray."}, \
    {"resize", (void (*)(void))bytearray_m_resize, AD_METH_O, "Resize the internal buffer of bytearray to len."}, \
    {"reverse", (void (*)(void))bytearray_m_reverse, AD_METH_NOARGS, "Reverse the order of the values in B in place."},

/* bytes.hex() over raw data (shared with bytearray and memoryview): sep and
 * bytes_per_sep may be NULL. New str. */
AdObject *bytes_hex_impl(const char *data, Ad_ssize_t n, AdObject *sep, AdObject *per_sep);

/* str_parse_args with CPython 3.14's suggestion for a misspelt keyword
 * ("... unexpected keyword argument 'encodin'. Did you mean 'encoding'?"). */
int bytes_parse_args(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                     const char *const *names, int npos_only, int nrequired, AdObject **out);

/* bytes % args and bytearray % args: the formatted result as raw bytes
 * (new bytes object). */
AdObject *bytes_printf(const char *fmt, Ad_ssize_t len, AdObject *args);

/* Encoding arguments of bytes()/bytearray() as C strings (defaults
 * "utf-8", "strict"), or -1 with "NAME() argument 'encoding' must be str,
 * not T". */
int bytes_encoding_args(const char *fname, AdObject *encoding, AdObject *errors,
                        const char **enc, const char **err);

/* bytearray internals used by the shared code. */
AdObject *bytearray_new_empty(Ad_ssize_t size);     /* exact bytearray of size bytes (uninitialised) */

/* The rich comparison of two byte buffers (any bytes-like objects on both
 * sides for bytearray; exact semantics are the callers'). */
AdObject *bytes_compare_buffers(const char *a, Ad_ssize_t la, const char *b, Ad_ssize_t lb, int op);

#endif
