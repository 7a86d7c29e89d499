class Vec:
    def __add__(self, other):
        return Vec(self.x + other.x)
Vec() + Vec()
