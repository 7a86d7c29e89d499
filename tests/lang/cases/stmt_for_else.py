for x in range(3):
    pass
else:
    print('for else ran', x)
for x in [1, 2, 3]:
    if x == 2:
        print('found 2')
        break
else:
    print('not found')
for x in []:
    print('no')
else:
    print('empty loop else')
