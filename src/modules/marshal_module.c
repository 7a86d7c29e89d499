/* marshal_module.c: the `marshal` module (dumps, loads, dump, load,
 * version) over the compiler room's marshal format (compiler/marshal.h),
 * with 3.14's keyword-only allow_code switch. load() reads what remains of
 * the file and, when the file can seek, puts its position back just after
 * the object, so that several objects can be read one after another. */
#include "compiler/marshal.h"
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

/* 1 when o holds a code object anywhere inside the containers marshal
 * writes; -1 on error. */
static int contains_code(AdObject *o, int depth)
{
    if (AdCode_Check(o))
        return 1;
    if (depth > 2000)
        return 0;           /* the writer reports the nesting itself */
    if (AdTuple_Check(o) || AdList_Check(o)) {
        Ad_ssize_t n = AdTuple_Check(o) ? AdTuple_GET_SIZE(o) : AdList_GET_SIZE(o);
        for (Ad_ssize_t i = 0; i < n; i++) {
            AdObject *item = AdTuple_Check(o) ? AdTuple_GET_ITEM(o, i) : AdList_GET_ITEM(o, i);
            int r = contains_code(item, depth + 1);
            if (r)
                return r;
        }
        return 0;
    }
    if (AdDict_Check(o) || AdAnySet_Check(o)) {
        AdObject *it = AdObject_GetIter(o), *k;
        if (!it)
            return -1;
        int r = 0;
        while (!r && (k = AdIter_Next(it))) {
            r = contains_code(k, depth + 1);
            if (!r && AdDict_Check(o)) {
                AdObject *v = AdDict_GetItemWithError(o, k);
                r = v ? contains_code(v, depth + 1) : (AdErr_Occurred() ? -1 : 0);
            }
            Ad_DECREF(k);
        }
        Ad_DECREF(it);
        return r < 0 || AdErr_Occurred() ? -1 : r;
    }
    return 0;
}

/* The allow_code keyword: 1 (default) or the truth of the value. */
static int allow_code_arg(AdObject *v)
{
    return v ? AdObject_IsTrue(v) : 1;
}

static AdObject *marshal_dumps_impl(AdObject *value, AdObject *version_obj, int allow_code)
{
    int version = AD_MARSHAL_VERSION;
    if (version_obj) {
        int64_t v;
        if (!AdInt_Check(version_obj)) {
            AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                         AdType_Name(AD_TYPE(version_obj)));
            return NULL;
        }
        if (!AdInt_AsInt64Exact(version_obj, &v) || v > 0x7fffffff || v < -0x7fffffffLL - 1) {
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        version = (int)v;
    }
    if (!allow_code) {
        int r = contains_code(value, 0);
        if (r < 0)
            return NULL;
        if (r) {
            AdErr_SetString(AdExc_ValueError, "marshalling code objects is disallowed");
            return NULL;
        }
    }
    return AdMarshal_Dumps(value, version);
}

static AdObject *marshal_loads_impl(const char *data, Ad_ssize_t len, int allow_code, Ad_ssize_t *used)
{
    AdObject *o = AdMarshal_Loads(data, len, used);
    if (o && !allow_code) {
        int r = contains_code(o, 0);
        if (r) {
            Ad_DECREF(o);
            if (r > 0)
                AdErr_SetString(AdExc_ValueError, "unmarshalling code objects is disallowed");
            return NULL;
        }
    }
    return o;
}

