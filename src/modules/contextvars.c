/* contextvars.c: the `_contextvars` module (PEP 567): Context, ContextVar,
 * Token and copy_context. A Context is an immutable mapping from
 * ContextVar to value: it holds a dict that is never changed once another
 * Context shares it (ContextVar.set on a shared dict copies it first), so
 * copy_context() is O(1) and a set is O(1) when nothing shares the dict.
 * Each thread has its current Context (AdThread.context), made empty on
 * first use; Context.run enters a context for the duration of a call. */
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"
#include "runtime/interp.h"

typedef struct {
    AdObject_HEAD;
    AdObject *vars;          /* dict ContextVar -> value */
    AdObject *prev;          /* the context this one replaced while entered */
    int entered;
} ContextObject;

typedef struct {
    AdObject_HEAD;
    AdObject *name;
    AdObject *default_value;  /* NULL: none */
    Ad_hash_t hash;
} ContextVarObject;

typedef struct {
    AdObject_HEAD;
    AdObject *ctx;
    AdObject *var;
    AdObject *old_value;      /* NULL: Token.MISSING */
    int used;
} TokenObject;

static AdTypeObject Context_Type, ContextVar_Type, Token_Type, TokenMissing_Type;
static AdObject token_missing = AD_STATIC_OBJECT_INIT(&TokenMissing_Type);

#define CTX(o) ((ContextObject *)(o))
#define VAR(o) ((ContextVarObject *)(o))
#define TOK(o) ((TokenObject *)(o))

/* ---- contexts ---------------------------------------------------------------------------- */

static AdObject *context_new_with(AdObject *vars)
{
    ContextObject *c = (ContextObject *)AdObject_GC_New(&Context_Type);
    if (!c)
        return NULL;
    c->vars = vars ? Ad_NewRef(vars) : AdDict_New();
    c->prev = NULL;
    c->entered = 0;
    if (!c->vars) {
        Ad_DECREF((AdObject *)c);
        return NULL;
    }
    AdObject_GC_Track((AdObject *)c);
    return (AdObject *)c;
}

/* The thread's current context (borrowed), made on first use. */
static AdObject *current_context(void)
{
    AdThread *t = ad_current_thread;
    if (!t->context)
        t->context = context_new_with(NULL);
    return t->context;
}

static AdObject *copy_current(void)
{
    AdObject *cur = current_context();
    return cur ? context_new_with(CTX(cur)->vars) : NULL;
}

static AdObject *context_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type;
    if ((args && AdTuple_GET_SIZE(args)) || (kwargs && AdDict_GET_SIZE(kwargs))) {
        AdErr_SetString(AdExc_TypeError, "Context() does not accept any arguments");
        return NULL;
    }
    return context_new_with(NULL);
}

static void context_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    Ad_XDECREF(CTX(self)->vars);
    Ad_XDECREF(CTX(self)->prev);
    AD_TYPE(self)->tp_free(self);
}

static int context_traverse(AdObject *self, visitproc visit, void *arg)
{
    if (CTX(self)->vars && visit(CTX(self)->vars, arg))
        return 1;
    if (CTX(self)->prev && visit(CTX(self)->prev, arg))
        return 1;
    return 0;
}

static int context_clear(AdObject *self)
{
    AD_CLEAR(CTX(self)->vars);
    AD_CLEAR(CTX(self)->prev);
    return 0;
}

