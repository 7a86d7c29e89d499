/* code.c: the code object (code.h): construction from the compiler's or
 * marshal's parts (AdCode_New), the attributes Python code reads
 * (co_code as the unspecialized bytecode, co_varnames/co_cellvars/
 * co_freevars from the locals-plus kinds, ...), co_lines() and
 * co_positions() decoded from the PEP 626 location table, replace() /
 * __replace__, _varname_from_oparg, repr, ==, hash, and the address to
 * line/location queries the traceback machinery uses. */
#include "objects/weakref.h"
#include "objects/code.h"

#include <string.h>

#include "compiler/instructions.h"
#include "memory/gc.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

static const unsigned char deopt_pairs[][2] = {
    {3, 44},
    {129, 44},
    {130, 44},
    {131, 44},
    {132, 44},
    {133, 44},
    {134, 44},
    {135, 44},
    {136, 44},
    {137, 44},
    {138, 44},
    {139, 44},
    {140, 44},
    {141, 44},
    {142, 44},
    {143, 52},
    {144, 52},
    {145, 52},
    {146, 52},
    {147, 52},
    {148, 52},
    {149, 52},
    {150, 52},
    {151, 55},
    {152, 55},
    {153, 55},
    {154, 52},
    {155, 52},
    {156, 52},
    {157, 52},
    {158, 52},
    {159, 52},
    {160, 52},
    {161, 52},
    {162, 52},
    {163, 52},
    {164, 52},
    {165, 52},
    {166, 56},
    {167, 56},
    {168, 56},
    {169, 57},
    {170, 57},
    {171, 70},
    {172, 70},
    {173, 70},
    {174, 70},
    {175, 75},
    {176, 75},
    {177, 80},
    {178, 80},
    {179, 80},
    {180, 80},
    {181, 80},
    {182, 80},
    {183, 80},
    {184, 80},
    {185, 80},
    {186, 80},
    {187, 80},
    {188, 80},
    {189, 80},
    {190, 82},
    {191, 82},
    {192, 92},
    {193, 92},
    {194, 96},
    {195, 96},
    {196, 128},
    {197, 106},
    {198, 110},
    {199, 110},
    {200, 110},
    {201, 38},
    {202, 38},
    {203, 39},
    {204, 39},
    {205, 39},
    {206, 39},
    {207, 39},
    {208, 39},
    {209, 119},
    {210, 119},
    {211, 119},
    {234, 9},
    {235, 30},
    {236, 10},
    {237, 70},
    {239, 77},
    {240, 28},
    {241, 103},
    {242, 100},
    {243, 101},
    {244, 102},
    {245, 128},
    {246, 35},
    {247, 120},
    {248, 68},
    {249, 96},
    {250, 52},
    {251, 55},
    {252, 4},
    {253, 75},
};

static unsigned char deopt_table[256];
static int deopt_ready;

static void init_deopt(void)
{
    for (int i = 0; i < 256; i++)
        deopt_table[i] = (unsigned char)i;
    for (size_t i = 0; i < sizeof deopt_pairs / sizeof *deopt_pairs; i++)
        deopt_table[deopt_pairs[i][0]] = deopt_pairs[i][1];
    deopt_ready = 1;
}

static int count_kind(AdObject *kinds, int kind)
{
    int n = 0;
    const unsigned char *k = (const unsigned char *)AdBytes_AS_STRING(kinds);
    for (Ad_ssize_t i = 0; i < AdBytes_GET_SIZE(kinds); i++)
        if (k[i] & kind)
            n++;
    return n;
}

