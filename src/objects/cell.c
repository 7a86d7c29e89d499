/* cell.c: the cell type (cell.h): construction (also from Python:
 * types.CellType(x)), cell_contents get/set/delete, comparison by
 * contents, repr. */
#include "objects/cell.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

AdObject *AdCell_New(AdObject *content)
{
    AdCellObject *c = (AdCellObject *)AdObject_GC_New(&AdCell_Type);
    if (!c)
        return NULL;
    c->ob_ref = Ad_XNewRef(content);
    AdObject_GC_Track((AdObject *)c);
    return (AdObject *)c;
}

AdObject *AdCell_Get(AdObject *cell) { return Ad_XNewRef(AdCell_GET(cell)); }

int AdCell_Set(AdObject *cell, AdObject *value)
{
    AD_XSETREF(((AdCellObject *)cell)->ob_ref, Ad_XNewRef(value));
    return 0;
}

static AdObject *cell_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)type;
    if (kwds && AdDict_GET_SIZE(kwds))
        return AdErr_Format(AdExc_TypeError, "cell() takes no keyword arguments");
    Ad_ssize_t n = AdTuple_GET_SIZE(args);
    if (n > 1)
        return AdErr_Format(AdExc_TypeError, "cell expected at most 1 argument, got %zd", n);
    return AdCell_New(n ? AdTuple_GET_ITEM(args, 0) : NULL);
}

static void cell_dealloc(AdObject *o)
{
    AdObject_GC_UnTrack(o);
    Ad_XDECREF(AdCell_GET(o));
    AdObject_GC_Del(o);
}

static int cell_traverse(AdObject *o, visitproc visit, void *arg)
{
    return AdCell_GET(o) ? visit(AdCell_GET(o), arg) : 0;
}

static int cell_clear(AdObject *o)
{
    AD_CLEAR(((AdCellObject *)o)->ob_ref);
    return 0;
}

static AdObject *cell_repr(AdObject *o)
{
    AdObject *v = AdCell_GET(o);
    if (!v)
        return AdStr_FromFormat("<cell at %p: empty>", (void *)o);
    return AdStr_FromFormat("<cell at %p: %s object at %p>", (void *)o, AdType_Name(AD_TYPE(v)), (void *)v);
}

static AdObject *cell_richcompare(AdObject *a, AdObject *b, int op)
{
    if (!AdCell_Check(a) || !AdCell_Check(b))
        return Ad_NotImplemented;
    AdObject *x = AdCell_GET(a), *y = AdCell_GET(b);
    if (x && y)
        return AdObject_RichCompare(x, y, op);
    /* Empty cells compare less than full ones. */
    int cmp = (x != NULL) - (y != NULL);
    int r;
    switch (op) {
    case AD_LT: r = cmp < 0; break;
    case AD_LE: r = cmp <= 0; break;
    case AD_EQ: r = cmp == 0; break;
    case AD_NE: r = cmp != 0; break;
    case AD_GT: r = cmp > 0; break;
    default: r = cmp >= 0; break;
    }
    return AdBool_FromLong(r);
}

static AdObject *cell_get_contents(AdObject *o, void *c)
{
    (void)c;
    AdObject *v = AdCell_GET(o);
    if (!v)
        return AdErr_Format(AdExc_ValueError, "Cell is empty");
    return Ad_NewRef(v);
}

static int cell_set_contents(AdObject *o, AdObject *value, void *c)
{
    (void)c;
    return AdCell_Set(o, value);
}

static AdGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject AdCell_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "cell",
    .tp_basicsize = sizeof(AdCellObject),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and further attempts to access its cell_contents attribute will\n    raise a ValueError.",
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getset,
    .tp_new = cell_new,
    .tp_free = AdObject_GC_Del,
};
