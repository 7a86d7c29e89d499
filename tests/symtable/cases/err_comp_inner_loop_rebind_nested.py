def f():
    return [[0 for a in b if (t := a)] for t in c]
