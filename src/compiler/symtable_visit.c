/* symtable_visit.c -- the symbol table's first pass: the visit of the AST.
 *
 * Owns: the visit of every statement, expression, pattern and type
 * parameter that records definitions and uses in the blocks of
 * symtable.c, the block structure of 3.14 (annotation scopes, type-param
 * scopes, lazy TypeVar bounds and defaults, comprehension scopes), and the
 * checks CPython's symtable makes while visiting: global/nonlocal after
 * use or assignment, annotated global/nonlocal, walrus rules in
 * comprehensions, yield/await placement, import *, __debug__, async
 * with/for outside async functions, late `from __future__` imports.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable_int.h"

/* Deeper than this many nested visits, give up (CPython raises
 * RecursionError "maximum recursion depth exceeded during compilation"). */
#define SYMTABLE_MAX_DEPTH 6000

#define LOC(node) compiler_st_loc((node)->lineno, (node)->col_offset, \
                                  (node)->end_lineno, (node)->end_col_offset)

static int visit_stmt(AdSymtable *st, AdStmt *s);
static int visit_pattern(AdSymtable *st, AdPattern *p);

int compiler_st_visit_stmts(AdSymtable *st, AdAstSeq *seq)
{
    for (int i = 0; i < AdAstSeq_LEN(seq); i++)
        if (visit_stmt(st, AdAstSeq_GET(seq, i)) < 0)
            return -1;
    return 0;
}

/* Items may be NULL (dict unpacking keys, missing kw defaults): skipped. */
static int visit_exprs(AdSymtable *st, AdAstSeq *seq)
{
    for (int i = 0; i < AdAstSeq_LEN(seq); i++) {
        AdExpr *e = AdAstSeq_GET(seq, i);
        if (e && compiler_st_visit_expr(st, e) < 0)
            return -1;
    }
    return 0;
}

static int is_async_def(const AdSymtable *st)
{
    return st->cur->type == AD_BLOCK_FUNCTION && st->cur->coroutine;
}

static int allows_top_level_await(const AdSymtable *st)
{
    return (st->features & AD_CF_ALLOW_TOP_LEVEL_AWAIT) && st->cur->type == AD_BLOCK_MODULE;
}

static int check_keywords(AdSymtable *st, AdAstSeq *keywords)
{
    for (int i = 0; i < AdAstSeq_LEN(keywords); i++) {
        AdKeyword *k = AdAstSeq_GET(keywords, i);
        if (k->arg && compiler_st_check_name(st, k->arg, LOC(k), AD_Store) < 0)
            return -1;
    }
    return 0;
}

static int visit_keywords(AdSymtable *st, AdAstSeq *keywords)
{
    for (int i = 0; i < AdAstSeq_LEN(keywords); i++) {
        AdKeyword *k = AdAstSeq_GET(keywords, i);
        if (compiler_st_visit_expr(st, k->value) < 0)
            return -1;
    }
    return 0;
}

static int has_kwonly_defaults(const AdArguments *a)
{
    for (int i = 0; i < AdAstSeq_LEN(a->kwonlyargs); i++)
        if (i < AdAstSeq_LEN(a->kw_defaults) && AdAstSeq_GET(a->kw_defaults, i))
            return 1;
    return 0;
}

/* The block holding a generic def/class/type statement's type parameters. */
static int enter_type_params_block(AdSymtable *st, const char *name, const void *key,
                                   int has_defaults, int has_kwdefaults, int is_class,
                                   symtable_loc loc)
{
    AdBlockType outer = st->cur->type;
    if (compiler_st_enter_block(st, name, AD_BLOCK_TYPE_PARAMETERS, key, loc) < 0)
        return -1;
    if (outer == AD_BLOCK_CLASS) {
        st->cur->can_see_class_scope = 1;
        if (compiler_st_add_def(st, "__classdict__", AD_USE, loc) < 0)
            return -1;
    }
    if (is_class) {
        /* Set when the type-params tuple is built, used for the bases. */
        if (compiler_st_add_def(st, ".type_params", AD_DEF_LOCAL, loc) < 0
            || compiler_st_add_def(st, ".type_params", AD_USE, loc) < 0
            || compiler_st_add_def(st, ".generic_base", AD_DEF_LOCAL, loc) < 0
            || compiler_st_add_def(st, ".generic_base", AD_USE, loc) < 0)
            return -1;
    }
    if (has_defaults && compiler_st_add_def(st, ".defaults", AD_DEF_PARAM, loc) < 0)
        return -1;
    if (has_kwdefaults && compiler_st_add_def(st, ".kwdefaults", AD_DEF_PARAM, loc) < 0)
        return -1;
    return 0;
}

/* The lazily evaluated bound/constraints or default of a type parameter. */
static int visit_type_param_lazy(AdSymtable *st, AdExpr *e, const char *name,
                                 const AdTypeParam *tp, const void *key, const char *info)
{
    if (strcmp(name, "__classdict__") == 0)
        return compiler_st_error(st, LOC(tp),
            "reserved name '%s' cannot be used for type parameter", name);
    if (!e)
        return 0;
    int in_class = st->cur->can_see_class_scope;
    if (compiler_st_enter_block(st, name, AD_BLOCK_TYPE_VARIABLE, key, LOC(e)) < 0)
        return -1;
    st->cur->can_see_class_scope = in_class;
    if (in_class && compiler_st_add_def(st, "__classdict__", AD_USE, LOC(e)) < 0)
        return -1;
    st->cur->scope_info = info;
    if (compiler_st_visit_expr(st, e) < 0)
        return -1;
    return compiler_st_exit_block(st);
}

