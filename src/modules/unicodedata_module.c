/* unicodedata_module.c: the `unicodedata` module over the Unicode database
 * of src/unicode (UCD 15.0.0; see unicode/unicode_db.h): lookup, name,
 * decimal, digit, numeric, category, bidirectional, combining,
 * east_asian_width, mirrored, decomposition, normalize, is_normalized,
 * unidata_version, and the UCD type with the same methods. ucd_3_2_0 is a
 * UCD object whose unidata_version is "3.2.0"; it answers from the same
 * (newer) database, so characters added after Unicode 3.2 are not
 * unassigned there as they are in CPython. Messages are CPython's ("no such
 * name", "not a decimal", "undefined character name 'X'"). */
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "unicode/unicode_db.h"

#include <stdlib.h>
#include <string.h>

#define NAME_MAXLEN 256

typedef struct {
    AdObject_HEAD;
    const char *version;
} UCDObject;

/* The code point of a one-character str argument. fname: the function;
 * argpos: "argument 1" style for the functions with more parameters,
 * "argument" for the one-parameter ones. 0 or -1 with TypeError. */
static int get_char(const char *fname, const char *argpos, AdObject *o, uint32_t *cp)
{
    if (!AdStr_Check(o)) {
        AdErr_Format(AdExc_TypeError, "%s() %s must be a unicode character, not %s", fname, argpos,
                     AdType_Name(AD_TYPE(o)));
        return -1;
    }
    if (AdStr_LENGTH(o) != 1) {
        AdErr_Format(AdExc_TypeError, "%s(): %s must be a unicode character, not a string of length %zd", fname,
                     argpos, AdStr_LENGTH(o));
        return -1;
    }
    *cp = AdStr_READ_CHAR(o, 0);
    return 0;
}

/* ---- one-argument properties ------------------------------------------------------------ */

static AdObject *ud_category(AdObject *self, AdObject *arg)
{
    (void)self;
    uint32_t cp;
    if (get_char("category", "argument", arg, &cp) < 0)
        return NULL;
    return AdStr_FromString(AdUnicode_CategoryName(cp));
}

static AdObject *ud_bidirectional(AdObject *self, AdObject *arg)
{
    (void)self;
    uint32_t cp;
    if (get_char("bidirectional", "argument", arg, &cp) < 0)
        return NULL;
    return AdStr_FromString(AdUnicode_BidirectionalName(cp));
}

static AdObject *ud_combining(AdObject *self, AdObject *arg)
{
    (void)self;
    uint32_t cp;
    if (get_char("combining", "argument", arg, &cp) < 0)
        return NULL;
    return AdInt_FromInt64(AdUnicode_Combining(cp));
}

static AdObject *ud_mirrored(AdObject *self, AdObject *arg)
{
    (void)self;
    uint32_t cp;
    if (get_char("mirrored", "argument", arg, &cp) < 0)
        return NULL;
    return AdInt_FromInt64(AdUnicode_Mirrored(cp));
}

static AdObject *ud_east_asian_width(AdObject *self, AdObject *arg)
{
    (void)self;
    uint32_t cp;
    if (get_char("east_asian_width", "argument", arg, &cp) < 0)
        return NULL;
    return AdStr_FromString(AdUnicode_EastAsianWidthName(cp));
}

static AdObject *ud_decomposition(AdObject *self, AdObject *arg)
{
    (void)self;
    uint32_t cp;
    if (get_char("decomposition", "argument", arg, &cp) < 0)
        return NULL;
    char buf[256];
    size_t n = AdUnicode_DecompositionString(cp, buf, sizeof buf);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    return AdStr_FromStringAndSize(buf, (Ad_ssize_t)n);
}

/* ---- properties with a default ----------------------------------------------------------- */

/* Parses (chr, default=<none>, /). */
static int char_and_default(const char *fname, AdObject *const *args, Ad_ssize_t nargs, uint32_t *cp,
                            AdObject **dflt)
{
    if (AdArg_CheckPositional(fname, nargs, 1, 2) < 0)
        return -1;
    if (get_char(fname, "argument 1", args[0], cp) < 0)
        return -1;
    *dflt = nargs > 1 ? args[1] : NULL;
    return 0;
}

static AdObject *ud_decimal(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    uint32_t cp;
    AdObject *dflt;
    if (char_and_default("decimal", args, nargs, &cp, &dflt) < 0)
        return NULL;
    int v = AdUnicode_Decimal(cp);
    if (v >= 0)
        return AdInt_FromInt64(v);
    if (dflt)
        return Ad_NewRef(dflt);
    AdErr_SetString(AdExc_ValueError, "not a decimal");
    return NULL;
}

