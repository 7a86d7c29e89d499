/* memoryview.c: memoryview over any buffer exporter. The exporter's
 * buffer is held by a managed buffer object that every view sliced, cast
 * or copied from the first one shares; it is given back when the last of
 * them is released. A view has its own geometry (format, itemsize, shape,
 * strides, start pointer), so slices with steps and casts never copy.
 * Items are read and written by the native single-character struct
 * formats. Also the generic buffer helpers AdBuffer_ToContiguous and
 * AdBuffer_IsCContiguous. */
#include "objects/bytes_internal.h"
#if STR_KERNEL_READY
#include <math.h>
#include <stdio.h>
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/memoryview.h"
#include "objects/abstract.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"
#include "numeric/hash.h"

#define MV(o) ((AdMemoryViewObject *)(o))

/* ---- generic buffer helpers ------------------------------------------------------ */

int AdBuffer_IsCContiguous(const AdBuffer *v)
{
    if (!v->strides || !v->shape || v->ndim <= 1) {
        if (v->ndim == 1 && v->strides && v->shape)
            return v->shape[0] == 1 || v->strides[0] == v->itemsize;
        return 1;
    }
    if (v->len == 0)
        return 1;
    Ad_ssize_t sd = v->itemsize;
    for (int i = v->ndim - 1; i >= 0; i--) {
        if (v->shape[i] == 0)
            return 1;
        if (v->shape[i] > 1 && v->strides[i] != sd)
            return 0;
        sd *= v->shape[i];
    }
    return 1;
}

static int is_f_contiguous(const AdBuffer *v)
{
    if (!v->strides || !v->shape)
        return v->ndim <= 1;
    if (v->ndim == 1)
        return v->shape[0] == 1 || v->strides[0] == v->itemsize;
    if (v->len == 0)
        return 1;
    Ad_ssize_t sd = v->itemsize;
    for (int i = 0; i < v->ndim; i++) {
        if (v->shape[i] == 0)
            return 1;
        if (v->shape[i] > 1 && v->strides[i] != sd)
            return 0;
        sd *= v->shape[i];
    }
    return 1;
}

static void copy_dim(char **dst, const char *src, const AdBuffer *v, int dim)
{
    Ad_ssize_t n = v->shape[dim], st = v->strides[dim];
    if (dim == v->ndim - 1) {
        for (Ad_ssize_t i = 0; i < n; i++) {
            memcpy(*dst, src + i * st, (size_t)v->itemsize);
            *dst += v->itemsize;
        }
        return;
    }
    for (Ad_ssize_t i = 0; i < n; i++)
        copy_dim(dst, src + i * st, v, dim + 1);
}

void AdBuffer_ToContiguous(char *dst, const AdBuffer *v)
{
    if (!v->strides || !v->shape || v->ndim == 0 || AdBuffer_IsCContiguous(v)) {
        memcpy(dst, v->buf, (size_t)v->len);
        return;
    }
    copy_dim(&dst, v->buf, v, 0);
}

/* ---- formats ------------------------------------------------------------------------- */

/* The native format character of fmt ("B", "@h"), or 0. */
static char native_char(const char *fmt)
{
    if (!fmt)
        return 'B';
    if (fmt[0] == '@')
        fmt++;
    if (!fmt[0] || fmt[1])
        return 0;
    return strchr("cbB?hHiIlLqQnNfdeP", fmt[0]) ? fmt[0] : 0;
}

static Ad_ssize_t char_size(char c)
{
    switch (c) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return (Ad_ssize_t)sizeof(long);
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': return (Ad_ssize_t)sizeof(size_t);
    case 'P': return (Ad_ssize_t)sizeof(void *);
    default: return -1;
    }
}

Ad_ssize_t AdMemoryView_FormatSize(const char *format)
{
    char c = native_char(format);
    return c ? char_size(c) : -1;
}

static int is_byte_format(const char *fmt)
{
    char c = native_char(fmt);
    return c == 'B' || c == 'b' || c == 'c';
}

/* IEEE 754 half precision to and from double. */
static double half_to_double(uint16_t h)
{
    int sign = h >> 15, exp = (h >> 10) & 0x1F, mant = h & 0x3FF;
    double v;
    if (exp == 0)
        v = ldexp((double)mant, -24);
    else if (exp == 31)
        v = mant ? NAN : INFINITY;
    else
        v = ldexp((double)(mant | 0x400), exp - 25);
    return sign ? -v : v;
}

static int double_to_half(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        *out = sign | 0x7E00;
        return 0;
    }
    double a = fabs(x);
    if (isinf(x)) {
        *out = sign | 0x7C00;
        return 0;
    }
    if (a >= 65520.0) {
        AdErr_SetString(AdExc_OverflowError, "float too large to pack with e format");
        return -1;
    }
    int e;
    double m = frexp(a, &e);        /* a = m * 2^e, 0.5 <= m < 1 */
    if (a == 0.0) {
        *out = sign;
        return 0;
    }
    int hexp = e - 1 + 15;
    uint32_t bits;
    if (hexp <= 0) {
        /* subnormal: value / 2^-24, rounded half to even */
        double q = ldexp(a, 24);
        double r = nearbyint(q);
        bits = (uint32_t)r;
    } else {
        double q = ldexp(m, 11);        /* 1024 <= q < 2048 */
        double r = nearbyint(q);
        uint32_t mant = (uint32_t)r;
        if (mant == 2048) {
            mant = 1024;
            hexp++;
        }
        if (hexp >= 31) {
            AdErr_SetString(AdExc_OverflowError, "float too large to pack with e format");
            return -1;
        }
        bits = ((uint32_t)hexp << 10) | (mant & 0x3FF);
    }
    *out = (uint16_t)(sign | bits);
    return 0;
}

