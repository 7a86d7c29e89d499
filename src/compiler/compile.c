/* compile.c -- the compiler's public entry points (compile.h): the
 * Compiler record (errors, warnings, string pool, future features), the
 * pipeline symtable -> codegen -> flow graph -> assembler, raising the
 * error record as a Python exception, and the `-X dump_code` test hook. */
#include "compiler/compile_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parser/arena.h"

/* ---- strings ---- */

char *comp_strdup(Compiler *c, const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (!p) {
        comp_nomem(c);
        return NULL;
    }
    memcpy(p, s, n + 1);
    if (c->npool == c->pool_cap) {
        int cap = c->pool_cap ? c->pool_cap * 2 : 32;
        char **v = realloc(c->pool, (size_t)cap * sizeof *v);
        if (!v) {
            free(p);
            comp_nomem(c);
            return NULL;
        }
        c->pool = v;
        c->pool_cap = cap;
    }
    c->pool[c->npool++] = p;
    return p;
}

char *comp_strfmt(Compiler *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        s = NULL;
    va_end(ap);
    if (!s) {
        comp_nomem(c);
        return NULL;
    }
    char *p = comp_strdup(c, s);
    free(s);
    return p;
}

/* ---- errors ---- */

int comp_nomem(Compiler *c)
{
    if (c->err && c->err->kind == AD_PERR_NONE) {
        c->err->kind = AD_PERR_MEMORY;
        free(c->err->msg);
        c->err->msg = NULL;
        if (AdErr_Occurred()) {
            AdObject *exc = AdErr_GetRaisedException();
            AdObject *s = exc ? AdObject_Str(exc) : NULL;
            const char *m = s ? AdStr_AsUTF8(s) : NULL;
            const char *tn = exc ? AD_TYPE(exc)->tp_name : "Error";
            if (asprintf(&c->err->msg, "%s: %s", tn, m ? m : "") < 0)
                c->err->msg = NULL;
            Ad_XDECREF(s);
            AdErr_SetRaisedException(exc);
        } else {
            c->err->msg = strdup("out of memory");
        }
    }
    c->failed = 1;
    return -1;
}

int comp_error(Compiler *c, CLoc loc, const char *fmt, ...)
{
    c->failed = 1;
    if (!c->err || c->err->kind != AD_PERR_NONE)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    AdParseError *e = c->err;
    e->kind = AD_PERR_SYNTAX;
    e->msg = msg;
    e->filename = strdup(c->filename);
    e->lineno = loc.lineno;
    e->offset = loc.col + 1;
    e->end_lineno = loc.end_lineno;
    e->end_offset = loc.end_col + 1;
    e->text = NULL;
    return -1;
}

int comp_warn(Compiler *c, CLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    if (!msg)
        return comp_nomem(c);
    int r = 0;
    if (c->warn)
        r = c->warn(c->warnctx, msg, loc.lineno, loc.col + 1, loc.end_lineno, loc.end_col + 1);
    if (r < 0) {
        int x = comp_error(c, loc, "%s", msg);
        free(msg);
        return x;
    }
    free(msg);
    return 0;
}

/* ---- the pipeline ---- */

AdObject *codegen_module(Compiler *c, const AdMod *mod);
int comp_preprocess(Compiler *c, const AdMod *mod);

AdObject *AdCompile_Ast(const AdMod *mod, const char *filename, AdCompileOptions *opts,
                        AdCompileError *err)
{
    memset(err, 0, sizeof *err);
    if (!filename)
        filename = "<string>";
    int flags = opts ? opts->flags : 0;
    int stflags = 0;
    if (flags & AD_CO_FUTURE_ANNOTATIONS)
        stflags |= AD_FUTURE_ANNOTATIONS;
    if (flags & AD_CO_FUTURE_BARRY_AS_BDFL)
        stflags |= AD_FUTURE_BARRY_AS_BDFL;
    if (flags & AD_PYCF_ALLOW_TOP_LEVEL_AWAIT)
        stflags |= AD_CF_ALLOW_TOP_LEVEL_AWAIT;
    AdSymtable *st = AdSymtable_Build(mod, filename, stflags, err);
    if (!st)
        return NULL;
    Compiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename;
    c.st = st;
    c.err = err;
    c.flags = flags;
    c.optimize = opts ? opts->optimize : 0;
    if (c.optimize < 0)
        c.optimize = 0;
    c.warn = opts ? opts->warn : NULL;
    c.warnctx = opts ? opts->warnctx : NULL;
    int feats = AdSymtable_Features(st);
    c.future_features = flags & (AD_CO_FUTURE_ANNOTATIONS | AD_CO_FUTURE_BARRY_AS_BDFL);
    if (feats & AD_FUTURE_ANNOTATIONS)
        c.future_features |= AD_CO_FUTURE_ANNOTATIONS;
    if (feats & AD_FUTURE_BARRY_AS_BDFL)
        c.future_features |= AD_CO_FUTURE_BARRY_AS_BDFL;
    if (opts)
        opts->flags_out = c.flags | c.future_features;
    AdObject *co = NULL;
    c.filename_obj = AdStr_FromString(filename);
    if (!c.filename_obj) {
        comp_nomem(&c);
    } else if (comp_preprocess(&c, mod) == 0) {
        co = codegen_module(&c, mod);
    }
    if (!co && err->kind == AD_PERR_NONE)
        comp_nomem(&c);
    if (co && err->kind != AD_PERR_NONE) {
        Ad_DECREF(co);
        co = NULL;
    }
    Ad_XDECREF(c.filename_obj);
    for (int i = 0; i < c.npool; i++)
        free(c.pool[i]);
    free(c.pool);
    AdSymtable_Free(st);
    return co;
}

