def f(a: int, *b: str, c: float = 1.0, **d: bytes) -> bool:
    x: int = 1
    return True
