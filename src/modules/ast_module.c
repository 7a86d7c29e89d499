/* ast_module.c -- the _ast module: the node classes of 3.14's ast module.
 *
 * Owns: the base class ast.AST (instance __dict__, the 3.13+ constructor:
 * positional and keyword fields, list fields default to [], optional ones
 * to None, expr_context to Load(), DeprecationWarnings for missing or
 * unknown arguments; __reduce__, __replace__ and the depth-limited repr),
 * the classes built from the table in ast_nodes.c (with _fields,
 * _attributes, __match_args__, _field_types and the ASDL text as __doc__),
 * the PyCF_* flags, and the hooks compile() uses (modules/ast_module.h).
 */
#include "modules/ast_internal.h"
#include "modules/ast_module.h"
#include "compiler/compile.h"
#include "memory/gc.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/union.h"
#include "runtime/interp.h"
#include "runtime/lifecycle.h"

#include <string.h>

ast_state ast_st;

typedef struct {
    AdObject_HEAD;
    AdObject *dict;
} ast_object;

static void ast_dealloc(AdObject *self)
{
    AdTypeObject *type = AD_TYPE(self);
    AdObject_GC_UnTrack(self);
    AD_CLEAR(((ast_object *)self)->dict);
    type->tp_free(self);   /* drops the reference to a heap type */
}

static int ast_traverse(AdObject *self, visitproc visit, void *arg)
{
    AdObject *d = ((ast_object *)self)->dict;
    return d ? visit(d, arg) : 0;
}

static int ast_clear(AdObject *self)
{
    AD_CLEAR(((ast_object *)self)->dict);
    return 0;
}

/* Class attribute NAME of the type of SELF (new ref), NULL without an
 * exception when absent. */
static AdObject *type_attr(AdObject *self, const char *name)
{
    AdObject *r = NULL;
    if (AdObject_GetOptionalAttr((AdObject *)AD_TYPE(self), AdStr_InternFromString(name), &r) < 0)
        return NULL;
    return r;
}

static int tuple_contains_str(AdObject *seq, AdObject *name)
{
    if (!seq || !AdTuple_Check(seq))
        return 0;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(seq); i++) {
        int r = AdObject_RichCompareBool(AdTuple_GET_ITEM(seq, i), name, AD_EQ);
        if (r)
            return r;
    }
    return 0;
}

static const char *short_name(AdObject *self)
{
    return AdType_ShortName(AD_TYPE(self));
}

/* The default of a field left out of the constructor, decided by its type
 * in _field_types: 1 with *out set (new ref), 0 when it is required. */
static int field_default(AdObject *ftype, AdObject **out)
{
    *out = NULL;
    if (AdObject_TypeCheck(ftype, &AdGenericAlias_Type)) {
        AdObject *origin = AdObject_GetAttrString(ftype, "__origin__");
        if (!origin)
            return -1;
        int is_list = origin == (AdObject *)&AdList_Type;
        Ad_DECREF(origin);
        if (is_list) {
            *out = AdList_New(0);
            return *out ? 1 : -1;
        }
        return 0;
    }
    if (AdObject_TypeCheck(ftype, &AdUnion_Type)) {
        AdObject *args = AdObject_GetAttrString(ftype, "__args__");
        if (!args)
            return -1;
        int has_none = 0;
        if (AdTuple_Check(args))
            for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(args); i++)
                if (AdTuple_GET_ITEM(args, i) == (AdObject *)&AdNone_Type)
                    has_none = 1;
        Ad_DECREF(args);
        if (has_none) {
            *out = Ad_NewRef(Ad_None);
            return 1;
        }
        return 0;
    }
    for (int i = 0; i < ast_nnodes; i++)
        if (ast_nodes[i].fam == AST_FAM_EXPR_CONTEXT && ast_nodes[i].abstract && ftype == ast_st.cls[i]) {
            int load = ast_node_find(AST_FAM_EXPR_CONTEXT, AD_Load);
            *out = AdObject_CallNoArgs(ast_st.cls[load]);
            return *out ? 1 : -1;
        }
    return 0;
}

