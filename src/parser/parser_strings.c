/* parser_strings.c -- string literals, implicit concatenation, f-strings
 * and t-strings (PEP 701 / PEP 750) for the parser.
 *
 * Owns: STRING token -> Constant (via strlit.h), the folding of adjacent
 * pieces into one Constant or a JoinedStr/TemplateStr (empty constants
 * dropped, adjacent constants merged, positions as CPython gives them),
 * FormattedValue/Interpolation nodes with the `=` debug text and the
 * Interpolation.str source text.
 */
#include "parser/parser_int.h"
#include "parser/strlit.h"

#include <stdlib.h>
#include <string.h>

static AdExpr *new_const_expr(Parser *p, int lineno, int col, int end_lineno, int end_col)
{
    AdExpr *e = parser_alloc(p, sizeof *e);
    if (!e)
        return NULL;
    e->kind = AD_Constant_kind;
    e->lineno = lineno;
    e->col_offset = col;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col;
    return e;
}

static int take_strlit(Parser *p, ptok *t, int rc, AdStrlit *lit, AdConst *c)
{
    if (rc == -2) {
        AdStrlit_Clear(lit);
        parser_set_memory_error(p, "");
        return -1;
    }
    if (rc < 0) {
        RAISE_TOK_LOCATION(t, "%s", lit->error ? lit->error : "invalid string literal");
        AdStrlit_Clear(lit);
        return -1;
    }
    if (lit->warn_msg && p->warn && !t->warned && !p->invalid) {
        /* the line of the backslash: the token may span lines */
        int lineno = t->lineno;
        const char *bs = t->start + lit->warn_offset, *ls = NULL;
        for (const char *q = t->start; q < bs; q++)
            if (*q == '\n') {
                lineno++;
                ls = q + 1;
            }
        t->warned = 1;
        int col = ls ? (int)(bs - ls) : t->col + (int)(bs - t->start);
        if (parser_warn(p, lineno, col, lit->warn_msg) < 0) {
            AdStrlit_Clear(lit);
            return -1;
        }
    }
    char *d = AdArena_Alloc(p->arena, lit->len + 1);
    if (!d) {
        AdStrlit_Clear(lit);
        parser_set_memory_error(p, "");
        return -1;
    }
    memcpy(d, lit->data, lit->len);
    c->kind = lit->is_bytes ? AD_CONST_BYTES : AD_CONST_STR;
    c->v.str.data = d;
    c->v.str.len = lit->len;
    AdStrlit_Clear(lit);
    return 0;
}

AdExpr *parser_string_constant(Parser *p, ptok *t)
{
    AdStrlit lit;
    int rc = AdStrlit_DecodeToken(t->start, (size_t)(t->end - t->start), &lit);
    AdExpr *e = new_const_expr(p, t->lineno, t->col, t->end_lineno, t->end_col);
    if (!e) {
        AdStrlit_Clear(&lit);
        return NULL;
    }
    if (take_strlit(p, t, rc, &lit, &e->v.Constant.value) < 0)
        return NULL;
    if (t->start[0] == 'u')
        e->v.Constant.kind = "u";
    return e;
}

static int is_empty_str(AdExpr *e)
{
    return e->kind == AD_Constant_kind && e->v.Constant.value.kind == AD_CONST_STR &&
           e->v.Constant.value.v.str.len == 0;
}

/* A FSTRING_MIDDLE / TSTRING_MIDDLE piece.  Outside a format spec it is kept
 * raw here and decoded in parser_joined_str (which knows the prefix); in a
 * format spec it is decoded at once. */
AdExpr *parser_fstring_middle(Parser *p, ptok *t, int in_format_spec)
{
    /* A piece ending in an escaped brace ("{{" / "}}") holds one brace in
     * its text; CPython's token still spans both. */
    int end_col = t->end_col;
    if (t->end > t->start && (t->end[-1] == '{' || t->end[-1] == '}') && t->end[0] == t->end[-1])
        end_col++;
    AdExpr *e = new_const_expr(p, t->lineno, t->col, t->end_lineno, end_col);
    if (!e)
        return NULL;
    if (in_format_spec) {
        AdStrlit lit;
        int rc = AdStrlit_DecodeBody(t->start, (size_t)(t->end - t->start), 0, 0, &lit);
        if (take_strlit(p, t, rc, &lit, &e->v.Constant.value) < 0)
            return NULL;
        return e;
    }
    /* Kept raw until parser_joined_str knows the prefix: the token is
     * parked in Constant.kind meanwhile (its first byte is the token type,
     * FSTRING_MIDDLE or TSTRING_MIDDLE, never 'u'); see middle_pending. */
    e->v.Constant.value.kind = AD_CONST_STR;
    e->v.Constant.value.v.str.data = t->start;
    e->v.Constant.value.v.str.len = (size_t)(t->end - t->start);
    e->v.Constant.kind = (const char *)t;   /* the token, until decoded */
    return e;
}

