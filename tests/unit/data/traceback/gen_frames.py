# gen_frames.py: makes frames.txt, the expected output of CPython 3.14's
# traceback.StackSummary.format_frame_summary for synthetic frames.
# Run with the reference interpreter:  ../shared/tools/py314 gen_frames.py OUTDIR
# Each case: random statement source (binary operators, subscripts, calls,
# attribute chains, multi-line brackets, comments, backslashes, wide and
# non-ASCII characters, tabs), a position taken from one of its AST nodes
# (as an instruction's co_positions() would give) or a random one.
import ast, random, sys, traceback, warnings
warnings.simplefilter("ignore")

rnd = random.Random(314)
NAMES = ["a", "b", "foo", "bar_baz", "x1", "self", "obj", "ñame", "变量", "λ", "data"]
STRS = ["'s'", "'中文'", "'😀'", "'a\\tb'", "\"x#y\"", "'é'", "'\\\\'", "'()'", "'[('"]
OPS = ["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^"]

def atom(d):
    r = rnd.random()
    if d > 2 or r < 0.35:
        return rnd.choice(NAMES)
    if r < 0.45:
        return str(rnd.randint(0, 999))
    if r < 0.55:
        return rnd.choice(STRS)
    if r < 0.65:
        return "(" + expr(d + 1) + ")"
    if r < 0.72:
        return "[" + expr(d + 1) + ", " + expr(d + 1) + "]"
    return rnd.choice(NAMES)

def primary(d):
    s = atom(d)
    for _ in range(rnd.choice([0, 0, 1, 1, 2, 3]) if d < 3 else 0):
        k = rnd.random()
        if k < 0.35:
            s += "." + rnd.choice(NAMES)
        elif k < 0.65:
            args = [expr(d + 1) for _ in range(rnd.choice([0, 1, 1, 2, 3]))]
            if rnd.random() < 0.2:
                args.append(rnd.choice(NAMES) + "=" + expr(d + 1))
            s += rnd.choice(["", " "]) * (rnd.random() < 0.15) + "(" + ", ".join(args) + ")"
        else:
            idx = expr(d + 1)
            if rnd.random() < 0.2:
                idx = idx + ":" + expr(d + 1)
            s += "[" + idx + "]"
    return s

def expr(d=0):
    s = primary(d)
    if d < 3:
        for _ in range(rnd.choice([0, 0, 1, 1, 2])):
            op = rnd.choice(OPS)
            sp = rnd.choice([" ", " ", "", "  "])
            s = s + sp + op + sp + primary(d + 1)
    return s

def multiline(src):
    # break inside brackets at commas/operators/opening brackets, sometimes
    # adding comments, blank lines or backslashes
    out = []
    depth = 0
    i = 0
    quote = None
    while i < len(src):
        c = src[i]
        out.append(c)
        if quote:
            if c == "\\":
                out.append(src[i + 1]); i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "([":
            depth += 1
            if rnd.random() < 0.35:
                out.append(rnd.choice(["\n", "\n    ", "\n\t", "  # c(\n  ", "\n\n  "]))
        elif c in ")]":
            depth -= 1
        elif c in ",+*-" and depth > 0 and rnd.random() < 0.4:
            out.append(rnd.choice(["\n", "\n        ", " # x[\n", "\n\n", "\n  \n ", "\n    "]))
        elif c == " " and depth == 0 and rnd.random() < 0.1 and out[-2:-1] != ["\\"]:
            out.append("\\\n    ")
        i += 1
    return "".join(out)

def make_source():
    e = expr()
    form = rnd.random()
    if form < 0.3:
        stmt = e
    elif form < 0.5:
        stmt = "return " + e
    elif form < 0.7:
        stmt = rnd.choice(NAMES) + " = " + e
    elif form < 0.78:
        stmt = "if " + e + ": pass"
    elif form < 0.85:
        stmt = rnd.choice(NAMES) + " += " + e
    elif form < 0.9:
        stmt = "return " + rnd.choice(NAMES) + "(" + e + ")"
    else:
        stmt = rnd.choice(NAMES) + " = " + rnd.choice(NAMES) + "(" + e + ")"
    if rnd.random() < 0.4:
        stmt = multiline(stmt)
    if rnd.random() < 0.2:
        stmt += "  # trailing ¿"
    indent = rnd.choice(["", "", "    ", "        ", "\t", "  "])
    lines = stmt.split("\n")
    body = [indent + lines[0]] + [indent + l if l.strip() else l for l in lines[1:]]
    pre = rnd.choice([0, 0, 1, 3])
    header = ["def f():"] * (pre > 0) + ["    pass"] * (pre - 1 if pre else 0)
    return header, body

