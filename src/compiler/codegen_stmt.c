/* codegen_stmt.c -- code generation for control-flow statements: if,
 * while, for, async for, break/continue/return, raise, assert, import,
 * try/except/finally, try/except*, with and async with. */
#include "compiler/codegen_int.h"

#include <string.h>

#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

int cg_if(Compiler *c, AdStmt *s)
{
    NEW_LABEL(c, end);
    int next = end;
    if (AdAstSeq_LEN(s->v.If.orelse)) {
        next = cg_new_label(c);
        if (next < 0)
            return -1;
    }
    CHECK(cg_jump_if(c, LOC(s), s->v.If.test, next, 0));
    VISIT_STMTS(c, s->v.If.body);
    if (AdAstSeq_LEN(s->v.If.orelse)) {
        JUMP_TO(c, NO_LOC, JUMP_NO_INTERRUPT, end);
        USE_LABEL(c, next);
        VISIT_STMTS(c, s->v.If.orelse);
    }
    USE_LABEL(c, end);
    return 0;
}

int cg_while(Compiler *c, AdStmt *s)
{
    NEW_LABEL(c, loop);
    NEW_LABEL(c, end);
    NEW_LABEL(c, anchor);
    USE_LABEL(c, loop);
    CHECK(cg_push_fblock(c, LOC(s), FB_WHILE_LOOP, loop, end, NULL));
    CHECK(cg_jump_if(c, LOC(s), s->v.While.test, anchor, 0));
    VISIT_STMTS(c, s->v.While.body);
    JUMP_TO(c, NO_LOC, JUMP, loop);
    cg_pop_fblock(c, FB_WHILE_LOOP, loop);
    USE_LABEL(c, anchor);
    VISIT_STMTS(c, s->v.While.orelse);
    USE_LABEL(c, end);
    return 0;
}

int cg_for(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    NEW_LABEL(c, start);
    NEW_LABEL(c, body);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    CHECK(cg_push_fblock(c, loc, FB_FOR_LOOP, start, end, NULL));
    VISIT_EXPR(c, s->v.For.iter);
    loc = LOC(s->v.For.iter);
    EMIT0(c, loc, GET_ITER);
    USE_LABEL(c, start);
    JUMP_TO(c, loc, FOR_ITER, cleanup);
    /* a NOP for the line of a multi-line target (removed if redundant) */
    EMIT0(c, LOC(s->v.For.target), NOP);
    (void)body;
    VISIT_EXPR(c, s->v.For.target);
    VISIT_STMTS(c, s->v.For.body);
    JUMP_TO(c, NO_LOC, JUMP, start);
    USE_LABEL(c, cleanup);
    EMIT0(c, NO_LOC, END_FOR);
    EMIT0(c, NO_LOC, POP_ITER);
    cg_pop_fblock(c, FB_FOR_LOOP, start);
    VISIT_STMTS(c, s->v.For.orelse);
    USE_LABEL(c, end);
    return 0;
}

int cg_add_yield_from_ex(Compiler *c, CLoc loc, int await, int exit)
{
    NEW_LABEL(c, send);
    NEW_LABEL(c, fail);
    if (exit < 0) {
        exit = cg_new_label(c);
        if (exit < 0)
            return -1;
    }
    USE_LABEL(c, send);
    JUMP_TO(c, loc, SEND, exit);
    JUMP_TO(c, loc, SETUP_FINALLY, fail);
    EMIT(c, loc, YIELD_VALUE, 1);
    EMIT0(c, NO_LOC, POP_BLOCK);
    EMIT(c, loc, RESUME, await ? AD_RESUME_AFTER_AWAIT : AD_RESUME_AFTER_YIELD_FROM);
    JUMP_TO(c, loc, JUMP_NO_INTERRUPT, send);
    USE_LABEL(c, fail);
    EMIT0(c, loc, CLEANUP_THROW);
    USE_LABEL(c, exit);
    EMIT0(c, loc, END_SEND);
    return 0;
}

int cg_add_yield_from(Compiler *c, CLoc loc, int await)
{
    return cg_add_yield_from_ex(c, loc, await, -1);
}

int cg_is_top_level_await(Compiler *c)
{
    return (c->flags & AD_PYCF_ALLOW_TOP_LEVEL_AWAIT) && c->u->ste->type == AD_BLOCK_MODULE;
}

