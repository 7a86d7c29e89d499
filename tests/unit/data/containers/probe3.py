def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except BaseException as e:
        print(type(e).__name__, repr(str(e)))
L=[1,2,3]
def a(): L[1:2] = 5
t(a)
def a(): L[1:2:1] = 5
t(a)
def a(): L[::1] = 5
t(a)
def a(): L[1:2:2] = 5
t(a)
def a(): L[::2] = [1]
t(a)
def a(): L[1:2] = (x for x in [7,8])
t(a); print(L)
class Bad:
    def __iter__(self): raise TypeError("inner")
def a(): L[1:2] = Bad()
t(a)
def a(): L.extend(Bad())
t(a)
def a(): L.extend(5)
t(a)
def a(): L.__setitem__(slice(0,1,0), [])
t(a)
def a(): return L[::0]
t(a)
def a(): return L[1.5]
t(a)
def a(): return [].sort(key=None, reverse=None)
t(a)
def a(): return [2,1].sort(reverse=2.5)
t(a)
def a(): return [2,1].sort(reverse="x")
t(a)
def a(): return [2,1].sort(None)
t(a)
def a(): x=[3,1,2]; x.sort(reverse=1); return x
t(a)
def a(): return L.__class_getitem__(int)
t(a)
def a(): return list.__class_getitem__((int,str))
t(a)
def a(): return L.index(1, 0, 2**100)
t(a)
def a(): return L.index(1, -2**100)
t(a)
def a(): return L.insert(2**100, 0)
t(a)
def a(): return L.pop(2**100)
t(a)
def a(): return L * 2**62
t(a)
def a(): return [None]*(2**62)
t(a)
def a(): return L + [1]
t(a)
def a(): return list((1,2)) + list(range(3))
t(a)
def a(): x = [1]; x += (2, 3); return x
t(a)
def a(): x = [1]; x *= 0; return x
t(a)
def a(): return [1, 2] == (1, 2)
t(a)
def a(): return [1, float('nan')] == [1, float('nan')]
t(a)
n = float('nan'); 
def a(): return [1, n] == [1, n], n in [n], [n].count(n), [n].index(n)
t(a)
def a(): return {1: 2}.keys() == {1}, {1:2}.items() == {(1,2)}
t(a)
def a(): return list({1:2}.keys().mapping)
t(a)
def a(): return {}.__reversed__
t(a)
def a(): d = {'a':1,'b':2}; r = reversed(d); d['c']=3; return list(r)
t(a)
def a(): d = {'a':1,'b':2}; r = iter(d.items()); next(r); return r.__length_hint__()
t(a)
def a(): x = {}; x.setdefault(1, []).append(2); return x
t(a)
def a(): return dict([(1, 2), [3, 4], 'ab'])
t(a)
def a(): return dict({1: 2}, a=3, b=4)
t(a)
def a(): x = {1:1}; x.update({2: 2}, c=3); x.update([(4, 4)]); return x
t(a)
class M:
    def keys(self): return ['x', 'y']
    def __getitem__(self, k): return k * 2
def a(): return dict(M())
t(a)
def a(): x = {}; x.update(M()); return x
t(a)
class DD(dict):
    def __missing__(self, k): return k + 1
def a(): return DD()[5], DD().get(5)
t(a)
def a(): return {}.fromkeys([1,2], [])
t(a)
class DF(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
def a(): return DF.fromkeys([1, 2], 5), type(DF.fromkeys([]))
t(a)
def a(): return {1: 2}.get(1), {1: 2}.get(2), {1:2}.get(2, 3)
t(a)
def a(): return {1: 2}.pop(2, None)
t(a)
def a(): return {1:1, 2:2} == {2:2, 1:1}, {1: 2} != {1: 2}
t(a)
def a(): return set() == frozenset(), {1} <= frozenset([1,2]), frozenset([1]) | {2}, {2} | frozenset([1]), type({1} & frozenset()), type(frozenset() & {1})
t(a)
def a(): s = {1,2,3}; s -= {1}; s &= {2, 3, 4}; s ^= {3, 5}; s |= {0}; return s
t(a)
def a(): s = {1,2,3}; s.difference_update([1], [2]); return s
t(a)
def a(): s = {1,2,3}; return s.union([4], (5,)), s.intersection([1,2], [2]), s.difference(), s.intersection()
t(a)
def a(): s = {1,2,3}; return s.issubset([1,2,3,4]), s.issuperset([1]), s.isdisjoint([4]), s.isdisjoint({3})
t(a)
def a(): s = {1,2,3}; s.intersection_update([2,3], [3]); return s
t(a)
def a(): s = {1,2,3}; s.symmetric_difference_update([3,3,4]); return s
t(a)
def a(): return frozenset([1,2]) == {2,1}, hash(frozenset([1,2])) == hash(frozenset([2,1]))
t(a)
def a(): return {1,2} < {1,2}, {1} < {1,2}, {1,2} > {1}, {1,2} >= {1,2}, {3} > {1}
t(a)
def a(): return set('abc') == set('cba')
t(a)
def a(): s = {1}; return s.copy() is s, frozenset([1]).copy(), type(frozenset([1]).copy())
t(a)
f = frozenset([1])
def a(): return f.copy() is f, frozenset(f) is f
t(a)
def a(): return set().__class_getitem__
t(a)
def a(): return [1,2,3].__sizeof__() > 0
t(a)
