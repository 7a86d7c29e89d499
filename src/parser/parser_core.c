/* parser_core.c -- the parser's token buffer, memo, arena helpers and the
 * public entry points (two-pass parse as in CPython's pegen).
 *
 * Owns: Parser setup/teardown, token fetching with keyword recognition,
 * mark/reset, memoization lists, AdParser_ParseString/ParseFile and the
 * error-record helpers of parser.h.
 */
#include "parser/parser_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- keywords ---- */

static const char *const keyword_names[] = {
    "", "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"
};

static const unsigned char keyword_len[] = {
    0, 5, 4, 4, 3, 2, 6, 5, 5, 5, 5, 8, 3, 3, 4, 4, 6, 7, 3, 4, 6, 2, 6, 2, 2, 6,
    8, 3, 2, 4, 5, 6, 3, 5, 4, 5
};
_Static_assert(sizeof keyword_len == sizeof keyword_names / sizeof keyword_names[0],
               "one length per keyword");

/* Called for every NAME: dispatch on the first letter before comparing. */
static int keyword_of(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return 0;
    char c = s[0];
    if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T'))
        return 0;
    for (size_t i = 1; i < sizeof keyword_names / sizeof keyword_names[0]; i++) {
        if (keyword_names[i][0] == c && keyword_len[i] == n &&
            memcmp(keyword_names[i], s, n) == 0)
            return (int)i;
    }
    return 0;
}

/* ---- memory ---- */

void parser_set_memory_error(Parser *p, const char *msg)
{
    if (p->err->kind == AD_PERR_NONE || p->err->kind != AD_PERR_MEMORY) {
        AdParseError_Clear(p->err);
        p->err->kind = AD_PERR_MEMORY;
        p->err->msg = strdup(msg ? msg : "");
    }
    p->error = 1;
}

void *parser_alloc(Parser *p, size_t size)
{
    void *x = AdArena_Alloc(p->arena, size);
    if (!x)
        parser_set_memory_error(p, "");
    return x;
}

AdAstSeq *parser_seq(Parser *p, int len)
{
    AdAstSeq *s = AdAstSeq_New(p->arena, len);
    if (!s)
        parser_set_memory_error(p, "");
    return s;
}

const char *parser_identifier(Parser *p, ptok *t)
{
    size_t n = (size_t)(t->end - t->start);
    size_t outlen = 0;
    char *norm = AdTokenizer_NormalizeName(t->start, n, &outlen);
    if (!norm) {
        if (outlen == (size_t)-1) {
            parser_set_memory_error(p, "");
            return NULL;
        }
        char *s = AdArena_Strndup(p->arena, t->start, n);
        if (!s)
            parser_set_memory_error(p, "");
        return s;
    }
    char *s = AdArena_Strndup(p->arena, norm, outlen);
    free(norm);
    if (!s)
        parser_set_memory_error(p, "");
    return s;
}

/* ---- pointer lists ---- */

void plist_init(plist *l)
{
    l->items = l->small;
    l->len = 0;
    l->cap = (int)(sizeof l->small / sizeof l->small[0]);
}

int plist_push(Parser *p, plist *l, void *x)
{
    if (l->len == l->cap) {
        int ncap = l->cap * 2;
        void **n;
        if (l->items == l->small) {
            n = malloc((size_t)ncap * sizeof(void *));
            if (n)
                memcpy(n, l->small, sizeof l->small);
        } else {
            n = realloc(l->items, (size_t)ncap * sizeof(void *));
        }
        if (!n) {
            parser_set_memory_error(p, "");
            return -1;
        }
        l->items = n;
        l->cap = ncap;
    }
    l->items[l->len++] = x;
    return 0;
}

void plist_free(plist *l)
{
    if (l->items != l->small)
        free(l->items);
    plist_init(l);
}

AdAstSeq *plist_to_seq(Parser *p, plist *l)
{
    AdAstSeq *s = NULL;
    if (l->len > 0) {
        s = parser_seq(p, l->len);
        if (s)
            memcpy(s->items, l->items, (size_t)l->len * sizeof(void *));
    }
    plist_free(l);
    return s;
}

/* ---- tokens ---- */

static int fetch_token(Parser *p)
{
    if (p->fill == p->cap) {
        int ncap = p->cap ? p->cap * 2 : 256;
        ptok **n = realloc(p->toks, (size_t)ncap * sizeof(ptok *));
        if (!n) {
            parser_set_memory_error(p, "");
            return -1;
        }
        p->toks = n;
        p->cap = ncap;
    }
    AdToken t;
    int type = AdTokenizer_Next(p->tok, &t);
    if (type == AD_TOK_ERRORTOKEN) {
        parser_take_tokenizer_error(p);
        return -1;
    }
    ptok *pt = AdArena_Alloc(p->arena, sizeof(ptok));
    if (!pt) {
        parser_set_memory_error(p, "");
        return -1;
    }
    pt->type = type;
    pt->kw = type == AD_TOK_NAME ? keyword_of(t.start, (size_t)(t.end - t.start)) : 0;
    pt->start = t.start;
    pt->end = t.end;
    pt->lineno = t.lineno;
    pt->col = t.col_offset;
    pt->end_lineno = t.end_lineno;
    pt->end_col = t.end_col_offset;
    pt->level = t.level;
    pt->cur_col = t.end_col_offset;
    if (type == AD_TOK_NEWLINE) {
        /* CPython's NEWLINE spans the newline character (an implicit one
         * at EOF too) */
        pt->end_lineno = pt->lineno;
        pt->end_col = pt->col + 1;
    } else if (type == AD_TOK_INDENT || type == AD_TOK_DEDENT || type == AD_TOK_ENDMARKER) {
        /* no columns in CPython: errors use the tokenizer's cursor */
        pt->col = -1;
        pt->end_col = -1;
    }
    pt->memo = 0;
    p->toks[p->fill++] = pt;
    return 0;
}

