# Run under CPython 3.14 (tools/gen-parser-expectations/*, via py314 --batch).
# Reads the job file named in JOBS (one "MODE<TAB>SOURCE<TAB>OUTPUT" per line,
# paths relative to the current directory) and, for each SOURCE, does what the
# Adder test runner checks:
#   mode "ast":    OUTPUT gets exactly what
#                  print(ast.dump(ast.parse(src, path), include_attributes=True))
#                  prints (UTF-8), or the error line below if it fails;
#   mode "err":    OUTPUT gets one line  Type|msg|lineno|offset|end_lineno|end_offset
#                  for the SyntaxError (or subclass) that ast.parse raises, or OK;
#   mode "sha":    OUTPUT gets "SHA256  SOURCE" lines (appended, in job order):
#                  the sha256 of what mode "ast" would print, or
#                  "ERROR Type|msg|...  SOURCE" when the file does not parse.
# Prints a summary on stdout.
import ast, hashlib, sys, warnings

JOBS = "@JOBS@"


def err_line(e):
    return "%s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                  e.end_lineno, e.end_offset)


def parse(path):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tree = ast.parse(src, path)
        except SyntaxError as e:
            return None, err_line(e)
        except Exception as e:  # ValueError etc.: not a SyntaxError; flag it loudly
            return None, "NOT-A-SYNTAXERROR %s: %s" % (type(e).__name__, e)
    for w in caught:  # shown for review only; warnings go to stderr, not stdout
        print("WARNING", path, "%s: %s" % (w.category.__name__, w.message))
    return ast.dump(tree, include_attributes=True) + "\n", None


def compile_note(path):
    """Valid cases should also compile; say so when only the compiler rejects one."""
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(src, path, "exec", dont_inherit=True)
        except SyntaxError as e:
            print("NOTE-COMPILE-ERROR", path, err_line(e))


counts = {"ok": 0, "error": 0}
sha_out = {}
with open(JOBS, encoding="utf-8") as jobs:
    for line in jobs:
        mode, src, out = line.rstrip("\n").split("\t")
        text, err = parse(src)
        counts["ok" if err is None else "error"] += 1
        if mode == "ast":
            with open(out, "w", encoding="utf-8", newline="\n") as f:
                f.write(text if err is None else err + "\n")
            if err is not None:
                print("UNEXPECTED-ERROR", src, err)
            else:
                compile_note(src)
        elif mode == "err":
            with open(out, "w", encoding="utf-8", newline="\n") as f:
                f.write((err if err is not None else "OK") + "\n")
            if err is None:
                print("UNEXPECTED-OK", src)
        elif mode == "sha":
            if err is None:
                digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            else:
                digest = "ERROR " + err
                print("STDLIB-ERROR", src, err)
            sha_out.setdefault(out, []).append("%s  %s\n" % (digest, src))
        else:
            raise SystemExit("bad mode " + mode)
for out, lines in sha_out.items():
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
print("parsed %(ok)d, errors %(error)d" % counts)
