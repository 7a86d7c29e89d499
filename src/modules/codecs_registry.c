/* codecs_registry.c: the codec registry behind codecs.register/lookup and
 * register_error/lookup_error (codecs.h): the search functions, the lookup
 * cache, the error-handler table (filled with the built-in handlers of
 * codecs_errors.c), the generic encode/decode and the hooks that send the
 * str/bytes methods here for encodings the str room does not carry. The
 * state is process-wide (one main interpreter for now). */
#include "modules/codecs.h"
#include "modules/codecs_internal.h"

#include <stdlib.h>
#include <string.h>
#include "import/import.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/lifecycle.h"

static AdObject *search_path;      /* list of search functions */
static AdObject *search_cache;     /* normalized name -> CodecInfo */
static AdObject *error_registry;   /* name -> handler */
static int encodings_state;        /* 0 not tried, 1 importing or done */

/* callable(o), counting vectorcall-only objects (builtin functions). */
static int is_callable(AdObject *o)
{
    AdTypeObject *t = AD_TYPE(o);
    return t->tp_call != NULL ||
           (AdType_HasFeature(t, AD_TPFLAGS_HAVE_VECTORCALL) && t->tp_vectorcall_offset > 0);
}

static int registry_ready(void)
{
    if (error_registry)
        return 0;
    search_path = AdList_New(0);
    search_cache = AdDict_New();
    error_registry = AdDict_New();
    if (!search_path || !search_cache || !error_registry || codecs_add_builtin_handlers(error_registry) < 0) {
        AD_CLEAR(search_path);
        AD_CLEAR(search_cache);
        AD_CLEAR(error_registry);
        return -1;
    }
    return 0;
}

/* Imports the stdlib's encodings package once (it registers its search
 * function). An import system that cannot find it yet is not an error:
 * lookups then answer "unknown encoding". */
static int ensure_encodings(void)
{
    if (registry_ready() < 0)
        return -1;
    if (encodings_state)
        return 0;
    encodings_state = 1;
    AdObject *m = AdImport_ImportModule("encodings");
    if (m) {
        Ad_DECREF(m);
        return 0;
    }
    if (AdErr_ExceptionMatches(AdExc_ImportError)) {
        AdErr_Clear();
        return 0;
    }
    return -1;
}

AdObject *AdCodec_NormalizeName(AdObject *name)
{
    Ad_ssize_t n = AdStr_LENGTH(name);
    char *buf = n < 256 ? NULL : malloc((size_t)n + 1), small[256];
    char *out = buf ? buf : small;
    if (n >= 256 && !buf)
        return AdErr_NoMemory();
    Ad_ssize_t k = 0;
    int sep = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ_CHAR(name, i);
        if (c == 0) {
            free(buf);
            AdErr_SetString(AdExc_ValueError, "embedded null character");
            return NULL;
        }
        int keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
        if (!keep) {
            sep = 1;
            continue;
        }
        if (sep && k > 0)
            out[k++] = '_';
        sep = 0;
        out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    AdObject *r = AdStr_FromStringAndSize(out, k);
    free(buf);
    return r;
}

static AdObject *lookup_object(AdObject *name)
{
    if (ensure_encodings() < 0)
        return NULL;
    AdObject *key = AdCodec_NormalizeName(name);
    if (!key)
        return NULL;
    AdObject *hit = AdDict_GetItemWithError(search_cache, key);
    if (hit) {
        Ad_DECREF(key);
        return Ad_NewRef(hit);
    }
    if (AdErr_Occurred())
        goto fail;
    /* a search function may (un)register others: walk a snapshot */
    AdObject *funcs = AdList_GetSlice(search_path, 0, AD_SIZE(search_path));
    if (!funcs)
        goto fail;
    for (Ad_ssize_t i = 0; i < AD_SIZE(funcs); i++) {
        AdObject *res = AdObject_CallOneArg(AdList_GetItem(funcs, i), key);
        if (!res) {
            Ad_DECREF(funcs);
            goto fail;
        }
        if (res == Ad_None) {
            Ad_DECREF(res);
            continue;
        }
        if (!AdTuple_Check(res) || AdTuple_GET_SIZE(res) != 4) {
            Ad_DECREF(res);
            Ad_DECREF(funcs);
            AdErr_SetString(AdExc_TypeError, "codec search functions must return 4-tuples");
            goto fail;
        }
        Ad_DECREF(funcs);
        if (AdDict_SetItem(search_cache, key, res) < 0) {
            Ad_DECREF(res);
            goto fail;
        }
        Ad_DECREF(key);
        return res;
    }
    Ad_DECREF(funcs);
    Ad_DECREF(key);
    return AdErr_Format(AdExc_LookupError, "unknown encoding: %U", name);
fail:
    Ad_DECREF(key);
    return NULL;
}

