i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print('i', i)
else:
    print('while finished normally')
n = 0
while True:
    n += 1
    if n > 2:
        break
else:
    print('never')
print('n', n)
