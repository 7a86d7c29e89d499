x = 'outer'
r = [x for x in range(3)]
print(r, x)
def f():
    y = 'f'
    r = [y for y in 'ab']
    return r, y
print(f())
def g():
    return [lambda: i for i in range(3)]
print([h() for h in g()])
print({k: v for k, v in [(1, 2), (3, 4)]})
print({c for c in 'aab'} == {'a', 'b'})
gen = (i * i for i in range(4))
print(list(gen))
def h():
    items = [1, 2, 3]
    return [a + b for a in items for b in items if a != b]
print(h())