AdObject *codecs_lookup_object(AdObject *name)
{
    return lookup_object(name);
}

AdObject *AdCodec_Lookup(const char *encoding)
{
    AdObject *name = AdStr_FromString(encoding);
    if (!name)
        return NULL;
    AdObject *r = lookup_object(name);
    Ad_DECREF(name);
    return r;
}

int AdCodec_Register(AdObject *search_function)
{
    if (ensure_encodings() < 0)
        return -1;
    if (!is_callable(search_function)) {
        AdErr_SetString(AdExc_TypeError, "argument must be callable");
        return -1;
    }
    return AdList_Append(search_path, search_function);
}

int AdCodec_Unregister(AdObject *search_function)
{
    if (registry_ready() < 0)
        return -1;
    for (Ad_ssize_t i = 0; i < AD_SIZE(search_path); i++)
        if (AdList_GetItem(search_path, i) == search_function) {
            AdDict_Clear(search_cache);
            return AdList_SetSlice(search_path, i, i + 1, NULL);
        }
    return 0;
}

/* ---- error handlers ------------------------------------------------------ */

AdObject *AdCodec_LookupError(const char *name)
{
    if (registry_ready() < 0)
        return NULL;
    if (!name)
        name = "strict";
    AdObject *h = AdDict_GetItemString(error_registry, name);
    if (!h)
        return AdErr_Format(AdExc_LookupError, "unknown error handler name '%.400s'", name);
    return Ad_NewRef(h);
}

int AdCodec_RegisterError(const char *name, AdObject *handler)
{
    if (registry_ready() < 0)
        return -1;
    if (!is_callable(handler)) {
        AdErr_SetString(AdExc_TypeError, "handler must be callable");
        return -1;
    }
    return AdDict_SetItemString(error_registry, name, handler);
}

int AdCodec_UnregisterError(const char *name)
{
    if (registry_ready() < 0)
        return -1;
    if (codecs_is_builtin_handler(name)) {
        AdErr_Format(AdExc_ValueError, "cannot un-register built-in error handler '%.400s'", name);
        return -1;
    }
    if (!AdDict_GetItemString(error_registry, name))
        return 0;
    return AdDict_DelItemString(error_registry, name) < 0 ? -1 : 1;
}

/* ---- encoding and decoding through the registry --------------------------- */

/* Adds "encoding with 'x' codec failed" to the exception being raised. */
static void add_codec_note(const char *operation, const char *encoding)
{
    AdObject *exc = AdErr_GetRaisedException();
    if (!exc)
        return;
    AdObject *note = AdStr_FromFormat("%s with '%s' codec failed", operation, encoding);
    AdObject *meth = note ? AdStr_FromString("add_note") : NULL;
    if (meth) {
        AdObject *r = AdObject_CallMethod(exc, meth, &note, 1);
        if (r)
            Ad_DECREF(r);
        else
            AdErr_Clear();
    }
    Ad_XDECREF(meth);
    Ad_XDECREF(note);
    AdErr_SetRaisedException(exc);
}

/* Calls codecinfo[index](obj[, errors]) and checks the (object, length)
 * shape of the result; returns the object (new ref). */
