for x in y:
    continue x
