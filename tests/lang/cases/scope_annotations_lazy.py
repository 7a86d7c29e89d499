def f(x: int, y: 'str' = 'a') -> list:
    return [x, y]
print(f.__annotations__)
class C:
    a: int
    b: str = 'hi'
print(C.__annotations__)
print(hasattr(C, 'a'), C.b)
def g(x: undefined_name) -> None:
    pass
print('defined g without error')
try:
    g.__annotations__
except NameError as e:
    print('NameError', e)
