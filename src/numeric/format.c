/* numeric/format.c: the format-spec mini-language for int and float (see
 * format.h): parsing, the digit bodies (through printf, exact in glibc, and
 * the shortest repr digits) and the layout (sign, prefix, grouping with
 * sign-aware zero padding, fill and alignment). */
#include "numeric/format.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numeric/dtoa.h"

/* ---- parsing ----------------------------------------------------------- */

/* Decodes UTF-8 leniently (a bad byte stands for itself). */
static size_t decode_utf8(const char *s, size_t len, uint32_t *cps)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c;
        size_t k = 1;
        if (c >= 0xC0 && c < 0xE0 && i + 1 < len) {
            cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
            k = 2;
        } else if (c >= 0xE0 && c < 0xF0 && i + 2 < len) {
            cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            k = 3;
        } else if (c >= 0xF0 && i + 3 < len) {
            cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                 ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            k = 4;
        }
        cps[n++] = cp;
        i += k;
    }
    return n;
}

static int is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* 'c' or '\xNN' as CPython quotes a code in its messages. */
static void quote_code(uint32_t c, char *buf, size_t n)
{
    if (c > 32 && c < 128)
        snprintf(buf, n, "%c", (char)c);
    else
        snprintf(buf, n, "\\x%x", (unsigned)c);
}

static int read_int(const uint32_t *cp, size_t n, size_t *pos, int64_t *out, int *consumed,
                    AdNumError *err)
{
    int64_t v = 0;
    int k = 0;
    size_t p = *pos;
    while (p < n && cp[p] >= '0' && cp[p] <= '9') {
        int d = (int)(cp[p] - '0');
        if (v >= (INT64_MAX - 9) / 10 && v > (INT64_MAX - d) / 10)
            return AdNum_SetError(err, AD_NUM_VALUE, "Too many decimal digits in format string");
        v = v * 10 + d;
        p++;
        k++;
    }
    *pos = p;
    *consumed = k;
    if (k)
        *out = v;
    return 0;
}

int AdFormat_ParseSpec(const char *spec, size_t len, const char *type_name,
                       AdFormatSpec *f, AdNumError *err)
{
    memset(f, 0, sizeof *f);
    f->fill = ' ';
    f->width = -1;
    f->precision = -1;
    uint32_t small[16] = {0};
    uint32_t *cp = len <= 16 ? small : malloc(len * sizeof(uint32_t));
    if (!cp)
        return AdNum_NoMemory(err);
    size_t n = decode_utf8(spec, len, cp), pos = 0;
    int rc = -1, consumed;
    char q[16];
    if (n >= 2 && is_align(cp[1])) {
        f->fill = cp[0];
        f->fill_given = 1;
        f->align = (char)cp[1];
        pos = 2;
    } else if (n >= 1 && is_align(cp[0])) {
        f->align = (char)cp[0];
        pos = 1;
    }
    if (pos < n && (cp[pos] == '+' || cp[pos] == '-' || cp[pos] == ' '))
        f->sign = (char)cp[pos++];
    if (pos < n && cp[pos] == 'z') {
        f->no_neg_zero = 1;
        pos++;
    }
    if (pos < n && cp[pos] == '#') {
        f->alternate = 1;
        pos++;
    }
    if (pos < n && cp[pos] == '0' && !f->fill_given) {
        f->fill = '0';
        if (!f->align)
            f->align = '=';
        pos++;
    }
    if (read_int(cp, n, &pos, &f->width, &consumed, err) < 0)
        goto done;
    if (pos < n && cp[pos] == ',') {
        f->thousands = ',';
        pos++;
    }
    if (pos < n && cp[pos] == '_') {
        if (f->thousands) {
            AdNum_SetError(err, AD_NUM_VALUE, "Cannot specify both ',' and '_'.");
            goto done;
        }
        f->thousands = '_';
        pos++;
        if (pos < n && cp[pos] == ',') {
            AdNum_SetError(err, AD_NUM_VALUE, "Cannot specify both ',' and '_'.");
            goto done;
        }
    }
    if (pos < n && cp[pos] == '.') {
        pos++;
        if (read_int(cp, n, &pos, &f->precision, &consumed, err) < 0)
            goto done;
        if (pos < n && (cp[pos] == ',' || cp[pos] == '_')) {
            f->frac_thousands = (char)cp[pos++];
            if (pos < n && (cp[pos] == ',' || cp[pos] == '_') && cp[pos] != (uint32_t)f->frac_thousands) {
                AdNum_SetError(err, AD_NUM_VALUE, "Cannot specify both ',' and '_'.");
                goto done;
            }
        } else if (!consumed) {
            AdNum_SetError(err, AD_NUM_VALUE, "Format specifier missing precision");
            goto done;
        }
    }
    if (n - pos > 1) {
        AdNum_SetError(err, AD_NUM_VALUE, "Invalid format specifier '%.*s' for object of type '%.200s'",
                       (int)len, spec, type_name);
        goto done;
    }
    if (n - pos == 1)
        f->type = cp[pos];
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_')
                break;
            /* fall through */
        default:
            quote_code(f->type, q, sizeof q);
            AdNum_SetError(err, AD_NUM_VALUE, "Cannot specify '%c' with '%s'.", f->thousands, q);
            goto done;
        }
    }
    rc = 0;
