x: int
if a:
    y: str
