/* ast_convert.c -- between the parser's C tree and Python ast nodes.
 *
 * Owns: ast_mod_to_python (every node of an AdMod becomes an instance of
 * its _ast class, fields in _fields order then the position attributes)
 * and ast_mod_from_python (the reverse for compile(ast_object, ...), with
 * CPython's TypeErrors for wrong node types, missing required fields and
 * non-list sequences).  Both are driven by the table in ast_nodes.c.
 */
#include "modules/ast_internal.h"
#include "modules/ast_module.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#include <string.h>

/* The family of an ASDL base type name; 0 for identifier/string/int/constant. */
static ast_family family_of(const char *asdl, size_t len)
{
    static const struct { const char *n; ast_family f; } t[] = {
        {"mod", AST_FAM_MOD}, {"stmt", AST_FAM_STMT}, {"expr", AST_FAM_EXPR}, {"pattern", AST_FAM_PATTERN},
        {"excepthandler", AST_FAM_EXCEPTHANDLER}, {"type_param", AST_FAM_TYPE_PARAM},
        {"arguments", AST_FAM_ARGUMENTS}, {"arg", AST_FAM_ARG}, {"keyword", AST_FAM_KEYWORD},
        {"alias", AST_FAM_ALIAS}, {"withitem", AST_FAM_WITHITEM}, {"comprehension", AST_FAM_COMPREHENSION},
        {"match_case", AST_FAM_MATCH_CASE}, {"type_ignore", AST_FAM_TYPE_IGNORE},
        {"expr_context", AST_FAM_EXPR_CONTEXT}, {"boolop", AST_FAM_BOOLOP}, {"operator", AST_FAM_OPERATOR},
        {"unaryop", AST_FAM_UNARYOP}, {"cmpop", AST_FAM_CMPOP},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strlen(t[i].n) == len && !memcmp(t[i].n, asdl, len))
            return t[i].f;
    return AST_FAM_NONE;
}

/* Index of the one concrete class of a product family (or ExceptHandler). */
static int product_index(ast_family fam)
{
    for (int i = 0; i < ast_nnodes; i++)
        if (ast_nodes[i].fam == fam && !ast_nodes[i].abstract)
            return i;
    return -1;
}

static int is_sum(ast_family fam)
{
    return fam == AST_FAM_MOD || fam == AST_FAM_STMT || fam == AST_FAM_EXPR || fam == AST_FAM_PATTERN ||
           fam == AST_FAM_TYPE_PARAM;
}

/* ================= C -> Python ================= */

static AdObject *node_to_py(ast_family fam, const void *c);

static AdObject *const_to_py(const AdConst *k)
{
    switch (k->kind) {
    case AD_CONST_NONE: return Ad_NewRef(Ad_None);
    case AD_CONST_TRUE: return Ad_NewRef(Ad_True);
    case AD_CONST_FALSE: return Ad_NewRef(Ad_False);
    case AD_CONST_ELLIPSIS: return Ad_NewRef(Ad_Ellipsis);
    case AD_CONST_INT: return AdInt_FromInt64(k->v.i);
    case AD_CONST_BIGINT: return AdInt_FromString(k->v.str.data, (Ad_ssize_t)k->v.str.len, 10);
    case AD_CONST_FLOAT: return AdFloat_FromDouble(k->v.f);
    case AD_CONST_COMPLEX: return AdComplex_FromDoubles(0.0, k->v.f);
    case AD_CONST_STR: return AdStr_FromStringAndSize(k->v.str.data, (Ad_ssize_t)k->v.str.len);
    case AD_CONST_BYTES: return AdBytes_FromStringAndSize(k->v.str.data, (Ad_ssize_t)k->v.str.len);
    }
    AdErr_SetString(AdExc_SystemError, "_ast: bad constant kind");
    return NULL;
}

static AdObject *cstr_to_py(const char *s)
{
    return s ? AdStr_FromString(s) : Ad_NewRef(Ad_None);
}

