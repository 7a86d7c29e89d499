s = 'abcdefgh'
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[::2], s[::-1], s[-3:-1], s[1:-1:3])
l = list(range(10))
print(l[100:], l[-100:2], l[7:2:-2], l[::-3])
l[2:5] = ['x']
print(l)
l[::2] = [0] * len(l[::2])
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print('ValueError:', e)
del l[::3]
print(l)
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4))
