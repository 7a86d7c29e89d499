/* str.h: str, the immutable Unicode string, in the compact representation
 * DESIGN.md asks for: one, two or four bytes per code point (the smallest
 * that holds the widest character), stored inline after the header, with
 * the length in code points (O(1) indexing), a cached hash and a cached
 * UTF-8 form (for all-ASCII strings the data itself). Lone surrogates are
 * allowed (they come from "\ud800" literals and surrogateescape). */
#ifndef ADDER_OBJECTS_STR_H
#define ADDER_OBJECTS_STR_H

#include <stdarg.h>
#include <stdint.h>
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t length;      /* code points */
    Ad_hash_t hash;         /* -1 until computed */
    uint8_t kind;           /* 1, 2 or 4 bytes per code point */
    uint8_t ascii;          /* every code point < 128 */
    uint8_t interned;       /* in the interned table (and immortal) */
    char *utf8;             /* cached UTF-8 (NUL-terminated) or NULL; == data when ascii */
    Ad_ssize_t utf8_length;
    /* followed by (length + 1) * kind bytes of data, NUL-terminated */
} AdStrObject;

extern AdTypeObject AdStr_Type;

#define AdStr_Check(o) AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_UNICODE_SUBCLASS)
#define AdStr_CheckExact(o) Ad_IS_TYPE((AdObject *)(o), &AdStr_Type)
#define AdStr_LENGTH(o) (((AdStrObject *)(o))->length)
#define AdStr_KIND(o) (((AdStrObject *)(o))->kind)
#define AdStr_DATA(o) ((void *)((AdStrObject *)(o) + 1))

static inline uint32_t AdStr_READ(int kind, const void *data, Ad_ssize_t i)
{
    return kind == 1 ? ((const uint8_t *)data)[i]
         : kind == 2 ? ((const uint16_t *)data)[i]
                     : ((const uint32_t *)data)[i];
}
static inline uint32_t AdStr_READ_CHAR(AdObject *s, Ad_ssize_t i)
{
    return AdStr_READ(AdStr_KIND(s), AdStr_DATA(s), i);
}

/* A new, uninitialised string of length code points, wide enough for
 * maxchar. The caller fills the data before anyone else sees it. New ref. */
AdObject *AdStr_New(Ad_ssize_t length, uint32_t maxchar);
/* From (generalized) UTF-8; invalid UTF-8 raises UnicodeDecodeError
 * ("'utf-8' codec can't decode byte 0x.. in position N: ..."). New ref. */
AdObject *AdStr_FromStringAndSize(const char *utf8, Ad_ssize_t size);
AdObject *AdStr_FromString(const char *utf8);
/* From code points (each must be <= 0x10FFFF). New ref. */
AdObject *AdStr_FromUCS4(const uint32_t *cps, Ad_ssize_t n);
AdObject *AdStr_FromKindAndData(int kind, const void *data, Ad_ssize_t n);
/* chr(cp): single-character strings of Latin-1 are cached. New ref. */
AdObject *AdStr_FromOrdinal(uint32_t cp);
/* printf-like formatting (the conversions AdErr_Format documents). New ref. */
AdObject *AdStr_FromFormat(const char *fmt, ...);
AdObject *AdStr_FromFormatV(const char *fmt, va_list va);

/* The UTF-8 form, cached in the object (borrowed; lives as long as s).
 * Strings with lone surrogates raise UnicodeEncodeError
 * ("'utf-8' codec can't encode character '\ud800' in position 0: surrogates not allowed"). */
const char *AdStr_AsUTF8AndSize(AdObject *s, Ad_ssize_t *size);
const char *AdStr_AsUTF8(AdObject *s);

/* Interning: returns the canonical equal string (new ref), made immortal;
 * AdStr_InternInPlace replaces *p by it. */
AdObject *AdStr_InternFromString(const char *utf8);
void AdStr_InternInPlace(AdObject **p);
/* For a C static that caches an interned name: returns *slot, filling it
 * on first use (borrowed, immortal; NULL with an exception on failure).
 * Finalization resets every such slot when it frees the interned strings,
 * so a later core init interns afresh. */
AdObject *AdStr_InternStatic(AdObject **slot, const char *utf8);

/* The interned string of a C string literal, cached at the call site
 * (AdStr_InternStatic with a slot of its own): borrowed, immortal; NULL
 * with an exception on failure. */
#define AD_STR_ID(lit) \
    __extension__({ static AdObject *ad_str_id_slot_; AdStr_InternStatic(&ad_str_id_slot_, "" lit); })

