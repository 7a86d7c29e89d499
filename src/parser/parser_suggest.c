/* parser_suggest.c -- the keyword-typo hint of CPython 3.14's traceback.
 *
 * Owns: AdParseError_SuggestKeyword ("invalid syntax. Did you mean
 * 'while'?").  CPython computes it when it prints an uncaught SyntaxError
 * (traceback.TracebackException._find_keyword_typos); Adder's printer
 * calls this first.  The behaviour reproduced, as documented facts:
 *   - only for the message "invalid syntax" or one containing "Perhaps you
 *     forgot a comma";
 *   - the code tried is the file's lines up to the error line (read as
 *     UTF-8 text; if that fails, the error's text with end line 1),
 *     textwrap.dedent-ed, given up above 1024 characters;
 *   - the NAME tokens of that code (those on the error line when it came
 *     from the file) that are not keywords, at most 10 of them;
 *   - for each, up to 3 candidates: the closest keyword by the weighted
 *     Levenshtein distance of NameError suggestions, then
 *     difflib.get_close_matches(name, keyword.kwlist, n=3, cutoff=0.5);
 *   - a candidate is taken when codeop.compile_command(code, "exec") would
 *     accept the code with the name replaced: it parses, or it is only
 *     incomplete; the compile codeop does outside its warning filter
 *     re-emits the code's SyntaxWarnings as "<input>:N: ..." lines;
 *   - then text is the token's (dedented) line, offset/end_offset its
 *     columns + 1, msg "invalid syntax. Did you mean 'KW'?".
 */
#include "parser/parser_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const kwlist[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
};
#define NKW ((int)(sizeof kwlist / sizeof kwlist[0]))

/* ---------------------------------------------------------------- text */

typedef struct {
    char *p;
    size_t len, cap;
} sbuf;

static int sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *np = realloc(b->p, cap);
        if (np == NULL)
            return -1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return 0;
}

/* Is S[0..N) strict UTF-8 (no surrogates, no overlongs)? */
static int utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = u[i];
        size_t need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= n || u[i + k] < lo || u[i + k] > hi)
                return 0;
            lo = 0x80, hi = 0xBF;
        }
        i += need + 1;
    }
    return 1;
}

/* Code points in S[0..N). */
static int nchars(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

typedef struct {
    const char **s;
    size_t *n;
    int count, cap;
} lines_t;

static int lines_push(lines_t *L, const char *s, size_t n)
{
    if (L->count == L->cap) {
        int cap = L->cap ? L->cap * 2 : 64;
        const char **ns = realloc(L->s, (size_t)cap * sizeof *ns);
        if (ns == NULL)
            return -1;
        L->s = ns;
        size_t *nn = realloc(L->n, (size_t)cap * sizeof *nn);
        if (nn == NULL)
            return -1;
        L->n = nn;
        L->cap = cap;
    }
    L->s[L->count] = s;
    L->n[L->count] = n;
    L->count++;
    return 0;
}

/* str.splitlines() of universal-newline text (so "\n" only, plus the
 * other separators splitlines knows: \v \f \x1c-\x1e U+0085 U+2028 U+2029). */
static int split_lines(const char *s, size_t n, lines_t *L)
{
    size_t start = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t sep = 0;
        if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e))
            sep = 1;
        else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0x85)
            sep = 2;
        else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9))
            sep = 3;
        if (sep) {
            if (lines_push(L, s + start, i - start) < 0)
                return -1;
            i += sep;
            start = i;
        } else {
            i++;
        }
    }
    if (start < n && lines_push(L, s + start, n - start) < 0)
        return -1;
    return 0;
}

static int is_space_line(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\v' && s[i] != '\f')
            return 0;
    return 1;
}

