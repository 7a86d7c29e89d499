if not (a and b):
    pass
if not a or not b:
    pass
