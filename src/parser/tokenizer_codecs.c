/* tokenizer_codecs.c -- the codecs a PEP 263 coding cookie can name.
 *
 * Owns: parser_codec_lookup (a cookie's name -> a codec, following
 * Python's codec search: lower case, runs of characters other than
 * alphanumerics and '.' become '_', then encodings/aliases.py and the
 * codec modules, both from the generated build/gen/parser/codec_names.c)
 * and parser_codec_decode (whole-source decoding into UTF-8 with the
 * message of the UnicodeDecodeError Python's codec would raise).
 *
 * UTF-8, UTF-16 and UTF-32 are decoded here; the single-byte (charmap)
 * and CJK codecs through glibc's iconv(3).  A codec Python has but iconv
 * lacks (palmos, cp720, hz, mac_arabic, ..., and the Python-only
 * unicode_escape, raw_unicode_escape, idna, punycode) is reported as
 * "unknown encoding", like one Python lacks.
 */
#include "parser/codec_names.h"
#include "parser/tokenizer_internal.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    STYLE_CHARMAP,   /* 'charmap' codec ...: character maps to <undefined> */
    STYLE_MULTIBYTE, /* 'NAME' codec ...: illegal/incomplete multibyte sequence */
    STYLE_GENERIC,   /* 'NAME' codec ...: invalid input */
};

struct parser_codec {
    const char *module;  /* Python's codec module */
    int kind;            /* PARSER_CODEC_* */
    const char *iconv;   /* iconv name (PARSER_CODEC_ICONV) */
    int style;
    const char *errname; /* the codec name in error messages */
};

/* Every Python codec that can decode source, with how.  Kept sorted by
 * module name. */