static AdObject *unpack_item(const char *p, char fc)
{
    switch (fc) {
    case 'B': return AdInt_FromInt64(*(const unsigned char *)p);
    case 'b': return AdInt_FromInt64(*(const signed char *)p);
    case 'c': return AdBytes_FromStringAndSize(p, 1);
    case '?': return AdBool_FromLong(*(const unsigned char *)p != 0);
    case 'h': { int16_t v; memcpy(&v, p, 2); return AdInt_FromInt64(v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return AdInt_FromInt64(v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return AdInt_FromInt64(v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return AdInt_FromInt64(v); }
    case 'l': { long v; memcpy(&v, p, sizeof v); return AdInt_FromInt64(v); }
    case 'L': { unsigned long v; memcpy(&v, p, sizeof v); return AdInt_FromUInt64(v); }
    case 'q': { int64_t v; memcpy(&v, p, 8); return AdInt_FromInt64(v); }
    case 'Q': { uint64_t v; memcpy(&v, p, 8); return AdInt_FromUInt64(v); }
    case 'n': { Ad_ssize_t v; memcpy(&v, p, sizeof v); return AdInt_FromSsize_t(v); }
    case 'N': { size_t v; memcpy(&v, p, sizeof v); return AdInt_FromUInt64(v); }
    case 'P': { uintptr_t v; memcpy(&v, p, sizeof v); return AdInt_FromUInt64(v); }
    case 'f': { float v; memcpy(&v, p, 4); return AdFloat_FromDouble(v); }
    case 'd': { double v; memcpy(&v, p, 8); return AdFloat_FromDouble(v); }
    case 'e': { uint16_t v; memcpy(&v, p, 2); return AdFloat_FromDouble(half_to_double(v)); }
    default: break;
    }
    AdErr_Format(AdExc_NotImplementedError, "memoryview: format %c not supported", fc);
    return NULL;
}

static AdObject *format_error(AdObject *exc, const char *what, char fc)
{
    return AdErr_Format(exc, "memoryview: invalid %s for format '%c'", what, fc);
}

static int pack_item(char *p, char fc, AdObject *v)
{
    if (fc == '?') {
        int t = AdObject_IsTrue(v);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    if (fc == 'c') {
        if (!AdBytes_Check(v)) {
            format_error(AdExc_TypeError, "type", fc);
            return -1;
        }
        if (AD_SIZE(v) != 1) {
            format_error(AdExc_ValueError, "value", fc);
            return -1;
        }
        *p = AdBytes_AS_STRING(v)[0];
        return 0;
    }
    if (fc == 'f' || fc == 'd' || fc == 'e') {
        if (!str_is_float(v) && !AdInt_Check(v) &&
            !(AD_TYPE(v)->tp_as_number && (AD_TYPE(v)->tp_as_number->nb_float ||
                                           AD_TYPE(v)->tp_as_number->nb_index))) {
            format_error(AdExc_TypeError, "type", fc);
            return -1;
        }
        double d;
        if (str_number_double(v, &d) < 0)
            return -1;
        if (fc == 'd') {
            memcpy(p, &d, 8);
        } else if (fc == 'f') {
            float f = (float)d;
            memcpy(p, &f, 4);
        } else {
            uint16_t h;
            if (double_to_half(d, &h) < 0) {
                AdErr_Clear();
                format_error(AdExc_ValueError, "value", fc);
                return -1;
            }
            memcpy(p, &h, 2);
        }
        return 0;
    }
    if (!str_has_index(v)) {
        format_error(AdExc_TypeError, "type", fc);
        return -1;
    }
    AdObject *iv = AdNumber_Index(v);
    if (!iv)
        return -1;
    int64_t x = 0;
    uint64_t ux = 0;
    int fits_signed = AdInt_AsInt64Exact(iv, &x);
    int neg = AdInt_Sign(iv) < 0, fits_unsigned = 0;
    if (!neg) {
        if (fits_signed) {
            ux = (uint64_t)x;
            fits_unsigned = 1;
        } else if (AD_SIZE(iv) == 1) {
            ux = ((AdIntObject *)iv)->limbs[0];
            fits_unsigned = 1;
        }
    }
    Ad_DECREF(iv);
    int ok;
    switch (fc) {
    case 'b': ok = fits_signed && x >= -128 && x <= 127; break;
    case 'B': ok = fits_unsigned && ux <= 255; break;
    case 'h': ok = fits_signed && x >= INT16_MIN && x <= INT16_MAX; break;
    case 'H': ok = fits_unsigned && ux <= UINT16_MAX; break;
    case 'i': ok = fits_signed && x >= INT32_MIN && x <= INT32_MAX; break;
    case 'I': ok = fits_unsigned && ux <= UINT32_MAX; break;
    case 'l': case 'q': case 'n': ok = fits_signed; break;
    default: ok = fits_unsigned; break;     /* L Q N P */
    }
    if (!ok) {
        format_error(AdExc_ValueError, "value", fc);
        return -1;
    }
    switch (fc) {
    case 'b': case 'B': *p = (char)(fc == 'b' ? (uint8_t)(int8_t)x : (uint8_t)ux); break;
    case 'h': { int16_t t = (int16_t)x; memcpy(p, &t, 2); break; }
    case 'H': { uint16_t t = (uint16_t)ux; memcpy(p, &t, 2); break; }
    case 'i': { int32_t t = (int32_t)x; memcpy(p, &t, 4); break; }
    case 'I': { uint32_t t = (uint32_t)ux; memcpy(p, &t, 4); break; }
    case 'l': { long t = (long)x; memcpy(p, &t, sizeof t); break; }
    case 'L': { unsigned long t = (unsigned long)ux; memcpy(p, &t, sizeof t); break; }
    case 'q': memcpy(p, &x, 8); break;
    case 'Q': memcpy(p, &ux, 8); break;
    case 'n': { Ad_ssize_t t = (Ad_ssize_t)x; memcpy(p, &t, sizeof t); break; }
    case 'N': { size_t t = (size_t)ux; memcpy(p, &t, sizeof t); break; }
    default: { uintptr_t t = (uintptr_t)ux; memcpy(p, &t, sizeof t); break; }
    }
    return 0;
}

/* ---- managed buffer --------------------------------------------------------------------- */

static void mbuf_dealloc(AdObject *o)
{
    AdManagedBufferObject *m = (AdManagedBufferObject *)o;
    AdObject_GC_UnTrack(o);
    AdBuffer_Release(&m->master);
    AdObject_GC_Del(o);
}

static int mbuf_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdManagedBufferObject *m = (AdManagedBufferObject *)o;
    if (m->master.obj)
        return visit(m->master.obj, arg);
    return 0;
}

static int mbuf_clear(AdObject *o)
{
    AdBuffer_Release(&((AdManagedBufferObject *)o)->master);
    return 0;
}

AdTypeObject AdManagedBuffer_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(AdManagedBufferObject),
    .tp_dealloc = mbuf_dealloc,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = mbuf_traverse,
    .tp_clear = mbuf_clear,
};

/* ---- views ------------------------------------------------------------------------------ */

static int check_released(AdObject *o)
{
    if (!MV(o)->mbuf) {
        AdErr_SetString(AdExc_ValueError, "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

#define CHECK_RELEASED(o) do { if (check_released(o) < 0) return NULL; } while (0)
#define CHECK_RELEASED_INT(o) do { if (check_released(o) < 0) return -1; } while (0)

static void set_format(AdMemoryViewObject *mv, const char *fmt)
{
    snprintf(mv->format, sizeof mv->format, "%s", fmt ? fmt : "B");
    mv->view.format = mv->format;
}

static void update_flags(AdMemoryViewObject *mv)
{
    mv->flags &= ~(AD_MV_C | AD_MV_F | AD_MV_SCALAR);
    if (mv->view.ndim == 0)
        mv->flags |= AD_MV_C | AD_MV_F | AD_MV_SCALAR;
    else {
        if (AdBuffer_IsCContiguous(&mv->view))
            mv->flags |= AD_MV_C;
        if (is_f_contiguous(&mv->view))
            mv->flags |= AD_MV_F;
    }
}

/* A new view on mbuf (a reference is taken) with src's geometry. */
static AdMemoryViewObject *mv_new(AdManagedBufferObject *mbuf, const AdBuffer *src)
{
    AdMemoryViewObject *mv = (AdMemoryViewObject *)AdObject_GC_New(&AdMemoryView_Type);
    if (!mv)
        return NULL;
    mv->ob_base.ob_size = 0;
    mv->mbuf = (AdManagedBufferObject *)Ad_NewRef((AdObject *)mbuf);
    mv->hash = -1;
    mv->flags = 0;
    mv->weakreflist = NULL;
    mv->exports = 0;
    mv->view = *src;
    mv->view.obj = Ad_XNewRef(src->obj);
    mv->view.internal = NULL;
    mv->view.suboffsets = NULL;
    set_format(mv, src->format);
    if (mv->view.itemsize <= 0)
        mv->view.itemsize = 1;
    int nd = src->ndim;
    if (nd < 0 || nd > AD_MEMORYVIEW_MAXDIM)
        nd = 1;
    mv->view.ndim = nd;
    if (nd == 1 && !src->shape)
        mv->shape[0] = src->len / mv->view.itemsize;
    else
        for (int i = 0; i < nd; i++)
            mv->shape[i] = src->shape[i];
    if (src->strides && src->shape)
        for (int i = 0; i < nd; i++)
            mv->strides[i] = src->strides[i];
    else {
        Ad_ssize_t sd = mv->view.itemsize;
        for (int i = nd - 1; i >= 0; i--) {
            mv->strides[i] = sd;
            sd *= mv->shape[i];
        }
    }
    mv->view.shape = mv->shape;
    mv->view.strides = mv->strides;
    update_flags(mv);
    AdObject_GC_Track((AdObject *)mv);
    return mv;
}

static AdManagedBufferObject *mbuf_from_object(AdObject *o, int flags)
{
    AdManagedBufferObject *m = (AdManagedBufferObject *)AdObject_GC_New(&AdManagedBuffer_Type);
    if (!m)
        return NULL;
    memset(&m->master, 0, sizeof m->master);
    if (AdObject_GetBuffer(o, &m->master, flags) < 0) {
        m->master.obj = NULL;
        AdObject_GC_Del(m);
        return NULL;
    }
    AdObject_GC_Track((AdObject *)m);
    return m;
}

AdObject *AdMemoryView_FromObject(AdObject *o)
{
    if (AdMemoryView_Check(o)) {
        CHECK_RELEASED(o);
        return (AdObject *)mv_new(MV(o)->mbuf, &MV(o)->view);
    }
    if (!str_is_bytes_like(o))
        return AdErr_Format(AdExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                            str_tname(o));
    AdManagedBufferObject *m = mbuf_from_object(o, AD_BUF_FULL_RO);
    if (!m)
        return NULL;
    AdObject *r = (AdObject *)mv_new(m, &m->master);
    Ad_DECREF((AdObject *)m);
    return r;
}

AdObject *AdMemoryView_FromMemory(char *mem, Ad_ssize_t size, int readonly)
{
    AdManagedBufferObject *m = (AdManagedBufferObject *)AdObject_GC_New(&AdManagedBuffer_Type);
    if (!m)
        return NULL;
    memset(&m->master, 0, sizeof m->master);
    AdBuffer_FillInfo(&m->master, NULL, mem, size, readonly, AD_BUF_FULL_RO);
    m->master.shape = NULL;
    m->master.strides = NULL;
    AdObject_GC_Track((AdObject *)m);
    AdObject *r = (AdObject *)mv_new(m, &m->master);
    Ad_DECREF((AdObject *)m);
    return r;
}

AdBuffer *AdMemoryView_GET_BUFFER(AdObject *mv) { return &MV(mv)->view; }

AdObject *AdMemoryView_GetContiguousBytes(AdObject *o)
{
    AdBuffer v;
    if (AdObject_GetBuffer(o, &v, AD_BUF_FULL_RO) < 0)
        return NULL;
    AdObject *r = AdBytes_FromStringAndSize(NULL, v.len);
    if (r)
        AdBuffer_ToContiguous(AdBytes_AS_STRING(r), &v);
    AdBuffer_Release(&v);
    return r;
}

/* ---- __buffer__ / __release_buffer__ (PEP 688) ------------------------------------------ */

/* obj.__buffer__(flags): a memoryview of obj's buffer requested with flags. */
static AdObject *buffer_with_flags(AdObject *self, AdObject *flagsobj)
{
    if (!str_has_index(flagsobj))
        return AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            str_tname(flagsobj));
    Ad_ssize_t flags = str_as_ssize(flagsobj, AdExc_OverflowError);
    if (flags == -1 && AdErr_Occurred())
        return NULL;
    if (flags > INT32_MAX || flags < INT32_MIN) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    AdManagedBufferObject *m = mbuf_from_object(self, (int)flags);
    if (!m)
        return NULL;
    AdObject *r = (AdObject *)mv_new(m, &m->master);
    Ad_DECREF((AdObject *)m);
    return r;
}

AdObject *bytes_dunder_buffer(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (str_check_positional("__buffer__", nargs, 1, 1) < 0)
        return NULL;
    return buffer_with_flags(self, args[0]);
}

static AdObject *m_release(AdObject *self, AdObject *unused);

/* obj.__release_buffer__(view): releases a view of obj made by __buffer__. */
AdObject *bytes_dunder_release_buffer(AdObject *self, AdObject *view)
{
    if (!AdMemoryView_Check(view))
        return AdErr_Format(AdExc_TypeError, "expected a memoryview object");
    if (MV(view)->mbuf && MV(view)->view.obj != self) {
        AdErr_SetString(AdExc_ValueError, "memoryview's buffer is not this object");
        return NULL;
    }
    return m_release(view, NULL);
}

static AdObject *m_from_flags(AdObject *cls, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)cls;
    if (str_check_positional("_from_flags", nargs, 2, 2) < 0)
        return NULL;
    return buffer_with_flags(args[0], args[1]);
}

static void mv_drop(AdMemoryViewObject *mv)
{
    AdObject *obj = mv->view.obj;
    mv->view.obj = NULL;
    AD_CLEAR(mv->mbuf);
    Ad_XDECREF(obj);
}

static void mv_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    if (MV(o)->weakreflist)
        AdObject_ClearWeakRefs(o);
    mv_drop(MV(o));
    AdObject_GC_Del(o);
}

static int mv_traverse(AdObject *o, visitproc visit, void *arg)
{
    if (MV(o)->mbuf) {
        int r = visit((AdObject *)MV(o)->mbuf, arg);
        if (r)
            return r;
    }
    if (MV(o)->view.obj)
        return visit(MV(o)->view.obj, arg);
    return 0;
}

static int mv_clear(AdObject *o)
{
    mv_drop(MV(o));
    return 0;
}

/* ---- exporting from a view --------------------------------------------------------------- */

static int mv_getbuffer(AdObject *o, AdBuffer *view, int flags)
{
    AdMemoryViewObject *mv = MV(o);
    if (check_released(o) < 0)
        return -1;
    if ((flags & AD_BUF_WRITABLE) && mv->view.readonly) {
        AdErr_SetString(AdExc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    *view = mv->view;
    view->internal = NULL;
    if (!(flags & AD_BUF_FORMAT))
        view->format = NULL;
    if ((flags & 16) != 16) {
        if (!(mv->flags & AD_MV_C)) {
            AdErr_SetString(AdExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        view->strides = NULL;
    }
    if (!(flags & AD_BUF_ND)) {
        if (view->format) {
            AdErr_SetString(AdExc_BufferError,
                            "memoryview: cannot cast to unsigned bytes if the format flag is present");
            return -1;
        }
        view->ndim = 1;
        view->shape = NULL;
    }
    view->obj = Ad_NewRef(o);
    mv->exports++;
    return 0;
}

static void mv_releasebuffer(AdObject *o, AdBuffer *view)
{
    (void)view;
    MV(o)->exports--;
}

static AdBufferProcs mv_as_buffer = { mv_getbuffer, mv_releasebuffer };

/* ---- item access ---------------------------------------------------------------------------- */

static char item_char(AdMemoryViewObject *mv)
{
    char c = native_char(mv->view.format);
    if (!c)
        AdErr_Format(AdExc_NotImplementedError, "memoryview: unsupported format %s", mv->view.format);
    return c;
}

/* Pointer to item index of dimension dim (bounds-checked, negative wraps). */
static char *dim_ptr(AdMemoryViewObject *mv, char *base, int dim, AdObject *key)
{
    Ad_ssize_t i = str_as_ssize(key, AdExc_IndexError);
    if (i == -1 && AdErr_Occurred())
        return NULL;
    Ad_ssize_t n = mv->shape[dim];
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        AdErr_Format(AdExc_IndexError, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    return base + i * mv->strides[dim];
}

/* Nested lists of the items from dimension dim at base. */
static AdObject *tolist_dim(AdMemoryViewObject *mv, const char *base, int dim, char fc)
{
    Ad_ssize_t n = mv->shape[dim];
    AdObject *l = AdList_New(n);
    if (!l)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        const char *p = base + i * mv->strides[dim];
        AdObject *x = dim == mv->view.ndim - 1 ? unpack_item(p, fc) : tolist_dim(mv, p, dim + 1, fc);
        if (!x) {
            for (Ad_ssize_t j = i; j < n; j++)
                AdList_SET_ITEM(l, j, Ad_NewRef(Ad_None));
            Ad_DECREF(l);
            return NULL;
        }
        AdList_SET_ITEM(l, i, x);
    }
    return l;
}

static AdObject *mv_slice(AdMemoryViewObject *mv, AdObject *key)
{
    Ad_ssize_t start, stop, step;
    if (AdSlice_Unpack(key, &start, &stop, &step) < 0)
        return NULL;
    Ad_ssize_t n = AdSlice_AdjustIndices(mv->shape[0], &start, &stop, step);
    AdMemoryViewObject *r = mv_new(mv->mbuf, &mv->view);
    if (!r)
        return NULL;
    r->view.buf = (char *)mv->view.buf + start * mv->strides[0];
    r->shape[0] = n;
    r->strides[0] = mv->strides[0] * step;
    Ad_ssize_t len = r->view.itemsize;
    for (int i = 0; i < r->view.ndim; i++)
        len *= r->shape[i];
    r->view.len = len;
    update_flags(r);
    return (AdObject *)r;
}

static AdObject *mv_subscript(AdObject *o, AdObject *key)
{
    AdMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(o);
    int nd = mv->view.ndim;
    if (nd == 0) {
        if (key == Ad_Ellipsis)
            return Ad_NewRef(o);
        if (AdTuple_Check(key) && AdTuple_GET_SIZE(key) == 0) {
            char fc = item_char(mv);
            return fc ? unpack_item(mv->view.buf, fc) : NULL;
        }
        AdErr_SetString(AdExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (str_has_index(key)) {
        if (nd > 1) {
            AdErr_SetString(AdExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
            return NULL;
        }
        char fc = item_char(mv);
        if (!fc)
            return NULL;
        char *p = dim_ptr(mv, mv->view.buf, 0, key);
        return p ? unpack_item(p, fc) : NULL;
    }
    if (str_is_slice(key))
        return mv_slice(mv, key);
    if (AdTuple_Check(key)) {
        Ad_ssize_t k = AdTuple_GET_SIZE(key);
        int all_index = 1, all_slice = 1;
        for (Ad_ssize_t i = 0; i < k; i++) {
            AdObject *x = AdTuple_GET_ITEM(key, i);
            if (!str_has_index(x))
                all_index = 0;
            if (!str_is_slice(x))
                all_slice = 0;
        }
        if (all_index) {
            if (k < nd) {
                AdErr_SetString(AdExc_NotImplementedError, "sub-views are not implemented");
                return NULL;
            }
            if (k > nd) {
                AdErr_Format(AdExc_TypeError, "cannot index %d-dimension view with %zd-element tuple", nd, k);
                return NULL;
            }
            char fc = item_char(mv);
            if (!fc)
                return NULL;
            char *p = mv->view.buf;
            for (int d = 0; d < nd; d++)
                if (!(p = dim_ptr(mv, p, d, AdTuple_GET_ITEM(key, d))))
                    return NULL;
            return unpack_item(p, fc);
        }
        if (all_slice) {
            AdErr_SetString(AdExc_NotImplementedError, "multi-dimensional slicing is not implemented");
            return NULL;
        }
    }
    AdErr_SetString(AdExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

/* Structure equality for slice assignment: formats and shapes. */
static int same_structure(const AdBuffer *a, const AdBuffer *b)
{
    const char *fa = a->format ? a->format : "B", *fb = b->format ? b->format : "B";
    if (fa[0] == '@') fa++;
    if (fb[0] == '@') fb++;
    if (strcmp(fa, fb) != 0 || a->itemsize != b->itemsize || a->ndim != b->ndim)
        return 0;
    for (int i = 0; i < a->ndim; i++) {
        Ad_ssize_t sa = a->shape ? a->shape[i] : a->len / a->itemsize;
        Ad_ssize_t sb = b->shape ? b->shape[i] : b->len / b->itemsize;
        if (sa != sb)
            return 0;
    }
    return 1;
}

static int mv_ass_subscript(AdObject *o, AdObject *key, AdObject *value)
{
    AdMemoryViewObject *mv = MV(o);
    CHECK_RELEASED_INT(o);
    if (mv->view.readonly) {
        AdErr_SetString(AdExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "cannot delete memory");
        return -1;
    }
    int nd = mv->view.ndim;
    if (nd == 0) {
        if (key == Ad_Ellipsis || (AdTuple_Check(key) && AdTuple_GET_SIZE(key) == 0)) {
            char fc = item_char(mv);
            return fc ? pack_item(mv->view.buf, fc, value) : -1;
        }
        AdErr_SetString(AdExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (str_has_index(key) || (AdTuple_Check(key) && (AdTuple_GET_SIZE(key) == 0 ||
                                                      str_has_index(AdTuple_GET_ITEM(key, 0))))) {
        char *p = mv->view.buf;
        if (str_has_index(key)) {
            if (nd > 1) {
                AdErr_SetString(AdExc_NotImplementedError, "sub-views are not implemented");
                return -1;
            }
            p = dim_ptr(mv, p, 0, key);
        } else {
            Ad_ssize_t k = AdTuple_GET_SIZE(key);
            if (k < nd) {
                AdErr_SetString(AdExc_NotImplementedError, "sub-views are not implemented");
                return -1;
            }
            if (k > nd) {
                AdErr_Format(AdExc_TypeError, "cannot index %d-dimension view with %zd-element tuple", nd, k);
                return -1;
            }
            for (int d = 0; d < nd && p; d++) {
                AdObject *x = AdTuple_GET_ITEM(key, d);
                if (!str_has_index(x)) {
                    AdErr_SetString(AdExc_TypeError, "memoryview: invalid slice key");
                    return -1;
                }
                p = dim_ptr(mv, p, d, x);
            }
        }
        if (!p)
            return -1;
        char fc = item_char(mv);
        return fc ? pack_item(p, fc, value) : -1;
    }
    if (str_is_slice(key)) {
        if (nd != 1) {
            AdErr_SetString(AdExc_NotImplementedError,
                            "memoryview slice assignments are currently restricted to ndim = 1");
            return -1;
        }
        AdObject *dst = mv_slice(mv, key);
        if (!dst)
            return -1;
        AdBuffer src;
        if (AdObject_GetBuffer(value, &src, AD_BUF_FULL_RO) < 0) {
            Ad_DECREF(dst);
            return -1;
        }
        int r = 0;
        AdBuffer *dv = &MV(dst)->view;
        if (!same_structure(dv, &src)) {
            AdErr_SetString(AdExc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
            r = -1;
        } else {
            char *tmp = AdMem_Malloc((size_t)src.len + 1);
            if (!tmp) {
                AdErr_NoMemory();
                r = -1;
            } else {
                AdBuffer_ToContiguous(tmp, &src);
                Ad_ssize_t n = dv->shape[0], is = dv->itemsize;
                for (Ad_ssize_t i = 0; i < n; i++)
                    memcpy((char *)dv->buf + i * dv->strides[0], tmp + i * is, (size_t)is);
                AdMem_Free(tmp);
            }
        }
        AdBuffer_Release(&src);
        Ad_DECREF(dst);
        return r;
    }
    if (AdTuple_Check(key) && AdTuple_GET_SIZE(key) > 0 && str_is_slice(AdTuple_GET_ITEM(key, 0))) {
        AdErr_SetString(AdExc_NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    AdErr_SetString(AdExc_TypeError, "memoryview: invalid slice key");
    return -1;
}

static Ad_ssize_t mv_length(AdObject *o)
{
    CHECK_RELEASED_INT(o);
    if (MV(o)->view.ndim == 0) {
        AdErr_SetString(AdExc_TypeError, "0-dim memory has no length");
        return -1;
    }
    return MV(o)->shape[0];
}

/* ---- comparison, hash, repr ---------------------------------------------------------------------- */

/* 1 when every item of a equals the corresponding item of b (same shape). */
static int items_equal(const AdBuffer *a, char fa, const char *pa, const AdBuffer *b, char fb,
                       const char *pb, int dim)
{
    Ad_ssize_t n = a->shape[dim];
    for (Ad_ssize_t i = 0; i < n; i++) {
        const char *xa = pa + i * a->strides[dim], *xb = pb + i * b->strides[dim];
        if (dim < a->ndim - 1) {
            int r = items_equal(a, fa, xa, b, fb, xb, dim + 1);
            if (r != 1)
                return r;
            continue;
        }
        if (fa == fb && fa != 'f' && fa != 'd' && fa != 'e') {
            if (memcmp(xa, xb, (size_t)a->itemsize) != 0)
                return 0;
            continue;
        }
        AdObject *va = unpack_item(xa, fa), *vb = va ? unpack_item(xb, fb) : NULL;
        int r = vb ? AdObject_RichCompareBool(va, vb, AD_EQ) : -1;
        if (va == vb && va && r == 1) {
            /* the same float object: compare values (nan != nan) */
            AdObject *c = AdObject_RichCompare(va, vb, AD_EQ);
            r = c ? c == Ad_True : -1;
            Ad_XDECREF(c);
        }
        Ad_XDECREF(va);
        Ad_XDECREF(vb);
        if (r != 1)
            return r;
    }
    return 1;
}

static AdObject *mv_richcompare(AdObject *v, AdObject *w, int op)
{
    if (op != AD_EQ && op != AD_NE)
        Ad_RETURN_NOTIMPLEMENTED;
    int equal;
    if (v == w) {
        equal = 1;
        goto result;
    }
    if (!MV(v)->mbuf || (AdMemoryView_Check(w) && !MV(w)->mbuf)) {
        equal = 0;
        goto result;
    }
    if (!str_is_bytes_like(w))
        Ad_RETURN_NOTIMPLEMENTED;
    AdBuffer wv;
    if (AdObject_GetBuffer(w, &wv, AD_BUF_FULL_RO) < 0) {
        AdErr_Clear();
        Ad_RETURN_NOTIMPLEMENTED;
    }
    AdBuffer *a = &MV(v)->view;
    Ad_ssize_t wshape[AD_MEMORYVIEW_MAXDIM], wstrides[AD_MEMORYVIEW_MAXDIM];
    AdBuffer b = wv;
    if (!b.format)
        b.format = "B";
    if (!b.shape) {
        wshape[0] = b.len / (b.itemsize ? b.itemsize : 1);
        b.shape = wshape;
        b.ndim = 1;
    }
    if (!b.strides) {
        Ad_ssize_t sd = b.itemsize;
        for (int i = b.ndim - 1; i >= 0; i--) {
            wstrides[i] = sd;
            sd *= b.shape[i];
        }
        b.strides = wstrides;
    }
    char fa = native_char(a->format), fb = native_char(b.format);
    equal = a->ndim == b.ndim;
    for (int i = 0; equal && i < a->ndim; i++)
        if (a->shape[i] != b.shape[i])
            equal = 0;
    if (equal && (!fa || !fb)) {
        /* formats this view cannot unpack: equal only when byte-identical */
        equal = strcmp(a->format, b.format) == 0 && a->itemsize == b.itemsize;
        if (equal) {
            char *x = AdMem_Malloc((size_t)a->len + 1), *y = AdMem_Malloc((size_t)b.len + 1);
            if (x && y) {
                AdBuffer_ToContiguous(x, a);
                AdBuffer_ToContiguous(y, &b);
                equal = a->len == b.len && memcmp(x, y, (size_t)a->len) == 0;
            }
            AdMem_Free(x);
            AdMem_Free(y);
        }
    } else if (equal) {
        if (a->ndim == 0)
            equal = 1;
        else {
            equal = items_equal(a, fa, a->buf, &b, fb, b.buf, 0);
            if (equal < 0) {
                AdBuffer_Release(&wv);
                return NULL;
            }
        }
    }
    AdBuffer_Release(&wv);
result:
    return str_bool(op == AD_EQ ? equal : !equal);
}

static Ad_hash_t mv_hash(AdObject *o)
{
    AdMemoryViewObject *mv = MV(o);
    if (mv->hash != -1)
        return mv->hash;
    if (check_released(o) < 0)
        return -1;
    if (!mv->view.readonly) {
        AdErr_SetString(AdExc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!is_byte_format(mv->view.format)) {
        AdErr_SetString(AdExc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (mv->view.obj && AdObject_Hash(mv->view.obj) == -1)
        return -1;
    char *tmp = AdMem_Malloc((size_t)mv->view.len + 1);
    if (!tmp) {
        AdErr_NoMemory();
        return -1;
    }
    AdBuffer_ToContiguous(tmp, &mv->view);
    mv->hash = AdHash_Bytes(tmp, (size_t)mv->view.len);
    AdMem_Free(tmp);
    return mv->hash;
}

static AdObject *mv_repr(AdObject *o)
{
    if (!MV(o)->mbuf)
        return AdStr_FromFormat("<released memory at %p>", (void *)o);
    return AdStr_FromFormat("<memory at %p>", (void *)o);
}

/* ---- methods ---------------------------------------------------------------------------------------- */

static AdObject *mv_tobytes_contig(AdMemoryViewObject *mv)
{
    AdObject *r = AdBytes_FromStringAndSize(NULL, mv->view.len);
    if (r)
        AdBuffer_ToContiguous(AdBytes_AS_STRING(r), &mv->view);
    return r;
}

static void copy_fortran(char **dst, const char *src, const AdBuffer *v, int dim)
{
    Ad_ssize_t n = v->shape[dim], st = v->strides[dim];
    if (dim == 0) {
        for (Ad_ssize_t i = 0; i < n; i++) {
            memcpy(*dst, src + i * st, (size_t)v->itemsize);
            *dst += v->itemsize;
        }
        return;
    }
    for (Ad_ssize_t i = 0; i < n; i++)
        copy_fortran(dst, src + i * st, v, dim - 1);
}

static AdObject *m_tobytes(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"order", NULL};
    AdObject *a[1];
    CHECK_RELEASED(self);
    if (bytes_parse_args("tobytes", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    char order = 'C';
    if (a[0] && a[0] != Ad_None) {
        if (!AdStr_Check(a[0]))
            return AdErr_Format(AdExc_TypeError, "tobytes() argument 'order' must be str or None, not %.100s",
                                str_tname(a[0]));
        const char *s = AdStr_AsUTF8(a[0]);
        if (!s)
            return NULL;
        if (strcmp(s, "C") && strcmp(s, "F") && strcmp(s, "A")) {
            AdErr_SetString(AdExc_ValueError, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
        order = s[0];
    }
    AdMemoryViewObject *mv = MV(self);
    if (order == 'F' && mv->view.ndim > 1) {
        AdObject *r = AdBytes_FromStringAndSize(NULL, mv->view.len);
        if (r) {
            char *d = AdBytes_AS_STRING(r);
            copy_fortran(&d, mv->view.buf, &mv->view, mv->view.ndim - 1);
        }
        return r;
    }
    return mv_tobytes_contig(mv);
}

static AdObject *m_tolist(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_RELEASED(self);
    AdMemoryViewObject *mv = MV(self);
    char fc = item_char(mv);
    if (!fc)
        return NULL;
    if (mv->view.ndim == 0)
        return unpack_item(mv->view.buf, fc);
    return tolist_dim(mv, mv->view.buf, 0, fc);
}

static AdObject *m_hex(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    AdObject *a[2];
    CHECK_RELEASED(self);
    if (bytes_parse_args("hex", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    AdObject *b = mv_tobytes_contig(MV(self));
    if (!b)
        return NULL;
    AdObject *r = bytes_hex_impl(AdBytes_AS_STRING(b), AD_SIZE(b), a[0], a[1]);
    Ad_DECREF(b);
    return r;
}

static AdObject *m_toreadonly(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_RELEASED(self);
    AdMemoryViewObject *r = mv_new(MV(self)->mbuf, &MV(self)->view);
    if (r)
        r->view.readonly = 1;
    return (AdObject *)r;
}

static AdObject *m_release(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdMemoryViewObject *mv = MV(self);
    if (!mv->mbuf)
        Ad_RETURN_NONE;
    if (mv->exports > 0)
        return AdErr_Format(AdExc_BufferError, "memoryview has %zd exported buffer%s", mv->exports,
                            mv->exports == 1 ? "" : "s");
    mv_drop(mv);
    Ad_RETURN_NONE;
}

static AdObject *m_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_RELEASED(self);
    return Ad_NewRef(self);
}

static AdObject *m_exit(AdObject *self, AdObject *args)
{
    (void)args;
    return m_release(self, NULL);
}

static AdObject *m_cast(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"format", "shape", NULL};
    AdObject *a[2];
    CHECK_RELEASED(self);
    if (bytes_parse_args("cast", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    AdMemoryViewObject *mv = MV(self);
    if (!AdStr_Check(a[0]))
        return AdErr_Format(AdExc_TypeError, "cast() argument 'format' must be str, not %.100s",
                            str_tname(a[0]));
    if (!(mv->flags & AD_MV_C)) {
        AdErr_SetString(AdExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    AdObject *shape = a[1];
    if (shape == Ad_None)
        shape = NULL;
    if (shape) {
        for (int i = 0; i < mv->view.ndim; i++)
            if (mv->shape[i] == 0 || mv->strides[i] == 0) {
                AdErr_SetString(AdExc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
                return NULL;
            }
        if (!AdList_Check(shape) && !AdTuple_Check(shape)) {
            AdErr_SetString(AdExc_TypeError, "shape must be a list or a tuple");
            return NULL;
        }
        if (AD_SIZE(shape) > AD_MEMORYVIEW_MAXDIM) {
            AdErr_SetString(AdExc_ValueError, "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
        if (mv->view.ndim != 1 && AD_SIZE(shape) != 1) {
            AdErr_SetString(AdExc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
    }
    const char *fmt = AdStr_AsUTF8(a[0]);
    if (!fmt)
        return NULL;
    char fc = native_char(fmt);
    if (!fc || (fmt[0] == '@' ? strlen(fmt) != 2 : strlen(fmt) != 1)) {
        AdErr_SetString(AdExc_ValueError, "memoryview: destination format must be a native single "
                        "character format prefixed with an optional '@'");
        return NULL;
    }
    if (!is_byte_format(mv->view.format) && !is_byte_format(fmt)) {
        AdErr_SetString(AdExc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    Ad_ssize_t isz = char_size(fc);
    Ad_ssize_t nshape[AD_MEMORYVIEW_MAXDIM];
    int nd = 1;
    if (mv->view.len % isz) {
        AdErr_SetString(AdExc_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    if (shape) {
        Ad_ssize_t k = AD_SIZE(shape);
        nd = (int)k;
        Ad_ssize_t prod = 1;
        for (Ad_ssize_t i = 0; i < k; i++) {
            AdObject *x = AdList_Check(shape) ? AdList_GET_ITEM(shape, i) : AdTuple_GET_ITEM(shape, i);
            if (!AdInt_Check(x)) {
                AdErr_SetString(AdExc_TypeError, "memoryview.cast(): elements of shape must be integers");
                return NULL;
            }
            Ad_ssize_t v = AdInt_AsSsize_t(x);
            if (v == -1 && AdErr_Occurred())
                return NULL;
            if (v <= 0) {
                AdErr_SetString(AdExc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
                return NULL;
            }
            if (prod > (Ad_ssize_t)(SIZE_MAX >> 2) / v) {
                AdErr_SetString(AdExc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
                return NULL;
            }
            prod *= v;
            nshape[i] = v;
        }
        if (prod * isz != mv->view.len) {
            AdErr_SetString(AdExc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
    } else
        nshape[0] = mv->view.len / isz;
    AdMemoryViewObject *r = mv_new(mv->mbuf, &mv->view);
    if (!r)
        return NULL;
    set_format(r, fmt);
    r->view.itemsize = isz;
    r->view.ndim = nd;
    Ad_ssize_t sd = isz;
    for (int i = nd - 1; i >= 0; i--) {
        r->shape[i] = nshape[i];
        r->strides[i] = sd;
        sd *= nshape[i];
    }
    update_flags(r);
    return (AdObject *)r;
}

/* count(value) and index(value, start, stop) over a 1-D view. */
static AdObject *search_items(AdObject *self, AdObject *value, Ad_ssize_t start, Ad_ssize_t stop, int count)
{
    AdMemoryViewObject *mv = MV(self);
    if (mv->view.ndim == 0) {
        AdErr_SetString(AdExc_TypeError, count ? "invalid indexing of 0-dim memory"
                                               : "invalid lookup on 0-dim memory");
        return NULL;
    }
    if (mv->view.ndim > 1) {
        AdErr_SetString(AdExc_NotImplementedError, count ? "multi-dimensional sub-views are not implemented"
                                                         : "multi-dimensional lookup is not implemented");
        return NULL;
    }
    char fc = item_char(mv);
    if (!fc)
        return NULL;
    Ad_ssize_t n = mv->shape[0], hits = 0;
    str_adjust_range(n, &start, &stop);
    for (Ad_ssize_t i = start; i < stop && i < n; i++) {
        AdObject *x = unpack_item((char *)mv->view.buf + i * mv->strides[0], fc);
        if (!x)
            return NULL;
        int eq = AdObject_RichCompareBool(x, value, AD_EQ);
        Ad_DECREF(x);
        if (eq < 0)
            return NULL;
        if (eq) {
            if (!count)
                return AdInt_FromSsize_t(i);
            hits++;
        }
    }
    if (count)
        return AdInt_FromSsize_t(hits);
    AdErr_SetString(AdExc_ValueError, "memoryview.index(x): x not found");
    return NULL;
}

static AdObject *m_count(AdObject *self, AdObject *value)
{
    CHECK_RELEASED(self);
    return search_items(self, value, 0, (Ad_ssize_t)(SIZE_MAX >> 1), 1);
}

static AdObject *m_index(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    CHECK_RELEASED(self);
    if (str_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    Ad_ssize_t start = 0, stop = (Ad_ssize_t)(SIZE_MAX >> 1);
    if (nargs > 1 && str_slice_arg(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && str_slice_arg(args[2], &stop) < 0)
        return NULL;
    return search_items(self, args[0], start, stop, 0);
}

static AdObject *m_class_getitem(AdObject *cls, AdObject *arg)
{
    return Ad_GenericAlias(cls, arg);
}

static AdMethodDef mv_methods[] = {
    {"release", (void (*)(void))m_release, AD_METH_NOARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", (void (*)(void))m_tobytes, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return the data in the buffer as a byte string."},
    {"hex", (void (*)(void))m_hex, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", (void (*)(void))m_tolist, AD_METH_NOARGS, "Return the data in the buffer as a list of elements."},
    {"cast", (void (*)(void))m_cast, AD_METH_FASTCALL | AD_METH_KEYWORDS, "Cast a memoryview to a new format or shape."},
    {"toreadonly", (void (*)(void))m_toreadonly, AD_METH_NOARGS, "Return a readonly version of the memoryview."},
    {"count", (void (*)(void))m_count, AD_METH_O, "Count the number of occurrences of a value."},
    {"index", (void (*)(void))m_index, AD_METH_FASTCALL, "Return the index of the first occurrence of a value."},
    {"__enter__", (void (*)(void))m_enter, AD_METH_NOARGS, NULL},
    {"__exit__", (void (*)(void))m_exit, AD_METH_VARARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"__class_getitem__", (void (*)(void))m_class_getitem, AD_METH_O | AD_METH_CLASS, "See PEP 585"},
    {"__buffer__", (void (*)(void))bytes_dunder_buffer, AD_METH_FASTCALL,
     "Return a buffer object that exposes the underlying memory of the object."},
    {"__release_buffer__", (void (*)(void))bytes_dunder_release_buffer, AD_METH_O,
     "Release the buffer object that exposes the underlying memory of the object."},
    {"_from_flags", (void (*)(void))m_from_flags, AD_METH_FASTCALL | AD_METH_CLASS,
     "Create a new memoryview object which references the given object."},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes ---------------------------------------------------------------------------------- */

static AdObject *ssize_tuple(const Ad_ssize_t *v, int n)
{
    AdObject *t = AdTuple_New(n);
    if (!t)
        return NULL;
    for (int i = 0; i < n; i++) {
        AdObject *x = AdInt_FromSsize_t(v[i]);
        if (!x) {
            for (int j = i; j < n; j++)
                AdTuple_SET_ITEM(t, j, Ad_NewRef(Ad_None));
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i, x);
    }
    return t;
}

static AdObject *g_obj(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return Ad_NewRef(MV(o)->view.obj ? MV(o)->view.obj : Ad_None); }
static AdObject *g_nbytes(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdInt_FromSsize_t(MV(o)->view.len); }
static AdObject *g_readonly(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdBool_FromLong(MV(o)->view.readonly); }
static AdObject *g_itemsize(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdInt_FromSsize_t(MV(o)->view.itemsize); }
static AdObject *g_format(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdStr_FromString(MV(o)->view.format); }
static AdObject *g_ndim(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdInt_FromSsize_t(MV(o)->view.ndim); }
static AdObject *g_shape(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return ssize_tuple(MV(o)->shape, MV(o)->view.ndim); }
static AdObject *g_strides(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return ssize_tuple(MV(o)->strides, MV(o)->view.ndim); }
static AdObject *g_suboffsets(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdTuple_New(0); }
static AdObject *g_c_contig(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdBool_FromLong((MV(o)->flags & AD_MV_C) != 0); }
static AdObject *g_f_contig(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdBool_FromLong((MV(o)->flags & AD_MV_F) != 0); }
static AdObject *g_contig(AdObject *o, void *c) { (void)c; CHECK_RELEASED(o); return AdBool_FromLong((MV(o)->flags & (AD_MV_C | AD_MV_F)) != 0); }

static AdGetSetDef mv_getset[] = {
    {"obj", g_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", g_nbytes, NULL, "The amount of space in bytes that the array would use in\n a contiguous representation.", NULL},
    {"readonly", g_readonly, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", g_itemsize, NULL, "The size in bytes of each element of the memoryview.", NULL},
    {"format", g_format, NULL, "A string containing the format (in struct module style)\n for each element in the view.", NULL},
    {"ndim", g_ndim, NULL, "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents.", NULL},
    {"shape", g_shape, NULL, "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array.", NULL},
    {"strides", g_strides, NULL, "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array.", NULL},
    {"suboffsets", g_suboffsets, NULL, "A tuple of integers used internally for PIL-style arrays.", NULL},
    {"c_contiguous", g_c_contig, NULL, "A bool indicating whether the memory is C contiguous.", NULL},
    {"f_contiguous", g_f_contig, NULL, "A bool indicating whether the memory is Fortran contiguous.", NULL},
    {"contiguous", g_contig, NULL, "A bool indicating whether the memory is contiguous.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- iteration ------------------------------------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    AdObject *view;             /* NULL when exhausted */
    Ad_ssize_t index;
    char fc;
} mviterobject;

static AdObject *mv_iter(AdObject *o)
{
    CHECK_RELEASED(o);
    AdMemoryViewObject *mv = MV(o);
    if (mv->view.ndim == 0) {
        AdErr_SetString(AdExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (mv->view.ndim != 1) {
        AdErr_SetString(AdExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    char fc = item_char(mv);
    if (!fc)
        return NULL;
    mviterobject *it = (mviterobject *)AdObject_GC_New(&AdMemoryViewIter_Type);
    if (!it)
        return NULL;
    it->view = Ad_NewRef(o);
    it->index = 0;
    it->fc = fc;
    AdObject_GC_Track((AdObject *)it);
    return (AdObject *)it;
}

static AdObject *mviter_next(AdObject *o)
{
    mviterobject *it = (mviterobject *)o;
    if (!it->view)
        return NULL;
    AdMemoryViewObject *mv = MV(it->view);
    if (check_released(it->view) < 0)
        return NULL;
    if (it->index >= mv->shape[0]) {
        AD_CLEAR(it->view);
        return NULL;
    }
    const char *p = (const char *)mv->view.buf + it->index * mv->strides[0];
    it->index++;
    return unpack_item(p, it->fc);
}

static void mviter_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(((mviterobject *)o)->view);
    AdObject_GC_Del(o);
}

static int mviter_traverse(AdObject *o, visitproc visit, void *arg)
{
    mviterobject *it = (mviterobject *)o;
    return it->view ? visit(it->view, arg) : 0;
}

AdTypeObject AdMemoryViewIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(mviterobject),
    .tp_dealloc = mviter_dealloc,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = mviter_traverse,
    .tp_iter = AdObject_SelfIter,
    .tp_iternext = mviter_next,
};

/* ---- the type ------------------------------------------------------------------------------------- */

static AdObject *mv_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    static const char *const names[] = {"object"};
    AdObject *a[1];
    (void)type;
    Ad_ssize_t nargs = args ? AdTuple_GET_SIZE(args) : 0;
    if (ad_num_parse_args("memoryview", args ? AdTuple_ITEMS(args) : NULL, nargs, NULL, kwargs, names,
                          1, 0, 1, 1, a) < 0)
        return NULL;
    return AdMemoryView_FromObject(a[0]);
}

static AdSequenceMethods mv_as_sequence = {
    .sq_length = mv_length,
};

static AdMappingMethods mv_as_mapping = {
    .mp_length = mv_length,
    .mp_subscript = mv_subscript,
    .mp_ass_subscript = mv_ass_subscript,
};

AdTypeObject AdMemoryView_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(AdMemoryViewObject),
    .tp_dealloc = mv_dealloc,
    .tp_repr = mv_repr,
    .tp_as_sequence = &mv_as_sequence,
    .tp_as_mapping = &mv_as_mapping,
    .tp_hash = mv_hash,
    .tp_as_buffer = &mv_as_buffer,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_MATCH_SEQUENCE,
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_traverse = mv_traverse,
    .tp_clear = mv_clear,
    .tp_richcompare = mv_richcompare,
    .tp_weaklistoffset = offsetof(AdMemoryViewObject, weakreflist),
    .tp_iter = mv_iter,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
    .tp_new = mv_tp_new,
};

#endif /* STR_KERNEL_READY */
