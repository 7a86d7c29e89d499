/* io_textio.c: _io.TextIOWrapper, a text stream over a binary buffered
 * stream. UTF-8 (and utf-8-sig), Latin-1 and ASCII are encoded and
 * decoded in C; other encodings use the codec registry's incremental
 * encoder and decoder (_codecs.lookup). Input is decoded a chunk at a
 * time into a str kept untranslated, so that tell() can count the bytes
 * behind what was consumed (cookies are byte offsets); newline
 * translation and line splitting happen as characters are taken. Output
 * is translated, encoded and collected until a chunk is full, a newline
 * arrives with line buffering, or write_through asks. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modules/io_internal.h"
#include "import/import.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/lifecycle.h"

#define TIO(o) ((io_textio *)(o))
#define NATIVE_BUF(t) ((io_buffered *)(t)->buffer)

int io_encoding_kind(const char *name)
{
    char n[32];
    size_t i = 0;
    for (; name[i] && i + 1 < sizeof n; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        n[i] = (c == '_' || c == ' ') ? '-' : c;
    }
    if (name[i])
        return IO_ENC_OTHER;
    n[i] = '\0';
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", "utf8-ucs2", "utf8-ucs4", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819",
                                         "l1", "latin", "iso-ir-100", "csisolatin1", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", "ansi-x3.4-1968", "cp367", "csascii",
                                        "ibm367", "iso646-us", "iso-ir-6", "ansi-x3.4-1986", NULL};
    for (int k = 0; utf8[k]; k++)
        if (!strcmp(n, utf8[k]))
            return IO_ENC_UTF8;
    for (int k = 0; latin1[k]; k++)
        if (!strcmp(n, latin1[k]))
            return IO_ENC_LATIN1;
    for (int k = 0; ascii[k]; k++)
        if (!strcmp(n, ascii[k]))
            return IO_ENC_ASCII;
    if (!strcmp(n, "utf-8-sig") || !strcmp(n, "utf8-sig"))
        return IO_ENC_UTF8SIG;
    if (!strncmp(n, "utf-16", 6) || !strncmp(n, "utf16", 5) || !strcmp(n, "u16"))
        return IO_ENC_UTF16;
    if (!strncmp(n, "utf-32", 6) || !strncmp(n, "utf32", 5) || !strcmp(n, "u32"))
        return IO_ENC_UTF32;
    return IO_ENC_OTHER;
}

/* For UTF-16/32 names: 1 "-le", 2 "-be", 0 none (a BOM decides). */
static int encoding_order(const char *name)
{
    size_t n = strlen(name);
    if (n >= 2 && (name[n - 2] == 'l' || name[n - 2] == 'L') && (name[n - 1] == 'e' || name[n - 1] == 'E'))
        return 1;
    if (n >= 2 && (name[n - 2] == 'b' || name[n - 2] == 'B') && (name[n - 1] == 'e' || name[n - 1] == 'E'))
        return 2;
    return 0;
}

static const char *codec_cname(io_textio *t)
{
    switch (t->enc_kind) {
    case IO_ENC_LATIN1: return "latin-1";
    case IO_ENC_ASCII: return "ascii";
    case IO_ENC_UTF16: return t->order == 2 ? "utf-16-be" : "utf-16-le";
    case IO_ENC_UTF32: return t->order == 2 ? "utf-32-be" : "utf-32-le";
    default: return "utf-8";
    }
}