static const struct parser_codec codecs[] = {
    {"ascii", PARSER_CODEC_ASCII, NULL, 0, "ascii"},
    {"base64_codec", PARSER_CODEC_NOT_TEXT, NULL, 0, NULL},
    {"big5", PARSER_CODEC_ICONV, "BIG5", STYLE_MULTIBYTE, "big5"},
    {"big5hkscs", PARSER_CODEC_ICONV, "BIG5-HKSCS", STYLE_MULTIBYTE, "big5hkscs"},
    {"bz2_codec", PARSER_CODEC_NOT_TEXT, NULL, 0, NULL},
    {"charmap", PARSER_CODEC_LATIN1, NULL, 0, "charmap"}, /* no mapping: latin-1 */
    {"cp037", PARSER_CODEC_ICONV, "IBM037", STYLE_CHARMAP, NULL},
    {"cp1026", PARSER_CODEC_ICONV, "IBM1026", STYLE_CHARMAP, NULL},
    {"cp1125", PARSER_CODEC_ICONV, "CP1125", STYLE_CHARMAP, NULL},
    {"cp1140", PARSER_CODEC_ICONV, "IBM1140", STYLE_CHARMAP, NULL},
    {"cp1250", PARSER_CODEC_ICONV, "CP1250", STYLE_CHARMAP, NULL},
    {"cp1251", PARSER_CODEC_ICONV, "CP1251", STYLE_CHARMAP, NULL},
    {"cp1252", PARSER_CODEC_ICONV, "CP1252", STYLE_CHARMAP, NULL},
    {"cp1253", PARSER_CODEC_ICONV, "CP1253", STYLE_CHARMAP, NULL},
    {"cp1254", PARSER_CODEC_ICONV, "CP1254", STYLE_CHARMAP, NULL},
    {"cp1255", PARSER_CODEC_ICONV, "CP1255", STYLE_CHARMAP, NULL},
    {"cp1256", PARSER_CODEC_ICONV, "CP1256", STYLE_CHARMAP, NULL},
    {"cp1257", PARSER_CODEC_ICONV, "CP1257", STYLE_CHARMAP, NULL},
    {"cp1258", PARSER_CODEC_ICONV, "CP1258", STYLE_CHARMAP, NULL},
    {"cp273", PARSER_CODEC_ICONV, "IBM273", STYLE_CHARMAP, NULL},
    {"cp424", PARSER_CODEC_ICONV, "IBM424", STYLE_CHARMAP, NULL},
    {"cp437", PARSER_CODEC_ICONV, "IBM437", STYLE_CHARMAP, NULL},
    {"cp500", PARSER_CODEC_ICONV, "IBM500", STYLE_CHARMAP, NULL},
    {"cp737", PARSER_CODEC_ICONV, "CP737", STYLE_CHARMAP, NULL},
    {"cp775", PARSER_CODEC_ICONV, "CP775", STYLE_CHARMAP, NULL},
    {"cp850", PARSER_CODEC_ICONV, "IBM850", STYLE_CHARMAP, NULL},
    {"cp852", PARSER_CODEC_ICONV, "IBM852", STYLE_CHARMAP, NULL},
    {"cp855", PARSER_CODEC_ICONV, "IBM855", STYLE_CHARMAP, NULL},
    {"cp856", PARSER_CODEC_ICONV, "IBM856", STYLE_CHARMAP, NULL},
    {"cp857", PARSER_CODEC_ICONV, "IBM857", STYLE_CHARMAP, NULL},
    {"cp858", PARSER_CODEC_ICONV, "IBM858", STYLE_CHARMAP, NULL},
    {"cp860", PARSER_CODEC_ICONV, "IBM860", STYLE_CHARMAP, NULL},
    {"cp861", PARSER_CODEC_ICONV, "IBM861", STYLE_CHARMAP, NULL},
    {"cp862", PARSER_CODEC_ICONV, "IBM862", STYLE_CHARMAP, NULL},
    {"cp863", PARSER_CODEC_ICONV, "IBM863", STYLE_CHARMAP, NULL},
    {"cp864", PARSER_CODEC_ICONV, "IBM864", STYLE_CHARMAP, NULL},
    {"cp865", PARSER_CODEC_ICONV, "IBM865", STYLE_CHARMAP, NULL},
    {"cp866", PARSER_CODEC_ICONV, "IBM866", STYLE_CHARMAP, NULL},
    {"cp869", PARSER_CODEC_ICONV, "IBM869", STYLE_CHARMAP, NULL},
    {"cp874", PARSER_CODEC_ICONV, "CP874", STYLE_CHARMAP, NULL},
    {"cp875", PARSER_CODEC_ICONV, "IBM875", STYLE_CHARMAP, NULL},
    {"cp932", PARSER_CODEC_ICONV, "CP932", STYLE_MULTIBYTE, "cp932"},
    {"cp949", PARSER_CODEC_ICONV, "CP949", STYLE_MULTIBYTE, "cp949"},
    {"cp950", PARSER_CODEC_ICONV, "BIG5", STYLE_MULTIBYTE, "cp950"},
    {"euc_jis_2004", PARSER_CODEC_ICONV, "EUC-JISX0213", STYLE_MULTIBYTE, "euc_jis_2004"},
    {"euc_jisx0213", PARSER_CODEC_ICONV, "EUC-JISX0213", STYLE_MULTIBYTE, "euc_jisx0213"},
    {"euc_jp", PARSER_CODEC_ICONV, "EUC-JP", STYLE_MULTIBYTE, "euc_jp"},
    {"euc_kr", PARSER_CODEC_ICONV, "EUC-KR", STYLE_MULTIBYTE, "euc_kr"},
    {"gb18030", PARSER_CODEC_ICONV, "GB18030", STYLE_MULTIBYTE, "gb18030"},
    {"gb2312", PARSER_CODEC_ICONV, "EUC-CN", STYLE_MULTIBYTE, "gb2312"},
    {"gbk", PARSER_CODEC_ICONV, "GBK", STYLE_MULTIBYTE, "gbk"},
    {"hex_codec", PARSER_CODEC_NOT_TEXT, NULL, 0, NULL},
    {"hp_roman8", PARSER_CODEC_ICONV, "HP-ROMAN8", STYLE_CHARMAP, NULL},
    {"iso2022_jp", PARSER_CODEC_ICONV, "ISO-2022-JP", STYLE_MULTIBYTE, "iso2022_jp"},
    {"iso2022_jp_2", PARSER_CODEC_ICONV, "ISO-2022-JP-2", STYLE_MULTIBYTE, "iso2022_jp_2"},
    {"iso2022_jp_3", PARSER_CODEC_ICONV, "ISO-2022-JP-3", STYLE_MULTIBYTE, "iso2022_jp_3"},
    {"iso2022_kr", PARSER_CODEC_ICONV, "ISO-2022-KR", STYLE_MULTIBYTE, "iso2022_kr"},
    {"iso8859_1", PARSER_CODEC_LATIN1, NULL, 0, NULL},
    {"iso8859_10", PARSER_CODEC_ICONV, "ISO-8859-10", STYLE_CHARMAP, NULL},
    {"iso8859_11", PARSER_CODEC_ICONV, "ISO-8859-11", STYLE_CHARMAP, NULL},
    {"iso8859_13", PARSER_CODEC_ICONV, "ISO-8859-13", STYLE_CHARMAP, NULL},
    {"iso8859_14", PARSER_CODEC_ICONV, "ISO-8859-14", STYLE_CHARMAP, NULL},
    {"iso8859_15", PARSER_CODEC_ICONV, "ISO-8859-15", STYLE_CHARMAP, NULL},
    {"iso8859_16", PARSER_CODEC_ICONV, "ISO-8859-16", STYLE_CHARMAP, NULL},
    {"iso8859_2", PARSER_CODEC_ICONV, "ISO-8859-2", STYLE_CHARMAP, NULL},
    {"iso8859_3", PARSER_CODEC_ICONV, "ISO-8859-3", STYLE_CHARMAP, NULL},
    {"iso8859_4", PARSER_CODEC_ICONV, "ISO-8859-4", STYLE_CHARMAP, NULL},
    {"iso8859_5", PARSER_CODEC_ICONV, "ISO-8859-5", STYLE_CHARMAP, NULL},
    {"iso8859_6", PARSER_CODEC_ICONV, "ISO-8859-6", STYLE_CHARMAP, NULL},
    {"iso8859_7", PARSER_CODEC_ICONV, "ISO-8859-7", STYLE_CHARMAP, NULL},
    {"iso8859_8", PARSER_CODEC_ICONV, "ISO-8859-8", STYLE_CHARMAP, NULL},
    {"iso8859_9", PARSER_CODEC_ICONV, "ISO-8859-9", STYLE_CHARMAP, NULL},
    {"johab", PARSER_CODEC_ICONV, "JOHAB", STYLE_MULTIBYTE, "johab"},
    {"koi8_r", PARSER_CODEC_ICONV, "KOI8-R", STYLE_CHARMAP, NULL},
    {"koi8_t", PARSER_CODEC_ICONV, "KOI8-T", STYLE_CHARMAP, NULL},
    {"koi8_u", PARSER_CODEC_ICONV, "KOI8-U", STYLE_CHARMAP, NULL},
    {"kz1048", PARSER_CODEC_ICONV, "RK1048", STYLE_CHARMAP, NULL},
    {"latin_1", PARSER_CODEC_LATIN1, NULL, 0, NULL},
    {"mac_cyrillic", PARSER_CODEC_ICONV, "MAC-CYRILLIC", STYLE_CHARMAP, NULL},
    {"mac_iceland", PARSER_CODEC_ICONV, "MAC-IS", STYLE_CHARMAP, NULL},
    {"mac_latin2", PARSER_CODEC_ICONV, "MAC-CENTRALEUROPE", STYLE_CHARMAP, NULL},
    {"mac_roman", PARSER_CODEC_ICONV, "MACINTOSH", STYLE_CHARMAP, NULL},
    {"ptcp154", PARSER_CODEC_ICONV, "PT154", STYLE_CHARMAP, NULL},
    {"quopri_codec", PARSER_CODEC_NOT_TEXT, NULL, 0, NULL},
    {"rot_13", PARSER_CODEC_NOT_TEXT, NULL, 0, NULL},
    {"shift_jis", PARSER_CODEC_ICONV, "SHIFT_JIS", STYLE_MULTIBYTE, "shift_jis"},
    {"shift_jis_2004", PARSER_CODEC_ICONV, "SHIFT_JISX0213", STYLE_MULTIBYTE, "shift_jis_2004"},
    {"shift_jisx0213", PARSER_CODEC_ICONV, "SHIFT_JISX0213", STYLE_MULTIBYTE, "shift_jisx0213"},
    {"tis_620", PARSER_CODEC_ICONV, "TIS-620", STYLE_CHARMAP, NULL},
    {"undefined", PARSER_CODEC_UNDEFINED, NULL, 0, NULL},
    {"utf_16", PARSER_CODEC_UTF16, NULL, 0, NULL},
    {"utf_16_be", PARSER_CODEC_UTF16, NULL, 'B', NULL},
    {"utf_16_le", PARSER_CODEC_UTF16, NULL, 'L', NULL},
    {"utf_32", PARSER_CODEC_UTF32, NULL, 0, NULL},
    {"utf_32_be", PARSER_CODEC_UTF32, NULL, 'B', NULL},
    {"utf_32_le", PARSER_CODEC_UTF32, NULL, 'L', NULL},
    {"utf_7", PARSER_CODEC_ICONV, "UTF-7", STYLE_GENERIC, "utf-7"},
    {"utf_8", PARSER_CODEC_UTF8, NULL, 0, "utf-8"},
    {"utf_8_sig", PARSER_CODEC_UTF8, NULL, 1, "utf-8"},
    {"uu_codec", PARSER_CODEC_NOT_TEXT, NULL, 0, NULL},
    {"zlib_codec", PARSER_CODEC_NOT_TEXT, NULL, 0, NULL},
};

