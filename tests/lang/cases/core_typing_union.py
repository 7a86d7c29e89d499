# typing.Union[...] (3.14: the union type itself), and typing features built on the object model.
import typing
U = typing.Union
print(U, '__class_getitem__' in U.__dict__, U[int, str], U[int], U[int, int], U[int, None], U[int, U[str, bytes]])
try: U[()]
except TypeError as e: print(e)
try: U[1]
except TypeError as e: print(e)
print(U[int, str] == (int | str), U[list[int], int] == (list[int] | int))
import typing
from typing import NamedTuple, TypedDict, Protocol, Generic, TypeVar, Optional, Union, List, Callable, runtime_checkable
T = TypeVar('T')
@runtime_checkable
class Proto(Protocol):
    def meth(self) -> int: ...
class Impl:
    def meth(self): return 1
print(isinstance(Impl(), Proto))
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int](3).v, Box[int], Optional[int], Union[int, str], List[int].__origin__)
print(typing.get_origin(List[int]), typing.get_args(Union[int, str]))
import copy
print(copy.copy(Box(2)).v)
import enum
class Color(enum.Flag):
    R = enum.auto(); G = enum.auto()
print(Color.R | Color.G, list(Color), copy.deepcopy(Color.R))
