/* bytes_printf.c: printf-style formatting of bytes and bytearray
 * (PEP 461): the %(key) mapping form, flags, * widths and precisions, the
 * conversions b s (buffers and __bytes__), r a (ascii()), c (an int or a
 * single byte), the numeric ones (rendered by str's formatter, whose
 * output is ASCII) and %%, with CPython's error texts. */
#include "objects/bytes_internal.h"
#if STR_KERNEL_READY
#include <stdio.h>
#include "memory/alloc.h"
#include "objects/tuple.h"
#include "objects/int.h"
#include "objects/typeobject.h"

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    char *buf;
    Ad_ssize_t len, cap;
} bwriter;

static int bw_reserve(bwriter *w, Ad_ssize_t extra)
{
    if (extra > (Ad_ssize_t)(SIZE_MAX >> 2) - w->len) {
        AdErr_NoMemory();
        return -1;
    }
    if (w->len + extra <= w->cap)
        return 0;
    Ad_ssize_t nc = w->cap ? w->cap : 64;
    while (nc < w->len + extra)
        nc *= 2;
    char *nb = AdMem_Realloc(w->buf, (size_t)nc);
    if (!nb) {
        AdErr_NoMemory();
        return -1;
    }
    w->buf = nb;
    w->cap = nc;
    return 0;
}

static int bw_write(bwriter *w, const char *s, Ad_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (bw_reserve(w, n) < 0)
        return -1;
    memcpy(w->buf + w->len, s, (size_t)n);
    w->len += n;
    return 0;
}

static int bw_fill(bwriter *w, char c, Ad_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (bw_reserve(w, n) < 0)
        return -1;
    memset(w->buf + w->len, c, (size_t)n);
    w->len += n;
    return 0;
}

/* Writes s (n bytes) padded to width (left-justified with F_LJUST). */
static int bw_padded(bwriter *w, const char *s, Ad_ssize_t n, int flags, Ad_ssize_t width)
{
    Ad_ssize_t pad = width > n ? width - n : 0;
    if (!(flags & F_LJUST) && bw_fill(w, ' ', pad) < 0)
        return -1;
    if (bw_write(w, s, n) < 0)
        return -1;
    if ((flags & F_LJUST) && bw_fill(w, ' ', pad) < 0)
        return -1;
    return 0;
}

typedef struct {
    AdObject *args;
    Ad_ssize_t argidx, arglen;      /* arglen -1: a single non-tuple argument */
    AdObject *dict;
} pargs;

static AdObject *next_arg(pargs *a)
{
    if (a->arglen < 0) {
        if (a->argidx == 0) {
            a->argidx = 1;
            return a->args;
        }
    } else if (a->argidx < a->arglen) {
        return AdTuple_GET_ITEM(a->args, a->argidx++);
    }
    AdErr_SetString(AdExc_TypeError, "not enough arguments for format string");
    return NULL;
}

static int star_arg(pargs *a, Ad_ssize_t *out)
{
    AdObject *v = next_arg(a);
    if (!v)
        return -1;
    if (!str_is_int(v)) {
        AdErr_SetString(AdExc_TypeError, "* wants int");
        return -1;
    }
    Ad_ssize_t x = str_as_ssize(v, AdExc_ValueError);
    if (x == -1 && AdErr_Occurred())
        return -1;
    *out = x;
    return 0;
}

/* %b / %s: the bytes of a buffer or of __bytes__() (new bytes-like ref). */
static AdObject *bytes_of(AdObject *v, AdBuffer *view, int *is_view)
{
    *is_view = 0;
    if (AdBytes_Check(v))
        return Ad_NewRef(v);
    if (str_is_bytes_like(v)) {
        if (AdObject_GetBuffer(v, view, AD_BUF_SIMPLE) < 0)
            return NULL;
        *is_view = 1;
        return Ad_NewRef(v);
    }
    static AdObject *dunder_bytes;
    if (!AdStr_InternStatic(&dunder_bytes, "__bytes__"))
        return NULL;
    if (!AdStr_Check(v)) {
        AdObject *m = AdObject_LookupSpecial(v, dunder_bytes);
        if (m) {
            AdObject *r = AdObject_CallNoArgs(m);
            Ad_DECREF(m);
            if (r && !AdBytes_Check(r)) {
                AdErr_Format(AdExc_TypeError, "__bytes__ returned non-bytes (type %.200s)", str_tname(r));
                AD_CLEAR(r);
            }
            return r;
        }
        if (AdErr_Occurred())
            return NULL;
    }
    AdErr_Format(AdExc_TypeError, "%%b requires a bytes-like object, or an object that implements "
                 "__bytes__, not '%.100s'", str_tname(v));
    return NULL;
}