static int cmp_alias(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const ParserCodecAlias *)elem)->alias);
}

static int cmp_module(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static int cmp_codec(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const struct parser_codec *)elem)->module);
}

/* encodings.normalize_encoding over a lower-cased name. */
static void normalize(const char *name, char *norm, size_t cap)
{
    size_t j = 0;
    int punct = 0;
    for (const char *p = name; *p && j + 2 < cap; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c == '.') {
            if (punct && j > 0)
                norm[j++] = '_';
            punct = 0;
            norm[j++] = (char)tolower(c);
        } else {
            punct = 1;
        }
    }
    norm[j] = 0;
}

static const char *alias_module(const char *norm)
{
    const ParserCodecAlias *a = bsearch(norm, parser_codec_aliases, parser_codec_naliases,
                                        sizeof *a, cmp_alias);
    return a ? a->codec : NULL;
}

int parser_codec_lookup(const char *name, const struct parser_codec **codec)
{
    char norm[128];
    *codec = NULL;
    normalize(name, norm, sizeof norm);
    const char *module = alias_module(norm);
    if (module == NULL) {
        char dotless[128];
        strcpy(dotless, norm);
        for (char *p = dotless; *p; p++)
            if (*p == '.')
                *p = '_';
        module = alias_module(dotless);
    }
    if (module == NULL) {
        /* The name may be a codec module itself (no dots: not a package path). */
        if (strchr(norm, '.') != NULL || norm[0] == 0)
            return PARSER_CODEC_UNKNOWN;
        const char *const *m = bsearch(norm, parser_codec_modules, parser_codec_nmodules,
                                       sizeof *m, cmp_module);
        if (m == NULL)
            return PARSER_CODEC_UNKNOWN;
        module = *m;
    }
    const struct parser_codec *c =
        bsearch(module, codecs, sizeof codecs / sizeof codecs[0], sizeof *c, cmp_codec);
    if (c == NULL)
        return PARSER_CODEC_UNKNOWN;  /* mbcs, oem, palmos, idna, ...: see above */
    if (c->kind == PARSER_CODEC_ICONV) {
        iconv_t cd = iconv_open("UTF-8", c->iconv);
        if (cd == (iconv_t)-1)
            return PARSER_CODEC_UNKNOWN;
        iconv_close(cd);
    }
    *codec = c;
    return c->kind;
}

