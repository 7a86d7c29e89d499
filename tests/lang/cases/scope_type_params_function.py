def first[T](xs: list[T]) -> T:
    return xs[0]
print(first([3, 4]))
print(first.__type_params__)
T, = first.__type_params__
print(type(T).__name__, T.__name__)
def pair[A, B](a: A, b: B) -> tuple[A, B]:
    return (a, b)
print([p.__name__ for p in pair.__type_params__], pair(1, 'x'))
