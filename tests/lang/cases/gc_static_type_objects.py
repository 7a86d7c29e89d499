# The dicts and descriptors of builtin types are tracked by the collector
# (they live as long as the process and are never collected), and cycles
# among ordinary objects are still found.
import gc

print(gc.is_tracked(str.upper), gc.is_tracked(int.__dict__['real']), gc.is_tracked(vars(int)))
print(any(o is str.upper for o in gc.get_objects()))
print(gc.is_tracked(list.__dict__['append']), gc.is_tracked(dict.fromkeys))


class Node:
    pass


a = Node()
a.me = a
a.meth = str.upper
del a
print(gc.collect() >= 1, 'X'.upper is not None, str.upper('q'))
print(type(str.__dict__['upper']).__name__, str.upper.__qualname__)
