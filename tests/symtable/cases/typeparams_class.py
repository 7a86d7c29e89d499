class C[T](Base[T], metaclass=M):
    def m(self) -> T:
        return T
