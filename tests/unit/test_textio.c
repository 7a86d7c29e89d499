/* test_textio.c: the native _io module (modules/io.h) against CPython
 * 3.14's io.open: reprs, modes, open()'s checks and messages, universal
 * newlines and every newline= mode on input (the expectations are
 * py314's output for the file b'a\r\nb\rc\nd'), write buffering and
 * flushing, seek/tell, closed-file errors, and BOM handling. */
#include <unistd.h>
#include "sys_fixture.h"
#include "modules/io.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"

static char dir[64];
static char path[128];

static void setup(void)
{
    static char *const argv[] = {"adder", "-c", "pass", NULL};
    sys_test_start(3, argv);
    ck_assert_int_eq(AdIO_Init(), 0);
    snprintf(dir, sizeof dir, "/tmp/adder-textio-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/f.txt", dir);
}

static void teardown(void)
{
    unlink(path);
    rmdir(dir);
}

static AdObject *open_kw(const char *mode, const char *kwname, AdObject *kwval)
{
    AdObject *args[3] = {AdStr_FromString(path), AdStr_FromString(mode), kwval};
    AdObject *kwn = kwname ? AdTuple_Pack(1, AdStr_FromString(kwname)) : NULL;
    AdObject *fn = AdCFunction_NewEx(&AdIO_OpenDef, NULL, NULL);
    AdObject *r = AdObject_Vectorcall(fn, args, 2, kwn);
    Ad_DECREF(fn);
    Ad_XDECREF(kwn);
    Ad_DECREF(args[0]);
    Ad_DECREF(args[1]);
    return r;
}

static void write_file(const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, n, f);
    fclose(f);
}

static AdObject *call0(AdObject *o, const char *m) { return sys_test_call(o, m, 0, NULL); }

START_TEST(reprs_and_modes)
{
    char buf[512], exp[600];
    static const char *const modes[] = {"w", "a", "r+", "w+", "a+"};
    static const char *const bufs[] = {"BufferedWriter", "BufferedWriter", "BufferedRandom", "BufferedRandom",
                                       "BufferedRandom"};
    static const char *const raw[] = {"wb", "ab", "rb+", "rb+", "ab+"};
    for (int i = 0; i < 5; i++) {
        AdObject *f = open_kw(modes[i], NULL, NULL);
        ck_assert_ptr_nonnull(f);
        snprintf(exp, sizeof exp, "<_io.TextIOWrapper name='%s' mode='%s' encoding='UTF-8'>", path, modes[i]);
        ck_assert_str_eq(sys_test_repr(f, buf, sizeof buf), exp);
        AdObject *b = AdObject_GetAttrString(f, "buffer");
        snprintf(exp, sizeof exp, "<_io.%s name='%s'>", bufs[i], path);
        ck_assert_str_eq(sys_test_repr(b, buf, sizeof buf), exp);
        AdObject *m = AdObject_GetAttrString(b, "mode");
        snprintf(exp, sizeof exp, "'%s'", raw[i]);
        ck_assert_str_eq(sys_test_repr(m, buf, sizeof buf), exp);
        Ad_DECREF(m);
        Ad_DECREF(b);
        Ad_DECREF(call0(f, "close"));
        snprintf(exp, sizeof exp, "<_io.TextIOWrapper name='%s' mode='%s' encoding='UTF-8'>", path, modes[i]);
        ck_assert_str_eq(sys_test_repr(f, buf, sizeof buf), exp);
        Ad_DECREF(f);
    }
    AdObject *zero = AdInt_FromInt64(0);
    AdObject *f = open_kw("wb", "buffering", zero);
    snprintf(exp, sizeof exp, "<_io.FileIO name='%s' mode='wb' closefd=True>", path);
    ck_assert_str_eq(sys_test_repr(f, buf, sizeof buf), exp);
    ck_assert_ptr_null(call0(f, "read"));
    const char *type;
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "File not open for reading");
    ck_assert_str_eq(type, "UnsupportedOperation");
    Ad_DECREF(call0(f, "close"));
    ck_assert_str_eq(sys_test_repr(f, buf, sizeof buf), "<_io.FileIO [closed]>");
    Ad_DECREF(f);
    Ad_DECREF(zero);
}
END_TEST

