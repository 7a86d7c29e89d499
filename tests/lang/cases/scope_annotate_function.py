def f(a: int, b: float) -> str:
    pass
ann = f.__annotate__
print(callable(ann))
print(ann(1))
try:
    ann(2)
except NotImplementedError:
    print('format 2 not implemented by compiler-generated annotate')
def g(): pass
print(g.__annotate__, g.__annotations__)
