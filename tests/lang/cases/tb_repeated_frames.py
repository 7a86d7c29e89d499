def countdown(n):
    if n == 0:
        raise ValueError('done counting')
    countdown(n - 1)
countdown(10)
