/* str_internal.h: what the str_*.c files share and nobody else uses: the
 * allocation helpers, the argument parser of the methods, the search
 * kernels and the thin adaptation layer (str_kernel.c) over kernel APIs
 * whose names were not settled when str was written (int, bool, slices,
 * hashing). Private to src/objects/str*.c. */
#ifndef ADDER_OBJECTS_STR_INTERNAL_H
#define ADDER_OBJECTS_STR_INTERNAL_H

#include <stdint.h>
#include <string.h>
#include "objects/object.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"

/* The str files are compiled only once the kernel headers they need exist
 * (objects/int.h gives integers and booleans); until then every str*.c is
 * an empty unit so that the tree keeps building. */
#if defined(__has_include)
#if __has_include("objects/int.h")
#define STR_KERNEL_READY 1
#endif
#endif
#ifndef STR_KERNEL_READY
#define STR_KERNEL_READY 0
#endif

#define STR_MAX_UNICODE 0x10FFFFu

/* ---- adaptation layer (str_kernel.c) ------------------------------------- */

AdObject *str_int_from_ssize(Ad_ssize_t v);          /* new int */
AdObject *str_bool(int b);                           /* True/False (immortal) */
int str_is_int(AdObject *o);                         /* int or subclass (bool too) */
int str_is_float(AdObject *o);
int str_has_index(AdObject *o);                      /* has __index__ (nb_index) */
/* operator.index(o) as a C integer. overflow_exc NULL: clamp to the
 * ssize_t range; else raise it ("cannot fit 'int' into an index-sized
 * integer"). Not an integer: TypeError "'T' object cannot be interpreted
 * as an integer". -1 with an exception on failure. */
Ad_ssize_t str_as_ssize(AdObject *o, AdObject *overflow_exc);
/* A long/ssize from an int object that must fit (OverflowError "Python int
 * too large to convert to C ssize_t"). */
Ad_ssize_t str_index_arg(AdObject *o);
int str_is_slice(AdObject *o);
/* Adjusted start/step/length of slice for a sequence of length len. */
int str_slice_indices(AdObject *slice, Ad_ssize_t len, Ad_ssize_t *start,
                      Ad_ssize_t *step, Ad_ssize_t *slicelen);
/* The str hash of raw bytes (SipHash-1-3 keyed as CPython once numeric/hash.h
 * is there). */
Ad_hash_t str_hash_bytes(const void *p, size_t n);
/* Text of an integer object in base 10, 16 or 8 (no prefix; a leading '-'
 * for negatives), as a new str; for %d/%x/%o. */
AdObject *str_int_to_text(AdObject *intobj, int base);
/* int(o) / float(o) conversions used by printf-style formatting. */
AdObject *str_number_int(AdObject *o);              /* new int or NULL */
int str_number_double(AdObject *o, double *out);     /* 0 or -1 */
/* The tuple of bytes / object checks the codecs need. */
int str_is_bytes_like(AdObject *o);
/* o[key] through the mapping/sequence slots (no abstract.h yet). */
AdObject *str_getitem(AdObject *o, AdObject *key);
/* Raises an exception of type built from args (steals args). */
void str_raise_with_args(AdObject *type, AdObject *args);

/* ---- core helpers (str.c) ------------------------------------------------ */

AdObject *str_empty(void);                           /* new ref to '' */
/* Maximum code point of n characters of kind at data. */
uint32_t str_max_char(int kind, const void *data, Ad_ssize_t n);
static inline void str_write(int kind, void *data, Ad_ssize_t i, uint32_t ch)
{
    if (kind == 1) ((uint8_t *)data)[i] = (uint8_t)ch;
    else if (kind == 2) ((uint16_t *)data)[i] = (uint16_t)ch;
    else ((uint32_t *)data)[i] = ch;
}
static inline uint32_t str_kind_max(int kind)
{
    return kind == 1 ? 0xFF : kind == 2 ? 0xFFFF : STR_MAX_UNICODE;
}
/* Copies n code points from (skind, src) at sstart into (dkind, dst) at dstart. */
void str_copy(int dkind, void *dst, Ad_ssize_t dstart,
              int skind, const void *src, Ad_ssize_t sstart, Ad_ssize_t n);
/* The max char of s (exact: scans ascii/latin-1 flags, then the data). */
uint32_t str_maxchar_of(AdObject *s);
/* Returns s itself (new ref) when exact str, else an exact copy. */
AdObject *str_exact(AdObject *s);
/* A copy of s shrunk to the narrowest kind when a substring was built wide. */
AdObject *str_resize_kind(AdObject *s);
/* Makes a str from n UCS4 code points and their maximum (known). */
AdObject *str_from_ucs4_max(const uint32_t *cps, Ad_ssize_t n, uint32_t maxchar);
/* Type name of an object for error messages. */
static inline const char *str_tname(AdObject *o) { return AD_TYPE(o)->tp_name; }
/* Raises TypeError "<what> must be str, not T"-style messages. */
AdObject *str_type_error(const char *fmt, AdObject *o);
/* Writers: repeat a char; write a range of another string. */
int str_writer_fill(AdStrWriter *w, uint32_t ch, Ad_ssize_t n);
int str_writer_substr(AdStrWriter *w, AdObject *s, Ad_ssize_t start, Ad_ssize_t end);
int str_writer_reserve(AdStrWriter *w, Ad_ssize_t extra);
/* The repr of s appended to w. */
int str_repr_into(AdStrWriter *w, AdObject *s);