static int visit_type_param(AdSymtable *st, AdTypeParam *tp)
{
    if (++st->depth > SYMTABLE_MAX_DEPTH)
        return compiler_st_error(st, LOC(tp), "too many nested expressions");
    if (compiler_st_add_def(st, tp->name, AD_DEF_TYPE_PARAM | AD_DEF_LOCAL, LOC(tp)) < 0)
        return -1;
    switch (tp->kind) {
    case AD_TypeVar: {
        const char *info = NULL;
        if (tp->bound)
            info = tp->bound->kind == AD_Tuple_kind ? "a TypeVar constraint" : "a TypeVar bound";
        if (visit_type_param_lazy(st, tp->bound, tp->name, tp, tp, info) < 0)
            return -1;
        /* The default needs a key of its own: the address + 1. */
        if (visit_type_param_lazy(st, tp->default_value, tp->name, tp,
                                  (const char *)tp + 1, "a TypeVar default") < 0)
            return -1;
        break;
    }
    case AD_TypeVarTuple:
        if (visit_type_param_lazy(st, tp->default_value, tp->name, tp, tp,
                                  "a TypeVarTuple default") < 0)
            return -1;
        break;
    case AD_ParamSpec:
        if (visit_type_param_lazy(st, tp->default_value, tp->name, tp, tp,
                                  "a ParamSpec default") < 0)
            return -1;
        break;
    }
    st->depth--;
    return 0;
}

static int visit_type_params(AdSymtable *st, AdAstSeq *tps)
{
    for (int i = 0; i < AdAstSeq_LEN(tps); i++)
        if (visit_type_param(st, AdAstSeq_GET(tps, i)) < 0)
            return -1;
    return 0;
}

static int visit_params(AdSymtable *st, AdAstSeq *args)
{
    for (int i = 0; i < AdAstSeq_LEN(args); i++) {
        AdArg *a = AdAstSeq_GET(args, i);
        if (compiler_st_add_def(st, a->arg, AD_DEF_PARAM, LOC(a)) < 0)
            return -1;
    }
    return 0;
}

static int visit_arguments(AdSymtable *st, AdArguments *a)
{
    if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0
        || visit_params(st, a->kwonlyargs) < 0)
        return -1;
    if (a->vararg) {
        if (compiler_st_add_def(st, a->vararg->arg, AD_DEF_PARAM, LOC(a->vararg)) < 0)
            return -1;
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (compiler_st_add_def(st, a->kwarg->arg, AD_DEF_PARAM, LOC(a->kwarg)) < 0)
            return -1;
        st->cur->varkeywords = 1;
    }
    return 0;
}

static int visit_arg_annotations(AdSymtable *st, AdAstSeq *args)
{
    for (int i = 0; i < AdAstSeq_LEN(args); i++) {
        AdArg *a = AdAstSeq_GET(args, i);
        if (a->annotation) {
            st->cur->annotations_used = 1;
            if (compiler_st_visit_expr(st, a->annotation) < 0)
                return -1;
        }
    }
    return 0;
}

static int visit_one_arg_annotation(AdSymtable *st, AdArg *a)
{
    if (!a || !a->annotation)
        return 0;
    st->cur->annotations_used = 1;
    return compiler_st_visit_expr(st, a->annotation);
}

/* The __annotate__ block of a def: parameter and return annotations. */
static int visit_function_annotations(AdSymtable *st, AdStmt *s, AdArguments *a,
                                      AdExpr *returns)
{
    int in_class = st->cur->can_see_class_scope;
    AdBlockType outer = st->cur->type;
    if (compiler_st_enter_block(st, "__annotate__", AD_BLOCK_ANNOTATION, a, LOC(s)) < 0)
        return -1;
    if (in_class || outer == AD_BLOCK_CLASS) {
        st->cur->can_see_class_scope = 1;
        if (compiler_st_add_def(st, "__classdict__", AD_USE, LOC(s)) < 0)
            return -1;
    }
    if (visit_arg_annotations(st, a->posonlyargs) < 0
        || visit_arg_annotations(st, a->args) < 0
        || visit_one_arg_annotation(st, a->vararg) < 0
        || visit_one_arg_annotation(st, a->kwarg) < 0
        || visit_arg_annotations(st, a->kwonlyargs) < 0)
        return -1;
    if (returns) {
        st->cur->annotations_used = 1;
        if (compiler_st_visit_expr(st, returns) < 0)
            return -1;
    }
    return compiler_st_exit_block(st);
}

/* The annotation of an annotated assignment: it goes to the body's one
 * __annotate__ block (made on first use); in a function body it is never
 * evaluated, so its names are not recorded. */
static int visit_annotation(AdSymtable *st, AdExpr *annotation, const void *key)
{
    AdSymtableEntry *parent = st->cur;
    int unevaluated = parent->type == AD_BLOCK_FUNCTION;
    /* Module annotations always count as conditional: a module may be
     * executed only partly. */
    if (((parent->type == AD_BLOCK_CLASS && parent->in_conditional_block)
         || parent->type == AD_BLOCK_MODULE) && !parent->has_conditional_annotations) {
        parent->has_conditional_annotations = 1;
        if (compiler_st_add_def(st, "__conditional_annotations__", AD_USE, LOC(annotation)) < 0)
            return -1;
    }
    if (!parent->annotation_block) {
        if (compiler_st_enter_block(st, "__annotate__", AD_BLOCK_ANNOTATION, key, LOC(annotation)) < 0)
            return -1;
        parent->annotation_block = st->cur;
        if (parent->type == AD_BLOCK_CLASS && !(st->features & AD_FUTURE_ANNOTATIONS)) {
            st->cur->can_see_class_scope = 1;
            if (compiler_st_add_def(st, "__classdict__", AD_USE, LOC(annotation)) < 0)
                return -1;
        }
    } else if (compiler_st_enter_existing(st, parent->annotation_block, 0) < 0) {
        return -1;
    }
    if (unevaluated)
        st->cur->in_unevaluated_annotation = 1;
    int rc = compiler_st_visit_expr(st, annotation);
    if (unevaluated)
        st->cur->in_unevaluated_annotation = 0;
    compiler_st_exit_block(st);
    return rc;
}

