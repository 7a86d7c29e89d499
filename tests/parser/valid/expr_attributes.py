a.b
a.b.c.d
a().b
a[0].b
(a).b
"abc".upper()
1 .real
1.0.real
1j.imag
0x1 .real
