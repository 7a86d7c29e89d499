/* socket_type.c: the `_socket.socket` type: creation from (family, type,
 * proto, fileno), timeouts (blocking, non-blocking, or a limit enforced
 * with poll), connect/bind/listen/_accept, the send and recv families,
 * shutdown/close/detach, names and socket options. Blocking system calls
 * run with the GIL released and are retried on EINTR after the signal
 * handlers ran (PEP 475). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "objects/objects.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
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

#define FN(f) ((void (*)(void))(f))

static double monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int set_blocking_fd(int fd, int blocking)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -1;
    int nf = blocking ? (fl & ~O_NONBLOCK) : (fl | O_NONBLOCK);
    if (nf != fl && fcntl(fd, F_SETFL, nf) < 0)
        return -1;
    return 0;
}

/* Applies s->timeout to the descriptor's O_NONBLOCK flag. 0 or -1. */
static int apply_timeout(SockObject *s)
{
    if (s->fd < 0)
        return 0;
    int r;
    Ad_BEGIN_ALLOW_THREADS
    r = set_blocking_fd(s->fd, s->timeout < 0);
    Ad_END_ALLOW_THREADS
    if (r < 0) {
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
    return 0;
}

/* Waits until s is readable/writable or the deadline passes: 1 ready,
 * 0 timed out, -1 with an exception. */
static int sock_wait(SockObject *s, int writing, double deadline)
{
    if (s->fd < 0)
        return 1;       /* closed: let the call itself fail with EBADF */
    for (;;) {
        double left = deadline - monotonic();
        if (left <= 0)
            return 0;
        double msd = left * 1000.0 + 0.999;
        int ms = msd >= (double)INT_MAX ? INT_MAX : (int)msd;
        struct pollfd p = {.fd = s->fd, .events = (short)(writing ? POLLOUT : POLLIN)};
        int n, err;
        Ad_BEGIN_ALLOW_THREADS
        n = poll(&p, 1, ms);
        err = errno;
        Ad_END_ALLOW_THREADS
        if (n > 0)
            return 1;
        if (n == 0)
            return 0;
        if (err != EINTR) {
            errno = err;
            AdErr_SetFromErrno(AdExc_OSError);
            return -1;
        }
        if (AdErr_CheckSignals() < 0)
            return -1;
    }
}

static void set_timeout_error(void)
{
    AdErr_SetString(AdExc_TimeoutError, "timed out");
}

typedef struct {
    char *buf;
    size_t len;
    int flags;
    struct sockaddr_storage addr;
    socklen_t addrlen;
} io_ctx;


static ssize_t do_recv(int fd, void *ctx)
{
    io_ctx *c = ctx;
    return recv(fd, c->buf, c->len, c->flags);
}
static ssize_t do_send(int fd, void *ctx)
{
    io_ctx *c = ctx;
    return send(fd, c->buf, c->len, c->flags | MSG_NOSIGNAL);
}
static ssize_t do_recvfrom(int fd, void *ctx)
{
    io_ctx *c = ctx;
    c->addrlen = sizeof c->addr;
    return recvfrom(fd, c->buf, c->len, c->flags, (struct sockaddr *)&c->addr, &c->addrlen);
}
static ssize_t do_sendto(int fd, void *ctx)
{
    io_ctx *c = ctx;
    return sendto(fd, c->buf, c->len, c->flags | MSG_NOSIGNAL, (struct sockaddr *)&c->addr, c->addrlen);
}
static ssize_t do_accept(int fd, void *ctx)
{
    io_ctx *c = ctx;
    c->addrlen = sizeof c->addr;
    return accept4(fd, (struct sockaddr *)&c->addr, &c->addrlen, SOCK_CLOEXEC);
}

/* Runs fn on s with the GIL released, honouring the timeout (deadline
 * <= 0: computed from s->timeout) and retrying on EINTR. The result of
 * fn, or -1 with an exception. */
ssize_t socket_call(SockObject *s, int writing, socket_io_fn fn, void *c, double deadline)
{
    if (s->timeout > 0 && deadline <= 0)
        deadline = monotonic() + s->timeout;
    /* with a timeout, wait for readiness first (the descriptor may have
     * been made blocking behind our back), as CPython does */
    int wait_first = s->timeout > 0;
    for (;;) {
        ssize_t r;
        int err;
        if (wait_first) {
            int w = sock_wait(s, writing, deadline);
            if (w < 0)
                return -1;
            if (w == 0) {
                set_timeout_error();
                return -1;
            }
        }
        Ad_BEGIN_ALLOW_THREADS
        r = fn(s->fd, c);
        err = errno;
        Ad_END_ALLOW_THREADS
        if (r >= 0)
            return r;
        if (err == EINTR) {
            if (AdErr_CheckSignals() < 0)
                return -1;
            wait_first = 0;
            continue;
        }
        if (s->timeout > 0 && (err == EAGAIN || err == EWOULDBLOCK)) {
            wait_first = 1;
            continue;
        }
        errno = err;
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
}

static int int_arg(AdObject *o, int *out)
{
    return posix_int(o, out);
}

/* ---- creation --------------------------------------------------------- */

static AdObject *sock_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    SockObject *s = (SockObject *)type->tp_alloc(type, 0);
    if (!s)
        return NULL;
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->proto = 0;
    s->timeout = -1;
    return (AdObject *)s;
}

/* *value when it is -1 (not given): the socket's own SOL_SOCKET option
 * opt instead. 0, or -1 with OSError. */
static int fill_from_socket(int fd, int opt, int *value)
{
    if (*value != -1)
        return 0;
    int v;
    socklen_t len = sizeof v;
    if (getsockopt(fd, SOL_SOCKET, opt, &v, &len) < 0) {
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
    *value = v;
    return 0;
}

static int sock_init(AdObject *self, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"family", "type", "proto", "fileno", NULL};
    SockObject *s = (SockObject *)self;
    Ad_ssize_t na = args ? AdTuple_GET_SIZE(args) : 0;
    AdObject *kwn = NULL;
    AdObject *stack[8];
    Ad_ssize_t nk = kwds ? AdDict_GET_SIZE(kwds) : 0;
    if (na + nk > 8) {
        AdErr_Format(AdExc_TypeError, "socket() takes at most 4 arguments (%zd given)", na + nk);
        return -1;
    }
    for (Ad_ssize_t i = 0; i < na; i++)
        stack[i] = AdTuple_GET_ITEM(args, i);
    if (nk) {
        kwn = AdTuple_New(nk);
        if (!kwn)
            return -1;
        Ad_ssize_t pos = 0, j = 0;
        AdObject *k, *v;
        while (AdDict_Next(kwds, &pos, &k, &v)) {
            AdTuple_SET_ITEM(kwn, j, Ad_NewRef(k));
            stack[na + j] = v;
            j++;
        }
    }
    AdObject *a[4];
    int r = AdArg_Parse("socket", stack, na, kwn, names, 0, 0, a);
    Ad_XDECREF(kwn);
    if (r < 0)
        return -1;
    int family = -1, type = -1, proto = -1, fd = -1;
    if ((a[0] && int_arg(a[0], &family) < 0) || (a[1] && int_arg(a[1], &type) < 0) ||
        (a[2] && int_arg(a[2], &proto) < 0))
        return -1;
    if (a[3] && a[3] != Ad_None) {
        if (int_arg(a[3], &fd) < 0)
            return -1;
        if (fd < 0) {
            AdErr_SetString(AdExc_ValueError, "negative file descriptor");
            return -1;
        }
        if (fill_from_socket(fd, SO_DOMAIN, &family) < 0 || fill_from_socket(fd, SO_TYPE, &type) < 0 ||
            fill_from_socket(fd, SO_PROTOCOL, &proto) < 0)
            return -1;
    } else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        int err;
        Ad_BEGIN_ALLOW_THREADS
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        err = errno;
        Ad_END_ALLOW_THREADS
        if (fd < 0) {
            errno = err;
            AdErr_SetFromErrno(AdExc_OSError);
            return -1;
        }
    }
    if (s->fd >= 0 && s->fd != fd)
        close(s->fd);
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    if (type & SOCK_NONBLOCK)
        s->timeout = 0;
    else
        s->timeout = socket_default_timeout;
    if (s->timeout >= 0)
        return apply_timeout(s);
    return 0;
}