static int middle_pending(AdExpr *e)
{
    return e->kind == AD_Constant_kind && e->v.Constant.kind && e->v.Constant.kind[0] != 'u';
}

AdExpr *parser_joined_str(Parser *p, ptok *a, plist *parts, ptok *c, int is_template)
{
    int is_raw = 0;
    for (const char *s = a->start; s < a->end; s++)
        if (*s == 'r' || *s == 'R')
            is_raw = 1;
    plist out;
    plist_init(&out);
    for (int i = 0; i < parts->len; i++) {
        AdExpr *item = parts->items[i];
        if (item->kind == AD_JoinedStr_kind && AdAstSeq_LEN(item->v.JoinedStr.values) == 2 &&
            ((AdExpr *)item->v.JoinedStr.values->items[0])->kind == AD_Constant_kind) {
            /* debug text + value from an `=` field */
            plist_push(p, &out, item->v.JoinedStr.values->items[0]);
            plist_push(p, &out, item->v.JoinedStr.values->items[1]);
            continue;
        }
        if (middle_pending(item)) {
            ptok *t = (ptok *)item->v.Constant.kind;
            const char *text = item->v.Constant.value.v.str.data;
            size_t len = item->v.Constant.value.v.str.len;
            if (len == 2 && (memcmp(text, "{{", 2) == 0 || memcmp(text, "}}", 2) == 0))
                len = 1;
            int raw = is_raw || memchr(text, '\\', len) == NULL;
            AdStrlit lit;
            int rc = AdStrlit_DecodeBody(text, len, 0, raw, &lit);
            item->v.Constant.kind = NULL;
            if (take_strlit(p, t, rc, &lit, &item->v.Constant.value) < 0) {
                plist_free(&out);
                return NULL;
            }
            if (item->v.Constant.value.v.str.len == 0)
                continue;
        }
        plist_push(p, &out, item);
    }
    AdExpr *e = parser_alloc(p, sizeof *e);
    if (!e) {
        plist_free(&out);
        return NULL;
    }
    e->kind = is_template ? AD_TemplateStr_kind : AD_JoinedStr_kind;
    e->v.JoinedStr.values = plist_to_seq(p, &out);
    e->lineno = a->lineno;
    e->col_offset = a->col;
    e->end_lineno = c->end_lineno;
    e->end_col_offset = c->end_col;
    return e;
}

/* Concatenated value of the str constants ITEMS[from..to] into the arena. */
static int fold_strs(Parser *p, void **items, int from, int to, AdConst *out)
{
    size_t total = 0;
    for (int j = from; j <= to; j++)
        total += ((AdExpr *)items[j])->v.Constant.value.v.str.len;
    char *d = AdArena_Alloc(p->arena, total + 1);
    if (!d) {
        parser_set_memory_error(p, "");
        return -1;
    }
    size_t k = 0;
    for (int j = from; j <= to; j++) {
        AdConst *c = &((AdExpr *)items[j])->v.Constant.value;
        memcpy(d + k, c->v.str.data, c->v.str.len);
        k += c->v.str.len;
    }
    out->kind = ((AdExpr *)items[from])->v.Constant.value.kind;
    out->v.str.data = d;
    out->v.str.len = total;
    return 0;
}

/* Flatten PIECES (Constants and JoinedStr/TemplateStr) and fold adjacent
 * constants; drop empty constants when FSTRING_FOUND. */
