data = [1, 2, 0, 4]
inverses = [1 / x for x in data]
