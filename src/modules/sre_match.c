/* sre_match.c: re.Match (the result of a successful match: groups, spans,
 * expand, repr), the scanner (_sre.SRE_Scanner, behind finditer), the
 * replacement template (_sre.SRE_Template, made by _sre.template from the
 * list re._parser.parse_template returns) and the _sre module itself. */
#include <stdio.h>
#include <string.h>
#include "modules/sre_internal.h"
#include "import/builtin_modules.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))
#define MATCH(o) ((sre_match *)(o))

AdObject *sre_compile_impl(AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames);

AdObject *sre_no_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
}

/* ---- Match ---- */

AdObject *sre_match_new(sre_pattern *p, sre_state *st, int status)
{
    if (status < 0)
        return NULL;
    if (status == 0)
        return Ad_NewRef(Ad_None);
    Ad_ssize_t ng = p->groups + 1;
    sre_match *m = (sre_match *)AdObject_GC_NewVar(&SreMatch_Type, 2 * ng);
    if (!m)
        return NULL;
    m->string = Ad_NewRef(st->string);
    m->regs = NULL;
    m->pattern = (sre_pattern *)Ad_NewRef((AdObject *)p);
    m->groups = ng;
    m->pos = st->pos;
    m->endpos = st->endpos;
    m->lastindex = st->lastindex;
    m->mark[0] = st->start;
    m->mark[1] = st->ptr;
    for (Ad_ssize_t g = 0, j = 0; g < p->groups; g++, j += 2) {
        if (j + 1 <= st->lastmark && st->mark[j] >= 0 && st->mark[j + 1] >= 0 && st->mark[j] <= st->mark[j + 1]) {
            m->mark[j + 2] = st->mark[j];
            m->mark[j + 3] = st->mark[j + 1];
        }
        else
            m->mark[j + 2] = m->mark[j + 3] = -1;
    }
    AdObject_GC_Track((AdObject *)m);
    return (AdObject *)m;
}

static void match_dealloc(AdObject *self)
{
    sre_match *m = MATCH(self);
    AdObject_GC_UnTrack(self);
    AD_CLEAR(m->string);
    AD_CLEAR(m->regs);
    AD_CLEAR(m->pattern);
    AD_TYPE(self)->tp_free(self);
}

static int match_traverse(AdObject *self, visitproc visit, void *arg)
{
    sre_match *m = MATCH(self);
    if (m->string && visit(m->string, arg))
        return -1;
    if (m->regs && visit(m->regs, arg))
        return -1;
    if (m->pattern && visit((AdObject *)m->pattern, arg))
        return -1;
    return 0;
}

static int match_clear(AdObject *self)
{
    sre_match *m = MATCH(self);
    AD_CLEAR(m->string);
    AD_CLEAR(m->regs);
    AD_CLEAR(m->pattern);
    return 0;
}

