def f():
    x: undefined_thing = 3
    y: also_undefined
    return x
print(f())
class A:
    z: int
print('z' in A.__dict__, A.__annotations__)