START_TEST(open_errors)
{
    char buf[512];
    const char *type;
    static const struct { const char *mode, *kw; int kwkind; const char *msg; } cases[] = {
        {"rr", NULL, 0, "invalid mode: 'rr'"},
        {"rw", NULL, 0, "must have exactly one of create/read/write/append mode"},
        {"U", NULL, 0, "invalid mode: 'U'"},
        {"bt", NULL, 0, "can't have text and binary mode at once"},
        {"b", NULL, 0, "Must have exactly one of create/read/write/append mode and at most one plus"},
        {"rb", "encoding", 1, "binary mode doesn't take an encoding argument"},
        {"rb", "errors", 1, "binary mode doesn't take an errors argument"},
        {"rb", "newline", 2, "binary mode doesn't take a newline argument"},
        {"r", "buffering", 3, "can't have unbuffered text I/O"},
        {"r", "newline", 4, "illegal newline value: x"},
        {"r", "encoding", 5, "unknown encoding: nope"},
        {"r", "encoding", 6, "open() argument 'encoding' must be str or None, not int"},
        {"r", "closefd", 3, "Cannot use closefd=False with file name"},
    };
    write_file("hi\n", 3);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        AdObject *v = NULL;
        switch (cases[i].kwkind) {
        case 1: v = AdStr_FromString("utf-8"); break;
        case 2: v = AdStr_FromString(""); break;
        case 3: v = AdInt_FromInt64(0); break;
        case 4: v = AdStr_FromString("x"); break;
        case 5: v = AdStr_FromString("nope"); break;
        case 6: v = AdInt_FromInt64(5); break;
        }
        AdObject *f = open_kw(cases[i].mode, cases[i].kw, v);
        ck_assert_msg(f == NULL, "case %zu opened", i);
        ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), cases[i].msg);
        Ad_XDECREF(v);
    }
    /* missing file, directory */
    AdObject *fn = AdCFunction_NewEx(&AdIO_OpenDef, NULL, NULL);
    AdObject *p = AdStr_FromString("/nonexistent/x");
    ck_assert_ptr_null(AdObject_Vectorcall(fn, &p, 1, NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "[Errno 2] No such file or directory: '/nonexistent/x'");
    ck_assert_str_eq(type, "FileNotFoundError");
    Ad_DECREF(p);
    p = AdStr_FromString(dir);
    ck_assert_ptr_null(AdObject_Vectorcall(fn, &p, 1, NULL));
    sys_test_error(buf, sizeof buf, &type);
    ck_assert_str_eq(type, "IsADirectoryError");
    Ad_DECREF(p);
    p = AdTuple_New(0);
    ck_assert_ptr_null(AdObject_Vectorcall(fn, &p, 1, NULL));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "expected str, bytes or os.PathLike object, not tuple");
    Ad_DECREF(p);
    Ad_DECREF(fn);
}
END_TEST

START_TEST(newline_modes)
{
    char buf[512];
    write_file("a\r\nb\rc\nd", 8);
    static const char *const nls[] = {NULL, "", "\n", "\r", "\r\n"};
    static const char *const expect[] = {
        "['a\\n', 'b\\n', 'c\\n', 'd']", "['a\\r\\n', 'b\\r', 'c\\n', 'd']", "['a\\r\\n', 'b\\rc\\n', 'd']",
        "['a\\r', '\\nb\\r', 'c\\nd']", "['a\\r\\n', 'b\\rc\\nd']",
    };
    for (int i = 0; i < 5; i++) {
        AdObject *nl = nls[i] ? AdStr_FromString(nls[i]) : Ad_NewRef(Ad_None);
        AdObject *f = open_kw("r", "newline", nl);
        AdObject *lines = call0(f, "readlines");
        ck_assert_str_eq(sys_test_repr(lines, buf, sizeof buf), expect[i]);
        Ad_DECREF(lines);
        Ad_DECREF(call0(f, "close"));
        Ad_DECREF(f);
        Ad_DECREF(nl);
    }
    AdObject *f = open_kw("r", NULL, NULL);
    AdObject *three = AdInt_FromInt64(3);
    AdObject *s = sys_test_call(f, "read", 1, &three);
    ck_assert_str_eq(sys_test_repr(s, buf, sizeof buf), "'a\\nb'");
    Ad_DECREF(s);
    AdObject *t = call0(f, "tell");
    ck_assert_str_eq(sys_test_repr(t, buf, sizeof buf), "4");
    Ad_DECREF(t);
    AdObject *zero = AdInt_FromInt64(0);
    Ad_DECREF(sys_test_call(f, "seek", 1, &zero));
    s = call0(f, "read");
    ck_assert_str_eq(sys_test_repr(s, buf, sizeof buf), "'a\\nb\\nc\\nd'");
    Ad_DECREF(s);
    AdObject *args[2] = {AdInt_FromInt64(1), AdInt_FromInt64(1)};
    ck_assert_ptr_null(sys_test_call(f, "seek", 2, args));
    const char *type;
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "can't do nonzero cur-relative seeks");
    Ad_DECREF(args[0]);
    Ad_DECREF(args[1]);
    args[0] = AdInt_FromInt64(-1);
    ck_assert_ptr_null(sys_test_call(f, "seek", 1, args));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "negative seek position -1");
    Ad_DECREF(args[0]);
    Ad_DECREF(call0(f, "close"));
    ck_assert_ptr_null(call0(f, "read"));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "I/O operation on closed file.");
    Ad_DECREF(f);
    Ad_DECREF(zero);
    Ad_DECREF(three);
}
END_TEST

