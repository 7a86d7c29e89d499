/* codegen_func.c -- code generation for function and class definitions,
 * lambdas, decorators, defaults, closures, annotations (PEP 649/749
 * __annotate__ functions, deferred module/class annotations, the
 * __future__ stringified form), PEP 695 type parameters and type
 * aliases. */
#include "compiler/codegen_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

char *comp_unparse_expr(Compiler *c, AdExpr *e);
int cg_module_body(Compiler *c, CLoc loc, AdAstSeq *stmts, int interactive);
int cg_class_body_stmts(Compiler *c, CLoc loc, AdAstSeq *stmts);
int cg_enter_scope_ste(Compiler *c, const char *name, int scope_type, AdSymtableEntry *ste,
                       int lineno, const char *private_name);

/* (1,): the defaults of the lazy-evaluation functions of type parameters */
static AdObject *one_tuple(void)
{
    AdObject *t = AdTuple_New(1);
    if (t)
        AdTuple_SET_ITEM(t, 0, AdInt_FromInt64(1));
    return t;
}

/* ---- closures ---- */

int cg_make_closure(Compiler *c, CLoc loc, AdObject *co_obj, int flags)
{
    AdCodeObject *co = (AdCodeObject *)co_obj;
    if (co->co_nfreevars) {
        int first = co->co_nlocalsplus - co->co_nfreevars;
        for (int i = first; i < co->co_nlocalsplus; i++) {
            const char *name = AdStr_AsUTF8(AdTuple_GET_ITEM(co->co_localsplusnames, i));
            int reftype = cg_get_ref_type(c, name);
            int arg;
            if (reftype == AD_SCOPE_CELL) {
                arg = strlist_index(&c->u->cellvars, name);
            } else {
                arg = strlist_index(&c->u->freevars, name);
                if (arg >= 0)
                    arg += c->u->cellvars.n;
            }
            if (arg < 0) {
                Ad_DECREF(co_obj);
                return comp_error(c, loc, "compiler_lookup_arg(name='%s') failed", name);
            }
            if (cg_addop(c, loc, LOAD_CLOSURE, arg) < 0) {
                Ad_DECREF(co_obj);
                return -1;
            }
        }
        flags |= AD_MAKE_FUNCTION_CLOSURE;
        if (cg_addop(c, loc, BUILD_TUPLE, co->co_nfreevars) < 0) {
            Ad_DECREF(co_obj);
            return -1;
        }
    }
    LOAD_CONST(c, loc, co_obj);
    EMIT0(c, loc, MAKE_FUNCTION);
    if (flags & AD_MAKE_FUNCTION_CLOSURE)
        EMIT(c, loc, SET_FUNCTION_ATTRIBUTE, AD_MAKE_FUNCTION_CLOSURE);
    if (flags & AD_MAKE_FUNCTION_ANNOTATIONS)
        EMIT(c, loc, SET_FUNCTION_ATTRIBUTE, AD_MAKE_FUNCTION_ANNOTATIONS);
    if (flags & AD_MAKE_FUNCTION_ANNOTATE)
        EMIT(c, loc, SET_FUNCTION_ATTRIBUTE, AD_MAKE_FUNCTION_ANNOTATE);
    if (flags & AD_MAKE_FUNCTION_KWDEFAULTS)
        EMIT(c, loc, SET_FUNCTION_ATTRIBUTE, AD_MAKE_FUNCTION_KWDEFAULTS);
    if (flags & AD_MAKE_FUNCTION_DEFAULTS)
        EMIT(c, loc, SET_FUNCTION_ATTRIBUTE, AD_MAKE_FUNCTION_DEFAULTS);
    return 0;
}

int cg_wrap_in_stopiteration_handler(Compiler *c)
{
    NEW_LABEL(c, handler);
    CgSeq *s = &c->u->seq;
    int resume = 0;
    while (resume < s->n && s->v[resume].op != RESUME)
        resume++;
    /* insert SETUP_CLEANUP before RESUME */
    CHECK(cg_addop(c, NO_LOC, NOP, 0));
    memmove(&s->v[resume + 1], &s->v[resume], (size_t)(s->n - 1 - resume) * sizeof(CgInstr));
    s->v[resume].op = SETUP_CLEANUP;
    s->v[resume].arg = handler;
    s->v[resume].loc = NO_LOC;
    for (int i = 0; i < s->nlabels; i++)
        if (s->label_pos[i] >= resume && i != handler)
            s->label_pos[i]++;
    LOAD_CONST(c, NO_LOC, Ad_NewRef(Ad_None));
    EMIT0(c, NO_LOC, RETURN_VALUE);
    USE_LABEL(c, handler);
    EMIT(c, NO_LOC, CALL_INTRINSIC_1, AD_INTRINSIC_STOPITERATION_ERROR);
    EMIT(c, NO_LOC, RERAISE, 1);
    return 0;
}

