# pickle (pure Python: no _pickle) round trips for protocols 0-5. Adder has
# no _struct (nor _codecs) yet, so a minimal `struct` covering the integer formats that
# pickle uses is installed first (floats are left out), and protocol 0
# (which needs the raw-unicode-escape codec) is left to reduce_object.py.
import sys, types
_sizes = {'B': (1, False), 'H': (2, False), 'I': (4, False), 'Q': (8, False), 'i': (4, True)}
def _pack(fmt, v):
    n, signed = _sizes[fmt[1]]
    return v.to_bytes(n, 'little', signed=signed)
def _unpack(fmt, data):
    n, signed = _sizes[fmt[1]]
    return (int.from_bytes(data, 'little', signed=signed),)
if 'struct' not in sys.modules:
    try:
        import _struct
    except ImportError:
        shim = types.ModuleType('struct')
        shim.pack, shim.unpack = _pack, _unpack
        sys.modules['struct'] = shim
try:
    import codecs
except (ImportError, SystemError):
    shim = types.ModuleType("codecs")
    def encode(s, enc):
        return s.encode(enc)
    encode.__module__ = "codecs"
    shim.encode = encode
    sys.modules["codecs"] = shim

import pickle, enum, copyreg

class Plain:
    def __init__(self, a, b):
        self.a = a; self.b = b
    def __eq__(self, o):
        return type(o) is type(self) and vars(o) == vars(self)
    def __repr__(self):
        return f"Plain({self.a!r}, {self.b!r})"

class Slotted:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x; self.y = y
    def __getstate__(self):
        return (None, {'x': self.x, 'y': self.y})
    def __repr__(self):
        return f"Slotted({self.x!r}, {self.y!r})"

class AutoSlots:
    __slots__ = ('u', 'v')
    def __init__(self):
        self.u = 1; self.v = 'two'
    def __repr__(self):
        return f"AutoSlots({self.u!r}, {self.v!r})"

class Color(enum.Enum):
    RED = 'r'
    BLUE = 'b'

class Perm(enum.IntFlag):
    R = 4
    W = 2

class MyList(list):
    pass

class MyDict(dict):
    pass

class KwOnly:
    def __new__(cls, *, k):
        self = super().__new__(cls); self.k = k; return self
    def __getnewargs_ex__(self):
        return ((), {'k': self.k})
    def __repr__(self):
        return f"KwOnly(k={self.k!r})"

class Cyc:
    pass

def show(label, obj):
    print(label)
    for proto in range(1, pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(obj, proto)
        back = pickle.loads(data)
        print(' ', proto, repr(back), back == obj or type(back).__name__)

show('nested', [1, -5, 10**30, 'text', b'by', (1, (2, 3)), {'k': [None, True]}, {1, 2}, frozenset({3})])
show('plain', Plain([1, 2], {'x': Plain(0, 'z')}))
show('slotted', Slotted(1, [2]))
for proto in range(2, 6):
    print(proto, pickle.loads(pickle.dumps(AutoSlots(), proto)))
try:
    pickle.dumps(AutoSlots(), 1)
except TypeError as e:
    print('TypeError:', e)
show('enum', [Color.RED, Color.BLUE, Perm.R | Perm.W])
ml = MyList([1, 2]); ml.tag = 'L'
md = MyDict(a=1); md.tag = 'D'
for proto in range(1, 6):
    a, b = pickle.loads(pickle.dumps((ml, md), proto))
    print(proto, type(a).__name__, a, a.tag, type(b).__name__, b, b.tag)
for proto in range(2, 6):
    print(proto, pickle.loads(pickle.dumps(KwOnly(k=5), proto)))
c = Cyc(); c.me = c; c.items = [c]
for proto in range(1, 6):
    c2 = pickle.loads(pickle.dumps(c, proto))
    print(proto, c2.me is c2, c2.items[0] is c2)
print(pickle.loads(pickle.dumps(Plain, 2)) is Plain, pickle.loads(pickle.dumps(len, 2)) is len)
for bad in ((x for x in ()), ):
    try:
        pickle.dumps(bad, 2)
    except TypeError as e:
        print('TypeError:', e)
