cases = [ValueError(), ValueError('one'), ValueError('a', 2), KeyError('k'), KeyError(), KeyError(1, 2),
         OSError(999, 'odd'), FileNotFoundError(2, 'No such file'), StopIteration(5), SystemExit(3), UnicodeError('u')]
for e in cases:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