/* textwrap.dedent of LINES[0..N) joined by "\n", into OUT. */
static int dedent(const lines_t *L, int n, sbuf *out)
{
    /* the margin: the common prefix of spaces/tabs of the lexically
     * smallest and largest non-blank lines */
    int lo = -1, hi = -1;
    for (int i = 0; i < n; i++) {
        if (L->n[i] == 0 || is_space_line(L->s[i], L->n[i]))
            continue;
        if (lo < 0) {
            lo = hi = i;
            continue;
        }
        size_t a = L->n[i], b = L->n[lo];
        int c = memcmp(L->s[i], L->s[lo], a < b ? a : b);
        if (c < 0 || (c == 0 && a < b))
            lo = i;
        b = L->n[hi];
        c = memcmp(L->s[i], L->s[hi], a < b ? a : b);
        if (c > 0 || (c == 0 && a > b))
            hi = i;
    }
    size_t margin = 0;
    if (lo >= 0) {
        while (margin < L->n[lo] && margin < L->n[hi] && L->s[lo][margin] == L->s[hi][margin] &&
               (L->s[lo][margin] == ' ' || L->s[lo][margin] == '\t'))
            margin++;
    }
    for (int i = 0; i < n; i++) {
        if (i > 0 && sb_add(out, "\n", 1) < 0)
            return -1;
        if (is_space_line(L->s[i], L->n[i]))
            continue;
        size_t m = margin < L->n[i] ? margin : L->n[i];
        if (sb_add(out, L->s[i] + m, L->n[i] - m) < 0)
            return -1;
    }
    if (out->p == NULL && sb_add(out, "", 0) < 0)
        return -1;
    return 0;
}

/* ---------------------------------------------------------------- matching */

/* The weighted Levenshtein distance of NameError suggestions: moving (insert,
 * delete, substitute) costs 2, a change of case only 1; MAXC + 1 when over
 * MAXC or when a string is longer than 40. */
static long levenshtein(const char *a, size_t na, const char *b, size_t nb, long maxc)
{
    if (na > 40 || nb > 40)
        return maxc + 1;
    long row[41];
    for (size_t j = 0; j <= nb; j++)
        row[j] = (long)j * 2;
    for (size_t i = 1; i <= na; i++) {
        long diag = row[0];
        row[0] = (long)i * 2;
        long best = row[0];
        for (size_t j = 1; j <= nb; j++) {
            char x = a[i - 1], y = b[j - 1];
            long sub = x == y ? 0
                     : ((x | 0x20) == (y | 0x20) && (x | 0x20) >= 'a' && (x | 0x20) <= 'z') ? 1
                     : 2;
            long v = diag + sub;
            if (row[j] + 2 < v)
                v = row[j] + 2;
            if (row[j - 1] + 2 < v)
                v = row[j - 1] + 2;
            diag = row[j];
            row[j] = v;
            if (v < best)
                best = v;
        }
        if (best > maxc)
            return maxc + 1;
    }
    return row[nb] > maxc ? maxc + 1 : row[nb];
}

static const char *closest_keyword(const char *name, size_t n)
{
    const char *best = NULL;
    long best_d = 0;
    for (int k = 0; k < NKW; k++) {
        size_t kn = strlen(kwlist[k]);
        if (kn == n && memcmp(kwlist[k], name, n) == 0)
            continue;
        long maxd = (long)(n + kn + 3) * 2 / 6;
        if (best && best_d - 1 < maxd)
            maxd = best_d - 1;
        long d = levenshtein(name, n, kwlist[k], kn, maxd);
        if (d > maxd)
            continue;
        if (!best || d < best_d) {
            best = kwlist[k];
            best_d = d;
        }
    }
    return best;
}

/* difflib.SequenceMatcher(None, A, B): the total size of the matching
 * blocks (longest match first, earliest in A then in B, then the same on
 * both sides of it).  Strings here are short (B is limited by the caller). */
static int matched(const char *a, int alo, int ahi, const char *b, int blo, int bhi)
{
    if (alo >= ahi || blo >= bhi)
        return 0;
    int bi = alo, bj = blo, bk = 0;
    for (int i = alo; i < ahi; i++)
        for (int j = blo; j < bhi; j++) {
            int k = 0;
            while (i + k < ahi && j + k < bhi && a[i + k] == b[j + k])
                k++;
            if (k > bk) {
                bi = i;
                bj = j;
                bk = k;
            }
        }
    if (bk == 0)
        return 0;
    return bk + matched(a, alo, bi, b, blo, bj) + matched(a, bi + bk, ahi, b, bj + bk, bhi);
}

/* get_close_matches(word, kwlist, n=3, cutoff=0.5): writes up to 3 keywords
 * into OUT, best first (ties: the greater string first). */
