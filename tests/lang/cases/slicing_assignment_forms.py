l = list(range(10))
l[2:4] = []
print(l)
l[:0] = ['start']
print(l)
l[len(l):] = ['end']
print(l)
l[1:3] = 'xy'
print(l)
l[::3] = [None] * len(l[::3])
print(l)
del l[:2]
print(l)
l[-2:] = (7, 8, 9)
print(l)
s = 'hello world'
print(s[-5:], s[:-6], s[100:], s[-100:3], s[::-2], s[3:1], s[3:1:-1])
t = tuple(range(6))
print(t[1::2], t[::-1][:2], t[-1:-4:-1])
