class O: pass
o = O()
setattr(o, 'a', 1)
print(getattr(o, 'a'), hasattr(o, 'a'), getattr(o, 'b', 'def'))
delattr(o, 'a')
print(hasattr(o, 'a'))
try:
    getattr(o, 'a')
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(o, 5)
except TypeError as e:
    print('TypeError:', e)
