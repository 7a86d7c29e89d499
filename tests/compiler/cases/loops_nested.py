for i in a:
    for j in b:
        if i == j:
            break
    else:
        continue
    print(i)
