# A __slots__ entry named __doc__ takes the name in the class dict (typing._SpecialForm relies on it).
class F:
    __slots__ = ('_name', '__doc__')
    def __init__(self, doc):
        self.__doc__ = doc
f = F("hello")
print(f.__doc__, type(F.__dict__['__doc__']).__name__, F.__doc__ is F.__dict__['__doc__'])
try:
    F("x").__doc__ = 1
    print(F("y").__doc__)
except Exception as e:
    print(type(e).__name__, e)
class G:
    "doc"
    __slots__ = ('a',)
print(G.__doc__)
try:
    class H:
        "doc"
        __slots__ = ('__doc__',)
except ValueError as e:
    print(e)
print(F.__text_signature__ if hasattr(F, '__text_signature__') else None)
import typing
print(typing.Optional.__doc__.splitlines()[0])
