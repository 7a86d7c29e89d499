class Point:
    x: int
    y: 'Later'
print(Point.__annotations__)
class Later: pass
class M:
    v: list[int] = []
print(M.__annotations__)
print(Point.__annotate__(1))
