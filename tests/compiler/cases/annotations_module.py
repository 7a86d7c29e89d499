x: int = 1
y: list[str]
z: 'fwd' = 2
