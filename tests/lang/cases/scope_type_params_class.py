class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
b = Box(5)
print(b.get(), Box.__type_params__[0].__name__)
print(Box[int].__origin__ is Box, Box[int].__args__)
class Pair[K, V](dict):
    pass
print(Pair.__mro__[1].__name__, [t.__name__ for t in Pair.__type_params__])
