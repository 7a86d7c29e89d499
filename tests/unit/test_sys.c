/* test_sys.c: the sys module against CPython 3.14 (expected values in
 * tests/unit/data/sys/: py314.txt from the 3.14 WebAssembly build,
 * native.txt from a native 64-bit CPython 3.13 for the platform facts):
 * the struct sequences, version facts, configuration-derived attributes,
 * the standard streams, and the functions' results and messages. */
#include <unistd.h>
#include "sys_fixture.h"
#include "modules/sys.h"
#include "modules/io.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/exceptions.h"
#include "objects/abstract.h"

static void setup(void)
{
    static char *const argv[] = {"adder", "-E", "-X", "dev", "-X", "utf8=0", "-W", "error", "-c", "pass", "a1", NULL};
    sys_test_start(11, argv);
    ck_assert_int_eq(ad_sys_init(Ad_MainInterp()), 0);
}

static void teardown(void)
{
    ad_sys_fini(Ad_MainInterp());
}

static const char *sysrepr(const char *name, char *buf, size_t size)
{
    AdObject *o = AdSys_GetObject(name);
    ck_assert_msg(o != NULL, "sys.%s missing", name);
    return sys_test_repr(o, buf, size);
}

static void check(const char *file, const char *key, const char *name)
{
    char buf[4096], exp[4096];
    sys_test_expected(file, key, exp, sizeof exp);
    ck_assert_str_eq(sysrepr(name, buf, sizeof buf), exp);
}

START_TEST(facts)
{
    check("py314.txt", "version_info", "version_info");
    check("py314.txt", "hexversion", "hexversion");
    check("py314.txt", "float_repr_style", "float_repr_style");
    check("py314.txt", "abiflags", "abiflags");
    check("native.txt", "float_info", "float_info");
    check("native.txt", "hash_info", "hash_info");
    check("native.txt", "maxsize", "maxsize");
    check("native.txt", "maxunicode", "maxunicode");
    check("native.txt", "byteorder", "byteorder");
    check("native.txt", "api_version", "api_version");
    char buf[1024];
    ck_assert_str_eq(sysrepr("platform", buf, sizeof buf), "'linux'");
    ck_assert_str_eq(sysrepr("int_info", buf, sizeof buf),
                     "sys.int_info(bits_per_digit=64, sizeof_digit=8, default_max_str_digits=4300, "
                     "str_digits_check_threshold=640)");
    ck_assert_str_eq(sysrepr("_git", buf, sizeof buf), "('adder', '', '')");
    AdObject *impl = AdSys_GetObject("implementation");
    ck_assert_str_eq(sys_test_repr(impl, buf, sizeof buf),
                     "namespace(name='adder', cache_tag='adder-314', version=sys.version_info(major=0, minor=1, "
                     "micro=0, releaselevel='final', serial=0), hexversion=65776, _multiarch='x86_64-linux-gnu', "
                     "supports_isolated_interpreters=False)");
    AdObject *v = AdSys_GetObject("version");
    ck_assert(strncmp(AdStr_AsUTF8(v), "3.14.2 (adder", 13) == 0);
}
END_TEST

START_TEST(flags)
{
    char buf[2048], exp[2048];
    AdObject *f = AdSys_GetObject("flags");
    /* -E -X dev: as CPython's flags would show them */
    ck_assert_str_eq(sys_test_repr(f, buf, sizeof buf),
                     "sys.flags(debug=0, inspect=0, interactive=0, optimize=0, dont_write_bytecode=0, "
                     "no_user_site=0, no_site=0, ignore_environment=1, verbose=0, bytes_warning=0, quiet=0, "
                     "hash_randomization=1, isolated=0, dev_mode=True, utf8_mode=0, warn_default_encoding=0, "
                     "safe_path=False, int_max_str_digits=4300)");
    AdObject *T = (AdObject *)AD_TYPE(f);
    AdObject *m = AdObject_GetAttrString(T, "__match_args__");
    ck_assert_str_eq(sys_test_repr(m, buf, sizeof buf), sys_test_expected("py314.txt", "flags_match_args", exp, sizeof exp));
    Ad_DECREF(m);
    AdObject *t = AdTuple_Pack(3, AdObject_GetAttrString(T, "n_sequence_fields"), AdObject_GetAttrString(T, "n_fields"),
                               AdObject_GetAttrString(T, "n_unnamed_fields"));
    ck_assert_str_eq(sys_test_repr(t, buf, sizeof buf), sys_test_expected("py314.txt", "flags_counts", exp, sizeof exp));
    Ad_DECREF(t);
    t = AdTuple_Pack(3, AdObject_GetAttrString(f, "gil"), AdObject_GetAttrString(f, "thread_inherit_context"),
                     AdObject_GetAttrString(f, "context_aware_warnings"));
    ck_assert_str_eq(sys_test_repr(t, buf, sizeof buf), sys_test_expected("py314.txt", "flags_hidden", exp, sizeof exp));
    Ad_DECREF(t);
    ck_assert_ptr_null(AdObject_CallNoArgs(T));
    const char *type;
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), sys_test_expected("py314.txt", "no_new_flags", exp, sizeof exp));
}
END_TEST