done:
    if (cp != small)
        free(cp);
    return rc;
}

static int unknown_code(const AdFormatSpec *f, const char *type_name, AdNumError *err)
{
    char q[16];
    quote_code(f->type, q, sizeof q);
    return AdNum_SetError(err, AD_NUM_VALUE, "Unknown format code '%s' for object of type '%.200s'",
                          q, type_name);
}

/* ---- layout ------------------------------------------------------------ */

static int put_fill(AdNumBuf *o, uint32_t fill, int64_t n)
{
    if (n <= 0)
        return 0;
    if (fill < 0x80)
        return AdNumBuf_AppendRepeat(o, (char)fill, (size_t)n);
    for (int64_t i = 0; i < n; i++)
        if (AdNumBuf_AppendCodePoint(o, fill) < 0)
            return -1;
    return 0;
}

/* Groups digits from the right with sep every `group` digits, padding
 * with zeros (and separators) to at least min_width characters; a group
 * in front of a separator always gets at least one digit. */
static int group_digits(AdNumBuf *o, const char *d, size_t nd, char sep, int group, int64_t min_width)
{
    /* build reversed */
    AdNumBuf r = {0};
    int64_t remaining = (int64_t)nd, mw = min_width;
    if (!sep) {
        for (int64_t i = (int64_t)nd; i < mw; i++)
            if (AdNumBuf_AppendChar(o, '0') < 0)
                return -1;
        return AdNumBuf_Append(o, d, nd);
    }
    for (;;) {
        int64_t l = remaining > mw ? remaining : mw;
        if (l < 1)
            l = 1;
        if (l > group)
            l = group;
        for (int64_t j = 0; j < l; j++) {
            char c = remaining > 0 ? d[--remaining] : '0';
            if (AdNumBuf_AppendChar(&r, c) < 0)
                goto fail;
        }
        mw -= l;
        if (remaining == 0 && mw <= 0)
            break;
        if (AdNumBuf_AppendChar(&r, sep) < 0)
            goto fail;
        mw--;
    }
    if (AdNumBuf_Reserve(o, r.len) < 0)
        goto fail;
    for (size_t i = 0; i < r.len; i++)
        o->data[o->len + i] = r.data[r.len - 1 - i];
    o->len += r.len;
    o->data[o->len] = '\0';
    AdNumBuf_Free(&r);
    return 0;
fail:
    AdNumBuf_Free(&r);
    return -1;
}

