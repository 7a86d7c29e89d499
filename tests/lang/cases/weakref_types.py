# Which built-in objects can be weakly referenced (the same set as CPython).
import sys
from _weakref import ref

def gen(): yield 1
async def co(): pass
async def ag(): yield 1
class C:
    def m(self): pass
    @property
    def p(self): pass
def T[X](): pass
type A = int
TV = T.__type_params__[0]
try:
    1 / 0
except Exception as e:
    tb = e.__traceback__
cor = co()
cands = [
    ('type', int), ('class', C), ('function', gen), ('lambda', lambda: 0), ('builtin', len),
    ('bound builtin', [].append), ('method', C().m), ('code', gen.__code__), ('generator', gen()),
    ('coroutine', cor), ('async generator', ag()), ('module', sys), ('set', set()),
    ('frozenset', frozenset()), ('memoryview', memoryview(b'')), ('GenericAlias', list[int]),
    ('Union', int | str), ('TypeVar', TV), ('frame', sys._getframe()), ('traceback', tb),
    ('property', C.p), ('classmethod', classmethod(gen)), ('staticmethod', staticmethod(gen)),
    ('object', object()), ('list', []), ('dict', {}), ('tuple', ()), ('int', 1), ('str', 's'),
    ('bytes', b''), ('bytearray', bytearray()), ('range', range(1)), ('slice', slice(1)),
    ('method_descriptor', str.join), ('wrapper_descriptor', object.__init__),
    ('method-wrapper', C().__init__), ('mappingproxy', C.__dict__), ('exception', ValueError()),
    ('ellipsis', ...), ('None', None), ('ref', ref(C)), ('super', super(C, C())),
    ('enumerate', enumerate([])), ('list_iterator', iter([])), ('zip', zip()), ('map', map(len, [])),
    ('complex', 1j), ('float', 1.0), ('bool', True), ('TypeAliasType', A),
]
for name, v in cands:
    try:
        ref(v)
        r = 'yes'
    except TypeError as e:
        r = 'no: ' + str(e)
    print(name, r)
cor.close()