/* ---- decorators and defaults ---- */

int cg_decorators(Compiler *c, AdAstSeq *decos)
{
    for (int i = 0; i < AdAstSeq_LEN(decos); i++)
        VISIT_EXPR(c, AdAstSeq_GET(decos, i));
    return 0;
}

static int apply_decorators(Compiler *c, AdAstSeq *decos)
{
    for (int i = AdAstSeq_LEN(decos) - 1; i >= 0; i--)
        EMIT(c, LOC((AdExpr *)AdAstSeq_GET(decos, i)), CALL, 0);
    return 0;
}

static int default_arguments(Compiler *c, CLoc loc, AdArguments *args)
{
    int flags = 0;
    if (AdAstSeq_LEN(args->defaults) > 0) {
        for (int i = 0; i < AdAstSeq_LEN(args->defaults); i++)
            VISIT_EXPR(c, AdAstSeq_GET(args->defaults, i));
        EMIT(c, loc, BUILD_TUPLE, AdAstSeq_LEN(args->defaults));
        flags |= AD_MAKE_FUNCTION_DEFAULTS;
    }
    int count = 0;
    for (int i = 0; i < AdAstSeq_LEN(args->kwonlyargs); i++) {
        AdArg *a = AdAstSeq_GET(args->kwonlyargs, i);
        AdExpr *d = AdAstSeq_GET(args->kw_defaults, i);
        if (d) {
            count++;
            const char *m = comp_mangle(c, c->u->private_name, a->arg);
            if (!m)
                return -1;
            LOAD_CONST(c, loc, AdStr_InternFromString(m));
            VISIT_EXPR(c, d);
        }
    }
    if (count) {
        EMIT(c, loc, BUILD_MAP, count);
        flags |= AD_MAKE_FUNCTION_KWDEFAULTS;
    }
    return flags;
}

/* ---- annotations ---- */

int cg_visit_annexpr(Compiler *c, AdExpr *annotation)
{
    char *s = comp_unparse_expr(c, annotation);
    if (!s)
        return -1;
    LOAD_CONST(c, LOC(annotation), AdStr_FromString(s));
    return 0;
}

static int setup_annotations_scope(Compiler *c, CLoc loc, const void *key,
                                   AdSymtableEntry *ste, const char *name)
{
    if (ste)
        CHECK(cg_enter_scope_ste(c, name, SCOPE_ANNOTATIONS, ste, loc.lineno, NULL));
    else
        CHECK(cg_enter_scope(c, name, SCOPE_ANNOTATIONS, key, loc.lineno, NULL));
    c->u->posonly = 1;
    EMIT(c, loc, LOAD_FAST, 0);
    LOAD_CONST(c, loc, AdInt_FromInt64(2));
    EMIT(c, loc, COMPARE_OP, (4 << 5) | 4);
    NEW_LABEL(c, body);
    JUMP_TO(c, loc, POP_JUMP_IF_FALSE, body);
    EMIT(c, loc, LOAD_COMMON_CONSTANT, AD_CONSTANT_NOTIMPLEMENTEDERROR);
    EMIT(c, loc, RAISE_VARARGS, 1);
    USE_LABEL(c, body);
    return 0;
}

/* Finish an annotation scope: return, assemble, rename ".format" to
 * "format" and make the function in the enclosing scope. */
static int leave_annotations_scope(Compiler *c, CLoc loc)
{
    EMIT0(c, loc, RETURN_VALUE);
    AdObject *co = cg_finish_unit(c, 1);
    if (!co)
        return -1;
    AdCodeObject *code = (AdCodeObject *)co;
    AdObject *names = code->co_localsplusnames;
    if (AdTuple_GET_SIZE(names) > 0) {
        AdObject *fmt = AdStr_InternFromString("format");
        if (!fmt) {
            Ad_DECREF(co);
            return comp_nomem(c);
        }
        AdObject *old = AdTuple_GET_ITEM(names, 0);
        AdTuple_SET_ITEM(names, 0, fmt);
        Ad_DECREF(old);
    }
    return cg_make_closure(c, loc, co, 0);
}

static int argannotation(Compiler *c, const char *id, AdExpr *annotation, int *len, CLoc loc)
{
    if (!annotation)
        return 0;
    const char *m = comp_mangle(c, c->u->private_name, id);
    if (!m)
        return -1;
    LOAD_CONST(c, loc, AdStr_InternFromString(m));
    if (c->future_features & AD_CO_FUTURE_ANNOTATIONS) {
        CHECK(cg_visit_annexpr(c, annotation));
    } else if (annotation->kind == AD_Starred_kind) {
        VISIT_EXPR(c, annotation->v.Starred.value);
        EMIT(c, loc, UNPACK_SEQUENCE, 1);
    } else {
        VISIT_EXPR(c, annotation);
    }
    (*len)++;
    return 0;
}

