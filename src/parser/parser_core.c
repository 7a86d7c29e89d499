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

static int keyword_of(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return 0;
    for (size_t i = 1; i < sizeof keyword_names / sizeof keyword_names[0]; i++) {
        if (strlen(keyword_names[i]) == n && memcmp(keyword_names[i], s, n) == 0)
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
    pt->memo = NULL;
    p->toks[p->fill++] = pt;
    return 0;
}

ptok *parser_token_at(Parser *p, int i)
{
    while (i >= p->fill) {
        if (p->tok_failed || fetch_token(p) < 0) {
            p->error = 1;
            return NULL;
        }
    }
    return p->toks[i];
}

ptok *parser_peek(Parser *p)
{
    return parser_token_at(p, p->mark);
}

ptok *parser_expect(Parser *p, int type)
{
    ptok *t = parser_token_at(p, p->mark);
    if (t && t->type == type && t->kw == 0) {
        p->mark++;
        return t;
    }
    return NULL;
}

ptok *parser_expect_kw(Parser *p, int kw)
{
    ptok *t = parser_token_at(p, p->mark);
    if (t && t->kw == kw) {
        p->mark++;
        return t;
    }
    return NULL;
}

ptok *parser_name_token(Parser *p)
{
    ptok *t = parser_token_at(p, p->mark);
    if (t && t->type == AD_TOK_NAME && t->kw == 0) {
        p->mark++;
        return t;
    }
    return NULL;
}

ptok *parser_expect_soft(Parser *p, const char *s)
{
    ptok *t = parser_token_at(p, p->mark);
    size_t n = strlen(s);
    if (t && t->type == AD_TOK_NAME && (size_t)(t->end - t->start) == n &&
        memcmp(t->start, s, n) == 0) {
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
    if (!t)
        return 0;
    for (parser_memo *m = t->memo; m; m = m->next) {
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
    for (parser_memo *m = t->memo; m; m = m->next) {
        if (m->rule == rule) {
            m->end = p->mark;
            m->node = node;
            return;
        }
    }
    parser_memo *m = AdArena_Alloc(p->arena, sizeof *m);
    if (!m) {
        parser_set_memory_error(p, "");
        return;
    }
    m->rule = rule;
    m->end = p->mark;
    m->node = node;
    m->next = t->memo;
    t->memo = m;
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

AdMod *AdParser_ParseString(const char *src, size_t len, const char *filename,
                            AdParseMode mode, int flags, AdArena *arena,
                            AdParseError *err)
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
        for (int i = 0; i < p.fill; i++)
            p.toks[i]->memo = NULL;
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
    free(p.toks);
    AdTokenizer_Free(p.tok);
    return mod;
}

static char *read_file(const char *path, size_t *len, int *errnum)
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
    char *src = read_file(path, &len, &errnum);
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
