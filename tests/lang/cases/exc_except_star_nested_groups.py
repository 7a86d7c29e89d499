inner = ExceptionGroup('inner', [ValueError(1), TypeError(2)])
outer = ExceptionGroup('outer', [inner, ValueError(3)])
try:
    raise outer
except* ValueError as eg:
    print(repr(eg))
except* TypeError as eg:
    print(repr(eg))
print(repr(outer.derive([ZeroDivisionError()])))
