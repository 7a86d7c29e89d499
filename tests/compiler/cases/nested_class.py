class A:
    class B:
        def m(self):
            pass
    def f(self):
        class C:
            pass
        return C
