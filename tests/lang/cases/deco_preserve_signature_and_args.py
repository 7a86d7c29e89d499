def debug(fn):
    def wrapper(*args, **kwargs):
        parts = [repr(a) for a in args] + [f'{k}={v!r}' for k, v in kwargs.items()]
        result = fn(*args, **kwargs)
        print(f'{fn.__name__}({", ".join(parts)}) -> {result!r}')
        return result
    return wrapper
@debug
def power(base, exp=2):
    return base ** exp
power(3); power(2, exp=10); power(base=5)
