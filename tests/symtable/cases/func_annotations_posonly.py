def f(a: A, /, b: B, *, c: C) -> R:
    pass