def parse_ok(header, body):
    src = "\n".join(["def _w():"] + ["    " + l if l else l for l in header + body]) + "\n"
    try:
        t = ast.parse("\n".join(body).replace("\t", " ", 0) if False else textwrap_dedent(body))
        return t
    except SyntaxError:
        return None

def textwrap_dedent(body):
    import textwrap
    return textwrap.dedent("\n".join(body)) + "\n"

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

def node_positions(tree):
    res = []
    for n in ast.walk(tree):
        if isinstance(n, (ast.expr, ast.stmt)) and hasattr(n, "lineno"):
            res.append((n.lineno, n.end_lineno, n.col_offset, n.end_col_offset))
    return res

def main():
    outdir = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    ss = traceback.StackSummary()
    cases = []
    tries = 0
    while len(cases) < count and tries < count * 20:
        tries += 1
        header, body = make_source()
        tree = parse_ok(header, body)
        if tree is None:
            continue
        poss = node_positions(tree)
        if rnd.random() < 0.5:
            try:
                co = compile(textwrap_dedent(body), "<gen>", "exec")
            except SyntaxError:
                co = None
            if co is not None:
                cps = []
                stack = [co]
                while stack:
                    c = stack.pop()
                    stack.extend(k for k in c.co_consts if hasattr(k, "co_positions"))
                    cps.extend(p for p in c.co_positions() if None not in p)
                if cps:
                    poss = cps
        if not poss:
            continue
        # the body as it sits in the file: its own indentation; ast
        # columns are relative to the dedented text, so shift them back
        import textwrap
        ded = textwrap.dedent("\n".join(body)).split("\n")
        fl = header + body
        base = len(header)
        for _ in range(rnd.choice([1, 2, 3])):
            lno, elno, col, ecol = rnd.choice(poss)
            shift_l = len(body[lno - 1].encode()) - len(ded[lno - 1].encode())
            shift_e = len(body[elno - 1].encode()) - len(ded[elno - 1].encode())
            col += shift_l
            ecol += shift_e
            r = rnd.random()
            if r < 0.05:
                col = ecol = None
            elif r < 0.1:
                col = rnd.randint(0, 30); ecol = rnd.randint(0, 40)
            elif r < 0.13:
                ecol = None
            lineno = base + lno
            end_lineno = base + elno
            lines = "\n".join(l.rstrip() for l in fl[lineno - 1:end_lineno]) + "\n"
            name = rnd.choice(["f", "<module>", "método", "g.<locals>.h"])
            filename = rnd.choice(["/tmp/x.py", "<stdin-3>", "<stdin>", "<string>", "a b/ü.py", "<stdin-x"])
            fs = traceback.FrameSummary(filename, lineno, name, lookup_line=False,
                                        line=lines, end_lineno=end_lineno,
                                        colno=col, end_colno=ecol)
            try:
                exp = ss.format_frame_summary(fs)
            except Exception as e:
                continue
            cases.append((filename, name, lineno, end_lineno, col, ecol, lines, exp))
    # a few hand-made ones: no lines, empty lines, None lineno
    extra = [
        ("/x.py", "f", 3, 3, 0, 5, None),
        ("/x.py", "f", 3, 3, 0, 5, "\n"),
        ("/x.py", "f", 3, 3, None, None, "   \n"),
        ("/x.py", "f", 3, 3, 4, 9, "    1/0\n"),
        ("/x.py", "f", None, None, None, None, None),
    ]
    for (fn, nm, l, el, c, ec, lines) in extra:
        fs = traceback.FrameSummary(fn, l, nm, lookup_line=False, line=lines,
                                    end_lineno=el, colno=c, end_colno=ec)
        cases.append((fn, nm, l, el, c, ec, lines, ss.format_frame_summary(fs)))
    def num(v):
        return "-" if v is None else str(v)
    with open(outdir + "/frames.txt", "w", encoding="utf-8") as f:
        f.write("# generated by gen_frames.py with CPython 3.14; one case per 8 lines\n")
        for (fn, nm, l, el, c, ec, lines, exp) in cases:
            f.write("case\n")
            f.write("file " + esc(fn) + "\n")
            f.write("name " + esc(nm) + "\n")
            f.write("pos %s %s %s %s\n" % (num(l), num(el), num(c), num(ec)))
            f.write("lines " + esc(lines) + "\n")
            f.write("expect " + esc(exp) + "\n")
    print(len(cases), "cases")

main()
