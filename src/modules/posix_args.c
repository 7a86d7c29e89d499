/* posix_args.c: argument conversion for the posix module: path arguments
 * (str encoded with the filesystem encoding, bytes, os.PathLike, and fds
 * where allowed) with CPython's messages, os.fspath, keyword parsing,
 * integer and fd converters, OSError raising with filenames, and the
 * posixpath accelerators _path_normpath and _path_splitroot_ex. */
#include <stdlib.h>
#include <string.h>
#include "modules/posix.h"
#include "modules/posix_internal.h"

AdObject *AdOS_FSPath(AdObject *o)
{
    if (AdStr_Check(o) || AdBytes_Check(o))
        return Ad_NewRef(o);
    static AdObject *name;
    if (!AdStr_InternStatic(&name, "__fspath__"))
        return NULL;
    AdObject *meth = AdObject_LookupSpecial(o, name);
    if (!meth) {
        if (!AdErr_Occurred())
            AdErr_Format(AdExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                         AdType_Name(AD_TYPE(o)));
        return NULL;
    }
    AdObject *r = AdObject_CallNoArgs(meth);
    Ad_DECREF(meth);
    if (r && !AdStr_Check(r) && !AdBytes_Check(r)) {
        AdErr_Format(AdExc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     AdType_Name(AD_TYPE(o)), AdType_Name(AD_TYPE(r)));
        Ad_DECREF(r);
        return NULL;
    }
    return r;
}

static int path_type_error(AdObject *o, posix_path *p)
{
    const char *allowed = p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
                        : p->allow_fd ? "string, bytes, os.PathLike or integer"
                        : p->nullable ? "string, bytes, os.PathLike or None"
                        : "string, bytes or os.PathLike";
    AdErr_Format(AdExc_TypeError, "%s: %s should be %s, not %.200s", p->function, p->argname,
                 allowed, AdType_Name(AD_TYPE(o)));
    return -1;
}

int posix_path_convert(AdObject *o, posix_path *p)
{
    p->narrow = NULL;
    p->fd = -1;
    p->is_bytes = 0;
    p->object = NULL;
    p->cleanup = NULL;
    if (!o || o == Ad_None) {
        if (!p->nullable)
            return path_type_error(o ? o : Ad_None, p);
        p->object = Ad_NewRef(Ad_None);
        return 0;
    }
    p->object = Ad_NewRef(o);
    if (p->allow_fd && AdInt_Check(o)) {
        int fd;
        if (posix_int(o, &fd) < 0)
            return -1;
        p->fd = fd;
        return 0;
    }
    AdObject *v;
    if (AdStr_Check(o) || AdBytes_Check(o)) {
        v = Ad_NewRef(o);
    } else {
        static AdObject *name;
        if (!AdStr_InternStatic(&name, "__fspath__"))
            return -1;
        AdObject *meth = AdObject_LookupSpecial(o, name);
        if (!meth) {
            if (AdErr_Occurred())
                return -1;
            return path_type_error(o, p);
        }
        v = AdObject_CallNoArgs(meth);
        Ad_DECREF(meth);
        if (!v)
            return -1;
        if (!AdStr_Check(v) && !AdBytes_Check(v)) {
            AdErr_Format(AdExc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                         AdType_Name(AD_TYPE(o)), AdType_Name(AD_TYPE(v)));
            Ad_DECREF(v);
            return -1;
        }
    }
    AdObject *b;
    if (AdStr_Check(v)) {
        b = AdStr_AsEncodedString(v, "utf-8", "surrogateescape");
        Ad_DECREF(v);
        if (!b)
            return -1;
    } else {
        p->is_bytes = 1;
        b = AdBytes_FromStringAndSize(AdBytes_AS_STRING(v), AdBytes_GET_SIZE(v));
        Ad_DECREF(v);
        if (!b)
            return -1;
    }
    if ((Ad_ssize_t)strlen(AdBytes_AS_STRING(b)) != AdBytes_GET_SIZE(b)) {
        Ad_DECREF(b);
        AdErr_Format(AdExc_ValueError, "%s: embedded null character in %s", p->function, p->argname);
        return -1;
    }
    p->cleanup = b;
    p->narrow = AdBytes_AS_STRING(b);
    return 0;
}

void posix_path_clear(posix_path *p)
{
    Ad_XDECREF(p->object);
    Ad_XDECREF(p->cleanup);
    p->object = p->cleanup = NULL;
    p->narrow = NULL;
}

