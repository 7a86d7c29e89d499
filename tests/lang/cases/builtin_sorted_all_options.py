print(sorted([3, 1, 2], key=None, reverse=True), sorted('bca', key=lambda c: -ord(c)))
try:
    sorted([1], 1)
except TypeError as e:
    print('TypeError:', e)
