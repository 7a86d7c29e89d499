x = a if b else c
y = (a if b else c) if d else e
if (a if b else c):
    pass