static int check_var(AdObject *key)
{
    if (!Ad_IS_TYPE(key, &ContextVar_Type)) {
        AdErr_Format(AdExc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

static AdObject *context_subscript(AdObject *self, AdObject *key)
{
    if (check_var(key) < 0)
        return NULL;
    AdObject *v = AdDict_GetItemWithError(CTX(self)->vars, key);
    if (!v) {
        if (!AdErr_Occurred())
            AdErr_SetObject(AdExc_KeyError, key);
        return NULL;
    }
    return Ad_NewRef(v);
}

static int context_contains(AdObject *self, AdObject *key)
{
    if (check_var(key) < 0)
        return -1;
    return AdDict_Contains(CTX(self)->vars, key);
}

static Ad_ssize_t context_len(AdObject *self)
{
    return AdDict_GET_SIZE(CTX(self)->vars);
}

static AdObject *context_iter(AdObject *self)
{
    return AdObject_GetIter(CTX(self)->vars);
}

static AdObject *context_get(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("get", nargs, 1, 2) < 0 || check_var(args[0]) < 0)
        return NULL;
    AdObject *v = AdDict_GetItemWithError(CTX(self)->vars, args[0]);
    if (v)
        return Ad_NewRef(v);
    if (AdErr_Occurred())
        return NULL;
    return Ad_NewRef(nargs > 1 ? args[1] : Ad_None);
}

static AdObject *dict_view(AdObject *self, const char *name)
{
    AdObject *m = AdObject_GetAttrString(CTX(self)->vars, name);
    if (!m)
        return NULL;
    AdObject *r = AdObject_CallNoArgs(m);
    Ad_DECREF(m);
    if (!r)
        return NULL;
    AdObject *l = AdObject_CallOneArg((AdObject *)&AdList_Type, r);
    Ad_DECREF(r);
    return l;
}

static AdObject *context_keys(AdObject *self, AdObject *unused)
{
    (void)unused;
    return dict_view(self, "keys");
}

static AdObject *context_values(AdObject *self, AdObject *unused)
{
    (void)unused;
    return dict_view(self, "values");
}

static AdObject *context_items(AdObject *self, AdObject *unused)
{
    (void)unused;
    return dict_view(self, "items");
}

static AdObject *context_copy(AdObject *self, AdObject *unused)
{
    (void)unused;
    return context_new_with(CTX(self)->vars);
}

static int context_enter(AdObject *ctx)
{
    if (CTX(ctx)->entered) {
        AdErr_Format(AdExc_RuntimeError, "cannot enter context: %R is already entered", ctx);
        return -1;
    }
    AdThread *t = ad_current_thread;
    if (!current_context())
        return -1;
    CTX(ctx)->prev = t->context;          /* the thread's reference moves here */
    CTX(ctx)->entered = 1;
    t->context = Ad_NewRef(ctx);
    return 0;
}

static void context_exit(AdObject *ctx)
{
    AdThread *t = ad_current_thread;
    AdObject *mine = t->context;
    t->context = CTX(ctx)->prev;
    CTX(ctx)->prev = NULL;
    CTX(ctx)->entered = 0;
    Ad_DECREF(mine);
}

static AdObject *context_run(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (nargs < 1) {
        AdErr_SetString(AdExc_TypeError, "run() missing 1 required positional argument");
        return NULL;
    }
    if (context_enter(self) < 0)
        return NULL;
    AdObject *r = AdObject_Vectorcall(args[0], args + 1, (size_t)(nargs - 1), kwnames);
    context_exit(self);
    return r;
}

static AdObject *context_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!Ad_IS_TYPE(b, &Context_Type) || (op != AD_EQ && op != AD_NE))
        return Ad_NewRef(Ad_NotImplemented);
    return AdObject_RichCompare(CTX(a)->vars, CTX(b)->vars, op);
}

