/* codegen.c -- code generation core: compiler units (one per code
 * object), the constant and name tables, labels, name resolution through
 * the symbol table, the frame-block stack that break/continue/return
 * unwind, and the statement dispatcher and module body.  Follows the
 * instruction sequences CPython 3.14's codegen emits. */
#include "compiler/codegen_int.h"

#include <stdlib.h>
#include <string.h>

#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

const CLoc comp_no_loc = {-1, -1, -1, -1};

/* ---- lists ---- */

int objlist_append(ObjList *l, AdObject *o)
{
    if (!o)
        return -1;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        AdObject **v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v) {
            Ad_DECREF(o);
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = o;
    return l->n - 1;
}

void objlist_clear(ObjList *l)
{
    for (int i = 0; i < l->n; i++)
        Ad_XDECREF(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

int strlist_index(const StrList *l, const char *s)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0)
            return i;
    return -1;
}

int strlist_append(StrList *l, const char *s)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        const char **v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = s;
    return l->n - 1;
}

int strlist_add(StrList *l, const char *s)
{
    int i = strlist_index(l, s);
    return i >= 0 ? i : strlist_append(l, s);
}

void strlist_clear(StrList *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

void cgseq_clear(CgSeq *s)
{
    free(s->v);
    free(s->label_pos);
    memset(s, 0, sizeof *s);
}

/* ---- emitting ---- */

int cg_addop(Compiler *c, CLoc loc, int op, int arg)
{
    CgSeq *s = &c->u->seq;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        CgInstr *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v)
            return comp_nomem(c);
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n].op = op;
    s->v[s->n].arg = arg;
    s->v[s->n].loc = loc;
    s->n++;
    return 0;
}

int cg_new_label(Compiler *c)
{
    CgSeq *s = &c->u->seq;
    if (s->nlabels == s->labels_cap) {
        int cap = s->labels_cap ? s->labels_cap * 2 : 32;
        int *v = realloc(s->label_pos, (size_t)cap * sizeof *v);
        if (!v)
            return comp_nomem(c);
        s->label_pos = v;
        s->labels_cap = cap;
    }
    s->label_pos[s->nlabels] = -1;
    return s->nlabels++;
}

int cg_use_label(Compiler *c, int label)
{
    c->u->seq.label_pos[label] = c->u->seq.n;
    return 0;
}

/* ---- constants ---- */

AdObject *cg_const_from_ast(const AdConst *k)
{
    switch (k->kind) {
    case AD_CONST_NONE: return Ad_NewRef(Ad_None);
    case AD_CONST_TRUE: return Ad_NewRef(Ad_True);
    case AD_CONST_FALSE: return Ad_NewRef(Ad_False);
    case AD_CONST_ELLIPSIS: return Ad_NewRef(Ad_Ellipsis);
    case AD_CONST_INT: return AdInt_FromInt64(k->v.i);
    case AD_CONST_BIGINT: {
        return AdInt_FromString(k->v.str.data, (Ad_ssize_t)k->v.str.len, 10);
    }
    case AD_CONST_FLOAT: return AdFloat_FromDouble(k->v.f);
    case AD_CONST_COMPLEX: return AdComplex_FromDoubles(0.0, k->v.f);
    case AD_CONST_STR: {
        AdObject *s = AdStr_FromStringAndSize(k->v.str.data, (Ad_ssize_t)k->v.str.len);
        if (s && AdStr_CheckExact(s) && AdStr_LENGTH(s) < 4096)
            AdStr_InternInPlace(&s);
        return s;
    }
    case AD_CONST_BYTES: return AdBytes_FromStringAndSize(k->v.str.data, (Ad_ssize_t)k->v.str.len);
    }
    return NULL;
}

int cg_add_const(Compiler *c, CUnit *u, AdObject *o)
{
    if (!o) {
        comp_nomem(c);
        return -1;
    }
    for (int i = 0; i < u->consts.n; i++) {
        if (cfg_const_key_equal(u->consts.v[i], o)) {
            Ad_DECREF(o);
            return i;
        }
    }
    int i = objlist_append(&u->consts, o);
    if (i < 0)
        comp_nomem(c);
    return i;
}