static int argannotations(Compiler *c, AdAstSeq *args, int *len, CLoc loc)
{
    for (int i = 0; i < AdAstSeq_LEN(args); i++) {
        AdArg *a = AdAstSeq_GET(args, i);
        CHECK(argannotation(c, a->arg, a->annotation, len, loc));
    }
    return 0;
}

static int annotations(Compiler *c, CLoc loc, AdArguments *args, AdExpr *returns)
{
    AdSymtableEntry *ste = AdSymtable_Lookup(c->st, args);
    if (!ste || !ste->annotations_used)
        return 0;
    CHECK(setup_annotations_scope(c, loc, args, NULL, ste->name));
    int len = 0;
    CHECK(argannotations(c, args->args, &len, loc));
    CHECK(argannotations(c, args->posonlyargs, &len, loc));
    if (args->vararg && args->vararg->annotation)
        CHECK(argannotation(c, args->vararg->arg, args->vararg->annotation, &len, loc));
    CHECK(argannotations(c, args->kwonlyargs, &len, loc));
    if (args->kwarg && args->kwarg->annotation)
        CHECK(argannotation(c, args->kwarg->arg, args->kwarg->annotation, &len, loc));
    CHECK(argannotation(c, "return", returns, &len, loc));
    EMIT(c, loc, BUILD_MAP, len);
    CHECK(leave_annotations_scope(c, loc));
    return AD_MAKE_FUNCTION_ANNOTATE;
}

static int check_ann_expr(Compiler *c, AdExpr *e)
{
    VISIT_EXPR(c, e);
    EMIT0(c, LOC(e), POP_TOP);
    return 0;
}

static int check_ann_subscr(Compiler *c, AdExpr *e)
{
    if (e->kind == AD_Slice_kind) {
        if (e->v.Slice.lower)
            CHECK(check_ann_expr(c, e->v.Slice.lower));
        if (e->v.Slice.upper)
            CHECK(check_ann_expr(c, e->v.Slice.upper));
        if (e->v.Slice.step)
            CHECK(check_ann_expr(c, e->v.Slice.step));
        return 0;
    }
    if (e->kind == AD_Tuple_kind) {
        for (int i = 0; i < AdAstSeq_LEN(e->v.Tuple.elts); i++)
            CHECK(check_ann_subscr(c, AdAstSeq_GET(e->v.Tuple.elts, i)));
        return 0;
    }
    return check_ann_expr(c, e);
}

static int add_deferred(Compiler *c, AdStmt *s, int *cond_index)
{
    CUnit *u = c->u;
    if (u->ndeferred == u->deferred_cap) {
        int cap = u->deferred_cap ? u->deferred_cap * 2 : 8;
        void **v = realloc(u->deferred_annos, (size_t)cap * sizeof *v);
        if (!v)
            return comp_nomem(c);
        u->deferred_annos = v;
        int *ci = realloc(u->deferred_cond_index, (size_t)cap * sizeof *ci);
        if (!ci)
            return comp_nomem(c);
        u->deferred_cond_index = ci;
        u->deferred_cap = cap;
    }
    int idx = -1;
    if (u->scope_type == SCOPE_MODULE || u->in_conditional_block)
        idx = u->next_conditional_index++;
    u->deferred_annos[u->ndeferred] = s;
    u->deferred_cond_index[u->ndeferred] = idx;
    u->ndeferred++;
    *cond_index = idx;
    return 0;
}

