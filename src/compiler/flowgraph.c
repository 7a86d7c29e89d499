/* flowgraph.c -- the control flow graph of one code unit: built from the
 * codegen sequence, then the passes CPython 3.14 runs in the same order
 * with the same rules: exception-handler labelling, inlining of small
 * exit blocks, unreachable code removal, line number resolution,
 * constant folding (tuples, lists/sets, unary/binary operators,
 * subscripts, LOAD_CONST + jumps), jump threading, SWAP elimination,
 * NOP removal, unused constant removal, LOAD_FAST_CHECK insertion,
 * superinstructions, cold block placement, stack depth, the locals-plus
 * layout and prefix (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR), pseudo
 * instruction lowering, jump normalization (NOT_TAKEN) and the
 * LOAD_FAST_BORROW analysis. */
#include "compiler/compile_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define MAX_COPY_SIZE 4
#define STACK_USE_GUIDELINE 30
#define MIN_CONST_SEQUENCE_SIZE 3

/* ---- opcode classes ---- */

static int is_block_push(int op)
{
    return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH;
}

static int has_target(int op)
{
    return AdOpcode_HasJump(op) || is_block_push(op);
}

static int is_uncond_jump(int op)
{
    return op == JUMP || op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD ||
           op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT;
}

static int is_scope_exit(int op)
{
    return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE;
}

static int is_terminator(int op)
{
    return AdOpcode_HasJump(op) || is_scope_exit(op);
}

static int has_eval_break(int op)
{
    return op == JUMP || op == JUMP_BACKWARD || op == CALL || op == CALL_KW ||
           op == CALL_FUNCTION_EX || op == RESUME;
}

static int loads_const(int op)
{
    return op == LOAD_CONST || op == LOAD_SMALL_INT;
}

static CfgInstr *last_instr(CfgBlock *b)
{
    return (b && b->n > 0) ? &b->v[b->n - 1] : NULL;
}

static int no_fallthrough(CfgBlock *b)
{
    CfgInstr *last = last_instr(b);
    return last && (is_scope_exit(last->op) || is_uncond_jump(last->op));
}

#define HAS_FALLTHROUGH(b) (!no_fallthrough(b))

static void set_op0(CfgInstr *i, int op)
{
    i->op = op;
    i->arg = 0;
}

static void set_op1(CfgInstr *i, int op, int arg)
{
    i->op = op;
    i->arg = arg;
}

/* ---- blocks ---- */

static CfgBlock *new_block(CfgGraph *g)
{
    CfgBlock *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->alloc_next = g->all;
    g->all = b;
    b->label = -1;
    b->startdepth = INT_MIN;
    return b;
}

static int block_add(CfgBlock *b, const CfgInstr *in)
{
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 8;
        CfgInstr *v = realloc(b->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = *in;
    if (b->n > b->hwm)
        b->hwm = b->n;
    return 0;
}

/* Append an instruction the way CPython's basicblock_addop does: the
 * handler field is not written, so a slot used before keeps the handler
 * of the instruction that was there (observable in the exception table). */
static int block_addop(CfgBlock *b, int op, int arg, CLoc loc, CfgBlock *target)
{
    CfgBlock *stale = b->n < b->hwm ? b->v[b->n].except : NULL;
    CfgInstr in = {op, arg, loc, target, stale};
    return block_add(b, &in);
}

static int block_insert(CfgBlock *b, int pos, const CfgInstr *in)
{
    if (block_add(b, in) < 0)
        return -1;
    memmove(&b->v[pos + 1], &b->v[pos], (size_t)(b->n - 1 - pos) * sizeof *b->v);
    b->v[pos] = *in;
    return 0;
}

static int block_append_all(CfgBlock *dst, CfgBlock *src)
{
    for (int i = 0; i < src->n; i++)
        if (block_add(dst, &src->v[i]) < 0)
            return -1;
    return 0;
}

void cfg_free(CfgGraph *g)
{
    CfgBlock *b = g->all;
    while (b) {
        CfgBlock *n = b->alloc_next;
        free(b->v);
        free(b);
        b = n;
    }
    memset(g, 0, sizeof *g);
}

static int next_label = 1000000;

/* Build the graph: a new block starts at every label and after every
 * terminator, as CPython's cfg builder does. */
int cfg_from_seq(CfgGraph *g, const CgSeq *seq)
{
    memset(g, 0, sizeof *g);
    int nlabels = seq->nlabels;
    CfgBlock **label_block = calloc((size_t)nlabels + 1, sizeof *label_block);
    int *at = malloc(((size_t)seq->n + 1) * sizeof(int));
    int *label_ids = NULL;
    if (!label_block || !at)
        goto nomem;
    /* labels by instruction index (a label may share an index with others) */
    for (int i = 0; i <= seq->n; i++)
        at[i] = 0;
    for (int l = 0; l < nlabels; l++)
        if (seq->label_pos[l] >= 0)
            at[seq->label_pos[l]]++;
    g->entry = g->cur = new_block(g);
    if (!g->cur)
        goto nomem;
    /* process: for each index, the labels that point there */
    /* sort labels by position */
    label_ids = malloc(((size_t)nlabels + 1) * sizeof(int));
    if (!label_ids)
        goto nomem;
    /* Only labels that some jump targets start a block (an unused label,
     * such as the end of a call that was not optimized, does not). */
    char *targeted = calloc((size_t)nlabels + 1, 1);
    if (!targeted)
        goto nomem;
    for (int i = 0; i < seq->n; i++)
        if (has_target(seq->v[i].op) && seq->v[i].arg >= 0 && seq->v[i].arg < nlabels)
            targeted[seq->v[i].arg] = 1;
    /* a label is in force if any label at the same position is targeted */
    for (int l = 0; l < nlabels; l++)
        if (targeted[l] && seq->label_pos[l] >= 0)
            at[seq->label_pos[l]] = -1;
    int nl = 0;
    for (int l = 0; l < nlabels; l++)
        if (seq->label_pos[l] >= 0 && at[seq->label_pos[l]] == -1)
            label_ids[nl++] = l;
    free(targeted);
    /* insertion-stable sort by position */
    for (int i = 1; i < nl; i++) {
        int v = label_ids[i], j = i;
        while (j > 0 && seq->label_pos[label_ids[j - 1]] > seq->label_pos[v]) {
            label_ids[j] = label_ids[j - 1];
            j--;
        }
        label_ids[j] = v;
    }
    int li = 0;
    int cur_label = -1;
    for (int i = 0; i <= seq->n; i++) {
        while (li < nl && seq->label_pos[label_ids[li]] == i) {
            int l = label_ids[li++];
            /* use_label: start a new block unless the current one is empty and unlabelled */
            CfgBlock *b = g->cur;
            if (cur_label >= 0) {
                /* several labels at the same place share the block */
                label_block[l] = label_block[cur_label];
                continue;
            }
            if (b->n > 0 || b->label >= 0) {
                CfgBlock *nb = new_block(g);
                if (!nb)
                    goto nomem;
                b->next = nb;
                g->cur = nb;
            }
            g->cur->label = l;
            label_block[l] = g->cur;
            cur_label = l;
        }
        if (i == seq->n)
            break;
        const CgInstr *ci = &seq->v[i];
        if (ci->op == ANNOTATIONS_PLACEHOLDER)
            continue;
        cur_label = -1;
        CfgInstr in = {ci->op, ci->arg, ci->loc, NULL, NULL};

        if (block_add(g->cur, &in) < 0)
            goto nomem;
        if (is_terminator(ci->op)) {
            CfgBlock *nb = new_block(g);
            if (!nb)
                goto nomem;
            g->cur->next = nb;
            g->cur = nb;
        }
    }
    /* translate jump labels to targets */
    for (CfgBlock *b = g->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            if (has_target(in->op)) {
                int l = in->arg;
                if (l < 0 || l >= nlabels || !label_block[l]) {
                    free(label_block);
                    free(at);
                    free(label_ids);
                    return -1;
                }
                in->target = label_block[l];
                in->arg = 0;
            }
        }
    }
    free(label_block);
    free(at);
    free(label_ids);
    return 0;
nomem:
    free(label_block);
    free(at);
    free(label_ids);
    return -1;
}

/* ---- traversal helpers ---- */

static int count_blocks(CfgGraph *g)
{
    int n = 0;
    for (CfgBlock *b = g->entry; b; b = b->next)
        n++;
    return n;
}

static CfgBlock **traversal_stack(CfgGraph *g)
{
    int n = 0;
    for (CfgBlock *b = g->all; b; b = b->alloc_next) {
        b->visited = 0;
        n++;
    }
    return malloc(((size_t)n + 1) * sizeof(CfgBlock *));
}

static CfgBlock *next_nonempty(CfgBlock *b)
{
    while (b && b->n == 0)
        b = b->next;
    return b;
}

/* ---- exception handlers ---- */

typedef struct ExcStack {
    CfgBlock *handlers[MAX_FBLOCKS + 2];
    int depth;
} ExcStack;

static void mark_except_handlers(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (is_block_push(b->v[i].op))
                b->v[i].target->except_handler = 1;
}

static int label_exception_targets(CfgGraph *g)
{
    CfgBlock **stack = traversal_stack(g);
    if (!stack)
        return -1;
    CfgBlock **sp = stack;
    ExcStack *es = calloc(1, sizeof *es);
    if (!es) {
        free(stack);
        return -1;
    }
    *sp++ = g->entry;
    g->entry->visited = 1;
    g->entry->exstack = es;
    while (sp > stack) {
        CfgBlock *b = *--sp;
        es = b->exstack;
        b->exstack = NULL;
        CfgBlock *handler = es->depth > 0 ? es->handlers[es->depth] : NULL;
        int last_yield_depth = -1;
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            if (is_block_push(in->op)) {
                if (!in->target->visited) {
                    ExcStack *copy = malloc(sizeof *copy);
                    if (!copy)
                        return -1;
                    *copy = *es;
                    in->target->exstack = copy;
                    in->target->visited = 1;
                    *sp++ = in->target;
                }
                if (in->op == SETUP_WITH || in->op == SETUP_CLEANUP)
                    in->target->preserve_lasti = 1;
                es->handlers[++es->depth] = in->target;
                handler = in->target;
            } else if (in->op == POP_BLOCK) {
                es->depth--;
                handler = es->depth > 0 ? es->handlers[es->depth] : NULL;
                set_op0(in, NOP);
            } else if (AdOpcode_HasJump(in->op)) {
                in->except = handler;
                if (!in->target->visited) {
                    ExcStack *copy = malloc(sizeof *copy);
                    if (!copy)
                        return -1;
                    *copy = *es;
                    in->target->exstack = copy;
                    in->target->visited = 1;
                    *sp++ = in->target;
                }
            } else if (in->op == YIELD_VALUE) {
                in->except = handler;
                last_yield_depth = es->depth;
            } else if (in->op == RESUME) {
                in->except = handler;
                if (in->arg != AD_RESUME_AT_FUNC_START) {
                    if (last_yield_depth == 1)
                        in->arg |= AD_RESUME_OPARG_DEPTH1_MASK;
                    last_yield_depth = -1;
                }
            } else {
                in->except = handler;
            }
        }
        if (HAS_FALLTHROUGH(b) && b->next && !b->next->visited) {
            b->next->exstack = es;
            b->next->visited = 1;
            *sp++ = b->next;
        } else {
            free(es);
        }
    }
    free(stack);
    /* free stacks of blocks never popped (none expected) */
    for (CfgBlock *b = g->all; b; b = b->alloc_next) {
        free(b->exstack);
        b->exstack = NULL;
    }
    return 0;
}

