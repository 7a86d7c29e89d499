type IntList = list[int]
print(IntList.__name__, IntList.__value__)
type Rec = dict[str, Rec] | int
print(Rec.__value__)
type Pairish[T] = tuple[T, T]
print(Pairish.__type_params__[0].__name__, Pairish[int].__args__)
type Lazy = NotYetDefined
print('alias created')
try:
    Lazy.__value__
except NameError as e:
    print('NameError', e)
NotYetDefined = float
print(Lazy.__value__)