/* ---------------------------------------------------------------- errors */

/* str() of the UnicodeDecodeError for SRC[start..end). */
static void decode_error(char *msg, size_t cap, const char *enc, const char *src,
                         size_t start, size_t end, const char *reason)
{
    if (end <= start + 1)
        snprintf(msg, cap, "'%s' codec can't decode byte 0x%02x in position %zu: %s", enc,
                 (unsigned char)src[start], start, reason);
    else
        snprintf(msg, cap, "'%s' codec can't decode bytes in position %zu-%zu: %s", enc, start,
                 end - 1, reason);
}

/* ---------------------------------------------------------------- decoders */

typedef struct {
    char *p;
    size_t len, cap;
} outbuf;

static int out_reserve(outbuf *o, size_t more)
{
    if (o->len + more + 1 <= o->cap)
        return 0;
    size_t ncap = (o->len + more + 1) * 2;
    char *np = realloc(o->p, ncap);
    if (np == NULL)
        return -1;
    o->p = np;
    o->cap = ncap;
    return 0;
}

/* Strict UTF-8 as Python's decoder reports it: the error covers the
 * longest valid prefix of a sequence (at least its first byte). */
static int decode_utf8(const char *s, size_t n, outbuf *o, char *msg, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int l;
        if (parser_tok_utf8_decode(u + i, n - i, &l) >= 0) {
            i += (size_t)l;
            continue;
        }
        unsigned c = u[i];
        int need = (c >= 0xC2 && c <= 0xDF) ? 1 : (c >= 0xE0 && c <= 0xEF) ? 2
                 : (c >= 0xF0 && c <= 0xF4) ? 3 : 0;
        if (need == 0) {
            decode_error(msg, cap, "utf-8", s, i, i + 1, "invalid start byte");
            return 1;
        }
        size_t k = 1;
        for (; k <= (size_t)need && i + k < n; k++) {
            unsigned b = u[i + k];
            unsigned lo = 0x80, hi = 0xBF;
            if (k == 1) {
                if (c == 0xE0)
                    lo = 0xA0;
                else if (c == 0xED)
                    hi = 0x9F;
                else if (c == 0xF0)
                    lo = 0x90;
                else if (c == 0xF4)
                    hi = 0x8F;
            }
            if (b < lo || b > hi)
                break;
        }
        if (i + k >= n && k <= (size_t)need)
            decode_error(msg, cap, "utf-8", s, i, n, "unexpected end of data");
        else
            decode_error(msg, cap, "utf-8", s, i, i + k, "invalid continuation byte");
        return 1;
    }
    if (out_reserve(o, n) < 0)
        return -1;
    memcpy(o->p, s, n);
    o->len = n;
    return 0;
}

