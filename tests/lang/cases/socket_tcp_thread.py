# a TCP server thread on 127.0.0.1 (port 0); blocking calls release the GIL
import socket, threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(('127.0.0.1', 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, type(port).__name__, port > 0)

log = []
def serve():
    for i in range(2):
        conn, addr = srv.accept()
        with conn:
            log.append(addr[0])
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data[::-1])

t = threading.Thread(target=serve)
t.start()
for msg in (b"abcdef", b"x" * 100000):
    with socket.create_connection(('127.0.0.1', port), timeout=5) as c:
        print("client timeout", c.gettimeout(), c.getblocking())
        c.sendall(msg)
        c.shutdown(socket.SHUT_WR)
        got = b""
        while True:
            d = c.recv(65536)
            if not d:
                break
            got += d
        print(len(got), got == msg[::-1])
t.join()
print("server saw", log)
srv.close()
print(srv.fileno())
try:
    srv.accept()
except OSError as e:
    print(type(e).__name__, e.errno)
# the makefile() path
a, b = socket.socketpair()
fa = a.makefile('rwb')
b.sendall(b"line one\nline two\n")
print(fa.readline(), fa.readline())
fa.write(b"reply\n"); fa.flush()
print(b.recv(100))
fa.close(); a.close(); b.close()
