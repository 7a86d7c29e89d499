class C:
    x: int
    def m(self) -> 'C':
        pass
