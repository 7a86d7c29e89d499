x: List[int] = []
y: Dict[str, Foo]
(z): Bar = 1
a.b: Baz
c[0]: Qux