static int visit_alias(AdSymtable *st, AdAlias *a)
{
    const char *name = a->asname ? a->asname : a->name;
    if (strcmp(name, "*") == 0) {
        if (st->cur->type != AD_BLOCK_MODULE)
            return compiler_st_error(st, LOC(a), "import * only allowed at module level");
        return 0;
    }
    /* `import a.b.c` binds `a`. */
    const char *dot = strchr(name, '.');
    const char *store = name;
    if (dot) {
        store = AdArena_Strndup(st->arena, name, (size_t)(dot - name));
        if (!store)
            return compiler_st_nomem(st);
    }
    return compiler_st_add_def(st, store, AD_DEF_IMPORT, LOC(a));
}

static int check_import_from(AdSymtable *st, AdStmt *s)
{
    const char *mod = s->v.ImportFrom.module;
    symtable_loc fut = st->future_loc;
    if (mod && s->v.ImportFrom.level == 0 && strcmp(mod, "__future__") == 0
        && (s->lineno > fut.lineno
            || (s->lineno == fut.end_lineno && s->col_offset > fut.end_col_offset)))
        return compiler_st_error(st, LOC(s),
            "from __future__ imports must occur at the beginning of the file");
    return 0;
}

static int raise_if_not_coroutine(AdSymtable *st, const char *msg, symtable_loc loc)
{
    if (!st->cur->coroutine)
        return compiler_st_error(st, loc, "%s", msg);
    return 0;
}

static int visit_function_def(AdSymtable *st, AdStmt *s, int is_async)
{
    const char *name = s->v.FunctionDef.name;
    AdArguments *args = s->v.FunctionDef.args;
    AdAstSeq *tps = s->v.FunctionDef.type_params;
    if (compiler_st_add_def(st, name, AD_DEF_LOCAL, LOC(s)) < 0)
        return -1;
    if (visit_exprs(st, args->defaults) < 0 || visit_exprs(st, args->kw_defaults) < 0
        || visit_exprs(st, s->v.FunctionDef.decorator_list) < 0)
        return -1;
    if (AdAstSeq_LEN(tps) > 0) {
        /* CPython tests `defaults != NULL`, true even for an empty list:
         * a generic def always has the ".defaults" parameter. */
        if (enter_type_params_block(st, name, tps, 1, has_kwonly_defaults(args), 0,
                                    LOC(s)) < 0)
            return -1;
        if (visit_type_params(st, tps) < 0)
            return -1;
    }
    AdSymtableEntry *fn = compiler_st_new_entry(st, name, AD_BLOCK_FUNCTION, s, LOC(s));
    if (!fn)
        return -1;
    fn->has_docstring = compiler_st_is_docstring_body(s->v.FunctionDef.body);
    if (visit_function_annotations(st, s, args, s->v.FunctionDef.returns) < 0)
        return -1;
    if (compiler_st_enter_existing(st, fn, 1) < 0)
        return -1;
    if (is_async)
        st->cur->coroutine = 1;
    if (visit_arguments(st, args) < 0 || compiler_st_visit_stmts(st, s->v.FunctionDef.body) < 0)
        return -1;
    compiler_st_exit_block(st);
    if (AdAstSeq_LEN(tps) > 0)
        compiler_st_exit_block(st);
    return 0;
}

static int visit_class_def(AdSymtable *st, AdStmt *s)
{
    const char *name = s->v.ClassDef.name;
    AdAstSeq *tps = s->v.ClassDef.type_params;
    if (compiler_st_add_def(st, name, AD_DEF_LOCAL, LOC(s)) < 0)
        return -1;
    if (visit_exprs(st, s->v.ClassDef.decorator_list) < 0)
        return -1;
    const char *saved_private = st->private_name;
    if (AdAstSeq_LEN(tps) > 0) {
        if (enter_type_params_block(st, name, tps, 0, 0, 1, LOC(s)) < 0)
            return -1;
        st->private_name = name;
        AdNameMap *set = calloc(1, sizeof *set);
        if (!set || compiler_st_grow((void **)&st->owned_maps, &st->owned_cap, st->nowned + 1,
                         sizeof *st->owned_maps) < 0) {
            free(set);
            return compiler_st_nomem(st);
        }
        st->owned_maps[st->nowned++] = set;
        st->cur->mangled_names = set;
        if (visit_type_params(st, tps) < 0)
            return -1;
    }
    if (visit_exprs(st, s->v.ClassDef.bases) < 0
        || check_keywords(st, s->v.ClassDef.keywords) < 0
        || visit_keywords(st, s->v.ClassDef.keywords) < 0)
        return -1;
    if (compiler_st_enter_block(st, name, AD_BLOCK_CLASS, s, LOC(s)) < 0)
        return -1;
    st->private_name = name;
    if (AdAstSeq_LEN(tps) > 0) {
        if (compiler_st_add_def(st, "__type_params__", AD_DEF_LOCAL, LOC(s)) < 0
            || compiler_st_add_def(st, ".type_params", AD_USE, LOC(s)) < 0)
            return -1;
    }
    st->cur->has_docstring = compiler_st_is_docstring_body(s->v.ClassDef.body);
    if (compiler_st_visit_stmts(st, s->v.ClassDef.body) < 0)
        return -1;
    compiler_st_exit_block(st);
    if (AdAstSeq_LEN(tps) > 0)
        compiler_st_exit_block(st);
    st->private_name = saved_private;
    return 0;
}