AdObject *AdCode_New(const AdCodeConstructor *c)
{
    if (!c->code || !AdBytes_Check(c->code) || AdBytes_GET_SIZE(c->code) % 2 ||
        !c->consts || !AdTuple_Check(c->consts) || !c->names || !AdTuple_Check(c->names) ||
        !c->localsplusnames || !AdTuple_Check(c->localsplusnames) || !c->localspluskinds ||
        !AdBytes_Check(c->localspluskinds) ||
        AdTuple_GET_SIZE(c->localsplusnames) != AdBytes_GET_SIZE(c->localspluskinds)) {
        AdErr_BadInternalCall();
        return NULL;
    }
    Ad_ssize_t nunits = AdBytes_GET_SIZE(c->code) / 2;
    AdCodeObject *co = (AdCodeObject *)AdObject_NewVar(&AdCode_Type, nunits);
    if (!co)
        return NULL;
    memcpy(co->co_code_adaptive, AdBytes_AS_STRING(c->code), (size_t)nunits * 2);
    co->co_consts = Ad_NewRef(c->consts);
    co->co_names = Ad_NewRef(c->names);
    co->co_exceptiontable = Ad_NewRef(c->exceptiontable ? c->exceptiontable : AdBytes_FromStringAndSize("", 0));
    co->co_flags = c->flags;
    co->co_argcount = c->argcount;
    co->co_posonlyargcount = c->posonlyargcount;
    co->co_kwonlyargcount = c->kwonlyargcount;
    co->co_stacksize = c->stacksize;
    co->co_firstlineno = c->firstlineno;
    co->co_nlocalsplus = (int)AdTuple_GET_SIZE(c->localsplusnames);
    co->co_nlocals = count_kind(c->localspluskinds, AD_CO_FAST_LOCAL);
    co->co_ncellvars = count_kind(c->localspluskinds, AD_CO_FAST_CELL);
    co->co_nfreevars = count_kind(c->localspluskinds, AD_CO_FAST_FREE);
    co->co_framesize = co->co_nlocalsplus + co->co_stacksize + 10;
    co->co_version = 0;
    co->co_localsplusnames = Ad_NewRef(c->localsplusnames);
    co->co_localspluskinds = Ad_NewRef(c->localspluskinds);
    co->co_filename = Ad_NewRef(c->filename ? c->filename : Ad_None);
    co->co_name = Ad_NewRef(c->name);
    co->co_qualname = Ad_NewRef(c->qualname ? c->qualname : c->name);
    co->co_linetable = Ad_NewRef(c->linetable ? c->linetable : AdBytes_FromStringAndSize("", 0));
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    return (AdObject *)co;
}

static void code_dealloc(AdObject *o)
{
    AdCodeObject *co = (AdCodeObject *)o;
    if (co->co_weakreflist)
        AdObject_ClearWeakRefs(o);
    Ad_XDECREF(co->co_consts);
    Ad_XDECREF(co->co_names);
    Ad_XDECREF(co->co_exceptiontable);
    Ad_XDECREF(co->co_localsplusnames);
    Ad_XDECREF(co->co_localspluskinds);
    Ad_XDECREF(co->co_filename);
    Ad_XDECREF(co->co_name);
    Ad_XDECREF(co->co_qualname);
    Ad_XDECREF(co->co_linetable);
    AdObject_Free(o);
}

/* ---- the location table ---- */

typedef struct {
    const unsigned char *p, *end;
    int addr;                   /* code units at the start of the entry */
    int len;                    /* code units of the entry */
    int line, endline, col, endcol;
    int prevline;
} LocIter;

static unsigned int rd_varint(LocIter *it)
{
    unsigned int v = 0;
    int shift = 0;
    while (it->p < it->end) {
        unsigned char b = *it->p++;
        v |= (unsigned int)(b & 63) << shift;
        shift += 6;
        if (!(b & 64))
            break;
    }
    return v;
}

static int rd_svarint(LocIter *it)
{
    unsigned int u = rd_varint(it);
    return (u & 1) ? -(int)(u >> 1) : (int)(u >> 1);
}

static void loc_init(LocIter *it, AdCodeObject *co)
{
    it->p = (const unsigned char *)AdBytes_AS_STRING(co->co_linetable);
    it->end = it->p + AdBytes_GET_SIZE(co->co_linetable);
    it->addr = 0;
    it->len = 0;
    it->prevline = co->co_firstlineno;
}

