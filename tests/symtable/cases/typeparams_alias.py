type Alias = list[int]
type Gen[T] = dict[str, T]