/* Lays out [sign][prefix][digits][rest] per the spec. */
static int emit_number(AdNumBuf *o, const AdFormatSpec *f, int negative, const char *prefix,
                       const char *digits, size_t nd, const char *rest, size_t nrest,
                       char sep, int group, AdNumError *err)
{
    char signc = negative ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
    size_t ns = signc ? 1 : 0, np = strlen(prefix);
    char align = f->align ? f->align : '>';
    AdNumBuf body = {0};
    int64_t min_width = 0;
    if (f->fill == '0' && align == '=' && f->width > 0)
        min_width = f->width - (int64_t)(ns + np + nrest);
    if (f->fill == '0' && align == '=' && sep) {
        if (group_digits(&body, digits, nd, sep, group, min_width) < 0)
            goto nomem;
    } else if (group_digits(&body, digits, nd, sep, group, 0) < 0)
        goto nomem;
    int64_t total = (int64_t)(ns + np + body.len + nrest);
    int64_t pad = f->width > total ? f->width - total : 0;
    int64_t left = 0, right = 0, mid = 0;
    if (align == '<')
        right = pad;
    else if (align == '^') {
        left = pad / 2;
        right = pad - left;
    } else if (align == '=')
        mid = pad;
    else
        left = pad;
    if (put_fill(o, f->fill, left) < 0)
        goto nomem;
    if (signc && AdNumBuf_AppendChar(o, signc) < 0)
        goto nomem;
    if (AdNumBuf_AppendStr(o, prefix) < 0 || put_fill(o, f->fill, mid) < 0 ||
        AdNumBuf_Append(o, body.data ? body.data : "", body.len) < 0 ||
        AdNumBuf_Append(o, rest, nrest) < 0 || put_fill(o, f->fill, right) < 0)
        goto nomem;
    AdNumBuf_Free(&body);
    return 0;
nomem:
    AdNumBuf_Free(&body);
    return AdNum_NoMemory(err);
}

/* ---- floats ------------------------------------------------------------ */

static int printf_into(AdNumBuf *o, const char *fmt, int prec, double x)
{
    char small[128];
    int n = snprintf(small, sizeof small, fmt, prec, x);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof small)
        return AdNumBuf_Append(o, small, (size_t)n);
    if (AdNumBuf_Reserve(o, (size_t)n) < 0)
        return -1;
    snprintf(o->data + o->len, (size_t)n + 1, fmt, prec, x);
    o->len += (size_t)n;
    return 0;
}

static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* The decimal digits of w written so that they end just before end (no
 * terminator); returns the count. */
static int u64_digits_before(uint64_t w, char *end)
{
    char *p = end;
    while (w >= 100) {
        unsigned r = (unsigned)(w % 100);
        w /= 100;
        p -= 2;
        p[0] = digit_pairs[2 * r];
        p[1] = digit_pairs[2 * r + 1];
    }
    if (w >= 10) {
        p -= 2;
        p[0] = digit_pairs[2 * w];
        p[1] = digit_pairs[2 * w + 1];
    } else
        *--p = (char)('0' + w);
    return (int)(end - p);
}

/* "%.*f" of a finite x >= 0 without printf when x * 10**prec fits in 128
 * bits (prec <= 17, x < 1e17: the common case). x is m * 2**e exactly, so
 * x * 10**prec is the integer m * 10**prec shifted by e, rounded half to
 * even as printf rounds the exact value. Writes the text into out (at
 * least 48 bytes) and returns its length, or 0 to leave it to printf. */
static int fixed_text(char *out, int prec, double x)
{
    if (prec < 0 || prec > 17 || !(x < 1e17) || !(x >= 0))
        return 0;
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int be = (int)(bits >> 52);                 /* sign clear: x >= 0 */
    uint64_t m = bits & (((uint64_t)1 << 52) - 1);
    int e;
    if (be) {
        m |= (uint64_t)1 << 52;
        e = be - 1075;                          /* x = m * 2**e */
    } else
        e = m ? -1074 : 0;
    static const uint64_t pow10[18] = {
        1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
        100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
        10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
        100000000000000000ull};
    unsigned __int128 v = (unsigned __int128)m * pow10[prec];   /* < 2**111 */
    if (e >= 0)
        v <<= e;                                /* e <= 4 here */
    else if (-e > 126)
        v = 0;                                  /* below half a unit of the last digit */
    else {
        int s = -e;
        unsigned __int128 q = v >> s, r = v - (q << s), half = (unsigned __int128)1 << (s - 1);
        if (r > half || (r == half && (q & 1)))
            q++;
        v = q;
    }
    /* v = ip * 10**prec + fp, ip < 1e17 */
    uint64_t ip, fp;
    if (v >> 64) {
        ip = (uint64_t)(v / pow10[prec]);
        fp = (uint64_t)(v - (unsigned __int128)ip * pow10[prec]);
    } else {
        ip = (uint64_t)v / pow10[prec];
        fp = (uint64_t)v - ip * pow10[prec];
    }
    char ibuf[24];
    int ni = u64_digits_before(ip, ibuf + sizeof ibuf);
    memcpy(out, ibuf + sizeof ibuf - ni, (size_t)ni);
    int k = ni;
    if (prec > 0) {
        out[k++] = '.';
        int nf = u64_digits_before(fp, out + k + prec);
        memset(out + k, '0', (size_t)(prec - nf));
        k += prec;
    }
    return k;
}

