a = 1
if a:
    b = 2
els:
    pass