int cg_load_const(Compiler *c, CLoc loc, AdObject *o)
{
    int i = cg_add_const(c, c->u, o);
    if (i < 0)
        return -1;
    return cg_addop(c, loc, LOAD_CONST, i);
}

/* ---- names ---- */

const char *comp_mangle(Compiler *c, const char *private_name, const char *name)
{
    if (!private_name)
        return name;
    char *m = AdSymtable_Mangle(private_name, name);
    if (!m) {
        comp_nomem(c);
        return NULL;
    }
    if (m == name)
        return name;
    char *p = comp_strdup(c, m);
    free(m);
    return p;
}

int cg_add_name(Compiler *c, StrList *l, const char *name)
{
    const char *m = comp_mangle(c, c->u->private_name, name);
    if (!m)
        return -1;
    int i = strlist_add(l, m);
    if (i < 0)
        comp_nomem(c);
    return i;
}

int cg_add_name_op(Compiler *c, CLoc loc, int op, const char *name)
{
    int i = cg_add_name(c, &c->u->names, name);
    if (i < 0)
        return -1;
    return cg_addop(c, loc, op, i);
}

int cg_lookup_arg(StrList *l, const char *name)
{
    return strlist_index(l, name);
}

static int load_classdict_freevar(Compiler *c, CLoc loc)
{
    int i = strlist_index(&c->u->freevars, "__classdict__");
    if (i < 0)
        return comp_error(c, loc, "compiler: no __classdict__ free variable");
    return cg_addop(c, loc, LOAD_DEREF, c->u->cellvars.n + i);
}