/* Equality and ordering by code points. */
int AdStr_Equal(AdObject *a, AdObject *b);            /* 1 or 0, never fails */
int AdStr_EqualToASCII(AdObject *s, const char *ascii);
int AdStr_Compare(AdObject *a, AdObject *b);          /* <0, 0, >0 */
Ad_hash_t AdStr_Hash(AdObject *s);

/* New strings from old (new refs or NULL). */
AdObject *AdStr_Concat(AdObject *a, AdObject *b);
AdObject *AdStr_Substring(AdObject *s, Ad_ssize_t start, Ad_ssize_t end);
AdObject *AdStr_Join(AdObject *sep, AdObject *iterable);
/* sep.join() of an array of n objects (sep NULL: plain concatenation, as
 * BUILD_STRING needs). TypeError "sequence item N: expected str instance,
 * T found" for a non-str item. New ref. */
AdObject *AdStr_JoinArray(AdObject *sep, AdObject *const *items, Ad_ssize_t n);
/* repr(s) with Python's quote choice and escapes. */
AdObject *AdStr_Repr(AdObject *s);
/* Index of the first code point >= start, < end equal to ch, or -1. */
Ad_ssize_t AdStr_FindChar(AdObject *s, uint32_t ch, Ad_ssize_t start, Ad_ssize_t end);

/* A growable buffer that builds a str (used by repr, format, join). */
typedef struct {
    uint32_t *buf;
    Ad_ssize_t len, cap;
    uint32_t maxchar;
} AdStrWriter;
void AdStrWriter_Init(AdStrWriter *w);
int AdStrWriter_WriteChar(AdStrWriter *w, uint32_t ch);
int AdStrWriter_WriteASCII(AdStrWriter *w, const char *s, Ad_ssize_t n);
int AdStrWriter_WriteUTF8(AdStrWriter *w, const char *s, Ad_ssize_t n);
int AdStrWriter_WriteStr(AdStrWriter *w, AdObject *s);
/* Finishes: a new str (new ref) and frees the buffer; NULL on failure. */
AdObject *AdStrWriter_Finish(AdStrWriter *w);
void AdStrWriter_Dealloc(AdStrWriter *w);

/* ---- added by the str implementation ---------------------------------- */

/* format(value, spec): type(value).__format__(value, spec), checking that
 * the result is a str ("__format__ must return a str, not T"). spec may be
 * NULL (the empty spec). New ref or NULL. */
AdObject *AdObject_Format(AdObject *value, AdObject *spec);
/* str.format(*args, **kwargs) and format_map as C calls. New ref. */
AdObject *AdStr_Format(AdObject *format, AdObject *args, AdObject *kwargs);
/* format % args (printf-style). New ref. */
AdObject *AdStr_PrintfFormat(AdObject *format, AdObject *args);
/* Encoding and decoding with the built-in codecs (utf-8, latin-1, ascii,
 * utf-16[-le|-be], utf-32[-le|-be] and their aliases) and the standard error
 * handlers; other encodings go to the hooks below (the codec registry
 * installs them) or raise LookupError "unknown encoding: X". New refs. */
AdObject *AdStr_AsEncodedString(AdObject *s, const char *encoding, const char *errors);
AdObject *AdStr_Decode(const char *data, Ad_ssize_t len, const char *encoding, const char *errors);
extern AdObject *(*AdStr_EncodeHook)(AdObject *s, const char *encoding, const char *errors);
extern AdObject *(*AdStr_DecodeHook)(const char *data, Ad_ssize_t len, const char *encoding,
                                     const char *errors);
/* The built-in codecs one by one, as _codecs exposes them. The stateful
 * decoders stop before an incomplete sequence at the end when final is 0
 * and report the bytes used in *consumed (may be NULL); the UTF-16/32 ones
 * take *byteorder (-1 little, 1 big, 0: read a BOM, reported back; little
 * without one). The UTF-16/32 encoders take byteorder (0: native order with
 * a BOM). errors NULL means "strict"; other names than the built-in handlers
 * are looked up in the registry when an error happens. New refs. */
AdObject *AdStr_DecodeUTF8Stateful(const char *data, Ad_ssize_t len, const char *errors,
                                   int final, Ad_ssize_t *consumed);
AdObject *AdStr_DecodeUTF16Stateful(const char *data, Ad_ssize_t len, const char *errors,
                                    int *byteorder, int final, Ad_ssize_t *consumed);
AdObject *AdStr_DecodeUTF32Stateful(const char *data, Ad_ssize_t len, const char *errors,
                                    int *byteorder, int final, Ad_ssize_t *consumed);
