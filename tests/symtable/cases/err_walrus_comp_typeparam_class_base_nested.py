class C[T]([[(y := 1) for x in z] for w in v]): pass
