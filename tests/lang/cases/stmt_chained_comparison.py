x = 5
print(1 < x < 10, 1 < x > 10, 1 == 1 < 2, 3 > 2 > 1 > 0)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(0) < v(3))
print(calls)
print('a' < 'b' <= 'b' != 'c')
print(x is not None, None is None, 2 in [1, 2] not in [[1]])
