/* socket_addr.c: address conversion for `_socket`: host names to
 * addresses (numeric forms first, then the resolver), Python address
 * objects to struct sockaddr for AF_INET, AF_INET6 and AF_UNIX with
 * CPython's error texts, and back; gaierror and timeout arguments. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stddef.h>
#include <string.h>
#include <sys/un.h>
#include "objects/objects.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/gil.h"
#include "modules/posix_internal.h"
#include "modules/socket_internal.h"

double socket_default_timeout = -1;
AdObject *socket_herror;
AdObject *socket_gaierror;

AdObject *socket_set_gaierror(int code)
{
    if (code == EAI_SYSTEM)
        return AdErr_SetFromErrno(AdExc_OSError);
    return socket_raise_pair(socket_gaierror, code, gai_strerror(code));
}

AdObject *socket_raise_pair(AdObject *type, int code, const char *msg)
{
    AdObject *v = AdTuple_New(2);
    if (!v)
        return NULL;
    AdObject *c = AdInt_FromInt64(code), *m = AdStr_FromString(msg);
    if (!c || !m) {
        Ad_XDECREF(c);
        Ad_XDECREF(m);
        Ad_DECREF(v);
        return NULL;
    }
    AdTuple_SET_ITEM(v, 0, c);
    AdTuple_SET_ITEM(v, 1, m);
    AdObject *exc = AdObject_Call(type, v, NULL);
    Ad_DECREF(v);
    if (exc)
        AdErr_SetRaisedException(exc);
    return NULL;
}

int socket_timeout_arg(AdObject *o, double *out)
{
    if (!o || o == Ad_None) {
        *out = -1;
        return 0;
    }
    double d;
    if (AdFloat_Check(o)) {
        d = AdFloat_AsDouble(o);
        if (isnan(d)) {
            AdErr_SetString(AdExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        /* the value must fit in a signed 64-bit count of nanoseconds */
        if (!(d * 1e9 >= -9223372036854775808.0 && d * 1e9 < 9223372036854775808.0)) {
            AdErr_SetString(AdExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
    } else {
        AdObject *i = AdNumber_Index(o);
        if (!i)
            return -1;
        int64_t v = AdInt_AsInt64(i);
        Ad_DECREF(i);
        if (v == -1 && AdErr_Occurred()) {
            if (!AdErr_ExceptionMatches(AdExc_OverflowError))
                return -1;
            AdErr_Clear();
            v = INT64_MAX;
        }
        if (v > INT64_MAX / 1000000000 || v < INT64_MIN / 1000000000) {
            AdErr_SetString(AdExc_OverflowError, "timestamp too large to convert to C PyTime_t");
            return -1;
        }
        d = (double)v;
    }
    if (d < 0) {
        AdErr_SetString(AdExc_ValueError, "Timeout value out of range");
        return -1;
    }
    *out = d;
    return 0;
}

/* The text of a host argument in *buf (NUL-terminated, at most size-1). */
static int host_text(AdObject *name, char *buf, size_t size)
{
    const char *s;
    Ad_ssize_t n;
    if (AdStr_Check(name)) {
        /* ASCII as it is; other names through the idna codec, as CPython */
        AdObject *enc = AdStr_EncodeASCII(name, "strict");
        if (!enc && AdErr_ExceptionMatches(AdExc_UnicodeError)) {
            AdErr_Clear();
            enc = AdStr_AsEncodedString(name, "idna", NULL);
            if (!enc && AdErr_ExceptionMatches(AdExc_LookupError)) {
                /* no idna codec (it needs unicodedata): UTF-8 bytes */
                AdErr_Clear();
                enc = AdStr_EncodeUTF8(name, "strict");
            }
        }
        if (!enc)
            return -1;
        int r = host_text(enc, buf, size);
        Ad_DECREF(enc);
        return r;
    } else if (AdBytes_Check(name) || AdByteArray_Check(name)) {
        AdBuffer view;
        if (AdObject_GetBuffer(name, &view, AD_BUF_SIMPLE) < 0)
            return -1;
        n = view.len;
        if ((size_t)n >= size) {
            AdBuffer_Release(&view);
            AdErr_SetString(AdExc_ValueError, "host name too long");
            return -1;
        }
        memcpy(buf, view.buf, (size_t)n);
        buf[n] = 0;
        AdBuffer_Release(&view);
        if (strlen(buf) != (size_t)n) {
            AdErr_SetString(AdExc_TypeError, "host name must not contain null character");
            return -1;
        }
        return 0;
    } else {
        AdErr_Format(AdExc_TypeError, "str, bytes or bytearray expected, not %T", name);
        return -1;
    }
    if ((size_t)n >= size) {
        AdErr_SetString(AdExc_ValueError, "host name too long");
        return -1;
    }
    if (strlen(s) != (size_t)n) {
        AdErr_SetString(AdExc_TypeError, "host name must not contain null character");
        return -1;
    }
    memcpy(buf, s, (size_t)n + 1);
    return 0;
}

