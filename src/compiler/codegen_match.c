/* codegen_match.c -- code generation for the match statement (PEP 634):
 * every pattern kind, with the pattern-context bookkeeping CPython 3.14
 * uses (names captured so far, items kept on top of the stack, the
 * fail_pop labels that pop what a failed pattern left behind), and the
 * folding of negative and complex literals in value patterns that
 * CPython's AST preprocessing does. */
#include "compiler/codegen_int.h"

#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

typedef struct {
    StrList stores;
    int allow_irrefutable;
    int *fail_pop;
    int fail_pop_size;
    int on_top;
} PatCtx;

#define WILDCARD_CHECK(p) ((p)->kind == AD_MatchAs_kind && !(p)->v.MatchAs.name)
#define WILDCARD_STAR_CHECK(p) ((p)->kind == AD_MatchStar_kind && !(p)->v.MatchStar.name)

static int pattern(Compiler *c, AdPattern *p, PatCtx *pc);

static int ensure_fail_pop(Compiler *c, PatCtx *pc, int n)
{
    int size = n + 1;
    if (size <= pc->fail_pop_size)
        return 0;
    int *v = realloc(pc->fail_pop, (size_t)size * sizeof *v);
    if (!v)
        return comp_nomem(c);
    pc->fail_pop = v;
    while (pc->fail_pop_size < size) {
        int l = cg_new_label(c);
        if (l < 0)
            return -1;
        pc->fail_pop[pc->fail_pop_size++] = l;
    }
    return 0;
}

static int jump_to_fail_pop(Compiler *c, CLoc loc, PatCtx *pc, int op)
{
    int pops = pc->on_top + pc->stores.n;
    CHECK(ensure_fail_pop(c, pc, pops));
    JUMP_TO(c, loc, op, pc->fail_pop[pops]);
    return 0;
}

static int emit_and_reset_fail_pop(Compiler *c, CLoc loc, PatCtx *pc)
{
    if (!pc->fail_pop_size)
        return 0;
    while (--pc->fail_pop_size) {
        USE_LABEL(c, pc->fail_pop[pc->fail_pop_size]);
        EMIT0(c, loc, POP_TOP);
    }
    USE_LABEL(c, pc->fail_pop[0]);
    free(pc->fail_pop);
    pc->fail_pop = NULL;
    return 0;
}

static int rotate(Compiler *c, CLoc loc, int count)
{
    while (1 < count)
        EMIT(c, loc, SWAP, count--);
    return 0;
}

static int store_name(Compiler *c, CLoc loc, const char *n, PatCtx *pc)
{
    if (!n) {
        EMIT0(c, loc, POP_TOP);
        return 0;
    }
    if (strlist_index(&pc->stores, n) >= 0)
        return comp_error(c, loc, "multiple assignments to name '%s' in pattern", n);
    int rotations = pc->on_top + pc->stores.n + 1;
    CHECK(rotate(c, loc, rotations));
    if (strlist_append(&pc->stores, n) < 0)
        return comp_nomem(c);
    return 0;
}