ptok *parser_token_fetch(Parser *p, int i)
{
    while (i >= p->fill) {
        if (p->tok_failed || fetch_token(p) < 0) {
            p->error = 1;
            return NULL;
        }
    }
    return p->toks[i];
}

ptok *parser_expect_soft(Parser *p, const char *s)
{
    ptok *t = parser_token_at(p, p->mark);
    if (!t || t->type != AD_TOK_NAME || t->start[0] != s[0])
        return NULL;
    size_t n = strlen(s);
    if ((size_t)(t->end - t->start) == n && memcmp(t->start, s, n) == 0) {
        p->mark++;
        return t;
    }
    return NULL;
}

ptok *parser_last_nonws(Parser *p)
{
    ptok *t = NULL;
    for (int m = p->mark - 1; m >= 0; m--) {
        t = p->toks[m];
        if (t->type != AD_TOK_ENDMARKER &&
            (t->type < AD_TOK_NEWLINE || t->type > AD_TOK_DEDENT))
            break;
    }
    return t;
}

/* ---- memo ---- */

int parser_memo_get(Parser *p, int rule, void **node)
{
    ptok *t = parser_token_at(p, p->mark);
    if (!t || !(t->memo_mask & (1ULL << rule)))
        return 0;
    for (int i = t->memo; i;) {
        parser_memo *m = PARSER_MEMO(p, i);
        i = m->next;
        if (m->rule == rule) {
            p->mark = m->end;
            *node = m->node;
            return 1;
        }
    }
    return 0;
}

void parser_memo_put(Parser *p, int rule, int start, void *node)
{
    if (start >= p->fill)
        return;
    ptok *t = p->toks[start];
    if (t->memo_mask & (1ULL << rule)) {
        for (int i = t->memo; i;) {
            parser_memo *m = PARSER_MEMO(p, i);
            i = m->next;
            if (m->rule == rule) {
                m->end = p->mark;
                m->node = node;
                return;
            }
        }
    }
    if (p->nmemos == p->nchunks * PARSER_MEMO_CHUNK) {
        if (p->nchunks == p->capchunks) {
            int cap = p->capchunks ? p->capchunks * 2 : 16;
            parser_memo **n = realloc(p->memo_chunks, (size_t)cap * sizeof *n);
            if (!n) {
                parser_set_memory_error(p, "");
                return;
            }
            p->memo_chunks = n;
            p->capchunks = cap;
        }
        parser_memo *c = malloc(PARSER_MEMO_CHUNK * sizeof *c);
        if (!c) {
            parser_set_memory_error(p, "");
            return;
        }
        p->memo_chunks[p->nchunks++] = c;
    }
    int idx = ++p->nmemos;
    parser_memo *m = PARSER_MEMO(p, idx);
    m->rule = rule;
    m->end = p->mark;
    m->node = node;
    m->next = t->memo;
    t->memo = p->nmemos;
    t->memo_mask |= 1ULL << rule;
}

ppos ppos_tok(ptok *t)
{
    ppos r = { t->lineno, t->col, t->end_lineno, t->end_col };
    return r;
}

ppos ppos_expr(AdExpr *e)
{
    ppos r = { e->lineno, e->col_offset, e->end_lineno, e->end_col_offset };
    return r;
}

/* ---- entry points ---- */

void AdParseError_Clear(AdParseError *err)
{
    if (!err)
        return;
    free(err->msg);
    free(err->filename);
    free(err->text);
    memset(err, 0, sizeof *err);
}

const char *AdParseError_TypeName(AdParseErrorKind kind)
{
    switch (kind) {
    case AD_PERR_INDENTATION: return "IndentationError";
    case AD_PERR_TAB: return "TabError";
    case AD_PERR_MEMORY: return "MemoryError";
    case AD_PERR_OS: return "OSError";
    default: return "SyntaxError";
    }
}

/* In single mode the input must hold one statement: anything but
 * whitespace and comments after it is an error. */
static int bad_single_statement(Parser *p)
{
    size_t len;
    const char *src = AdTokenizer_Source(p->tok, &len);
    ptok *last = parser_last_nonws(p);
    if (!last)
        return 0;
    const char *s = last->end;
    if (s < src || s > src + len)
        return 0;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r')
            s++;
        if (*s == '#') {
            while (*s && *s != '\n')
                s++;
            continue;
        }
        break;
    }
    return *s != '\0';
}

