def a():
    def b():
        def c():
            return 1
        return c
    return b
class K:
    def m(self):
        def n():
            pass
        return n