static int check_attached(io_textio *t)
{
    if (!t->ok) {
        if (t->detached)
            AdErr_SetString(AdExc_ValueError, "underlying buffer has been detached");
        else
            AdErr_SetString(AdExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

/* 1 closed, 0 open, -1 error. */
static int text_closed(io_textio *t)
{
    if (t->buffer_native)
        return io_buffered_closed_c(NATIVE_BUF(t));
    return io_object_closed(t->buffer);
}

static int check_open(io_textio *t)
{
    if (check_attached(t) < 0)
        return -1;
    int c = text_closed(t);
    if (c < 0)
        return -1;
    if (c) {
        io_err_closed();
        return -1;
    }
    return 0;
}

/* ---- output --------------------------------------------------------------------- */

static int pend_append(io_textio *t, const char *data, Ad_ssize_t n)
{
    if (n == 0)
        return 0;
    if (t->pend_len + n > t->pend_cap) {
        Ad_ssize_t cap = t->pend_cap ? t->pend_cap : 256;
        while (cap < t->pend_len + n)
            cap *= 2;
        char *np = realloc(t->pend, (size_t)cap);
        if (!np) {
            AdErr_NoMemory();
            return -1;
        }
        t->pend = np;
        t->pend_cap = cap;
    }
    memcpy(t->pend + t->pend_len, data, (size_t)n);
    t->pend_len += n;
    return 0;
}

static int flush_pending(io_textio *t)
{
    if (t->pend_len == 0)
        return 0;
    Ad_ssize_t n = t->pend_len;
    t->pend_len = 0;
    if (t->buffer_native)
        return io_buffered_write_c(NATIVE_BUF(t), t->pend, n);
    AdObject *b = AdBytes_FromStringAndSize(t->pend, n);
    if (!b)
        return -1;
    AdObject *r = io_call1(t->buffer, "write", b);
    Ad_DECREF(b);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

/* Encodes text and appends it to the pending bytes. */
static int encode_into_pending(io_textio *t, AdObject *text)
{
    if (t->sig_pending) {
        t->sig_pending = 0;
        if (t->enc_kind == IO_ENC_UTF8SIG && pend_append(t, "\xef\xbb\xbf", 3) < 0)
            return -1;
        if (t->enc_kind == IO_ENC_UTF16 && pend_append(t, t->order == 2 ? "\xfe\xff" : "\xff\xfe", 2) < 0)
            return -1;
        if (t->enc_kind == IO_ENC_UTF32 &&
            pend_append(t, t->order == 2 ? "\0\0\xfe\xff" : "\xff\xfe\0\0", 4) < 0)
            return -1;
    }
    if (t->enc_kind == IO_ENC_UTF8 || t->enc_kind == IO_ENC_UTF8SIG) {
        Ad_ssize_t n;
        const char *u = AdStr_AsUTF8AndSize(text, &n);
        if (u)
            return pend_append(t, u, n);
        if (!AdErr_ExceptionMatches(AdExc_UnicodeEncodeError) || AdStr_EqualToASCII(t->errors, "strict"))
            return -1;
        AdErr_Clear();
    }
    AdObject *b;
    if (t->enc_kind == IO_ENC_OTHER)
        b = io_call1(t->encoder, "encode", text);
    else {
        const char *errs = AdStr_AsUTF8(t->errors);
        if (!errs)
            return -1;
        b = AdStr_AsEncodedString(text, codec_cname(t), errs);
    }
    if (!b)
        return -1;
    if (!AdBytes_Check(b)) {
        AdErr_Format(AdExc_TypeError, "encoder should return a bytes object, not '%.200s'", AdType_Name(AD_TYPE(b)));
        Ad_DECREF(b);
        return -1;
    }
    int r = pend_append(t, AdBytes_AS_STRING(b), AdBytes_GET_SIZE(b));
    Ad_DECREF(b);
    return r;
}

static void reset_read_state(io_textio *t)
{
    AD_CLEAR(t->dec);
    t->dec_pos = 0;
    t->undec_len = 0;
    t->eof = 0;
}

int io_textio_write_c(io_textio *t, AdObject *text)
{
    if (check_open(t) < 0)
        return -1;
    Ad_ssize_t n = AdStr_LENGTH(text);
    int haslf = 0, hascr = 0;
    if (t->writenl || t->line_buffering) {
        haslf = AdStr_FindChar(text, '\n', 0, n) >= 0;
        if (t->line_buffering && !haslf)
            hascr = AdStr_FindChar(text, '\r', 0, n) >= 0;
    }
    AdObject *out = Ad_NewRef(text);
    if (haslf && t->writenl) {
        /* "\n" -> writenl */
        AdStrWriter w;
        AdStrWriter_Init(&w);
        int kind = AdStr_KIND(text);
        const void *data = AdStr_DATA(text);
        for (Ad_ssize_t i = 0; i < n; i++) {
            uint32_t c = AdStr_READ(kind, data, i);
            int rc = c == '\n' ? AdStrWriter_WriteASCII(&w, t->writenl, (Ad_ssize_t)strlen(t->writenl))
                               : AdStrWriter_WriteChar(&w, c);
            if (rc < 0) {
                AdStrWriter_Dealloc(&w);
                Ad_DECREF(out);
                return -1;
            }
        }
        AD_SETREF(out, AdStrWriter_Finish(&w));
        if (!out)
            return -1;
    }
    int rc = encode_into_pending(t, out);
    Ad_DECREF(out);
    if (rc < 0)
        return -1;
    int needflush = t->line_buffering && (haslf || hascr);
    if (t->pend_len > t->chunk_size || needflush || t->write_through) {
        if (flush_pending(t) < 0)
            return -1;
    }
    if (needflush) {
        if (t->buffer_native) {
            if (io_buffered_flush_c(NATIVE_BUF(t)) < 0)
                return -1;
        }
        else {
            AdObject *r = io_call0(t->buffer, "flush");
            if (!r)
                return -1;
            Ad_DECREF(r);
        }
    }
    if (t->dec) {
        reset_read_state(t);
        if (t->decoder) {
            AdObject *r = io_call0(t->decoder, "reset");
            if (!r)
                return -1;
            Ad_DECREF(r);
        }
    }
    return 0;
}

int io_textio_flush_c(io_textio *t)
{
    if (check_open(t) < 0)
        return -1;
    t->telling = t->seekable;
    if (flush_pending(t) < 0)
        return -1;
    if (t->buffer_native)
        return io_buffered_flush_c(NATIVE_BUF(t));
    AdObject *r = io_call0(t->buffer, "flush");
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

/* ---- input ---------------------------------------------------------------------- */

static int str_is_ascii_run(const void *data, Ad_ssize_t start, Ad_ssize_t end)
{
    const unsigned char *p = (const unsigned char *)data;
    for (Ad_ssize_t i = start; i < end; i++)
        if (p[i] >= 0x80)
            return 0;
    return 1;
}

/* Bytes that s[start..end) took in the stream's encoding. */
static int64_t byte_len(io_textio *t, AdObject *s, Ad_ssize_t start, Ad_ssize_t end)
{
    int kind = AdStr_KIND(s);
    const void *data = AdStr_DATA(s);
    if (((AdStrObject *)s)->ascii && t->enc_kind != IO_ENC_OTHER && t->enc_kind != IO_ENC_UTF16 &&
        t->enc_kind != IO_ENC_UTF32)
        return end - start;
    if (t->enc_kind == IO_ENC_LATIN1 || t->enc_kind == IO_ENC_ASCII ||
        (kind == 1 && (t->enc_kind == IO_ENC_UTF8 || t->enc_kind == IO_ENC_UTF8SIG) &&
         str_is_ascii_run(data, start, end)))
        return end - start;
    if (t->enc_kind == IO_ENC_OTHER) {
        AdObject *sub = AdStr_Substring(s, start, end);
        const char *enc = sub ? AdStr_AsUTF8(t->encoding) : NULL;
        const char *err = enc ? AdStr_AsUTF8(t->errors) : NULL;
        AdObject *b = err ? AdStr_AsEncodedString(sub, enc, err) : NULL;
        Ad_XDECREF(sub);
        if (!b) {
            AdErr_Clear();
            return end - start;
        }
        int64_t n = AdBytes_GET_SIZE(b);
        Ad_DECREF(b);
        return n;
    }
    int64_t total = 0;
    if (t->enc_kind == IO_ENC_UTF32)
        return 4 * (int64_t)(end - start);
    if (t->enc_kind == IO_ENC_UTF16) {
        for (Ad_ssize_t i = start; i < end; i++)
            total += AdStr_READ(kind, data, i) >= 0x10000 ? 4 : 2;
        return total;
    }
    for (Ad_ssize_t i = start; i < end; i++) {
        uint32_t c = AdStr_READ(kind, data, i);
        total += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xDC80 && c <= 0xDCFF) ? 1 : c < 0x10000 ? 3 : 4;
    }
    return total;
}

/* How many of n UTF-8 bytes form whole characters (the rest may be the
 * start of a character split by the chunk boundary). */
static Ad_ssize_t utf8_complete(const unsigned char *u, Ad_ssize_t n)
{
    for (Ad_ssize_t back = 1; back <= 4 && back <= n; back++) {
        unsigned char c = u[n - back];
        if ((c & 0xC0) == 0x80)
            continue;
        Ad_ssize_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return need > back ? n - back : n;
    }
    return n;
}

/* Decodes data (after the bytes kept back from the last chunk). New str. */
static AdObject *decode_chunk(io_textio *t, const char *data, Ad_ssize_t n, int final)
{
    if (t->enc_kind == IO_ENC_OTHER) {
        AdObject *b = AdBytes_FromStringAndSize(data, n);
        if (!b)
            return NULL;
        AdObject *a[2] = {b, AdBool_FromLong(final)};
        AdObject *kn = AdTuple_Pack(1, AdStr_InternFromString("final"));
        AdObject *meth = kn ? AdObject_GetAttrString(t->decoder, "decode") : NULL;
        AdObject *r = meth ? AdObject_Vectorcall(meth, a, 1, kn) : NULL;
        Ad_XDECREF(meth);
        Ad_XDECREF(kn);
        Ad_DECREF(b);
        if (r && !AdStr_Check(r)) {
            AdErr_Format(AdExc_TypeError, "decoder should return a string result, not '%.200s'",
                         AdType_Name(AD_TYPE(r)));
            Ad_DECREF(r);
            return NULL;
        }
        return r;
    }
    char *joined = NULL;
    if (t->undec_len) {
        joined = malloc((size_t)(n + t->undec_len));
        if (!joined)
            return AdErr_NoMemory();
        memcpy(joined, t->undec, (size_t)t->undec_len);
        memcpy(joined + t->undec_len, data, (size_t)n);
        n += t->undec_len;
        data = joined;
        t->undec_len = 0;
    }
    if (t->enc_kind == IO_ENC_UTF8SIG && !t->bom_checked) {
        static const char bom[3] = {'\xef', '\xbb', '\xbf'};
        Ad_ssize_t k = n < 3 ? n : 3;
        if (n < 3 && !final && memcmp(data, bom, (size_t)k) == 0) {
            memcpy(t->undec, data, (size_t)n);
            t->undec_len = (int)n;
            free(joined);
            return AdStr_FromString("");
        }
        t->bom_checked = 1;
        if (n >= 3 && memcmp(data, bom, 3) == 0) {
            data += 3;
            n -= 3;
            if (!t->dec || AdStr_LENGTH(t->dec) == t->dec_pos)
                t->dec_start += 3;
        }
    }
    if ((t->enc_kind == IO_ENC_UTF16 || t->enc_kind == IO_ENC_UTF32) && !t->bom_checked) {
        Ad_ssize_t bl = t->enc_kind == IO_ENC_UTF16 ? 2 : 4;
        if (n < bl && !final) {
            memcpy(t->undec, data, (size_t)n);
            t->undec_len = (int)n;
            free(joined);
            return AdStr_FromString("");
        }
        t->bom_checked = 1;
        const unsigned char *u = (const unsigned char *)data;
        int found = 0;
        if (n >= bl) {
            if (bl == 2 && u[0] == 0xFF && u[1] == 0xFE)
                found = 1;
            else if (bl == 2 && u[0] == 0xFE && u[1] == 0xFF)
                found = 2;
            else if (bl == 4 && u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3])
                found = 1;
            else if (bl == 4 && !u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF)
                found = 2;
        }
        if (found && t->order == 0) {
            t->order = (unsigned char)found;
            data += bl;
            n -= bl;
            if (!t->dec || AdStr_LENGTH(t->dec) == t->dec_pos)
                t->dec_start += bl;
        }
    }
    Ad_ssize_t use = n;
    if (!final && (t->enc_kind == IO_ENC_UTF8 || t->enc_kind == IO_ENC_UTF8SIG))
        use = utf8_complete((const unsigned char *)data, n);
    else if (!final && t->enc_kind == IO_ENC_UTF32)
        use = n & ~(Ad_ssize_t)3;
    else if (!final && t->enc_kind == IO_ENC_UTF16) {
        use = n & ~(Ad_ssize_t)1;
        if (use >= 2) {
            unsigned hi = (unsigned char)data[t->order == 2 ? use - 2 : use - 1];
            if (hi >= 0xD8 && hi <= 0xDB)
                use -= 2;
        }
    }
    if (use < n) {
        memcpy(t->undec, data + use, (size_t)(n - use));
        t->undec_len = (int)(n - use);
    }
    AdObject *r;
    if ((t->enc_kind == IO_ENC_UTF8 || t->enc_kind == IO_ENC_UTF8SIG || t->enc_kind == IO_ENC_ASCII ||
         t->enc_kind == IO_ENC_LATIN1) && str_is_ascii_run(data, 0, use)) {
        /* the common case: ASCII text is copied, not decoded */
        r = AdStr_New(use, 0x7f);
        if (r && use)
            memcpy(AdStr_DATA(r), data, (size_t)use);
    }
    else {
        const char *errs = AdStr_AsUTF8(t->errors);
        r = errs ? AdStr_Decode(data, use, codec_cname(t), errs) : NULL;
    }
    free(joined);
    return r;
}

/* Reads one chunk from the buffer and appends its characters to dec.
 * 1 when something was read, 0 at EOF, -1 on error. */
static int read_chunk(io_textio *t)
{
    if (t->pend_len && flush_pending(t) < 0)
        return -1;
    if (!t->dec) {
        t->dec_pos = 0;
        t->dec_start = 0;
        if (t->seekable && t->telling) {
            int64_t p;
            if (t->buffer_native)
                p = io_buffered_tell_c(NATIVE_BUF(t));
            else {
                AdObject *r = io_call0(t->buffer, "tell");
                p = r ? AdInt_AsInt64(r) : -1;
                Ad_XDECREF(r);
            }
            if (p < 0)
                AdErr_Clear();
            else
                t->dec_start = p - t->undec_len;
        }
    }
    AdObject *data;
    if (t->buffer_native)
        data = io_buffered_read1_c(NATIVE_BUF(t), t->chunk_size);
    else {
        AdObject *n = AdInt_FromSsize_t(t->chunk_size);
        data = n ? io_call1(t->buffer, t->has_read1 ? "read1" : "read", n) : NULL;
        Ad_XDECREF(n);
    }
    if (!data)
        return -1;
    const char *p;
    Ad_ssize_t n;
    AdBuffer view;
    int have_view = 0;
    if (data == Ad_None) {
        p = "";
        n = 0;
    }
    else if (AdBytes_Check(data)) {
        p = AdBytes_AS_STRING(data);
        n = AdBytes_GET_SIZE(data);
    }
    else {
        if (AdObject_GetBuffer(data, &view, AD_BUF_SIMPLE) < 0) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "underlying %s() should have returned a bytes-like object, not '%.200s'",
                         t->has_read1 ? "read1" : "read", AdType_Name(AD_TYPE(data)));
            Ad_DECREF(data);
            return -1;
        }
        have_view = 1;
        p = view.buf;
        n = view.len;
    }
    int final = n == 0;
    AdObject *chars = decode_chunk(t, p, n, final);
    if (have_view)
        AdBuffer_Release(&view);
    Ad_DECREF(data);
    if (!chars)
        return -1;
    if (final)
        t->eof = 1;
    if (AdStr_LENGTH(chars) > 0) {
        if (!t->dec || t->dec_pos >= AdStr_LENGTH(t->dec)) {
            if (t->dec)
                t->dec_start += byte_len(t, t->dec, 0, AdStr_LENGTH(t->dec));
            AD_XSETREF(t->dec, chars);
            t->dec_pos = 0;
        }
        else {
            int64_t used = byte_len(t, t->dec, 0, t->dec_pos);
            AdObject *rest = AdStr_Substring(t->dec, t->dec_pos, AdStr_LENGTH(t->dec));
            AdObject *joined = rest ? AdStr_Concat(rest, chars) : NULL;
            Ad_XDECREF(rest);
            Ad_DECREF(chars);
            if (!joined)
                return -1;
            AD_SETREF(t->dec, joined);
            t->dec_pos = 0;
            t->dec_start += used;
        }
        return 1;
    }
    Ad_DECREF(chars);
    if (!t->dec) {
        t->dec = AdStr_FromString("");
        if (!t->dec)
            return -1;
    }
    return final ? 0 : 1;
}

/* Takes dec[dec_pos..end) translated as the newline mode asks. */
static AdObject *take_chars(io_textio *t, Ad_ssize_t end)
{
    AdObject *s = AdStr_Substring(t->dec, t->dec_pos, end);
    if (!s)
        return NULL;
    t->dec_pos = end;
    if (!t->readuniversal)
        return s;
    unsigned char pendingcr = 0;
    AdObject *r = io_translate_newlines(s, t->readtranslate, 1, &pendingcr, &t->seennl);
    Ad_DECREF(s);
    return r;
}

static Ad_ssize_t avail_chars(io_textio *t)
{
    return t->dec ? AdStr_LENGTH(t->dec) - t->dec_pos : 0;
}

/* The raw index after n output characters from dec_pos (a \r\n counts
 * as one when translating). */
static Ad_ssize_t raw_end_for(io_textio *t, Ad_ssize_t n)
{
    Ad_ssize_t len = AdStr_LENGTH(t->dec), i = t->dec_pos;
    if (!t->readtranslate)
        return i + n < len ? i + n : len;
    int kind = AdStr_KIND(t->dec);
    const void *data = AdStr_DATA(t->dec);
    while (n > 0 && i < len) {
        if (AdStr_READ(kind, data, i) == '\r' && i + 1 < len && AdStr_READ(kind, data, i + 1) == '\n')
            i++;
        i++;
        n--;
    }
    return i;
}

static AdObject *text_read_c(io_textio *t, Ad_ssize_t n)
{
    if (check_open(t) < 0)
        return NULL;
    if (t->pend_len && flush_pending(t) < 0)
        return NULL;
    if (avail_chars(t) == 0)
        t->eof = 0;     /* at the end before: look again */
    if (n < 0) {
        /* everything: what is decoded plus the rest of the buffer */
        AdObject *rest;
        if (t->buffer_native) {
            AdObject *m = AdType_LookupString(AD_TYPE(t->buffer), "read");
            rest = m ? AdObject_CallOneArg(m, t->buffer) : NULL;
        }
        else
            rest = io_call0(t->buffer, "read");
        if (!rest)
            return NULL;
        if (rest == Ad_None) {
            Ad_DECREF(rest);
            rest = AdBytes_FromStringAndSize("", 0);
        }
        if (!AdBytes_Check(rest)) {
            AdErr_Format(AdExc_TypeError, "underlying read() should have returned a bytes object, not '%.200s'",
                         AdType_Name(AD_TYPE(rest)));
            Ad_DECREF(rest);
            return NULL;
        }
        AdObject *chars = decode_chunk(t, AdBytes_AS_STRING(rest), AdBytes_GET_SIZE(rest), 1);
        Ad_DECREF(rest);
        if (!chars)
            return NULL;
        AdObject *all;
        if (t->dec && t->dec_pos < AdStr_LENGTH(t->dec)) {
            AdObject *head = AdStr_Substring(t->dec, t->dec_pos, AdStr_LENGTH(t->dec));
            all = head ? AdStr_Concat(head, chars) : NULL;
            Ad_XDECREF(head);
            Ad_DECREF(chars);
            if (!all)
                return NULL;
        }
        else
            all = chars;
        reset_read_state(t);
        t->eof = 1;
        if (t->decoder) {
            AdObject *r = io_call0(t->decoder, "reset");
            if (!r) {
                Ad_DECREF(all);
                return NULL;
            }
            Ad_DECREF(r);
        }
        if (!t->readuniversal)
            return all;
        unsigned char pendingcr = 0;
        AdObject *r = io_translate_newlines(all, t->readtranslate, 1, &pendingcr, &t->seennl);
        Ad_DECREF(all);
        return r;
    }
    while (avail_chars(t) < n + 1 && !(t->dec && t->eof)) {
        int r = read_chunk(t);
        if (r < 0)
            return NULL;
        if (r == 0)
            break;
    }
    if (!t->dec)
        return AdStr_FromString("");
    return take_chars(t, raw_end_for(t, n));
}

static AdObject *text_readline_c(io_textio *t, Ad_ssize_t limit)
{
    if (check_open(t) < 0)
        return NULL;
    if (avail_chars(t) == 0)
        t->eof = 0;
    int mode = t->readuniversal ? IO_NL_UNIVERSAL
        : (t->readnl_len == 1 && t->readnl[0] == '\n') ? IO_NL_LF : IO_NL_FIXED;
    Ad_ssize_t from = t->dec ? t->dec_pos : 0;
    for (;;) {
        if (t->dec) {
            Ad_ssize_t len = AdStr_LENGTH(t->dec);
            Ad_ssize_t e = io_find_line_end(AdStr_KIND(t->dec), AdStr_DATA(t->dec), from, len, mode,
                                            t->readnl, t->readnl_len);
            if (e >= 0 || (t->eof && (e == -2 || e == -1))) {
                if (e < 0)
                    e = len;
                if (limit >= 0) {
                    Ad_ssize_t lim = raw_end_for(t, limit);
                    if (lim < e)
                        e = lim;
                }
                return take_chars(t, e);
            }
            if (limit >= 0 && len - t->dec_pos > limit + 1)
                return take_chars(t, raw_end_for(t, limit));
            /* search the new chunk from where this one stopped */
            from = len - t->dec_pos - (e == -2 ? 1 : 0);
        }
        else
            from = 0;
        int r = read_chunk(t);
        if (r < 0)
            return NULL;
        /* dec was rebuilt from dec_pos: continue from the same place */
        if (from < 0)
            from = 0;
        from += t->dec_pos;
        if (r == 0 && !t->eof)
            t->eof = 1;
    }
}

/* ---- construction --------------------------------------------------------------------- */

static int set_newline(io_textio *t, AdObject *newline)
{
    const char *nl = NULL;
    if (newline && newline != Ad_None) {
        if (!AdStr_Check(newline)) {
            AdErr_Format(AdExc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %s",
                         AdType_Name(AD_TYPE(newline)));
            return -1;
        }
        nl = AdStr_AsUTF8(newline);
        if (!nl)
            return -1;
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
            AdErr_Format(AdExc_ValueError, "illegal newline value: %s", nl);
            return -1;
        }
    }
    AD_XSETREF(t->newline_arg, Ad_NewRef(newline ? newline : Ad_None));
    t->readuniversal = !nl || !nl[0];
    t->readtranslate = !nl;
    t->readnl_len = 0;
    t->writenl = NULL;
    if (nl && nl[0]) {
        t->readnl[0] = (unsigned char)nl[0];
        t->readnl[1] = nl[1] ? (unsigned char)nl[1] : 0;
        t->readnl_len = nl[1] ? 2 : 1;
        if (strcmp(nl, "\n"))
            t->writenl = nl[0] == '\r' && nl[1] ? "\r\n" : "\r";
    }
    return 0;
}

