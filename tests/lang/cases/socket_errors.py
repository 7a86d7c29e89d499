# _socket argument checking and errors (CPython's messages)
import socket, _socket as s
for e in ['s.setdefaulttimeout(-1)','s.htons(-1)','s.htons(70000)','s.htonl(-1)','s.htonl(2**32)',
          's.inet_aton("x")','s.inet_ntoa(b"12")','s.inet_pton(s.AF_INET,"x")','s.inet_ntop(s.AF_INET,b"1")',
          's.inet_ntop(99,b"1")','s.getservbyport(99999)','s.getprotobyname("zz")',
          's.socket().connect(1)','s.socket().connect((1,))','s.socket().connect(("127.0.0.1",99999))',
          's.socket(s.AF_INET6).connect(("::1",1,2**21))','s.socket(s.AF_UNIX).connect(1)',
          's.socket(s.AF_UNIX).connect("x"*200)','s.socket().recv(-1)','s.getaddrinfo("127.0.0.1",1.5)',
          's.getnameinfo(1,0)','s.getnameinfo(("127.0.0.1",),0)','s.socket().settimeout(-1)',
          's.socket().sendto(b"")','s.socket().listen(1,2)','s.socket().recv_into(bytearray(1),5)',
          's.socket().recv_into(bytearray(1),-1)','s.socket(fileno=-5)','s.socket().getsockopt(1,2,-1)',
          's.socket().setsockopt(1,2,"x")','s.socket().recv(1)','s.socket(s.AF_UNIX).connect("/tmp/nonexistent-adder-sock")',
          's.socket().getpeername()','s.socket().getsockname()','s.socket().connect(("127.0.0.1","x"))',
          's.inet_pton(s.AF_INET6,"::1")','s.inet_ntop(s.AF_INET6,b"\\0"*15+b"\\1")','s.inet_pton(s.AF_INET,"10.1.2.3")',
          's.socket(s.AF_INET, s.SOCK_DGRAM).type','s.socket(s.AF_INET, s.SOCK_STREAM|s.SOCK_NONBLOCK).gettimeout()',
          's.getaddrinfo(None, 0, s.AF_INET6, s.SOCK_STREAM, 0, s.AI_PASSIVE)',
          's.getnameinfo(("::1", 80, 0, 0), s.NI_NUMERICHOST|s.NI_NUMERICSERV)',
          's.getnameinfo(("127.0.0.1", 80), s.NI_NUMERICHOST|s.NI_NUMERICSERV)',
          's.getaddrinfo(b"127.0.0.1", b"80", s.AF_INET, s.SOCK_STREAM)','s.getaddrinfo(1, 80)','s.htonl(1.0)',
          's.ntohs(True)', 's.htons(1)', 's.ntohl(1)', 's.CMSG_LEN(4) >= 4', 's.has_ipv6',
          'socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)',
          'socket.getaddrinfo("::1", 443, socket.AF_INET6, socket.SOCK_STREAM)',
          'socket.gethostbyname("127.0.0.1")', 'socket.gethostbyname_ex("127.0.0.1")',
          'socket.getservbyname("http", "tcp")', 'socket.getprotobyname("udp")',
          'socket.timeout is TimeoutError', 'socket.error is OSError', 'socket.gaierror.__mro__', 'socket.herror.__mro__',
          'socket.setdefaulttimeout(2.5)', 'socket.getdefaulttimeout()', 'socket.socket().gettimeout()',
          'socket.setdefaulttimeout(None)', 'socket.socket().gettimeout()']:
    try:
        print(e, '->', repr(eval(e)))
    except BaseException as x:
        print(e, '->', type(x).__name__, x)
