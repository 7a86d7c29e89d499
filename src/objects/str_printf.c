/* str_printf.c: printf-style formatting, format % args: the %(key)
 * mapping form, flags (-, +, space, #, 0), * widths and precisions, and
 * the conversions s r a c d i u o x X e E f F g G %, with CPython's error
 * texts. Floats are rendered by the C library's correctly rounded
 * printf; integers of any size through the int type's digits. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include <math.h>
#include <stdio.h>
#include "memory/alloc.h"
#include "objects/tuple.h"
#include "objects/int.h"
#include "numeric/format.h"

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

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

/* Writes body (a str) with sign/prefix text, zero or space padding to width. */
static int emit_number(AdStrWriter *w, const char *signpfx, AdObject *digits, int flags, Ad_ssize_t width,
                       int allow_zero)
{
    Ad_ssize_t plen = (Ad_ssize_t)strlen(signpfx), dlen = AdStr_LENGTH(digits);
    Ad_ssize_t total = plen + dlen, pad = width > total ? width - total : 0;
    if (!(flags & F_LJUST) && !((flags & F_ZERO) && allow_zero) && str_writer_fill(w, ' ', pad) < 0)
        return -1;
    if (AdStrWriter_WriteASCII(w, signpfx, plen) < 0)
        return -1;
    if (!(flags & F_LJUST) && (flags & F_ZERO) && allow_zero && str_writer_fill(w, '0', pad) < 0)
        return -1;
    if (AdStrWriter_WriteStr(w, digits) < 0)
        return -1;
    if ((flags & F_LJUST) && str_writer_fill(w, ' ', pad) < 0)
        return -1;
    return 0;
}

static int format_int(AdStrWriter *w, AdObject *v, uint32_t conv, int flags, Ad_ssize_t width,
                      Ad_ssize_t prec)
{
    AdObject *num;
    if (str_is_int(v))
        num = Ad_NewRef(v);
    else if (conv == 'x' || conv == 'X' || conv == 'o') {
        if (!str_has_index(v)) {
            AdErr_Format(AdExc_TypeError, "%%%c format: an integer is required, not %.200s",
                         (int)conv, str_tname(v));
            return -1;
        }
        num = AD_TYPE(v)->tp_as_number->nb_index(v);
    } else {
        AdNumberMethods *nb = AD_TYPE(v)->tp_as_number;
        if (!nb || !(nb->nb_int || nb->nb_index || nb->nb_float) || AdStr_Check(v)) {
            AdErr_Format(AdExc_TypeError, "%%%c format: a real number is required, not %.200s",
                         (int)conv, str_tname(v));
            return -1;
        }
        num = str_number_int(v);
    }
    if (!num)
        return -1;
    int base = (conv == 'x' || conv == 'X') ? 16 : conv == 'o' ? 8 : 10;
    int64_t small;
    if (base == 10 && AdInt_AsInt64Exact(num, &small)) {
        /* decimal of a machine-word int straight from the value */
        Ad_DECREF(num);
        char digits[24], pfx[2] = {0, 0};
        int nd = AdFormat_Int64Text(small, digits), neg = small < 0;
        if (neg) pfx[0] = '-';
        else if (flags & F_SIGN) pfx[0] = '+';
        else if (flags & F_BLANK) pfx[0] = ' ';
        Ad_ssize_t dl = nd - neg, zeros = prec > dl ? prec - dl : 0;
        Ad_ssize_t total = (pfx[0] ? 1 : 0) + zeros + dl, pad = width > total ? width - total : 0;
        int zpad = !(flags & F_LJUST) && (flags & F_ZERO);
        if (!(flags & F_LJUST) && !zpad && str_writer_fill(w, ' ', pad) < 0)
            return -1;
        if (pfx[0] && AdStrWriter_WriteChar(w, (uint32_t)pfx[0]) < 0)
            return -1;
        if (str_writer_fill(w, '0', zeros + (zpad ? pad : 0)) < 0 ||
            AdStrWriter_WriteASCII(w, digits + neg, dl) < 0)
            return -1;
        if ((flags & F_LJUST) && str_writer_fill(w, ' ', pad) < 0)
            return -1;
        return 0;
    }
    AdObject *text = str_int_to_text(num, base);
    int neg = AdInt_Sign(num) < 0;
    Ad_DECREF(num);
    if (!text)
        return -1;
    /* drop the sign: it goes in the prefix */
    if (neg) {
        AdObject *t = AdStr_Substring(text, 1, AdStr_LENGTH(text));
        Ad_DECREF(text);
        if (!(text = t))
            return -1;
    }
    if (conv == 'X') {
        AdObject *t = AdStr_New(AdStr_LENGTH(text), 0x7F);
        if (!t) {
            Ad_DECREF(text);
            return -1;
        }
        for (Ad_ssize_t i = 0; i < AdStr_LENGTH(text); i++) {
            uint32_t c = AdStr_READ_CHAR(text, i);
            str_write(1, AdStr_DATA(t), i, (c >= 'a' && c <= 'f') ? c - 32 : c);
        }
        AD_SETREF(text, t);
    }
    if (prec > AdStr_LENGTH(text)) {
        AdStrWriter zw;
        AdStrWriter_Init(&zw);
        if (str_writer_fill(&zw, '0', prec - AdStr_LENGTH(text)) < 0 || AdStrWriter_WriteStr(&zw, text) < 0) {
            AdStrWriter_Dealloc(&zw);
            Ad_DECREF(text);
            return -1;
        }
        AD_SETREF(text, AdStrWriter_Finish(&zw));
        if (!text)
            return -1;
    }
    char pfx[8];
    int k = 0;
    if (neg) pfx[k++] = '-';
    else if (flags & F_SIGN) pfx[k++] = '+';
    else if (flags & F_BLANK) pfx[k++] = ' ';
    if ((flags & F_ALT) && base != 10) {
        pfx[k++] = '0';
        pfx[k++] = conv == 'X' ? 'X' : conv == 'x' ? 'x' : 'o';
    }
    pfx[k] = 0;
    int r = emit_number(w, pfx, text, flags, width, 1);
    Ad_DECREF(text);
    return r;
}