int cg_async_for(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    if (cg_is_top_level_await(c)) {
        c->u->ste->coroutine = 1;
    } else if (c->u->scope_type != SCOPE_ASYNC_FUNCTION) {
        return comp_error(c, loc, "'async for' outside async function");
    }
    NEW_LABEL(c, start);
    NEW_LABEL(c, send);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    VISIT_EXPR(c, s->v.For.iter);
    EMIT0(c, LOC(s->v.For.iter), GET_AITER);
    USE_LABEL(c, start);
    CHECK(cg_push_fblock(c, loc, FB_FOR_LOOP, start, end, NULL));
    JUMP_TO(c, loc, SETUP_FINALLY, except);
    EMIT0(c, loc, GET_ANEXT);
    LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    CHECK(cg_add_yield_from_ex(c, loc, 1, send));
    EMIT0(c, loc, POP_BLOCK);
    EMIT0(c, loc, NOT_TAKEN);
    VISIT_EXPR(c, s->v.For.target);
    VISIT_STMTS(c, s->v.For.body);
    JUMP_TO(c, NO_LOC, JUMP, start);
    cg_pop_fblock(c, FB_FOR_LOOP, start);
    USE_LABEL(c, except);
    loc = LOC(s->v.For.iter);
    JUMP_TO(c, loc, END_ASYNC_FOR, send);
    VISIT_STMTS(c, s->v.For.orelse);
    USE_LABEL(c, end);
    return 0;
}

int cg_return(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    AdExpr *v = s->v.Return.value;
    /* __debug__ is a constant for CPython's codegen (its AST preprocessing
     * folds it) */
    int is_debug = v && v->kind == AD_Name_kind && strcmp(v->v.Name.id, "__debug__") == 0;
    int preserve_tos = v && v->kind != AD_Constant_kind && !is_debug;
    AdSymtableEntry *ste = c->u->ste;
    if (!AdSymtableEntry_IsFunctionLike(ste))
        return comp_error(c, loc, "'return' outside function");
    if (v && ste->coroutine && ste->generator)
        return comp_error(c, loc, "'return' with value in async generator");
    if (preserve_tos) {
        VISIT_EXPR(c, v);
    } else if (v) {
        loc = LOC(v);
        EMIT0(c, loc, NOP);
    }
    if (!v || v->lineno != s->lineno) {
        loc = LOC(s);
        EMIT0(c, loc, NOP);
    }
    CHECK(cg_unwind_fblock_stack(c, &loc, preserve_tos, NULL));
    if (!v)
        LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    else if (is_debug)
        LOAD_CONST(c, loc, Ad_NewRef(c->optimize > 0 ? Ad_False : Ad_True));
    else if (!preserve_tos)
        LOAD_CONST(c, loc, cg_const_from_ast(&v->v.Constant.value));
    EMIT0(c, loc, RETURN_VALUE);
    return 0;
}


int cg_break(Compiler *c, CLoc loc)
{
    FBlock *loop = NULL;
    CLoc origin = loc;
    EMIT0(c, loc, NOP);
    CHECK(cg_unwind_fblock_stack(c, &loc, 0, &loop));
    if (!loop)
        return comp_error(c, origin, "'break' outside loop");
    FBlock copy = *loop;
    CHECK(cg_unwind_fblock(c, &loc, &copy, 0));
    JUMP_TO(c, loc, JUMP, copy.exit);
    return 0;
}

int cg_continue(Compiler *c, CLoc loc)
{
    FBlock *loop = NULL;
    CLoc origin = loc;
    EMIT0(c, loc, NOP);
    CHECK(cg_unwind_fblock_stack(c, &loc, 0, &loop));
    if (!loop)
        return comp_error(c, origin, "'continue' not properly in loop");
    JUMP_TO(c, loc, JUMP, loop->block);
    return 0;
}

int cg_raise(Compiler *c, AdStmt *s)
{
    int n = 0;
    if (s->v.Raise.exc) {
        VISIT_EXPR(c, s->v.Raise.exc);
        n++;
        if (s->v.Raise.cause) {
            VISIT_EXPR(c, s->v.Raise.cause);
            n++;
        }
    }
    EMIT(c, LOC(s), RAISE_VARARGS, n);
    return 0;
}

