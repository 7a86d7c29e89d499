/* binascii_module.c: the `binascii` module: hex (hexlify/b2a_hex with sep
 * and bytes_per_sep, unhexlify/a2b_hex), base64 (RFC 4648 alphabet; the
 * decoder skips foreign characters unless strict_mode), quoted-printable
 * (RFC 1521 with CPython's line handling: 76-column soft breaks, CRLF kept
 * when the first line ends with one), uuencode (backtick), crc32 (zlib's)
 * and crc_hqx (CRC-CCITT, polynomial 0x1021), Error (a ValueError) and
 * Incomplete. Messages are CPython's ("Odd-length string", "Incorrect
 * padding", "Illegal char", ...). The a2b_* functions also take ASCII str. */
#include "runtime/lifecycle.h"
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/typeobject.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static AdObject *binascii_error;       /* binascii.Error */
static AdObject *binascii_incomplete;  /* binascii.Incomplete */

static const char hexdigits[] = "0123456789abcdef";
static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* ---- arguments ------------------------------------------------------------------------- */

/* Input data: a buffer view, or the bytes of an ASCII str. */
typedef struct {
    const unsigned char *p;
    Ad_ssize_t len;
    AdBuffer view;
    int has_view;
} Input;

static void input_release(Input *in)
{
    if (in->has_view)
        AdBuffer_Release(&in->view);
    in->has_view = 0;
}

/* A bytes-like argument. 0 or -1. */
static int get_bytes_input(AdObject *o, Input *in)
{
    in->has_view = 0;
    if (AdObject_GetBuffer(o, &in->view, AD_BUF_SIMPLE) < 0)
        return -1;
    in->has_view = 1;
    in->p = in->view.buf;
    in->len = in->view.len;
    return 0;
}

/* A bytes-like argument or an ASCII str. 0 or -1. */
static int get_ascii_input(AdObject *o, Input *in)
{
    in->has_view = 0;
    if (AdStr_Check(o)) {
        if (!((AdStrObject *)o)->ascii) {
            AdErr_SetString(AdExc_ValueError, "string argument should contain only ASCII characters");
            return -1;
        }
        in->p = AdStr_DATA(o);
        in->len = AdStr_LENGTH(o);
        return 0;
    }
    AdTypeObject *t = AD_TYPE(o);
    if (!t->tp_as_buffer || !t->tp_as_buffer->bf_getbuffer) {
        AdErr_Format(AdExc_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
                     AdType_Name(t));
        return -1;
    }
    return get_bytes_input(o, in);
}

/* A bool-ish keyword argument (absent: dflt). -1 on error. */
static int flag_arg(AdObject *o, int dflt)
{
    if (!o)
        return dflt;
    return AdObject_IsTrue(o);
}

