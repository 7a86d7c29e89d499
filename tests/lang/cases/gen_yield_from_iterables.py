def chain(*its):
    for it in its:
        yield from it
print(list(chain('ab', [1, 2], range(2), {'k': 1})))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5]])))
