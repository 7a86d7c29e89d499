import _io, posix
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except OSError as e:
        if e.errno:
            print(type(e).__name__ + ":", e.strerror, "(with filename)" if e.filename else "")
        else:
            print(type(e).__name__ + ":", e)
    except Exception as e:
        print(type(e).__name__ + ":", e)
p = "/tmp/adder_io_textio_%d" % posix.getpid()
t = open(p, "w", encoding="utf-8")
print(repr(t).replace(p, "P"), t.encoding, t.errors, t.line_buffering, t.write_through, t.newlines)
print(t.write("héllo\nwörld\n"), t.tell(), t.writable(), t.readable(), t.seekable())
err(t.read)
err(t.write, b"x")
t.close()
print(repr(t).replace(p, "P"), t.closed)
err(t.write, "x")
err(t.read)
t = open(p, encoding="utf-8")
print(repr(t.read(3)), t.tell(), repr(t.readline()), t.tell(), repr(t.read()), t.tell())
t.seek(0)
print(list(t))
err(t.tell)
t.seek(0)
print(repr(t.readline(2)), repr(t.readline(0)))
err(t.readline, None)
err(t.seek, 1, 1)
err(t.seek, 1, 2)
err(t.seek, -1)
err(t.seek, 0, 7)
print(t.seek(0, 2), repr(t.read()))
t.close()
with open(p, "wb") as f:
    f.write(b"a\r\nb\rc\nd")
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        print(repr(nl), [f.readline() for _ in range(5)], f.newlines)
    with open(p, newline=nl) as f:
        print("  ", repr(f.read()))
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        f.write("x\ny\r\n")
    with open(p, "rb") as f:
        print(repr(nl), f.read())
for enc in ["latin-1", "ascii", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"]:
    with open(p, "w", encoding=enc) as f:
        f.write("abc\n")
    with open(p, "rb") as f:
        data = f.read()
    with open(p, encoding=enc) as f:
        print(enc, data, repr(f.read()))
with open(p, "w", encoding="ascii", errors="replace") as f:
    f.write("é€x")
print(open(p, "rb").read())
with open(p, "w", encoding="ascii") as f:
    err(f.write, "é")
with open(p, "wb") as f:
    f.write(b"ok\xff\xfe end\n")
with open(p, encoding="utf-8", errors="surrogateescape") as f:
    print(repr(f.read()))
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
with open(p, encoding="utf-8") as f:
    err(f.read)
with open(p, encoding="latin-1") as f:
    print(repr(f.read()))
with open(p, "w", encoding="utf-8") as f:
    f.write("0123456789\n" * 2000)
with open(p, encoding="utf-8") as f:
    n = 0
    for line in f:
        n += len(line)
    print(n)
    f.seek(0)
    print(len(f.read(20005)), f.tell(), repr(f.readline()), f.tell())
b = _io.BytesIO()
tw = _io.TextIOWrapper(b, encoding="utf-8", newline="\r\n", line_buffering=True)
tw.write("a\nb")
print(b.getvalue(), tw.line_buffering)
tw.reconfigure(line_buffering=False, write_through=True)
tw.write("c\n")
print(b.getvalue(), tw.write_through)
tw.flush()
print(tw.buffer is b, repr(tw))
raw = tw.detach()
print(raw is b)
err(tw.write, "x")
err(lambda: tw.buffer)
err(repr, tw)
tr = _io.TextIOWrapper(_io.BytesIO("é\nz".encode("latin-1")), encoding="latin-1")
print(repr(tr.read()), tr.encoding)
tr2 = _io.TextIOWrapper(_io.BytesIO(b"abc"), encoding="utf-8")
print(tr2.read(1))
err(tr2.reconfigure, encoding="latin-1")
err(tr2.reconfigure, errors="ignore")
print(tr2.errors, repr(tr2.read()))
err(_io.TextIOWrapper, _io.BytesIO(), encoding=5)
err(_io.TextIOWrapper, _io.BytesIO(), errors=5)
err(_io.TextIOWrapper, _io.BytesIO(), newline=5)
err(_io.TextIOWrapper, _io.BytesIO(), newline="zz")
err(_io.TextIOWrapper, _io.BytesIO(), encoding="nope")
t5 = _io.TextIOWrapper(_io.BytesIO(), encoding="utf-8")
print(t5._CHUNK_SIZE)
t5._CHUNK_SIZE = 10
print(t5._CHUNK_SIZE)
err(setattr, t5, "_CHUNK_SIZE", 0)
f = open(p, "r+", encoding="utf-8")
print(f.read(4), f.tell())
f.seek(0)
f.write("AB")
f.seek(0)
print(f.read(5))
f.close()
print(_io.TextIOWrapper.__mro__)
posix.unlink(p)
