/* textio_text.c: the text layer of Adder's native files (textio.h),
 * _io.TextIOWrapper over a binary file object. Input is decoded chunk by
 * chunk (a chunk ends on a character boundary of the encoding; a BOM of
 * utf-8-sig, utf-16 and utf-32 is honoured once) into a buffer of code
 * points kept untranslated, so tell() can count the bytes behind what was
 * consumed; newline translation and line splitting happen as characters
 * are taken. Output is translated, encoded and appended to the binary
 * layer's buffer, flushed at a newline when line buffering is on. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modules/textio.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

enum {
    KIND_UTF8, KIND_UTF8_SIG, KIND_SINGLE, KIND_UTF16, KIND_UTF16LE, KIND_UTF16BE,
    KIND_UTF32, KIND_UTF32LE, KIND_UTF32BE, KIND_OTHER
};

#define SELF ((AdTextIOObject *)self)
#define BUF(t) ((AdBinaryFileObject *)(t)->buffer)

/* "UTF_8" -> "utf-8" for comparisons. */
static void norm_name(const char *in, char *out, size_t size)
{
    size_t i = 0;
    for (; in[i] && i + 1 < size; i++)
        out[i] = (in[i] == '_' || in[i] == ' ') ? '-' : (char)tolower((unsigned char)in[i]);
    out[i] = '\0';
}

static int encoding_kind(const char *name)
{
    char n[64];
    norm_name(name, n, sizeof n);
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const single[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819",
                                         "l1", "latin", "ascii", "us-ascii", "646", "iso-ir-6", NULL};
    for (int i = 0; utf8[i]; i++)
        if (strcmp(n, utf8[i]) == 0)
            return KIND_UTF8;
    for (int i = 0; single[i]; i++)
        if (strcmp(n, single[i]) == 0)
            return KIND_SINGLE;
    if (strcmp(n, "utf-8-sig") == 0 || strcmp(n, "utf8-sig") == 0)
        return KIND_UTF8_SIG;
    if (strcmp(n, "utf-16") == 0 || strcmp(n, "utf16") == 0)
        return KIND_UTF16;
    if (strcmp(n, "utf-16-le") == 0 || strcmp(n, "utf-16le") == 0)
        return KIND_UTF16LE;
    if (strcmp(n, "utf-16-be") == 0 || strcmp(n, "utf-16be") == 0)
        return KIND_UTF16BE;
    if (strcmp(n, "utf-32") == 0 || strcmp(n, "utf32") == 0)
        return KIND_UTF32;
    if (strcmp(n, "utf-32-le") == 0 || strcmp(n, "utf-32le") == 0)
        return KIND_UTF32LE;
    if (strcmp(n, "utf-32-be") == 0 || strcmp(n, "utf-32be") == 0)
        return KIND_UTF32BE;
    if (strncmp(n, "iso8859-", 8) == 0 || strncmp(n, "iso-8859-", 9) == 0 || strncmp(n, "cp125", 5) == 0)
        return KIND_SINGLE;
    return KIND_OTHER;
}

static int set_cstr(char **slot, const char *v)
{
    char *c = strdup(v);
    if (!c) {
        AdErr_NoMemory();
        return -1;
    }
    free(*slot);
    *slot = c;
    return 0;
}

/* ---- input -------------------------------------------------------------------- */

/* Bytes that chars p[0..n) took in the encoding; -1 on error. */
static int64_t enc_len(AdTextIOObject *t, const uint32_t *p, Ad_ssize_t n)
{
    int64_t total = 0;
    switch (t->enc_kind) {
    case KIND_UTF8:
    case KIND_UTF8_SIG:
        for (Ad_ssize_t i = 0; i < n; i++) {
            uint32_t c = p[i];
            total += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xDC80 && c <= 0xDCFF) ? 1 : c < 0x10000 ? 3 : 4;
        }
        return total;
    case KIND_SINGLE:
        return n;
    case KIND_UTF16: case KIND_UTF16LE: case KIND_UTF16BE:
        for (Ad_ssize_t i = 0; i < n; i++)
            total += p[i] >= 0x10000 ? 4 : 2;
        return total;
    case KIND_UTF32: case KIND_UTF32LE: case KIND_UTF32BE:
        return 4 * (int64_t)n;
    default: {
        AdObject *s = AdStr_FromUCS4(p, n);
        AdObject *b = s ? AdStr_AsEncodedString(s, t->enc, t->err) : NULL;
        Ad_XDECREF(s);
        if (!b)
            return -1;
        total = AdBytes_GET_SIZE(b);
        Ad_DECREF(b);
        return total;
    }
    }
}

