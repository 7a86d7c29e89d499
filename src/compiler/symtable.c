/* symtable.c -- the symbol table: blocks, definitions, the table itself.
 *
 * Owns: AdSymtable_Build / _Free / _Lookup and the entry accessors
 * (symbols, cell and free variables), the creation and nesting of blocks
 * and their lookup by AST key, the recording of a flag for a name (with
 * the duplicate-parameter, duplicate-type-parameter, comprehension
 * rebinding and __debug__ checks made at that point), private name
 * mangling, the `from __future__` scan (features and its errors), and the
 * SyntaxError record.  The visit of the AST is symtable_visit.c, the
 * scope analysis symtable_analyze.c.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable_int.h"

/* ------------------------------------------------------------------ */
/* errors                                                              */

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

int compiler_st_nomem(AdSymtable *st)
{
    AdParseError *e = st->err;
    if (e->kind == AD_PERR_NONE) {
        e->kind = AD_PERR_MEMORY;
        e->msg = dup_string("out of memory");
        e->filename = dup_string(st->filename);
    }
    return -1;
}

int compiler_st_error(AdSymtable *st, symtable_loc loc, const char *fmt, ...)
{
    AdParseError *e = st->err;
    if (e->kind != AD_PERR_NONE)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    if (!msg)
        return compiler_st_nomem(st);
    e->kind = AD_PERR_SYNTAX;
    e->msg = msg;
    e->filename = dup_string(st->filename);
    e->lineno = loc.lineno;
    e->offset = loc.col_offset + 1;
    e->end_lineno = loc.end_lineno;
    e->end_offset = loc.end_col_offset + 1;
    e->text = NULL;
    return -1;
}

/* ------------------------------------------------------------------ */
/* locations                                                           */

symtable_loc compiler_st_loc(int lineno, int col, int end_lineno, int end_col)
{
    symtable_loc l = {lineno, col, end_lineno, end_col};
    return l;
}
#define LOC(node) compiler_st_loc((node)->lineno, (node)->col_offset, \
                         (node)->end_lineno, (node)->end_col_offset)

/* ------------------------------------------------------------------ */
/* entries and lookup by key                                           */

static unsigned hash_key(const void *key)
{
    uintptr_t k = (uintptr_t)key;
    k ^= k >> 17;
    k *= 0x9E3779B1u;
    return (unsigned)(k ^ (k >> 15));
}

static int register_key(AdSymtable *st, const void *key, int entry_ix)
{
    if ((st->nentries + 1) * 2 > st->key_size) {
        int size = st->key_size ? st->key_size * 2 : 64;
        const void **keys = calloc((size_t)size, sizeof *keys);
        int *vals = malloc((size_t)size * sizeof *vals);
        if (!keys || !vals) {
            free(keys);
            free(vals);
            return -1;
        }
        for (int i = 0; i < st->key_size; i++) {
            if (!st->keys[i])
                continue;
            unsigned j = hash_key(st->keys[i]) & (unsigned)(size - 1);
            while (keys[j])
                j = (j + 1) & (unsigned)(size - 1);
            keys[j] = st->keys[i];
            vals[j] = st->key_vals[i];
        }
        free(st->keys);
        free(st->key_vals);
        st->keys = keys;
        st->key_vals = vals;
        st->key_size = size;
    }
    unsigned j = hash_key(key) & (unsigned)(st->key_size - 1);
    while (st->keys[j] && st->keys[j] != key)
        j = (j + 1) & (unsigned)(st->key_size - 1);
    st->keys[j] = key;
    st->key_vals[j] = entry_ix;
    return 0;
}

AdSymtableEntry *AdSymtable_Lookup(const AdSymtable *st, const void *key)
{
    if (!st || !key || st->key_size == 0)
        return NULL;
    unsigned j = hash_key(key) & (unsigned)(st->key_size - 1);
    while (st->keys[j]) {
        if (st->keys[j] == key)
            return st->entries[st->key_vals[j]];
        j = (j + 1) & (unsigned)(st->key_size - 1);
    }
    return NULL;
}