int cg_assert(Compiler *c, AdStmt *s)
{
    AdExpr *t = s->v.Assert.test;
    if (t->kind == AD_Tuple_kind && AdAstSeq_LEN(t->v.Tuple.elts) > 0)
        CHECK(comp_warn(c, LOC(s), "assertion is always true, perhaps remove parentheses?"));
    if (c->optimize > 0)
        return 0;
    NEW_LABEL(c, end);
    CHECK(cg_jump_if(c, LOC(s), t, end, 1));
    EMIT(c, LOC(s), LOAD_COMMON_CONSTANT, AD_CONSTANT_ASSERTIONERROR);
    if (s->v.Assert.msg) {
        VISIT_EXPR(c, s->v.Assert.msg);
        EMIT(c, LOC(s), CALL, 0);
    }
    EMIT(c, LOC(t), RAISE_VARARGS, 1);
    USE_LABEL(c, end);
    return 0;
}

/* ---- imports ---- */

static int add_name_nomangle(Compiler *c, CLoc loc, int op, const char *name)
{
    int i = strlist_add(&c->u->names, name);
    if (i < 0)
        return comp_nomem(c);
    return cg_addop(c, loc, op, i);
}

static int import_as(Compiler *c, CLoc loc, const char *name, const char *asname)
{
    const char *dot = strchr(name, '.');
    if (dot) {
        for (;;) {
            const char *pos = dot + 1;
            dot = strchr(pos, '.');
            size_t n = dot ? (size_t)(dot - pos) : strlen(pos);
            char *attr = comp_strfmt(c, "%.*s", (int)n, pos);
            if (!attr)
                return -1;
            CHECK(add_name_nomangle(c, loc, IMPORT_FROM, attr));
            if (!dot)
                break;
            EMIT(c, loc, SWAP, 2);
            EMIT0(c, loc, POP_TOP);
        }
        CHECK(cg_nameop(c, loc, asname, AD_Store));
        EMIT0(c, loc, POP_TOP);
        return 0;
    }
    return cg_nameop(c, loc, asname, AD_Store);
}

int cg_import(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    for (int i = 0; i < AdAstSeq_LEN(s->v.Import.names); i++) {
        AdAlias *a = AdAstSeq_GET(s->v.Import.names, i);
        LOAD_CONST(c, loc, AdInt_FromInt64(0));
        LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
        CHECK(cg_add_name_op(c, loc, IMPORT_NAME, a->name));
        if (a->asname) {
            CHECK(import_as(c, loc, a->name, a->asname));
        } else {
            const char *dot = strchr(a->name, '.');
            const char *store = a->name;
            if (dot) {
                store = comp_strfmt(c, "%.*s", (int)(dot - a->name), a->name);
                if (!store)
                    return -1;
            }
            CHECK(cg_nameop(c, loc, store, AD_Store));
        }
    }
    return 0;
}

int cg_from_import(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    int n = AdAstSeq_LEN(s->v.ImportFrom.names);
    LOAD_CONST(c, loc, AdInt_FromInt64(s->v.ImportFrom.level));
    AdObject *names = AdTuple_New(n);
    if (!names)
        return comp_nomem(c);
    for (int i = 0; i < n; i++) {
        AdAlias *a = AdAstSeq_GET(s->v.ImportFrom.names, i);
        AdObject *nm = AdStr_InternFromString(a->name);
        if (!nm) {
            Ad_DECREF(names);
            return comp_nomem(c);
        }
        AdTuple_SET_ITEM(names, i, nm);
    }
    LOAD_CONST(c, loc, names);
    CHECK(cg_add_name_op(c, loc, IMPORT_NAME, s->v.ImportFrom.module ? s->v.ImportFrom.module : ""));
    for (int i = 0; i < n; i++) {
        AdAlias *a = AdAstSeq_GET(s->v.ImportFrom.names, i);
        if (i == 0 && a->name[0] == '*') {
            EMIT(c, loc, CALL_INTRINSIC_1, AD_INTRINSIC_IMPORT_STAR);
            EMIT0(c, NO_LOC, POP_TOP);
            return 0;
        }
        CHECK(cg_add_name_op(c, loc, IMPORT_FROM, a->name));
        CHECK(cg_nameop(c, loc, a->asname ? a->asname : a->name, AD_Store));
    }
    EMIT0(c, loc, POP_TOP);
    return 0;
}