int cg_nameop(Compiler *c, CLoc loc, const char *name, AdExprContext ctx)
{
    CUnit *u = c->u;
    if (ctx != AD_Load && strcmp(name, "__debug__") == 0)
        return comp_error(c, loc, "cannot assign to __debug__");
    const char *mangled = comp_mangle(c, u->private_name, name);
    if (!mangled)
        return -1;
    int scope = AdSymtableEntry_GetScope(u->ste, mangled);
    enum { OP_NAME, OP_FAST, OP_DEREF, OP_GLOBAL } optype = OP_NAME;
    StrList *dict = &u->names;
    int base = 0;
    int funclike = AdSymtableEntry_IsFunctionLike(u->ste);
    switch (scope) {
    case AD_SCOPE_FREE:
        dict = &u->freevars;
        base = u->cellvars.n;
        optype = OP_DEREF;
        break;
    case AD_SCOPE_CELL:
        dict = &u->cellvars;
        optype = OP_DEREF;
        break;
    case AD_SCOPE_LOCAL:
        if (funclike || strlist_index(&u->fasthidden, mangled) >= 0)
            optype = OP_FAST;
        break;
    case AD_SCOPE_GLOBAL_IMPLICIT:
        if (funclike)
            optype = OP_GLOBAL;
        break;
    case AD_SCOPE_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    int op = 0;
    switch (optype) {
    case OP_DEREF:
        switch (ctx) {
        case AD_Load:
            if (u->ste->type == AD_BLOCK_CLASS && !u->in_inlined_comp) {
                op = LOAD_FROM_DICT_OR_DEREF;
                CHECK(cg_addop(c, loc, LOAD_LOCALS, 0));
            } else if (u->ste->can_see_class_scope) {
                op = LOAD_FROM_DICT_OR_DEREF;
                CHECK(load_classdict_freevar(c, loc));
            } else {
                op = LOAD_DEREF;
            }
            break;
        case AD_Store: op = STORE_DEREF; break;
        case AD_Del: op = DELETE_DEREF; break;
        }
        break;
    case OP_FAST: {
        op = ctx == AD_Load ? LOAD_FAST : ctx == AD_Store ? STORE_FAST : DELETE_FAST;
        int i = strlist_add(&u->varnames, mangled);
        if (i < 0)
            return comp_nomem(c);
        return cg_addop(c, loc, op, i);
    }
    case OP_GLOBAL:
        switch (ctx) {
        case AD_Load:
            if (u->ste->can_see_class_scope && scope == AD_SCOPE_GLOBAL_IMPLICIT) {
                op = LOAD_FROM_DICT_OR_GLOBALS;
                CHECK(load_classdict_freevar(c, loc));
            } else {
                op = LOAD_GLOBAL;
            }
            break;
        case AD_Store: op = STORE_GLOBAL; break;
        case AD_Del: op = DELETE_GLOBAL; break;
        }
        break;
    case OP_NAME:
        switch (ctx) {
        case AD_Load:
            op = (u->ste->type == AD_BLOCK_CLASS && u->in_inlined_comp) ? LOAD_GLOBAL : LOAD_NAME;
            break;
        case AD_Store: op = STORE_NAME; break;
        case AD_Del: op = DELETE_NAME; break;
        }
        break;
    }
    int arg = strlist_add(dict, mangled);
    if (arg < 0)
        return comp_nomem(c);
    arg += base;
    if (op == LOAD_GLOBAL)
        arg <<= 1;
    return cg_addop(c, loc, op, arg);
}

int cg_get_ref_type(Compiler *c, const char *name)
{
    CUnit *u = c->u;
    if (u->ste->type == AD_BLOCK_CLASS &&
        (strcmp(name, "__class__") == 0 || strcmp(name, "__classdict__") == 0 ||
         strcmp(name, "__conditional_annotations__") == 0))
        return AD_SCOPE_CELL;
    int scope = AdSymtableEntry_GetScope(u->ste, name);
    return scope;
}

/* ---- units ---- */

static const char *unit_qualname(Compiler *c, CUnit *u)
{
    CUnit *parent = u->prev;
    if (!parent || parent->scope_type == SCOPE_MODULE)
        return u->name;
    int force_global = 0;
    if (parent->scope_type == SCOPE_ANNOTATIONS || parent->scope_type == SCOPE_TYPEPARAMS) {
        /* An annotation or type-parameter scope: name from the grandparent. */
        parent = parent->prev;
        if (!parent || parent->scope_type == SCOPE_MODULE)
            return u->name;
    }
    if (u->scope_type == SCOPE_FUNCTION || u->scope_type == SCOPE_ASYNC_FUNCTION ||
        u->scope_type == SCOPE_CLASS) {
        const char *m = comp_mangle(c, parent->private_name, u->name);
        if (!m)
            return NULL;
        if (AdSymtableEntry_GetScope(parent->ste, m) == AD_SCOPE_GLOBAL_EXPLICIT)
            force_global = 1;
    }
    if (force_global)
        return u->name;
    if (parent->scope_type == SCOPE_FUNCTION || parent->scope_type == SCOPE_ASYNC_FUNCTION ||
        parent->scope_type == SCOPE_LAMBDA)
        return comp_strfmt(c, "%s.<locals>.%s", parent->qualname, u->name);
    return comp_strfmt(c, "%s.%s", parent->qualname, u->name);
}

int cg_enter_scope_ste(Compiler *c, const char *name, int scope_type, AdSymtableEntry *ste,
                       int lineno, const char *private_name);

int cg_enter_scope(Compiler *c, const char *name, int scope_type, const void *key,
                   int lineno, const char *private_name)
{
    AdSymtableEntry *ste = AdSymtable_Lookup(c->st, key);
    if (!ste)
        return comp_error(c, NO_LOC, "compiler: unknown scope for %s", name);
    return cg_enter_scope_ste(c, name, scope_type, ste, lineno, private_name);
}

int cg_enter_scope_ste(Compiler *c, const char *name, int scope_type, AdSymtableEntry *ste,
                       int lineno, const char *private_name)
{
    CUnit *u = calloc(1, sizeof *u);
    if (!u)
        return comp_nomem(c);
    u->ste = ste;
    if (!u->ste) {
        free(u);
        return comp_error(c, NO_LOC, "compiler: unknown scope for %s", name);
    }
    u->scope_type = scope_type;
    u->name = name;
    u->firstlineno = lineno;
    u->anno_placeholder = -1;
    for (int i = 0; i < u->ste->nvarnames; i++)
        if (strlist_append(&u->varnames, u->ste->varnames[i]) < 0)
            goto nomem;
    int n;
    const char **cells = AdSymtableEntry_CellVars(u->ste, &n);
    if (n < 0)
        goto nomem;
    for (int i = 0; i < n; i++)
        strlist_append(&u->cellvars, cells[i]);
    free(cells);
    const char **frees = AdSymtableEntry_FreeVars(u->ste, &n);
    if (n < 0)
        goto nomem;
    for (int i = 0; i < n; i++)
        strlist_append(&u->freevars, frees[i]);
    free(frees);
    u->prev = c->u;
    u->private_name = private_name ? private_name : (c->u ? c->u->private_name : NULL);
    c->u = u;
    c->nest_level++;
    if (scope_type != SCOPE_MODULE) {
        u->qualname = unit_qualname(c, u);
        if (!u->qualname)
            return -1;
    } else {
        u->qualname = name;
    }
    CLoc loc = LOC4(lineno, lineno, 0, 0);
    if (scope_type == SCOPE_MODULE)
        loc.lineno = 0;
    CHECK(cg_addop(c, loc, RESUME, AD_RESUME_AT_FUNC_START));
    if (scope_type == SCOPE_MODULE) {
        u->anno_placeholder = u->seq.n;
        CHECK(cg_addop(c, loc, ANNOTATIONS_PLACEHOLDER, 0));
    }
    return 0;
nomem:
    strlist_clear(&u->varnames);
    strlist_clear(&u->cellvars);
    strlist_clear(&u->freevars);
    free(u);
    return comp_nomem(c);
}

static void unit_free(CUnit *u)
{
    objlist_clear(&u->consts);
    strlist_clear(&u->names);
    strlist_clear(&u->varnames);
    strlist_clear(&u->cellvars);
    strlist_clear(&u->freevars);
    strlist_clear(&u->fasthidden);
    strlist_clear(&u->hidden_ever);
    strlist_clear(&u->static_attrs);
    cgseq_clear(&u->seq);
    free(u->deferred_annos);
    free(u->deferred_cond_index);
    free(u);
}

void cg_exit_scope(Compiler *c)
{
    CUnit *u = c->u;
    c->u = u->prev;
    c->nest_level--;
    unit_free(u);
}

int cg_code_flags(Compiler *c)
{
    CUnit *u = c->u;
    AdSymtableEntry *ste = u->ste;
    int flags = 0;
    if (AdSymtableEntry_IsFunctionLike(ste)) {
        flags |= AD_CO_NEWLOCALS | AD_CO_OPTIMIZED;
        if (ste->nested)
            flags |= AD_CO_NESTED;
        if (ste->generator && !ste->coroutine)
            flags |= AD_CO_GENERATOR;
        if (ste->generator && ste->coroutine)
            flags |= AD_CO_ASYNC_GENERATOR;
        if (ste->varargs)
            flags |= AD_CO_VARARGS;
        if (ste->varkeywords)
            flags |= AD_CO_VARKEYWORDS;
        if (ste->has_docstring && c->optimize < 2)   /* -OO drops docstrings */
            flags |= AD_CO_HAS_DOCSTRING;
        if (ste->method)
            flags |= AD_CO_METHOD;
    }
    if (ste->coroutine && !ste->generator)
        flags |= AD_CO_COROUTINE;
    if ((c->flags & AD_PYCF_ALLOW_TOP_LEVEL_AWAIT) && ste->coroutine &&
        u->scope_type == SCOPE_MODULE)
        flags |= AD_CO_COROUTINE;
    flags |= c->future_features & (AD_CO_FUTURE_ANNOTATIONS | AD_CO_FUTURE_BARRY_AS_BDFL);
    return flags;
}

AdObject *cg_finish_unit(Compiler *c, int add_none_return)
{
    if (add_none_return)
        if (cg_load_const(c, NO_LOC, Ad_NewRef(Ad_None)) < 0)
            return NULL;
    if (cg_addop(c, NO_LOC, RETURN_VALUE, 0) < 0)
        return NULL;
    CUnit *u = c->u;
    int flags = cg_code_flags(c);
    CfgGraph g;
    memset(&g, 0, sizeof g);
    AdObject *consts = NULL, *lpnames = NULL, *lpkinds = NULL, *co = NULL;
    int stackdepth = 0, nlocalsplus = 0;
    if (cfg_from_seq(&g, &u->seq) < 0) {
        comp_nomem(c);
        goto done;
    }
    if (cfg_optimize(c, u, &g, &consts) < 0)
        goto done;
    if (cfg_finalize(c, u, &g, flags, &stackdepth, &nlocalsplus, &lpnames, &lpkinds) < 0)
        goto done;
    co = assemble_code(c, u, &g, consts, flags, stackdepth, lpnames, lpkinds);
done:
    Ad_XDECREF(consts);
    Ad_XDECREF(lpnames);
    Ad_XDECREF(lpkinds);
    cfg_free(&g);
    cg_exit_scope(c);
    return co;
}

/* ---- frame blocks ---- */

int cg_push_fblock(Compiler *c, CLoc loc, enum FBlockType t, int block, int exit,
                   const void *datum)
{
    CUnit *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS)
        return comp_error(c, loc, "too many statically nested blocks");
    FBlock *f = &u->fblocks[u->nfblocks++];
    f->type = t;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    f->loc = loc;
    return 0;
}