/* The parser's SyntaxWarnings go to the compile options' warning callback. */
static int forward_parse_warning(void *ctx, const AdParseWarning *w)
{
    AdCompileOptions *opts = ctx;
    return opts->warn(opts->warnctx, w->msg, w->lineno, w->offset, w->end_lineno, w->end_offset);
}

AdObject *AdCompile_String(const char *src, size_t len, const char *filename,
                           AdCompileMode mode, AdCompileOptions *opts, AdCompileError *err)
{
    AdArena *arena = AdArena_New();
    if (!arena) {
        memset(err, 0, sizeof *err);
        err->kind = AD_PERR_MEMORY;
        err->msg = strdup("out of memory");
        return NULL;
    }
    AdParseMode pm = mode == AD_COMPILE_EVAL ? AD_PARSE_EVAL
                     : mode == AD_COMPILE_SINGLE ? AD_PARSE_SINGLE : AD_PARSE_EXEC;
    AdMod *mod = opts && opts->warn
                     ? AdParser_ParseStringEx(src, len, filename, pm, 0, arena, err, forward_parse_warning, opts)
                     : AdParser_ParseString(src, len, filename, pm, 0, arena, err);
    AdObject *co = NULL;
    if (mod)
        co = AdCompile_Ast(mod, filename, opts, err);
    AdArena_Free(arena);
    return co;
}

AdObject *AdCompile_RaiseError(const AdCompileError *err)
{
    switch (err->kind) {
    case AD_PERR_MEMORY:
        if (!AdErr_Occurred())
            AdErr_NoMemory();
        return NULL;
    case AD_PERR_OS:
        AdErr_SetString(AdExc_OSError, err->msg ? err->msg : "cannot read file");
        return NULL;
    default:
        break;
    }
    AdObject *type = err->kind == AD_PERR_INDENTATION ? AdExc_IndentationError
                     : err->kind == AD_PERR_TAB ? AdExc_TabError : AdExc_SyntaxError;
    AdObject *msg = AdStr_FromString(err->msg ? err->msg : "invalid syntax");
    AdObject *fn = err->filename ? AdStr_FromString(err->filename) : Ad_NewRef(Ad_None);
    AdObject *text = err->text ? AdStr_FromString(err->text) : Ad_NewRef(Ad_None);
    AdObject *info = NULL, *args = NULL, *exc = NULL;
    if (msg && fn && text) {
        info = AdTuple_New(6);
        if (info) {
            AdTuple_SET_ITEM(info, 0, Ad_NewRef(fn));
            AdTuple_SET_ITEM(info, 1, AdInt_FromInt64(err->lineno));
            AdTuple_SET_ITEM(info, 2, AdInt_FromInt64(err->offset));
            AdTuple_SET_ITEM(info, 3, Ad_NewRef(text));
            AdTuple_SET_ITEM(info, 4, AdInt_FromInt64(err->end_lineno));
            AdTuple_SET_ITEM(info, 5, AdInt_FromInt64(err->end_offset));
            for (int i = 0; i < 6; i++)
                if (!AdTuple_GET_ITEM(info, i))
                    AD_CLEAR(info);
        }
    }
    if (info)
        args = AdTuple_Pack(2, msg, info);
    if (args)
        exc = AdObject_Call(type, args, NULL);
    if (exc) {
        AdErr_SetObject(type, exc);
        Ad_DECREF(exc);
    }
    Ad_XDECREF(msg);
    Ad_XDECREF(fn);
    Ad_XDECREF(text);
    Ad_XDECREF(info);
    Ad_XDECREF(args);
    return NULL;
}

