class Vec:
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z=0):
        self.x, self.y, self.z = x, y, z
def describe(v):
    match v:
        case Vec(0, 0, 0):
            return 'zero'
        case Vec(x, y, 0):
            return f'flat {x} {y}'
        case Vec(_, _, z) if z > 0:
            return 'up'
        case Vec():
            return 'down'
print([describe(v) for v in [Vec(0, 0), Vec(1, 2), Vec(0, 0, 5), Vec(1, 1, -1)]])
