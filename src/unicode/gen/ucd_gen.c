/* ucd_gen.c -- build-time generator of the Unicode character database.
 *
 * Owns: reading the UCD text files of Debian's unicode-data package
 * (UCD 15.0.0 on Debian 12) and writing build/gen/unicode/unicode_tables.c,
 * the tables declared in src/unicode/unicode_tables.h.  Built and run by
 * src/unicode/unicode.mk; a host program, never linked into adder.
 *
 *   ucd_gen UCD_DIR OUT.c
 *
 * Tables: property records deduplicated and reached through a three-level
 * trie (the block sizes are chosen to minimise bytes), decompositions
 * through a second trie, composition pairs in an open-addressing hash,
 * names word-coded with a rank bitmap from code point to name and a hash
 * from name to code point.  Exits non-zero with a message on any error.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode/unicode_tables.h"

#define NCP 0x110000

static const char *category_names[] = {UNICODE_CATEGORY_NAMES};
static const char *bidi_names[] = {UNICODE_BIDI_NAMES};
static const char *eaw_names[] = {UNICODE_EAW_NAMES};
static const char *decomp_type_names[] = {UNICODE_DECOMP_TYPE_NAMES};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *ucd_dir;
static FILE *out;
static size_t total_bytes;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ucd_gen: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (p == NULL)
        die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (p == NULL)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    char *r = xcalloc(strlen(s) + 1, 1);
    strcpy(r, s);
    return r;
}

/* ---- per-code-point data gathered from the files ---- */

static uint8_t gc[NCP], bidi[NCP], ccc[NCP], eaw[NCP], mirrored[NCP];
static int8_t decimal_v[NCP], digit_v[NCP];
static uint32_t simple_lower[NCP], simple_upper[NCP], simple_title[NCP];
static uint32_t props[NCP];           /* UNICODE_* flags from the files */
static char *decomp_str[NCP];         /* UnicodeData field 5 */
static char *names[NCP];
static double numeric_v[NCP];
static uint8_t has_numeric[NCP];
/* Full mappings: count + up to 3 code points; count 0 = not special. */
static uint32_t full_map[NCP][4][4]; /* [cp][lower,upper,title,fold][n, cps] */
static uint8_t has_full[NCP][4];
static uint8_t in_cjk_range[NCP];

/* ---- line reading ---- */

typedef struct {
    char *f[16];
    int n;
} fields;

static FILE *open_ucd(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ucd_dir, name);
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        die("cannot open %s", path);
    return fp;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

/* Reads the next data line (comments stripped) into F; 0 at end. */
static int next_line(FILE *fp, char *buf, size_t size, fields *f)
{
    while (fgets(buf, (int)size, fp)) {
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = 0;
        char *s = trim(buf);
        if (*s == 0)
            continue;
        f->n = 0;
        for (;;) {
            char *semi = strchr(s, ';');
            if (semi)
                *semi = 0;
            if (f->n < 16)
                f->f[f->n++] = trim(s);
            if (!semi)
                break;
            s = semi + 1;
        }
        return 1;
    }
    return 0;
}

static void parse_range(const char *s, uint32_t *lo, uint32_t *hi)
{
    char *end;
    *lo = (uint32_t)strtoul(s, &end, 16);
    if (end[0] == '.' && end[1] == '.')
        *hi = (uint32_t)strtoul(end + 2, &end, 16);
    else
        *hi = *lo;
    if (*hi >= NCP || *lo > *hi)
        die("bad range %s", s);
}

/* Parses up to MAX hex code points from S into CPS; returns the count. */
static int parse_cps(const char *s, uint32_t *cps, int max)
{
    int n = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        char *end;
        unsigned long v = strtoul(s, &end, 16);
        if (end == s)
            die("bad code point list %s", s);
        if (n >= max)
            die("too many code points in %s", s);
        cps[n++] = (uint32_t)v;
        s = end;
    }
    return n;
}

static int find_name(const char **list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return (int)i;
    die("unknown value %s", s);
    return -1;
}

/* ---- reading each file ---- */

static void read_unicode_data(void)
{
    FILE *fp = open_ucd("UnicodeData.txt");
    char buf[1024];
    fields f;
    uint32_t range_first = 0;
    int in_range = 0;
    while (next_line(fp, buf, sizeof buf, &f)) {
        if (f.n < 15)
            die("UnicodeData.txt: short line");
        uint32_t cp = (uint32_t)strtoul(f.f[0], NULL, 16);
        const char *name = f.f[1];
        size_t nl = strlen(name);
        uint32_t lo = cp, hi = cp;
        if (name[0] == '<' && nl > 8 && strcmp(name + nl - 8, ", First>") == 0) {
            range_first = cp;
            in_range = 1;
            continue;
        }
        if (name[0] == '<' && nl > 7 && strcmp(name + nl - 7, ", Last>") == 0) {
            if (!in_range)
                die("Last without First");
            lo = range_first;
            in_range = 0;
            if (strncmp(name, "<CJK Ideograph", 14) == 0)
                for (uint32_t c = lo; c <= hi; c++)
                    in_cjk_range[c] = 1;
        }
        for (uint32_t c = lo; c <= hi; c++) {
            gc[c] = (uint8_t)find_name(category_names, COUNT(category_names), f.f[2]);
            ccc[c] = (uint8_t)atoi(f.f[3]);
            bidi[c] = (uint8_t)find_name(bidi_names, COUNT(bidi_names), f.f[4]);
            if (f.f[5][0])
                decomp_str[c] = xstrdup(f.f[5]);
            decimal_v[c] = f.f[6][0] ? (int8_t)atoi(f.f[6]) : -1;
            digit_v[c] = f.f[7][0] ? (int8_t)atoi(f.f[7]) : -1;
            mirrored[c] = f.f[9][0] == 'Y';
            simple_upper[c] = f.f[12][0] ? (uint32_t)strtoul(f.f[12], NULL, 16) : c;
            simple_lower[c] = f.f[13][0] ? (uint32_t)strtoul(f.f[13], NULL, 16) : c;
            simple_title[c] = f.f[14][0] ? (uint32_t)strtoul(f.f[14], NULL, 16) : simple_upper[c];
            if (lo == hi && name[0] != '<')
                names[c] = xstrdup(name);
        }
    }
    fclose(fp);
}

