def f(a: int, b: "str" = 1, *args: tuple, c: list, **kw: dict) -> ret:
    pass
