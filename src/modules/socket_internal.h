/* socket_internal.h: what the files of the `_socket` module share: the
 * socket object, address conversion (Python <-> struct sockaddr), the
 * module's exception classes and its default timeout. */
#ifndef ADDER_MODULES_SOCKET_INTERNAL_H
#define ADDER_MODULES_SOCKET_INTERNAL_H
#include <sys/socket.h>
#include <sys/types.h>
#include "objects/object.h"

typedef struct {
    AdObject_HEAD;
    int fd;             /* -1 once closed or detached */
    int family;
    int type;           /* without SOCK_NONBLOCK / SOCK_CLOEXEC */
    int proto;
    double timeout;     /* < 0: blocking without limit; 0: non-blocking */
} SockObject;

extern AdTypeObject socket_type;

/* The module's default timeout for new sockets (-1: none). */
extern double socket_default_timeout;
/* socket.herror and socket.gaierror (owned by the module once made). */
extern AdObject *socket_herror;
extern AdObject *socket_gaierror;

/* Raises gaierror(code, gai_strerror(code)) (EAI_SYSTEM: from errno). NULL. */
AdObject *socket_set_gaierror(int code);
/* Raises type(code, msg). NULL. */
AdObject *socket_raise_pair(AdObject *type, int code, const char *msg);

/* Converts a timeout argument (None, int or float seconds) to *out
 * (-1 for None); ValueError "Timeout value out of range" when negative. */
int socket_timeout_arg(AdObject *o, double *out);

/* Resolves host name (a str/bytes/bytearray) to an address of family af
 * (AF_INET, AF_INET6 or AF_UNSPEC) in *addr. "" means any address,
 * "<broadcast>" the broadcast address. 0, or -1 with gaierror/TypeError. */
int socket_resolve(AdObject *name, struct sockaddr_storage *addr, int af);

/* The Python address of s's family for op (e.g. "connect") in addr and len:
 * 0, or -1 with CPython's TypeError/OverflowError/OSError texts. */
int socket_parse_addr(SockObject *s, AdObject *o, struct sockaddr_storage *addr, socklen_t *len,
                      const char *op);
/* The Python form of a C address: a str/bytes path, (host, port) or
 * (host, port, flowinfo, scope_id); None when len is 0. New ref. */
AdObject *socket_make_addr(const struct sockaddr *sa, socklen_t len);
/* The numeric text of an IPv4/IPv6 address. New ref. */
AdObject *socket_make_ipaddr(const struct sockaddr *sa);

/* An I/O step run on fd with the GIL released: >= 0, or -1 with errno. */
typedef ssize_t (*socket_io_fn)(int fd, void *ctx);
/* Runs fn until it succeeds, honouring s's timeout (deadline <= 0: now +
 * timeout; poll for reading or writing in between) and retrying on EINTR
 * after the signal handlers ran. fn's result, or -1 with an exception
 * (TimeoutError "timed out", or the OSError of errno). */
ssize_t socket_call(SockObject *s, int writing, socket_io_fn fn, void *ctx, double deadline);
/* The methods of socket_msg.c: sendmsg, recvmsg and recvmsg_into. */
AdObject *socket_sendmsg(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);
AdObject *socket_recvmsg(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);
AdObject *socket_recvmsg_into(AdObject *self, AdObject *const *args, Ad_ssize_t nargs);

/* Adds the integer constants to module m. 0 or -1. */
int socket_add_constants(AdObject *m);
#endif
