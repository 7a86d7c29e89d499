/* codec_names.h -- Python's codec names, for PEP 263 source decoding.
 *
 * Owns nothing: declares the tables that src/parser/codec_names_gen.sh
 * generates at build time from the standard library's encodings package
 * (build/gen/parser/codec_names.c), read by tokenizer_codecs.c only.
 */
#ifndef ADDER_PARSER_CODEC_NAMES_H
#define ADDER_PARSER_CODEC_NAMES_H

#include <stddef.h>

typedef struct {
    const char *alias;  /* normalized as encodings.normalize_encoding does */
    const char *codec;  /* the module of encodings/ that implements it */
} ParserCodecAlias;

/* Sorted by alias (strcmp order). */
extern const ParserCodecAlias parser_codec_aliases[];
extern const size_t parser_codec_naliases;
/* The codec modules of encodings/, sorted (strcmp order). */
extern const char *const parser_codec_modules[];
extern const size_t parser_codec_nmodules;

#endif /* ADDER_PARSER_CODEC_NAMES_H */
