/* ast_dump.c -- `ast.dump(tree, include_attributes=True)` as CPython 3.14.
 *
 * Owns: the textual dump of an AdMod and Python's repr() of constants
 * (ints of any size, floats as shortest round-trip, complex, str and bytes
 * with Python's quote choice and escapes).
 *
 * 3.14's dump leaves out an optional field whose value is None and a list
 * field that is empty; everything else is printed as name=value in the
 * order of the node's _fields, then the position attributes.
 */
#include "parser/ast.h"
#include "numeric/dtoa.h"
#include "numeric/numeric.h"
#include "unicode/unicode_db.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- growable output buffer ---- */

typedef struct {
    char *buf;
    size_t len, cap;
    int oom;        /* out of memory, or too deep: output stops */
    int depth;      /* nesting of expr/stmt/pattern nodes */
    int too_deep;
} dbuf;

/* Deeper trees (a+a+...+a with tens of thousands of terms parses fine)
 * make CPython's AST construction raise RecursionError; the dump recurses
 * per node, so it stops there too instead of exhausting the C stack. */
#define DUMP_MAX_DEPTH 10000

static void db_reserve(dbuf *b, size_t extra)
{
    if (b->oom)
        return;
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->len + extra + 1)
        ncap *= 2;
    char *n = realloc(b->buf, ncap);
    if (!n) {
        b->oom = 1;
        return;
    }
    b->buf = n;
    b->cap = ncap;
}

static void db_putn(dbuf *b, const char *s, size_t n)
{
    db_reserve(b, n);
    if (b->oom)
        return;
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

static void db_puts(dbuf *b, const char *s) { db_putn(b, s, strlen(s)); }

static void db_putc(dbuf *b, char c) { db_putn(b, &c, 1); }

static void db_printf(dbuf *b, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        db_putn(b, tmp, (size_t)n);
        return;
    }
    db_reserve(b, (size_t)n);
    if (b->oom)
        return;
    va_start(ap, fmt);
    vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* ---- float repr ---- */

void AdAst_FloatRepr(double d, char *out, size_t size)
{
    /* repr(float) comes from the numeric room (shortest round trip). */
    AdNumBuf buf = {0};
    if (AdDtoa_Repr(d, &buf) < 0 || !buf.data) {
        snprintf(out, size, "%.17g", d);
        AdNumBuf_Free(&buf);
        return;
    }
    snprintf(out, size, "%.*s", (int)buf.len, buf.data);
    AdNumBuf_Free(&buf);
}

/* ---- str and bytes repr ---- */

/* Decode one generalized-UTF-8 sequence at S (N bytes left); surrogates are
 * accepted.  Returns the length consumed (>= 1) and sets *CP. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if ((c & 0xE0) == 0xC0 && n >= 2) {
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    if ((c & 0xF8) == 0xF0 && n >= 4) {
        *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return 4;
    }
    *cp = c;   /* invalid byte: shown as its value */
    return 1;
}

static void repr_str(dbuf *b, const char *data, size_t len)
{
    const unsigned char *s = (const unsigned char *)data;
    int has_sq = memchr(s, '\'', len) != NULL;
    int has_dq = memchr(s, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    db_putc(b, q);
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (cp == (uint32_t)q || cp == '\\') {
            db_putc(b, '\\');
            db_putc(b, (char)cp);
        } else if (cp == '\t') {
            db_puts(b, "\\t");
        } else if (cp == '\n') {
            db_puts(b, "\\n");
        } else if (cp == '\r') {
            db_puts(b, "\\r");
        } else if (cp < 0x20 || cp == 0x7F) {
            db_printf(b, "\\x%02x", cp);
        } else if (cp < 0x7F) {
            db_putc(b, (char)cp);
        } else if (AdUnicode_IsPrintable(cp)) {
            db_putn(b, (const char *)s + i, n);
        } else if (cp <= 0xFF) {
            db_printf(b, "\\x%02x", cp);
        } else if (cp <= 0xFFFF) {
            db_printf(b, "\\u%04x", cp);
        } else {
            db_printf(b, "\\U%08x", cp);
        }
        i += n;
    }
    db_putc(b, q);
}

