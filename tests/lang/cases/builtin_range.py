r = range(10, 0, -3)
print(list(r), len(r), r[1], r[-1], r[1:3], 4 in r, 5 in r, r.index(7), r.count(4), r)
print(range(5) == range(0, 5), range(0) == range(5, 2), list(range(-2)), range(3).start, range(1, 9, 2).step)
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))))
big = range(10 ** 20)
print(len(range(0, 10 ** 6, 7)), big[-1], 10 ** 19 in big)
try:
    range(1, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print('OverflowError:', e)
