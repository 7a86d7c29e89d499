# _collections.OrderedDict: order-aware methods, views, iteration, updates, repr, errors.
from _collections import OrderedDict as OD
def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)
attempt(OD, 1, 2)
attempt(OD, [1])
attempt(OD, [(1,)])
attempt(OD, 5)
o = OD(a=1, b=2)
attempt(o.update, 1, 2)
attempt(o.popitem, 1, 2)
attempt(OD().popitem)
attempt(OD().popitem, last=False)
attempt(o.move_to_end, 'zz')
attempt(o.pop, 'zz')
attempt(o.pop)
print(o.pop('zz', 5), o.setdefault('c'), o, o.keys(), o.values(), o.items(), type(reversed(o.keys())).__name__)
print(type(iter(o)), type(reversed(o)), type(iter(o.values())), type(iter(o.items())), type(o.keys()).__mro__)
it = iter(o); next(it); o['new'] = 1
attempt(next, it)
it = iter(o); next(it); o.move_to_end('a')
attempt(next, it)
it = iter(o); del o['new']; o['new2'] = 1
attempt(next, it)
r0 = o.__reduce__(); print(r0[:4], type(r0[4]).__name__, list(r0[4]))
o.x = 1; print(o.__reduce__()[2], o.__dict__)
print(OD() == {}, OD(a=1, b=2) == OD(b=2, a=1), OD(a=1, b=2) == dict(b=2, a=1))
attempt(lambda: OD() < OD())
r = OD(); r['x'] = r; print(r)
print(repr(OD()), OD.fromkeys('ab', 0), OD(a=1) | {'b': 2}, {'b': 2} | OD(a=1))
print(sorted(vars(OD)))
print(o.__sizeof__() > 0)
print(OD.__module__, OD.__doc__)
attempt(OD.__init__, o, 1, 2)
attempt(OD.__init__)
attempt(OD, a=1, b=2, c=3)
class S(OD):
    def __setitem__(self, k, v):
        print('set', k, v); super().__setitem__(k, v)
s = S([(1, 2)], b=3); s.update({5: 6}); s |= {7: 8}; print(s, s.copy(), type(s.copy()))
od = OD.fromkeys('abcde')
od.move_to_end('b'); od.move_to_end('d', last=False); print(list(od), od.popitem(), od.popitem(last=False), list(od))
print(list(reversed(od)), list(reversed(od.items())), list(reversed(od.values())))
attempt(OD.__setitem__)
print(OD(a=1).items() == {('a', 1)}, sorted(OD(a=1).keys() | {'b'}), OD(a=1, b=2).keys() & {'b'})
print(od.__class_getitem__(int), OD[str, int])

# more
big = OD((i, i * i) for i in range(20000))
total = 0
while big:
    k, v = big.popitem(last=False)
    total += v
print(total, len(big))
big = OD.fromkeys(range(10))
for i in range(0, 10, 2):
    big.move_to_end(i, last=False)
print(list(big), list(big.values())[:3], next(reversed(big.items())))
print(OD(b=1, a=2) == OD(a=2, b=1), OD(b=1, a=2) != OD(a=2, b=1), OD(a=1) == OD(a=1), OD(a=[1]) == OD(a=[1]))
class Mapping:
    def keys(self): return ['x', 'y']
    def __getitem__(self, k): return k.upper()
print(OD(Mapping()), OD(iter([('k', 1), ('j', 2)])))
attempt(OD, [(1, 2, 3)])
attempt(OD, [()])
e = OD()
print(list(e), list(e.keys()), list(reversed(e)), e.copy(), len(e), bool(e), 'x' in e)
it = iter(o.values()); next(it); o.clear()
attempt(next, it)
o2 = OD(a=1, b=2); it = iter(o2.items()); o2['a'] = 10; print(list(it))
it = iter(o2); o2.popitem()
attempt(next, it)
n = OD(x=OD(y=1)); print(n, n['x']['y'], n.get('z', 0), 'x' in n, len(n))
print(OD(a=1, b=2).pop('a'), OD(a=1).setdefault('a', 5), OD(a=1).setdefault('b', 5))
class S2(OD): pass
print(S2.fromkeys('xy', 1), type(S2.fromkeys('x')).__name__, S2(a=1) | S2(b=2), type(S2() | {}).__name__)
i2 = OD(a=1); i2 |= [('b', 2)]; print(i2)
attempt(lambda: OD() | [1])
print(isinstance(OD(), dict), issubclass(OD, dict), OD.__hash__, hash(OD.__name__) is not None)
d = OD(a=1); d.__dict__['attr'] = 2; print(d.attr, d.__reduce__()[2])
o = OD(a=1, b=2, c=3)
it = iter(o.items()); next(it)
print(it.__reduce__(), sorted(n for n in dir(it) if not n.startswith('__') or n in ('__reduce__', '__length_hint__')))
r = reversed(o); print(r.__reduce__())
e = iter(OD()); print(list(e), e.__reduce__())