static int pend_reserve(AdTextIOObject *t, Ad_ssize_t extra)
{
    if (t->ppos > 0) {
        int64_t used = enc_len(t, t->pend, t->ppos);
        if (used < 0)
            return -1;
        t->pend_start += used;
        memmove(t->pend, t->pend + t->ppos, (size_t)(t->plen - t->ppos) * sizeof(uint32_t));
        t->plen -= t->ppos;
        t->ppos = 0;
    }
    if (t->plen + extra > t->pcap) {
        Ad_ssize_t cap = t->pcap ? t->pcap : 1024;
        while (cap < t->plen + extra)
            cap *= 2;
        uint32_t *np = realloc(t->pend, (size_t)cap * sizeof(uint32_t));
        if (!np) {
            AdErr_NoMemory();
            return -1;
        }
        t->pend = np;
        t->pcap = cap;
    }
    return 0;
}

/* How much of the undecoded bytes form whole characters. */
static Ad_ssize_t complete_prefix(AdTextIOObject *t, int final)
{
    const unsigned char *u = (const unsigned char *)t->undecoded;
    Ad_ssize_t n = t->ulen;
    if (final)
        return n;
    switch (t->enc_kind) {
    case KIND_UTF8:
    case KIND_UTF8_SIG: {
        for (Ad_ssize_t back = 1; back <= 4 && back <= n; back++) {
            unsigned char c = u[n - back];
            if ((c & 0xC0) == 0x80)
                continue;
            Ad_ssize_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
    case KIND_SINGLE:
        return n;
    case KIND_UTF16LE:
    case KIND_UTF16BE: {
        Ad_ssize_t m = n & ~(Ad_ssize_t)1;
        if (m >= 2) {
            unsigned hi = t->enc_kind == KIND_UTF16LE ? u[m - 1] : u[m - 2];
            if (hi >= 0xD8 && hi <= 0xDB)
                m -= 2;
        }
        return m;
    }
    case KIND_UTF32LE:
    case KIND_UTF32BE:
        return n & ~(Ad_ssize_t)3;
    default:
        return 0;   /* other codecs: decode everything at the end */
    }
}

/* Handles a BOM at the start of input; 0 done, 1 need more bytes. */
static int take_bom(AdTextIOObject *t, int final)
{
    const unsigned char *u = (const unsigned char *)t->undecoded;
    Ad_ssize_t n = t->ulen, skip = 0;
    if (t->bom_state || (t->enc_kind != KIND_UTF8_SIG && t->enc_kind != KIND_UTF16 && t->enc_kind != KIND_UTF32))
        return 0;
    if (t->enc_kind == KIND_UTF8_SIG) {
        static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
        if (n < 3 && !final && memcmp(u, bom, (size_t)n) == 0)
            return 1;
        if (n >= 3 && memcmp(u, bom, 3) == 0)
            skip = 3;
    }
    else if (t->enc_kind == KIND_UTF16) {
        if (n < 2 && !final)
            return 1;
        int be = n >= 2 && u[0] == 0xFE && u[1] == 0xFF;
        if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || be))
            skip = 2;
        t->enc_kind = be ? KIND_UTF16BE : KIND_UTF16LE;
        if (set_cstr(&t->enc, be ? "utf-16-be" : "utf-16-le") < 0)
            return -1;
    }
    else {
        if (n < 4 && !final)
            return 1;
        int be = n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF;
        if (n >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) || be))
            skip = 4;
        t->enc_kind = be ? KIND_UTF32BE : KIND_UTF32LE;
        if (set_cstr(&t->enc, be ? "utf-32-be" : "utf-32-le") < 0)
            return -1;
    }
    t->bom_state = 1;
    if (skip) {
        memmove(t->undecoded, t->undecoded + skip, (size_t)(n - skip));
        t->ulen -= skip;
        if (t->plen == 0)
            t->pend_start += skip;
    }
    return 0;
}

static int decode_more(AdTextIOObject *t, const char *data, Ad_ssize_t n, int final)
{
    if (n > 0) {
        if (t->ulen + n > t->ucap) {
            Ad_ssize_t cap = t->ucap ? t->ucap : 64;
            while (cap < t->ulen + n)
                cap *= 2;
            char *nu = realloc(t->undecoded, (size_t)cap);
            if (!nu) {
                AdErr_NoMemory();
                return -1;
            }
            t->undecoded = nu;
            t->ucap = cap;
        }
        memcpy(t->undecoded + t->ulen, data, (size_t)n);
        t->ulen += n;
    }
    int rc = take_bom(t, final);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    Ad_ssize_t m = complete_prefix(t, final);
    if (m == 0)
        return 0;
    AdObject *s = AdStr_Decode(t->undecoded, m, t->enc, t->err);
    if (!s)
        return -1;
    Ad_ssize_t len = AdStr_LENGTH(s);
    if (pend_reserve(t, len) < 0) {
        Ad_DECREF(s);
        return -1;
    }
    int kind = AdStr_KIND(s);
    const void *d = AdStr_DATA(s);
    for (Ad_ssize_t i = 0; i < len; i++)
        t->pend[t->plen++] = AdStr_READ(kind, d, i);
    Ad_DECREF(s);
    memmove(t->undecoded, t->undecoded + m, (size_t)(t->ulen - m));
    t->ulen -= m;
    return 0;
}