/* Sets up the codec for t->encoding / t->errors. */
static int set_codec(io_textio *t)
{
    const char *enc = AdStr_AsUTF8(t->encoding);
    if (!enc)
        return -1;
    t->enc_kind = io_encoding_kind(enc);
    t->order = (unsigned char)encoding_order(enc);
    AD_CLEAR(t->encoder);
    AD_CLEAR(t->decoder);
    if (t->enc_kind != IO_ENC_OTHER)
        return 0;
    AdObject *codecs = AdImport_ImportModule("_codecs");
    if (!codecs) {
        AdErr_Clear();
        AdErr_Format(AdExc_LookupError, "unknown encoding: %s", enc);
        return -1;
    }
    AdObject *info = io_call1(codecs, "lookup", t->encoding);
    Ad_DECREF(codecs);
    if (!info)
        return -1;
    AdObject *is_text = NULL;
    if (AdObject_GetOptionalAttr(info, AdStr_InternFromString("_is_text_encoding"), &is_text) < 0) {
        Ad_DECREF(info);
        return -1;
    }
    if (is_text) {
        int ok = AdObject_IsTrue(is_text);
        Ad_DECREF(is_text);
        if (ok <= 0) {
            Ad_DECREF(info);
            if (ok == 0)
                AdErr_Format(AdExc_LookupError,
                             "'%s' is not a text encoding; use codecs.open() to handle arbitrary codecs", enc);
            return -1;
        }
    }
    AdObject *mk_dec = AdObject_GetAttrString(info, "incrementaldecoder");
    AdObject *mk_enc = mk_dec ? AdObject_GetAttrString(info, "incrementalencoder") : NULL;
    Ad_DECREF(info);
    if (!mk_enc) {
        Ad_XDECREF(mk_dec);
        return -1;
    }
    t->decoder = AdObject_CallOneArg(mk_dec, t->errors);
    t->encoder = t->decoder ? AdObject_CallOneArg(mk_enc, t->errors) : NULL;
    Ad_DECREF(mk_dec);
    Ad_DECREF(mk_enc);
    return t->encoder ? 0 : -1;
}