static AdObject *call_codec(AdObject *info, int index, AdObject *obj, const char *encoding,
                            const char *errors)
{
    AdObject *func = AdTuple_GET_ITEM(info, index);
    AdObject *args[2] = {obj, NULL};
    Ad_ssize_t nargs = 1;
    if (errors) {
        args[1] = AdStr_FromString(errors);
        if (!args[1])
            return NULL;
        nargs = 2;
    }
    AdObject *res = AdObject_Vectorcall(func, args, (size_t)nargs, NULL);
    Ad_XDECREF(args[1]);
    if (!res) {
        add_codec_note(index == 0 ? "encoding" : "decoding", encoding);
        return NULL;
    }
    if (!AdTuple_Check(res) || AdTuple_GET_SIZE(res) != 2) {
        Ad_DECREF(res);
        AdErr_SetString(AdExc_TypeError, index == 0 ? "encoder must return a tuple (object, integer)"
                                                    : "decoder must return a tuple (object,integer)");
        return NULL;
    }
    AdObject *r = Ad_NewRef(AdTuple_GET_ITEM(res, 0));
    Ad_DECREF(res);
    return r;
}

/* The codecs the str room carries give what their encodings modules
 * would; they answer without a lookup (and without `encodings`). */
static AdObject *builtin_codec(AdObject *obj, const char *encoding, const char *errors, int index,
                               int *handled)
{
    *handled = 0;
    if (!AdStr_BuiltinCodecName(encoding))
        return NULL;
    AdObject *r;
    if (index == 0) {
        if (!AdStr_Check(obj))
            return NULL;
        *handled = 1;
        r = AdStr_AsEncodedString(obj, encoding, errors);
    } else {
        if (AdStr_Check(obj) || !AD_TYPE(obj)->tp_as_buffer)
            return NULL;
        AdBuffer view;
        if (AdObject_GetBuffer(obj, &view, AD_BUF_SIMPLE) < 0) {
            AdErr_Clear();
            return NULL;
        }
        *handled = 1;
        r = AdStr_Decode(view.buf, view.len, encoding, errors);
        AdBuffer_Release(&view);
    }
    if (!r)
        add_codec_note(index == 0 ? "encoding" : "decoding", encoding);
    return r;
}

static AdObject *generic(AdObject *obj, const char *encoding, const char *errors, int index)
{
    int handled;
    AdObject *fast = builtin_codec(obj, encoding, errors, index, &handled);
    if (handled)
        return fast;
    AdObject *info = AdCodec_Lookup(encoding);
    if (!info)
        return NULL;
    AdObject *r = call_codec(info, index, obj, encoding, errors);
    Ad_DECREF(info);
    return r;
}

AdObject *AdCodec_Encode(AdObject *obj, const char *encoding, const char *errors)
{
    return generic(obj, encoding, errors, 0);
}

AdObject *AdCodec_Decode(AdObject *obj, const char *encoding, const char *errors)
{
    return generic(obj, encoding, errors, 1);
}

/* The CodecInfo of a text encoding (its _is_text_encoding is not false). */
static AdObject *lookup_text(const char *encoding, const char *alternative)
{
    AdObject *info = AdCodec_Lookup(encoding);
    if (!info)
        return NULL;
    AdObject *flag = AdObject_GetAttrString(info, "_is_text_encoding");
    if (!flag) {
        if (!AdErr_ExceptionMatches(AdExc_AttributeError)) {
            Ad_DECREF(info);
            return NULL;
        }
        AdErr_Clear();
        return info;
    }
    int t = AdObject_IsTrue(flag);
    Ad_DECREF(flag);
    if (t <= 0) {
        Ad_DECREF(info);
        if (t == 0)
            AdErr_Format(AdExc_LookupError, "'%.400s' is not a text encoding; use %s to handle arbitrary codecs",
                         encoding, alternative);
        return NULL;
    }
    return info;
}

AdObject *AdCodec_LookupText(const char *encoding, const char *alternative)
{
    return lookup_text(encoding, alternative ? alternative : "codecs.encode()");
}

