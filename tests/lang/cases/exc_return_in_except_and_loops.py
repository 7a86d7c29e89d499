def f(items):
    out = []
    for x in items:
        try:
            out.append(10 // x)
        except ZeroDivisionError:
            out.append('inf')
            continue
        finally:
            out.append('.')
    return out
print(f([1, 0, 5]))
