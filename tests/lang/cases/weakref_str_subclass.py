# Instances of str subclasses take weak references and keep their
# attributes whatever the width of their characters.
import gc
from _weakref import ref, getweakrefcount

class S(str):
    pass

class Slotted(str):
    __slots__ = ()

for text in ('plain', 'caf\xe9' * 7, '\u20ac' * 33, '\U0001F600' * 50, ''):
    s = S(text)
    s.attr = len(text)
    r = ref(s, lambda r: print('died', len(text)))
    print(r() is s, r() == text, s.attr, getweakrefcount(s), '__weakref__' in S.__dict__)
    del s
try:
    ref(Slotted('x'))
except TypeError as e:
    print(e)
c = S('\u20ac' * 9)
c.me = c
rc = ref(c, lambda r: print('cycle died'))
del c
gc.collect()
print(rc())