/* Sets FLAG on every code point of FILE whose field 1 is PROPERTY and,
 * when QC is not NULL, whose field 2 (a quick-check value) is QC. */
static void read_property(const char *file, const char *property, const char *qc, uint32_t flag)
{
    FILE *fp = open_ucd(file);
    char buf[1024];
    fields f;
    while (next_line(fp, buf, sizeof buf, &f)) {
        if (f.n < 2 || strcmp(f.f[1], property) != 0)
            continue;
        if (qc != NULL && (f.n < 3 || strcmp(f.f[2], qc) != 0))
            continue;
        uint32_t lo, hi;
        parse_range(f.f[0], &lo, &hi);
        for (uint32_t c = lo; c <= hi; c++)
            props[c] |= flag;
    }
    fclose(fp);
}

static void read_east_asian_width(void)
{
    FILE *fp = open_ucd("EastAsianWidth.txt");
    char buf[1024];
    fields f;
    /* Code points the file does not list are N (as CPython has them). */
    while (next_line(fp, buf, sizeof buf, &f)) {
        uint32_t lo, hi;
        parse_range(f.f[0], &lo, &hi);
        int v = find_name(eaw_names, COUNT(eaw_names), f.f[1]);
        for (uint32_t c = lo; c <= hi; c++)
            eaw[c] = (uint8_t)v;
    }
    fclose(fp);
}

static void read_numeric(void)
{
    FILE *fp = open_ucd("extracted/DerivedNumericValues.txt");
    char buf[1024];
    fields f;
    while (next_line(fp, buf, sizeof buf, &f)) {
        if (f.n < 4)
            die("DerivedNumericValues.txt: short line");
        uint32_t lo, hi;
        parse_range(f.f[0], &lo, &hi);
        char *slash;
        double num = strtod(f.f[3], &slash), den = 1;
        if (*slash == '/')
            den = strtod(slash + 1, NULL);
        for (uint32_t c = lo; c <= hi; c++) {
            numeric_v[c] = num / den;
            has_numeric[c] = 1;
        }
    }
    fclose(fp);
}

static void set_full(uint32_t cp, int which, const char *s)
{
    uint32_t cps[3];
    int n = parse_cps(s, cps, 3);
    full_map[cp][which][0] = (uint32_t)n;
    for (int i = 0; i < n; i++)
        full_map[cp][which][1 + i] = cps[i];
    has_full[cp][which] = 1;
}

static void read_casing(void)
{
    char buf[1024];
    fields f;
    FILE *fp = open_ucd("SpecialCasing.txt");
    while (next_line(fp, buf, sizeof buf, &f)) {
        /* code; lower; title; upper; [condition;] -- unconditional only */
        if (f.n >= 5 && f.f[4][0] != 0)
            continue;
        uint32_t cp = (uint32_t)strtoul(f.f[0], NULL, 16);
        set_full(cp, 0, f.f[1]);
        set_full(cp, 2, f.f[2]);
        set_full(cp, 1, f.f[3]);
    }
    fclose(fp);
    fp = open_ucd("CaseFolding.txt");
    while (next_line(fp, buf, sizeof buf, &f)) {
        uint32_t cp = (uint32_t)strtoul(f.f[0], NULL, 16);
        if (strcmp(f.f[1], "F") == 0 || (strcmp(f.f[1], "C") == 0 && !has_full[cp][3]))
            set_full(cp, 3, f.f[2]);
    }
    fclose(fp);
}

/* ---- generic output helpers ---- */

static const char *int_type(uint32_t max)
{
    return max < 256 ? "uint8_t" : max < 65536 ? "uint16_t" : "uint32_t";
}

static size_t int_size(uint32_t max)
{
    return max < 256 ? 1 : max < 65536 ? 2 : 4;
}

static void emit_u32_array(const char *type, const char *name, const uint32_t *v, size_t n, int is_static)
{
    fprintf(out, "%sconst %s %s[%zu] = {", is_static ? "static " : "", type, name, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%u,", i % 12 == 0 ? "\n    " : " ", v[i]);
    if (n == 0)
        fprintf(out, "0");
    fprintf(out, "\n};\n");
}

/* Deduplicates blocks of BLOCK values from V[0..N): writes the block id of
 * each block to IDS and returns the unique data (its length in *OUTN). */
static uint32_t *dedup_blocks(const uint32_t *v, size_t n, size_t block, uint32_t *ids, size_t *outn)
{
    size_t nblocks = n / block;
    uint32_t *data = xcalloc(n, sizeof *data);
    size_t used = 0;
    /* Hash of blocks to find duplicates quickly. */
    size_t hsize = 1;
    while (hsize < nblocks * 2)
        hsize <<= 1;
    int64_t *table = xcalloc(hsize, sizeof *table);
    for (size_t i = 0; i < hsize; i++)
        table[i] = -1;
    for (size_t b = 0; b < nblocks; b++) {
        const uint32_t *blk = v + b * block;
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < block; i++)
            h = (h ^ blk[i]) * 16777619u;
        size_t slot = h & (hsize - 1);
        for (;;) {
            if (table[slot] < 0) {
                table[slot] = (int64_t)(used / block);
                memcpy(data + used, blk, block * sizeof *blk);
                ids[b] = (uint32_t)(used / block);
                used += block;
                break;
            }
            if (memcmp(data + (size_t)table[slot] * block, blk, block * sizeof *blk) == 0) {
                ids[b] = (uint32_t)table[slot];
                break;
            }
            slot = (slot + 1) & (hsize - 1);
        }
    }
    free(table);
    *outn = used;
    return data;
}