/* The group number named by index (int or group name); -1 with IndexError. */
static Ad_ssize_t match_getindex(sre_match *m, AdObject *index)
{
    Ad_ssize_t i = -1;
    if (AD_TYPE(index)->tp_as_number && AD_TYPE(index)->tp_as_number->nb_index) {
        i = AdNumber_AsSsize_t(index, NULL);
        if (i == -1 && AdErr_Occurred())
            return -1;
    }
    else if (m->pattern->groupindex) {
        AdObject *v = AdDict_GetItemWithError(m->pattern->groupindex, index);
        if (!v && AdErr_Occurred()) {
            if (!AdErr_ExceptionMatches(AdExc_TypeError))
                return -1;
            AdErr_Clear();
        }
        if (v && AdInt_Check(v)) {
            i = AdInt_AsSsize_t(v);
            if (i == -1 && AdErr_Occurred())
                return -1;
        }
    }
    if (i < 0 || i >= m->groups) {
        AdErr_SetString(AdExc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static AdObject *match_getslice_by_index(sre_match *m, Ad_ssize_t i, AdObject *def)
{
    Ad_ssize_t a = m->mark[2 * i], b = m->mark[2 * i + 1];
    if (a < 0 || b < 0)
        return Ad_NewRef(def);
    return sre_getslice(m->pattern->isbytes == 1 || !AdStr_Check(m->string), m->string, a, b);
}

static AdObject *match_getslice(sre_match *m, AdObject *index, AdObject *def)
{
    Ad_ssize_t i = match_getindex(m, index);
    if (i < 0)
        return NULL;
    return match_getslice_by_index(m, i, def);
}

static AdObject *match_group(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    sre_match *m = MATCH(self);
    if (nargs == 0)
        return match_getslice_by_index(m, 0, Ad_None);
    if (nargs == 1)
        return match_getslice(m, args[0], Ad_None);
    AdObject *t = AdTuple_New(nargs);
    if (!t)
        return NULL;
    for (Ad_ssize_t k = 0; k < nargs; k++) {
        AdObject *x = match_getslice(m, args[k], Ad_None);
        if (!x) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, k, x);
    }
    return t;
}

static AdObject *match_subscript(AdObject *self, AdObject *key)
{
    return match_getslice(MATCH(self), key, Ad_None);
}

static AdObject *match_groups(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"default", NULL};
    AdObject *def = NULL;
    if ((nargs || kwnames) && AdArg_Parse("groups", args, nargs, kwnames, names, 0, 0, &def) < 0)
        return NULL;
    if (!def)
        def = Ad_None;
    sre_match *m = MATCH(self);
    AdObject *t = AdTuple_New(m->groups - 1);
    if (!t)
        return NULL;
    for (Ad_ssize_t i = 1; i < m->groups; i++) {
        AdObject *x = match_getslice_by_index(m, i, def);
        if (!x) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i - 1, x);
    }
    return t;
}

static AdObject *match_groupdict(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"default", NULL};
    AdObject *def = NULL;
    if ((nargs || kwnames) && AdArg_Parse("groupdict", args, nargs, kwnames, names, 0, 0, &def) < 0)
        return NULL;
    if (!def)
        def = Ad_None;
    sre_match *m = MATCH(self);
    AdObject *d = AdDict_New();
    if (!d || !m->pattern->groupindex)
        return d;
    Ad_ssize_t pos = 0;
    AdObject *k, *v;
    while (AdDict_Next(m->pattern->groupindex, &pos, &k, &v)) {
        Ad_INCREF(k);
        AdObject *x = match_getslice(m, k, def);
        int rc = x ? AdDict_SetItem(d, k, x) : -1;
        Ad_DECREF(k);
        Ad_XDECREF(x);
        if (rc < 0) {
            Ad_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static Ad_ssize_t match_group_arg(sre_match *m, const char *fname, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 0)
        return 0;
    return match_getindex(m, args[0]);
}

static AdObject *match_start(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t i = match_group_arg(MATCH(self), "start", args, nargs);
    return i < 0 ? NULL : AdInt_FromSsize_t(MATCH(self)->mark[2 * i]);
}

static AdObject *match_end(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t i = match_group_arg(MATCH(self), "end", args, nargs);
    return i < 0 ? NULL : AdInt_FromSsize_t(MATCH(self)->mark[2 * i + 1]);
}

static AdObject *make_span(Ad_ssize_t a, Ad_ssize_t b)
{
    AdObject *x = AdInt_FromSsize_t(a), *y = x ? AdInt_FromSsize_t(b) : NULL;
    AdObject *t = y ? AdTuple_Pack(2, x, y) : NULL;
    Ad_XDECREF(x);
    Ad_XDECREF(y);
    return t;
}

static AdObject *match_span(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    Ad_ssize_t i = match_group_arg(MATCH(self), "span", args, nargs);
    return i < 0 ? NULL : make_span(MATCH(self)->mark[2 * i], MATCH(self)->mark[2 * i + 1]);
}

static AdObject *match_expand(AdObject *self, AdObject *tmpl)
{
    AdObject *t = sre_compile_template(MATCH(self)->pattern, tmpl);
    if (!t)
        return NULL;
    AdObject *r = sre_template_expand(t, self);
    Ad_DECREF(t);
    return r;
}

static AdObject *match_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(self);
}

