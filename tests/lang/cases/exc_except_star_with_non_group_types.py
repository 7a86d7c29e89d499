try:
    try:
        raise ExceptionGroup('g', [ValueError('x')])
    except* (TypeError, ValueError) as eg:
        print('matched', [type(e).__name__ for e in eg.exceptions])
except Exception as e:
    print('unexpected', e)
try:
    compile('try:\n    pass\nexcept* ExceptionGroup:\n    pass', '<s>', 'exec')
except SyntaxError as e:
    print('SyntaxError compile?', e.msg)
