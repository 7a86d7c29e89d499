a == b
a != b
a < b
a <= b
a > b
a >= b
a in b
a not in b
a is b
a is not b
a < b <= c > d >= e == f != g in h not in i is j is not k
not a == b
