/* symtable_analyze.c -- the symbol table's second pass: resolve scopes.
 *
 * Owns: the walk over the blocks made by the first pass that decides, for
 * every name, whether it is local, global (explicit or implicit), free or
 * a cell; the inlining of list/set/dict comprehensions into their parent
 * (PEP 709: their names join the parent, their children become the
 * parent's); the implicit class cells (__class__, __classdict__,
 * __conditional_annotations__); and the errors only this pass can see
 * (nonlocal without a binding, nonlocal and global, nonlocal at module
 * level, nonlocal of a type parameter).
 *
 * Each block gets: BOUND, the names bound in enclosing function-like
 * blocks (NULL for the module); GLOBAL, the names declared global in
 * enclosing blocks; TYPE_PARAMS, the type parameters in sight; and the
 * class entry whose namespace an annotation/type scope may read.  It
 * returns FREE, the names its inner blocks need from outside.
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable_int.h"

typedef struct {
    AdNameMap bound, free, global, type_params;
} name_sets;

static void sets_clear(name_sets *s)
{
    compiler_map_clear(&s->bound);
    compiler_map_clear(&s->free);
    compiler_map_clear(&s->global);
    compiler_map_clear(&s->type_params);
}

static int directive_error(AdSymtable *st, AdSymtableEntry *ste, const char *name,
                           const char *fmt)
{
    for (int i = 0; i < ste->ndirectives; i++) {
        struct AdSymDirective *d = &ste->directives[i];
        if (strcmp(d->name, name) == 0) {
            symtable_loc loc = {d->lineno, d->col_offset, d->end_lineno, d->end_col_offset};
            return compiler_st_error(st, loc, fmt, name);
        }
    }
    symtable_loc none = {0, -1, 0, -1};
    return compiler_st_error(st, none, fmt, name);
}

#define NOMEM(x) do { if ((x) < 0) return compiler_st_nomem(st); } while (0)

/* Decide the scope of one name (CPython's analyze_name). */
static int analyze_name(AdSymtable *st, AdSymtableEntry *ste, AdNameMap *scopes,
                        const char *name, long flags, AdNameMap *bound,
                        AdNameMap *local, AdNameMap *free, AdNameMap *global,
                        AdNameMap *type_params, AdSymtableEntry *class_entry)
{
    if (flags & AD_DEF_GLOBAL) {
        if (flags & AD_DEF_NONLOCAL)
            return directive_error(st, ste, name, "name '%s' is nonlocal and global");
        NOMEM(compiler_map_set(scopes, name, AD_SCOPE_GLOBAL_EXPLICIT));
        NOMEM(compiler_map_set(global, name, 1));
        if (bound)
            compiler_map_discard(bound, name);
        return 0;
    }
    if (flags & AD_DEF_NONLOCAL) {
        if (!bound)
            return directive_error(st, ste, name,
                                   "nonlocal declaration not allowed at module level");
        if (!compiler_map_contains(bound, name))
            return directive_error(st, ste, name, "no binding for nonlocal '%s' found");
        if (compiler_map_contains(type_params, name))
            return directive_error(st, ste, name,
                                   "nonlocal binding not allowed for type parameter '%s'");
        NOMEM(compiler_map_set(scopes, name, AD_SCOPE_FREE));
        NOMEM(compiler_map_set(free, name, 1));
        return 0;
    }
    if (flags & AD_DEF_BOUND) {
        NOMEM(compiler_map_set(scopes, name, AD_SCOPE_LOCAL));
        NOMEM(compiler_map_set(local, name, 1));
        compiler_map_discard(global, name);
        if (flags & AD_DEF_TYPE_PARAM)
            NOMEM(compiler_map_set(type_params, name, 1));
        else
            compiler_map_discard(type_params, name);
        return 0;
    }
    /* An annotation or type scope inside a class reads the class
     * namespace first, then globals: a name the class binds (or declares
     * global) is not taken from an enclosing function. */
    if (class_entry) {
        long cf = compiler_map_get(&class_entry->symbols, name, 0);
        if (cf & AD_DEF_GLOBAL) {
            NOMEM(compiler_map_set(scopes, name, AD_SCOPE_GLOBAL_EXPLICIT));
            return 0;
        }
        if ((cf & AD_DEF_BOUND) && !(cf & AD_DEF_NONLOCAL)) {
            NOMEM(compiler_map_set(scopes, name, AD_SCOPE_GLOBAL_IMPLICIT));
            return 0;
        }
    }
    if (bound && compiler_map_contains(bound, name)) {
        NOMEM(compiler_map_set(scopes, name, AD_SCOPE_FREE));
        NOMEM(compiler_map_set(free, name, 1));
        return 0;
    }
    NOMEM(compiler_map_set(scopes, name, AD_SCOPE_GLOBAL_IMPLICIT));
    return 0;
}