/* ---- inlining, reachability ---- */

static int exits_scope(CfgBlock *b)
{
    CfgInstr *last = last_instr(b);
    return last && is_scope_exit(last->op);
}

static int has_no_lineno(CfgBlock *b)
{
    for (int i = 0; i < b->n; i++)
        if (b->v[i].loc.lineno >= 0)
            return 0;
    return 1;
}

static int has_eval_break_block(CfgBlock *b)
{
    for (int i = 0; i < b->n; i++)
        if (has_eval_break(b->v[i].op))
            return 1;
    return 0;
}

static int inline_small_or_no_lineno(CfgBlock *bb)
{
    CfgInstr *last = last_instr(bb);
    if (!last || !is_uncond_jump(last->op))
        return 0;
    CfgBlock *target = last->target;
    int small_exit = exits_scope(target) && target->n <= MAX_COPY_SIZE;
    int no_lineno_no_ft = has_no_lineno(target) && !HAS_FALLTHROUGH(target);
    if (small_exit || no_lineno_no_ft) {
        int removed = last->op;
        set_op0(last, NOP);
        if (block_append_all(bb, target) < 0)
            return -1;
        if (no_lineno_no_ft) {
            last = last_instr(bb);
            if (is_uncond_jump(last->op) && removed == JUMP)
                last->op = JUMP;
        }
        target->predecessors--;
        return 1;
    }
    return 0;
}

static int inline_small_or_no_lineno_blocks(CfgGraph *g)
{
    int changes;
    do {
        changes = 0;
        for (CfgBlock *b = g->entry; b; b = b->next) {
            int r = inline_small_or_no_lineno(b);
            if (r < 0)
                return -1;
            if (r)
                changes = 1;
        }
    } while (changes);
    return 0;
}

static int remove_unreachable(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next)
        b->predecessors = 0;
    CfgBlock **stack = traversal_stack(g);
    if (!stack)
        return -1;
    CfgBlock **sp = stack;
    g->entry->predecessors = 1;
    *sp++ = g->entry;
    g->entry->visited = 1;
    while (sp > stack) {
        CfgBlock *b = *--sp;
        if (b->next && HAS_FALLTHROUGH(b)) {
            if (!b->next->visited) {
                *sp++ = b->next;
                b->next->visited = 1;
            }
            b->next->predecessors++;
        }
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            if (has_target(in->op)) {
                CfgBlock *t = in->target;
                if (!t->visited) {
                    *sp++ = t;
                    t->visited = 1;
                }
                t->predecessors++;
            }
        }
    }
    free(stack);
    for (CfgBlock *b = g->entry; b; b = b->next) {
        if (b->predecessors == 0) {
            b->n = 0;
            b->except_handler = 0;
        }
    }
    return 0;
}

/* ---- line numbers ---- */

static int is_exit_or_eval_check_without_lineno(CfgBlock *b)
{
    if (exits_scope(b) || has_eval_break_block(b))
        return has_no_lineno(b);
    return 0;
}

static int duplicate_exits_without_lineno(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next) {
        CfgInstr *last = last_instr(b);
        if (!last)
            continue;
        if (AdOpcode_HasJump(last->op)) {
            CfgBlock *target = next_nonempty(last->target);
            if (target && is_exit_or_eval_check_without_lineno(target) &&
                target->predecessors > 1) {
                CfgBlock *nt = new_block(g);
                if (!nt || block_append_all(nt, target) < 0)
                    return -1;
                nt->v[0].loc = last->loc;
                last->target = nt;
                target->predecessors--;
                nt->predecessors = 1;
                nt->next = target->next;
                nt->label = next_label++;
                target->next = nt;
            }
        }
    }
    for (CfgBlock *b = g->entry; b; b = b->next) {
        if (HAS_FALLTHROUGH(b) && b->next && b->n > 0) {
            if (is_exit_or_eval_check_without_lineno(b->next)) {
                CfgInstr *last = last_instr(b);
                b->next->v[0].loc = last->loc;
            }
        }
    }
    return 0;
}

static void propagate_line_numbers(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next) {
        CfgInstr *last = last_instr(b);
        if (!last)
            continue;
        CLoc prev = NO_LOC;
        for (int i = 0; i < b->n; i++) {
            if (b->v[i].loc.lineno == -1)
                b->v[i].loc = prev;
            else
                prev = b->v[i].loc;
        }
        if (HAS_FALLTHROUGH(b) && b->next && b->next->predecessors == 1) {
            if (b->next->n > 0 && b->next->v[0].loc.lineno == -1)
                b->next->v[0].loc = prev;
        }
        if (AdOpcode_HasJump(last->op)) {
            CfgBlock *t = last->target;
            if (t->predecessors == 1 && t->n > 0 && t->v[0].loc.lineno == -1)
                t->v[0].loc = prev;
        }
    }
}

static int resolve_line_numbers(CfgGraph *g)
{
    if (duplicate_exits_without_lineno(g) < 0)
        return -1;
    propagate_line_numbers(g);
    return 0;
}

/* ---- constants ---- */

