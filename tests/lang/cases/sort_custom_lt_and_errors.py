class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self): return f'V{self.v}'
print(sorted([V(3), V(1), V(2)]))
print(min(V(5), V(2)), max([V(1), V(9), V(4)]))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print('TypeError:', e)
l = [3, 2, 1]
def bad_key(x):
    l.append(0)
    return x
try:
    l.sort(key=bad_key)
except ValueError as e:
    print('ValueError:', e)
print(sorted([[2, 'b'], [1, 'z'], [2, 'a']]), sorted([(1, None), (0, None)]))
