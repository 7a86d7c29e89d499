/* test_vm.c: the evaluation loop on hand-built code objects: CPython 3.14
 * bytecode of a small module (data/vm_code_data.h, produced from py314's
 * compile() of the source quoted there) covering arithmetic, loops, calls
 * with defaults and keywords, closures, exception handlers, generators,
 * yield from, comprehensions and starred unpacking. Pending: moves to
 * tests/unit/ (and SUITE(vm) into suites.def) once src/objects/code.c
 * provides AdCode_New and the location table. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "objects_fixture.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/ceval.h"

enum { K_END, K_CODE, K_NONE, K_BOOL, K_INT, K_STR, K_ITUP, K_STUP };
typedef struct { int kind; long v; const char *s; } KConst;
typedef struct {
    const unsigned char *code; size_t ncode;
    const unsigned char *exc; size_t nexc;
    const char **names, **lp;
    const unsigned char *kinds; int nlp;
    const KConst *consts;
    int argcount, posonly, kwonly, stacksize, flags;
    const char *name;
} CodeDesc;
#include "data/vm_code_data.h"

static AdObject *str_tuple(const char **v)
{
    int n = 0;
    while (v[n]) n++;
    AdObject *t = AdTuple_New(n);
    for (int i = 0; i < n; i++)
        AdTuple_SET_ITEM(t, i, AdStr_InternFromString(v[i]));
    return t;
}

static AdObject *split_tuple(const char *s, int ints)
{
    AdObject *l = AdList_New(0);
    char buf[256];
    strncpy(buf, s, sizeof buf - 1);
    buf[sizeof buf - 1] = 0;
    for (char *p = strtok(buf, ","); p; p = strtok(NULL, ",")) {
        AdObject *o = ints ? AdInt_FromInt64(atol(p)) : AdStr_InternFromString(p);
        AdList_Append(l, o);
        Ad_DECREF(o);
    }
    AdObject *t = AdList_AsTuple(l);
    Ad_DECREF(l);
    return t;
}

static AdObject *build(int i)
{
    const CodeDesc *d = descs[i];
    AdObject *consts = AdList_New(0);
    for (const KConst *k = d->consts; k->kind != K_END; k++) {
        AdObject *o = NULL;
        switch (k->kind) {
        case K_CODE: o = build((int)k->v); break;
        case K_NONE: o = Ad_NewRef(Ad_None); break;
        case K_BOOL: o = Ad_NewRef(k->v ? Ad_True : Ad_False); break;
        case K_INT: o = AdInt_FromInt64(k->v); break;
        case K_STR: o = AdStr_InternFromString(k->s); break;
        case K_ITUP: o = split_tuple(k->s, 1); break;
        case K_STUP: o = split_tuple(k->s, 0); break;
        }
        ck_assert_ptr_nonnull(o);
        AdList_Append(consts, o);
        Ad_DECREF(o);
    }
    AdCodeConstructor c = {0};
    c.filename = AdStr_FromString("t.py");
    c.name = AdStr_FromString(d->name);
    c.qualname = AdStr_FromString(d->name);
    c.flags = d->flags;
    c.code = AdBytes_FromStringAndSize((const char *)d->code, (Ad_ssize_t)d->ncode);
    c.firstlineno = 1;
    c.linetable = AdBytes_FromStringAndSize("", 0);
    c.consts = AdList_AsTuple(consts);
    c.names = str_tuple(d->names);
    c.localsplusnames = str_tuple(d->lp);
    c.localspluskinds = AdBytes_FromStringAndSize((const char *)d->kinds, d->nlp);
    c.argcount = d->argcount;
    c.posonlyargcount = d->posonly;
    c.kwonlyargcount = d->kwonly;
    c.stacksize = d->stacksize;
    c.exceptiontable = AdBytes_FromStringAndSize((const char *)d->exc, (Ad_ssize_t)d->nexc);
    AdObject *co = AdCode_New(&c);
    ck_assert_ptr_nonnull(co);
    Ad_DECREF(consts);
    return co;
}

static AdObject *get(AdObject *g, const char *name)
{
    AdObject *v = AdDict_GetItemString(g, name);
    ck_assert_msg(v != NULL, "%s missing", name);
    return v;
}

START_TEST(test_module)
{
    AdObject *code = build(ROOT_CODE);
    AdObject *globals = AdDict_New();
    AdObject *builtins = AdDict_New();
    AdDict_SetItemString(builtins, "ZeroDivisionError", AdExc_ZeroDivisionError);
    AdDict_SetItemString(globals, "__builtins__", builtins);
    AdDict_SetItemString(globals, "__name__", AdStr_FromString("__main__"));
    AdObject *r = AdEval_EvalCode(code, globals, globals);
    if (!r) {
        AdObject *e = AdErr_GetRaisedException();
        AdObject *s = AdObject_Repr(e);
        ck_abort_msg("raised %s", s ? AdStr_AsUTF8(s) : "?");
    }
    Ad_DECREF(r);
    ck_assert_int_eq(AdInt_AsInt64(get(globals, "r1")), 285);
    ck_assert_int_eq(AdInt_AsInt64(get(globals, "r2")), 9);
    ck_assert_int_eq(AdInt_AsInt64(get(globals, "r3")), 15);
    ck_assert_int_eq(AdInt_AsInt64(get(globals, "r4")), 10);
    AdObject *s5 = AdObject_Repr(get(globals, "r5"));
    ck_assert_str_eq(AdStr_AsUTF8(s5), "[0, 1, 2, 99]");
    AdObject *s6 = AdObject_Repr(get(globals, "r6"));
    ck_assert_str_eq(AdStr_AsUTF8(s6), "[2, 4, 6]");
    AdObject *s7 = AdObject_Repr(get(globals, "r7"));
    ck_assert_str_eq(AdStr_AsUTF8(s7), "[2, 3]");
    Ad_DECREF(s5);
    Ad_DECREF(s6);
    Ad_DECREF(s7);
    Ad_DECREF(globals);
    Ad_DECREF(builtins);
    Ad_DECREF(code);
}
END_TEST

Suite *vm_suite(void)
{
    Suite *s = suite_create("vm");
    TCase *tc = tcase_create("eval");
    tcase_add_checked_fixture(tc, ad_test_objects_setup, NULL);
    tcase_add_test(tc, test_module);
    suite_add_tcase(s, tc);
    return s;
}
