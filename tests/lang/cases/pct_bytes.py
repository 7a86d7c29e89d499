print(b'%s-%d-%x' % (b'ab', 10, 255))
print(b'%5b|%-4s|%c' % (b'x', b'y', 65))
print(b'%r %a' % ('é', 'é'))
try:
    b'%s' % 'str'
except TypeError as e:
    print('TypeError:', e)
