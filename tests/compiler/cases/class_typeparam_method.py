class C[T]:
    def m(self, x: T) -> T:
        return x