static int textio_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                                        "write_through", NULL};
    AdObject *v[6];
    io_textio *t = TIO(self);
    t->ok = 0;
    t->detached = 0;
    if (io_parse_init("TextIOWrapper", args, kwds, names, 0, 1, v) < 0)
        return -1;
    AdObject *encoding = v[1] && v[1] != Ad_None ? v[1] : NULL;
    AdObject *errors = v[2] && v[2] != Ad_None ? v[2] : NULL;
    if (encoding && !AdStr_Check(encoding)) {
        AdErr_Format(AdExc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s",
                     AdType_Name(AD_TYPE(encoding)));
        return -1;
    }
    if (errors && !AdStr_Check(errors)) {
        AdErr_Format(AdExc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s",
                     AdType_Name(AD_TYPE(errors)));
        return -1;
    }
    int line_buffering = 0, write_through = 0;
    if (v[4] && (line_buffering = AdObject_IsTrue(v[4])) < 0)
        return -1;
    if (v[5] && (write_through = AdObject_IsTrue(v[5])) < 0)
        return -1;
    if (set_newline(t, v[3]) < 0)
        return -1;
    if (encoding) {
        Ad_ssize_t elen;
        const char *e = AdStr_AsUTF8AndSize(encoding, &elen);
        if (!e)
            return -1;
        if ((Ad_ssize_t)strlen(e) != elen) {
            AdErr_SetString(AdExc_ValueError, "embedded null character");
            return -1;
        }
    }
    if (!encoding) {
        AdInterp *interp = Ad_MainInterp();
        if (interp && interp->config.warn_default_encoding > 0 &&
            AdErr_WarnEx(AdExc_EncodingWarning, "'encoding' argument not specified", 1) < 0)
            return -1;
    }
    if (encoding && AdStr_EqualToASCII(encoding, "locale"))
        encoding = NULL;
    AD_XSETREF(t->encoding, encoding ? Ad_NewRef(encoding) : AdStr_FromString(io_default_encoding()));
    AD_XSETREF(t->errors, errors ? Ad_NewRef(errors) : AdStr_FromString("strict"));
    if (!t->encoding || !t->errors)
        return -1;
    AD_XSETREF(t->buffer, Ad_NewRef(v[0]));
    t->buffer_native = (unsigned char)io_buffered_is_native(v[0]);
    if (set_codec(t) < 0)
        return -1;
    t->line_buffering = (unsigned char)line_buffering;
    t->write_through = (unsigned char)write_through;
    t->chunk_size = 8192;
    t->seennl = 0;
    t->pend_len = 0;
    reset_read_state(t);
    t->bom_checked = 0;
    t->sig_pending = 0;
    int seekable;
    if (t->buffer_native && NATIVE_BUF(t)->ok && NATIVE_BUF(t)->raw_native) {
        /* native layers answer without method calls */
        io_fileio *f = (io_fileio *)NATIVE_BUF(t)->raw;
        if (f->seekable < 0)
            f->seekable = f->fd >= 0 && lseek(f->fd, 0, SEEK_CUR) >= 0;
        seekable = f->seekable;
        t->has_read1 = 1;
    }
    else {
        AdObject *r = io_call0(v[0], "seekable");
        if (!r)
            return -1;
        seekable = AdObject_IsTrue(r);
        Ad_DECREF(r);
        if (seekable < 0)
            return -1;
        AdObject *read1 = NULL;
        if (AdObject_GetOptionalAttr(v[0], AdStr_InternFromString("read1"), &read1) < 0)
            return -1;
        t->has_read1 = read1 != NULL;
        Ad_XDECREF(read1);
    }
    t->seekable = t->telling = (unsigned char)seekable;
    if (t->enc_kind == IO_ENC_UTF8SIG || ((t->enc_kind == IO_ENC_UTF16 || t->enc_kind == IO_ENC_UTF32) &&
                                          t->order == 0)) {
        t->sig_pending = 1;
        if (seekable) {
            AdObject *w = io_call0(v[0], "writable");
            int wr = w ? AdObject_IsTrue(w) : -1;
            Ad_XDECREF(w);
            if (wr < 0)
                AdErr_Clear();
            else if (wr) {
                AdObject *p = io_call0(v[0], "tell");
                if (!p)
                    return -1;
                int64_t pos = AdInt_AsInt64(p);
                Ad_DECREF(p);
                if (pos != 0)
                    t->sig_pending = 0;
                if (pos == -1 && AdErr_Occurred())
                    return -1;
            }
        }
    }
    t->ok = 1;
    return 0;
}

