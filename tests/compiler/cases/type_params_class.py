class C[T]:
    def m(self) -> T:
        pass
class D[K, V](Base, metaclass=M):
    pass