static int close_matches(const char *w, size_t n, const char **out)
{
    if (n > 200)  /* difflib's autojunk would apply; no keyword is that close */
        return 0;
    double score[NKW];
    int idx[NKW], m = 0;
    for (int k = 0; k < NKW; k++) {
        size_t kn = strlen(kwlist[k]);
        int M = matched(kwlist[k], 0, (int)kn, w, 0, (int)n);
        double r = 2.0 * M / (double)(kn + n);
        if (r >= 0.5) {
            score[m] = r;
            idx[m++] = k;
        }
    }
    int count = 0;
    while (count < 3 && m > 0) {
        int best = 0;
        for (int i = 1; i < m; i++)
            if (score[i] > score[best] ||
                (score[i] == score[best] && strcmp(kwlist[idx[i]], kwlist[idx[best]]) > 0))
                best = i;
        out[count++] = kwlist[idx[best]];
        score[best] = score[m - 1];
        idx[best] = idx[m - 1];
        m--;
    }
    return count;
}

/* ---------------------------------------------------------------- trying */

typedef struct {
    sbuf text;  /* "<input>:N: SyntaxWarning: msg\n" lines */
} collected;

static int collect_warning(void *ctx, const AdParseWarning *w)
{
    collected *c = ctx;
    char head[64];
    snprintf(head, sizeof head, "<input>:%d: SyntaxWarning: ", w->lineno);
    if (sb_add(&c->text, head, strlen(head)) < 0 || sb_add(&c->text, w->msg, strlen(w->msg)) < 0 ||
        sb_add(&c->text, "\n", 1) < 0)
        return 0;
    return 0;
}

/* Does codeop.compile_command(CODE, symbol="exec") accept CODE?  Prints the
 * warnings of its last compile to WARN_OUT when CPython would show them. */
static int compiles(const char *code, size_t n, FILE *warn_out)
{
    collected c = {{NULL, 0, 0}};
    AdParseError e;
    AdArena *arena = AdArena_New();
    if (arena == NULL)
        return 0;
    AdMod *m = AdParser_ParseStringEx(code, n, "<input>", AD_PARSE_EXEC, AD_PARSEF_STR_INPUT,
                                      arena, &e, collect_warning, &c);
    AdParseError_Clear(&e);
    AdArena_Free(arena);
    /* With PyCF_DONT_IMPLY_DEDENT, code ending in an indented line is
     * incomplete: codeop then accepts it through its second try, quietly. */
    const char *last = code + n;
    while (last > code && (last[-1] == '\n' || last[-1] == ' ' || last[-1] == '\t'))
        last--;
    const char *ls = last;
    while (ls > code && ls[-1] != '\n')
        ls--;
    int indented_end = ls < last && (*ls == ' ' || *ls == '\t');
    int ok;
    int show = 0;
    if (m != NULL && !indented_end) {
        ok = 1;
        show = 1;
    } else {
        char *more = malloc(n + 2);
        if (more == NULL) {
            free(c.text.p);
            return 0;
        }
        memcpy(more, code, n);
        more[n] = '\n';
        arena = AdArena_New();
        if (arena == NULL) {
            free(more);
            free(c.text.p);
            return 0;
        }
        AdMod *m2 = AdParser_ParseStringEx(more, n + 1, "<input>", AD_PARSE_EXEC,
                                           AD_PARSEF_STR_INPUT, arena, &e, NULL, NULL);
        ok = m2 != NULL || e.at_eof || m != NULL;
        show = !ok;
        AdParseError_Clear(&e);
        AdArena_Free(arena);
        free(more);
    }
    if (show && c.text.p && warn_out)
        fputs(c.text.p, warn_out);
    free(c.text.p);
    return ok;
}