/* Reads one chunk from the buffer and decodes it; sets eof at the end. */
static int text_fill(AdTextIOObject *t)
{
    if (t->plen == t->ppos && t->ulen == 0) {
        t->ppos = t->plen = 0;
        if (BUF(t)->seekable != 0) {
            int64_t pos = lseek(BUF(t)->fd, 0, SEEK_CUR);
            if (pos >= 0) {
                BUF(t)->seekable = 1;
                t->pend_start = pos - (BUF(t)->rlen - BUF(t)->rpos) + BUF(t)->wlen;
            }
            else
                BUF(t)->seekable = 0;
        }
    }
    char *data;
    Ad_ssize_t n = modules_binfile_read_some(BUF(t), 8192, &data);
    if (n < 0)
        return -1;
    int rc;
    if (n == 0) {
        t->eof = 1;
        rc = decode_more(t, NULL, 0, 1);
    }
    else
        rc = decode_more(t, data, n, 0);
    free(data);
    return rc;
}

typedef struct {
    uint32_t *buf;
    Ad_ssize_t len, cap;
} CharBuf;

static int cb_put(CharBuf *cb, uint32_t c)
{
    if (cb->len == cb->cap) {
        Ad_ssize_t cap = cb->cap ? cb->cap * 2 : 128;
        uint32_t *nb = realloc(cb->buf, (size_t)cap * sizeof(uint32_t));
        if (!nb) {
            AdErr_NoMemory();
            return -1;
        }
        cb->buf = nb;
        cb->cap = cap;
    }
    cb->buf[cb->len++] = c;
    return 0;
}

/* Makes sure pend holds the character after ppos, if the stream has one. */
static int need_lookahead(AdTextIOObject *t)
{
    while (t->ppos + 1 >= t->plen && !t->eof)
        if (text_fill(t) < 0)
            return -1;
    return 0;
}

/* Takes up to limit characters (limit < 0: no limit), stopping after a
 * line ending when lines is set. New str or NULL. */
static AdObject *text_take(AdTextIOObject *t, Ad_ssize_t limit, int lines)
{
    CharBuf cb = {NULL, 0, 0};
    t->eof = 0;
    while (limit < 0 || cb.len < limit) {
        if (t->ppos == t->plen) {
            if (t->eof)
                break;
            if (text_fill(t) < 0)
                goto fail;
            continue;
        }
        uint32_t c = t->pend[t->ppos];
        if (c == '\r' && (t->readtranslate || (lines && t->readuniversal))) {
            if (need_lookahead(t) < 0)
                goto fail;
            int crlf = t->ppos + 1 < t->plen && t->pend[t->ppos + 1] == '\n';
            if (t->readtranslate) {
                if (cb_put(&cb, '\n') < 0)
                    goto fail;
                t->ppos += crlf ? 2 : 1;
            }
            else {
                if (cb_put(&cb, '\r') < 0)
                    goto fail;
                t->ppos++;
                if (crlf && (limit < 0 || cb.len < limit)) {
                    if (cb_put(&cb, '\n') < 0)
                        goto fail;
                    t->ppos++;
                }
            }
            if (lines)
                break;
            continue;
        }
        if (cb_put(&cb, c) < 0)
            goto fail;
        t->ppos++;
        if (!lines)
            continue;
        if (t->readuniversal) {
            if (c == '\n')
                break;
        }
        else if (t->readnl_len == 1) {
            if (c == t->readnl[0])
                break;
        }
        else if (c == '\n' && cb.len >= 2 && cb.buf[cb.len - 2] == '\r')
            break;
    }
    AdObject *s = AdStr_FromUCS4(cb.buf ? cb.buf : (uint32_t *)"", cb.len);
    free(cb.buf);
    return s;
fail:
    free(cb.buf);
    return NULL;
}

/* ---- output ------------------------------------------------------------------- */

static int check_open(AdTextIOObject *t)
{
    if (t->detached) {
        AdErr_SetString(AdExc_ValueError, "underlying buffer has been detached");
        return -1;
    }
    return modules_io_check_closed(BUF(t)->closed);
}

/* Drops read-ahead so that writing happens at the logical position. */
static int64_t text_tell_pos(AdTextIOObject *t);
static void reset_decoder(AdTextIOObject *t)
{
    t->ppos = t->plen = 0;
    t->ulen = 0;
    t->eof = 0;
}

static int sync_for_write(AdTextIOObject *t)
{
    if (t->ppos == t->plen && t->ulen == 0)
        return 0;
    if (BUF(t)->seekable == 0) {
        reset_decoder(t);
        return 0;
    }
    int64_t pos = text_tell_pos(t);
    if (pos < 0)
        return -1;
    reset_decoder(t);
    return modules_binfile_seek(BUF(t), pos, SEEK_SET) < 0 ? -1 : 0;
}

