/* codecs_module.c: the _codecs module: the registry functions (register,
 * unregister, lookup, encode, decode, register_error, lookup_error,
 * _unregister_error) and every codec function the encodings package calls,
 * with argument-clinic-style checks and CPython's messages. The codecs
 * themselves live in the str room (UTF-8/16/32, Latin-1, ASCII) and in
 * codecs_escape.c, codecs_utf7.c and codecs_charmap.c. */
#include "import/builtin_modules.h"
#include "modules/codecs.h"
#include "modules/codecs_internal.h"

#include <string.h>
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))

/* ---- argument conversion ----------------------------------------------- */

typedef struct {
    AdBuffer view;
    int have;
    const char *data;
    Ad_ssize_t len;
} bytes_arg;

static int arg_str(const char *fname, int pos, AdObject *o)
{
    if (AdStr_Check(o))
        return 0;
    AdErr_Format(AdExc_TypeError, "%s() argument %d must be str, not %.200s", fname, pos, AdType_Name(AD_TYPE(o)));
    return -1;
}

/* errors: absent or None -> NULL (strict). */
static int arg_errors(const char *fname, int pos, AdObject *o, const char **out)
{
    *out = NULL;
    if (!o || o == Ad_None)
        return 0;
    if (!AdStr_Check(o)) {
        AdErr_Format(AdExc_TypeError, "%s() argument %d must be str or None, not %.200s", fname, pos,
                     AdType_Name(AD_TYPE(o)));
        return -1;
    }
    *out = AdStr_AsUTF8(o);
    return *out ? 0 : -1;
}

/* A bytes-like object (or, when accept_str, a str taken as UTF-8). */
static int arg_bytes(AdObject *o, int accept_str, bytes_arg *b)
{
    b->have = 0;
    if (accept_str && AdStr_Check(o)) {
        b->data = AdStr_AsUTF8AndSize(o, &b->len);
        return b->data ? 0 : -1;
    }
    if (AdObject_GetBuffer(o, &b->view, AD_BUF_SIMPLE) < 0)
        return -1;
    b->have = 1;
    b->data = b->view.buf;
    b->len = b->view.len;
    return 0;
}

static void release_bytes(bytes_arg *b)
{
    if (b->have)
        AdBuffer_Release(&b->view);
    b->have = 0;
}

static int arg_bool(AdObject *o, int deflt)
{
    return o ? AdObject_IsTrue(o) : deflt;
}