static int visit_type_alias(AdSymtable *st, AdStmt *s)
{
    AdExpr *target = s->v.TypeAlias.name;
    AdAstSeq *tps = s->v.TypeAlias.type_params;
    if (compiler_st_visit_expr(st, target) < 0)
        return -1;
    const char *name = target->v.Name.id;
    int in_class = st->cur->type == AD_BLOCK_CLASS;
    int generic = AdAstSeq_LEN(tps) > 0;
    if (generic) {
        if (enter_type_params_block(st, name, tps, 0, 0, 0, LOC(s)) < 0
            || visit_type_params(st, tps) < 0)
            return -1;
    }
    if (compiler_st_enter_block(st, name, AD_BLOCK_TYPE_ALIAS, s, LOC(s)) < 0)
        return -1;
    st->cur->can_see_class_scope = in_class;
    if (in_class && compiler_st_add_def(st, "__classdict__", AD_USE, LOC(s->v.TypeAlias.value)) < 0)
        return -1;
    if (compiler_st_visit_expr(st, s->v.TypeAlias.value) < 0)
        return -1;
    compiler_st_exit_block(st);
    if (generic)
        compiler_st_exit_block(st);
    return 0;
}

static int visit_ann_assign(AdSymtable *st, AdStmt *s)
{
    AdExpr *target = s->v.AnnAssign.target;
    st->cur->annotations_used = 1;
    if (target->kind == AD_Name_kind) {
        const char *id = target->v.Name.id;
        int failed;
        long cur = compiler_st_lookup_in(st, st->cur, id, &failed);
        if (failed)
            return -1;
        if ((cur & (AD_DEF_GLOBAL | AD_DEF_NONLOCAL)) && &st->cur->symbols != st->global
            && s->v.AnnAssign.simple)
            return compiler_st_error(st, LOC(s), (cur & AD_DEF_GLOBAL)
                ? "annotated name '%s' can't be global"
                : "annotated name '%s' can't be nonlocal", id);
        if (s->v.AnnAssign.simple) {
            if (compiler_st_add_def(st, id, AD_DEF_ANNOT | AD_DEF_LOCAL, LOC(target)) < 0)
                return -1;
        } else if (s->v.AnnAssign.value) {
            if (compiler_st_add_def(st, id, AD_DEF_LOCAL, LOC(target)) < 0)
                return -1;
        }
    } else if (compiler_st_visit_expr(st, target) < 0) {
        return -1;
    }
    /* Key of a body's __annotate__ block: the body's own key + 1. */
    if (visit_annotation(st, s->v.AnnAssign.annotation, (const char *)st->cur->key + 1) < 0)
        return -1;
    if (s->v.AnnAssign.value && compiler_st_visit_expr(st, s->v.AnnAssign.value) < 0)
        return -1;
    return 0;
}

static int visit_global_or_nonlocal(AdSymtable *st, AdStmt *s, int is_global)
{
    AdAstSeq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    const char *what = is_global ? "global" : "nonlocal";
    for (int i = 0; i < AdAstSeq_LEN(names); i++) {
        const char *name = AdAstSeq_GET(names, i);
        int failed;
        long cur = compiler_st_lookup_in(st, st->cur, name, &failed);
        if (failed)
            return -1;
        if (cur & (AD_DEF_PARAM | AD_DEF_LOCAL | AD_USE | AD_DEF_ANNOT)) {
            if (cur & AD_DEF_PARAM)
                return compiler_st_error(st, LOC(s), "name '%s' is parameter and %s", name, what);
            if (cur & AD_USE)
                return compiler_st_error(st, LOC(s),
                    "name '%s' is used prior to %s declaration", name, what);
            if (cur & AD_DEF_ANNOT)
                return compiler_st_error(st, LOC(s),
                    "annotated name '%s' can't be %s", name, what);
            return compiler_st_error(st, LOC(s),
                "name '%s' is assigned to before %s declaration", name, what);
        }
        if (compiler_st_add_def(st, name, is_global ? AD_DEF_GLOBAL : AD_DEF_NONLOCAL, LOC(s)) < 0
            || compiler_st_record_directive(st, name, LOC(s)) < 0)
            return -1;
    }
    return 0;
}

static int visit_handlers(AdSymtable *st, AdAstSeq *handlers)
{
    for (int i = 0; i < AdAstSeq_LEN(handlers); i++) {
        AdExceptHandler *h = AdAstSeq_GET(handlers, i);
        if (h->type && compiler_st_visit_expr(st, h->type) < 0)
            return -1;
        if (h->name && compiler_st_add_def(st, h->name, AD_DEF_LOCAL, LOC(h)) < 0)
            return -1;
        if (compiler_st_visit_stmts(st, h->body) < 0)
            return -1;
    }
    return 0;
}

static int visit_with_items(AdSymtable *st, AdAstSeq *items)
{
    for (int i = 0; i < AdAstSeq_LEN(items); i++) {
        AdWithItem *w = AdAstSeq_GET(items, i);
        if (compiler_st_visit_expr(st, w->context_expr) < 0)
            return -1;
        if (w->optional_vars && compiler_st_visit_expr(st, w->optional_vars) < 0)
            return -1;
    }
    return 0;
}

static int visit_match_cases(AdSymtable *st, AdAstSeq *cases)
{
    for (int i = 0; i < AdAstSeq_LEN(cases); i++) {
        AdMatchCase *c = AdAstSeq_GET(cases, i);
        if (visit_pattern(st, c->pattern) < 0)
            return -1;
        if (c->guard && compiler_st_visit_expr(st, c->guard) < 0)
            return -1;
        if (compiler_st_visit_stmts(st, c->body) < 0)
            return -1;
    }
    return 0;
}

/* Bodies of compound statements run conditionally: an annotation there
 * makes the module/class keep __conditional_annotations__. */
