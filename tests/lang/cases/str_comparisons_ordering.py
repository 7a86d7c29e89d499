words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', '', 'a', 'B']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(max(words), min(words), 'a' * 3 > 'aa', 'é' > 'z')
