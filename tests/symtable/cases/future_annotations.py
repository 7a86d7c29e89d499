from __future__ import annotations
x: int
def f(a: A) -> B:
    pass
class C:
    y: Y
