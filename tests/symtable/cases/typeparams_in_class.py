class Outer:
    class Inner[T: Outer]:
        pass
    def m[U: Outer](self) -> U:
        pass
