x = 10
def f():
    x = 20
    return x
def g():
    return x
def h():
    global x
    x = 30
print(f(), g(), x)
h()
print(x, g())