static uint32_t max_of(const uint32_t *v, size_t n)
{
    uint32_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] > m)
            m = v[i];
    return m;
}

/* Emits a three-level trie over V[0..NCP) and the function
 * "unsigned FUNC(uint32_t cp)" reading it.  Returns its size in bytes. */
static size_t emit_trie(const char *func, const uint32_t *v)
{
    size_t best = (size_t)-1;
    int best_s1 = 0, best_s2 = 0;
    uint32_t *ids2 = xcalloc(NCP, sizeof *ids2);
    uint32_t *ids1 = xcalloc(NCP, sizeof *ids1);
    for (int s2 = 3; s2 <= 9; s2++) {
        size_t n2;
        uint32_t *leaf = dedup_blocks(v, NCP, (size_t)1 << s2, ids2, &n2);
        for (int s1 = s2 + 2; s1 <= s2 + 8 && s1 <= 16; s1++) {
            size_t nmid = NCP >> s2, n1;
            uint32_t *mid = dedup_blocks(ids2, nmid, (size_t)1 << (s1 - s2), ids1, &n1);
            size_t ntop = NCP >> s1;
            size_t bytes = n2 * int_size(max_of(leaf, n2)) + n1 * int_size(max_of(mid, n1)) +
                           ntop * int_size(max_of(ids1, ntop));
            if (bytes < best) {
                best = bytes;
                best_s1 = s1;
                best_s2 = s2;
            }
            free(mid);
        }
        free(leaf);
    }
    int s1 = best_s1, s2 = best_s2;
    size_t n2, n1, ntop = NCP >> s1;
    uint32_t *leaf = dedup_blocks(v, NCP, (size_t)1 << s2, ids2, &n2);
    uint32_t *mid = dedup_blocks(ids2, NCP >> s2, (size_t)1 << (s1 - s2), ids1, &n1);
    char name[256];
    uint32_t m;
    snprintf(name, sizeof name, "%s_top", func);
    m = max_of(ids1, ntop);
    emit_u32_array(int_type(m), name, ids1, ntop, 1);
    snprintf(name, sizeof name, "%s_mid", func);
    m = max_of(mid, n1);
    emit_u32_array(int_type(m), name, mid, n1, 1);
    snprintf(name, sizeof name, "%s_leaf", func);
    m = max_of(leaf, n2);
    emit_u32_array(int_type(m), name, leaf, n2, 1);
    fprintf(out,
            "unsigned %s(uint32_t cp)\n{\n"
            "    unsigned t = %s_top[cp >> %d];\n"
            "    unsigned m = %s_mid[(t << %d) | ((cp >> %d) & %u)];\n"
            "    return %s_leaf[(m << %d) | (cp & %u)];\n}\n\n",
            func, func, s1, func, s1 - s2, s2, (1u << (s1 - s2)) - 1, func, s2, (1u << s2) - 1);
    free(leaf);
    free(mid);
    free(ids1);
    free(ids2);
    fprintf(out, "/* %s: %zu bytes (shifts %d/%d) */\n\n", func, best, s1, s2);
    return best;
}

/* ---- property records ---- */

static unicode_record *records;
static size_t nrecords, records_cap;
static uint32_t *special_pool;
static size_t nspecial, special_cap;
static double numeric_values[1024];
static size_t nnumeric;

static void special_push(uint32_t v)
{
    if (nspecial == special_cap) {
        special_cap = special_cap ? special_cap * 2 : 1024;
        special_pool = xrealloc(special_pool, special_cap * sizeof *special_pool);
    }
    special_pool[nspecial++] = v;
}

static unsigned numeric_index(double v)
{
    for (size_t i = 0; i < nnumeric; i++)
        if (numeric_values[i] == v)
            return (unsigned)i + 1;
    if (nnumeric == COUNT(numeric_values))
        die("too many numeric values");
    numeric_values[nnumeric++] = v;
    return (unsigned)nnumeric;
}

/* Full mapping WHICH of CP into M (count + code points). */
static void full_mapping(uint32_t cp, int which, uint32_t m[4])
{
    if (has_full[cp][which]) {
        memcpy(m, full_map[cp][which], 4 * sizeof m[0]);
        return;
    }
    m[0] = 1;
    m[2] = m[3] = 0;
    switch (which) {
    case 0: m[1] = simple_lower[cp]; break;
    case 1: m[1] = simple_upper[cp]; break;
    case 2: m[1] = simple_title[cp]; break;
    default: m[1] = cp; break; /* no CaseFolding.txt entry: itself */
    }
}

static size_t rec_hsize;
static int64_t *rec_table;

