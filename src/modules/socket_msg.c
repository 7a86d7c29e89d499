/* socket_msg.c: the scatter/gather methods of `_socket.socket`:
 * sendmsg(buffers[, ancdata[, flags[, address]]]), recvmsg(bufsize[,
 * ancbufsize[, flags]]) and recvmsg_into(buffers[, ancbufsize[, flags]]),
 * with ancillary data as (level, type, data) triples (SCM_RIGHTS passes
 * descriptors). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include "objects/objects.h"
#include "objects/abstract.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "modules/posix_internal.h"
#include "modules/socket_internal.h"

typedef struct {
    struct msghdr msg;
    int flags;
} msg_ctx;

static ssize_t do_sendmsg(int fd, void *ctx)
{
    msg_ctx *c = ctx;
    return sendmsg(fd, &c->msg, c->flags | MSG_NOSIGNAL);
}

static ssize_t do_recvmsg(int fd, void *ctx)
{
    msg_ctx *c = ctx;
    c->msg.msg_namelen = sizeof(struct sockaddr_storage);
    return recvmsg(fd, &c->msg, c->flags);
}

/* Views over the items of an iterable of buffers; *n set. 0 or -1. */
static int get_buffers(AdObject *o, const char *fname, int writable, AdBuffer **views, struct iovec **iov,
                       Ad_ssize_t *n)
{
    *views = NULL;
    *iov = NULL;
    *n = 0;
    AdObject *seq = AdSequence_List(o);
    if (!seq) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_Format(AdExc_TypeError, "%s() argument 1 must be an iterable", fname);
        }
        return -1;
    }
    Ad_ssize_t len = AdList_GET_SIZE(seq);
    *views = calloc((size_t)len + 1, sizeof **views);
    *iov = calloc((size_t)len + 1, sizeof **iov);
    if (!*views || !*iov) {
        Ad_DECREF(seq);
        AdErr_NoMemory();
        return -1;
    }
    for (Ad_ssize_t i = 0; i < len; i++) {
        if (AdObject_GetBuffer(AdList_GET_ITEM(seq, i), &(*views)[i], writable ? AD_BUF_WRITABLE : AD_BUF_SIMPLE) <
            0) {
            Ad_DECREF(seq);
            return -1;
        }
        (*n)++;
        (*iov)[i].iov_base = (*views)[i].buf;
        (*iov)[i].iov_len = (size_t)(*views)[i].len;
    }
    Ad_DECREF(seq);
    return 0;
}

static void release_buffers(AdBuffer *views, struct iovec *iov, Ad_ssize_t n)
{
    for (Ad_ssize_t i = 0; i < n; i++)
        AdBuffer_Release(&views[i]);
    free(views);
    free(iov);
}

/* The control buffer for ancdata items (an iterable of (level, type,
 * data)); *ctl malloc'ed (NULL when empty), *ctllen its size. 0 or -1. */
