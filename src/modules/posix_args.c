/* posix_args.c: argument conversion for the posix module: path arguments
 * (str encoded with the filesystem encoding, bytes, os.PathLike, and fds
 * where allowed) with CPython's messages, os.fspath, keyword parsing,
 * integer and fd converters, and OSError raising with filenames. */
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
    if (nargs > npos) {
        if (npos == 0)
            AdErr_Format(AdExc_TypeError, "%s() takes no positional arguments", fname);
        else if (npos == nreq)
            AdErr_Format(AdExc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", fname,
                         n == npos ? "exactly" : "at most", npos, npos == 1 ? "" : "s", nargs);
        else
            AdErr_Format(AdExc_TypeError, "%s() takes at most %d positional argument%s (%zd given)", fname,
                         npos, npos == 1 ? "" : "s", nargs);
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