static int visit_conditional(AdSymtable *st, AdAstSeq *a, AdAstSeq *b)
{
    AdSymtableEntry *ste = st->cur;
    int saved = ste->in_conditional_block;
    ste->in_conditional_block = 1;
    int rc = compiler_st_visit_stmts(st, a);
    if (rc == 0)
        rc = compiler_st_visit_stmts(st, b);
    ste->in_conditional_block = saved;
    return rc;
}

static int visit_stmt_inner(AdSymtable *st, AdStmt *s)
{
    switch (s->kind) {
    case AD_FunctionDef_kind:
        return visit_function_def(st, s, 0);
    case AD_AsyncFunctionDef_kind:
        return visit_function_def(st, s, 1);
    case AD_ClassDef_kind:
        return visit_class_def(st, s);
    case AD_TypeAlias_kind:
        return visit_type_alias(st, s);
    case AD_Return_kind:
        if (s->v.Return.value) {
            if (compiler_st_visit_expr(st, s->v.Return.value) < 0)
                return -1;
            st->cur->returns_value = 1;
        }
        return 0;
    case AD_Delete_kind:
        return visit_exprs(st, s->v.Delete.targets);
    case AD_Assign_kind:
        if (visit_exprs(st, s->v.Assign.targets) < 0)
            return -1;
        return compiler_st_visit_expr(st, s->v.Assign.value);
    case AD_AnnAssign_kind:
        return visit_ann_assign(st, s);
    case AD_AugAssign_kind:
        if (compiler_st_visit_expr(st, s->v.AugAssign.target) < 0)
            return -1;
        return compiler_st_visit_expr(st, s->v.AugAssign.value);
    case AD_For_kind:
        if (compiler_st_visit_expr(st, s->v.For.target) < 0 || compiler_st_visit_expr(st, s->v.For.iter) < 0)
            return -1;
        return visit_conditional(st, s->v.For.body, s->v.For.orelse);
    case AD_AsyncFor_kind:
        if (allows_top_level_await(st))
            st->cur->coroutine = 1;
        if (raise_if_not_coroutine(st, "'async for' outside async function", LOC(s)) < 0)
            return -1;
        if (compiler_st_visit_expr(st, s->v.For.target) < 0 || compiler_st_visit_expr(st, s->v.For.iter) < 0)
            return -1;
        return visit_conditional(st, s->v.For.body, s->v.For.orelse);
    case AD_While_kind:
        if (compiler_st_visit_expr(st, s->v.While.test) < 0)
            return -1;
        return visit_conditional(st, s->v.While.body, s->v.While.orelse);
    case AD_If_kind:
        if (compiler_st_visit_expr(st, s->v.If.test) < 0)
            return -1;
        return visit_conditional(st, s->v.If.body, s->v.If.orelse);
    case AD_Match_kind: {
        if (compiler_st_visit_expr(st, s->v.Match.subject) < 0)
            return -1;
        int saved = st->cur->in_conditional_block;
        st->cur->in_conditional_block = 1;
        int rc = visit_match_cases(st, s->v.Match.cases);
        st->cur->in_conditional_block = saved;
        return rc;
    }
    case AD_Raise_kind:
        if (s->v.Raise.exc) {
            if (compiler_st_visit_expr(st, s->v.Raise.exc) < 0)
                return -1;
            if (s->v.Raise.cause && compiler_st_visit_expr(st, s->v.Raise.cause) < 0)
                return -1;
        }
        return 0;
    case AD_Try_kind:
    case AD_TryStar_kind: {
        AdSymtableEntry *ste = st->cur;
        int saved = ste->in_conditional_block;
        ste->in_conditional_block = 1;
        int rc = compiler_st_visit_stmts(st, s->v.Try.body);
        if (rc == 0)
            rc = visit_handlers(st, s->v.Try.handlers);
        if (rc == 0)
            rc = compiler_st_visit_stmts(st, s->v.Try.orelse);
        if (rc == 0)
            rc = compiler_st_visit_stmts(st, s->v.Try.finalbody);
        ste->in_conditional_block = saved;
        return rc;
    }
    case AD_Assert_kind:
        if (compiler_st_visit_expr(st, s->v.Assert.test) < 0)
            return -1;
        return s->v.Assert.msg ? compiler_st_visit_expr(st, s->v.Assert.msg) : 0;
    case AD_Import_kind:
        for (int i = 0; i < AdAstSeq_LEN(s->v.Import.names); i++)
            if (visit_alias(st, AdAstSeq_GET(s->v.Import.names, i)) < 0)
                return -1;
        return 0;
    case AD_ImportFrom_kind:
        for (int i = 0; i < AdAstSeq_LEN(s->v.ImportFrom.names); i++)
            if (visit_alias(st, AdAstSeq_GET(s->v.ImportFrom.names, i)) < 0)
                return -1;
        return check_import_from(st, s);
    case AD_Global_kind:
        return visit_global_or_nonlocal(st, s, 1);
    case AD_Nonlocal_kind:
        return visit_global_or_nonlocal(st, s, 0);
    case AD_Expr_kind:
        return compiler_st_visit_expr(st, s->v.Expr.value);
    case AD_Pass_kind:
    case AD_Break_kind:
    case AD_Continue_kind:
        return 0;
    case AD_With_kind:
    case AD_AsyncWith_kind: {
        if (s->kind == AD_AsyncWith_kind) {
            if (allows_top_level_await(st))
                st->cur->coroutine = 1;
            if (raise_if_not_coroutine(st, "'async with' outside async function", LOC(s)) < 0)
                return -1;
        }
        AdSymtableEntry *ste = st->cur;
        int saved = ste->in_conditional_block;
        ste->in_conditional_block = 1;
        int rc = visit_with_items(st, s->v.With.items);
        if (rc == 0)
            rc = compiler_st_visit_stmts(st, s->v.With.body);
        ste->in_conditional_block = saved;
        return rc;
    }
    }
    return 0;
}