static AdAstSeq *fold_pieces(Parser *p, plist *pieces, int fstring_found)
{
    plist flat;
    plist_init(&flat);
    for (int i = 0; i < pieces->len; i++) {
        AdExpr *e = pieces->items[i];
        if (e->kind == AD_JoinedStr_kind || e->kind == AD_TemplateStr_kind) {
            for (int j = 0; j < AdAstSeq_LEN(e->v.JoinedStr.values); j++)
                plist_push(p, &flat, e->v.JoinedStr.values->items[j]);
        } else {
            plist_push(p, &flat, e);
        }
    }
    plist out;
    plist_init(&out);
    for (int i = 0; i < flat.len; i++) {
        AdExpr *elem = flat.items[i];
        if (elem->kind == AD_Constant_kind) {
            if (i + 1 < flat.len && ((AdExpr *)flat.items[i + 1])->kind == AD_Constant_kind) {
                int j = i;
                while (j + 1 < flat.len && ((AdExpr *)flat.items[j + 1])->kind == AD_Constant_kind)
                    j++;
                AdExpr *first = flat.items[i], *last = flat.items[j];
                AdExpr *n = new_const_expr(p, first->lineno, first->col_offset, last->end_lineno,
                                           last->end_col_offset);
                if (!n || fold_strs(p, flat.items, i, j, &n->v.Constant.value) < 0) {
                    plist_free(&flat);
                    plist_free(&out);
                    return NULL;
                }
                n->v.Constant.kind = first->v.Constant.kind;
                elem = n;
                i = j;
            }
            if (fstring_found && is_empty_str(elem))
                continue;
        }
        plist_push(p, &out, elem);
    }
    plist_free(&flat);
    return plist_to_seq(p, &out);
}

AdExpr *parser_concatenate_strings(Parser *p, plist *pieces, int start)
{
    int fstring_found = 0, unicode_found = 0, bytes_found = 0;
    for (int i = 0; i < pieces->len; i++) {
        AdExpr *e = pieces->items[i];
        if (e->kind == AD_Constant_kind) {
            if (e->v.Constant.value.kind == AD_CONST_BYTES)
                bytes_found = 1;
            else
                unicode_found = 1;
        } else {
            fstring_found = 1;
        }
    }
    if ((unicode_found || fstring_found) && bytes_found)
        return RAISE_SYNTAX_ERROR("cannot mix bytes and nonbytes literals");
    if (bytes_found || (!fstring_found && pieces->len == 1)) {
        if (pieces->len == 1)
            return pieces->items[0];
        AdExpr *e = parser_new_expr(p, AD_Constant_kind, start);
        if (!e || fold_strs(p, pieces->items, 0, pieces->len - 1, &e->v.Constant.value) < 0)
            return NULL;
        e->v.Constant.kind = ((AdExpr *)pieces->items[0])->v.Constant.kind;
        return e;
    }
    AdAstSeq *values = fold_pieces(p, pieces, fstring_found);
    if (p->error)
        return NULL;
    if (!fstring_found)
        return values->items[0];
    AdExpr *e = parser_new_expr(p, AD_JoinedStr_kind, start);
    if (e)
        e->v.JoinedStr.values = values;
    return e;
}

AdExpr *parser_concatenate_tstrings(Parser *p, plist *pieces, int start)
{
    AdAstSeq *values = fold_pieces(p, pieces, 1);
    if (p->error)
        return NULL;
    AdExpr *e = parser_new_expr(p, AD_TemplateStr_kind, start);
    if (e)
        e->v.TemplateStr.values = values;
    return e;
}

static int is_py_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The source text of a replacement field's expression [from, to) with
 * comments removed, as CPython's tokenizer records it; in the arena. */
