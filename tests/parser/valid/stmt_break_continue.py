for x in y:
    if x:
        break
    else:
        continue
while True:
    break
