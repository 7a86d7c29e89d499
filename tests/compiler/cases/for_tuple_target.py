for i, (a, b) in enumerate(pairs):
    print(i, a, b)
