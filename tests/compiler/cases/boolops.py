x = a and b
y = a or b or c
z = not a
w = a and not b or c
if a and b or c:
    pass
