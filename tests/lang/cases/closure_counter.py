def make_counter(start=0, step=1):
    count = start
    def next_():
        nonlocal count
        count += step
        return count
    def reset():
        nonlocal count
        count = start
    return next_, reset
n, r = make_counter(10, 5)
print(n(), n(), n())
r()
print(n())
n2, _ = make_counter()
print(n2(), n())
