class A:
    class B:
        class C:
            def m(self):
                def inner():
                    class D:
                        pass
                    return D
                return inner
