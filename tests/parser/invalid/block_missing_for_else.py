for x in y:
    pass
else:
x = 1
