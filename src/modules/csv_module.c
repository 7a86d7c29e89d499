/* csv_module.c: the _csv module object: its functions (reader, writer,
 * the dialect registry, field_size_limit), the QUOTE_* constants and Error.
 * The module state lives in file-level globals shared with csv_*.c. */
#include "runtime/lifecycle.h"
#include "modules/csv_internal.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

AdObject *csv_error;
AdObject *csv_dialects;
int64_t csv_field_limit = 128 * 1024;

#define FN(f) ((void (*)(void))(f))

static AdObject *csv_reader_fn(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return csv_reader_new(args, nargs, kwnames);
}

static AdObject *csv_writer_fn(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return csv_writer_new(args, nargs, kwnames);
}

static AdObject *csv_register_dialect(AdObject *m, AdObject *const *args, Ad_ssize_t nargs,
                                      AdObject *kwnames)
{
    (void)m;
    if (AdArg_CheckPositional("register_dialect", nargs, 1, 2) < 0)
        return NULL;
    AdObject *name = args[0];
    if (!AdStr_Check(name))
        return AdErr_Format(AdExc_TypeError, "dialect name must be a string");
    AdObject *d = csv_make_dialect(nargs > 1 ? args[1] : NULL, args + nargs, kwnames);
    if (!d)
        return NULL;
    int rc = AdDict_SetItem(csv_dialects, name, d);
    Ad_DECREF(d);
    if (rc < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *csv_unregister_dialect(AdObject *m, AdObject *const *args, Ad_ssize_t nargs,
                                        AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"name", NULL};
    AdObject *name;
    if (AdArg_Parse("unregister_dialect", args, nargs, kwnames, names, 0, 1, &name) < 0)
        return NULL;
    AdObject *d = csv_lookup_dialect(name);
    if (!d)
        return NULL;
    Ad_DECREF(d);
    if (AdDict_DelItem(csv_dialects, name) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *csv_get_dialect(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"name", NULL};
    AdObject *name;
    if (AdArg_Parse("get_dialect", args, nargs, kwnames, names, 0, 1, &name) < 0)
        return NULL;
    return csv_lookup_dialect(name);
}

static AdObject *csv_list_dialects(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    return AdDict_Keys(csv_dialects);
}

static AdObject *csv_field_size_limit(AdObject *m, AdObject *const *args, Ad_ssize_t nargs,
                                      AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"new_limit", NULL};
    AdObject *limit = NULL;
    if (AdArg_Parse("field_size_limit", args, nargs, kwnames, names, 0, 0, &limit) < 0)
        return NULL;
    int64_t old = csv_field_limit;
    if (limit) {
        if (!AdInt_CheckExact(limit))
            return AdErr_Format(AdExc_TypeError, "limit must be an integer");
        Ad_ssize_t v = AdInt_AsSsize_t(limit);
        if (v == -1 && AdErr_Occurred())
            return NULL;
        csv_field_limit = v;
    }
    return AdInt_FromInt64(old);
}

static AdMethodDef csv_functions[] = {
    {"reader", FN(csv_reader_fn), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "reader($module, iterable, /, dialect='excel', **fmtparams)\n--\n\n"
     "Return a reader object that will process lines from the given iterable.\n\n"
     "The \"iterable\" argument can be any object that returns a line\n"
     "of input for each iteration, such as a file object or a list.  The\n"
     "optional \"dialect\" argument defines a CSV dialect.  The function\n"
     "also accepts optional keyword arguments which override settings\n"
     "provided by the dialect.\n\n"
     "The returned object is an iterator.  Each iteration returns a row\n"
     "of the CSV file (which can span multiple input lines).\n"},
    {"writer", FN(csv_writer_fn), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "writer($module, fileobj, /, dialect='excel', **fmtparams)\n--\n\n"
     "Return a writer object that will write user data on the given file object.\n\n"
     "The \"fileobj\" argument can be any object that supports the file API.\n"
     "The optional \"dialect\" argument defines a CSV dialect.  The function\n"
     "also accepts optional keyword arguments which override settings\n"
     "provided by the dialect.\n"},
    {"register_dialect", FN(csv_register_dialect), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "register_dialect($module, name, /, dialect='excel', **fmtparams)\n--\n\n"
     "Create a mapping from a string name to a CVS dialect.\n\n"
     "The optional \"dialect\" argument specifies the base dialect instance\n"
     "or the name of the registered dialect.  The function also accepts\n"
     "optional keyword arguments which override settings provided by the\n"
     "dialect.\n"},
    {"unregister_dialect", FN(csv_unregister_dialect), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "unregister_dialect($module, /, name)\n--\n\nDelete the name/dialect mapping associated with a string name."},
    {"get_dialect", FN(csv_get_dialect), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "get_dialect($module, /, name)\n--\n\nReturn the dialect instance associated with name."},
    {"list_dialects", FN(csv_list_dialects), AD_METH_NOARGS,
     "list_dialects($module, /)\n--\n\nReturn a list of all known dialect names."},
    {"field_size_limit", FN(csv_field_size_limit), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "field_size_limit($module, /, new_limit=<unrepresentable>)\n--\n\n"
     "Sets an upper limit on parsed fields.\n\n"
     "Returns old limit. If limit is not given, no new limit is set and\n"
     "the old limit is returned"},
    {NULL, NULL, 0, NULL},
};

static const char csv_doc[] = "CSV parsing and writing.\n";

/* The objects the C code keeps are given back at finalization (before
 * the last collection frees them). */
static int csv_fini(AdInterp *interp)
{
    (void)interp;
    AD_CLEAR(csv_error);
    AD_CLEAR(csv_dialects);
    return 0;
}

AdObject *AdModule_InitCsv(void)
{
    if (Ad_RegisterFiniHook(AD_FINI_THREADS, csv_fini) < 0)
        return AdErr_Format(AdExc_RuntimeError, "no room for a finalization hook");
    if (AdType_Ready(&AdCsvDialect_Type) < 0 || AdType_Ready(&AdCsvReader_Type) < 0 ||
        AdType_Ready(&AdCsvWriter_Type) < 0)
        return NULL;
    /* Like the other native modules, the Error class and the registry are
     * made once and shared by every instance of the module. */
    if (!csv_error && !(csv_error = AdErr_NewException("_csv.Error", NULL, NULL)))
        return NULL;
    if (!csv_dialects && !(csv_dialects = AdDict_New()))
        return NULL;
    AdObject *m = AdModule_New("_csv");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, csv_doc) < 0 ||
        AdModule_AddFunctions(m, csv_functions) < 0 ||
        AdModule_AddObjectRef(m, "_dialects", csv_dialects) < 0 ||
        AdModule_AddIntConstant(m, "QUOTE_MINIMAL", CSV_QUOTE_MINIMAL) < 0 ||
        AdModule_AddIntConstant(m, "QUOTE_ALL", CSV_QUOTE_ALL) < 0 ||
        AdModule_AddIntConstant(m, "QUOTE_NONNUMERIC", CSV_QUOTE_NONNUMERIC) < 0 ||
        AdModule_AddIntConstant(m, "QUOTE_NONE", CSV_QUOTE_NONE) < 0 ||
        AdModule_AddIntConstant(m, "QUOTE_STRINGS", CSV_QUOTE_STRINGS) < 0 ||
        AdModule_AddIntConstant(m, "QUOTE_NOTNULL", CSV_QUOTE_NOTNULL) < 0 ||
        AdModule_AddObjectRef(m, "Dialect", (AdObject *)&AdCsvDialect_Type) < 0 ||
        AdModule_AddObjectRef(m, "Reader", (AdObject *)&AdCsvReader_Type) < 0 ||
        AdModule_AddObjectRef(m, "Writer", (AdObject *)&AdCsvWriter_Type) < 0 ||
        AdModule_AddObjectRef(m, "Error", csv_error) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
