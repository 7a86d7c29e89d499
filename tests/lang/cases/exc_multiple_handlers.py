def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup ' + type(e).__name__
    except ArithmeticError:
        return 'arith'
    except Exception as e:
        return 'other ' + type(e).__name__
for exc in [KeyError('a'), IndexError, ZeroDivisionError, OverflowError, TypeError('t')]:
    print(classify(exc))
