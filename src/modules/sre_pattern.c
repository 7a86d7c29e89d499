/* sre_pattern.c: re.Pattern, the compiled regular expression of _sre:
 * _sre.compile, match/fullmatch/search, findall, finditer, scanner, sub,
 * subn, split, the attributes, copy, comparison, hash and repr. Messages
 * and results follow CPython 3.14. */
#include <stdio.h>
#include <string.h>
#include "modules/sre_internal.h"
#include "import/import.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/iterobject.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"

#define FN(f) ((void (*)(void))(f))
#define PAT(o) ((sre_pattern *)(o))

/* _sre.compile(pattern, flags, code, groups, groupindex, indexgroup) */
AdObject *sre_compile_impl(AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames);
AdObject *sre_compile_impl(AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"pattern", "flags", "code", "groups", "groupindex", "indexgroup", NULL};
    AdObject *v[6];
    if (AdArg_Parse("compile", args, nargs, kwnames, names, 0, 6, v) < 0)
        return NULL;
    AdObject *pattern = v[0], *code = v[2], *groupindex = v[4], *indexgroup = v[5];
    int64_t flags = AdInt_AsInt64(v[1]);
    if (flags == -1 && AdErr_Occurred())
        return NULL;
    Ad_ssize_t groups = AdNumber_AsSsize_t(v[3], AdExc_OverflowError);
    if (groups == -1 && AdErr_Occurred())
        return NULL;
    if (!AdList_Check(code)) {
        AdErr_Format(AdExc_TypeError, "compile() argument 'code' must be list, not %.200s",
                     AdType_ShortName(AD_TYPE(code)));
        return NULL;
    }
    if (!AdDict_Check(groupindex)) {
        AdErr_Format(AdExc_TypeError, "compile() argument 'groupindex' must be dict, not %.200s",
                     AdType_ShortName(AD_TYPE(groupindex)));
        return NULL;
    }
    if (!AdTuple_Check(indexgroup)) {
        AdErr_Format(AdExc_TypeError, "compile() argument 'indexgroup' must be tuple, not %.200s",
                     AdType_ShortName(AD_TYPE(indexgroup)));
        return NULL;
    }
    Ad_ssize_t n = AD_SIZE(code);
    sre_pattern *p = (sre_pattern *)AdObject_GC_New(&SrePattern_Type);
    if (!p)
        return NULL;
    p->groupindex = p->indexgroup = p->pattern = NULL;
    p->weakreflist = NULL;
    p->code = NULL;
    p->codesize = n;
    p->groups = groups;
    p->flags = (int)flags;
    p->code = AdMem_Malloc((size_t)(n ? n : 1) * sizeof(sre_code));
    if (!p->code) {
        Ad_DECREF((AdObject *)p);
        return AdErr_NoMemory();
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *o = AdList_GET_ITEM(code, i);
        int64_t x = AdInt_AsInt64(o);
        if (x == -1 && AdErr_Occurred()) {
            if (AdErr_ExceptionMatches(AdExc_OverflowError)) {
                AdErr_Clear();
                AdErr_SetString(AdExc_OverflowError, "regular expression code size limit exceeded");
            }
            Ad_DECREF((AdObject *)p);
            return NULL;
        }
        if (x < 0 || x > 0xFFFFFFFFll) {
            AdErr_SetString(AdExc_OverflowError, "regular expression code size limit exceeded");
            Ad_DECREF((AdObject *)p);
            return NULL;
        }
        p->code[i] = (sre_code)x;
    }
    if (groups < 0 || groups > SRE_MAXGROUPS || sre_validate(p->code, n, groups) < 0) {
        Ad_DECREF((AdObject *)p);
        AdErr_SetString(AdExc_RuntimeError, "invalid SRE code");
        return NULL;
    }
    if (pattern == Ad_None)
        p->isbytes = -1;
    else if (AdStr_Check(pattern))
        p->isbytes = 0;
    else {
        AdBuffer view;
        if (AdObject_GetBuffer(pattern, &view, AD_BUF_SIMPLE) < 0) {
            Ad_DECREF((AdObject *)p);
            return NULL;
        }
        AdBuffer_Release(&view);
        p->isbytes = 1;
    }
    p->pattern = Ad_NewRef(pattern);
    p->groupindex = AdDict_Copy(groupindex);
    if (!p->groupindex) {
        Ad_DECREF((AdObject *)p);
        return NULL;
    }
    p->indexgroup = Ad_NewRef(indexgroup);
    AdObject_GC_Track((AdObject *)p);
    return (AdObject *)p;
}

