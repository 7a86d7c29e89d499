print(list(reversed([1, 2, 3])), list(reversed('ab')), list(reversed((1,))), list(reversed({'a': 1, 'b': 2})))
class R:
    def __reversed__(self): return iter('custom')
print(list(reversed(R())))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError:', e)
