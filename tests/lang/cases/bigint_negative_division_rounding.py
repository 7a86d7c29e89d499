for a in [7, -7, 10 ** 20 + 1, -(10 ** 20 + 1)]:
    for b in [3, -3, 10 ** 10 + 7]:
        print(a // b, a % b, end=' | ')
    print()
