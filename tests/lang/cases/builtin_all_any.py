print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, '', None]), any([0, 'x']))
def gen():
    for v in [1, 0, 2]:
        print('yield', v)
        yield v
print(all(gen()))
print(any(x > 1 for x in [0, 5, 1]))
