def counter_gen():
    count = 0
    def bump():
        nonlocal count
        count += 1
    for _ in range(3):
        bump()
        yield count
print(list(counter_gen()))