int cg_annassign(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    AdExpr *targ = s->v.AnnAssign.target;
    int future = (c->future_features & AD_CO_FUTURE_ANNOTATIONS) != 0;
    if (s->v.AnnAssign.value) {
        VISIT_EXPR(c, s->v.AnnAssign.value);
        VISIT_EXPR(c, targ);
    }
    switch (targ->kind) {
    case AD_Name_kind:
        if (s->v.AnnAssign.simple &&
            (c->u->scope_type == SCOPE_MODULE || c->u->scope_type == SCOPE_CLASS)) {
            if (future) {
                CHECK(cg_visit_annexpr(c, s->v.AnnAssign.annotation));
                CHECK(cg_add_name_op(c, loc, LOAD_NAME, "__annotations__"));
                const char *m = comp_mangle(c, c->u->private_name, targ->v.Name.id);
                if (!m)
                    return -1;
                LOAD_CONST(c, loc, AdStr_InternFromString(m));
                EMIT0(c, loc, STORE_SUBSCR);
            } else {
                int idx = -1;
                CHECK(add_deferred(c, s, &idx));
                if (idx != -1) {
                    if (c->u->scope_type == SCOPE_CLASS) {
                        int i = strlist_index(&c->u->cellvars, "__conditional_annotations__");
                        EMIT(c, loc, LOAD_DEREF, i < 0 ? 0 : i);
                    } else {
                        int i = strlist_add(&c->u->names, "__conditional_annotations__");
                        if (i < 0)
                            return comp_nomem(c);
                        EMIT(c, loc, LOAD_NAME, i);
                    }
                    LOAD_CONST(c, loc, AdInt_FromInt64(idx));
                    EMIT(c, loc, SET_ADD, 1);
                    EMIT0(c, loc, POP_TOP);
                }
            }
        }
        break;
    case AD_Attribute_kind:
        if (!s->v.AnnAssign.value)
            CHECK(check_ann_expr(c, targ->v.Attribute.value));
        break;
    case AD_Subscript_kind:
        if (!s->v.AnnAssign.value) {
            CHECK(check_ann_expr(c, targ->v.Subscript.value));
            CHECK(check_ann_subscr(c, targ->v.Subscript.slice));
        }
        break;
    default:
        return comp_error(c, loc, "invalid node type for annotated assignment");
    }
    return 0;
}

static int deferred_annotations_body(Compiler *c, CLoc loc, CUnit *owner)
{
    EMIT(c, loc, BUILD_MAP, 0);
    for (int i = 0; i < owner->ndeferred; i++) {
        AdStmt *st = owner->deferred_annos[i];
        const char *m = comp_mangle(c, c->u->private_name, st->v.AnnAssign.target->v.Name.id);
        if (!m)
            return -1;
        int idx = owner->deferred_cond_index[i];
        NEW_LABEL(c, not_set);
        if (idx != -1) {
            LOAD_CONST(c, LOC(st), AdInt_FromInt64(idx));
            if (owner->scope_type == SCOPE_CLASS) {
                int k = strlist_add(&c->u->freevars, "__conditional_annotations__");
                if (k < 0)
                    return comp_nomem(c);
                EMIT(c, LOC(st), LOAD_DEREF, c->u->cellvars.n + k);
            } else {
                int k = strlist_add(&c->u->names, "__conditional_annotations__");
                if (k < 0)
                    return comp_nomem(c);
                EMIT(c, LOC(st), LOAD_GLOBAL, k << 1);
            }
            EMIT(c, LOC(st), CONTAINS_OP, 0);
            JUMP_TO(c, LOC(st), POP_JUMP_IF_FALSE, not_set);
        }
        VISIT_EXPR(c, st->v.AnnAssign.annotation);
        EMIT(c, LOC(st), COPY, 2);
        LOAD_CONST(c, LOC(st), AdStr_InternFromString(m));
        EMIT0(c, loc, STORE_SUBSCR);
        USE_LABEL(c, not_set);
    }
    return 0;
}

/* Splice the instructions of SUB into the unit's sequence at AT (the
 * ANNOTATIONS_PLACEHOLDER, which is replaced). */
static int splice_seq(Compiler *c, CgSeq *main, int at, CgSeq *sub)
{
    int extra = sub->n - 1;
    if (main->n + extra > main->cap) {
        int cap = main->n + extra + 16;
        CgInstr *v = realloc(main->v, (size_t)cap * sizeof *v);
        if (!v)
            return comp_nomem(c);
        main->v = v;
        main->cap = cap;
    }
    memmove(&main->v[at + sub->n], &main->v[at + 1], (size_t)(main->n - at - 1) * sizeof(CgInstr));
    int base = main->nlabels;
    for (int i = 0; i < main->nlabels; i++)
        if (main->label_pos[i] > at)
            main->label_pos[i] += extra;
    for (int i = 0; i < sub->nlabels; i++) {
        int l = cg_new_label(c);
        if (l < 0)
            return -1;
        main->label_pos[l] = sub->label_pos[i] + at;
    }
    for (int i = 0; i < sub->n; i++) {
        CgInstr in = sub->v[i];
        if (AdOpcode_HasJump(in.op) || in.op == SETUP_FINALLY || in.op == SETUP_CLEANUP ||
            in.op == SETUP_WITH)
            in.arg += base;
        main->v[at + i] = in;
    }
    main->n += extra;
    return 0;
}