static int ast_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    AdObject *fields = type_attr(self, "_fields");
    if (!fields && AdErr_Occurred())
        return -1;
    AdObject *attributes = NULL, *ftypes = NULL, *set = NULL;
    int rc = -1;
    Ad_ssize_t nf = 0;
    if (fields) {
        AdObject *t = AdSequence_Tuple(fields);
        Ad_DECREF(fields);
        if (!t)
            return -1;
        fields = t;
        nf = AdTuple_GET_SIZE(fields);
    }
    Ad_ssize_t na = args ? AdTuple_GET_SIZE(args) : 0;
    if (na > nf) {
        AdErr_Format(AdExc_TypeError, "%.400s constructor takes at most %zd positional argument%s",
                     short_name(self), nf, nf == 1 ? "" : "s");
        goto done;
    }
    set = AdDict_New();
    if (!set)
        goto done;
    for (Ad_ssize_t i = 0; i < na; i++) {
        AdObject *name = AdTuple_GET_ITEM(fields, i);
        if (AdObject_SetAttr(self, name, AdTuple_GET_ITEM(args, i)) < 0 || AdDict_SetItem(set, name, Ad_None) < 0)
            goto done;
    }
    attributes = type_attr(self, "_attributes");
    if (!attributes && AdErr_Occurred())
        goto done;
    if (attributes && !AdTuple_Check(attributes)) {
        AdObject *t = AdSequence_Tuple(attributes);
        Ad_DECREF(attributes);
        if (!(attributes = t))
            goto done;
    }
    if (kwds) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (AdDict_Next(kwds, &pos, &k, &v)) {
            int c = AdDict_Contains(set, k);
            if (c < 0)
                goto done;
            if (c) {
                AdErr_Format(AdExc_TypeError, "%.400s got multiple values for argument %R", short_name(self), k);
                goto done;
            }
            int known = fields ? tuple_contains_str(fields, k) : 0;
            if (known < 0)
                goto done;
            int isattr = tuple_contains_str(attributes, k);
            if (isattr < 0)
                goto done;
            if (!known && !isattr) {
                const char *nm = AD_TYPE(self) == &AdAst_Type ? "ast.AST" : short_name(self);
                if (AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                                     "%.400s.__init__ got an unexpected keyword argument %R. Support for "
                                     "arbitrary keyword arguments is deprecated and will be removed in Python 3.15.",
                                     nm, k) < 0)
                    goto done;
            }
            if (AdObject_SetAttr(self, k, v) < 0 || AdDict_SetItem(set, k, Ad_None) < 0)
                goto done;
        }
    }
    ftypes = type_attr(self, "_field_types");
    if (!ftypes && AdErr_Occurred())
        goto done;
    for (Ad_ssize_t i = 0; i < nf; i++) {
        AdObject *name = AdTuple_GET_ITEM(fields, i);
        int c = AdDict_Contains(set, name);
        if (c < 0)
            goto done;
        if (c)
            continue;
        AdObject *ft = NULL;
        if (ftypes && AdDict_Check(ftypes)) {
            if (AdDict_GetItemRef(ftypes, name, &ft) < 0)
                goto done;
        }
        if (!ft)
            continue;
        AdObject *def;
        int r = field_default(ft, &def);
        Ad_DECREF(ft);
        if (r < 0)
            goto done;
        if (r) {
            int s = AdObject_SetAttr(self, name, def);
            Ad_DECREF(def);
            if (s < 0)
                goto done;
        } else if (AdErr_WarnFormat(AdExc_DeprecationWarning, 1,
                                    "%.400s.__init__ missing 1 required positional argument: %R. This will "
                                    "become an error in Python 3.15.",
                                    short_name(self), name) < 0) {
            goto done;
        }
    }
    rc = 0;
done:
    Ad_XDECREF(fields);
    Ad_XDECREF(attributes);
    Ad_XDECREF(ftypes);
    Ad_XDECREF(set);
    return rc;
}

