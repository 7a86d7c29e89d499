try:
    print(list(map(lambda a, b: a + b, [1, 2], [3], strict=True)))
except ValueError as e:
    print('ValueError:', e)
print(list(map(lambda a, b: a + b, [1, 2], [3, 4], strict=True)))
