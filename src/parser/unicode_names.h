/* unicode_names.h -- Unicode tables the tokenizer and string decoder need.
 *
 * Owns: the interface to the tables generated at build time by
 * src/parser/unicode_names_gen.sh into build/gen/parser/unicode_tables.c
 * (XID_Start, XID_Continue, printable, character names and aliases), and
 * the lookups over them (src/parser/unicode_names.c).
 * UCD version: 15.0.0 (Debian 12's unicode-data); CPython 3.14 has 16.0.0.
 * Private to the parser room.
 */
#ifndef ADDER_PARSER_UNICODE_NAMES_H
#define ADDER_PARSER_UNICODE_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* Generated tables (sorted, non-overlapping inclusive ranges). */
extern const uint32_t parser_ucd_xid_start[][2];
extern const size_t parser_ucd_xid_start_count;
extern const uint32_t parser_ucd_xid_continue[][2];
extern const size_t parser_ucd_xid_continue_count;
extern const uint32_t parser_ucd_printable[][2];
extern const size_t parser_ucd_printable_count;
extern const uint32_t parser_ucd_cjk[][2];
extern const size_t parser_ucd_cjk_count;
extern const char parser_ucd_words[];
extern const uint32_t parser_ucd_word_offsets[];
extern const size_t parser_ucd_word_count;
extern const uint16_t parser_ucd_name_seqs[];
extern const uint32_t parser_ucd_name_offsets[];
extern const uint32_t parser_ucd_name_cps[];
extern const size_t parser_ucd_name_count;

/* Properties of code point CP (0 or 1). */
int parser_ucd_is_xid_start(uint32_t cp);
int parser_ucd_is_xid_continue(uint32_t cp);
/* str.isprintable() of the one-character string CP. */
int parser_ucd_is_printable(uint32_t cp);

/* Look up the character named NAME[0..LEN) (case-insensitive, as \N{...}
 * does: names, aliases, "CJK UNIFIED IDEOGRAPH-XXXX", "HANGUL SYLLABLE ...";
 * not named sequences).  Returns 1 and sets *CP when found, else 0. */
int parser_ucd_lookup(const char *name, size_t len, uint32_t *cp);

#endif /* ADDER_PARSER_UNICODE_NAMES_H */