/* ---- try ---- */

static int try_except(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    JUMP_TO(c, loc, SETUP_FINALLY, except);
    USE_LABEL(c, body);
    CHECK(cg_push_fblock(c, loc, FB_TRY_EXCEPT, body, -1, NULL));
    VISIT_STMTS(c, s->v.Try.body);
    cg_pop_fblock(c, FB_TRY_EXCEPT, body);
    EMIT0(c, NO_LOC, POP_BLOCK);
    VISIT_STMTS(c, s->v.Try.orelse);
    JUMP_TO(c, NO_LOC, JUMP_NO_INTERRUPT, end);
    int n = AdAstSeq_LEN(s->v.Try.handlers);
    USE_LABEL(c, except);
    JUMP_TO(c, NO_LOC, SETUP_CLEANUP, cleanup);
    EMIT0(c, NO_LOC, PUSH_EXC_INFO);
    CHECK(cg_push_fblock(c, loc, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    for (int i = 0; i < n; i++) {
        AdExceptHandler *h = AdAstSeq_GET(s->v.Try.handlers, i);
        CLoc hloc = LOC(h);
        if (!h->type && i < n - 1)
            return comp_error(c, hloc, "default 'except:' must be last");
        NEW_LABEL(c, next_except);
        except = next_except;
        if (h->type) {
            VISIT_EXPR(c, h->type);
            EMIT0(c, hloc, CHECK_EXC_MATCH);
            JUMP_TO(c, hloc, POP_JUMP_IF_FALSE, except);
        }
        if (h->name) {
            NEW_LABEL(c, cleanup_end);
            NEW_LABEL(c, cleanup_body);
            CHECK(cg_nameop(c, hloc, h->name, AD_Store));
            JUMP_TO(c, hloc, SETUP_CLEANUP, cleanup_end);
            USE_LABEL(c, cleanup_body);
            CHECK(cg_push_fblock(c, hloc, FB_HANDLER_CLEANUP, cleanup_body, -1, h->name));
            VISIT_STMTS(c, h->body);
            cg_pop_fblock(c, FB_HANDLER_CLEANUP, cleanup_body);
            EMIT0(c, NO_LOC, POP_BLOCK);
            EMIT0(c, NO_LOC, POP_BLOCK);
            EMIT0(c, NO_LOC, POP_EXCEPT);
            LOAD_CONST(c, NO_LOC, Ad_NewRef(Ad_None));
            CHECK(cg_nameop(c, NO_LOC, h->name, AD_Store));
            CHECK(cg_nameop(c, NO_LOC, h->name, AD_Del));
            JUMP_TO(c, NO_LOC, JUMP_NO_INTERRUPT, end);
            USE_LABEL(c, cleanup_end);
            LOAD_CONST(c, NO_LOC, Ad_NewRef(Ad_None));
            CHECK(cg_nameop(c, NO_LOC, h->name, AD_Store));
            CHECK(cg_nameop(c, NO_LOC, h->name, AD_Del));
            EMIT(c, NO_LOC, RERAISE, 1);
        } else {
            NEW_LABEL(c, cleanup_body);
            EMIT0(c, hloc, POP_TOP);
            USE_LABEL(c, cleanup_body);
            CHECK(cg_push_fblock(c, hloc, FB_HANDLER_CLEANUP, cleanup_body, -1, NULL));
            VISIT_STMTS(c, h->body);
            cg_pop_fblock(c, FB_HANDLER_CLEANUP, cleanup_body);
            EMIT0(c, NO_LOC, POP_BLOCK);
            EMIT0(c, NO_LOC, POP_EXCEPT);
            JUMP_TO(c, NO_LOC, JUMP_NO_INTERRUPT, end);
        }
        USE_LABEL(c, except);
    }
    cg_pop_fblock(c, FB_EXCEPTION_HANDLER, -1);
    EMIT(c, NO_LOC, RERAISE, 0);
    USE_LABEL(c, cleanup);
    CHECK(cg_pop_except_and_reraise(c, NO_LOC));
    USE_LABEL(c, end);
    return 0;
}

static int try_star_except(Compiler *c, AdStmt *s)
{
    CLoc loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, except);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, reraise_star);
    JUMP_TO(c, loc, SETUP_FINALLY, except);
    USE_LABEL(c, body);
    CHECK(cg_push_fblock(c, loc, FB_TRY_EXCEPT, body, -1, NULL));
    VISIT_STMTS(c, s->v.Try.body);
    cg_pop_fblock(c, FB_TRY_EXCEPT, body);
    EMIT0(c, NO_LOC, POP_BLOCK);
    JUMP_TO(c, NO_LOC, JUMP, orelse);
    int n = AdAstSeq_LEN(s->v.Try.handlers);
    USE_LABEL(c, except);
    JUMP_TO(c, NO_LOC, SETUP_CLEANUP, cleanup);
    EMIT0(c, NO_LOC, PUSH_EXC_INFO);
    CHECK(cg_push_fblock(c, loc, FB_EXCEPTION_GROUP_HANDLER, -1, -1, "except handler"));
    for (int i = 0; i < n; i++) {
        AdExceptHandler *h = AdAstSeq_GET(s->v.Try.handlers, i);
        CLoc hloc = LOC(h);
        NEW_LABEL(c, next_except);
        except = next_except;
        NEW_LABEL(c, except_with_error);
        NEW_LABEL(c, no_match);
        if (i == 0) {
            EMIT(c, hloc, BUILD_LIST, 0);
            EMIT(c, hloc, COPY, 2);
        }
        if (h->type) {
            VISIT_EXPR(c, h->type);
            EMIT0(c, hloc, CHECK_EG_MATCH);
            EMIT(c, hloc, COPY, 1);
            JUMP_TO(c, hloc, POP_JUMP_IF_NONE, no_match);
        }
        NEW_LABEL(c, cleanup_end);
        NEW_LABEL(c, cleanup_body);
        if (h->name)
            CHECK(cg_nameop(c, hloc, h->name, AD_Store));
        else
            EMIT0(c, hloc, POP_TOP);
        JUMP_TO(c, hloc, SETUP_CLEANUP, cleanup_end);
        USE_LABEL(c, cleanup_body);
        CHECK(cg_push_fblock(c, hloc, FB_HANDLER_CLEANUP, cleanup_body, -1, h->name));
        VISIT_STMTS(c, h->body);
        cg_pop_fblock(c, FB_HANDLER_CLEANUP, cleanup_body);
        EMIT0(c, NO_LOC, POP_BLOCK);
        if (h->name) {
            LOAD_CONST(c, NO_LOC, Ad_NewRef(Ad_None));
            CHECK(cg_nameop(c, NO_LOC, h->name, AD_Store));
            CHECK(cg_nameop(c, NO_LOC, h->name, AD_Del));
        }
        JUMP_TO(c, NO_LOC, JUMP, except);
        USE_LABEL(c, cleanup_end);
        if (h->name) {
            LOAD_CONST(c, NO_LOC, Ad_NewRef(Ad_None));
            CHECK(cg_nameop(c, NO_LOC, h->name, AD_Store));
            CHECK(cg_nameop(c, NO_LOC, h->name, AD_Del));
        }
        EMIT(c, NO_LOC, LIST_APPEND, 3);
        EMIT0(c, NO_LOC, POP_TOP);
        JUMP_TO(c, NO_LOC, JUMP, except_with_error);
        USE_LABEL(c, except);
        EMIT0(c, NO_LOC, NOP);
        JUMP_TO(c, NO_LOC, JUMP, except_with_error);
        USE_LABEL(c, no_match);
        EMIT0(c, hloc, POP_TOP);
        USE_LABEL(c, except_with_error);
        if (i == n - 1) {
            EMIT(c, NO_LOC, LIST_APPEND, 1);
            JUMP_TO(c, NO_LOC, JUMP, reraise_star);
        }
    }
    cg_pop_fblock(c, FB_EXCEPTION_GROUP_HANDLER, -1);
    NEW_LABEL(c, reraise);
    USE_LABEL(c, reraise_star);
    EMIT(c, NO_LOC, CALL_INTRINSIC_2, AD_INTRINSIC_PREP_RERAISE_STAR);
    EMIT(c, NO_LOC, COPY, 1);
    JUMP_TO(c, NO_LOC, POP_JUMP_IF_NOT_NONE, reraise);
    EMIT0(c, NO_LOC, POP_TOP);
    EMIT0(c, NO_LOC, POP_BLOCK);
    EMIT0(c, NO_LOC, POP_EXCEPT);
    JUMP_TO(c, NO_LOC, JUMP_NO_INTERRUPT, end);
    USE_LABEL(c, reraise);
    EMIT0(c, NO_LOC, POP_BLOCK);
    EMIT(c, NO_LOC, SWAP, 2);
    EMIT0(c, NO_LOC, POP_EXCEPT);
    EMIT(c, NO_LOC, RERAISE, 0);
    USE_LABEL(c, cleanup);
    CHECK(cg_pop_except_and_reraise(c, NO_LOC));
    USE_LABEL(c, orelse);
    VISIT_STMTS(c, s->v.Try.orelse);
    USE_LABEL(c, end);
    return 0;
}

