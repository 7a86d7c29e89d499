while a and (b or c):
    a = f()