/* A socket dropped while still open: ResourceWarning "unclosed <repr>",
 * then the descriptor is closed (CPython's order). */
static void sock_finalize(AdObject *o)
{
    SockObject *s = (SockObject *)o;
    if (s->fd < 0)
        return;
    AdObject *saved = AdErr_GetRaisedException();
    if (AdErr_WarnFormat(AdExc_ResourceWarning, 1, "unclosed %R", o) < 0)
        AdErr_WriteUnraisable(o);
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    AdErr_SetRaisedException(saved);
}

static void sock_dealloc(AdObject *o)
{
    SockObject *s = (SockObject *)o;
    if (s->fd >= 0) {
        /* kept alive while the warning machinery looks at it */
        Ad_INCREF(o);
        sock_finalize(o);
        if (--o->ob_refcnt > 0)
            return;
    }
    AD_TYPE(o)->tp_free(o);
}

static AdObject *sock_repr(AdObject *o)
{
    SockObject *s = (SockObject *)o;
    return AdStr_FromFormat("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family, s->type,
                            s->proto);
}

/* ---- timeouts ------------------------------------------------------------ */

static AdObject *timeout_value(double t)
{
    if (t < 0)
        Ad_RETURN_NONE;
    return AdFloat_FromDouble(t);
}

static AdObject *sock_gettimeout(AdObject *self, AdObject *unused)
{
    (void)unused;
    return timeout_value(((SockObject *)self)->timeout);
}