static int try_finally(Compiler *c, AdStmt *s, int star)
{
    CLoc loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, end);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    JUMP_TO(c, loc, SETUP_FINALLY, end);
    USE_LABEL(c, body);
    CHECK(cg_push_fblock(c, loc, FB_FINALLY_TRY, body, end, s->v.Try.finalbody));
    if (AdAstSeq_LEN(s->v.Try.handlers)) {
        CHECK(star ? try_star_except(c, s) : try_except(c, s));
    } else {
        VISIT_STMTS(c, s->v.Try.body);
    }
    EMIT0(c, NO_LOC, POP_BLOCK);
    cg_pop_fblock(c, FB_FINALLY_TRY, body);
    VISIT_STMTS(c, s->v.Try.finalbody);
    JUMP_TO(c, NO_LOC, JUMP_NO_INTERRUPT, exit);
    USE_LABEL(c, end);
    JUMP_TO(c, NO_LOC, SETUP_CLEANUP, cleanup);
    EMIT0(c, NO_LOC, PUSH_EXC_INFO);
    CHECK(cg_push_fblock(c, NO_LOC, FB_FINALLY_END, end, -1, NULL));
    VISIT_STMTS(c, s->v.Try.finalbody);
    cg_pop_fblock(c, FB_FINALLY_END, end);
    EMIT(c, NO_LOC, RERAISE, 0);
    USE_LABEL(c, cleanup);
    CHECK(cg_pop_except_and_reraise(c, NO_LOC));
    USE_LABEL(c, exit);
    return 0;
}