static AdMethodDef context_methods[] = {
    {"get", (void (*)(void))context_get, AD_METH_FASTCALL,
     "Return the value for `key` if `key` has the value in the context object."},
    {"keys", (void (*)(void))context_keys, AD_METH_NOARGS, "Return a list of all variables in the context object."},
    {"values", (void (*)(void))context_values, AD_METH_NOARGS, "Return a list of all variables' values in the context object."},
    {"items", (void (*)(void))context_items, AD_METH_NOARGS, "Return all variables and their values in the context object."},
    {"copy", (void (*)(void))context_copy, AD_METH_NOARGS, "Return a shallow copy of the context object."},
    {"run", (void (*)(void))context_run, AD_METH_FASTCALL | AD_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static AdMappingMethods context_as_mapping = {
    .mp_length = context_len,
    .mp_subscript = context_subscript,
};

static AdSequenceMethods context_as_sequence = {
    .sq_contains = context_contains,
};

static AdTypeObject Context_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_contextvars.Context",
    .tp_basicsize = sizeof(ContextObject),
    .tp_dealloc = context_dealloc,
    .tp_as_mapping = &context_as_mapping,
    .tp_as_sequence = &context_as_sequence,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = context_traverse,
    .tp_clear = context_clear,
    .tp_richcompare = context_richcompare,
    .tp_iter = context_iter,
    .tp_methods = context_methods,
    .tp_new = context_tp_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- ContextVar -------------------------------------------------------------------------- */

static AdObject *var_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type;
    Ad_ssize_t n = args ? AdTuple_GET_SIZE(args) : 0;
    if (n != 1) {
        AdErr_Format(AdExc_TypeError, "ContextVar() takes exactly 1 positional argument (%zd given)", n);
        return NULL;
    }
    AdObject *name = AdTuple_GET_ITEM(args, 0), *dflt = NULL;
    if (kwargs && AdDict_GET_SIZE(kwargs)) {
        dflt = AdDict_GetItemString(kwargs, "default");
        if (!dflt || AdDict_GET_SIZE(kwargs) > 1) {
            AdObject *keys = AdDict_Keys(kwargs);
            for (Ad_ssize_t i = 0; keys && i < AdList_GET_SIZE(keys); i++)
                if (!AdStr_EqualToASCII(AdList_GET_ITEM(keys, i), "default")) {
                    AdErr_Format(AdExc_TypeError, "ContextVar() got an unexpected keyword argument '%U'",
                                 AdList_GET_ITEM(keys, i));
                    break;
                }
            Ad_XDECREF(keys);
            return NULL;
        }
    }
    if (!AdStr_Check(name)) {
        AdErr_SetString(AdExc_TypeError, "context variable name must be a str");
        return NULL;
    }
    ContextVarObject *v = (ContextVarObject *)AdObject_GC_New(&ContextVar_Type);
    if (!v)
        return NULL;
    v->name = Ad_NewRef(name);
    v->default_value = Ad_XNewRef(dflt);
    Ad_hash_t h = AdObject_Hash(name);
    v->hash = (h ^ (Ad_hash_t)(uintptr_t)v) & 0x7fffffffffffffffLL;
    if (v->hash == -1)
        v->hash = -2;
    AdObject_GC_Track((AdObject *)v);
    return (AdObject *)v;
}

static void var_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    Ad_XDECREF(VAR(self)->name);
    Ad_XDECREF(VAR(self)->default_value);
    AD_TYPE(self)->tp_free(self);
}

static int var_traverse(AdObject *self, visitproc visit, void *arg)
{
    if (VAR(self)->default_value && visit(VAR(self)->default_value, arg))
        return 1;
    return 0;
}

static int var_clear(AdObject *self)
{
    AD_CLEAR(VAR(self)->default_value);
    return 0;
}

static Ad_hash_t var_hash(AdObject *self)
{
    return VAR(self)->hash;
}

static AdObject *var_repr(AdObject *self)
{
    if (VAR(self)->default_value)
        return AdStr_FromFormat("<ContextVar name=%R default=%R at %p>", VAR(self)->name,
                                VAR(self)->default_value, (void *)self);
    return AdStr_FromFormat("<ContextVar name=%R at %p>", VAR(self)->name, (void *)self);
}

static AdObject *var_get(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    if (AdArg_CheckPositional("get", nargs, 0, 1) < 0)
        return NULL;
    AdObject *ctx = current_context();
    if (!ctx)
        return NULL;
    AdObject *v = AdDict_GetItemWithError(CTX(ctx)->vars, self);
    if (v)
        return Ad_NewRef(v);
    if (AdErr_Occurred())
        return NULL;
    if (nargs)
        return Ad_NewRef(args[0]);
    if (VAR(self)->default_value)
        return Ad_NewRef(VAR(self)->default_value);
    AdErr_SetObject(AdExc_LookupError, self);
    return NULL;
}

/* Sets var in the current context (value NULL: deletes), copying the
 * mapping first when another Context shares it. 0 or -1. */
