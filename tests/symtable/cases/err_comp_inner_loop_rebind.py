[(i := 0) for j in range(5) for i in range(5)]