static const char *write_encoding(AdTextIOObject *t)
{
    if (t->bom_state) {
        if (t->enc_kind == KIND_UTF8_SIG)
            return "utf-8";
        if (t->enc_kind == KIND_UTF16)
            return "utf-16-le";
        if (t->enc_kind == KIND_UTF32)
            return "utf-32-le";
    }
    return t->enc;
}

/* Writes str s; returns its length or -1. */
static Ad_ssize_t text_write_str(AdTextIOObject *t, AdObject *s)
{
    if (check_open(t) < 0)
        return -1;
    if (!BUF(t)->writable) {
        modules_io_unsupported("not writable");
        return -1;
    }
    if (!AdStr_Check(s)) {
        AdErr_Format(AdExc_TypeError, "write() argument must be str, not %s", AdType_Name(AD_TYPE(s)));
        return -1;
    }
    if (sync_for_write(t) < 0)
        return -1;
    Ad_ssize_t len = AdStr_LENGTH(s);
    int has_nl = AdStr_FindChar(s, '\n', 0, len) >= 0;
    int has_cr = has_nl || AdStr_FindChar(s, '\r', 0, len) >= 0;
    AdObject *text = Ad_NewRef(s);
    if (t->writenl && has_nl) {
        AdStrWriter w;
        AdStrWriter_Init(&w);
        for (Ad_ssize_t i = 0; i < len; i++) {
            uint32_t c = AdStr_READ_CHAR(s, i);
            int rc = c == '\n' ? AdStrWriter_WriteASCII(&w, t->writenl, (Ad_ssize_t)strlen(t->writenl))
                               : AdStrWriter_WriteChar(&w, c);
            if (rc < 0) {
                AdStrWriter_Dealloc(&w);
                Ad_DECREF(text);
                return -1;
            }
        }
        AD_SETREF(text, AdStrWriter_Finish(&w));
        if (!text)
            return -1;
    }
    int rc;
    AdStrObject *so = (AdStrObject *)text;
    if (so->ascii && (t->enc_kind == KIND_UTF8 || t->enc_kind == KIND_SINGLE ||
                      (t->enc_kind == KIND_UTF8_SIG && t->bom_state)))
        rc = modules_binfile_write(BUF(t), (const char *)AdStr_DATA(text), AdStr_LENGTH(text));
    else {
        AdObject *b = AdStr_AsEncodedString(text, write_encoding(t), t->err);
        if (!b) {
            Ad_DECREF(text);
            return -1;
        }
        rc = modules_binfile_write(BUF(t), AdBytes_AS_STRING(b), AdBytes_GET_SIZE(b));
        Ad_DECREF(b);
    }
    Ad_DECREF(text);
    if (rc < 0)
        return -1;
    if (AdStr_LENGTH(s) > 0)
        t->bom_state = 1;
    if (t->write_through || (t->line_buffering && has_cr))
        if (modules_binfile_flush(BUF(t)) < 0)
            return -1;
    return len;
}