/* Refuses more than npos positional arguments (the rest are keyword-only). */
static int check_kwonly(const char *fname, Ad_ssize_t nargs, Ad_ssize_t npos)
{
    if (nargs > npos) {
        AdErr_Format(AdExc_TypeError, "%s() takes exactly %zd positional argument%s (%zd given)", fname,
                     npos, npos == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* A growable output buffer. */
typedef struct {
    unsigned char *p;
    Ad_ssize_t len, cap;
} Out;

static int out_put(Out *o, const void *s, Ad_ssize_t n)
{
    if (o->len + n > o->cap) {
        Ad_ssize_t cap = o->cap ? o->cap * 2 : 64;
        while (cap < o->len + n)
            cap *= 2;
        unsigned char *p = realloc(o->p, (size_t)cap);
        if (!p) {
            AdErr_NoMemory();
            return -1;
        }
        o->p = p;
        o->cap = cap;
    }
    memcpy(o->p + o->len, s, (size_t)n);
    o->len += n;
    return 0;
}

static int out_byte(Out *o, unsigned char c)
{
    return out_put(o, &c, 1);
}

static AdObject *out_finish(Out *o)
{
    AdObject *r = AdBytes_FromStringAndSize((const char *)o->p, o->len);
    free(o->p);
    return r;
}

/* ---- hex --------------------------------------------------------------------------------- */

static AdObject *hexlify_impl(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"data", "sep", "bytes_per_sep", NULL};
    AdObject *a[3];
    if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    Input in;
    if (get_bytes_input(a[0], &in) < 0)
        return NULL;
    char sep = 0;
    Ad_ssize_t per = 1;
    if (a[1]) {
        Ad_ssize_t seplen;
        if (AdStr_Check(a[1])) {
            seplen = AdStr_LENGTH(a[1]);
        } else if (AdBytes_Check(a[1]) || AdByteArray_Check(a[1])) {
            seplen = AD_SIZE(a[1]);
        } else {
            Ad_ssize_t l = AdObject_Size(a[1]);
            if (l < 0) {
                input_release(&in);
                return NULL;
            }
            seplen = l;
        }
        if (seplen != 1) {
            AdErr_SetString(AdExc_ValueError, "sep must be length 1.");
            input_release(&in);
            return NULL;
        }
        if (AdStr_Check(a[1])) {
            uint32_t c = AdStr_READ_CHAR(a[1], 0);
            if (c > 255 && in.len > 1) {
                AdErr_SetString(AdExc_ValueError, "sep must be ASCII.");
                input_release(&in);
                return NULL;
            }
            sep = (char)c;
        } else if (AdBytes_Check(a[1]))
            sep = AdBytes_AS_STRING(a[1])[0];
        else if (AdByteArray_Check(a[1]))
            sep = AdByteArray_AS_STRING(a[1])[0];
        if (a[2]) {
            per = AdNumber_AsSsize_t(a[2], AdExc_OverflowError);
            if (per == -1 && AdErr_Occurred()) {
                input_release(&in);
                return NULL;
            }
        }
    }
    Ad_ssize_t n = in.len, group = per < 0 ? -per : per;
    Ad_ssize_t nseps = 0;
    if (a[1] && group > 0 && n > 0)
        nseps = (n - 1) / group;
    AdObject *res = AdBytes_FromStringAndSize(NULL, 2 * n + nseps);
    if (!res) {
        input_release(&in);
        return NULL;
    }
    char *o = AdBytes_AS_STRING(res);
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (nseps && i > 0) {
            /* per > 0: groups counted from the right; per < 0: from the left */
            Ad_ssize_t k = per > 0 ? n - i : i;
            if (k % group == 0)
                *o++ = sep;
        }
        *o++ = hexdigits[in.p[i] >> 4];
        *o++ = hexdigits[in.p[i] & 15];
    }
    input_release(&in);
    return res;
}

static AdObject *ba_hexlify(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return hexlify_impl("hexlify", args, nargs, kwnames);
}

static AdObject *ba_b2a_hex(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return hexlify_impl("b2a_hex", args, nargs, kwnames);
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static AdObject *ba_unhexlify(AdObject *m, AdObject *arg)
{
    (void)m;
    Input in;
    if (get_ascii_input(arg, &in) < 0)
        return NULL;
    AdObject *res = NULL;
    if (in.len % 2) {
        AdErr_SetString(binascii_error, "Odd-length string");
        goto done;
    }
    res = AdBytes_FromStringAndSize(NULL, in.len / 2);
    if (!res)
        goto done;
    for (Ad_ssize_t i = 0; i < in.len; i += 2) {
        int hi = hexval(in.p[i]), lo = hexval(in.p[i + 1]);
        if (hi < 0 || lo < 0) {
            AdErr_SetString(binascii_error, "Non-hexadecimal digit found");
            AD_CLEAR(res);
            goto done;
        }
        AdBytes_AS_STRING(res)[i / 2] = (char)(hi << 4 | lo);
    }
done:
    input_release(&in);
    return res;
}

/* ---- base64 ----------------------------------------------------------------------------- */

static AdObject *ba_b2a_base64(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "newline", NULL};
    AdObject *a[2];
    if (check_kwonly("b2a_base64", nargs, 1) < 0 ||
        AdArg_Parse("b2a_base64", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    int newline = flag_arg(a[1], 1);
    if (newline < 0)
        return NULL;
    Input in;
    if (get_bytes_input(a[0], &in) < 0)
        return NULL;
    Ad_ssize_t n = in.len;
    AdObject *res = AdBytes_FromStringAndSize(NULL, (n + 2) / 3 * 4 + (newline ? 1 : 0));
    if (!res) {
        input_release(&in);
        return NULL;
    }
    char *o = AdBytes_AS_STRING(res);
    Ad_ssize_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)in.p[i] << 16 | (uint32_t)in.p[i + 1] << 8 | in.p[i + 2];
        *o++ = b64chars[v >> 18];
        *o++ = b64chars[(v >> 12) & 63];
        *o++ = b64chars[(v >> 6) & 63];
        *o++ = b64chars[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)in.p[i] << 16;
        *o++ = b64chars[v >> 18];
        *o++ = b64chars[(v >> 12) & 63];
        *o++ = '=';
        *o++ = '=';
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)in.p[i] << 16 | (uint32_t)in.p[i + 1] << 8;
        *o++ = b64chars[v >> 18];
        *o++ = b64chars[(v >> 12) & 63];
        *o++ = b64chars[(v >> 6) & 63];
        *o++ = '=';
    }
    if (newline)
        *o++ = '\n';
    input_release(&in);
    return res;
}

