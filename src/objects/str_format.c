/* str_format.c: str.format() and str.format_map(): the replacement-field
 * parser ({0}, {name.attr[key]}, !r/!s/!a conversions, nested {} in format
 * specs, automatic and manual numbering), and str.__format__ with the format
 * specification mini-language as it applies to strings. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/int.h"

typedef struct {
    AdObject *args;         /* tuple or NULL */
    AdObject *kwargs;       /* mapping or NULL */
    int mapping_only;       /* format_map: positional fields are an error */
    int numbering;          /* 0 unknown, 1 automatic, 2 manual */
    Ad_ssize_t auto_index;
} fmt_state;

static int render(fmt_state *st, AdObject *fmt, Ad_ssize_t start, Ad_ssize_t end,
                  int depth, AdStrWriter *w);

/* Parses a decimal number in s[i:j); -1 if not all digits (or empty); -2
 * with ValueError when too large. */
static Ad_ssize_t parse_index(AdObject *s, Ad_ssize_t i, Ad_ssize_t j)
{
    if (i >= j)
        return -1;
    Ad_ssize_t v = 0;
    for (Ad_ssize_t k = i; k < j; k++) {
        uint32_t c = AdStr_READ_CHAR(s, k);
        if (c < '0' || c > '9')
            return -1;
        if (v > ((Ad_ssize_t)(SIZE_MAX >> 1) - (c - '0')) / 10) {
            AdErr_SetString(AdExc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

/* ---- the parser (shared with _string) ------------------------------------ */

int AdStrFormat_FieldFirst(AdObject *s, Ad_ssize_t start, Ad_ssize_t end, Ad_ssize_t *first_end,
                           Ad_ssize_t *index)
{
    Ad_ssize_t k = start;
    while (k < end) {
        uint32_t c = AdStr_READ_CHAR(s, k);
        if (c == '.' || c == '[')
            break;
        k++;
    }
    *first_end = k;
    *index = parse_index(s, start, k);
    return *index == -2 ? -1 : 0;
}

int AdStrFormat_FieldNext(AdObject *s, Ad_ssize_t *pos, Ad_ssize_t end, int *is_attr,
                          Ad_ssize_t *kstart, Ad_ssize_t *kend, Ad_ssize_t *index)
{
    Ad_ssize_t k = *pos;
    if (k >= end)
        return 0;
    uint32_t c = AdStr_READ_CHAR(s, k);
    if (c == '.') {
        Ad_ssize_t a = ++k;
        while (k < end && AdStr_READ_CHAR(s, k) != '.' && AdStr_READ_CHAR(s, k) != '[')
            k++;
        if (a == k) {
            AdErr_SetString(AdExc_ValueError, "Empty attribute in format string");
            return -1;
        }
        *is_attr = 1;
        *kstart = a;
        *kend = k;
        *index = -1;
        *pos = k;
        return 1;
    }
    if (c == '[') {
        Ad_ssize_t a = ++k;
        while (k < end && AdStr_READ_CHAR(s, k) != ']')
            k++;
        if (k >= end) {
            AdErr_SetString(AdExc_ValueError, "Missing ']' in format string");
            return -1;
        }
        if (a == k) {
            AdErr_SetString(AdExc_ValueError, "Empty attribute in format string");
            return -1;
        }
        Ad_ssize_t n = parse_index(s, a, k);
        if (n == -2)
            return -1;
        *is_attr = 0;
        *kstart = a;
        *kend = k;
        *index = n;
        *pos = k + 1;
        return 1;
    }
    AdErr_SetString(AdExc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    return -1;
}

int AdStrFormat_NextChunk(AdObject *s, Ad_ssize_t *pos, Ad_ssize_t end, AdStrFormatChunk *ch)
{
    Ad_ssize_t i = *pos;
    if (i >= end)
        return 0;
    memset(ch, 0, sizeof *ch);
    /* literal text up to the next brace */
    Ad_ssize_t j = i;
    uint32_t c = 0;
    while (j < end) {
        c = AdStr_READ_CHAR(s, j);
        if (c == '{' || c == '}')
            break;
        j++;
    }
    ch->lit_start = i;
    ch->lit_end = j;
    if (j >= end) {
        *pos = end;
        return 1;
    }
    if (j + 1 < end && AdStr_READ_CHAR(s, j + 1) == c) {
        ch->lit_end = j + 1;        /* a doubled brace: one of it ends the literal */
        *pos = j + 2;
        return 1;
    }
    if (c == '}') {
        AdErr_SetString(AdExc_ValueError, "Single '}' encountered in format string");
        return -1;
    }
    if (j + 1 >= end) {
        AdErr_SetString(AdExc_ValueError, "Single '{' encountered in format string");
        return -1;
    }
    /* find the matching '}' */
    Ad_ssize_t k = j + 1;
    int count = 1, bracket = 0, in_spec = 0;
    Ad_ssize_t spec_mark = -1;
    while (k < end) {
        uint32_t d = AdStr_READ_CHAR(s, k);
        if (!in_spec && d == '[')
            bracket = 1;
        else if (!in_spec && d == ']')
            bracket = 0;
        else if (!bracket) {
            if (!in_spec && (d == ':' || d == '!')) {
                in_spec = 1;
                spec_mark = k;
            }
            if (d == '{')
                count++;
            else if (d == '}' && --count == 0)
                break;
        }
        k++;
    }
    if (k >= end) {
        if (!in_spec)
            AdErr_SetString(AdExc_ValueError, "expected '}' before end of string");
        else if (AdStr_READ_CHAR(s, spec_mark) == '!' && spec_mark + 1 == end)
            AdErr_SetString(AdExc_ValueError, "end of string while looking for conversion specifier");
        else
            AdErr_SetString(AdExc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    /* the field: name up to '!' or ':' outside brackets, conversion, spec */
    Ad_ssize_t fs = j + 1, fe = k, n = fs;
    bracket = 0;
    while (n < fe) {
        uint32_t d = AdStr_READ_CHAR(s, n);
        if (d == '[')
            bracket = 1;
        else if (d == ']')
            bracket = 0;
        else if (!bracket && (d == '!' || d == ':'))
            break;
        n++;
    }
    ch->has_field = 1;
    ch->name_start = fs;
    ch->name_end = n;
    ch->spec_start = ch->spec_end = fe;
    if (n < fe && AdStr_READ_CHAR(s, n) == '!') {
        if (n + 1 >= fe) {
            AdErr_SetString(AdExc_ValueError, "unmatched '{' in format spec");
            return -1;
        }
        ch->conversion = AdStr_READ_CHAR(s, n + 1);
        if (n + 2 < fe) {
            if (AdStr_READ_CHAR(s, n + 2) != ':') {
                AdErr_SetString(AdExc_ValueError, "expected ':' after conversion specifier");
                return -1;
            }
            ch->spec_start = n + 3;
        }
    } else if (n < fe)
        ch->spec_start = n + 1;
    *pos = k + 1;
    return 1;
}

/* ---- rendering ----------------------------------------------------------- */

/* The object a field name (s[i:j)) designates. New ref or NULL. */
static AdObject *get_field(fmt_state *st, AdObject *s, Ad_ssize_t i, Ad_ssize_t j)
{
    Ad_ssize_t k, idx;
    if (AdStrFormat_FieldFirst(s, i, j, &k, &idx) < 0)
        return NULL;
    AdObject *obj;
    if (i == k || idx >= 0) {
        if (st->mapping_only) {
            AdErr_SetString(AdExc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (i == k) {
            if (st->numbering == 2) {
                AdErr_SetString(AdExc_ValueError, "cannot switch from manual field specification "
                                "to automatic field numbering");
                return NULL;
            }
            st->numbering = 1;
            idx = st->auto_index++;
        } else {
            if (st->numbering == 1) {
                AdErr_SetString(AdExc_ValueError, "cannot switch from automatic field numbering "
                                "to manual field specification");
                return NULL;
            }
            st->numbering = 2;
        }
        if (!st->args || idx >= AdTuple_GET_SIZE(st->args))
            return AdErr_Format(AdExc_IndexError,
                                "Replacement index %zd out of range for positional args tuple", idx);
        obj = Ad_NewRef(AdTuple_GET_ITEM(st->args, idx));
    } else {
        AdObject *key = AdStr_Substring(s, i, k);
        if (!key)
            return NULL;
        if (!st->kwargs) {
            AdErr_SetObject(AdExc_KeyError, key);
            Ad_DECREF(key);
            return NULL;
        }
        if (AdDict_CheckExact(st->kwargs)) {
            obj = AdDict_GetItemWithError(st->kwargs, key);
            if (obj)
                Ad_INCREF(obj);
            else if (!AdErr_Occurred())
                AdErr_SetObject(AdExc_KeyError, key);
        } else
            obj = str_getitem(st->kwargs, key);
        Ad_DECREF(key);
        if (!obj)
            return NULL;
    }
    /* accessors */
    for (;;) {
        int is_attr;
        Ad_ssize_t a, b, n;
        int r = AdStrFormat_FieldNext(s, &k, j, &is_attr, &a, &b, &n);
        if (r == 0)
            break;
        if (r < 0)
            goto fail;
        AdObject *key = n >= 0 ? str_int_from_ssize(n) : AdStr_Substring(s, a, b);
        if (!key)
            goto fail;
        AdObject *v = is_attr ? AdObject_GetAttr(obj, key) : str_getitem(obj, key);
        Ad_DECREF(key);
        if (!v)
            goto fail;
        AD_SETREF(obj, v);
    }
    return obj;
fail:
    Ad_DECREF(obj);
    return NULL;
}

/* One replacement field. */
static int do_field(fmt_state *st, AdObject *s, const AdStrFormatChunk *ch, int depth, AdStrWriter *w)
{
    AdObject *obj = get_field(st, s, ch->name_start, ch->name_end);
    if (!obj)
        return -1;
    uint32_t conv = ch->conversion;
    if (conv) {
        AdObject *c;
        switch (conv) {
        case 'r': c = AdObject_Repr(obj); break;
        case 's': c = AdObject_Str(obj); break;
        case 'a': c = AdObject_ASCII(obj); break;
        default:
            if (conv < 0x80)
                AdErr_Format(AdExc_ValueError, "Unknown conversion specifier %c", (int)conv);
            else
                AdErr_Format(AdExc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
            c = NULL;
        }
        Ad_DECREF(obj);
        if (!c)
            return -1;
        obj = c;
    }
    AdObject *spec = NULL;
    Ad_ssize_t spec_start = ch->spec_start, j = ch->spec_end;
    if (spec_start < j) {
        int nested = AdStr_FindChar(s, '{', spec_start, j) >= 0;
        if (nested) {
            AdStrWriter sw;
            AdStrWriter_Init(&sw);
            if (render(st, s, spec_start, j, depth - 1, &sw) < 0) {
                AdStrWriter_Dealloc(&sw);
                Ad_DECREF(obj);
                return -1;
            }
            spec = AdStrWriter_Finish(&sw);
        } else
            spec = AdStr_Substring(s, spec_start, j);
        if (!spec) {
            Ad_DECREF(obj);
            return -1;
        }
    }
    AdObject *r = AdObject_Format(obj, spec);
    Ad_DECREF(obj);
    Ad_XDECREF(spec);
    if (!r)
        return -1;
    int rr = AdStrWriter_WriteStr(w, r);
    Ad_DECREF(r);
    return rr;
}

static int render(fmt_state *st, AdObject *s, Ad_ssize_t start, Ad_ssize_t end,
                  int depth, AdStrWriter *w)
{
    if (depth <= 0) {
        AdErr_SetString(AdExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    Ad_ssize_t i = start;
    AdStrFormatChunk ch;
    int r;
    while ((r = AdStrFormat_NextChunk(s, &i, end, &ch)) > 0) {
        if (str_writer_substr(w, s, ch.lit_start, ch.lit_end) < 0)
            return -1;
        if (ch.has_field && do_field(st, s, &ch, depth, w) < 0)
            return -1;
    }
    return r;
}

static AdObject *do_format(AdObject *fmt, fmt_state *st)
{
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (render(st, fmt, 0, AdStr_LENGTH(fmt), 2, &w) < 0) {
        AdStrWriter_Dealloc(&w);
        return NULL;
    }
    return AdStrWriter_Finish(&w);
}

AdObject *AdStr_Format(AdObject *format, AdObject *args, AdObject *kwargs)
{
    fmt_state st = { args, kwargs, 0, 0, 0 };
    return do_format(format, &st);
}

AdObject *str_format_method(AdObject *self, AdObject *const *args, Ad_ssize_t nargs,
                            AdObject *kwnames)
{
    AdObject *t = AdTuple_FromArray(args, nargs);
    if (!t)
        return NULL;
    AdObject *kw = NULL;
    if (kwnames && AdTuple_GET_SIZE(kwnames)) {
        kw = AdDict_New();
        if (!kw) {
            Ad_DECREF(t);
            return NULL;
        }
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(kwnames); i++)
            if (AdDict_SetItem(kw, AdTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Ad_DECREF(t);
                Ad_DECREF(kw);
                return NULL;
            }
    }
    AdObject *r = AdStr_Format(self, t, kw);
    Ad_DECREF(t);
    Ad_XDECREF(kw);
    return r;
}

AdObject *str_format_map_method(AdObject *self, AdObject *mapping)
{
    fmt_state st = { NULL, mapping, 1, 0, 0 };
    return do_format(self, &st);
}

/* ---- str.__format__ ------------------------------------------------------------ */

AdObject *str_dunder_format(AdObject *self, AdObject *spec)
{
    Ad_ssize_t n = AdStr_LENGTH(spec), i = 0;
    if (n == 0)
        return str_exact(self);
    uint32_t fill = ' ', align = '<';
    int have_fill = 0, have_align = 0;
    uint32_t c0 = AdStr_READ_CHAR(spec, 0);
    uint32_t c1 = n > 1 ? AdStr_READ_CHAR(spec, 1) : 0;
    if (n > 1 && (c1 == '<' || c1 == '>' || c1 == '^' || c1 == '=')) {
        fill = c0; align = c1; have_fill = have_align = 1; i = 2;
    } else if (c0 == '<' || c0 == '>' || c0 == '^' || c0 == '=') {
        align = c0; have_align = 1; i = 1;
    }
    uint32_t sign = 0;
    if (i < n) {
        uint32_t c = AdStr_READ_CHAR(spec, i);
        if (c == '+' || c == '-' || c == ' ') {
            sign = c;
            i++;
        }
    }
    int zflag = 0, alt = 0;
    if (i < n && AdStr_READ_CHAR(spec, i) == 'z') { zflag = 1; i++; }
    if (i < n && AdStr_READ_CHAR(spec, i) == '#') { alt = 1; i++; }
    if (i < n && AdStr_READ_CHAR(spec, i) == '0') {
        if (!have_fill) { fill = '0'; have_fill = 1; }
        if (!have_align) { align = '='; }
        i++;
    }
    Ad_ssize_t width = -1;
    Ad_ssize_t s0 = i;
    while (i < n && AdStr_READ_CHAR(spec, i) >= '0' && AdStr_READ_CHAR(spec, i) <= '9')
        i++;
    if (i > s0) {
        width = parse_index(spec, s0, i);
        if (width == -2)
            return NULL;
    }
    uint32_t grouping = 0;
    if (i < n && (AdStr_READ_CHAR(spec, i) == ',' || AdStr_READ_CHAR(spec, i) == '_')) {
        grouping = AdStr_READ_CHAR(spec, i);
        i++;
        if (i < n && (AdStr_READ_CHAR(spec, i) == ',' || AdStr_READ_CHAR(spec, i) == '_')) {
            AdErr_SetString(AdExc_ValueError, "Cannot specify both ',' and '_'.");
            return NULL;
        }
    }
    Ad_ssize_t prec = -1;
    if (i < n && AdStr_READ_CHAR(spec, i) == '.') {
        i++;
        s0 = i;
        while (i < n && AdStr_READ_CHAR(spec, i) >= '0' && AdStr_READ_CHAR(spec, i) <= '9')
            i++;
        if (i > s0) {
            prec = parse_index(spec, s0, i);
            if (prec == -2)
                return NULL;
        }
        if (i < n && (AdStr_READ_CHAR(spec, i) == ',' || AdStr_READ_CHAR(spec, i) == '_')) {
            i++;    /* fractional grouping: only meaningful for floats */
            if (i == s0 + 1 && grouping == 0)
                grouping = AdStr_READ_CHAR(spec, i - 1);
        } else if (i == s0) {
            AdErr_SetString(AdExc_ValueError, "Format specifier missing precision");
            return NULL;
        }
    }
    if (n - i > 1) {
        AdObject *rest = AdStr_Substring(spec, 0, n);
        AdErr_Format(AdExc_ValueError, "Invalid format specifier '%U' for object of type 'str'", rest);
        Ad_XDECREF(rest);
        return NULL;
    }
    uint32_t type = i < n ? AdStr_READ_CHAR(spec, i) : 's';
    if (type != 's') {
        if (type > 32 && type < 128)
            return AdErr_Format(AdExc_ValueError, "Unknown format code '%c' for object of type 'str'",
                                (int)type);
        return AdErr_Format(AdExc_ValueError, "Unknown format code '\\x%x' for object of type 'str'",
                            (unsigned)type);
    }
    if (sign) {
        AdErr_SetString(AdExc_ValueError, sign == ' ' ? "Space not allowed in string format specifier"
                                                      : "Sign not allowed in string format specifier");
        return NULL;
    }
    if (zflag) {
        AdErr_SetString(AdExc_ValueError,
                        "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (alt) {
        AdErr_SetString(AdExc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (grouping) {
        return AdErr_Format(AdExc_ValueError, "Cannot specify '%c' with 's'.", (int)grouping);
    }
    if (align == '=') {
        if (have_align) {
            AdErr_SetString(AdExc_ValueError, "'=' alignment not allowed in string format specifier");
            return NULL;
        }
        align = '<';
    }
    Ad_ssize_t len = AdStr_LENGTH(self);
    if (prec >= 0 && prec < len)
        len = prec;
    if (width <= len && len == AdStr_LENGTH(self))
        return str_exact(self);
    Ad_ssize_t padn = width > len ? width - len : 0, left = 0;
    if (align == '>')
        left = padn;
    else if (align == '^')
        left = padn / 2;
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (str_writer_fill(&w, fill, left) < 0 || str_writer_substr(&w, self, 0, len) < 0 ||
        str_writer_fill(&w, fill, padn - left) < 0) {
        AdStrWriter_Dealloc(&w);
        return NULL;
    }
    return AdStrWriter_Finish(&w);
}

#endif /* STR_KERNEL_READY */
