/* memoryview.h: memoryview, a view of another object's buffer (bytes,
 * bytearray, array, ...) without copying: one-dimensional views with a
 * struct-module item format (B b c h H i I l L q Q n N f d ? P e), slices
 * with any step, casts between formats (and to shapes), item reads and
 * writes, comparison by value, hashing of read-only byte views, release()
 * and the context-manager protocol. A view keeps its exporter's buffer
 * (and so its export count) until it is released or freed. */
#ifndef ADDER_OBJECTS_MEMORYVIEW_H
#define ADDER_OBJECTS_MEMORYVIEW_H
#include "objects/object.h"

#define AD_MEMORYVIEW_MAXDIM 64

/* The exporter's buffer, shared by a view and the views sliced or cast
 * from it (reference counted by the views that use it). */
typedef struct {
    AdObject_HEAD;
    AdBuffer master;            /* as obtained from the exporter; released
                                 * when the last view drops its reference */
} AdManagedBufferObject;

typedef struct {
    AdObject_VAR_HEAD;          /* ob_size: unused (0) */
    AdManagedBufferObject *mbuf;    /* NULL once released */
    Ad_hash_t hash;             /* -1 until computed */
    int flags;                  /* AD_MV_* */
    Ad_ssize_t exports;         /* buffers exported from this view */
    AdBuffer view;              /* this view's geometry (view.obj: the exporter) */
    char format[16];            /* storage for view.format */
    Ad_ssize_t shape[AD_MEMORYVIEW_MAXDIM];
    Ad_ssize_t strides[AD_MEMORYVIEW_MAXDIM];
    AdObject *weakreflist;      /* objects/weakref.h */
} AdMemoryViewObject;

enum { AD_MV_RELEASED = 1, AD_MV_C = 2, AD_MV_F = 4, AD_MV_SCALAR = 8 };

extern AdTypeObject AdMemoryView_Type, AdManagedBuffer_Type, AdMemoryViewIter_Type;
#define AdMemoryView_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdMemoryView_Type)

/* memoryview(o): a view of o's buffer (TypeError "memoryview: a
 * bytes-like object is required, not 'T'"). New ref. */
AdObject *AdMemoryView_FromObject(AdObject *o);
/* A view of raw memory owned by the caller (which must outlive it);
 * readonly 1 or 0. New ref. */
AdObject *AdMemoryView_FromMemory(char *mem, Ad_ssize_t size, int readonly);
/* The view's buffer description (borrowed; valid while the view lives). */
AdBuffer *AdMemoryView_GET_BUFFER(AdObject *mv);
/* Contiguous bytes of any buffer exporter in C order (new bytes). */
AdObject *AdMemoryView_GetContiguousBytes(AdObject *o);

/* The size in bytes of one item of a struct-module format with native
 * alignment ("B", "<i", "@d", ...), or -1 when the format is not one a
 * memoryview handles (no exception set). */
Ad_ssize_t AdMemoryView_FormatSize(const char *format);

#endif