static AdObject *ud_digit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    uint32_t cp;
    AdObject *dflt;
    if (char_and_default("digit", args, nargs, &cp, &dflt) < 0)
        return NULL;
    int v = AdUnicode_Digit(cp);
    if (v >= 0)
        return AdInt_FromInt64(v);
    if (dflt)
        return Ad_NewRef(dflt);
    AdErr_SetString(AdExc_ValueError, "not a digit");
    return NULL;
}

static AdObject *ud_numeric(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    uint32_t cp;
    AdObject *dflt;
    if (char_and_default("numeric", args, nargs, &cp, &dflt) < 0)
        return NULL;
    double v;
    if (AdUnicode_Numeric(cp, &v))
        return AdFloat_FromDouble(v);
    if (dflt)
        return Ad_NewRef(dflt);
    AdErr_SetString(AdExc_ValueError, "not a numeric character");
    return NULL;
}

static AdObject *ud_name(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    uint32_t cp;
    AdObject *dflt;
    if (char_and_default("name", args, nargs, &cp, &dflt) < 0)
        return NULL;
    char buf[AD_UNICODE_NAME_MAX];
    size_t n = AdUnicode_Name(cp, buf, sizeof buf);
    if (n > 0)
        return AdStr_FromStringAndSize(buf, (Ad_ssize_t)n);
    if (dflt)
        return Ad_NewRef(dflt);
    AdErr_SetString(AdExc_ValueError, "no such name");
    return NULL;
}

static AdObject *ud_lookup(AdObject *self, AdObject *arg)
{
    (void)self;
    const char *name;
    Ad_ssize_t len;
    AdBuffer view;
    int has_view = 0;
    if (AdStr_Check(arg)) {
        name = AdStr_AsUTF8AndSize(arg, &len);
        if (!name)
            return NULL;
    } else {
        if (AdObject_GetBuffer(arg, &view, AD_BUF_SIMPLE) < 0)
            return NULL;
        has_view = 1;
        name = view.buf;
        len = view.len;
    }
    AdObject *res = NULL;
    uint32_t out[AD_UNICODE_SEQUENCE_MAX];
    if (len > NAME_MAXLEN) {
        AdErr_SetString(AdExc_KeyError, "name too long");
        goto done;
    }
    size_t n = AdUnicode_Lookup(name, (size_t)len, AD_UNICODE_LOOKUP_SEQUENCES, out);
    if (n == 0) {
        AdObject *s = AdStr_DecodeUTF8Stateful(name, len, "replace", 1, NULL);
        if (s) {
            AdObject *msg = AdStr_FromFormat("undefined character name '%U'", s);
            Ad_DECREF(s);
            if (msg) {
                AdErr_SetObject(AdExc_KeyError, msg);
                Ad_DECREF(msg);
            }
        }
        goto done;
    }
    res = AdStr_FromUCS4(out, (Ad_ssize_t)n);
done:
    if (has_view)
        AdBuffer_Release(&view);
    return res;
}

/* ---- normalization ------------------------------------------------------------------------- */

/* Parses (form, unistr, /): the form and the code points of unistr
 * (malloc'd into *cps). 0 or -1. */
static int form_and_text(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdUnicodeForm *form,
                         AdObject **text)
{
    if (AdArg_CheckPositional(fname, nargs, 2, 2) < 0)
        return -1;
    for (int i = 0; i < 2; i++)
        if (!AdStr_Check(args[i])) {
            AdErr_Format(AdExc_TypeError, "%s() argument %d must be str, not %s", fname, i + 1,
                         AdType_Name(AD_TYPE(args[i])));
            return -1;
        }
    const char *f = AdStr_AsUTF8(args[0]);
    if (!f)
        return -1;
    if (!AdUnicode_FormFromName(f, form)) {
        AdErr_SetString(AdExc_ValueError, "invalid normalization form");
        return -1;
    }
    *text = args[1];
    return 0;
}

static uint32_t *str_to_ucs4(AdObject *s, size_t *n)
{
    *n = (size_t)AdStr_LENGTH(s);
    uint32_t *cps = malloc((*n ? *n : 1) * sizeof(uint32_t));
    if (!cps) {
        AdErr_NoMemory();
        return NULL;
    }
    int kind = AdStr_KIND(s);
    const void *data = AdStr_DATA(s);
    for (size_t i = 0; i < *n; i++)
        cps[i] = AdStr_READ(kind, data, (Ad_ssize_t)i);
    return cps;
}

static AdObject *ud_normalize(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    AdUnicodeForm form;
    AdObject *text;
    if (form_and_text("normalize", args, nargs, &form, &text) < 0)
        return NULL;
    size_t n;
    uint32_t *src = str_to_ucs4(text, &n);
    if (!src)
        return NULL;
    if (AdUnicode_QuickCheck(form, src, n) == AD_UNICODE_QC_YES) {
        free(src);
        return Ad_NewRef(text);
    }
    size_t cap = n + 16;
    uint32_t *dst = NULL;
    for (;;) {
        uint32_t *nd = realloc(dst, cap * sizeof(uint32_t));
        if (!nd) {
            free(dst);
            free(src);
            return AdErr_NoMemory();
        }
        dst = nd;
        size_t got = AdUnicode_Normalize(form, src, n, dst, cap);
        if (got <= cap) {
            AdObject *res = AdStr_FromUCS4(dst, (Ad_ssize_t)got);
            free(dst);
            free(src);
            return res;
        }
        cap = got;
    }
}

