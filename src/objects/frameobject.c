/* frameobject.c: the frame type and FrameLocalsProxy (frame.h). A frame
 * object follows its frame record while the frame runs, takes the record
 * over when the frame ends first, and exposes the attributes CPython 3.14
 * gives frames. f_locals of a function frame is a write-through proxy
 * (PEP 667): reading and writing variables goes to the frame's slots
 * (through cells for captured variables); other keys live in an extra
 * dict kept on the frame object. */
#include "objects/frame.h"
#include "objects/bytes.h"
#include "objects/cell.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/alloc.h"
#include "memory/gc.h"
#include "vm/frame.h"

#include <stddef.h>
#include <string.h>

#define FO(o) ((AdFrameObject *)(o))

AdObject *ad_frameobject_new(AdFrame *f)
{
    AdFrameObject *fo = (AdFrameObject *)AdObject_GC_New(&AdFrame_Type);
    if (!fo)
        return NULL;
    fo->f_frame = f;
    fo->f_back = NULL;
    fo->f_trace = NULL;
    fo->f_extra_locals = NULL;
    fo->f_locals_cache = NULL;
    fo->f_lineno = -1;
    fo->f_trace_lines = 1;
    fo->f_trace_opcodes = 0;
    fo->f_owned = NULL;
    AdObject_GC_Track((AdObject *)fo);
    return (AdObject *)fo;
}

void ad_frameobject_take_ownership(AdObject *o, AdFrame *f)
{
    AdFrameObject *fo = FO(o);
    size_t words = vm_frame_words((AdCodeObject *)f->f_code);
    AdFrame *dst = AdMem_Malloc(words * sizeof(AdObject *));
    fo->f_lineno = vm_frame_lineno(f);
    if (f->previous && !fo->f_back) {
        AdObject *back = vm_frame_get_object(f->previous);
        fo->f_back = Ad_XNewRef(back);
        if (!back)
            AdErr_Clear();
    }
    if (!dst) {
        /* Out of memory: the frame object just loses its variables. */
        fo->f_frame = NULL;
        return;
    }
    vm_frame_move(dst, f);
    dst->owner = AD_FRAME_OWNED_BY_FRAME_OBJECT;
    dst->previous = NULL;
    dst->frame_obj = NULL;
    dst->cleared = 0;
    fo->f_frame = dst;
    fo->f_owned = dst;
}

void ad_frameobject_detach(AdObject *o)
{
    AdFrameObject *fo = FO(o);
    if (fo->f_frame)
        fo->f_lineno = vm_frame_lineno(fo->f_frame);
    fo->f_frame = NULL;
}

void ad_frameobject_relink(AdObject *o, AdFrame *f)
{
    FO(o)->f_frame = f;
}

static void release_owned(AdFrameObject *fo)
{
    if (!fo->f_owned)
        return;
    AdFrame *f = fo->f_owned;
    fo->f_owned = NULL;
    fo->f_frame = NULL;
    vm_frame_clear(f);
    Ad_XDECREF(f->f_code);
    AdMem_Free(f);
}

static int frame_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdFrameObject *fo = FO(o);
    if (fo->f_back && visit(fo->f_back, arg))
        return 1;
    if (fo->f_trace && visit(fo->f_trace, arg))
        return 1;
    if (fo->f_extra_locals && visit(fo->f_extra_locals, arg))
        return 1;
    if (fo->f_owned) {
        AdFrame *f = fo->f_owned;
        if (vm_frame_visit_header(f, visit, arg))
            return 1;
        for (AdObject **p = f->localsplus; p < f->stackpointer; p++)
            if (*p && visit(*p, arg))
                return 1;
    }
    return 0;
}

static int frame_tp_clear(AdObject *o)
{
    AdFrameObject *fo = FO(o);
    AD_CLEAR(fo->f_back);
    AD_CLEAR(fo->f_trace);
    AD_CLEAR(fo->f_extra_locals);
    if (fo->f_owned)
        vm_frame_clear(fo->f_owned);
    return 0;
}

