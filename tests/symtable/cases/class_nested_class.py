class A:
    class B:
        def m(self):
            return A, B