/* Advance to the next entry; 0 at the end. */
static int loc_next(LocIter *it)
{
    it->addr += it->len;
    if (it->p >= it->end)
        return 0;
    unsigned char first = *it->p++;
    int code = (first >> 3) & 15;
    it->len = (first & 7) + 1;
    switch (code) {
    case 15:
        it->line = it->endline = it->col = it->endcol = -1;
        break;
    case 14:
        it->prevline += rd_svarint(it);
        it->line = it->prevline;
        it->endline = it->line + (int)rd_varint(it);
        it->col = (int)rd_varint(it) - 1;
        it->endcol = (int)rd_varint(it) - 1;
        break;
    case 13:
        it->prevline += rd_svarint(it);
        it->line = it->endline = it->prevline;
        it->col = it->endcol = -1;
        break;
    case 10: case 11: case 12:
        it->prevline += code - 10;
        it->line = it->endline = it->prevline;
        it->col = it->p < it->end ? *it->p++ : 0;
        it->endcol = it->p < it->end ? *it->p++ : 0;
        break;
    default: {
        unsigned char b2 = it->p < it->end ? *it->p++ : 0;
        it->line = it->endline = it->prevline;
        it->col = code * 8 + ((b2 >> 4) & 7);
        it->endcol = it->col + (b2 & 15);
        break;
    }
    }
    return 1;
}

int AdCode_Addr2Location(AdObject *code, int addr, int *line, int *endline, int *col, int *endcol)
{
    AdCodeObject *co = (AdCodeObject *)code;
    *line = *endline = *col = *endcol = -1;
    if (addr < 0) {
        *line = co->co_firstlineno;
        return 0;
    }
    int unit = addr / 2;
    LocIter it;
    loc_init(&it, co);
    while (loc_next(&it)) {
        if (unit >= it.addr && unit < it.addr + it.len) {
            *line = it.line;
            *endline = it.endline;
            *col = it.col;
            *endcol = it.endcol;
            return 0;
        }
    }
    return 0;
}

int AdCode_Addr2Line(AdObject *code, int addr)
{
    int l, el, c, ec;
    AdCode_Addr2Location(code, addr, &l, &el, &c, &ec);
    return l;
}

static AdObject *int_or_none(int v)
{
    return v < 0 ? Ad_NewRef(Ad_None) : AdInt_FromInt64(v);
}

static AdObject *code_co_lines(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdCodeObject *co = (AdCodeObject *)self;
    AdObject *list = AdList_New(0);
    if (!list)
        return NULL;
    LocIter it;
    loc_init(&it, co);
    int have = loc_next(&it);
    while (have) {
        int start = it.addr, line = it.line;
        int end = it.addr + it.len;
        while ((have = loc_next(&it)) && it.line == line)
            end = it.addr + it.len;
        AdObject *t = AdTuple_New(3);
        if (!t) {
            Ad_DECREF(list);
            return NULL;
        }
        AdTuple_SET_ITEM(t, 0, AdInt_FromInt64(start * 2));
        AdTuple_SET_ITEM(t, 1, AdInt_FromInt64(end * 2));
        AdTuple_SET_ITEM(t, 2, int_or_none(line));
        if (AdList_Append(list, t) < 0) {
            Ad_DECREF(t);
            Ad_DECREF(list);
            return NULL;
        }
        Ad_DECREF(t);
    }
    AdObject *r = AdObject_GetIter(list);
    Ad_DECREF(list);
    return r;
}

static AdObject *code_co_positions(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdCodeObject *co = (AdCodeObject *)self;
    AdObject *list = AdList_New(0);
    if (!list)
        return NULL;
    LocIter it;
    loc_init(&it, co);
    while (loc_next(&it)) {
        for (int k = 0; k < it.len; k++) {
            AdObject *t = AdTuple_New(4);
            if (!t) {
                Ad_DECREF(list);
                return NULL;
            }
            AdTuple_SET_ITEM(t, 0, int_or_none(it.line));
            AdTuple_SET_ITEM(t, 1, int_or_none(it.endline));
            AdTuple_SET_ITEM(t, 2, int_or_none(it.col));
            AdTuple_SET_ITEM(t, 3, int_or_none(it.endcol));
            int r = AdList_Append(list, t);
            Ad_DECREF(t);
            if (r < 0) {
                Ad_DECREF(list);
                return NULL;
            }
        }
    }
    AdObject *r = AdObject_GetIter(list);
    Ad_DECREF(list);
    return r;
}

/* ---- attributes ---- */

static AdObject *names_of_kind(AdCodeObject *co, int kind)
{
    int n = count_kind(co->co_localspluskinds, kind);
    AdObject *t = AdTuple_New(n);
    if (!t)
        return NULL;
    const unsigned char *k = (const unsigned char *)AdBytes_AS_STRING(co->co_localspluskinds);
    int j = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (k[i] & kind)
            AdTuple_SET_ITEM(t, j++, Ad_NewRef(AdTuple_GET_ITEM(co->co_localsplusnames, i)));
    return t;
}