START_TEST(write_and_read_back)
{
    char buf[512];
    const char *type;
    AdObject *f = open_kw("w", NULL, NULL);
    AdObject *s = AdStr_FromString("h\xc3\xa9llo\nw\xe2\x82\xacrld\n");
    AdObject *n = sys_test_call(f, "write", 1, &s);
    ck_assert_str_eq(sys_test_repr(n, buf, sizeof buf), "12");
    Ad_DECREF(n);
    /* still buffered: the file is empty until flush */
    FILE *c = fopen(path, "rb");
    ck_assert_int_eq(fread(buf, 1, sizeof buf, c), 0);
    fclose(c);
    Ad_DECREF(call0(f, "flush"));
    c = fopen(path, "rb");
    ck_assert_int_eq(fread(buf, 1, sizeof buf, c), 15);
    fclose(c);
    AdObject *b = AdBytes_FromString("x");
    ck_assert_ptr_null(sys_test_call(f, "write", 1, &b));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "write() argument must be str, not bytes");
    ck_assert_ptr_null(call0(f, "read"));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "not readable");
    Ad_DECREF(call0(f, "close"));
    Ad_DECREF(f);
    f = open_kw("r", NULL, NULL);
    AdObject *line = call0(f, "readline");
    ck_assert_str_eq(sys_test_repr(line, buf, sizeof buf), "'h\xc3\xa9llo\\n'");
    Ad_DECREF(line);
    AdObject *t = call0(f, "tell");
    ck_assert_str_eq(sys_test_repr(t, buf, sizeof buf), "7");
    Ad_DECREF(t);
    line = AdIter_Next(f);
    ck_assert_str_eq(sys_test_repr(line, buf, sizeof buf), "'w\xe2\x82\xacrld\\n'");
    Ad_DECREF(line);
    ck_assert_ptr_null(AdIter_Next(f));
    ck_assert_ptr_null(AdErr_Occurred());
    Ad_DECREF(call0(f, "close"));
    Ad_DECREF(f);
    /* binary */
    f = open_kw("rb", NULL, NULL);
    AdObject *all = call0(f, "read");
    ck_assert_int_eq(AdBytes_GET_SIZE(all), 15);
    Ad_DECREF(all);
    ck_assert_ptr_null(sys_test_call(f, "write", 1, &b));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "write");
    Ad_DECREF(call0(f, "close"));
    ck_assert_ptr_null(call0(f, "read"));
    ck_assert_str_eq(sys_test_error(buf, sizeof buf, &type), "read of closed file");
    Ad_DECREF(f);
    Ad_DECREF(b);
    Ad_DECREF(s);
}
END_TEST

START_TEST(utf16_bom)
{
    char buf[512];
    AdObject *enc = AdStr_FromString("utf-16");
    AdObject *f = open_kw("w", "encoding", enc);
    AdObject *s = AdStr_FromString("ab\n");
    Ad_DECREF(sys_test_call(f, "write", 1, &s));
    Ad_DECREF(sys_test_call(f, "write", 1, &s));
    Ad_DECREF(call0(f, "close"));
    Ad_DECREF(f);
    FILE *c = fopen(path, "rb");
    ck_assert_int_eq(fread(buf, 1, sizeof buf, c), 14);  /* one BOM + 2 * 3 units */
    fclose(c);
    f = open_kw("r", "encoding", enc);
    AdObject *all = call0(f, "read");
    ck_assert_str_eq(sys_test_repr(all, buf, sizeof buf), "'ab\\nab\\n'");
    Ad_DECREF(all);
    Ad_DECREF(call0(f, "close"));
    Ad_DECREF(f);
    Ad_DECREF(s);
    Ad_DECREF(enc);
}
END_TEST

Suite *textio_suite(void)
{
    Suite *s = suite_create("textio");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, reprs_and_modes);
    tcase_add_test(tc, open_errors);
    tcase_add_test(tc, newline_modes);
    tcase_add_test(tc, write_and_read_back);
    tcase_add_test(tc, utf16_bom);
    suite_add_tcase(s, tc);
    return s;
}