static int format_float(AdStrWriter *w, AdObject *v, uint32_t conv, int flags, Ad_ssize_t width,
                        Ad_ssize_t prec)
{
    double x;
    if (str_number_double(v, &x) < 0)
        return -1;
    if (prec < 0)
        prec = 6;
    int upper = conv == 'E' || conv == 'F' || conv == 'G';
    int neg = signbit(x) != 0;
    char pfx[2] = {0, 0};
    if (neg) pfx[0] = '-';
    else if (flags & F_SIGN) pfx[0] = '+';
    else if (flags & F_BLANK) pfx[0] = ' ';
    AdObject *body;
    int finite = isfinite(x);
    if (!finite) {
        body = AdStr_FromString(isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    } else {
        char fmt[16];
        int k = 0;
        fmt[k++] = '%';
        if (flags & F_ALT) fmt[k++] = '#';
        fmt[k++] = '.';
        fmt[k++] = '*';
        fmt[k++] = (char)conv;
        fmt[k] = 0;
        if (prec > 100000000) {
            AdErr_SetString(AdExc_ValueError, "precision too large");
            return -1;
        }
        int p = (int)prec;
        char small[128];
        int need = (conv == 'f' || conv == 'F') && !(flags & F_ALT) ? AdFormat_FixedText(fabs(x), p, small) : 0;
        if (need) {
            body = AdStr_FromStringAndSize(small, need);
        } else if ((need = snprintf(small, sizeof small, fmt, p, fabs(x))) < (int)sizeof small) {
            body = AdStr_FromStringAndSize(small, need);
        } else {
            char *buf = AdMem_Malloc((size_t)need + 1);
            if (!buf) {
                AdErr_NoMemory();
                return -1;
            }
            snprintf(buf, (size_t)need + 1, fmt, p, fabs(x));
            body = AdStr_FromStringAndSize(buf, need);
            AdMem_Free(buf);
        }
    }
    if (!body)
        return -1;
    int r = emit_number(w, pfx, body, flags, width, 1);     /* CPython zero-pads inf and nan too */
    Ad_DECREF(body);
    return r;
}

static int format_char(AdStrWriter *w, AdObject *v, int flags, Ad_ssize_t width)
{
    uint32_t ch;
    if (AdStr_Check(v)) {
        if (AdStr_LENGTH(v) != 1) {
            AdErr_Format(AdExc_TypeError, "%%c requires an int or a unicode character, "
                         "not a string of length %zd", AdStr_LENGTH(v));
            return -1;
        }
        ch = AdStr_READ_CHAR(v, 0);
    } else if (str_has_index(v)) {
        Ad_ssize_t x = str_as_ssize(v, AdExc_OverflowError);
        if (x == -1 && AdErr_Occurred()) {
            if (AdErr_ExceptionMatches(AdExc_OverflowError)) {
                AdErr_Clear();
                AdErr_SetString(AdExc_OverflowError, "%c arg not in range(0x110000)");
            }
            return -1;
        }
        if (x < 0 || x > (Ad_ssize_t)STR_MAX_UNICODE) {
            AdErr_SetString(AdExc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        ch = (uint32_t)x;
    } else {
        AdErr_Format(AdExc_TypeError, "%%c requires an int or a unicode character, not %.200s",
                     str_tname(v));
        return -1;
    }
    Ad_ssize_t pad = width > 1 ? width - 1 : 0;
    if (!(flags & F_LJUST) && str_writer_fill(w, ' ', pad) < 0)
        return -1;
    if (AdStrWriter_WriteChar(w, ch) < 0)
        return -1;
    if ((flags & F_LJUST) && str_writer_fill(w, ' ', pad) < 0)
        return -1;
    return 0;
}

/* Reads a '*' argument as an int. */
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

AdObject *AdStr_PrintfFormat(AdObject *format, AdObject *args)
{
    if (!AdStr_Check(format) || !args) {
        AdErr_BadInternalCall();
        return NULL;
    }
    pargs a = { args, 0, -1, NULL };
    if (AdTuple_Check(args))
        a.arglen = AdTuple_GET_SIZE(args);
    if (!AdTuple_Check(args) && !AdStr_Check(args) && AD_TYPE(args)->tp_as_mapping &&
        AD_TYPE(args)->tp_as_mapping->mp_subscript)
        a.dict = args;
    Ad_ssize_t n = AdStr_LENGTH(format), i = 0;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    while (i < n) {
        Ad_ssize_t j = AdStr_FindChar(format, '%', i, n);
        if (j < 0)
            j = n;
        if (str_writer_substr(&w, format, i, j) < 0)
            goto fail;
        if (j >= n)
            break;
        Ad_ssize_t spec_start = j;
        i = j + 1;
        if (i < n && AdStr_READ_CHAR(format, i) == '%') {
            if (AdStrWriter_WriteChar(&w, '%') < 0)
                goto fail;
            i++;
            continue;
        }
        AdObject *keyed = NULL;     /* the value chosen by %(key) */
        if (i < n && AdStr_READ_CHAR(format, i) == '(') {
            if (!a.dict) {
                AdErr_SetString(AdExc_TypeError, "format requires a mapping");
                goto fail;
            }
            Ad_ssize_t k = ++i;
            int depth = 1;
            while (i < n) {
                uint32_t c = AdStr_READ_CHAR(format, i);
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) break;
                i++;
            }
            if (i >= n) {
                AdErr_SetString(AdExc_ValueError, "incomplete format key");
                goto fail;
            }
            AdObject *key = AdStr_Substring(format, k, i);
            if (!key)
                goto fail;
            keyed = str_getitem(a.dict, key);
            Ad_DECREF(key);
            if (!keyed)
                goto fail;
            a.arglen = -1;      /* the mapping counts as consumed */
            a.argidx = 1;
            i++;
        }
        int flags = 0;
        Ad_ssize_t width = -1, prec = -1;
        for (; i < n; i++) {
            uint32_t c = AdStr_READ_CHAR(format, i);
            if (c == '-') flags |= F_LJUST;
            else if (c == '+') flags |= F_SIGN;
            else if (c == ' ') flags |= F_BLANK;
            else if (c == '#') flags |= F_ALT;
            else if (c == '0') flags |= F_ZERO;
            else break;
        }
        if (i < n && AdStr_READ_CHAR(format, i) == '*') {
            if (star_arg(&a, &width) < 0)
                goto failk;
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            i++;
        } else {
            while (i < n && AdStr_READ_CHAR(format, i) >= '0' && AdStr_READ_CHAR(format, i) <= '9') {
                if (width < 0) width = 0;
                if (width > ((Ad_ssize_t)(SIZE_MAX >> 1) - 9) / 10) {
                    AdErr_SetString(AdExc_ValueError, "width too big");
                    goto failk;
                }
                width = width * 10 + (AdStr_READ_CHAR(format, i) - '0');
                i++;
            }
        }
        if (i < n && AdStr_READ_CHAR(format, i) == '.') {
            i++;
            prec = 0;
            if (i < n && AdStr_READ_CHAR(format, i) == '*') {
                if (star_arg(&a, &prec) < 0)
                    goto failk;
                if (prec < 0)
                    prec = 0;
                i++;
            } else {
                while (i < n && AdStr_READ_CHAR(format, i) >= '0' && AdStr_READ_CHAR(format, i) <= '9') {
                    if (prec > ((Ad_ssize_t)(SIZE_MAX >> 1) - 9) / 10) {
                        AdErr_SetString(AdExc_ValueError, "precision too big");
                        goto failk;
                    }
                    prec = prec * 10 + (AdStr_READ_CHAR(format, i) - '0');
                    i++;
                }
            }
        }
        while (i < n && (AdStr_READ_CHAR(format, i) == 'h' || AdStr_READ_CHAR(format, i) == 'l' ||
                         AdStr_READ_CHAR(format, i) == 'L'))
            i++;
        if (i >= n) {
            AdErr_SetString(AdExc_ValueError, "incomplete format");
            goto failk;
        }
        uint32_t conv = AdStr_READ_CHAR(format, i++);
        AdObject *v = keyed;
        if (!v && !(v = next_arg(&a)))
            goto fail;
        int r;
        switch (conv) {
        case '%':
            r = AdStrWriter_WriteChar(&w, '%');
            break;
        case 's': case 'r': case 'a': {
            AdObject *t = conv == 's' ? AdObject_Str(v) : conv == 'r' ? AdObject_Repr(v) : AdObject_ASCII(v);
            if (!t) {
                r = -1;
                break;
            }
            Ad_ssize_t len = AdStr_LENGTH(t);
            if (prec >= 0 && prec < len)
                len = prec;
            Ad_ssize_t pad = width > len ? width - len : 0;
            r = 0;
            if (!(flags & F_LJUST))
                r = str_writer_fill(&w, ' ', pad);
            if (r == 0)
                r = str_writer_substr(&w, t, 0, len);
            if (r == 0 && (flags & F_LJUST))
                r = str_writer_fill(&w, ' ', pad);
            Ad_DECREF(t);
            break;
        }
        case 'c':
            r = format_char(&w, v, flags, width);
            break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            r = format_int(&w, v, conv, flags, width, prec);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            r = format_float(&w, v, conv, flags, width, prec);
            break;
        default:
            AdErr_Format(AdExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                         (conv >= 32 && conv < 127) ? (int)conv : '?', (unsigned)conv, i - 1);
            r = -1;
            break;
        }
        (void)spec_start;
        Ad_XDECREF(keyed);
        if (r < 0)
            goto fail;
        continue;
failk:
        Ad_XDECREF(keyed);
        goto fail;
    }
    if (!a.dict && ((a.arglen < 0 && a.argidx == 0) || (a.arglen >= 0 && a.argidx < a.arglen))) {
        AdErr_SetString(AdExc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

AdObject *str_printf(AdObject *format, AdObject *args)
{
    return AdStr_PrintfFormat(format, args);
}

#endif /* STR_KERNEL_READY */
