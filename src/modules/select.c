/* select.c: the `select` module: select() over lists of ints or objects
 * with fileno(), poll objects (register/modify/unregister/poll with a
 * timeout in milliseconds), epoll objects (what selectors.EpollSelector
 * uses: register/modify/unregister/poll with a timeout in seconds,
 * close/closed/fileno/fromfd, context manager), the POLL* and EPOLL*
 * constants, PIPE_BUF and error (= OSError). Calls interrupted by a signal
 * run the handlers and retry with the time that is left (PEP 475). */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>
#include "import/builtin_modules.h"
#include "objects/objects.h"
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "memory/gc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#define FN(f) ((void (*)(void))(f))

/* The fd of an int or of an object's fileno() (CPython's messages). */
static int object_fd(AdObject *o, int *fd)
{
    AdObject *v;
    if (AdInt_Check(o)) {
        v = Ad_NewRef(o);
    } else {
        AdObject *meth = AdObject_GetAttrString(o, "fileno");
        if (!meth) {
            if (!AdErr_ExceptionMatches(AdExc_AttributeError))
                return -1;
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        v = AdObject_CallNoArgs(meth);
        Ad_DECREF(meth);
        if (!v)
            return -1;
        if (!AdInt_Check(v)) {
            Ad_DECREF(v);
            AdErr_SetString(AdExc_TypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    int64_t n = AdInt_AsInt64(v);
    Ad_DECREF(v);
    if (n == -1 && AdErr_Occurred())
        return -1;
    if (n > INT_MAX) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    if (n < 0) {
        AdErr_Format(AdExc_ValueError, "file descriptor cannot be a negative integer (%d)", (int)n);
        return -1;
    }
    *fd = (int)n;
    return 0;
}

static double monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A timeout in seconds (None: -1 = forever); message for a wrong type. */
static int seconds_arg(AdObject *o, double *out, const char *type_msg)
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
    } else if (AdIndex_Check(o)) {
        AdObject *i = AdNumber_Index(o);
        if (!i)
            return -1;
        d = AdFloat_AsDouble(i);
        Ad_DECREF(i);
        if (d == -1 && AdErr_Occurred())
            return -1;
    } else {
        AdErr_SetString(AdExc_TypeError, type_msg);
        return -1;
    }
    *out = d;
    return 0;
}

/* ---- select() --------------------------------------------------------- */

/* Fills set from seq and returns the list of (fd, object) pairs kept in
 * *objs (a list of the objects, fds in *fds). */
static int seq_to_set(AdObject *seq, fd_set *set, int *maxfd, AdObject **objs, int **fds)
{
    FD_ZERO(set);
    *objs = NULL;
    *fds = NULL;
    AdObject *list = AdSequence_List(seq);
    if (!list) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "arguments 1-3 must be sequences");
        }
        return -1;
    }
    Ad_ssize_t n = AdList_GET_SIZE(list);
    *fds = malloc(sizeof(int) * ((size_t)n + 1));
    if (!*fds) {
        Ad_DECREF(list);
        AdErr_NoMemory();
        return -1;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        int fd;
        if (object_fd(AdList_GET_ITEM(list, i), &fd) < 0) {
            Ad_DECREF(list);
            return -1;
        }
        if (fd >= FD_SETSIZE) {
            Ad_DECREF(list);
            AdErr_SetString(AdExc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
        FD_SET(fd, set);
        (*fds)[i] = fd;
        if (fd > *maxfd)
            *maxfd = fd;
    }
    *objs = list;
    return 0;
}

static AdObject *set_to_list(AdObject *objs, const int *fds, fd_set *set)
{
    AdObject *r = AdList_New(0);
    Ad_ssize_t n = AdList_GET_SIZE(objs);
    for (Ad_ssize_t i = 0; r && i < n; i++)
        if (FD_ISSET(fds[i], set) && AdList_Append(r, AdList_GET_ITEM(objs, i)) < 0)
            AD_CLEAR(r);
    return r;
}

static AdObject *select_select(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs < 3 || nargs > 4)
        return AdErr_Format(AdExc_TypeError, "select expected %s, got %zd",
                            nargs < 3 ? "at least 3 arguments" : "at most 4 arguments", nargs);
    double timeout = -1;
    if (nargs == 4 && seconds_arg(args[3], &timeout, "timeout must be a float or None") < 0)
        return NULL;
    if (nargs == 4 && args[3] != Ad_None && timeout < 0) {
        AdErr_SetString(AdExc_ValueError, "timeout must be non-negative");
        return NULL;
    }
    fd_set sets[3], ready[3];
    AdObject *objs[3] = {NULL, NULL, NULL};
    int *fds[3] = {NULL, NULL, NULL};
    AdObject *result = NULL;
    int maxfd = -1;
    for (int k = 0; k < 3; k++)
        if (seq_to_set(args[k], &sets[k], &maxfd, &objs[k], &fds[k]) < 0)
            goto done;
    double deadline = timeout >= 0 ? monotonic() + timeout : 0;
    for (;;) {
        struct timeval tv, *tvp = NULL;
        if (timeout >= 0) {
            double left = deadline - monotonic();
            if (left < 0)
                left = 0;
            tv.tv_sec = (time_t)left;
            tv.tv_usec = (suseconds_t)ceil((left - (double)tv.tv_sec) * 1e6);
            if (tv.tv_usec >= 1000000) {
                tv.tv_sec++;
                tv.tv_usec -= 1000000;
            }
            tvp = &tv;
        }
        memcpy(ready, sets, sizeof ready);
        int n = select(maxfd + 1, &ready[0], &ready[1], &ready[2], tvp);
        if (n >= 0)
            break;
        if (errno != EINTR) {
            AdErr_SetFromErrno(AdExc_OSError);
            goto done;
        }
        if (AdErr_CheckSignals() < 0)
            goto done;
    }
    AdObject *l[3];
    for (int k = 0; k < 3; k++)
        l[k] = set_to_list(objs[k], fds[k], &ready[k]);
    if (l[0] && l[1] && l[2])
        result = AdTuple_Pack(3, l[0], l[1], l[2]);
    for (int k = 0; k < 3; k++)
        Ad_XDECREF(l[k]);
done:
    for (int k = 0; k < 3; k++) {
        Ad_XDECREF(objs[k]);
        free(fds[k]);
    }
    return result;
}

