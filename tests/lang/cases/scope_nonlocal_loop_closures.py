def f():
    fns = []
    for i in range(3):
        def g(i=i):
            return i * 10
        fns.append(g)
    count = 0
    def bump():
        nonlocal count
        count += 1
    for _ in range(4):
        bump()
    return [h() for h in fns], count
print(f())