static AdObject *enum_to_py(ast_family fam, int v)
{
    int i = ast_node_find(fam, v);
    if (i < 0) {
        AdErr_SetString(AdExc_SystemError, "_ast: bad enumeration value");
        return NULL;
    }
    return Ad_NewRef(ast_st.singleton[i]);
}

/* One item (a pointer for nodes and identifiers). */
static AdObject *ptr_to_py(ast_family fam, const void *p)
{
    if (fam == AST_FAM_NONE)
        return cstr_to_py((const char *)p);
    if (!p)
        return Ad_NewRef(Ad_None);
    return node_to_py(fam, p);
}

static AdObject *field_to_py(const char *asdl, const char *addr)
{
    size_t blen = strcspn(asdl, "?*");
    ast_family fam = family_of(asdl, blen);
    if (strchr(asdl, '*')) {
        AdObject *list;
        if (fam == AST_FAM_CMPOP) {
            const AdAstIntSeq *s = *(AdAstIntSeq *const *)addr;
            int n = s ? s->len : 0;
            list = AdList_New(n);
            for (int i = 0; list && i < n; i++) {
                AdObject *v = enum_to_py(fam, s->items[i]);
                if (!v) {
                    Ad_DECREF(list);
                    return NULL;
                }
                AdList_SET_ITEM(list, i, v);
            }
            return list;
        }
        const AdAstSeq *s = *(AdAstSeq *const *)addr;
        int n = AdAstSeq_LEN(s);
        list = AdList_New(n);
        for (int i = 0; list && i < n; i++) {
            AdObject *v = ptr_to_py(fam, s->items[i]);
            if (!v) {
                Ad_DECREF(list);
                return NULL;
            }
            AdList_SET_ITEM(list, i, v);
        }
        return list;
    }
    if (fam >= AST_FAM_EXPR_CONTEXT)
        return enum_to_py(fam, *(const int *)addr);
    if (fam != AST_FAM_NONE)
        return ptr_to_py(fam, *(void *const *)addr);
    if (!strncmp(asdl, "int", blen) && blen == 3)
        return AdInt_FromInt64(*(const int *)addr);
    if (!strncmp(asdl, "constant", blen) && blen == 8)
        return const_to_py((const AdConst *)addr);
    return cstr_to_py(*(const char *const *)addr);
}

/* ---- PyCF_OPTIMIZED_AST: what 3.14's AST optimizer still changes ---- */

/* -1: plain tree; otherwise the optimization level (__debug__ is
 * Constant(level == 0) and MatchValue numbers like -1 or 1+2j are folded). */
static int opt_level = -1;
static int in_match_value;

