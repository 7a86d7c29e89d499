1if x else 2
0x1for x in y
1e5if 1 else 2
