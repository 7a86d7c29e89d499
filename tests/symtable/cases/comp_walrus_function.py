def f():
    if any((hit := x) for x in xs):
        return hit
