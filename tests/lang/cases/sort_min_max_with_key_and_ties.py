data = [('a', 3), ('b', 1), ('c', 3), ('d', 1)]
print(max(data, key=lambda p: p[1]), min(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1])[0], sorted(data, key=lambda p: p[1], reverse=True)[0])