START_TEST(config_attributes)
{
    char buf[2048];
    ck_assert_str_eq(sysrepr("argv", buf, sizeof buf), "['-c', 'a1']");
    ck_assert_str_eq(sysrepr("orig_argv", buf, sizeof buf),
                     "['adder', '-E', '-X', 'dev', '-X', 'utf8=0', '-W', 'error', '-c', 'pass', 'a1']");
    ck_assert_str_eq(sysrepr("_xoptions", buf, sizeof buf), "{'dev': True, 'utf8': '0'}");
    ck_assert_str_eq(sysrepr("warnoptions", buf, sizeof buf), "['default', 'error']");
    ck_assert_str_eq(sysrepr("dont_write_bytecode", buf, sizeof buf), "False");
    ck_assert_str_eq(sysrepr("pycache_prefix", buf, sizeof buf), "None");
    ck_assert_str_eq(sysrepr("platlibdir", buf, sizeof buf), "'lib'");
    AdObject *exe = AdSys_GetObject("executable");
    ck_assert(AdStr_Check(exe) && AdStr_LENGTH(exe) > 0 && AdStr_READ_CHAR(exe, 0) == '/');
    AdObject *path = AdSys_GetObject("path");
    ck_assert(AdList_Check(path) && AdList_GET_SIZE(path) >= 1);
    AdObject *mods = AdSys_GetObject("modules");
    ck_assert(AdDict_Check(mods));
    AdObject *sysmod = AdDict_GetItemString(mods, "sys");
    ck_assert_ptr_nonnull(sysmod);
    /* builtin_module_names: sorted, and holds at least builtins and sys */
    AdObject *bnames = AdSys_GetObject("builtin_module_names");
    ck_assert(AdTuple_CheckExact(bnames));
    for (Ad_ssize_t i = 1; i < AdTuple_GET_SIZE(bnames); i++)
        ck_assert_int_lt(AdStr_Compare(AdTuple_GET_ITEM(bnames, i - 1), AdTuple_GET_ITEM(bnames, i)), 0);
    AdObject *b1 = AdStr_FromString("builtins"), *b2 = AdStr_FromString("sys");
    ck_assert_int_eq(AdSequence_Contains(bnames, b1), 1);
    ck_assert_int_eq(AdSequence_Contains(bnames, b2), 1);
    Ad_DECREF(b1);
    Ad_DECREF(b2);
    /* stdlib_module_names: CPython 3.14's list */
    AdObject *names = AdSys_GetObject("stdlib_module_names");
    ck_assert(AdFrozenSet_CheckExact(names));
    FILE *f = fopen("tests/unit/data/sys/stdlib_module_names.txt", "r");
    ck_assert_ptr_nonnull(f);
    char line[128];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        AdObject *s = AdStr_FromString(line);
        ck_assert_msg(AdSet_Contains(names, s) == 1, "missing %s", line);
        Ad_DECREF(s);
        n++;
    }
    fclose(f);
    ck_assert_int_eq(AdSet_GET_SIZE(names), n);
    /* accessors */
    AdObject *one = AdInt_FromInt64(1);
    ck_assert_int_eq(AdSys_SetObject("spam", one), 0);
    ck_assert_ptr_eq(AdSys_GetObject("spam"), one);
    ck_assert_int_eq(AdSys_SetObject("spam", NULL), 0);
    ck_assert_ptr_null(AdSys_GetObject("spam"));
    ck_assert_ptr_null(AdErr_Occurred());
    Ad_DECREF(one);
}
END_TEST

