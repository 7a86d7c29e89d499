x = 3.14159
t = t'{x!r:>10} and {x:.2f} and {x=}'
for part in t.interpolations:
    print(repr(part.expression), part.conversion, repr(part.format_spec), part.value)
print(t.strings)