static AdObject *get_varnames(AdObject *o, void *c) { (void)c; return names_of_kind((AdCodeObject *)o, AD_CO_FAST_LOCAL); }
static AdObject *get_cellvars(AdObject *o, void *c) { (void)c; return names_of_kind((AdCodeObject *)o, AD_CO_FAST_CELL); }
static AdObject *get_freevars(AdObject *o, void *c) { (void)c; return names_of_kind((AdCodeObject *)o, AD_CO_FAST_FREE); }

/* The bytecode without specializations: base opcodes, zeroed caches. */
static AdObject *code_bytes(AdCodeObject *co)
{
    if (!deopt_ready)
        init_deopt();
    Ad_ssize_t n = AD_SIZE(co);
    AdObject *b = AdBytes_FromStringAndSize(NULL, n * 2);
    if (!b)
        return NULL;
    unsigned char *out = (unsigned char *)AdBytes_AS_STRING(b);
    const unsigned char *in = (const unsigned char *)co->co_code_adaptive;
    for (Ad_ssize_t i = 0; i < n; i++) {
        int op = deopt_table[in[2 * i]];
        out[2 * i] = (unsigned char)op;
        out[2 * i + 1] = in[2 * i + 1];
        int caches = AdOpcode_CacheEntries(op);
        for (int k = 0; k < caches && i + 1 < n; k++) {
            i++;
            out[2 * i] = 0;
            out[2 * i + 1] = 0;
        }
    }
    return b;
}

static AdObject *get_code(AdObject *o, void *c)
{
    (void)c;
    return code_bytes((AdCodeObject *)o);
}

