print(isinstance(3, int | float), isinstance('x', int | None), isinstance(None, int | None))
u = int | str
print(u, type(u).__name__, u.__args__, (int | str) == (str | int))
print(issubclass(bool, int | str))
