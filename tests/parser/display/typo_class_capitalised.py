Class A:
    pass