static void frame_dealloc(AdObject *o)
{
    AdFrameObject *fo = FO(o);
    AdObject_GC_UnTrack(o);
    AD_CLEAR(fo->f_back);
    AD_CLEAR(fo->f_trace);
    AD_CLEAR(fo->f_extra_locals);
    AD_CLEAR(fo->f_locals_cache);
    release_owned(fo);
    AdObject_GC_Del(o);
}

/* ---- attributes ------------------------------------------------------------- */

static AdFrame *record(AdObject *o)
{
    return FO(o)->f_frame;
}

int AdFrame_GetLineNumber(AdObject *o)
{
    AdFrame *f = record(o);
    if (f && f->f_code)
        return vm_frame_lineno(f);
    return FO(o)->f_lineno;
}

AdObject *AdFrame_GetCode(AdObject *o)
{
    AdFrame *f = record(o);
    return Ad_NewRef(f && f->f_code ? f->f_code : Ad_None);
}

AdObject *AdFrame_GetBack(AdObject *o)
{
    AdFrame *f = record(o);
    if (f && f->owner == AD_FRAME_OWNED_BY_THREAD && f->previous)
        return Ad_XNewRef(vm_frame_get_object(f->previous));
    if (f && f->owner == AD_FRAME_OWNED_BY_GENERATOR && f->previous)
        return Ad_XNewRef(vm_frame_get_object(f->previous));
    return Ad_XNewRef(FO(o)->f_back);
}

static int is_optimized(AdFrame *f)
{
    return f && f->f_code && (((AdCodeObject *)f->f_code)->co_flags & AD_CO_OPTIMIZED);
}

static AdObject *frame_get_locals(AdObject *o, void *c);

AdObject *AdFrame_GetLocals(AdObject *o)
{
    return frame_get_locals(o, NULL);
}

static AdObject *frame_get_lineno(AdObject *o, void *c)
{
    (void)c;
    int line = AdFrame_GetLineNumber(o);
    if (line < 0)
        Ad_RETURN_NONE;
    return AdInt_FromInt64(line);
}

static AdObject *frame_get_lasti(AdObject *o, void *c)
{
    (void)c;
    AdFrame *f = record(o);
    if (!f || !f->f_code)
        return AdInt_FromInt64(-1);
    return AdInt_FromInt64(vm_frame_lasti(f));
}

static AdObject *frame_get_code(AdObject *o, void *c)
{
    (void)c;
    return AdFrame_GetCode(o);
}

static AdObject *frame_get_globals(AdObject *o, void *c)
{
    (void)c;
    AdFrame *f = record(o);
    return Ad_NewRef(f && f->f_globals ? f->f_globals : Ad_None);
}

static AdObject *frame_get_builtins(AdObject *o, void *c)
{
    (void)c;
    AdFrame *f = record(o);
    return Ad_NewRef(f && f->f_builtins ? f->f_builtins : Ad_None);
}

static AdObject *frame_get_back(AdObject *o, void *c)
{
    (void)c;
    AdObject *b = AdFrame_GetBack(o);
    return b ? b : Ad_NewRef(Ad_None);
}

static AdObject *frame_get_trace(AdObject *o, void *c)
{
    (void)c;
    return Ad_NewRef(FO(o)->f_trace ? FO(o)->f_trace : Ad_None);
}

static int frame_set_trace(AdObject *o, AdObject *v, void *c)
{
    (void)c;
    if (v == Ad_None)
        v = NULL;
    AD_XSETREF(FO(o)->f_trace, Ad_XNewRef(v));
    return 0;
}

static AdObject *frame_get_trace_lines(AdObject *o, void *c)
{
    (void)c;
    return Ad_NewRef(FO(o)->f_trace_lines ? Ad_True : Ad_False);
}

static int set_bool(AdObject *v, char *out, const char *what)
{
    if (!v || !AdBool_Check(v)) {
        AdErr_Format(AdExc_TypeError, "attribute value type must be bool");
        (void)what;
        return -1;
    }
    *out = v == Ad_True;
    return 0;
}

