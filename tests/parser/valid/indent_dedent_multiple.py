def f():
    if x:
        for y in z:
            while w:
                pass
x = 1
class C:
    def m(self):
        pass
    def n(self):
        if a:
            return
y = 2
