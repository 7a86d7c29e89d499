def make(n):
    def add(x):
        return x + n
    return add
a5 = make(5)
print(a5(1), a5.__code__.co_freevars, make.__code__.co_cellvars)
print(a5.__closure__[0].cell_contents)
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def early():
    return [(lambda i=i: i)() for i in range(3)]
print(early())
