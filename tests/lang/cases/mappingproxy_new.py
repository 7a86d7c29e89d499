from types import MappingProxyType
m = MappingProxyType({'a': 1, 'b': 2})
print(m, m['a'], len(m), list(reversed(m)), m | {'c': 3}, {'z': 0} | m)
try: MappingProxyType([1])
except TypeError as e: print(e)
try: MappingProxyType()
except TypeError as e: print(e)
try: m |= {}
except TypeError as e: print(e)
