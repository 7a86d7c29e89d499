/* template.c: what t-strings make (PEP 750): string.templatelib.Template
 * (strings, interpolations, values, iteration over the non-empty parts,
 * concatenation of templates, repr) and string.templatelib.Interpolation
 * (value, expression, conversion, format_spec), built by the
 * BUILD_INTERPOLATION and BUILD_TEMPLATE instructions or called directly. */
#include "objects/template.h"
#include "objects/abstract.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "memory/alloc.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stddef.h>

typedef struct {
    AdObject_HEAD;
    AdObject *value, *expression, *conversion, *format_spec;
} InterpolationObject;

typedef struct {
    AdObject_HEAD;
    AdObject *strings;          /* tuple of str, one more than interpolations */
    AdObject *interpolations;   /* tuple of Interpolation */
} TemplateObject;

/* ---- Interpolation ------------------------------------------------------------------------- */

AdObject *AdInterpolation_New(AdObject *value, AdObject *expression, AdObject *conversion, AdObject *format_spec)
{
    InterpolationObject *i = (InterpolationObject *)AdObject_GC_New(&AdInterpolation_Type);
    if (!i)
        return NULL;
    i->value = Ad_NewRef(value);
    i->expression = Ad_NewRef(expression);
    i->conversion = Ad_NewRef(conversion);
    i->format_spec = Ad_NewRef(format_spec);
    AdObject_GC_Track((AdObject *)i);
    return (AdObject *)i;
}

static AdObject *interp_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    static const char *const names[] = {"value", "expression", "conversion", "format_spec"};
    AdObject *v[4] = {NULL, NULL, NULL, NULL};
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n > 4)
        return AdErr_Format(AdExc_TypeError, "Interpolation() takes at most 4 arguments (%zd given)", n);
    for (Ad_ssize_t k = 0; k < n; k++)
        v[k] = AdTuple_GET_ITEM(args, k);
    for (int k = 0; kwds && k < 4; k++) {
        AdObject *x = AdDict_GetItemString(kwds, names[k]);
        if (x) {
            if (v[k])
                return AdErr_Format(AdExc_TypeError, "argument for Interpolation() given by name ('%s') and position (%d)",
                                    names[k], k + 1);
            v[k] = x;
        }
    }
    if (!v[0])
        return AdErr_Format(AdExc_TypeError, "Interpolation() missing required argument 'value' (pos 1)");
    AdObject *empty = AdStr_FromString("");
    if (!empty)
        return NULL;
    AdObject *expr = v[1] ? v[1] : empty, *conv = v[2] ? v[2] : Ad_None, *spec = v[3] ? v[3] : empty;
    AdObject *r = NULL;
    if (!AdStr_Check(expr))
        AdErr_Format(AdExc_TypeError, "Interpolation() argument 'expression' must be str, not %s",
                     AdType_Name(AD_TYPE(expr)));
    else if (conv != Ad_None && !(AdStr_Check(conv) && (AdStr_EqualToASCII(conv, "s") ||
                                                        AdStr_EqualToASCII(conv, "r") || AdStr_EqualToASCII(conv, "a"))))
        AdErr_SetString(AdExc_ValueError, "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'");
    else if (!AdStr_Check(spec))
        AdErr_Format(AdExc_TypeError, "Interpolation() argument 'format_spec' must be str, not %s",
                     AdType_Name(AD_TYPE(spec)));
    else
        r = AdInterpolation_New(v[0], expr, conv, spec);
    Ad_DECREF(empty);
    return r;
}