static int arg_int(AdObject *o, int deflt, int *out)
{
    *out = deflt;
    if (!o)
        return 0;
    if (AdFloat_Check(o)) {
        AdErr_SetString(AdExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    Ad_ssize_t v = AdNumber_AsSsize_t(o, AdExc_OverflowError);
    if (v == -1 && AdErr_Occurred())
        return -1;
    if (v > 2147483647 || v < -2147483647 - 1) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* (obj, n): steals obj. */
static AdObject *pair(AdObject *obj, Ad_ssize_t n)
{
    if (!obj)
        return NULL;
    AdObject *t = AdTuple_New(2), *i = AdInt_FromSsize_t(n);
    if (!t || !i) {
        Ad_XDECREF(t);
        Ad_XDECREF(i);
        Ad_DECREF(obj);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, obj);
    AdTuple_SET_ITEM(t, 1, i);
    return t;
}

static const char *const names_dec[] = {"data", "errors", "final", NULL};
static const char *const names_enc[] = {"str", "errors", "byteorder", NULL};
static const char *const names_exdec[] = {"data", "errors", "byteorder", "final", NULL};
static const char *const names_map[] = {"data", "errors", "mapping", NULL};
static const char *const names_data[] = {"data", "errors", NULL};

/* ---- registry functions ------------------------------------------------ */

static AdObject *c_register(AdObject *m, AdObject *f)
{
    (void)m;
    if (AdCodec_Register(f) < 0)
        return NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *c_unregister(AdObject *m, AdObject *f)
{
    (void)m;
    if (AdCodec_Unregister(f) < 0)
        return NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *c_lookup(AdObject *m, AdObject *name)
{
    (void)m;
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "lookup() argument must be str, not %.200s", AdType_Name(AD_TYPE(name)));
    return codecs_lookup_object(name);
}

static AdObject *encode_or_decode(const char *fname, AdObject *const *args, Ad_ssize_t nargs,
                                  AdObject *kwnames, int decode)
{
    static const char *const names[] = {"obj", "encoding", "errors", NULL};
    AdObject *a[3] = {NULL, NULL, NULL};
    if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    const char *encoding = "utf-8", *errors = NULL;
    if (a[1]) {
        if (!AdStr_Check(a[1]))
            return AdErr_Format(AdExc_TypeError, "%s() argument 'encoding' must be str, not %.200s", fname,
                                AdType_Name(AD_TYPE(a[1])));
        if (!(encoding = AdStr_AsUTF8(a[1])))
            return NULL;
    }
    if (a[2]) {
        if (!AdStr_Check(a[2]))
            return AdErr_Format(AdExc_TypeError, "%s() argument 'errors' must be str, not %.200s", fname,
                                AdType_Name(AD_TYPE(a[2])));
        if (!(errors = AdStr_AsUTF8(a[2])))
            return NULL;
    }
    return decode ? AdCodec_Decode(a[0], encoding, errors) : AdCodec_Encode(a[0], encoding, errors);
}

static AdObject *c_encode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return encode_or_decode("encode", args, nargs, kwnames, 0);
}

static AdObject *c_decode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return encode_or_decode("decode", args, nargs, kwnames, 1);
}

static AdObject *c_register_error(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("register_error", nargs, 2, 2) < 0 || arg_str("register_error", 1, args[0]) < 0)
        return NULL;
    const char *name = AdStr_AsUTF8(args[0]);
    if (!name || AdCodec_RegisterError(name, args[1]) < 0)
        return NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *c_lookup_error(AdObject *m, AdObject *name)
{
    (void)m;
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "lookup_error() argument must be str, not %.200s",
                            AdType_Name(AD_TYPE(name)));
    const char *s = AdStr_AsUTF8(name);
    return s ? AdCodec_LookupError(s) : NULL;
}

static AdObject *c_unregister_error(AdObject *m, AdObject *name)
{
    (void)m;
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "_unregister_error() argument must be str, not %.200s",
                            AdType_Name(AD_TYPE(name)));
    const char *s = AdStr_AsUTF8(name);
    int r = s ? AdCodec_UnregisterError(s) : -1;
    if (r < 0)
        return NULL;
    return Ad_NewRef(r ? Ad_True : Ad_False);
}

/* ---- encoders taking (str, errors) ---------------------------------------- */

enum { E_UTF8, E_UTF7, E_LATIN1, E_ASCII, E_UTF16, E_UTF16LE, E_UTF16BE, E_UTF32, E_UTF32LE, E_UTF32BE,
       E_UNICODE_ESCAPE, E_RAW_UNICODE_ESCAPE };

static AdObject *encode_common(const char *fname, int which, AdObject *const *args, Ad_ssize_t nargs,
                               int with_byteorder)
{
    AdObject *a[3] = {NULL, NULL, NULL};
    if (AdArg_CheckPositional(fname, nargs, 1, with_byteorder ? 3 : 2) < 0 ||
        AdArg_Parse(fname, args, nargs, NULL, names_enc, 3, 1, a) < 0)
        return NULL;
    const char *errors;
    int bo = 0;
    if (arg_str(fname, 1, a[0]) < 0 || arg_errors(fname, 2, a[1], &errors) < 0 || arg_int(a[2], 0, &bo) < 0)
        return NULL;
    AdObject *s = a[0], *r;
    switch (which) {
    case E_UTF8: r = AdStr_EncodeUTF8(s, errors); break;
    case E_UTF7: r = codecs_utf7_encode(s, errors); break;
    case E_LATIN1: r = AdStr_EncodeLatin1(s, errors); break;
    case E_ASCII: r = AdStr_EncodeASCII(s, errors); break;
    case E_UTF16: r = AdStr_EncodeUTF16(s, errors, bo); break;
    case E_UTF16LE: r = AdStr_EncodeUTF16(s, errors, -1); break;
    case E_UTF16BE: r = AdStr_EncodeUTF16(s, errors, 1); break;
    case E_UTF32: r = AdStr_EncodeUTF32(s, errors, bo); break;
    case E_UTF32LE: r = AdStr_EncodeUTF32(s, errors, -1); break;
    case E_UTF32BE: r = AdStr_EncodeUTF32(s, errors, 1); break;
    case E_UNICODE_ESCAPE: r = codecs_unicode_escape_encode(s, 0); break;
    default: r = codecs_unicode_escape_encode(s, 1); break;
    }
    return pair(r, AdStr_LENGTH(s));
}