static int float_bits_equal(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

int cfg_const_key_equal(AdObject *a, AdObject *b)
{
    if (a == b)
        return 1;
    if (AD_TYPE(a) != AD_TYPE(b))
        return 0;
    if (a == Ad_None || a == Ad_True || a == Ad_False || a == Ad_Ellipsis)
        return 0;
    if (AdInt_CheckExact(a)) {
        int r = AdObject_RichCompareBool(a, b, 2);
        if (r < 0) {
            AdErr_Clear();
            return 0;
        }
        return r;
    }
    if (AdFloat_CheckExact(a))
        return float_bits_equal(AdFloat_AS_DOUBLE(a), AdFloat_AS_DOUBLE(b));
    if (AdComplex_CheckExact(a))
        return float_bits_equal(AdComplex_RealAsDouble(a), AdComplex_RealAsDouble(b)) &&
               float_bits_equal(AdComplex_ImagAsDouble(a), AdComplex_ImagAsDouble(b));
    if (AdStr_CheckExact(a))
        return AdStr_Equal(a, b);
    if (AdBytes_CheckExact(a))
        return AdBytes_GET_SIZE(a) == AdBytes_GET_SIZE(b) &&
               memcmp(AdBytes_AS_STRING(a), AdBytes_AS_STRING(b), (size_t)AdBytes_GET_SIZE(a)) == 0;
    if (AdTuple_CheckExact(a)) {
        Ad_ssize_t n = AdTuple_GET_SIZE(a);
        if (n != AdTuple_GET_SIZE(b))
            return 0;
        for (Ad_ssize_t i = 0; i < n; i++)
            if (!cfg_const_key_equal(AdTuple_GET_ITEM(a, i), AdTuple_GET_ITEM(b, i)))
                return 0;
        return 1;
    }
    if (AdFrozenSet_CheckExact(a)) {
        if (AdSet_GET_SIZE(a) != AdSet_GET_SIZE(b))
            return 0;
        Ad_ssize_t pa = 0;
        AdObject *ka;
        Ad_hash_t ha;
        while (AdSet_Next(a, &pa, &ka, &ha)) {
            Ad_ssize_t pb = 0;
            AdObject *kb;
            Ad_hash_t hb;
            int found = 0;
            while (AdSet_Next(b, &pb, &kb, &hb))
                if (cfg_const_key_equal(ka, kb)) {
                    found = 1;
                    break;
                }
            if (!found)
                return 0;
        }
        return 1;
    }
    if (AdCode_Check(a)) {
        int r = AdObject_RichCompareBool(a, b, AD_EQ);
        if (r < 0) {
            AdErr_Clear();
            return 0;
        }
        return r;
    }
    if (Ad_IS_TYPE(a, &AdSlice_Type)) {
        AdSliceObject *sa = (AdSliceObject *)a, *sb = (AdSliceObject *)b;
        return cfg_const_key_equal(sa->start, sb->start) && cfg_const_key_equal(sa->stop, sb->stop) &&
               cfg_const_key_equal(sa->step, sb->step);
    }
    return 0;
}

typedef struct {
    ObjList *consts;
    Compiler *c;
} ConstCtx;

static int add_const(ConstCtx *k, AdObject *o)   /* steals O */
{
    if (!o)
        return -1;
    for (int i = 0; i < k->consts->n; i++)
        if (cfg_const_key_equal(k->consts->v[i], o)) {
            Ad_DECREF(o);
            return i;
        }
    return objlist_append(k->consts, o);
}

static AdObject *get_const_value(ConstCtx *k, CfgInstr *in)
{
    if (in->op == LOAD_SMALL_INT)
        return AdInt_FromInt64(in->arg);
    return Ad_NewRef(k->consts->v[in->arg]);
}

static int is_small_int(AdObject *o, int *val)
{
    if (!AdInt_CheckExact(o))
        return 0;
    int64_t v;
    if (!AdInt_AsInt64Exact(o, &v))
        return 0;
    if (v >= 0 && v < 256) {
        *val = (int)v;
        return 1;
    }
    return 0;
}

static int make_load_const(ConstCtx *k, CfgInstr *in, AdObject *newconst)  /* steals */
{
    int v;
    if (is_small_int(newconst, &v)) {
        Ad_DECREF(newconst);
        set_op1(in, LOAD_SMALL_INT, v);
        return 0;
    }
    int idx = add_const(k, newconst);
    if (idx < 0)
        return -1;
    set_op1(in, LOAD_CONST, idx);
    return 0;
}

static int get_const_loading_instrs(CfgBlock *bb, int start, CfgInstr **instrs, int size)
{
    for (; start >= 0 && size > 0; start--) {
        CfgInstr *in = &bb->v[start];
        if (in->op == NOP)
            continue;
        if (!loads_const(in->op))
            return 0;
        instrs[--size] = in;
    }
    return size == 0;
}

static void nop_out(CfgInstr **instrs, int n)
{
    for (int i = 0; i < n; i++) {
        set_op0(instrs[i], NOP);
        instrs[i]->loc = NO_LOC;
    }
}

static int optimize_load_const_block(ConstCtx *k, CfgBlock *bb)
{
    int opcode = 0, oparg = 0;
    for (int i = 0; i < bb->n; i++) {
        CfgInstr *inst = &bb->v[i];
        if (inst->op == LOAD_CONST) {
            int v;
            if (is_small_int(k->consts->v[inst->arg], &v))
                set_op1(inst, LOAD_SMALL_INT, v);
        }
        int is_copy_of_load_const = opcode == LOAD_CONST && inst->op == COPY && inst->arg == 1;
        if (!is_copy_of_load_const) {
            opcode = inst->op;
            oparg = inst->arg;
        }
        if (opcode != LOAD_CONST && opcode != LOAD_SMALL_INT)
            continue;
        int nextop = i + 1 < bb->n ? bb->v[i + 1].op : 0;
        CfgInstr tmp = {opcode, oparg, NO_LOC, NULL, NULL};
        switch (nextop) {
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE:
        case JUMP_IF_FALSE:
        case JUMP_IF_TRUE: {
            AdObject *cnt = get_const_value(k, &tmp);
            if (!cnt)
                return -1;
            int is_true = AdObject_IsTrue(cnt);
            Ad_DECREF(cnt);
            if (is_true < 0)
                return -1;
            if (nextop == POP_JUMP_IF_FALSE || nextop == POP_JUMP_IF_TRUE)
                set_op0(inst, NOP);
            int jump_if_true = nextop == POP_JUMP_IF_TRUE || nextop == JUMP_IF_TRUE;
            if (is_true == jump_if_true)
                bb->v[i + 1].op = JUMP;
            else
                set_op0(&bb->v[i + 1], NOP);
            break;
        }
        case IS_OP: {
            AdObject *cnt = get_const_value(k, &tmp);
            if (!cnt)
                return -1;
            int isnone = cnt == Ad_None;
            Ad_DECREF(cnt);
            if (!isnone)
                break;
            if (bb->n <= i + 2)
                break;
            CfgInstr *is_instr = &bb->v[i + 1];
            CfgInstr *jump_instr = &bb->v[i + 2];
            if (jump_instr->op == TO_BOOL) {
                set_op0(jump_instr, NOP);
                if (bb->n <= i + 3)
                    break;
                jump_instr = &bb->v[i + 3];
            }
            int invert = is_instr->arg;
            if (jump_instr->op == POP_JUMP_IF_FALSE)
                invert = !invert;
            else if (jump_instr->op != POP_JUMP_IF_TRUE)
                break;
            set_op0(inst, NOP);
            set_op0(is_instr, NOP);
            jump_instr->op = invert ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
            break;
        }
        case TO_BOOL: {
            AdObject *cnt = get_const_value(k, &tmp);
            if (!cnt)
                return -1;
            int is_true = AdObject_IsTrue(cnt);
            Ad_DECREF(cnt);
            if (is_true < 0)
                return -1;
            int index = add_const(k, Ad_NewRef(is_true ? Ad_True : Ad_False));
            if (index < 0)
                return -1;
            set_op0(inst, NOP);
            set_op1(&bb->v[i + 1], LOAD_CONST, index);
            break;
        }
        }
    }
    return 0;
}

/* ---- folding ---- */

static AdObject *call_bit_length(AdObject *o)
{
    AdObject *name = AdStr_FromString("bit_length");
    if (!name)
        return NULL;
    AdObject *r = AdObject_CallMethod(o, name, NULL, 0);
    Ad_DECREF(name);
    return r;
}

static int64_t bit_length(AdObject *o)
{
    AdObject *r = call_bit_length(o);
    if (!r)
        return -1;
    int64_t v = AdInt_AsInt64(r);
    Ad_DECREF(r);
    return v;
}

#define MAX_INT_SIZE 128
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

static Ad_ssize_t check_complexity(AdObject *obj, Ad_ssize_t limit)
{
    if (AdTuple_Check(obj)) {
        limit -= AdTuple_GET_SIZE(obj);
        for (Ad_ssize_t i = 0; limit >= 0 && i < AdTuple_GET_SIZE(obj); i++)
            limit = check_complexity(AdTuple_GET_ITEM(obj, i), limit);
    }
    return limit;
}

static int int_is_zero(AdObject *o)
{
    return AdInt_Sign(o) == 0;
}

static AdObject *safe_multiply(AdObject *v, AdObject *w)
{
    if (AdInt_Check(v) && AdInt_Check(w) && !int_is_zero(v) && !int_is_zero(w)) {
        int64_t vbits = bit_length(v), wbits = bit_length(w);
        if (vbits < 0 || wbits < 0)
            return NULL;
        if (vbits + wbits > MAX_INT_SIZE)
            return NULL;
    } else if (AdInt_Check(v) && (AdTuple_Check(w) || AdFrozenSet_Check(w))) {
        Ad_ssize_t size = AdTuple_Check(w) ? AdTuple_GET_SIZE(w) : AdSet_GET_SIZE(w);
        if (size) {
            int64_t n = AdInt_AsInt64(v);
            if (n == -1 && AdErr_Occurred())
                return NULL;
            if (n < 0 || n > MAX_COLLECTION_SIZE / size)
                return NULL;
            if (n && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0)
                return NULL;
        }
    } else if (AdInt_Check(v) && (AdStr_Check(w) || AdBytes_Check(w))) {
        Ad_ssize_t size = AdStr_Check(w) ? AdStr_LENGTH(w) : AdBytes_GET_SIZE(w);
        if (size) {
            int64_t n = AdInt_AsInt64(v);
            if (n == -1 && AdErr_Occurred())
                return NULL;
            if (n < 0 || n > MAX_STR_SIZE / size)
                return NULL;
        }
    } else if (AdInt_Check(w) && (AdTuple_Check(v) || AdFrozenSet_Check(v) || AdStr_Check(v) ||
                                  AdBytes_Check(v))) {
        return safe_multiply(w, v);
    }
    return AdNumber_Multiply(v, w);
}

static AdObject *safe_power(AdObject *v, AdObject *w)
{
    if (AdInt_Check(v) && AdInt_Check(w) && !int_is_zero(v) && AdInt_Sign(w) > 0) {
        int64_t vbits = bit_length(v);
        int64_t wbits = AdInt_AsInt64(w);
        if (wbits == -1 && AdErr_Occurred())
            return NULL;
        if (vbits < 0)
            return NULL;
        if (vbits > MAX_INT_SIZE / wbits)
            return NULL;
    }
    return AdNumber_Power(v, w, Ad_None);
}

static AdObject *safe_lshift(AdObject *v, AdObject *w)
{
    if (AdInt_Check(v) && AdInt_Check(w) && !int_is_zero(v)) {
        int64_t wbits = AdInt_AsInt64(w);
        if (wbits == -1 && AdErr_Occurred())
            return NULL;
        if (wbits < 0)
            return NULL;
        int64_t vbits = bit_length(v);
        if (vbits < 0)
            return NULL;
        if (wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits)
            return NULL;
    }
    return AdNumber_Lshift(v, w);
}

static AdObject *safe_mod(AdObject *v, AdObject *w)
{
    if (AdStr_Check(v) || AdBytes_Check(v))
        return NULL;
    return AdNumber_Remainder(v, w);
}

static AdObject *eval_binop(AdObject *l, int op, AdObject *r)
{
    switch (op) {
    case AD_NB_ADD: return AdNumber_Add(l, r);
    case AD_NB_SUBTRACT: return AdNumber_Subtract(l, r);
    case AD_NB_MULTIPLY: return safe_multiply(l, r);
    case AD_NB_TRUE_DIVIDE: return AdNumber_TrueDivide(l, r);
    case AD_NB_FLOOR_DIVIDE: return AdNumber_FloorDivide(l, r);
    case AD_NB_REMAINDER: return safe_mod(l, r);
    case AD_NB_POWER: return safe_power(l, r);
    case AD_NB_LSHIFT: return safe_lshift(l, r);
    case AD_NB_RSHIFT: return AdNumber_Rshift(l, r);
    case AD_NB_OR: return AdNumber_Or(l, r);
    case AD_NB_XOR: return AdNumber_Xor(l, r);
    case AD_NB_AND: return AdNumber_And(l, r);
    case AD_NB_SUBSCR: return AdObject_GetItem(l, r);
    default: return NULL;
    }
}

static int fold_binop(ConstCtx *k, CfgBlock *bb, int i)
{
    CfgInstr *ops[2];
    if (!get_const_loading_instrs(bb, i - 1, ops, 2))
        return 0;
    AdObject *l = get_const_value(k, ops[0]);
    AdObject *r = get_const_value(k, ops[1]);
    if (!l || !r) {
        Ad_XDECREF(l);
        Ad_XDECREF(r);
        return -1;
    }
    AdObject *res = eval_binop(l, bb->v[i].arg, r);
    Ad_DECREF(l);
    Ad_DECREF(r);
    if (!res) {
        AdErr_Clear();
        return 0;
    }
    nop_out(ops, 2);
    return make_load_const(k, &bb->v[i], res);
}

static int fold_unaryop(ConstCtx *k, CfgBlock *bb, int i)
{
    CfgInstr *opi;
    if (!get_const_loading_instrs(bb, i - 1, &opi, 1))
        return 0;
    AdObject *operand = get_const_value(k, opi);
    if (!operand)
        return -1;
    CfgInstr *in = &bb->v[i];
    AdObject *res = NULL;
    switch (in->op) {
    case UNARY_NEGATIVE:
        res = AdNumber_Negative(operand);
        break;
    case UNARY_INVERT:
        if (!AdBool_Check(operand))
            res = AdNumber_Invert(operand);
        break;
    case UNARY_NOT: {
        int t = AdObject_IsTrue(operand);
        if (t >= 0)
            res = Ad_NewRef(t ? Ad_False : Ad_True);
        break;
    }
    case CALL_INTRINSIC_1:
        res = AdNumber_Positive(operand);
        break;
    }
    Ad_DECREF(operand);
    if (!res) {
        AdErr_Clear();
        return 0;
    }
    nop_out(&opi, 1);
    return make_load_const(k, in, res);
}

static int fold_tuple_of_constants(ConstCtx *k, CfgBlock *bb, int i)
{
    CfgInstr *in = &bb->v[i];
    int n = in->arg;
    if (n > STACK_USE_GUIDELINE)
        return 0;
    CfgInstr *ins[STACK_USE_GUIDELINE + 1];
    if (!get_const_loading_instrs(bb, i - 1, ins, n))
        return 0;
    AdObject *t = AdTuple_New(n);
    if (!t)
        return -1;
    for (int j = 0; j < n; j++) {
        AdObject *e = get_const_value(k, ins[j]);
        if (!e) {
            Ad_DECREF(t);
            return -1;
        }
        AdTuple_SET_ITEM(t, j, e);
    }
    nop_out(ins, n);
    return make_load_const(k, in, t);
}

static int optimize_lists_and_sets(ConstCtx *k, CfgBlock *bb, int i, int nextop)
{
    CfgInstr *in = &bb->v[i];
    int contains_or_iter = nextop == GET_ITER || nextop == CONTAINS_OP;
    int n = in->arg;
    if (n > STACK_USE_GUIDELINE || (n < MIN_CONST_SEQUENCE_SIZE && !contains_or_iter))
        return 0;
    CfgInstr *ins[STACK_USE_GUIDELINE + 1];
    if (!get_const_loading_instrs(bb, i - 1, ins, n)) {
        if (contains_or_iter && in->op == BUILD_LIST)
            set_op1(in, BUILD_TUPLE, in->arg);
        return 0;
    }
    AdObject *t = AdTuple_New(n);
    if (!t)
        return -1;
    for (int j = 0; j < n; j++) {
        AdObject *e = get_const_value(k, ins[j]);
        if (!e) {
            Ad_DECREF(t);
            return -1;
        }
        AdTuple_SET_ITEM(t, j, e);
    }
    if (in->op == BUILD_SET) {
        AdObject *fs = AdFrozenSet_New(t);
        Ad_DECREF(t);
        if (!fs)
            return -1;
        t = fs;
    }
    int index = add_const(k, t);
    if (index < 0)
        return -1;
    nop_out(ins, n);
    if (contains_or_iter) {
        set_op1(in, LOAD_CONST, index);
    } else {
        int op = in->op;
        bb->v[i - 2].loc = in->loc;
        set_op1(&bb->v[i - 2], op, 0);
        set_op1(&bb->v[i - 1], LOAD_CONST, index);
        set_op1(&bb->v[i], op == BUILD_LIST ? LIST_EXTEND : SET_UPDATE, 1);
    }
    return 0;
}

static int fold_list_to_tuple(ConstCtx *k, CfgBlock *bb, int i)
{
    CfgInstr *intrinsic = &bb->v[i];
    int consts_found = 0;
    int expect_append = 1;
    for (int pos = i - 1; pos >= 0; pos--) {
        CfgInstr *in = &bb->v[pos];
        int op = in->op, arg = in->arg;
        if (op == NOP)
            continue;
        if (op == BUILD_LIST && arg == 0) {
            if (!expect_append)
                return 0;
            AdObject *t = AdTuple_New(consts_found);
            if (!t)
                return -1;
            for (int np = i - 1; np >= pos; np--) {
                in = &bb->v[np];
                if (in->op == NOP)
                    continue;
                if (loads_const(in->op)) {
                    AdObject *cv = get_const_value(k, in);
                    if (!cv) {
                        Ad_DECREF(t);
                        return -1;
                    }
                    AdTuple_SET_ITEM(t, --consts_found, cv);
                }
                set_op0(in, NOP);
                in->loc = NO_LOC;
            }
            return make_load_const(k, intrinsic, t);
        }
        if (expect_append) {
            if (op != LIST_APPEND || arg != 1)
                return 0;
        } else {
            if (!loads_const(op))
                return 0;
            consts_found++;
        }
        expect_append = !expect_append;
    }
    return 0;
}

static int jump_thread(CfgBlock *bb, CfgInstr *inst, CfgInstr *target, int opcode)
{
    if (inst->target != target->target) {
        set_op0(inst, NOP);
        CLoc loc = target->loc;
        CfgBlock *t = target->target;
        if (block_addop(bb, opcode, 0, loc, t) < 0)
            return -1;
        return 1;
    }
    return 0;
}

#define VISITED (-1)

static int swaptimize(CfgBlock *block, int *ix)
{
    CfgInstr *instrs = &block->v[*ix];
    int depth = instrs[0].arg;
    int len = 0, more = 0;
    int limit = block->n - *ix;
    while (++len < limit) {
        int op = instrs[len].op;
        if (op == SWAP) {
            if (instrs[len].arg > depth)
                depth = instrs[len].arg;
            more = 1;
        } else if (op != NOP) {
            break;
        }
    }
    if (!more)
        return 0;
    int *stack = malloc((size_t)depth * sizeof(int));
    if (!stack)
        return -1;
    for (int i = 0; i < depth; i++)
        stack[i] = i;
    for (int i = 0; i < len; i++) {
        if (instrs[i].op == SWAP) {
            int oparg = instrs[i].arg;
            int top = stack[0];
            stack[0] = stack[oparg - 1];
            stack[oparg - 1] = top;
        }
    }
    int current = len - 1;
    for (int i = 0; i < depth; i++) {
        if (stack[i] == VISITED || stack[i] == i)
            continue;
        int j = i;
        for (;;) {
            if (j) {
                instrs[current].op = SWAP;
                instrs[current--].arg = j + 1;
            }
            if (stack[j] == VISITED)
                break;
            int next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while (0 <= current)
        set_op0(&instrs[current--], NOP);
    free(stack);
    *ix += len - 1;
    return 0;
}

#define SWAPPABLE(op) ((op) == STORE_FAST || (op) == STORE_FAST_MAYBE_NULL || (op) == POP_TOP)
#define STORES_TO(in) (((in).op == STORE_FAST || (in).op == STORE_FAST_MAYBE_NULL) ? (in).arg : -1)

static int next_swappable(CfgBlock *block, int i, int lineno)
{
    while (++i < block->n) {
        CfgInstr *in = &block->v[i];
        if (0 <= lineno && in->loc.lineno != lineno)
            return -1;
        if (in->op == NOP)
            continue;
        if (SWAPPABLE(in->op))
            return i;
        return -1;
    }
    return -1;
}

static void apply_static_swaps(CfgBlock *block, int i)
{
    for (; 0 <= i; i--) {
        CfgInstr *swap = &block->v[i];
        if (swap->op != SWAP) {
            if (swap->op == NOP || SWAPPABLE(swap->op))
                continue;
            return;
        }
        int j = next_swappable(block, i, -1);
        if (j < 0)
            return;
        int kk = j;
        int lineno = block->v[j].loc.lineno;
        for (int count = swap->arg - 1; 0 < count; count--) {
            kk = next_swappable(block, kk, lineno);
            if (kk < 0)
                return;
        }
        int store_j = STORES_TO(block->v[j]);
        int store_k = STORES_TO(block->v[kk]);
        if (store_j >= 0 || store_k >= 0) {
            if (store_j == store_k)
                return;
            for (int idx = j + 1; idx < kk; idx++) {
                int s = STORES_TO(block->v[idx]);
                if (s >= 0 && (s == store_j || s == store_k))
                    return;
            }
        }
        set_op0(swap, NOP);
        CfgInstr tmp = block->v[j];
        block->v[j] = block->v[kk];
        block->v[kk] = tmp;
    }
}

static int optimize_basic_block(ConstCtx *k, CfgBlock *bb)
{
    CfgInstr nop = {NOP, 0, NO_LOC, NULL, NULL};
    for (int i = 0; i < bb->n; i++) {
        CfgInstr *inst = &bb->v[i];
        CfgInstr *target;
        int opcode = inst->op, oparg = inst->arg;
        if (has_target(opcode) && inst->target->n > 0)
            target = &inst->target->v[0];
        else
            target = &nop;
        int nextop = i + 1 < bb->n ? bb->v[i + 1].op : 0;
        int r;
        switch (opcode) {
        case BUILD_TUPLE:
            if (nextop == UNPACK_SEQUENCE && oparg == bb->v[i + 1].arg) {
                switch (oparg) {
                case 1:
                    set_op0(inst, NOP);
                    set_op0(&bb->v[i + 1], NOP);
                    continue;
                case 2:
                case 3:
                    set_op0(inst, NOP);
                    bb->v[i + 1].op = SWAP;
                    continue;
                }
            }
            if (fold_tuple_of_constants(k, bb, i) < 0)
                return -1;
            break;
        case BUILD_LIST:
        case BUILD_SET:
            if (optimize_lists_and_sets(k, bb, i, nextop) < 0)
                return -1;
            break;
        case POP_JUMP_IF_NOT_NONE:
        case POP_JUMP_IF_NONE:
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE:
            if (target->op == JUMP) {
                r = jump_thread(bb, inst, target, opcode);
                if (r < 0)
                    return -1;
                i -= r;
            }
            break;
        case JUMP_IF_FALSE:
        case JUMP_IF_TRUE: {
            int same = opcode;
            int other = opcode == JUMP_IF_FALSE ? JUMP_IF_TRUE : JUMP_IF_FALSE;
            if (target->op == JUMP || target->op == same) {
                r = jump_thread(bb, inst, target, opcode);
                if (r < 0)
                    return -1;
                i -= r;
                continue;
            }
            if (target->op == other) {
                inst->target = inst->target->next;
                i--;
                continue;
            }
            break;
        }
        case JUMP:
        case JUMP_NO_INTERRUPT:
            if (target->op == JUMP) {
                r = jump_thread(bb, inst, target, JUMP);
                if (r < 0)
                    return -1;
                i -= r;
                continue;
            }
            if (target->op == JUMP_NO_INTERRUPT) {
                r = jump_thread(bb, inst, target, opcode);
                if (r < 0)
                    return -1;
                i -= r;
                continue;
            }
            break;
        case STORE_FAST:
            if (opcode == nextop && oparg == bb->v[i + 1].arg &&
                bb->v[i].loc.lineno == bb->v[i + 1].loc.lineno) {
                bb->v[i].op = POP_TOP;
                bb->v[i].arg = 0;
            }
            break;
        case SWAP:
            if (oparg == 1)
                set_op0(inst, NOP);
            break;
        case LOAD_GLOBAL:
            if (nextop == PUSH_NULL && (oparg & 1) == 0) {
                set_op1(inst, LOAD_GLOBAL, oparg | 1);
                set_op0(&bb->v[i + 1], NOP);
            }
            break;
        case COMPARE_OP:
            if (nextop == TO_BOOL) {
                set_op0(inst, NOP);
                set_op1(&bb->v[i + 1], COMPARE_OP, oparg | 16);
                continue;
            }
            break;
        case CONTAINS_OP:
        case IS_OP:
            if (nextop == TO_BOOL) {
                set_op0(inst, NOP);
                set_op1(&bb->v[i + 1], opcode, oparg);
                continue;
            }
            if (nextop == UNARY_NOT) {
                set_op0(inst, NOP);
                set_op1(&bb->v[i + 1], opcode, oparg ^ 1);
                continue;
            }
            break;
        case TO_BOOL:
            if (nextop == TO_BOOL) {
                set_op0(inst, NOP);
                continue;
            }
            break;
        case UNARY_NOT:
            if (nextop == TO_BOOL) {
                set_op0(inst, NOP);
                set_op0(&bb->v[i + 1], UNARY_NOT);
                continue;
            }
            if (nextop == UNARY_NOT) {
                set_op0(inst, NOP);
                set_op0(&bb->v[i + 1], NOP);
                continue;
            }
            /* fall through */
        case UNARY_INVERT:
        case UNARY_NEGATIVE:
            if (fold_unaryop(k, bb, i) < 0)
                return -1;
            break;
        case CALL_INTRINSIC_1:
            if (oparg == AD_INTRINSIC_LIST_TO_TUPLE) {
                if (nextop == GET_ITER) {
                    set_op0(inst, NOP);
                } else if (fold_list_to_tuple(k, bb, i) < 0) {
                    return -1;
                }
            } else if (oparg == AD_INTRINSIC_UNARY_POSITIVE) {
                if (fold_unaryop(k, bb, i) < 0)
                    return -1;
            }
            break;
        case BINARY_OP:
            if (fold_binop(k, bb, i) < 0)
                return -1;
            break;
        }
    }
    for (int i = 0; i < bb->n; i++) {
        if (bb->v[i].op == SWAP) {
            if (swaptimize(bb, &i) < 0)
                return -1;
            apply_static_swaps(bb, i);
        }
    }
    return 0;
}

/* ---- NOPs and jumps ---- */

static int remove_redundant_nops_block(CfgBlock *bb)
{
    int dest = 0;
    int prev_lineno = -1;
    for (int src = 0; src < bb->n; src++) {
        CfgInstr *in = &bb->v[src];
        int lineno = in->loc.lineno;
        if (in->op == NOP) {
            if (lineno < 0)
                continue;
            if (prev_lineno == lineno)
                continue;
            if (src < bb->n - 1) {
                int next_lineno = bb->v[src + 1].loc.lineno;
                if (next_lineno == lineno)
                    continue;
                if (next_lineno < 0) {
                    bb->v[src + 1].loc = in->loc;
                    continue;
                }
            } else {
                CfgBlock *next = next_nonempty(bb->next);
                if (next) {
                    CLoc next_loc = NO_LOC;
                    for (int k = 0; k < next->n; k++) {
                        CfgInstr *ni = &next->v[k];
                        if (ni->op == NOP && ni->loc.lineno < 0)
                            continue;
                        next_loc = ni->loc;
                        break;
                    }
                    if (lineno == next_loc.lineno)
                        continue;
                }
            }
        }
        if (dest != src)
            bb->v[dest] = *in;
        dest++;
        prev_lineno = lineno;
    }
    int removed = bb->n - dest;
    bb->n = dest;
    return removed;
}

static int remove_redundant_nops(CfgGraph *g)
{
    int changes = 0;
    for (CfgBlock *b = g->entry; b; b = b->next)
        changes += remove_redundant_nops_block(b);
    return changes;
}

static int remove_redundant_jumps(CfgGraph *g)
{
    int changes = 0;
    for (CfgBlock *b = g->entry; b; b = b->next) {
        CfgInstr *last = last_instr(b);
        if (!last)
            continue;
        if (is_uncond_jump(last->op)) {
            CfgBlock *jt = next_nonempty(last->target);
            if (!jt)
                return -1;
            CfgBlock *next = next_nonempty(b->next);
            if (jt == next) {
                changes++;
                set_op0(last, NOP);
            }
        }
    }
    return changes;
}

static int remove_redundant_nops_and_jumps(CfgGraph *g)
{
    int rn, rj;
    do {
        rn = remove_redundant_nops(g);
        rj = remove_redundant_jumps(g);
        if (rj < 0)
            return -1;
    } while (rn + rj > 0);
    return 0;
}

static void remove_redundant_nops_and_pairs(CfgGraph *g)
{
    int done = 0;
    while (!done) {
        done = 1;
        CfgInstr *prev = NULL, *in = NULL;
        for (CfgBlock *b = g->entry; b; b = b->next) {
            remove_redundant_nops_block(b);
            if (b->label >= 0)
                in = NULL;
            for (int i = 0; i < b->n; i++) {
                prev = in;
                in = &b->v[i];
                int prev_op = prev ? prev->op : 0;
                int prev_arg = prev ? prev->arg : 0;
                int redundant = 0;
                if (in->op == POP_TOP) {
                    if (prev_op == LOAD_CONST || prev_op == LOAD_SMALL_INT)
                        redundant = 1;
                    else if (prev_op == COPY && prev_arg == 1)
                        redundant = 1;
                }
                if (redundant) {
                    set_op0(prev, NOP);
                    set_op0(in, NOP);
                    done = 0;
                }
            }
            if ((in && AdOpcode_HasJump(in->op)) || !HAS_FALLTHROUGH(b))
                in = NULL;
        }
    }
}

/* ---- unused constants ---- */

static int remove_unused_consts(CfgGraph *g, ObjList *consts)
{
    int n = consts->n;
    if (n == 0)
        return 0;
    int *index_map = malloc((size_t)n * sizeof(int));
    int *reverse = malloc((size_t)n * sizeof(int));
    if (!index_map || !reverse) {
        free(index_map);
        free(reverse);
        return -1;
    }
    for (int i = 1; i < n; i++)
        index_map[i] = -1;
    index_map[0] = 0;
    for (CfgBlock *b = g->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (b->v[i].op == LOAD_CONST)
                index_map[b->v[i].arg] = b->v[i].arg;
    int used = 0;
    for (int i = 0; i < n; i++)
        if (index_map[i] != -1)
            index_map[used++] = index_map[i];
    if (used == n) {
        free(index_map);
        free(reverse);
        return 0;
    }
    for (int i = 0; i < n; i++)
        reverse[i] = -1;
    AdObject **newv = malloc((size_t)(unsigned)n * sizeof *newv);
    if (!newv) {
        free(index_map);
        free(reverse);
        return -1;
    }
    int *keep = calloc((size_t)n, sizeof(int));
    for (int i = 0; i < used; i++) {
        newv[i] = consts->v[index_map[i]];
        reverse[index_map[i]] = i;
        if (keep)
            keep[index_map[i]] = 1;
    }
    for (int i = 0; i < n; i++)
        if (keep && !keep[i])
            Ad_DECREF(consts->v[i]);
    free(keep);
    memcpy(consts->v, newv, (size_t)used * sizeof *newv);
    consts->n = used;
    free(newv);
    for (CfgBlock *b = g->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (b->v[i].op == LOAD_CONST)
                b->v[i].arg = reverse[b->v[i].arg];
    free(index_map);
    free(reverse);
    return 0;
}

/* ---- LOAD_FAST_CHECK ---- */

typedef struct {
    uint64_t *masks;   /* per block (indexed by block order id) */
} UnsafeState;

static void maybe_push(CfgBlock *b, uint64_t unsafe, CfgBlock ***sp)
{
    uint64_t both = b->unsafe_mask | unsafe;
    if (b->unsafe_mask != both) {
        b->unsafe_mask = both;
        if (!b->visited) {
            *(*sp)++ = b;
            b->visited = 1;
        }
    }
}

static void scan_block_for_locals(CfgBlock *b, CfgBlock ***sp)
{
    uint64_t unsafe = b->unsafe_mask;
    for (int i = 0; i < b->n; i++) {
        CfgInstr *in = &b->v[i];
        if (in->except)
            maybe_push(in->except, unsafe, sp);
        if (in->arg >= 64 || in->arg < 0)
            continue;
        uint64_t bit = (uint64_t)1 << in->arg;
        switch (in->op) {
        case DELETE_FAST:
        case LOAD_FAST_AND_CLEAR:
        case STORE_FAST_MAYBE_NULL:
            unsafe |= bit;
            break;
        case STORE_FAST:
            unsafe &= ~bit;
            break;
        case LOAD_FAST_CHECK:
            unsafe &= ~bit;
            break;
        case LOAD_FAST:
            if (unsafe & bit)
                in->op = LOAD_FAST_CHECK;
            unsafe &= ~bit;
            break;
        }
    }
    if (b->next && HAS_FALLTHROUGH(b))
        maybe_push(b->next, unsafe, sp);
    CfgInstr *last = last_instr(b);
    if (last && AdOpcode_HasJump(last->op))
        maybe_push(last->target, unsafe, sp);
}

static int fast_scan_many_locals(CfgGraph *g, int nlocals)
{
    if (nlocals <= 64)
        return 0;
    int64_t *states = calloc((size_t)(unsigned)(nlocals - 64), sizeof *states);
    if (!states)
        return -1;
    int64_t blocknum = 0;
    for (CfgBlock *b = g->entry; b; b = b->next) {
        blocknum++;
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            int arg = in->arg;
            if (arg < 64 || arg >= nlocals)
                continue;
            switch (in->op) {
            case DELETE_FAST:
            case LOAD_FAST_AND_CLEAR:
            case STORE_FAST_MAYBE_NULL:
                states[arg - 64] = blocknum - 1;
                break;
            case STORE_FAST:
                states[arg - 64] = blocknum;
                break;
            case LOAD_FAST:
                if (states[arg - 64] != blocknum)
                    in->op = LOAD_FAST_CHECK;
                states[arg - 64] = blocknum;
                break;
            }
        }
    }
    free(states);
    return 0;
}

static int add_checks_for_loads_of_uninitialized(CfgGraph *g, int nlocals, int nparams)
{
    if (nlocals == 0)
        return 0;
    if (nlocals > 64) {
        if (fast_scan_many_locals(g, nlocals) < 0)
            return -1;
        nlocals = 64;
    }
    CfgBlock **stack = traversal_stack(g);
    if (!stack)
        return -1;
    for (CfgBlock *b = g->all; b; b = b->alloc_next)
        b->unsafe_mask = 0;
    CfgBlock **sp = stack;
    uint64_t start_mask = 0;
    for (int i = nparams; i < nlocals; i++)
        start_mask |= (uint64_t)1 << i;
    maybe_push(g->entry, start_mask, &sp);
    for (CfgBlock *b = g->entry; b; b = b->next)
        scan_block_for_locals(b, &sp);
    while (sp > stack) {
        CfgBlock *b = *--sp;
        b->visited = 0;
        scan_block_for_locals(b, &sp);
    }
    free(stack);
    return 0;
}

/* ---- superinstructions ---- */

static void make_super(CfgInstr *i1, CfgInstr *i2, int op)
{
    int l1 = i1->loc.lineno, l2 = i2->loc.lineno;
    if (l1 >= 0 && l2 >= 0 && l1 != l2)
        return;
    if (i1->arg >= 16 || i2->arg >= 16)
        return;
    set_op1(i1, op, (i1->arg << 4) | i2->arg);
    set_op0(i2, NOP);
}

static void insert_superinstructions(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            int nextop = i + 1 < b->n ? b->v[i + 1].op : 0;
            if (in->op == LOAD_FAST && nextop == LOAD_FAST)
                make_super(in, &b->v[i + 1], LOAD_FAST_LOAD_FAST);
            else if (in->op == STORE_FAST && nextop == LOAD_FAST)
                make_super(in, &b->v[i + 1], STORE_FAST_LOAD_FAST);
            else if (in->op == STORE_FAST && nextop == STORE_FAST)
                make_super(in, &b->v[i + 1], STORE_FAST_STORE_FAST);
        }
    }
    remove_redundant_nops(g);
}

/* ---- cold blocks ---- */

static int mark_warm(CfgGraph *g)
{
    CfgBlock **stack = traversal_stack(g);
    if (!stack)
        return -1;
    CfgBlock **sp = stack;
    *sp++ = g->entry;
    g->entry->visited = 1;
    while (sp > stack) {
        CfgBlock *b = *--sp;
        b->warm = 1;
        CfgBlock *next = b->next;
        if (next && HAS_FALLTHROUGH(b) && !next->visited) {
            *sp++ = next;
            next->visited = 1;
        }
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            if (AdOpcode_HasJump(in->op) && !in->target->visited) {
                *sp++ = in->target;
                in->target->visited = 1;
            }
        }
    }
    free(stack);
    return 0;
}

static int mark_cold(CfgGraph *g)
{
    if (mark_warm(g) < 0)
        return -1;
    CfgBlock **stack = traversal_stack(g);
    if (!stack)
        return -1;
    CfgBlock **sp = stack;
    for (CfgBlock *b = g->entry; b; b = b->next)
        if (b->except_handler) {
            *sp++ = b;
            b->visited = 1;
        }
    while (sp > stack) {
        CfgBlock *b = *--sp;
        b->cold = 1;
        CfgBlock *next = b->next;
        if (next && HAS_FALLTHROUGH(b) && !next->warm && !next->visited) {
            *sp++ = next;
            next->visited = 1;
        }
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            if (AdOpcode_HasJump(in->op)) {
                CfgBlock *t = in->target;
                if (!t->warm && !t->visited) {
                    *sp++ = t;
                    t->visited = 1;
                }
            }
        }
    }
    free(stack);
    return 0;
}

