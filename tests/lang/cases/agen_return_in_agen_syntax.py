src = 'async def f():\n    yield 1\n    return 2\n'
try:
    compile(src, '<agen>', 'exec')
except SyntaxError as e:
    print('SyntaxError:', e.msg, e.lineno)
