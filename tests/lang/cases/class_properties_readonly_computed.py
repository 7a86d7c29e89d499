class Rect:
    def __init__(self, w, h): self.w, self.h = w, h
    area = property(lambda self: self.w * self.h)
    @property
    def ratio(self): return self.w / self.h
r = Rect(4, 2)
print(r.area, r.ratio)
r.w = 10
print(r.area)
try:
    r.area = 5
except AttributeError as e:
    print('AttributeError:', e)