static AdObject *sock_get_timeout(AdObject *self, void *unused)
{
    (void)unused;
    return timeout_value(((SockObject *)self)->timeout);
}

static AdObject *sock_settimeout(AdObject *self, AdObject *arg)
{
    SockObject *s = (SockObject *)self;
    double t;
    if (socket_timeout_arg(arg, &t) < 0)
        return NULL;
    s->timeout = t;
    if (apply_timeout(s) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *sock_setblocking(AdObject *self, AdObject *arg)
{
    SockObject *s = (SockObject *)self;
    int b = AdObject_IsTrue(arg);
    if (b < 0)
        return NULL;
    s->timeout = b ? -1 : 0;
    if (apply_timeout(s) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

static AdObject *sock_getblocking(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdBool_FromLong(((SockObject *)self)->timeout != 0);
}

/* ---- connection set-up ----------------------------------------------------- */

static AdObject *sock_bind(AdObject *self, AdObject *arg)
{
    SockObject *s = (SockObject *)self;
    struct sockaddr_storage addr;
    socklen_t len;
    if (socket_parse_addr(s, arg, &addr, &len, "bind") < 0)
        return NULL;
    int r, err;
    Ad_BEGIN_ALLOW_THREADS
    r = bind(s->fd, (struct sockaddr *)&addr, len);
    err = errno;
    Ad_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    Ad_RETURN_NONE;
}

static AdObject *sock_listen(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "listen() takes at most 1 argument (%zd given)", nargs);
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (nargs == 1 && int_arg(args[0], &backlog) < 0)
        return NULL;
    if (backlog < 0)
        backlog = 0;
    int r, err;
    Ad_BEGIN_ALLOW_THREADS
    r = listen(s->fd, backlog);
    err = errno;
    Ad_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    Ad_RETURN_NONE;
}

/* Connects s to addr: 0 on success, an errno value for a failure the
 * caller reports, or -1 with an exception raised (signals, timeouts are
 * reported as the errno value ETIMEDOUT with *timed_out set). */
static int do_connect(SockObject *s, struct sockaddr_storage *addr, socklen_t len, int *timed_out)
{
    int r, err;
    *timed_out = 0;
    Ad_BEGIN_ALLOW_THREADS
    r = connect(s->fd, (struct sockaddr *)addr, len);
    err = errno;
    Ad_END_ALLOW_THREADS
    if (r == 0)
        return 0;
    int wait = 0;
    if (err == EINTR) {
        if (AdErr_CheckSignals() < 0)
            return -1;
        if (s->timeout == 0)
            return EINTR;
        wait = 1;
    } else if (err == EINPROGRESS && s->timeout > 0) {
        wait = 1;
    }
    if (!wait)
        return err;
    double deadline = s->timeout > 0 ? monotonic() + s->timeout : 1e300;
    int w = sock_wait(s, 1, deadline);
    if (w < 0)
        return -1;
    if (w == 0) {
        *timed_out = 1;
        return EWOULDBLOCK;
    }
    int soerr = 0;
    socklen_t sl = sizeof soerr;
    if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0)
        return errno;
    return soerr;
}

static AdObject *sock_connect(AdObject *self, AdObject *arg)
{
    SockObject *s = (SockObject *)self;
    struct sockaddr_storage addr;
    socklen_t len;
    if (socket_parse_addr(s, arg, &addr, &len, "connect") < 0)
        return NULL;
    int timed_out;
    int err = do_connect(s, &addr, len, &timed_out);
    if (err < 0)
        return NULL;
    if (timed_out) {
        set_timeout_error();
        return NULL;
    }
    if (err) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    Ad_RETURN_NONE;
}

static AdObject *sock_connect_ex(AdObject *self, AdObject *arg)
{
    SockObject *s = (SockObject *)self;
    struct sockaddr_storage addr;
    socklen_t len;
    if (socket_parse_addr(s, arg, &addr, &len, "connect_ex") < 0)
        return NULL;
    int timed_out;
    int err = do_connect(s, &addr, len, &timed_out);
    if (err < 0)
        return NULL;
    return AdInt_FromInt64(err);
}

static AdObject *sock_accept(AdObject *self, AdObject *unused)
{
    (void)unused;
    SockObject *s = (SockObject *)self;
    io_ctx c;
    memset(&c, 0, sizeof c);
    ssize_t fd = socket_call(s, 0, do_accept, &c, 0);
    if (fd < 0)
        return NULL;
    AdObject *fo = AdInt_FromInt64(fd);
    AdObject *ao = fo ? socket_make_addr((struct sockaddr *)&c.addr, c.addrlen) : NULL;
    AdObject *r = ao ? AdTuple_Pack(2, fo, ao) : NULL;
    Ad_XDECREF(fo);
    Ad_XDECREF(ao);
    if (!r)
        close((int)fd);
    return r;
}

/* ---- sending -------------------------------------------------------------- */

static AdObject *sock_send(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (AdArg_CheckPositional("send", nargs, 1, 2) < 0)
        return NULL;
    io_ctx c;
    memset(&c, 0, sizeof c);
    if (nargs == 2 && int_arg(args[1], &c.flags) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(args[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    c.buf = view.buf;
    c.len = (size_t)view.len;
    ssize_t n = socket_call(s, 1, do_send, &c, 0);
    AdBuffer_Release(&view);
    if (n < 0)
        return NULL;
    return AdInt_FromInt64(n);
}

static AdObject *sock_sendall(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (AdArg_CheckPositional("sendall", nargs, 1, 2) < 0)
        return NULL;
    io_ctx c;
    memset(&c, 0, sizeof c);
    if (nargs == 2 && int_arg(args[1], &c.flags) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(args[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    char *p = view.buf;
    size_t left = (size_t)view.len;
    double deadline = s->timeout > 0 ? monotonic() + s->timeout : 0;
    AdObject *result = Ad_None;
    do {
        c.buf = p;
        c.len = left;
        if (s->timeout > 0 && monotonic() >= deadline) {
            set_timeout_error();
            result = NULL;
            break;
        }
        ssize_t n = socket_call(s, 1, do_send, &c, deadline);
        if (n < 0) {
            result = NULL;
            break;
        }
        p += n;
        left -= (size_t)n;
        if (left && AdErr_CheckSignals() < 0) {
            result = NULL;
            break;
        }
    } while (left > 0);
    AdBuffer_Release(&view);
    if (result)
        Ad_RETURN_NONE;
    return NULL;
}

static AdObject *sock_sendto(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (nargs < 2 || nargs > 3)
        return AdErr_Format(AdExc_TypeError, "sendto() takes 2 or 3 arguments (%zd given)", nargs);
    io_ctx c;
    memset(&c, 0, sizeof c);
    if (nargs == 3 && int_arg(args[1], &c.flags) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(args[0], &view, AD_BUF_SIMPLE) < 0)
        return NULL;
    if (socket_parse_addr(s, args[nargs - 1], &c.addr, &c.addrlen, "sendto") < 0) {
        AdBuffer_Release(&view);
        return NULL;
    }
    c.buf = view.buf;
    c.len = (size_t)view.len;
    ssize_t n = socket_call(s, 1, do_sendto, &c, 0);
    AdBuffer_Release(&view);
    if (n < 0)
        return NULL;
    return AdInt_FromInt64(n);
}

/* ---- receiving -------------------------------------------------------------- */

static AdObject *recv_common(SockObject *s, AdObject *const *args, Ad_ssize_t nargs, const char *name, int from)
{
    if (AdArg_CheckPositional(name, nargs, 1, 2) < 0)
        return NULL;
    io_ctx c;
    memset(&c, 0, sizeof c);
    Ad_ssize_t size;
    AdObject *i = AdNumber_Index(args[0]);
    if (!i)
        return NULL;
    size = (Ad_ssize_t)AdInt_AsInt64(i);
    Ad_DECREF(i);
    if (size == -1 && AdErr_Occurred())
        return NULL;
    if (size < 0)
        return AdErr_Format(AdExc_ValueError, "negative buffersize in %s", name);
    if (nargs == 2 && int_arg(args[1], &c.flags) < 0)
        return NULL;
    AdObject *b = AdBytes_FromStringAndSize(NULL, size);
    if (!b)
        return NULL;
    c.buf = AdBytes_AS_STRING(b);
    c.len = (size_t)size;
    ssize_t n = socket_call(s, 0, from ? do_recvfrom : do_recv, &c, 0);
    if (n < 0) {
        Ad_DECREF(b);
        return NULL;
    }
    if (n != size && AdBytes_Resize(&b, n) < 0)
        return NULL;
    if (!from)
        return b;
    AdObject *a = socket_make_addr((struct sockaddr *)&c.addr, c.addrlen);
    AdObject *r = a ? AdTuple_Pack(2, b, a) : NULL;
    Ad_DECREF(b);
    Ad_XDECREF(a);
    return r;
}

static AdObject *sock_recv(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    return recv_common((SockObject *)self, args, nargs, "recv", 0);
}

static AdObject *sock_recvfrom(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    return recv_common((SockObject *)self, args, nargs, "recvfrom", 1);
}

static AdObject *recv_into_common(SockObject *s, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                                  const char *name, int from)
{
    static const char *const names[] = {"buffer", "nbytes", "flags", NULL};
    AdObject *a[3];
    if (AdArg_Parse(name, args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    io_ctx c;
    memset(&c, 0, sizeof c);
    Ad_ssize_t nbytes = 0;
    if (a[1]) {
        AdObject *i = AdNumber_Index(a[1]);
        if (!i)
            return NULL;
        nbytes = (Ad_ssize_t)AdInt_AsInt64(i);
        Ad_DECREF(i);
        if (nbytes == -1 && AdErr_Occurred())
            return NULL;
    }
    if (a[2] && int_arg(a[2], &c.flags) < 0)
        return NULL;
    AdBuffer view;
    if (AdObject_GetBuffer(a[0], &view, AD_BUF_WRITABLE) < 0)
        return NULL;
    if (nbytes < 0) {
        AdBuffer_Release(&view);
        return AdErr_Format(AdExc_ValueError, "negative buffersize in %s", name);
    }
    if (nbytes == 0)
        nbytes = view.len;
    else if (nbytes > view.len) {
        AdBuffer_Release(&view);
        return AdErr_Format(AdExc_ValueError, "%s", from ? "nbytes is greater than the length of the buffer"
                                                         : "buffer too small for requested bytes");
    }
    c.buf = view.buf;
    c.len = (size_t)nbytes;
    ssize_t n = socket_call(s, 0, from ? do_recvfrom : do_recv, &c, 0);
    AdBuffer_Release(&view);
    if (n < 0)
        return NULL;
    AdObject *no = AdInt_FromInt64(n);
    if (!from || !no)
        return no;
    AdObject *ad = socket_make_addr((struct sockaddr *)&c.addr, c.addrlen);
    AdObject *r = ad ? AdTuple_Pack(2, no, ad) : NULL;
    Ad_DECREF(no);
    Ad_XDECREF(ad);
    return r;
}

static AdObject *sock_recv_into(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return recv_into_common((SockObject *)self, args, nargs, kwnames, "recv_into", 0);
}

static AdObject *sock_recvfrom_into(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    return recv_into_common((SockObject *)self, args, nargs, kwnames, "recvfrom_into", 1);
}

/* ---- the rest ----------------------------------------------------------------- */

static AdObject *sock_shutdown(AdObject *self, AdObject *arg)
{
    SockObject *s = (SockObject *)self;
    int how;
    if (int_arg(arg, &how) < 0)
        return NULL;
    int r, err;
    Ad_BEGIN_ALLOW_THREADS
    r = shutdown(s->fd, how);
    err = errno;
    Ad_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    Ad_RETURN_NONE;
}

static AdObject *sock_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    SockObject *s = (SockObject *)self;
    int fd = s->fd;
    if (fd >= 0) {
        s->fd = -1;
        int r, err;
        Ad_BEGIN_ALLOW_THREADS
        r = close(fd);
        err = errno;
        Ad_END_ALLOW_THREADS
        if (r < 0 && err != ECONNRESET) {
            errno = err;
            return AdErr_SetFromErrno(AdExc_OSError);
        }
    }
    Ad_RETURN_NONE;
}

static AdObject *sock_detach(AdObject *self, AdObject *unused)
{
    (void)unused;
    SockObject *s = (SockObject *)self;
    int fd = s->fd;
    s->fd = -1;
    return AdInt_FromInt64(fd);
}

static AdObject *sock_fileno(AdObject *self, AdObject *unused)
{
    (void)unused;
    return AdInt_FromInt64(((SockObject *)self)->fd);
}

static AdObject *sock_name(SockObject *s, int peer)
{
    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    socklen_t len = sizeof addr;
    int r, err;
    Ad_BEGIN_ALLOW_THREADS
    r = peer ? getpeername(s->fd, (struct sockaddr *)&addr, &len) : getsockname(s->fd, (struct sockaddr *)&addr, &len);
    err = errno;
    Ad_END_ALLOW_THREADS
    if (r < 0) {
        errno = err;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    return socket_make_addr((struct sockaddr *)&addr, len);
}

static AdObject *sock_getsockname(AdObject *self, AdObject *unused)
{
    (void)unused;
    return sock_name((SockObject *)self, 0);
}

static AdObject *sock_getpeername(AdObject *self, AdObject *unused)
{
    (void)unused;
    return sock_name((SockObject *)self, 1);
}

static AdObject *sock_setsockopt(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (AdArg_CheckPositional("setsockopt", nargs, 3, 4) < 0)
        return NULL;
    int level, opt, r;
    if (int_arg(args[0], &level) < 0 || int_arg(args[1], &opt) < 0)
        return NULL;
    if (nargs == 4) {
        int optlen;
        if (args[2] != Ad_None)
            return AdErr_Format(AdExc_TypeError, "setsockopt() argument 3 must be None, not %T", args[2]);
        if (int_arg(args[3], &optlen) < 0)
            return NULL;
        r = setsockopt(s->fd, level, opt, NULL, (socklen_t)optlen);
    } else if (AdInt_Check(args[2])) {
        int v;
        if (int_arg(args[2], &v) < 0)
            return NULL;
        r = setsockopt(s->fd, level, opt, &v, sizeof v);
    } else {
        AdBuffer view;
        if (AdObject_GetBuffer(args[2], &view, AD_BUF_SIMPLE) < 0)
            return NULL;
        r = setsockopt(s->fd, level, opt, view.buf, (socklen_t)view.len);
        AdBuffer_Release(&view);
    }
    if (r < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    Ad_RETURN_NONE;
}

static AdObject *sock_getsockopt(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (AdArg_CheckPositional("getsockopt", nargs, 2, 3) < 0)
        return NULL;
    int level, opt, buflen = 0;
    if (int_arg(args[0], &level) < 0 || int_arg(args[1], &opt) < 0 ||
        (nargs == 3 && int_arg(args[2], &buflen) < 0))
        return NULL;
    if (nargs < 3) {
        int v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(s->fd, level, opt, &v, &len) < 0)
            return AdErr_SetFromErrno(AdExc_OSError);
        return AdInt_FromInt64(v);
    }
    if (buflen <= 0 || buflen > 1024) {
        AdErr_SetString(AdExc_OSError, "getsockopt buflen out of range");
        return NULL;
    }
    AdObject *b = AdBytes_FromStringAndSize(NULL, buflen);
    if (!b)
        return NULL;
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(s->fd, level, opt, AdBytes_AS_STRING(b), &len) < 0) {
        Ad_DECREF(b);
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    if ((int)len != buflen && AdBytes_Resize(&b, len) < 0)
        return NULL;
    return b;
}

static AdObject *sock_enter_dup(AdObject *self, AdObject *unused)
{
    (void)unused;
    SockObject *s = (SockObject *)self;
    int fd = fcntl(s->fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    SockObject *n = (SockObject *)sock_new(AD_TYPE(self), NULL, NULL);
    if (!n) {
        close(fd);
        return NULL;
    }
    n->fd = fd;
    n->family = s->family;
    n->type = s->type;
    n->proto = s->proto;
    n->timeout = s->timeout;
    return (AdObject *)n;
}

static AdMethodDef sock_methods[] = {
    {"_accept", FN(sock_accept), AD_METH_NOARGS, "_accept() -> (integer, address info)"},
    {"bind", FN(sock_bind), AD_METH_O, "bind(address)"},
    {"close", FN(sock_close), AD_METH_NOARGS, "close()"},
    {"connect", FN(sock_connect), AD_METH_O, "connect(address)"},
    {"connect_ex", FN(sock_connect_ex), AD_METH_O, "connect_ex(address) -> errno"},
    {"detach", FN(sock_detach), AD_METH_NOARGS, "detach()"},
    {"dup", FN(sock_enter_dup), AD_METH_NOARGS, "dup() -> socket object"},
    {"fileno", FN(sock_fileno), AD_METH_NOARGS, "fileno() -> integer"},
    {"getpeername", FN(sock_getpeername), AD_METH_NOARGS, "getpeername() -> address info"},
    {"getsockname", FN(sock_getsockname), AD_METH_NOARGS, "getsockname() -> address info"},
    {"getsockopt", FN(sock_getsockopt), AD_METH_FASTCALL, "getsockopt(level, option[, buffersize]) -> value"},
    {"getblocking", FN(sock_getblocking), AD_METH_NOARGS, "getblocking()"},
    {"gettimeout", FN(sock_gettimeout), AD_METH_NOARGS, "gettimeout() -> timeout"},
    {"listen", FN(sock_listen), AD_METH_FASTCALL, "listen([backlog])"},
    {"recv", FN(sock_recv), AD_METH_FASTCALL, "recv(buffersize[, flags]) -> data"},
    {"recv_into", FN(sock_recv_into), AD_METH_FASTCALL | AD_METH_KEYWORDS, "recv_into(buffer, [nbytes[, flags]])"},
    {"recvmsg", FN(socket_recvmsg), AD_METH_FASTCALL,
     "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)"},
    {"recvmsg_into", FN(socket_recvmsg_into), AD_METH_FASTCALL,
     "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)"},
    {"recvfrom", FN(sock_recvfrom), AD_METH_FASTCALL, "recvfrom(buffersize[, flags]) -> (data, address info)"},
    {"recvfrom_into", FN(sock_recvfrom_into), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)"},
    {"send", FN(sock_send), AD_METH_FASTCALL, "send(data[, flags]) -> count"},
    {"sendall", FN(sock_sendall), AD_METH_FASTCALL, "sendall(data[, flags])"},
    {"sendmsg", FN(socket_sendmsg), AD_METH_FASTCALL, "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count"},
    {"sendto", FN(sock_sendto), AD_METH_FASTCALL, "sendto(data[, flags], address) -> count"},
    {"setblocking", FN(sock_setblocking), AD_METH_O, "setblocking(flag)"},
    {"setsockopt", FN(sock_setsockopt), AD_METH_FASTCALL, "setsockopt(level, option, value)"},
    {"settimeout", FN(sock_settimeout), AD_METH_O, "settimeout(timeout)"},
    {"shutdown", FN(sock_shutdown), AD_METH_O, "shutdown(flag)"},
    {NULL, NULL, 0, NULL},
};

static AdMemberDef sock_members[] = {
    {"family", AD_T_INT, offsetof(SockObject, family), AD_READONLY, "the socket family"},
    {"type", AD_T_INT, offsetof(SockObject, type), AD_READONLY, "the socket type"},
    {"proto", AD_T_INT, offsetof(SockObject, proto), AD_READONLY, "the socket protocol"},
    {NULL, 0, 0, 0, NULL},
};

static AdGetSetDef sock_getset[] = {
    {"timeout", sock_get_timeout, NULL, "the socket timeout", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

AdTypeObject socket_type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_socket.socket",
    .tp_basicsize = sizeof(SockObject),
    .tp_dealloc = sock_dealloc,
    .tp_finalize = sock_finalize,
    .tp_repr = sock_repr,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_setattro = AdObject_GenericSetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\n"
              "socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object",
    .tp_methods = sock_methods,
    .tp_members = sock_members,
    .tp_getset = sock_getset,
    .tp_init = sock_init,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = sock_new,
    .tp_free = AdObject_Free,
};