/* ---- character properties (str_ctype.c) --------------------------------- */

int str_isspace(uint32_t ch);
int str_isalpha(uint32_t ch);
int str_isdecimal(uint32_t ch);
int str_isdigit(uint32_t ch);
int str_isnumeric(uint32_t ch);
int str_islower(uint32_t ch);
int str_isupper(uint32_t ch);
int str_istitle(uint32_t ch);
int str_iscased(uint32_t ch);
int str_iscaseignorable(uint32_t ch);
int str_isprintable(uint32_t ch);
int str_islinebreak(uint32_t ch);
int str_isxidstart(uint32_t ch);
int str_isxidcontinue(uint32_t ch);
int str_decimal_value(uint32_t ch);                  /* -1 if none */
/* Full case mappings: write up to 3 code points into out, return the count. */
int str_to_lower_full(uint32_t ch, uint32_t *out);
int str_to_upper_full(uint32_t ch, uint32_t *out);
int str_to_title_full(uint32_t ch, uint32_t *out);
int str_to_fold_full(uint32_t ch, uint32_t *out);
uint32_t str_to_lower_simple(uint32_t ch);

/* ---- search (str_find.c) ------------------------------------------------- */

/* Index of needle (nkind, n, nlen) in haystack (hkind, h) within [start,
 * end), first (dir > 0) or last (dir < 0) occurrence, or -1. */
Ad_ssize_t str_search(int hkind, const void *h, Ad_ssize_t start, Ad_ssize_t end,
                      int nkind, const void *n, Ad_ssize_t nlen, int dir);
/* Non-overlapping occurrences in [start, end), at most maxcount. */
Ad_ssize_t str_count_in(int hkind, const void *h, Ad_ssize_t start, Ad_ssize_t end,
                        int nkind, const void *n, Ad_ssize_t nlen, Ad_ssize_t maxcount);
/* Clamps start/end like slice indices for a string of length len. */
void str_adjust_range(Ad_ssize_t len, Ad_ssize_t *start, Ad_ssize_t *end);
/* Python-level find over str objects (s[start:end]): -1 if absent. */
Ad_ssize_t str_find_obj(AdObject *s, AdObject *sub, Ad_ssize_t start, Ad_ssize_t end, int dir);
Ad_ssize_t str_count_obj(AdObject *s, AdObject *sub, Ad_ssize_t start, Ad_ssize_t end);

/* ---- argument parsing (str_args.c) --------------------------------------- */

/* The general parser (objects/args.h) under the names str's files use. */
#include "objects/args.h"
#define str_parse_args AdArg_Parse
#define str_check_positional AdArg_CheckPositional
#define str_no_kwargs AdArg_NoKeywords
/* The start/end slice arguments of find/count/startswith (None allowed). */
int str_slice_arg(AdObject *o, Ad_ssize_t *out);

/* ---- formatting (str_format.c, str_printf.c) ----------------------------- */

AdObject *str_format_method(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                            AdObject *kwnames);
AdObject *str_format_map_method(AdObject *self, AdObject *mapping);
AdObject *str_dunder_format(AdObject *self, AdObject *spec);
AdObject *str_printf(AdObject *format, AdObject *args);

/* ---- codecs (str_codecs.c) ----------------------------------------------- */

/* Normalised codec name of one of the built-in codecs, or NULL. */
const char *str_codec_builtin(const char *encoding);
/* str.encode / bytes.decode for the built-in codecs (and LookupError
 * "unknown encoding: X" otherwise). */
AdObject *str_encode(AdObject *s, const char *encoding, const char *errors);
AdObject *str_decode(const char *data, Ad_ssize_t len, const char *encoding, const char *errors);
/* UTF-8 decoding with an error handler; allow_surrogates accepts encoded
 * surrogates (the generalized UTF-8 AdStr_FromStringAndSize takes). */
AdObject *str_decode_utf8(const char *data, Ad_ssize_t len, const char *errors, int allow_surrogates);
/* UTF-8 encoding of s into a malloc'd (AdMem) NUL-terminated buffer. */
char *str_encode_utf8_raw(AdObject *s, const char *errors, Ad_ssize_t *outlen);
/* Raise UnicodeDecodeError(encoding, data, start, end, reason) / UnicodeEncodeError(encoding, s, start, end, reason). */
void str_raise_decode_error(const char *encoding, const char *data, Ad_ssize_t len,
                            Ad_ssize_t start, Ad_ssize_t end, const char *reason);
void str_raise_encode_error(const char *encoding, AdObject *s,
                            Ad_ssize_t start, Ad_ssize_t end, const char *reason);

#endif
