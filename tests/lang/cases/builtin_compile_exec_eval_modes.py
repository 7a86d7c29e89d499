code = compile('a = 2\nb = a * 21', 'mycode', 'exec')
ns = {}
exec(code, ns)
print(ns['b'], code.co_filename, code.co_name)
e = compile('[x ** 2 for x in range(4)]', 'e', 'eval')
print(eval(e), e.co_name)
print(eval('  1 + 1  '), eval('\t2'), eval('x', {'x': 'global'}), eval('len("ab")', {}))
print(eval('__builtins__ is not None'))
try:
    eval('x = 1')
except SyntaxError as e:
    print('SyntaxError:', e.msg)
try:
    exec('1/0')
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(exec('pass'), eval('None'))
