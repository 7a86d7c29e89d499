class A:
    def f(self):
        if x:
            pass
z = 1
