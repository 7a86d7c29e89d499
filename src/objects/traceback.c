/* traceback.c: the traceback type (traceback.h): construction from Python
 * (types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)), its
 * attributes, and tb_next assignment with loop detection. */
#include "objects/traceback.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/code.h"
#include "objects/frame.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>

AdObject *AdTraceback_New(AdObject *next, AdObject *frame, int lasti, int lineno)
{
    AdTracebackObject *tb = (AdTracebackObject *)AdObject_GC_New(&AdTraceback_Type);
    if (!tb)
        return NULL;
    tb->tb_next = (AdTracebackObject *)Ad_XNewRef(next);
    tb->tb_frame = Ad_XNewRef(frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    AdObject_GC_Track((AdObject *)tb);
    return (AdObject *)tb;
}

static void tb_dealloc(AdObject *o)
{
    AdTracebackObject *tb = (AdTracebackObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF((AdObject *)tb->tb_next);
    Ad_XDECREF(tb->tb_frame);
    AdObject_GC_Del(o);
}

static int tb_traverse(AdObject *o, visitproc visit, void *arg)
{
    AdTracebackObject *tb = (AdTracebackObject *)o;
    if (tb->tb_next) {
        int rc = visit((AdObject *)tb->tb_next, arg);
        if (rc)
            return rc;
    }
    return tb->tb_frame ? visit(tb->tb_frame, arg) : 0;
}

static int tb_clear(AdObject *o)
{
    AdTracebackObject *tb = (AdTracebackObject *)o;
    AD_CLEAR(tb->tb_next);
    AD_CLEAR(tb->tb_frame);
    return 0;
}

static AdObject *tb_get_next(AdObject *o, void *c)
{
    (void)c;
    AdObject *next = (AdObject *)((AdTracebackObject *)o)->tb_next;
    return Ad_NewRef(next ? next : Ad_None);
}

static int tb_set_next(AdObject *o, AdObject *value, void *c)
{
    (void)c;
    if (!value) {
        AdErr_SetString(AdExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == Ad_None)
        value = NULL;
    else if (!AdTraceback_Check(value)) {
        AdErr_Format(AdExc_TypeError, "expected traceback object or None, got '%s'",
                     AdType_Name(AD_TYPE(value)));
        return -1;
    }
    for (AdTracebackObject *cur = (AdTracebackObject *)value; cur; cur = cur->tb_next) {
        if (cur == (AdTracebackObject *)o) {
            AdErr_SetString(AdExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    AD_XSETREF(((AdTracebackObject *)o)->tb_next, (AdTracebackObject *)Ad_XNewRef(value));
    return 0;
}

static AdObject *tb_get_lineno(AdObject *o, void *c)
{
    (void)c;
    AdTracebackObject *tb = (AdTracebackObject *)o;
    if (tb->tb_lineno < 0 && tb->tb_frame && tb->tb_lasti >= 0) {
        AdObject *code = AdFrame_GetCode(tb->tb_frame);
        if (!code)
            return NULL;
        tb->tb_lineno = AdCode_Addr2Line(code, tb->tb_lasti);
        Ad_DECREF(code);
    }
    if (tb->tb_lineno < 0)
        Ad_RETURN_NONE;
    return AdInt_FromInt64(tb->tb_lineno);
}

static AdObject *tb_get_frame(AdObject *o, void *c)
{
    (void)c;
    AdObject *f = ((AdTracebackObject *)o)->tb_frame;
    return Ad_NewRef(f ? f : Ad_None);
}

static AdGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMemberDef tb_members[] = {
    {"tb_lasti", AD_T_INT, offsetof(AdTracebackObject, tb_lasti), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdTraceback_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(AdTracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new traceback object.",
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_members = tb_members,
    .tp_getset = tb_getset,
    .tp_free = AdObject_GC_Del,
};
