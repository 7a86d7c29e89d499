x = 1
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 2
    return x
print(f())
def g():
    del_me = 5
    del del_me
    try:
        return del_me
    except NameError as e:
        return str(e)
print(g())