int cg_process_deferred_annotations(Compiler *c, CLoc loc)
{
    CUnit *u = c->u;
    if (u->ndeferred == 0)
        return 0;
    int separate = u->scope_type == SCOPE_MODULE;
    CgSeq saved;
    if (separate) {
        saved = u->seq;
        memset(&u->seq, 0, sizeof u->seq);
    }
    AdSymtableEntry *ste = u->ste->annotation_block;
    if (!ste)
        return comp_error(c, loc, "compiler: no annotation block");
    int r = setup_annotations_scope(c, loc, NULL, ste, "__annotate__");
    if (r == 0) {
        r = deferred_annotations_body(c, loc, u);
        if (r < 0)
            cg_exit_scope(c);
    }
    if (r == 0)
        r = leave_annotations_scope(c, loc);
    if (r == 0)
        r = cg_nameop(c, loc, u->ste->type == AD_BLOCK_CLASS ? "__annotate_func__" : "__annotate__",
                      AD_Store);
    if (separate) {
        CgSeq sub = u->seq;
        u->seq = saved;
        if (r == 0) {
            if (u->anno_placeholder >= 0)
                r = splice_seq(c, &u->seq, u->anno_placeholder, &sub);
        }
        cgseq_clear(&sub);
    }
    return r;
}

/* ---- functions ---- */

static int type_param_bound_or_default(Compiler *c, AdExpr *e, const char *name,
                                       const void *key, int allow_starred)
{
    AdObject *defaults = one_tuple();
    LOAD_CONST(c, LOC(e), defaults);
    CHECK(setup_annotations_scope(c, LOC(e), key, NULL, name));
    if (allow_starred && e->kind == AD_Starred_kind) {
        VISIT_EXPR(c, e->v.Starred.value);
        EMIT(c, LOC(e), UNPACK_SEQUENCE, 1);
    } else {
        VISIT_EXPR(c, e);
    }
    EMIT0(c, LOC(e), RETURN_VALUE);
    AdObject *co = cg_finish_unit(c, 1);
    if (!co)
        return -1;
    return cg_make_closure(c, LOC(e), co, AD_MAKE_FUNCTION_DEFAULTS);
}

static int type_params(Compiler *c, AdAstSeq *tps)
{
    int n = AdAstSeq_LEN(tps);
    int seen_default = 0;
    for (int i = 0; i < n; i++) {
        AdTypeParam *tp = AdAstSeq_GET(tps, i);
        CLoc loc = LOC(tp);
        LOAD_CONST(c, loc, AdStr_InternFromString(tp->name));
        switch (tp->kind) {
        case AD_TypeVar:
            if (tp->bound) {
                CHECK(type_param_bound_or_default(c, tp->bound, tp->name, tp, 0));
                EMIT(c, loc, CALL_INTRINSIC_2, tp->bound->kind == AD_Tuple_kind
                                                   ? AD_INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                                                   : AD_INTRINSIC_TYPEVAR_WITH_BOUND);
            } else {
                EMIT(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_TYPEVAR);
            }
            if (tp->default_value) {
                seen_default = 1;
                CHECK(type_param_bound_or_default(c, tp->default_value, tp->name,
                                                  (const char *)tp + 1, 0));
                EMIT(c, loc, CALL_INTRINSIC_2, AD_INTRINSIC_SET_TYPEPARAM_DEFAULT);
            } else if (seen_default) {
                return comp_error(c, loc, "non-default type parameter '%s' follows default type parameter",
                                  tp->name);
            }
            break;
        case AD_TypeVarTuple:
        case AD_ParamSpec:
            EMIT(c, loc, CALL_INTRINSIC_1, tp->kind == AD_TypeVarTuple ? AD_INTRINSIC_TYPEVARTUPLE
                                                                     : AD_INTRINSIC_PARAMSPEC);
            if (tp->default_value) {
                CHECK(type_param_bound_or_default(c, tp->default_value, tp->name, tp,
                                                  tp->kind == AD_TypeVarTuple));
                EMIT(c, loc, CALL_INTRINSIC_2, AD_INTRINSIC_SET_TYPEPARAM_DEFAULT);
                seen_default = 1;
            } else if (seen_default) {
                return comp_error(c, loc, "non-default type parameter '%s' follows default type parameter",
                                  tp->name);
            }
            break;
        }
        EMIT(c, loc, COPY, 1);
        CHECK(cg_nameop(c, loc, tp->name, AD_Store));
    }
    EMIT(c, LOC((AdTypeParam *)AdAstSeq_GET(tps, 0)), BUILD_TUPLE, n);
    return 0;
}