int cg_try(Compiler *c, AdStmt *s)
{
    if (AdAstSeq_LEN(s->v.Try.finalbody))
        return try_finally(c, s, 0);
    return try_except(c, s);
}

int cg_try_star(Compiler *c, AdStmt *s)
{
    if (AdAstSeq_LEN(s->v.Try.finalbody))
        return try_finally(c, s, 1);
    return try_star_except(c, s);
}

/* ---- with ---- */

int cg_with_except_finish(Compiler *c, int cleanup)
{
    NEW_LABEL(c, suppress);
    EMIT0(c, NO_LOC, TO_BOOL);
    JUMP_TO(c, NO_LOC, POP_JUMP_IF_TRUE, suppress);
    EMIT(c, NO_LOC, RERAISE, 2);
    USE_LABEL(c, suppress);
    EMIT0(c, NO_LOC, POP_TOP);
    EMIT0(c, NO_LOC, POP_BLOCK);
    EMIT0(c, NO_LOC, POP_EXCEPT);
    EMIT0(c, NO_LOC, POP_TOP);
    EMIT0(c, NO_LOC, POP_TOP);
    EMIT0(c, NO_LOC, POP_TOP);
    NEW_LABEL(c, exit);
    JUMP_TO(c, NO_LOC, JUMP_NO_INTERRUPT, exit);
    USE_LABEL(c, cleanup);
    CHECK(cg_pop_except_and_reraise(c, NO_LOC));
    USE_LABEL(c, exit);
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

int cg_with(Compiler *c, AdStmt *s, int pos)
{
    AdWithItem *item = AdAstSeq_GET(s->v.With.items, pos);
    NEW_LABEL(c, block);
    NEW_LABEL(c, final);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    VISIT_EXPR(c, item->context_expr);
    CLoc loc = LOC(item->context_expr);
    EMIT(c, loc, COPY, 1);
    EMIT(c, loc, LOAD_SPECIAL, AD_SPECIAL_EXIT);
    EMIT(c, loc, SWAP, 2);
    EMIT(c, loc, SWAP, 3);
    EMIT(c, loc, LOAD_SPECIAL, AD_SPECIAL_ENTER);
    EMIT(c, loc, CALL, 0);
    JUMP_TO(c, loc, SETUP_WITH, final);
    USE_LABEL(c, block);
    CHECK(cg_push_fblock(c, loc, FB_WITH, block, final, s));
    if (item->optional_vars)
        VISIT_EXPR(c, item->optional_vars);
    else
        EMIT0(c, loc, POP_TOP);
    pos++;
    if (pos == AdAstSeq_LEN(s->v.With.items))
        VISIT_STMTS(c, s->v.With.body);
    else
        CHECK(cg_with(c, s, pos));
    EMIT0(c, NO_LOC, POP_BLOCK);
    cg_pop_fblock(c, FB_WITH, block);
    CHECK(call_exit_with_nones(c, loc));
    EMIT0(c, loc, POP_TOP);
    JUMP_TO(c, loc, JUMP, exit);
    USE_LABEL(c, final);
    JUMP_TO(c, loc, SETUP_CLEANUP, cleanup);
    EMIT0(c, loc, PUSH_EXC_INFO);
    EMIT0(c, loc, WITH_EXCEPT_START);
    CHECK(cg_with_except_finish(c, cleanup));
    USE_LABEL(c, exit);
    return 0;
}

int cg_async_with(Compiler *c, AdStmt *s, int pos)
{
    CLoc loc = LOC(s);
    AdWithItem *item = AdAstSeq_GET(s->v.With.items, pos);
    if (cg_is_top_level_await(c)) {
        c->u->ste->coroutine = 1;
    } else if (c->u->scope_type != SCOPE_ASYNC_FUNCTION) {
        return comp_error(c, loc, "'async with' outside async function");
    }
    NEW_LABEL(c, block);
    NEW_LABEL(c, final);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    VISIT_EXPR(c, item->context_expr);
    loc = LOC(item->context_expr);
    EMIT(c, loc, COPY, 1);
    EMIT(c, loc, LOAD_SPECIAL, AD_SPECIAL_AEXIT);
    EMIT(c, loc, SWAP, 2);
    EMIT(c, loc, SWAP, 3);
    EMIT(c, loc, LOAD_SPECIAL, AD_SPECIAL_AENTER);
    EMIT(c, loc, CALL, 0);
    EMIT(c, loc, GET_AWAITABLE, 1);
    LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    CHECK(cg_add_yield_from(c, loc, 1));
    JUMP_TO(c, loc, SETUP_WITH, final);
    USE_LABEL(c, block);
    CHECK(cg_push_fblock(c, loc, FB_ASYNC_WITH, block, final, s));
    if (item->optional_vars)
        VISIT_EXPR(c, item->optional_vars);
    else
        EMIT0(c, loc, POP_TOP);
    pos++;
    if (pos == AdAstSeq_LEN(s->v.With.items))
        VISIT_STMTS(c, s->v.With.body);
    else
        CHECK(cg_async_with(c, s, pos));
    cg_pop_fblock(c, FB_ASYNC_WITH, block);
    EMIT0(c, loc, POP_BLOCK);
    CHECK(call_exit_with_nones(c, loc));
    EMIT(c, loc, GET_AWAITABLE, 2);
    LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    CHECK(cg_add_yield_from(c, loc, 1));
    EMIT0(c, loc, POP_TOP);
    JUMP_TO(c, loc, JUMP, exit);
    USE_LABEL(c, final);
    JUMP_TO(c, loc, SETUP_CLEANUP, cleanup);
    EMIT0(c, loc, PUSH_EXC_INFO);
    EMIT0(c, loc, WITH_EXCEPT_START);
    EMIT(c, loc, GET_AWAITABLE, 2);
    LOAD_CONST(c, loc, Ad_NewRef(Ad_None));
    CHECK(cg_add_yield_from(c, loc, 1));
    CHECK(cg_with_except_finish(c, cleanup));
    USE_LABEL(c, exit);
    return 0;
}
