x = 1
y = 2
nonlocal y, x