static int put_cp(outbuf *o, uint32_t cp)
{
    if (out_reserve(o, 4) < 0)
        return -1;
    o->len += (size_t)parser_tok_utf8_encode(cp, o->p + o->len);
    return 0;
}

static int decode_utf16(const char *s, size_t n, int order, outbuf *o, char *msg, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    if (order == 0) {  /* "utf-16": a BOM chooses, else little-endian */
        order = 'L';
        if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
            i = 2;
        } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
            order = 'B';
            i = 2;
        }
    }
    const char *name = order == 'L' ? "utf-16-le" : "utf-16-be";
#define UNIT(k) (order == 'L' ? (unsigned)(u[k] | u[(k) + 1] << 8) : (unsigned)(u[k] << 8 | u[(k) + 1]))
    while (i < n) {
        if (n - i < 2) {
            decode_error(msg, cap, name, s, i, n, "truncated data");
            return 1;
        }
        unsigned w = UNIT(i);
        if (w < 0xD800 || w > 0xDFFF) {
            if (put_cp(o, w) < 0)
                return -1;
            i += 2;
            continue;
        }
        if (w >= 0xDC00) {
            decode_error(msg, cap, name, s, i, i + 2, "illegal encoding");
            return 1;
        }
        if (n - i < 4) {
            decode_error(msg, cap, name, s, i, n, "unexpected end of data");
            return 1;
        }
        unsigned w2 = UNIT(i + 2);
        if (w2 < 0xDC00 || w2 > 0xDFFF) {
            decode_error(msg, cap, name, s, i, i + 2, "illegal UTF-16 surrogate");
            return 1;
        }
        if (put_cp(o, 0x10000 + ((w - 0xD800) << 10) + (w2 - 0xDC00)) < 0)
            return -1;
        i += 4;
    }
#undef UNIT
    return 0;
}