static AdObject *ud_is_normalized(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)self;
    AdUnicodeForm form;
    AdObject *text;
    if (form_and_text("is_normalized", args, nargs, &form, &text) < 0)
        return NULL;
    size_t n;
    uint32_t *src = str_to_ucs4(text, &n);
    if (!src)
        return NULL;
    int r = AdUnicode_IsNormalized(form, src, n);
    free(src);
    if (r < 0)
        return AdErr_NoMemory();
    return AdBool_FromLong(r);
}

/* ---- the module and the UCD type ----------------------------------------------------------- */

static AdMethodDef ud_methods[] = {
    {"decimal", (void (*)(void))ud_decimal, AD_METH_FASTCALL,
     "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to "
     "the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"digit", (void (*)(void))ud_digit, AD_METH_FASTCALL,
     "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the "
     "character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"numeric", (void (*)(void))ud_numeric, AD_METH_FASTCALL,
     "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to "
     "the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"category", (void (*)(void))ud_category, AD_METH_O,
     "Returns the general category assigned to the character chr as string."},
    {"bidirectional", (void (*)(void))ud_bidirectional, AD_METH_O,
     "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, "
     "an empty string is returned."},
    {"combining", (void (*)(void))ud_combining, AD_METH_O,
     "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no "
     "combining class is defined."},
    {"mirrored", (void (*)(void))ud_mirrored, AD_METH_O,
     "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character "
     "has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."},
    {"east_asian_width", (void (*)(void))ud_east_asian_width, AD_METH_O,
     "Returns the east asian width assigned to the character chr as string."},
    {"decomposition", (void (*)(void))ud_decomposition, AD_METH_O,
     "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string "
     "is returned in case no such mapping is defined."},
    {"is_normalized", (void (*)(void))ud_is_normalized, AD_METH_FASTCALL,
     "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are "
     "'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"normalize", (void (*)(void))ud_normalize, AD_METH_FASTCALL,
     "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', "
     "'NFD', and 'NFKD'."},
    {"name", (void (*)(void))ud_name, AD_METH_FASTCALL,
     "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is "
     "returned, or, if not given,\nValueError is raised."},
    {"lookup", (void (*)(void))ud_lookup, AD_METH_O,
     "Look up character by name.\n\nIf a character with the given name is found, return the\ncorresponding "
     "character.  If not found, KeyError is raised."},
    {NULL, NULL, 0, NULL},
};

static AdObject *ucd_get_version(AdObject *self, void *closure)
{
    (void)closure;
    return AdStr_FromString(((UCDObject *)self)->version);
}

static AdGetSetDef ucd_getset[] = {
    {"unidata_version", ucd_get_version, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdObject *ucd_tp_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)args, (void)kwargs;
    AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
    return NULL;
}

static AdTypeObject UCD_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "unicodedata.UCD",
    .tp_basicsize = sizeof(UCDObject),
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_methods = ud_methods,
    .tp_getset = ucd_getset,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = ucd_tp_new,
};

AdObject *AdModule_InitUnicodedata(void)
{
    if (AdType_Ready(&UCD_Type) < 0)
        return NULL;
    AdObject *m = AdModule_New("unicodedata");
    if (!m)
        return NULL;
    UCDObject *old = (UCDObject *)UCD_Type.tp_alloc(&UCD_Type, 0);
    if (!old) {
        Ad_DECREF(m);
        return NULL;
    }
    old->version = "3.2.0";
    if (AdModule_AddFunctions(m, ud_methods) < 0 ||
        AdModule_AddStringConstant(m, "unidata_version", AD_UNICODE_VERSION) < 0 ||
        AdModule_AddObjectRef(m, "UCD", (AdObject *)&UCD_Type) < 0 ||
        AdModule_AddObjectRef(m, "ucd_3_2_0", (AdObject *)old) < 0 ||
        AdModule_SetDocString(m, "This module provides access to the Unicode Character Database which\n"
                                 "defines character properties for all Unicode characters. The data in\n"
                                 "this database is based on the UnicodeData.txt file version\n"
                                 AD_UNICODE_VERSION " which is publicly available from ftp://ftp.unicode.org/.\n\n"
                                 "The module uses the same names and symbols as defined by the\n"
                                 "UnicodeData File Format " AD_UNICODE_VERSION ".") < 0) {
        Ad_DECREF((AdObject *)old);
        Ad_DECREF(m);
        return NULL;
    }
    Ad_DECREF((AdObject *)old);
    return m;
}