/* ---- repr ---- */

static int repr_value(AdStrWriter *w, AdObject *v, int depth);

static int repr_node(AdStrWriter *w, AdObject *self, int depth)
{
    const char *name = AD_TYPE(self) == &AdAst_Type ? "ast.AST" : short_name(self);
    if (AdStrWriter_WriteUTF8(w, name, (Ad_ssize_t)strlen(name)) < 0)
        return -1;
    if (depth >= 3)
        return AdStrWriter_WriteASCII(w, "(...)", 5);
    AdObject *fields = type_attr(self, "_fields");
    if (!fields && AdErr_Occurred())
        return -1;
    AdObject *t = fields ? AdSequence_Tuple(fields) : AdTuple_New(0);
    Ad_XDECREF(fields);
    if (!t)
        return -1;
    int rc = AdStrWriter_WriteChar(w, '(');
    for (Ad_ssize_t i = 0; rc >= 0 && i < AdTuple_GET_SIZE(t); i++) {
        AdObject *fname = AdTuple_GET_ITEM(t, i);
        AdObject *v = AdObject_GetAttr(self, fname);
        if (!v) {
            rc = -1;
            break;
        }
        if ((i > 0 && AdStrWriter_WriteASCII(w, ", ", 2) < 0) || AdStrWriter_WriteStr(w, fname) < 0 ||
            AdStrWriter_WriteChar(w, '=') < 0 || repr_value(w, v, depth + 1) < 0)
            rc = -1;
        Ad_DECREF(v);
    }
    Ad_DECREF(t);
    if (rc >= 0)
        rc = AdStrWriter_WriteChar(w, ')');
    return rc;
}

static int repr_value(AdStrWriter *w, AdObject *v, int depth)
{
    if (AdObject_TypeCheck(v, &AdAst_Type))
        return repr_node(w, v, depth);
    if (AdList_Check(v)) {
        Ad_ssize_t n = AdList_GET_SIZE(v);
        if (AdStrWriter_WriteChar(w, '[') < 0)
            return -1;
        for (Ad_ssize_t i = 0; i < n; i++) {
            if (n > 2 && i > 0 && i < n - 1) {
                if (i == 1 && AdStrWriter_WriteASCII(w, ", ...", 5) < 0)
                    return -1;
                continue;
            }
            if (i > 0 && AdStrWriter_WriteASCII(w, ", ", 2) < 0)
                return -1;
            AdObject *item = AdList_GET_ITEM(v, i);
            Ad_INCREF(item);
            int r = repr_value(w, item, depth);
            Ad_DECREF(item);
            if (r < 0)
                return -1;
        }
        return AdStrWriter_WriteChar(w, ']');
    }
    AdObject *r = AdObject_Repr(v);
    if (!r)
        return -1;
    int rc = AdStrWriter_WriteStr(w, r);
    Ad_DECREF(r);
    return rc;
}

static AdObject *ast_repr(AdObject *self)
{
    int re = Ad_ReprEnter(self);
    if (re < 0)
        return NULL;
    if (re > 0)
        return AdStr_FromFormat("%s(...)", short_name(self));
    AdStrWriter w;
    AdStrWriter_Init(&w);
    int rc = repr_node(&w, self, 0);
    Ad_ReprLeave(self);
    if (rc < 0) {
        AdStrWriter_Dealloc(&w);
        return NULL;
    }
    return AdStrWriter_Finish(&w);
}

/* ---- pickling and copy.replace ---- */