static int decode_utf32(const char *s, size_t n, int order, outbuf *o, char *msg, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    if (order == 0) {
        order = 'L';
        if (n >= 4 && memcmp(u, "\xFF\xFE\0\0", 4) == 0) {
            i = 4;
        } else if (n >= 4 && memcmp(u, "\0\0\xFE\xFF", 4) == 0) {
            order = 'B';
            i = 4;
        }
    }
    const char *name = order == 'L' ? "utf-32-le" : "utf-32-be";
    while (i < n) {
        if (n - i < 4) {
            decode_error(msg, cap, name, s, i, n, "truncated data");
            return 1;
        }
        uint32_t cp = order == 'L'
            ? (uint32_t)u[i] | (uint32_t)u[i + 1] << 8 | (uint32_t)u[i + 2] << 16 | (uint32_t)u[i + 3] << 24
            : (uint32_t)u[i] << 24 | (uint32_t)u[i + 1] << 16 | (uint32_t)u[i + 2] << 8 | (uint32_t)u[i + 3];
        if (cp > 0x10FFFF) {
            decode_error(msg, cap, name, s, i, i + 4, "code point not in range(0x110000)");
            return 1;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            decode_error(msg, cap, name, s, i, i + 4,
                         "code point in surrogate code point range(0xd800, 0xe000)");
            return 1;
        }
        if (put_cp(o, cp) < 0)
            return -1;
        i += 4;
    }
    return 0;
}

static int decode_latin1(const char *s, size_t n, outbuf *o)
{
    if (out_reserve(o, 2 * n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        o->len += (size_t)parser_tok_utf8_encode((unsigned char)s[i], o->p + o->len);
    return 0;
}

static int decode_iconv(const struct parser_codec *c, const char *s, size_t n, outbuf *o,
                        char *msg, size_t cap)
{
    iconv_t cd = iconv_open("UTF-8", c->iconv);
    if (cd == (iconv_t)-1)
        return -1;
    char *in = (char *)s;
    size_t inleft = n;
    int r = 0;
    if (out_reserve(o, n + 16) < 0) {
        iconv_close(cd);
        return -1;
    }
    while (inleft > 0) {
        char *op = o->p + o->len;
        size_t oleft = o->cap - o->len - 1;
        size_t k = iconv(cd, &in, &inleft, &op, &oleft);
        o->len = (size_t)(op - o->p);
        if (k != (size_t)-1)
            break;
        if (errno == E2BIG) {
            if (out_reserve(o, o->cap) < 0) {
                r = -1;
                break;
            }
            continue;
        }
        size_t at = (size_t)(in - s);
        const char *reason = errno == EINVAL ? "incomplete multibyte sequence"
                                             : "illegal multibyte sequence";
        if (c->style == STYLE_CHARMAP)
            decode_error(msg, cap, "charmap", s, at, at + 1, "character maps to <undefined>");
        else if (c->style == STYLE_MULTIBYTE)
            decode_error(msg, cap, c->errname, s, at, at + 1, reason);
        else
            decode_error(msg, cap, c->errname, s, at, at + 1, "invalid input");
        r = 1;
        break;
    }
    if (r == 0) {  /* flush a stateful decoder */
        char *op = o->p + o->len;
        size_t oleft = o->cap - o->len - 1;
        if (iconv(cd, NULL, NULL, &op, &oleft) != (size_t)-1)
            o->len = (size_t)(op - o->p);
    }
    iconv_close(cd);
    return r;
}

int parser_codec_decode(const struct parser_codec *c, const char *src, size_t n, char **out,
                        size_t *outlen, char *msg, size_t msgcap)
{
    outbuf o = {NULL, 0, 0};
    int r;
    switch (c->kind) {
    case PARSER_CODEC_UTF8:
        r = decode_utf8(src, n, &o, msg, msgcap);
        break;
    case PARSER_CODEC_LATIN1:
        r = decode_latin1(src, n, &o);
        break;
    case PARSER_CODEC_UTF16:
        r = decode_utf16(src, n, c->style, &o, msg, msgcap);
        break;
    case PARSER_CODEC_UTF32:
        r = decode_utf32(src, n, c->style, &o, msg, msgcap);
        break;
    case PARSER_CODEC_ICONV:
        r = decode_iconv(c, src, n, &o, msg, msgcap);
        break;
    default:
        snprintf(msg, msgcap, "undefined encoding");
        r = 1;
        break;
    }
    if (r == 0 && out_reserve(&o, 0) < 0)
        r = -1;
    if (r != 0) {
        free(o.p);
        return r;
    }
    o.p[o.len] = 0;
    *out = o.p;
    *outlen = o.len;
    return 0;
}