/* ---- the dump (tests/compiler/dump_code.py prints the same) ---- */

typedef struct {
    char *v;
    size_t n, cap;
} SBuf;

static void sb_add(SBuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap + n + 1) * 2;
        char *v = realloc(b->v, cap);
        if (!v)
            return;
        b->v = v;
        b->cap = cap;
    }
    memcpy(b->v + b->n, s, n);
    b->n += n;
    b->v[b->n] = 0;
}

static void sb_str(SBuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void sb_repr(SBuf *b, AdObject *o);

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sb_repr(SBuf *b, AdObject *o)
{
    if (AdCode_Check(o)) {
        sb_str(b, "<code ");
        sb_str(b, AdStr_AsUTF8(((AdCodeObject *)o)->co_qualname));
        sb_str(b, ">");
        return;
    }
    if (AdTuple_CheckExact(o)) {
        Ad_ssize_t n = AdTuple_GET_SIZE(o);
        sb_str(b, "(");
        for (Ad_ssize_t i = 0; i < n; i++) {
            if (i)
                sb_str(b, ", ");
            sb_repr(b, AdTuple_GET_ITEM(o, i));
        }
        if (n == 1)
            sb_str(b, ",");
        sb_str(b, ")");
        return;
    }
    if (AdFrozenSet_CheckExact(o)) {
        Ad_ssize_t n = AdSet_GET_SIZE(o);
        if (n == 0) {
            sb_str(b, "frozenset()");
            return;
        }
        char **items = calloc((size_t)n, sizeof *items);
        Ad_ssize_t pos = 0, k = 0;
        AdObject *key;
        Ad_hash_t h;
        while (items && AdSet_Next(o, &pos, &key, &h) && k < n) {
            SBuf t = {0};
            sb_repr(&t, key);
            items[k++] = t.v ? t.v : strdup("");
        }
        if (items)
            qsort(items, (size_t)k, sizeof *items, cmp_str);
        sb_str(b, "frozenset({");
        for (Ad_ssize_t i = 0; items && i < k; i++) {
            if (i)
                sb_str(b, ", ");
            sb_str(b, items[i]);
            free(items[i]);
        }
        free(items);
        sb_str(b, "})");
        return;
    }
    AdObject *r = AdObject_Repr(o);
    if (!r) {
        AdErr_Clear();
        sb_str(b, "<?>");
        return;
    }
    Ad_ssize_t n;
    const char *s = AdStr_AsUTF8AndSize(r, &n);
    if (s)
        sb_add(b, s, (size_t)n);
    else
        AdErr_Clear();
    Ad_DECREF(r);
}

static void dump_names(FILE *out, const char *label, AdObject **names, int n)
{
    fprintf(out, "%s: (", label);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", out);
        fputs(AdStr_AsUTF8(names[i]), out);
    }
    if (n == 1)
        fputs(",", out);
    fputs(")\n", out);
}

static void dump_hex(FILE *out, const char *label, const unsigned char *p, Ad_ssize_t n)
{
    fprintf(out, "%s: ", label);
    for (Ad_ssize_t i = 0; i < n; i++)
        fprintf(out, "%02x", p[i]);
    fputc('\n', out);
}

