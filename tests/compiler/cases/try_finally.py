try:
    f()
finally:
    g()
def h():
    try:
        return 1
    finally:
        print("x")