static int format_char(bwriter *w, AdObject *v, int flags, Ad_ssize_t width)
{
    char c;
    if (AdBytes_Check(v) && AD_SIZE(v) == 1)
        c = AdBytes_AS_STRING(v)[0];
    else if (AdByteArray_Check(v) && AD_SIZE(v) == 1)
        c = AdByteArray_AS_STRING(v)[0];
    else if (str_has_index(v)) {
        Ad_ssize_t x = str_as_ssize(v, AdExc_OverflowError);
        if (x == -1 && AdErr_Occurred()) {
            if (AdErr_ExceptionMatches(AdExc_OverflowError)) {
                AdErr_Clear();
                AdErr_SetString(AdExc_OverflowError, "%c arg not in range(256)");
            }
            return -1;
        }
        if (x < 0 || x > 255) {
            AdErr_SetString(AdExc_OverflowError, "%c arg not in range(256)");
            return -1;
        }
        c = (char)x;
    } else if (AdBytes_Check(v) || AdByteArray_Check(v)) {
        AdErr_Format(AdExc_TypeError, "%%c requires an integer in range(256) or a single byte, "
                     "not a %.200s object of length %zd", str_tname(v), AD_SIZE(v));
        return -1;
    } else {
        AdErr_Format(AdExc_TypeError, "%%c requires an integer in range(256) or a single byte, not %.200s",
                     str_tname(v));
        return -1;
    }
    return bw_padded(w, &c, 1, flags, width);
}

/* A numeric conversion through str's formatter: "%<flags><width>.<prec><conv>" % (v,). */
static int format_number(bwriter *w, AdObject *v, char conv, int flags, Ad_ssize_t width, Ad_ssize_t prec)
{
    if (strchr("eEfFgG", conv)) {
        AdNumberMethods *nb = AD_TYPE(v)->tp_as_number;
        if (!str_is_float(v) && !(nb && (nb->nb_float || nb->nb_index))) {
            AdErr_Format(AdExc_TypeError, "float argument required, not %.200s", str_tname(v));
            return -1;
        }
    }
    char spec[80];
    int k = 0;
    spec[k++] = '%';
    if (flags & F_LJUST) spec[k++] = '-';
    if (flags & F_SIGN) spec[k++] = '+';
    if (flags & F_BLANK) spec[k++] = ' ';
    if (flags & F_ALT) spec[k++] = '#';
    if (flags & F_ZERO) spec[k++] = '0';
    if (width >= 0)
        k += snprintf(spec + k, sizeof spec - (size_t)k, "%zd", width);
    if (prec >= 0)
        k += snprintf(spec + k, sizeof spec - (size_t)k, ".%zd", prec);
    spec[k++] = conv;
    spec[k] = 0;
    AdObject *fmt = AdStr_FromString(spec);
    if (!fmt)
        return -1;
    AdObject *t = AdTuple_Pack(1, v);
    if (!t) {
        Ad_DECREF(fmt);
        return -1;
    }
    AdObject *s = AdStr_PrintfFormat(fmt, t);
    Ad_DECREF(fmt);
    Ad_DECREF(t);
    if (!s)
        return -1;
    Ad_ssize_t n;
    const char *u = AdStr_AsUTF8AndSize(s, &n);
    int r = u ? bw_write(w, u, n) : -1;
    Ad_DECREF(s);
    return r;
}

