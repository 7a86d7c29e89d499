import sys, _io
for name in ("stdin", "stdout", "stderr"):
    s = getattr(sys, name)
    print(name, type(s).__name__, s.name, s.mode, s.encoding, s.errors, s.newlines)
    print("  ", type(s.buffer).__name__, type(s.buffer.raw).__name__, s.buffer.raw.closefd, s.buffer.raw.mode, s.fileno())
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stderr.line_buffering, isinstance(sys.stdout, _io.TextIOWrapper))
print(sys.stdout.write("written\n"))
sys.stdout.flush()
sys.stdout.buffer.write(b"raw bytes\n")
sys.stdout.buffer.flush()
print("end", end="!\n", flush=True)
print("a", "b", sep="-", file=sys.stdout)
print(file=None)
