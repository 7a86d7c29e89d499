/* test_int_util.c: the table harness of the numeric object suites (see
 * test_int_util.h). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "numeric/dtoa.h"
#include "objects_fixture.h"
#include "test_int_util.h"

void numobj_setup(void)
{
    ad_test_objects_setup();
    ck_assert_int_eq(ad_int_init(), 0);
}

/* ---- decoding ------------------------------------------------------------ */

static int hexval(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static AdObject *decode_type(const char *name)
{
    if (strcmp(name, "int") == 0) return Ad_NewRef((AdObject *)&AdInt_Type);
    if (strcmp(name, "float") == 0) return Ad_NewRef((AdObject *)&AdFloat_Type);
    if (strcmp(name, "complex") == 0) return Ad_NewRef((AdObject *)&AdComplex_Type);
    if (strcmp(name, "bool") == 0) return Ad_NewRef((AdObject *)&AdBool_Type);
    return NULL;
}

static double decode_double(const char *s, size_t n)
{
    double d = 0;
    AdNumError err;
    if (AdDtoa_FromHex(s, n, &d, &err) < 0) {
        if (n == 3 && strncmp(s, "nan", 3) == 0)
            return NAN;
        fprintf(stderr, "bad float %.*s\n", (int)n, s);
    }
    return d;
}

AdObject *numobj_decode(const char *t)
{
    size_t n = strlen(t);
    switch (t[0]) {
    case 'N':
        return Ad_NewRef(t[1] == 'I' ? Ad_NotImplemented : Ad_None);
    case 'T':
        return decode_type(t + 1);
    case 'b':
        return Ad_NewRef(strcmp(t + 1, "True") == 0 ? Ad_True : Ad_False);
    case 'i': {
        AdNumError err;
        return AdInt_FromBigInt(AdBigInt_FromText(t + 1, n - 1, 0, 0, &err), &err);
    }
    case 'f':
        return AdFloat_FromDouble(decode_double(t + 1, n - 1));
    case 'c': {
        const char *comma = strchr(t, ',');
        return AdComplex_FromDoubles(decode_double(t + 1, (size_t)(comma - t - 1)),
                                     decode_double(comma + 1, strlen(comma + 1)));
    }
    case 's':
    case 'y': {
        size_t len = (n - 1) / 2;
        char *buf = malloc(len + 1);
        for (size_t i = 0; i < len; i++)
            buf[i] = (char)(hexval(t[1 + 2 * i]) * 16 + hexval(t[2 + 2 * i]));
        AdObject *r;
        if (t[0] == 'y')
            r = AdBytes_FromStringAndSize(buf, (Ad_ssize_t)len);
        else {
            /* surrogatepass UTF-8: decode by hand to code points */
            uint32_t *cps = malloc((len + 1) * sizeof(uint32_t));
            size_t k = 0;
            const unsigned char *u = (const unsigned char *)buf;
            for (size_t i = 0; i < len;) {
                uint32_t c = u[i];
                if (c < 0x80) { cps[k++] = c; i++; }
                else if (c < 0xE0) { cps[k++] = ((c & 0x1F) << 6) | (u[i + 1] & 0x3F); i += 2; }
                else if (c < 0xF0) {
                    cps[k++] = ((c & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
                    i += 3;
                }
                else {
                    cps[k++] = ((c & 0x07) << 18) | ((u[i + 1] & 0x3F) << 12) |
                               ((u[i + 2] & 0x3F) << 6) | (u[i + 3] & 0x3F);
                    i += 4;
                }
            }
            r = AdStr_FromUCS4(cps, (Ad_ssize_t)k);
            free(cps);
        }
        free(buf);
        return r;
    }
    case 't': {
        AdObject *items[64];
        Ad_ssize_t k = 0;
        char *copy = strdup(t + 1);
        char *save = NULL;
        for (char *p = strtok_r(copy, "|", &save); p && k < 64; p = strtok_r(NULL, "|", &save))
            items[k++] = numobj_decode(p);
        free(copy);
        AdObject *r = AdTuple_FromArraySteal(items, k);
        return r;
    }
    default:
        return NULL;
    }
}

/* ---- encoding --------------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void puts_(sbuf *b, const char *s) { put(b, s, strlen(s)); }

static void put_double(sbuf *b, double d)
{
    AdNumBuf nb = {0};
    AdDtoa_ToHex(d, &nb);
    put(b, nb.data, nb.len);
    AdNumBuf_Free(&nb);
}

static void put_hex(sbuf *b, const char *data, size_t n)
{
    char two[3];
    for (size_t i = 0; i < n; i++) {
        snprintf(two, sizeof two, "%02x", (unsigned char)data[i]);
        put(b, two, 2);
    }
}

static void encode_into(sbuf *b, AdObject *o)
{
    if (o == Ad_None) { puts_(b, "N"); return; }
    if (o == Ad_NotImplemented) { puts_(b, "NI"); return; }
    if (o == Ad_True) { puts_(b, "bTrue"); return; }
    if (o == Ad_False) { puts_(b, "bFalse"); return; }
    if (AdInt_CheckExact(o)) {
        puts_(b, "i");
        AdNumBuf nb = {0};
        AdNumError err;
        AdBigInt_ToText(AdInt_BIG(o), 16, 1, 0, &nb, &err);
        put(b, nb.data, nb.len);
        AdNumBuf_Free(&nb);
        return;
    }
    if (AdFloat_CheckExact(o)) {
        puts_(b, "f");
        put_double(b, AdFloat_AS_DOUBLE(o));
        return;
    }
    if (AdComplex_CheckExact(o)) {
        puts_(b, "c");
        put_double(b, ((AdComplexObject *)o)->cval.real);
        puts_(b, ",");
        put_double(b, ((AdComplexObject *)o)->cval.imag);
        return;
    }
    if (AdStr_CheckExact(o)) {
        Ad_ssize_t n = AdStr_LENGTH(o);
        puts_(b, "s");
        for (Ad_ssize_t i = 0; i < n; i++) {
            uint32_t c = AdStr_READ_CHAR(o, i);
            char u[4];
            size_t k;
            if (c < 0x80) { u[0] = (char)c; k = 1; }
            else if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); k = 2; }
            else if (c < 0x10000) {
                u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
                u[2] = (char)(0x80 | (c & 0x3F)); k = 3;
            }
            else {
                u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
                u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); k = 4;
            }
            put_hex(b, u, k);
        }
        return;
    }
    if (AdBytes_CheckExact(o)) {
        puts_(b, "y");
        put_hex(b, AdBytes_AS_STRING(o), (size_t)AdBytes_GET_SIZE(o));
        return;
    }
    if (AdTuple_CheckExact(o)) {
        puts_(b, "t");
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(o); i++) {
            if (i)
                puts_(b, "|");
            encode_into(b, AdTuple_GET_ITEM(o, i));
        }
        return;
    }
    if (AdType_Check(o)) {
        puts_(b, "T");
        puts_(b, ((AdTypeObject *)o)->tp_name);
        return;
    }
    puts_(b, "?");
    puts_(b, AD_TYPE(o)->tp_name);
    if (AdInt_Check(o) || AdFloat_Check(o) || AdComplex_Check(o)) {
        AdObject *r = AdObject_Repr(o);
        if (r) {
            puts_(b, ":");
            puts_(b, AdStr_AsUTF8(r));
            Ad_DECREF(r);
        }
        else
            AdErr_Clear();
    }
}

char *numobj_encode(AdObject *o)
{
    sbuf b = {0};
    put(&b, "", 0);
    if (!o) {
        AdObject *exc = AdErr_GetRaisedException();
        puts_(&b, "!");
        if (!exc) {
            puts_(&b, "<no exception set>");
            return b.s;
        }
        puts_(&b, AdType_Name(AD_TYPE(exc)));
        puts_(&b, ":");
        AdObject *s = AdObject_Str(exc);
        if (s) {
            const char *u = AdStr_AsUTF8(s);
            if (u)
                for (const char *p = u; *p; p++)
                    put(&b, (*p == '\t' || *p == '\n') ? " " : p, 1);
            else
                AdErr_Clear();
            Ad_DECREF(s);
        }
        else
            AdErr_Clear();
        Ad_DECREF(exc);
        return b.s;
    }
    encode_into(&b, o);
    return b.s;
}

/* ---- running ----------------------------------------------------------------- */

static int kind_of(const char *t)
{
    switch (t[0]) {
    case 'c': return NUMOBJ_COMPLEX;
    case 'f': return NUMOBJ_FLOAT;
    case 'T': return strcmp(t, "Tcomplex") == 0 ? NUMOBJ_COMPLEX
                   : strcmp(t, "Tfloat") == 0 ? NUMOBJ_FLOAT : NUMOBJ_INT;
    case 'k': {
        const char *eq = strchr(t, '=');
        return eq ? kind_of(eq + 1) : NUMOBJ_INT;
    }
    case 't': {
        int k = NUMOBJ_INT;
        for (const char *p = t + 1; *p; p++)
            if ((p == t + 1 || p[-1] == '|') && (*p == 'c' || *p == 'f'))
                k = k > kind_of(p) ? k : kind_of(p);
        return k;
    }
    default: return NUMOBJ_INT;
    }
}

static AdObject *binary(const char *name, AdObject *a, AdObject *b)
{
    static const struct { const char *n; AdObject *(*f)(AdObject *, AdObject *); } ops[] = {
        {"add", AdNumber_Add}, {"sub", AdNumber_Subtract}, {"mul", AdNumber_Multiply},
        {"truediv", AdNumber_TrueDivide}, {"floordiv", AdNumber_FloorDivide},
        {"mod", AdNumber_Remainder}, {"divmod", AdNumber_Divmod}, {"lshift", AdNumber_Lshift},
        {"rshift", AdNumber_Rshift}, {"and", AdNumber_And}, {"or", AdNumber_Or},
        {"xor", AdNumber_Xor},
    };
    static const char *const cmps[] = {"lt", "le", "eq", "ne", "gt", "ge"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strcmp(name, ops[i].n) == 0)
            return ops[i].f(a, b);
    for (int i = 0; i < 6; i++)
        if (strcmp(name, cmps[i]) == 0)
            return AdObject_RichCompare(a, b, i);
    if (strcmp(name, "pow") == 0)
        return AdNumber_Power(a, b, Ad_None);
    return AdErr_Format(AdExc_SystemError, "unknown binary op %s", name);
}

static AdObject *slot(const char *name, AdObject *a, AdObject *b)
{
    AdNumberMethods *nb = AD_TYPE(a)->tp_as_number;
    binaryfunc f = NULL;
    if (strcmp(name, "add") == 0) f = nb->nb_add;
    else if (strcmp(name, "sub") == 0) f = nb->nb_subtract;
    else if (strcmp(name, "mul") == 0) f = nb->nb_multiply;
    else if (strcmp(name, "truediv") == 0) f = nb->nb_true_divide;
    else if (strcmp(name, "floordiv") == 0) f = nb->nb_floor_divide;
    else if (strcmp(name, "mod") == 0) f = nb->nb_remainder;
    else if (strcmp(name, "divmod") == 0) f = nb->nb_divmod;
    else if (strcmp(name, "lshift") == 0) f = nb->nb_lshift;
    else if (strcmp(name, "rshift") == 0) f = nb->nb_rshift;
    else if (strcmp(name, "and") == 0) f = nb->nb_and;
    else if (strcmp(name, "or") == 0) f = nb->nb_or;
    else if (strcmp(name, "xor") == 0) f = nb->nb_xor;
    else if (strcmp(name, "pow") == 0) {
        if (!nb->nb_power)
            goto missing;
        return nb->nb_power(a, b, Ad_None);
    }
    if (f)
        return f(a, b);
missing:
    return AdErr_Format(AdExc_AttributeError, "type object '%s' has no attribute '__%s__'",
                        AD_TYPE(a)->tp_name, name);
}

static AdObject *unary(const char *name, AdObject *a)
{
    if (strcmp(name, "neg") == 0) return AdNumber_Negative(a);
    if (strcmp(name, "pos") == 0) return AdNumber_Positive(a);
    if (strcmp(name, "abs") == 0) return AdNumber_Absolute(a);
    if (strcmp(name, "invert") == 0) return AdNumber_Invert(a);
    return AdErr_Format(AdExc_SystemError, "unknown unary op %s", name);
}

/* Calls callable with the encoded arguments f[0..n) (k<name>= keywords):
 * types through AdObject_Call (tuple + dict, as type.__call__ takes them),
 * everything else through vectorcall with keyword names. */
static AdObject *call_with(AdObject *callable, char **f, int n)
{
    AdObject *pos[32] = {NULL}, *kwv[16] = {NULL}, *kwn[16] = {NULL};
    int np = 0, nk = 0;
    for (int i = 0; i < n; i++) {
        if (f[i][0] == 'k') {
            char *eq = strchr(f[i], '=');
            kwn[nk] = AdStr_FromStringAndSize(f[i] + 1, (Ad_ssize_t)(eq - f[i] - 1));
            kwv[nk++] = numobj_decode(eq + 1);
        }
        else
            pos[np++] = numobj_decode(f[i]);
    }
    AdObject *r;
    if (AdType_Check(callable)) {
        AdObject *kw = NULL;
        if (nk) {
            kw = AdDict_New();
            for (int i = 0; i < nk; i++)
                AdDict_SetItem(kw, kwn[i], kwv[i]);
        }
        AdObject *args = AdTuple_FromArray(pos, np);
        r = AdObject_Call(callable, args, kw);
        Ad_DECREF(args);
        Ad_XDECREF(kw);
    }
    else {
        for (int i = 0; i < nk; i++)
            pos[np + i] = kwv[i];
        AdObject *names = nk ? AdTuple_FromArray(kwn, nk) : NULL;
        r = AdObject_Vectorcall(callable, pos, (size_t)np, names);
        Ad_XDECREF(names);
    }
    for (int i = 0; i < np; i++)
        Ad_DECREF(pos[i]);
    for (int i = 0; i < nk; i++) {
        Ad_DECREF(kwn[i]);
        Ad_DECREF(kwv[i]);
    }
    return r;
}

static AdObject *run_case(char **f, int n)
{
    const char *op = f[0];
    if (strcmp(op, "bin") == 0 || strcmp(op, "slot") == 0) {
        AdObject *a = numobj_decode(f[2]), *b = numobj_decode(f[3]);
        AdObject *r = op[0] == 'b' ? binary(f[1], a, b) : slot(f[1], a, b);
        Ad_DECREF(a);
        Ad_DECREF(b);
        return r;
    }
    if (strcmp(op, "pow3") == 0) {
        AdObject *a = numobj_decode(f[1]), *b = numobj_decode(f[2]), *m = numobj_decode(f[3]);
        AdObject *r = AdNumber_Power(a, b, m);
        Ad_DECREF(a);
        Ad_DECREF(b);
        Ad_DECREF(m);
        return r;
    }
    if (strcmp(op, "un") == 0) {
        AdObject *a = numobj_decode(f[2]);
        AdObject *r = unary(f[1], a);
        Ad_DECREF(a);
        return r;
    }
    if (strcmp(op, "call") == 0) {
        AdObject *c = numobj_decode(f[1]);
        AdObject *r = call_with(c, f + 2, n - 2);
        Ad_DECREF(c);
        return r;
    }
    if (strcmp(op, "meth") == 0 || strcmp(op, "attr") == 0) {
        AdObject *o = numobj_decode(f[2]);
        AdObject *m = AdObject_GetAttrString(o, f[1]);
        Ad_DECREF(o);
        if (!m || op[0] == 'a')
            return m;
        AdObject *r = call_with(m, f + 3, n - 3);
        Ad_DECREF(m);
        return r;
    }
    AdObject *a = numobj_decode(f[1]);
    AdObject *r;
    if (strcmp(op, "repr") == 0) r = AdObject_Repr(a);
    else if (strcmp(op, "str") == 0) r = AdObject_Str(a);
    else if (strcmp(op, "index") == 0) r = AdNumber_Index(a);
    else if (strcmp(op, "float") == 0) r = AdNumber_Float(a);
    else if (strcmp(op, "bool") == 0) {
        int t = AdObject_IsTrue(a);
        r = t < 0 ? NULL : Ad_NewRef(t ? Ad_True : Ad_False);
    }
    else if (strcmp(op, "hash") == 0) {
        Ad_hash_t h = AdObject_Hash(a);
        r = h == -1 && AdErr_Occurred() ? NULL : AdInt_FromInt64(h);
    }
    else
        r = AdErr_Format(AdExc_SystemError, "unknown op %s", op);
    Ad_DECREF(a);
    return r;
}

int numobj_run_table(const char *name, int kinds, const char *opfilter, int *ncases)
{
    const char *dir = getenv("NUMOBJ_DATA_DIR");
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests/unit/data/numeric_objects", name);
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    size_t cap = 1 << 16;
    char *line = malloc(cap);
    int fails = 0, n = 0;
    while (fgets(line, (int)cap, fp)) {
        size_t len = strlen(line);
        while (len == cap - 1 && line[len - 1] != '\n') {
            cap *= 2;
            line = realloc(line, cap);
            if (!fgets(line + len, (int)(cap - len), fp))
                break;
            len = strlen(line);
        }
        if (len && line[len - 1] == '\n')
            line[--len] = 0;
        char *copy = strdup(line);
        char *f[32];
        int nf = 0;
        char *save = NULL;
        for (char *p = strtok_r(copy, "\t", &save); p && nf < 32; p = strtok_r(NULL, "\t", &save))
            f[nf++] = p;
        if (nf < 2 || (opfilter && strcmp(f[0], opfilter) != 0)) {
            free(copy);
            continue;
        }
        int kind = NUMOBJ_INT;
        for (int i = 1; i < nf - 1; i++) {
            int k = kind_of(f[i]);
            if (k > kind)
                kind = k;
        }
        if (!(kind & kinds)) {
            free(copy);
            continue;
        }
        n++;
        AdObject *r = run_case(f, nf - 1);
        char *got = numobj_encode(r);
        Ad_XDECREF(r);
        if (AdErr_Occurred())
            AdErr_Clear();
        const char *want = f[nf - 1];
        if (strcmp(got, want) != 0) {
            if (fails < 40) {
                fprintf(stderr, "MISMATCH %.300s\n    got  %.300s\n", line, got);
            }
            fails++;
        }
        free(got);
        free(copy);
    }
    free(line);
    fclose(fp);
    if (ncases)
        *ncases = n;
    return fails;
}