int AdIO_WriteObject(AdObject *stream, AdObject *str)
{
    if (Ad_IS_TYPE(stream, &AdTextIOWrapper_Type))
        return text_write_str((AdTextIOObject *)stream, str) < 0 ? -1 : 0;
    AdObject *name = AdStr_InternFromString("write");
    if (!name)
        return -1;
    AdObject *r = AdObject_CallMethod(stream, name, &str, 1);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

int AdIO_WriteString(AdObject *stream, const char *utf8)
{
    AdObject *s = AdStr_FromString(utf8);
    if (!s)
        return -1;
    int rc = AdIO_WriteObject(stream, s);
    Ad_DECREF(s);
    return rc;
}

int AdIO_Flush(AdObject *stream)
{
    if (Ad_IS_TYPE(stream, &AdTextIOWrapper_Type)) {
        AdTextIOObject *t = (AdTextIOObject *)stream;
        if (check_open(t) < 0)
            return -1;
        return BUF(t)->writable ? modules_binfile_flush(BUF(t)) : 0;
    }
    AdObject *name = AdStr_InternFromString("flush");
    if (!name)
        return -1;
    AdObject *r = AdObject_CallMethod(stream, name, NULL, 0);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

/* ---- construction --------------------------------------------------------------- */

static int set_newline(AdTextIOObject *t, const char *newline)
{
    t->readtranslate = newline == NULL;
    t->readuniversal = newline == NULL || newline[0] == '\0';
    t->readnl_len = 0;
    t->writenl = NULL;
    if (newline && newline[0]) {
        t->readnl[0] = (unsigned char)newline[0];
        t->readnl[1] = newline[1] ? (unsigned char)newline[1] : 0;
        t->readnl_len = newline[1] ? 2 : 1;
        if (strcmp(newline, "\r") == 0)
            t->writenl = "\r";
        else if (strcmp(newline, "\r\n") == 0)
            t->writenl = "\r\n";
    }
    AdObject *arg = newline ? AdStr_FromString(newline) : Ad_NewRef(Ad_None);
    if (!arg)
        return -1;
    AD_XSETREF(t->newline_arg, arg);
    return 0;
}

static int set_encoding(AdTextIOObject *t, const char *encoding, const char *errors)
{
    AdObject *e = AdStr_FromString(encoding), *r = AdStr_FromString(errors);
    if (!e || !r || set_cstr(&t->enc, encoding) < 0 || set_cstr(&t->err, errors) < 0) {
        Ad_XDECREF(e);
        Ad_XDECREF(r);
        return -1;
    }
    AD_XSETREF(t->encoding, e);
    AD_XSETREF(t->errors, r);
    t->enc_kind = encoding_kind(encoding);
    return 0;
}

AdObject *AdTextIO_Wrap(AdObject *buffer, const char *encoding, const char *errors,
                        const char *newline, int line_buffering, int write_through)
{
    AdTextIOObject *t = (AdTextIOObject *)AdType_GenericAlloc(&AdTextIOWrapper_Type, 0);
    if (!t)
        return NULL;
    t->buffer = Ad_NewRef(buffer);
    t->line_buffering = line_buffering;
    t->write_through = write_through;
    if (set_encoding(t, encoding ? encoding : AdIO_DefaultEncoding(), errors ? errors : "strict") < 0 ||
        set_newline(t, newline) < 0) {
        Ad_DECREF((AdObject *)t);
        return NULL;
    }
    AdBinaryFileObject *b = BUF(t);
    snprintf(t->mode, sizeof t->mode, "%s", b->readable && b->writable ? "r+" : b->readable ? "r" : "w");
    /* No BOM in the middle of a file (append mode, or reopened at an offset). */
    if (b->writable && b->appending) {
        off_t pos = lseek(b->fd, 0, SEEK_CUR);
        if (pos > 0)
            t->bom_state = 1;
    }
    return (AdObject *)t;
}

/* ---- methods -------------------------------------------------------------------- */

static int check_readable(AdTextIOObject *t)
{
    if (check_open(t) < 0)
        return -1;
    if (!BUF(t)->readable) {
        modules_io_unsupported("not readable");
        return -1;
    }
    if (BUF(t)->writable && BUF(t)->wlen > 0 && modules_binfile_flush(BUF(t)) < 0)
        return -1;
    return 0;
}

static int size_arg(AdObject *const *args, Ad_ssize_t nargs, const char *fname, Ad_ssize_t *out)
{
    *out = -1;
    if (nargs > 1) {
        AdErr_Format(AdExc_TypeError, "%s expected at most 1 argument, got %zd", fname, nargs);
        return -1;
    }
    if (nargs == 1 && args[0] != Ad_None) {
        if (!AdIndex_Check(args[0])) {
            AdErr_Format(AdExc_TypeError, "argument should be integer or None, not '%s'",
                         AdType_Name(AD_TYPE(args[0])));
            return -1;
        }
        *out = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (*out == -1 && AdErr_Occurred())
            return -1;
    }
    return 0;
}

static AdObject *text_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t n;
    if (size_arg(args, nargs, "read", &n) < 0 || check_readable(SELF) < 0)
        return NULL;
    return text_take(SELF, n, 0);
}

static AdObject *text_readline(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t n;
    if (size_arg(args, nargs, "readline", &n) < 0 || check_readable(SELF) < 0)
        return NULL;
    return text_take(SELF, n, 1);
}

static AdObject *text_readlines(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t hint;
    if (size_arg(args, nargs, "readlines", &hint) < 0 || check_readable(SELF) < 0)
        return NULL;
    AdObject *list = AdList_New(0);
    Ad_ssize_t total = 0;
    while (list) {
        AdObject *line = text_take(SELF, -1, 1);
        if (!line) {
            AD_CLEAR(list);
            break;
        }
        if (AdStr_LENGTH(line) == 0) {
            Ad_DECREF(line);
            break;
        }
        total += AdStr_LENGTH(line);
        if (AdList_Append(list, line) < 0)
            AD_CLEAR(list);
        Ad_DECREF(line);
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

static AdObject *text_write(AdObject *self, AdObject *arg)
{
    Ad_ssize_t n = text_write_str(SELF, arg);
    return n < 0 ? NULL : AdInt_FromSsize_t(n);
}

static AdObject *text_writelines(AdObject *self, AdObject *lines)
{
    if (check_open(SELF) < 0)
        return NULL;
    AdObject *it = AdObject_GetIter(lines), *item;
    if (!it)
        return NULL;
    while ((item = AdIter_Next(it))) {
        Ad_ssize_t n = text_write_str(SELF, item);
        Ad_DECREF(item);
        if (n < 0) {
            Ad_DECREF(it);
            return NULL;
        }
    }
    Ad_DECREF(it);
    if (AdErr_Occurred())
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *text_flush(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdIO_Flush(self) < 0 ? NULL : Ad_None;
}

static AdObject *text_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (SELF->detached || BUF(SELF)->closed)
        Ad_RETURN_NONE;
    int rc = BUF(SELF)->writable ? modules_binfile_flush(BUF(SELF)) : 0;
    AdObject *exc = rc < 0 ? AdErr_GetRaisedException() : NULL;
    int rc2 = modules_binfile_close(BUF(SELF));
    if (exc) {
        if (rc2 < 0)
            AdErr_Clear();
        AdErr_SetRaisedException(exc);
        return NULL;
    }
    return rc2 < 0 ? NULL : Ad_None;
}

static int check_seekable(AdTextIOObject *t)
{
    if (check_open(t) < 0)
        return -1;
    AdBinaryFileObject *b = BUF(t);
    if (b->seekable < 0)
        b->seekable = lseek(b->fd, 0, SEEK_CUR) >= 0;
    if (!b->seekable) {
        modules_io_unsupported("underlying stream is not seekable");
        return -1;
    }
    return 0;
}

static int64_t text_tell_pos(AdTextIOObject *t)
{
    if (t->ppos == t->plen && t->ulen == 0) {
        t->ppos = t->plen = 0;
        return modules_binfile_tell(BUF(t));
    }
    int64_t used = enc_len(t, t->pend, t->ppos);
    return used < 0 ? -1 : t->pend_start + used;
}

static AdObject *text_tell(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_seekable(SELF) < 0)
        return NULL;
    if (BUF(SELF)->writable && modules_binfile_flush(BUF(SELF)) < 0)
        return NULL;
    int64_t pos = text_tell_pos(SELF);
    return pos < 0 ? NULL : AdInt_FromInt64(pos);
}

static AdObject *text_seek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2)
        return AdErr_Format(AdExc_TypeError, "seek expected at least 1 argument, got %zd", nargs);
    if (check_seekable(SELF) < 0)
        return NULL;
    int64_t cookie = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
    if (cookie == -1 && AdErr_Occurred())
        return NULL;
    int64_t whence = nargs > 1 ? AdNumber_AsSsize_t(args[1], AdExc_OverflowError) : 0;
    if (whence == -1 && AdErr_Occurred())
        return NULL;
    if (whence == 1 && cookie != 0)
        return modules_io_unsupported("can't do nonzero cur-relative seeks");
    if (whence == 2 && cookie != 0)
        return modules_io_unsupported("can't do nonzero end-relative seeks");
    if (whence < 0 || whence > 2)
        return AdErr_Format(AdExc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (whence == 0 && cookie < 0)
        return AdErr_Format(AdExc_ValueError, "negative seek position %lld", (long long)cookie);
    if (BUF(SELF)->writable && modules_binfile_flush(BUF(SELF)) < 0)
        return NULL;
    if (whence == 1) {
        int64_t pos = text_tell_pos(SELF);
        if (pos < 0)
            return NULL;
        cookie = pos;
        whence = 0;
    }
    reset_decoder(SELF);
    int64_t r = modules_binfile_seek(BUF(SELF), cookie, (int)whence);
    if (r < 0)
        return NULL;
    SELF->bom_state = r > 0;
    if (r == 0) {
        /* Back at the start: a BOM may be read (or written) again. */
        const char *name = AdStr_AsUTF8(SELF->encoding);
        if (!name || set_cstr(&SELF->enc, name) < 0)
            return NULL;
        SELF->enc_kind = encoding_kind(name);
    }
    return AdInt_FromInt64(r);
}

static AdObject *text_truncate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (check_open(SELF) < 0)
        return NULL;
    if (!BUF(SELF)->writable)
        return modules_io_unsupported("not writable");
    if (BUF(SELF)->wlen > 0 && modules_binfile_flush(BUF(SELF)) < 0)
        return NULL;
    int64_t size;
    if (nargs > 0 && args[0] != Ad_None) {
        size = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (size == -1 && AdErr_Occurred())
            return NULL;
    }
    else if ((size = text_tell_pos(SELF)) < 0)
        return NULL;
    AdObject *sz = AdInt_FromInt64(size);
    if (!sz)
        return NULL;
    AdObject *name = AdStr_InternFromString("truncate");
    AdObject *r = name ? AdObject_CallMethod(SELF->buffer, name, &sz, 1) : NULL;
    Ad_DECREF(sz);
    return r;
}