static int push_cold_blocks_to_end(CfgGraph *g)
{
    CfgBlock *entry = g->entry;
    if (!entry->next)
        return 0;
    if (mark_cold(g) < 0)
        return -1;
    for (CfgBlock *b = entry; b; b = b->next) {
        if (b->cold && HAS_FALLTHROUGH(b) && b->next && b->next->warm) {
            CfgBlock *ej = new_block(g);
            if (!ej)
                return -1;
            if (b->next->label < 0)
                b->next->label = next_label++;
            if (block_addop(ej, JUMP_NO_INTERRUPT, 0, NO_LOC, b->next) < 0)
                return -1;
            ej->cold = 1;
            ej->next = b->next;
            ej->predecessors = 1;
            b->next = ej;
        }
    }
    CfgBlock *cold = NULL, *cold_tail = NULL;
    CfgBlock *b = entry;
    while (b->next) {
        while (b->next && !b->next->cold)
            b = b->next;
        if (!b->next)
            break;
        CfgBlock *b_end = b->next;
        while (b_end->next && b_end->next->cold)
            b_end = b_end->next;
        if (!cold)
            cold = b->next;
        else
            cold_tail->next = b->next;
        cold_tail = b_end;
        b->next = b_end->next;
        b_end->next = NULL;
    }
    b->next = cold;
    if (cold)
        return remove_redundant_nops_and_jumps(g);
    return 0;
}