static int function_body(Compiler *c, AdStmt *s, int is_async, int funcflags, int firstlineno)
{
    AdArguments *args = s->v.FunctionDef.args;
    AdAstSeq *body = s->v.FunctionDef.body;
    CHECK(cg_enter_scope(c, s->v.FunctionDef.name, is_async ? SCOPE_ASYNC_FUNCTION : SCOPE_FUNCTION,
                         s, firstlineno, NULL));
    CUnit *u = c->u;
    u->argcount = AdAstSeq_LEN(args->args);
    u->posonly = AdAstSeq_LEN(args->posonlyargs);
    u->kwonly = AdAstSeq_LEN(args->kwonlyargs);
    int first = 0;
    AdStmt *st0 = AdAstSeq_LEN(body) ? AdAstSeq_GET(body, 0) : NULL;
    if (st0 && st0->kind == AD_Expr_kind && st0->v.Expr.value->kind == AD_Constant_kind &&
        st0->v.Expr.value->v.Constant.value.kind == AD_CONST_STR) {
        first = 1;
        if (c->optimize < 2) {
            AdObject *doc = cg_docstring(c, body);
            if (!doc || cg_add_const(c, u, doc) < 0)
                goto error;
        } else if (AdAstSeq_LEN(body) == 1) {
            if (cg_addop(c, cg_docstring_pass_loc(st0), NOP, 0) < 0)
                goto error;
        }
    }
    int start = cg_new_label(c);
    if (start < 0)
        goto error;
    cg_use_label(c, start);
    int stopiter = u->ste->coroutine || u->ste->generator;
    if (stopiter && cg_push_fblock(c, NO_LOC, FB_STOP_ITERATION, start, -1, NULL) < 0)
        goto error;
    for (int i = first; i < AdAstSeq_LEN(body); i++)
        if (cg_stmt(c, AdAstSeq_GET(body, i)) < 0)
            goto error;
    if (stopiter) {
        if (cg_wrap_in_stopiteration_handler(c) < 0)
            goto error;
        cg_pop_fblock(c, FB_STOP_ITERATION, start);
    }
    AdObject *co = cg_finish_unit(c, 1);
    if (!co)
        return -1;
    return cg_make_closure(c, LOC(s), co, funcflags);
error:
    cg_exit_scope(c);
    return -1;
}

int cg_function(Compiler *c, AdStmt *s, int is_async)
{
    AdArguments *args = s->v.FunctionDef.args;
    AdAstSeq *decos = s->v.FunctionDef.decorator_list;
    AdAstSeq *tps = s->v.FunctionDef.type_params;
    CHECK(cg_decorators(c, decos));
    int firstlineno = s->lineno;
    if (AdAstSeq_LEN(decos))
        firstlineno = ((AdExpr *)AdAstSeq_GET(decos, 0))->lineno;
    CLoc loc = LOC(s);
    int is_generic = AdAstSeq_LEN(tps) > 0;
    int funcflags = default_arguments(c, loc, args);
    CHECK(funcflags);
    int ntp_args = 0;
    if (is_generic) {
        if (funcflags & AD_MAKE_FUNCTION_DEFAULTS)
            ntp_args++;
        if (funcflags & AD_MAKE_FUNCTION_KWDEFAULTS)
            ntp_args++;
        if (ntp_args == 2)
            EMIT(c, loc, SWAP, 2);
        char *tpname = comp_strfmt(c, "<generic parameters of %s>", s->v.FunctionDef.name);
        if (!tpname)
            return -1;
        CHECK(cg_enter_scope(c, tpname, SCOPE_ANNOTATIONS, tps, firstlineno, NULL));
        c->u->argcount = ntp_args;
        if (type_params(c, tps) < 0)
            goto error;
        for (int i = 0; i < ntp_args; i++)
            if (cg_addop(c, loc, LOAD_FAST, i) < 0)
                goto error;
    }
    int af = annotations(c, loc, args, s->v.FunctionDef.returns);
    if (af < 0)
        goto error;
    funcflags |= af;
    if (function_body(c, s, is_async, funcflags, firstlineno) < 0)
        goto error;
    if (is_generic) {
        if (cg_addop(c, loc, SWAP, 2) < 0 ||
            cg_addop(c, loc, CALL_INTRINSIC_2, AD_INTRINSIC_SET_FUNCTION_TYPE_PARAMS) < 0)
            goto error;
        AdObject *co = cg_finish_unit(c, 0);
        if (!co)
            return -1;
        CHECK(cg_make_closure(c, loc, co, 0));
        if (ntp_args > 0) {
            EMIT(c, loc, SWAP, ntp_args + 1);
            EMIT(c, loc, CALL, ntp_args - 1);
        } else {
            EMIT0(c, loc, PUSH_NULL);
            EMIT(c, loc, CALL, 0);
        }
    }
    CHECK(apply_decorators(c, decos));
    return cg_nameop(c, loc, s->v.FunctionDef.name, AD_Store);
error:
    if (is_generic)
        cg_exit_scope(c);
    return -1;
}