static const char *field_text(Parser *p, const char *from, const char *to, size_t *len)
{
    size_t n = to > from ? (size_t)(to - from) : 0;
    char *out = AdArena_Alloc(p->arena, n + 1);
    if (!out) {
        parser_set_memory_error(p, "");
        return NULL;
    }
    size_t k = 0;
    char quote = 0;
    int triple = 0;
    for (size_t i = 0; i < n; i++) {
        char c = from[i];
        if (quote) {
            out[k++] = c;
            if (c == '\\' && i + 1 < n) {
                out[k++] = from[++i];
            } else if (c == quote) {
                if (!triple) {
                    quote = 0;
                } else if (i + 2 < n && from[i + 1] == quote && from[i + 2] == quote) {
                    out[k++] = from[++i];
                    out[k++] = from[++i];
                    quote = 0;
                }
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = i + 2 < n && from[i + 1] == c && from[i + 2] == c;
            out[k++] = c;
            if (triple) {
                out[k++] = from[++i];
                out[k++] = from[++i];
            }
            continue;
        }
        if (c == '#') {
            while (i < n && from[i] != '\n')
                i++;
            if (i < n)
                out[k++] = '\n';
            continue;
        }
        out[k++] = c;
    }
    out[k] = '\0';
    *len = k;
    return out;
}

AdExpr *parser_formatted_value(Parser *p, AdExpr *value, ptok *debug, ptok *conv_tok,
                               ptok *conv, ptok *colon, plist *spec, int spec_start,
                               ptok *rbrace, int start, int is_template, ptok *lbrace)
{
    (void)spec_start;
    /* conversion character */
    int conversion = -1;
    if (conv) {
        size_t n = (size_t)(conv->end - conv->start);
        const char *pre = is_template ? "t-string" : "f-string";
        if (conv_tok->end_col != conv->col || conv_tok->end_lineno != conv->lineno)
            return parser_raise_at(p, AD_PERR_SYNTAX, conv_tok->lineno, conv_tok->col, conv->end_lineno,
                                   conv->end_col,
                                   "%s: conversion type must come right after the exclamation mark", pre);
        if (n != 1 || (conv->start[0] != 's' && conv->start[0] != 'r' && conv->start[0] != 'a'))
            return parser_raise_at(p, AD_PERR_SYNTAX, conv->lineno, conv->col, conv->end_lineno, conv->end_col,
                                   "%s: invalid conversion character '%.*s': expected 's', 'r', or 'a'", pre,
                                   (int)n, conv->start);
        conversion = (unsigned char)conv->start[0];
    } else if (debug && !colon) {
        conversion = 'r';
    }
    /* format spec: a JoinedStr starting at the colon */
    AdExpr *format = NULL;
    if (colon) {
        plist nonempty;
        plist_init(&nonempty);
        for (int i = 0; i < spec->len; i++) {
            AdExpr *it = spec->items[i];
            if (!is_empty_str(it))
                plist_push(p, &nonempty, it);
        }
        ptok *en = p->toks[p->mark - 2];   /* last token before '}' */
        int n = nonempty.len;
        if (n == 0 || (n == 1 && ((AdExpr *)nonempty.items[0])->kind == AD_Constant_kind)) {
            format = parser_alloc(p, sizeof *format);
            if (format) {
                format->kind = AD_JoinedStr_kind;
                format->v.JoinedStr.values = plist_to_seq(p, &nonempty);
            } else {
                plist_free(&nonempty);
            }
        } else {
            format = parser_alloc(p, sizeof *format);
            if (format) {
                format->kind = AD_JoinedStr_kind;
                format->v.JoinedStr.values = fold_pieces(p, &nonempty, 1);
            }
            plist_free(&nonempty);
        }
        if (!format)
            return NULL;
        format->lineno = colon->lineno;
        format->col_offset = colon->col;
        format->end_lineno = en->end_lineno;
        format->end_col_offset = en->end_col;
    }
    AdExpr *fv = parser_new_expr(p, is_template ? AD_Interpolation_kind : AD_FormattedValue_kind, start);
    if (!fv)
        return NULL;
    /* the source text of the field: after '{' up to the token that ends it */
    ptok *ender = conv_tok ? conv_tok : colon ? colon : rbrace;
    size_t txtlen = 0;
    const char *txt = field_text(p, lbrace->end, ender->start, &txtlen);
    if (!txt)
        return NULL;
    if (is_template) {
        fv->v.Interpolation.value = value;
        fv->v.Interpolation.conversion = conversion;
        fv->v.Interpolation.format_spec = format;
        size_t n = txtlen;
        while (n > 0 && (is_py_space(txt[n - 1]) || txt[n - 1] == '='))
            n--;
        char *s = AdArena_Strndup(p->arena, txt, n);
        if (!s) {
            parser_set_memory_error(p, "");
            return NULL;
        }
        fv->v.Interpolation.str.kind = AD_CONST_STR;
        fv->v.Interpolation.str.v.str.data = s;
        fv->v.Interpolation.str.v.str.len = n;
    } else {
        fv->v.FormattedValue.value = value;
        fv->v.FormattedValue.conversion = conversion;
        fv->v.FormattedValue.format_spec = format;
    }
    if (!debug)
        return fv;
    int dl, dc;
    if (conv) {
        dl = conv->lineno;
        dc = conv->col;
    } else if (format) {
        dl = format->lineno;
        dc = format->col_offset + 1;
    } else {
        dl = fv->end_lineno;
        dc = fv->end_col_offset;
    }
    AdExpr *text = new_const_expr(p, fv->lineno, fv->col_offset + 1, dl, dc - 1);
    if (!text)
        return NULL;
    text->v.Constant.value.kind = AD_CONST_STR;
    text->v.Constant.value.v.str.data = txt;
    text->v.Constant.value.v.str.len = txtlen;
    AdAstSeq *vals = parser_seq(p, 2);
    AdExpr *js = parser_alloc(p, sizeof *js);
    if (!vals || !js)
        return NULL;
    vals->items[0] = text;
    vals->items[1] = fv;
    js->kind = AD_JoinedStr_kind;
    js->v.JoinedStr.values = vals;
    js->lineno = fv->lineno;
    js->col_offset = fv->col_offset;
    js->end_lineno = dl;
    js->end_col_offset = dc;
    return js;
}