static int frame_set_trace_lines(AdObject *o, AdObject *v, void *c)
{
    (void)c;
    return set_bool(v, &FO(o)->f_trace_lines, "f_trace_lines");
}

static AdObject *frame_get_trace_opcodes(AdObject *o, void *c)
{
    (void)c;
    return Ad_NewRef(FO(o)->f_trace_opcodes ? Ad_True : Ad_False);
}

static int frame_set_trace_opcodes(AdObject *o, AdObject *v, void *c)
{
    (void)c;
    return set_bool(v, &FO(o)->f_trace_opcodes, "f_trace_opcodes");
}

static AdObject *frame_get_generator(AdObject *o, void *c)
{
    (void)c;
    AdFrame *f = record(o);
    if (f && f->owner == AD_FRAME_OWNED_BY_GENERATOR)
        return Ad_NewRef((AdObject *)ad_gen_from_frame(f));
    Ad_RETURN_NONE;
}

static AdObject *frame_clear_method(AdObject *o, AdObject *unused)
{
    (void)unused;
    AdFrame *f = record(o);
    if (f && f->owner == AD_FRAME_OWNED_BY_THREAD) {
        AdErr_SetString(AdExc_RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
    if (f && f->owner == AD_FRAME_OWNED_BY_GENERATOR) {
        AdGenObject *gen = ad_gen_from_frame(f);
        if (gen->gi_frame_state == AD_FRAME_EXECUTING) {
            AdErr_SetString(AdExc_RuntimeError, "cannot clear an executing frame");
            return NULL;
        }
        if (gen->gi_frame_state >= AD_FRAME_SUSPENDED && gen->gi_frame_state < AD_FRAME_EXECUTING) {
            AdErr_SetString(AdExc_RuntimeError, "cannot clear a suspended frame");
            return NULL;
        }
        Ad_RETURN_NONE;
    }
    AD_CLEAR(FO(o)->f_trace);
    if (FO(o)->f_owned)
        vm_frame_clear(FO(o)->f_owned);
    Ad_RETURN_NONE;
}

static AdObject *frame_repr(AdObject *o)
{
    AdFrame *f = record(o);
    AdCodeObject *co = f && f->f_code ? (AdCodeObject *)f->f_code : NULL;
    if (!co)
        return AdStr_FromFormat("<frame at %p>", (void *)o);
    return AdStr_FromFormat("<frame at %p, file %R, line %d, code %U>", (void *)o, co->co_filename,
                            AdFrame_GetLineNumber(o), co->co_name);
}

/* ---- variables ------------------------------------------------------------------ */

static int slot_kind(AdCodeObject *co, int i)
{
    return (uint8_t)AdBytes_AS_STRING(co->co_localspluskinds)[i];
}

/* The value in slot i (borrowed), looking through cells. */
static AdObject *slot_value(AdFrame *f, int i)
{
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    AdObject *v = f->localsplus[i];
    int kind = slot_kind(co, i);
    if (v && (kind & (AD_CO_FAST_CELL | AD_CO_FAST_FREE)) && AdCell_Check(v)) {
        /* A cell slot holds its value directly until MAKE_CELL ran. */
        if ((kind & AD_CO_FAST_FREE) || vm_frame_lasti(f) > 0 || f->instr_ptr != AdCode_CODE(co))
            v = AdCell_GET(v);
    }
    return v;
}

static int find_slot(AdFrame *f, AdObject *key)
{
    if (!f || !f->f_code || !AdStr_Check(key))
        return -1;
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (slot_kind(co, i) & AD_CO_FAST_HIDDEN)
            continue;
        if (AdStr_Equal(AdTuple_GET_ITEM(co->co_localsplusnames, i), key))
            return i;
    }
    return -1;
}

AdObject *ad_frame_locals_snapshot(AdFrame *f)
{
    AdObject *d = AdDict_New();
    if (!d || !f->f_code)
        return d;
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (slot_kind(co, i) & AD_CO_FAST_HIDDEN)
            continue;
        AdObject *v = slot_value(f, i);
        if (v && AdDict_SetItem(d, AdTuple_GET_ITEM(co->co_localsplusnames, i), v) < 0) {
            Ad_DECREF(d);
            return NULL;
        }
    }
    if (f->frame_obj && FO(f->frame_obj)->f_extra_locals &&
        AdDict_Merge(d, FO(f->frame_obj)->f_extra_locals, 1) < 0) {
        Ad_DECREF(d);
        return NULL;
    }
    return d;
}

