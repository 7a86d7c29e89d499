# copy.copy/deepcopy of stdlib and builtin objects through their reduce protocols.
import copy, collections, datetime, functools, types, weakref, enum, operator
items = [collections.OrderedDict(a=1), collections.deque([1, 2], maxlen=5), collections.defaultdict(list, a=[1]),
         collections.Counter('aab'), collections.namedtuple('NT', 'x y')(1, 2), datetime.date(2020, 1, 2),
         datetime.datetime(2020, 1, 2, 3, 4), datetime.timedelta(3), functools.partial(max, 1),
         types.SimpleNamespace(a=[1]), range(5), slice(1, 2), bytearray(b'ab'), frozenset({1}), 1 + 2j,
         operator.itemgetter(1), operator.attrgetter('a'), operator.methodcaller('m', 1), ValueError('x', 1),
         KeyError('k'), OSError("no"), StopIteration(5), iter([1, 2]), enumerate('ab'), zip('ab', 'cd'), reversed([1, 2])]
for o in items:
    try:
        c = copy.copy(o); d = copy.deepcopy(o)
        r = repr(d)
        if ' at 0x' in r: r = type(d).__name__
        print(type(o).__name__, r, type(c) is type(o))
    except Exception as e:
        print(type(o).__name__, 'ERR', type(e).__name__, e)
e = OSError("no"); e.extra = 1
print(copy.copy(e).extra, copy.deepcopy(e).args)
class MyErr(Exception):
    def __init__(self, a, b): super().__init__(a); self.b = b
try:
    print(copy.copy(MyErr(1, 2)).b)
except TypeError as ex:
    print('TypeError', ex)