static int fixed_exact(AdNumBuf *o, int prec, double x)
{
    char out[48];
    int k = fixed_text(out, prec, x);
    if (!k)
        return 0;
    return AdNumBuf_Append(o, out, (size_t)k) < 0 ? -1 : 1;
}

static int fixed_into(AdNumBuf *o, int alt, int prec, double x)
{
    if (!alt) {
        int r = fixed_exact(o, prec, x);
        if (r)
            return r < 0 ? -1 : 0;
    }
    return printf_into(o, alt ? "%#.*f" : "%.*f", prec, x);
}

/* Removes trailing zeros of the fraction (and a bare point) in o[start..]. */
static void strip_zeros(AdNumBuf *o, size_t start)
{
    char *s = o->data + start;
    char *dot = strchr(s, '.');
    if (!dot)
        return;
    char *e = strchr(s, 'e');
    size_t mant_end = e ? (size_t)(e - s) : strlen(s);
    size_t k = mant_end;
    while (k > (size_t)(dot - s) + 1 && s[k - 1] == '0')
        k--;
    if (k == (size_t)(dot - s) + 1)
        k--;
    if (k != mant_end) {
        size_t tail = strlen(s + mant_end);
        memmove(s + k, s + mant_end, tail + 1);
        o->len = start + k + tail;
    }
}

/* The text of |x| (finite) for type 'e', 'f', 'g' or 'r' (shortest). */
static int float_body(double ax, char type, int prec, int alt, int add_dot_0, AdNumBuf *o)
{
    size_t start = o->len;
    if (type == 'f')
        return fixed_into(o, alt, prec, ax);
    if (type == 'e')
        return printf_into(o, alt ? "%#.*e" : "%.*e", prec, ax);
    if (type == 'r') {
        if (AdDtoa_Repr(ax, o) < 0)
            return -1;
        char *s = o->data + start;
        char *e = strchr(s, 'e');
        if (e && alt && !memchr(s, '.', (size_t)(e - s))) {
            size_t pos = (size_t)(e - o->data);
            if (AdNumBuf_AppendChar(o, 0) < 0)
                return -1;
            memmove(o->data + pos + 1, o->data + pos, o->len - pos - 1);
            o->data[pos] = '.';
            o->data[o->len] = '\0';
        }
        return 0;
    }
    /* 'g' */
    if (prec == 0)
        prec = 1;
    char eb[64];
    snprintf(eb, sizeof eb, "%.*e", prec - 1, ax);
    int X = atoi(strchr(eb, 'e') + 1);
    int limit = add_dot_0 ? prec - 1 : prec;
    int rc;
    if (X >= -4 && X < limit)
        rc = fixed_into(o, alt, prec - 1 - X, ax);
    else
        rc = printf_into(o, alt ? "%#.*e" : "%.*e", prec - 1, ax);
    if (rc < 0)
        return -1;
    if (!alt)
        strip_zeros(o, start);
    if (add_dot_0 && !strchr(o->data + start, '.') && !strchr(o->data + start, 'e'))
        return AdNumBuf_AppendStr(o, ".0");
    return 0;
}

