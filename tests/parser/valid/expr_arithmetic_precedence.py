a + b * c
(a + b) * c
a - b - c
a / b // c % d @ e
-a ** b
(-a) ** b
a ** -b
a ** b ** c
~a + +b - -c
a << b >> c
a & b | c ^ d
a | b & c
1 + 2 * 3 ** 4 // 5 - 6
