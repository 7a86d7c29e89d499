/* gcmodule.c: the gc module of Python 3.14 over the collector of
 * memory/gc.h: collect (with gc.callbacks called around it), enable,
 * disable, isenabled, counts and thresholds, debug flags, statistics,
 * object walks (get_objects, get_referrers, get_referents), is_tracked,
 * is_finalized, freeze/unfreeze/get_freeze_count, gc.garbage. */
#include "import/builtin_modules.h"
#include "memory/gc.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define FN(f) ((void (*)(void))(f))

/* Objects counted by the last gc.freeze() (Adder has no permanent
 * generation yet: frozen objects stay collectable). */
static Ad_ssize_t frozen_count;

static AdGCState *state(void)
{
    AdGCState *st = AdGC_State();
    if (!st)
        AdErr_SetString(AdExc_RuntimeError, "gc state unavailable");
    return st;
}

/* gc.callbacks(phase, info) for each callback; errors are reported as
 * unraisable, as CPython does. */
static int run_callbacks(AdObject *m, const char *phase, int gen, Ad_ssize_t collected)
{
    AdObject *cbs = AdDict_GetItemString(AdModule_GetDict(m), "callbacks");
    if (!cbs || !AdList_Check(cbs) || AdList_GET_SIZE(cbs) == 0)
        return 0;
    AdObject *info = AdDict_New();
    AdObject *ph = AdStr_FromString(phase);
    AdObject *g = AdInt_FromInt64(gen), *c = AdInt_FromInt64(collected), *u = AdInt_FromInt64(0);
    int rc = -1;
    if (info && ph && g && c && u && AdDict_SetItemString(info, "generation", g) == 0 &&
        AdDict_SetItemString(info, "collected", c) == 0 && AdDict_SetItemString(info, "uncollectable", u) == 0) {
        rc = 0;
        AdObject *copy = AdList_GetSlice(cbs, 0, AdList_GET_SIZE(cbs));
        for (Ad_ssize_t i = 0; copy && i < AdList_GET_SIZE(copy); i++) {
            AdObject *args[2] = {ph, info};
            AdObject *r = AdObject_Vectorcall(AdList_GET_ITEM(copy, i), args, 2, NULL);
            if (r)
                Ad_DECREF(r);
            else
                AdErr_Clear();
        }
        Ad_XDECREF(copy);
    }
    Ad_XDECREF(info);
    Ad_XDECREF(ph);
    Ad_XDECREF(g);
    Ad_XDECREF(c);
    Ad_XDECREF(u);
    return rc;
}

static AdObject *gc_collect(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"generation"};
    AdObject *a[1];
    if (ad_num_parse_args("collect", args, nargs, kwnames, NULL, names, 1, 0, 1, 0, a) < 0)
        return NULL;
    int64_t gen = 2;
    if (a[0]) {
        gen = AdInt_AsInt64(a[0]);
        if (gen == -1 && AdErr_Occurred())
            return NULL;
    }
    if (gen < 0 || gen >= AD_GC_NGENERATIONS) {
        AdErr_SetString(AdExc_ValueError, "invalid generation");
        return NULL;
    }
    if (run_callbacks(m, "start", (int)gen, 0) < 0)
        return NULL;
    Ad_ssize_t n = AdGC_Collect((int)gen);
    if (n < 0)
        return NULL;
    if (run_callbacks(m, "stop", (int)gen, n) < 0)
        return NULL;
    return AdInt_FromSsize_t(n);
}

static AdObject *gc_enable(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    AdGC_Enable();
    Ad_RETURN_NONE;
}

static AdObject *gc_disable(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    AdGC_Disable();
    Ad_RETURN_NONE;
}

static AdObject *gc_isenabled(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    return Ad_NewRef(AdBool_FromLong(AdGC_IsEnabled()));
}

