l = list(range(8))
print(l[None:None:-1], l[-1::-3], l[5:None:-2], l[:-9:-1], l[-9:], l[2:2])
print(l[slice(None, 3)], l[slice(-3, None)], l[slice(1, 7, 3)])
class Idx:
    def __index__(self): return 2
print(l[Idx()], l[Idx():], l[:Idx()])
try:
    l['a']
except TypeError as e:
    print('TypeError:', e)
try:
    l[1.0]
except TypeError as e:
    print('TypeError:', e)
try:
    l[::0]
except ValueError as e:
    print('ValueError:', e)
