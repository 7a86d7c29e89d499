/* str_kernel.c: the adaptation layer between str and the parts of the
 * object kernel it uses for integers, booleans, floats, slices and hashing
 * (str_internal.h lists them). Pieces whose headers are not in the tree yet
 * are compiled out and raise SystemError. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include "objects/int.h"
#include "objects/tuple.h"
#include "numeric/hash.h"
#if defined(__has_include)
#if __has_include("objects/float.h")
#define STR_HAVE_FLOAT 1
#include "objects/float.h"
#endif
#if __has_include("objects/slice.h")
#define STR_HAVE_SLICE 1
#include "objects/slice.h"
#endif
#if __has_include("objects/bytes.h")
#include "objects/bytes.h"
#endif
#endif

AdObject *str_int_from_ssize(Ad_ssize_t v) { return AdInt_FromSsize_t(v); }
AdObject *str_bool(int b) { return AdBool_FromLong(b); }
int str_is_int(AdObject *o) { return AdInt_Check(o); }

int str_is_float(AdObject *o)
{
#ifdef STR_HAVE_FLOAT
    return AdFloat_Check(o);
#else
    return AD_TYPE(o)->tp_name && strcmp(AD_TYPE(o)->tp_name, "float") == 0;
#endif
}

int str_has_index(AdObject *o)
{
    return AD_TYPE(o)->tp_as_number && AD_TYPE(o)->tp_as_number->nb_index;
}

Ad_ssize_t str_as_ssize(AdObject *o, AdObject *overflow_exc)
{
    return AdNumber_AsSsize_t(o, overflow_exc);
}

Ad_ssize_t str_index_arg(AdObject *o)
{
    if (AdInt_Check(o))
        return AdInt_AsSsize_t(o);
    if (!str_has_index(o)) {
        AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     str_tname(o));
        return -1;
    }
    AdObject *i = AD_TYPE(o)->tp_as_number->nb_index(o);
    if (!i)
        return -1;
    Ad_ssize_t r = AdInt_AsSsize_t(i);
    Ad_DECREF(i);
    return r;
}

int str_is_slice(AdObject *o)
{
#ifdef STR_HAVE_SLICE
    return AdSlice_Check(o);
#else
    (void)o;
    return 0;
#endif
}

int str_slice_indices(AdObject *slice, Ad_ssize_t len, Ad_ssize_t *start,
                      Ad_ssize_t *step, Ad_ssize_t *slicelen)
{
#ifdef STR_HAVE_SLICE
    Ad_ssize_t stop;
    if (AdSlice_Unpack(slice, start, &stop, step) < 0)
        return -1;
    *slicelen = AdSlice_AdjustIndices(len, start, &stop, *step);
    return 0;
#else
    (void)slice; (void)len; (void)start; (void)step; (void)slicelen;
    AdErr_SetString(AdExc_SystemError, "slices are not available yet");
    return -1;
#endif
}

Ad_hash_t str_hash_bytes(const void *p, size_t n)
{
    return AdHash_Bytes(p, n);
}

AdObject *str_int_to_text(AdObject *intobj, int base)
{
    if (base == 10) {
        AdObject *r = AD_TYPE(intobj)->tp_repr ? AdInt_Type.tp_repr(intobj) : NULL;
        return r;
    }
    /* hex/octal from the limbs: sign-magnitude, least significant first */
    AdIntObject *v = (AdIntObject *)intobj;
    Ad_ssize_t size = AD_SIZE(v), nl = size < 0 ? -size : size;
    int shift = base == 16 ? 4 : base == 8 ? 3 : 1;
    Ad_ssize_t nbits = nl * 64;
    Ad_ssize_t ndig = nbits / shift + 2;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (str_writer_reserve(&w, ndig + 1) < 0)
        return NULL;
    /* produce digits least significant first, then reverse */
    uint32_t *buf = w.buf;
    Ad_ssize_t k = 0;
    for (Ad_ssize_t bit = 0; bit < nbits; bit += shift) {
        Ad_ssize_t li = bit / 64, off = bit % 64;
        uint64_t d = v->limbs[li] >> off;
        if (off + shift > 64 && li + 1 < nl)
            d |= v->limbs[li + 1] << (64 - off);
        d &= (uint64_t)((1 << shift) - 1);
        buf[k++] = (uint32_t)"0123456789abcdef"[d];
    }
    while (k > 1 && buf[k - 1] == '0')
        k--;
    if (k == 0)
        buf[k++] = '0';
    if (size < 0)
        buf[k++] = '-';
    for (Ad_ssize_t i = 0; i < k / 2; i++) {
        uint32_t t = buf[i];
        buf[i] = buf[k - 1 - i];
        buf[k - 1 - i] = t;
    }
    w.len = k;
    w.maxchar = 0x7F;
    return AdStrWriter_Finish(&w);
}

AdObject *str_number_int(AdObject *o)
{
    AdNumberMethods *nb = AD_TYPE(o)->tp_as_number;
    if (AdInt_Check(o))
        return Ad_NewRef(o);
    if (nb && nb->nb_int)
        return nb->nb_int(o);
    if (nb && nb->nb_index)
        return nb->nb_index(o);
    return AdErr_Format(AdExc_TypeError, "int() argument must be a string, a bytes-like object "
                        "or a real number, not '%.200s'", str_tname(o));
}

int str_number_double(AdObject *o, double *out)
{
#ifdef STR_HAVE_FLOAT
    double d = AdFloat_AsDouble(o);
    if (d == -1.0 && AdErr_Occurred())
        return -1;
    *out = d;
    return 0;
#else
    if (AdInt_Check(o)) {
        double d = AdInt_AsDouble(o);
        if (d == -1.0 && AdErr_Occurred())
            return -1;
        *out = d;
        return 0;
    }
    AdErr_Format(AdExc_TypeError, "must be real number, not %.200s", str_tname(o));
    return -1;
#endif
}

int str_is_bytes_like(AdObject *o)
{
    return AD_TYPE(o)->tp_as_buffer && AD_TYPE(o)->tp_as_buffer->bf_getbuffer;
}

AdObject *str_getitem(AdObject *o, AdObject *key)
{
    AdTypeObject *t = AD_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return t->tp_as_mapping->mp_subscript(o, key);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        if (!str_has_index(key))
            return AdErr_Format(AdExc_TypeError, "sequence index must be integer, not '%.200s'",
                                str_tname(key));
        Ad_ssize_t i = str_as_ssize(key, AdExc_IndexError);
        if (i == -1 && AdErr_Occurred())
            return NULL;
        if (i < 0 && t->tp_as_sequence->sq_length) {
            Ad_ssize_t n = t->tp_as_sequence->sq_length(o);
            if (n < 0)
                return NULL;
            i += n;
        }
        return t->tp_as_sequence->sq_item(o, i);
    }
    return AdErr_Format(AdExc_TypeError, "'%.200s' object is not subscriptable", str_tname(o));
}

void str_raise_with_args(AdObject *type, AdObject *args)
{
    AdObject *exc = AdObject_Call(type, args, NULL);
    Ad_DECREF(args);
    if (exc) {
        AdErr_SetObject(type, exc);
        Ad_DECREF(exc);
    }
}

#endif /* STR_KERNEL_READY */
