class A[T]: pass
class B[T: int, *Ts, **P](Base[T]): pass
class C[T: (int, str)](object, metaclass=M): pass
@dataclass
class D[T]:
    x: T
    y: list[T] = field(default_factory=list)
