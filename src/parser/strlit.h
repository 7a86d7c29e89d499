/* strlit.h -- decoding of string and bytes literals (escapes, raw, \N{}).
 *
 * Owns: turning the text of a STRING token, or of an f-/t-string MIDDLE
 * piece, into its value, with CPython 3.14's error messages and the
 * invalid-escape SyntaxWarning returned to the caller (not printed).
 * Implementation: src/parser/strlit.c.
 */
#ifndef ADDER_PARSER_STRLIT_H
#define ADDER_PARSER_STRLIT_H

#include <stddef.h>

typedef struct AdStrlit {
    /* The value: for str, UTF-8 in the "surrogatepass" form (a lone
     * surrogate such as "\ud800" is encoded as its 3-byte sequence); for
     * bytes, the raw bytes.  malloc'ed, NUL-terminated (the NUL is not
     * counted in len); owned by the caller (AdStrlit_Clear frees it). */
    char *data;
    size_t len;
    int is_bytes;
    /* The first invalid escape sequence, for the SyntaxWarning CPython
     * emits, e.g. "\"\\d\" is an invalid escape sequence. Such sequences
     * will not work in the future. Did you mean \"\\\\d\"? A raw string is
     * also an option." -- warn_offset is the byte offset of its backslash
     * in the text given (the token text for DecodeToken, the body for
     * DecodeBody); -1 and NULL when there is none. */
    long warn_offset;
    char *warn_msg;
    /* When decoding fails (return -1): the SyntaxError message, e.g.
     * "(unicode error) 'unicodeescape' codec can't decode bytes in
     * position 0-1: truncated \\xXX escape" or "bytes can only contain
     * ASCII literal characters".  CPython reports these at the token. */
    char *error;
} AdStrlit;

/* Decode a whole STRING token TEXT[0..LEN) (prefix, quotes and body, as
 * the tokenizer gives it; prefixes b, r, u in any case and order; not
 * f/t).  Returns 0 on success, -1 on a literal error (out->error set),
 * -2 when out of memory.  OUT is always initialized; AdStrlit_Clear it. */
int AdStrlit_DecodeToken(const char *text, size_t len, AdStrlit *out);

/* Decode a body without prefix or quotes: an f-/t-string MIDDLE piece
 * (IS_BYTES 0) or the inside of a literal.  IS_RAW keeps backslashes.
 * Same results as AdStrlit_DecodeToken. */
int AdStrlit_DecodeBody(const char *body, size_t len, int is_bytes, int is_raw,
                        AdStrlit *out);

/* Free what OUT owns and reset it.  NULL-safe. */
void AdStrlit_Clear(AdStrlit *out);

#endif /* ADDER_PARSER_STRLIT_H */