static AdObject *ast_reduce(AdObject *self, AdObject *unused)
{
    (void)unused;
    AdObject *fields = type_attr(self, "_fields");
    if (!fields && AdErr_Occurred())
        return NULL;
    Ad_ssize_t nf = fields ? AdObject_Size(fields) : 0;
    Ad_XDECREF(fields);
    if (nf < 0)
        return NULL;
    AdObject *args = AdTuple_New(nf);
    if (!args)
        return NULL;
    for (Ad_ssize_t i = 0; i < nf; i++)
        AdTuple_SET_ITEM(args, i, Ad_NewRef(Ad_None));
    AdObject *d = ((ast_object *)self)->dict;
    AdObject *r = d && AdDict_GET_SIZE(d) ? AdTuple_Pack(3, (AdObject *)AD_TYPE(self), args, d)
                                          : AdTuple_Pack(2, (AdObject *)AD_TYPE(self), args);
    Ad_DECREF(args);
    return r;
}

static AdObject *ast_replace(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (nargs > 0)
        return AdErr_Format(AdExc_TypeError, "__replace__() takes no positional arguments");
    AdObject *fields = type_attr(self, "_fields");
    if (!fields && AdErr_Occurred())
        return NULL;
    AdObject *attributes = type_attr(self, "_attributes");
    AdObject *kw = AdDict_New(), *res = NULL, *empty = NULL, *missing = NULL;
    if (!kw || (!attributes && AdErr_Occurred()))
        goto done;
    Ad_ssize_t nk = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t k = 0; k < nk; k++) {
        AdObject *name = AdTuple_GET_ITEM(kwnames, k);
        int known = fields ? tuple_contains_str(fields, name) : 0;
        if (!known && attributes)
            known = tuple_contains_str(attributes, name);
        if (known < 0)
            goto done;
        if (!known) {
            AdErr_Format(AdExc_TypeError, "%.400s.__replace__ got an unexpected keyword argument %R.",
                         short_name(self), name);
            goto done;
        }
        if (AdDict_SetItem(kw, name, args[k]) < 0)
            goto done;
    }
    missing = AdList_New(0);
    if (!missing)
        goto done;
    for (int pass = 0; pass < 2; pass++) {
        AdObject *names = pass == 0 ? fields : attributes;
        if (!names || !AdTuple_Check(names))
            continue;
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(names); i++) {
            AdObject *name = AdTuple_GET_ITEM(names, i);
            int c = AdDict_Contains(kw, name);
            if (c < 0)
                goto done;
            if (c)
                continue;
            AdObject *v = NULL;
            if (AdObject_GetOptionalAttr(self, name, &v) < 0)
                goto done;
            if (!v) {
                if (pass == 0 && AdList_Append(missing, name) < 0)
                    goto done;
                continue;
            }
            int s = AdDict_SetItem(kw, name, v);
            Ad_DECREF(v);
            if (s < 0)
                goto done;
        }
    }
    Ad_ssize_t nm = AdList_GET_SIZE(missing);
    if (nm) {
        AdStrWriter w;
        AdStrWriter_Init(&w);
        for (Ad_ssize_t i = 0; i < nm; i++) {
            AdObject *r = AdObject_Repr(AdList_GET_ITEM(missing, i));
            if (!r || (i && AdStrWriter_WriteASCII(&w, ", ", 2) < 0) || AdStrWriter_WriteStr(&w, r) < 0) {
                Ad_XDECREF(r);
                AdStrWriter_Dealloc(&w);
                goto done;
            }
            Ad_DECREF(r);
        }
        AdObject *s = AdStrWriter_Finish(&w);
        if (s) {
            AdErr_Format(AdExc_TypeError, "%.400s.__replace__ missing %zd keyword argument%s: %U.",
                         short_name(self), nm, nm == 1 ? "" : "s", s);
            Ad_DECREF(s);
        }
        goto done;
    }
    empty = AdTuple_New(0);
    if (empty)
        res = AdObject_Call((AdObject *)AD_TYPE(self), empty, kw);
done:
    Ad_XDECREF(fields);
    Ad_XDECREF(attributes);
    Ad_XDECREF(kw);
    Ad_XDECREF(empty);
    Ad_XDECREF(missing);
    return res;
}