static AdObject *match_class_getitem(AdObject *cls, AdObject *args)
{
    return Ad_GenericAlias(cls, args);
}

static AdObject *match_get_regs(AdObject *self, void *c)
{
    (void)c;
    sre_match *m = MATCH(self);
    if (m->regs)
        return Ad_NewRef(m->regs);
    AdObject *t = AdTuple_New(m->groups);
    if (!t)
        return NULL;
    for (Ad_ssize_t i = 0; i < m->groups; i++) {
        AdObject *s = make_span(m->mark[2 * i], m->mark[2 * i + 1]);
        if (!s) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i, s);
    }
    m->regs = Ad_NewRef(t);
    return t;
}

static AdObject *match_get_string(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef(MATCH(self)->string);
}
static AdObject *match_get_re(AdObject *self, void *c)
{
    (void)c;
    return Ad_NewRef((AdObject *)MATCH(self)->pattern);
}
static AdObject *match_get_pos(AdObject *self, void *c)
{
    (void)c;
    return AdInt_FromSsize_t(MATCH(self)->pos);
}
static AdObject *match_get_endpos(AdObject *self, void *c)
{
    (void)c;
    return AdInt_FromSsize_t(MATCH(self)->endpos);
}
static AdObject *match_get_lastindex(AdObject *self, void *c)
{
    (void)c;
    if (MATCH(self)->lastindex >= 0)
        return AdInt_FromSsize_t(MATCH(self)->lastindex);
    return Ad_NewRef(Ad_None);
}
static AdObject *match_get_lastgroup(AdObject *self, void *c)
{
    (void)c;
    sre_match *m = MATCH(self);
    AdObject *ig = m->pattern->indexgroup;
    if (ig && m->lastindex >= 0 && m->lastindex < AdTuple_GET_SIZE(ig))
        return Ad_NewRef(AdTuple_GET_ITEM(ig, m->lastindex));
    return Ad_NewRef(Ad_None);
}

static AdObject *match_repr(AdObject *self)
{
    sre_match *m = MATCH(self);
    AdObject *g = match_getslice_by_index(m, 0, Ad_None);
    if (!g)
        return NULL;
    AdObject *r = AdStr_FromFormat("<%s object; span=(%zd, %zd), match=%.50R>", AD_TYPE(self)->tp_name,
                                   m->mark[0], m->mark[1], g);
    Ad_DECREF(g);
    return r;
}

