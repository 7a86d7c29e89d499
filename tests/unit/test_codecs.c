/* test_codecs.c: the codec registry's C API (modules/codecs.h) and the
 * stateful codecs of the str room it stands on: name normalization,
 * built-in error handlers by name, the built-in fast path of
 * AdCodec_Encode/Decode, partial UTF-8/16 input and registered handlers
 * called from C. Expectations are CPython 3.14's. */
#include <string.h>
#include "objects_fixture.h"
#include "modules/codecs.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/str.h"

static void setup(void)
{
    ad_test_objects_setup();
    ck_assert_int_eq(AdCodec_Init(), 0);
}

static int str_is(AdObject *s, const char *utf8)
{
    const char *u = s ? AdStr_AsUTF8(s) : NULL;
    return u && strcmp(u, utf8) == 0;
}

START_TEST(normalize)
{
    static const struct { const char *in, *out; } cases[] = {
        {"UTF-8", "utf_8"}, {"Latin 1", "latin_1"}, {"  x--Y..z  ", "x_y..z"}, {"a\xc3\xa9" "b", "a_b"},
        {"", ""}, {"ISO_8859-15", "iso_8859_15"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        AdObject *in = AdStr_FromString(cases[i].in);
        AdObject *out = AdCodec_NormalizeName(in);
        ck_assert_msg(str_is(out, cases[i].out), "%s", cases[i].in);
        Ad_DECREF(in);
        Ad_DECREF(out);
    }
    AdObject *nul = AdStr_FromStringAndSize("a\0b", 3);
    ck_assert_ptr_null(AdCodec_NormalizeName(nul));
    ck_assert(AdErr_ExceptionMatches(AdExc_ValueError));
    AdErr_Clear();
    Ad_DECREF(nul);
}
END_TEST

START_TEST(error_handlers)
{
    const char *names[] = {"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
                           "namereplace", "surrogateescape", "surrogatepass"};
    for (size_t i = 0; i < 8; i++) {
        AdObject *h = AdCodec_LookupError(names[i]);
        ck_assert_ptr_nonnull(h);
        Ad_DECREF(h);
    }
    ck_assert_ptr_null(AdCodec_LookupError("nope"));
    ck_assert(AdErr_ExceptionMatches(AdExc_LookupError));
    AdErr_Clear();
    ck_assert_int_eq(AdCodec_UnregisterError("strict"), -1);
    ck_assert(AdErr_ExceptionMatches(AdExc_ValueError));
    AdErr_Clear();
    ck_assert_int_eq(AdCodec_UnregisterError("nope"), 0);
    /* a registered handler reached from the C codecs */
    AdObject *h = AdCodec_LookupError("backslashreplace");
    ck_assert_int_eq(AdCodec_RegisterError("mine", h), 0);
    AdObject *s = AdStr_FromString("a\xc3\xa9");
    AdObject *b = AdStr_AsEncodedString(s, "ascii", "mine");
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(AdBytes_GET_SIZE(b), 5);
    ck_assert_int_eq(memcmp(AdBytes_AS_STRING(b), "a\\xe9", 5), 0);
    ck_assert_int_eq(AdCodec_UnregisterError("mine"), 1);
    Ad_DECREF(b);
    Ad_DECREF(s);
    Ad_DECREF(h);
}
END_TEST

START_TEST(builtin_fast_path)
{
    AdObject *s = AdStr_FromString("\xc3\xa9");
    AdObject *b = AdCodec_Encode(s, "Latin-1", NULL);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(AdBytes_GET_SIZE(b), 1);
    ck_assert_int_eq((unsigned char)AdBytes_AS_STRING(b)[0], 0xE9);
    AdObject *back = AdCodec_Decode(b, "iso8859-1", "strict");
    ck_assert(AdStr_Equal(back, s));
    ck_assert_ptr_null(AdCodec_Encode(s, "ascii", NULL));
    ck_assert(AdErr_ExceptionMatches(AdExc_UnicodeEncodeError));
    AdErr_Clear();
    Ad_DECREF(back);
    Ad_DECREF(b);
    Ad_DECREF(s);
}
END_TEST

START_TEST(stateful)
{
    Ad_ssize_t consumed = -1;
    AdObject *r = AdStr_DecodeUTF8Stateful("a\xe2\x82", 3, NULL, 0, &consumed);
    ck_assert(str_is(r, "a"));
    ck_assert_int_eq(consumed, 1);
    Ad_DECREF(r);
    ck_assert_ptr_null(AdStr_DecodeUTF8Stateful("a\xe2\x82", 3, NULL, 1, &consumed));
    ck_assert(AdErr_ExceptionMatches(AdExc_UnicodeDecodeError));
    AdErr_Clear();
    r = AdStr_DecodeUTF8Stateful("a\xe2\x82", 3, "replace", 1, &consumed);
    ck_assert(str_is(r, "a\xef\xbf\xbd"));
    ck_assert_int_eq(consumed, 3);
    Ad_DECREF(r);
    int bo = 0;
    r = AdStr_DecodeUTF16Stateful("\xfe\xff\x00" "a\x00", 5, NULL, &bo, 0, &consumed);
    ck_assert(str_is(r, "a"));
    ck_assert_int_eq(consumed, 4);
    ck_assert_int_eq(bo, 1);
    Ad_DECREF(r);
    AdObject *s = AdStr_FromString("a");
    AdObject *b = AdStr_EncodeUTF32(s, NULL, 1);
    ck_assert_int_eq(AdBytes_GET_SIZE(b), 4);
    ck_assert_int_eq(memcmp(AdBytes_AS_STRING(b), "\0\0\0a", 4), 0);
    Ad_DECREF(b);
    Ad_DECREF(s);
}
END_TEST

Suite *codecs_suite(void)
{
    Suite *s = suite_create("codecs");
    TCase *tc = tcase_create("registry");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, normalize);
    tcase_add_test(tc, error_handlers);
    tcase_add_test(tc, builtin_fast_path);
    tcase_add_test(tc, stateful);
    suite_add_tcase(s, tc);
    return s;
}