static int visit_stmt(AdSymtable *st, AdStmt *s)
{
    if (++st->depth > SYMTABLE_MAX_DEPTH)
        return compiler_st_error(st, LOC(s), "too many statically nested blocks");
    int rc = visit_stmt_inner(st, s);
    st->depth--;
    return rc;
}

/* ---- expressions ---- */

/* Named expressions, yield and await are not allowed in annotation and
 * type scopes. */
static int raise_if_annotation_block(AdSymtable *st, const char *what, AdExpr *e)
{
    switch (st->cur->type) {
    case AD_BLOCK_ANNOTATION:
        return compiler_st_error(st, LOC(e), "%s cannot be used within an annotation", what);
    case AD_BLOCK_TYPE_VARIABLE:
        return compiler_st_error(st, LOC(e), "%s cannot be used within %s", what,
                                 st->cur->scope_info);
    case AD_BLOCK_TYPE_ALIAS:
        return compiler_st_error(st, LOC(e), "%s cannot be used within a type alias", what);
    case AD_BLOCK_TYPE_PARAMETERS:
        return compiler_st_error(st, LOC(e),
            "%s cannot be used within the definition of a generic", what);
    default:
        return 0;
    }
}

static int raise_yield_in_comprehension(AdSymtable *st, AdExpr *e)
{
    const char *msg;
    switch (st->cur->comprehension) {
    case AD_COMP_LIST: msg = "'yield' inside list comprehension"; break;
    case AD_COMP_SET: msg = "'yield' inside set comprehension"; break;
    case AD_COMP_DICT: msg = "'yield' inside dict comprehension"; break;
    default: msg = "'yield' inside generator expression"; break;
    }
    return compiler_st_error(st, LOC(e), "%s", msg);
}

/* A walrus inside a comprehension binds in the nearest enclosing function
 * or module (PEP 572). */
static int extend_namedexpr_scope(AdSymtable *st, AdExpr *target)
{
    const char *name = target->v.Name.id;
    for (int i = st->nstack - 1; i >= 0; i--) {
        AdSymtableEntry *ste = st->stack[i];
        int failed;
        if (ste->comprehension) {
            long flags = compiler_st_lookup_in(st, ste, name, &failed);
            if (failed)
                return -1;
            if ((flags & AD_DEF_COMP_ITER) && (flags & AD_DEF_LOCAL))
                return compiler_st_error(st, LOC(target),
                    "assignment expression cannot rebind comprehension iteration variable '%s'",
                    name);
            continue;
        }
        if (ste->type == AD_BLOCK_FUNCTION) {
            long flags = compiler_st_lookup_in(st, ste, name, &failed);
            if (failed)
                return -1;
            if (compiler_st_add_def(st, name, (flags & AD_DEF_GLOBAL) ? AD_DEF_GLOBAL : AD_DEF_NONLOCAL,
                        LOC(target)) < 0
                || compiler_st_record_directive(st, name, LOC(target)) < 0)
                return -1;
            return compiler_st_add_def_in(st, name, AD_DEF_LOCAL, ste, LOC(target));
        }
        if (ste->type == AD_BLOCK_MODULE) {
            if (compiler_st_add_def(st, name, AD_DEF_GLOBAL, LOC(target)) < 0
                || compiler_st_record_directive(st, name, LOC(target)) < 0)
                return -1;
            return compiler_st_add_def_in(st, name, AD_DEF_GLOBAL, ste, LOC(target));
        }
        const char *msg = NULL;
        switch (ste->type) {
        case AD_BLOCK_CLASS:
            msg = "assignment expression within a comprehension cannot be used in a class body";
            break;
        case AD_BLOCK_TYPE_PARAMETERS:
            msg = "assignment expression within a comprehension cannot be used within "
                  "the definition of a generic";
            break;
        case AD_BLOCK_TYPE_ALIAS:
            msg = "assignment expression within a comprehension cannot be used in a type alias";
            break;
        case AD_BLOCK_TYPE_VARIABLE:
            msg = "assignment expression within a comprehension cannot be used in a TypeVar bound";
            break;
        default:
            break;
        }
        if (msg)
            return compiler_st_error(st, LOC(target), "%s", msg);
    }
    return 0;
}

static int visit_named_expr(AdSymtable *st, AdExpr *e)
{
    if (raise_if_annotation_block(st, "named expression", e) < 0)
        return -1;
    if (st->cur->comp_iter_expr > 0)
        return compiler_st_error(st, LOC(e),
            "assignment expression cannot be used in a comprehension iterable expression");
    if (st->cur->comprehension && extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0)
        return -1;
    if (compiler_st_visit_expr(st, e->v.NamedExpr.value) < 0)
        return -1;
    return compiler_st_visit_expr(st, e->v.NamedExpr.target);
}

static int visit_comprehension_clause(AdSymtable *st, AdComprehension *c)
{
    st->cur->comp_iter_target = 1;
    if (compiler_st_visit_expr(st, c->target) < 0)
        return -1;
    st->cur->comp_iter_target = 0;
    st->cur->comp_iter_expr++;
    if (compiler_st_visit_expr(st, c->iter) < 0)
        return -1;
    st->cur->comp_iter_expr--;
    if (visit_exprs(st, c->ifs) < 0)
        return -1;
    if (c->is_async)
        st->cur->coroutine = 1;
    return 0;
}

