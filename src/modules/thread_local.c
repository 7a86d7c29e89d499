/* thread_local.c: _thread._local, thread-local attributes. Each object
 * keeps one dict per thread (keyed by the thread state's number) and puts
 * the calling thread's dict in its instance-dict slot before every
 * attribute operation, so the generic attribute machinery (descriptors,
 * subclasses) works unchanged. A subclass's __init__ runs again, with the
 * constructor's arguments, the first time another thread touches the
 * object. All live locals are in a list so that a thread's dicts go away
 * when the thread ends. Everything here runs under the GIL. */
#include "modules/thread_internal.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>
#include <string.h>

typedef struct LocalObject {
    AdObject_HEAD;
    AdObject *dict;             /* the calling thread's dict (the instance-dict slot) */
    AdObject *dicts;            /* thread number (int) -> dict */
    AdObject *args, *kw;        /* the constructor's arguments, for __init__ in other threads */
    struct LocalObject *next, **prevp;
} LocalObject;

static LocalObject *all_locals;

static AdObject *thread_key(AdThread *t)
{
    return AdInt_FromUInt64(t->id);
}

static int has_own_init(AdTypeObject *type)
{
    return type->tp_init != AdBaseObject_Type.tp_init;
}

static AdObject *local_new(AdTypeObject *type, AdObject *args, AdObject *kw)
{
    int with_args = (args && AdTuple_GET_SIZE(args) > 0) || (kw && AdDict_Check(kw) && AdObject_IsTrue(kw) > 0);
    if (with_args && !has_own_init(type)) {
        AdErr_SetString(AdExc_TypeError, "Initialization arguments are not supported");
        return NULL;
    }
    LocalObject *self = (LocalObject *)type->tp_alloc(type, 0);
    if (!self)
        return NULL;
    self->args = args ? Ad_NewRef(args) : AdTuple_New(0);
    self->kw = kw ? Ad_NewRef(kw) : NULL;
    self->dicts = AdDict_New();
    self->dict = AdDict_New();
    AdObject *key = thread_key(ad_current_thread);
    if (!self->args || !self->dicts || !self->dict || !key ||
        AdDict_SetItem(self->dicts, key, self->dict) < 0) {
        Ad_XDECREF(key);
        Ad_DECREF((AdObject *)self);
        return NULL;
    }
    Ad_DECREF(key);
    self->next = all_locals;
    if (all_locals)
        all_locals->prevp = &self->next;
    self->prevp = &all_locals;
    all_locals = self;
    return (AdObject *)self;
}

/* Makes the calling thread's dict current (creating it, and running
 * __init__ for it, on first use in this thread). 0 or -1. */
static int local_select(LocalObject *self)
{
    AdObject *key = thread_key(ad_current_thread);
    if (!key)
        return -1;
    AdObject *d;
    int found = AdDict_GetItemRef(self->dicts, key, &d);
    if (found < 0) {
        Ad_DECREF(key);
        return -1;
    }
    if (found) {
        Ad_DECREF(key);
        AD_XSETREF(self->dict, d);
        return 0;
    }
    d = AdDict_New();
    if (!d || AdDict_SetItem(self->dicts, key, d) < 0) {
        Ad_XDECREF(d);
        Ad_DECREF(key);
        return -1;
    }
    AD_XSETREF(self->dict, d);
    AdTypeObject *type = AD_TYPE(self);
    if (has_own_init(type)) {
        Ad_INCREF((AdObject *)self);
        int rc = type->tp_init((AdObject *)self, self->args, self->kw);
        if (rc < 0) {
            /* The dict stays out: the next access tries __init__ again. */
            AdObject *exc = AdErr_GetRaisedException();
            if (AdDict_DelItem(self->dicts, key) < 0)
                AdErr_Clear();
            AdErr_SetRaisedException(exc);
        }
        Ad_DECREF((AdObject *)self);
        Ad_DECREF(key);
        return rc < 0 ? -1 : 0;
    }
    Ad_DECREF(key);
    return 0;
}

static int is_dunder_dict(AdObject *name)
{
    return AdStr_Check(name) && AdStr_EqualToASCII(name, "__dict__");
}

static AdObject *local_getattro(AdObject *o, AdObject *name)
{
    LocalObject *self = (LocalObject *)o;
    if (local_select(self) < 0)
        return NULL;
    if (is_dunder_dict(name))
        return Ad_NewRef(self->dict);
    return AdObject_GenericGetAttr(o, name);
}

static int local_setattro(AdObject *o, AdObject *name, AdObject *value)
{
    LocalObject *self = (LocalObject *)o;
    if (local_select(self) < 0)
        return -1;
    if (is_dunder_dict(name)) {
        AdErr_Format(AdExc_AttributeError, "'%s' object attribute '__dict__' is read-only",
                     AdType_Name(AD_TYPE(o)));
        return -1;
    }
    return AdObject_GenericSetAttr(o, name, value);
}

static int local_traverse(AdObject *o, visitproc visit, void *arg)
{
    LocalObject *self = (LocalObject *)o;
    AdObject *parts[] = {self->dict, self->dicts, self->args, self->kw};
    for (int i = 0; i < 4; i++) {
        if (parts[i]) {
            int rc = visit(parts[i], arg);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static int local_clear(AdObject *o)
{
    LocalObject *self = (LocalObject *)o;
    AD_CLEAR(self->dict);
    AD_CLEAR(self->dicts);
    AD_CLEAR(self->args);
    AD_CLEAR(self->kw);
    return 0;
}

static void local_dealloc(AdObject *o)
{
    LocalObject *self = (LocalObject *)o;
    AdTypeObject *type = AD_TYPE(o);
    AdObject_GC_UnTrack(o);
    if (self->prevp) {
        *self->prevp = self->next;
        if (self->next)
            self->next->prevp = self->prevp;
        self->prevp = NULL;
    }
    local_clear(o);
    type->tp_free(o);
}

void thread_local_forget_thread(AdThread *t)
{
    if (!all_locals)
        return;
    AdObject *saved = AdErr_GetRaisedException();
    AdObject *key = thread_key(t);
    AdObject *live = AdList_New(0);
    if (key && live) {
        /* References first: dropping a dict may run code that makes or
         * frees locals. */
        for (LocalObject *l = all_locals; l; l = l->next)
            if (AdList_Append(live, (AdObject *)l) < 0)
                break;
        for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(live); i++) {
            LocalObject *l = (LocalObject *)AdList_GET_ITEM(live, i);
            if (!l->dicts)
                continue;
            AdObject *d;
            if (AdDict_GetItemRef(l->dicts, key, &d) > 0) {
                if (l->dict == d)
                    AD_CLEAR(l->dict);
                if (AdDict_DelItem(l->dicts, key) < 0)
                    AdErr_Clear();
                Ad_DECREF(d);
            }
            AdErr_Clear();
        }
    }
    Ad_XDECREF(live);
    Ad_XDECREF(key);
    AdErr_Clear();
    AdErr_SetRaisedException(saved);
}

AdTypeObject thread_local_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(LocalObject),
    .tp_dealloc = local_dealloc,
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_doc = "Thread-local data",
    .tp_traverse = local_traverse,
    .tp_clear = local_clear,
    .tp_dictoffset = offsetof(LocalObject, dict),
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = local_new,
    .tp_free = AdObject_GC_Del,
};
