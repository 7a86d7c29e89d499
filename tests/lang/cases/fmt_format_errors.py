tests = [(1, 'z'), (1.5, 'd'), (1, '.2s'), ('s', '+'), (1, ',_'), (1.0, 'c'), (1, '#c'), ([], 'x')]
for v, spec in tests:
    try:
        print(repr(format(v, spec)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
