import math, _operator, sys, gc, time, itertools
tests = [lambda: math.sqrt(1, 2), lambda: _operator.add(1), lambda: len(1, 2), lambda: math.pi.hex(1),
         lambda: sys.getrefcount(), lambda: time.time(1), lambda: [].append(1, 2),
         lambda: list.append([], 1, 2), lambda: [].clear(1), lambda: id(), lambda: math.sqrt(x=1), lambda: len(x=1),
         lambda: sys.intern(), lambda: gc.isenabled(1), lambda: ''.join(), lambda: math.pow(1),
         lambda: {}.keys(1), lambda: sys.exc_info(1), lambda: sys.getrecursionlimit(1), lambda: math.floor(), lambda: abs()]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