void cg_pop_fblock(Compiler *c, enum FBlockType t, int block)
{
    (void)t;
    (void)block;
    c->u->nfblocks--;
}

int cg_pop_except_and_reraise(Compiler *c, CLoc loc)
{
    EMIT(c, loc, COPY, 3);
    EMIT0(c, loc, POP_EXCEPT);
    EMIT(c, loc, RERAISE, 1);
    return 0;
}

static int call_exit_with_nones(Compiler *c, CLoc loc)
{
    LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    EMIT(c, loc, CALL, 3);
    return 0;
}

/* Unwind one frame block for a break/continue/return. */
int cg_unwind_fblock(Compiler *c, CLoc *ploc, FBlock *info, int preserve_tos)
{
    switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
    case FB_STOP_ITERATION:
        return 0;
    case FB_FOR_LOOP:
        if (preserve_tos)
            EMIT(c, *ploc, SWAP, 2);
        EMIT0(c, *ploc, POP_TOP);
        return 0;
    case FB_TRY_EXCEPT:
        EMIT0(c, *ploc, POP_BLOCK);
        return 0;
    case FB_FINALLY_TRY:
        EMIT0(c, *ploc, POP_BLOCK);
        if (preserve_tos) {
            CHECK(cg_push_fblock(c, *ploc, FB_POP_VALUE, -1, -1, NULL));
        }
        /* Emit the finally block */
        VISIT_STMTS(c, (AdAstSeq *)info->datum);
        if (preserve_tos)
            cg_pop_fblock(c, FB_POP_VALUE, -1);
        /* The finally block should appear to execute after the
         * statement causing the unwinding, so make the unwinding
         * instruction artificial */
        *ploc = NO_LOC;
        return 0;
    case FB_FINALLY_END:
        if (preserve_tos)
            EMIT(c, *ploc, SWAP, 2);
        EMIT0(c, *ploc, POP_TOP); /* exc_value */
        if (preserve_tos)
            EMIT(c, *ploc, SWAP, 2);
        EMIT0(c, *ploc, POP_BLOCK);
        EMIT0(c, *ploc, POP_EXCEPT);
        return 0;
    case FB_WITH:
    case FB_ASYNC_WITH:
        *ploc = info->loc;
        EMIT0(c, *ploc, POP_BLOCK);
        if (preserve_tos) {
            EMIT(c, *ploc, SWAP, 3);
            EMIT(c, *ploc, SWAP, 2);
        }
        CHECK(call_exit_with_nones(c, *ploc));
        if (info->type == FB_ASYNC_WITH) {
            EMIT(c, *ploc, GET_AWAITABLE, 2);
            LOAD_CONST(c, *ploc, Ad_NewRef(Ad_None));
            CHECK(cg_add_yield_from(c, *ploc, 1));
        }
        EMIT0(c, *ploc, POP_TOP);
        *ploc = NO_LOC;
        return 0;
    case FB_HANDLER_CLEANUP: {
        if (info->datum)
            EMIT0(c, *ploc, POP_BLOCK);
        if (preserve_tos)
            EMIT(c, *ploc, SWAP, 2);
        EMIT0(c, *ploc, POP_BLOCK);
        EMIT0(c, *ploc, POP_EXCEPT);
        if (info->datum) {
            LOAD_CONST(c, *ploc, Ad_NewRef(Ad_None));
            CHECK(cg_nameop(c, *ploc, (const char *)info->datum, AD_Store));
            CHECK(cg_nameop(c, *ploc, (const char *)info->datum, AD_Del));
        }
        return 0;
    }
    case FB_POP_VALUE:
        if (preserve_tos)
            EMIT(c, *ploc, SWAP, 2);
        EMIT0(c, *ploc, POP_TOP);
        return 0;
    }
    return 0;
}