static AdObject *make_constant(AdObject *value, const AdExpr *at)
{
    int idx = ast_node_find(AST_FAM_EXPR, AD_Constant_kind);
    AdTypeObject *tp = (AdTypeObject *)ast_st.cls[idx];
    AdObject *obj = tp->tp_alloc(tp, 0);
    AdObject *dict = obj ? AdDict_New() : NULL;
    if (!dict) {
        Ad_XDECREF(obj);
        return NULL;
    }
    *AdObject_GetDictPtr(obj) = dict;
    static const char *const pn[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
    const int *pos = &at->lineno;
    if (AdDict_SetItemString(dict, "value", value) < 0 || AdDict_SetItemString(dict, "kind", Ad_None) < 0)
        goto fail;
    for (int k = 0; k < 4; k++) {
        AdObject *v = AdInt_FromInt64(pos[k]);
        if (!v || AdDict_SetItemString(dict, pn[k], v) < 0) {
            Ad_XDECREF(v);
            goto fail;
        }
        Ad_DECREF(v);
    }
    return obj;
fail:
    Ad_DECREF(obj);
    return NULL;
}

/* The number a MatchValue expression stands for (new ref), or NULL without
 * an exception when it is not a foldable literal. */
static AdObject *fold_number(const AdExpr *e)
{
    if (e->kind == AD_Constant_kind) {
        AdConstKind k = e->v.Constant.value.kind;
        if (k == AD_CONST_INT || k == AD_CONST_BIGINT || k == AD_CONST_FLOAT || k == AD_CONST_COMPLEX)
            return const_to_py(&e->v.Constant.value);
        return NULL;
    }
    if (e->kind == AD_UnaryOp_kind && e->v.UnaryOp.op == AD_USub) {
        AdObject *v = fold_number(e->v.UnaryOp.operand);
        if (!v)
            return NULL;
        AdObject *r = AdNumber_Negative(v);
        Ad_DECREF(v);
        return r;
    }
    if (e->kind == AD_BinOp_kind && (e->v.BinOp.op == AD_Add || e->v.BinOp.op == AD_Sub)) {
        AdObject *a = fold_number(e->v.BinOp.left);
        if (!a)
            return NULL;
        AdObject *b = fold_number(e->v.BinOp.right);
        if (!b) {
            Ad_DECREF(a);
            return NULL;
        }
        AdObject *r = e->v.BinOp.op == AD_Add ? AdNumber_Add(a, b) : AdNumber_Subtract(a, b);
        Ad_DECREF(a);
        Ad_DECREF(b);
        return r;
    }
    return NULL;
}

/* The optimized replacement of expression E (new ref), or NULL without an
 * exception when E stays as it is. */
static AdObject *optimized_expr(const AdExpr *e, int in_match_value)
{
    if (e->kind == AD_Name_kind && e->v.Name.ctx == AD_Load && !strcmp(e->v.Name.id, "__debug__"))
        return make_constant(opt_level == 0 ? Ad_True : Ad_False, e);
    if (in_match_value && e->kind != AD_Constant_kind) {
        AdObject *v = fold_number(e);
        if (!v)
            return NULL;
        AdObject *r = make_constant(v, e);
        Ad_DECREF(v);
        return r;
    }
    return NULL;
}

static AdObject *node_to_py(ast_family fam, const void *c)
{
    int idx;
    int mv = in_match_value;
    in_match_value = 0;
    if (opt_level >= 0 && fam == AST_FAM_EXPR) {
        AdObject *r = optimized_expr(c, mv);
        if (r || AdErr_Occurred())
            return r;
    }
    if (is_sum(fam)) {
        int kind = *(const int *)c;   /* kind is the first member of every sum struct */
        idx = ast_node_find(fam, kind);
    } else {
        idx = product_index(fam);
    }
    if (idx < 0) {
        AdErr_SetString(AdExc_SystemError, "_ast: unknown node kind");
        return NULL;
    }
    if (ast_enter_depth(" during ast construction"))
        return NULL;
    const ast_node *n = &ast_nodes[idx];
    AdTypeObject *tp = (AdTypeObject *)ast_st.cls[idx];
    AdObject *obj = tp->tp_alloc(tp, 0);
    AdObject *dict = obj ? AdDict_New() : NULL;
    if (!dict)
        goto fail;
    AdObject **dp = AdObject_GetDictPtr(obj);
    *dp = dict;
    if (opt_level >= 0 && fam == AST_FAM_PATTERN && n->kind == AD_MatchValue_kind)
        in_match_value = 1;
    for (int f = 0; f < n->nfields; f++) {
        AdObject *v = field_to_py(n->fields[f].asdl, (const char *)c + n->fields[f].off);
        if (!v || AdDict_SetItemString(dict, n->fields[f].name, v) < 0) {
            Ad_XDECREF(v);
            goto fail;
        }
        Ad_DECREF(v);
    }
    in_match_value = 0;
    if (n->pos_off >= 0) {
        static const char *const pn[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
        const int *pos = (const int *)((const char *)c + n->pos_off);
        for (int k = 0; k < 4; k++) {
            AdObject *v = AdInt_FromInt64(pos[k]);
            if (!v || AdDict_SetItemString(dict, pn[k], v) < 0) {
                Ad_XDECREF(v);
                goto fail;
            }
            Ad_DECREF(v);
        }
    }
    ast_leave_depth();
    return obj;
fail:
    ast_leave_depth();
    Ad_XDECREF(obj);
    return NULL;
}

AdObject *ast_mod_to_python(const AdMod *mod, int optimize)
{
    if (ast_state_init() < 0)
        return NULL;
    int saved = opt_level;
    opt_level = optimize;
    in_match_value = 0;
    AdObject *r = node_to_py(AST_FAM_MOD, mod);
    opt_level = saved;
    return r;
}

/* ================= Python -> C ================= */

typedef struct {
    AdArena *arena;
} conv;

static int node_from_py(conv *cv, ast_family fam, const char *famname, AdObject *obj, void **out);

static const char *arena_str(conv *cv, AdObject *s)
{
    Ad_ssize_t len;
    const char *u = AdStr_AsUTF8AndSize(s, &len);
    if (!u)
        return NULL;
    char *r = AdArena_Strndup(cv->arena, u, (size_t)len);
    if (!r)
        AdErr_NoMemory();
    return r;
}

static int const_from_py(conv *cv, AdObject *v, AdConst *k)
{
    memset(k, 0, sizeof *k);
    if (v == Ad_None)
        k->kind = AD_CONST_NONE;
    else if (v == Ad_True)
        k->kind = AD_CONST_TRUE;
    else if (v == Ad_False)
        k->kind = AD_CONST_FALSE;
    else if (v == Ad_Ellipsis)
        k->kind = AD_CONST_ELLIPSIS;
    else if (AdInt_Check(v)) {
        int64_t i;
        if (AdInt_AsInt64Exact(v, &i)) {
            k->kind = AD_CONST_INT;
            k->v.i = i;
        } else {
            AdObject *s = AdObject_Repr(v);
            if (!s)
                return -1;
            k->kind = AD_CONST_BIGINT;
            Ad_ssize_t len;
            const char *u = AdStr_AsUTF8AndSize(s, &len);
            k->v.str.data = u ? AdArena_Strndup(cv->arena, u, (size_t)len) : NULL;
            k->v.str.len = (size_t)len;
            Ad_DECREF(s);
            if (!k->v.str.data)
                return -1;
        }
    } else if (AdFloat_Check(v)) {
        k->kind = AD_CONST_FLOAT;
        k->v.f = AdFloat_AS_DOUBLE(v);
    } else if (AdComplex_Check(v) && ((AdComplexObject *)v)->cval.real == 0.0) {
        k->kind = AD_CONST_COMPLEX;
        k->v.f = ((AdComplexObject *)v)->cval.imag;
    } else if (AdStr_Check(v)) {
        Ad_ssize_t len;
        const char *u = AdStr_AsUTF8AndSize(v, &len);
        if (!u)
            return -1;
        k->kind = AD_CONST_STR;
        k->v.str.data = AdArena_Strndup(cv->arena, u, (size_t)len);
        k->v.str.len = (size_t)len;
        if (!k->v.str.data) {
            AdErr_NoMemory();
            return -1;
        }
    } else if (AdBytes_Check(v)) {
        k->kind = AD_CONST_BYTES;
        Ad_ssize_t len = AD_SIZE(v);
        char *d = AdArena_Alloc(cv->arena, (size_t)len + 1);
        if (!d) {
            AdErr_NoMemory();
            return -1;
        }
        memcpy(d, AdBytes_AS_STRING(v), (size_t)len);
        k->v.str.data = d;
        k->v.str.len = (size_t)len;
    } else {
        AdErr_Format(AdExc_TypeError, "got an invalid type in Constant: %.200s", AdType_ShortName(AD_TYPE(v)));
        return -1;
    }
    return 0;
}

static int int_from_py(AdObject *v, int *out)
{
    if (!AdInt_Check(v)) {
        AdObject *r = AdObject_Repr(v);
        if (r) {
            AdErr_Format(AdExc_ValueError, "invalid integer value: %U", r);
            Ad_DECREF(r);
        }
        return -1;
    }
    int64_t i = AdInt_AsInt64(v);
    if (i == -1 && AdErr_Occurred())
        return -1;
    if (i < -2147483647 - 1 || i > 2147483647) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)i;
    return 0;
}

static int enum_from_py(ast_family fam, const char *famname, AdObject *v, int *out)
{
    for (int i = 0; i < ast_nnodes; i++) {
        if (ast_nodes[i].fam != fam || ast_nodes[i].abstract)
            continue;
        int r = AdObject_IsInstance(v, ast_st.cls[i]);
        if (r < 0)
            return -1;
        if (r) {
            *out = ast_nodes[i].kind;
            return 0;
        }
    }
    AdObject *rp = AdObject_Repr(v);
    if (rp) {
        AdErr_Format(AdExc_TypeError, "expected some sort of %s, but got %U", famname, rp);
        Ad_DECREF(rp);
    }
    return -1;
}

static int ident_from_py(conv *cv, const char *asdl, AdObject *v, const char **out)
{
    if (!AdStr_Check(v)) {
        AdErr_Format(AdExc_TypeError, "AST %s must be of type str",
                     strncmp(asdl, "identifier", 10) ? "string" : "identifier");
        return -1;
    }
    *out = arena_str(cv, v);
    return *out ? 0 : -1;
}

/* One item of a sequence or one field value into *(void**)slot. */
static int ptr_from_py(conv *cv, const char *asdl, ast_family fam, const char *famname, AdObject *v, void **slot,
                       int nullable)
{
    if (v == Ad_None && nullable) {
        *slot = NULL;
        return 0;
    }
    if (fam == AST_FAM_NONE)
        return ident_from_py(cv, asdl, v, (const char **)slot);
    return node_from_py(cv, fam, famname, v, slot);
}

static int field_from_py(conv *cv, const ast_node *n, const ast_field *fd, AdObject *v, char *addr)
{
    const char *asdl = fd->asdl;
    size_t blen = strcspn(asdl, "?*");
    char famname[32];
    snprintf(famname, sizeof famname, "%.*s", (int)blen, asdl);
    ast_family fam = family_of(asdl, blen);
    int optional = strchr(asdl, '?') != NULL;
    if (strchr(asdl, '*')) {
        if (!AdList_Check(v)) {
            AdErr_Format(AdExc_TypeError, "%s field \"%s\" must be a list, not a %.200s", n->name, fd->name,
                         AdType_ShortName(AD_TYPE(v)));
            return -1;
        }
        Ad_ssize_t len = AdList_GET_SIZE(v);
        if (fam == AST_FAM_CMPOP) {
            AdAstIntSeq *s = AdAstIntSeq_New(cv->arena, (int)len);
            if (!s) {
                AdErr_NoMemory();
                return -1;
            }
            for (Ad_ssize_t i = 0; i < len && i < AdList_GET_SIZE(v); i++)
                if (enum_from_py(fam, famname, AdList_GET_ITEM(v, i), &s->items[i]) < 0)
                    return -1;
            *(AdAstIntSeq **)addr = s;
            return 0;
        }
        AdAstSeq *s = AdAstSeq_New(cv->arena, (int)len);
        if (!s) {
            AdErr_NoMemory();
            return -1;
        }
        int nullable = optional || !strcmp(fd->name, "kw_defaults");
        for (Ad_ssize_t i = 0; i < len; i++) {
            if (i >= AdList_GET_SIZE(v)) {
                AdErr_Format(AdExc_RuntimeError, "%s field \"%s\" changed size during iteration", n->name, fd->name);
                return -1;
            }
            AdObject *item = AdList_GET_ITEM(v, i);
            if (item == Ad_None && !nullable && (fam == AST_FAM_STMT || fam == AST_FAM_EXPR)) {
                AdErr_Format(AdExc_ValueError, "None disallowed in %s list",
                             fam == AST_FAM_STMT ? "statement" : "expression");
                return -1;
            }
            Ad_INCREF(item);
            int r = ptr_from_py(cv, asdl, fam, famname, item, &s->items[i], nullable);
            Ad_DECREF(item);
            if (r < 0)
                return -1;
        }
        *(AdAstSeq **)addr = s;
        return 0;
    }
    if (fam >= AST_FAM_EXPR_CONTEXT)
        return enum_from_py(fam, famname, v, (int *)addr);
    if (fam == AST_FAM_NONE && blen == 3 && !strncmp(asdl, "int", 3)) {
        if (v == Ad_None && optional) {
            *(int *)addr = 0;
            return 0;
        }
        return int_from_py(v, (int *)addr);
    }
    if (fam == AST_FAM_NONE && blen == 8 && !strncmp(asdl, "constant", 8))
        return const_from_py(cv, v, (AdConst *)addr);
    if (v == Ad_None && !optional) {
        AdErr_Format(AdExc_ValueError, "field '%s' is required for %s", fd->name, n->name);
        return -1;
    }
    return ptr_from_py(cv, asdl, fam, famname, v, (void **)addr, optional);
}

/* A Constant's value as a C expression at POS: scalars become Constant;
 * a tuple of constants becomes a Load Tuple and a complex with a real part
 * 'real + imag j' (the compiler folds both back into one constant). */
static int const_value_expr(conv *cv, AdObject *v, const int *pos, const char *kind, AdExpr **out)
{
    AdExpr *e = AdArena_Alloc(cv->arena, sizeof(AdExpr));
    if (!e) {
        AdErr_NoMemory();
        return -1;
    }
    memcpy(&e->lineno, pos, 4 * sizeof(int));
    *out = e;
    if (AdTuple_Check(v)) {
        e->kind = AD_Tuple_kind;
        e->v.Tuple.ctx = AD_Load;
        Ad_ssize_t n = AdTuple_GET_SIZE(v);
        e->v.Tuple.elts = AdAstSeq_New(cv->arena, (int)n);
        if (!e->v.Tuple.elts) {
            AdErr_NoMemory();
            return -1;
        }
        for (Ad_ssize_t i = 0; i < n; i++)
            if (const_value_expr(cv, AdTuple_GET_ITEM(v, i), pos, NULL, (AdExpr **)&e->v.Tuple.elts->items[i]) < 0)
                return -1;
        return 0;
    }
    if (AdComplex_Check(v) && ((AdComplexObject *)v)->cval.real != 0.0) {
        AdObject *re = AdFloat_FromDouble(((AdComplexObject *)v)->cval.real);
        AdObject *im = re ? AdComplex_FromDoubles(0.0, ((AdComplexObject *)v)->cval.imag) : NULL;
        int r = -1;
        e->kind = AD_BinOp_kind;
        e->v.BinOp.op = AD_Add;
        if (im && const_value_expr(cv, re, pos, NULL, &e->v.BinOp.left) == 0 &&
            const_value_expr(cv, im, pos, NULL, &e->v.BinOp.right) == 0)
            r = 0;
        Ad_XDECREF(re);
        Ad_XDECREF(im);
        return r;
    }
    e->kind = AD_Constant_kind;
    e->v.Constant.kind = kind;
    return const_from_py(cv, v, &e->v.Constant.value);
}

static int constant_from_py(conv *cv, AdObject *obj, const int *pos, AdExpr **out)
{
    AdObject *v = NULL, *k = NULL;
    const char *kind = NULL;
    int rc = -1;
    if (AdObject_GetOptionalAttr(obj, AdStr_InternFromString("value"), &v) < 0)
        return -1;
    if (!v) {
        AdErr_SetString(AdExc_TypeError, "required field \"value\" missing from Constant");
        return -1;
    }
    if (AdObject_GetOptionalAttr(obj, AdStr_InternFromString("kind"), &k) < 0)
        goto done;
    if (k && k != Ad_None) {
        if (!AdStr_Check(k)) {
            AdErr_SetString(AdExc_TypeError, "AST string must be of type str");
            goto done;
        }
        if (!(kind = arena_str(cv, k)))
            goto done;
    }
    rc = const_value_expr(cv, v, pos, kind, out);
done:
    Ad_XDECREF(v);
    Ad_XDECREF(k);
    return rc;
}

static int node_from_py(conv *cv, ast_family fam, const char *famname, AdObject *obj, void **out)
{
    int idx = ast_node_index_of_type(AD_TYPE(obj));
    if (idx < 0 && AdErr_Occurred())
        return -1;
    if (idx < 0 || ast_nodes[idx].fam != fam || ast_nodes[idx].abstract) {
        AdObject *rp = AdObject_Repr(obj);
        if (rp) {
            AdErr_Format(AdExc_TypeError, "expected some sort of %s, but got %U", famname, rp);
            Ad_DECREF(rp);
        }
        return -1;
    }
    const ast_node *n = &ast_nodes[idx];
    if (ast_enter_depth(" during compilation"))
        return -1;
    int rc = -1;
    int pos[4] = {0, 0, 0, 0};
    if (n->pos_off >= 0) {
        static const char *const pn[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
        for (int k = 0; k < 4; k++) {
            AdObject *v = NULL;
            if (AdObject_GetOptionalAttr(obj, AdStr_InternFromString(pn[k]), &v) < 0)
                goto done;
            if (!v || v == Ad_None) {
                Ad_XDECREF(v);
                if (k < 2 || fam == AST_FAM_PATTERN || fam == AST_FAM_TYPE_PARAM) {
                    AdErr_Format(AdExc_TypeError, "required field \"%s\" missing from %s", pn[k], famname);
                    goto done;
                }
                pos[k] = pos[k - 2];
                continue;
            }
            int r = int_from_py(v, &pos[k]);
            Ad_DECREF(v);
            if (r < 0)
                goto done;
        }
    }
    if (fam == AST_FAM_EXPR && n->kind == AD_Constant_kind) {
        rc = constant_from_py(cv, obj, pos, (AdExpr **)out);
        goto done;
    }
    char *c = AdArena_Alloc(cv->arena, n->size);
    if (!c) {
        AdErr_NoMemory();
        goto done;
    }
    if (n->kind_off >= 0)
        *(int *)(c + n->kind_off) = n->kind;
    if (n->pos_off >= 0)
        memcpy(c + n->pos_off, pos, sizeof pos);
    for (int f = 0; f < n->nfields; f++) {
        const ast_field *fd = &n->fields[f];
        AdObject *v = NULL;
        if (AdObject_GetOptionalAttr(obj, AdStr_InternFromString(fd->name), &v) < 0)
            goto done;
        if (!v) {
            if (strchr(fd->asdl, '*')) {
                continue;  /* empty list */
            } else if (strchr(fd->asdl, '?')) {
                v = Ad_NewRef(Ad_None);
            } else {
                AdErr_Format(AdExc_TypeError, "required field \"%s\" missing from %s", fd->name, n->name);
                goto done;
            }
        }
        int r = field_from_py(cv, n, fd, v, c + fd->off);
        Ad_DECREF(v);
        if (r < 0)
            goto done;
    }
    *out = c;
    rc = 0;
done:
    ast_leave_depth();
    return rc;
}

AdMod *ast_mod_from_python(AdObject *obj, AdArena *arena, int mode)
{
    static const char *const want[] = {"Module", "Expression", "Interactive", "FunctionType"};
    if (ast_state_init() < 0)
        return NULL;
    conv cv = {arena};
    int idx = ast_node_index_of_type(AD_TYPE(obj));
    if (idx < 0 || strcmp(ast_nodes[idx].name, want[mode])) {
        if (!AdErr_Occurred())
            AdErr_Format(AdExc_TypeError, "expected %s node, got %.400s", want[mode], AdType_ShortName(AD_TYPE(obj)));
        return NULL;
    }
    void *m = NULL;
    if (node_from_py(&cv, AST_FAM_MOD, "mod", obj, &m) < 0)
        return NULL;
    return (AdMod *)m;
}
