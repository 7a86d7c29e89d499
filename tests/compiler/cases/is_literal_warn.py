if x is 'a':
    pass
if y is not 1:
    pass
