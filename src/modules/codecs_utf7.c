/* codecs_utf7.c: UTF-7 (RFC 2152) as CPython codes it: set O and white
 * space are written directly, '+' as "+-", everything else in modified
 * base64 shift sequences of UTF-16 units; the decoder keeps incomplete
 * shift sequences for the next call when not final. */
#include "modules/codecs_internal.h"

#include <string.h>
#include "numeric/numeric.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int is_b64(unsigned c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

static unsigned from_b64(unsigned c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : 63;
}

/* Characters written as themselves by the encoder: all of ASCII but NUL,
 * the controls other than \t \n \r, '+', '\\' and '~'. */
static int encode_direct(uint32_t c)
{
    if (c == 0 || c >= 128 || c == '+' || c == '\\' || c == '~' || c == 127)
        return 0;
    if (c < 32)
        return c == '\t' || c == '\n' || c == '\r';
    return 1;
}

AdObject *codecs_utf7_encode(AdObject *str, const char *errors)
{
    (void)errors;
    AdNumBuf out = {0};
    Ad_ssize_t n = AdStr_LENGTH(str);
    int shift = 0, bits = 0;
    uint64_t buf = 0;
    int r = 0;
    for (Ad_ssize_t i = 0; i < n && r == 0; i++) {
        uint32_t c = AdStr_READ_CHAR(str, i);
        if (shift) {
            if (encode_direct(c)) {
                if (bits) {
                    r |= AdNumBuf_AppendChar(&out, b64chars[(buf << (6 - bits)) & 0x3F]);
                    bits = 0;
                    buf = 0;
                }
                shift = 0;
                if (is_b64(c) || c == '-')
                    r |= AdNumBuf_AppendChar(&out, '-');
                r |= AdNumBuf_AppendChar(&out, (char)c);
                continue;
            }
        } else if (c == '+') {
            r |= AdNumBuf_Append(&out, "+-", 2);
            continue;
        } else if (encode_direct(c)) {
            r |= AdNumBuf_AppendChar(&out, (char)c);
            continue;
        } else {
            r |= AdNumBuf_AppendChar(&out, '+');
            shift = 1;
        }
        uint32_t units[2];
        int nu = 0;
        if (c >= 0x10000) {
            units[nu++] = 0xD800 + ((c - 0x10000) >> 10);
            units[nu++] = 0xDC00 + ((c - 0x10000) & 0x3FF);
        } else
            units[nu++] = c;
        for (int u = 0; u < nu; u++) {
            bits += 16;
            buf = (buf << 16) | units[u];
            while (bits >= 6) {
                r |= AdNumBuf_AppendChar(&out, b64chars[(buf >> (bits - 6)) & 0x3F]);
                bits -= 6;
            }
        }
    }
    if (bits)
        r |= AdNumBuf_AppendChar(&out, b64chars[(buf << (6 - bits)) & 0x3F]);
    if (shift)
        r |= AdNumBuf_AppendChar(&out, '-');
    if (r) {
        AdNumBuf_Free(&out);
        return AdErr_NoMemory();
    }
    AdObject *b = AdBytes_FromStringAndSize(out.data ? out.data : "", (Ad_ssize_t)out.len);
    AdNumBuf_Free(&out);
    return b;
}

AdObject *codecs_utf7_decode(const char *data, Ad_ssize_t n, const char *errors, int final)
{
    const unsigned char *s = (const unsigned char *)data;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    AdObject *handler = NULL;
    int shift = 0, bits = 0;
    uint32_t buf = 0, surrogate = 0;
    Ad_ssize_t i = 0, start = 0, shift_out = 0;
    const char *msg;
    while (i < n) {
        unsigned c = s[i];
        if (shift) {
            if (is_b64(c)) {
                buf = (buf << 6) | from_b64(c);
                bits += 6;
                i++;
                if (bits >= 16) {
                    uint32_t u = (buf >> (bits - 16)) & 0xFFFF;
                    bits -= 16;
                    buf &= (1u << bits) - 1;
                    if (surrogate) {
                        if (u >= 0xDC00 && u <= 0xDFFF) {
                            if (AdStrWriter_WriteChar(&w, 0x10000 + ((surrogate - 0xD800) << 10) + (u - 0xDC00)) < 0)
                                goto fail;
                            surrogate = 0;
                            continue;
                        }
                        if (AdStrWriter_WriteChar(&w, surrogate) < 0)
                            goto fail;
                        surrogate = 0;
                    }
                    if (u >= 0xD800 && u <= 0xDBFF)
                        surrogate = u;
                    else if (AdStrWriter_WriteChar(&w, u) < 0)
                        goto fail;
                }
                continue;
            }
            shift = 0;
            if (bits > 0) {
                if (bits >= 6) {
                    i++;
                    msg = "partial character in shift sequence";
                    goto error;
                }
                if (buf != 0) {
                    i++;
                    msg = "non-zero padding bits in shift sequence";
                    goto error;
                }
            }
            if (surrogate && c < 128 && c != '+' && AdStrWriter_WriteChar(&w, surrogate) < 0)
                goto fail;
            surrogate = 0;
            if (c == '-')
                i++;
            continue;
        }
        if (c == '+') {
            start = i++;
            if (i < n && s[i] == '-') {
                i++;
                if (AdStrWriter_WriteChar(&w, '+') < 0)
                    goto fail;
            } else if (i < n && !is_b64(s[i])) {
                i++;
                msg = "ill-formed sequence";
                goto error;
            } else {
                shift = 1;
                surrogate = 0;
                shift_out = w.len;
                bits = 0;
                buf = 0;
            }
            continue;
        }
        if (c < 128) {
            if (AdStrWriter_WriteChar(&w, c) < 0)
                goto fail;
            i++;
            continue;
        }
        start = i++;
        msg = "unexpected special character";
    error:
        if (codecs_decode_error("utf7", errors, &handler, data, n, start, i, msg, &w, &i) < 0)
            goto fail;
    }
    Ad_ssize_t consumed = i;
    if (shift && final) {
        shift = 0;
        if (surrogate || bits >= 6 || (bits > 0 && buf != 0)) {
            if (codecs_decode_error("utf7", errors, &handler, data, n, start, n,
                                    "unterminated shift sequence", &w, &consumed) < 0)
                goto fail;
        }
        consumed = n;
    }
    if (shift) {
        consumed = start;
        w.len = shift_out;      /* the shift sequence is decoded again with more data */
        w.maxchar = 0;
        for (Ad_ssize_t k = 0; k < w.len; k++)
            if (w.buf[k] > w.maxchar)
                w.maxchar = w.buf[k];
    }
    Ad_XDECREF(handler);
    AdObject *r = AdStrWriter_Finish(&w);
    if (!r)
        return NULL;
    AdObject *t = AdTuple_New(2), *c = AdInt_FromSsize_t(consumed);
    if (!t || !c) {
        Ad_XDECREF(t);
        Ad_XDECREF(c);
        Ad_DECREF(r);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, r);
    AdTuple_SET_ITEM(t, 1, c);
    return t;
fail:
    Ad_XDECREF(handler);
    AdStrWriter_Dealloc(&w);
    return NULL;
}