void AdParseError_SuggestKeyword(AdParseError *err, const char *src, size_t len, FILE *warn_out)
{
    if (err->kind != AD_PERR_SYNTAX || err->msg == NULL || err->text == NULL)
        return;
    if (strcmp(err->msg, "invalid syntax") != 0 && strstr(err->msg, "Perhaps you forgot a comma") == NULL)
        return;

    /* The lines: the file as text (universal newlines), else the error's text. */
    int end_line = err->lineno > 0 ? err->lineno : 0;
    int from_file = 0;
    char *text = NULL;
    size_t tlen = 0;
    if (src != NULL && utf8_valid(src, len)) {
        text = malloc(len + 1);
        if (text == NULL)
            return;
        for (size_t i = 0; i < len; i++) {
            if (src[i] == '\r') {
                text[tlen++] = '\n';
                if (i + 1 < len && src[i + 1] == '\n')
                    i++;
            } else {
                text[tlen++] = src[i];
            }
        }
        from_file = 1;
    } else {
        tlen = strlen(err->text);
        text = malloc(tlen + 1);
        if (text == NULL)
            return;
        memcpy(text, err->text, tlen);
        end_line = 1;
    }
    lines_t L = {NULL, NULL, 0, 0};
    sbuf code = {NULL, 0, 0};
    if (split_lines(text, tlen, &L) < 0)
        goto done;
    int n = end_line < L.count ? end_line : L.count;
    if (dedent(&L, n, &code) < 0)
        goto done;
    if (nchars(code.p, code.len) > 1024)
        goto done;

    /* The code's lines again, for the replacement and the new text. */
    lines_t CL = {NULL, NULL, 0, 0};
    if (split_lines(code.p, code.len, &CL) < 0) {
        free(CL.s);
        free(CL.n);
        goto done;
    }
    AdTokenizer *tok = AdTokenizer_New(code.p, code.len, "<input>",
                                       AD_TOKF_EXTRA_TOKENS | AD_TOKF_STR_INPUT);
    if (tok == NULL) {
        free(CL.s);
        free(CL.n);
        goto done;
    }
    int left = 10;
    int found = 0;
    AdToken t;
    for (;;) {
        int type = AdTokenizer_Next(tok, &t);
        if (type == AD_TOK_ERRORTOKEN || type == AD_TOK_ENDMARKER)
            break;
        if (t.type != AD_TOK_NAME)
            continue;
        if (from_file && t.lineno != end_line)
            continue;
        size_t wn = (size_t)(t.end - t.start);
        int is_kw = 0;
        for (int k = 0; k < NKW; k++)
            if (strlen(kwlist[k]) == wn && memcmp(kwlist[k], t.start, wn) == 0)
                is_kw = 1;
        if (is_kw)
            continue;
        if (--left < 0)
            break;
        const char *cands[4];
        int nc = 0;
        const char *lev = closest_keyword(t.start, wn);
        if (lev)
            cands[nc++] = lev;
        const char *dl[3];
        int nd = close_matches(t.start, wn, dl);
        for (int i = 0; i < nd && nc < 3; i++)
            cands[nc++] = dl[i];
        if (t.lineno < 1 || t.lineno > CL.count)
            continue;
        const char *line = CL.s[t.lineno - 1];
        size_t llen = CL.n[t.lineno - 1];
        if ((size_t)t.end_col_offset > llen || t.end_lineno != t.lineno)
            continue;
        for (int i = 0; i < nc && !found; i++) {
            const char *kw = cands[i];
            size_t kn = strlen(kw);
            if (kn == wn && memcmp(kw, t.start, wn) == 0)
                continue;
            /* the code with the name replaced on its line */
            sbuf alt = {NULL, 0, 0};
            int bad = 0;
            for (int li = 0; li < CL.count && !bad; li++) {
                if (li > 0)
                    bad |= sb_add(&alt, "\n", 1);
                if (li == t.lineno - 1) {
                    bad |= sb_add(&alt, line, (size_t)t.col_offset);
                    bad |= sb_add(&alt, kw, kn);
                    bad |= sb_add(&alt, line + t.end_col_offset, llen - (size_t)t.end_col_offset);
                } else {
                    bad |= sb_add(&alt, CL.s[li], CL.n[li]);
                }
            }
            if (!bad && alt.p && compiles(alt.p, alt.len, warn_out)) {
                char *msg = malloc(strlen(kw) + 40);
                char *ntext = malloc(llen + 2);
                if (msg && ntext) {
                    sprintf(msg, "invalid syntax. Did you mean '%s'?", kw);
                    memcpy(ntext, line, llen);
                    ntext[llen] = '\n';
                    ntext[llen + 1] = 0;
                    free(err->msg);
                    free(err->text);
                    err->msg = msg;
                    err->text = ntext;
                    err->offset = nchars(line, (size_t)t.col_offset) + 1;
                    err->end_offset = nchars(line, (size_t)t.end_col_offset) + 1;
                    err->end_lineno = err->lineno;
                    found = 1;
                } else {
                    free(msg);
                    free(ntext);
                }
            }
            free(alt.p);
        }
        if (found)
            break;
    }
    AdTokenizer_Free(tok);
    free(CL.s);
    free(CL.n);
done:
    free(L.s);
    free(L.n);
    free(code.p);
    free(text);
}