START_TEST(streams)
{
    char buf[512];
    AdObject *out = AdSys_GetObject("stdout");
    ck_assert_ptr_eq(out, AdSys_GetObject("__stdout__"));
    ck_assert_str_eq(sys_test_repr(out, buf, sizeof buf), "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    AdObject *err = AdSys_GetObject("stderr");
    AdObject *e = AdObject_GetAttrString(err, "errors");
    ck_assert_str_eq(sys_test_repr(e, buf, sizeof buf), "'backslashreplace'");
    Ad_DECREF(e);
    AdObject *lb = AdObject_GetAttrString(err, "line_buffering");
    ck_assert_ptr_eq(lb, Ad_True);
    Ad_DECREF(lb);
    AdObject *in = AdSys_GetObject("stdin");
    ck_assert_str_eq(sys_test_repr(in, buf, sizeof buf), "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>");
    AdObject *b = AdObject_GetAttrString(in, "buffer");
    ck_assert_str_eq(sys_test_repr(b, buf, sizeof buf), "<_io.BufferedReader name='<stdin>'>");
    Ad_DECREF(b);
    AdObject *fd = sys_test_call(out, "fileno", 0, NULL);
    ck_assert_str_eq(sys_test_repr(fd, buf, sizeof buf), "1");
    Ad_DECREF(fd);
    ck_assert_int_eq(AdSys_FlushStdStreams(Ad_MainInterp()), 0);
}
END_TEST

static AdObject *sysfunc(const char *name)
{
    AdObject *f = AdSys_GetObject(name);
    ck_assert_msg(f != NULL, "sys.%s missing", name);
    return f;
}

START_TEST(functions)
{
    char buf[1024], exp[512];
    const char *type;
    AdObject *r = AdObject_CallNoArgs(sysfunc("getrecursionlimit"));
    ck_assert_str_eq(sys_test_repr(r, buf, sizeof buf), "1000");
    Ad_DECREF(r);
    AdObject *zero = AdInt_FromInt64(0), *big = AdInt_FromInt64(5000);
    ck_assert_ptr_null(AdObject_CallOneArg(sysfunc("setrecursionlimit"), zero));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), sys_test_expected("py314.txt", "recursion_low", exp, sizeof exp));
    Ad_DECREF(AdObject_CallOneArg(sysfunc("setrecursionlimit"), big));
    r = AdObject_CallNoArgs(sysfunc("getrecursionlimit"));
    ck_assert_str_eq(sys_test_repr(r, buf, sizeof buf), "5000");
    Ad_DECREF(r);
    ck_assert_ptr_null(AdObject_CallOneArg(sysfunc("intern"), zero));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "intern() argument must be str, not int");
    AdObject *s = AdStr_FromString("some text not interned yet");
    r = AdObject_CallOneArg(sysfunc("intern"), s);
    ck_assert(((AdStrObject *)r)->interned);
    Ad_DECREF(r);
    Ad_DECREF(s);
    /* exit */
    ck_assert_ptr_null(AdObject_CallOneArg(sysfunc("exit"), big));
    AdObject *exc = AdErr_GetRaisedException();
    ck_assert(Ad_IS_TYPE(exc, &AdExcType_SystemExit));
    AdObject *code = AdObject_GetAttrString(exc, "code");
    ck_assert_str_eq(sys_test_repr(code, buf, sizeof buf), "5000");
    Ad_DECREF(code);
    Ad_DECREF(exc);
    ck_assert_ptr_null(AdObject_CallNoArgs(sysfunc("exit")));
    exc = AdErr_GetRaisedException();
    code = AdObject_GetAttrString(exc, "code");
    ck_assert_ptr_eq(code, Ad_None);
    Ad_DECREF(code);
    Ad_DECREF(exc);
    /* exc_info / exception outside a handler */
    r = AdObject_CallNoArgs(sysfunc("exc_info"));
    ck_assert_str_eq(sys_test_repr(r, buf, sizeof buf), "(None, None, None)");
    Ad_DECREF(r);
    r = AdObject_CallNoArgs(sysfunc("exception"));
    ck_assert_ptr_eq(r, Ad_None);
    /* getsizeof adds the GC header for containers */
    AdObject *l = AdList_New(0);
    AdObject *inner = sys_test_call(l, "__sizeof__", 0, NULL);
    r = AdObject_CallOneArg(sysfunc("getsizeof"), l);
    ck_assert_int_eq(AdInt_AsInt64(r) - AdInt_AsInt64(inner), (int64_t)sizeof(void *) * 3);
    Ad_DECREF(r);
    Ad_DECREF(inner);
    Ad_DECREF(l);
    r = AdObject_CallOneArg(sysfunc("getrefcount"), Ad_None);
    ck_assert(AdInt_AsInt64(r) > 1);
    Ad_DECREF(r);
    /* encodings, limits */
    r = AdObject_CallNoArgs(sysfunc("getfilesystemencodeerrors"));
    ck_assert_str_eq(sys_test_repr(r, buf, sizeof buf), "'surrogateescape'");
    Ad_DECREF(r);
    r = AdObject_CallNoArgs(sysfunc("get_int_max_str_digits"));
    ck_assert_str_eq(sys_test_repr(r, buf, sizeof buf), "4300");
    Ad_DECREF(r);
    AdObject *small = AdInt_FromInt64(100);
    ck_assert_ptr_null(AdObject_CallOneArg(sysfunc("set_int_max_str_digits"), small));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "maxdigits must be >= 640 or 0 for unlimited");
    Ad_DECREF(small);
    /* settrace / gettrace keep the function */
    Ad_DECREF(AdObject_CallOneArg(sysfunc("settrace"), sysfunc("gettrace")));
    r = AdObject_CallNoArgs(sysfunc("gettrace"));
    ck_assert_ptr_eq(r, sysfunc("gettrace"));
    Ad_DECREF(r);
    Ad_DECREF(AdObject_CallOneArg(sysfunc("settrace"), Ad_None));
    r = AdObject_CallNoArgs(sysfunc("gettrace"));
    ck_assert_ptr_eq(r, Ad_None);
    ck_assert_ptr_null(AdObject_CallNoArgs(sysfunc("_getframe")));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "call stack is not deep enough");
    Ad_DECREF(zero);
    Ad_DECREF(big);
}
END_TEST

