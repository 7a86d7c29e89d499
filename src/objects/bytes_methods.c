/* bytes_methods.c: the methods bytes and bytearray share (ASCII case
 * mapping and predicates, padding, searching, splitting, stripping,
 * replacing, joining, translation, hex conversion), written once over the
 * receiver's data and returning results of the receiver's family. The
 * search kernels are str's (str_find.c) used with one byte per item. */
#include "objects/bytes_internal.h"
#if STR_KERNEL_READY
#include <stdio.h>
#include "memory/alloc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/abstract.h"
#include "objects/typeobject.h"

#define ARGS AdObject *self, AdObject *const *args, Ad_ssize_t nargs
#define ARGSKW ARGS, AdObject *kwnames

/* ---- shared helpers -------------------------------------------------------- */

AdObject *bytes_new_like(AdObject *self, const char *s, Ad_ssize_t n)
{
    if (AdByteArray_Check(self)) {
        AdObject *r = bytearray_new_empty(n);
        if (r && s && n)
            memcpy(AdByteArray_AS_STRING(r), s, (size_t)n);
        return r;
    }
    return AdBytes_FromStringAndSize(s, n);
}

/* self unchanged: a new reference for exact bytes, else a copy. */
static AdObject *same_or_copy(AdObject *self)
{
    if (AdBytes_CheckExact(self))
        return Ad_NewRef(self);
    return bytes_new_like(self, bytes_data(self), AD_SIZE(self));
}

int bytes_byte_value(AdObject *o)
{
    if (!str_has_index(o)) {
        AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     str_tname(o));
        return -1;
    }
    Ad_ssize_t v = str_as_ssize(o, NULL);
    if (v == -1 && AdErr_Occurred())
        return -1;
    if (v < 0 || v > 255) {
        AdErr_SetString(AdExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)v;
}

int bytes_get_view(AdObject *o, AdBuffer *view)
{
    return AdObject_GetBuffer(o, view, AD_BUF_SIMPLE);
}

static inline int b_isspace(unsigned c) { return c == ' ' || (c >= 9 && c <= 13); }
static inline int b_islower(unsigned c) { return c >= 'a' && c <= 'z'; }
static inline int b_isupper(unsigned c) { return c >= 'A' && c <= 'Z'; }
static inline int b_isalpha(unsigned c) { return b_islower(c) || b_isupper(c); }
static inline int b_isdigit(unsigned c) { return c >= '0' && c <= '9'; }
static inline unsigned b_lower(unsigned c) { return b_isupper(c) ? c + 32 : c; }
static inline unsigned b_upper(unsigned c) { return b_islower(c) ? c - 32 : c; }

/* Edit distance with CPython's suggestion costs: a change of case costs 1,
 * any other insertion, deletion or substitution 2. */
static Ad_ssize_t suggest_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 1 << 20;
    Ad_ssize_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (Ad_ssize_t)j * 2;
    for (size_t i = 1; i <= la; i++) {
        Ad_ssize_t diag = row[0];
        row[0] = (Ad_ssize_t)i * 2;
        for (size_t j = 1; j <= lb; j++) {
            char x = a[i - 1], y = b[j - 1];
            Ad_ssize_t sub = x == y ? 0 : ((x | 32) == (y | 32) && ((x | 32) >= 'a' && (x | 32) <= 'z')) ? 1 : 2;
            Ad_ssize_t best = diag + sub;
            if (row[j] + 2 < best) best = row[j] + 2;
            if (row[j - 1] + 2 < best) best = row[j - 1] + 2;
            diag = row[j];
            row[j] = best;
        }
    }
    return row[lb];
}

int bytes_parse_args(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                     const char *const *names, int npos_only, int nrequired, AdObject **out)
{
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t k = 0; k < nkw; k++) {
        AdObject *key = AdTuple_GET_ITEM(kwnames, k);
        int found = 0;
        for (int i = npos_only; names[i]; i++)
            if (AdStr_EqualToASCII(key, names[i]))
                found = 1;
        if (found)
            continue;
        const char *kn = AdStr_AsUTF8(key);
        const char *best = NULL;
        Ad_ssize_t bestd = 1 << 20;
        for (int i = npos_only; kn && names[i]; i++) {
            Ad_ssize_t d = suggest_distance(kn, names[i]);
            Ad_ssize_t maxd = ((Ad_ssize_t)strlen(kn) + (Ad_ssize_t)strlen(names[i]) + 3) * 2 / 6;
            if (d > 0 && d <= maxd && d < bestd) {
                bestd = d;
                best = names[i];
            }
        }
        AdErr_Clear();
        if (best)
            AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%U'. Did you mean '%s'?",
                         fname, key, best);
        else
            AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, key);
        return -1;
    }
    return str_parse_args(fname, args, nargs, kwnames, names, npos_only, nrequired, out);
}

/* ---- case mapping -------------------------------------------------------------- */

enum { CM_LOWER, CM_UPPER, CM_SWAP, CM_CAPITALIZE, CM_TITLE };

static AdObject *case_map(AdObject *self, int how)
{
    Ad_ssize_t n = AD_SIZE(self);
    AdObject *r = bytes_new_like(self, NULL, n);
    if (!r)
        return NULL;
    const unsigned char *s = (const unsigned char *)bytes_data(self);
    unsigned char *d = (unsigned char *)bytes_data(r);
    int prev_cased = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        unsigned c = s[i];
        switch (how) {
        case CM_LOWER: c = b_lower(c); break;
        case CM_UPPER: c = b_upper(c); break;
        case CM_SWAP: c = b_isupper(c) ? b_lower(c) : b_upper(c); break;
        case CM_CAPITALIZE: c = i == 0 ? b_upper(c) : b_lower(c); break;
        default:
            c = prev_cased ? b_lower(c) : b_upper(c);
            prev_cased = b_isalpha(c);
            break;
        }
        d[i] = (unsigned char)c;
    }
    return r;
}

static AdObject *m_lower(AdObject *self, AdObject *u) { (void)u; return case_map(self, CM_LOWER); }
static AdObject *m_upper(AdObject *self, AdObject *u) { (void)u; return case_map(self, CM_UPPER); }
static AdObject *m_swapcase(AdObject *self, AdObject *u) { (void)u; return case_map(self, CM_SWAP); }
static AdObject *m_capitalize(AdObject *self, AdObject *u) { (void)u; return case_map(self, CM_CAPITALIZE); }
static AdObject *m_title(AdObject *self, AdObject *u) { (void)u; return case_map(self, CM_TITLE); }