typedef struct {
    AdObject_HEAD;
    AdObject *frame;
} ProxyObject;

static AdObject *frame_get_locals(AdObject *o, void *c)
{
    (void)c;
    AdFrame *f = record(o);
    if (!f)
        return AdDict_New();
    if (!is_optimized(f))
        return Ad_NewRef(f->f_locals ? f->f_locals : Ad_None);
    ProxyObject *p = (ProxyObject *)AdObject_GC_New(&AdFrameLocalsProxy_Type);
    if (!p)
        return NULL;
    p->frame = Ad_NewRef(o);
    AdObject_GC_Track((AdObject *)p);
    return (AdObject *)p;
}

static AdFrame *proxy_frame(AdObject *self)
{
    return record(((ProxyObject *)self)->frame);
}

static AdObject *proxy_snapshot(AdObject *self)
{
    AdFrame *f = proxy_frame(self);
    if (!f)
        return AdDict_New();
    AdObject *d = ad_frame_locals_snapshot(f);
    if (d && !f->frame_obj && FO(((ProxyObject *)self)->frame)->f_extra_locals)
        AdDict_Merge(d, FO(((ProxyObject *)self)->frame)->f_extra_locals, 1);
    return d;
}

static AdObject *proxy_getitem(AdObject *self, AdObject *key)
{
    AdFrame *f = proxy_frame(self);
    int i = find_slot(f, key);
    if (i >= 0) {
        AdObject *v = slot_value(f, i);
        if (v)
            return Ad_NewRef(v);
    } else {
        AdObject *extra = FO(((ProxyObject *)self)->frame)->f_extra_locals;
        if (extra) {
            AdObject *v = AdDict_GetItemWithError(extra, key);
            if (v)
                return Ad_NewRef(v);
            if (AdErr_Occurred())
                return NULL;
        }
    }
    AdErr_SetObject(AdExc_KeyError, key);
    return NULL;
}

static int proxy_setitem(AdObject *self, AdObject *key, AdObject *value)
{
    AdFrame *f = proxy_frame(self);
    AdFrameObject *fo = FO(((ProxyObject *)self)->frame);
    int i = find_slot(f, key);
    if (i >= 0) {
        if (!value) {
            AdErr_SetString(AdExc_ValueError, "cannot remove local variables from FrameLocalsProxy");
            return -1;
        }
        AdObject *cur = f->localsplus[i];
        int kind = slot_kind((AdCodeObject *)f->f_code, i);
        if (cur && AdCell_Check(cur) && (kind & (AD_CO_FAST_CELL | AD_CO_FAST_FREE)) && slot_value(f, i) != cur) {
            AdCell_Set(cur, value);
        } else {
            f->localsplus[i] = Ad_NewRef(value);
            Ad_XDECREF(cur);
        }
        return 0;
    }
    if (!value) {
        if (!fo->f_extra_locals) {
            AdErr_SetObject(AdExc_KeyError, key);
            return -1;
        }
        return AdDict_DelItem(fo->f_extra_locals, key);
    }
    if (!fo->f_extra_locals && !(fo->f_extra_locals = AdDict_New()))
        return -1;
    return AdDict_SetItem(fo->f_extra_locals, key, value);
}

static Ad_ssize_t proxy_len(AdObject *self)
{
    AdObject *d = proxy_snapshot(self);
    if (!d)
        return -1;
    Ad_ssize_t n = AdDict_GET_SIZE(d);
    Ad_DECREF(d);
    return n;
}

static int proxy_contains(AdObject *self, AdObject *key)
{
    AdObject *d = proxy_snapshot(self);
    if (!d)
        return -1;
    int r = AdDict_Contains(d, key);
    Ad_DECREF(d);
    return r;
}

