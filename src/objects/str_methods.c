/* str_methods.c: str's methods (all but format/format_map, which are in
 * str_format.c): case mapping with the full mappings and the final-sigma
 * rule, the is* predicates, padding, stripping, searching, splitting,
 * partitioning, replacing, translate/maketrans, encode; and the method
 * table the type object points at. Error texts are CPython 3.14's. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/typeobject.h"
#include "memory/alloc.h"

#define ARGS AdObject *self, AdObject *const *args, Ad_ssize_t nargs
#define ARGSKW ARGS, AdObject *kwnames

static int exactly_one(const char *qualname, Ad_ssize_t nargs)
{
    if (nargs != 1) {
        AdErr_Format(AdExc_TypeError, "%s() takes exactly one argument (%zd given)", qualname, nargs);
        return -1;
    }
    return 0;
}

/* AdArg_Parse with a shortcut for the usual call, positional arguments
 * only and as many as allowed: the general parser runs for keywords or a
 * wrong count (its checks and messages). */
static int parse_args_fast(const char *name, AdObject *const *args, Ad_ssize_t nargs,
                           AdObject *kwnames, const char *const *names, int npos_only,
                           int nrequired, int nparams, AdObject **out)
{
    if (!kwnames && nargs >= nrequired && nargs <= nparams) {
        for (int i = 0; i < nparams; i++)
            out[i] = i < nargs ? args[i] : NULL;
        return 0;
    }
    return str_parse_args(name, args, nargs, kwnames, names, npos_only, nrequired, out);
}

/* ---- case mapping ----------------------------------------------------------- */

/* Final sigma: U+03A3 at i lowers to U+03C2 when a cased letter precedes it
 * and none follows (case-ignorable characters skipped both ways). */
static uint32_t sigma_lower(int kind, const void *d, Ad_ssize_t n, Ad_ssize_t i)
{
    Ad_ssize_t j = i - 1;
    while (j >= 0 && str_iscaseignorable(AdStr_READ(kind, d, j)))
        j--;
    int before = j >= 0 && str_iscased(AdStr_READ(kind, d, j));
    if (!before)
        return 0x3C3;
    j = i + 1;
    while (j < n && str_iscaseignorable(AdStr_READ(kind, d, j)))
        j++;
    int after = j < n && str_iscased(AdStr_READ(kind, d, j));
    return after ? 0x3C3 : 0x3C2;
}

static int lower_at(int kind, const void *d, Ad_ssize_t n, Ad_ssize_t i, uint32_t *out)
{
    uint32_t c = AdStr_READ(kind, d, i);
    if (c == 0x3A3) {
        out[0] = sigma_lower(kind, d, n, i);
        return 1;
    }
    return str_to_lower_full(c, out);
}

enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAP, CASE_FOLD };

static AdObject *case_map(AdObject *self, int how)
{
    Ad_ssize_t n = AdStr_LENGTH(self);
    int kind = AdStr_KIND(self);
    const void *d = AdStr_DATA(self);
    if (((AdStrObject *)self)->ascii && how != CASE_TITLE && how != CASE_CAPITALIZE) {
        AdObject *r = AdStr_New(n, 0x7F);
        if (!r)
            return NULL;
        const uint8_t *s = d;
        uint8_t *o = AdStr_DATA(r);
        /* ASCII letters differ from their other case by bit 5; eight
         * bytes at a time, each < 0x80 so the byte sums cannot carry:
         * bit 7 of c + (0x80 - lo) is c >= lo, of c + (0x7F - hi) is c > hi */
        const uint64_t ones = 0x0101010101010101ull;
        uint64_t up = how != CASE_UPPER, lo = how != CASE_LOWER && how != CASE_FOLD;
        Ad_ssize_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t x, flip = 0;
            memcpy(&x, s + i, 8);
            if (up)     /* 'A'..'Z' to lower */
                flip |= ((x + ones * (0x80 - 'A')) ^ (x + ones * (0x7F - 'Z'))) & ones * 0x80;
            if (lo)     /* 'a'..'z' to upper */
                flip |= ((x + ones * (0x80 - 'a')) ^ (x + ones * (0x7F - 'z'))) & ones * 0x80;
            x ^= flip >> 2;
            memcpy(o + i, &x, 8);
        }
        for (; i < n; i++) {
            uint8_t c = s[i];
            if ((up && (uint8_t)(c - 'A') < 26u) || (lo && (uint8_t)(c - 'a') < 26u))
                c ^= 0x20;
            o[i] = c;
        }
        return r;
    }
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (str_writer_reserve(&w, n) < 0)
        return NULL;
    int prev_cased = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, d, i), buf[3];
        int k;
        switch (how) {
        case CASE_LOWER: k = lower_at(kind, d, n, i, buf); break;
        case CASE_UPPER: k = str_to_upper_full(c, buf); break;
        case CASE_FOLD: k = str_to_fold_full(c, buf); break;
        case CASE_SWAP:
            if (str_isupper(c)) k = lower_at(kind, d, n, i, buf);
            else if (str_islower(c)) k = str_to_upper_full(c, buf);
            else { buf[0] = c; k = 1; }
            break;
        case CASE_CAPITALIZE:
            k = i == 0 ? str_to_title_full(c, buf) : lower_at(kind, d, n, i, buf);
            break;
        default: /* title */
            k = prev_cased ? lower_at(kind, d, n, i, buf) : str_to_title_full(c, buf);
            prev_cased = str_iscased(c);
            break;
        }
        for (int j = 0; j < k; j++)
            if (AdStrWriter_WriteChar(&w, buf[j]) < 0) {
                AdStrWriter_Dealloc(&w);
                return NULL;
            }
    }
    return AdStrWriter_Finish(&w);
}

static AdObject *str_lower(AdObject *self, AdObject *u) { (void)u; return case_map(self, CASE_LOWER); }
static AdObject *str_upper(AdObject *self, AdObject *u) { (void)u; return case_map(self, CASE_UPPER); }
static AdObject *str_title(AdObject *self, AdObject *u) { (void)u; return case_map(self, CASE_TITLE); }
static AdObject *str_capitalize(AdObject *self, AdObject *u) { (void)u; return case_map(self, CASE_CAPITALIZE); }
static AdObject *str_swapcase(AdObject *self, AdObject *u) { (void)u; return case_map(self, CASE_SWAP); }
static AdObject *str_casefold(AdObject *self, AdObject *u) { (void)u; return case_map(self, CASE_FOLD); }

