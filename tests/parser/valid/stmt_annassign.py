x: int
y: list[int] = []
(z): int = 1
a.b: str
a[0]: float = 1.5
t: tuple[int, ...] = 1, 2
def f():
    v: "forward" = yield