static int b64val(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

static AdObject *ba_a2b_base64(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "strict_mode", NULL};
    AdObject *a[2];
    if (check_kwonly("a2b_base64", nargs, 1) < 0 ||
        AdArg_Parse("a2b_base64", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    int strict = flag_arg(a[1], 0);
    if (strict < 0)
        return NULL;
    Input in;
    if (get_ascii_input(a[0], &in) < 0)
        return NULL;
    AdObject *res = AdBytes_FromStringAndSize(NULL, in.len / 4 * 3 + 3);
    if (!res) {
        input_release(&in);
        return NULL;
    }
    unsigned char *o = (unsigned char *)AdBytes_AS_STRING(res);
    Ad_ssize_t olen = 0, ndata = 0;
    int quad = 0, pads = 0, padding_started = 0;
    unsigned left = 0;
    const char *err = NULL;
    if (strict && in.len > 0 && in.p[0] == '=') {
        err = "Leading padding not allowed";
        goto fail;
    }
    for (Ad_ssize_t i = 0; i < in.len; i++) {
        unsigned char c = in.p[i];
        if (c == '=') {
            padding_started = 1;
            if (strict && quad == 0) {
                err = "Excess padding not allowed";
                goto fail;
            }
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < in.len) {
                    err = "Excess data after padding";
                    goto fail;
                }
                goto done;
            }
            continue;
        }
        int v = b64val(c);
        if (v < 0) {
            if (strict) {
                err = "Only base64 data is allowed";
                goto fail;
            }
            continue;
        }
        if (strict && padding_started) {
            err = "Discontinuous padding not allowed";
            goto fail;
        }
        pads = 0;
        ndata++;
        switch (quad) {
        case 0:
            left = (unsigned)v;
            quad = 1;
            break;
        case 1:
            o[olen++] = (unsigned char)(left << 2 | (unsigned)v >> 4);
            left = (unsigned)v & 15;
            quad = 2;
            break;
        case 2:
            o[olen++] = (unsigned char)(left << 4 | (unsigned)v >> 2);
            left = (unsigned)v & 3;
            quad = 3;
            break;
        default:
            o[olen++] = (unsigned char)(left << 6 | (unsigned)v);
            quad = 0;
            break;
        }
    }
    if (quad != 0) {
        if (quad == 1)
            AdErr_Format(binascii_error,
                         "Invalid base64-encoded string: number of data characters (%zd) cannot be 1 "
                         "more than a multiple of 4",
                         ndata);
        else
            AdErr_SetString(binascii_error, "Incorrect padding");
        goto fail_set;
    }
done:
    input_release(&in);
    if (AdBytes_Resize(&res, olen) < 0)
        return NULL;
    return res;
fail:
    AdErr_SetString(binascii_error, err);
fail_set:
    input_release(&in);
    Ad_DECREF(res);
    return NULL;
}

/* ---- quoted-printable ------------------------------------------------------------------ */

#define QP_MAXLINE 76

