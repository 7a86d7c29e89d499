/* socket_module.c: the `_socket` module: the resolver functions
 * (getaddrinfo, getnameinfo, gethostby*, getservby*, getprotobyname,
 * gethostname), address text conversions (inet_*), byte order (hton*,
 * ntoh*), the default timeout, socketpair, close/dup of descriptors,
 * CMSG_LEN/CMSG_SPACE, interface names, the exceptions (error, herror,
 * gaierror, timeout) and the module's init. The socket type itself is in
 * socket_type.c, address conversion in socket_addr.c. */
#include "runtime/lifecycle.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "import/builtin_modules.h"
#include "objects/objects.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/gil.h"
#include "modules/posix_internal.h"
#include "modules/socket_internal.h"

#define FN(f) ((void (*)(void))(f))

/* A C string argument that must be str (UTF-8 view, borrowed). */
static const char *str_arg(AdObject *o, const char *fname, int argn)
{
    if (!AdStr_Check(o)) {
        AdErr_Format(AdExc_TypeError, "%s() argument %d must be str, not %T", fname, argn, o);
        return NULL;
    }
    Ad_ssize_t n;
    const char *s = AdStr_AsUTF8AndSize(o, &n);
    if (s && strlen(s) != (size_t)n) {
        AdErr_SetString(AdExc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

static AdObject *set_herror(int code)
{
    return socket_raise_pair(socket_herror, code, hstrerror(code));
}

/* ---- host names ----------------------------------------------------------- */

static AdObject *sm_gethostname(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    char buf[1025];
    if (gethostname(buf, sizeof buf - 1) < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    buf[sizeof buf - 1] = 0;
    return AdStr_Decode(buf, (Ad_ssize_t)strlen(buf), "utf-8", "surrogateescape");
}

static AdObject *sm_sethostname(AdObject *m, AdObject *arg)
{
    (void)m;
    AdObject *b = posix_fsencode(arg);
    if (!b)
        return NULL;
    int r = sethostname(AdBytes_AS_STRING(b), (size_t)AdBytes_GET_SIZE(b));
    Ad_DECREF(b);
    if (r < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    Ad_RETURN_NONE;
}

static AdObject *sm_gethostbyname(AdObject *m, AdObject *arg)
{
    (void)m;
    struct sockaddr_storage addr;
    if (socket_resolve(arg, &addr, AF_INET) < 0)
        return NULL;
    return socket_make_ipaddr((struct sockaddr *)&addr);
}

/* (name, aliases, addresses) of a hostent; h NULL: herror. */
static AdObject *hostent_result(struct hostent *h, int herr)
{
    if (!h)
        return set_herror(herr);
    AdObject *aliases = AdList_New(0), *addrs = AdList_New(0), *name = NULL, *r = NULL;
    if (!aliases || !addrs)
        goto done;
    for (char **a = h->h_aliases; a && *a; a++) {
        AdObject *s = AdStr_FromString(*a);
        if (!s || AdList_Append(aliases, s) < 0) {
            Ad_XDECREF(s);
            goto done;
        }
        Ad_DECREF(s);
    }
    for (char **a = h->h_addr_list; a && *a; a++) {
        char buf[INET6_ADDRSTRLEN];
        if (!inet_ntop(h->h_addrtype, *a, buf, sizeof buf))
            continue;
        AdObject *s = AdStr_FromString(buf);
        if (!s || AdList_Append(addrs, s) < 0) {
            Ad_XDECREF(s);
            goto done;
        }
        Ad_DECREF(s);
    }
    name = AdStr_FromString(h->h_name ? h->h_name : "");
    if (name)
        r = AdTuple_Pack(3, name, aliases, addrs);
done:
    Ad_XDECREF(name);
    Ad_XDECREF(aliases);
    Ad_XDECREF(addrs);
    return r;
}

static AdObject *sm_gethostbyname_ex(AdObject *m, AdObject *arg)
{
    (void)m;
    struct sockaddr_storage addr;
    if (socket_resolve(arg, &addr, AF_INET) < 0)
        return NULL;
    char name[1025];
    if (AdStr_Check(arg)) {
        const char *s = AdStr_AsUTF8(arg);
        if (!s)
            return NULL;
        snprintf(name, sizeof name, "%s", s);
    } else {
        AdBuffer v;
        if (AdObject_GetBuffer(arg, &v, AD_BUF_SIMPLE) < 0)
            return NULL;
        snprintf(name, sizeof name, "%.*s", (int)(v.len < 1024 ? v.len : 1024), (char *)v.buf);
        AdBuffer_Release(&v);
    }
    struct hostent he, *h = NULL;
    char buf[16384];
    int herr = 0;
    Ad_BEGIN_ALLOW_THREADS
    gethostbyname_r(name, &he, buf, sizeof buf, &h, &herr);
    Ad_END_ALLOW_THREADS
    return hostent_result(h, herr);
}

static AdObject *sm_gethostbyaddr(AdObject *m, AdObject *arg)
{
    (void)m;
    struct sockaddr_storage addr;
    if (socket_resolve(arg, &addr, AF_UNSPEC) < 0)
        return NULL;
    const void *ap;
    socklen_t al;
    int af = addr.ss_family;
    if (af == AF_INET6) {
        ap = &((struct sockaddr_in6 *)&addr)->sin6_addr;
        al = sizeof(struct in6_addr);
    } else {
        ap = &((struct sockaddr_in *)&addr)->sin_addr;
        al = sizeof(struct in_addr);
    }
    struct hostent he, *h = NULL;
    char buf[16384];
    int herr = 0;
    Ad_BEGIN_ALLOW_THREADS
    gethostbyaddr_r(ap, al, af, &he, buf, sizeof buf, &h, &herr);
    Ad_END_ALLOW_THREADS
    return hostent_result(h, herr);
}

/* ---- services and protocols ---------------------------------------------------- */

static AdObject *sm_getservbyname(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("getservbyname", nargs, 1, 2) < 0)
        return NULL;
    const char *name = str_arg(args[0], "getservbyname", 1), *proto = NULL;
    if (!name || (nargs == 2 && !(proto = str_arg(args[1], "getservbyname", 2))))
        return NULL;
    struct servent se, *sp = NULL;
    char buf[4096];
    Ad_BEGIN_ALLOW_THREADS
    getservbyname_r(name, proto, &se, buf, sizeof buf, &sp);
    Ad_END_ALLOW_THREADS
    if (!sp) {
        AdErr_SetString(AdExc_OSError, "service/proto not found");
        return NULL;
    }
    return AdInt_FromInt64(ntohs((uint16_t)sp->s_port));
}

static AdObject *sm_getservbyport(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("getservbyport", nargs, 1, 2) < 0)
        return NULL;
    int port;
    if (posix_int(args[0], &port) < 0)
        return NULL;
    const char *proto = NULL;
    if (nargs == 2 && !(proto = str_arg(args[1], "getservbyport", 2)))
        return NULL;
    if (port < 0 || port > 0xffff) {
        AdErr_SetString(AdExc_OverflowError, "getservbyport: port must be 0-65535.");
        return NULL;
    }
    struct servent se, *sp = NULL;
    char buf[4096];
    Ad_BEGIN_ALLOW_THREADS
    getservbyport_r(htons((uint16_t)port), proto, &se, buf, sizeof buf, &sp);
    Ad_END_ALLOW_THREADS
    if (!sp) {
        AdErr_SetString(AdExc_OSError, "port/proto not found");
        return NULL;
    }
    return AdStr_FromString(sp->s_name);
}

static AdObject *sm_getprotobyname(AdObject *m, AdObject *arg)
{
    (void)m;
    const char *name = str_arg(arg, "getprotobyname", 1);
    if (!name)
        return NULL;
    struct protoent pe, *pp = NULL;
    char buf[4096];
    getprotobyname_r(name, &pe, buf, sizeof buf, &pp);
    if (!pp) {
        AdErr_SetString(AdExc_OSError, "protocol not found");
        return NULL;
    }
    return AdInt_FromInt64(pp->p_proto);
}

/* ---- getaddrinfo / getnameinfo ------------------------------------------------- */

static AdObject *sm_getaddrinfo(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    AdObject *a[6];
    if (AdArg_Parse("getaddrinfo", args, nargs, kwnames, names, 0, 2, a) < 0)
        return NULL;
    int family = 0, type = 0, proto = 0, flags = 0;
    if ((a[2] && posix_int(a[2], &family) < 0) || (a[3] && posix_int(a[3], &type) < 0) ||
        (a[4] && posix_int(a[4], &proto) < 0) || (a[5] && posix_int(a[5], &flags) < 0))
        return NULL;
    AdObject *hb = NULL, *pb = NULL;
    const char *host = NULL, *port = NULL;
    char portbuf[32];
    if (a[0] != Ad_None) {
        if (AdStr_Check(a[0])) {
            hb = AdStr_EncodeASCII(a[0], "strict");
            if (!hb && AdErr_ExceptionMatches(AdExc_UnicodeError)) {
                AdErr_Clear();
                hb = AdStr_AsEncodedString(a[0], "idna", NULL);
                if (!hb && AdErr_ExceptionMatches(AdExc_LookupError)) {
                    /* no idna codec (it needs unicodedata): UTF-8 bytes */
                    AdErr_Clear();
                    hb = AdStr_EncodeUTF8(a[0], "strict");
                }
            }
            if (!hb)
                return NULL;
        } else if (AdBytes_Check(a[0])) {
            hb = Ad_NewRef(a[0]);
        } else {
            AdErr_SetString(AdExc_TypeError, "getaddrinfo() argument 1 must be string or None");
            return NULL;
        }
        host = AdBytes_AS_STRING(hb);
    }
    if (AdInt_Check(a[1])) {
        int64_t v = AdInt_AsInt64(a[1]);
        if (v == -1 && AdErr_Occurred()) {
            Ad_XDECREF(hb);
            return NULL;
        }
        snprintf(portbuf, sizeof portbuf, "%lld", (long long)v);
        port = portbuf;
    } else if (AdStr_Check(a[1])) {
        port = AdStr_AsUTF8(a[1]);
        if (!port) {
            Ad_XDECREF(hb);
            return NULL;
        }
    } else if (AdBytes_Check(a[1])) {
        pb = Ad_NewRef(a[1]);
        port = AdBytes_AS_STRING(pb);
    } else if (a[1] != Ad_None) {
        Ad_XDECREF(hb);
        AdErr_SetString(AdExc_OSError, "Int or String expected");
        return NULL;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = type;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    int err;
    Ad_BEGIN_ALLOW_THREADS
    err = getaddrinfo(host, port, &hints, &res);
    Ad_END_ALLOW_THREADS
    Ad_XDECREF(hb);
    Ad_XDECREF(pb);
    if (err)
        return socket_set_gaierror(err);
    AdObject *list = AdList_New(0);
    for (struct addrinfo *r = res; list && r; r = r->ai_next) {
        AdObject *addr = socket_make_addr(r->ai_addr, r->ai_addrlen);
        AdObject *f = AdInt_FromInt64(r->ai_family), *t = AdInt_FromInt64(r->ai_socktype),
                 *p = AdInt_FromInt64(r->ai_protocol),
                 *c = AdStr_FromString(r->ai_canonname ? r->ai_canonname : "");
        AdObject *item = addr && f && t && p && c ? AdTuple_Pack(5, f, t, p, c, addr) : NULL;
        Ad_XDECREF(addr);
        Ad_XDECREF(f);
        Ad_XDECREF(t);
        Ad_XDECREF(p);
        Ad_XDECREF(c);
        if (!item || AdList_Append(list, item) < 0)
            AD_CLEAR(list);
        Ad_XDECREF(item);
    }
    if (res)
        freeaddrinfo(res);
    return list;
}

static AdObject *sm_getnameinfo(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("getnameinfo", nargs, 2, 2) < 0)
        return NULL;
    AdObject *sa = args[0];
    int flags;
    if (!AdTuple_Check(sa)) {
        AdErr_SetString(AdExc_TypeError, "getnameinfo() argument 1 must be a tuple");
        return NULL;
    }
    if (posix_int(args[1], &flags) < 0)
        return NULL;
    Ad_ssize_t n = AdTuple_GET_SIZE(sa);
    if (n < 2 || n > 4 || !AdStr_Check(AdTuple_GET_ITEM(sa, 0)) || !AdInt_Check(AdTuple_GET_ITEM(sa, 1))) {
        AdErr_SetString(AdExc_TypeError, "getnameinfo(): illegal sockaddr argument");
        return NULL;
    }
    const char *host = AdStr_AsUTF8(AdTuple_GET_ITEM(sa, 0));
    int port;
    int64_t flow = 0, scope = 0;
    if (!host || posix_int(AdTuple_GET_ITEM(sa, 1), &port) < 0)
        return NULL;
    if (n > 2 && (flow = AdInt_AsInt64(AdTuple_GET_ITEM(sa, 2))) == -1 && AdErr_Occurred())
        return NULL;
    if (n > 3 && (scope = AdInt_AsInt64(AdTuple_GET_ITEM(sa, 3))) == -1 && AdErr_Occurred())
        return NULL;
    if (flow < 0 || flow > 0xfffff) {
        AdErr_SetString(AdExc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
        return NULL;
    }
    char pbuf[32];
    snprintf(pbuf, sizeof pbuf, "%d", port);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    int err;
    Ad_BEGIN_ALLOW_THREADS
    err = getaddrinfo(host, pbuf, &hints, &res);
    Ad_END_ALLOW_THREADS
    if (err)
        return socket_set_gaierror(err);
    if (res->ai_next) {
        freeaddrinfo(res);
        AdErr_SetString(AdExc_OSError, "sockaddr resolved to multiple addresses");
        return NULL;
    }
    struct sockaddr_storage addr;
    memcpy(&addr, res->ai_addr, res->ai_addrlen);
    socklen_t alen = res->ai_addrlen;
    freeaddrinfo(res);
    if (addr.ss_family == AF_INET) {
        if (n != 2) {
            AdErr_SetString(AdExc_OSError, "IPv4 sockaddr must be 2 tuple");
            return NULL;
        }
    } else if (addr.ss_family == AF_INET6) {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&addr;
        a6->sin6_flowinfo = htonl((uint32_t)flow);
        a6->sin6_scope_id = (uint32_t)scope;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    Ad_BEGIN_ALLOW_THREADS
    err = getnameinfo((struct sockaddr *)&addr, alen, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
    Ad_END_ALLOW_THREADS
    if (err)
        return socket_set_gaierror(err);
    AdObject *h = AdStr_FromString(hbuf), *s = AdStr_FromString(sbuf);
    AdObject *r = h && s ? AdTuple_Pack(2, h, s) : NULL;
    Ad_XDECREF(h);
    Ad_XDECREF(s);
    return r;
}

/* ---- address text ------------------------------------------------------------------ */

static AdObject *sm_inet_aton(AdObject *m, AdObject *arg)
{
    (void)m;
    const char *s = str_arg(arg, "inet_aton", 1);
    if (!s)
        return NULL;
    struct in_addr a;
    if (!inet_aton(s, &a)) {
        AdErr_SetString(AdExc_OSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return AdBytes_FromStringAndSize((const char *)&a, sizeof a);
}

static AdObject *sm_inet_ntoa(AdObject *m, AdObject *arg)
{
    (void)m;
    AdBuffer v;
    if (AdObject_GetBuffer(arg, &v, AD_BUF_SIMPLE) < 0)
        return NULL;
    if (v.len != 4) {
        AdBuffer_Release(&v);
        AdErr_SetString(AdExc_OSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    struct in_addr a;
    memcpy(&a, v.buf, 4);
    AdBuffer_Release(&v);
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a, buf, sizeof buf);
    return AdStr_FromString(buf);
}

static AdObject *sm_inet_pton(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("inet_pton", nargs, 2, 2) < 0)
        return NULL;
    int af;
    if (posix_int(args[0], &af) < 0)
        return NULL;
    const char *s = str_arg(args[1], "inet_pton", 2);
    if (!s)
        return NULL;
    unsigned char buf[sizeof(struct in6_addr)];
    int r = inet_pton(af, s, buf);
    if (r < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    if (r == 0) {
        AdErr_SetString(AdExc_OSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    return AdBytes_FromStringAndSize((const char *)buf, af == AF_INET ? 4 : 16);
}

static AdObject *sm_inet_ntop(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (AdArg_CheckPositional("inet_ntop", nargs, 2, 2) < 0)
        return NULL;
    int af;
    if (posix_int(args[0], &af) < 0)
        return NULL;
    AdBuffer v;
    if (AdObject_GetBuffer(args[1], &v, AD_BUF_SIMPLE) < 0)
        return NULL;
    Ad_ssize_t need = af == AF_INET ? 4 : af == AF_INET6 ? 16 : -1;
    if (need < 0) {
        AdBuffer_Release(&v);
        return AdErr_Format(AdExc_ValueError, "unknown address family %d", af);
    }
    if (v.len != need) {
        AdBuffer_Release(&v);
        AdErr_SetString(AdExc_ValueError, "invalid length of packed IP address string");
        return NULL;
    }
    unsigned char in[16];
    memcpy(in, v.buf, (size_t)need);
    AdBuffer_Release(&v);
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, in, buf, sizeof buf))
        return AdErr_SetFromErrno(AdExc_OSError);
    return AdStr_FromString(buf);
}

/* ---- byte order ------------------------------------------------------------------------ */

static AdObject *byteorder16(AdObject *arg, const char *name)
{
    AdObject *i = AdNumber_Index(arg);
    if (!i)
        return NULL;
    int neg = 0, big = 0;
    int64_t v = AdInt_AsInt64(i);
    if (v == -1 && AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_OverflowError)) {
            Ad_DECREF(i);
            return NULL;
        }
        AdErr_Clear();
        AdObject *zero = AdInt_FromInt64(0);
        neg = AdObject_RichCompareBool(i, zero, AD_LT) == 1;
        Ad_DECREF(zero);
        big = !neg;
    } else {
        neg = v < 0;
        big = v > 0xffff;
    }
    Ad_DECREF(i);
    if (neg)
        return AdErr_Format(AdExc_OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer",
                            name);
    if (big)
        return AdErr_Format(AdExc_OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer",
                            name);
    return AdInt_FromInt64(htons((uint16_t)v));
}

static AdObject *sm_htons(AdObject *m, AdObject *arg)
{
    (void)m;
    return byteorder16(arg, "htons");
}

static AdObject *sm_ntohs(AdObject *m, AdObject *arg)
{
    (void)m;
    return byteorder16(arg, "ntohs");
}

static AdObject *byteorder32(AdObject *arg)
{
    if (!AdInt_Check(arg))
        return AdErr_Format(AdExc_TypeError, "expected int, %T found", arg);
    int64_t v = AdInt_AsInt64(arg);
    if (v == -1 && AdErr_Occurred()) {
        if (!AdErr_ExceptionMatches(AdExc_OverflowError))
            return NULL;
        AdErr_Clear();
        AdObject *zero = AdInt_FromInt64(0);
        int neg = AdObject_RichCompareBool(arg, zero, AD_LT) == 1;
        Ad_DECREF(zero);
        v = neg ? -1 : (int64_t)1 << 40;
    }
    if (v < 0) {
        AdErr_SetString(AdExc_OverflowError, "can't convert negative value to unsigned int");
        return NULL;
    }
    if (v > 0xffffffffLL) {
        AdErr_SetString(AdExc_OverflowError, "int larger than 32 bits");
        return NULL;
    }
    return AdInt_FromInt64(htonl((uint32_t)v));
}

static AdObject *sm_htonl(AdObject *m, AdObject *arg)
{
    (void)m;
    return byteorder32(arg);
}

static AdObject *sm_ntohl(AdObject *m, AdObject *arg)
{
    (void)m;
    return byteorder32(arg);
}

/* ---- timeouts, descriptors, pairs ---------------------------------------------------------- */

static AdObject *sm_getdefaulttimeout(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    if (socket_default_timeout < 0)
        Ad_RETURN_NONE;
    return AdFloat_FromDouble(socket_default_timeout);
}

static AdObject *sm_setdefaulttimeout(AdObject *m, AdObject *arg)
{
    (void)m;
    double t;
    if (socket_timeout_arg(arg, &t) < 0)
        return NULL;
    socket_default_timeout = t;
    Ad_RETURN_NONE;
}

static AdObject *sm_close(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_int(arg, &fd) < 0)
        return NULL;
    int r, err;
    Ad_BEGIN_ALLOW_THREADS
    r = close(fd);
    err = errno;
    Ad_END_ALLOW_THREADS
    if (r < 0 && err != ECONNRESET) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    Ad_RETURN_NONE;
}

static AdObject *sm_dup(AdObject *m, AdObject *arg)
{
    (void)m;
    int fd;
    if (posix_int(arg, &fd) < 0)
        return NULL;
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    return AdInt_FromInt64(nfd);
}

static AdObject *wrap_fd(int fd, int family, int type, int proto)
{
    SockObject *s = (SockObject *)socket_type.tp_new(&socket_type, NULL, NULL);
    if (!s) {
        close(fd);
        return NULL;
    }
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    s->timeout = socket_default_timeout;
    if (s->timeout >= 0) {
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
            Ad_DECREF((AdObject *)s);
            return AdErr_SetFromErrno(AdExc_OSError);
        }
    }
    return (AdObject *)s;
}

static AdObject *sm_socketpair(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs > 3)
        return AdErr_Format(AdExc_TypeError, "socketpair expected at most 3 arguments, got %zd", nargs);
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if ((nargs > 0 && posix_int(args[0], &family) < 0) || (nargs > 1 && posix_int(args[1], &type) < 0) ||
        (nargs > 2 && posix_int(args[2], &proto) < 0))
        return NULL;
    int sv[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, sv) < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    AdObject *a = wrap_fd(sv[0], family, type, proto);
    if (!a) {
        close(sv[1]);
        return NULL;
    }
    AdObject *b = wrap_fd(sv[1], family, type, proto);
    if (!b) {
        Ad_DECREF(a);
        return NULL;
    }
    AdObject *r = AdTuple_Pack(2, a, b);
    Ad_DECREF(a);
    Ad_DECREF(b);
    return r;
}

static AdObject *cmsg_common(AdObject *arg, const char *name, int space)
{
    AdObject *i = AdNumber_Index(arg);
    if (!i)
        return NULL;
    int64_t v = AdInt_AsInt64(i);
    Ad_DECREF(i);
    if (v == -1 && AdErr_Occurred())
        return NULL;
    if (v < 0 || v > (int64_t)(INT_MAX - CMSG_SPACE(0)))
        return AdErr_Format(AdExc_OverflowError, "%s() argument out of range", name);
    size_t n = (size_t)v;
    return AdInt_FromInt64((int64_t)(space ? CMSG_SPACE(n) : CMSG_LEN(n)));
}

static AdObject *sm_cmsg_len(AdObject *m, AdObject *arg)
{
    (void)m;
    return cmsg_common(arg, "CMSG_LEN", 0);
}

static AdObject *sm_cmsg_space(AdObject *m, AdObject *arg)
{
    (void)m;
    return cmsg_common(arg, "CMSG_SPACE", 1);
}

/* ---- network interfaces ---------------------------------------------------------------------- */

static AdObject *sm_if_nameindex(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    struct if_nameindex *ni = if_nameindex();
    if (!ni)
        return AdErr_SetFromErrno(AdExc_OSError);
    AdObject *list = AdList_New(0);
    for (struct if_nameindex *p = ni; list && p->if_index; p++) {
        AdObject *idx = AdInt_FromInt64(p->if_index);
        AdObject *nm = AdStr_Decode(p->if_name, (Ad_ssize_t)strlen(p->if_name), "utf-8", "surrogateescape");
        AdObject *t = idx && nm ? AdTuple_Pack(2, idx, nm) : NULL;
        Ad_XDECREF(idx);
        Ad_XDECREF(nm);
        if (!t || AdList_Append(list, t) < 0)
            AD_CLEAR(list);
        Ad_XDECREF(t);
    }
    if_freenameindex(ni);
    return list;
}

static AdObject *sm_if_nametoindex(AdObject *m, AdObject *arg)
{
    (void)m;
    AdObject *b = posix_fsencode(arg);
    if (!b)
        return NULL;
    unsigned idx = if_nametoindex(AdBytes_AS_STRING(b));
    Ad_DECREF(b);
    if (!idx) {
        AdErr_SetString(AdExc_OSError, "no interface with this name");
        return NULL;
    }
    return AdInt_FromInt64(idx);
}

static AdObject *sm_if_indextoname(AdObject *m, AdObject *arg)
{
    (void)m;
    if (!AdIndex_Check(arg))
        return AdErr_Format(AdExc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
    int64_t v = AdInt_AsInt64(arg);
    if (v == -1 && AdErr_Occurred())
        return NULL;
    if (v < 0 || v > UINT_MAX) {
        AdErr_SetString(AdExc_OverflowError, "index is too large");
        return NULL;
    }
    char buf[IF_NAMESIZE + 1];
    if (!if_indextoname((unsigned)v, buf))
        return AdErr_SetFromErrno(AdExc_OSError);
    return AdStr_Decode(buf, (Ad_ssize_t)strlen(buf), "utf-8", "surrogateescape");
}

static AdMethodDef socket_functions[] = {
    {"CMSG_LEN", FN(sm_cmsg_len), AD_METH_O, "CMSG_LEN(length) -> control message length"},
    {"CMSG_SPACE", FN(sm_cmsg_space), AD_METH_O, "CMSG_SPACE(length) -> buffer size"},
    {"close", FN(sm_close), AD_METH_O, "close(integer) -> None"},
    {"dup", FN(sm_dup), AD_METH_O, "dup(integer) -> integer"},
    {"getaddrinfo", FN(sm_getaddrinfo), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)"},
    {"getdefaulttimeout", FN(sm_getdefaulttimeout), AD_METH_NOARGS, "getdefaulttimeout() -> timeout"},
    {"gethostbyaddr", FN(sm_gethostbyaddr), AD_METH_O, "gethostbyaddr(host) -> (name, aliaslist, addresslist)"},
    {"gethostbyname", FN(sm_gethostbyname), AD_METH_O, "gethostbyname(host) -> address"},
    {"gethostbyname_ex", FN(sm_gethostbyname_ex), AD_METH_O,
     "gethostbyname_ex(host) -> (name, aliaslist, addresslist)"},
    {"gethostname", FN(sm_gethostname), AD_METH_NOARGS, "gethostname() -> string"},
    {"getnameinfo", FN(sm_getnameinfo), AD_METH_FASTCALL, "getnameinfo(sockaddr, flags) --> (host, port)"},
    {"getprotobyname", FN(sm_getprotobyname), AD_METH_O, "getprotobyname(name) -> integer"},
    {"getservbyname", FN(sm_getservbyname), AD_METH_FASTCALL, "getservbyname(servicename[, protocolname]) -> integer"},
    {"getservbyport", FN(sm_getservbyport), AD_METH_FASTCALL, "getservbyport(port[, protocolname]) -> string"},
    {"htonl", FN(sm_htonl), AD_METH_O, "Convert a 32-bit unsigned integer from host to network byte order."},
    {"htons", FN(sm_htons), AD_METH_O, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"if_indextoname", FN(sm_if_indextoname), AD_METH_O, "Returns the interface name corresponding to the interface index if_index."},
    {"if_nameindex", FN(sm_if_nameindex), AD_METH_NOARGS, "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."},
    {"if_nametoindex", FN(sm_if_nametoindex), AD_METH_O, "Returns the interface index corresponding to the interface name if_name."},
    {"inet_aton", FN(sm_inet_aton), AD_METH_O, "Convert an IP address in string format (123.45.67.89) to the 32-bit packed binary format used in low-level network functions."},
    {"inet_ntoa", FN(sm_inet_ntoa), AD_METH_O, "Convert an IP address from 32-bit packed binary format to string format."},
    {"inet_ntop", FN(sm_inet_ntop), AD_METH_FASTCALL, "inet_ntop(af, packed_ip) -> string IP address"},
    {"inet_pton", FN(sm_inet_pton), AD_METH_FASTCALL, "inet_pton(af, ip) -> packed IP address string"},
    {"ntohl", FN(sm_ntohl), AD_METH_O, "Convert a 32-bit unsigned integer from network to host byte order."},
    {"ntohs", FN(sm_ntohs), AD_METH_O, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"sethostname", FN(sm_sethostname), AD_METH_O, "sethostname(name)\n\nSets the hostname to name."},
    {"setdefaulttimeout", FN(sm_setdefaulttimeout), AD_METH_O, "setdefaulttimeout(timeout)"},
    {"socketpair", FN(sm_socketpair), AD_METH_FASTCALL,
     "socketpair([family[, type [, proto]]]) -> (socket object, socket object)"},
    {NULL, NULL, 0, NULL},
};

/* The objects the C code keeps are given back at finalization (before
 * the last collection frees them). */
static int socket_fini(AdInterp *interp)
{
    (void)interp;
    AD_CLEAR(socket_herror);
    AD_CLEAR(socket_gaierror);
    return 0;
}

AdObject *AdModule_InitSocket(void)
{
    if (Ad_RegisterFiniHook(AD_FINI_THREADS, socket_fini) < 0)
        return AdErr_Format(AdExc_RuntimeError, "no room for a finalization hook");
    if (AdType_Ready(&socket_type) < 0)
        return NULL;
    if (!socket_herror) {
        socket_herror = AdErr_NewException("socket.herror", AdExc_OSError, NULL);
        if (!socket_herror)
            return NULL;
    }
    if (!socket_gaierror) {
        socket_gaierror = AdErr_NewException("socket.gaierror", AdExc_OSError, NULL);
        if (!socket_gaierror)
            return NULL;
    }
    AdObject *m = AdModule_New("_socket");
    if (!m)
        return NULL;
    if (AdModule_SetDocString(m, "Implementation module for socket operations.\n\nSee the socket module for documentation.") < 0 ||
        AdModule_AddFunctions(m, socket_functions) < 0 ||
        AdModule_AddObjectRef(m, "socket", (AdObject *)&socket_type) < 0 ||
        AdModule_AddObjectRef(m, "SocketType", (AdObject *)&socket_type) < 0 ||
        AdModule_AddObjectRef(m, "error", AdExc_OSError) < 0 ||
        AdModule_AddObjectRef(m, "timeout", AdExc_TimeoutError) < 0 ||
        AdModule_AddObjectRef(m, "herror", socket_herror) < 0 ||
        AdModule_AddObjectRef(m, "gaierror", socket_gaierror) < 0 ||
        AdModule_AddObjectRef(m, "has_ipv6", Ad_True) < 0 || socket_add_constants(m) < 0 ||
        AdModule_AddIntConstant(m, "AF_DECnet", 12) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
