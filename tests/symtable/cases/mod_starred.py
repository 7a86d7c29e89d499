a, *b, c = seq
[d, *e] = f
