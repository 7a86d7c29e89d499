for i in r:
    z: int
