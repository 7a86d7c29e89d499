/* traceback_print.c: the exception printer over objects. It collects what
 * traceback.TracebackException collects (the frames of each traceback with
 * their positions and source lines, str(exc) with the "Did you mean"
 * suggestions, notes, SyntaxError fields, the __cause__/__context__ chain
 * and group members, cycle-safe in the same order), then lays it out as
 * TracebackException.format does, with the layout helpers of
 * traceback_print_core.c. Source lines come from files decoded by their
 * PEP 263 encoding (the tokenizer's decoding), or from sources registered
 * for code without a file (-c, exec of strings). Also the default
 * sys.unraisablehook's report, which CPython prints with its C printer
 * (source lines without carets, no chained exceptions). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modules/sys.h"
#include "modules/io.h"
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/traceback_print.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "parser/tokenizer.h"
#include "runtime/colorize.h"
#include "runtime/runtime.h"

/* ---- the printing context: owned strings and loaded sources ---- */

typedef struct {
    char *filename;
    AdTokenizer *tok;          /* NULL: no source */
} SourceFile;

typedef struct TE TE;

typedef struct {
    char **strs;
    size_t nstrs, capstrs;
    SourceFile *files;
    size_t nfiles, capfiles;
    AdObject **seen;           /* exceptions met (borrowed; kept alive by the top one) */
    size_t nseen, capseen;
    TE **tes;                  /* every TE made, for freeing */
    size_t ntes, captes;
    int oom;
} Ctx;

struct TE {
    AdObject *exc;
    AdTbFrameSummary *frames;
    size_t nframes;
    const char *str;
    const char *type_str;
    int is_syntax;
    AdTbSyntaxError se;
    const char *notes;         /* the notes' lines, each ending in "\n", or NULL */
    int suppress_context;
    TE *cause, *context;
    TE **excs;                 /* group members, or NULL */
    size_t nexcs;
};

static void *grow(Ctx *c, void *arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return arr;
    size_t nc = *cap ? *cap * 2 : 16;
    void *v = realloc(arr, nc * elem);
    if (v == NULL) {
        c->oom = 1;
        return NULL;
    }
    *cap = nc;
    return v;
}

/* Keeps S (malloc'ed) until the context goes; returns it (NULL stays NULL). */
static char *own(Ctx *c, char *s)
{
    if (s == NULL) {
        c->oom = 1;
        return NULL;
    }
    char **v = grow(c, c->strs, &c->capstrs, c->nstrs, sizeof *v);
    if (v == NULL) {
        free(s);
        return NULL;
    }
    c->strs = v;
    c->strs[c->nstrs++] = s;
    return s;
}

static char *own_copy(Ctx *c, const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return own(c, d);
}

static char *own_str(Ctx *c, const char *s)
{
    return own_copy(c, s, strlen(s));
}

static char *own_printf(Ctx *c, const char *a, const char *b, const char *d)
{
    size_t n = strlen(a) + strlen(b) + strlen(d);
    char *s = malloc(n + 1);
    if (s)
        snprintf(s, n + 1, "%s%s%s", a, b, d);
    return own(c, s);
}

/* UTF-8 of a str object (NULL with no exception when it is not one). */
static char *utf8_of(Ctx *c, AdObject *s)
{
    if (s == NULL || !AdStr_Check(s))
        return NULL;
    Ad_ssize_t n;
    const char *u = AdStr_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        AdErr_Clear();
        return own_str(c, "<unprintable str>");
    }
    return own_copy(c, u, (size_t)n);
}

/* traceback._safe_string: str(v) (or repr), "<WHAT str() failed>" on error. */
static char *safe_string(Ctx *c, AdObject *v, const char *what, int use_repr)
{
    AdObject *s = use_repr ? AdObject_Repr(v) : AdObject_Str(v);
    if (s == NULL) {
        AdErr_Clear();
        return own_printf(c, "<", what, use_repr ? " repr() failed>" : " str() failed>");
    }
    char *r = utf8_of(c, s);
    Ad_DECREF(s);
    return r ? r : own_str(c, "");
}

static AdObject *get_attr(AdObject *o, const char *name)
{
    AdObject *n = AdStr_FromString(name), *r = NULL;
    if (n == NULL) {
        AdErr_Clear();
        return NULL;
    }
    if (AdObject_GetOptionalAttr(o, n, &r) < 0) {
        AdErr_Clear();
        r = NULL;
    }
    Ad_DECREF(n);
    return r;
}

/* ---- source lines (linecache) ---- */

typedef struct {
    char *filename, *qualname;
    int firstlineno;
    char *source;
    size_t len;
} Registered;

static Registered *registered;
static size_t nregistered, capregistered;

void AdTraceback_ClearSources(void)
{
    for (size_t i = 0; i < nregistered; i++) {
        free(registered[i].filename);
        free(registered[i].qualname);
        free(registered[i].source);
    }
    free(registered);
    registered = NULL;
    nregistered = capregistered = 0;
}

static int register_one(AdObject *code, const char *source, size_t len)
{
    AdCodeObject *co = (AdCodeObject *)code;
    const char *fn = AdStr_Check(co->co_filename) ? AdStr_AsUTF8(co->co_filename) : NULL;
    const char *qn = AdStr_Check(co->co_qualname) ? AdStr_AsUTF8(co->co_qualname) : NULL;
    if (fn == NULL || qn == NULL) {
        AdErr_Clear();
        return 0;
    }
    if (nregistered == capregistered) {
        size_t nc = capregistered ? capregistered * 2 : 16;
        Registered *v = realloc(registered, nc * sizeof *v);
        if (v == NULL)
            return -1;
        registered = v;
        capregistered = nc;
    }
    Registered *r = &registered[nregistered];
    r->filename = strdup(fn);
    r->qualname = strdup(qn);
    r->source = malloc(len + 1);
    if (!r->filename || !r->qualname || !r->source) {
        free(r->filename), free(r->qualname), free(r->source);
        return -1;
    }
    memcpy(r->source, source, len);
    r->source[len] = 0;
    r->len = len;
    r->firstlineno = co->co_firstlineno;
    nregistered++;
    return 0;
}

