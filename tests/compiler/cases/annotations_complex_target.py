a.b: int = 1
c[d]: str
(e): float = 2
