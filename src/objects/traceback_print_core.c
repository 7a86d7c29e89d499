/* traceback_print_core.c: the object-free part of exception printing. It
 * lays out one frame of a traceback (file/line/name, the dedented source,
 * the ~~~^^^ caret lines), a stack with its recursion cut-off, and a
 * SyntaxError's lines, by the rules of CPython 3.14's traceback.py (which
 * works on str: so does this file, on arrays of code points, so that
 * character counts, str.splitlines/strip/isspace and textwrap's dedent and
 * indent behave as they do there). Anchors and the "show carets?" test
 * parse code with the parser (the AST's columns are UTF-8 byte offsets, as
 * Python's ast module gives them). */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "objects/traceback_print.h"
#include "parser/parser.h"
#include "unicode/unicode_db.h"

/* ---- output buffer ---- */

void AdTbBuf_Init(AdTbBuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void AdTbBuf_Free(AdTbBuf *b)
{
    free(b->data);
    AdTbBuf_Init(b);
}

int AdTbBuf_Append(AdTbBuf *b, const char *s, size_t n)
{
    if (b->failed)
        return -1;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (d == NULL) {
            b->failed = 1;
            return -1;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int AdTbBuf_Puts(AdTbBuf *b, const char *s)
{
    return AdTbBuf_Append(b, s, strlen(s));
}

/* ---- a pool of allocations freed together; out of memory jumps out ---- */

typedef struct {
    void **ptrs;
    size_t n, cap;
    jmp_buf oom;
} Pool;

static void *pool_alloc(Pool *p, size_t size)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        void **v = realloc(p->ptrs, cap * sizeof *v);
        if (v == NULL)
            longjmp(p->oom, 1);
        p->ptrs = v;
        p->cap = cap;
    }
    void *m = malloc(size ? size : 1);
    if (m == NULL)
        longjmp(p->oom, 1);
    p->ptrs[p->n++] = m;
    return m;
}

static void pool_free(Pool *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->ptrs[i]);
    free(p->ptrs);
    p->ptrs = NULL;
    p->n = p->cap = 0;
}

/* ---- strings of code points (views or pool-owned) ---- */

typedef struct {
    const uint32_t *c;
    size_t n;
} U;

typedef struct {
    U *v;
    size_t n, cap;
} UList;

typedef struct {
    uint32_t *c;
    size_t n, cap;
} UBuf;

static void ubuf_put(Pool *p, UBuf *b, uint32_t ch)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        uint32_t *c = pool_alloc(p, cap * sizeof *c);
        if (b->n)
            memcpy(c, b->c, b->n * sizeof *c);
        b->c = c;
        b->cap = cap;
    }
    b->c[b->n++] = ch;
}

static void ubuf_puts(Pool *p, UBuf *b, U s)
{
    for (size_t i = 0; i < s.n; i++)
        ubuf_put(p, b, s.c[i]);
}

static void ubuf_ascii(Pool *p, UBuf *b, const char *s)
{
    while (*s)
        ubuf_put(p, b, (unsigned char)*s++);
}

static U ubuf_u(const UBuf *b)
{
    U u = {b->c, b->n};
    return u;
}

static void ulist_add(Pool *p, UList *l, U s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        U *v = pool_alloc(p, cap * sizeof *v);
        if (l->n)
            memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
}

/* Lenient UTF-8 decoding (invalid bytes become U+FFFD). */
static U u_decode(Pool *p, const char *s, size_t len)
{
    uint32_t *c = pool_alloc(p, (len + 1) * sizeof *c);
    size_t n = 0, i = 0;
    const unsigned char *b = (const unsigned char *)s;
    while (i < len) {
        uint32_t ch = b[i];
        int k = ch < 0x80 ? 0 : ch >= 0xF0 && ch < 0xF8 ? 3 : ch >= 0xE0 ? 2 : ch >= 0xC2 ? 1 : -1;
        if (k < 0 || i + (size_t)k >= len + (k ? 0 : 1)) {
            if (k > 0 && i + (size_t)k >= len) {
                c[n++] = 0xFFFD;
                break;
            }
            if (k < 0) {
                c[n++] = 0xFFFD;
                i++;
                continue;
            }
        }
        if (k == 0) {
            c[n++] = ch;
            i++;
            continue;
        }
        ch &= (0x3Fu >> k);
        int ok = 1;
        for (int j = 1; j <= k; j++) {
            if ((b[i + j] & 0xC0) != 0x80) {
                ok = 0;
                break;
            }
            ch = (ch << 6) | (b[i + j] & 0x3F);
        }
        if (!ok) {
            c[n++] = 0xFFFD;
            i++;
            continue;
        }
        c[n++] = ch;
        i += (size_t)k + 1;
    }
    U u = {c, n};
    return u;
}

static int utf8_len(uint32_t ch)
{
    return ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch < 0x10000 ? 3 : 4;
}

