try:
    compile('x = (1,\n', 'myfile.py', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    compile('1 +* 2', 'f.py', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, repr(e.text))
try:
    eval('def')
except SyntaxError as e:
    print(e.msg)
