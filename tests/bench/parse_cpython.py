# parse_cpython.py: the parser benchmark's CPython side: reads every file
# first, then times ast.parse over all of them ROUNDS times and prints the
# best round in seconds.
import ast
import sys
import time

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
