import _io
def err(f, *a):
    try:
        r = f(*a)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError))
print(_io.UnsupportedOperation.__module__, _io.UnsupportedOperation.__name__)
b = _io._IOBase()
print(b.readable(), b.writable(), b.seekable(), b.closed, b.isatty())
err(b.seek, 0)
err(b.tell)
err(b.truncate)
err(b.fileno)
err(b._checkSeekable)
err(b._checkReadable)
err(b._checkWritable)
print(b.flush())
with b as x:
    print(x is b)
print(b.closed)
err(b.flush)
err(b.isatty)
err(iter, b)
err(b._checkClosed)
err(b.__enter__)
b.close()
r = _io._RawIOBase()
err(r.read)
err(r.read, 2)
err(r.readinto, bytearray(2))
err(r.write, b"x")
bb = _io._BufferedIOBase()
err(bb.read)
err(bb.read1)
err(bb.write, b"x")
err(bb.detach)
err(bb.readinto, bytearray(1))
t = _io._TextIOBase()
err(t.read)
err(t.readline)
err(t.write, "x")
err(t.detach)
print(t.encoding, t.newlines, t.errors)

class MyRaw(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos, 3)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
m = MyRaw(b"abcdefgh\nij\nk")
print(m.read(2), m.read(), m.read())
m.pos = 0
print(m.readall())
m.pos = 0
print(m.readline(), m.readlines())
m.pos = 0
br = _io.BufferedReader(m, 4)
print(br.read(5), br.peek(1)[:1], br.readline(), br.read())

class Lines(_io._IOBase):
    def __init__(self):
        self.items = [b"one\n", b"two\n", b""]
    def readline(self, size=-1):
        return self.items.pop(0)
print(list(Lines()))
w = []
class W(_io._IOBase):
    def write(self, x):
        w.append(x)
W().writelines(["a", "b"])
print(w)
class Closer(_io._IOBase):
    def close(self):
        print("close called")
        super().close()
c = Closer()
del c
print("after del")