int parser_warn(Parser *p, int lineno, int col, const char *msg)
{
    if (p->warn == NULL || p->invalid)
        return 0;
    AdParseWarning w;
    size_t n = 0;
    const char *line = AdTokenizer_GetLine(p->tok, lineno, &n);
    while (line && n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        n--;
    int offset = line ? AdTokenizer_CharColumn(line, col) + 1 : col + 1;
    w.msg = msg;
    w.lineno = w.end_lineno = lineno;
    w.offset = w.end_offset = offset;
    w.line = line;
    w.line_len = n;
    if (p->warn(p->warnctx, &w) < 0) {
        parser_raise(p, AD_PERR_SYNTAX, 0, "%s", msg);
        return -1;
    }
    return 0;
}

/* The tokenizer's warnings, passed on with their line. */
static int tok_warning(void *ctx, const AdTokWarning *tw)
{
    Parser *p = ctx;
    AdParseWarning w;
    size_t n = 0;
    const char *line = AdTokenizer_GetLine(p->tok, tw->lineno, &n);
    while (line && n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        n--;
    w.msg = tw->msg;
    w.lineno = tw->lineno;
    w.offset = tw->offset;
    w.end_lineno = tw->end_lineno;
    w.end_offset = tw->end_offset;
    w.line = line;
    w.line_len = n;
    return p->warn(p->warnctx, &w);
}

AdMod *AdParser_ParseString(const char *src, size_t len, const char *filename,
                            AdParseMode mode, int flags, AdArena *arena,
                            AdParseError *err)
{
    return AdParser_ParseStringEx(src, len, filename, mode, flags, arena, err, NULL, NULL);
}

AdMod *AdParser_ParseStringEx(const char *src, size_t len, const char *filename,
                              AdParseMode mode, int flags, AdArena *arena,
                              AdParseError *err, AdParseWarnFunc warn, void *warnctx)
{
    memset(err, 0, sizeof *err);
    if (!filename)
        filename = "<string>";
    Parser p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.mode = mode;
    p.err = err;
    p.tok = AdTokenizer_New(src, len, filename,
                            (flags & AD_PARSEF_STR_INPUT) ? AD_TOKF_STR_INPUT : 0);
    if (!p.tok) {
        parser_set_memory_error(&p, "");
        err->filename = strdup(filename);
        return NULL;
    }
    if (warn) {
        p.warn = warn;
        p.warnctx = warnctx;
        AdTokenizer_SetWarnFunc(p.tok, tok_warning, &p);
    }
    AdMod *mod = parser_run_rules(&p);
    if (mod && !p.error) {
        if (mode == AD_PARSE_SINGLE && bad_single_statement(&p)) {
            parser_raise(&p, AD_PERR_SYNTAX, 0,
                         "multiple statements found while compiling a single statement");
            mod = NULL;
        }
    } else if (err->kind != AD_PERR_MEMORY) {
        mod = NULL;
        ptok *last = p.fill > 0 ? p.toks[p.fill - 1] : NULL;
        for (int i = 0; i < p.fill; i++) {
            p.toks[i]->memo = 0;
            p.toks[i]->memo_mask = 0;
        }
        p.nmemos = 0;
        p.mark = 0;
        p.invalid = 1;
        p.level = 0;
        if (!p.error)
            parser_run_rules(&p);
        if (err->kind != AD_PERR_MEMORY)
            parser_set_syntax_error(&p, last);
    } else {
        mod = NULL;
    }
    if (!mod && err->kind == AD_PERR_NONE)
        parser_raise(&p, AD_PERR_SYNTAX, 0, "invalid syntax");
    if (!mod && !err->filename)
        err->filename = strdup(filename);
    if (!mod) {
        const AdTokError *te = AdTokenizer_Error(p.tok);
        err->at_eof = (te && te->kind != AD_TOKERR_NONE && te->at_eof) ||
                      (p.fill > 0 && p.toks[p.fill - 1]->type == AD_TOK_ENDMARKER);
    }
    free(p.toks);
    for (int i = 0; i < p.nchunks; i++)
        free(p.memo_chunks[i]);
    free(p.memo_chunks);
    AdTokenizer_Free(p.tok);
    return mod;
}

char *parser_read_file(const char *path, size_t *len, int *errnum)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *errnum = errno;
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        *errnum = ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                *errnum = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    if (ferror(f)) {
        *errnum = errno ? errno : EIO;
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

AdMod *AdParser_ParseFile(const char *path, AdParseMode mode, AdArena *arena,
                          AdParseError *err)
{
    memset(err, 0, sizeof *err);
    size_t len = 0;
    int errnum = 0;
    char *src = parser_read_file(path, &len, &errnum);
    if (!src) {
        err->kind = AD_PERR_OS;
        err->msg = strdup(strerror(errnum));
        err->filename = strdup(path);
        return NULL;
    }
    AdMod *mod = AdParser_ParseString(src, len, path, mode, 0, arena, err);
    free(src);
    return mod;
}
