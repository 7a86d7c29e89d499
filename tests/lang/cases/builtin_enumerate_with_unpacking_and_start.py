for i, ch in enumerate('abc', start=1):
    print(i, ch, end='; ')
print()