int AdSymtableEntry_IsFunctionLike(const AdSymtableEntry *ste)
{
    return ste->type == AD_BLOCK_FUNCTION || ste->type == AD_BLOCK_ANNOTATION
        || ste->type == AD_BLOCK_TYPE_VARIABLE || ste->type == AD_BLOCK_TYPE_ALIAS
        || ste->type == AD_BLOCK_TYPE_PARAMETERS;
}

/* A new block, not yet entered (CPython's ste_new). */
AdSymtableEntry *compiler_st_new_entry(AdSymtable *st, const char *name, AdBlockType type,
                                  const void *key, symtable_loc loc)
{
    AdSymtableEntry *ste = calloc(1, sizeof *ste);
    if (!ste) {
        compiler_st_nomem(st);
        return NULL;
    }
    ste->type = type;
    ste->name = name;
    ste->key = key;
    ste->lineno = loc.lineno;
    ste->col_offset = loc.col_offset;
    ste->end_lineno = loc.end_lineno;
    ste->end_col_offset = loc.end_col_offset;
    compiler_map_init(&ste->symbols);
    AdSymtableEntry *cur = st->cur;
    if (cur && (cur->nested || AdSymtableEntry_IsFunctionLike(cur)))
        ste->nested = 1;
    if (cur && cur->type == AD_BLOCK_CLASS && type == AD_BLOCK_FUNCTION)
        ste->method = 1;
    if (st->nentries == st->entries_cap) {
        int cap = st->entries_cap ? st->entries_cap * 2 : 32;
        AdSymtableEntry **e = realloc(st->entries, (size_t)cap * sizeof *e);
        if (!e) {
            free(ste);
            compiler_st_nomem(st);
            return NULL;
        }
        st->entries = e;
        st->entries_cap = cap;
    }
    st->entries[st->nentries] = ste;
    if (register_key(st, key, st->nentries) < 0) {
        free(ste);
        compiler_st_nomem(st);
        return NULL;
    }
    st->nentries++;
    return ste;
}

int compiler_st_grow(void **arr, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return 0;
    int n = *cap ? *cap * 2 : 4;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, (size_t)n * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = n;
    return 0;
}

static int add_child(AdSymtable *st, AdSymtableEntry *parent, AdSymtableEntry *child)
{
    if (compiler_st_grow((void **)&parent->children, &parent->children_cap,
             parent->nchildren + 1, sizeof *parent->children) < 0)
        return compiler_st_nomem(st);
    parent->children[parent->nchildren++] = child;
    return 0;
}

/* Push STE (CPython's symtable_enter_existing_block). */
int compiler_st_enter_existing(AdSymtable *st, AdSymtableEntry *ste, int add_to_children)
{
    if (compiler_st_grow((void **)&st->stack, &st->stack_cap, st->nstack + 1, sizeof *st->stack) < 0)
        return compiler_st_nomem(st);
    st->stack[st->nstack++] = ste;
    AdSymtableEntry *prev = st->cur;
    /* bpo-37757: no walrus anywhere inside a comprehension's iterable. */
    if (prev)
        ste->comp_iter_expr = prev->comp_iter_expr;
    /* Blocks inside a generic class's type-param scope share its set of
     * names to mangle (a class mangles everything anyway). */
    if (prev && prev->mangled_names && ste->type != AD_BLOCK_CLASS)
        ste->mangled_names = prev->mangled_names;
    st->cur = ste;
    /* Under `from __future__ import annotations` annotation blocks are
     * orphans: the compiler turns annotations into strings. */
    if ((st->features & AD_FUTURE_ANNOTATIONS) && ste->type == AD_BLOCK_ANNOTATION)
        return 0;
    if (ste->type == AD_BLOCK_MODULE)
        st->global = &ste->symbols;
    if (prev && add_to_children)
        return add_child(st, prev, ste);
    return 0;
}