static int context_set(AdObject *var, AdObject *value)
{
    AdObject *ctx = current_context();
    if (!ctx)
        return -1;
    AdObject *vars = CTX(ctx)->vars;
    if (AD_REFCNT(vars) > 1) {
        AdObject *copy = AdDict_Copy(vars);
        if (!copy)
            return -1;
        AD_SETREF(CTX(ctx)->vars, copy);
        vars = copy;
    }
    if (value)
        return AdDict_SetItem(vars, var, value);
    if (AdDict_DelItem(vars, var) < 0) {
        if (!AdErr_ExceptionMatches(AdExc_KeyError))
            return -1;
        AdErr_Clear();
    }
    return 0;
}

static AdObject *var_set(AdObject *self, AdObject *value)
{
    AdObject *ctx = current_context();
    if (!ctx)
        return NULL;
    AdObject *old = AdDict_GetItemWithError(CTX(ctx)->vars, self);
    if (!old && AdErr_Occurred())
        return NULL;
    TokenObject *tok = (TokenObject *)AdObject_GC_New(&Token_Type);
    if (!tok)
        return NULL;
    tok->ctx = Ad_NewRef(ctx);
    tok->var = Ad_NewRef(self);
    tok->old_value = Ad_XNewRef(old);
    tok->used = 0;
    AdObject_GC_Track((AdObject *)tok);
    if (context_set(self, value) < 0) {
        Ad_DECREF((AdObject *)tok);
        return NULL;
    }
    return (AdObject *)tok;
}

static AdObject *var_reset(AdObject *self, AdObject *token)
{
    if (!Ad_IS_TYPE(token, &Token_Type)) {
        AdErr_Format(AdExc_TypeError, "expected an instance of Token, got %R", token);
        return NULL;
    }
    TokenObject *t = TOK(token);
    if (t->used) {
        AdErr_Format(AdExc_RuntimeError, "%R has already been used once", token);
        return NULL;
    }
    if (t->var != self) {
        AdErr_Format(AdExc_ValueError, "%R was created by a different ContextVar", token);
        return NULL;
    }
    if (t->ctx != current_context()) {
        AdErr_Format(AdExc_ValueError, "%R was created in a different Context", token);
        return NULL;
    }
    t->used = 1;
    if (context_set(self, t->old_value) < 0)
        return NULL;
    return Ad_NewRef(Ad_None);
}

static AdObject *var_class_getitem(AdObject *cls, AdObject *arg)
{
    return Ad_GenericAlias(cls, arg);
}

static AdMethodDef var_methods[] = {
    {"get", (void (*)(void))var_get, AD_METH_FASTCALL, "Return a value for the context variable for the current context."},
    {"set", (void (*)(void))var_set, AD_METH_O, "Call to set a new value for the context variable in the current context."},
    {"reset", (void (*)(void))var_reset, AD_METH_O, "Reset the context variable."},
    {"__class_getitem__", (void (*)(void))var_class_getitem, AD_METH_O | AD_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef var_members[] = {
    {"name", AD_T_OBJECT, offsetof(ContextVarObject, name), AD_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static AdTypeObject ContextVar_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_contextvars.ContextVar",
    .tp_basicsize = sizeof(ContextVarObject),
    .tp_dealloc = var_dealloc,
    .tp_repr = var_repr,
    .tp_hash = var_hash,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = var_traverse,
    .tp_clear = var_clear,
    .tp_methods = var_methods,
    .tp_members = var_members,
    .tp_new = var_tp_new,
    .tp_free = AdObject_GC_Del,
};

/* ---- Token ------------------------------------------------------------------------------- */

static void token_dealloc(AdObject *self)
{
    AdObject_GC_UnTrack(self);
    Ad_XDECREF(TOK(self)->ctx);
    Ad_XDECREF(TOK(self)->var);
    Ad_XDECREF(TOK(self)->old_value);
    AD_TYPE(self)->tp_free(self);
}

static int token_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *parts[3] = {TOK(self)->ctx, TOK(self)->var, TOK(self)->old_value};
    for (int i = 0; i < 3; i++)
        if (parts[i] && visit(parts[i], arg))
            return 1;
    return 0;
}

static int token_clear(AdObject *self)
{
    AD_CLEAR(TOK(self)->ctx);
    AD_CLEAR(TOK(self)->var);
    AD_CLEAR(TOK(self)->old_value);
    return 0;
}

static AdObject *token_repr(AdObject *self)
{
    return AdStr_FromFormat("<Token%s var=%R at %p>", TOK(self)->used ? " used" : "", TOK(self)->var,
                            (void *)self);
}

static AdObject *token_get_var(AdObject *self, void *closure)
{
    (void)closure;
    return Ad_NewRef(TOK(self)->var);
}

static AdObject *token_get_old_value(AdObject *self, void *closure)
{
    (void)closure;
    return Ad_NewRef(TOK(self)->old_value ? TOK(self)->old_value : &token_missing);
}

static AdObject *token_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    return Ad_NewRef(self);
}

static AdObject *token_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    if (AdArg_CheckPositional("__exit__", nargs, 3, 3) < 0)
        return NULL;
    return var_reset(TOK(self)->var, self);
}