static AdObject *proxy_iter(AdObject *self)
{
    AdObject *d = proxy_snapshot(self);
    if (!d)
        return NULL;
    AdObject *keys = AdDict_Keys(d);
    Ad_DECREF(d);
    if (!keys)
        return NULL;
    AdObject *it = AdObject_GetIter(keys);
    Ad_DECREF(keys);
    return it;
}

static AdObject *proxy_repr(AdObject *self)
{
    AdObject *d = proxy_snapshot(self);
    if (!d)
        return NULL;
    AdObject *r = AdObject_Repr(d);
    Ad_DECREF(d);
    return r;
}

static AdObject *proxy_keys(AdObject *self, AdObject *u)
{
    (void)u;
    AdObject *d = proxy_snapshot(self);
    AdObject *r = d ? AdDict_Keys(d) : NULL;
    Ad_XDECREF(d);
    return r;
}

static AdObject *proxy_values(AdObject *self, AdObject *u)
{
    (void)u;
    AdObject *d = proxy_snapshot(self);
    AdObject *r = d ? AdDict_Values(d) : NULL;
    Ad_XDECREF(d);
    return r;
}

static AdObject *proxy_items(AdObject *self, AdObject *u)
{
    (void)u;
    AdObject *d = proxy_snapshot(self);
    AdObject *r = d ? AdDict_Items(d) : NULL;
    Ad_XDECREF(d);
    return r;
}

static AdObject *proxy_copy(AdObject *self, AdObject *u)
{
    (void)u;
    return proxy_snapshot(self);
}

static AdObject *proxy_get(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        AdErr_Format(AdExc_TypeError, "get expected 1 or 2 arguments, got %zd", nargs);
        return NULL;
    }
    AdObject *v = proxy_getitem(self, args[0]);
    if (v || !AdErr_ExceptionMatches(AdExc_KeyError))
        return v;
    AdErr_Clear();
    return Ad_NewRef(nargs == 2 ? args[1] : Ad_None);
}

static int proxy_traverse(AdObject *self, visitproc visit, void *arg)
{
    return visit(((ProxyObject *)self)->frame, arg);
}

static int proxy_clear(AdObject *self)
{
    AD_CLEAR(((ProxyObject *)self)->frame);
    return 0;
}

static void proxy_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    proxy_clear(self);
    AdObject_GC_Del(self);
}

static AdMappingMethods proxy_as_mapping = {proxy_len, proxy_getitem, proxy_setitem};
static AdSequenceMethods proxy_as_sequence = {.sq_contains = proxy_contains};

static AdMethodDef proxy_methods[] = {
    {"keys", (void (*)(void))proxy_keys, AD_METH_NOARGS, NULL},
    {"values", (void (*)(void))proxy_values, AD_METH_NOARGS, NULL},
    {"items", (void (*)(void))proxy_items, AD_METH_NOARGS, NULL},
    {"copy", (void (*)(void))proxy_copy, AD_METH_NOARGS, NULL},
    {"get", (void (*)(void))proxy_get, AD_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdFrameLocalsProxy_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "FrameLocalsProxy",
    .tp_basicsize = sizeof(ProxyObject),
    .tp_dealloc = proxy_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_MATCH_MAPPING,
    .tp_traverse = proxy_traverse,
    .tp_clear = proxy_clear,
    .tp_iter = proxy_iter,
    .tp_methods = proxy_methods,
};

static AdGetSetDef frame_getset[] = {
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL, NULL},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_lines, NULL, NULL},
    {"f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes, NULL, NULL},
    {"f_generator", frame_get_generator, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMethodDef frame_methods[] = {
    {"clear", (void (*)(void))frame_clear_method, AD_METH_NOARGS,
     "Clear all references held by the frame."},
    {NULL, NULL, 0, NULL},
};

AdTypeObject AdFrame_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "frame",
    .tp_basicsize = sizeof(AdFrameObject),
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_tp_clear,
    .tp_methods = frame_methods,
    .tp_getset = frame_getset,
};