static AdObject *textio_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return type->tp_alloc(type, 0);
}

static void textio_dealloc(AdObject *self)
{
    io_textio *t = TIO(self);
    if (t->ok && io_dealloc_finalize(self))
        return;
    AdObject_GC_UnTrack(self);
    AD_CLEAR(t->buffer);
    AD_CLEAR(t->encoding);
    AD_CLEAR(t->errors);
    AD_CLEAR(t->newline_arg);
    AD_CLEAR(t->encoder);
    AD_CLEAR(t->decoder);
    AD_CLEAR(t->dec);
    free(t->pend);
    t->pend = NULL;
    io_base_clear_head(self);
    AD_TYPE(self)->tp_free(self);
}

static int textio_traverse(AdObject *self, visitproc visit, void *arg)
{
    io_textio *t = TIO(self);
    AdObject *refs[4] = {t->buffer, t->encoder, t->decoder, t->dict};
    for (int i = 0; i < 4; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static int textio_clear(AdObject *self)
{
    io_textio *t = TIO(self);
    t->ok = 0;
    AD_CLEAR(t->buffer);
    AD_CLEAR(t->encoder);
    AD_CLEAR(t->decoder);
    io_base_clear_head(self);
    return 0;
}

/* ---- methods ---------------------------------------------------------------------- */

#define CHECK_ATTACHED(t) do { if (check_attached(t) < 0) return NULL; } while (0)

static AdObject *textio_write(AdObject *self, AdObject *arg)
{
    io_textio *t = TIO(self);
    CHECK_ATTACHED(t);
    if (!AdStr_Check(arg))
        return AdErr_Format(AdExc_TypeError, "write() argument must be str, not %s", AdType_Name(AD_TYPE(arg)));
    if (io_textio_write_c(t, arg) < 0)
        return NULL;
    return AdInt_FromSsize_t(AdStr_LENGTH(arg));
}

static int check_readable(io_textio *t)
{
    if (t->enc_kind == IO_ENC_OTHER && !t->decoder) {
        io_unsupported("not readable");
        return -1;
    }
    if (t->buffer_native) {
        if (!NATIVE_BUF(t)->readable) {
            io_unsupported("not readable");
            return -1;
        }
        return 0;
    }
    AdObject *r = io_call0(t->buffer, "readable");
    int ok = r ? AdObject_IsTrue(r) : -1;
    Ad_XDECREF(r);
    if (ok == 0)
        io_unsupported("not readable");
    return ok > 0 ? 0 : -1;
}

static AdObject *textio_read(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_textio *t = TIO(self);
    if (AdArg_CheckPositional("read", nargs, 0, 1) < 0)
        return NULL;
    CHECK_ATTACHED(t);
    Ad_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    if (check_open(t) < 0 || check_readable(t) < 0)
        return NULL;
    return text_read_c(t, n);
}

static AdObject *textio_readline(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_textio *t = TIO(self);
    if (AdArg_CheckPositional("readline", nargs, 0, 1) < 0)
        return NULL;
    CHECK_ATTACHED(t);
    Ad_ssize_t n = -1;
    if (nargs) {
        if (!AdIndex_Check(args[0]))
            return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                                AdType_Name(AD_TYPE(args[0])));
        n = AdNumber_AsSsize_t(args[0], AdExc_OverflowError);
        if (n == -1 && AdErr_Occurred())
            return NULL;
    }
    if (check_open(t) < 0 || check_readable(t) < 0)
        return NULL;
    return text_readline_c(t, n);
}

static AdObject *textio_iternext(AdObject *self)
{
    io_textio *t = TIO(self);
    CHECK_ATTACHED(t);
    AdObject *line;
    t->telling = 0;
    if (Ad_IS_TYPE(self, &AdTextIOWrapper_Type)) {
        if (check_open(t) < 0 || check_readable(t) < 0)
            return NULL;
        line = text_readline_c(t, -1);
    }
    else {
        line = io_call0(self, "readline");
        if (line && !AdStr_Check(line)) {
            AdErr_Format(AdExc_OSError, "readline() should have returned a str object, not '%.200s'",
                         AdType_Name(AD_TYPE(line)));
            Ad_DECREF(line);
            return NULL;
        }
    }
    if (!line)
        return NULL;
    if (AdStr_LENGTH(line) == 0) {
        Ad_DECREF(line);
        reset_read_state(t);
        t->telling = t->seekable;
        return NULL;
    }
    return line;
}

static AdObject *textio_flush(AdObject *self, AdObject *unused)
{
    (void)unused;
    CHECK_ATTACHED(TIO(self));
    if (io_textio_flush_c(TIO(self)) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *textio_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_textio *t = TIO(self);
    CHECK_ATTACHED(t);
    int c = text_closed(t);
    if (c < 0)
        return NULL;
    if (c)
        Ad_RETURN_NONE;
    if (t->finalizing) {
        AdObject *r = io_call1(t->buffer, "_dealloc_warn", self);
        if (r)
            Ad_DECREF(r);
        else
            AdErr_Clear();
    }
    AdObject *r = io_call0(self, "flush");
    AdObject *exc = r ? NULL : AdErr_GetRaisedException();
    Ad_XDECREF(r);
    r = io_call0(t->buffer, "close");
    if (exc) {
        if (!r) {
            AdObject *e2 = AdErr_GetRaisedException();
            AdErr_SetRaisedException(exc);
            AdErr_ChainExceptions(e2);
            return NULL;
        }
        Ad_DECREF(r);
        AdErr_SetRaisedException(exc);
        return NULL;
    }
    return r;
}

static AdObject *textio_detach(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_textio *t = TIO(self);
    CHECK_ATTACHED(t);
    AdObject *r = io_call0(self, "flush");
    if (!r)
        return NULL;
    Ad_DECREF(r);
    AdObject *b = t->buffer;
    t->buffer = NULL;
    t->ok = 0;
    t->detached = 1;
    return b;
}

static AdObject *textio_tell(AdObject *self, AdObject *unused)
{
    (void)unused;
    io_textio *t = TIO(self);
    CHECK_ATTACHED(t);
    if (check_open(t) < 0)
        return NULL;
    if (!t->seekable)
        return io_unsupported("underlying stream is not seekable");
    if (!t->telling)
        return AdErr_Format(AdExc_OSError, "telling position disabled by next() call");
    if (io_textio_flush_c(t) < 0)
        return NULL;
    if (t->dec)
        return AdInt_FromInt64(t->dec_start + byte_len(t, t->dec, 0, t->dec_pos));
    AdObject *p = io_call0(t->buffer, "tell");
    if (!p || t->undec_len == 0)
        return p;
    int64_t pos = AdInt_AsInt64(p);
    Ad_DECREF(p);
    if (pos == -1 && AdErr_Occurred())
        return NULL;
    return AdInt_FromInt64(pos - t->undec_len);
}

static AdObject *textio_seek(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_textio *t = TIO(self);
    if (AdArg_CheckPositional("seek", nargs, 1, 2) < 0)
        return NULL;
    CHECK_ATTACHED(t);
    int64_t whence = 0;
    if (nargs > 1 && (whence = AdInt_AsInt64(args[1])) == -1 && AdErr_Occurred())
        return NULL;
    if (check_open(t) < 0)
        return NULL;
    if (!t->seekable)
        return io_unsupported("underlying stream is not seekable");
    AdObject *cookie = args[0];
    AdObject *zero = AdInt_FromInt64(0);
    int is_zero = AdObject_RichCompareBool(cookie, zero, AD_EQ);
    Ad_DECREF(zero);
    if (is_zero < 0)
        return NULL;
    if (whence == 1) {
        if (!is_zero)
            return io_unsupported("can't do nonzero cur-relative seeks");
        return textio_tell(self, NULL);
    }
    if (whence == 2) {
        if (!is_zero)
            return io_unsupported("can't do nonzero end-relative seeks");
        if (io_textio_flush_c(t) < 0)
            return NULL;
        reset_read_state(t);
        if (t->decoder) {
            AdObject *r = io_call0(t->decoder, "reset");
            if (!r)
                return NULL;
            Ad_DECREF(r);
        }
        t->sig_pending = 0;
        AdObject *a[2] = {AdInt_FromInt64(0), AdInt_FromInt64(2)};
        AdObject *r = AdObject_CallMethod(t->buffer, AdStr_InternFromString("seek"), a, 2);
        Ad_DECREF(a[0]);
        Ad_DECREF(a[1]);
        return r;
    }
    if (whence != 0)
        return AdErr_Format(AdExc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (!AdIndex_Check(cookie))
        return AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                            AdType_Name(AD_TYPE(cookie)));
    AdObject *neg0 = AdInt_FromInt64(0);
    int neg = AdObject_RichCompareBool(cookie, neg0, AD_LT);
    Ad_DECREF(neg0);
    if (neg < 0)
        return NULL;
    if (neg)
        return AdErr_Format(AdExc_ValueError, "negative seek position %R", cookie);
    if (io_textio_flush_c(t) < 0)
        return NULL;
    reset_read_state(t);
    if (t->decoder) {
        AdObject *r = io_call0(t->decoder, "reset");
        if (!r)
            return NULL;
        Ad_DECREF(r);
    }
    AdObject *r = io_call1(t->buffer, "seek", cookie);
    if (!r)
        return NULL;
    Ad_DECREF(r);
    {
        const char *ename = AdStr_AsUTF8(t->encoding);
        int named_order = ename ? encoding_order(ename) : 0;
        int wide = t->enc_kind == IO_ENC_UTF16 || t->enc_kind == IO_ENC_UTF32;
        t->sig_pending = is_zero && (t->enc_kind == IO_ENC_UTF8SIG || (wide && named_order == 0));
        t->bom_checked = !is_zero;
        if (wide && is_zero)
            t->order = (unsigned char)named_order;
    }
    return Ad_NewRef(cookie);
}

static AdObject *textio_truncate(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    io_textio *t = TIO(self);
    if (AdArg_CheckPositional("truncate", nargs, 0, 1) < 0)
        return NULL;
    CHECK_ATTACHED(t);
    AdObject *r = io_call0(self, "flush");
    if (!r)
        return NULL;
    Ad_DECREF(r);
    AdObject *pos = nargs ? args[0] : Ad_None;
    return io_call1(t->buffer, "truncate", pos);
}

static AdObject *delegate(AdObject *self, const char *meth)
{
    io_textio *t = TIO(self);
    CHECK_ATTACHED(t);
    return io_call0(t->buffer, meth);
}

static AdObject *textio_fileno(AdObject *self, AdObject *u) { (void)u; return delegate(self, "fileno"); }
static AdObject *textio_seekable(AdObject *self, AdObject *u) { (void)u; return delegate(self, "seekable"); }
static AdObject *textio_readable(AdObject *self, AdObject *u) { (void)u; return delegate(self, "readable"); }
static AdObject *textio_writable(AdObject *self, AdObject *u) { (void)u; return delegate(self, "writable"); }
static AdObject *textio_isatty(AdObject *self, AdObject *u) { (void)u; return delegate(self, "isatty"); }

static AdObject *textio_reconfigure(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering", "write_through", NULL};
    AdObject *v[5];
    io_textio *t = TIO(self);
    if (nargs > 0)
        return AdErr_Format(AdExc_TypeError, "reconfigure() takes exactly 0 positional arguments (%zd given)", nargs);
    if (AdArg_Parse("reconfigure", args, nargs, kwnames, names, 0, 0, v) < 0)
        return NULL;
    CHECK_ATTACHED(t);
    AdObject *encoding = v[0] && v[0] != Ad_None ? v[0] : NULL;
    AdObject *errors = v[1] && v[1] != Ad_None ? v[1] : NULL;
    if (encoding && !AdStr_Check(encoding))
        return AdErr_Format(AdExc_TypeError, "reconfigure() argument 'encoding' must be str or None, not %s",
                            AdType_Name(AD_TYPE(encoding)));
    if (errors && !AdStr_Check(errors))
        return AdErr_Format(AdExc_TypeError, "reconfigure() argument 'errors' must be str or None, not %s",
                            AdType_Name(AD_TYPE(errors)));
    if (t->dec && (encoding || errors || (v[2] && v[2] != Ad_Ellipsis)))
        return io_unsupported("It is not possible to set the encoding or newline of stream after the first read");
    if (v[2] && v[2] != Ad_Ellipsis && v[2] != Ad_None && !AdStr_Check(v[2]))
        return AdErr_Format(AdExc_TypeError, "reconfigure() argument 'newline' must be str or None, not %s",
                            AdType_Name(AD_TYPE(v[2])));
    int lb = -1, wt = -1;
    if (v[3] && v[3] != Ad_None && (lb = AdObject_IsTrue(v[3])) < 0)
        return NULL;
    if (v[4] && v[4] != Ad_None && (wt = AdObject_IsTrue(v[4])) < 0)
        return NULL;
    AdObject *r = io_call0(self, "flush");
    if (!r)
        return NULL;
    Ad_DECREF(r);
    if (v[2] && v[2] != Ad_Ellipsis && set_newline(t, v[2]) < 0)
        return NULL;
    if (encoding || errors) {
        AdObject *old_enc = Ad_NewRef(t->encoding), *old_err = Ad_NewRef(t->errors);
        if (encoding) {
            if (AdStr_EqualToASCII(encoding, "locale")) {
                AD_SETREF(t->encoding, AdStr_FromString(io_default_encoding()));
            }
            else
                AD_SETREF(t->encoding, Ad_NewRef(encoding));
            AD_SETREF(t->errors, errors ? Ad_NewRef(errors) : AdStr_FromString("strict"));
        }
        else
            AD_SETREF(t->errors, Ad_NewRef(errors));
        if (!t->encoding || !t->errors || set_codec(t) < 0) {
            AD_XSETREF(t->encoding, old_enc);
            AD_XSETREF(t->errors, old_err);
            AdObject *exc = AdErr_GetRaisedException();
            if (set_codec(t) < 0)
                AdErr_Clear();
            AdErr_SetRaisedException(exc);
            return NULL;
        }
        Ad_DECREF(old_enc);
        Ad_DECREF(old_err);
        t->sig_pending = 0;
    }
    if (lb >= 0)
        t->line_buffering = (unsigned char)lb;
    if (wt >= 0)
        t->write_through = (unsigned char)wt;
    Ad_RETURN_NONE;
}

static AdObject *textio_repr(AdObject *self)
{
    io_textio *t = TIO(self);
    const char *tname = AdType_Name(AD_TYPE(self));
    if (Ad_EnterRecursiveCall(" while getting the repr of an object")) {
        AdErr_Clear();
        return AdErr_Format(AdExc_RuntimeError, "reentrant call inside %s.__repr__", tname);
    }
    AdStrWriter w;
    AdStrWriter_Init(&w);
    AdObject *tmp = AdStr_FromFormat("<%s", tname);
    if (!tmp || AdStrWriter_WriteStr(&w, tmp) < 0)
        goto fail;
    AD_CLEAR(tmp);
    AdObject *attrs[2] = {AdStr_InternFromString("name"), AdStr_InternFromString("mode")};
    for (int i = 0; i < 2; i++) {
        AdObject *val = NULL;
        if (AdObject_GetOptionalAttr(self, attrs[i], &val) < 0) {
            if (!AdErr_ExceptionMatches(AdExc_ValueError))
                goto fail;
            AdErr_Clear();
        }
        if (val) {
            tmp = AdStr_FromFormat(i == 0 ? " name=%R" : " mode=%R", val);
            Ad_DECREF(val);
            if (!tmp || AdStrWriter_WriteStr(&w, tmp) < 0)
                goto fail;
            AD_CLEAR(tmp);
        }
    }
    if (t->encoding) {
        tmp = AdStr_FromFormat(" encoding=%R", t->encoding);
        if (!tmp || AdStrWriter_WriteStr(&w, tmp) < 0)
            goto fail;
        AD_CLEAR(tmp);
    }
    if (AdStrWriter_WriteChar(&w, '>') < 0)
        goto fail;
    Ad_LeaveRecursiveCall();
    return AdStrWriter_Finish(&w);
fail:
    Ad_XDECREF(tmp);
    AdStrWriter_Dealloc(&w);
    Ad_LeaveRecursiveCall();
    return NULL;
}

static AdObject *textio_getstate(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdErr_Format(AdExc_TypeError, "cannot pickle '%s' instances", AdType_Name(AD_TYPE(self)));
}

/* ---- attributes ----------------------------------------------------------------------- */

static AdObject *textio_name_get(AdObject *self, void *c)
{
    (void)c;
    CHECK_ATTACHED(TIO(self));
    return AdObject_GetAttr(TIO(self)->buffer, AdStr_InternFromString("name"));
}

static AdObject *textio_closed_get(AdObject *self, void *c)
{
    (void)c;
    io_textio *t = TIO(self);
    CHECK_ATTACHED(t);
    if (t->buffer_native) {
        int r = io_buffered_closed_c(NATIVE_BUF(t));
        return r < 0 ? NULL : AdBool_FromLong(r);
    }
    return AdObject_GetAttr(t->buffer, AdStr_InternFromString("closed"));
}

static AdObject *textio_buffer_get(AdObject *self, void *c)
{
    (void)c;
    if (!TIO(self)->buffer)
        Ad_RETURN_NONE;
    return Ad_NewRef(TIO(self)->buffer);
}

static AdObject *textio_encoding_get(AdObject *self, void *c)
{
    (void)c;
    io_textio *t = TIO(self);
    if (!t->encoding)
        Ad_RETURN_NONE;
    return Ad_NewRef(t->encoding);
}

static AdObject *textio_errors_get(AdObject *self, void *c)
{
    (void)c;
    io_textio *t = TIO(self);
    if (!t->errors)
        Ad_RETURN_NONE;
    return Ad_NewRef(t->errors);
}

static AdObject *textio_line_buffering_get(AdObject *self, void *c)
{
    (void)c;
    CHECK_ATTACHED(TIO(self));
    return AdBool_FromLong(TIO(self)->line_buffering);
}

static AdObject *textio_write_through_get(AdObject *self, void *c)
{
    (void)c;
    CHECK_ATTACHED(TIO(self));
    return AdBool_FromLong(TIO(self)->write_through);
}

static AdObject *textio_newlines_get(AdObject *self, void *c)
{
    (void)c;
    io_textio *t = TIO(self);
    CHECK_ATTACHED(t);
    if (t->decoder) {
        AdObject *v = NULL;
        if (AdObject_GetOptionalAttr(t->decoder, AdStr_InternFromString("newlines"), &v) < 0)
            return NULL;
        if (v)
            return v;
    }
    if (!t->readuniversal)
        Ad_RETURN_NONE;
    return io_newlines_value(t->seennl);
}

static AdObject *textio_chunk_get(AdObject *self, void *c)
{
    (void)c;
    CHECK_ATTACHED(TIO(self));
    return AdInt_FromSsize_t(TIO(self)->chunk_size);
}

static int textio_chunk_set(AdObject *self, AdObject *v, void *c)
{
    (void)c;
    if (check_attached(TIO(self)) < 0)
        return -1;
    if (!v) {
        AdErr_SetString(AdExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    Ad_ssize_t n = AdNumber_AsSsize_t(v, AdExc_ValueError);
    if (n == -1 && AdErr_Occurred())
        return -1;
    if (n <= 0) {
        AdErr_SetString(AdExc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    TIO(self)->chunk_size = n;
    return 0;
}

static AdObject *textio_finalizing_get(AdObject *self, void *c)
{
    (void)c;
    return AdBool_FromLong(TIO(self)->finalizing);
}

#define M(name, fn, flags) {name, (void (*)(void))(fn), flags, NULL}
static AdMethodDef textio_methods[] = {
    M("write", textio_write, AD_METH_O),
    M("read", textio_read, AD_METH_FASTCALL),
    M("readline", textio_readline, AD_METH_FASTCALL),
    M("flush", textio_flush, AD_METH_NOARGS),
    M("close", textio_close, AD_METH_NOARGS),
    M("detach", textio_detach, AD_METH_NOARGS),
    M("tell", textio_tell, AD_METH_NOARGS),
    M("seek", textio_seek, AD_METH_FASTCALL),
    M("truncate", textio_truncate, AD_METH_FASTCALL),
    M("fileno", textio_fileno, AD_METH_NOARGS),
    M("seekable", textio_seekable, AD_METH_NOARGS),
    M("readable", textio_readable, AD_METH_NOARGS),
    M("writable", textio_writable, AD_METH_NOARGS),
    M("isatty", textio_isatty, AD_METH_NOARGS),
    M("reconfigure", textio_reconfigure, AD_METH_FASTCALL | AD_METH_KEYWORDS),
    M("__getstate__", textio_getstate, AD_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef textio_getset[] = {
    {"name", textio_name_get, NULL, NULL, NULL},
    {"closed", textio_closed_get, NULL, NULL, NULL},
    {"buffer", textio_buffer_get, NULL, NULL, NULL},
    {"encoding", textio_encoding_get, NULL, NULL, NULL},
    {"errors", textio_errors_get, NULL, NULL, NULL},
    {"line_buffering", textio_line_buffering_get, NULL, NULL, NULL},
    {"write_through", textio_write_through_get, NULL, NULL, NULL},
    {"newlines", textio_newlines_get, NULL, NULL, NULL},
    {"_CHUNK_SIZE", textio_chunk_get, textio_chunk_set, NULL, NULL},
    {"_finalizing", textio_finalizing_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdTextIOWrapper_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(io_textio),
    .tp_dealloc = textio_dealloc,
    .tp_repr = textio_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "TextIOWrapper(buffer, encoding=None, errors=None, newline=None,\n"
              "              line_buffering=False, write_through=False)\n--\n\n"
              "Character and line based layer over a BufferedIOBase object, buffer.",
    .tp_traverse = textio_traverse,
    .tp_clear = textio_clear,
    .tp_iternext = textio_iternext,
    .tp_methods = textio_methods,
    .tp_getset = textio_getset,
    .tp_base = &AdTextIOBase_Type,
    .tp_dictoffset = offsetof(io_textio, dict),
    .tp_weaklistoffset = offsetof(io_textio, weakreflist),
    .tp_init = textio_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = textio_new,
    .tp_free = AdObject_GC_Del,
    .tp_finalize = io_base_finalize,
};
