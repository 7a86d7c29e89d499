a, b = 1, 2
t = t'{a} plus {b}'
print([type(p).__name__ for p in t])
print([p if isinstance(p, str) else p.value for p in t])
t2 = t + t' equals {a + b}'
print(t2.strings, t2.values)
print(t'' .strings, t''.interpolations)
try:
    t + 'plain'
except TypeError as e:
    print('TypeError:', e)
