# Native docstrings that start with a "name(args)\n--\n\n" block.
import math, itertools, _operator, types

for f in (math.sqrt, math.pow, _operator.add,
          itertools.count, zip, map, filter,
          types.SimpleNamespace.__replace__):
    doc = f.__doc__
    print(getattr(f, '__qualname__', f), repr(f.__text_signature__),
          repr(doc.splitlines()[0] if doc else doc))
class C:
    "C(x)\n--\n\nbody"
print(repr(C.__doc__), C.__text_signature__)
def pyf(a, b=1): "pyf(a)\n--\n\nx"
print(repr(pyf.__doc__), hasattr(pyf, '__text_signature__'))
print(len.__text_signature__ is None or len.__text_signature__.startswith('('))
print(int.__text_signature__ is None or int.__text_signature__.startswith('('))
