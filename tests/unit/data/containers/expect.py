seqs = [[9, 2], [1, 3], [9, 17, 25, 1, 2], [1, 17, 25], [17, 1, 33, 9], [0, 1, 2, 3, 4], [25], [3, 17], [5, 13, 21, 29, 37, 45, 53, 61, 69, 77]]
print("sort bad=0")
sets = []
for sq in seqs:
    s = set()
    for x in sq: s.add(x)
    sets.append(s); print(s)
for a in sets:
    for b in sets:
        print(a | b); print(a & b); print(a - b); print(a ^ b)
s = set(sets[5]); s.discard(1); s.add(9); print(s); s.discard(9); s.add(1); print(s)
out = []
while s: out.append(s.pop())
print(" ".join(map(str, out)) + " ")
print("'pop from an empty set'")
s = set()
for i in range(200): s.add((i * 7919) % 1000)
for i in range(0, 200, 3): s.discard((i * 7919) % 1000)
for i in range(50): s.add(i * 31)
print(s)
print(s | sets[8])
for fs in [[0], [1], [1, 2], [-1], [-2], [5, 13, 21, 29, 37]]:
    pass
def fz(sq):
    f = frozenset()
    # mirror: empty frozenset then adds (C test adds to a frozenset directly)
    return frozenset(sq)
print(hash(frozenset()))
for sq in [[0], [1], [1, 2], [-1], [-2], [5, 13, 21, 29, 37]]: print(hash(frozenset(sq)))
f = frozenset(range(10)); print(hash(f)); g = frozenset([f]); print(hash(g)); print(g)
d = {}
for i in range(100): d[i * 13 % 37] = i
for i in range(0, 30, 2):
    try: del d[i]
    except KeyError: pass
for i in range(100, 110): d[i] = -i
print(d)
print(d.popitem())
print("KeyError 999")
print("cannot use 'list' as a dict key (unhashable type: 'list')")
print(d.copy())
print(d.keys())
s = {(3, 9), 3}
print(d.keys() & s); print(d.items() & s); print(d.keys() ^ s)
