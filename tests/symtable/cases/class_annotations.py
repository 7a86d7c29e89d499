class C:
    a: int
    b: str = "s"
    def m(self) -> C:
        pass