static AdMethodDef match_methods[] = {
    {"group", FN(match_group), AD_METH_FASTCALL,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."},
    {"start", FN(match_start), AD_METH_FASTCALL, "Return index of the start of the substring matched by group."},
    {"end", FN(match_end), AD_METH_FASTCALL, "Return index of the end of the substring matched by group."},
    {"span", FN(match_span), AD_METH_FASTCALL, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", FN(match_groups), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"groupdict", FN(match_groupdict), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"expand", FN(match_expand), AD_METH_O,
     "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__", FN(match_copy), AD_METH_NOARGS, NULL},
    {"__deepcopy__", FN(match_copy), AD_METH_O, NULL},
    {"__class_getitem__", FN(match_class_getitem), AD_METH_O | AD_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef match_getset[] = {
    {"lastindex", match_get_lastindex, NULL, "The integer index of the last matched capturing group.", NULL},
    {"lastgroup", match_get_lastgroup, NULL, "The name of the last matched capturing group.", NULL},
    {"regs", match_get_regs, NULL, NULL, NULL},
    {"string", match_get_string, NULL, "The string passed to match() or search().", NULL},
    {"re", match_get_re, NULL, "The regular expression object.", NULL},
    {"pos", match_get_pos, NULL, "The index into the string at which the RE engine started looking for a match.", NULL},
    {"endpos", match_get_endpos, NULL, "The index into the string beyond which the RE engine will not go.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMappingMethods match_as_mapping = {
    .mp_subscript = match_subscript,
};

AdTypeObject SreMatch_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "re.Match",
    .tp_basicsize = offsetof(sre_match, mark),
    .tp_itemsize = sizeof(Ad_ssize_t),
    .tp_dealloc = match_dealloc,
    .tp_repr = match_repr,
    .tp_as_mapping = &match_as_mapping,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
    .tp_traverse = match_traverse,
    .tp_clear = match_clear,
    .tp_methods = match_methods,
    .tp_getset = match_getset,
    .tp_new = sre_no_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- Scanner ---- */

static void scanner_dealloc(AdObject *self)
{
    sre_scanner *s = (sre_scanner *)self;
    AdObject_GC_UnTrack(self);
    sre_state_fini(&s->state);
    AD_CLEAR(s->pattern);
    AD_TYPE(self)->tp_free(self);
}

static int scanner_traverse(AdObject *self, visitproc visit, void *arg)
{
    sre_scanner *s = (sre_scanner *)self;
    if (s->pattern && visit((AdObject *)s->pattern, arg))
        return -1;
    return 0;
}

static int scanner_clear(AdObject *self)
{
    AD_CLEAR(((sre_scanner *)self)->pattern);
    return 0;
}

static AdObject *scanner_run(AdObject *self, int search)
{
    sre_scanner *s = (sre_scanner *)self;
    sre_state *st = &s->state;
    if (s->exhausted || !s->pattern)
        Ad_RETURN_NONE;
    if (s->executing) {
        AdErr_SetString(AdExc_ValueError, "regular expression scanner already executing");
        return NULL;
    }
    s->executing = 1;
    sre_state_reset(st);
    st->ptr = st->start;
    int r = search ? sre_search(st, s->pattern->code) : sre_match_at(st, s->pattern->code, 0);
    s->executing = 0;
    if (r < 0)
        return NULL;
    AdObject *m = sre_match_new(s->pattern, st, r);
    if (r == 0 || !m)
        s->exhausted = 1;
    else {
        st->must_advance = st->ptr == st->start;
        st->start = st->ptr;
    }
    return m;
}

static AdObject *scanner_match(AdObject *self, AdObject *unused)
{
    (void)unused;
    return scanner_run(self, 0);
}
static AdObject *scanner_search(AdObject *self, AdObject *unused)
{
    (void)unused;
    return scanner_run(self, 1);
}
static AdObject *scanner_get_pattern(AdObject *self, void *c)
{
    (void)c;
    sre_scanner *s = (sre_scanner *)self;
    return Ad_NewRef(s->pattern ? (AdObject *)s->pattern : Ad_None);
}

static AdMethodDef scanner_methods[] = {
    {"match", FN(scanner_match), AD_METH_NOARGS, NULL},
    {"search", FN(scanner_search), AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef scanner_getset[] = {
    {"pattern", scanner_get_pattern, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject SreScanner_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_sre.SRE_Scanner",
    .tp_basicsize = sizeof(sre_scanner),
    .tp_dealloc = scanner_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_methods = scanner_methods,
    .tp_getset = scanner_getset,
    .tp_new = sre_no_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- Template ---- */

static void template_dealloc(AdObject *self)
{
    sre_template *t = (sre_template *)self;
    AdObject_GC_UnTrack(self);
    AD_CLEAR(t->literal0);
    for (Ad_ssize_t i = 0; i < AD_SIZE(t); i++)
        AD_CLEAR(t->items[i].literal);
    AD_TYPE(self)->tp_free(self);
}

static int template_traverse(AdObject *self, visitproc visit, void *arg)
{
    sre_template *t = (sre_template *)self;
    if (t->literal0 && visit(t->literal0, arg))
        return -1;
    for (Ad_ssize_t i = 0; i < AD_SIZE(t); i++)
        if (t->items[i].literal && visit(t->items[i].literal, arg))
            return -1;
    return 0;
}

static int template_clear(AdObject *self)
{
    sre_template *t = (sre_template *)self;
    AD_CLEAR(t->literal0);
    for (Ad_ssize_t i = 0; i < AD_SIZE(t); i++)
        AD_CLEAR(t->items[i].literal);
    return 0;
}

AdTypeObject SreTemplate_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_sre.SRE_Template",
    .tp_basicsize = offsetof(sre_template, items),
    .tp_itemsize = sizeof(((sre_template *)0)->items[0]),
    .tp_dealloc = template_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = template_traverse,
    .tp_clear = template_clear,
    .tp_new = sre_no_new,
    .tp_free = AdObject_GC_Del,
};

/* A literal of a template: NULL when empty. New ref. */
static AdObject *template_literal(AdObject *o)
{
    Ad_ssize_t n = AdObject_Size(o);
    if (n < 0) {
        AdErr_Clear();
        return Ad_NewRef(o);
    }
    return n ? Ad_NewRef(o) : NULL;
}

/* _sre.template(pattern, template) */
static AdObject *sre_template_fn(AdObject *module, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)module;
    if (AdArg_CheckPositional("template", nargs, 2, 2) < 0)
        return NULL;
    AdObject *list = args[1];
    if (!AdList_Check(list)) {
        AdErr_Format(AdExc_TypeError, "template() argument 2 must be list, not %.200s",
                     AdType_ShortName(AD_TYPE(list)));
        return NULL;
    }
    Ad_ssize_t n = AD_SIZE(list);
    if ((n & 1) == 0 || n < 1) {
        AdErr_SetString(AdExc_TypeError, "invalid template");
        return NULL;
    }
    n /= 2;
    sre_template *t = (sre_template *)AdObject_GC_NewVar(&SreTemplate_Type, n);
    if (!t)
        return NULL;
    t->literal0 = NULL;
    for (Ad_ssize_t i = 0; i < n; i++)
        t->items[i].literal = NULL;
    t->chunks = 1 + 2 * n;
    t->literal0 = template_literal(AdList_GET_ITEM(list, 0));
    for (Ad_ssize_t i = 0; i < n; i++) {
        Ad_ssize_t idx = AdInt_AsSsize_t(AdList_GET_ITEM(list, 2 * i + 1));
        if (idx == -1 && AdErr_Occurred()) {
            Ad_DECREF((AdObject *)t);
            return NULL;
        }
        if (idx < 0) {
            Ad_DECREF((AdObject *)t);
            AdErr_SetString(AdExc_TypeError, "invalid template");
            return NULL;
        }
        t->items[i].index = idx;
        t->items[i].literal = template_literal(AdList_GET_ITEM(list, 2 * i + 2));
    }
    AdObject_GC_Track((AdObject *)t);
    return (AdObject *)t;
}

AdObject *sre_template_expand(AdObject *tmpl, AdObject *match)
{
    sre_template *t = (sre_template *)tmpl;
    sre_match *m = MATCH(match);
    AdObject *list = AdList_New(0);
    if (!list)
        return NULL;
    if (t->literal0 && AdList_Append(list, t->literal0) < 0)
        goto fail;
    for (Ad_ssize_t i = 0; i < AD_SIZE(t); i++) {
        Ad_ssize_t g = t->items[i].index;
        if (g >= m->groups) {
            AdErr_SetString(AdExc_IndexError, "no such group");
            goto fail;
        }
        if (m->mark[2 * g] >= 0) {
            AdObject *x = match_getslice_by_index(m, g, Ad_None);
            if (!x)
                goto fail;
            int rc = AdList_Append(list, x);
            Ad_DECREF(x);
            if (rc < 0)
                goto fail;
        }
        if (t->items[i].literal && AdList_Append(list, t->items[i].literal) < 0)
            goto fail;
    }
    AdObject *r = sre_join(list, m->pattern->isbytes == 1 || !AdStr_Check(m->string));
    Ad_DECREF(list);
    return r;
fail:
    Ad_DECREF(list);
    return NULL;
}

/* ---- module functions ---- */

static AdObject *sre_compile_fn(AdObject *module, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)module;
    return sre_compile_impl(args, nargs, kwnames);
}

static AdObject *sre_getcodesize(AdObject *module, AdObject *unused)
{
    (void)module;
    (void)unused;
    return AdInt_FromSsize_t((Ad_ssize_t)sizeof(sre_code));
}

static int char_arg(AdObject *o, uint32_t *out)
{
    int64_t v = AdInt_AsInt64(o);
    if (v == -1 && AdErr_Occurred())
        return -1;
    *out = (uint32_t)v;
    return 0;
}

static AdObject *sre_ascii_iscased(AdObject *module, AdObject *o)
{
    (void)module;
    uint32_t c;
    if (char_arg(o, &c) < 0)
        return NULL;
    return AdBool_FromLong(c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z'));
}

static AdObject *sre_unicode_iscased_fn(AdObject *module, AdObject *o)
{
    (void)module;
    uint32_t c;
    if (char_arg(o, &c) < 0)
        return NULL;
    return AdBool_FromLong(sre_unicode_iscased(c));
}

static AdObject *sre_ascii_tolower(AdObject *module, AdObject *o)
{
    (void)module;
    uint32_t c;
    if (char_arg(o, &c) < 0)
        return NULL;
    return AdInt_FromSsize_t((c >= 'A' && c <= 'Z') ? c + 32 : c);
}

static AdObject *sre_unicode_tolower(AdObject *module, AdObject *o)
{
    (void)module;
    uint32_t c;
    if (char_arg(o, &c) < 0)
        return NULL;
    return AdInt_FromSsize_t(sre_lower_unicode(c));
}

static AdMethodDef sre_functions[] = {
    {"compile", FN(sre_compile_fn), AD_METH_FASTCALL | AD_METH_KEYWORDS, NULL},
    {"template", FN(sre_template_fn), AD_METH_FASTCALL,
     "template(pattern, template, /)\n--\n\n"
     "  template\n    A list containing interleaved literal strings (str or bytes) and group\n    indices (int), as returned by re._parser.parse_template():\n        [literal1, group1, literal2, ..., literalN].\n"},
    {"getcodesize", FN(sre_getcodesize), AD_METH_NOARGS, NULL},
    {"ascii_iscased", FN(sre_ascii_iscased), AD_METH_O, NULL},
    {"unicode_iscased", FN(sre_unicode_iscased_fn), AD_METH_O, NULL},
    {"ascii_tolower", FN(sre_ascii_tolower), AD_METH_O, NULL},
    {"unicode_tolower", FN(sre_unicode_tolower), AD_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitSre(void)
{
    if (AdType_Ready(&SrePattern_Type) < 0 || AdType_Ready(&SreMatch_Type) < 0 ||
        AdType_Ready(&SreScanner_Type) < 0 || AdType_Ready(&SreTemplate_Type) < 0)
        return NULL;
    AdObject *m = AdModule_New("_sre");
    if (!m)
        return NULL;
    if (AdModule_AddFunctions(m, sre_functions) < 0 ||
        AdModule_AddIntConstant(m, "MAGIC", SRE_MAGIC) < 0 ||
        AdModule_AddIntConstant(m, "CODESIZE", (int64_t)sizeof(sre_code)) < 0 ||
        AdModule_AddIntConstant(m, "MAXREPEAT", (int64_t)SRE_MAXREPEAT) < 0 ||
        AdModule_AddIntConstant(m, "MAXGROUPS", SRE_MAXGROUPS) < 0 ||
        AdModule_AddStringConstant(m, "copyright", " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