static int visit_comprehension(AdSymtable *st, AdExpr *e, const char *scope_name,
                               AdComprehensionKind kind, AdAstSeq *generators,
                               AdExpr *elt, AdExpr *value)
{
    int is_generator = kind == AD_COMP_GENEXP;
    AdComprehension *outermost = AdAstSeq_GET(generators, 0);
    /* The outermost iterable is evaluated in the enclosing scope. */
    st->cur->comp_iter_expr++;
    if (compiler_st_visit_expr(st, outermost->iter) < 0)
        return -1;
    st->cur->comp_iter_expr--;
    if (compiler_st_enter_block(st, scope_name, AD_BLOCK_FUNCTION, e, LOC(e)) < 0)
        return -1;
    AdSymtableEntry *comp = st->cur;
    comp->comprehension = kind;
    if (outermost->is_async)
        comp->coroutine = 1;
    /* ... and received as the implicit argument ".0". */
    symtable_loc here = compiler_st_loc(comp->lineno, comp->col_offset, comp->end_lineno,
                               comp->end_col_offset);
    if (compiler_st_add_def(st, ".0", AD_DEF_PARAM, here) < 0)
        return -1;
    comp->comp_iter_target = 1;
    if (compiler_st_visit_expr(st, outermost->target) < 0)
        return -1;
    comp->comp_iter_target = 0;
    if (visit_exprs(st, outermost->ifs) < 0)
        return -1;
    for (int i = 1; i < AdAstSeq_LEN(generators); i++)
        if (visit_comprehension_clause(st, AdAstSeq_GET(generators, i)) < 0)
            return -1;
    if (value && compiler_st_visit_expr(st, value) < 0)
        return -1;
    if (compiler_st_visit_expr(st, elt) < 0)
        return -1;
    comp->generator = is_generator;
    int is_async = comp->coroutine && !is_generator;
    compiler_st_exit_block(st);
    if (is_async && !is_async_def(st) && st->cur->comprehension == AD_COMP_NONE
        && !allows_top_level_await(st))
        return compiler_st_error(st, LOC(e),
            "asynchronous comprehension outside of an asynchronous function");
    if (is_async)
        st->cur->coroutine = 1;
    return 0;
}