/* ---- the optimization pipeline ---- */

int cfg_optimize(Compiler *c, CUnit *u, CfgGraph *g, AdObject **consts_out)
{
    ConstCtx k = {&u->consts, c};
    mark_except_handlers(g);
    if (label_exception_targets(g) < 0)
        return comp_nomem(c);
    if (inline_small_or_no_lineno_blocks(g) < 0 || remove_unreachable(g) < 0 ||
        resolve_line_numbers(g) < 0)
        return comp_nomem(c);
    for (CfgBlock *b = g->entry; b; b = b->next)
        if (optimize_load_const_block(&k, b) < 0)
            goto error;
    for (CfgBlock *b = g->entry; b; b = b->next)
        if (optimize_basic_block(&k, b) < 0)
            goto error;
    remove_redundant_nops_and_pairs(g);
    if (remove_unreachable(g) < 0 || remove_redundant_nops_and_jumps(g) < 0)
        return comp_nomem(c);
    if (remove_unused_consts(g, &u->consts) < 0)
        return comp_nomem(c);
    if (add_checks_for_loads_of_uninitialized(g, u->varnames.n, u->ste->nvarnames) < 0)
        return comp_nomem(c);
    insert_superinstructions(g);
    if (push_cold_blocks_to_end(g) < 0 || resolve_line_numbers(g) < 0)
        return comp_nomem(c);
    AdObject *t = AdTuple_New(u->consts.n);
    if (!t)
        return comp_nomem(c);
    for (int i = 0; i < u->consts.n; i++)
        AdTuple_SET_ITEM(t, i, Ad_NewRef(u->consts.v[i]));
    *consts_out = t;
    return 0;
error:
    if (!AdErr_Occurred())
        return comp_nomem(c);
    return comp_nomem(c);
}