static int build_control(AdObject *anc, void **ctl, size_t *ctllen)
{
    *ctl = NULL;
    *ctllen = 0;
    AdObject *seq = AdSequence_List(anc);
    if (!seq) {
        if (AdErr_ExceptionMatches(AdExc_TypeError)) {
            AdErr_Clear();
            AdErr_SetString(AdExc_TypeError, "sendmsg() argument 2 must be an iterable");
        }
        return -1;
    }
    Ad_ssize_t n = AdList_GET_SIZE(seq);
    int *levels = calloc((size_t)n + 1, sizeof(int)), *types = calloc((size_t)n + 1, sizeof(int));
    AdBuffer *views = calloc((size_t)n + 1, sizeof *views);
    Ad_ssize_t got = 0;
    int rc = -1;
    size_t total = 0;
    if (!levels || !types || !views) {
        AdErr_NoMemory();
        goto done;
    }
    for (Ad_ssize_t i = 0; i < n; i++) {
        AdObject *item = AdList_GET_ITEM(seq, i);
        if (!AdTuple_Check(item) && !AdList_Check(item)) {
            AdErr_Format(AdExc_TypeError,
                         "[sendmsg() ancillary data items]() argument must be 3-item sequence, not %T", item);
            goto done;
        }
        AdObject *t = AdSequence_List(item);
        if (!t)
            goto done;
        if (AdList_GET_SIZE(t) != 3) {
            AdErr_Format(AdExc_TypeError,
                         "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %zd",
                         AdList_GET_SIZE(t));
            Ad_DECREF(t);
            goto done;
        }
        if (posix_int(AdList_GET_ITEM(t, 0), &levels[i]) < 0 || posix_int(AdList_GET_ITEM(t, 1), &types[i]) < 0 ||
            AdObject_GetBuffer(AdList_GET_ITEM(t, 2), &views[i], AD_BUF_SIMPLE) < 0) {
            Ad_DECREF(t);
            goto done;
        }
        Ad_DECREF(t);
        got++;
        total += CMSG_SPACE((size_t)views[i].len);
    }
    if (total) {
        *ctl = calloc(1, total);
        if (!*ctl) {
            AdErr_NoMemory();
            goto done;
        }
        struct msghdr m;
        memset(&m, 0, sizeof m);
        m.msg_control = *ctl;
        m.msg_controllen = total;
        struct cmsghdr *c = CMSG_FIRSTHDR(&m);
        for (Ad_ssize_t i = 0; i < n && c; i++) {
            c->cmsg_level = levels[i];
            c->cmsg_type = types[i];
            c->cmsg_len = CMSG_LEN((size_t)views[i].len);
            memcpy(CMSG_DATA(c), views[i].buf, (size_t)views[i].len);
            c = CMSG_NXTHDR(&m, c);
        }
        *ctllen = total;
    }
    rc = 0;
done:
    for (Ad_ssize_t i = 0; i < got; i++)
        AdBuffer_Release(&views[i]);
    free(levels);
    free(types);
    free(views);
    Ad_DECREF(seq);
    return rc;
}

AdObject *socket_sendmsg(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (AdArg_CheckPositional("sendmsg", nargs, 1, 4) < 0)
        return NULL;
    msg_ctx c;
    memset(&c, 0, sizeof c);
    struct sockaddr_storage addr;
    if (nargs > 2 && posix_int(args[2], &c.flags) < 0)
        return NULL;
    if (nargs > 3 && args[3] != Ad_None) {
        socklen_t alen;
        if (socket_parse_addr(s, args[3], &addr, &alen, "sendmsg") < 0)
            return NULL;
        c.msg.msg_name = &addr;
        c.msg.msg_namelen = alen;
    }
    AdBuffer *views;
    struct iovec *iov;
    Ad_ssize_t nb;
    if (get_buffers(args[0], "sendmsg", 0, &views, &iov, &nb) < 0) {
        release_buffers(views, iov, nb);
        return NULL;
    }
    void *ctl = NULL;
    size_t ctllen = 0;
    if (nargs > 1 && build_control(args[1], &ctl, &ctllen) < 0) {
        release_buffers(views, iov, nb);
        return NULL;
    }
    c.msg.msg_iov = iov;
    c.msg.msg_iovlen = (size_t)nb;
    c.msg.msg_control = ctl;
    c.msg.msg_controllen = ctllen;
    ssize_t n = socket_call(s, 1, do_sendmsg, &c, 0);
    free(ctl);
    release_buffers(views, iov, nb);
    if (n < 0)
        return NULL;
    return AdInt_FromInt64(n);
}

/* (ancdata list, msg_flags, address) after a recvmsg into c. */
static AdObject *recv_tail(msg_ctx *c, AdObject *first)
{
    AdObject *anc = AdList_New(0);
    if (!anc)
        return NULL;
    if (c->msg.msg_controllen) {
        for (struct cmsghdr *h = CMSG_FIRSTHDR(&c->msg); h; h = CMSG_NXTHDR(&c->msg, h)) {
            size_t dlen = h->cmsg_len - CMSG_LEN(0);
            const char *data = (const char *)CMSG_DATA(h);
            const char *end = (const char *)c->msg.msg_control + c->msg.msg_controllen;
            if (data + dlen > end)
                dlen = data <= end ? (size_t)(end - data) : 0;
            AdObject *lv = AdInt_FromInt64(h->cmsg_level), *ty = AdInt_FromInt64(h->cmsg_type),
                     *d = AdBytes_FromStringAndSize(data, (Ad_ssize_t)dlen);
            AdObject *t = lv && ty && d ? AdTuple_Pack(3, lv, ty, d) : NULL;
            Ad_XDECREF(lv);
            Ad_XDECREF(ty);
            Ad_XDECREF(d);
            if (!t || AdList_Append(anc, t) < 0) {
                Ad_XDECREF(t);
                Ad_DECREF(anc);
                return NULL;
            }
            Ad_DECREF(t);
        }
    }
    AdObject *fl = AdInt_FromInt64(c->msg.msg_flags);
    AdObject *ad = fl ? socket_make_addr(c->msg.msg_name, c->msg.msg_namelen) : NULL;
    AdObject *r = ad ? AdTuple_Pack(4, first, anc, fl, ad) : NULL;
    Ad_DECREF(anc);
    Ad_XDECREF(fl);
    Ad_XDECREF(ad);
    return r;
}

