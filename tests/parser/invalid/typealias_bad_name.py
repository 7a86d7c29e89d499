type A.b = int
