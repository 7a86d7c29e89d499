def f():
    try:
        try:
            return 1
        finally:
            a()
    finally:
        b()