static int anc_args(AdObject *const *args, Ad_ssize_t nargs, size_t *ancsize, int *flags)
{
    *ancsize = 0;
    if (nargs > 1) {
        int v;
        if (posix_int(args[1], &v) < 0)
            return -1;
        if (v < 0) {
            AdErr_SetString(AdExc_ValueError, "invalid ancillary data buffer length");
            return -1;
        }
        *ancsize = (size_t)v;
    }
    if (nargs > 2 && posix_int(args[2], flags) < 0)
        return -1;
    return 0;
}

AdObject *socket_recvmsg(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (AdArg_CheckPositional("recvmsg", nargs, 1, 3) < 0)
        return NULL;
    int size;
    msg_ctx c;
    memset(&c, 0, sizeof c);
    size_t ancsize;
    if (posix_int(args[0], &size) < 0)
        return NULL;
    if (size < 0) {
        AdErr_SetString(AdExc_ValueError, "negative buffer size in recvmsg()");
        return NULL;
    }
    if (anc_args(args, nargs, &ancsize, &c.flags) < 0)
        return NULL;
    AdObject *b = AdBytes_FromStringAndSize(NULL, size);
    if (!b)
        return NULL;
    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    struct iovec iov = {.iov_base = AdBytes_AS_STRING(b), .iov_len = (size_t)size};
    void *ctl = ancsize ? calloc(1, ancsize) : NULL;
    if (ancsize && !ctl) {
        Ad_DECREF(b);
        return AdErr_NoMemory();
    }
    c.msg.msg_name = &addr;
    c.msg.msg_iov = &iov;
    c.msg.msg_iovlen = 1;
    c.msg.msg_control = ctl;
    c.msg.msg_controllen = ancsize;
    ssize_t n = socket_call(s, 0, do_recvmsg, &c, 0);
    AdObject *r = NULL;
    if (n >= 0 && (n == size || AdBytes_Resize(&b, n) == 0))
        r = recv_tail(&c, b);
    Ad_XDECREF(b);
    free(ctl);
    return r;
}

AdObject *socket_recvmsg_into(AdObject *self, AdObject *const *args, Ad_ssize_t nargs)
{
    SockObject *s = (SockObject *)self;
    if (AdArg_CheckPositional("recvmsg_into", nargs, 1, 3) < 0)
        return NULL;
    msg_ctx c;
    memset(&c, 0, sizeof c);
    size_t ancsize;
    if (anc_args(args, nargs, &ancsize, &c.flags) < 0)
        return NULL;
    AdBuffer *views;
    struct iovec *iov;
    Ad_ssize_t nb;
    if (get_buffers(args[0], "recvmsg_into", 1, &views, &iov, &nb) < 0) {
        release_buffers(views, iov, nb);
        return NULL;
    }
    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    void *ctl = ancsize ? calloc(1, ancsize) : NULL;
    c.msg.msg_name = &addr;
    c.msg.msg_iov = iov;
    c.msg.msg_iovlen = (size_t)nb;
    c.msg.msg_control = ctl;
    c.msg.msg_controllen = ctl ? ancsize : 0;
    ssize_t n = socket_call(s, 0, do_recvmsg, &c, 0);
    release_buffers(views, iov, nb);
    AdObject *r = NULL;
    if (n >= 0) {
        AdObject *no = AdInt_FromInt64(n);
        if (no) {
            r = recv_tail(&c, no);
            Ad_DECREF(no);
        }
    }
    free(ctl);
    return r;
}