int compiler_st_exit_block(AdSymtable *st)
{
    st->cur = NULL;
    if (st->nstack > 0) {
        st->nstack--;
        if (st->nstack > 0)
            st->cur = st->stack[st->nstack - 1];
    }
    return 0;
}

int compiler_st_enter_block(AdSymtable *st, const char *name, AdBlockType type,
                       const void *key, symtable_loc loc)
{
    AdSymtableEntry *ste = compiler_st_new_entry(st, name, type, key, loc);
    if (!ste)
        return -1;
    if (compiler_st_enter_existing(st, ste, 1) < 0)
        return -1;
    if (type == AD_BLOCK_ANNOTATION || type == AD_BLOCK_TYPE_VARIABLE
        || type == AD_BLOCK_TYPE_ALIAS) {
        /* The hidden `format` parameter of __annotate__-like functions. */
        if (compiler_st_add_def(st, ".format", AD_DEF_PARAM, loc) < 0
            || compiler_st_add_def(st, ".format", AD_USE, loc) < 0)
            return -1;
    }
    return 0;
}

int compiler_st_is_docstring_body(AdAstSeq *body)
{
    if (AdAstSeq_LEN(body) == 0)
        return 0;
    AdStmt *s = AdAstSeq_GET(body, 0);
    return s->kind == AD_Expr_kind && s->v.Expr.value->kind == AD_Constant_kind
        && s->v.Expr.value->v.Constant.value.kind == AD_CONST_STR;
}

/* ------------------------------------------------------------------ */
/* mangling                                                            */

char *AdSymtable_Mangle(const char *private_name, const char *name)
{
    if (!private_name || name[0] != '_' || name[1] != '_')
        return (char *)name;
    size_t n = strlen(name);
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return (char *)name;
    while (*private_name == '_')
        private_name++;
    if (!*private_name)
        return (char *)name;
    size_t p = strlen(private_name);
    char *out = malloc(1 + p + n + 1);
    if (!out)
        return NULL;
    out[0] = '_';
    memcpy(out + 1, private_name, p);
    memcpy(out + 1 + p, name, n + 1);
    return out;
}

/* NAME as stored in block STE: mangled with the current class name unless
 * STE only mangles its type parameters.  The result lives in the table. */
static const char *maybe_mangle(AdSymtable *st, const AdSymtableEntry *ste, const char *name)
{
    if (ste->mangled_names && !compiler_map_contains(ste->mangled_names, name))
        return name;
    char *m = AdSymtable_Mangle(st->private_name, name);
    if (!m) {
        compiler_st_nomem(st);
        return NULL;
    }
    if (m == name)
        return name;
    char *copy = AdArena_Strndup(st->arena, m, strlen(m));
    free(m);
    if (!copy)
        compiler_st_nomem(st);
    return copy;
}

/* ------------------------------------------------------------------ */
/* recording definitions and uses                                      */

long compiler_st_lookup_in(AdSymtable *st, AdSymtableEntry *ste, const char *name, int *failed)
{
    const char *m = maybe_mangle(st, ste, name);
    if (!m) {
        *failed = 1;
        return 0;
    }
    *failed = 0;
    return compiler_map_get(&ste->symbols, m, 0);
}

