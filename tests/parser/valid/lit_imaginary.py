1j
1J
0j
1.5j
.5j
1e3j
1_0j
1.j
3 + 4j
00j
09j
