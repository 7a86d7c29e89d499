# sendmsg/recvmsg/recvmsg_into: scatter/gather, SCM_RIGHTS, datagram addresses
import socket, struct, os
a, b = socket.socketpair()
print(a.sendmsg([b'ab', memoryview(b'cd')]))
print(b.recvmsg(10))
r, w = os.pipe()
a.sendmsg([b'q'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, struct.pack('i', w))])
m = b.recvmsg(10, socket.CMSG_SPACE(4))
print(m[0], m[1][0][:2], len(m[1][0][2]), m[2], m[3])
fd = struct.unpack('i', m[1][0][2])[0]
os.write(fd, b"through the passed fd")
print(os.read(r, 100))
for x in (r, w, fd):
    os.close(x)
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(u2.sendmsg([b'hi'], [], 0, u1.getsockname()))
d = u1.recvmsg(10)
print(d[0], d[3][0])
a.sendmsg([b'zz'])
buf = bytearray(5)
print(b.recvmsg_into([buf]), buf)
a.sendmsg([b'0123456789'])
b1, b2 = bytearray(3), bytearray(4)
print(b.recvmsg_into([b1, b2]), b1, b2)
for e in ['b.recvmsg(-1)', 'b.recvmsg(1,-1)', 'a.sendmsg(1)', 'a.sendmsg([1])', 'a.sendmsg([b""],[(1,2)])',
          'a.sendmsg([b""],[1])']:
    try:
        print(eval(e))
    except Exception as x:
        print(e, type(x).__name__, x)
for x in (a, b, u1, u2):
    x.close()
