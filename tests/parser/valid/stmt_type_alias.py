type X = int
type Y[T] = list[T]
type Z[K, V] = dict[K, V]
type Point = tuple[float, float]
type Rec[T: int] = list[Rec[T]] | T
type = 5
type(type)
type.x = 1