static size_t utf8_put(char *d, uint32_t ch)
{
    if (ch < 0x80) {
        d[0] = (char)ch;
        return 1;
    }
    if (ch < 0x800) {
        d[0] = (char)(0xC0 | (ch >> 6));
        d[1] = (char)(0x80 | (ch & 0x3F));
        return 2;
    }
    if (ch < 0x10000) {
        d[0] = (char)(0xE0 | (ch >> 12));
        d[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
        d[2] = (char)(0x80 | (ch & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (ch >> 18));
    d[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((ch >> 6) & 0x3F));
    d[3] = (char)(0x80 | (ch & 0x3F));
    return 4;
}

/* UTF-8 of S, NUL-terminated, in the pool; *LEN gets its length. */
static char *u_encode(Pool *p, U s, size_t *len)
{
    size_t total = 0;
    for (size_t i = 0; i < s.n; i++)
        total += (size_t)utf8_len(s.c[i]);
    char *d = pool_alloc(p, total + 1);
    size_t k = 0;
    for (size_t i = 0; i < s.n; i++)
        k += utf8_put(d + k, s.c[i]);
    d[k] = 0;
    if (len)
        *len = k;
    return d;
}

static void buf_u(AdTbBuf *out, U s)
{
    char tmp[256];
    size_t k = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (k + 4 > sizeof tmp) {
            AdTbBuf_Append(out, tmp, k);
            k = 0;
        }
        k += utf8_put(tmp + k, s.c[i]);
    }
    AdTbBuf_Append(out, tmp, k);
}

static int u_isspace_ch(uint32_t ch)
{
    if (ch < 0x80)
        return ch == ' ' || (ch >= 0x09 && ch <= 0x0D) || (ch >= 0x1C && ch <= 0x1F);
    return AdUnicode_IsSpace(ch);
}

/* str.isspace(): non-empty and all white space. */
static int u_isspace(U s)
{
    if (s.n == 0)
        return 0;
    for (size_t i = 0; i < s.n; i++)
        if (!u_isspace_ch(s.c[i]))
            return 0;
    return 1;
}

static int u_isascii(U s)
{
    for (size_t i = 0; i < s.n; i++)
        if (s.c[i] >= 0x80)
            return 0;
    return 1;
}

static U u_lstrip(U s)
{
    while (s.n && u_isspace_ch(s.c[0]))
        s.c++, s.n--;
    return s;
}

static U u_rstrip(U s)
{
    while (s.n && u_isspace_ch(s.c[s.n - 1]))
        s.n--;
    return s;
}

static U u_strip(U s)
{
    return u_rstrip(u_lstrip(s));
}

/* s[start:stop] with Python's clamping (start, stop >= 0 here). */
static U u_slice(U s, size_t start, size_t stop)
{
    if (stop > s.n)
        stop = s.n;
    if (start > stop)
        start = stop;
    U r = {s.c + start, stop - start};
    return r;
}

static int is_linebreak(uint32_t ch)
{
    return ch == '\n' || ch == '\r' || ch == 0x0B || ch == 0x0C || ch == 0x1C || ch == 0x1D ||
           ch == 0x1E || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
}

/* str.splitlines(keepends) as views into S. */
static UList u_splitlines(Pool *p, U s, int keepends)
{
    UList l = {0};
    size_t i = 0;
    while (i < s.n) {
        size_t start = i;
        while (i < s.n && !is_linebreak(s.c[i]))
            i++;
        size_t eol = i;
        if (i < s.n) {
            if (s.c[i] == '\r' && i + 1 < s.n && s.c[i + 1] == '\n')
                i += 2;
            else
                i++;
        }
        U line = {s.c + start, (keepends ? i : eol) - start};
        ulist_add(p, &l, line);
    }
    return l;
}

/* str.split('\n') as views. */
static UList u_split_nl(Pool *p, U s)
{
    UList l = {0};
    size_t start = 0;
    for (size_t i = 0; i <= s.n; i++) {
        if (i == s.n || s.c[i] == '\n') {
            U line = {s.c + start, i - start};
            ulist_add(p, &l, line);
            start = i + 1;
        }
    }
    return l;
}

static U u_join(Pool *p, UList l, uint32_t sep)
{
    UBuf b = {0};
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            ubuf_put(p, &b, sep);
        ubuf_puts(p, &b, l.v[i]);
    }
    return ubuf_u(&b);
}

static int u_cmp(U a, U b)
{
    size_t n = a.n < b.n ? a.n : b.n;
    for (size_t i = 0; i < n; i++)
        if (a.c[i] != b.c[i])
            return a.c[i] < b.c[i] ? -1 : 1;
    return a.n < b.n ? -1 : a.n > b.n;
}

/* textwrap.dedent (3.14). */
static U u_dedent(Pool *p, U text)
{
    UList lines = u_split_nl(p, text);
    int have = 0;
    U l1 = {0}, l2 = {0};
    for (size_t i = 0; i < lines.n; i++) {
        U l = lines.v[i];
        if (l.n == 0 || u_isspace(l))
            continue;
        if (!have || u_cmp(l, l1) < 0)
            l1 = l;
        if (!have || u_cmp(l, l2) > 0)
            l2 = l;
        have = 1;
    }
    size_t margin = 0;
    for (size_t i = 0; i < l1.n; i++) {
        margin = i;
        uint32_t c = l1.c[i];
        if (i >= l2.n || c != l2.c[i] || (c != ' ' && c != '\t'))
            break;
    }
    UBuf b = {0};
    for (size_t i = 0; i < lines.n; i++) {
        if (i)
            ubuf_put(p, &b, '\n');
        U l = lines.v[i];
        if (!u_isspace(l))
            ubuf_puts(p, &b, u_slice(l, margin, l.n));
    }
    return ubuf_u(&b);
}

/* textwrap.indent(text, prefix) with the default predicate (all = 0: lines
 * that are not white space only) or lambda line: True (all = 1). */
static void indent_to(Pool *p, AdTbBuf *out, U text, const char *prefix, int all)
{
    UList pieces = u_splitlines(p, text, 1);
    for (size_t i = 0; i < pieces.n; i++) {
        if (all || !u_isspace(pieces.v[i]))
            AdTbBuf_Puts(out, prefix);
        buf_u(out, pieces.v[i]);
    }
}

int AdTraceback_IndentAll(AdTbBuf *out, const char *text, size_t len, const char *prefix)
{
    Pool pool = {0};
    if (setjmp(pool.oom)) {
        pool_free(&pool);
        out->failed = 1;
        return -1;
    }
    indent_to(&pool, out, u_decode(&pool, text, len), prefix, 1);
    pool_free(&pool);
    return out->failed ? -1 : 0;
}

/* _byte_offset_to_character_offset: the characters in the first OFFSET
 * bytes of LINE's UTF-8 (a cut character counts as one U+FFFD). */
static long byte_to_char(U line, long offset)
{
    long total = 0;
    for (size_t i = 0; i < line.n; i++)
        total += utf8_len(line.c[i]);
    if (offset < 0)
        offset += total;
    if (offset <= 0)
        return 0;
    long bytes = 0, count = 0;
    for (size_t i = 0; i < line.n; i++) {
        if (bytes >= offset)
            break;
        bytes += utf8_len(line.c[i]);
        count++;
    }
    return count;
}

/* _display_width(line, offset): wide (W, F) characters count twice; an
 * ASCII line gives OFFSET unchanged. OFFSET < 0: the whole line. */
static long display_width(U line, long offset)
{
    if (offset < 0)
        offset = (long)line.n;
    if (u_isascii(line))
        return offset;
    long w = 0;
    for (size_t i = 0; i < line.n && (long)i < offset; i++) {
        AdUnicodeEastAsianWidth ea = AdUnicode_EastAsianWidth(line.c[i]);
        w += (ea == AD_UEAW_W || ea == AD_UEAW_F) ? 2 : 1;
    }
    return w;
}

/* ---- parsing (ast.parse of a str) ---- */

typedef struct {
    AdArena *arena;
    AdMod *mod;
} Parsed;

static int parse_str(Pool *p, U src, Parsed *out)
{
    size_t len;
    char *utf8 = u_encode(p, src, &len);
    AdParseError err;
    memset(&err, 0, sizeof err);
    out->arena = AdArena_New();
    if (out->arena == NULL)
        longjmp(p->oom, 1);
    out->mod = AdParser_ParseString(utf8, len, "<unknown>", AD_PARSE_EXEC, AD_PARSEF_STR_INPUT,
                                    out->arena, &err);
    int memory = err.kind == AD_PERR_MEMORY;
    AdParseError_Clear(&err);
    if (out->mod == NULL) {
        AdArena_Free(out->arena);
        out->arena = NULL;
        if (memory)
            longjmp(p->oom, 1);
        return -1;
    }
    return 0;
}

/* ---- anchors (_extract_caret_anchors_from_line_segment) ---- */

typedef struct {
    long left_lineno, left_off, right_lineno, right_off;
} Anchors;

typedef struct {
    UList lines;
    int bad;          /* an exception in traceback.py: no anchors */
} Seg;

static long seg_normalize(Seg *s, long lineno, long offset)
{
    if (lineno < 0 || (size_t)lineno >= s->lines.n) {
        s->bad = 1;
        return 0;
    }
    return byte_to_char(s->lines.v[lineno], offset);
}

static void seg_next_valid(Seg *s, long *lineno, long *col)
{
    while (*lineno >= 0 && (size_t)*lineno < s->lines.n && (size_t)*col >= s->lines.v[*lineno].n) {
        *col = 0;
        (*lineno)++;
    }
    if (*lineno < 0 || (size_t)*lineno >= s->lines.n || (size_t)*col >= s->lines.v[*lineno].n)
        s->bad = 1;
}

enum { STOP_OPERATOR, STOP_LBRACKET, STOP_LPAREN };

static void seg_increment_until(Seg *s, long *lineno, long *col, int stop)
{
    while (!s->bad) {
        uint32_t ch = s->lines.v[*lineno].c[*col];
        if (ch == '\\' || ch == '#') {
            *col = 0;
            (*lineno)++;
            seg_next_valid(s, lineno, col);
            continue;
        }
        int stops = stop == STOP_OPERATOR ? (!u_isspace_ch(ch) && ch != ')')
                    : stop == STOP_LBRACKET ? ch == '['
                                            : ch == '(';
        if (stops)
            break;
        (*col)++;
        seg_next_valid(s, lineno, col);
    }
}

static void seg_setup(Seg *s, const AdExpr *e, int force_valid, long *lineno, long *col)
{
    *lineno = e->end_lineno - 2;
    *col = seg_normalize(s, *lineno, e->end_col_offset);
    if (!s->bad && force_valid)
        seg_next_valid(s, lineno, col);
}

static int extract_anchors(Pool *p, U segment, Anchors *a)
{
    UBuf src = {0};
    ubuf_ascii(p, &src, "(\n");
    ubuf_puts(p, &src, segment);
    ubuf_ascii(p, &src, "\n)");
    Parsed parsed;
    if (parse_str(p, ubuf_u(&src), &parsed) < 0)
        return 0;
    int found = 0;
    AdAstSeq *body = parsed.mod->v.Module.body;
    if (AdAstSeq_LEN(body) != 1)
        goto done;
    const AdStmt *st = AdAstSeq_GET(body, 0);
    if (st->kind != AD_Expr_kind)
        goto done;
    const AdExpr *e = st->v.Expr.value;
    Seg s;
    s.lines = u_splitlines(p, segment, 0);
    s.bad = 0;
    if (e->kind == AD_BinOp_kind) {
        long lineno, col;
        seg_setup(&s, e->v.BinOp.left, 1, &lineno, &col);
        if (!s.bad)
            seg_increment_until(&s, &lineno, &col, STOP_OPERATOR);
        if (s.bad)
            goto done;
        long right_col = col + 1;
        U line = s.lines.v[lineno];
        if ((size_t)right_col < line.n) {
            const AdExpr *r = e->v.BinOp.right;
            int before_right = r->lineno - 2 > lineno;
            if (!before_right) {
                long rc = seg_normalize(&s, r->lineno - 2, r->col_offset);
                if (s.bad)
                    goto done;
                before_right = right_col < rc;
            }
            uint32_t ch = line.c[right_col];
            if (before_right && !u_isspace_ch(ch) && ch != '\\' && ch != '#')
                right_col++;
        }
        a->left_lineno = a->right_lineno = lineno;
        a->left_off = col;
        a->right_off = right_col;
        found = 1;
    } else if (e->kind == AD_Subscript_kind || e->kind == AD_Call_kind) {
        const AdExpr *inner = e->kind == AD_Subscript_kind ? e->v.Subscript.value : e->v.Call.func;
        long ll, lc, rl, rc;
        seg_setup(&s, inner, 1, &ll, &lc);
        if (!s.bad)
            seg_increment_until(&s, &ll, &lc, e->kind == AD_Subscript_kind ? STOP_LBRACKET : STOP_LPAREN);
        if (!s.bad)
            seg_setup(&s, e, 0, &rl, &rc);
        if (s.bad)
            goto done;
        a->left_lineno = ll;
        a->left_off = lc;
        a->right_lineno = rl;
        a->right_off = rc;
        found = 1;
    }
done:
    AdArena_Free(parsed.arena);
    return found;
}

/* StackSummary._should_show_carets */
static int should_show_carets(Pool *p, long start_offset, long end_offset, UList all_lines,
                              int have_anchors)
{
    Parsed parsed;
    if (parse_str(p, u_join(p, all_lines, '\n'), &parsed) == 0) {
        AdAstSeq *body = parsed.mod->v.Module.body;
        int hide = -1;
        if (AdAstSeq_LEN(body) == 0) {
            hide = 1;
        } else {
            const AdStmt *st = AdAstSeq_GET(body, 0);
            const AdExpr *value = NULL;
            if (st->kind == AD_Return_kind && st->v.Return.value &&
                st->v.Return.value->kind == AD_Call_kind &&
                st->v.Return.value->v.Call.func->kind == AD_Name_kind)
                value = st->v.Return.value;
            else if (st->kind == AD_Assign_kind && st->v.Assign.value->kind == AD_Call_kind &&
                     AdAstSeq_LEN(st->v.Assign.targets) == 1 &&
                     ((const AdExpr *)AdAstSeq_GET(st->v.Assign.targets, 0))->kind == AD_Name_kind)
                value = st->v.Assign.value;
            if (value && value->lineno == 1 && (size_t)value->end_lineno == all_lines.n &&
                value->col_offset == start_offset && value->end_col_offset == end_offset)
                hide = 1;
        }
        AdArena_Free(parsed.arena);
        if (hide == 1)
            return 0;
    }
    if (have_anchors)
        return 1;
    U first = all_lines.v[0], last = all_lines.v[all_lines.n - 1];
    if (u_lstrip(u_slice(first, 0, (size_t)start_offset)).n)
        return 1;
    if (u_rstrip(u_slice(last, (size_t)end_offset, last.n)).n)
        return 1;
    return 0;
}

/* ---- one frame ---- */

static void put_int_or_none(AdTbBuf *out, int v)
{
    char tmp[32];
    if (v == AD_TB_NONE)
        AdTbBuf_Puts(out, "None");
    else {
        snprintf(tmp, sizeof tmp, "%d", v);
        AdTbBuf_Puts(out, tmp);
    }
}

static int has_prefix(const char *s, const char *pre)
{
    return strncmp(s, pre, strlen(pre)) == 0;
}

/* The source line LINE (with its newline) and its carets, coloured as
 * 3.14 colours them: the characters and carets are paired position by
 * position (the line's own characters against the carets' display
 * columns, missing ones counting as empty), and each run with the same
 * caret gets error_highlight ('^'), error_range ('~') or nothing. */
static void colorize_carets(Pool *p, UBuf *res, U line, const uint32_t *carets, size_t ncarets)
{
    size_t nchars = line.n + 1;
    size_t total = nchars > ncarets ? nchars : ncarets;
    UBuf text = {0}, marks = {0};
    size_t i = 0;
    while (i < total) {
        uint32_t key = i < ncarets ? carets[i] : 0;
        size_t j = i;
        while (j < total && (j < ncarets ? carets[j] : 0) == key)
            j++;
        const char *color = key == '^' ? AD_TB_COLOR_HIGHLIGHT : key == '~' ? AD_TB_COLOR_RANGE : NULL;
        if (color) {
            ubuf_ascii(p, &text, color);
            ubuf_ascii(p, &marks, color);
        }
        for (size_t k = i; k < j; k++) {
            if (k < line.n)
                ubuf_put(p, &text, line.c[k]);
            else if (k == line.n)
                ubuf_put(p, &text, '\n');
            if (k < ncarets)
                ubuf_put(p, &marks, carets[k]);
        }
        if (color) {
            ubuf_ascii(p, &text, AD_TB_COLOR_RESET);
            ubuf_ascii(p, &marks, AD_TB_COLOR_RESET);
        }
        i = j;
    }
    ubuf_puts(p, res, ubuf_u(&text));
    ubuf_puts(p, res, ubuf_u(&marks));
    ubuf_put(p, res, '\n');
}

/* The caret part for frames with column information. Returns 0, or -1
 * when traceback.py would fail on the positions (then the frame shows the
 * plain source line). */
static int format_carets(Pool *p, const AdTbFrameSummary *fs, U orig, U dedented, UBuf *res)
{
    long lineno = fs->lineno, end_lineno = fs->end_lineno == AD_TB_NONE ? fs->lineno : fs->end_lineno;
    UList orig_lines = u_splitlines(p, orig, 0);
    if (orig_lines.n == 0)
        return -1;
    U first_line = orig_lines.v[0];
    long li = end_lineno - lineno;
    if (li < 0)
        li += (long)orig_lines.n;
    if (li < 0 || (size_t)li >= orig_lines.n)
        return -1;
    U last_line = orig_lines.v[li];
    long start_offset = byte_to_char(first_line, fs->colno);
    long end_offset = byte_to_char(last_line, fs->end_colno);

    UList all = u_splitlines(p, dedented, 0);
    long stop = end_lineno - lineno + 1;
    if (stop < 0)
        stop += (long)all.n;
    if (stop < 0)
        stop = 0;
    if ((size_t)stop < all.n)
        all.n = (size_t)stop;
    if (all.n == 0)
        return -1;
    long dedent_chars = (long)first_line.n - (long)all.v[0].n;
    start_offset = start_offset - dedent_chars > 0 ? start_offset - dedent_chars : 0;
    end_offset = end_offset - dedent_chars > 0 ? end_offset - dedent_chars : 0;
    U last = all.v[all.n - 1];
    long dp_start = display_width(all.v[0], start_offset);
    long dp_end = display_width(last, end_offset);

    U joined = u_join(p, all, '\n');
    long seg_stop = (long)joined.n - ((long)last.n - end_offset);
    U segment = u_slice(joined, (size_t)start_offset, seg_stop < 0 ? 0 : (size_t)seg_stop);

    Anchors an;
    int have_anchors = extract_anchors(p, segment, &an);
    int show = should_show_carets(p, start_offset, end_offset, all, have_anchors);

    /* significant lines: first, last, and around the anchors */
    size_t nl = all.n;
    char *sig = pool_alloc(p, nl);
    memset(sig, 0, nl);
    sig[0] = sig[nl - 1] = 1;
    long left_off = 0, right_off = 0;
    if (have_anchors) {
        left_off = an.left_off;
        right_off = an.right_off;
        if (an.left_lineno == 0)
            left_off += start_offset;
        if (an.right_lineno == 0)
            right_off += start_offset;
        if ((size_t)an.left_lineno >= nl || (size_t)an.right_lineno >= nl)
            return -1;
        left_off = display_width(all.v[an.left_lineno], left_off);
        right_off = display_width(all.v[an.right_lineno], right_off);
        for (long k = an.left_lineno - 1; k <= an.left_lineno + 1; k++)
            if (k >= 0 && (size_t)k < nl)
                sig[k] = 1;
        for (long k = an.right_lineno - 1; k <= an.right_lineno + 1; k++)
            if (k >= 0 && (size_t)k < nl)
                sig[k] = 1;
    }
    uint32_t primary = have_anchors ? '~' : '^', secondary = '^';

    long prev = -1;
    for (size_t k = 0; k < nl; k++) {
        if (!sig[k])
            continue;
        long todo[2];
        int ntodo = 0;
        if (prev >= 0) {
            long diff = (long)k - prev;
            if (diff == 2)
                todo[ntodo++] = (long)k - 1;
            else if (diff > 2) {
                char msg[64];
                snprintf(msg, sizeof msg, "...<%ld lines>...\n", diff - 1);
                ubuf_ascii(p, res, msg);
            }
        }
        todo[ntodo++] = (long)k;
        for (int t = 0; t < ntodo; t++) {
            long ln = todo[t];
            U line = all.v[ln];
            if (!show) {
                ubuf_puts(p, res, line);
                ubuf_put(p, res, '\n');
                continue;
            }
            long num_spaces = (long)line.n - (long)u_lstrip(line).n;
            long num_carets = (size_t)ln == nl - 1 ? dp_end : display_width(line, -1);
            if (num_carets < 0)
                num_carets = 0;
            uint32_t *carets = pool_alloc(p, ((size_t)num_carets + 1) * sizeof *carets);
            for (long col = 0; col < num_carets; col++) {
                uint32_t ch;
                if (col < num_spaces || (ln == 0 && col < dp_start))
                    ch = ' ';
                else if (have_anchors &&
                         (ln > an.left_lineno || (ln == an.left_lineno && col >= left_off)) &&
                         (ln < an.right_lineno || (ln == an.right_lineno && col < right_off)))
                    ch = secondary;
                else
                    ch = primary;
                carets[col] = ch;
            }
            if (fs->colorize)
                colorize_carets(p, res, line, carets, (size_t)num_carets);
            else {
                ubuf_puts(p, res, line);
                ubuf_put(p, res, '\n');
                for (long col = 0; col < num_carets; col++)
                    ubuf_put(p, res, carets[col]);
                ubuf_put(p, res, '\n');
            }
        }
        prev = (long)k;
    }
    return 0;
}

static int format_frame(Pool *p, const AdTbFrameSummary *fs, AdTbBuf *out)
{
    const char *filename = fs->filename ? fs->filename : "None";
    size_t flen = strlen(filename);
    if (has_prefix(filename, "<stdin-") && flen && filename[flen - 1] == '>')
        filename = "<stdin>";
    int color = fs->colorize;
    AdTbBuf_Puts(out, "  File ");
    AdTbBuf_Puts(out, color ? AD_TB_COLOR_FILENAME "\"" : "\"");
    AdTbBuf_Puts(out, filename);
    AdTbBuf_Puts(out, color ? "\"" AD_TB_COLOR_RESET ", line " AD_TB_COLOR_LINE_NO : "\", line ");
    put_int_or_none(out, fs->lineno);
    AdTbBuf_Puts(out, color ? AD_TB_COLOR_RESET ", in " AD_TB_COLOR_FRAME : ", in ");
    AdTbBuf_Puts(out, fs->name ? fs->name : "None");
    AdTbBuf_Puts(out, color ? AD_TB_COLOR_RESET "\n" : "\n");
    if (fs->lines == NULL)
        return 0;
    U orig = u_decode(p, fs->lines, strlen(fs->lines));
    U dedented = u_dedent(p, orig);
    if (dedented.n == 0 || u_strip(dedented).n == 0)
        return 0;
    if (fs->colno != AD_TB_NONE && fs->end_colno != AD_TB_NONE && fs->lineno != AD_TB_NONE) {
        UBuf res = {0};
        if (format_carets(p, fs, orig, dedented, &res) == 0) {
            indent_to(p, out, u_dedent(p, ubuf_u(&res)), "    ", 1);
            return 0;
        }
    }
    /* only the first line, stripped */
    U first = orig;
    for (size_t i = 0; i < orig.n; i++)
        if (orig.c[i] == '\n') {
            first.n = i;
            break;
        }
    indent_to(p, out, u_strip(first), "    ", 0);
    AdTbBuf_Puts(out, "\n");
    return 0;
}

int AdTraceback_FormatFrameSummary(const AdTbFrameSummary *fs, AdTbBuf *out)
{
    Pool pool = {0};
    if (setjmp(pool.oom)) {
        pool_free(&pool);
        out->failed = 1;
        return -1;
    }
    format_frame(&pool, fs, out);
    pool_free(&pool);
    return out->failed ? -1 : 0;
}

static int same_str(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

static void repeated(AdTbBuf *out, long count)
{
    char msg[96];
    snprintf(msg, sizeof msg, "  [Previous line repeated %ld more time%s]\n", count,
             count > 1 ? "s" : "");
    AdTbBuf_Puts(out, msg);
}

int AdTraceback_FormatStack(const AdTbFrameSummary *frames, size_t n, AdTbBuf *out)
{
    enum { CUTOFF = 3 };
    const AdTbFrameSummary *last = NULL;
    long count = 0;
    for (size_t i = 0; i < n; i++) {
        const AdTbFrameSummary *f = &frames[i];
        if (last == NULL || !same_str(last->filename, f->filename) || last->lineno != f->lineno ||
            last->lineno == AD_TB_NONE || !same_str(last->name, f->name)) {
            if (count > CUTOFF)
                repeated(out, count - CUTOFF);
            last = f;
            count = 0;
        }
        count++;
        if (count > CUTOFF)
            continue;
        if (AdTraceback_FormatFrameSummary(f, out) < 0)
            return -1;
    }
    if (count > CUTOFF)
        repeated(out, count - CUTOFF);
    return out->failed ? -1 : 0;
}

/* ---- SyntaxError ---- */

static int format_syntax_error(Pool *p, const AdTbSyntaxError *se, AdTbBuf *out)
{
    const char *suffix_name = NULL;
    int color = se->colorize;
    if (se->lineno) {
        AdTbBuf_Puts(out, color ? "  File " AD_TB_COLOR_FILENAME "\"" : "  File \"");
        AdTbBuf_Puts(out, se->filename_falsy || !se->filename ? "<string>" : se->filename);
        AdTbBuf_Puts(out, color ? "\"" AD_TB_COLOR_RESET ", line " AD_TB_COLOR_LINE_NO : "\", line ");
        AdTbBuf_Puts(out, se->lineno);
        AdTbBuf_Puts(out, color ? AD_TB_COLOR_RESET "\n" : "\n");
    } else if (se->filename) {
        suffix_name = se->filename;
    }
    if (se->text) {
        U text = u_decode(p, se->text, strlen(se->text));
        U rtext = text;
        while (rtext.n && rtext.c[rtext.n - 1] == '\n')
            rtext.n--;
        U ltext = rtext;
        while (ltext.n && (ltext.c[0] == ' ' || ltext.c[0] == '\n' || ltext.c[0] == '\f'))
            ltext.c++, ltext.n--;
        long spaces = (long)rtext.n - (long)ltext.n;
        if (se->offset_kind == AD_TB_OFFSET_NONE) {
            AdTbBuf_Puts(out, "    ");
            buf_u(out, ltext);
            AdTbBuf_Puts(out, "\n");
        } else if (se->offset_kind == AD_TB_OFFSET_INT) {
            long offset = se->offset, end_offset;
            if (same_str(se->lineno, se->end_lineno))
                end_offset = se->end_offset_kind == AD_TB_OFFSET_INT && se->end_offset != 0
                                 ? se->end_offset
                                 : offset;
            else
                end_offset = (long)rtext.n + 1;
            if (text.n && offset > (long)text.n)
                offset = (long)rtext.n + 1;
            if (text.n && end_offset > (long)text.n)
                end_offset = (long)rtext.n + 1;
            if (offset >= end_offset || end_offset < 0)
                end_offset = offset + 1;
            long colno = offset - 1 - spaces, end_colno = end_offset - 1 - spaces;
            AdTbBuf_Puts(out, "    ");
            if (color && colno >= 0) {
                /* ltext[:colno] + highlight + ltext[colno:end_colno] + reset + ltext[end_colno:] */
                buf_u(out, u_slice(ltext, 0, (size_t)colno));
                AdTbBuf_Puts(out, AD_TB_COLOR_HIGHLIGHT);
                buf_u(out, u_slice(ltext, (size_t)colno, (size_t)end_colno));
                AdTbBuf_Puts(out, AD_TB_COLOR_RESET);
                buf_u(out, u_slice(ltext, (size_t)end_colno, ltext.n));
            }
            else
                buf_u(out, ltext);
            AdTbBuf_Puts(out, "\n");
            if (colno >= 0) {
                UBuf cs = {0};
                U head = u_slice(ltext, 0, (size_t)colno);
                for (size_t i = 0; i < head.n; i++)
                    ubuf_put(p, &cs, u_isspace_ch(head.c[i]) ? head.c[i] : ' ');
                if (color)
                    ubuf_ascii(p, &cs, AD_TB_COLOR_HIGHLIGHT);
                for (long i = colno; i < end_colno; i++)
                    ubuf_put(p, &cs, '^');
                if (color)
                    ubuf_ascii(p, &cs, AD_TB_COLOR_RESET);
                AdTbBuf_Puts(out, "    ");
                buf_u(out, ubuf_u(&cs));
                AdTbBuf_Puts(out, "\n");
            }
        }
    }
    if (color)
        AdTbBuf_Puts(out, AD_TB_COLOR_TYPE);
    AdTbBuf_Puts(out, se->type_name);
    AdTbBuf_Puts(out, color ? AD_TB_COLOR_RESET ": " AD_TB_COLOR_MESSAGE : ": ");
    AdTbBuf_Puts(out, se->msg ? se->msg : "<no detail available>");
    if (color)
        AdTbBuf_Puts(out, AD_TB_COLOR_RESET);
    if (suffix_name) {
        AdTbBuf_Puts(out, " (");
        AdTbBuf_Puts(out, suffix_name);
        AdTbBuf_Puts(out, ")");
    }
    AdTbBuf_Puts(out, "\n");
    return 0;
}

int AdTraceback_FormatSyntaxError(const AdTbSyntaxError *se, AdTbBuf *out)
{
    Pool pool = {0};
    if (setjmp(pool.oom)) {
        pool_free(&pool);
        out->failed = 1;
        return -1;
    }
    format_syntax_error(&pool, se, out);
    pool_free(&pool);
    return out->failed ? -1 : 0;
}

/* ---- suggestions ---- */

enum { MAX_CANDIDATES = 750, MAX_NAME = 40, MOVE_COST = 2, CASE_COST = 1 };

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Edit distance between A and B (bytes), or more than MAX_COST when it
 * exceeds it. ROW has room for MAX_NAME entries. */
static Ad_ssize_t edit_distance(const char *a, size_t na, const char *b, size_t nb,
                                Ad_ssize_t max_cost, Ad_ssize_t *row)
{
    if (na == nb && memcmp(a, b, na) == 0)
        return 0;
    while (na && nb && *a == *b)
        a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (Ad_ssize_t)(na + nb) * MOVE_COST;
    if (na > MAX_NAME || nb > MAX_NAME)
        return max_cost + 1;
    if (nb < na) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if ((Ad_ssize_t)(nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    for (size_t i = 0; i < na; i++)
        row[i] = (Ad_ssize_t)(i + 1) * MOVE_COST;
    Ad_ssize_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        int bc = (unsigned char)b[bi];
        Ad_ssize_t distance = result = (Ad_ssize_t)bi * MOVE_COST;
        Ad_ssize_t minimum = (Ad_ssize_t)1 << 60;
        for (size_t ai = 0; ai < na; ai++) {
            int ac = (unsigned char)a[ai];
            Ad_ssize_t cost = ac == bc ? 0 : ascii_lower(ac) == ascii_lower(bc) ? CASE_COST : MOVE_COST;
            Ad_ssize_t substitute = distance + cost;
            distance = row[ai];
            Ad_ssize_t insdel = (result < distance ? result : distance) + MOVE_COST;
            result = insdel < substitute ? insdel : substitute;
            row[ai] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

Ad_ssize_t AdTraceback_ComputeSuggestion(const char *const *names, Ad_ssize_t n,
                                         const char *wrong_name)
{
    if (n >= MAX_CANDIDATES)
        return -1;
    size_t wlen = strlen(wrong_name);
    Ad_ssize_t row[MAX_NAME + 1];
    Ad_ssize_t best = -1, best_distance = (Ad_ssize_t)1 << 60;
    for (Ad_ssize_t i = 0; i < n; i++) {
        const char *item = names[i];
        size_t ilen = strlen(item);
        if (ilen == wlen && memcmp(item, wrong_name, wlen) == 0)
            continue;
        Ad_ssize_t max_distance = (Ad_ssize_t)(wlen + ilen + 3) * MOVE_COST / 6;
        if (best_distance - 1 < max_distance)
            max_distance = best_distance - 1;
        Ad_ssize_t d = edit_distance(wrong_name, wlen, item, ilen, max_distance, row);
        if (d > max_distance)
            continue;
        if (best < 0 || d < best_distance) {
            best = i;
            best_distance = d;
        }
    }
    return best;
}
