class C:
    def m(self): return self
c = C()
print(c.m == c.m, c.m.__self__ is c, c.m.__func__ is C.m, c.m() is c)
f = c.m
print(f() is c, type(f).__name__, C.m(c) is c)
print(C().m == C().m)
