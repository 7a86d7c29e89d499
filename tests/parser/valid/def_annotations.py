def f(a: int, b: str = "x", *args: float, c: bool = True, d, **kw: dict) -> None:
    pass
def g() -> list[int]: ...
def h(x: "str") -> "int": pass
