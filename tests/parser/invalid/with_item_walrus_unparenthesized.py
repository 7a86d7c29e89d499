with a := b:
    pass