AdObject *AdCodec_EncodeText(AdObject *str, const char *encoding, const char *errors)
{
    AdObject *info = lookup_text(encoding, "codecs.encode()");
    if (!info)
        return NULL;
    AdObject *r = call_codec(info, 0, str, encoding, errors);
    Ad_DECREF(info);
    if (!r || AdBytes_Check(r))
        return r;
    if (AdByteArray_Check(r)) {
        if (AdErr_WarnFormat(AdExc_RuntimeWarning, 1, "encoder %s returned bytearray instead of bytes; "
                             "use codecs.encode() to encode to arbitrary types", encoding) < 0) {
            Ad_DECREF(r);
            return NULL;
        }
        AdObject *b = AdBytes_FromStringAndSize(AdByteArray_AS_STRING(r), AD_SIZE(r));
        Ad_DECREF(r);
        return b;
    }
    AdErr_Format(AdExc_TypeError, "'%.400s' encoder returned '%.400s' instead of 'bytes'; "
                 "use codecs.encode() to encode to arbitrary types", encoding, AD_TYPE(r)->tp_name);
    Ad_DECREF(r);
    return NULL;
}

AdObject *AdCodec_DecodeText(AdObject *bytes, const char *encoding, const char *errors)
{
    AdObject *info = lookup_text(encoding, "codecs.decode()");
    if (!info)
        return NULL;
    AdObject *r = call_codec(info, 1, bytes, encoding, errors);
    Ad_DECREF(info);
    if (!r || AdStr_Check(r))
        return r;
    AdErr_Format(AdExc_TypeError, "'%.400s' decoder returned '%.400s' instead of 'str'; "
                 "use codecs.decode() to decode to arbitrary types", encoding, AD_TYPE(r)->tp_name);
    Ad_DECREF(r);
    return NULL;
}

static AdObject *incremental(const char *encoding, const char *errors, const char *attr, const char *alt)
{
    AdObject *info = lookup_text(encoding, alt);
    if (!info)
        return NULL;
    AdObject *factory = AdObject_GetAttrString(info, attr);
    Ad_DECREF(info);
    if (!factory)
        return NULL;
    AdObject *r;
    if (errors) {
        AdObject *e = AdStr_FromString(errors);
        r = e ? AdObject_CallOneArg(factory, e) : NULL;
        Ad_XDECREF(e);
    } else
        r = AdObject_CallNoArgs(factory);
    Ad_DECREF(factory);
    return r;
}

AdObject *AdCodec_IncrementalEncoder(const char *encoding, const char *errors)
{
    return incremental(encoding, errors, "incrementalencoder", "codecs.encode()");
}

AdObject *AdCodec_IncrementalDecoder(const char *encoding, const char *errors)
{
    return incremental(encoding, errors, "incrementaldecoder", "codecs.decode()");
}

/* ---- hooks for the str room ---------------------------------------------- */

static AdObject *encode_hook(AdObject *s, const char *encoding, const char *errors)
{
    return AdCodec_EncodeText(s, encoding, errors);
}

static AdObject *decode_hook(const char *data, Ad_ssize_t len, const char *encoding, const char *errors)
{
    AdObject *b = AdBytes_FromStringAndSize(data, len);
    if (!b)
        return NULL;
    AdObject *r = AdCodec_DecodeText(b, encoding, errors);
    Ad_DECREF(b);
    return r;
}

static AdObject *lookup_error_hook(const char *name)
{
    return AdCodec_LookupError(name);
}

/* Module teardown drops the search functions, the cache and the handlers
 * (they may hold user objects). */
static int registry_fini(AdInterp *interp)
{
    (void)interp;
    AD_CLEAR(search_path);
    AD_CLEAR(search_cache);
    AD_CLEAR(error_registry);
    return 0;
}

int AdCodec_Init(void)
{
    static int hook_registered;
    if (!hook_registered) {
        hook_registered = 1;
        Ad_RegisterFiniHook(AD_FINI_MODULES, registry_fini);
    }
    encodings_state = 0;
    AdStr_EncodeHook = encode_hook;
    AdStr_DecodeHook = decode_hook;
    AdStr_LookupErrorHook = lookup_error_hook;
    return 0;
}
