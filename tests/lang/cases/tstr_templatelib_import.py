# needs: import
from string.templatelib import Template, Interpolation
t = Template('a', Interpolation(1, 'one'), 'b')
print(t.strings, t.values, repr(t.interpolations[0].expression))
x = 9
print(isinstance(t'{x}', Template), isinstance(t'{x}'.interpolations[0], Interpolation))
i = Interpolation(5, 'five', 'r', '>3')
print(i.value, i.expression, i.conversion, i.format_spec)
print(repr(t'{x}'))
