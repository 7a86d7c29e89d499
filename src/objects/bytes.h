/* bytes.h: bytes, the immutable byte string (data stored inline after the
 * header, always NUL-terminated, with a cached hash), and bytearray, its
 * mutable sibling (a growable buffer with a start offset so that deleting
 * from the front is cheap). Both export the buffer protocol, whose generic
 * entry points are declared here too. Files: bytes.c (the type and the
 * buffer protocol), bytes_methods.c (the methods both types share and their
 * tables), bytes_printf.c (b'...' % args), bytearray.c. */
#ifndef ADDER_OBJECTS_BYTES_H
#define ADDER_OBJECTS_BYTES_H
#include "objects/object.h"

typedef struct {
    AdObject_VAR_HEAD;          /* ob_size: number of bytes */
    Ad_hash_t hash;             /* -1 until computed */
    char data[1];               /* ob_size + 1 bytes, NUL-terminated */
} AdBytesObject;

typedef struct {
    AdObject_VAR_HEAD;          /* ob_size: number of bytes */
    Ad_ssize_t alloc;           /* bytes allocated at bytes */
    char *bytes;                /* the allocation (NULL when alloc == 0) */
    char *start;                /* first logical byte, inside bytes (a static
                                 * empty string when nothing is allocated);
                                 * start[ob_size] is always NUL */
    Ad_ssize_t exports;         /* live buffer views: resizing is refused */
} AdByteArrayObject;

extern AdTypeObject AdBytes_Type;
extern AdTypeObject AdByteArray_Type;
/* iter(bytes) and iter(bytearray): bytes_iterator, bytearray_iterator. */
extern AdTypeObject AdBytesIter_Type, AdByteArrayIter_Type;
#define AdBytes_Check(o) AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_BYTES_SUBCLASS)
#define AdBytes_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdBytes_Type)
#define AdBytes_AS_STRING(o) (((AdBytesObject *)(o))->data)
#define AdBytes_GET_SIZE(o) AD_SIZE(o)
#define AdByteArray_Check(o) AdObject_TypeCheck(o, &AdByteArray_Type)
#define AdByteArray_AS_STRING(o) (((AdByteArrayObject *)(o))->start)
#define AdByteArray_GET_SIZE(o) AD_SIZE(o)

/* A new bytes object of size bytes copied from s (s NULL: uninitialised,
 * to be filled before anyone else sees it). New ref or NULL. The empty
 * bytes and the 256 one-byte bytes are cached immortals. */
AdObject *AdBytes_FromStringAndSize(const char *s, Ad_ssize_t size);
/* Finalization step 8: frees the empty bytes and the 1-byte cache. */
void ad_bytes_fini(void);
AdObject *AdBytes_FromString(const char *s);
/* Shrinks or grows a bytes object that nobody else has seen yet; *pv may
 * move; on failure it is released and set to NULL. 0 or -1. */
int AdBytes_Resize(AdObject **pv, Ad_ssize_t newsize);
/* bytes(o) for a buffer exporter / iterable of ints. New ref. */
AdObject *AdBytes_FromObject(AdObject *o);
/* repr(b) with Python's quote choice (smartquotes) and escapes. */
AdObject *AdBytes_Repr(AdObject *b, int smartquotes);

/* bytearray (bytearray.c): a new bytearray holding a copy of size bytes
 * of s (s NULL: uninitialised). New ref. AdByteArray_Resize sets the
 * logical size with over-allocation; it fails with BufferError "Existing
 * exports of data: object cannot be re-sized" while views are exported. */
AdObject *AdByteArray_FromStringAndSize(const char *s, Ad_ssize_t size);
int AdByteArray_Resize(AdObject *ba, Ad_ssize_t size);

/* The buffer protocol. AdObject_GetBuffer fills view (taking a ref to o in
 * view->obj) or raises TypeError "a bytes-like object is required, not
 * 'T'"; release with AdBuffer_Release. The request flags have CPython's
 * values: SIMPLE asks for contiguous unsigned bytes (format NULL, no
 * shape/strides); FORMAT, ND and STRIDES ask for those fields (a
 * memoryview exporter refuses SIMPLE/ND requests with BufferError
 * "memoryview: underlying buffer is not C-contiguous" when it is not);
 * WRITABLE fails on read-only exporters ("Object is not writable."). */
enum { AD_BUF_SIMPLE = 0, AD_BUF_WRITABLE = 1, AD_BUF_FORMAT = 4, AD_BUF_ND = 8,
       AD_BUF_STRIDES = 16 | 8,
       /* everything a consumer that copies items can take (memoryview, bytes()) */
       AD_BUF_FULL_RO = 4 | 16 | 8 };
/* Copies the bytes of any (possibly strided, multi-dimensional) buffer in
 * C order to dst (view->len bytes). */
void AdBuffer_ToContiguous(char *dst, const AdBuffer *view);
/* 1 when the buffer's items are laid out contiguously in C order. */
int AdBuffer_IsCContiguous(const AdBuffer *view);
int AdObject_GetBuffer(AdObject *o, AdBuffer *view, int flags);
void AdBuffer_Release(AdBuffer *view);
/* Fills a view over buf for an exporter (what bf_getbuffer usually calls). */
int AdBuffer_FillInfo(AdBuffer *view, AdObject *o, void *buf, Ad_ssize_t len, int readonly, int flags);

#endif
