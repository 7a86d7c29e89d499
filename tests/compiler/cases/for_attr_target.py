for self.x in y:
    pass
for a[i] in y:
    pass