#define ENCODER(name, which, bo) \
    static AdObject *c_##name(AdObject *m, AdObject *const *args, Ad_ssize_t nargs) \
    { (void)m; return encode_common(#name, which, args, nargs, bo); }
ENCODER(utf_8_encode, E_UTF8, 0)
ENCODER(utf_7_encode, E_UTF7, 0)
ENCODER(latin_1_encode, E_LATIN1, 0)
ENCODER(ascii_encode, E_ASCII, 0)
ENCODER(utf_16_encode, E_UTF16, 1)
ENCODER(utf_16_le_encode, E_UTF16LE, 0)
ENCODER(utf_16_be_encode, E_UTF16BE, 0)
ENCODER(utf_32_encode, E_UTF32, 1)
ENCODER(utf_32_le_encode, E_UTF32LE, 0)
ENCODER(utf_32_be_encode, E_UTF32BE, 0)
ENCODER(unicode_escape_encode, E_UNICODE_ESCAPE, 0)
ENCODER(raw_unicode_escape_encode, E_RAW_UNICODE_ESCAPE, 0)

/* ---- decoders taking (data, errors[, final]) ------------------------------- */

enum { D_UTF8, D_UTF7, D_LATIN1, D_ASCII, D_UTF16, D_UTF16LE, D_UTF16BE, D_UTF32, D_UTF32LE, D_UTF32BE,
       D_UNICODE_ESCAPE, D_RAW_UNICODE_ESCAPE };

static AdObject *decode_common(const char *fname, int which, AdObject *const *args, Ad_ssize_t nargs,
                               int with_final, int final_default, int accept_str)
{
    AdObject *a[3] = {NULL, NULL, NULL};
    if (AdArg_CheckPositional(fname, nargs, 1, with_final ? 3 : 2) < 0 ||
        AdArg_Parse(fname, args, nargs, NULL, names_dec, 3, 1, a) < 0)
        return NULL;
    bytes_arg b;
    const char *errors;
    if (arg_bytes(a[0], accept_str, &b) < 0)
        return NULL;
    int final = 1;
    if (arg_errors(fname, 2, a[1], &errors) < 0 || (final = arg_bool(a[2], final_default)) < 0) {
        release_bytes(&b);
        return NULL;
    }
    Ad_ssize_t consumed = b.len;
    int bo;
    AdObject *r;
    switch (which) {
    case D_UTF8: r = AdStr_DecodeUTF8Stateful(b.data, b.len, errors, final, &consumed); break;
    case D_LATIN1: r = AdStr_DecodeLatin1(b.data, b.len, errors); break;
    case D_ASCII: r = AdStr_DecodeASCII(b.data, b.len, errors); break;
    case D_UTF16: bo = 0; r = AdStr_DecodeUTF16Stateful(b.data, b.len, errors, &bo, final, &consumed); break;
    case D_UTF16LE: bo = -1; r = AdStr_DecodeUTF16Stateful(b.data, b.len, errors, &bo, final, &consumed); break;
    case D_UTF16BE: bo = 1; r = AdStr_DecodeUTF16Stateful(b.data, b.len, errors, &bo, final, &consumed); break;
    case D_UTF32: bo = 0; r = AdStr_DecodeUTF32Stateful(b.data, b.len, errors, &bo, final, &consumed); break;
    case D_UTF32LE: bo = -1; r = AdStr_DecodeUTF32Stateful(b.data, b.len, errors, &bo, final, &consumed); break;
    case D_UTF32BE: bo = 1; r = AdStr_DecodeUTF32Stateful(b.data, b.len, errors, &bo, final, &consumed); break;
    case D_UTF7: r = codecs_utf7_decode(b.data, b.len, errors, final); break;
    case D_UNICODE_ESCAPE: r = codecs_unicode_escape_decode(b.data, b.len, errors, final, 0); break;
    default: r = codecs_unicode_escape_decode(b.data, b.len, errors, final, 1); break;
    }
    release_bytes(&b);
    if (which == D_UTF7 || which == D_UNICODE_ESCAPE || which == D_RAW_UNICODE_ESCAPE)
        return r;   /* already (str, consumed) */
    return pair(r, consumed);
}

#define DECODER(name, which, with_final, final_default, accept_str) \
    static AdObject *c_##name(AdObject *m, AdObject *const *args, Ad_ssize_t nargs) \
    { (void)m; return decode_common(#name, which, args, nargs, with_final, final_default, accept_str); }
DECODER(utf_8_decode, D_UTF8, 1, 0, 0)
DECODER(utf_7_decode, D_UTF7, 1, 0, 0)
DECODER(latin_1_decode, D_LATIN1, 0, 1, 0)
DECODER(ascii_decode, D_ASCII, 0, 1, 0)
DECODER(utf_16_decode, D_UTF16, 1, 0, 0)
DECODER(utf_16_le_decode, D_UTF16LE, 1, 0, 0)
DECODER(utf_16_be_decode, D_UTF16BE, 1, 0, 0)
DECODER(utf_32_decode, D_UTF32, 1, 0, 0)
DECODER(utf_32_le_decode, D_UTF32LE, 1, 0, 0)
DECODER(utf_32_be_decode, D_UTF32BE, 1, 0, 0)
DECODER(unicode_escape_decode, D_UNICODE_ESCAPE, 1, 1, 1)
DECODER(raw_unicode_escape_decode, D_RAW_UNICODE_ESCAPE, 1, 1, 1)

/* utf_16_ex_decode / utf_32_ex_decode(data, errors=None, byteorder=0, final=False)
 * -> (str, consumed, byteorder) */
static AdObject *ex_decode(const char *fname, AdObject *const *args, Ad_ssize_t nargs, int utf32)
{
    AdObject *a[4] = {NULL, NULL, NULL, NULL};
    if (AdArg_CheckPositional(fname, nargs, 1, 4) < 0 ||
        AdArg_Parse(fname, args, nargs, NULL, names_exdec, 4, 1, a) < 0)
        return NULL;
    bytes_arg b;
    const char *errors;
    int bo, final = 0;
    if (arg_bytes(a[0], 0, &b) < 0)
        return NULL;
    if (arg_errors(fname, 2, a[1], &errors) < 0 || arg_int(a[2], 0, &bo) < 0 ||
        (final = arg_bool(a[3], 0)) < 0) {
        release_bytes(&b);
        return NULL;
    }
    Ad_ssize_t consumed = b.len;
    AdObject *s = utf32 ? AdStr_DecodeUTF32Stateful(b.data, b.len, errors, &bo, final, &consumed)
                        : AdStr_DecodeUTF16Stateful(b.data, b.len, errors, &bo, final, &consumed);
    release_bytes(&b);
    if (!s)
        return NULL;
    AdObject *t = AdTuple_New(3), *c = AdInt_FromSsize_t(consumed), *o = AdInt_FromSsize_t(bo);
    if (!t || !c || !o) {
        Ad_XDECREF(t);
        Ad_XDECREF(c);
        Ad_XDECREF(o);
        Ad_DECREF(s);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, s);
    AdTuple_SET_ITEM(t, 1, c);
    AdTuple_SET_ITEM(t, 2, o);
    return t;
}

static AdObject *c_utf_16_ex_decode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return ex_decode("utf_16_ex_decode", args, nargs, 0);
}

static AdObject *c_utf_32_ex_decode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return ex_decode("utf_32_ex_decode", args, nargs, 1);
}

/* ---- bytes-to-bytes and charmap ------------------------------------------ */

static AdObject *c_escape_decode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    AdObject *a[2] = {NULL, NULL};
    if (AdArg_CheckPositional("escape_decode", nargs, 1, 2) < 0 ||
        AdArg_Parse("escape_decode", args, nargs, NULL, names_data, 2, 1, a) < 0)
        return NULL;
    bytes_arg b;
    const char *errors;
    if (arg_bytes(a[0], 1, &b) < 0)
        return NULL;
    if (arg_errors("escape_decode", 2, a[1], &errors) < 0) {
        release_bytes(&b);
        return NULL;
    }
    AdObject *r = codecs_escape_decode(b.data, b.len, errors);
    Ad_ssize_t n = b.len;
    release_bytes(&b);
    return pair(r, n);
}

static AdObject *c_escape_encode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    AdObject *a[2] = {NULL, NULL};
    const char *errors;
    if (AdArg_CheckPositional("escape_encode", nargs, 1, 2) < 0 ||
        AdArg_Parse("escape_encode", args, nargs, NULL, names_data, 2, 1, a) < 0)
        return NULL;
    if (!AdBytes_Check(a[0]))
        return AdErr_Format(AdExc_TypeError, "escape_encode() argument 1 must be bytes, not %.200s",
                            AdType_Name(AD_TYPE(a[0])));
    if (arg_errors("escape_encode", 2, a[1], &errors) < 0)
        return NULL;
    return pair(codecs_escape_encode(a[0]), AdBytes_GET_SIZE(a[0]));
}