int AdTraceback_RegisterSource(AdObject *code, const char *source, size_t len)
{
    if (code == NULL || !AdCode_Check(code))
        return 0;
    if (register_one(code, source, len) < 0) {
        AdErr_NoMemory();
        return -1;
    }
    AdObject *consts = ((AdCodeObject *)code)->co_consts;
    if (consts && AdTuple_Check(consts))
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(consts); i++) {
            AdObject *k = AdTuple_GET_ITEM(consts, i);
            if (AdCode_Check(k) && AdTraceback_RegisterSource(k, source, len) < 0)
                return -1;
        }
    return 0;
}

/* Line LINENO of the registered source of CODE (str.splitlines), or NULL. */
static const char *registered_line(AdObject *code, int lineno, size_t *len)
{
    AdCodeObject *co = (AdCodeObject *)code;
    const char *fn = AdStr_Check(co->co_filename) ? AdStr_AsUTF8(co->co_filename) : NULL;
    const char *qn = AdStr_Check(co->co_qualname) ? AdStr_AsUTF8(co->co_qualname) : NULL;
    if (fn == NULL || qn == NULL) {
        AdErr_Clear();
        return NULL;
    }
    for (size_t i = nregistered; i-- > 0;) {
        Registered *r = &registered[i];
        if (r->firstlineno != co->co_firstlineno || strcmp(r->filename, fn) || strcmp(r->qualname, qn))
            continue;
        const char *p = r->source, *e = r->source + r->len;
        for (int k = 1; p < e; k++) {
            const char *q = p;
            while (q < e && *q != '\n' && *q != '\r')
                q++;
            if (k == lineno) {
                *len = (size_t)(q - p);
                return p;
            }
            if (q < e && *q == '\r' && q + 1 < e && q[1] == '\n')
                q++;
            p = q + 1;
        }
        return NULL;
    }
    return NULL;
}

static AdTokenizer *load_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            char *d = realloc(data, cap);
            if (d == NULL) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = d;
        }
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    AdTokenizer *tok = err ? NULL : AdTokenizer_New(data, len, path, 0);
    free(data);
    return tok;
}

/* linecache.getlines' source for FILENAME (NULL when unavailable). */
static AdTokenizer *source_of(Ctx *c, const char *filename)
{
    for (size_t i = 0; i < c->nfiles; i++)
        if (strcmp(c->files[i].filename, filename) == 0)
            return c->files[i].tok;
    SourceFile *v = grow(c, c->files, &c->capfiles, c->nfiles, sizeof *v);
    if (v == NULL)
        return NULL;
    c->files = v;
    AdTokenizer *tok = NULL;
    size_t flen = strlen(filename);
    int unavailable = flen == 0 || (filename[0] == '<' && filename[flen - 1] == '>' &&
                                    strncmp(filename, "<frozen ", 8) != 0);
    if (!unavailable) {
        tok = load_file(filename);
        if (tok == NULL && filename[0] != '/') {
            /* linecache looks a relative name up along sys.path */
            AdObject *path = AdSys_GetObject("path");
            if (path && AdList_Check(path))
                for (Ad_ssize_t i = 0; tok == NULL && i < AdList_GET_SIZE(path); i++) {
                    AdObject *d = AdList_GET_ITEM(path, i);
                    const char *ds = AdStr_Check(d) ? AdStr_AsUTF8(d) : NULL;
                    if (ds == NULL) {
                        AdErr_Clear();
                        continue;
                    }
                    size_t n = strlen(ds) + flen + 2;
                    char *full = malloc(n);
                    if (full == NULL)
                        break;
                    snprintf(full, n, "%s%s%s", ds, *ds && ds[strlen(ds) - 1] != '/' ? "/" : "",
                             filename);
                    tok = load_file(full);
                    free(full);
                }
        }
    }
    char *name = strdup(filename);
    if (name == NULL) {
        AdTokenizer_Free(tok);
        c->oom = 1;
        return NULL;
    }
    c->files[c->nfiles].filename = name;
    c->files[c->nfiles].tok = tok;
    c->nfiles++;
    return tok;
}

static int is_space_byte(unsigned char ch)
{
    return ch == ' ' || (ch >= 0x09 && ch <= 0x0D) || (ch >= 0x1C && ch <= 0x1F);
}

/* Length of LINE[0..n) without trailing white space (str.rstrip; the
 * non-ASCII spaces U+0085, U+00A0, U+1680, U+2000.., U+3000 included). */
static size_t rstrip_len(const char *line, size_t n)
{
    for (;;) {
        if (n > 0 && is_space_byte((unsigned char)line[n - 1])) {
            n--;
            continue;
        }
        const unsigned char *u = (const unsigned char *)line;
        if (n >= 2 && u[n - 2] == 0xC2 && (u[n - 1] == 0x85 || u[n - 1] == 0xA0)) {
            n -= 2;
            continue;
        }
        if (n >= 3 && ((u[n - 3] == 0xE1 && u[n - 2] == 0x9A && u[n - 1] == 0x80) ||
                       (u[n - 3] == 0xE2 && u[n - 2] == 0x80 &&
                        (u[n - 1] <= 0x8A || u[n - 1] == 0xA8 || u[n - 1] == 0xA9 || u[n - 1] == 0xAF)) ||
                       (u[n - 3] == 0xE2 && u[n - 2] == 0x81 && u[n - 1] == 0x9F) ||
                       (u[n - 3] == 0xE3 && u[n - 2] == 0x80 && u[n - 1] == 0x80))) {
            n -= 3;
            continue;
        }
        return n;
    }
}

/* FrameSummary._set_lines for one frame. */
static const char *frame_lines(Ctx *c, const char *filename, AdObject *code, int lineno, int end_lineno)
{
    if (lineno == AD_TB_NONE)
        return NULL;
    AdTbBuf b;
    AdTbBuf_Init(&b);
    AdTokenizer *tok = source_of(c, filename);
    for (int ln = lineno; ln <= end_lineno; ln++) {
        size_t n = 0;
        const char *line = tok ? AdTokenizer_GetLine(tok, ln, &n) : NULL;
        size_t k = line ? rstrip_len(line, n) : 0;
        if (k == 0 && code && filename[0] == '<') {
            line = registered_line(code, ln, &n);
            k = line ? rstrip_len(line, n) : 0;
        }
        if (ln > lineno)
            AdTbBuf_Append(&b, "\n", 1);
        if (k)
            AdTbBuf_Append(&b, line, k);
    }
    AdTbBuf_Append(&b, "\n", 1);
    if (b.failed) {
        AdTbBuf_Free(&b);
        c->oom = 1;
        return NULL;
    }
    return own(c, b.data);
}

