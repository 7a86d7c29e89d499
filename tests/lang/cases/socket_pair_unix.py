# socketpair echo, AF_UNIX sockets in /tmp, datagrams, timeouts, detach/fromfd
import os, socket, tempfile, time

a, b = socket.socketpair()
print(a.family, a.type, a.proto, a.gettimeout())
a.send(b"ping")
print(b.recv(1024))
b.sendall(memoryview(b"0123456789")[2:6])
buf = bytearray(8)
print(a.recv_into(buf, 3), buf)
print(a.recv(10, socket.MSG_DONTWAIT))
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking(), a.timeout)
t0 = time.monotonic()
try:
    a.recv(1)
except socket.timeout as e:
    print("timed out:", e, time.monotonic() - t0 >= 0.04)
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
a.setblocking(True)
print(a.gettimeout(), a.getblocking())
fd = b.detach()
print(b.fileno(), fd >= 0)
c = socket.socket(fileno=fd)
print(c.family, c.type)
c.send(b"via fileno")
print(a.recv(100))
d = socket.fromfd(c.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
d.send(b"dup'ed")
print(a.recv(100))
for x in (a, c, d):
    x.close()
print(a.fileno(), a._closed)

path = tempfile.mktemp(prefix="adder-sock-", dir="/tmp")
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen()
print(srv.getsockname() == path)
cli = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
cli.connect(path)
conn, addr = srv.accept()
print(repr(addr), cli.getpeername() == path)
cli.sendall(b"over unix")
print(conn.recv(100))
for x in (cli, conn, srv):
    x.close()
os.unlink(path)

# datagrams
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.bind(("127.0.0.1", 0))
print(u2.sendto(b"dgram", u1.getsockname()))
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u2.sendto(b"into", 0, u1.getsockname())
buf = bytearray(10)
n, addr = u1.recvfrom_into(buf)
print(n, bytes(buf[:n]), addr == u2.getsockname())
u1.close(); u2.close()

# a closed port refuses
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
try:
    socket.create_connection(("127.0.0.1", port), timeout=2)
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e.errno)
s = socket.socket()
print(s.connect_ex(("127.0.0.1", port)) == __import__("errno").ECONNREFUSED)
s.close()
with socket.socket() as s:
    print(s)
print(s)
