/* codecs_internal.h: what the codecs_*.c files share (private to them). */
#ifndef ADDER_MODULES_CODECS_INTERNAL_H
#define ADDER_MODULES_CODECS_INTERNAL_H

#include "objects/object.h"

/* codecs_errors.c: puts the eight built-in handlers into the registry dict. */
int codecs_add_builtin_handlers(AdObject *registry);
/* 1 when name is one of the built-in handlers' names. */
int codecs_is_builtin_handler(const char *name);

/* codecs_registry.c: lookup of a str name (new ref or NULL). */
AdObject *codecs_lookup_object(AdObject *name);

/* codecs_escape.c / codecs_charmap.c / codecs_utf7.c: the codecs the str
 * room does not carry. Decoders return (str, consumed) tuples, encoders
 * (bytes, consumed). New refs or NULL. */
AdObject *codecs_unicode_escape_decode(const char *s, Ad_ssize_t n, const char *errors, int final,
                                       int raw);
AdObject *codecs_unicode_escape_encode(AdObject *str, int raw);
AdObject *codecs_escape_decode(const char *s, Ad_ssize_t n, const char *errors);
AdObject *codecs_escape_encode(AdObject *bytes);
AdObject *codecs_utf7_decode(const char *s, Ad_ssize_t n, const char *errors, int final);
AdObject *codecs_utf7_encode(AdObject *str, const char *errors);
AdObject *codecs_charmap_decode(const char *s, Ad_ssize_t n, const char *errors, AdObject *mapping);
AdObject *codecs_charmap_encode(AdObject *str, const char *errors, AdObject *mapping);
AdObject *codecs_charmap_build(AdObject *map);
extern AdTypeObject codecs_EncodingMap_Type;

/* A decoding error at [start, end) of s: the handler named errors writes
 * its replacement into *w and *pos becomes where decoding goes on.
 * *handler caches the looked-up handler (owned by the caller; may stay
 * NULL for the handlers dealt with inline). 0 or -1. */
/* Raises UnicodeDecodeError(encoding, s[:n], start, end, reason). */
void codecs_raise_decode_error(const char *encoding, const char *s, Ad_ssize_t n,
                               Ad_ssize_t start, Ad_ssize_t end, const char *reason);
int codecs_decode_error(const char *encoding, const char *errors, AdObject **handler,
                        const char *s, Ad_ssize_t n, Ad_ssize_t start, Ad_ssize_t end,
                        const char *reason, void *writer, Ad_ssize_t *pos);

#endif
