s = {x % 3 for x in r}
d = {x: x * x for x in r if x}
