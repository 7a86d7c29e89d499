@dec
@dec.attr(1)
class C(Base, metaclass=M):
    @property
    def p(self) -> int: ...
