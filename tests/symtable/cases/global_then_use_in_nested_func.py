x = 0
def f():
    global x
    def g():
        global x
        x = 1