static AdObject *marshal_dumps(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "", "allow_code", NULL};
    AdObject *a[3];
    if (AdArg_Parse("dumps", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    int allow = allow_code_arg(a[2]);
    if (allow < 0)
        return NULL;
    return marshal_dumps_impl(a[0], a[1], allow);
}

static AdObject *marshal_dump(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "", "", "allow_code", NULL};
    AdObject *a[4];
    if (AdArg_Parse("dump", args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    int allow = allow_code_arg(a[3]);
    if (allow < 0)
        return NULL;
    AdObject *data = marshal_dumps_impl(a[0], a[2], allow);
    if (!data)
        return NULL;
    AdObject *r = AdObject_CallMethod(a[1], AdStr_InternFromString("write"), &data, 1);
    Ad_DECREF(data);
    if (!r)
        return NULL;
    Ad_DECREF(r);
    return Ad_NewRef(Ad_None);
}

static AdObject *marshal_loads(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "allow_code", NULL};
    AdObject *a[2];
    if (AdArg_Parse("loads", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    int allow = allow_code_arg(a[1]);
    if (allow < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(a[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    AdObject *o = marshal_loads_impl(view.buf, view.len, allow, NULL);
    AdBuffer_Release(&view);
    return o;
}

static AdObject *marshal_load(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "allow_code", NULL};
    AdObject *a[2];
    if (AdArg_Parse("load", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    int allow = allow_code_arg(a[1]);
    if (allow < 0)
        return NULL;
    AdObject *file = a[0];
    AdObject *pos = NULL;
    AdObject *seekable = AdObject_CallMethod(file, AdStr_InternFromString("seekable"), NULL, 0);
    if (!seekable)
        AdErr_Clear();
    else {
        int s = AdObject_IsTrue(seekable);
        Ad_DECREF(seekable);
        if (s > 0 && !(pos = AdObject_CallMethod(file, AdStr_InternFromString("tell"), NULL, 0)))
            return NULL;
    }
    AdObject *data = AdObject_CallMethod(file, AdStr_InternFromString("read"), NULL, 0);
    if (!data) {
        Ad_XDECREF(pos);
        return NULL;
    }
    if (!AdBytes_Check(data)) {
        AdErr_Format(AdExc_TypeError, "file.read() returned not bytes but %.100s", AdType_Name(AD_TYPE(data)));
        Ad_DECREF(data);
        Ad_XDECREF(pos);
        return NULL;
    }
    Ad_ssize_t used = 0;
    AdObject *o = marshal_loads_impl(AdBytes_AS_STRING(data), AD_SIZE(data), allow, &used);
    if (o && pos && used < AD_SIZE(data)) {
        AdObject *delta = AdInt_FromInt64(used);
        AdObject *target = delta ? AdNumber_Add(pos, delta) : NULL;
        Ad_XDECREF(delta);
        AdObject *r = target ? AdObject_CallMethod(file, AdStr_InternFromString("seek"), &target, 1) : NULL;
        Ad_XDECREF(target);
        if (!r)
            AD_CLEAR(o);
        Ad_XDECREF(r);
    }
    Ad_DECREF(data);
    Ad_XDECREF(pos);
    return o;
}

static AdMethodDef marshal_methods[] = {
    {"dump", (void (*)(void))marshal_dump, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "dump($module, value, file, version=version, /, *, allow_code=True)\n--\n\n"
     "Write the value on the open file."},
    {"load", (void (*)(void))marshal_load, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "load($module, file, /, *, allow_code=True)\n--\n\n"
     "Read one value from the open file and return it."},
    {"dumps", (void (*)(void))marshal_dumps, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "dumps($module, value, version=version, /, *, allow_code=True)\n--\n\n"
     "Return the bytes object that would be written to a file by dump(value, file)."},
    {"loads", (void (*)(void))marshal_loads, AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "loads($module, bytes, /, *, allow_code=True)\n--\n\n"
     "Convert the bytes-like object to a value."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitMarshal(void)
{
    AdObject *m = AdModule_New("marshal");
    if (!m)
        return NULL;
    if (AdModule_AddFunctions(m, marshal_methods) < 0 ||
        AdModule_AddIntConstant(m, "version", AD_MARSHAL_VERSION) < 0 ||
        AdModule_SetDocString(m, "This module contains functions that can read and write Python values in\n"
                                 "a binary format. The format is specific to Python, but independent of\n"
                                 "machine architecture issues.") < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
