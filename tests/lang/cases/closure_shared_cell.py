def f():
    x = 0
    def get(): return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = f()
s(42)
print(g(), g.__closure__[0] is s.__closure__[0])
print(g.__closure__[0].cell_contents)