static void pattern_dealloc(AdObject *self)
{
    sre_pattern *p = PAT(self);
    AdObject_GC_UnTrack(self);
    if (p->weakreflist)
        AdObject_ClearWeakRefs(self);
    AD_CLEAR(p->groupindex);
    AD_CLEAR(p->indexgroup);
    AD_CLEAR(p->pattern);
    AdMem_Free(p->code);
    AD_TYPE(self)->tp_free(self);
}

static int pattern_traverse(AdObject *self, visitproc visit, void *arg)
{
    sre_pattern *p = PAT(self);
    if (p->groupindex && visit(p->groupindex, arg))
        return -1;
    if (p->indexgroup && visit(p->indexgroup, arg))
        return -1;
    if (p->pattern && visit(p->pattern, arg))
        return -1;
    return 0;
}

static int pattern_clear(AdObject *self)
{
    sre_pattern *p = PAT(self);
    AD_CLEAR(p->groupindex);
    AD_CLEAR(p->indexgroup);
    AD_CLEAR(p->pattern);
    return 0;
}

/* (string, pos=0, endpos=maxsize) */
static int parse_string_pos(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                            AdObject **string, Ad_ssize_t *pos, Ad_ssize_t *endpos)
{
    static const char *const names[] = {"string", "pos", "endpos", NULL};
    AdObject *v[3] = {NULL, NULL, NULL};
    if (!kwnames && nargs == 1)
        v[0] = args[0];
    else if (AdArg_Parse(fname, args, nargs, kwnames, names, 0, 1, v) < 0)
        return -1;
    *string = v[0];
    *pos = 0;
    *endpos = AD_SSIZE_T_MAX;
    if (v[1]) {
        *pos = AdNumber_AsSsize_t(v[1], AdExc_OverflowError);
        if (*pos == -1 && AdErr_Occurred())
            return -1;
    }
    if (v[2]) {
        *endpos = AdNumber_AsSsize_t(v[2], AdExc_OverflowError);
        if (*endpos == -1 && AdErr_Occurred())
            return -1;
    }
    return 0;
}