/* ---- frames of a traceback ---- */

static int tb_lineno(AdTracebackObject *tb, AdObject *code)
{
    int l = tb->tb_lineno;
    if (l < 0 && code && tb->tb_lasti >= 0)
        l = AdCode_Addr2Line(code, tb->tb_lasti);
    return l < 0 ? AD_TB_NONE : l;
}

/* sys.tracebacklimit as _print_exception_bltin reads it: -1 when unset. */
static long traceback_limit(void)
{
    AdObject *lim = AdSys_GetObject("tracebacklimit");
    if (lim == NULL || !AdInt_Check(lim))
        return -1;
    int64_t v = AdInt_AsInt64(lim);
    if (v == -1 && AdErr_Occurred()) {
        AdErr_Clear();
        v = 1000000000;
    }
    return v < 0 ? 0 : v > 1000000000 ? 1000000000 : (long)v;
}

/* The frames of TB. LIMIT < 0: all. Otherwise the builtin hook's slice
 * frames[len - limit:] (Python's negative-index rule included: with
 * len < limit < 2 * len it keeps fewer than len frames, as CPython does),
 * or with C_PRINTER the last LIMIT frames as CPython's C printer keeps. */
static void extract_frames(Ctx *c, TE *te, AdObject *tb, long limit, int c_printer)
{
    size_t total = 0;
    for (AdObject *t = tb; t && AdTraceback_Check(t); t = (AdObject *)((AdTracebackObject *)t)->tb_next)
        total++;
    size_t skip = 0;
    if (limit >= 0) {
        /* frame_gen[len(frame_gen) - limit:], Python slicing included */
        long start = (long)total - limit;
        if (start < 0 && !c_printer)
            start += (long)total;
        if (start < 0)
            start = 0;
        skip = (size_t)start;
    }
    if (total <= skip)
        return;
    te->frames = calloc(total - skip, sizeof *te->frames);
    if (te->frames == NULL) {
        c->oom = 1;
        return;
    }
    own(c, (char *)te->frames);
    size_t i = 0;
    for (AdObject *t = tb; t && AdTraceback_Check(t); t = (AdObject *)((AdTracebackObject *)t)->tb_next, i++) {
        if (i < skip)
            continue;
        AdTracebackObject *tbo = (AdTracebackObject *)t;
        AdObject *code = tbo->tb_frame ? AdFrame_GetCode(tbo->tb_frame) : NULL;
        if (code == NULL)
            AdErr_Clear();
        AdTbFrameSummary *fs = &te->frames[te->nframes++];
        int line = -1, endline = -1, col = -1, endcol = -1;
        if (code && tbo->tb_lasti >= 0)
            AdCode_Addr2Location(code, tbo->tb_lasti, &line, &endline, &col, &endcol);
        fs->lineno = line >= 0 ? line : tb_lineno(tbo, code);
        fs->end_lineno = endline >= 0 ? endline : fs->lineno;
        fs->colno = col >= 0 ? col : AD_TB_NONE;
        fs->end_colno = endcol >= 0 ? endcol : AD_TB_NONE;
        AdCodeObject *co = (AdCodeObject *)code;
        fs->filename = co ? utf8_of(c, co->co_filename) : NULL;
        fs->name = co ? utf8_of(c, co->co_name) : NULL;
        if (fs->filename == NULL)
            fs->filename = "<unknown>";
        if (fs->name == NULL)
            fs->name = "<unknown>";
        fs->lines = frame_lines(c, fs->filename, code, fs->lineno, fs->end_lineno);
        Ad_XDECREF(code);
    }
}

/* ---- suggestions (traceback._compute_suggestion_error) ---- */

static int name_list_add(Ctx *c, const char ***names, size_t *n, size_t *cap, AdObject *s)
{
    if (!AdStr_Check(s))
        return 0;
    const char **v = grow(c, (void *)*names, cap, *n, sizeof *v);
    if (v == NULL)
        return -1;
    *names = v;
    char *u = utf8_of(c, s);
    if (u == NULL)
        return -1;
    (*names)[(*n)++] = u;
    return 0;
}

/* Appends the str keys/items of iterable IT to the list. -1 on error. */
static int names_from_iterable(Ctx *c, AdObject *obj, const char ***names, size_t *n, size_t *cap,
                               int *nonstr)
{
    AdObject *it = AdObject_GetIter(obj);
    if (it == NULL)
        return -1;
    AdObject *item;
    while ((item = AdIter_Next(it)) != NULL) {
        if (!AdStr_Check(item) && nonstr)
            *nonstr = 1;
        int rc = name_list_add(c, names, n, cap, item);
        Ad_DECREF(item);
        if (rc < 0) {
            Ad_DECREF(it);
            return -1;
        }
    }
    Ad_DECREF(it);
    return AdErr_Occurred() ? -1 : 0;
}