int socket_resolve(AdObject *name, struct sockaddr_storage *addr, int af)
{
    char host[1025];
    if (host_text(name, host, sizeof host) < 0)
        return -1;
    memset(addr, 0, sizeof *addr);
    struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)addr;
    if (!host[0]) {
        if (af == AF_INET6) {
            a6->sin6_family = AF_INET6;
            a6->sin6_addr = in6addr_any;
        } else {
            a4->sin_family = AF_INET;
            a4->sin_addr.s_addr = htonl(INADDR_ANY);
        }
        return 0;
    }
    if (!strcmp(host, "<broadcast>") || !strcmp(host, "255.255.255.255")) {
        if (af != AF_INET && af != AF_UNSPEC) {
            AdErr_SetString(AdExc_OSError, "address family mismatched");
            return -1;
        }
        a4->sin_family = AF_INET;
        a4->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        return 0;
    }
    if ((af == AF_INET || af == AF_UNSPEC) && inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        return 0;
    }
    if ((af == AF_INET6 || af == AF_UNSPEC) && !strchr(host, '%') && inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        return 0;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = af;
    int err;
    Ad_BEGIN_ALLOW_THREADS
    err = getaddrinfo(host, NULL, &hints, &res);
    Ad_END_ALLOW_THREADS
    if (err) {
        socket_set_gaierror(err);
        return -1;
    }
    size_t n = res->ai_addrlen < sizeof *addr ? res->ai_addrlen : sizeof *addr;
    memcpy(addr, res->ai_addr, n);
    freeaddrinfo(res);
    return 0;
}

static int port_arg(AdObject *o, const char *op, unsigned short *out)
{
    AdObject *i = AdNumber_Index(o);
    if (!i)
        return -1;
    int over = 0;
    int64_t v = AdInt_AsInt64(i);
    Ad_DECREF(i);
    if (v == -1 && AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_OverflowError))
            return -1;
        AdErr_Clear();
        over = 1;
    }
    if (over || v < 0 || v > 65535) {
        AdErr_Format(AdExc_OverflowError, "%s(): port must be 0-65535.", op);
        return -1;
    }
    *out = (unsigned short)v;
    return 0;
}

static int u32_arg(AdObject *o, uint32_t *out, uint32_t max, const char *op, const char *what)
{
    AdObject *i = AdNumber_Index(o);
    if (!i)
        return -1;
    int64_t v = AdInt_AsInt64(i);
    Ad_DECREF(i);
    if (v == -1 && AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_OverflowError))
            return -1;
        AdErr_Clear();
        v = -1;
    }
    if (v < 0 || (uint64_t)v > max) {
        if (max == 1048575)
            AdErr_Format(AdExc_OverflowError, "%s(): %s must be 0-1048575.", op, what);
        else
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

static int has_fspath(AdObject *o)
{
    AdObject *n = AdStr_FromString("__fspath__");
    if (!n)
        return 0;
    AdObject *m = AdObject_LookupSpecial(o, n);
    Ad_DECREF(n);
    if (!m) {
        AdErr_Clear();
        return 0;
    }
    Ad_DECREF(m);
    return 1;
}

int socket_parse_addr(SockObject *s, AdObject *o, struct sockaddr_storage *addr, socklen_t *len, const char *op)
{
    memset(addr, 0, sizeof *addr);
    switch (s->family) {
    case AF_UNIX: {
        struct sockaddr_un *un = (struct sockaddr_un *)addr;
        AdObject *b = NULL;
        AdBuffer view;
        const char *p;
        Ad_ssize_t n;
        if (AdStr_Check(o) || (!AD_TYPE(o)->tp_as_buffer && has_fspath(o))) {
            b = posix_fsencode(o);
            if (!b)
                return -1;
            p = AdBytes_AS_STRING(b);
            n = AdBytes_GET_SIZE(b);
        } else {
            if (AdObject_GetBuffer(o, &view, AD_BUF_SIMPLE) < 0)
                return -1;
            p = view.buf;
            n = view.len;
        }
        int ok = (size_t)n < sizeof un->sun_path || (n > 0 && p[0] == 0 && (size_t)n <= sizeof un->sun_path);
        if (ok)
            memcpy(un->sun_path, p, (size_t)n);
        if (b)
            Ad_DECREF(b);
        else
            AdBuffer_Release(&view);
        if (!ok) {
            AdErr_SetString(AdExc_OSError, "AF_UNIX path too long");
            return -1;
        }
        un->sun_family = AF_UNIX;
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)n);
        return 0;
    }
    case AF_INET: {
        if (!AdTuple_Check(o)) {
            AdErr_Format(AdExc_TypeError, "%s(): AF_INET address must be tuple, not %T", op, o);
            return -1;
        }
        if (AdTuple_GET_SIZE(o) != 2) {
            AdErr_SetString(AdExc_TypeError, "AF_INET address must be a pair (host, port)");
            return -1;
        }
        if (socket_resolve(AdTuple_GET_ITEM(o, 0), addr, AF_INET) < 0)
            return -1;
        unsigned short port;
        if (port_arg(AdTuple_GET_ITEM(o, 1), op, &port) < 0)
            return -1;
        struct sockaddr_in *a = (struct sockaddr_in *)addr;
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        *len = sizeof *a;
        return 0;
    }
    case AF_INET6: {
        if (!AdTuple_Check(o)) {
            AdErr_Format(AdExc_TypeError, "%s(): AF_INET6 address must be tuple, not %T", op, o);
            return -1;
        }
        Ad_ssize_t n = AdTuple_GET_SIZE(o);
        if (n < 2 || n > 4) {
            AdErr_SetString(AdExc_TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            return -1;
        }
        if (socket_resolve(AdTuple_GET_ITEM(o, 0), addr, AF_INET6) < 0)
            return -1;
        unsigned short port;
        uint32_t flow = 0, scope = 0;
        if (port_arg(AdTuple_GET_ITEM(o, 1), op, &port) < 0)
            return -1;
        if (n > 2 && u32_arg(AdTuple_GET_ITEM(o, 2), &flow, 1048575, op, "flowinfo") < 0)
            return -1;
        if (n > 3 && u32_arg(AdTuple_GET_ITEM(o, 3), &scope, UINT32_MAX, op, "scope_id") < 0)
            return -1;
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)addr;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        a->sin6_flowinfo = htonl(flow);
        a->sin6_scope_id = scope;
        *len = sizeof *a;
        return 0;
    }
    default:
        AdErr_Format(AdExc_OSError, "%s(): bad family", op);
        return -1;
    }
}

