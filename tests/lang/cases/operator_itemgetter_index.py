# itemgetter on exact and derived tuples/lists, str and range with every kind of index (the fast paths must agree with obj[key]).
import _operator as op
class L(list):
    def __getitem__(self, i): return ("L", i)
class T(tuple): pass
for obj in [[1,2,3], (1,2,3), L([1,2,3]), T((1,2,3)), "abc", range(3)]:
    for key in [0, 2, -1, -3, 3, -4, True, 2**70, -2**70]:
        for g in [op.itemgetter(key), op.itemgetter(key, 0)]:
            try: print(repr(g(obj)))
            except Exception as e: print(type(e).__name__, e)
