n = 2000
seq = [(i * 7919) % n for i in range(n)]
s = sorted(seq)
print(s == list(range(n)), s[:5], s[-3:])
runs = list(range(500)) + list(range(499, -1, -1)) + list(range(250))
r = sorted(runs)
print(r[:3], r[-3:], len(r), all(r[i] <= r[i + 1] for i in range(len(r) - 1)))
keyed = sorted(range(1000), key=lambda x: x % 10)
print(keyed[:12], keyed[-3:])
