a = -x; b = +x; c = ~x; d = not x
e = -(-x)
f = not not x