static AdObject *text_fileno(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_open(SELF) < 0)
        return NULL;
    return AdInt_FromInt64(BUF(SELF)->fd);
}

static AdObject *text_isatty(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_open(SELF) < 0)
        return NULL;
    return AdBool_FromLong(isatty(BUF(SELF)->fd));
}

static AdObject *text_readable(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_open(SELF) < 0)
        return NULL;
    return AdBool_FromLong(BUF(SELF)->readable);
}

static AdObject *text_writable(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_open(SELF) < 0)
        return NULL;
    return AdBool_FromLong(BUF(SELF)->writable);
}

static AdObject *text_seekable(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_open(SELF) < 0)
        return NULL;
    AdBinaryFileObject *b = BUF(SELF);
    if (b->seekable < 0)
        b->seekable = lseek(b->fd, 0, SEEK_CUR) >= 0;
    return AdBool_FromLong(b->seekable);
}

static AdObject *text_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_open(SELF) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *text_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return text_close(self, NULL);
}

static AdObject *text_detach(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (check_open(SELF) < 0)
        return NULL;
    if (BUF(SELF)->writable && modules_binfile_flush(BUF(SELF)) < 0)
        return NULL;
    SELF->detached = 1;
    return Ad_NewRef(SELF->buffer);
}

/* reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None) */
static AdObject *text_reconfigure(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering", "write_through"};
    AdObject *v[5];
    if (ad_num_parse_args("reconfigure", args, nargs, kwnames, NULL, names, 5, 0, 0, 0, v) < 0)
        return NULL;
    if (check_open(SELF) < 0)
        return NULL;
    for (int i = 0; i < 3; i++)
        if (v[i] && v[i] != Ad_None && !AdStr_Check(v[i]))
            return AdErr_Format(AdExc_TypeError, "reconfigure() argument '%s' must be str or None, not %s",
                                names[i], AdType_Name(AD_TYPE(v[i])));
    if (BUF(SELF)->writable && modules_binfile_flush(BUF(SELF)) < 0)
        return NULL;
    if ((v[0] && v[0] != Ad_None) || (v[1] && v[1] != Ad_None)) {
        const char *enc = v[0] && v[0] != Ad_None ? AdStr_AsUTF8(v[0]) : AdStr_AsUTF8(SELF->encoding);
        const char *err = v[1] && v[1] != Ad_None ? AdStr_AsUTF8(v[1])
                        : v[0] && v[0] != Ad_None ? "strict" : AdStr_AsUTF8(SELF->errors);
        if (!enc || !err || set_encoding(SELF, enc, err) < 0)
            return NULL;
    }
    if (v[2]) {
        const char *nl = v[2] == Ad_None ? NULL : AdStr_AsUTF8(v[2]);
        if (v[2] != Ad_None && !nl)
            return NULL;
        if (nl && strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n"))
            return AdErr_Format(AdExc_ValueError, "illegal newline value: %R", v[2]);
        if (set_newline(SELF, nl) < 0)
            return NULL;
    }
    if (v[3] && v[3] != Ad_None) {
        int b = AdObject_IsTrue(v[3]);
        if (b < 0)
            return NULL;
        SELF->line_buffering = b;
    }
    if (v[4] && v[4] != Ad_None) {
        int b = AdObject_IsTrue(v[4]);
        if (b < 0)
            return NULL;
        SELF->write_through = b;
    }
    Ad_RETURN_NONE;
}

static AdObject *text_iter(AdObject *self)
{
    if (check_open(SELF) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *text_iternext(AdObject *self)
{
    if (check_readable(SELF) < 0)
        return NULL;
    AdObject *line = text_take(SELF, -1, 1);
    if (line && AdStr_LENGTH(line) == 0) {
        Ad_DECREF(line);
        return NULL;
    }
    return line;
}

static AdObject *text_repr(AdObject *self)
{
    AdStrWriter w;
    AdStrWriter_Init(&w);
    const char *tn = AD_TYPE(self)->tp_name;
    if (AdStrWriter_WriteChar(&w, '<') < 0 || AdStrWriter_WriteUTF8(&w, tn, (Ad_ssize_t)strlen(tn)) < 0)
        goto fail;
    AdObject *name = AdObject_GetAttrString(self, "name");
    if (!name) {
        if (!AdErr_ExceptionMatches(AdExc_Exception))
            goto fail;
        AdErr_Clear();
    }
    else {
        AdObject *r = AdObject_Repr(name);
        Ad_DECREF(name);
        if (!r || AdStrWriter_WriteASCII(&w, " name=", 6) < 0 || AdStrWriter_WriteStr(&w, r) < 0) {
            Ad_XDECREF(r);
            goto fail;
        }
        Ad_DECREF(r);
    }
    AdObject *mode = AdObject_GetAttrString(self, "mode");
    if (!mode)
        AdErr_Clear();
    else {
        AdObject *r = AdObject_Repr(mode);
        Ad_DECREF(mode);
        if (!r || AdStrWriter_WriteASCII(&w, " mode=", 6) < 0 || AdStrWriter_WriteStr(&w, r) < 0) {
            Ad_XDECREF(r);
            goto fail;
        }
        Ad_DECREF(r);
    }
    AdObject *er = AdObject_Repr(SELF->encoding);
    if (!er || AdStrWriter_WriteASCII(&w, " encoding=", 10) < 0 || AdStrWriter_WriteStr(&w, er) < 0 ||
        AdStrWriter_WriteChar(&w, '>') < 0) {
        Ad_XDECREF(er);
        goto fail;
    }
    Ad_DECREF(er);
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

static AdObject *text_get_closed(AdObject *self, void *c)
{
    (void)c;
    if (SELF->detached)
        return AdErr_Format(AdExc_ValueError, "underlying buffer has been detached");
    return AdBool_FromLong(BUF(SELF)->closed);
}
static AdObject *text_get_name(AdObject *self, void *c)
{
    (void)c;
    if (SELF->detached)
        return AdErr_Format(AdExc_ValueError, "underlying buffer has been detached");
    return Ad_NewRef(BUF(SELF)->name);
}
static AdObject *text_get_buffer(AdObject *self, void *c) { (void)c; return Ad_NewRef(SELF->buffer); }
static AdObject *text_get_encoding(AdObject *self, void *c) { (void)c; return Ad_NewRef(SELF->encoding); }
static AdObject *text_get_errors(AdObject *self, void *c) { (void)c; return Ad_NewRef(SELF->errors); }
static AdObject *text_get_newlines(AdObject *self, void *c) { (void)self; (void)c; Ad_RETURN_NONE; }
static AdObject *text_get_line_buffering(AdObject *self, void *c) { (void)c; return AdBool_FromLong(SELF->line_buffering); }
static AdObject *text_get_write_through(AdObject *self, void *c) { (void)c; return AdBool_FromLong(SELF->write_through); }

static void text_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    if (SELF->buffer && !SELF->detached && !BUF(SELF)->closed) {
        AdObject *exc = AdErr_GetRaisedException();
        AdObject *r = text_close(self, NULL);
        if (!r)
            AdErr_Clear();
        AdErr_SetRaisedException(exc);
    }
    AD_CLEAR(SELF->buffer);
    AD_CLEAR(SELF->encoding);
    AD_CLEAR(SELF->errors);
    AD_CLEAR(SELF->newline_arg);
    AD_CLEAR(SELF->dict);
    free(SELF->enc);
    free(SELF->err);
    free(SELF->pend);
    free(SELF->undecoded);
    AD_TYPE(self)->tp_free(self);
}

static int text_traverse(AdObject *self, visitproc visit, void *arg)
{
    if (SELF->buffer) {
        int rc = visit(SELF->buffer, arg);
        if (rc)
            return rc;
    }
    return SELF->dict ? visit(SELF->dict, arg) : 0;
}

static int text_clear(AdObject *self)
{
    AD_CLEAR(SELF->dict);
    return 0;
}

#define M(name, fn, flags) {name, (void (*)(void))(fn), flags, NULL}
static AdMethodDef text_methods[] = {
    M("read", text_read, AD_METH_FASTCALL),
    M("readline", text_readline, AD_METH_FASTCALL),
    M("readlines", text_readlines, AD_METH_FASTCALL),
    M("write", text_write, AD_METH_O),
    M("writelines", text_writelines, AD_METH_O),
    M("flush", text_flush, AD_METH_NOARGS),
    M("close", text_close, AD_METH_NOARGS),
    M("seek", text_seek, AD_METH_FASTCALL),
    M("tell", text_tell, AD_METH_NOARGS),
    M("truncate", text_truncate, AD_METH_FASTCALL),
    M("fileno", text_fileno, AD_METH_NOARGS),
    M("isatty", text_isatty, AD_METH_NOARGS),
    M("readable", text_readable, AD_METH_NOARGS),
    M("writable", text_writable, AD_METH_NOARGS),
    M("seekable", text_seekable, AD_METH_NOARGS),
    M("detach", text_detach, AD_METH_NOARGS),
    M("reconfigure", text_reconfigure, AD_METH_FASTCALL | AD_METH_KEYWORDS),
    M("__enter__", text_enter, AD_METH_NOARGS),
    M("__exit__", text_exit, AD_METH_FASTCALL),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef text_getset[] = {
    {"closed", text_get_closed, NULL, NULL, NULL},
    {"name", text_get_name, NULL, NULL, NULL},
    {"buffer", text_get_buffer, NULL, NULL, NULL},
    {"encoding", text_get_encoding, NULL, NULL, NULL},
    {"errors", text_get_errors, NULL, NULL, NULL},
    {"newlines", text_get_newlines, NULL, NULL, NULL},
    {"line_buffering", text_get_line_buffering, NULL, NULL, NULL},
    {"write_through", text_get_write_through, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdTextIOWrapper_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(AdTextIOObject),
    .tp_dealloc = text_dealloc,
    .tp_repr = text_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Character and line based layer over a BufferedIOBase object, buffer.",
    .tp_traverse = text_traverse,
    .tp_clear = text_clear,
    .tp_iter = text_iter,
    .tp_iternext = text_iternext,
    .tp_methods = text_methods,
    .tp_getset = text_getset,
    .tp_dictoffset = offsetof(AdTextIOObject, dict),
    .tp_alloc = AdType_GenericAlloc,
    .tp_free = AdObject_GC_Del,
};