/* ---- poll objects ------------------------------------------------------ */

typedef struct {
    AdObject_HEAD;
    struct pollfd *fds;     /* registration order */
    Ad_ssize_t n, cap;
    int polling;
} PollObject;

static AdTypeObject Poll_Type;

static Ad_ssize_t poll_find(PollObject *p, int fd)
{
    for (Ad_ssize_t i = 0; i < p->n; i++)
        if (p->fds[i].fd == fd)
            return i;
    return -1;
}

static int mask_arg(AdObject *o, unsigned short *out)
{
    int64_t v = AdInt_AsInt64(o);
    if (v == -1 && AdErr_Occurred())
        return -1;
    if (v < 0) {
        AdErr_SetString(AdExc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    if (v > USHRT_MAX) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *out = (unsigned short)v;
    return 0;
}

static AdObject *poll_register(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    PollObject *p = (PollObject *)self;
    if (nargs < 1 || nargs > 2)
        return AdErr_Format(AdExc_TypeError, "register expected %s, got %zd",
                            nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
    int fd;
    unsigned short mask = POLLIN | POLLPRI | POLLOUT;
    if (object_fd(args[0], &fd) < 0 || (nargs == 2 && mask_arg(args[1], &mask) < 0))
        return NULL;
    Ad_ssize_t i = poll_find(p, fd);
    if (i < 0) {
        if (p->n == p->cap) {
            Ad_ssize_t cap = p->cap ? p->cap * 2 : 8;
            struct pollfd *nf = realloc(p->fds, sizeof *nf * (size_t)cap);
            if (!nf)
                return AdErr_NoMemory();
            p->fds = nf;
            p->cap = cap;
        }
        i = p->n++;
        p->fds[i].fd = fd;
    }
    p->fds[i].events = (short)mask;
    p->fds[i].revents = 0;
    Ad_RETURN_NONE;
}

static AdObject *poll_modify(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    PollObject *p = (PollObject *)self;
    if (nargs != 2)
        return AdErr_Format(AdExc_TypeError, "modify expected 2 arguments, got %zd", nargs);
    int fd;
    unsigned short mask;
    if (object_fd(args[0], &fd) < 0 || mask_arg(args[1], &mask) < 0)
        return NULL;
    Ad_ssize_t i = poll_find(p, fd);
    if (i < 0) {
        errno = ENOENT;
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    p->fds[i].events = (short)mask;
    Ad_RETURN_NONE;
}

static AdObject *poll_unregister(AdObject *self, AdObject *arg)
{
    PollObject *p = (PollObject *)self;
    int fd;
    if (object_fd(arg, &fd) < 0)
        return NULL;
    Ad_ssize_t i = poll_find(p, fd);
    if (i < 0) {
        AdObject *k = AdInt_FromInt64(fd);
        if (k) {
            AdErr_SetObject(AdExc_KeyError, k);
            Ad_DECREF(k);
        }
        return NULL;
    }
    memmove(&p->fds[i], &p->fds[i + 1], sizeof *p->fds * (size_t)(p->n - i - 1));
    p->n--;
    Ad_RETURN_NONE;
}

static AdObject *poll_poll(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    PollObject *p = (PollObject *)self;
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "poll expected at most 1 argument, got %zd", nargs);
    double ms = -1;
    if (nargs == 1 && seconds_arg(args[0], &ms, "timeout must be an integer or None") < 0)
        return NULL;
    if (p->polling) {
        AdErr_SetString(AdExc_RuntimeError, "concurrent poll() invocation");
        return NULL;
    }
    if (ms >= 0)
        ms = ceil(ms);
    if (ms > INT_MAX) {
        AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    double deadline = ms >= 0 ? monotonic() * 1000 + ms : 0;
    int n;
    p->polling = 1;
    for (;;) {
        int t = -1;
        if (ms >= 0) {
            double left = ceil(deadline - monotonic() * 1000);
            t = left < 0 ? 0 : (int)left;
        }
        n = poll(p->fds, (nfds_t)p->n, t);
        if (n >= 0)
            break;
        if (errno != EINTR) {
            p->polling = 0;
            return AdErr_SetFromErrno(AdExc_OSError);
        }
        if (AdErr_CheckSignals() < 0) {
            p->polling = 0;
            return NULL;
        }
    }
    p->polling = 0;
    AdObject *r = AdList_New(0);
    for (Ad_ssize_t i = 0; r && i < p->n; i++) {
        if (!p->fds[i].revents)
            continue;
        AdObject *a = AdInt_FromInt64(p->fds[i].fd);
        AdObject *b = AdInt_FromInt64((unsigned short)p->fds[i].revents);
        AdObject *t = a && b ? AdTuple_Pack(2, a, b) : NULL;
        Ad_XDECREF(a);
        Ad_XDECREF(b);
        if (!t || AdList_Append(r, t) < 0)
            AD_CLEAR(r);
        Ad_XDECREF(t);
    }
    return r;
}

static void poll_dealloc(AdObject *o)
{
    free(((PollObject *)o)->fds);
    AdObject_Free(o);
}

static AdMethodDef poll_methods[] = {
    {"register", FN(poll_register), AD_METH_FASTCALL, "Register a file descriptor with the polling object."},
    {"modify", FN(poll_modify), AD_METH_FASTCALL, "Modify an already registered file descriptor."},
    {"unregister", FN(poll_unregister), AD_METH_O, "Remove a file descriptor being tracked by the polling object."},
    {"poll", FN(poll_poll), AD_METH_FASTCALL, "Polls the set of registered file descriptors."},
    {NULL, NULL, 0, NULL},
};

static AdObject *poll_no_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    (void)args;
    (void)kwds;
    return AdErr_Format(AdExc_TypeError, "cannot create '%s' instances", type->tp_name);
}

static AdTypeObject Poll_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "select.poll",
    .tp_basicsize = sizeof(PollObject),
    .tp_dealloc = poll_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_methods = poll_methods,
    .tp_new = poll_no_new,
    .tp_free = AdObject_Free,
};

static AdObject *select_poll(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    PollObject *p = (PollObject *)AdObject_New(&Poll_Type);
    if (!p)
        return NULL;
    p->fds = NULL;
    p->n = p->cap = 0;
    p->polling = 0;
    return (AdObject *)p;
}

/* ---- epoll objects ----------------------------------------------------- */

typedef struct {
    AdObject_HEAD;
    int epfd;               /* -1 once closed */
} EpollObject;

static AdTypeObject Epoll_Type;

static int epoll_open(EpollObject *e)
{
    if (e->epfd < 0) {
        AdErr_SetString(AdExc_ValueError, "I/O operation on closed epoll object");
        return -1;
    }
    return 0;
}

static AdObject *epoll_wrap(AdTypeObject *type, int fd)
{
    EpollObject *e = (EpollObject *)type->tp_alloc(type, 0);
    if (!e) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    e->epfd = fd;
    return (AdObject *)e;
}

static int parse_kw(const char *fname, AdObject *args, AdObject *kwds, const char *const *names, int n,
                    AdObject **out)
{
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    Ad_ssize_t na = args ? AdTuple_GET_SIZE(args) : 0;
    if (na > n) {
        AdErr_Format(AdExc_TypeError, "%s() takes at most %d arguments (%zd given)", fname, n, na);
        return -1;
    }
    for (Ad_ssize_t i = 0; i < na; i++)
        out[i] = AdTuple_GET_ITEM(args, i);
    if (kwds) {
        Ad_ssize_t pos = 0;
        AdObject *k, *v;
        while (AdDict_Next(kwds, &pos, &k, &v)) {
            const char *s = AdStr_AsUTF8(k);
            if (!s)
                return -1;
            int found = -1;
            for (int i = 0; i < n; i++)
                if (!strcmp(names[i], s))
                    found = i;
            if (found < 0) {
                AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, s);
                return -1;
            }
            if (out[found]) {
                AdErr_Format(AdExc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                             s, found + 1);
                return -1;
            }
            out[found] = v;
        }
    }
    return 0;
}

static AdObject *epoll_new(AdTypeObject *type, AdObject *args, AdObject *kwds)
{
    static const char *const names[] = {"sizehint", "flags"};
    AdObject *a[2];
    if (parse_kw("epoll", args, kwds, names, 2, a) < 0)
        return NULL;
    int64_t sizehint = -1, flags = 0;
    if (a[0] && (sizehint = AdInt_AsInt64(a[0])) == -1 && AdErr_Occurred())
        return NULL;
    if (a[1] && (flags = AdInt_AsInt64(a[1])) == -1 && AdErr_Occurred())
        return NULL;
    if (sizehint != -1 && sizehint <= 0) {
        AdErr_SetString(AdExc_ValueError, "negative sizehint");
        return NULL;
    }
    if (flags && flags != EPOLL_CLOEXEC) {
        AdErr_SetString(AdExc_OSError, "invalid flags");
        return NULL;
    }
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    return epoll_wrap(type, fd);
}

static void epoll_dealloc(AdObject *o)
{
    EpollObject *e = (EpollObject *)o;
    if (e->epfd >= 0)
        close(e->epfd);
    AD_TYPE(o)->tp_free(o);
}

static AdObject *epoll_close(AdObject *self, AdObject *unused)
{
    (void)unused;
    EpollObject *e = (EpollObject *)self;
    if (e->epfd >= 0) {
        int fd = e->epfd;
        e->epfd = -1;
        if (close(fd) < 0)
            return AdErr_SetFromErrno(AdExc_OSError);
    }
    Ad_RETURN_NONE;
}

static AdObject *epoll_get_closed(AdObject *self, void *unused)
{
    (void)unused;
    return AdBool_FromLong(((EpollObject *)self)->epfd < 0);
}

static AdObject *epoll_fileno(AdObject *self, AdObject *unused)
{
    (void)unused;
    EpollObject *e = (EpollObject *)self;
    if (epoll_open(e) < 0)
        return NULL;
    return AdInt_FromInt64(e->epfd);
}

static AdObject *epoll_fromfd(AdObject *cls, AdObject *arg)
{
    int64_t fd = AdInt_AsInt64(arg);
    if (fd == -1 && AdErr_Occurred())
        return NULL;
    return epoll_wrap((AdTypeObject *)cls, (int)fd);
}

static int epoll_kw(const char *fname, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames,
                    const char *const *names, int n, int nreq, AdObject **out)
{
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    if (nargs > n)
        return AdErr_Format(AdExc_TypeError, "%s() takes at most %d arguments (%zd given)", fname, n, nargs),
               -1;
    for (Ad_ssize_t i = 0; i < nargs; i++)
        out[i] = args[i];
    Ad_ssize_t nk = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    for (Ad_ssize_t k = 0; k < nk; k++) {
        const char *s = AdStr_AsUTF8(AdTuple_GET_ITEM(kwnames, k));
        if (!s)
            return -1;
        int found = -1;
        for (int i = 0; i < n; i++)
            if (!strcmp(names[i], s))
                found = i;
        if (found < 0) {
            AdErr_Format(AdExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, s);
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

static AdObject *epoll_ctl_common(EpollObject *e, int op, AdObject *fdobj, AdObject *maskobj)
{
    int fd;
    unsigned mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (epoll_open(e) < 0 || object_fd(fdobj, &fd) < 0)
        return NULL;
    if (maskobj) {
        int64_t v = AdInt_AsInt64(maskobj);
        if (v == -1 && AdErr_Occurred())
            return NULL;
        mask = (unsigned)v;
    }
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = mask;
    ev.data.fd = fd;
    if (epoll_ctl(e->epfd, op, fd, op == EPOLL_CTL_DEL ? NULL : &ev) < 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    Ad_RETURN_NONE;
}

static AdObject *epoll_register(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"fd", "eventmask"};
    AdObject *a[2];
    if (epoll_kw("register", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    return epoll_ctl_common((EpollObject *)self, EPOLL_CTL_ADD, a[0], a[1]);
}

static AdObject *epoll_modify(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"fd", "eventmask"};
    AdObject *a[2];
    if (epoll_kw("modify", args, nargs, kwnames, names, 2, 2, a) < 0)
        return NULL;
    return epoll_ctl_common((EpollObject *)self, EPOLL_CTL_MOD, a[0], a[1]);
}

static AdObject *epoll_unregister(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    static const char *const names[] = {"fd"};
    AdObject *a[1];
    if (epoll_kw("unregister", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    return epoll_ctl_common((EpollObject *)self, EPOLL_CTL_DEL, a[0], NULL);
}

static AdObject *epoll_poll(AdObject *self, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    EpollObject *e = (EpollObject *)self;
    static const char *const names[] = {"timeout", "maxevents"};
    AdObject *a[2];
    if (epoll_kw("poll", args, nargs, kwnames, names, 2, 0, a) < 0 || epoll_open(e) < 0)
        return NULL;
    double secs = -1;
    if (seconds_arg(a[0], &secs, "timeout must be an integer or None") < 0)
        return NULL;
    int64_t maxevents = -1;
    if (a[1] && (maxevents = AdInt_AsInt64(a[1])) == -1 && AdErr_Occurred())
        return NULL;
    if (maxevents == -1)
        maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1) {
        AdErr_Format(AdExc_ValueError, "maxevents must be greater than 0, got %d", (int)maxevents);
        return NULL;
    }
    double ms = secs < 0 ? -1 : ceil(secs * 1e3);
    if (ms > INT_MAX) {
        AdErr_SetString(AdExc_OverflowError, "timeout is too large");
        return NULL;
    }
    struct epoll_event *evs = malloc(sizeof *evs * (size_t)maxevents);
    if (!evs)
        return AdErr_NoMemory();
    double deadline = ms >= 0 ? monotonic() * 1000 + ms : 0;
    int n;
    for (;;) {
        int t = -1;
        if (ms >= 0) {
            double left = ceil(deadline - monotonic() * 1000);
            t = left < 0 ? 0 : (int)left;
        }
        n = epoll_wait(e->epfd, evs, (int)maxevents, t);
        if (n >= 0)
            break;
        if (errno != EINTR) {
            free(evs);
            return AdErr_SetFromErrno(AdExc_OSError);
        }
        if (AdErr_CheckSignals() < 0) {
            free(evs);
            return NULL;
        }
    }
    AdObject *r = AdList_New(0);
    for (int i = 0; r && i < n; i++) {
        AdObject *x = AdInt_FromInt64(evs[i].data.fd), *y = AdInt_FromInt64(evs[i].events);
        AdObject *t = x && y ? AdTuple_Pack(2, x, y) : NULL;
        Ad_XDECREF(x);
        Ad_XDECREF(y);
        if (!t || AdList_Append(r, t) < 0)
            AD_CLEAR(r);
        Ad_XDECREF(t);
    }
    free(evs);
    return r;
}

static AdObject *epoll_enter(AdObject *self, AdObject *unused)
{
    (void)unused;
    if (epoll_open((EpollObject *)self) < 0)
        return NULL;
    return Ad_NewRef(self);
}

static AdObject *epoll_exit(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return epoll_close(self, NULL);
}

static AdMethodDef epoll_methods[] = {
    {"close", FN(epoll_close), AD_METH_NOARGS, "Close the epoll control file descriptor."},
    {"fileno", FN(epoll_fileno), AD_METH_NOARGS, "Return the epoll control file descriptor."},
    {"fromfd", FN(epoll_fromfd), AD_METH_O | AD_METH_CLASS, "Create an epoll object from a given control fd."},
    {"register", FN(epoll_register), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", FN(epoll_modify), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Modify event mask for a registered file descriptor."},
    {"unregister", FN(epoll_unregister), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Remove a registered file descriptor from the epoll object."},
    {"poll", FN(epoll_poll), AD_METH_FASTCALL | AD_METH_KEYWORDS, "Wait for events on the epoll file descriptor."},
    {"__enter__", FN(epoll_enter), AD_METH_NOARGS, NULL},
    {"__exit__", FN(epoll_exit), AD_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static AdGetSetDef epoll_getset[] = {
    {"closed", epoll_get_closed, NULL, "True if the epoll handler is closed", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static AdTypeObject Epoll_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "select.epoll",
    .tp_basicsize = sizeof(EpollObject),
    .tp_dealloc = epoll_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object.",
    .tp_methods = epoll_methods,
    .tp_getset = epoll_getset,
    .tp_alloc = AdType_GenericAlloc,
    .tp_new = epoll_new,
    .tp_free = AdObject_Free,
};

/* ---- the module ---------------------------------------------------------- */

static AdMethodDef select_methods[] = {
    {"select", FN(select_select), AD_METH_FASTCALL,
     "select($module, rlist, wlist, xlist, timeout=None, /)\n--\n\nWait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", FN(select_poll), AD_METH_NOARGS,
     "poll($module, /)\n--\n\nReturns a polling object."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitSelect(void)
{
    AdObject *m = AdModule_New("select");
    if (!m)
        return NULL;
    static const struct {
        const char *name;
        long long value;
    } consts[] = {
        {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
        {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
        {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
        {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI}, {"EPOLLERR", EPOLLERR},
        {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", EPOLLET}, {"EPOLLONESHOT", EPOLLONESHOT},
        {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
        {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND},
        {"EPOLLMSG", EPOLLMSG}, {"EPOLL_CLOEXEC", EPOLL_CLOEXEC}, {"PIPE_BUF", PIPE_BUF},
    };
    if (AdType_Ready(&Poll_Type) < 0 || AdType_Ready(&Epoll_Type) < 0 ||
        AdModule_SetDocString(m, "This module supports asynchronous I/O on multiple file descriptors.\n\n"
                                 "*** IMPORTANT NOTICE ***\n"
                                 "On Windows, only sockets are supported; on Unix, all file descriptors.") < 0 ||
        AdModule_AddFunctions(m, select_methods) < 0 || AdModule_AddObjectRef(m, "error", AdExc_OSError) < 0 ||
        AdModule_AddObjectRef(m, "epoll", (AdObject *)&Epoll_Type) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++)
        if (AdModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0)
            goto fail;
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
