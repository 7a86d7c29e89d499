if True:
    class C:
        x: int
