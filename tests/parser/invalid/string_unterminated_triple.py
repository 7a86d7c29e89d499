x = """abc
def f():
    pass
