for src in ['f"{}"', 'f"{!r}"', 'f"{x!z}"', 'f"{x:{y:{z}}}"', "f'{'", "f'}'"]:
    try:
        compile(src, '<f>', 'eval')
        print('ok', src)
    except SyntaxError as e:
        print(repr(src), e.msg)