/* Inserts sep after every 3 digits of the fraction in s (from the left). */
static int group_fraction(AdNumBuf *o, const char *s, size_t n, char sep)
{
    const char *dot = memchr(s, '.', n);
    if (!dot || !sep)
        return AdNumBuf_Append(o, s, n);
    size_t i = (size_t)(dot - s) + 1;
    if (AdNumBuf_Append(o, s, i) < 0)
        return -1;
    size_t k = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (k && k % 3 == 0 && AdNumBuf_AppendChar(o, sep) < 0)
            return -1;
        if (AdNumBuf_AppendChar(o, s[i++]) < 0)
            return -1;
        k++;
    }
    return AdNumBuf_Append(o, s + i, n - i);
}

int AdFormat_Double(double x, const AdFormatSpec *f, const char *type_name,
                    AdNumBuf *out, AdNumError *err)
{
    uint32_t t = f->type;
    char type;
    int add_dot_0 = 0, percent = 0, upper = 0;
    int64_t prec = f->precision;
    switch (t) {
    case 0:
        add_dot_0 = 1;
        type = prec < 0 ? 'r' : 'g';
        break;
    case 'e': case 'f': case 'g':
        type = (char)t;
        break;
    case 'E': case 'F': case 'G':
        type = (char)(t + ('a' - 'A'));
        upper = 1;
        break;
    case 'n':
        type = 'g';
        break;
    case '%':
        type = 'f';
        percent = 1;
        break;
    default:
        return unknown_code(f, type_name, err);
    }
    if (prec < 0)
        prec = 6;
    if (prec > INT_MAX)
        return AdNum_SetError(err, AD_NUM_VALUE, "precision too big");
    if (percent)
        x *= 100.0;
    int negative = !isnan(x) && signbit(x);
    double ax = fabs(x);
    AdNumBuf body = {0};
    int finite = isfinite(x);
    int rc;
    if (!finite)
        rc = AdNumBuf_AppendStr(&body, isnan(x) ? "nan" : "inf");
    else
        rc = float_body(ax, type, (int)prec, f->alternate, add_dot_0, &body);
    if (rc == 0 && percent)
        rc = AdNumBuf_AppendChar(&body, '%');
    if (rc < 0) {
        AdNumBuf_Free(&body);
        return AdNum_NoMemory(err);
    }
    if (upper)
        for (size_t i = 0; i < body.len; i++)
            if (body.data[i] >= 'a' && body.data[i] <= 'z')
                body.data[i] = (char)(body.data[i] - 32);
    if (negative && f->no_neg_zero && finite) {
        int all_zero = 1;
        for (size_t i = 0; i < body.len && all_zero; i++) {
            char c = body.data[i];
            if (c == 'e' || c == 'E' || c == '%')
                break;
            if (c >= '1' && c <= '9')
                all_zero = 0;
        }
        if (all_zero)
            negative = 0;
    }
    size_t nd = 0;
    while (nd < body.len && body.data[nd] >= '0' && body.data[nd] <= '9')
        nd++;
    AdNumBuf rest = {0};
    if (group_fraction(&rest, body.data + nd, body.len - nd, finite ? f->frac_thousands : 0) < 0) {
        AdNumBuf_Free(&body);
        AdNumBuf_Free(&rest);
        return AdNum_NoMemory(err);
    }
    rc = emit_number(out, f, negative, "", body.data, nd, rest.data ? rest.data : "", rest.len,
                     finite ? f->thousands : 0, 3, err);
    AdNumBuf_Free(&body);
    AdNumBuf_Free(&rest);
    return rc;
}

/* ---- ints -------------------------------------------------------------- */