static AdObject *c_readbuffer_encode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    AdObject *a[2] = {NULL, NULL};
    const char *errors;
    if (AdArg_CheckPositional("readbuffer_encode", nargs, 1, 2) < 0 ||
        AdArg_Parse("readbuffer_encode", args, nargs, NULL, names_data, 2, 1, a) < 0)
        return NULL;
    bytes_arg b;
    if (arg_bytes(a[0], 1, &b) < 0)
        return NULL;
    if (arg_errors("readbuffer_encode", 2, a[1], &errors) < 0) {
        release_bytes(&b);
        return NULL;
    }
    AdObject *r = AdBytes_FromStringAndSize(b.data, b.len);
    Ad_ssize_t n = b.len;
    release_bytes(&b);
    return pair(r, n);
}

static AdObject *c_charmap_decode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    AdObject *a[3] = {NULL, NULL, NULL};
    const char *errors;
    if (AdArg_CheckPositional("charmap_decode", nargs, 1, 3) < 0 ||
        AdArg_Parse("charmap_decode", args, nargs, NULL, names_map, 3, 1, a) < 0)
        return NULL;
    bytes_arg b;
    if (arg_bytes(a[0], 0, &b) < 0)
        return NULL;
    if (arg_errors("charmap_decode", 2, a[1], &errors) < 0) {
        release_bytes(&b);
        return NULL;
    }
    AdObject *r = codecs_charmap_decode(b.data, b.len, errors, a[2] == Ad_None ? NULL : a[2]);
    Ad_ssize_t n = b.len;
    release_bytes(&b);
    return pair(r, n);
}