static AdGetSetDef code_getset[] = {
    {"co_varnames", get_varnames, NULL, NULL, NULL},
    {"co_cellvars", get_cellvars, NULL, NULL, NULL},
    {"co_freevars", get_freevars, NULL, NULL, NULL},
    {"co_code", get_code, NULL, NULL, NULL},
    {"_co_code_adaptive", get_code, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define OFF(f) ((Ad_ssize_t)offsetof(AdCodeObject, f))
static AdMemberDef code_members[] = {
    {"co_argcount", AD_T_INT, OFF(co_argcount), AD_READONLY, NULL},
    {"co_posonlyargcount", AD_T_INT, OFF(co_posonlyargcount), AD_READONLY, NULL},
    {"co_kwonlyargcount", AD_T_INT, OFF(co_kwonlyargcount), AD_READONLY, NULL},
    {"co_stacksize", AD_T_INT, OFF(co_stacksize), AD_READONLY, NULL},
    {"co_flags", AD_T_INT, OFF(co_flags), AD_READONLY, NULL},
    {"co_nlocals", AD_T_INT, OFF(co_nlocals), AD_READONLY, NULL},
    {"co_firstlineno", AD_T_INT, OFF(co_firstlineno), AD_READONLY, NULL},
    {"co_consts", AD_T_OBJECT, OFF(co_consts), AD_READONLY, NULL},
    {"co_names", AD_T_OBJECT, OFF(co_names), AD_READONLY, NULL},
    {"co_filename", AD_T_OBJECT, OFF(co_filename), AD_READONLY, NULL},
    {"co_name", AD_T_OBJECT, OFF(co_name), AD_READONLY, NULL},
    {"co_qualname", AD_T_OBJECT, OFF(co_qualname), AD_READONLY, NULL},
    {"co_linetable", AD_T_OBJECT, OFF(co_linetable), AD_READONLY, NULL},
    {"co_exceptiontable", AD_T_OBJECT, OFF(co_exceptiontable), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- methods ---- */

static AdObject *code_varname_from_oparg(AdObject *self, AdObject *arg)
{
    AdCodeObject *co = (AdCodeObject *)self;
    Ad_ssize_t i = AdInt_AsSsize_t(arg);
    if (i == -1 && AdErr_Occurred())
        return NULL;
    if (i < 0 || i >= co->co_nlocalsplus)
        return AdErr_Format(AdExc_IndexError, "tuple index out of range");
    return Ad_NewRef(AdTuple_GET_ITEM(co->co_localsplusnames, i));
}

static const char *const replace_keys[] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
    "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
    "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable",
    "co_exceptiontable", NULL,
};

/* Rebuild the locals-plus names and kinds from (varnames, cellvars, freevars). */
static int build_localsplus(AdObject *varnames, AdObject *cellvars, AdObject *freevars,
                            AdObject **names_out, AdObject **kinds_out)
{
    Ad_ssize_t nv = AdTuple_GET_SIZE(varnames), nc = AdTuple_GET_SIZE(cellvars),
               nf = AdTuple_GET_SIZE(freevars);
    Ad_ssize_t total = nv + nc + nf;
    AdObject *names = AdTuple_New(total);
    AdObject *kinds = AdBytes_FromStringAndSize(NULL, total);
    if (!names || !kinds) {
        Ad_XDECREF(names);
        Ad_XDECREF(kinds);
        return -1;
    }
    unsigned char *k = (unsigned char *)AdBytes_AS_STRING(kinds);
    Ad_ssize_t n = 0;
    for (Ad_ssize_t i = 0; i < nv; i++) {
        AdObject *nm = AdTuple_GET_ITEM(varnames, i);
        int kind = AD_CO_FAST_LOCAL;
        for (Ad_ssize_t j = 0; j < nc; j++)
            if (AdStr_Equal(nm, AdTuple_GET_ITEM(cellvars, j)))
                kind |= AD_CO_FAST_CELL;
        AdTuple_SET_ITEM(names, n, Ad_NewRef(nm));
        k[n++] = (unsigned char)kind;
    }
    for (Ad_ssize_t j = 0; j < nc; j++) {
        AdObject *nm = AdTuple_GET_ITEM(cellvars, j);
        int dup = 0;
        for (Ad_ssize_t i = 0; i < nv; i++)
            if (AdStr_Equal(nm, AdTuple_GET_ITEM(varnames, i)))
                dup = 1;
        if (dup)
            continue;
        AdTuple_SET_ITEM(names, n, Ad_NewRef(nm));
        k[n++] = AD_CO_FAST_CELL;
    }
    for (Ad_ssize_t j = 0; j < nf; j++) {
        AdTuple_SET_ITEM(names, n, Ad_NewRef(AdTuple_GET_ITEM(freevars, j)));
        k[n++] = AD_CO_FAST_FREE;
    }
    if (n != total) {
        AdObject *t = AdTuple_GetSlice(names, 0, n);
        Ad_DECREF(names);
        names = t;
        AdObject *kb = AdBytes_FromStringAndSize((const char *)k, n);
        Ad_DECREF(kinds);
        kinds = kb;
        if (!names || !kinds) {
            Ad_XDECREF(names);
            Ad_XDECREF(kinds);
            return -1;
        }
    }
    *names_out = names;
    *kinds_out = kinds;
    return 0;
}

static AdObject *code_replace(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                              AdObject *kwnames)
{
    AdCodeObject *co = (AdCodeObject *)self;
    if (nargs > 0)
        return AdErr_Format(AdExc_TypeError, "replace() takes no positional arguments");
    AdObject *vals[18] = {0};
    Ad_ssize_t nk = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t i = 0; i < nk; i++) {
        const char *kn = AdStr_AsUTF8(AdTuple_GET_ITEM(kwnames, i));
        int found = -1;
        for (int j = 0; replace_keys[j]; j++)
            if (kn && strcmp(kn, replace_keys[j]) == 0)
                found = j;
        if (found < 0)
            return AdErr_Format(AdExc_TypeError, "replace() got an unexpected keyword argument '%s'",
                                kn ? kn : "?");
        vals[found] = args[i];
    }
    AdCodeConstructor c;
    memset(&c, 0, sizeof c);
    int ints[7] = {co->co_argcount, co->co_posonlyargcount, co->co_kwonlyargcount,
                   co->co_nlocals, co->co_stacksize, co->co_flags, co->co_firstlineno};
    for (int j = 0; j < 7; j++) {
        if (vals[j]) {
            if (!AdInt_Check(vals[j]))
                return AdErr_Format(AdExc_TypeError, "%s must be an int, not %s",
                                    replace_keys[j] + 3, AD_TYPE(vals[j])->tp_name);
            int64_t v = AdInt_AsInt64(vals[j]);
            if (v == -1 && AdErr_Occurred())
                return NULL;
            ints[j] = (int)v;
        }
    }
    c.argcount = ints[0];
    c.posonlyargcount = ints[1];
    c.kwonlyargcount = ints[2];
    c.stacksize = ints[4];
    c.flags = ints[5];
    c.firstlineno = ints[6];
    AdObject *code = vals[7] ? Ad_NewRef(vals[7]) : code_bytes(co);
    if (!code)
        return NULL;
    c.code = code;
    c.consts = vals[8] ? vals[8] : co->co_consts;
    c.names = vals[9] ? vals[9] : co->co_names;
    c.filename = vals[13] ? vals[13] : co->co_filename;
    c.name = vals[14] ? vals[14] : co->co_name;
    c.qualname = vals[15] ? vals[15] : co->co_qualname;
    c.linetable = vals[16] ? vals[16] : co->co_linetable;
    c.exceptiontable = vals[17] ? vals[17] : co->co_exceptiontable;
    AdObject *lpn = NULL, *lpk = NULL;
    if (vals[10] || vals[11] || vals[12]) {
        AdObject *vn = vals[10] ? Ad_NewRef(vals[10]) : names_of_kind(co, AD_CO_FAST_LOCAL);
        AdObject *fv = vals[11] ? Ad_NewRef(vals[11]) : names_of_kind(co, AD_CO_FAST_FREE);
        AdObject *cv = vals[12] ? Ad_NewRef(vals[12]) : names_of_kind(co, AD_CO_FAST_CELL);
        int r = -1;
        if (vn && fv && cv && AdTuple_Check(vn) && AdTuple_Check(fv) && AdTuple_Check(cv))
            r = build_localsplus(vn, cv, fv, &lpn, &lpk);
        else if (vn && fv && cv)
            AdErr_Format(AdExc_TypeError, "co_varnames, co_freevars and co_cellvars must be tuples");
        Ad_XDECREF(vn);
        Ad_XDECREF(fv);
        Ad_XDECREF(cv);
        if (r < 0) {
            Ad_DECREF(code);
            return NULL;
        }
    } else {
        lpn = Ad_NewRef(co->co_localsplusnames);
        lpk = Ad_NewRef(co->co_localspluskinds);
    }
    c.localsplusnames = lpn;
    c.localspluskinds = lpk;
    AdObject *r = AdCode_New(&c);
    Ad_DECREF(code);
    Ad_DECREF(lpn);
    Ad_DECREF(lpk);
    return r;
}

static AdObject *code_co_lnotab_unused(AdObject *self, AdObject *unused);

static AdMethodDef code_methods[] = {
    {"co_lines", (void (*)(void))code_co_lines, AD_METH_NOARGS, NULL},
    {"co_positions", (void (*)(void))code_co_positions, AD_METH_NOARGS, NULL},
    {"replace", (void (*)(void))code_replace, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a copy of the code object with new values for the specified fields."},
    {"__replace__", (void (*)(void))code_replace, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "The same as replace()."},
    {"_varname_from_oparg", (void (*)(void))code_varname_from_oparg, AD_METH_O, NULL},
    {"__sizeof__", (void (*)(void))code_co_lnotab_unused, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdObject *code_co_lnotab_unused(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromInt64((int64_t)sizeof(AdCodeObject) + AD_SIZE(self) * 2);
}

/* ---- repr, ==, hash ---- */

static AdObject *code_repr(AdObject *o)
{
    AdCodeObject *co = (AdCodeObject *)o;
    const char *name = AdStr_AsUTF8(co->co_name);
    if (co->co_filename && AdStr_Check(co->co_filename))
        return AdStr_FromFormat("<code object %s at %p, file \"%s\", line %d>", name ? name : "?",
                                (void *)o, AdStr_AsUTF8(co->co_filename), co->co_firstlineno);
    return AdStr_FromFormat("<code object %s at %p, file ???, line %d>", name ? name : "?",
                            (void *)o, co->co_firstlineno);
}

static int consts_equal(AdObject *a, AdObject *b)
{
    if (AdTuple_GET_SIZE(a) != AdTuple_GET_SIZE(b))
        return 0;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(a); i++) {
        AdObject *x = AdTuple_GET_ITEM(a, i), *y = AdTuple_GET_ITEM(b, i);
        if (x == y)
            continue;
        if (AD_TYPE(x) != AD_TYPE(y))
            return 0;
        int r = AdObject_RichCompareBool(x, y, AD_EQ);
        if (r <= 0)
            return r;
    }
    return 1;
}

static AdObject *code_richcompare(AdObject *a, AdObject *b, int op)
{
    if ((op != AD_EQ && op != AD_NE) || !AdCode_Check(a) || !AdCode_Check(b))
        return Ad_NewRef(Ad_NotImplemented);
    AdCodeObject *x = (AdCodeObject *)a, *y = (AdCodeObject *)b;
    int eq = 1;
    if (a != b) {
        eq = AdStr_Equal(x->co_name, y->co_name) && x->co_argcount == y->co_argcount &&
             x->co_posonlyargcount == y->co_posonlyargcount &&
             x->co_kwonlyargcount == y->co_kwonlyargcount && x->co_flags == y->co_flags &&
             x->co_firstlineno == y->co_firstlineno && AD_SIZE(x) == AD_SIZE(y);
        if (eq) {
            AdObject *cx = code_bytes(x), *cy = code_bytes(y);
            if (!cx || !cy) {
                Ad_XDECREF(cx);
                Ad_XDECREF(cy);
                return NULL;
            }
            eq = memcmp(AdBytes_AS_STRING(cx), AdBytes_AS_STRING(cy), (size_t)AdBytes_GET_SIZE(cx)) == 0;
            Ad_DECREF(cx);
            Ad_DECREF(cy);
        }
        AdObject *pairs[][2] = {
            {x->co_names, y->co_names}, {x->co_localsplusnames, y->co_localsplusnames},
            {x->co_linetable, y->co_linetable}, {x->co_exceptiontable, y->co_exceptiontable},
        };
        for (size_t i = 0; eq && i < sizeof pairs / sizeof *pairs; i++) {
            int r = AdObject_RichCompareBool(pairs[i][0], pairs[i][1], AD_EQ);
            if (r < 0)
                return NULL;
            eq = r;
        }
        if (eq) {
            int r = consts_equal(x->co_consts, y->co_consts);
            if (r < 0)
                return NULL;
            eq = r;
        }
    }
    return Ad_NewRef((eq == (op == AD_EQ)) ? Ad_True : Ad_False);
}

static Ad_hash_t code_hash(AdObject *o)
{
    AdCodeObject *co = (AdCodeObject *)o;
    uint64_t h = 20221211;
    Ad_hash_t hn = AdObject_Hash(co->co_name);
    if (hn == -1)
        return -1;
    h = h * 1000003 ^ (uint64_t)hn;
    Ad_hash_t hc = AdObject_Hash(co->co_names);
    if (hc == -1)
        return -1;
    h = h * 1000003 ^ (uint64_t)hc;
    h = h * 1000003 ^ (uint64_t)co->co_argcount;
    h = h * 1000003 ^ (uint64_t)co->co_flags;
    h = h * 1000003 ^ (uint64_t)co->co_firstlineno;
    h = h * 1000003 ^ (uint64_t)AD_SIZE(co);
    /* Over the unspecialized instructions only (as co_code shows them):
     * the loop specializes in place and writes to the cache units, and a
     * code object's hash must not change while it runs. */
    if (!deopt_ready)
        init_deopt();
    const unsigned char *p = (const unsigned char *)co->co_code_adaptive;
    for (Ad_ssize_t i = 0; i < AD_SIZE(co); i++) {
        int op = deopt_table[p[2 * i]];
        h = (h * 31 + (uint64_t)op) * 31 + p[2 * i + 1];
        i += AdOpcode_CacheEntries(op);
    }
    Ad_hash_t r = (Ad_hash_t)h;
    if (r == -1)
        r = -2;
    return r;
}

AdTypeObject AdCode_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "code",
    .tp_basicsize = offsetof(AdCodeObject, co_code_adaptive),
    .tp_itemsize = sizeof(AdCodeUnit),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_richcompare = code_richcompare,
    .tp_weaklistoffset = offsetof(AdCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
    .tp_free = AdObject_Free,
};