static AdObject *gc_get_count(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    AdGCState *st = state();
    if (!st)
        return NULL;
    AdObject *t = AdTuple_New(AD_GC_NGENERATIONS);
    for (int i = 0; t && i < AD_GC_NGENERATIONS; i++) {
        AdObject *v = AdInt_FromInt64(st->gen[i].count);
        if (!v)
            AD_CLEAR(t);
        else
            AdTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static AdObject *gc_get_threshold(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    AdGCState *st = state();
    if (!st)
        return NULL;
    AdObject *t = AdTuple_New(AD_GC_NGENERATIONS);
    for (int i = 0; t && i < AD_GC_NGENERATIONS; i++) {
        AdObject *v = AdInt_FromInt64(st->gen[i].threshold);
        if (!v)
            AD_CLEAR(t);
        else
            AdTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static AdObject *gc_set_threshold(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "set_threshold() takes at least 1 argument (0 given)");
    if (nargs > 3)
        return AdErr_Format(AdExc_TypeError, "set_threshold() takes at most 3 arguments (%zd given)", nargs);
    AdGCState *st = state();
    if (!st)
        return NULL;
    int vals[3];
    for (Ad_ssize_t i = 0; i < nargs; i++) {
        int64_t v = AdInt_AsInt64(args[i]);
        if (v == -1 && AdErr_Occurred())
            return NULL;
        if (v > INT32_MAX || v < INT32_MIN) {
            AdErr_SetString(AdExc_OverflowError, "signed integer is greater than maximum");
            return NULL;
        }
        vals[i] = (int)v;
    }
    /* As in 3.14, the oldest generation's threshold is not settable. */
    for (Ad_ssize_t i = 0; i < nargs && i < AD_GC_NGENERATIONS - 1; i++)
        st->gen[i].threshold = vals[i];
    Ad_RETURN_NONE;
}

static AdObject *gc_get_debug(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    AdGCState *st = state();
    return st ? AdInt_FromInt64(st->debug) : NULL;
}

static AdObject *gc_set_debug(AdObject *m, AdObject *arg)
{
    (void)m;
    AdGCState *st = state();
    if (!st)
        return NULL;
    int64_t v = AdInt_AsInt64(arg);
    if (v == -1 && AdErr_Occurred())
        return NULL;
    st->debug = (int)v;
    Ad_RETURN_NONE;
}

static AdObject *gc_get_stats(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    AdGCState *st = state();
    if (!st)
        return NULL;
    AdObject *l = AdList_New(0);
    for (int i = 0; l && i < AD_GC_NGENERATIONS; i++) {
        AdObject *d = AdDict_New();
        AdObject *a = AdInt_FromInt64(st->collections[i]), *b = AdInt_FromInt64(st->collected[i]),
                 *c = AdInt_FromInt64(st->uncollectable[i]);
        int ok = d && a && b && c && AdDict_SetItemString(d, "collections", a) == 0 &&
                 AdDict_SetItemString(d, "collected", b) == 0 &&
                 AdDict_SetItemString(d, "uncollectable", c) == 0 && AdList_Append(l, d) == 0;
        Ad_XDECREF(d);
        Ad_XDECREF(a);
        Ad_XDECREF(b);
        Ad_XDECREF(c);
        if (!ok)
            AD_CLEAR(l);
    }
    return l;
}

/* ---- object walks ----------------------------------------------------------------------- */

/* Whether o is one of the objects the caller passed to gc, so that the
 * lists returned do not include the gc module's own argument tuple. */
static int append_object(AdObject *o, void *arg)
{
    AdObject **ctx = arg;       /* ctx[0]: result list, ctx[1]: objects to skip (tuple) or NULL */
    if (ctx[1] && o == ctx[1])
        return 0;
    return AdList_Append(ctx[0], o) < 0 ? -1 : 0;
}

static AdObject *gc_get_objects(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"generation"};
    AdObject *a[1];
    if (ad_num_parse_args("get_objects", args, nargs, kwnames, NULL, names, 1, 0, 1, 0, a) < 0)
        return NULL;
    int64_t gen = -1;
    if (a[0] && a[0] != Ad_None) {
        gen = AdInt_AsInt64(a[0]);
        if (gen == -1 && AdErr_Occurred())
            return NULL;
        if (gen >= AD_GC_NGENERATIONS) {
            AdErr_Format(AdExc_ValueError, "generation parameter must be less than the number of available generations (%d)",
                         AD_GC_NGENERATIONS);
            return NULL;
        }
        if (gen < 0) {
            AdErr_SetString(AdExc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
    }
    AdObject *l = AdList_New(0);
    if (!l)
        return NULL;
    AdObject *ctx[2] = {l, l};
    if (AdGC_VisitTracked((int)gen, append_object, ctx) < 0)
        AD_CLEAR(l);
    return l;
}

static int collect_referent(AdObject *o, void *arg)
{
    return o ? (AdList_Append((AdObject *)arg, o) < 0 ? -1 : 0) : 0;
}

static AdObject *gc_get_referents(AdObject *m, AdObject *args)
{
    (void)m;
    AdObject *l = AdList_New(0);
    for (Ad_ssize_t i = 0; l && i < AdTuple_GET_SIZE(args); i++) {
        AdObject *o = AdTuple_GET_ITEM(args, i);
        if (!AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_HAVE_GC) || !AD_TYPE(o)->tp_traverse)
            continue;
        if (AD_TYPE(o)->tp_traverse(o, collect_referent, l) < 0)
            AD_CLEAR(l);
    }
    return l;
}

typedef struct {
    AdObject *targets;          /* tuple */
    int found;
} referrer_search;

static int find_target(AdObject *o, void *arg)
{
    referrer_search *s = arg;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(s->targets); i++)
        if (AdTuple_GET_ITEM(s->targets, i) == o) {
            s->found = 1;
            return 1;
        }
    return 0;
}

static int check_referrer(AdObject *o, void *arg)
{
    AdObject **ctx = arg;       /* ctx[0]: result list, ctx[1]: targets tuple */
    if (o == ctx[0] || o == ctx[1] || !AD_TYPE(o)->tp_traverse)
        return 0;
    referrer_search s = {ctx[1], 0};
    AD_TYPE(o)->tp_traverse(o, find_target, &s);
    if (s.found && AdList_Append(ctx[0], o) < 0)
        return -1;
    return 0;
}

static AdObject *gc_get_referrers(AdObject *m, AdObject *args)
{
    (void)m;
    AdObject *l = AdList_New(0);
    if (!l)
        return NULL;
    AdObject *ctx[2] = {l, args};
    if (AdGC_VisitTracked(-1, check_referrer, ctx) < 0)
        AD_CLEAR(l);
    return l;
}

static AdObject *gc_is_tracked(AdObject *m, AdObject *o)
{
    (void)m;
    int t = AdType_HasFeature(AD_TYPE(o), AD_TPFLAGS_HAVE_GC) && AdObject_GC_IsTracked(o);
    return Ad_NewRef(AdBool_FromLong(t));
}

static AdObject *gc_is_finalized(AdObject *m, AdObject *o)
{
    (void)m;
    return Ad_NewRef(AdBool_FromLong(AdGC_IsFinalized(o)));
}

static int count_object(AdObject *o, void *arg)
{
    (void)o;
    (*(Ad_ssize_t *)arg)++;
    return 0;
}

static AdObject *gc_freeze(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    Ad_ssize_t n = 0;
    AdGC_VisitTracked(-1, count_object, &n);
    frozen_count += n;
    Ad_RETURN_NONE;
}

static AdObject *gc_unfreeze(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    frozen_count = 0;
    Ad_RETURN_NONE;
}

static AdObject *gc_get_freeze_count(AdObject *m, AdObject *u)
{
    (void)m;
    (void)u;
    return AdInt_FromSsize_t(frozen_count);
}

static AdMethodDef gc_methods[] = {
    {"enable", FN(gc_enable), AD_METH_NOARGS, "enable($module, /)\n--\n\nEnable automatic garbage collection."},
    {"disable", FN(gc_disable), AD_METH_NOARGS, "disable($module, /)\n--\n\nDisable automatic garbage collection."},
    {"isenabled", FN(gc_isenabled), AD_METH_NOARGS, "isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."},
    {"collect", FN(gc_collect), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "collect($module, /, generation=2)\n--\n\nRun the garbage collector.\n\nWith no arguments, run a full collection.  The optional argument\nmay be an integer specifying which generation to collect.  A ValueError\nis raised if the generation number is invalid.\n\nThe number of unreachable objects is returned."},
    {"get_debug", FN(gc_get_debug), AD_METH_NOARGS, "get_debug($module, /)\n--\n\nGet the garbage collection debugging flags."},
    {"set_debug", FN(gc_set_debug), AD_METH_O, "set_debug($module, flags, /)\n--\n\nSet the garbage collection debugging flags."},
    {"get_count", FN(gc_get_count), AD_METH_NOARGS, "get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts."},
    {"get_threshold", FN(gc_get_threshold), AD_METH_NOARGS, "get_threshold($module, /)\n--\n\nReturn the current collection thresholds."},
    {"set_threshold", FN(gc_set_threshold), AD_METH_FASTCALL, "set_threshold(threshold0, [threshold1, [threshold2]])\nSet the collection thresholds (the collection frequency).\n\nSetting 'threshold0' to zero disables collection.\n"},
    {"get_stats", FN(gc_get_stats), AD_METH_NOARGS, "get_stats($module, /)\n--\n\nReturn a list of dictionaries containing per-generation statistics."},
    {"get_objects", FN(gc_get_objects), AD_METH_FASTCALL | AD_METH_KEYWORDS, "get_objects($module, /, generation=None)\n--\n\nReturn a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", FN(gc_get_referrers), AD_METH_VARARGS, "get_referrers($module, /, *objs)\n--\n\nReturn the list of objects that directly refer to any of 'objs'."},
    {"get_referents", FN(gc_get_referents), AD_METH_VARARGS, "get_referents($module, /, *objs)\n--\n\nReturn the list of objects that are directly referred to by 'objs'."},
    {"is_tracked", FN(gc_is_tracked), AD_METH_O, "is_tracked($module, obj, /)\n--\n\nReturns true if the object is tracked by the garbage collector."},
    {"is_finalized", FN(gc_is_finalized), AD_METH_O, "is_finalized($module, obj, /)\n--\n\nReturns true if the object has been already finalized by the GC."},
    {"freeze", FN(gc_freeze), AD_METH_NOARGS, "freeze($module, /)\n--\n\nFreeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", FN(gc_unfreeze), AD_METH_NOARGS, "unfreeze($module, /)\n--\n\nUnfreeze all objects in the permanent generation."},
    {"get_freeze_count", FN(gc_get_freeze_count), AD_METH_NOARGS, "get_freeze_count($module, /)\n--\n\nReturn the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitGc(void)
{
    AdObject *m = AdModule_New("gc");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "This module provides access to the garbage collector for reference cycles.\n\n"
                                 "enable() -- Enable automatic garbage collection.\n"
                                 "disable() -- Disable automatic garbage collection.\n"
                                 "isenabled() -- Returns true if automatic collection is enabled.\n"
                                 "collect() -- Do a full collection right now.\n"
                                 "get_count() -- Return the current collection counts.\n"
                                 "get_stats() -- Return list of dictionaries containing per-generation stats.\n"
                                 "set_debug() -- Set debugging flags.\n"
                                 "get_debug() -- Get debugging flags.\n"
                                 "set_threshold() -- Set the collection thresholds.\n"
                                 "get_threshold() -- Return the current collection thresholds.\n"
                                 "get_objects() -- Return a list of all objects tracked by the collector.\n"
                                 "is_tracked() -- Returns true if a given object is tracked.\n"
                                 "is_finalized() -- Returns true if a given object has been already finalized.\n"
                                 "get_referrers() -- Return the list of objects that refer to an object.\n"
                                 "get_referents() -- Return the list of objects that an object refers to.\n"
                                 "freeze() -- Freeze all tracked objects and ignore them for future collections.\n"
                                 "unfreeze() -- Unfreeze all objects in the permanent generation.\n"
                                 "get_freeze_count() -- Return the number of objects in the permanent generation.\n") < 0 ||
        AdModule_AddFunctions(m, gc_methods) < 0 ||
        AdModule_Add(m, "garbage", AdList_New(0)) < 0 ||
        AdModule_Add(m, "callbacks", AdList_New(0)) < 0 ||
        AdModule_AddIntConstant(m, "DEBUG_STATS", 1) < 0 ||
        AdModule_AddIntConstant(m, "DEBUG_COLLECTABLE", 2) < 0 ||
        AdModule_AddIntConstant(m, "DEBUG_UNCOLLECTABLE", 4) < 0 ||
        AdModule_AddIntConstant(m, "DEBUG_SAVEALL", 32) < 0 ||
        AdModule_AddIntConstant(m, "DEBUG_LEAK", 38) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
