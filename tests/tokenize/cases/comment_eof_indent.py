if x:
    pass
    # trailing comment