names = ['a', 'b', 'c']
nums = [1, 2, 3]
pairs = list(zip(names, nums))
n2, v2 = zip(*pairs)
print(pairs, n2, v2, dict(pairs))
