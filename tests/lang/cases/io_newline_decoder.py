import _io
d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("c", final=True)), d.newlines)
print(d.getstate())
d.decode("x\r")
print(d.getstate())
d.reset()
print(d.getstate(), d.newlines)
e = _io.IncrementalNewlineDecoder(None, False)
print(repr(e.decode("a\r\nb\rc\n", True)), e.newlines)
try:
    d.decode(b"x")
except Exception as ex:
    print(type(ex).__name__, ex)
f = _io.IncrementalNewlineDecoder(None, translate=True)
f.decode("a\r")
f.setstate((b"", 0))
print(repr(f.decode("\n", final=True)))