static AdObject *do_match(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                          const char *fname, int mode)
{
    AdObject *string;
    Ad_ssize_t pos, endpos;
    if (parse_string_pos(fname, args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    sre_state st;
    if (sre_state_init(&st, PAT(self), string, pos, endpos) < 0)
        return NULL;
    int r = mode == 2 ? sre_search(&st, PAT(self)->code) : sre_match_at(&st, PAT(self)->code, mode);
    AdObject *m = sre_match_new(PAT(self), &st, r);
    sre_state_fini(&st);
    return m;
}

static AdObject *pattern_match(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return do_match(self, args, nargs, kwnames, "match", 0);
}
static AdObject *pattern_fullmatch(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return do_match(self, args, nargs, kwnames, "fullmatch", 1);
}
static AdObject *pattern_search(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return do_match(self, args, nargs, kwnames, "search", 2);
}

/* Group g (1-based) of the state as a slice; unset: '' when empty_unset, else None. */
static AdObject *state_group(sre_state *st, Ad_ssize_t g, int empty_unset)
{
    Ad_ssize_t i = (g - 1) * 2;
    if (i + 1 > st->lastmark || st->mark[i] < 0 || st->mark[i + 1] < 0) {
        if (empty_unset)
            return sre_slice(st, 0, 0);
        return Ad_NewRef(Ad_None);
    }
    return sre_slice(st, st->mark[i], st->mark[i + 1]);
}

static AdObject *pattern_findall(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    AdObject *string;
    Ad_ssize_t pos, endpos;
    if (parse_string_pos("findall", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    sre_state st;
    if (sre_state_init(&st, PAT(self), string, pos, endpos) < 0)
        return NULL;
    AdObject *list = AdList_New(0);
    if (!list)
        goto fail;
    Ad_ssize_t groups = PAT(self)->groups;
    while (st.start <= st.endpos) {
        sre_state_reset(&st);
        st.ptr = st.start;
        int r = sre_search(&st, PAT(self)->code);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        AdObject *item;
        if (groups == 0)
            item = sre_slice(&st, st.start, st.ptr);
        else if (groups == 1)
            item = state_group(&st, 1, 1);
        else {
            item = AdTuple_New(groups);
            if (item)
                for (Ad_ssize_t g = 0; g < groups; g++) {
                    AdObject *x = state_group(&st, g + 1, 1);
                    if (!x) {
                        Ad_DECREF(item);
                        item = NULL;
                        break;
                    }
                    AdTuple_SET_ITEM(item, g, x);
                }
        }
        if (!item)
            goto fail;
        int rc = AdList_Append(list, item);
        Ad_DECREF(item);
        if (rc < 0)
            goto fail;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    sre_state_fini(&st);
    return list;
fail:
    Ad_XDECREF(list);
    sre_state_fini(&st);
    return NULL;
}

static AdObject *make_scanner(AdObject *self, AdObject *string, Ad_ssize_t pos, Ad_ssize_t endpos)
{
    sre_scanner *s = (sre_scanner *)AdObject_GC_New(&SreScanner_Type);
    if (!s)
        return NULL;
    s->pattern = NULL;
    s->executing = 0;
    s->exhausted = 0;
    memset(&s->state, 0, offsetof(sre_state, mark_inline));
    if (sre_state_init(&s->state, PAT(self), string, pos, endpos) < 0) {
        Ad_DECREF((AdObject *)s);
        return NULL;
    }
    s->pattern = (sre_pattern *)Ad_NewRef(self);
    AdObject_GC_Track((AdObject *)s);
    return (AdObject *)s;
}

static AdObject *pattern_scanner(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    AdObject *string;
    Ad_ssize_t pos, endpos;
    if (parse_string_pos("scanner", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    return make_scanner(self, string, pos, endpos);
}

static AdObject *pattern_finditer(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    AdObject *string;
    Ad_ssize_t pos, endpos;
    if (parse_string_pos("finditer", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    AdObject *sc = make_scanner(self, string, pos, endpos);
    if (!sc)
        return NULL;
    AdObject *search = AdObject_GetAttrString(sc, "search");
    Ad_DECREF(sc);
    if (!search)
        return NULL;
    AdObject *it = AdCallIter_New(search, Ad_None);
    Ad_DECREF(search);
    return it;
}

AdObject *sre_join(AdObject *list, int isbytes)
{
    if (!isbytes) {
        AdObject *empty = AdStr_FromString("");
        if (!empty)
            return NULL;
        AdObject *r = AdStr_Join(empty, list);
        Ad_DECREF(empty);
        return r;
    }
    AdObject *empty = AdBytes_FromStringAndSize("", 0);
    if (!empty)
        return NULL;
    AdObject *name = AdStr_FromString("join");
    AdObject *r = name ? AdObject_CallMethod(empty, name, &list, 1) : NULL;
    Ad_XDECREF(name);
    Ad_DECREF(empty);
    return r;
}

AdObject *sre_compile_template(sre_pattern *p, AdObject *repl)
{
    AdObject *re = AdImport_ImportModule("re");
    if (!re)
        return NULL;
    AdObject *f = AdObject_GetAttrString(re, "_compile_template");
    Ad_DECREF(re);
    if (!f)
        return NULL;
    AdObject *argv[2] = {(AdObject *)p, repl};
    AdObject *t = AdObject_Vectorcall(f, argv, 2, NULL);
    Ad_DECREF(f);
    if (t && !Ad_IS_TYPE(t, &SreTemplate_Type)) {
        Ad_DECREF(t);
        AdErr_SetString(AdExc_RuntimeError, "the result of compiling a replacement string is not a template");
        return NULL;
    }
    return t;
}

static int has_backslash(AdObject *s)
{
    if (AdStr_Check(s))
        return AdStr_FindChar(s, '\\', 0, AdStr_LENGTH(s)) >= 0;
    AdBuffer view;
    if (AdObject_GetBuffer(s, &view, AD_BUF_SIMPLE) < 0) {
        AdErr_Clear();
        return 1;
    }
    int r = memchr(view.buf, '\\', (size_t)view.len) != NULL;
    AdBuffer_Release(&view);
    return r;
}

static AdObject *do_sub(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames, int subn)
{
    static const char *const names[] = {"repl", "string", "count", NULL};
    AdObject *v[3] = {NULL, NULL, NULL};
    if (AdArg_Parse(subn ? "subn" : "sub", args, nargs, kwnames, names, 0, 2, v) < 0)
        return NULL;
    AdObject *repl = v[0], *string = v[1];
    Ad_ssize_t count = 0;
    if (v[2]) {
        count = AdNumber_AsSsize_t(v[2], AdExc_OverflowError);
        if (count == -1 && AdErr_Occurred())
            return NULL;
    }
    enum { LITERAL, TEMPLATE, CALLABLE } kind;
    AdObject *filter;
    if (AD_TYPE(repl)->tp_call) {
        kind = CALLABLE;
        filter = Ad_NewRef(repl);
    }
    else if (!has_backslash(repl)) {
        kind = LITERAL;
        filter = Ad_NewRef(repl);
    }
    else {
        filter = sre_compile_template(PAT(self), repl);
        if (!filter)
            return NULL;
        sre_template *t = (sre_template *)filter;
        if (AD_SIZE(t) == 0) {
            kind = LITERAL;
            AdObject *lit = t->literal0;
            if (!lit)
                lit = PAT(self)->isbytes == 1 ? AdBytes_FromStringAndSize("", 0) : AdStr_FromString("");
            else
                Ad_INCREF(lit);
            Ad_DECREF(filter);
            if (!lit)
                return NULL;
            filter = lit;
        }
        else
            kind = TEMPLATE;
    }
    sre_state st;
    if (sre_state_init(&st, PAT(self), string, 0, AD_SSIZE_T_MAX) < 0) {
        Ad_DECREF(filter);
        return NULL;
    }
    int literal_empty = 0;
    if (kind == LITERAL)
        literal_empty = AdObject_Size(filter) == 0;
    if (literal_empty < 0)
        AdErr_Clear();
    AdObject *list = AdList_New(0);
    if (!list)
        goto fail;
    Ad_ssize_t n = 0, i = 0;
    while (!count || n < count) {
        sre_state_reset(&st);
        st.ptr = st.start;
        int r = sre_search(&st, PAT(self)->code);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        Ad_ssize_t b = st.start, e = st.ptr;
        if (i < b) {
            AdObject *item = sre_slice(&st, i, b);
            if (!item)
                goto fail;
            int rc = AdList_Append(list, item);
            Ad_DECREF(item);
            if (rc < 0)
                goto fail;
        }
        if (kind == LITERAL) {
            if (!literal_empty && AdList_Append(list, filter) < 0)
                goto fail;
        }
        else {
            AdObject *m = sre_match_new(PAT(self), &st, 1);
            if (!m)
                goto fail;
            AdObject *item = kind == TEMPLATE ? sre_template_expand(filter, m) : AdObject_CallOneArg(filter, m);
            Ad_DECREF(m);
            if (!item)
                goto fail;
            if (item != Ad_None) {
                int rc = AdList_Append(list, item);
                Ad_DECREF(item);
                if (rc < 0)
                    goto fail;
            }
            else
                Ad_DECREF(item);
        }
        i = e;
        n++;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if (i < st.endpos) {
        AdObject *item = sre_slice(&st, i, st.endpos);
        if (!item)
            goto fail;
        int rc = AdList_Append(list, item);
        Ad_DECREF(item);
        if (rc < 0)
            goto fail;
    }
    int isbytes = st.isbytes;
    sre_state_fini(&st);
    Ad_DECREF(filter);
    AdObject *res = sre_join(list, isbytes);
    Ad_DECREF(list);
    if (!res || !subn)
        return res;
    AdObject *nn = AdInt_FromSsize_t(n);
    if (!nn) {
        Ad_DECREF(res);
        return NULL;
    }
    AdObject *t = AdTuple_Pack(2, res, nn);
    Ad_DECREF(res);
    Ad_DECREF(nn);
    return t;
fail:
    Ad_XDECREF(list);
    Ad_DECREF(filter);
    sre_state_fini(&st);
    return NULL;
}

static AdObject *pattern_sub(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return do_sub(self, args, nargs, kwnames, 0);
}
static AdObject *pattern_subn(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return do_sub(self, args, nargs, kwnames, 1);
}

static AdObject *pattern_split(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"string", "maxsplit", NULL};
    AdObject *v[2] = {NULL, NULL};
    if (AdArg_Parse("split", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    Ad_ssize_t maxsplit = 0;
    if (v[1]) {
        maxsplit = AdNumber_AsSsize_t(v[1], AdExc_OverflowError);
        if (maxsplit == -1 && AdErr_Occurred())
            return NULL;
    }
    sre_state st;
    if (sre_state_init(&st, PAT(self), v[0], 0, AD_SSIZE_T_MAX) < 0)
        return NULL;
    AdObject *list = AdList_New(0);
    if (!list)
        goto fail;
    Ad_ssize_t n = 0, last = st.start;
    while (!maxsplit || n < maxsplit) {
        sre_state_reset(&st);
        st.ptr = st.start;
        int r = sre_search(&st, PAT(self)->code);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        AdObject *item = sre_slice(&st, last, st.start);
        if (!item || AdList_Append(list, item) < 0) {
            Ad_XDECREF(item);
            goto fail;
        }
        Ad_DECREF(item);
        for (Ad_ssize_t g = 0; g < PAT(self)->groups; g++) {
            item = state_group(&st, g + 1, 0);
            if (!item || AdList_Append(list, item) < 0) {
                Ad_XDECREF(item);
                goto fail;
            }
            Ad_DECREF(item);
        }
        n++;
        st.must_advance = st.ptr == st.start;
        last = st.start = st.ptr;
    }
    AdObject *item = sre_slice(&st, last, st.endpos);
    if (!item || AdList_Append(list, item) < 0) {
        Ad_XDECREF(item);
        goto fail;
    }
    Ad_DECREF(item);
    sre_state_fini(&st);
    return list;
fail:
    Ad_XDECREF(list);
    sre_state_fini(&st);
    return NULL;
}

static AdObject *pattern_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(self);
}

static AdObject *pattern_class_getitem(AdObject *cls, AdObject *args)
{
    return Ad_GenericAlias(cls, args);
}

static AdObject *pattern_repr(AdObject *self)
{
    static const struct { int flag; const char *name; } flag_names[] = {
        {SRE_FLAG_IGNORECASE, "re.IGNORECASE"}, {SRE_FLAG_LOCALE, "re.LOCALE"},
        {SRE_FLAG_MULTILINE, "re.MULTILINE"}, {SRE_FLAG_DOTALL, "re.DOTALL"},
        {SRE_FLAG_UNICODE, "re.UNICODE"}, {SRE_FLAG_VERBOSE, "re.VERBOSE"},
        {SRE_FLAG_DEBUG, "re.DEBUG"}, {SRE_FLAG_ASCII, "re.ASCII"},
    };
    sre_pattern *p = PAT(self);
    AdObject *pr = AdObject_Repr(p->pattern);
    if (!pr)
        return NULL;
    if (AdStr_LENGTH(pr) > 200) {
        AdObject *cut = AdStr_Substring(pr, 0, 200);
        Ad_DECREF(pr);
        if (!cut)
            return NULL;
        pr = cut;
    }
    int flags = p->flags;
    /* the default UNICODE flag of str patterns is omitted */
    if (p->isbytes == 0 && (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (AdStrWriter_WriteASCII(&w, "re.compile(", 11) < 0 || AdStrWriter_WriteStr(&w, pr) < 0)
        goto fail;
    Ad_DECREF(pr);
    pr = NULL;
    if (flags) {
        int first = 1;
        if (AdStrWriter_WriteASCII(&w, ", ", 2) < 0)
            goto fail;
        for (size_t k = 0; k < sizeof(flag_names) / sizeof(flag_names[0]); k++) {
            if (!(flags & flag_names[k].flag))
                continue;
            if ((!first && AdStrWriter_WriteChar(&w, '|') < 0) ||
                AdStrWriter_WriteASCII(&w, flag_names[k].name, (Ad_ssize_t)strlen(flag_names[k].name)) < 0)
                goto fail;
            first = 0;
            flags &= ~flag_names[k].flag;
        }
        if (flags) {
            char buf[32];
            int len = snprintf(buf, sizeof buf, "%s0x%x", first ? "" : "|", (unsigned)flags);
            if (AdStrWriter_WriteASCII(&w, buf, len) < 0)
                goto fail;
        }
    }
    if (AdStrWriter_WriteChar(&w, ')') < 0)
        goto fail;
    return AdStrWriter_Finish(&w);
fail:
    Ad_XDECREF(pr);
    AdStrWriter_Dealloc(&w);
    return NULL;
}

static AdObject *pattern_richcompare(AdObject *a, AdObject *b, int op)
{
    if ((op != AD_EQ && op != AD_NE) || !Ad_IS_TYPE(b, &SrePattern_Type))
        Ad_RETURN_NOTIMPLEMENTED;
    if (a == b)
        return AdBool_FromLong(op == AD_EQ);
    sre_pattern *l = PAT(a), *r = PAT(b);
    int eq = l->flags == r->flags && l->isbytes == r->isbytes && l->codesize == r->codesize &&
             memcmp(l->code, r->code, (size_t)l->codesize * sizeof(sre_code)) == 0;
    if (eq) {
        eq = AdObject_RichCompareBool(l->pattern, r->pattern, AD_EQ);
        if (eq < 0)
            return NULL;
    }
    return AdBool_FromLong(op == AD_EQ ? eq : !eq);
}

static Ad_hash_t pattern_hash(AdObject *self)
{
    sre_pattern *p = PAT(self);
    Ad_hash_t h = AdObject_Hash(p->pattern);
    if (h == -1)
        return -1;
    uint64_t x = 1469598103934665603ull;
    for (Ad_ssize_t i = 0; i < p->codesize; i++)
        x = (x ^ p->code[i]) * 1099511628211ull;
    h ^= (Ad_hash_t)(x >> 1);
    h ^= p->flags ^ (p->isbytes << 16);
    if (h == -1)
        h = -2;
    return h;
}

static AdObject *pattern_get_groupindex(AdObject *self, void *c)
{
    (void)c;
    return AdDictProxy_New(PAT(self)->groupindex);
}
static AdObject *pattern_get_pattern(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(PAT(self)->pattern);
}
static AdObject *pattern_get_flags(AdObject *self, void *c)
{
    (void)c;
    return AdInt_FromSsize_t(PAT(self)->flags);
}
static AdObject *pattern_get_groups(AdObject *self, void *c)
{
    (void)c;
    return AdInt_FromSsize_t(PAT(self)->groups);
}

static AdMethodDef pattern_methods[] = {
    {"match", FN(pattern_match), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", FN(pattern_fullmatch), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Matches against all of the string."},
    {"search", FN(pattern_search), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Scan through string looking for a match, and return a corresponding match object instance.\n\n"
     "Return None if no position in the string matches."},
    {"sub", FN(pattern_sub), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."},
    {"subn", FN(pattern_subn), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", FN(pattern_findall), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"split", FN(pattern_split), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Split string by the occurrences of pattern."},
    {"finditer", FN(pattern_finditer), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\n"
     "For each match, the iterator returns a match object."},
    {"scanner", FN(pattern_scanner), AD_METH_FASTCALL | AD_METH_KEYWORDS, NULL},
    {"__copy__", FN(pattern_copy), AD_METH_NOARGS, NULL},
    {"__deepcopy__", FN(pattern_copy), AD_METH_O, NULL},
    {"__class_getitem__", FN(pattern_class_getitem), AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef pattern_getset[] = {
    {"groupindex", pattern_get_groupindex, NULL, "A dictionary mapping group names to group numbers.", NULL},
    {"pattern", pattern_get_pattern, NULL, "The pattern string from which the RE object was compiled.", NULL},
    {"flags", pattern_get_flags, NULL, "The regex matching flags.", NULL},
    {"groups", pattern_get_groups, NULL, "The number of capturing groups in the pattern.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject SrePattern_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "re.Pattern",
    .tp_basicsize = sizeof(sre_pattern),
    .tp_dealloc = pattern_dealloc,
    .tp_repr = pattern_repr,
    .tp_hash = pattern_hash,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Compiled regular expression object.",
    .tp_traverse = pattern_traverse,
    .tp_clear = pattern_clear,
    .tp_richcompare = pattern_richcompare,
    .tp_weaklistoffset = offsetof(sre_pattern, weakreflist),
    .tp_methods = pattern_methods,
    .tp_getset = pattern_getset,
    .tp_new = sre_no_new,
    .tp_free = AdObject_GC_Del,
};