int cg_lambda(Compiler *c, AdExpr *e)
{
    AdArguments *args = e->v.Lambda.args;
    CLoc loc = LOC(e);
    int funcflags = default_arguments(c, loc, args);
    CHECK(funcflags);
    CHECK(cg_enter_scope(c, "<lambda>", SCOPE_LAMBDA, e, e->lineno, NULL));
    CUnit *u = c->u;
    u->argcount = AdAstSeq_LEN(args->args);
    u->posonly = AdAstSeq_LEN(args->posonlyargs);
    u->kwonly = AdAstSeq_LEN(args->kwonlyargs);
    if (cg_expr(c, e->v.Lambda.body) < 0) {
        cg_exit_scope(c);
        return -1;
    }
    AdObject *co;
    if (u->ste->generator) {
        co = cg_finish_unit(c, 0);
    } else {
        if (cg_addop(c, LOC(e->v.Lambda.body), RETURN_VALUE, 0) < 0) {
            cg_exit_scope(c);
            return -1;
        }
        co = cg_finish_unit(c, 1);
    }
    if (!co)
        return -1;
    return cg_make_closure(c, loc, co, funcflags);
}

/* ---- classes ---- */

static int class_body(Compiler *c, AdStmt *s, int firstlineno)
{
    const char *name = s->v.ClassDef.name;
    CHECK(cg_enter_scope(c, name, SCOPE_CLASS, s, firstlineno, name));
    CUnit *u = c->u;
    CLoc loc = LOC4(firstlineno, firstlineno, 0, 0);
    if (cg_nameop(c, loc, "__name__", AD_Load) < 0 ||
        cg_nameop(c, loc, "__module__", AD_Store) < 0 ||
        cg_load_const(c, loc, AdStr_InternFromString(u->qualname)) < 0 ||
        cg_nameop(c, loc, "__qualname__", AD_Store) < 0 ||
        cg_load_const(c, loc, AdInt_FromInt64(firstlineno)) < 0 ||
        cg_nameop(c, loc, "__firstlineno__", AD_Store) < 0)
        goto error;
    if (AdAstSeq_LEN(s->v.ClassDef.type_params) > 0) {
        if (cg_nameop(c, loc, ".type_params", AD_Load) < 0 ||
            cg_nameop(c, loc, "__type_params__", AD_Store) < 0)
            goto error;
    }
    if (u->ste->needs_classdict) {
        if (cg_addop(c, loc, LOAD_LOCALS, 0) < 0 ||
            cg_addop(c, loc, STORE_DEREF, strlist_index(&u->cellvars, "__classdict__")) < 0)
            goto error;
    }
    if (u->ste->has_conditional_annotations) {
        if (cg_addop(c, loc, BUILD_SET, 0) < 0 ||
            cg_addop(c, loc, STORE_DEREF,
                     strlist_index(&u->cellvars, "__conditional_annotations__")) < 0)
            goto error;
    }
    if (cg_class_body_stmts(c, loc, s->v.ClassDef.body) < 0)
        goto error;
    /* __static_attributes__: sorted */
    {
        int n = u->static_attrs.n;
        const char **v = u->static_attrs.v;
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
                const char *t = v[j];
                v[j] = v[j - 1];
                v[j - 1] = t;
            }
        AdObject *t = AdTuple_New(n);
        if (!t)
            goto error;
        for (int i = 0; i < n; i++)
            AdTuple_SET_ITEM(t, i, AdStr_InternFromString(v[i]));
        if (cg_load_const(c, NO_LOC, t) < 0 ||
            cg_nameop(c, NO_LOC, "__static_attributes__", AD_Store) < 0)
            goto error;
    }
    if (u->ste->needs_classdict) {
        if (cg_addop(c, NO_LOC, LOAD_CLOSURE, strlist_index(&u->cellvars, "__classdict__")) < 0 ||
            cg_nameop(c, NO_LOC, "__classdictcell__", AD_Store) < 0)
            goto error;
    }
    if (u->ste->needs_class_closure) {
        if (cg_addop(c, NO_LOC, LOAD_CLOSURE, strlist_index(&u->cellvars, "__class__")) < 0 ||
            cg_addop(c, NO_LOC, COPY, 1) < 0 ||
            cg_nameop(c, NO_LOC, "__classcell__", AD_Store) < 0)
            goto error;
    } else {
        if (cg_load_const(c, NO_LOC, Ad_NewRef(Ad_None)) < 0)
            goto error;
    }
    if (cg_addop(c, NO_LOC, RETURN_VALUE, 0) < 0)
        goto error;
    AdObject *co = cg_finish_unit(c, 1);
    if (!co)
        return -1;
    loc = LOC(s);
    EMIT0(c, loc, LOAD_BUILD_CLASS);
    EMIT0(c, loc, PUSH_NULL);
    CHECK(cg_make_closure(c, loc, co, 0));
    LOAD_CONST(c, loc, AdStr_InternFromString(name));
    return 0;
