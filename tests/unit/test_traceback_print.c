/* test_traceback_print.c: the exception printer's pure core against
 * CPython 3.14's traceback.py. The cases in tests/unit/data/traceback/
 * were produced by gen_frames.py and gen_misc.py run with the reference
 * interpreter (../shared/tools/py314): frames (format_frame_summary),
 * stacks (StackSummary.format), SyntaxError layouts and suggestions. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/traceback_print.h"
#include "objects/tuple.h"
#include "objects_fixture.h"

#define DATA_DIR "tests/unit/data/traceback/"

/* Reads one line (without its "\n") into a malloc'ed string; NULL at EOF. */
static char *read_line(FILE *f)
{
    size_t cap = 256, n = 0;
    char *s = malloc(cap);
    int c;
    while ((c = fgetc(f)) != EOF && c != '\n') {
        if (n + 2 > cap)
            s = realloc(s, cap *= 2);
        s[n++] = (char)c;
    }
    if (c == EOF && n == 0) {
        free(s);
        return NULL;
    }
    s[n] = 0;
    return s;
}

static void put_utf8(char **d, unsigned long cp)
{
    unsigned char *p = (unsigned char *)*d;
    if (cp < 0x80)
        *p++ = (unsigned char)cp;
    else if (cp < 0x800) {
        *p++ = (unsigned char)(0xC0 | (cp >> 6));
        *p++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *p++ = (unsigned char)(0xE0 | (cp >> 12));
        *p++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *p++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *p++ = (unsigned char)(0xF0 | (cp >> 18));
        *p++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        *p++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *p++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *d = (char *)p;
}

/* "-" -> NULL; "=text" with \\ \n \t \uXXXX escapes -> malloc'ed text. */
static char *unescape(const char *v)
{
    if (strcmp(v, "-") == 0)
        return NULL;
    ck_assert_int_eq(v[0], '=');
    v++;
    char *out = malloc(strlen(v) * 2 + 8), *d = out;
    while (*v) {
        if (*v != '\\') {
            *d++ = *v++;
            continue;
        }
        v++;
        switch (*v) {
        case 'n': *d++ = '\n'; v++; break;
        case 't': *d++ = '\t'; v++; break;
        case '\\': *d++ = '\\'; v++; break;
        case 'u': {
            char hex[5] = {v[1], v[2], v[3], v[4], 0};
            put_utf8(&d, strtoul(hex, NULL, 16));
            v += 5;
            break;
        }
        default: ck_abort_msg("bad escape");
        }
    }
    *d = 0;
    return out;
}

/* The value after "KEY " on a line. */
static const char *field(const char *line, const char *key)
{
    size_t k = strlen(key);
    ck_assert_msg(strncmp(line, key, k) == 0 && line[k] == ' ', "expected %s: %s", key, line);
    return line + k + 1;
}

static int num(const char *s)
{
    return strcmp(s, "-") == 0 ? AD_TB_NONE : atoi(s);
}

static void read_frame(FILE *f, AdTbFrameSummary *fs, char **owned)
{
    char *l1 = read_line(f), *l2 = read_line(f), *l3 = read_line(f), *l4 = read_line(f);
    owned[0] = unescape(field(l1, "file"));
    owned[1] = unescape(field(l2, "name"));
    char a[32], b[32], c[32], d[32];
    ck_assert_int_eq(sscanf(field(l3, "pos"), "%31s %31s %31s %31s", a, b, c, d), 4);
    owned[2] = unescape(field(l4, "lines"));
    fs->filename = owned[0];
    fs->name = owned[1];
    fs->lineno = num(a);
    fs->end_lineno = num(b);
    fs->colno = num(c);
    fs->end_colno = num(d);
    fs->lines = owned[2];
    free(l1), free(l2), free(l3), free(l4);
}

static void report(int ncase, const char *what, const char *exp, const char *got)
{
    fprintf(stderr, "case %d (%s):\n--- expected\n%s--- got\n%s---\n", ncase, what, exp,
            got ? got : "(null)");
}

START_TEST(test_frames)
{
    FILE *f = fopen(DATA_DIR "frames.txt", "r");
    ck_assert_ptr_nonnull(f);
    char *line;
    int ncase = 0, failed = 0;
    while ((line = read_line(f)) != NULL) {
        if (strcmp(line, "case") != 0) {
            free(line);
            continue;
        }
        free(line);
        AdTbFrameSummary fs = {0};
        char *owned[3];
        read_frame(f, &fs, owned);
        char *el = read_line(f);
        char *expect = unescape(field(el, "expect"));
        AdTbBuf out;
        AdTbBuf_Init(&out);
        ck_assert_int_eq(AdTraceback_FormatFrameSummary(&fs, &out), 0);
        const char *got = out.data ? out.data : "";
        if (strcmp(got, expect) != 0) {
            if (failed < 5)
                report(ncase, fs.lines ? fs.lines : "", expect, got);
            failed++;
        }
        ncase++;
        AdTbBuf_Free(&out);
        free(expect), free(el);
        for (int i = 0; i < 3; i++)
            free(owned[i]);
    }
    fclose(f);
    ck_assert_int_gt(ncase, 1000);
    ck_assert_msg(failed == 0, "%d of %d frame cases differ", failed, ncase);
}
END_TEST

/* stacks.txt: "stack N", N frames (5 lines each, as frames.txt), "expect". */
/* Colour (3.14's default theme), as CPython 3.14 prints this frame with
 * colorize=True: the anchors' ranges in red, the operator in bold red. */
START_TEST(test_frame_colors)
{
    AdTbFrameSummary fs = {.filename = "binop.py", .name = "f", .lineno = 3, .end_lineno = 3,
                           .colno = 18, .end_colno = 28,
                           .lines = "    return a[1] + b[\"x\"] / 0\n", .colorize = 1};
    AdTbBuf out;
    AdTbBuf_Init(&out);
    ck_assert_int_eq(AdTraceback_FormatFrameSummary(&fs, &out), 0);
    ck_assert_str_eq(out.data,
                     "  File \x1b[35m\"binop.py\"\x1b[0m, line \x1b[35m3\x1b[0m, in \x1b[35mf\x1b[0m\n"
                     "    return a[1] + \x1b[31mb[\"x\"] \x1b[0m\x1b[1;31m/\x1b[0m\x1b[31m 0\x1b[0m\n"
                     "                  \x1b[31m~~~~~~~\x1b[0m\x1b[1;31m^\x1b[0m\x1b[31m~~\x1b[0m\n");
    AdTbBuf_Free(&out);
    fs.colorize = 0;
    AdTbBuf_Init(&out);
    ck_assert_int_eq(AdTraceback_FormatFrameSummary(&fs, &out), 0);
    ck_assert_str_eq(out.data, "  File \"binop.py\", line 3, in f\n"
                               "    return a[1] + b[\"x\"] / 0\n"
                               "                  ~~~~~~~^~~\n");
    AdTbBuf_Free(&out);
}
END_TEST

/* A SyntaxError in colour, as CPython 3.14's format_exception_only(...,
 * colorize=True) prints it (an empty highlighted range at the end). */
START_TEST(test_syntax_error_colors)
{
    AdTbSyntaxError se;
    memset(&se, 0, sizeof se);
    se.type_name = "SyntaxError";
    se.filename = "/tmp/bad.py";
    se.lineno = se.end_lineno = "2";
    se.text = "if x\n";
    se.offset_kind = se.end_offset_kind = AD_TB_OFFSET_INT;
    se.offset = 5;
    se.end_offset = 6;
    se.msg = "expected ':'";
    se.colorize = 1;
    AdTbBuf out;
    AdTbBuf_Init(&out);
    ck_assert_int_eq(AdTraceback_FormatSyntaxError(&se, &out), 0);
    ck_assert_str_eq(out.data, "  File \x1b[35m\"/tmp/bad.py\"\x1b[0m, line \x1b[35m2\x1b[0m\n"
                               "    if x\x1b[1;31m\x1b[0m\n"
                               "        \x1b[1;31m^\x1b[0m\n"
                               "\x1b[1;35mSyntaxError\x1b[0m: \x1b[35mexpected ':'\x1b[0m\n");
    AdTbBuf_Free(&out);
}
END_TEST

START_TEST(test_stacks)
{
    FILE *f = fopen(DATA_DIR "misc.txt", "r");
    ck_assert_ptr_nonnull(f);
    char *line;
    int ncase = 0, failed = 0;
    while ((line = read_line(f)) != NULL) {
        int n;
        if (sscanf(line, "stack %d", &n) != 1) {
            free(line);
            continue;
        }
        free(line);
        AdTbFrameSummary *fr = calloc((size_t)n + 1, sizeof *fr);
        char **owned = calloc((size_t)n * 3 + 1, sizeof *owned);
        for (int i = 0; i < n; i++) {
            char *c = read_line(f);
            ck_assert_str_eq(c, "frame");
            free(c);
            read_frame(f, &fr[i], owned + 3 * i);
        }
        char *el = read_line(f);
        char *expect = unescape(field(el, "expect"));
        AdTbBuf out;
        AdTbBuf_Init(&out);
        ck_assert_int_eq(AdTraceback_FormatStack(fr, (size_t)n, &out), 0);
        const char *got = out.data ? out.data : "";
        if (strcmp(got, expect) != 0) {
            if (failed < 5)
                report(ncase, "stack", expect, got);
            failed++;
        }
        ncase++;
        AdTbBuf_Free(&out);
        free(expect), free(el);
        for (int i = 0; i < 3 * n; i++)
            free(owned[i]);
        free(owned), free(fr);
    }
    fclose(f);
    ck_assert_int_gt(ncase, 10);
    ck_assert_msg(failed == 0, "%d of %d stack cases differ", failed, ncase);
}
END_TEST

static AdTbOffsetKind offset_kind(const char *s, long *v)
{
    if (strcmp(s, "-") == 0)
        return AD_TB_OFFSET_NONE;
    if (strcmp(s, "?") == 0)
        return AD_TB_OFFSET_OTHER;
    *v = atol(s);
    return AD_TB_OFFSET_INT;
}

/* "syntax" / type / file / lineno end_lineno / offsets / text / msg / expect */
START_TEST(test_syntax_errors)
{
    FILE *f = fopen(DATA_DIR "misc.txt", "r");
    ck_assert_ptr_nonnull(f);
    char *line;
    int ncase = 0, failed = 0;
    while ((line = read_line(f)) != NULL) {
        if (strcmp(line, "syntax") != 0) {
            free(line);
            continue;
        }
        free(line);
        char *l[7];
        for (int i = 0; i < 7; i++)
            l[i] = read_line(f);
        AdTbSyntaxError se;
        memset(&se, 0, sizeof se);
        char *type = unescape(field(l[0], "type"));
        char *file = unescape(field(l[1], "file"));
        char a[32], b[32], c[32], d[32];
        ck_assert_int_eq(sscanf(field(l[2], "lines"), "%31s %31s", a, b), 2);
        ck_assert_int_eq(sscanf(field(l[3], "offsets"), "%31s %31s", c, d), 2);
        char *text = unescape(field(l[4], "text"));
        char *msg = unescape(field(l[5], "msg"));
        char *expect = unescape(field(l[6], "expect"));
        se.type_name = type;
        se.filename = file;
        se.filename_falsy = file == NULL || file[0] == 0;
        se.lineno = strcmp(a, "-") ? a : NULL;
        se.end_lineno = strcmp(b, "-") ? b : NULL;
        se.offset_kind = offset_kind(c, &se.offset);
        se.end_offset_kind = offset_kind(d, &se.end_offset);
        se.text = text;
        se.msg = msg && msg[0] ? msg : NULL;
        AdTbBuf out;
        AdTbBuf_Init(&out);
        ck_assert_int_eq(AdTraceback_FormatSyntaxError(&se, &out), 0);
        const char *got = out.data ? out.data : "";
        if (strcmp(got, expect) != 0) {
            if (failed < 5)
                report(ncase, "syntax", expect, got);
            failed++;
        }
        ncase++;
        AdTbBuf_Free(&out);
        free(type), free(file), free(text), free(msg), free(expect);
        for (int i = 0; i < 7; i++)
            free(l[i]);
    }
    fclose(f);
    ck_assert_int_gt(ncase, 50);
    ck_assert_msg(failed == 0, "%d of %d syntax cases differ", failed, ncase);
}
END_TEST

/* "suggest N" / N name lines / "wrong =x" / "expect =y" or "expect -" */
START_TEST(test_suggestions)
{
    FILE *f = fopen(DATA_DIR "misc.txt", "r");
    ck_assert_ptr_nonnull(f);
    char *line;
    int ncase = 0, failed = 0;
    while ((line = read_line(f)) != NULL) {
        int n;
        if (sscanf(line, "suggest %d", &n) != 1) {
            free(line);
            continue;
        }
        free(line);
        char **names = calloc((size_t)n + 1, sizeof *names);
        for (int i = 0; i < n; i++) {
            char *nl = read_line(f);
            names[i] = unescape(nl);
            free(nl);
        }
        char *wl = read_line(f), *el = read_line(f);
        char *wrong = unescape(field(wl, "wrong"));
        char *expect = unescape(field(el, "expect"));
        Ad_ssize_t k = AdTraceback_ComputeSuggestion((const char *const *)names, n, wrong);
        const char *got = k < 0 ? NULL : names[k];
        int same = (got == NULL && expect == NULL) ||
                   (got && expect && strcmp(got, expect) == 0);
        if (!same) {
            if (failed < 5)
                fprintf(stderr, "suggest case %d: wrong %s: expected %s, got %s\n", ncase, wrong,
                        expect ? expect : "None", got ? got : "None");
            failed++;
        }
        ncase++;
        for (int i = 0; i < n; i++)
            free(names[i]);
        free(names), free(wl), free(el), free(wrong), free(expect);
    }
    fclose(f);
    ck_assert_int_gt(ncase, 50);
    ck_assert_msg(failed == 0, "%d of %d suggestion cases differ", failed, ncase);
}
END_TEST

START_TEST(test_indent_all)
{
    AdTbBuf out;
    AdTbBuf_Init(&out);
    const char *t = "a\n\nb\x0c" "c\r\nd";
    ck_assert_int_eq(AdTraceback_IndentAll(&out, t, strlen(t), "| "), 0);
    ck_assert_str_eq(out.data, "| a\n| \n| b\x0c| c\r\n| d");
    AdTbBuf_Free(&out);
}
END_TEST


/* ---- the printer over exception objects (no tracebacks: the frames need
 * running code). Expected texts: sys.__excepthook__ of CPython 3.14 on the
 * same exceptions. ---- */

static AdObject *mk(AdTypeObject *t, const char *msg)
{
    AdObject *e;
    if (msg) {
        AdObject *m = AdStr_FromString(msg);
        e = AdObject_CallOneArg((AdObject *)t, m);
        Ad_DECREF(m);
    } else
        e = AdObject_CallNoArgs((AdObject *)t);
    ck_assert_ptr_nonnull(e);
    return e;
}

static AdObject *mk_group(const char *msg, AdObject **members, int n)
{
    AdObject *l = AdList_New(0);
    for (int i = 0; i < n; i++) {
        AdList_Append(l, members[i]);
        Ad_DECREF(members[i]);
    }
    AdObject *m = AdStr_FromString(msg);
    AdObject *args = AdTuple_Pack(2, m, l);
    AdObject *g = AdObject_Call((AdObject *)&AdExcType_ExceptionGroup, args, NULL);
    ck_assert_ptr_nonnull(g);
    Ad_DECREF(m), Ad_DECREF(l), Ad_DECREF(args);
    return g;
}

static void set_attr(AdObject *o, const char *name, AdObject *v)
{
    AdObject *n = AdStr_FromString(name);
    ck_assert_int_eq(AdObject_SetAttr(o, n, v), 0);
    Ad_DECREF(n);
    Ad_DECREF(v);
}

static void check_text(AdObject *exc, const char *expect)
{
    AdObject *s = AdTraceback_FormatException(exc);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(AdStr_AsUTF8(s), expect);
    Ad_DECREF(s);
    Ad_DECREF(exc);
}

START_TEST(test_print_simple)
{
    ad_test_objects_setup();
    check_text(mk(&AdExcType_ValueError, "bad"), "ValueError: bad\n");
    check_text(mk(&AdExcType_ValueError, NULL), "ValueError\n");
    check_text(mk(&AdExcType_KeyError, "k"), "KeyError: 'k'\n");
}
END_TEST

START_TEST(test_print_chains)
{
    ad_test_objects_setup();
    AdObject *e = mk(&AdExcType_RuntimeError, "outer");
    AdException_SetCause(e, mk(&AdExcType_ValueError, "inner"));
    check_text(e, "ValueError: inner\n\nThe above exception was the direct cause of the following "
                  "exception:\n\nRuntimeError: outer\n");
    e = mk(&AdExcType_RuntimeError, "outer");
    AdException_SetContext(e, mk(&AdExcType_ValueError, "ctx"));
    check_text(e, "ValueError: ctx\n\nDuring handling of the above exception, another exception "
                  "occurred:\n\nRuntimeError: outer\n");
    e = mk(&AdExcType_RuntimeError, "outer");
    AdException_SetContext(e, mk(&AdExcType_ValueError, "ctx"));
    ((AdBaseExceptionObject *)e)->suppress_context = 1;
    check_text(e, "RuntimeError: outer\n");
    /* a cycle */
    AdObject *a = mk(&AdExcType_ValueError, "a"), *b = mk(&AdExcType_TypeError, "b");
    AdException_SetContext(a, Ad_NewRef(b));
    AdException_SetContext(b, Ad_NewRef(a));
    Ad_DECREF(b);
    check_text(a, "TypeError: b\n\nDuring handling of the above exception, another exception "
                  "occurred:\n\nValueError: a\n");
}
END_TEST

START_TEST(test_print_notes)
{
    ad_test_objects_setup();
    AdObject *e = mk(&AdExcType_ValueError, "x");
    AdObject *l = AdList_New(0);
    AdObject *n1 = AdStr_FromString("n1"), *n2 = AdStr_FromString("multi\nline");
    AdList_Append(l, n1), AdList_Append(l, n2);
    Ad_DECREF(n1), Ad_DECREF(n2);
    set_attr(e, "__notes__", l);
    check_text(e, "ValueError: x\nn1\nmulti\nline\n");
    e = mk(&AdExcType_ValueError, "x");
    set_attr(e, "__notes__", AdStr_FromString("just a str"));
    check_text(e, "ValueError: x\n'just a str'\n");
}
END_TEST

START_TEST(test_print_groups)
{
    ad_test_objects_setup();
    AdObject *m[20];
    m[0] = mk(&AdExcType_ValueError, "1");
    m[1] = mk(&AdExcType_TypeError, "2");
    check_text(mk_group("eg", m, 2),
               "  | ExceptionGroup: eg (2 sub-exceptions)\n"
               "  +-+---------------- 1 ----------------\n"
               "    | ValueError: 1\n"
               "    +---------------- 2 ----------------\n"
               "    | TypeError: 2\n"
               "    +------------------------------------\n");
    AdObject *in[2] = {mk(&AdExcType_KeyError, "k"), mk(&AdExcType_TypeError, "t")};
    m[0] = mk(&AdExcType_ValueError, "1");
    m[1] = mk_group("inner", in, 2);
    check_text(mk_group("outer", m, 2),
               "  | ExceptionGroup: outer (2 sub-exceptions)\n"
               "  +-+---------------- 1 ----------------\n"
               "    | ValueError: 1\n"
               "    +---------------- 2 ----------------\n"
               "    | ExceptionGroup: inner (2 sub-exceptions)\n"
               "    +-+---------------- 1 ----------------\n"
               "      | KeyError: 'k'\n"
               "      +---------------- 2 ----------------\n"
               "      | TypeError: t\n"
               "      +------------------------------------\n");
    for (int i = 0; i < 17; i++) {
        char b[8];
        snprintf(b, sizeof b, "%d", i);
        m[i] = mk(&AdExcType_ValueError, b);
    }
    AdObject *s = AdTraceback_FormatException(m[16] = mk_group("many", m, 17));
    ck_assert_ptr_nonnull(strstr(AdStr_AsUTF8(s), "    | ValueError: 14\n"
                                                  "    +---------------- ... ----------------\n"
                                                  "    | and 2 more exceptions\n"
                                                  "    +------------------------------------\n"));
    Ad_DECREF(s);
    Ad_DECREF(m[16]);
    AdObject *g = mk(&AdExcType_ValueError, "0");
    for (int i = 0; i < 12; i++) {
        char b[8];
        snprintf(b, sizeof b, "d%d", i);
        g = mk_group(b, &g, 1);
    }
    s = AdTraceback_FormatException(g);
    ck_assert_ptr_nonnull(strstr(AdStr_AsUTF8(s),
                                 "                    | ExceptionGroup: d2 (1 sub-exception)\n"
                                 "                    +-+---------------- 1 ----------------\n"
                                 "                      | ... (max_group_depth is 10)\n"
                                 "                      +------------------------------------\n"));
    Ad_DECREF(s);
    Ad_DECREF(g);
    AdObject *e = mk(&AdExcType_ValueError, "eg member cause");
    AdException_SetCause(e, mk(&AdExcType_KeyError, "c"));
    check_text(mk_group("eg2", &e, 1),
               "  | ExceptionGroup: eg2 (1 sub-exception)\n"
               "  +-+---------------- 1 ----------------\n"
               "    | KeyError: 'c'\n"
               "    | \n"
               "    | The above exception was the direct cause of the following exception:\n"
               "    | \n"
               "    | ValueError: eg member cause\n"
               "    +------------------------------------\n");
}
END_TEST

START_TEST(test_print_syntax_and_names)
{
    ad_test_objects_setup();
    AdObject *items[6] = {AdStr_FromString("f.py"), AdInt_FromInt64(1), AdInt_FromInt64(5),
                          AdStr_FromString("x = = 1\n"), AdInt_FromInt64(1), AdInt_FromInt64(6)};
    AdObject *info = AdTuple_FromArraySteal(items, 6);
    AdObject *msg = AdStr_FromString("invalid syntax");
    AdObject *args = AdTuple_Pack(2, msg, info);
    AdObject *e = AdObject_Call((AdObject *)&AdExcType_SyntaxError, args, NULL);
    ck_assert_ptr_nonnull(e);
    check_text(e, "  File \"f.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
    Ad_DECREF(args), Ad_DECREF(msg), Ad_DECREF(info);
    e = mk(&AdExcType_AttributeError, "'list' object has no attribute 'apend'");
    set_attr(e, "name", AdStr_FromString("apend"));
    set_attr(e, "obj", AdList_New(0));
    check_text(e, "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?\n");
    e = mk(&AdExcType_AttributeError, "no attr");
    set_attr(e, "name", AdStr_FromString("_x"));
    set_attr(e, "obj", AdList_New(0));
    check_text(e, "AttributeError: no attr\n");
}
END_TEST

Suite *traceback_print_suite(void)
{
    Suite *s = suite_create("traceback_print");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_frames);
    tcase_add_test(tc, test_frame_colors);
    tcase_add_test(tc, test_syntax_error_colors);
    tcase_add_test(tc, test_stacks);
    tcase_add_test(tc, test_syntax_errors);
    tcase_add_test(tc, test_suggestions);
    tcase_add_test(tc, test_indent_all);
    suite_add_tcase(s, tc);
    TCase *to = tcase_create("objects");
    tcase_add_test(to, test_print_simple);
    tcase_add_test(to, test_print_chains);
    tcase_add_test(to, test_print_notes);
    tcase_add_test(to, test_print_groups);
    tcase_add_test(to, test_print_syntax_and_names);
    suite_add_tcase(s, to);
    return s;
}
