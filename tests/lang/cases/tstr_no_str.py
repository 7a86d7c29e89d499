x = 1
t = t'value {x}'
print(repr(t).startswith('Template('))
try:
    compile("t'a' 'b'", '<t>', 'eval')
except SyntaxError as e:
    print(e.msg)