int cg_unwind_fblock_stack(Compiler *c, CLoc *ploc, int preserve_tos, FBlock **loop)
{
    CUnit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == FB_EXCEPTION_GROUP_HANDLER)
        return comp_error(c, *ploc,
                          "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    CHECK(cg_unwind_fblock(c, ploc, &copy, preserve_tos));
    CHECK(cg_unwind_fblock_stack(c, ploc, preserve_tos, loop));
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

/* ---- statements ---- */

int cg_is_const_expr(AdExpr *e)
{
    return e->kind == AD_Constant_kind;
}

static int expr_stmt(Compiler *c, AdStmt *s)
{
    AdExpr *value = s->v.Expr.value;
    CLoc loc = LOC(s);
    if (c->interactive && c->nest_level <= 1) {
        VISIT_EXPR(c, value);
        EMIT(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_PRINT);
        EMIT0(c, NO_LOC, POP_TOP);
        return 0;
    }
    if (value->kind == AD_Constant_kind ||
        (value->kind == AD_Name_kind && strcmp(value->v.Name.id, "__debug__") == 0)) {
        /* ignore constant statement */
        EMIT0(c, loc, NOP);
        return 0;
    }
    VISIT_EXPR(c, value);
    EMIT0(c, NO_LOC, POP_TOP);   /* artificial */
    return 0;
}

static int assign_stmt(Compiler *c, AdStmt *s)
{
    int n = AdAstSeq_LEN(s->v.Assign.targets);
    VISIT_EXPR(c, s->v.Assign.value);
    for (int i = 0; i < n; i++) {
        if (i < n - 1)
            EMIT(c, LOC(s), COPY, 1);
        VISIT_EXPR(c, (AdExpr *)AdAstSeq_GET(s->v.Assign.targets, i));
    }
    return 0;
}

static int delete_stmt(Compiler *c, AdStmt *s)
{
    for (int i = 0; i < AdAstSeq_LEN(s->v.Delete.targets); i++)
        VISIT_EXPR(c, (AdExpr *)AdAstSeq_GET(s->v.Delete.targets, i));
    return 0;
}

static int stmt_dispatch(Compiler *c, AdStmt *s);

int cg_stmt(Compiler *c, AdStmt *s)
{
    switch (s->kind) {
    case AD_If_kind: case AD_For_kind: case AD_AsyncFor_kind: case AD_While_kind:
    case AD_Try_kind: case AD_TryStar_kind: case AD_With_kind: case AD_AsyncWith_kind:
    case AD_Match_kind: {
        /* annotations inside are "conditional" (PEP 649) */
        c->u->in_conditional_block++;
        CUnit *u = c->u;
        int r = stmt_dispatch(c, s);
        u->in_conditional_block--;
        return r;
    }
    default:
        return stmt_dispatch(c, s);
    }
}

static int stmt_dispatch(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    switch (s->kind) {
    case AD_FunctionDef_kind: return cg_function(c, s, 0);
    case AD_AsyncFunctionDef_kind: return cg_function(c, s, 1);
    case AD_ClassDef_kind: return cg_class(c, s);
    case AD_TypeAlias_kind: return cg_typealias(c, s);
    case AD_Return_kind: return cg_return(c, s);
    case AD_Delete_kind: return delete_stmt(c, s);
    case AD_Assign_kind: return assign_stmt(c, s);
    case AD_AugAssign_kind: return cg_augassign(c, s);
    case AD_AnnAssign_kind: return cg_annassign(c, s);
    case AD_For_kind: return cg_for(c, s);
    case AD_AsyncFor_kind: return cg_async_for(c, s);
    case AD_While_kind: return cg_while(c, s);
    case AD_If_kind: return cg_if(c, s);
    case AD_With_kind: return cg_with(c, s, 0);
    case AD_AsyncWith_kind: return cg_async_with(c, s, 0);
    case AD_Match_kind: return cg_match(c, s);
    case AD_Raise_kind: return cg_raise(c, s);
    case AD_Try_kind: return cg_try(c, s);
    case AD_TryStar_kind: return cg_try_star(c, s);
    case AD_Assert_kind: return cg_assert(c, s);
    case AD_Import_kind: return cg_import(c, s);
    case AD_ImportFrom_kind: return cg_from_import(c, s);
    case AD_Global_kind:
    case AD_Nonlocal_kind:
        return 0;
    case AD_Expr_kind: return expr_stmt(c, s);
    case AD_Pass_kind:
        EMIT0(c, loc, NOP);
        return 0;
    case AD_Break_kind: return cg_break(c, loc);
    case AD_Continue_kind: return cg_continue(c, loc);
    }
    return 0;
}

int cg_stmts(Compiler *c, AdAstSeq *seq)
{
    for (int i = 0; i < AdAstSeq_LEN(seq); i++)
        CHECK(cg_stmt(c, (AdStmt *)AdAstSeq_GET(seq, i)));
    return 0;
}

/* ---- docstrings ---- */

/* inspect.cleandoc as CPython 3.13+ applies it to docstrings at compile
 * time: expand nothing, strip the common leading whitespace of the lines
 * after the first, strip the first line's leading whitespace and remove
 * leading and trailing blank lines... (CPython's _PyCompile_CleanDoc only
 * removes the common indentation of lines 2.. and the first line's
 * leading whitespace). */
static AdObject *clean_doc(const char *s, size_t len)
{
    /* Work on bytes: the indentation is spaces (and tabs counted as one
     * character each, as CPython's implementation does on code points). */
    char *out = malloc(len + 1);
    if (!out)
        return AdErr_NoMemory();
    /* first line: lstrip spaces */
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    /* find common indentation of following non-blank lines */
    size_t margin = (size_t)-1;
    size_t p = i;
    while (p < len && s[p] != '\n')
        p++;
    size_t q = p;
    while (q < len) {
        q++; /* skip '\n' */
        size_t ind = 0;
        while (q + ind < len && s[q + ind] == ' ')
            ind++;
        size_t e = q + ind;
        if (e < len && s[e] != '\n') {
            if (ind < margin)
                margin = ind;
        }
        while (q < len && s[q] != '\n')
            q++;
    }
    if (margin == (size_t)-1)
        margin = 0;
    size_t o = 0;
    memcpy(out, s + i, p - i);
    o = p - i;
    q = p;
    while (q < len) {
        out[o++] = '\n';
        q++;
        size_t ind = 0;
        while (q + ind < len && s[q + ind] == ' ' && ind < margin)
            ind++;
        q += ind;
        while (q < len && s[q] != '\n')
            out[o++] = s[q++];
    }
    AdObject *r = AdStr_FromStringAndSize(out, (Ad_ssize_t)o);
    free(out);
    return r;
}

/* Under -OO CPython's AST preprocessing drops docstrings and puts a `pass`
 * where a body would become empty: at the docstring's start, 4 columns wide. */
CLoc cg_docstring_pass_loc(AdStmt *st)
{
    return LOC4(st->lineno, st->lineno, st->col_offset, st->col_offset + 4);
}

AdObject *cg_docstring(Compiler *c, AdAstSeq *body)
{
    (void)c;
    if (AdAstSeq_LEN(body) == 0)
        return NULL;
    AdStmt *st = AdAstSeq_GET(body, 0);
    if (st->kind != AD_Expr_kind)
        return NULL;
    AdExpr *e = st->v.Expr.value;
    if (e->kind != AD_Constant_kind || e->v.Constant.value.kind != AD_CONST_STR)
        return NULL;
    return clean_doc(e->v.Constant.value.v.str.data, e->v.Constant.value.v.str.len);
}

static int body(Compiler *c, CLoc loc, AdAstSeq *stmts, int interactive)
{
    CUnit *u = c->u;
    if ((c->future_features & AD_CO_FUTURE_ANNOTATIONS) && u->ste->annotations_used)
        EMIT0(c, loc, SETUP_ANNOTATIONS);
    if (AdAstSeq_LEN(stmts) == 0)
        return 0;
    int first = 0;
    if (!interactive) {
        AdStmt *st0 = AdAstSeq_GET(stmts, 0);
        if (st0->kind == AD_Expr_kind && st0->v.Expr.value->kind == AD_Constant_kind &&
            st0->v.Expr.value->v.Constant.value.kind == AD_CONST_STR) {
            first = 1;
            if (c->optimize < 2) {
                AdObject *doc = cg_docstring(c, stmts);
                if (!doc)
                    return comp_nomem(c);
                LOAD_CONST(c, LOC(st0->v.Expr.value), doc);
                CHECK(cg_nameop(c, NO_LOC, "__doc__", AD_Store));
            } else if (AdAstSeq_LEN(stmts) == 1) {
                EMIT0(c, cg_docstring_pass_loc(st0), NOP);
            }
        }
    }
    for (int i = first; i < AdAstSeq_LEN(stmts); i++)
        CHECK(cg_stmt(c, AdAstSeq_GET(stmts, i)));
    if (!(c->future_features & AD_CO_FUTURE_ANNOTATIONS))
        CHECK(cg_process_deferred_annotations(c, loc));
    return 0;
}

int cg_module_body(Compiler *c, CLoc loc, AdAstSeq *stmts, int interactive);
int cg_module_body(Compiler *c, CLoc loc, AdAstSeq *stmts, int interactive)
{
    if (c->u->ste->has_conditional_annotations) {
        EMIT(c, loc, BUILD_SET, 0);
        CHECK(cg_add_name_op(c, loc, STORE_NAME, "__conditional_annotations__"));
    }
    return body(c, loc, stmts, interactive);
}

int cg_class_body_stmts(Compiler *c, CLoc loc, AdAstSeq *stmts);
int cg_class_body_stmts(Compiler *c, CLoc loc, AdAstSeq *stmts)
{
    return body(c, loc, stmts, 0);
}

AdObject *codegen_module(Compiler *c, const AdMod *mod)
{
    if (cg_enter_scope(c, "<module>", SCOPE_MODULE, mod, 1, NULL) < 0)
        return NULL;
    CLoc loc = LOC4(1, 1, 0, 0);
    AdAstSeq *body0 = mod->kind == AD_Module_kind ? mod->v.Module.body
                      : mod->kind == AD_Interactive_kind ? mod->v.Interactive.body : NULL;
    if (AdAstSeq_LEN(body0) > 0) {
        AdStmt *st0 = AdAstSeq_GET(body0, 0);
        loc = LOC(st0);   /* start_location */
        if (c->optimize >= 2 && mod->kind == AD_Module_kind && st0->kind == AD_Expr_kind &&
            st0->v.Expr.value->kind == AD_Constant_kind &&
            st0->v.Expr.value->v.Constant.value.kind == AD_CONST_STR)
            loc = AdAstSeq_LEN(body0) > 1 ? LOC((AdStmt *)AdAstSeq_GET(body0, 1))
                                          : cg_docstring_pass_loc(st0);
    }
    int add_none = 1;
    switch (mod->kind) {
    case AD_Module_kind:
        if (cg_module_body(c, loc, mod->v.Module.body, 0) < 0)
            goto fail;
        break;
    case AD_Interactive_kind:
        c->interactive = 1;
        if (cg_module_body(c, loc, mod->v.Interactive.body, 1) < 0)
            goto fail;
        break;
    case AD_Expression_kind:
        if (cg_expr(c, mod->v.Expression.body) < 0)
            goto fail;
        add_none = 0;
        break;
    default:
        comp_error(c, NO_LOC, "compiler: unsupported module kind");
        goto fail;
    }
    return cg_finish_unit(c, add_none);
fail:
    while (c->u)
        cg_exit_scope(c);
    return NULL;
}
