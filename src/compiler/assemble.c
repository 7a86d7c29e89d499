/* assemble.c -- the assembler: lays the optimized flow graph out as a
 * linear instruction sequence, resolves jump directions and offsets
 * (EXTENDED_ARG included), encodes the code units with their zeroed
 * inline cache entries, the exception table (varint entries: start,
 * length, target, depth<<1|lasti, as InternalDocs/exception_handling.md
 * describes) and the PEP 626 location table (InternalDocs/code_objects.md
 * and locations.md), and makes the code object. */
#include "compiler/compile_int.h"

#include <stdlib.h>
#include <string.h>

#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/str.h"
#include "objects/tuple.h"

typedef struct {
    int op, arg;
    CLoc loc;
    int target;            /* instruction index (jumps) */
    CfgBlock *handler;
    int offset;            /* code units */
} AsmInstr;

typedef struct {
    unsigned char *v;
    size_t n, cap;
} Buf;

static int buf_put(Buf *b, unsigned char c)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        unsigned char *v = realloc(b->v, cap);
        if (!v)
            return -1;
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = c;
    return 0;
}

static int ext_args(int oparg)
{
    return (oparg > 0xFFFFFF) + (oparg > 0xFFFF) + (oparg > 0xFF);
}

static int instr_size(const AsmInstr *in)
{
    return ext_args(in->arg) + 1 + AdOpcode_CacheEntries(in->op);
}

/* ---- exception table ---- */

int asm_write_varint(unsigned char *buf, unsigned int value)
{
    /* (helper for tests: the 6-bit big-endian chunks with bit 6 as
     * continuation, without the start marker) */
    int n = 0;
    if (value >= 1u << 24)
        buf[n++] = (unsigned char)(((value >> 24) & 0x3f) | 64);
    if (value >= 1u << 18)
        buf[n++] = (unsigned char)(((value >> 18) & 0x3f) | 64);
    if (value >= 1u << 12)
        buf[n++] = (unsigned char)(((value >> 12) & 0x3f) | 64);
    if (value >= 1u << 6)
        buf[n++] = (unsigned char)(((value >> 6) & 0x3f) | 64);
    buf[n++] = (unsigned char)(value & 0x3f);
    return n;
}

static int exc_item(Buf *b, int value, int msb)
{
    unsigned char tmp[8];
    int n = asm_write_varint(tmp, (unsigned int)value);
    tmp[0] |= (unsigned char)msb;
    for (int i = 0; i < n; i++)
        if (buf_put(b, tmp[i]) < 0)
            return -1;
    return 0;
}

static int exc_entry(Buf *b, int start, int end, int target, CfgBlock *h)
{
    int depth = h->startdepth - 1;
    if (h->preserve_lasti)
        depth -= 1;
    int depth_lasti = (depth << 1) | (h->preserve_lasti ? 1 : 0);
    if (exc_item(b, start, 1 << 7) < 0 || exc_item(b, end - start, 0) < 0 ||
        exc_item(b, target, 0) < 0 || exc_item(b, depth_lasti, 0) < 0)
        return -1;
    return 0;
}

/* ---- location table ---- */

typedef struct {
    Buf b;
    int lineno;
} LocWriter;

static int loc_first(LocWriter *w, int code, int length)
{
    return buf_put(&w->b, (unsigned char)(0x80 | (code << 3) | (length - 1)));
}

static int loc_varint(LocWriter *w, unsigned int val)
{
    while (val >= 64) {
        if (buf_put(&w->b, (unsigned char)(64 | (val & 63))) < 0)
            return -1;
        val >>= 6;
    }
    return buf_put(&w->b, (unsigned char)val);
}

static int loc_svarint(LocWriter *w, int val)
{
    unsigned int u;
    if (val < 0)
        u = ((0u - (unsigned int)val) << 1) | 1;
    else
        u = (unsigned int)val << 1;
    return loc_varint(w, u);
}

