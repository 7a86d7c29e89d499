o.m(1, x=2, y=3)
o.n(*a)
o.p(**k)
