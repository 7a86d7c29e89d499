[last := x for x in data]