static void repr_bytes(dbuf *b, const char *data, size_t len)
{
    const unsigned char *s = (const unsigned char *)data;
    int has_sq = memchr(s, '\'', len) != NULL;
    int has_dq = memchr(s, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    db_putc(b, 'b');
    db_putc(b, q);
    for (size_t i = 0; i < len; i++) {
        unsigned c = s[i];
        if (c == (unsigned)q || c == '\\') {
            db_putc(b, '\\');
            db_putc(b, (char)c);
        } else if (c == '\t') {
            db_puts(b, "\\t");
        } else if (c == '\n') {
            db_puts(b, "\\n");
        } else if (c == '\r') {
            db_puts(b, "\\r");
        } else if (c < 0x20 || c >= 0x7F) {
            db_printf(b, "\\x%02x", c);
        } else {
            db_putc(b, (char)c);
        }
    }
    db_putc(b, q);
}

static void repr_const(dbuf *b, const AdConst *c)
{
    char tmp[64];
    switch (c->kind) {
    case AD_CONST_NONE: db_puts(b, "None"); break;
    case AD_CONST_TRUE: db_puts(b, "True"); break;
    case AD_CONST_FALSE: db_puts(b, "False"); break;
    case AD_CONST_ELLIPSIS: db_puts(b, "Ellipsis"); break;
    case AD_CONST_INT: db_printf(b, "%lld", (long long)c->v.i); break;
    case AD_CONST_BIGINT: db_putn(b, c->v.str.data, c->v.str.len); break;
    case AD_CONST_FLOAT:
        AdAst_FloatRepr(c->v.f, tmp, sizeof tmp);
        db_puts(b, tmp);
        break;
    case AD_CONST_COMPLEX: {
        AdAst_FloatRepr(c->v.f, tmp, sizeof tmp);
        size_t n = strlen(tmp);
        /* complex repr drops the ".0" of an integral value */
        if (n > 2 && strcmp(tmp + n - 2, ".0") == 0)
            tmp[n - 2] = '\0';
        db_puts(b, tmp);
        db_putc(b, 'j');
        break;
    }
    case AD_CONST_STR: repr_str(b, c->v.str.data, c->v.str.len); break;
    case AD_CONST_BYTES: repr_bytes(b, c->v.str.data, c->v.str.len); break;
    }
}

char *AdAst_ConstRepr(const AdConst *c)
{
    dbuf b = {0};
    db_reserve(&b, 16);
    repr_const(&b, c);
    if (b.oom) {
        free(b.buf);
        return NULL;
    }
    return b.buf;
}

/* ---- node writer ---- */

typedef struct {
    dbuf *b;
    int first;
} nw;

static void dump_expr(dbuf *b, const AdExpr *e);
static void dump_stmt(dbuf *b, const AdStmt *s);
static void dump_pattern(dbuf *b, const AdPattern *p);

static nw nw_begin(dbuf *b, const char *name)
{
    db_puts(b, name);
    db_putc(b, '(');
    nw w = { b, 1 };
    return w;
}

static void nw_key(nw *w, const char *name)
{
    if (!w->first)
        db_puts(w->b, ", ");
    w->first = 0;
    db_puts(w->b, name);
    db_putc(w->b, '=');
}

static void nw_end(nw *w) { db_putc(w->b, ')'); }

static void nw_int(nw *w, const char *name, long v)
{
    nw_key(w, name);
    db_printf(w->b, "%ld", v);
}

static void nw_pos(nw *w, int lineno, int col, int end_lineno, int end_col)
{
    nw_int(w, "lineno", lineno);
    nw_int(w, "col_offset", col);
    nw_int(w, "end_lineno", end_lineno);
    nw_int(w, "end_col_offset", end_col);
}

static void nw_expr(nw *w, const char *name, const AdExpr *e)
{
    if (!e)
        return;
    nw_key(w, name);
    dump_expr(w->b, e);
}

static void nw_ident(nw *w, const char *name, const char *id)
{
    if (!id)
        return;
    nw_key(w, name);
    repr_str(w->b, id, strlen(id));
}

typedef void (*item_fn)(dbuf *, const void *);

static void nw_list(nw *w, const char *name, const AdAstSeq *seq, item_fn fn)
{
    if (AdAstSeq_LEN(seq) == 0)
        return;
    nw_key(w, name);
    db_putc(w->b, '[');
    for (int i = 0; i < seq->len; i++) {
        if (i)
            db_puts(w->b, ", ");
        if (seq->items[i])
            fn(w->b, seq->items[i]);
        else
            db_puts(w->b, "None");
    }
    db_putc(w->b, ']');
}

static void item_expr(dbuf *b, const void *x) { dump_expr(b, x); }
static void item_stmt(dbuf *b, const void *x) { dump_stmt(b, x); }
static void item_pattern(dbuf *b, const void *x) { dump_pattern(b, x); }
static void item_ident(dbuf *b, const void *x) { repr_str(b, x, strlen(x)); }

static void item_arg(dbuf *b, const void *x)
{
    const AdArg *a = x;
    nw w = nw_begin(b, "arg");
    nw_ident(&w, "arg", a->arg);
    nw_expr(&w, "annotation", a->annotation);
    nw_ident(&w, "type_comment", a->type_comment);
    nw_pos(&w, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
    nw_end(&w);
}

static void nw_arg(nw *w, const char *name, const AdArg *a)
{
    if (!a)
        return;
    nw_key(w, name);
    item_arg(w->b, a);
}

static void item_keyword(dbuf *b, const void *x)
{
    const AdKeyword *k = x;
    nw w = nw_begin(b, "keyword");
    nw_ident(&w, "arg", k->arg);
    nw_expr(&w, "value", k->value);
    nw_pos(&w, k->lineno, k->col_offset, k->end_lineno, k->end_col_offset);
    nw_end(&w);
}

static void item_alias(dbuf *b, const void *x)
{
    const AdAlias *a = x;
    nw w = nw_begin(b, "alias");
    nw_ident(&w, "name", a->name);
    nw_ident(&w, "asname", a->asname);
    nw_pos(&w, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
    nw_end(&w);
}

static void item_withitem(dbuf *b, const void *x)
{
    const AdWithItem *it = x;
    nw w = nw_begin(b, "withitem");
    nw_expr(&w, "context_expr", it->context_expr);
    nw_expr(&w, "optional_vars", it->optional_vars);
    nw_end(&w);
}

static void item_comprehension(dbuf *b, const void *x)
{
    const AdComprehension *c = x;
    nw w = nw_begin(b, "comprehension");
    nw_expr(&w, "target", c->target);
    nw_expr(&w, "iter", c->iter);
    nw_list(&w, "ifs", c->ifs, item_expr);
    nw_int(&w, "is_async", c->is_async);
    nw_end(&w);
}

static void item_handler(dbuf *b, const void *x)
{
    const AdExceptHandler *h = x;
    nw w = nw_begin(b, "ExceptHandler");
    nw_expr(&w, "type", h->type);
    nw_ident(&w, "name", h->name);
    nw_list(&w, "body", h->body, item_stmt);
    nw_pos(&w, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
    nw_end(&w);
}

static void item_match_case(dbuf *b, const void *x)
{
    const AdMatchCase *c = x;
    nw w = nw_begin(b, "match_case");
    nw_key(&w, "pattern");
    dump_pattern(b, c->pattern);
    nw_expr(&w, "guard", c->guard);
    nw_list(&w, "body", c->body, item_stmt);
    nw_end(&w);
}

static void item_type_ignore(dbuf *b, const void *x)
{
    const AdTypeIgnore *t = x;
    nw w = nw_begin(b, "TypeIgnore");
    nw_int(&w, "lineno", t->lineno);
    nw_ident(&w, "tag", t->tag);
    nw_end(&w);
}

static void item_type_param(dbuf *b, const void *x)
{
    const AdTypeParam *t = x;
    static const char *const names[] = { "", "TypeVar", "ParamSpec", "TypeVarTuple" };
    nw w = nw_begin(b, names[t->kind]);
    nw_ident(&w, "name", t->name);
    if (t->kind == AD_TypeVar)
        nw_expr(&w, "bound", t->bound);
    nw_expr(&w, "default_value", t->default_value);
    nw_pos(&w, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset);
    nw_end(&w);
}

static void dump_arguments(dbuf *b, const AdArguments *a)
{
    nw w = nw_begin(b, "arguments");
    nw_list(&w, "posonlyargs", a->posonlyargs, item_arg);
    nw_list(&w, "args", a->args, item_arg);
    nw_arg(&w, "vararg", a->vararg);
    nw_list(&w, "kwonlyargs", a->kwonlyargs, item_arg);
    nw_list(&w, "kw_defaults", a->kw_defaults, item_expr);
    nw_arg(&w, "kwarg", a->kwarg);
    nw_list(&w, "defaults", a->defaults, item_expr);
    nw_end(&w);
}

static void nw_const(nw *w, const char *name, const AdConst *c)
{
    nw_key(w, name);
    repr_const(w->b, c);
}

static void nw_singleton(nw *w, const char *name, const char *value)
{
    nw_key(w, name);
    db_puts(w->b, value);
    db_puts(w->b, "()");
}

static const char *ctx_name(AdExprContext c)
{
    return c == AD_Store ? "Store" : c == AD_Del ? "Del" : "Load";
}

static void dump_expr_node(dbuf *b, const AdExpr *e)
{
    nw w = nw_begin(b, AdAst_ExprKindName(e->kind));
    switch (e->kind) {
    case AD_BoolOp_kind:
        nw_singleton(&w, "op", e->v.BoolOp.op == AD_And ? "And" : "Or");
        nw_list(&w, "values", e->v.BoolOp.values, item_expr);
        break;
    case AD_NamedExpr_kind:
        nw_expr(&w, "target", e->v.NamedExpr.target);
        nw_expr(&w, "value", e->v.NamedExpr.value);
        break;
    case AD_BinOp_kind:
        nw_expr(&w, "left", e->v.BinOp.left);
        nw_singleton(&w, "op", AdAst_OperatorName(e->v.BinOp.op));
        nw_expr(&w, "right", e->v.BinOp.right);
        break;
    case AD_UnaryOp_kind:
        nw_singleton(&w, "op", AdAst_UnaryOpName(e->v.UnaryOp.op));
        nw_expr(&w, "operand", e->v.UnaryOp.operand);
        break;
    case AD_Lambda_kind:
        nw_key(&w, "args");
        dump_arguments(b, e->v.Lambda.args);
        nw_expr(&w, "body", e->v.Lambda.body);
        break;
    case AD_IfExp_kind:
        nw_expr(&w, "test", e->v.IfExp.test);
        nw_expr(&w, "body", e->v.IfExp.body);
        nw_expr(&w, "orelse", e->v.IfExp.orelse);
        break;
    case AD_Dict_kind:
        nw_list(&w, "keys", e->v.Dict.keys, item_expr);
        nw_list(&w, "values", e->v.Dict.values, item_expr);
        break;
    case AD_Set_kind:
        nw_list(&w, "elts", e->v.Set.elts, item_expr);
        break;
    case AD_ListComp_kind:
    case AD_SetComp_kind:
    case AD_GeneratorExp_kind:
        nw_expr(&w, "elt", e->v.ListComp.elt);
        nw_list(&w, "generators", e->v.ListComp.generators, item_comprehension);
        break;
    case AD_DictComp_kind:
        nw_expr(&w, "key", e->v.DictComp.key);
        nw_expr(&w, "value", e->v.DictComp.value);
        nw_list(&w, "generators", e->v.DictComp.generators, item_comprehension);
        break;
    case AD_Await_kind:
    case AD_Yield_kind:
    case AD_YieldFrom_kind:
        nw_expr(&w, "value", e->v.Await.value);
        break;
    case AD_Compare_kind: {
        nw_expr(&w, "left", e->v.Compare.left);
        const AdAstIntSeq *ops = e->v.Compare.ops;
        if (ops && ops->len) {
            nw_key(&w, "ops");
            db_putc(b, '[');
            for (int i = 0; i < ops->len; i++) {
                if (i)
                    db_puts(b, ", ");
                db_puts(b, AdAst_CmpOpName(ops->items[i]));
                db_puts(b, "()");
            }
            db_putc(b, ']');
        }
        nw_list(&w, "comparators", e->v.Compare.comparators, item_expr);
        break;
    }
    case AD_Call_kind:
        nw_expr(&w, "func", e->v.Call.func);
        nw_list(&w, "args", e->v.Call.args, item_expr);
        nw_list(&w, "keywords", e->v.Call.keywords, item_keyword);
        break;
    case AD_FormattedValue_kind:
        nw_expr(&w, "value", e->v.FormattedValue.value);
        nw_int(&w, "conversion", e->v.FormattedValue.conversion);
        nw_expr(&w, "format_spec", e->v.FormattedValue.format_spec);
        break;
    case AD_Interpolation_kind:
        nw_expr(&w, "value", e->v.Interpolation.value);
        nw_const(&w, "str", &e->v.Interpolation.str);
        nw_int(&w, "conversion", e->v.Interpolation.conversion);
        nw_expr(&w, "format_spec", e->v.Interpolation.format_spec);
        break;
    case AD_JoinedStr_kind:
    case AD_TemplateStr_kind:
        nw_list(&w, "values", e->v.JoinedStr.values, item_expr);
        break;
    case AD_Constant_kind:
        nw_const(&w, "value", &e->v.Constant.value);
        nw_ident(&w, "kind", e->v.Constant.kind);
        break;
    case AD_Attribute_kind:
        nw_expr(&w, "value", e->v.Attribute.value);
        nw_ident(&w, "attr", e->v.Attribute.attr);
        nw_singleton(&w, "ctx", ctx_name(e->v.Attribute.ctx));
        break;
    case AD_Subscript_kind:
        nw_expr(&w, "value", e->v.Subscript.value);
        nw_expr(&w, "slice", e->v.Subscript.slice);
        nw_singleton(&w, "ctx", ctx_name(e->v.Subscript.ctx));
        break;
    case AD_Starred_kind:
        nw_expr(&w, "value", e->v.Starred.value);
        nw_singleton(&w, "ctx", ctx_name(e->v.Starred.ctx));
        break;
    case AD_Name_kind:
        nw_ident(&w, "id", e->v.Name.id);
        nw_singleton(&w, "ctx", ctx_name(e->v.Name.ctx));
        break;
    case AD_List_kind:
    case AD_Tuple_kind:
        nw_list(&w, "elts", e->v.List.elts, item_expr);
        nw_singleton(&w, "ctx", ctx_name(e->v.List.ctx));
        break;
    case AD_Slice_kind:
        nw_expr(&w, "lower", e->v.Slice.lower);
        nw_expr(&w, "upper", e->v.Slice.upper);
        nw_expr(&w, "step", e->v.Slice.step);
        break;
    }
    nw_pos(&w, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    nw_end(&w);
}

static void dump_expr(dbuf *b, const AdExpr *e)
{
    if (b->oom)
        return;
    if (++b->depth > DUMP_MAX_DEPTH) {
        b->too_deep = b->oom = 1;
        return;
    }
    dump_expr_node(b, e);
    b->depth--;
}

static void dump_pattern_node(dbuf *b, const AdPattern *p)
{
    static const char *const names[] = {
        "", "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping",
        "MatchClass", "MatchStar", "MatchAs", "MatchOr"
    };
    nw w = nw_begin(b, names[p->kind]);
    switch (p->kind) {
    case AD_MatchValue_kind:
        nw_expr(&w, "value", p->v.MatchValue.value);
        break;
    case AD_MatchSingleton_kind:
        nw_const(&w, "value", &p->v.MatchSingleton.value);
        break;
    case AD_MatchSequence_kind:
        nw_list(&w, "patterns", p->v.MatchSequence.patterns, item_pattern);
        break;
    case AD_MatchMapping_kind:
        nw_list(&w, "keys", p->v.MatchMapping.keys, item_expr);
        nw_list(&w, "patterns", p->v.MatchMapping.patterns, item_pattern);
        nw_ident(&w, "rest", p->v.MatchMapping.rest);
        break;
    case AD_MatchClass_kind:
        nw_expr(&w, "cls", p->v.MatchClass.cls);
        nw_list(&w, "patterns", p->v.MatchClass.patterns, item_pattern);
        nw_list(&w, "kwd_attrs", p->v.MatchClass.kwd_attrs, item_ident);
        nw_list(&w, "kwd_patterns", p->v.MatchClass.kwd_patterns, item_pattern);
        break;
    case AD_MatchStar_kind:
        nw_ident(&w, "name", p->v.MatchStar.name);
        break;
    case AD_MatchAs_kind:
        if (p->v.MatchAs.pattern) {
            nw_key(&w, "pattern");
            dump_pattern(b, p->v.MatchAs.pattern);
        }
        nw_ident(&w, "name", p->v.MatchAs.name);
        break;
    case AD_MatchOr_kind:
        nw_list(&w, "patterns", p->v.MatchOr.patterns, item_pattern);
        break;
    }
    nw_pos(&w, p->lineno, p->col_offset, p->end_lineno, p->end_col_offset);
    nw_end(&w);
}

static void dump_pattern(dbuf *b, const AdPattern *p)
{
    if (b->oom)
        return;
    if (++b->depth > DUMP_MAX_DEPTH) {
        b->too_deep = b->oom = 1;
        return;
    }
    dump_pattern_node(b, p);
    b->depth--;
}

static void dump_stmt_node(dbuf *b, const AdStmt *s)
{
    nw w = nw_begin(b, AdAst_StmtKindName(s->kind));
    switch (s->kind) {
    case AD_FunctionDef_kind:
    case AD_AsyncFunctionDef_kind:
        nw_ident(&w, "name", s->v.FunctionDef.name);
        nw_key(&w, "args");
        dump_arguments(b, s->v.FunctionDef.args);
        nw_list(&w, "body", s->v.FunctionDef.body, item_stmt);
        nw_list(&w, "decorator_list", s->v.FunctionDef.decorator_list, item_expr);
        nw_expr(&w, "returns", s->v.FunctionDef.returns);
        nw_ident(&w, "type_comment", s->v.FunctionDef.type_comment);
        nw_list(&w, "type_params", s->v.FunctionDef.type_params, item_type_param);
        break;
    case AD_ClassDef_kind:
        nw_ident(&w, "name", s->v.ClassDef.name);
        nw_list(&w, "bases", s->v.ClassDef.bases, item_expr);
        nw_list(&w, "keywords", s->v.ClassDef.keywords, item_keyword);
        nw_list(&w, "body", s->v.ClassDef.body, item_stmt);
        nw_list(&w, "decorator_list", s->v.ClassDef.decorator_list, item_expr);
        nw_list(&w, "type_params", s->v.ClassDef.type_params, item_type_param);
        break;
    case AD_Return_kind:
        nw_expr(&w, "value", s->v.Return.value);
        break;
    case AD_Delete_kind:
        nw_list(&w, "targets", s->v.Delete.targets, item_expr);
        break;
    case AD_Assign_kind:
        nw_list(&w, "targets", s->v.Assign.targets, item_expr);
        nw_expr(&w, "value", s->v.Assign.value);
        nw_ident(&w, "type_comment", s->v.Assign.type_comment);
        break;
    case AD_TypeAlias_kind:
        nw_expr(&w, "name", s->v.TypeAlias.name);
        nw_list(&w, "type_params", s->v.TypeAlias.type_params, item_type_param);
        nw_expr(&w, "value", s->v.TypeAlias.value);
        break;
    case AD_AugAssign_kind:
        nw_expr(&w, "target", s->v.AugAssign.target);
        nw_singleton(&w, "op", AdAst_OperatorName(s->v.AugAssign.op));
        nw_expr(&w, "value", s->v.AugAssign.value);
        break;
    case AD_AnnAssign_kind:
        nw_expr(&w, "target", s->v.AnnAssign.target);
        nw_expr(&w, "annotation", s->v.AnnAssign.annotation);
        nw_expr(&w, "value", s->v.AnnAssign.value);
        nw_int(&w, "simple", s->v.AnnAssign.simple);
        break;
    case AD_For_kind:
    case AD_AsyncFor_kind:
        nw_expr(&w, "target", s->v.For.target);
        nw_expr(&w, "iter", s->v.For.iter);
        nw_list(&w, "body", s->v.For.body, item_stmt);
        nw_list(&w, "orelse", s->v.For.orelse, item_stmt);
        nw_ident(&w, "type_comment", s->v.For.type_comment);
        break;
    case AD_While_kind:
    case AD_If_kind:
        nw_expr(&w, "test", s->v.If.test);
        nw_list(&w, "body", s->v.If.body, item_stmt);
        nw_list(&w, "orelse", s->v.If.orelse, item_stmt);
        break;
    case AD_With_kind:
    case AD_AsyncWith_kind:
        nw_list(&w, "items", s->v.With.items, item_withitem);
        nw_list(&w, "body", s->v.With.body, item_stmt);
        nw_ident(&w, "type_comment", s->v.With.type_comment);
        break;
    case AD_Match_kind:
        nw_expr(&w, "subject", s->v.Match.subject);
        nw_list(&w, "cases", s->v.Match.cases, item_match_case);
        break;
    case AD_Raise_kind:
        nw_expr(&w, "exc", s->v.Raise.exc);
        nw_expr(&w, "cause", s->v.Raise.cause);
        break;
    case AD_Try_kind:
    case AD_TryStar_kind:
        nw_list(&w, "body", s->v.Try.body, item_stmt);
        nw_list(&w, "handlers", s->v.Try.handlers, item_handler);
        nw_list(&w, "orelse", s->v.Try.orelse, item_stmt);
        nw_list(&w, "finalbody", s->v.Try.finalbody, item_stmt);
        break;
    case AD_Assert_kind:
        nw_expr(&w, "test", s->v.Assert.test);
        nw_expr(&w, "msg", s->v.Assert.msg);
        break;
    case AD_Import_kind:
        nw_list(&w, "names", s->v.Import.names, item_alias);
        break;
    case AD_ImportFrom_kind:
        nw_ident(&w, "module", s->v.ImportFrom.module);
        nw_list(&w, "names", s->v.ImportFrom.names, item_alias);
        nw_int(&w, "level", s->v.ImportFrom.level);
        break;
    case AD_Global_kind:
    case AD_Nonlocal_kind:
        nw_list(&w, "names", s->v.Global.names, item_ident);
        break;
    case AD_Expr_kind:
        nw_expr(&w, "value", s->v.Expr.value);
        break;
    case AD_Pass_kind:
    case AD_Break_kind:
    case AD_Continue_kind:
        break;
    }
    nw_pos(&w, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    nw_end(&w);
}

static void dump_stmt(dbuf *b, const AdStmt *s)
{
    if (b->oom)
        return;
    if (++b->depth > DUMP_MAX_DEPTH) {
        b->too_deep = b->oom = 1;
        return;
    }
    dump_stmt_node(b, s);
    b->depth--;
}

static void dump_mod(dbuf *b, const AdMod *m)
{
    nw w;
    switch (m->kind) {
    case AD_Module_kind:
        w = nw_begin(b, "Module");
        nw_list(&w, "body", m->v.Module.body, item_stmt);
        nw_list(&w, "type_ignores", m->v.Module.type_ignores, item_type_ignore);
        break;
    case AD_Interactive_kind:
        w = nw_begin(b, "Interactive");
        nw_list(&w, "body", m->v.Interactive.body, item_stmt);
        break;
    case AD_Expression_kind:
        w = nw_begin(b, "Expression");
        nw_expr(&w, "body", m->v.Expression.body);
        break;
    default:
        w = nw_begin(b, "FunctionType");
        nw_list(&w, "argtypes", m->v.FunctionType.argtypes, item_expr);
        nw_expr(&w, "returns", m->v.FunctionType.returns);
        break;
    }
    nw_end(&w);
}

static char *dump_to_string(const AdMod *mod, int *too_deep)
{
    dbuf b = {0};
    db_reserve(&b, 4096);
    dump_mod(&b, mod);
    *too_deep = b.too_deep;
    if (b.oom) {
        free(b.buf);
        return NULL;
    }
    return b.buf;
}

char *AdAst_DumpToString(const AdMod *mod)
{
    int too_deep;
    return dump_to_string(mod, &too_deep);
}

int AdAst_Dump(const AdMod *mod, FILE *out)
{
    int too_deep;
    char *s = dump_to_string(mod, &too_deep);
    if (!s)
        return too_deep ? -2 : -1;
    size_t n = strlen(s);
    int rc = fwrite(s, 1, n, out) == n ? 0 : -1;
    free(s);
    return rc;
}