static unsigned record_index(const unicode_record *r)
{
    uint32_t h = 2166136261u;
    const unsigned char *p = (const unsigned char *)r;
    for (size_t i = 0; i < sizeof *r; i++)
        h = (h ^ p[i]) * 16777619u;
    size_t slot = h & (rec_hsize - 1);
    while (rec_table[slot] >= 0) {
        if (memcmp(&records[rec_table[slot]], r, sizeof *r) == 0)
            return (unsigned)rec_table[slot];
        slot = (slot + 1) & (rec_hsize - 1);
    }
    if (nrecords == records_cap) {
        records_cap = records_cap ? records_cap * 2 : 1024;
        records = xrealloc(records, records_cap * sizeof *records);
    }
    if (nrecords * 2 >= rec_hsize)
        die("too many records");
    memcpy(&records[nrecords], r, sizeof *r);
    rec_table[slot] = (int64_t)nrecords;
    return (unsigned)nrecords++;
}

static size_t build_records(void)
{
    static uint32_t index[NCP];
    rec_hsize = 1 << 16;
    rec_table = xcalloc(rec_hsize, sizeof *rec_table);
    for (size_t i = 0; i < rec_hsize; i++)
        rec_table[i] = -1;
    special_push(0); /* offset 0 means "none" */
    for (uint32_t cp = 0; cp < NCP; cp++) {
        unicode_record r;
        memset(&r, 0, sizeof r);
        const char *cat = category_names[gc[cp]];
        uint32_t fl = props[cp];
        if (cat[0] == 'L')
            fl |= UNICODE_ALPHA;
        if (decimal_v[cp] >= 0)
            fl |= UNICODE_DECIMAL;
        if (digit_v[cp] >= 0)
            fl |= UNICODE_DIGIT;
        if (has_numeric[cp])
            fl |= UNICODE_NUMERIC;
        const char *bd = bidi_names[bidi[cp]];
        if (strcmp(bd, "WS") == 0 || strcmp(bd, "B") == 0 || strcmp(bd, "S") == 0 ||
            strcmp(cat, "Zs") == 0)
            fl |= UNICODE_SPACE;
        if (strcmp(cat, "Lt") == 0)
            fl |= UNICODE_TITLE;
        static const char *unprintable[] = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"};
        int printable = 1;
        for (size_t i = 0; i < COUNT(unprintable); i++)
            if (strcmp(cat, unprintable[i]) == 0)
                printable = 0;
        if (printable || cp == ' ')
            fl |= UNICODE_PRINTABLE;
        if (strcmp(bd, "B") == 0 || strcmp(cat, "Zl") == 0 || strcmp(cat, "Zp") == 0 ||
            cp == 0x0B || cp == 0x0C)
            fl |= UNICODE_LINEBREAK;
        if (mirrored[cp])
            fl |= UNICODE_MIRRORED;
        r.flags = fl;
        r.category = gc[cp];
        r.bidi = bidi[cp];
        r.combining = ccc[cp];
        r.east_asian_width = eaw[cp];
        r.decimal = decimal_v[cp];
        r.digit = digit_v[cp];
        r.numeric = has_numeric[cp] ? (uint16_t)numeric_index(numeric_v[cp]) : 0;
        r.lower = (int32_t)simple_lower[cp] - (int32_t)cp;
        r.upper = (int32_t)simple_upper[cp] - (int32_t)cp;
        r.title = (int32_t)simple_title[cp] - (int32_t)cp;
        /* Special when a full mapping is not the simple one. */
        uint32_t m[4][4];
        int special = 0;
        for (int w = 0; w < 4; w++)
            full_mapping(cp, w, m[w]);
        uint32_t simple[3] = {simple_lower[cp], simple_upper[cp], simple_title[cp]};
        for (int w = 0; w < 3; w++)
            if (m[w][0] != 1 || m[w][1] != simple[w])
                special = 1;
        if (m[3][0] != m[0][0] || memcmp(m[3], m[0], sizeof m[0]) != 0)
            special = 1;
        if (special) {
            if (nspecial > 0xFFFF)
                die("special case table too big");
            r.special = (uint16_t)nspecial;
            for (int w = 0; w < 4; w++)
                for (uint32_t i = 0; i <= m[w][0]; i++)
                    special_push(m[w][i]);
        }
        index[cp] = record_index(&r);
    }
    size_t bytes = emit_trie("unicode_record_index", index);
    fprintf(out, "const unicode_record unicode_records[%zu] = {\n", nrecords);
    for (size_t i = 0; i < nrecords; i++) {
        const unicode_record *r = &records[i];
        fprintf(out, "    {0x%X, %d, %d, %d, %u, %u, %u, %u, %u, %u, %d, %d},\n", r->flags, r->lower,
                r->upper, r->title, r->numeric, r->special, r->category, r->bidi, r->combining,
                r->east_asian_width, r->decimal, r->digit);
    }
    fprintf(out, "};\nconst size_t unicode_records_count = %zu;\n\n", nrecords);
    bytes += nrecords * sizeof(unicode_record);
    fprintf(out, "const double unicode_numeric_values[%zu] = {\n", nnumeric);
    for (size_t i = 0; i < nnumeric; i++)
        fprintf(out, "    %.17g,\n", numeric_values[i]);
    fprintf(out, "};\n");
    bytes += nnumeric * sizeof(double);
    emit_u32_array("uint32_t", "unicode_special_case", special_pool, nspecial, 0);
    bytes += nspecial * 4;
    fprintf(out, "/* records: %zu, numeric values: %zu, special-case words: %zu */\n\n", nrecords,
            nnumeric, nspecial);
    return bytes;
}

/* ---- decompositions and compositions ---- */

