class A:
    def f(self):
        pas
        retrn self