AdObject *AdStr_DecodeLatin1(const char *data, Ad_ssize_t len, const char *errors);
AdObject *AdStr_DecodeASCII(const char *data, Ad_ssize_t len, const char *errors);
AdObject *AdStr_EncodeUTF8(AdObject *s, const char *errors);
AdObject *AdStr_EncodeUTF16(AdObject *s, const char *errors, int byteorder);
AdObject *AdStr_EncodeUTF32(AdObject *s, const char *errors, int byteorder);
AdObject *AdStr_EncodeLatin1(AdObject *s, const char *errors);
AdObject *AdStr_EncodeASCII(AdObject *s, const char *errors);
/* Error handlers by name: the registry installs the hook (new ref to the
 * callable, or NULL with LookupError "unknown error handler name 'x'"). */
extern AdObject *(*AdStr_LookupErrorHook)(const char *name);
AdObject *AdStr_LookupErrorHandler(const char *name);
/* Calls handler with a new UnicodeDecodeError(encoding, data, start, end,
 * reason) / UnicodeEncodeError(encoding, str, ...) and checks its result
 * (TypeError "decoding error handler must return (str, int) tuple"; the
 * position may be negative from the end; IndexError "position N from error
 * handler out of bounds"). Returns the replacement (a str; str or bytes when
 * encoding; new ref) and the position to go on at in *newpos, or NULL. */
AdObject *AdStr_CallDecodeErrorHandler(AdObject *handler, const char *encoding, const char *data,
                                       Ad_ssize_t len, Ad_ssize_t start, Ad_ssize_t end,
                                       const char *reason, Ad_ssize_t *newpos);
AdObject *AdStr_CallEncodeErrorHandler(AdObject *handler, const char *encoding, AdObject *str,
                                       Ad_ssize_t start, Ad_ssize_t end, const char *reason,
                                       Ad_ssize_t *newpos);
/* The canonical name of a built-in codec ("utf-8", "latin-1", "ascii",
 * "utf-16", ...) for one of its aliases, or NULL. */
const char *AdStr_BuiltinCodecName(const char *encoding);
/* The format-string parser of str.format, for _string too. A chunk is
 * literal text s[lit_start:lit_end) (a doubled brace puts one brace at
 * its end and ends it) and, when has_field, a replacement field: name
 * s[name_start:name_end), conversion (0 for none), spec
 * s[spec_start:spec_end) (empty when absent). NextChunk parses from
 * *pos: 1 with a chunk, 0 at end, -1 with ValueError ("Single '}'
 * encountered in format string", "expected '}' before end of string",
 * "unmatched '{' in format spec", "expected ':' after conversion
 * specifier"). */
typedef struct {
    Ad_ssize_t lit_start, lit_end;
    int has_field;
    Ad_ssize_t name_start, name_end;
    uint32_t conversion;
    Ad_ssize_t spec_start, spec_end;
} AdStrFormatChunk;
int AdStrFormat_NextChunk(AdObject *s, Ad_ssize_t *pos, Ad_ssize_t end, AdStrFormatChunk *chunk);
/* A field name s[start:end): its first part ends at *first_end; *index is
 * its value when it is all decimal digits, else -1. 0, or -1 with
 * ValueError "Too many decimal digits in format string". */
int AdStrFormat_FieldFirst(AdObject *s, Ad_ssize_t start, Ad_ssize_t end, Ad_ssize_t *first_end,
                           Ad_ssize_t *index);
/* The next accessor from *pos: ".name" (*is_attr 1) or "[key]" (0), the
 * name/key s[*kstart:*kend), *index as above. 1, 0 at end, -1 with
 * ValueError ("Empty attribute in format string", "Missing ']' in format
 * string", "Only '.' or '[' may follow ']' in format field specifier"). */
int AdStrFormat_FieldNext(AdObject *s, Ad_ssize_t *pos, Ad_ssize_t end, int *is_attr,
                          Ad_ssize_t *kstart, Ad_ssize_t *kend, Ad_ssize_t *index);
/* The str iterator types (iter() of an ASCII string gives the second,
 * named str_ascii_iterator, as in CPython). Both must be readied. */
extern AdTypeObject AdStrIter_Type, AdStrAsciiIter_Type;
/* s[i] as a 1-character str (IndexError "string index out of range"). */
AdObject *AdStr_GetItem(AdObject *s, Ad_ssize_t i);
/* sub in s (TypeError "'in <string>' requires string as left operand, not T"). 1, 0, -1. */
int AdStr_Contains(AdObject *s, AdObject *sub);
/* Number of interned strings (for tests and the leak report). */
Ad_ssize_t AdStr_InternedCount(void);
/* Finalization step 8 (objects_init.c): frees the interned strings, the
 * empty string and the 1-character cache, and resets AdStr_InternStatic
 * slots. Nothing may use a string after this. */
void ad_str_fini(void);

#endif