static void interp_dealloc(AdObject *o)
{
    InterpolationObject *i = (InterpolationObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(i->value);
    Ad_XDECREF(i->expression);
    Ad_XDECREF(i->conversion);
    Ad_XDECREF(i->format_spec);
    AdObject_GC_Del(o);
}

static int interp_traverse(AdObject *o, visitproc visit, void *arg)
{
    InterpolationObject *i = (InterpolationObject *)o;
    AdObject *f[4] = {i->value, i->expression, i->conversion, i->format_spec};
    for (int k = 0; k < 4; k++)
        if (f[k] && visit(f[k], arg))
            return 1;
    return 0;
}

static AdObject *interp_repr(AdObject *o)
{
    InterpolationObject *i = (InterpolationObject *)o;
    return AdStr_FromFormat("Interpolation(%R, %R, %R, %R)", i->value, i->expression, i->conversion,
                            i->format_spec);
}

static AdMemberDef interp_members[] = {
    {"value", AD_T_OBJECT, offsetof(InterpolationObject, value), AD_READONLY, "Value"},
    {"expression", AD_T_OBJECT, offsetof(InterpolationObject, expression), AD_READONLY, "Expression"},
    {"conversion", AD_T_OBJECT, offsetof(InterpolationObject, conversion), AD_READONLY, "Conversion"},
    {"format_spec", AD_T_OBJECT, offsetof(InterpolationObject, format_spec), AD_READONLY, "Format specifier"},
    {NULL, 0, 0, 0, NULL},
};

AdTypeObject AdInterpolation_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "string.templatelib.Interpolation",
    .tp_basicsize = sizeof(InterpolationObject),
    .tp_dealloc = interp_dealloc,
    .tp_repr = interp_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Interpolation object",
    .tp_traverse = interp_traverse,
    .tp_members = interp_members,
    .tp_new = interp_new,
};

/* ---- Template ----------------------------------------------------------------------------- */

AdObject *AdTemplate_New(AdObject *strings, AdObject *interpolations)
{
    TemplateObject *t = (TemplateObject *)AdObject_GC_New(&AdTemplate_Type);
    if (!t)
        return NULL;
    t->strings = Ad_NewRef(strings);
    t->interpolations = Ad_NewRef(interpolations);
    AdObject_GC_Track((AdObject *)t);
    return (AdObject *)t;
}

/* Template(*parts): strings and interpolations in any order; adjacent
 * strings are joined, and the strings always surround the interpolations. */
static AdObject *template_from_parts(AdObject *const *parts, Ad_ssize_t n)
{
    AdObject *strings = AdList_New(0), *interps = AdList_New(0), *pending = AdStr_FromString("");
    AdObject *r = NULL;
    if (!strings || !interps || !pending)
        goto done;
    for (Ad_ssize_t k = 0; k < n; k++) {
        AdObject *p = parts[k];
        if (AdStr_Check(p)) {
            AdObject *joined = AdNumber_Add(pending, p);
            if (!joined)
                goto done;
            AD_SETREF(pending, joined);
        }
        else if (Ad_IS_TYPE(p, &AdInterpolation_Type)) {
            if (AdList_Append(strings, pending) < 0 || AdList_Append(interps, p) < 0)
                goto done;
            AdObject *e = AdStr_FromString("");
            if (!e)
                goto done;
            AD_SETREF(pending, e);
        }
        else {
            AdErr_Format(AdExc_TypeError, "Template.__new__ *args need to be of type 'str' or 'Interpolation', got %s",
                         AdType_Name(AD_TYPE(p)));
            goto done;
        }
    }
    if (AdList_Append(strings, pending) < 0)
        goto done;
    AdObject *st = AdList_AsTuple(strings), *it = st ? AdList_AsTuple(interps) : NULL;
    if (st && it)
        r = AdTemplate_New(st, it);
    Ad_XDECREF(st);
    Ad_XDECREF(it);
done:
    Ad_XDECREF(strings);
    Ad_XDECREF(interps);
    Ad_XDECREF(pending);
    return r;
}

static AdObject *template_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    if (kwds && AdDict_GET_SIZE(kwds))
        return AdErr_Format(AdExc_TypeError, "Template.__new__ only accepts *args arguments");
    return template_from_parts(AdTuple_ITEMS(args), AdTuple_GET_SIZE(args));
}

static void template_dealloc(AdObject *o)
{
    TemplateObject *t = (TemplateObject *)o;
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(t->strings);
    Ad_XDECREF(t->interpolations);
    AdObject_GC_Del(o);
}

static int template_traverse(AdObject *o, visitproc visit, void *arg)
{
    TemplateObject *t = (TemplateObject *)o;
    if (t->strings && visit(t->strings, arg))
        return 1;
    return t->interpolations ? visit(t->interpolations, arg) : 0;
}

static AdObject *template_repr(AdObject *o)
{
    TemplateObject *t = (TemplateObject *)o;
    return AdStr_FromFormat("Template(strings=%R, interpolations=%R)", t->strings,
                            t->interpolations);
}

