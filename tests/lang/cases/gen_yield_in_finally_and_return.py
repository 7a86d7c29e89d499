def g():
    try:
        yield 'body'
        return 'ret'
    finally:
        yield 'from finally'
print(list(g()))
