# gen_misc.py: makes misc.txt for test_traceback_print.c with CPython 3.14:
# stacks (StackSummary.format and its recursion cut-off), SyntaxError
# layouts (TracebackException.format_exception_only) and suggestions
# (_suggestions._generate_suggestions, what traceback uses for "Did you mean").
# Run: ../shared/tools/py314 gen_misc.py OUTDIR
import random, sys, traceback, _suggestions

rnd = random.Random(2718)

def esc(s):
    if s is None:
        return "-"
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7f or o in (0x85, 0x2028, 0x2029):
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    return "=" + "".join(out)

def num(v):
    return "-" if v is None else str(v)

out = []

# ---- stacks ----
POOL = [("/a.py", 3, "f", "    return f(n - 1)\n", 4, 14),
        ("/a.py", 3, "g", "    return f(n - 1)\n", 11, 19),
        ("/a.py", 7, "f", "    x = a[1] + b\n", 8, 20),
        ("/b.py", 3, "f", None, None, None),
        ("<stdin-2>", 1, "<module>", "f(5)\n", 0, 4),
        ("/a.py", 3, "f", "    return f(n - 1)\n", None, None)]
for i in range(150):
    frames = []
    for _ in range(rnd.randint(1, 6)):
        fr = rnd.choice(POOL)
        frames.extend([fr] * rnd.choice([1, 1, 2, 3, 4, 5, 7, 12]))
    summ = traceback.StackSummary()
    for (fn, l, nm, lines, c, ec) in frames:
        summ.append(traceback.FrameSummary(fn, l, nm, lookup_line=False, line=lines,
                                           end_lineno=l, colno=c, end_colno=ec))
    exp = "".join(summ.format())
    out.append("stack %d" % len(frames))
    for (fn, l, nm, lines, c, ec) in frames:
        out.append("frame")
        out.append("file " + esc(fn))
        out.append("name " + esc(nm))
        out.append("pos %s %s %s %s" % (num(l), num(l), num(c), num(ec)))
        out.append("lines " + esc(lines))
    out.append("expect " + esc(exp))

# ---- syntax errors ----
TEXTS = [None, "x = (1 +\n", "    foo bar\n", "\tif x\n", "\f  a b c", "print 'x'\n", "",
         "   \n", "a = 中文 b\n", "f(**x, *y)\n", "x\n\n", " \t x y\n", "def f(:\n"]
MSGS = ["invalid syntax", "expected ':'", "", "unexpected indent", "Perhaps you forgot a comma?"]
TYPES = [SyntaxError, IndentationError, TabError]
for i in range(400):
    text = rnd.choice(TEXTS)
    def off():
        r = rnd.random()
        if r < 0.15:
            return None
        if r < 0.2:
            return "3"
        return rnd.randint(-2, 14)
    lineno = rnd.choice([None, 1, 4, 4, 4])
    end_lineno = rnd.choice([None, lineno, lineno, 5])
    filename = rnd.choice([None, "", "/x.py", "<string>", "ü.py"])
    offset, end_offset = off(), off()
    msg = rnd.choice(MSGS)
    t = rnd.choice(TYPES)
    e = t(msg, (filename, lineno, offset, text, end_lineno, end_offset))
    te = traceback.TracebackException.from_exception(e)
    try:
        exp = "".join(te.format_exception_only())
    except Exception:
        continue
    def okind(v):
        if v is None:
            return "-"
        if isinstance(v, int):
            return str(v)
        return "?"
    out.append("syntax")
    out.append("type " + esc(t.__name__))
    out.append("file " + esc(None if filename is None else str(filename)))
    out.append("lines %s %s" % (num(lineno), num(end_lineno)))
    out.append("offsets %s %s" % (okind(offset), okind(end_offset)))
    out.append("text " + esc(text))
    out.append("msg " + esc(msg))
    out.append("expect " + esc(exp))

# ---- suggestions ----
WORDS = ["append", "extend", "insert", "remove", "pop", "clear", "index", "count", "sort",
         "reverse", "copy", "foo", "Foo", "FOO", "foobar", "fooBar", "bar", "baz", "qux",
         "self", "value", "values", "item", "items", "keys", "get", "setdefault", "update",
         "print", "range", "len", "isinstance", "issubclass", "__init__", "_private",
         "a" * 39, "a" * 40, "a" * 41, "b" * 45 + "x", "b" * 45 + "y", "ñame", "name", "nāme",
         "x", "y", "xy", "abc", "abd", "ABC", "aBc", "sys", "os", "math", "collections"]
def typo(w):
    w = list(w)
    for _ in range(rnd.randint(0, 3)):
        k = rnd.random()
        p = rnd.randrange(len(w) + 1)
        if k < 0.3 and w:
            del w[min(p, len(w) - 1)]
        elif k < 0.6:
            w.insert(p, rnd.choice("abcxyzE_"))
        elif k < 0.8 and w:
            q = min(p, len(w) - 1)
            w[q] = w[q].swapcase()
        elif w:
            q = min(p, len(w) - 1)
            w[q] = rnd.choice("aeiouX")
    return "".join(w) or "z"
for i in range(600):
    n = rnd.choice([0, 1, 3, 8, 20, 40])
    names = [rnd.choice(WORDS) for _ in range(n)]
    if i % 100 == 7:
        names = ["n%d" % k for k in range(rnd.choice([748, 749, 750, 751]))]
        wrong = "n10x"
    else:
        wrong = typo(rnd.choice(WORDS)) if rnd.random() < 0.9 else rnd.choice(WORDS)
    exp = _suggestions._generate_suggestions(names, wrong)
    out.append("suggest %d" % len(names))
    for w in names:
        out.append(esc(w))
    out.append("wrong " + esc(wrong))
    out.append("expect " + esc(exp))

with open(sys.argv[1] + "/misc.txt", "w", encoding="utf-8") as f:
    f.write("# generated by gen_misc.py with CPython 3.14\n")
    f.write("\n".join(out) + "\n")