static AdObject *c_charmap_encode(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    static const char *const names[] = {"str", "errors", "mapping", NULL};
    AdObject *a[3] = {NULL, NULL, NULL};
    const char *errors;
    if (AdArg_CheckPositional("charmap_encode", nargs, 1, 3) < 0 ||
        AdArg_Parse("charmap_encode", args, nargs, NULL, names, 3, 1, a) < 0)
        return NULL;
    if (arg_str("charmap_encode", 1, a[0]) < 0 || arg_errors("charmap_encode", 2, a[1], &errors) < 0)
        return NULL;
    return pair(codecs_charmap_encode(a[0], errors, a[2] == Ad_None ? NULL : a[2]), AdStr_LENGTH(a[0]));
}

static AdObject *c_charmap_build(AdObject *m, AdObject *map)
{
    (void)m;
    if (!AdStr_Check(map))
        return AdErr_Format(AdExc_TypeError, "charmap_build() argument must be str, not %.200s",
                            AdType_Name(AD_TYPE(map)));
    return codecs_charmap_build(map);
}

/* ---- the module ---------------------------------------------------------- */

#define FAST(name, doc) {#name, FN(c_##name), AD_METH_FASTCALL, doc}
static AdMethodDef codecs_methods[] = {
    {"register", FN(c_register), AD_METH_O,
     "register($module, search_function, /)\n--\n\nRegister a codec search function.\n\n"
     "Search functions are expected to take one argument, the encoding name in all lower case letters, "
     "and either return None, or a tuple of functions (encoder, decoder, stream_reader, stream_writer) "
     "(or a CodecInfo object)."},
    {"unregister", FN(c_unregister), AD_METH_O,
     "unregister($module, search_function, /)\n--\n\nUnregister a codec search function and clear the registry's cache.\n\n"
     "If the search function is not registered, do nothing."},
    {"lookup", FN(c_lookup), AD_METH_O,
     "lookup($module, encoding, /)\n--\n\nLooks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {"encode", FN(c_encode), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "encode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\nEncodes obj using the codec registered for encoding.\n\n"
     "The default encoding is 'utf-8'.  errors may be given to set a different error handling scheme."},
    {"decode", FN(c_decode), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "decode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\nDecodes obj using the codec registered for encoding.\n\n"
     "Default encoding is 'utf-8'.  errors may be given to set a different error handling scheme."},
    {"register_error", FN(c_register_error), AD_METH_FASTCALL,
     "register_error($module, errors, handler, /)\n--\n\nRegister the specified error handler under the name errors."},
    {"lookup_error", FN(c_lookup_error), AD_METH_O,
     "lookup_error($module, name, /)\n--\n\nlookup_error(errors) -> handler\n\n"
     "Return the error handler for the specified error handling name or raise a LookupError, if no handler exists under this name."},
    {"_unregister_error", FN(c_unregister_error), AD_METH_O,
     "_unregister_error($module, errors, /)\n--\n\nUn-register the specified error handler for the error handling `errors'."},
    FAST(utf_7_encode, NULL), FAST(utf_7_decode, NULL),
    FAST(utf_8_encode, NULL), FAST(utf_8_decode, NULL),
    FAST(utf_16_encode, NULL), FAST(utf_16_decode, NULL),
    FAST(utf_16_le_encode, NULL), FAST(utf_16_le_decode, NULL),
    FAST(utf_16_be_encode, NULL), FAST(utf_16_be_decode, NULL),
    FAST(utf_16_ex_decode, NULL),
    FAST(utf_32_encode, NULL), FAST(utf_32_decode, NULL),
    FAST(utf_32_le_encode, NULL), FAST(utf_32_le_decode, NULL),
    FAST(utf_32_be_encode, NULL), FAST(utf_32_be_decode, NULL),
    FAST(utf_32_ex_decode, NULL),
    FAST(latin_1_encode, NULL), FAST(latin_1_decode, NULL),
    FAST(ascii_encode, NULL), FAST(ascii_decode, NULL),
    FAST(unicode_escape_encode, NULL), FAST(unicode_escape_decode, NULL),
    FAST(raw_unicode_escape_encode, NULL), FAST(raw_unicode_escape_decode, NULL),
    FAST(escape_encode, NULL), FAST(escape_decode, NULL),
    FAST(charmap_encode, NULL), FAST(charmap_decode, NULL),
    {"charmap_build", FN(c_charmap_build), AD_METH_O, NULL},
    FAST(readbuffer_encode, NULL),
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitCodecs(void)
{
    if (AdType_Ready(&codecs_EncodingMap_Type) < 0)
        return NULL;
    AdObject *m = AdModule_New("_codecs");
    if (!m)
        return NULL;
    if (AdModule_AddFunctions(m, codecs_methods) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
