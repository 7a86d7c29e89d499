def a():
    x = 'a'
    def b():
        y = 'b'
        def c():
            z = 'c'
            def d():
                return x + y + z
            return d
        return c
    return b
print(a()()()())
print(a()()().__code__.co_freevars)
print(a()().__code__.co_freevars)