/* ---- predicates ------------------------------------------------------------------ */

#define ALL_PRED(name, test)                                                    \
static AdObject *m_##name(AdObject *self, AdObject *u)                          \
{                                                                               \
    (void)u;                                                                    \
    const unsigned char *s = (const unsigned char *)bytes_data(self);           \
    Ad_ssize_t n = AD_SIZE(self);                                               \
    if (n == 0)                                                                 \
        return str_bool(0);                                                     \
    for (Ad_ssize_t i = 0; i < n; i++)                                          \
        if (!(test(s[i])))                                                      \
            return str_bool(0);                                                 \
    return str_bool(1);                                                         \
}
#define T_ALNUM(c) (b_isalpha(c) || b_isdigit(c))
ALL_PRED(isalnum, T_ALNUM)
ALL_PRED(isalpha, b_isalpha)
ALL_PRED(isdigit, b_isdigit)
ALL_PRED(isspace, b_isspace)

static AdObject *m_isascii(AdObject *self, AdObject *u)
{
    (void)u;
    const unsigned char *s = (const unsigned char *)bytes_data(self);
    for (Ad_ssize_t i = 0; i < AD_SIZE(self); i++)
        if (s[i] >= 128)
            return str_bool(0);
    return str_bool(1);
}

static AdObject *cased_pred(AdObject *self, int upper)
{
    const unsigned char *s = (const unsigned char *)bytes_data(self);
    int cased = 0;
    for (Ad_ssize_t i = 0; i < AD_SIZE(self); i++) {
        if (upper ? b_islower(s[i]) : b_isupper(s[i]))
            return str_bool(0);
        if (upper ? b_isupper(s[i]) : b_islower(s[i]))
            cased = 1;
    }
    return str_bool(cased);
}

static AdObject *m_islower(AdObject *self, AdObject *u) { (void)u; return cased_pred(self, 0); }
static AdObject *m_isupper(AdObject *self, AdObject *u) { (void)u; return cased_pred(self, 1); }

static AdObject *m_istitle(AdObject *self, AdObject *u)
{
    (void)u;
    const unsigned char *s = (const unsigned char *)bytes_data(self);
    int cased = 0, prev_cased = 0;
    for (Ad_ssize_t i = 0; i < AD_SIZE(self); i++) {
        unsigned c = s[i];
        if (b_isupper(c)) {
            if (prev_cased)
                return str_bool(0);
            prev_cased = cased = 1;
        } else if (b_islower(c)) {
            if (!prev_cased)
                return str_bool(0);
            prev_cased = cased = 1;
        } else
            prev_cased = 0;
    }
    return str_bool(cased);
}

/* ---- padding --------------------------------------------------------------------- */

static AdObject *pad(AdObject *self, Ad_ssize_t left, Ad_ssize_t right, char fill)
{
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0)
        return same_or_copy(self);
    Ad_ssize_t n = AD_SIZE(self);
    if (left > (Ad_ssize_t)(SIZE_MAX >> 2) - n - right)
        return AdErr_NoMemory();
    AdObject *r = bytes_new_like(self, NULL, left + n + right);
    if (!r)
        return NULL;
    char *d = bytes_data(r);
    memset(d, fill, (size_t)left);
    memcpy(d + left, bytes_data(self), (size_t)n);
    memset(d + left + n, fill, (size_t)right);
    return r;
}

static int pad_args(const char *name, AdObject *const *args, Ad_ssize_t nargs,
                    Ad_ssize_t *width, char *fill)
{
    if (str_check_positional(name, nargs, 1, 2) < 0)
        return -1;
    *width = str_index_arg(args[0]);
    if (*width == -1 && AdErr_Occurred())
        return -1;
    *fill = ' ';
    if (nargs == 2) {
        AdObject *f = args[1];
        if (AdBytes_Check(f) && AD_SIZE(f) == 1)
            *fill = AdBytes_AS_STRING(f)[0];
        else if (AdByteArray_Check(f) && AD_SIZE(f) == 1)
            *fill = AdByteArray_AS_STRING(f)[0];
        else if (AdBytes_Check(f) || AdByteArray_Check(f)) {
            AdErr_Format(AdExc_TypeError, "%s(): argument 2 must be a byte string of length 1, not a %.50s object "
                         "of length %zd", name, str_tname(f), AD_SIZE(f));
            return -1;
        } else {
            AdErr_Format(AdExc_TypeError, "%s() argument 2 must be a byte string of length 1, not %.50s",
                         name, str_tname(f));
            return -1;
        }
    }
    return 0;
}

static AdObject *m_center(ARGS)
{
    Ad_ssize_t width;
    char fill;
    if (pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    Ad_ssize_t n = AD_SIZE(self);
    if (width <= n)
        return same_or_copy(self);
    Ad_ssize_t marg = width - n;
    Ad_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static AdObject *m_ljust(ARGS)
{
    Ad_ssize_t width;
    char fill;
    if (pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - AD_SIZE(self), fill);
}

static AdObject *m_rjust(ARGS)
{
    Ad_ssize_t width;
    char fill;
    if (pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, width - AD_SIZE(self), 0, fill);
}

static AdObject *m_zfill(AdObject *self, AdObject *arg)
{
    Ad_ssize_t width = str_index_arg(arg);
    if (width == -1 && AdErr_Occurred())
        return NULL;
    Ad_ssize_t n = AD_SIZE(self);
    if (width <= n)
        return same_or_copy(self);
    AdObject *r = pad(self, width - n, 0, '0');
    if (!r)
        return NULL;
    char *d = bytes_data(r);
    if (d[width - n] == '+' || d[width - n] == '-') {
        d[0] = d[width - n];
        d[width - n] = '0';
    }
    return r;
}

static AdObject *m_expandtabs(ARGSKW)
{
    static const char *const names[] = {"tabsize", NULL};
    AdObject *a[1];
    if (bytes_parse_args("expandtabs", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    Ad_ssize_t tab = 8;
    if (a[0]) {
        if (!AdInt_Check(a[0]))
            return AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                str_tname(a[0]));
        tab = AdInt_AsSsize_t(a[0]);
        if (tab == -1 && AdErr_Occurred()) {
            if (AdErr_ExceptionMatches(AdExc_OverflowError)) {
                AdErr_Clear();
                AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
            }
            return NULL;
        }
        if (tab > INT32_MAX || tab < INT32_MIN) {
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
    }
    const char *s = bytes_data(self);
    Ad_ssize_t n = AD_SIZE(self), total = 0, col = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (tab > 0) {
                Ad_ssize_t inc = tab - col % tab;
                if (total > (Ad_ssize_t)(SIZE_MAX >> 2) - inc) {
                    AdErr_SetString(AdExc_OverflowError, "result too long");
                    return NULL;
                }
                col += inc;
                total += inc;
            }
        } else {
            total++;
            col++;
            if (s[i] == '\n' || s[i] == '\r')
                col = 0;
        }
    }
    AdObject *r = bytes_new_like(self, NULL, total);
    if (!r)
        return NULL;
    char *d = bytes_data(r);
    col = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (tab > 0) {
                Ad_ssize_t inc = tab - col % tab;
                memset(d, ' ', (size_t)inc);
                d += inc;
                col += inc;
            }
        } else {
            *d++ = s[i];
            col++;
            if (s[i] == '\n' || s[i] == '\r')
                col = 0;
        }
    }
    return r;
}