AdObject *socket_make_ipaddr(const struct sockaddr *sa)
{
    char buf[INET6_ADDRSTRLEN];
    const void *src = sa->sa_family == AF_INET ? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
                                               : (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;
    if (!inet_ntop(sa->sa_family, src, buf, sizeof buf))
        return AdErr_SetFromErrno(AdExc_OSError);
    return AdStr_FromString(buf);
}

AdObject *socket_make_addr(const struct sockaddr *sa, socklen_t len)
{
    if (len == 0)
        Ad_RETURN_NONE;
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
        AdObject *h = socket_make_ipaddr(sa);
        if (!h)
            return NULL;
        AdObject *p = AdInt_FromInt64(ntohs(a->sin_port));
        AdObject *r = p ? AdTuple_Pack(2, h, p) : NULL;
        Ad_DECREF(h);
        Ad_XDECREF(p);
        return r;
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        AdObject *h = socket_make_ipaddr(sa);
        if (!h)
            return NULL;
        AdObject *p = AdInt_FromInt64(ntohs(a->sin6_port));
        AdObject *f = AdInt_FromInt64(ntohl(a->sin6_flowinfo));
        AdObject *sc = AdInt_FromInt64(a->sin6_scope_id);
        AdObject *r = p && f && sc ? AdTuple_Pack(4, h, p, f, sc) : NULL;
        Ad_DECREF(h);
        Ad_XDECREF(p);
        Ad_XDECREF(f);
        Ad_XDECREF(sc);
        return r;
    }
    case AF_UNIX: {
        const struct sockaddr_un *a = (const struct sockaddr_un *)sa;
        size_t n = len - offsetof(struct sockaddr_un, sun_path);
        if ((size_t)len <= offsetof(struct sockaddr_un, sun_path))
            n = 0;
        if (n > 0 && a->sun_path[0] == 0)
            return AdBytes_FromStringAndSize(a->sun_path, (Ad_ssize_t)n);
        n = strnlen(a->sun_path, n);
        return AdStr_Decode(a->sun_path, (Ad_ssize_t)n, "utf-8", "surrogateescape");
    }
    default: {
        AdObject *d = AdBytes_FromStringAndSize(sa->sa_data, (Ad_ssize_t)sizeof sa->sa_data);
        AdObject *f = AdInt_FromInt64(sa->sa_family);
        AdObject *r = d && f ? AdTuple_Pack(2, f, d) : NULL;
        Ad_XDECREF(d);
        Ad_XDECREF(f);
        return r;
    }
    }
}
