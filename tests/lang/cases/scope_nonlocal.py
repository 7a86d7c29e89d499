def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = outer()
inc(); inc()
print(inc(), get())
def counter_pair():
    a = 1
    def one():
        def two():
            nonlocal a
            a *= 10
        two()
        return a
    return one
o = counter_pair()
print(o(), o(), o())