static AdMethodDef ast_methods[] = {
    {"__reduce__", (void (*)(void))ast_reduce, AD_METH_NOARGS, "Helper for pickle."},
    {"__replace__", (void (*)(void))ast_replace, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "__replace__($self, /, **fields)\n--\n\nReturn a copy of the AST node with new values for the specified fields."},
    {NULL, NULL, 0, NULL},
};

static AdObject *ast_get_dict(AdObject *self, void *closure)
{
    (void)closure;
    ast_object *o = (ast_object *)self;
    if (!o->dict && !(o->dict = AdDict_New()))
        return NULL;
    return Ad_NewRef(o->dict);
}

static AdGetSetDef ast_getset[] = {
    {"__dict__", ast_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdAst_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "ast.AST",
    .tp_basicsize = sizeof(ast_object),
    .tp_dealloc = ast_dealloc,
    .tp_repr = ast_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC | AD_TPFLAGS_BASETYPE,
    .tp_traverse = ast_traverse,
    .tp_clear = ast_clear,
    .tp_methods = ast_methods,
    .tp_getset = ast_getset,
    .tp_dictoffset = offsetof(ast_object, dict),
    .tp_init = ast_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = AdType_GenericNew,
    .tp_free = AdObject_GC_Del,
};

/* ---- building the classes ---- */

int ast_node_find(ast_family fam, int kind)
{
    for (int i = 0; i < ast_nnodes; i++)
        if (ast_nodes[i].fam == fam && !ast_nodes[i].abstract && ast_nodes[i].kind == kind)
            return i;
    return -1;
}

int ast_node_index_of_type(AdTypeObject *tp)
{
    AdObject *mro = tp->tp_mro;
    if (!mro || !AdTuple_Check(mro))
        return -1;
    for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(mro); i++) {
        AdObject *v = AdDict_GetItemWithError(ast_st.index, AdTuple_GET_ITEM(mro, i));
        if (v)
            return (int)AdInt_AsInt64(v);
        if (AdErr_Occurred())
            return -1;
    }
    return -1;
}

static int node_index(const char *name)
{
    for (int i = 0; i < ast_nnodes; i++)
        if (!strcmp(ast_nodes[i].name, name))
            return i;
    return -1;
}

/* The ASDL signature of node I: "Name(identifier id, expr_context ctx)". */
static int write_signature(AdStrWriter *w, int i)
{
    const ast_node *n = &ast_nodes[i];
    if (AdStrWriter_WriteUTF8(w, n->name, (Ad_ssize_t)strlen(n->name)) < 0)
        return -1;
    if (!n->nfields)
        return 0;
    if (AdStrWriter_WriteChar(w, '(') < 0)
        return -1;
    for (int f = 0; f < n->nfields; f++) {
        const char *t = n->fields[f].asdl;
        if ((f && AdStrWriter_WriteASCII(w, ", ", 2) < 0) || AdStrWriter_WriteUTF8(w, t, (Ad_ssize_t)strlen(t)) < 0 ||
            AdStrWriter_WriteChar(w, ' ') < 0 ||
            AdStrWriter_WriteUTF8(w, n->fields[f].name, (Ad_ssize_t)strlen(n->fields[f].name)) < 0)
            return -1;
    }
    return AdStrWriter_WriteChar(w, ')');
}

