def f():
    try:
        raise KeyboardInterrupt
    except Exception:
        return 'caught by Exception?'
    except BaseException as e:
        return 'caught by BaseException ' + type(e).__name__
print(f())
try:
    raise SystemExit(2)
except SystemExit as e:
    print('SystemExit code', e.code)
try:
    raise GeneratorExit
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
