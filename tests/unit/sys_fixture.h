/* sys_fixture.h: helpers shared by the sys, structseq, namespace and
 * textio suites: a runtime started with given arguments, repr as a C
 * string, calling a method by name, and reading the expected values that
 * tests/unit/data/sys/ holds (lines "key<TAB>value", from CPython). */
#ifndef ADDER_TESTS_SYS_FIXTURE_H
#define ADDER_TESTS_SYS_FIXTURE_H
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "objects/objects.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/lifecycle.h"
#include "runtime/runtime.h"

static inline void sys_test_start(int argc, char *const *argv)
{
    AdConfig config;
    ad_runtime_reset();
    AdConfig_Init(&config);
    ck_assert(!AdStatus_Exception(Ad_PreInitializeFromArgs(&config, argc, argv, NULL)));
    ck_assert(!AdStatus_Exception(Ad_ReadConfigRest(&config, NULL)));
    ck_assert(!AdStatus_Exception(Ad_InitializeCore(&config)));
    AdConfig_Clear(&config);
    ck_assert_int_eq(ad_objects_init(), 0);
}

/* repr(o) into buf ("<error: ...>" when it raised). */
static inline const char *sys_test_repr(AdObject *o, char *buf, size_t size)
{
    AdObject *r = o ? AdObject_Repr(o) : NULL;
    if (!r) {
        AdObject *e = AdErr_GetRaisedException();
        AdObject *s = e ? AdObject_Str(e) : NULL;
        snprintf(buf, size, "<error: %s>", s ? AdStr_AsUTF8(s) : "?");
        Ad_XDECREF(s);
        Ad_XDECREF(e);
        return buf;
    }
    snprintf(buf, size, "%s", AdStr_AsUTF8(r));
    Ad_DECREF(r);
    return buf;
}

/* The message of the raised exception (cleared), its type name in *type. */
static inline const char *sys_test_error(char *buf, size_t size, const char **type)
{
    AdObject *e = AdErr_GetRaisedException();
    if (!e) {
        snprintf(buf, size, "<no exception>");
        if (type)
            *type = "";
        return buf;
    }
    if (type)
        *type = AD_TYPE(e)->tp_name;
    AdObject *s = AdObject_Str(e);
    snprintf(buf, size, "%s", s ? AdStr_AsUTF8(s) : "?");
    Ad_XDECREF(s);
    Ad_DECREF(e);
    return buf;
}

static inline AdObject *sys_test_call(AdObject *o, const char *name, int nargs, AdObject **args)
{
    AdObject *n = AdStr_FromString(name);
    AdObject *r = AdObject_CallMethod(o, n, args, nargs);
    Ad_DECREF(n);
    return r;
}

/* The expected value for key from tests/unit/data/sys/<file>. */
static inline const char *sys_test_expected(const char *file, const char *key, char *buf, size_t size)
{
    char path[256], line[8192];
    snprintf(path, sizeof path, "tests/unit/data/sys/%s", file);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    size_t klen = strlen(key);
    buf[0] = '\0';
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, klen) == 0 && line[klen] == '\t') {
            const char *v = line + klen + 1;
            size_t n = strcspn(v, "\n");
            if (n >= size)
                n = size - 1;
            memcpy(buf, v, n);
            buf[n] = '\0';
            fclose(f);
            return buf;
        }
    }
    fclose(f);
    ck_abort_msg("no key %s in %s", key, path);
    return buf;
}
#endif