static AdObject *make_doc(int i)
{
    const ast_node *n = &ast_nodes[i];
    if (!n->base)
        return Ad_NewRef(Ad_None);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (n->abstract) {
        int simple = n->fam >= AST_FAM_EXPR_CONTEXT;
        if (AdStrWriter_WriteUTF8(&w, n->name, (Ad_ssize_t)strlen(n->name)) < 0 ||
            AdStrWriter_WriteASCII(&w, " = ", 3) < 0)
            goto fail;
        int first = 1;
        for (int j = 0; j < ast_nnodes; j++) {
            if (!ast_nodes[j].base || strcmp(ast_nodes[j].base, n->name))
                continue;
            if (!first) {
                if (simple) {
                    if (AdStrWriter_WriteASCII(&w, " | ", 3) < 0)
                        goto fail;
                } else {
                    if (AdStrWriter_WriteChar(&w, '\n') < 0)
                        goto fail;
                    for (size_t s = 0; s <= strlen(n->name); s++)
                        if (AdStrWriter_WriteChar(&w, ' ') < 0)
                            goto fail;
                    if (AdStrWriter_WriteASCII(&w, "| ", 2) < 0)
                        goto fail;
                }
            }
            first = 0;
            if (write_signature(&w, j) < 0)
                goto fail;
        }
    } else if (write_signature(&w, i) < 0) {
        goto fail;
    }
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* The Python type of an ASDL type name (borrowed), NULL if unknown. */
static AdObject *asdl_base_type(const char *asdl, size_t len)
{
    char name[64];
    if (len >= sizeof name)
        return NULL;
    memcpy(name, asdl, len);
    name[len] = 0;
    if (!strcmp(name, "identifier") || !strcmp(name, "string"))
        return (AdObject *)&AdStr_Type;
    if (!strcmp(name, "int"))
        return (AdObject *)&AdInt_Type;
    if (!strcmp(name, "constant"))
        return (AdObject *)&AdBaseObject_Type;
    int j = node_index(name);
    return j >= 0 ? ast_st.cls[j] : NULL;
}

static AdObject *field_type(const char *asdl)
{
    size_t len = strcspn(asdl, "?*");
    AdObject *base = asdl_base_type(asdl, len);
    if (!base) {
        AdErr_Format(AdExc_SystemError, "_ast: unknown ASDL type %s", asdl);
        return NULL;
    }
    if (strchr(asdl, '*'))
        return Ad_GenericAlias((AdObject *)&AdList_Type, base);
    if (strchr(asdl, '?'))
        return AdUnion_Or(base, Ad_None);
    return Ad_NewRef(base);
}

static AdObject *str_tuple(const char *const *names, int n)
{
    AdObject *t = AdTuple_New(n);
    if (!t)
        return NULL;
    for (int i = 0; i < n; i++) {
        AdObject *s = AdStr_InternFromString(names[i]);
        if (!s) {
            Ad_DECREF(t);
            return NULL;
        }
        AdTuple_SET_ITEM(t, i, Ad_NewRef(s));
    }
    return t;
}

static const char *const pos_names[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};

static int set_item(AdObject *d, const char *k, AdObject *v)
{
    if (!v)
        return -1;
    int r = AdDict_SetItemString(d, k, v);
    Ad_DECREF(v);
    return r;
}

/* _field_types (and __annotations__) of node I, once every class exists. */
static int set_field_types(int i)
{
    const ast_node *n = &ast_nodes[i];
    AdObject *ft = AdDict_New();
    if (!ft)
        return -1;
    for (int f = 0; f < n->nfields; f++)
        if (set_item(ft, n->fields[f].name, field_type(n->fields[f].asdl)) < 0) {
            Ad_DECREF(ft);
            return -1;
        }
    int r = AdObject_SetAttr(ast_st.cls[i], AdStr_InternFromString("_field_types"), ft) < 0 ||
            AdObject_SetAttr(ast_st.cls[i], AdStr_InternFromString("__annotations__"), ft) < 0;
    Ad_DECREF(ft);
    return r ? -1 : 0;
}

static AdObject *make_class(int i)
{
    const ast_node *n = &ast_nodes[i];
    int b = node_index(n->base);
    AdObject *dict = AdDict_New(), *cls = NULL;
    if (!dict)
        return NULL;
    const char *fnames[16];
    for (int f = 0; f < n->nfields; f++)
        fnames[f] = n->fields[f].name;
    int own_attrs = n->pos_off >= 0 && (n->abstract || n->fam == AST_FAM_ARG || n->fam == AST_FAM_KEYWORD ||
                                        n->fam == AST_FAM_ALIAS);
    if (set_item(dict, "__module__", AdStr_FromString("ast")) < 0 || set_item(dict, "__doc__", make_doc(i)) < 0 ||
        set_item(dict, "_fields", str_tuple(fnames, n->nfields)) < 0 ||
        set_item(dict, "__match_args__", str_tuple(fnames, n->nfields)) < 0 ||
        set_item(dict, "_attributes", str_tuple(pos_names, n->pos_off >= 0 ? 4 : 0)) < 0)
        goto done;
    if (own_attrs && n->fam != AST_FAM_PATTERN && n->fam != AST_FAM_TYPE_PARAM &&
        (AdDict_SetItemString(dict, "end_lineno", Ad_None) < 0 ||
         AdDict_SetItemString(dict, "end_col_offset", Ad_None) < 0))
        goto done;
    for (int f = 0; f < n->nfields; f++) {
        const char *t = n->fields[f].asdl;
        if (strchr(t, '?') && !strchr(t, '*') && AdDict_SetItemString(dict, n->fields[f].name, Ad_None) < 0)
            goto done;
    }
    AdObject *name = AdStr_FromString(n->name);
    AdObject *bases = name ? AdTuple_Pack(1, ast_st.cls[b]) : NULL;
    AdObject *targs = bases ? AdTuple_Pack(3, name, bases, dict) : NULL;
    if (targs)
        cls = AdObject_Call((AdObject *)&AdType_Type, targs, NULL);
    Ad_XDECREF(targs);
    Ad_XDECREF(name);
    Ad_XDECREF(bases);
done:
    Ad_DECREF(dict);
    return cls;
}

/* Step 1 of finalization: give the classes back to their module, so that
 * the collector frees them with it (a later compile() to an AST would make
 * them again). */
static void ast_state_fini(AdInterp *interp, void *arg)
{
    (void)interp;
    (void)arg;
    for (int i = 0; i < ast_nnodes; i++) {
        AD_CLEAR(ast_st.cls[i]);
        AD_CLEAR(ast_st.singleton[i]);
    }
    AD_CLEAR(ast_st.index);
    ast_st.ready = 0;
}

int ast_state_init(void)
{
    if (ast_st.ready)
        return 0;
    if (AdType_Ready(&AdAst_Type) < 0)
        return -1;
    AdObject *empty = AdTuple_New(0);
    if (!empty)
        return -1;
    AdObject *d = AdAst_Type.tp_dict;
    int r = AdDict_SetItemString(d, "_fields", empty) < 0 || AdDict_SetItemString(d, "_attributes", empty) < 0 ||
            AdDict_SetItemString(d, "__match_args__", empty) < 0 ||
            AdDict_SetItemString(d, "__module__", AdStr_InternFromString("ast")) < 0;
    Ad_DECREF(empty);
    if (r)
        return -1;
    AdType_Modified(&AdAst_Type);
    ast_st.index = AdDict_New();
    if (!ast_st.index)
        return -1;
    ast_st.cls[0] = Ad_NewRef((AdObject *)&AdAst_Type);
    for (int i = 1; i < ast_nnodes; i++) {
        if (!(ast_st.cls[i] = make_class(i)))
            return -1;
        AdObject *ix = AdInt_FromInt64(i);
        if (!ix || AdDict_SetItem(ast_st.index, ast_st.cls[i], ix) < 0) {
            Ad_XDECREF(ix);
            return -1;
        }
        Ad_DECREF(ix);
        if (ast_nodes[i].fam >= AST_FAM_EXPR_CONTEXT && !ast_nodes[i].abstract &&
            !(ast_st.singleton[i] = AdObject_CallNoArgs(ast_st.cls[i])))
            return -1;
    }
    for (int i = 1; i < ast_nnodes; i++)
        if (!ast_nodes[i].abstract && set_field_types(i) < 0)
            return -1;
    AdInterp *interp = Ad_MainInterp();
    if (interp)
        (void)Ad_InterpAtExit(interp, ast_state_fini, NULL);   /* full table: the classes just stay */
    ast_st.ready = 1;
    return 0;
}

/* ---- hooks for compile() ---- */

int AdAst_Check(AdObject *obj)
{
    return AdObject_TypeCheck(obj, &AdAst_Type);
}

/* The level of PyCF_OPTIMIZED_AST folding for FLAGS and OPTIMIZE, or -1. */
static int opt_level_of(int flags, int optimize)
{
    if ((flags & AD_PYCF_OPTIMIZED_AST) != AD_PYCF_OPTIMIZED_AST)
        return -1;
    return optimize < 0 ? 0 : optimize;
}

AdObject *AdAst_Parse(const char *src, size_t len, const char *filename, const char *mode, int str_input, int flags,
                      int optimize)
{
    if (ast_state_init() < 0)
        return NULL;
    AdParseMode pm;
    if (!strcmp(mode, "exec"))
        pm = AD_PARSE_EXEC;
    else if (!strcmp(mode, "eval"))
        pm = AD_PARSE_EVAL;
    else if (!strcmp(mode, "single"))
        pm = AD_PARSE_SINGLE;
    else
        pm = AD_PARSE_FUNC_TYPE;
    AdArena *arena = AdArena_New();
    if (!arena)
        return AdErr_NoMemory();
    AdParseError err;
    memset(&err, 0, sizeof err);
    AdMod *mod = AdParser_ParseString(src, len, filename, pm, str_input ? AD_PARSEF_STR_INPUT : 0, arena, &err);
    AdObject *res = NULL;
    if (!mod) {
        if (!AdErr_Occurred())
            AdCompile_RaiseError(&err);
    } else {
        res = ast_mod_to_python(mod, opt_level_of(flags, optimize));
    }
    AdParseError_Clear(&err);
    AdArena_Free(arena);
    return res;
}

AdObject *AdAst_Compile(AdObject *tree, const char *filename, const char *mode, int flags, int optimize)
{
    if (ast_state_init() < 0)
        return NULL;
    int m = !strcmp(mode, "exec") ? 0 : !strcmp(mode, "eval") ? 1 : !strcmp(mode, "single") ? 2 : 3;
    AdArena *arena = AdArena_New();
    if (!arena)
        return AdErr_NoMemory();
    AdObject *res = NULL;
    AdMod *mod = ast_mod_from_python(tree, arena, m);
    if (mod && ast_validate(mod) < 0) {
        mod = NULL;
    } else if (mod && (flags & AD_PYCF_ONLY_AST)) {
        res = ast_mod_to_python(mod, opt_level_of(flags, optimize));   /* a checked copy, as CPython returns */
    } else if (mod) {
        AdCompileOptions opts = {0};
        opts.flags = flags;
        opts.optimize = optimize;
        AdCompileError err;
        memset(&err, 0, sizeof err);
        res = AdCompile_Ast(mod, filename, &opts, &err);
        if (!res) {
            if (!AdErr_Occurred())
                AdCompile_RaiseError(&err);
            AdParseError_Clear(&err);
        }
    }
    AdArena_Free(arena);
    return res;
}

/* ---- the module ---- */

AdObject *AdModule_InitAst(void)
{
    if (ast_state_init() < 0)
        return NULL;
    AdObject *m = AdModule_New("_ast");
    if (!m)
        return NULL;
    for (int i = 0; i < ast_nnodes; i++)
        if (AdModule_AddObjectRef(m, ast_nodes[i].name, ast_st.cls[i]) < 0)
            goto fail;
    if (AdModule_AddIntConstant(m, "PyCF_ONLY_AST", AD_PYCF_ONLY_AST) < 0 ||
        AdModule_AddIntConstant(m, "PyCF_TYPE_COMMENTS", AD_PYCF_TYPE_COMMENTS) < 0 ||
        AdModule_AddIntConstant(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", AD_PYCF_ALLOW_TOP_LEVEL_AWAIT) < 0 ||
        AdModule_AddIntConstant(m, "PyCF_OPTIMIZED_AST", AD_PYCF_OPTIMIZED_AST) < 0)
        goto fail;
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
