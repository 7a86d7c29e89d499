a, b = [1, 2, 3], 'ab'
n = max(len(a), len(b))
print([(a[i] if i < len(a) else None, b[i] if i < len(b) else None) for i in range(n)])
print(list(reversed(list(enumerate('xyz')))))