AdObject *bytes_printf(const char *fmtdata, Ad_ssize_t n, AdObject *args)
{
    /* the format may live in a bytearray that a conversion mutates: copy it */
    char *fmt = AdMem_Malloc((size_t)n + 1);
    if (!fmt)
        return AdErr_NoMemory();
    memcpy(fmt, fmtdata, (size_t)n);
    fmt[n] = 0;
    pargs a = { args, 0, -1, NULL };
    if (AdTuple_Check(args))
        a.arglen = AdTuple_GET_SIZE(args);
    if (!AdTuple_Check(args) && !AdBytes_Check(args) && !AdStr_Check(args) &&
        AD_TYPE(args)->tp_as_mapping && AD_TYPE(args)->tp_as_mapping->mp_subscript)
        a.dict = args;
    bwriter w = { NULL, 0, 0 };
    Ad_ssize_t i = 0;
    while (i < n) {
        const char *pct = memchr(fmt + i, '%', (size_t)(n - i));
        Ad_ssize_t j = pct ? pct - fmt : n;
        if (bw_write(&w, fmt + i, j - i) < 0)
            goto fail;
        if (j >= n)
            break;
        i = j + 1;
        if (i < n && fmt[i] == '%') {
            if (bw_write(&w, "%", 1) < 0)
                goto fail;
            i++;
            continue;
        }
        AdObject *keyed = NULL;
        if (i < n && fmt[i] == '(') {
            if (!a.dict) {
                AdErr_SetString(AdExc_TypeError, "format requires a mapping");
                goto fail;
            }
            Ad_ssize_t k = ++i;
            int depth = 1;
            while (i < n) {
                if (fmt[i] == '(') depth++;
                else if (fmt[i] == ')' && --depth == 0) break;
                i++;
            }
            if (i >= n) {
                AdErr_SetString(AdExc_ValueError, "incomplete format key");
                goto fail;
            }
            AdObject *key = AdBytes_FromStringAndSize(fmt + k, i - k);
            if (!key)
                goto fail;
            keyed = str_getitem(a.dict, key);
            Ad_DECREF(key);
            if (!keyed)
                goto fail;
            a.arglen = -1;
            a.argidx = 1;
            i++;
        }
        int flags = 0;
        Ad_ssize_t width = -1, prec = -1;
        for (; i < n; i++) {
            char c = fmt[i];
            if (c == '-') flags |= F_LJUST;
            else if (c == '+') flags |= F_SIGN;
            else if (c == ' ') flags |= F_BLANK;
            else if (c == '#') flags |= F_ALT;
            else if (c == '0') flags |= F_ZERO;
            else break;
        }
        if (i < n && fmt[i] == '*') {
            if (star_arg(&a, &width) < 0)
                goto failk;
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            i++;
        } else {
            while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
                if (width < 0) width = 0;
                if (width > ((Ad_ssize_t)(SIZE_MAX >> 1) - 9) / 10) {
                    AdErr_SetString(AdExc_ValueError, "width too big");
                    goto failk;
                }
                width = width * 10 + (fmt[i] - '0');
                i++;
            }
        }
        if (i < n && fmt[i] == '.') {
            i++;
            prec = 0;
            if (i < n && fmt[i] == '*') {
                if (star_arg(&a, &prec) < 0)
                    goto failk;
                if (prec < 0)
                    prec = 0;
                i++;
            } else {
                while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
                    if (prec > ((Ad_ssize_t)(SIZE_MAX >> 1) - 9) / 10) {
                        AdErr_SetString(AdExc_ValueError, "precision too big");
                        goto failk;
                    }
                    prec = prec * 10 + (fmt[i] - '0');
                    i++;
                }
            }
        }
        while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L'))
            i++;
        if (i >= n) {
            AdErr_SetString(AdExc_ValueError, "incomplete format");
            goto failk;
        }
        char conv = fmt[i++];
        AdObject *v = keyed;
        if (!v && !(v = next_arg(&a)))
            goto fail;
        int r;
        switch (conv) {
        case 'b': case 's': {
            AdBuffer view;
            int is_view;
            AdObject *b = bytes_of(v, &view, &is_view);
            if (!b) {
                r = -1;
                break;
            }
            const char *d = is_view ? view.buf : AdBytes_AS_STRING(b);
            Ad_ssize_t len = is_view ? view.len : AD_SIZE(b);
            if (prec >= 0 && prec < len)
                len = prec;
            r = bw_padded(&w, d, len, flags, width);
            if (is_view)
                AdBuffer_Release(&view);
            Ad_DECREF(b);
            break;
        }
        case 'r': case 'a': {
            AdObject *t = AdObject_ASCII(v);
            if (!t) {
                r = -1;
                break;
            }
            Ad_ssize_t len;
            const char *u = AdStr_AsUTF8AndSize(t, &len);
            if (!u) {
                Ad_DECREF(t);
                r = -1;
                break;
            }
            if (prec >= 0 && prec < len)
                len = prec;
            r = bw_padded(&w, u, len, flags, width);
            Ad_DECREF(t);
            break;
        }
        case 'c':
            r = format_char(&w, v, flags, width);
            break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            r = format_number(&w, v, conv, flags, width, prec);
            break;
        default: {
            unsigned uc = (unsigned char)conv;
            if (uc >= 128) {
                AdErr_SetString(AdExc_OverflowError, "character argument not in range(0x110000)");
                r = -1;
                break;
            }
            AdErr_Format(AdExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                         (uc >= 32 && uc < 127) ? (int)uc : '?', uc, i - 1);
            r = -1;
            break;
        }
        }
        Ad_XDECREF(keyed);
        if (r < 0)
            goto fail;
        continue;
failk:
        Ad_XDECREF(keyed);
        goto fail;
    }
    if (!a.dict && ((a.arglen < 0 && a.argidx == 0) || (a.arglen >= 0 && a.argidx < a.arglen))) {
        AdErr_SetString(AdExc_TypeError, "not all arguments converted during bytes formatting");
        goto fail;
    }
    AdObject *res = AdBytes_FromStringAndSize(w.buf ? w.buf : "", w.len);
    AdMem_Free(w.buf);
    AdMem_Free(fmt);
    return res;
fail:
    AdMem_Free(w.buf);
    AdMem_Free(fmt);
    return NULL;
}

#endif /* STR_KERNEL_READY */
