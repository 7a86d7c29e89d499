class C:
    def f(self):
        global __g
        __g = 1
