class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
def f(p):
    match p:
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=y):
            return f'on y axis at {y}'
        case Point(x, 0):
            return f'on x axis at {x}'
        case Point(x=x, y=y) if x == y:
            return f'diagonal {x}'
        case Point():
            return 'somewhere'
        case int(n) | float(n):
            return f'number {n}'
        case str() as s:
            return f'string {s!r}'
        case _:
            return 'unknown'
for v in [Point(0, 0), Point(0, 3), Point(4, 0), Point(2, 2), Point(1, 5), 7, 2.5, 'hi', []]:
    print(f(v))