/* Record FLAG for NAME in block STE (mangling as the current block does). */
int compiler_st_add_def_in(AdSymtable *st, const char *name, int flag,
                      AdSymtableEntry *ste, symtable_loc loc)
{
    const char *mangled = maybe_mangle(st, st->cur, name);
    if (!mangled)
        return -1;
    long val;
    int ix = compiler_map_find(&ste->symbols, mangled);
    if (ix >= 0) {
        val = ste->symbols.items[ix].value;
        if ((flag & AD_DEF_PARAM) && (val & AD_DEF_PARAM))
            return compiler_st_error(st, loc,
                "duplicate argument '%s' in function definition", name);
        if ((flag & AD_DEF_TYPE_PARAM) && (val & AD_DEF_TYPE_PARAM))
            return compiler_st_error(st, loc, "duplicate type parameter '%s'", name);
        val |= flag;
    } else {
        val = flag;
    }
    if (ste->comp_iter_target) {
        /* An iteration variable of a comprehension: it may not rebind a
         * walrus target seen before. */
        if (val & (AD_DEF_GLOBAL | AD_DEF_NONLOCAL))
            return compiler_st_error(st, loc,
                "comprehension inner loop cannot rebind assignment expression target '%s'",
                name);
        val |= AD_DEF_COMP_ITER;
    }
    if (compiler_map_set(&ste->symbols, mangled, val) < 0)
        return compiler_st_nomem(st);
    if (flag & AD_DEF_PARAM) {
        if (compiler_st_grow((void **)&ste->varnames, &ste->varnames_cap, ste->nvarnames + 1,
                 sizeof *ste->varnames) < 0)
            return compiler_st_nomem(st);
        ste->varnames[ste->nvarnames++] = mangled;
    } else if (flag & AD_DEF_GLOBAL) {
        /* A global declaration anywhere also marks the module's name. */
        long g = compiler_map_get(st->global, mangled, 0);
        if (compiler_map_set(st->global, mangled, g | flag) < 0)
            return compiler_st_nomem(st);
    }
    return 0;
}

/* __debug__ can be neither assigned nor deleted. */
int compiler_st_check_name(AdSymtable *st, const char *name, symtable_loc loc, AdExprContext ctx)
{
    if (strcmp(name, "__debug__") != 0)
        return 0;
    if (ctx == AD_Store)
        return compiler_st_error(st, loc, "cannot assign to __debug__");
    if (ctx == AD_Del)
        return compiler_st_error(st, loc, "cannot delete __debug__");
    return 0;
}

int compiler_st_add_def_ctx(AdSymtable *st, const char *name, int flag, symtable_loc loc,
                       AdExprContext ctx)
{
    if ((flag & (AD_DEF_PARAM | AD_DEF_LOCAL | AD_DEF_IMPORT))
        && compiler_st_check_name(st, name, loc, ctx) < 0)
        return -1;
    if ((flag & AD_DEF_TYPE_PARAM) && st->cur->mangled_names
        && compiler_map_set(st->cur->mangled_names, name, 1) < 0)
        return compiler_st_nomem(st);
    return compiler_st_add_def_in(st, name, flag, st->cur, loc);
}

int compiler_st_add_def(AdSymtable *st, const char *name, int flag, symtable_loc loc)
{
    return compiler_st_add_def_ctx(st, name, flag, loc, flag == AD_USE ? AD_Load : AD_Store);
}

int compiler_st_record_directive(AdSymtable *st, const char *name, symtable_loc loc)
{
    AdSymtableEntry *ste = st->cur;
    const char *m = maybe_mangle(st, ste, name);
    if (!m)
        return -1;
    if (compiler_st_grow((void **)&ste->directives, &ste->directives_cap, ste->ndirectives + 1,
             sizeof *ste->directives) < 0)
        return compiler_st_nomem(st);
    struct AdSymDirective *d = &ste->directives[ste->ndirectives++];
    d->name = m;
    d->lineno = loc.lineno;
    d->col_offset = loc.col_offset;
    d->end_lineno = loc.end_lineno;
    d->end_col_offset = loc.end_col_offset;
    return 0;
}

/* ------------------------------------------------------------------ */
/* from __future__                                                     */