int AdFormat_Int(const AdBigInt *a, const AdFormatSpec *f, const char *type_name,
                 int64_t max_str_digits, AdNumBuf *out, AdNumError *err)
{
    int base = 10;
    switch (f->type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x;
        if (AdBigInt_AsDouble(a, &x, err) < 0)
            return -1;
        return AdFormat_Double(x, f, type_name, out, err);
    }
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'c': case 'd': case 'n': case 0: break;
    default:
        return unknown_code(f, type_name, err);
    }
    if (f->precision != -1)
        return AdNum_SetError(err, AD_NUM_VALUE, "Precision not allowed in integer format specifier");
    if (f->no_neg_zero)
        return AdNum_SetError(err, AD_NUM_VALUE,
                              "Negative zero coercion (z) not allowed in integer format specifier");
    if (f->type == 'c') {
        if (f->sign)
            return AdNum_SetError(err, AD_NUM_VALUE, "Sign not allowed with integer format specifier 'c'");
        if (f->alternate)
            return AdNum_SetError(err, AD_NUM_VALUE,
                                  "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t v;
        if (AdBigInt_AsInt64(a, &v) < 0)
            return AdNum_SetError(err, AD_NUM_OVERFLOW, "Python int too large to convert to C long");
        if (v < 0 || v > 0x10FFFF)
            return AdNum_SetError(err, AD_NUM_OVERFLOW, "%%c arg not in range(0x110000)");
        int64_t pad = f->width > 1 ? f->width - 1 : 0;
        char align = f->align ? f->align : '>';
        int64_t left = align == '<' ? 0 : align == '^' ? pad / 2 : pad;
        int64_t right = pad - left;
        if (put_fill(out, f->fill, left) < 0 || AdNumBuf_AppendCodePoint(out, (uint32_t)v) < 0 ||
            put_fill(out, f->fill, right) < 0)
            return AdNum_NoMemory(err);
        return 0;
    }
    AdNumBuf digits = {0};
    if (AdBigInt_ToText(a, base, 0, base == 10 ? max_str_digits : 0, &digits, err) < 0) {
        AdNumBuf_Free(&digits);
        return -1;
    }
    const char *d = digits.data;
    size_t nd = digits.len;
    int negative = 0;
    if (d[0] == '-') {
        negative = 1;
        d++;
        nd--;
    }
    if (f->type == 'X')
        for (size_t i = 0; i < digits.len; i++)
            if (digits.data[i] >= 'a' && digits.data[i] <= 'f')
                digits.data[i] = (char)(digits.data[i] - 32);
    const char *prefix = "";
    if (f->alternate)
        prefix = base == 2 ? "0b" : base == 8 ? "0o" : f->type == 'X' ? "0X" : base == 16 ? "0x" : "";
    int group = base == 10 ? 3 : 4;
    int rc = emit_number(out, f, negative, prefix, d, nd, "", 0, f->type == 'n' ? 0 : f->thousands,
                         group, err);
    AdNumBuf_Free(&digits);
    return rc;
}

int AdFormat_DoubleSpec(double x, const char *spec, size_t len, AdNumBuf *out, AdNumError *err)
{
    AdFormatSpec f;
    if (AdFormat_ParseSpec(spec, len, "float", &f, err) < 0)
        return -1;
    return AdFormat_Double(x, &f, "float", out, err);
}

int AdFormat_IntSpec(const AdBigInt *a, const char *spec, size_t len, int64_t max_str_digits,
                     AdNumBuf *out, AdNumError *err)
{
    AdFormatSpec f;
    if (AdFormat_ParseSpec(spec, len, "int", &f, err) < 0)
        return -1;
    return AdFormat_Int(a, &f, "int", max_str_digits, out, err);
}

/* ---- fast paths ------------------------------------------------------------ */

/* Lays out [sign][prefix][body][rest] padded to the width into out (ASCII
 * fill only). Returns the length, or -1 when it does not fit in cap. */