static int is_free_in_any_child(const AdSymtableEntry *entry, const char *name)
{
    for (int i = 0; i < entry->nchildren; i++)
        if (AdSymtableEntry_GetScope(entry->children[i], name) == AD_SCOPE_FREE)
            return 1;
    return 0;
}

/* Move the names of comprehension COMP into its parent STE (PEP 709). */
static int inline_comprehension(AdSymtable *st, AdSymtableEntry *ste, AdSymtableEntry *comp,
                                AdNameMap *scopes, AdNameMap *comp_free,
                                AdNameMap *inlined_cells)
{
    int remove_dunder_class = 0;
    int pos = 0;
    const char *name;
    long flags;
    while (compiler_map_next(&comp->symbols, &pos, &name, &flags)) {
        if (flags & AD_DEF_PARAM)   /* the implicit ".0" */
            continue;
        int scope = AD_SYMBOL_SCOPE(flags);
        long only_flags = flags & ((1L << AD_SCOPE_OFFSET) - 1);
        if (scope == AD_SCOPE_CELL || (only_flags & AD_DEF_COMP_CELL))
            NOMEM(compiler_map_set(inlined_cells, name, 1));
        int existing = compiler_map_find(&ste->symbols, name);
        /* __class__ is never free through a class body. */
        if (scope == AD_SCOPE_FREE && ste->type == AD_BLOCK_CLASS
            && strcmp(name, "__class__") == 0) {
            scope = AD_SCOPE_GLOBAL_IMPLICIT;
            compiler_map_discard(comp_free, name);
            remove_dunder_class = 1;
        }
        if (existing < 0) {
            NOMEM(compiler_map_set(&ste->symbols, name, only_flags));
            NOMEM(compiler_map_set(scopes, name, scope));
        } else {
            long outer = ste->symbols.items[existing].value;
            /* Free in the comprehension but local here: now simply local,
             * unless an inner block of the comprehension needs it. */
            if ((outer & AD_DEF_BOUND) && ste->type != AD_BLOCK_CLASS
                && !is_free_in_any_child(comp, name))
                compiler_map_discard(comp_free, name);
        }
    }
    if (remove_dunder_class)
        compiler_map_discard(&comp->symbols, "__class__");
    return 0;
}

/* Locals that an inner block needs become cells. */
static int analyze_cells(AdSymtable *st, AdNameMap *scopes, AdNameMap *free,
                         AdNameMap *inlined_cells)
{
    for (int i = 0; i < scopes->len; i++) {
        struct AdNameMapItem *it = &scopes->items[i];
        if (!it->name || it->value != AD_SCOPE_LOCAL)
            continue;
        if (!compiler_map_contains(free, it->name)
            && !compiler_map_contains(inlined_cells, it->name))
            continue;
        it->value = AD_SCOPE_CELL;
        compiler_map_discard(free, it->name);
    }
    (void)st;
    return 0;
}

/* A class provides __class__, __classdict__ and __conditional_annotations__
 * to its inner blocks as implicit cells. */
static void drop_class_free(AdSymtableEntry *ste, AdNameMap *free)
{
    if (compiler_map_discard(free, "__class__"))
        ste->needs_class_closure = 1;
    if (compiler_map_discard(free, "__classdict__"))
        ste->needs_classdict = 1;
    if (compiler_map_discard(free, "__conditional_annotations__"))
        ste->has_conditional_annotations = 1;
}

