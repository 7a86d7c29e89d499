# Subclass instances of many native types hold their class once and release it once.
import sys, gc, collections, functools, itertools, io, weakref, _thread, types
def target(): pass
makers = {
    bytearray: lambda c: c(b'ab'), complex: lambda c: c(1, 2), frozenset: lambda c: c([1]),
    property: lambda c: c(len), staticmethod: lambda c: c(len), classmethod: lambda c: c(len),
    Exception: lambda c: c('x'), OSError: lambda c: c(2, 'x'), KeyError: lambda c: c(1), StopIteration: lambda c: c(1),
    SyntaxError: lambda c: c('m'), BaseExceptionGroup: lambda c: c('m', [ValueError()]), UnicodeDecodeError: lambda c: c('utf-8', b'x', 0, 1, 'r'),
    collections.deque: lambda c: c([1]), collections.OrderedDict: lambda c: c(a=1), collections.defaultdict: lambda c: c(list),
    functools.partial: lambda c: c(len, 'a'), itertools.count: lambda c: c(1), itertools.chain: lambda c: c([1]),
    itertools.cycle: lambda c: c([1]), itertools.repeat: lambda c: c(1), itertools.islice: lambda c: c([1], 1),
    itertools.product: lambda c: c([1]), itertools.accumulate: lambda c: c([1]), itertools.groupby: lambda c: c([1]),
    io.StringIO: lambda c: c('x'), io.BytesIO: lambda c: c(b'x'), weakref.ref: lambda c: c(target),
    enumerate: lambda c: c([1]), zip: lambda c: c([1]), map: lambda c: c(len, ['a']), filter: lambda c: c(None, [1]),
    reversed: lambda c: c([1]), bool.__mro__[1]: lambda c: c(7), float: lambda c: c(1.5), bytes: lambda c: c(b'a'),
    tuple: lambda c: c((1, 2)), object: lambda c: c(), list: lambda c: c([1]), dict: lambda c: c(a=1), set: lambda c: c([1]),
    super: lambda c: c(int, 1), types.SimpleNamespace: lambda c: c(a=1), str: lambda c: c('s'),
    functools.cached_property: lambda c: c(len), type: lambda c: c('X', (), {}), memoryview: None, range: None,
    io.FileIO: lambda c: c(0, closefd=False), io.TextIOWrapper: lambda c: c(io.BytesIO()), io.BufferedReader: lambda c: c(io.BytesIO()),
    functools.lru_cache: None, collections.Counter: lambda c: c('aab'),
}
for base, mk in makers.items():
    if mk is None:
        continue
    try:
        cls = type('Sub_' + base.__name__, (base,), {})
    except TypeError as e:
        print(base.__name__, 'not subclassable'); continue
    gc.collect()
    before = sys.getrefcount(cls)
    try:
        for i in range(10):
            x = mk(cls); x = None
    except Exception as e:
        print(base.__name__, 'error', type(e).__name__, e); continue
    gc.collect()
    print(base.__name__, sys.getrefcount(cls) - before)
