print(*a, sep="")
f(**kw)
f(1, **kw)
f(*a, *b)