static AdObject *token_class_getitem(AdObject *cls, AdObject *arg)
{
    return Ad_GenericAlias(cls, arg);
}

static AdGetSetDef token_getset[] = {
    {"var", token_get_var, NULL, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdMethodDef token_methods[] = {
    {"__enter__", (void (*)(void))token_enter, AD_METH_NOARGS, "Enter into Token context manager."},
    {"__exit__", (void (*)(void))token_exit, AD_METH_FASTCALL, "Exit from Token context manager, restore the linked ContextVar."},
    {"__class_getitem__", (void (*)(void))token_class_getitem, AD_METH_O | AD_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static AdObject *token_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type, (void)args, (void)kwargs;
    AdErr_SetString(AdExc_RuntimeError, "Tokens can only be created by ContextVars");
    return NULL;
}

static AdTypeObject Token_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_contextvars.Token",
    .tp_basicsize = sizeof(TokenObject),
    .tp_dealloc = token_dealloc,
    .tp_repr = token_repr,
    .tp_hash = AdObject_HashNotImplemented,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_traverse = token_traverse,
    .tp_clear = token_clear,
    .tp_methods = token_methods,
    .tp_getset = token_getset,
    .tp_new = token_tp_new,
    .tp_free = AdObject_GC_Del,
};

static AdObject *missing_repr(AdObject *self)
{
    (void)self;
    return AdStr_FromString("<Token.MISSING>");
}

static AdTypeObject TokenMissing_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "Token.MISSING",
    .tp_basicsize = sizeof(AdObject),
    .tp_repr = missing_repr,
    .tp_getattro = AdObject_GenericGetAttr,
};

/* ---- the module -------------------------------------------------------------------------- */

static AdObject *cv_copy_context(AdObject *m, AdObject *unused)
{
    (void)m, (void)unused;
    return copy_current();
}

static AdMethodDef cv_methods[] = {
    {"copy_context", (void (*)(void))cv_copy_context, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitContextvars(void)
{
    if (AdType_Ready(&Context_Type) < 0 || AdType_Ready(&ContextVar_Type) < 0 ||
        AdType_Ready(&TokenMissing_Type) < 0 || AdType_Ready(&Token_Type) < 0)
        return NULL;
    if (!AdDict_GetItemString(Token_Type.tp_dict, "MISSING") &&
        AdDict_SetItemString(Token_Type.tp_dict, "MISSING", &token_missing) < 0)
        return NULL;
    AdObject *m = AdModule_New("_contextvars");
    if (!m)
        return NULL;
    if (AdModule_AddFunctions(m, cv_methods) < 0 ||
        AdModule_AddObjectRef(m, "Context", (AdObject *)&Context_Type) < 0 ||
        AdModule_AddObjectRef(m, "ContextVar", (AdObject *)&ContextVar_Type) < 0 ||
        AdModule_AddObjectRef(m, "Token", (AdObject *)&Token_Type) < 0 ||
        AdModule_SetDocString(m, "Context Variables") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
