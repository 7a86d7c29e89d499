data = [('b', 2), ('a', 2), ('c', 1), ('d', 1), ('e', 3), ('f', 2)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
recs = [(n, i % 3) for i, n in enumerate('abcdefghij')]
step1 = sorted(recs, key=lambda r: r[0], reverse=True)
print(sorted(step1, key=lambda r: r[1]))
