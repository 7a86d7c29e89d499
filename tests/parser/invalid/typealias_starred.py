type A = *int
