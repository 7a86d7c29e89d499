def f():
    try:
        raise SystemExit(4)
    finally:
        print('finally during exit')
f()