int posix_parse(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                const char *const *names, int n, int npos, int nreq, AdObject **out)
{
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    Ad_ssize_t given = nargs + (kwnames ? AdTuple_GET_SIZE(kwnames) : 0);
    if (given > n) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname, n, n == 1 ? "" : "s",
                     given);
        return -1;
    }
    if (nargs > npos) {
        if (npos == 0)
            AdErr_Format(AdExc_TypeError, "%s() takes no positional arguments", fname);
        else
            AdErr_Format(AdExc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", fname,
                         nreq >= npos ? "exactly" : "at most", npos, npos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (Ad_ssize_t i = 0; i < nargs; i++)
        out[i] = args[i];
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t k = 0; k < nkw; k++) {
        const char *kn = AdStr_AsUTF8(AdTuple_GET_ITEM(kwnames, k));
        if (!kn)
            return -1;
        int found = -1;
        for (int i = 0; i < n; i++)
            if (!strcmp(names[i], kn)) {
                found = i;
                break;
            }
        if (found < 0) {
            AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn);
            return -1;
        }
        if (out[found]) {
            AdErr_Format(AdExc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                         fname, kn, found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nreq; i++)
        if (!out[i]) {
            AdErr_Format(AdExc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return -1;
        }
    return 0;
}

int posix_long(AdObject *o, long long *out)
{
    if (AdFloat_Check(o)) {
        AdErr_Format(AdExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     AdType_Name(AD_TYPE(o)));
        return -1;
    }
    AdObject *i = AdNumber_Index(o);
    if (!i)
        return -1;
    int64_t v = AdInt_AsInt64(i);
    Ad_DECREF(i);
    if (v == -1 && AdErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

int posix_int(AdObject *o, int *out)
{
    long long v;
    if (posix_long(o, &v) < 0)
        return -1;
    if (v > INT32_MAX) {
        AdErr_SetString(AdExc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (v < INT32_MIN) {
        AdErr_SetString(AdExc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int posix_fd(AdObject *o, int *out)
{
    return posix_int(o, out);
}

int posix_dir_fd(AdObject *o, int *out)
{
    if (!o || o == Ad_None) {
        *out = AT_FDCWD;
        return 0;
    }
    if (!AdIndex_Check(o)) {
        AdErr_Format(AdExc_TypeError, "argument should be integer or None, not %.200s", AdType_Name(AD_TYPE(o)));
        return -1;
    }
    return posix_int(o, out);
}

int posix_bool(AdObject *o, int dflt)
{
    return o ? AdObject_IsTrue(o) : dflt;
}

AdObject *posix_error(void)
{
    return AdErr_SetFromErrno(AdExc_OSError);
}

AdObject *posix_error_path(posix_path *p)
{
    return AdErr_SetFromErrnoWithFilenameObjects(AdExc_OSError, p->object, NULL);
}

AdObject *posix_error_path2(posix_path *a, posix_path *b)
{
    return AdErr_SetFromErrnoWithFilenameObjects(AdExc_OSError, a->object, b->object);
}

AdObject *posix_decode(const char *s, Ad_ssize_t n, int as_bytes)
{
    if (as_bytes)
        return AdBytes_FromStringAndSize(s, n);
    return AdStr_Decode(s, n, "utf-8", "surrogateescape");
}

AdObject *posix_fsencode(AdObject *o)
{
    AdObject *v = AdOS_FSPath(o);
    if (!v)
        return NULL;
    AdObject *b;
    if (AdStr_Check(v))
        b = AdStr_AsEncodedString(v, "utf-8", "surrogateescape");
    else
        b = AdBytes_FromStringAndSize(AdBytes_AS_STRING(v), AdBytes_GET_SIZE(v));
    Ad_DECREF(v);
    if (b && (Ad_ssize_t)strlen(AdBytes_AS_STRING(b)) != AdBytes_GET_SIZE(b)) {
        Ad_DECREF(b);
        AdErr_SetString(AdExc_ValueError, "embedded null byte");
        return NULL;
    }
    return b;
}

/* ---- posixpath helpers: _path_normpath and _path_splitroot_ex ---------- */

/* path (str, bytes or os.PathLike) as bytes to work on: str is encoded with
 * surrogatepass, which keeps '/' and '.' single bytes. Embedded NULs are
 * allowed. *is_str says how to give results back. New ref or NULL. */
static AdObject *pathlib_bytes(const char *fname, AdObject *o, int *is_str)
{
    AdObject *v;
    if (AdStr_Check(o) || AdBytes_Check(o)) {
        v = Ad_NewRef(o);
    } else {
        static AdObject *name;
        if (!name && !(name = AdStr_InternFromString("__fspath__")))
            return NULL;
        AdObject *meth = AdObject_LookupSpecial(o, name);
        if (!meth) {
            if (!AdErr_Occurred())
                AdErr_Format(AdExc_TypeError, "%s: path should be string, bytes or os.PathLike, not %.200s", fname,
                             AdType_Name(AD_TYPE(o)));
            return NULL;
        }
        Ad_DECREF(meth);
        if (!(v = AdOS_FSPath(o)))
            return NULL;
    }
    *is_str = AdStr_Check(v);
    if (!*is_str)
        return v;
    AdObject *b = AdStr_AsEncodedString(v, "utf-8", "surrogatepass");
    Ad_DECREF(v);
    return b;
}

static AdObject *pathlib_result(const char *s, Ad_ssize_t n, int is_str)
{
    return is_str ? AdStr_Decode(s, n, "utf-8", "surrogatepass") : AdBytes_FromStringAndSize(s, n);
}

static AdObject *os__path_normpath(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path"};
    AdObject *a[1];
    int is_str;
    if (posix_parse("_path_normpath", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    AdObject *b = pathlib_bytes("_path_normpath", a[0], &is_str);
    if (!b)
        return NULL;
    const char *s = AdBytes_AS_STRING(b);
    Ad_ssize_t n = AdBytes_GET_SIZE(b);
    char *out = malloc((size_t)n + 2);
    if (!out) {
        Ad_DECREF(b);
        return AdErr_NoMemory();
    }
    Ad_ssize_t i = 0, k = 0;
    while (i < n && s[i] == '/')
        i++;
    /* Exactly two leading slashes stay (POSIX leaves their meaning open). */
    Ad_ssize_t root = i == 0 ? 0 : i == 2 ? 2 : 1;
    for (; k < root; k++)
        out[k] = '/';
    Ad_ssize_t ncomp = 0, nparent = 0;   /* components kept; leading ".." among them */
    while (i < n) {
        Ad_ssize_t start = i;
        while (i < n && s[i] != '/')
            i++;
        Ad_ssize_t len = i - start;
        while (i < n && s[i] == '/')
            i++;
        if (len == 0 || (len == 1 && s[start] == '.'))
            continue;
        if (len == 2 && s[start] == '.' && s[start + 1] == '.') {
            if (ncomp > nparent) {
                /* drop the last component (and its separator) */
                while (k > root && out[k - 1] != '/')
                    k--;
                if (k > root)
                    k--;
                ncomp--;
                continue;
            }
            if (root)
                continue;
            nparent++;
        }
        if (ncomp > 0)
            out[k++] = '/';
        memcpy(out + k, s + start, (size_t)len);
        k += len;
        ncomp++;
    }
    if (k == 0)
        out[k++] = '.';
    AdObject *r = pathlib_result(out, k, is_str);
    free(out);
    Ad_DECREF(b);
    return r;
}

static AdObject *os__path_splitroot_ex(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"p"};
    AdObject *a[1];
    int is_str;
    if (posix_parse("_path_splitroot_ex", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    AdObject *b = pathlib_bytes("_path_splitroot_ex", a[0], &is_str);
    if (!b)
        return NULL;
    const char *s = AdBytes_AS_STRING(b);
    Ad_ssize_t n = AdBytes_GET_SIZE(b), root = 0;
    if (n > 0 && s[0] == '/')
        root = (n >= 2 && s[1] == '/' && !(n >= 3 && s[2] == '/')) ? 2 : 1;
    AdObject *d = pathlib_result(s, 0, is_str);
    AdObject *r = pathlib_result(s, root, is_str);
    AdObject *t = pathlib_result(s + root, n - root, is_str);
    AdObject *res = d && r && t ? AdTuple_Pack(3, d, r, t) : NULL;
    Ad_XDECREF(d);
    Ad_XDECREF(r);
    Ad_XDECREF(t);
    Ad_DECREF(b);
    return res;
}

static AdMethodDef path_methods[] = {
    {"_path_normpath", POSIX_FN(os__path_normpath), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Normalize path, eliminating double slashes, etc."},
    {"_path_splitroot_ex", POSIX_FN(os__path_splitroot_ex), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Split a pathname into drive, root and tail."},
    {NULL, NULL, 0, NULL},
};

int posix_add_pathfuncs(AdObject *m)
{
    return AdModule_AddFunctions(m, path_methods);
}