int AdCompile_DumpCode(AdObject *code, FILE *out)
{
    AdCodeObject *co = (AdCodeObject *)code;
    fprintf(out, "== code %s\n", AdStr_AsUTF8(co->co_qualname));
    fprintf(out, "name: %s\n", AdStr_AsUTF8(co->co_name));
    fprintf(out, "flags: 0x%08x\n", (unsigned)co->co_flags);
    fprintf(out, "argcount: %d posonly: %d kwonly: %d nlocals: %d\n", co->co_argcount,
            co->co_posonlyargcount, co->co_kwonlyargcount, co->co_nlocals);
    fprintf(out, "stacksize: %d\n", co->co_stacksize);
    fprintf(out, "firstlineno: %d\n", co->co_firstlineno);
    int nlp = co->co_nlocalsplus;
    AdObject **lv = calloc((size_t)nlp + 1, sizeof *lv);
    AdObject **cv = calloc((size_t)nlp + 1, sizeof *cv);
    AdObject **fv = calloc((size_t)nlp + 1, sizeof *fv);
    int nl = 0, nc = 0, nf = 0;
    const unsigned char *kinds = (const unsigned char *)AdBytes_AS_STRING(co->co_localspluskinds);
    for (int i = 0; lv && cv && fv && i < nlp; i++) {
        AdObject *nm = AdTuple_GET_ITEM(co->co_localsplusnames, i);
        if (kinds[i] & AD_CO_FAST_LOCAL)
            lv[nl++] = nm;
        if (kinds[i] & AD_CO_FAST_CELL)
            cv[nc++] = nm;
        if (kinds[i] & AD_CO_FAST_FREE)
            fv[nf++] = nm;
    }
    dump_names(out, "varnames", lv, nl);
    dump_names(out, "cellvars", cv, nc);
    dump_names(out, "freevars", fv, nf);
    free(lv);
    free(cv);
    free(fv);
    dump_names(out, "names", AdTuple_ITEMS(co->co_names), (int)AdTuple_GET_SIZE(co->co_names));
    SBuf b = {0};
    sb_repr(&b, co->co_consts);
    if (b.v && AdTuple_GET_SIZE(co->co_consts) == 0) {
        free(b.v);
        b.v = strdup("()");
    }
    fprintf(out, "consts: %s\n", b.v ? b.v : "");
    free(b.v);
    dump_hex(out, "code", (const unsigned char *)AdCode_CODE(co), AdCode_NBYTES(co));
    dump_hex(out, "exceptiontable", (const unsigned char *)AdBytes_AS_STRING(co->co_exceptiontable),
             AdBytes_GET_SIZE(co->co_exceptiontable));
    dump_hex(out, "linetable", (const unsigned char *)AdBytes_AS_STRING(co->co_linetable),
             AdBytes_GET_SIZE(co->co_linetable));
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(co->co_consts); i++) {
        AdObject *k = AdTuple_GET_ITEM(co->co_consts, i);
        if (AdCode_Check(k))
            AdCompile_DumpCode(k, out);
    }
    return 0;
}

typedef struct {
    char **lines;
    int n, cap;
} WarnLog;

static int dump_warn(void *ctx, const char *msg, int lineno, int offset, int end_lineno,
                     int end_offset)
{
    (void)offset;
    (void)end_lineno;
    (void)end_offset;
    WarnLog *w = ctx;
    char *s = NULL;
    if (asprintf(&s, "SyntaxWarning|%s|%d", msg, lineno) < 0)
        return 0;
    if (w->n == w->cap) {
        int cap = w->cap ? w->cap * 2 : 8;
        char **v = realloc(w->lines, (size_t)cap * sizeof *v);
        if (!v) {
            free(s);
            return 0;
        }
        w->lines = v;
        w->cap = cap;
    }
    w->lines[w->n++] = s;
    return 0;
}

static int dump_parse_warn(void *ctx, const AdParseWarning *pw)
{
    return dump_warn(ctx, pw->msg, pw->lineno, pw->offset, pw->end_lineno, pw->end_offset);
}

int AdCompile_DumpCodeFile(const char *path, FILE *out, FILE *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(err, "dump_code: cannot open %s\n", path);
        return 2;
    }
    SBuf src = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_add(&src, buf, n);
    fclose(f);
    AdArena *arena = AdArena_New();
    AdCompileError e;
    memset(&e, 0, sizeof e);
    WarnLog wl = {0};
    AdMod *mod = AdParser_ParseStringEx(src.v ? src.v : "", src.n, path, AD_PARSE_EXEC, 0, arena, &e,
                                        dump_parse_warn, &wl);
    AdObject *co = NULL;
    if (mod) {
        AdCompileOptions opts;
        memset(&opts, 0, sizeof opts);
        opts.warn = dump_warn;
        opts.warnctx = &wl;
        co = AdCompile_Ast(mod, path, &opts, &e);
    }
    for (int i = 0; i < wl.n; i++) {
        fprintf(out, "%s\n", wl.lines[i]);
        free(wl.lines[i]);
    }
    free(wl.lines);
    int rc = 0;
    if (!co) {
        fprintf(out, "%s|%s|%d|%d|%d|%d\n", AdParseError_TypeName(e.kind), e.msg ? e.msg : "",
                e.lineno, e.offset, e.end_lineno, e.end_offset);
        if (AdErr_Occurred())
            AdErr_Clear();
        rc = 1;
    } else {
        AdCompile_DumpCode(co, out);
        Ad_DECREF(co);
    }
    AdParseError_Clear(&e);
    AdArena_Free(arena);
    free(src.v);
    return rc;
}
