class CM:
    def __enter__(self): return (1, [2, 3])
    def __exit__(self, *a): pass
with CM() as (a, [b, c]):
    print(a, b, c)
d = {}
with CM() as d['x']:
    pass
print(d)
class O: pass
o = O()
with CM() as o.attr:
    pass
print(o.attr)
