def render(t):
    out = []
    for part in t:
        if isinstance(part, str):
            out.append(part)
        else:
            v = part.value
            if part.conversion == 'r':
                v = repr(v)
            elif part.conversion == 's':
                v = str(v)
            out.append(format(v, part.format_spec))
    return ''.join(out)
items = ['x', 'y']
n = 255
print(render(t'items={items!r} n={n:#x} pad=[{n:>6}]'))
print(render(t'{"nested " + str(n)}'))
