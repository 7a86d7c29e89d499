class C:
    if cond:
        a: int
    b: str
