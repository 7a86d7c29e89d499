a = 1
for x in range(3):
    b = 2
    if x iss None: pass