error:
    cg_exit_scope(c);
    return -1;
}

int cg_class(Compiler *c, AdStmt *s)
{
    AdAstSeq *decos = s->v.ClassDef.decorator_list;
    CHECK(cg_decorators(c, decos));
    int firstlineno = s->lineno;
    if (AdAstSeq_LEN(decos))
        firstlineno = ((AdExpr *)AdAstSeq_GET(decos, 0))->lineno;
    CLoc loc = LOC(s);
    AdAstSeq *tps = s->v.ClassDef.type_params;
    int is_generic = AdAstSeq_LEN(tps) > 0;
    if (is_generic) {
        char *tpname = comp_strfmt(c, "<generic parameters of %s>", s->v.ClassDef.name);
        if (!tpname)
            return -1;
        CHECK(cg_enter_scope(c, tpname, SCOPE_ANNOTATIONS, tps, firstlineno, s->v.ClassDef.name));
        if (type_params(c, tps) < 0 || cg_nameop(c, loc, ".type_params", AD_Store) < 0)
            goto error;
    }
    if (class_body(c, s, firstlineno) < 0)
        goto error;
    if (is_generic) {
        if (cg_nameop(c, loc, ".type_params", AD_Load) < 0 ||
            cg_addop(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_SUBSCRIPT_GENERIC) < 0 ||
            cg_nameop(c, loc, ".generic_base", AD_Store) < 0)
            goto error;
        int call_helper_injected(Compiler *, CLoc, int, AdAstSeq *, const char *, AdAstSeq *);
        if (call_helper_injected(c, loc, 2, s->v.ClassDef.bases, ".generic_base",
                                 s->v.ClassDef.keywords) < 0)
            goto error;
        AdObject *co = cg_finish_unit(c, 0);
        if (!co)
            return -1;
        CHECK(cg_make_closure(c, loc, co, 0));
        EMIT0(c, loc, PUSH_NULL);
        EMIT(c, loc, CALL, 0);
    } else {
        CHECK(cg_call_helper(c, loc, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    }
    CHECK(apply_decorators(c, decos));
    return cg_nameop(c, loc, s->v.ClassDef.name, AD_Store);
error:
    if (is_generic)
        cg_exit_scope(c);
    return -1;
}

/* ---- type aliases ---- */

static int typealias_body(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    const char *name = s->v.TypeAlias.name->v.Name.id;
    LOAD_CONST(c, loc, one_tuple());
    CHECK(setup_annotations_scope(c, loc, s, NULL, name));
    if (cg_expr(c, s->v.TypeAlias.value) < 0 || cg_addop(c, loc, RETURN_VALUE, 0) < 0) {
        cg_exit_scope(c);
        return -1;
    }
    AdObject *co = cg_finish_unit(c, 0);
    if (!co)
        return -1;
    CHECK(cg_make_closure(c, loc, co, AD_MAKE_FUNCTION_DEFAULTS));
    EMIT(c, loc, BUILD_TUPLE, 3);
    EMIT(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_TYPEALIAS);
    return 0;
}

int cg_typealias(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    AdAstSeq *tps = s->v.TypeAlias.type_params;
    int is_generic = AdAstSeq_LEN(tps) > 0;
    const char *name = s->v.TypeAlias.name->v.Name.id;
    if (is_generic) {
        char *tpname = comp_strfmt(c, "<generic parameters of %s>", name);
        if (!tpname)
            return -1;
        CHECK(cg_enter_scope(c, tpname, SCOPE_ANNOTATIONS, tps, loc.lineno, NULL));
        if (cg_load_const(c, loc, AdStr_InternFromString(name)) < 0 || type_params(c, tps) < 0)
            goto error;
    } else {
        LOAD_CONST(c, loc, AdStr_InternFromString(name));
        LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    }
    if (typealias_body(c, s) < 0)
        goto error;
    if (is_generic) {
        AdObject *co = cg_finish_unit(c, 0);
        if (!co)
            return -1;
        CHECK(cg_make_closure(c, loc, co, 0));
        EMIT0(c, loc, PUSH_NULL);
        EMIT(c, loc, CALL, 0);
    }
    return cg_nameop(c, loc, name, AD_Store);
error:
    if (is_generic)
        cg_exit_scope(c);
    return -1;
}