/* ---- stack depth ---- */

typedef struct {
    int popped, pushed;
} StackIO;

static int stack_io(int op, int oparg, StackIO *io)
{
    int po = 0, pu = 0;
    switch (op) {
    case NOP: case NOT_TAKEN: case RESUME: case EXTENDED_ARG: case CACHE: case DELETE_NAME:
    case DELETE_GLOBAL: case DELETE_FAST: case MAKE_CELL: case DELETE_DEREF:
    case COPY_FREE_VARS: case SETUP_ANNOTATIONS: case JUMP_FORWARD: case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT: case JUMP: case JUMP_NO_INTERRUPT: case POP_BLOCK:
    case SETUP_FINALLY: case SETUP_CLEANUP: case SETUP_WITH: case ANNOTATIONS_PLACEHOLDER:
        break;
    case POP_TOP: case POP_ITER: case END_FOR: case INTERPRETER_EXIT: case POP_EXCEPT:
    case STORE_NAME: case STORE_GLOBAL: case STORE_DEREF: case STORE_FAST:
    case STORE_FAST_MAYBE_NULL: case DELETE_ATTR: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: case EXIT_INIT_CHECK:
        po = 1; break;
    case PUSH_NULL: case LOAD_COMMON_CONSTANT: case LOAD_BUILD_CLASS: case LOAD_LOCALS:
    case LOAD_NAME: case LOAD_DEREF: case LOAD_CONST: case LOAD_SMALL_INT: case LOAD_FAST:
    case LOAD_FAST_BORROW: case LOAD_FAST_CHECK: case LOAD_FAST_AND_CLEAR: case LOAD_CLOSURE:
    case RETURN_GENERATOR:
        pu = 1; break;
    case LOAD_FAST_LOAD_FAST: case LOAD_FAST_BORROW_LOAD_FAST_BORROW:
        pu = 2; break;
    case END_SEND: case BINARY_OP: case CALL_INTRINSIC_2: case COMPARE_OP: case IS_OP:
    case CONTAINS_OP: case IMPORT_NAME: case SET_FUNCTION_ATTRIBUTE: case FORMAT_WITH_SPEC:
    case BUILD_TEMPLATE:
        po = 2; pu = 1; break;
    case UNARY_NEGATIVE: case UNARY_NOT: case UNARY_INVERT: case TO_BOOL: case CALL_INTRINSIC_1:
    case RETURN_VALUE: case GET_AITER: case GET_AWAITABLE: case YIELD_VALUE:
    case LOAD_FROM_DICT_OR_GLOBALS: case LOAD_FROM_DICT_OR_DEREF: case GET_ITER:
    case GET_YIELD_FROM_ITER: case MAKE_FUNCTION: case CONVERT_VALUE: case FORMAT_SIMPLE:
    case STORE_FAST_LOAD_FAST: case JUMP_IF_FALSE: case JUMP_IF_TRUE:
        po = 1; pu = 1; break;
    case BINARY_SLICE: po = 3; pu = 1; break;
    case STORE_SLICE: po = 4; break;
    case STORE_SUBSCR: po = 3; break;
    case DELETE_SUBSCR: case STORE_ATTR: case STORE_FAST_STORE_FAST: case END_ASYNC_FOR:
        po = 2; break;
    case RAISE_VARARGS: po = oparg; break;
    case GET_ANEXT: case IMPORT_FROM: case GET_LEN: case MATCH_MAPPING: case MATCH_SEQUENCE:
    case FOR_ITER: case LOAD_SPECIAL: case PUSH_EXC_INFO:
        po = 1; pu = 2; break;
    case SEND: case CHECK_EG_MATCH: case CHECK_EXC_MATCH: po = 2; pu = 2; break;
    case RERAISE: po = oparg + 1; pu = oparg; break;
    case CLEANUP_THROW: po = 3; pu = 2; break;
    case UNPACK_SEQUENCE: po = 1; pu = oparg; break;
    case UNPACK_EX: po = 1; pu = (oparg & 0xFF) + (oparg >> 8) + 1; break;
    case LOAD_GLOBAL: pu = 1 + (oparg & 1); break;
    case BUILD_STRING: case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_SLICE:
        po = oparg; pu = 1; break;
    case BUILD_MAP: po = oparg * 2; pu = 1; break;
    case LIST_EXTEND: case LIST_APPEND: case SET_ADD: case SET_UPDATE: case DICT_UPDATE:
        po = oparg + 1; pu = oparg; break;
    case DICT_MERGE: po = oparg + 4; pu = oparg + 3; break;
    case MAP_ADD: po = oparg + 2; pu = oparg; break;
    case LOAD_SUPER_ATTR: po = 3; pu = 1 + (oparg & 1); break;
    case LOAD_ATTR: po = 1; pu = 1 + (oparg & 1); break;
    case MATCH_CLASS: po = 3; pu = 1; break;
    case MATCH_KEYS: po = 2; pu = 3; break;
    case WITH_EXCEPT_START: po = 5; pu = 6; break;
    case CALL: po = 2 + oparg; pu = 1; break;
    case CALL_KW: po = 3 + oparg; pu = 1; break;
    case CALL_FUNCTION_EX: po = 4; pu = 1; break;
    case COPY: po = oparg; pu = oparg + 1; break;
    case SWAP: po = oparg; pu = oparg; break;
    case BUILD_INTERPOLATION: po = 2 + (oparg & 1); pu = 1; break;
    default:
        return -1;
    }
    io->popped = po;
    io->pushed = pu;
    return 0;
}