static size_t build_decompositions(void)
{
    static uint32_t index[NCP];
    uint32_t *data = NULL;
    size_t n = 0, cap = 0;
#define PUSH(v)                                             \
    do {                                                    \
        if (n == cap) {                                     \
            cap = cap ? cap * 2 : 4096;                     \
            data = xrealloc(data, cap * sizeof *data);      \
        }                                                   \
        data[n++] = (v);                                    \
    } while (0)
    PUSH(0);
    /* Composition pairs. */
    size_t npairs = 0;
    static uint32_t pair_first[4096], pair_second[4096], pair_comp[4096];
    for (uint32_t cp = 0; cp < NCP; cp++) {
        if (!decomp_str[cp])
            continue;
        const char *s = decomp_str[cp];
        int type = 0;
        if (s[0] == '<') {
            const char *end = strchr(s, '>');
            char tag[64];
            size_t len = (size_t)(end - s + 1);
            if (!end || len >= sizeof tag)
                die("bad decomposition %s", s);
            memcpy(tag, s, len);
            tag[len] = 0;
            type = find_name(decomp_type_names, COUNT(decomp_type_names), tag);
            s = end + 1;
        }
        uint32_t cps[32];
        int k = parse_cps(s, cps, 32);
        index[cp] = (uint32_t)n;
        int wide = 0;
        for (int i = 0; i < k; i++)
            if (cps[i] > 0xFFFF)
                wide = 1;
        PUSH((uint32_t)(type << 8 | k | (wide ? 0x8000 : 0)));
        for (int i = 0; i < k; i++) {
            if (wide)
                PUSH(cps[i] >> 16);
            PUSH(cps[i] & 0xFFFF);
        }
        if (type == 0 && k == 2 && !(props[cp] & UNICODE_COMP_EXCLUSION)) {
            if (npairs == COUNT(pair_first))
                die("too many composition pairs");
            pair_first[npairs] = cps[0];
            pair_second[npairs] = cps[1];
            pair_comp[npairs++] = cp;
        }
    }
    size_t bytes = emit_trie("unicode_decomp_index", index);
    emit_u32_array("uint16_t", "unicode_decomp_data", data, n, 0);
    bytes += n * 2;
    free(data);

    uint32_t size = 1;
    while (size < npairs * 2)
        size <<= 1;
    uint64_t *table = xcalloc(size, sizeof *table);
    for (size_t i = 0; i < npairs; i++) {
        uint32_t slot = unicode_comp_hash(pair_first[i], pair_second[i]) & (size - 1);
        while (table[slot])
            slot = (slot + 1) & (size - 1);
        table[slot] = (uint64_t)pair_first[i] << 42 | (uint64_t)pair_second[i] << 21 | pair_comp[i];
    }
    fprintf(out, "/* %zu composition pairs */\nconst uint64_t unicode_comp_table[%u] = {", npairs, size);
    for (uint32_t i = 0; i < size; i++)
        fprintf(out, "%s0x%llX,", i % 6 == 0 ? "\n    " : " ", (unsigned long long)table[i]);
    fprintf(out, "\n};\nconst uint32_t unicode_comp_mask = %u;\n\n", size - 1);
    bytes += size * 8;
    free(table);
    return bytes;
}

/* ---- names ---- */

typedef struct {
    char *word;
    unsigned count;
    unsigned index;
} word_entry;

static word_entry *words;
static size_t nwords, words_cap;
static size_t whsize = 1 << 16;
static int32_t *wtable;

static word_entry *word_lookup(const char *w, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    size_t slot = h & (whsize - 1);
    while (wtable[slot] >= 0) {
        word_entry *e = &words[wtable[slot]];
        if (strlen(e->word) == len && memcmp(e->word, w, len) == 0)
            return e;
        slot = (slot + 1) & (whsize - 1);
    }
    if (nwords * 2 >= whsize)
        die("too many words");
    if (nwords == words_cap) {
        words_cap = words_cap ? words_cap * 2 : 4096;
        words = xrealloc(words, words_cap * sizeof *words);
    }
    char *copy = xcalloc(len + 1, 1);
    memcpy(copy, w, len);
    words[nwords].word = copy;
    words[nwords].count = 0;
    wtable[slot] = (int32_t)nwords;
    return &words[nwords++];
}

static int cmp_words(const void *a, const void *b)
{
    const word_entry *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->word, y->word);
}

/* Length of NAME without a trailing "-HEX" that spells CP, or its length. */
static size_t strip_hex_suffix(const char *name, uint32_t cp, int *stripped)
{
    char suffix[16];
    snprintf(suffix, sizeof suffix, "-%04X", cp);
    size_t n = strlen(name), k = strlen(suffix);
    *stripped = n > k && strcmp(name + n - k, suffix) == 0;
    return *stripped ? n - k : n;
}

static size_t name_hash_put(uint16_t *slots, uint32_t size, const char *name, uint32_t value)
{
    uint32_t slot = unicode_name_hash(name, strlen(name)) % size;
    size_t probes = 1;
    if (value >= 0xFFFF)
        die("too many names for 16-bit hash slots");
    while (slots[slot] != 0xFFFF) {
        slot = (slot + 1) % size;
        probes++;
    }
    slots[slot] = (uint16_t)value;
    return probes;
}

