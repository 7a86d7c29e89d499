# Cycles through the native containers of _collections and _functools are collected.
import gc
from _collections import deque, defaultdict, _tuplegetter, OrderedDict
from _functools import partial, _lru_cache_wrapper, cmp_to_key

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        name = self.__dict__.get('name')
        if name:
            print('collected', name)

def make(name, build):
    n = Noisy(name)
    n.ref = build(n)

gc.disable()
make('deque', lambda n: deque([n, 1]))
make('deque-maxlen', lambda n: deque(range(200), maxlen=100) + deque([n]))
make('deque-iter', lambda n: iter(deque([n])))
make('deque-reviter', lambda n: reversed(deque([n])))
make('defaultdict-value', lambda n: defaultdict(list, a=n))
make('defaultdict-factory', lambda n: defaultdict(lambda: n))
make('partial-args', lambda n: partial(print, n))
make('partial-kw', lambda n: partial(print, k=n))
make('partial-dict', lambda n: setattr(p := partial(print), 'x', n) or p)
def cached(n):
    w = _lru_cache_wrapper(lambda x: n, 10, False, tuple)
    w(1)
    return w
make('lru-result', cached)
def cached_unbounded(n):
    w = _lru_cache_wrapper(lambda x: x, None, False, tuple)
    w(n)
    return w
make('lru-key', cached_unbounded)
make('lru-func', lambda n: _lru_cache_wrapper(lambda: n, 0, False, tuple))
make('keywrapper', lambda n: cmp_to_key(lambda a, b: n))
make('keyobj', lambda n: cmp_to_key(len)(n))
make('tuplegetter', lambda n: _tuplegetter(0, n))
make('ordereddict', lambda n: OrderedDict(a=n))
make('ordereddict-attr', lambda n: setattr(o := OrderedDict(), 'x', n) or o)
make('odict-iter', lambda n: iter(OrderedDict(a=n).items()))
make('odict-view', lambda n: OrderedDict(a=n).values())
print('before collect')
gc.collect()
print('after collect')
d = deque(); d.append(d); del d
dd = defaultdict(list); dd[0] = dd; del dd
print(gc.collect() >= 2)
