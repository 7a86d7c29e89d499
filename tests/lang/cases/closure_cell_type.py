def f():
    v = 1
    def g(): return v
    return g.__closure__[0]
c = f()
print(type(c).__name__, c.cell_contents)
c.cell_contents = 2
print(c.cell_contents)
def h():
    def inner(): return late
    cell = inner.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print('ValueError:', e)
    late = 3
    return cell.cell_contents
print(h())