static int loc_entry(LocWriter *w, CLoc loc, int isize)
{
    if (loc.lineno < 0)
        return loc_first(w, 15, isize);
    int line_delta = loc.lineno - w->lineno;
    int column = loc.col, end_column = loc.end_col;
    if (column < 0 || end_column < 0) {
        if (loc.end_lineno == loc.lineno || loc.end_lineno < 0) {
            if (loc_first(w, 13, isize) < 0 || loc_svarint(w, line_delta) < 0)
                return -1;
            w->lineno = loc.lineno;
            return 0;
        }
    } else if (loc.end_lineno == loc.lineno) {
        if (line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column) {
            if (loc_first(w, column / 8, isize) < 0 ||
                buf_put(&w->b, (unsigned char)(((column % 8) << 4) | (end_column - column))) < 0)
                return -1;
            return 0;
        }
        if (line_delta >= 0 && line_delta < 3 && column < 128 && end_column < 128) {
            if (loc_first(w, 10 + line_delta, isize) < 0 ||
                buf_put(&w->b, (unsigned char)column) < 0 ||
                buf_put(&w->b, (unsigned char)end_column) < 0)
                return -1;
            w->lineno = loc.lineno;
            return 0;
        }
    }
    if (loc_first(w, 14, isize) < 0 || loc_svarint(w, line_delta) < 0 ||
        loc_varint(w, (unsigned int)(loc.end_lineno - loc.lineno)) < 0 ||
        loc_varint(w, (unsigned int)(loc.col + 1)) < 0 ||
        loc_varint(w, (unsigned int)(loc.end_col + 1)) < 0)
        return -1;
    w->lineno = loc.lineno;
    return 0;
}

static int loc_emit(LocWriter *w, CLoc loc, int isize)
{
    if (isize == 0)
        return 0;
    while (isize > 8) {
        if (loc_entry(w, loc, 8) < 0)
            return -1;
        isize -= 8;
    }
    return loc_entry(w, loc, isize);
}

/* ---- the assembler ---- */

static AdObject *strlist_tuple(const StrList *l)
{
    AdObject *t = AdTuple_New(l->n);
    if (!t)
        return NULL;
    for (int i = 0; i < l->n; i++) {
        AdObject *s = AdStr_InternFromString(l->v[i]);
        if (!s) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i, s);
    }
    return t;
}