/* Write the scopes into the symbols and add the free names of inner blocks
 * that pass through this one. */
static int update_symbols(AdSymtable *st, AdNameMap *symbols, AdNameMap *scopes,
                          AdNameMap *bound, AdNameMap *free, AdNameMap *inlined_cells,
                          int classflag)
{
    for (int i = 0; i < symbols->len; i++) {
        struct AdNameMapItem *it = &symbols->items[i];
        if (!it->name)
            continue;
        long flags = it->value;
        if (compiler_map_contains(inlined_cells, it->name))
            flags |= AD_DEF_COMP_CELL;
        flags |= compiler_map_get(scopes, it->name, 0) << AD_SCOPE_OFFSET;
        it->value = flags;
    }
    int pos = 0;
    const char *name;
    while (compiler_map_next(free, &pos, &name, NULL)) {
        int ix = compiler_map_find(symbols, name);
        if (ix >= 0) {
            /* A method's free variable that the class also binds. */
            if (classflag)
                symbols->items[ix].value |= AD_DEF_FREE_CLASS;
            continue;
        }
        if (bound && !compiler_map_contains(bound, name))
            continue;   /* a global */
        NOMEM(compiler_map_set(symbols, name, (long)AD_SCOPE_FREE << AD_SCOPE_OFFSET));
    }
    return 0;
}

static int analyze_block(AdSymtable *st, AdSymtableEntry *ste, AdNameMap *bound,
                         AdNameMap *free, AdNameMap *global, AdNameMap *type_params,
                         AdSymtableEntry *class_entry);

/* Analyse CHILD with copies of the sets; *CHILD_FREE gets its free names
 * (on top of a copy of FREE). */
static int analyze_child_block(AdSymtable *st, AdSymtableEntry *child, AdNameMap *bound,
                               AdNameMap *free, AdNameMap *global, AdNameMap *type_params,
                               AdSymtableEntry *class_entry, AdNameMap *child_free)
{
    name_sets t;
    memset(&t, 0, sizeof t);
    if (compiler_map_copy(&t.bound, bound) < 0 || compiler_map_copy(child_free, free) < 0
        || compiler_map_copy(&t.global, global) < 0
        || compiler_map_copy(&t.type_params, type_params) < 0) {
        sets_clear(&t);
        return compiler_st_nomem(st);
    }
    int rc = analyze_block(st, child, &t.bound, child_free, &t.global, &t.type_params,
                           class_entry);
    sets_clear(&t);
    return rc;
}

/* Replace every inlined comprehension among STE's children by its children. */
static int splice_inlined(AdSymtable *st, AdSymtableEntry *ste)
{
    int total = 0, any = 0;
    for (int i = 0; i < ste->nchildren; i++) {
        if (ste->children[i]->comp_inlined) {
            total += ste->children[i]->nchildren;
            any = 1;
        } else {
            total++;
        }
    }
    if (!any)
        return 0;
    AdSymtableEntry **out = malloc((size_t)(total ? total : 1) * sizeof *out);
    if (!out)
        return compiler_st_nomem(st);
    int k = 0;
    for (int i = 0; i < ste->nchildren; i++) {
        AdSymtableEntry *c = ste->children[i];
        if (c->comp_inlined) {
            for (int j = 0; j < c->nchildren; j++)
                out[k++] = c->children[j];
        } else {
            out[k++] = c;
        }
    }
    free(ste->children);
    ste->children = out;
    ste->nchildren = ste->children_cap = total;
    return 0;
}