static AdObject *template_values(AdObject *o, void *c)
{
    (void)c;
    AdObject *ints = ((TemplateObject *)o)->interpolations;
    Ad_ssize_t n = AdTuple_GET_SIZE(ints);
    AdObject *r = AdTuple_New(n);
    for (Ad_ssize_t k = 0; r && k < n; k++)
        AdTuple_SET_ITEM(r, k, Ad_NewRef(((InterpolationObject *)AdTuple_GET_ITEM(ints, k))->value));
    return r;
}

/* iter(template): the non-empty strings and the interpolations, in order. */
static AdObject *template_iter(AdObject *o)
{
    TemplateObject *t = (TemplateObject *)o;
    AdObject *parts = AdList_New(0);
    if (!parts)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(t->interpolations);
    for (Ad_ssize_t k = 0; k <= n; k++) {
        AdObject *s = AdTuple_GET_ITEM(t->strings, k);
        if ((AdStr_LENGTH(s) && AdList_Append(parts, s) < 0) ||
            (k < n && AdList_Append(parts, AdTuple_GET_ITEM(t->interpolations, k)) < 0)) {
            Ad_DECREF(parts);
            return NULL;
        }
    }
    AdObject *it = AdObject_GetIter(parts);
    Ad_DECREF(parts);
    return it;
}

static AdObject *template_concat(AdObject *a, AdObject *b)
{
    if (!Ad_IS_TYPE(a, &AdTemplate_Type) || !Ad_IS_TYPE(b, &AdTemplate_Type)) {
        AdObject *other = Ad_IS_TYPE(a, &AdTemplate_Type) ? b : a;
        if (AdStr_Check(other))
            return AdErr_Format(AdExc_TypeError,
                                Ad_IS_TYPE(a, &AdTemplate_Type)
                                    ? "can only concatenate string.templatelib.Template (not \"%s\") to string.templatelib.Template"
                                    : "can only concatenate str (not \"%s\") to str",
                                Ad_IS_TYPE(a, &AdTemplate_Type) ? AdType_Name(AD_TYPE(b)) : "string.templatelib.Template");
        return Ad_NotImplemented;
    }
    TemplateObject *x = (TemplateObject *)a, *y = (TemplateObject *)b;
    Ad_ssize_t nx = AdTuple_GET_SIZE(x->interpolations), ny = AdTuple_GET_SIZE(y->interpolations);
    Ad_ssize_t k = 0;
    AdObject **parts = AdMem_Malloc((size_t)(nx + ny + 2) * 2 * sizeof(AdObject *));
    if (!parts)
        return AdErr_NoMemory();
    for (Ad_ssize_t j = 0; j <= nx; j++) {
        parts[k++] = AdTuple_GET_ITEM(x->strings, j);
        if (j < nx)
            parts[k++] = AdTuple_GET_ITEM(x->interpolations, j);
    }
    for (Ad_ssize_t j = 0; j <= ny; j++) {
        parts[k++] = AdTuple_GET_ITEM(y->strings, j);
        if (j < ny)
            parts[k++] = AdTuple_GET_ITEM(y->interpolations, j);
    }
    AdObject *r = template_from_parts(parts, k);
    AdMem_Free(parts);
    return r;
}

static AdMemberDef template_members[] = {
    {"strings", AD_T_OBJECT, offsetof(TemplateObject, strings), AD_READONLY, "Strings"},
    {"interpolations", AD_T_OBJECT, offsetof(TemplateObject, interpolations), AD_READONLY, "Interpolations"},
    {NULL, 0, 0, 0, NULL},
};

static AdGetSetDef template_getset[] = {
    {"values", template_values, NULL, "Values of interpolations", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdNumberMethods template_as_number = {
    .nb_add = template_concat,
};

AdTypeObject AdTemplate_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "string.templatelib.Template",
    .tp_basicsize = sizeof(TemplateObject),
    .tp_dealloc = template_dealloc,
    .tp_repr = template_repr,
    .tp_as_number = &template_as_number,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Template object",
    .tp_traverse = template_traverse,
    .tp_iter = template_iter,
    .tp_members = template_members,
    .tp_getset = template_getset,
    .tp_new = template_new,
};
