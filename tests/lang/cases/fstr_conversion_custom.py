class C:
    def __str__(self): return 'str-of-C'
    def __repr__(self): return 'repr-of-C'
    def __format__(self, spec): return f'format-of-C[{spec}]'
c = C()
print(f'{c} {c!s} {c!r} {c:xyz} {c!s:>10}|')
print(format(c), format(c, 'q'), str(c), repr(c))
