/* codecs.h: the codec registry's C API (codecs_registry.c), for _codecs,
 * the str/bytes methods (through the hooks in objects/str.h) and _io's
 * TextIOWrapper. The registry holds the search functions
 * (codecs.register), a cache of their CodecInfo results keyed by the
 * normalized name, and the error handlers (codecs.register_error, with
 * the eight built-in ones). The stdlib's `encodings` package is imported
 * the first time the registry is used (CPython does it at start-up). */
#ifndef ADDER_MODULES_CODECS_H
#define ADDER_MODULES_CODECS_H

#include "objects/object.h"

/* Installs the str/bytes hooks (encoding names other than the built-in
 * codecs go to the registry; error handler names other than the built-in
 * ones too). Called once at main initialization; 0. */
int AdCodec_Init(void);

/* codecs.lookup(encoding): the CodecInfo (a 4-tuple or more) of a
 * registered search function, cached; LookupError "unknown encoding: x".
 * New ref or NULL. */
AdObject *AdCodec_Lookup(const char *encoding);
/* codecs.encode(obj, encoding, errors) / codecs.decode(...): any codec,
 * any result type. errors NULL means the codec's default ("strict"). An
 * exception the codec raises gets the note "encoding with 'x' codec
 * failed". New ref or NULL. */
AdObject *AdCodec_Encode(AdObject *obj, const char *encoding, const char *errors);
AdObject *AdCodec_Decode(AdObject *obj, const char *encoding, const char *errors);
/* str.encode / bytes.decode for encodings the str room does not carry:
 * only text encodings (LookupError "'x' is not a text encoding; use
 * codecs.encode() to handle arbitrary codecs"), and the result must be
 * bytes / str. New ref or NULL. */
AdObject *AdCodec_EncodeText(AdObject *str, const char *encoding, const char *errors);
AdObject *AdCodec_DecodeText(AdObject *bytes, const char *encoding, const char *errors);
/* The CodecInfo of a text encoding: LookupError "'x' is not a text
 * encoding; use ALTERNATIVE to handle arbitrary codecs" otherwise (_io
 * passes "codecs.open()"; NULL means "codecs.encode()"). New ref or NULL. */
AdObject *AdCodec_LookupText(const char *encoding, const char *alternative);
/* The incremental encoder/decoder of a text encoding:
 * CodecInfo.incrementalencoder(errors) (new ref or NULL). */
AdObject *AdCodec_IncrementalEncoder(const char *encoding, const char *errors);
AdObject *AdCodec_IncrementalDecoder(const char *encoding, const char *errors);
/* codecs.lookup_error(name): the handler (new ref) or LookupError
 * "unknown error handler name 'x'". */
AdObject *AdCodec_LookupError(const char *name);
/* codecs.register_error(name, handler): 0 or -1 (TypeError "handler must
 * be callable"). */
int AdCodec_RegisterError(const char *name, AdObject *handler);
/* codecs.register(search_function): 0 or -1 ("argument must be callable"). */
int AdCodec_Register(AdObject *search_function);
/* codecs.unregister(search_function): 0 or -1 (absent is not an error). */
int AdCodec_Unregister(AdObject *search_function);
/* codecs._unregister_error(name): 1 removed, 0 absent, -1 (ValueError
 * "cannot un-register built-in error handler 'strict'"). */
int AdCodec_UnregisterError(const char *name);
/* The normalized form of an encoding name as lookup caches it (ASCII
 * letters and digits lowered, '.' kept, runs of anything else become one
 * '_' between words). New str or NULL (ValueError "embedded null character"). */
AdObject *AdCodec_NormalizeName(AdObject *name);

#endif
