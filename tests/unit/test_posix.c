/* test_posix.c: the posix, _stat and atexit modules on real files in a
 * temporary directory (mkdtemp): stat_result fields, listdir, the OSError
 * and TypeError messages (CPython's texts), _stat.filemode and atexit's
 * bookkeeping. tests/unit/data/posix/basic.py with basic.out (from native
 * CPython 3.13) is the end-to-end companion run by adder. */
#include "sys_fixture.h"
#include <unistd.h>
#include "modules/posix.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/abstract.h"

static char tmpdir[64];

static void setup(void)
{
    static char *const argv[] = {"adder", "-c", "pass", NULL};
    sys_test_start(3, argv);
    strcpy(tmpdir, "/tmp/adder-posix-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

static AdObject *call(AdObject *m, const char *name, AdObject *arg)
{
    AdObject *f = AdObject_GetAttrString(m, name);
    ck_assert_ptr_nonnull(f);
    AdObject *r = arg ? AdObject_CallOneArg(f, arg) : AdObject_CallNoArgs(f);
    Ad_DECREF(f);
    return r;
}

START_TEST(stat_and_listdir)
{
    char path[128], buf[512];
    snprintf(path, sizeof path, "%s/file", tmpdir);
    FILE *f = fopen(path, "w");
    fputs("12345", f);
    fclose(f);
    AdObject *m = AdPosix_NewModule();
    ck_assert_ptr_nonnull(m);
    AdObject *p = AdStr_FromString(path);
    AdObject *st = call(m, "stat", p);
    ck_assert_ptr_nonnull(st);
    AdObject *size = AdObject_GetAttrString(st, "st_size");
    ck_assert_str_eq(sys_test_repr(size, buf, sizeof buf), "5");
    ck_assert_int_eq(AdObject_Size(st), 10);
    Ad_DECREF(size);
    Ad_DECREF(st);
    AdObject *dir = AdStr_FromString(tmpdir);
    AdObject *l = call(m, "listdir", dir);
    ck_assert_str_eq(sys_test_repr(l, buf, sizeof buf), "['file']");
    Ad_DECREF(l);
    Ad_DECREF(dir);
    Ad_DECREF(p);
    Ad_DECREF(m);
}
END_TEST

START_TEST(errors)
{
    char buf[512];
    const char *type;
    AdObject *m = AdPosix_NewModule();
    AdObject *p = AdStr_FromString("/nonexistent-adder-x");
    ck_assert_ptr_null(call(m, "stat", p));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "[Errno 2] No such file or directory: '/nonexistent-adder-x'");
    ck_assert_str_eq(type, "FileNotFoundError");
    AdObject *fl = AdFloat_FromDouble(1.5);
    ck_assert_ptr_null(call(m, "stat", fl));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "stat: path should be string, bytes, os.PathLike or integer, not float");
    ck_assert_ptr_null(call(m, "listdir", fl));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "listdir: path should be string, bytes, os.PathLike, integer or None, not float");
    Ad_DECREF(fl);
    Ad_DECREF(p);
    Ad_DECREF(m);
}
END_TEST

START_TEST(stat_module)
{
    char buf[64];
    AdObject *m = AdStat_NewModule();
    ck_assert_ptr_nonnull(m);
    AdObject *mode = AdInt_FromInt64(0100755);
    AdObject *r = call(m, "filemode", mode);
    ck_assert_str_eq(sys_test_repr(r, buf, sizeof buf), "'-rwxr-xr-x'");
    Ad_DECREF(r);
    r = call(m, "S_ISREG", mode);
    ck_assert_ptr_eq(r, Ad_True);
    Ad_DECREF(mode);
    mode = AdInt_FromInt64(041777);
    r = call(m, "filemode", mode);
    ck_assert_str_eq(sys_test_repr(r, buf, sizeof buf), "'drwxrwxrwt'");
    Ad_DECREF(r);
    Ad_DECREF(mode);
    Ad_DECREF(m);
}
END_TEST

START_TEST(atexit_bookkeeping)
{
    char buf[64];
    AdObject *m = AdAtexit_NewModule();
    ck_assert_ptr_nonnull(m);
    AdObject *reg = AdObject_GetAttrString(m, "register");
    AdObject *target = AdObject_GetAttrString(m, "_ncallbacks");
    AdObject *r = AdObject_CallOneArg(reg, target);
    ck_assert_ptr_eq(r, target);
    Ad_DECREF(r);
    AdObject *n = call(m, "_ncallbacks", NULL);
    ck_assert_str_eq(sys_test_repr(n, buf, sizeof buf), "1");
    Ad_DECREF(n);
    r = call(m, "unregister", target);
    Ad_XDECREF(r);
    n = call(m, "_ncallbacks", NULL);
    ck_assert_str_eq(sys_test_repr(n, buf, sizeof buf), "0");
    Ad_DECREF(n);
    AdObject *one = AdInt_FromInt64(1);
    ck_assert_ptr_null(AdObject_CallOneArg(reg, one));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, NULL), "the first argument must be callable");
    Ad_DECREF(one);
    Ad_DECREF(target);
    Ad_DECREF(reg);
    Ad_DECREF(m);
}
END_TEST

Suite *posix_suite(void)
{
    Suite *s = suite_create("posix");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, stat_and_listdir);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, stat_module);
    tcase_add_test(tc, atexit_bookkeeping);
    suite_add_tcase(s, tc);
    return s;
}
