o = object()
print(o == o, o != object(), o.__eq__(5), type(o.__hash__()).__name__, o.__str__() == o.__repr__())
print(object.__ne__(1, 2), NotImplemented.__class__.__name__, repr(NotImplemented))
class E: pass
print(E() == E(), E.__eq__(E(), E()), E.__init__ is object.__init__, E.__new__ is object.__new__)
try:
    object(1)
except TypeError as e:
    print('TypeError:', e)
try:
    E(1)
except TypeError as e:
    print('TypeError:', e)