/* ---- predicates ------------------------------------------------------------- */

#define PREDICATE(name, test, empty)                                    \
static AdObject *meth_##name(AdObject *self, AdObject *u)                \
{                                                                       \
    (void)u;                                                            \
    Ad_ssize_t n = AdStr_LENGTH(self);                                  \
    int kind = AdStr_KIND(self);                                        \
    const void *d = AdStr_DATA(self);                                   \
    if (n == 0)                                                         \
        return str_bool(empty);                                         \
    for (Ad_ssize_t i = 0; i < n; i++) {                                \
        uint32_t c = AdStr_READ(kind, d, i);                            \
        if (!(test))                                                    \
            return str_bool(0);                                         \
    }                                                                   \
    return str_bool(1);                                                 \
}

PREDICATE(isalpha, str_isalpha(c), 0)
PREDICATE(isdecimal, str_isdecimal(c), 0)
PREDICATE(isdigit, str_isdigit(c), 0)
PREDICATE(isnumeric, str_isnumeric(c), 0)
PREDICATE(isspace, str_isspace(c), 0)
PREDICATE(isprintable, str_isprintable(c), 1)
PREDICATE(isalnum, str_isalpha(c) || str_isdecimal(c) || str_isdigit(c) || str_isnumeric(c), 0)

static AdObject *str_isascii(AdObject *self, AdObject *u)
{
    (void)u;
    return str_bool(((AdStrObject *)self)->ascii);
}

static AdObject *str_islower_m(AdObject *self, AdObject *u)
{
    (void)u;
    Ad_ssize_t n = AdStr_LENGTH(self);
    int kind = AdStr_KIND(self), cased = 0;
    const void *d = AdStr_DATA(self);
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, d, i);
        if (str_isupper(c) || str_istitle(c))
            return str_bool(0);
        if (!cased && str_islower(c))
            cased = 1;
    }
    return str_bool(cased);
}

static AdObject *str_isupper_m(AdObject *self, AdObject *u)
{
    (void)u;
    Ad_ssize_t n = AdStr_LENGTH(self);
    int kind = AdStr_KIND(self), cased = 0;
    const void *d = AdStr_DATA(self);
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, d, i);
        if (str_islower(c) || str_istitle(c))
            return str_bool(0);
        if (!cased && str_isupper(c))
            cased = 1;
    }
    return str_bool(cased);
}

static AdObject *str_istitle_m(AdObject *self, AdObject *u)
{
    (void)u;
    Ad_ssize_t n = AdStr_LENGTH(self);
    int kind = AdStr_KIND(self), cased = 0, prev_cased = 0;
    const void *d = AdStr_DATA(self);
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, d, i);
        if (str_isupper(c) || str_istitle(c)) {
            if (prev_cased)
                return str_bool(0);
            prev_cased = cased = 1;
        } else if (str_islower(c)) {
            if (!prev_cased)
                return str_bool(0);
            prev_cased = cased = 1;
        } else
            prev_cased = 0;
    }
    return str_bool(cased);
}

static AdObject *str_isidentifier(AdObject *self, AdObject *u)
{
    (void)u;
    Ad_ssize_t n = AdStr_LENGTH(self);
    int kind = AdStr_KIND(self);
    const void *d = AdStr_DATA(self);
    if (n == 0)
        return str_bool(0);
    uint32_t c = AdStr_READ(kind, d, 0);
    if (!str_isxidstart(c) && c != '_')
        return str_bool(0);
    for (Ad_ssize_t i = 1; i < n; i++)
        if (!str_isxidcontinue(AdStr_READ(kind, d, i)))
            return str_bool(0);
    return str_bool(1);
}

/* ---- padding ------------------------------------------------------------------ */

static AdObject *pad(AdObject *self, Ad_ssize_t left, Ad_ssize_t right, uint32_t fill)
{
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0)
        return str_exact(self);
    Ad_ssize_t n = AdStr_LENGTH(self);
    uint32_t m = str_maxchar_of(self);
    if (fill > m)
        m = fill;
    AdObject *r = AdStr_New(left + n + right, m);
    if (!r)
        return NULL;
    int rk = AdStr_KIND(r);
    void *rd = AdStr_DATA(r);
    for (Ad_ssize_t i = 0; i < left; i++)
        str_write(rk, rd, i, fill);
    str_copy(rk, rd, left, AdStr_KIND(self), AdStr_DATA(self), 0, n);
    for (Ad_ssize_t i = 0; i < right; i++)
        str_write(rk, rd, left + n + i, fill);
    return r;
}

