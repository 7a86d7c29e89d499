a = 1; b = 2; c = a + b
if c > 2: print('c big')
for i in range(2): print('i', i)
while False: pass
class K: x = 1
def f(): return 'one-liner'
print(K.x, f())
