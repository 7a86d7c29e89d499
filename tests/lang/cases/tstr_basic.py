name = 'World'
t = t'Hello {name}!'
print(type(t).__name__, type(t).__module__)
print(t.strings)
print(t.values)
i = t.interpolations[0]
print(type(i).__name__, i.value, i.expression, i.conversion, repr(i.format_spec))