static AdObject *ba_b2a_qp(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"data", "quotetabs", "istext", "header", NULL};
    AdObject *a[4];
    if (AdArg_Parse("b2a_qp", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    int quotetabs = flag_arg(a[1], 0), istext = flag_arg(a[2], 1), header = flag_arg(a[3], 0);
    if (quotetabs < 0 || istext < 0 || header < 0)
        return NULL;
    Input in;
    if (get_bytes_input(a[0], &in) < 0)
        return NULL;
    const unsigned char *d = in.p;
    Ad_ssize_t n = in.len;
    int crlf = 0;
    const unsigned char *nl = memchr(d, '\n', (size_t)n);
    if (nl && nl > d && nl[-1] == '\r')
        crlf = 1;
    Out o = {NULL, 0, 0};
    Ad_ssize_t linelen = 0, i = 0;
    while (i < n) {
        unsigned char c = d[i];
        int encode = c > 126 || c == '=' || (header && c == '_') ||
                     (c == '.' && linelen == 0 &&
                      (i + 1 == n || d[i + 1] == '\n' || d[i + 1] == '\r' || d[i + 1] == 0)) ||
                     (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && i + 1 == n) ||
                     (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
        if (encode) {
            if (linelen + 3 >= QP_MAXLINE) {
                if (out_put(&o, crlf ? "=\r\n" : "=\n", crlf ? 3 : 2) < 0)
                    goto fail;
                linelen = 0;
            }
            unsigned char e[3] = {'=', (unsigned char)"0123456789ABCDEF"[c >> 4],
                                  (unsigned char)"0123456789ABCDEF"[c & 15]};
            if (out_put(&o, e, 3) < 0)
                goto fail;
            i++;
            linelen += 3;
        } else if (istext && (c == '\n' || (i + 1 < n && c == '\r' && d[i + 1] == '\n'))) {
            linelen = 0;
            /* white space at the end of a line is protected */
            if (o.len && (o.p[o.len - 1] == ' ' || o.p[o.len - 1] == '\t')) {
                unsigned char ws = o.p[o.len - 1];
                o.p[o.len - 1] = '=';
                unsigned char e[2] = {(unsigned char)"0123456789ABCDEF"[ws >> 4],
                                      (unsigned char)"0123456789ABCDEF"[ws & 15]};
                if (out_put(&o, e, 2) < 0)
                    goto fail;
            }
            if (out_put(&o, crlf ? "\r\n" : "\n", crlf ? 2 : 1) < 0)
                goto fail;
            i += c == '\r' ? 2 : 1;
        } else {
            if (i + 1 != n && d[i + 1] != '\n' && linelen + 1 >= QP_MAXLINE) {
                if (out_put(&o, crlf ? "=\r\n" : "=\n", crlf ? 3 : 2) < 0)
                    goto fail;
                linelen = 0;
            }
            linelen++;
            if (out_byte(&o, header && c == ' ' ? '_' : c) < 0)
                goto fail;
            i++;
        }
    }
    input_release(&in);
    return out_finish(&o);
fail:
    free(o.p);
    input_release(&in);
    return NULL;
}

static AdObject *ba_a2b_qp(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"data", "header", NULL};
    AdObject *a[2];
    if (AdArg_Parse("a2b_qp", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    int header = flag_arg(a[1], 0);
    if (header < 0)
        return NULL;
    Input in;
    if (get_ascii_input(a[0], &in) < 0)
        return NULL;
    const unsigned char *d = in.p;
    Ad_ssize_t n = in.len, i = 0, olen = 0;
    AdObject *res = AdBytes_FromStringAndSize(NULL, n);
    if (!res) {
        input_release(&in);
        return NULL;
    }
    unsigned char *o = (unsigned char *)AdBytes_AS_STRING(res);
    while (i < n) {
        if (d[i] == '=') {
            i++;
            if (i >= n)
                break;
            if (d[i] == '\n' || d[i] == '\r') {
                /* a soft line break */
                if (d[i] != '\n')
                    while (i < n && d[i] != '\n')
                        i++;
                if (i < n)
                    i++;
            } else if (d[i] == '=') {
                o[olen++] = '=';
                i++;
            } else if (i + 1 < n && hexval(d[i]) >= 0 && hexval(d[i + 1]) >= 0) {
                o[olen++] = (unsigned char)(hexval(d[i]) << 4 | hexval(d[i + 1]));
                i += 2;
            } else {
                o[olen++] = '=';
            }
        } else if (header && d[i] == '_') {
            o[olen++] = ' ';
            i++;
        } else {
            o[olen++] = d[i++];
        }
    }
    input_release(&in);
    if (AdBytes_Resize(&res, olen) < 0)
        return NULL;
    return res;
}

/* ---- uuencode ----------------------------------------------------------------------------- */

static AdObject *ba_b2a_uu(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "backtick", NULL};
    AdObject *a[2];
    if (check_kwonly("b2a_uu", nargs, 1) < 0 || AdArg_Parse("b2a_uu", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    int backtick = flag_arg(a[1], 0);
    if (backtick < 0)
        return NULL;
    Input in;
    if (get_bytes_input(a[0], &in) < 0)
        return NULL;
    Ad_ssize_t n = in.len;
    if (n > 45) {
        input_release(&in);
        AdErr_SetString(binascii_error, "At most 45 bytes at once");
        return NULL;
    }
    AdObject *res = AdBytes_FromStringAndSize(NULL, 2 + (n + 2) / 3 * 4);
    if (!res) {
        input_release(&in);
        return NULL;
    }
    char *o = AdBytes_AS_STRING(res);
#define UU(v) ((char)(backtick && (v) == 0 ? '`' : ' ' + (v)))
    *o++ = UU((int)n);
    for (Ad_ssize_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in.p[i] << 16 | (uint32_t)(i + 1 < n ? in.p[i + 1] : 0) << 8 |
                     (uint32_t)(i + 2 < n ? in.p[i + 2] : 0);
        *o++ = UU((int)(v >> 18));
        *o++ = UU((int)((v >> 12) & 63));
        *o++ = UU((int)((v >> 6) & 63));
        *o++ = UU((int)(v & 63));
    }
#undef UU
    *o++ = '\n';
    input_release(&in);
    return res;
}

static AdObject *ba_a2b_uu(AdObject *m, AdObject *arg)
{
    (void)m;
    Input in;
    if (get_ascii_input(arg, &in) < 0)
        return NULL;
    const unsigned char *d = in.p;
    Ad_ssize_t n = in.len;
    /* the length character; an empty input reads as the NUL after it */
    Ad_ssize_t binlen = ((n > 0 ? d[0] : 0) - ' ') & 63;
    AdObject *res = AdBytes_FromStringAndSize(NULL, binlen);
    if (!res) {
        input_release(&in);
        return NULL;
    }
    unsigned char *o = (unsigned char *)AdBytes_AS_STRING(res);
    memset(o, 0, (size_t)binlen);
    Ad_ssize_t i = 1, olen = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (; olen < binlen; i++) {
        unsigned c = i < n ? d[i] : 0;
        if (i >= n || c == '\n' || c == '\r') {
            c = 0;      /* missing characters count as white space */
        } else {
            if (c < ' ' || c > ' ' + 64) {
                AdErr_SetString(binascii_error, "Illegal char");
                goto fail;
            }
            c = (c - ' ') & 63;
        }
        acc = acc << 6 | c;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            o[olen++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    for (; i < n; i++) {
        unsigned char c = d[i];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            AdErr_SetString(binascii_error, "Trailing garbage");
            goto fail;
        }
    }
    input_release(&in);
    return res;
fail:
    input_release(&in);
    Ad_DECREF(res);
    return NULL;
}

/* ---- checksums ----------------------------------------------------------------------------- */

/* An int argument reduced modulo 2**bits (as C's unsigned conversion). */
static int masked_uint(AdObject *o, int bits, uint32_t *out)
{
    AdObject *i = AdNumber_Index(o);
    if (!i)
        return -1;
    int64_t v;
    if (AdInt_AsInt64Exact(i, &v)) {
        *out = (uint32_t)((uint64_t)v & (bits == 32 ? 0xffffffffu : 0xffffu));
        Ad_DECREF(i);
        return 0;
    }
    AdObject *mask = AdInt_FromInt64(bits == 32 ? 0xffffffffLL : 0xffffLL);
    AdObject *r = mask ? ad_int_and(i, mask) : NULL;
    Ad_XDECREF(mask);
    Ad_DECREF(i);
    if (!r)
        return -1;
    AdInt_AsInt64Exact(r, &v);
    Ad_DECREF(r);
    *out = (uint32_t)v;
    return 0;
}

static AdObject *ba_crc32(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("crc32", nargs, 1, 2) < 0)
        return NULL;
    uint32_t crc = 0;
    if (nargs > 1 && masked_uint(args[1], 32, &crc) < 0)
        return NULL;
    Input in;
    if (get_bytes_input(args[0], &in) < 0)
        return NULL;
    uLong c = crc;
    const unsigned char *p = in.p;
    Ad_ssize_t left = in.len;
    while (left > 0) {
        uInt chunk = left > 0x40000000 ? 0x40000000 : (uInt)left;
        c = crc32(c, p, chunk);
        p += chunk;
        left -= chunk;
    }
    input_release(&in);
    return AdInt_FromUInt64(c & 0xffffffffu);
}

static AdObject *ba_crc_hqx(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("crc_hqx", nargs, 2, 2) < 0)
        return NULL;
    Input in;
    if (get_bytes_input(args[0], &in) < 0)
        return NULL;
    uint32_t crc;
    if (masked_uint(args[1], 16, &crc) < 0) {
        input_release(&in);
        return NULL;
    }
    for (Ad_ssize_t i = 0; i < in.len; i++) {
        crc ^= (uint32_t)in.p[i] << 8;
        for (int k = 0; k < 8; k++)
            crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    input_release(&in);
    return AdInt_FromInt64(crc);
}

/* ---- the module ------------------------------------------------------------------------------ */

#define FKW AD_METH_FASTCALL | AD_METH_KEYWORDS
static AdMethodDef binascii_functions[] = {
    {"a2b_base64", (void (*)(void))ba_a2b_base64, FKW, "Decode a line of base64 data."},
    {"a2b_hex", (void (*)(void))ba_unhexlify, AD_METH_O,
     "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits "
     "(upper or lower case).\nThis function is also available as \"unhexlify()\"."},
    {"a2b_qp", (void (*)(void))ba_a2b_qp, FKW, "Decode a string of qp-encoded data."},
    {"a2b_uu", (void (*)(void))ba_a2b_uu, AD_METH_O, "Decode a line of uuencoded data."},
    {"b2a_base64", (void (*)(void))ba_b2a_base64, FKW, "Base64-code line of data."},
    {"b2a_hex", (void (*)(void))ba_b2a_hex, FKW,
     "Hexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to "
     "separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count "
     "from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  "
     "This function is also\navailable as \"hexlify()\"."},
    {"b2a_qp", (void (*)(void))ba_b2a_qp, FKW,
     "Encode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are "
     "not encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare "
     "both encoded.  When quotetabs is set, space and tabs are encoded."},
    {"b2a_uu", (void (*)(void))ba_b2a_uu, FKW, "Uuencode line of data."},
    {"crc32", (void (*)(void))ba_crc32, AD_METH_FASTCALL, "Compute CRC-32 incrementally."},
    {"crc_hqx", (void (*)(void))ba_crc_hqx, AD_METH_FASTCALL, "Compute CRC-CCITT incrementally."},
    {"hexlify", (void (*)(void))ba_hexlify, FKW,
     "Hexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to "
     "separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count "
     "from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  "
     "This function is also\navailable as \"b2a_hex()\"."},
    {"unhexlify", (void (*)(void))ba_unhexlify, AD_METH_O,
     "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits "
     "(upper or lower case)."},
    {NULL, NULL, 0, NULL},
};
#undef FKW

/* The exception classes the C code raises are given back at finalization
 * (before the last collection frees them). */
static int binascii_fini(AdInterp *interp)
{
    (void)interp;
    AD_CLEAR(binascii_error);
    AD_CLEAR(binascii_incomplete);
    return 0;
}

AdObject *AdModule_InitBinascii(void)
{
    if (Ad_RegisterFiniHook(AD_FINI_THREADS, binascii_fini) < 0)
        return AdErr_Format(AdExc_RuntimeError, "no room for a finalization hook");
    if (!binascii_error) {
        binascii_error = AdErr_NewException("binascii.Error", AdExc_ValueError, NULL);
        if (!binascii_error)
            return NULL;
    }
    if (!binascii_incomplete) {
        binascii_incomplete = AdErr_NewException("binascii.Incomplete", NULL, NULL);
        if (!binascii_incomplete)
            return NULL;
    }
    AdObject *m = AdModule_New("binascii");
    if (!m)
        return NULL;
    if (AdModule_AddFunctions(m, binascii_functions) < 0 ||
        AdModule_AddObjectRef(m, "Error", binascii_error) < 0 ||
        AdModule_AddObjectRef(m, "Incomplete", binascii_incomplete) < 0 ||
        AdModule_SetDocString(m, "Conversion between binary data and ASCII") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
