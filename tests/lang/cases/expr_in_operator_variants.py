print(1 in [1, 2], 'a' in 'cat', 'k' in {'k': 1}, 1 in {1: 2}.values(), 3 in range(0, 10, 3), (1, 2) in [(1, 2)])
class C:
    def __contains__(self, x): return x == 'magic'
print('magic' in C(), 'other' in C(), 'magic' not in C())
class It:
    def __iter__(self): return iter([5, 6])
print(6 in It(), 7 in It())
