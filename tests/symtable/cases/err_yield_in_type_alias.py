type A[T] = (yield)
