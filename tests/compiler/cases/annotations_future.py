from __future__ import annotations
x: int = 1
def f(a: list[int], b: dict[str, 'X'] | None = None) -> tuple[int, ...]:
    pass
class C:
    y: Callable[[int], str]
