# sorting.py: list sorting (keys, stability) and comprehensions.
seed = 12345
data = []
for i in range(150000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    data.append(seed % 100000)
a = sorted(data)
b = sorted(data, key=lambda x: (x % 100, -x))
pairs = [(x % 10, i) for i, x in enumerate(data)]
pairs.sort(key=lambda p: p[0])
squares = [x * x for x in a if x % 3 == 0]
print(a[0], a[-1], b[:3], pairs[:2], len(squares), sum(squares) % 1000003)
