# deque * n and *= n for every maxlen/size mix; re-running __init__; defaultdict odds.
from _collections import deque, defaultdict
for ml in (None, 0, 1, 2, 3, 4, 5, 7, 10):
    for n in (0, 1, 2, 3, 5):
        for init in ([], [1], [1, 2, 3], list(range(6))):
            d = deque(init, maxlen=ml)
            e = deque(init, maxlen=ml)
            e *= n
            print(ml, n, init, list(d * n), list(e), list(n * d))
d = deque([1, 2, 3])
d.__init__([4, 5], 1); print(d)
d.__init__(maxlen=3); print(d)
dd = defaultdict(lambda: 1 / 0)
try:
    dd['x']
except ZeroDivisionError as e:
    print('ZDE', dict(dd))
print(dd.__missing__ and defaultdict(int).__missing__('k'))
dd2 = defaultdict(int); dd2 |= [(1, 2)]; print(dd2)
print(defaultdict(int, {1: 2}) == {1: 2}, type(defaultdict(int).copy()))
