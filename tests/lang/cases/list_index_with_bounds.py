l = ['a', 'b', 'c', 'b', 'a']
print(l.index('b'), l.index('b', 2), l.index('a', -1), l.index('c', 0, 3))
try:
    l.index('c', 3)
except ValueError as e:
    print('ValueError:', e)