static int jump_effect(int op, int oparg, int *ok)
{
    return AdOpcode_StackEffect(op, oparg, 1, ok);
}

static int stackdepth_push(CfgBlock ***sp, CfgBlock *b, int depth)
{
    if (!(b->startdepth < 0 || b->startdepth == depth))
        return -1;
    if (b->startdepth < depth && b->startdepth < 100000) {
        b->startdepth = depth;
        *(*sp)++ = b;
    }
    return 0;
}

static int calculate_stackdepth(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next)
        b->startdepth = INT_MIN;
    CfgBlock **stack = traversal_stack(g);
    if (!stack)
        return -1;
    int maxdepth = 0;
    CfgBlock **sp = stack;
    if (stackdepth_push(&sp, g->entry, 0) < 0)
        goto error;
    while (sp != stack) {
        CfgBlock *b = *--sp;
        int depth = b->startdepth;
        CfgBlock *next = b->next;
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            int ok;
            int eff = AdOpcode_StackEffect(in->op, in->arg, 0, &ok);
            if (!ok)
                goto error;
            int new_depth = depth + eff;
            if (new_depth < 0)
                goto error;
            if (new_depth > maxdepth)
                maxdepth = new_depth;
            if (has_target(in->op) && in->op != END_ASYNC_FOR) {
                int target_depth = depth + jump_effect(in->op, in->arg, &ok);
                if (target_depth > maxdepth)
                    maxdepth = target_depth;
                if (stackdepth_push(&sp, in->target, target_depth) < 0)
                    goto error;
            }
            depth = new_depth;
            if (is_uncond_jump(in->op) || is_scope_exit(in->op)) {
                next = NULL;
                break;
            }
        }
        if (next && stackdepth_push(&sp, next, depth) < 0)
            goto error;
    }
    free(stack);
    return maxdepth;
error:
    free(stack);
    return -1;
}

/* ---- lowering ---- */

static int convert_pseudo_conditional_jumps(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            if (in->op == JUMP_IF_FALSE || in->op == JUMP_IF_TRUE) {
                in->op = in->op == JUMP_IF_FALSE ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
                CLoc loc = in->loc;
                CfgInstr copy = {COPY, 1, loc, NULL, in->except};
                CfgInstr tobool = {TO_BOOL, 0, loc, NULL, in->except};
                if (block_insert(b, i, &copy) < 0 || block_insert(b, i + 1, &tobool) < 0)
                    return -1;
                i += 2;
            }
        }
    }
    return 0;
}

static int convert_pseudo_ops(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            if (is_block_push(in->op))
                set_op0(in, NOP);
            else if (in->op == LOAD_CLOSURE)
                in->op = LOAD_FAST;
            else if (in->op == STORE_FAST_MAYBE_NULL)
                in->op = STORE_FAST;
        }
    }
    return remove_redundant_nops_and_jumps(g);
}

static int normalize_jumps(CfgGraph *g)
{
    for (CfgBlock *b = g->entry; b; b = b->next)
        b->visited = 0;
    for (CfgBlock *b = g->entry; b; b = b->next) {
        b->visited = 1;
        CfgInstr *last = last_instr(b);
        if (!last || !(last->op == POP_JUMP_IF_FALSE || last->op == POP_JUMP_IF_TRUE ||
                       last->op == POP_JUMP_IF_NONE || last->op == POP_JUMP_IF_NOT_NONE))
            continue;
        int is_forward = last->target->visited == 0;
        if (is_forward) {
            CLoc loc = last->loc;
            if (block_addop(b, NOT_TAKEN, 0, loc, NULL) < 0)
                return -1;
            continue;
        }
        int rev = 0;
        switch (last->op) {
        case POP_JUMP_IF_NOT_NONE: rev = POP_JUMP_IF_NONE; break;
        case POP_JUMP_IF_NONE: rev = POP_JUMP_IF_NOT_NONE; break;
        case POP_JUMP_IF_FALSE: rev = POP_JUMP_IF_TRUE; break;
        case POP_JUMP_IF_TRUE: rev = POP_JUMP_IF_FALSE; break;
        default: continue;
        }
        CfgBlock *target = last->target;
        CfgBlock *bj = new_block(g);
        if (!bj)
            return -1;
        CLoc loc = last->loc;
        if (block_addop(bj, NOT_TAKEN, 0, loc, NULL) < 0 ||
            block_addop(bj, JUMP, 0, loc, target) < 0)
            return -1;
        bj->startdepth = target->startdepth;
        last->op = rev;
        last->target = b->next;
        bj->cold = b->cold;
        bj->next = b->next;
        b->next = bj;
        bj->visited = 1;
        b = bj;
    }
    return 0;
}

/* ---- LOAD_FAST_BORROW ---- */

typedef struct {
    int instr, local;
} Ref;

enum { SUPPORT_KILLED = 1, STORED_AS_LOCAL = 2, REF_UNCONSUMED = 4 };
#define DUMMY_INSTR (-1)
#define NOT_LOCAL (-1)

typedef struct {
    Ref *v;
    int n, cap;
} RefStack;

static int ref_push(RefStack *s, int instr, int local)
{
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 32;
        Ref *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n].instr = instr;
    s->v[s->n].local = local;
    s->n++;
    return 0;
}

static Ref ref_pop(RefStack *s)
{
    Ref r = {DUMMY_INSTR, NOT_LOCAL};
    if (s->n > 0)
        r = s->v[--s->n];
    return r;
}

static void kill_local(uint8_t *flags, RefStack *refs, int local)
{
    for (int i = 0; i < refs->n; i++)
        if (refs->v[i].local == local && refs->v[i].instr >= 0)
            flags[refs->v[i].instr] |= SUPPORT_KILLED;
}

static void store_local(uint8_t *flags, RefStack *refs, int local, Ref r)
{
    kill_local(flags, refs, local);
    if (r.instr != DUMMY_INSTR)
        flags[r.instr] |= STORED_AS_LOCAL;
}

static void lf_push_block(CfgBlock ***sp, CfgBlock *target)
{
    if (!target->visited) {
        target->visited = 1;
        *(*sp)++ = target;
    }
}

#define PUSH_REF(ins, loc_) do { if (ref_push(&refs, (ins), (loc_)) < 0) goto fail; } while (0)

