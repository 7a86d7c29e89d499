t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(1, 1), t[1:4], t + (9,), t * 2, len(t), 2 in t)
print((1, 2) < (1, 2, 3), (2,) > (1, 9), () == (), tuple('ab'), hash((1, 2)) == hash((1, 2)))
print((1,) * 0, tuple(range(3))[::-1], max((3, 1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    hash(([], 1))
except TypeError as e:
    print('TypeError:', e)
a, b = t[:2]
print(a, b)