static int fast_layout(const AdFormatSpec *f, char signc, const char *prefix, int np,
                       const char *body, int nb, const char *rest, int nrest, char *out, size_t cap)
{
    int total = (signc ? 1 : 0) + np + nb + nrest;
    int64_t pad = f->width > total ? f->width - total : 0;
    if ((size_t)(total + pad) > cap)
        return -1;
    int64_t left = 0, right = 0, mid = 0;
    switch (f->align ? f->align : '>') {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    char fill = (char)f->fill, *o = out;
    for (int64_t i = 0; i < left; i++)
        *o++ = fill;
    if (signc)
        *o++ = signc;
    for (int i = 0; i < np; i++)
        *o++ = prefix[i];
    for (int64_t i = 0; i < mid; i++)
        *o++ = fill;
    for (int i = 0; i < nb; i++)
        *o++ = body[i];
    for (int i = 0; i < nrest; i++)
        *o++ = rest[i];
    for (int64_t i = 0; i < right; i++)
        *o++ = fill;
    return (int)(o - out);
}

/* Can the layout be done by fast_layout (ASCII fill, a width that fits,
 * no zero padding through the grouping separators)? */
static int fast_layout_ok(const AdFormatSpec *f, char sep, size_t cap)
{
    if (f->fill >= 0x80 || f->width > (int64_t)cap / 2)
        return 0;
    return !(sep && f->fill == '0' && f->align == '=');
}

int AdFormat_FastInt64(int64_t v, const AdFormatSpec *f, char *out, size_t cap)
{
    int base, group = 4;
    const char *digits = "0123456789abcdef";
    switch (f->type) {
    case 0: case 'd': base = 10; group = 3; break;
    case 'x': base = 16; break;
    case 'X': base = 16; digits = "0123456789ABCDEF"; break;
    case 'o': base = 8; break;
    case 'b': base = 2; break;
    default: return -1;
    }
    char sep = f->thousands;
    if (f->precision != -1 || f->no_neg_zero || !fast_layout_ok(f, sep, cap))
        return -1;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char body[128], *end = body + sizeof body;
    int n;
    if (base == 10 && !sep)
        n = u64_digits_before(mag, end);
    else {
        char *p = end;
        int k = 0;
        unsigned shift = base == 16 ? 4 : base == 8 ? 3 : 1, mask = (unsigned)base - 1;
        do {
            if (sep && k && k % group == 0)
                *--p = sep;
            if (base == 10) {
                *--p = (char)('0' + mag % 10);
                mag /= 10;
            } else {
                *--p = digits[mag & mask];
                mag >>= shift;
            }
            k++;
        } while (mag);
        n = (int)(end - p);
    }
    const char *prefix = "";
    int np = 0;
    if (f->alternate && base != 10) {
        prefix = base == 2 ? "0b" : base == 8 ? "0o" : f->type == 'X' ? "0X" : "0x";
        np = 2;
    }
    char signc = v < 0 ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
    return fast_layout(f, signc, prefix, np, end - n, n, "", 0, out, cap);
}

int AdFormat_FastDouble(double x, const AdFormatSpec *f, char *out, size_t cap)
{
    if ((f->type != 'f' && f->type != 'F') || f->alternate || f->frac_thousands || !isfinite(x))
        return -1;
    char sep = f->thousands;
    if (!fast_layout_ok(f, sep, cap))
        return -1;
    int64_t prec = f->precision < 0 ? 6 : f->precision;
    int negative = signbit(x) != 0;
    char text[48];
    int n = fixed_text(text, (int)(prec > 17 ? -1 : prec), fabs(x));
    if (!n)
        return -1;
    if (negative && f->no_neg_zero) {
        int all_zero = 1;
        for (int i = 0; i < n && all_zero; i++)
            if (text[i] >= '1' && text[i] <= '9')
                all_zero = 0;
        if (all_zero)
            negative = 0;
    }
    int nd = 0;
    while (nd < n && text[nd] != '.')
        nd++;
    char body[64];
    int nb = 0;
    if (sep) {
        for (int i = 0; i < nd; i++) {
            if (i && (nd - i) % 3 == 0)
                body[nb++] = sep;
            body[nb++] = text[i];
        }
    } else {
        memcpy(body, text, (size_t)nd);
        nb = nd;
    }
    char signc = negative ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
    return fast_layout(f, signc, "", 0, body, nb, text + nd, n - nd, out, cap);
}

int AdFormat_FixedText(double ax, int prec, char *out)
{
    return fixed_text(out, prec, ax);
}

int AdFormat_Int64Text(int64_t v, char *out)
{
    char buf[24];
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = u64_digits_before(mag, buf + sizeof buf);
    int k = 0;
    if (v < 0)
        out[k++] = '-';
    memcpy(out + k, buf + sizeof buf - n, (size_t)n);
    return k + n;
}