AdObject *assemble_code(Compiler *c, CUnit *u, CfgGraph *g, AdObject *consts, int flags,
                        int stackdepth, AdObject *lpnames, AdObject *lpkinds)
{
    int n = 0;
    for (CfgBlock *b = g->entry; b; b = b->next) {
        b->offset = n;   /* instruction index of the block start */
        n += b->n;
    }
    AsmInstr *ins = calloc((size_t)n + 1, sizeof *ins);
    Buf code = {0}, exc = {0};
    LocWriter lw = {{0}, u->firstlineno};
    AdObject *co = NULL;
    if (!ins) {
        comp_nomem(c);
        return NULL;
    }
    int k = 0;
    for (CfgBlock *b = g->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            CfgInstr *ci = &b->v[i];
            AsmInstr *a = &ins[k];
            a->op = ci->op;
            a->arg = ci->arg;
            a->loc = ci->loc;
            a->handler = ci->except;
            a->target = -1;
            if (AdOpcode_HasJump(ci->op))
                a->target = ci->target->offset;
            k++;
        }
    }
    /* NEXT_LOCATION (line -2): the location of the instruction that follows */
    for (int i = n - 1; i >= 0; i--)
        if (ins[i].loc.lineno == -2)
            ins[i].loc = i + 1 < n ? ins[i + 1].loc : NO_LOC;
    /* resolve unconditional jump directions */
    for (int i = 0; i < n; i++) {
        AsmInstr *a = &ins[i];
        int fwd = a->target > i;
        if (a->op == JUMP)
            a->op = fwd ? JUMP_FORWARD : JUMP_BACKWARD;
        else if (a->op == JUMP_NO_INTERRUPT)
            a->op = fwd ? JUMP_FORWARD : JUMP_BACKWARD_NO_INTERRUPT;
    }
    /* jump offsets */
    for (int i = 0; i < n; i++)
        if (AdOpcode_HasJump(ins[i].op))
            ins[i].arg = 0;
    int again;
    do {
        int tot = 0;
        for (int i = 0; i < n; i++) {
            ins[i].offset = tot;
            tot += instr_size(&ins[i]);
        }
        again = 0;
        int offset = 0;
        for (int i = 0; i < n; i++) {
            AsmInstr *a = &ins[i];
            int isize = instr_size(a);
            offset += isize;
            if (AdOpcode_HasJump(a->op)) {
                int t = a->target < n ? ins[a->target].offset : tot;
                if (a->op == END_ASYNC_FOR) {
                    /* CPython counts from its SEND: SEND + 5 code units, where
                     * the END_SEND is once the CLEANUP_THROW has moved away */
                    for (int j = a->target; j >= 0 && j < n; j--)
                        if (ins[j].op == SEND) {
                            t = ins[j].offset + 5;
                            break;
                        }
                    a->arg = offset - t;
                }
                else if (t < offset)
                    a->arg = offset - t;
                else
                    a->arg = t - offset;
                if (instr_size(a) != isize)
                    again = 1;
            }
        }
    } while (again);
    if (getenv("ADDER_DEBUG_ASM")) {
        fprintf(stderr, "-- %s\n", u->qualname);
        for (int i = 0; i < n; i++)
            fprintf(stderr, "%4d %-28s %4d  %d:%d-%d:%d%s\n", ins[i].offset * 2, AdOpcode_Name(ins[i].op),
                    ins[i].arg, ins[i].loc.lineno, ins[i].loc.col, ins[i].loc.end_lineno,
                    ins[i].loc.end_col, ins[i].handler ? " H" : "");
    }
    /* code */
    for (int i = 0; i < n; i++) {
        AsmInstr *a = &ins[i];
        int arg = a->arg;
        int e = ext_args(arg);
        for (int s = e; s > 0; s--) {
            if (buf_put(&code, EXTENDED_ARG) < 0 || buf_put(&code, (unsigned char)((arg >> (8 * s)) & 0xFF)) < 0)
                goto nomem;
        }
        if (buf_put(&code, (unsigned char)a->op) < 0 || buf_put(&code, (unsigned char)(arg & 0xFF)) < 0)
            goto nomem;
        for (int j = 0; j < AdOpcode_CacheEntries(a->op); j++)
            if (buf_put(&code, 0) < 0 || buf_put(&code, 0) < 0)
                goto nomem;
    }
    /* exception table */
    {
        CfgBlock *h = NULL;
        int start = -1, ioff = 0;
        for (int i = 0; i < n; i++) {
            AsmInstr *a = &ins[i];
            if (a->handler != h) {
                if (h && exc_entry(&exc, start, ioff, ins[h->offset < n ? h->offset : n - 1].offset, h) < 0)
                    goto nomem;
                start = ioff;
                h = a->handler;
            }
            ioff += instr_size(a);
        }
        if (h && exc_entry(&exc, start, ioff, ins[h->offset < n ? h->offset : n - 1].offset, h) < 0)
            goto nomem;
    }
    /* location table */
    {
        CLoc loc = NO_LOC;
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (!LOC_SAME(loc, ins[i].loc)) {
                if (loc_emit(&lw, loc, size) < 0)
                    goto nomem;
                loc = ins[i].loc;
                size = 0;
            }
            size += instr_size(&ins[i]);
        }
        if (loc_emit(&lw, loc, size) < 0)
            goto nomem;
    }
    {
        AdCodeConstructor cc;
        memset(&cc, 0, sizeof cc);
        cc.filename = c->filename_obj;
        cc.name = AdStr_InternFromString(u->name);
        cc.qualname = AdStr_InternFromString(u->qualname);
        cc.flags = flags;
        cc.code = AdBytes_FromStringAndSize((const char *)code.v, (Ad_ssize_t)code.n);
        cc.firstlineno = u->firstlineno;
        cc.linetable = AdBytes_FromStringAndSize((const char *)lw.b.v, (Ad_ssize_t)lw.b.n);
        cc.consts = consts;
        cc.names = strlist_tuple(&u->names);
        cc.localsplusnames = lpnames;
        cc.localspluskinds = lpkinds;
        cc.argcount = u->argcount + u->posonly;
        cc.posonlyargcount = u->posonly;
        cc.kwonlyargcount = u->kwonly;
        cc.stacksize = stackdepth;
        cc.exceptiontable = AdBytes_FromStringAndSize((const char *)exc.v, (Ad_ssize_t)exc.n);
        if (cc.name && cc.qualname && cc.code && cc.linetable && cc.names && cc.exceptiontable)
            co = AdCode_New(&cc);
        Ad_XDECREF(cc.name);
        Ad_XDECREF(cc.qualname);
        Ad_XDECREF(cc.code);
        Ad_XDECREF(cc.linetable);
        Ad_XDECREF(cc.names);
        Ad_XDECREF(cc.exceptiontable);
        if (!co)
            comp_nomem(c);
    }
    free(ins);
    free(code.v);
    free(exc.v);
    free(lw.b.v);
    return co;
nomem:
    free(ins);
    free(code.v);
    free(exc.v);
    free(lw.b.v);
    comp_nomem(c);
    return NULL;
}
