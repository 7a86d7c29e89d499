# parse_cpython.py: the parser benchmark's CPython side: reads every file
# first, then times ast.parse over all of them ROUNDS times and prints the
# best round in seconds.
#   parse_cpython.py ROUNDS FILE...      time ast.parse
#   parse_cpython.py --parsable FILE...  print the files this CPython parses
#                                        (3.13 cannot parse a few 3.14 files:
#                                        t-strings, PEP 758 except clauses)
import ast
import sys
import time

if sys.argv[1] == "--parsable":
    for name in sys.argv[2:]:
        with open(name, "rb") as f:
            data = f.read()
        try:
            ast.parse(data, name)
        except SyntaxError:
            continue
        print(name)
    sys.exit(0)

rounds = int(sys.argv[1])
sources = []
for name in sys.argv[2:]:
    with open(name, "rb") as f:
        sources.append((name, f.read()))
best = float("inf")
for _ in range(rounds):
    t0 = time.perf_counter()
    for name, data in sources:
        ast.parse(data, name)
    best = min(best, time.perf_counter() - t0)
print(f"{best:.4f}")