static int is_prime(uint32_t n)
{
    if (n < 2)
        return 0;
    for (uint32_t d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

static void emit_string_blob(const char *name, const char *s, size_t n)
{
    fprintf(out, "const char %s[%zu] = {", name, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%d,", i % 16 == 0 ? "\n    " : " ", (int)(unsigned char)s[i]);
    if (n == 0)
        fprintf(out, "0");
    fprintf(out, "\n};\n");
}

static size_t build_names(void)
{
    size_t bytes = 0;
    unsigned max_len = 0;
    wtable = xcalloc(whsize, sizeof *wtable);
    for (size_t i = 0; i < whsize; i++)
        wtable[i] = -1;
    /* Pass 1: count words. */
    size_t nnamed = 0;
    for (uint32_t cp = 0; cp < NCP; cp++) {
        if (!names[cp])
            continue;
        nnamed++;
        if (strlen(names[cp]) > max_len)
            max_len = (unsigned)strlen(names[cp]);
        int stripped;
        size_t len = strip_hex_suffix(names[cp], cp, &stripped);
        const char *s = names[cp];
        size_t i = 0;
        while (i < len) {
            size_t j = i;
            while (j < len && s[j] != ' ')
                j++;
            word_lookup(s + i, j - i)->count++;
            i = j + 1;
        }
    }
    qsort(words, nwords, sizeof *words, cmp_words);
    if (nwords > 0xC0 + 63 * 256)
        die("too many distinct words (%zu)", nwords);
    /* Rebuild the word hash after sorting. */
    for (size_t i = 0; i < whsize; i++)
        wtable[i] = -1;
    {
        size_t keep = nwords;
        word_entry *sorted = words;
        words = NULL;
        nwords = words_cap = 0;
        for (size_t i = 0; i < keep; i++) {
            word_entry *e = word_lookup(sorted[i].word, strlen(sorted[i].word));
            e->count = sorted[i].count;
            e->index = (unsigned)i;
        }
        for (size_t i = 0; i < keep; i++)
            free(sorted[i].word);
        free(sorted);
    }
    /* Words blob. */
    char *wblob = NULL;
    size_t wn = 0, wcap = 0;
    uint32_t *woffsets = xcalloc(nwords / 16 + 1, sizeof *woffsets);
    for (size_t i = 0; i < nwords; i++) {
        size_t len = strlen(words[i].word);
        if (len > 255)
            die("word too long");
        if (i % 16 == 0)
            woffsets[i / 16] = (uint32_t)wn;
        if (wn + len + 1 > wcap) {
            wcap = wcap ? wcap * 2 : 65536;
            wblob = xrealloc(wblob, wcap);
        }
        wblob[wn++] = (char)len;
        memcpy(wblob + wn, words[i].word, len);
        wn += len;
    }
    emit_string_blob("unicode_words", wblob, wn);
    emit_u32_array("uint32_t", "unicode_word_offsets", woffsets, nwords / 16 + 1, 0);
    bytes += wn + (nwords / 16 + 1) * 4;
    free(wblob);
    free(woffsets);

    /* Name records. */
    uint32_t *noffsets = xcalloc(nnamed / 16 + 1, sizeof *noffsets);
    uint8_t *ndata = xcalloc(nnamed * 40 + 16, 1);
    size_t nn = 0, ordinal = 0;
    for (uint32_t cp = 0; cp < NCP; cp++) {
        if (!names[cp])
            continue;
        if (ordinal % 16 == 0)
            noffsets[ordinal / 16] = (uint32_t)nn;
        ordinal++;
        int stripped;
        size_t len = strip_hex_suffix(names[cp], cp, &stripped);
        const char *s = names[cp];
        size_t head = nn++;
        size_t i = 0;
        while (i < len) {
            size_t j = i;
            while (j < len && s[j] != ' ')
                j++;
            unsigned idx = word_lookup(s + i, j - i)->index;
            if (idx < 0xC0) {
                ndata[nn++] = (uint8_t)idx;
            } else {
                idx -= 0xC0;
                ndata[nn++] = (uint8_t)(0xC0 + idx / 256);
                ndata[nn++] = (uint8_t)(idx % 256);
            }
            i = j + 1;
        }
        if (nn - head - 1 > 127)
            die("name too long: %s", s);
        ndata[head] = (uint8_t)((nn - head - 1) | (stripped ? 0x80 : 0));
    }
    fprintf(out, "const uint8_t unicode_name_data[%zu] = {", nn);
    for (size_t i = 0; i < nn; i++)
        fprintf(out, "%s%u,", i % 16 == 0 ? "\n    " : " ", ndata[i]);
    fprintf(out, "\n};\n");
    emit_u32_array("uint32_t", "unicode_name_offsets", noffsets, nnamed / 16 + 1, 0);
    bytes += nn + (nnamed / 16 + 1) * 4;
    free(ndata);
    free(noffsets);

    /* Rank bitmap: 256-bit blocks, deduplicated, with a rank base each. */
    size_t nchunks = NCP / 256;
    uint32_t *bits32 = xcalloc(NCP / 32, sizeof *bits32);
    for (uint32_t cp = 0; cp < NCP; cp++)
        if (names[cp])
            bits32[cp / 32] |= 1u << (cp % 32);
    uint32_t *chunk_ids = xcalloc(nchunks, sizeof *chunk_ids);
    size_t nunique;
    uint32_t *unique = dedup_blocks(bits32, NCP / 32, 8, chunk_ids, &nunique);
    uint32_t *base = xcalloc(nchunks, sizeof *base);
    uint32_t running = 0;
    for (size_t c = 0; c < nchunks; c++) {
        base[c] = running;
        for (int k = 0; k < 8; k++)
            running += (uint32_t)__builtin_popcount(bits32[c * 8 + k]);
    }
    emit_u32_array(int_type(max_of(chunk_ids, nchunks)), "name_chunk", chunk_ids, nchunks, 1);
    emit_u32_array(int_type(max_of(base, nchunks)), "name_base", base, nchunks, 1);
    fprintf(out, "static const uint64_t name_bits[%zu] = {", nunique / 2);
    for (size_t i = 0; i < nunique / 2; i++)
        fprintf(out, "%s0x%llX,", i % 6 == 0 ? "\n    " : " ",
                (unsigned long long)unique[2 * i] | (unsigned long long)unique[2 * i + 1] << 32);
    fprintf(out, "\n};\n");
    fprintf(out,
            "long unicode_name_rank(uint32_t cp)\n{\n"
            "    const uint64_t *b = name_bits + 4 * (size_t)name_chunk[cp >> 8];\n"
            "    unsigned bit = cp & 255, w = bit >> 6;\n"
            "    uint64_t word = b[w], below = ((uint64_t)1 << (bit & 63)) - 1;\n"
            "    if (!((word >> (bit & 63)) & 1))\n        return -1;\n"
            "    long r = (long)name_base[cp >> 8];\n"
            "    for (unsigned i = 0; i < w; i++)\n"
            "        r += __builtin_popcountll(b[i]);\n"
            "    return r + __builtin_popcountll(word & below);\n}\n\n");
    fprintf(out,
            "uint32_t unicode_name_select(uint32_t ord)\n{\n"
            "    size_t lo = 0, hi = %zu;\n"
            "    while (hi - lo > 1) {\n"
            "        size_t mid = (lo + hi) / 2;\n"
            "        if (name_base[mid] <= ord)\n            lo = mid;\n"
            "        else\n            hi = mid;\n    }\n"
            "    const uint64_t *b = name_bits + 4 * (size_t)name_chunk[lo];\n"
            "    uint32_t k = ord - name_base[lo];\n"
            "    unsigned w = 0;\n"
            "    while (w < 3 && k >= (uint32_t)__builtin_popcountll(b[w]))\n"
            "        k -= (uint32_t)__builtin_popcountll(b[w++]);\n"
            "    uint64_t word = b[w];\n"
            "    while (k-- > 0)\n        word &= word - 1;\n"
            "    return (uint32_t)(lo * 256 + w * 64 + (unsigned)__builtin_ctzll(word));\n}\n\n",
            nchunks);
    bytes += nchunks * (int_size(max_of(chunk_ids, nchunks)) + int_size(max_of(base, nchunks))) +
             nunique * 4;
    free(bits32);
    free(unique);
    free(chunk_ids);
    free(base);

    /* Aliases and named sequences. */
    char buf[1024];
    fields f;
    size_t nalias = 0, nseq = 0;
    uint32_t acps[2048], aoffs[2048], soffs[2048], sstarts[2048], scps[8192];
    char *ablob = xcalloc(65536, 1), *sblob = xcalloc(65536, 1);
    size_t an = 0, sn = 0, nscps = 0;
    char *alias_name[2048], *seq_name[2048];
    FILE *fp = open_ucd("NameAliases.txt");
    while (next_line(fp, buf, sizeof buf, &f)) {
        if (nalias == COUNT(acps) || an + strlen(f.f[1]) + 1 > 65536)
            die("too many aliases");
        acps[nalias] = (uint32_t)strtoul(f.f[0], NULL, 16);
        aoffs[nalias] = (uint32_t)an;
        alias_name[nalias++] = xstrdup(f.f[1]);
        strcpy(ablob + an, f.f[1]);
        an += strlen(f.f[1]) + 1;
        if (strlen(f.f[1]) > max_len)
            max_len = (unsigned)strlen(f.f[1]);
    }
    fclose(fp);
    fp = open_ucd("NamedSequences.txt");
    while (next_line(fp, buf, sizeof buf, &f)) {
        if (nseq == COUNT(soffs) || sn + strlen(f.f[0]) + 1 > 65536)
            die("too many named sequences");
        soffs[nseq] = (uint32_t)sn;
        sstarts[nseq] = (uint32_t)nscps;
        seq_name[nseq++] = xstrdup(f.f[0]);
        strcpy(sblob + sn, f.f[0]);
        sn += strlen(f.f[0]) + 1;
        if (strlen(f.f[0]) > max_len)
            max_len = (unsigned)strlen(f.f[0]);
        if (nscps + 8 > COUNT(scps))
            die("too many sequence code points");
        nscps += (size_t)parse_cps(f.f[1], scps + nscps, 8);
    }
    fclose(fp);
    sstarts[nseq] = (uint32_t)nscps;
    emit_u32_array(int_type(0x10FFFF), "unicode_alias_cps", acps, nalias, 0);
    emit_u32_array("uint32_t", "unicode_alias_offsets", aoffs, nalias, 0);
    emit_string_blob("unicode_alias_names", ablob, an);
    fprintf(out, "const size_t unicode_alias_count = %zu;\n", nalias);
    emit_u32_array("uint32_t", "unicode_sequence_offsets", soffs, nseq, 0);
    emit_string_blob("unicode_sequence_names", sblob, sn);
    emit_u32_array("uint16_t", "unicode_sequence_starts", sstarts, nseq + 1, 0);
    emit_u32_array("uint32_t", "unicode_sequence_cps", scps, nscps, 0);
    fprintf(out, "const size_t unicode_sequence_count = %zu;\n\n", nseq);
    bytes += nalias * 8 + an + nseq * 4 + sn + (nseq + 1) * 2 + nscps * 4;

    /* Name hash. */
    size_t items = nnamed + nalias + nseq;
    uint32_t size = (uint32_t)(items * 4 / 3);
    while (!is_prime(size))
        size++;
    uint16_t *slots = xcalloc(size, sizeof *slots);
    memset(slots, 0xFF, (size_t)size * sizeof *slots);
    size_t probes = 0;
    uint32_t ord = 0;
    for (uint32_t cp = 0; cp < NCP; cp++)
        if (names[cp])
            probes += name_hash_put(slots, size, names[cp], ord++);
    for (size_t i = 0; i < nalias; i++)
        probes += name_hash_put(slots, size, alias_name[i], (uint32_t)(nnamed + i));
    for (size_t i = 0; i < nseq; i++)
        probes += name_hash_put(slots, size, seq_name[i], (uint32_t)(nnamed + nalias + i));
    fprintf(out, "/* name hash: %zu items in %u slots, %.2f probes on average */\n", items, size,
            (double)probes / (double)items);
    fprintf(out, "const uint16_t unicode_name_hash_slots[%u] = {", size);
    for (size_t i = 0; i < size; i++)
        fprintf(out, "%s%u,", i % 12 == 0 ? "\n    " : " ", slots[i]);
    fprintf(out, "\n};\nconst uint32_t unicode_name_hash_size = %u;\n", size);
    fprintf(out, "const uint32_t unicode_name_count = %zu;\n\n", nnamed);
    bytes += (size_t)size * 2;
    free(slots);

    /* CJK unified ideograph ranges. */
    uint32_t ranges[64][2];
    size_t nranges = 0;
    for (uint32_t cp = 0; cp < NCP; cp++) {
        if (!in_cjk_range[cp])
            continue;
        if (nranges > 0 && ranges[nranges - 1][1] == cp - 1) {
            ranges[nranges - 1][1] = cp;
        } else {
            if (nranges == 64)
                die("too many CJK ranges");
            ranges[nranges][0] = ranges[nranges][1] = cp;
            nranges++;
        }
    }
    fprintf(out, "const uint32_t unicode_cjk_ranges[%zu][2] = {\n", nranges);
    for (size_t i = 0; i < nranges; i++)
        fprintf(out, "    {0x%X, 0x%X},\n", ranges[i][0], ranges[i][1]);
    fprintf(out, "};\nconst size_t unicode_cjk_range_count = %zu;\n", nranges);
    bytes += nranges * 8;
    if (max_len < 40)
        max_len = 40; /* room for the algorithmic names */
    fprintf(out, "const unsigned unicode_max_name_length = %u;\n\n", max_len);
    fprintf(out, "/* names: %zu named code points, %zu words, %zu aliases, %zu sequences */\n\n",
            nnamed, nwords, nalias, nseq);
    return bytes;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        die("usage: ucd_gen UCD_DIR OUT.c");
    ucd_dir = argv[1];
    for (uint32_t cp = 0; cp < NCP; cp++) {
        decimal_v[cp] = digit_v[cp] = -1;
        simple_lower[cp] = simple_upper[cp] = simple_title[cp] = cp;
    }
    read_unicode_data();
    static const struct {
        const char *file, *property, *qc;
        uint32_t flag;
    } properties[] = {
        {"DerivedCoreProperties.txt", "Lowercase", NULL, UNICODE_LOWER},
        {"DerivedCoreProperties.txt", "Uppercase", NULL, UNICODE_UPPER},
        {"DerivedCoreProperties.txt", "Cased", NULL, UNICODE_CASED},
        {"DerivedCoreProperties.txt", "Case_Ignorable", NULL, UNICODE_CASE_IGNORABLE},
        {"DerivedCoreProperties.txt", "XID_Start", NULL, UNICODE_XID_START},
        {"DerivedCoreProperties.txt", "XID_Continue", NULL, UNICODE_XID_CONTINUE},
        {"DerivedNormalizationProps.txt", "Full_Composition_Exclusion", NULL, UNICODE_COMP_EXCLUSION},
        {"DerivedNormalizationProps.txt", "NFD_QC", "N", UNICODE_NFD_NO},
        {"DerivedNormalizationProps.txt", "NFKD_QC", "N", UNICODE_NFKD_NO},
        {"DerivedNormalizationProps.txt", "NFC_QC", "N", UNICODE_NFC_NO},
        {"DerivedNormalizationProps.txt", "NFC_QC", "M", UNICODE_NFC_MAYBE},
        {"DerivedNormalizationProps.txt", "NFKC_QC", "N", UNICODE_NFKC_NO},
        {"DerivedNormalizationProps.txt", "NFKC_QC", "M", UNICODE_NFKC_MAYBE},
    };
    for (size_t i = 0; i < COUNT(properties); i++)
        read_property(properties[i].file, properties[i].property, properties[i].qc, properties[i].flag);
    read_east_asian_width();
    read_numeric();
    read_casing();

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    out = fopen(tmp, "w");
    if (out == NULL)
        die("cannot write %s", tmp);
    fprintf(out,
            "/* unicode_tables.c -- GENERATED by src/unicode/gen/ucd_gen.c from the UCD\n"
            " * files in %s (Debian's unicode-data). Do not edit.\n"
            " * Owns: the tables declared in src/unicode/unicode_tables.h. */\n"
            "#include \"unicode/unicode_tables.h\"\n\n",
            ucd_dir);
    total_bytes += build_records();
    total_bytes += build_decompositions();
    total_bytes += build_names();
    fprintf(out, "const size_t unicode_tables_size = %zu;\n", total_bytes);
    if (fclose(out) != 0)
        die("cannot write %s", tmp);
    if (rename(tmp, argv[2]) != 0)
        die("cannot rename %s", tmp);
    return 0;
}