static int cmp_utf8(const void *a, const void *b)
{
    /* UTF-8 byte order is code point order, as str comparison */
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* sorted(str names of dir(obj)), with traceback's fallback to the class's
 * and the instance's __dict__ keys. */
static int dir_names(Ctx *c, AdObject *obj, const char ***names, size_t *n, size_t *cap)
{
    AdObject *meth = get_attr((AdObject *)AD_TYPE(obj), "__dir__");
    AdObject *d = NULL;
    if (meth) {
        d = AdObject_CallOneArg(meth, obj);
        Ad_DECREF(meth);
    }
    int nonstr = 0;
    int rc = -1;
    if (d) {
        rc = names_from_iterable(c, d, names, n, cap, &nonstr);
        Ad_DECREF(d);
    }
    if (rc < 0 || nonstr) {
        if (rc < 0 && !AdErr_ExceptionMatches(AdExc_TypeError))
            return -1;
        AdErr_Clear();
        *n = 0;
        AdObject *cd = get_attr((AdObject *)AD_TYPE(obj), "__dict__");
        AdObject *od = get_attr(obj, "__dict__");
        if (cd == NULL || od == NULL) {
            Ad_XDECREF(cd), Ad_XDECREF(od);
            return -1;
        }
        rc = names_from_iterable(c, cd, names, n, cap, NULL);
        if (rc == 0)
            rc = names_from_iterable(c, od, names, n, cap, NULL);
        Ad_DECREF(cd), Ad_DECREF(od);
        if (rc < 0)
            return -1;
    }
    if (*n)
        qsort((void *)*names, *n, sizeof **names, cmp_utf8);
    return 0;
}

static void drop_underscored(const char **names, size_t *n)
{
    size_t k = 0;
    for (size_t i = 0; i < *n; i++)
        if (names[i][0] != '_')
            names[k++] = names[i];
    *n = k;
}

static AdObject *last_frame(AdObject *tb)
{
    if (tb == NULL || !AdTraceback_Check(tb))
        return NULL;
    AdTracebackObject *t = (AdTracebackObject *)tb;
    while (t->tb_next)
        t = t->tb_next;
    return t->tb_frame;
}

/* frame.f_locals['self'] as a new ref, or NULL (no exception). */
static AdObject *frame_self(AdObject *frame, AdObject **locals_out)
{
    AdObject *locals = AdFrame_GetLocals(frame);
    if (locals == NULL) {
        AdErr_Clear();
        return NULL;
    }
    AdObject *key = AdStr_FromString("self");
    AdObject *self = key ? AdObject_GetItem(locals, key) : NULL;
    Ad_XDECREF(key);
    if (self == NULL)
        AdErr_Clear();
    if (locals_out)
        *locals_out = locals;
    else
        Ad_DECREF(locals);
    return self;
}

static char *compute_suggestion(Ctx *c, AdObject *exc, AdObject *tb, AdObject *wrong)
{
    if (wrong == NULL || !AdStr_Check(wrong))
        return NULL;
    const char *wrong_s = utf8_of(c, wrong);
    if (wrong_s == NULL)
        return NULL;
    const char **names = NULL;
    size_t n = 0, cap = 0;
    char *result = NULL;
    if (AdObject_TypeCheck(exc, &AdExcType_AttributeError)) {
        AdObject *obj = get_attr(exc, "obj");
        if (obj == NULL)
            obj = Ad_NewRef(Ad_None);
        if (dir_names(c, obj, &names, &n, &cap) < 0) {
            AdErr_Clear();
            Ad_DECREF(obj);
            free(names);
            return NULL;
        }
        int hide = wrong_s[0] != '_';
        AdObject *frame = hide ? last_frame(tb) : NULL;
        if (frame) {
            AdObject *self = frame_self(frame, NULL);
            if (self == obj)
                hide = 0;
            Ad_XDECREF(self);
        }
        if (hide)
            drop_underscored(names, &n);
        Ad_DECREF(obj);
    } else if (AdObject_TypeCheck(exc, &AdExcType_ImportError)) {
        AdObject *modname = get_attr(exc, "name");
        AdObject *modules = AdSys_GetObject("modules");
        AdObject *builtins = NULL, *imp = NULL, *mod = NULL;
        if (modules) {
            AdObject *key = AdStr_FromString("builtins");
            builtins = key ? AdObject_GetItem(modules, key) : NULL;
            Ad_XDECREF(key);
        }
        if (builtins)
            imp = get_attr(builtins, "__import__");
        if (imp && modname)
            mod = AdObject_CallOneArg(imp, modname);
        Ad_XDECREF(builtins), Ad_XDECREF(imp), Ad_XDECREF(modname);
        if (mod == NULL || dir_names(c, mod, &names, &n, &cap) < 0) {
            AdErr_Clear();
            Ad_XDECREF(mod);
            free(names);
            return NULL;
        }
        Ad_DECREF(mod);
        if (wrong_s[0] != '_')
            drop_underscored(names, &n);
    } else {
        AdObject *frame = last_frame(tb);
        if (frame == NULL)
            return NULL;
        AdObject *locals = NULL;
        AdObject *self = frame_self(frame, &locals);
        AdObject *globals = get_attr(frame, "f_globals");
        AdObject *builtins = get_attr(frame, "f_builtins");
        int rc = 0;
        if (locals && names_from_iterable(c, locals, &names, &n, &cap, NULL) < 0)
            rc = -1;
        if (rc == 0 && globals && names_from_iterable(c, globals, &names, &n, &cap, NULL) < 0)
            rc = -1;
        if (rc == 0 && builtins && names_from_iterable(c, builtins, &names, &n, &cap, NULL) < 0)
            rc = -1;
        Ad_XDECREF(locals), Ad_XDECREF(globals), Ad_XDECREF(builtins);
        if (rc < 0)
            AdErr_Clear();
        if (self) {
            AdObject *attr = NULL;
            int has = AdObject_GetOptionalAttr(self, wrong, &attr);
            if (has < 0)
                AdErr_Clear();
            Ad_XDECREF(attr);
            Ad_DECREF(self);
            if (has > 0) {
                free(names);
                return own_printf(c, "self.", wrong_s, "");
            }
        }
        if (rc < 0) {
            free(names);
            return NULL;
        }
    }
    Ad_ssize_t k = AdTraceback_ComputeSuggestion(names, (Ad_ssize_t)n, wrong_s);
    if (k >= 0)
        result = (char *)names[k];
    free(names);
    return result;
}

static int in_stdlib_names(AdObject *name)
{
    AdObject *names = AdSys_GetObject("stdlib_module_names");
    if (names == NULL)
        return 0;
    int r = AdSequence_Contains(names, name);
    if (r < 0) {
        AdErr_Clear();
        r = 0;
    }
    return r;
}

/* ---- TracebackException ---- */

static int seen_has(Ctx *c, AdObject *e)
{
    for (size_t i = 0; i < c->nseen; i++)
        if (c->seen[i] == e)
            return 1;
    return 0;
}

static void seen_add(Ctx *c, AdObject *e)
{
    AdObject **v = grow(c, c->seen, &c->capseen, c->nseen, sizeof *v);
    if (v == NULL)
        return;
    c->seen = v;
    c->seen[c->nseen++] = e;
}

static const char *type_str(Ctx *c, AdTypeObject *t)
{
    AdObject *qual = get_attr((AdObject *)t, "__qualname__");
    AdObject *mod = get_attr((AdObject *)t, "__module__");
    const char *q = qual && AdStr_Check(qual) ? utf8_of(c, qual) : NULL;
    if (q == NULL) {
        const char *name = AdType_Name(t), *dot = strrchr(name, '.');
        q = own_str(c, dot ? dot + 1 : name);
    }
    const char *r = q;
    if (!(mod && AdStr_Check(mod) &&
          (AdStr_EqualToASCII(mod, "__main__") || AdStr_EqualToASCII(mod, "builtins")))) {
        const char *m = mod && AdStr_Check(mod) ? utf8_of(c, mod) : "<unknown>";
        r = own_printf(c, m ? m : "<unknown>", ".", q ? q : "");
    }
    Ad_XDECREF(qual), Ad_XDECREF(mod);
    return r;
}

static TE *te_new(Ctx *c, AdObject *exc, long limit)
{
    TE *te = calloc(1, sizeof *te);
    TE **v = te ? grow(c, c->tes, &c->captes, c->ntes, sizeof *v) : NULL;
    if (v == NULL) {
        free(te);
        c->oom = 1;
        return NULL;
    }
    c->tes = v;
    c->tes[c->ntes++] = te;
    te->exc = exc;
    seen_add(c, exc);
    AdObject *tb = AdException_GetTraceback(exc);
    extract_frames(c, te, tb, limit, 0);
    te->str = safe_string(c, exc, "exception", 0);
    te->type_str = type_str(c, AD_TYPE(exc));

    /* __notes__ */
    AdObject *notes = NULL;
    AdObject *nname = AdStr_FromString("__notes__");
    int nr = nname ? AdObject_GetOptionalAttr(exc, nname, &notes) : -1;
    Ad_XDECREF(nname);
    AdTbBuf nb;
    AdTbBuf_Init(&nb);
    if (nr < 0) {
        AdObject *err = AdErr_GetRaisedException();
        AdTbBuf_Puts(&nb, "Ignored error getting __notes__: ");
        AdTbBuf_Puts(&nb, safe_string(c, err, "__notes__", 1));
        Ad_XDECREF(err);
        AdTbBuf_Puts(&nb, "\n");
    } else if (notes && notes != Ad_None) {
        if ((AdList_Check(notes) || AdTuple_Check(notes)) && !AdStr_Check(notes)) {
            Ad_ssize_t nn = AdList_Check(notes) ? AdList_GET_SIZE(notes) : AdTuple_GET_SIZE(notes);
            for (Ad_ssize_t i = 0; i < nn; i++) {
                AdObject *note = AdList_Check(notes) ? AdList_GET_ITEM(notes, i) : AdTuple_GET_ITEM(notes, i);
                Ad_INCREF(note);
                AdTbBuf_Puts(&nb, safe_string(c, note, "note", 0));
                Ad_DECREF(note);
                AdTbBuf_Puts(&nb, "\n");
            }
        } else {
            AdTbBuf_Puts(&nb, safe_string(c, notes, "__notes__", 1));
            AdTbBuf_Puts(&nb, "\n");
        }
    }
    Ad_XDECREF(notes);
    if (nb.failed)
        c->oom = 1;
    te->notes = nb.len && !nb.failed ? own(c, nb.data) : NULL;
    if (!te->notes)
        AdTbBuf_Free(&nb);

    if (AdObject_TypeCheck(exc, &AdExcType_SyntaxError)) {
        te->is_syntax = 1;
        AdTbSyntaxError *se = &te->se;
        se->type_name = te->type_str;
        AdObject *v;
        v = get_attr(exc, "filename");
        if (v && v != Ad_None) {
            se->filename = safe_string(c, v, "filename", 0);
            int t = AdObject_IsTrue(v);
            se->filename_falsy = t <= 0;
            if (t < 0)
                AdErr_Clear();
        } else
            se->filename_falsy = 1;
        Ad_XDECREF(v);
        v = get_attr(exc, "lineno");
        se->lineno = v && v != Ad_None ? safe_string(c, v, "lineno", 0) : NULL;
        Ad_XDECREF(v);
        v = get_attr(exc, "end_lineno");
        se->end_lineno = v && v != Ad_None ? safe_string(c, v, "end_lineno", 0) : NULL;
        Ad_XDECREF(v);
        v = get_attr(exc, "text");
        se->text = v && AdStr_Check(v) ? utf8_of(c, v) : NULL;
        Ad_XDECREF(v);
        const char *offs[2] = {"offset", "end_offset"};
        for (int k = 0; k < 2; k++) {
            v = get_attr(exc, offs[k]);
            AdTbOffsetKind kind = AD_TB_OFFSET_NONE;
            long val = 0;
            if (v && v != Ad_None) {
                kind = AD_TB_OFFSET_OTHER;
                if (AdInt_Check(v)) {
                    int64_t x = AdInt_AsInt64(v);
                    if (x == -1 && AdErr_Occurred()) {
                        AdErr_Clear();
                        x = x < 0 ? -1000000000 : 1000000000;
                    }
                    kind = AD_TB_OFFSET_INT;
                    val = (long)x;
                }
            }
            Ad_XDECREF(v);
            if (k == 0)
                se->offset_kind = kind, se->offset = val;
            else
                se->end_offset_kind = kind, se->end_offset = val;
        }
        v = get_attr(exc, "msg");
        int t = v ? AdObject_IsTrue(v) : 0;
        if (t < 0)
            AdErr_Clear();
        se->msg = t > 0 ? safe_string(c, v, "msg", 0) : NULL;
        Ad_XDECREF(v);
    } else if (AdObject_TypeCheck(exc, &AdExcType_ImportError)) {
        AdObject *from = get_attr(exc, "name_from");
        if (from && from != Ad_None) {
            const char *s = compute_suggestion(c, exc, tb, from);
            if (s)
                te->str = own_printf(c, te->str, ". Did you mean: '", own_printf(c, s, "'?", ""));
        }
        Ad_XDECREF(from);
    } else if (AdObject_TypeCheck(exc, &AdExcType_NameError) ||
               AdObject_TypeCheck(exc, &AdExcType_AttributeError)) {
        AdObject *name = get_attr(exc, "name");
        if (name && name != Ad_None) {
            const char *s = compute_suggestion(c, exc, tb, name);
            if (s)
                te->str = own_printf(c, te->str, ". Did you mean: '", own_printf(c, s, "'?", ""));
            if (AdObject_TypeCheck(exc, &AdExcType_NameError) && AdStr_Check(name) &&
                in_stdlib_names(name)) {
                const char *w = utf8_of(c, name);
                te->str = own_printf(c, te->str, s ? " Or did you forget to import '" : ". Did you forget to import '",
                                     own_printf(c, w ? w : "", "'?", ""));
            }
        }
        Ad_XDECREF(name);
    }
    te->suppress_context = ((AdBaseExceptionObject *)exc)->suppress_context;
    if (AdErr_Occurred())
        AdErr_Clear();
    return te;
}

static AdObject *group_members(AdObject *exc)
{
    if (!AdObject_TypeCheck(exc, &AdExcType_BaseExceptionGroup))
        return NULL;
    AdObject *t = get_attr(exc, "exceptions");
    if (t && !AdTuple_Check(t)) {
        Ad_DECREF(t);
        return NULL;
    }
    return t;
}

/* TracebackException.__init__ for the top exception and, without
 * recursion, everything reachable from it (the queue, popped from the end). */
static TE *te_build(Ctx *c, AdObject *exc)
{
    long limit = traceback_limit();
    TE *top = te_new(c, exc, limit);
    if (top == NULL)
        return NULL;
    TE **stack = NULL;
    size_t n = 0, cap = 0;
    TE **v = grow(c, stack, &cap, n, sizeof *v);
    if (v == NULL)
        return top;
    stack = v;
    stack[n++] = top;
    while (n > 0 && !c->oom) {
        TE *te = stack[--n];
        AdObject *e = te->exc;
        AdObject *cause = AdException_GetCause(e);
        AdObject *context = AdException_GetContext(e);
        if (cause && cause != Ad_None && AdExceptionInstance_Check(cause) && !seen_has(c, cause))
            te->cause = te_new(c, cause, limit);
        int need_context = te->cause == NULL && !te->suppress_context;
        if (context && context != Ad_None && AdExceptionInstance_Check(context) && need_context &&
            !seen_has(c, context))
            te->context = te_new(c, context, limit);
        AdObject *members = group_members(e);
        if (members) {
            te->nexcs = (size_t)AdTuple_GET_SIZE(members);
            te->excs = calloc(te->nexcs + 1, sizeof *te->excs);
            own(c, (char *)te->excs);
            for (size_t i = 0; te->excs && i < te->nexcs; i++) {
                AdObject *m = AdTuple_GET_ITEM(members, (Ad_ssize_t)i);
                te->excs[i] = AdExceptionInstance_Check(m) ? te_new(c, m, limit) : NULL;
            }
            Ad_DECREF(members);
            if (te->excs == NULL)
                te->nexcs = 0;
        }
        size_t need = n + 2 + te->nexcs;
        while (cap < need) {
            v = grow(c, stack, &cap, cap, sizeof *v);
            if (v == NULL)
                break;
            stack = v;
        }
        if (c->oom)
            break;
        if (te->cause)
            stack[n++] = te->cause;
        if (te->context)
            stack[n++] = te->context;
        for (size_t i = 0; i < te->nexcs; i++)
            if (te->excs[i])
                stack[n++] = te->excs[i];
    }
    free(stack);
    return top;
}

/* ---- TracebackException.format ---- */

typedef struct {
    int depth;
    int need_close;
    int colorize;
} PrintCtx;

enum { MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10 };

static void emit(AdTbBuf *out, PrintCtx *pc, const char *text, size_t len, char margin)
{
    if (pc->depth == 0) {
        AdTbBuf_Append(out, text, len);
        return;
    }
    char prefix[64];
    int k = 0;
    for (int i = 0; i < 2 * pc->depth && k < 60; i++)
        prefix[k++] = ' ';
    prefix[k++] = margin;
    prefix[k++] = ' ';
    prefix[k] = 0;
    AdTraceback_IndentAll(out, text, len, prefix);
}

static void emit_s(AdTbBuf *out, PrintCtx *pc, const char *text)
{
    emit(out, pc, text, strlen(text), '|');
}

static void emit_stack(AdTbBuf *out, PrintCtx *pc, TE *te)
{
    /* each frame is one chunk of the generator */
    AdTbBuf tmp;
    AdTbBuf_Init(&tmp);
    for (size_t i = 0; i < te->nframes; i++)
        te->frames[i].colorize = pc->colorize;
    AdTraceback_FormatStack(te->frames, te->nframes, &tmp);
    if (tmp.failed)
        out->failed = 1;
    else if (tmp.len)
        emit(out, pc, tmp.data, tmp.len, '|');
    AdTbBuf_Free(&tmp);
}

static void format_exception_only(AdTbBuf *out, PrintCtx *pc, TE *te)
{
    AdTbBuf tmp;
    AdTbBuf_Init(&tmp);
    if (!te->is_syntax) {
        /* _format_final_exc_line: type and message each in its colour */
        if (pc->colorize)
            AdTbBuf_Puts(&tmp, AD_TB_COLOR_TYPE);
        AdTbBuf_Puts(&tmp, te->type_str);
        if (pc->colorize)
            AdTbBuf_Puts(&tmp, AD_TB_COLOR_RESET);
        if (te->str && te->str[0]) {
            AdTbBuf_Puts(&tmp, pc->colorize ? ": " AD_TB_COLOR_MESSAGE : ": ");
            AdTbBuf_Puts(&tmp, te->str);
            if (pc->colorize)
                AdTbBuf_Puts(&tmp, AD_TB_COLOR_RESET);
        }
        AdTbBuf_Puts(&tmp, "\n");
    } else {
        te->se.colorize = pc->colorize;
        AdTraceback_FormatSyntaxError(&te->se, &tmp);
    }
    if (te->notes)
        AdTbBuf_Puts(&tmp, te->notes);
    if (tmp.failed)
        out->failed = 1;
    else if (tmp.len)
        emit(out, pc, tmp.data, tmp.len, '|');
    AdTbBuf_Free(&tmp);
}

static void te_format(AdTbBuf *out, PrintCtx *pc, TE *self)
{
    /* the chain, oldest first */
    TE *chain[64];
    const char *msgs[64];
    TE **all = chain;
    const char **allmsg = msgs;
    size_t n = 0, cap = 64;
    TE *exc = self;
    while (exc) {
        if (n == cap) {
            size_t nc = cap * 2;
            TE **a = malloc(nc * sizeof *a);
            const char **m = malloc(nc * sizeof *m);
            if (a == NULL || m == NULL) {
                free(a), free(m);
                out->failed = 1;
                break;
            }
            memcpy(a, all, n * sizeof *a);
            memcpy(m, allmsg, n * sizeof *m);
            if (all != chain)
                free(all), free(allmsg);
            all = a, allmsg = m, cap = nc;
        }
        TE *next = NULL;
        const char *next_msg = NULL;
        if (exc->cause) {
            next = exc->cause;
            next_msg = "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (exc->context && !exc->suppress_context) {
            next = exc->context;
            next_msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        all[n] = exc;
        allmsg[n] = next_msg;
        n++;
        exc = next;
    }
    for (size_t i = n; i-- > 0;) {
        TE *e = all[i];
        if (allmsg[i])
            emit_s(out, pc, allmsg[i]);
        if (e->excs == NULL) {
            if (e->nframes) {
                emit_s(out, pc, "Traceback (most recent call last):\n");
                emit_stack(out, pc, e);
            }
            format_exception_only(out, pc, e);
        } else if (pc->depth > MAX_GROUP_DEPTH) {
            char m[64];
            snprintf(m, sizeof m, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
            emit_s(out, pc, m);
        } else {
            int toplevel = pc->depth == 0;
            if (toplevel)
                pc->depth++;
            if (e->nframes) {
                const char *h = "Exception Group Traceback (most recent call last):\n";
                emit(out, pc, h, strlen(h), toplevel ? '+' : '|');
                emit_stack(out, pc, e);
            }
            format_exception_only(out, pc, e);
            size_t num = e->nexcs;
            size_t lim = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
            pc->need_close = 0;
            for (size_t k = 0; k < lim; k++) {
                int last = k == lim - 1;
                if (last)
                    pc->need_close = 1;
                int truncated = k >= MAX_GROUP_WIDTH;
                char line[128];
                int p = 0;
                for (int s = 0; s < 2 * pc->depth && p < 40; s++)
                    line[p++] = ' ';
                char title[32];
                if (truncated)
                    snprintf(title, sizeof title, "...");
                else
                    snprintf(title, sizeof title, "%zu", k + 1);
                snprintf(line + p, sizeof line - (size_t)p, "%s+---------------- %s ----------------\n",
                         k == 0 ? "+-" : "  ", title);
                AdTbBuf_Puts(out, line);
                pc->depth++;
                if (!truncated) {
                    if (e->excs[k])
                        te_format(out, pc, e->excs[k]);
                } else {
                    size_t remaining = num - MAX_GROUP_WIDTH;
                    char m[96];
                    snprintf(m, sizeof m, "and %zu more exception%s\n", remaining, remaining > 1 ? "s" : "");
                    emit_s(out, pc, m);
                }
                if (last && pc->need_close) {
                    p = 0;
                    for (int s = 0; s < 2 * pc->depth && p < 40; s++)
                        line[p++] = ' ';
                    snprintf(line + p, sizeof line - (size_t)p, "+------------------------------------\n");
                    AdTbBuf_Puts(out, line);
                    pc->need_close = 0;
                }
                pc->depth--;
            }
            if (toplevel)
                pc->depth = 0;
        }
    }
    if (all != chain)
        free(all), free(allmsg);
}

static void ctx_free(Ctx *c)
{
    for (size_t i = 0; i < c->nstrs; i++)
        free(c->strs[i]);
    free(c->strs);
    for (size_t i = 0; i < c->nfiles; i++) {
        free(c->files[i].filename);
        AdTokenizer_Free(c->files[i].tok);
    }
    free(c->files);
    free(c->seen);
    for (size_t i = 0; i < c->ntes; i++)
        free(c->tes[i]);
    free(c->tes);
}

/* The whole report of EXC into OUT. 0, or -1 (out of memory, no exception). */
static int format_all(AdObject *exc, AdTbBuf *out, int colorize)
{
    Ctx c;
    memset(&c, 0, sizeof c);
    AdObject *saved = AdErr_GetRaisedException();
    Ad_INCREF(exc);
    if (!AdExceptionInstance_Check(exc)) {
        /* traceback: TypeError "Exception expected for value, T found";
         * the builtin hook then falls back to CPython's C printer */
        AdTbBuf_Puts(out, "TypeError: print_exception(): Exception expected for value, ");
        AdTbBuf_Puts(out, AdType_Name(AD_TYPE(exc)));
        AdTbBuf_Puts(out, " found\n");
    } else {
        TE *top = te_build(&c, exc);
        if (top && !c.oom) {
            PrintCtx pc = {0, 0, colorize};
            te_format(out, &pc, top);
        }
    }
    int failed = c.oom || out->failed;
    ctx_free(&c);
    Ad_DECREF(exc);
    AdErr_SetRaisedException(saved);
    return failed ? -1 : 0;
}

static int write_out(const AdTbBuf *b, AdObject *file, FILE *fallback)
{
    if (b->len == 0)
        return 0;
    if (file && file != Ad_None) {
        AdObject *s = AdStr_FromStringAndSize(b->data, (Ad_ssize_t)b->len);
        if (s == NULL)
            return -1;
        AdObject *name = AdStr_FromString("write");
        AdObject *r = name ? AdObject_CallMethod(file, name, &s, 1) : NULL;
        Ad_XDECREF(name);
        Ad_DECREF(s);
        if (r == NULL)
            return -1;
        Ad_DECREF(r);
        return 0;
    }
    if (fallback) {
        fwrite(b->data, 1, b->len, fallback);
        fflush(fallback);
    }
    return 0;
}

int AdTraceback_PrintException(AdObject *exc, AdObject *file_or_null, FILE *fallback)
{
    return AdTraceback_PrintExceptionEx(exc, file_or_null, fallback, 0);
}

int AdTraceback_PrintExceptionEx(AdObject *exc, AdObject *file_or_null, FILE *fallback, int colorize)
{
    AdTbBuf b;
    AdTbBuf_Init(&b);
    if (format_all(exc, &b, colorize) < 0) {
        AdTbBuf_Free(&b);
        AdErr_NoMemory();
        return -1;
    }
    int rc = write_out(&b, file_or_null, fallback);
    AdTbBuf_Free(&b);
    return rc;
}

AdObject *AdTraceback_FormatException(AdObject *exc)
{
    AdTbBuf b;
    AdTbBuf_Init(&b);
    if (format_all(exc, &b, 0) < 0) {
        AdTbBuf_Free(&b);
        return AdErr_NoMemory();
    }
    AdObject *s = AdStr_FromStringAndSize(b.data ? b.data : "", (Ad_ssize_t)b.len);
    AdTbBuf_Free(&b);
    return s;
}

/* The fd behind FILE (a Python file object, NULL/None: C stderr), or -1. */
static int file_is_tty(AdObject *file)
{
    if (file == NULL || file == Ad_None)
        return isatty(STDERR_FILENO);
    AdObject *saved = AdErr_GetRaisedException();
    int tty = 0;
    AdObject *name = AdStr_FromString("fileno");
    AdObject *fn = NULL;
    int has = name ? AdObject_GetOptionalAttr(file, name, &fn) : -1;
    Ad_XDECREF(name);
    if (has > 0) {
        AdObject *r = AdObject_CallNoArgs(fn);
        if (r) {
            int64_t fd = AdInt_Check(r) ? AdInt_AsInt64(r) : -1;
            if (!(fd == -1 && AdErr_Occurred()))
                tty = fd >= 0 && fd <= INT_MAX && isatty((int)fd);
            Ad_DECREF(r);
        }
        else if (AdErr_ExceptionMatches(AdExc_OSError)) {
            /* os.isatty(file.fileno()) failed: file.isatty() decides */
            AdErr_Clear();
            AdObject *isname = AdStr_FromString("isatty");
            AdObject *ia = isname ? AdObject_CallMethod(file, isname, NULL, 0) : NULL;
            Ad_XDECREF(isname);
            if (ia) {
                int t = AdObject_IsTrue(ia);
                tty = t > 0;
                Ad_DECREF(ia);
            }
        }
    }
    Ad_XDECREF(fn);
    AdErr_Clear();
    AdErr_SetRaisedException(saved);
    return tty;
}

int AdTraceback_CanColorize(AdObject *file)
{
    int d = AdConfig_ColorDecision(&ad_runtime.config);
    if (d >= 0)
        return d;
    return file_is_tty(file);
}

int AdTraceback_ExceptHook(AdObject *exc, AdObject *file)
{
    return AdTraceback_PrintExceptionEx(exc, file, stderr, AdTraceback_CanColorize(file));
}

void AdErr_Display(AdObject *exc)
{
    AdObject *saved = AdErr_GetRaisedException();
    AdObject *out = AdSys_GetObject("stdout");
    if (out && out != Ad_None) {
        Ad_INCREF(out);
        if (AdIO_Flush(out) < 0)
            AdErr_Clear();
        Ad_DECREF(out);
    }
    fflush(stdout);
    AdObject *err = AdSys_GetObject("stderr");
    if (err == Ad_None)
        err = NULL;
    Ad_XINCREF(err);
    if (AdTraceback_PrintExceptionEx(exc, err, stderr, AdTraceback_CanColorize(err)) < 0)
        AdErr_Clear();
    if (err) {
        if (AdIO_Flush(err) < 0)
            AdErr_Clear();
        Ad_DECREF(err);
    }
    AdErr_SetRaisedException(saved);
}

/* ---- sys.unraisablehook's default report ---- */

int AdTraceback_PrintUnraisable(AdObject *exc, AdObject *tb, const char *err_msg,
                                AdObject *obj, AdObject *file_or_null, FILE *fallback)
{
    Ctx c;
    memset(&c, 0, sizeof c);
    AdTbBuf b;
    AdTbBuf_Init(&b);
    AdObject *saved = AdErr_GetRaisedException();
    if (obj && obj != Ad_None) {
        AdTbBuf_Puts(&b, err_msg ? err_msg : "Exception ignored in");
        AdTbBuf_Puts(&b, ": ");
        AdObject *r = AdObject_Repr(obj);
        const char *s = r ? utf8_of(&c, r) : NULL;
        if (r == NULL)
            AdErr_Clear();
        AdTbBuf_Puts(&b, s ? s : "<object repr() failed>");
        Ad_XDECREF(r);
        AdTbBuf_Puts(&b, "\n");
    } else if (err_msg) {
        AdTbBuf_Puts(&b, err_msg);
        AdTbBuf_Puts(&b, ":\n");
    }
    if (tb && tb != Ad_None && AdTraceback_Check(tb)) {
        /* the C printer: limit from sys.tracebacklimit (the last frames),
         * the stripped source line without carets */
        TE te;
        memset(&te, 0, sizeof te);
        long limit = traceback_limit();
        extract_frames(&c, &te, tb, limit < 0 ? 1000 : limit, 1);
        if (te.nframes) {
            AdTbBuf_Puts(&b, "Traceback (most recent call last):\n");
            for (size_t i = 0; i < te.nframes; i++)
                te.frames[i].colno = te.frames[i].end_colno = AD_TB_NONE;
            AdTraceback_FormatStack(te.frames, te.nframes, &b);
        }
    }
    if (exc && exc != Ad_None) {
        AdTypeObject *t = AdExceptionInstance_Check(exc) ? AD_TYPE(exc) : NULL;
        if (t) {
            AdTbBuf_Puts(&b, type_str(&c, t));
            AdObject *s = AdObject_Str(exc);
            const char *u = s ? utf8_of(&c, s) : NULL;
            if (s == NULL)
                AdErr_Clear();
            AdTbBuf_Puts(&b, ": ");
            AdTbBuf_Puts(&b, u ? u : "<exception str() failed>");
            Ad_XDECREF(s);
            AdTbBuf_Puts(&b, "\n");
        }
    }
    int rc = c.oom || b.failed ? -1 : 0;
    ctx_free(&c);
    if (rc == 0)
        rc = write_out(&b, file_or_null, fallback);
    else
        AdErr_NoMemory();
    AdTbBuf_Free(&b);
    if (rc == 0)
        AdErr_SetRaisedException(saved);
    else
        Ad_XDECREF(saved);
    return rc;
}