static int optimize_load_fast(CfgGraph *g)
{
    int status = -1;
    RefStack refs = {0};
    int max_instrs = 0;
    for (CfgBlock *b = g->entry; b; b = b->next)
        if (b->n > max_instrs)
            max_instrs = b->n;
    uint8_t *flags = malloc((size_t)max_instrs + 1);
    CfgBlock **blocks = traversal_stack(g);
    if (!flags || !blocks)
        goto fail;
    CfgBlock **sp = blocks;
    *sp++ = g->entry;
    g->entry->startdepth = 0;
    g->entry->visited = 1;
    while (sp != blocks) {
        CfgBlock *block = *--sp;
        memset(flags, 0, (size_t)block->n);
        refs.n = 0;
        for (int i = 0; i < block->startdepth; i++)
            PUSH_REF(DUMMY_INSTR, NOT_LOCAL);
        for (int i = 0; i < block->n; i++) {
            CfgInstr *in = &block->v[i];
            int op = in->op, oparg = in->arg;
            switch (op) {
            case DELETE_FAST:
                kill_local(flags, &refs, oparg);
                break;
            case LOAD_FAST:
                PUSH_REF(i, oparg);
                break;
            case LOAD_FAST_AND_CLEAR:
                kill_local(flags, &refs, oparg);
                PUSH_REF(i, oparg);
                break;
            case LOAD_FAST_LOAD_FAST:
                PUSH_REF(i, oparg >> 4);
                PUSH_REF(i, oparg & 15);
                break;
            case STORE_FAST: {
                Ref r = ref_pop(&refs);
                store_local(flags, &refs, oparg, r);
                break;
            }
            case STORE_FAST_LOAD_FAST: {
                Ref r = ref_pop(&refs);
                store_local(flags, &refs, oparg >> 4, r);
                PUSH_REF(i, oparg & 15);
                break;
            }
            case STORE_FAST_STORE_FAST: {
                Ref r = ref_pop(&refs);
                store_local(flags, &refs, oparg >> 4, r);
                r = ref_pop(&refs);
                store_local(flags, &refs, oparg & 15, r);
                break;
            }
            case COPY: {
                Ref r = refs.v[refs.n - oparg];
                PUSH_REF(r.instr, r.local);
                break;
            }
            case SWAP: {
                Ref tmp = refs.v[refs.n - 1];
                refs.v[refs.n - 1] = refs.v[refs.n - oparg];
                refs.v[refs.n - oparg] = tmp;
                break;
            }
            case FORMAT_SIMPLE: case GET_ANEXT: case GET_LEN: case GET_YIELD_FROM_ITER: case IMPORT_FROM:
            case MATCH_KEYS: case MATCH_MAPPING:
            case MATCH_SEQUENCE: case WITH_EXCEPT_START: {
                StackIO io;
                stack_io(op, oparg, &io);
                int net = io.pushed - io.popped;
                /* (the index pushed is the loop counter, as in CPython) */
                for (int j = 0; j < net; j++)
                    PUSH_REF(j, NOT_LOCAL);
                break;
            }
            case DICT_MERGE: case DICT_UPDATE: case LIST_APPEND: case LIST_EXTEND:
            case MAP_ADD: case RERAISE: case SET_ADD: case SET_UPDATE: {
                StackIO io;
                stack_io(op, oparg, &io);
                int net = io.popped - io.pushed;
                for (int j = 0; j < net; j++)
                    ref_pop(&refs);
                break;
            }
            case CHECK_EXC_MATCH:
                ref_pop(&refs);
                PUSH_REF(i, NOT_LOCAL);
                break;
            case FOR_ITER:
                lf_push_block(&sp, in->target);
                PUSH_REF(i, NOT_LOCAL);
                break;
            case LOAD_ATTR:
            case LOAD_SUPER_ATTR: {
                Ref self = ref_pop(&refs);
                if (op == LOAD_SUPER_ATTR) {
                    ref_pop(&refs);
                    ref_pop(&refs);
                }
                PUSH_REF(i, NOT_LOCAL);
                if (oparg & 1)
                    PUSH_REF(self.instr, self.local);
                break;
            }
            case LOAD_SPECIAL:
            case PUSH_EXC_INFO: {
                Ref tos = ref_pop(&refs);
                PUSH_REF(i, NOT_LOCAL);
                PUSH_REF(tos.instr, tos.local);
                break;
            }
            case SEND:
                lf_push_block(&sp, in->target);
                ref_pop(&refs);
                PUSH_REF(i, NOT_LOCAL);
                break;
            default: {
                StackIO io;
                if (stack_io(op, oparg, &io) < 0)
                    goto fail;
                if (has_target(op))
                    lf_push_block(&sp, in->target);
                if (!is_block_push(op)) {
                    for (int j = 0; j < io.popped; j++)
                        ref_pop(&refs);
                    for (int j = 0; j < io.pushed; j++)
                        PUSH_REF(i, NOT_LOCAL);
                }
                break;
            }
            }
        }
        CfgInstr *term = last_instr(block);
        if (term && block->next && !(is_uncond_jump(term->op) || is_scope_exit(term->op)))
            lf_push_block(&sp, block->next);
        for (int i = 0; i < refs.n; i++)
            if (refs.v[i].instr != -1)
                flags[refs.v[i].instr] |= REF_UNCONSUMED;

        for (int i = 0; i < block->n; i++) {
            if (!(flags[i] & (SUPPORT_KILLED | STORED_AS_LOCAL | REF_UNCONSUMED))) {
                CfgInstr *in = &block->v[i];
                if (in->op == LOAD_FAST)
                    in->op = LOAD_FAST_BORROW;
                else if (in->op == LOAD_FAST_LOAD_FAST)
                    in->op = LOAD_FAST_BORROW_LOAD_FAST_BORROW;
            }
        }
    }
    status = 0;
fail:
    free(refs.v);
    free(flags);
    free(blocks);
    return status;
}

/* ---- locals plus ---- */

int cfg_finalize(Compiler *c, CUnit *u, CfgGraph *g, int code_flags, int *stackdepth,
                 int *nlocalsplus, AdObject **lpnames, AdObject **lpkinds)
{
    if (convert_pseudo_conditional_jumps(g) < 0)
        return comp_nomem(c);
    int depth = calculate_stackdepth(g);
    if (depth < 0)
        return comp_error(c, NO_LOC, "compiler: invalid stack depth in %s", u->name);
    /* (CPython never reports a stack size below 1) */
    *stackdepth = depth > 0 ? depth : 1;
    int nlocals = u->varnames.n, ncells = u->cellvars.n, nfrees = u->freevars.n;
    int noffsets = ncells + nfrees;
    int *fixed = malloc(((size_t)noffsets + 1) * sizeof(int));
    if (!fixed)
        return comp_nomem(c);
    for (int i = 0; i < noffsets; i++)
        fixed[i] = nlocals + i;
    for (int i = 0; i < ncells; i++) {
        int vi = strlist_index(&u->varnames, u->cellvars.v[i]);
        if (vi >= 0)
            fixed[i] = vi;
    }
    /* prefix instructions */
    CfgBlock *entry = g->entry;
    if (code_flags & (AD_CO_GENERATOR | AD_CO_COROUTINE | AD_CO_ASYNC_GENERATOR)) {
        CLoc loc = {u->firstlineno, u->firstlineno, -1, -1};
        CfgInstr mk = {RETURN_GENERATOR, 0, loc, NULL, NULL};
        CfgInstr pt = {POP_TOP, 0, loc, NULL, NULL};
        if (block_insert(entry, 0, &mk) < 0 || block_insert(entry, 1, &pt) < 0)
            goto nomem;
    }
    if (ncells) {
        int nvars = ncells + nlocals;
        int *sorted = calloc((size_t)nvars, sizeof(int));
        if (!sorted)
            goto nomem;
        for (int i = 0; i < ncells; i++)
            sorted[fixed[i]] = i + 1;
        for (int i = 0, used = 0; used < ncells; i++) {
            int old = sorted[i] - 1;
            if (old == -1)
                continue;
            CfgInstr mc = {MAKE_CELL, old, NO_LOC, NULL, NULL};
            if (block_insert(entry, used, &mc) < 0) {
                free(sorted);
                goto nomem;
            }
            used++;
        }
        free(sorted);
    }
    if (nfrees) {
        CfgInstr cf = {COPY_FREE_VARS, nfrees, NO_LOC, NULL, NULL};
        if (block_insert(entry, 0, &cf) < 0)
            goto nomem;
    }
    int dropped = 0;
    for (int i = 0; i < noffsets; i++) {
        if (fixed[i] == i + nlocals)
            fixed[i] -= dropped;
        else
            dropped++;
    }
    for (CfgBlock *b = g->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->v[i];
            switch (in->op) {
            case MAKE_CELL: case LOAD_CLOSURE: case LOAD_DEREF: case STORE_DEREF:
            case DELETE_DEREF: case LOAD_FROM_DICT_OR_DEREF:
                if (in->arg >= 0 && in->arg < noffsets)
                    in->arg = fixed[in->arg];
                break;
            }
        }
    free(fixed);
    int nlp = nlocals + ncells + nfrees - dropped;
    *nlocalsplus = nlp;
    /* names and kinds */
    AdObject *names = AdTuple_New(nlp);
    unsigned char *kinds = calloc((size_t)nlp + 1, 1);
    if (!names || !kinds) {
        Ad_XDECREF(names);
        free(kinds);
        return comp_nomem(c);
    }
    /* argument kinds (3.14): positional 0x02, keyword 0x04, variadic 0x08 */
    enum { ARG_POS = 0x02, ARG_KW = 0x04, ARG_VAR = 0x08 };
    int npos = u->posonly, nposkw = u->argcount, nkw = u->kwonly;
    for (int i = 0; i < nlocals; i++) {
        int kind = AD_CO_FAST_LOCAL;
        if (i < u->ste->nvarnames && AdSymtableEntry_IsFunctionLike(u->ste)) {
            int k = i;
            if (k < npos)
                kind |= ARG_POS;
            else if ((k -= npos) < nposkw)
                kind |= ARG_POS | ARG_KW;
            else if ((k -= nposkw) < nkw)
                kind |= ARG_KW;
            else if ((k -= nkw) == 0 && u->ste->varargs)
                kind |= ARG_VAR | ARG_POS;
            else
                kind |= ARG_VAR | ARG_KW;
        }
        if (strlist_index(&u->hidden_ever, u->varnames.v[i]) >= 0 ||
            strlist_index(&u->fasthidden, u->varnames.v[i]) >= 0)
            kind |= AD_CO_FAST_HIDDEN;
        if (strlist_index(&u->cellvars, u->varnames.v[i]) >= 0)
            kind |= AD_CO_FAST_CELL;
        AdTuple_SET_ITEM(names, i, AdStr_InternFromString(u->varnames.v[i]));
        kinds[i] = (unsigned char)kind;
    }
    int nd = 0;
    for (int i = 0; i < ncells; i++) {
        if (strlist_index(&u->varnames, u->cellvars.v[i]) >= 0) {
            nd++;
            continue;
        }
        int off = i + nlocals - nd;
        AdTuple_SET_ITEM(names, off, AdStr_InternFromString(u->cellvars.v[i]));
        kinds[off] = AD_CO_FAST_CELL;
    }
    for (int i = 0; i < nfrees; i++) {
        int off = ncells + i + nlocals - nd;
        AdTuple_SET_ITEM(names, off, AdStr_InternFromString(u->freevars.v[i]));
        kinds[off] = AD_CO_FAST_FREE;
    }
    for (int i = 0; i < nlp; i++)
        if (!AdTuple_GET_ITEM(names, i)) {
            Ad_DECREF(names);
            free(kinds);
            return comp_nomem(c);
        }
    *lpnames = names;
    *lpkinds = AdBytes_FromStringAndSize((const char *)kinds, nlp);
    free(kinds);
    if (!*lpkinds)
        return comp_nomem(c);
    if (convert_pseudo_ops(g) < 0 || normalize_jumps(g) < 0 || optimize_load_fast(g) < 0)
        return comp_nomem(c);
    (void)count_blocks;
    return 0;
nomem:
    free(fixed);
    return comp_nomem(c);
}
