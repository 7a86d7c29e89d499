print((), (1,), (1, 2), [], [1], [[]], {}, {1: 2})
t = 1, 2, 3
print(t, type(t).__name__)
print(len(((),)), ((),) == ((),), [] == [], [] is [])
print(tuple([1, 2]), list((1, 2)), list('hi'), dict([(1, 2)]))