START_TEST(audit_hooks)
{
    char buf[512];
    AdObject *ev = AdStr_FromString("my.event");
    /* no hooks: audit returns None */
    AdObject *r = AdObject_CallOneArg(sysfunc("audit"), ev);
    ck_assert_ptr_eq(r, Ad_None);
    const char *type;
    AdObject *one = AdInt_FromInt64(1);
    ck_assert_ptr_null(AdObject_CallOneArg(sysfunc("audit"), one));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "expected str for argument 'event', not int");
    /* a hook that is a list's append collects (event, args) pairs */
    AdObject *seen = AdList_New(0);
    AdObject *append = AdObject_GetAttrString(seen, "append");
    /* append takes one argument, so the call with two raises: audit passes it on */
    Ad_DECREF(AdObject_CallOneArg(sysfunc("addaudithook"), append));
    ck_assert_ptr_null(AdObject_CallOneArg(sysfunc("audit"), ev));
    sys_test_error(buf, sizeof buf, &type);
    ck_assert_str_eq(type, "TypeError");
    Ad_DECREF(append);
    Ad_DECREF(seen);
    Ad_DECREF(ev);
    Ad_DECREF(one);
}
END_TEST

Suite *sys_suite(void)
{
    Suite *s = suite_create("sys");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, facts);
    tcase_add_test(tc, flags);
    tcase_add_test(tc, config_attributes);
    tcase_add_test(tc, streams);
    tcase_add_test(tc, functions);
    tcase_add_test(tc, audit_hooks);
    suite_add_tcase(s, tc);
    return s;
}
