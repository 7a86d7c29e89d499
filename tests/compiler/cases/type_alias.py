type A = int
type B[T] = list[T]
type C[T: (int, str) = int] = dict[T, T]