static int future_feature(AdSymtable *st, AdAlias *a)
{
    static const char *const accepted[] = {
        "nested_scopes", "generators", "division", "absolute_import",
        "with_statement", "print_function", "unicode_literals", "generator_stop",
    };
    const char *f = a->name;
    for (size_t i = 0; i < sizeof accepted / sizeof *accepted; i++)
        if (strcmp(f, accepted[i]) == 0)
            return 0;
    if (strcmp(f, "annotations") == 0) {
        st->features |= AD_FUTURE_ANNOTATIONS;
        return 0;
    }
    if (strcmp(f, "barry_as_FLUFL") == 0) {
        st->features |= AD_FUTURE_BARRY_AS_BDFL;
        return 0;
    }
    if (strcmp(f, "braces") == 0)
        return compiler_st_error(st, LOC(a), "not a chance");
    return compiler_st_error(st, LOC(a), "future feature %.100s is not defined", f);
}

/* The `from __future__` imports at the top of the module (after an
 * optional docstring); the last one's location decides which later ones
 * are "late" (check_import_from). */
static int scan_future(AdSymtable *st, const AdMod *mod)
{
    st->future_loc = compiler_st_loc(-1, -1, -1, -1);
    AdAstSeq *body;
    if (mod->kind == AD_Module_kind)
        body = mod->v.Module.body;
    else if (mod->kind == AD_Interactive_kind)
        body = mod->v.Interactive.body;
    else
        return 0;
    int i = compiler_st_is_docstring_body(body) ? 1 : 0;
    for (; i < AdAstSeq_LEN(body); i++) {
        AdStmt *s = AdAstSeq_GET(body, i);
        if (s->kind != AD_ImportFrom_kind || s->v.ImportFrom.level != 0
            || !s->v.ImportFrom.module || strcmp(s->v.ImportFrom.module, "__future__") != 0)
            break;
        for (int j = 0; j < AdAstSeq_LEN(s->v.ImportFrom.names); j++)
            if (future_feature(st, AdAstSeq_GET(s->v.ImportFrom.names, j)) < 0)
                return -1;
        st->future_loc = LOC(s);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* the table                                                           */

AdSymtable *AdSymtable_Build(const AdMod *mod, const char *filename, int flags,
                             AdParseError *err)
{
    memset(err, 0, sizeof *err);
    AdSymtable *st = calloc(1, sizeof *st);
    if (!st) {
        err->kind = AD_PERR_MEMORY;
        err->msg = dup_string("out of memory");
        return NULL;
    }
    st->filename = filename ? filename : "<string>";
    st->err = err;
    st->features = flags;
    st->arena = AdArena_New();
    if (!st->arena) {
        compiler_st_nomem(st);
        goto fail;
    }
    if (scan_future(st, mod) < 0)
        goto fail;
    if (compiler_st_enter_block(st, "top", AD_BLOCK_MODULE, mod, compiler_st_loc(0, 0, 0, 0)) < 0)
        goto fail;
    st->top = st->cur;
    switch (mod->kind) {
    case AD_Module_kind:
        st->top->has_docstring = compiler_st_is_docstring_body(mod->v.Module.body);
        if (compiler_st_visit_stmts(st, mod->v.Module.body) < 0)
            goto fail;
        break;
    case AD_Interactive_kind:
        if (compiler_st_visit_stmts(st, mod->v.Interactive.body) < 0)
            goto fail;
        break;
    case AD_Expression_kind:
        if (compiler_st_visit_expr(st, mod->v.Expression.body) < 0)
            goto fail;
        break;
    case AD_FunctionType_kind:
        break;
    }
    compiler_st_exit_block(st);
    if (compiler_st_analyze(st) < 0)
        goto fail;
    return st;
fail:
    AdSymtable_Free(st);
    return NULL;
}

void AdSymtable_Free(AdSymtable *st)
{
    if (!st)
        return;
    for (int i = 0; i < st->nentries; i++) {
        AdSymtableEntry *ste = st->entries[i];
        compiler_map_clear(&ste->symbols);
        free(ste->varnames);
        free(ste->children);
        free(ste->directives);
        free(ste);
    }
    for (int i = 0; i < st->nowned; i++) {
        compiler_map_clear(st->owned_maps[i]);
        free(st->owned_maps[i]);
    }
    free(st->owned_maps);
    free(st->entries);
    free(st->keys);
    free(st->key_vals);
    free(st->stack);
    AdArena_Free(st->arena);
    free(st);
}

AdSymtableEntry *AdSymtable_Top(const AdSymtable *st)
{
    return st->top;
}

int AdSymtable_Features(const AdSymtable *st)
{
    return st->features & (AD_FUTURE_ANNOTATIONS | AD_FUTURE_BARRY_AS_BDFL);
}

long AdSymtableEntry_GetSymbol(const AdSymtableEntry *ste, const char *name)
{
    return compiler_map_get(&ste->symbols, name, 0);
}

AdScope AdSymtableEntry_GetScope(const AdSymtableEntry *ste, const char *name)
{
    return (AdScope)AD_SYMBOL_SCOPE(AdSymtableEntry_GetSymbol(ste, name));
}

int AdSymtableEntry_NextSymbol(const AdSymtableEntry *ste, int *pos,
                               const char **name, long *flags)
{
    return compiler_map_next(&ste->symbols, pos, name, flags);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_param(const AdSymtableEntry *ste, const char *name)
{
    return (AdSymtableEntry_GetSymbol(ste, name) & AD_DEF_PARAM) != 0;
}

/* Names with SCOPE or carrying FLAG: parameters first in parameter order
 * when PARAMS_FIRST, the others sorted, then the EXTRA names. */
static const char **names_by_scope(const AdSymtableEntry *ste, int scope, long flag,
                                   int params_first, const char *const *extra,
                                   int nextra, int *n)
{
    int count = 0, pos = 0;
    const char *name;
    long v;
    while (compiler_map_next(&ste->symbols, &pos, &name, &v))
        if (AD_SYMBOL_SCOPE(v) == scope || (v & flag))
            count++;
    *n = 0;
    if (count + nextra == 0)
        return NULL;
    const char **out = malloc((size_t)(count + nextra) * sizeof *out);
    if (!out) {
        *n = -1;
        return NULL;
    }
    int k = 0;
    if (params_first) {
        for (int i = 0; i < ste->nvarnames; i++) {
            v = AdSymtableEntry_GetSymbol(ste, ste->varnames[i]);
            if (AD_SYMBOL_SCOPE(v) == scope || (v & flag))
                out[k++] = ste->varnames[i];
        }
    }
    int first_sorted = k;
    pos = 0;
    while (compiler_map_next(&ste->symbols, &pos, &name, &v))
        if ((AD_SYMBOL_SCOPE(v) == scope || (v & flag))
            && !(params_first && is_param(ste, name)))
            out[k++] = name;
    qsort(out + first_sorted, (size_t)(k - first_sorted), sizeof *out, compare_names);
    for (int i = 0; i < nextra; i++)
        out[k++] = extra[i];
    *n = k;
    return out;
}

const char **AdSymtableEntry_CellVars(const AdSymtableEntry *ste, int *n)
{
    const char *extra[3];
    int nextra = 0;
    if (ste->needs_class_closure)
        extra[nextra++] = "__class__";
    if (ste->needs_classdict)
        extra[nextra++] = "__classdict__";
    if (ste->has_conditional_annotations)
        extra[nextra++] = "__conditional_annotations__";
    return names_by_scope(ste, AD_SCOPE_CELL, AD_DEF_COMP_CELL, 1, extra, nextra, n);
}

const char **AdSymtableEntry_FreeVars(const AdSymtableEntry *ste, int *n)
{
    return names_by_scope(ste, AD_SCOPE_FREE, AD_DEF_FREE_CLASS, 0, NULL, 0, n);
}
