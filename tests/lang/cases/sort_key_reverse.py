words = ['pear', 'Fig', 'apple', 'kiwi', 'Banana', 'date']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w.lower())))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted([3, 1, 2], reverse=False), sorted([]), sorted('cba'), sorted({2: 'x', 1: 'y'}))