/* ---- searching --------------------------------------------------------------------- */

/* The needle of find/count/index: an int (one byte) or a bytes-like object.
 * Fills view (release it when *is_view) or *byte. */
static int needle_arg(AdObject *o, AdBuffer *view, int *is_view, char *byte)
{
    *is_view = 0;
    if (str_has_index(o)) {
        int v = bytes_byte_value(o);
        if (v < 0)
            return -1;
        *byte = (char)v;
        return 0;
    }
    if (!AD_TYPE(o)->tp_as_buffer || !AD_TYPE(o)->tp_as_buffer->bf_getbuffer) {
        AdErr_Format(AdExc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                     str_tname(o));
        return -1;
    }
    if (AdObject_GetBuffer(o, view, AD_BUF_SIMPLE) < 0)
        return -1;
    *is_view = 1;
    return 0;
}

/* find/rfind/index/rindex/count: (sub[, start[, end]]). mode: 0 find, 1 index, 2 count. */
static AdObject *find_common(AdObject *self, const char *name, AdObject *const *args,
                             Ad_ssize_t nargs, int dir, int mode)
{
    if (str_check_positional(name, nargs, 1, 3) < 0)
        return NULL;
    Ad_ssize_t start = 0, end = (Ad_ssize_t)(SIZE_MAX >> 1);
    if (nargs > 1 && str_slice_arg(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && str_slice_arg(args[2], &end) < 0)
        return NULL;
    AdBuffer view;
    int is_view;
    char byte;
    if (needle_arg(args[0], &view, &is_view, &byte) < 0)
        return NULL;
    const char *nd = is_view ? view.buf : &byte;
    Ad_ssize_t nl = is_view ? view.len : 1;
    Ad_ssize_t len = AD_SIZE(self);
    const char *h = bytes_data(self);
    str_adjust_range(len, &start, &end);
    Ad_ssize_t r;
    if (mode == 2) {
        if (start > len || end - start < nl)
            r = 0;
        else
            r = str_count_in(1, h, start, end, 1, nd, nl, (Ad_ssize_t)(SIZE_MAX >> 1));
    } else if (start > len || end - start < nl)
        r = -1;
    else
        r = str_search(1, h, start, end, 1, nd, nl, dir);
    if (is_view)
        AdBuffer_Release(&view);
    if (r == -2)
        return AdErr_NoMemory();
    if (mode == 1 && r < 0) {
        AdErr_Format(AdExc_ValueError, "subsection not found");
        return NULL;
    }
    return str_int_from_ssize(r);
}

static AdObject *m_find(ARGS) { return find_common(self, "find", args, nargs, 1, 0); }
static AdObject *m_rfind(ARGS) { return find_common(self, "rfind", args, nargs, -1, 0); }
static AdObject *m_index(ARGS) { return find_common(self, "index", args, nargs, 1, 1); }
static AdObject *m_rindex(ARGS) { return find_common(self, "rindex", args, nargs, -1, 1); }
static AdObject *m_count(ARGS) { return find_common(self, "count", args, nargs, 1, 2); }

/* 1 when self[start:end] starts (dir < 0) or ends (dir > 0) with sub. */
static int tail_match(AdObject *self, const char *sub, Ad_ssize_t sl, Ad_ssize_t start,
                      Ad_ssize_t end, int dir)
{
    Ad_ssize_t len = AD_SIZE(self);
    str_adjust_range(len, &start, &end);
    if (start > len)
        return 0;
    if (end - start < sl)
        return 0;
    const char *h = bytes_data(self);
    if (dir < 0)
        return memcmp(h + start, sub, (size_t)sl) == 0;
    return memcmp(h + end - sl, sub, (size_t)sl) == 0;
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
    AdBuffer view;
    if (AdTuple_Check(x)) {
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(x); i++) {
            AdObject *it = AdTuple_GET_ITEM(x, i);
            if (!str_is_bytes_like(it)) {
                AdErr_Format(AdExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             str_tname(it));
                return NULL;
            }
            if (AdObject_GetBuffer(it, &view, AD_BUF_SIMPLE) < 0)
                return NULL;
            int m = tail_match(self, view.buf, view.len, start, end, dir);
            AdBuffer_Release(&view);
            if (m)
                return str_bool(1);
        }
        return str_bool(0);
    }
    if (!str_is_bytes_like(x))
        return AdErr_Format(AdExc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %.100s",
                            name, str_tname(x));
    if (AdObject_GetBuffer(x, &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    int m = tail_match(self, view.buf, view.len, start, end, dir);
    AdBuffer_Release(&view);
    return str_bool(m);
}

static AdObject *m_startswith(ARGS) { return starts_ends(self, "startswith", args, nargs, -1); }
static AdObject *m_endswith(ARGS) { return starts_ends(self, "endswith", args, nargs, 1); }

static AdObject *remove_affix(AdObject *self, AdObject *arg, int prefix)
{
    AdBuffer view;
    if (bytes_get_view(arg, &view) < 0)
        return NULL;
    const char *s = bytes_data(self);
    Ad_ssize_t n = AD_SIZE(self);
    AdObject *r;
    if (view.len <= n && view.len > 0 &&
        memcmp(prefix ? s : s + n - view.len, view.buf, (size_t)view.len) == 0)
        r = bytes_new_like(self, prefix ? s + view.len : s, n - view.len);
    else
        r = same_or_copy(self);
    AdBuffer_Release(&view);
    return r;
}

static AdObject *m_removeprefix(AdObject *self, AdObject *p) { return remove_affix(self, p, 1); }
static AdObject *m_removesuffix(AdObject *self, AdObject *p) { return remove_affix(self, p, 0); }

/* ---- stripping ---------------------------------------------------------------------- */

enum { LEFT = 1, RIGHT = 2, BOTH = 3 };

static AdObject *do_strip(AdObject *self, const char *name, AdObject *const *args,
                          Ad_ssize_t nargs, int where)
{
    if (str_check_positional(name, nargs, 0, 1) < 0)
        return NULL;
    AdBuffer view;
    int have = 0;
    if (nargs == 1 && args[0] != Ad_None) {
        if (bytes_get_view(args[0], &view) < 0)
            return NULL;
        have = 1;
    }
    const unsigned char *s = (const unsigned char *)bytes_data(self);
    Ad_ssize_t i = 0, j = AD_SIZE(self);
    unsigned char set[256];
    memset(set, 0, sizeof set);
    if (have) {
        for (Ad_ssize_t k = 0; k < view.len; k++)
            set[((unsigned char *)view.buf)[k]] = 1;
        AdBuffer_Release(&view);
    } else {
        for (unsigned c = 0; c < 256; c++)
            set[c] = (unsigned char)b_isspace(c);
    }
    if (where & LEFT)
        while (i < j && set[s[i]])
            i++;
    if (where & RIGHT)
        while (j > i && set[s[j - 1]])
            j--;
    if (i == 0 && j == AD_SIZE(self))
        return same_or_copy(self);
    return bytes_new_like(self, (const char *)s + i, j - i);
}

static AdObject *m_strip(ARGS) { return do_strip(self, "strip", args, nargs, BOTH); }
static AdObject *m_lstrip(ARGS) { return do_strip(self, "lstrip", args, nargs, LEFT); }
static AdObject *m_rstrip(ARGS) { return do_strip(self, "rstrip", args, nargs, RIGHT); }

/* ---- partition and split ----------------------------------------------------------- */

static AdObject *m_partition_common(AdObject *self, AdObject *sep, int dir)
{
    AdBuffer view;
    if (bytes_get_view(sep, &view) < 0)
        return NULL;
    if (view.len == 0) {
        AdBuffer_Release(&view);
        AdErr_SetString(AdExc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = bytes_data(self);
    Ad_ssize_t n = AD_SIZE(self);
    Ad_ssize_t pos = str_search(1, s, 0, n, 1, view.buf, view.len, dir);
    AdObject *a = NULL, *b = NULL, *c = NULL, *r = NULL;
    if (pos < 0) {
        AdObject *whole = same_or_copy(self);
        AdObject *e1 = bytes_new_like(self, "", 0), *e2 = bytes_new_like(self, "", 0);
        if (whole && e1 && e2) {
            if (dir > 0)
                r = AdTuple_Pack(3, whole, e1, e2);
            else
                r = AdTuple_Pack(3, e1, e2, whole);
        }
        Ad_XDECREF(whole);
        Ad_XDECREF(e1);
        Ad_XDECREF(e2);
    } else {
        a = bytes_new_like(self, s, pos);
        if (!AdByteArray_Check(self))
            b = Ad_NewRef(sep);
        else
            b = bytes_new_like(self, view.buf, view.len);
        c = bytes_new_like(self, s + pos + view.len, n - pos - view.len);
        if (a && b && c)
            r = AdTuple_Pack(3, a, b, c);
        Ad_XDECREF(a);
        Ad_XDECREF(b);
        Ad_XDECREF(c);
    }
    AdBuffer_Release(&view);
    return r;
}

static AdObject *m_partition(AdObject *self, AdObject *sep) { return m_partition_common(self, sep, 1); }
static AdObject *m_rpartition(AdObject *self, AdObject *sep) { return m_partition_common(self, sep, -1); }

static int append_piece(AdObject *list, AdObject *self, const char *s, Ad_ssize_t i, Ad_ssize_t j)
{
    AdObject *p;
    if (i == 0 && j == AD_SIZE(self) && AdBytes_CheckExact(self))
        p = Ad_NewRef(self);
    else
        p = bytes_new_like(self, s + i, j - i);
    if (!p)
        return -1;
    int r = AdList_Append(list, p);
    Ad_DECREF(p);
    return r;
}

static AdObject *split_common(AdObject *self, const char *name, AdObject *const *args,
                              Ad_ssize_t nargs, AdObject *kwnames, int dir)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    AdObject *a[2];
    if (bytes_parse_args(name, args, nargs, kwnames, names, 0, 0, a) < 0)
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
    AdBuffer view;
    int have = 0;
    if (sep != Ad_None) {
        if (bytes_get_view(sep, &view) < 0)
            return NULL;
        have = 1;
        if (view.len == 0) {
            AdBuffer_Release(&view);
            AdErr_SetString(AdExc_ValueError, "empty separator");
            return NULL;
        }
    }
    AdObject *list = AdList_New(0);
    if (!list)
        goto fail;
    Ad_ssize_t n = AD_SIZE(self);
    const char *s = bytes_data(self);
    const unsigned char *u = (const unsigned char *)s;
    if (!have) {
        if (dir > 0) {
            Ad_ssize_t i = 0;
            while (maxsplit-- > 0) {
                while (i < n && b_isspace(u[i]))
                    i++;
                if (i == n)
                    break;
                Ad_ssize_t j = i;
                while (j < n && !b_isspace(u[j]))
                    j++;
                if (append_piece(list, self, s, i, j) < 0)
                    goto fail;
                i = j;
            }
            while (i < n && b_isspace(u[i]))
                i++;
            if (i < n && append_piece(list, self, s, i, n) < 0)
                goto fail;
        } else {
            Ad_ssize_t j = n;
            while (maxsplit-- > 0) {
                while (j > 0 && b_isspace(u[j - 1]))
                    j--;
                if (j == 0)
                    break;
                Ad_ssize_t i = j;
                while (i > 0 && !b_isspace(u[i - 1]))
                    i--;
                if (append_piece(list, self, s, i, j) < 0)
                    goto fail;
                j = i;
            }
            while (j > 0 && b_isspace(u[j - 1]))
                j--;
            if (j > 0 && append_piece(list, self, s, 0, j) < 0)
                goto fail;
            if (AdList_Reverse(list) < 0)
                goto fail;
        }
        return list;
    }
    Ad_ssize_t sl = view.len;
    if (dir > 0) {
        Ad_ssize_t i = 0;
        while (maxsplit-- > 0) {
            Ad_ssize_t j = str_search(1, s, i, n, 1, view.buf, sl, 1);
            if (j < 0)
                break;
            if (append_piece(list, self, s, i, j) < 0)
                goto fail;
            i = j + sl;
        }
        if (append_piece(list, self, s, i, n) < 0)
            goto fail;
    } else {
        Ad_ssize_t j = n;
        while (maxsplit-- > 0) {
            Ad_ssize_t i = str_search(1, s, 0, j, 1, view.buf, sl, -1);
            if (i < 0)
                break;
            if (append_piece(list, self, s, i + sl, j) < 0)
                goto fail;
            j = i;
        }
        if (append_piece(list, self, s, 0, j) < 0)
            goto fail;
        if (AdList_Reverse(list) < 0)
            goto fail;
    }
    AdBuffer_Release(&view);
    return list;
fail:
    if (have)
        AdBuffer_Release(&view);
    Ad_XDECREF(list);
    return NULL;
}

static AdObject *m_split(ARGSKW) { return split_common(self, "split", args, nargs, kwnames, 1); }
static AdObject *m_rsplit(ARGSKW) { return split_common(self, "rsplit", args, nargs, kwnames, -1); }

static AdObject *m_splitlines(ARGSKW)
{
    static const char *const names[] = {"keepends", NULL};
    AdObject *a[1];
    if (bytes_parse_args("splitlines", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0]) {
        keep = AdObject_IsTrue(a[0]);
        if (keep < 0)
            return NULL;
    }
    AdObject *list = AdList_New(0);
    if (!list)
        return NULL;
    const char *s = bytes_data(self);
    Ad_ssize_t n = AD_SIZE(self), i = 0;
    while (i < n) {
        Ad_ssize_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        Ad_ssize_t eol = j;
        if (j < n) {
            if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
                j += 2;
            else
                j++;
            if (keep)
                eol = j;
        }
        if (append_piece(list, self, s, i, eol) < 0) {
            Ad_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

/* ---- replace ----------------------------------------------------------------------- */

static AdObject *m_replace(ARGS)
{
    AdObject *a[3] = {NULL, NULL, NULL};
    if (str_check_positional("replace", nargs, 2, 3) < 0)
        return NULL;
    for (Ad_ssize_t i = 0; i < nargs; i++)
        a[i] = args[i];
    Ad_ssize_t count = -1;
    if (a[2]) {
        count = str_index_arg(a[2]);
        if (count == -1 && AdErr_Occurred())
            return NULL;
    }
    AdBuffer vo, vn;
    if (bytes_get_view(a[0], &vo) < 0)
        return NULL;
    if (bytes_get_view(a[1], &vn) < 0) {
        AdBuffer_Release(&vo);
        return NULL;
    }
    if (count < 0)
        count = (Ad_ssize_t)(SIZE_MAX >> 1);
    const char *s = bytes_data(self);
    Ad_ssize_t n = AD_SIZE(self), ol = vo.len, nl = vn.len;
    const char *od = vo.buf, *ndat = vn.buf;
    AdObject *r = NULL;
    Ad_ssize_t hits = str_count_in(1, s, 0, n, 1, od, ol, count);
    if (hits < 0) {
        AdErr_NoMemory();
        goto done;
    }
    if (hits == 0 || (ol == nl && ol > 0 && memcmp(od, ndat, (size_t)ol) == 0)) {
        r = same_or_copy(self);
        goto done;
    }
    Ad_ssize_t diff = nl - ol;
    if (diff > 0 && hits > ((Ad_ssize_t)(SIZE_MAX >> 2) - n) / diff) {
        AdErr_SetString(AdExc_OverflowError, "replace bytes is too long");
        goto done;
    }
    Ad_ssize_t rl = n + hits * diff;
    r = bytes_new_like(self, NULL, rl);
    if (!r)
        goto done;
    char *d = bytes_data(r);
    if (ol == 0) {
        /* insert new before every byte and at the end, hits times */
        Ad_ssize_t i = 0, k = 0;
        for (; k < hits; k++) {
            memcpy(d, ndat, (size_t)nl);
            d += nl;
            if (i < n)
                *d++ = s[i++];
        }
        memcpy(d, s + i, (size_t)(n - i));
    } else {
        Ad_ssize_t i = 0;
        for (Ad_ssize_t k = 0; k < hits; k++) {
            Ad_ssize_t j = str_search(1, s, i, n, 1, od, ol, 1);
            memcpy(d, s + i, (size_t)(j - i));
            d += j - i;
            memcpy(d, ndat, (size_t)nl);
            d += nl;
            i = j + ol;
        }
        memcpy(d, s + i, (size_t)(n - i));
    }
done:
    AdBuffer_Release(&vo);
    AdBuffer_Release(&vn);
    return r;
}

/* ---- join -------------------------------------------------------------------------- */

static AdObject *m_join(AdObject *self, AdObject *iterable)
{
    AdObject *seq = AdSequence_List(iterable);
    if (!seq) {
        if (AdErr_ExceptionMatches(AdExc_TypeError) && !AdIter_Check(iterable) &&
            !AD_TYPE(iterable)->tp_iter && !(AD_TYPE(iterable)->tp_as_sequence &&
                                              AD_TYPE(iterable)->tp_as_sequence->sq_item)) {
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    Ad_ssize_t k = AdList_GET_SIZE(seq);
    AdBuffer *views = AdMem_Malloc(sizeof(AdBuffer) * (size_t)(k ? k : 1));
    AdObject *r = NULL;
    Ad_ssize_t got = 0;
    if (!views) {
        Ad_DECREF(seq);
        return AdErr_NoMemory();
    }
    Ad_ssize_t total = 0, sl = AD_SIZE(self);
    for (; got < k; got++) {
        AdObject *it = AdList_GET_ITEM(seq, got);
        if (!str_is_bytes_like(it)) {
            AdErr_Format(AdExc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found",
                         got, str_tname(it));
            goto done;
        }
        if (AdObject_GetBuffer(it, &views[got], AD_BUF_SIMPLE) < 0) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found",
                         got, str_tname(it));
            goto done;
        }
        total += views[got].len;
        if (got)
            total += sl;
        if (total < 0 || total > (Ad_ssize_t)(SIZE_MAX >> 2)) {
            got++;
            AdErr_SetString(AdExc_OverflowError, "join() result is too long");
            goto done;
        }
    }
    if (k == 1 && AdBytes_CheckExact(AdList_GET_ITEM(seq, 0)) && !AdByteArray_Check(self)) {
        r = Ad_NewRef(AdList_GET_ITEM(seq, 0));
        goto done;
    }
    r = bytes_new_like(self, NULL, total);
    if (!r)
        goto done;
    char *d = bytes_data(r);
    const char *sep = bytes_data(self);
    for (Ad_ssize_t i = 0; i < k; i++) {
        if (i) {
            memcpy(d, sep, (size_t)sl);
            d += sl;
        }
        memcpy(d, views[i].buf, (size_t)views[i].len);
        d += views[i].len;
    }
done:
    for (Ad_ssize_t i = 0; i < got; i++)
        AdBuffer_Release(&views[i]);
    AdMem_Free(views);
    Ad_DECREF(seq);
    return r;
}

/* ---- translate / maketrans ------------------------------------------------------------ */

static AdObject *m_translate(ARGSKW)
{
    static const char *const names[] = {"", "delete", NULL};
    AdObject *a[2];
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "translate() takes at least 1 positional argument (%zd given)", nargs);
    if (bytes_parse_args("translate", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    AdBuffer tv, dv;
    int have_table = 0, have_del = 0;
    AdObject *r = NULL;
    if (a[0] != Ad_None) {
        if (bytes_get_view(a[0], &tv) < 0)
            return NULL;
        have_table = 1;
        if (tv.len != 256) {
            AdErr_SetString(AdExc_ValueError, "translation table must be 256 characters long");
            goto done;
        }
    }
    if (a[1]) {
        if (bytes_get_view(a[1], &dv) < 0)
            goto done;
        have_del = 1;
    }
    unsigned char del[256];
    memset(del, 0, sizeof del);
    if (have_del)
        for (Ad_ssize_t i = 0; i < dv.len; i++)
            del[((unsigned char *)dv.buf)[i]] = 1;
    const unsigned char *s = (const unsigned char *)bytes_data(self);
    const unsigned char *t = have_table ? tv.buf : NULL;
    Ad_ssize_t n = AD_SIZE(self), m = 0;
    for (Ad_ssize_t i = 0; i < n; i++)
        if (!del[s[i]])
            m++;
    int changed = m != n;
    if (!changed && t)
        for (Ad_ssize_t i = 0; i < n && !changed; i++)
            changed = t[s[i]] != s[i];
    if (!changed) {
        r = same_or_copy(self);
        goto done;
    }
    r = bytes_new_like(self, NULL, m);
    if (!r)
        goto done;
    unsigned char *d = (unsigned char *)bytes_data(r);
    for (Ad_ssize_t i = 0; i < n; i++)
        if (!del[s[i]])
            *d++ = t ? t[s[i]] : s[i];
done:
    if (have_table)
        AdBuffer_Release(&tv);
    if (have_del)
        AdBuffer_Release(&dv);
    return r;
}

static AdObject *m_maketrans(AdObject *unused, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)unused;
    if (str_check_positional("maketrans", nargs, 2, 2) < 0)
        return NULL;
    AdBuffer f, t;
    if (bytes_get_view(args[0], &f) < 0)
        return NULL;
    if (bytes_get_view(args[1], &t) < 0) {
        AdBuffer_Release(&f);
        return NULL;
    }
    AdObject *r = NULL;
    if (f.len != t.len) {
        AdErr_SetString(AdExc_ValueError, "maketrans arguments must have same length");
    } else if ((r = AdBytes_FromStringAndSize(NULL, 256))) {
        unsigned char *d = (unsigned char *)AdBytes_AS_STRING(r);
        for (int i = 0; i < 256; i++)
            d[i] = (unsigned char)i;
        for (Ad_ssize_t i = 0; i < f.len; i++)
            d[((unsigned char *)f.buf)[i]] = ((unsigned char *)t.buf)[i];
    }
    AdBuffer_Release(&f);
    AdBuffer_Release(&t);
    return r;
}

/* ---- hex / fromhex ---------------------------------------------------------------------- */

AdObject *bytes_hex_impl(const char *data, Ad_ssize_t n, AdObject *sep, AdObject *per_sep)
{
    char sepc = 0;
    Ad_ssize_t group = 1;
    if (sep) {
        Ad_ssize_t sl = AdObject_Size(sep);
        if (sl < 0)
            return NULL;
        if (sl != 1) {
            AdErr_SetString(AdExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if (AdStr_Check(sep)) {
            if (AdStr_LENGTH(sep) != 1) {
                AdErr_SetString(AdExc_ValueError, "sep must be length 1.");
                return NULL;
            }
            uint32_t c = AdStr_READ_CHAR(sep, 0);
            if (c > 127) {
                AdErr_SetString(AdExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sepc = (char)c;
        } else if (AdBytes_Check(sep) || AdByteArray_Check(sep)) {
            if (AD_SIZE(sep) != 1) {
                AdErr_SetString(AdExc_ValueError, "sep must be length 1.");
                return NULL;
            }
            sepc = bytes_data(sep)[0];
            if ((unsigned char)sepc > 127) {
                AdErr_SetString(AdExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
        } else {
            AdErr_SetString(AdExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (per_sep) {
            if (!AdInt_Check(per_sep))
                return AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                    str_tname(per_sep));
            int64_t v;
            if (!AdInt_AsInt64Exact(per_sep, &v) || v > INT32_MAX || v < INT32_MIN) {
                AdErr_SetString(AdExc_OverflowError, AdInt_Sign(per_sep) > 0
                                ? "Python int too large to convert to C int"
                                : "Python int too large to convert to C int");
                return NULL;
            }
            group = (Ad_ssize_t)v;
        }
    } else if (per_sep) {
        if (!AdInt_Check(per_sep))
            return AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                str_tname(per_sep));
    }
    int from_left = group < 0;
    Ad_ssize_t g = group < 0 ? -group : group;
    Ad_ssize_t nseps = 0;
    if (sepc && g > 0 && n > 0)
        nseps = (n - 1) / g;
    else
        sepc = 0;
    Ad_ssize_t outlen = n * 2 + nseps;
    AdObject *r = AdStr_New(outlen, 0x7F);
    if (!r)
        return NULL;
    unsigned char *d = AdStr_DATA(r);
    static const char hexd[] = "0123456789abcdef";
    Ad_ssize_t o = 0;
    for (Ad_ssize_t i = 0; i < n; i++) {
        if (sepc && i > 0) {
            /* a separator between byte i-1 and i when a group boundary falls there */
            int boundary = from_left ? (i % g == 0) : ((n - i) % g == 0);
            if (boundary)
                d[o++] = (unsigned char)sepc;
        }
        unsigned char c = (unsigned char)data[i];
        d[o++] = (unsigned char)hexd[c >> 4];
        d[o++] = (unsigned char)hexd[c & 15];
    }
    d[o] = 0;
    return r;
}

static AdObject *m_hex(ARGSKW)
{
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    AdObject *a[2];
    if (bytes_parse_args("hex", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    return bytes_hex_impl(bytes_data(self), AD_SIZE(self), a[0], a[1]);
}

static int hexval(unsigned c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

/* cls.fromhex(string): exact bytes/bytearray, then cls(result) for subclasses. */
static AdObject *m_fromhex(AdObject *cls, AdObject *const *args, Ad_ssize_t nargs)
{
    if (nargs != 1)
        return AdErr_Format(AdExc_TypeError, "%s.fromhex() takes exactly one argument (%zd given)",
                            ((AdTypeObject *)cls)->tp_name, nargs);
    AdObject *arg = args[0];
    AdObject *r = NULL;
    AdBuffer view;
    int is_view = 0;
    const unsigned char *s;
    Ad_ssize_t n;
    int wide = 0;
    if (AdStr_Check(arg)) {
        n = AdStr_LENGTH(arg);
        wide = AdStr_KIND(arg) != 1;
        s = AdStr_DATA(arg);
    } else if (str_is_bytes_like(arg)) {
        if (AdObject_GetBuffer(arg, &view, AD_BUF_SIMPLE) < 0)
            return NULL;
        is_view = 1;
        s = view.buf;
        n = view.len;
    } else {
        return AdErr_Format(AdExc_TypeError, "fromhex() argument must be str or bytes-like, not %.100s",
                            str_tname(arg));
    }
    AdTypeObject *ct = (AdTypeObject *)cls;
    int ba = AdType_IsSubtype(ct, &AdByteArray_Type);
    char *buf = AdMem_Malloc((size_t)(n / 2 + 1));
    if (!buf) {
        AdErr_NoMemory();
        goto done;
    }
    Ad_ssize_t o = 0, i = 0;
    while (i < n) {
        uint32_t c = wide ? AdStr_READ_CHAR(arg, i) : s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            i++;
            continue;
        }
        int hi = c < 128 ? hexval(c) : -1;
        if (hi < 0) {
            AdErr_Format(AdExc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i);
            goto done;
        }
        uint32_t c2 = i + 1 < n ? (wide ? AdStr_READ_CHAR(arg, i + 1) : s[i + 1]) : 0;
        int lo = (i + 1 < n && c2 < 128) ? hexval(c2) : -1;
        if (lo < 0) {
            if (i + 1 >= n)
                AdErr_Format(AdExc_ValueError, "fromhex() arg must contain an even number of hexadecimal digits");
            else
                AdErr_Format(AdExc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i + 1);
            goto done;
        }
        buf[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    if (ba) {
        r = bytearray_new_empty(o);
        if (r && o)
            memcpy(AdByteArray_AS_STRING(r), buf, (size_t)o);
    } else
        r = AdBytes_FromStringAndSize(buf, o);
    if (r && ct != &AdBytes_Type && ct != &AdByteArray_Type)
        AD_SETREF(r, AdObject_CallOneArg(cls, r));
done:
    AdMem_Free(buf);
    if (is_view)
        AdBuffer_Release(&view);
    return r;
}

/* ---- decode ------------------------------------------------------------------------------ */

static AdObject *m_decode(ARGSKW)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    AdObject *a[2];
    if (bytes_parse_args("decode", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    const char *enc = "utf-8", *err = NULL;    /* NULL: the codec's default */
    for (int i = 0; i < 2; i++) {
        if (!a[i])
            continue;
        if (!AdStr_Check(a[i]))
            return AdErr_Format(AdExc_TypeError, "decode() argument '%s' must be str, not %.100s",
                                names[i], str_tname(a[i]));
        Ad_ssize_t sz;
        const char *c = AdStr_AsUTF8AndSize(a[i], &sz);
        if (!c)
            return NULL;
        if ((Ad_ssize_t)strlen(c) != sz) {
            AdErr_SetString(AdExc_ValueError, "embedded null character");
            return NULL;
        }
        if (i == 0) enc = c; else err = c;
    }
    return str_decode(bytes_data(self), AD_SIZE(self), enc, err);
}

/* ---- the table ------------------------------------------------------------------------------ */

#define M_NOARGS(name, fn, doc) {name, (void (*)(void))fn, AD_METH_NOARGS, doc}
#define M_O(name, fn, doc) {name, (void (*)(void))fn, AD_METH_O, doc}
#define M_FAST(name, fn, doc) {name, (void (*)(void))fn, AD_METH_FASTCALL, doc}
#define M_KW(name, fn, doc) {name, (void (*)(void))fn, AD_METH_FASTCALL | AD_METH_KEYWORDS, doc}

#define COMMON_METHODS \
    M_NOARGS("capitalize", m_capitalize, "B.capitalize() -> copy of B\n\nReturn a copy of B with only its first character capitalized (ASCII)\nand the rest lower-cased."), \
    M_FAST("center", m_center, "Return a centered string of length width.\n\nPadding is done using the specified fill character."), \
    M_FAST("count", m_count, "Return the number of non-overlapping occurrences of subsection 'sub' in bytes B[start:end]."), \
    M_KW("decode", m_decode, "Decode the bytes using the codec registered for encoding."), \
    M_FAST("endswith", m_endswith, "Return True if the bytes ends with the specified suffix, False otherwise."), \
    M_KW("expandtabs", m_expandtabs, "Return a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed."), \
    M_FAST("find", m_find, "Return the lowest index in B where subsection 'sub' is found, such that 'sub' is contained within B[start,end]."), \
    {"fromhex", (void (*)(void))m_fromhex, AD_METH_FASTCALL | AD_METH_CLASS, \
     "Create a bytes object from a string of hexadecimal numbers.\n\nSpaces between two numbers are accepted.\nExample: bytes.fromhex('B9 01EF') -> b'\\\\xb9\\\\x01\\\\xef'."}, \
    M_KW("hex", m_hex, "Create a string of hexadecimal numbers from a bytes object."), \
    M_FAST("index", m_index, "Return the lowest index in B where subsection 'sub' is found, such that 'sub' is contained within B[start,end].\n\nRaise ValueError if the subsection is not found."), \
    M_NOARGS("isalnum", m_isalnum, "B.isalnum() -> bool\n\nReturn True if all characters in B are alphanumeric\nand there is at least one character in B, False otherwise."), \
    M_NOARGS("isalpha", m_isalpha, "B.isalpha() -> bool\n\nReturn True if all characters in B are alphabetic\nand there is at least one character in B, False otherwise."), \
    M_NOARGS("isascii", m_isascii, "B.isascii() -> bool\n\nReturn True if B is empty or all characters in B are ASCII,\nFalse otherwise."), \
    M_NOARGS("isdigit", m_isdigit, "B.isdigit() -> bool\n\nReturn True if all characters in B are digits\nand there is at least one character in B, False otherwise."), \
    M_NOARGS("islower", m_islower, "B.islower() -> bool\n\nReturn True if all cased characters in B are lowercase and there is\nat least one cased character in B, False otherwise."), \
    M_NOARGS("isspace", m_isspace, "B.isspace() -> bool\n\nReturn True if all characters in B are whitespace\nand there is at least one character in B, False otherwise."), \
    M_NOARGS("istitle", m_istitle, "B.istitle() -> bool\n\nReturn True if B is a titlecased string and there is at least one\ncharacter in B, i.e. uppercase characters may only follow uncased\ncharacters and lowercase characters only cased ones. Return False\notherwise."), \
    M_NOARGS("isupper", m_isupper, "B.isupper() -> bool\n\nReturn True if all cased characters in B are uppercase and there is\nat least one cased character in B, False otherwise."), \
    M_O("join", m_join, "Concatenate any number of bytes objects."), \
    M_FAST("ljust", m_ljust, "Return a left-justified string of length width.\n\nPadding is done using the specified fill character."), \
    M_NOARGS("lower", m_lower, "B.lower() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to lowercase."), \
    M_FAST("lstrip", m_lstrip, "Strip leading bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading  ASCII whitespace."), \
    {"maketrans", (void (*)(void))m_maketrans, AD_METH_FASTCALL | AD_METH_STATIC, \
     "Return a translation table usable for the bytes or bytearray translate method."}, \
    M_O("partition", m_partition, "Partition the bytes into three parts using the given separator."), \
    M_O("removeprefix", m_removeprefix, "Return a bytes object with the given prefix string removed if present."), \
    M_O("removesuffix", m_removesuffix, "Return a bytes object with the given suffix string removed if present."), \
    M_FAST("replace", m_replace, "Return a copy with all occurrences of substring old replaced by new."), \
    M_FAST("rfind", m_rfind, "Return the highest index in B where subsection 'sub' is found, such that 'sub' is contained within B[start,end]."), \
    M_FAST("rindex", m_rindex, "Return the highest index in B where subsection 'sub' is found, such that 'sub' is contained within B[start,end].\n\nRaise ValueError if the subsection is not found."), \
    M_FAST("rjust", m_rjust, "Return a right-justified string of length width.\n\nPadding is done using the specified fill character."), \
    M_O("rpartition", m_rpartition, "Partition the bytes into three parts using the given separator."), \
    M_KW("rsplit", m_rsplit, "Return a list of the sections in the bytes, using sep as the delimiter."), \
    M_FAST("rstrip", m_rstrip, "Strip trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip trailing ASCII whitespace."), \
    M_KW("split", m_split, "Return a list of the sections in the bytes, using sep as the delimiter."), \
    M_KW("splitlines", m_splitlines, "Return a list of the lines in the bytes, breaking at line boundaries."), \
    M_FAST("startswith", m_startswith, "Return True if the bytes starts with the specified prefix, False otherwise."), \
    M_FAST("strip", m_strip, "Strip leading and trailing bytes contained in the argument.\n\nIf the argument is omitted or None, strip leading and trailing ASCII whitespace."), \
    M_NOARGS("swapcase", m_swapcase, "B.swapcase() -> copy of B\n\nReturn a copy of B with uppercase ASCII characters converted\nto lowercase ASCII and vice versa."), \
    M_NOARGS("title", m_title, "B.title() -> copy of B\n\nReturn a titlecased version of B, i.e. ASCII words start with uppercase\ncharacters, all remaining cased characters have lowercase."), \
    M_KW("translate", m_translate, "Return a copy with each character mapped by the given translation table."), \
    M_NOARGS("upper", m_upper, "B.upper() -> copy of B\n\nReturn a copy of B with all ASCII characters converted to uppercase."), \
    M_O("zfill", m_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe original string is never truncated."),

AdMethodDef ad_bytes_methods[] = {
    COMMON_METHODS
    {"__bytes__", (void (*)(void))bytes_dunder_bytes, AD_METH_NOARGS, "Convert this value to exact type bytes."},
    {"__buffer__", (void (*)(void))bytes_dunder_buffer, AD_METH_FASTCALL,
     "Return a buffer object that exposes the underlying memory of the object."},
    {"__getnewargs__", (void (*)(void))bytes_getnewargs, AD_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

AdMethodDef ad_bytearray_methods[] = {
    COMMON_METHODS
    BYTEARRAY_METHODS
    {NULL, NULL, 0, NULL},
};

#endif /* STR_KERNEL_READY */