static int visit_expr_inner(AdSymtable *st, AdExpr *e)
{
    switch (e->kind) {
    case AD_NamedExpr_kind:
        return visit_named_expr(st, e);
    case AD_BoolOp_kind:
        return visit_exprs(st, e->v.BoolOp.values);
    case AD_BinOp_kind:
        if (compiler_st_visit_expr(st, e->v.BinOp.left) < 0)
            return -1;
        return compiler_st_visit_expr(st, e->v.BinOp.right);
    case AD_UnaryOp_kind:
        return compiler_st_visit_expr(st, e->v.UnaryOp.operand);
    case AD_Lambda_kind: {
        AdArguments *a = e->v.Lambda.args;
        if (visit_exprs(st, a->defaults) < 0 || visit_exprs(st, a->kw_defaults) < 0)
            return -1;
        if (compiler_st_enter_block(st, "lambda", AD_BLOCK_FUNCTION, e, LOC(e)) < 0)
            return -1;
        if (visit_arguments(st, a) < 0 || compiler_st_visit_expr(st, e->v.Lambda.body) < 0)
            return -1;
        return compiler_st_exit_block(st);
    }
    case AD_IfExp_kind:
        if (compiler_st_visit_expr(st, e->v.IfExp.test) < 0 || compiler_st_visit_expr(st, e->v.IfExp.body) < 0)
            return -1;
        return compiler_st_visit_expr(st, e->v.IfExp.orelse);
    case AD_Dict_kind:
        if (visit_exprs(st, e->v.Dict.keys) < 0)
            return -1;
        return visit_exprs(st, e->v.Dict.values);
    case AD_Set_kind:
        return visit_exprs(st, e->v.Set.elts);
    case AD_GeneratorExp_kind:
        return visit_comprehension(st, e, "genexpr", AD_COMP_GENEXP,
                                   e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
    case AD_ListComp_kind:
        return visit_comprehension(st, e, "listcomp", AD_COMP_LIST,
                                   e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case AD_SetComp_kind:
        return visit_comprehension(st, e, "setcomp", AD_COMP_SET,
                                   e->v.SetComp.generators, e->v.SetComp.elt, NULL);
    case AD_DictComp_kind:
        return visit_comprehension(st, e, "dictcomp", AD_COMP_DICT,
                                   e->v.DictComp.generators, e->v.DictComp.key,
                                   e->v.DictComp.value);
    case AD_Yield_kind:
    case AD_YieldFrom_kind: {
        if (raise_if_annotation_block(st, "yield expression", e) < 0)
            return -1;
        AdExpr *v = e->kind == AD_Yield_kind ? e->v.Yield.value : e->v.YieldFrom.value;
        if (v && compiler_st_visit_expr(st, v) < 0)
            return -1;
        st->cur->generator = 1;
        if (st->cur->comprehension)
            return raise_yield_in_comprehension(st, e);
        return 0;
    }
    case AD_Await_kind:
        if (raise_if_annotation_block(st, "await expression", e) < 0)
            return -1;
        if (!allows_top_level_await(st)) {
            if (!AdSymtableEntry_IsFunctionLike(st->cur))
                return compiler_st_error(st, LOC(e), "'await' outside function");
            if (!is_async_def(st) && st->cur->comprehension == AD_COMP_NONE)
                return compiler_st_error(st, LOC(e), "'await' outside async function");
        }
        if (compiler_st_visit_expr(st, e->v.Await.value) < 0)
            return -1;
        st->cur->coroutine = 1;
        return 0;
    case AD_Compare_kind:
        if (compiler_st_visit_expr(st, e->v.Compare.left) < 0)
            return -1;
        return visit_exprs(st, e->v.Compare.comparators);
    case AD_Call_kind:
        if (compiler_st_visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, e->v.Call.args) < 0
            || check_keywords(st, e->v.Call.keywords) < 0)
            return -1;
        return visit_keywords(st, e->v.Call.keywords);
    case AD_FormattedValue_kind:
        if (compiler_st_visit_expr(st, e->v.FormattedValue.value) < 0)
            return -1;
        return e->v.FormattedValue.format_spec
            ? compiler_st_visit_expr(st, e->v.FormattedValue.format_spec) : 0;
    case AD_Interpolation_kind:
        if (compiler_st_visit_expr(st, e->v.Interpolation.value) < 0)
            return -1;
        return e->v.Interpolation.format_spec
            ? compiler_st_visit_expr(st, e->v.Interpolation.format_spec) : 0;
    case AD_JoinedStr_kind:
        return visit_exprs(st, e->v.JoinedStr.values);
    case AD_TemplateStr_kind:
        return visit_exprs(st, e->v.TemplateStr.values);
    case AD_Constant_kind:
        return 0;
    case AD_Attribute_kind:
        if (compiler_st_check_name(st, e->v.Attribute.attr, LOC(e), e->v.Attribute.ctx) < 0)
            return -1;
        return compiler_st_visit_expr(st, e->v.Attribute.value);
    case AD_Subscript_kind:
        if (compiler_st_visit_expr(st, e->v.Subscript.value) < 0)
            return -1;
        return compiler_st_visit_expr(st, e->v.Subscript.slice);
    case AD_Starred_kind:
        return compiler_st_visit_expr(st, e->v.Starred.value);
    case AD_Slice_kind:
        if (e->v.Slice.lower && compiler_st_visit_expr(st, e->v.Slice.lower) < 0)
            return -1;
        if (e->v.Slice.upper && compiler_st_visit_expr(st, e->v.Slice.upper) < 0)
            return -1;
        return e->v.Slice.step ? compiler_st_visit_expr(st, e->v.Slice.step) : 0;
    case AD_Name_kind: {
        if (st->cur->in_unevaluated_annotation)
            return 0;
        AdExprContext ctx = e->v.Name.ctx;
        if (compiler_st_add_def_ctx(st, e->v.Name.id, ctx == AD_Load ? AD_USE : AD_DEF_LOCAL,
                        LOC(e), ctx) < 0)
            return -1;
        /* super() needs the __class__ cell. */
        if (ctx == AD_Load && AdSymtableEntry_IsFunctionLike(st->cur)
            && strcmp(e->v.Name.id, "super") == 0
            && compiler_st_add_def(st, "__class__", AD_USE, LOC(e)) < 0)
            return -1;
        return 0;
    }
    case AD_List_kind:
        return visit_exprs(st, e->v.List.elts);
    case AD_Tuple_kind:
        return visit_exprs(st, e->v.Tuple.elts);
    }
    return 0;
}

int compiler_st_visit_expr(AdSymtable *st, AdExpr *e)
{
    if (++st->depth > SYMTABLE_MAX_DEPTH)
        return compiler_st_error(st, LOC(e), "too many nested expressions");
    int rc = visit_expr_inner(st, e);
    st->depth--;
    return rc;
}

static int visit_patterns(AdSymtable *st, AdAstSeq *seq)
{
    for (int i = 0; i < AdAstSeq_LEN(seq); i++)
        if (visit_pattern(st, AdAstSeq_GET(seq, i)) < 0)
            return -1;
    return 0;
}

static int visit_pattern_inner(AdSymtable *st, AdPattern *p)
{
    switch (p->kind) {
    case AD_MatchValue_kind:
        return compiler_st_visit_expr(st, p->v.MatchValue.value);
    case AD_MatchSingleton_kind:
        return 0;
    case AD_MatchSequence_kind:
        return visit_patterns(st, p->v.MatchSequence.patterns);
    case AD_MatchStar_kind:
        return p->v.MatchStar.name ? compiler_st_add_def(st, p->v.MatchStar.name, AD_DEF_LOCAL, LOC(p)) : 0;
    case AD_MatchMapping_kind:
        if (visit_exprs(st, p->v.MatchMapping.keys) < 0
            || visit_patterns(st, p->v.MatchMapping.patterns) < 0)
            return -1;
        return p->v.MatchMapping.rest
            ? compiler_st_add_def(st, p->v.MatchMapping.rest, AD_DEF_LOCAL, LOC(p)) : 0;
    case AD_MatchClass_kind: {
        if (compiler_st_visit_expr(st, p->v.MatchClass.cls) < 0
            || visit_patterns(st, p->v.MatchClass.patterns) < 0)
            return -1;
        AdAstSeq *attrs = p->v.MatchClass.kwd_attrs, *pats = p->v.MatchClass.kwd_patterns;
        for (int i = 0; i < AdAstSeq_LEN(attrs); i++) {
            AdPattern *kp = AdAstSeq_GET(pats, i);
            if (compiler_st_check_name(st, AdAstSeq_GET(attrs, i), LOC(kp), AD_Store) < 0)
                return -1;
        }
        return visit_patterns(st, pats);
    }
    case AD_MatchAs_kind:
        if (p->v.MatchAs.pattern && visit_pattern(st, p->v.MatchAs.pattern) < 0)
            return -1;
        return p->v.MatchAs.name ? compiler_st_add_def(st, p->v.MatchAs.name, AD_DEF_LOCAL, LOC(p)) : 0;
    case AD_MatchOr_kind:
        return visit_patterns(st, p->v.MatchOr.patterns);
    }
    return 0;
}

static int visit_pattern(AdSymtable *st, AdPattern *p)
{
    if (++st->depth > SYMTABLE_MAX_DEPTH)
        return compiler_st_error(st, LOC(p), "too many nested patterns");
    int rc = visit_pattern_inner(st, p);
    st->depth--;
    return rc;
}

