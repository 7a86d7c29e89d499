/* unicode_tables.h -- the private interface between the tables that
 * src/unicode/gen/ucd_gen.c writes into build/gen/unicode/unicode_tables.c
 * and the hand-written lookups of the unicode room (unicode_db.c,
 * unicode_case.c, unicode_normalize.c, unicode_names.c).
 *
 * Owns: the record layout, the flag bits and the declarations of the
 * generated tables and trie lookups.  Private to src/unicode: other rooms
 * use unicode/unicode_db.h only.
 */
#ifndef ADDER_UNICODE_TABLES_H
#define ADDER_UNICODE_TABLES_H

#include <stddef.h>
#include <stdint.h>

/* Flag bits of unicode_record.flags. */
enum {
    UNICODE_ALPHA = 1u << 0,         /* category L* (str.isalpha) */
    UNICODE_DECIMAL = 1u << 1,       /* UnicodeData field 6 present */
    UNICODE_DIGIT = 1u << 2,         /* field 7 present */
    UNICODE_NUMERIC = 1u << 3,       /* any Numeric_Type (incl. Unihan) */
    UNICODE_SPACE = 1u << 4,         /* bidi WS/B/S or category Zs */
    UNICODE_LOWER = 1u << 5,         /* Lowercase (DerivedCoreProperties) */
    UNICODE_UPPER = 1u << 6,         /* Uppercase */
    UNICODE_TITLE = 1u << 7,         /* category Lt */
    UNICODE_CASED = 1u << 8,         /* Cased */
    UNICODE_CASE_IGNORABLE = 1u << 9, /* Case_Ignorable */
    UNICODE_PRINTABLE = 1u << 10,    /* str.isprintable */
    UNICODE_XID_START = 1u << 11,
    UNICODE_XID_CONTINUE = 1u << 12,
    UNICODE_LINEBREAK = 1u << 13,    /* str.splitlines splits here */
    UNICODE_MIRRORED = 1u << 14,
    UNICODE_COMP_EXCLUSION = 1u << 15, /* Full_Composition_Exclusion */
    UNICODE_NFD_NO = 1u << 16,       /* NFD_QC=N */
    UNICODE_NFKD_NO = 1u << 17,      /* NFKD_QC=N */
    UNICODE_NFC_NO = 1u << 18,       /* NFC_QC=N */
    UNICODE_NFC_MAYBE = 1u << 19,    /* NFC_QC=M */
    UNICODE_NFKC_NO = 1u << 20,      /* NFKC_QC=N */
    UNICODE_NFKC_MAYBE = 1u << 21,   /* NFKC_QC=M */
};

/* One deduplicated set of properties; many code points share a record. */
typedef struct {
    uint32_t flags;
    int32_t lower, upper, title;     /* simple case mappings, as deltas */
    uint16_t numeric;                /* 0: none, else 1 + index into unicode_numeric_values */
    uint16_t special;                /* 0: none, else offset into unicode_special_case */
    uint8_t category;                /* AdUnicodeCategory */
    uint8_t bidi;                    /* AdUnicodeBidi (0: none) */
    uint8_t combining;               /* canonical combining class */
    uint8_t east_asian_width;        /* AdUnicodeEastAsianWidth */
    int8_t decimal, digit;           /* -1: none */
} unicode_record;

extern const unicode_record unicode_records[];
extern const size_t unicode_records_count;
extern const double unicode_numeric_values[];
/* Full case mappings and case folding of code points whose full forms
 * differ from the simple ones (or whose folding differs from the lower
 * mapping; no CaseFolding.txt entry folds to itself): at an offset, four groups (lower, upper,
 * title, casefold), each a count followed by that many code points. */
extern const uint32_t unicode_special_case[];

/* Index into unicode_records of CP (< 0x110000). */
unsigned unicode_record_index(uint32_t cp);

/* Decomposition: 0 or an offset into unicode_decomp_data, where the
 * 16-bit word at the offset is (wide << 15) | (type << 8) | count, followed
 * by count code points, each one word, or two (high, low) when wide.
 * Hangul syllables are algorithmic and not in the table. */
unsigned unicode_decomp_index(uint32_t cp);
extern const uint16_t unicode_decomp_data[];

/* Reads the decomposition at INDEX (non-zero) into OUT (room for 18) and
 * its type into *TYPE; returns the count. */
