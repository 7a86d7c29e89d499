class A:
    class B:
        x: int