static int unpack_helper(Compiler *c, CLoc loc, AdAstSeq *elts)
{
    int n = AdAstSeq_LEN(elts);
    int seen_star = 0;
    for (int i = 0; i < n; i++) {
        AdPattern *e = AdAstSeq_GET(elts, i);
        if (e->kind == AD_MatchStar_kind && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (0x7fffffff >> 8))
                return comp_error(c, loc, "too many expressions in star-unpacking sequence pattern");
            EMIT(c, loc, UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = 1;
        } else if (e->kind == AD_MatchStar_kind) {
            return comp_error(c, loc, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star)
        EMIT(c, loc, UNPACK_SEQUENCE, n);
    return 0;
}

static int subpattern(Compiler *c, AdPattern *p, PatCtx *pc)
{
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    CHECK(pattern(c, p, pc));
    pc->allow_irrefutable = allow;
    return 0;
}

static int sequence_unpack(Compiler *c, CLoc loc, AdAstSeq *patterns, PatCtx *pc)
{
    CHECK(unpack_helper(c, loc, patterns));
    int size = AdAstSeq_LEN(patterns);
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        CHECK(subpattern(c, AdAstSeq_GET(patterns, i), pc));
    }
    return 0;
}

static int sequence_subscr(Compiler *c, CLoc loc, AdAstSeq *patterns, int star, PatCtx *pc)
{
    pc->on_top++;
    int size = AdAstSeq_LEN(patterns);
    for (int i = 0; i < size; i++) {
        AdPattern *p = AdAstSeq_GET(patterns, i);
        if (WILDCARD_CHECK(p) || i == star)
            continue;
        EMIT(c, loc, COPY, 1);
        if (i < star) {
            LOAD_CONST(c, loc, AdInt_FromInt64(i));
        } else {
            EMIT0(c, loc, GET_LEN);
            LOAD_CONST(c, loc, AdInt_FromInt64(size - i));
            EMIT(c, loc, BINARY_OP, AD_NB_SUBTRACT);
        }
        EMIT(c, loc, BINARY_OP, AD_NB_SUBSCR);
        CHECK(subpattern(c, p, pc));
    }
    pc->on_top--;
    EMIT0(c, loc, POP_TOP);
    return 0;
}

static int pattern_as(Compiler *c, AdPattern *p, PatCtx *pc)
{
    if (!p->v.MatchAs.pattern) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return comp_error(c, LOC(p), "name capture '%s' makes remaining patterns unreachable",
                                  p->v.MatchAs.name);
            return comp_error(c, LOC(p), "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, LOC(p), p->v.MatchAs.name, pc);
    }
    pc->on_top++;
    EMIT(c, LOC(p), COPY, 1);
    CHECK(pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return store_name(c, LOC(p), p->v.MatchAs.name, pc);
}

static int pattern_class(Compiler *c, AdPattern *p, PatCtx *pc)
{
    AdAstSeq *patterns = p->v.MatchClass.patterns;
    AdAstSeq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    AdAstSeq *kwd_patterns = p->v.MatchClass.kwd_patterns;
    int nargs = AdAstSeq_LEN(patterns);
    int nattrs = AdAstSeq_LEN(kwd_attrs);
    for (int i = 0; i < nattrs; i++)
        for (int j = i + 1; j < nattrs; j++)
            if (strcmp(AdAstSeq_GET(kwd_attrs, i), AdAstSeq_GET(kwd_attrs, j)) == 0)
                return comp_error(c, LOC((AdPattern *)AdAstSeq_GET(kwd_patterns, j)),
                                  "attribute name repeated in class pattern: %s",
                                  (const char *)AdAstSeq_GET(kwd_attrs, i));
    VISIT_EXPR(c, p->v.MatchClass.cls);
    AdObject *names = AdTuple_New(nattrs);
    if (!names)
        return comp_nomem(c);
    for (int i = 0; i < nattrs; i++)
        AdTuple_SET_ITEM(names, i, AdStr_InternFromString(AdAstSeq_GET(kwd_attrs, i)));
    LOAD_CONST(c, LOC(p), names);
    EMIT(c, LOC(p), MATCH_CLASS, nargs);
    EMIT(c, LOC(p), COPY, 1);
    LOAD_CONST(c, LOC(p), Ad_NewRef(Ad_None));
    EMIT(c, LOC(p), IS_OP, 1);
    pc->on_top++;
    CHECK(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    EMIT(c, LOC(p), UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        AdPattern *sp = i < nargs ? AdAstSeq_GET(patterns, i) : AdAstSeq_GET(kwd_patterns, i - nargs);
        if (WILDCARD_CHECK(sp)) {
            EMIT0(c, LOC(p), POP_TOP);
            continue;
        }
        CHECK(subpattern(c, sp, pc));
    }
    return 0;
}

/* The constant a value pattern or mapping key folds to (CPython's AST
 * preprocessing turns -1, 1+2j, -1-2j into constants); NULL if E is not
 * such an expression.  New reference. */
static AdObject *folded_value(AdExpr *e)
{
    if (e->kind == AD_Constant_kind)
        return cg_const_from_ast(&e->v.Constant.value);
    if (e->kind == AD_UnaryOp_kind && e->v.UnaryOp.op == AD_USub) {
        AdObject *v = folded_value(e->v.UnaryOp.operand);
        if (!v)
            return NULL;
        AdObject *r = AdNumber_Negative(v);
        Ad_DECREF(v);
        return r;
    }
    if (e->kind == AD_BinOp_kind && (e->v.BinOp.op == AD_Add || e->v.BinOp.op == AD_Sub)) {
        AdObject *l = folded_value(e->v.BinOp.left);
        AdObject *r = l ? folded_value(e->v.BinOp.right) : NULL;
        AdObject *res = NULL;
        if (l && r)
            res = e->v.BinOp.op == AD_Add ? AdNumber_Add(l, r) : AdNumber_Subtract(l, r);
        Ad_XDECREF(l);
        Ad_XDECREF(r);
        return res;
    }
    return NULL;
}

static int is_value_expr(AdExpr *e)
{
    return e->kind == AD_Constant_kind || e->kind == AD_Attribute_kind ||
           (e->kind == AD_UnaryOp_kind && e->v.UnaryOp.op == AD_USub) ||
           e->kind == AD_BinOp_kind;
}

static int visit_value(Compiler *c, AdExpr *e)
{
    if (e->kind == AD_Attribute_kind || e->kind == AD_Constant_kind)
        return cg_expr(c, e);
    AdObject *v = folded_value(e);
    if (!v) {
        AdErr_Clear();
        return cg_expr(c, e);
    }
    return cg_load_const(c, LOC(e), v);
}

static int pattern_mapping(Compiler *c, AdPattern *p, PatCtx *pc)
{
    AdAstSeq *keys = p->v.MatchMapping.keys;
    AdAstSeq *patterns = p->v.MatchMapping.patterns;
    int size = AdAstSeq_LEN(keys);
    const char *star_target = p->v.MatchMapping.rest;
    pc->on_top++;
    EMIT0(c, LOC(p), MATCH_MAPPING);
    CHECK(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    if (!size && !star_target) {
        pc->on_top--;
        EMIT0(c, LOC(p), POP_TOP);
        return 0;
    }
    if (size) {
        EMIT0(c, LOC(p), GET_LEN);
        LOAD_CONST(c, LOC(p), AdInt_FromInt64(size));
        EMIT(c, LOC(p), COMPARE_OP, (5 << 5) | 12);
        CHECK(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    }
    ObjList seen = {0};
    for (int i = 0; i < size; i++) {
        AdExpr *key = AdAstSeq_GET(keys, i);
        if (key->kind != AD_Attribute_kind) {
            if (!is_value_expr(key)) {
                objlist_clear(&seen);
                return comp_error(c, LOC(p), "mapping pattern keys may only match literals and attribute lookups");
            }
            AdObject *v = folded_value(key);
            if (v) {
                for (int k = 0; k < seen.n; k++) {
                    int eq = AdObject_RichCompareBool(seen.v[k], v, AD_EQ);
                    if (eq > 0) {
                        AdObject *r = AdObject_Repr(v);
                        comp_error(c, LOC(p), "mapping pattern checks duplicate key (%s)",
                                   r ? AdStr_AsUTF8(r) : "?");
                        Ad_XDECREF(r);
                        Ad_DECREF(v);
                        objlist_clear(&seen);
                        return -1;
                    }
                    if (eq < 0)
                        AdErr_Clear();
                }
                objlist_append(&seen, v);
            } else {
                AdErr_Clear();
            }
        }
        if (visit_value(c, key) < 0) {
            objlist_clear(&seen);
            return -1;
        }
    }
    objlist_clear(&seen);
    EMIT(c, LOC(p), BUILD_TUPLE, size);
    EMIT0(c, LOC(p), MATCH_KEYS);
    pc->on_top += 2;
    EMIT(c, LOC(p), COPY, 1);
    LOAD_CONST(c, LOC(p), Ad_NewRef(Ad_None));
    EMIT(c, LOC(p), IS_OP, 1);
    CHECK(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    EMIT(c, LOC(p), UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        CHECK(subpattern(c, AdAstSeq_GET(patterns, i), pc));
    }
    pc->on_top -= 2;
    if (star_target) {
        EMIT(c, LOC(p), BUILD_MAP, 0);
        EMIT(c, LOC(p), SWAP, 3);
        EMIT(c, LOC(p), DICT_UPDATE, 2);
        EMIT(c, LOC(p), UNPACK_SEQUENCE, size);
        while (size) {
            EMIT(c, LOC(p), COPY, 1 + size--);
            EMIT(c, LOC(p), SWAP, 2);
            EMIT0(c, LOC(p), DELETE_SUBSCR);
        }
        CHECK(store_name(c, LOC(p), star_target, pc));
    } else {
        EMIT0(c, LOC(p), POP_TOP);
        EMIT0(c, LOC(p), POP_TOP);
    }
    return 0;
}

static int pattern_or(Compiler *c, AdPattern *p, PatCtx *pc)
{
    NEW_LABEL(c, end);
    int size = AdAstSeq_LEN(p->v.MatchOr.patterns);
    PatCtx old = *pc;
    StrList control = {0};
    int have_control = 0;
    int r = -1;
    memset(&pc->stores, 0, sizeof pc->stores);
    for (int i = 0; i < size; i++) {
        AdPattern *alt = AdAstSeq_GET(p->v.MatchOr.patterns, i);
        strlist_clear(&pc->stores);
        pc->allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (cg_addop(c, LOC(alt), COPY, 1) < 0 || pattern(c, alt, pc) < 0)
            goto error;
        int nstores = pc->stores.n;
        if (!have_control) {
            for (int k = 0; k < nstores; k++)
                strlist_append(&control, pc->stores.v[k]);
            have_control = 1;
        } else if (nstores != control.n) {
            goto diff;
        } else if (nstores) {
            int icontrol = nstores;
            while (icontrol--) {
                const char *name = control.v[icontrol];
                int istores = strlist_index(&pc->stores, name);
                if (istores < 0)
                    goto diff;
                if (icontrol != istores) {
                    int rotations = istores + 1;
                    /* rotated = stores[:rotations]; del stores[:rotations];
                     * stores[icontrol-istores:icontrol-istores] = rotated */
                    const char **tmp = malloc((size_t)rotations * sizeof *tmp);
                    if (!tmp)
                        goto error;
                    memcpy(tmp, pc->stores.v, (size_t)rotations * sizeof *tmp);
                    int n = pc->stores.n;
                    memmove(pc->stores.v, pc->stores.v + rotations, (size_t)(n - rotations) * sizeof *tmp);
                    int at = icontrol - istores;
                    memmove(pc->stores.v + at + rotations, pc->stores.v + at,
                            (size_t)(n - rotations - at) * sizeof *tmp);
                    memcpy(pc->stores.v + at, tmp, (size_t)rotations * sizeof *tmp);
                    free(tmp);
                    while (rotations--)
                        if (rotate(c, LOC(alt), icontrol + 1) < 0)
                            goto error;
                }
            }
        }
        if (cg_addop(c, LOC(alt), JUMP, end) < 0 || emit_and_reset_fail_pop(c, LOC(alt), pc) < 0)
            goto error;
    }
    strlist_clear(&pc->stores);
    *pc = old;
    if (cg_addop(c, LOC(p), POP_TOP, 0) < 0 || jump_to_fail_pop(c, LOC(p), pc, JUMP) < 0)
        goto error2;
    cg_use_label(c, end);
    {
        int nstores = control.n;
        int nrots = nstores + 1 + pc->on_top + pc->stores.n;
        for (int i = 0; i < nstores; i++) {
            if (rotate(c, LOC(p), nrots) < 0)
                goto error2;
            const char *name = control.v[i];
            if (strlist_index(&pc->stores, name) >= 0) {
                comp_error(c, LOC(p), "multiple assignments to name '%s' in pattern", name);
                goto error2;
            }
            if (strlist_append(&pc->stores, name) < 0)
                goto error2;
        }
    }
    strlist_clear(&control);
    EMIT0(c, LOC(p), POP_TOP);
    return 0;
diff:
    comp_error(c, LOC(p), "alternative patterns bind different names");
error:
    strlist_clear(&pc->stores);
    free(pc->fail_pop);
    *pc = old;
error2:
    strlist_clear(&control);
    return r;
}

static int pattern_sequence(Compiler *c, AdPattern *p, PatCtx *pc)
{
    AdAstSeq *patterns = p->v.MatchSequence.patterns;
    int size = AdAstSeq_LEN(patterns);
    int star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < size; i++) {
        AdPattern *sp = AdAstSeq_GET(patterns, i);
        if (sp->kind == AD_MatchStar_kind) {
            if (star >= 0)
                return comp_error(c, LOC(p), "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(sp);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(sp);
    }
    pc->on_top++;
    EMIT0(c, LOC(p), MATCH_SEQUENCE);
    CHECK(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    if (star < 0) {
        EMIT0(c, LOC(p), GET_LEN);
        LOAD_CONST(c, LOC(p), AdInt_FromInt64(size));
        EMIT(c, LOC(p), COMPARE_OP, (2 << 5) | 8);
        CHECK(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    } else if (size - 1 > 0) {
        EMIT0(c, LOC(p), GET_LEN);
        LOAD_CONST(c, LOC(p), AdInt_FromInt64(size - 1));
        EMIT(c, LOC(p), COMPARE_OP, (5 << 5) | 12);
        CHECK(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        EMIT0(c, LOC(p), POP_TOP);
        return 0;
    }
    if (star_wildcard)
        return sequence_subscr(c, LOC(p), patterns, star, pc);
    return sequence_unpack(c, LOC(p), patterns, pc);
}

static int pattern_value(Compiler *c, AdPattern *p, PatCtx *pc)
{
    AdExpr *value = p->v.MatchValue.value;
    if (!is_value_expr(value))
        return comp_error(c, LOC(p), "patterns may only match literals and attribute lookups");
    CHECK(visit_value(c, value));
    EMIT(c, LOC(p), COMPARE_OP, (2 << 5) | 8);
    EMIT0(c, LOC(p), TO_BOOL);
    return jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE);
}

static int pattern_singleton(Compiler *c, AdPattern *p, PatCtx *pc)
{
    LOAD_CONST(c, LOC(p), cg_const_from_ast(&p->v.MatchSingleton.value));
    EMIT(c, LOC(p), IS_OP, 0);
    return jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE);
}

static int pattern(Compiler *c, AdPattern *p, PatCtx *pc)
{
    switch (p->kind) {
    case AD_MatchValue_kind: return pattern_value(c, p, pc);
    case AD_MatchSingleton_kind: return pattern_singleton(c, p, pc);
    case AD_MatchSequence_kind: return pattern_sequence(c, p, pc);
    case AD_MatchMapping_kind: return pattern_mapping(c, p, pc);
    case AD_MatchClass_kind: return pattern_class(c, p, pc);
    case AD_MatchStar_kind: return store_name(c, LOC(p), p->v.MatchStar.name, pc);
    case AD_MatchAs_kind: return pattern_as(c, p, pc);
    case AD_MatchOr_kind: return pattern_or(c, p, pc);
    }
    return comp_error(c, LOC(p), "invalid match pattern node in AST (kind=%d)", (int)p->kind);
}

static const CLoc next_loc = {-2, -2, -2, -2};

static int match_inner(Compiler *c, AdStmt *s, PatCtx *pc)
{
    VISIT_EXPR(c, s->v.Match.subject);
    NEW_LABEL(c, end);
    int cases = AdAstSeq_LEN(s->v.Match.cases);
    AdMatchCase *m = AdAstSeq_GET(s->v.Match.cases, cases - 1);
    int has_default = WILDCARD_CHECK(m->pattern) && 1 < cases;
    for (int i = 0; i < cases - has_default; i++) {
        m = AdAstSeq_GET(s->v.Match.cases, i);
        if (i != cases - has_default - 1)
            EMIT(c, LOC(m->pattern), COPY, 1);
        memset(&pc->stores, 0, sizeof pc->stores);
        pc->allow_irrefutable = m->guard != NULL || i == cases - 1;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (pattern(c, m->pattern, pc) < 0) {
            strlist_clear(&pc->stores);
            return -1;
        }
        for (int n = 0; n < pc->stores.n; n++) {
            if (cg_nameop(c, LOC(m->pattern), pc->stores.v[n], AD_Store) < 0) {
                strlist_clear(&pc->stores);
                return -1;
            }
        }
        strlist_clear(&pc->stores);
        if (m->guard) {
            CHECK(ensure_fail_pop(c, pc, 0));
            CHECK(cg_jump_if(c, LOC(m->pattern), m->guard, pc->fail_pop[0], 0));
        }
        if (i != cases - has_default - 1)
            EMIT0(c, next_loc, POP_TOP);
        VISIT_STMTS(c, m->body);
        JUMP_TO(c, NO_LOC, JUMP, end);
        CHECK(emit_and_reset_fail_pop(c, LOC(m->pattern), pc));
    }
    if (has_default) {
        m = AdAstSeq_GET(s->v.Match.cases, cases - 1);
        if (cases == 1)
            EMIT0(c, LOC(m->pattern), POP_TOP);
        else
            EMIT0(c, LOC(m->pattern), NOP);
        if (m->guard)
            CHECK(cg_jump_if(c, LOC(m->pattern), m->guard, end, 0));
        VISIT_STMTS(c, m->body);
    }
    USE_LABEL(c, end);
    return 0;
}

int cg_match(Compiler *c, AdStmt *s)
{
    PatCtx pc;
    memset(&pc, 0, sizeof pc);
    int r = match_inner(c, s, &pc);
    free(pc.fail_pop);
    return r;
}