static inline unsigned unicode_decomp_read(unsigned index, unsigned *type, uint32_t *out)
{
    const uint16_t *p = unicode_decomp_data + index;
    unsigned head = p[0], n = head & 0xFF;
    *type = (head >> 8) & 0x7F;
    p++;
    for (unsigned k = 0; k < n; k++) {
        if (head & 0x8000) {
            out[k] = (uint32_t)p[0] << 16 | p[1];
            p += 2;
        } else {
            out[k] = *p++;
        }
    }
    return n;
}

/* Canonical composition pairs: an open-addressing hash table of
 * (first << 42) | (second << 21) | composite, 0 for an empty slot. */
extern const uint64_t unicode_comp_table[];
extern const uint32_t unicode_comp_mask;   /* table size - 1 */

/* Names.  The names of the named code points, in code point order, are
 * word-coded in unicode_name_data; unicode_name_rank(cp) gives the
 * ordinal of cp among the named code points, or -1 if cp has no name in
 * the table.  unicode_name_offsets[i / 16] is the offset of the name of
 * ordinal (i & ~15); each record is a length byte (bit 7: the name ends
 * in "-" and the code point in hex; bits 0-6: the byte count) followed
 * by word codes: a byte below 0xC0 is a word index, a byte b >= 0xC0
 * and the next byte n are word 0xC0 + (b - 0xC0) * 256 + n. */
long unicode_name_rank(uint32_t cp);
extern const uint8_t unicode_name_data[];
extern const uint32_t unicode_name_offsets[];
/* Words: each a length byte and its characters; unicode_word_offsets[i/16]
 * is the offset of word (i & ~15). */
extern const char unicode_words[];
extern const uint32_t unicode_word_offsets[];
extern const unsigned unicode_max_name_length;

/* Aliases (NameAliases.txt): names in a NUL-separated blob. */
extern const uint32_t unicode_alias_cps[];
extern const uint32_t unicode_alias_offsets[];
extern const char unicode_alias_names[];
extern const size_t unicode_alias_count;
/* Named sequences (NamedSequences.txt): names as for aliases; code points
 * at unicode_sequence_cps[unicode_sequence_starts[i] ..
 * unicode_sequence_starts[i + 1]). */
extern const uint32_t unicode_sequence_offsets[];
extern const char unicode_sequence_names[];
extern const uint16_t unicode_sequence_starts[];
extern const uint32_t unicode_sequence_cps[];
extern const size_t unicode_sequence_count;

/* Name hash: 0xFFFF marks an empty slot; a value below unicode_name_count
 * is the ordinal of a named code point (unicode_name_select gives the code
 * point); unicode_name_count + i is alias i; unicode_name_count +
 * unicode_alias_count + i is named sequence i.  The hash is
 * unicode_name_hash of the name, slot = hash % size, linear probing. */
extern const uint16_t unicode_name_hash_slots[];
extern const uint32_t unicode_name_hash_size;
extern const uint32_t unicode_name_count;
/* The code point of ordinal ORD (< unicode_name_count) among the named
 * code points: the inverse of unicode_name_rank. */
uint32_t unicode_name_select(uint32_t ord);

/* Ranges (inclusive pairs) whose names are "CJK UNIFIED IDEOGRAPH-%X". */
extern const uint32_t unicode_cjk_ranges[][2];
extern const size_t unicode_cjk_range_count;

/* Sizes in bytes of the generated tables (for the size check). */
extern const size_t unicode_tables_size;

/* Value names, in the order of the enums of unicode_db.h; shared with the
 * generator so both sides agree on the numbering. */
#define UNICODE_CATEGORY_NAMES                                              \
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", \
    "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", \
    "Zl", "Zp", "Cc", "Cf", "Cs", "Co"
#define UNICODE_BIDI_NAMES                                                  \
    "", "L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", \
    "WS", "ON", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"
#define UNICODE_EAW_NAMES "N", "A", "H", "W", "F", "Na"
#define UNICODE_DECOMP_TYPE_NAMES                                           \
    "", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>",          \
    "<isolated>", "<circle>", "<super>", "<sub>", "<vertical>", "<wide>",   \
    "<narrow>", "<small>", "<square>", "<fraction>", "<compat>"

/* Slot of the composition pair (FIRST, SECOND) before probing. */
static inline uint32_t unicode_comp_hash(uint32_t first, uint32_t second)
{
    uint32_t h = first * 2654435761u ^ (second * 2246822519u);
    return h ^ (h >> 15);
}

/* The hash shared by the generator and the lookup (FNV-1a, 32 bits) over
 * the upper-cased bytes. */
static inline uint32_t unicode_name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 'a' + 'A');
        h = (h ^ c) * 16777619u;
    }
    return h;
}

#endif /* ADDER_UNICODE_TABLES_H */