static int analyze_block(AdSymtable *st, AdSymtableEntry *ste, AdNameMap *bound,
                         AdNameMap *free, AdNameMap *global, AdNameMap *type_params,
                         AdSymtableEntry *class_entry)
{
    AdNameMap local, scopes, newglobal, newfree, newbound, inlined_cells;
    compiler_map_init(&local);
    compiler_map_init(&scopes);
    compiler_map_init(&newglobal);
    compiler_map_init(&newfree);
    compiler_map_init(&newbound);
    compiler_map_init(&inlined_cells);
    int rc = -1;

#define TRY(x) do { if ((x) < 0) goto done; } while (0)
#define TRY_MEM(x) do { if ((x) < 0) { compiler_st_nomem(st); goto done; } } while (0)

    /* A class's own names are invisible to its inner blocks: what they
     * see is fixed before the class's names are analysed. */
    if (ste->type == AD_BLOCK_CLASS) {
        TRY_MEM(compiler_map_update(&newglobal, global));
        if (bound)
            TRY_MEM(compiler_map_update(&newbound, bound));
    }
    for (int i = 0; i < ste->symbols.len; i++) {
        struct AdNameMapItem *it = &ste->symbols.items[i];
        if (it->name)
            TRY(analyze_name(st, ste, &scopes, it->name, it->value, bound, &local, free,
                             global, type_params, class_entry));
    }
    if (ste->type != AD_BLOCK_CLASS) {
        if (AdSymtableEntry_IsFunctionLike(ste))
            TRY_MEM(compiler_map_update(&newbound, &local));
        if (bound)
            TRY_MEM(compiler_map_update(&newbound, bound));
        TRY_MEM(compiler_map_update(&newglobal, global));
    } else {
        TRY_MEM(compiler_map_set(&newbound, "__class__", 1));
        TRY_MEM(compiler_map_set(&newbound, "__classdict__", 1));
        TRY_MEM(compiler_map_set(&newbound, "__conditional_annotations__", 1));
    }

    for (int i = 0; i < ste->nchildren; i++) {
        AdSymtableEntry *child = ste->children[i];
        AdSymtableEntry *child_class = NULL;
        if (child->can_see_class_scope)
            child_class = ste->type == AD_BLOCK_CLASS ? ste : class_entry;
        /* Every comprehension but a generator expression is inlined,
         * except inside annotation scopes of classes. */
        int inline_comp = child->comprehension && !child->generator
                          && !ste->can_see_class_scope;
        AdNameMap child_free;
        compiler_map_init(&child_free);
        if (analyze_child_block(st, child, &newbound, &newfree, &newglobal, type_params,
                                child_class, &child_free) < 0) {
            compiler_map_clear(&child_free);
            goto done;
        }
        if (inline_comp) {
            if (inline_comprehension(st, ste, child, &scopes, &child_free,
                                     &inlined_cells) < 0) {
                compiler_map_clear(&child_free);
                goto done;
            }
            child->comp_inlined = 1;
        }
        int r = compiler_map_update(&newfree, &child_free);
        compiler_map_clear(&child_free);
        TRY_MEM(r);
    }
    TRY(splice_inlined(st, ste));

    if (AdSymtableEntry_IsFunctionLike(ste))
        TRY(analyze_cells(st, &scopes, &newfree, &inlined_cells));
    else if (ste->type == AD_BLOCK_CLASS)
        drop_class_free(ste, &newfree);
    TRY(update_symbols(st, &ste->symbols, &scopes, bound, &newfree, &inlined_cells,
                       ste->type == AD_BLOCK_CLASS || ste->can_see_class_scope));
    TRY_MEM(compiler_map_update(free, &newfree));
    rc = 0;
done:
    compiler_map_clear(&local);
    compiler_map_clear(&scopes);
    compiler_map_clear(&newglobal);
    compiler_map_clear(&newfree);
    compiler_map_clear(&newbound);
    compiler_map_clear(&inlined_cells);
    return rc;
#undef TRY
#undef TRY_MEM
}

int compiler_st_analyze(AdSymtable *st)
{
    AdNameMap free, global, type_params;
    compiler_map_init(&free);
    compiler_map_init(&global);
    compiler_map_init(&type_params);
    int rc = analyze_block(st, st->top, NULL, &free, &global, &type_params, NULL);
    compiler_map_clear(&free);
    compiler_map_clear(&global);
    compiler_map_clear(&type_params);
    return rc;
}
