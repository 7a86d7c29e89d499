def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{'a': 1}, **{'b': 2}))
print(f(0, *'xy', k=1, **{'z': 2}))
print([*range(3), *'ab'], (*[1], 2), {*'aa', 'b'} == {'a', 'b'})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
try:
    f(**{'a': 1}, a=2)
except TypeError as e:
    print('TypeError:', e)
