print('This case has no imports')
x = [i for i in range(3) if i]
print(x)
