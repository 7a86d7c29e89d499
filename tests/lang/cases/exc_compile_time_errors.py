for src in ['return 1', 'yield 1', 'break', 'continue', 'def f():\n    x = 1\n    global x',
            'def f():\n    nonlocal y', 'nonlocal z', 'await x', 'def f(a, a): pass',
            'f(x for x in y, 1)', 'del f()', 'x + 1 = 2', 'class C:\n    return 1',
            "def f():\n    print(x)\n    global x", 'f(**a, *b)', 'lambda: (yield)\nasync def g(): yield from x']:
    try:
        compile(src, '<src>', 'exec')
        print('compiled OK:', repr(src))
    except SyntaxError as e:
        print(repr(src), '->', e.msg, e.lineno)