/* Parses (width[, fillchar]) for center/ljust/rjust. */
static int pad_args(const char *name, AdObject *const *args, Ad_ssize_t nargs,
                    Ad_ssize_t *width, uint32_t *fill)
{
    if (str_check_positional(name, nargs, 1, 2) < 0)
        return -1;
    *width = str_index_arg(args[0]);
    if (*width == -1 && AdErr_Occurred())
        return -1;
    *fill = ' ';
    if (nargs == 2) {
        AdObject *f = args[1];
        if (!AdStr_Check(f)) {
            AdErr_Format(AdExc_TypeError, "The fill character must be a unicode character, not %.100s",
                         str_tname(f));
            return -1;
        }
        if (AdStr_LENGTH(f) != 1) {
            AdErr_SetString(AdExc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = AdStr_READ_CHAR(f, 0);
    }
    return 0;
}

static AdObject *str_center(ARGS)
{
    Ad_ssize_t width;
    uint32_t fill;
    if (pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    Ad_ssize_t n = AdStr_LENGTH(self);
    if (width <= n)
        return str_exact(self);
    Ad_ssize_t marg = width - n;
    Ad_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static AdObject *str_ljust(ARGS)
{
    Ad_ssize_t width;
    uint32_t fill;
    if (pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - AdStr_LENGTH(self), fill);
}

static AdObject *str_rjust(ARGS)
{
    Ad_ssize_t width;
    uint32_t fill;
    if (pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, width - AdStr_LENGTH(self), 0, fill);
}

static AdObject *str_zfill(AdObject *self, AdObject *arg)
{
    Ad_ssize_t width = str_index_arg(arg);
    if (width == -1 && AdErr_Occurred())
        return NULL;
    Ad_ssize_t n = AdStr_LENGTH(self);
    if (width <= n)
        return str_exact(self);
    AdObject *r = pad(self, width - n, 0, '0');
    if (!r)
        return NULL;
    int k = AdStr_KIND(r);
    void *d = AdStr_DATA(r);
    uint32_t c = AdStr_READ(k, d, width - n);
    if (c == '+' || c == '-') {
        str_write(k, d, 0, c);
        str_write(k, d, width - n, '0');
    }
    return r;
}

static AdObject *str_expandtabs(ARGSKW)
{
    static const char *const names[] = {"tabsize", NULL};
    AdObject *a[1];
    if (str_parse_args("expandtabs", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    Ad_ssize_t tabsize = 8;
    if (a[0]) {
        tabsize = str_index_arg(a[0]);
        if (tabsize == -1 && AdErr_Occurred())
            return NULL;
    }
    Ad_ssize_t n = AdStr_LENGTH(self);
    int kind = AdStr_KIND(self);
    const void *d = AdStr_DATA(self);
    if (AdStr_FindChar(self, '\t', 0, n) < 0)
        return str_exact(self);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    Ad_ssize_t col = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, d, i);
        if (c == '\t') {
            if (tabsize > 0) {
                Ad_ssize_t spaces = tabsize - col % tabsize;
                if (str_writer_fill(&w, ' ', spaces) < 0)
                    goto fail;
                col += spaces;
            }
        } else {
            if (AdStrWriter_WriteChar(&w, c) < 0)
                goto fail;
            col++;
            if (c == '\n' || c == '\r')
                col = 0;
        }
    }
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* ---- stripping ----------------------------------------------------------------- */

enum { LEFT = 1, RIGHT = 2, BOTH = 3 };

static AdObject *do_strip(AdObject *self, const char *name, AdObject *const *args,
                          Ad_ssize_t nargs, int where)
{
    if (str_check_positional(name, nargs, 0, 1) < 0)
        return NULL;
    AdObject *chars = nargs ? args[0] : Ad_None;
    Ad_ssize_t n = AdStr_LENGTH(self), i = 0, j = n;
    int kind = AdStr_KIND(self);
    const void *d = AdStr_DATA(self);
    if (chars == Ad_None) {
        if (where & LEFT)
            while (i < j && str_isspace(AdStr_READ(kind, d, i)))
                i++;
        if (where & RIGHT)
            while (j > i && str_isspace(AdStr_READ(kind, d, j - 1)))
                j--;
    } else if (AdStr_Check(chars)) {
        Ad_ssize_t cn = AdStr_LENGTH(chars);
        if (where & LEFT)
            while (i < j && AdStr_FindChar(chars, AdStr_READ(kind, d, i), 0, cn) >= 0)
                i++;
        if (where & RIGHT)
            while (j > i && AdStr_FindChar(chars, AdStr_READ(kind, d, j - 1), 0, cn) >= 0)
                j--;
    } else {
        return AdErr_Format(AdExc_TypeError, "%s arg must be None or str", name);
    }
    return AdStr_Substring(self, i, j);
}

static AdObject *str_strip(ARGS) { return do_strip(self, "strip", args, nargs, BOTH); }
static AdObject *str_lstrip(ARGS) { return do_strip(self, "lstrip", args, nargs, LEFT); }
static AdObject *str_rstrip(ARGS) { return do_strip(self, "rstrip", args, nargs, RIGHT); }

/* ---- searching ----------------------------------------------------------------- */

/* (sub[, start[, end]]) with sub a str. */
static int find_args(const char *name, AdObject *const *args, Ad_ssize_t nargs,
                     AdObject **sub, Ad_ssize_t *start, Ad_ssize_t *end)
{
    if (str_check_positional(name, nargs, 1, 3) < 0)
        return -1;
    *sub = args[0];
    if (!AdStr_Check(*sub)) {
        AdErr_Format(AdExc_TypeError, "%s() argument 1 must be str, not %.100s", name, str_tname(*sub));
        return -1;
    }
    *start = 0;
    *end = (Ad_ssize_t)(SIZE_MAX >> 1);
    if (nargs > 1 && str_slice_arg(args[1], start) < 0)
        return -1;
    if (nargs > 2 && str_slice_arg(args[2], end) < 0)
        return -1;
    return 0;
}

static AdObject *find_common(AdObject *self, const char *name, AdObject *const *args,
                             Ad_ssize_t nargs, int dir, int raise)
{
    AdObject *sub;
    Ad_ssize_t start, end;
    if (find_args(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    Ad_ssize_t r = str_find_obj(self, sub, start, end, dir);
    if (r == -2)
        return NULL;
    if (r < 0 && raise) {
        AdErr_SetString(AdExc_ValueError, "substring not found");
        return NULL;
    }
    return str_int_from_ssize(r);
}

static AdObject *str_find(ARGS) { return find_common(self, "find", args, nargs, 1, 0); }
static AdObject *str_rfind(ARGS) { return find_common(self, "rfind", args, nargs, -1, 0); }
static AdObject *str_index(ARGS) { return find_common(self, "index", args, nargs, 1, 1); }
static AdObject *str_rindex(ARGS) { return find_common(self, "rindex", args, nargs, -1, 1); }

static AdObject *str_count(ARGS)
{
    AdObject *sub;
    Ad_ssize_t start, end;
    if (find_args("count", args, nargs, &sub, &start, &end) < 0)
        return NULL;
    Ad_ssize_t r = str_count_obj(self, sub, start, end);
    return r < 0 ? NULL : str_int_from_ssize(r);
}

/* 1 when self[start:end] starts (dir < 0) or ends (dir > 0) with sub. */
static int tail_match(AdObject *self, AdObject *sub, Ad_ssize_t start, Ad_ssize_t end, int dir)
{
    Ad_ssize_t len = AdStr_LENGTH(self), sl = AdStr_LENGTH(sub);
    str_adjust_range(len, &start, &end);
    if (start > len)
        return 0;
    end -= sl;
    if (end < start)
        return 0;
    Ad_ssize_t at = dir > 0 ? end : start;
    int k = AdStr_KIND(self), sk = AdStr_KIND(sub);
    const void *d = AdStr_DATA(self), *sd = AdStr_DATA(sub);
    if (k == sk)
        return memcmp((const char *)d + at * k, sd, (size_t)sl * k) == 0;
    for (Ad_ssize_t i = 0; i < sl; i++)
        if (AdStr_READ(k, d, at + i) != AdStr_READ(sk, sd, i))
            return 0;
    return 1;
}

static AdObject *starts_ends(AdObject *self, const char *name, AdObject *const *args,
                             Ad_ssize_t nargs, int dir)
{
    if (str_check_positional(name, nargs, 1, 3) < 0)
        return NULL;
    Ad_ssize_t start = 0, end = (Ad_ssize_t)(SIZE_MAX >> 1);
    if (nargs > 1 && str_slice_arg(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && str_slice_arg(args[2], &end) < 0)
        return NULL;
    AdObject *x = args[0];
    if (AdTuple_Check(x)) {
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(x); i++) {
            AdObject *s = AdTuple_GET_ITEM(x, i);
            if (!AdStr_Check(s))
                return AdErr_Format(AdExc_TypeError, "tuple for %s must only contain str, not %.100s",
                                    name, str_tname(s));
            if (tail_match(self, s, start, end, dir))
                return str_bool(1);
        }
        return str_bool(0);
    }
    if (!AdStr_Check(x))
        return AdErr_Format(AdExc_TypeError, "%s first arg must be str or a tuple of str, not %.100s",
                            name, str_tname(x));
    return str_bool(tail_match(self, x, start, end, dir));
}

static AdObject *str_startswith(ARGS) { return starts_ends(self, "startswith", args, nargs, -1); }
static AdObject *str_endswith(ARGS) { return starts_ends(self, "endswith", args, nargs, 1); }

static AdObject *str_removeprefix(AdObject *self, AdObject *p)
{
    if (!AdStr_Check(p))
        return AdErr_Format(AdExc_TypeError, "removeprefix() argument must be str, not %.100s", str_tname(p));
    if (tail_match(self, p, 0, AdStr_LENGTH(self), -1))
        return AdStr_Substring(self, AdStr_LENGTH(p), AdStr_LENGTH(self));
    return str_exact(self);
}

static AdObject *str_removesuffix(AdObject *self, AdObject *p)
{
    if (!AdStr_Check(p))
        return AdErr_Format(AdExc_TypeError, "removesuffix() argument must be str, not %.100s", str_tname(p));
    if (AdStr_LENGTH(p) && tail_match(self, p, 0, AdStr_LENGTH(self), 1))
        return AdStr_Substring(self, 0, AdStr_LENGTH(self) - AdStr_LENGTH(p));
    return str_exact(self);
}

/* ---- partition and split ----------------------------------------------------------- */

static AdObject *partition(AdObject *self, AdObject *sep, int dir)
{
    if (!AdStr_Check(sep))
        return AdErr_Format(AdExc_TypeError, "must be str, not %.100s", str_tname(sep));
    if (AdStr_LENGTH(sep) == 0) {
        AdErr_SetString(AdExc_ValueError, "empty separator");
        return NULL;
    }
    Ad_ssize_t n = AdStr_LENGTH(self);
    Ad_ssize_t i = str_find_obj(self, sep, 0, n, dir);
    if (i == -2)
        return NULL;
    AdObject *a, *b, *c;
    if (i < 0) {
        if (dir > 0) {
            a = str_exact(self); b = str_empty(); c = str_empty();
        } else {
            a = str_empty(); b = str_empty(); c = str_exact(self);
        }
    } else {
        a = AdStr_Substring(self, 0, i);
        b = str_exact(sep);
        c = AdStr_Substring(self, i + AdStr_LENGTH(sep), n);
    }
    AdObject *t = (a && b && c) ? AdTuple_New(3) : NULL;
    if (!t) {
        Ad_XDECREF(a); Ad_XDECREF(b); Ad_XDECREF(c);
        return NULL;
    }
    AdTuple_SET_ITEM(t, 0, a);
    AdTuple_SET_ITEM(t, 1, b);
    AdTuple_SET_ITEM(t, 2, c);
    return t;
}

static AdObject *str_partition(AdObject *self, AdObject *sep) { return partition(self, sep, 1); }
static AdObject *str_rpartition(AdObject *self, AdObject *sep) { return partition(self, sep, -1); }

static int append_sub(AdObject *list, AdObject *self, Ad_ssize_t i, Ad_ssize_t j)
{
    AdObject *s = AdStr_Substring(self, i, j);
    if (!s)
        return -1;
    int r = AdList_Append(list, s);
    Ad_DECREF(s);
    return r;
}

/* The last piece of a forward split, from i to the end: self itself when
 * no separator was found in an exact str (split returns [self]). */
static int append_tail(AdObject *list, AdObject *self, Ad_ssize_t i, Ad_ssize_t n)
{
    if (i == 0 && AdStr_CheckExact(self))
        return AdList_Append(list, self);
    return append_sub(list, self, i, n);
}

static AdObject *split_common(AdObject *self, const char *name, AdObject *const *args,
                              Ad_ssize_t nargs, AdObject *kwnames, int dir)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    AdObject *a[2];
    if (parse_args_fast(name, args, nargs, kwnames, names, 0, 0, 2, a) < 0)
        return NULL;
    AdObject *sep = a[0] ? a[0] : Ad_None;
    Ad_ssize_t maxsplit = -1;
    if (a[1]) {
        maxsplit = str_index_arg(a[1]);
        if (maxsplit == -1 && AdErr_Occurred())
            return NULL;
    }
    if (maxsplit < 0)
        maxsplit = (Ad_ssize_t)(SIZE_MAX >> 1);
    if (sep != Ad_None && !AdStr_Check(sep))
        return AdErr_Format(AdExc_TypeError, "must be str or None, not %.100s", str_tname(sep));
    if (sep != Ad_None && AdStr_LENGTH(sep) == 0) {
        AdErr_SetString(AdExc_ValueError, "empty separator");
        return NULL;
    }
    AdObject *list = AdList_New(0);
    if (!list)
        return NULL;
    Ad_ssize_t n = AdStr_LENGTH(self);
    int kind = AdStr_KIND(self);
    const void *d = AdStr_DATA(self);
    if (sep == Ad_None) {
        if (dir > 0) {
            Ad_ssize_t i = 0;
            while (maxsplit-- > 0) {
                while (i < n && str_isspace(AdStr_READ(kind, d, i)))
                    i++;
                if (i == n)
                    break;
                Ad_ssize_t j = i;
                while (j < n && !str_isspace(AdStr_READ(kind, d, j)))
                    j++;
                if (j == n && i == 0 && AdStr_CheckExact(self)) {
                    if (AdList_Append(list, self) < 0)
                        goto fail;
                    return list;
                }
                if (append_sub(list, self, i, j) < 0)
                    goto fail;
                i = j;
            }
            while (i < n && str_isspace(AdStr_READ(kind, d, i)))
                i++;
            if (i < n && append_sub(list, self, i, n) < 0)
                goto fail;
        } else {
            Ad_ssize_t j = n;
            while (maxsplit-- > 0) {
                while (j > 0 && str_isspace(AdStr_READ(kind, d, j - 1)))
                    j--;
                if (j == 0)
                    break;
                Ad_ssize_t i = j;
                while (i > 0 && !str_isspace(AdStr_READ(kind, d, i - 1)))
                    i--;
                if (append_sub(list, self, i, j) < 0)
                    goto fail;
                j = i;
            }
            while (j > 0 && str_isspace(AdStr_READ(kind, d, j - 1)))
                j--;
            if (j > 0 && append_sub(list, self, 0, j) < 0)
                goto fail;
            if (AdList_Reverse(list) < 0)
                goto fail;
        }
        return list;
    }
    Ad_ssize_t sl = AdStr_LENGTH(sep);
    if (n < sl || kind < AdStr_KIND(sep)) {
        /* the separator cannot occur: CPython gives [self] as it is, even
         * for a subclass instance */
        if (AdList_Append(list, self) < 0)
            goto fail;
        return list;
    }
    if (dir > 0 && kind == 1 && AdStr_KIND(sep) == 1) {
        /* one byte per character: memchr/memmem find the separators */
        const char *h = d, *sd = AdStr_DATA(sep);
        Ad_ssize_t i = 0;
        while (maxsplit-- > 0) {
            const char *p = sl == 1 ? memchr(h + i, sd[0], (size_t)(n - i))
                                    : memmem(h + i, (size_t)(n - i), sd, (size_t)sl);
            if (!p)
                break;
            Ad_ssize_t j = p - h;
            if (append_sub(list, self, i, j) < 0)
                goto fail;
            i = j + sl;
        }
        if (append_tail(list, self, i, n) < 0)
            goto fail;
        return list;
    }
    if (dir > 0) {
        Ad_ssize_t i = 0;
        while (maxsplit-- > 0) {
            Ad_ssize_t j = str_find_obj(self, sep, i, n, 1);
            if (j == -2)
                goto fail;
            if (j < 0)
                break;
            if (append_sub(list, self, i, j) < 0)
                goto fail;
            i = j + sl;
        }
        if (append_tail(list, self, i, n) < 0)
            goto fail;
    } else {
        Ad_ssize_t j = n;
        while (maxsplit-- > 0) {
            Ad_ssize_t i = str_find_obj(self, sep, 0, j, -1);
            if (i == -2)
                goto fail;
            if (i < 0)
                break;
            if (append_sub(list, self, i + sl, j) < 0)
                goto fail;
            j = i;
        }
        if (append_sub(list, self, 0, j) < 0)
            goto fail;
        if (AdList_Reverse(list) < 0)
            goto fail;
    }
    return list;
fail:
    Ad_DECREF(list);
    return NULL;
}

static AdObject *str_split(ARGSKW) { return split_common(self, "split", args, nargs, kwnames, 1); }
static AdObject *str_rsplit(ARGSKW) { return split_common(self, "rsplit", args, nargs, kwnames, -1); }

static AdObject *str_splitlines(ARGSKW)
{
    static const char *const names[] = {"keepends", NULL};
    AdObject *a[1];
    if (str_parse_args("splitlines", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    int keepends = 0;
    if (a[0]) {
        keepends = AdObject_IsTrue(a[0]);
        if (keepends < 0)
            return NULL;
    }
    AdObject *list = AdList_New(0);
    if (!list)
        return NULL;
    Ad_ssize_t n = AdStr_LENGTH(self), i = 0;
    int kind = AdStr_KIND(self);
    const void *d = AdStr_DATA(self);
    while (i < n) {
        Ad_ssize_t j = i;
        while (j < n && !str_islinebreak(AdStr_READ(kind, d, j)))
            j++;
        Ad_ssize_t eol = j;
        if (j < n) {
            if (AdStr_READ(kind, d, j) == '\r' && j + 1 < n && AdStr_READ(kind, d, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keepends)
                eol = j;
        }
        if (i == 0 && j == n && eol == n && AdStr_CheckExact(self)) {
            if (AdList_Append(list, self) < 0)
                goto fail;
            break;
        }
        if (append_sub(list, self, i, eol) < 0)
            goto fail;
        i = j;
    }
    return list;
fail:
    Ad_DECREF(list);
    return NULL;
}

/* ---- replace ------------------------------------------------------------------------ */

/* self.replace(old, new, count) for a non-empty old: the occurrences are
 * found first, then the result is built at its exact size in one go. */
static AdObject *replace_found(AdObject *self, AdObject *old, AdObject *new, Ad_ssize_t count)
{
    Ad_ssize_t n = AdStr_LENGTH(self), ol = AdStr_LENGTH(old), nl = AdStr_LENGTH(new);
    int sk = AdStr_KIND(self), nk = AdStr_KIND(new);
    const void *sd = AdStr_DATA(self);
    Ad_ssize_t small[32], *pos = small, cap = 32, k = 0, i = 0;
    AdObject *r = NULL;
    while (k < count) {
        Ad_ssize_t j = str_search(sk, sd, i, n, AdStr_KIND(old), AdStr_DATA(old), ol, 1);
        if (j == -2) {
            AdErr_NoMemory();
            goto done;
        }
        if (j < 0)
            break;
        if (k == cap) {
            Ad_ssize_t *np = AdMem_Malloc((size_t)cap * 2 * sizeof *np);
            if (!np) {
                AdErr_NoMemory();
                goto done;
            }
            memcpy(np, pos, (size_t)k * sizeof *np);
            if (pos != small)
                AdMem_Free(pos);
            pos = np;
            cap *= 2;
        }
        pos[k++] = j;
        i = j + ol;
    }
    if (k == 0) {
        r = str_exact(self);
        goto done;
    }
    if (nl > ol && (nl - ol) > ((Ad_ssize_t)(SIZE_MAX >> 3) - n) / k) {
        AdErr_SetString(AdExc_OverflowError, "replace string is too long");
        goto done;
    }
    Ad_ssize_t rlen = n + k * (nl - ol);
    if (rlen == 0) {
        r = str_empty();
        goto done;
    }
    uint32_t ms = str_maxchar_of(self), mn = nl ? str_maxchar_of(new) : 0;
    r = AdStr_New(rlen, ms > mn ? ms : mn);
    if (!r)
        goto done;
    int rk = AdStr_KIND(r);
    void *rd = AdStr_DATA(r);
    const void *nd = AdStr_DATA(new);
    Ad_ssize_t at = 0, from = 0;
    for (Ad_ssize_t q = 0; q < k; q++) {
        str_copy(rk, rd, at, sk, sd, from, pos[q] - from);
        at += pos[q] - from;
        str_copy(rk, rd, at, nk, nd, 0, nl);
        at += nl;
        from = pos[q] + ol;
    }
    str_copy(rk, rd, at, sk, sd, from, n - from);
    /* self's widest characters may all have been replaced */
    if (ms > mn && ms >= 0x80) {
        uint32_t m = str_max_char(rk, rd, rlen);
        int want = m < 0x100 ? 1 : m < 0x10000 ? 2 : 4;
        if (want != rk || (m < 0x80) != ((AdStrObject *)r)->ascii)
            AD_SETREF(r, AdStr_FromKindAndData(rk, rd, rlen));
    } else if (rlen == 1)
        AD_SETREF(r, AdStr_FromOrdinal(AdStr_READ(rk, rd, 0)));
done:
    if (pos != small)
        AdMem_Free(pos);
    return r;
}

static AdObject *str_replace(ARGSKW)
{
    static const char *const names[] = {"old", "new", "count", NULL};
    AdObject *a[3];
    if (parse_args_fast("replace", args, nargs, kwnames, names, 2, 2, 3, a) < 0)
        return NULL;
    AdObject *old = a[0], *new = a[1];
    if (!AdStr_Check(old))
        return AdErr_Format(AdExc_TypeError, "replace() argument 1 must be str, not %.100s", str_tname(old));
    if (!AdStr_Check(new))
        return AdErr_Format(AdExc_TypeError, "replace() argument 2 must be str, not %.100s", str_tname(new));
    Ad_ssize_t count = -1;
    if (a[2]) {
        count = str_index_arg(a[2]);
        if (count == -1 && AdErr_Occurred())
            return NULL;
    }
    if (count < 0)
        count = (Ad_ssize_t)(SIZE_MAX >> 1);
    Ad_ssize_t n = AdStr_LENGTH(self), ol = AdStr_LENGTH(old);
    if (count == 0 || ol > n)
        return str_exact(self);
    if (ol > 0)
        return replace_found(self, old, new, count);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (ol == 0) {
        /* insert new before every character and at the end */
        Ad_ssize_t i = 0;
        for (; i <= n && count > 0; count--) {
            if (AdStrWriter_WriteStr(&w, new) < 0)
                goto fail;
            if (i < n && str_writer_substr(&w, self, i, i + 1) < 0)
                goto fail;
            i++;
        }
        if (i < n && str_writer_substr(&w, self, i, n) < 0)
            goto fail;
        return AdStrWriter_Finish(&w);
    }
    Ad_ssize_t i = 0, done = 0;
    while (done < count) {
        Ad_ssize_t j = str_find_obj(self, old, i, n, 1);
        if (j == -2)
            goto fail;
        if (j < 0)
            break;
        if (str_writer_substr(&w, self, i, j) < 0 || AdStrWriter_WriteStr(&w, new) < 0)
            goto fail;
        i = j + ol;
        done++;
    }
    if (done == 0) {
        AdStrWriter_Dealloc(&w);
        return str_exact(self);
    }
    if (str_writer_substr(&w, self, i, n) < 0)
        goto fail;
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

/* ---- join, encode ---------------------------------------------------------------------- */

static AdObject *str_join_m(AdObject *self, AdObject *iterable)
{
    return AdStr_Join(self, iterable);
}

static AdObject *str_encode_m(ARGSKW)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    AdObject *a[2];
    if (str_parse_args("encode", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    const char *enc = "utf-8", *err = NULL;    /* NULL: the codec's default */
    for (int i = 0; i < 2; i++) {
        if (!a[i])
            continue;
        if (!AdStr_Check(a[i]))
            return AdErr_Format(AdExc_TypeError, "encode() argument '%s' must be str, not %.100s",
                                names[i], str_tname(a[i]));
        Ad_ssize_t len;
        const char *c = AdStr_AsUTF8AndSize(a[i], &len);
        if (!c)
            return NULL;
        if ((Ad_ssize_t)strlen(c) != len) {
            AdErr_SetString(AdExc_ValueError, "embedded null character");
            return NULL;
        }
        if (i == 0) enc = c; else err = c;
    }
    return str_encode(self, enc, err);
}

/* ---- translate and maketrans ------------------------------------------------------------- */

static AdObject *str_translate(AdObject *self, AdObject *table)
{
    Ad_ssize_t n = AdStr_LENGTH(self);
    int kind = AdStr_KIND(self);
    const void *d = AdStr_DATA(self);
    AdStrWriter w;
    AdStrWriter_Init(&w);
    if (str_writer_reserve(&w, n) < 0)
        return NULL;
    for (Ad_ssize_t i = 0; i < n; i++) {
        uint32_t c = AdStr_READ(kind, d, i);
        AdObject *key = str_int_from_ssize(c);
        if (!key)
            goto fail;
        AdObject *v = str_getitem(table, key);
        Ad_DECREF(key);
        if (!v) {
            if (AdErr_ExceptionMatches(AdExc_LookupError)) {
                AdErr_Clear();
                if (AdStrWriter_WriteChar(&w, c) < 0)
                    goto fail;
                continue;
            }
            goto fail;
        }
        int r = 0;
        if (v == Ad_None) {
            /* deleted */
        } else if (str_is_int(v)) {
            int64_t x;
            if (!AdInt_AsInt64Exact(v, &x) || x < 0 || x > (int64_t)STR_MAX_UNICODE) {
                Ad_DECREF(v);
                AdErr_SetString(AdExc_ValueError, "character mapping must be in range(0x110000)");
                goto fail;
            }
            r = AdStrWriter_WriteChar(&w, (uint32_t)x);
        } else if (AdStr_Check(v)) {
            r = AdStrWriter_WriteStr(&w, v);
        } else {
            Ad_DECREF(v);
            AdErr_SetString(AdExc_TypeError, "character mapping must return integer, None or str");
            goto fail;
        }
        Ad_DECREF(v);
        if (r < 0)
            goto fail;
    }
    return AdStrWriter_Finish(&w);
fail:
    AdStrWriter_Dealloc(&w);
    return NULL;
}

static AdObject *str_maketrans(AdObject *unused, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)unused;
    if (str_check_positional("maketrans", nargs, 1, 3) < 0)
        return NULL;
    AdObject *x = args[0];
    AdObject *r = AdDict_New();
    if (!r)
        return NULL;
    if (nargs == 1) {
        if (!AdDict_Check(x)) {
            AdErr_SetString(AdExc_TypeError,
                            "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (AdDict_Next(x, &pos, &k, &v)) {
            AdObject *key;
            if (AdStr_Check(k)) {
                if (AdStr_LENGTH(k) != 1) {
                    AdErr_SetString(AdExc_ValueError, "string keys in translate table must be of length 1");
                    goto fail;
                }
                key = str_int_from_ssize(AdStr_READ_CHAR(k, 0));
            } else if (str_is_int(k)) {
                key = Ad_NewRef(k);
            } else {
                AdErr_SetString(AdExc_TypeError, "keys in translate table must be strings or integers");
                goto fail;
            }
            if (!key)
                goto fail;
            int rr = AdDict_SetItem(r, key, v);
            Ad_DECREF(key);
            if (rr < 0)
                goto fail;
        }
        return r;
    }
    for (Ad_ssize_t i = 1; i < nargs; i++)
        if (!AdStr_Check(args[i])) {
            AdErr_Format(AdExc_TypeError, "maketrans() argument %zd must be str, not %.100s",
                         i + 1, str_tname(args[i]));
            goto fail;
        }
    if (!AdStr_Check(x)) {
        AdErr_SetString(AdExc_TypeError, "first maketrans argument must be a string if there is a second argument");
        goto fail;
    }
    AdObject *y = args[1];
    if (AdStr_LENGTH(x) != AdStr_LENGTH(y)) {
        AdErr_SetString(AdExc_ValueError, "the first two maketrans arguments must have equal length");
        goto fail;
    }
    for (Ad_ssize_t i = 0; i < AdStr_LENGTH(x); i++) {
        AdObject *k = str_int_from_ssize(AdStr_READ_CHAR(x, i));
        AdObject *v = str_int_from_ssize(AdStr_READ_CHAR(y, i));
        int rr = (k && v) ? AdDict_SetItem(r, k, v) : -1;
        Ad_XDECREF(k);
        Ad_XDECREF(v);
        if (rr < 0)
            goto fail;
    }
    if (nargs == 3) {
        AdObject *z = args[2];
        for (Ad_ssize_t i = 0; i < AdStr_LENGTH(z); i++) {
            AdObject *k = str_int_from_ssize(AdStr_READ_CHAR(z, i));
            int rr = k ? AdDict_SetItem(r, k, Ad_None) : -1;
            Ad_XDECREF(k);
            if (rr < 0)
                goto fail;
        }
    }
    return r;
fail:
    Ad_DECREF(r);
    return NULL;
}

/* ---- methods with a single argument and CPython's "takes exactly one" text ------------------ */

#define ONE_ARG(wrapper, qual, impl)                                    \
static AdObject *wrapper(ARGS)                                          \
{                                                                       \
    if (exactly_one(qual, nargs) < 0)                                   \
        return NULL;                                                    \
    return impl(self, args[0]);                                         \
}
ONE_ARG(m_zfill, "str.zfill", str_zfill)
ONE_ARG(m_join, "str.join", str_join_m)
ONE_ARG(m_removeprefix, "str.removeprefix", str_removeprefix)
ONE_ARG(m_removesuffix, "str.removesuffix", str_removesuffix)
ONE_ARG(m_translate, "str.translate", str_translate)
ONE_ARG(m_partition, "str.partition", str_partition)
ONE_ARG(m_rpartition, "str.rpartition", str_rpartition)
ONE_ARG(m_format_map, "str.format_map", str_format_map_method)

static AdObject *m_dunder_format(ARGS)
{
    if (exactly_one("str.__format__", nargs) < 0)
        return NULL;
    if (!AdStr_Check(args[0]))
        return AdErr_Format(AdExc_TypeError, "__format__() argument must be str, not %.100s",
                            str_tname(args[0]));
    return str_dunder_format(self, args[0]);
}

/* Methods without arguments: "str.upper() takes no arguments (1 given)". */
#define NO_ARGS(wrapper, qual, impl)                                    \
static AdObject *wrapper(ARGSKW)                                        \
{                                                                       \
    (void)args;                                                         \
    if (kwnames && AdTuple_GET_SIZE(kwnames)) {                         \
        AdErr_Format(AdExc_TypeError, "%s() takes no keyword arguments", qual); \
        return NULL;                                                    \
    }                                                                   \
    if (nargs) {                                                        \
        AdErr_Format(AdExc_TypeError, "%s() takes no arguments (%zd given)", qual, nargs); \
        return NULL;                                                    \
    }                                                                   \
    return impl(self, NULL);                                            \
}
NO_ARGS(m_lower, "str.lower", str_lower)
NO_ARGS(m_upper, "str.upper", str_upper)
NO_ARGS(m_title, "str.title", str_title)
NO_ARGS(m_capitalize, "str.capitalize", str_capitalize)
NO_ARGS(m_swapcase, "str.swapcase", str_swapcase)
NO_ARGS(m_casefold, "str.casefold", str_casefold)
NO_ARGS(m_isalpha, "str.isalpha", meth_isalpha)
NO_ARGS(m_isalnum, "str.isalnum", meth_isalnum)
NO_ARGS(m_isascii, "str.isascii", str_isascii)
NO_ARGS(m_isdecimal, "str.isdecimal", meth_isdecimal)
NO_ARGS(m_isdigit, "str.isdigit", meth_isdigit)
NO_ARGS(m_isnumeric, "str.isnumeric", meth_isnumeric)
NO_ARGS(m_isspace, "str.isspace", meth_isspace)
NO_ARGS(m_isprintable, "str.isprintable", meth_isprintable)
NO_ARGS(m_islower, "str.islower", str_islower_m)
NO_ARGS(m_isupper, "str.isupper", str_isupper_m)
NO_ARGS(m_istitle, "str.istitle", str_istitle_m)
NO_ARGS(m_isidentifier, "str.isidentifier", str_isidentifier)

extern AdObject *str_getnewargs(AdObject *self, AdObject *unused);
extern AdObject *str_sizeof(AdObject *self, AdObject *unused);
NO_ARGS(m_getnewargs, "str.__getnewargs__", str_getnewargs)
NO_ARGS(m_sizeof, "str.__sizeof__", str_sizeof)

/* Positional-only methods must also refuse keywords. */
#define NO_KW(wrapper, name, impl)                                      \
static AdObject *wrapper(ARGSKW)                                        \
{                                                                       \
    if (str_no_kwargs(name, kwnames) < 0)                               \
        return NULL;                                                    \
    return impl(self, args, nargs);                                     \
}
NO_KW(k_center, "center", str_center)
NO_KW(k_ljust, "ljust", str_ljust)
NO_KW(k_rjust, "rjust", str_rjust)
NO_KW(k_strip, "strip", str_strip)
NO_KW(k_lstrip, "lstrip", str_lstrip)
NO_KW(k_rstrip, "rstrip", str_rstrip)
NO_KW(k_find, "find", str_find)
NO_KW(k_rfind, "rfind", str_rfind)
NO_KW(k_index, "index", str_index)
NO_KW(k_rindex, "rindex", str_rindex)
NO_KW(k_count, "count", str_count)
NO_KW(k_startswith, "startswith", str_startswith)
NO_KW(k_endswith, "endswith", str_endswith)
NO_KW(k_zfill, "str.zfill", m_zfill)
NO_KW(k_join, "str.join", m_join)
NO_KW(k_removeprefix, "str.removeprefix", m_removeprefix)
NO_KW(k_removesuffix, "str.removesuffix", m_removesuffix)
NO_KW(k_translate, "str.translate", m_translate)
NO_KW(k_partition, "str.partition", m_partition)
NO_KW(k_rpartition, "str.rpartition", m_rpartition)
NO_KW(k_format_map, "str.format_map", m_format_map)
NO_KW(k_dunder_format, "str.__format__", m_dunder_format)

static AdObject *k_maketrans(AdObject *unused, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    if (str_no_kwargs("maketrans", kwnames) < 0)
        return NULL;
    return str_maketrans(unused, args, nargs);
}

#define M(name, fn, doc) {name, (void (*)(void))fn, AD_METH_FASTCALL | AD_METH_KEYWORDS, doc}

AdMethodDef str_methods_table[] = {
    M("encode", str_encode_m, "Encode the string using the codec registered for encoding."),
    M("replace", str_replace, "Return a copy with all occurrences of substring old replaced by new."),
    M("split", str_split, "Return a list of the substrings in the string, using sep as the separator string."),
    M("rsplit", str_rsplit, "Return a list of the substrings in the string, using sep as the separator string."),
    M("join", k_join, "Concatenate any number of strings."),
    M("capitalize", m_capitalize, "Return a capitalized version of the string."),
    M("casefold", m_casefold, "Return a version of the string suitable for caseless comparisons."),
    M("title", m_title, "Return a version of the string where each word is titlecased."),
    M("center", k_center, "Return a centered string of length width."),
    M("count", k_count, "Return the number of non-overlapping occurrences of substring sub in string S[start:end]."),
    M("expandtabs", str_expandtabs, "Return a copy where all tab characters are expanded using spaces."),
    M("find", k_find, "Return the lowest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    M("partition", k_partition, "Partition the string into three parts using the given separator."),
    M("index", k_index, "Return the lowest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    M("ljust", k_ljust, "Return a left-justified string of length width."),
    M("lower", m_lower, "Return a copy of the string converted to lowercase."),
    M("lstrip", k_lstrip, "Return a copy of the string with leading whitespace removed."),
    M("rfind", k_rfind, "Return the highest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    M("rindex", k_rindex, "Return the highest index in S where substring sub is found, such that sub is contained within S[start:end]."),
    M("rjust", k_rjust, "Return a right-justified string of length width."),
    M("rstrip", k_rstrip, "Return a copy of the string with trailing whitespace removed."),
    M("rpartition", k_rpartition, "Partition the string into three parts using the given separator."),
    M("splitlines", str_splitlines, "Return a list of the lines in the string, breaking at line boundaries."),
    M("strip", k_strip, "Return a copy of the string with leading and trailing whitespace removed."),
    M("swapcase", m_swapcase, "Convert uppercase characters to lowercase and lowercase characters to uppercase."),
    M("translate", k_translate, "Replace each character in the string using the given translation table."),
    M("upper", m_upper, "Return a copy of the string converted to uppercase."),
    M("startswith", k_startswith, "Return True if the string starts with the specified prefix, False otherwise."),
    M("endswith", k_endswith, "Return True if the string ends with the specified suffix, False otherwise."),
    M("removeprefix", k_removeprefix, "Return a str with the given prefix string removed if present."),
    M("removesuffix", k_removesuffix, "Return a str with the given suffix string removed if present."),
    M("isascii", m_isascii, "Return True if all characters in the string are ASCII, False otherwise."),
    M("islower", m_islower, "Return True if the string is a lowercase string, False otherwise."),
    M("isupper", m_isupper, "Return True if the string is an uppercase string, False otherwise."),
    M("istitle", m_istitle, "Return True if the string is a title-cased string, False otherwise."),
    M("isspace", m_isspace, "Return True if the string is a whitespace string, False otherwise."),
    M("isdecimal", m_isdecimal, "Return True if the string is a decimal string, False otherwise."),
    M("isdigit", m_isdigit, "Return True if the string is a digit string, False otherwise."),
    M("isnumeric", m_isnumeric, "Return True if the string is a numeric string, False otherwise."),
    M("isalpha", m_isalpha, "Return True if the string is an alphabetic string, False otherwise."),
    M("isalnum", m_isalnum, "Return True if the string is an alpha-numeric string, False otherwise."),
    M("isidentifier", m_isidentifier, "Return True if the string is a valid Python identifier, False otherwise."),
    M("isprintable", m_isprintable, "Return True if all characters in the string are printable, False otherwise."),
    M("zfill", k_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."),
    M("format", str_format_method, "Return a formatted version of the string, using substitutions from args and kwargs."),
    M("format_map", k_format_map, "Return a formatted version of the string, using substitutions from mapping."),
    M("__format__", k_dunder_format, "Return a formatted version of the string as described by format_spec."),
    {"maketrans", (void (*)(void))k_maketrans, AD_METH_FASTCALL | AD_METH_KEYWORDS | AD_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    M("__sizeof__", m_sizeof, "Return the size of the string in memory, in bytes."),
    M("__getnewargs__", m_getnewargs, NULL),
    {NULL, NULL, 0, NULL},
};

#endif /* STR_KERNEL_READY */
